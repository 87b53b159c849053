"""Staying useful to patients when the database is down.

Every page, the consultation form included, needs the database. When it cannot be reached (server
stopped, network cut, SQLite file gone, lock held past the busy timeout) Django would answer with the
generic 500 page. ``DatabaseUnavailableMiddleware`` answers instead with a 503 page that says so,
asks the visitor to try again (``Retry-After``) and gives the clinic's phone number, so a patient who
wanted a consultation can still call.

The phone number normally lives in Settings › Clinic details, in the database. So each web worker
remembers the clinic's name and phone whenever it loads or saves those details (model signals: no
extra query), and shares them through the default cache for workers that have not served a page yet.
A worker that knows neither (it started during the outage and there is no shared cache) falls back to
the ``CLINIC_PHONE`` setting, read from the environment.

The page shows no error detail and the log line names only the exception class, the method and the
path: nothing a patient typed, and no query string.
"""

import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.db.models.signals import post_init, post_save
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

#: Errors that mean "the database cannot be used right now", as opposed to a bug in a query.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
CACHE_KEY = "clinic_site:resilience:contact"

_known_contact = {}


def remember_clinic(sender, instance, **kwargs):
    """Keep the clinic's name and phone of every Clinic details row loaded or saved in this process."""
    if instance.pk is None:  # the unsaved defaults used before a site has details
        return
    contact = {
        "name": instance.name,
        "phone": instance.phone,
        "emergency_number": instance.emergency_number,
    }
    if contact == _known_contact:
        return
    _known_contact.clear()
    _known_contact.update(contact)
    try:
        cache.set(CACHE_KEY, contact, None)
    except Exception:  # noqa: BLE001 - a cache outage must never break the page that loaded the details
        logger.warning("Could not share the clinic's contact details through the cache")


post_init.connect(remember_clinic, sender="clinic_site.ClinicSettings", weak=False)
post_save.connect(remember_clinic, sender="clinic_site.ClinicSettings", weak=False)


def clinic_contact():
    """The clinic's name and phone without touching the database: this process, the cache, settings."""
    contact = dict(_known_contact)
    if not contact:
        try:
            contact = cache.get(CACHE_KEY) or {}
        except Exception:  # noqa: BLE001 - the cache may be down too
            contact = {}
    return {
        "name": contact.get("name") or "",
        "phone": contact.get("phone") or getattr(settings, "CLINIC_PHONE", ""),
        "emergency_number": contact.get("emergency_number") or "911",
    }


def tel_href(phone):
    digits = "".join(character for character in phone if character.isdigit() or character == "+")
    return f"tel:{digits}" if digits else ""


def database_unavailable_response(request, error):
    """The 503 page, rendered without the database, the session or any request data."""
    logger.warning(
        "Database unavailable (%s): answered %s %s with 503",
        type(error).__name__,
        request.method,
        request.path,
    )
    contact = clinic_contact()
    context = {"clinic": contact, "tel_href": tel_href(contact["phone"])}
    try:
        body = loader.get_template("503.html").render(context)
    except Exception:  # noqa: BLE001 - the page of last resort must not fail in turn
        phone = f" Please call us on {contact['phone']}." if contact["phone"] else ""
        body = f"Sorry, the site is unavailable just now. Please try again in a few minutes.{phone}"
        response = HttpResponse(body, status=503, content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def flag_database_errors(sender, request=None, **kwargs):
    """Mark requests whose uncaught error was a database outage (raised outside a view)."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_UNAVAILABLE):
        request.clinic_database_error = error


got_request_exception.connect(flag_database_errors, weak=False)


class DatabaseUnavailableMiddleware:
    """Answer database outages with the 503 page instead of the 500 page.

    Errors raised by a view or while rendering its template reach ``process_exception``. Errors raised
    in the middleware below this one (sessions, authentication, redirects, caches) have already been
    turned into a 500 response by Django when they get here; ``got_request_exception`` flagged those,
    and the 500 is swapped for the 503 on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        error = getattr(request, "clinic_database_error", None)
        if error is not None and response.status_code == 500:
            return database_unavailable_response(request, error)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable_response(request, exception)
        return None
