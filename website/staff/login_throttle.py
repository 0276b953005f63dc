"""Staff sign-in throttling (django-axes): failures counted per username and address, lockouts recorded.

Every sign-in form that calls `authenticate(request, …)` (the admin's, and Wagtail's front-end login for
restricted pages) passes through `LoginThrottleBackend` first. The address is
`website.request_policy.client_ip.key` (AXES_CLIENT_IP_CALLABLE: an IPv6 address counts as its /64), so it
follows the deployment's proxy configuration like every other limit.

What locks (`LoginThrottleHandler`, AXES_HANDLER):
- a username *from one address* after AXES_FAILURE_LIMIT failures, so a stranger failing a colleague's
  username locks only their own address out of that account, never the colleague on their own network;
- an address after WAYMARK_SIGN_IN_FAILURES_PER_ADDRESS failures across every username it tries.
A username failing from WAYMARK_SIGN_IN_ALERT_ADDRESSES different addresses within the cool-off is emailed
to the Administrators, once a cool-off, with a count and no address.

Each failure is a row in axes' AccessFailureLog, flagged when it locked someone out; Administrators read them
under Settings → Sign-in lockouts. `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS` unlock
early.
"""

import logging

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from website import tasks
from website.request_policy import ratelimits

logger = logging.getLogger(__name__)

# One alert per username per cool-off period (website.request_policy.ratelimits counts them).
ALERT_GROUP = "sign-in-alert"

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


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler, with a ceiling per address beside its per-(username, address) count, and the
    Administrators told when one username fails from many addresses."""

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if failures_from_address(request) >= settings.WAYMARK_SIGN_IN_FAILURES_PER_ADDRESS:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        # A failure while already locked out is refused and not recorded (nor alerted on) by axes.
        recorded = request is not None and not getattr(request, "axes_locked_out", False)
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if recorded:
            alert_if_many_addresses(request, get_client_username(request, credentials))


def failures_from_address(request):
    """Failures from this request's address within the cool-off, whatever usernames they tried."""
    total = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return total or 0


def alert_if_many_addresses(request, username):
    """Email the Administrators once a cool-off when an account's username has failed from many addresses:
    someone is guessing its password from many places, which the per-address locks do not stop."""
    if not username:
        return
    addresses = (
        AccessFailureLog.objects.filter(username=username, attempt_time__gte=get_cool_off_threshold(request))
        .order_by()  # no ordering column in the DISTINCT: one row per address
        .values("ip_address")
        .distinct()
        .count()
    )
    if addresses < settings.WAYMARK_SIGN_IN_ALERT_ADDRESSES:
        return
    user_model = get_user_model()
    if not user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).exists():
        return  # a made-up username: nobody's account, nothing for an administrator to do
    # Already told this cool-off (or the cache cannot say): the failures are in Settings → Sign-in lockouts.
    if ratelimits.exceeded(request, ALERT_GROUP, f"1/{cool_off_minutes()}m", key=username, fail_closed=True):
        return
    logger.warning("Sign-in failures for one account from %d addresses: telling administrators", addresses)
    tasks.alert_sign_in_failures.enqueue(username, addresses, cool_off_minutes())


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
