"""Mail and background tasks: queued mail, its delivery backend and retries, and the task worker.

Imported at the end of ``base.py``; the other settings modules override single values as usual.
"""

import os

from .env import env_bool

# Mail. The site never sends mail inside a request. Booking mails are tasks of their own that send
# with WORKER_EMAIL_BACKEND; every other mail (password resets, Wagtail's workflow notices, sign-in
# warnings) goes to EMAIL_BACKEND, which only queues it for the worker (worker/mail.py), which sends it
# with WORKER_EMAIL_BACKEND and retries like the booking mails. EMAIL_BACKEND in the environment names
# the backend that really delivers.
EMAIL_BACKEND = "worker.mail.QueuedEmailBackend"
WORKER_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# A queued mail the server could not take is tried again after base_delay seconds, doubling up to
# max_delay, for max_attempts attempts in all (about a day).
QUEUED_MAIL_RETRY = {"max_attempts": 30, "base_delay": 60, "max_delay": 3600}
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "clinic@example.com")

# Background tasks: a database-backed queue worked by `manage.py run_worker` (worker/), which keeps
# django-tasks-db's worker going through database outages and queues a heartbeat every
# WORKER_HEARTBEAT_SECONDS. The worker counts as stalled (/healthz/worker answers 503, the staff
# dashboard warns) when no heartbeat has finished for WORKER_STALLED_AFTER seconds or a task has waited
# more than WORKER_MAIL_LATE_AFTER seconds past its time.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "heartbeat"]}}
WORKER_HEARTBEAT_SECONDS = int(os.environ.get("WORKER_HEARTBEAT_SECONDS", "30"))
WORKER_STALLED_AFTER = int(os.environ.get("WORKER_STALLED_AFTER", "180"))
WORKER_MAIL_LATE_AFTER = int(os.environ.get("WORKER_MAIL_LATE_AFTER", "600"))
WORKER_RETRY_MAX_SECONDS = 30
