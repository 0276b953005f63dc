"""Anything behind a login needs a completed second factor (TOTP, django-otp), not just a password.

With WAYMARK_REQUIRE_2FA on, a member of staff who has given a password but not yet a code:
- is sent from any `/admin/` URL (the login page included) to the code step, `/admin/2fa/?next=<path>`;
- counts as not signed in everywhere else: login-restricted and group-restricted pages, private documents
  and the petition's sign endpoint all see an anonymous visitor, and ask them to sign in (which leads
  through the code step and back).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

LOGIN_PATH = "/admin/login/"
# The sign-in steps themselves, and the admin's translation catalogue that the code page loads.
OPEN_PATHS = ("/admin/logout/", "/admin/2fa/", "/admin/password_reset/", "/admin/jsi18n/")


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.WAYMARK_REQUIRE_2FA and self._password_only(request):
            path = request.path
            if not path.startswith("/admin/"):
                request.user = AnonymousUser()
            elif path == LOGIN_PATH and request.method == "GET":
                return redirect(self._verify_url(request, request.GET.get("next", "")))
            elif not path.startswith((LOGIN_PATH, *OPEN_PATHS)):
                # The path only: an admin query string can hold a search for someone's name.
                target = path if request.method == "GET" and path != reverse("wagtailadmin_home") else ""
                return redirect(self._verify_url(request, target))
        return self.get_response(request)

    @staticmethod
    def _password_only(request):
        """Whether a password but no code signed this session in. Not, when the session cannot be read: the
        view then meets the same error wherever it reads the user, and the quick exit, which reads it
        guarded, still leaves."""
        user = getattr(request, "user", None)
        try:
            return bool(user and user.is_authenticated and not user.is_verified())
        except DatabaseError:
            return False

    @staticmethod
    def _verify_url(request, target):
        verify = reverse("two_factor_verify")
        if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
            verify += "?" + urlencode({"next": target}, safe="/")
        return verify
