"""Settings › Staff sign-in: a manager sees who is locked out or lacks a second factor, unlocks them,
and resets the second factor of someone who lost their phone or passkey.

Open to superusers and to holders of ``staff.manage_staff_sign_in`` (Front desk managers). A manager
cannot reset a superuser's second factor unless they are one, nor their own here (their Two-factor
sign-in page does that, after their own second factor).
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView
from django_otp import devices_for_user
from wagtail.admin.auth import permission_denied, permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import ModelLogEntry

from staff import audit, guard, policy
from staff.audit import ACTIONS
from staff.views.account import KINDS, second_factors

PERMISSION = "staff.manage_staff_sign_in"


def locked_usernames():
    """Usernames locked out at some address by django-axes right now."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return set(
        AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
        ).values_list("username", flat=True)
    )


def may_reset(manager, account):
    return manager.pk != account.pk and (manager.is_superuser or not account.is_superuser)


class ManagerMixin(WagtailAdminTemplateMixin):
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


@method_decorator(permission_required(PERMISSION), name="dispatch")
class StaffSignInView(ManagerMixin, TemplateView):
    """Every active staff account: its second factors, whether it must have one, whether it is locked."""

    template_name = "staff/manage.html"
    page_title = "Staff sign-in"

    def get_context_data(self, **kwargs):
        manager = self.request.user
        locked = locked_usernames()
        rows = []
        for account in get_user_model().objects.filter(is_active=True).order_by("username"):
            kinds = sorted({KINDS[type(device)] for device in second_factors(account)})
            rows.append(
                {
                    "account": account,
                    "kinds": kinds,
                    "required": policy.second_factor_required(account),
                    "locked": account.get_username() in locked,
                    "guarded": guard.is_guarded(account),
                    "may_reset": bool(kinds) and may_reset(manager, account),
                }
            )
        history = ModelLogEntry.objects.filter(action__in=ACTIONS).select_related("user")[:20]
        return super().get_context_data(rows=rows, history=history, **kwargs)


@method_decorator(permission_required(PERMISSION), name="dispatch")
class UnlockView(ManagerMixin, TemplateView):
    """Lifts django-axes' lock at every address and the account guard; POST only."""

    http_method_names = ["post"]

    def post(self, request, pk):
        account = get_object_or_404(get_user_model(), pk=pk)
        guard.clear(account)
        audit.record("staff.sign_in.unlocked", account, request.user)
        messages.success(request, f"{account.get_username()} can sign in again.")
        return redirect("staff_manage")


@method_decorator(permission_required(PERMISSION), name="dispatch")
class ResetView(ManagerMixin, TemplateView):
    """Asks, then removes every second factor and recovery code of an account. Its owner adds a new
    one right after their password at their next sign-in; a session of theirs that is open is sent
    to enrolment at its next click."""

    template_name = "staff/confirm_reset.html"
    page_title = "Reset second factor"

    def dispatch(self, request, pk):
        self.account = get_object_or_404(get_user_model(), pk=pk)
        if not may_reset(request.user, self.account):
            return permission_denied(request)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.account, **kwargs)

    def post(self, request, pk):
        account = self.account
        removed = list(devices_for_user(account, confirmed=None))
        for device in removed:
            device.delete()
        audit.record("staff.second_factor.reset", account, request.user, removed=len(removed))
        messages.success(
            request,
            f"Removed {account.get_username()}’s second factors. They add a new one when they next sign in.",
        )
        return redirect("staff_manage")
