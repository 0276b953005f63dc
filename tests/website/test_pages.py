"""HomePage and StandardPage: where they can be created, and that they route, render and preview."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from tests.page_types import (
    assert_preview_shows,
    check_created_only_under_allowed_parents,
    paragraph_form_value,
    preview_data,
)
from tests.website.factories import StandardPageFactory, make_site
from website.models import HomePage, StandardPage


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()

    def test_is_created_only_at_the_root_of_the_tree(self):
        check_created_only_under_allowed_parents(self, HomePage)

    def test_there_is_only_ever_one_home_page(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_routes_renders_and_previews(self):
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRenderable(self.home)
        data = preview_data(self, self.home, body=[paragraph_form_value()])
        self.assertPageIsPreviewable(self.home, post_data=data)
        assert_preview_shows(self, self.home, data, "A paragraph for the preview.")

    def test_shows_its_intro_and_body(self):
        response = self.client.get("/")
        self.assertContains(response, "<h1>Waymark</h1>", html=True)
        self.assertContains(response, "We campaign and we support survivors.")


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.page = StandardPageFactory(parent=cls.home, title="About us", slug="about")
        cls.child = StandardPageFactory(parent=cls.page, title="Our trustees", slug="trustees")

    def test_is_created_only_under_the_home_page_or_another_standard_page(self):
        check_created_only_under_allowed_parents(self, StandardPage)

    def test_routes_renders_and_previews(self):
        for page in (self.page, self.child):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
            data = preview_data(self, page, body=[paragraph_form_value()])
            self.assertPageIsPreviewable(page, post_data=data)
            assert_preview_shows(self, page, data, "A paragraph for the preview.")

    def test_shows_its_title_and_body(self):
        response = self.client.get("/about/trustees/")
        self.assertContains(response, "<h1>Our trustees</h1>", html=True)
        self.assertContains(response, "Plain words on a plain page.")
