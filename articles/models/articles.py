"""Patient articles and the conditions each one covers."""

from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles import seo
from articles.blocks import ClinicStreamBlock
from articles.booking_links import book_url
from articles.models.base import ClinicPage, TeaserFields, visible, with_card_images
from articles.models.pages import ConditionPage


class ArticlePage(TeaserFields, ClinicPage):
    """A patient article, written by a practitioner and medically reviewed by another."""

    route_select_related = ("image", "author", "reviewer")
    schema_type = "MedicalWebPage"
    og_type = "article"

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

    def schema_details(self, facts):
        properties = {
            "headline": self.title,
            "about": [seo.condition_ref(condition, url) for condition, url in facts.linked("conditions")],
            "lastReviewed": seo.iso(self.last_reviewed),
            "medicalAudience": seo.PATIENT_AUDIENCE,
            "publisher": {"@id": seo.clinic_id(facts.root_url)},
            "image": seo.image_object(facts.image),
            "author": facts.person(self.author) if self.author else None,
            "reviewedBy": facts.person(self.reviewer) if self.reviewer else None,
        }
        return properties, [], [person for person in (self.author, self.reviewer) if person is not None]

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
