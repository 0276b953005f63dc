"""Every use of the client's address goes through website.request_policy.client_ip, every limit through
website.request_policy.ratelimits: no module reads an address header or calls django-ratelimit on its own."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["website", "campaign", "support", "petition"]
# The one reader of the address, the one home of the limits, and the settings that configure them.
ALLOWED = {
    "REMOTE_ADDR|HTTP_X_|X-Forwarded-For|X-Real-IP": {"website/request_policy/client_ip.py"},
    "django_ratelimit|is_ratelimited|@ratelimit": {"website/request_policy/ratelimits.py"},
}


def test_only_client_ip_reads_addresses_and_only_ratelimits_counts():
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative.startswith("website/settings/"):
                continue
            text = path.read_text()
            for pattern, allowed in ALLOWED.items():
                if relative not in allowed and re.search(pattern, text):
                    found.append((relative, pattern))
    # HTTP_X_FORWARDED_PROTO is Django's SECURE_PROXY_SSL_HEADER, set in settings only.
    assert found == []
