"""Guidance pages: where they can be created, the helplines on every one, helpline callouts,
questions and answers, and the quick-exit note on support pages."""

import pytest
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from support.models import GuidanceIndexPage, GuidancePage
from support.models.guidance import SupportPageMixin
from tests.page_types import (
    assert_preview_shows,
    check_created_only_under_allowed_parents,
    paragraph_form_value,
    preview_data,
)
from tests.support.factories import GuidanceIndexPageFactory, GuidancePageFactory, HelplineFactory
from tests.website.factories import StandardPageFactory, make_site
from website.models import SiteSettings


class GuidancePageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.index = GuidanceIndexPageFactory(parent=cls.home)
        cls.guide = GuidancePageFactory(parent=cls.index, title="What stalking is", slug="stalking")

    def test_guidance_index_is_created_only_under_the_home_page(self):
        check_created_only_under_allowed_parents(self, GuidanceIndexPage)

    def test_guidance_page_is_created_only_under_the_guidance_index(self):
        check_created_only_under_allowed_parents(self, GuidancePage)

    def test_guidance_index_routes_renders_and_previews(self):
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRenderable(self.index)
        data = preview_data(self, self.index)
        self.assertPageIsPreviewable(self.index, post_data=data)
        assert_preview_shows(self, self.index, data, "Leaving this site quickly")

    def test_guidance_page_routes_renders_and_previews(self):
        self.assertPageIsRoutable(self.guide)
        self.assertPageIsRenderable(self.guide)
        data = preview_data(self, self.guide, body=[paragraph_form_value()])
        self.assertPageIsPreviewable(self.guide, post_data=data)
        assert_preview_shows(self, self.guide, data, "A paragraph for the preview.")

    def test_the_index_lists_its_guides(self):
        self.assertContains(self.client.get("/support/"), '<a href="/support/stalking/">What stalking is</a>')


class ReadingGuidanceTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.index = GuidanceIndexPageFactory(parent=cls.home)
        cls.domestic_abuse = HelplineFactory(
            name="National Domestic Abuse Helpline", number="0808 2000 247", hours="24 hours"
        )
        cls.stalking = HelplineFactory(name="National Stalking Helpline", number="0808 802 0300")
        cls.guide = GuidancePageFactory(
            parent=cls.index,
            slug="getting-help",
            title="Getting help",
            body=[
                (
                    "section",
                    {
                        "title": "Talking to someone",
                        "content": [
                            ("paragraph", "<p>You do not have to give your name.</p>"),
                            ("helpline", {"helpline": cls.stalking, "note": "Ask about evidence."}),
                        ],
                    },
                ),
                ("question_answer", {"question": "Will they know I asked?", "answer": "<p>No.</p>"}),
            ],
        )
        cls.tracks = GuidancePageFactory(
            parent=cls.index, slug="cover-your-tracks", title="Cover your tracks"
        )
        settings = SiteSettings.for_site(Site.objects.get())
        settings.cover_your_tracks_page = cls.tracks
        settings.save()

    def test_every_guidance_page_lists_every_helpline(self):
        for url in ("/support/", "/support/getting-help/", "/support/cover-your-tracks/"):
            response = self.client.get(url)
            self.assertContains(response, '<h2 id="helplines-title">Talk to someone</h2>', html=True)
            self.assertContains(response, '<a href="tel:08082000247">0808 2000 247</a>', html=True)
            self.assertContains(response, '<a href="tel:08088020300">0808 802 0300</a>', html=True)

    def test_a_helpline_callout_shows_the_number_and_the_note(self):
        response = self.client.get("/support/getting-help/")
        self.assertContains(response, "Ask about evidence.")
        self.assertContains(response, "<h2>Talking to someone</h2>", html=True)

    def test_questions_and_answers_are_native_disclosures(self):
        response = self.client.get("/support/getting-help/")
        summary = '<summary class="qa__question">Will they know I asked?</summary>'
        self.assertContains(response, summary, html=True)

    def test_support_pages_explain_the_quick_exit_and_link_to_cover_your_tracks(self):
        for url in ("/support/", "/support/getting-help/"):
            response = self.client.get(url)
            self.assertContains(response, "Leaving this site quickly")
            self.assertContains(response, "It does not delete your browser history.")
            link = '<a href="/support/cover-your-tracks/">Find out how to cover your tracks</a>'
            self.assertContains(response, link, html=True)

    def test_other_pages_do_not_show_the_note(self):
        StandardPageFactory(parent=self.home, slug="about", title="About")
        for url in ("/", "/about/"):
            self.assertNotContains(self.client.get(url), "Leaving this site quickly")


def test_every_support_page_type_is_marked_as_a_support_page():
    # Other support pages (the disclosure request page) are marked the same way, by SupportPageMixin.
    for page_type in (GuidanceIndexPage, GuidancePage):
        assert issubclass(page_type, SupportPageMixin)
        assert page_type.is_support_page


@pytest.mark.django_db
def test_the_demo_guidance_covers_what_survivors_ask_about(client, seeded):
    index = client.get("/support/").content.decode()
    for title in (
        "What coercive control is",
        "What stalking is",
        "Clare&#x27;s Law",
        "Cover your tracks",
        "Getting help",
    ):
        assert title in index, title
    tracks = client.get("/support/cover-your-tracks/").content.decode()
    for topic in ("Private browsing", "Deleting history", "cannot delete your browser history"):
        assert topic in tracks, topic
    help_page = client.get("/support/getting-help/").content.decode()
    for number in ("0808 2000 247", "0808 802 0300", "999", "55"):
        assert number in help_page, number


@pytest.mark.django_db
def test_a_plain_view_can_ask_for_the_quick_exit_note(rf, home):
    from django.template.loader import render_to_string

    html = render_to_string("base.html", {"is_support_page": True}, request=rf.get("/"))
    assert "Leaving this site quickly" in html
    assert "Leaving this site quickly" not in render_to_string("base.html", {}, request=rf.get("/"))
