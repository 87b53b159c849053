"""Patient articles and the conditions each one covers."""

from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.blocks import ClinicStreamBlock
from articles.models.base import ClinicPage, TeaserFields, restricted_paths, with_card_images
from articles.models.pages import ConditionPage
from clinic_site.shared import shared_value

# What a teaser card shows (title, link, date, summary, image): fewer columns to read and to compile.
TEASER_FIELDS = ("title", "url_path", "path", "depth", "first_published_at", "summary", "image")
# What an article shows of the conditions it covers: name, link, and the slug of the booking link.
CONDITION_LINK_FIELDS = ("title", "slug", "url_path", "path", "depth", "live", "content_type", "locale")


def newest_first(node):
    """Sort key of a directory node by first publication (never published counts as oldest), then id."""
    return (node.first_published_at is not None, node.first_published_at or 0, node.id)


def shown(nodes):
    """The directory nodes of live pages that no view restriction covers."""
    hidden = tuple(restricted_paths())
    return [node for node in nodes if node.live and not node.path.startswith(hidden)]


def articles_by_condition():
    """``{condition id: [article ids]}``, kept with the cached pages' generation (a publish replaces it)."""

    def build():
        found = {}
        for condition_id, article_id in ArticleCondition.objects.values_list("condition_id", "article_id"):
            found.setdefault(condition_id, []).append(article_id)
        return found

    return shared_value("articles-by-condition", build)


class ArticlePage(TeaserFields, ClinicPage):
    """A patient article, written by a practitioner and medically reviewed by another."""

    body = StreamField(ClinicStreamBlock())
    author = models.ForeignKey(
        "articles.Practitioner", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    reviewer = models.ForeignKey(
        "articles.Practitioner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        verbose_name="medically reviewed by",
        limit_choices_to={"is_clinical_reviewer": True},
    )
    last_reviewed = models.DateField(null=True, blank=True, help_text="Shown to patients under the title.")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        InlinePanel(
            "condition_links",
            label="Conditions covered",
            heading="Conditions covered (the first is the main condition)",
            min_num=1,
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("reviewer"), FieldPanel("last_reviewed")],
            heading="Authorship and medical review",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    def get_conditions(self):
        """Live conditions this article covers, main condition first.

        Only what an article shows of them (name, link, the booking link's slug) is read; a preview
        gets the links from the form as it stands.
        """
        shown_fields = [f"condition__{name}" for name in CONDITION_LINK_FIELDS]
        links = self.condition_links.all().select_related("condition")
        links = links.only("sort_order", "article", "condition", *shown_fields)
        return [link.condition for link in links if link.condition.live]

    @property
    def main_condition(self):
        conditions = self.get_conditions()
        return conditions[0] if conditions else None

    def get_next_article(self):
        """The next older article in the same section, or the newest one when this is the oldest.

        From the page directory (``articles.routing``): no query once another page has read it.
        """
        from articles.routing import page_directory

        if not self.path:
            return None
        siblings = [
            node
            for node in shown(page_directory().children.get(self.path[: -self.steplen], []))
            if node.id != self.pk and node.content_type_id == self.content_type_id
        ]
        if not siblings:
            return None
        chosen = max(siblings, key=newest_first)
        if self.first_published_at is not None:
            mine = (True, self.first_published_at, self.pk)
            older = [node for node in siblings if newest_first(node) < mine]
            if older:
                chosen = max(older, key=newest_first)
        return chosen.as_page()

    def get_related_articles(self, conditions, limit=3):
        """Up to ``limit`` other articles that share a condition with this one, newest first.

        Which ones: worked out from the page directory and the shared list of articles per
        condition; then one query by id for what their cards show.
        """
        from articles.routing import page_directory

        by_condition = articles_by_condition()
        directory = page_directory()
        sharing = {
            article_id
            for condition in conditions
            for article_id in by_condition.get(condition.pk, ())
            if article_id != self.pk
        }
        candidates = shown(
            directory.by_id[article_id] for article_id in sharing if article_id in directory.by_id
        )
        ids = [node.id for node in sorted(candidates, key=newest_first, reverse=True)[:limit]]
        if not ids:
            return []
        found = with_card_images(ArticlePage.objects.filter(pk__in=ids)).only(*TEASER_FIELDS).in_bulk()
        return [found[article_id] for article_id in ids if article_id in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        conditions = self.get_conditions()
        condition = conditions[0] if conditions else None
        context["conditions"] = conditions
        context["main_condition"] = condition
        context["related_articles"] = self.get_related_articles(conditions)
        context["next_article"] = self.get_next_article()
        context["booking_url"] = (
            condition.consultation_url(source=self) if condition else reverse("booking:request")
        )
        return context


class ArticleCondition(Orderable):
    """Links an article to a condition it covers; the first link is the article's main condition."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="condition_links")
    condition = models.ForeignKey(ConditionPage, on_delete=models.CASCADE, related_name="article_links")

    panels = [FieldPanel("condition")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "condition"], name="unique_article_condition")
        ]
