"""Consent to campaign updates: recorded when a signer confirms with the box ticked, withdrawn by
unsubscribing (from an update, or from a petition email) or by withdrawing a signature, erased when it lapses
(petition.retention). Unsubscribing erases the address at once: nothing is kept to email."""

from django.db.models import Q
from django.utils import timezone, translation

from petition import languages
from petition.models.signatures import Signature
from petition.models.updates import Supporter

ERASED = {"email": "", "name": ""}


def consent_wording():
    from petition.forms import SignatureForm

    return str(SignatureForm.base_fields["opt_in"].label)


def record_consent(signature_id):
    """The signer of this just-confirmed signature asked for updates: make or renew their consent record.
    Returns the Supporter, or None when they did not tick the box."""
    signature = (
        Signature.objects.filter(pk=signature_id, state=Signature.State.VERIFIED, opt_in=True)
        .only("email", "name", "petition_id", "verified_at", "language")
        .first()
    )
    if signature is None or not signature.email:
        return None
    language = languages.supported(signature.language)
    # The box as they saw it, in the language they signed in (confirming may happen in another).
    with translation.override(language):
        wording = consent_wording()
    fields = {
        "name": signature.name,
        "source_petition_id": signature.petition_id,
        "consented_at": signature.verified_at or timezone.now(),
        "consent_wording": wording,
        "language": language,
        "unsubscribed_at": None,
        "erased_at": None,
    }
    supporter, _ = Supporter.objects.update_or_create(email=signature.email.strip().lower(), defaults=fields)
    return supporter


def unsubscribe(supporter_id):
    """One-click unsubscribe: idempotent; the address and name go at once. True if it changed anything."""
    now = timezone.now()
    changed = Supporter.objects.filter(pk=supporter_id, unsubscribed_at__isnull=True).update(
        unsubscribed_at=now, erased_at=now, **ERASED
    )
    return bool(changed)


def forget_email(email):
    """Someone unsubscribed or withdrew through a petition email: no more campaign updates either."""
    email = (email or "").strip().lower()
    if not email:
        return 0
    now = timezone.now()
    return Supporter.objects.filter(email=email).update(unsubscribed_at=now, erased_at=now, **ERASED)


def forget_signers(signature_filter):
    """forget_email for every signature matching the filter (a Q), before their addresses are cleared."""
    emails = Signature.objects.filter(signature_filter).exclude(email="").values_list("email", flat=True)
    return sum(forget_email(email) for email in set(emails))


def erase_lapsed(consented_before):
    """Erase consent records last given before this moment (the retention period has run out)."""
    now = timezone.now()
    return Supporter.objects.filter(Q(consented_at__lt=consented_before), erased_at__isnull=True).update(
        erased_at=now, **ERASED
    )
