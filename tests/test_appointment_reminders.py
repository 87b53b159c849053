"""Reminder mails: queued with ``run_after`` at the clinic's offsets when a time is booked or moved,
re-checked when they run (nothing for a moved, cancelled or started appointment, nothing late), and
carrying the date, place, practitioner and manage link but nothing the patient told us."""

import datetime
import re
import zoneinfo

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking import manage_links, reminders
from booking.appointment_forms import slot_value
from booking.models import Appointment
from tests.factories import (
    PATIENT_NAME,
    local_at,
    make_appointment,
    make_booking_clinic,
    make_online_visit,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)
TASK = "booking.reminders.remind_patient"


@pytest.fixture
def mara_and_visit(home):
    make_booking_clinic()
    return make_online_visit()


def queued_reminders():
    return [
        (result.run_after, result.args_kwargs["args"])
        for result in DBTaskResult.objects.filter(task_path=TASK).order_by("run_after")
    ]


def run(args):
    return reminders.remind_patient.call(*args)


def test_booking_queues_reminders_at_the_clinics_offsets_and_a_move_replaces_them(client, mara_and_visit):
    mara, visit = mara_and_visit
    start = local_at(4, 11)
    appointment = make_appointment(mara, visit, start)
    reminders.enqueue_reminders(appointment)
    before = queued_reminders()
    hours = [(start - run_after) / datetime.timedelta(hours=1) for run_after, _ in before]
    assert hours == [48, 2]
    assert all(args[:2] == [appointment.pk, 0] for _, args in before)

    token = manage_links.issue(appointment)
    new_start = local_at(5, 14)
    assert (
        client.post(f"/book/manage/{token}/move/", {"slot": slot_value(mara.pk, new_start)}).status_code
        == 303
    )
    after = [item for item in queued_reminders() if item not in before]
    assert [(new_start - run_after) / datetime.timedelta(hours=1) for run_after, _ in after] == [48, 2]
    assert [run(args) for _, args in before] == ["not sent: changed since it was queued"] * 2
    assert mail.outbox == []


def test_a_reminder_at_its_time_carries_the_visit_and_a_manage_link_only(client, mara_and_visit):
    mara, visit = mara_and_visit
    appointment = make_appointment(mara, visit, timezone.now() + datetime.timedelta(hours=2))
    due = timezone.now()
    confirmation_link = f"/book/manage/{manage_links.issue(appointment)}/"
    assert run([appointment.pk, 0, due.isoformat()]) == "sent"
    message = mail.outbox[0]
    assert message.to == ["harriet@example.com"] and appointment.reference in message.subject
    assert "Mara Ellison" in message.body and "1 Harbour Road" in message.body
    assert not any(detail in message.body for detail in (PATIENT_NAME, "Neck pain", "Stiff neck"))
    link = re.search(r"/book/manage/[^/\s]+/", message.body).group(0)
    assert link != confirmation_link and client.get(link).status_code == 200
    # The reminder's own link does not retire the one in the confirmation the patient may look for.
    assert client.get(confirmation_link).status_code == 200
    assert run([appointment.pk, 0, due.isoformat()]) == "already sent"


def test_no_reminder_for_a_cancelled_started_or_late_appointment(mara_and_visit):
    mara, visit = mara_and_visit
    now = timezone.now()
    cancelled = make_appointment(
        mara, visit, now + datetime.timedelta(hours=2), status=Appointment.Status.CANCELLED
    )
    started = make_appointment(mara, visit, now - datetime.timedelta(minutes=5))
    late = make_appointment(mara, visit, now + datetime.timedelta(hours=30))
    assert run([cancelled.pk, 0, now.isoformat()]) == "not sent: no longer booked"
    assert run([started.pk, 0, (now - datetime.timedelta(hours=2)).isoformat()]) == "not sent: too late"
    # A worker back after a day's outage finds the 48-hour reminder 18 hours past its time.
    assert run([late.pk, 0, (now - datetime.timedelta(hours=18)).isoformat()]) == "not sent: too late"
    assert mail.outbox == []


def test_the_clinic_sets_the_offsets_or_none(mara_and_visit):
    mara, visit = mara_and_visit
    clinic = make_booking_clinic(reminder_hours="72, 24, 3")
    start = local_at(6, 11)
    reminders.enqueue_reminders(make_appointment(mara, visit, start))
    assert [(start - run_after) / datetime.timedelta(hours=1) for run_after, _ in queued_reminders()] == [
        72,
        24,
        3,
    ]
    clinic.reminder_hours = ""
    clinic.save()
    DBTaskResult.objects.all().delete()
    reminders.enqueue_reminders(make_appointment(mara, visit, local_at(7, 11)))
    assert queued_reminders() == []
