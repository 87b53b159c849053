"""Site search on the demo clinic: it finds articles by the words in them, shows matches highlighted and
paginated, helps when nothing matches, survives hostile input, and stores or logs nothing.

The demo clinic is loaded and indexed once for the module (``update_index``, what the task worker does
page by page after each publish) inside a transaction rolled back afterwards. Run against PostgreSQL,
the same tests exercise PostgreSQL's full-text search.
"""

import io
import logging
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage, ConditionPage, StandardPage, TreatmentPage
from articles.views import MAX_QUERY_LENGTH, clean_query, highlight, highlight_pattern, search_terms

pytestmark = pytest.mark.django_db

TAG = re.compile(r"<[^>]+>")
NON_TEXT_KEYS = {"id", "type", "level", "variant", "image", "article", "condition"}
HOSTILE_QUERIES = [
    "",
    "   ",
    "\x00",
    "neck\x00pain",
    '"',
    "'",
    '"neck',
    "neck' OR '1'='1",
    "'; DROP TABLE wagtailcore_page; --",
    "NEAR(neck pain)",
    "neck*",
    "*",
    "-neck",
    "+-+",
    "title:neck",
    "neck AND OR NOT",
    "<script>alert('q')</script>",
    '"><img src=x onerror=alert(1)>',
    "%",
    "_",
    "\\",
    "🙂 neck",
    "日本語の検索",
    "Ünïcödé kopfschmerzen",
    "\u202eneck\u200b",
    "a" * 5000,
    "neck " * 400,
]


@pytest.fixture(scope="module")
def demo(demo, django_db_blocker):
    """The demo clinic (tests/conftest.py) with its search index built; rolled back with it."""
    with django_db_blocker.unblock():
        call_command("update_index", stdout=io.StringIO())
    return demo


def words_of(value):
    """Every word a reader sees in stored StreamField data."""
    if isinstance(value, str):
        return re.findall(r"[^\W\d_]+", TAG.sub(" ", value))
    if isinstance(value, dict):
        return [word for key, item in value.items() if key not in NON_TEXT_KEYS for word in words_of(item)]
    if isinstance(value, list):
        return [word for item in value for word in words_of(item)]
    return []


def searchable_pages(home):
    return [
        page.specific
        for page in home.get_descendants().live().type(ArticlePage, ConditionPage, TreatmentPage)
    ]


def page_words(page):
    text_fields = [page.title, getattr(page, "summary", ""), getattr(page, "alternate_names", "")]
    words = words_of(text_fields + [getattr(page, "symptoms", "")]) + words_of(list(page.body.raw_data))
    return {word.lower() for word in words}


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_links(html):
    return [a["href"] for a in html.select("main ol.link-list > li > a")]


def body_only_word(article, pages):
    """A word from the article's body, not in its title or summary, found in as few pages as possible."""
    counts = Counter(word for page in pages for word in page_words(page))
    shown = {word.lower() for word in words_of([article.title, article.summary])}
    candidates = {word.lower() for word in words_of(list(article.body.raw_data))} - shown
    candidates = [word for word in candidates if len(word) >= 7 and word.isascii()]
    return min(candidates, key=lambda word: (counts[word], word))


# --- Finding things --------------------------------------------------------------------------------


def test_each_demo_article_is_found_by_a_word_from_its_body(client, demo):
    pages = searchable_pages(demo)
    articles = [page for page in pages if isinstance(page, ArticlePage)]
    assert len(articles) >= 3
    for article in articles:
        word = body_only_word(article, pages)
        html = search(client, word)
        links = result_links(html)
        assert article.url in links, f"“{word}” did not find {article.title}"
        item = html.find("a", href=article.url).parent
        marked = {mark.get_text().lower() for mark in item.find_all("mark")}
        assert any(text.startswith(word[:-1]) for text in marked), (word, marked)


def test_only_live_public_articles_conditions_and_treatments_are_found(client, demo):
    pages = searchable_pages(demo)
    article = next(page for page in pages if isinstance(page, ArticlePage))
    word = body_only_word(article, pages)
    assert article.url in result_links(search(client, word))

    article.unpublish()
    assert article.url not in result_links(search(client, word))

    condition = next(page for page in pages if isinstance(page, ConditionPage))
    restricted_word = condition.title.split()[0]
    assert condition.url in result_links(search(client, restricted_word))
    PageViewRestriction.objects.create(page=condition, restriction_type="password", password="hush-hush")
    assert condition.url not in result_links(search(client, restricted_word))

    privacy = StandardPage.objects.live().filter(title__icontains="privacy").first()
    assert privacy is not None
    assert privacy.url not in result_links(search(client, "privacy"))


def test_results_are_paginated_and_keep_the_query(client, demo):
    html = search(client, "neck")
    heading = html.find(id="search-results-heading").get_text()
    total = int(heading.split()[0])
    assert total > 10, "the demo has more than one page of neck results"
    first = result_links(html)
    assert len(first) == 10
    pager = html.find("nav", attrs={"aria-label": "Search result pages"})
    next_link = pager.find("a", rel="next")["href"]
    assert "q=neck" in next_link and "page=2" in next_link
    second = result_links(search(client, "neck", page=2))
    assert len(first) + len(second) == total
    assert not set(first) & set(second)
    for bad in ("abc", "-1", "0", "99999999999999999999"):
        assert result_links(search(client, "neck", page=bad))


def test_every_word_first_then_any_word(client, demo):
    both = result_links(search(client, "trapezius headache"))
    assert both
    html = search(client, "trapezius qqqzzzunknown")
    assert "No page has all of those words" in html.get_text()
    assert result_links(html)


def test_no_results_offer_the_conditions_and_the_consultation_form(client, demo):
    html = search(client, "qqqzzzunknown")
    main = html.find("main")
    assert "Nothing matched “qqqzzzunknown”" in main.get_text()
    links = {a["href"] for a in main.find_all("a")}
    conditions = ConditionPage.objects.live().descendant_of(demo)
    assert {page.url for page in conditions} <= links
    assert "/conditions/" in links
    assert any(href.startswith("/consultation/") for href in links)


def test_empty_search_shows_just_the_form(client, demo):
    html = search(client, "")
    assert html.find("form", attrs={"role": "search"})
    assert not html.find(id="search-results-heading")


def test_the_form_is_labelled_and_keeps_what_was_typed(client, demo):
    html = search(client, 'neck "pain"')
    form = html.find("form", attrs={"role": "search"})
    assert form["method"] == "get" and form["action"] == "/search/"
    field = form.find("input", attrs={"name": "q"})
    assert field["type"] == "search"
    assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    assert field["value"] == 'neck "pain"'


# --- Hostile input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=lambda q: repr(q[:20]))
def test_hostile_queries_are_answered_safely(client, demo, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body
    html = BeautifulSoup(body, "html.parser")
    value = html.find("input", attrs={"name": "q"})["value"]
    assert len(value) <= MAX_QUERY_LENGTH
    assert "\x00" not in value
    assert ArticlePage.objects.live().exists(), "the pages are still there"


def test_undecodable_query_bytes_are_answered(client, demo):
    response = client.get("/search/?q=%ED%A0%80%FF%00neck&page=%FF")
    assert response.status_code == 200


def test_query_cleaning():
    assert clean_query("  neck\x00\x01 \u200bpain\t\n") == "neck pain"
    assert clean_query("x" * 1000) == "x" * MAX_QUERY_LENGTH
    assert search_terms("neck' OR '1'='1 -- NEAR(a*)") == ["neck", "OR", "1", "NEAR", "a"]
    assert search_terms("Neck neck NECK") == ["Neck"]
    assert len(search_terms(" ".join(f"w{n}" for n in range(50)))) == 12


def test_highlighting_escapes_everything_but_the_marks():
    pattern = highlight_pattern(["neck", "amp", "headaches"])
    assert str(highlight("<b>Neck</b> & a headache", pattern)) == (
        "&lt;b&gt;<mark>Neck</mark>&lt;/b&gt; &amp; a <mark>headache</mark>"
    )
    assert str(highlight("<script>", None)) == "&lt;script&gt;"


# --- Privacy ---------------------------------------------------------------------------------------


def table_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def test_searches_are_neither_stored_nor_logged(client, demo, caplog):
    assert "wagtail.contrib.search_promotions" not in settings.INSTALLED_APPS
    before = table_counts()
    marker = "zygomaticusmarker"
    with caplog.at_level(logging.DEBUG):
        response = client.get("/search/", {"q": f"migraine {marker}"})
        search(client, f"{marker} neck", page=2)
    assert response.status_code == 200
    assert table_counts() == before, "a search wrote to the database"
    logged = " ".join(f"{record.getMessage()} {record.args}" for record in caplog.records)
    assert marker not in logged
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_every_page_offers_the_site_search_in_its_footer(client):
    from bs4 import BeautifulSoup

    from tests import factories

    condition = factories.make_condition("Neck pain search link")
    for url in ("/", condition.url):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        form = html.find("footer").find("form", attrs={"role": "search"})
        assert form["action"] == "/search/" and form["method"] == "get"
        field = form.find("input", attrs={"name": "q"})
        assert form.find("label", attrs={"for": field["id"]})
