"""The consultation form part of `make bench`: timed bursts of form GETs and POSTs from Python threads.

Pages and the static file are loaded with wrk (``bench/wrk_load.py``); the form stays with this Python
client because every POST must carry the CSRF cookie and token and the signed submission token of a
form the server served, read from that form's HTML. The form is answered a few dozen times a second,
well within what a Python client sends.
"""

import gzip
import http.client
import threading
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.load_booking import condition_choices, cookie_from, hidden_inputs

HOST = "127.0.0.1"


@dataclass
class Run:
    """What one timed burst of requests gave."""

    seconds: float = 0.0
    latencies: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    errors: int = 0
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


def booking_posts(forms, run_id):
    """One filled-in POST per served form, built from the form's own tokens and condition list."""
    prepared = []
    for number, (content, csrf_cookie) in enumerate(forms):
        html = content.decode()
        hidden = hidden_inputs(html)
        conditions = condition_choices(html)
        if not (csrf_cookie and hidden.get("csrfmiddlewaretoken") and hidden.get("submission_token")):
            continue
        fields = [
            ("csrfmiddlewaretoken", hidden["csrfmiddlewaretoken"]),
            ("submission_token", hidden["submission_token"]),
            ("source_page", hidden.get("source_page", "")),
            ("website", ""),
            ("name", f"Bench {run_id} {number}"),
            ("email", f"bench.{run_id}.{number}@example.org"),
            ("phone", ""),
            ("preferred_contact", "email"),
            ("patient_type", "new"),
            ("preferred_times", "weekday_mornings"),
            ("condition", conditions[number % len(conditions)] if conditions else "other"),
            ("practitioner", ""),
            ("treatment", ""),
            ("symptoms", "Stiff neck for three weeks, worse after long days at a screen."),
            ("red_flags", "no"),
            ("consent", "on"),
        ]
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Accept-Encoding": "gzip",
        }
        prepared.append(("POST", "/consultation/", urlencode(fields), headers))
    return prepared


def booking(port, seconds, clients):
    """The form's GETs for ``seconds``, then one POST per form served; returns both runs and the run id
    in the names of the requests the POSTs stored ("Bench <run id> <number>")."""
    forms = load(port, seconds, clients, get("/consultation/"), keep_bodies=True)
    run_id = uuid.uuid4().hex[:8]
    pending = iter(booking_posts(forms.bodies, run_id))
    lock = threading.Lock()

    def next_post():
        with lock:
            return next(pending, None)

    return forms, load(port, seconds, clients, next_post, expect=303), run_id
