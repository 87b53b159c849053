"""What editors and clinical reviewers see about a medical page's review inside the page editor.

``ReviewStatusPanel`` takes the place of the reviewer and date fields editors used to fill in by hand:
it shows the last review, when the next one is due, the page's reading grade against the clinic's
target and, for a clinical reviewer, whether their approval will be recorded or why it cannot be.
"""

from django.utils import timezone
from wagtail.admin.panels import Panel

from articles.models.workflow import ClinicalApprovalTask, approval_refusal, practitioner_of
from articles.readability import reading_grade
from clinic_site.models import ClinicSettings


def review_summary(page, request):
    """The review facts about ``page`` (its latest draft) for the person looking at it."""
    clinic = ClinicSettings.for_request(request)
    due = page.next_review_due(clinic)
    grade = reading_grade(page)
    summary = {
        "reviewer": page.reviewer if page.reviewer_id else None,
        "last_reviewed": page.last_reviewed,
        "interval": page.review_interval(clinic),
        "next_review_due": due,
        "overdue": due is not None and due < timezone.localdate(),
        "grade": grade,
        "target": clinic.reading_grade_target,
        "above_target": grade is not None and grade > clinic.reading_grade_target,
    }
    summary.update(approval_outlook(page, request.user))
    return summary


def approval_outlook(page, user):
    """For someone who could approve the page's current Clinical review step: what approving will record,
    or why they cannot approve. Empty for everyone else."""
    task = page.current_workflow_task if page.pk else None
    if not isinstance(task, ClinicalApprovalTask):
        return {}
    if not (user.is_superuser or task.groups.filter(pk__in=user.groups.all()).exists()):
        return {}
    practitioner = practitioner_of(user)
    refusal = approval_refusal(page, user, page.current_workflow_state, practitioner)
    return {"can_review": True, "refusal": refusal, "recorded_as": None if refusal else practitioner}


class ReviewStatusPanel(Panel):
    """The page's medical review record, read-only: filled by approval in Clinical review."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/review_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["review"] = review_summary(self.instance, self.request)
            return context
