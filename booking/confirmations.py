"""The "your consultation is scheduled" mail, with a calendar file, sent from the task queue.

The front desk presses "Send confirmation to patient" on a scheduled request; the admin view records
that in the audit log and queues ``send_confirmation`` once its transaction has committed. What the
mail says is in ``booking.notifications.scheduling_confirmation``.

Sending, retries and giving up follow the other booking mails (``booking.tasks.send_with_retry``).
``confirmation_sent_at`` makes a retry or a double click harmless: a task does nothing when a
confirmation has gone out since the front desk asked for it, while asking again after a reschedule
sends the new time.
"""

import datetime
import logging

from django.utils import timezone
from django_tasks import task

from booking import audit, notifications
from booking.models import ConsultationRequest
from booking.tasks import BookingMail, for_request, send_with_retry

logger = logging.getLogger(__name__)


def can_send_confirmation(consultation_request):
    """Whether a confirmation makes sense: scheduled, with a time, and an address to send it to."""
    return (
        consultation_request.status == ConsultationRequest.Status.SCHEDULED
        and consultation_request.scheduled_for is not None
        and bool(consultation_request.email)
        and consultation_request.anonymised_at is None
    )


def enqueue_confirmation(consultation_request, requested_at=None):
    """Queue the confirmation; call after the surrounding transaction has committed."""
    requested_at = requested_at or timezone.now()
    return for_request(send_confirmation, consultation_request.is_urgent).enqueue(
        consultation_request.pk, requested_at.isoformat()
    )


def confirmation_if_still_scheduled(consultation_request):
    if not can_send_confirmation(consultation_request):
        logger.info(
            "Confirmation for %s not sent: no longer scheduled or no email address",
            consultation_request.reference,
        )
        return None
    return notifications.scheduling_confirmation(consultation_request)


CONFIRMATION = BookingMail("confirmation", "confirmation_sent_at", confirmation_if_still_scheduled)


@task()
def send_confirmation(request_id, requested_at, attempt=1):
    """Mail the patient their scheduled time with a calendar file (no health details)."""
    asked = datetime.datetime.fromisoformat(requested_at)
    result = send_with_retry(
        CONFIRMATION, send_confirmation, request_id, requested_at, attempt=attempt, sent_since=asked
    )
    if result == "sent":
        audit.record(None, audit.Action.CONFIRMATION, request_id, detail="confirmation email sent")
    return result
