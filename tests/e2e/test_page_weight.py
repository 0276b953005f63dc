"""Page weight: a guidance page, with everything it loads, must stay light enough for a slow or metered
phone. Run alone to see the figures:

    .venv/bin/pytest tests/e2e/test_page_weight.py -s

Each guidance page of the demo site (seed_demo) is loaded in a fresh browser context, so nothing
comes from the cache. The live server does not compress, so these are uncompressed weights:
production (whitenoise's compressed static files) sends less.
"""

import pytest
from playwright.sync_api import expect

from support.models import GuidancePage
from tests.e2e.page_tree import build_site_pages
from website.models import HomePage

BUDGET_BYTES = 60_000


@pytest.fixture
def guidance_pages(transactional_db, seeded):
    pages = list(GuidancePage.objects.live().order_by("path"))
    if not pages:  # the demo has no guidance yet: measure the journeys' own guidance pages
        tree = build_site_pages(HomePage.objects.get())
        pages = [tree.guidance, tree.cover_your_tracks]
    return pages


def weigh(page, url):
    """Load url with all it needs; return {url: bytes on the wire, headers included}."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls, sizes = {}, {}

    def sent(event):
        urls.setdefault(event["requestId"], event["request"]["url"])

    def finished(event):
        sizes[event["requestId"]] = event["encodedDataLength"]

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", finished)
    page.goto(url, wait_until="networkidle")
    return {urls.get(request_id, request_id): size for request_id, size in sizes.items()}, list(urls.values())


def test_a_guidance_page_weighs_at_most_60kb_and_asks_no_other_origin(
    new_page, guidance_pages, live_server, offsite_requests
):
    over_budget = []
    for guidance in guidance_pages:
        page = new_page()
        sizes, requested = weigh(page, guidance.url)
        expect(page.get_by_role("heading", level=1, name=guidance.title)).to_be_visible()

        total = sum(sizes.values())
        third_party = [url for url in requested + offsite_requests if not url.startswith(live_server.url)]
        lines = "\n".join(
            f"  {size:>7} B  {url.removeprefix(live_server.url)}" for url, size in sizes.items()
        )
        print(
            f"\nGuidance page {guidance.url}: {total} bytes transferred in {len(sizes)} requests; "
            f"{len(third_party)} third-party requests\n{lines}"
        )
        assert len(sizes) >= 3, f"expected the page, its stylesheet and its script:\n{lines}"
        assert third_party == [], f"{guidance.url} asked another origin for {third_party}"
        if total > BUDGET_BYTES:
            over_budget.append(f"{guidance.url}: {total} bytes\n{lines}")
        page.context.close()

    assert not over_budget, f"over the {BUDGET_BYTES}-byte budget:\n" + "\n".join(over_budget)
