"""A public URL finds its page in one query (articles/routing.py), and a change to the page tree is seen
on the next request.

These tests commit for real (``transaction=True``): the map of the site's pages lives in the shared
cache, which is only used outside a transaction and refreshed when a change commits.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from articles.models import ArticleIndexPage, ArticlePage
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("empty_caches"),
]


def get(url):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    return response, [query["sql"] for query in queries]


def test_an_article_is_found_with_one_query_on_the_page_tree():
    article = factories.make_article("Desk posture", conditions=[factories.make_condition("Neck pain")])
    # The first visit creates the clinic details (a change that starts a new generation); the second
    # fills the shared cache: the site, the map of pages, the restrictions.
    get(article.url)
    get(article.url)

    response, queries = get(article.url)

    assert response.status_code == 200 and b"Desk posture" in response.content
    assert not any('FROM "wagtailcore_site"' in sql for sql in queries)
    assert not any('"wagtailcore_page"."slug" =' in sql for sql in queries)  # no level-by-level walk
    assert not any('FROM "wagtailcore_pageviewrestriction"' in sql for sql in queries)
    assert not any(
        'FROM "articles_homepage"' in sql or 'FROM "articles_articleindexpage"' in sql for sql in queries
    )


def test_breadcrumbs_come_from_the_map_with_working_links():
    article = factories.make_article("Pillows and neck pain")
    get(article.url)
    response, _ = get(article.url)

    crumbs = BeautifulSoup(response.content, "html.parser").select("nav.breadcrumbs a")
    assert [(link.get_text(strip=True), link["href"]) for link in crumbs] == [
        ("Home", "/"),
        ("Resources", "/resources/"),
    ]
    assert get("/resources/")[0].status_code == 200


def test_a_renamed_page_answers_at_its_new_address_on_the_next_request():
    article = factories.make_article("Jaw tension")
    old_url = article.url
    assert get(old_url)[0].status_code == 200

    article = ArticlePage.objects.get(pk=article.pk)
    article.slug = "jaw-tension-and-headaches"
    article.save_revision().publish()

    response, _ = get("/resources/jaw-tension-and-headaches/")
    assert response.status_code == 200 and b"Jaw tension" in response.content
    assert get(old_url)[0].status_code in (301, 302, 404)  # Wagtail's redirect or gone, never the page


def test_a_moved_page_answers_at_its_new_address_on_the_next_request():
    about = factories.make_standard_page("About us")
    team = factories.make_standard_page("Our team")
    old_url = team.url
    assert get(old_url)[0].status_code == 200

    team.move(about, pos="last-child")
    team = Page.objects.get(pk=team.pk)

    assert team.url.startswith(about.url)
    response, _ = get(team.url)
    assert response.status_code == 200 and b"Our team" in response.content
    crumbs = BeautifulSoup(response.content, "html.parser").select("nav.breadcrumbs a")
    assert [link.get_text(strip=True) for link in crumbs] == ["Home", "About us"]


def test_unpublished_and_draft_pages_are_not_found():
    article = factories.make_article("Short-lived advice")
    draft = factories.make_article("Not ready yet", live=False)
    assert get(article.url)[0].status_code == 200
    assert get(draft.url)[0].status_code == 404

    ArticlePage.objects.get(pk=article.pk).unpublish()

    assert get(article.url)[0].status_code == 404
    assert get("/resources/no-such-article/")[0].status_code == 404


def test_a_restriction_added_after_the_page_was_served_applies_at_once():
    article = factories.make_article("Members only")
    assert get(article.url)[0].status_code == 200

    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=article.get_parent().pk),
        restriction_type=PageViewRestriction.PASSWORD,
        password="swordfish-9",
    )

    response, _ = get(article.url)
    assert response.status_code == 200
    assert b"Members only" not in response.content
    assert b'name="password"' in response.content
    assert "Members only" not in get("/resources/")[0].content.decode()


def test_a_page_type_that_routes_itself_is_left_to_it(monkeypatch):
    article = factories.make_article("Routed by its index")
    seen = []

    def route(self, request, path_components):
        seen.append(list(path_components))
        return Page.route(self, request, path_components)

    monkeypatch.setattr(ArticleIndexPage, "route", route, raising=False)
    response, _ = get(article.url)

    assert response.status_code == 200 and b"Routed by its index" in response.content
    assert seen == [[article.slug]]


def test_each_host_gets_its_own_site():
    from wagtail.models import Site

    factories.make_home()
    other_home = Page.get_first_root_node().add_child(
        instance=factories.StandardPage(title="Second clinic", slug="second-clinic", summary="Another site.")
    )
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_home, is_default_site=False)

    for _ in range(2):  # the second time from the shared cache
        assert b"Second clinic" in Client(HTTP_HOST="127.0.0.1").get("/").content
        assert b"Second clinic" not in Client(HTTP_HOST="localhost").get("/").content


def next_article_title(article):
    nav = BeautifulSoup(get(article.url)[0].content, "html.parser").find(
        "nav", attrs={"aria-label": "Next article"}
    )
    return nav.a.get_text(strip=True) if nav else None


def test_the_next_article_follows_publishing_unpublishing_and_restrictions():
    oldest = factories.make_article("Oldest advice")
    middle = factories.make_article("Middle advice")
    newest = factories.make_article("Newest advice")
    assert next_article_title(newest) == "Middle advice"
    assert next_article_title(middle) == "Oldest advice"
    assert next_article_title(oldest) == "Newest advice"  # the oldest wraps round to the newest

    ArticlePage.objects.get(pk=middle.pk).unpublish()
    assert next_article_title(newest) == "Oldest advice"

    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=oldest.pk), restriction_type=PageViewRestriction.LOGIN
    )
    assert next_article_title(newest) is None


def related_titles(article):
    soup = BeautifulSoup(get(article.url)[0].content, "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "article-related"})
    return [title.get_text(strip=True) for title in section.select(".card__title")] if section else []


def test_related_articles_follow_publishing_and_restrictions():
    neck = factories.make_condition("Neck pain")
    migraine = factories.make_condition("Migraine")
    reader = factories.make_article("Desk posture", conditions=[neck])
    factories.make_article("Pillows", conditions=[neck])
    factories.make_article("Aura", conditions=[migraine])
    assert related_titles(reader) == ["Pillows"]

    newer = factories.make_article("Driving and neck pain", conditions=[migraine, neck])
    assert related_titles(reader) == ["Driving and neck pain", "Pillows"]  # newest first

    for title in ("Screens", "Sleep", "Stress"):
        factories.make_article(title, conditions=[neck])
    assert related_titles(reader) == ["Stress", "Sleep", "Screens"]  # three at most

    for article in ArticlePage.objects.filter(title__in=["Stress", "Sleep"]):
        article.unpublish()
    PageViewRestriction.objects.create(
        page=Page.objects.get(title="Screens"), restriction_type=PageViewRestriction.LOGIN
    )
    assert related_titles(reader) == [newer.title, "Pillows"]
