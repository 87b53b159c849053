"""The front desk's side of consultation requests in the Wagtail admin.

- "Consultation requests": the list (new and urgent requests stand out), filters, search, a detail
  page, editing of the front desk's own fields, XLSX/CSV export of the filtered list, the
  "send confirmation" button and a small report. Nobody adds requests here: they come from patients.
- "Request audit log": every view, change, export, deletion and confirmation, for managers.

Access comes from Django permissions given to groups by a data migration: ``view``/``change`` to work
requests, the custom ``export`` permission to download them, ``delete`` for managers only. Every page
that shows a request's details writes an audit entry (``booking.audit``).

Modules: ``requests`` (the viewset and its URLs), ``listing`` (the list and its downloads), ``exports``
(spreadsheet-safe values), ``detail`` (detail, edit, delete, send confirmation), ``columns`` (how a
request reads), ``report``, ``menu`` (sidebar item and dashboard panel), ``audit_log`` and
``permissions``. Everything is importable from ``booking.viewsets`` too.
"""

from .audit_log import (
    RequestAuditEntryIndexView,
    RequestAuditEntryViewSet,
    RequestReferenceColumn,
    audit_user_name,
)
from .columns import (
    NO_SOURCE_LABEL,
    REQUESTS_NAMESPACE,
    ConsultationRequestTable,
    StatusColumn,
    UrgencyColumn,
    assignee_name,
    condition_text,
    preferred_times_text,
    scheduled_text,
)
from .detail import (
    FRONT_DESK_GROUPS,
    INSPECT_LABELS,
    ConfirmationButtonMixin,
    ConsultationRequestAdminForm,
    ConsultationRequestDeleteView,
    ConsultationRequestEditView,
    ConsultationRequestInspectView,
    SendConfirmationView,
    patient_summary,
)
from .exports import (
    CONTROL_STARTS,
    FORMULA_STARTS,
    local_datetime_text,
    local_naive,
    neutralise_formula,
    yes_no,
)
from .listing import ConsultationRequestIndexView
from .menu import ConsultationRequestMenuItem, NewRequestsPanel
from .permissions import (
    ConsultationRequestPermissionPolicy,
    RequestAuditPermissionPolicy,
    can_view_requests,
    request_policy,
)
from .report import ConsultationReportMenuItem, ConsultationReportView, ReportPeriodForm, count_by, day_start
from .requests import ConsultationRequestViewSet

__all__ = [
    "CONTROL_STARTS",
    "ConfirmationButtonMixin",
    "ConsultationReportMenuItem",
    "ConsultationReportView",
    "ConsultationRequestAdminForm",
    "ConsultationRequestDeleteView",
    "ConsultationRequestEditView",
    "ConsultationRequestIndexView",
    "ConsultationRequestInspectView",
    "ConsultationRequestMenuItem",
    "ConsultationRequestPermissionPolicy",
    "ConsultationRequestTable",
    "ConsultationRequestViewSet",
    "FORMULA_STARTS",
    "FRONT_DESK_GROUPS",
    "INSPECT_LABELS",
    "NO_SOURCE_LABEL",
    "NewRequestsPanel",
    "REQUESTS_NAMESPACE",
    "ReportPeriodForm",
    "RequestAuditEntryIndexView",
    "RequestAuditEntryViewSet",
    "RequestAuditPermissionPolicy",
    "RequestReferenceColumn",
    "SendConfirmationView",
    "StatusColumn",
    "UrgencyColumn",
    "assignee_name",
    "audit_user_name",
    "can_view_requests",
    "condition_text",
    "count_by",
    "day_start",
    "local_datetime_text",
    "local_naive",
    "neutralise_formula",
    "patient_summary",
    "preferred_times_text",
    "request_policy",
    "scheduled_text",
    "yes_no",
]
