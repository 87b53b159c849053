"""Requests that try something: a forged Host, a POST without a CSRF token, a redirect to another site,
an error while a patient's form is being handled."""

import logging

import pytest
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver, reverse
from django.views.debug import ExceptionReporter
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from tests import factories
from tests.factories import valid_data

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


# Host header


@override_settings(ALLOWED_HOSTS=["clinic.example"])
@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/"), ("get", "/consultation/"), ("post", "/consultation/"), ("post", "/admin/password_reset/")],
)
def test_a_request_for_another_host_is_refused(client, home, method, path):
    response = getattr(client, method)(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert client.get("/", HTTP_HOST="clinic.example").status_code == 200


# CSRF


def all_patterns(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from all_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def test_no_view_outside_the_admin_api_skips_the_csrf_check():
    exempt = [path for path, view in all_patterns() if getattr(view, "csrf_exempt", False)]
    # Wagtail's admin API is built on Django REST framework, which checks the token itself for
    # signed-in users (see the next test).
    assert exempt and all(path.startswith("admin/api/") for path in exempt), exempt
    public = [path for path, _ in all_patterns() if not path.startswith("admin/")]
    assert "consultation/" in public  # the walk reaches the public views


@pytest.fixture
def protected(home):
    """A password-protected page and document collection, the public views that take a POST."""
    page = factories.make_condition("Private notes", slug="private-notes")
    page_restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="pw"
    )
    document = get_document_model().objects.create(title="Leaflet", file="documents/leaflet.pdf")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=document.collection, restriction_type="password", password="pw"
    )
    return page, page_restriction, collection_restriction


def public_post_urls(home, protected):
    page, page_restriction, collection_restriction = protected
    return [
        "/",
        factories.make_condition("Neck pain", slug="neck-pain").url,
        "/consultation/",
        "/consultation/thank-you/",
        "/search/",
        "/admin/login/",
        "/admin/password_reset/",
        "/_util/login/",
        reverse("wagtailcore_authenticate_with_password", args=[page_restriction.id, page.id]),
        reverse("wagtaildocs_authenticate_with_password", args=[collection_restriction.id]),
    ]


def test_every_public_post_without_a_csrf_token_is_refused(home, protected):
    client = Client(enforce_csrf_checks=True)
    for url in public_post_urls(home, protected):
        response = client.post(url, {"password": "pw", "return_url": "/", "name": "x"})
        assert response.status_code == 403, url


def test_admin_api_actions_need_the_csrf_token_too(home):
    client = Client(enforce_csrf_checks=True)
    factories.sign_in(client, factories.make_user("boss-csrf", superuser=True))
    page = factories.make_condition("Neck pain", slug="neck-pain")
    response = client.post(
        f"/admin/api/main/pages/{page.id}/action/unpublish/", {}, content_type="application/json"
    )
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.live


def test_the_booking_form_posts_with_the_token_it_was_served(condition):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/consultation/")
    token = page.cookies["csrftoken"].value
    with override_settings(BOOKING_RATE_LIMIT=None):
        response = client.post("/consultation/", {**valid_data(condition), "csrfmiddlewaretoken": token})
    assert response.status_code == 303


# Open redirects

EVIL_TARGETS = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "https://clinic.example@evil.example/",
]


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_sign_in_never_sends_you_to_another_site(client, target):
    user = factories.make_user("editor-redirect", group="Editors")
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_sign_in_does_follow_a_next_on_this_site(client):
    user = factories.make_user("editor-next", group="Editors")
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD, "next": "/admin/images/"}
    )
    assert response["Location"] == "/admin/images/"


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_private_page_and_document_passwords_never_send_you_to_another_site(client, home, protected, target):
    page, page_restriction, collection_restriction = protected
    for url in (
        reverse("wagtailcore_authenticate_with_password", args=[page_restriction.id, page.id]),
        reverse("wagtaildocs_authenticate_with_password", args=[collection_restriction.id]),
    ):
        response = client.post(url, {"password": "pw", "return_url": target})
        assert response.status_code == 302, url
        assert "evil.example" not in response["Location"], url


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_admin_actions_never_send_you_to_another_site(client, home, target):
    factories.sign_in(client, factories.make_user("boss-redirect", superuser=True))
    page = factories.make_condition("Neck pain", slug="neck-pain")
    response = client.post(f"/admin/pages/{page.id}/unpublish/?next={target}", {})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


# Errors while handling a patient's form


@override_settings(BOOKING_RATE_LIMIT="five per hour")  # a broken setting: the view fails on a POST
def test_an_error_report_from_the_booking_form_shows_none_of_the_submitted_data(condition, caplog):
    client = Client(raise_request_exception=False)
    data = valid_data(condition, symptoms="Numbness in both hands since Tuesday")
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.post("/consultation/", data)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Sorry, something went wrong on our side" in page
    assert "<style" not in page and "<script" not in page
    record = next(r for r in caplog.records if r.name == "django.request")
    request = record.request
    assert request.sensitive_post_parameters == "__ALL__"
    report = ExceptionReporter(request, *record.exc_info, is_email=True)
    for text in (report.get_traceback_text(), report.get_traceback_html()):
        assert "ValueError" in text  # a real report
        for typed in (data["name"], data["email"], data["phone"], "Numbness in both hands"):
            assert typed not in text
    assert data["email"] not in caplog.text and "Numbness" not in caplog.text
