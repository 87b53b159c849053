"""The consultation request form against bots, floods and double posts: CSRF, the honeypot, the fill-time
token, the rate limits (stored requests and posts of any kind, per visitor address) and idempotency."""

import time

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from booking import spam
from booking.models import ConsultationRequest
from tests.factories import FORM_URL, THANK_YOU_URL, make_clinic, old_token, valid_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]  # rate-limit counts


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def clinic(home):
    return make_clinic()


@pytest.fixture(autouse=True)
def published_condition(clinic, condition):
    """The clinic details (phone for the 429 page) and a condition to ask about."""
    return condition


# CSRF ---------------------------------------------------------------------------------------------


def test_csrf_is_enforced(condition):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(FORM_URL, valid_data(condition)).status_code == 403
    assert not ConsultationRequest.objects.exists()

    form_page = soup(browser.get(FORM_URL))
    csrf = form_page.find("input", {"name": "csrfmiddlewaretoken"})["value"]
    response = browser.post(FORM_URL, valid_data(condition, csrfmiddlewaretoken=csrf))
    assert response.status_code == 303
    assert ConsultationRequest.objects.count() == 1


# Spam ---------------------------------------------------------------------------------------------


def test_honeypot_is_dropped_silently(client, condition, caplog):
    caplog.set_level("DEBUG")
    response = client.post(FORM_URL, valid_data(condition, **{spam.HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 303
    assert response["Location"] == THANK_YOU_URL
    assert not ConsultationRequest.objects.exists()
    assert "Dana" not in caplog.text and "spam.example" not in caplog.text


def test_form_sent_too_fast_comes_back_to_check_with_everything_kept(client, condition):
    """A browser's autofill can send a form within seconds; nobody is thanked for what was not stored."""
    form_page = soup(client.get(FORM_URL))
    fresh_token = form_page.find("input", {"name": "submission_token"})["value"]
    response = client.post(FORM_URL, valid_data(condition, submission_token=fresh_token))
    assert response.status_code == 200
    assert not ConsultationRequest.objects.exists()
    page = soup(response)
    assert "check your details, then send the form again" in page.find(class_="error-summary").get_text()
    assert page.find(id="id_name")["value"] == "Dana Whitfield"
    assert page.find(id="id_symptoms").get_text().strip().startswith("Stiff neck since March")
    new_token = page.find("input", {"name": "submission_token"})["value"]
    assert new_token != fresh_token

    # Sent again after a moment (a real person reading it over), it is stored once.
    resent = {**valid_data(condition), "submission_token": spam.issue_token(issued_at=time.time() - 5)}
    assert client.post(FORM_URL, resent).status_code == 303
    assert ConsultationRequest.objects.count() == 1


def test_fill_time_is_a_setting(client, condition, settings):
    settings.BOOKING_MIN_FILL_SECONDS = 0
    response = client.post(FORM_URL, valid_data(condition, submission_token=spam.issue_token()))
    assert response.status_code == 303
    assert ConsultationRequest.objects.count() == 1


@pytest.mark.parametrize("token", ["", "not-a-token", "tampered"])
def test_missing_or_forged_token_asks_again_and_stores_nothing(client, condition, token):
    if token == "tampered":
        good = old_token()
        token = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    response = client.post(FORM_URL, valid_data(condition, submission_token=token))
    assert response.status_code == 200
    assert not ConsultationRequest.objects.exists()
    page = soup(response)
    assert "send the form again" in page.find(class_="error-summary").get_text()
    new_token = page.find("input", {"name": "submission_token"})["value"]
    assert spam.read_token(new_token) is not None
    assert page.find(id="id_name")["value"] == "Dana Whitfield"


def test_rate_limit_gives_429_with_phone_and_retry_after(client, condition, clinic, settings):
    settings.BOOKING_RATE_LIMIT = (5, 600)
    for _ in range(5):
        assert client.post(FORM_URL, valid_data(condition)).status_code == 303
    response = client.post(FORM_URL, valid_data(condition))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    assert clinic.phone in response.content.decode()
    assert ConsultationRequest.objects.count() == 5
    # Another client is not affected, and reading the form is never limited.
    assert client.get(FORM_URL).status_code == 200
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(FORM_URL, valid_data(condition)).status_code == 303


def test_mistakes_never_use_up_the_limit_of_stored_requests(client, condition, settings):
    """Five wrong posts (or red-flag stops) and then a right one: the right one is stored."""
    settings.BOOKING_RATE_LIMIT = (5, 600)
    for _ in range(5):
        assert client.post(FORM_URL, valid_data(condition, name="")).status_code == 200
    assert client.post(FORM_URL, valid_data(condition, red_flags="yes")).status_code == 200
    assert client.post(FORM_URL, valid_data(condition)).status_code == 303
    assert ConsultationRequest.objects.count() == 1


def test_posts_of_any_kind_have_a_higher_limit_of_their_own(client, condition, settings):
    settings.BOOKING_RATE_LIMIT = (5, 600)
    settings.BOOKING_ATTEMPT_LIMIT = (8, 600)
    for _ in range(8):
        assert client.post(FORM_URL, {}).status_code == 200
    blocked = client.post(FORM_URL, valid_data(condition))
    assert blocked.status_code == 429
    assert not ConsultationRequest.objects.exists()


def test_the_limit_starts_again_with_the_next_window(client, condition, settings, monkeypatch):
    settings.BOOKING_RATE_LIMIT = (2, 60)
    now = [1_000_040.0]  # 20 seconds into a 60-second window
    monkeypatch.setattr(spam.time, "time", lambda: now[0])
    for _ in range(2):
        assert client.post(FORM_URL, valid_data(condition)).status_code == 303
    blocked = client.post(FORM_URL, valid_data(condition))
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "40"
    now[0] += 40
    assert client.post(FORM_URL, valid_data(condition)).status_code == 303
    assert ConsultationRequest.objects.count() == 3


def test_a_spoofed_forwarded_address_does_not_escape_the_limit(client, condition, settings):
    """Only a configured proxy may say who the visitor is; a client talking to the app directly cannot."""
    settings.BOOKING_RATE_LIMIT = (2, 600)
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    for number in range(3):
        response = client.post(
            FORM_URL,
            valid_data(condition),
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
    assert response.status_code == 429
    # Through the trusted proxy, the forwarded address is the visitor's own.
    through_proxy = client.post(
        FORM_URL,
        valid_data(condition),
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.50",
    )
    assert through_proxy.status_code == 303
    assert ConsultationRequest.objects.count() == 3


# Idempotency --------------------------------------------------------------------------------------


def test_same_token_posted_twice_stores_one_request(client, condition):
    data = valid_data(condition)
    first = client.post(FORM_URL, data)
    second = client.post(FORM_URL, data)
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"] == THANK_YOU_URL
    assert ConsultationRequest.objects.count() == 1
    assert ConsultationRequest.objects.get().submission_token == spam.read_token(data["submission_token"]).id
