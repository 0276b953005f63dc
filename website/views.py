"""Site-wide views: quick exit, search, robots.txt, the favicon and the health check."""

import logging
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Page, Site

from website.logging import database_left_alone
from website.models import SafetySettings
from website.request_policy.cross_origin import came_from_this_site
from website.request_policy.whole_numbers import whole_number

logger = logging.getLogger(__name__)

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX = 200


@never_cache
def quick_exit(request):
    """Send the visitor to the neutral destination, forgetting their session and every cookie of ours.

    The JavaScript reaches this with `location.replace`, so the site page leaves the Back history;
    without JavaScript it is a plain link with rel="noreferrer". It always redirects; but another website
    linking here must not be able to sign staff out, so a request that says it came from elsewhere forgets
    nothing. One that says nothing (no Sec-Fetch-Site, Origin or Referer: the plain link in an older browser
    without JavaScript) forgets a visitor who is not signed in: their half-finished answers matter more than
    the nuisance of another website clearing them.

    It leaves even when the database cannot answer (website.postgres fails such a wait fast): the
    cookies are expired all the same, and the destination is the one this process read last, or the
    default.
    """
    same_site = came_from_this_site(request, same_site=True, referer=True)
    forget = same_site or (same_site is None and not _signed_in(request))
    if forget:
        _forget_session(request)
    response = HttpResponseRedirect(_exit_destination(request))
    response["Referrer-Policy"] = "no-referrer"
    if forget:
        forget_cookies(request, response)
        # Ask the browser to drop anything it cached from us (honoured on HTTPS only).
        response["Clear-Site-Data"] = '"cache"'
    return response


# The quick-exit destination each host was last sent to by this process: where the exit goes while the
# database cannot say.
_last_destinations = {}


def _exit_destination(request):
    host = request.get_host()
    try:
        # The published destination: a change waiting for moderation does not move anyone (SafetySettings).
        destination = SafetySettings.live_for_site(Site.find_for_request(request)).quick_exit_url
    except DatabaseError as error:
        _log_failure("the destination could not be read", error)
        destination = _last_destinations.get(host)
    else:
        _last_destinations[host] = destination
    return destination or SafetySettings.DEFAULT_QUICK_EXIT_URL


def _log_failure(what, error):
    # An outage the database's breaker has already reported once (website.postgres) is not logged again
    # for every exit.
    if not database_left_alone(error):
        logger.warning("quick exit: %s (%s)", what, type(error).__name__)


def _signed_in(request):
    """Whether the session is a signed-in user's; not, when the session cannot be read (the exit forgets)."""
    try:
        return request.user.is_authenticated
    except DatabaseError:
        return False


def _forget_session(request):
    try:
        request.session.flush()
    except DatabaseError as error:
        # The cookies are expired below; the row expires on its own, its form answers sooner (form_state).
        _log_failure("the session could not be deleted", error)
        request.session.clear()
        request.session.modified = False  # nothing for SessionMiddleware to save (it would fail the same way)


def forget_cookies(request, response):
    """Expire every cookie the browser sent us (the session's, the CSRF token's, any other), and stop the
    CSRF middleware from setting a fresh token on the way out."""
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    domains = {settings.SESSION_COOKIE_NAME: settings.SESSION_COOKIE_DOMAIN}
    domains[settings.CSRF_COOKIE_NAME] = settings.CSRF_COOKIE_DOMAIN
    for name in request.COOKIES:
        response.delete_cookie(name, domain=domains.get(name), samesite=settings.SESSION_COOKIE_SAMESITE)


@require_http_methods(["GET", "POST"])
def search(request):
    # Queries arrive by POST so they never appear in a URL, the Back history or a server log.
    query = request.POST.get("q", "").strip()[:SEARCH_QUERY_MAX]
    results = Page.objects.none()
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().specific()
        if site:
            # The tree of the URL's language (/cy/search/ searches the Welsh pages).
            pages = pages.descendant_of(site.root_page.localized, inclusive=True)
        results = pages.search(query)
    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    page = paginator.get_page(whole_number(request.POST.get("page", ""), max_digits=6))
    # A form page: from here on the tab's visit is one history entry (static/js/history.js).
    context = {"query": query, "results": page, "paginator": paginator, "one_entry_history": True}
    response = render(request, "pages/search.html", context)
    # A search box is a place a survivor types: never keep what they searched for.
    patch_cache_control(response, no_store=True)
    return response


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /exit/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@cache
def _favicon_bytes():
    with open(finders.find("images/favicon.ico"), "rb") as icon:
        return icon.read()


@cache_control(public=True, max_age=60 * 60 * 24)
def favicon(request):
    """/favicon.ico, answered here: browsers and feed readers ask for it whatever the page's <link> says."""
    return HttpResponse(_favicon_bytes(), content_type="image/vnd.microsoft.icon")


@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
