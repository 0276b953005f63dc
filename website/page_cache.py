"""Whole-page caching for anonymous visitors, so a viral share is served from the cache, not the database.

Two parts:
- `mark_page_response`, an `on_serve_page` hook, decides for every Wagtail page response whether it may be
  shared: only public pages whose class keeps `cache_anonymous = True`, served to a visitor who is not signed
  in, that set no cookie (so no CSRF token was rendered) and are not behind a view restriction. It sets the
  Cache-Control a CDN honours: `public, max-age=60, s-maxage=300` when shareable (a page class may shorten
  it with `shared_cache_seconds`: the petition page's count), `private, no-store` when the response is
  personal or carries a form token.
- `PageCacheMiddleware` keeps the shareable responses in the default cache (Redis in production) and answers
  repeat anonymous GETs from it before sessions, CSRF and the page tree are touched, with an `Age` header
  so a CDN or browser counts the time a page already spent here. A shareable response loses `Vary:
  Cookie`: it was made for a visitor with no session, and the personal answers (signed in, a cookie set)
  are `private, no-store` and kept by nobody, so a CDN need not split its copies by every visitor's cookies.

Any publish, unpublish, move or delete of a page, and any change to site settings (their footer helplines
too), sites, view restrictions, helplines, safety settings or postcode imports, moves the cache to a new
generation, so every stored page is stale at once. Template fragments that every page repeats (navigation,
footer, settings) are cached under the generation too (`generation()`, `{% page_cache_generation %}` in
base.html), so pages that cannot be shared whole (forms, the letter journey) skip those queries and a publish
still refreshes them. Wagtail's frontend cache app purges a CDN on publish too when `WAGTAILFRONTENDCACHE` is
configured (production.py). Anything else a page shows (petition counts, letter counts) is at most
`LOCAL_SECONDS` old (or the page's own `shared_cache_seconds`).

A page is stored under its site's canonical hostname only (`canonical_host`: the hostname of the Site record
Wagtail matched, Settings → Sites, or for the default site reached under a hostname no record names, the
hostname of `WAGTAILADMIN_BASE_URL`), and keyed without a port, so each page is one copy however many
letter cases, ports or aliases reach it. A request on any other hostname is served, never stored, and looks
only under its own hostname, where nothing is ever stored: it cannot be given a copy made for another site.

A stored page keeps a gzip copy beside the plain one, compressed once when it is stored; a browser that
accepts gzip (every one) gets that copy, so a hit costs no compression. GZipMiddleware compresses each
personal response afresh with its random padding ("Heal the BREACH"), since those may carry a CSRF token; a
shareable page carries no secret, so one fixed compressed copy gives a BREACH attacker nothing to recover.
"""

import logging
import time
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from wagtail.models import Site

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
KEY_PREFIX = "page-cache:v1:"
# How long this site keeps a page, and what it tells browsers and CDNs.
LOCAL_SECONDS = 60
SHARED_CACHE_CONTROL = {"public": True, "max_age": 60, "s_maxage": 300}
# Share links pick up tracking parameters; they do not change the page, so they do not split the cache.
IGNORED_QUERY_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
# Request headers a cached page may vary on (visitors with cookies skip the cache altogether).
HARMLESS_VARY = {"cookie", "accept-encoding"}
HIT_HEADER = "X-Page-Cache"
# As GZipMiddleware: shorter responses are not worth compressing.
GZIP_AT_LEAST = 200


# No page of ours has a longer address; a longer one (a crafted link) is served but never looked up or kept.
LONGEST_PATH = 400


def enabled():
    return getattr(settings, "WAYMARK_PAGE_CACHE", True)


def _key_for(request):
    """The cache key for this request, or None when it must not be answered from the cache."""
    if request.method not in ("GET", "HEAD") or len(request.path) > LONGEST_PATH:
        return None
    # A visitor with a session, messages or any other cookie of ours may see something personal.
    if any(name != settings.CSRF_COOKIE_NAME for name in request.COOKIES):
        return None
    for name in request.GET:
        if not name.startswith(IGNORED_QUERY_PARAMETERS):
            return None
    try:
        host = _request_host(request)
    except DisallowedHost:
        return None
    scheme = "https" if request.is_secure() else "http"
    # The language comes from the URL alone (website/i18n/languages.py), and is named in the key all the same,
    # so an English and a Welsh copy of a page can never be taken for each other.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return f"{KEY_PREFIX}{language}:{scheme}://{host}{request.path}"


def _hostname(name):
    """A hostname as the cache compares it: lower-cased, without a trailing dot."""
    return (name or "").lower().rstrip(".")


def _request_host(request):
    """The request's hostname, without its port: a page is the same whichever port reached it (its full
    URLs come from the Site record), and a proxy that passes ports through must not multiply copies."""
    hostname, _port = split_domain_port(request.get_host())
    return _hostname(hostname)


def canonical_host(request, site):
    """The one hostname `site`'s pages are stored under: the site record's; for the default site reached
    under a hostname no record names, the hostname of WAGTAILADMIN_BASE_URL, the site's public address."""
    if site.is_default_site and _hostname(site.hostname) != _request_host(request):
        return _hostname(urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").hostname) or None
    return _hostname(site.hostname)


def purge_all(**kwargs):
    """Make every stored page stale. Runs now and again on commit, so a page rendered from the old
    content inside a still-open transaction cannot be stored under the new generation."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def generation(request=None):
    """The current generation, read once per request: part of the key of anything a purge must refresh.
    Made when missing (a flushed or evicted cache), so nothing stored before is taken as current."""
    if request is not None and hasattr(request, "_page_cache_generation"):
        return request._page_cache_generation
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        value = cache.get(GENERATION_KEY)
    if request is not None:
        request._page_cache_generation = value
    return value


def mark_page_response(serve):
    """`on_serve_page` hook: label each page response shareable or private, with the matching headers."""

    def serve_and_mark(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        if not enabled():
            return response
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            # Render now, so any CSRF token the template asks for is known before we decide.
            response.render()
        if _shareable(request, page, response):
            seconds = getattr(page, "shared_cache_seconds", None)
            if seconds is None:
                patch_cache_control(response, **SHARED_CACHE_CONTROL)
            else:
                patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
                response.page_cache_seconds = min(seconds, LOCAL_SECONDS)
            response.page_cache_shareable = True
            # Wagtail found the site to serve the page (and keeps it on the request): no query.
            response.page_cache_host = canonical_host(request, Site.find_for_request(request))
        elif _personal(request, response) or not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response

    return serve_and_mark


def _personal(request, response):
    user = getattr(request, "user", None)
    return bool(
        (user is not None and user.is_authenticated)
        or response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _shareable(request, page, response):
    if not getattr(page, "cache_anonymous", False):
        return False
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return False
    if getattr(response, "streaming", False) or _personal(request, response):
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
        return False
    return not page.get_view_restrictions().exists()


class PageCacheMiddleware:
    """Answers anonymous GETs of shareable pages from the cache. Sits inside the security, static files and
    CSP middleware (they still add their headers to a cached page) and outside sessions and CSRF."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key_for(request) if enabled() else None
        if key is None:
            return self.get_response(request)

        found = cache.get_many([key, GENERATION_KEY])
        current = found.get(GENERATION_KEY)
        entry = found.get(key)
        if current is not None and entry is not None and entry["generation"] == current:
            return _response_from(entry, request)
        # Read once: the page's cached fragments use it too (made now if the cache lost it).
        if current is None:
            current = generation(request)
        request._page_cache_generation = current

        response = self.get_response(request)
        if not getattr(response, "page_cache_shareable", False) or response.cookies:
            return response
        _drop_vary_cookie(response)
        canonical = getattr(response, "page_cache_host", None) == _request_host(request)
        if request.method == "GET" and canonical and not _varies_on_more_than_cookies(response):
            seconds = getattr(response, "page_cache_seconds", LOCAL_SECONDS)
            cache.set(key, _entry_from(response, current), timeout=seconds)
            response[HIT_HEADER] = "miss"
        return response


def _drop_vary_cookie(response):
    vary = [part.strip() for part in response.get("Vary", "").split(",") if part.strip()]
    kept = [part for part in vary if part.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


def _varies_on_more_than_cookies(response):
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return bool(vary - HARMLESS_VARY)


def _entry_from(response, generation):
    return {
        "generation": generation,
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name.lower() != HIT_HEADER.lower()],
        "content": response.content,
        "gzip": _compressed(response),
        "stored_at": time.time(),
    }


def _compressed(response):
    """The content gzipped once, as GZipMiddleware would but without its random padding, or None when that
    is not worth it (short, already encoded, or no smaller)."""
    content = response.content
    if len(content) < GZIP_AT_LEAST or response.has_header("Content-Encoding"):
        return None
    packed = compress_string(content)
    return packed if len(packed) < len(content) else None


def _response_from(entry, request):
    gzipped = entry.get("gzip")
    wants_gzip = gzipped is not None and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(gzipped if wants_gzip else entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    if wants_gzip:
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(gzipped))
        if response.get("ETag", "").startswith('"'):
            response["ETag"] = "W/" + response["ETag"]
    if gzipped is not None:
        # What GZipMiddleware adds to any response it could compress (it leaves an encoded one alone).
        patch_vary_headers(response, ("Accept-Encoding",))
    response[HIT_HEADER] = "hit"
    if "stored_at" in entry:
        response["Age"] = str(max(0, int(time.time() - entry["stored_at"])))
    return response


def connect_purge_signals():
    """From WebsiteConfig.ready(): every change that can alter a public page starts a new generation."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(purge_all, dispatch_uid="page_cache_published")
    page_unpublished.connect(purge_all, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(purge_all, dispatch_uid="page_cache_moved")

    def purge_on_change(sender, **kwargs):
        purge_all()

    # Connected per model, never for every sender: a receiver on all models would stop Django's fast
    # bulk deletes everywhere (each row loaded first), e.g. retention and signature invalidation.
    # Helplines and safety settings are draft/live: publishing or unpublishing saves the row, which purges.
    # Saving a draft also saves the row (its revision pointer): a purge that shows nothing new, and harmless.
    extra_models = {
        "support.Helpline",
        "website.SafetySettings",
        "wagtailredirects.Redirect",
        "geography.PostcodeImport",
        # Whom the letter page lists for a postcode, and what it says of them (campaign.recipients).
        "geography.Area",
        "geography.AreaPart",
        "geography.Representative",
        "campaign.Stance",
    }
    page_models = (Page, PageViewRestriction, Site, BaseSiteSetting)
    for model in apps.get_models():
        if issubclass(model, page_models) or model._meta.label in extra_models:
            uid = f"page_cache_{model._meta.label_lower}"
            post_save.connect(purge_on_change, sender=model, dispatch_uid=f"{uid}_saved", weak=False)
            post_delete.connect(purge_on_change, sender=model, dispatch_uid=f"{uid}_deleted", weak=False)
            if issubclass(model, BaseSiteSetting):
                # Settings such as the footer's helplines are many-to-many: changed after the save.
                for field in model._meta.local_many_to_many:
                    through = field.remote_field.through
                    m2m_changed.connect(purge_on_change, sender=through, dispatch_uid=f"{uid}_{field.name}")
