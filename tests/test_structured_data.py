"""JSON-LD on the demo clinic: it parses, says what each page is in schema.org's medical vocabulary,
matches what the page shows (FAQ, breadcrumbs, conditions, treatments, people) and uses only types and
properties schema.org defines.

The demo clinic is loaded once for the module inside a transaction that is rolled back afterwards.
"""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from articles import opening_hours
from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ConditionIndexPage,
    ConditionPage,
    HomePage,
    Practitioner,
    StandardPage,
    TeamPage,
    TreatmentIndexPage,
    TreatmentPage,
)
from clinic_site.models import ClinicSettings
from tests import factories

pytestmark = pytest.mark.django_db

# Every type the site uses, with the schema.org properties it may carry (own and inherited), checked
# against the definitions at schema.org. "query-input" is schema.org's "-input" annotation of
# SearchAction's "query" property (schema.org/docs/actions.html).
CREATIVE_WORK = {
    "url", "name", "description", "inLanguage", "isPartOf", "datePublished", "dateModified", "about",
    "mainEntity", "headline", "author", "publisher", "image", "citation", "creditText", "identifier",
    "sameAs",
}  # fmt: skip
WEB_PAGE = CREATIVE_WORK | {"breadcrumb", "primaryImageOfPage", "lastReviewed", "reviewedBy"}
VOCABULARY = {
    "MedicalClinic": {
        "name",
        "description",
        "url",
        "telephone",
        "email",
        "address",
        "openingHoursSpecification",
        "areaServed",
        "logo",
        "image",
    },  # fmt: skip
    "PostalAddress": {"streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry"},
    "OpeningHoursSpecification": {"dayOfWeek", "opens", "closes"},
    "WebSite": {"url", "name", "inLanguage", "publisher", "potentialAction"},
    "SearchAction": {"target", "query-input"},
    "EntryPoint": {"urlTemplate"},
    "PropertyValueSpecification": {"valueRequired", "valueName"},
    "WebPage": WEB_PAGE,
    "CollectionPage": WEB_PAGE,
    "SearchResultsPage": WEB_PAGE,
    "MedicalWebPage": WEB_PAGE | {"medicalAudience"},
    "FAQPage": WEB_PAGE,
    "Question": {"name", "acceptedAnswer"},
    "Answer": {"text"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
    "ImageObject": {"url", "width", "height"},
    "MedicalAudience": {"audienceType"},
    "Person": {
        "name",
        "honorificSuffix",
        "jobTitle",
        "worksFor",
        "url",
        "image",
        "description",
        "knowsLanguage",
        "knowsAbout",
    },  # fmt: skip
    "ProfilePage": WEB_PAGE,
    "MedicalCondition": {"name", "alternateName", "description", "url", "signOrSymptom", "possibleTreatment"},
    "MedicalSignOrSymptom": {"name"},
    "MedicalTherapy": {"name", "description", "url"},
    "ScholarlyArticle": CREATIVE_WORK,
    "CreativeWork": CREATIVE_WORK,
    "PropertyValue": {"propertyID", "value"},
    "Periodical": {"name"},
    "Organization": {"name"},
}
DAYS = {f"https://schema.org/{day}" for day in opening_hours.WEEKDAYS}


def demo_pages(home):
    return [page.specific for page in home.get_descendants(inclusive=True).live()]


def fetch(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser")


def graph_of(html):
    scripts = html.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    document = json.loads(scripts[0].string)
    assert document["@context"] == "https://schema.org"
    return document["@graph"]


def types_of(node):
    value = node.get("@type", [])
    return set(value) if isinstance(value, list) else {value}


def nodes_of_type(graph, type_name):
    return [node for node in graph if type_name in types_of(node)]


def by_id(graph):
    return {node["@id"]: node for node in graph if "@id" in node and "@type" in node}


def check_vocabulary(value, where="graph"):
    """Every typed object uses only the properties its types allow; references hold only an @id."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            check_vocabulary(item, f"{where}[{index}]")
        return
    if not isinstance(value, dict):
        return
    types = types_of(value)
    if not types:
        assert set(value) == {"@id"}, f"{where}: untyped object {value}"
        return
    unknown = types - set(VOCABULARY)
    assert not unknown, f"{where}: types not used by the site or not in schema.org: {unknown}"
    allowed = set().union(*(VOCABULARY[name] for name in types)) | {"@type", "@id"}
    assert set(value) <= allowed, f"{where} ({', '.join(sorted(types))}): {set(value) - allowed}"
    for key, item in value.items():
        check_vocabulary(item, f"{where}.{key}")


def seconds(moment):
    return moment.replace(microsecond=0)


def text_of(element):
    return " ".join(element.get_text(" ").split())


def squash(text):
    """Text compared without the spaces that tags leave around punctuation."""
    return re.sub(r"\s+([,.;:!?’”)])", r"\1", " ".join(text.split()))


# --- Every demo page ---------------------------------------------------------------------------------


def test_every_demo_page_has_one_parsable_graph_in_the_vocabulary(client, demo):
    expected_type = {
        HomePage: "WebPage",
        ConditionIndexPage: "CollectionPage",
        TreatmentIndexPage: "CollectionPage",
        ArticleIndexPage: "CollectionPage",
        ConditionPage: "MedicalWebPage",
        TreatmentPage: "MedicalWebPage",
        ArticlePage: "MedicalWebPage",
        StandardPage: "WebPage",
        TeamPage: "CollectionPage",
    }
    pages = demo_pages(demo)
    assert {type(page) for page in pages} == set(expected_type)
    for page in pages:
        graph = graph_of(fetch(client, page))
        check_vocabulary(graph, page.url)
        assert len(nodes_of_type(graph, "MedicalClinic")) == 1
        assert len(nodes_of_type(graph, "WebSite")) == 1
        [node] = [node for node in graph if node.get("@id") == f"{page.full_url}#webpage"]
        assert expected_type[type(page)] in types_of(node), page.url
        assert node["url"] == page.full_url
        assert node["isPartOf"] == {"@id": "http://localhost/#website"}
        assert node["inLanguage"] == "en-US"
        ids = [item["@id"] for item in graph if "@id" in item]
        assert len(ids) == len(set(ids)), f"{page.url}: a node is described twice"


def test_clinic_and_website_come_from_clinic_details(client, demo):
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    graph = graph_of(fetch(client, demo))
    [node] = nodes_of_type(graph, "MedicalClinic")
    assert node["@id"] == "http://localhost/#clinic"
    assert node["name"] == clinic.name
    assert node["url"] == "http://localhost/"
    assert node["telephone"] == clinic.phone
    assert node["areaServed"] == clinic.area_served
    assert node["address"] == {
        "@type": "PostalAddress",
        "streetAddress": clinic.street_address,
        "addressLocality": clinic.locality,
        "addressRegion": clinic.region,
        "postalCode": clinic.postal_code,
        "addressCountry": clinic.country,
    }
    hours = node["openingHoursSpecification"]
    assert len(hours) == len(clinic.hours)
    for entry, row in zip(hours, clinic.hours, strict=True):
        assert entry["dayOfWeek"] and set(entry["dayOfWeek"]) <= DAYS, row.value["days"]
        assert (entry["opens"], entry["closes"]) == (
            row.value["opens"].strftime("%H:%M"),
            row.value["closes"].strftime("%H:%M"),
        )

    [site] = nodes_of_type(graph, "WebSite")
    assert site["publisher"] == {"@id": node["@id"]}
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template == "http://localhost/search/?q={search_term_string}"
    assert action["query-input"]["valueName"] == "search_term_string"
    # The template really is the site search.
    assert (
        client.get(urlsplit(template.replace("{search_term_string}", "neck")).path + "?q=neck").status_code
        == 200
    )


def test_logo_and_default_share_image_from_clinic_details(client, demo):
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.logo = factories.make_image(size=(256, 256))
    clinic.default_share_image = factories.make_image()
    clinic.save()
    [node] = nodes_of_type(graph_of(fetch(client, demo)), "MedicalClinic")
    assert node["logo"]["@type"] == "ImageObject"
    assert node["logo"]["url"].startswith("http://localhost/")
    assert client.get(urlsplit(node["logo"]["url"]).path).status_code == 200
    assert node["image"]["url"].startswith("http://localhost/")


def test_breadcrumb_list_matches_the_visible_breadcrumbs(client, demo):
    for page in demo_pages(demo):
        html = fetch(client, page)
        lists = nodes_of_type(graph_of(html), "BreadcrumbList")
        if page.depth == 2:
            assert not lists and not html.find("nav", attrs={"aria-label": "Breadcrumb"})
            continue
        [crumbs] = lists
        items = crumbs["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        ancestors = [ancestor.specific for ancestor in page.get_ancestors().filter(depth__gte=2)]
        assert [item["item"] for item in items] == [p.full_url for p in ancestors] + [page.full_url]
        assert items[0]["name"] == "Home"
        visible = html.find("nav", attrs={"aria-label": "Breadcrumb"}).find_all("li")
        assert [text_of(li) for li in visible] == [item["name"] for item in items]
        assert [li.a["href"] for li in visible[:-1]] == [urlsplit(item["item"]).path for item in items[:-1]]


# --- Articles ---------------------------------------------------------------------------------------


def test_article_graph_names_authors_reviewers_conditions_and_audience(client, demo):
    articles = [page for page in demo_pages(demo) if isinstance(page, ArticlePage)]
    assert articles
    for article in articles:
        graph = graph_of(fetch(client, article))
        nodes = by_id(graph)
        page = nodes[f"{article.full_url}#webpage"]
        assert "MedicalWebPage" in types_of(page)
        assert page["headline"] == article.title
        assert datetime.datetime.fromisoformat(page["datePublished"]) == seconds(article.first_published_at)
        assert datetime.datetime.fromisoformat(page["dateModified"]) == seconds(article.last_published_at)
        assert page["lastReviewed"] == article.last_reviewed.isoformat()
        assert page["medicalAudience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
        assert page["publisher"] == {"@id": "http://localhost/#clinic"}
        assert [c["url"] for c in page["about"]] == [c.full_url for c in article.get_conditions()]
        assert all(c["@type"] == "MedicalCondition" for c in page["about"])
        assert page["image"]["url"].startswith("http://localhost/")
        for role, practitioner in (("author", article.author), ("reviewedBy", article.reviewer)):
            person = nodes[page[role]["@id"]]
            assert person["@type"] == "Person"
            assert person["name"] == practitioner.name
            assert person["honorificSuffix"] == practitioner.credentials
            assert person["jobTitle"] == practitioner.job_title
            assert person["worksFor"] == {"@id": "http://localhost/#clinic"}


def faq_blocks(page):
    return [block for block in getattr(page, "body", []) or [] if block.block_type == "faq"]


def test_faq_json_ld_matches_the_faq_blocks_on_the_page(client, demo):
    pages = [page for page in demo_pages(demo) if faq_blocks(page)]
    assert {type(page) for page in pages} >= {ArticlePage, ConditionPage}, "the demo has FAQs on both"
    for page in pages:
        html = fetch(client, page)
        [node] = [node for node in graph_of(html) if node.get("@id") == f"{page.full_url}#webpage"]
        assert "FAQPage" in types_of(node)
        questions = node["mainEntity"]
        stored = [item for block in faq_blocks(page) for item in block.value["items"]]
        assert [q["name"] for q in questions] == [item["question"] for item in stored]
        shown = html.select(".faq__item")
        assert [text_of(item.select_one(".faq__question")) for item in shown] == [
            q["name"] for q in questions
        ]
        assert [squash(text_of(item.select_one(".faq__answer"))) for item in shown] == [
            squash(q["acceptedAnswer"]["text"]) for q in questions
        ]
        assert all(q["@type"] == "Question" and q["acceptedAnswer"]["@type"] == "Answer" for q in questions)


def test_pages_without_faq_blocks_are_not_faq_pages(client, demo):
    pages = [page for page in demo_pages(demo) if not faq_blocks(page)]
    assert pages
    for page in pages:
        for node in graph_of(fetch(client, page)):
            assert "FAQPage" not in types_of(node), page.url


# --- Conditions, treatments, people ----------------------------------------------------------------


def test_condition_graph_names_symptoms_and_treatments_that_link_to_their_pages(client, demo):
    conditions = [page for page in demo_pages(demo) if isinstance(page, ConditionPage)]
    assert conditions
    for condition in conditions:
        graph = graph_of(fetch(client, condition))
        nodes = by_id(graph)
        page = nodes[f"{condition.full_url}#webpage"]
        assert types_of(page) & {"MedicalWebPage"}
        entity = nodes[f"{condition.full_url}#condition"]
        assert page["about"] == {"@id": entity["@id"]}
        assert entity["@type"] == "MedicalCondition"
        assert entity["name"] == condition.title
        assert entity.get("alternateName", []) == condition.alternate_name_list
        assert [s["name"] for s in entity.get("signOrSymptom", [])] == condition.symptom_list
        assert all(s["@type"] == "MedicalSignOrSymptom" for s in entity.get("signOrSymptom", []))
        treatments = condition.treatments.live().order_by("path")
        therapies = entity.get("possibleTreatment", [])
        assert [t["url"] for t in therapies] == [t.full_url for t in treatments]
        assert [t["name"] for t in therapies] == [t.title for t in treatments]
        assert all(t["@type"] == "MedicalTherapy" for t in therapies)
        for therapy in therapies:
            assert client.get(urlsplit(therapy["url"]).path).status_code == 200
        # The practitioners the page lists, and its medical reviewer, are there as people of the clinic.
        listed = {p.name for p in condition.practitioners.all()} | {condition.reviewer.name}
        assert {n["name"] for n in nodes_of_type(graph, "Person")} == listed
        assert nodes[page["reviewedBy"]["@id"]]["name"] == condition.reviewer.name
        assert page["lastReviewed"] == condition.last_reviewed.isoformat()


def test_treatment_page_is_about_a_medical_therapy(client, demo):
    treatment = next(page for page in demo_pages(demo) if isinstance(page, TreatmentPage))
    nodes = by_id(graph_of(fetch(client, treatment)))
    therapy = nodes[f"{treatment.full_url}#therapy"]
    assert therapy["@type"] == "MedicalTherapy"
    assert therapy["name"] == treatment.title
    assert nodes[f"{treatment.full_url}#webpage"]["about"] == {"@id": therapy["@id"]}


def test_about_page_describes_the_practitioners(client, demo):
    about = next(p for p in demo_pages(demo) if isinstance(p, StandardPage) and p.show_practitioners)
    people = nodes_of_type(graph_of(fetch(client, about)), "Person")
    assert {p["name"] for p in people} == set(Practitioner.objects.values_list("name", flat=True))


# --- Safety of the output ----------------------------------------------------------------------------


def test_what_an_editor_types_cannot_break_out_of_the_script(client, demo):
    hostile = 'Neck </script><script>alert("x")</script> <!-- & “quotes” \u2028'
    condition = ConditionPage.objects.live().first()
    article = factories.make_article(
        hostile, conditions=[condition], summary="</SCRIPT> summary", search_description="A </script> & b"
    )
    response = client.get(article.url)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert html.count("<script") == 1, "only the JSON-LD script: the title did not open another"
    page = by_id(graph_of(BeautifulSoup(html, "html.parser")))[f"{article.full_url}#webpage"]
    assert page["headline"] == hostile
    assert page["description"] == "A </script> & b"
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
