"""Is the background work being done? What ``/healthz/worker`` and the staff dashboard report.

- **Stalled**: no heartbeat (``worker.tasks.heartbeat``) has finished for ``WORKER_STALLED_AFTER``
  seconds: the worker is down, stuck, or cannot reach the database.
- **Mail waiting**: booking mails (and any other task) due for more than ``WORKER_MAIL_LATE_AFTER``
  seconds and still not taken: whatever the reason, patients and the front desk are waiting for them.

Both are read from the task queue's own table, with two small queries.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from worker.tasks import heartbeat


@dataclass(frozen=True)
class WorkerStatus:
    last_heartbeat: datetime.datetime | None
    stalled: bool
    late_tasks: int

    @property
    def healthy(self):
        return not self.stalled and not self.late_tasks


def current_status(now=None):
    now = now or timezone.now()
    last = (
        DBTaskResult.objects.successful()
        .filter(task_path=heartbeat.module_path)
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )
    stalled_after = datetime.timedelta(seconds=settings.WORKER_STALLED_AFTER)
    late_cutoff = now - datetime.timedelta(seconds=settings.WORKER_MAIL_LATE_AFTER)
    late = (
        DBTaskResult.objects.ready()
        .exclude(task_path=heartbeat.module_path)
        .filter(Q(run_after__lte=late_cutoff) | Q(run_after=get_date_max(), enqueued_at__lte=late_cutoff))
        .count()
    )
    return WorkerStatus(
        last_heartbeat=last, stalled=last is None or now - last > stalled_after, late_tasks=late
    )
