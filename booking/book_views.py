"""The patient's online booking, under /book/: the visit, the time, their details, then confirmation.

1. ``choose_visit``: the kind of visit (a new-patient consultation unless the page says otherwise) and
   the practitioner, or "first available".
2. ``choose_time``: the next free times, then one week of free times grouped by day.
3. ``details``: the request form's questions and checks; the POST books the time. If someone else took
   it meanwhile, the page says so (409) and offers the next free times, with everything typed kept.
4. ``confirmed``: date, time, practitioner, address, reference and the calendar file.

Pages with the patient's details (step 3, the confirmation) are never cached and never indexed. Links
between the steps carry only what is being booked (visit, practitioner, time) and where the patient
came from, never who they are.
"""

import datetime
import logging

from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from booking import audit, availability, free_times, ics, spam
from booking.appointment_forms import (
    FIRST_AVAILABLE,
    AppointmentDetailsForm,
    VisitForm,
    patient_type_for,
    read_slot,
    slot_value,
)
from booking.appointment_mail import enqueue_appointment_mails
from booking.appointments import SlotTaken, save_if_free
from booking.forms import RED_FLAGS
from booking.models import Appointment
from booking.views import SeeOther, clinic_for, phone_region, privacy_page, rate_limited
from booking.week import Week

logger = logging.getLogger(__name__)

#: How many times "next free times" and "just taken" offer.
NEXT_TIMES = 6


def unavailable(request, clinic):
    """Online booking is off: the request form and the phone instead."""
    return render(request, "booking/book_unavailable.html", {"clinic": clinic})


def default_type(form):
    """A new-patient consultation unless the link asked for another visit."""
    types = list(form.fields["type"].queryset)
    first_visit = next((kind for kind in types if kind.new_patients_only), None)
    return first_visit or (types[0] if types else None)


@never_cache
@require_GET
def choose_visit(request):
    """Step 1: which visit, and with whom (or the first practitioner available)."""
    clinic = clinic_for(request)
    if not clinic.online_booking:
        return unavailable(request, clinic)
    form = VisitForm(request.GET) if "type" in request.GET else None
    if form is None:
        form = VisitForm(
            initial={key: request.GET.get(key, "") for key in ("condition", "from", "treatment")}
        )
        kind = default_type(form)
        wanted = request.GET.get("practitioner", "")
        known = any(str(p.pk) == wanted for p in form.practitioners)
        form.initial.update(type=kind.pk if kind else None, practitioner=wanted if known else FIRST_AVAILABLE)
    return render(request, "booking/book_visit.html", {"clinic": clinic, "form": form})


def slots_for(visit, rules):
    """Free times for the visit: with the chosen practitioner, or the first one free at each time."""
    kind, choice = visit["type"], visit["practitioner"]
    practitioners = free_times.bookable(kind, None if choice == FIRST_AVAILABLE else int(choice))
    slots = free_times.free_slots(kind, practitioners, rules)
    if choice == FIRST_AVAILABLE:
        slots = availability.first_per_start(slots)
    return slots, {practitioner.pk: practitioner for practitioner in practitioners}


def time_links(visit_form, slots):
    """Step 3's address for each slot: what is being booked, where the patient came from, the time."""
    base = f"{reverse('book:details')}?{urlencode(visit_form.carried())}&"
    return {slot: base + urlencode({"slot": slot_value(slot.practitioner, slot.start)}) for slot in slots}


def visit_asked_for(request):
    """(clinic, the visit form, None) for a complete link, else (…, the page to show instead): online
    booking is off, or the link lacks the visit or the practitioner (step 1 with the errors)."""
    clinic = clinic_for(request)
    if not clinic.online_booking:
        return clinic, None, unavailable(request, clinic)
    form = VisitForm(request.GET)
    if form.is_valid():
        return clinic, form, None
    return clinic, form, render(request, "booking/book_visit.html", {"clinic": clinic, "form": form})


@never_cache
@require_GET
def choose_time(request):
    """Step 2: the next free times, then a week of free times grouped by day."""
    clinic, form, instead = visit_asked_for(request)
    if instead:
        return instead
    visit = form.cleaned_data
    rules = free_times.booking_rules(clinic)
    slots, practitioners = slots_for(visit, rules)
    week = Week.showing(visit.get("week"), slots, rules)
    shown = week.slots_in(slots)
    links = time_links(form, set(shown) | set(slots[:NEXT_TIMES]))
    context = {
        "clinic": clinic,
        "form": form,
        "visit": visit,
        "practitioner": None
        if visit["practitioner"] == FIRST_AVAILABLE
        else practitioners.get(int(visit["practitioner"])),
        "next_times": [(slot, links[slot]) for slot in slots[:NEXT_TIMES]],
        "week": week,
        "days": week.days(shown, links),
        "earlier_url": week_url(form, week.earlier(rules)),
        "later_url": week_url(form, week.later(rules)),
        "taken": request.GET.get("taken") == "1",
        "any_free": bool(slots),
    }
    return render(request, "booking/book_time.html", context)


def week_url(form, monday):
    if monday is None:
        return ""
    return f"{reverse('book:times')}?{urlencode({**form.carried(), 'week': monday.isoformat()})}"


def chosen_time(visit, slot, rules):
    """(practitioner, start) for a slot that is still free, else None."""
    if slot is None:
        return None
    practitioner_id, start = slot
    practitioners = free_times.bookable(visit["type"], practitioner_id)
    if practitioners and free_times.free_at(visit["type"], practitioners, start, rules):
        return practitioners[0], start
    return None


def render_details(request, clinic, visit_form, form, token, practitioner, start, *, status=200, **extra):
    visit = visit_form.cleaned_data
    context = {
        "clinic": clinic,
        "visit": visit,
        "form": form,
        "practitioner": practitioner,
        "start": start,
        "end": start + visit["type"].duration if start else None,
        "change_time_url": f"{reverse('book:times')}?{urlencode(visit_form.carried())}",
        "submission_token": token,
        "honeypot_field": spam.HONEYPOT_FIELD,
        "red_flags": RED_FLAGS,
        "privacy_url": privacy_page(request),
        "patient_type": patient_type_for(visit["type"]),
        **extra,
    }
    return render(request, "booking/book_details.html", context, status=status)


@sensitive_post_parameters()
@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def details(request):
    """Step 3: the patient's details for the chosen time; the POST books it."""
    clinic, visit_form, instead = visit_asked_for(request)
    if instead:
        return instead
    if request.method == "POST":
        retry_after = spam.attempt_limited(request)
        if retry_after is not None:
            logger.warning("Booking form: a client posted too many times; sent 429")
            return rate_limited(request, clinic, retry_after)
        return book(request, clinic, visit_form)

    rules = free_times.booking_rules(clinic)
    chosen = chosen_time(visit_form.cleaned_data, read_slot(request.GET.get("slot")), rules)
    if chosen is None:
        return SeeOther(f"{reverse('book:times')}?{urlencode({**visit_form.carried(), 'taken': '1'})}")
    practitioner, start = chosen
    visit = visit_form.cleaned_data
    condition = visit["condition_page"]
    form = AppointmentDetailsForm(
        initial={
            "slot": slot_value(practitioner.pk, start),
            "condition": str(condition.pk) if condition else "",
            "source_page": visit["source"].pk if visit["source"] else "",
        },
        phone_region=phone_region(clinic),
    )
    return render_details(request, clinic, visit_form, form, spam.issue_token(), practitioner, start)


def confirmation_redirect(appointment):
    return SeeOther(reverse("book:confirmed", args=[appointment.uid]))


def who_can_take(visit, start, practitioner_id, rules):
    """Practitioners still free at ``start``: the one chosen first, then (for "first available") the
    others offering the visit."""
    choice = visit["practitioner"]
    pool = free_times.bookable(visit["type"], None if choice == FIRST_AVAILABLE else practitioner_id)
    free = free_times.free_at(visit["type"], pool, start, rules)
    return sorted((p for p in pool if p.pk in free), key=lambda p: p.pk != practitioner_id)


def book(request, clinic, visit_form):
    """The POST of step 3: the same checks as the request form, then the booking itself."""
    visit = visit_form.cleaned_data
    token = spam.read_token(request.POST.get("submission_token"))
    if token is not None:
        stored = Appointment.objects.filter(submission_token=token.id).first()
        if stored is not None:  # a second post of a booking already made (double click, refresh)
            return confirmation_redirect(stored)
    if spam.honeypot_filled(request.POST):
        logger.info("Discarded a booking form post that looked automated (honeypot)")
        return SeeOther(reverse("book:start"))

    rules = free_times.booking_rules(clinic)
    form = AppointmentDetailsForm(request.POST, phone_region=phone_region(clinic))
    valid = form.is_valid()
    practitioner, start = None, None
    slot = form.cleaned_data.get("slot")
    if slot:
        practitioner = next(iter(free_times.bookable(visit["type"], slot[0])), None)
        start = slot[1]
    show = dict(practitioner=practitioner, start=start)
    if token is None:
        notice = "Please check your details and send the form again."
        return render_details(request, clinic, visit_form, form, spam.issue_token(), **show, notice=notice)
    posted_token = request.POST["submission_token"]
    if form.cleaned_data.get("red_flags") == "yes":
        # As on the request form, a red flag comes first; here it also means no booking at all.
        return render_details(
            request, clinic, visit_form, form, posted_token, **show, show_red_flag_alert=True
        )
    if not valid or practitioner is None:
        return render_details(request, clinic, visit_form, form, posted_token, **show)
    if token.filled_too_fast:
        logger.info("Booking form sent too soon after it was served; asked to check and send again")
        notice = "Please check your details, then send the form again."
        return render_details(request, clinic, visit_form, form, spam.issue_token(), **show, notice=notice)

    counter, retry_after = spam.reserve_submission(request)
    if retry_after is not None:
        logger.warning("Booking form: a client reached the limit of stored bookings; sent 429")
        return rate_limited(request, clinic, retry_after)
    for candidate in who_can_take(visit, start, practitioner.pk, rules):
        appointment = form.build_appointment(token, clinic.privacy_version, visit, candidate, start)
        try:
            save_if_free(
                appointment,
                lambda saved: enqueue_appointment_mails(saved, staff_notice=True),
                lambda saved: audit.record_appointment(None, audit.Action.BOOK, saved, "booked online"),
            )
        except SlotTaken:
            continue
        except IntegrityError:
            stored = Appointment.objects.filter(submission_token=token.id).first()
            if stored is None:
                raise
            return confirmation_redirect(stored)  # two posts of one form racing: the other one booked it
        logger.info("Appointment %s booked online", appointment.reference)
        return confirmation_redirect(appointment)

    if counter is not None:
        counter.give_back()
    logger.info("Booking form: the chosen time was taken meanwhile; offered the next free times")
    return just_taken(request, clinic, visit_form, posted_token, rules)


def just_taken(request, clinic, visit_form, token, rules):
    """409: "that time was just taken", the next free times to choose from, the details kept."""
    slots, practitioners = slots_for(visit_form.cleaned_data, rules)
    zone = rules.zone
    choices = [
        (
            slot_value(slot.practitioner, slot.start),
            f"{timezone.localtime(slot.start, zone):%A, %B %-d, %-I:%M %p} "
            f"with {practitioners[slot.practitioner].name}",
        )
        for slot in slots[:NEXT_TIMES]
    ]
    data = request.POST.copy()
    data.pop("slot", None)
    form = AppointmentDetailsForm(data, other_times=choices, phone_region=phone_region(clinic))
    form.is_valid()
    form.errors.pop("slot", None)
    return render_details(
        request, clinic, visit_form, form, token, None, None, status=409, taken=True, other_times=choices
    )


def appointment_for(uid):
    appointment = get_object_or_404(
        Appointment.objects.select_related("practitioner", "appointment_type"), uid=uid
    )
    if appointment.end < timezone.now() - datetime.timedelta(days=1):
        raise Http404("This appointment is over.")
    return appointment


@never_cache
@require_GET
def confirmed(request, uid):
    """The booking is made: when, where, with whom, the reference and the calendar file.

    The address holds the appointment's random UID; the page shows nothing the patient told us.
    """
    clinic = clinic_for(request)
    appointment = appointment_for(uid)
    return render(request, "booking/book_confirmed.html", {"clinic": clinic, "appointment": appointment})


@never_cache
@require_GET
def calendar_file(request, uid):
    """The appointment as an .ics file to add to the patient's calendar."""
    appointment = appointment_for(uid)
    response = HttpResponse(
        ics.appointment_calendar(appointment, clinic_for(request)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{ics.FILENAME}"'
    return response
