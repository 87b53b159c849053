"""Two app servers on one PostgreSQL and one Redis, the layout docs/deploy.md describes, with real parts:
a PostgreSQL server and a Redis server this test starts (and stops), two gunicorns with the production
settings (two workers each) and one task worker with a local mail server.

Requests go to the servers the way a load balancer sends them: the same public host name on both
(``Host: localhost``), the visitor's address in ``X-Forwarded-For`` from a trusted proxy. One test runs
the whole story in order, so the servers are started once: freshness across servers, limits counted
across servers, sessions and forms that cross servers, a Redis outage (restarted from its snapshot), a
load run across both with one server killed half-way, and every mail delivered.

Runs in the PostgreSQL pass of CI (``DATABASE_URL=postgres://...``), which has ``redis-server``.
"""

import http.client
import os
import re
import signal
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from urllib.parse import urlencode

import pytest

from tests.live_site import Site
from tests.servers import Mailbox, MailWorker, OwnRedis, SMTPServer, free_port, outage_database, wait_until

pytestmark = pytest.mark.postgres

HOST = "localhost"
FORM = "/consultation/"
THANK_YOU = "/consultation/thank-you/"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
CONDITIONS = re.compile(r'<select name="condition".*?</select>', re.DOTALL)
OPTION = re.compile(r'<option value="(\d+)"')
LOAD_SUBMISSIONS = 1000
LOAD_CLIENTS = 25


class Visitor:
    """One browser behind the load balancer: its own cookies and its own address."""

    def __init__(self, address):
        self.address = address
        self.cookies = {}

    def request(self, server, method, path, fields=None):
        headers = {"Host": HOST, "X-Forwarded-For": self.address, "Accept": "text/html"}
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{HOST}"})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        try:
            started = time.perf_counter()
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            html = response.read().decode("utf-8", "replace")
            response.seconds = time.perf_counter() - started
        finally:
            connection.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie, _, rest = value.partition(";")
                key, _, cookie_value = cookie.partition("=")
                if cookie_value and "max-age=0" not in rest.lower():
                    self.cookies[key] = cookie_value
                else:
                    self.cookies.pop(key, None)
        return response, html

    def form(self, server, path):
        response, html = self.request(server, "GET", path)
        assert response.status == 200, (path, response.status)
        conditions = OPTION.findall(CONDITIONS.search(html).group(0)) if CONDITIONS.search(html) else []
        return {name: unescape(value) for name, value in HIDDEN.findall(html)}, conditions

    def send_request(self, read_from, post_to, name, number=0):
        """Fetch the consultation form from one server and send it to another."""
        fields = self.fill_in(read_from, name, number)
        return fields, self.request(post_to, "POST", FORM, fields)

    def fill_in(self, server, name, number=0):
        """The consultation form as served by ``server``, filled in."""
        hidden, conditions = self.form(server, FORM)
        fields = {
            **hidden,
            "name": name,
            "email": f"{name.lower().replace(' ', '.')}@example.net",
            "phone": f"(212) 555-{number % 10000:04d}",
            "preferred_contact": "email",
            "patient_type": "new",
            "condition": conditions[number % len(conditions)],
            "symptoms": "Neck stiffness after long days at a screen.",
            "red_flags": "no",
            "consent": "on",
            "website": "",
        }
        return fields


def anonymous(server, path):
    return Visitor("192.0.2.1").request(server, "GET", path)


@pytest.fixture
def cluster(tmp_path):
    database = outage_database("postgres", tmp_path)
    redis = OwnRedis(tmp_path / "redis")
    mailbox = Mailbox()
    smtp = SMTPServer(free_port(), mailbox)
    started = []
    try:
        url = database.init()
        redis.start()
        smtp.start()
        site = Site(
            tmp_path / "site",
            database_url=url,
            REDIS_URL=redis.url,
            TRUSTED_PROXIES="127.0.0.1",
            BOOKING_RATE_LIMIT="5/600",
            BOOKING_MIN_FILL_SECONDS="0",
        )
        site.prepare(demo_accounts=True)
        site.query(
            "from clinic_site.models import ClinicSettings as S; "
            "S.objects.update(booking_notification_email='frontdesk@clinic.example')"
        )
        a = site.serve(workers=2, log_name="a.log")
        started.append(a)
        b = site.serve(workers=2, log_name="b.log")
        started.append(b)
        worker = MailWorker(smtp.port, tmp_path / "worker.log", database_url=url, REDIS_URL=redis.url).start()
        yield {"site": site, "a": a, "b": b, "redis": redis, "mailbox": mailbox, "worker": worker}
        worker.stop()
    finally:
        for server in started:
            server.stop()
        smtp.stop()
        redis.stop()
        try:
            database.stop()
        except Exception:  # noqa: BLE001 - already stopped
            pass
        database.remove()


def test_two_app_servers_on_one_postgresql_and_one_redis(cluster):
    site, a, b, redis = cluster["site"], cluster["a"], cluster["b"], cluster["redis"]
    a_change_on_one_is_served_by_the_other_next(site, a, b)
    limits_count_across_servers(a, b)
    sessions_and_forms_cross_servers(site, a, b)
    a_redis_outage_takes_nothing_down_and_serves_nothing_stale(site, a, b, redis)
    a_load_across_both_loses_nothing_when_one_is_killed(site, a, b, cluster["mailbox"], cluster["worker"])
    for server in (a, b):
        assert "Traceback" not in server.log_text()


def change(site, code):
    site.query("from articles.models import *; from wagtail.models import Page; " + code)


def a_change_on_one_is_served_by_the_other_next(site, a, b):
    for _ in range(2):
        response, _ = anonymous(b, "/conditions/migraine/")
    assert response.getheader("X-Cache") == "HIT"

    change(
        site,
        "p = ConditionPage.objects.get(slug='migraine'); p.title = 'Migraine, changed on A'; "
        "p.save_revision().publish()",
    )
    response, html = anonymous(b, "/conditions/migraine/")
    assert "Migraine, changed on A" in html and response.getheader("X-Cache") == "MISS"

    article = "/resources/can-acupuncture-help-neck-pain/"
    assert anonymous(b, article)[0].status == 200
    change(site, "ArticlePage.objects.get(slug='can-acupuncture-help-neck-pain').unpublish()")
    assert anonymous(b, article)[0].status == 404

    assert anonymous(b, "/treatments/cupping/")[0].status == 200
    change(
        site,
        "StandardPage.objects.get(slug='privacy').move(StandardPage.objects.get(slug='about'), "
        "pos='last-child')",
    )
    response, html = anonymous(b, "/about/privacy/")
    assert response.status == 200 and "<h1" in html
    assert anonymous(b, "/privacy/")[0].status in (301, 302, 404)

    change(
        site,
        "from clinic_site.models import ClinicSettings; s = ClinicSettings.objects.get(); "
        "s.phone = '(555) 010-9911'; s.save()",
    )
    assert "(555) 010-9911" in anonymous(b, "/")[1]

    before = anonymous(b, "/")[1]
    change(
        site,
        "h = HomePage.objects.get(); i = h.hero_image; "
        "i.focal_point_x, i.focal_point_y = 5, 5; "
        "i.focal_point_width, i.focal_point_height = 10, 10; i.save()",
    )
    after = anonymous(b, "/")[1]
    assert re.findall(r'og:image" content="([^"]+)"', before) != re.findall(
        r'og:image" content="([^"]+)"', after
    )


def limits_count_across_servers(a, b):
    visitor = Visitor("198.51.100.77")
    statuses = []
    for number in range(6):
        read_from, post_to = (a, b) if number % 2 else (b, a)
        _, (response, html) = visitor.send_request(read_from, post_to, f"Limit Patient {number}", number)
        statuses.append(response.status)
    assert statuses == [303] * 5 + [429], (
        statuses,
        re.findall(r'class="error-summary".*?</div>', html, re.S),
    )

    # Five wrong passwords for one username from one address lock it, as on one server.
    intruder = Visitor("198.51.100.78")
    answers = []
    for number in range(5):
        server = (a, b)[number % 2]
        hidden, _ = intruder.form(server, "/admin/login/")
        fields = {**hidden, "username": "frontdesk", "password": f"wrong-{number}"}
        answers.append(intruder.request(server, "POST", "/admin/login/", fields)[0].status)
    assert answers == [200] * 4 + [429], answers
    hidden, _ = intruder.form(a, "/admin/login/")
    fields = {**hidden, "username": "frontdesk", "password": "clinic-frontdesk-demo"}
    assert intruder.request(b, "POST", "/admin/login/", fields)[0].status == 429


def sessions_and_forms_cross_servers(site, a, b):
    staff = Visitor("198.51.100.90")
    hidden, _ = staff.form(a, "/admin/login/")
    # An editor: the admin needs no second factor for them (tests/test_two_factor.py covers that part).
    fields = {**hidden, "username": "editor", "password": "clinic-editor-demo"}
    assert staff.request(a, "POST", "/admin/login/", fields)[0].status == 302
    response, html = staff.request(b, "GET", "/admin/")
    assert response.status == 200 and "Dashboard" in html

    patient = Visitor("198.51.100.91")
    _, (response, _) = patient.send_request(a, b, "Crossing Patient")
    assert (response.status, response.getheader("Location")) == (303, THANK_YOU)
    stored = site.query(
        "from booking.models import ConsultationRequest as R; "
        "print(R.objects.filter(name='Crossing Patient').count())"
    )
    assert stored == "1"


def public_paths(server):
    _, sitemap = anonymous(server, "/sitemap.xml")
    paths = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return [*paths, "/search/?q=neck", "/feeds/articles/rss/", "/robots.txt", FORM, "/no-such-page/"]


def a_redis_outage_takes_nothing_down_and_serves_nothing_stale(site, a, b, redis):
    paths = public_paths(a)
    assert len(paths) >= 20
    for server in (a, b):
        for _ in range(2):
            anonymous(server, "/conditions/neck-pain/")
    assert anonymous(a, "/conditions/neck-pain/")[0].getheader("X-Cache") == "HIT"

    redis.shutdown_with_snapshot()
    for server in (a, b):
        for path in paths:
            response, _ = anonymous(server, path)
            assert response.status < 500, (server.port, path, response.status)
    _, (response, _) = Visitor("198.51.100.92").send_request(a, b, "Outage Patient")
    assert response.status == 303
    change(
        site,
        "p = ConditionPage.objects.get(slug='neck-pain'); "
        "p.title = 'Neck pain, changed while Redis was away'; "
        "p.save_revision().publish()",
    )

    redis.start()  # from its snapshot: the page from before the change is still stored in it
    for server in (a, b):
        response, html = anonymous(server, "/conditions/neck-pain/")
        assert "changed while Redis was away" in html, server.port
    response, _ = anonymous(a, "/conditions/neck-pain/")
    assert response.getheader("X-Cache") == "HIT"  # caching resumed by itself


def a_load_across_both_loses_nothing_when_one_is_killed(site, a, b, mailbox, worker):
    alive = {a.port: True, b.port: True}
    latencies, errors = [], []
    lock = threading.Lock()

    def pick(number):
        first, second = (a, b) if number % 2 else (b, a)
        return (first, second) if alive[first.port] else (second, second)

    def submit(number):
        visitor = Visitor(f"10.{number // 250}.{number % 250}.{number % 7 + 1}")
        fields = None
        for attempt in range(4):  # the load balancer sends a failed GET elsewhere; the patient presses again
            read_from, post_to = pick(number + attempt)
            try:
                fields = fields or visitor.fill_in(read_from, f"Load Patient {number}", number)
                response, _ = visitor.request(post_to, "POST", FORM, fields)
            except (OSError, http.client.HTTPException, AssertionError):
                continue
            with lock:
                latencies.append(response.seconds)
                if response.status != 303:
                    errors.append((number, response.status))
            return
        with lock:
            errors.append((number, "no answer"))

    def kill_a_half_way():
        wait_until(
            lambda: len(latencies) >= LOAD_SUBMISSIONS // 3, timeout=300, message="a third of the load"
        )
        alive[a.port] = False
        os.killpg(a.process.pid, signal.SIGKILL)

    killer = threading.Thread(target=kill_a_half_way)
    killer.start()
    with ThreadPoolExecutor(max_workers=LOAD_CLIENTS) as pool:
        list(pool.map(submit, range(LOAD_SUBMISSIONS)))
    killer.join()

    assert errors == []
    assert a.process.poll() is not None  # really killed, with requests of this run behind it
    assert a.log_text().count("POST /consultation/") > LOAD_SUBMISSIONS // 10
    assert b.log_text().count("POST /consultation/") > LOAD_SUBMISSIONS // 2
    counts = site.query(
        "from booking.models import ConsultationRequest as R; "
        "from django_tasks_db.models import DBTaskResult as T; "
        "load = R.objects.filter(name__startswith='Load Patient '); "
        "ids = list(load.values_list('pk', flat=True)); "
        "print(load.count(), load.values('name').distinct().count(), "
        "T.objects.filter(task_path__startswith='booking.tasks.', args_kwargs__args__0__in=ids).count())"
    )
    stored, distinct, queued = map(int, counts.split())
    assert (stored, distinct, queued) == (LOAD_SUBMISSIONS, LOAD_SUBMISSIONS, 2 * LOAD_SUBMISSIONS)

    def acknowledged():
        return {
            recipients[0] for recipients, _ in mailbox.messages if recipients[0].startswith("load.patient.")
        }

    wait_until(lambda: len(acknowledged()) == LOAD_SUBMISSIONS, timeout=300, interval=1, message="every mail")
    acknowledgements = [recipients for recipients, _ in mailbox.messages if recipients[0].startswith("load.")]
    assert len(acknowledgements) == LOAD_SUBMISSIONS  # each once
    assert worker.process.poll() is None
    ordered = sorted(latencies)
    print(
        f"\n{LOAD_SUBMISSIONS} requests from {LOAD_CLIENTS} clients over two servers (one killed half-way): "
        f"stored {stored}, mails queued {queued}, 5xx 0, "
        f"POST p50 {statistics.median(ordered) * 1000:.0f} ms, "
        f"p95 {ordered[int(len(ordered) * 0.95)] * 1000:.0f} ms"
    )
