"""`make bench` only: production settings plus what a load test from one machine needs. Never deploy this.

- Nothing about client addresses: the bench runs behind the documented nginx with the documented setting
  (TRUSTED_PROXY_COUNT=1 from the environment), and simulated visitors' addresses reach nginx in
  X-Forwarded-For from the trusted edge range, as a CDN would send them.
- Email goes to files in BENCH_EMAIL_DIR, through a backend that fails while BENCH_EMAIL_FAIL_FLAG exists,
  for the email-outage drill.
- A bare view at /__bench__/bare is the baseline every ratio is measured against (bench/urls.py).
"""

import os

from .production import *

ROOT_URLCONF = "bench.urls"
# The bench loads the demo content (seed_demo) to measure it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
EMAIL_BACKEND = "bench.email_backend.FlakyFileBackend"
EMAIL_FILE_PATH = os.environ.get("BENCH_EMAIL_DIR", str(BASE_DIR / "bench" / "tmp" / "mail"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8731")
# The bench serves plain HTTP on loopback; the load sends X-Forwarded-Proto: https like a TLS proxy would.
SECURE_HSTS_SECONDS = 0
