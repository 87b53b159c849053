"""Structured logs: JSON lines tagged with the request id, and nothing a patient typed."""

import io
import json
import logging
import re
import sys

import pytest
from django.db import IntegrityError
from django.test import override_settings

from clinic_site.logging import JsonFormatter, SkipHealthChecks, logging_config, request_id_var
from tests import factories
from tests.factories import valid_data


@pytest.fixture
def captured():
    """Every record logged while the test runs, formatted by the production formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(old_level)


def lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_a_record_is_one_json_line_with_time_level_logger_and_message():
    record = logging.LogRecord(
        "booking.views", logging.INFO, __file__, 1, "Request %s stored", ("CR-1",), None
    )
    token = request_id_var.set("abc123")
    try:
        line = JsonFormatter().format(record)
    finally:
        request_id_var.reset(token)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Request CR-1 stored"
    assert entry["level"] == "INFO" and entry["logger"] == "booking.views"
    assert entry["request_id"] == "abc123"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", entry["time"])


def test_database_errors_that_quote_values_are_logged_by_type_only():
    message = "duplicate key value violates unique constraint DETAIL: Key (email)=(ana@example.com)"
    try:
        raise IntegrityError(message)
    except IntegrityError:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/consultation/",),
            sys.exc_info(),
        )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["exc_type"] == "django.db.utils.IntegrityError"
    assert "ana@example.com" not in json.dumps(entry)
    assert "test_logging.py" in entry["traceback"]


def test_gunicorn_access_lines_keep_path_status_and_request_id_but_not_the_query_or_address():
    atoms = {
        "m": "GET",
        "U": "/consultation/",
        "q": "condition=migraine",
        "s": "200",
        "B": 5120,
        "M": 12,
        "h": "203.0.113.9",
        "a": "Mozilla/5.0",
        "f": "https://search.example/?q=migraine",
        "{x-request-id}o": "f" * 32,
    }
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(m)s %(U)s", (atoms,), None)
    entry = json.loads(JsonFormatter().format(record))
    assert entry == {
        **entry,
        "method": "GET",
        "path": "/consultation/",
        "status": 200,
        "bytes": 5120,
        "duration_ms": 12,
        "request_id": "f" * 32,
    }
    text = json.dumps(entry)
    assert "migraine" not in text and "203.0.113.9" not in text and "Mozilla" not in text


def test_health_checks_are_left_out_of_the_access_log():
    health = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, "%(U)s", ({"U": "/healthz"},), None
    )
    page = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(U)s", ({"U": "/"},), None)
    assert SkipHealthChecks().filter(health) is False
    assert SkipHealthChecks().filter(page) is True


def test_production_logging_sends_everything_to_stdout_as_json():
    config = logging_config()
    handler = config["handlers"]["stdout"]
    assert handler["stream"] == "ext://sys.stdout" and handler["formatter"] == "json"
    assert config["root"]["handlers"] == ["stdout"]
    assert config["loggers"]["gunicorn.access"]["handlers"] == ["stdout"]


@pytest.mark.django_db
def test_request_id_from_a_proxy_is_kept_when_sane_and_replaced_when_not(client):
    factories.make_home()
    kept = client.get("/", HTTP_X_REQUEST_ID="0f8fad5b-d9cb-469f-a165-70867728950e")
    assert kept["X-Request-ID"] == "0f8fad5b-d9cb-469f-a165-70867728950e"
    for bad in ["<script>", "x" * 20, "a" * 65, "abc\ninjected"]:
        replaced = client.get("/", HTTP_X_REQUEST_ID=bad)
        assert re.fullmatch(r"[0-9a-f]{32}", replaced["X-Request-ID"]), bad
    assert client.get("/")["X-Request-ID"] != client.get("/")["X-Request-ID"]


@pytest.mark.django_db
@override_settings(BOOKING_RATE_LIMIT=None)
def test_a_consultation_request_logs_its_reference_and_request_id_but_nothing_the_patient_typed(
    client, condition, captured
):
    from booking.models import ConsultationRequest

    data = valid_data(condition, symptoms="Pain behind my left eye since the car accident")
    response = client.post("/consultation/?condition=neck-pain", data, HTTP_X_REQUEST_ID="1234abcd1234abcd")
    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    mine = [entry for entry in lines(captured) if entry.get("request_id") == "1234abcd1234abcd"]
    assert any(stored.reference in entry["message"] for entry in mine)
    text = captured.getvalue()
    for typed in (data["name"], data["email"], "555-0142", "car accident", "neck-pain"):
        assert typed not in text
