"""import_mps: the 650 constituencies and MPs from the Commons Library, and the Members API sync."""

import pytest
from django.core.management import CommandError, call_command

from geography.models import Constituency, MemberOfParliament
from geography.parliament import MembersApi, match_key, sync_members
from tests.geography.conftest import GE2024_RESULTS, shared_file
from tests.geography.recorded import recorded_session

pytestmark = pytest.mark.django_db


def import_results(*args):
    call_command("import_mps", str(shared_file(GE2024_RESULTS)), *args, verbosity=0)


def test_the_commons_library_file_loads_650_constituencies_and_mps():
    import_results()
    assert Constituency.objects.count() == 650
    assert MemberOfParliament.objects.count() == 650
    assert Constituency.objects.filter(code__startswith="S14").count() == 57
    mp = MemberOfParliament.objects.select_related("constituency").get(constituency_id="S14000061")
    assert (mp.name, mp.party, mp.constituency.name, mp.constituency.country) == (
        "Stephen Flynn",
        "Scottish National Party",
        "Aberdeen South",
        "Scotland",
    )
    assert Constituency.objects.get(pk="W07000102").name == "Montgomeryshire and Glyndŵr"


def test_importing_again_keeps_what_staff_corrected():
    import_results()
    MemberOfParliament.objects.filter(constituency_id="S14000061").update(name="A By-election Winner")
    import_results()
    assert MemberOfParliament.objects.get(constituency_id="S14000061").name == "A By-election Winner"
    import_results("--replace-mps")
    assert MemberOfParliament.objects.get(constituency_id="S14000061").name == "Stephen Flynn"


def test_a_file_in_another_format_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("code,name\nS14000061,Aberdeen South\n")
    with pytest.raises(CommandError, match="Not a Commons Library results file"):
        call_command("import_mps", str(path), verbosity=0)


def test_names_match_across_accents_case_and_ampersands():
    assert match_key("Montgomeryshire and Glyndŵr") == match_key("Montgomeryshire and Glyndwr")
    assert match_key("Ynys Môn") == match_key("ynys mon")
    assert match_key("Brighton Kemptown & Peacehaven") == match_key("Brighton Kemptown and Peacehaven")


def _api(**extra):
    routes = {
        "/api/Members/4616/Contact": "members_contact_4616.json",
        **extra,
    }
    return MembersApi(session=recorded_session(routes), base_url="https://members-api.example")


def test_sync_updates_the_mp_and_their_parliamentary_email():
    import_results()
    api = _api(**{"/api/Location/Constituency/Search": "members_search_aberdeen_south.json"})
    counts = sync_members(api, Constituency.objects.filter(pk="S14000061"))
    mp = MemberOfParliament.objects.get(constituency_id="S14000061")
    assert (mp.name, mp.email, mp.parliament_id, mp.is_vacant) == (
        "Stephen Flynn",
        "parliamentary-office@example.org",
        4616,
        False,
    )
    assert counts.mps_updated == 1 and not counts.problems


def test_sync_matches_names_without_accents_and_marks_a_vacant_seat():
    import_results()
    api = _api(**{"/api/Location/Constituency/Search": "members_search_montgomeryshire.json"})
    sync_members(api, Constituency.objects.filter(pk="W07000102"))
    mp = MemberOfParliament.objects.get(constituency_id="W07000102")
    assert mp.is_vacant and mp.name == ""


def test_sync_leaves_an_ambiguous_or_failing_seat_alone_and_says_so():
    import_results()
    api = _api(**{"/api/Location/Constituency/Search": "members_search_ambiguous.json"})
    counts = sync_members(api, Constituency.objects.filter(pk="S14000061"))
    assert MemberOfParliament.objects.get(constituency_id="S14000061").name == "Stephen Flynn"
    assert "no matching constituencies" in counts.problems[0]

    session = recorded_session({}, raise_for={"/api/Location/Constituency/Search"})
    counts = sync_members(MembersApi(session=session), Constituency.objects.filter(pk="S14000061"))
    assert "Timeout" in counts.problems[0]
