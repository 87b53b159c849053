"""Real parts for tests: a local mail server, the task worker (in this process or its own), a PostgreSQL
server a test can stop, a SQLite database whose folder can be taken away, and waiting for a condition.
"""

import email
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

ROOT = Path(__file__).resolve().parent.parent


class Mailbox:
    """An aiosmtpd handler that keeps every message it accepts, and can refuse some recipients."""

    def __init__(self, refuse=()):
        self.messages = []
        self.refuse = set(refuse)
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for recipients, message in self.messages if address in recipients]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SMTPServer:
    """A local mail server the test starts and stops; nothing listens on its port while stopped."""

    def __init__(self, port, mailbox):
        self.port = port
        self.mailbox = mailbox
        self.controller = None

    def start(self):
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


def run_worker():
    """Work the queue in this process until nothing is ready, like `manage.py db_worker --batch`."""
    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="pytest-worker",
        excluded_queue_names=[],
    ).run()


def booking_tasks():
    return DBTaskResult.objects.filter(task_path__startswith="booking.tasks.")


def wait_until(condition, timeout=60, interval=0.2, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {message}")


def database_url_for_subprocesses():
    """The URL of the database this test process uses, for the subprocesses to share it."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )


class MailWorker:
    """`manage.py run_worker` as its own process, against a database and the test SMTP server."""

    def __init__(self, smtp_port, log_path, database_url=None, **env):
        self.smtp_port = smtp_port
        self.log_path = log_path
        self.database_url = database_url
        self.extra_env = env
        self.process = None

    def start(self):
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
        env.update(
            DJANGO_SETTINGS_MODULE="clinic_site.settings.test",
            DATABASE_URL=self.database_url or database_url_for_subprocesses(),
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp_port),
            EMAIL_TIMEOUT="30",
            **self.extra_env,
        )
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        return self

    def kill(self, sig=signal.SIGKILL):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=20)
        self.log.close()

    def stop(self):
        self.kill(signal.SIGTERM)


class OwnPostgres:
    """A PostgreSQL server of this test's own, in a temporary folder, that the test can stop."""

    def __init__(self):
        binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        if not binaries:
            pytest.skip("PostgreSQL server binaries are not installed")
        self.bin = binaries[-1].parent
        # Not under pytest's temporary folder: the postgres user must be able to reach it.
        self.folder = Path(tempfile.mkdtemp(prefix="clinic-faults-pg-"))
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")

    def run(self, *command):
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            command = ("runuser", "-u", "postgres", "--", *command)
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise subprocess.CalledProcessError(result.returncode, command, result.stdout, result.stderr)

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def init(self):
        self.run(
            str(self.bin / "initdb"),
            "-D",
            str(self.folder / "data"),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        self.start()
        self.run(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "clinic"
        )
        return f"postgres://postgres@127.0.0.1:{self.port}/clinic"

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.folder / "data"),
            "-l",
            str(self.folder / "log"),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self):
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")


class SQLiteOutage:
    """The site's SQLite file lives in a folder that can be taken away and put back.

    A worker that already has the file open keeps reading it after the folder goes, so the site runs
    with ``DB_CONN_MAX_AGE=0`` here: every request opens the file, as a new worker would.
    """

    env = {"DB_CONN_MAX_AGE": "0"}

    def __init__(self, folder):
        self.folder = Path(folder) / "db"
        self.folder.mkdir(parents=True)
        self.away = Path(folder) / "db-away"

    def init(self):
        return f"sqlite:///{self.folder / 'site.sqlite3'}"

    def stop(self):
        self.folder.rename(self.away)

    def start(self):
        self.away.rename(self.folder)


class SilentMailServer:
    """A mail server that accepts connections and never says a word (no greeting, no replies): a client
    waits until its own timeout. ``with SilentMailServer() as server:`` listens on ``server.port``."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self.accept, daemon=True)

    def accept(self):
        while True:
            try:
                connection, _address = self.listener.accept()
            except OSError:
                return
            self.held.append(connection)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.listener.close()
        for held in self.held:
            held.close()


def on_postgres():
    """True in CI's PostgreSQL pass (``DATABASE_URL=postgres://...``)."""
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def outage_database(backend, folder):
    """The database a fault test stops and starts: its own PostgreSQL server in the PostgreSQL pass, a
    SQLite file that can be taken away in the SQLite pass. Each backend runs in its own pass only."""
    if (backend == "postgres") != on_postgres():
        pytest.skip(f"runs in the {'PostgreSQL' if backend == 'postgres' else 'SQLite'} pass of CI")
    return OwnPostgres() if backend == "postgres" else SQLiteOutage(folder)


class OwnRedis:
    """A Redis server of this test's own, on a free port, saving to a folder so that it can be shut down
    with a snapshot and started again from it, as a stock Redis with snapshots (or a promoted replica)
    comes back after an outage."""

    def __init__(self, folder):
        self.binary = shutil.which("redis-server")
        if not self.binary:
            pytest.skip("redis-server is not installed")
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--dbfilename",
                "dump.rdb",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self.answers, timeout=20, message="Redis to answer")
        return self

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=5)

    def answers(self):
        try:
            return self.client().ping()
        except OSError:
            return False
        except Exception:  # redis.ConnectionError and friends
            return False

    def shutdown_with_snapshot(self):
        """``SHUTDOWN SAVE``: write what it holds to disk, then stop."""
        try:
            self.client().shutdown(save=True)
        except Exception:  # noqa: BLE001 - the connection closes as it shuts down
            pass
        self.process.wait(timeout=20)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=20)
