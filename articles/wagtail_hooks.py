"""Admin registration for clinic content that is not a page, and for the medical review of pages: the
"Reviews due" report, the reviewers' dashboard panel, and a clear word to a reviewer who cannot approve."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.admin_views import (
    ReviewsDueMenuItem,
    ReviewsDuePanel,
    ReviewsDueView,
    is_clinical_reviewer,
)
from articles.content_checks import ClinicContentChecker
from articles.models import Practitioner
from articles.panels import approval_outlook
from articles.reviews_due import reviews_due
from clinic_site.models import ClinicSettings


class PractitionerViewSet(SnippetViewSet):
    """Practitioners, listed with their credentials; editors keep bios and photos current here."""

    model = Practitioner
    icon = "user"
    menu_label = "Practitioners"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "credentials", "job_title"]
    search_fields = ["name"]


register_snippet(PractitionerViewSet)


@hooks.register("register_admin_urls")
def register_reviews_due_urls():
    return [
        path("reports/reviews-due/", ReviewsDueView.as_view(), name=ReviewsDueView.index_url_name),
        path(
            "reports/reviews-due/results/",
            ReviewsDueView.as_view(results_only=True),
            name=ReviewsDueView.index_results_url_name,
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return ReviewsDueMenuItem(
        "Reviews due", reverse(ReviewsDueView.index_url_name), name="reviews-due", icon_name="time", order=50
    )


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    if is_clinical_reviewer(request.user):
        panels.append(ReviewsDuePanel(reviews_due(ClinicSettings.for_request(request))))


@hooks.register("before_edit_page")
def explain_why_approval_is_not_possible(request, page):
    """A clinical reviewer opening a page they may not approve is told why, before they look for the
    button (no practitioner profile, or their own page)."""
    if request.method != "GET":
        return
    refusal = approval_outlook(page.get_latest_revision_as_object(), request.user).get("refusal")
    if refusal:
        messages.warning(request, refusal)


@hooks.register("construct_wagtail_userbar")
def add_reading_grade_check(request, items, page):
    """Wagtail's content checker with the clinic's reading-grade check (``articles.content_checks``)."""
    items[:] = [
        ClinicContentChecker(in_editor=item.in_editor) if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]
