"""Pages due for review: the admin report lists exactly the live medical pages overdue, due within 30
days or never reviewed; reviewers see them on their dashboard; a weekly mail tells the reviewers only."""

import csv
import datetime
import io
import socket

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone

from articles.models import ReviewReminder
from articles.models.review import add_months
from tests import factories

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/reviews-due/"
DUE = ["Never reviewed condition", "Overdue condition", "Soon treatment", "Own interval article"]


@pytest.fixture
def medical_pages(home):
    """Pages in every state, for a clinic that reviews every 12 months: the four in ``DUE`` need review."""
    factories.make_clinic(review_interval_months=12)
    today = timezone.localdate()
    a_year_ago = add_months(today, -12)
    days = datetime.timedelta
    factories.make_condition("Never reviewed condition")
    factories.make_condition("Overdue condition", last_reviewed=a_year_ago - days(1))
    factories.make_treatment("Soon treatment", last_reviewed=a_year_ago + days(10))
    factories.make_article(
        "Own interval article", review_interval_months=6, last_reviewed=add_months(today + days(20), -6)
    )
    factories.make_article("Fresh article", last_reviewed=today)
    factories.make_treatment("Not yet due treatment", last_reviewed=a_year_ago + days(31))
    factories.make_condition("Overdue draft", live=False, last_reviewed=a_year_ago - days(100))
    factories.make_standard_page("About us")


def own_interval_due():
    today = timezone.localdate()
    return add_months(add_months(today + datetime.timedelta(days=20), -6), 6)


def rows_of(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        for row in html.select("tbody tr")
    ]


def test_the_report_lists_exactly_the_pages_due(client, medical_pages, reviewer):
    factories.sign_in(client, reviewer)
    rows = rows_of(client.get(REPORT_URL))
    assert [row[0] for row in rows] == DUE
    assert [row[2] for row in rows] == ["Never reviewed", "Overdue", "Due soon", "Due soon"]
    assert rows[1][3].endswith("(1 day ago)")
    assert rows[2][3].endswith("(in 10 days)")
    assert rows[3][3].endswith(f"(in {(own_interval_due() - timezone.localdate()).days} days)")


def test_the_report_downloads_as_a_spreadsheet(client, medical_pages, editor):
    factories.sign_in(client, editor)
    response = client.get(REPORT_URL, {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Page"] for row in rows] == DUE
    assert rows[1]["Status"] == "Overdue"


def test_staff_who_do_not_edit_pages_cannot_open_the_report(client, medical_pages, front_desk):
    factories.sign_in(client, front_desk)
    response = client.get(REPORT_URL)
    assert response.status_code in (302, 403)
    assert b"Overdue condition" not in response.content
    assert b"Reviews due" not in client.get("/admin/").content


def test_reviewers_see_the_pages_due_on_their_dashboard(client, medical_pages, reviewer, editor):
    factories.sign_in(client, reviewer)
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one("#reviews-due-section")
    text = " ".join(panel.get_text(" ").split())
    assert "4 medical pages need a review, 2 of them overdue or never reviewed" in text
    assert [a.get_text() for a in panel.select("li a")] == DUE
    factories.sign_in(client, editor)
    assert (
        BeautifulSoup(client.get("/admin/").content, "html.parser").select_one("#reviews-due-section") is None
    )


def test_the_weekly_mail_goes_to_clinical_reviewers_only(
    medical_pages, reviewer, editor, front_desk, superuser
):
    no_email = factories.make_user("reviewer-without-email", group="Clinical reviewers")
    no_email.email = ""
    no_email.save()

    call_command("send_review_reminders")

    assert [message.to for message in mail.outbox] == [[reviewer.email]]
    [message] = mail.outbox
    assert message.subject == "Medical pages due for review: 4 (2 overdue)"
    for title in DUE:
        assert title in message.body
    assert "Fresh article" not in message.body
    assert "http://testserver/admin/pages/" in message.body
    assert "http://testserver/admin/reports/reviews-due/" in message.body
    assert ReviewReminder.objects.get().recipients == 1

    call_command("send_review_reminders")
    assert len(mail.outbox) == 1, "once a week, however often the scheduler runs it"
    call_command("send_review_reminders", "--force")
    assert len(mail.outbox) == 2


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_mail_server_that_is_down_leaves_the_week_to_the_next_run(medical_pages, reviewer):
    smtp = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1"}
    with override_settings(**smtp, EMAIL_PORT=closed_port()), pytest.raises(CommandError, match="next run"):
        call_command("send_review_reminders")
    assert not ReviewReminder.objects.exists()
    call_command("send_review_reminders")
    assert [message.to for message in mail.outbox] == [[reviewer.email]]


def test_nobody_to_tell_is_an_error_not_silence(medical_pages, editor):
    with pytest.raises(CommandError, match="no clinical reviewer has an email address"):
        call_command("send_review_reminders")
    assert not ReviewReminder.objects.exists()
