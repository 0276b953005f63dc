"""Staff must prove a second factor (TOTP, django-otp) before they reach the admin."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

# The sign-in steps themselves, and the admin's translation catalogue that the code page loads.
OPEN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/2fa/", "/admin/password_reset/", "/admin/jsi18n/")


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_second_factor(request):
            verify = reverse("two_factor_verify")
            if request.method == "GET" and request.path != reverse("wagtailadmin_home"):
                # The path only: an admin query string can hold a search for someone's name.
                verify += "?" + urlencode({"next": request.path}, safe="/")
            return redirect(verify)
        return self.get_response(request)

    @staticmethod
    def _needs_second_factor(request):
        if not settings.WAYMARK_REQUIRE_2FA:
            return False
        path = request.path
        if not path.startswith("/admin/") or path.startswith(OPEN_PATHS):
            return False
        user = getattr(request, "user", None)
        return bool(user and user.is_authenticated and not user.is_verified())
