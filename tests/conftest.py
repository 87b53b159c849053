"""Shared pytest fixtures."""

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site, Workflow, WorkflowPage

from demo.loader import load_demo_content
from tests import factories

# Modules that render pages or read settings and files: nothing in them depends on the database engine,
# so CI's PostgreSQL pass leaves them out (`-m "not any_database"`). Everything that stores, locks,
# counts, searches, migrates or survives an outage runs on SQLite and PostgreSQL both.
ANY_DATABASE = {
    "test_article_pages.py",
    "test_crawl.py",
    "test_demo_bodies.py",
    "test_deploy_config.py",
    "test_medical_demo.py",
    "test_readability.py",
    "test_references.py",
    "test_rich_text_links.py",
    "test_security_headers.py",
    "test_seo_head.py",
    "test_seo_rules.py",
    "test_settings.py",
    "test_structured_data.py",
    "test_uploads.py",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in ANY_DATABASE:
            item.add_marker(pytest.mark.any_database)


@pytest.fixture
def empty_caches():
    """Every cache emptied before and after the test: the page cache and shared values, and Wagtail's
    renditions, which it keeps by image id (ids come again after each test's rollback)."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo clinic's home page, loaded once for the test module and rolled back after it."""
    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=str(media)), django_db_blocker.unblock():
        with transaction.atomic():
            load_demo_content()
            yield Site.objects.get(is_default_site=True).root_page.specific
            transaction.set_rollback(True)
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def condition(home):
    return factories.make_condition("Neck pain", slug="neck-pain")


@pytest.fixture
def clinical_review(condition):
    """The workflow the data migrations made, assigned where the demo loader assigns it."""
    workflow = Workflow.objects.get(name="Clinical review")
    for index in (
        factories.make_article_index(),
        factories.make_condition_index(),
        factories.make_treatment_index(),
    ):
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


@pytest.fixture
def superuser(db):
    return factories.make_user("boss", superuser=True)


@pytest.fixture
def editor(db):
    return factories.make_user("editor-user", group="Editors")


@pytest.fixture
def reviewer(db):
    """A clinical reviewer whose account is linked to a practitioner, so their approvals are recorded."""
    user = factories.make_user("reviewer-user", group="Clinical reviewers")
    factories.make_practitioner("Rae Reviewer", credentials="PT, DPT", user=user)
    return user


@pytest.fixture
def front_desk(db):
    return factories.make_user("desk-user", group="Front desk")


@pytest.fixture
def desk_client(client, front_desk):
    """The test client, signed in as a member of the front desk (second factor passed)."""
    factories.sign_in(client, front_desk)
    return client


@pytest.fixture
def count_queries():
    """``count_queries(client, url)``: the database queries of a second GET of ``url`` (the first warms
    per-process caches: site root paths, content types, cached fragments)."""

    def count(client, url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    return count


@pytest.fixture
def cache_on(settings):
    """The page cache switched on (tests run with it off), empty before and after."""
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run what the site does after a commit (cache invalidation, renditions), as a real request would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run
