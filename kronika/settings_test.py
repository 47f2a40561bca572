"""Settings for the test suite: fast hashing, tasks run inline, plain HTTP."""

import os
import tempfile


def _own_data_dir(path: str, worker: str) -> str:
    """Each pytest-xdist worker gets a data directory of its own.

    The workers inherit the directory the controller made, and a test that
    checks what landed in the media folder would see another worker's
    uploads arrive in the middle of it. Commands a test runs inherit the
    worker's name and its directory, and must not go one level deeper.
    """
    if not worker or os.path.basename(path) == worker:
        return path
    return os.path.join(path, worker)


os.environ.setdefault("KRONIKA_DATA_DIR", tempfile.mkdtemp(prefix="kronika-test-"))
os.environ["KRONIKA_DATA_DIR"] = _own_data_dir(
    os.environ["KRONIKA_DATA_DIR"], os.environ.get("PYTEST_XDIST_WORKER", "")
)
# The suite runs the paper in three languages, as the demo does: a test of a
# paper in one sets KRONIKA_LANGUAGES itself, in a process of its own.
os.environ.setdefault("KRONIKA_LANGUAGES", "en,lt,ru")
os.environ.setdefault(
    "KRONIKA_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789"
)


def _own_redis_database(url: str, worker: str) -> str:
    """Each pytest-xdist worker gets a Redis database of its own.

    The suite empties the page cache before every test, and Django's Redis
    cache empties its whole database to do so: two workers sharing one would
    wipe each other's pages in the middle of a test. Worker gwN takes the
    database N below the one named, so CI's /15 becomes /15 and /14.
    """
    base, _, number = url.rpartition("/")
    if not number.isdigit() or not worker.startswith("gw"):
        return url
    return f"{base}/{int(number) - int(worker[2:])}"


if os.environ.get("REDIS_URL") and os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["REDIS_URL"] = _own_redis_database(
        os.environ["REDIS_URL"], os.environ["PYTEST_XDIST_WORKER"]
    )

from kronika.settings import *  # noqa: E402, F403
from kronika.settings import DATA_DIR, REDIS_URL  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The suite signs editors in with force_login; the two-factor tests switch the
# duty to set up a device back on themselves (kronika/accounts/tests).
KRONIKA_2FA_REQUIRED = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "kronika.base.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Browsers drop __Host- cookies that are not Secure, and the suite's live servers speak HTTP.
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
SECURE_HSTS_SECONDS = 0
if not REDIS_URL:
    CACHES = {
        **CACHES,  # noqa: F405
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
