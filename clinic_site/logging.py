"""Structured logs: one JSON object per line on stdout, tagged with the request id.

What goes into a line is chosen field by field, never copied wholesale from the log record: a record
can carry the request (Django's ``django.request`` logger attaches it), and a request holds form data
that may be health data. Integrity and data errors from the database are logged by type only, because
their messages quote the values that failed (PostgreSQL's "Key (email)=(...) already exists").
"""

import contextvars
import json
import logging
import sys
import time
import traceback
from datetime import UTC, datetime

from django.db import DataError, IntegrityError

# The id of the request this thread or task is serving; set by clinic_site.middleware.RequestIdMiddleware.
request_id_var = contextvars.ContextVar("request_id", default=None)

# gunicorn.access records carry the request's atoms as a dict; these are the ones a line keeps. The
# query string, client address, user agent and referrer are left out on purpose.
ACCESS_FIELDS = {
    "m": "method",
    "U": "path",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
}


def _exception_fields(exc_info):
    exc_type, exc, tb = exc_info
    frames = traceback.format_tb(tb)
    if isinstance(exc, (IntegrityError, DataError)):
        message = "(database error message withheld: it can quote stored values)"
    else:
        message = str(exc)
    return {
        "exc_type": f"{exc_type.__module__}.{exc_type.__qualname__}",
        "exc_message": message,
        "traceback": "".join(frames),
    }


class JsonFormatter(logging.Formatter):
    """Formats a record as one line of JSON with time, level, logger, message and request id."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry["message"] = "request"
            for atom, field in ACCESS_FIELDS.items():
                value = record.args.get(atom)
                if value not in (None, "-"):
                    entry[field] = int(value) if field in {"status", "bytes", "duration_ms"} else value
            request_id = record.args.get("{x-request-id}o")
            if request_id and request_id != "-":
                entry["request_id"] = request_id
        else:
            entry["message"] = record.getMessage()
            request_id = request_id_var.get()
            if request_id:
                entry["request_id"] = request_id
        status_code = getattr(record, "status_code", None)
        if isinstance(status_code, int):
            entry["status"] = status_code
        if record.exc_info and record.exc_info[0] is not None:
            entry.update(_exception_fields(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class SkipHealthChecks(logging.Filter):
    """Drops gunicorn access lines for the load balancer's health checks, which would drown the rest."""

    def filter(self, record):
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            return record.args.get("U") != "/healthz"
        return True


class CacheOutageSummary(logging.Filter):
    """Turns django-redis's "Exception ignored" (a full traceback for every cache call while Redis is away)
    into one warning line, at most once a minute per process: the outage is worth knowing, not a flood."""

    EVERY_SECONDS = 60

    def __init__(self):
        super().__init__()
        self.last = 0.0

    def filter(self, record):
        now = time.monotonic()
        if now - self.last < self.EVERY_SECONDS:
            return False
        self.last = now
        error = record.exc_info[1] if isinstance(record.exc_info, tuple) else sys.exc_info()[1]
        record.msg, record.args = (
            "Cache unreachable (%s); answered as a miss until it is back",
            (type(error).__name__ if error else "unknown",),
        )
        record.exc_info, record.exc_text = None, None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def logging_config(level="INFO", json_lines=True):
    """The LOGGING dict for production and for gunicorn: everything to stdout, as JSON lines."""
    formatter = "json" if json_lines else "plain"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "skip_health_checks": {"()": "clinic_site.logging.SkipHealthChecks"},
            "cache_outage_summary": {"()": "clinic_site.logging.CacheOutageSummary"},
        },
        "formatters": {
            "json": {"()": "clinic_site.logging.JsonFormatter"},
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": formatter,
                "filters": ["skip_health_checks"],
            },
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            "django_redis.cache": {"level": "ERROR", "filters": ["cache_outage_summary"]},
            # 4xx are logged by the access log already; 5xx with their traceback come from here.
            "django.request": {"level": "ERROR"},
            "django.security": {"level": "WARNING"},
            "gunicorn.error": {"level": level, "handlers": ["stdout"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        },
    }
