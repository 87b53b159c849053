"""The front desk confirms a scheduled consultation to the patient: the button queues a task after the
commit, the task mails the patient a calendar file with no health details, once, and a mail server
failure queues a retry without marking anything sent."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking.confirmations import send_confirmation
from booking.models import ConsultationRequest, RequestAuditEntry
from booking.tasks import MailDeferred
from tests import factories
from tests.factories import PATIENT_NAME, make_request
from tests.servers import free_port

pytestmark = pytest.mark.django_db

Action = RequestAuditEntry.Action


def local(year, month, day, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def audit_entries(action):
    return list(RequestAuditEntry.objects.filter(action=action).order_by("pk"))


def scheduled_request(**fields):
    fields.setdefault("scheduled_for", local(2026, 3, 3, 10))
    return make_request(
        status="scheduled",
        condition_label="Migraine with aura",
        symptoms="Flashing lights before the headache.",
        internal_notes="Nervous about needles.",
        **fields,
    )


def test_confirmation_button_queues_the_task_after_commit(
    desk_client, front_desk, django_capture_on_commit_callbacks
):
    consultation_request = scheduled_request()
    inspect_url = reverse("consultationrequest:inspect", args=[consultation_request.pk])
    page = BeautifulSoup(desk_client.get(inspect_url).content, "html.parser")
    form = page.select_one(
        f"form[action='{reverse('consultationrequest:confirm', args=[consultation_request.pk])}']"
    )
    assert form is not None and form["method"] == "post"
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    assert "Send confirmation to patient" in form.get_text()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = desk_client.post(form["action"], {"next": inspect_url})

    assert response.status_code == 302 and response["Location"] == inspect_url
    assert len(callbacks) == 1
    [queued] = DBTaskResult.objects.filter(task_path="booking.confirmations.send_confirmation")
    assert queued.args_kwargs["args"][0] == consultation_request.pk
    [entry] = audit_entries(Action.CONFIRMATION)
    assert (entry.user, entry.request_id_ref) == (front_desk, consultation_request.pk)
    assert not mail.outbox  # nothing is sent inside the admin request


def test_confirmation_post_needs_the_csrf_token(front_desk):
    consultation_request = scheduled_request()
    client = Client(enforce_csrf_checks=True)
    factories.sign_in(client, front_desk)
    response = client.post(reverse("consultationrequest:confirm", args=[consultation_request.pk]))
    assert response.status_code == 403
    assert not DBTaskResult.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [{"status": "contacted"}, {"scheduled_for": None}, {"email": ""}],
    ids=["not scheduled", "no time", "no email"],
)
def test_confirmation_is_refused_without_status_time_and_email(desk_client, fields):
    consultation_request = scheduled_request()
    ConsultationRequest.objects.filter(pk=consultation_request.pk).update(**fields)
    inspect_url = reverse("consultationrequest:inspect", args=[consultation_request.pk])
    assert "Send confirmation to patient" not in desk_client.get(inspect_url).content.decode()

    response = desk_client.post(
        reverse("consultationrequest:confirm", args=[consultation_request.pk]), follow=True
    )

    assert "A confirmation needs the status" in response.content.decode()
    assert not DBTaskResult.objects.exists()
    assert not audit_entries(Action.CONFIRMATION)


def test_running_the_task_mails_the_patient_an_ics_and_no_health_details(
    desk_client, django_capture_on_commit_callbacks
):
    consultation_request = scheduled_request(patient_type="returning")
    with django_capture_on_commit_callbacks(execute=True):
        desk_client.post(reverse("consultationrequest:confirm", args=[consultation_request.pk]))
    queued = DBTaskResult.objects.get()

    result = queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])

    assert result == "sent"
    [message] = mail.outbox
    assert message.to == ["harriet@example.com"]
    assert consultation_request.reference in message.subject
    assert "Tuesday, March 3, 2026 at 10:00 AM (EST)" in message.body
    [(filename, ics, mimetype)] = message.attachments
    assert filename == "consultation.ics"
    assert mimetype.startswith("text/calendar")
    [part] = [part for part in message.message().walk() if part.get_filename() == "consultation.ics"]
    assert part["Content-Type"] == 'text/calendar; method="PUBLISH"; charset="utf-8"'
    assert "DTSTART:20260303T150000Z" in ics and "DTEND:20260303T154500Z" in ics  # 45 min, returning
    everything = message.subject + message.body + ics
    for secret in ["Migraine", "aura", "Flashing lights", "Nervous about needles", PATIENT_NAME, "Quimby"]:
        assert secret not in everything
    consultation_request.refresh_from_db()
    assert consultation_request.confirmation_sent_at is not None
    assert [entry.detail for entry in audit_entries(Action.CONFIRMATION)] == [
        "sending requested",
        "confirmation email sent",
    ]

    # A retry of the same task (or a double click queued before it ran) sends nothing more.
    assert queued.task.call(*queued.args_kwargs["args"]) == "already sent"
    assert len(mail.outbox) == 1


def test_a_later_request_sends_again_after_a_reschedule():
    consultation_request = scheduled_request()
    send_confirmation.call(consultation_request.pk, timezone.now().isoformat())
    ConsultationRequest.objects.filter(pk=consultation_request.pk).update(scheduled_for=local(2026, 3, 5, 9))

    assert send_confirmation.call(consultation_request.pk, timezone.now().isoformat()) == "sent"

    assert len(mail.outbox) == 2
    assert "Thursday, March 5, 2026 at 9:00 AM" in mail.outbox[1].body


def test_a_mail_server_failure_queues_a_retry_and_marks_nothing_sent(settings):
    # A real SMTP connection to a port where nothing listens: the server is down.
    settings.WORKER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    consultation_request = scheduled_request()

    with pytest.raises(MailDeferred):
        send_confirmation.call(consultation_request.pk, timezone.now().isoformat())

    consultation_request.refresh_from_db()
    assert consultation_request.confirmation_sent_at is None
    [retry] = DBTaskResult.objects.all()
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now()
