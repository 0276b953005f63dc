"""Staff: signatures listing with filters, bulk invalidation, safe supporters export, stop collecting."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from petition import counting
from petition.models import PetitionCount, PetitionPage, Signature
from tests.petition.factories import SignatureFactory
from website.staff.groups import CAMPAIGN_MANAGERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home):
    user = User.objects.create_superuser("boss", "boss@waymark.example", "password-for-tests")
    client.force_login(user)
    return client


@pytest.fixture
def manager_client(client, home):
    user = User.objects.create_user("manager", "m@waymark.example", "password-for-tests")
    user.groups.add(Group.objects.get(name=CAMPAIGN_MANAGERS))
    client.force_login(user)
    return client


def verified(petition, n, **fields):
    at = timezone.now() - timezone.timedelta(minutes=1)
    return [SignatureFactory(petition=petition, verified=True, verified_at=at, **fields) for _ in range(n)]


def test_campaign_managers_can_list_search_and_filter_signatures(petition, manager_client):
    verified(petition, 2, email_domain="spam.example")
    SignatureFactory(petition=petition, name="Findable Person", email_domain="example.org")
    url = reverse("petition_signatures:index")
    assert manager_client.get(url).status_code == 200
    response = manager_client.get(url, {"q": "Findable"})
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 1
    response = manager_client.get(url, {"email_domain": "spam.example", "state": "verified"})
    assert len(response.context["object_list"]) == 2
    response = manager_client.get(url, {"petition": petition.pk, "constituency_code": "E14001234"})
    assert response.status_code == 200


def test_bulk_invalidation_shows_how_many_first_then_decrements_the_counts(petition, manager_client):
    verified(petition, 3, email_domain="spam.example")
    verified(petition, 2, email_domain="example.org")
    counting.update_counts()
    url = reverse("petition_invalidate:index")
    data = {"petition": petition.pk, "state": ["verified", "pending"], "email_domain": "spam.example"}
    response = manager_client.post(url, {**data, "preview": "1"})
    assert response.context["count"] == 3
    assert "3 signatures will be invalidated" in response.content.decode()
    assert Signature.objects.filter(state="invalidated").count() == 0
    response = manager_client.post(url, {**data, "confirm": "1", "expected": 3})
    assert response.status_code == 302
    assert Signature.objects.filter(state="invalidated", fraud_reason="staff").count() == 3
    assert PetitionCount.objects.get(petition=petition).signature_count == 2


def test_bulk_invalidation_refuses_when_the_number_changed(petition, manager_client):
    verified(petition, 3, email_domain="spam.example")
    data = {"petition": petition.pk, "state": ["verified"], "email_domain": "spam.example"}
    url = reverse("petition_invalidate:index")
    response = manager_client.post(url, {**data, "confirm": "1", "expected": 2})
    assert response.status_code == 200
    assert Signature.objects.filter(state="invalidated").count() == 0


def test_bulk_invalidation_needs_a_filter(petition, manager_client):
    response = manager_client.post(
        reverse("petition_invalidate:index"), {"petition": petition.pk, "state": ["verified"], "preview": "1"}
    )
    assert "Choose at least one filter" in response.content.decode()


def test_bulk_invalidation_needs_the_permission(petition, client, home):
    user = User.objects.create_user("editor", "e@waymark.example", "password-for-tests")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert client.get(reverse("petition_invalidate:index")).status_code in (302, 403)


def test_the_export_holds_only_verified_opted_in_signers_and_is_safe_from_formulas(petition, admin_client):
    verified(petition, 1, name='=HYPERLINK("http://evil")', opt_in=True, email="a@example.org")
    verified(petition, 1, name="Not Opted", opt_in=False)
    SignatureFactory(petition=petition, name="Pending Person", opt_in=True)
    response = admin_client.get(reverse("petition_supporters:index"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body
    assert "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body
    assert "Not Opted" not in body and "Pending Person" not in body
    response = admin_client.get(reverse("petition_supporters:index"), {"export": "xlsx"})
    assert response.status_code == 200


def test_names_stored_with_direction_controls_are_shown_and_exported_without_them(petition, manager_client):
    # Stored before the form stripped them: an override would show the rest of the screen's text backwards.
    (reversed_name,) = verified(petition, 1, opt_in=True, name="\u202eevil\u2066 Person\u2069")
    (hidden_formula,) = verified(petition, 1, opt_in=True, name='\u200f=HYPERLINK("http://evil")')
    controls = ("\u202e", "\u2066", "\u2069", "\u200f")
    screens = [
        reverse("petition_supporters:index"),
        reverse("petition_supporters:edit", args=[reversed_name.pk]),
        reverse("petition_signatures:inspect", args=[reversed_name.pk]),
    ]
    for url in screens:
        html = manager_client.get(url).content.decode()
        assert "evil Person" in html, url
        assert not any(control in html for control in controls), url
    response = manager_client.get(reverse("petition_supporters:index"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "evil Person" in body and "'=HYPERLINK" in body
    assert not any(control in body for control in controls)
    assert Signature.objects.get(pk=hidden_formula.pk).name.startswith("\u200f")  # shown clean, not rewritten


def test_stop_collecting_stops_at_once(petition, admin_client):
    url = reverse("petition_stop_collecting", args=[petition.pk])
    assert "Stop collecting" in admin_client.get(url).content.decode()
    admin_client.post(url)
    page = PetitionPage.objects.get(pk=petition.pk)
    assert page.state == PetitionPage.State.STOPPED
    assert not page.is_collecting()
    assert page.get_latest_revision_as_object().state == PetitionPage.State.STOPPED


def test_the_stop_button_is_offered_in_the_page_explorer(petition, admin_client):
    response = admin_client.get(reverse("wagtailadmin_explore", args=[petition.get_parent().pk]))
    assert reverse("petition_stop_collecting", args=[petition.pk]) in response.content.decode()


def test_the_petition_admin_pages_render(petition, admin_client):
    for name in [
        "petition_domain_rules:index",
        "petition_blocked_domains:index",
        "petition_blocked_networks:index",
        "petition_supporters:index",
        "petition_invalidate:index",
    ]:
        assert admin_client.get(reverse(name)).status_code == 200, name
    signature = SignatureFactory(petition=petition)
    assert admin_client.get(reverse("petition_signatures:inspect", args=[signature.pk])).status_code == 200
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[petition.pk])).status_code == 200


def test_the_signatures_list_names_constituencies_instead_of_showing_codes(petition, manager_client):
    from geography.models import Constituency

    Constituency.objects.create(code="E14001234", name="Aldershot")
    verified(petition, 1, constituency_code="E14001234")
    verified(petition, 1, constituency_code="")
    response = manager_client.get(reverse("petition_signatures:index"))
    html = response.content.decode()
    assert "Aldershot" in html
    assert "E14001234" not in html.split("<tbody")[1]
    # The filter offers the name, and filters on the code the rows hold.
    assert '<option value="E14001234">Aldershot</option>' in html
    response = manager_client.get(reverse("petition_signatures:index"), {"constituency_code": "E14001234"})
    assert [row.constituency_name for row in response.context["object_list"]] == ["Aldershot"]
    signature = Signature.objects.get(constituency_code="E14001234")
    response = manager_client.get(reverse("petition_signatures:inspect", args=[signature.pk]))
    assert "Aldershot (E14001234)" in response.content.decode()


def test_the_supporters_screen_is_titled_for_what_it_shows_and_offers_no_add(petition, manager_client):
    from geography.models import Constituency

    Constituency.objects.create(code="E14001234", name="Aldershot")
    (supporter,) = verified(petition, 1, opt_in=True, name="Sam Supporter", constituency_code="E14001234")
    response = manager_client.get(reverse("petition_supporters:index"))
    html = response.content.decode()
    assert "<title>Supporters to contact" in html
    assert "Add signature" not in html and reverse("petition_supporters:add") not in html
    assert "Aldershot" in html
    response = manager_client.get(reverse("petition_supporters:edit", args=[supporter.pk]))
    html = response.content.decode()
    assert "Supporters to contact" in html and ">Signatures<" not in html
    response = manager_client.get(reverse("petition_supporters:index"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "Constituency" in body.splitlines()[0] and "Aldershot" in body


def test_every_petition_screen_is_titled_and_works_before_any_petition_exists(admin_client):
    for name, title in [
        ("petition_invalidate:index", "Invalidate signatures"),
        ("petition_lobbying:index", "Signatures and letters by MP"),
        ("campaign_updates:index", "Campaign updates"),
    ]:
        response = admin_client.get(reverse(name))
        assert response.status_code == 200, name
        assert f"<title>{title}" in response.content.decode(), name
