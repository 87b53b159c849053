"""Request ids, security headers, the client address behind proxies, and staff session expiry.

``RequestIdMiddleware`` and ``SecurityHeadersMiddleware`` sit at the top of MIDDLEWARE, outside any page
cache, so every response gets its own request id and the current headers, whether it was rendered now
or served from the cache. Neither adds anything per request to a cacheable page except the request id
header, which is set after the cache has stored or fetched the page.
"""

import functools
import ipaddress
import re
import time
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

from clinic_site.logging import request_id_var

REQUEST_ID_HEADER = "X-Request-ID"
# An id from a proxy or load balancer is kept when it looks like one (a UUID or hex digits), so one
# request can be followed across machines; anything else is replaced, never logged.
SANE_REQUEST_ID = re.compile(r"^[0-9A-Fa-f][0-9A-Fa-f-]{7,63}$")


class RequestIdMiddleware:
    """Gives each request an id: in the logs of everything it causes and in the X-Request-ID header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if SANE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


def serialize_policy(directives):
    """A CSP header value from a dict of directive -> list of sources (an empty list: no sources)."""
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


class SecurityHeadersMiddleware:
    """Content-Security-Policy, Permissions-Policy and Cross-Origin-Resource-Policy on every response.

    The public site gets ``CONTENT_SECURITY_POLICY``; paths under ``CSP_ADMIN_PATH_PREFIXES`` (the Wagtail
    admin, which needs inline scripts and styles) get ``CONTENT_SECURITY_POLICY_ADMIN``. A response
    whose view set a policy of its own keeps it (Wagtail's document view sends ``default-src 'none'``).
    A page preview is rendered by running a made-up request for the page's public URL through the
    middleware inside the admin request; the admin request's pass replaces the public policy that the
    inner pass chose, so the admin can frame its own preview.
    Django's SecurityMiddleware and XFrameOptionsMiddleware send HSTS, nosniff, Referrer-Policy,
    Cross-Origin-Opener-Policy and X-Frame-Options.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response or getattr(response, "_csp_from_middleware", False):
            admin = request.path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))
            policy = settings.CONTENT_SECURITY_POLICY_ADMIN if admin else settings.CONTENT_SECURITY_POLICY
            response["Content-Security-Policy"] = serialize_policy(policy)
            response._csp_from_middleware = True
        if settings.PERMISSIONS_POLICY:
            response.setdefault(
                "Permissions-Policy",
                ", ".join(f"{feature}={allow}" for feature, allow in settings.PERMISSIONS_POLICY.items()),
            )
        if settings.CROSS_ORIGIN_RESOURCE_POLICY:
            response.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


@functools.lru_cache(maxsize=4)
def networks_of(entries):
    """Addresses and networks as networks (a bare address is a network of one)."""
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def parse_address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


class ClientAddressMiddleware:
    """Behind a reverse proxy, puts the visitor's address in REMOTE_ADDR.

    ``X-Forwarded-For`` is believed only when the connection comes from one of ``TRUSTED_PROXIES``
    (addresses or networks of the proxies and load balancers in front of the app): then the visitor is
    the right-most address in the header that is not itself a trusted proxy, the one the outermost
    trusted proxy saw. Anything a client writes into the header sits to the left of that and is
    ignored, and a client that reaches the app directly cannot set its address at all. The sign-in
    lockout and the booking form's rate limits count per address, so this decides what they count.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        networks = networks_of(tuple(settings.TRUSTED_PROXIES))

        def trusted(address):
            return address is not None and any(address in network for network in networks)

        if networks and trusted(parse_address(request.META.get("REMOTE_ADDR", ""))):
            forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            for entry in reversed(forwarded):
                address = parse_address(entry)
                if address is None:
                    break
                request.META["REMOTE_ADDR"] = str(address)
                if not trusted(address):
                    break
        return self.get_response(request)


SESSION_STARTED_KEY = "_staff_session_started"
SESSION_ACTIVE_KEY = "_staff_session_active"


class StaffSessionExpiryMiddleware:
    """Signs out a signed-in person after ``STAFF_SESSION_IDLE_SECONDS`` without a request, and after
    ``STAFF_SESSION_MAX_SECONDS`` in all, whatever they do.

    Any request of theirs counts as activity, including the page editor's background pings while its tab
    is open. The times live in the session, written at most once a minute (so a busy editor does not
    cause a session write per request); until the first write, the user's last sign-in stands in for
    both.
    """

    WRITE_EVERY_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        session = request.session
        now = time.time()
        last_login = request.user.last_login
        started = session.get(SESSION_STARTED_KEY, last_login.timestamp() if last_login else now)
        active = session.get(SESSION_ACTIVE_KEY, started)
        idle_for = now - active
        if idle_for > settings.STAFF_SESSION_IDLE_SECONDS:
            reason = f"after {settings.STAFF_SESSION_IDLE_SECONDS // 60} minutes without activity"
        elif now - started > settings.STAFF_SESSION_MAX_SECONDS:
            reason = f"{settings.STAFF_SESSION_MAX_SECONDS // 3600} hours after you signed in"
        else:
            reason = None
        if reason:
            logout(request)
            messages.info(request, f"You were signed out {reason}. Please sign in again.")
            return
        if idle_for >= self.WRITE_EVERY_SECONDS:
            session[SESSION_ACTIVE_KEY] = now
            session[SESSION_STARTED_KEY] = started
