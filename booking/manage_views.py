"""The patient's manage page, /book/manage/<token>/, opened from their confirmation mail.

It shows the appointment (when, where, with whom), its calendar file, and, while the clinic's notice
window allows, a cancel form and a "move" page offering the free times of the same visit with the same
practitioner under the same rules as booking. Every page is rate-limited like the booking form, never
cached or indexed, and a wrong or replaced token gets a plain "link not valid" page (404).
"""

import datetime
import itertools
import logging

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from booking import free_times, ics, manage, manage_links
from booking.appointment_forms import read_slot, slot_value
from booking.appointments import SlotTaken
from booking.views import SeeOther, link_page

logger = logging.getLogger(__name__)

#: How many free times the move page offers.
MOVE_TIMES = 40


class CancelForm(forms.Form):
    """Cancel, with an optional reason from a short list (no health question)."""

    reason = forms.ChoiceField(choices=manage.CANCEL_REASONS, required=False, label="Why (optional)")


def opened(view):
    """Wrap a manage view (see ``link_page``): the token turned into the appointment it opens."""

    def with_appointment(request, clinic, token):
        appointment = manage_links.appointment_for(token)
        return view(request, clinic, appointment, token) if appointment else None

    return link_page(with_appointment)


def page(request, clinic, appointment, token, status=200, **extra):
    context = {
        "clinic": clinic,
        "appointment": appointment,
        "token": token,
        "state": manage.state(appointment, clinic),
        "cancel_form": CancelForm(),
        **extra,
    }
    return render(request, "booking/manage.html", context, status=status)


@require_GET
@opened
def show(request, clinic, appointment, token):
    """The patient's appointment, with what they can still do about it."""
    return page(request, clinic, appointment, token, done=request.GET.get("done", ""))


@require_GET
@opened
def calendar_file(request, clinic, appointment, token):
    """The appointment as an .ics file (METHOD:CANCEL once it is cancelled)."""
    response = HttpResponse(
        ics.appointment_calendar(appointment, clinic), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{ics.FILENAME}"'
    return response


def back_to_page(token, done):
    return SeeOther(f"{reverse('book:manage', args=[token])}?done={done}")


@require_POST
@opened
def cancel(request, clinic, appointment, token):
    """Cancel the appointment, if the notice window still allows it."""
    if manage.state(appointment, clinic) != manage.State.CHANGEABLE:
        return page(request, clinic, appointment, token, status=409)
    form = CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    manage.cancel(appointment, reason, clinic)
    logger.info("Appointment %s cancelled by the patient online", appointment.reference)
    return back_to_page(token, "cancelled")


def free_times_for(appointment, clinic, from_day=None):
    """The free times the appointment could move to, from ``from_day`` (a local date) on, grouped by
    local day as (day, [(slot value, local time)]), and the first day of the next page (or None)."""
    rules = free_times.booking_rules(clinic)
    kind = appointment.appointment_type
    practitioners = free_times.bookable(kind, appointment.practitioner_id)
    slots = free_times.free_slots(kind, practitioners, rules, ignore_appointment=appointment.pk)
    local = [
        (timezone.localtime(slot.start, rules.zone), slot)
        for slot in slots
        if slot.start != appointment.start
    ]
    if from_day is not None:
        local = [(when, slot) for when, slot in local if when.date() >= from_day]
    shown, rest = local[:MOVE_TIMES], local[MOVE_TIMES:]
    days = [
        (day, [(slot_value(slot.practitioner, slot.start), when) for when, slot in group])
        for day, group in itertools.groupby(shown, key=lambda pair: pair[0].date())
    ]
    later = shown[-1][0].date() + datetime.timedelta(days=1) if rest else None
    return days, later


def from_day(request):
    try:
        return datetime.date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        return None


def move_page(request, clinic, appointment, token, status=200, taken=False):
    days, later = free_times_for(appointment, clinic, from_day(request))
    context = {
        "clinic": clinic,
        "appointment": appointment,
        "token": token,
        "days": days,
        "later_url": f"{reverse('book:manage_move', args=[token])}?from={later.isoformat()}" if later else "",
        "taken": taken,
    }
    return render(request, "booking/manage_move.html", context, status=status)


def still_free(appointment, clinic, start):
    rules = free_times.booking_rules(clinic)
    kind = appointment.appointment_type
    practitioners = free_times.bookable(kind, appointment.practitioner_id)
    return bool(practitioners) and appointment.practitioner_id in free_times.free_at(
        kind, practitioners, start, rules, ignore_appointment=appointment.pk
    )


@require_http_methods(["GET", "HEAD", "POST"])
@opened
def move(request, clinic, appointment, token):
    """Choose another free time (GET); the POST moves the appointment there, or says it was just taken."""
    if manage.state(appointment, clinic) != manage.State.CHANGEABLE:
        return page(request, clinic, appointment, token, status=409 if request.method == "POST" else 200)
    if request.method != "POST":
        return move_page(request, clinic, appointment, token)
    slot = read_slot(request.POST.get("slot"))
    if slot is None or slot[0] != appointment.practitioner_id:
        return move_page(request, clinic, appointment, token, status=400)
    start = slot[1]
    if not still_free(appointment, clinic, start):
        return move_page(request, clinic, appointment, token, status=409, taken=True)
    try:
        manage.move(appointment, start, token)
    except SlotTaken:
        logger.info("Manage link: the new time for %s was taken meanwhile", appointment.reference)
        return move_page(request, clinic, appointment, token, status=409, taken=True)
    logger.info("Appointment %s moved by the patient online", appointment.reference)
    return back_to_page(token, "moved")
