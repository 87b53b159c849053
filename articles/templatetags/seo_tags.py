"""The ``seo_metadata`` tag: everything ``templates/includes/seo_head.html`` puts in the page head.

It gathers what the request and the template context already hold (the page, its conditions,
treatments and practitioners, the clinic settings, the site) and hands them to ``articles.seo``.
"""

from dataclasses import dataclass, field

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

from articles import robots, seo
from articles.models.team import profile_url
from articles.renditions import LOGO_SPEC, SHARE_IMAGE_SPEC

register = template.Library()

DESCRIPTION_LENGTH = 300


@dataclass
class SeoMetadata:
    """What the head of one response says about it to search engines, feed readers and link previews."""

    language: str = field(default_factory=seo.language_tag)
    title: str = ""
    description: str = ""
    canonical_url: str = ""
    robots: str = ""
    og_type: str = "website"
    og_locale: str = ""
    site_name: str = ""
    image: dict | None = None
    published_time: str = ""
    modified_time: str = ""
    section: str = ""
    feeds: list = field(default_factory=list)
    json_ld: str = ""


def page_description(page, clinic):
    """The page's SEO description, else the first of its ``description_fields`` that is filled (rich
    text read as plain text), else the clinic's tagline."""
    candidates = [page.search_description]
    for name in getattr(page, "description_fields", ()):
        value = getattr(page, name, "")
        is_rich_text = isinstance(page._meta.get_field(name), RichTextField)
        candidates.append(seo.plain_text(value) if is_rich_text else value)
    text = next((" ".join(str(value).split()) for value in candidates if value and str(value).strip()), "")
    text = text or getattr(clinic, "tagline", "")
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def page_trail(page, request):
    """(name, absolute URL) from the home page down to ``page``, as the visible breadcrumbs show it.

    Uses the same ancestors as the breadcrumbs, read once per page.
    """
    trail = []
    for item in [*page.breadcrumb_ancestors, page]:
        url = item.get_full_url(request)
        if url:
            trail.append(("Home" if item.depth == 2 else item.title, url))
    return trail


def _clinic(context, request):
    clinic = context.get("clinic")
    if clinic is None and request is not None:
        from clinic_site.models import ClinicSettings

        clinic = ClinicSettings.for_request(request)
    return clinic


@register.simple_tag(takes_context=True)
def seo_metadata(context):
    """Canonical URL, robots directives, Open Graph/Twitter values and the JSON-LD for this response."""
    request = context.get("request")
    if request is None:
        return SeoMetadata()
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    clinic = _clinic(context, request)
    site = Site.find_for_request(request)
    root_url = site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")
    language = seo.language_tag(get_language())
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else None
    is_error_page = page is None and (match is None or match.url_name == "wagtail_serve")
    is_preview = bool(getattr(request, "is_preview", False))

    metadata = SeoMetadata(
        language=language,
        robots=robots.robots_directives(
            host=request.get_host(), is_preview=is_preview, view_name=view_name, is_error_page=is_error_page
        ),
        og_locale=seo.og_locale(get_language()),
        site_name=getattr(clinic, "name", ""),
        feeds=[
            ("application/rss+xml", reverse("articles:rss_feed"), "RSS"),
            ("application/atom+xml", reverse("articles:atom_feed"), "Atom"),
        ],
    )
    image_source = seo.share_image_for(page, clinic)
    metadata.image = seo.rendition_data(image_source, SHARE_IMAGE_SPEC, root_url)

    def clinic_and_website():
        logo = seo.rendition_data(getattr(clinic, "logo", None), LOGO_SPEC, root_url)
        default_image = seo.rendition_data(
            getattr(clinic, "default_share_image", None), SHARE_IMAGE_SPEC, root_url
        )
        return [
            seo.clinic_node(clinic, root_url, logo=logo, image=default_image),
            seo.website_node(clinic, root_url, f"{root_url}{reverse('articles:search')}", language),
        ]

    site_nodes = clinic_and_website()

    intrinsic_noindex = is_preview or is_error_page or view_name in robots.NOINDEX_VIEW_NAMES
    if page is not None:
        # A page's route (a practitioner on the Team page) names its own address, title and description.
        subpage_url = context.get("subpage_url")
        url = (
            seo.absolute_url(root_url, subpage_url)
            or page.get_full_url(request)
            or f"{root_url}{request.path}"
        )
        title = context.get("subpage_title") or page.seo_title
        metadata.title = title or (clinic.name if page.depth == 2 else page.title)
        description = context.get("subpage_description")
        metadata.description = Truncator(description).chars(DESCRIPTION_LENGTH) if description else ""
        metadata.description = metadata.description or page_description(page, clinic)
        if not intrinsic_noindex:
            page_obj = context.get("page_obj")
            number = getattr(page_obj, "number", 1)
            metadata.canonical_url = f"{url}?page={number}" if number > 1 else url
        metadata.og_type = getattr(page, "og_type", metadata.og_type)
        if metadata.og_type == "article":
            metadata.published_time = seo.iso(page.first_published_at) or ""
            metadata.modified_time = seo.iso(page.last_published_at) or ""
            main_condition = context.get("main_condition")
            metadata.section = main_condition.title if main_condition is not None else ""
        facts = seo.PageFacts(
            url=url,
            root_url=root_url,
            image=metadata.image,
            context=context.flatten(),
            request=request,
            profile_url=lambda practitioner: profile_url(practitioner, request, full=True),
        )
        trail = page_trail(page, request) if page.depth and page.depth > 2 else []
        if subpage_url:
            trail.append((context.get("subpage_title"), url))
        graph = seo.page_graph(page, facts, description=metadata.description, trail=trail, language=language)
    else:
        url = f"{root_url}{request.path}"
        metadata.title = context.get("seo_title") or getattr(clinic, "name", "")
        metadata.description = context.get("seo_description") or getattr(clinic, "tagline", "")
        if not intrinsic_noindex:
            metadata.canonical_url = url
        graph = seo.view_graph(
            url=url,
            root_url=root_url,
            title=metadata.title,
            description=metadata.description,
            language=language,
            view_name=view_name,
        )
    metadata.json_ld = mark_safe(seo.to_json_ld(site_nodes + graph))  # noqa: S308 - escaped by to_json_ld
    return metadata
