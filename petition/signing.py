"""Signing: store (or re-use) the one row per canonical email, decide if it is fraudulent, queue the email.

The request does at most a postcode lookup and one INSERT (or, on re-signing, a SELECT and an UPDATE);
rules come from the cache, and the email is sent by a background task.
"""

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.transaction import on_commit
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

from petition import rules as abuse
from petition.models import Signature
from petition.places import locate

CONFIRM, ALREADY_SIGNED, THANK_YOU = "confirm", "already_signed", "thank_you"


def rate_limited(request, petition_id, ip_hash, domain):
    """True when this IP (per petition) or email domain (per petition) is over any of its rates.
    Every rate is checked and incremented, so the limits hold across processes on the shared cache."""
    limited = False
    checks = [("ip", ip_hash, rate) for rate in settings.PETITION_IP_RATES]
    checks += [("domain", domain, rate) for rate in settings.PETITION_DOMAIN_RATES]
    for kind, value, rate in checks:
        limited |= is_ratelimited(
            request,
            group=f"petition:{petition_id}:{kind}:{rate}",
            key=lambda _group, _request, value=value: value,
            rate=rate,
            method=ALL,
            increment=True,
        )
    return limited


def fraud_reason(request, petition, *, honeypot, ip, ip_hash, domain, rules):
    Reason = Signature.Reason
    if honeypot:
        return Reason.HONEYPOT
    # Rate limits count every attempt, including ones we would block anyway.
    limited = rate_limited(request, petition.pk, ip_hash, domain)
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
    ip = abuse.client_ip(request)
    ip_hash = abuse.hash_ip(ip)
    canonical = abuse.canonical_email(data["email"], rules)
    domain = canonical.rpartition("@")[2]
    reason = fraud_reason(
        request, petition, honeypot=bool(data.get("website")), ip=ip, ip_hash=ip_hash, domain=domain,
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
        signature = _insert(
            petition=petition, canonical_email=canonical, state=state, fraud_reason=reason, **details
        )
    except IntegrityError:
        signature = Signature.objects.filter(petition=petition, canonical_email=canonical).first()
        if signature is None:  # withdrawn between our INSERT and SELECT: nothing to do
            return
        _sign_again(signature, details, reason)
        return
    if not reason:
        queue_email(signature.pk, CONFIRM)


def _insert(**fields):
    if connection.in_atomic_block:
        # Inside a transaction a failed INSERT would poison it: contain it in a savepoint.
        with transaction.atomic():
            return Signature.objects.create(**fields)
    return Signature.objects.create(**fields)


def _sign_again(signature, details, reason):
    State = Signature.State
    if reason:
        return  # rate-limited or blocked: the existing row stays as it is, and nobody is emailed
    if signature.state == State.VERIFIED:
        queue_email(signature.pk, ALREADY_SIGNED)
        return
    # A pending signature takes the newest details; a rate-limited one gets a second chance.
    # Staff invalidations stand. The state condition makes a concurrent confirmation win.
    updated = (
        Signature.objects.filter(pk=signature.pk, state__in=[State.PENDING, State.FRAUDULENT])
        .exclude(fraud_reason=Signature.Reason.STAFF)
        .update(state=State.PENDING, fraud_reason="", **details)
    )
    if updated:
        queue_email(signature.pk, CONFIRM)


def queue_email(signature_id, kind):
    from petition.tasks import send_signature_email

    # After commit, so the task (perhaps in another process) finds the row.
    on_commit(lambda: send_signature_email.enqueue(signature_id, kind))
