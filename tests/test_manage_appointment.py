"""The patient's manage link: the mail carries it, the page shows the appointment, the patient cancels
or moves it (same appointment, same UID, higher SEQUENCE), the notice window, the mails and audit
entries each change causes, and wrong tokens."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking import appointment_mail, manage, manage_links
from booking.appointment_forms import slot_value
from booking.models import Appointment, ManageLink, RequestAuditEntry
from tests.factories import (
    PATIENT_NAME,
    local_at,
    make_appointment,
    make_booking_clinic,
    make_online_visit,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]  # rate-limit counts
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)
REMINDER_TASK = "booking.reminders.remind_patient"
PATIENT_DETAILS = (PATIENT_NAME, "harriet@example.com", "Neck pain", "Stiff neck")


@pytest.fixture
def clinic(home):
    return make_booking_clinic()


@pytest.fixture
def online(clinic):
    return make_online_visit()


@pytest.fixture
def mara(online):
    return online[0]


@pytest.fixture
def visit(online):
    return online[1]


@pytest.fixture
def booked(mara, visit):
    """An online booking three days ahead, and the token of its manage link."""
    appointment = make_appointment(mara, visit, local_at(3, 11))
    return appointment, manage_links.issue(appointment)


def url(token, rest=""):
    return f"/book/manage/{token}/{rest}"


def queued():
    return sorted(
        DBTaskResult.objects.filter(task_path__startswith="booking.").values_list("task_path", flat=True)
    )


def calendar_event(data):
    calendar = icalendar.Calendar.from_ical(data)
    return calendar, next(iter(calendar.walk("VEVENT")))


def test_the_confirmation_mail_carries_a_link_that_opens_the_appointment(client, booked):
    appointment, _ = booked
    assert appointment_mail.confirm_appointment.call(appointment.pk, timezone.now().isoformat()) == "sent"
    body = mail.outbox[0].body
    link = re.search(r"http://testserver(/book/manage/([^/\s]+)/)", body)
    path, token = link.group(1), link.group(2)
    assert len(token) >= 43  # 32 random bytes
    stored = ManageLink.objects.get(token_hash=manage_links.digest(token))
    assert stored.appointment == appointment and stored.start == appointment.start
    assert not ManageLink.objects.filter(token_hash=token).exists()
    assert not any(detail.lower() in path.lower() for detail in PATIENT_DETAILS + (appointment.reference,))

    response = client.get(path)
    assert response.status_code == 200
    text = response.content.decode()
    assert appointment.reference in text and "Mara Ellison" in text and "1 Harbour Road" in text
    assert not any(detail in text for detail in PATIENT_DETAILS)
    assert "no-store" in response["Cache-Control"]
    assert 'name="robots" content="noindex' in text and response["X-Robots-Tag"] == "noindex, nofollow"
    assert path.startswith(tuple(settings.PAGE_CACHE_SKIP_PATHS))
    assert f'href="{path}appointment.ics"' in text and f'action="{path}cancel/"' in text
    assert f'href="{path}move/"' in text


def test_cancelling_keeps_the_appointment_cancelled_audited_and_mailed(client, booked):
    appointment, token = booked
    response = client.post(url(token, "cancel/"), {"reason": "cannot_make_it"})
    assert response.status_code == 303
    page = client.get(response["Location"]).content.decode()
    assert "This appointment is cancelled" in page and "Cancel this appointment" not in page
    cancelled = Appointment.objects.get()
    assert cancelled.status == Appointment.Status.CANCELLED and cancelled.sequence == 1
    entry = RequestAuditEntry.objects.get(appointment_id_ref=appointment.pk)
    assert (entry.action, entry.detail) == ("cancel", "cancelled by the patient online (cannot_make_it)")
    assert queued() == [
        "booking.appointment_mail.notify_staff_of_change",
        "booking.appointment_mail.tell_patient_of_cancellation",
        "booking.waitlist.offer_freed_time",
    ]
    assert mail.outbox == []  # nothing sent inside the request

    for result in DBTaskResult.objects.exclude(task_path=REMINDER_TASK):
        result.task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    notice = next(message for message in mail.outbox if message.to == ["frontdesk@clinic.example"])
    assert appointment.reference in notice.body and "cancelled" in notice.subject
    assert not any(detail in notice.body + notice.subject for detail in PATIENT_DETAILS)
    patient = next(message for message in mail.outbox if message.to == ["harriet@example.com"])
    calendar, event = calendar_event(patient.attachments[0][1])
    assert calendar["METHOD"] == "CANCEL" and event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1 and str(event["UID"]) == f"appointment-{appointment.uid}@testserver"


def test_moving_changes_the_same_appointment_and_its_calendar_entry(client, booked, mara):
    appointment, token = booked
    before = calendar_event(client.get(url(token, "appointment.ics")).content)[1]
    new_start = local_at(4, 14)
    slot = slot_value(mara.pk, new_start)
    assert f'value="{slot}"' not in client.get(url(token, "move/")).content.decode()  # a later page
    choices = client.get(url(token, "move/") + f"?from={new_start.date().isoformat()}").content.decode()
    assert f'value="{slot}"' in choices and not any(detail in choices for detail in PATIENT_DETAILS)

    response = client.post(url(token, "move/"), {"slot": slot})
    assert response.status_code == 303 and response["Location"] == url(token) + "?done=moved"
    moved = Appointment.objects.get()
    assert (moved.pk, moved.uid, moved.start, moved.sequence) == (
        appointment.pk,
        appointment.uid,
        new_start,
        1,
    )
    assert moved.blocked_until == new_start + datetime.timedelta(minutes=60)
    after = calendar_event(client.get(url(token, "appointment.ics")).content)[1]
    assert after["UID"] == before["UID"] and after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("DTSTART") == new_start.astimezone(datetime.UTC)
    assert after.walk("VALARM")
    entry = RequestAuditEntry.objects.get(appointment_id_ref=appointment.pk)
    assert (entry.action, entry.detail) == ("move", "moved by the patient online")
    assert queued() == [
        "booking.appointment_mail.confirm_appointment",
        "booking.appointment_mail.notify_staff_of_change",
        REMINDER_TASK,
        REMINDER_TASK,
        "booking.waitlist.offer_freed_time",
    ]


def test_the_mail_after_a_move_carries_the_new_time_and_a_fresh_link(client, booked, mara):
    appointment, token = booked
    reminder_token = manage_links.issue(appointment)  # another mail's link to the same time
    client.post(url(token, "move/"), {"slot": slot_value(mara.pk, local_at(4, 14))})
    for result in DBTaskResult.objects.exclude(task_path=REMINDER_TASK):
        result.task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    patient = next(message for message in mail.outbox if message.to == ["harriet@example.com"])
    _, event = calendar_event(patient.attachments[0][1])
    assert event["SEQUENCE"] == 1 and event.decoded("DTSTART") == local_at(4, 14).astimezone(datetime.UTC)
    fresh = re.search(r"/book/manage/([^/\s]+)/", patient.body).group(1)
    assert fresh != token
    assert client.get(url(fresh)).status_code == 200
    assert client.get(url(token)).status_code == 200  # the link the patient moved it with
    assert client.get(url(reminder_token)).status_code == 404  # other links to the old time stop


def test_a_time_taken_meanwhile_leaves_the_appointment_and_offers_others(client, booked, mara, visit):
    appointment, token = booked
    wanted = local_at(4, 14)
    make_appointment(mara, visit, wanted, name="Someone Else", email="else@example.org")
    response = client.post(url(token, "move/"), {"slot": slot_value(mara.pk, wanted)})
    assert response.status_code == 409
    text = response.content.decode()
    assert "That time was just taken" in text and 'name="slot"' in text
    appointment.refresh_from_db()
    assert (appointment.start, appointment.sequence) == (local_at(3, 11), 0)
    assert Appointment.objects.count() == 2 and queued() == []


def test_a_move_may_overlap_the_appointments_own_old_time(client, booked, mara):
    appointment, token = booked
    half_an_hour_later = appointment.start + datetime.timedelta(minutes=30)
    response = client.post(url(token, "move/"), {"slot": slot_value(mara.pk, half_an_hour_later)})
    assert response.status_code == 303
    assert Appointment.objects.get().start == half_an_hour_later


@pytest.mark.parametrize(
    ("minutes", "expected"), [(24 * 60 - 1, manage.State.TOO_LATE), (24 * 60 + 1, manage.State.CHANGEABLE)]
)
def test_the_notice_window_boundary(booked, clinic, minutes, expected):
    appointment, _ = booked
    frozen = appointment.start - datetime.timedelta(minutes=minutes)
    assert manage.state(appointment, clinic, now=frozen) == expected


def test_inside_the_notice_window_the_page_offers_only_the_phone(client, mara, visit, clinic):
    soon = make_appointment(mara, visit, timezone.now() + datetime.timedelta(hours=24, minutes=-1))
    token = manage_links.issue(soon)
    text = client.get(url(token)).content.decode()
    assert "(555) 010-4477" in text and "can no longer be changed online" in text
    assert "Cancel this appointment" not in text and "Choose another time" not in text
    assert client.post(url(token, "cancel/")).status_code == 409
    assert client.post(url(token, "move/"), {"slot": "x"}).status_code == 409
    soon.refresh_from_db()
    assert soon.status == Appointment.Status.BOOKED and soon.sequence == 0


def test_just_outside_the_notice_window_the_page_offers_changes(client, mara, visit, clinic):
    later = make_appointment(mara, visit, timezone.now() + datetime.timedelta(hours=24, minutes=1))
    text = client.get(url(manage_links.issue(later))).content.decode()
    assert "Cancel this appointment" in text and "Choose another time" in text


def test_the_clinic_sets_the_notice_window(client, booked, clinic):
    appointment, token = booked
    clinic.change_notice_hours = 24 * 4
    clinic.save()
    assert "can no longer be changed online" in client.get(url(token)).content.decode()


def test_cancelled_and_past_appointments_say_so(client, mara, visit):
    cancelled = make_appointment(mara, visit, local_at(3, 11), status=Appointment.Status.CANCELLED)
    past = make_appointment(mara, visit, local_at(-2, 11))
    assert "This appointment is cancelled" in client.get(url(manage_links.issue(cancelled))).content.decode()
    text = client.get(url(manage_links.issue(past))).content.decode()
    assert "This appointment has passed" in text and "Cancel this appointment" not in text


@pytest.mark.parametrize("token", ["not-a-token", "A" * 43, "x" * 300])
def test_a_wrong_token_gets_a_plain_not_valid_page(client, booked, token):
    for path in (url(token), url(token, "appointment.ics"), url(token, "move/")):
        response = client.get(path)
        assert response.status_code == 404
        assert "This link is not valid" in response.content.decode()
    assert client.post(url(token, "cancel/")).status_code == 404
    assert Appointment.objects.get().status == Appointment.Status.BOOKED


def test_the_pages_are_rate_limited_like_the_form(client, booked, settings):
    settings.BOOKING_ATTEMPT_LIMIT = (3, 600)
    statuses = [client.get(url("guess-" + str(number))).status_code for number in range(4)]
    assert statuses == [404, 404, 404, 429]
    assert client.get(url(booked[1])).status_code == 429
