"""How the demo loader turns the content's (block type, value) pairs into StreamField values.

Image keys, page slugs and ``page:SLUG`` links become the image, the page and Wagtail's stored link; the
field's blocks make the stored form and refuse what the editor's form would refuse.
"""

import re

import pytest

from demo.state import DemoContentError, DemoSite, Report
from demo.streams import stream_value
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def targets(db):
    """What the bodies below refer to: a condition, an article (whose body they fill) and an image."""
    condition = factories.make_condition()
    article = factories.make_article(conditions=[condition])
    image = factories.make_image()
    site = DemoSite(report=Report(), pages={"a-condition": condition, "an-article": article})
    site.images["a-picture"] = image
    return site, article, condition, image


def test_a_body_is_stored_with_its_references_resolved_and_ids_from_its_key(targets):
    site, article, condition, image = targets
    body = [
        ("paragraph", '<p>See <a href="page:a-condition">neck pain</a>.</p>'),
        ("quick_version", {"title": "In short", "points": ["One point.", "Another point."]}),
        ("image", {"image": "a-picture", "caption": "A caption."}),
        ("related_article", {"article": "an-article", "label": ""}),
        ("cta", {"title": "Talk to us", "condition": "a-condition"}),
    ]
    stored = stream_value(article, "body", body, site, "a-key").get_prep_value()

    assert stored[0]["value"] == f'<p>See <a linktype="page" id="{condition.pk}">neck pain</a>.</p>'
    assert stored[1]["value"]["points"][1]["value"] == "Another point."
    assert stored[2]["value"]["image"] == image.pk
    assert stored[3]["value"]["article"] == article.pk
    assert stored[4]["value"]["condition"] == condition.pk
    assert stored[4]["value"]["button_label"] == "Request a consultation"  # the block's default
    assert stored == stream_value(article, "body", body, site, "a-key").get_prep_value()
    ids = [block["id"] for block in stored] + [item["id"] for item in stored[1]["value"]["points"]]
    assert len(set(ids)) == len(ids)
    assert stream_value(article, "body", body, site, "b-key").get_prep_value()[0]["id"] != ids[0]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([("carousel", {"slides": []})], "unknown block types: carousel"),
        ([("heading", {"text": "Hello", "size": "big"})], "unknown field 'size'"),
        ([("image", {"image": "no-such-picture"})], "refers to an image “no-such-picture”"),
        ([("related_article", {"article": "no-such-article"})], "refers to a page “no-such-article”"),
        ([("paragraph", '<p><a href="page:nowhere">x</a></p>')], "refers to a page “nowhere”"),
        ([("quick_version", {"points": ["Only one point."]})], "is not valid"),
        ([("callout", {"text": "<p>A callout the content gave no title.</p>"})], "is not valid"),
        ([("related_article", {"article": "a-condition"})], "is not valid"),
    ],
)
def test_a_body_the_blocks_would_refuse_is_a_clear_error(targets, body, message):
    site, article, _condition, _image = targets
    with pytest.raises(DemoContentError, match=re.escape(message)):
        stream_value(article, "body", body, site, "a-key")
