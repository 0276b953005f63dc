"""The promise on the confirmation pages, "we usually contact you within two working days", as dates.

A request is due on the second working day after the day it arrived (a request sent on a Saturday or on
Friday evening is due on Tuesday), where working days are Monday to Friday less the bank holidays of the
nation the request comes from (the `holidays` library: England, Wales, Scotland, Northern Ireland). The clock
stops at the first contact: a logged contact attempt, or a status past "Triaged".

Due dates only move forward as the arrival date does, so "overdue today" is "arrived on or before day X" for
each nation: that is what `overdue_filter` and `due_today_filter` turn into a query.
"""

import functools
from datetime import datetime, time, timedelta

import holidays
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PROMISED_WORKING_DAYS = 2

ENGLAND = "england"
WALES = "wales"
SCOTLAND = "scotland"
NORTHERN_IRELAND = "northern-ireland"
NATION_CHOICES = [
    (ENGLAND, _("England")),
    (WALES, _("Wales")),
    (SCOTLAND, _("Scotland")),
    (NORTHERN_IRELAND, _("Northern Ireland")),
]
# The `holidays` library's subdivisions of the UK.
SUBDIVISIONS = {ENGLAND: "ENG", WALES: "WLS", SCOTLAND: "SCT", NORTHERN_IRELAND: "NIR"}
# Requests with no nation (British Transport Police, older rows) follow the England calendar.
DEFAULT_NATION = ENGLAND

# The statuses in which nobody has contacted the person yet.
AWAITING_CONTACT_STATUSES = ["new", "triaged"]


@functools.cache
def _calendar(nation, year):
    return holidays.UK(subdiv=SUBDIVISIONS.get(nation, SUBDIVISIONS[DEFAULT_NATION]), years=year)


def is_working_day(day, nation=DEFAULT_NATION):
    return day.weekday() < 5 and day not in _calendar(nation, day.year)


def add_working_days(day, count, nation=DEFAULT_NATION):
    """The `count`th working day after `day` (not counting `day` itself)."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day, nation):
            count -= 1
    return day


def due_date(received, nation=DEFAULT_NATION):
    """The day by which someone who wrote at `received` (an aware datetime) should have been contacted."""
    return add_working_days(timezone.localdate(received), PROMISED_WORKING_DAYS, nation or DEFAULT_NATION)


def latest_arrival_due_by(day, nation):
    """The last arrival date whose due date is on or before `day`."""
    arrival = day
    while add_working_days(arrival, PROMISED_WORKING_DAYS, nation) > day:
        arrival -= timedelta(days=1)
    return arrival


def start_of(day):
    """The first instant of `day` in local time."""
    return timezone.make_aware(datetime.combine(day, time.min))


def awaiting_contact_filter():
    """Requests nobody has contacted yet: the ones the promise is about."""
    return Q(status__in=AWAITING_CONTACT_STATUSES, contact_attempts__isnull=True)


def _nation_q(nation):
    if nation == DEFAULT_NATION:
        return Q(nation=nation) | Q(nation="")
    return Q(nation=nation)


def overdue_filter(today=None):
    """Requests awaiting first contact whose due date is before `today`."""
    today = today or timezone.localdate()
    arrived_by = Q()
    for nation in SUBDIVISIONS:
        cutoff = latest_arrival_due_by(today - timedelta(days=1), nation)
        arrived_by |= _nation_q(nation) & Q(created_at__lt=start_of(cutoff + timedelta(days=1)))
    return awaiting_contact_filter() & arrived_by


def due_today_filter(today=None):
    """Requests awaiting first contact whose due date is `today`."""
    today = today or timezone.localdate()
    arrived = Q()
    for nation in SUBDIVISIONS:
        earliest = latest_arrival_due_by(today - timedelta(days=1), nation) + timedelta(days=1)
        latest = latest_arrival_due_by(today, nation)
        if latest < earliest:  # today is not a working day there: nothing falls due
            continue
        arrived |= _nation_q(nation) & Q(
            created_at__gte=start_of(earliest), created_at__lt=start_of(latest + timedelta(days=1))
        )
    if not arrived:
        return Q(pk__in=[])
    return awaiting_contact_filter() & arrived
