"""The follow-up a letter writer may ask for: an email two weeks later asking whether their representative
replied, and the answer they give through its links. Only the address, the recipient and the language are
kept, never the letter; the row goes once the email is sent.

The email's links carry a signed token (django.core.signing) naming the recipient and a random id, never the
address. The answer (campaign.views.follow_up_answer) is kept as a FollowUpAnswer under a hash of that id, so
each follow-up is answered at most once, and nothing in it leads back to the writer.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Site

from campaign.models.letter_counts import week_starting
from campaign.models.stances import FollowUpAnswer, LetterFollowUp, Position

logger = logging.getLogger(__name__)

FOLLOW_UP_AFTER = timedelta(days=14)
# How long the email's links keep working.
ANSWER_DAYS = 60
SALT = "campaign.follow_up"
REPLIED, NOT_YET = "replied", "not_yet"


def _recipient_field(recipient):
    return "mp" if recipient._meta.model_name == "memberofparliament" else "representative"


def schedule(*, email, recipient, language):
    """Keep what the follow-up needs. `recipient`: the MemberOfParliament or Representative written to."""
    return LetterFollowUp.objects.create(
        email=email,
        language=language,
        name=recipient.name,
        due_on=timezone.localdate() + FOLLOW_UP_AFTER,
        **{_recipient_field(recipient): recipient},
    )


# --- the token in the email's links --------------------------------------------------------------------


@dataclass(frozen=True)
class Ticket:
    """What an answer link says: who was written to (as the follow-up named them) and the follow-up's random
    id, which only its hash outlives."""

    field: str  # "mp" or "representative"
    recipient_id: int
    name: str
    random_id: str

    @property
    def token_hash(self):
        return hashlib.sha256(self.random_id.encode()).hexdigest()


def make_token(follow_up):
    field = "mp" if follow_up.mp_id else "representative"
    payload = {
        "f": field,
        "r": getattr(follow_up, f"{field}_id"),
        "n": follow_up.name,
        "i": secrets.token_urlsafe(16),
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token):
    """The Ticket a token carries, or None when it is tampered with, malformed or older than ANSWER_DAYS."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=timedelta(days=ANSWER_DAYS))
        ticket = Ticket(
            field=payload["f"],
            recipient_id=int(payload["r"]),
            name=str(payload["n"]),
            random_id=str(payload["i"]),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return ticket if ticket.field in ("mp", "representative") else None


def already_answered(ticket):
    return FollowUpAnswer.objects.filter(token_hash=ticket.token_hash).exists()


def record_answer(ticket, *, replied, position_as_read=""):
    """Keep the answer; False when this follow-up was answered before (or its recipient is gone)."""
    if position_as_read not in Position.values:
        position_as_read = ""
    try:
        with transaction.atomic():
            FollowUpAnswer.objects.create(
                replied=replied,
                position_as_read=position_as_read if replied else "",
                week=week_starting(),
                token_hash=ticket.token_hash,
                name=ticket.name,
                **{f"{ticket.field}_id": ticket.recipient_id},
            )
    except IntegrityError:
        return False
    return True


# --- the email ------------------------------------------------------------------------------------------


def _site_root():
    """Where the email's links start: the address being served in development (`WAYMARK_BASE_URL`), else the
    default site's root URL (Settings → Sites)."""
    base = getattr(settings, "WAYMARK_BASE_URL", "")
    if not base:
        site = Site.objects.filter(is_default_site=True).first()
        base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/")


def _supported(code):
    try:
        return translation.get_supported_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def build_email(follow_up):
    """The follow-up email in the writer's language: the recipient's name and one link per answer."""
    language = _supported(follow_up.language)
    with translation.override(language):
        answer_url = _site_root() + reverse("follow_up_answer", kwargs={"token": make_token(follow_up)})
        context = {
            "name": follow_up.name,
            "replied_url": f"{answer_url}?answer={REPLIED}",
            "not_yet_url": f"{answer_url}?answer={NOT_YET}",
            "answer_days": ANSWER_DAYS,
        }
        subject = " ".join(render_to_string("emails/campaign/follow_up_subject.txt", context).split())
        body = render_to_string("emails/campaign/follow_up.txt", context)
    message = EmailMessage(subject, body, to=[follow_up.email])
    message.extra_headers["Content-Language"] = language
    return message


def send_due(today=None):
    """Send every follow-up due by `today` (default: today), deleting each as it goes. Returns how many.

    Each row is deleted and its email sent in one transaction: a concurrent run finds it gone, and a failed
    send puts it back for the next run."""
    today = today or timezone.localdate()
    sent = 0
    for pk in LetterFollowUp.objects.filter(due_on__lte=today).values_list("pk", flat=True):
        follow_up = LetterFollowUp.objects.filter(pk=pk).first()
        if follow_up is None:
            continue
        try:
            with transaction.atomic():
                if not LetterFollowUp.objects.filter(pk=pk).delete()[0]:
                    continue
                build_email(follow_up).send()
        except Exception as error:  # noqa: BLE001 (one failed send must not hold up the others)
            logger.warning("A follow-up email failed (%s); it stays for the next run", type(error).__name__)
            continue
        sent += 1
    return sent


@task()
def send_due_follow_ups():
    """Periodic (settings.PERIODIC_TASKS): each due follow-up's email, on its day."""
    return send_due()
