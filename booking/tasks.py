"""Sending the booking mails from the database task queue (worked by django-tasks-db's ``db_worker``).

Every booking mail (the staff notice and the patient's acknowledgement here, the scheduling
confirmation in ``booking.confirmations``, and an appointment's notice and confirmation in
``booking.appointment_mail``) goes out through ``send_with_retry``, so all of them follow the same rules:

- The queue has no retries of its own, so a task retries itself: when the mail server cannot be
  reached, or answers "try later", the task queues a fresh copy of itself to run after a delay that
  doubles each time (``BOOKING_MAIL_RETRY``), then fails with a short message for the task log. Only
  the mail server refusing the patient's own address outright is final at once.
- Delivery is at least once, made effectively once by the request's ``staff_notified_at``,
  ``patient_acknowledged_at`` and ``confirmation_sent_at``: a task whose mail has already gone does
  nothing. A mail is sent twice only if the worker dies between the mail server accepting it and the
  time being saved (``manage.py requeue_stale_mail`` queues such a task again). A lost notice is
  worse for a clinic than a repeated one, so the task errs that way rather than marking first.
- Nothing here logs or raises anything that holds patient details: mail server errors can quote the
  recipient address, so they are replaced by messages that name only the request's reference.
"""

import dataclasses
import datetime
import logging
import smtplib
from collections.abc import Callable

from django.conf import settings
from django.core.mail import get_connection
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


def refused_for_good(error, record):
    """Whether the mail server refused the patient's own address (on a request or appointment) outright.

    Anything else (server down, "try later", a wrong staff address or password) is fixed on our side
    and worth retrying.
    """
    if not (isinstance(error, smtplib.SMTPRecipientsRefused) and record.email):
        return False
    patient = record.email.lower()
    return all(
        address.lower() == patient and code >= 500 for address, (code, _message) in error.recipients.items()
    )


@dataclasses.dataclass(frozen=True)
class BookingMail:
    """One kind of booking mail: its name in logs and errors, the field of the request (or appointment,
    with ``model=Appointment``) saying when it went, and the function that writes it for one
    (``None`` when there is nobody to send it to)."""

    label: str
    sent_field: str
    build_message: Callable
    model: type = ConsultationRequest


def send_with_retry(mail, mail_task, request_id, *args, attempt, sent_since=None):
    """Send one booking mail for request ``request_id``, once; on a passing failure queue a retry.

    Each booking mail task calls this with its ``BookingMail``, itself as ``mail_task`` and its own
    arguments (the request's or appointment's id, then ``args``), so a retry is the same task queued
    again with ``attempt + 1``. Returns what happened, for the task log:

    - "request deleted", or "already sent" when the request's ``mail.sent_field`` holds a time (one
      not before ``sent_since``, when given: a confirmation asked for again after a reschedule goes);
    - "nothing to send" when ``mail.build_message(request)`` gives ``None`` (no address to send it to);
    - "sent", after saving the time in ``mail.sent_field``.

    Otherwise it raises ``MailDeferred`` with a retry queued, or ``MailAbandoned`` after the last
    attempt or when the patient's address was refused for good. Logs and errors name the mail by its
    label and the request by its reference, and nothing else.
    """
    record = mail.model.objects.filter(pk=request_id).first()
    if record is None:
        return "request deleted"
    label, sent_field, reference = mail.label, mail.sent_field, record.reference
    sent_at = getattr(record, sent_field)
    if sent_at is not None and (sent_since is None or sent_at >= sent_since):
        return "already sent"
    message = mail.build_message(record)
    if message is None:
        return "nothing to send"

    failure = None
    try:
        # The real mail server's answer, not the queueing backend's (settings.EMAIL_BACKEND), so
        # this task sees the outcome and retries.
        message.connection = get_connection(settings.WORKER_EMAIL_BACKEND)
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        failure = "permanent" if refused_for_good(error, record) else type(error).__name__
    if failure is None:
        mail.model.objects.filter(pk=request_id).update(**{sent_field: timezone.now()})
        logger.info("Sent the %s for %s (attempt %d)", label, reference, attempt)
        return "sent"

    # Raised outside the except block, so the mail server's error (which may quote the address) is
    # not chained onto what the task log records.
    if failure == "permanent":
        logger.error("The patient's address for %s was refused; %s not sent", reference, label)
        raise MailAbandoned(f"{label} for {reference}: address refused by the mail server")
    if attempt >= settings.BOOKING_MAIL_RETRY["max_attempts"]:
        logger.error("Gave up sending the %s for %s after %d attempts", label, reference, attempt)
        raise MailAbandoned(f"{label} for {reference}: gave up after {attempt} attempts ({failure})")
    run_after = timezone.now() + datetime.timedelta(seconds=retry_delay(attempt))
    for_request(mail_task, record.is_urgent, run_after=run_after).enqueue(
        request_id, *args, attempt=attempt + 1
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


def staff_notice_or_warning(consultation_request):
    message = notifications.staff_notification(consultation_request)
    if message is None:
        logger.warning(
            "No address for booking notices; staff notice not sent for %s", consultation_request.reference
        )
    return message


STAFF_NOTICE = BookingMail("staff notice", "staff_notified_at", staff_notice_or_warning)
ACKNOWLEDGEMENT = BookingMail(
    "acknowledgement", "patient_acknowledged_at", notifications.patient_acknowledgement
)


@task()
def notify_staff(request_id, attempt=1):
    """Tell the front desk a request arrived (reference, urgency and admin link only)."""
    return send_with_retry(STAFF_NOTICE, notify_staff, request_id, attempt=attempt)


@task()
def acknowledge_patient(request_id, attempt=1):
    """Tell the patient we have their request (reference and next steps only)."""
    return send_with_retry(ACKNOWLEDGEMENT, acknowledge_patient, request_id, attempt=attempt)


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
