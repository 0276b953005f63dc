"""Where a request comes from, as the browser tells it: the one same-site check. It refuses cross-site form
posts without a CSRF token (forms on pages any cache may share); the quick exit reads it (website/views.py).

A page with a CSRF token cannot be cached for everyone, so a form that must sit on such a page (the petition)
posts to a CSRF-exempt view protected by this instead. Browsers say where a request comes from, and a web page
cannot forge it: `Sec-Fetch-Site` (every current browser), else `Origin` (sent with every cross-origin POST
for years). The same rules as Go's `net/http.CrossOriginProtection`:

- `Sec-Fetch-Site: same-origin` or `none` (typed, bookmarked) is allowed; any other value is refused unless
  the `Origin` is one of `CSRF_TRUSTED_ORIGINS`;
- without `Sec-Fetch-Site`, an `Origin` must be this site (scheme and host) or a trusted origin;
- with neither the request did not come from a browser page (a script, curl): CSRF needs a victim's
  browser, so there is no victim, and the form's other defences (rate limits, honeypot, email
  confirmation) apply as to anyone.

docs/security.md ("Forms on shared-cached pages") says why this is enough for the petition.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_callable
from django.utils.http import is_same_domain
from django.views.decorators.csrf import csrf_exempt

ALLOWED_FETCH_SITES = {"same-origin", "none"}
REFUSED = "Cross-site form submission refused: please use the form on our own page."


def came_from_this_site(request, *, same_site=False, referer=False):
    """True when the browser says this site sent the request (a page of ours, or the person's own typing or
    bookmark: `Sec-Fetch-Site: none`), False when it says another website did, None when it says nothing.

    With `same_site`, the site's other subdomains count as this site (`Sec-Fetch-Site: same-site`). With
    `referer`, a `Referer` stands in for a missing `Origin`: evidence enough for the quick exit to forget the
    session, never a reason to refuse a form (a proxy or a host alias can change it)."""
    origin = request.headers.get("Origin")
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        allowed = ALLOWED_FETCH_SITES | ({"same-site"} if same_site else set())
        return fetch_site.lower() in allowed or _trusted(origin)
    source = origin or (request.headers.get("Referer") if referer else None)
    if not source:
        return None
    parts = urlsplit(source)
    source = f"{parts.scheme}://{parts.netloc}".lower()
    own = f"{'https' if request.is_secure() else 'http'}://{request.get_host()}"
    return source == own.lower() or _trusted(source)


def is_cross_origin(request):
    """True when a browser says another website sent this request."""
    return came_from_this_site(request) is False


def _trusted(origin):
    if not origin or "://" not in origin:
        return False
    scheme, _, host = origin.lower().partition("://")
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        trusted_scheme, _, pattern = trusted.lower().partition("://")
        # "https://*.example.org" trusts every subdomain, as in Django's own CSRF check.
        pattern = pattern.removeprefix("*")
        if trusted_scheme == scheme and is_same_domain(host, pattern):
            return True
    return False


def same_origin_posts(view):
    """CSRF-exempt, but an unsafe method from another website is refused with Django's CSRF failure page
    (403). Safe methods pass as they are."""

    @csrf_exempt
    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE") and is_cross_origin(request):
            return get_callable(settings.CSRF_FAILURE_VIEW)(request, reason=REFUSED)
        return view(request, *args, **kwargs)

    return checked
