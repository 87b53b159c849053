"""The patient's consultation request form."""

import phonenumbers
from django import forms
from django.core.validators import slug_unicode_re
from django.utils import timezone
from wagtail.models import Page

from articles.models import ConditionPage, Practitioner, TreatmentPage
from booking.models import ConsultationRequest

OTHER_CONDITION = "other"
OTHER_CONDITION_LABEL = "Something else"
PHONE_ERROR = "Enter a phone number like (212) 555-0142 or +44 20 7946 0000"

RED_FLAGS = [
    "A sudden, severe headache, the worst you have ever had",
    "A headache after a blow to the head",
    "A headache with fever, changes in your vision, weakness or confusion",
    "Numbness, weakness, dizziness or other nerve symptoms that are getting worse",
]

PREFERRED_TIMES = [
    ("weekday_mornings", "Weekday mornings"),
    ("weekday_afternoons", "Weekday afternoons"),
    ("weekday_evenings", "Weekday evenings"),
    ("saturdays", "Saturdays"),
]


def live_conditions():
    return ConditionPage.objects.live().public().order_by("title")


def condition_for_slug(slug):
    """The published condition page with this slug, or None: an unknown slug just preselects nothing."""
    if not slug or not slug_unicode_re.match(slug):  # e.g. a NUL byte, which PostgreSQL refuses
        return None
    return live_conditions().filter(slug=slug).first()


def live_source_page(value):
    """The live page a patient came from, given the id carried in the form; anything else is ignored."""
    try:
        page_id = int(value)
    except (TypeError, ValueError):
        return None
    if page_id <= 0:
        return None
    return Page.objects.live().filter(pk=page_id).first()


class ErrorLinks:
    """The error summary's links for a form: ``{% include "booking/includes/error_summary.html" %}``."""

    @property
    def error_links(self):
        """(anchor id, message) for the error summary, in the order the fields appear on the form."""
        links = []
        for bound_field in self:
            if bound_field.is_hidden or not bound_field.errors:
                continue
            anchor = f"{bound_field.auto_id}_0" if bound_field.use_fieldset else bound_field.auto_id
            links.extend((anchor, message) for message in bound_field.errors)
        return links


class ConsultationRequestForm(ErrorLinks, forms.Form):
    """What the front desk needs to arrange a first consultation, and no more.

    Phone numbers are stored in international (E.164) form. The red-flag answer is kept here; the view
    decides whether the patient must first see the "get urgent care" message.
    """

    name = forms.CharField(label="Your name", max_length=120, error_messages={"required": "Enter your name"})
    email = forms.EmailField(label="Email address", required=False, max_length=254)
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=40,
        help_text="For a number from another country, start with + and its country code.",
    )
    preferred_contact = forms.ChoiceField(
        label="How should we contact you?",
        choices=ConsultationRequest.ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how we should contact you"},
    )
    patient_type = forms.ChoiceField(
        label="Have you been to the clinic before?",
        choices=ConsultationRequest.PatientType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Tell us whether you are a new or returning patient"},
    )
    preferred_times = forms.MultipleChoiceField(
        label="When suits you?",
        choices=PREFERRED_TIMES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose all that apply. Leave them all clear if any time suits.",
    )
    condition = forms.ChoiceField(
        label="What would you like help with?",
        error_messages={"required": "Choose what you would like help with, or “Something else”"},
    )
    practitioner = forms.ModelChoiceField(
        label="Practitioner",
        queryset=Practitioner.objects.all(),
        required=False,
        empty_label="No preference",
    )
    treatment = forms.ModelChoiceField(
        label="Treatment",
        queryset=TreatmentPage.objects.none(),
        required=False,
        empty_label="No preference",
    )
    symptoms = forms.CharField(
        label="Tell us about your symptoms",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="A few lines are enough (up to 2,000 characters). Leave out anything you would rather "
        "tell us in person.",
        error_messages={
            "max_length": "Keep this to 2,000 characters or fewer (you have %(show_value)d). "
            "You can tell us the rest in person."
        },
    )
    red_flags = forms.ChoiceField(
        label="Do any of these apply to you now?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": "Tell us whether any of these apply to you now"},
    )
    consent = forms.BooleanField(
        label="I agree that the clinic may keep these details to arrange my consultation",
        error_messages={"required": "Tick the box to agree, so we can keep your details and contact you"},
    )
    source_page = forms.CharField(required=False, widget=forms.HiddenInput)
    red_flag_acknowledged = forms.BooleanField(required=False, widget=forms.HiddenInput)

    about_you_fields = ["name", "email", "phone"]
    choice_fields = ["preferred_contact", "patient_type", "preferred_times"]
    request_fields = ["condition", "practitioner", "treatment", "symptoms"]

    def __init__(self, *args, phone_region="US", **kwargs):
        super().__init__(*args, **kwargs)
        self.phone_region = phone_region
        if "treatment" in self.fields:  # online booking's form has no treatment question
            self.fields["treatment"].queryset = TreatmentPage.objects.live().public().order_by("title")
        self.fields["condition"].choices = [
            ("", "Choose one"),
            *[(str(page.pk), page.title) for page in live_conditions()],
            (OTHER_CONDITION, OTHER_CONDITION_LABEL),
        ]
        self.fields["name"].widget.attrs.update(autocomplete="name", spellcheck="false")
        self.fields["email"].widget.attrs.update(autocomplete="email", spellcheck="false")
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs.update(autocomplete="tel")
        # No maxlength: the browser would cut a long paste short without saying so; the error says.
        self.fields["symptoms"].widget.attrs.pop("maxlength", None)

    def field_groups(self, names):
        return [self[name] for name in names]

    @property
    def about_you(self):
        return self.field_groups(self.about_you_fields)

    @property
    def choices_about_contact(self):
        return self.field_groups(self.choice_fields)

    @property
    def about_the_request(self):
        return self.field_groups(self.request_fields)

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if not value:
            return ""
        try:
            number = phonenumbers.parse(value, self.phone_region)
        except phonenumbers.NumberParseException:
            raise forms.ValidationError(PHONE_ERROR, code="invalid") from None
        # A number the numbering plan says cannot exist (wrong length, an area code that is not in use,
        # digits from another script that became an impossible number) is refused, with a clear error.
        if not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(PHONE_ERROR, code="invalid")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def clean_condition(self):
        value = self.cleaned_data["condition"]
        if value == OTHER_CONDITION:
            return None
        condition = live_conditions().filter(pk=int(value)).first()
        if condition is None:  # unpublished while the form was open
            raise forms.ValidationError("Choose what you would like help with again", code="gone")
        return condition

    def clean_source_page(self):
        return live_source_page(self.cleaned_data.get("source_page"))

    def clean(self):
        cleaned = super().clean()
        # A detail typed but invalid already has its own error; count it as given here.
        has_email = bool(cleaned.get("email")) or "email" in self.errors
        has_phone = bool(cleaned.get("phone")) or "phone" in self.errors
        method = cleaned.get("preferred_contact")
        Method = ConsultationRequest.ContactMethod
        if not has_email and not has_phone:
            self.add_error("email", "Enter an email address or a phone number, or both")
        elif method == Method.EMAIL and not has_email:
            self.add_error("preferred_contact", "To hear from us by email, enter your email address above")
        elif method == Method.PHONE and not has_phone:
            self.add_error("preferred_contact", "For us to call you, enter your phone number above")
        elif method == Method.TEXT and not has_phone:
            self.add_error("preferred_contact", "For us to text you, enter your mobile number above")
        return cleaned

    @property
    def red_flags_reported(self):
        return self.cleaned_data.get("red_flags") == "yes"

    def build_request(self, token, privacy_version):
        """An unsaved request from the cleaned data, stored under the form's submission token."""
        data = self.cleaned_data
        condition = data["condition"]
        source = data["source_page"]
        return ConsultationRequest(
            name=data["name"].strip(),
            email=data["email"],
            phone=data["phone"],
            preferred_contact=data["preferred_contact"],
            patient_type=data["patient_type"],
            preferred_times=list(data["preferred_times"]),
            condition=condition,
            condition_label=condition.title if condition else OTHER_CONDITION_LABEL,
            practitioner_preference=data["practitioner"],
            treatment_preference=data["treatment"],
            symptoms=data["symptoms"].strip(),
            red_flags_reported=self.red_flags_reported,
            is_urgent=self.red_flags_reported,
            source_page=source,
            source_title=source.title[:255] if source else "",
            consent_given_at=timezone.now(),
            privacy_version=privacy_version,
            submission_token=token.id,
        )
