"""The "your consultation is scheduled" mail, with a calendar file, sent from the task queue.

The front desk presses "Send confirmation to patient" on a scheduled request; the admin view records
that in the audit log and queues ``send_confirmation`` once its transaction has committed. The mail
names the clinic, the date and time (in the clinic's time zone), the address, the phone number and
how to reschedule, and attaches ``consultation.ics``. It repeats nothing the patient told us: no
condition, no symptoms, no notes, not even their name.

Retries follow the other booking mails (``booking.tasks``): a passing mail server failure queues a
fresh attempt after a growing delay. ``confirmation_sent_at`` makes a retry or a double click harmless:
a task does nothing when a confirmation has gone out since the front desk asked for it.
"""

import datetime
import logging
import smtplib
import zoneinfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import dateformat, timezone
from django_tasks import task

from booking import audit
from booking.calendar import clinic_address, consultation_calendar
from booking.models import ConsultationRequest
from booking.notifications import clinic_settings
from booking.tasks import MailAbandoned, MailDeferred, retry_delay

logger = logging.getLogger(__name__)

ICS_FILENAME = "consultation.ics"
ICS_MIMETYPE = "text/calendar; method=PUBLISH"  # Django adds the charset


def can_send_confirmation(consultation_request):
    """Whether a confirmation makes sense: scheduled, with a time, and an address to send it to."""
    return (
        consultation_request.status == ConsultationRequest.Status.SCHEDULED
        and consultation_request.scheduled_for is not None
        and bool(consultation_request.email)
        and consultation_request.anonymised_at is None
    )


def local_time_text(value):
    """E.g. "Tuesday, March 3, 2026 at 10:30 AM (EST)", in settings.TIME_ZONE."""
    local = timezone.localtime(value, zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return (
        f"{dateformat.format(local, 'l, F j, Y')} at {dateformat.format(local, 'g:i A')} ({local.tzname()})"
    )


def confirmation_message(consultation_request, clinic=None, now=None):
    """The confirmation mail, with the .ics attached."""
    clinic = clinic or clinic_settings()
    reference = consultation_request.reference
    address = clinic_address(clinic)
    lines = [
        "Hello,",
        "",
        f"Your consultation at {clinic.name} is booked for:",
        "",
        f"    {local_time_text(consultation_request.scheduled_for)}",
        "",
    ]
    if address:
        lines.append(f"Where: {address}")
    if clinic.phone:
        lines.append(f"Phone: {clinic.phone}")
    lines += [
        f"Your reference: {reference}",
        "",
        f"The attached calendar file ({ICS_FILENAME}) adds the appointment to your calendar.",
        "",
        "Need another time? "
        + (f"Call us on {clinic.phone} or reply to this email" if clinic.phone else "Reply to this email")
        + f", quoting {reference}, and we will find a time that suits you.",
        "",
        clinic.name,
    ]
    message = EmailMessage(
        subject=f"Your consultation at {clinic.name} is booked ({reference})",
        body="\n".join(lines) + "\n",
        to=[consultation_request.email],
        reply_to=[clinic.email] if clinic.email else None,
    )
    message.attach(ICS_FILENAME, consultation_calendar(consultation_request, clinic, now=now), ICS_MIMETYPE)
    return message


def enqueue_confirmation(consultation_request, requested_at=None):
    """Queue the confirmation; call after the surrounding transaction has committed."""
    requested_at = requested_at or timezone.now()
    return send_confirmation.enqueue(consultation_request.pk, requested_at.isoformat())


@task()
def send_confirmation(request_id, requested_at, attempt=1):
    """Mail the patient their scheduled time with a calendar file (no health details)."""
    consultation_request = ConsultationRequest.objects.filter(pk=request_id).first()
    if consultation_request is None:
        return "request deleted"
    reference = consultation_request.reference
    asked = datetime.datetime.fromisoformat(requested_at)
    sent_at = consultation_request.confirmation_sent_at
    if sent_at is not None and sent_at >= asked:
        return "already sent"
    if not can_send_confirmation(consultation_request):
        logger.info("Confirmation for %s not sent: no longer scheduled or no email address", reference)
        return "not scheduled"

    failure = None
    try:
        confirmation_message(consultation_request).send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        failure = type(error).__name__
    if failure is None:
        ConsultationRequest.objects.filter(pk=request_id).update(confirmation_sent_at=timezone.now())
        audit.record(None, audit.Action.CONFIRMATION, request_id, detail="confirmation email sent")
        logger.info("Sent the scheduling confirmation for %s (attempt %d)", reference, attempt)
        return "sent"

    # Raised outside the except block so the server's message (which may quote the address) is not
    # chained onto what the task log records.
    max_attempts = settings.BOOKING_MAIL_RETRY["max_attempts"]
    if attempt >= max_attempts:
        logger.error("Gave up sending the confirmation for %s after %d attempts", reference, attempt)
        raise MailAbandoned(f"confirmation for {reference}: gave up after {attempt} attempts ({failure})")
    run_after = timezone.now() + datetime.timedelta(seconds=retry_delay(attempt))
    send_confirmation.using(run_after=run_after).enqueue(request_id, requested_at, attempt=attempt + 1)
    logger.warning(
        "Could not send the confirmation for %s (attempt %d, %s); retry queued", reference, attempt, failure
    )
    raise MailDeferred(f"confirmation for {reference}: attempt {attempt} failed ({failure}); retry queued")
