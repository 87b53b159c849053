"""The admin's view of medical reviews: the "Reviews due" report and the reviewers' dashboard panel.

Both list the same pages (``articles.reviews_due``): live condition, treatment and article pages never
reviewed, overdue, or due within 30 days, the most urgent first.
"""

from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property
from laces.components import Component
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from articles.models.workflow import ClinicalApprovalTask
from articles.reviews_due import NEVER, OVERDUE, reviews_due
from clinic_site.models import ClinicSettings

EDITING_PERMISSIONS = ["add", "change", "publish"]


def edit_url(row):
    return reverse("wagtailadmin_pages:edit", args=[row.page.pk])


def when_due(row):
    """ "November 14, 2026 (14 days ago)" and the like; "Never reviewed" for a page never reviewed."""
    if row.next_review_due is None:
        return NEVER
    day = format_date(row.next_review_due, "F j, Y")
    if row.days < 0:
        return f"{day} ({-row.days} day{'s' if row.days != -1 else ''} ago)"
    if row.days == 0:
        return f"{day} (today)"
    return f"{day} (in {row.days} day{'s' if row.days != 1 else ''})"


def last_review(row):
    if row.last_reviewed is None:
        return "Never"
    day = format_date(row.last_reviewed, "F j, Y")
    return f"{day} by {row.reviewer_name}" if row.reviewer_name else day


def can_edit_pages(user):
    return policy_registry.get_by_type(Page).user_has_any_permission(user, EDITING_PERMISSIONS)


def is_clinical_reviewer(user):
    """Whether ``user`` approves pages in an active clinical approval step (superusers included)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    tasks = ClinicalApprovalTask.objects.filter(active=True, groups__in=user.groups.all())
    return tasks.exists()


class ReviewsDueView(ReportView):
    """Reports › Reviews due: every live medical page that is overdue, due within 30 days, or was never
    reviewed, with a link to open it; downloadable as a spreadsheet."""

    page_title = "Reviews due"
    header_icon = "time"
    index_url_name = "articles_reviews_due"
    index_results_url_name = "articles_reviews_due_results"
    any_permission_required = EDITING_PERMISSIONS
    paginate_by = 100
    columns = [
        TitleColumn("title", label="Page", get_url=edit_url),
        Column("page_type", label="Type"),
        Column("status", label="Status"),
        Column("due", label="Review due", accessor=when_due),
        Column("last", label="Last reviewed", accessor=last_review),
    ]
    list_export = ["title", "page_type", "status", "next_review_due", "last_reviewed", "reviewer_name"]
    export_headings = {
        "title": "Page",
        "page_type": "Type",
        "status": "Status",
        "next_review_due": "Review due",
        "last_reviewed": "Last reviewed",
        "reviewer_name": "Reviewed by",
    }

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    @cached_property
    def no_results_message(self):
        return "No medical page is due for review in the next 30 days."

    def get_queryset(self):
        return reviews_due(ClinicSettings.for_request(self.request))


class ReviewsDueMenuItem(MenuItem):
    """The "Reviews due" item under Reports, for staff who edit or review pages."""

    def is_shown(self, request):
        return can_edit_pages(request.user)


class ReviewsDuePanel(Component):
    """The clinical reviewer's dashboard panel: how many medical pages need a review, the most urgent
    first, with a link to the full report."""

    name = "reviews_due"
    template_name = "articles/admin/reviews_due_panel.html"
    order = 150
    shown = 5

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context=None):
        return {
            "rows": [(row, edit_url(row), when_due(row)) for row in self.rows[: self.shown]],
            "more": max(0, len(self.rows) - self.shown),
            "overdue": sum(row.status in (OVERDUE, NEVER) for row in self.rows),
            "total": len(self.rows),
            "report_url": reverse(ReviewsDueView.index_url_name),
        }
