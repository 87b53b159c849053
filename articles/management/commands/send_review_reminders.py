"""Mail the clinical reviewers, once a week, the medical pages that are due for review.

The scheduler runs it daily or hourly (``make run``, ``make serve``, and the timer or cron line in
``docs/deploy.md``, beside ``publish_scheduled``); it sends at most one mail a week, on its first run in
the week that finds pages due. A week is recorded as sent (``ReviewReminder``) in the same transaction
that hands the mails over, so a mail server that fails leaves the week open and the next run tries
again. Only people who approve pages in an active Clinical approval step, with an email address, get it.

Mail is handed to Django's mail backend like every notice of the site that is not about a booking.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from articles.models import ClinicalApprovalTask, ReviewReminder
from articles.reviews_due import NEVER, OVERDUE, reviews_due
from clinic_site.models import ClinicSettings

logger = logging.getLogger(__name__)


def clinical_reviewers():
    """Active accounts in the groups of an active clinical approval step that have an email address."""
    groups = ClinicalApprovalTask.objects.filter(active=True).values("groups")
    users = get_user_model().objects.filter(is_active=True, groups__in=groups).exclude(email="")
    return list(users.distinct().order_by("pk"))


def admin_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def reminder_for(user, rows, clinic):
    overdue = [row for row in rows if row.status in (OVERDUE, NEVER)]
    subject = f"Medical pages due for review: {len(rows)}"
    if overdue:
        subject += f" ({len(overdue)} overdue)"
    body = render_to_string(
        "articles/email/reviews_due.txt",
        {
            "user": user,
            "clinic": clinic,
            "rows": [
                (row, admin_url(reverse("wagtailadmin_pages:edit", args=[row.page.pk]))) for row in rows
            ],
            "report_url": admin_url(reverse("articles_reviews_due")),
        },
    )
    return EmailMessage(subject, body, to=[user.email])


class Command(BaseCommand):
    help = "Mail the clinical reviewers the medical pages due for review (at most once a week)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Send even if this week's mail went out.")

    def handle(self, *args, force=False, **options):
        today = timezone.localdate()
        week_start = today - datetime.timedelta(days=today.weekday())
        sent = ReviewReminder.objects.filter(week_start=week_start)
        if sent.exists() and not force:
            self.say(options, f"This week's review reminder already went out ({week_start:%B %-d}).")
            return
        site = Site.objects.filter(is_default_site=True).first()
        clinic = ClinicSettings.for_site(site) if site else None
        rows = reviews_due(clinic, today)
        if not rows:
            self.say(options, "No medical page is due for review: nothing to send.")
            return
        reviewers = clinical_reviewers()
        if not reviewers:
            message = (
                f"{len(rows)} medical page(s) are due for review, but no clinical reviewer has an email "
                "address: nobody was told. Add the reviewers' addresses in Settings › Users."
            )
            logger.warning(message)
            raise CommandError(message)
        messages = [reminder_for(user, rows, clinic) for user in reviewers]
        try:
            with transaction.atomic():
                sent.delete()
                ReviewReminder.objects.create(
                    week_start=week_start, pages=len(rows), recipients=len(messages)
                )
                get_connection().send_messages(messages)
        except IntegrityError:
            self.say(options, "Another run is sending this week's review reminder.")
            return
        except OSError as error:  # the mail server refused or could not be reached: try on the next run
            logger.error("The review reminder could not be sent: %s", error)
            raise CommandError(
                f"The review reminder could not be sent; the next run tries again ({error})."
            ) from error
        self.say(options, f"Sent the review reminder ({len(rows)} page(s)) to {len(messages)} reviewer(s).")

    def say(self, options, text):
        if options["verbosity"] > 1:  # quiet by default: cron mails whatever a job prints
            self.stdout.write(text)
