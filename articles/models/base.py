"""Helpers and mixins shared by every page type of the site."""

import functools
import operator

from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

from clinic_site.shared import shared_value


def image_field(help_text=""):
    return models.ForeignKey(
        "articles.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


def with_card_images(queryset):
    """Listing pages with their images in the same query; renditions come from Wagtail's cache."""
    return queryset.select_related("image")


def restricted_paths():
    """The tree paths of the pages that carry a view restriction (login, password, groups).

    Usually none. Kept in the shared cache with the cached pages' generation, which a change to any
    restriction replaces, so checking a page or filtering a listing costs no query.
    """
    return shared_value(
        "restricted-page-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def visible(queryset):
    """Live pages not under a view restriction, in one query (``.live().public()`` takes two)."""
    queryset = queryset.live()
    paths = restricted_paths()
    if not paths:
        return queryset
    return queryset.exclude(functools.reduce(operator.or_, (Q(path__startswith=path) for path in paths)))


def ancestors_of(page):
    """The page's ancestors from the home page down (the root left out), worked out once per page.

    The breadcrumbs and the structured data both show them. A page Wagtail routed to knows the
    parents it was routed through, so this usually costs no query; otherwise it is one.
    """
    if hasattr(page, "_clinic_ancestors"):
        return page._clinic_ancestors
    chain = []
    node = page
    while node.depth and node.depth > 2 and getattr(node, "_cached_parent_obj", None) is not None:
        node = node._cached_parent_obj
        chain.append(node)
    if node.depth and node.depth > 2:  # a parent not loaded yet (a preview, a page built in code)
        chain = list(page.get_ancestors().filter(depth__gte=2).reverse()) if page.path else []
    page._clinic_ancestors = list(reversed(chain))
    return page._clinic_ancestors


class PromoteFields(models.Model):
    """What search engines and social media show for a page: Wagtail's SEO title and description, with
    guidance on their length, and an image for link previews (the promote tab of every page type)."""

    share_image = image_field(
        "Shown when someone shares a link to this page (1200 × 630 pixels works best). "
        "Leave empty to use the page’s own image, then the default in Settings › Clinic details."
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel(
                    "seo_title",
                    help_text="The headline search engines show, if it should differ from the page title. "
                    "Keep it under about 60 characters; the clinic’s name is added after it.",
                ),
                FieldPanel(
                    "search_description",
                    help_text="The summary search engines and link previews show under the headline: "
                    "about 120–160 characters. Left empty, the page’s summary is used.",
                ),
            ],
            "For search engines",
        ),
        MultiFieldPanel([FieldPanel("share_image")], "For social media"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "show_in_menus",
                    help_text="Pages directly under the home page with this ticked appear in the main "
                    "navigation; all of them are listed in the footer.",
                )
            ],
            "For site menus",
        ),
    ]

    class Meta:
        abstract = True


class ClinicPage(PromoteFields, Page):
    """Behaviour shared by every page type of the site."""

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # None without a query when no restriction covers the page (the shared list says so); else one query
        # on the ancestors' paths instead of Wagtail's two (ancestors, then restrictions).
        if self.alias_of_id:
            return super().get_view_restrictions()
        if not any(self.path.startswith(path) for path in restricted_paths()):
            return PageViewRestriction.objects.none()
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        return PageViewRestriction.objects.filter(page__path__in=paths)


class TeaserFields(models.Model):
    """A one- or two-sentence summary used on teasers and as the fallback meta description."""

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences for listings and search results (about 160 characters).",
    )
    image = image_field("Shown at the top of the page and on teasers.")

    class Meta:
        abstract = True
