"""What crawlers and feed readers get: /sitemap.xml, /robots.txt and the RSS and Atom article feeds."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def tree(home):
    """Live pages of every type, plus a draft, an unpublished page and a page behind a password."""
    condition = factories.make_condition("Neck pain", slug="neck-pain")
    author = factories.make_practitioner("Ada Writer", credentials="DACM, L.Ac.")
    published = [
        factories.make_article(f"Published {n}", conditions=[condition], author=author) for n in range(3)
    ]
    draft = factories.make_article("Draft article", conditions=[condition], live=False)
    withdrawn = factories.make_article("Withdrawn article", conditions=[condition])
    withdrawn.unpublish()
    private = factories.make_article("Private article", conditions=[condition])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret-words")
    factories.make_treatment("Acupuncture")
    factories.make_standard_page("About us")
    hidden_section = factories.make_standard_page("Staff only")
    factories.make_standard_page("Staff rota").move(hidden_section, pos="last-child")
    PageViewRestriction.objects.create(page=hidden_section, restriction_type="login")
    return {
        "published": published,
        "hidden": [draft, withdrawn, private, hidden_section, *hidden_section.get_children()],
        "author": author,
    }


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
        for url in root.findall("sm:url", SITEMAP_NS)
    }


def test_sitemap_lists_exactly_the_live_public_pages_with_lastmod(client, tree):
    entries = sitemap_entries(client)
    home = factories.make_home()
    hidden = {page.pk for page in tree["hidden"]}
    expected = [
        page.specific
        for page in Page.objects.descendant_of(home, inclusive=True).live()
        if page.pk not in hidden
    ]
    assert set(entries) == {page.full_url for page in expected}
    for page in expected:
        changed = page.last_published_at or page.latest_revision_created_at
        if changed:
            assert entries[page.full_url] == timezone.localdate(changed).isoformat(), page.title
    assert all(entries[article.full_url] for article in tree["published"])
    for page in tree["hidden"]:
        assert not any(url.endswith(f"/{page.slug}/") for url in entries), page.title
    assert not any("thank-you" in url or "/admin/" in url for url in entries)


def test_sitemap_follows_publishing(client, tree):
    before = sitemap_entries(client)
    article = tree["published"][0]
    article.refresh_from_db()
    article.unpublish()
    after = sitemap_entries(client)
    assert set(before) - set(after) == {article.full_url}


def test_robots_txt_keeps_crawlers_out_of_private_places_and_points_at_the_sitemap(client, settings, home):
    settings.SEO_INDEXABLE_HOSTS = ["testserver"]
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = [line.strip() for line in response.content.decode().splitlines() if line.strip()]
    assert lines[0] == "User-agent: *"
    disallowed = {line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow:")}
    assert disallowed == {"/admin/", "/search/", "/consultation/thank-you/", "/book/"}
    [sitemap] = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Sitemap:")]
    assert sitemap == "http://localhost/sitemap.xml"
    # Pages stay open to crawlers: nothing disallows the site root or the content sections.
    assert "/" not in disallowed


def test_robots_txt_on_a_host_that_is_not_production_disallows_everything(client, settings, home):
    settings.SEO_INDEXABLE_HOSTS = ["clinic.example"]
    lines = client.get("/robots.txt").content.decode().split()
    assert "Disallow:" in lines
    assert lines[lines.index("Disallow:") + 1] == "/"
    assert "Sitemap:" not in lines


@pytest.mark.parametrize("url", ["/feeds/articles/rss/", "/feeds/articles/atom/"])
def test_feeds_parse_and_list_only_published_articles_newest_first(client, tree, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version in {"rss20", "atom10"}
    assert feed.feed.title.startswith("Articles from ")
    published = sorted(tree["published"], key=lambda page: Page.objects.get(pk=page.pk).first_published_at)
    assert [entry.title for entry in feed.entries] == [page.title for page in reversed(published)]
    for entry, page in zip(feed.entries, reversed(published), strict=True):
        assert entry.link == page.full_url
        assert entry.summary == page.summary
        assert entry.author == "Ada Writer, DACM, L.Ac."
        assert [tag.term for tag in entry.tags] == ["Neck pain"]
        assert entry.published_parsed is not None
    titles = {entry.title for entry in feed.entries}
    for page in tree["hidden"]:
        assert page.title not in titles


def test_feeds_hold_the_latest_twenty(client, condition):
    start = timezone.now() - datetime.timedelta(days=30)
    for day in range(22):
        article = factories.make_article(f"Article {day:02d}", conditions=[condition])
        Page.objects.filter(pk=article.pk).update(first_published_at=start + datetime.timedelta(days=day))
    for url in ("/feeds/articles/rss/", "/feeds/articles/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert [entry.title for entry in feed.entries] == [f"Article {day:02d}" for day in range(21, 1, -1)]


def test_feeds_are_announced_in_the_page_head(client, tree):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get(tree["published"][0].url).content, "html.parser")
    links = html.find_all("link", rel="alternate")
    assert {link["type"] for link in links} == {"application/rss+xml", "application/atom+xml"}
    for link in links:
        assert feedparser.parse(client.get(link["href"]).content).entries
