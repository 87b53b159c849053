"""Online booking at the demo clinic: visits, working hours, a holiday closure, and (with the demo
logins) a few appointments in the coming week, so the calendar and the free times look real.

Found again by stable keys (visits by name, schedules by practitioner, the closure by name and date,
appointments by a fixed UID), and saved only when they differ, like the rest of the demo.
"""

import datetime
import uuid
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from booking.appointments import SlotTaken, save_if_free
from booking.models import Appointment, AppointmentType, ClinicClosure, PractitionerSchedule, WorkingHours
from demo.content import booking as content
from demo.streams import differs

#: Demo appointments have UIDs 00000000-0000-0000-0000-0000000010NN.
FIRST_APPOINTMENT_UID = 0x1000


def clock(text):
    return datetime.time.fromisoformat(text)


def ensure_appointment_types(demo):
    for order, spec in enumerate(content.APPOINTMENT_TYPES):
        kind = AppointmentType.objects.filter(name=spec["name"]).first()
        created = kind is None
        kind = kind or AppointmentType(name=spec["name"])
        wanted = {
            "description": spec["description"],
            "duration_minutes": spec["duration_minutes"],
            "buffer_before_minutes": spec.get("buffer_before_minutes", 0),
            "buffer_after_minutes": spec.get("buffer_after_minutes", 0),
            "new_patients_only": spec.get("new_patients_only", False),
            "price": Decimal(spec["price"]),
            "bookable_online": True,
            "sort_order": order * 10,
        }
        changed = [name for name, value in wanted.items() if differs(getattr(kind, name), value)]
        for name in changed:
            setattr(kind, name, wanted[name])
        if created or changed:
            kind.save()
        people = [demo.practitioners[key] for key in spec["practitioners"]]
        if created or set(kind.practitioners.values_list("pk", flat=True)) != {p.pk for p in people}:
            kind.practitioners.set(people)
            changed.append("practitioners")
        if created or changed:
            demo.report.changed(f"{'Created' if created else 'Updated'} the visit “{kind.name}”")
        demo.appointment_types[spec["key"]] = kind


def ensure_working_hours(demo):
    for key, rows in content.WORKING_HOURS.items():
        practitioner = demo.practitioners[key]
        schedule = PractitionerSchedule.objects.filter(practitioner=practitioner).first()
        created = schedule is None
        schedule = schedule or PractitionerSchedule(practitioner=practitioner)
        wanted = sorted((day, clock(start), clock(end)) for day, start, end in rows)
        current = [] if created else sorted(schedule.hours.values_list("weekday", "starts_at", "ends_at"))
        if current == wanted and schedule.accepts_online_bookings:
            continue
        schedule.accepts_online_bookings = True
        schedule.hours = [
            WorkingHours(weekday=day, starts_at=start, ends_at=end, sort_order=order)
            for order, (day, start, end) in enumerate(wanted)
        ]
        schedule.save()
        demo.report.changed(f"{'Set' if created else 'Updated'} the working hours of {practitioner.name}")


def next_holiday(today):
    """The first of the demo holidays at least a week away (so it shows among the free times)."""
    soon = today + datetime.timedelta(days=7)
    dates = [
        (datetime.date(year, month, day), name)
        for year in (soon.year, soon.year + 1)
        for name, month, day in content.HOLIDAYS
    ]
    return min((date, name) for date, name in dates if date >= soon)


def ensure_closure(demo):
    day, name = next_holiday(timezone.localdate())
    if ClinicClosure.objects.filter(
        starts_on__gte=timezone.localdate(), name__in=[h[0] for h in content.HOLIDAYS]
    ):
        return
    ClinicClosure.objects.create(name=name, starts_on=day)
    demo.report.changed(f"Closed the clinic on {name}, {day:%B %-d, %Y}")


def ensure_booking_setup(demo):
    """Visits, working hours and a holiday: what online booking needs."""
    ensure_appointment_types(demo)
    ensure_working_hours(demo)
    ensure_closure(demo)


def working_days(key, start):
    """The practitioner's working days from ``start`` on, skipping closures."""
    weekdays = {day for day, _start, _end in content.WORKING_HOURS[key]}
    closed = {closure.starts_on for closure in ClinicClosure.objects.all()}
    day = start
    while True:
        if day.weekday() in weekdays and day not in closed:
            yield day
        day += datetime.timedelta(days=1)


def ensure_demo_appointments(demo):
    """A few visits in the coming week; once made they are left as the front desk has them."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    uids = [uuid.UUID(int=FIRST_APPOINTMENT_UID + n) for n in range(len(content.APPOINTMENTS))]
    existing = set(Appointment.objects.filter(uid__in=uids).values_list("uid", flat=True))
    for number, (uid, (nth_day, key, kind_key, time, name)) in enumerate(
        zip(uids, content.APPOINTMENTS, strict=True)
    ):
        if uid in existing:
            continue
        days = working_days(key, tomorrow)
        day = [next(days) for _ in range(nth_day + 1)][-1]
        slug = name.lower().replace(" ", ".")
        appointment = Appointment(
            uid=uid,
            practitioner=demo.practitioners[key],
            appointment_type=demo.appointment_types[kind_key],
            name=name,
            email=f"{slug}@example.com",
            phone=f"+155501433{number:02d}",
            preferred_contact="email",
            condition_label="Neck pain",
            origin=Appointment.Origin.STAFF,
            created_by=demo.users.get("frontdesk"),
            # Marked as already mailed, so the mail worker never writes to these made-up people.
            staff_notified_at=timezone.now(),
            confirmation_sent_at=timezone.now(),
        )
        appointment.set_time(datetime.datetime.combine(day, clock(time), tzinfo=zone))
        try:
            save_if_free(appointment)
        except SlotTaken:
            continue
        demo.report.changed(f"Booked the demo appointment {appointment.reference} on {day:%a %b %-d}")
