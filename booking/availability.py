"""The free-time engine: which times a patient can book, worked out from plain values.

``free_slots()`` takes the practitioners' weekly hours, their extra hours and time off, the clinic's
closures, the time that appointments already hold (buffers included), and the booking rules (now, the
minimum notice, the horizon, the time step and the clinic's time zone), and returns every free start
time for a visit of a given length and buffers. It reads no database and no clock: the views load its
inputs in a fixed number of queries (``booking.free_times``), and the tests give it random schedules.

Working hours are wall-clock times of the clinic's zone, as staff think of them. Each is turned into an
instant with ``zoneinfo`` for its own date, and every sum is done in UTC, so a day when the clocks
change has its real length: on the spring-forward day 1:00–4:00 is two hours, in the autumn three.
Start times fall on the clinic's local grid (9:00, 9:15, … with a 15-minute step).

A visit may start at ``t`` when, all together:
- ``now + notice <= t <= now + horizon``;
- the visit (``t`` to ``t + duration``) lies within one stretch of the practitioner's hours (weekly or
  extra) on its local date, and that date is not a closure;
- the time the visit blocks (``t - buffer_before`` to ``t + duration + buffer_after``) overlaps no
  appointment's blocked time and no time off of the practitioner. Ranges are half-open: a visit may
  start the moment another one's blocked time ends.
"""

import bisect
import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from zoneinfo import ZoneInfo

UTC = datetime.UTC
MIDNIGHT = datetime.time(0, 0)
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class WeeklyHours:
    """A practitioner works ``start``–``end`` (local) every ``weekday`` (0 = Monday)."""

    practitioner: int
    weekday: int
    start: datetime.time
    end: datetime.time


@dataclass(frozen=True)
class ExtraHours:
    """A practitioner works ``start``–``end`` (local) on ``day``, besides the usual week."""

    practitioner: int
    day: datetime.date
    start: datetime.time
    end: datetime.time


@dataclass(frozen=True)
class TimeOff:
    """A practitioner is away from ``first_day`` at ``start`` (None: midnight) until ``last_day`` at
    ``end`` (None: the end of that day)."""

    practitioner: int
    first_day: datetime.date
    start: datetime.time | None
    last_day: datetime.date
    end: datetime.time | None


@dataclass(frozen=True)
class Closure:
    """The whole clinic is closed from ``first_day`` to ``last_day``, both included."""

    first_day: datetime.date
    last_day: datetime.date


@dataclass(frozen=True)
class Held:
    """Time an appointment holds in a practitioner's day, buffers included (aware datetimes)."""

    practitioner: int
    start: datetime.datetime
    end: datetime.datetime


@dataclass(frozen=True)
class Visit:
    """The length of the visit being booked and the time it keeps free around it."""

    duration: datetime.timedelta
    buffer_before: datetime.timedelta = datetime.timedelta(0)
    buffer_after: datetime.timedelta = datetime.timedelta(0)


@dataclass(frozen=True)
class Rules:
    """The clinic's booking rules at the moment ``now`` (aware)."""

    now: datetime.datetime
    notice: datetime.timedelta
    horizon: datetime.timedelta
    step: datetime.timedelta
    zone: ZoneInfo

    @property
    def earliest(self):
        return (self.now + self.notice).astimezone(UTC)

    @property
    def latest(self):
        return (self.now + self.horizon).astimezone(UTC)


class Slot(NamedTuple):
    """A free start time with one practitioner (``start`` and ``end`` aware, in UTC). A named tuple:
    a horizon holds thousands, and a frozen dataclass takes several times longer to make."""

    start: datetime.datetime
    practitioner: int
    end: datetime.datetime


def instant(day, time, zone):
    """The UTC instant of a wall-clock time on a date in ``zone``.

    A time the clocks skip (2:30 on the spring-forward day) is read with the offset before the change,
    so it lands just after the gap; a time that happens twice is its first occurrence.
    """
    return datetime.datetime.combine(day, time, tzinfo=zone).astimezone(UTC)


def day_end(day, zone):
    return instant(day + ONE_DAY, MIDNIGHT, zone)


def merged(intervals):
    """Sorted, non-overlapping (start, end) pairs covering the same time as ``intervals``."""
    result = []
    for start, end in sorted(intervals):
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
    return result


def first_on_grid(moment, rules):
    """The first start time at or after ``moment`` that falls on the clinic's local time grid."""
    local = moment.astimezone(rules.zone)
    since_midnight = datetime.timedelta(hours=local.hour, minutes=local.minute, seconds=local.second)
    since_midnight += datetime.timedelta(microseconds=local.microsecond)
    return moment + (-since_midnight) % rules.step


def starts_between(first, last, rules):
    """Every start time on the grid from ``first`` to ``last``, both included."""
    moment = first_on_grid(first, rules)
    while moment <= last:
        yield moment
        moment += rules.step


def blocked_starts(held, time_off, visit, zone):
    """Per practitioner, merged open ranges of start times whose blocked time would overlap something."""
    ranges = defaultdict(list)
    widen_before = visit.duration + visit.buffer_after
    for item in held:
        ranges[item.practitioner].append(
            (item.start.astimezone(UTC) - widen_before, item.end.astimezone(UTC) + visit.buffer_before)
        )
    for item in time_off:
        start = instant(item.first_day, item.start or MIDNIGHT, zone)
        end = instant(item.last_day, item.end, zone) if item.end else day_end(item.last_day, zone)
        ranges[item.practitioner].append((start - widen_before, end + visit.buffer_before))
    return {practitioner: merged(items) for practitioner, items in ranges.items()}


def without(allowed, blocked):
    """The closed range ``allowed`` less the open ranges in ``blocked`` (sorted and merged)."""
    first, last = allowed
    pieces = []
    index = bisect.bisect_right(blocked, (first,)) - 1
    for start, end in blocked[max(index, 0) :]:
        if start >= last:
            break
        if end <= first:
            continue
        if start >= first:
            pieces.append((first, start))
        first = max(first, end)
    pieces.append((first, last))
    return [(a, b) for a, b in pieces if a <= b]


def working_days(rules, only_day=None):
    """The clinic's local dates from the earliest bookable moment to the latest (or just ``only_day``)."""
    day = rules.earliest.astimezone(rules.zone).date()
    last = rules.latest.astimezone(rules.zone).date()
    if only_day is not None:
        day, last = max(day, only_day), min(last, only_day)
    while day <= last:
        yield day
        day += ONE_DAY


def free_slots(
    practitioners: Sequence[int],
    visit: Visit,
    rules: Rules,
    weekly: Iterable[WeeklyHours] = (),
    extra: Iterable[ExtraHours] = (),
    time_off: Iterable[TimeOff] = (),
    closures: Iterable[Closure] = (),
    held: Iterable[Held] = (),
    only_day: datetime.date | None = None,
) -> list[Slot]:
    """Every free start time of ``visit`` with each of ``practitioners``, soonest first (practitioners
    in the order given when they are free at the same time); on ``only_day`` (local) when given."""
    zone = rules.zone
    hours = defaultdict(list)
    for item in weekly:
        hours[item.practitioner, item.weekday].append((item.start, item.end))
    extra_hours = defaultdict(list)
    for item in extra:
        extra_hours[item.practitioner, item.day].append((item.start, item.end))
    closed = set()
    for closure in closures:
        day = closure.first_day
        while day <= closure.last_day:
            closed.add(day)
            day += ONE_DAY
    blocked = blocked_starts(held, time_off, visit, zone)
    earliest, latest = rules.earliest, rules.latest

    slots = []
    for order, practitioner in enumerate(practitioners):
        practitioner_blocked = blocked.get(practitioner, [])
        for day in working_days(rules, only_day):
            if day in closed:
                continue
            stretches = hours.get((practitioner, day.weekday()), []) + extra_hours.get(
                (practitioner, day), []
            )
            if not stretches:
                continue
            working = merged(
                (instant(day, start, zone), instant(day, end, zone))
                for start, end in stretches
                if end > start
            )
            for work_start, work_end in working:
                allowed = (max(work_start, earliest), min(work_end - visit.duration, latest))
                if allowed[0] > allowed[1]:
                    continue
                for first, last in without(allowed, practitioner_blocked):
                    slots.extend((start, order, practitioner) for start in starts_between(first, last, rules))
    slots.sort()
    return [Slot(start, practitioner, start + visit.duration) for start, _order, practitioner in slots]


def first_per_start(slots):
    """One slot per start time (the first practitioner free then), for "first available"; ``slots``
    sorted as ``free_slots`` returns them."""
    return [slot for index, slot in enumerate(slots) if index == 0 or slot.start != slots[index - 1].start]
