"""The signing form: every rule fails with a clear message at its field, and nothing typed is lost."""

import re
from functools import cache, cached_property

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from geography import postcodes
from petition import countries, places
from petition.abuse import domain_block, split_email
from website.request_policy.honeypot import HoneypotForm, honeypot_layout
from website.request_policy.spreadsheets import starts_like_formula
from website.request_policy.text_direction import without_bidi_controls

UK = "UK"
_URL = re.compile(
    r"(://|www\.|https?:|\b[a-z0-9-]+\.(com|net|org|uk|co|io|info|biz|ru|xyz|me|ly|app|site|online|link)\b)",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def country_choices():
    # A callable, so each form copies a reference to it instead of deep-copying ~250 choices per request.
    return _country_choices(translation.get_language())


@cache
def _country_choices(language):
    """The list in one language (names and their order differ): built once per process and language."""
    return [("", gettext("Choose a country")), *countries.country_choices(language)]


class CountrySelect(forms.Select):
    """The country list, rendered compactly (the template says how): it is on every petition page."""

    template_name = "petition/widgets/country_select.html"


class SignatureForm(HoneypotForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=255,
        error_messages={"required": _("Enter your name.")},
    )
    email = forms.CharField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send you a link to confirm your signature."),
        error_messages={
            "required": _("Enter your email address."),
            "max_length": _("Enter an email address of at most 254 characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    location = forms.ChoiceField(
        label=_("Where do you live?"),
        choices=[(UK, _("In the UK")), ("abroad", _("Outside the UK"))],
        initial=UK,
        widget=forms.RadioSelect,
    )
    postcode = forms.CharField(
        label=_("UK postcode"),
        max_length=16,
        required=False,
        help_text=_("For example SW1A 1AA, or a BFPO number. Used to count signatures by constituency."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    country = forms.ChoiceField(
        label=_("Which country do you live in?"),
        required=False,
        choices=country_choices,
        widget=CountrySelect,
    )
    opt_in = forms.BooleanField(
        label=_("Email me campaign updates"),
        required=False,
        initial=False,
        help_text=_("Optional. You can unsubscribe from any email."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["name"].error_messages["max_length"] = gettext("Enter a name of at most 255 characters.")
        self.fields["postcode"].error_messages["max_length"] = gettext("Enter a UK postcode, like SW1A 1AA.")

    @cached_property
    def helper(self):
        # Built only when the form is rendered: a valid signature never is.
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
            "name",
            "email",
            "location",
            "postcode",
            "country",
            "opt_in",
            honeypot_layout(),
            Submit("sign", gettext("Sign the petition"), css_class="button"),
        )
        return helper

    def clean_name(self):
        # Invisible direction controls go first, so none can hide a formula or reverse the name for staff.
        name = " ".join(without_bidi_controls(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(gettext("Enter your name."))
        if _CONTROL.search(name):
            raise forms.ValidationError(gettext("Your name contains characters we cannot accept."))
        # Supporters are exported to spreadsheets, which would run such a name as a formula.
        if starts_like_formula(name):
            raise forms.ValidationError(gettext("Your name cannot start with =, +, - or @."))
        if _URL.search(name):
            raise forms.ValidationError(gettext("Enter your name, not a web address."))
        return name

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        try:
            validate_email(email)
        except forms.ValidationError:
            raise forms.ValidationError(
                gettext("Enter an email address in the right format, like name@example.com.")
            ) from None
        _local, domain = split_email(email)
        if domain_block(domain) == "disposable":
            raise forms.ValidationError(
                gettext("Use an email address you will keep: we cannot accept temporary email addresses.")
            )
        return email

    def check_postcode_exists(self, cleaned, postcode):
        """A postcode in the right format must also be in the postcode directory, when one is loaded (without
        one only the format can be checked). The row found places the signature (`located`), so signing
        does not look it up again."""
        row = places.find_postcode(postcode)
        if row is None and places.postcode_data_loaded():
            self.add_error(
                "postcode",
                gettext(
                    "We couldn't find that postcode. Check it for typing mistakes, or if you live outside "
                    "the UK, choose “Outside the UK”."
                ),
            )
            return
        cleaned["postcode"] = postcode
        cleaned["located"] = places.located(row)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("location") == UK:
            raw = cleaned.get("postcode", "")
            cleaned["country"] = ""
            if postcodes.is_bfpo(raw):
                cleaned["postcode"] = postcodes.normalise_bfpo(raw)
            else:
                postcode = postcodes.normalise(raw)
                if not raw.strip():
                    self.add_error("postcode", gettext("Enter your postcode."))
                elif not postcodes.is_valid(postcode):
                    self.add_error("postcode", gettext("Enter a real UK postcode, like SW1A 1AA."))
                else:
                    self.check_postcode_exists(cleaned, postcode)
        elif cleaned.get("location"):
            cleaned["postcode"] = ""
            if not cleaned.get("country"):
                self.add_error("country", gettext("Choose the country you live in."))
        return cleaned
