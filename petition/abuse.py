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

CACHE_KEY = "petition:rules:v1"
CACHE_SECONDS = 300
# Each process also keeps its copy this long, saving a cache round trip per use; a rule saved in
# another process takes effect here within that time.
LOCAL_SECONDS = 5
_local = {"rules": None, "until": 0.0}


@dataclass
class Rules:
    domain_rules: dict = field(default_factory=dict)  # domain -> (alias_of, remove_dots, remove_plus_tag)
    blocked_domains: dict = field(default_factory=dict)  # domain -> kind
    networks: list = field(default_factory=list)


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
            networks=[n.network for n in BlockedNetwork.objects.all()],
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


def ip_blocked(ip, rules=None):
    rules = rules or load_rules()
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    for network in rules.networks:
        try:
            if address in ipaddress.ip_network(network, strict=False):
                return True
        except ValueError:
            continue
    return False


def hash_ip(client_key):
    """The keyed hash stored instead of the address; `client_key` is `website.client_ip.key(request)`."""
    key = settings.SIGNATURE_IP_HMAC_KEY.encode()
    return hmac.new(key, (client_key or "").encode(), hashlib.sha256).hexdigest()
