"""Page and static-file throughput for `make bench`, measured with wrk (Debian's package ``wrk``).

A Python client on the 2-core machines here tops out near 800 requests/s, below what gunicorn serves
a static file at, so a Python-driven bench measured its own client. wrk is a C client built on an
event loop: one thread keeps dozens of connections busy with a few per cent of one core, and
``bench/run.py`` prints how much CPU it used to show that the server, not the client, set the pace.
``wrk_report.lua`` (beside this file) prints each run's totals and latency distribution as one JSON
line; several short runs of one URL are pooled here into one rate and one p50/p95/p99.
"""

import json
import resource
import shutil
import subprocess
from dataclasses import dataclass, field, fields
from pathlib import Path

REPORT_SCRIPT = Path(__file__).with_name("wrk_report.lua")
# What a browser sends for a page; the static file is asked for the same way.
HEADERS = ("Accept-Encoding: gzip", "Accept: text/html")
INSTALL_HINT = "make bench needs wrk, the HTTP load tool: sudo apt-get install wrk (Debian, Ubuntu)"


class WrkError(RuntimeError):
    """wrk is not installed (`make bench` installs it with apt-get as root) or a run of it failed."""


def wrk_version():
    """wrk's version line, e.g. "wrk debian/4.1.0-3+b2 [epoll]"; raises WrkError without wrk."""
    if not shutil.which("wrk"):
        raise WrkError(INSTALL_HINT)
    # `wrk -v` prints the version and the usage and exits 1.
    first_line = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
    return first_line.split(" Copyright")[0]


@dataclass
class WrkRun:
    """One URL's wrk runs pooled: requests, seconds, errors, the client's CPU and latency percentiles."""

    requests: int = 0
    seconds: float = 0.0
    errors: int = 0
    client_cpu_seconds: float = 0.0
    rates: list = field(default_factory=list)  # requests/s of each run, in order
    distributions: list = field(default_factory=list)  # (requests, [(percent, microseconds), ...]) per run

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def add(self, report, cpu_seconds):
        seconds = report["microseconds"] / 1e6
        self.requests += report["requests"]
        self.seconds += seconds
        self.errors += report["socket_errors"] + report["status_errors"]
        self.client_cpu_seconds += cpu_seconds
        self.rates.append(report["requests"] / seconds)
        self.distributions.append((report["requests"], report["latency_us"]))

    def merge(self, other):
        """Pool another run of the same URL into this one."""
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

    def percentile(self, percent):
        """Milliseconds below which ``percent`` % of all the runs' requests finished.

        Each run brings its latency at every whole percentile; the pooled share at or under a latency
        is the runs' shares there weighted by their request counts. Exact to within one percentile
        step of a single run."""
        total = sum(requests for requests, _ in self.distributions)
        if not total:
            return float("nan")
        candidates = sorted({value for _, points in self.distributions for _, value in points})
        for value in candidates:
            under = sum(
                requests * max((share for share, at in points if at <= value), default=0) / 100
                for requests, points in self.distributions
            )
            if under >= percent / 100 * total:
                return value / 1000
        return candidates[-1] / 1000


def wrk(url, seconds, connections, threads=1, timeout_seconds=10):
    """Run wrk against ``url`` for whole ``seconds``; returns its JSON report and the CPU it used."""
    command = ["wrk", "--threads", str(threads), "--connections", str(connections)]
    command += [
        "--duration",
        f"{seconds}s",
        "--timeout",
        f"{timeout_seconds}s",
        "--script",
        str(REPORT_SCRIPT),
    ]
    for header in HEADERS:
        command += ["--header", header]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([*command, url], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise WrkError(f"wrk {url} failed ({result.returncode}): {result.stderr.strip() or result.stdout}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(lines[-1]), cpu
