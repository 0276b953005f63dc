"""The honeypot: a field people never see (hidden by CSS and from screen readers) and bots fill in."""

from crispy_forms.layout import Div, Field
from django import forms
from django.utils.translation import gettext_lazy as _

FIELD = "website"


class HoneypotForm(forms.Form):
    """A base for public forms. Put `honeypot_layout()` in the crispy layout; `is_spam` says it was filled."""

    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix(FIELD)))

    def visible_field_names(self):
        return [name for name in self.fields if name != FIELD]


def honeypot_layout():
    return Div(Field(FIELD), css_class="honeypot", aria_hidden="true")
