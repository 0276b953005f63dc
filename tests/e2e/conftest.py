"""Browser journeys: Playwright for Python driving Debian's Chromium against pytest-django's live server.

A browser download cannot work here, so we launch /usr/bin/chromium (or $CHROMIUM) and skip, saying
why, when it is absent.
"""

import os
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.browser import LAUNCH_ARGS

# One patience for actions and for expect(): CI runs on two shared cores, where a form step sent by
# history.js (fetch, then the answer written over the page) can take longer than expect's own 5 s default.
TIMEOUT_MS = 15_000

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# What every off-site request is answered with: the quick exit's neutral page stands in for the real one.
OFFSITE_BODY = "<!DOCTYPE html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"
CSP_MARKER = "Content Security Policy"

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from test code are
# still synchronous and safe, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" not in str(item.fspath).replace(os.sep, "/"):
            continue
        item.add_marker(pytest.mark.e2e)
        # The live server needs transactional tests, which empty every table afterwards. Flushing
        # re-runs post_migrate (content types, permissions, staff groups), and seed_demo re-creates
        # the rows Wagtail's migrations made (locale, tree root, root collection), so every journey
        # builds what it needs from an empty database, in any order.
        if "live_server" in item.fixturenames and item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(scope="session")
def chromium_browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium)")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.skip("playwright is not installed: pip install -e '.[test]'")
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


class NeutralSite:
    """A stand-in for the quick exit's neutral destination, on another origin of this machine.

    Playwright cannot route the hop after a redirect (microsoft/playwright#3993), so /exit/'s redirect
    to the real destination would reach the real network: in tests the destination is this server.
    It remembers each visit and the Referer it carried."""

    def __init__(self):
        site = self
        self.visits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.visits.append({"path": self.path, "referer": self.headers.get("Referer")})
                body = OFFSITE_BODY.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/weather"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def neutral_site():
    site = NeutralSite()
    yield site
    site.close()


@pytest.fixture
def quick_exit_destination(neutral_site, home):
    """Point the quick exit at the neutral stand-in and return its URL."""
    from wagtail.models import Site

    from tests.website.factories import publish_safety_settings

    neutral_site.visits.clear()
    publish_safety_settings(Site.objects.get(is_default_site=True), quick_exit_url=neutral_site.url)
    return neutral_site.url


@pytest.fixture
def offsite_requests():
    """Every request the page tried to make to another origin (should stay empty)."""
    return []


@pytest.fixture
def csp_violations():
    """Console messages in which Chromium reports a Content Security Policy violation."""
    return []


# The password of the admin users the browser tests sign in as.
PASSWORD = "a-long-password-for-tests"
# Reported by the page itself, through a binding: blocked scripts, styles, images, frames, eval…
WATCH_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
      `at ${event.sourceFile}:${event.lineNumber}` + (event.sample ? ` (${event.sample})` : "")
  );
});
"""


@pytest.fixture
def admin_page(new_page, csp_violations):
    """Chromium signed in as "admin" (the test makes that user, with PASSWORD), reporting CSP violations."""
    page = new_page()
    page.context.expose_binding("reportCspViolation", lambda source, text: csp_violations.append(text))
    page.context.add_init_script(WATCH_VIOLATIONS)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    return page


@pytest.fixture
def new_page(chromium_browser, live_server, offsite_requests, csp_violations):
    """Open a page in a fresh browser context (pass context options such as java_script_enabled=False).
    Off-site requests are recorded and answered locally, since this machine has no internet."""
    contexts = []

    def handle(route):
        url = route.request.url
        if url.startswith(live_server.url):
            route.continue_()
        else:
            offsite_requests.append(url)
            route.fulfill(status=200, content_type="text/html", body=OFFSITE_BODY)

    def on_console(message):
        if CSP_MARKER in message.text:
            csp_violations.append(message.text)

    def make(**context_options):
        context = chromium_browser.new_context(base_url=live_server.url, **context_options)
        contexts.append(context)
        context.route("**/*", handle)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("console", on_console)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_page):
    """A fresh browser context on the live server (see new_page)."""
    return new_page()


@pytest.fixture
def site_pages(home, transactional_db, quick_exit_destination):
    """One published page of every public type, built the way editors would build them."""
    from tests.e2e.page_tree import build_site_pages

    return build_site_pages(home)
