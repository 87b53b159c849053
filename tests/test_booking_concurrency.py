"""Patients sending the form at once: 200 from 20 threads, every request stored once and none refused;
one form sent ten times at once (a double click, a flaky network), stored once; one address over its
limit at the same moment, stored exactly up to the limit.

Runs against the configured database: file-based SQLite locally (see clinic_site/settings/test.py)
and PostgreSQL in CI (DATABASE_URL=postgres://...). An in-memory SQLite database cannot be shared by
threads, so the test is skipped there.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django_tasks_db.models import DBTaskResult

from booking.models import ConsultationRequest
from tests import factories
from tests.concurrency import needs_a_shared_database
from tests.factories import FORM_URL, THANK_YOU_URL, make_clinic, valid_data

THREADS = 20
SUBMISSIONS = 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_200_submissions_from_20_threads(settings, home):
    needs_a_shared_database()
    settings.BOOKING_RATE_LIMIT = None
    settings.BOOKING_MIN_FILL_SECONDS = 0
    make_clinic()
    conditions = [factories.make_condition(title) for title in ("Neck pain", "Migraine", "Whiplash")]
    connection.close()  # each thread opens its own connection; start from a clean slate too

    def patient(number):
        """One patient: open the form, fill it in, send it. Returns (status codes, seconds)."""
        client = Client(REMOTE_ADDR=f"198.51.100.{number % 250}")
        started = time.perf_counter()
        try:
            form_page = client.get(FORM_URL)
            page = BeautifulSoup(form_page.content, "html.parser")
            token = page.find("input", {"name": "submission_token"})["value"]
            urgent = number % 10 == 0
            data = valid_data(
                conditions[number % len(conditions)],
                submission_token=token,
                name=f"Patient {number}",
                email=f"patient{number}@example.org",
                red_flags="yes" if urgent else "no",
                red_flag_acknowledged="1" if urgent else None,
            )
            response = client.post(FORM_URL, data)
            return (
                form_page.status_code,
                response.status_code,
                response.get("Location"),
                time.perf_counter() - started,
            )
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(patient, range(SUBMISSIONS)))
    elapsed = time.perf_counter() - started

    assert [r[:3] for r in results] == [(200, 303, THANK_YOU_URL)] * SUBMISSIONS
    assert ConsultationRequest.objects.count() == SUBMISSIONS
    assert ConsultationRequest.objects.values("submission_token").distinct().count() == SUBMISSIONS
    assert set(ConsultationRequest.objects.values_list("name", flat=True)) == {
        f"Patient {n}" for n in range(SUBMISSIONS)
    }
    assert ConsultationRequest.objects.filter(is_urgent=True).count() == SUBMISSIONS // 10
    booking_tasks = DBTaskResult.objects.filter(task_path__startswith="booking.tasks.")
    assert booking_tasks.count() == 2 * SUBMISSIONS  # staff notice + acknowledgement for each

    latencies = sorted(r[3] for r in results)
    print(
        f"\n[booking concurrency] {connection.vendor}: {SUBMISSIONS} submissions (GET + POST) from "
        f"{THREADS} threads in {elapsed:.2f}s = {SUBMISSIONS / elapsed:.1f} submissions/s; "
        f"per submission median {latencies[len(latencies) // 2] * 1000:.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )


def post_at_once(posts):
    """Send the (client, data) posts from as many threads, released together; returns their responses."""
    barrier = threading.Barrier(len(posts))

    def send(post):
        client, data = post
        try:
            barrier.wait(timeout=30)
            return client.post(FORM_URL, data)
        finally:
            connection.close()

    connection.close()
    with ThreadPoolExecutor(max_workers=len(posts)) as pool:
        return list(pool.map(send, posts))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_form_sent_ten_times_at_once_is_stored_once(settings, home):
    needs_a_shared_database()
    settings.BOOKING_RATE_LIMIT = None
    make_clinic()
    data = valid_data(factories.make_condition("Neck pain"))
    responses = post_at_once([(Client(), data) for _ in range(10)])
    assert [(response.status_code, response["Location"]) for response in responses] == [
        (303, THANK_YOU_URL)
    ] * 10
    assert ConsultationRequest.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_posts_at_once_from_one_address_store_exactly_the_limit(settings, home):
    needs_a_shared_database()
    settings.BOOKING_RATE_LIMIT = (5, 600)
    make_clinic()
    condition = factories.make_condition("Migraine")
    posts = [
        (Client(REMOTE_ADDR="203.0.113.77"), valid_data(condition, name=f"Same Address {n}"))
        for n in range(10)
    ]
    responses = post_at_once(posts)
    assert sorted(response.status_code for response in responses) == [303] * 5 + [429] * 5
    assert ConsultationRequest.objects.count() == 5
