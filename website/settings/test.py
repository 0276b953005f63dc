"""Tests: development settings, plus fast hashing, tasks run at once, email kept in memory and fixed keys.

SQLite unless DATABASE_URL is set; the cache is Redis when REDIS_URL is set (see base.py).
"""

from .dev import *

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAYMARK_REQUIRE_2FA = False
WAGTAILADMIN_BASE_URL = "http://testserver"
DISCLOSURE_ENCRYPTION_KEYS = ["d2F5bWFyay10ZXN0LW9ubHkta2V5LW5vdC1zZWNyZXQ="]
SIGNATURE_IP_HMAC_KEY = "test-only-ip-hmac-key"

# Write to your MP: generous lookup limit (tests that check the limit lower it themselves), no network.
LETTER_LOOKUP_RATE = "1000/m"
POSTCODES_IO_FALLBACK = False
WAYMARK_BASE_URL = ""  # links in emails come from the Site record, whatever the environment says
# The demo site the tests build is the English one (tests assert its shape); tests/website/test_languages.py
# switches the Welsh and Urdu demo pages back on.
WAYMARK_DEMO_TRANSLATIONS = False
