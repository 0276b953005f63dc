"""The "Check your answers" page of both forms: every answer as it will be sent, each with its Change button.

GOV.UK's check-answers pattern: a summary list of question and answer, with a "Change" action per row that
goes back to the question and then returns here. The forms' own fields say what each question is called and
how its answer reads (a choice's label, a date written out), so the summary always matches the form.
"""

from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext

from support.date_input import DateOfBirthField
from support.forms import without_optional


def rows(form, answers, *, step=None):
    """The summary rows of one step's answers: [{"name", "question", "answer", "step"}].

    `form` is an unbound instance of the step's form (its labels are the ones the person saw). A question the
    form asks only in some cases (its `asked_if_answered`) has no row when it was left blank; any other blank
    answer reads "Not given". Consent boxes are not answers to check: sending is the agreement.
    """
    result = []
    conditional = getattr(form, "asked_if_answered", ())
    for name in form.visible_field_names():
        field = form.fields[name]
        if isinstance(field, forms.BooleanField):
            continue
        value = answers.get(name)
        if value in (None, "") and name in conditional:
            continue
        result.append(
            {
                "name": name,
                "question": without_optional(field.label),
                "answer": shown(field, value),
                "step": step,
            }
        )
    return result


def shown(field, value):
    """How an answer reads on the check page."""
    if isinstance(field, forms.ChoiceField):
        # A blank choice may have a label of its own ("I don't know").
        label = dict(field.choices).get("" if value is None else value)
        if label:
            return str(label)
    if value in (None, ""):
        return gettext("Not given")
    if isinstance(field, DateOfBirthField):
        day = value if isinstance(value, date) else _date(value)
        return date_format(day, "j F Y") if day else str(value)
    return str(value)


def _date(value):
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
