"""The counters: a batch moves signatures into (or out of) the counts; a nightly recount corrects drift.

Every signature row carries `counted`. The batch picks rows whose flag disagrees with their state
(verified and not counted, or counted and no longer verified), adds or subtracts them, and flips the
flag in the same transaction, so the counters always equal the rows marked counted. A petition's
PetitionCount row is locked for the whole batch, so two batches (or a batch and a recount) never
double count; a batch that finds the row locked leaves that petition to the holder instead of waiting,
so the scheduler's every-15-seconds runs never pile task workers up behind one long count. Rows verified
in the last few seconds wait for the next run, leaving rows that are still being written alone.

The counters: the total (PetitionCount), per constituency and country (AreaCount), per hour of
verification (HourlyCount: signatures over time) and per constituency per week of verification
(WeeklyConstituencyCount: the lobbying report's trend). A signature leaving the count (withdrawn,
invalidated) leaves the hour and week it was verified in, so each series always adds up to the total.
"""

import logging
from collections import Counter
from datetime import UTC, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncHour
from django.utils import timezone

from petition.models import (
    AreaCount,
    HourlyCount,
    PetitionCount,
    PetitionPage,
    Signature,
    WeeklyConstituencyCount,
)

logger = logging.getLogger("waymark.petition.counting")
BATCH_SIZE = 2000
# Rows committed a moment after their verified_at are still picked up, because the batch moves rows by
# their `counted` flag, not by time; the lag only keeps it off rows being written now.
LAG_SECONDS = 5
VERIFIED = Signature.State.VERIFIED


def _out_of_step(cutoff=None):
    entering = Q(state=VERIFIED, counted=False)
    if cutoff is not None:
        entering &= Q(verified_at__lte=cutoff)
    return entering | (Q(counted=True) & ~Q(state=VERIFIED))


def update_counts(lag_seconds=None):
    """Bring every petition's counters up to date. Returns how many signatures were moved."""
    lag = LAG_SECONDS if lag_seconds is None else lag_seconds
    now = timezone.now()
    cutoff = now - timedelta(seconds=lag)
    petition_ids = (
        Signature.objects.filter(_out_of_step(cutoff))
        .values_list("petition_id", flat=True)
        .order_by("petition_id")
        .distinct()
    )
    return sum(_update_petition(petition_id, cutoff, now) for petition_id in list(petition_ids))


def _update_petition(petition_id, cutoff, now):
    moved = 0
    while True:
        with transaction.atomic():
            counter = _locked_counter(petition_id, skip_if_busy=True)
            if counter is None:
                # Another batch (or the recount) holds this petition and moves its rows; waiting for it
                # would only park a task worker, and workers also send the confirmation emails.
                return moved
            rows = list(
                Signature.objects.filter(_out_of_step(cutoff), petition_id=petition_id)
                .select_for_update(skip_locked=True)
                .order_by("pk")
                .values_list("pk", "state", "constituency_code", "country_code", "verified_at")[:BATCH_SIZE]
            )
            if not rows:
                return moved
            deltas, hours, weeks = Counter(), Counter(), Counter()
            entering, leaving = [], []
            for pk, state, constituency, country, verified_at in rows:
                step = 1 if state == VERIFIED else -1
                (entering if step > 0 else leaving).append(pk)
                deltas[(AreaCount.Kind.CONSTITUENCY, constituency)] += step
                deltas[(AreaCount.Kind.COUNTRY, country)] += step
                # A counted row always has verified_at; were one missing, its hour is this one.
                hour = hour_of(verified_at or now)
                hours[hour] += step
                weeks[(constituency, week_of(hour))] += step
            Signature.objects.filter(pk__in=entering).update(counted=True)
            Signature.objects.filter(pk__in=leaving).update(counted=False)
            counter.signature_count = max(0, counter.signature_count + len(entering) - len(leaving))
            counter.updated_at = now
            counter.save()
            _apply_area_deltas(petition_id, deltas)
            _apply_series_deltas(petition_id, HourlyCount, ("hour",), {(h,): n for h, n in hours.items()})
            _apply_series_deltas(petition_id, WeeklyConstituencyCount, ("code", "week"), weeks)
            moved += len(rows)
        if len(rows) < BATCH_SIZE:
            return moved


def _locked_counter(petition_id, skip_if_busy=False):
    """The petition's counter row, locked for this transaction; with skip_if_busy, None while another
    transaction holds it (PostgreSQL; SQLite serialises writers, so there it is always the row)."""
    PetitionCount.objects.get_or_create(petition_id=petition_id)
    return (
        PetitionCount.objects.select_for_update(skip_locked=skip_if_busy)
        .filter(petition_id=petition_id)
        .first()
    )


def _apply_area_deltas(petition_id, deltas, replace=False):
    """Add the deltas to the area counters (or, with replace, set them and zero the rest)."""
    existing = {(a.kind, a.code): a for a in AreaCount.objects.filter(petition_id=petition_id)}
    changed, created = [], []
    if replace:
        for key, area in existing.items():
            if key not in deltas and area.count:
                area.count = 0
                changed.append(area)
    for (kind, code), delta in deltas.items():
        area = existing.get((kind, code))
        if area is None:
            created.append(AreaCount(petition_id=petition_id, kind=kind, code=code, count=max(0, delta)))
        elif replace or delta:
            area.count = delta if replace else max(0, area.count + delta)
            changed.append(area)
    AreaCount.objects.bulk_create(created)
    AreaCount.objects.bulk_update(changed, ["count"])


def hour_of(moment):
    """The start of the UTC hour `moment` falls in."""
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def week_of(moment):
    """The Monday (UTC) starting the week `moment` falls in."""
    day = moment.astimezone(UTC).date()
    return day - timedelta(days=day.weekday())


def _apply_series_deltas(petition_id, model, fields, deltas, replace=False):
    """Add deltas ({key tuple: n}, keyed by `fields`) to a time series counter (or, with replace, set it):
    one query for the rows touched, then bulk create, update and delete. Rows that reach zero go."""
    rows = model.objects.filter(petition_id=petition_id)
    if not replace:
        # Only the keys touched: a batch touches an hour or two and a week or two, whatever the history.
        first = fields[-1]
        rows = rows.filter(**{f"{first}__in": {key[-1] for key in deltas}})
    existing = {tuple(getattr(row, f) for f in fields): row for row in rows}
    created, changed, emptied = [], [], []
    for key, row in existing.items():
        if replace and key not in deltas:
            emptied.append(row.pk)
    for key, delta in deltas.items():
        row = existing.get(key)
        value = delta if replace or row is None else row.count + delta
        if row is None:
            if value > 0:
                created.append(
                    model(petition_id=petition_id, count=value, **dict(zip(fields, key, strict=True)))
                )
        elif value <= 0:
            emptied.append(row.pk)
        elif value != row.count:
            row.count = value
            changed.append(row)
    model.objects.bulk_create(created)
    model.objects.bulk_update(changed, ["count"])
    model.objects.filter(pk__in=emptied).delete()


def _series_from_rows(verified):
    """(hours, weeks) deltas that rebuild both time series from the verified rows (the nightly recount)."""
    hours, weeks = Counter(), Counter()
    per_hour = (
        verified.annotate(hour=TruncHour("verified_at", tzinfo=UTC))
        .values_list("hour", "constituency_code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for hour, constituency, n in per_hour:
        hour = hour_of(hour or timezone.now())
        hours[(hour,)] += n
        weeks[(constituency, week_of(hour))] += n
    return hours, weeks


def recount(petition_ids=None):
    """Count every petition from its rows, correct the counters, and log any drift. Returns the drifts."""
    ids = petition_ids or list(PetitionPage.objects.values_list("pk", flat=True))
    drifts = {}
    for petition_id in ids:
        with transaction.atomic():
            counter = _locked_counter(petition_id)
            signatures = Signature.objects.filter(petition_id=petition_id)
            stored = counter.signature_count
            counted_before = signatures.filter(counted=True).count()
            signatures.filter(state=VERIFIED, counted=False).update(counted=True)
            signatures.filter(counted=True).exclude(state=VERIFIED).update(counted=False)
            verified = signatures.filter(state=VERIFIED)
            deltas = Counter()
            for kind, field in [
                (AreaCount.Kind.CONSTITUENCY, "constituency_code"),
                (AreaCount.Kind.COUNTRY, "country_code"),
            ]:
                for code, n in verified.values_list(field).annotate(n=Count("pk")).order_by():
                    deltas[(kind, code)] = n
            actual = verified.count()
            if stored != counted_before:
                drifts[petition_id] = counted_before - stored
                logger.warning(
                    "Petition %s: counter said %d but %d signatures were counted; corrected",
                    petition_id,
                    stored,
                    counted_before,
                )
            counter.signature_count = actual
            counter.updated_at = timezone.now()
            counter.save()
            _apply_area_deltas(petition_id, deltas, replace=True)
            hours, weeks = _series_from_rows(verified)
            _apply_series_deltas(petition_id, HourlyCount, ("hour",), hours, replace=True)
            _apply_series_deltas(petition_id, WeeklyConstituencyCount, ("code", "week"), weeks, replace=True)
    return drifts
