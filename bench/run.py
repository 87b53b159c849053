"""`make bench`: how fast the production layout serves pages, a static file and consultation requests.

    .venv/bin/python bench/run.py [--seconds 4] [--workers 5] [--connections 20]
    DATABASE_URL=postgres://... .venv/bin/python bench/run.py   # load that (throwaway) database instead

Builds a throwaway copy of the site (``tests/live_site.py``: production settings, a new SQLite file or
``DATABASE_URL``, the demo clinic) and starts two gunicorns with the repository's ``gunicorn.conf.py``
and the worker count given here (``--workers``, ``--threads``; by default what ``gunicorn.conf.py`` gives
production on this machine): one as deployed (page cache on) on 127.0.0.1:8501, one with
``PAGE_CACHE_ENABLED=false`` on :8502, so "uncached" is real rendering on every request. The booking
rate limit and minimum fill time are off (every request here comes from 127.0.0.1 and fills the form at
once). The mail worker is not started: this measures the web tier; queued notices stay in the throwaway
database.

Pages and the static file are loaded with wrk (``bench/wrk_load.py``) from one thread with
``--connections`` open connections, by default 4 per worker thread (20 for 5 sync workers): gunicorn's
sync workers close the connection after each response, and with fewer the workers wait on wrk's
reconnects. The static file, served by whitenoise in the same gunicorn, is the reference; it is loaded
once more with twice the connections, and the output shows that this is no faster and how much CPU wrk
used, i.e. that the server sets the pace, not the client. For the home page, a condition page and an
article page it prints requests per second and wrk's p50/p95/p99 latency with and without the page
cache, the ``X-Cache`` header the server answered, and the database queries one view takes (counted in
a Django test client against the same database, not on the servers, which keep DEBUG off). Each line's
seconds are split into rounds that go round all the lines in turn, so a burst of other work on the
machine hits them alike. wrk stops with requests still queued; after each run one more request waits
until the server has taken them up, so they do not eat into the next line's seconds.

The consultation form is driven by the Python client in ``bench/http_load.py``: every POST needs the
CSRF cookie and token and the signed submission token of a form it was served, and at a few dozen
forms a second Python keeps up. GETs per second first, then POSTs per second, each form posted once,
and a check that every 303 stored exactly one request. Online booking's free-times page and booking
POSTs per second are measured by ``bench/book_bench.py``.

The machine is shared and noisy, so the target is a ratio within one run: cached pages at least 0.5x
the static-file rate. Uncached rates are printed as ratios too, without a target: an uncached page is
rendered by Wagtail's own routing and templates, and what it costs is a fact to watch, not a goal the
code bends to. Every server is stopped at the end.
"""

import argparse
import http.client
import json
import os
import runpy
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import book_bench  # noqa: E402
from bench.http_load import booking  # noqa: E402
from bench.wrk_load import WrkError, WrkRun, wrk, wrk_version  # noqa: E402
from tests.live_site import ServerFailed, Site  # noqa: E402

HOST = "127.0.0.1"
CACHED_PORT = 8501
PAGES = ("home", "condition", "article")
TARGETS = {"cached": 0.5}
# Connections per worker slot (workers x threads): sync workers close the connection after every
# response, so each slot needs requests already queued while wrk reconnects.
CONNECTIONS_PER_SLOT = 4

PROBE = """
import json
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from articles.models import ArticlePage, ConditionPage

def first_url(model):
    page = model.objects.live().public().order_by("path").first()
    return page.get_url() if page else None

urls = {"home": "/", "condition": first_url(ConditionPage), "article": first_url(ArticlePage)}
queries = {}
for name, url in urls.items():
    counts = {}
    for cached in (False, True):
        with override_settings(PAGE_CACHE_ENABLED=cached):
            client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
            client.get(url)  # warms per-process caches; with the page cache on, stores the page
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            counts["cached" if cached else "uncached"] = (len(captured), response.get("X-Cache", ""))
    queries[name] = counts
print(json.dumps({"urls": urls, "queries": queries, "static": staticfiles_storage.url("css/site.css")}))
"""

COUNT_STORED = """
from booking.models import ConsultationRequest
print(ConsultationRequest.objects.filter(name__startswith="Bench {run} ").count())
"""


def production_workers():
    """(workers, threads) that gunicorn.conf.py gives production on this machine: WEB_CONCURRENCY and
    GUNICORN_THREADS when set, else 2 x cores + 1 workers of one thread."""
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    return config["workers"], config["threads"]


def gunicorn(site, port, log_path, workers, threads, **env):
    """Start gunicorn with the repository's config file, as `make serve` runs it; see ``answering``."""
    log = open(log_path, "ab")  # noqa: SIM115 - closed by stop()
    process = subprocess.Popen(
        # Command-line options win over the config file. Workers are normally replaced after ~20,000
        # requests; in a bench they all reach that within a minute and would restart mid-measurement.
        [
            *(sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"),
            *("--workers", str(workers), "--threads", str(threads), "--max-requests", "0"),
            "clinic_site.wsgi:application",
        ],
        cwd=ROOT,
        env=site.env(HOST=HOST, PORT=port, **env),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.log, process.log_path, process.port = log, log_path, port
    return process


def answering(process, timeout=60):
    """Wait until the server answers; raise ServerFailed if it exits or never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"gunicorn on port {process.port} exited; see {process.log_path}")
        try:
            connection = http.client.HTTPConnection(HOST, process.port, timeout=5)
            connection.request("GET", "/")
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    raise ServerFailed(f"gunicorn on port {process.port} did not answer within {timeout} s")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    process.log.close()


def port_free(port):
    try:
        http.client.HTTPConnection(HOST, port, timeout=1).connect()
    except OSError:
        return True
    return False


def settle(port, path, pause):
    """After a wrk run: one request behind those wrk left queued when it stopped (once it is answered
    the server has taken them all up), then ``pause`` seconds for the ones still being worked on, so
    they do not run into the next line's seconds. Returns the status and X-Cache header it got."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip", "Accept": "text/html"})
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    time.sleep(pause)
    return response.status, response.getheader("X-Cache", "-")


def row(label, rate, percentile, x_cache="", queries="", errors=0):
    """One line of the table; ``percentile`` gives milliseconds for a percent."""
    latencies = "".join(f"{percentile(percent):9.1f}" for percent in (50, 95, 99))
    return f"  {label:<30} {rate:9.1f} {latencies}  {x_cache:<8} {queries:<9}" + (
        f"  errors {errors}" if errors else ""
    )


def python_row(label, run):
    return row(label, run.rate, lambda percent: run.percentile(percent / 100), errors=run.errors)


def measure(targets, args):
    """Every line's wrk runs, the lines taking turns round by round, and the X-Cache values each line's
    server answered; a wrong status or cache state counts as an error of the line."""

    def timed(port, path, connections, seconds):
        run = WrkRun()
        run.add(*wrk(f"http://{HOST}:{port}{path}", seconds, connections))
        # The requests still in progress finish within about one request's time.
        return run, settle(port, path, pause=min(run.percentile(50) / 1000, 1.0))

    for port, path, connections in targets.values():  # every worker renders (or stores) each page once
        timed(port, path, connections, args.warmup)
    results = {name: WrkRun() for name in targets}
    answers = {name: set() for name in targets}
    for _ in range(args.rounds):
        for name, (port, path, connections) in targets.items():
            run, (status, x_cache) = timed(port, path, connections, args.seconds // args.rounds)
            results[name].merge(run)
            answers[name].add(x_cache)
            # A page line must come from the page cache if and only if it is a cached line.
            if status != 200 or (x_cache == "HIT") != name.endswith(" cached"):
                results[name].errors += 1
    return results, answers


def bench(site, args, workdir):
    client = wrk_version()
    print(f"Preparing a throwaway site in {workdir} (migrate, collectstatic, demo clinic)...", flush=True)
    started = time.perf_counter()
    site.prepare()
    cached, uncached = args.port, args.port + 1
    for port in (cached, uncached):
        if not port_free(port):
            raise ServerFailed(f"port {port} is in use; pass --port")
    connections = args.connections or CONNECTIONS_PER_SLOT * args.workers * args.threads
    servers = []
    try:
        workers = {"workers": args.workers, "threads": args.threads}
        servers.append(
            gunicorn(site, cached, workdir / "cached.log", CACHE_DIR=workdir / "cache-on", **workers)
        )
        servers.append(
            gunicorn(
                site,
                uncached,
                workdir / "uncached.log",
                CACHE_DIR=workdir / "cache-off",
                PAGE_CACHE_ENABLED="false",
                **workers,
            )
        )
        probe = json.loads(site.query(PROBE).splitlines()[-1])  # while the servers start
        for server in servers:
            answering(server)
        print(f"  ready in {time.perf_counter() - started:.0f} s", flush=True)
        urls, static = probe["urls"], probe["static"]
        # The static file once more with twice the connections: if that is no faster, the client is
        # not what limits the rates.
        targets = {"static": (cached, static, connections), "static 2x": (cached, static, 2 * connections)}
        for name in PAGES:
            targets[f"{name} cached"] = (cached, urls[name], connections)
            targets[f"{name} uncached"] = (uncached, urls[name], connections)
        kind = "sync workers" if args.threads == 1 else "gthread workers"
        production = "{} workers x {} thread".format(*production_workers())
        print(
            f"Servers: gunicorn -c gunicorn.conf.py --workers {args.workers} --threads {args.threads} "
            f"({kind}) on {HOST}:{cached} (page cache on) and :{uncached} (off); gunicorn.conf.py gives "
            f"production on this machine {production}"
        )
        print(
            f"Client: {client}, 1 thread, {connections} connections, Accept-Encoding: gzip; "
            f"{args.seconds} s per line in {args.rounds} interleaved rounds",
            flush=True,
        )
        results, answers = measure(targets, args)
        forms, submitted, run_id = booking(cached, args.seconds, args.form_clients)
        online = book_bench.measure(cached, site, args.seconds, args.form_clients)
    finally:
        for server in servers:
            stop(server)
    stored = int(site.query(COUNT_STORED.format(run=run_id)).splitlines()[-1])
    return report(results, answers, probe, (forms, submitted, stored), connections, online)


def report(results, answers, probe, form_runs, connections, online):
    """Print the table, the client check and the ratios; returns the exit status."""
    urls, queries, static = probe["urls"], probe["queries"], probe["static"]
    forms, submitted, stored = form_runs

    def page_row(label, name, queries_text):
        run = results[name]
        return row(label, run.rate, run.percentile, "/".join(sorted(answers[name])), queries_text, run.errors)

    print()
    print(f"  {'':30} {'requests/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  X-Cache  queries per view")
    print(page_row(f"static {static.rsplit('/', 1)[-1]}"[:30], "static", "0"))
    print(page_row(f"  same, {2 * connections} connections", "static 2x", "0"))
    for name in PAGES:
        hit_count, state = queries[name]["cached"]
        print(page_row(f"{name} {urls[name]}"[:30], f"{name} cached", f"{hit_count} ({state})"))
        print(page_row(f"{name} uncached", f"{name} uncached", str(queries[name]["uncached"][0])))
    print(python_row("booking form GET (Python)", forms))
    print(python_row("booking form POST (Python)", submitted))
    print(f"  booking: {submitted.statuses.get(303, 0)} posts answered 303, {stored} requests stored")
    online_errors = book_bench.report(*online)
    static_run = results["static"]
    spread = ", ".join(f"{rate:.0f}" for rate in static_run.rates)
    print(f"  static file per round: {spread} /s (how busy the machine was)")
    print(
        f"  wrk keeps {connections} requests in flight, so a page's latency includes its wait in gunicorn's "
        "queue."
    )

    gain = results["static 2x"].rate / static_run.rate - 1
    verdict = (
        "the server, not the client, sets the pace"
        if gain < 0.15
        else "the client may be holding the rates back: try --connections " + str(2 * connections)
    )
    print(
        f"Client check: wrk used {static_run.client_cpu_seconds / static_run.seconds:.0%} of one core on the "
        f"static file, and {2 * connections} connections instead of {connections} changed its rate by "
        f"{gain:+.0%}: {verdict}."
    )

    static_rate = static_run.rate
    print()
    print(f"Ratios to the static file ({static_rate:.0f}/s):")
    ok = True
    for name in PAGES:
        ratio = results[f"{name} cached"].rate / static_rate
        ok &= ratio >= TARGETS["cached"]
        print(f"  {name + ' cached':<20} {ratio:6.2f}x   (target >= {TARGETS['cached']}x)")
    for name in PAGES:
        ratio = results[f"{name} uncached"].rate / static_rate
        print(f"  {name + ' uncached':<20} {ratio:6.3f}x")
    errors = sum(run.errors for run in results.values()) + forms.errors + submitted.errors + online_errors
    consistent = stored == submitted.statuses.get(303, 0) == len(submitted.latencies)
    print(f"Errors: {errors}. Booking rows match the 303s: {'yes' if consistent else 'NO'}.")
    print("Targets met." if ok else "Some targets missed on this run (the machine is shared: run it again).")
    return 0 if errors == 0 and consistent else 1


def main(argv=None):
    workers, threads = production_workers()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=4, help="timed seconds per line (default 4)")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved rounds the seconds are split in")
    parser.add_argument("--warmup", type=int, default=1, help="untimed seconds per line before (default 1)")
    parser.add_argument(
        "--workers",
        type=int,
        default=workers,
        help=f"gunicorn workers per server (default {workers}, as gunicorn.conf.py gives production here)",
    )
    parser.add_argument(
        "--threads", type=int, default=threads, help=f"threads per worker (default {threads}, the same)"
    )
    parser.add_argument(
        "--connections",
        type=int,
        help=f"wrk's open connections (default {CONNECTIONS_PER_SLOT} per worker thread)",
    )
    parser.add_argument("--form-clients", type=int, default=8, help="Python threads for the form (default 8)")
    parser.add_argument("--port", type=int, default=CACHED_PORT, help="cached server; uncached is port + 1")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway folder (logs) afterwards")
    args = parser.parse_args(argv)
    if args.seconds % args.rounds or args.seconds < args.rounds:
        parser.error("--seconds must be a multiple of --rounds (wrk runs whole seconds)")

    signal.signal(signal.SIGTERM, interrupted)
    database_url = os.environ.get("DATABASE_URL", "")
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="clinic-bench-"))
    site = Site(
        workdir,
        database_url=database_url if database_url.startswith("postgres") else None,
        BOOKING_RATE_LIMIT="off",
        BOOKING_MIN_FILL_SECONDS="0",
    )
    try:
        status = bench(site, args, workdir)
    except (ServerFailed, WrkError) as error:
        print(f"bench: {error}", file=sys.stderr)
        status = 2
    finally:
        if args.keep:
            print(f"Kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"Bench took {time.perf_counter() - started:.0f} s.")
    return status


def interrupted(signum, frame):
    """SIGTERM (a CI timeout, kill) unwinds like Ctrl-C, so the finally blocks stop the servers."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
