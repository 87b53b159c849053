"""axe-core (bundled by axe-playwright-python) on every kind of page a patient or the front desk meets.

Zero violations of the WCAG 2.0/2.1 A and AA rules and the WCAG 2.2 AA rules, on a phone and on a
desktop: every public page type of the demo clinic, the 404 page, the consultation form empty, with
errors, at the red-flag stop and after sending (the thank-you page), the 429 page, the 503 page, and
the front desk's list, detail and edit pages.

Each run's results are written to test-artifacts/axe-results.json (page → rules checked, violations).
"""

import json
import re
import time
import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.helpers import DESKTOP, PHONE, ROOT, log_in, wait_for_min_fill_time

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RESULTS = ROOT / "test-artifacts" / "axe-results.json"
DEVICES = {"phone": PHONE, "desktop": DESKTOP}

axe = Axe()


def check(page, label, context=None):
    """Run axe on the page as it is now; fail with a readable report of any violation."""
    results = axe.run(
        page,
        context=context,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    response = results.response
    record = {
        "url": page.url,
        "violations": results.violations_count,
        "rules_passed": len(response["passes"]),
        "rules_incomplete": len(response["incomplete"]),
        "rules_not_applicable": len(response["inapplicable"]),
    }
    recorded = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    recorded[label] = record
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(recorded, indent=2, sort_keys=True))
    assert results.violations_count == 0, f"{label} ({page.url}):\n{results.generate_report()}"
    assert record["rules_passed"] > 10, "axe checked almost nothing: did it run on an empty page?"


@pytest.fixture(scope="module")
def page_types(public_pages):
    pages = public_pages
    expected = {
        "homepage",
        "conditionindexpage",
        "conditionpage",
        "treatmentindexpage",
        "treatmentpage",
        "articleindexpage",
        "articlepage",
        "standardpage",
        "teampage",
    }
    assert expected <= set(pages), pages
    return pages


@pytest.mark.parametrize("device", DEVICES)
def test_every_public_page_type(new_context, page_types, device, shot):
    page = new_context(DEVICES[device]).new_page()
    for model, path in sorted(page_types.items()):
        response = page.goto(path)
        assert response.status == 200, path
        check(page, f"{device}: {model} {path}")
    page.goto("/about/")  # the page that lists the practitioners
    check(page, f"{device}: about page with practitioners")
    assert page.goto("/team/dr-mara-ellison/").status == 200
    check(page, f"{device}: a practitioner's page")
    response = page.goto("/no-such-page/")
    assert response.status == 404
    check(page, f"{device}: 404 page")
    shot(page, "404")


@pytest.mark.parametrize("device", DEVICES)
def test_the_consultation_form_in_each_state(new_context, device, shot):
    page = new_context(DEVICES[device]).new_page()
    page.goto("/consultation/?condition=neck-pain")
    loaded_at = time.monotonic()
    check(page, f"{device}: form, empty")

    page.get_by_role("button", name="Send my request").click()
    expect(page.locator(".error-summary")).to_be_visible()
    check(page, f"{device}: form, with errors")
    shot(page, "errors")

    page.get_by_label("Your name").fill(f"Axe Check {uuid.uuid4().hex[:6]}")
    page.get_by_label("Email address").fill("axe.check@example.org")
    page.get_by_role("group", name="How should we contact you?").get_by_label("Email").check()
    page.get_by_role("group", name="Have you been to the clinic before?").get_by_label("New patient").check()
    page.get_by_role("group", name="Do any of these apply to you now?").get_by_label("Yes").check()
    page.get_by_label(re.compile("I agree that the clinic may keep these details")).check()
    wait_for_min_fill_time(loaded_at)
    page.get_by_role("button", name="Send my request").click()
    expect(page.locator("#red-flag-alert")).to_be_visible()
    check(page, f"{device}: form, red-flag stop")
    shot(page, "red flag")

    page.get_by_role("button", name=re.compile("send my request anyway")).click()
    page.wait_for_url("**/consultation/thank-you/")
    check(page, f"{device}: thank-you page")


def test_the_front_desk_pages(new_context, site_db, shot):
    page = new_context(DESKTOP).new_page()
    page.goto("/admin/login/")
    check(page, "admin: sign-in page")
    log_in(page, "frontdesk")
    check(page, "admin: dashboard with the new-requests panel")
    page.goto("/admin/booking/consultationrequest/")
    assert page.locator("tbody tr").count() >= 1
    check(page, "admin: consultation requests list")
    shot(page, "list")
    page.goto("/admin/booking/consultationrequest/?status=new&is_urgent=true")
    check(page, "admin: consultation requests list, filtered")
    request_id = site_db("SELECT MIN(id) AS id FROM booking_consultationrequest")[0]["id"]
    page.goto(f"/admin/booking/consultationrequest/inspect/{request_id}/")
    check(page, "admin: request detail")
    page.goto(f"/admin/booking/consultationrequest/edit/{request_id}/")
    check(page, "admin: request edit")


def test_the_429_page(site, new_context, shot):
    """A second server on the same site, with a limit of one post of any kind, shows the "too many" page."""
    with site.serve(
        workers=1, log_name="rate-limited.log", BOOKING_RATE_LIMIT="1/600", BOOKING_ATTEMPT_LIMIT="1/600"
    ) as limited:
        page = new_context(PHONE, base_url=limited.url).new_page()
        for expected in (200, 429):
            page.goto("/consultation/")
            with page.expect_response(lambda response: response.request.method == "POST") as posted:
                page.get_by_role("button", name="Send my request").click()
            assert posted.value.status == expected
        check(page, "phone: 429 page")
        shot(page, "429")


def test_the_503_page(site, new_context, shot, tmp_path):
    """A server whose database cannot be opened (and whose cache knows nothing) answers with the 503
    page, with the phone number from the CLINIC_PHONE setting."""
    missing = tmp_path / "gone" / "site.sqlite3"
    with site.serve(
        workers=1,
        log_name="no-database.log",
        DATABASE_URL=f"sqlite:///{missing}",
        CACHE_DIR=str(tmp_path / "cache"),
        CLINIC_PHONE="(555) 010-4477",
    ) as broken:
        page = new_context(PHONE, base_url=broken.url).new_page()
        response = page.goto("/")
        assert response.status == 503
        assert "(555) 010-4477" in page.locator("main").inner_text()
        check(page, "phone: 503 page")
        shot(page, "503")
