"""The numbers of the attendance report: bookings, cancellations, late cancellations and no-shows, per
month and per practitioner, and the geometry of its small bar chart.

- Every count is of appointments whose *visit* falls in the period (by ``start``, in the clinic's time
  zone), whatever their status now, so one month's row adds up: bookings = everything booked for
  that month; cancellations and no-shows are the ones that ended so.
- A late cancellation is one stored with ``cancelled_late`` when it was cancelled (inside the notice
  window then in force, by the patient's manage link or the front desk). It is stored rather than
  worked out here because the notice in Clinic details can change later.
- The no-show rate is no-shows out of the visits whose outcome the front desk has marked (arrived,
  completed or no-show): visits still "booked" after their time are left out rather than guessed.

The database counts (one grouped query per table); nothing about any single patient is read.
The chart is plain SVG drawn on the server: no script, no third-party library for a dozen bars.
"""

import dataclasses
import datetime
import zoneinfo

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from booking.models import Appointment

Status = Appointment.Status

AGGREGATES = {
    "bookings": Count("pk"),
    "cancellations": Count("pk", filter=Q(status=Status.CANCELLED)),
    "late_cancellations": Count("pk", filter=Q(status=Status.CANCELLED, cancelled_late=True)),
    "no_shows": Count("pk", filter=Q(status=Status.NO_SHOW)),
    "attended": Count("pk", filter=Q(status__in=[Status.ARRIVED, Status.COMPLETED])),
}

#: The columns of the tables and the CSV, in order: (field, heading).
COLUMNS = [
    ("bookings", "Bookings"),
    ("cancellations", "Cancellations"),
    ("late_cancellations", "Late cancellations"),
    ("no_shows", "No-shows"),
    ("attended", "Attended"),
]

#: The chart's bars: (field, legend, colour). Each colour has at least 3:1 contrast with white.
SERIES = [
    ("bookings", "Bookings", "#1f5fa6"),
    ("cancellations", "Cancellations", "#5b6470"),
    ("late_cancellations", "Late cancellations", "#8a4b00"),
    ("no_shows", "No-shows", "#b3261e"),
]


@dataclasses.dataclass
class Row:
    """One month's or one practitioner's counts."""

    label: str
    short: str = ""
    bookings: int = 0
    cancellations: int = 0
    late_cancellations: int = 0
    no_shows: int = 0
    attended: int = 0

    @property
    def no_show_rate(self):
        """No-shows out of marked outcomes, as a fraction; None when nothing is marked yet."""
        marked = self.no_shows + self.attended
        return self.no_shows / marked if marked else None

    @property
    def no_show_rate_text(self):
        rate = self.no_show_rate
        return "—" if rate is None else f"{rate:.1%}"

    def values(self):
        return [getattr(self, field) for field, _heading in COLUMNS]


def zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def appointments_in(first_day, last_day, practitioner=None):
    """Appointments whose visit starts between the two days (both included), in the clinic's zone."""
    start = datetime.datetime.combine(first_day, datetime.time.min, zone())
    end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time.min, zone())
    appointments = Appointment.objects.filter(start__gte=start, start__lt=end)
    return appointments.filter(practitioner=practitioner) if practitioner else appointments


def months_between(first_day, last_day):
    month = first_day.replace(day=1)
    while month <= last_day:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def per_month(appointments, first_day, last_day):
    """A row for every month of the period, empty months included, oldest first."""
    counted = {
        row.pop("month").date(): row
        for row in appointments.annotate(month=TruncMonth("start", tzinfo=zone()))
        .values("month")
        .annotate(**AGGREGATES)
        .order_by("month")
    }
    return [
        Row(f"{month:%B %Y}", f"{month:%b %y}", **counted.get(month, {}))
        for month in months_between(first_day, last_day)
    ]


def per_practitioner(appointments):
    """A row for each practitioner with appointments in the period, by name."""
    rows = (
        appointments.values("practitioner_id", "practitioner__name")
        .annotate(**AGGREGATES)
        .order_by("practitioner__name", "practitioner_id")
    )
    return [
        Row(row.pop("practitioner__name"), **{k: v for k, v in row.items() if k != "practitioner_id"})
        for row in rows
    ]


def total(rows):
    summed = Row("Total")
    for row in rows:
        for field, _heading in COLUMNS:
            setattr(summed, field, getattr(summed, field) + getattr(row, field))
    return summed


@dataclasses.dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    text: str


def chart(rows, height=180, bar_width=10, gap=24, left=36, top=12, bottom=24):
    """Bars of each series per row, with y-axis ticks: all numbers an SVG template needs."""
    highest = max([getattr(row, field) for row in rows for field, *_ in SERIES] + [1])
    group = bar_width * len(SERIES) + gap
    scale = height / highest
    bars, labels = [], []
    for number, row in enumerate(rows):
        x0 = left + gap / 2 + number * group
        labels.append({"x": x0 + bar_width * len(SERIES) / 2, "text": row.short or row.label})
        for index, (field, legend, colour) in enumerate(SERIES):
            value = getattr(row, field)
            bars.append(
                Bar(
                    x=x0 + index * bar_width,
                    y=top + height - value * scale,
                    width=bar_width - 1,
                    height=value * scale,
                    colour=colour,
                    text=f"{row.label}: {value} {legend.lower()}",
                )
            )
    ticks = sorted({0, highest // 2, highest})
    return {
        "width": left + len(rows) * group + gap / 2,
        "height": top + height + bottom,
        "baseline": top + height,
        "left": left,
        "bars": bars,
        "labels": labels,
        "label_y": top + height + 16,
        "ticks": [{"value": t, "y": top + height - t * scale} for t in ticks],
    }
