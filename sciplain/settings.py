"""Django settings, driven by environment variables with safe defaults.

Development mode is explicit (``SCIPLAIN_DEBUG=1``). Without it the site runs with
production settings and refuses to start without a secret key, taken from
``SCIPLAIN_SECRET_KEY`` or from the key file ``sciplain init`` writes in the data dir.
Product knobs live in ``sciplain.conf``.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def _flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SCIPLAIN_DATA_DIR", "sciplain-data")).resolve()
DEBUG = _flag("SCIPLAIN_DEBUG")
SECRET_KEY_FILE = DATA_DIR / "secret.key"

SECRET_KEY = os.environ.get("SCIPLAIN_SECRET_KEY") or (
    SECRET_KEY_FILE.read_text().strip() if SECRET_KEY_FILE.exists() else ""
)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SCIPLAIN_SECRET_KEY is not set: set it, run `sciplain init` to create a key file, "
            "or set SCIPLAIN_DEBUG=1 for development."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("SCIPLAIN_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("SCIPLAIN_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "sciplain.papers",
    "sciplain.review",
    "sciplain.web",
    "sciplain.subscriptions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sciplain.web.middleware.SecurityHeadersMiddleware",
    "sciplain.web.middleware.ApiPreflightMiddleware",
    "sciplain.web.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Editors' login: django-axes locks a username+address pair out after repeated failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SCIPLAIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("SCIPLAIN_LOGIN_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "sciplain.web.middleware.login_client_ip"

ROOT_URLCONF = "sciplain.urls"
WSGI_APPLICATION = "sciplain.wsgi.application"

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
                "sciplain.web.context.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'sciplain.sqlite3'}",
        conn_max_age=int(os.environ.get("SCIPLAIN_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while a job writes; busy_timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
try:  # argon2 is in the default install; PBKDF2 keeps old hashes verifiable if it is not
    import argon2  # noqa: F401
except ImportError:
    PASSWORD_HASHERS = PASSWORD_HASHERS[1:]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Files in the data dir, not per-process memory: the web workers and `sciplain run` on one
# machine then share cached pages, their invalidation on publish, and rate-limit counters.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
if os.environ.get("SCIPLAIN_REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["SCIPLAIN_REDIS_URL"],
    }

EMAIL_BACKEND = os.environ.get("SCIPLAIN_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("SCIPLAIN_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("SCIPLAIN_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SCIPLAIN_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SCIPLAIN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SCIPLAIN_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _flag("SCIPLAIN_EMAIL_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("SCIPLAIN_FROM_EMAIL", "sciplain@localhost")

# Security: secure cookies and HSTS are on in production; HTTPS redirect and HSTS are
# opt-in because the one-machine default serves plain HTTP on 127.0.0.1.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG and not _flag("SCIPLAIN_INSECURE_COOKIES")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = int(os.environ.get("SCIPLAIN_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SCIPLAIN_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = _flag("SCIPLAIN_HSTS_PRELOAD")
SECURE_SSL_REDIRECT = _flag("SCIPLAIN_SSL_REDIRECT")
if os.environ.get("SCIPLAIN_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGIN_URL = "/admin/login/"

# Public pages are cached whole for anonymous readers; publishing bumps a version key.
PAGE_CACHE_SECONDS = int(os.environ.get("SCIPLAIN_PAGE_CACHE_SECONDS", "300"))

# Celery (only when SCIPLAIN_REDIS_URL is set; without it jobs run in-process).
CELERY_BROKER_URL = os.environ.get("SCIPLAIN_REDIS_URL", "")
CELERY_TASK_ACKS_LATE = True  # a job is acknowledged after it ran, so a dead worker's job runs again
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
_RESTORE_SECONDS = int(os.environ.get("SCIPLAIN_JOB_RESTORE_SECONDS", "100"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Redis re-delivers an unacknowledged job after this long (e.g. its worker was killed).
    "visibility_timeout": int(os.environ.get("SCIPLAIN_JOB_VISIBILITY_TIMEOUT", "3600")),
    # ... looking for such jobs about every SCIPLAIN_JOB_RESTORE_SECONDS (kombu's default sweep: ~100 s)
    "unacked_restore_interval": min(10, _RESTORE_SECONDS),
    "unacked_restore_throttle": max(1, _RESTORE_SECONDS // 10),
    # One worker at a time sweeps, holding a lock in Redis. A worker killed mid-sweep leaves
    # the lock behind until it expires (kombu: 300 s), and no job is re-delivered meanwhile;
    # a sweep takes milliseconds, so the lock may expire after one sweep interval.
    "unacked_mutex_expire": max(10, _RESTORE_SECONDS),
}
CELERY_TIMEZONE = "UTC"
JOB_LEASE_SECONDS = int(os.environ.get("SCIPLAIN_JOB_LEASE_SECONDS", "900"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "sciplain.jsonlog.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler",
                             "formatter": "json" if os.environ.get("SCIPLAIN_LOG_FORMAT") == "json" else "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SCIPLAIN_LOG_LEVEL", "WARNING")},
}
