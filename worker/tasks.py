"""The worker's heartbeat: a task that does nothing but finish.

``manage.py run_worker`` queues one every ``WORKER_HEARTBEAT_SECONDS``; the worker loop runs it like any
other task. So the time the last heartbeat finished says whether the queue is really being worked:
a worker that is dead, stuck in a task or cut off from the database stops finishing heartbeats, and
``worker.status`` (the ``/healthz/worker`` check and the staff dashboard) says so.
"""

from django.utils import timezone
from django_tasks import task

HEARTBEAT_QUEUE = "heartbeat"


@task(queue_name=HEARTBEAT_QUEUE)
def heartbeat():
    return timezone.now().isoformat()
