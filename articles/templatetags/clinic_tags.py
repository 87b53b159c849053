"""Template tags for the public site: responsive pictures, booking links, the main menu, pagination."""

import re

from django import template
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from articles.models.base import ancestors_of
from articles.renditions import ROLES, rendition_facts, specs_for
from clinic_site.shared import shared_value

register = template.Library()


def _srcset(renditions):
    """``url 400w, url 800w`` from ``(url, width, height)``, skipping repeated widths (small originals
    are never upscaled)."""
    seen = set()
    parts = []
    for url, width, _height in renditions:
        if width in seen:
            continue
        seen.add(width)
        parts.append((url, width))
    return ", ".join(f"{url} {width}w" for url, width in parts)


@register.simple_tag
def clinic_picture(image, role, css_class="", loading="lazy", alt=None, fetchpriority=None, sizes=None):
    """A ``<picture>`` with WebP and JPEG sources for one of the roles in ``articles.renditions``.

    The renditions' URLs and sizes come from ``rendition_facts`` (made together when missing, then
    shared by every page that shows the picture). ``alt`` overrides the image's own alt text
    (``description``); ``sizes`` overrides the role's ``sizes`` attribute where a layout shows the
    image narrower. An eager image (the page's hero) is also fetched with high priority.
    """
    if image is None:
        return ""
    specs = specs_for(role)
    renditions = rendition_facts(image, specs)
    webp = [renditions[spec] for spec in specs if spec.endswith("|format-webp")]
    jpeg = [renditions[spec] for spec in specs if spec.endswith("|format-jpeg")]
    smallest_url, smallest_width, smallest_height = jpeg[0]
    sizes = sizes or ROLES[role][2]
    if fetchpriority is None and loading == "eager":
        fetchpriority = "high"
    alt_text = alt or getattr(image, "description", "") or ""
    extra = format_html(' fetchpriority="{}"', fetchpriority) if fetchpriority else ""
    class_attr = format_html(' class="{}"', css_class) if css_class else ""
    return format_html(
        '<picture{}><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}" '
        'decoding="async"{}></picture>',
        class_attr,
        _srcset(webp),
        sizes,
        smallest_url,
        _srcset(jpeg),
        sizes,
        smallest_width,
        smallest_height,
        alt_text,
        loading,
        extra,
    )


@register.simple_tag
def consultation_url(condition=None, source_page=None):
    """The consultation form, with ``condition`` chosen and ``source_page`` recorded when given."""
    if not condition:
        return reverse("booking:request")
    if not hasattr(condition, "consultation_url"):
        condition = condition.specific
    return condition.consultation_url(source_page or None)


def _site_pages(context):
    """The home page's live children, fetched once per request for the header and the footer."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    if not hasattr(request, "_clinic_site_pages"):
        request._clinic_site_pages = shared_value(
            f"site-pages:{site.pk}", lambda: list(site.root_page.get_children().live())
        )
    return request._clinic_site_pages


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's live children shown in menus, as ``(page, state)`` pairs (no query of its own).

    ``state`` is "page" when it is the page being viewed, "section" when the page being viewed lies
    under it, else "". The pages are shared with other requests, so nothing is written on them.
    """
    current_path = getattr(context.get("page"), "path", "")
    items = []
    for item in _site_pages(context):
        if not item.show_in_menus:
            continue
        if current_path == item.path:
            items.append((item, "page"))
        elif current_path.startswith(item.path):
            items.append((item, "section"))
        else:
            items.append((item, ""))
    return items


def shared_fragment(context, name, template_name, values=None):
    """``template_name`` rendered once per site and generation (``clinic_site.shared.shared_value``).

    ``name`` must say everything else the fragment depends on (None: render it, share nothing). With
    ``values`` the template sees only them (and the request); without, the whole context.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    template = context.template.engine.get_template(template_name)

    def render():
        if values is not None:
            return mark_safe(template.render(context.new({**values, "request": request})))  # noqa: S308
        with context.push():
            return mark_safe(template.render(context))  # noqa: S308 - a rendered template

    if site is None or name is None:
        return render()
    return mark_safe(shared_value(f"{name}:{site.pk}", render))  # noqa: S308 - a rendered template


@register.simple_tag(takes_context=True)
def site_footer(context):
    """``includes/footer.html``: the same on every page (clinic details, the pages under Home)."""
    return shared_fragment(context, f"footer:{timezone.localdate().year}", "includes/footer.html")


@register.simple_tag(takes_context=True)
def teaser_card(context, item, heading="h3", show_date=False):
    """``includes/teaser_card.html`` for one page: its picture, title, date and summary.

    The same card shows on the home page, its index, the condition pages and other articles' related
    lists, so one rendering serves them all until a publish or an image change.
    """
    values = {"item": item, "heading": heading, "show_date": show_date}
    name = f"card:{item.pk}:{heading}:{bool(show_date)}" if item.pk else None
    return shared_fragment(context, name, "includes/teaser_card.html", values)


@register.simple_tag
def page_ancestors(page):
    """The page's ancestors from the home page down, for the breadcrumbs (shared with the JSON-LD)."""
    return ancestors_of(page)


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """Every live child of the home page (section indexes, about, privacy) for the footer."""
    return _site_pages(context)


@register.simple_tag(takes_context=True)
def live_page_of_type(context, model_label):
    """The first live page of a type in the current site, e.g. ``"articles.ConditionIndexPage"``."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    model = apps.get_model(model_label)
    queryset = model.objects.live().public()
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=True)
    return queryset.first()


@register.simple_tag
def page_range(page_obj):
    """Page numbers with ellipses for long listings: 1 … 4 5 [6] 7 8 … 20."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


@register.filter
def tel_href(phone):
    """``tel:`` link target from a phone number as written: ``(555) 010-0199`` → ``tel:5550100199``."""
    phone = str(phone or "")
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:{digits}" if digits else ""


@register.filter
def mid_sentence(title):
    """A title as it reads inside a sentence: "Neck pain" → "neck pain", but "TMJ pain" stays."""
    title = str(title or "")
    if len(title) > 1 and title[0].isupper() and not title[1].isupper():
        return title[0].lower() + title[1:]
    return title
