"""Staff second factor in Chromium: a new front-desk member adds a passkey (Chromium's virtual
authenticator, through the DevTools protocol) right after their password and signs in with it; another
adds an authenticator app from its QR code's key; a manager resets a lost one. No Content-Security-
Policy violation on the way, and screenshots of each page at phone and desktop widths."""

import base64
import re

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser.helpers import DESKTOP, PHONE, log_in

PASSWORD = "desk-passkey-password-1"


def make_front_desk_member(site, username):
    site.query(
        "from django.contrib.auth.models import Group, User\n"
        f"user = User.objects.create_user({username!r}, {username + '@example.com'!r}, {PASSWORD!r})\n"
        "user.groups.add(Group.objects.get(name='Front desk'))"
    )


def watch_policy(page):
    """Console messages about blocked resources (CSP), collected for the test to check."""
    blocked = []
    page.on(
        "console",
        lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return blocked


def password_step(page, origin, username):
    page.goto(f"{origin}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_load_state()


def both_widths(page, shot, step):
    for name, device in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(device["viewport"])
        shot(page, f"{step} {name}")
    page.set_viewport_size(DESKTOP["viewport"])


def test_a_passkey_added_after_the_password_then_used_to_sign_in(new_context, server, site, site_db, shot):
    origin = f"http://localhost:{server.port}"
    make_front_desk_member(site, "desk-passkey")
    context = new_context(DESKTOP)
    page = context.new_page()
    blocked = watch_policy(page)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    password_step(page, origin, "desk-passkey")
    assert "/admin/two-factor/enrol/" in page.url
    both_widths(page, shot, "enrolment")
    page.get_by_role("button", name="Add a passkey").click()
    page.wait_for_url(re.compile(r".*/admin/two-factor/recovery-codes/.*"))
    codes = page.locator(".staff-codes code").all_inner_texts()
    assert len(codes) == 10
    both_widths(page, shot, "recovery codes")
    page.get_by_role("link", name=re.compile("I have saved them")).click()
    page.wait_for_url(f"{origin}/admin/")
    [credential] = site_db(
        "SELECT c.id FROM django_otp_webauthn_webauthncredential c JOIN auth_user u ON u.id = c.user_id "
        "WHERE u.username = 'desk-passkey' AND c.confirmed"
    )
    assert credential

    context.clear_cookies()  # a new session, as after signing out
    password_step(page, origin, "desk-passkey")
    assert "/admin/two-factor/verify/" in page.url
    both_widths(page, shot, "verification")
    page.get_by_role("button", name="Use my passkey").click()
    page.wait_for_url(f"{origin}/admin/")
    assert page.get_by_role("heading", level=1).count() >= 1
    assert blocked == []
    [entry] = site_db(
        "SELECT action FROM wagtailcore_modellogentry WHERE action = 'staff.second_factor.added' "
        "AND object_id = (SELECT id FROM auth_user WHERE username = 'desk-passkey')"
    )
    assert entry


def test_an_authenticator_app_from_the_key_on_the_page(new_context, server, site, shot):
    make_front_desk_member(site, "desk-app")
    page = new_context(DESKTOP).new_page()
    blocked = watch_policy(page)
    password_step(page, server.url, "desk-app")
    assert "/admin/two-factor/enrol/" in page.url
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    key = page.locator(".staff-secret").inner_text().replace(" ", "")
    code = f"{TOTP(base64.b32decode(key + '=' * (-len(key) % 8))).token():06d}"
    page.get_by_role("textbox", name=re.compile("^Code")).fill("123456" if code != "123456" else "654321")
    page.get_by_role("button", name=re.compile("Check the code")).click()
    page.locator(".messages").get_by_text("That code did not match").wait_for()
    page.get_by_role("textbox", name=re.compile("^Code")).fill(code)
    page.get_by_role("button", name=re.compile("Check the code")).click()
    page.wait_for_url(re.compile(r".*/admin/two-factor/recovery-codes/.*"))
    page.get_by_role("link", name=re.compile("I have saved them")).click()
    page.wait_for_url(f"{server.url}/admin/")
    assert blocked == []


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_manager_page_and_a_reset(new_context, server, site, device, shot):
    username = f"desk-lost-{device['viewport']['width']}"
    make_front_desk_member(site, username)
    site.query(
        "from django.contrib.auth.models import User\n"
        "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
        f"TOTPDevice.objects.create(user=User.objects.get(username={username!r}), name='Lost phone')"
    )
    page = new_context(device).new_page()
    blocked = watch_policy(page)
    log_in(page, "admin", next_path="/admin/staff-sign-in/")
    expect(page.get_by_role("heading", name="Staff sign-in")).to_be_visible()
    shot(page, "manager page")
    page.get_by_role("link", name=f"Reset second factor of {username}").click()
    shot(page, "confirm reset")
    page.get_by_role("button", name="Yes, reset their second factor").click()
    expect(page.get_by_text(f"Removed {username}’s second factors")).to_be_visible()
    assert blocked == []
