"""Site-wide views: quick exit, search, robots.txt and the health check."""

from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Page, Site

from website.models import SiteSettings

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX = 200


@never_cache
def quick_exit(request):
    """Forget the visitor's session and send them to the neutral destination.

    The JavaScript reaches this with `location.replace`, so the site page leaves the Back history;
    without JavaScript it is a plain link with rel="noreferrer".
    """
    request.session.flush()
    site = Site.find_for_request(request)
    destination = SiteSettings.for_site(site).quick_exit_url if site else None
    response = HttpResponseRedirect(destination or "https://www.bbc.co.uk/weather")
    response["Referrer-Policy"] = "no-referrer"
    # Ask the browser to drop anything it cached from us (honoured on HTTPS only).
    response["Clear-Site-Data"] = '"cache"'
    return response


@require_http_methods(["GET", "POST"])
def search(request):
    # Queries arrive by POST so they never appear in a URL, the Back history or a server log.
    query = request.POST.get("q", "").strip()[:SEARCH_QUERY_MAX]
    results = Page.objects.none()
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().specific()
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        results = pages.search(query)
    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    page = paginator.get_page(request.POST.get("page"))
    response = render(request, "pages/search.html", {"query": query, "results": page, "paginator": paginator})
    # A search box is a place a survivor types: never keep what they searched for.
    response["Cache-Control"] = "no-store"
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


@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
