"""What a patient may do with their appointment through the manage link: see it, cancel it, move it.

- ``state``: whether the appointment can still be changed online. Inside the clinic's notice window
  (Clinic details › notice to cancel or move, default 24 hours) it cannot: the page gives the phone
  number instead. A cancelled or past appointment says so.
- ``cancel`` and ``move`` change the one appointment (its UID stays, its SEQUENCE goes up) through
  ``save_if_free``, the same transaction and the same overlap guarantee as booking it online
  (PostgreSQL's exclusion constraint, SQLite's re-check in the IMMEDIATE transaction). A move into a
  time taken meanwhile raises ``SlotTaken`` and leaves the appointment where it was.
- Each change is audited and queues, in the same transaction, the front desk's notice and the
  patient's mail with the updated calendar file (``booking.appointment_mail``).
"""

import datetime
import enum

from django.utils import timezone

from booking import audit, manage_links, notifications, waitlist
from booking.appointment_mail import enqueue_change_mails
from booking.appointments import mark_cancelled, save_if_free
from booking.models import Appointment

#: Why a patient cancels, asked without any health question; stored only as this key, in the audit log.
CANCEL_REASONS = [
    ("", "Rather not say"),
    ("cannot_make_it", "I cannot make it at that time"),
    ("no_longer_needed", "I no longer need the appointment"),
    ("booked_elsewhere", "I booked somewhere else"),
    ("other", "Another reason"),
]


class State(enum.StrEnum):
    CHANGEABLE = "changeable"
    TOO_LATE = "too_late"
    CANCELLED = "cancelled"
    PAST = "past"


def state(appointment, clinic, now=None):
    """Whether the patient may still cancel or move the appointment online, at ``now``."""
    now = now or timezone.now()
    if appointment.status == Appointment.Status.CANCELLED:
        return State.CANCELLED
    if appointment.status != Appointment.Status.BOOKED or appointment.start <= now:
        return State.PAST
    if appointment.start - now < datetime.timedelta(hours=clinic.change_notice_hours):
        return State.TOO_LATE
    return State.CHANGEABLE


def cancel(appointment, reason="", clinic=None):
    """Cancel the appointment for the patient: audited, front desk told, patient mailed METHOD:CANCEL.
    Stored as late when inside the notice window (the page offers no cancel there, but the window
    can close between showing the page and the post)."""
    clinic = clinic or notifications.clinic_settings()
    mark_cancelled(appointment, clinic.change_notice_hours)
    appointment.sequence += 1
    detail = "cancelled by the patient online" + (f" ({reason})" if reason else "")
    return save_if_free(
        appointment,
        lambda saved: audit.record_appointment(None, audit.Action.CANCEL, saved, detail),
        enqueue_change_mails,
        waitlist.freed_by_cancel,
    )


def move(appointment, start, token):
    """Move the appointment to ``start`` with the same practitioner, through the manage link ``token``
    (which keeps working; links to the old time in other mails stop). Raises ``SlotTaken`` when the time
    was taken meanwhile; the appointment (in the database and this object) then stays where it was."""
    was, was_end = appointment.start, appointment.end
    appointment.set_time(start)
    appointment.sequence += 1
    try:
        return save_if_free(
            appointment,
            lambda saved: audit.record_appointment(
                None, audit.Action.MOVE, saved, "moved by the patient online"
            ),
            lambda saved: manage_links.follow(token, saved),
            enqueue_change_mails,
            lambda saved: waitlist.enqueue_freed(saved.practitioner_id, was, was_end),
        )
    except Exception:
        appointment.set_time(was)
        appointment.sequence -= 1
        raise
