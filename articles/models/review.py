"""Medical review of the clinic's medical pages (conditions, treatments, articles).

A page records which practitioner last reviewed it and when. Both are filled by a clinical reviewer's
approval in the "Clinical review" workflow (``articles.workflows.ClinicalApprovalTask``), never typed by
an editor. The next review falls due a number of months later: the page's own interval if it has one,
else the clinic's default in Settings › Clinic details.
"""

import calendar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from articles import seo
from clinic_site.models import ClinicSettings

#: Months between reviews when the clinic has not set its own default.
DEFAULT_REVIEW_INTERVAL_MONTHS = 12


def add_months(day, months):
    """``day`` moved on by whole calendar months; the 31st becomes the month's last day where needed."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class MedicalReviewFields(models.Model):
    """Who medically reviewed a page, when, and how often it must be reviewed again.

    ``reviewer`` and ``last_reviewed`` are set by approval in Clinical review and shown read-only in the
    editor (``articles.panels.ReviewStatusPanel``); only the review interval is the editor's to change.
    """

    reviewer = models.ForeignKey(
        "articles.Practitioner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="medically reviewed by",
        help_text="Recorded when a clinical reviewer approves the page in Clinical review.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="Recorded when a clinical reviewer approves the page."
    )
    review_interval_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        verbose_name="review every (months)",
        help_text="How often a clinician must check this page again. Leave empty for the clinic’s "
        "default (Settings › Clinic details).",
    )

    class Meta:
        abstract = True

    @classmethod
    def review_panel(cls):
        """The editor's "Medical review" section: the review record (read-only) and the interval."""
        from articles.panels import ReviewStatusPanel

        return MultiFieldPanel(
            [ReviewStatusPanel(), FieldPanel("review_interval_months")], heading="Medical review"
        )

    def review_interval(self, clinic):
        default = getattr(clinic, "review_interval_months", None) or DEFAULT_REVIEW_INTERVAL_MONTHS
        return self.review_interval_months or default

    def next_review_due(self, clinic):
        """The day the next review is due, or None for a page never reviewed."""
        if self.last_reviewed is None:
            return None
        return add_months(self.last_reviewed, self.review_interval(clinic))

    def with_review_details(self, facts, properties, nodes, people):
        """``schema_details`` with ``lastReviewed`` and ``reviewedBy`` from the last approval added."""
        reviewer = self.reviewer if self.reviewer_id else None
        properties = {
            **properties,
            "lastReviewed": seo.iso(self.last_reviewed),
            "reviewedBy": facts.person(reviewer) if reviewer else None,
        }
        return properties, nodes, [*people, reviewer] if reviewer else people

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["next_review_due"] = self.next_review_due(ClinicSettings.for_request(request))
        return context


class ReviewReminder(models.Model):
    """One week's "medical pages due for review" mail to the clinical reviewers, so it goes out once a
    week however often the scheduler runs ``send_review_reminders``."""

    week_start = models.DateField(unique=True, help_text="The Monday of the week the mail was sent in.")
    sent_at = models.DateTimeField(auto_now_add=True)
    pages = models.PositiveIntegerField(help_text="How many pages were due or overdue.")
    recipients = models.PositiveIntegerField(help_text="How many clinical reviewers were sent it.")

    class Meta:
        ordering = ["-week_start"]

    def __str__(self):
        return f"Review reminder for the week of {self.week_start:%B %-d, %Y}"
