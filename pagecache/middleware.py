"""A page cache for what anonymous visitors read: public Wagtail pages, served without rendering.

Why our own: wagtail-cache (CodeRed), the maintained package for this, declares ``wagtail<8.0``
(3.0.0, its latest release).

What is cached: the complete response (status 200, headers, body, gzip-compressed when the visitor
accepts it) of a GET or HEAD that Wagtail's page view answered, for a visitor without a session
cookie, when the response sets no cookie and does not say ``private``, ``no-cache`` or ``no-store``.
That keeps out the consultation form (``never_cache`` and its CSRF cookie), the admin and previews
(session cookie, and never Wagtail's page view), logged-in editors (session cookie), visitors who
entered a page password (session cookie) and password forms (CSRF cookie). Query strings bypass the
cache, except ``?page=N`` of paginated listings.

Every key carries the generation (``pagecache.generation``), which any change to published content
replaces, so a publish reaches the next visitor of every page on every server.

Anonymous responses lose ``Vary: Cookie``: the session middleware adds it because the Wagtail userbar
checks ``request.user``, but without a session cookie that is always the anonymous user, and editors
(who have the cookie) never get or fill cached pages. Responses to requests that carry a session
cookie keep ``Vary: Cookie`` and are marked ``private`` so no shared cache in front of the site keeps
an editor's page.

Place the middleware below everything that must run on every response (security headers, request ids,
HSTS), above ``GZipMiddleware`` (so the compressed body is what is stored) and above the session,
CSRF and auth middleware (so hits skip them, and their cookies and Vary headers are seen on misses).
Headers added by middleware below it are stored with the page, so they must not differ per request.
``X-Cache: HIT`` or ``MISS`` tells tests and the benchmark what happened. A cache that cannot be
reached is logged and skipped: the page is rendered as if nothing were stored.
"""

import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

from pagecache import generation

logger = logging.getLogger(__name__)

PAGE_PARAM = re.compile(r"[1-9][0-9]{0,3}")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
VARY_ALLOWED = {"cookie", "accept-encoding"}
SKIPPED_HEADERS = {"vary", "set-cookie", "x-cache", "content-length"}
CANDIDATE_ATTRIBUTE = "page_cache_candidate"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def enabled():
    """On when PAGE_CACHE_ENABLED, except with DEBUG, where a template change must show at once."""
    return settings.PAGE_CACHE_ENABLED and not settings.DEBUG


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


def lookup_key(request):
    """The cache key for this request without the generation, or None when it must not be cached."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None
    if request.path.startswith(tuple(settings.PAGE_CACHE_SKIP_PATHS)):
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
    if not getattr(request, CANDIDATE_ATTRIBUTE, False):
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


def response_from(stored):
    content, headers, vary = stored
    response = HttpResponse(content)
    for name, value in headers:
        response.headers[name] = value
    if vary:
        response.headers["Vary"] = vary
    response.headers["Content-Length"] = str(len(content))
    response.headers["X-Cache"] = "HIT"
    return response


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
            if (
                getattr(request, CANDIDATE_ATTRIBUTE, False)
                and settings.SESSION_COOKIE_NAME in request.COOKIES
            ):
                patch_cache_control(response, private=True)
            return response

        try:
            key = f"pagecache:{generation.current()}:{key}"
        except (OperationalError, InterfaceError):
            # No generation known: render, and let the outage page answer if the database is needed.
            return self.get_response(request)
        cache = page_cache()
        try:
            stored = cache.get(key)
        except Exception:
            logger.exception("Page cache unavailable; serving the page without it")
            return self.get_response(request)
        if stored is not None:
            return response_from(stored)

        response = self.get_response(request)
        if storable(request, response):
            without_cookie_vary(response)
            entry = (
                response.content,
                [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS],
                response.get("Vary", ""),
            )
            try:
                cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.exception("Could not store a page in the page cache")
        response.headers["X-Cache"] = "MISS"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        setattr(request, CANDIDATE_ATTRIBUTE, match is not None and match.url_name == "wagtail_serve")
