"""The front desk's view of the waitlist: who waits for which visit, and which times were offered to
them, when, and whether they took one. Read only: patients join and leave it themselves. Like requests
and appointments, only the front desk sees it (``booking.view_waitlistentry``) and every look at the
list or an entry is written to the audit log.
"""

from django.utils.html import format_html, format_html_join
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from booking import audit, notifications
from booking.models import WaitlistEntry
from booking.viewsets.permissions import RequestAuditPermissionPolicy


class WaitlistPermissionPolicy(RequestAuditPermissionPolicy):
    """The waitlist can be read with ``booking.view_waitlistentry``, never written from the admin."""


class WaitlistIndexView(IndexView):
    """Entries, newest first, with their visit and practitioner in the same query; audited."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("appointment_type", "practitioner")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        audit.record(request.user, audit.Action.VIEW, None, detail="waitlist list")
        return response


class WaitlistInspectView(InspectView):
    """One entry and every offer made to it: the time, when it was mailed, and what became of it."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        audit.record(request.user, audit.Action.VIEW, None, detail=f"waitlist entry {self.object.pk}")
        return response

    def get_weekdays_display_value(self):
        names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return ", ".join(names[day] for day in self.object.weekdays)

    def get_offers_display_value(self):
        offers = self.object.offers.select_related("practitioner").order_by("created_at")
        if not offers:
            return "No offers yet"
        rows = (
            (
                notifications.local_time_text(offer.start),
                offer.practitioner.display_name,
                notifications.local_time_text(offer.sent_at) if offer.sent_at else "not sent",
                outcome(offer),
            )
            for offer in offers
        )
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{} with {}: mailed {}; {}</li>", rows))


def outcome(offer):
    if offer.claimed_at:
        return f"taken {notifications.local_time_text(offer.claimed_at)}"
    if offer.missed_at:
        return "too late, someone else took it"
    return "expired" if offer.expired else "open"


def status(entry):
    if entry.claimed_id:
        return "Took an offered time"
    if entry.left_at:
        return "Left"
    return "Waiting" if entry.active else "Expired"


class WaitlistViewSet(ModelViewSet):
    """The waitlist in the Appointments menu."""

    model = WaitlistEntry
    name = "waitlist"
    url_prefix = "booking/waitlist"
    icon = "list-ul"
    menu_label = "Waitlist"
    add_to_reference_index = False
    index_view_class = WaitlistIndexView
    inspect_view_class = WaitlistInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # the permission policy lets nobody add, change or delete entries
    ordering = "-created_at"
    list_display = [
        Column("reference", label="Entry", accessor="reference"),
        Column("appointment_type", label="Visit", accessor="appointment_type.name"),
        Column("practitioner", label="With", accessor=lambda entry: entry.practitioner or "Anyone"),
        DateColumn("until", label="Until", sort_key="until"),
        Column("status", label="Status", accessor=status),
        "name",
        DateColumn("created_at", label="Joined", sort_key="created_at"),
    ]
    search_fields = ["name", "email", "phone"]
    search_backend_name = None
    inspect_view_fields = [
        "appointment_type",
        "practitioner",
        "weekdays",
        "parts_of_day",
        "until",
        "name",
        "email",
        "phone",
        "created_at",
        "left_at",
        "claimed",
        "offers",
    ]
