"""A translated page says which of its texts are still English, leads to pages in its own language, and the
switcher says when the other language has no version of a page."""

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from demo.translations import translate
from tests.conftest import _Silent
from website.i18n import fallbacks, languages
from website.models import StandardPage

pytestmark = pytest.mark.django_db


def welsh(page, strings):
    locale, _ = Locale.objects.get_or_create(language_code="cy")
    translate(page, locale, strings)
    return page.get_translation(locale).specific


@pytest.fixture
def about(home):
    return StandardPage.objects.get(slug="about", locale__language_code="en-gb")


def test_a_block_nobody_translated_is_marked_english_and_a_translated_one_is_not(client, home, about):
    welsh(home, {"Waymark": "Waymark"})
    welsh_about = welsh(about, {"About us": "Amdanom ni"})
    assert fallbacks.untranslated_blocks(welsh_about) == {block.id for block in welsh_about.body}

    html = client.get(welsh_about.url).content.decode()
    assert "<h1>Amdanom ni</h1>" in html
    assert '<div lang="en-GB" dir="ltr"><div class="rich-text">' in html


def test_a_translated_block_is_not_marked(client, home, about):
    welsh(home, {"Waymark": "Waymark"})
    paragraph = next(iter(about.body)).value.source
    strings = {"About us": "Amdanom ni"}
    source, _ = TranslationSource.get_or_create_from_instance(about)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        strings.setdefault(segment.string.data, "Testun Cymraeg.")
    welsh_about = welsh(about, strings)
    assert paragraph not in str(welsh_about.body)
    assert fallbacks.untranslated_blocks(welsh_about) == set()
    assert (
        'lang="en-GB"'
        not in client.get(welsh_about.url).content.decode().split("<main")[1].split("</main>")[0]
    )


def test_english_pages_mark_nothing(client, about):
    assert fallbacks.source_page(about) is None
    assert fallbacks.untranslated_blocks(about) == set()
    assert fallbacks.field_attributes(about, "title") == ""


def test_a_link_chosen_in_english_leads_to_the_page_in_the_readers_language(home, about):
    welsh(home, {"Waymark": "Waymark"})
    welsh_about = welsh(about, {"About us": "Amdanom ni"})
    with translation.override("cy"):
        assert fallbacks.in_reader_language(about) == welsh_about
        assert fallbacks.attributes_if_other_language(welsh_about) == ""
        privacy = StandardPage.objects.get(slug="privacy", locale__language_code="en-gb")
        # No Welsh privacy notice: the English one, said to be English.
        assert fallbacks.in_reader_language(privacy) == privacy
        assert fallbacks.attributes_if_other_language(privacy) == ' lang="en-GB" dir="ltr"'
    with translation.override("ur"):
        assert fallbacks.attributes_if_other_language(privacy) == ' lang="en-GB" dir="ltr"'


def test_a_draft_translation_is_not_where_a_link_leads(home, about):
    welsh(home, {"Waymark": "Waymark"})
    welsh_about = welsh(about, {"About us": "Amdanom ni"})
    welsh_about.unpublish()
    with translation.override("cy"):
        assert fallbacks.in_reader_language(about) == about


def test_the_welsh_home_pages_cards_lead_to_the_welsh_petition_and_letter(client, settings):
    settings.WAYMARK_DEMO_TRANSLATIONS = True
    call_command("seed_demo", stdout=_Silent())
    html = client.get("/cy/").content.decode()
    assert 'href="/cy/petition/"' in html and 'href="/cy/write-to-your-mp/"' in html
    assert 'href="/petition/"' not in html.split("<main")[1]
    assert 'href="/cy/stories/"' in html and 'href="/cy/support/"' in html


# The switcher's "not available in that language" logic (website/i18n/languages.py).


def switcher_links(rf, page, path):
    request = rf.get(path)
    with translation.override(languages.language_of_path(path)):
        return {link.language: link for link in languages.links(request, page)}


def test_the_switcher_says_a_page_has_no_version_in_a_language_and_leads_to_its_home_page(rf, home, about):
    welsh(home, {"Waymark": "Waymark"})
    links = switcher_links(rf, about, about.url)
    assert links["cy"].translated is False
    assert links["cy"].url == "/cy/"
    assert links["cy"].note == "Heb ei chyfieithu eto: hafan Gymraeg"
    assert "ur" not in links  # no Urdu home page either: Urdu is not offered at all


def test_the_switcher_offers_a_translated_page_itself_with_no_note(rf, home, about):
    welsh(home, {"Waymark": "Waymark"})
    welsh_about = welsh(about, {"About us": "Amdanom ni"})
    links = switcher_links(rf, about, about.url)
    assert (links["cy"].url, links["cy"].translated, links["cy"].note) == (welsh_about.url, True, "")
    back = switcher_links(rf, welsh_about, welsh_about.url)
    assert (back["en-gb"].url, back["en-gb"].translated) == (about.url, True)


def test_an_unpublished_translation_is_not_available_in_the_switcher(rf, home, about):
    welsh(home, {"Waymark": "Waymark"})
    welsh(about, {"About us": "Amdanom ni"}).unpublish()
    links = switcher_links(rf, about, about.url)
    assert links["cy"].translated is False and links["cy"].url == "/cy/"
