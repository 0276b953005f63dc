"""Absolute addresses of pages for emails, which have no request to take the host from."""

from django.conf import settings


def page_url(page):
    """The page's full address: its site's root URL (Settings → Sites), or in development the address
    being served (`WAYMARK_BASE_URL`, which `make run` passes), so links work on any port."""
    base = getattr(settings, "WAYMARK_BASE_URL", "")
    parts = page.get_url_parts() if base else None
    if parts is None:
        return page.full_url
    _site_id, _root_url, path = parts
    return base + path
