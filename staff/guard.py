"""Password guessing spread over many addresses, and the browsers a member of staff really uses.

django-axes locks one username from one address after a few failures. Someone guessing from many
addresses is never locked that way, so each account's failures from anywhere are also counted
(``AccountFailures``: wrong passwords, and wrong codes at the second step). Past
``STAFF_ACCOUNT_FAILURE_LIMIT`` within ``STAFF_ACCOUNT_FAILURE_WINDOW`` the account is *guarded*: its
password is not even tried from a browser that has never completed a sign-in to it, and its owner is
mailed. A browser that has (it holds a signed cookie naming the account, given after each whole
sign-in: password and, where needed, second factor) signs in as usual, so a stranger cannot lock the
front desk out of its own computers. A whole sign-in, a manager (Settings › Staff sign-in) or the
window passing clears the count. The idea is OWASP's "device cookies" for slowing online guessing.
"""

import logging

from axes.utils import reset as reset_axes
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from staff import policy
from staff.models import AccountFailures

logger = logging.getLogger(__name__)

TRUSTED_COOKIE = "clinic_staff_browser"
TRUSTED_SALT = "staff.trusted-browser"
#: How many accounts one browser remembers (a shared front-desk computer).
TRUSTED_ACCOUNTS_KEPT = 8


def find_account(username):
    if not username:
        return None
    User = get_user_model()
    return User.objects.filter(**{User.USERNAME_FIELD: username}).first()


def window_open(record, now):
    return record.window_started_at is not None and now - record.window_started_at < (
        settings.STAFF_ACCOUNT_FAILURE_WINDOW
    )


def count_failure(user):
    """One more failed sign-in for ``user``; warns the owner the first time the limit is reached."""
    now = timezone.now()
    with transaction.atomic():
        AccountFailures.objects.get_or_create(user=user)
        record = AccountFailures.objects.select_for_update().get(user=user)
        if not window_open(record, now):
            record.failures, record.window_started_at = 0, now
        record.failures += 1
        record.last_failure_at = now
        warn = record.failures >= settings.STAFF_ACCOUNT_FAILURE_LIMIT and not (
            record.owner_warned_at and record.owner_warned_at >= record.window_started_at
        )
        if warn:
            record.owner_warned_at = now
        record.save()
    if warn:
        logger.warning("Account %s guarded after %d failed sign-ins", user.pk, record.failures)
        warn_owner(user, record.failures)


def is_guarded(user):
    record = AccountFailures.objects.filter(user=user).first()
    return bool(
        record
        and record.failures >= settings.STAFF_ACCOUNT_FAILURE_LIMIT
        and window_open(record, timezone.now())
    )


def clear(user):
    """Forget ``user``'s failures: their per-account count and every address's axes count."""
    AccountFailures.objects.filter(user=user).update(failures=0, window_started_at=None)
    reset_axes(username=user.get_username())


def warn_owner(user, failures):
    """Queue a mail telling the account's owner about the failures (sent by the task worker)."""
    if not user.email:
        return
    context = {
        "user": user,
        "failures": failures,
        "window_hours": int(settings.STAFF_ACCOUNT_FAILURE_WINDOW.total_seconds() // 3600),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/",
    }
    EmailMessage(
        subject="Many failed sign-ins to your clinic staff account",
        body=render_to_string("staff/email/many_failures.txt", context),
        to=[user.email],
    ).send()


# Trusted browsers ----------------------------------------------------------------------------------


def trusted_accounts(request):
    try:
        return signing.loads(
            request.COOKIES.get(TRUSTED_COOKIE, ""),
            salt=TRUSTED_SALT,
            max_age=settings.STAFF_TRUSTED_BROWSER_DAYS * 86400,
        )
    except signing.BadSignature:
        return []


def browser_trusted_for(request, user):
    return user.pk in trusted_accounts(request)


def remember_browser(request, response, user):
    """Give the browser that just completed a sign-in to ``user`` (or renew) its signed cookie."""
    accounts = [user.pk] + [pk for pk in trusted_accounts(request) if pk != user.pk]
    response.set_cookie(
        TRUSTED_COOKIE,
        signing.dumps(accounts[:TRUSTED_ACCOUNTS_KEPT], salt=TRUSTED_SALT),
        max_age=settings.STAFF_TRUSTED_BROWSER_DAYS * 86400,
        path="/admin/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


# A whole sign-in ------------------------------------------------------------------------------------


def signed_in_fully(request, user):
    """The password and, where needed, the second factor passed: clear the failures, trust the browser.

    The cookie is set on the way out by ``SecondFactorMiddleware`` (it has the response).
    """
    clear(user)
    request.staff_fully_signed_in = user


def on_failed_sign_in(sender, credentials, request=None, **kwargs):
    user = find_account(credentials.get("username"))
    if user is not None:
        count_failure(user)


def on_password_accepted(sender, request, user, **kwargs):
    if request is not None and not policy.must_verify(user):
        signed_in_fully(request, user)


def connect_signals():
    user_login_failed.connect(on_failed_sign_in, dispatch_uid="staff.count_failure")
    user_logged_in.connect(on_password_accepted, dispatch_uid="staff.password_accepted")
