"""Passkeys (django-otp-webauthn) as a second factor, with the clinic's audit and sign-in rules.

django-otp-webauthn's own views do the WebAuthn ceremonies; the two that finish one are extended
through the hooks the package documents (``post``, ``complete_auth``, ``get_success_url``) so that
adding a passkey is audited and gets recovery codes made, and signing in with one counts as a whole
sign-in (``staff.guard``) unless django-axes has locked the username at this address. The URL names
stay the package's (namespace ``otp_webauthn``), which its template tags and scripts expect.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.urls import path, reverse
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from staff import audit, guard
from staff.models import RecoveryCodes

FRESH_CODES_SESSION_KEY = "staff_fresh_recovery_codes"


class SignInPaused(exceptions.OTPWebAuthnApiError):
    status_code = 429
    code = "sign_in_paused"
    default_detail = "Signing in is paused for this account from your network. Ask a manager to unlock it."


def give_recovery_codes_if_none(request, user):
    """After a first second factor: recovery codes, kept in the session until shown once."""
    if not RecoveryCodes.objects.filter(user=user).exists():
        request.session[FRESH_CODES_SESSION_KEY] = RecoveryCodes.replace_for(user)


class PasskeyRegistrationView(CompleteCredentialRegistrationView):
    """Stores the new passkey (the package's view), then audits it and makes recovery codes."""

    def post(self, *args, **kwargs):
        user = self.request.user
        was_verified = user.is_verified()
        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            audit.record("staff.second_factor.added", user, user, kind="passkey")
            give_recovery_codes_if_none(self.request, user)
            if not was_verified:
                guard.signed_in_fully(self.request, user)
        return response


class PasskeyVerificationView(CompleteCredentialAuthenticationView):
    """Checks a passkey for the signed-in person (the package's view); a whole sign-in when it passes."""

    def check_can_authenticate(self):
        super().check_can_authenticate()
        user = self.request.user
        credentials = {settings.AXES_USERNAME_FORM_FIELD: user.get_username()}
        if not AxesProxyHandler.is_allowed(self.request, credentials):
            raise SignInPaused()

    def complete_auth(self, device):
        super().complete_auth(device)
        guard.signed_in_fully(self.request, device.user)

    def get_success_url(self):
        return self.get_redirect_url() or reverse("wagtailadmin_home")


app_name = "otp_webauthn"
urlpatterns = [
    path(
        "registration/begin/",
        BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        PasskeyRegistrationView.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        PasskeyVerificationView.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
