"""Browser journey: postcode → your MP → your own words → a letter with a correct mailto link and a PDF."""

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
