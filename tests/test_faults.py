"""Faults, with the real parts: a local SMTP server (aiosmtpd) that goes down, stalls or comes back, the
real mail worker (`manage.py run_worker` in a subprocess, killed with SIGKILL), and gunicorn serving a
site whose database goes away (a SQLite file whose folder disappears, or a PostgreSQL server that this
test starts and then stops).

Delivery of booking mails is AT-LEAST-ONCE, not exactly-once: a worker killed after the mail server
accepted a message but before the task saved that it was sent repeats the message once its task is
recovered (`manage.py requeue_stale_mail`, run every minute by the scheduler).
`test_worker_killed_mid_send_*` shows both cases and counts the repeat.
"""

import asyncio
import datetime
import http.client
import io
import re
import signal
import subprocess
import threading
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking.models import ConsultationRequest
from tests import factories
from tests.factories import FORM_URL, THANK_YOU_URL, make_clinic, valid_data
from tests.live_site import Site
from tests.servers import (
    Mailbox,
    MailWorker,
    SMTPServer,
    booking_tasks,
    free_port,
    outage_database,
    wait_until,
)

mail_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)
STAFF = "frontdesk@clinic.example"


@pytest.fixture
def workers(tmp_path):
    started = []

    def start(smtp_port):
        worker = MailWorker(smtp_port, tmp_path / f"worker-{len(started)}.log").start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.kill()


@pytest.fixture
def clinic_condition(db):
    factories.make_home()
    make_clinic()
    return factories.make_condition("Cervicogenic headache", slug="cervicogenic-headache")


@pytest.fixture
def no_spam_checks(settings):
    settings.BOOKING_RATE_LIMIT = None


def submit(client, condition, number, **overrides):
    fields = {"name": f"Batch Patient {number}", "email": f"batch.patient.{number}@example.net", **overrides}
    data = valid_data(condition, **fields)
    response = client.post(FORM_URL, data)
    assert response.status_code == 303 and response["Location"] == THANK_YOU_URL
    return ConsultationRequest.objects.get(name=data["name"])


# Mail server down, then back ------------------------------------------------------------------------


@mail_db
def test_mail_server_down_then_back_a_batch_through_the_worker_process(
    client, clinic_condition, no_spam_checks, workers
):
    mailbox = Mailbox()
    smtp = SMTPServer(free_port(), mailbox)
    batch = [submit(client, clinic_condition, number) for number in range(12)]

    # The mail server is down: the worker tries every mail once and queues a retry for each.
    # A task queues its retry before it is recorded as failed: wait for both, never count at an instant.
    worker = workers(smtp.port)
    wait_until(
        lambda: (
            booking_tasks().filter(status="READY", args_kwargs__kwargs__attempt=2).count() == 24
            and booking_tasks().filter(status="FAILED").count() == 24
        ),
        message="a failed first attempt and a queued retry for each of the 24 mails",
    )
    assert mailbox.messages == []
    assert not ConsultationRequest.objects.filter(staff_notified_at__isnull=False).exists()

    # The server is back; time passes (the retries fall due) and the same worker sends everything.
    smtp.start()
    try:
        booking_tasks().filter(status="READY").update(run_after=timezone.now())
        wait_until(
            lambda: (
                ConsultationRequest.objects.filter(
                    staff_notified_at__isnull=False, patient_acknowledged_at__isnull=False
                ).count()
                == len(batch)
            ),
            message="every request notified and acknowledged",
        )
        worker.stop()
    finally:
        smtp.stop()

    staff_subjects = sorted(message["subject"] for message in mailbox.to(STAFF))
    assert staff_subjects == sorted(f"New consultation request {request.reference}" for request in batch)
    for request in batch:
        assert len(mailbox.to(request.email)) == 1, request.reference
    assert len(mailbox.messages) == 2 * len(batch)  # nothing lost, nothing twice


# A worker killed while it sends ----------------------------------------------------------------------


class StallingMailbox(Mailbox):
    """A mailbox that, once, holds the SMTP conversation at one command until the test releases it.

    DATA: the message has been sent to the server but not accepted (no 250 yet), so it is not kept.
    QUIT: the message was accepted (250) and kept; the client is waiting to say goodbye.
    """

    def __init__(self, stall_at):
        super().__init__()
        self.stall_at = stall_at
        self.stalled = threading.Event()
        self.release = threading.Event()

    async def hold(self):
        self.stalled.set()
        while not self.release.is_set():
            await asyncio.sleep(0.05)

    async def handle_DATA(self, server, session, envelope):
        if self.stall_at == "DATA" and not self.stalled.is_set():
            await self.hold()
            return "421 Connection to the client lost; message not accepted"
        return await super().handle_DATA(server, session, envelope)

    async def handle_QUIT(self, server, session, envelope):
        if self.stall_at == "QUIT" and not self.stalled.is_set():
            await self.hold()
        return "221 Bye"


@mail_db
@pytest.mark.parametrize(("stall_at", "expected_copies"), [("DATA", 1), ("QUIT", 2)])
def test_worker_killed_mid_send_is_recovered_at_least_once(
    client, clinic_condition, no_spam_checks, workers, stall_at, expected_copies
):
    mailbox = StallingMailbox(stall_at)
    smtp = SMTPServer(free_port(), mailbox)
    smtp.start()
    try:
        request = submit(client, clinic_condition, 1, email="", preferred_contact="phone")
        worker = workers(smtp.port)
        assert mailbox.stalled.wait(60), "the worker never reached the mail server"
        worker.kill(signal.SIGKILL)
        mailbox.release.set()

        # The killed worker left its task claimed: without recovery it would never run again.
        [task] = booking_tasks()
        assert task.status == "RUNNING"
        request.refresh_from_db()
        assert request.staff_notified_at is None

        # Long enough later (the task is past BOOKING_MAIL_STALE_AFTER), the scheduler's minute job
        # queues it again and a new worker starts.
        DBTaskResult.objects.filter(pk=task.pk).update(
            started_at=timezone.now() - datetime.timedelta(hours=1)
        )
        call_command("requeue_stale_mail")
        task.refresh_from_db()
        assert task.status == "READY"
        workers(smtp.port)
        wait_until(
            lambda: ConsultationRequest.objects.filter(
                pk=request.pk, staff_notified_at__isnull=False
            ).exists(),
            message="the staff notice after the restart",
        )
    finally:
        smtp.stop()

    copies = mailbox.to(STAFF)
    assert len(copies) == expected_copies  # at least once; twice when the kill came after acceptance
    assert {message["subject"] for message in copies} == {f"New consultation request {request.reference}"}
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"


def test_recent_running_tasks_are_left_alone(db):
    """A task another live worker is sending right now is not taken from it; an old one is."""
    from booking.tasks import notify_staff

    result = notify_staff.enqueue(1)
    DBTaskResult.objects.filter(pk=result.id).update(status="RUNNING", started_at=timezone.now())
    out = io.StringIO()
    call_command("requeue_stale_mail", verbosity=2, stdout=out)
    assert "Queued 0 " in out.getvalue()
    assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"
    DBTaskResult.objects.filter(pk=result.id).update(started_at=timezone.now() - datetime.timedelta(hours=1))
    call_command("requeue_stale_mail", verbosity=2, stdout=out)
    assert "Queued 1 " in out.getvalue()
    assert DBTaskResult.objects.get(pk=result.id).status == "READY"


def test_only_booking_mail_tasks_are_queued_again(db):
    """Another app's task left RUNNING may not be safe to run twice: the sweep leaves it alone."""
    from wagtail.tasks import update_reference_index_task

    result = update_reference_index_task.enqueue("articles", "articlepage", 1)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    call_command("requeue_stale_mail")
    assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"


# The database goes away -------------------------------------------------------------------------------


SITE_CONTENT = """
from tests import factories
from tests.factories import make_clinic
factories.make_home()
make_clinic(phone="(555) 010-4477")
for title in ("Neck pain", "Migraine", "Whiplash"):
    factories.make_condition(title)
"""

PATIENT = {
    "name": "Outage Patient Okonkwo",
    "email": "outage.okonkwo@example.net",
    "symptoms": "Dizzy spells",
}


def fetch(port, method, path, body=None, headers=None):
    connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection_.request(method, path, body=body, headers=headers or {})
        response = connection_.getresponse()
        return response, response.read().decode("utf-8", "replace")
    finally:
        connection_.close()


def open_form(port):
    """GET the form as a browser does: the CSRF cookie and the hidden tokens."""
    response, html = fetch(port, "GET", FORM_URL)
    assert response.status == 200
    cookie = next(
        value.split(";", 1)[0]
        for header, value in response.getheaders()
        if header.lower() == "set-cookie" and value.startswith("csrftoken=")
    )
    hidden = dict(re.findall(r'name="(csrfmiddlewaretoken|submission_token)" value="([^"]+)"', html))
    conditions = re.findall(r'<option value="(\d+)"', html)
    return cookie, hidden, conditions


def post_form(port, cookie, hidden, condition):
    fields = {
        **hidden,
        **PATIENT,
        "phone": "(212) 555-0187",
        "preferred_contact": "email",
        "patient_type": "new",
        "condition": condition,
        "red_flags": "no",
        "consent": "on",
        "website": "",
    }
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
        "Origin": f"http://127.0.0.1:{port}",
    }
    return fetch(port, "POST", FORM_URL, urlencode(fields), headers)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_database_unreachable_gives_a_friendly_503_then_recovers(tmp_path, backend):
    database = outage_database(backend, tmp_path)
    site = Site(
        tmp_path / "site",
        database_url=database.init(),
        BOOKING_RATE_LIMIT="off",
        BOOKING_MIN_FILL_SECONDS="0",
        **getattr(database, "env", {}),
    )
    try:
        site.manage("migrate", "--noinput")
        site.manage("collectstatic", "--noinput")
        site.manage("shell", "-c", SITE_CONTENT)
        with site.serve(workers=1, log_name="outage.log") as server:
            response, html = fetch(server.port, "GET", "/")
            assert response.status == 200 and "(555) 010-4477" in html
            cookie, hidden, conditions = open_form(server.port)

            database.stop()
            for method, path in [("GET", "/conditions/migraine/"), ("GET", "/conditions/")]:
                response, html = fetch(server.port, method, path)
                assert response.status == 503, (path, html[:500])
                assert response.getheader("Retry-After") == "30"
                assert "(555) 010-4477" in html and 'href="tel:5550104477"' in html
                assert "Traceback" not in html and "OperationalError" not in html
            response, html = post_form(server.port, cookie, hidden, conditions[0])
            assert response.status == 503
            assert "(555) 010-4477" in html and "Outage Patient" not in html

            database.start()
            wait_until(
                lambda: fetch(server.port, "GET", "/conditions/migraine/")[0].status == 200,
                timeout=30,
                message="the site back after the database",
            )
            response, _html = post_form(server.port, cookie, hidden, conditions[0])
            assert response.status == 303 and response.getheader("Location") == THANK_YOU_URL
            stored = site.query(
                "from booking.models import ConsultationRequest as R; "
                f"print(R.objects.filter(name={PATIENT['name']!r}).count())"
            )
            assert stored == "1"
            log = server.log_text()
    finally:
        if backend == "postgres":
            try:
                database.stop()
            except subprocess.CalledProcessError:
                pass  # already stopped
            database.remove()

    assert re.search(r"Database unavailable \(OperationalError\): answered POST /consultation/ with 503", log)
    assert "Traceback" not in log
    for value in [*PATIENT.values(), "555-0187", "2125550187"]:
        assert value not in log, value
