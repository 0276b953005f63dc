"""What staff can change without a redeploy (Settings → Petition settings): signing limits, the alert level.

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


# The window of the per-address ceiling on unconfirmed signatures.
CEILING_WINDOW = "10m"
# The ceiling may not go below this: a refuge, an office or a mobile network signs from one address.
LOWEST_CEILING = 50


@dataclass(frozen=True)
class PetitionLimits:
    unconfirmed_per_address: int = 300
    domain_rates: tuple = ("300/m",)
    alert_threshold: int = 100

    @property
    def ceiling_rate(self):
        """The per-address ceiling in django-ratelimit's syntax."""
        return f"{self.unconfirmed_per_address}/{CEILING_WINDOW}"


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
    unconfirmed_per_address = models.PositiveIntegerField(
        "unconfirmed signatures per address",
        default=DEFAULT_LIMITS.unconfirmed_per_address,
        validators=[MinValueValidator(LOWEST_CEILING)],
        help_text="How many signatures one IP address (an IPv6 /64) may send to one petition in ten minutes "
        "before they are confirmed. A household, a refuge, an office or a mobile network signs from one "
        f"address, so this stays high (at least {LOWEST_CEILING}): each signature still needs its own "
        "mailbox to confirm. Past it, the signer is asked to try again in a few minutes and nothing is "
        "stored.",
    )
    domain_rates = models.CharField(
        "signatures per email domain",
        max_length=200,
        default=",".join(DEFAULT_LIMITS.domain_rates),
        validators=[validate_rates],
        help_text="How often addresses at one email domain may sign one petition, e.g. '300/m'. Past it, "
        "the signer is asked to try again in a few minutes and nothing is stored.",
    )
    alert_threshold = models.PositiveIntegerField(
        "alert after",
        default=DEFAULT_LIMITS.alert_threshold,
        validators=[MinValueValidator(1)],
        help_text="Campaign managers are emailed when one network or email domain passes this many "
        "verified signatures in an hour.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("unconfirmed_per_address"), FieldPanel("domain_rates")], heading="Rate limits"
        ),
        FieldPanel("alert_threshold"),
    ]

    class Meta:
        verbose_name = "Petition settings"

    def __str__(self):
        return f"Petition settings for {self.site}"

    def limits(self):
        return PetitionLimits(
            max(self.unconfirmed_per_address, LOWEST_CEILING),
            split_rates(self.domain_rates),
            self.alert_threshold,
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
    return f"petition:limits:v2:{site_id}"
