"""The page cache stays fresh: a publish, unpublish, move, deletion, privacy change, clinic details or
practitioner edit reaches the next anonymous visitor, and a cache restored from an old snapshot never
serves what changed since."""

import shutil

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from clinic_site.models import ClinicSettings
from tests import factories


def visitor():
    """A fresh anonymous browser."""
    return Client()


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").find("main").get_text(" ")


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
def test_a_cache_restored_from_an_old_snapshot_never_serves_what_changed_since(
    cache_on, publish, condition, settings, tmp_path
):
    """A cache restarted from its saved file (Redis's snapshot, or a promoted replica) holds pages from
    before a publish: the generation lives in the database, so those pages are never read again. Here
    the cache keeps its entries in a folder, copied away and put back as a snapshot would be."""
    folder = tmp_path / "cache"
    in_folder = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(folder)}
    settings.CACHES = {**settings.CACHES, settings.PAGE_CACHE_ALIAS: in_folder}
    visitor().get(condition.url)
    assert visitor().get(condition.url)["X-Cache"] == "HIT"
    shutil.copytree(folder, tmp_path / "snapshot")

    page = type(condition).objects.get(pk=condition.pk)
    page.summary = "Published while the cache was away."
    publish(page.save_revision().publish)
    shutil.rmtree(folder)
    shutil.copytree(tmp_path / "snapshot", folder)

    response = visitor().get(condition.url)
    assert response["X-Cache"] == "MISS"
    assert b"Published while the cache was away." in response.content
