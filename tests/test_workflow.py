"""Medical pages go through clinical review; revisions and scheduled publishing work."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests import factories


@pytest.mark.django_db
def test_editor_cannot_publish_and_a_reviewer_approval_publishes(
    clinical_review, condition, editor, reviewer
):
    article = factories.make_article("Draft about the neck", conditions=[condition], live=False)
    assert not article.permissions_for_user(editor).can_publish()
    assert article.get_workflow() == clinical_review

    article.save_revision(user=editor)
    state = clinical_review.start(article, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.name == "Clinical approval"
    assert [action for action, *_ in task.get_actions(article, editor)] == []
    assert "approve" in [action for action, *_ in task.get_actions(article, reviewer)]

    task.on_action(task_state, reviewer, "approve")

    article.refresh_from_db()
    assert article.live
    assert article.live_revision.user == editor


@pytest.mark.django_db
def test_condition_and_treatment_pages_are_also_under_review(clinical_review, condition):
    assert condition.get_workflow() == clinical_review
    assert factories.make_treatment("Cupping").get_workflow() == clinical_review


@pytest.mark.django_db
def test_every_save_keeps_a_revision(condition):
    article = factories.make_article("Revised", conditions=[condition])
    article.summary = "A second version."
    article.save_revision().publish()
    assert article.revisions.count() == 2
    first = article.revisions.order_by("created_at").first().as_object()
    assert first.summary != "A second version."


@pytest.mark.django_db
@pytest.mark.parametrize(
    "builder",
    [
        lambda condition: factories.make_article("Later", conditions=[condition], live=False),
        lambda condition: factories.make_condition("Later condition", live=False),
        lambda condition: factories.make_standard_page("Later page"),
    ],
)
def test_scheduled_publishing_goes_live_when_due(condition, builder):
    page = builder(condition)
    if page.live:
        page.unpublish()
    go_live = timezone.now() + timedelta(seconds=2)
    page.go_live_at = go_live
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live, "a future go-live date only schedules the page"
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live, "not due yet"

    time.sleep(max(0.0, (go_live - timezone.now()).total_seconds()) + 0.2)
    call_command("publish_scheduled", verbosity=0)

    page.refresh_from_db()
    assert page.live
