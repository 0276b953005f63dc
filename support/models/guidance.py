"""Guidance pages for survivors, with every helpline shown alongside."""

from django.apps import apps
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from support.blocks import guidance_blocks
from website.models import BasePage


class SupportPageMixin(models.Model):
    """Pages a survivor reads: they show the quick-exit note, the helplines and the call-back request."""

    is_support_page = True
    one_entry_history = True

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from support.models.helplines import Helpline

        context = super().get_context(request, *args, **kwargs)
        context["helplines"] = Helpline.objects.live()
        # The two ways to ask us for help, linked from every support page and each other's confirmation.
        # (By name: those page modules build on this one.)
        for key, model_name in [
            ("callback_page", "CallbackRequestPage"),
            ("disclosure_page", "DisclosureRequestPage"),
        ]:
            context[key] = apps.get_model("support", model_name).objects.live().public().first()
        return context


class GuidanceIndexPage(SupportPageMixin, BasePage):
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["support.GuidancePage"]
    template = "pages/guidance_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidancePage.objects.child_of(self).live().public()
        return context


class GuidancePage(SupportPageMixin, BasePage):
    body = StreamField(guidance_blocks())

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["support.GuidanceIndexPage"]
    subpage_types = []
    template = "pages/guidance_page.html"
