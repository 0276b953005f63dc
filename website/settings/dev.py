"""Development: debug on, plain HTTP, console email, no second factor (the login page says so).

test.py starts from these settings too.
"""

import copy
import os

from .base import *

DEBUG = True
# The demo content and its commands (seed_demo, dev_logins): development and tests only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", *ALLOWED_HOSTS]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
WAYMARK_REQUIRE_2FA = env_bool("WAYMARK_REQUIRE_2FA", False)
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# LocMemCache is per process: fine for one developer, flagged by django-ratelimit.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]
# A fixed development key; production reads DISCLOSURE_ENCRYPTION_KEYS and refuses to start without it.
DISCLOSURE_ENCRYPTION_KEYS = env_list("DISCLOSURE_ENCRYPTION_KEYS") or [
    "d2F5bWFyay1kZXZlbG9wbWVudC1vbmx5LWtleS12MSE="
]
SIGNATURE_IP_HMAC_KEY = os.environ.get("SIGNATURE_IP_HMAC_KEY", "dev-only-ip-hmac-key")
# The address being served (`make run HOST=… PORT=…` passes it): links in emails (website/absolute_urls.py)
# and the logins seed_demo prints point there, whatever the demo Site record says.
# The demo serves the drafted Urdu too, so the right-to-left layout can be seen and reviewed.
LANGUAGES = [(code, AVAILABLE_LANGUAGES[code]) for code in env_list("WAYMARK_LANGUAGES", "en-gb,cy,ur")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAYMARK_BASE_URL = os.environ.get("WAYMARK_BASE_URL", "").rstrip("/")
if WAYMARK_BASE_URL:
    WAGTAILADMIN_BASE_URL = WAYMARK_BASE_URL
# The console shows task workers' warnings and errors, not a line per task (website/logging.py).
LOGGING = copy.deepcopy(LOGGING)
LOGGING["filters"]["quiet_task_progress"] = {"()": "website.logging.QuietTaskProgress"}
LOGGING["handlers"]["console"]["filters"].append("quiet_task_progress")
