"""Which pages and hosts search engines may index."""

from django.conf import settings
from django.http.request import split_domain_port, validate_host

# URL names of pages that are never indexed, whatever the host.
NOINDEX_VIEW_NAMES = frozenset({"booking:thank_you", "articles:search"})


def host_is_indexable(host, indexable_hosts=None):
    """Whether search engines may index the site at ``host`` (``SEO_INDEXABLE_HOSTS``)."""
    patterns = settings.SEO_INDEXABLE_HOSTS if indexable_hosts is None else indexable_hosts
    domain, _port = split_domain_port(host or "")
    return bool(domain) and validate_host(domain, patterns)


def robots_directives(*, host, is_preview=False, view_name=None, is_error_page=False):
    """The content of the robots meta tag, or "" when the page may be indexed."""
    if is_preview or not host_is_indexable(host):
        return "noindex, nofollow"
    if view_name in NOINDEX_VIEW_NAMES or is_error_page:
        return "noindex, follow"
    return ""


# --- Images ----------------------------------------------------------------------------------------
