"""The health checks a load balancer or uptime monitor polls: ``/healthz`` and ``/healthz/worker``.

They answer from a middleware near the top of MIDDLEWARE, before the host check and the HTTPS redirect,
because load balancers probe each app server by its own address over plain HTTP. The answers say
nothing about the site. ``/healthz`` (for the load balancer: can this server serve pages?) is "ok"
(200) when the database answers a trivial query, "unavailable" (503) otherwise. ``/healthz/worker``
(for monitoring: is the mail going out?) is "ok" (200) while the task worker finishes its heartbeats
and no task waits past its time, "stalled" (503) otherwise (``worker.status``). The reason for a
failure goes to the log, never to the response.
"""

import logging

from django.db import connections
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

HEALTH_PATH = "/healthz"
WORKER_HEALTH_PATH = "/healthz/worker"

logger = logging.getLogger(__name__)


def database_is_up():
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database did not answer")
        return False


def worker_is_up():
    from worker.status import current_status

    try:
        status = current_status()
    except Exception:
        logger.exception("Worker health check: the task queue could not be read")
        return False
    if not status.healthy:
        logger.warning(
            "Worker health check: stalled=%s, tasks waiting past their time=%d",
            status.stalled,
            status.late_tasks,
        )
    return status.healthy


def health_response(request, check=database_is_up, failure="unavailable"):
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse("method not allowed\n", status=405, content_type="text/plain")
        response["Allow"] = "GET, HEAD"
    elif check():
        response = HttpResponse("ok\n", content_type="text/plain")
    else:
        response = HttpResponse(f"{failure}\n", status=503, content_type="text/plain")
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
        if request.path_info == WORKER_HEALTH_PATH:
            return health_response(request, check=worker_is_up, failure="stalled")
        return self.get_response(request)
