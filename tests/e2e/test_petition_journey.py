"""Browser journey: sign, read the email, open the link, press Confirm, see the count rise.

One test function: on the in-memory SQLite test database, a second live-server test in the same session
found the page tree flushed even with serialized_rollback, so the whole journey runs as one.
"""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from tests.petition.factories import PetitionPageFactory
from website import page_cache

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def petition(transactional_db, home):
    return PetitionPageFactory(parent=home, slug="petition", title="Register serial abusers", target=100)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def test_signing_with_mistakes_then_confirming_raises_the_count(browser_page, petition, offsite_requests):
    page = browser_page
    page.goto(petition.url)
    expect(page.get_by_role("heading", name="0 signatures")).to_be_visible()

    # Mistakes are shown at the field, and what was typed stays.
    page.get_by_label("Your name").fill("=SUM(A1)")
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_label("UK postcode").fill("nowhere")
    page.get_by_role("button", name="Sign the petition").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_text("Your name cannot start with =, +, - or @.").first).to_be_visible()
    expect(page.get_by_label("Email address")).to_have_value("sam@example.org")
    expect(page.get_by_label("UK postcode")).to_have_value("nowhere")

    # A phone restoring the tab (or pull-to-refresh) asks for the address bar's address by GET: the form
    # comes back, not a blank error page.
    restored = page.goto(page.url)
    assert restored.status < 400, f"{page.url} answered {restored.status}"
    expect(page.get_by_role("heading", name="Sign the petition")).to_be_visible()

    # Then the journey itself.
    page.get_by_label("Your name").fill("Sam Taylor")
    page.get_by_label("Email address").fill("sam.taylor@example.org")
    page.get_by_label("UK postcode").fill("sw1a 1aa")
    expect(page.get_by_label("Email me campaign updates")).not_to_be_checked()
    page.get_by_role("button", name="Sign the petition").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert "sam" not in page.url.lower()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/confirm/\S+/", mail.outbox[0].body).group(0)
    page.goto(path_of(link))
    expect(page.get_by_role("heading", name="Confirm your signature")).to_be_visible()
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.get_by_role("heading", name="Your signature is confirmed")).to_be_visible()

    call_command("update_petition_counts", "--no-lag")
    # The page's shared copy lives for up to 40 s (shared_cache_seconds); stand in for that minute passing.
    page_cache.purge_all()
    page.goto(petition.url)
    expect(page.get_by_role("heading", name="1 signature")).to_be_visible()
    assert offsite_requests == []
