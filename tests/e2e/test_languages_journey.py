"""The demo site in Welsh and Urdu, as a reader walks it: home → petition → letter → stories and support stay
in their language, no link the language switcher offers is a 404, and any English on a Welsh or Urdu page
says so (lang="en-GB"). Built by the real seed_demo with its translations (demo/translations.py)."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Page

from tests.conftest import _Silent
from tests.e2e import translations

language_prefixes = translations.language_prefixes

# Text nodes on a page, each with the language of the nearest element that says one.
TEXTS = """() => {
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    const found = [];
    while (walker.nextNode()) {
        const node = walker.currentNode, text = node.textContent.trim().replace(/\\s+/g, " ");
        const element = node.parentElement;
        if (!text || element.closest("script, style, option")) continue;
        found.push([text, (element.closest("[lang]") || document.documentElement).lang]);
    }
    return found;
}"""


@pytest.fixture
def demo(transactional_db, language_prefixes, settings):
    settings.WAYMARK_DEMO_TRANSLATIONS = True
    call_command("seed_demo", stdout=_Silent())


def english_sentences(text):
    """Whether a text node reads as an English phrase: three or more words of Latin letters."""
    return sum(1 for word in text.split() if word.isascii() and any(c.isalpha() for c in word)) >= 3


def test_welsh_home_to_petition_letter_stories_and_support_stays_welsh(new_page, demo):
    page = new_page()
    page.goto("/cy/")
    assert page.evaluate("document.documentElement.lang") == "cy"
    page.get_by_role("link", name="Llofnodi'r ddeiseb").click()
    page.wait_for_url("**/cy/petition/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cofrestrwch gamdrinwyr a stelcwyr cyfresol")

    page.goto("/cy/")
    page.get_by_role("link", name="Ysgrifennu at eich Aelod Seneddol").first.click()
    page.wait_for_url("**/cy/write-to-your-mp/")
    page.get_by_label("Eich cod post").fill("SE1 2DL")
    page.get_by_role("button", name="Dod o hyd i fy Aelod Seneddol").click()
    page.get_by_role("heading", name="Neil Coyle", exact=False).wait_for()
    page.locator("input[name=sender_name]").fill("Sam Writer")
    page.locator("textarea[name=sender_address]").fill("1 Example Street\nLondon")
    page.locator("textarea[name=personal_paragraph]").fill(
        "Cafodd fy chwaer ei dilyn am ddwy flynedd gan ddyn oedd wedi gwneud yr un peth i dair menyw o'i "
        "blaen. Ddywedodd neb wrthi. Rydw i eisiau newid hynny, a dyna pam rydw i'n ysgrifennu atoch chi."
    )
    page.locator("form").get_by_role("button").last.click()
    letter = page.locator("main")
    expect(letter).to_contain_text("Annwyl Neil Coyle,")
    expect(letter).to_contain_text("A wnewch chi gefnogi'r alwad am gofrestr")
    expect(letter).not_to_contain_text("Dear Neil Coyle")

    page.goto("/cy/")
    page.get_by_role("link", name="Darllen y straeon").click()
    page.wait_for_url("**/cy/stories/")
    page.get_by_role("link", name="Roedd wedi gwneud hyn o’r blaen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Roedd wedi gwneud hyn o’r blaen")
    page.goto("/cy/")
    page.get_by_role("link", name="Cael cymorth").click()
    page.wait_for_url("**/cy/support/")
    for path in ("/cy/privacy/", "/cy/call-back/", "/cy/support/cover-your-tracks/", "/cy/ask-the-police/"):
        assert page.goto(path).status == 200, path


def test_urdu_home_speaks_urdu_and_leads_to_urdu_pages(new_page, demo):
    page = new_page()
    page.goto("/ur/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ur", "rtl"]
    emergency = page.get_by_role("complementary", name="ہنگامی مدد")
    expect(emergency).to_contain_text("ہنگامی صورت میں")
    expect(emergency).not_to_contain_text("In an emergency")
    page.get_by_role("link", name="پٹیشن پر دستخط کریں").click()
    page.wait_for_url("**/ur/petition/")
    page.goto("/ur/")
    page.get_by_role("link", name="اپنے ایم پی کو خط لکھیں").first.click()
    page.wait_for_url("**/ur/write-to-your-mp/")
    expect(page.get_by_role("button", name="میرا ایم پی تلاش کریں")).to_be_visible()
    for path in ("/ur/ask-the-police/", "/ur/call-back/", "/ur/stories/", "/ur/privacy/"):
        assert page.goto(path).status == 200, path
    page.goto("/ur/call-back/")
    expect(page.get_by_label("ایک محفوظ فون نمبر")).to_be_visible()


def test_every_switcher_link_on_every_seeded_page_exists_and_english_on_other_pages_is_marked(
    new_page, demo, live_server
):
    page = new_page()
    pages = [p for p in Page.objects.live().filter(depth__gt=1).specific() if p.url]
    english_texts = {}
    problems = []
    checked = set()
    for wagtail_page in sorted(pages, key=lambda p: p.locale.language_code != "en-gb"):
        url = wagtail_page.url
        response = page.goto(url)
        assert response.status == 200, url
        texts = page.evaluate(TEXTS)
        if wagtail_page.locale.language_code == "en-gb":
            english_texts[wagtail_page.translation_key] = {text for text, _ in texts}
        else:
            english = english_texts.get(wagtail_page.translation_key, set())
            for text, lang in texts:
                if text in english and english_sentences(text) and not lang.lower().startswith("en"):
                    problems.append(f"{url}: English without lang=en: {text!r}")
        for href in page.locator(".language-switcher a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        ):
            if href in checked:
                continue
            checked.add(href)
            status = page.request.get(live_server.url + href).status
            if status != 200:
                problems.append(f"{url}: the switcher's {href} answers {status}")
    assert len(checked) > 10
    assert not problems, "\n".join(problems)
