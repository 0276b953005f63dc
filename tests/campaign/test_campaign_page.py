"""The campaign page: where it can be created, that it renders, and the proposal the demo gives it."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from campaign.models import CampaignPage
from tests.campaign.factories import CampaignPageFactory
from tests.page_types import (
    assert_preview_shows,
    check_created_only_under_allowed_parents,
    paragraph_form_value,
    preview_data,
)
from tests.website.factories import StandardPageFactory, make_site


class CampaignPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.petition = StandardPageFactory(parent=cls.home, title="Sign the petition", slug="petition")
        cls.letter = StandardPageFactory(parent=cls.home, title="Write to your MP", slug="write")
        cls.page = CampaignPageFactory(parent=cls.home, petition_page=cls.petition, letter_page=cls.letter)

    def test_is_created_only_under_the_home_page(self):
        check_created_only_under_allowed_parents(self, CampaignPage)

    def test_routes_renders_and_previews(self):
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRenderable(self.page)
        data = preview_data(self, self.page, body=[paragraph_form_value()])
        self.assertPageIsPreviewable(self.page, post_data=data)
        assert_preview_shows(self, self.page, data, "A paragraph for the preview.")

    def test_calls_readers_to_sign_the_petition_and_write_to_their_mp(self):
        response = self.client.get("/campaign/")
        self.assertContains(response, '<a class="button" href="/petition/">Sign the petition</a>', html=True)
        self.assertContains(
            response, '<a class="button button--secondary" href="/write/">Write to your MP</a>', html=True
        )

    def test_without_a_petition_there_is_no_dead_button(self):
        CampaignPage.objects.filter(pk=self.page.pk).update(petition_page=None, letter_page=None)
        response = self.client.get("/campaign/")
        self.assertNotContains(response, "Sign the petition")


@pytest.mark.django_db
def test_the_demo_campaign_page_sets_out_the_proposal(client, seeded):
    html = client.get("/campaign/").content.decode()
    for fact in (
        "two or more victims",
        "conviction",
        "caution",
        "acquittal",
        "Domestic Violence Protection Order",
        "Stalking Protection Order",
        "Restraining Order",
        "Non-Molestation Order",
        "Category 4",
        "treatment programme",
        "change of name",
        "move home",
        "travel abroad",
        "new relationship",
        "MAPPA+",
        "domestic abuse advocates",
        "stalking advocates",
    ):
        assert fact in html, fact
