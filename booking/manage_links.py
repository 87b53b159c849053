"""The patient's manage link: /book/manage/<token>/, sent in their confirmation and reminder mails.

The token is 256 random bits (``secrets.token_urlsafe(32)``) and only its SHA-256 is stored (a
``ManageLink`` row), so the database (or a backup of it) cannot be used to open anyone's link. The link
says nothing about the patient. Because the token is never stored, it is minted where it is written
down: in each mail, when the worker writes it. Every link mailed for the appointment's current time
works, so the confirmation still opens the page after a reminder has gone. When the appointment moves,
the link the patient moved it with follows it to the new time; every other link to the old time stops
working ("link not valid"), and the mail about the move carries a new one.
"""

import hashlib
import secrets

from django.conf import settings
from django.urls import reverse

from booking.models import ManageLink


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def issue(appointment):
    """A new token for the appointment at its current time (only its hash saved); returns the token."""
    token = secrets.token_urlsafe(32)
    ManageLink.objects.create(appointment=appointment, token_hash=digest(token), start=appointment.start)
    return token


def follow(token, appointment):
    """Keep the link the patient is using working after they moved the appointment with it."""
    ManageLink.objects.filter(token_hash=digest(token), appointment=appointment).update(
        start=appointment.start
    )


def link(token):
    """The absolute manage link for a token, for mails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("book:manage", args=[token])


def appointment_for(token):
    """The appointment the token opens, or None for a wrong or altered token, or one mailed for a time
    the appointment has since moved from."""
    if not token or len(token) > 100:
        return None
    found = (
        ManageLink.objects.select_related("appointment__practitioner", "appointment__appointment_type")
        .filter(token_hash=digest(token))
        .first()
    )
    if found is None or found.start != found.appointment.start:
        return None
    return found.appointment
