"""Load run: N consultation requests from M concurrent patients through gunicorn, then count the rows.

    .venv/bin/python bench/load_booking.py --submissions 300 --clients 15
    DATABASE_URL=postgres://... .venv/bin/python bench/load_booking.py   # against PostgreSQL

Each simulated patient does what a browser does: GET the form (which sets the CSRF cookie and carries
the CSRF token and the signed submission token), pick a condition from the form's own list, POST the
filled-in form with the cookie, and expect the 303 to the thank-you page. The server is a fresh copy
of the site (``tests/live_site.py``) with production settings, the demo clinic, and the rate limit and
minimum fill time switched off (every patient here comes from 127.0.0.1 and fills the form instantly).

Prints sent, stored, errors (5xx separately) and p50/p95 latency of the GET and the POST, and exits
non-zero unless every submission was stored once, with its two queued mails, and no response was 5xx.
Timings are noisy on a shared machine; the pass/fail rule is about correctness only.
"""

import argparse
import http.client
import itertools
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.live_site import Site  # noqa: E402

FORM_PATH = "/consultation/"
THANK_YOU_PATH = "/consultation/thank-you/"

INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([a-zA-Z_:-]+)="([^"]*)"')
CONDITION_SELECT = re.compile(
    r'<select\b[^>]*name="condition"[^>]*>(.*?)</select>', re.DOTALL | re.IGNORECASE
)
OPTION_VALUE = re.compile(r'<option\b[^>]*value="([^"]+)"', re.IGNORECASE)


def hidden_inputs(html):
    """name → value of the form's hidden inputs (the CSRF token and the submission token among them)."""
    values = {}
    for tag in INPUT.findall(html):
        attributes = {key.lower(): unescape(value) for key, value in ATTRIBUTE.findall(tag)}
        if attributes.get("type", "").lower() == "hidden" and "name" in attributes:
            values[attributes["name"]] = attributes.get("value", "")
    return values


def condition_choices(html):
    match = CONDITION_SELECT.search(html)
    return OPTION_VALUE.findall(match.group(1)) if match else []


def cookie_from(response, name):
    """A cookie's value from Set-Cookie. Done by hand: the production cookies are Secure, and Python's
    cookie jar (rightly) will not send a Secure cookie over plain HTTP to 127.0.0.1."""
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith(f"{name}="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return None


class Patient:
    """One concurrent client: its own connection and cookie, sending one request after another."""

    def __init__(self, port):
        self.port = port
        self.origin = f"http://127.0.0.1:{port}"

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            started = time.perf_counter()
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            content = response.read()
            return response, content, time.perf_counter() - started
        finally:
            connection.close()

    def submit(self, number, run_id):
        """GET the form, POST it filled in. Returns a dict of statuses, latencies and the outcome."""
        outcome = {"number": number}
        try:
            response, content, elapsed = self.request("GET", FORM_PATH, headers={"Accept": "text/html"})
            outcome.update(get_status=response.status, get_seconds=elapsed)
            if response.status != 200:
                outcome["error"] = f"GET {response.status}"
                return outcome
            html = content.decode("utf-8")
            hidden = hidden_inputs(html)
            csrf_cookie = cookie_from(response, "csrftoken")
            conditions = condition_choices(html)
            if not (csrf_cookie and hidden.get("csrfmiddlewaretoken") and hidden.get("submission_token")):
                outcome["error"] = "form without CSRF cookie, CSRF token or submission token"
                return outcome
            urgent = number % 10 == 0
            fields = [
                ("csrfmiddlewaretoken", hidden["csrfmiddlewaretoken"]),
                ("submission_token", hidden["submission_token"]),
                ("source_page", hidden.get("source_page", "")),
                ("website", ""),
                ("name", f"Load {run_id} {number}"),
                ("email", f"load.{run_id}.{number}@example.org"),
                ("phone", f"(212) 555-{number % 10000:04d}"),
                ("preferred_contact", "email"),
                ("patient_type", "new" if number % 2 else "returning"),
                ("preferred_times", "weekday_mornings"),
                ("preferred_times", "saturdays"),
                ("condition", conditions[number % len(conditions)] if conditions else "other"),
                ("practitioner", ""),
                ("treatment", ""),
                ("symptoms", f"Stiff neck for {number % 12 + 1} weeks, worse after long days at a screen."),
                ("red_flags", "yes" if urgent else "no"),
                ("consent", "on"),
            ]
            if urgent:
                fields.append(("red_flag_acknowledged", "1"))
            body = urlencode(fields)
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={csrf_cookie}",
                "Origin": self.origin,
                "Referer": self.origin + FORM_PATH,
            }
            response, _content, elapsed = self.request("POST", FORM_PATH, body=body, headers=headers)
            outcome.update(post_status=response.status, post_seconds=elapsed)
            location = response.getheader("Location", "")
            if response.status != 303 or not location.endswith(THANK_YOU_PATH):
                outcome["error"] = f"POST {response.status} {location}".strip()
        except (OSError, http.client.HTTPException, UnicodeDecodeError) as error:
            outcome["error"] = f"{type(error).__name__}: {error}"
        return outcome


def load_site(folder, database_url):
    """The site the load tests drive: rate limit and minimum fill time off, on PostgreSQL when
    ``database_url`` names one, else on a new SQLite file in ``folder``."""
    return Site(
        folder,
        database_url=database_url if database_url.startswith("postgres") else None,
        BOOKING_RATE_LIMIT="off",
        BOOKING_MIN_FILL_SECONDS="0",
    )


def prepare(site):
    started = time.perf_counter()
    site.prepare()
    print(f"   site prepared in {time.perf_counter() - started:.1f} s", flush=True)


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def drive(port, submissions, clients, run_id):
    """Send ``submissions`` requests from ``clients`` threads; returns the outcomes and the wall time."""
    numbers = itertools.count()
    lock = threading.Lock()

    def client_loop(_client_number):
        patient = Patient(port)
        results = []
        while True:
            with lock:
                number = next(numbers)
            if number >= submissions:
                return results
            results.append(patient.submit(number, run_id))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        outcomes = [outcome for results in pool.map(client_loop, range(clients)) for outcome in results]
    return outcomes, time.perf_counter() - started


COUNT_ROWS = """
from booking.models import ConsultationRequest
from django_tasks_db.models import DBTaskResult
rows = ConsultationRequest.objects.filter(name__startswith="Load {run_id} ")
print(rows.count(), rows.values("submission_token").distinct().count(), rows.filter(is_urgent=True).count(),
      DBTaskResult.objects.filter(args_kwargs__args__0__in=list(rows.values_list("pk", flat=True))).count())
"""


LOGGED_POST = re.compile(r"\bPOST /consultation/ 303\b")


def wait_for_access_log(server, expected_posts, timeout=10.0):
    """gunicorn writes an access line just after the response goes out: give the last ones a moment."""
    deadline = time.monotonic() + timeout
    log = server.log_text()
    while len(LOGGED_POST.findall(log)) < expected_posts and time.monotonic() < deadline:
        time.sleep(0.2)
        log = server.log_text()
    return log


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--clients", type=int, default=15)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="PostgreSQL URL to load (default: $DATABASE_URL, else a new SQLite file)",
    )
    parser.add_argument("--workdir", help="keep the site here (default: a temporary folder, removed)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="clinic-load-") as temporary:
        site = load_site(args.workdir or temporary, args.database_url)
        engine = "SQLite" if site.database_url.startswith("sqlite") else "PostgreSQL"
        print(
            f"== load: {args.submissions} submissions from {args.clients} clients, {engine}, "
            f"gunicorn with {args.workers} workers",
            flush=True,
        )
        prepare(site)
        run_id = uuid.uuid4().hex[:8]
        with site.serve(workers=args.workers, log_name="load-gunicorn.log") as server:
            outcomes, wall = drive(server.port, args.submissions, args.clients, run_id)
            log = wait_for_access_log(server, args.submissions)
        stored, distinct, urgent, tasks = (
            int(n) for n in site.query(COUNT_ROWS.format(run_id=run_id)).split()
        )

    errors = [outcome for outcome in outcomes if "error" in outcome]
    statuses = Counter(outcome.get("post_status") or outcome.get("get_status") for outcome in outcomes)
    server_errors = sum(
        1 for outcome in outcomes for key in ("get_status", "post_status") if outcome.get(key, 0) >= 500
    )
    logged_5xx = len(re.findall(r"\b(?:GET|POST|HEAD) /\S* 5\d\d\b", log))
    logged_posts = len(LOGGED_POST.findall(log))  # proves the access log was read
    get_times = [outcome["get_seconds"] * 1000 for outcome in outcomes if "get_seconds" in outcome]
    post_times = [outcome["post_seconds"] * 1000 for outcome in outcomes if "post_seconds" in outcome]
    expected_urgent = len(range(0, args.submissions, 10))

    print(
        f"   sent {len(outcomes)}, stored {stored} (distinct tokens {distinct}, urgent {urgent}), "
        f"errors {len(errors)}, 5xx {server_errors} (gunicorn log: {logged_5xx} 5xx, {logged_posts} posts)"
    )
    print(f"   statuses {dict(sorted(statuses.items()))}; queued mails {tasks}")
    print(
        f"   GET  form  p50 {percentile(get_times, 0.5):7.1f} ms  p95 {percentile(get_times, 0.95):7.1f} ms"
    )
    print(
        f"   POST form  p50 {percentile(post_times, 0.5):7.1f} ms  p95 {percentile(post_times, 0.95):7.1f} ms"
        f"  mean {statistics.fmean(post_times) if post_times else float('nan'):.1f} ms"
    )
    print(f"   {len(outcomes) / wall:.1f} submissions/s over {wall:.1f} s")
    for outcome in errors[:10]:
        print(f"   error: submission {outcome['number']}: {outcome['error']}")

    ok = (
        len(outcomes) == args.submissions
        and not errors
        and server_errors == 0
        and logged_5xx == 0
        and logged_posts == args.submissions
        and stored == distinct == args.submissions
        and urgent == expected_urgent
        and tasks == 2 * args.submissions  # the front desk's notice and the patient's acknowledgement
    )
    print("   OK: every submission stored once, no 5xx" if ok else "   FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
