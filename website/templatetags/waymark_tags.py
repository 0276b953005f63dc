"""Template tags for site furniture: navigation, quick exit, footer helplines."""

from django import template
from django.conf import settings
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
        items = (
            site.root_page.get_children().live().public().in_menu().only("title", "url_path", "depth", "path")
        )
    current = context.get("page")
    return {"items": items, "current": current, "request": request}


@register.filter
def is_ancestor_or_self(page, current):
    if not current or not page:
        return False
    return current.url_path.startswith(page.url_path)
