"""A page cache for what anonymous visitors read: public Wagtail pages, served without rendering.

Why our own: wagtail-cache (CodeRed), the maintained package for this, declares ``wagtail<8.0``.

What is cached: the complete response (status 200, headers, body, gzip-compressed when the visitor
accepts it) of a GET or HEAD that Wagtail's page view answered, for a visitor without a session
cookie, when the response sets no cookie and does not say ``private``, ``no-cache`` or ``no-store``.
That keeps out the consultation form (``never_cache`` and its CSRF cookie), the admin and previews
(session cookie, and never Wagtail's page view), logged-in editors (session cookie), visitors who
entered a page password (session cookie) and password forms (CSRF cookie). Query strings bypass the
cache, except ``?page=N`` of paginated listings.

Invalidation: every key carries a site-wide *generation*, replaced by a new random value whenever
content that any page might show changes (publish, unpublish, move or delete of a page, view
restrictions, sites, clinic details, practitioners, images). One publish may change the page, its
index, the condition pages that list it, the home page and the menu on every page, so the simplest
correct answer is to start again; old entries are never read again and expire. The generation is
replaced after the change commits, so no request can store what it read before the commit under the
new generation. A missing generation (evicted, cache flushed) is a new random one, never a reuse.

Anonymous responses lose ``Vary: Cookie``: the session middleware adds it because the Wagtail userbar
checks ``request.user``, but without a session cookie that is always the anonymous user, and editors
(who have the cookie) never get or fill cached pages. Responses to requests that carry a session
cookie keep ``Vary: Cookie`` and are marked ``private`` so no shared cache in front of the site keeps
an editor's page.

Place the middleware below everything that must run on every response (security headers, request ids,
HSTS), above ``GZipMiddleware`` (so the compressed body is what is stored) and above the session,
CSRF and auth middleware (so hits skip them, and their cookies and Vary headers are seen on misses).
Headers added by middleware below it are stored with the page, so they must not differ per request.
``X-Cache: HIT`` or ``MISS`` tells tests and the benchmark what happened.
"""

import functools
import hashlib
import logging
import re
import threading
import uuid

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
PAGE_PARAM = re.compile(r"[1-9][0-9]{0,3}")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
VARY_ALLOWED = {"cookie", "accept-encoding"}
SKIPPED_HEADERS = {"vary", "set-cookie", "x-cache", "content-length"}


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def current_generation(cache):
    """The generation, read once per request: one cache read however many cached values it uses.

    Outside a request (a management command, the mail worker) it is read every time.
    """
    generation = getattr(_request_state, "generation", None)
    if generation is not None:
        return generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    if getattr(_request_state, "in_request", False):
        _request_state.generation = generation
    return generation


def bump_generation():
    """Forget every cached page at once (they stay in the cache until they expire, never read)."""
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    _request_state.generation = None  # the rest of this request sees the new one


_request_state = threading.local()


def request_memo():
    """A dict that lives as long as the current request (None outside one)."""
    return getattr(_request_state, "memo", None)


def _request_began(**kwargs):
    _request_state.in_request = True
    _request_state.generation = None
    _request_state.memo = {}


def _request_ended(**kwargs):
    _request_state.in_request = False
    _request_state.generation = None
    _request_state.memo = None


request_started.connect(_request_began, dispatch_uid="pagecache-request-started")
request_finished.connect(_request_ended, dispatch_uid="pagecache-request-finished")


def invalidate_after_commit(using=None):
    """Forget every cached page once the current transaction commits (at once outside one)."""
    transaction.on_commit(bump_generation, using=using, robust=True)


def page_number(request):
    """The allowed query string: nothing, or ``page=N``. None when the request must bypass the cache."""
    if not request.GET:
        return ""
    if list(request.GET) != ["page"]:
        return None
    values = request.GET.getlist("page")
    if len(values) != 1 or not PAGE_PARAM.fullmatch(values[0]):
        return None
    return values[0]


def skipped_prefixes():
    return getattr(settings, "PAGE_CACHE_SKIP_PATHS", ())


def enabled():
    """On when PAGE_CACHE_ENABLED, except with DEBUG, where a template change must show at once."""
    return getattr(settings, "PAGE_CACHE_ENABLED", False) and not settings.DEBUG


def lookup_key(request):
    """The cache key for this request without the generation, or None when it must not be cached."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None
    if request.path.startswith(skipped_prefixes()):
        return None
    page = page_number(request)
    if page is None:
        return None
    gzip = "gz" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "id"
    scheme = "https" if request.is_secure() else "http"
    url = f"{scheme}://{request.get_host()}{request.path}?page={page}"
    return f"{hashlib.sha256(url.encode()).hexdigest()[:40]}:{gzip}"


def without_cookie_vary(response):
    vary = [value for value in cc_delim_re.split(response.get("Vary", "")) if value]
    kept = [value for value in vary if value.lower() != "cookie"]
    if kept:
        response.headers["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response.headers["Vary"]


def storable(request, response):
    """Whether this response may be served to every anonymous visitor who asks for the same URL."""
    if not getattr(request, "_page_cache_wagtail_page", False):
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    directives = {
        part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & UNCACHEABLE_DIRECTIVES:
        return False
    vary = {value.lower() for value in cc_delim_re.split(response.get("Vary", "")) if value}
    if vary - VARY_ALLOWED:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    """Serve anonymous visitors stored copies of public pages; store the pages Wagtail renders for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled():
            return self.get_response(request)
        key = lookup_key(request)
        if key is None:
            response = self.get_response(request)
            if getattr(request, "_page_cache_wagtail_page", False) and self._has_session(request):
                patch_cache_control(response, private=True)
            return response

        cache = page_cache()
        try:
            key = f"pagecache:{current_generation(cache)}:{key}"
            stored = cache.get(key)
        except Exception:
            logger.exception("Page cache unavailable; serving the page without it")
            return self.get_response(request)
        if stored is not None:
            return self._response_from(stored)

        response = self.get_response(request)
        if storable(request, response):
            without_cookie_vary(response)
            entry = (
                response.content,
                [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS],
                response.get("Vary", ""),
            )
            try:
                cache.set(key, entry, timeout=getattr(settings, "PAGE_CACHE_SECONDS", 3600))
            except Exception:
                logger.exception("Could not store a page in the page cache")
        response.headers["X-Cache"] = "MISS"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        request._page_cache_wagtail_page = match is not None and match.url_name == "wagtail_serve"

    @staticmethod
    def _has_session(request):
        return settings.SESSION_COOKIE_NAME in request.COOKIES

    @staticmethod
    def _response_from(stored):
        content, headers, vary = stored
        response = HttpResponse(content)
        for name, value in headers:
            response.headers[name] = value
        if vary:
            response.headers["Vary"] = vary
        response.headers["Content-Length"] = str(len(content))
        response.headers["X-Cache"] = "HIT"
        return response


class RenditionCache(BaseCache):
    """Wagtail's rendition cache (the ``renditions`` alias), kept in another cache without rewrites.

    ``Image.get_renditions()`` and ``get_rendition()`` write back every rendition they found in the cache
    (the first skips only those marked ``_from_cache``, as it marks prefetched ones). With the file-based
    cache that is a file written and renamed per image size per page view: up to a third of an uncached
    page's time. This backend hands everything to the cache named in LOCATION (the shared default),
    marks what it reads as coming from the cache and skips writing such values back. Nothing else
    changes: entries still expire with that cache's timeout and Wagtail's deletes reach every worker.
    """

    def __init__(self, location, params):
        super().__init__(params)
        self.alias = location or "default"

    @property
    def target(self):
        return caches[self.alias]

    def get_many(self, keys, version=None):
        found = self.target.get_many(keys, version=version)
        for value in found.values():
            if hasattr(value, "__dict__"):
                value._from_cache = True
        return found

    def get(self, key, default=None, version=None):
        return self.target.get(key, default, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.target.add(key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if getattr(value, "_from_cache", False):  # get_rendition() writes back what it just read
            return None
        return self.target.set(key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        data = {key: value for key, value in data.items() if not getattr(value, "_from_cache", False)}
        return self.target.set_many(data, timeout, version=version) if data else []

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.target.touch(key, timeout, version=version)

    def delete(self, key, version=None):
        return self.target.delete(key, version=version)

    def delete_many(self, keys, version=None):
        return self.target.delete_many(keys, version=version)

    def has_key(self, key, version=None):
        return self.target.has_key(key, version=version)

    def clear(self):
        return self.target.clear()


# Saves of these can change what some page shows (teasers, menus, footers, portraits, restrictions).
@functools.cache
def _watched_models():
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, PageViewRestriction, Site

    from articles.models import Practitioner

    return (Page, PageViewRestriction, Site, BaseSiteSetting, BaseGenericSetting, Practitioner, AbstractImage)


# An image save that only records its file size or hash (Wagtail does this while serving) changes no page.
BOOKKEEPING_IMAGE_FIELDS = {"file_size", "file_hash"}


def _on_model_change(sender, instance, **kwargs):
    from wagtail.images.models import AbstractImage

    if not isinstance(instance, _watched_models()):
        return
    if kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed: act once, after the change
        return
    update_fields = kwargs.get("update_fields")
    if (
        isinstance(instance, AbstractImage)
        and update_fields
        and set(update_fields) <= BOOKKEEPING_IMAGE_FIELDS
    ):
        return
    invalidate_after_commit(using=kwargs.get("using"))


def _on_page_event(sender, **kwargs):
    invalidate_after_commit()


def connect_signals():
    """Replace the generation whenever published content changes. Called from ``ArticlesConfig.ready``."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_on_model_change, dispatch_uid="pagecache-post-save")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-post-delete")
    m2m_changed.connect(_on_model_change, dispatch_uid="pagecache-m2m")
    page_published.connect(_on_page_event, dispatch_uid="pagecache-published")
    page_unpublished.connect(_on_page_event, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="pagecache-moved")


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """With several web workers, a per-process cache would keep serving pages another worker replaced."""
    if not enabled():
        return []
    alias = getattr(settings, "PAGE_CACHE_ALIAS", "default")
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    if backend.endswith("LocMemCache") or backend.endswith("DummyCache"):
        return [
            checks.Warning(
                f"The page cache uses the {alias!r} cache ({backend}), which web workers do not share: "
                "a page published through one worker would stay stale in the others.",
                hint="Use Redis (REDIS_URL) or a file-based cache, or set PAGE_CACHE_ENABLED=false.",
                id="clinic_site.W010",
            )
        ]
    return []
