"""A patient books a time online: the three steps, the checks shared with the request form, red flags,
a time taken meanwhile, a double post, and the confirmation page."""

import datetime
import re
import zoneinfo
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking import spam
from booking.appointment_forms import slot_value
from booking.models import Appointment, ConsultationRequest, RequestAuditEntry
from tests.factories import (
    BOOK_URL,
    booking_data,
    make_appointment,
    make_booking_clinic,
    make_practitioner,
    make_schedule,
    make_visit,
    old_token,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]  # rate-limit counts
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


@pytest.fixture
def clinic(home):
    return make_booking_clinic()


@pytest.fixture
def mara(clinic):
    practitioner = make_practitioner("Mara Ellison", credentials="DACM, L.Ac.")
    make_schedule(practitioner)
    return practitioner


@pytest.fixture
def first_visit(mara):
    return make_visit(practitioners=[mara])


def tomorrow_at(hour, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ZONE)


def details_url(kind, practitioner, start, choice=None, **extra):
    query = {
        "type": kind.pk,
        "practitioner": choice or practitioner.pk,
        "slot": slot_value(practitioner.pk, start),
    }
    query.update(extra)
    return f"{BOOK_URL}details/?" + "&".join(f"{key}={value}" for key, value in query.items())


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def test_step_one_offers_the_first_visit_and_every_practitioner_or_first_available(
    client, first_visit, condition
):
    response = client.get(f"{BOOK_URL}?condition=neck-pain&from={condition.pk}")
    assert response.status_code == 200
    html = page(response)
    assert html.find("input", {"name": "type", "checked": True})["value"] == str(first_visit.pk)
    assert html.find("input", {"name": "practitioner", "checked": True})["value"] == "any"
    assert html.find("input", {"name": "condition"})["value"] == "neck-pain"
    assert html.find("input", {"name": "from"})["value"] == str(condition.pk)
    assert "$120" in response.content.decode() and "60 minutes" in response.content.decode()
    assert 'content="noindex' in response.content.decode()


def test_online_booking_off_sends_patients_to_the_request_form(client, first_visit, clinic):
    clinic.online_booking = False
    clinic.save()
    for url in (BOOK_URL, f"{BOOK_URL}times/?type={first_visit.pk}&practitioner=any"):
        response = client.get(url)
        assert "Online booking is not open" in response.content.decode()
        assert page(response).find("a", href="/consultation/")


def test_times_are_grouped_by_day_with_the_next_ones_first(client, first_visit, mara, condition):
    response = client.get(
        f"{BOOK_URL}times/",
        {"type": first_visit.pk, "practitioner": "any", "condition": "neck-pain", "from": condition.pk},
    )
    assert response.status_code == 200
    html = page(response)
    next_links = html.find("section", {"aria-labelledby": "next-times"}).find_all("a")
    assert len(next_links) == 6
    days = html.find_all("section", class_="book-day")
    assert days and all(day.find("h3") for day in days)
    first = parse_qs(urlsplit(next_links[0]["href"]).query)
    assert first["condition"] == ["neck-pain"] and first["from"] == [str(condition.pk)]
    practitioner_id, start = first["slot"][0].split("@")
    assert practitioner_id == str(mara.pk)
    # The soonest free time is the first one offered, on the step's grid, within working hours.
    moment = datetime.datetime.strptime(start, "%Y%m%dT%H%MZ").replace(tzinfo=datetime.UTC).astimezone(ZONE)
    ends = moment + datetime.timedelta(minutes=first_visit.duration_minutes)
    assert moment > timezone.now() and moment.minute % 15 == 0
    assert moment.hour >= 9 and ends.time() <= datetime.time(17) and ends.date() == moment.date()


def test_a_practitioner_who_does_not_offer_the_visit_is_an_error_on_step_one(client, first_visit):
    other = make_practitioner("Sam Okafor")
    make_schedule(other)
    response = client.get(f"{BOOK_URL}times/", {"type": first_visit.pk, "practitioner": other.pk})
    assert response.status_code == 200
    assert "Sam Okafor does not offer a new-patient consultation" in response.content.decode()


def test_booking_stores_the_appointment_with_its_mails_and_audit_entry(client, first_visit, mara, condition):
    start = tomorrow_at(10)
    url = details_url(first_visit, mara, start, condition="neck-pain", **{"from": condition.pk})
    form = client.get(url)
    assert form.status_code == 200
    assert "Book this time" in form.content.decode()
    assert form["Cache-Control"].count("no-store") == 1
    response = client.post(url, booking_data(slot_value(mara.pk, start), condition, source=condition))
    appointment = Appointment.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"/book/confirmed/{appointment.uid}/"
    assert appointment.start == start and appointment.end == start + datetime.timedelta(minutes=60)
    assert (appointment.blocked_from, appointment.blocked_until) == (appointment.start, appointment.end)
    assert appointment.practitioner == mara and appointment.appointment_type == first_visit
    assert appointment.origin == Appointment.Origin.ONLINE and appointment.status == Appointment.Status.BOOKED
    assert appointment.condition == condition and appointment.source_page.pk == condition.pk
    assert appointment.email == "dana.whitfield@example.org" and appointment.phone == "+12125550142"
    assert re.fullmatch(r"AP-[A-Z2-9]{4}-[A-Z2-9]{4}", appointment.reference)
    tasks = sorted(
        DBTaskResult.objects.filter(task_path__startswith="booking.").values_list("task_path", flat=True)
    )
    assert tasks == [
        "booking.appointment_mail.confirm_appointment",
        "booking.appointment_mail.notify_staff_of_booking",
        "booking.reminders.remind_patient",  # 2 hours before (48 hours before is already past)
    ]
    entry = RequestAuditEntry.objects.get(appointment_id_ref=appointment.pk)
    assert (entry.action, entry.detail, entry.user) == ("book", "booked online", None)


def test_errors_keep_what_was_typed(client, first_visit, mara):
    start = tomorrow_at(10)
    data = booking_data(
        slot_value(mara.pk, start), name="", phone="12", symptoms="Stiff neck, worse at night."
    )
    response = client.post(details_url(first_visit, mara, start), data)
    assert response.status_code == 200
    html = page(response)
    assert html.find(id="id_name_error") and html.find(id="id_phone_error")
    assert html.find("textarea", {"name": "symptoms"}).text.strip() == "Stiff neck, worse at night."
    assert html.find("input", {"name": "email"})["value"] == "dana.whitfield@example.org"
    assert not Appointment.objects.exists()


def test_a_red_flag_stops_booking_and_offers_an_urgent_request_instead(client, first_visit, mara, condition):
    start = tomorrow_at(10)
    url = details_url(first_visit, mara, start)
    data = booking_data(slot_value(mara.pk, start), condition, red_flags="yes")
    response = client.post(url, data)
    assert response.status_code == 200
    html = page(response)
    alert = html.find(id="red-flag-alert")
    assert "call 911" in alert.text
    button = alert.find("button")
    assert (button["form"], button["formaction"], button["value"]) == ("booking-form", "/consultation/", "1")
    assert "Book this time" not in response.content.decode()
    assert html.find("input", {"name": "patient_type"})["value"] == "new"
    # Acknowledging it does not book either: the booking form never books with a red flag.
    assert client.post(url, {**data, "red_flag_acknowledged": "1"}).status_code == 200
    assert not Appointment.objects.exists()
    # The button sends the same fields to the request form, which stores an urgent request.
    response = client.post("/consultation/", {**data, "patient_type": "new", "red_flag_acknowledged": "1"})
    assert response.status_code == 303
    assert ConsultationRequest.objects.get().is_urgent


def test_spam_checks_are_the_request_forms(client, settings, first_visit, mara):
    start = tomorrow_at(10)
    url = details_url(first_visit, mara, start)
    slot = slot_value(mara.pk, start)
    assert client.post(url, booking_data(slot, website="http://spam.example"))["Location"] == BOOK_URL
    altered = client.post(url, booking_data(slot, submission_token="not-a-token"))
    assert "Please check your details and send the form again." in altered.content.decode()
    too_fast = client.post(url, booking_data(slot, submission_token=spam.issue_token()))
    assert "Please check your details, then send the form again." in too_fast.content.decode()
    settings.BOOKING_RATE_LIMIT = (1, 600)
    assert client.post(url, booking_data(slot)).status_code == 303
    later = tomorrow_at(13)
    assert (
        client.post(
            details_url(first_visit, mara, later), booking_data(slot_value(mara.pk, later))
        ).status_code
        == 429
    )
    assert Appointment.objects.count() == 1


def test_a_time_taken_meanwhile_shows_the_next_times_with_the_details_kept(client, first_visit, mara):
    start = tomorrow_at(10)
    make_appointment(mara, first_visit, start + datetime.timedelta(minutes=30), name="Someone Else")
    data = booking_data(slot_value(mara.pk, start), name="Ada Patient")
    response = client.post(details_url(first_visit, mara, start), data)
    assert response.status_code == 409
    html = page(response)
    assert "That time was just taken" in html.find(class_="error-summary").text
    assert html.find("input", {"name": "name"})["value"] == "Ada Patient"
    choices = [radio["value"] for radio in html.find_all("input", {"name": "slot", "type": "radio"})]
    assert len(choices) == 6 and slot_value(mara.pk, start) not in choices
    response = client.post(details_url(first_visit, mara, start), {**data, "slot": choices[0]})
    assert response.status_code == 303
    assert (
        Appointment.objects.get(name="Ada Patient").start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%MZ")
        == choices[0].split("@")[1]
    )


def test_first_available_books_another_practitioner_free_at_that_time(client, first_visit, mara):
    sam = make_practitioner("Sam Okafor")
    make_schedule(sam)
    first_visit.practitioners.add(sam)
    start = tomorrow_at(10)
    make_appointment(mara, first_visit, start)
    response = client.post(
        details_url(first_visit, mara, start, choice="any"), booking_data(slot_value(mara.pk, start))
    )
    assert response.status_code == 303
    assert Appointment.objects.get(name="Dana Whitfield").practitioner == sam


def test_a_time_no_longer_free_sends_the_patient_back_to_choose(client, first_visit, mara):
    for start in (tomorrow_at(3), timezone.now() + datetime.timedelta(days=40)):
        response = client.get(details_url(first_visit, mara, start))
        assert response.status_code == 303
        assert "taken=1" in response["Location"]
    follow = client.get(details_url(first_visit, mara, tomorrow_at(3)), follow=True)
    assert "That time was just taken" in follow.content.decode()


def test_the_same_form_sent_twice_books_once(client, first_visit, mara):
    start = tomorrow_at(10)
    data = booking_data(slot_value(mara.pk, start), submission_token=old_token())
    first = client.post(details_url(first_visit, mara, start), data)
    second = client.post(details_url(first_visit, mara, start), data)
    assert first["Location"] == second["Location"]
    assert Appointment.objects.count() == 1


def test_the_confirmation_says_when_where_and_with_whom_and_nothing_the_patient_told_us(
    client, first_visit, mara
):
    start = tomorrow_at(10)
    client.post(details_url(first_visit, mara, start), booking_data(slot_value(mara.pk, start)))
    appointment = Appointment.objects.get()
    response = client.get(f"/book/confirmed/{appointment.uid}/")
    text = page(response).find("main").get_text(" ", strip=True)
    assert appointment.reference in text and "Mara Ellison, DACM, L.Ac." in text and "1 Harbour Road" in text
    assert start.strftime("%B %-d") in text and "10:00 AM" in text
    assert "Dana" not in text and "Stiff neck" not in text
    assert "link to move or cancel it online, up to 24 hours before" in text
    assert "no-store" in response["Cache-Control"]
    assert (
        page(response).find("a", string="Add to calendar")["href"]
        == f"/book/confirmed/{appointment.uid}/appointment.ics"
    )
    assert client.get("/book/confirmed/00000000-0000-0000-0000-000000000000/").status_code == 404
