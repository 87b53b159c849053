"""Registers the front desk's admin: consultation requests, their report and audit log, the dashboard panel,
and the appointments menu (calendar, appointments, booking setup).

The permission policies are registered first, before anything asks Wagtail for the models' policies.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from booking.models import ConsultationRequest, RequestAuditEntry
from booking.viewsets.audit_log import RequestAuditEntryViewSet
from booking.viewsets.permissions import (
    ConsultationRequestPermissionPolicy,
    RequestAuditPermissionPolicy,
    can_view_requests,
)
from booking.viewsets.requests import ConsultationRequestViewSet, NewRequestsPanel
from booking.viewsets.setup import AppointmentsMenu

register_permission_policy(ConsultationRequest, ConsultationRequestPermissionPolicy(ConsultationRequest))
register_permission_policy(RequestAuditEntry, RequestAuditPermissionPolicy(RequestAuditEntry))

consultation_requests = ConsultationRequestViewSet()
request_audit_log = RequestAuditEntryViewSet()


@hooks.register("register_admin_viewset")
def register_consultation_requests():
    return consultation_requests


@hooks.register("register_admin_viewset")
def register_request_audit_log():
    return request_audit_log


@hooks.register("register_admin_viewset")
def register_appointments():
    return AppointmentsMenu()


@hooks.register("register_reports_menu_item")
def register_consultation_report_menu_item():
    return consultation_requests.get_report_menu_item()


@hooks.register("construct_homepage_panels")
def add_new_requests_panel(request, panels):
    if can_view_requests(request.user):
        panels.append(NewRequestsPanel(request))
