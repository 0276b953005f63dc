"""Counting: batched counters per petition, constituency and country; nightly recount; the command."""

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from petition import counting
from petition.models import AreaCount, HourlyCount, PetitionCount, Signature, WeeklyConstituencyCount
from tests.petition.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def areas(petition, kind):
    rows = AreaCount.objects.filter(petition=petition, kind=kind, count__gt=0)
    return dict(rows.values_list("code", "count"))


def total(petition):
    return PetitionCount.objects.get(petition=petition).signature_count


def verified(petition, n, seconds_ago=60, **fields):
    at = timezone.now() - timedelta(seconds=seconds_ago)
    return [SignatureFactory(petition=petition, verified=True, verified_at=at, **fields) for _ in range(n)]


def test_only_verified_signatures_count(petition):
    verified(petition, 3)
    SignatureFactory(petition=petition)  # pending
    SignatureFactory(petition=petition, state=Signature.State.FRAUDULENT)
    assert counting.update_counts() == 3
    assert total(petition) == 3


def test_counts_by_constituency_and_country(petition):
    verified(petition, 2, constituency_code="E14000001", country_code="E92000001")
    verified(petition, 1, constituency_code="S14000001", country_code="S92000003")
    verified(petition, 1, constituency_code="", country_code="IE")
    counting.update_counts()
    assert areas(petition, "constituency") == {"E14000001": 2, "S14000001": 1, "": 1}
    assert areas(petition, "country") == {"E92000001": 2, "S92000003": 1, "IE": 1}


def test_the_batch_waits_a_few_seconds_for_late_commits(petition):
    assert counting.LAG_SECONDS == 5
    verified(petition, 1, seconds_ago=1)
    assert counting.update_counts() == 0
    assert counting.update_counts(lag_seconds=0) == 1


def test_a_second_run_adds_nothing(petition):
    verified(petition, 2)
    counting.update_counts()
    assert counting.update_counts() == 0
    assert total(petition) == 2


def test_withdrawn_and_invalidated_signatures_leave_the_counts(petition):
    signatures = verified(petition, 3, constituency_code="E14000001", country_code="E92000001")
    counting.update_counts()
    Signature.objects.filter(pk=signatures[0].pk).update(state=Signature.State.WITHDRAWN)
    Signature.objects.filter(pk=signatures[1].pk).update(state=Signature.State.INVALIDATED)
    counting.update_counts()
    assert total(petition) == 1
    assert areas(petition, "constituency") == {"E14000001": 1}


def test_large_batches_are_processed_in_chunks(petition, monkeypatch):
    monkeypatch.setattr(counting, "BATCH_SIZE", 3)
    verified(petition, 7)
    assert counting.update_counts() == 7
    assert total(petition) == 7


def test_the_nightly_recount_corrects_and_logs_drift(petition, caplog):
    verified(petition, 4, constituency_code="E14000001")
    counting.update_counts()
    PetitionCount.objects.filter(petition=petition).update(signature_count=10)
    AreaCount.objects.filter(petition=petition, kind="constituency").update(count=99)
    with caplog.at_level(logging.WARNING, logger="waymark.petition.counting"):
        drifts = counting.recount()
    assert drifts == {petition.pk: -6}
    assert "corrected" in caplog.text
    assert total(petition) == 4
    assert areas(petition, "constituency") == {"E14000001": 4}


def test_the_recount_also_takes_in_signatures_the_batch_has_not_reached(petition):
    verified(petition, 2, seconds_ago=0)
    assert counting.recount() == {}
    assert total(petition) == 2
    assert counting.update_counts(lag_seconds=0) == 0


def test_update_petition_counts_command_runs_the_batch(petition):
    verified(petition, 2)
    call_command("update_petition_counts")
    assert total(petition) == 2
    verified(petition, 1, seconds_ago=0)
    call_command("update_petition_counts", "--no-lag")
    assert total(petition) == 3
    call_command("update_petition_counts", "--recount")
    assert total(petition) == 3


def test_the_periodic_tasks_are_scheduled(settings):
    from website.management.commands.run_scheduler import load_schedule

    names = {task.name for task, _every in load_schedule()}
    assert {"update_counts", "recount", "check_signature_alerts", "anonymise_closed_petitions"} <= names
    every = dict(settings.PERIODIC_TASKS)
    # The page is at most a minute behind: the batch runs well inside that.
    assert every["petition.periodic_tasks.update_counts"] + counting.LAG_SECONDS < 60


def test_the_tasks_run(petition):
    from petition import periodic_tasks

    verified(petition, 1)
    periodic_tasks.update_counts.enqueue()
    periodic_tasks.recount.enqueue()
    assert total(petition) == 1


def test_each_petition_is_visited_once_per_run(petition, monkeypatch):
    verified(petition, 3, seconds_ago=60)
    verified(petition, 2, seconds_ago=30)
    visited = []
    original = counting._update_petition

    def recording(petition_id, *args):
        visited.append(petition_id)
        return original(petition_id, *args)

    monkeypatch.setattr(counting, "_update_petition", recording)
    counting.update_counts()
    assert visited == [petition.pk]


# --- Signatures over time: the hourly series, and the weekly series per constituency ------------------------

HOUR = timedelta(hours=1)


@pytest.fixture
def at_hour():
    """at_hour(n, minute): `minute` minutes past the hour n hours before this one (fixed for the test)."""
    this_hour = counting.hour_of(timezone.now())
    return lambda hours_ago, minute=20: this_hour - hours_ago * HOUR + timedelta(minutes=minute)


def verified_at(petition, moment, n=1, **fields):
    return [
        SignatureFactory(petition=petition, verified=True, verified_at=moment, **fields) for _ in range(n)
    ]


def series(petition):
    return dict(HourlyCount.objects.filter(petition=petition).values_list("hour", "count"))


def weekly(petition):
    rows = WeeklyConstituencyCount.objects.filter(petition=petition)
    return {(code, week): n for code, week, n in rows.values_list("code", "week", "count")}


def test_each_signature_counts_in_the_hour_it_was_verified(petition, at_hour):
    verified_at(petition, at_hour(3), 2)
    verified_at(petition, at_hour(3, minute=59))
    verified_at(petition, at_hour(1, minute=0), 4)
    counting.update_counts()
    assert series(petition) == {at_hour(3, minute=0): 3, at_hour(1, minute=0): 4}
    assert sum(series(petition).values()) == total(petition) == 7


def test_across_batches_a_late_signature_joins_its_own_hour_not_the_batch_hour(petition, at_hour):
    verified_at(petition, at_hour(2), 2)
    counting.update_counts()
    late = verified_at(petition, at_hour(2, minute=30))  # committed after that batch ran
    Signature.objects.filter(pk=late[0].pk).update(counted=False)
    newest = verified_at(petition, timezone.now())[0]  # inside the lag: waits for the next batch
    counting.update_counts()
    assert series(petition) == {at_hour(2, minute=0): 3}
    counting.update_counts(lag_seconds=0)
    assert series(petition) == {at_hour(2, minute=0): 3, counting.hour_of(newest.verified_at): 1}
    assert sum(series(petition).values()) == total(petition) == 4


def test_a_withdrawn_signature_leaves_the_hour_it_was_verified_in(petition, at_hour):
    from petition import privacy

    early = verified_at(petition, at_hour(5), 2)
    verified_at(petition, at_hour(1), 1)
    counting.update_counts()
    assert privacy.withdraw(early[0].pk, petition.pk)
    counting.update_counts()
    assert series(petition) == {at_hour(5, minute=0): 1, at_hour(1, minute=0): 1}
    assert privacy.withdraw(early[1].pk, petition.pk)
    counting.update_counts()
    assert series(petition) == {at_hour(1, minute=0): 1}  # an hour with nothing left has no row
    assert total(petition) == 1


def test_invalidated_signatures_leave_their_hours_too(petition, at_hour):
    from petition.admin.views import invalidate

    verified_at(petition, at_hour(4), 3, email_domain="spam.example")
    verified_at(petition, at_hour(4), 1, email_domain="example.org")
    counting.update_counts()
    invalidate(Signature.objects.filter(petition=petition, email_domain="spam.example"))
    assert series(petition) == {at_hour(4, minute=0): 1}
    assert sum(series(petition).values()) == total(petition) == 1


def test_each_constituency_has_its_weekly_series(petition):
    recently = timezone.now() - timedelta(minutes=5)
    this_week, last_week = counting.week_of(recently), counting.week_of(recently - timedelta(days=7))
    verified_at(petition, recently, 2, constituency_code="E14000001")
    verified_at(petition, recently - timedelta(days=7), 3, constituency_code="E14000001")
    verified_at(petition, recently - timedelta(days=7), 1, constituency_code="")
    counting.update_counts()
    assert weekly(petition) == {("E14000001", this_week): 2, ("E14000001", last_week): 3, ("", last_week): 1}
    assert this_week.weekday() == 0 and this_week - last_week == timedelta(days=7)


def test_the_nightly_recount_rebuilds_both_series_from_the_rows(petition, at_hour):
    verified_at(petition, at_hour(6), 2, constituency_code="E14000001")
    verified_at(petition, at_hour(2), 1, constituency_code="S14000001")
    counting.update_counts()
    expected_hours, expected_weeks = series(petition), weekly(petition)
    HourlyCount.objects.filter(petition=petition).update(count=40)
    HourlyCount.objects.create(petition=petition, hour=at_hour(30, minute=0), count=5)
    WeeklyConstituencyCount.objects.filter(petition=petition).delete()
    counting.recount()
    assert series(petition) == expected_hours
    assert weekly(petition) == expected_weeks
