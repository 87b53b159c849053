"""Pages render for patients, and editors can build them in the admin with every block."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from articles.renditions import all_specs
from tests import factories
from tests.factories import edit_form_data


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def list_block(items):
    data = {str(i): {"value": value, "deleted": "", "order": str(i)} for i, value in enumerate(items)}
    data["count"] = str(len(items))
    return data


class EveryPageType(WagtailPageTestCase):
    """Each page type renders, opens in the editor and previews."""

    @classmethod
    def setUpTestData(cls):
        image = factories.make_image()
        cls.condition = factories.make_condition("Neck pain", slug="neck-pain", image=image)
        cls.pages = [
            factories.make_home(),
            cls.condition.get_parent().specific,
            cls.condition,
            factories.make_treatment("Acupuncture"),
            factories.make_treatment("Cupping").get_parent().specific,
            factories.make_article("A stiff neck and headaches", conditions=[cls.condition], image=image),
            factories.make_article_index(),
            factories.make_standard_page("About us", show_practitioners=True),
        ]
        factories.make_practitioner("Demo Practitioner").conditions.add(cls.condition)
        # An editor: Wagtail's helpers sign in with force_login and sign out after each check, so the
        # user is one whose role needs no second factor (a superuser would be sent to verify it).
        cls.editor = factories.make_user("every-page-editor", group="Editors")

    def test_renderable_editable_previewable(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, post_data=edit_form_data(page), user=self.editor)
                self.assertPageIsPreviewable(page, post_data=edit_form_data(page), user=self.editor)

    def test_each_page_has_exactly_one_h1(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                html = soup(self.client.get(page.url))
                self.assertEqual(len(html.find_all("h1")), 1)


@pytest.mark.django_db
def test_editor_builds_an_article_with_every_block_through_the_admin(client, superuser, condition):
    """Post the add-page form the way the editor's browser does, then read the blocks back."""
    image = factories.make_image(alt="Muscles at the back of the neck")
    other = factories.make_article("Migraine that starts in the neck", conditions=[condition])
    author = factories.make_practitioner("Writer Demo")
    index = factories.make_article_index()
    body = streamfield(
        [
            (
                "quick_version",
                {"title": "The quick version", "points": list_block(["Point one", "Point two"])},
            ),
            ("paragraph", rich_text("<p>Answer first: a tight neck often feeds headaches.</p>")),
            ("heading", {"text": "Why does my neck hurt?", "level": ""}),
            (
                "faq",
                {
                    "title": "Questions",
                    "items": list_block(
                        [{"question": "Does it hurt?", "answer": rich_text("<p>Barely.</p>")}]
                    ),
                },
            ),
            (
                "callout",
                {"variant": "red_flag", "title": "See a doctor first", "text": rich_text("<p>Fever.</p>")},
            ),
            (
                "steps",
                {
                    "title": "What happens next",
                    "steps": list_block(
                        [{"title": "Book", "text": "Online."}, {"title": "Visit", "text": "60 min"}]
                    ),
                },
            ),
            ("image", {"image": image.pk, "caption": "Neck muscles that refer pain", "alt_override": ""}),
            ("quote", {"text": "My desk was the problem.", "attribution": "A patient"}),
            ("related_article", {"article": other.pk, "label": "Read about migraine"}),
            (
                "cta",
                {
                    "title": "Talk to us",
                    "text": "",
                    "button_label": "Request a consultation",
                    "condition": "",
                },
            ),
        ]
    )
    data = nested_form_data(
        {
            "title": "Every block",
            "slug": "every-block",
            "summary": "An article that uses every block.",
            "condition_links": inline_formset([{"condition": condition.pk}]),
            "body": body,
            "references": streamfield(
                [
                    (
                        "reference",
                        {
                            "authors": "Vickers AJ, Vertosick EA, et al.",
                            "title": "Acupuncture for chronic pain",
                            "source": "The Journal of Pain",
                            "year": "2018",
                            "doi": "https://doi.org/10.1016/j.jpain.2017.11.005",
                            "pubmed_id": "29198932",
                            "url": "",
                        },
                    )
                ]
            ),
            "author": author.pk,
            "action-publish": "action-publish",
        }
    )
    factories.sign_in(client, superuser)
    response = client.post(f"/admin/pages/add/articles/articlepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    article = ArticlePage.objects.get(slug="every-block")
    assert article.live
    assert [block.block_type for block in article.body] == [
        "quick_version",
        "paragraph",
        "heading",
        "faq",
        "callout",
        "steps",
        "image",
        "quote",
        "related_article",
        "cta",
    ]
    [reference] = article.references
    assert reference.value["doi"] == "10.1016/j.jpain.2017.11.005", "the doi.org link kept as the DOI"
    assert reference.value["pubmed_id"] == "29198932"
    html = soup(client.get(article.url))
    main = html.find("main")
    text = main.get_text(" ")
    for expected in [
        "Point two",
        "Answer first",
        "Does it hurt?",
        "See a doctor first",
        "What happens next",
        "Neck muscles that refer pain",
        "My desk was the problem.",
        "Read about migraine",
        "Talk to us",
    ]:
        assert expected in text, expected
    assert main.find("h2", string="Why does my neck hurt?"), "a heading without a level still renders"
    assert main.find("img", alt="Muscles at the back of the neck")
    assert main.find("a", href=other.url)
    assert main.find("ol")


@pytest.mark.django_db
def test_condition_page_lists_exactly_its_published_articles(client, condition):
    other_condition = factories.make_condition("Migraine")
    mine = factories.make_article("About my neck", conditions=[condition])
    shared = factories.make_article("Neck and migraine", conditions=[other_condition, condition])
    factories.make_article("Only migraine", conditions=[other_condition])
    factories.make_article("Neck draft", conditions=[condition], live=False)
    unpublished = factories.make_article("Neck withdrawn", conditions=[condition])
    unpublished.unpublish()

    html = soup(client.get(condition.url))
    linked = {
        a.get_text(strip=True) for a in html.select("main a") if a.get("href") in {mine.url, shared.url}
    }
    assert linked == {"About my neck", "Neck and migraine"}
    text = html.find("main").get_text(" ")
    for absent in ["Only migraine", "Neck draft", "Neck withdrawn"]:
        assert absent not in text


@pytest.mark.django_db
def test_condition_and_article_calls_to_action_carry_the_condition(client, condition):
    article = factories.make_article("Neck article", conditions=[condition])
    for page in (condition, article):
        html = soup(client.get(page.url))
        links = [a for a in html.find_all("a") if a.get("href", "").startswith("/consultation/")]
        assert links, f"no consultation link on {page.title}"
        query = parse_qs(urlsplit(links[0]["href"]).query)
        assert query["condition"] == ["neck-pain"]
        assert query["from"] == [str(page.pk)]
        assert "Request a consultation" in html.get_text()


@pytest.mark.django_db
def test_article_shows_byline_review_date_and_related_articles(client, condition):
    author = factories.make_practitioner("Ada Writer", credentials="DACM, L.Ac.")
    reviewer = factories.make_practitioner("Rae Reviewer", credentials="PT, DPT")
    article = factories.make_article("Main", conditions=[condition], author=author, reviewer=reviewer)
    related = factories.make_article("Sibling", conditions=[condition])
    html = soup(client.get(article.url))
    text = " ".join(html.find("main").get_text(" ").split())
    assert "Ada Writer, DACM, L.Ac." in text
    assert "Rae Reviewer, PT, DPT" in text
    assert html.find("time", attrs={"datetime": article.last_reviewed.isoformat()})
    assert html.find("a", href=related.url)


def make_illustrated_articles(condition, count):
    articles = []
    for _ in range(count):
        image = factories.make_image()
        image.get_renditions(*all_specs())
        body = [("image", {"image": image, "caption": "", "alt_override": ""})]
        articles.append(factories.make_article(conditions=[condition], image=image, body=body))
    return articles


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["article", "condition"])
def test_query_count_does_not_grow_with_related_articles_and_images(client, kind, count_queries):
    counts = {}
    for size in (2, 10):  # at least one related article each time
        condition = factories.make_condition(f"Condition {kind} {size}")
        practitioner = factories.make_practitioner(photo=factories.make_image())
        practitioner.photo.get_renditions(*all_specs())
        practitioner.conditions.add(condition)
        articles = make_illustrated_articles(condition, size)
        page = articles[0] if kind == "article" else condition
        if kind == "article":
            images = [factories.make_image() for _ in range(size)]
            for image in images:
                image.get_renditions(*all_specs())
            page.body = [("image", {"image": i, "caption": "c", "alt_override": ""}) for i in images]
            page.save_revision().publish()
        counts[size] = count_queries(client, page.url)
    assert counts[2] == counts[10], counts
    assert counts[10] <= 12, counts
