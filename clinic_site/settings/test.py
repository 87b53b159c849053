"""Test settings: fast hashing, mail kept in memory, tasks run on the database queue like production."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail that workers deliver lands in django.core.mail.outbox (or goes where EMAIL_BACKEND says, for a
# worker process a test starts). Django's test set-up also points EMAIL_BACKEND at the outbox, so mail
# sent in a test is not queued unless the test sets EMAIL_BACKEND = QUEUED_MAIL (tests/test_mail_queue.py).
WORKER_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Each test process has its own cache in memory, so parallel workers never share rate-limit counts.
CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405
# The page cache outlives each test's database; tests/test_page_cache.py turns it on where it is tested.
PAGE_CACHE_ENABLED = False
# Sign-in throttling needs the request, which Client.login() does not pass: tests sign in with
# force_login, and tests/test_login_throttling.py turns axes on where it is the subject.
AXES_ENABLED = False

# A file-based SQLite test database (one per test process), so tests with several threads
# exercise the same locking the site meets in production.
TEST_ARTIFACTS = BASE_DIR / "test-artifacts"  # noqa: F405
TEST_ARTIFACTS.mkdir(exist_ok=True)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(TEST_ARTIFACTS / f"test-db-{os.getpid()}.sqlite3")
    }
