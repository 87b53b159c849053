"""The front desk's appointments in the admin: the calendar, booking (also from a request), moving,
statuses, the overlap rule with its message, the audit log, and who may see any of it."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking.models import Appointment, ConsultationRequest, RequestAuditEntry
from tests.factories import (
    PATIENT_NAME,
    make_appointment,
    make_booking_clinic,
    make_practitioner,
    make_request,
    make_schedule,
    make_user,
    make_visit,
    sign_in,
)

pytestmark = pytest.mark.django_db
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


@pytest.fixture
def scene(home):
    make_booking_clinic()
    mara = make_practitioner("Mara Ellison")
    make_schedule(mara)
    kind = make_visit(practitioners=[mara], buffer_after_minutes=15)
    day = timezone.localdate() + datetime.timedelta(days=3)
    start = datetime.datetime.combine(day, datetime.time(10), tzinfo=ZONE)
    return mara, kind, start


@pytest.fixture
def desk(client, front_desk):
    sign_in(client, front_desk)
    return client


def form_data(practitioner, kind, start, **overrides):
    data = {
        "practitioner": practitioner.pk,
        "appointment_type": kind.pk,
        "start": timezone.localtime(start, ZONE).strftime("%Y-%m-%d %H:%M"),
        "name": "Walk-in Patient",
        "email": "walkin@example.org",
        "phone": "",
        "condition": "",
        "symptoms": "",
        "internal_notes": "",
        "consultation_request": "",
        "send_confirmation": "on",
    }
    data.update(overrides)
    return data


def confirmations():
    return DBTaskResult.objects.filter(task_path="booking.appointment_mail.confirm_appointment").count()


def test_the_calendar_shows_the_day_and_week_and_records_who_saw_what(desk, front_desk, scene):
    mara, kind, start = scene
    appointment = make_appointment(mara, kind, start)
    cancelled = make_appointment(
        mara, kind, start + datetime.timedelta(hours=3), name="Gone Away", status="cancelled"
    )
    date = f"{start:%Y-%m-%d}"
    for view in ("day", "week"):
        response = desk.get(reverse("booking_calendar:index"), {"view": view, "date": date})
        assert response.status_code == 200
        page = BeautifulSoup(response.content, "html.parser")
        item = page.find("li", class_="cal__appt")
        assert PATIENT_NAME in item.text and "10:00" in item.text and "Booked" in item.text
        assert item.find("a")["href"] == reverse("appointment:inspect", args=[appointment.pk])
        assert "grid-row: 9 / 13" in item["style"]  # 10:00 to 11:00, counting quarter hours from 8:00
        assert page.find("div", class_="cal__work")  # Mara's working hours, shaded
        assert "Gone Away" not in str(page.find(class_="cal"))  # cancelled: listed below, not in the grid
    seen = RequestAuditEntry.objects.filter(user=front_desk, action="view")
    assert sorted(seen.values_list("appointment_id_ref", flat=True)) == sorted(
        [appointment.pk, cancelled.pk] * 2
    )
    assert not any(PATIENT_NAME in entry.detail for entry in seen)


def test_booking_an_overlapping_time_is_refused_with_the_clash_named(desk, scene):
    mara, kind, start = scene
    existing = make_appointment(mara, kind, start)
    response = desk.post(
        reverse("appointment:add"), form_data(mara, kind, start + datetime.timedelta(minutes=70))
    )
    assert response.status_code == 200
    assert f"Mara Ellison already has {existing.reference} then" in response.content.decode()
    assert Appointment.objects.count() == 1
    # Just after the buffer it is free.
    response = desk.post(
        reverse("appointment:add"), form_data(mara, kind, start + datetime.timedelta(minutes=75))
    )
    assert response.status_code == 302
    booked = Appointment.objects.get(name="Walk-in Patient")
    assert booked.origin == Appointment.Origin.STAFF and confirmations() == 1


def test_a_request_becomes_an_appointment(desk, front_desk, scene, condition):
    mara, kind, start = scene
    consultation_request = make_request(condition=condition, practitioner_preference=mara)
    inspect = desk.get(reverse("consultationrequest:inspect", args=[consultation_request.pk]))
    assert f"?request={consultation_request.pk}" in inspect.content.decode()
    form = desk.get(reverse("appointment:add"), {"request": consultation_request.pk})
    page = BeautifulSoup(form.content, "html.parser")
    assert page.find("input", {"name": "name"})["value"] == PATIENT_NAME
    assert page.find("select", {"name": "practitioner"}).find("option", selected=True)["value"] == str(
        mara.pk
    )
    assert page.find("select", {"name": "appointment_type"}).find("option", selected=True)["value"] == str(
        kind.pk
    )
    data = form_data(mara, kind, start, name=PATIENT_NAME, consultation_request=consultation_request.pk)
    assert desk.post(reverse("appointment:add"), data).status_code == 302
    appointment = Appointment.objects.get()
    consultation_request.refresh_from_db()
    assert appointment.consultation_request == consultation_request
    assert consultation_request.status == ConsultationRequest.Status.SCHEDULED
    assert consultation_request.scheduled_for == start
    entries = RequestAuditEntry.objects.filter(request_id_ref=consultation_request.pk, user=front_desk)
    assert {(e.action, e.appointment_id_ref) for e in entries} >= {
        ("change", None),
        ("book", appointment.pk),
    }


def test_moving_raises_the_sequence_and_sends_the_new_time(desk, front_desk, scene):
    mara, kind, start = scene
    appointment = make_appointment(mara, kind, start)
    other = make_appointment(mara, kind, start + datetime.timedelta(hours=4), name="Other Patient")
    url = reverse("appointment:edit", args=[appointment.pk])
    assert desk.get(url).status_code == 200
    same = {"name": PATIENT_NAME, "email": appointment.email, "symptoms": appointment.symptoms}
    onto_other = desk.post(url, form_data(mara, kind, other.start, **same))
    assert f"already has {other.reference}" in onto_other.content.decode()
    later = start + datetime.timedelta(hours=2)
    assert desk.post(url, form_data(mara, kind, later, **same)).status_code == 302
    appointment.refresh_from_db()
    assert (appointment.start, appointment.sequence) == (later, 1)
    assert appointment.blocked_until == later + datetime.timedelta(minutes=75)
    assert confirmations() == 1
    actions = RequestAuditEntry.objects.filter(appointment_id_ref=appointment.pk).values_list(
        "action", "detail"
    )
    assert ("move", "changed start") in actions and ("view", "edit page") in actions


def test_statuses_from_the_appointment_page(desk, front_desk, scene):
    mara, kind, start = scene

    def buttons(appointment):
        inspect = desk.get(reverse("appointment:inspect", args=[appointment.pk]))
        page = BeautifulSoup(inspect.content, "html.parser")
        return [b["value"] for b in page.select("form button[name=status]")]

    # Arrived and no-show only once the visit has started.
    assert buttons(make_appointment(mara, kind, start, name="Not Yet")) == ["cancelled"]
    start -= datetime.timedelta(days=4)
    appointment = make_appointment(mara, kind, start)
    assert buttons(appointment) == ["arrived", "no_show", "cancelled"]
    status_url = reverse("appointment:status", args=[appointment.pk])
    desk.post(status_url, {"status": "arrived"})
    appointment.refresh_from_db()
    assert appointment.status == "arrived"
    desk.post(status_url, {"status": "booked"})
    desk.post(status_url, {"status": "cancelled"})
    appointment.refresh_from_db()
    assert (
        appointment.status == "cancelled"
        and appointment.cancelled_at is not None
        and appointment.sequence == 3
    )
    # The time is free again; once someone else has it, booking the cancelled one again is refused.
    make_appointment(mara, kind, start, name="Took The Slot")
    response = desk.post(status_url, {"status": "booked"}, follow=True)
    assert "That time is taken by another appointment now" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == "cancelled"
    details = list(
        RequestAuditEntry.objects.filter(appointment_id_ref=appointment.pk).values_list("detail", flat=True)
    )
    assert "status booked → arrived" in details and "status booked → cancelled" in details


SETUP_URLS = [
    "appointment_types:index",
    "working_hours:index",
    "schedule_exceptions:index",
    "clinic_closures:index",
]
DESK_URLS = ["booking_calendar:index", "appointment:index", "appointment:add"]


@pytest.mark.parametrize(
    "role, desk_allowed, setup_allowed",
    [
        ("Editors", False, False),
        ("Clinical reviewers", False, False),
        ("Front desk", True, False),
        ("Front desk managers", True, True),
        ("superuser", True, True),
    ],
)
def test_who_sees_appointments_and_booking_setup(client, scene, role, desk_allowed, setup_allowed):
    mara, kind, start = scene
    appointment = make_appointment(mara, kind, start)
    user = make_user(superuser=True) if role == "superuser" else make_user(group=role)
    sign_in(client, user)
    desk_urls = [reverse(name) for name in DESK_URLS] + [
        reverse("appointment:inspect", args=[appointment.pk])
    ]
    for url in desk_urls:
        response = client.get(url)
        assert (response.status_code == 200) == desk_allowed, (role, url, response.status_code)
        if not desk_allowed:
            assert PATIENT_NAME not in response.content.decode()
    for url in [reverse(name) for name in SETUP_URLS]:
        assert (client.get(url).status_code == 200) == setup_allowed, (role, url)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ("Appointments" in menu) == desk_allowed


def test_signed_out_visitors_are_sent_to_sign_in(client, scene):
    for name in DESK_URLS + SETUP_URLS:
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))
