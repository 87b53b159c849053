"""What templates need to cache a fragment with ``{% wagtailcache %}``: a lifetime and the generation.

``{% wagtailcache page_cache.seconds "footer" page_cache.generation site.pk %}`` keeps the fragment
until the site's content changes (a new generation) or the lifetime passes. The generation is read only
if a template asks for it. With ``DEBUG`` on, fragments live for 0 seconds, so a template change shows
at once.
"""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from pagecache import generation


def page_cache(request):
    return {
        "page_cache": {
            "seconds": 0 if settings.DEBUG else settings.PAGE_CACHE_SECONDS,
            "generation": SimpleLazyObject(generation.current),
        }
    }
