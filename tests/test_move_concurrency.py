"""Twenty patients move their appointments into the same free time at the same moment: exactly one
gets it, nineteen are told it was just taken and keep their own time, none sees a server error, and
nobody ends up with a second appointment. Runs on the configured database: the file-based SQLite test
database locally (the IMMEDIATE transaction's check) and PostgreSQL in CI (the exclusion constraint).
"""

import zoneinfo

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from booking import manage_links
from booking.appointment_forms import slot_value
from booking.models import Appointment
from tests.concurrency import all_at_once, needs_a_shared_database
from tests.factories import (
    local_at,
    make_appointment,
    make_booking_clinic,
    make_practitioner,
    make_schedule,
    make_visit,
)

PATIENTS = 20
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_patients_moving_into_one_time_get_it_once(settings, home):
    needs_a_shared_database()
    settings.BOOKING_RATE_LIMIT = None
    make_booking_clinic()
    practitioner = make_practitioner("Mara Ellison")
    make_schedule(practitioner)
    kind = make_visit(practitioners=[practitioner], buffer_after_minutes=15)
    # Twenty bookings spread over five days (9, 11, 13 and 15 o'clock), all well outside the notice window.
    starts = [local_at(3 + number // 4, 9 + 2 * (number % 4)) for number in range(PATIENTS)]
    tokens = [manage_links.issue(make_appointment(practitioner, kind, start)) for start in starts]
    target = local_at(2, 11)
    slot = slot_value(practitioner.pk, target)

    def patient(number):
        response = Client().post(f"/book/manage/{tokens[number]}/move/", {"slot": slot})
        return response.status_code, b"That time was just taken" in response.content

    results = all_at_once(PATIENTS, patient)

    assert sorted(status for status, _taken in results) == [303] + [409] * (PATIENTS - 1)
    assert all(taken for status, taken in results if status == 409)
    assert Appointment.objects.count() == PATIENTS
    moved = Appointment.objects.get(start=target)
    assert moved.sequence == 1
    stayed = Appointment.objects.exclude(pk=moved.pk)
    kept = set(stayed.values_list("start", flat=True))
    assert len(kept) == PATIENTS - 1 and kept < set(starts)  # the others kept their own times
    assert set(stayed.values_list("sequence", flat=True)) == {0}
    print(
        f"\n[move concurrency] {connection.vendor}: {PATIENTS} moves into one time: "
        f"1 moved, {PATIENTS - 1} told taken, {Appointment.objects.count()} appointments"
    )
