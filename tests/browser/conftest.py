"""The browser suite: Debian's Chromium, driven by Playwright, against one real server per run.

The suite starts ONE gunicorn (production settings, the repository's gunicorn.conf.py) on a free port of
127.0.0.1, serving its own copy of the demo clinic (demo logins included) from a SQLite file in a
temporary folder, and ONE Chromium. Each test gets a fresh browser context (its own cookies).

These tests run on their own, not inside `make test`: `make test-browser` (which `.ci/run` runs too), or
`pytest tests/browser`. A plain `pytest` leaves them out, so the unit suite stays quick under xdist;
set CLINIC_BROWSER_TESTS=1 to include them anyway.

Screenshots of every step go to test-artifacts/screenshots/<test name>/ (git-ignored).
"""

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS, DESKTOP, HERE, PHONE, SCREENSHOTS
from tests.live_site import Site, free_port

# Assertions wait as long as actions do (the context's default below): on a busy machine a form post
# with its redirect can take more than Playwright's 5-second default for `expect`.
expect.set_options(timeout=15_000)


def pytest_ignore_collect(collection_path, config):
    """Leave the browser suite out of a plain `pytest` run unless it was named or asked for."""
    if os.environ.get("CLINIC_BROWSER_TESTS") == "1":
        return None
    for arg in config.args:
        target = Path(arg.split("::")[0]).resolve()
        if target == HERE or HERE in target.parents:
            return None
    return True


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


# The server and the browser ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The demo clinic with its demo logins, in a folder of its own."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    return Site(tmp_path_factory.mktemp("browser-site")).prepare(demo_accounts=True)


@pytest.fixture(scope="session")
def server(site):
    """gunicorn serving ``site``. The rate limit is off: every test posts from 127.0.0.1. Passkeys are
    made for http://localhost:<port> (browsers refuse them for an IP address)."""
    port = free_port()
    with site.serve(
        port=port,
        workers=2,
        log_name="browser-gunicorn.log",
        BOOKING_RATE_LIMIT="off",
        PASSKEY_ORIGIN=f"http://localhost:{port}",
    ) as running:
        yield running


@pytest.fixture(scope="session")
def base_url(server):
    return server.url


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_test_failed = report.failed
    return report


@pytest.fixture
def new_context(request, chromium, base_url):
    """Make browser contexts (phone or desktop) that are closed after the test; a failed test leaves
    a screenshot of each of its pages in test-artifacts/screenshots/<test>/failure-*.png."""
    contexts = []

    def make(device=DESKTOP, **options):
        context = chromium.new_context(
            **{"base_url": base_url, "accept_downloads": True, **device, **options}
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    if getattr(request.node, "browser_test_failed", False):
        shots = Shots(request.node.name)
        shots.folder.mkdir(parents=True, exist_ok=True)
        for number, page in enumerate(page for context in contexts for page in context.pages):
            try:
                page.screenshot(path=str(shots.folder / f"failure-{number}.png"), full_page=True)
            except Exception:  # noqa: BLE001 - a page that cannot be captured must not hide the failure
                pass
    for context in contexts:
        context.close()


@pytest.fixture
def phone_page(new_context):
    return new_context(PHONE).new_page()


@pytest.fixture
def desktop_page(new_context):
    return new_context(DESKTOP).new_page()


# Screenshots ---------------------------------------------------------------------------------------


class Shots:
    """Numbered full-page screenshots of one test's steps."""

    def __init__(self, name):
        self.folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", name)
        self.count = 0

    def __call__(self, page, step):
        self.count += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.count:02d}-{re.sub(r'[^a-z0-9]+', '-', step.lower()).strip('-')}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def shot(request):
    return Shots(request.node.name)


# The site's database, read directly --------------------------------------------------------------


@pytest.fixture(scope="session")
def site_db(site):
    """Run a read-only SQL query on the served site's SQLite database; returns rows as dicts."""
    path = site.database_url.removeprefix("sqlite:///")

    def query(sql, *params):
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=20)
        connection.row_factory = sqlite3.Row
        try:
            return [dict(row) for row in connection.execute(sql, params)]
        finally:
            connection.close()

    return query


@pytest.fixture(scope="session")
def public_pages(site_db):
    """One live page of each page type of the demo clinic, by its path."""
    rows = site_db(
        "SELECT ct.model, MIN(p.url_path) AS url_path FROM wagtailcore_page p"
        " JOIN django_content_type ct ON ct.id = p.content_type_id"
        " WHERE p.live AND p.depth > 1 GROUP BY ct.model ORDER BY ct.model"
    )
    return {row["model"]: "/" + row["url_path"].split("/", 2)[2] for row in rows}
