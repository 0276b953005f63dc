"""Deployment checks of our own: `manage.py check --deploy` warns when staff 2FA is switched off."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def staff_two_factor_is_on(app_configs, **kwargs):
    if settings.WAYMARK_REQUIRE_2FA:
        return []
    return [
        Warning(
            "Two-factor sign-in for staff is switched off (WAYMARK_REQUIRE_2FA).",
            hint="Unset WAYMARK_REQUIRE_2FA, or set it to 1, in production.",
            id="waymark.W001",
        )
    ]
