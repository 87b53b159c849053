"""The mails an appointment causes, sent from the task queue like every booking mail.

- ``notify_staff_of_booking``: a patient booked online (reference, time, admin link).
- ``confirm_appointment``: the patient's confirmation with the calendar file, after an online booking
  or when the front desk books or moves a visit for a patient with an email address. Asked for again
  after a move, it goes again (``sent_since``); a task that finds the appointment cancelled or past
  sends nothing.

Both are queued by ``enqueue_appointment_mails`` inside the transaction that saves the appointment, so
the appointment and its mails are committed together (``booking.tasks.enqueue_notifications``).
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

from booking import notifications
from booking.models import Appointment
from booking.tasks import BookingMail, send_with_retry

logger = logging.getLogger(__name__)


def confirmation_if_still_booked(appointment):
    if appointment.status != Appointment.Status.BOOKED or appointment.start <= timezone.now():
        logger.info("Confirmation for %s not sent: cancelled, under way or past", appointment.reference)
        return None
    return notifications.appointment_confirmation(appointment)


def notice_or_warning(appointment):
    message = notifications.booking_notice(appointment)
    if message is None:
        logger.warning("No address for booking notices; staff notice not sent for %s", appointment.reference)
    return message


STAFF_NOTICE = BookingMail("booking notice", "staff_notified_at", notice_or_warning, model=Appointment)
CONFIRMATION = BookingMail(
    "appointment confirmation", "confirmation_sent_at", confirmation_if_still_booked, model=Appointment
)


@task()
def notify_staff_of_booking(appointment_id, attempt=1):
    """Tell the front desk a patient booked online (reference, time and admin link only)."""
    return send_with_retry(STAFF_NOTICE, notify_staff_of_booking, appointment_id, attempt=attempt)


@task()
def confirm_appointment(appointment_id, requested_at, attempt=1):
    """Mail the patient their appointment with a calendar file (no health details)."""
    asked = datetime.datetime.fromisoformat(requested_at)
    return send_with_retry(
        CONFIRMATION, confirm_appointment, appointment_id, requested_at, attempt=attempt, sent_since=asked
    )


def enqueue_appointment_mails(appointment, staff_notice):
    """Queue the staff notice (when asked) and the patient's confirmation (when they gave an email);
    call it inside the transaction that saves the appointment."""
    appointment_id, requested_at = appointment.pk, timezone.now().isoformat()
    confirm = bool(appointment.email)

    def enqueue():
        if staff_notice:
            notify_staff_of_booking.enqueue(appointment_id)
        if confirm:
            confirm_appointment.enqueue(appointment_id, requested_at)

    if isinstance(notify_staff_of_booking.get_backend(), DatabaseBackend):
        enqueue()
    else:
        transaction.on_commit(enqueue)
