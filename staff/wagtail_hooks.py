"""The staff sign-in pages in the Wagtail admin: URLs, the account page's link, the managers' menu item."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from staff import audit
from staff.views.account import TwoFactorView
from staff.views.enrol import EnrolView, RecoveryCodesView
from staff.views.manage import PERMISSION, ResetView, StaffSignInView, UnlockView
from staff.views.verify import VerifyView


@hooks.register("register_admin_urls")
def staff_sign_in_urls():
    return [
        path("two-factor/verify/", VerifyView.as_view(), name="staff_verify"),
        path("two-factor/enrol/", EnrolView.as_view(), name="staff_enrol"),
        path("two-factor/recovery-codes/", RecoveryCodesView.as_view(), name="staff_recovery_codes"),
        path("two-factor/", TwoFactorView.as_view(), name="staff_two_factor"),
        path("two-factor/passkeys/", include("staff.passkeys")),
        path("staff-sign-in/", StaffSignInView.as_view(), name="staff_manage"),
        path("staff-sign-in/<int:pk>/unlock/", UnlockView.as_view(), name="staff_unlock"),
        path("staff-sign-in/<int:pk>/reset/", ResetView.as_view(), name="staff_reset"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_link(request):
    return {
        "url": reverse("staff_two_factor"),
        "label": "Two-factor sign-in",
        "help_text": "Your authenticator app, passkeys and recovery codes.",
    }


class ManagersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def staff_sign_in_menu_item():
    return ManagersMenuItem("Staff sign-in", reverse("staff_manage"), icon_name="lock", order=650)


@hooks.register("register_log_actions")
def staff_log_actions(actions):
    audit.register(actions)
