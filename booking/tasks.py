"""Sending the booking mails from the database task queue (worked by ``manage.py db_worker``).

The queue has no retries of its own, so each task retries itself: when the mail server cannot be
reached, or answers "try later", the task queues a fresh copy of itself to run after a delay that
doubles each time (``BOOKING_MAIL_RETRY``), then fails with a short message for the task log.

Delivery is at least once, made effectively once by the request's ``staff_notified_at`` and
``patient_acknowledged_at``: a task whose mail has already gone does nothing. A mail is sent twice
only if the worker dies between the mail server accepting it and the time being saved. A lost notice
is worse for a clinic than a repeated one, so the task errs that way rather than marking first.

Nothing here logs or raises anything that holds patient details: mail server errors can quote the
recipient address, so they are replaced by messages that name only the request's reference.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

from booking import notifications
from booking.models import ConsultationRequest

logger = logging.getLogger(__name__)


#: Urgent requests' mails are taken from the queue before everything else waiting.
URGENT_PRIORITY = 50


def for_request(mail_task, is_urgent, **changes):
    """``mail_task`` set up for a request: urgent requests' mails jump the queue."""
    if is_urgent:
        changes["priority"] = URGENT_PRIORITY
    return mail_task.using(**changes) if changes else mail_task


class MailDeferred(Exception):
    """The mail server could not take a booking mail now; another attempt is queued."""


class MailAbandoned(Exception):
    """A booking mail could not be delivered and will not be tried again."""


def retry_delay(attempt):
    """Seconds to wait before the attempt after ``attempt``: base, 2×base, 4×base, … up to max."""
    policy = settings.BOOKING_MAIL_RETRY
    return min(policy["base_delay"] * 2 ** (attempt - 1), policy["max_delay"])


def _is_permanent(error, kind):
    # Only a patient's own address refused outright (5xx) is final; anything else (server down,
    # "try later", a wrong staff address or password) is fixed on our side and worth retrying.
    if kind == "patient" and isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return False


DELIVERIES = {
    "staff": ("staff_notified_at", notifications.staff_notification, "staff notice"),
    "patient": ("patient_acknowledged_at", notifications.patient_acknowledgement, "acknowledgement"),
}


def deliver(kind, request_id, attempt, retry_task):
    """Send one booking mail once; on a passing failure queue ``retry_task`` for later and raise."""
    sent_field, build_message, label = DELIVERIES[kind]
    consultation_request = ConsultationRequest.objects.filter(pk=request_id).first()
    if consultation_request is None:
        return "request deleted"
    reference = consultation_request.reference
    if getattr(consultation_request, sent_field) is not None:
        return "already sent"
    message = build_message(consultation_request)
    if message is None:
        if kind == "staff":
            logger.warning("No address for booking notices; %s not sent for %s", label, reference)
        return "nothing to send"

    failure = None
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        failure = "permanent" if _is_permanent(error, kind) else type(error).__name__
    if failure is None:
        ConsultationRequest.objects.filter(pk=request_id, **{f"{sent_field}__isnull": True}).update(
            **{sent_field: timezone.now()}
        )
        logger.info("Sent the %s for %s (attempt %d)", label, reference, attempt)
        return "sent"

    # Raised outside the except block, so the mail server's error (which may quote the address) is
    # not chained onto what the task log records.
    if failure == "permanent":
        logger.error("The patient's address for %s was refused; %s not sent", reference, label)
        raise MailAbandoned(f"{label} for {reference}: address refused by the mail server")
    max_attempts = settings.BOOKING_MAIL_RETRY["max_attempts"]
    if attempt >= max_attempts:
        logger.error("Gave up sending the %s for %s after %d attempts", label, reference, attempt)
        raise MailAbandoned(f"{label} for {reference}: gave up after {attempt} attempts ({failure})")
    run_after = timezone.now() + datetime.timedelta(seconds=retry_delay(attempt))
    for_request(retry_task, consultation_request.is_urgent, run_after=run_after).enqueue(
        request_id, attempt=attempt + 1
    )
    logger.warning(
        "Could not send the %s for %s (attempt %d, %s); retrying after %s",
        label,
        reference,
        attempt,
        failure,
        run_after.isoformat(timespec="seconds"),
    )
    raise MailDeferred(f"{label} for {reference}: attempt {attempt} failed ({failure}); retry queued")


@task()
def notify_staff(request_id, attempt=1):
    """Tell the front desk a request arrived (reference, urgency and admin link only)."""
    return deliver("staff", request_id, attempt, notify_staff)


@task()
def acknowledge_patient(request_id, attempt=1):
    """Tell the patient we have their request (reference and next steps only)."""
    return deliver("patient", request_id, attempt, acknowledge_patient)


def _enqueue(request_id, is_urgent, with_acknowledgement):
    for_request(notify_staff, is_urgent).enqueue(request_id)
    if with_acknowledgement:
        for_request(acknowledge_patient, is_urgent).enqueue(request_id)


def enqueue_notifications(consultation_request):
    """Queue the booking mails for a request being saved; call it inside the saving transaction.

    With the database queue the tasks are written in that same transaction, so the request and its
    mails are committed together or not at all, and the worker cannot see them before the commit.
    Any other queue backend is handed the tasks only once the transaction has committed.
    """
    args = (consultation_request.pk, consultation_request.is_urgent, bool(consultation_request.email))
    if isinstance(notify_staff.get_backend(), DatabaseBackend):
        _enqueue(*args)
    else:
        transaction.on_commit(lambda: _enqueue(*args))
