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
    if clinic.address_text:
        event.add("location", clinic.address_text)
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


CONSULTATION_FILENAME = "consultation.ics"
#: How long a scheduled consultation takes, in minutes, by patient type.
FIRST_VISIT_MINUTES = 60
RETURNING_VISIT_MINUTES = 45


def consultation_uid(consultation_request):
    """Stable per request, so a re-sent confirmation updates the same calendar entry. Built from the
    request's random submission token, not its number, so it says nothing about how many requests the
    clinic has had."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "clinic.invalid"
    return f"consultation-{consultation_request.submission_token}@{host}"


def consultation_calendar(consultation_request, clinic, now=None):
    """The .ics file (bytes) for a consultation the front desk scheduled from a request: when and where,
    and whom to call to change it."""
    start = consultation_request.scheduled_for
    if start is None:
        raise ValueError("The consultation has no scheduled time.")
    now = now or timezone.now()
    returning = consultation_request.patient_type == consultation_request.PatientType.RETURNING
    minutes = RETURNING_VISIT_MINUTES if returning else FIRST_VISIT_MINUTES
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", consultation_uid(consultation_request))
    event.add("dtstamp", now.astimezone(datetime.UTC))
    # A later confirmation (after a reschedule) must carry a higher sequence than earlier ones so that
    # calendar apps replace the old time; minutes since the epoch only ever go up.
    event.add("sequence", int(now.timestamp()) // 60)
    event.add("dtstart", start.astimezone(datetime.UTC))
    event.add("dtend", (start + datetime.timedelta(minutes=minutes)).astimezone(datetime.UTC))
    event.add("summary", f"Consultation at {clinic.name}")
    if clinic.address_text:
        event.add("location", clinic.address_text)
    event.add("description", f"Your reference: {consultation_request.reference}.\n{how_to_change(clinic)}")
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    return calendar.to_ical()
