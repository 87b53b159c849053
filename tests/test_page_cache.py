"""The page cache: anonymous visitors share stored pages; nothing personal or stale is ever served."""

import pickle
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
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from clinic_site.models import ClinicSettings
from tests import factories

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# A site with one public view that is not a Wagtail page (see the test that uses ROOT_URLCONF).
urlpatterns = [
    path("opening-times.txt", lambda request: HttpResponse("Monday to Friday", content_type="text/plain")),
    path("", include("clinic_site.urls")),
]


@pytest.fixture
def cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run what the site does after a commit (cache invalidation, renditions), as a real request would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def visitor():
    """A fresh anonymous browser."""
    return Client()


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").find("main").get_text(" ")


def stored_entries():
    """Every page the cache holds, as stored: (body, headers, vary)."""
    entries = []
    for key, value in cache._cache.items():
        if ":pagecache:" in key:
            entries.append(pickle.loads(value))
    return entries


def article_edit_data(article, **changes):
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "condition_links": inline_formset(
            [{"id": link.pk, "condition": link.condition_id} for link in article.condition_links.all()],
            initial=article.condition_links.count(),
        ),
        "body": streamfield([("paragraph", rich_text("<p>Edited in the admin.</p>"))]),
        "references": streamfield([]),
        "action-publish": "action-publish",
    }
    data.update(changes)
    return nested_form_data(data)


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
    assert stored_entries() == []

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
    assert stored_entries() == []


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
    assert stored_entries() == []


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
    assert stored_entries() == []


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
    assert stored_entries() == []


@pytest.mark.django_db
def test_only_wagtail_pages_are_stored(cache_on, settings, home):
    settings.ROOT_URLCONF = __name__
    for _ in range(2):
        response = visitor().get("/opening-times.txt")
        assert response.content == b"Monday to Friday"
        assert response["X-Cache"] == "MISS"
    assert stored_entries() == []
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
    assert stored_entries() == []
    outsider = visitor().get(condition.url)
    assert b'name="password"' in outsider.content
    assert condition.summary.encode() not in outsider.content


@pytest.mark.django_db
def test_making_a_cached_page_private_takes_it_out_of_the_cache(cache_on, publish, condition):
    visitor().get(condition.url)
    assert visitor().get(condition.url)["X-Cache"] == "HIT"

    publish(PageViewRestriction.objects.create, page=condition, restriction_type=PageViewRestriction.LOGIN)

    response = visitor().get(condition.url)
    assert response.status_code == 302
    assert condition.summary.encode() not in response.content


@pytest.mark.django_db
def test_query_strings_bypass_the_cache_except_the_page_number(cache_on, home):
    index = factories.make_article_index()
    for query in ("?utm_source=newsletter", "?page=2&sort=new", "?page=abc", "?page=1&page=2"):
        visitor().get(index.url + query)
        assert "X-Cache" not in visitor().get(index.url + query), query
    assert visitor().get(index.url + "?page=2")["X-Cache"] == "MISS"
    assert visitor().get(index.url + "?page=2")["X-Cache"] == "HIT"
    assert visitor().get(index.url)["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_publishing_an_article_refreshes_its_condition_index_and_home(cache_on, publish, condition):
    index = factories.make_article_index()
    home = factories.make_home()
    for page in (condition, index, home):
        visitor().get(page.url)
        assert visitor().get(page.url)["X-Cache"] == "HIT"

    article = publish(factories.make_article, "Desk set-up and neck pain", conditions=[condition])

    for page in (condition, index, home):
        response = visitor().get(page.url)
        assert response["X-Cache"] == "MISS", page.url
        assert "Desk set-up and neck pain" in text_of(response), page.url
    assert "Desk set-up and neck pain" in text_of(visitor().get(article.url))


@pytest.mark.django_db
def test_an_editor_publishing_in_the_admin_refreshes_the_page_and_its_listings(
    cache_on, publish, condition, superuser
):
    article = factories.make_article("Old title", conditions=[condition])
    for page in (article, condition):
        visitor().get(page.url)
        assert visitor().get(page.url)["X-Cache"] == "HIT"

    admin = Client()
    factories.sign_in(admin, superuser)
    response = publish(
        admin.post, f"/admin/pages/{article.pk}/edit/", article_edit_data(article, title="New title")
    )
    assert response.status_code == 302, response.content.decode()[:1000]

    for page in (article, condition):
        fresh = visitor().get(page.url)
        assert fresh["X-Cache"] == "MISS"
        assert "New title" in text_of(fresh)
        assert not BeautifulSoup(fresh.content, "html.parser").find(string=lambda s: s.strip() == "Old title")


@pytest.mark.django_db
def test_unpublishing_an_article_removes_it_everywhere(cache_on, publish, condition):
    article = factories.make_article("Withdrawn advice", conditions=[condition])
    visitor().get(condition.url)
    visitor().get(article.url)
    assert visitor().get(article.url)["X-Cache"] == "HIT"

    publish(article.unpublish)

    assert visitor().get(article.url).status_code == 404
    assert "Withdrawn advice" not in text_of(visitor().get(condition.url))


@pytest.mark.django_db
def test_deleting_an_article_removes_it_from_its_listings(cache_on, publish, condition):
    article = factories.make_article("Deleted advice", conditions=[condition])
    visitor().get(condition.url)
    assert "Deleted advice" in text_of(visitor().get(condition.url))

    publish(ArticlePage.objects.get(pk=article.pk).delete)

    assert "Deleted advice" not in text_of(visitor().get(condition.url))


@pytest.mark.django_db
def test_moving_a_page_refreshes_its_old_and_new_address(cache_on, publish, home):
    about = factories.make_standard_page("About us")
    team = factories.make_standard_page("Our team")
    old_url = team.url
    for url in (old_url, home.url):
        visitor().get(url)
        assert visitor().get(url)["X-Cache"] == "HIT"
    assert f'href="{old_url}"'.encode() in visitor().get(home.url).content  # the footer lists it

    publish(team.move, about, pos="last-child")
    team.refresh_from_db()

    old_address = visitor().get(old_url)
    assert old_address.status_code in (301, 302)  # Wagtail's automatic redirect, not the stored page
    assert old_address["Location"].endswith(team.url)
    assert team.url.startswith(about.url)
    assert visitor().get(team.url).status_code == 200
    assert f'href="{old_url}"'.encode() not in visitor().get(home.url).content


@pytest.mark.django_db
def test_changing_clinic_details_refreshes_every_page(cache_on, publish, condition):
    visitor().get(condition.url)
    assert visitor().get(condition.url)["X-Cache"] == "HIT"

    details = ClinicSettings.for_site(condition.get_site())
    details.name = "Riverside Neck Clinic"
    publish(details.save)

    assert b"Riverside Neck Clinic" in visitor().get(condition.url).content


@pytest.mark.django_db
def test_editing_a_practitioner_refreshes_the_pages_that_show_them(cache_on, publish, condition):
    practitioner = factories.make_practitioner("Ada Needles")
    practitioner.conditions.add(condition)
    practitioner.save()
    assert "Ada Needles" in text_of(visitor().get(condition.url))

    practitioner.name = "Ada Needham"
    publish(practitioner.save)

    assert "Ada Needham" in text_of(visitor().get(condition.url))


@pytest.mark.django_db
def test_a_cache_restored_from_an_old_snapshot_never_serves_what_changed_since(cache_on, publish, condition):
    """Redis restarted from its saved file, or a promoted replica, holds pages from before a publish: the
    generation lives in the database, so those pages are never read again."""
    visitor().get(condition.url)
    assert visitor().get(condition.url)["X-Cache"] == "HIT"
    snapshot = dict(cache._cache), dict(cache._expire_info)

    page = type(condition).objects.get(pk=condition.pk)
    page.summary = "Published while the cache was away."
    publish(page.save_revision().publish)
    cache._cache.clear(), cache._expire_info.clear()
    cache._cache.update(snapshot[0]), cache._expire_info.update(snapshot[1])

    response = visitor().get(condition.url)
    assert response["X-Cache"] == "MISS"
    assert b"Published while the cache was away." in response.content


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
    assert stored_entries() == []
    assert b"Preview-only title" not in visitor().get(condition.url).content


@pytest.mark.django_db
def test_the_cache_can_be_switched_off(settings, condition):
    settings.PAGE_CACHE_ENABLED = False
    cache.clear()
    for _ in range(2):
        assert "X-Cache" not in visitor().get(condition.url)
    assert stored_entries() == []
