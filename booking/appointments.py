"""Booking, moving and cancelling appointments so that nobody gets the same time twice.

Every save of an appointment that holds time goes through ``save_if_free``: in one transaction it
checks that no other appointment of the practitioner overlaps the time this one blocks (buffers
included), saves it, and does whatever else belongs with it (queueing mails, the audit entry, marking
a request scheduled). The database decides who wins when two patients take the same time at once:

- SQLite: the transaction starts with BEGIN IMMEDIATE (``transaction_mode`` in the settings), which
  takes the write lock, so writers run one after another and the check sees every earlier booking.
- PostgreSQL: two transactions can both pass the check; the exclusion constraint
  (``NO_OVERLAP_CONSTRAINT``) then refuses the second insert, which is reported as ``SlotTaken`` too.
  Before the check, the transaction locks the practitioner's row (SELECT ... FOR UPDATE), so saves
  for one practitioner queue there and each check sees the bookings committed before it. Without that
  queue, overlapping inserts wait on each other's constraint check and PostgreSQL ends one with
  "deadlock detected" (seen with twenty at once).
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Practitioner
from booking import audit, notifications
from booking.models import Appointment
from booking.models.appointments import NO_OVERLAP_CONSTRAINT


class SlotTaken(Exception):
    """The time overlaps another appointment of the same practitioner (booked meanwhile)."""


class NotMarkable(Exception):
    """Only a booked appointment whose start has come can be marked arrived or a no-show."""


def mark_cancelled(appointment, notice_hours, now=None):
    """Set the appointment cancelled now, and whether that was late: inside ``notice_hours`` (Clinic
    details › notice to cancel or move) before its start. The flag is stored rather than worked out in
    the report, so changing the notice later does not rewrite past cancellations."""
    now = now or timezone.now()
    appointment.status = Appointment.Status.CANCELLED
    appointment.cancelled_at = now
    appointment.cancelled_late = appointment.start - now < datetime.timedelta(hours=notice_hours)


def breaks_no_overlap(error):
    """Whether an IntegrityError is PostgreSQL's exclusion constraint refusing an overlap."""
    diagnostics = getattr(error.__cause__, "diag", None)
    return getattr(diagnostics, "constraint_name", None) == NO_OVERLAP_CONSTRAINT


def clashes(appointment):
    """Other appointments that overlap the time this one would block."""
    return Appointment.objects.overlapping(
        appointment.practitioner_id, appointment.blocked_from, appointment.blocked_until
    ).exclude(pk=appointment.pk)


def save_if_free(appointment, *with_it):
    """Save the appointment if its time is free, then call each of ``with_it`` with it, all in one
    transaction. Raises ``SlotTaken`` (and saves nothing) when the time overlaps another appointment."""
    try:
        with transaction.atomic():
            practitioners = Practitioner.objects.select_for_update()
            list(practitioners.filter(pk=appointment.practitioner_id).values_list("pk", flat=True))
            if appointment.holds_time and clashes(appointment).exists():
                raise SlotTaken
            appointment.save()
            for step in with_it:
                step(appointment)
    except IntegrityError as error:
        if breaks_no_overlap(error):
            raise SlotTaken from None
        raise
    return appointment


def change_status(appointment, status, user, *with_it):
    """Mark an appointment arrived, completed, no-show, cancelled or booked again, audited, then call
    each of ``with_it`` with it in the same transaction.

    Arrived and no-show only once a booked appointment's start has come (``NotMarkable``); a mistaken
    mark is undone by booking it again. Booking a cancelled appointment again takes its time back only
    if it is still free (``SlotTaken``).
    """
    previous = appointment.status
    if status == previous:
        return appointment
    Status = Appointment.Status
    if status in (Status.ARRIVED, Status.NO_SHOW) and not appointment.markable():
        raise NotMarkable
    if status == Status.CANCELLED:
        mark_cancelled(appointment, notifications.clinic_settings().change_notice_hours)
    else:
        appointment.status = status
        appointment.cancelled_late = False
    appointment.sequence += 1
    action = audit.Action.CANCEL if status == Appointment.Status.CANCELLED else audit.Action.CHANGE
    detail = f"status {previous} → {status}"
    return save_if_free(
        appointment, lambda saved: audit.record_appointment(user, action, saved, detail), *with_it
    )
