"""An article's numbered sources: the block checks what editors type, the text's [n] markers link to the
list at the end, and the structured data cites each source."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from articles.blocks import ReferenceBlock
from articles.citations import link_markers
from demo.content import references
from tests import factories

pytestmark = pytest.mark.django_db

REVIEW = references.TENSION_HEADACHE_COCHRANE_2016
GUIDELINE = references.NICE_HEADACHES_CG150


def referenced_article(condition, text, sources=(REVIEW, GUIDELINE)):
    block = ReferenceBlock()
    return factories.make_article(
        "Sourced article",
        conditions=[condition],
        body=[("paragraph", text)],
        references=[("reference", block.to_python(source)) for source in sources],
    )


def test_a_doi_link_is_kept_as_the_doi():
    cleaned = ReferenceBlock().clean(
        ReferenceBlock().to_python({**REVIEW, "doi": "https://doi.org/10.1016/x.y"})
    )
    assert cleaned["doi"] == "10.1016/x.y"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"doi": "not-a-doi"}, "doi", "A DOI starts with"),
        ({"doi": "", "pubmed_id": "", "url": ""}, "url", "Give a DOI, a PubMed id or a web address"),
    ],
)
def test_a_reference_readers_cannot_find_is_refused(change, field, message):
    block = ReferenceBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({**REVIEW, **change}))
    assert message in str(error.value.block_errors[field])


def test_markers_link_to_the_numbered_references(client, condition):
    article = referenced_article(
        condition, '<p>Reviews find it helps [1]. Guidelines agree [1, 2]. <a href="/x">[2]</a></p>'
    )
    html = BeautifulSoup(client.get(article.url).content, "html.parser")

    items = html.select("#article-references ~ ol > li")
    assert [item["id"] for item in items] == ["reference-1", "reference-2"]
    assert items[0].find("a", href="https://doi.org/10.1002/14651858.CD007587.pub2")
    assert items[0].find("a", href="https://pubmed.ncbi.nlm.nih.gov/27092807/")
    assert items[1].find("a", href="https://www.nice.org.uk/guidance/cg150")
    assert f"{REVIEW['authors']}. Acupuncture for the prevention" in items[0].get_text()

    markers = html.select(".prose sup.citation")
    assert [[a["href"] for a in sup.find_all("a")] for sup in markers] == [
        ["#reference-1"],
        ["#reference-1", "#reference-2"],
    ]
    assert html.select_one('.prose a[href="/x"]').get_text() == "[2]", "nothing is linked inside a link"


def test_numbers_without_a_reference_are_left_as_typed():
    assert link_markers("<p>Dose [1]</p>", 0) == "<p>Dose [1]</p>"
    assert link_markers("<p>Seen in [3] and [1, 4]</p>", 2) == "<p>Seen in [3] and [1, 4]</p>"


def test_a_marker_without_its_reference_cannot_be_saved(condition):
    article = referenced_article(condition, "<p>Fine [2].</p>")
    article.body = [("paragraph", "<p>Fine [2]; not fine [3].</p>")]
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "The text cites [3], but the references list has 2 source(s)" in str(
        error.value.message_dict["body"]
    )


def test_the_article_json_ld_cites_each_source(client, condition):
    article = referenced_article(condition, "<p>Reviews find it helps [1].</p>")
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    graph = json.loads(html.find("script", type="application/ld+json").string)["@graph"]
    [page] = [node for node in graph if node.get("@id", "").endswith("#webpage")]
    review, guideline = page["citation"]
    assert review["@type"] == "ScholarlyArticle"
    assert review["name"] == REVIEW["title"]
    assert review["datePublished"] == "2016"
    assert review["isPartOf"] == {"@type": "Periodical", "name": REVIEW["source"]}
    assert review["identifier"] == [
        {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1002/14651858.CD007587.pub2"},
        {"@type": "PropertyValue", "propertyID": "PMID", "value": "27092807"},
    ]
    assert review["sameAs"] == "https://doi.org/10.1002/14651858.CD007587.pub2"
    assert guideline["@type"] == "CreativeWork"
    assert guideline["url"] == GUIDELINE["url"]
    assert guideline["publisher"]["name"] == GUIDELINE["source"]
    assert "identifier" not in guideline
