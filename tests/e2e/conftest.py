"""Browser journeys: Playwright for Python driving Debian's Chromium against pytest-django's live server.

A browser download cannot work here, so we launch /usr/bin/chromium (or $CHROMIUM) and skip, saying
why, when it is absent.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from test code are
# still synchronous and safe, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def chromium_browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.skip("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def offsite_requests():
    """Every request the page tried to make to another origin (should stay empty)."""
    return []


@pytest.fixture
def browser_page(chromium_browser, live_server, offsite_requests):
    """A fresh browser context on the live server. Off-site requests are recorded and answered locally
    (the quick exit's weather page, for instance), since this machine has no internet."""
    context = chromium_browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)

    def handle(route):
        url = route.request.url
        if url.startswith(live_server.url):
            route.continue_()
        else:
            offsite_requests.append(url)
            route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>")

    page.route("**/*", handle)
    yield page
    context.close()
