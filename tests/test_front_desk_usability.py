"""How the front desk's admin reads and flows: the confirmation button's label, the short sidebar item with
its count of new requests, email and phone as links in a readable format, save-and-stay on a request or
appointment, the report's title; and the patient's thank-you page showing their request's reference
(to their browser only, never in a URL)."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from booking.models import ConsultationRequest
from tests.factories import (
    FORM_URL,
    THANK_YOU_URL,
    make_appointment,
    make_practitioner,
    make_request,
    make_visit,
    valid_data,
)

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def sidebar_labels(response):
    """The labels of the sidebar's menu items, from the props Wagtail's sidebar is drawn from."""
    return re.findall(r'"label": "([^"]*)"', soup_of(response).select_one("#wagtail-sidebar-props").string)


# Buttons with an icon


def assert_labelled_icon_button(button, label):
    """Wagtail's icon-and-label button: the label as text, the icon in its wrapper (sized by the admin's
    CSS; a bare icon in a plain button draws at the browser's default 300x150 and hides the label)."""
    assert button.get_text(strip=True) == label
    assert {"bicolor", "button--icon"} <= set(button["class"])
    assert button.select_one(".icon-wrapper > svg.icon") is not None


@pytest.mark.parametrize("view", ["edit", "inspect"])
def test_the_confirmation_button_carries_its_label_beside_a_wrapped_icon(desk_client, view):
    scheduled = make_request(status="scheduled", scheduled=True)

    page = soup_of(desk_client.get(reverse(f"consultationrequest:{view}", args=[scheduled.pk])))

    form = page.select_one(f"form[action='{reverse('consultationrequest:confirm', args=[scheduled.pk])}']")
    assert_labelled_icon_button(form.select_one("button[type=submit]"), "Send confirmation to patient")


def test_every_icon_button_on_a_request_and_an_appointment_is_labelled(desk_client, home):
    mara = make_practitioner("Mara Ellison")
    kind = make_visit(practitioners=[mara])
    appointment = make_appointment(mara, kind, timezone.now() + datetime.timedelta(days=2))
    consultation_request = make_request(status="scheduled", scheduled=True)
    pages = [
        reverse("consultationrequest:inspect", args=[consultation_request.pk]),
        reverse("consultationrequest:edit", args=[consultation_request.pk]),
        reverse("appointment:inspect", args=[appointment.pk]),
    ]
    labels = []
    for url in pages:
        content = soup_of(desk_client.get(url)).select_one("#main")
        for button in content.select(".button"):
            # Wagtail's own save bar and menus are not ours to check.
            if button.find_parent("footer") or "button-longrunning" in button["class"]:
                continue
            if button.select_one("svg.icon"):
                labels.append(button.get_text(strip=True))
                assert_labelled_icon_button(button, labels[-1])

    assert {"Book an appointment for this request", "Send confirmation to patient"} <= set(labels)
    assert "Show the day in the calendar" in labels


# The sidebar item


def test_the_sidebar_item_is_short_and_counts_a_new_request_from_the_form(desk_client, condition):
    make_request(status="contacted")
    assert "Requests" in sidebar_labels(desk_client.get(reverse("wagtailadmin_home")))

    patient = Client()
    assert patient.post(FORM_URL, valid_data(condition)).status_code == 303
    assert "Requests (1 new)" in sidebar_labels(desk_client.get(reverse("wagtailadmin_home")))

    make_request()
    labels = sidebar_labels(desk_client.get(reverse("consultationrequest:index")))
    assert "Requests (2 new)" in labels
    assert not any(label.startswith("Consultation requests") for label in labels)


def test_the_sidebar_and_dashboard_count_new_requests_in_one_query(desk_client):
    make_request(is_urgent=True)
    make_request()
    desk_client.get(reverse("wagtailadmin_home"))

    with CaptureQueriesContext(connection) as captured:
        response = desk_client.get(reverse("wagtailadmin_home"))

    counting = [
        q["sql"] for q in captured if "booking_consultationrequest" in q["sql"] and "COUNT(" in q["sql"]
    ]
    assert len(counting) == 1, counting
    assert "Requests (2 new)" in sidebar_labels(response)
    assert "1 of them urgent" in soup_of(response).select_one("#consultation-requests-section").get_text()


# Email and phone


def contact_links(page):
    return {
        link["href"]: link.get_text(strip=True) for link in page.select("a[href^='tel:'], a[href^='mailto:']")
    }


@pytest.mark.parametrize("view", ["edit", "inspect"])
def test_a_requests_email_and_phone_are_links_with_the_phone_readable(desk_client, view):
    local = make_request(email="harriet@example.com", phone="+12125550142")
    abroad = make_request(email="tom@example.co.uk", phone="+442079460000")
    unassigned = make_request(phone="+15550142290")  # the demo clinic's made-up numbers

    local_links = contact_links(
        soup_of(desk_client.get(reverse(f"consultationrequest:{view}", args=[local.pk])))
    )
    abroad_links = contact_links(
        soup_of(desk_client.get(reverse(f"consultationrequest:{view}", args=[abroad.pk])))
    )

    assert local_links["tel:+12125550142"] == "(212) 555-0142"
    assert local_links["mailto:harriet@example.com"] == "harriet@example.com"
    assert abroad_links["tel:+442079460000"] == "+44 20 7946 0000"
    page = soup_of(desk_client.get(reverse(f"consultationrequest:{view}", args=[unassigned.pk])))
    assert contact_links(page)["tel:+15550142290"] == "(555) 014-2290"


def test_an_appointments_email_and_phone_are_links(desk_client, home):
    mara = make_practitioner("Mara Ellison")
    kind = make_visit(practitioners=[mara])
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    appointment = make_appointment(mara, kind, start, email="walkin@example.org", phone="+12125550199")

    links = contact_links(soup_of(desk_client.get(reverse("appointment:inspect", args=[appointment.pk]))))

    assert links == {"tel:+12125550199": "(212) 555-0199", "mailto:walkin@example.org": "walkin@example.org"}


def test_a_phone_that_is_no_number_is_shown_as_stored(desk_client):
    odd = make_request(phone="ask at reception")
    page = soup_of(desk_client.get(reverse("consultationrequest:inspect", args=[odd.pk])))
    assert "ask at reception" in page.get_text()
    assert not page.select("a[href^='tel:']")


# Save and stay


def test_saving_a_request_stays_on_its_edit_page_with_a_message(desk_client):
    consultation_request = make_request()
    url = reverse("consultationrequest:edit", args=[consultation_request.pk])

    response = desk_client.post(url, {"status": "contacted", "internal_notes": "Left a message."})

    assert response.status_code == 302 and response["Location"] == url
    page = soup_of(desk_client.get(url))
    assert (
        page.select_one(".messages .success").get_text(strip=True)
        == f"Request {consultation_request.reference} saved."
    )
    assert ConsultationRequest.objects.get(pk=consultation_request.pk).status == "contacted"


def test_saving_an_appointment_stays_on_its_edit_page(desk_client, home):
    mara = make_practitioner("Mara Ellison")
    kind = make_visit(practitioners=[mara])
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=2)
    appointment = make_appointment(mara, kind, start)
    url = reverse("appointment:edit", args=[appointment.pk])
    data = {
        "practitioner": mara.pk,
        "appointment_type": kind.pk,
        "start": timezone.localtime(start).strftime("%Y-%m-%d %H:%M"),
        "name": appointment.name,
        "email": appointment.email,
        "phone": "",
        "condition": "",
        "symptoms": appointment.symptoms,
        "internal_notes": "Bring the scan.",
        "consultation_request": "",
    }

    response = desk_client.post(url, data)

    assert response.status_code == 302 and response["Location"] == url
    appointment.refresh_from_db()
    assert appointment.internal_notes == "Bring the scan."
    assert appointment.reference in soup_of(desk_client.get(url)).select_one(".messages .success").get_text()


# The report


def test_the_report_header_names_the_report(desk_client):
    page = soup_of(desk_client.get(reverse("consultationrequest:report")))

    # The slim header shows the breadcrumbs; the last one reads as the page's title (the h1 is hidden).
    visible_title = page.select("[data-w-breadcrumbs] ol > li")[-1].get_text(strip=True)
    assert visible_title == "Consultation report"
    assert page.title.get_text(strip=True).startswith("Consultation report")


# The thank-you page


def test_the_thank_you_page_shows_the_reference_to_the_patient_who_sent_it(client, condition):
    form = client.get(FORM_URL)
    posted = client.post(FORM_URL, valid_data(condition))
    [stored] = ConsultationRequest.objects.all()

    assert posted.status_code == 303 and posted["Location"] == THANK_YOU_URL
    cookie = next(iter(posted.cookies.values()))
    assert cookie["path"] == THANK_YOU_URL and cookie["httponly"]
    urls = [posted["Location"], *(tag["action"] for tag in soup_of(form).select("form[action]"))]
    assert not any(stored.reference in url or str(stored.pk) in url.split("/") for url in urls)

    for _refresh in range(2):
        thanks = client.get(THANK_YOU_URL)
        assert stored.reference in soup_of(thanks).select_one("main").get_text(" ", strip=True)
        assert "no-store" in thanks["Cache-Control"]
        assert '<meta name="robots" content="noindex' in thanks.content.decode()

    other_browser = Client().get(THANK_YOU_URL)
    assert stored.reference not in other_browser.content.decode()
    assert "Thank you" in other_browser.content.decode()


def test_a_forged_reference_cookie_shows_nothing(client):
    client.cookies["clinic_request_reference"] = "CR-00042"
    assert "CR-00042" not in client.get(THANK_YOU_URL).content.decode()
