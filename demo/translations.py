# ruff: noqa: E501 (prose: a string per sentence pair reads better than strings cut to fit)
"""Demo translations (part of `seed_demo`, after every app's English pages): Welsh and, when Urdu is enabled
(development), machine-drafted Urdu versions of the home, campaign, petition, letter, stories, support index,
Clare's Law and cover-your-tracks guidance, disclosure request, call-back and privacy pages (`PAGES`). The strings
are in demo/welsh.py and demo/urdu.py.

Made the way a translator's work is stored: wagtail-localize's TranslationSource (the English page's strings),
a Translation for the target locale, a StringTranslation for each string, then `save_target` publishes the
translated page. A string with no entry here stays in English (Localize falls back to the source), as it would
for a translator part-way through. Safe to run again: a page already translated is left alone, so staff and
translators' edits are kept.
"""

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from demo.urdu import URDU
from demo.welsh import WELSH
from website.models import HomePage

# (path under the English home, languages). The home page comes first: the others hang from it. Every page the
# home page, the campaign and the support pages lead to is here, so that a Welsh or Urdu reader stays in their
# language from the home page through the petition and the letter to the stories and support.
BOTH = ("cy", "ur")
PAGES = [
    ("/", BOTH),
    ("/campaign/", BOTH),
    ("/petition/", BOTH),
    ("/write-to-your-mp/", BOTH),
    ("/stories/", BOTH),
    ("/stories/he-had-done-it-before/", BOTH),
    ("/stories/four-years-of-being-followed/", BOTH),
    ("/stories/what-a-disclosure-changed/", BOTH),
    ("/support/", BOTH),
    ("/support/clares-law/", BOTH),
    ("/support/cover-your-tracks/", BOTH),
    ("/ask-the-police/", BOTH),
    ("/call-back/", BOTH),
    ("/privacy/", BOTH),
]
STRINGS = {"cy": WELSH, "ur": URDU}


def run(stdout):
    if not getattr(settings, "WAYMARK_DEMO_TRANSLATIONS", True):
        return
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return
    made = []
    enabled = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    for path, languages in PAGES:
        page = Page.objects.filter(url_path=home.url_path + path.lstrip("/")).first()
        if page is None:
            continue
        for language in languages:
            if language not in enabled:
                continue
            locale, _ = Locale.objects.get_or_create(language_code=language)
            strings = STRINGS[language]
            if language == "cy":
                strings = {**strings, **own_welsh(page.specific)}
            if translate(page.specific, locale, strings):
                made.append(f"{page.title} ({language})")
    if made:
        stdout.write("Demo translations: " + ", ".join(made) + ".")


def translate(page, locale, strings):
    """Translate `page` into `locale` with `strings` and publish it, unless it is already translated."""
    if page.has_translation(locale):
        return False
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": _string_data(text)},
        )
    # Saved as a draft, then published here and now: `save_target(publish=True)` publishes when the transaction
    # commits, from the page as it was before its children were added, which would undo their count in the
    # tree (seed_demo makes every translation in one transaction; the admin makes one per request).
    translation.save_target(publish=False)
    page.get_translation(locale).get_latest_revision().publish()
    return True


def own_welsh(page):
    """The Welsh a page keeps beside its English (the letter's `subject_cy` and `letter_template_cy`), as
    the translation of that English: a Welsh letter page's own letter is then Welsh."""
    found = {}
    for field in page._meta.concrete_fields:
        english, welsh = getattr(page, field.name, None), getattr(page, f"{field.name}_cy", None)
        if isinstance(english, str) and english and isinstance(welsh, str) and welsh:
            found[StringValue.from_plaintext(english).data] = welsh
    return found


def _string_data(text):
    """Strings are stored as Localize's normalised HTML, whether the field is plain text or rich text."""
    value = StringValue.from_translated_html(text) if "<" in text else StringValue.from_plaintext(text)
    return value.data
