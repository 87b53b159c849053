"""Patient articles and the conditions each one covers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles import citations, seo
from articles.blocks import ClinicStreamBlock, ReferencesBlock
from articles.booking_links import book_url
from articles.models.base import ClinicPage, TeaserFields, visible, with_card_images
from articles.models.pages import ConditionPage
from articles.models.review import MedicalReviewFields


class ArticlePage(TeaserFields, MedicalReviewFields, ClinicPage):
    """A patient article, written by a practitioner and medically reviewed by another, with its sources."""

    route_select_related = ("image", "author", "reviewer")
    schema_type = "MedicalWebPage"
    og_type = "article"
    reading_fields = ("summary", "body")

    body = StreamField(ClinicStreamBlock())
    author = models.ForeignKey(
        "articles.Practitioner", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    references = StreamField(
        ReferencesBlock(),
        blank=True,
        help_text="Numbered sources shown at the end of the article. Cite one in the text by typing its "
        "number in square brackets, such as [1] or [1, 3].",
    )

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
        FieldPanel("references"),
        MultiFieldPanel([FieldPanel("author")], heading="Authorship"),
        MedicalReviewFields.review_panel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        missing = citations.missing_references(self)
        if missing:
            numbers = ", ".join(f"[{number}]" for number in missing)
            raise ValidationError(
                {
                    "body": f"The text cites {numbers}, but the references list has "
                    f"{len(self.references or [])} source(s). Add the source under References, or "
                    "correct the number."
                }
            )

    def schema_details(self, facts):
        properties = {
            "headline": self.title,
            "about": [seo.condition_ref(condition, url) for condition, url in facts.linked("conditions")],
            "medicalAudience": seo.PATIENT_AUDIENCE,
            "publisher": {"@id": seo.clinic_id(facts.root_url)},
            "image": seo.image_object(facts.image),
            "author": facts.person(self.author) if self.author else None,
            "citation": [seo.citation_node(reference.value) for reference in self.references or []],
        }
        return self.with_review_details(facts, properties, [], [self.author] if self.author else [])

    def get_conditions(self):
        """Live conditions this article covers, main condition first (a preview gets them from the form)."""
        links = self.condition_links.all().select_related("condition")
        return [link.condition for link in links if link.condition.live]

    @property
    def main_condition(self):
        conditions = self.get_conditions()
        return conditions[0] if conditions else None

    def get_next_article(self):
        """The next older article in the same section, or the newest one when this is the oldest."""
        if not self.path:
            return None
        siblings = visible(ArticlePage.objects.sibling_of(self, inclusive=False))
        siblings = siblings.order_by("-first_published_at", "-pk")
        if self.first_published_at is not None:
            older = siblings.filter(first_published_at__lt=self.first_published_at).first()
            if older is not None:
                return older
        return siblings.first()

    def get_related_articles(self, conditions, limit=3):
        """Up to ``limit`` other articles that share a condition with this one, newest first."""
        if not conditions:
            return []
        articles = visible(ArticlePage.objects).exclude(pk=self.pk)
        articles = articles.filter(
            pk__in=ArticleCondition.objects.filter(condition__in=conditions).values("article")
        )
        return list(with_card_images(articles).order_by("-first_published_at", "-pk")[:limit])

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
        context["book_url"] = book_url(condition=condition, source_page=self)
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
