"""The one settings module. Everything that differs between machines comes from the environment."""

import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.server import DEFAULT_HOST, DEFAULT_PORT, local_url
from mindwell.core.env import EnvError, env_bool, env_email, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("MINDWELL_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    key = env_str("SECRET_KEY", "")
    if key:
        return key
    # Zero set-up: a key made once per machine and kept beside the database.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_NAME = env_str("SITE_NAME", "Mindwell")
# Links in emails point where ./run serves (HOST and PORT) unless SITE_URL says otherwise.
SITE_URL = env_str(
    "SITE_URL", local_url(env_str("HOST", DEFAULT_HOST), env_int("PORT", DEFAULT_PORT))
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "mindwell.core",
    "mindwell.accounts",
    "mindwell.tags",
    "mindwell.reputation",
    "mindwell.qa",
    "mindwell.moderation",
    "mindwell.safety",
    "mindwell.notifications",
    "mindwell.search",
    "mindwell.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy, Permissions-Policy and Cache-Control on every page.
    "mindwell.core.middleware.SecurityHeaders",
    # X-Robots-Tag: noindex on each page whose head asks search engines to leave it out.
    "mindwell.core.robots.RobotsTag",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The client's address, for the checks on guests' posts (core.client.client_ip).
    "mindwell.core.client.ClientAddress",
    # A page a check asks the writer to see after posting (core.detour): none between requests.
    "mindwell.core.detour.Detours",
    # 400 for a control character in the address, the query or a form, before any view.
    "mindwell.core.middleware.RefuseControlCharacters",
    # The project's NotFound / Forbidden / ActionError as pages, or as JSON when asked.
    "mindwell.core.middleware.ErrorResponses",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "mindwell.core.context_processors.site",
                # Last, so that a cacheable page gets a placeholder for its CSRF token, and a
                # page shared by members is rendered for no one in particular.
                "mindwell.core.pagecache.csrf_placeholder",
                "mindwell.core.pagecache.recording_context",
            ],
        },
    },
]


def _database() -> dict[str, Any]:
    url = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'mindwell.sqlite3'}")
    try:
        parsed = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    except ValueError as exc:
        raise EnvError(f"DATABASE_URL is not a database URL Django understands: {exc}") from None
    config: dict[str, Any] = dict(parsed)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock at
            # BEGIN so two writers never deadlock upgrading a read lock.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
        }
        config["CONN_MAX_AGE"] = 0 if ":memory:" in url else config["CONN_MAX_AGE"]
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # No JIT: it compiles any query whose plan looks costly, such as a search's scan
        # of the newest matches that stops after a few thousand rows; the compiling took
        # 90-110 ms, the query itself 27 ms (the search bench, 1,000,000 questions).
        options = config.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    config.setdefault("TEST", {})
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "qa:home"
LOGOUT_REDIRECT_URL = "qa:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
# Files browsers ask for at the site's root (/favicon.ico), served by whitenoise too.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# How email leaves: by default each message is written to var/sent-mail/.
globals().update(env_email("EMAIL_URL", f"file://{VAR_DIR / 'sent-mail'}"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mindwell <no-reply@mindwell.local>")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Our own scripts, styles and images only: no inline script or style, no framing, forms
# posted only here (mindwell.core.middleware.SecurityHeaders sends both).
MINDWELL_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
MINDWELL_PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)

# Points for each event; close to Question2Answer's defaults. Caps bound what votes on a
# single post can add or take away.
MINDWELL_POINTS = {
    "ask_question": 2,
    "post_answer": 4,
    "select_accepted_answer": 3,
    "answer_accepted": 30,
    "question_upvote": 1,
    "question_downvote": -1,
    "answer_upvote": 2,
    "answer_downvote": -2,
    "question_upvote_cap": 10,
    "question_downvote_cap": -3,
    "answer_upvote_cap": 50,
    "answer_downvote_cap": -20,
}
# Cookies that no stored page depends on, so a visitor who has them is still served stored
# pages: the country chosen on "Need help now?" (a page that is never stored).
MINDWELL_PAGE_CACHE_IGNORED_COOKIES = ("region",)
MINDWELL_PAGE_SIZE = env_int("MINDWELL_PAGE_SIZE", 20)
MINDWELL_CONFIRM_MAX_AGE = env_int("MINDWELL_CONFIRM_MAX_AGE", 3 * 24 * 3600)
# How long a guest's private link to edit or delete their post works (qa/guest_links.py,
# decision 0011); after that, the moderators, written to at this address, can help.
MINDWELL_GUEST_LINK_DAYS = env_int("MINDWELL_GUEST_LINK_DAYS", 30)
# Roles and moderation (docs/architecture.md, "Moderation").
MINDWELL_TRUSTED_POINTS = env_int("MINDWELL_TRUSTED_POINTS", 100)
MINDWELL_PROTECTED_ANSWER_POINTS = env_int("MINDWELL_PROTECTED_ANSWER_POINTS", 10)
MINDWELL_FLAGS_TO_HIDE = env_int("MINDWELL_FLAGS_TO_HIDE", 3)
MINDWELL_CLOSE_VOTES = env_int("MINDWELL_CLOSE_VOTES", 3)
MINDWELL_MODERATORS_EMAIL = env_str("MINDWELL_MODERATORS_EMAIL", "moderators@mindwell.local")
# How long a keyed hash of the address a guest's or anonymous post came from is kept, for
# moderators; housekeeping deletes it after that, as the privacy page says.
MINDWELL_ORIGIN_DAYS = env_int("MINDWELL_ORIGIN_DAYS", 30)
# Safety (docs/architecture.md, "Safety"): after how many hours a question marked "may need
# support" with no answer is shown to the members who offered to help.
MINDWELL_SUPPORT_UNANSWERED_HOURS = env_int("MINDWELL_SUPPORT_UNANSWERED_HOURS", 4)
# Notifications: how long the inbox keeps them, the local hour digests go out, and how long
# the worker holds an email it is sending before another may take it (a killed worker's).
MINDWELL_NOTIFICATIONS_DAYS = env_int("MINDWELL_NOTIFICATIONS_DAYS", 90)
MINDWELL_DIGEST_HOUR = env_int("MINDWELL_DIGEST_HOUR", 8)
# The lease must outlast sending one email (a few exchanges with the server, each allowed
# MINDWELL_EMAIL_TIMEOUT_SECONDS), or two workers may send it.
MINDWELL_EMAIL_LEASE_SECONDS = env_int("MINDWELL_EMAIL_LEASE_SECONDS", 300)
MINDWELL_EMAIL_TIMEOUT_SECONDS = env_int("MINDWELL_EMAIL_TIMEOUT_SECONDS", 30)
# A notifications task still running after this long is a dead worker's, and is queued
# again by the housekeeping (mindwell/notifications/stalled.py).
MINDWELL_STALLED_TASK_SECONDS = env_int("MINDWELL_STALLED_TASK_SECONDS", 900)
# How often the task worker runs the clean-ups (mindwell/core/housekeeping.py): old origins,
# form submissions, expired guest links and sign-ups, finished tasks.
MINDWELL_HOUSEKEEPING_SECONDS = env_int("MINDWELL_HOUSEKEEPING_SECONDS", 3600)
if MINDWELL_HOUSEKEEPING_SECONDS < 60:
    raise ImproperlyConfigured("MINDWELL_HOUSEKEEPING_SECONDS must be 60 or more.")
MINDWELL_VIEW_FLUSH_SECONDS = env_int("MINDWELL_VIEW_FLUSH_SECONDS", 10)
MINDWELL_VIEW_FLUSH_COUNT = env_int("MINDWELL_VIEW_FLUSH_COUNT", 20_000)
# Whole pages for anonymous readers (mindwell/core/pagecache/, decision 0004). Versions are
# in Redis with REDIS_URL, otherwise in this file, shared by the processes of one machine.
MINDWELL_PAGE_CACHE = env_bool("MINDWELL_PAGE_CACHE", True)
MINDWELL_PAGE_CACHE_SECONDS = env_int("MINDWELL_PAGE_CACHE_SECONDS", 60)
MINDWELL_PAGE_CACHE_MB = env_int("MINDWELL_PAGE_CACHE_MB", 64)
MINDWELL_PAGE_VERSIONS_FILE = env_str(
    "MINDWELL_PAGE_VERSIONS_FILE", str(VAR_DIR / "page-versions.bin")
)

# Rate limits (mindwell/core/ratelimit.py): for each action, whom a window counts ("member",
# "ip", "key", "key+ip") and its windows as (how many, seconds). Far above what a person
# does; README "Spam and abuse defences" lists them. Addresses are shared (homes, offices,
# mobile networks), so theirs are looser than a member's.
_MINUTE, _HOUR = 60, 3600
MINDWELL_RATE_LIMITS: dict[str, dict[str, list[tuple[int, int]]]] = {
    "ask": {"member": [(5, _MINUTE), (10, _HOUR)], "ip": [(5, _MINUTE), (20, _HOUR)]},
    "answer": {"member": [(10, _MINUTE), (30, _HOUR)], "ip": [(10, _MINUTE), (60, _HOUR)]},
    "comment": {"member": [(20, _MINUTE), (60, _HOUR)], "ip": [(20, _MINUTE), (120, _HOUR)]},
    "vote": {"member": [(60, _MINUTE), (200, _HOUR)], "ip": [(60, _MINUTE), (400, _HOUR)]},
    "flag": {"member": [(20, _MINUTE), (50, _HOUR)], "ip": [(20, _MINUTE), (100, _HOUR)]},
    "signup": {"ip": [(5, _HOUR)]},
    # Failed log-ins only: per account name from one address, and per address.
    "login": {"key+ip": [(10, 5 * _MINUTE)], "ip": [(50, 5 * _MINUTE)]},
    # Per address asked for, whoever asks, and per asking address.
    "password_reset": {"key": [(3, _HOUR)], "ip": [(10, _HOUR)]},
}
# Loosens every limit at once (a site where many people share one address; load tests).
MINDWELL_RATE_LIMIT_FACTOR = env_int("MINDWELL_RATE_LIMIT_FACTOR", 1)
if MINDWELL_RATE_LIMIT_FACTOR < 1:
    raise ImproperlyConfigured("MINDWELL_RATE_LIMIT_FACTOR must be 1 or more.")
MINDWELL_RATE_LIMITS = {
    action: {scope: [(count * MINDWELL_RATE_LIMIT_FACTOR, seconds) for count, seconds in windows]
             for scope, windows in scopes.items()}
    for action, scopes in MINDWELL_RATE_LIMITS.items()
}  # fmt: skip
# How many reverse proxies in front of the site add to X-Forwarded-For (0: none, the client
# is REMOTE_ADDR). Rate limits per address need the client's own address.
MINDWELL_TRUSTED_PROXIES = env_int("MINDWELL_TRUSTED_PROXIES", 0)
# Public forms sent back sooner than this after they were served are refused as automated
# (mindwell/core/antispam.py); 0 turns the check off.
MINDWELL_MIN_FILL_SECONDS = env_int("MINDWELL_MIN_FILL_SECONDS", 3)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
