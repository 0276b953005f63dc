"""The emails to signers: confirm, already signed, thank you. Plain text, with no name or postcode in them.

Each is written in the language the signer signed in (Signature.language), whatever language is active
in the task that sends it, and its links go to the petition in that language (its translation, if any).
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from petition import languages, tokens
from petition.models.signatures import Signature
from website import absolute_urls

# The kinds of email a signer gets.
CONFIRM, ALREADY_SIGNED, THANK_YOU = "confirm", "already_signed", "thank_you"
# However often someone signs again, a signature gets at most this many emails.
MAX_EMAILS_PER_SIGNATURE = 5

STATE_FOR_KIND = {
    CONFIRM: Signature.State.PENDING,
    ALREADY_SIGNED: Signature.State.VERIFIED,
    THANK_YOU: Signature.State.VERIFIED,
}


def send_signature_email(signature_id, kind):
    """Send one email, unless the signature has had its share (MAX_EMAILS_PER_SIGNATURE).
    Returns True when an email was sent."""
    updates = {"emails_sent": F("emails_sent") + 1}
    raw = None
    if kind == CONFIRM:
        # A new token each time: the hash replaces the last one, so only the newest link works.
        raw, digest = tokens.new_confirmation_token()
        updates.update(
            token_hash=digest,
            token_expires_at=timezone.now() + timedelta(days=tokens.CONFIRM_DAYS),
        )
    # Reserving the slot and checking the cap is one UPDATE, so concurrent tasks cannot exceed it.
    reserved = Signature.objects.filter(
        pk=signature_id,
        state=STATE_FOR_KIND[kind],
        emails_sent__lt=MAX_EMAILS_PER_SIGNATURE,
    ).update(**updates)
    if not reserved:
        return False
    signature = Signature.objects.select_related("petition").get(pk=signature_id)
    with translation.override(languages.supported(signature.language)):
        message = build_email(signature, kind, raw)
    try:
        message.send()
    except Exception:
        # Give the slot back: a provider outage must not use up the signer's share of emails.
        Signature.objects.filter(pk=signature_id).update(emails_sent=F("emails_sent") - 1)
        raise
    return True


def build_email(signature, kind, raw_token=None):
    """The email, in the active language. Its links go to the petition's translation in that language when
    there is one (the translation's routes act on the signatures of the whole translation group), and the
    active language also picks the URL's language prefix."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    page = languages.translation_of(signature.petition, language)
    base = absolute_urls.page_url(page) or "/"
    manage = tokens.manage_token(signature.pk)
    raw = raw_token
    context = {
        "petition": page,
        "petition_url": base,
        "confirm_url": base + page.reverse_subpage("confirm", kwargs={"token": raw}) if raw else "",
        "withdraw_url": base + page.reverse_subpage("withdraw", kwargs={"token": manage}),
        "unsubscribe_url": base + page.reverse_subpage("unsubscribe", kwargs={"token": manage}),
        "confirm_days": tokens.CONFIRM_DAYS,
        "opted_in": signature.opt_in,
    }
    subject = " ".join(render_to_string(f"emails/petition/{kind}_subject.txt", context).split())
    body = render_to_string(f"emails/petition/{kind}.txt", context)
    message = EmailMessage(subject, body, to=[signature.email])
    message.extra_headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
    message.extra_headers["Content-Language"] = language
    return message
