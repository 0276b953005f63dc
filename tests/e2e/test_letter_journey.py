"""Browser journey: postcode → your MP → your own words → a letter with a correct mailto link and a PDF; an MP
with no known email address leads with copying and printing; printing shows the letter alone."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.core.management import call_command

from campaign.models import LetterCount, LetterPage
from geography.models import MemberOfParliament
from tests.conftest import _Silent

expect = pytest.importorskip("playwright.sync_api").expect

PARAGRAPH = (
    "My sister was followed for two years by a man who had done the same to three women before her. "
    "Nobody told her, and nobody joined the dots until she was hurt."
)


@pytest.fixture
def letter_url(transactional_db):
    call_command("seed_demo", stdout=_Silent())
    MemberOfParliament.objects.filter(constituency_id="E14001085").update(email="neil.coyle@example.org")
    return LetterPage.objects.live().get().url


def test_postcode_to_a_letter_with_a_correct_mailto_link(browser_page, letter_url, offsite_requests):
    page = browser_page
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.goto(letter_url)

    page.get_by_label("Your postcode").fill(" se12dl ")
    page.get_by_role("button", name="Find my MP").click()
    page.get_by_role("heading", name="Your MP is Neil Coyle, for Bermondsey and Old Southwark").wait_for()
    # The postcode step posts to a plain view (/letters/<id>/postcode/): no postcode in the address.
    assert "se1" not in page.url.lower() and not urlsplit(page.url).query

    page.get_by_label("Your name").fill("Sam Writer")
    page.get_by_label("Your address").fill("1 Example Street\nLondon")
    page.get_by_label("Why this matters to you, in your own words").fill("It matters.")
    page.get_by_role("button", name="Write my letter").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    expect(page.get_by_role("link", name="Please write a little more", exact=False)).to_be_visible()

    page.get_by_label("Why this matters to you, in your own words").fill(PARAGRAPH)
    page.get_by_role("button", name="Write my letter").click()
    page.get_by_role("heading", name="Your letter to Neil Coyle").wait_for()

    # An MP with an email address: the email is the first thing offered.
    actions = page.locator(".letter-actions")
    expect(actions.locator("a, button").first).to_have_text("Open in your email app")
    expect(page.get_by_text("We don't have an email address")).to_have_count(0)
    href = page.get_by_role("link", name="Open in your email app").get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and unquote(parts.path) == "neil.coyle@example.org"
    query = parse_qs(parts.query)
    assert query["subject"][0].startswith("Please back a register")
    body = query["body"][0]
    assert body.startswith("Dear Neil Coyle,") and PARAGRAPH in body
    assert "Sam Writer\r\n1 Example Street" in body

    expect(page.get_by_role("button", name="Copy the letter")).to_be_visible()  # letter.js ran under the CSP
    assert not LetterCount.objects.exists()  # shown is not sent
    with page.expect_response(lambda response: response.url.endswith("/finished/")) as beacon:
        page.get_by_role("button", name="Copy the letter").click()
    assert beacon.value.status == 204
    assert LetterCount.objects.get(pk="E14001085").letters == 1
    with page.expect_download() as download:
        page.get_by_role("button", name="Download a PDF").click()
    assert download.value.suggested_filename == "letter-to-your-mp.pdf"
    assert LetterCount.objects.get(pk="E14001085").letters == 1  # copied and downloaded: one letter
    assert urlsplit(page.url).path == letter_url and not urlsplit(page.url).query
    assert offsite_requests == []
    assert not [e for e in console_errors if "Content Security Policy" in e]


def test_a_restored_tab_after_finding_the_mp_shows_the_postcode_form(browser_page, letter_url):
    page = browser_page
    page.goto(letter_url)
    page.get_by_label("Your postcode").fill("SE1 2DL")
    page.get_by_role("button", name="Find my MP").click()
    page.get_by_role("heading", name="Your MP is Neil Coyle, for Bermondsey and Old Southwark").wait_for()
    # A phone restoring the tab (or pull-to-refresh) asks for the address bar's address by GET.
    restored = page.goto(page.url)
    assert restored.status < 400, f"{page.url} answered {restored.status}"
    expect(page.get_by_label("Your postcode")).to_be_visible()


def write_a_letter(page, letter_url, postcode, mp_name):
    page.goto(letter_url)
    page.get_by_label("Your postcode").fill(postcode)
    page.get_by_role("button", name="Find my MP").click()
    page.get_by_role("heading", name=f"Your MP is {mp_name}", exact=False).wait_for()
    page.get_by_label("Your name").fill("Sam Writer")
    page.get_by_label("Your address").fill("1 Example Street\nManchester")
    page.get_by_label("Why this matters to you, in your own words").fill(PARAGRAPH)
    page.get_by_role("button", name="Write my letter").click()
    page.get_by_role("heading", name=f"Your letter to {mp_name}").wait_for()


def test_with_no_email_address_for_the_mp_the_page_says_so_and_leads_with_copy_and_print(
    browser_page, letter_url
):
    assert MemberOfParliament.objects.get(constituency_id="E14001352").email == ""
    page = browser_page
    write_a_letter(page, letter_url, "M1 1AD", "Lucy Powell")

    expect(page.get_by_text("We don't have an email address for Lucy Powell.")).to_be_visible()
    expect(page.get_by_text("post it to Lucy Powell MP, House of Commons, London SW1A 0AA")).to_be_visible()
    # No main button opening an email with nobody to send it to: copying and printing come first.
    expect(page.get_by_role("link", name="Open in your email app")).to_have_count(0)
    buttons = page.locator(".letter-actions").locator("a, button")
    expect(buttons.nth(0)).to_have_text("Copy the letter")
    expect(buttons.nth(1)).to_have_text("Print")
    for name in ("Copy the letter", "Print"):
        expect(page.get_by_role("button", name=name)).to_be_visible()
        expect(page.get_by_role("button", name=name)).not_to_have_class("button button--secondary")
    # Someone who finds the address can still start the email, and add it.
    later = page.get_by_role("link", name="open the letter in your email app")
    parts = urlsplit(later.get_attribute("href"))
    assert parts.scheme == "mailto" and parts.path == ""
    assert parse_qs(parts.query)["body"][0].startswith("Dear Lucy Powell,")


@pytest.fixture
def translated_letter_url(settings, transactional_db):
    """The demo site with its Welsh pages, so the letter page has the language bar."""
    settings.WAYMARK_DEMO_TRANSLATIONS = True  # off for the other tests' demo site (settings/test.py)
    call_command("seed_demo", stdout=_Silent())
    return LetterPage.objects.live().filter(locale__language_code="en-gb").get().url


def test_printing_the_letter_shows_the_letter_and_nothing_else(browser_page, translated_letter_url):
    page = browser_page
    letter_url = translated_letter_url
    write_a_letter(page, letter_url, "M1 1AD", "Lucy Powell")
    furniture = {
        "quick exit": page.get_by_role("link", name="Exit this page"),
        "language bar": page.get_by_role("navigation", name="Language / Iaith"),
        "site header": page.get_by_role("banner"),
        "999 line": page.get_by_role("complementary", name="Emergency help"),
        "footer": page.get_by_role("contentinfo"),
        "buttons": page.get_by_role("button", name="Copy the letter"),
        "no-email note": page.get_by_text("We don't have an email address for Lucy Powell."),
        "page heading": page.get_by_role("heading", level=1),
    }
    for name, element in furniture.items():
        expect(element, f"{name} should be on screen").to_be_visible()

    page.emulate_media(media="print")
    for name, element in furniture.items():
        expect(element, f"{name} was printed").to_be_hidden()
    letter = page.get_by_role("region", name=page.locator("#letter-subject").inner_text())
    expect(letter).to_be_visible()
    expect(letter).to_contain_text("Dear Lucy Powell,")
    expect(letter).to_contain_text("House of Commons")
    box = letter.bounding_box()
    assert box["y"] < 50, f"the letter starts {box['y']} px down the printed page"

    page.emulate_media(media="screen")
    expect(furniture["quick exit"]).to_be_visible()
