"""The front desk's admin for consultation requests: list, filters, search, detail, edit, badge and
dashboard panel, report and audit log. Exports are in test_request_exports.py, the scheduling
confirmation in test_confirmation_mail.py."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from booking.models import ConsultationRequest, RequestAuditEntry
from tests import factories
from tests.factories import PATIENT_NAME, make_request

pytestmark = pytest.mark.django_db

INDEX = "consultationrequest:index"
Action = RequestAuditEntry.Action


def index_url(query=""):
    return reverse(INDEX) + query


def listed_references(response):
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select("table.listing tbody tr")
    return [row.find("td").get_text(" ", strip=True).split()[0] for row in rows]


def local(year, month, day, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def audit_entries(action):
    return list(RequestAuditEntry.objects.filter(action=action).order_by("pk"))


def download(response):
    return b"".join(response.streaming_content) if response.streaming else response.getvalue()


# The list


def test_list_marks_new_and_urgent_requests(desk_client):
    urgent = make_request(is_urgent=True, red_flags_reported=True)
    worked = make_request(name="Ada Worked", status="contacted")

    response = desk_client.get(index_url())

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = {row.find("td").get_text(" ", strip=True).split()[0]: row for row in soup.select("tbody tr")}
    assert set(rows) == {urgent.reference, worked.reference}
    urgent_row, worked_row = rows[urgent.reference], rows[worked.reference]
    assert "booking-request--urgent" in urgent_row["class"]
    assert "booking-request--new" in urgent_row["class"]
    assert urgent_row.find(string=lambda text: text and "Urgent" in text)
    assert urgent_row.select_one(".w-status--label").get_text(strip=True) == "New"
    assert "class" not in worked_row.attrs or "booking-request--urgent" not in worked_row["class"]
    assert worked_row.select_one(".w-status").get_text(strip=True) == "Contacted"
    assert not worked_row.find(string=lambda text: text and "Urgent" in text)
    # The list shows who and what, not the patient's own words.
    assert b"Stiff neck after long days" not in response.content
    # Nobody adds requests in the admin.
    assert reverse("consultationrequest:add").encode() not in response.content


def test_list_columns_show_condition_source_received_assignee_and_schedule(desk_client, front_desk):
    front_desk.first_name, front_desk.last_name = "Dana", "Desk"
    front_desk.save()
    make_request(
        condition_label="Tension headache",
        source_title="Headaches explained",
        assignee=front_desk,
        status="scheduled",
        scheduled_for=local(2026, 3, 3, 10),
    )
    make_request(condition_label="")

    content = desk_client.get(index_url()).content.decode()

    for text in ["Tension headache", "Headaches explained", "Dana Desk", "Something else", "Scheduled"]:
        assert text in content
    assert "March 3, 2026, 10 a.m." in content or "Mar. 3, 2026, 10 a.m." in content


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?status=contacted", {"contacted"}),
        ("?status=new", {"new urgent", "new"}),
        ("?is_urgent=true", {"new urgent"}),
        ("?is_urgent=false", {"new", "contacted"}),
        ("?condition=Migraine", {"contacted"}),
        ("?condition=-", {"new"}),
        ("?created_at_from=2026-02-01&created_at_to=2026-02-28", {"new urgent"}),
        ("?status=new&is_urgent=false", {"new"}),
    ],
)
def test_filters_narrow_the_list(desk_client, query, expected):
    made = {
        "new urgent": make_request(is_urgent=True, created_at=local(2026, 2, 14)),
        "new": make_request(condition_label="", created_at=local(2026, 1, 10)),
        "contacted": make_request(
            status="contacted", condition_label="Migraine", created_at=local(2026, 3, 1)
        ),
    }

    response = desk_client.get(index_url(query))

    assert response.status_code == 200
    assert set(listed_references(response)) == {made[key].reference for key in expected}


@pytest.mark.parametrize("query", ["quimby", "HARRIET@example", "+1555010", "(555) 010-2030", "555.010.2030"])
def test_search_finds_a_request_by_name_email_or_phone(desk_client, query):
    found = make_request()
    make_request(name="Someone Else", email="other@example.org", phone="+442079460000")

    response = desk_client.get(index_url("?" + f"q={query}".replace("+", "%2B").replace(" ", "+")))

    assert listed_references(response) == [found.reference]


def test_search_without_a_match_lists_nothing(desk_client):
    make_request()
    response = desk_client.get(index_url("?q=nobody-by-that-name"))
    assert listed_references(response) == []


# Detail and edit


def test_detail_page_shows_the_request_and_is_audited(desk_client, front_desk):
    consultation_request = make_request(
        is_urgent=True, source_title="Neck pain", preferred_times=["weekday_mornings", "saturdays"]
    )

    response = desk_client.get(reverse("consultationrequest:inspect", args=[consultation_request.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    for text in [
        consultation_request.reference,
        PATIENT_NAME,
        "harriet@example.com",
        "+15550102030",
        "Stiff neck after long days at the desk.",
        "Yes: a red-flag symptom was reported",
        "Weekday mornings, Saturdays",
        "Neck pain",
    ]:
        assert text in content
    [entry] = audit_entries(Action.VIEW)
    assert (entry.user, entry.request_id_ref) == (front_desk, consultation_request.pk)
    assert PATIENT_NAME not in entry.detail and "Neck" not in entry.detail


def test_edit_saves_the_front_desk_fields_and_audits_field_names_only(desk_client, front_desk):
    consultation_request = make_request()
    url = reverse("consultationrequest:edit", args=[consultation_request.pk])

    page = desk_client.get(url)
    assert page.status_code == 200
    assert PATIENT_NAME in page.content.decode()  # shown read-only above the form
    form_fields = {
        field["name"] for field in BeautifulSoup(page.content, "html.parser").select("#w-editor-form [name]")
    }
    assert {"status", "assignee", "scheduled_for", "internal_notes"} <= form_fields
    assert not form_fields & {"name", "email", "phone", "symptoms", "condition_label", "is_urgent"}

    response = desk_client.post(
        url,
        {
            "status": "scheduled",
            "assignee": front_desk.pk,
            "scheduled_for": "2026-12-01 10:30",
            "internal_notes": "Prefers the quiet room.",
            # Patient fields are not in the form, so posting them changes nothing.
            "name": "Someone Else",
            "symptoms": "changed",
        },
    )

    assert response.status_code == 302
    consultation_request.refresh_from_db()
    assert consultation_request.status == "scheduled"
    assert consultation_request.assignee == front_desk
    assert timezone.localtime(consultation_request.scheduled_for).replace(tzinfo=None) == datetime.datetime(
        2026, 12, 1, 10, 30
    )
    assert consultation_request.internal_notes == "Prefers the quiet room."
    assert consultation_request.name == PATIENT_NAME
    assert consultation_request.symptoms == "Stiff neck after long days at the desk."
    [change] = audit_entries(Action.CHANGE)
    assert change.user == front_desk and change.request_id_ref == consultation_request.pk
    assert change.detail == "changed status, assignee, scheduled_for, internal_notes"
    assert "quiet room" not in change.detail
    assert len(audit_entries(Action.VIEW)) == 1  # the GET of the edit page


def test_edit_requires_a_time_to_mark_scheduled(desk_client):
    consultation_request = make_request()
    url = reverse("consultationrequest:edit", args=[consultation_request.pk])

    response = desk_client.post(
        url, {"status": "scheduled", "assignee": "", "scheduled_for": "", "internal_notes": "Kept"}
    )

    assert response.status_code == 200
    assert "Give the date and time of the consultation" in response.content.decode()
    assert "Kept" in response.content.decode()
    consultation_request.refresh_from_db()
    assert consultation_request.status == "new"
    assert not audit_entries(Action.CHANGE)


def test_assignee_choices_are_front_desk_staff_only(desk_client, front_desk):
    manager = factories.make_user("manager-user", group="Front desk managers")
    editor = factories.make_user("editor-user", group="Editors")
    consultation_request = make_request()

    page = desk_client.get(reverse("consultationrequest:edit", args=[consultation_request.pk]))

    options = BeautifulSoup(page.content, "html.parser").select("select[name=assignee] option")
    values = {option["value"] for option in options}
    assert values == {"", str(front_desk.pk), str(manager.pk)}
    assert str(editor.pk) not in values


def test_manager_deletes_a_request_and_the_audit_entry_remains(client):
    manager = factories.make_user("manager-user", group="Front desk managers")
    factories.sign_in(client, manager)
    consultation_request = make_request()
    request_id = consultation_request.pk

    response = client.post(reverse("consultationrequest:delete", args=[request_id]))

    assert response.status_code == 302
    assert not ConsultationRequest.objects.filter(pk=request_id).exists()
    [entry] = audit_entries(Action.DELETE)
    assert (entry.user, entry.request_id_ref) == (manager, request_id)


# Badge and dashboard


def test_menu_label_counts_new_requests(desk_client):
    assert "Requests (" not in desk_client.get(reverse("wagtailadmin_home")).content.decode()
    for _ in range(3):
        make_request()
    make_request(status="contacted")

    content = desk_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Requests (3 new)" in content


def test_dashboard_panel_counts_new_and_urgent_requests_with_links(desk_client):
    make_request()
    make_request(is_urgent=True)
    make_request(is_urgent=True, status="contacted")

    response = desk_client.get(reverse("wagtailadmin_home"))

    panel = BeautifulSoup(response.content, "html.parser").select_one("#consultation-requests-section")
    text = panel.get_text(" ", strip=True)
    assert "2 new requests" in text
    assert "1 of them urgent" in text
    links = {link["href"] for link in panel.select("a[href*='consultationrequest']")}
    assert links == {index_url("?status=new"), index_url("?status=new&is_urgent=true")}


def test_dashboard_panel_with_nothing_new(desk_client):
    make_request(status="closed")
    panel = BeautifulSoup(desk_client.get(reverse("wagtailadmin_home")).content, "html.parser").select_one(
        "#consultation-requests-section"
    )
    assert "No new consultation requests" in panel.get_text(" ", strip=True)


# Report


def report_tables(response):
    soup = BeautifulSoup(response.content, "html.parser")
    tables = {}
    for table_id in ("report-by-condition", "report-by-source"):
        table = soup.select_one(f"#{table_id}")
        body = {
            row.th.get_text(strip=True): int(row.td.get_text(strip=True))
            for row in table.select("tbody tr")
            if row.th
        }
        total = int(table.select_one("tfoot td").get_text(strip=True))
        tables[table_id] = (body, total)
    return tables


def test_report_counts_per_condition_and_source_over_the_period(desk_client):
    in_period = [
        ("Neck pain", "Neck pain", local(2026, 2, 1, 0)),
        ("Neck pain", "Desk posture tips", local(2026, 2, 10)),
        ("Migraine", "Desk posture tips", local(2026, 2, 28, 23)),
        ("", "", local(2026, 2, 15)),
    ]
    for condition_label, source_title, created_at in in_period:
        make_request(condition_label=condition_label, source_title=source_title, created_at=created_at)
    make_request(condition_label="Migraine", source_title="Neck pain", created_at=local(2026, 3, 1, 0))
    make_request(condition_label="Neck pain", created_at=local(2026, 1, 31, 23))

    response = desk_client.get(reverse("consultationrequest:report") + "?from=2026-02-01&to=2026-02-28")

    assert response.status_code == 200
    tables = report_tables(response)
    assert tables["report-by-condition"] == ({"Neck pain": 2, "Migraine": 1, "Something else": 1}, 4)
    assert tables["report-by-source"] == (
        {"Desk posture tips": 2, "Neck pain": 1, "No source page (came to the form directly)": 1},
        4,
    )
    assert PATIENT_NAME not in response.content.decode()


def test_report_defaults_to_the_last_30_days(desk_client):
    make_request(condition_label="Recent")
    make_request(condition_label="Old", created_at=timezone.now() - datetime.timedelta(days=45))

    tables = report_tables(desk_client.get(reverse("consultationrequest:report")))

    assert tables["report-by-condition"] == ({"Recent": 1}, 1)


def test_report_rejects_a_backwards_period(desk_client):
    response = desk_client.get(reverse("consultationrequest:report") + "?from=2026-03-01&to=2026-02-01")
    assert response.status_code == 200
    assert "must not be before its start" in response.content.decode()


# Query counts


def test_list_query_count_does_not_grow_with_rows(desk_client, front_desk):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert desk_client.get(index_url()).status_code == 200
        return len(queries)

    make_request(assignee=front_desk, condition_label="Label 0", source_title="Page 0")
    one = count_queries()
    for number in range(1, 10):
        make_request(assignee=front_desk, condition_label=f"Label {number}", source_title=f"Page {number}")
    ten = count_queries()

    assert ConsultationRequest.objects.count() == 10
    assert one == ten


# Audit log


def test_managers_read_the_audit_log_with_links_to_the_requests(client, desk_client):
    consultation_request = make_request()
    desk_client.get(reverse("consultationrequest:inspect", args=[consultation_request.pk]))
    manager = factories.make_user("manager-user", group="Front desk managers")
    factories.sign_in(client, manager)

    response = client.get(reverse("request_audit_log:index") + "?action=view")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    [row] = soup.select("tbody tr")
    text = row.get_text(" ", strip=True)
    assert "Viewed" in text and "desk-user" in text and "detail page" in text
    link = row.find("a", string=consultation_request.reference)
    assert link["href"] == reverse("consultationrequest:inspect", args=[consultation_request.pk])
    assert PATIENT_NAME not in response.content.decode()
