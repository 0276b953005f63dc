"""Our own checks: `check --deploy` warns when staff 2FA is off; a bad trusted-proxy setting is an error."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


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


@register(Tags.security)
def trusted_proxies_are_valid(app_configs, **kwargs):
    """A mistyped TRUSTED_PROXY_NETWORKS entry would be ignored (trusting less); say so at start-up."""
    import ipaddress

    errors = []
    for value in settings.TRUSTED_PROXY_NETWORKS:
        try:
            ipaddress.ip_network(value.strip(), strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"TRUSTED_PROXY_NETWORKS holds {value!r}, which is not an address or CIDR range.",
                    hint="Write ranges like 10.0.0.0/8 or 2001:db8::/32, separated by commas.",
                    id="waymark.E002",
                )
            )
    if settings.TRUSTED_PROXY_COUNT < 0:
        errors.append(Error("TRUSTED_PROXY_COUNT cannot be negative.", id="waymark.E003"))
    return errors
