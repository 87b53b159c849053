from django.apps import AppConfig


class WorkerConfig(AppConfig):
    """The task worker that sends the site's mail: kept running through outages, its liveness visible."""

    name = "worker"
    verbose_name = "Background work"
