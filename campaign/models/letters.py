"""Write to your MP: the letter page and its steps (postcode → MP → a personalised letter → PDF). Its
wording is in campaign/letter_texts.py, its rate limits in campaign/letter_limits.py, the counts it adds to
in campaign/models/letter_counts.py."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index

from campaign import finished_letters, letter_details, pdf
from campaign.forms import LETTER_LANGUAGES, LetterForm, PostcodeForm
from campaign.letter_limits import LETTER_GROUP, lookups_exceeded
from campaign.letter_texts import (
    DEFAULT_PROMPTS,
    DEFAULT_SUBJECT,
    DEFAULT_SUBJECT_CY,
    DEFAULT_TEMPLATE,
    DEFAULT_TEMPLATE_CY,
    PDF_FILENAMES,
    PLACEHOLDER_PATTERN,
    PLACEHOLDERS,
    recipient,
)
from campaign.mailto import mailto_link
from campaign.models.letter_counts import LetterCount
from geography import lookup
from geography.models.places import PostcodeImport
from website.i18n.fallbacks import untranslated_field
from website.models import BasePage
from website.rendering import render_page
from website.request_policy import ratelimits


# Personal details are on every step: no copy in any cache, browser or proxy; every route goes through serve.
@method_decorator(never_cache, name="serve")
class LetterPage(RoutablePageMixin, BasePage):
    one_entry_history = True  # its steps are forms
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
    # A letter can be written in Welsh on any page (the writer chooses): a Welsh translation of the page
    # gives the Welsh wording when there is one; these fields give it when there is not.
    subject_cy = models.CharField(
        "subject in Welsh",
        max_length=200,
        blank=True,
        default=DEFAULT_SUBJECT_CY,
        help_text="For letters written in Welsh. May use {constituency}. Blank: the standard Welsh subject.",
    )
    letter_template_cy = models.TextField(
        "letter in Welsh",
        blank=True,
        default=DEFAULT_TEMPLATE_CY,
        help_text="For letters written in Welsh, with the same placeholders as the letter. Blank: the "
        "standard Welsh letter.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldPanel("letter_template"),
                FieldPanel("subject_cy"),
                FieldPanel("letter_template_cy"),
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
        errors = {}
        for subject, template, required in (
            ("subject", "letter_template", True),
            ("subject_cy", "letter_template_cy", False),
        ):
            text = getattr(self, template) or ""
            used = set(PLACEHOLDER_PATTERN.findall(text))
            unknown = sorted(used - set(PLACEHOLDERS))
            if unknown:
                errors[template] = "Unknown placeholder(s): " + ", ".join(f"{{{u}}}" for u in unknown)
            elif "personal_paragraph" not in used and (required or text.strip()):
                errors[template] = "The letter must include {personal_paragraph}."
            if set(PLACEHOLDER_PATTERN.findall(getattr(self, subject) or "")) - {"constituency", "mp_name"}:
                errors[subject] = "The subject may only use {constituency} and {mp_name}."
        if errors:
            raise ValidationError(errors)

    @property
    def prompts(self):
        return [line.strip() for line in self.paragraph_prompts.splitlines() if line.strip()]

    def own_words(self):
        """The page's own text: a personal paragraph made mostly of it is not personal."""
        letters = [self.letter_template, self.letter_template_cy or DEFAULT_TEMPLATE_CY]
        return " ".join([*letters, self.paragraph_prompts, strip_tags(self.guidance)])

    def letter_wording(self, language=None):
        """(subject, letter template) in `language` (default: this page's own wording): from this page when
        it is in that language, else from its live translation in it, else (Welsh) from the Welsh fields."""
        if language is None:
            return self.subject, self.letter_template
        locale = Locale.objects.filter(language_code=language).first()
        page = None
        if locale is not None and locale.pk == self.locale_id:
            page = self
        elif locale is not None:
            translated = self.get_translation_or_none(locale)
            page = translated.specific if translated is not None and translated.live else None
        welsh = language.split("-")[0] == "cy"
        if page is None:
            page = self if not welsh else None
        # A translation whose wording nobody has translated yet still holds the English (Localize's
        # fallback): a Welsh letter then takes the Welsh fields, never an English body under a Welsh date.
        subject = page.subject if page is not None else None
        template = page.letter_template if page is not None else None
        if welsh:
            source = page or self
            if page is None or untranslated_field(page, "subject"):
                subject = source.subject_cy or DEFAULT_SUBJECT_CY
            if page is None or untranslated_field(page, "letter_template"):
                template = source.letter_template_cy or DEFAULT_TEMPLATE_CY
        return subject, template

    def render_letter(self, values, language=None):
        """(subject, body) in `language`, with each placeholder replaced; unknown braces are left as typed."""

        def fill(text):
            return PLACEHOLDER_PATTERN.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)

        subject, template = self.letter_wording(language)
        return fill(subject), fill(template)

    # The journey: every step is a POST to this page, so nothing personal ever appears in a URL.
    # postcode ─POST→ lookup → "your MP is …" + details form (carrying a signed constituency code, never
    # the postcode) ─POST→ the letter ─POST pdf/→ the PDF download. A letter counts once, when it is
    # copied, emailed, printed (POST finished/, a beacon) or downloaded (campaign.finished_letters).

    @path("", name="form")
    def journey(self, request):
        if request.method != "POST":
            return self.render_step(request, "postcode", form=PostcodeForm())
        if request.POST.get("step") == "letter":
            return self.letter_step(request)
        if request.POST.get("step") == "edit":
            return self.edit_step(request)
        return self.postcode_step(request)

    @path("pdf/")
    def pdf(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if lookups_exceeded(request, LETTER_GROUP):
            return ratelimits.too_many_requests(request)
        form = LetterForm(request.POST, page=self)
        result = result_for(form)
        if not form.is_valid() or result is None:
            return self.render_step(request, "postcode", form=PostcodeForm(), expired=True)
        subject, body = self.letter_from(form, result)
        language = form.cleaned_data["language"]
        self.count_finished(request.POST.get("letter"))
        content = pdf.letter_pdf(
            subject=subject,
            body=body,
            recipient=recipient(result, language),
            dated=timezone.localdate(),
            language=language,
        )
        response = HttpResponse(content, content_type="application/pdf")
        filename = PDF_FILENAMES.get(language, PDF_FILENAMES[LETTER_LANGUAGES[0][0]])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @path("finished/")
    def finished(self, request):
        """The writer copied, emailed or printed the letter: count it, once per letter (204 either way)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if request.POST.get("how") not in finished_letters.WAYS:
            return HttpResponse(status=400)
        self.count_finished(request.POST.get("letter"))
        return HttpResponse(status=204)

    def count_finished(self, token):
        code = finished_letters.claim(token)
        if code:
            LetterCount.record(code)
        return bool(code)

    def render_step(self, request, step, **context):
        # Asked only when the template's fragment (cached by the page cache's generation, which a postcode
        # import moves on) is rendered again.
        demo_data_only = SimpleLazyObject(PostcodeImport.only_demo_data)
        return render_page(request, self, step=step, demo_data_only=demo_data_only, **context)

    def postcode_step(self, request, form=None, *, share=False):
        """The lookup and its answer. `form`: the postcode form already counted and bound (the plain view's);
        `share`: the page is live and unrestricted, so the answer may be kept for the next visitor with
        this MP (campaign.letter_details)."""
        if form is None:
            if lookups_exceeded(request):
                return ratelimits.too_many_requests(request)
            form = PostcodeForm(request.POST)
        if not form.is_valid():
            return self.render_step(request, "postcode", form=form, result=getattr(form, "result", None))
        result = form.result
        # Rendered with placeholders for the visitor's CSRF token and signed reference, filled in after.
        details = LetterForm(page=self, initial={"ref": letter_details.REF_PLACEHOLDER})
        response = self.render_step(
            request, "details", form=details, result=result, **letter_details.context()
        )
        response.render()
        if share:
            response.content = letter_details.store(request, self.pk, result, response.content)
        else:
            response.content = letter_details.fill(response.content, request, result)
        return response

    def letter_step(self, request):
        if lookups_exceeded(request, LETTER_GROUP):
            return ratelimits.too_many_requests(request)
        form = LetterForm(request.POST, page=self)
        result = result_for(form)
        if result is None:
            # An expired or tampered reference: start again from the postcode.
            return self.render_step(request, "postcode", form=PostcodeForm(), expired=True)
        if not form.is_valid():
            return self.render_step(request, "details", form=form, result=result)
        subject, body = self.letter_from(form, result)
        language = form.cleaned_data["language"]
        return self.render_step(
            request,
            "letter",
            form=form,
            result=result,
            subject=subject,
            body=body,
            letter_language=language,
            letter_date=pdf.letter_date(timezone.localdate(), language),
            recipient=recipient(result, language),
            mailto=mailto_link(result.mp_email, subject, body),
            letter_token=finished_letters.issue(result.constituency_code),
        )

    def edit_step(self, request):
        """Back from the finished letter to the details form, with what the writer typed still in it."""
        result = result_for(LetterForm(request.POST, page=self))
        if result is None:
            return self.render_step(request, "postcode", form=PostcodeForm(), expired=True)
        fields = ("ref", "sender_name", "sender_address", "personal_paragraph", "language")
        form = LetterForm(page=self, initial={name: request.POST.get(name, "") for name in fields})
        return self.render_step(request, "details", form=form, result=result)

    def letter_from(self, form, result):
        data = form.cleaned_data
        return self.render_letter(
            {
                "mp_name": result.mp_name,
                "constituency": result.constituency_name,
                "sender_name": data["sender_name"],
                "sender_address": data["sender_address"],
                "personal_paragraph": data["personal_paragraph"],
            },
            data["language"],
        )


def result_for(form):
    """The MP for the form's signed constituency code, or None when the code is missing or bad."""
    form.is_valid()
    code = form.cleaned_data.get("ref") if hasattr(form, "cleaned_data") else None
    if not code:
        return None
    result = lookup.result_for_constituency(code)
    return result if result.ok else None
