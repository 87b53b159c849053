"""Numbered citation markers: an editor types ``[1]`` or ``[1, 3]`` in an article's text, and the reader
gets superscript links to those entries of the article's references.

Plain bracketed numbers survive every editor and every paste, need no toolbar button, and read sensibly
even where they are not turned into links (a feed, a search result). Only numbers that match a reference
become links; the article form refuses to save a marker that has no matching reference.
"""

import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from articles.readability import page_texts

MARKER = re.compile(r"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")
#: A marker with the space typed before it, which the superscript link replaces ("later [1]." → "later¹.").
SPACED_MARKER = re.compile(r"[ \u00a0]?" + MARKER.pattern)
_TAG = re.compile(r"(<[^>]*>)")


def marker_numbers(text):
    """Every reference number cited in ``text``, in order of appearance."""
    return [int(number) for match in MARKER.finditer(text) for number in match.group(1).split(",")]


def missing_references(page):
    """Numbers the page's text cites that its references list does not have, sorted."""
    count = len(page.references or [])
    cited = {number for text in page_texts(page) for number in marker_numbers(text)}
    return sorted(number for number in cited if not 1 <= number <= count)


def _marker_html(match, count):
    numbers = [int(number) for number in match.group(1).split(",")]
    if not all(1 <= number <= count for number in numbers):
        return match.group(0)
    links = format_html_join(
        ", ",
        '<a href="#reference-{0}"><span class="visually-hidden">reference </span>{0}</a>',
        ((number,) for number in numbers),
    )
    return format_html('<sup class="citation">[{}]</sup>', links)


def link_markers(markup, count):
    """``markup`` (rendered HTML) with each marker outside tags and links turned into reference links."""
    if not count:
        return markup
    parts = _TAG.split(str(markup))
    in_link = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            name = part[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if len(part) > 2 else ""
            if name == "a":
                in_link += -1 if part.startswith("</") else 1
        elif not in_link and "[" in part:
            parts[index] = SPACED_MARKER.sub(lambda match: _marker_html(match, count), part)
    return mark_safe("".join(parts))  # noqa: S308 - rendered, escaped HTML with escaped links added
