"""Values every page shows (the menu, the footer, the clinic details, the map of pages), kept with the
cached pages' generation (``clinic_site.cache``).

``shared_value(name, compute)`` is ``compute()`` worked out once per generation: the first worker to
need it stores it in the shared cache (Redis, or the folder the workers of one box share), the others
read it from there, and each process also keeps what it read in memory until the generation changes.
The generation is replaced whenever content that any page shows changes, so the next request after a
publish, a move or an edit to the clinic details works everything out again.

Values come back as the same object to every request of a process: callers must not change them
(copy first, as ``ClinicSettings.for_request`` does). With the shared cache off (DEBUG, or inside a
transaction, where what is read may not be committed) a value is worked out once per request.
"""

import logging

from django.conf import settings
from django.db import transaction

from clinic_site.cache import current_generation, page_cache, request_memo

logger = logging.getLogger(__name__)

MISSING = object()
# {generation: {name: value}} for the latest generation this process has seen.
_in_memory = {}


def shared_enabled(using=None):
    """Whether site-wide values may come from (and go to) the shared cache on this request.

    Off with DEBUG (a template change must show at once) and with ``SHARED_CHROME_CACHE=False``. Off
    inside an open transaction too: what it reads may not be committed (and may be rolled back, as
    in a test case), and the generation only changes once a change commits.
    """
    if settings.DEBUG or not getattr(settings, "SHARED_CHROME_CACHE", True):
        return False
    return not transaction.get_connection(using).in_atomic_block


def shared_value(name, compute, timeout=None):
    """``compute()``, kept under the current generation. ``name`` must say everything it depends on."""
    if not shared_enabled():
        # Worked out afresh, but once per request at most (a page asks for the directory of pages for
        # its route, its links and its next article).
        memo = request_memo()
        if memo is None:
            return compute()
        if name not in memo:
            memo[name] = compute()
        return memo[name]
    cache = page_cache()
    try:
        generation = current_generation(cache)
    except Exception:
        logger.exception("Page cache unavailable; computing %s without it", name)
        return compute()
    values = _in_memory.get(generation)
    if values is None:
        _in_memory.clear()
        values = _in_memory[generation] = {}
    value = values.get(name, MISSING)
    if value is not MISSING:
        return value
    key = f"shared:{generation}:{name}"
    try:
        value = cache.get(key, MISSING)
    except Exception:
        logger.exception("Page cache unavailable; computing %s without it", name)
        return compute()
    if value is MISSING:
        value = compute()
        try:
            cache.set(key, value, timeout=timeout or getattr(settings, "PAGE_CACHE_SECONDS", 3600))
        except Exception:
            logger.exception("Could not store %s in the page cache", name)
    values[name] = value
    return value
