"""Withdrawal and anonymisation: personal data goes, the counts stay."""

import calendar
from datetime import timedelta

from django.conf import settings
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from petition.models import PetitionPage, Signature

PERSONAL_DATA_CLEARED = {
    "name": "",
    "email": "",
    "email_domain": "",
    "postcode": "",
    "ip_hash": "",
    "token_hash": None,
    "token_expires_at": None,
    "opt_in": False,
}


def _placeholder(prefix):
    # Keeps (petition, canonical_email) unique without keeping the address.
    return Concat(Value(prefix), Cast("pk", CharField()))


def withdraw(signature_id, petition_id):
    """The signer takes their name off: the row leaves the count at the next batch. True if it did."""
    now = timezone.now()
    return bool(
        Signature.objects.filter(pk=signature_id, petition_id=petition_id)
        .exclude(state__in=[Signature.State.WITHDRAWN, Signature.State.INVALIDATED])
        .update(
            state=Signature.State.WITHDRAWN,
            canonical_email=_placeholder("withdrawn:"),
            anonymised_at=now,
            **PERSONAL_DATA_CLEARED,
        )
    )


def unsubscribe(signature_id, petition_id):
    return Signature.objects.filter(pk=signature_id, petition_id=petition_id).update(
        opt_in=False, unsubscribed_at=timezone.now()
    )


def add_months(moment, months):
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def anonymise(petition_id):
    return Signature.objects.filter(petition_id=petition_id, anonymised_at__isnull=True).update(
        canonical_email=_placeholder("anonymised:"), anonymised_at=timezone.now(), **PERSONAL_DATA_CLEARED
    )


def anonymise_closed_petitions(now=None):
    """Anonymise the signatures of every petition closed more than PETITION_ANONYMISE_AFTER_MONTHS ago,
    and delete signatures never confirmed a month after their link expired. Returns rows changed."""
    now = now or timezone.now()
    changed = 0
    for page in PetitionPage.objects.all():
        closed = page.closed_since()
        if closed and add_months(closed, settings.PETITION_ANONYMISE_AFTER_MONTHS) <= now:
            changed += anonymise(page.pk)
    stale = now - timedelta(days=settings.PETITION_CONFIRM_DAYS + 30)
    deleted, _ = Signature.objects.filter(
        state=Signature.State.PENDING, counted=False, created_at__lt=stale
    ).delete()
    return changed + deleted
