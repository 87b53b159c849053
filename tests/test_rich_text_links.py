"""Links to other pages: inside rich text (the right address, no query per link) and chosen in blocks
(only what the block shows is read on the site; the admin's editor gets the whole page)."""

import html
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import expand_db_html

from tests import factories

pytestmark = pytest.mark.django_db


def link(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def test_every_page_link_of_an_article_resolves_without_a_query_per_link():
    neck = factories.make_condition("Neck pain")
    cupping = factories.make_treatment("Cupping")
    other = factories.make_article("Desk posture")
    article = factories.make_article(
        "Tension headaches",
        conditions=[neck],
        body=[
            ("paragraph", f"<p>Start with {link(neck, 'neck pain')}.</p>"),
            (
                "paragraph",
                f"<p>Some try {link(cupping, 'cupping')} or read {link(other, 'desk posture')}.</p>",
            ),
            ("paragraph", f"<p>Again: {link(neck, 'neck pain')}.</p>"),
        ],
    )

    with CaptureQueriesContext(connection) as queries:
        response = Client().get(article.url)
    assert response.status_code == 200
    body = BeautifulSoup(response.content, "html.parser").find("main")
    hrefs = {anchor.get_text(): anchor["href"] for anchor in body.select("a")}
    assert hrefs["neck pain"] == neck.url
    assert hrefs["cupping"] == cupping.url
    assert hrefs["desk posture"] == other.url
    # The links come from the directory of pages (read once for the route, the links and the next
    # article: here, inside the test's transaction, once per request), never a query per link.
    link_lookups = [query for query in queries if '"wagtailcore_page"."id" IN' in query["sql"]]
    assert link_lookups == []
    directory = 'SELECT "wagtailcore_page"."id" AS "id", "wagtailcore_page"."content_type_id"'
    directory_reads = [
        query for query in queries if query["sql"].startswith(directory) and "WHERE" not in query["sql"]
    ]
    assert len(directory_reads) == 1


def test_a_link_to_a_deleted_page_keeps_its_text_without_an_address():
    gone = factories.make_treatment("Retired treatment")
    source = f"<p>See {link(gone, 'this')}.</p>"
    gone.delete()
    assert expand_db_html(source) == "<p>See <a>this</a>.</p>"


def article_with_chosen_pages():
    other = factories.make_article("Desk posture", summary="Screens at eye level, elbows at ninety degrees.")
    neck = factories.make_condition("Neck pain")
    article = factories.make_article(
        "Tension headaches",
        body=[
            ("related_article", {"article": other, "label": ""}),
            ("cta", {"title": "Talk to us", "text": "", "button_label": "Book", "condition": neck}),
        ],
    )
    return article, other, neck


def test_chosen_pages_show_on_the_site_without_reading_their_own_content():
    article, other, neck = article_with_chosen_pages()
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(article.url)
    main = BeautifulSoup(response.content, "html.parser").find("main")
    card = main.select_one(".related")
    assert card.a["href"] == other.url and card.a.get_text() == "Desk posture"
    assert "Screens at eye level" in card.get_text()
    assert main.select_one(".cta a")["href"].endswith(f"?condition={neck.slug}&from={article.pk}")
    sql = [query["sql"] for query in queries]
    assert sum('"articles_articlepage"."body"' in query for query in sql) == 1  # the page's own body
    assert not any('"articles_conditionpage"."body"' in query for query in sql)


def test_the_admin_editor_gets_the_whole_chosen_page(client, superuser):
    article, other, _neck = article_with_chosen_pages()
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    states = re.findall(r'data-w-block-arguments-value="([^"]+)"', response.content.decode())
    chosen = [
        block["value"]["article"]
        for state in states
        for block in json.loads(html.unescape(state))[0]
        if isinstance(block, dict) and block.get("type") == "related_article"
    ]
    assert chosen == [
        {
            "id": other.pk,
            "parentId": other.get_parent().pk,
            "adminTitle": "Desk posture",
            "editUrl": f"/admin/pages/{other.pk}/edit/",
        }
    ]
