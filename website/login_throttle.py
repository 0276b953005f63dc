"""Staff sign-in throttling (django-axes): failures counted per address and per username, lockouts recorded.

Every sign-in form that calls `authenticate(request, …)` (the admin's, and Wagtail's front-end login for
restricted pages) passes through `LoginThrottleBackend` first. The address is `website.client_ip.key`
(AXES_CLIENT_IP_CALLABLE: an IPv6 address counts as its /64), so it follows the deployment's proxy
configuration like every other limit. Each
failure is a row in axes' AccessFailureLog, flagged when it locked someone out; Administrators read them under
Settings → Sign-in lockouts. `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS` unlock early.
"""

from axes.backends import AxesBackend
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy

# Said on the login page, whoever is asking: it does not confirm that the username exists.
LOCKED_OUT_MESSAGE = gettext_lazy(
    "Too many failed sign-ins for this account or from this network. Sign-in is paused for %(minutes)s "
    "minutes. If you need in sooner, ask an administrator."
)


class LoginThrottleBackend(AxesBackend):
    """Axes' check, skipped when there is no web request to count (a shell, or a test's client.login):
    every sign-in over HTTP passes the request. Authenticates nobody itself: ModelBackend, next, does."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def cool_off_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page again, with a plain message instead of the form's errors."""
    from wagtail.admin.views.account import get_user_login_form, password_reset_enabled

    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {
        "form": get_user_login_form()(request, initial={"username": username}),
        "show_password_reset": password_reset_enabled(),
        "locked_out_message": LOCKED_OUT_MESSAGE % {"minutes": cool_off_minutes()},
        "next": request.POST.get("next", ""),
    }
    return render(request, "wagtailadmin/login.html", context, status=429)
