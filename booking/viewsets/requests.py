"""The "Consultation requests" admin section: the viewset that puts its views, URLs and menus together,
the sidebar item "Requests" with the count of new requests, and the dashboard panel of new and urgent ones."""

from django.db.models import Count, Q
from django.urls import path, reverse
from laces.components import Component
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from booking.filters import ConsultationRequestFilterSet
from booking.models import ADMIN_URL_NAMESPACE, ConsultationRequest, admin_url
from booking.viewsets.detail import (
    ConsultationRequestAdminForm,
    ConsultationRequestDeleteView,
    ConsultationRequestEditView,
    ConsultationRequestInspectView,
    SendConfirmationView,
)
from booking.viewsets.listing import (
    ConsultationRequestIndexView,
    StatusColumn,
    UrgencyColumn,
    assignee_name,
    condition_text,
    scheduled_text,
)
from booking.viewsets.permissions import can_view_requests
from booking.viewsets.report import ConsultationReportMenuItem, ConsultationReportView


def new_request_counts(request):
    """How many requests are new, and how many of those are urgent: ``{"new": n, "urgent": m}``.

    One query, kept on the request, so the sidebar item and the dashboard panel of the same page share it.
    """
    counts = getattr(request, "booking_new_request_counts", None)
    if counts is None:
        counts = ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW).aggregate(
            new=Count("pk"), urgent=Count("pk", filter=Q(is_urgent=True))
        )
        request.booking_new_request_counts = counts
    return counts


class ConsultationRequestMenuItem(MenuItem):
    """The sidebar link, short enough for the sidebar's width, with the number of new requests:
    "Requests (3 new)".

    Wagtail's sidebar has no badge API, so the count goes in the label. Shown only with view permission.
    """

    def is_shown(self, request):
        return can_view_requests(request.user)

    def render_component(self, request):
        new_count = new_request_counts(request)["new"]
        label = f"{self.label} ({new_count} new)" if new_count else self.label
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class NewRequestsPanel(Component):
    """Dashboard panel: how many requests are new, how many of those are urgent, with links to them."""

    name = "consultation_requests"
    template_name = "booking/admin/dashboard_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        counts = new_request_counts(self.request)
        index_url = admin_url("index")
        return {
            "new_count": counts["new"],
            "urgent_count": counts["urgent"],
            "new_url": f"{index_url}?status=new",
            "urgent_url": f"{index_url}?status=new&is_urgent=true",
        }


class ConsultationRequestViewSet(ModelViewSet):
    """The "Consultation requests" admin section."""

    model = ConsultationRequest
    name = ADMIN_URL_NAMESPACE
    url_prefix = "booking/consultationrequest"
    icon = "calendar-check"
    menu_label = "Requests"
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
