"""The petition page: counts from counters, progress, charts, share links, states, count.json."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from petition import counting
from petition.models import PetitionPage
from tests.petition.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def count_verified(petition, n, **fields):
    for _ in range(n):
        SignatureFactory(
            petition=petition, verified=True, verified_at=timezone.now() - timedelta(minutes=1), **fields
        )
    counting.update_counts()


def test_the_page_shows_the_count_and_progress_toward_the_target(petition, client):
    count_verified(petition, 3)
    html = client.get(petition.url).content.decode()
    assert "3 signatures" in html
    assert 'value="0"' in html  # 3 of 1,000 rounds to 0%
    assert "target of 1,000" in html


def test_counts_by_constituency_and_country_as_a_table_and_svg_bars(petition, client):
    from geography.models import Constituency

    Constituency.objects.create(code="E14000001", name="Aldershot")
    count_verified(petition, 2, constituency_code="E14000001", country_code="E92000001")
    count_verified(petition, 1, constituency_code="", country_code="FR")
    html = client.get(petition.url).content.decode()
    assert "<svg" in html and "<rect" in html
    assert '<th scope="row">Aldershot</th><td class="numeric">2</td>' in html
    assert "England" in html and "France" in html
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


def test_share_links_are_plain_links(petition, client):
    html = client.get(petition.url).content.decode()
    assert "https://wa.me/?text=" in html
    assert "mailto:?subject=" in html


def test_the_page_does_not_count_rows(petition, client):
    """Rendering reads the counters, so its work does not grow with the number of signatures."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_a_warm_view():
        client.get(petition.url)  # fills the per-update stats cache, as the first visitor would
        with CaptureQueriesContext(connection) as queries:
            client.get(petition.url)
        return len(queries.captured_queries)

    count_verified(petition, 1)
    before = queries_for_a_warm_view()
    count_verified(petition, 40)
    assert queries_for_a_warm_view() == before


def test_the_signature_rows_are_never_counted_on_a_page_view(petition, client, django_assert_max_num_queries):
    count_verified(petition, 2)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(petition.url)
    assert not any("petition_signature" in q["sql"] for q in queries.captured_queries)


@pytest.mark.parametrize("state", [PetitionPage.State.CLOSED, PetitionPage.State.STOPPED])
def test_a_closed_or_stopped_petition_shows_the_closed_text_and_refuses_signatures(
    petition, client, sign, state
):
    petition.state = state
    petition.closed_text = "<p>Closed, thank you all.</p>"
    petition.save_revision().publish()
    html = client.get(petition.url).content.decode()
    assert "Closed, thank you all." in html
    assert "Sign the petition</h2>" not in html
    sign(petition)
    from petition.models import Signature

    assert Signature.objects.count() == 0


def test_a_petition_past_its_closing_date_stops_collecting(petition):
    petition.closes_at = timezone.now() - timedelta(minutes=1)
    assert not petition.is_collecting()
    assert petition.closed_since() == petition.closes_at


def test_a_petition_not_yet_open(petition, client):
    petition.opens_at = timezone.now() + timedelta(days=2)
    petition.save_revision().publish()
    assert "This petition opens on" in client.get(petition.url).content.decode()


def test_confirming_after_the_petition_closed_does_not_count(petition, sign, client):
    from django.core import mail

    from petition.models import Signature
    from tests.petition.conftest import confirm_link

    sign(petition)
    PetitionPage.objects.filter(pk=petition.pk).update(state=PetitionPage.State.STOPPED)
    client.post(confirm_link(mail.outbox[0]))
    assert Signature.objects.get().state == Signature.State.PENDING


def test_count_json_returns_aggregates_only_and_is_cacheable_for_a_minute(petition, client):
    from geography.models import Constituency

    Constituency.objects.create(code="E14000001", name="Aldershot")
    count_verified(petition, 2, constituency_code="E14000001", country_code="E92000001")
    response = client.get(petition.url + "count.json")
    assert response.status_code == 200
    assert "max-age=60" in response["Cache-Control"] and "public" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["signature_count"] == 2
    assert data["by_constituency"] == {"E14000001": {"name": "Aldershot", "count": 2}}
    assert data["by_country"] == {"E92000001": {"name": "England", "count": 2}}
    assert data["updated_at"]
    assert "example.org" not in response.content.decode() and "Signer" not in response.content.decode()


def test_count_json_for_other_pages_is_not_found(home, client):
    assert client.get("/about/count.json").status_code == 404
    assert client.get("/nowhere/count.json").status_code == 404


# --- The page's view restrictions hold for signing and count.json too ------------------------------------


def restrict(page, restriction_type, **fields):
    from wagtail.models import PageViewRestriction

    return PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **fields)


@pytest.mark.parametrize("restriction_type", ["password", "login", "groups"])
def test_a_restricted_petition_cannot_be_signed_or_counted_from_outside(
    petition, client, sign, restriction_type
):
    """Attack: the signing endpoint did not check the page's view restrictions."""
    from petition.models import Signature

    fields = {"password": "members only 2026"} if restriction_type == "password" else {}
    restriction = restrict(petition, restriction_type, **fields)
    if restriction_type == "groups":
        from django.contrib.auth.models import Group

        restriction.groups.add(Group.objects.get(name="Editors"))
    response = sign(petition)
    assert response.status_code == 303
    assert response["Location"] == petition.url
    assert not Signature.objects.exists()
    assert client.get(petition.url + "count.json").status_code == 404
    # Wagtail's own route to the same counts shows the password or sign-in step instead.
    assert client.get(petition.url + "count.json/")["Content-Type"] != "application/json"


def test_a_visitor_who_gave_the_password_signs_and_sees_private_counts(petition, client, sign):
    from petition.models import Signature

    restriction = restrict(petition, "password", password="members only 2026")
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{petition.pk}/",
        {"password": "members only 2026", "return_url": petition.url},
    )
    assert response.status_code == 302
    assert sign(petition).status_code == 303
    assert Signature.objects.count() == 1
    counts = client.get(petition.url + "count.json")
    assert counts.status_code == 200
    assert "private" in counts["Cache-Control"] and "public" not in counts["Cache-Control"]
    assert "Access-Control-Allow-Origin" not in counts


def test_a_restriction_on_a_parent_page_holds_for_signing_too(petition, home, sign):
    from petition.models import Signature

    restrict(home, "login")
    assert sign(petition).status_code == 303
    assert not Signature.objects.exists()
    assert PetitionPage.objects.for_signing(petition.pk).restricted
    home.get_view_restrictions().delete()
    assert not PetitionPage.objects.for_signing(petition.pk).restricted
