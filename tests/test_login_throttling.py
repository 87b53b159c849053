"""Staff sign-in: throttling and lockout with a way back, and sessions that end when left alone."""

import time
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from clinic_site.middleware import SESSION_ACTIVE_KEY, SESSION_STARTED_KEY
from tests import factories

LOGIN_URL = "/admin/login/"
PASSWORD = "correct-horse-battery"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def axes_on(settings):
    # Off in the test settings because Client.login() gives axes no request; on here, as in production.
    settings.AXES_ENABLED = True


@pytest.fixture
def staff(db):
    """An editor: a password is a whole sign-in for them. For roles that need a second factor, only
    the password and the code together clear failures (tests/test_two_factor.py, test_account_guard.py)."""
    return factories.make_user("editor-anna", group="Editors")


def sign_in(client, username, password, address="203.0.113.10"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, times, address="203.0.113.10"):
    """Failed sign-ins; the status of each: 200 is the form again with an error, 429 the lockout page."""
    return [sign_in(client, username, "wrong-password", address).status_code for _ in range(times)]


def test_five_failures_lock_that_username_from_that_address(client, staff):
    assert fail(client, staff.username, 5) == [200, 200, 200, 200, 429]
    # Even the right password is refused while the lock lasts.
    response = sign_in(client, staff.username, PASSWORD)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Sign-in paused for this account" in text
    assert "30 minutes" in text
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock(client, staff):
    assert fail(client, staff.username, 4) == [200, 200, 200, 200]
    response = sign_in(client, staff.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_the_lock_is_for_that_username_and_address_only(client, staff):
    colleague = factories.make_user("frontdesk-ben", group="Front desk")
    fail(client, staff.username, 5)
    # A colleague in the same office is not locked out.
    assert sign_in(client, colleague.username, PASSWORD).status_code == 302
    client.logout()
    # Nor is the same person from another network.
    assert sign_in(client, staff.username, PASSWORD, address="198.51.100.20").status_code == 302


def test_behind_a_proxy_the_lock_follows_the_forwarded_address(client, staff, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    for _ in range(5):
        client.post(
            LOGIN_URL,
            {"username": staff.username, "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.10",
        )
    locked = client.post(
        LOGIN_URL,
        {"username": staff.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert locked.status_code == 429
    other = client.post(
        LOGIN_URL,
        {"username": staff.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert other.status_code == 302


def test_the_lock_lifts_by_itself_after_the_cool_off(client, staff):
    with override_settings(AXES_COOLOFF_TIME=timedelta(seconds=1)):
        fail(client, staff.username, 5)
        assert sign_in(client, staff.username, PASSWORD).status_code == 429
        time.sleep(1.2)
        response = sign_in(client, staff.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_an_administrator_can_unlock_someone_sooner(client, staff):
    fail(client, staff.username, 5)
    assert sign_in(client, staff.username, PASSWORD).status_code == 429
    call_command("axes_reset_username", staff.username)
    assert sign_in(client, staff.username, PASSWORD).status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, staff):
    fail(client, staff.username, 4)
    assert sign_in(client, staff.username, PASSWORD).status_code == 302
    client.logout()
    fail(client, staff.username, 4)
    assert sign_in(client, staff.username, PASSWORD).status_code == 302


# Session expiry


def age_session(client, *, idle=0, since_sign_in=0):
    """Makes the signed-in session look as if time had passed (seconds since activity, since sign-in)."""
    store = SessionStore(session_key=client.cookies["sessionid"].value)
    now = time.time()
    store[SESSION_ACTIVE_KEY] = now - idle
    store[SESSION_STARTED_KEY] = now - since_sign_in
    store.save()


@pytest.fixture
def signed_in(client, staff):
    assert sign_in(client, staff.username, PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200
    return client


def test_requests_soon_after_sign_in_write_nothing_to_the_session(signed_in):
    before = SessionStore(session_key=signed_in.cookies["sessionid"].value).load()
    assert signed_in.get("/admin/").status_code == 200
    after = SessionStore(session_key=signed_in.cookies["sessionid"].value).load()
    assert SESSION_ACTIVE_KEY not in after and after == before


def test_idle_since_sign_in_counts_before_any_activity_was_written(signed_in, staff):
    type(staff).objects.filter(pk=staff.pk).update(last_login=timezone.now() - timedelta(minutes=31))
    assert signed_in.get("/admin/").status_code == 302


def test_an_active_session_stays_signed_in(signed_in):
    age_session(signed_in, idle=29 * 60, since_sign_in=7 * 3600)
    assert signed_in.get("/admin/").status_code == 200


def test_thirty_minutes_without_activity_sign_you_out(signed_in):
    age_session(signed_in, idle=31 * 60, since_sign_in=40 * 60)
    response = signed_in.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    page = signed_in.get(response["Location"])
    assert "signed out after 30 minutes without activity" in page.content.decode()
    assert signed_in.get("/admin/").status_code == 302


def test_eight_hours_after_sign_in_you_are_signed_out_however_active(signed_in):
    age_session(signed_in, idle=10, since_sign_in=8 * 3600 + 60)
    response = signed_in.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_activity_moves_the_idle_clock_on(signed_in):
    age_session(signed_in, idle=20 * 60, since_sign_in=60 * 60)
    assert signed_in.get("/admin/").status_code == 200
    store = SessionStore(session_key=signed_in.cookies["sessionid"].value)
    assert time.time() - store[SESSION_ACTIVE_KEY] < 5


def test_session_cookie_ends_with_the_browser_and_expires_on_the_server_after_eight_hours(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert settings.STAFF_SESSION_IDLE_SECONDS == 30 * 60
