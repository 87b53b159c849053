"""How a request reads in the admin: the text of its fields, and the columns and rows of the list."""

from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column, Table
from wagtail.admin.utils import get_user_display_name

from booking.filters import SOMETHING_ELSE_LABEL
from booking.forms import PREFERRED_TIMES
from booking.models import ConsultationRequest

#: URL namespace of the consultation request views, e.g. "consultationrequest:inspect".
REQUESTS_NAMESPACE = "consultationrequest"
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
