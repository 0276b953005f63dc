"""The 999 message is given once a page: by the site's emergency banner, when it is set. The helpline lists
beside the content and in the footer then leave the emergency line out; without a banner they keep it."""

from html.parser import HTMLParser

import pytest
from wagtail.models import Site

from support.models import Helpline
from tests.support.factories import GuidanceIndexPageFactory, GuidancePageFactory, HelplineFactory
from tests.website.factories import publish_safety_settings
from website.models import SafetySettings, SiteSettings

pytestmark = pytest.mark.django_db


def text_of(html):
    parser = HTMLParser()
    parts = []
    parser.handle_data = parts.append
    parser.feed(html)
    return " ".join(parts)


@pytest.fixture
def guidance(home):
    index = GuidanceIndexPageFactory(parent=home)
    page = GuidancePageFactory(parent=index, slug="coercive-control")
    page.save_revision().publish()
    HelplineFactory(name="Police emergency", number="999", is_emergency=True, description="Press 55.")
    HelplineFactory(name="National Stalking Helpline", number="0808 802 0300")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_helplines.set(Helpline.objects.all())
    return page


def test_a_guidance_page_gives_the_999_message_once(client, guidance):
    safety = SafetySettings.live_for_site(Site.objects.get(is_default_site=True))
    text = text_of(client.get(guidance.url).content.decode())
    assert text.count("999") == text_of(safety.emergency_message).count("999") > 0
    assert "Police emergency" not in text
    assert text.count("0808 802 0300") == 2  # beside the content and in the footer


def test_without_a_banner_the_helpline_lists_keep_the_emergency_line(client, guidance):
    publish_safety_settings(Site.objects.get(is_default_site=True), emergency_message="")
    text = text_of(client.get(guidance.url).content.decode())
    assert text.count("Police emergency") == 2
    assert "Press 55." in text
