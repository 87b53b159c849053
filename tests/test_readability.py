"""The reading grade editors and reviewers see: Flesch–Kincaid on the words a patient reads, each list
item and heading taken as a sentence, shown in the checks panel against the clinic's target."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.blocks import ReferenceBlock
from articles.readability import as_prose, grade_of_text, page_texts, reading_grade
from tests import factories

pytestmark = pytest.mark.django_db

PLAIN = (
    "<p>Your neck holds up your head all day. When it gets stiff, your head can hurt too. "
    "We loosen the neck with fine needles. Most people feel a small prick and then rest. "
    "Many feel better after a few visits. We also show you how to sit and move.</p>"
)
DENSE = (
    "<p>Cervicogenic cephalalgia, characteristically originating from nociceptive afferents within "
    "the upper cervical musculoskeletal structures, frequently demonstrates considerable diagnostic "
    "overlap with migrainous phenotypes, necessitating comprehensive multidisciplinary evaluation "
    "incorporating detailed biomechanical, neurological and psychosocial considerations.</p>"
)
SHORT_ITEMS = "".join(
    f"<li>a sore {part} after a long day</li>" for part in ("neck", "back", "jaw", "arm", "hand")
)


def test_plain_words_grade_lower_than_dense_ones():
    plain = grade_of_text(as_prose([PLAIN.replace("<p>", "").replace("</p>", "")] * 2))
    dense = grade_of_text(as_prose([DENSE.replace("<p>", "").replace("</p>", "")]))
    assert plain < 6 < 12 < dense


def test_too_few_words_give_no_grade():
    assert grade_of_text("Neck pain. Headaches.") is None


def test_each_list_item_counts_as_a_sentence(condition):
    article = factories.make_article(
        "Listed",
        conditions=[condition],
        body=[("paragraph", f"<p>It often comes with:</p><ul>{SHORT_ITEMS}</ul>")],
    )
    texts = list(page_texts(article))
    assert texts[1:] == ["It often comes with:"] + [
        f"a sore {part} after a long day" for part in ("neck", "back", "jaw", "arm", "hand")
    ]
    assert as_prose(texts[1:]).count(".") == 6, "every item ends a sentence"


def test_only_what_patients_read_is_measured(condition):
    reference = ReferenceBlock().to_python(
        {
            "title": "Neuromusculoskeletal electrophysiological investigations",
            "source": "J",
            "year": 2020,
            "doi": "10.1000/x",
            "pubmed_id": "",
            "url": "",
            "authors": "",
        }
    )
    callout = {"variant": "red_flag", "title": "See a doctor first", "text": "<p>If it came on suddenly.</p>"}
    article = factories.make_article(
        "Measured", conditions=[condition], body=[("callout", callout)], references=[("reference", reference)]
    )
    texts = list(page_texts(article))
    assert texts == [article.summary, "See a doctor first", "If it came on suddenly."]


def test_the_checks_panel_shows_the_grade_against_the_target(client, condition, editor):
    factories.make_clinic(reading_grade_target=8)
    plain = factories.make_article("Plain", conditions=[condition], body=[("paragraph", PLAIN * 2)])
    dense = factories.make_article("Dense", conditions=[condition], body=[("paragraph", DENSE * 2)])
    factories.sign_in(client, editor)
    shown = {plain: f"{reading_grade(plain)} (target 8)", dense: f"{reading_grade(dense)} (above 8)"}
    for page, expected in shown.items():
        html = BeautifulSoup(
            client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser"
        )
        metric = html.select_one("[data-reading-grade] p")
        assert " ".join(metric.get_text().split()) == expected
    assert reading_grade(plain) <= 8 < reading_grade(dense)


def test_the_reading_check_is_registered_with_wagtails_content_checker(client, condition, editor):
    factories.make_clinic(reading_grade_target=8)
    page = factories.make_article("Configured", conditions=[condition])
    factories.sign_in(client, editor)
    html = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser"
    )
    configuration = json.loads(html.find("script", id="checker-axe-configuration").string)
    assert "reading-grade" in configuration["options"]["runOnly"]
    [rule] = [rule for rule in configuration["spec"]["rules"] if rule["id"] == "reading-grade"]
    assert rule["selector"] == "[data-reading-grade-above-target]"
    assert (
        configuration["messages"]["reading-grade"]["error_name"] == "Reads above grade 8, the clinic’s target"
    )


def test_only_a_preview_above_the_target_carries_the_marker(client, condition):
    factories.make_clinic(reading_grade_target=8)
    plain = factories.make_article("Plain", conditions=[condition], body=[("paragraph", PLAIN * 2)])
    dense = factories.make_article("Dense", conditions=[condition], body=[("paragraph", DENSE * 2)])

    def markers(response):
        return BeautifulSoup(response.content, "html.parser").select("[data-reading-grade-above-target]")

    [marker] = markers(dense.make_preview_request())
    assert float(marker["data-reading-grade-above-target"]) == reading_grade(dense)
    assert marker.get_text() == "", "empty, so Axe's has-visible-text check reports it"
    assert markers(plain.make_preview_request()) == []
    assert markers(client.get(dense.url)) == [], "never on the live page"
