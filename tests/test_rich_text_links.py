"""Links to other pages: inside rich text (Wagtail's page link handler gives the right address, also
after a page moves) and chosen in blocks (the site shows them; the admin's editor gets the whole page)."""

import html
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.rich_text import expand_db_html

from tests import factories

pytestmark = pytest.mark.django_db


def link(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def article_hrefs(article):
    response = Client().get(article.url)
    assert response.status_code == 200
    body = BeautifulSoup(response.content, "html.parser").find("main")
    return {anchor.get_text(): anchor["href"] for anchor in body.select(".prose a")}


def test_every_page_link_of_an_article_goes_to_the_linked_page_and_follows_a_rename():
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
    hrefs = article_hrefs(article)
    assert hrefs["neck pain"] == neck.url == "/conditions/neck-pain/"
    assert hrefs["cupping"] == cupping.url
    assert hrefs["desk posture"] == other.url

    cupping.slug = "fire-cupping"
    cupping.save_revision().publish()
    assert article_hrefs(article)["cupping"] == "/treatments/fire-cupping/"


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


def test_chosen_pages_show_on_the_site():
    article, other, neck = article_with_chosen_pages()
    response = Client().get(article.url)
    main = BeautifulSoup(response.content, "html.parser").find("main")
    card = main.select_one(".related")
    assert card.a["href"] == other.url and card.a.get_text() == "Desk posture"
    assert "Screens at eye level" in card.get_text()
    assert main.select_one(".cta a")["href"].endswith(f"?condition={neck.slug}&from={article.pk}")


def test_the_admin_editor_gets_the_whole_chosen_page(client, superuser):
    article, other, _neck = article_with_chosen_pages()
    factories.sign_in(client, superuser)
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
