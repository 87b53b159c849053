"""Keeping bots and floods out of the consultation form without a third-party captcha.

- The submission token: a random id signed together with the time the form was served. It makes a
  second post of the same form (double click, refresh) recognisable, and tells how long the form was
  open; a form sent within seconds of being served was not filled in by a person.
- The honeypot: a field people never see and bots fill in.
- The rate limit: a count of recent posts per client, kept in the cache under a keyed hash of the
  address, so the address itself is never stored or logged.
"""

import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

TOKEN_SALT = "booking.submission-token"
HONEYPOT_FIELD = "website"


@dataclass(frozen=True)
class SubmissionToken:
    """The id a form post is stored under, and when its form was served (seconds since the epoch)."""

    id: uuid.UUID
    issued_at: float

    @property
    def age(self):
        return time.time() - self.issued_at

    @property
    def filled_too_fast(self):
        return self.age < settings.BOOKING_MIN_FILL_SECONDS


def issue_token(issued_at=None, token_id=None):
    """A signed token for a newly served form. Tests pass an earlier ``issued_at`` instead of waiting."""
    payload = {
        "id": (token_id or uuid.uuid4()).hex,
        "at": round(time.time() if issued_at is None else issued_at, 3),
    }
    return signing.dumps(payload, salt=TOKEN_SALT)


def read_token(value):
    """The token posted with the form, or None when it is missing, altered or malformed."""
    if not value:
        return None
    try:
        payload = signing.loads(value, salt=TOKEN_SALT)
        return SubmissionToken(id=uuid.UUID(payload["id"]), issued_at=float(payload["at"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def honeypot_filled(data):
    return bool(data.get(HONEYPOT_FIELD, "").strip())


def client_key(request):
    """A keyed hash of the client address: stable enough to count posts, useless to anyone reading it."""
    address = request.META.get("REMOTE_ADDR", "")
    return salted_hmac("booking.rate-limit", address).hexdigest()[:32]


def check_rate_limit(request):
    """Count this post; return the seconds to wait when the client is over the limit, else None.

    A sliding window: the post times of each client within the window are kept in the cache. Posts
    turned away are not counted, so a person who waits the time we give them gets through.
    """
    limit = settings.BOOKING_RATE_LIMIT
    if not limit:
        return None
    max_posts, window = limit
    key = f"booking:posts:{client_key(request)}"
    now = time.time()
    recent = [moment for moment in cache.get(key, []) if moment > now - window]
    if len(recent) >= max_posts:
        return max(1, int(recent[0] + window - now) + 1)
    recent.append(now)
    cache.set(key, recent, timeout=window)
    return None
