"""Every response carries the security headers the brief requires."""

import pytest
from django.conf import settings

from tests.support.factories import DisclosureRequestPageFactory


@pytest.fixture
def support_form_page(home):
    """The address of a page with a form on it (the disclosure request's first step)."""
    page = DisclosureRequestPageFactory(parent=home)
    page.save_revision().publish()
    return page.url


@pytest.mark.django_db
def test_pages_carry_csp_without_unsafe_inline_or_third_party_origins(client, home):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp
    assert "'unsafe-eval'" not in csp
    assert "http" not in csp  # no third-party origin anywhere in the policy
    assert "script-src 'self'" in csp


@pytest.mark.django_db
def test_pages_deny_framing_and_send_same_origin_referrer(client, home):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_quick_exit_flushes_the_session_and_redirects_to_the_setting(client, home):
    session = client.session
    session["step"] = "secret"
    session.save()
    response = client.get("/exit/", HTTP_SEC_FETCH_SITE="same-origin")  # what a browser sends on our link
    assert response.status_code == 302
    assert response["Location"] == "https://www.bbc.co.uk/weather"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "step" not in client.session


@pytest.mark.django_db
def test_search_keeps_the_query_out_of_the_url(client, home):
    response = client.post("/search/", {"q": "privacy"})
    assert response.status_code == 200
    assert b"Privacy notice" in response.content
    assert response["Cache-Control"] == "no-store"
    assert client.get("/search/?q=privacy").context["query"] == ""


@pytest.mark.django_db
def test_every_page_type_carries_the_headers(client, seeded):
    for path in (
        "/campaign/",
        "/stories/",
        "/stories/he-had-done-it-before/",
        "/support/",
        "/support/cover-your-tracks/",
        "/about/",
        "/search/",
        "/no-such-page/",
    ):
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY", path
        assert response["Referrer-Policy"] == "same-origin", path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], path


@pytest.mark.django_db
def test_only_wagtails_preview_may_be_framed_and_only_by_the_admin(admin_client, seeded):
    from django.urls import reverse
    from wagtail.models import Page

    page = Page.objects.get(url_path="/home/about/")
    response = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]))
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def session_with_secret(client):
    session = client.session
    session["step"] = "secret"
    session.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_REFERER": "http://testserver/support/"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_REFERER": "https://testserver.evil.example/"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_another_website_cannot_end_a_session_through_the_quick_exit(client, home, headers):
    """Attack: /exit/ cleared the session for a request from any site (a cross-site logout)."""
    session_with_secret(client)
    response = client.get("/exit/", **headers)
    assert response.status_code == 302
    assert response["Location"] == "https://www.bbc.co.uk/weather"
    assert response["Referrer-Policy"] == "no-referrer"
    assert client.session.get("step") == "secret"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_SEC_FETCH_SITE": "none"},
        {"HTTP_REFERER": "http://testserver/support/cover-your-tracks/"},
        {"HTTP_ORIGIN": "http://testserver"},
    ],
)
def test_the_quick_exit_from_this_site_forgets_the_session(client, home, headers):
    session_with_secret(client)
    response = client.get("/exit/", **headers)
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache"'
    assert "step" not in client.session


@pytest.mark.django_db
def test_the_plain_exit_link_in_a_browser_that_says_nothing_forgets_the_answers(client, home):
    """Without JavaScript, an older browser sends no Sec-Fetch-Site, and the link's rel="noreferrer" leaves
    no Referer: with no evidence either way, a visitor who is not signed in is forgotten."""
    session_with_secret(client)
    response = client.get("/exit/")
    assert response.status_code == 302
    assert "step" not in client.session
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 0


@pytest.mark.django_db
def test_a_request_with_no_evidence_does_not_sign_staff_out(client, home, django_user_model):
    user = django_user_model.objects.create_user("staffer", "s@waymark.example", "a long staff password 1")
    client.force_login(user)
    client.get("/exit/")
    assert client.session.get("_auth_user_id") == str(user.pk)


@pytest.mark.django_db
def test_the_quick_exit_leaves_no_cookie_of_ours(client, home, support_form_page):
    """A form leaves a CSRF token (and the answers a session); the exit expires every cookie the browser
    sent, and sets no fresh token on the way out."""
    client.get(support_form_page)
    session_with_secret(client)
    client.cookies["django_language"] = "cy"
    sent = set(client.cookies.keys())
    assert {settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME} <= sent
    response = client.get("/exit/", HTTP_SEC_FETCH_SITE="same-origin")
    assert set(response.cookies.keys()) == sent
    for name, cookie in response.cookies.items():
        assert cookie.value == "" and cookie["max-age"] == 0, name


@pytest.mark.django_db
def test_a_forms_csrf_cookie_ends_with_the_browser_session(client, home, support_form_page):
    cookie = client.get(support_form_page).cookies[settings.CSRF_COOKIE_NAME]
    assert cookie.value
    assert cookie["max-age"] == "" and cookie["expires"] == ""


@pytest.mark.django_db
def test_a_staff_member_is_not_signed_out_by_another_website(client, home, django_user_model):
    user = django_user_model.objects.create_user("staffer", "s@waymark.example", "a long staff password 1")
    client.force_login(user)
    client.get("/exit/", HTTP_SEC_FETCH_SITE="cross-site")
    assert client.session.get("_auth_user_id") == str(user.pk)
