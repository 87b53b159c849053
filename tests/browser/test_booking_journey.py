"""A patient on a phone books a time from a condition page with the keyboard alone, and the front desk
finds it in the calendar. axe checks every step; screenshots of each step at 390 and 1280 pixels go to
test-artifacts/screenshots/."""

import re
import time

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.helpers import DESKTOP, PHONE, log_in, wait_for_min_fill_time

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NARROW = {**PHONE, "viewport": {"width": 320, "height": 700}}
axe = Axe()


def no_violations(page, label):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, f"{label} ({page.url}):\n{results.generate_report()}"


FOCUSED_TEXT = """() => {
    const e = document.activeElement;
    const label = e.labels && e.labels[0] ? e.labels[0].innerText : "";
    return (label || e.innerText || e.getAttribute("aria-label") || "").trim();
}"""


def focused_text(page):
    """The focused element's label (a form field) or text (a link or button)."""
    return page.evaluate(FOCUSED_TEXT)


def tab_to(page, pattern, limit=400):
    """Press Tab until the focused element's text matches; fail if it never does."""
    wanted = re.compile(pattern)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if wanted.search(focused_text(page)):
            return
    raise AssertionError(f"Tab never reached {pattern!r}")


def also_on(new_context, shot, url, step, devices=(("desktop", DESKTOP), ("320 px", NARROW))):
    """The same page at 1280 and 320 pixels wide: a screenshot each, and nothing in the page's main
    content wider than the screen (the site's footer is the design's, issue 12)."""
    for name, device in devices:
        other = new_context(device).new_page()
        other.goto(url)
        shot(other, f"{step} ({name})")
        width = other.evaluate("() => document.querySelector('main').scrollWidth")
        assert width <= device["viewport"]["width"], f"{step} scrolls sideways at {name}: {width}px"
        other.close()


def test_a_patient_books_from_a_condition_page_with_the_keyboard_and_the_desk_sees_it(
    phone_page, new_context, shot, site_db
):
    page = phone_page
    name = f"Keyboard Patient {int(time.time())}"
    page.goto("/conditions/neck-pain/")
    tab_to(page, r"^Book a time$")
    shot(page, "condition page, Book a time focused")
    page.keyboard.press("Enter")

    # Step 1: the first visit and "first available" come chosen.
    expect(page.get_by_role("heading", level=1)).to_have_text("Book a time")
    expect(page.get_by_label(re.compile("New-patient consultation"))).to_be_checked()
    expect(page.get_by_label(re.compile("First available"))).to_be_checked()
    no_violations(page, "step 1")
    shot(page, "step 1 visit")
    also_on(new_context, shot, page.url, "step 1 visit")
    tab_to(page, r"^Show free times$")
    page.keyboard.press("Enter")

    # Step 2: the next free times, then the week.
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a time")
    no_violations(page, "step 2")
    shot(page, "step 2 times")
    also_on(new_context, shot, page.url, "step 2 times")
    tab_to(page, r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), ")
    chosen = focused_text(page)
    page.keyboard.press("Enter")

    # Step 3: details, typed and ticked from the keyboard.
    expect(page.get_by_role("heading", level=1)).to_have_text("Your details")
    loaded_at = time.monotonic()
    no_violations(page, "step 3")
    also_on(new_context, shot, page.url, "step 3 details")
    tab_to(page, r"^Your name")
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.type("keyboard.patient@example.org")
    tab_to(page, r"^Email$")  # the first way to contact us; Space picks it
    page.keyboard.press("Space")
    tab_to(page, r"^Yes$")  # the red-flag question: the arrow moves the choice to "No"
    page.keyboard.press("ArrowDown")
    tab_to(page, r"I agree that the clinic may keep these details")
    page.keyboard.press("Space")
    shot(page, "step 3 details filled in")
    wait_for_min_fill_time(loaded_at)
    tab_to(page, r"^Book this time$")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("You are booked")
    reference = page.locator(".book-summary dd strong").inner_text()
    assert re.fullmatch(r"AP-[A-Z2-9]{4}-[A-Z2-9]{4}", reference)
    no_violations(page, "confirmation")
    shot(page, "confirmation")
    also_on(new_context, shot, page.url, "confirmation")
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar").click()
    assert download.value.suggested_filename == "appointment.ics"

    row = site_db(
        "SELECT a.start, a.condition_label, s.url_path AS source FROM booking_appointment a"
        " LEFT JOIN wagtailcore_page s ON s.id = a.source_page_id WHERE a.reference = ?",
        reference,
    )[0]
    assert row["condition_label"] == "Neck pain" and row["source"].endswith("/neck-pain/")
    assert chosen.split(", ")[-1].split()[0] in page.locator(".book-summary").inner_text()

    # The front desk finds it in the calendar: the week, then the day.
    desk = new_context(DESKTOP).new_page()
    log_in(desk, "frontdesk")
    desk.goto("/admin/booking/calendar/")
    day = site_db(
        "SELECT date(start, 'localtime') AS day FROM booking_appointment WHERE reference = ?", reference
    )
    desk.goto(f"/admin/booking/calendar/?view=week&date={day[0]['day']}")
    item = desk.locator(".cal__appt", has_text=name)
    expect(item).to_be_visible()
    no_violations(desk, "calendar week")
    shot(desk, "calendar week")
    desk.goto(f"/admin/booking/calendar/?view=day&date={day[0]['day']}")
    expect(desk.locator(".cal__appt", has_text=name)).to_be_visible()
    no_violations(desk, "calendar day")
    shot(desk, "calendar day")
    desk.locator(".cal__appt", has_text=name).get_by_role("link").click()
    expect(desk.get_by_text(reference).first).to_be_visible()
    no_violations(desk, "appointment page")
    shot(desk, "appointment page")
