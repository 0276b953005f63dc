"""What a guidance page costs a visitor in bytes, and its requests to other sites, in headless Chromium."""

from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
# Shared with the browser journeys (tests/e2e/conftest.py): one way to launch Chromium here.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def measure_page(base_url, path):
    """Load the page with an empty cache; sum the bytes on the wire (headers and bodies) of every request."""
    from playwright.sync_api import sync_playwright

    origin = urlparse(base_url).netloc
    transferred = {}
    off_origin = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        # What the TLS proxy in front of gunicorn would add; without it production settings redirect to https.
        context = browser.new_context(extra_http_headers={"X-Forwarded-Proto": "https"})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.on(
            "Network.loadingFinished",
            lambda event: transferred.__setitem__(event["requestId"], event.get("encodedDataLength", 0)),
        )

        def on_request(request):
            parsed = urlparse(request.url)
            if parsed.scheme in ("http", "https") and parsed.netloc != origin:
                off_origin.append(request.url)

        page.on("request", on_request)
        response = page.goto(base_url + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        status = response.status if response else None
        browser.close()
    return {
        "bytes": int(sum(transferred.values())),
        "requests": len(transferred),
        "third_party": len(off_origin),
        "third_party_urls": off_origin[:10],
        "status": status,
    }
