"""The audit record of staff sign-in security: second factors added and removed, resets and unlocks.

Kept in Wagtail's own log against the staff member's user account (``wagtail.log_actions.log``), so
it shows in Reports › Site history to those who may manage users, and on the manager's page.
"""

from wagtail.log_actions import log

ACTIONS = {
    "staff.second_factor.added": "Second factor added",
    "staff.second_factor.removed": "Second factor removed",
    "staff.second_factor.reset": "Second factors reset by a manager",
    "staff.recovery_codes.replaced": "New recovery codes made",
    "staff.sign_in.unlocked": "Sign-in unlocked by a manager",
}


def record(action, account, by, **data):
    """Write one entry: ``action`` (a key of ``ACTIONS``) on ``account``, done by user ``by``."""
    return log(instance=account, action=action, user=by, data=data)


def register(actions):
    """Called from the ``register_log_actions`` hook."""
    for action, label in ACTIONS.items():
        actions.register_action(action, label, label)
