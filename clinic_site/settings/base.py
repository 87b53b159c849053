"""Settings shared by every environment.

Safe for production on its own: DEBUG is off and everything that differs between machines is read
from the environment. ``dev.py`` and ``test.py`` relax it; ``production.py`` tightens it.
"""

import os
from pathlib import Path

from .database import database_from_env
from .env import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "clinic_site",
    "pagecache",
    "articles",
    "booking",
    "worker",
    "staff",
    "demo",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
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
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
]

MIDDLEWARE = [
    # Outermost, so every response (a cached page too) gets its own request id and the security headers.
    "clinic_site.middleware.RequestIdMiddleware",
    "clinic_site.middleware.SecurityHeadersMiddleware",
    # /healthz answers before the host check and the HTTPS redirect: load balancers probe by address.
    "clinic_site.health.HealthCheckMiddleware",
    "clinic_site.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors get stored copies of public pages (pagecache/). Everything above runs on every
    # response; headers added below are stored with the page, so they must not vary per request.
    "pagecache.middleware.PageCacheMiddleware",
    # HTML is compressed before it is stored (see the Page cache section for BREACH).
    "django.middleware.gzip.GZipMiddleware",
    # A database outage is answered with a 503 page that still gives the clinic's phone number.
    "clinic_site.resilience.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed a second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "clinic_site.middleware.StaffSessionExpiryMiddleware",
    # Until a person who needs a second factor has passed it, the admin shows them nothing else.
    "staff.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic_site.urls"
WSGI_APPLICATION = "clinic_site.wsgi.application"

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
                "pagecache.context_processors.page_cache",
            ],
        },
    },
]


DATABASES = {"default": database_from_env(default_sqlite_file=BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Clinic"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "articles.ClinicImage"
# Finishing a workflow publishes after the approvals, whether or not the last approver may publish
# directly (clinical reviewers may not): articles/publishing.py.
WAGTAIL_FINISH_WORKFLOW_ACTION = "articles.publishing.publish_approved"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# Booking
# Consultation requests from patients (booking app). Tests override these with override_settings.
# Each client address may have BOOKING_RATE_LIMIT[0] submissions stored per BOOKING_RATE_LIMIT[1]
# seconds, and may post BOOKING_ATTEMPT_LIMIT[0] times in all (mistakes included) per window; beyond
# either it gets a 429 page with the clinic's phone. None turns the limits off. The counts live in the
# default cache, so give production a cache that all web workers (and app servers) share.
BOOKING_RATE_LIMIT = (5, 600)
BOOKING_ATTEMPT_LIMIT = (30, 600)
# BOOKING_RATE_LIMIT="5/600" in the environment sets it, "off" turns both off (load tests).
if os.environ.get("BOOKING_RATE_LIMIT", "").strip():
    _limit = os.environ["BOOKING_RATE_LIMIT"].strip().lower()
    BOOKING_RATE_LIMIT = None if _limit in {"off", "0", "none"} else tuple(int(n) for n in _limit.split("/"))
if os.environ.get("BOOKING_ATTEMPT_LIMIT", "").strip():
    BOOKING_ATTEMPT_LIMIT = tuple(int(n) for n in os.environ["BOOKING_ATTEMPT_LIMIT"].split("/"))
# A form sent sooner than this after it was served (a bot, or a browser's autofill) is shown again with
# everything kept and "please check and send", never thanked without being stored.
BOOKING_MIN_FILL_SECONDS = float(os.environ.get("BOOKING_MIN_FILL_SECONDS", "3"))
# The clinic's phone number for the "we are having trouble" page, shown when the database (where
# Settings › Clinic details live) cannot be reached and no web worker remembers the number yet.
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "")
# Region used to read phone numbers typed without a country code, when Clinic details has no country.
BOOKING_PHONE_REGION = "US"
# Where "a new request arrived" notices go when Settings › Clinic details has no address.
BOOKING_NOTIFICATION_EMAIL = os.environ.get("BOOKING_NOTIFICATION_EMAIL", "")
# A notice the mail server refused or could not take is queued again after base_delay seconds,
# doubling each time up to max_delay, for max_attempts attempts in all (about a day with these).
BOOKING_MAIL_RETRY = {"max_attempts": 30, "base_delay": 60, "max_delay": 3600}

# Front desk
# Closed and not-a-fit consultation requests untouched for this many days are anonymised by
# `manage.py apply_retention` (run it daily).
BOOKING_RETENTION_DAYS = int(os.environ.get("BOOKING_RETENTION_DAYS", "365"))
# Waitlist entries are deleted this many days after their last wanted day or after the patient left.
WAITLIST_RETENTION_DAYS = int(os.environ.get("WAITLIST_RETENTION_DAYS", "30"))


# Cache
# One cache for all web workers: the booking form's rate limit and the page cache live in it. With
# REDIS_URL it is Redis, shared by every app server (needed with more than one); without, a folder on
# this machine (CACHE_DIR) that the workers of one box share. dev.py and test.py use memory instead.
def cache_from_env():
    redis_url = os.environ.get("REDIS_URL", "").strip()
    if redis_url:
        return {
            # django-redis rather than Django's own Redis backend: with IGNORE_EXCEPTIONS a Redis outage
            # reads as an empty cache (logged) instead of failing every request that touches the cache
            # (Wagtail's site root paths, renditions, the page cache, the rate limit).
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "clinic"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            },
        }
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }


CACHES = {"default": cache_from_env()}
# A cache call that fails because Redis is away is logged (django_redis logger) and answered as a miss.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Security
# Headers: SecurityHeadersMiddleware sends the Content-Security-Policy (the public one, or the admin one
# under CSP_ADMIN_PATH_PREFIXES), Permissions-Policy and Cross-Origin-Resource-Policy; Django's
# SecurityMiddleware the rest. production.py adds HSTS, secure cookies and upgrade-insecure-requests.
# The public site has no JavaScript of its own and no inline scripts or styles; script-src 'self' is
# for the Wagtail user bar that signed-in editors see on pages.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The Wagtail admin renders inline scripts (inline panels, date pickers) and inline styles (its
# vendor script adds <style> elements), shows upload previews from blob: URLs and page previews in a
# frame of its own. Checked in Chromium with no violation reported on the dashboard, the page editor
# (StreamField, image chooser, block picker, preview, scheduling), uploads and the request list.
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'none'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CSP_ADMIN_PATH_PREFIXES = ["/admin/"]
PERMISSIONS_POLICY = {
    feature: "()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Nothing about what a visitor reads here leaves with them when they follow a link to another site.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Addresses or networks of the reverse proxies and load balancers in front of the app. X-Forwarded-For
# is believed only on connections from them (ClientAddressMiddleware); empty: the connection's address.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# Sessions: staff are signed out after 30 minutes without a request and 8 hours after signing in
# (StaffSessionExpiryMiddleware), and when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30")) * 60
STAFF_SESSION_MAX_SECONDS = SESSION_COOKIE_AGE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie: the public forms post plain HTML and the Wagtail admin takes its
# token from the page.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Uploads and media: images of these types and sizes only (no SVG: it can carry script); documents are
# always downloaded as attachments through Wagtail's view (privacy checks, nosniff, CSP), never served
# from the media folder. Images are served from the media folder by clinic_site.media unless object
# storage serves them.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
SERVE_MEDIA_IMAGES = True
# Staff avatars are not fetched from Gravatar: no third-party requests from the admin, and no hash of
# staff email addresses sent out.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Page cache
# Anonymous GETs of public pages are served from the default cache (pagecache/), so give it a cache all
# web workers share (above). Every stored page, and every template fragment cached with
# {% wagtailcache %}, is filed under a generation kept in the database, which a change to any of the
# models below replaces in the same transaction. PAGE_CACHE_ENABLED=false turns the page cache off (the
# benchmark's uncached server; test.py, where tests that need it turn it on). It is always off with
# DEBUG (dev.py), where template changes must show at once.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
PAGE_CACHE_ALIAS = "default"
# Never looked up here (never stored either: only Wagtail's page view is). The consultation form and
# online booking are also never_cache and set the CSRF cookie.
PAGE_CACHE_SKIP_PATHS = ("/admin/", "/consultation/", "/book/", "/documents/", STATIC_URL, MEDIA_URL)
# Saving or deleting one of these (or a subclass: every page type is a wagtailcore.Page) can change
# what some page shows: teasers, menus, footers, portraits, restrictions, the clinic's details.
PAGE_CACHE_INVALIDATED_BY = [
    "wagtailcore.Page",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
    "clinic_site.ClinicSettings",
    "articles.Practitioner",
    "articles.ClinicImage",
]
# Wagtail keeps the renditions it finds in the "renditions" cache, as its documentation describes: Redis
# with REDIS_URL; else each process's memory (a rendition's key names the image file's hash and focal
# point, so a changed picture is a new key and nothing stale is ever read).
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    CACHES["renditions"] = {
        **CACHES["default"],
        "KEY_PREFIX": f"{CACHES['default']['KEY_PREFIX']}-renditions",
    }
else:
    CACHES["renditions"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
# Compression (GZipMiddleware, HTML only; whitenoise serves static files pre-compressed). BREACH needs a
# secret that is the same in every response plus attacker-chosen text reflected beside it. Public pages
# hold no secret. The consultation form holds the CSRF token, which Django masks with a new random
# value in every response, and GZipMiddleware pads each response with random bytes; the form reflects
# no query-string text. So compressing it too is safe.

# Search engines
# Host names (as in ALLOWED_HOSTS, ".clinic.example" for subdomains too) whose pages search engines may
# index. On every other host (a staging copy, a developer's machine, the site reached by its IP address)
# each page says noindex and robots.txt disallows everything. Empty by default: set it in production.
SEO_INDEXABLE_HOSTS = env_list("SEO_INDEXABLE_HOSTS")

# Staff sign-in: second factor, lockouts, password reset (clinic_site/settings/sign_in.py).
from .mail_and_tasks import *  # noqa: E402, F403
from .sign_in import *  # noqa: E402, F403
