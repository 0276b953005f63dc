"""The language switcher and the hreflang alternates (website/i18n/languages.py), and the marks on text a
translated page still shows in English (website/i18n/fallbacks.py)."""

from django import template
from django.utils.html import format_html

from website.i18n import fallbacks, languages

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


# Text still in the default language on a translated page says so (website/i18n/fallbacks.py).


@register.simple_tag
def untranslated_attrs(page, field_name):
    """` lang="en-GB" dir="ltr"` when `page`'s field is still its English text: `<h1{% untranslated_attrs
    page "title" %}>`."""
    return fallbacks.field_attributes(page, field_name)


@register.simple_tag
def other_language_attrs(page):
    """` lang="…" dir="…"` when `page` is not in the reader's language (a card leading to an English page)."""
    return fallbacks.attributes_if_other_language(page)


@register.filter
def localized_page(page):
    """The page in the reader's language when it has a live translation, else the page itself."""
    return fallbacks.in_reader_language(page)


@register.simple_tag(takes_context=True)
def include_translated_block(context, block):
    """`{% include_block %}`, inside `<div lang="en-GB" dir="ltr">` when the block is still in English."""
    rendered = block.render_as_block(context.flatten()) if hasattr(block, "render_as_block") else block
    attributes = fallbacks.block_attributes(context.get("page"), getattr(block, "id", None))
    if not attributes:
        return rendered
    return format_html("<div{}>{}</div>", attributes, rendered)


@register.simple_tag
def written_attrs(shown, english):
    """For text kept once per site with a field per language (a helpline's name): the English's language
    attributes when the reader's language has none and it shows the English, else `dir="auto"`."""
    return fallbacks.default_language_attributes_if(shown == english) or format_html(' dir="{}"', "auto")
