"""Staff second factor: enrolment after the password, codes from an authenticator app (computed here
from the device's secret), recovery codes, wrong-code lockout and a manager's unlock and reset."""

import base64
import re
import time

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from staff.models import RecoveryCodes, digest
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
ADDRESS = "203.0.113.10"
HTML = {"HTTP_ACCEPT": "text/html,application/xhtml+xml", "REMOTE_ADDR": ADDRESS}


def code_for(device, at=None, steps_ago=0):
    """The code the person's authenticator app shows (now, or ``steps_ago`` 30-second steps ago)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = (at or time.time()) - steps_ago * device.step
    return f"{totp.token():06d}"


def password(client, username, next_url="/admin/"):
    return client.post(
        "/admin/login/", {"username": username, "password": PASSWORD, "next": next_url}, **HTML
    )


def enter_code(client, code, next_url="/admin/"):
    return client.post(reverse("staff_verify"), {"otp_token": code, "next": next_url}, **HTML)


def enrol_app(client, user):
    """Enrol an authenticator app the way a person does: open the page, read the key, type a code."""
    page = client.get(reverse("staff_enrol"), **HTML)
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code, drawn by us
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'class="staff-secret">([A-Z2-7 ]+)<', page.content.decode()).group(1)
    typed = secret.replace(" ", "")
    assert base64.b32decode(typed + "=" * (-len(typed) % 8)) == device.bin_key
    response = client.post(reverse("staff_enrol"), {"otp_token": code_for(device)}, **HTML)
    device.refresh_from_db()
    return response, device


@pytest.fixture
def front_desk_user():
    return factories.make_user("desk-totp", group="Front desk")


def test_a_required_user_without_a_device_is_sent_to_enrolment_right_after_the_password(
    client, front_desk_user
):
    response = password(client, front_desk_user.username, "/admin/consultation-requests/")
    assert response.status_code == 302
    landing = client.get(response["Location"], **HTML)
    assert landing.status_code == 302
    assert landing["Location"].startswith(reverse("staff_enrol") + "?next=")
    assert "consultation-requests" in landing["Location"]


def test_totp_enrolment_then_sign_in_with_a_code_computed_here(client, front_desk_user):
    password(client, front_desk_user.username)
    response, device = enrol_app(client, front_desk_user)
    assert device.confirmed
    assert response["Location"].startswith(reverse("staff_recovery_codes"))
    codes_page = client.get(response["Location"], **HTML)
    codes = re.findall(r"<code>([a-z0-9-]{19})</code>", codes_page.content.decode())
    assert len(codes) == 10
    # Shown once: the page has nothing to show the second time.
    assert client.get(response["Location"], **HTML).status_code == 302
    # Stored as digests only.
    stored = RecoveryCodes.objects.get(user=front_desk_user)
    assert set(stored.code_digests) == {digest(code) for code in codes}
    assert not any(code in str(stored.code_digests) for code in codes)
    assert client.get("/admin/", **HTML).status_code == 200
    entry = ModelLogEntry.objects.get(action="staff.second_factor.added")
    assert entry.object_id == str(front_desk_user.pk) and entry.user_id == front_desk_user.pk

    client.post("/admin/logout/")
    password(client, front_desk_user.username)
    assert client.get("/admin/", **HTML)["Location"].startswith(reverse("staff_verify"))
    # The code the enrolment used is spent: the next one (30 seconds on) is taken.
    assert enter_code(client, code_for(device)).status_code == 200
    response = enter_code(client, code_for(device, at=time.time() + device.step))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/", **HTML).status_code == 200


def test_a_reused_or_stale_code_is_refused(client, front_desk_user):
    device = TOTPDevice.objects.create(user=front_desk_user, name="Phone")
    password(client, front_desk_user.username)
    stale = enter_code(client, code_for(device, steps_ago=3))
    assert stale.status_code == 200 and "did not work" in stale.content.decode()
    now = code_for(device)
    assert enter_code(client, now).status_code == 302
    client.post("/admin/logout/")
    password(client, front_desk_user.username)
    reused = enter_code(client, now)
    assert reused.status_code == 200 and "did not work" in reused.content.decode()
    assert client.get("/admin/", **HTML).status_code == 302


def test_a_recovery_code_works_once_never_twice(client, front_desk_user):
    TOTPDevice.objects.create(user=front_desk_user, name="Phone")
    codes = RecoveryCodes.replace_for(front_desk_user)
    password(client, front_desk_user.username)
    response = enter_code(client, codes[0].upper().replace("-", " "))
    assert response.status_code == 302
    assert "9 left" in client.get("/admin/", follow=True, **HTML).content.decode()
    client.post("/admin/logout/")
    password(client, front_desk_user.username)
    again = enter_code(client, codes[0])
    assert again.status_code == 200 and "did not work" in again.content.decode()
    assert enter_code(client, codes[1]).status_code == 302


def test_before_the_second_factor_scripts_and_posts_get_403_and_nothing_else(client, front_desk_user):
    TOTPDevice.objects.create(user=front_desk_user, name="Phone")
    factories.make_request()
    password(client, front_desk_user.username)
    json_request = client.get(
        "/admin/consultation-requests/results/?q=Harriet", HTTP_ACCEPT="application/json"
    )
    assert json_request.status_code == 403
    assert factories.PATIENT_NAME.encode() not in json_request.content
    fetch = client.get("/admin/consultation-requests/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert fetch.status_code == 403
    post = client.post("/admin/consultation-requests/", {"q": "x"})
    assert post.status_code == 403


def test_optional_roles_need_nothing_until_they_add_a_factor(client):
    editor = factories.make_user("editor-optional", group="Editors")
    password(client, editor.username)
    assert client.get("/admin/", **HTML).status_code == 200
    response, device = enrol_app(client, editor)
    assert device.confirmed
    client.post("/admin/logout/")
    password(client, editor.username)
    assert client.get("/admin/", **HTML)["Location"].startswith(reverse("staff_verify"))


def test_everyone_can_be_required_by_a_setting(client, settings):
    settings.STAFF_TWO_FACTOR_FOR_EVERYONE = True
    editor = factories.make_user("editor-required", group="Editors")
    password(client, editor.username)
    assert client.get("/admin/", **HTML)["Location"].startswith(reverse("staff_enrol"))


def test_the_last_factor_of_a_required_role_cannot_be_removed(client, front_desk_user):
    device = TOTPDevice.objects.create(user=front_desk_user, name="Phone")
    factories.sign_in(client, front_desk_user)
    response = client.post(reverse("staff_two_factor"), {"remove": device.persistent_id}, follow=True)
    assert "cannot be removed" in response.content.decode()
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_removing_a_factor_is_audited(client):
    editor = factories.make_user("editor-removes", group="Editors")
    device = TOTPDevice.objects.create(user=editor, name="Old phone")
    factories.sign_in(client, editor)
    client.post(reverse("staff_two_factor"), {"remove": device.persistent_id})
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert ModelLogEntry.objects.filter(
        action="staff.second_factor.removed", object_id=str(editor.pk)
    ).exists()


# Wrong codes are throttled with wrong passwords --------------------------------------------------


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


def test_the_fifth_wrong_code_locks_and_a_manager_unlocks(client, front_desk_user, axes_on):
    device = TOTPDevice.objects.create(user=front_desk_user, name="Phone")
    assert password(client, front_desk_user.username).status_code == 302
    statuses = [enter_code(client, "000000").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert "_auth_user_id" not in client.session  # signed out
    # Locked: even the right password and code are refused from this address.
    assert password(client, front_desk_user.username).status_code == 429

    manager = factories.make_user("desk-manager", group="Front desk managers")
    manager_client = type(client)()
    factories.sign_in(manager_client, manager)
    listing = manager_client.get(reverse("staff_manage"))
    assert "locked out after failed sign-ins" in listing.content.decode()
    assert manager_client.post(reverse("staff_unlock", args=[front_desk_user.pk])).status_code == 302
    assert ModelLogEntry.objects.filter(action="staff.sign_in.unlocked", user=manager).exists()

    assert password(client, front_desk_user.username).status_code == 302
    assert enter_code(client, code_for(device)).status_code == 302


def test_a_password_alone_does_not_clear_wrong_codes(client, front_desk_user, axes_on):
    """Otherwise someone with the password could sign in again before each fifth guess."""
    TOTPDevice.objects.create(user=front_desk_user, name="Phone")
    for _ in range(2):
        password(client, front_desk_user.username)
        enter_code(client, "111111")
        enter_code(client, "222222")
    password(client, front_desk_user.username)
    assert enter_code(client, "333333").status_code == 429


def test_a_manager_resets_a_lost_second_factor_and_it_is_audited(client, front_desk_user):
    TOTPDevice.objects.create(user=front_desk_user, name="Lost phone")
    RecoveryCodes.replace_for(front_desk_user)
    manager = factories.make_user("desk-manager-2", group="Front desk managers")
    factories.sign_in(client, manager)
    assert client.get(reverse("staff_reset", args=[front_desk_user.pk])).status_code == 200
    client.post(reverse("staff_reset", args=[front_desk_user.pk]))
    assert not TOTPDevice.objects.filter(user=front_desk_user).exists()
    assert not RecoveryCodes.objects.filter(user=front_desk_user).exists()
    entry = ModelLogEntry.objects.get(action="staff.second_factor.reset")
    assert entry.user_id == manager.pk and entry.object_id == str(front_desk_user.pk)

    owner = type(client)()
    password(owner, front_desk_user.username)
    assert owner.get("/admin/", **HTML)["Location"].startswith(reverse("staff_enrol"))


def test_a_manager_cannot_reset_a_superuser_nor_can_others_reach_the_page(client):
    boss = factories.make_user("the-boss", superuser=True)
    TOTPDevice.objects.create(user=boss, name="Phone")
    factories.sign_in(client, factories.make_user("desk-manager-3", group="Front desk managers"))
    client.post(reverse("staff_reset", args=[boss.pk]))
    assert TOTPDevice.objects.filter(user=boss).exists()
    for group in ("Front desk", "Editors", "Clinical reviewers"):
        other = type(client)()
        factories.sign_in(other, factories.make_user(f"not-a-manager-{group[:4]}", group=group))
        assert other.get(reverse("staff_manage"))["Location"] == reverse("wagtailadmin_home")
        other.post(reverse("staff_reset", args=[boss.pk]))
    assert TOTPDevice.objects.filter(user=boss).exists()
    assert Group.objects.get(name="Front desk managers").permissions.filter(codename="manage_staff_sign_in")
