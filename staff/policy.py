"""Who must pass a second factor before the admin shows them anything.

Superusers and the members of ``STAFF_TWO_FACTOR_GROUPS`` (the front desk, who read patient details),
everyone when ``STAFF_TWO_FACTOR_FOR_EVERYONE`` is on, and anyone who has chosen to add one.
"""

from django.conf import settings
from django_otp import user_has_device


def second_factor_required(user):
    """Whether ``user`` may not use the admin on a password alone, device or not."""
    if user.is_superuser or settings.STAFF_TWO_FACTOR_FOR_EVERYONE:
        return True
    return user.groups.filter(name__in=settings.STAFF_TWO_FACTOR_GROUPS).exists()


def must_verify(user):
    """Whether a signed-in ``user`` must pass a second factor (and enrol one first if they have none)."""
    return second_factor_required(user) or user_has_device(user)
