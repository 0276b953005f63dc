"""The right-to-ask form, in short steps. Each step is a plain Django form; the page (DisclosureRequestPage)
chains them. Every error message is plain and names its question (GOV.UK style): never Django's stock
"This field is required" or "Ensure this value is greater than or equal to 10"."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from support import police_forces
from support.date_input import DateOfBirthField
from support.models.disclosure import DisclosureRequest
from website.i18n.widgets import MarkedSelect
from website.request_policy.honeypot import HoneypotForm, honeypot_layout
from website.request_policy.whole_numbers import WholeNumberField

# Nothing about the person of concern should be remembered by the browser or offered to someone else.
NO_AUTOFILL = {"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}
SHORT = 200
MEDIUM = 1000
CONCERNS_MAX_LENGTH = 5000


def text(label, *, required=True, max_length=SHORT, help_text="", private=False, autocomplete=None, **attrs):
    widget_attrs = dict(NO_AUTOFILL) if private else {}
    if autocomplete:
        widget_attrs["autocomplete"] = autocomplete
    widget_attrs.update(attrs)
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs=widget_attrs),
    )


def textarea(label, *, required=True, max_length=MEDIUM, help_text="", rows=4, private=True):
    attrs = {"rows": rows, "maxlength": max_length, **(NO_AUTOFILL if private else {})}
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs=attrs),
    )


def radios(label, choices, *, required=True, help_text=""):
    return forms.ChoiceField(
        label=label, choices=choices, required=required, help_text=help_text, widget=forms.RadioSelect
    )


def plain_messages(field, noun, required=None):
    """Error messages for `field` that name it (`noun`, e.g. "Your name"), in place of Django's stock ones.

    The noun goes into whole translated sentences (never glued to fragments), lower-cased so that it reads
    mid-sentence in any language; each message then starts with a capital."""
    values = {"noun": noun[:1].lower() + noun[1:]}

    def say(message, **more):
        return capfirst(message % {**values, **more})

    messages = {
        "required": required or say(gettext("Enter %(noun)s")),
        "max_length": say(
            gettext("%(noun)s must be %(max)s characters or fewer"),
            max=f"{getattr(field, 'max_length', 0) or 0:,}",
        ),
    }
    if isinstance(field, forms.ChoiceField):
        # Only a crafted or stale post chooses something not offered: ask again, as when nothing was chosen.
        messages["invalid_choice"] = required or say(gettext("Choose %(noun)s from the list"))
    if isinstance(field, forms.EmailField):
        messages["invalid"] = gettext("Enter an email address in the correct format, like name@example.com")
    if isinstance(field, forms.IntegerField):  # WholeNumberField too
        messages["invalid"] = say(gettext("%(noun)s must be a whole number, like 45"))
        messages["min_value"] = say(gettext("%(noun)s must be %(min)s or more"), min=field.min_value)
        messages["max_value"] = say(gettext("%(noun)s must be %(max)s or less"), max=field.max_value)
    return messages


def without_optional(label):
    """A label less its "(optional)", to name the question in its error messages."""
    label = str(label)
    optional = gettext("(optional)")
    for suffix in (" (optional)", " " + optional):
        label = label.removesuffix(suffix)
    return label


class StepForm(HoneypotForm):
    """A step of the form: a title, a honeypot, and crispy layout without its own <form> tag."""

    title = ""

    # What each question is called in its error messages ("Your name must be 200 characters or fewer").
    nouns = {}
    # Say what is missing, not "This field is required" (GOV.UK error-message style).
    required_messages = {}
    # Fields drawn with their own crispy template (name: template).
    field_templates = {}
    # Questions asked only after some answers (a phone number for a phone call): left blank, they are not
    # listed on the check-answers page.
    asked_if_answered = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.visible_field_names():
            field = self.fields[name]
            noun = str(self.nouns.get(name) or without_optional(field.label))
            required = self.required_messages.get(name)
            field.error_messages.update(plain_messages(field, noun, str(required) if required else None))
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *[self.layout_field(name) for name in self.visible_field_names()], honeypot_layout()
        )

    def layout_field(self, name):
        template = self.field_templates.get(name)
        return Field(name, template=template) if template else Field(name)

    def answers(self):
        """What this step contributes to the request (the honeypot is not an answer)."""
        visible = self.visible_field_names()
        return {name: value for name, value in self.cleaned_data.items() if name in visible}


class WhoForm(StepForm):
    title = _("Who is asking")
    asked_if_answered = ("relationship_to_person_at_risk",)
    nouns = {"relationship_to_person_at_risk": _("Your relationship to the person")}
    required_messages = {"asking_for": _("Choose whether you are asking for yourself or for someone else")}
    asking_for = radios(_("Who are you asking for?"), DisclosureRequest.AskingFor.choices)
    relationship_to_person_at_risk = text(
        _("Your relationship to the person you are worried about"),
        required=False,
        help_text=_("Only if you are asking for someone else, for example ‘my sister’ or ‘a friend’."),
        private=True,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("asking_for") == DisclosureRequest.AskingFor.SOMEONE_ELSE:
            if not cleaned.get("relationship_to_person_at_risk"):
                self.add_error(
                    "relationship_to_person_at_risk",
                    gettext("Tell us your relationship to the person you are worried about"),
                )
        else:
            cleaned["relationship_to_person_at_risk"] = ""
        return cleaned


class ContactForm(StepForm):
    title = _("You, and how to contact you safely")
    asked_if_answered = ("phone", "email", "cover_name")
    nouns = {"safe_times": _("Safe times to contact you"), "cover_name": _("The cover name")}
    required_messages = {
        "your_name": _("Enter the name you would like us to use"),
        "contact_method": _("Choose how we can contact you safely"),
        "safe_times": _("Tell us when it is safe to contact you"),
        "voicemail_safe": _("Tell us whether it is safe to leave a voicemail or message"),
        "identify_as": _("Tell us whether we may say who we are"),
    }
    your_name = text(_("Your name"), help_text=_("The name you would like us to use."), private=True)
    contact_method = radios(_("How can we contact you safely?"), DisclosureRequest.ContactMethod.choices)
    phone = text(
        _("Phone number"),
        required=False,
        max_length=40,
        private=True,
        inputmode="tel",
        help_text=_("For a phone call or a text message."),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        help_text=_("Only an address that nobody else can read."),
        widget=forms.EmailInput(attrs=dict(NO_AUTOFILL)),
    )
    safe_times = text(
        _("When is it safe to contact you?"),
        max_length=300,
        private=True,
        help_text=_("For example ‘weekdays 10am to 2pm’. Tell us any times to avoid."),
    )
    voicemail_safe = radios(_("Is it safe to leave a voicemail or message?"), DisclosureRequest.YesNo.choices)
    identify_as = radios(
        _("When we contact you, may we say who we are?"),
        DisclosureRequest.IdentifyAs.choices,
        help_text=_("If not, we will use a cover name so nobody else learns you contacted us."),
    )
    cover_name = text(
        _("Cover name to use (optional)"),
        required=False,
        max_length=100,
        private=True,
        help_text=_("For example ‘Sam from the dental surgery’. Leave blank and we will choose one."),
    )

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("contact_method")
        # One message a question: an answer already refused (too long, not an email) is not also "missing".
        if method in {"phone", "text"} and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error("phone", gettext("Enter a phone number we can use"))
        if method == "email" and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", gettext("Enter an email address we can use"))
        phone = cleaned.get("phone", "")
        if phone and not all(ch.isdigit() or ch in " +()-" for ch in phone):
            self.add_error("phone", gettext("Enter a phone number using digits, like 07700 900 982"))
        if cleaned.get("identify_as") != DisclosureRequest.IdentifyAs.COVER:
            cleaned["cover_name"] = ""
        return cleaned


class PersonForm(StepForm):
    title = _("The person you are worried about")
    nouns = {
        "person_other_names": _("Their other names"),
        "person_age": _("Age"),
        "person_address": _("Their address"),
        "person_previous_addresses": _("Where they have lived"),
        "person_relationship": _("Their relationship"),
    }
    field_templates = {"person_date_of_birth": "components/forms/date_field.html"}
    required_messages = {
        "person_name": _("Enter their name, or as much of it as you know"),
        "person_relationship": _("Tell us their relationship to you or to the person you are worried about"),
    }
    person_name = text(_("Their name"), private=True, help_text=_("As much of it as you know."))
    person_other_names = textarea(
        _("Other names they use or have used (optional)"),
        required=False,
        rows=2,
        max_length=500,
        help_text=_("Nicknames, previous surnames or online names."),
    )
    person_date_of_birth = DateOfBirthField(
        label=_("Their date of birth (optional)"),
        required=False,
        help_text=_("For example, 27 3 1985. Leave it blank if you do not know, and give their age instead."),
    )
    person_age = WholeNumberField(
        label=_("Their approximate age (optional)"),
        required=False,
        min_value=10,
        max_value=120,
        # Text with a numeric keypad, not type=number: no spinner, and the scroll wheel cannot change it.
        widget=forms.TextInput(attrs={"inputmode": "numeric", **NO_AUTOFILL}),
    )
    person_address = textarea(
        _("Their current address (optional)"),
        required=False,
        rows=3,
        max_length=500,
        help_text=_("As much as you know, even just a town."),
    )
    person_previous_addresses = textarea(
        _("Where they have lived in the last 5 years (optional)"),
        required=False,
        rows=3,
        max_length=1000,
    )
    person_relationship = text(
        _("Their relationship to you, or to the person you are worried about"),
        max_length=200,
        private=True,
        help_text=_("For example ‘my partner’, ‘my daughter’s new boyfriend’."),
    )


class ConcernsForm(StepForm):
    title = _("Your concerns and police area")
    nouns = {"concerns": _("Your concerns"), "police_force": _("The police force area")}
    required_messages = {"concerns": _("Tell us what worries you")}
    concerns = forms.CharField(
        label=_("What worries you?"),
        help_text=_("In your own words. Tell us what has happened or what you have been told."),
        widget=forms.Textarea(attrs={"rows": 8, **NO_AUTOFILL}),
    )
    postcode = forms.CharField(
        label=_("Your postcode (optional)"),
        required=False,
        max_length=16,
        help_text=_("We use it only to find your police force, and do not keep it."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    police_force = forms.ChoiceField(
        label=_("Police force area"),
        required=False,
        choices=[("", _("Choose a police force")), *police_forces.CHOICES],
        widget=MarkedSelect,
        help_text=_("The police force where you, or the person at risk, live."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = CONCERNS_MAX_LENGTH
        self.fields["concerns"].max_length = limit
        self.fields["concerns"].validators.append(MaxLengthValidator(limit))
        self.fields["concerns"].error_messages["max_length"] = gettext(
            "Your concerns must be %(max)s characters or fewer"
        ) % {"max": f"{limit:,}"}
        self.fields["concerns"].widget.attrs["maxlength"] = limit
        self.fields["concerns"].help_text = gettext(
            "In your own words. Tell us what has happened or what you have been told. "
            "Up to %(max)s characters."
        ) % {"max": f"{limit:,}"}
        if not police_forces.postcode_data_loaded():
            del self.fields["postcode"]
            self.helper.layout = Layout(Field("concerns"), Field("police_force"), honeypot_layout())
        else:
            self.fields["police_force"].label = gettext("Police force area (if you know it)")
            self.fields["police_force"].help_text = gettext("Or leave this and give your postcode above.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("police_force"):
            return cleaned
        postcode = (cleaned.get("postcode") or "").strip()
        if not postcode:
            self.add_error("police_force", gettext("Choose the police force area"))
            return cleaned
        force = police_forces.force_for_postcode(postcode)
        if force is None:
            self.add_error(
                "police_force",
                gettext("We could not work out the police force from that postcode: choose it here"),
            )
        else:
            cleaned["police_force"] = force.key
        return cleaned

    def answers(self):
        answers = super().answers()
        answers.pop("postcode", None)
        return answers


class ConsentForm(StepForm):
    title = _("Privacy and sending your request")
    required_messages = {"consent": _("Agree to the privacy notice so that we can help you")}
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to Waymark keeping this information to help me"),
    )


STEPS = [WhoForm, ContactForm, PersonForm, ConcernsForm, ConsentForm]
