"""Public addresses: Wagtail routes every URL to its page (a section finds its child as its own type, with
what it shows, in one query), and a change to the page tree is seen on the next request."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from articles.models import ArticlePage
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]


def get(url):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    return response, [query["sql"] for query in queries]


def test_an_article_is_routed_with_its_picture_and_people_in_one_query():
    author = factories.make_practitioner("Ada Writer")
    article = factories.make_article(
        "Desk posture",
        conditions=[factories.make_condition("Neck pain")],
        author=author,
        image=factories.make_image(),
    )
    get(article.url)

    response, queries = get(article.url)

    assert (
        response.status_code == 200
        and b"Desk posture" in response.content
        and b"Ada Writer" in response.content
    )
    article_reads = [sql for sql in queries if 'FROM "articles_articlepage"' in sql and '"slug" =' in sql]
    assert len(article_reads) == 1
    assert (
        'JOIN "articles_clinicimage"' in article_reads[0]
        and 'JOIN "articles_practitioner"' in article_reads[0]
    )
    assert not any('FROM "articles_practitioner"' in sql and "JOIN" not in sql for sql in queries)
    # The breadcrumbs and the structured data use the parents the page was routed through.
    tree_walks = [
        sql
        for sql in queries
        if '"wagtailcore_page"."path" IN (' in sql or '"wagtailcore_page"."path" = ' in sql
    ]
    assert tree_walks == []
    crumbs = BeautifulSoup(response.content, "html.parser").select("nav.breadcrumbs a")
    assert [link.get_text(strip=True) for link in crumbs] == ["Home", "Resources"]


def test_breadcrumbs_link_to_the_sections_above():
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


def test_each_host_gets_its_own_site():
    from wagtail.models import Site

    factories.make_home()
    other_home = Page.get_first_root_node().add_child(
        instance=factories.StandardPage(title="Second clinic", slug="second-clinic", summary="Another site.")
    )
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_home, is_default_site=False)

    for _ in range(2):
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
