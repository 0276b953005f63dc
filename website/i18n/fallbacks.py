"""What on a translated page is still in the site's default language, so the page can say so (`lang="en-GB"`).

wagtail-localize fills a string nobody has translated yet with the source page's text, and a link to a page
with no translation in the reader's language leads to the English page. Both are English on a Welsh or Urdu
page: a screen reader must read them with English rules, and inside a right-to-left page an English run needs
its own direction (`dir="ltr"`), or its full stop lands on the wrong side.

A text is taken as untranslated when it is exactly the text of the same field (for StreamField blocks, of the
block with the same id, as Localize keeps them) on the page's live version in LANGUAGE_CODE. A translator who
keeps a word as it is ("Waymark", "MAPPA+") has written English there too, so the mark is still right.
"""

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from wagtail.fields import StreamField
from wagtail.models import Page


def language_attributes(language_code):
    """` lang="…" dir="…"`, for an element whose text is in `language_code` inside a page in another."""
    attributes = language_attribute_values(language_code)
    return format_html(' lang="{}" dir="{}"', attributes["lang"], attributes["dir"])


def language_attribute_values(language_code):
    """{"lang": …, "dir": …} for `language_code`, as a widget's attrs take them."""
    info = translation.get_language_info(language_code)
    tag = language_code[:3] + language_code[3:].upper()  # en-gb → en-GB, as <html lang> is written
    return {"lang": tag, "dir": "rtl" if info["bidi"] else "ltr"}


def attributes_if_untranslated(text):
    """The default language's attributes for a translatable text (a choice's label) that reads the same in
    the reader's language as in the default one: the catalog has no translation of it yet, or the
    translation keeps the name as it is. Either way it is read with the default language's rules. {} when
    the reader has the default language, or the text is translated."""
    reader = translation.get_language()
    if reader is None or translation.get_supported_language_variant(reader) == settings.LANGUAGE_CODE:
        return {}
    with translation.override(settings.LANGUAGE_CODE):
        in_default_language = str(text)
    if not in_default_language.strip() or str(text) != in_default_language:
        return {}
    return language_attribute_values(settings.LANGUAGE_CODE)


def attributes_if_other_language(page):
    """The language attributes of `page` when it is not in the reader's language (a link to an English page
    from a Welsh one, for want of a Welsh page), else ""."""
    if page is None or not getattr(page, "locale_id", None):
        return ""
    code = page.locale.language_code
    if translation.get_language() in (None, code):
        return ""
    return language_attributes(code)


def in_reader_language(page):
    """`page`'s live translation in the reader's language when there is one, else `page` (its specific
    class either way): for a link or a card chosen on the English page, shown on a translated one."""
    if page is None:
        return None
    return page.localized.specific


def source_page(page):
    """The live version of `page` in LANGUAGE_CODE, or None when `page` is in it (or has none). Memoised on
    the page: a template asks once per field."""
    if not hasattr(page, "_fallback_source"):
        source = None
        locale = page.locale if page.locale_id else None
        if locale is not None and locale.language_code != settings.LANGUAGE_CODE:
            found = (
                Page.objects.live()
                .filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
                .first()
            )
            source = found.specific if found is not None else None
        page._fallback_source = source
    return page._fallback_source


def untranslated_field(page, field_name):
    """True when the page's `field_name` is the same non-empty text as its source page's."""
    source = source_page(page) if isinstance(page, Page) else None
    if source is None:
        return False
    value = getattr(page, field_name, None)
    return bool(value) and isinstance(value, str) and value == getattr(source, field_name, None)


def untranslated_blocks(page):
    """The ids of the blocks (at any depth, in any StreamField) whose value, text included, is the same as the
    block with that id on the source page. Memoised on the page."""
    if not hasattr(page, "_fallback_blocks"):
        source = source_page(page)
        found = set()
        if source is not None:
            for field in page._meta.get_fields():
                if not isinstance(field, StreamField):
                    continue
                ours = _blocks_by_id(getattr(page, field.name).raw_data)
                theirs = _blocks_by_id(getattr(source, field.name).raw_data)
                found |= {
                    block_id
                    for block_id, value in ours.items()
                    if block_id in theirs and value == theirs[block_id] and _has_words(value)
                }
        page._fallback_blocks = found
    return page._fallback_blocks


def block_attributes(page, block_id):
    """The default language's attributes for a block of `page` still in it, else ""."""
    if page is None or block_id is None or not isinstance(page, Page) or source_page(page) is None:
        return ""
    if block_id in untranslated_blocks(page):
        return language_attributes(settings.LANGUAGE_CODE)
    return ""


def field_attributes(page, field_name):
    """The default language's attributes for a field of `page` still in it, else ""."""
    return language_attributes(settings.LANGUAGE_CODE) if untranslated_field(page, field_name) else ""


def _blocks_by_id(raw):
    """{block id: raw value} for every block in a StreamField's raw data, nested ones included."""
    found = {}

    def walk(value):
        if isinstance(value, dict):
            if "id" in value and "type" in value and "value" in value:
                found[value["id"]] = value["value"]
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(list(raw))
    return found


def _has_words(value):
    if isinstance(value, str):
        return any(character.isalpha() for character in value)
    if isinstance(value, dict):
        return any(_has_words(child) for key, child in value.items() if key not in ("type", "id", "level"))
    if isinstance(value, list):
        return any(_has_words(child) for child in value)
    return False


def default_language_attributes_if(still_english):
    """The default language's attributes when `still_english` and the reader reads another, else ""."""
    if still_english and translation.get_language() not in (None, settings.LANGUAGE_CODE):
        return language_attributes(settings.LANGUAGE_CODE)
    return ""
