"""A throwaway copy of the site served the way production serves it, for the tests that need real servers
(the browser suite, the fault and two-server tests) and for ``make bench`` and ``make load``, which import
it from here.

``Site`` owns a working folder with its own database (a SQLite file there, or the PostgreSQL database
named by ``database_url``), media and collected static files. ``prepare()`` migrates, collects the
static files and loads the demo clinic; ``serve()`` starts gunicorn on 127.0.0.1 (with the repository's
``gunicorn.conf.py``, as ``make serve`` does, but this copy's address and worker count) and the production
settings (``SECRET_KEY`` and ``ALLOWED_HOSTS`` from the environment, ``SECURE_SSL_REDIRECT=false``
because there is no TLS proxy in front) and waits until it answers.

Nothing here listens on anything but 127.0.0.1.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_SETTINGS = "clinic_site.settings.production"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerFailed(RuntimeError):
    """The server did not start or did not answer; the message ends with its log."""


class Site:
    """One copy of the site: database, media and static files in ``workdir``."""

    def __init__(self, workdir, database_url=None, **env):
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url or f"sqlite:///{self.workdir / 'site.sqlite3'}"
        self.secret_key = secrets.token_urlsafe(40)
        self.extra_env = {key: str(value) for key, value in env.items()}

    def env(self, **overrides):
        """The environment of the site's processes: production settings, this copy's folders."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST_", "BOOKING_", "EMAIL_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE=PRODUCTION_SETTINGS,
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.workdir / "media"),
            STATIC_ROOT=str(self.workdir / "static"),
            # Its own cache (page cache, rate-limit counts), not the repository's var/cache.
            CACHE_DIR=str(self.workdir / "cache"),
            LOG_LEVEL="INFO",
            LOG_FORMAT="plain",
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        env.update({key: str(value) for key, value in overrides.items()})
        return env

    def manage(self, *args, env=None, check=True, timeout=600):
        """Run ``manage.py`` with this site's environment; returns the finished process."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**(env or {})),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise ServerFailed(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stdout[-3000:]}"
                f"\n{result.stderr[-3000:]}"
            )
        return result

    def prepare(self, demo_accounts=False):
        """Migrate, collect static files and load the demo clinic (with the demo logins if asked)."""
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        self.manage("load_demo_content", *(["--with-demo-accounts"] if demo_accounts else []))
        return self

    def query(self, python_code):
        """Run Python in ``manage.py shell`` against this site's database; returns what it printed."""
        return self.manage("shell", "--no-imports", "-c", python_code).stdout.strip()

    def serve(self, port=None, workers=2, log_name="gunicorn.log", **env):
        """Start gunicorn (production settings) and return the running ``Server`` once it answers."""
        server = Server(self, port or free_port(), workers, self.workdir / log_name, env)
        server.start()
        return server


class Server:
    """A gunicorn process serving a ``Site`` on 127.0.0.1."""

    def __init__(self, site, port, workers, log_path, env):
        self.site = site
        self.port = port
        self.workers = workers
        self.log_path = Path(log_path)
        self.env = env
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def log_text(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def start(self, timeout=60):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "clinic_site.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--graceful-timeout",
            "5",
            "--access-logfile",
            "-",
        ]
        self.log_file = self.log_path.open("ab")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.site.env(**self.env),
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailed(
                    f"gunicorn exited with {self.process.returncode}:\n{self.log_text()[-4000:]}"
                )
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                    response.read()
                return self
            except urllib.error.HTTPError:
                return self  # it answers; what it answers is for the caller to judge
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise ServerFailed(f"gunicorn did not answer within {timeout} s:\n{self.log_text()[-4000:]}")

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()
        self.process = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()
