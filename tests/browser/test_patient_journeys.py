"""A patient on a phone: from the home page to a consultation request, the way they would do it.

Also the red-flag path (the "see a physician now" stop before anything is sent), and the whole form
done with the keyboard alone, checking that focus moves in reading order and can always be seen.
"""

import re
import time
import uuid

from playwright.sync_api import expect

from tests.browser.helpers import wait_for_min_fill_time

NAME_FIELD = "Your name"


def field_container(page, field_id):
    """The .form-field block that holds the input (or the radio group) with this id."""
    return page.locator(f".form-field:has(#{field_id})")


def requests_named(site_db, name):
    return site_db(
        "SELECT r.id, r.condition_label, r.source_title, r.is_urgent, r.red_flags_reported, r.email, r.phone,"
        " r.preferred_times, r.status, p.url_path AS source_path"
        " FROM booking_consultationrequest r LEFT JOIN wagtailcore_page p ON p.id = r.source_page_id"
        " WHERE r.name = ?",
        name,
    )


def fill_contact_and_visit(page, *, name, email, phone=""):
    page.get_by_label(NAME_FIELD).fill(name)
    page.get_by_label("Email address").fill(email)
    if phone:
        page.get_by_label("Phone number").fill(phone)
    page.get_by_role("group", name="How should we contact you?").get_by_label("Email").check()
    page.get_by_role("group", name="Have you been to the clinic before?").get_by_label("New patient").check()
    page.get_by_role("group", name=re.compile("When suits you")).get_by_label("Weekday evenings").check()


def test_patient_from_home_to_thank_you_on_a_phone(phone_page, shot, site_db):
    page = phone_page
    page.goto("/")
    shot(page, "home")

    page.get_by_role("link", name="Neck pain", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neck pain")
    shot(page, "condition page")

    articles = page.locator("section[aria-labelledby='condition-articles']")
    article_link = articles.get_by_role("link").first
    article_title = article_link.inner_text().strip()
    article_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article_title)
    article_path = page.url.split("127.0.0.1", 1)[1].split("/", 1)[1]
    shot(page, "article")

    # The article's own call to action, at its end; it carries the article's main condition.
    page.locator("section.cta").last.get_by_role("link", name="Request a consultation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Request a consultation")
    loaded_at = time.monotonic()
    condition = page.get_by_label("What would you like help with?")
    chosen = condition.locator("option:checked").inner_text().strip()
    assert chosen and chosen != "Choose one"
    shot(page, "form with the condition chosen")

    # A mistake: an email address without its domain, and the consent box left clear.
    name = f"Ana Lucía Phone-Journey {uuid.uuid4().hex[:6]}"
    fill_contact_and_visit(page, name=name, email="ana.lucia@")
    page.get_by_label("Tell us about your symptoms").fill("Stiff neck for three weeks; worse at the desk.")
    page.get_by_role("group", name="Do any of these apply to you now?").get_by_label("No").check()
    shot(page, "filled in with a mistake")
    page.get_by_role("button", name="Send my request").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: "))
    email_error = field_container(page, "id_email").locator(".field-error")
    expect(email_error).to_contain_text("Enter a valid email address")
    expect(page.get_by_label("Email address")).to_have_attribute("aria-invalid", "true")
    consent_error = field_container(page, "id_consent").locator(".field-error")
    expect(consent_error).to_contain_text("Tick the box to agree")
    # The summary links go to the fields, and everything typed is still there.
    expect(summary.get_by_role("link", name=re.compile("valid email"))).to_have_attribute("href", "#id_email")
    expect(page.get_by_label(NAME_FIELD)).to_have_value(name)
    expect(page.get_by_label("Tell us about your symptoms")).to_have_value(re.compile("Stiff neck"))
    expect(condition.locator("option:checked")).to_have_text(chosen)
    shot(page, "error shown")

    summary.get_by_role("link", name=re.compile("valid email")).click()
    expect(page.get_by_label("Email address")).to_be_focused()
    page.get_by_label("Email address").fill("ana.lucia@example.org")
    page.get_by_label(re.compile("I agree that the clinic may keep these details")).check()
    shot(page, "fixed")
    wait_for_min_fill_time(loaded_at)
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your request")
    assert page.url.endswith("/consultation/thank-you/")
    shot(page, "thank you")

    [stored] = requests_named(site_db, name)
    assert stored["condition_label"] == chosen
    expect(page.locator("main")).to_contain_text(f"Your reference: CR-{stored['id']:05d}")
    assert stored["source_title"] == article_title
    assert stored["source_path"].endswith("/" + article_path)
    assert stored["email"] == "ana.lucia@example.org"
    assert not stored["is_urgent"]
    assert stored["status"] == "new"
    assert "weekday_evenings" in stored["preferred_times"]


def test_red_flag_answer_shows_the_urgent_care_message_first(phone_page, shot, site_db):
    page = phone_page
    page.goto("/conditions/")
    page.get_by_role("link", name=re.compile("headache", re.I)).first.click()
    condition_title = page.get_by_role("heading", level=1).inner_text().strip()
    page.locator(".page-header").get_by_role("link", name="Request a consultation").click()
    loaded_at = time.monotonic()

    name = f"Red Flag Journey {uuid.uuid4().hex[:6]}"
    fill_contact_and_visit(page, name=name, email="red.flag@example.org")
    page.get_by_role("group", name="Do any of these apply to you now?").get_by_label("Yes").check()
    page.get_by_label(re.compile("I agree that the clinic may keep these details")).check()
    wait_for_min_fill_time(loaded_at)
    page.get_by_role("button", name="Send my request").click()

    # Before anything is sent: the urgent-care message, first on the page and focused.
    alert = page.locator("#red-flag-alert")
    expect(alert).to_be_visible()
    expect(alert).to_be_focused()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Please see a physician or call 911 now")
    )
    expect(alert.get_by_role("link", name="Call 911")).to_have_attribute("href", "tel:911")
    shot(page, "urgent care message")
    assert requests_named(site_db, name) == []

    alert.get_by_role("button", name=re.compile("send my request anyway")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your request")
    shot(page, "thank you")

    [stored] = requests_named(site_db, name)
    assert stored["is_urgent"] and stored["red_flags_reported"]
    assert stored["condition_label"] == condition_title
    assert stored["source_title"] == condition_title


FOCUS_STYLE = """el => {
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), type: el.type || "", id: el.id, name: el.name || "",
    text: (el.innerText || el.value || "").trim().slice(0, 40),
    focusVisible: el.matches(":focus-visible"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
    top: rect.top + window.scrollY, left: rect.left + window.scrollX,
    inForm: !!el.closest("#consultation-form"),
  };
}"""


def focused(page):
    return page.evaluate(f"({FOCUS_STYLE})(document.activeElement)")


def test_the_whole_form_with_the_keyboard_only(phone_page, shot, site_db):
    page = phone_page
    page.goto("/consultation/?condition=migraine")
    loaded_at = time.monotonic()
    name = f"Keyboard Only {uuid.uuid4().hex[:6]}"

    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Skip to main content" and first["focusVisible"] and first["outline"]
    shot(page, "skip link")

    # Walk the form with Tab, answering each control as it comes, until the send button.
    answers = {
        "id_name": lambda: page.keyboard.type(name),
        "id_email": lambda: page.keyboard.type("keyboard.only@example.org"),
        "id_phone": lambda: page.keyboard.type("(415) 555-0199"),
        "id_symptoms": lambda: page.keyboard.type("Headaches that start at the base of my skull."),
    }
    radios_to_choose = {"preferred_contact": "email", "patient_type": "returning", "red_flags": "no"}
    order = []
    for _ in range(60):
        page.keyboard.press("Tab")
        element = focused(page)
        if not element["inForm"]:
            continue
        assert element["focusVisible"], f"focus not shown on {element}"
        assert element["outline"] or element["shadow"], f"no visible focus style on {element}"
        order.append(element)
        if element["id"] in answers:
            answers[element["id"]]()
        elif element["type"] == "radio":
            # A radio group is one Tab stop; arrow keys move within it, Space chooses.
            wanted = radios_to_choose[element["name"]]
            for _ in range(5):
                if page.evaluate("document.activeElement.value") == wanted:
                    break
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
        elif element["type"] == "checkbox" and element["name"] in {"preferred_times", "consent"}:
            if element["name"] == "consent" or element["id"] == "id_preferred_times_3":
                page.keyboard.press("Space")
        elif element["tag"] == "button":
            break
    shot(page, "filled in with the keyboard")

    ids = [element["id"] or element["text"] for element in order]
    assert ids[:3] == ["id_name", "id_email", "id_phone"], ids
    assert ids[-1] == "Send my request", ids
    for expected in ["id_condition", "id_practitioner", "id_treatment", "id_symptoms", "id_consent"]:
        assert expected in ids, (expected, ids)
    # Focus order follows the visual order: each control is below the one before it, or on the same
    # line and to its right.
    for before, after in zip(order, order[1:], strict=False):
        same_line = abs(after["top"] - before["top"]) <= 4
        assert (same_line and after["left"] > before["left"]) or after["top"] > before["top"] + 4, (
            before,
            after,
        )

    expect(page.get_by_label("What would you like help with?").locator("option:checked")).to_have_text(
        "Migraine"
    )
    wait_for_min_fill_time(loaded_at)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your request")
    shot(page, "thank you")

    [stored] = requests_named(site_db, name)
    assert stored["condition_label"] == "Migraine"
    assert stored["phone"] == "+14155550199"
    assert stored["preferred_times"] == '["saturdays"]'
    assert not stored["is_urgent"]
