"""Production: refuses to start without a secret key and allowed hosts; never DEBUG.

Everything that differs between deployments comes from the environment (docs/deploy.md lists it).
HTTPS is assumed: a proxy in front (nginx, Caddy, a load balancer) terminates TLS and says so with
X-Forwarded-Proto. ``SECURE_SSL_REDIRECT=false`` is for running the production layout over plain HTTP on
a laptop (``make serve``); it also drops upgrade-insecure-requests, which would break plain HTTP.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from clinic_site.logging import logging_config

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN, env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")

# HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if SECURE_SSL_REDIRECT:
    CONTENT_SECURITY_POLICY = {**CONTENT_SECURITY_POLICY, "upgrade-insecure-requests": []}
    CONTENT_SECURITY_POLICY_ADMIN = {**CONTENT_SECURITY_POLICY_ADMIN, "upgrade-insecure-requests": []}

# Logs: JSON lines on stdout with the request id (LOG_FORMAT=plain for reading by eye).
LOGGING = logging_config(
    level=os.environ.get("LOG_LEVEL", "INFO"),
    json_lines=os.environ.get("LOG_FORMAT", "json").strip().lower() != "plain",
)

# Media on object storage (S3 or compatible) when a bucket is named. Images are public files there
# (the bucket policy allows reading images/ and original_images/ only); documents stay private and are
# streamed through Wagtail's document view, which checks privacy and sends them as attachments.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=86400"}
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    }
    SERVE_MEDIA_IMAGES = False
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_URL = f"https://{AWS_S3_CUSTOM_DOMAIN}/"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_URL = f"{AWS_S3_ENDPOINT_URL.rstrip('/')}/{AWS_STORAGE_BUCKET_NAME}/"
    else:
        region = f".{AWS_S3_REGION_NAME}" if AWS_S3_REGION_NAME else ""
        MEDIA_URL = f"https://{AWS_STORAGE_BUCKET_NAME}.s3{region}.amazonaws.com/"
else:
    MEDIA_URL = os.environ.get("MEDIA_URL", MEDIA_URL)  # noqa: F405
    SERVE_MEDIA_IMAGES = env_bool("SERVE_MEDIA_IMAGES", True)

# Images from another origin (object storage, a media CDN) are allowed by the policies too.
_media = urlsplit(MEDIA_URL)
if _media.scheme in {"http", "https"} and _media.netloc:
    _origin = f"{_media.scheme}://{_media.netloc}"
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,
        "img-src": [*CONTENT_SECURITY_POLICY["img-src"], _origin],
    }
    CONTENT_SECURITY_POLICY_ADMIN = {
        **CONTENT_SECURITY_POLICY_ADMIN,
        "img-src": [*CONTENT_SECURITY_POLICY_ADMIN["img-src"], _origin],
    }

# CDN purge on publish (wagtail.contrib.frontend_cache), only when a CDN is configured.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("CLOUDFLARE_API_TOKEN") and os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    # A cache that takes HTTP PURGE requests (Varnish, nginx with a purge module) at this address.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
