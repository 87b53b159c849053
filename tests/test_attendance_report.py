"""The attendance report: bookings, cancellations, late cancellations, no-shows and the no-show rate per
month and per practitioner, counted from appointments built here, with an SVG chart that parses as XML,
a CSV download, filters, the front desk's permission, and an audit entry for each view and download."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from booking.models import Appointment, RequestAuditEntry
from tests.factories import (
    make_appointment,
    make_booking_clinic,
    make_practitioner,
    make_user,
    make_visit,
    sign_in,
)

pytestmark = pytest.mark.django_db
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)
URL = reverse("attendance_report:index")
S = Appointment.Status
SVG = "{http://www.w3.org/2000/svg}"

#: (practitioner, month: 0 = the earlier month, status, cancelled late)
VISITS = [
    ("Mara", 0, S.COMPLETED, False),
    ("Mara", 0, S.NO_SHOW, False),
    ("Mara", 0, S.CANCELLED, True),
    ("Mara", 0, S.CANCELLED, False),
    ("Mara", 1, S.ARRIVED, False),
    ("Mara", 1, S.NO_SHOW, False),
    ("Mara", 1, S.NO_SHOW, False),
    ("Ivo", 0, S.COMPLETED, False),
    ("Ivo", 0, S.COMPLETED, False),
    ("Ivo", 1, S.CANCELLED, True),
    ("Ivo", 1, S.CANCELLED, True),
    ("Ivo", 1, S.BOOKED, False),
    ("Ivo", 1, S.NO_SHOW, False),
]


@pytest.fixture
def months():
    """The first days of last month and this month."""
    this_month = timezone.localdate().replace(day=1)
    return (this_month - datetime.timedelta(days=1)).replace(day=1), this_month


@pytest.fixture
def visits(home, months):
    make_booking_clinic()
    people = {name: make_practitioner(name) for name in ("Mara", "Ivo")}
    kind = make_visit(practitioners=people.values())
    for number, (name, month, status, late) in enumerate(VISITS):
        day = months[month] + datetime.timedelta(days=number // 6)
        start = datetime.datetime.combine(day, datetime.time(9 + number % 6), ZONE)
        make_appointment(people[name], kind, start, status=status, cancelled_late=late)
    # Outside the period: the month before, counted nowhere.
    before = datetime.datetime.combine(months[0] - datetime.timedelta(days=3), datetime.time(9), ZONE)
    make_appointment(people["Mara"], kind, before, status=S.NO_SHOW)
    return people


def expected(visits):
    """The counts worked out from the list above, the way the report explains them."""

    def count(test):
        return sum(1 for visit in visits if test(visit))

    no_shows = count(lambda v: v[2] == S.NO_SHOW)
    attended = count(lambda v: v[2] in (S.ARRIVED, S.COMPLETED))
    return [
        str(len(visits)),
        str(count(lambda v: v[2] == S.CANCELLED)),
        str(count(lambda v: v[2] == S.CANCELLED and v[3])),
        str(no_shows),
        str(attended),
        f"{no_shows / (no_shows + attended):.1%}" if no_shows + attended else "—",
    ]


def period(months):
    last_day = (months[1] + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1)
    return {"from": months[0].isoformat(), "to": last_day.isoformat()}


def table(page, table_id):
    rows = BeautifulSoup(page, "html.parser").select(f"#{table_id} tbody tr, #{table_id} tfoot tr")
    return {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in rows
    }


def test_the_report_counts_per_month_and_per_practitioner(desk_client, visits, months):
    page = desk_client.get(URL, period(months)).content.decode()
    by_month = table(page, "report-by-month")
    assert by_month == {
        f"{months[0]:%B %Y}": expected([v for v in VISITS if v[1] == 0]),
        f"{months[1]:%B %Y}": expected([v for v in VISITS if v[1] == 1]),
        "Total": expected(VISITS),
    }
    assert table(page, "report-by-practitioner") == {
        "Ivo": expected([v for v in VISITS if v[0] == "Ivo"]),
        "Mara": expected([v for v in VISITS if v[0] == "Mara"]),
        "Total": expected(VISITS),
    }


def test_the_practitioner_filter(desk_client, visits, months):
    page = desk_client.get(URL, {**period(months), "practitioner": visits["Ivo"].pk}).content.decode()
    assert table(page, "report-by-month")["Total"] == expected([v for v in VISITS if v[0] == "Ivo"])
    assert list(table(page, "report-by-practitioner")) == ["Ivo", "Total"]


def test_the_chart_is_svg_with_a_title_a_description_and_a_bar_per_number(desk_client, visits, months):
    page = desk_client.get(URL, period(months)).content.decode()
    svg = ET.fromstring(str(BeautifulSoup(page, "html.parser").select_one(".attendance-chart svg")))
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text.startswith("Bookings, cancellations")
    description = svg.find(f"{SVG}desc").text
    first = [v for v in VISITS if v[1] == 0]
    assert f"{months[0]:%B %Y}: {len(first)} bookings" in description
    bars = {rect.find(f"{SVG}title").text: float(rect.get("height")) for rect in svg.iter(f"{SVG}rect")}
    assert len(bars) == 2 * 4
    # Each bar's height is its number over the biggest one, of the chart's full height.
    biggest = max(len([v for v in VISITS if v[1] == month]) for month in (0, 1))
    full = max(bars.values())
    for text, height in bars.items():
        value = int(text.split(": ")[1].split()[0])
        assert height == pytest.approx(full * value / biggest), text
    no_shows = sum(1 for v in first if v[2] == S.NO_SHOW)
    assert f"{months[0]:%B %Y}: {no_shows} no-shows" in bars


def test_the_csv_has_the_same_numbers_and_both_are_audited(desk_client, visits, months):
    response = desk_client.get(URL, {**period(months), "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["Practitioner", "Mara", *expected([v for v in VISITS if v[0] == "Mara"])] in rows
    assert ["Month", "Total", *expected(VISITS)] in rows
    desk_client.get(URL, period(months))
    entries = list(RequestAuditEntry.objects.order_by("pk").values_list("user__username", "action", "detail"))
    scope = f"{period(months)['from']} to {period(months)['to']}"
    assert entries == [
        ("desk-user", "export", f"Attendance report, CSV of {scope}"),
        ("desk-user", "view", f"Attendance report of {scope}"),
    ]


def test_the_header_names_the_report(desk_client, visits):
    soup = BeautifulSoup(desk_client.get(URL).content, "html.parser")
    assert soup.title.get_text(strip=True).startswith("Attendance report")
    assert soup.find("h1").get_text(strip=True) == "Attendance report"


def test_only_the_front_desk_sees_the_report(client, visits):
    sign_in(client, make_user("editor-user", group="Editors"))
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not RequestAuditEntry.objects.exists()
