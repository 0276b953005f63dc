"""The petition page: the ask, the live count, the signing form and its routes (count.json, confirm…)."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from website.blocks import content_blocks
from website.models import BasePage

DEFAULT_CHECK_EMAIL = (
    "<p>We have sent you an email. Open the link in it and press <b>Confirm</b> to add your name. "
    "If it has not arrived in a few minutes, look in your spam folder.</p>"
)
DEFAULT_CONFIRMED = (
    "<p>Thank you. Your signature has been added and will appear in the count within a minute.</p>"
)
DEFAULT_CLOSED = "<p>This petition is no longer collecting signatures. Thank you to everyone who signed.</p>"


class PetitionPage(RoutablePageMixin, BasePage):
    class State(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        STOPPED = "stopped", "Stopped by staff"

    ask = models.TextField(help_text="What the petition asks for, in a sentence or two.")
    background = StreamField(content_blocks(), blank=True)
    target = models.PositiveIntegerField(default=10_000, help_text="The number of signatures we aim for.")
    opens_at = models.DateTimeField(null=True, blank=True, help_text="Blank: open as soon as published.")
    closes_at = models.DateTimeField(null=True, blank=True, help_text="Blank: open until closed by staff.")
    state = models.CharField(
        max_length=8,
        choices=State.choices,
        default=State.OPEN,
        help_text="'Stopped' stops collecting at once (as does 'Stop collecting' in the page listing).",
    )
    state_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice linked from the form.",
    )
    share_text = models.CharField(
        max_length=200, blank=True, help_text="Suggested text for share links. Defaults to the ask."
    )
    check_email_text = RichTextField(features=["bold", "italic", "link"], default=DEFAULT_CHECK_EMAIL)
    confirmed_text = RichTextField(features=["bold", "italic", "link"], default=DEFAULT_CONFIRMED)
    closed_text = RichTextField(features=["bold", "italic", "link"], default=DEFAULT_CLOSED)

    content_panels = [
        *Page.content_panels,
        FieldPanel("ask"),
        FieldPanel("background"),
        MultiFieldPanel(
            [
                FieldPanel("state"),
                FieldPanel("target"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("privacy_page"),
            ],
            heading="Collecting",
        ),
        MultiFieldPanel(
            [
                FieldPanel("check_email_text"),
                FieldPanel("confirmed_text"),
                FieldPanel("closed_text"),
                FieldPanel("share_text"),
            ],
            heading="Messages",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("ask"), index.SearchField("background")]

    parent_page_types = ["website.HomePage", "campaign.CampaignPage"]
    subpage_types = []
    template = "pages/petition_page.html"

    def save(self, *args, **kwargs):
        # Anonymisation counts its months from the moment collecting stopped.
        if self.state == self.State.OPEN:
            self.state_changed_at = None
        elif self.state_changed_at is None:
            self.state_changed_at = timezone.now()
        super().save(*args, **kwargs)

    def is_collecting(self, now=None):
        now = now or timezone.now()
        if self.state != self.State.OPEN:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)

    @property
    def not_yet_open(self):
        return self.state == self.State.OPEN and self.opens_at and timezone.now() < self.opens_at

    def closed_since(self):
        """When collecting ended, or None while it has not."""
        if self.state != self.State.OPEN:
            return self.state_changed_at
        if self.closes_at and timezone.now() >= self.closes_at:
            return self.closes_at
        return None

    # Routes. Each is a thin wrapper; the work is in petition.views.

    @path("")
    def sign(self, request):
        from petition import views

        return views.sign(request, self)

    # Wagtail routes every path with a trailing slash; petition/urls.py sends `<page URL>count.json`
    # (no slash, the public address) through this same route.
    @path("count.json/", name="count_json")
    def count_json(self, request):
        from petition import views

        return views.count_json(request, self)

    @path("check-your-email/", name="check_email")
    def check_email(self, request):
        from petition import views

        return views.check_email(request, self)

    @path("confirm/<str:token>/", name="confirm")
    def confirm(self, request, token):
        from petition import views

        return views.confirm(request, self, token)

    @path("thank-you/", name="thank_you")
    def thank_you(self, request):
        from petition import views

        return views.thank_you(request, self)

    @path("withdraw/<str:token>/", name="withdraw")
    def withdraw(self, request, token):
        from petition import views

        return views.withdraw(request, self, token)

    @path("unsubscribe/<str:token>/", name="unsubscribe")
    def unsubscribe(self, request, token):
        from petition import views

        return views.unsubscribe(request, self, token)
