"""Signing: store (or re-use) the one row per canonical email, decide if it is fraudulent, queue the email.

The request does the postcode lookup and one statement inserting the signature and its email task
(`website.task_rows`; on re-signing, a SELECT and an UPDATE); the abuse rules and the limits
(PetitionSettings) come from the cache, and the email is sent by a background task. Confirming a
signature is here too.

Nobody is dropped for sharing an address: what stops abuse is what costs an attacker (a mailbox per
signature, limits per email domain, blocked networks and domains, staff alerts, bulk invalidation), and the
one per-address limit is a high ceiling on unconfirmed signatures that says so when it is reached.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from petition import abuse, languages, supporters, tokens
from petition.emails import ALREADY_SIGNED, CONFIRM, THANK_YOU
from petition.models.settings import DEFAULT_LIMITS, PetitionSettings
from petition.models.signatures import Signature
from petition.places import locate
from petition.tasks import send_signature_email
from website import task_rows

# What `sign` answers: the signature was taken (whatever happens next, the page says "check your email"), or
from website.request_policy import client_ip, honeypot, ratelimits

# the address or email domain is over its limit and nothing was stored (the form comes back: try again soon).
ACCEPTED, BUSY = "accepted", "busy"


def limit_checks(petition_id, ip_hash, domain, limits=DEFAULT_LIMITS):
    """The limits one signature counts against: the per-address ceiling on unconfirmed signatures (an IPv6 /64
    is one address) and the email domain's rates, each per petition."""
    checks = [(ceiling_group(petition_id), ip_hash, limits.ceiling_rate)]
    checks += [(f"petition:{petition_id}:domain:{rate}", domain, rate) for rate in limits.domain_rates]
    return checks


def ceiling_group(petition_id):
    return f"petition:{petition_id}:unconfirmed"


def sign(request, petition, data):
    """Record a signature from the form's cleaned data: ACCEPTED, or BUSY when over a limit (nothing stored).

    Many people share one address (a household, a refuge, an office, a mobile network), so an address is
    never a reason to drop a signature silently: each distinct mailbox gets its own confirmation, and only a
    ceiling on unconfirmed signatures per address, set high, turns people away, telling them so.
    """
    rules = abuse.load_rules()
    address = client_ip.client_address(request)
    ip_hash = abuse.hash_ip(client_ip.key(request))
    canonical = abuse.canonical_email(data["email"], rules)
    domain = canonical.rpartition("@")[2]
    Reason = Signature.Reason
    if data.get(honeypot.FIELD):
        reason = Reason.HONEYPOT
    else:
        limits = PetitionSettings.limits_for_page(petition)
        # Every attempt counts, including ones we would block anyway; one turned away stores nothing, so it
        # gives its places back (retrying does not keep the ceiling full).
        checks = limit_checks(petition.pk, ip_hash, domain, limits)
        if ratelimits.hit(request, checks):
            for check in checks:
                ratelimits.give_back(*check)
            return BUSY
        if address is not None and abuse.ip_blocked(address, rules):
            reason = Reason.BLOCKED_IP
        elif abuse.domain_block(domain, rules):
            reason = Reason.BLOCKED_DOMAIN
        else:
            reason = Reason.NONE
    # The form found a UK postcode's place while checking that it exists; otherwise look it up here.
    constituency_code, country_code = data.get("located") or locate(
        data.get("postcode", ""), data.get("country", "")
    )
    details = {
        "name": data["name"],
        "email": data["email"],
        "email_domain": domain,
        "postcode": data.get("postcode", ""),
        "constituency_code": constituency_code,
        "country_code": country_code,
        "opt_in": bool(data.get("opt_in")),
        "ip_hash": ip_hash,
        "language": languages.of_request(request),
    }
    state = Signature.State.FRAUDULENT if reason else Signature.State.PENDING
    signature = Signature(
        petition=petition, canonical_email=canonical, state=state, fraud_reason=reason, **details
    )
    try:
        if reason:
            with transaction.atomic():
                signature.save(force_insert=True)
        else:
            # The row and its email task in one statement on PostgreSQL (one round trip, one commit, one
            # disk flush): the task row exists exactly when the signature does.
            task_rows.create_with_task(signature, send_signature_email, task_rows.ROW_ID, CONFIRM)
    except IntegrityError:
        # Someone (perhaps a concurrent request) holds this email's row: re-use it.
        signature = Signature.objects.filter(petition=petition, canonical_email=canonical).first()
        if signature is not None:  # None if withdrawn in between: nothing to do
            _sign_again(signature, details, reason)
    return ACCEPTED


def _sign_again(signature, details, reason):
    State = Signature.State
    if reason:
        return  # blocked or a bot: the existing row stays as it is, and nobody is emailed
    if signature.state == State.VERIFIED:
        queue_email(signature.pk, ALREADY_SIGNED)
        return
    # Anyone can type an address. A pending signature keeps its details; the new ones wait beside the new
    # confirmation link and apply only if the mailbox owner confirms. A signature kept as fraudulent (not by
    # staff) gets a second chance. The state conditions make a concurrent confirmation win.
    with transaction.atomic():
        # The new confirmation email is written in the language of whoever signed this time.
        updated = Signature.objects.filter(pk=signature.pk, state=State.PENDING).update(
            proposed_details=details, language=details["language"]
        ) or (
            Signature.objects.filter(pk=signature.pk, state=State.FRAUDULENT)
            .exclude(fraud_reason=Signature.Reason.STAFF)
            .update(state=State.PENDING, fraud_reason="", proposed_details=None, **details)
        )
        if updated:
            queue_email(signature.pk, CONFIRM)


def confirm(petition, token):
    """Verify the pending signature this confirmation token belongs to, with the details proposed with the
    token if any, and thank its signer. True if it did; a token works once, until it expires."""
    pending = Signature.objects.filter(
        state=Signature.State.PENDING,
        token_hash=tokens.hash_token(token),
        token_expires_at__gt=timezone.now(),
    )
    found = pending.values_list("pk", "ip_hash", "proposed_details", "petition_id").first()
    # The link may be to a translation of the petition signed (the email is in the signer's language).
    if found is None or not petition.same_petition(found[3]):
        return False
    signature_id, ip_hash, proposed, petition_id = found
    proposed = {name: value for name, value in (proposed or {}).items() if name in PROPOSABLE}
    with transaction.atomic():
        # Single use: the token hash goes in the same UPDATE that verifies.
        verified = pending.filter(pk=signature_id).update(
            state=Signature.State.VERIFIED,
            verified_at=timezone.now(),
            token_hash=None,
            proposed_details=None,
            **proposed,
        )
        if verified:
            supporters.record_consent(signature_id)
            queue_email(signature_id, THANK_YOU)
    if verified:
        # A confirmed signature no longer counts against its address's ceiling on unconfirmed ones.
        limits = PetitionSettings.limits_for_page(petition)
        hashed = proposed.get("ip_hash", ip_hash)
        ratelimits.give_back(ceiling_group(petition_id), hashed, limits.ceiling_rate)
    return bool(verified)


# The fields signing again may propose for a pending signature.
PROPOSABLE = {
    "name",
    "email",
    "email_domain",
    "postcode",
    "constituency_code",
    "country_code",
    "opt_in",
    "ip_hash",
    "language",
}


def queue_email(signature_id, kind):
    """Call inside the transaction that wrote the signature: with the database task backend the task
    row commits (or rolls back) with it, so a worker never looks for a row that is not there yet."""
    send_signature_email.enqueue(signature_id, kind)
