"""The front desk's list of requests: how a request reads in it, its columns, and its XLSX/CSV downloads."""

import datetime
import re

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, Table
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets.button import Button

from booking import audit
from booking.filters import SOMETHING_ELSE_LABEL
from booking.forms import PREFERRED_TIMES
from booking.models import ConsultationRequest

NO_SOURCE_LABEL = "No source page (came to the form directly)"


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


# Values in the downloads: spreadsheet formulas neutralised, dates and booleans as plain text.

#: Text starting with one of these, after any leading whitespace, is run as a formula by spreadsheet
#: apps (the fullwidth forms too, by some). Text starting with a tab or carriage return is also unsafe.
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
CONTROL_STARTS = ("\t", "\r")

#: Control characters XML 1.0 (so XLSX) cannot hold; openpyxl refuses the whole file for one of them.
UNSTORABLE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value):
    """A value as it goes into a download: control characters a patient may have pasted into a field
    shown as \ufffd (in both formats, so they read the same), then formulas neutralised."""
    if isinstance(value, str):
        value = UNSTORABLE_CONTROLS.sub("\ufffd", value)
    return neutralise_formula(value)


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
