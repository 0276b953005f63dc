"""The helplines page (/helplines/): every helpline, in full, in one place."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from support.models.guidance import SupportPageMixin
from website.models import BasePage


class HelplinesPage(SupportPageMixin, BasePage):
    """Lists every Helpline snippet (SupportPageMixin puts them in the context), emergency numbers first."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/helplines_page.html"

    class Meta:
        verbose_name = "helplines page"
