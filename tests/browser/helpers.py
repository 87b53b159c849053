"""What several browser tests share: the browser's settings, viewports, demo logins and the steps a
person takes (signing in, sending the consultation form)."""

import base64
import os
import re
import time
from pathlib import Path

from django_otp.oath import TOTP

from demo.accounts import DEMO_TOTP_SECRETS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

#: The form throws away posts sent sooner than this after it was served (BOOKING_MIN_FILL_SECONDS).
MIN_FILL_SECONDS = 3

DEMO_LOGINS = {
    "admin": "clinic-admin-demo",
    "editor": "clinic-editor-demo",
    "reviewer": "clinic-reviewer-demo",
    "frontdesk": "clinic-frontdesk-demo",
}


#: The last time step whose code each account used: a code works once, so the next sign-in takes the
#: next step's code (the site accepts one step ahead) or waits for a new one.
USED_STEPS = {}


def authenticator_code(secret, username):
    """The code the person's authenticator app shows, never one this account has already used."""
    totp = TOTP(base64.b32decode(secret))
    step = max(totp.t(), USED_STEPS.get(username, -1) + 1)
    while step > totp.t() + 1:
        time.sleep(1)
        totp = TOTP(base64.b32decode(secret))
    USED_STEPS[username] = step
    totp.time = step * 30 + 1
    return f"{totp.token():06d}"


def pass_second_factor(page, username, secret=None):
    """On the "Confirm it is you" page: type the code from the demo login's authenticator app."""
    code = authenticator_code(secret or DEMO_TOTP_SECRETS[username], username)
    page.get_by_role("textbox", name=re.compile("^Code")).fill(code)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()


def log_in(page, username, next_path="/admin/", password=None):
    """Sign in to the Wagtail admin with a demo login, the way a person does (with the second factor
    from the demo authenticator app where the role needs one)."""
    page.goto(f"/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password or DEMO_LOGINS[username])
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_load_state()
    if "/admin/two-factor/verify/" in page.url and username in DEMO_TOTP_SECRETS:
        pass_second_factor(page, username)
    assert "/admin/login/" not in page.url, f"{username} could not sign in"
    assert "/admin/two-factor/" not in page.url, f"{username} did not pass the second factor"


def wait_for_min_fill_time(loaded_at):
    """Sleep until the form has been open for longer than the anti-bot minimum fill time."""
    remaining = MIN_FILL_SECONDS + 0.5 - (time.monotonic() - loaded_at)
    if remaining > 0:
        time.sleep(remaining)


def submit_consultation_request(page, name, email, *, condition="neck-pain", urgent=False):
    """A patient sends the form (quickly, but not faster than the anti-bot minimum fill time)."""
    page.goto(f"/consultation/?condition={condition}")
    loaded_at = time.monotonic()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email address").fill(email)
    page.get_by_role("group", name="How should we contact you?").get_by_label("Email").check()
    page.get_by_role("group", name="Have you been to the clinic before?").get_by_label("New patient").check()
    answer = "Yes" if urgent else "No"
    page.get_by_role("group", name="Do any of these apply to you now?").get_by_label(answer).check()
    page.get_by_label(re.compile("I agree that the clinic may keep these details")).check()
    wait_for_min_fill_time(loaded_at)
    page.get_by_role("button", name="Send my request").click()
    if urgent:
        page.get_by_role("button", name=re.compile("send my request anyway")).click()
    page.wait_for_url("**/consultation/thank-you/")
