"""No-shows and late cancellations: the front desk marks a started visit arrived or a no-show (from the
calendar or the appointment), audited and undoable; the "we missed you" mail goes once, with a booking
link and nothing about the patient's health; every cancel path stores whether it was late."""

import datetime
import re

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking import manage_links
from booking.models import Appointment, RequestAuditEntry
from tests.factories import (
    PATIENT_NAME,
    local_at,
    make_appointment,
    make_booking_clinic,
    make_online_visit,
    make_user,
    sign_in,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]
MISSED_YOU_TASK = "booking.missed_you.send_missed_you"
HEALTH_DETAILS = ("Neck pain", "Stiff neck")


@pytest.fixture
def clinic(home):
    return make_booking_clinic(change_notice_hours=24)


@pytest.fixture
def scene(clinic):
    return make_online_visit()


@pytest.fixture
def started(scene):
    """A visit that started ten minutes ago, still booked."""
    mara, visit = scene
    return make_appointment(mara, visit, timezone.now() - datetime.timedelta(minutes=10))


def status_url(appointment):
    return reverse("appointment:status", args=[appointment.pk])


def calendar_url(appointment):
    return (
        reverse("booking_calendar:index") + f"?view=day&date={timezone.localtime(appointment.start):%Y-%m-%d}"
    )


def marking_buttons(page, appointment):
    soup = BeautifulSoup(page, "html.parser")
    form = soup.find("form", action=status_url(appointment))
    return [] if form is None else [button["value"] for button in form.select("button[name=status]")]


def audit_details(appointment):
    return list(
        RequestAuditEntry.objects.filter(appointment_id_ref=appointment.pk, action="change")
        .order_by("at", "pk")
        .values_list("user__username", "detail")
    )


def test_the_calendar_marks_a_started_visit_a_no_show_audited_and_undoable(desk_client, started):
    calendar = calendar_url(started)
    assert marking_buttons(desk_client.get(calendar).content, started) == ["arrived", "no_show"]

    response = desk_client.post(status_url(started), {"status": "no_show", "next": calendar})
    assert response.status_code == 302 and response["Location"] == calendar
    started.refresh_from_db()
    assert (started.status, started.sequence) == (Appointment.Status.NO_SHOW, 1)
    assert marking_buttons(desk_client.get(calendar).content, started) == ["booked"]  # the undo

    desk_client.post(status_url(started), {"status": "booked", "next": calendar})
    started.refresh_from_db()
    assert (started.status, started.sequence) == (Appointment.Status.BOOKED, 2)
    assert audit_details(started) == [
        ("desk-user", "status booked → no_show"),
        ("desk-user", "status no_show → booked"),
    ]


def test_a_visit_not_started_yet_cannot_be_marked(desk_client, scene):
    mara, visit = scene
    later = make_appointment(mara, visit, timezone.now() + datetime.timedelta(minutes=5))
    assert marking_buttons(desk_client.get(calendar_url(later)).content, later) == []
    response = desk_client.post(status_url(later), {"status": "arrived"}, follow=True)
    assert "Only a booked appointment that has started" in response.content.decode()
    later.refresh_from_db()
    assert later.status == Appointment.Status.BOOKED and audit_details(later) == []


def test_the_next_address_must_be_this_site(desk_client, started):
    response = desk_client.post(status_url(started), {"status": "arrived", "next": "https://evil.example/"})
    assert response["Location"] == reverse("appointment:inspect", args=[started.pk])


def test_marking_needs_the_front_desk_permission(client, started):
    """Wagtail answers a refused admin action with its "no permission" message on the dashboard."""
    sign_in(client, make_user("editor-user", group="Editors"))
    missed_you = reverse("appointment:missed_you", args=[started.pk])
    for url, data in ((status_url(started), {"status": "no_show", "missed_you": "1"}), (missed_you, {})):
        response = client.post(url, data)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
        refused = client.get(response["Location"]).content.decode()
        assert "you do not have permission" in refused
    started.refresh_from_db()
    assert started.status == Appointment.Status.BOOKED and started.missed_you_requested_at is None


def run_queued_mail():
    for result in DBTaskResult.objects.filter(task_path=MISSED_YOU_TASK):
        result.task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])


def test_the_missed_you_mail_goes_once_with_a_booking_link_and_no_health_details(
    desk_client, client, started
):
    desk_client.post(status_url(started), {"status": "no_show", "missed_you": "1"})
    missed_you = reverse("appointment:missed_you", args=[started.pk])
    second = desk_client.post(missed_you, follow=True)  # pressed again after the tick
    assert "no “we missed you” mail (already sent" in second.content.decode()
    assert DBTaskResult.objects.filter(task_path=MISSED_YOU_TASK).count() == 1
    assert mail.outbox == []  # nothing sent inside the request

    run_queued_mail()
    run_queued_mail()  # a task run twice (requeued after a worker died) sends nothing more
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["harriet@example.com"] and started.reference in message.subject
    assert not any(detail in message.body + message.subject for detail in (*HEALTH_DETAILS, PATIENT_NAME))
    link = re.search(r"https?://\S+/book/\S*", message.body).group(0)
    assert f"practitioner={started.practitioner_id}" in link
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200
    started.refresh_from_db()
    assert started.missed_you_sent_at is not None
    assert ("desk-user", "missed-you mail queued") in audit_details(started)


def test_the_missed_you_task_rechecks_a_mark_undone_meanwhile(desk_client, started):
    desk_client.post(status_url(started), {"status": "no_show", "missed_you": "1"})
    desk_client.post(status_url(started), {"status": "booked"})
    run_queued_mail()
    assert mail.outbox == []


def test_no_missed_you_mail_without_a_no_show(desk_client, started):
    desk_client.post(status_url(started), {"status": "arrived", "missed_you": "1"})
    desk_client.post(reverse("appointment:missed_you", args=[started.pk]))
    assert not DBTaskResult.objects.filter(task_path=MISSED_YOU_TASK).exists()


@pytest.mark.parametrize(("minutes_before", "late"), [(24 * 60 + 1, False), (24 * 60 - 1, True)])
def test_a_front_desk_cancel_is_late_inside_the_notice_window(
    desk_client, front_desk, scene, minutes_before, late
):
    mara, visit = scene
    appointment = make_appointment(mara, visit, local_at(3, 11))
    with time_machine.travel(appointment.start - datetime.timedelta(minutes=minutes_before), tick=False):
        sign_in(desk_client, front_desk)  # a fresh staff session at the frozen time
        desk_client.post(status_url(appointment), {"status": "cancelled"})
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED and appointment.cancelled_late is late

    desk_client.post(status_url(appointment), {"status": "booked"})
    appointment.refresh_from_db()
    assert appointment.cancelled_late is False  # booked again: no longer a cancellation at all


def test_a_cancel_by_the_manage_link_at_the_notice_boundary_is_not_late(client, clinic, scene):
    mara, visit = scene
    appointment = make_appointment(mara, visit, local_at(3, 11))
    token = manage_links.issue(appointment)
    with time_machine.travel(appointment.start - datetime.timedelta(hours=24), tick=False):
        assert client.post(f"/book/manage/{token}/cancel/").status_code == 303
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED and appointment.cancelled_late is False


def test_the_manage_link_refuses_a_minute_inside_the_window_and_changes_nothing(client, clinic, scene):
    mara, visit = scene
    appointment = make_appointment(mara, visit, local_at(3, 11))
    token = manage_links.issue(appointment)
    with time_machine.travel(appointment.start - datetime.timedelta(hours=24, minutes=-1), tick=False):
        assert client.post(f"/book/manage/{token}/cancel/").status_code == 409
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
