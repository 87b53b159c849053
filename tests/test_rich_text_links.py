"""Links to pages inside rich text: the right address, and one query for all of a page's links."""

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
