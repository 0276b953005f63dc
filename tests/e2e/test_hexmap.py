"""Browser journeys for the constituency hexmap: reached and moved through by keyboard, read without
JavaScript, and free of serious axe violations, off-site requests and CSP breaks."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from campaign.models import CampaignPage, LetterCount
from geography.models import Constituency, ConstituencyHex
from tests.conftest import _Silent
from tests.e2e.axe_audit import describe_violations, serious_violations

expect = pytest.importorskip("playwright.sync_api").expect

# Demo constituencies (demo.letters) and their letters.
LETTERS = {"S14000061": 4, "E14001085": 2, "S14000111": 1}


@pytest.fixture
def campaign_url(transactional_db):
    """The demo site, with the 2024 layout (or, without the shared data, a strip of the demo's five seats)
    and a few letters."""
    call_command("seed_demo", stdout=_Silent())
    if not ConstituencyHex.objects.exists():
        for q, seat in enumerate(Constituency.objects.order_by("code")):
            ConstituencyHex.objects.create(code=seat.code, name=seat.name, q=q, r=0, region=seat.code[0])
    for code, letters in LETTERS.items():
        for _ in range(letters):
            LetterCount.record(code)
    cache.clear()
    return CampaignPage.objects.live().get().url


def test_a_hex_focused_by_keyboard_shows_its_figures_and_arrows_move_on(
    browser_page, campaign_url, offsite_requests, csp_violations, tmp_path
):
    page = browser_page
    page.goto(campaign_url)
    figure = page.locator("figure.hexmap")
    expect(figure.get_by_text("Letters by constituency")).to_be_visible()
    table_link = figure.get_by_role("link", name="Every constituency's letters as a table")

    table_link.focus()
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    # The map is one tab stop: it lands on the first hex, the darkest (most letters).
    expect(focused).to_have_accessible_name("Aberdeen South: 4")
    readout = figure.locator("[data-hexmap-readout]")
    expect(readout).to_have_text("Aberdeen South: 4 letters")
    expect(figure.get_by_role("img", name="Aberdeen South: 4")).to_be_focused()
    figure.screenshot(path=str(tmp_path / "hexmap-focused.png"))  # kept by pytest, for a look when it fails

    page.keyboard.press("ArrowLeft")
    moved_to = page.evaluate("document.activeElement.querySelector('title').textContent")
    assert moved_to != "Aberdeen South: 4"
    expect(readout).to_contain_text(moved_to.split(":")[0])
    assert page.evaluate("document.activeElement.getAttribute('tabindex')") == "0"

    # Tab leaves the map at once: 650 hexes are one stop, not 650.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('svg') === null")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.querySelector('title').textContent") == moved_to

    assert offsite_requests == [] and csp_violations == []


def test_hovering_a_hex_shows_its_figures(browser_page, campaign_url):
    page = browser_page
    page.goto(campaign_url)
    figure = page.locator("figure.hexmap")
    hex_ = figure.locator("use[x]").filter(has=page.locator("title", has_text="Bermondsey and Old Southwark"))
    hex_.hover()
    expect(figure.locator("[data-hexmap-readout]")).to_have_text("Bermondsey and Old Southwark: 2 letters")


def test_without_javascript_the_map_and_its_titles_are_there_and_take_no_tab_stops(new_page, campaign_url):
    page = new_page(java_script_enabled=False)
    page.goto(campaign_url)
    figure = page.locator("figure.hexmap")
    expect(figure.locator("title", has_text="Aberdeen South: 4")).to_have_count(1)
    expect(figure.locator("[tabindex]")).to_have_count(0)
    figure.get_by_role("link", name="Every constituency's letters as a table").click()
    expect(page.get_by_role("heading", level=1, name="Letters to MPs by constituency")).to_be_visible()
    expect(page.get_by_role("row", name="Aberdeen South 4")).to_be_visible()


def test_the_campaign_page_with_its_map_passes_the_axe_audit(browser_page, campaign_url, csp_violations):
    page = browser_page
    for url in (campaign_url, campaign_url + "letters/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        violations = serious_violations(page)
        assert not violations, describe_violations(violations)
    assert csp_violations == []
