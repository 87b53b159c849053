"""Consultation requests from patients, and the record of who looked at them.

A request holds health information (symptoms, the condition, red-flag answers), so only people with the
front-desk permission can see it, and every view, change and export is written to ``RequestAuditEntry``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

#: The front desk's admin views of requests are named "consultationrequest:<view>" ("index", "inspect",
#: "edit", "delete", "report", "confirm", ...); the viewset in ``booking/viewsets/requests.py`` takes it.
ADMIN_URL_NAMESPACE = "consultationrequest"


def admin_url(view, *args):
    """The path of one of the front desk's request views, e.g. ``admin_url("inspect", 12)``."""
    return reverse(f"{ADMIN_URL_NAMESPACE}:{view}", args=args)


def reference_for(request_id):
    """The reference staff and patients quote for a request: "CR-00012" for request 12."""
    return f"CR-{request_id:05d}"


class ConsultationRequest(models.Model):
    """A patient's request for a consultation, worked by the front desk from new to closed."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        SCHEDULED = "scheduled", "Scheduled"
        CLOSED = "closed", "Closed"
        NOT_A_FIT = "not_a_fit", "Not a fit"

    class ContactMethod(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone call"
        TEXT = "text", "Text message"

    class PatientType(models.TextChoices):
        NEW = "new", "New patient"
        RETURNING = "returning", "Returning patient"

    # Who and how to reach them
    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=32, blank=True, help_text="Stored in international format.")
    preferred_contact = models.CharField(max_length=10, choices=ContactMethod.choices)
    patient_type = models.CharField(max_length=10, choices=PatientType.choices)
    preferred_times = models.JSONField(default=list, blank=True, help_text="Days and times that suit.")

    # What it is about
    condition = models.ForeignKey(
        "articles.ConditionPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    condition_label = models.CharField(
        max_length=255, blank=True, help_text="The condition's name when the request was made."
    )
    practitioner_preference = models.ForeignKey(
        "articles.Practitioner", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    treatment_preference = models.ForeignKey(
        "articles.TreatmentPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    symptoms = models.TextField(blank=True, max_length=2000)
    red_flags_reported = models.BooleanField(
        default=False, help_text="The patient said a red-flag symptom applies (sudden severe headache, …)."
    )
    is_urgent = models.BooleanField(default=False, db_index=True)

    # Where it came from
    source_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_title = models.CharField(max_length=255, blank=True)

    # Consent
    consent_given_at = models.DateTimeField()
    privacy_version = models.CharField(max_length=40)

    # Front-desk work
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scheduled_for = models.DateTimeField(null=True, blank=True)
    internal_notes = models.TextField(blank=True)

    # Bookkeeping
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    submission_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    staff_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    patient_acknowledged_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "consultation request"
        permissions = [("export_consultationrequest", "Can export consultation requests")]

    def __str__(self):
        # No name or condition here: this string shows up in logs, admin titles and history.
        return f"Request {self.reference}"

    @property
    def reference(self):
        return reference_for(self.pk) if self.pk else "CR-new"


class RequestAuditEntry(models.Model):
    """Who viewed, changed or exported which request or appointment, and when. Holds no health details."""

    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CHANGE = "change", "Changed"
        EXPORT = "export", "Exported"
        DELETE = "delete", "Deleted"
        CONFIRMATION = "confirmation", "Sent confirmation"
        ANONYMISE = "anonymise", "Anonymised by retention"
        BOOK = "book", "Booked"
        MOVE = "move", "Moved"
        CANCEL = "cancel", "Cancelled"

    request_id_ref = models.BigIntegerField(
        null=True, blank=True, db_index=True, verbose_name="request", help_text="Kept after deletion."
    )
    appointment_id_ref = models.BigIntegerField(
        null=True, blank=True, db_index=True, verbose_name="appointment", help_text="Kept after deletion."
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    detail = models.CharField(
        max_length=255, blank=True, help_text="Field names changed or rows exported; never their values."
    )

    class Meta:
        ordering = ["-at"]
        verbose_name = "request audit entry"
        verbose_name_plural = "request audit log"

    def __str__(self):
        subject = self.request_id_ref or (
            f"appointment {self.appointment_id_ref}" if self.appointment_id_ref else ""
        )
        return f"{self.get_action_display()} {subject} by {self.user or 'system'}"
