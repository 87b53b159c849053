"""What the clinic keeps about staff sign-in: recovery codes (hashed) and each account's failure count.

django-otp's own static device (``otp_static``) keeps its codes in plain text; a recovery code is as
good as a password, so ``RecoveryCodes`` keeps only their SHA-256 digests. The codes are random (80
bits), so a fast hash is enough: there is nothing to guess from a digest.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django_otp.models import Device, TimestampMixin

CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def digest(code):
    """The stored form of a recovery code: spaces, dashes and case do not matter."""
    normalised = "".join(code.split()).replace("-", "").lower()
    return hashlib.sha256(normalised.encode()).hexdigest()


class RecoveryCodes(TimestampMixin, Device):
    """A member of staff's single-use recovery codes, for the day their phone or passkey is not at hand.

    Shown once when made; each works once. Only digests are stored.
    """

    code_digests = models.JSONField(default=list)

    class Meta(Device.Meta):
        verbose_name = "recovery codes"
        verbose_name_plural = "recovery codes"

    @classmethod
    def replace_for(cls, user):
        """New codes for ``user`` (any earlier ones stop working); returns the codes to show once."""
        codes = [
            "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(4))
            for _ in range(settings.STAFF_RECOVERY_CODE_COUNT)
        ]
        cls.objects.filter(user=user).delete()
        cls.objects.create(user=user, name="Recovery codes", code_digests=[digest(code) for code in codes])
        return codes

    @property
    def remaining(self):
        return len(self.code_digests)

    def verify_token(self, token):
        """Use up ``token`` if it is one of the codes left. django-otp's ``verify_token`` calls this
        with the row locked (``select_for_update``), so a code cannot be used twice at once."""
        wanted = digest(str(token))
        if wanted not in self.code_digests:
            return False
        self.code_digests = [stored for stored in self.code_digests if stored != wanted]
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True


class AccountFailures(models.Model):
    """Failed sign-ins (wrong passwords and wrong codes) for one staff account, from any address.

    ``staff.guard`` counts them and guards the account once they pass ``STAFF_ACCOUNT_FAILURE_LIMIT``
    within ``STAFF_ACCOUNT_FAILURE_WINDOW``. ``reset_mail_sent_at`` spaces out password reset mails.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    failures = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    owner_warned_at = models.DateTimeField(null=True, blank=True)
    reset_mail_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "staff sign-in record"
        permissions = [
            ("manage_staff_sign_in", "Unlock staff sign-in and reset other people's second factors"),
        ]

    def __str__(self):
        return f"Sign-in record of user {self.user_id}"
