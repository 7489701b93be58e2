"""Settings shared by every environment; values come from the environment (django-environ).

See https://docs.djangoproject.com/en/5.2/ref/settings/
"""

from datetime import timedelta
from pathlib import Path

import bootstrap_wrapper
import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

# GENERAL
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#debug
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

# https://docs.djangoproject.com/en/5.2/ref/settings/#language-code
LANGUAGE_CODE = "id"
# Indonesian only, whatever the browser asks for (no LocaleMiddleware).
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Dates are written "22 November 2026"; numbers are formatted by apps.core.angka, never by
# USE_THOUSAND_SEPARATOR (it would print the year 2023 as "2.023").
FORMAT_MODULE_PATH = ["config.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]

# DATABASES
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#databases
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'sakip.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# URLS
# ------------------------------------------------------------------------------
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# APPS
# ------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.admin",
]
THIRD_PARTY_APPS = [
    "django_tables2",
    "django_filters",
    "import_export",
    "simple_history",
    # Before apps.core, whose admin re-registers axes' models for the admin role only.
    "axes",
]
LOCAL_APPS = [
    "apps.core",
    "apps.anggaran",
    "apps.perencanaan",
    "apps.pengukuran",
    "apps.laporan",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

# AUTHENTICATION
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#auth-user-model
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:beranda"
LOGOUT_REDIRECT_URL = "login"
# django-axes first: it refuses a locked-out username before any password is checked.
# https://django-axes.readthedocs.io/en/latest/2_installation.html
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id at OWASP's minimum cost (apps/core/hashers.py: why); the others only verify old
# hashes, which are rewritten as Argon2id at the next login.
PASSWORD_HASHERS = [
    "apps.core.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
]
# Django's messages come out in Indonesian (LANGUAGE_CODE); KataSandiTanpaNamaValidator
# refuses a password built on the username, "sakip" or the kabupaten's name.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("SAKIP_SANDI_MIN_PANJANG", default=10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "apps.core.kata_sandi.KataSandiTanpaNamaValidator"},
]

# LOGIN THROTTLING
# ------------------------------------------------------------------------------
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
# A username is locked from one address after AXES_FAILURE_LIMIT wrong passwords, for
# AXES_COOLOFF_MENIT minutes (counted from the last failure); a correct password before that
# resets the count. An admin unlocks earlier by deleting the row in
# Data induk › Axes › Upaya akses. The lockout page is templates/registration/terkunci.html.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MENIT", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
# The address is REMOTE_ADDR (django-ipware is not installed): X-Forwarded-For is never
# trusted, since a client could change it on every try. Behind a reverse proxy every client
# has the proxy's address, so the lock becomes one per username.

# MIDDLEWARE
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 400 for a NUL character in the address or query, before any view queries with it.
    "apps.core.middleware.TolakNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history tables (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Idle timeout and the cap on a session's length (SAKIP_SESI_*).
    "apps.core.middleware.BatasSesiMiddleware",
    # Last, as django-axes asks: it turns a lockout signalled by the backend into the page.
    "axes.middleware.AxesMiddleware",
]

# STATIC AND MEDIA
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#static-root
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Bootstrap 5 (the design system, issue 17) from its PyPI package, under static/bootstrap/;
# nothing is loaded from a CDN.
STATICFILES_DIRS = [BASE_DIR / "static", ("bootstrap", bootstrap_wrapper.get_bootstrap_dir())]
# Uploaded files (bukti dukung, final PDFs) live outside the static root and are served only
# through views that check permissions; MEDIA_URL is deliberately not routed.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# TEMPLATES
# ------------------------------------------------------------------------------
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
                "apps.core.context_processors.pemda",
                "apps.core.context_processors.notifikasi",
                "apps.core.context_processors.menu",
            ],
        },
    },
]
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"

# SECURITY
# ------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Shared office computers: a session ends when the browser closes, after SAKIP_SESI_DIAM_MENIT
# minutes without a request (the session's expiry, pushed on by BatasSesiMiddleware at most
# once a minute) and at the latest SAKIP_SESI_MAKS_JAM hours after logging in.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SAKIP_SESI_DIAM_MENIT = env.int("SAKIP_SESI_DIAM_MENIT", default=30)
SAKIP_SESI_MAKS_JAM = env.int("SAKIP_SESI_MAKS_JAM", default=8)
SESSION_COOKIE_AGE = SAKIP_SESI_DIAM_MENIT * 60
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# CONTENT SECURITY POLICY
# ------------------------------------------------------------------------------
# https://django-csp.readthedocs.io/en/latest/configuration.html
# In every environment, so that a test or a developer sees at once a page that breaks under
# it. Scripts only from static/js (no inline script or event handler in any template); styles
# only from static/css (the predikat colours are classes, not style attributes). The LKjIP
# templates' column widths (style="width: ...") are for WeasyPrint, which ignores CSP, and are
# never part of a browser page. Charts are inline SVG; a QR code may be a data: image.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# CACHE
# ------------------------------------------------------------------------------
# Shared by every web process in production (CACHE_URL=redis://...); one process's memory
# by default. Holds the dashboard's computed rows (apps.laporan.selectors.dasbor_cache).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Seconds the dashboard's rows are reused before they are computed again (0: every time).
SAKIP_DASBOR_CACHE_DETIK = env.int("SAKIP_DASBOR_CACHE_DETIK", default=60)

# EMAIL
# ------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="sakip@localhost")

# CELERY
# ------------------------------------------------------------------------------
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# `celery beat` (docker-compose service beat): give up jobs whose worker died, delete old ZIPs.
CELERY_BEAT_SCHEDULE = {
    "bersihkan-tugas": {"task": "apps.core.tasks.bersihkan_tugas_job", "schedule": 5 * 60},
}

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every rendering step at INFO; only its warnings matter.
    # django-axes logs every successful login at INFO; its failures and lockouts are WARNING.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# SAKIP
# ------------------------------------------------------------------------------
# Demo password of the users created by `load_demo` (printed by `make run`).
SAKIP_DEMO_PASSWORD = env("SAKIP_DEMO_PASSWORD", default="sakip-demo-2026")
# Evidence files (bukti dukung): the largest accepted upload, in bytes.
SAKIP_BUKTI_MAKS_BYTES = env.int("SAKIP_BUKTI_MAKS_BYTES", default=5 * 1024 * 1024)
# Spreadsheets imported (DPA, realisation, nomenclature): the largest accepted file, in bytes,
# and the most data rows one file may hold.
SAKIP_IMPOR_MAKS_BYTES = env.int("SAKIP_IMPOR_MAKS_BYTES", default=10 * 1024 * 1024)
SAKIP_IMPOR_MAKS_BARIS = env.int("SAKIP_IMPOR_MAKS_BARIS", default=50_000)
# Reminders are sent this many days before an input window closes (kirim_pengingat).
SAKIP_PENGINGAT_HARI = env.int("SAKIP_PENGINGAT_HARI", default=3)
SAKIP_URL_DASAR = env("SAKIP_URL_DASAR", default="http://127.0.0.1:8000")
# The public address printed (with a QR code) on a final LKjIP: /verifikasi/<kode>/ under it
# must be reachable by anyone holding the paper, so it is the public host, not an intranet one.
SAKIP_URL_PUBLIK = env("SAKIP_URL_PUBLIK", default=SAKIP_URL_DASAR)
# The largest PDF the public verification page reads (hashed while streaming, never stored).
SAKIP_VERIFIKASI_MAKS_BYTES = env.int("SAKIP_VERIFIKASI_MAKS_BYTES", default=50 * 1024 * 1024)
# A background job (import, LKjIP package) that wrote no progress for this many minutes is
# taken for dead and marked failed (apps.core.tugas); finished LKjIP packages' ZIPs are
# deleted after this many days (apps.laporan.paket.paket_expire).
SAKIP_TUGAS_BATAS_MENIT = env.int("SAKIP_TUGAS_BATAS_MENIT", default=30)
SAKIP_PAKET_SIMPAN_HARI = env.int("SAKIP_PAKET_SIMPAN_HARI", default=7)
# Hours a draft LKjIP PDF made by the worker is kept for its user (apps.laporan.draf).
SAKIP_DRAF_SIMPAN_JAM = env.int("SAKIP_DRAF_SIMPAN_JAM", default=24)
