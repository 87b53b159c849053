"""The health check a load balancer or uptime monitor polls: ``/healthz``.

It answers from a middleware near the top of MIDDLEWARE, before the host check and the HTTPS redirect,
because load balancers probe each app server by its own address over plain HTTP. The answer says
nothing about the site: "ok" (200) when the database answers a trivial query, "unavailable" (503)
otherwise. The reason for a failure goes to the log, never to the response.
"""

import logging

from django.db import connections
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

HEALTH_PATH = "/healthz"

logger = logging.getLogger(__name__)


def database_is_up():
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database did not answer")
        return False


def health_response(request):
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse("method not allowed\n", status=405, content_type="text/plain")
        response["Allow"] = "GET, HEAD"
    elif database_is_up():
        response = HttpResponse("ok\n", content_type="text/plain")
    else:
        response = HttpResponse("unavailable\n", status=503, content_type="text/plain")
    add_never_cache_headers(response)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HealthCheckMiddleware:
    """Answers ``/healthz`` itself; every other request goes on down the stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH:
            return health_response(request)
        return self.get_response(request)
