from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Clinic content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles import renditions_on_publish

        renditions_on_publish.connect_signals()
