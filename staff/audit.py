"""The audit record of staff sign-in security: second factors added and removed, resets and unlocks.

Kept in Wagtail's own log (``ModelLogEntry``) against the staff member's user account, so it shows in
Reports › Site history to those who may manage users, and on the managers' page. Written with the log
entry manager's ``log_action``: ``wagtail.log_actions.log()`` drops entries for models without an
admin viewset registered for logging, which the user model is not here.
"""

from wagtail.models import ModelLogEntry

ACTIONS = {
    "staff.second_factor.added": "Second factor added",
    "staff.second_factor.removed": "Second factor removed",
    "staff.second_factor.reset": "Second factors reset by a manager",
    "staff.recovery_codes.replaced": "New recovery codes made",
    "staff.sign_in.unlocked": "Sign-in unlocked by a manager",
}


def record(action, account, by, **data):
    """Write one entry: ``action`` (a key of ``ACTIONS``) on ``account``, done by user ``by``."""
    return ModelLogEntry.objects.log_action(account, action, user=by, data=data)


def register(actions):
    """Called from the ``register_log_actions`` hook."""
    for action, label in ACTIONS.items():
        actions.register_action(action, label, label)
