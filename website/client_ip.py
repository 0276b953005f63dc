"""The client's IP address, read one way for every use: rate limits, hashes and blocked networks.

Where the address comes from is the deployment's choice (`RATELIMIT_IP_META_KEY`: `REMOTE_ADDR`, or a header
our own proxy sets). From a list such as X-Forwarded-For the last entry is taken: the address our proxy saw;
earlier entries are whatever the client claimed. Nothing here raises for a missing or malformed value.
"""

import ipaddress

from django.conf import settings

# One home connection or phone usually holds a whole IPv6 /64, and can pick a new address in it at will.
IPV6_PREFIX_LENGTH = 64


def address(request):
    """The client's address as a string ("" when the request carries none that parses)."""
    raw = request.META.get(settings.RATELIMIT_IP_META_KEY) or ""
    candidate = raw.rsplit(",", 1)[-1].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return ""


def key(request):
    """Who the client is for rate limits and hashes: an IPv4 address, or the /64 holding an IPv6 address."""
    found = address(request)
    if ":" not in found:
        return found
    return str(ipaddress.ip_network(f"{found}/{IPV6_PREFIX_LENGTH}", strict=False).network_address)
