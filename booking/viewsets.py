"""The front desk's side of consultation requests in the Wagtail admin.

- "Consultation requests": the list (new and urgent requests stand out), filters, search, a detail
  page, editing of the front desk's own fields, XLSX/CSV export of the filtered list, the
  "send confirmation" button and a small report. Nobody adds requests here: they come from patients.
- "Request audit log": every view, change, export, deletion and confirmation, for managers.

Access comes from Django permissions given to groups by a data migration: ``view``/``change`` to work
requests, the custom ``export`` permission to download them, ``delete`` for managers only. Every page
that shows a request's details writes an audit entry (``booking.audit``).
"""

import datetime
import re

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.views.generic import TemplateView, View
from laces.components import Component, MediaContainer
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, Table
from wagtail.admin.utils import get_user_display_name, get_valid_next_url_from_request
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from booking import audit
from booking.confirmations import can_send_confirmation, enqueue_confirmation
from booking.filters import SOMETHING_ELSE_LABEL, ConsultationRequestFilterSet, RequestAuditEntryFilterSet
from booking.forms import PREFERRED_TIMES
from booking.models import ConsultationRequest, RequestAuditEntry

#: The groups whose members can be assigned a request.
FRONT_DESK_GROUPS = ("Front desk", "Front desk managers")
#: URL namespace of the consultation request views, e.g. "consultationrequest:inspect".
REQUESTS_NAMESPACE = "consultationrequest"
NO_SOURCE_LABEL = "No source page (came to the form directly)"


# Permissions


class ConsultationRequestPermissionPolicy(ModelPermissionPolicy):
    """Django model permissions, with two clinic rules on top.

    - Nobody adds a request in the admin, superusers included: requests only come from patients.
    - ``export`` is its own permission (``booking.export_consultationrequest``), not implied by view.
    """

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


class RequestAuditPermissionPolicy(ModelPermissionPolicy):
    """The audit log can be read (``booking.view_requestauditentry``) but never written from the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action == "view"])


def request_policy():
    return policy_registry.get_by_type(ConsultationRequest)


def can_view_requests(user):
    return request_policy().user_has_permission(user, "view")


# Spreadsheet safety

#: Text starting with one of these, after any leading whitespace, is run as a formula by spreadsheet
#: apps (the fullwidth forms too, by some). Text starting with a tab or carriage return is also unsafe.
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
CONTROL_STARTS = ("\t", "\r")


def neutralise_formula(value):
    """Prefix text that a spreadsheet would run as a formula with ', so it is shown as text.

    OWASP's advice for CSV injection, applied to XLSX too so both downloads read the same. Wagtail's
    XLSX writer only stops openpyxl from storing "=..." as a formula, and its CSV writer does nothing.
    """
    if isinstance(value, str) and (
        value.startswith(CONTROL_STARTS) or value.lstrip().startswith(FORMULA_STARTS)
    ):
        return "'" + value
    return value


def local_datetime_text(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def local_naive(value):
    return timezone.make_naive(timezone.localtime(value))


def yes_no(value):
    return "Yes" if value else "No"


# Listing


def preferred_times_text(value):
    if not value:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        labels = dict(PREFERRED_TIMES)
        return ", ".join(str(labels.get(item, item)) for item in value)
    return str(value)


def assignee_name(consultation_request):
    return get_user_display_name(consultation_request.assignee) if consultation_request.assignee else ""


def scheduled_text(consultation_request):
    if consultation_request.scheduled_for is None:
        return ""
    return date_format(timezone.localtime(consultation_request.scheduled_for), "DATETIME_FORMAT")


def condition_text(consultation_request):
    return consultation_request.condition_label or SOMETHING_ELSE_LABEL


class StatusColumn(Column):
    """The request's status as a tag; new requests get the stronger "label" style."""

    cell_template_name = "booking/admin/status_cell.html"


class UrgencyColumn(Column):
    """A red "Urgent" tag for requests where the patient reported a red-flag symptom."""

    cell_template_name = "booking/admin/urgency_cell.html"


class ConsultationRequestTable(Table):
    """Rows of new and urgent requests carry classes saying so (for styling and for tests)."""

    def get_row_classname(self, instance):
        classes = []
        if instance.status == ConsultationRequest.Status.NEW:
            classes.append("booking-request--new")
        if instance.is_urgent:
            classes.append("booking-request--urgent")
        return " ".join(classes)


class ConsultationRequestIndexView(IndexView):
    """The front desk's list: filters, search by name, email or phone, and exports of what is shown."""

    table_class = ConsultationRequestTable
    report_url_name = None
    custom_value_preprocess = {
        datetime.datetime: {
            IndexView.FORMAT_CSV: local_datetime_text,
            IndexView.FORMAT_XLSX: local_naive,
        },
        (datetime.date, datetime.time): {IndexView.FORMAT_XLSX: None},
        bool: {IndexView.FORMAT_CSV: yes_no, IndexView.FORMAT_XLSX: yes_no},
        list: {IndexView.FORMAT_CSV: preferred_times_text, IndexView.FORMAT_XLSX: preferred_times_text},
    }

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's listing exports whatever the listing shows to anyone who can see it; here a
        # download needs the separate export permission.
        if self.is_export and not self.user_has_permission("export"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("assignee")

    def search_queryset(self, queryset):
        """Name, email or phone contains the query; phones also match on digits alone.

        The model is not in Wagtail's search index, so (like Wagtail's own fallback) this is a database
        ``icontains`` search over ``search_fields``, plus "(555) 010-2030" finding "+15550102030".
        """
        if not self.is_searching:
            return queryset
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": self.search_query})
        digits = re.sub(r"\D", "", self.search_query)
        if len(digits) >= 4:
            query |= Q(phone__contains=digits)
        return queryset.filter(query)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.user_has_permission("export")

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.report_url_name:
            buttons.append(
                Button(
                    "Consultation report", url=reverse(self.report_url_name), icon_name="table", priority=80
                )
            )
        return buttons

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

    def export_description(self, export_format, row_count):
        """What was exported, without a single value: the format, the row count, which filters."""
        detail = f"{export_format.upper()} export of {row_count} row{'s' if row_count != 1 else ''}"
        filters = list(self.filters.form.changed_data) if self.is_filtering else []
        if filters:
            detail += "; filtered by " + ", ".join(filters)
        if self.is_searching:
            detail += "; with a search"
        return detail

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            ids = list(context["object_list"].values_list("pk", flat=True))
            detail = self.export_description(self.request.GET["export"], len(ids))
            audit.record(self.request.user, audit.Action.EXPORT, ids or None, detail=detail)
        return super().render_to_response(context, **response_kwargs)


# Detail, edit, delete


def patient_summary(consultation_request):
    """What the patient told us, read-only, for the edit page (label, value) pairs."""
    obj = consultation_request
    return [
        ("Received", date_format(timezone.localtime(obj.created_at), "DATETIME_FORMAT")),
        ("Urgent", "Yes: a red-flag symptom was reported" if obj.is_urgent else "No"),
        ("Name", obj.name),
        ("Email", obj.email),
        ("Phone", obj.phone),
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


class ConsultationRequestInspectView(ConfirmationButtonMixin, InspectView):
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


class ConsultationRequestEditView(ConfirmationButtonMixin, EditView):
    """Status, assignee, scheduled time and notes, with the patient's answers shown read-only above.

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
        context["patient_summary"] = patient_summary(self.object)
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


# Report


class ReportPeriodForm(forms.Form):
    """The period of the report, as ``?from=YYYY-MM-DD&to=YYYY-MM-DD``; the last 30 days by default."""

    DEFAULT_DAYS = 30

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = forms.DateField(label="From", required=False, widget=AdminDateInput)
        self.fields["to"] = forms.DateField(label="To", required=False, widget=AdminDateInput)

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("from"), cleaned_data.get("to")
        if start and end and start > end:
            self.add_error("to", "The end of the period must not be before its start.")
        return cleaned_data

    def period(self):
        """(first day, last day), both included."""
        today = timezone.localdate()
        end = today
        start = today - datetime.timedelta(days=self.DEFAULT_DAYS)
        if self.is_valid():
            end = self.cleaned_data.get("to") or end
            start = self.cleaned_data.get("from") or min(start, end)
        return start, end


def count_by(requests, field, blank_label):
    """Rows of {"label", "count"}, most requests first, counted by the database in one grouped query."""
    rows = requests.values(field).annotate(count=Count("pk")).order_by("-count", field)
    return [{"label": row[field] or blank_label, "count": row["count"]} for row in rows]


def day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class ConsultationReportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """How many requests came in over a period, per condition and per source page.

    Counted by the database (one grouped query each), with nothing about any single patient.
    """

    model = ConsultationRequest
    permission_required = "view"
    template_name = "booking/admin/report.html"
    page_title = "Consultation report"
    header_icon = "table"
    index_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ReportPeriodForm(self.request.GET or None)
        start, end = form.period()
        requests = ConsultationRequest.objects.filter(
            created_at__gte=day_start(start), created_at__lt=day_start(end + datetime.timedelta(days=1))
        )
        by_condition = count_by(requests, "condition_label", SOMETHING_ELSE_LABEL)
        by_source = count_by(requests, "source_title", NO_SOURCE_LABEL)
        context.update(
            form=form,
            start=start,
            end=end,
            by_condition=by_condition,
            by_source=by_source,
            total=sum(row["count"] for row in by_condition),
            index_url=reverse(self.index_url_name) if self.index_url_name else None,
        )
        return context


# Menu and dashboard


class ConsultationRequestMenuItem(MenuItem):
    """The sidebar link, labelled with the number of new requests, e.g. "Consultation requests (3 new)".

    Wagtail's sidebar has no badge API, so the count goes in the label. Shown only with view permission.
    """

    def is_shown(self, request):
        return can_view_requests(request.user)

    def render_component(self, request):
        new_count = ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW).count()
        label = f"{self.label} ({new_count} new)" if new_count else self.label
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class ConsultationReportMenuItem(MenuItem):
    """The "Consultation report" item under Reports, for staff who can view requests."""

    def is_shown(self, request):
        return can_view_requests(request.user)


class NewRequestsPanel(Component):
    """Dashboard panel: how many requests are new, how many of those are urgent, with links to them."""

    name = "consultation_requests"
    template_name = "booking/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        counts = ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW).aggregate(
            new=Count("pk"), urgent=Count("pk", filter=Q(is_urgent=True))
        )
        index_url = reverse(f"{REQUESTS_NAMESPACE}:index")
        return {
            "new_count": counts["new"],
            "urgent_count": counts["urgent"],
            "new_url": f"{index_url}?status=new",
            "urgent_url": f"{index_url}?status=new&is_urgent=true",
        }


# Viewsets


class RequestReferenceColumn(Column):
    """The request's reference, linking to its detail page (which may no longer exist)."""

    cell_template_name = "booking/admin/request_link_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request_id = instance.request_id_ref
        context["reference"] = f"CR-{request_id:05d}" if request_id else ""
        context["url"] = reverse(f"{REQUESTS_NAMESPACE}:inspect", args=[request_id]) if request_id else ""
        return context


def audit_user_name(entry):
    return get_user_display_name(entry.user) if entry.user else "System"


class RequestAuditEntryIndexView(IndexView):
    """The audit log, newest first, with who did it fetched in the same query."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")


class ConsultationRequestViewSet(ModelViewSet):
    """The "Consultation requests" admin section."""

    model = ConsultationRequest
    name = REQUESTS_NAMESPACE
    url_prefix = "booking/consultationrequest"
    icon = "calendar-check"
    menu_label = "Consultation requests"
    menu_name = "consultation-requests"
    menu_order = 150
    add_to_admin_menu = True
    menu_item_class = ConsultationRequestMenuItem
    add_to_reference_index = False  # else page "usage" would list requests to editors

    index_view_class = ConsultationRequestIndexView
    inspect_view_class = ConsultationRequestInspectView
    edit_view_class = ConsultationRequestEditView
    delete_view_class = ConsultationRequestDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_template_name = "booking/admin/inspect.html"
    edit_template_name = "booking/admin/edit.html"

    list_per_page = 50
    ordering = "-created_at"
    list_display = [
        "reference",
        StatusColumn("status", label="Status", accessor="get_status_display", sort_key="status"),
        UrgencyColumn("is_urgent", label="Urgency", sort_key="is_urgent"),
        Column("condition_label", label="Condition", accessor=condition_text, sort_key="condition_label"),
        Column("source_title", label="Source page", sort_key="source_title"),
        DateColumn("created_at", label="Received", sort_key="created_at"),
        Column("assignee", label="Assigned to", accessor=assignee_name),
        Column("scheduled_for", label="Scheduled for", accessor=scheduled_text, sort_key="scheduled_for"),
    ]
    filterset_class = ConsultationRequestFilterSet
    search_fields = ["name", "email", "phone"]
    search_backend_name = None  # not in Wagtail's search index: search the database directly

    # The working list and how to reach the patient; not their symptoms or the front desk's notes.
    list_export = [
        "reference",
        "get_status_display",
        "is_urgent",
        "created_at",
        "condition_label",
        "source_title",
        "name",
        "email",
        "phone",
        "get_preferred_contact_display",
        "get_patient_type_display",
        "preferred_times",
        "assignee",
        "scheduled_for",
    ]
    export_headings = {
        "reference": "Reference",
        "get_status_display": "Status",
        "is_urgent": "Urgent",
        "created_at": "Received",
        "condition_label": "Condition",
        "source_title": "Source page",
        "get_preferred_contact_display": "Preferred contact",
        "get_patient_type_display": "New or returning",
        "preferred_times": "Preferred days and times",
        "assignee": "Assigned to",
        "scheduled_for": "Scheduled for",
    }
    export_filename = "consultation-requests"

    inspect_view_fields = [
        "reference",
        "status",
        "is_urgent",
        "red_flags_reported",
        "created_at",
        "name",
        "email",
        "phone",
        "preferred_contact",
        "patient_type",
        "preferred_times",
        "condition_label",
        "practitioner_preference",
        "treatment_preference",
        "symptoms",
        "source_title",
        "assignee",
        "scheduled_for",
        "internal_notes",
        "confirmation_sent_at",
        "consent_given_at",
        "privacy_version",
        "staff_notified_at",
        "patient_acknowledged_at",
        "updated_at",
        "anonymised_at",
    ]

    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("assignee", heading="Assigned to"),
            FieldPanel("scheduled_for"),
            FieldPanel("internal_notes", help_text="Seen by staff only. Never sent to the patient."),
        ],
        base_form_class=ConsultationRequestAdminForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(report_url_name=self.get_url_name("report"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(confirmation_url_name=self.get_url_name("confirm"), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(confirmation_url_name=self.get_url_name("confirm"), **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        # Requests are not in the reference index (see add_to_reference_index), so "usage" says nothing.
        return super().get_common_view_kwargs(usage_url_name=None, **kwargs)

    @property
    def report_view(self):
        return self.construct_view(ConsultationReportView)

    @property
    def confirmation_view(self):
        return self.construct_view(SendConfirmationView)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("report/", self.report_view, name="report"),
            path("confirm/<int:pk>/", self.confirmation_view, name="confirm"),
        ]

    def get_report_menu_item(self):
        return ConsultationReportMenuItem(
            "Consultation report",
            reverse(self.get_url_name("report")),
            name="consultation-report",
            icon_name="table",
        )


class RequestAuditEntryViewSet(ModelViewSet):
    """The read-only "Request audit log", under Reports, for front desk managers."""

    model = RequestAuditEntry
    name = "request_audit_log"
    url_prefix = "booking/audit-log"
    icon = "history"
    menu_label = "Request audit log"
    menu_name = "request-audit-log"
    menu_hook = "register_reports_menu_item"
    add_to_reference_index = False

    index_view_class = RequestAuditEntryIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # the permission policy lets nobody add, change or delete entries

    list_per_page = 50
    ordering = "-at"
    list_display = [
        "action",
        RequestReferenceColumn("request_id_ref", label="Request", sort_key="request_id_ref"),
        Column("user", label="Who", accessor=audit_user_name),
        DateColumn("at", label="When", sort_key="at"),
        Column("detail", label="Detail"),
    ]
    filterset_class = RequestAuditEntryFilterSet
    inspect_view_fields = ["action", "request_id_ref", "user", "at", "detail"]
