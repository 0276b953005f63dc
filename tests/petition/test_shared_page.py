"""The petition page is the same for everyone, so the page cache and a CDN share it; signing stays protected
from other websites (no CSRF token on the page: the sign endpoint checks where a post comes from)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from petition import counting
from petition.models import Signature
from tests.petition.conftest import confirm_link
from tests.petition.factories import SignatureFactory
from website import page_cache

pytestmark = pytest.mark.django_db

SIGNER = {
    "name": "Alex Smith",
    "email": "alex@example.org",
    "location": "UK",
    "postcode": "SW1A 1AA",
    "country": "",
}


def post_sign(client, petition, **headers):
    return client.post(reverse("petition_sign", args=[petition.pk]), SIGNER, **headers)


def test_the_page_carries_nothing_personal(petition, client):
    response = client.get(petition.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sign the petition</h2>" in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies  # no session, no CSRF cookie, no messages
    assert "cookie" not in response.get("Vary", "").lower()
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=40" in cache_control and "s-maxage=40" in cache_control
    assert "private" not in cache_control and "no-store" not in cache_control


def test_anonymous_visitors_share_one_copy(petition, client):
    first = client.get(petition.url)
    client.cookies.clear()
    second = Client().get(petition.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert int(second["Age"]) >= 0
    assert "cookie" not in second.get("Vary", "").lower()


def test_publishing_the_petition_purges_its_shared_copy(petition, client):
    client.get(petition.url)
    petition.ask = "Make serial perpetrators visible to every police force."
    petition.save_revision().publish()
    response = client.get(petition.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Make serial perpetrators visible to every police force." in response.content.decode()


def test_the_count_on_the_shared_copy_is_at_most_a_minute_old(petition, client, time_machine):
    def count_one_more():
        SignatureFactory(petition=petition, verified=True, verified_at=timezone.now() - timedelta(minutes=1))
        counting.update_counts()

    count_one_more()
    assert "1 signature" in client.get(petition.url).content.decode()
    count_one_more()
    # The shared copy lags behind the counter...
    assert "1 signature" in client.get(petition.url).content.decode()
    # ...for at most shared_cache_seconds (40 s; the counters themselves lag up to ~20 s).
    key = f"{page_cache.KEY_PREFIX}en-gb:http://testserver{petition.url}"
    if hasattr(cache, "ttl"):  # Redis: ask it how long the copy has left
        assert 0 < cache.ttl(key) <= 40
        cache.delete(key)
    else:  # the in-memory cache: move its clock past the copy's lifetime
        time_machine.move_to(timezone.now() + timedelta(seconds=41))
    assert "2 signatures" in client.get(petition.url).content.decode()


def test_reloading_after_a_form_error_goes_back_to_the_form_not_an_error(petition, client):
    """After a form with errors the address bar shows /petitions/<id>/sign/: pull-to-refresh or a phone
    restoring the tab asks for it by GET."""
    address = reverse("petition_sign", args=[petition.pk])
    assert client.post(address, {**SIGNER, "email": "not an address"}).status_code == 200
    reload = client.get(address)
    assert reload.status_code == 302 and reload["Location"] == f"{petition.url}#sign-title"
    assert 'id="sign-title"' in client.get(petition.url).content.decode()
    assert client.get(reverse("petition_sign", args=[petition.pk + 1000])).status_code == 404


def test_a_form_with_errors_keeps_what_was_typed_and_is_never_shared(petition, client):
    response = client.post(
        reverse("petition_sign", args=[petition.pk]),
        {**SIGNER, "email": "not an address", "name": "Sam Typed"},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Sam Typed"' in html and 'value="not an address"' in html
    assert "Enter an email address in the right format" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    # The next visitor gets the blank form, not someone's answers.
    client.cookies.clear()
    assert "Sam Typed" not in client.get(petition.url).content.decode()


def test_signing_from_the_page_works_end_to_end_with_csrf_checks_on(petition):
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(petition.url).status_code == 200
    same_origin = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
    response = post_sign(browser, petition, **same_origin)
    assert response.status_code == 303
    assert response["Location"].endswith("/check-your-email/")
    assert Signature.objects.get().state == Signature.State.PENDING
    # Confirming is a form on a never-cached page, with Django's CSRF token as everywhere else.
    link = confirm_link(mail.outbox[0])
    token = browser.get(link).context["csrf_token"]
    confirmed = browser.post(link, {"csrfmiddlewaretoken": str(token)}, **same_origin)
    assert confirmed.status_code == 303
    assert Signature.objects.get().state == Signature.State.VERIFIED


def test_an_older_browser_that_sends_only_a_matching_origin_can_sign(petition, client):
    assert post_sign(client, petition, HTTP_ORIGIN="http://testserver").status_code == 303
    assert Signature.objects.get().state == Signature.State.PENDING


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://attacker.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://sub.testserver"},
        # Sec-Fetch-Site wins over an Origin that looks like ours.
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "https://attacker.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
    ],
)
def test_a_post_from_another_website_is_refused_and_emails_nobody(petition, client, headers):
    """Attack: a page elsewhere makes its visitors' browsers sign with addresses it chose, so the
    confirmation emails come from many addresses and the per-address limits do not hold them."""
    response = post_sign(client, petition, **headers)
    assert response.status_code == 403
    assert Signature.objects.count() == 0
    assert mail.outbox == []


def test_a_trusted_origin_may_post(petition, client, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.campaign.example"]
    response = post_sign(
        client, petition, HTTP_SEC_FETCH_SITE="same-site", HTTP_ORIGIN="https://www.campaign.example"
    )
    assert response.status_code == 303
    assert Signature.objects.count() == 1


def test_a_request_no_browser_sent_meets_the_other_defences(petition, client, petition_settings):
    """No Sec-Fetch-Site and no Origin: a script, not a visitor's browser, so no one's browser is being
    used. The limits still hold: past the address's ceiling on unconfirmed signatures nothing is stored."""
    petition_settings(unconfirmed_per_address=50)
    for n in range(50):
        response = client.post(
            reverse("petition_sign", args=[petition.pk]),
            {**SIGNER, "email": f"script{n}@example.org"},
            REMOTE_ADDR="198.51.100.4",
        )
        assert response.status_code == 303
    assert post_sign(client, petition, REMOTE_ADDR="198.51.100.4").status_code == 429
    assert Signature.objects.filter(state=Signature.State.PENDING).count() == 50
    assert len(mail.outbox) == 50


def test_posting_to_the_page_itself_still_needs_django_csrf_token(petition):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(petition.url, SIGNER, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 403
    assert Signature.objects.count() == 0
