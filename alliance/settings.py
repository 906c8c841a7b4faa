"""The one settings module. Every setting reads an environment variable and has a safe default.

Defaults suit a developer's machine (SQLite under var/, DEBUG on, mail printed to the console);
production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and the EMAIL_* variables.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ALLIANCE_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        # A generated key would silently change between hosts of one deployment.
        msg = "SECRET_KEY must be set when DEBUG is off."
        raise ImproperlyConfigured(msg)
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# No django.contrib.admin: the secretariat's staff pages (registry, imports, programmes ...) replace it, each
# declaring its permission and covered by the role × URL matrix; an admin site would be a second, untested door.
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    # alliance.core before django_tasks_db: its `db_worker` (heartbeat and lease) replaces the package's.
    "alliance.core",
    "django_tasks",
    "django_tasks_db",
    "alliance.members",
    "alliance.ecosystem",
    "alliance.programs",
    "alliance.agencies",
    "alliance.governance",
    "alliance.info",
    "alliance.regulation",  # members' regulatory self-service: ethics self-check, platform filings
    "alliance.events",
    "alliance.reports",  # compiles every app below it: plan, indicators, briefing
    "alliance.portal",  # the site shell, above every app
]

MIDDLEWARE = [
    # First: the client's real address (from the proxy) and a request id, then one log line per request.
    "alliance.core.proxy.TrustedProxyMiddleware",
    "alliance.core.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what the middleware below it has finished (particles resolved); static files never reach it.
    "alliance.core.middleware.TextCompressionMiddleware",
    "alliance.core.middleware.KoreanParticlesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "alliance.core.middleware.KoreanFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Homepage analytics: counts page views after the answer (needs the user: staff are not counted).
    "alliance.info.analytics_middleware.PageViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "alliance.core.middleware.RequestSizeLimitMiddleware",
]

ROOT_URLCONF = "alliance.urls"
WSGI_APPLICATION = "alliance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "alliance" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "alliance.portal.context_processors.navigation",
                "alliance.core.context_processors.secretariat",
            ],
            "builtins": ["django.templatetags.i18n", "alliance.core.templatetags.korean"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'alliance.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the directory keep reading while an import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

# Lock-out after repeated failed logins (django-axes), per e-mail and address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# The client's address is REMOTE_ADDR, which TrustedProxyMiddleware sets from the proxy's X-Real-IP only when the
# request comes from a trusted proxy: a header a client could send itself is never read.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
# Addresses of the TLS proxies (nginx) whose X-Real-IP / X-Request-ID headers are believed (alliance/core/proxy.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")

# Rate limits (alliance/core/ratelimit.py): requests per client address per window, counted in the cache (shared
# by every process of a machine; by every machine with CACHE_URL=redis://). 0 turns a limit off. Password reset
# has its own limits per e-mail address and per client (PASSWORD_RESET_LIMIT_*, alliance/core/password_reset.py).
RATE_LIMIT_WINDOW_SECONDS = env_int("RATE_LIMIT_WINDOW_SECONDS", 60)
RATE_LIMITS = {
    "login": env_int("RATE_LIMIT_LOGIN", 20),
    "personal_link": env_int("RATE_LIMIT_PERSONAL_LINK", 60),
    "search": env_int("RATE_LIMIT_SEARCH", 120),
    "api": env_int("RATE_LIMIT_API", 120),
}

# Password reset by e-mail (alliance/core/password_reset.py): how long a link works, and how often one address
# and one client may ask within the window (counted in the cache).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_MINUTES", 60) * 60
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 3)
PASSWORD_RESET_LIMIT_PER_CLIENT = env_int("PASSWORD_RESET_LIMIT_PER_CLIENT", 10)
PASSWORD_RESET_LIMIT_WINDOW_MINUTES = env_int("PASSWORD_RESET_LIMIT_WINDOW_MINUTES", 60)

# The secretariat's contact, in the footer of every page and the privacy policy; a value left empty is not
# shown (an empty name shows "메타버스 얼라이언스 사무국" in the page's language).
SECRETARIAT_NAME = os.environ.get("SECRETARIAT_NAME", "")
SECRETARIAT_PHONE = os.environ.get("SECRETARIAT_PHONE", "")
SECRETARIAT_EMAIL = os.environ.get("SECRETARIAT_EMAIL", "")
SECRETARIAT_ADDRESS = os.environ.get("SECRETARIAT_ADDRESS", "")

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True
# Off: ids, years and codes print as plain digits (2026, not 2,026). Quantities shown to people carry their
# separators explicitly through `|count_with` or `|number` (alliance.core.templatetags.korean).
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["alliance.formats"]

STATIC_URL = "/static/"
# collectstatic writes here; nginx serves it (deploy/nginx/alliance.conf), WhiteNoise when no proxy does.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "alliance" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # DEBUG=0: files collected under hashed names (cache-busting, cacheable for a year) with gzip and Brotli
    # copies; `manage.py collectstatic` must run once per release, before the server restarts.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Several machines: uploads on S3-compatible object storage (AWS S3, MinIO, Ceph, NCP/KT object storage)
# instead of MEDIA_ROOT when a bucket is named. The bucket stays private: every file is served by the platform
# after its permission checks (alliance/core/storage.py). Credentials may also come from boto3's usual places.


def object_storage(environ) -> dict:
    """STORAGES["default"] for the bucket `environ` names (AWS_* variables, deploy/alliance.env.example)."""
    return {
        "BACKEND": "alliance.core.storage.ObjectStorage",
        "OPTIONS": {
            "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # "path" for most S3-compatible servers (MinIO, an emulator); "virtual" or "auto" for AWS.
            "addressing_style": environ.get("AWS_S3_ADDRESSING_STYLE", "path"),
            "location": environ.get("AWS_LOCATION", ""),
            "signature_version": "s3v4",
            "default_acl": None,  # the bucket's own policy: private
            "file_overwrite": False,  # Django's own unique names, as on the local folder
        },
    }


if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = object_storage(os.environ)

# Uploads: spreadsheets, attachments and logos. The limit is checked by the forms with a Korean message;
# a request body announced as larger than MAX_REQUEST_BYTES is refused (413) before it is read.
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", MAX_UPLOAD_BYTES + 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "메타버스 얼라이언스 사무국 <noreply@metaverse-alliance.kr>")
# Where replies to the platform's e-mails go (the sender is a no-reply address); empty: no Reply-To header.
EMAIL_REPLY_TO = os.environ.get("EMAIL_REPLY_TO", "")


def cache_settings(url: str) -> dict:
    """A CACHES entry from a URL: file:///path (a directory), locmem://name, or redis://host:port/db
    (rediss:// with TLS, redis://:password@host:port/db with Redis's requirepass; Debian's redis-server)."""
    scheme, _separator, location = url.partition("://")
    # Room for the directory's search token counts beside the rest (Django's default keeps 300 entries).
    options = {"MAX_ENTRIES": 5_000}
    if scheme == "file" and location:
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": location,
            "OPTIONS": options,
        }
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": location or "alliance",
            "OPTIONS": options,
        }
    if scheme in {"redis", "rediss"}:
        # A Redis that does not answer fails a request's cache call within seconds (readyz then says "cache"),
        # instead of holding the request until the operating system gives up on the connection.
        timeouts = {"socket_connect_timeout": 2, "socket_timeout": 2}
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "OPTIONS": timeouts}
    msg = f"CACHE_URL must be file:///path, locmem:// or redis://host:port/db (got {url!r})."
    raise ImproperlyConfigured(msg)


# The cache carries what several processes must share while a transaction hides it from the database: an
# import's progress, written by a worker inside its write transaction, read by the page that polls it; and
# what is dear to recompute on every visit (the member count, the directory's search token counts). The
# default, a directory under var/, is shared by every process of one machine (the server and `db_worker`);
# several machines set a Redis URL.
CACHES = {"default": cache_settings(os.environ.get("CACHE_URL", f"file://{VAR_DIR / 'cache'}"))}

# Background work: in-process by default; TASKS_BACKEND=database hands it to `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[os.environ.get("TASKS_BACKEND", "immediate")],
    },
}

# Census links expire; directory entries older than this many days are flagged to staff.
CENSUS_LINK_DAYS = env_int("CENSUS_LINK_DAYS", 30)
CONFIRMATION_STALE_DAYS = env_int("CONFIRMATION_STALE_DAYS", 365)
# Public totals of company figures (a category's revenue or employees) are shown only over at least this many
# companies reporting the figure (core/figures.py, "Totals"); staff see every total.
ALLIANCE_MIN_COMPANIES_FOR_TOTALS = max(1, env_int("ALLIANCE_MIN_COMPANIES_FOR_TOTALS", 3))
DIRECTORY_PAGE_SIZE = env_int("DIRECTORY_PAGE_SIZE", 24)
# Public pages many anonymous visitors read (the front page, the directory's first page, the map) are kept
# rendered in the cache until their data changes (alliance/core/page_cache.py), at most this long; 0: off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)
# A report archive search's ranking is kept in the cache this long, until the archive or its index changes
# (alliance/info/queries/archive_search.py): the next page of a search does not rank again; 0: off.
ARCHIVE_SEARCH_CACHE_SECONDS = env_int("ARCHIVE_SEARCH_CACHE_SECONDS", 600)

# The newsletter's subscribers and delivery (alliance/info; docs/apps/info.md "Newsletter: consent and delivery").
# 정보통신망법 §50: an edition carrying advertising gets "(광고)" before its subject and states the sender and a free
# opt-out (NEWSLETTER_AD_MARKING); consent to advertising is re-confirmed every two years (NEWSLETTER_CONSENT_RENEWAL):
# a renewal request NEWSLETTER_CONSENT_RENEWAL_DAYS after the last confirmation, advertising suspended for those who
# have not renewed NEWSLETTER_RENEWAL_GRACE_DAYS later. Both on unless switched off.
NEWSLETTER_AD_MARKING = env_bool("NEWSLETTER_AD_MARKING", True)
NEWSLETTER_CONSENT_RENEWAL = env_bool("NEWSLETTER_CONSENT_RENEWAL", True)
NEWSLETTER_CONSENT_RENEWAL_DAYS = env_int("NEWSLETTER_CONSENT_RENEWAL_DAYS", 730)
NEWSLETTER_RENEWAL_GRACE_DAYS = env_int("NEWSLETTER_RENEWAL_GRACE_DAYS", 30)
# The sender as advertising e-mail must state it; an edition carrying advertising is refused while one is empty.
# By default the secretariat's own (SECRETARIAT_ADDRESS; SECRETARIAT_PHONE and SECRETARIAT_EMAIL).
NEWSLETTER_SENDER_NAME = os.environ.get("NEWSLETTER_SENDER_NAME", SECRETARIAT_NAME or "메타버스 얼라이언스 사무국")
NEWSLETTER_SENDER_ADDRESS = os.environ.get("NEWSLETTER_SENDER_ADDRESS", SECRETARIAT_ADDRESS)
NEWSLETTER_SENDER_CONTACT = os.environ.get(
    "NEWSLETTER_SENDER_CONTACT", " / ".join(value for value in (SECRETARIAT_PHONE, SECRETARIAT_EMAIL) if value)
)
# A double opt-in's confirmation link works this many days; an address is suspended after this many hard bounces.
NEWSLETTER_CONFIRM_DAYS = env_int("NEWSLETTER_CONFIRM_DAYS", 7)
NEWSLETTER_HARD_BOUNCE_LIMIT = max(1, env_int("NEWSLETTER_HARD_BOUNCE_LIMIT", 3))
# Sending: e-mails per SMTP connection (a batch), and at most this many a minute (0: as fast as the server takes).
NEWSLETTER_BATCH_SIZE = max(1, env_int("NEWSLETTER_BATCH_SIZE", 100))
NEWSLETTER_RATE_PER_MINUTE = max(0, env_int("NEWSLETTER_RATE_PER_MINUTE", 12000))
# The DSN mailbox read in the background: protocol imap or pop3 (empty: not read), host, port (0: the protocol's),
# account, SSL. The provider webhook answers only a request carrying NEWSLETTER_BOUNCE_WEBHOOK_SECRET (empty: off).
NEWSLETTER_BOUNCE_PROTOCOL = os.environ.get("NEWSLETTER_BOUNCE_PROTOCOL", "").lower()
NEWSLETTER_BOUNCE_HOST = os.environ.get("NEWSLETTER_BOUNCE_HOST", "")
NEWSLETTER_BOUNCE_PORT = env_int("NEWSLETTER_BOUNCE_PORT", 0)
NEWSLETTER_BOUNCE_USER = os.environ.get("NEWSLETTER_BOUNCE_USER", "")
NEWSLETTER_BOUNCE_PASSWORD = os.environ.get("NEWSLETTER_BOUNCE_PASSWORD", "")
NEWSLETTER_BOUNCE_SSL = env_bool("NEWSLETTER_BOUNCE_SSL", True)
NEWSLETTER_BOUNCE_FOLDER = os.environ.get("NEWSLETTER_BOUNCE_FOLDER", "INBOX")
NEWSLETTER_BOUNCE_WEBHOOK_SECRET = os.environ.get("NEWSLETTER_BOUNCE_WEBHOOK_SECRET", "")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# Behind a TLS-terminating proxy: Django sees plain HTTP, so it trusts the proxy's header naming the scheme,
# only when told which header (a header a client could set itself must never be trusted by default).
_PROXY_SSL_HEADER = os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip()
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _PROXY_SSL_HEADER.upper().replace("-", "_"), "https") if _PROXY_SSL_HEADER else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The health checks answer over plain HTTP too: systemd, a load balancer or a monitor may probe the server directly.
SECURE_REDIRECT_EXEMPT = env_list("SECURE_REDIRECT_EXEMPT", r"^healthz$,^readyz$")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# No inline script or style anywhere: pages load their scripts from /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Background task rows (django-tasks-db) finished longer ago than this are deleted by the periodic job
# `prune_task_results` (alliance/core/jobs.py; run by `manage.py run_jobs`, deploy/systemd/alliance-jobs.timer).
TASK_RESULT_RETENTION_DAYS = env_int("TASK_RESULT_RETENTION_DAYS", 14)

# Several workers (TASKS_BACKEND=database, `manage.py db_worker` on one or more machines): each stamps its
# heartbeat every TASK_WORKER_HEARTBEAT_SECONDS; a task whose worker has not been seen for
# TASK_WORKER_LEASE_SECONDS (killed, machine lost) is handed back to the queue for another worker, at most
# TASK_MAX_ATTEMPTS times in all, then recorded failed (alliance/core/workers.py).
TASK_WORKER_HEARTBEAT_SECONDS = env_int("TASK_WORKER_HEARTBEAT_SECONDS", 10)
TASK_WORKER_LEASE_SECONDS = env_int("TASK_WORKER_LEASE_SECONDS", 60)
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 3)

# Files uploaded for a confirmation that never came (a member list checked but not imported, a landscape.yml
# checked but not imported, under MEDIA_ROOT/imports/) are deleted by hourly periodic jobs this long after.
UNCONFIRMED_UPLOAD_RETENTION_HOURS = env_int("UNCONFIRMED_UPLOAD_RETENTION_HOURS", 48)


# The daily newsletter (alliance/info): an edition is scheduled for NEWSLETTER_SEND_TIME (Korean time, HH:MM)
# of its publishing day unless staff pick another time. News feeds are fetched by the server through
# alliance/core/safe_fetch.py, bounded: at most NEWSLETTER_FEED_MAX_BYTES per answer, NEWSLETTER_FEED_TIMEOUT
# seconds per connection, NEWSLETTER_FEED_MAX_ITEMS entries per fetch; a title as close as
# NEWSLETTER_TITLE_SIMILARITY (0–1) to one already stored counts as the same article.
NEWSLETTER_SEND_TIME = os.environ.get("NEWSLETTER_SEND_TIME", "08:30")
NEWSLETTER_FEED_MAX_BYTES = int(os.environ.get("NEWSLETTER_FEED_MAX_BYTES", str(2 * 1024 * 1024)))
NEWSLETTER_FEED_TIMEOUT = float(os.environ.get("NEWSLETTER_FEED_TIMEOUT", "10"))
NEWSLETTER_FEED_MAX_ITEMS = int(os.environ.get("NEWSLETTER_FEED_MAX_ITEMS", "50"))
NEWSLETTER_TITLE_SIMILARITY = float(os.environ.get("NEWSLETTER_TITLE_SIMILARITY", "0.9"))
# host:port pairs the server may fetch although they are private addresses (tests' local feed server only).
SAFE_FETCH_ALLOWED_HOSTS: tuple[str, ...] = ()

# Homepage analytics (alliance/info/services/analytics_recording.py): page views recorded on the server, no
# cookie, no address kept. ANALYTICS_EXCLUDED_PREFIXES: paths never counted (static files, health checks);
# raw views are kept ANALYTICS_RAW_DAYS days (the daily totals for good); views wait in each process's buffer
# until ANALYTICS_BUFFER_SIZE wait or the oldest waited ANALYTICS_FLUSH_SECONDS, then go in one INSERT.
ANALYTICS_ENABLED = env_bool("ANALYTICS_ENABLED", True)
ANALYTICS_EXCLUDED_PREFIXES = env_list(
    "ANALYTICS_EXCLUDED_PREFIXES", "/static/,/media/,/healthz,/readyz,/favicon.ico,/robots.txt"
)
ANALYTICS_RAW_DAYS = env_int("ANALYTICS_RAW_DAYS", 90)
ANALYTICS_BUFFER_SIZE = env_int("ANALYTICS_BUFFER_SIZE", 50)
ANALYTICS_FLUSH_SECONDS = env_int("ANALYTICS_FLUSH_SECONDS", 10)

# Regulatory self-service (alliance/regulation): the partner agency (its short name in the agencies app) the
# ministry delegated the platform-operator filings to, whose liaisons review them; the subcommittee (name prefix of
# a governance body) whose seat holders edit the ethics checklist; and every how many months a received filing's
# contact is asked to re-confirm it (0: no reminders).
REGULATION_FILING_AGENCY = os.environ.get("REGULATION_FILING_AGENCY", "NIPA")
REGULATION_SUBCOMMITTEE = os.environ.get("REGULATION_SUBCOMMITTEE", "윤리제도")
REGULATION_RECONFIRM_MONTHS = env_int("REGULATION_RECONFIRM_MONTHS", 0)

# Logs on stdout: JSON lines (one per request with its id, route, status, duration and user id; see
# alliance/core/logs.py) in production, plain text on a developer's machine. LOG_FORMAT=json|text.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "alliance.core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # The request lines: on in production (INFO), quiet by default in development and tests.
        "alliance.requests": {"level": os.environ.get("REQUEST_LOG_LEVEL", "WARNING" if DEBUG else "INFO")},
    },
}

# Error reports to Sentry when SENTRY_DSN is set: needs `pip install sentry-sdk` (not pinned in requirements.txt;
# see README). No personal data is sent (send_default_pii off).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from alliance.core.error_reports import start_sentry

    start_sentry(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
