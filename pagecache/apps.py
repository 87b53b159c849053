from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The page cache for anonymous visitors and the generation that every stored page is filed under."""

    name = "pagecache"
    verbose_name = "Page cache"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pagecache import checks, invalidation  # noqa: F401 - registers the deploy check

        invalidation.connect_signals()
