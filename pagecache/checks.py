"""The deploy check: the page cache needs a cache that every web worker shares."""

from django.conf import settings
from django.core import checks

from pagecache.middleware import enabled

PER_PROCESS_BACKENDS = ("LocMemCache", "DummyCache")


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """With several web workers, each would keep its own copies and fill them again for every visitor."""
    if not enabled():
        return []
    alias = settings.PAGE_CACHE_ALIAS
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    if backend.endswith(PER_PROCESS_BACKENDS):
        return [
            checks.Warning(
                f"The page cache uses the {alias!r} cache ({backend}), which web workers do not share: "
                "every worker would render and store every page for itself.",
                hint="Use Redis (REDIS_URL) or a file-based cache, or set PAGE_CACHE_ENABLED=false.",
                id="pagecache.W001",
            )
        ]
    return []
