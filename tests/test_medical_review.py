"""A clinical reviewer's approval is the page's medical review: recorded on the published revision with
today's date, never picked by an editor, never given by the page's own author or by an account that is
not a practitioner's."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from articles.models import ClinicalApprovalTask
from articles.models.review import add_months
from articles.models.workflow import NOT_LINKED, OWN_ARTICLE, OWN_SUBMISSION
from tests import factories

pytestmark = pytest.mark.django_db

BUILDERS = {
    "article": lambda condition: factories.make_article(
        "Draft about the neck", conditions=[condition], live=False, last_reviewed=None
    ),
    "condition": lambda condition: factories.make_condition("Whiplash", live=False),
    "treatment": lambda condition: factories.make_treatment("Gua sha"),
}


def submit(workflow, page, user):
    """Save the page as ``user`` and send it to Clinical review; returns the approval task and its state."""
    page.save_revision(user=user)
    state = workflow.start(page, user)
    task_state = state.current_task_state
    return task_state.task.specific, task_state


def approve_actions(task, page, user):
    return [name for name, *_ in task.get_actions(page, user) if name == "approve"]


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_the_clinical_review_workflow_uses_the_clinical_approval_task():
    [task] = [task.specific for task in Workflow.objects.get(name="Clinical review").tasks]
    assert isinstance(task, ClinicalApprovalTask)
    assert [group.name for group in task.groups.all()] == ["Clinical reviewers"]


@pytest.mark.parametrize("kind", BUILDERS)
def test_approval_records_the_reviewer_and_today_on_the_published_revision(
    kind, client, clinical_review, condition, editor, reviewer
):
    page = BUILDERS[kind](condition)
    task, task_state = submit(clinical_review, page, editor)

    task.on_action(task_state, reviewer, "approve")

    page.refresh_from_db()
    today = timezone.localdate()
    practitioner = reviewer.practitioner
    assert page.live
    assert (page.reviewer, page.last_reviewed) == (practitioner, today)
    live = page.live_revision
    assert live.user == editor, "the published revision stays the editor's"
    assert live.content["reviewer"] == practitioner.pk
    assert live.content["last_reviewed"] == today.isoformat()

    text = text_of(client.get(page.url))
    due = add_months(today, 12)
    assert f"Last reviewed {today:%B} {today.day}, {today.year} by Rae Reviewer, PT, DPT" in text
    assert f"Next review due {due:%B} {due.day}, {due.year}" in text


def test_through_the_admin_approval_dialog(client, clinical_review, condition, editor, reviewer):
    page = BUILDERS["article"](condition)
    _task, task_state = submit(clinical_review, page, editor)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    factories.sign_in(client, reviewer)

    dialog = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert dialog.status_code == 200
    html = dialog.json()["html"]
    assert "“Medically reviewed by Rae Reviewer, PT, DPT”, dated today." in html
    assert "Reading grade" in html

    response = client.post(url, {"comment": "Checked the red flags."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.reviewer == reviewer.practitioner


def test_nobody_approves_a_page_they_sent_for_review(clinical_review, condition, superuser):
    factories.make_practitioner("Boss Clinician", user=superuser)
    page = BUILDERS["article"](condition)
    task, task_state = submit(clinical_review, page, superuser)

    assert approve_actions(task, page, superuser) == []
    with pytest.raises(PermissionDenied, match=OWN_SUBMISSION):
        task.on_action(task_state, superuser, "approve")
    page.refresh_from_db()
    assert not page.live and page.reviewer is None


def test_an_author_cannot_approve_their_own_article(client, clinical_review, condition, editor, reviewer):
    page = BUILDERS["article"](condition)
    page.author = reviewer.practitioner
    task, task_state = submit(clinical_review, page, editor)

    assert approve_actions(task, page, reviewer) == []
    with pytest.raises(PermissionDenied, match=OWN_ARTICLE):
        task.on_action(task_state, reviewer, "approve")
    factories.sign_in(client, reviewer)
    assert OWN_ARTICLE in text_of(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    page.refresh_from_db()
    assert not page.live


def test_a_reviewer_without_a_practitioner_profile_is_told_why(client, clinical_review, condition, editor):
    unlinked = factories.make_user("new-reviewer", group="Clinical reviewers")
    page = BUILDERS["condition"](condition)
    task, task_state = submit(clinical_review, page, editor)

    assert approve_actions(task, page, unlinked) == []
    actions = [name for name, *_ in task.get_actions(page, unlinked)]
    assert "reject" in actions, "they may still ask for changes"
    factories.sign_in(client, unlinked)
    assert NOT_LINKED in text_of(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    with pytest.raises(PermissionDenied, match="not linked to a practitioner"):
        task.on_action(task_state, unlinked, "approve")


def test_editors_can_no_longer_pick_the_reviewer(client, condition, editor):
    chosen = factories.make_practitioner("Someone Picked")
    page = factories.make_article("Reviewed article", conditions=[condition])
    before = (page.reviewer_id, page.last_reviewed)
    factories.sign_in(client, editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    form = BeautifulSoup(client.get(edit_url).content, "html.parser")
    assert form.find(attrs={"name": "reviewer"}) is None
    assert form.find(attrs={"name": "last_reviewed"}) is None
    assert "Filled in when a clinical reviewer approves the page" in form.get_text()

    data = factories.edit_form_data(page)
    data.update(reviewer=str(chosen.pk), last_reviewed="2020-01-01")
    assert client.post(edit_url, data).status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert (draft.reviewer_id, draft.last_reviewed) == before
    assert "Edited in the admin." in draft.body[0].value.source, "the edit itself was saved"


def test_only_account_managers_link_a_practitioner_to_a_login(client, editor, superuser):
    practitioner = factories.make_practitioner("Linked Later")
    url = reverse("wagtailsnippets_articles_practitioner:edit", args=[practitioner.pk])
    factories.sign_in(client, editor)
    assert BeautifulSoup(client.get(url).content, "html.parser").find(attrs={"name": "user"}) is None
    factories.sign_in(client, superuser)
    assert BeautifulSoup(client.get(url).content, "html.parser").find(attrs={"name": "user"}) is not None


def test_next_review_due_is_the_page_interval_else_the_clinic_default(home):
    clinic = factories.make_clinic(review_interval_months=6)
    page = factories.make_condition("Dizziness", last_reviewed=datetime.date(2026, 8, 31))
    assert page.next_review_due(clinic) == datetime.date(2027, 2, 28), "six months, to the month's end"
    page.review_interval_months = 24
    assert page.next_review_due(clinic) == datetime.date(2028, 8, 31)
    page.last_reviewed = None
    assert page.next_review_due(clinic) is None
