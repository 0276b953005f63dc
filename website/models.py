"""Site-wide pages (home, standard pages), site settings (the footer) and each site's moderated safety
settings (quick exit, emergency message)."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext_noop
from django.views.decorators.vary import vary_on_headers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from website.blocks import content_blocks
from website.i18n.fallbacks import in_reader_language
from website.i18n.languages import written_for_reader


def page_link(help_text):
    """An optional link to another page (a page of any app, by name), kept when that page is deleted."""
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@method_decorator(vary_on_headers("Cookie"), name="serve")
class BasePage(Page):
    """What every public page has: a summary for listings and search, and body content."""

    # Anonymous visitors get this page from the page cache (website/page_cache.py). A page whose template
    # renders a form with per-visitor state sets this to False; a CSRF token or a cookie also stops caching.
    cache_anonymous = True
    # From the first page with this set, history.js keeps the rest of the tab's visit in one history entry,
    # so Back after the quick exit shows none of it (docs/security.md, "Back after the quick exit"). Support
    # pages and pages with a form set it; a campaign reader's Back works as on any other site until then.
    one_entry_history = False

    summary = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences for listings and search results."
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("summary")]

    class Meta:
        abstract = True

    def make_preview_request(self, original_request=None, preview_mode=None, extra_request_attrs=None):
        # The admin runs in the editor's language; a preview shows the page as its readers get it, in its
        # locale's language (its words, and dir="rtl" for Urdu). Here, not in serve_preview: routable pages
        # override that, and the preview is rendered before this returns.
        if not self.locale_id:
            return super().make_preview_request(original_request, preview_mode, extra_request_attrs)
        with translation.override(self.locale.language_code):
            return super().make_preview_request(original_request, preview_mode, extra_request_attrs)


class HomePage(BasePage):
    intro = models.TextField(blank=True)
    body = StreamField(content_blocks(), blank=True)
    # Pages of other apps, by name: the site's own app imports none of them.
    petition_page = page_link("The petition the home page leads to, with its count of signatures.")
    letter_page = page_link("The 'write to your MP' page the home page leads to.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                PageChooserPanel("petition_page", page_type="petition.PetitionPage"),
                PageChooserPanel("letter_page", page_type="campaign.LetterPage"),
            ],
            heading="Calls to action",
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "pages/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Chosen on the English page; a translation shows the page in its own language when there is one.
        petition = in_reader_language(self.petition_page) if self.petition_page_id else None
        letter = in_reader_language(self.letter_page) if self.letter_page_id else None
        context["petition"] = petition if petition and petition.live else None
        context["letter"] = letter if letter and letter.live else None
        return context


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
    """The site's furniture: the footer and the cover-your-tracks page. Administrators edit it, live at once;
    nothing here is a fact a survivor acts on in danger (those are `SafetySettings` and helplines)."""

    cover_your_tracks_page = page_link("Guidance on covering your tracks, linked from the quick-exit note.")
    footer_helplines = models.ManyToManyField(
        "support.Helpline", blank=True, help_text="Helplines listed in the footer of every page."
    )
    contact_page = page_link("How to contact us.")
    privacy_page = page_link("The privacy notice: what we keep, why, and people's rights.")
    accessibility_page = page_link("The accessibility statement, saying how to report a problem.")
    charity_number = models.CharField(
        max_length=40, blank=True, help_text="The number the Charity Commission registered, e.g. 1234567."
    )
    data_controller = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who is the data controller under UK GDPR: the charity's name, address and ICO number.",
    )

    panels = [
        FieldPanel("cover_your_tracks_page"),
        MultiFieldPanel(
            [
                FieldPanel("footer_helplines", widget=forms.CheckboxSelectMultiple),
                FieldPanel("contact_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("charity_number"),
                FieldPanel("data_controller"),
            ],
            heading="Footer",
        ),
    ]

    @cached_property
    def safety(self):
        """This site's quick-exit destination and emergency message, as published: they are moderated, so
        they live in `SafetySettings`, not here. Read once a request (Wagtail keeps this row per request)."""
        return SafetySettings.live_for_site(self.site_id)

    def footer_pages(self):
        """The contact page, privacy notice and accessibility statement that are set and live, in that
        order, each in the language of the request when it is translated: one query."""
        ids = [pk for pk in (self.contact_page_id, self.privacy_page_id, self.accessibility_page_id) if pk]
        chosen = Page.objects.filter(pk__in=ids).values("translation_key")
        found = (
            Page.objects.live()
            .filter(
                Q(pk__in=ids)
                | Q(translation_key__in=chosen, locale__language_code=translation.get_language())
            )
            .only("title", "url_path", "translation_key", "locale_id")
        )
        by_id, translated = {}, {}
        for page in found:
            if page.pk in ids:
                by_id[page.pk] = page
            else:
                translated[page.translation_key] = page
        return [translated.get(by_id[pk].translation_key, by_id[pk]) for pk in ids if pk in by_id]

    class Meta:
        verbose_name = "Site settings"


class SafetySettings(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model
):
    """What a survivor acts on in danger, one per site: where the quick exit sends them and the emergency
    message (with its Welsh). Not a `BaseSiteSetting`: those are live the moment they are saved, so anyone
    who could edit them could send every visitor's exit, or the 999 advice, somewhere an abuser chose. Here
    every change is a revision that the "Moderators approval" workflow publishes (Editors draft and submit,
    Moderators approve), and readers get the published row (`live_for_site`) or, for a site with none
    published yet, the defaults below. docs/security.md, "Survivor-facing facts are moderated"."""

    DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"

    site = models.OneToOneField(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="safety_settings", unique=True
    )
    quick_exit_url = models.URLField(
        "quick-exit destination",
        default=DEFAULT_QUICK_EXIT_URL,
        help_text="Where the quick exit button sends people. Choose a neutral, everyday page.",
    )
    emergency_message = RichTextField(
        features=["bold", "link"],
        blank=True,
        # A msgid too: while editors keep the default, a Welsh page shows its Welsh (base.html,
        # `in_reader_language`); a message an editor wrote shows as written in every language.
        default=gettext_noop(
            "<p>In an emergency call <b>999</b>. If you cannot speak, call 999 and press "
            "<b>55</b> when prompted (the Silent Solution).</p>"
        ),
    )
    emergency_message_cy = RichTextField(
        "emergency message in Welsh",
        features=["bold", "link"],
        blank=True,
        help_text="Shown on Welsh pages when filled in. Left empty, Welsh pages show the Welsh of the "
        "default message while the message above is the default, else the message above.",
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("quick_exit_url"),
        FieldPanel("emergency_message"),
        FieldPanel("emergency_message_cy"),
    ]

    class Meta:
        verbose_name = "safety settings"
        verbose_name_plural = "safety settings"

    def __str__(self):
        return f"Safety settings: {self.site}" if self.site_id else "Safety settings"

    @classmethod
    def live_for_site(cls, site):
        """The published settings of `site` (a Site or its id): a draft waiting for moderation is not
        shown, and a site with nothing published gets the defaults (an unsaved row)."""
        site_id = getattr(site, "pk", site)
        found = cls.objects.filter(site_id=site_id, live=True).first() if site_id else None
        return found or cls(site_id=site_id)

    def emergency_message_shown(self):
        """The emergency message for the active language: the Welsh one staff wrote, on Welsh pages, else
        the message (whose default base.html shows in the reader's language)."""
        return written_for_reader(self.emergency_message, cy=self.emergency_message_cy)

    def get_preview_template(self, request, mode_name):
        return "website/admin/safety_settings_preview.html"


class EnrolmentClock(models.Model):
    """When a member of staff's days to set up two-factor sign-in began, when that was not the day their
    account was opened: an administrator switched the account back on, or reset its authenticator.
    (website/staff/enrolment.py)"""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="enrolment_clock"
    )
    started_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Two-factor enrolment clock of user {self.user_id} from {self.started_at:%Y-%m-%d}"
