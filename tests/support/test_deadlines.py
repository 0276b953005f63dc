"""The first-contact promise, "usually within two working days", counted with each nation's bank holidays."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from support import deadlines
from support.models import DisclosureRequest
from tests.support.factories import DisclosureRequestFactory


def at(day, hour=12, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def test_a_request_is_due_two_working_days_after_the_day_it_arrives():
    assert deadlines.due_date(at(date(2026, 11, 30))) == date(2026, 12, 2)  # Monday → Wednesday


def test_a_request_sent_on_friday_evening_or_at_the_weekend_is_due_on_tuesday():
    assert deadlines.due_date(at(date(2026, 11, 27), 23, 30)) == date(2026, 12, 1)
    assert deadlines.due_date(at(date(2026, 11, 28))) == date(2026, 12, 1)
    assert deadlines.due_date(at(date(2026, 11, 29))) == date(2026, 12, 1)


@pytest.mark.parametrize("nation", ["england", "wales", "scotland", "northern-ireland"])
def test_christmas_and_the_boxing_day_substitute_are_not_working_days(nation):
    # Christmas Day 2026 is a Friday; Boxing Day falls on Saturday, so Monday 28th is the bank holiday.
    assert deadlines.due_date(at(date(2026, 12, 24)), nation) == date(2026, 12, 30)
    assert deadlines.due_date(at(date(2026, 12, 23)), nation) == date(2026, 12, 29)


def test_the_second_of_january_is_a_holiday_in_scotland_only():
    new_years_eve = at(date(2024, 12, 31))  # a Tuesday; 1 and 2 January 2025 are Wednesday and Thursday
    assert deadlines.due_date(new_years_eve, "england") == date(2025, 1, 3)
    assert deadlines.due_date(new_years_eve, "wales") == date(2025, 1, 3)
    assert deadlines.due_date(new_years_eve, "northern-ireland") == date(2025, 1, 3)
    assert deadlines.due_date(new_years_eve, "scotland") == date(2025, 1, 6)


def test_saint_patricks_day_is_a_holiday_in_northern_ireland_only():
    # 17 March 2026 is a Tuesday.
    assert deadlines.due_date(at(date(2026, 3, 16)), "england") == date(2026, 3, 18)
    assert deadlines.due_date(at(date(2026, 3, 16)), "northern-ireland") == date(2026, 3, 19)


def test_a_request_with_no_nation_follows_the_england_calendar():
    assert deadlines.due_date(at(date(2024, 12, 31)), "") == date(2025, 1, 3)


@pytest.mark.django_db
def test_the_overdue_and_due_today_queries_agree_with_the_due_dates_across_the_holidays():
    """One request a day per nation over Christmas and New Year; every day, the queries match the dates."""
    first = date(2026, 12, 14)
    days = [first + timedelta(days=n) for n in range(30)]
    requests = [
        DisclosureRequestFactory(nation=nation, created_at=at(day, 23, 30))
        for day in days
        for nation in deadlines.SUBDIVISIONS
    ]
    for today in days:
        overdue = set(
            DisclosureRequest.objects.filter(deadlines.overdue_filter(today)).values_list("pk", flat=True)
        )
        due_today = set(
            DisclosureRequest.objects.filter(deadlines.due_today_filter(today)).values_list("pk", flat=True)
        )
        assert overdue == {r.pk for r in requests if r.due_date < today}, today
        assert due_today == {r.pk for r in requests if r.due_date == today}, today


@pytest.mark.django_db
def test_a_scottish_request_is_not_overdue_on_the_second_of_january_when_an_english_one_is():
    english = DisclosureRequestFactory(nation="england", created_at=at(date(2024, 12, 30)))
    scottish = DisclosureRequestFactory(nation="scotland", created_at=at(date(2024, 12, 30)))
    due_today = DisclosureRequest.objects.filter(deadlines.due_today_filter(date(2025, 1, 2)))
    assert list(due_today) == [english]
    assert not DisclosureRequest.objects.filter(
        deadlines.overdue_filter(date(2025, 1, 3)), pk=scottish.pk
    ).exists()
    assert DisclosureRequest.objects.filter(
        deadlines.overdue_filter(date(2025, 1, 3)), pk=english.pk
    ).exists()


@pytest.mark.django_db
def test_the_clock_stops_at_the_first_contact_attempt_or_when_the_status_moves_on(caseworker):
    old = at(date(2026, 11, 2))
    contacted = DisclosureRequestFactory(created_at=old)
    contacted.contact_attempts.create(caseworker=caseworker, method="phone", outcome="no_answer")
    moved_on = DisclosureRequestFactory(created_at=old, status=DisclosureRequest.Status.CONTACTED)
    waiting = DisclosureRequestFactory(created_at=old)
    overdue = DisclosureRequest.objects.filter(deadlines.overdue_filter(date(2026, 12, 1)))
    assert list(overdue) == [waiting]
    assert waiting.deadline_state == "overdue"
    assert contacted.deadline_state == moved_on.deadline_state == ""
