"""The head of every page: title, description, canonical URL, Open Graph and Twitter tags, share image,
feeds, language and the robots rules (thank-you, search, previews, error pages, non-production hosts)."""

import datetime
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from articles.models import ArticleIndexPage
from articles.renditions import SHARE_IMAGE_SPEC
from clinic_site.models import ClinicSettings
from tests import factories
from tests.factories import edit_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]


@pytest.fixture
def indexable(settings):
    """The test server is a production host, so pages may be indexed."""
    settings.SEO_INDEXABLE_HOSTS = ["testserver"]


@pytest.fixture
def site_pages(home):
    home.hero_text = "Care for neck pain and headaches."
    home.save_revision().publish()
    image = factories.make_image()
    condition = factories.make_condition("Neck pain", slug="neck-pain", image=image)
    article_index = factories.make_article_index()
    for index, intro in [
        (article_index, "<p>Plain-English <b>articles</b> &amp; guides.</p>"),
        (condition.get_parent().specific, "<p>What we treat.</p>"),
        (factories.make_treatment_index(), "<p>How we treat it.</p>"),
    ]:
        index.intro = intro
        index.save_revision().publish()
    return {
        "home": home,
        "condition index": condition.get_parent().specific,
        "condition": condition,
        "treatment": factories.make_treatment("Acupuncture"),
        "treatment index": factories.make_treatment_index(),
        "article": factories.make_article("A stiff neck and headaches", conditions=[condition], image=image),
        "article index": article_index,
        "standard page": factories.make_standard_page("About us"),
    }


def clinic_settings():
    return ClinicSettings.for_site(Site.objects.get(is_default_site=True))


def head_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(html, key):
    tag = html.find("meta", attrs={"property": key}) or html.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def link(html, rel):
    tag = html.find("link", rel=rel)
    return tag["href"] if tag else None


def test_every_page_type_says_what_it_is(client, indexable, site_pages):
    clinic = clinic_settings()
    titles = set()
    for kind, page in site_pages.items():
        html = head_of(client.get(page.url))
        title = html.title.get_text()
        assert title.endswith(f" · {clinic.name}") or kind == "home", title
        titles.add(title)
        assert html.html["lang"] == "en-US"
        assert meta(html, "description"), kind
        assert link(html, "canonical") == page.full_url
        assert page.full_url.startswith("http://localhost/")
        assert meta(html, "og:url") == page.full_url
        assert meta(html, "og:title") == (clinic.name if kind == "home" else page.title)
        assert meta(html, "og:description") == meta(html, "description")
        assert meta(html, "og:type") == ("article" if kind == "article" else "website")
        assert meta(html, "og:site_name") == clinic.name
        assert meta(html, "og:locale") == "en_US"
        assert meta(html, "twitter:title") == meta(html, "og:title")
        assert meta(html, "twitter:card") in {"summary", "summary_large_image"}
        assert meta(html, "robots") is None, f"{kind} must be indexable on a production host"
        feeds = {tag["type"]: tag["href"] for tag in html.find_all("link", rel="alternate")}
        assert set(feeds) == {"application/rss+xml", "application/atom+xml"}
        for href in feeds.values():
            assert client.get(href).status_code == 200
        assert len(html.find_all("script", type="application/ld+json")) == 1
    assert len(titles) == len(site_pages), "every page has its own title"


def test_article_head_has_publication_times_section_and_large_image(client, indexable, site_pages):
    article = site_pages["article"]
    article.refresh_from_db()
    html = head_of(client.get(article.url))
    published = datetime.datetime.fromisoformat(meta(html, "article:published_time"))
    assert published == article.first_published_at.replace(microsecond=0)
    assert datetime.datetime.fromisoformat(meta(html, "article:modified_time")) >= published
    assert meta(html, "article:section") == "Neck pain"
    assert meta(html, "twitter:card") == "summary_large_image"
    image_url = meta(html, "og:image")
    assert image_url.startswith("http://localhost/") and "fill-1280x720" in image_url
    rendition = article.image.get_rendition(SHARE_IMAGE_SPEC)  # small originals are not enlarged
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == (
        str(rendition.width),
        str(rendition.height),
    )
    assert round(rendition.width / rendition.height, 1) == round(16 / 9, 1)
    assert meta(html, "og:image:alt") == article.image.description
    assert meta(html, "twitter:image") == image_url
    assert client.get(urlsplit(image_url).path).status_code == 200


def test_description_falls_back_from_seo_field_to_summary_to_intro(client, indexable, site_pages):
    article = site_pages["article"]
    assert meta(head_of(client.get(article.url)), "description") == article.summary
    article.search_description = "Written for search engines."
    article.seo_title = "Stiff neck, headache: what helps"
    article.save_revision().publish()
    html = head_of(client.get(article.url))
    assert meta(html, "description") == "Written for search engines."
    assert html.title.get_text().startswith("Stiff neck, headache: what helps · ")
    assert meta(html, "og:title") == "Stiff neck, headache: what helps"

    index = head_of(client.get(site_pages["article index"].url))
    assert meta(index, "description") == "Plain-English articles & guides."


def test_share_image_is_chosen_then_page_image_then_site_default(client, indexable, site_pages):
    condition = site_pages["condition"]
    standard = site_pages["standard page"]
    chosen = factories.make_image(title="chosen")
    default = factories.make_image(title="site-default")
    clinic = clinic_settings()
    clinic.default_share_image = default
    clinic.save()

    def shared(image):
        return f"http://localhost{image.get_rendition(SHARE_IMAGE_SPEC).url}"

    assert meta(head_of(client.get(condition.url)), "og:image") == shared(condition.image)
    assert meta(head_of(client.get(standard.url)), "og:image") == shared(default)

    condition.share_image = chosen
    condition.save_revision().publish()
    assert meta(head_of(client.get(condition.url)), "og:image") == shared(chosen)

    clinic.default_share_image = None
    clinic.save()
    html = head_of(client.get(standard.url))
    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"


def test_share_image_costs_no_query(client, condition, count_queries):
    """The share image comes with the page (select_related), so choosing one adds no query."""
    first = factories.make_article("First", conditions=[condition], image=factories.make_image())
    second = factories.make_article("Second", conditions=[condition], image=factories.make_image())
    second.share_image = factories.make_image()
    second.save_revision().publish()
    assert count_queries(client, first.url) == count_queries(client, second.url)


def test_second_page_of_a_listing_is_its_own_canonical(client, indexable, site_pages, monkeypatch):
    monkeypatch.setattr(ArticleIndexPage, "per_page", 1)
    factories.make_article("Another article", conditions=[site_pages["condition"]])
    index = site_pages["article index"]
    assert link(head_of(client.get(index.url)), "canonical") == index.full_url
    html = head_of(client.get(f"{index.url}?page=2"))
    assert link(html, "canonical") == f"{index.full_url}?page=2"
    assert "(page 2)" in html.title.get_text()
    pager = BeautifulSoup(client.get(f"{index.url}?page=2").content, "html.parser").find(
        "nav", attrs={"aria-label": "Pages"}
    )
    assert pager.find("a", rel="prev")["href"] == "?page=1"


def test_views_outside_the_tree_have_a_canonical_without_the_query(client, indexable, condition):
    html = head_of(client.get("/consultation/?condition=neck-pain&from=3"))
    assert link(html, "canonical") == "http://localhost/consultation/"
    assert meta(html, "robots") is None
    assert len(html.find_all("script", type="application/ld+json")) == 1


# --- Robots -------------------------------------------------------------------------------------


def test_thank_you_and_search_results_are_never_indexed(client, indexable, home):
    for url in ("/consultation/thank-you/", "/search/?q=neck", "/search/"):
        html = head_of(client.get(url))
        assert "noindex" in {
            value.strip()
            for tag in html.find_all("meta", attrs={"name": "robots"})
            for value in tag["content"].split(",")
        }, url
        assert link(html, "canonical") is None, url


def test_error_pages_are_not_indexed(client, indexable, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert "noindex" in meta(html, "robots")
    assert link(html, "canonical") is None


def test_previews_are_not_indexed(indexable, condition, superuser):
    admin = Client()
    factories.sign_in(admin, superuser)
    preview_url = f"/admin/pages/{condition.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": "Preview title",
            "slug": condition.slug,
            "summary": condition.summary,
            "body": streamfield([]),
            "show_red_flags": "on",
        }
    )
    assert admin.post(preview_url, data).json()["is_valid"]
    html = BeautifulSoup(admin.get(preview_url).content, "html.parser")
    assert "Preview title" in html.title.get_text()
    assert meta(html, "robots") == "noindex, nofollow"
    assert link(html, "canonical") is None


def test_other_hosts_are_never_indexed(client, settings, condition):
    settings.SEO_INDEXABLE_HOSTS = ["clinic.example"]
    settings.ALLOWED_HOSTS = ["testserver", "clinic.example"]
    assert meta(head_of(client.get(condition.url)), "robots") == "noindex, nofollow"
    assert meta(head_of(client.get(condition.url, HTTP_HOST="clinic.example")), "robots") is None
    # The canonical URL names the site's address whichever host was asked.
    assert link(head_of(client.get(condition.url)), "canonical") == condition.full_url


def test_nothing_is_indexable_until_production_hosts_are_configured(client, settings, condition):
    settings.SEO_INDEXABLE_HOSTS = []
    assert meta(head_of(client.get(condition.url)), "robots") == "noindex, nofollow"


# --- Editors ------------------------------------------------------------------------------------


def test_editors_choose_the_share_image_in_the_promote_tab(client, superuser, condition):
    factories.sign_in(client, superuser)
    edit_url = f"/admin/pages/{condition.pk}/edit/"
    html = BeautifulSoup(client.get(edit_url).content, "html.parser")
    text = " ".join(html.get_text(" ").split())
    assert html.find(attrs={"name": "share_image"}) is not None
    for guidance in ("under about 60 characters", "about 120–160 characters", "1200 × 630 pixels"):
        assert guidance in text, guidance
    image = factories.make_image()
    data = edit_form_data(condition)
    data.update({"share_image": str(image.pk), "action-publish": "action-publish"})
    assert client.post(edit_url, data).status_code == 302
    condition.refresh_from_db()
    assert condition.share_image_id == image.pk
