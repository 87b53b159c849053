"""Staff sign-in: the second factor, lockouts, trusted browsers and password reset (``staff/``).

Imported at the end of ``base.py``; the other settings modules override single values as usual.
"""

import os
from datetime import timedelta
from urllib.parse import urlsplit

from .env import env_bool

# Second factor (django-otp): an authenticator app (TOTP), passkeys (django-otp-webauthn) and
# single-use recovery codes (staff.RecoveryCodes, stored hashed). Required for superusers and the
# members of these groups, who see patient details; for everyone with STAFF_TWO_FACTOR_FOR_EVERYONE.
# Anyone else may add one from their account page, and from then on needs it too.
STAFF_TWO_FACTOR_GROUPS = ["Front desk", "Front desk managers"]
STAFF_TWO_FACTOR_FOR_EVERYONE = env_bool("STAFF_TWO_FACTOR_FOR_EVERYONE", False)
STAFF_RECOVERY_CODE_COUNT = 10
OTP_TOTP_ISSUER = os.environ.get("STAFF_TOTP_ISSUER", "Clinic staff")
# django-otp's own per-device delay is off: wrong codes count with wrong passwords below instead, so a
# stranger who knows a password cannot keep the real person's codes refused.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = "staff.passkeys"


def passkey_origin(base_url):
    """The origin passkeys are made for: PASSKEY_ORIGIN, else the admin's address.

    Browsers refuse passkeys for a bare IP address, so a local address like http://127.0.0.1:8000
    becomes http://localhost:8000 (the same machine, by a name WebAuthn accepts).
    """
    parts = urlsplit(os.environ.get("PASSKEY_ORIGIN", "").strip() or base_url)
    host = parts.hostname or "localhost"
    if host.replace(".", "").isdigit() or host == "::1":
        host = "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme or 'https'}://{host}{port}", host


_origin, OTP_WEBAUTHN_RP_ID = passkey_origin(os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"))
OTP_WEBAUTHN_ALLOWED_ORIGINS = [_origin]

# Wrong passwords and wrong codes (django-axes): 5 for one username from one address lock that pair out
# for 30 minutes (counted again from each further failure). A manager unlocks sooner on Settings ›
# Staff sign-in; `manage.py axes_reset_username <username>` does too. Failures are cleared only by a
# whole sign-in (password, and the second factor where one is needed), never by the password alone.
# AxesBackend (the lockout check, with ModelBackend's get_user) comes first: Wagtail's page test helpers
# and anything else that signs in with "the first backend" need one that can load the user.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "security/sign_in_locked.html"
AXES_VERBOSE = False
# Never stored with a failed attempt.
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]

# Guessing spread over many addresses (staff.guard): after STAFF_ACCOUNT_FAILURE_LIMIT failures for one
# account within STAFF_ACCOUNT_FAILURE_WINDOW, from anywhere, the account is guarded: only a browser
# that has completed a whole sign-in to it within STAFF_TRUSTED_BROWSER_DAYS may try its password,
# until a whole sign-in or a manager clears the count, or the window passes. The account's owner is
# mailed once a window when it happens.
STAFF_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("STAFF_ACCOUNT_FAILURE_LIMIT", "20"))
STAFF_ACCOUNT_FAILURE_WINDOW = timedelta(hours=24)
STAFF_TRUSTED_BROWSER_DAYS = 90

# Password reset (staff.forms): at most PASSWORD_RESET_ADDRESS_LIMIT requests per address per window,
# and one mail per account per PASSWORD_RESET_ACCOUNT_SECONDS; reset links last an hour.
PASSWORD_RESET_ADDRESS_LIMIT = (5, 3600)
PASSWORD_RESET_ACCOUNT_SECONDS = 15 * 60
PASSWORD_RESET_TIMEOUT = 60 * 60

# Paths of the Wagtail admin, which staff.middleware.SecondFactorMiddleware keeps closed until the
# second factor is passed.
STAFF_ADMIN_PREFIX = "/admin/"

WAGTAILADMIN_USER_LOGIN_FORM = "staff.forms.GuardedLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "staff.forms.ThrottledPasswordResetForm"
