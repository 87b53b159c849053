"""Template tags for the public site: responsive pictures, consultation and online booking links, the main
menu, pagination."""

import re

from django import template
from django.apps import apps
from django.urls import reverse
from django.utils.html import format_html
from wagtail.models import Page, Site

from articles import booking_links
from articles.models.team import profile_url
from articles.renditions import ROLES, renditions_of, specs_for

register = template.Library()


def _srcset(renditions):
    """``url 400w, url 800w``, skipping repeated widths (small originals are never upscaled)."""
    seen = set()
    parts = []
    for rendition in renditions:
        if rendition.width in seen:
            continue
        seen.add(rendition.width)
        parts.append(f"{rendition.url} {rendition.width}w")
    return ", ".join(parts)


@register.simple_tag
def clinic_picture(image, role, css_class="", loading="lazy", alt=None, fetchpriority=None, sizes=None):
    """A ``<picture>`` with WebP and JPEG sources for one of the roles in ``articles.renditions``.

    The renditions come from Wagtail's rendition cache (made together when missing). ``alt``
    overrides the image's own alt text (``description``); ``sizes`` overrides the role's ``sizes``
    attribute where a layout shows the image narrower. An eager image (the page's hero) is also
    fetched with high priority.
    """
    if image is None:
        return ""
    specs = specs_for(role)
    renditions = renditions_of(image, specs)
    webp = [renditions[spec] for spec in specs if spec.endswith("|format-webp")]
    jpeg = [renditions[spec] for spec in specs if spec.endswith("|format-jpeg")]
    smallest = jpeg[0]
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
        smallest.url,
        _srcset(jpeg),
        sizes,
        smallest.width,
        smallest.height,
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


@register.simple_tag
def book_url(condition=None, source_page=None, treatment=None, practitioner=None):
    """Online booking with the condition, source page, treatment or practitioner given (any may be None)."""
    if condition and not hasattr(condition, "slug"):
        condition = condition.specific
    return booking_links.book_url(condition or None, source_page or None, treatment, practitioner)


@register.simple_tag(takes_context=True)
def practitioner_url(context, practitioner):
    """The practitioner's page on the Team page, or "" when the site has no Team page."""
    return profile_url(practitioner, context.get("request"))


def _site_pages(context):
    """The home page's live children (the header's menu and the footer, both cached fragments)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    return list(site.root_page.get_children().live())


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's live children shown in menus, as ``(page, state)`` pairs.

    ``state`` is "page" when it is the page being viewed, "section" when the page being viewed lies
    under it, else "".
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


@register.simple_tag(takes_context=True)
def menu_position(context):
    """What the menu's highlighting depends on, for its fragment cache key: the top-level section being
    viewed and whether this is the section's own page (``"000100010002:section"``), else ""."""
    path = getattr(context.get("page"), "path", "") or ""
    section_length = 3 * Page.steplen  # the home page's children sit at depth 3
    if len(path) < section_length:
        return ""
    return f"{path[:section_length]}:{'page' if len(path) == section_length else 'section'}"


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
