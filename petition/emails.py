"""The emails to signers: confirm, already signed, thank you. Plain text, with no name or postcode in them.

Each is written in the language the signer signed in (Signature.language), whatever language is active
in the task that sends it, and its links go to the petition in that language (its translation, if any).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from petition import languages, tokens
from petition.models.signatures import Signature
from website import absolute_urls, page_cache

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
    # Only what the email needs: the petition's title and addresses come from petition_links.
    signature = Signature.objects.only("email", "opt_in", "language", "petition_id").get(pk=signature_id)
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
    links = petition_links(signature.petition_id, language)
    manage = tokens.manage_token(signature.pk)
    context = {
        "petition": {"title": links.title},
        "petition_url": links.url,
        "confirm_url": links.route("confirm", raw_token) if raw_token else "",
        "withdraw_url": links.route("withdraw", manage),
        "unsubscribe_url": links.route("unsubscribe", manage),
        "confirm_days": tokens.CONFIRM_DAYS,
        "opted_in": signature.opt_in,
    }
    subject = " ".join(render_to_string(f"emails/petition/{kind}_subject.txt", context).split())
    body = render_to_string(f"emails/petition/{kind}.txt", context)
    message = EmailMessage(subject, body, to=[signature.email])
    message.extra_headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
    message.extra_headers["Content-Language"] = language
    return message


# --- the petition's title and addresses, kept in this process -------------------------------------------

TOKEN = "waymark-token-placeholder"  # noqa: S105 (where a link's token goes, not a secret)
ROUTES = ("confirm", "withdraw", "unsubscribe")
# (petition id, language) -> (page cache generation, PetitionLinks). A few per petition and language.
_kept = {}
KEEP_AT_MOST = 500


@dataclass(frozen=True)
class PetitionLinks:
    title: str
    url: str  # the petition's full address in the language
    routes: dict  # route name -> full address with TOKEN where the token goes

    def route(self, name, token):
        return self.routes[name].replace(TOKEN, token)


def petition_links(petition_id, language):
    """The title and addresses the emails of a petition show in `language`.

    Working them out loads the page, its locale, its translation and the site's root paths: more than the
    rest of an email. So a task worker keeps them while the page cache's generation is current, and any
    publish, page save or move, or site change (website.page_cache) makes it work them out again. Without
    the shared cache they are worked out every time: an email never waits on Redis."""
    try:
        current = page_cache.generation()
    except Exception:  # noqa: BLE001 (the cache is down: no keeping, the email still goes)
        current = None
    key = (petition_id, language)
    kept = _kept.get(key)
    if current is not None and kept is not None and kept[0] == current:
        return kept[1]
    # The page model through the signature's key: petition.models.pages imports this module (via signing).
    petition = Signature.petition.field.related_model.objects.get(pk=petition_id)
    links = _work_out(petition, language)
    if current is not None:
        if len(_kept) >= KEEP_AT_MOST:
            _kept.clear()
        _kept[key] = (current, links)
    return links


def _work_out(petition, language):
    page = languages.translation_of(petition, language)
    base = absolute_urls.page_url(page) or "/"
    return PetitionLinks(
        title=page.title,
        url=base,
        routes={name: base + page.reverse_subpage(name, kwargs={"token": TOKEN}) for name in ROUTES},
    )
