"""WSGI entry point. Defaults to production settings: a deploy that forgets to choose fails loudly."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.production")

application = get_wsgi_application()
