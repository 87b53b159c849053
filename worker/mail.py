"""Every mail Django and Wagtail send (password resets, workflow notices, sign-in warnings) goes through
the task queue: ``EMAIL_BACKEND`` only queues it, and the worker sends it.

Why a backend of our own: a web worker must never wait on the mail server (one that accepts a
connection and never answers held each password reset for ``EMAIL_TIMEOUT`` seconds and starved the
patients' form). django-mailer would do the queueing but brings a second queue and its own worker
process; the site already runs django-tasks' database queue with ``manage.py run_worker``, which rides
out database outages and whose heartbeat and late-mail warning cover these tasks too. So the backend
writes one ``send_queued_mail`` task per message, in the caller's transaction, and the task sends it
with the real backend (``WORKER_EMAIL_BACKEND``), retrying with a growing delay
(``QUEUED_MAIL_RETRY``) like the booking mails, which are tasks of their own and send directly.

A task carries the message itself (addresses, subject, text and HTML bodies, headers): exactly what
the mail holds and nothing more. The booking mails, which concern patients, never come through
here: their tasks carry only the request's id and build the message when they run.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


class MailDeferred(Exception):
    """The mail server could not take a queued mail now; another attempt is queued."""


class MailAbandoned(Exception):
    """A queued mail could not be delivered and will not be tried again."""


def as_task_arguments(message):
    """A message as plain JSON values; refuses what would not survive the trip (attachments)."""
    if message.attachments:
        raise ValueError("Queued mail cannot carry attachments; send such a mail from a task of its own.")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(name): str(value) for name, value in (message.extra_headers or {}).items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def from_task_arguments(fields):
    alternatives = fields.pop("alternatives")
    message = EmailMultiAlternatives(**fields)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message as a ``send_queued_mail`` task instead of talking to a mail server."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            send_queued_mail.enqueue(as_task_arguments(message))
            queued += 1
        return queued


def retry_delay(attempt):
    policy = settings.QUEUED_MAIL_RETRY
    return min(policy["base_delay"] * 2 ** (attempt - 1), policy["max_delay"])


@task()
def send_queued_mail(fields, attempt=1):
    """Send one queued mail with the real backend; on a passing failure queue the next attempt.

    Logs and errors name the subject and attempt only (mail server errors can quote addresses).
    """
    message = from_task_arguments(dict(fields))
    message.connection = get_connection(settings.WORKER_EMAIL_BACKEND)
    failure = None
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        failure = type(error).__name__
    if failure is None:
        return "sent"
    subject = message.subject
    if attempt >= settings.QUEUED_MAIL_RETRY["max_attempts"]:
        logger.error("Gave up sending “%s” after %d attempts (%s)", subject, attempt, failure)
        raise MailAbandoned(f"“{subject}”: gave up after {attempt} attempts ({failure})")
    run_after = timezone.now() + datetime.timedelta(seconds=retry_delay(attempt))
    send_queued_mail.using(run_after=run_after).enqueue(fields, attempt=attempt + 1)
    logger.warning(
        "Could not send “%s” (attempt %d, %s); retry after %s", subject, attempt, failure, run_after
    )
    raise MailDeferred(f"“{subject}”: attempt {attempt} failed ({failure}); retry queued")
