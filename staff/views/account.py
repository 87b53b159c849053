"""A member of staff's own Two-factor sign-in page: what they have, add, remove, new recovery codes."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from staff import audit, policy
from staff.models import RecoveryCodes
from staff.passkeys import FRESH_CODES_SESSION_KEY
from staff.views.enrol import recovery_codes_url

KINDS = {TOTPDevice: "authenticator app", WebAuthnCredential: "passkey"}


def second_factors(user):
    """The person's apps and passkeys (not their recovery codes), oldest first."""
    return [device for device in devices_for_user(user) if type(device) in KINDS]


class TwoFactorView(WagtailAdminTemplateMixin, TemplateView):
    """Lists the person's second factors and recovery codes left; adds, removes and renews them.

    Someone who must have a second factor cannot remove their last app or passkey here (a manager
    can reset them instead, which sends them back to enrolment at their next sign-in).
    """

    template_name = "staff/two_factor.html"
    page_title = "Two-factor sign-in"
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        user = self.request.user
        codes = RecoveryCodes.objects.filter(user=user).first()
        return super().get_context_data(
            devices=[(device, KINDS[type(device)]) for device in second_factors(user)],
            required=policy.second_factor_required(user),
            recovery_codes_left=codes.remaining if codes else None,
            done_url=recovery_codes_url(self.request.path),
            **kwargs,
        )

    def post(self, request):
        user = request.user
        if "new_recovery_codes" in request.POST:
            request.session[FRESH_CODES_SESSION_KEY] = RecoveryCodes.replace_for(user)
            audit.record("staff.recovery_codes.replaced", user, user)
            return redirect(recovery_codes_url(request.path))
        devices = second_factors(user)
        chosen = [device for device in devices if device.persistent_id == request.POST.get("remove")]
        if not chosen:
            return redirect(request.path)
        if len(devices) == 1 and policy.second_factor_required(user):
            messages.error(
                request,
                "Your role needs a second factor, so the last one cannot be removed. Add another first.",
            )
            return redirect(request.path)
        device = chosen[0]
        signed_in_with = getattr(user.otp_device, "persistent_id", None)
        device.delete()
        others = [other for other in devices if other is not device]
        if signed_in_with == device.persistent_id and others:
            otp_login(request, others[0])  # this session passed its second factor; it stays passed
        if len(devices) == 1:
            RecoveryCodes.objects.filter(user=user).delete()
        audit.record("staff.second_factor.removed", user, user, kind=KINDS[type(device)], name=device.name)
        messages.success(request, f"Removed “{device.name}”.")
        return redirect(request.path)
