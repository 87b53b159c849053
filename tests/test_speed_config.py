"""What makes an uncached view cheap: kept database connections, compiled templates, compression and
image renditions made before anyone asks for them."""

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import ClinicRendition
from articles.renditions import SHARE_IMAGE_SPEC, specs_for
from pagecache import checks as page_cache_checks
from tests import factories

# Wagtail also keeps renditions in the cache, by image id; ids repeat from one test to the next.
pytestmark = pytest.mark.usefixtures("empty_caches")

ROOT = Path(__file__).resolve().parent.parent
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

PRODUCTION_PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.db import connections
from django.template import engines
from pagecache.checks import check_shared_cache

engine = engines["django"].engine
print(json.dumps({
    "conn_max_age": connections["default"].settings_dict["CONN_MAX_AGE"],
    "conn_health_checks": connections["default"].settings_dict["CONN_HEALTH_CHECKS"],
    "debug": settings.DEBUG,
    "loaders": [type(loader).__module__ + "." + type(loader).__name__ for loader in engine.template_loaders],
    "same_template": engine.get_template("base.html") is engine.get_template("base.html"),
    "middleware": settings.MIDDLEWARE,
    "page_cache": settings.PAGE_CACHE_ENABLED,
    "cache_checks": [message.id for message in check_shared_cache(None)],
    "renditions_cache": settings.CACHES.get("renditions", {}),
}))
"""


def production_settings(**env):
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.production",
        SECRET_KEY="speed-test-secret-key-not-used-anywhere-else-0123456789",
        ALLOWED_HOSTS="clinic.example",
        DATABASE_URL="postgres://clinic:secret@db.invalid:5432/clinic",
        CACHE_DIR=str(ROOT / "test-artifacts" / "speed-cache"),
    )
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production():
    return production_settings()


def test_production_keeps_database_connections_and_checks_them(production):
    assert production["debug"] is False
    assert production["conn_max_age"] >= 60
    assert production["conn_health_checks"] is True


def test_production_compiles_each_template_once(production):
    assert production["loaders"] == ["django.template.loaders.cached.Loader"]
    assert production["same_template"] is True


def test_production_middleware_order_serves_cached_pages_with_every_header(production):
    middleware = production["middleware"]
    position = middleware.index("pagecache.middleware.PageCacheMiddleware")
    for outer in (
        "clinic_site.middleware.RequestIdMiddleware",
        "clinic_site.middleware.SecurityHeadersMiddleware",
        "django.middleware.security.SecurityMiddleware",
    ):
        assert middleware.index(outer) < position, outer
    assert middleware[position + 1] == "django.middleware.gzip.GZipMiddleware"
    for inner in (
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
    ):
        assert middleware.index(inner) > position, inner
    assert production["page_cache"] is True
    assert production["cache_checks"] == []  # the default cache is shared by the web workers
    # Without Redis, each process keeps the renditions it has looked up (Wagtail's "renditions" cache).
    assert production["renditions_cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_production_with_redis_keeps_pages_and_renditions_there():
    production = production_settings(REDIS_URL="redis://cache.internal:6379/0")
    renditions = production["renditions_cache"]
    assert renditions["BACKEND"].endswith("RedisCache")
    assert renditions["LOCATION"] == "redis://cache.internal:6379/0"


def test_the_deploy_check_refuses_a_page_cache_that_workers_do_not_share(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [message.id for message in page_cache_checks.check_shared_cache(None)] == ["pagecache.W001"]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(ROOT / "test-artifacts" / "speed-cache"),
        }
    }
    assert page_cache_checks.check_shared_cache(None) == []


@pytest.mark.django_db
def test_page_views_read_renditions_from_the_cache_not_the_database(condition):
    image = factories.make_image()
    article = factories.make_article("Pictured", conditions=[condition], image=image)
    Client().get(article.url)  # renditions made and cached
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(article.url)
    assert image.get_rendition(specs_for("hero")[0]).url.encode() in response.content
    assert not [query for query in captured if "rendition" in query["sql"]], (
        "renditions came from the database"
    )


@pytest.mark.django_db
def test_html_is_compressed_for_browsers_that_accept_gzip(condition):
    plain = Client().get(condition.url)
    compressed = Client().get(condition.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 2
    assert gzip.decompress(compressed.content) == plain.content


@pytest.mark.django_db
def test_cached_pages_are_stored_compressed_and_plain_separately(settings, condition):
    settings.PAGE_CACHE_ENABLED = True
    Client().get(condition.url, HTTP_ACCEPT_ENCODING="gzip")
    compressed = Client().get(condition.url, HTTP_ACCEPT_ENCODING="gzip")
    plain = Client().get(condition.url)
    assert (compressed["X-Cache"], compressed["Content-Encoding"]) == ("HIT", "gzip")
    assert plain["X-Cache"] == "MISS"
    assert "Content-Encoding" not in plain
    assert gzip.decompress(compressed.content) == plain.content


@pytest.mark.django_db
def test_the_compressed_consultation_form_never_repeats_its_csrf_token(condition):
    """BREACH needs a secret repeated in every response; Django masks the CSRF token anew each time."""
    patient = Client()
    tokens = []
    for _ in range(3):
        response = patient.get("/consultation/", HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        tokens.append(CSRF_INPUT.search(gzip.decompress(response.content).decode()).group(1))
    assert len(set(tokens)) == 3


def rendition_specs(image):
    return set(ClinicRendition.objects.filter(image=image).values_list("filter_spec", flat=True))


@pytest.mark.django_db
def test_publishing_a_page_makes_the_renditions_its_images_need(
    django_capture_on_commit_callbacks, condition
):
    hero, illustration, share = factories.make_image(), factories.make_image(), factories.make_image()
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.make_article(
            "Pictures of the neck",
            conditions=[condition],
            image=hero,
            share_image=share,
            body=[("image", {"image": illustration, "caption": "", "alt_override": ""})],
        )
    assert rendition_specs(hero) == set(specs_for("hero") + specs_for("card"))
    assert rendition_specs(illustration) == set(specs_for("body"))
    assert rendition_specs(share) == {SHARE_IMAGE_SPEC}

    before = ClinicRendition.objects.count()
    response = Client().get(article.url)
    assert response.status_code == 200
    assert ClinicRendition.objects.count() == before, "the first view had to make a rendition"
    for image in (hero, illustration):
        url = image.get_rendition(specs_for("body" if image == illustration else "hero")[0]).url
        assert url.encode() in response.content


@pytest.mark.django_db
def test_the_first_view_of_the_page_makes_no_rendition_queries_of_its_own(
    django_capture_on_commit_callbacks, condition
):
    image = factories.make_image()
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.make_article("One picture", conditions=[condition], image=image)
    with CaptureQueriesContext(connection) as captured:
        Client().get(article.url)
    writes = [query["sql"] for query in captured if query["sql"].startswith(("INSERT", "UPDATE"))]
    assert not [sql for sql in writes if "rendition" in sql], writes


@pytest.mark.django_db
def test_saving_a_practitioner_makes_the_portrait_sizes(django_capture_on_commit_callbacks):
    photo = factories.make_image(size=(400, 400))
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_practitioner("Photo Person", photo=photo)
    assert rendition_specs(photo) == set(specs_for("portrait"))


@pytest.mark.django_db
def test_a_missing_original_does_not_stop_the_publish_or_the_other_images(
    django_capture_on_commit_callbacks, condition
):
    lost, kept = factories.make_image(), factories.make_image()
    lost.file.storage.delete(lost.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.make_article(
            "Lost picture",
            conditions=[condition],
            image=lost,
            body=[("image", {"image": kept, "caption": "", "alt_override": ""})],
        )
    article.refresh_from_db()
    assert article.live
    assert rendition_specs(lost) == set()
    assert rendition_specs(kept) == set(specs_for("body"))
