"""Word counts and a self-check of the demo content: every key, slug and page link resolves.

``python -m demo.content`` runs ``main()``: it prints the word counts and any problems.
"""

import re

from demo.content.articles import ARTICLES
from demo.content.clinic import CLINIC, IMAGES, PRACTITIONERS
from demo.content.conditions import CONDITIONS
from demo.content.pages import ABOUT, HOME, PRIVACY, TERMS
from demo.content.treatments import TREATMENTS

_TAG_RE = re.compile(r"<[^>]+>")
_MARKER = re.compile(r"\[(\d+(?:, \d+)*)\]")
# Value keys that hold references or choices rather than words a reader sees.
_NON_TEXT_KEYS = {"image", "article", "condition", "level", "variant"}


def _texts(value):
    """Yield every piece of reader-facing text inside a block value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NON_TEXT_KEYS:
                yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


def word_count(body):
    """Count the words a reader sees across all blocks of a body, with HTML tags stripped."""
    total = 0
    for _block_type, value in body:
        for text in _texts(value):
            total += len(_TAG_RE.sub(" ", text).split())
    return total


def check():
    """Return a list of problems: unresolved keys, slugs or page links, and block-shape mistakes."""
    problems = []
    image_keys = {image["key"] for image in IMAGES}
    practitioner_keys = {p["key"] for p in PRACTITIONERS}
    condition_slugs = {c["slug"] for c in CONDITIONS}
    treatment_slugs = {t["slug"] for t in TREATMENTS}
    article_slugs = {a["slug"] for a in ARTICLES}
    page_slugs = condition_slugs | treatment_slugs | article_slugs | {ABOUT["slug"], PRIVACY["slug"]}
    allowed_tags = {"p", "b", "i", "ul", "ol", "li", "a"}
    kinds = {"neck", "head", "needles", "cupping", "portrait", "clinic", "abstract"}

    def need(ok, message):
        if not ok:
            problems.append(message)

    def check_html(where, html):
        need(html.startswith("<"), f"{where}: rich text should start with a tag")
        for tag in re.findall(r"</?([a-zA-Z0-9]+)", html):
            need(tag in allowed_tags, f"{where}: tag <{tag}> not allowed")
        for href in re.findall(r"<a\s+([^>]*)>", html):
            match = re.fullmatch(r'href="page:([a-z0-9-]+)"', href.strip())
            need(match is not None, f"{where}: unexpected link attributes {href!r}")
            if match:
                need(match.group(1) in page_slugs, f"{where}: page link to unknown slug {match.group(1)!r}")
        need(html.count("<") == html.count(">"), f"{where}: unbalanced angle brackets")
        need("'" not in _TAG_RE.sub("", html), f"{where}: straight apostrophe in text")

    def check_len(where, text, limit):
        need(isinstance(text, str) and 0 < len(text) <= limit, f"{where}: length {len(text)} over {limit}")

    def check_body(where, body):
        for index, block in enumerate(body):
            at = f"{where}[{index}]"
            need(isinstance(block, tuple) and len(block) == 2, f"{at}: not a (type, value) tuple")
            kind, value = block
            if kind == "paragraph":
                check_html(at, value)
            elif kind == "heading":
                need(set(value) == {"text", "level"}, f"{at}: heading keys")
                need(value["level"] in {"h2", "h3"}, f"{at}: heading level")
                check_len(at, value["text"], 120)
            elif kind == "quick_version":
                need(set(value) == {"title", "points"}, f"{at}: quick_version keys")
                need(2 <= len(value["points"]) <= 6, f"{at}: quick_version needs 2-6 points")
                for point in value["points"]:
                    check_len(at, point, 240)
            elif kind == "faq":
                need(set(value) == {"title", "items"}, f"{at}: faq keys")
                for item in value["items"]:
                    need(set(item) == {"question", "answer"}, f"{at}: faq item keys")
                    check_len(at, item["question"], 200)
                    check_html(at, item["answer"])
            elif kind == "callout":
                need(set(value) == {"variant", "title", "text"}, f"{at}: callout keys")
                need(value["variant"] in {"info", "tip", "red_flag"}, f"{at}: callout variant")
                check_len(at, value["title"], 120)
                check_html(at, value["text"])
            elif kind == "steps":
                need(set(value) == {"title", "steps"}, f"{at}: steps keys")
                need(len(value["steps"]) >= 2, f"{at}: steps needs at least 2")
                for step in value["steps"]:
                    need(set(step) == {"title", "text"}, f"{at}: step keys")
                    check_len(at, step["title"], 120)
            elif kind == "image":
                need(set(value) == {"image", "caption"}, f"{at}: image keys")
                need(value["image"] in image_keys, f"{at}: unknown image {value['image']!r}")
                check_len(at, value["caption"], 250)
            elif kind == "quote":
                need(set(value) == {"text", "attribution"}, f"{at}: quote keys")
                check_len(at, value["text"], 500)
                check_len(at, value["attribution"], 120)
            elif kind == "related_article":
                need(set(value) == {"article", "label"}, f"{at}: related_article keys")
                need(value["article"] in article_slugs, f"{at}: unknown article {value['article']!r}")
                check_len(at, value["label"], 200)
            elif kind == "cta":
                need(set(value) == {"title", "text", "button_label", "condition"}, f"{at}: cta keys")
                need(value["condition"] in condition_slugs | {None}, f"{at}: unknown condition")
                check_len(at, value["title"], 120)
                check_len(at, value["text"], 400)
                check_len(at, value["button_label"], 60)
            else:
                problems.append(f"{at}: unknown block type {kind!r}")

    for image in IMAGES:
        need(image["kind"] in kinds, f"image {image['key']}: kind {image['kind']!r}")
        need(0 <= image["hue"] <= 360, f"image {image['key']}: hue")
        need(bool(image["alt"]) and bool(image["title"]), f"image {image['key']}: alt/title")
    need(len(image_keys) == len(IMAGES), "duplicate image keys")

    check_html("CLINIC.red_flag_text", CLINIC["red_flag_text"])
    need(CLINIC["email"].endswith("@example.com"), "clinic email must be @example.com")
    need("555" in CLINIC["phone"], "clinic phone must be a 555 number")

    for p in PRACTITIONERS:
        where = f"practitioner {p['key']}"
        need(p["image"] in image_keys, f"{where}: unknown image")
        need(set(p["conditions"]) <= condition_slugs, f"{where}: unknown condition")
        need(set(p["treatments"]) <= treatment_slugs, f"{where}: unknown treatment")
        check_html(where, p["bio"])

    need(HOME["hero_image"] in image_keys, "home: unknown hero image")
    check_body("home", HOME["body"])

    expected = ["neck-pain", "tension-type-headache", "cervicogenic-headache", "migraine", "sciatica"]
    need([c["slug"] for c in CONDITIONS] == expected, "condition slugs differ from the brief")
    for c in CONDITIONS:
        where = f"condition {c['slug']}"
        need(c["image"] in image_keys, f"{where}: unknown image")
        need(set(c["treatments"]) <= treatment_slugs, f"{where}: unknown treatment")
        need(len(c["summary"]) <= 160, f"{where}: summary over 160 characters")
        check_body(where, c["body"])

    need([t["slug"] for t in TREATMENTS] == ["acupuncture", "dry-needling", "cupping"], "treatment slugs")
    for t in TREATMENTS:
        where = f"treatment {t['slug']}"
        need(t["image"] in image_keys, f"{where}: unknown image")
        need(len(t["summary"]) <= 160, f"{where}: summary over 160 characters")
        check_body(where, t["body"])

    for a in ARTICLES:
        where = f"article {a['slug']}"
        need(a["image"] is None or a["image"] in image_keys, f"{where}: unknown image")
        need(set(a["conditions"]) <= condition_slugs and a["conditions"], f"{where}: conditions")
        need(a["author"] in practitioner_keys, f"{where}: unknown author")
        need(a["reviewer"] in practitioner_keys, f"{where}: unknown reviewer")
        need(a["author"] != a["reviewer"], f"{where}: author and reviewer must differ")
        need(len(a["summary"]) <= 160, f"{where}: summary over 160 characters")
        need(re.fullmatch(r"2026-10-\d\d", a["last_reviewed"]) is not None, f"{where}: last_reviewed")
        need(re.fullmatch(r"2026-\d\d-\d\d", a["first_published"]) is not None, f"{where}: first_published")
        need(a["body"][-1][0] == "cta", f"{where}: should end with a cta block")
        sources = a.get("references", [])
        findable = all(r["doi"] or r["pubmed_id"] or r["url"] for r in sources)
        need(findable, f"{where}: a source without a DOI, PubMed id or web address")
        groups = [group for text in _texts(a["body"]) for group in _MARKER.findall(text)]
        cited = {int(number) for group in groups for number in group.split(",")}
        need(cited == set(range(1, len(sources) + 1)), f"{where}: cites {sorted(cited)} of {len(sources)}")
        need(500 <= word_count(a["body"]) <= 1000, f"{where}: {word_count(a['body'])} words")
        check_body(where, a["body"])
    need(ARTICLES[0]["body"][-2][0] == "steps", "article A should end with its next-steps sequence")

    for page in (ABOUT, PRIVACY, TERMS):
        where = f"page {page['slug']}"
        need(len(page["summary"]) <= 160, f"{where}: summary over 160 characters")
        check_body(where, page["body"])

    return problems


def main():
    """Print word counts and every problem ``check()`` finds; return the exit status (1 on problems)."""
    for group, items, key in (
        ("Articles", ARTICLES, "slug"),
        ("Conditions", CONDITIONS, "slug"),
        ("Treatments", TREATMENTS, "slug"),
        ("Pages", [HOME, ABOUT, PRIVACY, TERMS], "title"),
    ):
        print(group)
        for item in items:
            print(f"  {word_count(item['body']):5d}  {item[key]}")
    for p in PRACTITIONERS:
        print(f"  bio {word_count([('paragraph', p['bio'])]):3d}  {p['name']}")
    found = check()
    for problem in found:
        print("PROBLEM:", problem)
    print("All references resolve." if not found else f"{len(found)} problem(s) found.")
    return 1 if found else 0
