"""Write to your MP: the letter page (postcode → MP → a personalised letter) and anonymous counts."""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.http import HttpResponseNotAllowed
from django.utils.decorators import method_decorator
from django.utils.html import strip_tags
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from website.models import BasePage

PLACEHOLDERS = ("mp_name", "constituency", "sender_name", "sender_address", "personal_paragraph")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

DEFAULT_SUBJECT = "Please back a register of serial domestic abuse and stalking perpetrators"
DEFAULT_TEMPLATE = """Dear {mp_name},

I am writing to you as a constituent in {constituency} to ask you to support a register of serial domestic \
abuse and stalking perpetrators.

{personal_paragraph}

Serial perpetrators move from one partner to the next, and too often nobody joins the dots until someone \
is badly hurt or killed. A register, managed through MAPPA by the police, probation and prisons, would mean \
they are identified early and actively managed.

Will you support the call for a register, and raise it with the Home Secretary?

Yours sincerely,

{sender_name}
{sender_address}"""
DEFAULT_PROMPTS = """Why does this matter to you?
Has domestic abuse or stalking touched you, your family, your friends or your community?
What would you like your MP to do?"""


@method_decorator(never_cache, name="serve")
class LetterPage(RoutablePageMixin, BasePage):
    intro = models.TextField(blank=True, help_text="Shown above the postcode box.")
    subject = models.CharField(
        max_length=200,
        default=DEFAULT_SUBJECT,
        help_text="The email subject and PDF heading. May use {constituency}.",
    )
    letter_template = models.TextField(
        default=DEFAULT_TEMPLATE,
        help_text="Use {mp_name}, {constituency}, {sender_name}, {sender_address} and "
        "{personal_paragraph}; each is replaced with the writer's details. {personal_paragraph} is required.",
    )
    guidance = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        default="<p>MPs' offices treat identical letters as campaign mail. A few sentences in your own "
        "words, about why this matters to you, make your letter count.</p>",
        help_text="Advice on personalising, shown beside the letter form.",
    )
    paragraph_prompts = models.TextField(
        blank=True,
        default=DEFAULT_PROMPTS,
        help_text="Questions to help people write their own paragraph, one per line.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldPanel("letter_template"),
                FieldPanel("paragraph_prompts"),
                FieldPanel("guidance"),
            ],
            heading="The letter",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["website.HomePage", "campaign.CampaignPage"]
    subpage_types = []
    template = "pages/letter_page.html"

    class Meta:
        verbose_name = "write to your MP page"

    def clean(self):
        super().clean()
        used = set(_PLACEHOLDER.findall(self.letter_template or ""))
        unknown = sorted(used - set(PLACEHOLDERS))
        errors = {}
        if unknown:
            errors["letter_template"] = "Unknown placeholder(s): " + ", ".join(f"{{{u}}}" for u in unknown)
        elif "personal_paragraph" not in used:
            errors["letter_template"] = "The letter must include {personal_paragraph}."
        if set(_PLACEHOLDER.findall(self.subject or "")) - {"constituency", "mp_name"}:
            errors["subject"] = "The subject may only use {constituency} and {mp_name}."
        if errors:
            raise ValidationError(errors)

    @property
    def prompts(self):
        return [line.strip() for line in self.paragraph_prompts.splitlines() if line.strip()]

    def own_words(self):
        """The page's own text: a personal paragraph made mostly of it is not personal."""
        return " ".join([self.letter_template, self.paragraph_prompts, strip_tags(self.guidance)])

    def render_letter(self, values):
        """(subject, body) with each placeholder replaced; unknown braces are left as typed."""

        def fill(text):
            return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)

        return fill(self.subject), fill(self.letter_template)

    # The journey: every step is a POST to this page, so nothing personal ever appears in a URL.
    @path("")
    def journey(self, request):
        from campaign import views

        return views.journey(self, request)

    @path("pdf/")
    def pdf(self, request):
        from campaign import views

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return views.letter_pdf(self, request)


class LetterCount(models.Model):
    """How many letters were written in a constituency. Nothing else about a letter is kept."""

    constituency = models.OneToOneField(
        "campaign.Constituency", primary_key=True, on_delete=models.CASCADE, related_name="letter_count"
    )
    letters = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-letters"]
        verbose_name = "letter count"

    def __str__(self):
        return f"{self.constituency}: {self.letters}"

    @classmethod
    def record(cls, constituency_code):
        """Add one letter, race-free: an F() increment, creating the row the first time."""
        if cls.objects.filter(pk=constituency_code).update(letters=F("letters") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(constituency_id=constituency_code, letters=1)
        except IntegrityError:
            cls.objects.filter(pk=constituency_code).update(letters=F("letters") + 1)

    @classmethod
    def by_constituency(cls):
        """{constituency code: letters} for every constituency with a letter (at most 650 rows)."""
        return dict(cls.objects.filter(letters__gt=0).values_list("constituency_id", "letters"))

    @classmethod
    def top(cls, limit=5):
        return cls.objects.filter(letters__gt=0).select_related("constituency").order_by("-letters")[:limit]
