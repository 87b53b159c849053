"""The front desk's audit record: who viewed, changed, exported or deleted which consultation request,
and who booked, viewed, moved, changed or cancelled which appointment.

Entries name the request by number and say what happened ("status, assignee" changed, "CSV export of
12 rows"); they never copy a value out of the request, so the log itself holds no health details.
``record()`` is the one way in: the admin views, the confirmation task and the retention command use it.

Why not Wagtail's own audit log (``wagtail.log_actions.log``): Wagtail shows a model's log entries in
its site history report to everyone with any permission on the model, so the whole front desk, not
only managers, would read who viewed and exported which request. And ``log()`` takes one model
instance per entry, while exports, deletions and retention record many requests by number, often
after the rows are gone.
"""

from collections.abc import Iterable

from booking.models import ConsultationRequest, RequestAuditEntry

Action = RequestAuditEntry.Action
_DETAIL_MAX = RequestAuditEntry._meta.get_field("detail").max_length


def _request_ids(request_obj_or_ids):
    if request_obj_or_ids is None:
        return [None]
    if isinstance(request_obj_or_ids, ConsultationRequest):
        return [request_obj_or_ids.pk]
    if isinstance(request_obj_or_ids, int):
        return [request_obj_or_ids]
    if isinstance(request_obj_or_ids, Iterable):
        ids = [getattr(item, "pk", item) for item in request_obj_or_ids]
        return ids or [None]
    raise TypeError(f"Expected a consultation request, an id or ids, not {type(request_obj_or_ids)!r}")


def checked(user, action, detail):
    if action not in Action.values:
        raise ValueError(f"Unknown audit action {action!r}")
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    return user, (detail or "")[:_DETAIL_MAX]


def record(user, action, request_obj_or_ids, detail=""):
    """Write one audit entry per request and return them.

    ``request_obj_or_ids`` is a ``ConsultationRequest``, its id, an iterable of either (one entry each,
    so "who saw request 12" can be answered after an export), or ``None`` for an action on no request
    in particular. ``user`` is ``None`` (or anonymous) for the system, such as the retention command.
    ``detail`` names fields or counts rows; never pass a value typed by a patient.
    """
    user, detail = checked(user, action, detail)
    entries = [
        RequestAuditEntry(request_id_ref=request_id, user=user, action=action, detail=detail)
        for request_id in _request_ids(request_obj_or_ids)
    ]
    return RequestAuditEntry.objects.bulk_create(entries, batch_size=500)


def record_appointment(user, action, appointment, detail=""):
    """Write one audit entry for an ``Appointment`` and return it.

    The entry also names the consultation request the appointment came from, so "who saw request 12"
    includes its appointment. ``detail`` says what happened ("status booked → arrived", "moved"); never
    pass the patient's details or anything they told us.
    """
    return record_appointments(user, action, [appointment], detail)[0]


def record_appointments(user, action, appointments, detail=""):
    """One entry per appointment, in one query (the calendar records every appointment it shows)."""
    user, detail = checked(user, action, detail)
    entries = [
        RequestAuditEntry(
            appointment_id_ref=appointment.pk,
            request_id_ref=appointment.consultation_request_id,
            user=user,
            action=action,
            detail=detail,
        )
        for appointment in appointments
    ]
    return RequestAuditEntry.objects.bulk_create(entries, batch_size=500)
