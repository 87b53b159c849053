"""Anonymise (or delete) consultation requests the clinic no longer needs to keep.

A request is due when its status is "Closed" or "Not a fit" and it has not been updated for more than
``--days`` days (default ``settings.BOOKING_RETENTION_DAYS``).

Anonymising is the default: the name, email, phone, preferred times, symptoms, practitioner and
treatment preferences and internal notes are blanked, and ``anonymised_at`` is set. What remains (the
condition's name, the source page, the status and dates) holds nothing that identifies the patient,
and keeps the consultation report's counts and the audit log's request numbers meaningful.
``--delete`` removes the rows instead. Either way each request gets an audit entry without values,
and the command prints counts only.

Waitlist entries hold a name and contact details and nothing the clinic keeps for later: they are
deleted (with their offers) ``settings.WAITLIST_RETENTION_DAYS`` days after their last wanted day or
after the patient left the waitlist.

Run it daily, e.g. from cron: ``python manage.py apply_retention``.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from booking import audit
from booking.models import ConsultationRequest, WaitlistEntry

BATCH_SIZE = 500

#: What anonymising writes over a request's personal details.
ANONYMISED_VALUES = {
    "name": "",
    "email": "",
    "phone": "",
    "preferred_times": [],
    "symptoms": "",
    "internal_notes": "",
    "practitioner_preference": None,
    "treatment_preference": None,
}


def finished_waitlist_entries(days, now=None):
    """Waitlist entries whose last wanted day, or leaving, is more than ``days`` days past."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    return WaitlistEntry.objects.filter(Q(until__lt=timezone.localdate(cutoff)) | Q(left_at__lt=cutoff))


def due_for_retention(days, now=None):
    """Closed or not-a-fit requests, not yet anonymised, last updated more than ``days`` days ago."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return ConsultationRequest.objects.filter(
        status__in=[ConsultationRequest.Status.CLOSED, ConsultationRequest.Status.NOT_A_FIT],
        updated_at__lt=cutoff,
        anonymised_at__isnull=True,
    )


class Command(BaseCommand):
    help = "Anonymise (default) or delete closed consultation requests older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep requests updated within this many days (default: BOOKING_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would change; change nothing.")
        parser.add_argument(
            "--delete", action="store_true", help="Delete the requests instead of anonymising."
        )

    def handle(self, *args, days=None, dry_run=False, delete=False, **options):
        days = settings.BOOKING_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        verb = "delete" if delete else "anonymise"
        ids = list(due_for_retention(days).order_by("pk").values_list("pk", flat=True))
        waitlist_days = settings.WAITLIST_RETENTION_DAYS
        finished = finished_waitlist_entries(waitlist_days)
        if dry_run:
            self.stdout.write(f"Would {verb} {len(ids)} consultation request(s) closed over {days} days ago.")
            self.stdout.write(f"Would delete {finished.count()} finished waitlist entries.")
            return

        for start in range(0, len(ids), BATCH_SIZE):
            batch = ids[start : start + BATCH_SIZE]
            with transaction.atomic():
                if delete:
                    ConsultationRequest.objects.filter(pk__in=batch).delete()
                    audit.record(
                        None, audit.Action.DELETE, batch, detail=f"retention: deleted after {days} days"
                    )
                else:
                    # update() leaves updated_at alone, so the row still shows when staff last worked it.
                    ConsultationRequest.objects.filter(pk__in=batch).update(
                        anonymised_at=timezone.now(), **ANONYMISED_VALUES
                    )
                    audit.record(None, audit.Action.ANONYMISE, batch, detail=f"retention: after {days} days")
        past = "Deleted" if delete else "Anonymised"
        self.stdout.write(f"{past} {len(ids)} consultation request(s) closed over {days} days ago.")
        deleted = finished.count()
        finished.delete()
        self.stdout.write(f"Deleted {deleted} waitlist entries finished over {waitlist_days} days ago.")
