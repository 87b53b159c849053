"""Front-end budgets, measured in Chromium on the served demo clinic.

- An article page's HTML + CSS + JS is at most 40 KB gzip-compressed (each response body compressed at
  gzip's default level here, whatever the server sent, so the figure does not depend on its settings).
- No page loads anything from another origin: every request Chromium makes is to the site itself.
- Every image has width, height and alt attributes, and actually loads.
- No script blocks rendering: no classic script without defer/async (inline ones included), and no
  resource that Chromium itself reports as render-blocking other than the stylesheet.

The figures are written to test-artifacts/budgets.json.
"""

import gzip
import json

import pytest

from tests.browser.helpers import DESKTOP, PHONE, ROOT

ARTICLE_BUDGET = 40 * 1024
RESULTS = ROOT / "test-artifacts" / "budgets.json"
COUNTED_TYPES = {"document", "stylesheet", "script"}
NON_SCRIPT_TYPES = {
    "application/ld+json",
    "application/json",
    "text/template",
    "importmap",
    "speculationrules",
}

DOM_REPORT = """() => {
  const scripts = [...document.scripts].map(s => ({
    src: s.getAttribute("src") || "", type: (s.getAttribute("type") || "").toLowerCase(),
    defer: s.defer, async: s.async, inHead: !!s.closest("head"), text: s.textContent.slice(0, 80),
  }));
  const images = [...document.images].map(img => ({
    src: img.currentSrc || img.src, alt: img.getAttribute("alt"), width: img.getAttribute("width"),
    height: img.getAttribute("height"), loaded: img.complete && img.naturalWidth > 0,
  }));
  const blocking = performance.getEntriesByType("resource")
    .filter(entry => entry.renderBlockingStatus === "blocking")
    .map(entry => ({name: entry.name, initiator: entry.initiatorType}));
  return {scripts, images, blocking};
}"""


def visit(page, path):
    """Load a page and all its images; returns the requests and responses it made."""
    requests, responses = [], []
    page.on("request", lambda request: requests.append(request))
    page.on("response", lambda response: responses.append(response))
    response = page.goto(path, wait_until="load")
    assert response.status == 200, path
    # Lazy images load when scrolled to; ask for all of them now, and wait until each has loaded or failed.
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
    page.evaluate(
        "Promise.all([...document.images].map(img => img.complete ? null"
        " : new Promise(done => { img.onload = img.onerror = done; })))"
    )
    page.wait_for_load_state("networkidle")
    return requests, responses


def compressed_weight(responses):
    """Bytes of HTML, CSS and JS, gzip-compressed, by resource type."""
    weights = {}
    for response in responses:
        kind = response.request.resource_type
        if kind in COUNTED_TYPES and response.status == 200:
            weights[kind] = weights.get(kind, 0) + len(gzip.compress(response.body()))
    return weights


def record(label, figures):
    recorded = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    recorded[label] = figures
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(recorded, indent=2, sort_keys=True))


@pytest.fixture(scope="module")
def paths(public_pages):
    return {**public_pages, "consultation form": "/consultation/?condition=neck-pain", "about": "/about/"}


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_page_budgets(new_context, base_url, paths, device):
    problems = []
    for label, path in sorted(paths.items()):
        # A fresh context each time: an empty cache, so the stylesheet is fetched and counted.
        page = new_context(PHONE if device == "phone" else DESKTOP).new_page()
        requests, responses = visit(page, path)
        report = page.evaluate(DOM_REPORT)

        foreign = [
            request.url
            for request in requests
            if not request.url.startswith((base_url + "/", "data:", "blob:"))
        ]
        problems += [f"{path}: third-party request {url}" for url in foreign]

        for image in report["images"]:
            if image["alt"] is None:
                problems.append(f"{path}: image without alt: {image['src']}")
            if not (image["width"] and image["height"]):
                problems.append(f"{path}: image without width and height: {image['src']}")
            if not image["loaded"]:
                problems.append(f"{path}: image did not load: {image['src']}")

        for script in report["scripts"]:
            if script["type"] in NON_SCRIPT_TYPES:
                continue
            deferred = script["src"] and (script["defer"] or script["async"] or script["type"] == "module")
            if not deferred:
                problems.append(f"{path}: render-blocking script {script['src'] or script['text']!r}")
        problems += [
            f"{path}: Chromium reports {entry['name']} as render-blocking"
            for entry in report["blocking"]
            if entry["initiator"] != "link"  # the one stylesheet
        ]

        weights = compressed_weight(responses)
        total = sum(weights.values())
        record(
            f"{device}: {label} {path}",
            {
                "gzip_bytes": weights,
                "gzip_total": total,
                "requests": len(requests),
                "images": len(report["images"]),
            },
        )
        if label == "articlepage" and total > ARTICLE_BUDGET:
            problems.append(f"{path}: HTML+CSS+JS is {total} bytes gzipped, over {ARTICLE_BUDGET}")
        assert weights.get("document"), f"{path}: no HTML measured"
    assert not problems, "\n".join(problems)


def test_every_article_is_within_the_budget(new_context, site_db):
    """The 40 KB budget holds for each demo article, not just the first one."""
    paths = [
        "/" + row["url_path"].split("/", 2)[2]
        for row in site_db(
            "SELECT p.url_path FROM wagtailcore_page p"
            " JOIN django_content_type ct ON ct.id = p.content_type_id"
            " WHERE p.live AND ct.model = 'articlepage'"
        )
    ]
    assert len(paths) >= 3
    sizes = {}
    for path in paths:
        _requests, responses = visit(new_context(DESKTOP).new_page(), path)
        sizes[path] = sum(compressed_weight(responses).values())
    record("articles: gzip bytes of HTML+CSS+JS", sizes)
    assert max(sizes.values()) <= ARTICLE_BUDGET, sizes
