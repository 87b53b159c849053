"""The Team page and each practitioner's page (routes of the Team page, drawn from the Practitioner
snippet): routing, structured data, links to them from bylines and calls to action, the sitemap, and the
page cache after a snippet edit."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page

from articles.models import Practitioner, TeamPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(home):
    page = home.add_child(instance=TeamPage(title="Our team", slug="team", intro="<p>Meet the clinic.</p>"))
    page.save_revision().publish()
    return page


@pytest.fixture
def maya(condition):
    practitioner = factories.make_practitioner(
        "Maya Chen", credentials="DACM, L.Ac.", languages="English, Mandarin"
    )
    practitioner.conditions.add(condition)
    practitioner.save()
    return practitioner


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def graph(response):
    script = soup(response).find("script", type="application/ld+json")
    return json.loads(script.string)["@graph"]


def query(url):
    return parse_qs(urlsplit(url).query)


def test_a_practitioner_gets_a_slug_from_their_name_unique_among_practitioners(db):
    first = factories.make_practitioner("Maya Chen")
    second = factories.make_practitioner("Maya Chen")
    assert (first.slug, second.slug) == ("maya-chen", "maya-chen-2")


def test_the_team_page_lists_practitioners_linking_to_their_pages(client, team, maya):
    page = soup(client.get("/team/"))
    assert "Meet the clinic." in page.main.get_text()
    link = page.main.find("a", string="Maya Chen")
    assert link["href"] == "/team/maya-chen/"


def test_a_practitioner_page_shows_who_they_are_and_what_they_treat(client, team, maya, condition):
    page = soup(client.get("/team/maya-chen/"))
    main = page.main.get_text(" ")
    assert page.h1.get_text() == "Maya Chen, DACM, L.Ac."
    assert "English, Mandarin" in main
    assert page.main.find("a", string="Neck pain")["href"] == condition.url
    assert page.find("span", class_="initials").get_text() == "MC"
    assert page.title.get_text().startswith("Maya Chen, DACM, L.Ac.")
    assert page.find("link", rel="canonical")["href"] == "http://localhost/team/maya-chen/"
    crumbs = [item.get_text(strip=True) for item in page.find("nav", class_="breadcrumbs").find_all("li")]
    assert crumbs == ["Home", "Our team", "Maya Chen, DACM, L.Ac."]


def test_an_unknown_practitioner_is_not_found(client, team, maya):
    assert client.get("/team/nobody/").status_code == 404
    assert client.get("/team/maya-chen/extra/").status_code == 404


def test_the_practitioner_page_says_person_in_json_ld(client, team, maya):
    nodes = graph(client.get("/team/maya-chen/"))
    person = next(node for node in nodes if node["@type"] == "Person")
    page = next(node for node in nodes if node.get("@type") == "ProfilePage")
    assert person["name"] == "Maya Chen"
    assert person["url"] == "http://localhost/team/maya-chen/"
    assert person["knowsLanguage"] == ["English", "Mandarin"]
    assert [about["name"] for about in person["knowsAbout"]] == ["Neck pain"]
    assert page["mainEntity"] == {"@id": person["@id"]}
    assert page["url"] == person["url"]


def test_calls_to_action_carry_the_practitioner_and_the_team_page(client, team, maya):
    factories.make_clinic(online_booking=True)
    page = soup(client.get("/team/maya-chen/"))
    book = page.main.find("a", string="Book with Maya Chen")["href"]
    ask = page.main.find("a", string="Request a consultation with Maya Chen")["href"]
    assert urlsplit(book).path == "/book/"
    assert query(book) == {"practitioner": [str(maya.pk)], "from": [str(team.pk)]}
    assert query(ask) == {"practitioner": [str(maya.pk)], "from": [str(team.pk)]}
    form = soup(client.get(ask))
    assert form.find("select", attrs={"name": "practitioner"}).find("option", selected=True)["value"] == str(
        maya.pk
    )


def test_bylines_and_the_review_line_link_to_the_practitioner_page(client, team, maya, condition):
    article = factories.make_article(conditions=[condition], author=maya, reviewer=maya)
    page = soup(client.get(article.url))
    links = [
        link["href"]
        for link in page.find("div", class_="byline").find_all("a", string="Maya Chen, DACM, L.Ac.")
    ]
    assert links == ["/team/maya-chen/", "/team/maya-chen/"]
    nodes = graph(client.get(article.url))
    article_node = next(node for node in nodes if node.get("author"))
    person = next(node for node in nodes if node["@type"] == "Person")
    assert article_node["author"] == article_node["reviewedBy"] == {"@id": person["@id"]}
    assert person["url"] == "http://localhost/team/maya-chen/"


def test_the_side_column_links_practitioners_to_their_pages(client, team, maya, condition):
    side = soup(client.get(condition.url)).find("aside", class_="side")
    assert side.find("a", string="Maya Chen")["href"] == "/team/maya-chen/"


def test_without_a_team_page_names_are_not_links(client, maya, condition):
    article = factories.make_article(conditions=[condition], author=maya)
    byline = soup(client.get(article.url)).find("div", class_="byline")
    assert byline.find("strong").find("a") is None
    assert soup(client.get(condition.url)).find("aside", class_="side").find("a", string="Maya Chen") is None


def test_the_sitemap_lists_each_practitioner_page(client, team, maya):
    factories.make_practitioner("Sam Ortiz")
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("/team/", "/team/maya-chen/", "/team/sam-ortiz/"):
        assert f"<loc>http://localhost{path}</loc>" in sitemap


def test_a_snippet_edit_shows_on_the_next_anonymous_visit(cache_on, publish, team, maya):
    first = Client().get("/team/maya-chen/")
    assert Client().get("/team/maya-chen/")["X-Cache"] == "HIT"
    maya.job_title = "Head of acupuncture"
    publish(maya.save)
    again = Client().get("/team/maya-chen/")
    assert again["X-Cache"] == "MISS"
    assert "Head of acupuncture" in soup(again).main.get_text()
    assert first.content != again.content


def test_the_team_page_lives_under_home_once(team):
    assert TeamPage.can_create_at(team.get_parent()) is False
    assert Page.objects.type(TeamPage).count() == 1
    assert Practitioner.objects.count() == 0
