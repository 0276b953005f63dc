"""Write to your MP or another representative: the letter page and its steps (postcode → your representatives
→ a personalised letter to the one chosen → PDF). Its wording is in campaign/letter_texts.py, whom it can go
to in campaign/recipients.py, its rate limits in campaign/letter_limits.py, the counts it adds to in
campaign/models/letter_counts.py, the follow-up a writer may ask for in campaign/follow_ups.py."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index

from campaign import finished_letters, follow_ups, letter_details, pdf, recipients
from campaign.forms import LETTER_LANGUAGES, LetterForm, PostcodeForm
from campaign.letter_limits import LETTER_GROUP, lookups_exceeded
from campaign.letter_texts import (
    DEFAULT_PROMPTS,
    DEFAULT_SUBJECT,
    DEFAULT_SUBJECT_CY,
    DEFAULT_TEMPLATE,
    DEFAULT_TEMPLATE_CY,
    OTHER_PDF_FILENAMES,
    PDF_FILENAMES,
    PLACEHOLDER_PATTERN,
    PLACEHOLDERS,
    address,
    office_wording,
)
from campaign.mailto import mailto_link
from campaign.models.letter_counts import LetterCount, RepresentativeLetterCount
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
            if set(PLACEHOLDER_PATTERN.findall(getattr(self, subject) or "")) - SUBJECT_PLACEHOLDERS:
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

    def render_letter(self, values, language=None, wording=None):
        """(subject, body) in `language`, with each placeholder replaced; unknown braces are left as typed.
        `wording`: (subject, template) to fill instead of this page's letter to the MP."""

        def fill(text):
            return PLACEHOLDER_PATTERN.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)

        subject, template = wording or self.letter_wording(language)
        return fill(subject), fill(template)

    # The journey: every step is a POST to this page, so nothing personal ever appears in a URL.
    # postcode ─POST→ lookup → "your MP is …", your other representatives to choose from + details form
    # (carrying a signed constituency code and area ids, never the postcode) ─POST→ the letter to the one
    # chosen ─POST pdf/→ the PDF download. A letter counts once, when it is copied, emailed, printed (POST
    # finished/, a beacon) or downloaded (campaign.finished_letters).

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
        choice = None
        if form.is_valid() and result is not None:
            choice = recipients.for_ref(result, form.area_ids).choice(form.cleaned_data["recipient"])
        if choice is None:
            return self.render_step(request, "postcode", form=PostcodeForm(), expired=True)
        subject, body = self.letter_from(form, result, choice)
        language = form.cleaned_data["language"]
        self.count_finished(request.POST.get("letter"))
        content = pdf.letter_pdf(
            subject=subject,
            body=body,
            recipient=address(choice.recipient, result, language),
            dated=timezone.localdate(),
            language=language,
        )
        response = HttpResponse(content, content_type="application/pdf")
        names = PDF_FILENAMES if choice.recipient.is_mp else OTHER_PDF_FILENAMES
        filename = names.get(language, names[LETTER_LANGUAGES[0][0]])
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
        claimed = finished_letters.claim(token)
        if claimed is None:
            return False
        if claimed.representative_id is not None:
            RepresentativeLetterCount.record(claimed.representative_id)
        else:
            LetterCount.record(claimed.constituency_code)
        return True

    def render_step(self, request, step, **context):
        # Asked only when the template's fragment (cached by the page cache's generation, which a postcode
        # import moves on) is rendered again.
        demo_data_only = SimpleLazyObject(PostcodeImport.only_demo_data)
        return render_page(request, self, step=step, demo_data_only=demo_data_only, **context)

    def postcode_step(self, request, form=None, *, share=False, listing=None):
        """The lookup and its answer. `form`: the postcode form already counted and bound (the plain view's);
        `share`: the page is live and unrestricted, so the answer may be kept for the next visitor with
        these representatives (campaign.letter_details); `listing`: them, when already read."""
        if form is None:
            if lookups_exceeded(request):
                return ratelimits.too_many_requests(request)
            form = PostcodeForm(request.POST)
        if not form.is_valid():
            return self.render_step(request, "postcode", form=form, result=getattr(form, "result", None))
        result = form.result
        listing = listing or recipients.for_postcode(result)
        # Rendered with placeholders for the visitor's CSRF token and signed reference, filled in after.
        details = LetterForm(page=self, initial={"ref": letter_details.REF_PLACEHOLDER})
        response = self.details_step(request, details, result, listing, **letter_details.context())
        response.render()
        if share:
            response.content = letter_details.store(request, self.pk, result, response.content, listing)
        else:
            response.content = letter_details.fill(response.content, request, result, listing)
        return response

    def details_step(self, request, form, result, listing, **context):
        chosen = (form["recipient"].value() if form.is_bound else form.initial.get("recipient")) or ""
        return self.render_step(
            request,
            "details",
            form=form,
            result=result,
            listing=listing,
            chosen=chosen or recipients.representatives.MP,
            **context,
        )

    def letter_step(self, request):
        if lookups_exceeded(request, LETTER_GROUP):
            return ratelimits.too_many_requests(request)
        form = LetterForm(request.POST, page=self)
        result = result_for(form)
        if result is None:
            # An expired or tampered reference: start again from the postcode.
            return self.render_step(request, "postcode", form=PostcodeForm(), expired=True)
        listing = recipients.for_ref(result, form.area_ids)
        choice = listing.choice(form.cleaned_data.get("recipient")) if form.is_valid() else None
        if form.is_valid() and choice is None:
            form.add_error(None, gettext("Choose one of your representatives to write to."))
        if not form.is_valid():
            return self.details_step(request, form, result, listing)
        subject, body = self.letter_from(form, result, choice)
        language = form.cleaned_data["language"]
        to = choice.recipient
        if form.cleaned_data["follow_up"]:
            follow_ups.schedule(
                email=form.cleaned_data["follow_up_email"],
                recipient=recipients.written_to(result, choice),
                language=language,
            )
        heading = address(to, result, language)
        return self.render_step(
            request,
            "letter",
            form=form,
            result=result,
            to=to,
            to_address=", ".join(heading.splitlines()),
            subject=subject,
            body=body,
            letter_language=language,
            letter_date=pdf.letter_date(timezone.localdate(), language),
            recipient=heading,
            mailto=mailto_link(to.email, subject, body),
            letter_token=finished_letters.issue(
                result.constituency_code, None if to.is_mp else to.representative.pk
            ),
        )

    def edit_step(self, request):
        """Back from the finished letter to the details form, with what the writer typed still in it."""
        bound = LetterForm(request.POST, page=self)
        result = result_for(bound)
        if result is None:
            return self.render_step(request, "postcode", form=PostcodeForm(), expired=True)
        form = LetterForm(
            page=self, initial={name: request.POST.get(name, "") for name in LetterForm.CARRIED}
        )
        return self.details_step(request, form, result, recipients.for_ref(result, bound.area_ids))

    def letter_from(self, form, result, choice):
        """(subject, body): the page's letter to the MP, or the standard letter to another office (its
        thank-you when they already support the register)."""
        data = form.cleaned_data
        to = choice.recipient
        language = data["language"]
        wording = None
        if not to.is_mp:
            wording = office_wording(to.body, language, thanks=choice.supports)
        return self.render_letter(
            {
                "mp_name": to.name,
                "recipient_name": to.name,
                "office": to.office(language),
                "constituency": result.constituency_name,
                "sender_name": data["sender_name"],
                "sender_address": data["sender_address"],
                "personal_paragraph": data["personal_paragraph"],
            },
            language,
            wording,
        )


# What a subject may name: the writer's constituency and whoever the letter goes to.
SUBJECT_PLACEHOLDERS = {"constituency", "mp_name", "recipient_name"}


def result_for(form):
    """The MP for the form's signed constituency code, or None when the code is missing or bad."""
    form.is_valid()
    code = form.cleaned_data.get("ref") if hasattr(form, "cleaned_data") else None
    if not code:
        return None
    result = lookup.result_for_constituency(code)
    return result if result.ok else None
