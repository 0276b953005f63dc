"""What staff can change without a redeploy (Settings → Petition settings): signing rates and the alert level.

Signing reads these on every signature, so they are cached like the abuse rules: in the shared cache, and
for a few seconds in each process; saving the settings drops the cached copy (see PetitionConfig.ready).
"""

import re
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# django-ratelimit's rate syntax: a count, "/", then an optional number and a unit (s, m, h or d).
_RATE = re.compile(r"^[1-9][0-9]*/[0-9]*[smhd]$")
CACHE_SECONDS = 300
# Each process keeps its copy this long, saving a cache round trip per signature; a change saved in another
# process takes effect here within that time.
LOCAL_SECONDS = 5
_local = {}  # site id → (limits, monotonic time until which they are fresh)


@dataclass(frozen=True)
class PetitionLimits:
    ip_rates: tuple = ("1/m", "5/5m")
    domain_rates: tuple = ("300/m",)
    alert_threshold: int = 100


DEFAULT_LIMITS = PetitionLimits()


def split_rates(value):
    return tuple(rate.strip() for rate in (value or "").split(",") if rate.strip())


def validate_rates(value):
    rates = split_rates(value)
    if not rates:
        raise ValidationError("Enter at least one rate, like 5/m.")
    wrong = [rate for rate in rates if not _RATE.match(rate)]
    if wrong:
        raise ValidationError(
            "Write each rate as a number, a slash and a period, like 1/m (one a minute), 5/5m (five in five "
            "minutes), 100/h or 1000/d, separated by commas. Not understood: " + ", ".join(wrong)
        )


@register_setting(icon="doc-full-inverse")
class PetitionSettings(BaseSiteSetting):
    ip_rates = models.CharField(
        "signatures per network",
        max_length=200,
        default=",".join(DEFAULT_LIMITS.ip_rates),
        validators=[validate_rates],
        help_text="How often one IP address (one household or office) may sign one petition, e.g. "
        "'1/m,5/5m': once a minute and five times in five minutes. Signatures over the limit are kept "
        "as rate-limited, not counted, and the signer is asked to confirm by email if they sign again.",
    )
    domain_rates = models.CharField(
        "signatures per email domain",
        max_length=200,
        default=",".join(DEFAULT_LIMITS.domain_rates),
        validators=[validate_rates],
        help_text="How often addresses at one email domain may sign one petition, e.g. '300/m'.",
    )
    alert_threshold = models.PositiveIntegerField(
        "alert after",
        default=DEFAULT_LIMITS.alert_threshold,
        validators=[MinValueValidator(1)],
        help_text="Campaign managers are emailed when one network or email domain passes this many "
        "verified signatures in an hour.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("ip_rates"), FieldPanel("domain_rates")], heading="Rate limits"),
        FieldPanel("alert_threshold"),
    ]

    class Meta:
        verbose_name = "Petition settings"

    def __str__(self):
        return f"Petition settings for {self.site}"

    def limits(self):
        return PetitionLimits(
            split_rates(self.ip_rates), split_rates(self.domain_rates), self.alert_threshold
        )

    @classmethod
    def limits_for_site(cls, site_id):
        """The limits in force on a site (the defaults until staff save the settings), without a query
        while cached. Reading never creates the settings row."""
        if site_id is None:
            return DEFAULT_LIMITS
        now = time.monotonic()
        local = _local.get(site_id)
        if local is not None and now < local[1]:
            return local[0]
        limits = cache.get(_cache_key(site_id))
        if limits is None:
            found = cls.objects.filter(site_id=site_id).first()
            limits = found.limits() if found else DEFAULT_LIMITS
            cache.set(_cache_key(site_id), limits, CACHE_SECONDS)
        _local[site_id] = (limits, now + LOCAL_SECONDS)
        return limits

    @classmethod
    def limits_for_page(cls, page):
        """The limits on the site a petition page belongs to (found from Wagtail's cached site paths)."""
        url_parts = page.get_url_parts()
        return cls.limits_for_site(url_parts[0] if url_parts else None)


def forget_limits(sender=None, instance=None, **kwargs):
    _local.clear()
    if instance is not None:
        cache.delete(_cache_key(instance.site_id))


def _cache_key(site_id):
    return f"petition:limits:v1:{site_id}"
