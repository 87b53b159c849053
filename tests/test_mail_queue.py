"""Every mail that is not a booking mail (password resets, Wagtail's notices, sign-in warnings) is queued
for the task worker, never sent inside a web request; password resets are limited per address and
per account. A mail server that accepts and never answers cannot hold a request."""

import time

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.admin.mail import send_mail as wagtail_send_mail

from tests import factories
from tests.servers import Mailbox, SilentMailServer, SMTPServer, free_port, run_worker

# The worker runs in this process and closes connections between tasks: real transactions, as there.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RESET_URL = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def queued(settings, empty_caches):
    """Production's mail settings (Django's test set-up points EMAIL_BACKEND at the outbox); the
    per-address reset counts start from nothing."""
    settings.EMAIL_BACKEND = "worker.mail.QueuedEmailBackend"
    settings.WORKER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def queued_mail():
    return DBTaskResult.objects.filter(task_path="worker.mail.send_queued_mail")


def ask_reset(client, email, address="203.0.113.10"):
    return client.post(RESET_URL, {"email": email}, REMOTE_ADDR=address)


def test_django_and_wagtail_mail_is_queued_then_sent_by_the_worker():
    send_mail("Plain subject", "Plain body", "clinic@example.com", ["a@example.com"])
    wagtail_send_mail(
        "Page submitted for review", "Please review", ["b@example.com"], html_message="<p>Hi</p>"
    )
    assert mail.outbox == []
    assert queued_mail().filter(status="READY").count() == 2

    run_worker()

    assert sorted(message.subject for message in mail.outbox) == [
        "Page submitted for review",
        "Plain subject",
    ]
    html = next(message for message in mail.outbox if message.to == ["b@example.com"])
    assert html.alternatives[0][0] == "<p>Hi</p>"
    assert queued_mail().filter(status="SUCCESSFUL").count() == 2


def test_a_password_reset_is_queued_and_the_worker_sends_the_link(client):
    user = factories.make_user("reset-me", group="Editors")
    response = ask_reset(client, user.email)
    assert response.status_code == 302
    assert mail.outbox == []
    [task] = queued_mail()
    assert task.args_kwargs["args"][0]["to"] == [user.email]
    run_worker()
    [message] = mail.outbox
    assert "/admin/password_reset/confirm/" in message.body


def test_one_reset_mail_per_account_per_quarter_hour(client):
    user = factories.make_user("reset-twice", group="Editors")
    for _ in range(3):
        assert ask_reset(client, user.email).status_code == 302
    assert queued_mail().count() == 1


def test_an_address_may_ask_five_times_an_hour(client):
    users = [factories.make_user(f"reset-many-{n}", group="Editors") for n in range(7)]
    for user in users:
        assert ask_reset(client, user.email).status_code == 302  # the same page either way
    assert queued_mail().count() == 5
    assert ask_reset(client, users[6].email, address="198.51.100.9").status_code == 302
    assert queued_mail().count() == 6


def test_a_mail_server_that_never_answers_cannot_hold_a_reset(client, settings):
    user = factories.make_user("reset-stalled", group="Editors")
    with SilentMailServer() as server:
        settings.WORKER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 2
        started = time.monotonic()
        response = ask_reset(client, user.email)
        took = time.monotonic() - started
        assert response.status_code == 302
        assert took < settings.EMAIL_TIMEOUT  # the request never talked to the mail server

        # The worker does, waits out the silence, and queues the next attempt.
        run_worker()
        assert queued_mail().filter(status="FAILED").count() == 1
        [retry] = queued_mail().filter(status="READY")
        assert retry.args_kwargs["kwargs"] == {"attempt": 2}

    # Once a mail server answers, the retry delivers it.
    mailbox = Mailbox()
    smtp = SMTPServer(free_port(), mailbox)
    smtp.start()
    try:
        settings.EMAIL_PORT = smtp.port
        queued_mail().filter(status="READY").update(run_after=timezone.now())
        run_worker()
    finally:
        smtp.stop()
    [message] = mailbox.to(user.email)
    assert "password" in message["Subject"].lower()


def test_a_queued_mail_carries_the_message_and_nothing_else(client):
    user = factories.make_user("reset-args", group="Editors")
    ask_reset(client, user.email)
    [task] = queued_mail()
    fields = task.args_kwargs["args"][0]
    assert set(fields) == {
        "subject",
        "body",
        "from_email",
        "to",
        "cc",
        "bcc",
        "reply_to",
        "headers",
        "alternatives",
    }
    assert "correct-horse-battery" not in str(task.args_kwargs)


def test_booking_mails_still_send_through_the_real_backend_in_their_own_task():
    """The booking tasks need the mail server's answer to retry, so they do not queue again."""
    from booking.tasks import enqueue_notifications

    consultation_request = factories.make_request()
    enqueue_notifications(consultation_request)
    run_worker()
    assert not queued_mail().exists()
    assert any(consultation_request.reference in message.subject for message in mail.outbox)
