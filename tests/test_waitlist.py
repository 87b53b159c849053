"""The waitlist: joining from the booking flow (checks, kept input, no health questions), the
confirmation mail and its leave link, matching a freed time to entries, offers queued when a time is
cancelled or moved away from, claiming an offer, and wrong, expired or used links."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking import manage, manage_links, waitlist
from booking.models import Appointment, RequestAuditEntry, WaitlistEntry, WaitlistOffer
from tests.factories import (
    local_at,
    make_appointment,
    make_booking_clinic,
    make_online_visit,
    make_practitioner,
    make_schedule,
    old_token,
    sign_in,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]
JOIN = "/book/waitlist/"
HEALTH_WORDS = ("symptom", "condition", "pain", "red_flag", "health")


@pytest.fixture
def clinic(home):
    return make_booking_clinic()


@pytest.fixture
def online(clinic):
    return make_online_visit()


def join_data(visit, **overrides):
    data = {
        "submission_token": old_token(),
        "type": visit.pk,
        "practitioner": "any",
        "weekdays": [str(day) for day in range(7)],
        "parts_of_day": ["morning", "afternoon"],
        "until": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
        "name": "Harriet Vale",
        "email": "harriet@example.com",
        "phone": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def make_entry(
    visit, practitioner=None, weekdays=range(7), parts=("morning", "afternoon"), days=20, **fields
):
    fields.setdefault("email", "waiting@example.com")
    return WaitlistEntry.objects.create(
        appointment_type=visit,
        practitioner=practitioner,
        weekdays=list(weekdays),
        parts_of_day=list(parts),
        until=timezone.localdate() + datetime.timedelta(days=days),
        name="Waiting Patient",
        consent_given_at=timezone.now(),
        **fields,
    )


def offers_for(start, practitioner, until=None):
    until = until or start + datetime.timedelta(hours=1)
    waitlist.offer_freed_time.call(practitioner.pk, start.isoformat(), until.isoformat())
    return WaitlistOffer.objects.all()


def queued(path):
    return DBTaskResult.objects.filter(task_path=path).count()


def test_the_booking_flow_links_to_the_waitlist(client, online):
    mara, visit = online
    page = client.get(f"/book/times/?type={visit.pk}&practitioner={mara.pk}")
    assert f'href="/book/waitlist/?type={visit.pk}&amp;practitioner={mara.pk}"' in page.content.decode()


def test_the_join_form_asks_nothing_about_health_and_preselects_the_visit(client, online):
    mara, visit = online
    page = client.get(f"{JOIN}?type={visit.pk}&practitioner={mara.pk}")
    html = page.content.decode()
    assert page.status_code == 200
    checked = re.findall(r'<input type="(?:radio|checkbox)" name="(\w+)" value="([^"]*)"[^>]*checked', html)
    assert set(checked) == {("type", str(visit.pk)), ("practitioner", str(mara.pk))}
    form_fields = set(re.findall(r'name="([^"]+)"', html))
    assert not [name for name in form_fields if any(word in name for word in HEALTH_WORDS)]
    assert {"weekdays", "parts_of_day", "until", "name", "email", "phone", "consent"} <= form_fields


def test_joining_stores_the_entry_then_thanks_and_mails_a_leave_link(client, online):
    _, visit = online
    response = client.post(JOIN, join_data(visit, phone="(212) 555-0142"))
    assert response.status_code == 303 and response["Location"] == "/book/waitlist/thank-you/"
    entry = WaitlistEntry.objects.get()
    assert entry.weekdays == list(range(7)) and entry.parts_of_day == ["morning", "afternoon"]
    assert entry.practitioner is None and entry.phone == "+12125550142"
    assert queued("booking.waitlist.confirm_waitlist_entry") == 1
    assert waitlist.confirm_waitlist_entry.call(entry.pk) == "sent"
    link = re.search(r"http://testserver(/book/waitlist/leave/([^/\s]+)/)", mail.outbox[0].body)
    entry.refresh_from_db()
    assert entry.leave_token_hash == manage_links.digest(link.group(2))
    assert client.get(link.group(1)).status_code == 200
    assert client.post(link.group(1)).status_code == 200
    entry.refresh_from_db()
    assert entry.left_at is not None
    assert client.get(link.group(1)).status_code == 404  # used


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"weekdays": []}, "weekdays", "Choose at least one day"),
        ({"parts_of_day": []}, "parts_of_day", "Choose at least one time of day"),
        ({"email": "not-an-address"}, "email", "Enter an email address"),
        ({"consent": ""}, "consent", "Tick the box"),
        ({"until": "2001-01-01"}, "until", "Choose today or a later day"),
        (
            {"until": (datetime.date.today() + datetime.timedelta(days=200)).isoformat()},
            "until",
            "at most 90",
        ),
    ],
)
def test_bad_input_gets_a_clear_error_with_the_input_kept(client, online, change, field, message):
    _, visit = online
    response = client.post(JOIN, join_data(visit, name="Kept Name", **change))
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and f"id_{field}" in html
    assert 'value="Kept Name"' in html
    assert not WaitlistEntry.objects.exists()


def test_a_bot_filling_the_honeypot_stores_nothing(client, online):
    _, visit = online
    client.post(JOIN, join_data(visit, website="http://spam.example"))
    assert not WaitlistEntry.objects.exists()


def test_the_form_is_rate_limited_like_the_booking_form(client, online, settings):
    settings.BOOKING_RATE_LIMIT = (2, 3600)
    _, visit = online
    statuses = [
        client.post(JOIN, join_data(visit, submission_token=old_token())).status_code for _ in range(3)
    ]
    assert statuses == [303, 303, 429]
    assert WaitlistEntry.objects.count() == 2


# Matching ---------------------------------------------------------------------------------------


def test_a_freed_time_is_offered_to_entries_it_suits(online):
    mara, visit = online
    start = local_at(2, 10)
    weekday = start.weekday()
    anyone = make_entry(visit)
    with_mara = make_entry(visit, practitioner=mara)
    other_day = make_entry(visit, weekdays=[(weekday + 1) % 7])
    evenings = make_entry(visit, parts=["evening"])
    someone_else = make_entry(visit, practitioner=make_practitioner("Other Person"))
    expired = make_entry(visit, days=-1)
    left = make_entry(visit, left_at=timezone.now())
    too_short = make_entry(visit, days=1)  # until tomorrow; the time is in two days

    offers = offers_for(start, mara)

    assert {offer.entry for offer in offers} == {anyone, with_mara}
    assert {offer.start for offer in offers} == {start}
    assert not {other_day, evenings, someone_else, expired, left, too_short} & {o.entry for o in offers}
    assert queued("booking.waitlist.send_offer") == 2


def test_a_time_still_taken_is_not_offered(online):
    mara, visit = online
    start = local_at(2, 10)
    make_appointment(mara, visit, start)
    make_entry(visit)
    assert not offers_for(start, mara).exists()


def test_offers_are_queued_when_a_patient_cancels_and_when_one_moves_away(online):
    mara, visit = online
    first, second = local_at(2, 10), local_at(3, 14)
    make_entry(visit)
    cancelled = make_appointment(mara, visit, first)
    manage.cancel(cancelled)
    assert queued("booking.waitlist.offer_freed_time") == 1
    moving = make_appointment(mara, visit, second)
    manage.move(moving, local_at(4, 15), manage_links.issue(moving))
    tasks = DBTaskResult.objects.filter(task_path="booking.waitlist.offer_freed_time")
    assert tasks.count() == 2
    freed = sorted(datetime.datetime.fromisoformat(task.args_kwargs["args"][1]) for task in tasks)
    assert freed == [first, second]


def test_offers_are_queued_when_the_front_desk_cancels(desk_client, online):
    mara, visit = online
    appointment = make_appointment(mara, visit, local_at(2, 10))
    desk_client.post(f"/admin/booking/appointments/status/{appointment.pk}/", {"status": "cancelled"})
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert queued("booking.waitlist.offer_freed_time") == 1


def test_offers_are_queued_when_the_front_desk_moves_an_appointment_away(desk_client, online):
    mara, visit = online
    was = local_at(2, 10)
    appointment = make_appointment(mara, visit, was, email="")
    data = {
        "practitioner": mara.pk,
        "appointment_type": visit.pk,
        "start": timezone.localtime(local_at(3, 14)).strftime("%Y-%m-%d %H:%M"),
        "name": "Walk-in Patient",
        "email": "",
        "phone": "",
        "condition": "",
        "symptoms": "",
        "internal_notes": "",
        "consultation_request": "",
    }
    response = desk_client.post(f"/admin/booking/appointments/edit/{appointment.pk}/", data)
    assert response.status_code == 302
    (task,) = DBTaskResult.objects.filter(task_path="booking.waitlist.offer_freed_time")
    assert task.args_kwargs["args"][0] == mara.pk
    assert datetime.datetime.fromisoformat(task.args_kwargs["args"][1]) == was


# Offers and claims ------------------------------------------------------------------------------


def offered(online, **entry_fields):
    mara, visit = online
    entry = make_entry(visit, **entry_fields)
    (offer,) = offers_for(local_at(2, 10), mara)
    assert waitlist.send_offer.call(offer.pk) == "sent"
    body = mail.outbox[-1].body
    path = re.search(r"http://testserver(/book/waitlist/offer/[^/\s]+/)", body).group(1)
    return entry, offer, path, body


def test_the_offer_mail_links_to_a_claim_page_that_books_the_time(client, online):
    entry, offer, path, body = offered(online)
    assert "Waiting Patient" not in body and "Waiting Patient" not in path
    page = client.get(path)
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in page["Cache-Control"]
    assert "Book this time" in page.content.decode()
    response = client.post(path)
    assert response.status_code == 303
    appointment = Appointment.objects.get()
    assert response["Location"] == f"/book/confirmed/{appointment.uid}/"
    assert appointment.start == offer.start and appointment.email == entry.email
    entry.refresh_from_db()
    assert entry.claimed == appointment and not entry.active
    assert queued("booking.appointment_mail.confirm_appointment") == 1
    assert client.post(path).status_code == 404  # reused


def test_a_time_taken_first_shows_no_longer_available_with_next_times(client, online):
    mara, visit = online
    _, offer, path, _ = offered(online)
    make_appointment(mara, visit, offer.start)
    response = client.post(path)
    html = response.content.decode()
    assert response.status_code == 409
    assert "That time is no longer available" in html
    assert html.count('class="slot slot--wide"') == 6
    assert Appointment.objects.count() == 1


@pytest.mark.parametrize("token", ["wrong", "x" * 200, "A" * 43, "%00"])
def test_a_wrong_token_gets_link_not_valid(client, online, token):
    offered(online)
    response = client.get(f"/book/waitlist/offer/{token}/")
    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()


def test_an_expired_offer_gets_link_not_valid(client, online):
    _, offer, path, _ = offered(online)
    WaitlistOffer.objects.filter(pk=offer.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
    assert not Appointment.objects.exists()


def test_claim_pages_are_rate_limited(client, online, settings):
    settings.BOOKING_ATTEMPT_LIMIT = (3, 3600)
    _, _, path, _ = offered(online)
    assert [client.get(path).status_code for _ in range(4)] == [200, 200, 200, 429]


def test_a_second_practitioner_is_offered_only_their_own_freed_time(online):
    mara, visit = online
    other = make_practitioner("Jon Reyes")
    make_schedule(other)
    visit.practitioners.add(other)
    make_entry(visit, practitioner=other)
    assert not offers_for(local_at(2, 10), mara).exists()
    assert offers_for(local_at(2, 10), other).count() == 1


# Front desk -------------------------------------------------------------------------------------


def test_the_front_desk_sees_the_waitlist_and_its_offers_audited(client, front_desk, online):
    entry, offer, path, _ = offered(online)
    client.post(path)
    sign_in(client, front_desk)
    listing = client.get("/admin/booking/waitlist/")
    assert listing.status_code == 200 and "Waiting Patient" in listing.content.decode()
    page = client.get(f"/admin/booking/waitlist/inspect/{entry.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "with Mara Ellison" in html and "mailed" in html and "taken" in html
    details = set(RequestAuditEntry.objects.filter(user=front_desk).values_list("detail", flat=True))
    assert {"waitlist list", f"waitlist entry {entry.pk}"} <= details


def test_editors_do_not_see_the_waitlist(client, editor, online):
    entry = make_entry(online[1])
    sign_in(client, editor)
    for url in ("/admin/booking/waitlist/", f"/admin/booking/waitlist/inspect/{entry.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Waiting Patient" not in response.content.decode()
