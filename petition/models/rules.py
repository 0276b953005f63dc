"""Staff-editable abuse rules: canonical email per domain, blocked or disposable domains, blocked networks."""

import ipaddress

from django.core.exceptions import ValidationError
from django.db import models

from website.request_policy.client_ip import IPV6_PREFIX_LENGTH


def normalise_domain(value):
    return (value or "").strip().lower().lstrip("@").rstrip(".")


class EmailDomainRule(models.Model):
    """How addresses at one domain are made canonical, so one mailbox can sign once."""

    domain = models.CharField(max_length=253, unique=True, help_text="e.g. gmail.com")
    alias_of = models.CharField(
        max_length=253, blank=True, help_text="Treat this domain as another, e.g. googlemail.com → gmail.com."
    )
    remove_dots = models.BooleanField(default=False, help_text="Ignore dots in the part before the @.")
    remove_plus_tag = models.BooleanField(default=True, help_text="Ignore '+anything' before the @.")

    class Meta:
        ordering = ["domain"]
        verbose_name = "email domain rule"

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        self.alias_of = normalise_domain(self.alias_of)
        super().save(*args, **kwargs)


class BlockedDomain(models.Model):
    class Kind(models.TextChoices):
        DISPOSABLE = "disposable", "Disposable (the signer is asked for another address)"
        BLOCKED = "blocked", "Blocked (signatures silently kept as fraudulent)"

    domain = models.CharField(max_length=253, unique=True, help_text="Also blocks its subdomains.")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.DISPOSABLE)
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["domain"]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)


class BlockedNetwork(models.Model):
    network = models.CharField(
        max_length=49,
        unique=True,
        help_text="An address or range in CIDR form, e.g. 203.0.113.0/24. An IPv6 address blocks its /64.",
    )
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["network"]
        verbose_name = "blocked IP range"

    def __str__(self):
        return self.network

    def clean(self):
        try:
            network = ipaddress.ip_network(self.network.strip(), strict=False)
        except ValueError as error:
            message = "Enter an IP address or a range like 203.0.113.0/24."
            raise ValidationError({"network": message}) from error
        if network.version == 6 and network.prefixlen > IPV6_PREFIX_LENGTH:
            # Whoever holds one address in an IPv6 /64 can use any other: block the /64.
            network = network.supernet(new_prefix=IPV6_PREFIX_LENGTH)
        self.network = str(network)
