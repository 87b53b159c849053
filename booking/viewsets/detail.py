"""One request: its detail page, the front desk's edit form, deletion, and sending the confirmation."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.views.generic import View
from laces.components import MediaContainer
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.utils import get_user_display_name, get_valid_next_url_from_request
from wagtail.admin.views.generic import DeleteView, EditView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from booking import audit
from booking.confirmations import can_send_confirmation, enqueue_confirmation
from booking.models import ConsultationRequest, appointment_admin_url
from booking.viewsets.contact import ContactLinksMixin, email_link, phone_link
from booking.viewsets.edit_flow import StayOnEditPageMixin
from booking.viewsets.listing import NO_SOURCE_LABEL, assignee_name, condition_text, preferred_times_text

#: The groups whose members can be assigned a request.
FRONT_DESK_GROUPS = ("Front desk", "Front desk managers")


def patient_summary(consultation_request, phone_region):
    """What the patient told us, read-only, for the edit page (label, value) pairs."""
    obj = consultation_request
    return [
        ("Received", date_format(timezone.localtime(obj.created_at), "DATETIME_FORMAT")),
        ("Urgent", "Yes: a red-flag symptom was reported" if obj.is_urgent else "No"),
        ("Name", obj.name),
        ("Email", email_link(obj.email)),
        ("Phone", phone_link(obj.phone, phone_region)),
        ("Preferred contact", obj.get_preferred_contact_display()),
        ("New or returning", obj.get_patient_type_display()),
        ("Preferred days and times", preferred_times_text(obj.preferred_times)),
        ("Condition", condition_text(obj)),
        ("Symptoms", linebreaksbr(obj.symptoms)),
        ("Came from", obj.source_title or NO_SOURCE_LABEL),
    ]


class ConfirmationButtonMixin:
    """Context for the "Send confirmation to patient" form on the detail and edit pages."""

    confirmation_url_name = None

    def get_confirmation_context(self, consultation_request):
        if not (self.confirmation_url_name and self.user_has_permission("change")):
            return {}
        return {
            "can_send_confirmation": can_send_confirmation(consultation_request),
            "confirmation_url": reverse(self.confirmation_url_name, args=[consultation_request.pk]),
        }


INSPECT_LABELS = {
    "is_urgent": "Urgent",
    "red_flags_reported": "Red-flag symptom reported",
    "created_at": "Received",
    "patient_type": "New or returning",
    "preferred_times": "Preferred days and times",
    "condition_label": "Condition",
    "source_title": "Came from",
    "assignee": "Assigned to",
    "confirmation_sent_at": "Confirmation sent",
    "consent_given_at": "Consent given",
    "privacy_version": "Privacy notice version",
    "staff_notified_at": "Front desk notified",
    "patient_acknowledged_at": "Acknowledgement sent to the patient",
    "updated_at": "Last updated",
    "anonymised_at": "Anonymised",
}


class ConsultationRequestInspectView(ContactLinksMixin, ConfirmationButtonMixin, InspectView):
    """Everything about one request. Each visit is written to the audit log."""

    def get_field_label(self, field_name, field):
        return INSPECT_LABELS.get(field_name) or super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if value is None or value == "":
            return "—"
        return value

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        audit.record(request.user, audit.Action.VIEW, self.object, detail="detail page")
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.get_confirmation_context(self.object))
        if self.request.user.has_perm("booking.add_appointment") and self.object.anonymised_at is None:
            context["book_appointment_url"] = appointment_admin_url("add") + f"?request={self.object.pk}"
            context["appointments"] = self.object.appointments.select_related("practitioner")
        return context

    def get_condition_label_display_value(self):
        return condition_text(self.object)

    def get_is_urgent_display_value(self):
        return "Yes: a red-flag symptom was reported" if self.object.is_urgent else "No"

    def get_red_flags_reported_display_value(self):
        return "Yes" if self.object.red_flags_reported else "No"

    def get_symptoms_display_value(self):
        return linebreaksbr(self.object.symptoms) or "—"

    def get_preferred_times_display_value(self):
        return preferred_times_text(self.object.preferred_times) or "—"

    def get_source_title_display_value(self):
        page = self.object.source_page
        title = self.object.source_title or (page.title if page else "")
        if not title:
            return NO_SOURCE_LABEL
        url = page.get_url(request=self.request) if page else None
        return format_html('<a href="{}">{}</a>', url, title) if url else title

    def get_assignee_display_value(self):
        return assignee_name(self.object) or "Nobody yet"


class ConsultationRequestAdminForm(WagtailAdminModelForm):
    """The front desk's fields only; the patient's own answers are not in the form at all."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        assignee = self.fields.get("assignee")
        if assignee is not None:
            people = Q(is_active=True, groups__name__in=FRONT_DESK_GROUPS)
            if self.instance.assignee_id:
                people |= Q(pk=self.instance.assignee_id)
            assignee.queryset = (
                get_user_model()
                .objects.filter(people)
                .distinct()
                .order_by("first_name", "last_name", "username")
            )
            assignee.label_from_instance = get_user_display_name
            assignee.empty_label = "Nobody yet"

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == ConsultationRequest.Status.SCHEDULED and not cleaned_data.get(
            "scheduled_for"
        ):
            self.add_error(
                "scheduled_for", "Give the date and time of the consultation to mark it scheduled."
            )
        return cleaned_data


class ConsultationRequestEditView(StayOnEditPageMixin, ContactLinksMixin, ConfirmationButtonMixin, EditView):
    """Status, assignee, scheduled time and notes, with the patient's answers shown read-only above.
    Saving stays on this page, so the confirmation can be sent straight after.

    Showing the page counts as a view in the audit log; a save records the names of the changed fields.
    """

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        audit.record(request.user, audit.Action.VIEW, self.object, detail="edit page")
        return response

    def form_invalid(self, form):
        audit.record(self.request.user, audit.Action.VIEW, self.object, detail="edit page (not saved)")
        return super().form_invalid(form)

    def save_instance(self):
        changed = list(self.form.changed_data)
        instance = super().save_instance()
        detail = "changed " + ", ".join(changed) if changed else "saved without changes"
        audit.record(self.request.user, audit.Action.CHANGE, instance, detail=detail)
        return instance

    def get_side_panels(self):
        # Wagtail's status panel would call every request "Live"; history is linked from the header.
        return MediaContainer([])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["patient_summary"] = patient_summary(self.object, self.phone_region())
        context.update(self.get_confirmation_context(self.object))
        return context


class ConsultationRequestDeleteView(DeleteView):
    """Managers only (the delete permission). The audit entry outlives the request."""

    def delete_action(self):
        request_id = self.object.pk
        with transaction.atomic():
            super().delete_action()
            audit.record(self.request.user, audit.Action.DELETE, request_id, detail="deleted in the admin")


class SendConfirmationView(PermissionCheckedMixin, View):
    """POST only: queue the "your consultation is scheduled" mail with its calendar file."""

    model = ConsultationRequest
    permission_required = "change"
    http_method_names = ["post"]
    inspect_url_name = None

    def post(self, request, pk):
        consultation_request = get_object_or_404(ConsultationRequest, pk=pk)
        next_url = get_valid_next_url_from_request(request) or reverse(self.inspect_url_name, args=[pk])
        if not can_send_confirmation(consultation_request):
            messages.error(
                request,
                "A confirmation needs the status “Scheduled”, a date and time, and the patient's email.",
            )
            return redirect(next_url)
        requested_at = timezone.now()
        with transaction.atomic():
            audit.record(
                request.user, audit.Action.CONFIRMATION, consultation_request, detail="sending requested"
            )
            transaction.on_commit(lambda: enqueue_confirmation(consultation_request, requested_at))
        messages.success(
            request, f"The confirmation for {consultation_request.reference} is on its way to the patient."
        )
        return redirect(next_url)
