"""The second step of signing in: a code from the authenticator app, a recovery code, or a passkey."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import RedirectURLMixin
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView
from django_otp import devices_for_user, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from staff import guard
from staff.forms import CodeForm
from staff.models import RecoveryCodes


def credentials_of(user):
    return {settings.AXES_USERNAME_FORM_FIELD: user.get_username()}


def locked_out(request, user):
    """Signs out a person whose username is locked from this address and answers with the lock page
    (the same page and count as wrong passwords: django-axes counts both)."""
    if AxesProxyHandler.is_allowed(request, credentials_of(user)):
        return None
    logout(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_timedelta": settings.AXES_COOLOFF_TIME,
    }
    return TemplateResponse(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)


@method_decorator([never_cache, sensitive_post_parameters("otp_token")], name="dispatch")
class VerifyView(RedirectURLMixin, FormView):
    """Asks a signed-in member of staff for their second factor before the admin opens.

    A wrong code counts as a failed sign-in (``user_login_failed``): django-axes locks the username at
    this address after ``AXES_FAILURE_LIMIT`` failures of either kind, and ``staff.guard`` counts it
    for the account. A right one clears both, as a whole sign-in does.
    """

    template_name = "staff/verify.html"
    form_class = CodeForm
    next_page = "wagtailadmin_home"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("wagtailadmin_login")
        if request.user.is_verified():
            return redirect(self.get_success_url())
        return locked_out(request, request.user) or super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        kinds = {type(device) for device in devices_for_user(user)}
        return super().get_context_data(
            has_app=TOTPDevice in kinds,
            has_passkey=WebAuthnCredential in kinds,
            has_recovery_codes=RecoveryCodes in kinds,
            next=self.get_redirect_url(),
            **kwargs,
        )

    def form_valid(self, form):
        request, user = self.request, self.request.user
        token = form.cleaned_data["otp_token"]
        for device in devices_for_user(user):
            if isinstance(device, (TOTPDevice, RecoveryCodes)):
                verified = verify_token(user, device.persistent_id, token)
                if verified is not None:
                    return self.passed(verified)
        user_login_failed.send(sender=__name__, credentials=credentials_of(user), request=request)
        lock_page = locked_out(request, user)
        if lock_page is not None:
            return lock_page
        form.add_error("otp_token", "That code did not work. Check it and try again; each code works once.")
        return self.form_invalid(form)

    def passed(self, device):
        request = self.request
        otp_login(request, device)
        guard.signed_in_fully(request, request.user)
        if isinstance(device, RecoveryCodes):
            left = device.remaining
            messages.warning(
                request,
                f"You used a recovery code; {left} left. Make new ones on your Two-factor sign-in page "
                "if you are running low, and add your app or passkey again if it was lost.",
            )
        return redirect(self.get_success_url())
