"""Registers the front desk's admin: consultation requests, their report and audit log, the dashboard panel,
the appointments menu (calendar, appointments, booking setup) and the attendance report.

The permission policies are registered first, before anything asks Wagtail for the models' policies.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from booking.models import ConsultationRequest, RequestAuditEntry, WaitlistEntry
from booking.viewsets.attendance_report import AttendanceReportViewSet
from booking.viewsets.audit_log import RequestAuditEntryViewSet
from booking.viewsets.permissions import (
    ConsultationRequestPermissionPolicy,
    RequestAuditPermissionPolicy,
    can_view_requests,
)
from booking.viewsets.requests import ConsultationRequestViewSet, NewRequestsPanel
from booking.viewsets.setup import AppointmentsMenu
from booking.viewsets.waitlist import WaitlistPermissionPolicy

register_permission_policy(ConsultationRequest, ConsultationRequestPermissionPolicy(ConsultationRequest))
register_permission_policy(RequestAuditEntry, RequestAuditPermissionPolicy(RequestAuditEntry))
register_permission_policy(WaitlistEntry, WaitlistPermissionPolicy(WaitlistEntry))

consultation_requests = ConsultationRequestViewSet()
request_audit_log = RequestAuditEntryViewSet()
attendance_report = AttendanceReportViewSet()


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


@hooks.register("register_admin_viewset")
def register_attendance_report():
    return attendance_report


@hooks.register("register_reports_menu_item")
def register_attendance_report_menu_item():
    return attendance_report.reports_menu_item()


@hooks.register("construct_homepage_panels")
def add_new_requests_panel(request, panels):
    if can_view_requests(request.user):
        panels.append(NewRequestsPanel(request))
