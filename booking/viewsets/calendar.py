"""The front desk's calendar: a day or a week of appointments, for one practitioner or all of them.

Server-rendered: each column (a practitioner on the day view, a day on the week view) is a list of
appointments in time order, which the stylesheet lays out on a grid of quarter hours; appointments that
overlap in one column (different practitioners on the week view) sit side by side. The practitioners'
working hours are shaded, closures named. Cancelled appointments free their time and are listed under
the grid. Showing a calendar is written to the audit log, one entry per appointment shown.
"""

import datetime
import math
import zoneinfo
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import urlencode
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from articles.models import Practitioner
from booking import audit, free_times
from booking.models import Appointment

ROW_MINUTES = 15
DAY_HOURS = (8, 18)  # shown even when nobody works then, so an empty day still looks like a day


class CalendarForm(forms.Form):
    """What the calendar shows: ``?view=day|week&date=YYYY-MM-DD&practitioner=<id>``."""

    view = forms.ChoiceField(choices=[("week", "Week"), ("day", "Day")], required=False)
    date = forms.DateField(required=False)
    practitioner = forms.ModelChoiceField(
        queryset=Practitioner.objects.all(), required=False, empty_label="All practitioners"
    )

    def shown(self):
        """(view, first day, days, practitioner or None) for valid input, else today's week for all."""
        data = self.cleaned_data if self.is_valid() else {}
        view = data.get("view") or "week"
        day = data.get("date") or timezone.localdate()
        if view == "week":
            first = day - datetime.timedelta(days=day.weekday())
            return (
                view,
                first,
                [first + datetime.timedelta(days=n) for n in range(7)],
                data.get("practitioner"),
            )
        return view, day, [day], data.get("practitioner")


@dataclass
class Item:
    appointment: Appointment
    rows: tuple
    lane: int = 1


@dataclass
class Column:
    day: datetime.date
    practitioner: Practitioner | None
    items: list = field(default_factory=list)
    working: list = field(default_factory=list)
    closed: str = ""
    lanes: int = 1


def place_in_lanes(items):
    """Side-by-side lanes for overlapping appointments (first free lane, in time order)."""
    lane_ends = []
    for item in sorted(items, key=lambda item: item.rows):
        for number, end in enumerate(lane_ends):
            if end <= item.rows[0]:
                lane_ends[number] = item.rows[1]
                item.lane = number + 1
                break
        else:
            lane_ends.append(item.rows[1])
            item.lane = len(lane_ends)
    return max(len(lane_ends), 1)


class Grid:
    """Rows of quarter hours from ``first_hour`` to ``last_hour`` of each day, in the clinic's zone."""

    def __init__(self, first_hour, last_hour, zone):
        self.first_hour, self.last_hour, self.zone = first_hour, last_hour, zone

    @property
    def rows(self):
        return (self.last_hour - self.first_hour) * 60 // ROW_MINUTES

    def row(self, day, moment, round_up=False):
        local = moment.astimezone(self.zone)
        minutes = (local.date() - day).days * 24 * 60 + local.hour * 60 + local.minute - self.first_hour * 60
        rows = (math.ceil if round_up else math.floor)(minutes / ROW_MINUTES)
        return min(max(rows, 0), self.rows) + 1

    def span(self, day, start, end):
        first = self.row(day, start)
        return first, max(self.row(day, end, round_up=True), first + 1)

    def hour_labels(self):
        return [
            (datetime.time(hour), (hour - self.first_hour) * 60 // ROW_MINUTES + 1)
            for hour in range(self.first_hour, self.last_hour)
        ]


def hours_shown(appointments, inputs, zone):
    starts = [DAY_HOURS[0]] + [item.start.hour for item in inputs["weekly"] + inputs["extra"]]
    ends = [DAY_HOURS[1]] + [
        math.ceil(item.end.hour + item.end.minute / 60) for item in inputs["weekly"] + inputs["extra"]
    ]
    for appointment in appointments:
        starts.append(appointment.start.astimezone(zone).hour)
        end = appointment.end.astimezone(zone)
        ends.append(
            24 if end.date() > appointment.start.astimezone(zone).date() else end.hour + (end.minute > 0)
        )
    return min(starts), min(max(ends), 24)


def build_columns(view, days, practitioners, appointments, inputs, grid):
    """The calendar's columns, each with its appointments placed on the grid and its working hours."""
    zone = grid.zone
    if view == "day":
        columns = [Column(days[0], practitioner) for practitioner in practitioners]
    else:
        only = practitioners[0] if len(practitioners) == 1 else None
        columns = [Column(day, only) for day in days]
    closures = inputs["closures"]
    for column in columns:
        day = column.day
        column.closed = next((c.name for c in closures if c.first_day <= day <= c.last_day), "")
        mine = [
            a
            for a in appointments
            if a.start.astimezone(zone).date() == day
            and (column.practitioner is None or a.practitioner_id == column.practitioner.pk)
        ]
        column.items = [Item(a, grid.span(day, a.start, a.end)) for a in mine]
        column.lanes = place_in_lanes(column.items)
        if column.practitioner is not None and not column.closed:
            stretches = [
                (h.start, h.end)
                for h in inputs["weekly"]
                if h.practitioner == column.practitioner.pk and h.weekday == day.weekday()
            ] + [
                (h.start, h.end)
                for h in inputs["extra"]
                if h.practitioner == column.practitioner.pk and h.day == day
            ]
            column.working = [
                grid.span(
                    day, datetime.datetime.combine(day, a, zone), datetime.datetime.combine(day, b, zone)
                )
                for a, b in stretches
            ]
    return columns


class CalendarView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Day and week views of the appointments, per practitioner or for all, with links to each one."""

    permission_policy = ModelPermissionPolicy(Appointment)
    permission_required = "view"
    template_name = "booking/admin/calendar.html"
    page_title = "Calendar"
    header_icon = "calendar"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
        {"url": "", "label": "Calendar"},
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        form = CalendarForm(self.request.GET or None)
        view, first, days, practitioner = form.shown()
        practitioners = (
            [practitioner] if practitioner else list(Practitioner.objects.order_by("sort_order", "name"))
        )
        start = datetime.datetime.combine(days[0], datetime.time(0), zone)
        end = datetime.datetime.combine(days[-1] + datetime.timedelta(days=1), datetime.time(0), zone)
        appointments = list(
            Appointment.objects.filter(practitioner__in=practitioners, start__lt=end, end__gt=start)
            .select_related("practitioner", "appointment_type")
            .order_by("start")
        )
        holding = [a for a in appointments if a.holds_time]
        inputs = free_times.schedule_inputs([p.pk for p in practitioners], days[0], days[-1], zone)
        grid = Grid(*hours_shown(holding, inputs, zone), zone)
        step = datetime.timedelta(days=1 if view == "day" else 7)
        base = {"view": view, **({"practitioner": practitioner.pk} if practitioner else {})}

        def link(**params):
            return "?" + urlencode({**base, **params})

        if appointments:
            detail = f"calendar, {view} of {first:%Y-%m-%d}"
            audit.record_appointments(self.request.user, audit.Action.VIEW, appointments, detail)
        context.update(
            form=form,
            view=view,
            days=days,
            practitioner=practitioner,
            columns=build_columns(view, days, practitioners, holding, inputs, grid),
            grid=grid,
            cancelled=[a for a in appointments if not a.holds_time],
            to_mark=self.to_mark(holding),
            status_url_name="appointment:status",
            earlier_url=link(date=(first - step).isoformat()),
            later_url=link(date=(first + step).isoformat()),
            today_url=link(date=timezone.localdate().isoformat()),
            day_url=link(view="day", date=first.isoformat()),
            week_url=link(view="week", date=first.isoformat()),
            add_url=reverse("appointment:add"),
        )
        return context

    def to_mark(self, holding):
        """Started visits the front desk can mark arrived or no-show, and marked ones to undo; none for
        staff who may only look."""
        if not self.permission_policy.user_has_permission(self.request.user, "change"):
            return []
        now = timezone.now()
        marked = (Appointment.Status.ARRIVED, Appointment.Status.NO_SHOW)
        return [a for a in holding if a.markable(now) or a.status in marked]


class CalendarMenuItem(MenuItem):
    """Shown to staff who can see appointments."""

    def is_shown(self, request):
        return ModelPermissionPolicy(Appointment).user_has_permission(request.user, "view")


class CalendarViewSet(ViewSet):
    """The "Calendar" item under Appointments."""

    name = "booking_calendar"
    url_prefix = "booking/calendar"
    icon = "calendar"
    menu_label = "Calendar"
    menu_item_class = CalendarMenuItem

    def get_urlpatterns(self):
        return [path("", CalendarView.as_view(), name="index")]
