"""The patient's side of consultation requests: the form, the thank-you page and the 429 page."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from articles.models import StandardPage
from booking import spam
from booking.forms import RED_FLAGS, ConsultationRequestForm, condition_for_slug, live_source_page
from booking.models import ConsultationRequest
from booking.tasks import enqueue_notifications
from clinic_site.models import ClinicSettings

# Only references, urgency and reasons are logged here: never a name, contact detail, condition or symptom.
logger = logging.getLogger(__name__)


class SeeOther(HttpResponseRedirect):
    """303: after a POST the browser fetches the next page with GET, so a refresh does not post again."""

    status_code = 303


#: The reference of the request this browser just sent, for its thank-you page: a signed cookie sent back
#: to that page only. Not the session: a session cookie (on every path) would keep the patient's later
#: page views out of the page cache for hours. Never in a URL; another browser has no such cookie.
REFERENCE_COOKIE = "clinic_request_reference"
REFERENCE_COOKIE_SALT = "booking.thank_you.reference"
REFERENCE_COOKIE_SECONDS = 60 * 60


def thank_you_redirect(consultation_request=None):
    """303 to the thank-you page; for a request stored by this post, with its reference for that page."""
    url = reverse("booking:thank_you")
    response = SeeOther(url)
    if consultation_request is not None:
        response.set_signed_cookie(
            REFERENCE_COOKIE,
            consultation_request.reference,
            salt=REFERENCE_COOKIE_SALT,
            max_age=REFERENCE_COOKIE_SECONDS,
            path=url,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


def clinic_for(request):
    """The clinic's details for this site; the defaults when no site is set up yet."""
    try:
        return ClinicSettings.for_request(request)
    except ClinicSettings.DoesNotExist:
        return ClinicSettings()


def privacy_page(request):
    page = StandardPage.objects.live().public().filter(slug="privacy").first()
    return page.get_url(request) if page else ""


def phone_region(clinic):
    return (clinic.country or settings.BOOKING_PHONE_REGION or "US").upper()


def render_form(request, clinic, form, token, *, show_red_flag_alert=False, notice=""):
    context = {
        "form": form,
        "clinic": clinic,
        "submission_token": token,
        "honeypot_field": spam.HONEYPOT_FIELD,
        "red_flags": RED_FLAGS,
        "privacy_url": privacy_page(request),
        "show_red_flag_alert": show_red_flag_alert,
        "red_flag_acknowledged": show_red_flag_alert
        or (form.is_bound and form.data.get("red_flag_acknowledged") == "1"),
        "notice": notice,
    }
    # Errors and the red-flag stop are answered with 200, like the first view of the form.
    return render(request, "booking/request_form.html", context)


@sensitive_post_parameters()
@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def request_consultation(request):
    """Ask for a consultation: from a condition page or article (condition chosen) or on its own."""
    clinic = clinic_for(request)
    if request.method == "POST":
        retry_after = spam.attempt_limited(request)
        if retry_after is not None:
            logger.warning("Consultation form: a client posted too many times; sent 429")
            return rate_limited(request, clinic, retry_after)
        return submit(request, clinic)

    condition = condition_for_slug(request.GET.get("condition"))
    source = live_source_page(request.GET.get("from"))
    practitioner = request.GET.get("practitioner", "")
    form = ConsultationRequestForm(
        initial={
            "condition": str(condition.pk) if condition else "",
            "source_page": source.pk if source else "",
            "practitioner": practitioner if practitioner.isdigit() else "",
        },
        phone_region=phone_region(clinic),
    )
    return render_form(request, clinic, form, spam.issue_token())


def submit(request, clinic):
    token = spam.read_token(request.POST.get("submission_token"))
    if token is not None and ConsultationRequest.objects.filter(submission_token=token.id).exists():
        # A second post of a form already stored (double click, refresh): nothing new to do.
        return thank_you_redirect()
    if spam.honeypot_filled(request.POST):
        logger.info("Discarded a consultation form post that looked automated (honeypot)")
        return thank_you_redirect()

    form = ConsultationRequestForm(request.POST, phone_region=phone_region(clinic))
    if token is None:
        # Missing or altered: not a form we served (or served before a key change). Ask again.
        form.is_valid()
        notice = "Please check your details and send the form again."
        return render_form(request, clinic, form, spam.issue_token(), notice=notice)
    posted_token = request.POST["submission_token"]
    valid = form.is_valid()
    # A "yes" to the red-flag question is answered with the urgent-care message first, errors or not.
    red_flag_pending = form.red_flags_reported and not form.cleaned_data.get("red_flag_acknowledged")
    if not valid or red_flag_pending:
        return render_form(request, clinic, form, posted_token, show_red_flag_alert=red_flag_pending)
    if token.filled_too_fast:
        # Sent within seconds of being served: a bot, or a browser that filled everything in at once.
        # Nobody is thanked for a request that was not stored: the form comes back, everything kept.
        logger.info("Consultation form sent too soon after it was served; asked to check and send again")
        notice = "Please check your details, then send the form again."
        return render_form(request, clinic, form, spam.issue_token(), notice=notice)

    counter, retry_after = spam.reserve_submission(request)
    if retry_after is not None:
        logger.warning("Consultation form: a client reached the limit of stored requests; sent 429")
        return rate_limited(request, clinic, retry_after)
    consultation_request = form.build_request(token, clinic.privacy_version)
    try:
        with transaction.atomic():
            consultation_request.save()
            enqueue_notifications(consultation_request)
    except BaseException as error:
        if counter is not None:
            counter.give_back()
        # Two posts of one form racing: the other one stored it. Anything else is a real error.
        if (
            isinstance(error, IntegrityError)
            and ConsultationRequest.objects.filter(submission_token=token.id).exists()
        ):
            return thank_you_redirect()
        raise
    logger.info(
        "Consultation request %s received (urgent: %s)",
        consultation_request.reference,
        "yes" if consultation_request.is_urgent else "no",
    )
    return thank_you_redirect(consultation_request)


@never_cache
@require_GET
def thank_you(request):
    """What happens next, with the reference of the request this browser sent (from the signed cookie set
    when it was stored); nothing else about the request. Never cached (``never_cache``, and the page cache
    skips /consultation/)."""
    reference = request.get_signed_cookie(
        REFERENCE_COOKIE, default="", salt=REFERENCE_COOKIE_SALT, max_age=REFERENCE_COOKIE_SECONDS
    )
    context = {"clinic": clinic_for(request), "reference": reference}
    return render(request, "booking/thank_you.html", context)


def rate_limited(request, clinic, retry_after):
    minutes = max(1, round(retry_after / 60))
    response = render(
        request,
        "booking/rate_limited.html",
        {"clinic": clinic, "retry_minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def link_page(view):
    """Wrap a page opened by a token from a patient's mail (the manage link, the waitlist's leave and
    claim links): rate-limited like the form, never cached or indexed. ``view(request, clinic, token)``
    returns a response, or None when the token opens nothing: then the plain "link not valid" page (404)."""

    @never_cache
    @csrf_protect
    def wrapped(request, token):
        clinic = clinic_for(request)
        retry_after = spam.attempt_limited(request)
        if retry_after is not None:
            logger.warning("A link from a mail was asked for too many times by one client; sent 429")
            response = rate_limited(request, clinic, retry_after)
        else:
            response = view(request, clinic, token) or render(
                request, "booking/link_invalid.html", {"clinic": clinic}, status=404
            )
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped
