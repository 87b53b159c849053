"""The two mails a consultation request causes, written to carry no health details.

- The staff notice says a request arrived, its reference, whether it is urgent, and where to open it
  in the admin. Everything else stays behind the admin login.
- The patient's acknowledgement confirms we have it, gives the reference and what happens next. It
  repeats nothing they told us: no condition, no symptoms, no red-flag answer, not even their name.

Both are sent from the task queue (``booking.tasks``), never while the patient waits.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from clinic_site.models import ClinicSettings

#: URL namespace of the front desk's request views (``booking.viewsets.REQUESTS_NAMESPACE``).
ADMIN_URL_NAMESPACE = "consultationrequest"


def admin_url_for(consultation_request):
    """The front desk's page for this request in the Wagtail admin (login required)."""
    try:
        path = reverse(f"{ADMIN_URL_NAMESPACE}:inspect", args=[consultation_request.pk])
    except NoReverseMatch:  # the admin views are not registered: never fail a notice over a link
        path = f"/admin/booking/consultationrequest/inspect/{consultation_request.pk}/"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def clinic_settings():
    """Clinic details of the default site; unsaved defaults when there is no site yet."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return ClinicSettings.for_site(site) if site else ClinicSettings()


def staff_recipients(clinic):
    address = clinic.booking_notification_email or settings.BOOKING_NOTIFICATION_EMAIL or clinic.email
    return [address] if address else []


def staff_notification(consultation_request, clinic=None):
    """The "new request" notice, or None when no address is configured to send it to."""
    clinic = clinic or clinic_settings()
    recipients = staff_recipients(clinic)
    if not recipients:
        return None
    subject = f"New consultation request {consultation_request.reference}"
    if consultation_request.is_urgent:
        subject += " — URGENT"
    body = render_to_string(
        "booking/email/staff_notification.txt",
        {
            "reference": consultation_request.reference,
            "is_urgent": consultation_request.is_urgent,
            "admin_url": admin_url_for(consultation_request),
            "clinic": clinic,
        },
    )
    return EmailMessage(subject=subject, body=body, to=recipients)


def patient_acknowledgement(consultation_request, clinic=None):
    """The "we received your request" mail, or None when the patient gave no email address."""
    if not consultation_request.email:
        return None
    clinic = clinic or clinic_settings()
    body = render_to_string(
        "booking/email/patient_acknowledgement.txt",
        {"reference": consultation_request.reference, "clinic": clinic},
    )
    reply_to = [clinic.email] if clinic.email else None
    return EmailMessage(
        subject=f"We received your request ({consultation_request.reference})",
        body=body,
        to=[consultation_request.email],
        reply_to=reply_to,
    )
