"""Load run for online booking: many patients booking random free times through gunicorn at once.

    .venv/bin/python bench/load_appointments.py --bookings 300 --clients 15
    DATABASE_URL=postgres://... .venv/bin/python bench/load_appointments.py   # against PostgreSQL

Each simulated patient does what a browser does: opens the free times of a random week (a random
practitioner or "first available"), picks a random time, opens its details form (CSRF cookie and token,
signed submission token), and books it. Patients pick the same times and overlapping times often, so
many are told the time was just taken (409): that is the point. The server is a fresh copy of the site
(``tests/live_site.py``, production settings, the demo clinic), rate limit and fill time off.

Afterwards the database is read: no two appointments of one practitioner that are not cancelled may
overlap (buffers included). Exits non-zero on an overlap, a 5xx, an unexpected answer, or a 303 without
its appointment. ``bench/book_bench.py`` (``make bench``) uses its helpers.
"""

import argparse
import http.client
import json
import os
import random
import re
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_booking import cookie_from, hidden_inputs, load_site, percentile, prepare  # noqa: E402

TIME_LINK = re.compile(r'href="(/book/details/\?[^"]+)"')

SETUP = """
import datetime, json
from django.utils import timezone
from articles.models import Practitioner
from booking.models import AppointmentType
from clinic_site.models import ClinicSettings
clinic = ClinicSettings.objects.get()
kind = AppointmentType.objects.filter(new_patients_only=True).first()
today = timezone.localdate()
monday = today - datetime.timedelta(days=today.weekday())
weeks = [str(monday + datetime.timedelta(days=7 * n)) for n in range(clinic.booking_horizon_days // 7 + 2)]
people = [str(p.pk) for p in Practitioner.objects.filter(appointment_types=kind)]
print(json.dumps({"type": kind.pk, "weeks": weeks, "practitioners": people}))
"""

OVERLAPS = """
from booking.models import Appointment
rows = list(Appointment.objects.holding_time().order_by("practitioner_id", "blocked_from")
            .values_list("practitioner_id", "blocked_from", "blocked_until", "name"))
overlaps = sum(1 for a, b in zip(rows, rows[1:]) if a[0] == b[0] and b[1] < a[2])
mine = sum(1 for row in rows if row[3].startswith("Load {run_id} "))
print(len(rows), mine, overlaps)
"""


def free_time_urls(setup, practitioner="any"):
    """Step 2 for every week of the horizon."""
    return [
        "/book/times/?" + urlencode({"type": setup["type"], "practitioner": practitioner, "week": week})
        for week in setup["weeks"]
    ]


def time_links(html):
    return [unescape(link) for link in TIME_LINK.findall(html)]


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response, response.read(), time.perf_counter() - started
    finally:
        connection.close()


def details_form(port, link):
    """GET a time's details form: (status, CSRF cookie, hidden fields)."""
    response, content, _seconds = request(port, "GET", link, headers={"Accept": "text/html"})
    return response.status, cookie_from(response, "csrftoken"), hidden_inputs(content.decode("utf-8"))


def booking_post(port, link, csrf_cookie, hidden, name, email):
    """The body and headers of a details form filled in."""
    fields = {
        "csrfmiddlewaretoken": hidden.get("csrfmiddlewaretoken", ""),
        "submission_token": hidden.get("submission_token", ""),
        "slot": hidden.get("slot", ""),
        "source_page": hidden.get("source_page", ""),
        "website": "",
        "name": name,
        "email": email,
        "phone": "",
        "preferred_contact": "email",
        "condition": "other",
        "symptoms": "Stiff neck for a few weeks.",
        "red_flags": "no",
        "consent": "on",
    }
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf_cookie}",
        "Origin": f"http://127.0.0.1:{port}",
        "Referer": f"http://127.0.0.1:{port}{link}",
    }
    return urlencode(fields), headers


def book(port, link, csrf_cookie, hidden, name, email):
    """POST a details form filled in; returns (status, seconds)."""
    body, headers = booking_post(port, link, csrf_cookie, hidden, name, email)
    response, _content, seconds = request(port, "POST", link, body=body, headers=headers)
    return response.status, seconds


def patient(port, setup, number, run_id, rng):
    """One patient: a random week and practitioner, a random time, then book it."""
    outcome = {"number": number}
    practitioner = rng.choice(["any", *setup["practitioners"]])
    week_url = rng.choice(free_time_urls(setup, practitioner)[:3])
    try:
        response, content, _seconds = request(port, "GET", week_url, headers={"Accept": "text/html"})
        links = time_links(content.decode("utf-8"))
        if response.status != 200 or not links:
            outcome["skipped"] = f"no free time shown ({response.status})"
            return outcome
        link = rng.choice(links)
        status, csrf_cookie, hidden = details_form(port, link)
        if status == 303:  # taken between the two pages
            outcome["post_status"] = 409
            return outcome
        if status != 200 or not csrf_cookie:
            outcome["error"] = f"details GET {status}"
            return outcome
        outcome["post_status"], outcome["post_seconds"] = book(
            port, link, csrf_cookie, hidden, f"Load {run_id} {number}", f"load.{run_id}.{number}@example.org"
        )
        # A "first available" booking may go to another practitioner free at that time, so only a named
        # practitioner's time can be checked as booked once from the patients' side.
        if practitioner != "any":
            outcome["slot"] = parse_qs(urlsplit(link).query)["slot"][0]
        if outcome["post_status"] not in (303, 409):
            outcome["error"] = f"POST {outcome['post_status']}"
    except (OSError, http.client.HTTPException, UnicodeDecodeError) as error:
        outcome["error"] = f"{type(error).__name__}: {error}"
    return outcome


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bookings", type=int, default=300, help="patients who try to book (default 300)")
    parser.add_argument("--clients", type=int, default=15)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument(
        "--workdir",
        help="keep the site here (default: a temporary folder, removed); a site prepared there before, "
        "by load_booking.py for example, is brought up to date rather than built again",
    )
    args = parser.parse_args(argv)

    rng_seed = args.seed if args.seed is not None else random.randrange(10**6)
    with tempfile.TemporaryDirectory(prefix="clinic-book-load-") as temporary:
        site = load_site(args.workdir or temporary, args.database_url)
        engine = "SQLite" if site.database_url.startswith("sqlite") else "PostgreSQL"
        print(
            f"== booking load: {args.bookings} patients from {args.clients} clients, {engine}, "
            f"seed {rng_seed}"
        )
        prepare(site)
        setup = json.loads(site.query(SETUP).splitlines()[-1])
        run_id = uuid.uuid4().hex[:8]
        numbers = iter(range(args.bookings))
        lock = threading.Lock()

        def client_loop(client_number):
            rng = random.Random(rng_seed * 1000 + client_number)
            results = []
            while True:
                with lock:
                    number = next(numbers, None)
                if number is None:
                    return results
                results.append(patient(server.port, setup, number, run_id, rng))

        with site.serve(workers=args.workers, log_name="book-load.log") as server:
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.clients) as pool:
                outcomes = [o for results in pool.map(client_loop, range(args.clients)) for o in results]
            wall = time.perf_counter() - started
            log = server.log_text()
        rows, mine, overlaps = (int(n) for n in site.query(OVERLAPS.format(run_id=run_id)).split())

    statuses = Counter(outcome.get("post_status") for outcome in outcomes if "post_status" in outcome)
    errors = [outcome for outcome in outcomes if "error" in outcome]
    logged_5xx = len(re.findall(r"\b(?:GET|POST|HEAD) /\S* 5\d\d\b", log))
    booked_slots = Counter(
        outcome["slot"] for outcome in outcomes if outcome.get("post_status") == 303 and "slot" in outcome
    )
    post_times = [outcome["post_seconds"] * 1000 for outcome in outcomes if "post_seconds" in outcome]
    print(f"   booked {statuses.get(303, 0)}, told taken {statuses.get(409, 0)}, errors {len(errors)}, "
          f"gunicorn 5xx {logged_5xx}, skipped {sum(1 for o in outcomes if 'skipped' in o)}")  # fmt: skip
    print(f"   appointments in the database {rows} ({mine} from this run), overlapping pairs {overlaps}")
    print(f"   POST p50 {percentile(post_times, 0.5):.1f} ms  p95 {percentile(post_times, 0.95):.1f} ms; "
          f"{len(outcomes) / wall:.1f} patients/s over {wall:.1f} s")  # fmt: skip
    for outcome in errors[:10]:
        print(f"   error: patient {outcome['number']}: {outcome['error']}")
    ok = (
        not errors
        and logged_5xx == 0
        and overlaps == 0
        and mine == statuses.get(303, 0)
        and all(count == 1 for count in booked_slots.values())
        and statuses.get(303, 0) > 0
    )
    print("   OK: no overlapping appointments, no 5xx" if ok else "   FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
