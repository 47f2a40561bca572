"""Kronika's settings: every value comes from the environment (see .env.example).

Defaults are those of a production install on one machine: DEBUG off, HTTPS
assumed, SQLite and media in KRONIKA_DATA_DIR. Scaling out means setting
DATABASE_URL and REDIS_URL; nothing else changes.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from kronika import features
from kronika.email_settings import email_settings, sender
from kronika.env import (
    env_bool,
    env_choice,
    env_int,
    env_languages,
    env_list,
    env_names,
    env_str,
)
from kronika.media_storage import media_origin, media_s3_credentials, media_storage

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("KRONIKA_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("KRONIKA_DEBUG", False)


def _secret_key() -> str:
    """Use the configured key, or one generated once and kept in the data directory.

    Keeping the generated key means sessions and signed cookies survive a restart
    of an install that never configured one.
    """
    configured = env_str("KRONIKA_SECRET_KEY", "")
    if configured:
        return configured
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        tmp = key_file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(50))
        os.replace(tmp, key_file)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()


def _language_name(code: str) -> str:
    """A language's name in itself ("Русский"), as the language switcher shows it."""
    from django.conf.locale import LANG_INFO

    return LANG_INFO[code]["name_local"]


ALLOWED_HOSTS = env_list("KRONIKA_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("KRONIKA_CSRF_TRUSTED_ORIGINS", [])
BASE_URL = env_str("KRONIKA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

# The optional features to install (kronika.features), all of them unless named.
KRONIKA_FEATURES = features.with_what_they_need(
    "KRONIKA_FEATURES",
    env_names("KRONIKA_FEATURES", features.OPTIONAL, list(features.OPTIONAL)),
)

INSTALLED_APPS = [
    "kronika.base",
    "kronika.news",
    "kronika.mail",
    *features.app_names(
        KRONIKA_FEATURES, "comments", "ratings", "telegram", "newsletters", "feeds", "search"
    ),
    "kronika.pagecache",
    "kronika.backups",
    "kronika.demo",
    "kronika.worker",
    "kronika.security",
    "kronika.accounts",
    "kronika.translations",
    *features.app_names(KRONIKA_FEATURES, "wordpress"),
    "wagtail_localize",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
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
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Two-factor authentication for staff (kronika.accounts.two_factor, which also
    # stands in for wagtail_2fa's app: its admin hooks fail to import on Wagtail 8).
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Sign-in throttling and lockout (kronika.accounts.throttle).
    "axes",
    # Only for its system checks of CONTENT_SECURITY_POLICY; the middleware is ours.
    "csp",
]

MIDDLEWARE = [
    "kronika.pagecache.serving.PageCacheMiddleware",
    # The security headers go on every response, including those answered early
    # below (414, 431, 503), and are kept with each page the page cache stores.
    "django.middleware.security.SecurityMiddleware",
    "kronika.security.headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kronika.base.outage.DatabaseOutageMiddleware",
    "kronika.base.middleware.RequestLimitsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address's prefix (/lt/, /ru/), else the paper's first.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, which refuses hosts outside ALLOWED_HOSTS.
    "kronika.news.sitewide.SiteWideDataMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Between the two: the ETag is made from the uncompressed body, and If-None-Match
    # is compared with the ETag of the encoding sent (kronika.pagecache.compression).
    "kronika.pagecache.compression.CompressionMiddleware",
    "kronika.base.middleware.StableETagMiddleware",
    "kronika.base.middleware.CacheHeadersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kronika.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Old WordPress addresses (?p=123) lead to the articles imported from them.
    *(
        ["kronika.wordpress.middleware.OldQueryLinksMiddleware"]
        if "wordpress" in KRONIKA_FEATURES
        else []
    ),
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "kronika.base.storage_full.StorageFullMiddleware",
    # Last, so that it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kronika.urls"
WSGI_APPLICATION = "kronika.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "kronika.news.context_processors.paper",
                "kronika.features.installed",
            ],
        },
    },
]


# The embedded default is SQLite in WAL mode, so readers are never blocked by a
# writer; IMMEDIATE transactions take the write lock up front instead of failing
# with "database is locked" half-way through.
def _database(url: str) -> dict:
    """DATABASE_URL as Django's settings; only SQLite and PostgreSQL are supported.

    The error never repeats the address, which may hold a password.
    """
    scheme = url.partition("://")[0] if "://" in url else ""
    try:
        database = dj_database_url.parse(
            url,
            conn_max_age=env_int("KRONIKA_DB_CONN_MAX_AGE", 60, minimum=0),
            conn_health_checks=True,
        )
    except ValueError:
        database = {"ENGINE": ""}
    if database["ENGINE"] not in (
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    ):
        raise ImproperlyConfigured(
            "DATABASE_URL must be a sqlite:///path or postgres://user@host/name address"
            + (f", got one starting {scheme}://." if scheme else ".")
        )
    return database


DATABASES = {
    "default": _database(env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'kronika.sqlite3'}"))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each request thread has a connection of its own, and each connection its
    # own page cache (2 MB by default), copying pages the system's file cache
    # already holds once for every connection and process. At 512 KB the
    # uncached renders of a 100,000-article paper took as long, and a server
    # worker's peak memory fell by about 9 MB at 5 threads (issue 22).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
            "PRAGMA foreign_keys=ON; PRAGMA cache_size=-512;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = None

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# With Redis, every app server shares one cache, one page cache and the cached
# copies of sessions. The site keeps serving without them while Redis is down
# (see kronika.base.rediscache).
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "kronika.base.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("KRONIKA_CACHE_PREFIX", "kronika"),
        },
        "pages": {
            "BACKEND": "kronika.base.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("KRONIKA_CACHE_PREFIX", "kronika") + ":pages",
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # A file cache is shared by every worker process of one machine, unlike locmem.
    CACHES = {
        "default": {
            "BACKEND": "kronika.base.filecache.FileCache",
            "LOCATION": DATA_DIR / "cache",
        },
        "pages": {
            "BACKEND": "kronika.base.filecache.FileCache",
            "LOCATION": DATA_DIR / "pages",
            # Tag versions (kronika.pagecache.store) are kept apart, never culled.
            "OPTIONS": {
                "MAX_ENTRIES": env_int("KRONIKA_PAGE_CACHE_FILES", 20_000, minimum=100),
                "KEPT_PREFIX": "tag:",
            },
        },
    }

# Wagtail looks a rendition up in this cache and writes it back on every use;
# in process memory that costs nothing. A rendition's name never changes, so a
# process only risks pointing at one deleted since, for at most ten minutes.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 10_000},
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The paper's languages, the first its default (docs/languages.md). Each is a
# Wagtail locale with a tree of pages of its own: the default's at "/", each
# other's under its code ("/lt/", "/ru/"). Editors choose the admin's language
# for themselves, among all Wagtail speaks.
KRONIKA_LANGUAGES = env_languages("KRONIKA_LANGUAGES", ["en"])
LANGUAGE_CODE = KRONIKA_LANGUAGES[0]
LANGUAGES = [(code, _language_name(code)) for code in KRONIKA_LANGUAGES]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# A translation starts as a draft, whatever its original's state: published at
# once, it would show readers the original's text under /lt/ until translated.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = env_str("KRONIKA_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Media on local disk, each file written whole or not at all, or in an
# S3-compatible bucket when KRONIKA_MEDIA_S3_BUCKET is set (docs/storage.md).
AWS_S3_ACCESS_KEY_ID, AWS_S3_SECRET_ACCESS_KEY = media_s3_credentials()
STORAGES = {
    "default": media_storage(),
    # Hashed names let static files be cached for a year by browsers and CDNs; each
    # text file is compressed (.br, .gz beside it) once, when it is collected.
    "staticfiles": {
        "BACKEND": "kronika.base.static_storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# E-mail: the server every mail goes through, password resets included
# (docs/email.md). Unset, mail is written to files under the data directory.
# Whatever the site sends is queued in the outbox, and the worker hands it to
# KRONIKA_EMAIL_BACKEND, retrying until the server takes it (kronika.mail.outbox).
globals().update(email_settings(env_str("KRONIKA_EMAIL_URL", ""), DATA_DIR))
EMAIL_BACKEND = "kronika.mail.backend.OutboxBackend"
DEFAULT_FROM_EMAIL = SERVER_EMAIL = sender(
    env_str("KRONIKA_EMAIL_FROM", ""), BASE_URL, env_str("KRONIKA_SITE_NAME", "Kronika")
)
# How long a mail the server will not take yet (down, login refused, "try
# later") keeps being tried before it is given up on (kronika.mail.outbox).
KRONIKA_EMAIL_RETRY_HOURS = env_int("KRONIKA_EMAIL_RETRY_HOURS", 72, minimum=1)

# HTTPS is assumed in production (TLS ends at nginx or the CDN); the local demo
# on plain http://127.0.0.1 switches it off.
HTTPS = env_bool("KRONIKA_HTTPS", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
# Lax, not Strict: with Strict an editor following a link from a workflow email
# into the admin would arrive logged out.
CSRF_COOKIE_SAMESITE = "Lax"
# Browsers keep a __Host- cookie only when it is Secure, for the whole site and
# without a Domain, so no sibling subdomain can plant or overwrite it. On plain
# HTTP (the local demo) browsers would drop such cookies, so the names stay plain.
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
# Only the admin sends messages; kept in the session, they need no cookie of their own.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CSRF_FAILURE_VIEW = "kronika.base.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"

# Staff accounts (kronika.accounts). Sign-ins are throttled by django-axes with an
# exact, concurrency-safe count (kronika.accounts.throttle): an account is locked
# after KRONIKA_LOGIN_FAILURE_LIMIT failures from anywhere, a client address after
# KRONIKA_LOGIN_CLIENT_FAILURE_LIMIT failures across accounts, each until
# KRONIKA_LOGIN_COOLOFF_MINUTES have passed since its last failure.
AUTHENTICATION_BACKENDS = ["kronika.accounts.backends.ThrottledModelBackend"]
AXES_HANDLER = "kronika.accounts.throttle.AtomicLoginThrottle"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env_int("KRONIKA_LOGIN_FAILURE_LIMIT", 5, minimum=1)
KRONIKA_LOGIN_CLIENT_FAILURE_LIMIT = env_int("KRONIKA_LOGIN_CLIENT_FAILURE_LIMIT", 20, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("KRONIKA_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
# The client's address as comments and ratings see it (KRONIKA_TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "kronika.accounts.throttle.client_address"
AXES_LOCKOUT_CALLABLE = "kronika.accounts.lockout.locked_out"
# Attempts refused while locked reach no password, so they neither count nor extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Every sign-in event is a line on the kronika.accounts logger instead.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False
# How long a password reset link works; using it, or any password change, ends it sooner.
PASSWORD_RESET_TIMEOUT = env_int("KRONIKA_PASSWORD_RESET_MINUTES", 60, minimum=1) * 60
# Two-factor authentication (kronika.accounts.two_factor) is open to all staff, and
# whoever has a device is asked for a code. KRONIKA_2FA_REQUIRED makes Editors and
# administrators set one up; it is on wherever HTTPS is (every production install).
WAGTAIL_2FA_REQUIRED = True
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = env_str("KRONIKA_SITE_NAME", "Kronika")
KRONIKA_2FA_REQUIRED = env_bool("KRONIKA_2FA_REQUIRED", HTTPS)

# Content-Security-Policy (kronika.security.headers): no inline script and
# nothing from another host, except pictures from the media host when media are
# elsewhere (S3, a CDN). Nothing may frame the site, embed plugins or move its base URL.
_SELF = ["'self'"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": _SELF,
        "script-src": _SELF,
        "style-src": _SELF,
        "img-src": [*_SELF, *filter(None, [media_origin(STORAGES["default"])])],
        "font-src": _SELF,
        "connect-src": _SELF,
        "form-action": _SELF,
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail 8's admin still runs inline scripts (the chooser and date widgets of
# its forms, scripts in the HTML its modals load), inserts <style> elements
# (wagtail/wagtail#1288) and shows an upload's thumbnail from a blob: URL. So for
# signed-in staff under /admin/ only, these directives replace the strict ones;
# the login and password reset pages keep the strict policy, and so does the
# preview of a page (which only the admin may frame). Checked in Chromium by
# kronika/security/tests/test_the_admin_works_under_the_content_security_policy.py.
KRONIKA_ADMIN_CSP = {
    "script-src": [*_SELF, "'unsafe-inline'"],
    "style-src": [*_SELF, "'unsafe-inline'"],
    "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "blob:"],
}
# Powerful browser features no page of a newspaper uses: a script injected into
# a page could not turn them on either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Logs go to stderr, where systemd's journal or the container runtime collects
# them: one JSON object per line by default, or plain lines for a terminal.
# Either way secrets (bot tokens, passwords in URLs, the secret key) are redacted.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "kronika.base.logs.RedactingFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "json": {
            "()": "kronika.base.logs.RedactingJsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "filters": {
        "quiet_autosave": {"()": "kronika.base.logs.QuietAutosaveFilter"},
        "bad_host": {"()": "kronika.base.logs.BadHostFilter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env_choice("KRONIKA_LOG_FORMAT", ("json", "plain"), "json"),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("KRONIKA_LOG_LEVEL", "INFO")},
    "loggers": {
        # Propagated to the root's handler as before, less an invalid autosave's 400.
        "django.request": {"filters": ["quiet_autosave"]},
        # A Host outside ALLOWED_HOSTS: one WARNING line, a few a minute, not a traceback each.
        "django.security.DisallowedHost": {"filters": ["bad_host"]},
        "django_tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": "INFO"},
        # Sign-in events are logged once, by kronika.accounts.
        "axes": {"level": "WARNING"},
    },
}

WAGTAIL_SITE_NAME = env_str("KRONIKA_SITE_NAME", "Kronika")
WAGTAILIMAGES_IMAGE_MODEL = "base.KronikaImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# oEmbed lookups go through the outbound fetching guard (kronika.security.fetching).
WAGTAILEMBEDS_FINDERS = [{"class": "kronika.security.embeds.GuardedOEmbedFinder"}]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("KRONIKA_MAX_IMAGE_UPLOAD_MB", 20, minimum=1) * 1024**2
# Pillow holds 4 bytes a pixel, and turning a picture upright or converting it
# from CMYK on upload holds two copies: at 32 million pixels (a 6930 by 4620
# photo) a server process peaks near 410 MB, under the 512 MB it may use.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("KRONIKA_MAX_IMAGE_MEGAPIXELS", 32, minimum=1) * 10**6
# Uploads (kronika.security.uploads and .documents): pictures are checked by
# their bytes and re-encoded, never SVG; documents are checked against their
# extension and only ever served as downloads, under "default-src 'none'".
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "kronika.base.picture_form.PictureForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "kronika.security.forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("KRONIKA_MAX_DOCUMENT_UPLOAD_MB", 20, minimum=1) * 1024**2
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from gravatar.com would tell a third party which staff use the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]},
    }
}

# Reader-facing behaviour.
KRONIKA_PAGE_SIZE = env_int("KRONIKA_PAGE_SIZE", 20, minimum=1)
KRONIKA_MAX_QUERY_STRING = env_int("KRONIKA_MAX_QUERY_STRING", 2048, minimum=256)
KRONIKA_CACHE_BROWSER_MAX_AGE = env_int("KRONIKA_CACHE_BROWSER_MAX_AGE", 0, minimum=0)
KRONIKA_CACHE_SHARED_MAX_AGE = env_int("KRONIKA_CACHE_SHARED_MAX_AGE", 1, minimum=0)
KRONIKA_CACHE_STALE_WHILE_REVALIDATE = env_int(
    "KRONIKA_CACHE_STALE_WHILE_REVALIDATE", 30, minimum=0
)
KRONIKA_CACHE_STALE_IF_ERROR = env_int("KRONIKA_CACHE_STALE_IF_ERROR", 86_400, minimum=0)
# The full-page cache for anonymous readers (kronika.pagecache): how long a page
# may be kept at most, how often each process re-checks the pages it holds in
# memory against changes made by other processes, and how much memory that takes.
KRONIKA_PAGE_CACHE = env_bool("KRONIKA_PAGE_CACHE", True)
KRONIKA_PAGE_CACHE_SECONDS = env_int("KRONIKA_PAGE_CACHE_SECONDS", 3600, minimum=1)
KRONIKA_PAGE_CACHE_RECHECK_MS = env_int("KRONIKA_PAGE_CACHE_RECHECK_MS", 500, minimum=0)
KRONIKA_PAGE_CACHE_MEMORY_MB = env_int("KRONIKA_PAGE_CACHE_MEMORY_MB", 32, minimum=0)
# Parts of pages (site-wide data, teasers) kept in each process's memory while
# their tags are unchanged, so that a page rendered afresh reuses them.
KRONIKA_FRAGMENT_CACHE = env_bool("KRONIKA_FRAGMENT_CACHE", True)
KRONIKA_FRAGMENT_CACHE_MB = env_int("KRONIKA_FRAGMENT_CACHE_MB", 16, minimum=0)
# What the 503 page sent while the database is down asks browsers and crawlers to wait.
KRONIKA_RETRY_AFTER_SECONDS = env_int("KRONIKA_RETRY_AFTER_SECONDS", 30, minimum=1)
KRONIKA_MAX_HEADER_BYTES = env_int("KRONIKA_MAX_HEADER_BYTES", 16_384, minimum=1024)
# How many reverse proxies (nginx, a CDN) append to X-Forwarded-For in front of
# the app. 0 means readers connect directly and REMOTE_ADDR is their address.
KRONIKA_TRUSTED_PROXIES = env_int("KRONIKA_TRUSTED_PROXIES", 0, minimum=0)

# Every address the site fetches (embeds, imported media) goes through one guard
# (kronika.security.fetching): the most time one fetch may take in all, redirects
# included, the largest body it may bring back, and how many redirects it follows.
KRONIKA_FETCH_TIMEOUT = env_int("KRONIKA_FETCH_TIMEOUT", 10, minimum=1)
KRONIKA_FETCH_MAX_BYTES = env_int("KRONIKA_FETCH_MAX_BYTES", 20 * 1024**2, minimum=1024)
KRONIKA_FETCH_MAX_REDIRECTS = env_int("KRONIKA_FETCH_MAX_REDIRECTS", 3, minimum=0)

# Reader comments. Whether comments are held for moderation, and the blocked
# words, are paper settings that editors change in the admin.
# Newsletters: sign-ups an hour from one client (kronika.newsletters.signup).
KRONIKA_NEWSLETTER_SIGNUPS_PER_HOUR = env_int("KRONIKA_NEWSLETTER_SIGNUPS_PER_HOUR", 5, minimum=1)

KRONIKA_COMMENTS_MAX_LENGTH = env_int("KRONIKA_COMMENTS_MAX_LENGTH", 5000, minimum=100)
KRONIKA_COMMENTS_HONEYPOT = env_bool("KRONIKA_COMMENTS_HONEYPOT", True)
KRONIKA_COMMENTS_MIN_SECONDS = env_int("KRONIKA_COMMENTS_MIN_SECONDS", 3, minimum=0)
KRONIKA_COMMENTS_FLOOD_SECONDS = env_int("KRONIKA_COMMENTS_FLOOD_SECONDS", 15, minimum=0)
KRONIKA_COMMENTS_PER_HOUR = env_int("KRONIKA_COMMENTS_PER_HOUR", 20, minimum=0)
KRONIKA_COMMENTS_DUPLICATE_HOURS = env_int("KRONIKA_COMMENTS_DUPLICATE_HOURS", 24, minimum=0)
KRONIKA_COMMENTS_MAX_LINKS = env_int("KRONIKA_COMMENTS_MAX_LINKS", 2, minimum=0)

# Telegram. Channels are set up in the admin; these variables add one more.
KRONIKA_TELEGRAM_API_BASE = env_str("KRONIKA_TELEGRAM_API_BASE", "https://api.telegram.org")
KRONIKA_TELEGRAM_BOT_TOKEN = env_str("KRONIKA_TELEGRAM_BOT_TOKEN", "")
KRONIKA_TELEGRAM_CHAT_ID = env_str("KRONIKA_TELEGRAM_CHAT_ID", "")
KRONIKA_TELEGRAM_POSTS_PER_MINUTE = env_int("KRONIKA_TELEGRAM_POSTS_PER_MINUTE", 20, minimum=1)
KRONIKA_TELEGRAM_TIMEOUT = env_int("KRONIKA_TELEGRAM_TIMEOUT", 20, minimum=1)
KRONIKA_TELEGRAM_RETRY_HOURS = env_int("KRONIKA_TELEGRAM_RETRY_HOURS", 24, minimum=1)
KRONIKA_TELEGRAM_MAX_BACKOFF = env_int("KRONIKA_TELEGRAM_MAX_BACKOFF", 30, minimum=1)

# The task worker (kronika.worker): how often each worker says it is alive, and how
# long one may stay silent before the tasks it was running are queued to run again.
KRONIKA_WORKER_HEARTBEAT_SECONDS = env_int("KRONIKA_WORKER_HEARTBEAT_SECONDS", 5, minimum=1)
KRONIKA_WORKER_TIMEOUT_SECONDS = env_int("KRONIKA_WORKER_TIMEOUT_SECONDS", 30, minimum=2)
