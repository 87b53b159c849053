"""Twenty patients on the waitlist claim the same freed time at the same moment: exactly one gets an
appointment, nineteen see "no longer available" and stay on the waitlist, none sees a server error.
Runs on the configured database: the file-based SQLite test database locally (the IMMEDIATE
transaction's check) and PostgreSQL in CI (the exclusion constraint), as tests/test_move_concurrency.py.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from booking import waitlist
from booking.models import Appointment, WaitlistEntry, WaitlistOffer
from tests.concurrency import all_at_once, needs_a_shared_database
from tests.factories import local_at, make_booking_clinic, make_practitioner, make_schedule, make_visit

PATIENTS = 20


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_patients_claiming_one_freed_time_get_it_once(settings, home):
    needs_a_shared_database()
    settings.BOOKING_RATE_LIMIT = None
    settings.BOOKING_ATTEMPT_LIMIT = None
    make_booking_clinic()
    practitioner = make_practitioner("Mara Ellison")
    make_schedule(practitioner)
    kind = make_visit(practitioners=[practitioner], buffer_after_minutes=15)
    start = local_at(2, 11)
    tokens = []
    for number in range(PATIENTS):
        entry = WaitlistEntry.objects.create(
            appointment_type=kind,
            weekdays=list(range(7)),
            parts_of_day=["morning"],
            until=timezone.localdate() + datetime.timedelta(days=30),
            name=f"Patient {number}",
            email=f"patient{number}@example.com",
            consent_given_at=timezone.now(),
        )
        offer = WaitlistOffer.objects.create(
            entry=entry,
            practitioner=practitioner,
            start=start,
            expires_at=timezone.now() + datetime.timedelta(hours=2),
        )
        tokens.append(waitlist.mint(offer, "token_hash"))

    def patient(number):
        response = Client().post(f"/book/waitlist/offer/{tokens[number]}/")
        return response.status_code, b"That time is no longer available" in response.content

    results = all_at_once(PATIENTS, patient)

    assert sorted(status for status, _gone in results) == [303] + [409] * (PATIENTS - 1)
    assert all(gone for status, gone in results if status == 409)
    assert Appointment.objects.count() == 1
    winner = Appointment.objects.get()
    assert winner.start == start
    assert WaitlistEntry.objects.filter(claimed__isnull=False).get().email == winner.email
    assert WaitlistEntry.objects.filter(claimed__isnull=True).count() == PATIENTS - 1
    assert WaitlistOffer.objects.filter(missed_at__isnull=False).count() == PATIENTS - 1
    print(
        f"\n[waitlist concurrency] {connection.vendor}: {PATIENTS} claims of one time: "
        f"1 booked, {PATIENTS - 1} told no longer available, {Appointment.objects.count()} appointment"
    )
