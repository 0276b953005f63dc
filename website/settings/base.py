"""Settings shared by every environment. Safe if deployed by mistake: no debug, no secrets, secure cookies."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Core
DEBUG = False
# Empty unless the environment sets it: Django then refuses to start, which is what we want.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "website",
    "geography",
    "campaign",
    "support",
    "petition",
    # Page translation (docs/translation.md); its locales app replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_email",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses what leaves the app (pages, and static files WhiteNoise has no compressed copy of); Django's
    # gzip carries the "Heal the BREACH" length mitigation. Outside the page cache, which stores plain copies.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # django-csp's, plus what the Wagtail admin needs on /admin/ only (website/staff/admin_csp.py).
    "website.staff.admin_csp.AdminCSPMiddleware",
    # Inside the header middleware above, outside sessions and CSRF: see website/page_cache.py.
    "website.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL alone (/cy/…), never Accept-Language or a cookie
    # (website/i18n/languages.py). Inside the page cache, which keys on the URL's language itself; before
    # CommonMiddleware, which resolves URLs for APPEND_SLASH.
    "website.i18n.languages.LanguageFromURLMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "website.staff.require_two_factor.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the login page with a plain message.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL wins everywhere; SQLite beside the code otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if env_bool("DB_PREPARED_STATEMENTS", False) and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # psycopg 3 binds parameters on the server and prepares a statement after 5 runs, so the hot queries
    # (signing, the page cache's misses) skip parsing and planning. Off by default: a PgBouncer in
    # transaction mode before 1.21 cannot carry prepared statements (docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)

# Cache: Redis when REDIS_URL is set (shared by rate limits and sessions across processes).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis behind a circuit breaker (website/cache_breaker.py): a Redis that stops answering
            # costs each process one short timeout, then is skipped for BREAKER_SECONDS; pages stay up.
            "BACKEND": "website.cache_breaker.CircuitBreakerRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "BREAKER_SECONDS": float(os.environ.get("REDIS_BREAKER_SECONDS", "30")),
            },
        }
    }
    if os.environ.get("WAYMARK_PROCESS") == "web":
        # While the breaker is open, each web process keeps what it caches in its own memory this long.
        CACHES["default"]["OPTIONS"]["LOCAL_SECONDS"] = float(os.environ.get("REDIS_LOCAL_SECONDS", "10"))
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous visitors get public pages from the cache above (website/page_cache.py); off only to debug.
WAYMARK_PAGE_CACHE = env_bool("WAYMARK_PAGE_CACHE", True)

# Sessions write through to the database, so a cache outage loses no session; a signed-in session or one
# holding form answers is read from the database, so a copy the cache kept through an outage cannot bring
# back a signed-out session or an older step (website/session_store.py).
SESSION_ENGINE = "website.session_store"
SESSION_COOKIE_SECURE = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
# Gone when the browser closes, like the session: a form's token leaves no year-long trace of the visit.
CSRF_COOKIE_AGE = None

# Security headers (Django's defaults already send nosniff, X-Frame-Options: DENY and COOP same-origin)
# same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on POST and Django's
# CSRF check rejects every form over HTTPS. Off-site links never see our URLs either way.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}

# Passwords and staff sign-in
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Restricted pages and private documents sign in through the admin's login, so the second factor follows.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
AUTHENTICATION_BACKENDS = [
    "website.staff.login_throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (django-axes, website/staff/login_throttle.py): 5 failures for one username from one
# address pause that username from that address for 30 minutes, so a stranger cannot lock a colleague out of
# their own network; 20 failures from one address, whatever usernames, pause the address. Failures during the
# pause are refused without extending it; every lockout is recorded.
AXES_HANDLER = "website.staff.login_throttle.LoginThrottleHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
WAYMARK_SIGN_IN_FAILURES_PER_ADDRESS = 20
# One username failing from this many addresses within the 30 minutes: the Administrators are emailed.
WAYMARK_SIGN_IN_ALERT_ADDRESSES = 5
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "website.request_policy.client_ip.key"
AXES_LOCKOUT_CALLABLE = "website.staff.login_throttle.locked_out"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The Django admin is not installed; the records are shown in Wagtail's (website/wagtail_hooks.py).
AXES_ENABLE_ADMIN = False
# Password reset by email (website/staff/password_reset.py): limited per address and per account, the same
# answer whatever happened, and refused for an account with no authenticator yet.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "website.staff.password_reset.PasswordResetForm"  # noqa: S105 (a form)
# Every staff member proves a second factor (TOTP) before reaching the admin.
WAYMARK_REQUIRE_2FA = env_bool("WAYMARK_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "Waymark"
# Enrolling an authenticator first needs a code sent to the staff member's email
# (website/staff/two_factor.py).
OTP_EMAIL_SUBJECT = "Your Waymark code to set up two-factor sign-in"
OTP_EMAIL_BODY_TEMPLATE_PATH = "emails/two_factor/enrolment_code.txt"
OTP_EMAIL_TOKEN_VALIDITY = 10 * 60

# Internationalisation (docs/translation.md). English is the source language; Welsh is complete; Urdu (right
# to left) is machine-drafted and awaiting review: production serves it only when WAYMARK_LANGUAGES names it.
LANGUAGE_CODE = "en-gb"
AVAILABLE_LANGUAGES = {"en-gb": "English", "cy": "Cymraeg", "ur": "اردو"}
LANGUAGES = [
    (code, AVAILABLE_LANGUAGES[code])
    for code in env_list("WAYMARK_LANGUAGES", "en-gb,cy")
    if code in AVAILABLE_LANGUAGES
]
# Interface strings in templates/ and static/js/ live here; each app keeps its own in <app>/locale/.
LOCALE_PATHS = [BASE_DIR / "locale"]
# Pages are translated too (wagtail-localize): one tree per language, each under its own home page.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Translate this page" makes a draft, never a live copy of the English: a translation is published through
# moderation like any page (website/i18n/translation_workflow.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = "Europe/London"

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# Email: console unless configured (see production.py)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Waymark <hello@waymark.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: tasks are rows in our own database; `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# (task, every N seconds), enqueued by `manage.py run_scheduler`.
PERIODIC_TASKS = [
    # Petition counters lag at most ~20 s behind (batch every 15 s, skipping the newest 5 s).
    ("petition.periodic_tasks.update_counts", 15),
    ("petition.periodic_tasks.check_signature_alerts", 300),
    ("petition.periodic_tasks.recount", 24 * 60 * 60),
    ("petition.periodic_tasks.anonymise_closed_petitions", 24 * 60 * 60),
    # A campaign update whose worker died carries on, sending nobody a second copy (petition/updates.py).
    ("petition.periodic_tasks.resume_campaign_updates", 5 * 60),
    # A letter's follow-up email goes on its day, whatever the hour (campaign/follow_ups.py).
    ("campaign.follow_ups.send_due_follow_ups", 60 * 60),
    ("support.tasks.forget_abandoned_form_answers", 60 * 10),
    ("support.tasks.delete_expired_disclosure_data", 60 * 60 * 6),
    ("support.tasks.remind_teams_of_overdue_requests", 60 * 60),
    # Staff who never set up two-factor sign-in are switched off (website/staff/enrolment.py).
    ("website.tasks.disable_unenrolled_staff", 60 * 60),
]

# Forms
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
CRISPY_FAIL_SILENTLY = False

# The client's address (website/request_policy/client_ip.py; docs/operations.md, "Behind a proxy"). Unset:
# REMOTE_ADDR only. TRUSTED_PROXY_COUNT: how many proxies of ours stand in front of the app (nginx alone: 1).
# TRUSTED_PROXY_NETWORKS: comma-separated CIDRs of our proxies; X-Forwarded-For is read only from them.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or 0)
TRUSTED_PROXY_NETWORKS = env_list("TRUSTED_PROXY_NETWORKS")
# Rate limits (website/request_policy/ratelimits.py). django-ratelimit's own `key="ip"` reads the address the
# same way.
RATELIMIT_IP_META_KEY = "website.request_policy.client_ip.address"

# Wagtail
WAGTAIL_SITE_NAME = "Waymark"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# No RTF: its {\info} group holds the author, company and dates, and nothing here removes them.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
# Refuses, next to the file field, a document whose metadata cannot be removed (website/file_metadata.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.file_metadata.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Logging: no request bodies, no query strings with personal data; errors to stderr.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_personal_data": {"()": "website.logging.RedactPersonalData"},
        "quiet_database_outage": {"()": "website.logging.QuietDatabaseOutage"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_personal_data", "quiet_database_outage"],
        }
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # Page edits are in Wagtail's own audit log; don't repeat them on the console.
        "wagtail": {"level": "WARNING"},
        # Failures and lockouts (WARNING) are worth a line; every start-up and sign-in is not.
        "axes": {"level": "WARNING"},
    },
}

# --- Petition (petition/) ---
# Keyed hash for signers' IP addresses: the raw address is never stored. Required in production.
SIGNATURE_IP_HMAC_KEY = os.environ.get("SIGNATURE_IP_HMAC_KEY", "")

# Signers' countries (petition/countries.py) come from django-countries (ISO 3166-1), with these names added
# or preferred. Kosovo has the user-assigned code XK, which is what the EU and the UN's agencies use.
COUNTRIES_OVERRIDE = {
    "XK": "Kosovo",
    "FK": "Falkland Islands",
    "ST": "São Tomé and Príncipe",
    "IE": "Republic of Ireland",  # beside Northern Ireland in the petition's tables
}

# --- Write to your MP (campaign/) ---
# Postcode lookups per IP address (django-ratelimit syntax), counted in the shared cache.
LETTER_LOOKUP_RATE = os.environ.get("LETTER_LOOKUP_RATE", "20/m")

# Campaign updates (petition/updates.py): emails per batch, and seconds between batches (the throttle).
CAMPAIGN_UPDATE_BATCH_SIZE = int(os.environ.get("CAMPAIGN_UPDATE_BATCH_SIZE", "50"))
CAMPAIGN_UPDATE_BATCH_SECONDS = int(os.environ.get("CAMPAIGN_UPDATE_BATCH_SECONDS", "60"))
# Optional online fallback for postcodes missing from our ONSPD table: off unless switched on.
POSTCODES_IO_FALLBACK = env_bool("POSTCODES_IO_FALLBACK", False)
POSTCODES_IO_URL = os.environ.get("POSTCODES_IO_URL", "https://api.postcodes.io")
POSTCODES_IO_TIMEOUT = float(os.environ.get("POSTCODES_IO_TIMEOUT", "2"))
# The UK Parliament Members API, used only by `import_mps --sync` (never while serving a request).
MEMBERS_API_URL = os.environ.get("MEMBERS_API_URL", "https://members-api.parliament.uk")
MEMBERS_API_TIMEOUT = float(os.environ.get("MEMBERS_API_TIMEOUT", "5"))
# Public sample data kept beside the checkout, never in it (ONSPD extracts, the constituency hexmap):
# seed_demo loads the hexmap from it when it is there, and the tests that need it skip when it is not.
SHARED_DATA_DIR = Path(os.environ.get("WAYMARK_SHARED_DATA", BASE_DIR.parent / "shared" / "data"))
# A Unicode TrueType font for letter PDFs (names like "Glyndŵr"); the built-in Helvetica is used if absent.
LETTER_PDF_FONT = os.environ.get("LETTER_PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


# --- Disclosure requests (support/) ---
# Fernet keys, newest first, separate from SECRET_KEY (see docs/security.md for rotation).
DISCLOSURE_ENCRYPTION_KEYS = env_list("DISCLOSURE_ENCRYPTION_KEYS")
# Per IP: every step posted, and requests actually sent.
DISCLOSURE_STEP_RATE = os.environ.get("DISCLOSURE_STEP_RATE", "60/h")
DISCLOSURE_SUBMIT_RATE = os.environ.get("DISCLOSURE_SUBMIT_RATE", "10/h")

# Caseworkers' avatars must not be fetched from Gravatar: a third-party request from the admin that
# tells another company who works cases here (and breaks the CSP's img-src).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
