"""The mails an appointment causes, sent from the task queue like every booking mail.

- ``notify_staff_of_booking``: a patient booked online (reference, time, admin link).
- ``confirm_appointment``: the patient's confirmation with the calendar file, after an online booking
  or when the front desk books or moves a visit for a patient with an email address. Asked for again
  after a move, it goes again (``sent_since``); a task that finds the appointment cancelled or past
  sends nothing.

- ``notify_staff_of_change``: the patient moved or cancelled it with their manage link (reference,
  time, admin link).
- ``booking.reminders.remind_patient``: the reminders, queued with the confirmation.
- ``tell_patient_of_cancellation``: the patient's "cancelled" mail with a METHOD:CANCEL calendar file.

An online booking's confirmation carries the patient's manage link, minted as the mail is written
(``booking.manage_links``). All are queued by ``enqueue_appointment_mails`` or ``enqueue_change_mails``
inside the transaction that saves the appointment, so the appointment and its mails are committed
together (``booking.tasks.enqueue_notifications``).
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

from booking import manage_links, notifications
from booking.models import Appointment
from booking.reminders import enqueue_reminders
from booking.tasks import BookingMail, send_with_retry

logger = logging.getLogger(__name__)


def confirmation_if_still_booked(appointment):
    if appointment.status != Appointment.Status.BOOKED or appointment.start <= timezone.now():
        logger.info("Confirmation for %s not sent: cancelled, under way or past", appointment.reference)
        return None
    manage_url = ""
    if appointment.origin == Appointment.Origin.ONLINE and appointment.email:
        manage_url = manage_links.link(manage_links.issue(appointment))
    return notifications.appointment_confirmation(appointment, manage_url=manage_url)


def warn_if_none(build):
    def build_or_warn(appointment):
        message = build(appointment)
        if message is None:
            logger.warning(
                "No address for booking notices; staff notice not sent for %s", appointment.reference
            )
        return message

    return build_or_warn


notice_or_warning = warn_if_none(notifications.booking_notice)


STAFF_NOTICE = BookingMail("booking notice", "staff_notified_at", notice_or_warning, model=Appointment)
CHANGE_NOTICE = BookingMail(
    "change notice", "change_notified_at", warn_if_none(notifications.change_notice), model=Appointment
)
CANCELLATION = BookingMail(
    "cancellation", "cancellation_sent_at", notifications.appointment_cancellation, model=Appointment
)
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


@task()
def notify_staff_of_change(appointment_id, requested_at, attempt=1):
    """Tell the front desk a patient moved or cancelled their appointment (reference and time only)."""
    asked = datetime.datetime.fromisoformat(requested_at)
    return send_with_retry(
        CHANGE_NOTICE, notify_staff_of_change, appointment_id, requested_at, attempt=attempt, sent_since=asked
    )


@task()
def tell_patient_of_cancellation(appointment_id, attempt=1):
    """Mail the patient that their appointment is cancelled, with a calendar file that removes it."""
    return send_with_retry(CANCELLATION, tell_patient_of_cancellation, appointment_id, attempt=attempt)


def with_the_save(enqueue):
    """Queue tasks with the transaction saving the appointment (the database queue writes them in it)."""
    if isinstance(notify_staff_of_booking.get_backend(), DatabaseBackend):
        enqueue()
    else:
        transaction.on_commit(enqueue)


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
            enqueue_reminders(appointment)

    with_the_save(enqueue)


def enqueue_change_mails(appointment):
    """After the patient moved or cancelled it: the front desk's notice, and the patient's new
    confirmation (a move) or cancellation mail. Call it inside the transaction that saves the change."""
    appointment_id, requested_at = appointment.pk, timezone.now().isoformat()
    cancelled = appointment.status == Appointment.Status.CANCELLED
    mail_patient = bool(appointment.email)

    def enqueue():
        notify_staff_of_change.enqueue(appointment_id, requested_at)
        if mail_patient and cancelled:
            tell_patient_of_cancellation.enqueue(appointment_id)
        elif mail_patient:
            confirm_appointment.enqueue(appointment_id, requested_at)
            enqueue_reminders(appointment)

    with_the_save(enqueue)
