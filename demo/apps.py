from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The made-up clinic a fresh install shows, and ``manage.py load_demo_content`` that builds it.

    It builds on ``articles``, ``booking`` and ``clinic_site``; nothing in the site imports it.
    """

    name = "demo"
    verbose_name = "Demo clinic"
