"""Adding a second factor (an authenticator app or a passkey) and seeing recovery codes, once."""

import base64

import segno
from django.contrib.auth.views import RedirectURLMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff import audit, guard
from staff.forms import CodeForm
from staff.passkeys import FRESH_CODES_SESSION_KEY, give_recovery_codes_if_none

APP_DEVICE_NAME = "Authenticator app"


def qr_code_svg(text):
    """The QR code of ``text`` as inline SVG, drawn here (segno): nothing is sent to an image service."""
    svg = segno.make(text, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
    labelled = '<svg role="img" aria-label="QR code for your authenticator app" '
    return mark_safe(svg.replace("<svg ", labelled, 1))


def grouped(secret_bytes):
    """The secret as an app asks for it when typed in: base32, in groups of four."""
    text = base64.b32encode(secret_bytes).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@method_decorator([never_cache, sensitive_post_parameters("otp_token")], name="dispatch")
class EnrolView(RedirectURLMixin, FormView):
    """Adds an authenticator app (a QR code to scan, then one code from it) or a passkey.

    Reached right after the password by someone who must have a second factor and has none (the
    middleware sends them here), or from the Two-factor sign-in page. Someone who already has a second
    factor must pass it before adding another.
    """

    template_name = "staff/enrol.html"
    form_class = CodeForm
    next_page = "wagtailadmin_home"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect("wagtailadmin_login")
        if not user.is_verified() and user_has_device(user):
            return redirect("staff_verify")
        return super().dispatch(request, *args, **kwargs)

    def pending_device(self):
        """The unconfirmed app entry this person is setting up (the same one on a reload)."""
        user = self.request.user
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)

    def get_context_data(self, **kwargs):
        device = self.pending_device()
        return super().get_context_data(
            qr_code=qr_code_svg(device.config_url),
            secret=grouped(device.bin_key),
            next=self.get_redirect_url(),
            done_url=recovery_codes_url(self.get_success_url()),
            signing_in=not self.request.user.is_verified(),
            **kwargs,
        )

    def form_valid(self, form):
        request, user = self.request, self.request.user
        device = self.pending_device()
        if not device.verify_token(form.cleaned_data["otp_token"]):
            form.add_error(
                "otp_token",
                "That code did not match. Check the time on your phone and enter the newest code.",
            )
            return self.form_invalid(form)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        first_factor_of_session = not user.is_verified()
        otp_login(request, device)
        audit.record("staff.second_factor.added", user, user, kind="authenticator app")
        give_recovery_codes_if_none(request, user)
        if first_factor_of_session:
            guard.signed_in_fully(request, user)
        return redirect(recovery_codes_url(self.get_success_url()))


def recovery_codes_url(next_url):
    return f"{reverse('staff_recovery_codes')}?{urlencode({'next': next_url})}"


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(RedirectURLMixin, TemplateView):
    """Shows freshly made recovery codes once; afterwards only how many are left is known."""

    template_name = "staff/recovery_codes.html"
    next_page = "wagtailadmin_home"

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(FRESH_CODES_SESSION_KEY, None)
        if not codes:
            return redirect(self.get_success_url())
        return self.render_to_response(self.get_context_data(codes=codes, next=self.get_success_url()))
