"""Helplines: a snippet edited once and shown on every guidance page and in the footer.

A helpline's number and links are the same in every language; its name, hours and description have a Welsh
field each, shown on Welsh pages when filled in (`shown_*`), else the English.

A number a survivor dials is a safety fact: a changed one goes through the "Moderators approval" workflow
before anyone sees it (docs/security.md, "Survivor-facing facts are moderated"). Staff edits are revisions;
the row holds the published version, and public pages list only live rows (`Helpline.objects.live()`).
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from website.i18n.languages import written_for_reader


class HelplineQuerySet(models.QuerySet):
    def live(self):
        """The published helplines: a draft of a live one shows its published version (the row), and one
        never published shows nowhere."""
        return self.filter(live=True)


class Helpline(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    name = models.CharField(max_length=120)
    number = models.CharField(
        max_length=40, blank=True, help_text="As it should be dialled, e.g. 0808 2000 247."
    )
    hours = models.CharField(max_length=120, blank=True, help_text="e.g. 24 hours, every day.")
    description = models.TextField(blank=True)
    text_number = models.CharField(max_length=40, blank=True, help_text="A number to text, if any.")
    email = models.EmailField(blank=True)
    webchat_url = models.URLField(blank=True)
    website_url = models.URLField(blank=True)
    is_free = models.BooleanField(default=True, help_text="Free to call from landlines and mobiles.")
    is_silent_option = models.BooleanField(
        default=False, help_text="Can be used without speaking (e.g. the Silent Solution)."
    )
    is_emergency = models.BooleanField(default=False, help_text="Shown first, as an emergency number.")
    sort_order = models.PositiveSmallIntegerField(default=100)
    name_cy = models.CharField("name in Welsh", max_length=120, blank=True)
    hours_cy = models.CharField(
        "hours in Welsh", max_length=120, blank=True, help_text="e.g. 24 awr, bob dydd."
    )
    description_cy = models.TextField("description in Welsh", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("hours"),
                FieldPanel("text_number"),
                FieldPanel("email"),
                FieldPanel("webchat_url"),
                FieldPanel("website_url"),
            ],
            heading="How to reach it",
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldPanel("is_silent_option"),
                FieldPanel("is_emergency"),
                FieldPanel("sort_order"),
            ],
            heading="Labels and order",
        ),
        MultiFieldPanel(
            [FieldPanel("name_cy"), FieldPanel("hours_cy"), FieldPanel("description_cy")],
            heading="In Welsh",
            help_text="Shown on Welsh pages. Left empty, Welsh pages show the English.",
            classname="collapsed",
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("name_cy"),
        index.SearchField("description_cy"),
    ]

    objects = HelplineQuerySet.as_manager()

    class Meta:
        ordering = ["-is_emergency", "sort_order", "name"]

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "support/admin/helpline_preview.html"

    @property
    def shown_name(self):
        return written_for_reader(self.name, cy=self.name_cy)

    @property
    def shown_hours(self):
        return written_for_reader(self.hours, cy=self.hours_cy)

    @property
    def shown_description(self):
        return written_for_reader(self.description, cy=self.description_cy)

    @property
    def tel_href(self):
        digits = "".join(ch for ch in self.number if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""
