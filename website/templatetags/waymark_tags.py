"""Template tags for site furniture: navigation, quick exit, footer helplines, links in plain text."""

import re

from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeData, mark_safe
from wagtail.models import Site

from website import page_cache

register = template.Library()


@register.simple_tag
def two_factor_required():
    return settings.WAYMARK_REQUIRE_2FA


@register.simple_tag(takes_context=True)
def page_cache_generation(context):
    """For `{% cache %}` keys of fragments every page repeats: a publish or settings change refreshes them."""
    return page_cache.generation(context.get("request"))


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def primary_navigation(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site:
        # The home page in the language of the URL (/cy/ → the Welsh one), so the menu is that tree's.
        items = (
            site.root_page.localized.get_children()
            .live()
            .public()
            .in_menu()
            .only("title", "url_path", "depth", "path", "locale_id")
        )
    current = context.get("page")
    return {"items": items, "current": current, "request": request}


@register.filter
def is_ancestor_or_self(page, current):
    if not current or not page:
        return False
    return current.url_path.startswith(page.url_path)


_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)'\""


@register.filter
def weblinks(text):
    """Plain text, escaped, with each web address (http://, https:// or www.) made a link. Email addresses
    stay text: messages say "like name@example.com". Text already marked safe is left as it is."""
    if isinstance(text, SafeData):
        return text
    text = str(text)
    pieces, start = [], 0
    for match in _WEB_ADDRESS.finditer(text):
        address = match.group(0).rstrip(_TRAILING)
        href = address if "://" in address else f"https://{address}"
        pieces.append(escape(text[start : match.start()]))
        pieces.append(format_html('<a href="{}" rel="noreferrer">{}</a>', href, address))
        start = match.start() + len(address)
    pieces.append(escape(text[start:]))
    return mark_safe("".join(pieces))  # every piece is escaped above


@register.filter
def has_web_address(text):
    return bool(_WEB_ADDRESS.search(str(text)))
