"""The "Clinical approval" step of the Clinical review workflow: a clinician's approval is the review.

Wagtail's group approval task, with three rules of the clinic's own on top:

- the approving reviewer's account must be linked to a practitioner who is marked as a clinical
  reviewer, because that practitioner is what patients see as "medically reviewed by";
- nobody approves their own page: not the person who sent it for review, nor the article's author;
- approving writes the reviewer and today's date into the revision about to be published, so the live
  page, its history and its structured data all say who reviewed it and when.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask

NOT_LINKED = (
    "Your account is not linked to a practitioner, so your approval cannot be recorded as a medical "
    "review. Ask a manager to link your account to your practitioner profile (Practitioners › your name "
    "› Staff account)."
)
NOT_A_REVIEWER = (
    "{name} is not marked as a clinical reviewer in Practitioners, so their approval cannot be recorded "
    "as a medical review."
)
OWN_SUBMISSION = "You sent this page for review, so another clinical reviewer must approve it."
OWN_ARTICLE = "You are the author of this article, so another clinical reviewer must approve it."


def practitioner_of(user):
    """The practitioner linked to a staff account, or None."""
    from articles.models.practitioners import Practitioner

    if user is None or not user.is_authenticated:
        return None
    return Practitioner.objects.filter(user=user).first()


def approval_refusal(page, user, workflow_state=None, practitioner=None):
    """Why ``user`` may not approve ``page`` as its medical reviewer, or None when they may."""
    practitioner = practitioner or practitioner_of(user)
    if practitioner is None:
        return NOT_LINKED
    if not practitioner.is_clinical_reviewer:
        return NOT_A_REVIEWER.format(name=practitioner.name)
    if workflow_state is not None and workflow_state.requested_by_id == user.pk:
        return OWN_SUBMISSION
    if getattr(page, "author_id", None) == practitioner.pk:
        return OWN_ARTICLE
    return None


def record_review(revision, practitioner, day=None):
    """Write ``practitioner`` and ``day`` (today) as the medical review into ``revision``: the page's
    latest revision, which the workflow publishes when it finishes."""
    reviewed = revision.as_object()
    reviewed.reviewer = practitioner
    reviewed.last_reviewed = day or timezone.localdate()
    revision.content = reviewed.serializable_data()
    revision.save(update_fields=["content"])
    return revision


class ClinicalApprovalTask(AbstractGroupApprovalTask):
    """Approval by a clinical reviewer, recorded on the page as its medical review."""

    class Meta:
        verbose_name = "clinical approval task"
        verbose_name_plural = "clinical approval tasks"

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve medical pages; the approving clinician is recorded "
            "on the page as its medical reviewer, with today as the date of the last review."
        )

    def refusal_for(self, obj, user):
        """Why ``user`` may not approve ``obj``, judged on its latest draft (who wrote it)."""
        return approval_refusal(obj.get_latest_revision_as_object(), user, obj.current_workflow_state)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.refusal_for(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def get_template_for_action(self, action):
        if action == "approve":
            return "articles/admin/approve_modal.html"
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            workflow_state = task_state.workflow_state
            # The very revision object the workflow's finish action will publish.
            revision = workflow_state.content_object.get_latest_revision()
            practitioner = practitioner_of(user)
            refusal = approval_refusal(revision.as_object(), user, workflow_state, practitioner)
            if refusal:
                raise PermissionDenied(refusal)
            record_review(revision, practitioner)
        return super().on_action(task_state, user, action_name, **kwargs)
