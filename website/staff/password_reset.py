"""Staff password reset (Wagtail's admin views): limited, the same answer whatever happened, and never enough
alone for an account that has not set up its second factor.

- `PasswordResetForm` (WAGTAILADMIN_USER_PASSWORD_RESET_FORM) counts every request against the client's
  address and against the email address asked for (website/request_policy/ratelimits.py); over either, it
  sends nothing. Wagtail's view then answers as it always does (a redirect to "done"), so nobody can tell a
  limited request, an unknown address and a sent link apart.
- With WAYMARK_REQUIRE_2FA on, an account with no confirmed authenticator gets no reset link: whoever holds
  its mailbox would otherwise choose its password and then enrol their own authenticator with a code emailed
  to that same mailbox. Its owner is emailed that an administrator must set a new password instead.
  `PasswordResetConfirmView` refuses such an account's links too (the "invalid link" page), however they
  were made.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm
from wagtail.admin.views import account

from website.request_policy import client_ip, ratelimits
from website.staff import enrolment

logger = logging.getLogger(__name__)

# Requests from one address (an office can share one), and links to one mailbox, in django-ratelimit syntax.
ADDRESS_GROUP, ADDRESS_RATE = "password-reset-address", "10/h"
ACCOUNT_GROUP, ACCOUNT_RATE = "password-reset-account", "3/h"


def may_reset_by_email(user):
    """A mailbox alone may set this account's password only if it still needs the second factor after."""
    return not settings.WAYMARK_REQUIRE_2FA or enrolment.has_enrolled(user)


class PasswordResetForm(WagtailPasswordResetForm):
    def save(self, request=None, **kwargs):
        email = self.cleaned_data["email"]
        checks = [
            (ADDRESS_GROUP, client_ip.key(request), ADDRESS_RATE),
            (ACCOUNT_GROUP, email.strip().casefold(), ACCOUNT_RATE),
        ]
        if ratelimits.hit(request, checks):
            logger.warning("Password reset over its limit: nothing sent")
            return
        super().save(request=request, **kwargs)
        for user in super().get_users(email):
            if not may_reset_by_email(user):
                tell_an_administrator_must_reset(user)

    def get_users(self, email):
        """The accounts that get a reset link: Django's (active, with a usable password), if enrolled."""
        return (user for user in super().get_users(email) if may_reset_by_email(user))


def tell_an_administrator_must_reset(user):
    body = render_to_string("emails/two_factor/password_reset_refused.txt", {"user": user})
    address = getattr(user, user.get_email_field_name())
    try:
        send_mail("Your Waymark password was not reset", body, None, [address])
    except Exception:  # as Django's own reset email: a mail failure must not change the answer
        logger.exception("Failed to send the password reset refusal to %s", user.pk)


class PasswordResetConfirmView(account.PasswordResetConfirmView):
    """Wagtail's, but a link for an account that may not be reset by email is an invalid link."""

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        if user is not None and not may_reset_by_email(user):
            return None
        return user
