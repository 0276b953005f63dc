"""Background work for disclosure requests: telling a team a request is waiting, and retention."""

import logging
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from support import form_state
from support.models.casework import AuditEntry
from support.models.disclosure import DisclosureRequest

logger = logging.getLogger("waymark.disclosure")

# Personal data of closed requests is deleted this long after closing; anonymous counts stay. The privacy
# notice promises it (twelve months).
RETENTION_DAYS = 365


@task()
def notify_team_of_new_request(request_id):
    """Email the team a link to the admin, and nothing else: no name, no detail, no area."""
    request = DisclosureRequest.objects.select_related("team").filter(pk=request_id).first()
    if request is None or request.team is None:
        return 0
    recipients = request.team.notification_addresses()
    if not recipients:
        logger.warning("Casework team %s has no email address to notify", request.team.pk)
        return 0
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("disclosure_requests:edit", args=[request.pk])
    body = render_to_string("emails/support/new_disclosure_request.txt", {"url": url})
    return send_mail("A new request is waiting", body, None, recipients)


@task()
def forget_abandoned_form_answers():
    """Remove unfinished answers older than form_state.TIMEOUT_SECONDS from every live session.

    The app already refuses them (Fernet's TTL); this makes sure they do not sit in the session store
    either, encrypted or not, for the rest of the session's life.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    now = timezone.now()
    forgotten = 0
    for session_key in Session.objects.filter(expire_date__gt=now).values_list("session_key", flat=True):
        forgotten += form_state.forget_if_abandoned(store_class(session_key=session_key), now)
    return forgotten


@task()
def delete_expired_disclosure_data():
    """Blank the personal data of requests closed more than RETENTION_DAYS ago."""
    cutoff = timezone.now() - timedelta(days=RETENTION_DAYS)
    # Only the plain columns are loaded: erasing must work even for a value no key can decrypt.
    expired = DisclosureRequest.objects.filter(
        status=DisclosureRequest.Status.CLOSED, closed_at__lte=cutoff, personal_data_deleted_at__isnull=True
    ).only("pk", "status", "closed_at")
    count = 0
    for request in expired.iterator():
        request.erase_personal_data()
        AuditEntry.record(
            AuditEntry.Action.PERSONAL_DATA_DELETED,
            request=request,
            detail=f"Closed {request.closed_at:%Y-%m-%d}; kept {RETENTION_DAYS} days",
        )
        count += 1
    if count:
        logger.info("Deleted the personal data of %d closed disclosure request(s)", count)
    return count
