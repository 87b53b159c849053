"""What the site tells search engines and link previews about a page.

Pure functions from objects a page view has already loaded (the page, its template context, the clinic
settings) to plain data: the JSON-LD graph (schema.org), the robots directives and the share image.
``articles.templatetags.seo_tags`` gathers the inputs for a request and ``templates/includes/seo_head.html``
renders the result.

None of this reads the database for a page Wagtail routed to: the ancestors come from the parent
each page was routed through, the related objects from the page's context, the images from the
rendition cache. Previews and pages loaded some other way may cost a query per ancestor.
"""

import html
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from articles.opening_hours import SCHEMA, opening_hours
from articles.renditions import renditions_of

PATIENT_AUDIENCE = {"@type": "MedicalAudience", "audienceType": "Patient"}

JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


# --- Plain values ----------------------------------------------------------------------------------


def compact(data):
    """``data`` without the keys whose value is empty, so the graph never states an empty property."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def plain_text(markup):
    """Text a reader sees in a piece of HTML (rich text source included): no tags, entities decoded."""
    return " ".join(html.unescape(strip_tags(str(markup or ""))).split())


def iso(value):
    """A date or an aware datetime as ISO 8601, datetimes in the site's time zone."""
    if value is None:
        return None
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def language_tag(code=None):
    """Django's language code as a BCP 47 tag: ``en-us`` → ``en-US``."""
    parts = (code or settings.LANGUAGE_CODE).replace("_", "-").split("-")
    return "-".join([parts[0].lower()] + [part.upper() if len(part) == 2 else part for part in parts[1:]])


def og_locale(code=None):
    """Open Graph's form of the language: ``en-us`` → ``en_US``."""
    return language_tag(code).replace("-", "_")


def to_json_ld(graph):
    """The graph as the text of a ``<script type="application/ld+json">`` element.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so nothing an editor types (``</script>``,
    ``<!--``) can end the element or be read as markup; the JSON itself is unchanged.
    """
    document = {"@context": SCHEMA, "@graph": graph}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).translate(JSON_ESCAPES)


# --- Images ----------------------------------------------------------------------------------------


def absolute_url(root_url, url):
    if not url or url.startswith(("http://", "https://")):
        return url
    return f"{root_url}{url}" if url.startswith("/") else f"{root_url}/{url}"


def page_image(page):
    """The image a page shows itself: its teaser/hero image."""
    return getattr(page, "image", None) or getattr(page, "hero_image", None)


def share_image_for(page, clinic):
    """The page's share image, else its own image, else the site default; None when there is none."""
    if page is not None:
        chosen = getattr(page, "share_image", None) or page_image(page)
        if chosen is not None:
            return chosen
    return getattr(clinic, "default_share_image", None)


def rendition_data(image, spec, root_url):
    """URL, size and alt text of one rendition of ``image``; None if the picture file is missing."""
    if image is None:
        return None
    try:
        rendition = renditions_of(image, [spec])[spec]
    except OSError:  # the original file is gone (Wagtail's SourceImageIOError is an OSError)
        return None
    return {
        "url": absolute_url(root_url, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": getattr(image, "description", "") or image.title,
    }


def image_object(data):
    if not data:
        return None
    return {"@type": "ImageObject", "url": data["url"], "width": data["width"], "height": data["height"]}


# --- Graph nodes -----------------------------------------------------------------------------------


def clinic_id(root_url):
    return f"{root_url}/#clinic"


def website_id(root_url):
    return f"{root_url}/#website"


def practitioner_id(root_url, practitioner):
    return f"{root_url}/#practitioner-{practitioner.pk}"


def clinic_node(clinic, root_url, logo=None, image=None):
    """The clinic as a MedicalClinic: name, address, phone, opening hours, area served, logo."""
    address = compact(
        {
            "@type": "PostalAddress",
            "streetAddress": clinic.street_address,
            "addressLocality": clinic.locality,
            "addressRegion": clinic.region,
            "postalCode": clinic.postal_code,
            "addressCountry": clinic.country,
        }
    )
    return compact(
        {
            "@type": "MedicalClinic",
            "@id": clinic_id(root_url),
            "name": clinic.name,
            "description": clinic.tagline,
            "url": f"{root_url}/",
            "telephone": clinic.phone,
            "email": clinic.email,
            "address": address if clinic.street_address or clinic.locality else None,
            "openingHoursSpecification": opening_hours(clinic.hours),
            "areaServed": clinic.area_served,
            "logo": image_object(logo),
            "image": image_object(image),
        }
    )


def website_node(clinic, root_url, search_url, language):
    """The site, with a SearchAction that tells search engines how to use the site search."""
    return {
        "@type": "WebSite",
        "@id": website_id(root_url),
        "url": f"{root_url}/",
        "name": clinic.name,
        "inLanguage": language,
        "publisher": {"@id": clinic_id(root_url)},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
            # schema.org's "-input" annotation of the SearchAction's query property.
            "query-input": {
                "@type": "PropertyValueSpecification",
                "valueRequired": True,
                "valueName": "search_term_string",
            },
        },
    }


def person_node(practitioner, root_url, url=None, **profile):
    """A practitioner: name, post-nominal letters, job title, working for the clinic, and the address of
    their page when the site has one. Their own page adds ``image``, ``description``, ``languages`` and
    the ``conditions`` they treat (a list of (condition page, absolute URL))."""
    return compact(
        {
            "@type": "Person",
            "@id": practitioner_id(root_url, practitioner),
            "name": practitioner.name,
            "honorificSuffix": practitioner.credentials,
            "jobTitle": practitioner.job_title,
            "url": url,
            "image": profile.get("image"),
            "description": profile.get("description"),
            "knowsLanguage": profile.get("languages"),
            "knowsAbout": [condition_ref(page, page_url) for page, page_url in profile.get("conditions", [])],
            "worksFor": {"@id": clinic_id(root_url)},
        }
    )


def breadcrumb_node(page_url, trail):
    """A BreadcrumbList from ``trail``, a list of (name, absolute URL) from the home page down."""
    return {
        "@type": "BreadcrumbList",
        "@id": f"{page_url}#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def faq_questions(page):
    """Question entries from every FAQ block in the page's body, in page order, as plain text."""
    body = getattr(page, "body", None)
    questions = []
    for block in body or []:
        if block.block_type != "faq":
            continue
        for item in block.value.get("items", []):
            answer = item.get("answer")
            questions.append(
                {
                    "@type": "Question",
                    "name": plain_text(item.get("question")),
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": plain_text(getattr(answer, "source", answer)),
                    },
                }
            )
    return questions


def condition_ref(condition, url):
    return {"@type": "MedicalCondition", "@id": f"{url}#condition", "name": condition.title, "url": url}


def therapy_ref(treatment, url):
    return {"@type": "MedicalTherapy", "@id": f"{url}#therapy", "name": treatment.title, "url": url}


def condition_node(page, url, treatments):
    """A condition page's MedicalCondition: names, signs and symptoms, treatments that may help.

    ``treatments`` is a list of (treatment page, absolute URL).
    """
    return compact(
        {
            **condition_ref(page, url),
            "alternateName": page.alternate_name_list,
            "description": page.summary,
            "signOrSymptom": [{"@type": "MedicalSignOrSymptom", "name": name} for name in page.symptom_list],
            "possibleTreatment": [
                therapy_ref(treatment, treatment_url) for treatment, treatment_url in treatments
            ],
        }
    )


def citation_node(reference):
    """One source of an article (an ``articles.blocks.ReferenceBlock`` value) as a ``citation`` entry:
    a ScholarlyArticle, with its DOI and PubMed id as identifiers, or a CreativeWork such as a guideline."""
    doi, pubmed_id, url = reference.get("doi"), reference.get("pubmed_id"), reference.get("url")
    scholarly = bool(doi or pubmed_id)
    identifiers = [
        {"@type": "PropertyValue", "propertyID": name, "value": value}
        for name, value in (("DOI", doi), ("PMID", pubmed_id))
        if value
    ]
    source = {"@type": "Periodical" if scholarly else "Organization", "name": reference.get("source")}
    return compact(
        {
            "@type": "ScholarlyArticle" if scholarly else "CreativeWork",
            "name": reference.get("title"),
            "creditText": reference.get("authors"),
            "datePublished": str(reference.get("year") or ""),
            "isPartOf" if scholarly else "publisher": source,
            "identifier": identifiers,
            "sameAs": f"https://doi.org/{doi}" if doi else None,
            "url": url or (f"https://pubmed.ncbi.nlm.nih.gov/{pubmed_id}/" if pubmed_id else None),
        }
    )


def medical_entity_details(entity):
    """What a page about one medical entity (a condition, a therapy) adds to its JSON-LD."""
    reference = {"@id": entity["@id"]}
    return {"about": reference, "mainEntity": reference, "medicalAudience": PATIENT_AUDIENCE}, [entity], []


def therapy_node(page, url):
    return compact({**therapy_ref(page, url), "description": page.summary})


@dataclass
class PageFacts:
    """What a page's structured data may draw on besides the page itself (see ``ClinicPage``'s
    ``schema_details``): its address, the site's, its share image, and its template context."""

    url: str
    root_url: str
    image: dict | None = None
    context: dict = field(default_factory=dict)
    request: object = None
    #: The absolute address of a practitioner's page ("" when the site has none).
    profile_url: object = lambda practitioner: ""

    def linked(self, name):
        """(page, absolute URL) for the pages listed under ``name`` in the page's context."""
        return [
            (item, url) for item in self.context.get(name) or [] if (url := item.get_full_url(self.request))
        ]

    def person(self, practitioner):
        """A reference to the practitioner's Person node (which carries the url of their page)."""
        return {"@id": practitioner_id(self.root_url, practitioner)}


def page_graph(page, facts, *, description, trail, language):
    """The nodes that describe one page of the tree, on top of the site-wide clinic and website.

    The page's own type, what it is about and the people it names come from the page model
    (``schema_type`` and ``schema_details``); ``trail`` is the breadcrumb list of (name, absolute URL).
    """
    url, root_url = facts.url, facts.root_url
    node = {
        "@id": f"{url}#webpage",
        "url": url,
        "name": page.seo_title or page.title,
        "description": description,
        "inLanguage": language,
        "isPartOf": {"@id": website_id(root_url)},
        "datePublished": iso(page.first_published_at),
        "dateModified": iso(page.last_published_at),
        "primaryImageOfPage": image_object(facts.image),
    }
    properties, nodes, named_people = page.schema_details(facts)
    node.update(properties)
    people = {practitioner.pk: practitioner for practitioner in facts.context.get("practitioners") or []}
    people.update((practitioner.pk, practitioner) for practitioner in named_people)

    types = [properties.pop("@type", page.schema_type)]
    questions = faq_questions(page)
    if questions:
        types.append("FAQPage")
        node["mainEntity"] = questions
    if len(trail) > 1:
        breadcrumbs = breadcrumb_node(url, trail)
        node["breadcrumb"] = {"@id": breadcrumbs["@id"]}
        nodes = [*nodes, breadcrumbs]
    node = {"@type": types[0] if len(types) == 1 else types, **compact(node)}
    return [
        node,
        *nodes,
        *(person_node(person, root_url, facts.profile_url(person)) for person in people.values()),
    ]


def view_graph(*, url, root_url, title, description, language, view_name=None):
    """The page node of a view outside the page tree (the consultation form, search results)."""
    page_type = "SearchResultsPage" if view_name == "articles:search" else "WebPage"
    return [
        compact(
            {
                "@type": page_type,
                "@id": f"{url}#webpage",
                "url": url,
                "name": title,
                "description": description,
                "inLanguage": language,
                "isPartOf": {"@id": website_id(root_url)},
            }
        )
    ]
