"""The waitlist: patients who found no time that suits them, and the offers mailed to them when one
frees up.

An entry holds who to mail and what suits them (visit, practitioner or anyone, days of the week, parts
of the day, until when). It asks nothing about the patient's health. Its "leave the waitlist" link and
each offer's claim link are random tokens stored only as SHA-256 (``booking.waitlist``).
"""

import datetime

from django.db import models
from django.utils import timezone


class WaitlistEntry(models.Model):
    """A patient waiting for a time: which visit, with whom (or anyone), which days and parts of day."""

    class PartOfDay(models.TextChoices):
        MORNING = "morning", "Morning (before 12 noon)"
        AFTERNOON = "afternoon", "Afternoon (12 noon – 5 pm)"
        EVENING = "evening", "Evening (after 5 pm)"

    #: The local hours each part of the day covers, [from, until).
    HOURS = {"morning": (0, 12), "afternoon": (12, 17), "evening": (17, 24)}

    appointment_type = models.ForeignKey(
        "booking.AppointmentType", on_delete=models.CASCADE, related_name="+", verbose_name="visit"
    )
    practitioner = models.ForeignKey(
        "articles.Practitioner",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: any practitioner offering the visit.",
    )
    weekdays = models.JSONField(default=list, help_text="Days that suit, 0 = Monday … 6 = Sunday.")
    parts_of_day = models.JSONField(default=list, help_text="morning, afternoon and/or evening.")
    until = models.DateField(help_text="The last day the patient wants offers for.")

    name = models.CharField(max_length=120)
    email = models.EmailField()
    phone = models.CharField(max_length=32, blank=True, help_text="Stored in international format.")
    consent_given_at = models.DateTimeField()
    privacy_version = models.CharField(max_length=40, blank=True)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    submission_token = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    leave_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    left_at = models.DateTimeField(null=True, blank=True, editable=False)
    claimed = models.ForeignKey(
        "booking.Appointment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="The appointment the patient took from an offer.",
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = "waitlist entry"
        verbose_name_plural = "waitlist"

    def __str__(self):
        # No name here: this string shows up in logs, admin titles and history.
        return f"Waitlist entry {self.pk}"

    @property
    def reference(self):
        return f"WL-{self.pk}"

    is_urgent = False

    @property
    def active(self):
        return self.left_at is None and self.claimed_id is None and self.until >= timezone.localdate()

    def suits(self, local_start):
        """Whether a start (in the clinic's zone) falls on a day and in a part of the day that suits."""
        if local_start.weekday() not in self.weekdays:
            return False
        return any(
            self.HOURS[part][0] <= local_start.hour < self.HOURS[part][1] for part in self.parts_of_day
        )


class WaitlistOffer(models.Model):
    """One freed time offered to one waitlist entry, by mail with a claim link."""

    entry = models.ForeignKey(WaitlistEntry, on_delete=models.CASCADE, related_name="offers")
    practitioner = models.ForeignKey("articles.Practitioner", on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    missed_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the patient tried to claim it too late."
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "practitioner", "start"], name="booking_offer_once")
        ]

    def __str__(self):
        return f"Waitlist offer {self.pk}"

    @property
    def reference(self):
        return f"WL-{self.entry_id}/{self.pk}"

    @property
    def email(self):
        return self.entry.email

    is_urgent = False

    @property
    def expired(self):
        return self.expires_at <= timezone.now() or self.start <= timezone.now()


#: How long an offer's claim link works, at most (never past the time itself).
OFFER_VALID_FOR = datetime.timedelta(hours=24)
