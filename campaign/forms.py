"""The letter journey's forms: the postcode, then the writer's details and their own paragraph."""

import re

from django import forms
from django.core import signing
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from geography import lookup

REF_SALT = "campaign.letter.constituency"
REF_MAX_AGE = 60 * 60 * 6

MIN_PARAGRAPH_CHARS = 80
MIN_PARAGRAPH_WORDS = 12
# A paragraph with at least this share of its three-word runs taken from the page's own text is not
# the writer's own words.
MAX_BORROWED_SHARE = 0.5
_WORD = re.compile(r"[\w']+")
# The languages a letter can be written in, each named in itself; the first is the default.
LETTER_LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]


def sign_constituency(code, area_ids=()):
    """The signed reference later steps carry: the Westminster constituency and the ids of the postcode's
    other areas (geography.representatives), never the postcode. Without areas, the constituency alone."""
    value = code if not area_ids else f"{code}:{'.'.join(str(pk) for pk in area_ids)}"
    return signing.dumps(value, salt=REF_SALT, compress=False)


def _unsign(ref):
    """(constituency code, area ids) from a signed reference; raises signing.BadSignature."""
    value = signing.loads(ref, salt=REF_SALT, max_age=REF_MAX_AGE)
    code, _sep, areas = str(value).partition(":")
    try:
        return code, tuple(int(pk) for pk in areas.split(".") if pk)
    except ValueError:
        raise signing.BadSignature from None


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        label=_("Your postcode"),
        help_text=_("For example AB10 1AB. We use it only to find your MP, and don't keep it."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false", "size": 10}),
        required=False,
    )

    def clean_postcode(self):
        self.result = lookup.lookup(self.cleaned_data.get("postcode", ""))
        if not self.result.ok:
            raise forms.ValidationError(self.result.message, code=self.result.kind)
        return self.result.postcode


def _trigrams(text):
    words = [w.lower() for w in _WORD.findall(text)]
    return [tuple(words[i : i + 3]) for i in range(len(words) - 2)]


class LetterForm(forms.Form):
    ref = forms.CharField(widget=forms.HiddenInput)
    sender_name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Enter a name of at most 100 characters."),
        },
    )
    sender_address = forms.CharField(
        label=_("Your address"),
        max_length=400,
        error_messages={
            "required": _("Enter your address: MPs reply only to their own constituents."),
            "max_length": _("Enter an address of at most 400 characters."),
        },
        help_text=_("MPs reply only to their own constituents, so they need your full address."),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    personal_paragraph = forms.CharField(
        label=_("Why this matters to you, in your own words"),
        max_length=3000,
        help_text=_("A few sentences. This is what makes your letter count."),
        error_messages={
            "required": _("Write a few sentences, in your own words, about why this matters to you."),
            "max_length": _("Keep your own words to at most 3,000 characters."),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    # Not required: a form without it (an older page, a script) writes in the visitor's language.
    language = forms.ChoiceField(
        label=_("Language of the letter"),
        help_text=_("Your MP can read either. The page stays in the language you are using."),
        choices=LETTER_LANGUAGES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose English or Cymraeg for your letter.")},
    )

    # Rendered by the page as a choice among the postcode's representatives (campaign.recipients); the
    # page checks the choice against the areas the signed reference carries. Blank: the MP.
    recipient = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    follow_up = forms.BooleanField(
        label=_("Email me in two weeks to ask whether they replied"),
        required=False,
        help_text=_(
            "We keep only your email address, who you wrote to and your language, never your letter."
        ),
    )
    follow_up_email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        max_length=254,
        help_text=_("Only if you ticked the box above."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )
    # What the letter's own forms (PDF, change my words) carry on: the follow-up is asked for only once.
    CARRIED = ("ref", "recipient", "sender_name", "sender_address", "personal_paragraph", "language")

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.area_ids = ()
        self.fields["language"].initial = visitor_letter_language()

    @property
    def carried_fields(self):
        return [self[name] for name in self.CARRIED]

    @property
    def written_fields(self):
        """The fields the writer fills in, in order (the reference and the recipient are rendered apart)."""
        return [field for field in self if field.name not in ("ref", "recipient")]

    def clean(self):
        data = super().clean()
        if data.get("follow_up") and not data.get("follow_up_email") and "follow_up_email" not in self.errors:
            self.add_error(
                "follow_up_email",
                forms.ValidationError(
                    gettext("Enter your email address, so we can ask you in two weeks."), code="required"
                ),
            )
        return data

    def clean_ref(self):
        try:
            code, self.area_ids = _unsign(self.cleaned_data["ref"])
            return code
        except signing.BadSignature:
            raise forms.ValidationError(
                gettext("This form has expired. Please start again with your postcode."), code="expired"
            ) from None

    def clean_personal_paragraph(self):
        text = self.cleaned_data["personal_paragraph"].strip()
        words = _WORD.findall(text)
        if len(text) < MIN_PARAGRAPH_CHARS or len({w.lower() for w in words}) < MIN_PARAGRAPH_WORDS:
            raise forms.ValidationError(
                gettext(
                    "Please write a little more: two or three sentences about why this matters to you. "
                    "Letters in people's own words are the ones MPs read."
                ),
                code="too_short",
            )
        grams = _trigrams(text)
        own = set(_trigrams(self.page.own_words()))
        if grams and sum(g in own for g in grams) / len(grams) >= MAX_BORROWED_SHARE:
            raise forms.ValidationError(
                gettext(
                    "This reads mostly like the letter's own wording. Please tell your MP, in your own "
                    "words, why this matters to you."
                ),
                code="not_own_words",
            )
        return text

    def clean_language(self):
        return self.cleaned_data.get("language") or visitor_letter_language()

    def clean_sender_name(self):
        return " ".join(self.cleaned_data["sender_name"].split())

    def clean_sender_address(self):
        lines = (line.strip() for line in self.cleaned_data["sender_address"].splitlines())
        return "\n".join(line for line in lines if line)


def visitor_letter_language():
    """The letter language offered first: the visitor's own, when a letter can be written in it."""
    active = (translation.get_language() or "").lower()
    for code, _name in LETTER_LANGUAGES:
        if active == code or active.split("-")[0] == code.split("-")[0]:
            return code
    return LETTER_LANGUAGES[0][0]
