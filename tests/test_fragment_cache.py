"""What many pages show (the menu, the footer, teaser cards) is rendered once and cached with
``{% wagtailcache %}`` under the generation, and a change to it shows on the next request."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from clinic_site.models import ClinicSettings
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]


def get_home():
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser"), [query["sql"] for query in queries]


def nav_titles(soup):
    return [link.get_text(strip=True) for link in soup.select("nav.site-nav a")]


def test_menu_is_read_once_and_a_published_change_shows_on_the_next_request():
    home = factories.make_home()
    about = factories.make_standard_page(title="About the clinic")
    about.show_in_menus = False
    about.save_revision().publish()
    ClinicSettings.objects.get_or_create(site=Site.objects.get(is_default_site=True))

    soup, first = get_home()
    assert "About the clinic" not in nav_titles(soup)
    assert "About the clinic" in soup.select_one("footer").get_text()
    _, second = get_home()
    # The home page's children (menu and footer) are no longer queried.
    children = f'"wagtailcore_page"."depth" = {home.depth + 1}'
    assert any(children in sql for sql in first)
    assert not any(children in sql for sql in second)

    about.show_in_menus = True
    about.save_revision().publish()
    soup, _ = get_home()
    assert "About the clinic" in nav_titles(soup)

    factories.make_standard_page(title="Privacy notice").save_revision().publish()
    soup, _ = get_home()
    assert "Privacy notice" in soup.select_one("footer").get_text()


def test_an_edit_to_the_clinic_details_shows_everywhere_on_the_next_request():
    factories.make_home()
    get_home()
    details = ClinicSettings.objects.get()
    details.name = "Harbour Neck Clinic"
    details.save()
    soup, _ = get_home()
    assert "Harbour Neck Clinic" in soup.select_one("header").get_text()

    details.name = "Riverside Headache Clinic"
    details.save()
    soup, _ = get_home()
    assert "Riverside Headache Clinic" in soup.select_one("header").get_text()
    assert "Riverside Headache Clinic" in soup.select_one("footer").get_text()
    assert "Riverside Headache Clinic" in soup.select_one('script[type="application/ld+json"]').string
    assert "Harbour Neck Clinic" not in str(soup)


def test_a_change_that_is_rolled_back_never_shows():
    """Fragments rendered inside a transaction are filed under its generation, which goes with it."""
    from django.db import transaction

    factories.make_home()
    get_home()
    with transaction.atomic():
        details = ClinicSettings.objects.get()
        details.name = "Not committed yet"
        details.save()
        soup, _ = get_home()
        assert "Not committed yet" in soup.select_one("footer").get_text()
        transaction.set_rollback(True)
    soup, _ = get_home()
    assert "Not committed yet" not in soup.get_text()


def test_the_generation_is_read_once_per_request():
    factories.make_article("Posture at the desk", image=factories.make_image())
    get_home()
    soup, queries = get_home()
    assert soup.select(".card picture")  # the home page rendered several cached fragments
    assert sum('FROM "pagecache_generation"' in sql for sql in queries) == 1


def test_a_card_picture_is_looked_up_once_and_a_changed_image_shows_on_the_next_request(monkeypatch):
    from articles.models import ClinicImage

    image = factories.make_image(title="desk-drawing")
    factories.make_article("Screen height", image=image)
    get_home()
    soup, _ = get_home()
    first_src = soup.select_one(".card picture img")["src"]
    looked_up = []
    real_get_renditions = ClinicImage.get_renditions

    def counting(self, *filters):
        looked_up.append(self.pk)
        return real_get_renditions(self, *filters)

    monkeypatch.setattr(ClinicImage, "get_renditions", counting)
    soup, _ = get_home()
    assert soup.select_one(".card picture img")["src"] == first_src
    assert looked_up == []

    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = (
        10,
        10,
        20,
        20,
    )
    image.save()

    soup, _ = get_home()
    assert soup.select_one(".card picture img")["src"] != first_src
    assert image.pk in looked_up


def test_a_teaser_card_is_rendered_once_and_an_edit_shows_on_the_next_request():
    from articles.models import ArticlePage

    article = factories.make_article("Pillow height", summary="A pillow that keeps the neck level.")
    get_home()
    # Changed behind the cache's back (no signal, so no new generation): the stored card still shows.
    ArticlePage.objects.filter(pk=article.pk).update(summary="Changed without telling anyone.")
    soup, _ = get_home()
    assert "A pillow that keeps the neck level." in soup.select_one(".card").get_text()

    page = ArticlePage.objects.get(pk=article.pk)
    page.summary = "Too high or too low, a pillow bends the neck all night."
    page.save_revision().publish()
    soup, _ = get_home()
    assert "bends the neck all night" in soup.select_one(".card").get_text()
