"""Settings choose the database from DATABASE_URL and refuse unsafe production configuration."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from clinic_site.settings.database import database_from_env

ROOT = Path(__file__).resolve().parent.parent


def test_no_database_url_means_sqlite_in_the_project_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_env(default_sqlite_file=ROOT / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(config["NAME"]) == ROOT / "db.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 5
    assert config["CONN_MAX_AGE"] > 0 and config["CONN_HEALTH_CHECKS"] is True


def test_postgres_url_means_postgresql_with_health_checks(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://clinic:secret@db.internal:5433/clinic")
    config = database_from_env(default_sqlite_file=ROOT / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.internal",
        5433,
        "clinic",
        "clinic",
    )
    assert config["CONN_HEALTH_CHECKS"] is True
    assert config["CONN_MAX_AGE"] > 0


def test_sqlite_url_keeps_the_concurrency_options(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/other.sqlite3")
    config = database_from_env(default_sqlite_file=ROOT / "db.sqlite3")
    assert config["NAME"] == f"{tmp_path}/other.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.django_db
def test_the_running_sqlite_database_is_in_wal_mode():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0].lower() == "wal"


def test_the_suite_runs_on_the_database_ci_asked_for():
    wanted = os.environ.get("DATABASE_URL", "")
    vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    assert vendor == ("postgresql" if wanted.startswith("postgres") else "sqlite3")


def run_production_check(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="clinic_site.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_production_check(ALLOWED_HOSTS="clinic.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_production_check(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_when_configured_and_never_debugs():
    result = run_production_check(SECRET_KEY="x" * 50, ALLOWED_HOSTS="clinic.example", DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
    debug = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "clinic.example",
            "DJANGO_DEBUG": "true",
            "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert debug.stdout.strip() == "False"
