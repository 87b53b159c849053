"""Password guessing spread over many addresses: the account is guarded after
STAFF_ACCOUNT_FAILURE_LIMIT failures from anywhere, its owner is mailed, and the real person still
signs in from a browser they have used before; a whole sign-in or a manager clears it."""

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.guard import TRUSTED_COOKIE
from staff.models import AccountFailures
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LIMIT = 20


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.STAFF_ACCOUNT_FAILURE_LIMIT = LIMIT


@pytest.fixture
def editor():
    """A role without a second factor, so a password alone is a whole sign-in."""
    return factories.make_user("editor-guarded", group="Editors")


def sign_in(client, username, password=PASSWORD, address="203.0.113.10"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def spray(client, username, addresses, per_address=4):
    """Wrong passwords from many addresses, fewer than the per-address lock at each."""
    statuses = []
    for n in range(addresses):
        for _ in range(per_address):
            statuses.append(
                sign_in(client, username, "wrong-password", f"198.51.{n // 250}.{n % 250 + 1}").status_code
            )
    return statuses


def test_fifty_addresses_times_four_guesses_hit_the_account_limit(client, editor):
    statuses = spray(client, editor.username, 50)
    assert statuses.count(200) == 200  # each refused; no address is locked by itself
    assert AccountFailures.objects.get(user=editor).failures == LIMIT  # counting stops once guarded
    # Past the limit the password is not tried from a new browser, even the right one.
    response = sign_in(type(client)(), editor.username, PASSWORD, "192.0.2.77")
    assert response.status_code == 200
    assert "Sign-in to this account is paused on this browser" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_owner_is_mailed_once(client, editor, settings):
    spray(client, editor.username, 10, per_address=4)
    spray(client, editor.username, 10, per_address=4)
    warnings = [message for message in mail.outbox if "failed sign-ins" in message.subject]
    assert len(warnings) == 1
    assert warnings[0].to == [editor.email]
    assert f"{LIMIT} failed attempts" in warnings[0].body
    assert "wrong-password" not in warnings[0].body


def test_a_browser_that_signed_in_before_still_signs_in(client, editor):
    assert sign_in(client, editor.username).status_code == 302
    assert TRUSTED_COOKIE in client.cookies
    client.post("/admin/logout/")
    spray(type(client)(), editor.username, 6)
    response = sign_in(client, editor.username)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    # And that whole sign-in cleared the count.
    assert AccountFailures.objects.get(user=editor).failures == 0
    assert sign_in(type(client)(), editor.username, PASSWORD, "192.0.2.78").status_code == 302


def test_a_cookie_for_another_account_or_a_forged_one_does_not_help(client, editor):
    colleague = factories.make_user("editor-colleague", group="Editors")
    assert sign_in(client, colleague.username).status_code == 302
    client.post("/admin/logout/")
    spray(type(client)(), editor.username, 6)
    assert sign_in(client, editor.username).status_code == 200
    client.cookies[TRUSTED_COOKIE] = "forged"
    assert sign_in(client, editor.username).status_code == 200


def test_a_password_alone_does_not_clear_the_count_of_someone_who_needs_a_code(client):
    desk = factories.make_user("desk-guarded", group="Front desk")
    TOTPDevice.objects.create(user=desk, name="Phone")
    spray(client, desk.username, 3)
    assert sign_in(client, desk.username).status_code == 302
    assert AccountFailures.objects.get(user=desk).failures == 12
    assert TRUSTED_COOKIE not in client.cookies


def test_a_manager_clears_the_guard(client, editor):
    spray(client, editor.username, 6)
    assert sign_in(type(client)(), editor.username, PASSWORD, "192.0.2.79").status_code == 200
    manager = factories.make_user("guard-manager", group="Front desk managers")
    manager_client = type(client)()
    factories.sign_in(manager_client, manager)
    assert "paused on new browsers" in manager_client.get(reverse("staff_manage")).content.decode()
    manager_client.post(reverse("staff_unlock", args=[editor.pk]))
    assert sign_in(type(client)(), editor.username, PASSWORD, "192.0.2.79").status_code == 302


def test_unknown_usernames_leave_no_record(client):
    spray(client, "nobody-here", 2)
    assert not AccountFailures.objects.exists()
