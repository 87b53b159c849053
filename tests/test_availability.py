"""The free-time engine (booking.availability): worked examples, then random schedules from Hypothesis
checked against a slow, obvious reading of the rules, over the 2026 daylight-saving changes in New York.
"""

import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booking.availability import (
    Closure,
    ExtraHours,
    Held,
    Rules,
    TimeOff,
    Visit,
    WeeklyHours,
    first_per_start,
    free_slots,
)

NEW_YORK = ZoneInfo("America/New_York")
UTC = datetime.UTC
MINUTES = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)


def local(*args):
    return datetime.datetime(*args, tzinfo=NEW_YORK)


def rules(now, notice_hours=0, horizon_days=7, step=15):
    return Rules(
        now=now,
        notice=datetime.timedelta(hours=notice_hours),
        horizon=datetime.timedelta(days=horizon_days),
        step=datetime.timedelta(minutes=step),
        zone=NEW_YORK,
    )


def local_starts(slots):
    return [slot.start.astimezone(NEW_YORK).strftime("%a %H:%M") for slot in slots]


T = datetime.time
MONDAY = local(2026, 6, 1, 0, 0)  # a Monday without a clock change


def test_lunch_break_and_closing_time_leave_no_start_that_would_run_over():
    weekly = [WeeklyHours(1, 0, T(9), T(11)), WeeklyHours(1, 0, T(12), T(13, 30))]
    slots = free_slots([1], Visit(HOUR), rules(MONDAY, horizon_days=1, step=30), weekly)
    assert local_starts(slots) == ["Mon 09:00", "Mon 09:30", "Mon 10:00", "Mon 12:00", "Mon 12:30"]


def test_buffers_keep_time_free_around_held_visits():
    weekly = [WeeklyHours(1, 0, T(9), T(13))]
    held = [Held(1, local(2026, 6, 1, 10), local(2026, 6, 1, 11))]
    visit = Visit(HOUR, buffer_before=15 * MINUTES, buffer_after=15 * MINUTES)
    slots = free_slots([1], visit, rules(MONDAY, horizon_days=1, step=15), weekly, held=held)
    # 9:00 would end (with its buffer) at 10:15, inside the held visit; 11:15 starts its buffer at 11:00.
    assert local_starts(slots) == ["Mon 11:15", "Mon 11:30", "Mon 11:45", "Mon 12:00"]


def test_notice_and_horizon():
    weekly = [WeeklyHours(1, day, T(9), T(17)) for day in range(7)]
    now = local(2026, 6, 1, 21, 7)
    slots = free_slots([1], Visit(HOUR), rules(now, notice_hours=12, horizon_days=2, step=60), weekly)
    assert slots[0].start == local(2026, 6, 2, 10).astimezone(UTC)  # 12 hours after Monday 21:07
    assert slots[-1].start == local(2026, 6, 3, 16).astimezone(UTC)  # Wednesday 21:07 ends the horizon
    assert all(now + 12 * HOUR <= slot.start <= now + 48 * HOUR for slot in slots)


def test_closures_time_off_and_extra_hours():
    weekly = [WeeklyHours(1, day, T(9), T(10)) for day in range(5)]
    closures = [Closure(datetime.date(2026, 6, 2), datetime.date(2026, 6, 3))]
    time_off = [TimeOff(1, datetime.date(2026, 6, 4), T(9, 30), datetime.date(2026, 6, 4), None)]
    extra = [ExtraHours(1, datetime.date(2026, 6, 6), T(10), T(11))]
    slots = free_slots(
        [1], Visit(30 * MINUTES), rules(MONDAY, horizon_days=7, step=30), weekly, extra, time_off, closures
    )
    assert local_starts(slots) == ["Mon 09:00", "Mon 09:30", "Thu 09:00", "Fri 09:00", "Fri 09:30",
                                   "Sat 10:00", "Sat 10:30"]  # fmt: skip


def test_first_available_lists_each_time_once_with_the_first_practitioner_free():
    weekly = [WeeklyHours(2, 0, T(9), T(11)), WeeklyHours(1, 0, T(10), T(12))]
    slots = free_slots([1, 2], Visit(HOUR), rules(MONDAY, horizon_days=1, step=60), weekly)
    assert [(slot.start.astimezone(NEW_YORK).hour, slot.practitioner) for slot in slots] == [
        (9, 2),
        (10, 1),
        (10, 2),
        (11, 1),
    ]
    assert [(s.start.astimezone(NEW_YORK).hour, s.practitioner) for s in first_per_start(slots)] == [
        (9, 2),
        (10, 1),
        (11, 1),
    ]


def test_spring_forward_day_has_its_real_length():
    """2026-03-08: clocks go from 2:00 to 3:00. 1:00–4:00 holds two hours, hence two one-hour visits."""
    weekly = [WeeklyHours(1, 6, T(1), T(4))]
    now = local(2026, 3, 7, 12)
    slots = free_slots([1], Visit(HOUR), rules(now, horizon_days=2, step=60), weekly)
    assert [slot.start.astimezone(NEW_YORK).strftime("%H:%M %Z") for slot in slots] == [
        "01:00 EST",
        "03:00 EDT",
    ]
    assert slots[1].start - slots[0].start == HOUR


def test_fall_back_day_has_its_real_length():
    """2026-11-01: 2:00 EDT becomes 1:00 EST. 1:00–4:00 holds four hours; 1:00 comes twice."""
    weekly = [WeeklyHours(1, 6, T(1), T(4))]
    now = local(2026, 10, 31, 12)
    slots = free_slots([1], Visit(HOUR), rules(now, horizon_days=2, step=60), weekly)
    assert [slot.start.astimezone(NEW_YORK).strftime("%H:%M %Z") for slot in slots] == [
        "01:00 EDT",
        "01:00 EST",
        "02:00 EST",
        "03:00 EST",
    ]


# Random schedules ------------------------------------------------------------------------------------

PRACTITIONERS = [1, 2]
#: A few days either side of each clock change.
WINDOWS = [local(2026, 3, 5, 0, 0), local(2026, 10, 29, 0, 0)]


def times_of_day():
    return st.builds(lambda q: T(q // 4, 15 * (q % 4)), st.integers(0, 95))


def ranges_of_day():
    return st.tuples(times_of_day(), times_of_day()).filter(lambda pair: pair[0] < pair[1])


@st.composite
def schedules(draw):
    window = draw(st.sampled_from(WINDOWS))
    now = window + datetime.timedelta(minutes=draw(st.integers(0, 4 * 24 * 60)))
    days = [window.date() + datetime.timedelta(days=n) for n in range(9)]
    day = st.sampled_from(days)
    weekly = [
        WeeklyHours(p, w, *r)
        for p, w, r in draw(
            st.lists(
                st.tuples(st.sampled_from(PRACTITIONERS), st.integers(0, 6), ranges_of_day()), max_size=8
            )
        )
    ]
    extra = [
        ExtraHours(p, d, *r)
        for p, d, r in draw(
            st.lists(st.tuples(st.sampled_from(PRACTITIONERS), day, ranges_of_day()), max_size=3)
        )
    ]
    time_off = []
    for p, first, length, start, end in draw(
        st.lists(
            st.tuples(
                st.sampled_from(PRACTITIONERS),
                day,
                st.integers(0, 2),
                st.none() | times_of_day(),
                st.none() | times_of_day(),
            ),
            max_size=3,
        )
    ):
        last = first + datetime.timedelta(days=length)
        if last == first and start and end and end <= start:
            continue
        time_off.append(TimeOff(p, first, start, last, end))
    closures = [
        Closure(first, first + datetime.timedelta(days=length))
        for first, length in draw(st.lists(st.tuples(day, st.integers(0, 1)), max_size=2))
    ]
    held = [
        Held(p, start, start + datetime.timedelta(minutes=length))
        for p, start, length in draw(
            st.lists(
                st.tuples(
                    st.sampled_from(PRACTITIONERS),
                    st.builds(lambda m: (window + m * MINUTES).astimezone(UTC), st.integers(0, 8 * 24 * 60)),
                    st.integers(5, 240),
                ),
                max_size=12,
            )
        )
    ]
    visit = Visit(
        draw(st.integers(1, 12)) * 10 * MINUTES,
        draw(st.sampled_from([0, 5, 10, 15])) * MINUTES,
        draw(st.sampled_from([0, 5, 10, 15])) * MINUTES,
    )
    rule = rules(
        now,
        notice_hours=draw(st.integers(0, 24)),
        horizon_days=draw(st.integers(1, 4)),
        step=draw(st.sampled_from([5, 10, 15, 20, 30, 60])),
    )
    return dict(weekly=weekly, extra=extra, time_off=time_off, closures=closures, held=held), visit, rule


def at(day, time):
    return datetime.datetime.combine(day, time, tzinfo=NEW_YORK).astimezone(UTC)


def covered(start, end, stretches):
    """Whether the stretches together cover start–end."""
    cursor = start
    for first, last in sorted(stretches):
        if first <= cursor < last:
            cursor = last
    return cursor >= end


def time_off_range(item):
    end = at(item.last_day, item.end) if item.end else at(item.last_day + datetime.timedelta(days=1), T(0))
    return at(item.first_day, item.start or T(0)), end


def is_free(practitioner, start, schedule, visit, rule):
    """The rules, read one by one for one start time."""
    end = start + visit.duration
    day = start.astimezone(NEW_YORK).date()
    if not rule.now + rule.notice <= start <= rule.now + rule.horizon:
        return False
    if any(closure.first_day <= day <= closure.last_day for closure in schedule["closures"]):
        return False
    weekly = [h for h in schedule["weekly"] if h.practitioner == practitioner and h.weekday == day.weekday()]
    extra = [h for h in schedule["extra"] if h.practitioner == practitioner and h.day == day]
    stretches = [(at(day, h.start), at(day, h.end)) for h in weekly + extra]
    if not covered(start, end, stretches):
        return False
    blocked_start, blocked_end = start - visit.buffer_before, end + visit.buffer_after
    busy = [(h.start, h.end) for h in schedule["held"] if h.practitioner == practitioner]
    busy += [time_off_range(t) for t in schedule["time_off"] if t.practitioner == practitioner]
    return not any(blocked_start < busy_end and blocked_end > busy_start for busy_start, busy_end in busy)


def every_start_on_the_grid(rule):
    """Every start time on the clinic's local grid from the day of ``now`` to past the horizon."""
    moment = at(rule.now.astimezone(NEW_YORK).date(), T(0))
    last = rule.now + rule.horizon + datetime.timedelta(days=1)
    while moment <= last:
        yield moment
        moment += rule.step


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schedules())
def test_random_schedules_give_exactly_the_free_times_the_rules_allow(case):
    schedule, visit, rule = case
    slots = free_slots(PRACTITIONERS, visit, rule, **schedule)

    # Sorted, each (start, practitioner) once, each as long as the visit.
    assert slots == sorted(slots)
    assert len({(slot.start, slot.practitioner) for slot in slots}) == len(slots)
    assert all(slot.end - slot.start == visit.duration for slot in slots)
    # None inside the notice or past the horizon, none on a closure, none overlapping held time.
    for slot in slots:
        assert rule.now + rule.notice <= slot.start <= rule.now + rule.horizon
        day = slot.start.astimezone(NEW_YORK).date()
        assert not any(c.first_day <= day <= c.last_day for c in schedule["closures"])
        blocked = (slot.start - visit.buffer_before, slot.end + visit.buffer_after)
        for held in schedule["held"]:
            if held.practitioner == slot.practitioner:
                assert not (blocked[0] < held.end and blocked[1] > held.start)
    # And exactly the starts that the rules, read one at a time, allow.
    expected = {
        (start, practitioner)
        for practitioner in PRACTITIONERS
        for start in every_start_on_the_grid(rule)
        if is_free(practitioner, start, schedule, visit, rule)
    }
    assert {(slot.start, slot.practitioner) for slot in slots} == expected
    # One day asked for alone gives that day's part of the whole answer.
    day = rule.now.astimezone(NEW_YORK).date() + datetime.timedelta(days=1)
    on_day = [slot for slot in slots if slot.start.astimezone(NEW_YORK).date() == day]
    assert free_slots(PRACTITIONERS, visit, rule, **schedule, only_day=day) == on_day
