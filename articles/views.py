"""Site search and robots.txt: the public views of the site that are not pages in the page tree."""

import re
import unicodedata

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from articles import robots
from articles.models import ArticlePage, ConditionIndexPage, ConditionPage, TreatmentPage
from articles.models.base import visible

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
RESULTS_PER_PAGE = 10
EXCERPT_WORDS = 30
SEARCHABLE_TYPES = (ArticlePage, ConditionPage, TreatmentPage)
KIND_LABELS = {ArticlePage: "Article", ConditionPage: "Condition", TreatmentPage: "Treatment"}
WORD = re.compile(r"[^\W_]+")


def clean_query(raw):
    """The search text as typed, made safe to echo and to search: no control or invisible
    characters (NUL included), whitespace collapsed, at most ``MAX_QUERY_LENGTH`` characters."""
    text = unicodedata.normalize("NFKC", str(raw or "")[: MAX_QUERY_LENGTH * 4])
    text = "".join(" " if unicodedata.category(char).startswith(("C", "Z")) else char for char in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """The words of the query, each once, at most ``MAX_TERMS``.

    Only letters and digits reach the search backend, so quotes, operators and SQL or full-text
    syntax typed into the box are never read as anything but word separators.
    """
    terms = []
    seen = set()
    for word in WORD.findall(query):
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            terms.append(word)
        if len(terms) == MAX_TERMS:
            break
    return terms


def highlight_pattern(terms):
    """A pattern for the words to mark: each term, allowing a different ending (headache/headaches)."""
    stems = []
    for term in terms:
        stem = term.casefold()
        if len(stem) > 4 and stem.endswith("s"):
            stem = stem[:-1]
        stems.append(re.escape(stem))
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(stems, key=len, reverse=True)) + r")\w*", re.IGNORECASE)


def highlight(text, pattern):
    """``text`` as safe HTML with the matched words in ``<mark>``; everything else is escaped."""
    text = str(text or "")
    if pattern is None:
        return escape(text)
    parts = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group(0)))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every part is escaped


def body_text(page):
    """The words a reader sees in the page's body, as the blocks give them to the search index."""
    body = getattr(page, "body", None)
    if not body:
        return ""
    return " ".join(" ".join(page._meta.get_field("body").get_searchable_content(body)).split())


def excerpt(page, pattern):
    """The summary, or, when the match is in the body only, the words around the first match there."""
    summary = getattr(page, "summary", "") or ""
    if pattern is None or pattern.search(summary) or pattern.search(page.title):
        return summary
    text = body_text(page)
    match = pattern.search(text)
    if not match:
        return summary
    words_before = text[: match.start()].split()[-(EXCERPT_WORDS // 3) :]
    rest = Truncator(text[match.start() :]).words(EXCERPT_WORDS - len(words_before), truncate="…")
    lead = "… " if len(words_before) < len(text[: match.start()].split()) else ""
    return f"{lead}{' '.join(words_before)} {rest}".strip()


def search_results(query_terms, site):
    """Live, public articles, conditions and treatments of the site matching the words, best first.

    Pages with every word come first; when no page has them all, pages with any of them. Returns the
    results and whether every word had to match.
    """
    pages = Page.objects.live().public().type(*SEARCHABLE_TYPES).descendant_of(site.root_page).specific()
    text = " ".join(query_terms)
    results = pages.search(text, operator="and")
    if len(query_terms) > 1 and not results.count():
        return pages.search(text, operator="or"), False
    return results, True


@require_safe
@never_cache
def search(request):
    """The site search: articles, conditions and treatments, ten to a page, matches highlighted.

    The words searched for are not stored or logged anywhere: Wagtail's search-promotion query log is
    not installed, and nothing here writes. The response is private so no shared cache keeps it.
    """
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    site = Site.find_for_request(request)
    page_obj = None
    results = []
    all_words = True
    if terms and site is not None:
        found, all_words = search_results(terms, site)
        paginator = Paginator(found, RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        pattern = highlight_pattern(terms)
        for page in page_obj.object_list:
            results.append(
                {
                    "page": page,
                    "kind": KIND_LABELS.get(type(page), "Page"),
                    "title": highlight(page.title, pattern),
                    "excerpt": highlight(excerpt(page, pattern), pattern),
                }
            )
    context = {
        "query": query,
        "searched": bool(terms),
        "any_word": bool(terms) and not all_words,
        "results": results,
        "page_obj": page_obj,
        "seo_title": "Search",
        "booking_url": reverse("booking:request"),
    }
    if terms and not results:
        context["conditions"] = visible(ConditionPage.objects.descendant_of(site.root_page)).order_by("path")
        context["condition_index"] = visible(ConditionIndexPage.objects.descendant_of(site.root_page)).first()
    return render(request, "articles/search.html", context)


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Where crawlers may go: everything but the admin, search results, the booking thank-you page and
    online booking, with the sitemap's address. A host that is not a production host keeps every crawler
    out."""
    site = Site.find_for_request(request)
    root_url = site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")
    context = {
        "indexable": robots.host_is_indexable(request.get_host()),
        "disallowed": [
            "/admin/",
            reverse("articles:search"),
            reverse("booking:thank_you"),
            reverse("book:start"),
        ],
        "sitemap_url": f"{root_url}{reverse('articles:sitemap')}",
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
