"""Every admin URL the URL resolver knows, asked for with a password-only session of someone whose role
needs a second factor: not one serves content. The same crawl with the second factor passed shows
that the URLs and sample ids are real (most pages answer 200)."""

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.middleware import OPEN_BEFORE_VERIFICATION
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
HTML = {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}
VERIFY = "/admin/two-factor/verify/?next="
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def admin_routes():
    """(path with placeholders, url name, namespaces) for every pattern under /admin/."""
    found = []

    def walk(patterns, prefix, namespaces):
        for entry in patterns:
            route = str(entry.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
            if isinstance(entry, URLResolver):
                walk(
                    entry.url_patterns,
                    prefix + route,
                    namespaces + ([entry.namespace] if entry.namespace else []),
                )
            elif isinstance(entry, URLPattern):
                found.append((prefix + route, entry.name, tuple(namespaces)))

    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and str(entry.pattern) == "admin/":
            walk(entry.url_patterns, "/admin/", [entry.namespace] if entry.namespace else [])
    return found


def fill(route, samples, namespaces=()):
    """The route with each placeholder replaced by a sample value (an id that exists where it can: the
    viewset's own sample for ``pk`` where there is one, else a consultation request's)."""

    def value(name, converter=None):
        if converter == "uuid" or name.endswith("uuid"):
            return str(uuid.uuid4())
        if name == "pk" and namespaces and namespaces[-1] in samples["by_viewset"]:
            return str(samples["by_viewset"][namespaces[-1]])
        if name in samples:
            return str(samples[name])
        if converter == "int" or name.endswith(("id", "pk")):
            return str(samples["pk"])
        return samples.get(name, "sample")

    path = CONVERTER.sub(lambda match: value(match.group(2), match.group(1)), route)
    path = REGEX_GROUP.sub(lambda match: value(match.group(1)), path)
    return re.sub(r"[\\^$?*+]", "", path)


@pytest.fixture
def samples():
    home = factories.make_home()
    article = factories.make_article("Sample article")
    consultation_request = factories.make_request()
    image = factories.make_image()
    practitioner = factories.make_practitioner()
    visit = factories.make_visit(practitioners=[practitioner])
    schedule = factories.make_schedule(practitioner)
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    appointment = factories.make_appointment(practitioner, visit, start)
    return {
        "by_viewset": {
            "appointment": appointment.pk,
            "appointment_types": visit.pk,
            "working_hours": schedule.pk,
        },
        "pk": consultation_request.pk,
        "page_id": article.pk,
        "parent_page_id": home.pk,
        "image_id": image.pk,
        "app_label": "booking",
        "model_name": "consultationrequest",
        "content_type_app_name": "articles",
        "content_type_model_name": "articlepage",
        "action": "set_privacy",
    }


def crawl(client, samples):
    """GET every admin URL (signing out excepted: Wagtail's sign-out view drops the session cookie even
    when it refuses a GET)."""
    results = {}
    client.raise_request_exception = False  # Wagtail's /admin/failwhale/ raises on purpose
    for route, name, namespaces in admin_routes():
        if name == "wagtailadmin_logout":
            continue
        path = fill(route, samples, namespaces)
        response = client.get(path, **HTML)
        results[path] = (response, name, namespaces)
    return results


def is_open(name, namespaces):
    return name in OPEN_BEFORE_VERIFICATION or "otp_webauthn" in namespaces


def test_no_admin_url_serves_content_before_the_second_factor(client, samples):
    user = factories.make_user("desk-crawl", group="Front desk managers")
    TOTPDevice.objects.create(user=user, name="Phone")
    assert client.post("/admin/login/", {"username": user.username, "password": PASSWORD}).status_code == 302

    results = crawl(client, samples)
    assert len(results) > 200
    served = []
    for path, (response, name, namespaces) in results.items():
        if is_open(name, namespaces):
            continue
        location = response.get("Location", "")
        if response.status_code == 302 and location.startswith(VERIFY):
            continue
        if response.status_code in (403, 404, 405):
            continue
        served.append((path, response.status_code, location))
    assert served == []
    for response, _name, _namespaces in results.values():
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert factories.PATIENT_NAME.encode() not in body

    # The same URLs through a browser's fetch (no text/html) are all refused.
    fetched = [fill(route, samples, ns) for route, name, ns in admin_routes() if not is_open(name, ns)]
    statuses = {client.get(path, HTTP_ACCEPT="application/json").status_code for path in fetched}
    assert statuses <= {403, 404, 405}


def test_the_same_crawl_after_the_second_factor_reaches_real_pages(client, samples):
    user = factories.make_user("desk-crawl-verified", superuser=True)
    factories.sign_in(client, user)
    results = crawl(client, samples)
    pages = [path for path, (response, _n, _ns) in results.items() if response.status_code == 200]
    assert len(pages) > 100
    # The front desk's booking views are in the crawl and show the sample appointment.
    appointment = samples["by_viewset"]["appointment"]
    for path in ("/admin/booking/calendar/", f"/admin/booking/appointments/edit/{appointment}/"):
        assert results[path][0].status_code == 200, path
        assert factories.PATIENT_NAME.encode() in results[path][0].content, path
    bodies = [response.content for response, _n, _ns in results.values() if not response.streaming]
    assert any(factories.PATIENT_NAME.encode() in body for body in bodies)
