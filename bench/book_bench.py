"""Online booking's part of `make bench`: the free-times page and booking POSTs per second.

- The free-times page (step 2) for all practitioners ("first available"), every week of the horizon in
  turn, from one connection, so each latency is the server's time plus loopback, with no queue.
  Every request works out the free times of the whole horizon (60 days with the demo clinic's three
  practitioners); aim: p95 under 50 ms.
- Booking POSTs per second: the details forms of free times at least 90 minutes apart per practitioner
  are fetched first, then posted from ``clients`` threads; each answer is 303 (booked) or 409 (taken
  meanwhile). Afterwards no two appointments may overlap.
"""

import json
import threading
import time

from bench.http_load import Run, load
from bench.load_appointments import (
    OVERLAPS,
    SETUP,
    booking_post,
    details_form,
    free_time_urls,
    request,
    time_links,
)

TARGET_P95_MS = 50
SPACING_MINUTES = 90
POSTS_SECONDS = 120  # an upper bound: the run ends when every form is posted


def free_time_page(port, setup, seconds):
    """Step 2 for every week of the horizon, round and round for ``seconds`` from one connection."""
    run = Run()
    urls = free_time_urls(setup)
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for url in urls:
            response, _content, elapsed = request(port, "GET", url, headers={"Accept": "text/html"})
            run.latencies.append(elapsed)
            run.statuses[response.status] = run.statuses.get(response.status, 0) + 1
            run.errors += response.status != 200
    run.seconds = time.perf_counter() - started
    return run


def spaced_links(port, setup, limit):
    """Time links across the horizon, at least SPACING_MINUTES apart for each practitioner."""
    last = {}
    chosen = []
    for url in free_time_urls(setup):
        _response, content, _elapsed = request(port, "GET", url, headers={"Accept": "text/html"})
        for link in time_links(content.decode("utf-8")):
            practitioner, start = link.rsplit("slot=", 1)[1].split("%40")
            minutes = int(time.mktime(time.strptime(start, "%Y%m%dT%H%MZ")) // 60)
            if minutes - last.get(practitioner, -(10**9)) >= SPACING_MINUTES:
                last[practitioner] = minutes
                chosen.append(link)
    return chosen[:limit]


def booking_posts(port, setup, clients, limit=240):
    """Details forms fetched, then posted from ``clients`` threads; returns the POST run, in which a
    409 (taken meanwhile) is an answer, not an error."""
    forms = [(link, *details_form(port, link)) for link in spaced_links(port, setup, limit)]
    posts = []
    for number, (link, status, cookie, hidden) in enumerate(forms):
        if status == 200:
            body, headers = booking_post(
                port, link, cookie, hidden, f"Bench booking {number}", f"b{number}@example.org"
            )
            posts.append(("POST", link, body, headers))
    pending = iter(posts)
    lock = threading.Lock()

    def next_post():
        with lock:
            return next(pending, None)

    run = load(port, POSTS_SECONDS, clients, next_post, expect=303)
    run.errors -= run.statuses.get(409, 0)
    return run


def measure(port, site, seconds, clients):
    """Both measurements against the running server; returns what ``report`` prints."""
    setup = json.loads(site.query(SETUP).splitlines()[-1])
    pages = free_time_page(port, setup, seconds)
    posts = booking_posts(port, setup, clients)
    _rows, _mine, overlaps = (int(n) for n in site.query(OVERLAPS.format(run_id="-")).split())
    return pages, posts, overlaps, len(setup["weeks"])


def report(pages, posts, overlaps, weeks):
    """Print the lines; returns the number of errors (an overlap counts as one)."""
    p50, p95 = pages.percentile(0.5), pages.percentile(0.95)
    verdict = "met" if p95 < TARGET_P95_MS else "missed"
    print(
        f"  free times, all practitioners, whole horizon ({weeks} weeks, 1 connection): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms over {pages.count} pages "
        f"(target p95 < {TARGET_P95_MS} ms: {verdict})"
    )
    print(
        f"  booking POSTs: {posts.rate:.1f}/s ({posts.statuses.get(303, 0)} booked, "
        f"{posts.statuses.get(409, 0)} taken meanwhile), p50 {posts.percentile(0.5):.0f} ms, "
        f"p95 {posts.percentile(0.95):.0f} ms; "
        f"overlapping appointments afterwards: {overlaps}"
    )
    return pages.errors + posts.errors + (overlaps > 0)
