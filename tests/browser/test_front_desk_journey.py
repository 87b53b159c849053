"""The front desk works a new request in the admin; an editor cannot see requests at all."""

import csv
import io
import re
import uuid

import openpyxl
from playwright.sync_api import expect

from tests.browser.helpers import log_in, submit_consultation_request

REQUESTS = "/admin/booking/consultationrequest/"


def new_count(site_db):
    return site_db("SELECT COUNT(*) AS n FROM booking_consultationrequest WHERE status = 'new'")[0]["n"]


def menu_item(page):
    """The sidebar's link to the requests (its label carries the count of new requests)."""
    return page.locator("a.sidebar-menu-item__link", has_text=re.compile("^Requests"))


def download(page, link_name):
    """Download an export from the list's "Actions" menu, the way the front desk does."""
    if not page.get_by_role("link", name=link_name).is_visible():
        page.get_by_role("button", name="Actions").click()
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return info.value


def test_front_desk_schedules_a_new_request_and_exports_the_list(new_context, shot, site_db):
    name = f"Front Desk Journey {uuid.uuid4().hex[:6]}"
    submit_consultation_request(
        new_context().new_page(), name, "desk.journey@example.org", condition="sciatica"
    )
    [row] = site_db("SELECT id, status FROM booking_consultationrequest WHERE name = ?", name)
    reference = f"CR-{row['id']:05d}"
    assert row["status"] == "new"

    page = new_context().new_page()
    log_in(page, "frontdesk")
    count = new_count(site_db)
    expect(menu_item(page)).to_have_text(f"Requests ({count} new)")
    shot(page, "dashboard with the count in the menu")

    menu_item(page).click()
    request_row = page.locator("tbody tr", has=page.get_by_role("link", name=reference, exact=True))
    expect(request_row).to_have_class(re.compile("booking-request--new"))
    expect(request_row).to_contain_text("Sciatica")
    shot(page, "the list with the new request")

    request_row.get_by_role("link", name=reference, exact=True).click()
    expect(page.locator("main")).to_contain_text(name)
    page.get_by_role("textbox", name="Internal notes").fill("Called back; prefers the Tuesday slot.")
    page.get_by_role("combobox", name="Status*").select_option(label="Scheduled")
    page.get_by_role("textbox", name="Scheduled for").fill("2030-03-05 10:30")
    # The admin's date picker opens a moment after the field takes focus and then covers the
    # Save button: wait for it, then close it as a person would, by clicking outside it.
    picker = page.locator(".xdsoft_datetimepicker").filter(visible=True)
    expect(picker).to_have_count(1)
    page.get_by_role("textbox", name="Internal notes").click()
    expect(picker).to_have_count(0)
    shot(page, "note added and marked scheduled")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text(reference)
    # Saved and still on the request, where the confirmation can go out straight away.
    expect(page).to_have_url(re.compile(r"/admin/booking/consultationrequest/edit/\d+/$"))
    send = page.get_by_role("button", name="Send confirmation to patient")
    expect(send).to_be_visible()
    box = send.locator("svg").bounding_box()
    assert box["width"] <= 24 and box["height"] <= 24, box
    shot(page, "saved")

    [saved] = site_db(
        "SELECT status, internal_notes, scheduled_for FROM booking_consultationrequest WHERE id = ?",
        row["id"],
    )
    assert saved["status"] == "scheduled"
    assert saved["internal_notes"] == "Called back; prefers the Tuesday slot."
    assert saved["scheduled_for"].startswith("2030-03-05")
    page.goto(REQUESTS)
    expect(menu_item(page)).to_have_text(re.compile(rf"^Requests( \({count - 1} new\))?$"))

    csv_file = download(page, "Download CSV")
    assert csv_file.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(open(csv_file.path(), encoding="utf-8-sig").read())))
    [exported] = [r for r in rows if r["Reference"] == reference]
    assert exported["Status"] == "Scheduled" and exported["Name"] == name
    assert exported["Condition"] == "Sciatica"
    assert len(rows) == site_db("SELECT COUNT(*) AS n FROM booking_consultationrequest")[0]["n"]

    xlsx_file = download(page, "Download XLSX")
    assert xlsx_file.suggested_filename.endswith(".xlsx")
    with open(xlsx_file.path(), "rb") as data:
        sheet = openpyxl.load_workbook(io.BytesIO(data.read()), read_only=True).active
    table = [list(values) for values in sheet.iter_rows(values_only=True)]
    header = table[0]
    [exported] = [dict(zip(header, values, strict=True)) for values in table[1:] if values[0] == reference]
    assert exported["Status"] == "Scheduled" and exported["Name"] == name
    shot(page, "after the downloads")

    audit = site_db(
        "SELECT action, detail FROM booking_requestauditentry WHERE request_id_ref = ? ORDER BY at", row["id"]
    )
    assert {"view", "change"} <= {entry["action"] for entry in audit}


def test_an_editor_cannot_reach_the_requests(new_context, shot, site_db):
    page = new_context().new_page()
    log_in(page, "editor")
    expect(page.locator("a.sidebar-menu-item__link").first).to_be_visible()
    expect(menu_item(page)).to_have_count(0)
    shot(page, "editor dashboard without requests")
    references = [f"CR-{r['id']:05d}" for r in site_db("SELECT id FROM booking_consultationrequest")]

    for path in [REQUESTS, f"{REQUESTS}?export=csv", f"{REQUESTS}edit/1/", f"{REQUESTS}inspect/1/"]:
        response = page.goto(path)
        landed = page.url
        assert response.status == 403 or not landed.rstrip("/").endswith(path.rstrip("/")), (path, landed)
        body = page.locator("body").inner_text()
        assert not any(reference in body for reference in references), path
        assert "Demo Patient" not in body
    shot(page, "editor turned away")
