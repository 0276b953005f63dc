"""Welsh and Urdu copies of pages for the browser tests, served under /cy/ and /ur/ as the site serves them.

A translation is made the way an editor makes one, with Wagtail's `copy_for_translation`, then published; its
URL is `page.url`, with the language prefix the site's own URLs carry (website/urls.py,
website/i18n/languages.py).
"""

import pytest
from django.core.cache import cache
from wagtail.models import Locale


@pytest.fixture
def language_prefixes(settings):
    """Pages served under /cy/ and /ur/ by the site's own URLs (Urdu is on in the test settings)."""
    assert settings.WAGTAIL_I18N_ENABLED
    assert {"cy", "ur"} <= {code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES}
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
