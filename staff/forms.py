"""Staff sign-in forms: the admin's sign-in with the account guard, a throttled password reset, codes.

Wagtail lets a project name its own sign-in and reset forms (``WAGTAILADMIN_USER_LOGIN_FORM``,
``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``); both here extend Wagtail's.
"""

import datetime
import logging

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from booking.spam import Counter
from staff import guard
from staff.models import AccountFailures

logger = logging.getLogger(__name__)

GUARDED_MESSAGE = (
    "Sign-in to this account is paused on this browser: there have been many failed attempts to "
    "sign in to it from elsewhere. Sign in from a computer you have used for the clinic's admin "
    "before, or ask a front desk manager or administrator to unlock it."
)


class GuardedLoginForm(LoginForm):
    """Wagtail's sign-in form, which does not try the password of a guarded account (``staff.guard``)
    from a browser that has never completed a sign-in to it."""

    def clean(self):
        user = guard.find_account(self.cleaned_data.get("username"))
        if user is not None and guard.is_guarded(user) and not guard.browser_trusted_for(self.request, user):
            raise forms.ValidationError(GUARDED_MESSAGE, code="account_guarded")
        return super().clean()


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset form, limited per address and per account.

    Requests from one address beyond ``PASSWORD_RESET_ADDRESS_LIMIT`` per window send nothing, and an
    account gets at most one reset mail per ``PASSWORD_RESET_ACCOUNT_SECONDS`` whatever is asked. The
    page says the same either way (Django's reset view only ever says "if the address has an account,
    a mail is on its way"), so it tells nobody whether an address has an account or is being limited.
    The mail itself is queued (``EMAIL_BACKEND``), never sent inside the request.
    """

    def save(self, *args, request=None, **kwargs):
        if request is not None and settings.PASSWORD_RESET_ADDRESS_LIMIT:
            limit = settings.PASSWORD_RESET_ADDRESS_LIMIT
            if not Counter.for_request(request, "password-reset", limit).take():
                logger.warning("Password reset refused: too many from one address")
                return
        super().save(*args, request=request, **kwargs)

    def get_users(self, email):
        """Django's choice of accounts, less those sent a reset mail too recently; marks the rest."""
        now = timezone.now()
        recent = now - datetime.timedelta(seconds=settings.PASSWORD_RESET_ACCOUNT_SECONDS)
        for user in super().get_users(email):
            AccountFailures.objects.get_or_create(user=user)
            claimed = AccountFailures.objects.filter(
                Q(reset_mail_sent_at__isnull=True) | Q(reset_mail_sent_at__lt=recent), user=user
            ).update(reset_mail_sent_at=now)
            if claimed:
                yield user


class CodeForm(forms.Form):
    """One box for a code: six digits from the authenticator app, or a recovery code."""

    otp_token = forms.CharField(
        label="Code",
        max_length=40,
        help_text="The six-digit code your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def clean_otp_token(self):
        return "".join(self.cleaned_data["otp_token"].split())
