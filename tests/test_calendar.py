"""The .ics file sent with a scheduled consultation's confirmation, read back with the ``icalendar``
parser: one event at the right UTC times, a stable UID, long lines folded, and no health details."""

import datetime
import zoneinfo

import icalendar
import pytest

from booking.ics import consultation_calendar, consultation_uid
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


def the_event(ics):
    calendar = icalendar.Calendar.from_ical(ics)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def test_ics_has_one_event_at_the_visit_in_utc_with_place_and_phone():
    request = scheduled(datetime.datetime(2026, 3, 3, 10, 0, tzinfo=NEW_YORK))
    now = datetime.datetime(2026, 2, 20, 12, 0, tzinfo=datetime.UTC)

    ics = consultation_calendar(request, clinic(), now=now)

    assert ics.endswith(b"\r\n") and b"\nBEGIN" not in ics.replace(b"\r\n", b"")
    calendar, event = the_event(ics)
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "PUBLISH" and calendar["PRODID"]
    assert b"DTSTART:20260303T150000Z" in ics and b"DTEND:20260303T160000Z" in ics  # first visit, 60 min
    assert event.decoded("DTSTAMP") == now
    assert str(event["SUMMARY"]) == "Consultation at Harbour Acupuncture"
    assert str(event["LOCATION"]) == "12 Quay Street, Suite 3, Portland, ME 04101"
    assert "(207) 555-0142" in str(event["DESCRIPTION"]) and request.reference in str(event["DESCRIPTION"])
    assert str(event["UID"]) == consultation_uid(request)


def test_returning_patients_get_45_minutes_and_summer_time_is_converted():
    request = scheduled(datetime.datetime(2026, 7, 14, 16, 30, tzinfo=NEW_YORK), patient_type="returning")

    _, event = the_event(consultation_calendar(request, clinic()))

    assert event.decoded("DTSTART") == datetime.datetime(2026, 7, 14, 20, 30, tzinfo=datetime.UTC)  # EDT
    assert event.decoded("DTEND") == datetime.datetime(2026, 7, 14, 21, 15, tzinfo=datetime.UTC)


def test_uid_is_stable_per_request_and_a_later_file_has_a_higher_sequence():
    first = scheduled(datetime.datetime(2026, 3, 3, 10, tzinfo=NEW_YORK))
    second = scheduled(datetime.datetime(2026, 3, 3, 11, tzinfo=NEW_YORK))
    earlier = datetime.datetime(2026, 2, 20, 12, 0, tzinfo=datetime.UTC)

    _, sent = the_event(consultation_calendar(first, clinic(), now=earlier))
    _, resent = the_event(consultation_calendar(first, clinic(), now=earlier + datetime.timedelta(hours=1)))
    _, other = the_event(consultation_calendar(second, clinic()))

    assert str(sent["UID"]) == str(resent["UID"]) != str(other["UID"])
    assert str(sent["UID"]).endswith("@testserver") and first.reference not in str(sent["UID"])
    assert resent.decoded("SEQUENCE") > sent.decoded("SEQUENCE")


def test_no_health_details_or_name_anywhere_in_the_file():
    request = scheduled(datetime.datetime(2026, 3, 3, 10, tzinfo=NEW_YORK))

    ics = consultation_calendar(request, clinic()).decode()

    for secret in ["Cluster", "headache", "Stabbing", "left eye", "fees", PATIENT_NAME, "harriet@"]:
        assert secret not in ics


def test_long_names_are_folded_and_read_back_whole():
    long_name = "Clinique d’acupuncture et de médecine chinoise — Île de Montréal, près du Vieux-Port " * 2
    request = scheduled(datetime.datetime(2026, 3, 3, 10, tzinfo=NEW_YORK))

    ics = consultation_calendar(request, clinic(name=long_name))

    assert max(len(line) for line in ics.split(b"\r\n")) <= 75
    assert str(the_event(ics)[1]["SUMMARY"]) == f"Consultation at {long_name}"


def test_an_unscheduled_request_has_no_calendar_file():
    with pytest.raises(ValueError):
        consultation_calendar(scheduled(None), clinic())
