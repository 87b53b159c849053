"""Free times from the database: loads what the free-time engine needs and asks it.

Whatever the horizon and however many practitioners, one question costs the same five queries:
weekly hours, time off and extra hours, closures, the appointments holding time in the period, and
(in ``bookable``) the practitioners with their schedules. The engine (``booking.availability``) does
the rest in memory.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from articles.models import Practitioner
from booking import availability
from booking.models import Appointment, ClinicClosure, ScheduleException, WorkingHours


def booking_rules(clinic, now=None):
    """The clinic's online booking rules (Settings › Clinic details) at ``now``."""
    return availability.Rules(
        now=now or timezone.now(),
        notice=datetime.timedelta(hours=clinic.booking_notice_hours),
        horizon=datetime.timedelta(days=clinic.booking_horizon_days),
        step=datetime.timedelta(minutes=clinic.booking_slot_minutes or 15),
        zone=zoneinfo.ZoneInfo(settings.TIME_ZONE),
    )


def visit_of(appointment_type):
    return availability.Visit(
        appointment_type.duration, appointment_type.buffer_before, appointment_type.buffer_after
    )


def bookable(appointment_type, practitioner_id=None):
    """Practitioners patients can book online for this visit, in the clinic's order (one query)."""
    practitioners = Practitioner.objects.filter(
        appointment_types=appointment_type, booking_schedule__accepts_online_bookings=True
    )
    if practitioner_id is not None:
        practitioners = practitioners.filter(pk=practitioner_id)
    return list(practitioners.order_by("sort_order", "name"))


def schedule_inputs(practitioner_ids, first_day, last_day, zone, ignore_appointment=None):
    """The engine's inputs for these practitioners between two local dates (four queries)."""
    weekly = [
        availability.WeeklyHours(
            row["schedule__practitioner_id"], row["weekday"], row["starts_at"], row["ends_at"]
        )
        for row in WorkingHours.objects.filter(schedule__practitioner_id__in=practitioner_ids).values(
            "schedule__practitioner_id", "weekday", "starts_at", "ends_at"
        )
    ]
    extra, time_off = [], []
    exceptions = ScheduleException.objects.filter(
        practitioner_id__in=practitioner_ids, starts_on__lte=last_day
    )
    exceptions = exceptions.filter(
        Q(ends_on__gte=first_day) | Q(ends_on__isnull=True, starts_on__gte=first_day)
    )
    for item in exceptions:
        if item.kind == ScheduleException.Kind.EXTRA_HOURS:
            extra.append(
                availability.ExtraHours(item.practitioner_id, item.starts_on, item.starts_at, item.ends_at)
            )
        else:
            time_off.append(
                availability.TimeOff(
                    item.practitioner_id, item.starts_on, item.starts_at, item.last_day, item.ends_at
                )
            )
    closures = ClinicClosure.objects.filter(starts_on__lte=last_day).filter(
        Q(ends_on__gte=first_day) | Q(ends_on__isnull=True, starts_on__gte=first_day)
    )
    period_start = datetime.datetime.combine(first_day, datetime.time(0), tzinfo=zone)
    period_end = datetime.datetime.combine(
        last_day + datetime.timedelta(days=2), datetime.time(0), tzinfo=zone
    )
    appointments = Appointment.objects.holding_time().filter(
        practitioner_id__in=practitioner_ids, blocked_from__lt=period_end, blocked_until__gt=period_start
    )
    if ignore_appointment is not None:
        appointments = appointments.exclude(pk=ignore_appointment)
    held = [
        availability.Held(*row)
        for row in appointments.values_list("practitioner_id", "blocked_from", "blocked_until")
    ]
    return {
        "weekly": weekly,
        "extra": extra,
        "time_off": time_off,
        "closures": [availability.Closure(c.starts_on, c.last_day) for c in closures],
        "held": held,
    }


def free_slots(appointment_type, practitioners, rules, only_day=None, ignore_appointment=None):
    """Every free start time for this visit with these practitioners within the rules' horizon (or on
    ``only_day``, a local date, when given). ``ignore_appointment`` (an id) leaves out the time of the
    appointment being moved, so it can move to a time that overlaps its old one."""
    ids = [practitioner.pk for practitioner in practitioners]
    if not ids:
        return []
    first_day = rules.earliest.astimezone(rules.zone).date() - datetime.timedelta(days=1)
    last_day = rules.latest.astimezone(rules.zone).date()
    if only_day is not None:
        first_day, last_day = only_day - datetime.timedelta(days=1), only_day
    inputs = schedule_inputs(ids, first_day, last_day, rules.zone, ignore_appointment)
    return availability.free_slots(ids, visit_of(appointment_type), rules, **inputs, only_day=only_day)


def free_at(appointment_type, practitioners, start, rules, ignore_appointment=None):
    """The practitioners (ids) for whom ``start`` is one of the free times, computed for its day only."""
    day = start.astimezone(rules.zone).date()
    return {
        slot.practitioner
        for slot in free_slots(appointment_type, practitioners, rules, day, ignore_appointment)
        if slot.start == start
    }
