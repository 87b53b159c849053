"""Where online booking meets the rest of the site: "Book a time" on the pages patients read, the mails
and the calendar file an appointment sends, and a free-times page whose queries do not grow."""

import datetime
import zoneinfo
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.utils import timezone

from booking.appointment_forms import slot_value
from booking.models import Appointment
from tests.factories import (
    booking_data,
    make_article,
    make_booking_clinic,
    make_clinic,
    make_practitioner,
    make_schedule,
    make_treatment,
    make_visit,
)
from tests.servers import run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]  # rate-limit counts
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def book_links(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [parse_qs(urlsplit(a["href"]).query) for a in page.find_all("a", string="Book a time")]


def test_book_a_time_sits_beside_request_a_consultation_when_online_booking_is_on(client, condition):
    make_booking_clinic()
    practitioner = make_practitioner("Mara Ellison")
    practitioner.conditions.add(condition)
    practitioner.save()  # a ParentalManyToManyField is stored with its snippet
    article = make_article(conditions=[condition])
    treatment = make_treatment("Acupuncture")

    links = book_links(client.get(condition.url))
    assert len(links) == 4  # the site header, the page header, the side column, the phone's Book/Call bar
    header = BeautifulSoup(client.get(condition.url).content, "html.parser").find(class_="site-header__cta")
    assert header.get_text() == "Book a time"
    assert all(link == {"condition": ["neck-pain"], "from": [str(condition.pk)]} for link in links)
    card = BeautifulSoup(client.get(condition.url).content, "html.parser").find(
        "a", string="Book with Mara Ellison"
    )
    assert parse_qs(urlsplit(card["href"]).query) == {
        "from": [str(condition.pk)],
        "practitioner": [str(practitioner.pk)],
    }
    assert (
        book_links(client.get(article.url)) == [{"condition": ["neck-pain"], "from": [str(article.pk)]}] * 3
    )
    assert (
        book_links(client.get(treatment.url))
        == [{"from": [str(treatment.pk)], "treatment": [str(treatment.pk)]}] * 3
    )
    assert "Request a consultation" in client.get(condition.url).content.decode()

    make_clinic(online_booking=False)
    for page in (condition, article, treatment):
        response = client.get(page.url)
        assert book_links(response) == [] and "Request a consultation" in response.content.decode()
        header = BeautifulSoup(response.content, "html.parser").find(class_="site-header__cta")
        assert header.get_text() == "Request a consultation"


@pytest.fixture
def booked(client, home):
    make_booking_clinic(email="hello@clinic.example")
    mara = make_practitioner("Mara Ellison", credentials="DACM, L.Ac.")
    make_schedule(mara)
    kind = make_visit(practitioners=[mara])
    day = timezone.localdate() + datetime.timedelta(days=2)
    start = datetime.datetime.combine(day, datetime.time(14, 30), tzinfo=ZONE)
    slot = slot_value(mara.pk, start)
    url = f"/book/details/?type={kind.pk}&practitioner={mara.pk}&slot={slot}"
    client.post(url, booking_data(slot, symptoms="Throbbing behind the left eye."))
    return Appointment.objects.get()


def calendar_of(content):
    calendar = icalendar.Calendar.from_ical(content)
    return calendar, calendar.walk("VEVENT")[0]


def test_the_calendar_file_has_a_stable_uid_and_no_health_details(client, booked):
    first = client.get(f"/book/confirmed/{booked.uid}/appointment.ics")
    assert first["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="appointment.ics"' in first["Content-Disposition"]
    calendar, event = calendar_of(first.content)
    assert calendar["METHOD"] == "PUBLISH" and event["STATUS"] == "CONFIRMED"
    assert event["UID"] == f"appointment-{booked.uid}@testserver"
    assert event.decoded("DTSTART") == booked.start and event.decoded("DTSTART").tzname() == "UTC"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(minutes=60)
    assert booked.reference in event["DESCRIPTION"] and "Mara Ellison" in event["DESCRIPTION"]
    assert event.walk("VALARM")
    text = first.content.decode()
    for private in ("Dana", "Whitfield", "Throbbing", "Neck pain", "dana.whitfield"):
        assert private not in text
    _calendar, again = calendar_of(client.get(f"/book/confirmed/{booked.uid}/appointment.ics").content)
    assert again["UID"] == event["UID"]

    booked.status, booked.sequence = Appointment.Status.CANCELLED, 1
    booked.save()
    calendar, event = calendar_of(client.get(f"/book/confirmed/{booked.uid}/appointment.ics").content)
    assert calendar["METHOD"] == "CANCEL" and event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_mails_name_the_time_and_nothing_the_patient_told_us(booked):
    run_worker()
    notice, confirmation = sorted(mail.outbox, key=lambda message: message.to != ["frontdesk@clinic.example"])
    assert notice.to == ["frontdesk@clinic.example"]
    assert (
        booked.reference in notice.subject
        and f"/admin/booking/appointments/inspect/{booked.pk}/" in notice.body
    )
    assert confirmation.to == ["dana.whitfield@example.org"]
    assert "2:30 PM" in confirmation.body and "Mara Ellison, DACM, L.Ac." in confirmation.body
    assert "Free to cancel until 24 hours before." in confirmation.body
    (filename, content, mimetype) = confirmation.attachments[0]
    assert filename == "appointment.ics" and mimetype.startswith("text/calendar")
    for message in (notice, confirmation):
        for private in ("Throbbing", "Neck pain", "Something else"):
            assert private not in message.body
    assert "Dana" not in notice.body and "dana.whitfield" not in notice.body
    booked.refresh_from_db()
    assert booked.staff_notified_at and booked.confirmation_sent_at


def test_free_times_cost_the_same_queries_for_one_practitioner_and_a_week_or_three_and_sixty_days(
    client, home, count_queries
):
    clinic = make_booking_clinic(booking_horizon_days=7)
    first = make_practitioner()
    make_schedule(first)
    kind = make_visit(practitioners=[first])
    url = f"/book/times/?type={kind.pk}&practitioner=any"
    small = count_queries(client, url)

    clinic.booking_horizon_days = 60
    clinic.save()
    for _ in range(2):
        other = make_practitioner()
        make_schedule(other)
        kind.practitioners.add(other)
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=1)
    for hours in range(0, 24 * 30, 7):
        appointment = Appointment(practitioner=first, appointment_type=kind, name="Busy")
        appointment.set_time(start + datetime.timedelta(hours=hours))
        appointment.save()
    assert count_queries(client, url) == small
