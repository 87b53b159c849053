"""The calendar file of an appointment (RFC 5545), written with the ``icalendar`` package.

One event: the visit, the practitioner, when (UTC) and where, the reference and how to change it. It
holds nothing the patient told us: no name, condition or symptoms. The UID comes from the appointment's
random ``uid``, so every file for one appointment updates the same calendar entry, and SEQUENCE is the
appointment's ``sequence``, raised on every move or cancellation, so calendar apps take the newest.
A cancelled appointment's file says METHOD:CANCEL and STATUS:CANCELLED.
"""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

PRODID = "-//Clinic site//Appointments//EN"
FILENAME = "appointment.ics"
REMINDER_BEFORE = datetime.timedelta(days=1)


def uid_for(appointment):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "clinic.invalid"
    return f"appointment-{appointment.uid}@{host}"


def how_to_change(clinic):
    if clinic.phone:
        return f"To move or cancel it, call {clinic.phone}."
    return "To move or cancel it, reply to your confirmation email."


def appointment_calendar(appointment, clinic, now=None):
    """The .ics file (bytes) for an appointment."""
    cancelled = appointment.status == appointment.Status.CANCELLED
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")

    event = icalendar.Event()
    event.add("uid", uid_for(appointment))
    event.add("dtstamp", (now or timezone.now()).astimezone(datetime.UTC))
    event.add("sequence", appointment.sequence)
    event.add("dtstart", appointment.start.astimezone(datetime.UTC))
    event.add("dtend", appointment.end.astimezone(datetime.UTC))
    event.add("summary", f"{appointment.appointment_type.name} at {clinic.name}")
    address = ", ".join(clinic.address_lines)
    if address:
        event.add("location", address)
    lines = [f"With {appointment.practitioner.display_name}.", f"Your reference: {appointment.reference}."]
    if clinic.cancellation_policy:
        lines.append(clinic.cancellation_policy)
    lines.append(how_to_change(clinic))
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    if not cancelled:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Tomorrow: {appointment.appointment_type.name} at {clinic.name}")
        alarm.add("trigger", -REMINDER_BEFORE)
        event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()
