"""The campaign page: the register proposal and its calls to action."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.blocks import content_blocks
from website.models import BasePage


class CampaignPage(BasePage):
    intro = models.TextField(help_text="The ask, in a sentence or two.")
    body = StreamField(content_blocks(), blank=True)
    petition_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The petition this campaign asks people to sign.",
    )
    letter_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The 'write to your MP' page.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("petition_page"), FieldPanel("letter_page")], heading="Calls to action"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["website.HomePage"]
    template = "pages/campaign_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["petition"] = self.petition_page.specific if self.petition_page_id else None
        context["letter"] = self.letter_page if self.letter_page_id else None
        if self.letter_page_id:
            from campaign.models.letters import LetterCount

            context["top_letter_constituencies"] = LetterCount.top(5)
        return context
