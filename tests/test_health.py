"""The load balancer's health check: /healthz says "ok" when the database answers, and nothing else."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_answers_any_host_so_load_balancers_can_probe_by_address(client):
    assert client.get("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.1.2.3:8000").status_code == 400


@pytest.mark.django_db
def test_only_reads(client):
    response = client.post("/healthz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


DOWN_CHECK = """
import django
django.setup()
from django.test import Client
response = Client().get("/healthz", HTTP_HOST="10.1.2.3")
print(response.status_code, repr(response.content.decode()), response["Cache-Control"])
"""


def health_with_database(url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="clinic.example",
        DATABASE_URL=url,
        LOG_FORMAT="json",
    )
    result = subprocess.run(
        [sys.executable, "-c", DOWN_CHECK], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


@pytest.mark.parametrize(
    "url",
    [
        # A PostgreSQL server that is not there (nothing listens on port 1).
        "postgres://clinic:secret@127.0.0.1:1/clinic",
        # A SQLite file in a folder that does not exist.
        "sqlite:////nonexistent-folder/clinic.sqlite3",
    ],
)
def test_unavailable_without_detail_when_the_database_is_down(url):
    lines = health_with_database(url)
    assert lines[-1].startswith("503 'unavailable\\n' ")
    assert "no-store" in lines[-1]
    # The reason is logged for the operators, as one JSON line.
    assert any('"logger": "clinic_site.health"' in line and "did not answer" in line for line in lines)
