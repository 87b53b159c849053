"""The booking app's models: consultation requests and their audit log, the clinic's schedule, and
appointments."""

from .appointments import Appointment, ManageLink, appointment_admin_url
from .requests import (
    ADMIN_URL_NAMESPACE,
    ConsultationRequest,
    RequestAuditEntry,
    admin_url,
    reference_for,
)
from .schedule import AppointmentType, ClinicClosure, PractitionerSchedule, ScheduleException, WorkingHours
from .waitlist import WaitlistEntry, WaitlistOffer

__all__ = [
    "ADMIN_URL_NAMESPACE",
    "Appointment",
    "AppointmentType",
    "ClinicClosure",
    "ConsultationRequest",
    "ManageLink",
    "PractitionerSchedule",
    "RequestAuditEntry",
    "ScheduleException",
    "WaitlistEntry",
    "WaitlistOffer",
    "WorkingHours",
    "admin_url",
    "appointment_admin_url",
    "reference_for",
]
