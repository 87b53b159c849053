"""Booking setup, for managers: the visits patients can book, working hours, time off and extra hours,
and clinic closures. Django's permissions decide who sees them (front desk managers and superusers)."""

from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from booking.models import (
    AppointmentType,
    ClinicClosure,
    PractitionerSchedule,
    ScheduleException,
    WorkingHours,
)
from booking.viewsets.appointments import AppointmentViewSet
from booking.viewsets.calendar import CalendarViewSet
from booking.viewsets.waitlist import WaitlistViewSet


def weekly_hours_text(schedule):
    """E.g. "Mon 9:00–12:30, 13:30–18:00; Tue …", from hours prefetched with the schedule."""
    days = {}
    for hours in sorted(schedule.hours.all(), key=lambda h: (h.weekday, h.starts_at)):
        label = WorkingHours.Weekday(hours.weekday).label[:3]
        days.setdefault(label, []).append(f"{hours.starts_at:%-H:%M}–{hours.ends_at:%-H:%M}")
    return "; ".join(f"{day} {', '.join(ranges)}" for day, ranges in days.items()) or "No hours yet"


class SetupViewSet(ModelViewSet):
    """Shared settings of the booking setup sections."""

    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False


class AppointmentTypeViewSet(SetupViewSet):
    """Visits patients can book: length, buffers, who offers them, price."""

    model = AppointmentType
    name = "appointment_types"
    url_prefix = "booking/visits"
    icon = "list-ul"
    menu_label = "Visits"
    list_display = ["name", "duration_minutes", "price", "new_patients_only", "bookable_online"]


class WorkingHoursViewSet(SetupViewSet):
    """Each practitioner's usual week."""

    model = PractitionerSchedule
    name = "working_hours"
    url_prefix = "booking/working-hours"
    icon = "time"
    menu_label = "Working hours"
    list_display = [
        "practitioner",
        Column("hours", label="Weekly hours", accessor=weekly_hours_text),
        "accepts_online_bookings",
    ]

    def get_queryset(self, request):
        return PractitionerSchedule.objects.select_related("practitioner").prefetch_related("hours")


class ScheduleExceptionViewSet(SetupViewSet):
    """Time off and extra hours of one practitioner."""

    model = ScheduleException
    name = "schedule_exceptions"
    url_prefix = "booking/time-off"
    icon = "date"
    menu_label = "Time off and extra hours"
    list_display = ["practitioner", "kind", "starts_on", "starts_at", "ends_on", "ends_at", "note"]
    list_filter = ["practitioner", "kind"]


class ClinicClosureViewSet(SetupViewSet):
    """Days the clinic is closed."""

    model = ClinicClosure
    name = "clinic_closures"
    url_prefix = "booking/closures"
    icon = "cross"
    menu_label = "Clinic closures"
    list_display = ["name", "starts_on", "ends_on"]


class AppointmentsMenu(ViewSetGroup):
    """The "Appointments" menu: the calendar, the list, and the booking setup for managers."""

    menu_label = "Appointments"
    menu_icon = "calendar"
    menu_order = 140
    items = (
        CalendarViewSet,
        AppointmentViewSet,
        WaitlistViewSet,
        AppointmentTypeViewSet,
        WorkingHoursViewSet,
        ScheduleExceptionViewSet,
        ClinicClosureViewSet,
    )
