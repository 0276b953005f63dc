"""Site-wide pages (home, standard pages) and site settings (quick exit, emergency message, helplines)."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.vary import vary_on_headers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from website.blocks import content_blocks


@method_decorator(vary_on_headers("Cookie"), name="serve")
class BasePage(Page):
    """What every public page has: a summary for listings and search, and body content."""

    # Anonymous visitors get this page from the page cache (website/page_cache.py). A page whose template
    # renders a form with per-visitor state sets this to False; a CSRF token or a cookie also stops caching.
    cache_anonymous = True

    summary = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences for listings and search results."
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("summary")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    intro = models.TextField(blank=True)
    body = StreamField(content_blocks(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "pages/home_page.html"


class StandardPage(BasePage):
    """About, privacy notice, accessibility statement and other plain pages."""

    body = StreamField(content_blocks(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["website.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]
    template = "pages/standard_page.html"


@register_setting(icon="warning")
class SiteSettings(BaseSiteSetting):
    quick_exit_url = models.URLField(
        default="https://www.bbc.co.uk/weather",
        help_text="Where the quick exit button sends people. Choose a neutral, everyday page.",
    )
    emergency_message = RichTextField(
        features=["bold", "link"],
        blank=True,
        default="<p>In an emergency call <b>999</b>. If you cannot speak, call 999 and press "
        "<b>55</b> when prompted (the Silent Solution).</p>",
    )
    cover_your_tracks_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Guidance on covering your tracks, linked from the quick-exit note.",
    )
    footer_helplines = models.ManyToManyField(
        "support.Helpline", blank=True, help_text="Helplines listed in the footer of every page."
    )

    panels = [
        FieldPanel("quick_exit_url"),
        FieldPanel("emergency_message"),
        FieldPanel("cover_your_tracks_page"),
        MultiFieldPanel(
            [FieldPanel("footer_helplines", widget=forms.CheckboxSelectMultiple)], heading="Footer"
        ),
    ]

    class Meta:
        verbose_name = "Site settings"


class EnrolmentClock(models.Model):
    """When a member of staff's days to set up two-factor sign-in began, when that was not the day their
    account was opened: an administrator switched the account back on, or reset its authenticator.
    (website/enrolment.py)"""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="enrolment_clock"
    )
    started_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Two-factor enrolment clock of user {self.user_id} from {self.started_at:%Y-%m-%d}"
