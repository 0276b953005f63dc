"""The language of a request comes from its URL alone, and each page links to itself in the other languages.

English (LANGUAGE_CODE) has no prefix: `/support/`; the others do: `/cy/support/` (website/urls.py,
`i18n_patterns(prefix_default_language=False)`). Nothing else chooses the language: not Accept-Language, not a
cookie, not the session. A survivor on a shared device is never sent somewhere they did not ask for, nothing
about their choice is stored on the device, and a cached English page is the same for everyone.

`links(request, page)` gives what `includes/language_switcher.html` and the hreflang alternates in `base.html`
show: the same page in each other language, or that language's home page when the page has no live
translation yet: see `links` for what it costs.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from wagtail.models import Page, Site

from website import page_cache

# How long a page's addresses in each language are kept (a publish starts a new generation sooner).
CACHE_SECONDS = 3600
# Said in the language the link leads to, beside its name, when that language has no version of this page.
NOT_YET_TRANSLATED = {
    "en-gb": "Not yet translated: English home page",
    "cy": "Heb ei chyfieithu eto: hafan Gymraeg",
    "ur": "ابھی ترجمہ نہیں ہوا: اردو ہوم پیج",
}

# Languages whose pages are machine-drafted and awaiting review: every page in them says so, in that language
# and in English (includes/language_switcher.html), until a reviewer has been through them.
MACHINE_DRAFTED = {
    "ur": "یہ ترجمہ مشین سے تیار کیا گیا ہے اور ابھی اس کا جائزہ لیا جانا باقی ہے۔",
}


class LanguageFromURLMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware with the language taken from the URL only.

    With `prefix_default_language=False` Django already picks LANGUAGE_CODE for an unprefixed URL, but it
    still adds `Vary: Accept-Language` to those responses, which would tell caches (ours, a CDN's) that
    English pages differ by browser language. They do not, so the header is left off."""

    def process_response(self, request, response):
        vary_before = response.get("Vary")
        response = super().process_response(request, response)
        if vary_before is None:
            if response.has_header("Vary") and response["Vary"] == "Accept-Language":
                del response["Vary"]
        else:
            response["Vary"] = vary_before
        return response


def written_for_reader(default, *, language=None, **by_language):
    """What staff wrote for the reader's language (`cy=…`), when they wrote it; else `default`. For text kept
    once with an optional field per language (helplines, the emergency message, a representative's office).
    `language`: the one being written for, when not the active one (a letter's own language)."""
    code = (language or translation.get_language() or "").split("-")[0]
    return by_language.get(code) or default


def language_of_path(path):
    """The language a URL path is in: its prefix's, or LANGUAGE_CODE when it has none."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def unprefixed(path):
    """The path without its language prefix: `/cy/search/` → `/search/`."""
    language = translation.get_language_from_path(path)
    if language is None:
        return path
    return path[len(language) + 1 :] or "/"


def with_prefix(path, language):
    """The same path in another language: `/search/` → `/cy/search/`, `/cy/search/` → `/search/`."""
    path = unprefixed(path)
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


@dataclass(frozen=True)
class LanguageLink:
    language: str  # the code, for lang= and hreflang=
    name: str  # in the language itself: Cymraeg, English, اردو
    url: str  # a path, never a query string
    translated: bool  # False: the page has no live version in that language; the link is its home page
    route: bool = False  # a view or a page's route (search, a thank-you page): not an hreflang alternate

    @property
    def note(self):
        return "" if self.translated else NOT_YET_TRANSLATED.get(self.language, "")


def links(request, page=None):
    """A LanguageLink for every enabled language (the current one included, for the hreflang alternates).

    For a page, the page's own address in each language is kept in the cache under the page cache's
    generation (a publish refreshes it), keyed by the page, not the address, so a route with a token in it
    (a petition's confirm link) adds no entry; a cold entry costs one query. Memoised on the request, so the
    head and the switcher share it. A page served whole from the page cache runs none of this."""
    memo = getattr(request, "_language_links", None)
    if memo is not None:
        return memo
    current = language_of_path(request.path)
    names = dict(settings.LANGUAGES)
    if page is None or not getattr(page, "pk", None):
        result = [
            LanguageLink(code, names[code], with_prefix(request.path, code), True, route=True)
            for code in names
        ]
    else:
        result = _page_links(request, page, current, names)
    request._language_links = result
    return result


def _page_links(request, page, current, names):
    site = Site.find_for_request(request)
    key = f"language-links:{page_cache.generation(request)}:{site.pk if site else ''}:{page.pk}"
    addresses = cache.get(key)
    if addresses is None:
        addresses = _page_addresses(request, page, site)
        cache.set(key, addresses, CACHE_SECONDS)
    # A routable page's own routes (the petition's thank-you page) keep their tail in every language.
    own = addresses.get(current, (None, True))[0]
    tail = request.path[len(own) :] if own and request.path.startswith(own) else ""

    result = []
    for code, name in names.items():
        if code == current:
            result.append(LanguageLink(code, name, request.path, True, route=bool(tail)))
        elif code in addresses:
            url, translated = addresses[code]
            result.append(LanguageLink(code, name, url + tail if translated else url, translated, bool(tail)))
    return result


def _page_addresses(request, page, site):
    """{language: (path, translated)}: the page's own path in each language it is live in, else that
    language's home page with translated=False. One query."""
    home_key = Page.objects.filter(pk=site.root_page_id).values("translation_key") if site else []
    found = (
        Page.objects.live()
        .filter(Q(translation_key=page.translation_key) | Q(translation_key__in=home_key))
        .select_related("locale")
        .only("url_path", "translation_key", "locale__language_code")
    )
    same_page, homes = {}, {}
    for candidate in found:
        code = candidate.locale.language_code
        url = candidate.get_url(request=request, current_site=site)
        if candidate.translation_key == page.translation_key:
            same_page[code] = (url, True)
        else:
            homes[code] = (url, False)
    return {**homes, **same_page}
