"""Keeping bots and floods out of the consultation form without a third-party captcha.

- The submission token: a random id signed together with the time the form was served. It makes a
  second post of the same form (double click, refresh) recognisable, and tells how long the form was
  open; a form sent within seconds of being served was not filled in by a person.
- The honeypot: a field people never see and bots fill in.
- The rate limits, counted per client in the cache under a keyed hash of the address (so the address
  itself is never stored or logged): at most ``BOOKING_RATE_LIMIT`` stored submissions per window,
  and, so a bot cannot post forever without ever getting one right, at most ``BOOKING_ATTEMPT_LIMIT``
  posts of any kind. Posts that fail validation (or stop at the red-flag question) count only
  towards the second, higher limit, so a patient who makes a few mistakes is never turned away.

Counting is atomic (``cache.incr``, a single INCR in Redis): a submission reserves its slot before it is
stored and gives it back when it is not, so ten posts at the same moment store at most the limit,
across every app server sharing the cache. Windows are fixed, aligned to the clock. Hand-written rather
than django-ratelimit, which has no way to give back a slot for a submission that was not stored. When
the cache cannot be reached the limits are not applied (logged): a patient is never refused because of
an outage of ours.
"""

import logging
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class Counter:
    """One client's count in the current window of a limit (``(how many, seconds)`` or None)."""

    key: str
    limit: int
    window: int
    retry_after: int

    @classmethod
    def for_request(cls, request, name, limit, now=None):
        max_posts, window = limit
        now = time.time() if now is None else now
        window_index = int(now // window)
        retry_after = max(1, int((window_index + 1) * window - now))
        key = f"booking:{name}:{client_key(request)}:{window_index}"
        return cls(key=key, limit=max_posts, window=window, retry_after=retry_after)

    def take(self):
        """Count one; True when that stays within the limit (the count is given back when not)."""
        try:
            cache.add(self.key, 0, timeout=self.window + 1)
            count = cache.incr(self.key)
        except ValueError:  # expired between add and incr: the window just ended
            return True
        if count is None:  # the cache could not be reached (django-redis answers None)
            logger.warning("Rate limit not applied: the cache could not be reached")
            return True
        if count > self.limit:
            self.give_back()
            return False
        return True

    def give_back(self):
        try:
            cache.decr(self.key)
        except ValueError:  # already expired
            pass


def attempt_limited(request):
    """Count this post towards the limit on posts of any kind; the seconds to wait when over it."""
    limit = settings.BOOKING_ATTEMPT_LIMIT if settings.BOOKING_RATE_LIMIT else None
    if not limit:
        return None
    counter = Counter.for_request(request, "attempts", limit)
    return None if counter.take() else counter.retry_after


def reserve_submission(request):
    """Reserve one of the client's stored submissions for this window.

    Returns ``(counter, None)`` when reserved (call ``counter.give_back()`` if the submission is not
    stored after all), ``(None, seconds to wait)`` when the client has used them all, and
    ``(None, None)`` when the limit is off.
    """
    limit = settings.BOOKING_RATE_LIMIT
    if not limit:
        return None, None
    counter = Counter.for_request(request, "stored", limit)
    if counter.take():
        return counter, None
    return None, counter.retry_after
