"""`manage.py apply_retention`: closed requests past the retention period lose their personal details."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from booking.models import ConsultationRequest, RequestAuditEntry, WaitlistEntry, WaitlistOffer
from tests import factories
from tests.factories import PATIENT_NAME, make_request

pytestmark = pytest.mark.django_db

Status = ConsultationRequest.Status


def aged(days, **fields):
    """A request last updated ``days`` days ago (updated_at is auto_now, so set it afterwards)."""
    fields.setdefault("internal_notes", "Called twice, no answer.")
    fields.setdefault("preferred_times", ["weekday_mornings"])
    request = make_request(**fields)
    ConsultationRequest.objects.filter(pk=request.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=days)
    )
    return request


@pytest.fixture
def requests_of_all_ages():
    return {
        "old closed": aged(400, status=Status.CLOSED, condition_label="Migraine", source_title="Migraine"),
        "old not a fit": aged(400, status=Status.NOT_A_FIT),
        "recent closed": aged(10, status=Status.CLOSED),
        "old new": aged(400, status=Status.NEW),
        "old scheduled": aged(400, status=Status.SCHEDULED),
    }


def run(*args):
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def fresh(request):
    return ConsultationRequest.objects.get(pk=request.pk)


def assert_untouched(request):
    current = fresh(request)
    assert current.name == PATIENT_NAME
    assert current.email and current.phone and current.symptoms and current.internal_notes
    assert current.anonymised_at is None


def test_old_closed_requests_are_anonymised_and_the_rest_untouched(requests_of_all_ages):
    manager = factories.make_user("assignee", group="Front desk managers")
    ConsultationRequest.objects.filter(pk=requests_of_all_ages["old closed"].pk).update(assignee=manager)

    output = run()

    for key in ("old closed", "old not a fit"):
        current = fresh(requests_of_all_ages[key])
        assert (current.name, current.email, current.phone) == ("", "", "")
        assert (current.symptoms, current.internal_notes, current.preferred_times) == ("", "", [])
        assert current.anonymised_at is not None
    kept = fresh(requests_of_all_ages["old closed"])
    # Kept for the report's counts and the front desk's history; none of it identifies the patient.
    assert (kept.condition_label, kept.source_title, kept.status) == ("Migraine", "Migraine", Status.CLOSED)
    for key in ("recent closed", "old new", "old scheduled"):
        assert_untouched(requests_of_all_ages[key])

    assert output.splitlines()[0] == "Anonymised 2 consultation request(s) closed over 365 days ago."
    entries = RequestAuditEntry.objects.filter(action=RequestAuditEntry.Action.ANONYMISE)
    assert {entry.request_id_ref for entry in entries} == {
        requests_of_all_ages["old closed"].pk,
        requests_of_all_ages["old not a fit"].pk,
    }
    assert all(entry.user is None and entry.detail == "retention: after 365 days" for entry in entries)


def test_a_second_run_finds_nothing_more(requests_of_all_ages):
    run()
    assert run().splitlines()[0] == "Anonymised 0 consultation request(s) closed over 365 days ago."
    assert RequestAuditEntry.objects.count() == 2


def test_dry_run_changes_nothing(requests_of_all_ages):
    output = run("--dry-run")

    assert output.splitlines()[0] == "Would anonymise 2 consultation request(s) closed over 365 days ago."
    for request in requests_of_all_ages.values():
        assert_untouched(request)
    assert not RequestAuditEntry.objects.exists()


def test_days_option_and_setting(requests_of_all_ages):
    assert "Would anonymise 3 " in run("--days", "5", "--dry-run")
    with override_settings(BOOKING_RETENTION_DAYS=500):
        assert "Would anonymise 0 " in run("--dry-run")


def test_delete_option_removes_the_rows_and_keeps_the_audit(requests_of_all_ages):
    old_ids = {requests_of_all_ages["old closed"].pk, requests_of_all_ages["old not a fit"].pk}

    output = run("--delete")

    assert output.splitlines()[0] == "Deleted 2 consultation request(s) closed over 365 days ago."
    assert not ConsultationRequest.objects.filter(pk__in=old_ids).exists()
    assert ConsultationRequest.objects.count() == 3
    entries = RequestAuditEntry.objects.filter(action=RequestAuditEntry.Action.DELETE)
    assert {entry.request_id_ref for entry in entries} == old_ids


def test_output_and_audit_hold_no_patient_details(requests_of_all_ages):
    output = run()
    details = " ".join(RequestAuditEntry.objects.values_list("detail", flat=True))
    for text in [PATIENT_NAME, "harriet@example.com", "Migraine", "Stiff neck", "Called twice"]:
        assert text not in output
        assert text not in details


def test_days_must_be_positive():
    with pytest.raises(CommandError):
        run("--days", "0")


def test_finished_waitlist_entries_are_deleted_with_their_offers(home):
    practitioner = factories.make_practitioner("Mara Ellison")
    visit = factories.make_visit(practitioners=[practitioner])
    today = timezone.localdate()

    def entry(name, until_days, left_days_ago=None):
        return WaitlistEntry.objects.create(
            appointment_type=visit,
            weekdays=[0],
            parts_of_day=["morning"],
            until=today + datetime.timedelta(days=until_days),
            name=name,
            email=f"{name.lower()}@example.com",
            consent_given_at=timezone.now(),
            left_at=None
            if left_days_ago is None
            else timezone.now() - datetime.timedelta(days=left_days_ago),
        )

    expired_long_ago = entry("Expired", -31)
    WaitlistOffer.objects.create(
        entry=expired_long_ago,
        practitioner=practitioner,
        start=timezone.now() - datetime.timedelta(days=40),
        expires_at=timezone.now() - datetime.timedelta(days=39),
    )
    left_long_ago = entry("Left", 10, left_days_ago=31)
    kept = [entry("Waiting", 20), entry("Lately", -29), entry("Justleft", 10, left_days_ago=29)]
    assert run("--dry-run").splitlines()[1] == "Would delete 2 finished waitlist entries."
    assert WaitlistEntry.objects.count() == 5
    assert run().splitlines()[1] == "Deleted 2 waitlist entries finished over 30 days ago."
    assert set(WaitlistEntry.objects.all()) == set(kept)
    assert not WaitlistEntry.objects.filter(pk__in=[expired_long_ago.pk, left_long_ago.pk]).exists()
    assert not WaitlistOffer.objects.exists()
