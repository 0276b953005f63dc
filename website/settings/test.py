"""Tests: fast hashing, tasks run at once, email kept in memory, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
WAYMARK_REQUIRE_2FA = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WAGTAILADMIN_BASE_URL = "http://testserver"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DISCLOSURE_ENCRYPTION_KEYS = ["d2F5bWFyay10ZXN0LW9ubHkta2V5LW5vdC1zZWNyZXQ="]

# Write to your MP: generous lookup limit (tests that check the limit lower it themselves), no network.
LETTER_LOOKUP_RATE = "1000/m"
POSTCODES_IO_FALLBACK = False
SIGNATURE_IP_HMAC_KEY = "test-only-ip-hmac-key"
