"""What a signer can do to their own signature (withdraw it, unsubscribe: both end campaign updates too), and
anonymising a petition's signatures: personal data goes, the counts stay, and supporters' consent to updates
(petition.supporters) stays on its own terms. When it happens by itself is petition.retention."""

from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from petition import supporters
from petition.models.signatures import Signature

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
    """The signer takes their name off: the row leaves the count at the next batch, and they get no more
    campaign updates. True if it did."""
    supporters.forget_signers(Q(pk=signature_id, petition_id=petition_id))
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
    supporters.forget_signers(Q(pk=signature_id, petition_id=petition_id))
    return Signature.objects.filter(pk=signature_id, petition_id=petition_id).update(
        opt_in=False, unsubscribed_at=timezone.now()
    )


def anonymise(petition_id):
    return Signature.objects.filter(petition_id=petition_id, anonymised_at__isnull=True).update(
        canonical_email=_placeholder("anonymised:"), anonymised_at=timezone.now(), **PERSONAL_DATA_CLEARED
    )
