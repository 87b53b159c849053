"""The patient's online booking forms: which visit and with whom, then their details.

A chosen time travels between the steps as a "slot": the practitioner's id and the start in UTC, e.g.
``3@20261207T1500Z``. It says nothing about the patient, so it may sit in a link.
"""

import datetime

from django import forms
from django.utils import timezone

from articles.models import Practitioner, TreatmentPage
from booking.forms import (
    OTHER_CONDITION_LABEL,
    ConsultationRequestForm,
    ErrorLinks,
    condition_for_slug,
    live_source_page,
)
from booking.models import Appointment, AppointmentType, ConsultationRequest

FIRST_AVAILABLE = "any"
START_FORMAT = "%Y%m%dT%H%MZ"


def slot_value(practitioner_id, start):
    return f"{practitioner_id}@{start.astimezone(datetime.UTC).strftime(START_FORMAT)}"


def read_slot(value):
    """(practitioner id, aware start) from a slot value, or None when it is not one."""
    try:
        practitioner, start = str(value).split("@", 1)
        return int(practitioner), datetime.datetime.strptime(start, START_FORMAT).replace(tzinfo=datetime.UTC)
    except (TypeError, ValueError):
        return None


def online_types():
    """Visits patients can book online that at least one bookable practitioner offers."""
    return (
        AppointmentType.objects.filter(
            bookable_online=True,
            practitioners__booking_schedule__accepts_online_bookings=True,
        )
        .distinct()
        .order_by("sort_order", "name")
    )


def online_practitioners():
    return Practitioner.objects.filter(booking_schedule__accepts_online_bookings=True).order_by(
        "sort_order", "name"
    )


class VisitForm(ErrorLinks, forms.Form):
    """Step 1 (and what steps 2 and 3 carry along): the kind of visit and the practitioner, or the
    first one available, with the page, condition and treatment the patient came from."""

    type = forms.ModelChoiceField(
        label="What kind of visit?",
        queryset=AppointmentType.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Choose the kind of visit", "invalid_choice": "Choose the kind of visit"},
    )
    practitioner = forms.ChoiceField(
        label="Who would you like to see?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a practitioner or “First available”"},
    )
    condition = forms.CharField(required=False, widget=forms.HiddenInput)
    treatment = forms.IntegerField(required=False, widget=forms.HiddenInput)
    week = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = forms.IntegerField(required=False, widget=forms.HiddenInput)
        self.fields["type"].queryset = online_types()
        self.practitioners = list(online_practitioners())
        self.fields["practitioner"].choices = [(FIRST_AVAILABLE, "First available")] + [
            (str(practitioner.pk), practitioner.display_name) for practitioner in self.practitioners
        ]
        self.offered_by = {}

    @property
    def type_options(self):
        """(radio button, appointment type) pairs, so the page can show each visit's length and price."""
        types = {str(kind.pk): kind for kind in self.fields["type"].queryset}
        return [(radio, types.get(str(radio.data["value"]))) for radio in self["type"]]

    @property
    def practitioner_options(self):
        by_id = {str(practitioner.pk): practitioner for practitioner in self.practitioners}
        return [(radio, by_id.get(str(radio.data["value"]))) for radio in self["practitioner"]]

    def clean_treatment(self):
        treatment_id = self.cleaned_data.get("treatment")
        if not treatment_id:
            return None
        return TreatmentPage.objects.live().public().filter(pk=treatment_id).first()

    def clean(self):
        cleaned = super().clean()
        kind, choice = cleaned.get("type"), cleaned.get("practitioner")
        if kind and choice and choice != FIRST_AVAILABLE:
            if not kind.practitioners.filter(pk=int(choice)).exists():
                chosen = next(p for p in self.practitioners if str(p.pk) == choice)
                self.add_error(
                    "practitioner",
                    f"{chosen.name} does not offer a {kind.name.lower()}: "
                    "choose someone else or “First available”",
                )
        cleaned["condition_page"] = condition_for_slug(cleaned.get("condition"))
        cleaned["source"] = live_source_page(cleaned.get("from"))
        return cleaned

    def carried(self):
        """The query parameters that say what is being booked and where the patient came from."""
        data = self.cleaned_data
        params = {"type": data["type"].pk, "practitioner": data["practitioner"]}
        if data.get("condition_page"):
            params["condition"] = data["condition_page"].slug
        if data.get("source"):
            params["from"] = data["source"].pk
        if data.get("treatment"):
            params["treatment"] = data["treatment"].pk
        return params


class AppointmentDetailsForm(ConsultationRequestForm):
    """Step 3: the request form's questions and checks about the patient, for a chosen time.

    The visit already says whether they are new, and the time whom they will see, so those questions
    are left out; everything else (contact details and their checks, the condition, symptoms, the
    red-flag question, consent) is the request form's own.
    """

    patient_type = None
    preferred_times = None
    practitioner = None
    treatment = None
    slot = forms.CharField(widget=forms.HiddenInput, error_messages={"required": "Choose a time"})

    choice_fields = ["preferred_contact"]
    request_fields = ["condition", "symptoms"]

    def __init__(self, *args, other_times=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "consent"
        ].label = "I agree that the clinic may keep these details to arrange my appointment"
        if other_times:
            self.fields["slot"] = forms.ChoiceField(
                label="Choose another time",
                choices=list(other_times),
                widget=forms.RadioSelect,
                error_messages={"required": "Choose another time"},
            )

    def clean_slot(self):
        slot = read_slot(self.cleaned_data["slot"])
        if slot is None:
            raise forms.ValidationError("Choose a time", code="invalid")
        return slot

    def build_appointment(self, token, privacy_version, visit, practitioner, start):
        """An unsaved appointment from the cleaned data, stored under the form's submission token."""
        data = self.cleaned_data
        condition = data["condition"]
        source = data["source_page"]
        appointment = Appointment(
            practitioner=practitioner,
            appointment_type=visit["type"],
            name=data["name"].strip(),
            email=data["email"],
            phone=data["phone"],
            preferred_contact=data["preferred_contact"],
            condition=condition,
            condition_label=condition.title if condition else OTHER_CONDITION_LABEL,
            symptoms=data["symptoms"].strip(),
            origin=Appointment.Origin.ONLINE,
            source_page=source,
            source_title=source.title[:255] if source else "",
            treatment=visit.get("treatment"),
            consent_given_at=timezone.now(),
            privacy_version=privacy_version,
            submission_token=token.id,
        )
        appointment.set_time(start)
        return appointment


def patient_type_for(appointment_type):
    """What a visit says about the patient, for an urgent request sent instead of a booking."""
    if appointment_type.new_patients_only:
        return ConsultationRequest.PatientType.NEW
    return ConsultationRequest.PatientType.RETURNING
