"""Filters for the front desk's consultation request list, the appointment list and the audit log."""

import django_filters
from django import forms
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from articles.models import Practitioner
from booking.models import Appointment, ConsultationRequest, RequestAuditEntry, reference_for

#: The filter value standing for requests where the patient chose "something else" (no condition).
SOMETHING_ELSE = "-"
SOMETHING_ELSE_LABEL = "Something else"


def condition_choices():
    """The conditions patients have asked about, by the name recorded with each request."""
    labels = (
        ConsultationRequest.objects.exclude(condition_label="")
        .order_by("condition_label")
        .values_list("condition_label", flat=True)
        .distinct()
    )
    return [(label, label) for label in labels] + [(SOMETHING_ELSE, SOMETHING_ELSE_LABEL)]


class ConsultationRequestFilterSet(WagtailFilterSet):
    """Status, urgency, condition and the day a request was received."""

    status = django_filters.ChoiceFilter(
        label="Status",
        choices=ConsultationRequest.Status.choices,
        empty_label="All",
        widget=forms.RadioSelect,
    )
    is_urgent = django_filters.BooleanFilter(label="Urgent (red flag)", widget=BooleanRadioSelect)
    condition = django_filters.ChoiceFilter(
        label="Condition",
        choices=condition_choices,
        empty_label="All",
        method="filter_condition",
    )
    created_at = django_filters.DateFromToRangeFilter(label="Received", widget=DateRangePickerWidget)

    class Meta:
        model = ConsultationRequest
        fields = ["status", "is_urgent", "condition", "created_at"]

    def filter_condition(self, queryset, name, value):
        if value == SOMETHING_ELSE:
            return queryset.filter(condition_label="")
        return queryset.filter(condition_label=value)


class RequestAuditEntryFilterSet(WagtailFilterSet):
    """What happened, to which request, and when."""

    action = django_filters.ChoiceFilter(
        label="Action", choices=RequestAuditEntry.Action.choices, empty_label="All", widget=forms.RadioSelect
    )
    request_id_ref = django_filters.NumberFilter(label=f"Request number (e.g. 12 for {reference_for(12)})")
    at = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)

    class Meta:
        model = RequestAuditEntry
        fields = ["action", "request_id_ref", "at"]


class AppointmentFilterSet(WagtailFilterSet):
    """Status, practitioner and the day of the appointment."""

    status = django_filters.ChoiceFilter(
        label="Status", choices=Appointment.Status.choices, empty_label="All", widget=forms.RadioSelect
    )
    practitioner = django_filters.ModelChoiceFilter(
        label="Practitioner", queryset=Practitioner.objects.all(), empty_label="All"
    )
    start = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)

    class Meta:
        model = Appointment
        fields = ["status", "practitioner", "start"]
