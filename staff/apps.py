from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Staff accounts' sign-in security: the second factor, lockouts and their unlocking, reset throttle."""

    name = "staff"
    verbose_name = "Staff sign-in"

    def ready(self):
        from staff import guard

        guard.connect_signals()
