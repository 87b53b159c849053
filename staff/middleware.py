"""Keeps the admin closed to a signed-in person who still owes a second factor.

Hand-written because Wagtail has no hook that runs before every admin view (its admin URLs, snippets,
reports, exports, the chooser and JSON endpoints, and every app's ``register_admin_urls``), and
django-otp's ``OTPAdminSite`` covers only Django's own admin, which this site does not use. Placed after
django-otp's ``OTPMiddleware``, which says whether this session passed a second factor.

Under ``STAFF_ADMIN_PREFIX`` a person who must verify (``staff.policy.must_verify``) and has not reaches
only the sign-in pages, the second-factor pages and the passkey endpoints. A page asked for by a
browser is redirected to the verification page (or to enrolment, for someone who has no second factor
yet) with ``next`` kept; anything else (a POST, a JSON or fragment request) gets 403.

It also hands out the trusted-browser cookie (``staff.guard``) after a whole sign-in.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device

from staff import guard, policy

#: Reachable before the second factor: signing in and out, the second-factor pages and their passkey
#: endpoints, and the translations and icons the admin's scripts load.
OPEN_BEFORE_VERIFICATION = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "staff_verify",
    "staff_enrol",
}
OPEN_NAMESPACES = {"otp_webauthn"}


def is_open(path):
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name in OPEN_BEFORE_VERIFICATION or bool(set(match.namespaces) & OPEN_NAMESPACES)


def wants_page(request):
    """A browser asking for a page to show (as opposed to a form post, a script's fetch or a fragment)."""
    return (
        request.method in ("GET", "HEAD")
        and "text/html" in request.headers.get("Accept", "")
        and request.headers.get("X-Requested-With") != "XMLHttpRequest"
    )


class SecondFactorMiddleware:
    """Redirects (pages) or refuses (everything else) admin requests until the second factor is passed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.check(request) or self.get_response(request)
        fully_signed_in = getattr(request, "staff_fully_signed_in", None)
        if fully_signed_in is not None:
            guard.remember_browser(request, response, fully_signed_in)
        return response

    def check(self, request):
        if not request.path.startswith(settings.STAFF_ADMIN_PREFIX):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if is_open(request.path_info) or not policy.must_verify(user):
            return None
        if not wants_page(request):
            return HttpResponse(
                "Forbidden: finish signing in with your second factor first.",
                status=403,
                content_type="text/plain; charset=utf-8",
            )
        step = "staff_verify" if user_has_device(user) else "staff_enrol"
        return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
