"""Signing: store (or re-use) the one row per canonical email, decide if it is fraudulent, queue the email.

The request does the postcode lookup and one transaction holding the INSERT and its email task (or, on
re-signing, a SELECT and an UPDATE); the abuse rules and the rates (PetitionSettings) come from the cache,
and the email is sent by a background task. Confirming a signature is here too.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from petition import abuse, supporters, tokens
from petition.emails import ALREADY_SIGNED, CONFIRM, THANK_YOU
from petition.models.settings import DEFAULT_LIMITS, PetitionSettings
from petition.models.signatures import Signature
from petition.places import locate
from petition.tasks import send_signature_email
from website import client_ip, honeypot, ratelimits


def exceeds_rate_limits(request, petition_id, ip_hash, domain, limits=DEFAULT_LIMITS):
    """True when this IP (per petition) or email domain (per petition) is over any of its rates.
    Every rate is checked and incremented, in one round trip to the shared cache, so the limits hold
    across processes."""
    checks = [(f"petition:{petition_id}:ip:{rate}", ip_hash, rate) for rate in limits.ip_rates]
    checks += [(f"petition:{petition_id}:domain:{rate}", domain, rate) for rate in limits.domain_rates]
    return ratelimits.hit(request, checks)


def fraud_reason(request, petition, *, filled_honeypot, ip, ip_hash, domain, rules):
    Reason = Signature.Reason
    if filled_honeypot:
        return Reason.HONEYPOT
    # Rate limits count every attempt, including ones we would block anyway.
    limits = PetitionSettings.limits_for_page(petition)
    limited = exceeds_rate_limits(request, petition.pk, ip_hash, domain, limits)
    if abuse.ip_blocked(ip, rules):
        return Reason.BLOCKED_IP
    if abuse.domain_block(domain, rules):
        return Reason.BLOCKED_DOMAIN
    if limited:
        return Reason.RATE_LIMITED
    return Reason.NONE


def sign(request, petition, data):
    """Record a signature from the form's cleaned data. Always ends the same way for the signer."""
    rules = abuse.load_rules()
    ip = client_ip.address(request)
    ip_hash = abuse.hash_ip(client_ip.key(request))
    canonical = abuse.canonical_email(data["email"], rules)
    domain = canonical.rpartition("@")[2]
    reason = fraud_reason(
        request,
        petition,
        filled_honeypot=bool(data.get(honeypot.FIELD)),
        ip=ip,
        ip_hash=ip_hash,
        domain=domain,
        rules=rules,
    )
    constituency_code, country_code = locate(data.get("postcode", ""), data.get("country", ""))
    details = {
        "name": data["name"],
        "email": data["email"],
        "email_domain": domain,
        "postcode": data.get("postcode", ""),
        "constituency_code": constituency_code,
        "country_code": country_code,
        "opt_in": bool(data.get("opt_in")),
        "ip_hash": ip_hash,
    }
    state = Signature.State.FRAUDULENT if reason else Signature.State.PENDING
    try:
        # One transaction for the row and its email task: one commit (one disk flush) per signature,
        # and the task row exists exactly when the signature does.
        with transaction.atomic():
            signature = Signature.objects.create(
                petition=petition, canonical_email=canonical, state=state, fraud_reason=reason, **details
            )
            if not reason:
                queue_email(signature.pk, CONFIRM)
    except IntegrityError:
        # Someone (perhaps a concurrent request) holds this email's row: re-use it.
        signature = Signature.objects.filter(petition=petition, canonical_email=canonical).first()
        if signature is not None:  # None if withdrawn in between: nothing to do
            _sign_again(signature, details, reason)


def _sign_again(signature, details, reason):
    State = Signature.State
    if reason:
        return  # rate-limited or blocked: the existing row stays as it is, and nobody is emailed
    if signature.state == State.VERIFIED:
        queue_email(signature.pk, ALREADY_SIGNED)
        return
    # A pending signature takes the newest details; a rate-limited one gets a second chance.
    # Staff invalidations stand. The state condition makes a concurrent confirmation win.
    with transaction.atomic():
        updated = (
            Signature.objects.filter(pk=signature.pk, state__in=[State.PENDING, State.FRAUDULENT])
            .exclude(fraud_reason=Signature.Reason.STAFF)
            .update(state=State.PENDING, fraud_reason="", **details)
        )
        if updated:
            queue_email(signature.pk, CONFIRM)


def confirm(petition, token):
    """Verify the pending signature this confirmation token belongs to, and thank its signer.
    True if it did; a token works once, until it expires."""
    pending = Signature.objects.filter(
        petition=petition,
        state=Signature.State.PENDING,
        token_hash=tokens.hash_token(token),
        token_expires_at__gt=timezone.now(),
    )
    signature_id = pending.values_list("pk", flat=True).first()
    with transaction.atomic():
        # Single use: the token hash goes in the same UPDATE that verifies.
        verified = signature_id and pending.filter(pk=signature_id).update(
            state=Signature.State.VERIFIED, verified_at=timezone.now(), token_hash=None
        )
        if verified:
            supporters.record_consent(signature_id)
            queue_email(signature_id, THANK_YOU)
    return bool(verified)


def queue_email(signature_id, kind):
    """Call inside the transaction that wrote the signature: with the database task backend the task
    row commits (or rolls back) with it, so a worker never looks for a row that is not there yet."""
    send_signature_email.enqueue(signature_id, kind)
