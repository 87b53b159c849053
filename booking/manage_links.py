"""The patient's manage link: /book/manage/<token>/, sent in their appointment confirmation.

The token is 256 random bits (``secrets.token_urlsafe(32)``) and only its SHA-256 is stored on the
appointment, so the database (or a backup of it) cannot be used to open anyone's link. The link says
nothing about the patient. Because the token is never stored, it is minted where it is written down:
in the confirmation mail, when the worker writes it. Each confirmation mints a new one, so a link from
an earlier mail (before a move) stops working once the newer mail has gone ("link not valid").
"""

import hashlib
import secrets

from django.conf import settings
from django.urls import reverse

from booking.models import Appointment


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def issue(appointment):
    """A new token for the appointment (its hash saved, replacing any earlier one); returns the token."""
    token = secrets.token_urlsafe(32)
    appointment.manage_token_hash = digest(token)
    Appointment.objects.filter(pk=appointment.pk).update(manage_token_hash=appointment.manage_token_hash)
    return token


def link(token):
    """The absolute manage link for a token, for mails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("book:manage", args=[token])


def appointment_for(token):
    """The appointment the token opens, or None for a wrong, altered or replaced token."""
    if not token or len(token) > 100:
        return None
    return (
        Appointment.objects.select_related("practitioner", "appointment_type")
        .filter(manage_token_hash=digest(token))
        .first()
    )
