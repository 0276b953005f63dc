"""Whole numbers read from what a visitor sends (addresses, tokens, query strings, form fields): the one way
the site turns their text into an int.

`str.isdigit()` and `int()` are not that test: `"²".isdigit()` is true but `int("²")` fails, `int("٣")` and
`int("１")` are 3 and 1, and `int()` refuses more than 4,300 digits with a ValueError. Here a number is ASCII
digits 0-9 only, at most `MAX_DIGITS` of them, so it always converts and always fits a database integer.
"""

import re

from django import forms

# 18 digits always fit a signed 64-bit integer (bigint, PostgreSQL's largest), so a lookup never overflows.
MAX_DIGITS = 18
_DIGITS = re.compile(r"[0-9]+")


def digits_only(text):
    """True when `text` is one or more of the ASCII digits 0-9 and nothing else, however many."""
    return isinstance(text, str) and _DIGITS.fullmatch(text) is not None


def whole_number(text, *, max_digits=MAX_DIGITS):
    """The number `text` spells in ASCII digits (0 or more), or None for anything else: a sign, a space,
    other scripts' digits, an exponent, an empty string, too many digits, or not a string at all."""
    if not digits_only(text) or len(text) > max_digits:
        return None
    return int(text)


class WholeNumberConverter:
    """`<id:name>` in a URL pattern: ASCII digits, at most `MAX_DIGITS`. Anything else is not a match (404),
    where Django's `<int:…>` takes any number of digits and a 20-digit id overflows the database lookup."""

    regex = f"[0-9]{{1,{MAX_DIGITS}}}"

    def to_python(self, value):
        number = whole_number(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)


class WholeNumberField(forms.IntegerField):
    """A form's whole number: ASCII digits only (after trimming spaces), at most `max_digits` of them; any
    other text is the field's "invalid" message (IntegerField's, "Enter a whole number.", unless the form
    gives its own), shown next to it. min_value and max_value work as usual."""

    def __init__(self, *, max_digits=MAX_DIGITS, **kwargs):
        self.max_digits = max_digits
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value).strip()
        if not text:
            return None
        number = whole_number(text, max_digits=self.max_digits)
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number
