"""Booking mails whose worker died while sending them are queued again.

The database queue (django-tasks-db) marks a task RUNNING when a worker claims it and never looks at it
again: if that worker is killed mid-send (out of memory, a deploy, a power cut), the task stays RUNNING
for ever and the mail is never sent. Booking mails are safe to run twice (each task checks the
request's ``staff_notified_at`` / ``patient_acknowledged_at`` / ``confirmation_sent_at`` first), so a
booking task RUNNING for longer than any send could take (``BOOKING_MAIL_STALE_AFTER`` seconds) is put
back in the queue. The result is at-least-once delivery: a worker that died after the mail server took
the message but before the time was saved causes one repeat.

The booking app's ``db_worker`` command (``booking/management/commands/db_worker.py``) runs this when
it starts and then every minute.
"""

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

#: How long a booking mail task may run before it is taken as abandoned by a dead worker. A send is
#: bounded by EMAIL_TIMEOUT for each step of the SMTP conversation, so this is generous.
DEFAULT_STALE_AFTER = 15 * 60


def booking_task_paths():
    from booking.confirmations import send_confirmation
    from booking.tasks import acknowledge_patient, notify_staff

    return [task.module_path for task in (notify_staff, acknowledge_patient, send_confirmation)]


def requeue_abandoned_mail(now=None):
    """Put booking mail tasks RUNNING for too long back in the queue; returns how many."""
    now = now or timezone.now()
    stale_after = getattr(settings, "BOOKING_MAIL_STALE_AFTER", DEFAULT_STALE_AFTER)
    abandoned = DBTaskResult.objects.filter(
        status="RUNNING",
        task_path__in=booking_task_paths(),
        started_at__lt=now - datetime.timedelta(seconds=stale_after),
    )
    count = abandoned.update(status="READY")
    if count:
        logger.warning("Queued %d booking mail task(s) again: their worker stopped while sending", count)
    return count
