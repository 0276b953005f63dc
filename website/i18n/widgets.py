"""Form widgets whose choices say which of them are still in the default language (`lang="en-GB"`), so a
screen reader on a Welsh or Urdu form reads an untranslated name with English rules, and it keeps its own
direction inside a right-to-left page."""

from django import forms

from website.i18n.fallbacks import attributes_if_untranslated


class MarkedSelect(forms.Select):
    """A drop-down whose options left in the default language carry its `lang` and `dir`."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"] = {**option["attrs"], **attributes_if_untranslated(label)}
        return option
