"""What a patient tells us stays in the request: not in logs, URLs, mails or the task queue."""

import logging

import pytest
from django.core.cache import cache
from django_tasks_db.models import DBTaskResult

from booking.models import ConsultationRequest
from tests import factories
from tests.factories import FORM_URL, THANK_YOU_URL, make_clinic, old_token, valid_data
from tests.servers import run_worker

PATIENT = {
    "name": "Theodora Quennell",
    "email": "t.quennell@example.com",
    "phone": "+44 20 7946 0321",
    "symptoms": "Pins and needles in my right hand every morning.",
}
SECRETS = [*PATIENT.values(), "Quennell", "+442079460321", "7946 0321", "pins and needles"]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit counts posts in the cache; start and end every test with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def condition(home, settings):
    settings.BOOKING_RATE_LIMIT = (5, 600)
    make_clinic()
    return factories.make_condition("Occipital neuralgia", slug="occipital-neuralgia")


def all_log_text(caplog):
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s %(args)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


def assert_free_of(text, condition):
    lowered = text.lower()
    for secret in [*SECRETS, condition.title, condition.slug]:
        assert secret.lower() not in lowered, secret


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_full_submission_leaves_no_personal_details_behind(client, condition, caplog, mailoutbox, settings):
    settings.BOOKING_ATTEMPT_LIMIT = (5, 600)
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    data = valid_data(condition, source=condition, **PATIENT)
    urls = []

    # An invalid post, a red-flag stop, the red-flag continue, a double post and a too-fast bot.
    urls.append(client.post(FORM_URL, {**data, "email": "t.quennell@"}).get("Location", ""))
    assert client.post(FORM_URL, {**data, "red_flags": "yes"}).status_code == 200
    response = client.post(FORM_URL, {**data, "red_flags": "yes", "red_flag_acknowledged": "1"})
    assert response.status_code == 303
    urls.append(response["Location"])
    urls.append(client.post(FORM_URL, {**data, "red_flags": "yes", "red_flag_acknowledged": "1"})["Location"])
    bot = {**data, "submission_token": old_token(seconds_ago=1), "name": "Quennell bot"}
    urls.append(client.post(FORM_URL, bot).get("Location", ""))
    # Over the limit of posts of any kind.
    assert client.post(FORM_URL, data).status_code == 429

    thank_you = client.get(THANK_YOU_URL)
    assert thank_you.status_code == 200
    run_worker()

    stored = ConsultationRequest.objects.get()
    assert stored.is_urgent and stored.name == PATIENT["name"]
    assert [url for url in urls if url] == [THANK_YOU_URL] * 2
    assert_free_of(" ".join(urls), condition)
    assert_free_of(thank_you.content.decode(), condition)

    assert len(mailoutbox) == 2
    for message in mailoutbox:
        assert stored.reference in message.subject
        assert_free_of(f"{message.subject}\n{message.body}", condition)

    log_text = all_log_text(caplog)
    assert f"Consultation request {stored.reference} received (urgent: yes)" in log_text
    assert_free_of(log_text, condition)

    for task in DBTaskResult.objects.filter(task_path__startswith="booking."):
        assert_free_of(f"{task.args_kwargs} {task.return_value} {task.traceback}", condition)


@pytest.mark.django_db
def test_request_string_and_reference_hold_no_details(condition):
    request = ConsultationRequest.objects.create(
        name=PATIENT["name"],
        email=PATIENT["email"],
        preferred_contact="email",
        patient_type="new",
        condition=condition,
        condition_label=condition.title,
        symptoms=PATIENT["symptoms"],
        consent_given_at="2026-01-01T00:00:00Z",
        privacy_version="1",
    )
    assert str(request) == f"Request {request.reference}"
    assert_free_of(str(request), condition)
