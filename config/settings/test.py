"""Tests: DATABASE_URL when set (CI uses the local PostgreSQL), else SQLite."""

import atexit
import os

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = False
SECRET_KEY = "sakip-test-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Jobs run at once; the one test with a real worker (tests/laporan/test_paket.py) starts it
# with false here.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
MEDIA_ROOT = VAR_DIR / "test-media"
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'test.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's in-memory default, so a Celery worker process started by a test
    # can open the test database (pytest-django appends the xdist worker's suffix, _gw0).
    # Named after this process so that two test runs in one checkout never share a file, and
    # removed when the process ends, since --reuse-db keeps it and it is never reused.
    # https://docs.djangoproject.com/en/5.2/ref/settings/#test
    _TEST_DB = VAR_DIR / f"test-db-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(_TEST_DB)}
    atexit.register(lambda: [p.unlink(missing_ok=True) for p in VAR_DIR.glob(f"{_TEST_DB.name}*")])

# Pages show the data as it is at once; tests/laporan/test_dasbor_cache.py turns the dashboard's
# cache on where it tests it.
SAKIP_DASBOR_CACHE_DETIK = 0
