"""The calendar file (RFC 5545 iCalendar) sent with a scheduled consultation's confirmation.

Hand-written rather than a dependency: one event, a handful of properties. Lines end in CRLF and are
folded at 75 octets; times are UTC ("Z"). The event names the clinic, its address and how to
reschedule, and nothing the patient told us: no condition, symptoms or notes.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
PRODID = "-//Clinic site//Consultation confirmation//EN"

#: How long a first visit and a follow-up take, in minutes.
FIRST_VISIT_MINUTES = 60
RETURNING_VISIT_MINUTES = 45


def escape_text(value):
    """Escape a TEXT value (RFC 5545 section 3.3.11)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line):
    """Fold one content line into chunks of at most 75 octets, never splitting a UTF-8 character."""
    chunks = []
    current, size, limit = "", 0, MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            # Continuation lines start with a space, which counts towards their 75 octets.
            current, size, limit = "", 0, MAX_LINE_OCTETS - 1
        current += char
        size += width
    chunks.append(current)
    return (CRLF + " ").join(chunks)


def format_utc(value):
    """A DATE-TIME in UTC form, e.g. 20260303T153000Z."""
    if timezone.is_naive(value):
        raise ValueError("Calendar times must be timezone-aware.")
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def build_event_calendar(
    *, uid, start, end, summary, location="", description="", dtstamp=None, sequence=0, method="PUBLISH"
):
    """A VCALENDAR holding one VEVENT, as a string with CRLF line endings."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{format_utc(dtstamp or timezone.now())}",
        f"SEQUENCE:{int(sequence)}",
        f"DTSTART:{format_utc(start)}",
        f"DTEND:{format_utc(end)}",
        f"SUMMARY:{escape_text(summary)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + CRLF for line in lines)


def visit_minutes(consultation_request):
    returning = consultation_request.patient_type == consultation_request.PatientType.RETURNING
    return RETURNING_VISIT_MINUTES if returning else FIRST_VISIT_MINUTES


def uid_for(consultation_request):
    """Stable per request, so a re-sent confirmation updates the same calendar entry.

    Built from the request's random submission token, not its number, so it says nothing about how
    many requests the clinic has had.
    """
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "clinic.invalid"
    return f"consultation-{consultation_request.submission_token}@{host}"


def clinic_address(clinic):
    return ", ".join(clinic.address_lines)


def consultation_calendar(consultation_request, clinic, now=None):
    """The .ics text for a scheduled consultation: when and where, and whom to call to change it."""
    if consultation_request.scheduled_for is None:
        raise ValueError("The consultation has no scheduled time.")
    now = now or timezone.now()
    start = consultation_request.scheduled_for
    description = f"Your reference: {consultation_request.reference}."
    if clinic.phone:
        description += f" To reschedule or cancel, call {clinic.phone}."
    else:
        description += " To reschedule or cancel, reply to the confirmation email."
    return build_event_calendar(
        uid=uid_for(consultation_request),
        start=start,
        end=start + datetime.timedelta(minutes=visit_minutes(consultation_request)),
        summary=f"Consultation at {clinic.name}",
        location=clinic_address(clinic),
        description=description,
        dtstamp=now,
        # Later confirmations (after a reschedule) must carry a higher sequence than earlier ones so
        # calendar apps replace the old time; minutes since the epoch only ever go up.
        sequence=int(now.timestamp()) // 60,
    )
