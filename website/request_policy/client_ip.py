"""The client's IP address, read one way for every use: rate limits, sign-in throttling, hashes, blocks.

Who may tell us the client's address is the deployment's choice, from the environment (docs/operations.md):

- nothing set: `REMOTE_ADDR`, and every header is ignored;
- `TRUSTED_PROXY_COUNT=N`: N proxies of ours stand in front of the app (nginx alone: 1; a CDN and nginx:
  2), so the client is the Nth entry from the right of X-Forwarded-For (REMOTE_ADDR being the nearest proxy);
- `TRUSTED_PROXY_NETWORKS=cidr,…`: X-Forwarded-For is read only when REMOTE_ADDR is in these networks, from
  the right, skipping addresses in them; the first one that is not ours is the client. With a count as
  well, no more than N entries are looked at.

Everything left of the entry we take was written by the client and is never read. A missing, malformed or
too-short header gives REMOTE_ADDR, never an error and never an address the client chose. X-Real-IP and
Forwarded are ignored: nginx's X-Real-IP is only as good as its own configuration, and one header is enough.

Why not django-ipware: it matches trusted proxies by string prefix rather than by network, prefers public to
private addresses (which rewards a spoofed public entry), and answers None where we want REMOTE_ADDR. These
rules fit in one function that the tests in tests/website/test_client_ip.py cover line by line.
"""

import functools
import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)

# One home connection or phone usually holds a whole IPv6 /64, and can pick a new address in it at will.
IPV6_PREFIX_LENGTH = 64
# A header longer than this is not from our proxies: read only its last part.
MAX_HEADER_LENGTH = 2048


def parse(value):
    """An `ipaddress` address from one header entry or REMOTE_ADDR, or None. Accepts what proxies write:
    spaces, `[v6]:port`, `v4:port`; an IPv4-mapped IPv6 address (::ffff:192.0.2.1) is its IPv4 address."""
    text = (value or "").strip()
    if text.startswith("["):  # [2001:db8::1]:443
        text, closed, port = text[1:].partition("]")
        if not closed or (port and not (port[0] == ":" and port[1:].isdigit())):
            return None
    elif text.count(":") == 1:  # 192.0.2.1:443
        text = text.partition(":")[0]
    try:
        found = ipaddress.ip_address(text)
    except ValueError:
        return None
    if found.version == 6:
        if found.ipv4_mapped:
            return found.ipv4_mapped
        if found.scope_id:
            found = ipaddress.IPv6Address(text.partition("%")[0])
    return found


_warned = False


def _warn_unconfigured():
    """Once per process: behind a proxy without configuration, every visitor shares the proxy's address."""
    global _warned  # a once-per-process flag
    _warned = True
    logger.warning(
        "X-Forwarded-For arrived but TRUSTED_PROXY_COUNT and TRUSTED_PROXY_NETWORKS are unset: using "
        "REMOTE_ADDR, so behind a proxy every visitor shares one address (docs/operations.md)"
    )


def trusted_networks():
    return _networks(tuple(settings.TRUSTED_PROXY_NETWORKS))


@functools.lru_cache(maxsize=8)
def _networks(values):
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            continue  # reported by the system check waymark.E002; ignoring it trusts less, never more
    return tuple(networks)


def _is_ours(found, networks):
    return any(found in network for network in networks if network.version == found.version)


def client_address(request):
    """The client's address as an `ipaddress` object, or None when not even REMOTE_ADDR parses."""
    meta = request.META
    remote = parse(meta.get("REMOTE_ADDR"))
    count = max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0), 0)
    networks = trusted_networks()
    if not count and not networks:
        if "HTTP_X_FORWARDED_FOR" in meta and not _warned:
            _warn_unconfigured()
        return remote
    if networks and (remote is None or not _is_ours(remote, networks)):
        return remote  # not from one of our proxies: whatever it sent in headers is its own claim
    header = meta.get("HTTP_X_FORWARDED_FOR") or ""
    if not isinstance(header, str):
        return remote
    entries = header[-MAX_HEADER_LENGTH:].split(",")
    if not networks:
        # N proxies: REMOTE_ADDR is the nearest, and each of the others appended the address it saw.
        if len(entries) < count or not header.strip():
            return remote
        return parse(entries[-count]) or remote
    # Networks (and perhaps a count): from the right, past our own proxies, to the first address not ours.
    looked_at = 1  # REMOTE_ADDR
    for entry in reversed(entries):
        found = parse(entry)
        if found is None:
            return remote  # our proxies write addresses; anything else means we cannot tell
        looked_at += 1
        if not _is_ours(found, networks) or (count and looked_at > count):
            return found
    return remote


def address(request):
    """The client's address as a string ("" when the request carries none that parses)."""
    found = client_address(request)
    return "" if found is None else str(found)


def group(value):
    """The key of one address: itself for IPv4, the /64 holding it for IPv6 ("" if it does not parse)."""
    found = value if isinstance(value, ipaddress.IPv4Address | ipaddress.IPv6Address) else parse(value)
    if found is None:
        return ""
    if found.version == 4:
        return str(found)
    return str(ipaddress.ip_network(f"{found}/{IPV6_PREFIX_LENGTH}", strict=False).network_address)


def key(request):
    """Who the client is for rate limits and hashes: an IPv4 address, or the /64 holding an IPv6 address."""
    found = client_address(request)
    return "" if found is None else group(found)
