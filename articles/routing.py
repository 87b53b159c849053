"""Finding the page for a URL with one query instead of one or two per level of the page tree.

Wagtail routes ``/resources/an-article/`` step by step: the site (a query), the home page as its own
type (a query), then for each level the child with that slug and its own type. That is five queries
for an article, most of them the same for every page. Wagtail keeps what it found on the request
(``request._wagtail_route_for_request``, and the site on ``request._wagtail_site``), so this middleware
fills both in just before Wagtail's page view runs:

- the site for the host comes from the shared cache;
- a directory of the pages (Wagtail keeps each page's full path in ``url_path`` on every save and
  move) comes from the shared cache and names the page and its type at once;
- one query loads that page as its own type, with its pictures;
- the breadcrumbs' ancestors come from the same directory, so they cost no query either. (The
  article pages' "next article" and the page links in rich text use it too.)

Both cached values are kept with the cached pages' generation (``clinic_site.shared.shared_value``), so
a publish, unpublish, move, rename or deletion is seen on the next request, and they are worked out
afresh inside a transaction. Wagtail's own routing still answers whenever the directory cannot: a path it
does not know (a 404, or a path that a page answers through its own ``route()``), a page not live, or a
page type on the way that routes for itself.
"""

import functools
import hashlib
from dataclasses import dataclass, fields

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from clinic_site.shared import shared_value


@dataclass(frozen=True)
class Node:
    """What routing, breadcrumbs and page links need to know about one page."""

    id: int
    content_type_id: int
    path: str
    depth: int
    url_path: str
    title: str
    live: bool
    first_published_at: object

    def as_page(self):
        """A generic page with these fields loaded (others load from the database if ever asked for)."""
        names = page_field_order()
        return Page.from_db(DEFAULT_DB_ALIAS, names, [getattr(self, name) for name in names])


NODE_FIELDS = [field.name for field in fields(Node)]


@functools.cache
def page_field_order():
    """``NODE_FIELDS`` in the order of Page's columns, the order ``Model.from_db`` reads values in."""
    return [field.attname for field in Page._meta.concrete_fields if field.attname in NODE_FIELDS]


@dataclass(frozen=True)
class PageDirectory:
    by_url_path: dict  # Wagtail's url_path ("/home/resources/an-article/") → Node
    by_path: dict  # treebeard path → Node
    by_id: dict  # id → Node
    children: dict  # treebeard path of a parent → its children's Nodes


def page_directory():
    """Every page of the tree, one row each, kept with the cached pages' generation."""

    def build():
        nodes = [Node(*row) for row in Page.objects.values_list(*NODE_FIELDS)]
        children = {}
        for node in nodes:
            children.setdefault(node.path[: -Page.steplen], []).append(node)
        return PageDirectory(
            by_url_path={node.url_path: node for node in nodes},
            by_path={node.path: node for node in nodes},
            by_id={node.id: node for node in nodes},
            children=children,
        )

    return shared_value("page-directory", build)


def site_for_request(request):
    """The Wagtail site for this request's host (checked against ALLOWED_HOSTS by then), from the cache."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request.get_host())[0]
        port = request.get_port()
        digest = hashlib.sha256(f"{hostname}:{port}".encode()).hexdigest()[:32]
        request._wagtail_site = shared_value(
            f"site-for-host:{digest}", lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def own_links(model):
    """The page type's own foreign keys (pictures, practitioners): loaded with the page, as it shows them."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and field.model is model and not field.remote_field.parent_link
    ]


def routes_itself(model):
    return model is None or model.route is not Page.route


def find_route(request, path):
    """The page at ``path`` (as Wagtail's URL pattern captured it), or None to leave it to Wagtail."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    site = site_for_request(request)
    if site is None:
        return None
    directory = page_directory()
    root = directory.by_id.get(site.root_page_id)
    if root is None:
        return None
    url_path = root.url_path + "".join(f"{part}/" for part in path.split("/") if part)
    target = directory.by_url_path.get(url_path)
    if target is None or not target.live or not target.path.startswith(root.path):
        return None
    steplen = Page.steplen
    ends = range(steplen * 2, len(target.path), steplen)
    chain = [directory.by_path.get(target.path[:end]) for end in ends]
    if None in chain:
        return None
    models = [ContentType.objects.get_for_id(node.content_type_id).model_class() for node in (*chain, target)]
    if any(routes_itself(model) for model in models):
        return None
    model = models[-1]
    try:
        page = model.objects.select_related(*own_links(model)).get(pk=target.id)
    except model.DoesNotExist:
        return None
    if not page.live:
        return None
    page._clinic_ancestors = [node.as_page() for node in chain]
    return RouteResult(page)


class PageRouteMiddleware:
    """Answers Wagtail's "which page is this?" before its page view asks (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is None
            or match.url_name != "wagtail_serve"
            or hasattr(request, "_wagtail_route_for_request")
        ):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            route = find_route(request, path or "")
        except DatabaseError:
            # Left to Wagtail's page view, which meets the same error where the outage page handles it.
            return None
        if route is not None:
            request._wagtail_route_for_request = route
        return None
