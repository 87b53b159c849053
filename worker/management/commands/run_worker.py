"""``manage.py run_worker``: the task worker, kept running through database outages, with a heartbeat.

It runs django-tasks-db's own worker (``db_worker``, every queue), with two additions:

- **Outages.** ``db_worker`` stops when the database goes away (any ``OperationalError`` but a locked
  SQLite file ends its loop, and it cannot start while the database is down). This command then
  waits (1 second, doubling up to ``WORKER_RETRY_MAX_SECONDS``), puts back in the queue the tasks that
  worker had started and could not finish (they stay RUNNING under its worker id and nothing else would
  ever take them; every task of the site may run twice: the booking mails check whether they went
  out), and starts it again. Any other error ends the command, for the service manager to restart it
  (``Restart=always`` in docs/deploy.md; a loop in ``make run`` and ``make serve``). SIGTERM and Ctrl-C
  stop it as they stop ``db_worker``.
- **Heartbeat.** A thread queues a heartbeat task (``worker.tasks``) every
  ``WORKER_HEARTBEAT_SECONDS`` unless one is already waiting; the worker runs it like any other task,
  so ``worker.status`` can tell from its finishing time whether the queue is really being worked.
"""

import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.utils.crypto import get_random_string
from django_tasks_db.models import DBTaskResult

from worker.tasks import heartbeat

logger = logging.getLogger("worker")

OUTAGE_ERRORS = (OperationalError, InterfaceError)


def queue_heartbeats(stop, every):
    """Queue a heartbeat every ``every`` seconds (skipped while one is still waiting) until ``stop``."""
    while not stop.wait(every):
        try:
            if not DBTaskResult.objects.ready().filter(task_path=heartbeat.module_path).exists():
                heartbeat.enqueue()
        except DatabaseError:
            logger.debug("Heartbeat not queued: the database cannot be reached")
        finally:
            connections.close_all()


def database_reachable():
    try:
        connection.close()
        connection.ensure_connection()
        return True
    except OUTAGE_ERRORS:
        return False


def requeue_unfinished(worker_id):
    """Put back in the queue the tasks a worker with this id had started; returns how many."""
    started = [result.pk for result in DBTaskResult.objects.running() if worker_id in result.worker_ids]
    return DBTaskResult.objects.filter(pk__in=started).update(status="READY") if started else 0


class Command(BaseCommand):
    help = "Run the task worker (mail, search index): keeps going through database outages, with a heartbeat."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=1, help="Seconds between looks at an empty queue (default: 1)."
        )

    def handle(self, *args, verbosity=1, interval=1, **options):
        worker_id = f"{socket.gethostname()[:30]}-{os.getpid()}-{get_random_string(8)}"
        stop = threading.Event()
        beats = threading.Thread(
            target=queue_heartbeats,
            args=(stop, settings.WORKER_HEARTBEAT_SECONDS),
            name="worker-heartbeat",
            daemon=True,
        )
        beats.start()
        try:
            self.supervise(worker_id, verbosity, interval)
        finally:
            stop.set()

    def supervise(self, worker_id, verbosity, interval):
        delay = 1
        while True:
            try:
                call_command(
                    "db_worker",
                    queue_name="*",
                    worker_id=worker_id,
                    interval=interval,
                    reload=False,
                    startup_delay=False,
                    verbosity=verbosity,
                )
                return  # stopped by a signal, gracefully
            except OUTAGE_ERRORS as error:
                logger.warning(
                    "Database unavailable (%s); the worker waits and tries again", type(error).__name__
                )
            outage_started = time.monotonic()
            while not database_reachable():
                time.sleep(delay)
                delay = min(delay * 2, settings.WORKER_RETRY_MAX_SECONDS)
            delay = 1
            try:
                requeued = requeue_unfinished(worker_id)
            except OUTAGE_ERRORS:
                continue  # gone again: wait once more
            logger.warning(
                "Database back after %.0f s; the worker starts again (%d unfinished task(s) queued again)",
                time.monotonic() - outage_started,
                requeued,
            )
