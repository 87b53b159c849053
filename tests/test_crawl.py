"""Every internal link on the demo site works, and every page can be reached from the home page.

A crawler starts at "/" and follows every same-site link in links, stylesheets, icons, feeds, images
and srcsets (never into /admin/). Pages are parsed for more links; static files, images and feeds are
fetched and must answer 200 too. The demo clinic is loaded once for the module and rolled back after.
Navigation (the main menu and the footer, built from the page tree) is checked on the same site.
"""

from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import transaction
from django.test import Client, override_settings
from wagtail.models import Site

from demo.loader import load_demo_content

pytestmark = pytest.mark.django_db

SITE_HOSTS = {"testserver", "localhost"}
LINK_ATTRIBUTES = [("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("form", "action")]
SRCSET_TAGS = ("img", "source")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("crawl-media")
    # WhiteNoise serves the stylesheet and icons from the source folders, as it does with DEBUG on.
    with override_settings(MEDIA_ROOT=str(media), WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        with django_db_blocker.unblock(), transaction.atomic():
            load_demo_content()
            yield Site.objects.get(is_default_site=True).root_page.specific
            transaction.set_rollback(True)
    for cache in caches.all():
        cache.clear()


def same_site_path(base, href):
    """The path and query of ``href`` if it points into this site (not the admin), else None."""
    if not href or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    url = urldefrag(urljoin(base, href.strip())).url
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or parts.hostname not in SITE_HOSTS:
        return None
    if parts.path.startswith("/admin/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def links_in(html, base):
    found = set()
    for tag, attribute in LINK_ATTRIBUTES:
        for element in html.find_all(tag):
            if tag == "form" and element.get("method", "get").lower() != "get":
                continue
            found.add(same_site_path(base, element.get(attribute)))
    for tag in SRCSET_TAGS:
        for element in html.find_all(tag, srcset=True):
            for candidate in element["srcset"].split(","):
                found.add(same_site_path(base, candidate.strip().split(" ")[0]))
    found.discard(None)
    return found


def crawl(client, start="/"):
    """Fetch everything reachable from ``start``: {path: (status, content type, parsed HTML or None)}."""
    seen = {start: None}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code in (301, 302, 303, 307, 308):
            target = same_site_path(f"http://testserver{path}", response["Location"])
            seen[path] = (response.status_code, "", None)
            if target and target not in seen:
                seen[target] = None
                queue.append(target)
            continue
        content_type = response.get("Content-Type", "")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        html = BeautifulSoup(body, "html.parser") if content_type.startswith("text/html") else None
        seen[path] = (response.status_code, content_type, html)
        if html is not None and response.status_code == 200:
            for link in links_in(html, f"http://testserver{path}"):
                if link not in seen:
                    seen[link] = None
                    queue.append(link)
    return seen


@pytest.fixture(scope="module")
def crawled(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return crawl(Client())


def live_pages(home):
    return [page.specific for page in home.get_descendants(inclusive=True).live().public()]


def test_every_link_answers_without_error(crawled):
    failures = {path: status for path, (status, _type, _html) in crawled.items() if status >= 400}
    assert failures == {}
    kinds = {content_type.split(";")[0] for _status, content_type, _html in crawled.values()}
    assert {"text/html", "text/css", "image/png"} <= kinds, kinds
    assert any(path.startswith("/media/") for path in crawled), "the crawl fetched images"
    assert any(path.startswith("/feeds/") for path in crawled), "the crawl fetched the feeds"


def test_every_live_page_is_reachable_from_the_home_page(crawled, demo):
    reached = {urlsplit(path).path for path, (status, _type, _html) in crawled.items() if status == 200}
    missing = [page.url for page in live_pages(demo) if page.url not in reached]
    assert missing == []


def test_every_page_below_home_has_breadcrumbs_to_its_ancestors(crawled, demo):
    for page in live_pages(demo):
        html = crawled[page.url][2]
        nav = html.find("nav", attrs={"aria-label": "Breadcrumb"})
        if page.depth == 2:
            assert nav is None
            continue
        assert nav is not None, page.url
        ancestors = page.get_ancestors().filter(depth__gte=2)
        assert [a["href"] for a in nav.find_all("a")] == [ancestor.url for ancestor in ancestors]
        assert nav.find(attrs={"aria-current": "page"}).get_text(strip=True) == page.title


def test_every_page_has_its_own_title(crawled, demo):
    titles = {page.url: crawled[page.url][2].title.get_text() for page in live_pages(demo)}
    assert len(set(titles.values())) == len(titles), titles


def test_main_menu_shows_show_in_menus_pages_and_the_footer_lists_every_section(client, demo):
    def menus():
        html = BeautifulSoup(client.get("/").content, "html.parser")
        main = [a["href"] for a in html.find("nav", attrs={"aria-label": "Main"}).find_all("a")]
        footer = [a["href"] for a in html.find("nav", attrs={"aria-label": "Footer"}).find_all("a")]
        return main, footer

    children = [page.specific for page in demo.get_children().live()]
    in_menu = [page.url for page in children if page.show_in_menus]
    main, footer = menus()
    assert main == in_menu
    assert footer == [page.url for page in children]

    # Staff change the menu in the page's promote tab ("Show in menus").
    about = next(page for page in children if page.show_in_menus and page.slug == "about")
    privacy = next(page for page in children if not page.show_in_menus)
    about.show_in_menus = False
    about.save_revision().publish()
    privacy.show_in_menus = True
    privacy.save_revision().publish()
    main, footer = menus()
    assert about.url not in main and privacy.url in main
    assert about.url in footer and privacy.url in footer


def test_article_pages_link_to_related_articles_and_the_next_article(crawled, demo):
    from articles.models import ArticlePage

    articles = list(ArticlePage.objects.live().descendant_of(demo).order_by("-first_published_at"))
    assert len(articles) >= 2
    for position, article in enumerate(articles):
        html = crawled[article.url][2]
        nav = html.find("nav", attrs={"aria-label": "Next article"})
        expected = articles[(position + 1) % len(articles)]
        assert nav.a["href"] == expected.url, article.title
        assert html.find(id="article-related") is not None, article.title
