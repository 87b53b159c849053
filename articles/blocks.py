"""StreamField blocks that let clinic staff build every page pattern of the site without code.

The block set is defined once in ``ClinicStreamBlock`` and reused by every page type, so a change to a
block is one migration per field, not one per page type.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    """Body text: paragraphs, bulleted and numbered lists, links."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        label = "Paragraph"
        description = "Body text with bold, italic, links and bulleted or numbered lists."
        preview_value = (
            "<p>Most neck pain comes from tight muscles and stiff joints rather than damage, "
            "and it usually responds well to care.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    """A section heading; question-style headings ("Can acupuncture help?") suit patient articles."""

    text = blocks.CharBlock(max_length=120, help_text="Question-style headings work well for patients.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (H2)"), ("h3", "Sub-section (H3)")],
        default="h2",
        required=False,
        search_index=False,
        help_text="Leave as section unless this sits under another heading.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = "A section heading. Always renders, as a section heading if no level is chosen."
        preview_value = {"text": "What does a first visit involve?", "level": "h2"}

    def anchor(self, value):
        return slugify(value.get("text", ""))[:60]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["level"] = value.get("level") or "h2"
        context["anchor"] = self.anchor(value)
        return context


class QuickVersionBlock(blocks.StructBlock):
    """The short answer at the top of an article, for patients who read only that."""

    title = blocks.CharBlock(default="The quick version", max_length=80)
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=240), min_num=2, max_num=6, help_text="Two to six short key points."
    )

    class Meta:
        icon = "list-ul"
        template = "blocks/quick_version.html"
        label = "Quick version"
        description = "Key points in a highlighted box, usually placed first."
        preview_value = {
            "title": "The quick version",
            "points": [
                "A stiff neck is a common source of tension headaches.",
                "Reviews find acupuncture helps some people with chronic neck pain.",
                "Sudden severe headaches need a doctor first.",
            ],
        }


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Question"


class FAQBlock(blocks.StructBlock):
    """Questions and answers; shown as a list of questions patients commonly ask."""

    title = blocks.CharBlock(default="Common questions", max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/faq.html"
        label = "FAQ"
        description = "Questions with answers. Each question becomes a heading patients can scan."
        preview_value = {
            "title": "Common questions",
            "items": [
                {
                    "question": "Does it hurt?",
                    "answer": "<p>Most people feel a small prick, then a dull, heavy feeling.</p>",
                }
            ],
        }


class CalloutBlock(blocks.StructBlock):
    """A boxed note. The red-flag variant is for safety advice: when to see a doctor instead."""

    variant = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("tip", "Tip"), ("red_flag", "Red flag / safety")],
        default="info",
        search_index=False,
        help_text="Use “Red flag / safety” for when to seek medical or emergency care.",
    )
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        description = "A highlighted box: information, a tip, or a red-flag safety warning."
        preview_value = {
            "variant": "red_flag",
            "title": "See a doctor first if…",
            "text": "<p>You have a sudden, severe headache unlike any before.</p>",
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)

    class Meta:
        icon = "order"
        label = "Step"


class StepsBlock(blocks.StructBlock):
    """Numbered steps, such as what happens after a patient books."""

    title = blocks.CharBlock(max_length=120, required=False)
    steps = blocks.ListBlock(StepBlock(), min_num=2)

    class Meta:
        icon = "list-ol"
        template = "blocks/steps.html"
        label = "Numbered steps"
        description = "An ordered sequence, for example what happens at a first visit."
        preview_value = {
            "title": "What happens next",
            "steps": [
                {"title": "Book", "text": "Ask for a consultation online."},
                {"title": "First visit", "text": "Sixty minutes with history and assessment."},
            ],
        }


class ImageBlock(blocks.StructBlock):
    """An image with an optional caption. Alt text comes from the image itself, where it is required."""

    image = ImageChooserBlock()
    caption = blocks.CharBlock(max_length=250, required=False)
    alt_override = blocks.CharBlock(
        max_length=250,
        required=False,
        label="Alt text for this use",
        help_text="Optional. Describe the image for people who cannot see it, if it differs here.",
    )

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        description = "An illustration or photo with a caption. Alt text is required on every image."

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not (value.get("alt_override") or getattr(image, "description", "")):
            raise StructBlockValidationError(
                block_errors={"alt_override": ValidationError("This image has no alt text: add it here.")}
            )
        return value


class QuoteBlock(blocks.StructBlock):
    """A short quotation, from a patient (with permission) or a practitioner."""

    text = blocks.TextBlock(max_length=500)
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        description = "A short quotation with who said it."
        preview_value = {
            "text": "I had not realised how much my desk set-up was feeding my headaches.",
            "attribution": "A patient",
        }


class RelatedArticleBlock(blocks.StructBlock):
    """A highlighted link to another article."""

    article = blocks.PageChooserBlock(page_type="articles.ArticlePage")
    label = blocks.CharBlock(
        max_length=200, required=False, help_text="Optional line on why to read it; else its summary."
    )

    class Meta:
        icon = "link"
        template = "blocks/related_article.html"
        label = "Related article"
        description = "A card that links to another article."


class CallToActionBlock(blocks.StructBlock):
    """An invitation to request a consultation, tied to a condition when one is chosen."""

    title = blocks.CharBlock(max_length=120, default="Talk to us about your symptoms")
    text = blocks.TextBlock(required=False, max_length=400)
    button_label = blocks.CharBlock(max_length=60, default="Request a consultation")
    condition = blocks.PageChooserBlock(
        page_type="articles.ConditionPage",
        required=False,
        help_text="The form opens with this condition chosen. Leave empty to use the page's condition.",
    )

    class Meta:
        icon = "calendar-check"
        template = "blocks/cta.html"
        label = "Call to action"
        description = "A box with a button to the consultation request form."
        preview_value = {
            "title": "Talk to us about your neck pain",
            "text": "A first visit is sixty minutes and starts with your history.",
            "button_label": "Request a consultation",
        }


class ClinicStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    quick_version = QuickVersionBlock()
    faq = FAQBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    related_article = RelatedArticleBlock()
    cta = CallToActionBlock()

    class Meta:
        block_counts = {"quick_version": {"max_num": 1}}


DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")


def with_full_stop(text):
    """``text`` ending in a full stop, unless it already ends in one, a question or an exclamation mark."""
    text = (text or "").strip()
    return text if not text or text[-1] in ".?!" else f"{text}."


class ReferenceBlock(blocks.StructBlock):
    """One source behind an article's claims: a review, a trial or a guideline, findable by readers."""

    authors = blocks.CharBlock(
        max_length=300,
        required=False,
        help_text="As the source lists them, for example “Linde K, Allais G, Brinkhaus B, et al.”. "
        "Leave empty for a guideline published by an organisation.",
    )
    title = blocks.CharBlock(max_length=300)
    source = blocks.CharBlock(
        max_length=200, label="Journal or publisher", help_text="For example “Journal of Pain” or “NICE”."
    )
    year = blocks.IntegerBlock(min_value=1900, max_value=2100)
    doi = blocks.CharBlock(
        max_length=200,
        required=False,
        label="DOI",
        help_text="For example 10.1002/14651858.CD007587.pub2 (a doi.org link is fine too).",
    )
    pubmed_id = blocks.RegexBlock(
        regex=r"^\d{1,9}$",
        max_length=9,
        required=False,
        label="PubMed id",
        error_messages={"invalid": "A PubMed id is a number, such as 27092807."},
    )
    url = blocks.URLBlock(required=False, label="Web address", help_text="Where there is no DOI.")

    class Meta:
        icon = "doc-full"
        template = "blocks/reference.html"
        label = "Reference"
        description = "A numbered source shown at the end of the article. Mark a claim with [1], [2] …"
        preview_value = {
            "authors": "Linde K, Allais G, Brinkhaus B, et al.",
            "title": "Acupuncture for the prevention of tension-type headache",
            "source": "Cochrane Database of Systematic Reviews",
            "year": 2016,
            "doi": "10.1002/14651858.CD007587.pub2",
            "pubmed_id": "27092807",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["authors"] = with_full_stop(value.get("authors"))
        context["title"] = with_full_stop(value.get("title"))
        return context

    def clean(self, value):
        value = super().clean(value)
        doi = (value.get("doi") or "").strip()
        for prefix in DOI_PREFIXES:
            if doi.lower().startswith(prefix):
                doi = doi[len(prefix) :]
        value["doi"] = doi
        errors = {}
        if doi and not re.fullmatch(r"10\.\d{4,9}/\S+", doi):
            errors["doi"] = ValidationError(
                "A DOI starts with “10.” and a slash, such as 10.1016/j.jpain.2017.11.005."
            )
        if not (doi or value.get("pubmed_id") or value.get("url")):
            errors["url"] = ValidationError(
                "Give a DOI, a PubMed id or a web address, so readers can find it."
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ReferencesBlock(blocks.StreamBlock):
    """The numbered list of an article's sources, in the order the text first cites them."""

    reference = ReferenceBlock()
