"""Abuse rules in force: canonical emails, blocked domains and networks, and the hash kept instead of an IP.

Staff edit the rules in the admin; signing reads them from the shared cache, so a signature costs no
query for them. Saving or deleting a rule drops the cached copy (see PetitionConfig.ready).
"""

import hashlib
import hmac
import ipaddress
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache

from website.request_policy import client_ip

CACHE_KEY = "petition:rules:v2"
CACHE_SECONDS = 300
# Each process also keeps its copy this long, saving a cache round trip per use; a rule saved in
# another process takes effect here within that time.
LOCAL_SECONDS = 5
_local = {"rules": None, "until": 0.0}


@dataclass
class Rules:
    domain_rules: dict = field(default_factory=dict)  # domain -> (alias_of, remove_dots, remove_plus_tag)
    blocked_domains: dict = field(default_factory=dict)  # domain -> kind
    networks: list = field(default_factory=list)  # ipaddress networks, IPv6 ones at least a /64


def load_rules():
    now = time.monotonic()
    if _local["rules"] is not None and now < _local["until"]:
        return _local["rules"]
    rules = cache.get(CACHE_KEY)
    if rules is None:
        from petition.models.rules import BlockedDomain, BlockedNetwork, EmailDomainRule

        rules = Rules(
            domain_rules={
                r.domain: (r.alias_of, r.remove_dots, r.remove_plus_tag)
                for r in EmailDomainRule.objects.all()
            },
            blocked_domains=dict(BlockedDomain.objects.values_list("domain", "kind")),
            networks=blocked_networks(BlockedNetwork.objects.values_list("network", flat=True)),
        )
        cache.set(CACHE_KEY, rules, CACHE_SECONDS)
    _local.update(rules=rules, until=now + LOCAL_SECONDS)
    return rules


def forget_rules(**kwargs):
    _local.update(rules=None, until=0.0)
    cache.delete(CACHE_KEY)


def split_email(email):
    local, _, domain = (email or "").strip().rpartition("@")
    return local, domain.lower().rstrip(".")


def canonical_email(email, rules=None):
    """'John.Smith+petition@GoogleMail.com' -> 'johnsmith@gmail.com' (with the default rules)."""
    rules = rules or load_rules()
    local, domain = split_email(email)
    local = local.lower()
    rule = rules.domain_rules.get(domain)
    if rule:
        alias_of, remove_dots, remove_plus_tag = rule
        if alias_of:
            domain = alias_of
            # The target domain's own rules apply too (googlemail.com → gmail.com → no dots).
            rule = rules.domain_rules.get(domain, rule)
            _alias, remove_dots, remove_plus_tag = rule
        if remove_plus_tag:
            local = local.split("+", 1)[0]
        if remove_dots:
            local = local.replace(".", "")
    return f"{local}@{domain}"


def domain_block(domain, rules=None):
    """The BlockedDomain kind that covers this domain or a parent of it, or None."""
    rules = rules or load_rules()
    parts = domain.lower().split(".")
    for start in range(len(parts) - 1):
        kind = rules.blocked_domains.get(".".join(parts[start:]))
        if kind:
            return kind
    return None


def blocked_networks(values):
    """Parsed networks; an IPv6 range narrower than a /64 covers its whole /64, since whoever holds one
    address in a /64 can use any other. Entries that do not parse are skipped."""
    networks = []
    for value in values:
        try:
            network = ipaddress.ip_network(value.strip(), strict=False)
        except ValueError:
            continue
        if network.version == 6 and network.prefixlen > client_ip.IPV6_PREFIX_LENGTH:
            network = network.supernet(new_prefix=client_ip.IPV6_PREFIX_LENGTH)
        networks.append(network)
    return networks


def ip_blocked(ip, rules=None):
    rules = rules or load_rules()
    address = client_ip.parse(ip) if isinstance(ip, str) else ip
    if address is None:
        return False
    return any(address in network for network in rules.networks if network.version == address.version)


def hash_ip(address):
    """The keyed hash stored instead of the address: of its key (`website.request_policy.client_ip.group`), so
    every address in one IPv6 /64 hashes alike, for the alerts as for the limits."""
    key = settings.SIGNATURE_IP_HMAC_KEY.encode()
    return hmac.new(key, client_ip.group(address or "").encode(), hashlib.sha256).hexdigest()
