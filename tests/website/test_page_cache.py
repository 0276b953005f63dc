"""Anonymous visitors share cached public pages; forms, tokens, staff and private pages are never cached."""

import pytest
from django.contrib.auth import get_user_model
from django.template import engines
from wagtail.models import PageViewRestriction

from tests.website.factories import publish_safety_settings
from website.models import SiteSettings, StandardPage


def about_page():
    return StandardPage.objects.get(slug="about")


@pytest.mark.django_db
def test_an_anonymous_visitor_gets_the_second_view_from_the_cache(client, home):
    first = client.get("/about/")
    second = client.get("/about/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert b"About us" in second.content


@pytest.mark.django_db
def test_a_browser_that_accepts_gzip_gets_the_copy_compressed_once_when_stored(client, home):
    import gzip

    plain = client.get("/about/")  # stored
    hits = [client.get("/about/", HTTP_ACCEPT_ENCODING="gzip, deflate, br") for _ in range(2)]
    for hit in hits:
        assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in hit["Vary"]
        assert int(hit["Content-Length"]) == len(hit.content)
        assert gzip.decompress(hit.content) == plain.content
    # The same bytes each time: no compression (and no random padding) per request.
    assert hits[0].content == hits[1].content
    again = client.get("/about/")
    assert again["X-Page-Cache"] == "hit" and "Content-Encoding" not in again
    assert again.content == plain.content and "Accept-Encoding" in again["Vary"]


@pytest.mark.django_db
def test_a_personal_page_is_still_compressed_afresh_with_padding(client, home):
    """Responses that may carry a CSRF token keep GZipMiddleware's random padding (BREACH)."""
    import gzip

    client.get("/about/")
    client.cookies["sessionid"] = "x"  # a visitor with a session skips the cache
    answers = [client.get("/about/", HTTP_ACCEPT_ENCODING="gzip") for _ in range(3)]
    assert all("X-Page-Cache" not in a and a["Content-Encoding"] == "gzip" for a in answers)
    assert len({a.content for a in answers}) > 1
    assert len({gzip.decompress(a.content) for a in answers}) == 1


@pytest.mark.django_db
def test_public_pages_tell_browsers_and_cdns_they_may_keep_them(client, home):
    response = client.get("/about/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=60" in cache_control
    assert "s-maxage=300" in cache_control
    assert not response.cookies


@pytest.mark.django_db
def test_a_cached_page_still_carries_the_security_headers(client, home):
    client.get("/about/")
    cached = client.get("/about/")
    assert cached["X-Page-Cache"] == "hit"
    assert cached["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in cached["Content-Security-Policy"]
    assert cached["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_signed_in_staff_never_get_or_fill_the_cache(client, home):
    staff = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client.force_login(staff)
    for _ in range(2):
        response = client.get("/about/")
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    assert client.get("/about/")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_a_visitor_with_a_session_skips_the_cache(client, home):
    client.get("/about/")
    client.cookies["sessionid"] = "anything"
    response = client.get("/about/")
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_a_page_that_renders_a_csrf_token_is_never_cached(client, home, monkeypatch):
    form = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')
    monkeypatch.setattr(StandardPage, "get_template", lambda self, request, *args, **kwargs: form)
    for _ in range(2):
        response = client.get("/about/")
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response.cookies["csrftoken"].value


@pytest.mark.django_db
def test_a_page_class_can_opt_out_of_the_cache(client, home, monkeypatch):
    monkeypatch.setattr(StandardPage, "cache_anonymous", False)
    for _ in range(2):
        response = client.get("/about/")
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_publishing_a_page_purges_the_cache(client, home):
    client.get("/about/")
    page = about_page()
    page.title = "About Waymark"
    page.save_revision().publish()
    response = client.get("/about/")
    assert response["X-Page-Cache"] == "miss"
    assert b"About Waymark" in response.content


@pytest.mark.django_db
def test_unpublishing_a_page_takes_it_out_of_the_cache(client, home):
    client.get("/about/")
    about_page().unpublish()
    assert client.get("/about/").status_code == 404


@pytest.mark.django_db
def test_changing_site_settings_purges_every_page(client, site):
    client.get("/")
    settings = SiteSettings.for_site(site)
    settings.charity_number = "7654321"
    settings.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Registered charity number 7654321." in response.content


@pytest.mark.django_db
def test_publishing_safety_settings_purges_every_page(client, site):
    client.get("/")
    publish_safety_settings(site, emergency_message="<p>New emergency text</p>")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert b"New emergency text" in response.content


@pytest.mark.django_db
def test_a_restricted_page_is_never_cached(client, home):
    client.get("/about/")
    PageViewRestriction.objects.create(page=about_page(), restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/about/")
    assert response.status_code == 302  # to the login page, not the cached copy


@pytest.mark.django_db
def test_tracking_parameters_share_the_cache_but_other_queries_do_not(client, home):
    client.get("/about/")
    assert client.get("/about/?utm_source=share&fbclid=x")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/about/?page=2")


@pytest.mark.django_db
def test_posts_and_the_admin_are_not_cached(client, home):
    assert "X-Page-Cache" not in client.post("/search/", {"q": "privacy"})
    assert "X-Page-Cache" not in client.get("/admin/login/")


def stored_copies():
    """How many pages the cache holds: Redis lists its keys through django-redis, LocMemCache through its
    own store."""
    from django.core.cache import cache

    from website.page_cache import KEY_PREFIX

    if hasattr(cache, "keys"):
        return len(cache.keys(f"{KEY_PREFIX}*"))
    return sum(KEY_PREFIX in key for key in cache._cache)


HOSTS = ["waymark.example", "www.waymark.example", "waymark.example:8443", "WAYMARK.example", "testserver"]


@pytest.fixture
def public_site(site, settings):
    """The site's record names its public address, as in production (Settings → Sites)."""
    settings.ALLOWED_HOSTS = HOSTS
    settings.WAGTAILADMIN_BASE_URL = "https://waymark.example"
    site.hostname, site.port = "waymark.example", 443
    site.save()
    return site


@pytest.mark.django_db
def test_each_host_or_port_variant_shares_one_stored_copy(client, public_site):
    first = client.get("/about/", HTTP_HOST="waymark.example", secure=True)
    assert first["X-Page-Cache"] == "miss"
    # The same host in another case, with a trailing dot, or on another port: the stored copy.
    for host in ("WAYMARK.example", "waymark.example.", "waymark.example:443", "waymark.example:8443"):
        again = client.get("/about/", HTTP_HOST=host, secure=True)
        assert again["X-Page-Cache"] == "hit" and again.content == first.content
    assert stored_copies() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["www.waymark.example", "testserver"])
def test_a_host_that_is_not_the_sites_own_is_served_but_never_stored(client, public_site, host):
    client.get("/about/", HTTP_HOST="waymark.example", secure=True)  # the site's own copy
    for _ in range(2):
        response = client.get("/about/", HTTP_HOST=host, secure=True)
        assert response.status_code == 200 and b"About us" in response.content
        # Rendered for this host (never the canonical host's copy), and not kept.
        assert "X-Page-Cache" not in response
        assert "public" in response["Cache-Control"]
    assert stored_copies() == 1
    assert client.get("/about/", HTTP_HOST="waymark.example", secure=True)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_another_site_keeps_its_own_copy_under_its_own_host(client, public_site, settings):
    from wagtail.models import Site

    from tests.website.factories import HomePageFactory

    settings.ALLOWED_HOSTS = [*HOSTS, "other.example"]
    other_home = HomePageFactory(parent=public_site.root_page.get_parent(), slug="other", title="Other home")
    Site.objects.create(hostname="other.example", port=443, root_page=other_home, site_name="Other")
    ours = client.get("/", HTTP_HOST="waymark.example", secure=True)
    theirs = client.get("/", HTTP_HOST="other.example", secure=True)
    assert ours["X-Page-Cache"] == "miss" and theirs["X-Page-Cache"] == "miss"
    assert b"Other home" in client.get("/", HTTP_HOST="other.example", secure=True).content
    assert b"Other home" not in client.get("/", HTTP_HOST="waymark.example", secure=True).content
    assert stored_copies() == 2


@pytest.mark.django_db
def test_the_default_site_under_a_host_no_record_names_is_stored_under_the_public_address(
    client, site, settings
):
    """The site record still says localhost (as the demo makes it): the host of WAGTAILADMIN_BASE_URL is
    the canonical one."""
    settings.ALLOWED_HOSTS = HOSTS
    settings.WAGTAILADMIN_BASE_URL = "https://waymark.example"
    assert client.get("/about/", HTTP_HOST="waymark.example", secure=True)["X-Page-Cache"] == "miss"
    assert client.get("/about/", HTTP_HOST="waymark.example", secure=True)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/about/", HTTP_HOST="www.waymark.example", secure=True)
    assert stored_copies() == 1


@pytest.mark.django_db
def test_a_crafted_overlong_address_is_never_looked_up_or_kept(client, home):
    from django.test import RequestFactory

    from website.page_cache import LONGEST_PATH, _key_for

    assert _key_for(RequestFactory().get("/about/")) is not None
    assert _key_for(RequestFactory().get("/" + "5" * LONGEST_PATH + "/")) is None
