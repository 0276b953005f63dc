"""The petition page of a big petition (signatures in all 650 constituencies, 40 countries, three months of
hours): within 100 KB with everything it loads and nothing from another origin, no serious axe violation,
legible on a phone, and its map usable by keyboard.

Run alone to see the weights: .venv/bin/pytest tests/e2e/test_petition_maps.py -s
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from geography.models import ConstituencyHex
from petition import counting
from petition.models import AreaCount, HourlyCount, PetitionCount, PetitionPage
from tests.conftest import _Silent
from tests.e2e.axe_audit import describe_violations, serious_violations
from tests.e2e.test_page_weight import weigh

expect = pytest.importorskip("playwright.sync_api").expect

BUDGET_BYTES = 100_000
COUNTRIES = ["E92000001", "S92000003", "W92000004", "N92000002", "FR", "IE", "ES", "DE", "US", "AU"] + [
    f"X{n}" for n in range(30)
]


def fill_the_counters(petition):
    """The counters of a petition that has gone viral, written directly: the page reads only these."""
    codes = list(ConstituencyHex.objects.order_by("code").values_list("code", flat=True))
    by_constituency = {code: 1 + (i * 7919) % 5000 for i, code in enumerate(codes)}
    by_constituency[""] = 4321
    total = sum(by_constituency.values())
    by_country = {code: max(1, total // (3 ** (i + 1))) for i, code in enumerate(COUNTRIES)}
    by_country["E92000001"] += total - sum(by_country.values())
    AreaCount.objects.bulk_create(
        [
            AreaCount(petition=petition, kind="constituency", code=c, count=n)
            for c, n in by_constituency.items()
        ]
        + [AreaCount(petition=petition, kind="country", code=c, count=n) for c, n in by_country.items()]
    )
    start = counting.hour_of(timezone.now()) - timedelta(days=90)
    hours = [start + timedelta(hours=h) for h in range(24 * 90)]
    per_hour, spare = divmod(total, len(hours))
    HourlyCount.objects.bulk_create(
        [HourlyCount(petition=petition, hour=h, count=per_hour + (i < spare)) for i, h in enumerate(hours)]
    )
    PetitionCount.objects.update_or_create(
        petition=petition, defaults={"signature_count": total, "updated_at": timezone.now()}
    )
    return total


@pytest.fixture
def big_petition(transactional_db):
    call_command("seed_demo", stdout=_Silent())
    if not ConstituencyHex.objects.exists():  # no shared data: a stand-in layout of 650 hexes
        ConstituencyHex.objects.bulk_create(
            ConstituencyHex(code=f"E14{n:06d}", name=f"Constituency number {n:03d}", q=n % 26, r=-(n // 26))
            for n in range(650)
        )
    petition = PetitionPage.objects.live().get()
    fill_the_counters(petition)
    cache.clear()
    return petition


def test_the_petition_page_weighs_at_most_100kb_and_asks_no_other_origin(
    new_page, big_petition, live_server, offsite_requests
):
    page = new_page()
    sizes, requested = weigh(page, big_petition.url)
    expect(page.get_by_role("heading", level=2, name="Where people have signed")).to_be_visible()
    expect(page.locator("figure.hexmap use[x]")).to_have_count(650)
    total = sum(sizes.values())
    third_party = [url for url in requested + offsite_requests if not url.startswith(live_server.url)]
    lines = "\n".join(f"  {size:>7} B  {url.removeprefix(live_server.url)}" for url, size in sizes.items())
    print(f"\nPetition page: {total} bytes in {len(sizes)} requests; {len(third_party)} third-party\n{lines}")
    assert third_party == []
    assert total <= BUDGET_BYTES, f"over the {BUDGET_BYTES}-byte budget:\n{lines}"


def test_the_petition_page_and_its_tables_pass_the_axe_audit(browser_page, big_petition, csp_violations):
    page = browser_page
    for url in (big_petition.url, big_petition.url + "places/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        violations = serious_violations(page)
        assert not violations, f"{url}:\n" + describe_violations(violations)
    assert csp_violations == []


def test_on_a_phone_the_tables_and_charts_fit_the_screen(new_page, big_petition):
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(big_petition.url)
    for selector in ("table.counts-table", "figure.hexmap svg", "figure.trend svg"):
        box = page.locator(selector).first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, selector
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # The table's text is real text at a readable size, not shrunk inside a drawing.
    size = page.locator("table.counts-table td.numeric").first.evaluate("e => getComputedStyle(e).fontSize")
    assert float(size.removesuffix("px")) >= 16
    expect(page.get_by_role("row", name="England")).to_be_visible()


def test_a_hex_of_the_petition_map_focused_by_keyboard_shows_its_signatures(browser_page, big_petition):
    page = browser_page
    page.goto(big_petition.url)
    figure = page.locator("figure.hexmap")
    figure.get_by_role("link", name="Every country and constituency as a table").focus()
    page.keyboard.press("Tab")
    focused_title = page.evaluate("document.activeElement.querySelector('title').textContent")
    name, count = focused_title.rsplit(": ", 1)
    # The map's one tab stop is its first hex: the first by name among the busiest (the darkest shade).
    assert page.evaluate("document.activeElement.parentNode.getAttribute('class')") == "s5"
    assert int(count.replace(",", "")) > 2500
    expect(figure.locator("[data-hexmap-readout]")).to_have_text(f"{name}: {count} signatures")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.querySelector('title').textContent") != focused_title
