"""A date as three text boxes (day, month, year), the GOV.UK date pattern, with plain error messages.

A native date picker shows dates in the browser's locale (`03/14/1985` beside a hint saying "27 3 1985")
and is hard to use for a date decades ago; three numeric boxes in one fieldset are quick on any keyboard.
"""

import calendar
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from website.request_policy.whole_numbers import digits_only, whole_number

PARTS = ("day", "month", "year")
# "March", "mar" and "Sept" are understood as well as 3.
MONTHS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
    # Welsh month names, for the Welsh form.
    **{
        name: number
        for number, name in enumerate(
            (
                "ionawr",
                "chwefror",
                "mawrth",
                "ebrill",
                "mai",
                "mehefin",
                "gorffennaf",
                "awst",
                "medi",
                "hydref",
                "tachwedd",
                "rhagfyr",
            ),
            start=1,
        )
    },
}
DATE_OF_BIRTH = _("Date of birth")
# The box labels: one word each, "Day", "Month", "Year".
PART_LABELS = {
    "day": pgettext_lazy("date input", "Day"),
    "month": pgettext_lazy("date input", "Month"),
    "year": pgettext_lazy("date input", "Year"),
}
# What is missing, each way it can be (never "a " + " and ".join(parts): the words do not join so in Welsh).
MISSING_MESSAGES = {
    ("day",): _("%(noun)s must include a day"),
    ("month",): _("%(noun)s must include a month"),
    ("year",): _("%(noun)s must include a year"),
    ("day", "month"): _("%(noun)s must include a day and month"),
    ("day", "year"): _("%(noun)s must include a day and year"),
    ("month", "year"): _("%(noun)s must include a month and year"),
}


class DateInput(forms.MultiWidget):
    """Day, Month and Year boxes, each with its own label; the field's label is the fieldset's legend."""

    # In support/templates/: Django's form renderer reads app template folders, not the project's templates/.
    template_name = "support/widgets/date_input.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        part = {"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false", **(attrs or {})}
        super().__init__({name: forms.TextInput(attrs=dict(part)) for name in PARTS})

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for part, subwidget in zip(PARTS, context["widget"]["subwidgets"], strict=True):
            subwidget["label"] = PART_LABELS[part]
            subwidget["part"] = part
        return context

    def id_for_label(self, id_):
        # The error summary links to the first box (Django's MultiWidget gives no id, so no link).
        return f"{id_}_0" if id_ else ""


class DateOfBirthField(forms.Field):
    """A date of birth in the past, from the three boxes; `noun` names it in every error message.

    The noun is lower-cased into whole translated sentences, which then start with a capital: "Enter the
    date of birth", "Date of birth must be a real date" (in Welsh the article comes from the sentence)."""

    widget = DateInput

    def __init__(self, *, noun=DATE_OF_BIRTH, earliest_year=1900, **kwargs):
        self.noun = noun
        self.earliest_year = earliest_year
        super().__init__(**kwargs)

    def message(self, text, **values):
        noun = str(self.noun)
        return capfirst(str(text) % {"noun": noun[:1].lower() + noun[1:], **values})

    def to_python(self, value):
        if isinstance(value, date):
            return value
        parts = list(value) if isinstance(value, (list, tuple)) else [None, None, None]
        day, month, year = (str(part or "").strip() for part in (parts + [None, None, None])[:3])
        if not (day or month or year):
            return None
        missing = [name for name, part in zip(PARTS, (day, month, year), strict=True) if not part]
        if missing:
            raise forms.ValidationError(self.message(MISSING_MESSAGES[tuple(missing)]), code="incomplete")
        # Digits are 0-9 only (website.request_policy.whole_numbers): "²" and "٣" are not a real date, nor are
        # 5,000 digits.
        if digits_only(year) and len(year) != 4:
            raise forms.ValidationError(
                self.message(_("%(noun)s must have a year with 4 numbers, like 1985")), code="year"
            )
        month_number = whole_number(month)
        if month_number is None:
            month_number = MONTHS.get(month.lower().rstrip("."))
        try:
            day_number, year_number = whole_number(day), whole_number(year)
            if day_number is None or year_number is None or not month_number:
                raise ValueError
            return date(year_number, month_number, day_number)
        except (ValueError, OverflowError):
            raise forms.ValidationError(
                self.message(_("%(noun)s must be a real date")), code="invalid"
            ) from None

    def validate(self, value):
        if value is None:
            if self.required:
                raise forms.ValidationError(self.message(_("Enter the %(noun)s")), code="required")
            return
        if value > timezone.localdate():
            raise forms.ValidationError(self.message(_("%(noun)s must be in the past")), code="future")
        if value.year < self.earliest_year:
            raise forms.ValidationError(
                self.message(_("%(noun)s must be %(year)s or later"), year=self.earliest_year),
                code="too_early",
            )

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != self.to_python(self.widget.decompress(initial))
        except forms.ValidationError:
            return True
