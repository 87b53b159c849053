"""The three mails a consultation request causes, written from ``templates/booking/email/`` to carry no
health details.

- The staff notice says a request arrived, its reference, whether it is urgent, and where to open it
  in the admin. Everything else stays behind the admin login.
- The patient's acknowledgement confirms we have it, gives the reference and what happens next. It
  repeats nothing they told us: no condition, no symptoms, no red-flag answer, not even their name.
- The scheduling confirmation, sent when the front desk presses "Send confirmation to patient", names
  the clinic, the date and time (in the clinic's time zone), the address, the phone number and how to
  reschedule, and attaches ``consultation.ics``. It repeats nothing the patient told us either.

An online booking causes two more: the staff notice (reference, time, admin link) and the patient's
confirmation (visit, practitioner, time, address, reference, ``appointment.ics``), again without
anything the patient told us about their health.

All are sent from the task queue (``booking.tasks``, ``booking.confirmations``), never while
someone waits.
"""

import zoneinfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import dateformat, timezone
from wagtail.models import Site

from booking import ics
from booking.models import admin_url, appointment_admin_url
from clinic_site.models import ClinicSettings

ICS_MIMETYPE = "text/calendar; method=PUBLISH"  # Django adds the charset


def admin_url_for(consultation_request):
    """The front desk's page for this request in the Wagtail admin (login required)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_url("inspect", consultation_request.pk)


def clinic_settings():
    """Clinic details of the default site; unsaved defaults when there is no site yet."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return ClinicSettings.for_site(site) if site else ClinicSettings()


def staff_recipients(clinic):
    address = clinic.booking_notification_email or settings.BOOKING_NOTIFICATION_EMAIL or clinic.email
    return [address] if address else []


def staff_notification(consultation_request, clinic=None):
    """The "new request" notice, or None when no address is configured to send it to."""
    clinic = clinic or clinic_settings()
    recipients = staff_recipients(clinic)
    if not recipients:
        return None
    subject = f"New consultation request {consultation_request.reference}"
    if consultation_request.is_urgent:
        subject += " — URGENT"
    body = render_to_string(
        "booking/email/staff_notification.txt",
        {
            "reference": consultation_request.reference,
            "is_urgent": consultation_request.is_urgent,
            "admin_url": admin_url_for(consultation_request),
            "clinic": clinic,
        },
    )
    return EmailMessage(subject=subject, body=body, to=recipients)


def patient_acknowledgement(consultation_request, clinic=None):
    """The "we received your request" mail, or None when the patient gave no email address."""
    if not consultation_request.email:
        return None
    clinic = clinic or clinic_settings()
    body = render_to_string(
        "booking/email/patient_acknowledgement.txt",
        {"reference": consultation_request.reference, "clinic": clinic},
    )
    reply_to = [clinic.email] if clinic.email else None
    return EmailMessage(
        subject=f"We received your request ({consultation_request.reference})",
        body=body,
        to=[consultation_request.email],
        reply_to=reply_to,
    )


def local_time_text(value):
    """E.g. "Tuesday, March 3, 2026 at 10:30 AM (EST)", in settings.TIME_ZONE."""
    local = timezone.localtime(value, zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return (
        f"{dateformat.format(local, 'l, F j, Y')} at {dateformat.format(local, 'g:i A')} ({local.tzname()})"
    )


def scheduling_confirmation(consultation_request, clinic=None, now=None):
    """The "your consultation is booked" mail, with the .ics attached."""
    clinic = clinic or clinic_settings()
    reference = consultation_request.reference
    body = render_to_string(
        "booking/email/confirmation.txt",
        {
            "reference": reference,
            "when": local_time_text(consultation_request.scheduled_for),
            "address": clinic.address_text,
            "ics_filename": ics.CONSULTATION_FILENAME,
            "clinic": clinic,
        },
    )
    message = EmailMessage(
        subject=f"Your consultation at {clinic.name} is booked ({reference})",
        body=body,
        to=[consultation_request.email],
        reply_to=[clinic.email] if clinic.email else None,
    )
    calendar = ics.consultation_calendar(consultation_request, clinic, now=now)
    message.attach(ics.CONSULTATION_FILENAME, calendar, ICS_MIMETYPE)
    return message


def appointment_admin_link(appointment):
    """The front desk's page for this appointment in the Wagtail admin (login required)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + appointment_admin_url("inspect", appointment.pk)


def booking_notice(appointment, clinic=None):
    """ "A patient booked online": the reference, the time and the admin link, nothing else."""
    clinic = clinic or clinic_settings()
    recipients = staff_recipients(clinic)
    if not recipients:
        return None
    body = render_to_string(
        "booking/email/appointment_notice.txt",
        {
            "reference": appointment.reference,
            "when": local_time_text(appointment.start),
            "admin_url": appointment_admin_link(appointment),
        },
    )
    return EmailMessage(subject=f"New online booking {appointment.reference}", body=body, to=recipients)


def change_notice(appointment, clinic=None):
    """ "A patient moved (or cancelled) their appointment": the reference, the time and the admin link."""
    clinic = clinic or clinic_settings()
    recipients = staff_recipients(clinic)
    if not recipients:
        return None
    cancelled = appointment.status == appointment.Status.CANCELLED
    body = render_to_string(
        "booking/email/appointment_change_notice.txt",
        {
            "reference": appointment.reference,
            "cancelled": cancelled,
            "when": local_time_text(appointment.start),
            "admin_url": appointment_admin_link(appointment),
        },
    )
    what = "cancelled" if cancelled else "moved"
    return EmailMessage(
        subject=f"Appointment {appointment.reference} {what} online", body=body, to=recipients
    )


def to_patient(
    appointment, clinic, subject, template, manage_url="", calendar_method=None, now=None, booking_url=""
):
    """A mail to the patient about their appointment: when, where, with whom, the reference, and (when
    given) their manage link, a link to book again, and the calendar file with ``calendar_method``
    (PUBLISH or CANCEL)."""
    body = render_to_string(
        template,
        {
            "appointment": appointment,
            "when": local_time_text(appointment.start),
            "address": clinic.address_text,
            "ics_filename": ics.FILENAME,
            "clinic": clinic,
            "manage_url": manage_url,
            "booking_url": booking_url,
        },
    )
    message = EmailMessage(
        subject=f"{subject} ({appointment.reference})",
        body=body,
        to=[appointment.email],
        reply_to=[clinic.email] if clinic.email else None,
    )
    if calendar_method:
        calendar = ics.appointment_calendar(appointment, clinic, now=now)
        message.attach(ics.FILENAME, calendar, f"text/calendar; method={calendar_method}")
    return message


def appointment_cancellation(appointment, clinic=None, now=None):
    """ "Your appointment is cancelled", with a METHOD:CANCEL .ics that removes it from the calendar."""
    if not appointment.email:
        return None
    clinic = clinic or clinic_settings()
    subject = f"Your appointment at {clinic.name} is cancelled"
    return to_patient(
        appointment,
        clinic,
        subject,
        "booking/email/appointment_cancelled.txt",
        calendar_method="CANCEL",
        now=now,
    )


def appointment_confirmation(appointment, clinic=None, now=None, manage_url=""):
    """ "Your appointment is booked": when, where, with whom, the reference, the .ics file, and the
    patient's manage link (online bookings)."""
    if not appointment.email:
        return None
    clinic = clinic or clinic_settings()
    template = "booking/email/appointment_confirmation.txt"
    subject = f"Your appointment at {clinic.name}"
    return to_patient(appointment, clinic, subject, template, manage_url, calendar_method="PUBLISH", now=now)


def appointment_reminder(appointment, clinic=None, manage_url=""):
    """ "A reminder of your appointment": date, time, place, practitioner, the manage link; nothing the
    patient told us."""
    clinic = clinic or clinic_settings()
    subject = f"Reminder: your appointment at {clinic.name}"
    return to_patient(appointment, clinic, subject, "booking/email/appointment_reminder.txt", manage_url)
