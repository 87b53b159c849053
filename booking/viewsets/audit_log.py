"""The read-only "Request audit log" under Reports: who viewed, changed, exported or deleted what."""

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from booking.filters import RequestAuditEntryFilterSet
from booking.models import RequestAuditEntry, admin_url, reference_for


class RequestReferenceColumn(Column):
    """The request's reference, linking to its detail page (which may no longer exist)."""

    cell_template_name = "booking/admin/request_link_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request_id = instance.request_id_ref
        context["reference"] = reference_for(request_id) if request_id else ""
        context["url"] = admin_url("inspect", request_id) if request_id else ""
        return context


def audit_user_name(entry):
    return get_user_display_name(entry.user) if entry.user else "System"


class RequestAuditEntryIndexView(IndexView):
    """The audit log, newest first, with who did it fetched in the same query."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")


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
