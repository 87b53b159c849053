"""The task worker keeps going: through a database outage (the real worker process and a database this
test takes away and brings back), with its liveness visible on /healthz/worker and the staff dashboard."""

import datetime
import os
import subprocess
import sys
import time

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking.tasks import notify_staff
from tests import factories
from tests.servers import (
    ROOT,
    Mailbox,
    MailWorker,
    SMTPServer,
    free_port,
    outage_database,
    wait_until,
)
from worker.status import current_status
from worker.tasks import heartbeat

SETUP = """
from tests import factories
factories.make_home()
factories.make_clinic(booking_notification_email="frontdesk@clinic.example")
"""

QUEUE_REQUESTS = """
from tests import factories
from booking.tasks import enqueue_notifications
for number in range({first}, {last}):
    request = factories.make_request(name=f"Patient {{number}}", email=f"outage.{{number}}@example.net")
    enqueue_notifications(request)
"""

STATUS = "from worker.status import current_status; print(current_status().healthy)"


def manage(database_url, *args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    environment.update(DJANGO_SETTINGS_MODULE="clinic_site.settings.test", DATABASE_URL=database_url, **env)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_worker_rides_out_a_database_outage_and_every_notice_goes_out(tmp_path, backend):
    database = outage_database(backend, tmp_path)
    mailbox = Mailbox()
    smtp = SMTPServer(free_port(), mailbox)
    smtp.start()
    worker = None
    try:
        url = database.init()
        manage(url, "migrate", "--noinput")
        manage(url, "shell", "--no-imports", "-c", SETUP)
        manage(url, "shell", "--no-imports", "-c", QUEUE_REQUESTS.format(first=0, last=3))
        worker = MailWorker(
            smtp.port,
            tmp_path / "worker.log",
            database_url=url,
            WORKER_HEARTBEAT_SECONDS="1",
            **getattr(database, "env", {}),
        ).start()
        wait_until(lambda: len(mailbox.messages) == 6, message="the first notices and acknowledgements")

        database.stop()
        time.sleep(30)
        assert worker.process.poll() is None, "the worker stopped during the outage"
        database.start()

        manage(url, "shell", "--no-imports", "-c", QUEUE_REQUESTS.format(first=3, last=6))
        wait_until(lambda: len(mailbox.messages) == 12, timeout=90, message="every notice after the outage")
        assert worker.process.poll() is None
        healthy = lambda: manage(url, "shell", "--no-imports", "-c", STATUS) == "True"  # noqa: E731
        wait_until(healthy, timeout=30, message="the heartbeat")
    finally:
        if worker is not None:
            worker.stop()
        smtp.stop()
        if backend == "postgres":
            try:
                database.stop()
            except subprocess.CalledProcessError:
                pass  # already stopped
            database.remove()

    assert len(mailbox.to("frontdesk@clinic.example")) == 6
    for number in range(6):
        assert len(mailbox.to(f"outage.{number}@example.net")) == 1, number
    log = (tmp_path / "worker.log").read_text()
    assert "the worker waits and tries again" in log and "Database back after" in log


@pytest.mark.django_db
def test_no_heartbeat_is_a_stalled_worker_and_a_recent_one_is_not():
    assert current_status().stalled
    result = heartbeat.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(status="SUCCESSFUL", finished_at=timezone.now())
    assert current_status().healthy
    DBTaskResult.objects.filter(pk=result.id).update(
        finished_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    assert current_status().stalled


@pytest.mark.django_db
def test_mail_waiting_past_its_time_is_reported(settings):
    heartbeat_result = heartbeat.enqueue()
    DBTaskResult.objects.filter(pk=heartbeat_result.id).update(
        status="SUCCESSFUL", finished_at=timezone.now()
    )
    queued = notify_staff.enqueue(1)
    assert current_status().late_tasks == 0
    DBTaskResult.objects.filter(pk=queued.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    assert current_status().late_tasks == 1
    assert not current_status().healthy


@pytest.mark.django_db
def test_healthz_worker_says_stalled_then_ok():
    response = Client().get("/healthz/worker")
    assert (response.status_code, response.content) == (503, b"stalled\n")
    result = heartbeat.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(status="SUCCESSFUL", finished_at=timezone.now())
    response = Client().get("/healthz/worker", HTTP_HOST="10.1.2.3")  # load balancers probe by address
    assert (response.status_code, response.content) == (200, b"ok\n")
    assert Client().get("/healthz").status_code == 200  # the web check does not depend on the worker


@pytest.mark.django_db
def test_the_dashboard_warns_staff_who_work_requests_and_nobody_else(front_desk, editor):
    notify_staff.enqueue(1)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=30))
    for user, warned in ((front_desk, True), (editor, False), (factories.make_user(superuser=True), True)):
        client = Client()
        factories.sign_in(client, user)
        page = client.get("/admin/").content.decode()
        assert ("Mail is not going out" in page) is warned, user
        if warned:
            assert (
                "1 message (notices of new requests, messages to patients) has waited more than 10 minutes"
                in (" ".join(page.split()))
            )
