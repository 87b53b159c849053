"""The Team page and a page for each practitioner."""

from django.shortcuts import get_object_or_404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from articles import seo
from articles.blocks import RICH_TEXT_FEATURES
from articles.booking_links import book_url, request_url
from articles.models.base import ClinicPage, visible
from articles.models.practitioners import Practitioner, with_portraits
from articles.renditions import specs_for
from pagecache import memo

#: The portrait's largest JPEG, already made for the page's own picture.
PORTRAIT_SPEC = specs_for("portrait")[-1]


class TeamPage(RoutablePageMixin, ClinicPage):
    """“Our team”: every practitioner with a link to their own page at ``/team/<slug>/``.

    A practitioner's page is a route of this page (Wagtail's ``RoutablePageMixin``), drawn from the
    ``Practitioner`` snippet, rather than a page of its own in the tree: the snippet already feeds
    bylines, clinical review, booking and the side column, so the clinic keeps each person in one
    place and a new practitioner gets a page the moment they are added.
    """

    intro = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="A few sentences above the list of practitioners."
    )

    schema_type = "CollectionPage"
    description_fields = ("intro",)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["articles.HomePage"]
    subpage_types = []
    max_count = 1

    def practitioner_url(self, base, practitioner):
        """A practitioner's page below ``base``, this page's address: ``/team/`` → ``/team/maya-chen/``."""
        return (
            f"{base.rstrip('/')}/{self.reverse_subpage('practitioner', kwargs={'slug': practitioner.slug})}"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("practitioners", with_portraits(Practitioner.objects.all()))
        return context

    @path("")
    def team(self, request):
        """The Team page itself: the intro and every practitioner."""
        return self.render(request)

    @path("<slug:slug>/")
    def practitioner(self, request, slug):
        """One practitioner: who they are, what they treat, and how to book with them."""
        practitioner = get_object_or_404(with_portraits(Practitioner.objects), slug=slug)
        url = self.get_url(request) or ""
        return self.render(
            request,
            template="articles/practitioner_page.html",
            context_overrides={
                "practitioner": practitioner,
                "practitioners": None,
                "conditions": visible(practitioner.conditions).order_by("path"),
                "treatments": visible(practitioner.treatments).order_by("path"),
                "book_url": book_url(source_page=self, practitioner=practitioner),
                "booking_url": request_url(source_page=self, practitioner=practitioner),
                "subpage_title": practitioner.display_name,
                "subpage_description": seo.plain_text(practitioner.bio)
                or f"{practitioner.name}, {practitioner.job_title}",
                "subpage_url": self.practitioner_url(url, practitioner),
            },
        )

    def schema_details(self, facts):
        practitioner = facts.context.get("practitioner")
        if practitioner is None:
            return {}, [], []
        person = seo.person_node(
            practitioner,
            facts.root_url,
            url=facts.url,
            image=seo.image_object(seo.rendition_data(practitioner.photo, PORTRAIT_SPEC, facts.root_url)),
            description=seo.plain_text(practitioner.bio),
            languages=practitioner.language_list,
            conditions=facts.linked("conditions"),
        )
        reference = {"@id": person["@id"]}
        properties = {
            "@type": "ProfilePage",
            "name": practitioner.display_name,
            "mainEntity": reference,
            "about": reference,
        }
        return properties, [person], []

    def get_sitemap_urls(self, request=None):
        """The Team page, then each practitioner's page."""
        entries = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not entries or not base:
            return entries
        return entries + [
            {
                "location": self.practitioner_url(base, practitioner),
                "lastmod": self.last_published_at,
            }
            for practitioner in Practitioner.objects.only("slug")
        ]


def team_page():
    """The site's live, public Team page, or None: looked up once per request."""
    return memo.remember("team-page", lambda: visible(TeamPage.objects).first())


def profile_url(practitioner, request=None, full=False):
    """The address of a practitioner's page, or "" when the site has no Team page."""
    page = team_page()
    if page is None or not practitioner or not practitioner.slug:
        return ""
    base = page.get_full_url(request) if full else page.get_url(request)
    return page.practitioner_url(base, practitioner) if base else ""
