"""The production configuration, checked the way it runs: `check --deploy`, settings chosen from the
environment, and the site served by gunicorn with gunicorn.conf.py and the production settings (the
layout `make serve` starts), with a proxy's X-Forwarded-Proto standing in for TLS.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests import observatory

ROOT = Path(__file__).resolve().parent.parent
HOST = "clinic.example"


def production_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "AWS_", "CLOUDFLARE_", "REDIS_", "FRONTEND_CACHE_"))
        and key
        not in {"SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "MEDIA_URL", "PYTEST_XDIST_WORKER"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
    )
    env.update(extra)
    return env


def run(args, env, timeout=120):
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


SETTING_NAMES = (
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_SSL_REDIRECT",
    "CONTENT_SECURITY_POLICY",
    "CACHES",
    "STORAGES",
    "MEDIA_URL",
    "SERVE_MEDIA_IMAGES",
    "WAGTAILFRONTENDCACHE",
    "INSTALLED_APPS",
)
_settings_cache = {}


def setting(name, **env):
    """The value of a production setting, read in a fresh process with this environment."""
    key = tuple(sorted(env.items()))
    if key not in _settings_cache:
        code = (
            "import json, django; django.setup(); from django.conf import settings; "
            f"print(json.dumps({{n: getattr(settings, n) for n in {SETTING_NAMES!r}}}, default=str))"
        )
        result = run([sys.executable, "-c", code], production_env(**env))
        assert result.returncode == 0, result.stderr
        _settings_cache[key] = json.loads(result.stdout.strip().splitlines()[-1])
    return _settings_cache[key][name]


# Configuration


def test_check_deploy_passes_with_production_settings():
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env()
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_when_https_is_turned_off():
    """The check is not vacuous: turning the HTTPS redirect off is reported."""
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(SECURE_SSL_REDIRECT="false"),
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


def test_production_cookies_and_https_settings():
    assert setting("SESSION_COOKIE_SECURE") is True
    assert setting("CSRF_COOKIE_SECURE") is True
    assert setting("SECURE_HSTS_SECONDS") >= 31_536_000
    assert setting("SECURE_HSTS_INCLUDE_SUBDOMAINS") is True
    assert setting("SECURE_SSL_REDIRECT") is True
    assert setting("DEBUG", DJANGO_DEBUG="true") is False
    assert "upgrade-insecure-requests" in setting("CONTENT_SECURITY_POLICY")
    assert "upgrade-insecure-requests" not in setting("CONTENT_SECURITY_POLICY", SECURE_SSL_REDIRECT="false")


def test_cache_is_redis_when_redis_url_is_set_else_a_folder_shared_by_workers(tmp_path):
    redis = setting("CACHES", REDIS_URL="redis://cache.internal:6379/1")["default"]
    assert redis["BACKEND"] == "django_redis.cache.RedisCache"
    assert redis["LOCATION"] == "redis://cache.internal:6379/1"
    assert redis["OPTIONS"]["IGNORE_EXCEPTIONS"] is True  # an outage reads as a miss, never a 500
    files = setting("CACHES", CACHE_DIR=str(tmp_path))["default"]
    assert files["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert files["LOCATION"] == str(tmp_path)


def test_redis_cache_backend_can_be_loaded():
    """The redis client the backend needs is installed (a connection is only made on first use)."""
    code = (
        "import django; django.setup(); from django.core.cache import caches; "
        "print(type(caches['default']).__name__)"
    )
    result = run([sys.executable, "-c", code], production_env(REDIS_URL="redis://127.0.0.1:1/0"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "RedisCache"


def test_media_goes_to_object_storage_when_a_bucket_is_named():
    env = {"AWS_STORAGE_BUCKET_NAME": "clinic-media", "AWS_S3_CUSTOM_DOMAIN": "media.clinic.example"}
    assert setting("STORAGES", **env)["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert setting("MEDIA_URL", **env) == "https://media.clinic.example/"
    assert setting("SERVE_MEDIA_IMAGES", **env) is False
    assert "https://media.clinic.example" in setting("CONTENT_SECURITY_POLICY", **env)["img-src"]
    code = (
        "import django; django.setup(); from django.core.files.storage import default_storage as s; "
        "print(s.url('images/a.webp'))"
    )
    result = run([sys.executable, "-c", code], production_env(**env))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://media.clinic.example/images/a.webp"
    # Without a bucket: files on this machine, images served by the site.
    assert setting("STORAGES")["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert setting("SERVE_MEDIA_IMAGES") is True


def test_cdn_purge_is_enabled_only_when_configured():
    assert setting("WAGTAILFRONTENDCACHE") == {}
    assert "wagtail.contrib.frontend_cache" not in setting("INSTALLED_APPS")
    env = {"CLOUDFLARE_API_TOKEN": "token", "CLOUDFLARE_ZONEID": "zone"}
    assert setting("WAGTAILFRONTENDCACHE", **env)["cloudflare"]["ZONEID"] == "zone"
    assert "wagtail.contrib.frontend_cache" in setting("INSTALLED_APPS", **env)
    purge = setting("WAGTAILFRONTENDCACHE", FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081")
    assert purge["http"]["LOCATION"] == "http://127.0.0.1:6081"


def gunicorn_config(**env):
    code = (
        "import json, runpy; c = runpy.run_path('gunicorn.conf.py'); "
        "print(json.dumps({k: c[k] for k in ('bind', 'workers', 'threads', 'timeout', 'graceful_timeout', "
        "'access_log_format', 'accesslog', 'control_socket_disable')}))"
    )
    result = run([sys.executable, "-c", code], {**os.environ, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_gunicorn_workers_follow_the_cpu_count_and_bind_follows_port():
    config = gunicorn_config(PORT="8123", WEB_CONCURRENCY="")
    assert config["bind"] == "127.0.0.1:8123"
    assert config["workers"] == min(2 * os.cpu_count() + 1, 12)
    assert config["graceful_timeout"] > 0 and config["timeout"] > 0
    assert gunicorn_config(WEB_CONCURRENCY="3", HOST="0.0.0.0")["workers"] == 3
    assert "%(q)s" not in config["access_log_format"] and "%(r)s" not in config["access_log_format"]


# The production layout, served


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SETUP_SITE = """
import django
django.setup()
from wagtail.documents import get_document_model
from django.core.files.base import ContentFile
from tests import factories
factories.make_home()
image = factories.make_image(title="treatment-room")
leaflet = ContentFile(b"%PDF-1.4 aftercare", name="aftercare.pdf")
get_document_model().objects.create(title="Aftercare", file=leaflet)
print(image.file.name)
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn with gunicorn.conf.py and the production settings on a fresh SQLite database."""
    folder = tmp_path_factory.mktemp("production")
    port = free_port()
    env = production_env(
        DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        CACHE_DIR=str(folder / "cache"),
        PORT=str(port),
        WEB_CONCURRENCY="1",
        PYTHONPATH=str(ROOT),
    )
    for step in (
        ["manage.py", "migrate", "--noinput", "-v0"],
        ["manage.py", "collectstatic", "--noinput", "-v0"],
    ):
        result = run([sys.executable, *step], env, timeout=300)
        assert result.returncode == 0, result.stderr
    result = run([sys.executable, "-c", SETUP_SITE], env)
    assert result.returncode == 0, result.stderr
    image_name = result.stdout.strip().splitlines()[-1]
    log_path = folder / "gunicorn.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "clinic_site.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log_path.read_text()) from None
                time.sleep(0.3)
        yield {"base": base, "log": log_path, "image": image_name}
    finally:
        process.terminate()
        process.wait(timeout=30)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(server, path, *, https=True, host=HOST, headers=None):
    """(status, headers, body, set-cookie headers) for a GET, as through a TLS proxy unless https=False."""
    request = urllib.request.Request(server["base"] + path, headers={"Host": host, **(headers or {})})
    if https:
        request.add_header("X-Forwarded-Proto", "https")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(request, timeout=20)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        body = response.read().decode("utf-8", "replace")
        return response.status, response.headers, body, response.headers.get_all("Set-Cookie") or []


def test_home_page_headers_under_production_settings(server):
    status, headers, body, cookies = fetch(server, "/")
    assert status == 200
    csp = observatory.parse_csp(headers["Content-Security-Policy"])
    assert csp["default-src"] == {"'none'"}
    assert csp["script-src"] == {"'self'"} and csp["style-src"] == {"'self'"}
    assert csp["object-src"] == {"'none'"} and csp["base-uri"] == {"'none'"}
    assert csp["frame-ancestors"] == {"'none'"} and csp["form-action"] == {"'self'"}
    assert "upgrade-insecure-requests" in csp
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert cookies == []
    assert "<style" not in body and "style=" not in body


def test_observatory_score_of_the_home_page_is_at_least_100(server):
    status, headers, body, cookies = fetch(server, "/")
    _, redirect_headers, _, _ = fetch(server, "/", https=False)
    result = observatory.score(
        headers,
        body,
        https=True,
        site_host=HOST,
        set_cookies=cookies,
        http_redirect=redirect_headers["Location"],
    )
    print(f"Observatory-style score of the home page: {result.total} ({result.grade}) {result.modifiers}")
    assert result.penalties == 0, result.modifiers
    assert result.total >= 100
    assert result.grade == "A+"


def test_observatory_score_of_the_booking_form_with_its_csrf_cookie(server):
    status, headers, body, cookies = fetch(server, "/consultation/")
    assert status == 200
    assert cookies, "the form sets the CSRF cookie"
    for cookie in cookies:
        flags = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
        assert {"secure", "httponly", "samesite"} <= flags, cookie
    result = observatory.score(headers, body, https=True, site_host=HOST, set_cookies=cookies)
    assert result.modifiers["cookies-secure-with-httponly-sessions-and-samesite"] == 5
    assert result.penalties == 0 and result.total >= 100


def test_plain_http_is_redirected_to_https_on_the_same_host(server):
    status, headers, _, _ = fetch(server, "/conditions/?page=2", https=False)
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/conditions/?page=2"


def test_unknown_host_is_refused(server):
    status, _, body, _ = fetch(server, "/", host="evil.example")
    assert status == 400
    assert "evil.example" not in body


def test_health_answers_load_balancers_over_http_by_address(server):
    status, headers, body, _ = fetch(server, "/healthz", https=False, host="10.0.0.7:8000")
    assert (status, body) == (200, "ok\n")
    assert "no-store" in headers["Cache-Control"]


def test_hashed_static_files_are_cached_for_a_year_and_immutable(server):
    _, _, body, _ = fetch(server, "/")
    href = body.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert href.startswith("/static/css/site.") and href != "/static/css/site.css", href
    status, headers, _, _ = fetch(server, href)
    assert status == 200
    assert "max-age=315360000" in headers["Cache-Control"] and "immutable" in headers["Cache-Control"]
    status, headers, _, _ = fetch(server, "/static/css/site.css")
    assert status == 200 and "immutable" not in headers.get("Cache-Control", "")


def test_images_are_served_from_the_media_folder_but_documents_are_not(server):
    status, headers, body, _ = fetch(server, "/media/" + server["image"])
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert fetch(server, "/media/documents/aftercare.pdf")[0] == 404
    status, headers, body, _ = fetch(server, "/documents/1/aftercare.pdf")
    assert status == 200
    assert headers["Content-Disposition"].startswith("attachment")
    assert headers["Content-Security-Policy"] == "default-src 'none'"


def log_lines(server):
    lines = []
    for raw in server["log"].read_text().splitlines():
        if raw.strip():
            lines.append(json.loads(raw))  # every line is JSON
    return lines


def test_logs_are_json_lines_with_request_ids_and_no_query_strings(server):
    fetch(server, "/healthz", https=False)
    status, headers, _, _ = fetch(
        server, "/consultation/?condition=migraine&from=12", headers={"X-Request-ID": "not valid!"}
    )
    request_id = headers["X-Request-ID"]
    assert request_id != "not valid!" and len(request_id) == 32
    wanted = "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert fetch(server, "/", headers={"X-Request-ID": wanted})[1]["X-Request-ID"] == wanted
    time.sleep(0.5)
    text = server["log"].read_text()
    assert "migraine" not in text and "condition=" not in text
    access = [line for line in log_lines(server) if line["logger"] == "gunicorn.access"]
    booking = [line for line in access if line.get("request_id") == request_id]
    assert booking and booking[0]["path"] == "/consultation/" and booking[0]["status"] == 200
    assert {"method", "path", "status", "duration_ms"} <= set(booking[0])
    assert any(line.get("request_id") == wanted for line in access)
    assert not any(line.get("path") == "/healthz" for line in access)
    assert not any("127.0.0.1" in json.dumps(line) for line in access), "no client addresses"
