"""What the tests of "many clients at once" share: releasing threads together, and skipping where the
database cannot show a race (an in-memory SQLite test database is one connection shared by all)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection


def needs_a_shared_database():
    """Skip the test on an in-memory SQLite database; a file-based one or PostgreSQL shows the race."""
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in name):
        pytest.skip("needs a file-based SQLite test database or PostgreSQL")


def all_at_once(count, work):
    """Run ``work(number)`` in ``count`` threads released together; returns the results in order."""
    barrier = threading.Barrier(count)

    def run(number):
        try:
            barrier.wait(timeout=30)
            return work(number)
        finally:
            connection.close()

    connection.close()
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))
