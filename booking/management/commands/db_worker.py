"""``manage.py db_worker``: django-tasks-db's worker, plus recovery of booking mails left half-sent.

The booking app comes before django_tasks_db in INSTALLED_APPS, so this command is the one that
``make run``, ``make serve`` and the deployment run. It does everything the original does; in addition
it queues again any booking mail whose worker died while sending it (``booking.recovery``): once at
start, then every minute from a background thread.
"""

import logging
import threading

from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from booking.recovery import requeue_abandoned_mail

logger = logging.getLogger("booking.recovery")

SWEEP_INTERVAL_SECONDS = 60


def sweep_forever(stop):
    while not stop.wait(SWEEP_INTERVAL_SECONDS):
        try:
            close_old_connections()
            requeue_abandoned_mail()
        except Exception:  # noqa: BLE001 - the database may be away for a while; try again next minute
            logger.warning("Could not check for abandoned booking mails; will try again", exc_info=True)
        finally:
            connection.close()


class Command(DatabaseWorkerCommand):
    help = DatabaseWorkerCommand.help + "; booking mails whose worker died while sending are queued again"

    def handle(self, *args, **options):
        requeue_abandoned_mail()
        connection.close()
        stop = threading.Event()
        if not options.get("batch"):
            threading.Thread(
                target=sweep_forever, args=(stop,), name="booking-mail-recovery", daemon=True
            ).start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
