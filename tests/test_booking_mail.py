"""Booking mail through a real SMTP server (aiosmtpd) and the real database task worker.

The request is committed first; the mails go out from the worker. With the mail server down the
patient still gets the thank-you page, and the mails arrive, once each, after the server is back.
"""

import datetime
import logging

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking import tasks
from booking.confirmations import send_confirmation
from booking.models import ConsultationRequest
from booking.notifications import admin_url_for
from tests import factories
from tests.factories import FORM_URL, THANK_YOU_URL, make_clinic, valid_data
from tests.servers import Mailbox, SMTPServer, booking_tasks, free_port, run_worker

# The worker commits for real, so these tests run outside a test transaction; the database is
# restored to its migrated state (root page, site, groups) before each of them.
mail_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit counts posts in the cache; start and end every test with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mailbox():
    return Mailbox()


@pytest.fixture
def smtp(settings, mailbox):
    """Django sends with SMTP to a local port; the server is not started until the test says so."""
    server = SMTPServer(free_port(), mailbox)
    settings.WORKER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.BOOKING_MIN_FILL_SECONDS = 3
    settings.BOOKING_RATE_LIMIT = None
    yield server
    server.stop()


def site_log_text(caplog):
    """Every captured log line with its traceback, leaving out the test's own mail server."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(
        formatter.format(record) for record in caplog.records if not record.name.startswith("mail.log")
    )


def let_retry_delays_pass():
    booking_tasks().filter(status="READY").update(run_after=timezone.now())


@pytest.fixture
def condition(home):
    make_clinic()
    return factories.make_condition("Cervicogenic headache", slug="cervicogenic-headache")


PATIENT = {
    "name": "Rosalind Okafor-Berg",
    "email": "rosalind.ob@example.net",
    "phone": "(415) 555-2671",
    "symptoms": "Throbbing behind the left eye since my car accident.",
}


def submit(client, condition, **overrides):
    response = client.post(FORM_URL, valid_data(condition, **{**PATIENT, **overrides}))
    assert response.status_code == 303, response.content.decode()[-3000:]
    assert response["Location"] == THANK_YOU_URL
    return ConsultationRequest.objects.order_by("-pk").first()


def assert_no_personal_details(message, condition):
    text = f"{message['subject']}\n{message.get_content()}"
    for secret in [*PATIENT.values(), "+14155552671", "Rosalind", condition.title, "headache", "accident"]:
        assert secret.lower() not in text.lower(), secret


@mail_db
def test_mails_arrive_with_reference_and_link_only(client, smtp, mailbox, condition):
    smtp.start()
    routine = submit(client, condition)
    urgent = submit(
        client, condition, email="", preferred_contact="phone", red_flags="yes", red_flag_acknowledged="1"
    )
    assert urgent.is_urgent

    run_worker()

    staff = mailbox.to("frontdesk@clinic.example")
    assert sorted(message["subject"] for message in staff) == [
        f"New consultation request {routine.reference}",
        f"New consultation request {urgent.reference} — URGENT",
    ]
    for message, request in zip(sorted(staff, key=lambda m: m["subject"]), [routine, urgent], strict=True):
        body = message.get_content()
        assert request.reference in body
        assert admin_url_for(request) in body
        assert f"/admin/booking/consultationrequest/inspect/{request.pk}/" in body
        assert ("Urgent: YES" in body) == request.is_urgent
        assert_no_personal_details(message, condition)

    [acknowledgement] = mailbox.to(PATIENT["email"])
    assert acknowledgement["subject"] == f"We received your request ({routine.reference})"
    body = acknowledgement.get_content()
    assert routine.reference in body
    assert "within one working day" in body
    assert "(555) 010-4477" in body
    assert "red flag" not in body.lower()
    text = f"{acknowledgement['subject']}\n{body}".lower()
    for secret in ["rosalind", condition.title.lower(), "headache", "throbbing", "accident", "555-2671"]:
        assert secret not in text, secret

    assert len(mailbox.messages) == 3  # nothing for the patient who gave no email
    priorities = dict(booking_tasks().values_list("args_kwargs__args__0", "priority"))
    assert priorities == {routine.pk: 0, urgent.pk: tasks.URGENT_PRIORITY}
    routine.refresh_from_db()
    urgent.refresh_from_db()
    assert routine.staff_notified_at and routine.patient_acknowledged_at
    assert urgent.staff_notified_at and urgent.patient_acknowledged_at is None
    assert set(booking_tasks().values_list("status", flat=True)) == {"SUCCESSFUL"}


@mail_db
def test_mail_server_down_then_back_delivers_exactly_once(client, smtp, mailbox, condition, settings):
    settings.BOOKING_MAIL_RETRY = {"max_attempts": 5, "base_delay": 60, "max_delay": 3600}
    # The server is down: the patient still gets the thank-you page and the request is stored.
    request = submit(client, condition)
    assert client.get(THANK_YOU_URL).status_code == 200

    before = timezone.now()
    run_worker()
    assert mailbox.messages == []
    failed = booking_tasks().filter(status="FAILED")
    assert failed.count() == 2
    assert all("MailDeferred" in task.exception_class_path for task in failed)
    retries = booking_tasks().filter(status="READY")
    assert sorted(task.args_kwargs["kwargs"]["attempt"] for task in retries) == [2, 2]
    for task in retries:  # first retry a minute later
        assert 55 <= (task.run_after - before).total_seconds() <= 65 + 5
    request.refresh_from_db()
    assert request.staff_notified_at is None and request.patient_acknowledged_at is None

    # Still down at the second attempt: the next wait doubles.
    let_retry_delays_pass()
    before = timezone.now()
    run_worker()
    retries = booking_tasks().filter(status="READY")
    assert sorted(task.args_kwargs["kwargs"]["attempt"] for task in retries) == [3, 3]
    for task in retries:
        assert 115 <= (task.run_after - before).total_seconds() <= 125 + 5

    # Not yet due: a worker run now sends nothing.
    smtp.start()
    run_worker()
    assert mailbox.messages == []

    let_retry_delays_pass()
    run_worker()
    assert len(mailbox.to("frontdesk@clinic.example")) == 1
    assert len(mailbox.to(PATIENT["email"])) == 1
    request.refresh_from_db()
    assert request.staff_notified_at and request.patient_acknowledged_at

    # Nothing left to do, and running again (or the task again) sends nothing more.
    assert not booking_tasks().filter(status="READY").exists()
    run_worker()
    tasks.notify_staff.call(request.pk)
    tasks.acknowledge_patient.call(request.pk)
    assert len(mailbox.messages) == 2


@mail_db
def test_gives_up_after_the_last_attempt(client, smtp, mailbox, condition, settings, caplog):
    settings.BOOKING_MAIL_RETRY = {"max_attempts": 2, "base_delay": 60, "max_delay": 3600}
    request = submit(client, condition, email="", preferred_contact="phone")
    run_worker()
    let_retry_delays_pass()
    caplog.set_level("DEBUG")
    run_worker()
    assert not booking_tasks().filter(status="READY").exists()
    last = booking_tasks().get(args_kwargs__kwargs__attempt=2)
    assert last.status == "FAILED" and last.exception_class_path.endswith("MailAbandoned")
    assert f"Gave up sending the staff notice for {request.reference} after 2 attempts" in caplog.text


@mail_db
def test_refused_patient_address_is_not_retried_and_not_logged(client, smtp, mailbox, condition, caplog):
    mailbox.refuse.add(PATIENT["email"])
    smtp.start()
    caplog.set_level("DEBUG")
    request = submit(client, condition)
    run_worker()

    assert len(mailbox.to("frontdesk@clinic.example")) == 1
    assert mailbox.to(PATIENT["email"]) == []
    assert not booking_tasks().filter(status="READY").exists()
    abandoned = booking_tasks().get(task_path="booking.tasks.acknowledge_patient")
    assert abandoned.exception_class_path.endswith("MailAbandoned")
    # The mail server's refusal quotes the address; neither our log nor the task record does.
    assert PATIENT["email"] not in site_log_text(caplog)
    assert PATIENT["email"] not in abandoned.traceback
    assert request.reference in abandoned.traceback


@pytest.mark.django_db
def test_confirmation_to_a_refused_address_follows_the_same_rules(client, smtp, mailbox, condition, caplog):
    """The scheduling confirmation shares the other mails' sending: a refused address is final at once,
    and neither the logs nor the error the task log keeps quote it."""
    mailbox.refuse.add(PATIENT["email"])
    smtp.start()
    request = submit(client, condition)
    ConsultationRequest.objects.filter(pk=request.pk).update(
        status="scheduled", scheduled_for=timezone.now() + datetime.timedelta(days=2)
    )
    caplog.set_level("DEBUG")

    with pytest.raises(tasks.MailAbandoned) as abandoned:
        send_confirmation.call(request.pk, timezone.now().isoformat())

    assert str(abandoned.value) == f"confirmation for {request.reference}: address refused by the mail server"
    assert abandoned.value.__context__ is None  # the server's refusal is not chained on
    assert PATIENT["email"] not in site_log_text(caplog)
    assert not DBTaskResult.objects.filter(task_path="booking.confirmations.send_confirmation").exists()
    request.refresh_from_db()
    assert request.confirmation_sent_at is None


@pytest.mark.django_db
def test_admin_link_opens_the_request_for_the_front_desk(client, condition, front_desk):
    request = submit(client, condition)
    link = admin_url_for(request)
    assert link == f"http://testserver/admin/booking/consultationrequest/inspect/{request.pk}/"
    assert client.get(link).status_code == 302  # to the admin login
    factories.sign_in(client, front_desk)
    response = client.get(link)
    assert response.status_code == 200
    assert request.reference in response.content.decode()


@pytest.mark.django_db
def test_retry_delays_double_up_to_the_cap(settings):
    settings.BOOKING_MAIL_RETRY = {"max_attempts": 30, "base_delay": 60, "max_delay": 3600}
    assert [tasks.retry_delay(n) for n in range(1, 9)] == [60, 120, 240, 480, 960, 1920, 3600, 3600]
    total_hours = sum(tasks.retry_delay(n) for n in range(1, 30)) / 3600
    assert 20 < total_hours < 30  # the default policy keeps trying for about a day


@pytest.mark.django_db
def test_no_staff_address_anywhere_sends_nothing_and_says_so(home, settings, caplog, mailoutbox):
    from booking.notifications import staff_notification

    settings.BOOKING_NOTIFICATION_EMAIL = ""
    make_clinic(booking_notification_email="", email="")
    request = ConsultationRequest.objects.create(
        name="x",
        preferred_contact="phone",
        patient_type="new",
        phone="+12125550142",
        consent_given_at=timezone.now(),
        privacy_version="1",
    )
    assert staff_notification(request) is None
    caplog.set_level("WARNING")
    assert tasks.notify_staff.call(request.pk) == "nothing to send"
    assert f"No address for booking notices; staff notice not sent for {request.reference}" in caplog.text
    assert mailoutbox == []


@pytest.mark.django_db
def test_settings_address_is_the_fallback(home, settings, mailoutbox):
    settings.BOOKING_NOTIFICATION_EMAIL = "desk-fallback@clinic.example"
    make_clinic(booking_notification_email="")
    request = ConsultationRequest.objects.create(
        name="x",
        preferred_contact="phone",
        patient_type="new",
        phone="+12125550142",
        consent_given_at=timezone.now(),
        privacy_version="1",
    )
    assert tasks.notify_staff.call(request.pk) == "sent"
    assert tasks.notify_staff.call(request.pk) == "already sent"
    assert [message.to for message in mailoutbox] == [["desk-fallback@clinic.example"]]
