"""Template filters for the petition page."""

from django import template

register = template.Library()


@register.filter
def intcomma_gb(value):
    """12345 -> '12,345' (without enabling django.contrib.humanize)."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value
