"""What finishing a Clinical review (or any) workflow does. Its own module, importing nothing: Wagtail
imports ``WAGTAIL_FINISH_WORKFLOW_ACTION`` while its own models load, before this app's models can."""


def publish_approved(workflow_state, user=None):
    """What finishing a workflow does (``WAGTAIL_FINISH_WORKFLOW_ACTION``): publish the approved revision.

    Wagtail's own action publishes as the last approver and so needs them to hold "publish" on the
    page. Clinical reviewers do not (they must not publish their own edits directly or delete live
    pages); the approval tasks already checked that this person may approve, and that is what
    publishing after review rests on."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
