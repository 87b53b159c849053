"""Fifty patients take the same time at the same moment: exactly one gets it, forty-nine are told it was
just taken (409, with other times), none sees a server error. Then the front desk and a patient race for
one time. Runs on the configured database: the file-based SQLite test database locally (the IMMEDIATE
transaction's check) and PostgreSQL in CI (the exclusion constraint).
"""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from booking.appointment_forms import slot_value
from booking.appointments import SlotTaken, save_if_free
from booking.models import Appointment
from tests.concurrency import all_at_once, needs_a_shared_database
from tests.factories import booking_data, make_booking_clinic, make_practitioner, make_schedule, make_visit

CLIENTS = 50
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


@pytest.fixture
def setting(settings, home):
    needs_a_shared_database()
    settings.BOOKING_RATE_LIMIT = None
    make_booking_clinic()
    practitioner = make_practitioner("Mara Ellison")
    make_schedule(practitioner)
    kind = make_visit(practitioners=[practitioner], buffer_after_minutes=15)
    day = timezone.localdate() + datetime.timedelta(days=2)
    return practitioner, kind, datetime.datetime.combine(day, datetime.time(11), tzinfo=ZONE)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_patients_posting_the_same_time_book_it_once(setting):
    practitioner, kind, start = setting
    slot = slot_value(practitioner.pk, start)
    url = f"/book/details/?type={kind.pk}&practitioner={practitioner.pk}&slot={slot}"

    def patient(number):
        response = Client().post(
            url, booking_data(slot, name=f"Patient {number}", email=f"p{number}@example.org")
        )
        return response.status_code, b"That time was just taken" in response.content

    results = all_at_once(CLIENTS, patient)

    assert sorted(status for status, _taken in results) == [303] + [409] * (CLIENTS - 1)
    assert all(taken for status, taken in results if status == 409)
    assert Appointment.objects.filter(start=start).count() == 1
    assert Appointment.objects.count() == 1
    print(
        f"\n[appointment concurrency] {connection.vendor}: {CLIENTS} posts of one time: "
        f"1 booked, {CLIENTS - 1} told taken"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_overlapping_saves_at_once_keep_one_whatever_their_start(setting):
    """Twenty saves of visits that overlap each other (starts five minutes apart) leave exactly one."""
    practitioner, kind, start = setting

    def save(number):
        appointment = Appointment(practitioner=practitioner, appointment_type=kind, name=f"Patient {number}")
        appointment.set_time(start + datetime.timedelta(minutes=5 * (number % 12)))
        try:
            save_if_free(appointment)
        except SlotTaken:
            return "taken"
        return "booked"

    results = all_at_once(20, save)
    assert sorted(results) == ["booked"] + ["taken"] * 19
    assert Appointment.objects.count() == 1
