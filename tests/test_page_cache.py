"""The page cache: anonymous visitors share stored pages; nothing personal or stale is ever served."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.urls import include, path
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests import factories

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# A site with one public view that is not a Wagtail page (see the test that uses ROOT_URLCONF).
urlpatterns = [
    path("opening-times.txt", lambda request: HttpResponse("Monday to Friday", content_type="text/plain")),
    path("", include("clinic_site.urls")),
]


def visitor():
    """A fresh anonymous browser."""
    return Client()


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").find("main").get_text(" ")


@pytest.mark.django_db
def test_a_second_anonymous_visitor_gets_the_stored_page(cache_on, condition):
    first = visitor().get(condition.url)
    second = visitor().get(condition.url)
    assert first.status_code == second.status_code == 200
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Neck pain" in text_of(second)


@pytest.mark.django_db
def test_a_stored_page_still_gets_the_headers_of_every_response(cache_on, condition):
    """Security headers and request ids are added above the cache, so hits have them too."""
    miss = visitor().get(condition.url)
    hit = visitor().get(condition.url)
    assert hit["X-Cache"] == "HIT"
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Content-Type"):
        assert hit.get(name) == miss.get(name), name
    assert hit["X-Request-ID"] and hit["X-Request-ID"] != miss["X-Request-ID"]


@pytest.mark.django_db
def test_head_requests_are_answered_from_the_cache_too(cache_on, condition):
    visitor().get(condition.url)
    assert visitor().head(condition.url)["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_public_pages_do_not_vary_on_cookies(cache_on, condition):
    miss = visitor().get(condition.url, HTTP_ACCEPT_ENCODING="gzip")
    hit = visitor().get(condition.url, HTTP_ACCEPT_ENCODING="gzip")
    assert hit["X-Cache"] == "HIT"
    for response in (miss, hit):
        vary = [value.strip().lower() for value in response.get("Vary", "").split(",")]
        assert "cookie" not in vary
        assert "accept-encoding" in vary


@pytest.mark.django_db
def test_editors_never_get_or_fill_the_cache(cache_on, condition, editor):
    signed_in = Client()
    factories.sign_in(signed_in, editor)
    editor_view = signed_in.get(condition.url)
    assert "X-Cache" not in editor_view
    assert b"<wagtail-userbar" in editor_view.content
    assert "private" in editor_view["Cache-Control"]
    assert "Cookie" in editor_view["Vary"]

    anonymous = visitor().get(condition.url)
    assert anonymous["X-Cache"] == "MISS"
    assert b"<wagtail-userbar" not in anonymous.content
    assert visitor().get(condition.url)["X-Cache"] == "HIT"

    again = signed_in.get(condition.url)
    assert "X-Cache" not in again
    assert b"<wagtail-userbar" in again.content


@pytest.mark.django_db
def test_the_consultation_form_is_never_stored_or_shared(cache_on, condition):
    url = f"/consultation/?condition={condition.slug}"
    first, second = visitor().get(url), visitor().get(url)
    assert first.status_code == second.status_code == 200
    for response in (first, second):
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]
    first_token = CSRF_INPUT.search(first.content.decode()).group(1)
    second_token = CSRF_INPUT.search(second.content.decode()).group(1)
    assert first_token != second_token
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert "X-Cache" not in visitor().get("/consultation/")  # never even looked up


@pytest.mark.django_db
def test_a_visitor_who_has_the_csrf_cookie_still_gets_stored_pages(cache_on, condition):
    """Having opened the form gives a visitor a CSRF cookie, not a session: public pages stay shared."""
    patient = visitor()
    patient.get("/consultation/")
    assert "csrftoken" in patient.cookies
    visitor().get(condition.url)
    response = patient.get(condition.url)
    assert response["X-Cache"] == "HIT"
    assert not response.cookies


@pytest.mark.django_db
def test_responses_that_set_a_cookie_are_not_stored(cache_on, condition):
    """A password-protected page answers with a form and a CSRF cookie: never stored, never shared."""
    PageViewRestriction.objects.create(
        page=condition, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    for _ in range(2):
        response = visitor().get(condition.url)
        assert response.status_code == 200
        assert response.cookies
        assert response["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_a_page_that_writes_to_an_anonymous_session_is_not_stored(cache_on, condition):
    """Whatever sets a cookie (here a hook remembering something in the session) keeps the page out."""

    def remember_visit(page, request, serve_args, serve_kwargs):
        request.session["seen_condition"] = page.pk

    with hooks.register_temporarily("before_serve_page", remember_visit):
        for _ in range(2):
            response = visitor().get(condition.url)
            assert "sessionid" in response.cookies
            assert response["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_a_page_served_with_never_cache_is_not_stored(cache_on, condition):
    def serve_uncacheable(page, request, serve_args, serve_kwargs):
        response = page.serve(request, *serve_args, **serve_kwargs)
        response.render()
        add_never_cache_headers(response)
        return response

    with hooks.register_temporarily("before_serve_page", serve_uncacheable):
        for _ in range(2):
            response = visitor().get(condition.url)
            assert condition.summary.encode() in response.content
            assert response["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_only_wagtail_pages_are_stored(cache_on, settings, home):
    settings.ROOT_URLCONF = __name__
    for _ in range(2):
        response = visitor().get("/opening-times.txt")
        assert response.content == b"Monday to Friday"
        assert response["X-Cache"] == "MISS"
    visitor().get(home.url)
    assert visitor().get(home.url)["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_page_unlocked_with_its_password_is_not_stored(cache_on, condition):
    restriction = PageViewRestriction.objects.create(
        page=condition, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    insider = visitor()
    response = insider.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{condition.pk}/",
        {"password": "letmein", "return_url": condition.url},
    )
    assert response.status_code == 302
    unlocked = insider.get(condition.url)
    assert condition.summary.encode() in unlocked.content
    assert "X-Cache" not in unlocked
    assert "private" in unlocked["Cache-Control"]
    outsider = visitor().get(condition.url)
    assert b'name="password"' in outsider.content
    assert condition.summary.encode() not in outsider.content


@pytest.mark.django_db
def test_previews_are_never_cached(cache_on, condition, superuser):
    admin = Client()
    factories.sign_in(admin, superuser)
    preview_url = f"/admin/pages/{condition.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": "Preview-only title",
            "slug": condition.slug,
            "summary": condition.summary,
            "body": streamfield([]),
            "show_red_flags": "on",
        }
    )
    assert admin.post(preview_url, data).json()["is_valid"]
    preview = admin.get(preview_url)
    assert b"Preview-only title" in preview.content
    assert "X-Cache" not in preview
    after_preview = visitor().get(condition.url)
    assert after_preview["X-Cache"] == "MISS"
    assert b"Preview-only title" not in after_preview.content


@pytest.mark.django_db
def test_the_cache_can_be_switched_off(settings, condition):
    settings.PAGE_CACHE_ENABLED = False
    cache.clear()
    for _ in range(2):
        assert "X-Cache" not in visitor().get(condition.url)
