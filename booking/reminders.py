"""Reminder mails before an appointment, at the hours set in Clinic details (default 48 and 2).

``enqueue_reminders`` queues one ``remind_patient`` task per reminder with django-tasks' ``run_after``,
in the transaction that books or moves the appointment. Nothing is removed from the queue when the
appointment changes: each task carries the appointment's SEQUENCE and re-checks at run time, so a
reminder for a time that was moved (a higher SEQUENCE, with its own reminders queued) or cancelled, or
one that comes too late (the visit has started, or a worker that was down catches up more than
``LATE_AFTER`` past its time), sends nothing. Sending goes through ``send_with_retry`` like every
booking mail; ``reminder_sent_at`` makes each reminder go once.
"""

import datetime
import logging

from django.utils import timezone
from django_tasks import task

from booking import manage_links, notifications
from booking.models import Appointment
from booking.tasks import BookingMail, send_with_retry

logger = logging.getLogger(__name__)

#: A reminder found this long after its time is dropped rather than sent late.
LATE_AFTER = datetime.timedelta(hours=1)


def reminder_with_link(appointment):
    manage_url = ""
    if appointment.origin == Appointment.Origin.ONLINE:
        manage_url = manage_links.link(manage_links.issue(appointment))
    return notifications.appointment_reminder(appointment, manage_url=manage_url)


REMINDER = BookingMail("reminder", "reminder_sent_at", reminder_with_link, model=Appointment)


def why_not_now(appointment, sequence, due, now):
    """Why this reminder must not go now (None when it may)."""
    if appointment is None:
        return "appointment deleted"
    if appointment.sequence != sequence:
        return "changed since it was queued"
    if appointment.status != Appointment.Status.BOOKED:
        return "no longer booked"
    if appointment.start <= now or now - due > LATE_AFTER:
        return "too late"
    return None


@task()
def remind_patient(appointment_id, sequence, due_at, attempt=1):
    """Remind the patient of their appointment (date, time, place, practitioner, manage link)."""
    due = datetime.datetime.fromisoformat(due_at)
    appointment = Appointment.objects.filter(pk=appointment_id).first()
    reason = why_not_now(appointment, sequence, due, timezone.now())
    if reason is not None:
        logger.info("Reminder for appointment %s not sent: %s", appointment_id, reason)
        return f"not sent: {reason}"
    return send_with_retry(
        REMINDER, remind_patient, appointment_id, sequence, due_at, attempt=attempt, sent_since=due
    )


def enqueue_reminders(appointment, clinic=None):
    """Queue the reminders still ahead for the appointment as it is now; call it in the saving
    transaction (the database queue writes them in it)."""
    if not appointment.email:
        return
    clinic = clinic or notifications.clinic_settings()
    now = timezone.now()
    for offset in clinic.reminder_offsets:
        due = appointment.start - offset
        if due > now:
            remind_patient.using(run_after=due).enqueue(appointment.pk, appointment.sequence, due.isoformat())
