"""The counters: a batch moves signatures into (or out of) the counts; a nightly recount corrects drift.

Every signature row carries `counted`. The batch picks rows whose flag disagrees with their state
(verified and not counted, or counted and no longer verified), adds or subtracts them, and flips the
flag in the same transaction, so the counters always equal the rows marked counted. A petition's
PetitionCount row is locked for the whole batch, so two batches (or a batch and a recount) never
double count. Rows verified in the last few seconds wait for the next run, leaving rows that are
still being written alone.
"""

import logging
from collections import Counter
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from petition.models import AreaCount, PetitionCount, PetitionPage, Signature

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
    cutoff = timezone.now() - timedelta(seconds=lag)
    petition_ids = (
        Signature.objects.filter(_out_of_step(cutoff))
        .values_list("petition_id", flat=True)
        .order_by("petition_id")
        .distinct()
    )
    return sum(_update_petition(petition_id, cutoff) for petition_id in list(petition_ids))


def _update_petition(petition_id, cutoff):
    moved = 0
    while True:
        with transaction.atomic():
            counter = _locked_counter(petition_id)
            rows = list(
                Signature.objects.filter(_out_of_step(cutoff), petition_id=petition_id)
                .select_for_update(skip_locked=True)
                .order_by("pk")
                .values_list("pk", "state", "constituency_code", "country_code")[:BATCH_SIZE]
            )
            if not rows:
                return moved
            deltas = Counter()
            entering, leaving = [], []
            for pk, state, constituency, country in rows:
                step = 1 if state == VERIFIED else -1
                (entering if step > 0 else leaving).append(pk)
                deltas[(AreaCount.Kind.CONSTITUENCY, constituency)] += step
                deltas[(AreaCount.Kind.COUNTRY, country)] += step
            Signature.objects.filter(pk__in=entering).update(counted=True)
            Signature.objects.filter(pk__in=leaving).update(counted=False)
            counter.signature_count = max(0, counter.signature_count + len(entering) - len(leaving))
            counter.updated_at = timezone.now()
            counter.save()
            _apply_area_deltas(petition_id, deltas)
            moved += len(rows)
        if len(rows) < BATCH_SIZE:
            return moved


def _locked_counter(petition_id):
    PetitionCount.objects.get_or_create(petition_id=petition_id)
    return PetitionCount.objects.select_for_update().get(petition_id=petition_id)


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
    return drifts
