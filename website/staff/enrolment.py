"""Staff set up two-factor sign-in within ENROL_WITHIN_DAYS, or their account is switched off.

The days count from when the account was opened, or from when an administrator last switched it back on or
reset its authenticator (`EnrolmentClock`). `website.tasks.disable_unenrolled_staff` (PERIODIC_TASKS) does the
switching off, only where two-factor sign-in is required, and tells the person by email why.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Coalesce, Greatest
from django.db.models.signals import post_save, pre_save
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from website.models import EnrolmentClock

logger = logging.getLogger("waymark.two_factor")

ENROL_WITHIN_DAYS = 7


def restart_clock(user, now=None):
    EnrolmentClock.objects.update_or_create(user=user, defaults={"started_at": now or timezone.now()})


def has_enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def deadline(user):
    """When this account is switched off unless it enrols first."""
    clock = EnrolmentClock.objects.filter(user=user).first()
    started = max(user.date_joined, clock.started_at) if clock else user.date_joined
    return started + timedelta(days=ENROL_WITHIN_DAYS)


def overdue(now=None):
    """Active accounts with no confirmed authenticator whose days to enrol have run out."""
    cutoff = (now or timezone.now()) - timedelta(days=ENROL_WITHIN_DAYS)
    enrolled = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .annotate(
            enrolled=Exists(enrolled),
            clock_started=Greatest(
                F("date_joined"), Coalesce(F("enrolment_clock__started_at"), F("date_joined"))
            ),
        )
        .filter(enrolled=False, clock_started__lt=cutoff)
    )


def disable_overdue(now=None):
    """Switch off every overdue account and email its owner why. Returns how many."""
    if not settings.WAYMARK_REQUIRE_2FA:
        return 0
    count = 0
    for user in overdue(now):
        user.is_active = False
        user.save(update_fields=["is_active"])
        count += 1
        logger.warning(
            "Switched off staff account %s: no two-factor sign-in after %d days", user.pk, ENROL_WITHIN_DAYS
        )
        if user.email:
            body = render_to_string("emails/two_factor/account_switched_off.txt", {"days": ENROL_WITHIN_DAYS})
            send_mail(gettext("Your Waymark staff account is switched off"), body, None, [user.email])
    return count


def _remember_whether_active(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or (update_fields is not None and "is_active" not in update_fields):
        instance._was_active = None
        return
    instance._was_active = sender.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()


def _restart_clock_when_switched_back_on(sender, instance, created, **kwargs):
    if not created and instance.is_active and getattr(instance, "_was_active", None) is False:
        restart_clock(instance)


def connect_signals():
    user_model = get_user_model()
    pre_save.connect(_remember_whether_active, sender=user_model, dispatch_uid="waymark-enrolment-pre")
    post_save.connect(
        _restart_clock_when_switched_back_on, sender=user_model, dispatch_uid="waymark-enrolment"
    )
