"""After booking: a patient on a phone books a time, opens the manage link from the confirmation mail,
moves the appointment, then cancels it from the fresh link the move mailed (an altered link opens
nothing). The mails are really sent: the site's own task worker (``db_worker --batch``) delivers them
to a mail server this test runs. axe checks every page; screenshots of each step go to
test-artifacts/screenshots/."""

import re
import time

import icalendar
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.helpers import wait_for_min_fill_time
from tests.servers import Mailbox, SMTPServer, free_port, wait_until

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MANAGE_PATH = re.compile(r"https?://[^\s/]+(/book/manage/[A-Za-z0-9_-]{40,}/)")
axe = Axe()


def no_violations(page, label):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, f"{label} ({page.url}):\n{results.generate_report()}"


class Mail:
    """A mail server for this test and the site's worker, run once per step to deliver what is queued."""

    def __init__(self, site):
        self.site = site
        self.mailbox = Mailbox()
        self.port = free_port()
        self.server = SMTPServer(self.port, self.mailbox)

    def deliver(self, address, count):
        """Run the worker until ``address`` has ``count`` mails; returns the newest."""
        env = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.port),
        }

        def delivered():
            self.site.manage("db_worker", "--batch", env=env)
            return len(self.mailbox.to(address)) >= count

        wait_until(delivered, timeout=60, interval=0.5, message=f"{count} mails to {address}")
        return self.mailbox.to(address)[-1]


def body_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def calendar_in(message):
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return icalendar.Calendar.from_ical(part.get_content())
    raise AssertionError(f"no calendar file in {message['Subject']!r}")


def test_a_patient_books_then_moves_and_cancels_from_the_links_in_the_mails(phone_page, shot, site, site_db):
    mail = Mail(site)
    mail.server.start()
    try:
        run_journey(phone_page, shot, site_db, mail)
    finally:
        mail.server.stop()


def run_journey(page, shot, site_db, mail):
    stamp = int(time.time())
    name, email = f"Manage Patient {stamp}", f"manage.patient.{stamp}@example.org"

    # Book a time two weeks on, well outside the notice window.
    page.goto("/conditions/neck-pain/")
    page.get_by_role("link", name="Book a time").first.click()
    page.get_by_role("button", name="Show free times").click()
    for _ in range(2):
        page.get_by_role("link", name=re.compile("Later week")).first.click()
    page.locator(".book-day .slots a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your details")
    loaded_at = time.monotonic()
    page.get_by_label(re.compile("^Your name")).fill(name)
    page.get_by_label(re.compile("^Email")).first.fill(email)
    page.get_by_role("radio", name="Email").check()
    page.get_by_role("radio", name="No").check()
    page.get_by_label(re.compile("I agree that the clinic may keep these details")).check()
    wait_for_min_fill_time(loaded_at)
    page.get_by_role("button", name="Book this time").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are booked")
    reference = page.locator(".book-summary dd strong").inner_text()
    booked = site_db("SELECT start, uid FROM booking_appointment WHERE reference = ?", reference)[0]

    # The confirmation mail carries the manage link, and nothing of the patient's in it.
    confirmation = mail.deliver(email, 1)
    first_link = MANAGE_PATH.search(body_of(confirmation)).group(1)
    assert name.split()[-1] not in first_link and "neck" not in first_link.lower()
    first_ics = calendar_in(confirmation)
    event = first_ics.walk("VEVENT")[0]
    assert event.get("SEQUENCE", 0) == 0 and event.walk("VALARM"), "a confirmation carries an alarm"

    page.goto(first_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your appointment")
    expect(page.get_by_text(reference)).to_be_visible()
    no_violations(page, "manage page")
    shot(page, "manage page from the confirmation mail")

    # Move it to the last time the move page offers.
    page.get_by_role("link", name="Choose another time").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Move your appointment")
    no_violations(page, "move page")
    shot(page, "move page")
    page.locator("input[name=slot]").last.check()
    page.get_by_role("button", name="Move to this time").click()
    expect(page.get_by_role("status")).to_contain_text("Moved")
    no_violations(page, "moved")
    shot(page, "moved")
    moved = site_db("SELECT start, uid, sequence FROM booking_appointment WHERE reference = ?", reference)[0]
    assert moved["start"] != booked["start"] and moved["uid"] == booked["uid"] and moved["sequence"] >= 1

    # The move mails the new time, the same UID with a higher SEQUENCE, and a fresh link. The link the
    # patient moved it with still opens it; an altered one opens nothing.
    change = mail.deliver(email, 2)
    second_link = MANAGE_PATH.search(body_of(change)).group(1)
    assert second_link != first_link
    changed = calendar_in(change).walk("VEVENT")[0]
    assert str(changed["UID"]) == str(event["UID"]) and changed["SEQUENCE"] > event.get("SEQUENCE", 0)
    page.goto(first_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your appointment")
    page.goto(first_link[:-3] + ("A/" if first_link[-2] != "A" else "B/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("This link is not valid")
    no_violations(page, "altered link")
    shot(page, "an altered link")

    # Cancel from the fresh link.
    page.goto(second_link)
    page.get_by_label("Why (optional)").select_option(index=1)
    page.get_by_role("button", name="Cancel this appointment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This appointment is cancelled")
    no_violations(page, "cancelled")
    shot(page, "cancelled")
    assert site_db("SELECT status FROM booking_appointment WHERE reference = ?", reference) == [
        {"status": "cancelled"}
    ]
    cancellation = calendar_in(mail.deliver(email, 3))
    assert str(cancellation["METHOD"]) == "CANCEL"
    assert str(cancellation.walk("VEVENT")[0]["UID"]) == str(event["UID"])
    wait_until(
        lambda: page.goto(second_link).status == 200, timeout=5, message="the cancelled page still opens"
    )
    expect(page.get_by_role("button", name="Cancel this appointment")).to_have_count(0)
