"""The campaign page: the register proposal, its calls to action, and where people are writing to their MP."""

from django.core.cache import cache
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from campaign.models.letter_counts import LetterCount
from geography import hexmap
from website.blocks import content_blocks
from website.i18n.fallbacks import in_reader_language
from website.models import BasePage, page_link
from website.rendering import render_page

LETTERS_MAP_CACHE_KEY = "campaign:letters-map"


def letters_map():
    """Letters per constituency on the hexmap, rebuilt at most once a minute from the counters."""
    return cache.get_or_set(
        LETTERS_MAP_CACHE_KEY,
        lambda: hexmap.build(LetterCount.by_constituency(), noun=("letter", "letters")),
        60,
    )


class CampaignPage(RoutablePageMixin, BasePage):
    intro = models.TextField(help_text="The ask, in a sentence or two.")
    body = StreamField(content_blocks(), blank=True)
    petition_page = page_link("The petition this campaign asks people to sign.")
    letter_page = page_link("The 'write to your MP' page.")

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
        context["petition"] = in_reader_language(self.petition_page) if self.petition_page_id else None
        context["letter"] = in_reader_language(self.letter_page) if self.letter_page_id else None
        if self.letter_page_id:
            context["top_letter_constituencies"] = LetterCount.top(5)
            context["letters_map"] = letters_map()
        return context

    @path("letters/", name="letters")
    def letters_table(self, request):
        """The letters map as a table: every constituency with a letter, most first."""
        rows = (
            LetterCount.objects.filter(letters__gt=0)
            .select_related("constituency")
            .order_by("-letters", "constituency__name")
        )
        return render_page(
            request, self, "campaign/letters_table.html", rows=rows, total=sum(row.letters for row in rows)
        )
