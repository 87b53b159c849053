"""The waitlist's rules: joining, offering a freed time, and claiming it.

- ``enqueue_freed``: called in the transaction that cancels an appointment or moves it away from a
  time (the patient's manage link, the front desk). It queues ``offer_freed_time``; no mail is written
  inside the request.
- ``offer_freed_time`` (a task) finds the active entries (not left, not claimed, not past their
  "until" day) whose visit the practitioner offers, whose practitioner is theirs or anyone, and whose
  days and parts of the day suit a start that is free now within the freed time. Each gets one offer,
  mailed with a claim link (``send_offer``).
- ``claim`` books the offered time through ``booking.appointments.save_if_free``, the same database
  guarantee as online booking: the first to claim gets it, the others get ``SlotTaken``. The entry
  leaves the waitlist in the same transaction, and the appointment's confirmation and staff notice are
  queued as for an online booking.

Tokens (the confirmation mail's "leave the waitlist" link and each offer's claim link) are 256 random
bits, minted as the mail is written and stored only as SHA-256, as for the manage link
(``booking.manage_links``).
"""

import datetime
import logging
import secrets

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django_tasks import task

from articles.models import Practitioner
from booking import audit, free_times, manage_links, notifications
from booking.appointment_forms import slot_value
from booking.appointment_mail import enqueue_appointment_mails, with_the_save
from booking.appointments import save_if_free
from booking.models import Appointment, WaitlistEntry, WaitlistOffer
from booking.models.waitlist import OFFER_VALID_FOR
from booking.tasks import BookingMail, send_with_retry

logger = logging.getLogger(__name__)

#: How long an entry waits unless the patient says otherwise, and at most.
DEFAULT_DAYS = 30
MAX_DAYS = 90


class AlreadyClaimed(Exception):
    """The entry took another offer or left the waitlist meanwhile."""


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def mint(instance, field):
    """A new token for ``instance`` with its hash saved in ``field``; returns the token."""
    token = secrets.token_urlsafe(32)
    setattr(instance, field, manage_links.digest(token))
    type(instance).objects.filter(pk=instance.pk).update(**{field: getattr(instance, field)})
    return token


def by_token(queryset, field, token):
    if not token or len(token) > 100:
        return None
    return queryset.filter(**{field: manage_links.digest(token)}).first()


def entry_for_leave_token(token):
    return by_token(WaitlistEntry.objects.all(), "leave_token_hash", token)


def offer_for_token(token):
    offers = WaitlistOffer.objects.select_related("entry__appointment_type", "practitioner")
    return by_token(offers, "token_hash", token)


# Mails ------------------------------------------------------------------------------------------


def to_entry(entry, subject, template, **context):
    clinic = notifications.clinic_settings()
    body = render_to_string(template, {"clinic": clinic, "entry": entry, **context})
    return EmailMessage(
        subject=subject, body=body, to=[entry.email], reply_to=[clinic.email] if clinic.email else None
    )


def joined_message(entry):
    if entry.left_at is not None:
        return None
    leave_url = absolute(reverse("book:waitlist_leave", args=[mint(entry, "leave_token_hash")]))
    clinic = notifications.clinic_settings()
    return to_entry(
        entry,
        f"You are on the waitlist at {clinic.name}",
        "booking/email/waitlist_joined.txt",
        leave_url=leave_url,
    )


def offer_message(offer):
    entry = offer.entry
    if offer.expired or not entry.active or offer.claimed_at:
        logger.info("Waitlist offer %s not sent: expired, claimed or the entry left", offer.reference)
        return None
    claim_url = absolute(reverse("book:waitlist_claim", args=[mint(offer, "token_hash")]))
    clinic = notifications.clinic_settings()
    return to_entry(
        entry,
        f"A time is free at {clinic.name}",
        "booking/email/waitlist_offer.txt",
        offer=offer,
        when=notifications.local_time_text(offer.start),
        expires=notifications.local_time_text(offer.expires_at),
        claim_url=claim_url,
    )


JOINED = BookingMail("waitlist confirmation", "confirmation_sent_at", joined_message, model=WaitlistEntry)
OFFER = BookingMail("waitlist offer", "sent_at", offer_message, model=WaitlistOffer)


@task()
def confirm_waitlist_entry(entry_id, attempt=1):
    """Mail the patient that they are on the waitlist, with the link to leave it."""
    return send_with_retry(JOINED, confirm_waitlist_entry, entry_id, attempt=attempt)


@task()
def send_offer(offer_id, attempt=1):
    """Mail one waitlist entry a freed time with its claim link."""
    return send_with_retry(OFFER, send_offer, offer_id, attempt=attempt)


def enqueue_joined(entry):
    """Queue the confirmation mail; call it inside the transaction that stores the entry."""
    entry_id = entry.pk
    with_the_save(lambda: confirm_waitlist_entry.enqueue(entry_id))


# Offers -----------------------------------------------------------------------------------------


def enqueue_freed(practitioner_id, freed_start, freed_end):
    """Queue the search for waitlist entries that want the practitioner's time ``freed_start`` –
    ``freed_end``; call it inside the transaction that frees it."""
    args = (practitioner_id, freed_start.isoformat(), freed_end.isoformat())
    with_the_save(lambda: offer_freed_time.enqueue(*args))


def freed_by_cancel(saved):
    """A ``save_if_free`` step: a cancelled appointment frees its whole time."""
    enqueue_freed(saved.practitioner_id, saved.start, saved.end)


def active_entries(practitioner_id, today=None):
    today = today or timezone.localdate()
    entries = WaitlistEntry.objects.filter(
        left_at__isnull=True,
        claimed__isnull=True,
        until__gte=today,
        appointment_type__practitioners=practitioner_id,
    )
    entries = entries.filter(practitioner__isnull=True) | entries.filter(practitioner_id=practitioner_id)
    return entries.select_related("appointment_type").order_by("created_at")


def matching_start(entry, practitioner, freed_start, freed_end, rules):
    """The first start free now within the freed time that suits the entry, or None."""
    local_day = timezone.localtime(freed_start, rules.zone).date()
    for slot in free_times.free_slots(entry.appointment_type, [practitioner], rules, only_day=local_day):
        local = timezone.localtime(slot.start, rules.zone)
        if freed_start <= slot.start < freed_end and entry.suits(local) and local.date() <= entry.until:
            return slot.start
    return None


@task()
def offer_freed_time(practitioner_id, freed_start, freed_end):
    """Offer a freed time to every waitlist entry it suits (one offer each), by mail."""
    practitioner = Practitioner.objects.filter(
        pk=practitioner_id, booking_schedule__accepts_online_bookings=True
    ).first()
    if practitioner is None:
        return "practitioner not bookable online"
    rules = free_times.booking_rules(notifications.clinic_settings())
    begin, end = datetime.datetime.fromisoformat(freed_start), datetime.datetime.fromisoformat(freed_end)
    offered = 0
    for entry in active_entries(practitioner_id):
        start = matching_start(entry, practitioner, begin, end, rules)
        if start is None:
            continue
        with transaction.atomic():
            offer, created = WaitlistOffer.objects.get_or_create(
                entry=entry,
                practitioner=practitioner,
                start=start,
                defaults={"expires_at": min(start, timezone.now() + OFFER_VALID_FOR)},
            )
            if created:
                offer_id = offer.pk
                with_the_save(lambda offer_id=offer_id: send_offer.enqueue(offer_id))
                offered += 1
    logger.info("A freed time was offered to %d waitlist entries", offered)
    return f"offered to {offered}"


# Claiming ---------------------------------------------------------------------------------------


def claim(offer):
    """Book the offered time for the entry. Raises ``SlotTaken`` when someone took it first, and
    ``AlreadyClaimed`` when the entry took another offer or left meanwhile."""
    entry = offer.entry
    appointment = Appointment(
        practitioner=offer.practitioner,
        appointment_type=entry.appointment_type,
        name=entry.name,
        email=entry.email,
        phone=entry.phone,
        origin=Appointment.Origin.ONLINE,
        consent_given_at=entry.consent_given_at,
        privacy_version=entry.privacy_version,
    )
    appointment.set_time(offer.start)

    def take_entry(saved):
        now = timezone.now()
        taken = WaitlistEntry.objects.filter(pk=entry.pk, claimed__isnull=True, left_at__isnull=True)
        if not taken.update(claimed=saved):
            raise AlreadyClaimed
        WaitlistOffer.objects.filter(pk=offer.pk).update(claimed_at=now)

    return save_if_free(
        appointment,
        take_entry,
        lambda saved: enqueue_appointment_mails(saved, staff_notice=True),
        lambda saved: audit.record_appointment(None, audit.Action.BOOK, saved, "booked from the waitlist"),
    )


def next_times(entry, rules, count=6):
    """The next free times that suit the entry: (local start, link to book it)."""
    kind = entry.appointment_type
    practitioners = free_times.bookable(kind, entry.practitioner_id)
    slots = free_times.free_slots(kind, practitioners, rules)
    choice = str(entry.practitioner_id) if entry.practitioner_id else "any"
    found = []
    for slot in slots:
        local = timezone.localtime(slot.start, rules.zone)
        if entry.suits(local):
            query = urlencode(
                {"type": kind.pk, "practitioner": choice, "slot": slot_value(slot.practitioner, slot.start)}
            )
            found.append((local, f"{reverse('book:details')}?{query}"))
            if len(found) == count:
                break
    return found
