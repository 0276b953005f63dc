"""Welsh and Urdu copies of pages for the browser tests, served under /cy/ and /ur/ as the site serves them.

A translation is made the way an editor makes one, with Wagtail's `copy_for_translation`, then published; its
URL is `page.url` (Wagtail puts the language prefix in it once `WAGTAIL_I18N_ENABLED` is on). When the site's
own URLs carry the prefixes (`i18n_patterns` with `LocaleMiddleware`) the tests use them. Until then this
module is the URLconf: the site's URLs, with Wagtail's page serving moved under `i18n_patterns` and a view
that does what LocaleMiddleware would, activating the language its prefix names while the page is served.
"""

import pytest
from django.conf import settings as django_settings
from django.conf.urls.i18n import i18n_patterns, is_language_prefix_patterns_used
from django.core.cache import cache
from django.urls import include, path, re_path
from django.utils import translation
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Locale
from wagtail.urls import serve_pattern

from website import urls as site_urls

LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"


def serve_in_language(request, path):
    """Wagtail's serve, in the language the path's first segment names (cy/…, ur/…), else the default."""
    language, _, rest = path.partition("/")
    prefixed = dict(django_settings.LANGUAGES).keys() - {django_settings.LANGUAGE_CODE}
    if language not in prefixed:
        return wagtail_views.serve(request, path)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = wagtail_views.serve(request, rest)
        # A TemplateResponse renders after the view returns: render it while the language is still active.
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        return response


def _is_wagtail_serving(pattern):
    return getattr(pattern, "urlconf_name", None) is wagtail_urls


urlpatterns = [
    *(pattern for pattern in site_urls.urlpatterns if not _is_wagtail_serving(pattern)),
    path("", include([p for p in wagtail_urls.urlpatterns if getattr(p, "name", None) != "wagtail_serve"])),
    *i18n_patterns(
        re_path(serve_pattern, serve_in_language, name="wagtail_serve"),
        prefix_default_language=False,
    ),
]


def site_has_language_prefixes():
    return (
        is_language_prefix_patterns_used(django_settings.ROOT_URLCONF)[0]
        and LOCALE_MIDDLEWARE in django_settings.MIDDLEWARE
    )


@pytest.fixture
def language_prefixes(settings):
    """Wagtail's i18n on, and pages served under /cy/ and /ur/ (the site's URLs if they have the prefixes)."""
    settings.WAGTAIL_I18N_ENABLED = True
    # Every interface language is a content language (Wagtail's default is LANGUAGE_CODE alone).
    if getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) is None:
        settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    if not site_has_language_prefixes():
        settings.ROOT_URLCONF = __name__
    # Wagtail caches the site's root paths, which now include each translation of the home page.
    cache.clear()
    yield
    cache.clear()


def translate(page, language_code, **fields):
    """Publish a copy of `page` in `language_code` (its parents too, as aliases, if not yet translated)."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translated = page.specific.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    # The site's root paths are cached, and a translated home page adds one.
    cache.clear()
    return type(translated).objects.get(pk=translated.pk)
