"""The front desk's appointments: the list, one appointment's page with its status buttons, and the form
to book or move one (also from a consultation request), under the same overlap rule as online booking.

Every view of an appointment's page or form and every change is written to the audit log.
"""

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from articles.models import ConditionPage
from booking import audit, waitlist
from booking.appointment_mail import enqueue_appointment_mails
from booking.appointments import NotMarkable, SlotTaken, change_status, clashes, save_if_free
from booking.filters import AppointmentFilterSet
from booking.forms import OTHER_CONDITION_LABEL
from booking.missed_you import request_missed_you
from booking.models import Appointment, AppointmentType, ConsultationRequest
from booking.viewsets.contact import ContactLinksMixin
from booking.viewsets.edit_flow import StayOnEditPageMixin

MOVING_FIELDS = {"practitioner", "appointment_type", "start"}


def local_range_text(appointment):
    start, end = timezone.localtime(appointment.start), timezone.localtime(appointment.end)
    return f"{date_format(start, 'D M j')}, {time_format(start, 'g:i A')}–{time_format(end, 'g:i A')}"


def clash_message(clash):
    return (
        f"{clash.practitioner.name} already has {clash.reference} then ({local_range_text(clash)}, with the "
        "time kept free around it). Choose another time or practitioner."
    )


class AppointmentAdminForm(WagtailAdminModelForm):
    """Who, which visit and when, with the patient's contact details; refused when it overlaps."""

    send_confirmation = forms.BooleanField(
        required=False,
        initial=True,
        label="Email the patient a confirmation",
        help_text="For a new or moved appointment, when the patient gave an email address.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation_request"].widget = forms.HiddenInput()
        # A plain list rather than the snippet chooser: a clinic has a handful of practitioners.
        practitioner = self.fields["practitioner"]
        practitioner.widget = forms.Select(choices=practitioner.choices)
        self.fields["condition"].queryset = ConditionPage.objects.live().order_by("title")
        self.fields["condition"].empty_label = OTHER_CONDITION_LABEL

    def clean(self):
        cleaned = super().clean()
        practitioner, kind, start = (
            cleaned.get(name) for name in ("practitioner", "appointment_type", "start")
        )
        if practitioner and kind and start and self.instance.holds_time:
            placed = Appointment(pk=self.instance.pk, practitioner=practitioner, appointment_type=kind)
            placed.set_time(start)
            clash = clashes(placed).select_related("practitioner").first()
            if clash is not None:
                self.add_error("start", clash_message(clash))
        return cleaned


class StaffBookingMixin:
    """Saving through ``save_if_free``: a time taken meanwhile comes back as an error on the form."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except SlotTaken:
            form.add_error("start", "That time was just taken: another appointment now overlaps it.")
            return self.form_invalid(form)

    def mails(self, saved):
        if self.form.cleaned_data.get("send_confirmation") and saved.email:
            enqueue_appointment_mails(saved, staff_notice=False)


class AppointmentCreateView(StaffBookingMixin, CreateView):
    """Book an appointment for a patient, or from a consultation request (``?request=<id>``)."""

    def linked_request(self):
        request_id = self.request.GET.get("request") or self.request.POST.get("consultation_request")
        if not str(request_id or "").isdigit():
            return None
        return ConsultationRequest.objects.filter(pk=int(request_id), anonymised_at__isnull=True).first()

    def get_initial(self):
        initial = super().get_initial()
        for name in ("practitioner", "appointment_type", "start"):
            if self.request.GET.get(name):
                initial[name] = self.request.GET[name]
        consultation_request = self.linked_request()
        if consultation_request is not None:
            new_patient = consultation_request.patient_type == ConsultationRequest.PatientType.NEW
            kind = AppointmentType.objects.filter(new_patients_only=new_patient).first()
            initial.update(
                consultation_request=consultation_request.pk,
                name=consultation_request.name,
                email=consultation_request.email,
                phone=consultation_request.phone,
                condition=consultation_request.condition_id,
                symptoms=consultation_request.symptoms,
                practitioner=consultation_request.practitioner_preference_id,
                appointment_type=kind.pk if kind else None,
            )
        return initial

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        consultation_request = self.linked_request()
        if consultation_request is not None:
            audit.record(
                request.user, audit.Action.VIEW, consultation_request, detail="booking an appointment"
            )
        return response

    def save_instance(self):
        appointment = self.form.instance
        appointment.origin = Appointment.Origin.STAFF
        appointment.created_by = self.request.user
        appointment.condition_label = (
            appointment.condition.title if appointment.condition else OTHER_CONDITION_LABEL
        )
        appointment.set_time(self.form.cleaned_data["start"])
        return save_if_free(appointment, self.mails, self.record, self.mark_request_scheduled)

    def record(self, saved):
        audit.record_appointment(self.request.user, audit.Action.BOOK, saved, "booked by staff")

    def mark_request_scheduled(self, saved):
        consultation_request = saved.consultation_request
        if consultation_request is None:
            return
        consultation_request.status = ConsultationRequest.Status.SCHEDULED
        consultation_request.scheduled_for = saved.start
        consultation_request.save(update_fields=["status", "scheduled_for", "updated_at"])
        audit.record(
            self.request.user, audit.Action.CHANGE, consultation_request, f"scheduled as {saved.reference}"
        )


class AppointmentEditView(StayOnEditPageMixin, StaffBookingMixin, EditView):
    """Change or move an appointment; saving stays on the form. Showing it is audited as a view."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        audit.record_appointment(request.user, audit.Action.VIEW, self.object, "edit page")
        return response

    def save_instance(self):
        appointment = self.form.instance
        changed = [name for name in self.form.changed_data if name != "send_confirmation"]
        moved = bool(MOVING_FIELDS & set(changed))
        if moved:
            was = (
                Appointment.objects.filter(pk=appointment.pk)
                .values_list("practitioner_id", "start", "end")
                .get()
            )
            appointment.set_time(self.form.cleaned_data["start"])
            appointment.sequence += 1
        action = audit.Action.MOVE if moved else audit.Action.CHANGE
        detail = "changed " + ", ".join(changed) if changed else "saved without changes"
        steps = [lambda saved: audit.record_appointment(self.request.user, action, saved, detail)]
        if moved:
            steps += [self.mails, lambda saved: waitlist.enqueue_freed(*was)]
        return save_if_free(appointment, *steps)


class AppointmentInspectView(ContactLinksMixin, InspectView):
    """One appointment, with buttons to mark it arrived, completed or a no-show, or to cancel it."""

    template_name = "booking/admin/appointment_inspect.html"
    status_url_name = None
    missed_you_url_name = None

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        audit.record_appointment(request.user, audit.Action.VIEW, self.object, "detail page")
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        appointment = self.object
        can_change = self.user_has_permission("change")
        context.update(
            status_actions=[(value, Appointment.Status(value).label) for value in status_actions(appointment)]
            if can_change
            else [],
            offer_missed_you=can_change and may_get_missed_you(appointment),
            missed_you_url=reverse(self.missed_you_url_name, args=[appointment.pk]),
            status_url=reverse(self.status_url_name, args=[appointment.pk]),
            calendar_url=reverse("booking_calendar:index")
            + f"?view=day&date={timezone.localtime(self.object.start):%Y-%m-%d}",
        )
        return context

    def get_start_display_value(self):
        return local_range_text(self.object)

    def get_consultation_request_display_value(self):
        consultation_request = self.object.consultation_request
        if consultation_request is None:
            return "—"
        return consultation_request.reference


def status_actions(appointment, now=None):
    """What the front desk can mark next: arrived or no-show once a booked visit's start has come,
    completed after arrival, and "booked" again to undo a mistaken mark or a cancellation."""
    Status = Appointment.Status
    if appointment.status == Status.BOOKED:
        marks = [Status.ARRIVED, Status.NO_SHOW] if appointment.markable(now) else []
        return [*marks, Status.CANCELLED]
    if appointment.status == Status.ARRIVED:
        return [Status.COMPLETED, Status.BOOKED]
    return [Status.BOOKED]


def may_get_missed_you(appointment):
    """A booked-and-started or no-show appointment with an email address, never mailed "we missed you"."""
    no_show = appointment.status == Appointment.Status.NO_SHOW or appointment.markable()
    return no_show and bool(appointment.email) and appointment.missed_you_requested_at is None


class AppointmentActionView(PermissionCheckedMixin, View):
    """POST only, with the change permission; goes back to the calendar (``next``) or the appointment."""

    model = Appointment
    permission_required = "change"
    http_method_names = ["post"]
    inspect_url_name = None

    def back(self, request, pk):
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
            target = reverse(self.inspect_url_name, args=[pk])
        return redirect(target)


class AppointmentStatusView(AppointmentActionView):
    """Arrived, completed, no-show, cancelled, or booked again (if the time is still free); with a
    no-show, the "we missed you" mail when ticked."""

    def post(self, request, pk):
        appointment = get_object_or_404(Appointment, pk=pk)
        status = request.POST.get("status")
        if status not in Appointment.Status.values:
            messages.error(request, "Choose what happened to the appointment.")
            return self.back(request, pk)
        freed = [waitlist.freed_by_cancel] if status == Appointment.Status.CANCELLED else []
        try:
            change_status(appointment, status, request.user, *freed)
        except SlotTaken:
            messages.error(request, "That time is taken by another appointment now: book a new time instead.")
        except NotMarkable:
            messages.error(
                request, "Only a booked appointment that has started can be marked arrived or no-show."
            )
        else:
            label = Appointment.Status(status).label.lower()
            messages.success(request, f"{appointment.reference}: {label}.")
            if status == Appointment.Status.NO_SHOW and request.POST.get("missed_you"):
                queue_missed_you(request, appointment)
        return self.back(request, pk)


def queue_missed_you(request, appointment):
    if request_missed_you(appointment, request.user):
        messages.success(request, f"{appointment.reference}: the “we missed you” mail is on its way.")
    else:
        messages.warning(
            request,
            f"{appointment.reference}: no “we missed you” mail (already sent, no email, or not a no-show).",
        )


class MissedYouView(AppointmentActionView):
    """Send the "we missed you" mail for a no-show; a second press sends nothing more."""

    def post(self, request, pk):
        queue_missed_you(request, get_object_or_404(Appointment, pk=pk))
        return self.back(request, pk)


class AppointmentIndexView(IndexView):
    """Appointments, soonest first, with their practitioner and visit fetched in the same query."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("practitioner", "appointment_type")


class AppointmentViewSet(ModelViewSet):
    """The list of appointments, and booking, moving and cancelling them."""

    model = Appointment
    name = "appointment"
    url_prefix = "booking/appointments"
    icon = "date"
    menu_label = "All appointments"
    add_to_reference_index = False
    index_view_class = AppointmentIndexView
    add_view_class = AppointmentCreateView
    edit_view_class = AppointmentEditView
    inspect_view_class = AppointmentInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    ordering = "start"
    list_display = [
        "reference",
        DateColumn("start", label="When", sort_key="start"),
        Column("practitioner", label="With"),
        Column("appointment_type", label="Visit", accessor="appointment_type.name"),
        Column("status", label="Status", accessor="get_status_display", sort_key="status"),
        "name",
    ]
    filterset_class = AppointmentFilterSet
    search_fields = ["reference", "name", "email", "phone"]
    search_backend_name = None
    inspect_view_fields = [
        "reference",
        "status",
        "start",
        "practitioner",
        "appointment_type",
        "name",
        "email",
        "phone",
        "condition_label",
        "symptoms",
        "origin",
        "consultation_request",
        "source_title",
        "internal_notes",
        "created_at",
        "confirmation_sent_at",
        "cancelled_at",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("practitioner"), FieldPanel("appointment_type"), FieldPanel("start")],
                "When and with whom",
            ),
            MultiFieldPanel(
                [FieldPanel("name"), FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])], "The patient"
            ),
            MultiFieldPanel(
                [FieldPanel("condition"), FieldPanel("symptoms"), FieldPanel("internal_notes")], "The visit"
            ),
            FieldPanel("send_confirmation"),
            FieldPanel("consultation_request"),
        ],
        base_form_class=AppointmentAdminForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(usage_url_name=None, **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            status_url_name=self.get_url_name("status"),
            missed_you_url_name=self.get_url_name("missed_you"),
            **kwargs,
        )

    def get_urlpatterns(self):
        inspect = {"inspect_url_name": self.get_url_name("inspect")}
        return super().get_urlpatterns() + [
            path("status/<int:pk>/", self.construct_view(AppointmentStatusView, **inspect), name="status"),
            path("missed-you/<int:pk>/", self.construct_view(MissedYouView, **inspect), name="missed_you"),
        ]
