"""The petition page: the ask, the live count, the signing form, and its routes (count.json, confirm…)."""

from functools import wraps

from django.conf import settings
from django.db import connection, models
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache, patch_cache_control
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PageManager, PageViewRestriction
from wagtail.search import index

from campaign.models.pages import CampaignPage
from petition import privacy, signing, stats, tokens, trend
from petition.forms import SignatureForm
from petition.models.signatures import Signature
from website.blocks import content_blocks
from website.models import BasePage, page_link
from website.rendering import render_page

DEFAULT_CHECK_EMAIL = (
    "<p>We have sent you an email. Open the link in it and press <b>Confirm</b> to add your name. "
    "If it has not arrived in a few minutes, look in your spam folder.</p>"
)
DEFAULT_CONFIRMED = (
    "<p>Thank you. Your signature has been added and will appear in the count within a minute.</p>"
)
TRY_AGAIN = _(
    "A lot of people are signing from the same internet connection or email provider as you right now, so "
    "we could not take your signature this time and have sent nothing. Please try again in a few minutes: "
    "what you typed is still below."
)
TRY_AGAIN_SECONDS = 300
DEFAULT_CLOSED = "<p>This petition is no longer collecting signatures. Thank you to everyone who signed.</p>"


def never_cache_unless_get(route):
    """A GET of the route may be shared (the page cache decides); the answer to a POST is personal."""

    @wraps(route)
    def wrapped(page, request, *args, **kwargs):
        response = route(page, request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            add_never_cache_headers(response)
        return response

    return wrapped


class PetitionPageManager(PageManager):
    def for_letters(self, letter_page):
        """The petition to offer someone who has just written to their MP: the one the campaign page
        linking to this letter page asks people to sign, else the newest live public petition, or None."""
        linked = (
            CampaignPage.objects.live()
            .filter(letter_page=letter_page, petition_page__isnull=False)
            .values_list("petition_page", flat=True)
            .first()
        )
        petitions = self.live().public()
        return (linked and petitions.filter(pk=linked).first()) or petitions.order_by(
            "-first_published_at"
        ).first()

    def for_signing(self, pk):
        """The live petition with only what signing reads (routing and collecting fields), or None.

        One plain primary-key join: the ORM's compile of the same query cost more CPU than the rest of the
        lookup. The other fields are deferred; a form with errors reloads the whole page to render it.
        """
        return next(iter(self.raw(self._signing_sql, [pk])), None)

    @cached_property
    def _signing_sql(self):
        qn = connection.ops.quote_name
        page_table, restrictions = qn(Page._meta.db_table), qn(PageViewRestriction._meta.db_table)
        # `restricted`: does any view restriction sit on the page or an ancestor (or what an ancestor is an
        # alias of)? Almost never, so signing asks Wagtail for the details only then (petition.views.sign).
        on_ancestor = (
            f"EXISTS (SELECT 1 FROM {restrictions} r JOIN {page_table} a ON a.id = r.page_id "  # noqa: S608
            "WHERE p.path LIKE a.path || '%%')"
        )
        on_original = (
            f"EXISTS (SELECT 1 FROM {restrictions} r JOIN {page_table} a "  # noqa: S608
            "ON a.alias_of_id = r.page_id WHERE p.path LIKE a.path || '%%')"
        )
        return (
            # Table names come from our own models; the id is a parameter.
            "SELECT p.id, pp.page_ptr_id, p.path, p.depth, p.url_path, p.live, p.locale_id, "  # noqa: S608
            "p.translation_key, p.content_type_id, pp.state, pp.opens_at, pp.closes_at, "
            f"({on_ancestor} OR {on_original}) "
            "AS restricted, loc.language_code AS locale_language "
            f"FROM {qn(self.model._meta.db_table)} pp "
            f"JOIN {page_table} p ON p.id = pp.page_ptr_id "
            f"JOIN {qn(Locale._meta.db_table)} loc ON loc.id = p.locale_id "
            "WHERE pp.page_ptr_id = %s AND p.live"
        )


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
    privacy_page = page_link("The privacy notice linked from the form.")
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
    one_entry_history = True  # the signing form, and its confirm, withdraw and unsubscribe pages
    # How long the page cache and a CDN may keep the page: the counters lag up to ~20 s behind the
    # signatures, so the count a visitor sees is at most about a minute old.
    shared_cache_seconds = 40

    objects = PetitionPageManager()

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

    def closed_since(self, now=None):
        """When collecting ended, or None while it has not."""
        if self.state != self.State.OPEN:
            return self.state_changed_at
        if self.closes_at and (now or timezone.now()) >= self.closes_at:
            return self.closes_at
        return None

    # The page's HTTP glue, Wagtail's way: each route does the HTTP work and hands the rest to a domain
    # module (petition.signing, .privacy, .stats). The page itself, blank form included, is the same for
    # every visitor (no CSRF token: the form posts to petition.views.sign), so the page cache and a CDN
    # share it. Every other route that shows a form or concerns one signer is never cached, as is the page
    # answering a POST (it holds what one visitor typed); confirming, withdrawing and unsubscribing happen
    # only on POST, so mail scanners that follow links change nothing.

    @path("", name="form")
    @never_cache_unless_get
    def sign(self, request):
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        status = 200
        if request.method == "POST" and self.source_petition.is_collecting():
            form = self.get_form(request.POST)
            if form.is_valid():
                if self.process_signature(request, form) != signing.BUSY:
                    # The same neutral page whatever happened: it never says whether an address has signed.
                    return HttpResponseRedirect(self.url + self.reverse_subpage("check_email"), status=303)
                # Over a limit: nothing was stored or sent. Say so, and keep what they typed.
                form.add_error(None, TRY_AGAIN)
                status = 429
        else:
            form = self.get_form()
        page = self
        if self.get_deferred_fields():
            # PetitionPage.objects.for_signing loads only what signing needs; the form needs the rest.
            page = type(self).objects.get(pk=self.pk)
        response = render_page(request, page, status=status, **page.form_context(form))
        if status == 429:
            response["Retry-After"] = str(TRY_AGAIN_SECONDS)
        return response

    # Wagtail routes every path with a trailing slash; petition.views.count_json sends `<page URL>count.json`
    # (no slash, the public address) through this same route.
    @path("count.json/", name="count_json")
    def count_json(self, request):
        response = JsonResponse(stats.as_json(stats.petition_stats(self.source_petition)))
        if self.get_view_restrictions().exists():
            # Wagtail's serve (or petition.views.count_json) has let this visitor in: the counts are for
            # them only, never a shared cache or another website.
            patch_cache_control(response, private=True, no_store=True)
            return response
        patch_cache_control(response, public=True, max_age=60)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    @path("places/", name="places")
    def places(self, request):
        """Where people have signed, as tables: every country and every constituency, most first (the
        page shows the top ten countries and the constituencies on a map)."""
        petition_stats = stats.petition_stats(self.source_petition)
        count = petition_stats["signature_count"]
        return render_page(
            request,
            self,
            "petition/places.html",
            stats=petition_stats,
            country_rows=stats.with_shares(petition_stats["by_country"], count),
            constituency_rows=stats.with_shares(petition_stats["by_constituency"], count),
        )

    @path("check-your-email/", name="check_email")
    @method_decorator(never_cache)
    def check_email(self, request):
        return render_page(request, self, "petition/check_email.html")

    @path("confirm/<str:token>/", name="confirm")
    @method_decorator(never_cache)
    def confirm(self, request, token):
        if request.method != "POST":
            # GET shows a button and looks nothing up, so opening the link reveals and changes nothing.
            return render_page(request, self, "petition/confirm.html")
        if not self.source_petition.is_collecting():
            return render_page(request, self, "petition/closed.html")
        if signing.confirm(self, token):
            return HttpResponseRedirect(self.url + self.reverse_subpage("thank_you"), status=303)
        return render_page(request, self, "petition/link_invalid.html", status=400)

    @path("thank-you/", name="thank_you")
    @method_decorator(never_cache)
    def thank_you(self, request):
        return render_page(request, self, "petition/thank_you.html")

    @path("withdraw/<str:token>/", name="withdraw")
    @method_decorator(never_cache)
    def withdraw(self, request, token):
        return self.manage_signature(request, token, privacy.withdraw, "petition/withdraw.html")

    @path("unsubscribe/<str:token>/", name="unsubscribe")
    @method_decorator(never_cache)
    def unsubscribe(self, request, token):
        return self.manage_signature(request, token, privacy.unsubscribe, "petition/unsubscribe.html")

    # The steps the routes are made of, to read or override one at a time.

    def petition_signed(self, signature_id):
        """The page the signature was made on, when it is this one or one of its translations (the links in
        a signer's emails go to the petition in their language), else None."""
        if signature_id is None:
            return None
        signed = Signature.objects.filter(pk=signature_id).values_list("petition_id", flat=True).first()
        return signed if self.same_petition(signed) else None

    def same_petition(self, petition_id):
        """Is `petition_id` this page or one of its translations? Signatures stay on the page signed, and the
        links in their emails may go to the translation in the signer's language."""
        if petition_id is None:
            return False
        if petition_id == self.pk:
            return True
        return Page.objects.filter(pk=petition_id, translation_key=self.translation_key).exists()

    def get_form(self, data=None):
        return SignatureForm(data)

    @cached_property
    def source_petition(self):
        """The petition that this page, and every translation of it, stands for: the one in the site's default
        language when it is live, else this page. Signatures made on any translation are stored, limited,
        counted and exported there, and it decides whether signing is open, so a petition in two languages is
        one petition with one count and one target (docs/translation.md)."""
        language = getattr(self, "locale_language", None) or self.locale.language_code
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if language == default:
            return self
        source = (
            type(self)
            .objects.live()
            .filter(translation_key=self.translation_key, locale__language_code=default)
            .exclude(pk=self.pk)
            .first()
        )
        return source or self

    def form_context(self, form):
        source = self.source_petition
        petition_stats = stats.petition_stats(source)
        count = petition_stats["signature_count"]
        collecting = source.is_collecting()
        return {
            "form": form,
            "stats": petition_stats,
            "collecting": collecting,
            "progress_percent": min(100, round(100 * count / source.target)) if source.target else 0,
            "country_rows": stats.with_shares(petition_stats["by_country"], count, stats.TOP_PLACES),
            "top_constituency_rows": stats.with_shares(
                petition_stats["by_constituency"], count, stats.TOP_PLACES
            ),
            # Built only when the cached counts fragment of the page is rendered again (once per counter
            # update, or per hour for the trend's "last 24 hours").
            "constituency_map": SimpleLazyObject(lambda: stats.constituency_map(petition_stats)),
            "trend": SimpleLazyObject(
                lambda: trend.chart(petition_stats["by_hour"], until=timezone.now() if collecting else None)
            ),
            "this_hour": timezone.now().strftime("%Y%m%d%H"),
            "privacy_url": self.privacy_page.url if self.privacy_page_id else "/privacy/",
        }

    def process_signature(self, request, form):
        """signing.ACCEPTED, or signing.BUSY when a limit turned it away."""
        return signing.sign(request, self.source_petition, form.cleaned_data)

    def manage_signature(self, request, token, action, template):
        if request.method != "POST":
            return render_page(request, self, template, done=False)
        signature_id = tokens.read_manage_token(token)
        petition_id = self.petition_signed(signature_id)
        if petition_id is not None:
            action(signature_id, petition_id)
        # The same answer whether or not the link matched a signature.
        return render_page(request, self, template, done=True)
