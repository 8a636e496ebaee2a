"""Test settings: the real settings with fast hashing, immediate tasks and in-memory mail."""

import os

os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from config.settings import *  # noqa: F403
from config.settings import DATABASES, MIDDLEWARE, MINDWELL_RATE_LIMITS, STATIC_ROOT, VAR_DIR

# Every test Client builds its middleware: this WhiteNoise reads the static files once a run.
MIDDLEWARE = [
    "tests.support.static_files.ScanOnceWhiteNoiseMiddleware"
    if name == "whitenoise.middleware.WhiteNoiseMiddleware"
    else name
    for name in MIDDLEWARE
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite posts many forms from one address, at once: the rate limits are a thousand times
# looser and forms may come back at once. Tests of the limits and the fill time set them.
MINDWELL_RATE_LIMITS = {
    action: {scope: [(count * 1000, seconds) for count, seconds in windows]
             for scope, windows in scopes.items()}
    for action, scopes in MINDWELL_RATE_LIMITS.items()
}  # fmt: skip
MINDWELL_MIN_FILL_SECONDS = 0
MINDWELL_VIEW_FLUSH_SECONDS = 0  # tests read view counts at once; tests of batching raise it
# Nothing is stored in the page caches: a test's transaction never commits, so the versions
# that keep stored pages fresh never move. The tests of the caches turn them on.
MINDWELL_PAGE_CACHE = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than :memory: so that threads in concurrency tests share one database.
    # One file per process, so that parallel runs on one machine never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_mindwell_{os.getpid()}"}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
