"""Remove a member of staff's authenticator so they enrol a new one at their next sign-in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from website.staff import enrolment


class Command(BaseCommand):
    help = "Reset a staff member's two-factor authenticator (for a lost or replaced phone)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        EmailDevice.objects.filter(user=user).delete()
        # They get the usual number of days to enrol again before the account is switched off.
        enrolment.restart_clock(user)
        self.stdout.write(
            f"Removed {deleted} authenticator(s); {username} enrols a new one at next sign-in "
            f"(within {enrolment.ENROL_WITHIN_DAYS} days)."
        )
