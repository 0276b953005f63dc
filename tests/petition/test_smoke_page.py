"""The petition page type: where it can live, that it renders and routes."""

from wagtail.test.utils import WagtailPageTestCase

from campaign.models import CampaignPage
from petition.models import PetitionPage
from tests.petition.factories import PetitionPageFactory
from tests.website.factories import make_site
from website.models import HomePage, StandardPage


class PetitionPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.page = PetitionPageFactory(parent=cls.home, slug="petition")

    def test_can_be_created_under_the_home_page_and_a_campaign_page(self):
        self.assertCanCreateAt(HomePage, PetitionPage)
        self.assertCanCreateAt(CampaignPage, PetitionPage)
        self.assertCanNotCreateAt(StandardPage, PetitionPage)

    def test_is_renderable_and_routable(self):
        self.assertPageIsRenderable(self.page)
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRoutable(self.page, "count.json/")
        self.assertPageIsRoutable(self.page, "check-your-email/")
        self.assertPageIsRoutable(self.page, "confirm/abc/")
