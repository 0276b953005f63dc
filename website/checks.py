"""Our own checks: `check --deploy` warns when staff 2FA is off or the admin's address is not public HTTPS;
a bad trusted-proxy setting is an error."""

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


@register(Tags.security, deploy=True)
def admin_base_url_is_public_https(app_configs, **kwargs):
    """Links in staff emails and the one-click unsubscribe link (RFC 8058 wants https) are built from
    WAGTAILADMIN_BASE_URL; left at its default they would point caseworkers and supporters at localhost."""
    from urllib.parse import urlsplit

    url = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    if url.scheme == "https" and url.hostname and url.hostname not in {"localhost", "127.0.0.1", "::1"}:
        return []
    return [
        Warning(
            f"WAGTAILADMIN_BASE_URL is {settings.WAGTAILADMIN_BASE_URL!r}: links in staff emails and the "
            "one-click unsubscribe link would not reach the site.",
            hint="Set WAGTAILADMIN_BASE_URL to the site's public https address, e.g. https://waymark.org.uk.",
            id="waymark.W002",
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
