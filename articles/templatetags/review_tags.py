"""Template tags for trustworthy medical pages: citation links in an article's text, and the review and
reading-grade facts the admin shows editors and clinical reviewers."""

from django import template
from django.utils.html import format_html

from articles.citations import link_markers
from articles.content_checks import MARKER_ATTRIBUTE
from articles.panels import review_summary
from articles.readability import reading_grade
from clinic_site.models import ClinicSettings

register = template.Library()


class CitationsNode(template.Node):
    def __init__(self, nodelist, page):
        self.nodelist = nodelist
        self.page = page

    def render(self, context):
        page = self.page.resolve(context)
        return link_markers(self.nodelist.render(context), len(getattr(page, "references", None) or []))


@register.tag
def citations(parser, token):
    """``{% citations page %}…{% endcitations %}``: the enclosed text with ``[1]`` markers linked to the
    page's numbered references."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% citations %} takes one argument: the page.")
    nodelist = parser.parse(("endcitations",))
    parser.delete_first_token()
    return CitationsNode(nodelist, parser.compile_filter(bits[1]))


@register.simple_tag(takes_context=True)
def review_summary_for(context, page):
    """The review facts about a medical page's latest draft (see ``articles.panels.review_summary``), or
    None for a page that is not reviewed."""
    if page.pk and getattr(page, "latest_revision_id", None):
        page = page.get_latest_revision_as_object()
    if not hasattr(page, "next_review_due"):
        return None
    return review_summary(page, context["request"])


@register.simple_tag(takes_context=True)
def reading_check(context, page):
    """In a preview only: an empty, hidden marker when the page reads above the clinic's target grade,
    which Wagtail's checks panel reports as an issue (``articles.content_checks``)."""
    request = context.get("request")
    if not getattr(request, "is_preview", False):
        return ""
    grade = reading_grade(page)
    target = ClinicSettings.for_request(request).reading_grade_target
    if grade is None or grade <= target:
        return ""
    return format_html('<div class="visually-hidden" {}="{}"></div>', MARKER_ATTRIBUTE, grade)
