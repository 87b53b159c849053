"""The "we missed you" mail: after a no-show, the front desk may send the patient one friendly mail with
a link to book again. It goes once per appointment, whoever clicks and however often.

- ``request_missed_you`` claims the appointment with one conditional UPDATE (still a no-show, an
  address to write to, never asked for before) that sets ``missed_you_requested_at``, and queues the
  task in the same transaction; a second click finds the row claimed and queues nothing.
- The task (``send_missed_you``) goes through ``send_with_retry`` like every booking mail, guarded by
  ``missed_you_sent_at``, and re-checks at run time: an appointment booked again or marked arrived
  meanwhile gets no mail.
- The mail names the clinic, the day of the missed visit, the practitioner and the booking link; never
  the condition, symptoms or anything else the patient told us.
"""

import logging
import urllib.parse

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from booking import audit, notifications
from booking.appointment_mail import with_the_save
from booking.models import Appointment
from booking.tasks import BookingMail, send_with_retry

logger = logging.getLogger(__name__)


def booking_link(appointment):
    """The public booking flow, with the same practitioner chosen. The source page the patient first
    came from (``from=``) is left out: it may be a condition page, which would put health information
    in a link that sits in a mailbox."""
    query = urllib.parse.urlencode({"practitioner": appointment.practitioner_id})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("book:start") + "?" + query


def missed_you_message(appointment, clinic=None):
    """The mail, or None when it should no longer go (booked again, arrived, no address)."""
    if appointment.status != Appointment.Status.NO_SHOW or not appointment.email:
        logger.info("Missed-you mail for %s not sent: no longer a no-show", appointment.reference)
        return None
    clinic = clinic or notifications.clinic_settings()
    return notifications.to_patient(
        appointment,
        clinic,
        f"We missed you at {clinic.name}",
        "booking/email/missed_you.txt",
        booking_url=booking_link(appointment),
    )


MISSED_YOU = BookingMail("missed-you mail", "missed_you_sent_at", missed_you_message, model=Appointment)


@task()
def send_missed_you(appointment_id, attempt=1):
    """Mail a patient who did not come a link to book again (nothing about their health)."""
    return send_with_retry(MISSED_YOU, send_missed_you, appointment_id, attempt=attempt)


def request_missed_you(appointment, user):
    """Queue the mail for a no-show, once. Returns whether this call queued it."""
    with transaction.atomic():
        claimed = (
            Appointment.objects.filter(
                pk=appointment.pk, status=Appointment.Status.NO_SHOW, missed_you_requested_at__isnull=True
            )
            .exclude(email="")
            .update(missed_you_requested_at=timezone.now())
        )
        if claimed:
            audit.record_appointment(user, audit.Action.CHANGE, appointment, "missed-you mail queued")
            with_the_save(lambda: send_missed_you.enqueue(appointment.pk))
    return bool(claimed)
