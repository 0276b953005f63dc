"""The lobbying report: signatures and letters per MP and constituency, with the week's trend, exportable,
for campaign staff only."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from campaign.models import LetterCount, LetterWeek
from campaign.models.letter_counts import week_starting
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
        "Letters,Letters this week,Letters last week"
    )
    assert "Bermondsey and Old Southwark,E14001085,Neil Coyle,Labour,2,2,0,0,0,0" in body
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
