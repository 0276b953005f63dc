"""Filters and columns the petition listings share: dates, constituencies by name, signers' names as staff
see them."""

import django_filters
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column

from geography.models.places import Constituency
from website.request_policy.text_direction import without_bidi_controls


def date_range(label):
    return django_filters.DateFromToRangeFilter(label=label, widget=DateRangePickerWidget)


def constituency_choices():
    return list(Constituency.objects.values_list("code", "name"))


def constituency_filter():
    # Staff know places by name: the choice shows the name and filters on the code the row holds.
    return django_filters.ChoiceFilter(
        field_name="constituency_code", label="Constituency", choices=constituency_choices
    )


# A constituency's name beside each signature, from one query (Signature.objects.with_constituency_names).
CONSTITUENCY_COLUMN = Column("constituency_name", label="Constituency")


def signer_name(signature):
    """The name as staff see it: stored before signing stripped them, it may hold direction controls."""
    return without_bidi_controls(signature.name)


NAME_COLUMN = Column("name", label="Name", accessor=signer_name, sort_key="name")
