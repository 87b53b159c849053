"""The attendance report (Reports › Attendance): bookings, cancellations, late cancellations, no-shows
and the no-show rate per month and per practitioner, with a small bar chart and a CSV download.

For staff with the front desk's permission to see appointments. It shows counts only, yet opening it
and downloading it are both written to the audit log (what period and filter, never a patient).
"""

import csv
import datetime

from django import forms
from django.http import HttpResponse
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from articles.models import Practitioner
from booking import attendance, audit
from booking.models import Appointment
from booking.viewsets.listing import safe_cell
from booking.viewsets.report import ReportPeriodForm

TITLE = "Attendance report"


class AttendanceFilterForm(ReportPeriodForm):
    """The period (by default this month and the five before it) and, optionally, one practitioner."""

    MONTHS_BACK = 5

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"] = forms.ModelChoiceField(
            Practitioner.objects.order_by("sort_order", "name"),
            required=False,
            empty_label="All practitioners",
        )

    def period(self):
        today = timezone.localdate()
        start = today.replace(day=1)
        for _month in range(self.MONTHS_BACK):
            start = (start - datetime.timedelta(days=1)).replace(day=1)
        if self.is_valid():
            end = self.cleaned_data.get("to") or today
            return self.cleaned_data.get("from") or min(start, end.replace(day=1)), end
        return start, today

    def practitioner(self):
        return self.cleaned_data.get("practitioner") if self.is_valid() else None


class AttendanceReportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Bookings, cancellations, late cancellations and no-shows, per month and per practitioner."""

    permission_policy = ModelPermissionPolicy(Appointment)
    permission_required = "view"
    template_name = "booking/admin/attendance_report.html"
    page_title = TITLE
    header_icon = "table"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
        {"url": "", "label": TITLE},
    ]

    def get(self, request, *args, **kwargs):
        self.form = AttendanceFilterForm(request.GET or None)
        self.first_day, self.last_day = self.form.period()
        self.practitioner = self.form.practitioner()
        appointments = attendance.appointments_in(self.first_day, self.last_day, self.practitioner)
        self.months = attendance.per_month(appointments, self.first_day, self.last_day)
        self.practitioners = attendance.per_practitioner(appointments)
        if request.GET.get("export") == "csv":
            audit.record(request.user, audit.Action.EXPORT, None, f"{TITLE}, CSV of {self.scope()}")
            return self.csv_response()
        audit.record(request.user, audit.Action.VIEW, None, f"{TITLE} of {self.scope()}")
        return super().get(request, *args, **kwargs)

    def scope(self):
        who = f", practitioner {self.practitioner.pk}" if self.practitioner else ""
        return f"{self.first_day:%Y-%m-%d} to {self.last_day:%Y-%m-%d}{who}"

    def csv_response(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"attendance-{self.first_day:%Y-%m-%d}-{self.last_day:%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        writer.writerow(["Per", "", *(heading for _f, heading in attendance.COLUMNS), "No-show rate"])
        for per, rows in (("Month", self.months), ("Practitioner", self.practitioners)):
            for row in [*rows, attendance.total(rows)]:
                writer.writerow([per, safe_cell(row.label), *row.values(), row.no_show_rate_text])
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query["export"] = "csv"
        context.update(
            form=self.form,
            start=self.first_day,
            end=self.last_day,
            practitioner=self.practitioner,
            columns=[heading for _f, heading in attendance.COLUMNS],
            tables=[
                ("report-by-month", "Per month", "Month", self.months),
                ("report-by-practitioner", "Per practitioner", "Practitioner", self.practitioners),
            ],
            total=attendance.total(self.months),
            chart=attendance.chart(self.months),
            series=attendance.SERIES,
            csv_url="?" + query.urlencode(),
        )
        return context


class AttendanceReportMenuItem(MenuItem):
    """The "Attendance report" item under Reports, for staff who can see appointments."""

    def is_shown(self, request):
        return ModelPermissionPolicy(Appointment).user_has_permission(request.user, "view")


class AttendanceReportViewSet(ViewSet):
    """The report's URL; its menu item goes under Reports (``wagtail_hooks``)."""

    name = "attendance_report"
    url_prefix = "booking/attendance"
    icon = "table"

    def get_urlpatterns(self):
        return [path("", AttendanceReportView.as_view(), name="index")]

    def reports_menu_item(self):
        return AttendanceReportMenuItem(
            TITLE, reverse(self.get_url_name("index")), name="attendance-report", icon_name=self.icon
        )
