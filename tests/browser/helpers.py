"""What several browser tests share: the browser's settings, viewports, demo logins and the steps a
person takes (signing in, sending the consultation form)."""

import os
import re
import time
from pathlib import Path

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


def log_in(page, username, next_path="/admin/"):
    """Sign in to the Wagtail admin with a demo login, the way a person does."""
    page.goto(f"/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_LOGINS[username])
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_load_state()
    assert "/admin/login/" not in page.url, f"{username} could not sign in"


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
