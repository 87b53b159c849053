"""The .ics file sent with a scheduling confirmation: valid RFC 5545 lines, right times, no health details."""

import datetime
import zoneinfo

import pytest

from booking.calendar import build_event_calendar, consultation_calendar, escape_text, fold, uid_for
from clinic_site.models import ClinicSettings
from tests.factories import PATIENT_NAME, make_request

pytestmark = pytest.mark.django_db

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def clinic(**fields):
    fields.setdefault("name", "Harbour Acupuncture")
    fields.setdefault("street_address", "12 Quay Street, Suite 3")
    fields.setdefault("locality", "Portland")
    fields.setdefault("region", "ME")
    fields.setdefault("postal_code", "04101")
    fields.setdefault("phone", "(207) 555-0142")
    return ClinicSettings(**fields)


def scheduled(when, **fields):
    return make_request(
        status="scheduled",
        scheduled_for=when,
        condition_label="Cluster headache",
        symptoms="Stabbing pain behind the left eye.",
        internal_notes="Asked about fees.",
        **fields,
    )


def unfold(ics):
    """Content lines with folding undone, checking the raw line structure on the way."""
    assert ics.endswith("\r\n")
    raw_lines = ics[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in raw_lines), "bare CR or LF"
    assert all(len(line.encode("utf-8")) <= 75 for line in raw_lines)
    lines = []
    for line in raw_lines:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def properties(lines):
    return dict(line.split(":", 1) for line in lines)


def test_ics_has_the_calendar_structure_and_the_visit_in_utc():
    request = scheduled(datetime.datetime(2026, 3, 3, 10, 0, tzinfo=NEW_YORK))
    now = datetime.datetime(2026, 2, 20, 12, 0, tzinfo=datetime.UTC)

    lines = unfold(consultation_calendar(request, clinic(), now=now))

    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert lines.index("BEGIN:VEVENT") < lines.index("END:VEVENT")
    assert lines.count("BEGIN:VEVENT") == 1
    props = properties(lines)
    assert props["VERSION"] == "2.0"
    assert props["METHOD"] == "PUBLISH"
    assert props["PRODID"]
    assert props["DTSTART"] == "20260303T150000Z"
    assert props["DTEND"] == "20260303T160000Z"  # a first visit takes 60 minutes
    assert props["DTSTAMP"] == "20260220T120000Z"
    assert props["SUMMARY"] == "Consultation at Harbour Acupuncture"
    assert props["LOCATION"] == "12 Quay Street\\, Suite 3\\, Portland\\, ME 04101"
    assert "(207) 555-0142" in props["DESCRIPTION"]
    assert props["UID"] == uid_for(request)


def test_returning_patients_get_45_minutes_and_summer_time_is_converted():
    request = scheduled(datetime.datetime(2026, 7, 14, 16, 30, tzinfo=NEW_YORK), patient_type="returning")

    props = properties(unfold(consultation_calendar(request, clinic())))

    assert props["DTSTART"] == "20260714T203000Z"  # EDT is UTC-4
    assert props["DTEND"] == "20260714T211500Z"


def test_uid_is_stable_per_request_and_says_nothing_about_it():
    first = scheduled(datetime.datetime(2026, 3, 3, 10, tzinfo=NEW_YORK))
    second = scheduled(datetime.datetime(2026, 3, 3, 11, tzinfo=NEW_YORK))

    uid = properties(unfold(consultation_calendar(first, clinic())))["UID"]

    assert uid == properties(unfold(consultation_calendar(first, clinic())))["UID"]
    assert uid != properties(unfold(consultation_calendar(second, clinic())))["UID"]
    assert uid.endswith("@testserver")
    assert first.reference not in uid


def test_no_health_details_or_name_anywhere_in_the_file():
    request = scheduled(datetime.datetime(2026, 3, 3, 10, tzinfo=NEW_YORK))

    ics = consultation_calendar(request, clinic())

    for secret in ["Cluster", "headache", "Stabbing", "left eye", "fees", PATIENT_NAME, "harriet@"]:
        assert secret not in ics


def test_long_lines_are_folded_at_75_octets_without_splitting_characters():
    long_name = "Clinique d’acupuncture et de médecine chinoise — Île de Montréal, près du Vieux-Port " * 2
    start = datetime.datetime(2026, 3, 3, 15, tzinfo=datetime.UTC)

    ics = build_event_calendar(
        uid="x@example.com", start=start, end=start + datetime.timedelta(hours=1), summary=long_name
    )

    raw_lines = ics.split("\r\n")
    assert any(line.startswith(" ") for line in raw_lines)
    assert max(len(line.encode("utf-8")) for line in raw_lines) <= 75
    assert properties(unfold(ics))["SUMMARY"] == escape_text(long_name)


def test_fold_keeps_short_lines_and_exact_limits():
    assert fold("SUMMARY:short") == "SUMMARY:short"
    exactly = "X" * 75
    assert fold(exactly) == exactly
    assert fold("X" * 76) == "X" * 75 + "\r\n X"
    # 2-octet characters: 37 fit in the first 75 octets, never half a character.
    folded = fold("é" * 40).split("\r\n")
    assert folded == ["é" * 37, " " + "é" * 3]


def test_text_values_are_escaped():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_times_must_be_timezone_aware():
    naive = datetime.datetime(2026, 3, 3, 10)
    with pytest.raises(ValueError):
        build_event_calendar(uid="x", start=naive, end=naive, summary="x")
