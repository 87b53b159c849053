"""Queue again the booking mails whose worker died while sending them. Run it every minute.

The database queue (django-tasks-db) marks a task RUNNING when a worker claims it and never looks at it
again: if that worker is killed mid-send (out of memory, a deploy, a power cut), the task stays RUNNING
for ever and the mail is never sent. Booking mails are safe to run twice (each task checks the
request's ``staff_notified_at`` / ``patient_acknowledged_at`` / ``confirmation_sent_at`` first), so a
booking task RUNNING for longer than any send could take (``BOOKING_MAIL_STALE_AFTER`` seconds) is put
back in the queue. The result is at-least-once delivery: a worker that died after the mail server took
the message but before the time was saved causes one repeat.

The scheduler runs it every minute next to ``publish_scheduled`` (``make run``, ``make serve``, and the
timer or cron line in ``docs/deploy.md``). It only touches the three booking mail tasks and the queued
mail of ``worker.mail`` (password resets, workflow notices: one repeat beats a lost mail), never
another app's task, which may not be safe to run twice.
"""

import datetime
import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking.confirmations import send_confirmation
from booking.tasks import acknowledge_patient, notify_staff
from worker.mail import send_queued_mail

logger = logging.getLogger(__name__)

#: How long a booking mail task may run before it is taken as abandoned by a dead worker. A send is
#: bounded by EMAIL_TIMEOUT for each step of the SMTP conversation, so this is generous.
DEFAULT_STALE_AFTER = 15 * 60

BOOKING_MAIL_TASKS = (notify_staff, acknowledge_patient, send_confirmation, send_queued_mail)


class Command(BaseCommand):
    help = "Queue again booking mails whose worker died while sending them (run it every minute)."

    def handle(self, *args, **options):
        stale_after = getattr(settings, "BOOKING_MAIL_STALE_AFTER", DEFAULT_STALE_AFTER)
        abandoned = DBTaskResult.objects.filter(
            status="RUNNING",
            task_path__in=[mail_task.module_path for mail_task in BOOKING_MAIL_TASKS],
            started_at__lt=timezone.now() - datetime.timedelta(seconds=stale_after),
        )
        count = abandoned.update(status="READY")
        if count:
            logger.warning("Queued %d booking mail task(s) again: their worker stopped while sending", count)
        if options["verbosity"] > 1:  # quiet by default: cron mails whatever a job prints
            self.stdout.write(f"Queued {count} abandoned booking mail task(s) again.")
