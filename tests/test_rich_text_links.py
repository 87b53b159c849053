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


def test_every_page_link_of_an_article_resolves_in_one_query():
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
    link_lookups = [
        query
        for query in queries
        if 'FROM "wagtailcore_page" WHERE "wagtailcore_page"."id" IN' in query["sql"]
    ]
    assert len(link_lookups) == 1


def test_a_link_to_a_deleted_page_keeps_its_text_without_an_address():
    gone = factories.make_treatment("Retired treatment")
    source = f"<p>See {link(gone, 'this')}.</p>"
    gone.delete()
    assert expand_db_html(source) == "<p>See <a>this</a>.</p>"
