"""`make bench` only: production settings plus what a load test from one machine needs. Never deploy this.

- Load comes from one address, so the client's address is read from X-Forwarded-For (the load script gives
  each simulated signer its own) instead of REMOTE_ADDR: the rate limits stay on and are exercised.
- Email goes to files in BENCH_EMAIL_DIR, through a backend that fails while BENCH_EMAIL_FAIL_FLAG exists,
  for the email-outage drill.
- A bare view at /__bench__/bare is the baseline every ratio is measured against (bench/urls.py).
"""

import os

from .production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY", "HTTP_X_FORWARDED_FOR")
EMAIL_BACKEND = "bench.email_backend.FlakyFileBackend"
EMAIL_FILE_PATH = os.environ.get("BENCH_EMAIL_DIR", str(BASE_DIR / "bench" / "tmp" / "mail"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8731")
# The bench serves plain HTTP on loopback; the load sends X-Forwarded-Proto: https like a TLS proxy would.
SECURE_HSTS_SECONDS = 0
