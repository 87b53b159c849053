"""The waitlist's pages under /book/waitlist/: join it, leave it, and claim an offered time.

Joining follows the booking form's checks (submission token, honeypot, rate limits in
``booking.spam``); the patient is thanked only once the entry is stored. The leave and claim pages are
opened by tokens from mails: rate-limited like the form, never cached or indexed, and a wrong, expired
or used token gets a plain "link not valid" page (404).
"""

import datetime
import logging

from django import forms
from django.db import IntegrityError, transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from booking import free_times, spam, waitlist
from booking.appointment_forms import FIRST_AVAILABLE, online_practitioners, online_types
from booking.appointments import SlotTaken
from booking.forms import ConsultationRequestForm, ErrorLinks
from booking.models import AppointmentType, WaitlistEntry, WaitlistOffer
from booking.views import SeeOther, clinic_for, link_page, phone_region, privacy_page, rate_limited

logger = logging.getLogger(__name__)

WEEKDAYS = [
    (str(number), name)
    for number, name in enumerate(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    )
]


class WaitlistForm(ErrorLinks, forms.Form):
    """What the waitlist needs: the visit, with whom, when suits, until when, and how to reach the
    patient. No health question."""

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
        error_messages={"required": "Choose a practitioner or “Anyone”"},
    )
    weekdays = forms.MultipleChoiceField(
        label="Which days suit you?",
        choices=WEEKDAYS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one day"},
    )
    parts_of_day = forms.MultipleChoiceField(
        label="Which times of day suit you?",
        choices=WaitlistEntry.PartOfDay.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one time of day"},
    )
    until = forms.DateField(
        label="Keep me on the waitlist until",
        help_text=f"Up to {waitlist.MAX_DAYS} days from today.",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter a date", "invalid": "Enter a date like 2027-01-31"},
    )
    name = forms.CharField(label="Your name", max_length=120, error_messages={"required": "Enter your name"})
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We email you when a time frees up.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address like name@example.com",
        },
    )
    phone = forms.CharField(label="Phone number", required=False, max_length=40)
    consent = forms.BooleanField(
        label="I agree that the clinic may keep these details to offer me a time",
        error_messages={"required": "Tick the box to agree, or we cannot keep you on the waitlist"},
    )

    clean_phone = ConsultationRequestForm.clean_phone

    def __init__(self, *args, phone_region="US", **kwargs):
        super().__init__(*args, **kwargs)
        self.phone_region = phone_region
        self.fields["type"].queryset = online_types()
        self.fields["practitioner"].choices = [(FIRST_AVAILABLE, "Anyone")] + [
            (str(p.pk), p.display_name) for p in online_practitioners()
        ]
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs.update(autocomplete="tel")

    def clean_until(self):
        until = self.cleaned_data["until"]
        today = timezone.localdate()
        if until < today:
            raise forms.ValidationError("Choose today or a later day")
        if until > today + datetime.timedelta(days=waitlist.MAX_DAYS):
            raise forms.ValidationError(f"Choose a day at most {waitlist.MAX_DAYS} days from today")
        return until

    def build_entry(self, token, privacy_version):
        data = self.cleaned_data
        choice = data["practitioner"]
        return WaitlistEntry(
            appointment_type=data["type"],
            practitioner_id=None if choice == FIRST_AVAILABLE else int(choice),
            weekdays=sorted(int(day) for day in data["weekdays"]),
            parts_of_day=data["parts_of_day"],
            until=data["until"],
            name=data["name"].strip(),
            email=data["email"],
            phone=data["phone"],
            consent_given_at=timezone.now(),
            privacy_version=privacy_version,
            submission_token=token.id,
        )


def initial_for(request):
    """The visit and practitioner the booking flow was showing, and the default expiry."""
    initial = {"until": timezone.localdate() + datetime.timedelta(days=waitlist.DEFAULT_DAYS)}
    initial["type"] = request.GET.get("type", "")
    initial["practitioner"] = request.GET.get("practitioner", FIRST_AVAILABLE)
    return initial


def render_join(request, clinic, form, token, status=200, notice=""):
    context = {
        "clinic": clinic,
        "form": form,
        "submission_token": token,
        "honeypot_field": spam.HONEYPOT_FIELD,
        "privacy_url": privacy_page(request),
        "notice": notice,
    }
    return render(request, "booking/waitlist_join.html", context, status=status)


@sensitive_post_parameters()
@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def join(request):
    """Join the waitlist for a visit when no free time suits."""
    clinic = clinic_for(request)
    if not clinic.online_booking:
        return render(request, "booking/book_unavailable.html", {"clinic": clinic})
    if request.method != "POST":
        form = WaitlistForm(initial=initial_for(request), phone_region=phone_region(clinic))
        return render_join(request, clinic, form, spam.issue_token())
    retry_after = spam.attempt_limited(request)
    if retry_after is not None:
        logger.warning("Waitlist form: a client posted too many times; sent 429")
        return rate_limited(request, clinic, retry_after)
    token = spam.read_token(request.POST.get("submission_token"))
    if token is not None and WaitlistEntry.objects.filter(submission_token=token.id).exists():
        return SeeOther(reverse("book:waitlist_joined"))
    if spam.honeypot_filled(request.POST):
        logger.info("Discarded a waitlist post that looked automated (honeypot)")
        return SeeOther(reverse("book:start"))
    form = WaitlistForm(request.POST, phone_region=phone_region(clinic))
    valid = form.is_valid()
    if token is None or (valid and token.filled_too_fast):
        notice = "Please check your details and send the form again."
        return render_join(request, clinic, form, spam.issue_token(), notice=notice)
    if not valid:
        return render_join(request, clinic, form, request.POST["submission_token"], status=400)
    counter, retry_after = spam.reserve_submission(request)
    if retry_after is not None:
        logger.warning("Waitlist form: a client reached the limit of stored entries; sent 429")
        return rate_limited(request, clinic, retry_after)
    try:
        with transaction.atomic():
            entry = form.build_entry(token, clinic.privacy_version)
            entry.save()
            waitlist.enqueue_joined(entry)
    except IntegrityError:
        if counter is not None:
            counter.give_back()
        if WaitlistEntry.objects.filter(submission_token=token.id).exists():
            return SeeOther(reverse("book:waitlist_joined"))
        raise
    logger.info("Waitlist entry %s stored", entry.reference)
    return SeeOther(reverse("book:waitlist_joined"))


@never_cache
@require_GET
def joined(request):
    """Thanks: the patient is on the waitlist (the page shows nothing about them)."""
    return render(request, "booking/waitlist_joined.html", {"clinic": clinic_for(request)})


@require_http_methods(["GET", "HEAD", "POST"])
@link_page
def leave(request, clinic, token):
    """Leave the waitlist: a confirm button, then the entry stops getting offers."""
    entry = waitlist.entry_for_leave_token(token)
    if entry is None or entry.left_at is not None:
        return None
    if request.method == "POST":
        WaitlistEntry.objects.filter(pk=entry.pk).update(left_at=timezone.now())
        logger.info("Waitlist entry %s left by the patient", entry.reference)
        return render(request, "booking/waitlist_leave.html", {"clinic": clinic, "left": True})
    return render(request, "booking/waitlist_leave.html", {"clinic": clinic, "entry": entry})


def no_longer_available(request, clinic, offer):
    """409: someone else took the time; the next free times that suit the patient's wishes."""
    rules = free_times.booking_rules(clinic)
    context = {"clinic": clinic, "offer": offer, "next_times": waitlist.next_times(offer.entry, rules)}
    return render(request, "booking/waitlist_gone.html", context, status=409)


@require_http_methods(["GET", "HEAD", "POST"])
@link_page
def claim(request, clinic, token):
    """An offered time: the time and a confirm button; the POST books it if nobody was faster."""
    offer = waitlist.offer_for_token(token)
    if offer is None or offer.claimed_at is not None or offer.entry.left_at is not None:
        return None
    if offer.expired or offer.entry.claimed_id is not None:
        return None
    if request.method != "POST":
        return render(request, "booking/waitlist_claim.html", {"clinic": clinic, "offer": offer})
    try:
        appointment = waitlist.claim(offer)
    except SlotTaken:
        WaitlistOffer.objects.filter(pk=offer.pk).update(missed_at=timezone.now())
        logger.info("Waitlist offer %s: the time was taken first", offer.reference)
        return no_longer_available(request, clinic, offer)
    except waitlist.AlreadyClaimed:
        return None
    logger.info("Appointment %s booked from the waitlist", appointment.reference)
    return SeeOther(reverse("book:confirmed", args=[appointment.uid]))
