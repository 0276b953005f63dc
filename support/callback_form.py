"""The safe call-back form: one short step, a name (or cover name), a safe number and when to call.

Its own module (the disclosure form's steps are support/forms.py); it borrows their field helpers so the two
forms look and behave alike, and its answers go down the same pipeline (support.services.submit_request).
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from support import police_forces
from support.deadlines import NATION_CHOICES
from support.forms import NO_AUTOFILL, radios, text, textarea
from support.models.disclosure import DisclosureRequest
from website.i18n.widgets import MarkedSelect
from website.request_policy.honeypot import HoneypotForm, honeypot_layout

FEW_WORDS_MAX_LENGTH = 500


class CallbackForm(HoneypotForm):
    # The form's section, named in the page's title.
    title = _("How and when to call you")

    your_name = text(
        _("What should we call you?"),
        max_length=100,
        private=True,
        help_text=_("Your name, or a cover name: whatever is safe if someone else answers the phone."),
    )
    phone = text(
        _("A safe phone number"),
        max_length=40,
        private=True,
        inputmode="tel",
        help_text=_("A number only you answer, or where it is safe for us to ring."),
    )
    safe_times = text(
        _("When is it safe to call?"),
        max_length=300,
        private=True,
        help_text=_("For example ‘weekdays 10am to 2pm’. Tell us any times to avoid."),
    )
    voicemail_safe = radios(
        _("If you do not answer, is it safe to leave a voicemail?"), DisclosureRequest.YesNo.choices
    )
    language = text(
        _("Which language would you like us to speak?"),
        max_length=60,
        private=True,
        help_text=_("We can arrange an interpreter."),
    )
    nation = radios(
        _("Where do you live?"), NATION_CHOICES, help_text=_("So that a team near you calls you back.")
    )
    police_force = forms.ChoiceField(
        label=_("Your police force area (optional)"),
        required=False,
        choices=[("", _("I don't know")), *police_forces.CHOICES],
        widget=MarkedSelect,
    )
    concerns = textarea(
        _("Anything you want us to know before we call (optional)"),
        required=False,
        rows=3,
        max_length=FEW_WORDS_MAX_LENGTH,
        help_text=_("A few words are enough. You do not have to tell us anything now."),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to Waymark keeping these details to call me back"),
        error_messages={"required": _("Agree to the privacy notice so that we can call you back")},
    )

    required_messages = {
        "your_name": _("Enter a name we can ask for: a cover name is fine"),
        "phone": _("Enter a phone number we can call safely"),
        "safe_times": _("Tell us when it is safe to call"),
        "voicemail_safe": _("Tell us whether we may leave a voicemail"),
        "language": _("Tell us which language you would like us to speak"),
        "nation": _("Choose where you live"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The language of the page is the likeliest answer.
        self.fields["language"].initial = pgettext("the language to speak on the phone", "English")
        self.fields["police_force"].widget.attrs.update(NO_AUTOFILL)
        for name, message in self.required_messages.items():
            self.fields[name].error_messages["required"] = str(message)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(*[Field(name) for name in self.visible_field_names()], honeypot_layout())

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not all(ch.isdigit() or ch in " +()-" for ch in phone) or sum(ch.isdigit() for ch in phone) < 6:
            raise forms.ValidationError(gettext("Enter a phone number using digits, like 07700 900 982"))
        return phone

    def clean(self):
        cleaned = super().clean()
        force, nation = cleaned.get("police_force"), cleaned.get("nation")
        force_nation = police_forces.nation_for(force)
        if force and nation and force_nation and force_nation != nation:
            self.add_error(
                "police_force",
                gettext(
                    "That police force is not in the nation you chose: choose another, or ‘I don't know’"
                ),
            )
        return cleaned

    def answers(self):
        """What goes into the request: the answers, less the consent box and the honeypot."""
        visible = set(self.visible_field_names()) - {"consent"}
        answers = {name: value for name, value in self.cleaned_data.items() if name in visible}
        answers["contact_method"] = DisclosureRequest.ContactMethod.PHONE
        return answers
