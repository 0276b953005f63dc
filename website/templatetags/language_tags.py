"""The language switcher and the hreflang alternates (website/languages.py)."""

from django import template

from website import languages

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Every enabled language's version of this page (or of this route): see `languages.links`."""
    request = context.get("request")
    if request is None:
        return []
    return languages.links(request, context.get("page"))


@register.simple_tag
def machine_drafted_notice(language):
    """The notice, in the language itself, on every page of a machine-drafted language; "" otherwise."""
    return languages.MACHINE_DRAFTED.get(language, "")


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """hreflang alternates must be full addresses."""
    return context["request"].build_absolute_uri(path)
