"""Helpers and mixins shared by every page type of the site."""

import functools
import operator

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

from articles.booking_links import book_url, request_url
from pagecache import memo


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


def view_restrictions():
    """Every view restriction on the site (login, password, groups), read once per request.

    Usually there are none, and then neither a page nor a listing needs another query to know it.
    """
    return memo.remember(
        "page-view-restrictions", lambda: list(PageViewRestriction.objects.select_related("page"))
    )


def visible(queryset):
    """Live pages that no view restriction covers: Wagtail's ``live().public()``, with the restrictions
    read once per request rather than once per listing."""
    queryset = queryset.live()
    restrictions = view_restrictions()
    if not restrictions:
        return queryset
    covered = (queryset.descendant_of_q(restriction.page, inclusive=True) for restriction in restrictions)
    return queryset.exclude(functools.reduce(operator.or_, covered))


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

    #: Related rows a page of this type shows, loaded with it when its section routes to it.
    route_select_related = ()
    #: The page's schema.org type in the site's JSON-LD graph (``articles.seo.page_graph``).
    schema_type = "WebPage"
    #: Fields that describe the page when the editor wrote no search description: the first one filled.
    description_fields = ()

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing, finding each child as its own type in one query rather than two.

        A section whose children are all of one type finds the child as that type, with what it shows
        from other tables (``route_select_related``). Elsewhere (the home page's sections) the child is
        found as a page, then taken as its own type without another query when the address goes on
        below it, or with its own fields in one more query when it is the page asked for.
        """
        if not path_components:
            return super().route(request, path_components)
        slug, rest = path_components[0], path_components[1:]
        child_models = self.allowed_subpage_models()
        try:
            if len(child_models) == 1:
                model = child_models[0]
                children = model.objects.child_of(self).select_related(*model.route_select_related)
                child = children.get(slug=slug)
            else:
                child = self.get_children().get(slug=slug)
                if rest:
                    child = child.specific_deferred
                else:
                    model = child.specific_class
                    child = model.objects.select_related(*model.route_select_related).get(pk=child.pk)
        except ObjectDoesNotExist:
            raise Http404 from None
        child.routed_from = self
        return child.route(request, rest)

    def schema_details(self, facts):
        """What the page's JSON-LD says besides its name, dates and breadcrumbs: properties of its own
        node, other nodes it is about, and practitioners it names (``facts``: ``seo.PageFacts``)."""
        return {}, [], []

    def get_context(self, request, *args, **kwargs):
        """Every page's calls to action carry the page the patient came from (page types that know a
        condition, treatment or practitioner add it)."""
        context = super().get_context(request, *args, **kwargs)
        context["booking_url"] = request_url(source_page=self)
        context["book_url"] = book_url(source_page=self)
        return context

    def get_view_restrictions(self):
        """Wagtail's check, skipped without a query when the site has no view restriction at all."""
        if not view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @cached_property
    def breadcrumb_ancestors(self):
        """The page's ancestors from the home page down (the tree's root left out).

        A routed page knows the parents it was routed through, so the breadcrumbs and the structured
        data that show them cost no query; a page loaded some other way (a preview) asks for each parent.
        """
        chain = []
        node = self
        while node.path and node.depth > 2:
            node = getattr(node, "routed_from", None) or node.get_parent()
            chain.append(node)
        return chain[::-1]


class TeaserFields(models.Model):
    """A one- or two-sentence summary used on teasers and as the fallback meta description."""

    description_fields = ("summary",)

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences for listings and search results (about 160 characters).",
    )
    image = image_field("Shown at the top of the page and on teasers.")

    class Meta:
        abstract = True
