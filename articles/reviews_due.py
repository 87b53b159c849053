"""Which live medical pages need a clinician's review: never reviewed, overdue, or due within 30 days.

The due date depends on each page's interval and the clinic's default, both editable at any time, so it
is worked out here from the last review rather than stored. A clinic has tens of medical pages, not
thousands: one query per page type reads them all.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone

from articles.models.review import MedicalReviewFields

#: Pages falling due within this many days are listed as "due soon".
SOON_DAYS = 30

NEVER, OVERDUE, DUE_SOON = "Never reviewed", "Overdue", "Due soon"


def medical_page_models():
    """Every page type that records a medical review (conditions, treatments, articles)."""
    return [model for model in apps.get_models() if issubclass(model, MedicalReviewFields)]


@dataclass
class DueReview:
    """One live medical page that needs a review, for the report, the dashboard and the weekly mail."""

    page: object
    next_review_due: datetime.date | None
    today: datetime.date

    @property
    def title(self):
        return self.page.title

    @property
    def page_type(self):
        return self.page._meta.verbose_name.capitalize()

    @property
    def last_reviewed(self):
        return self.page.last_reviewed

    @property
    def reviewer_name(self):
        return self.page.reviewer.display_name if self.page.reviewer_id else ""

    @property
    def status(self):
        if self.next_review_due is None:
            return NEVER
        return OVERDUE if self.next_review_due < self.today else DUE_SOON

    @property
    def days(self):
        """Days until the review is due; negative when overdue, None when never reviewed."""
        return None if self.next_review_due is None else (self.next_review_due - self.today).days


def reviews_due(clinic, today=None, within_days=SOON_DAYS):
    """Live medical pages never reviewed, overdue, or due within ``within_days``: the most urgent first."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=within_days)
    due = []
    for model in medical_page_models():
        for page in model.objects.live().select_related("reviewer"):
            next_due = page.next_review_due(clinic)
            if next_due is None or next_due <= horizon:
                due.append(DueReview(page=page, next_review_due=next_due, today=today))
    due.sort(key=lambda row: (row.next_review_due or datetime.date.min, row.title))
    return due
