"""The lobbying report: signatures and letters per MP and constituency, with the week's trend, exportable,
for campaign staff only."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaign.models import LetterCount, LetterWeek
from campaign.models.letter_counts import week_starting
from campaign.models.stances import FollowUpAnswer, Position, Stance
from petition import counting, lobbying
from tests.geography.factories import ConstituencyFactory, MemberOfParliamentFactory
from tests.petition.factories import PetitionPageFactory, SignatureFactory
from website.staff.groups import ADMINISTRATORS, CAMPAIGN_MANAGERS, CASEWORKERS, EDITORS, MODERATORS

pytestmark = pytest.mark.django_db
REPORT = "petition_lobbying:index"

# A Wednesday afternoon: "this week" and "last week" are counted from the Monday before, so a signature made
# minutes ago on a Monday just after midnight would fall in last week.
REPORTED_AT = datetime(2026, 12, 2, 15, 0)


@pytest.fixture(autouse=True)
def reported_at(time_machine):
    time_machine.move_to(timezone.make_aware(REPORTED_AT), tick=False)


def staff_client(client, group):
    user = User.objects.create_user(f"staff-{group}", "s@waymark.example", "password-for-tests")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.fixture
def manager_client(client, home):
    return staff_client(client, CAMPAIGN_MANAGERS)


@pytest.fixture
def seats(db):
    """Two constituencies with MPs: Bermondsey (busy) and Aldershot (quiet)."""
    bermondsey = ConstituencyFactory(code="E14001085", name="Bermondsey and Old Southwark")
    aldershot = ConstituencyFactory(code="E14001063", name="Aldershot")
    MemberOfParliamentFactory(constituency=bermondsey, name="Neil Coyle", party="Labour")
    MemberOfParliamentFactory(constituency=aldershot, name="Alex Baker", party="Labour")
    return bermondsey, aldershot


def signed(petition, code, n, days_ago=0):
    at = timezone.now() - timedelta(days=days_ago, minutes=5)
    for _ in range(n):
        SignatureFactory(petition=petition, verified=True, verified_at=at, constituency_code=code)
    counting.update_counts()


def rows_by_code(petition):
    return {row.code: row for row in lobbying.constituencies_for(petition)}


def test_each_constituency_has_its_signatures_and_letters_this_week_last_week_and_in_all(petition, seats):
    bermondsey, aldershot = seats
    signed(petition, bermondsey.code, 4)
    signed(petition, bermondsey.code, 3, days_ago=7)
    signed(petition, bermondsey.code, 2, days_ago=30)
    signed(petition, aldershot.code, 1, days_ago=7)
    other = PetitionPageFactory(parent=petition.get_parent(), slug="other")
    signed(other, bermondsey.code, 50)  # another petition's signatures are not this one's
    for _ in range(2):
        LetterCount.record(bermondsey.code)
    LetterCount.objects.filter(pk=bermondsey.code).update(letters=5)  # three written in earlier weeks
    LetterWeek.objects.create(constituency=bermondsey, week=week_starting() - timedelta(days=7), letters=3)

    rows = rows_by_code(petition)
    busy, quiet = rows[bermondsey.code], rows[aldershot.code]
    assert (busy.signatures, busy.signatures_this_week, busy.signatures_last_week) == (9, 4, 3)
    assert (busy.letters, busy.letters_this_week, busy.letters_last_week) == (5, 2, 3)
    assert (quiet.signatures, quiet.signatures_this_week, quiet.signatures_last_week) == (1, 0, 1)
    assert (quiet.letters, quiet.letters_this_week) == (0, 0)
    assert (busy.mp_name, busy.mp_party) == ("Neil Coyle", "Labour")


def test_campaign_managers_see_the_report_busiest_first(petition, seats, manager_client):
    bermondsey, aldershot = seats
    signed(petition, aldershot.code, 1)
    signed(petition, bermondsey.code, 12)
    response = manager_client.get(reverse(REPORT), {"petition": petition.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Signatures and letters by MP" in html and petition.title in html
    assert html.index("Bermondsey and Old Southwark") < html.index("Aldershot")
    assert "12 (last week 0)" in html and "Neil Coyle" in html


def test_staff_can_search_for_an_mp(petition, seats, manager_client):
    response = manager_client.get(reverse(REPORT), {"q": "Coyle"})
    html = response.content.decode()
    assert "Bermondsey and Old Southwark" in html and "Aldershot" not in html


def test_the_report_exports_to_a_spreadsheet_safe_from_formulas(petition, seats, manager_client):
    bermondsey, _aldershot = seats
    signed(petition, bermondsey.code, 2)
    rogue = ConstituencyFactory(code="E14009999", name='=HYPERLINK("http://evil")')
    MemberOfParliamentFactory(constituency=rogue, name="+Rogue", party="@Party")
    response = manager_client.get(reverse(REPORT), {"export": "csv", "petition": petition.pk})
    body = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert body.splitlines()[0] == (
        "Constituency,ONS code,MP,Party,Signatures,Signatures this week,Signatures last week,"
        "Letters,Letters this week,Letters last week,Stand,Stand stated on,Stand source,"
        "Follow-ups: replied (unverified),Follow-ups: not yet (unverified)"
    )
    assert "Bermondsey and Old Southwark,E14001085,Neil Coyle,Labour,2,2,0,0,0,0,,,,0,0" in body
    assert "'=HYPERLINK" in body and "'+Rogue" in body and "'@Party" in body
    assert manager_client.get(reverse(REPORT), {"export": "xlsx"}).status_code == 200


def test_by_default_and_in_its_downloads_the_report_shows_the_newest_petition_not_its_translation(
    petition, seats, manager_client
):
    """A petition's Welsh translation is newer than it, and its signatures count on the English page."""
    from wagtail.models import Locale, Site

    bermondsey, _aldershot = seats
    PetitionPageFactory._meta.model.objects.filter(pk=petition.pk).update(
        first_published_at=timezone.now() - timedelta(days=30)
    )
    page = petition.copy_for_translation(
        Locale.objects.get_or_create(language_code="cy")[0], copy_parents=True
    )
    page.title = "Cofrestru camdrinwyr cyfresol"
    page.save_revision().publish()
    Site.clear_site_root_paths_cache()
    translation = page.specific_class.objects.get(pk=page.pk)
    signed(petition, bermondsey.code, 7)
    assert translation.first_published_at > timezone.now() - timedelta(days=1)

    html = manager_client.get(reverse(REPORT)).content.decode()
    assert "7 (last week 0)" in html
    # One choice for the petition, in the site's language.
    assert html.count(f'value="{petition.pk}"') == 1 and f'value="{translation.pk}"' not in html
    assert "Cofrestru camdrinwyr cyfresol" not in html
    # Chosen through the translation's id (an old link), it is still the one petition.
    assert (
        "7 (last week 0)"
        in manager_client.get(reverse(REPORT), {"petition": translation.pk}).content.decode()
    )
    for export in ("csv", "xlsx"):
        response = manager_client.get(reverse(REPORT), {"export": export})
        assert response.status_code == 200
    csv = b"".join(manager_client.get(reverse(REPORT), {"export": "csv"}).streaming_content).decode()
    assert "Bermondsey and Old Southwark,E14001085,Neil Coyle,Labour,7,7,0,0,0,0" in csv


@pytest.mark.parametrize("group", [EDITORS, MODERATORS, CASEWORKERS, ADMINISTRATORS])
def test_only_campaign_staff_may_see_it(petition, seats, client, group):
    response = staff_client(client, group).get(reverse(REPORT))
    assert response.status_code in (302, 403)
    assert "Neil Coyle" not in response.content.decode()
    export = client.get(reverse(REPORT), {"export": "csv"})
    assert export.status_code in (302, 403)


def test_visitors_who_are_not_signed_in_are_sent_to_sign_in(petition, client):
    response = client.get(reverse(REPORT))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_menu_shows_the_report_only_to_those_who_may_see_it(petition, client, manager_client):
    html = manager_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Signatures and letters by MP" in html
    client.logout()
    html = staff_client(client, EDITORS).get(reverse("wagtailadmin_home")).content.decode()
    assert "Signatures and letters by MP" not in html


def test_the_campaign_managers_group_holds_the_permission(db):
    from website.staff.groups import sync_group_permissions

    sync_group_permissions()
    for group, expected in [(CAMPAIGN_MANAGERS, True), (EDITORS, False), (CASEWORKERS, False)]:
        codenames = set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))
        assert ("view_lobbying_report" in codenames) is expected


# --- the MP's stand and the follow-up answers ------------------------------------------------------------


def stood(mp, position, days_ago, source="", name=None):
    return Stance.objects.create(
        mp=mp,
        name=name or mp.name,
        position=position,
        stated_on=timezone.localdate() - timedelta(days=days_ago),
        source_url=source,
    )


def answered(mp, replied, n, name=None):
    for _ in range(n):
        FollowUpAnswer.objects.create(
            mp=mp,
            name=name or mp.name,
            replied=replied,
            week=week_starting(),
            token_hash=f"{FollowUpAnswer.objects.count():064d}",
        )


def test_each_mp_has_their_latest_stand_and_their_follow_up_answers(petition, seats):
    bermondsey, aldershot = seats
    stood(bermondsey.mp, Position.UNDECIDED, days_ago=30)
    stood(bermondsey.mp, Position.SUPPORTS, days_ago=3, source="https://example.org/statement")
    stood(bermondsey.mp, Position.OPPOSES, days_ago=90, name="A former MP")  # the seat's last MP
    answered(bermondsey.mp, replied=True, n=3)
    answered(bermondsey.mp, replied=False, n=1)
    answered(bermondsey.mp, replied=True, n=5, name="A former MP")

    rows = rows_by_code(petition)
    busy, quiet = rows[bermondsey.code], rows[aldershot.code]
    assert (busy.stance_position, busy.stance_stated_on, busy.stance_source_url) == (
        Position.SUPPORTS,
        timezone.localdate() - timedelta(days=3),
        "https://example.org/statement",
    )
    assert (busy.answers_replied, busy.answers_not_yet) == (3, 1)
    assert (quiet.stance_position, quiet.answers_replied, quiet.answers_not_yet) == (None, 0, 0)


def test_the_report_shows_the_stand_with_its_source_and_the_unverified_answers(
    petition, seats, manager_client
):
    bermondsey, _aldershot = seats
    stood(bermondsey.mp, Position.SUPPORTS, days_ago=0, source="https://example.org/statement")
    answered(bermondsey.mp, replied=True, n=2)

    html = manager_client.get(reverse(REPORT), {"petition": petition.pk}).content.decode()

    assert f"Supports ({timezone.localdate():%-d %b %Y})" in html
    assert 'href="https://example.org/statement"' in html
    assert "No stand recorded" in html  # Aldershot
    assert "Follow-up answers (unverified)" in html
    assert "2 replied / 0 not yet" in html


def test_staff_find_the_mps_of_busy_constituencies_who_have_not_replied(petition, seats, manager_client):
    bermondsey, aldershot = seats
    quiet_but_busy = ConstituencyFactory(code="E14001100", name="Brent East")
    MemberOfParliamentFactory(constituency=quiet_but_busy, name="Dawn Butler", party="Labour")
    signed(petition, bermondsey.code, 6)
    signed(petition, quiet_but_busy.code, 6)
    signed(petition, aldershot.code, 2)
    stood(bermondsey.mp, Position.NO_REPLY, days_ago=1)
    stood(aldershot.mp, Position.NO_REPLY, days_ago=1)

    def listed(**filters):
        response = manager_client.get(reverse(REPORT), {"petition": petition.pk, **filters})
        return {row.code for row in response.context["object_list"]}

    assert listed(position=Position.NO_REPLY, signatures_over=5) == {bermondsey.code}
    assert listed(position=lobbying.NO_STAND) == {quiet_but_busy.code}
    assert listed(signatures_over=5) == {bermondsey.code, quiet_but_busy.code}
    assert listed(position=Position.SUPPORTS) == set()


def test_the_report_is_one_query_however_many_mps_stands_and_answers(petition, seats, manager_client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            rows = list(lobbying.constituencies_for(petition))
            assert all(row.answers_replied + row.answers_not_yet >= 0 for row in rows)
        return len(captured)

    def report_queries():
        with CaptureQueriesContext(connection) as captured:
            response = manager_client.get(reverse(REPORT), {"petition": petition.pk, "signatures_over": 0})
            assert response.status_code == 200
        return len(captured)

    bermondsey, aldershot = seats
    signed(petition, bermondsey.code, 1)  # a row to list: an empty page skips the rows' query
    report_queries()  # the first request warms what a process keeps (sessions, site, permissions)
    few, few_in_the_report = queries(), report_queries()
    assert few == 1
    for n in range(5):
        seat = ConstituencyFactory(code=f"E1400120{n}", name=f"Seat {n}")
        mp = MemberOfParliamentFactory(constituency=seat, name=f"MP {n}")
        stood(mp, Position.SUPPORTS, days_ago=n, source="https://example.org/s")
        answered(mp, replied=bool(n % 2), n=2)
        signed(petition, seat.code, 1)
    stood(bermondsey.mp, Position.OPPOSES, days_ago=0)
    answered(aldershot.mp, replied=False, n=3)

    assert queries() == few
    assert report_queries() == few_in_the_report


def test_the_stand_is_exported_with_its_date_and_source(petition, seats, manager_client):
    bermondsey, _aldershot = seats
    stood(bermondsey.mp, Position.SUPPORTS, days_ago=0, source="https://example.org/statement")
    answered(bermondsey.mp, replied=False, n=1)

    response = manager_client.get(reverse(REPORT), {"export": "csv", "petition": petition.pk})
    body = b"".join(response.streaming_content).decode()

    assert f"supports,{timezone.localdate():%Y-%m-%d},https://example.org/statement,0,1" in body


# --- representatives other than MPs ---------------------------------------------------------------------


def test_other_representatives_have_their_letters_stand_and_answers_without_signatures(manager_client, db):
    from campaign.models.letter_counts import RepresentativeLetterCount
    from geography.models import Area, Representative

    area = Area.objects.create(
        body="policing", kind=Area.Kind.POLICE_FORCE_AREA, code="E23000036", name="Avon and Somerset"
    )
    pcc = Representative.objects.create(area=area, role=Representative.Role.COMMISSIONER, name="Clare Moody")
    senedd = Area.objects.create(
        body="senedd", kind=Area.Kind.CONSTITUENCY, code="W09000100", name="Caerdydd"
    )
    Representative.objects.create(area=senedd, role=Representative.Role.MEMBER, name="A Member")
    RepresentativeLetterCount.objects.create(representative=pcc, letters=7)
    Stance.objects.create(
        representative=pcc,
        name=pcc.name,
        position=Position.UNDECIDED,
        stated_on=timezone.localdate(),
        source_url="https://example.org/pcc",
    )
    FollowUpAnswer.objects.create(
        representative=pcc, name=pcc.name, replied=True, week=week_starting(), token_hash="1" * 64
    )

    url = reverse("petition_representatives:index")
    response = manager_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Clare Moody" in html and "Avon and Somerset" in html
    assert 'href="https://example.org/pcc"' in html and "1 replied / 0 not yet" in html
    assert "Signatures are counted by Westminster constituency only" in html
    row = next(r for r in response.context["object_list"] if r.pk == pcc.pk)
    assert row.letters == 7

    policing = manager_client.get(url, {"body": "policing"}).context["object_list"]
    assert [r.name for r in policing] == ["Clare Moody"]
    no_stand = manager_client.get(url, {"position": lobbying.NO_STAND}).context["object_list"]
    assert [r.name for r in no_stand] == ["A Member"]
    with CaptureQueriesContext(connection) as captured:
        assert len(list(lobbying.representatives())) == 2
    assert len(captured) == 1
    assert url in manager_client.get(reverse("wagtailadmin_home")).content.decode()


def test_only_campaign_staff_may_see_the_representatives(client, home):
    response = staff_client(client, EDITORS).get(reverse("petition_representatives:index"))
    assert response.status_code in (302, 403)
