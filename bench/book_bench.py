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

from bench.http_load import Run
from bench.load_appointments import OVERLAPS, SETUP, book, details_form, free_time_urls, request, time_links

TARGET_P95_MS = 50
SPACING_MINUTES = 90


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
    """Details forms fetched, then posted from ``clients`` threads; returns the POST run."""
    forms = [(link, *details_form(port, link)) for link in spaced_links(port, setup, limit)]
    pending = iter(
        (link, cookie, hidden, number)
        for number, (link, status, cookie, hidden) in enumerate(forms)
        if status == 200
    )
    lock = threading.Lock()
    total = Run()

    def worker():
        mine = Run()
        while True:
            with lock:
                item = next(pending, None)
            if item is None:
                break
            link, cookie, hidden, number = item
            status, elapsed = book(
                port, link, cookie, hidden, f"Bench booking {number}", f"bench.{number}@example.org"
            )
            mine.latencies.append(elapsed)
            mine.statuses[status] = mine.statuses.get(status, 0) + 1
            mine.errors += status not in (303, 409)
        with lock:
            total.merge(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total.seconds = time.perf_counter() - started
    return total


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
