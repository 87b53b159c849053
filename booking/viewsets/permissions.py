"""Who may do what with requests and the audit log: Django permissions plus the clinic's own rules."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from booking.models import ConsultationRequest


class ConsultationRequestPermissionPolicy(ModelPermissionPolicy):
    """Django model permissions, with two clinic rules on top.

    - Nobody adds a request in the admin, superusers included: requests only come from patients.
    - ``export`` is its own permission (``booking.export_consultationrequest``), not implied by view.
    """

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


class RequestAuditPermissionPolicy(ModelPermissionPolicy):
    """The audit log can be read (``booking.view_requestauditentry``) but never written from the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action == "view"])


def request_policy():
    return policy_registry.get_by_type(ConsultationRequest)


def can_view_requests(user):
    return request_policy().user_has_permission(user, "view")
