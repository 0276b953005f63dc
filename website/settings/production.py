"""Production: everything from the environment; a missing secret stops start-up."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *


def required(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [required("ALLOWED_HOSTS")]
required("DISCLOSURE_ENCRYPTION_KEYS")  # read by base.py; separate from SECRET_KEY (docs/security.md)
if "DATABASE_URL" not in os.environ:
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database that is down, failing over or dropping packets fails a request in seconds (the error page)
    # instead of hanging it: libpq's connect timeout, TCP keepalives on an idle connection, and
    # tcp_user_timeout (ms) for data sent and never acknowledged. These are libpq parameters, which psycopg 3
    # takes as they are.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=int(os.environ.get("DB_CONNECT_TIMEOUT", "5")),
        keepalives=1,
        keepalives_idle=int(os.environ.get("DB_KEEPALIVES_IDLE", "30")),
        keepalives_interval=int(os.environ.get("DB_KEEPALIVES_INTERVAL", "5")),
        keepalives_count=int(os.environ.get("DB_KEEPALIVES_COUNT", "3")),
        tcp_user_timeout=int(os.environ.get("DB_TCP_USER_TIMEOUT", "10000")),
    )
    # The server cancels any statement that runs longer (ms) in the web process, where a visitor waits.
    # Not in commands or the task worker (imports, recounts, migrations are long by design): website/wsgi.py
    # names the web process. 0 turns it off.
    statement_timeout = int(os.environ.get("DB_STATEMENT_TIMEOUT", "5000"))
    web = os.environ.get("WAYMARK_PROCESS") == "web"
    if web and statement_timeout > 0:
        DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={statement_timeout}"
    # A server or path that takes a query and never answers (a hung pooler, packets dropped one way) is
    # caught by website/postgres: after DB_ANSWER_CHECK_AFTER seconds a round trip checks that the server
    # answers a new connection; if not, it fails, and the process leaves the database alone for
    # DB_BREAKER_SECONDS. No round trip waits past DB_ANSWER_TIMEOUT (above statement_timeout).
    DATABASES["default"]["ENGINE"] = "website.postgres"
    if web:
        DATABASES["default"]["OPTIONS"].update(
            answer_check_after=float(os.environ.get("DB_ANSWER_CHECK_AFTER", "1")),
            answer_check_timeout=float(os.environ.get("DB_ANSWER_CHECK_TIMEOUT", "0.5")),
            answer_timeout=float(
                os.environ.get("DB_ANSWER_TIMEOUT", statement_timeout / 1000 + 1 if statement_timeout else 60)
            ),
            breaker_seconds=float(os.environ.get("DB_BREAKER_SECONDS", "5")),
        )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Email: an anymail provider when ANYMAIL_PROVIDER is set, SMTP otherwise (EMAIL_HOST, default localhost).
if os.environ.get("ANYMAIL_PROVIDER"):
    provider = os.environ["ANYMAIL_PROVIDER"]
    INSTALLED_APPS = [*INSTALLED_APPS, "anymail"]
    EMAIL_BACKEND = f"anymail.backends.{provider}.EmailBackend"
    ANYMAIL = {"SEND_DEFAULTS": {"track_clicks": False, "track_opens": False}}
    ANYMAIL.update(
        {
            key[len("ANYMAIL_") :]: value
            for key, value in os.environ.items()
            if key.startswith("ANYMAIL_") and key != "ANYMAIL_PROVIDER"
        }
    )
else:
    # SMTP always, never base.py's console backend: that would print confirmation links into the logs.
    # Without EMAIL_HOST it is Django's own default, a mail server on localhost:25.
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    relay = "EMAIL_HOST" in os.environ
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587" if relay else "25"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", relay)
    EMAIL_TIMEOUT = 10

# Frontend cache purge on publish (a CDN in front of the site), only when configured.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
elif os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
            "ZONEID": required("CLOUDFLARE_ZONE_ID"),
        }
    }

# Petition: signers' IP addresses are stored only as an HMAC with this key.
SIGNATURE_IP_HMAC_KEY = required("SIGNATURE_IP_HMAC_KEY")
