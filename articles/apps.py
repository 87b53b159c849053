from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Clinic content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles import signals
        from clinic_site import cache

        # Renditions first: both run after the publish commits, in the order they were connected.
        signals.connect_signals()
        cache.connect_signals()
