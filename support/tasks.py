"""Background work for requests: telling a team a request is waiting, overdue reminders, and retention."""

import logging
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django_tasks import task

from support import deadlines, form_state
from support.models.casework import AuditEntry, CaseworkTeam
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
    return send_mail(gettext("A new request is waiting"), body, None, recipients)


# Reminders go out once a working day per team, from this hour (local time).
REMINDER_HOUR = 9


def reminder_detail(team):
    return f"team {team.pk}: "


@task()
def remind_teams_of_overdue_requests():
    """Each working day, tell each team how many of its requests are past the two-working-day promise.

    The email says how many and links to the team's overdue queue: no reference, no name, nothing else. Each
    reminder is an audit entry, which is also how a second run the same day knows not to send again.
    """
    # One reading of the clock decides the day, its window and the entry's stamp: a run at 23:59:59 that
    # finishes after midnight still counts for the day it checked, and the next day's run is not skipped.
    now = timezone.localtime()
    today = now.date()
    if now.hour < REMINDER_HOUR:
        return 0
    day_starts = deadlines.start_of(today)
    day_ends = deadlines.start_of(today + timedelta(days=1))
    overdue = DisclosureRequest.objects.filter(deadlines.overdue_filter(today))
    sent = 0
    for team in CaseworkTeam.objects.all():
        team_overdue = overdue.filter(team=team).order_by()
        nations = {
            nation or deadlines.DEFAULT_NATION for nation in team_overdue.values_list("nation", flat=True)
        }
        # A working day where the requests come from (a Scottish team is not emailed on 2 January).
        if not any(deadlines.is_working_day(today, nation) for nation in nations):
            continue
        count = team_overdue.values("pk").distinct().count()
        already = AuditEntry.objects.filter(
            action=AuditEntry.Action.REMINDER_SENT,
            at__gte=day_starts,
            at__lt=day_ends,
            detail__startswith=reminder_detail(team),
        )
        if already.exists():
            continue
        recipients = team.notification_addresses()
        if not recipients:
            logger.warning("Casework team %s has no email address for overdue reminders", team.pk)
            continue
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("disclosure_requests:index")
        body = render_to_string(
            "emails/support/overdue_requests.txt",
            {"count": count, "team": team.name, "url": f"{url}?deadline=overdue&team={team.pk}"},
        )
        subject = ngettext(
            "%(count)s request waiting too long for first contact",
            "%(count)s requests waiting too long for first contact",
            count,
        ) % {"count": count}
        sent += send_mail(subject, body, None, recipients)
        AuditEntry.record(
            AuditEntry.Action.REMINDER_SENT,
            detail=f"{reminder_detail(team)}{count} overdue request(s)",
            at=now,
        )
    return sent


@task()
def notify_casework_grant(grantee_id, team_ids, granted_by, granted_at):
    """Tell the other members of each team (and its inbox) that someone can now read its requests.

    Says who, by whom and when; nothing about any request. (support/grants.py)
    """
    grantee = get_user_model().objects.filter(pk=grantee_id).first()
    if grantee is None:
        return 0
    sent = 0
    for team in CaseworkTeam.objects.filter(pk__in=team_ids):
        members = team.members.filter(is_active=True).exclude(pk=grantee_id).exclude(email="")
        recipients = sorted({*(member.email for member in members), *([team.email] if team.email else [])})
        if not recipients:
            logger.warning("Casework team %s has nobody to tell about a new grant of access", team.pk)
            continue
        body = render_to_string(
            "emails/support/casework_access_granted.txt",
            {
                "grantee": grantee.get_username(),
                "team": team.name,
                "granted_by": granted_by,
                "granted_at": datetime.fromisoformat(granted_at),
            },
        )
        sent += send_mail(gettext("Someone can now read your team's requests"), body, None, recipients)
    return sent


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
