"""The consultation report: how many requests came in over a period, per condition and per source page."""

import datetime

from django import forms
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import AdminDateInput

from booking.filters import SOMETHING_ELSE_LABEL
from booking.models import ConsultationRequest
from booking.viewsets.listing import NO_SOURCE_LABEL
from booking.viewsets.permissions import can_view_requests


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

    def get_breadcrumbs_items(self):
        # Wagtail's header shows the last breadcrumb as the page's title: without this one it reads "Home".
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

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


class ConsultationReportMenuItem(MenuItem):
    """The "Consultation report" item under Reports, for staff who can view requests."""

    def is_shown(self, request):
        return can_view_requests(request.user)
