"""The letter journey's forms: the postcode, then the writer's details and their own paragraph."""

import re

from django import forms
from django.core import signing

from campaign import lookup

REF_SALT = "campaign.letter.constituency"
REF_MAX_AGE = 60 * 60 * 6

MIN_PARAGRAPH_CHARS = 80
MIN_PARAGRAPH_WORDS = 12
# A paragraph with at least this share of its three-word runs taken from the page's own text is not
# the writer's own words.
MAX_BORROWED_SHARE = 0.5
_WORD = re.compile(r"[\w']+")


def sign_constituency(code):
    return signing.dumps(code, salt=REF_SALT, compress=False)


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        label="Your postcode",
        help_text="For example AB10 1AB. We use it only to find your MP, and don't keep it.",
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
        label="Your name",
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": "Enter your name.",
            "max_length": "Enter a name of at most 100 characters.",
        },
    )
    sender_address = forms.CharField(
        label="Your address",
        max_length=400,
        error_messages={
            "required": "Enter your address: MPs reply only to their own constituents.",
            "max_length": "Enter an address of at most 400 characters.",
        },
        help_text="MPs reply only to their own constituents, so they need your full address.",
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    personal_paragraph = forms.CharField(
        label="Why this matters to you, in your own words",
        max_length=3000,
        help_text="A few sentences. This is what makes your letter count.",
        error_messages={
            "required": "Write a few sentences, in your own words, about why this matters to you.",
            "max_length": "Keep your own words to at most 3,000 characters.",
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page

    def clean_ref(self):
        try:
            return signing.loads(self.cleaned_data["ref"], salt=REF_SALT, max_age=REF_MAX_AGE)
        except signing.BadSignature:
            raise forms.ValidationError(
                "This form has expired. Please start again with your postcode.", code="expired"
            ) from None

    def clean_personal_paragraph(self):
        text = self.cleaned_data["personal_paragraph"].strip()
        words = _WORD.findall(text)
        if len(text) < MIN_PARAGRAPH_CHARS or len({w.lower() for w in words}) < MIN_PARAGRAPH_WORDS:
            raise forms.ValidationError(
                "Please write a little more: two or three sentences about why this matters to you. "
                "Letters in people's own words are the ones MPs read.",
                code="too_short",
            )
        grams = _trigrams(text)
        own = set(_trigrams(self.page.own_words()))
        if grams and sum(g in own for g in grams) / len(grams) >= MAX_BORROWED_SHARE:
            raise forms.ValidationError(
                "This reads mostly like the letter's own wording. Please tell your MP, in your own words, "
                "why this matters to you.",
                code="not_own_words",
            )
        return text

    def clean_sender_name(self):
        return " ".join(self.cleaned_data["sender_name"].split())

    def clean_sender_address(self):
        lines = (line.strip() for line in self.cleaned_data["sender_address"].splitlines())
        return "\n".join(line for line in lines if line)
