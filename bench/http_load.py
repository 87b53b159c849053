"""The load generator `make bench` uses: timed bursts of HTTP requests from several threads."""

import gzip
import http.client
import threading
import time
from dataclasses import dataclass, field

from bench.load_booking import cookie_from

HOST = "127.0.0.1"


@dataclass
class Run:
    """What one timed burst of requests gave."""

    seconds: float = 0.0
    latencies: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    errors: int = 0
    hits: int = 0
    bodies: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.latencies)

    @property
    def rate(self):
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, fraction):
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] * 1000

    def merge(self, other):
        self.latencies += other.latencies
        self.errors += other.errors
        self.hits += other.hits
        self.bodies += other.bodies
        for status, count in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + count


def load(port, seconds, concurrency, requests, expect=200, keep_bodies=False):
    """Send requests from ``concurrency`` threads for ``seconds``; ``requests`` yields (method, path,
    body, headers) and returning None ends a thread early (nothing left to post)."""
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()
    total = Run()

    def worker():
        mine = Run()
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        while time.perf_counter() < deadline:
            request = requests()
            if request is None:
                break
            method, path, body, headers = request
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                content = response.read()
            except (OSError, http.client.HTTPException):
                mine.errors += 1
                connection.close()
                continue
            mine.latencies.append(time.perf_counter() - started)
            mine.statuses[response.status] = mine.statuses.get(response.status, 0) + 1
            if response.status != expect:
                mine.errors += 1
            if response.getheader("X-Cache") == "HIT":
                mine.hits += 1
            if keep_bodies:
                if response.getheader("Content-Encoding") == "gzip":
                    content = gzip.decompress(content)
                mine.bodies.append((content, cookie_from(response, "csrftoken")))
            if response.will_close:
                connection.close()  # gunicorn's sync workers answer one request per connection
        connection.close()
        with lock:
            total.merge(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total.seconds = time.perf_counter() - started
    return total


def get(path):
    headers = {"Accept-Encoding": "gzip", "Accept": "text/html"}
    return lambda: ("GET", path, None, headers)
