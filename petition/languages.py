"""The language a supporter uses: taken from the request when they sign, kept on their signature and consent
record, and used for every email sent to them later (when a background task has no request to ask)."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale


def supported(code):
    """`code` if it is one of settings.LANGUAGES (or a variant of one), else the site's default language."""
    if code:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


def of_request(request):
    """The language the visitor is using: LocaleMiddleware's choice when it ran, else the active one."""
    return supported(getattr(request, "LANGUAGE_CODE", None) or translation.get_language())


def translation_of(page, language):
    """The live translation of `page` in `language` (Wagtail's translation group) that has an address on a
    site, or the page itself."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == page.locale_id:
        return page
    translated = page.get_translation_or_none(locale)
    if translated is None or not translated.live or translated.get_url_parts() is None:
        return page
    return translated.specific
