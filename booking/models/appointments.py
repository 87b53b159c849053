"""Appointments: a patient's visit with one practitioner at one time.

The time a visit takes from the practitioner's day, its buffers included, is kept on the row
(``blocked_from`` – ``blocked_until``). On PostgreSQL an exclusion constraint over the practitioner and
that range (migration ``0004``, named ``NO_OVERLAP_CONSTRAINT``) makes two visits that are not
cancelled impossible to overlap, whatever the code does; on SQLite the booking transaction, which takes
the write lock when it starts, checks for overlap before it writes (``booking.appointments``).

An appointment holds health information (the condition, what the patient told us), so like a request
it is seen only by the front desk and every view and change is audited.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

#: The PostgreSQL exclusion constraint that refuses overlapping visits of one practitioner.
NO_OVERLAP_CONSTRAINT = "booking_appointment_no_overlap"

#: Letters and digits that cannot be mistaken for each other when read out on the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference():
    """A random reference such as "AP-7KQ2-M9XD": it says nothing about the patient or how many
    appointments the clinic has had."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"AP-{code[:4]}-{code[4:]}"


def appointment_admin_url(view, *args):
    """The path of one of the front desk's appointment views, e.g. ``appointment_admin_url("inspect", 3)``."""
    return reverse(f"appointment:{view}", args=args)


class AppointmentQuerySet(models.QuerySet):
    def holding_time(self):
        """Appointments that take up the practitioner's time: every one not cancelled."""
        return self.exclude(status=Appointment.Status.CANCELLED)

    def overlapping(self, practitioner_id, blocked_from, blocked_until):
        """Appointments of the practitioner whose time, buffers included, overlaps the given range."""
        return self.holding_time().filter(
            practitioner_id=practitioner_id, blocked_from__lt=blocked_until, blocked_until__gt=blocked_from
        )


class Appointment(models.Model):
    """A booked visit: who, with which practitioner, what kind of visit, when, and where it came from."""

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        ARRIVED = "arrived", "Arrived"
        COMPLETED = "completed", "Completed"
        NO_SHOW = "no_show", "No-show"
        CANCELLED = "cancelled", "Cancelled"

    class Origin(models.TextChoices):
        ONLINE = "online", "Booked online by the patient"
        STAFF = "staff", "Booked by staff"

    reference = models.CharField(max_length=16, unique=True, default=new_reference, editable=False)
    uid = models.UUIDField(
        unique=True, default=uuid.uuid4, editable=False, help_text="Names the visit in calendar files."
    )

    practitioner = models.ForeignKey(
        "articles.Practitioner", on_delete=models.PROTECT, related_name="appointments"
    )
    appointment_type = models.ForeignKey(
        "booking.AppointmentType", on_delete=models.PROTECT, related_name="appointments", verbose_name="visit"
    )
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField()
    blocked_from = models.DateTimeField(editable=False, help_text="The start, less the buffer before.")
    blocked_until = models.DateTimeField(editable=False, help_text="The end, plus the buffer after.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.BOOKED, db_index=True)

    # The patient
    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=32, blank=True, help_text="Stored in international format.")
    preferred_contact = models.CharField(max_length=10, blank=True)
    condition = models.ForeignKey(
        "articles.ConditionPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    condition_label = models.CharField(max_length=255, blank=True)
    symptoms = models.TextField(blank=True, max_length=2000)

    # Where it came from
    origin = models.CharField(max_length=8, choices=Origin.choices, default=Origin.ONLINE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consultation_request = models.ForeignKey(
        "booking.ConsultationRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
        help_text="The consultation request this appointment was made from, if any.",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_title = models.CharField(max_length=255, blank=True)
    treatment = models.ForeignKey(
        "articles.TreatmentPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_given_at = models.DateTimeField(null=True, blank=True)
    privacy_version = models.CharField(max_length=40, blank=True)
    internal_notes = models.TextField(blank=True)

    # Bookkeeping
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_late = models.BooleanField(
        default=False,
        editable=False,
        help_text="Cancelled inside the clinic's notice window, as it was set at the time of cancelling.",
    )
    sequence = models.PositiveIntegerField(
        default=0, editable=False, help_text="Raised on every change of time or status (calendar files)."
    )
    submission_token = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    staff_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    change_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancellation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    missed_you_requested_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the front desk asked for the “we missed you” mail.",
    )
    missed_you_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        indexes = [
            models.Index(fields=["practitioner", "blocked_from"], name="booking_appt_practitioner_time")
        ]

    def __str__(self):
        # No name or condition here: this string shows up in logs, admin titles and history.
        return f"Appointment {self.reference}"

    @property
    def is_urgent(self):
        """Appointments are never urgent: a red-flag answer stops online booking (see the booking form)."""
        return False

    @property
    def holds_time(self):
        return self.status != self.Status.CANCELLED

    def markable(self, now=None):
        """Whether the front desk may mark it arrived or a no-show: booked, and its start has come."""
        return self.status == self.Status.BOOKED and self.start <= (now or timezone.now())

    def set_time(self, start):
        """Place the visit at ``start`` (aware): its end and the time it blocks follow from its type."""
        kind = self.appointment_type
        self.start = start
        self.end = start + kind.duration
        self.blocked_from = start - kind.buffer_before
        self.blocked_until = self.end + kind.buffer_after


class ManageLink(models.Model):
    """One manage link mailed to a patient for their appointment (in a confirmation or a reminder).

    Only the SHA-256 of the link's random token is kept. A link opens its appointment for as long as the
    appointment is at the time the link was mailed for: every mail about one time carries a link that
    works (the confirmation and each reminder), and a move makes the links to the old time stop working.
    """

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="manage_links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    start = models.DateTimeField(editable=False, help_text="The appointment's time when the link was mailed.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self):
        return f"Manage link for {self.appointment}"
