"""The front desk's list of requests, and the XLSX/CSV exports of what it shows."""

import datetime
import re

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets.button import Button

from booking import audit
from booking.viewsets.columns import ConsultationRequestTable, preferred_times_text
from booking.viewsets.exports import local_datetime_text, local_naive, safe_cell, yes_no


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
        return safe_cell(super().preprocess_field_value(field, value, export_format))

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
