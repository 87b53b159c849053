"""The clinic's page types and where each may live in the page tree.

Home ─┬─ Conditions (index) ── condition pages
      ├─ Treatments (index) ── treatment pages
      ├─ Resources (index) ──── article pages
      ├─ Team (``models/team.py``) ─ a page per practitioner, routed from the Team page
      └─ standard pages (about, privacy, terms), which may nest
"""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.urls import reverse
from django.utils.http import urlencode
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from articles import seo
from articles.blocks import RICH_TEXT_FEATURES, ClinicStreamBlock
from articles.booking_links import book_url
from articles.models.base import ClinicPage, TeaserFields, image_field, visible, with_card_images
from articles.models.practitioners import Practitioner, with_portraits
from articles.models.review import MedicalReviewFields


class HomePage(ClinicPage):
    """The front page: what the clinic treats and a way to ask for a consultation."""

    description_fields = ("hero_text",)

    hero_title = models.CharField(max_length=120)
    hero_text = models.TextField(max_length=400, blank=True)
    hero_image = image_field()
    body = StreamField(ClinicStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], "Hero"
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ConditionIndexPage",
        "articles.TreatmentIndexPage",
        "articles.ArticleIndexPage",
        "articles.StandardPage",
        "articles.TeamPage",
    ]
    max_count = 1

    def schema_details(self, facts):
        return {"about": {"@id": seo.clinic_id(facts.root_url)}}, [], []

    def get_context(self, request, *args, **kwargs):
        from articles.models.articles import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        context["conditions"] = with_card_images(visible(ConditionPage.objects).order_by("path"))
        context["treatments"] = visible(TreatmentPage.objects).order_by("path")
        context["latest_articles"] = with_card_images(
            visible(ArticlePage.objects).order_by("-first_published_at")
        )[:3]
        return context


class IndexPage(ClinicPage):
    """Shared shape of the three section indexes."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    schema_type = "CollectionPage"
    description_fields = ("intro",)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["articles.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class ConditionIndexPage(IndexPage):
    """“Conditions we treat”: lists every condition page."""

    subpage_types = ["articles.ConditionPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conditions"] = with_card_images(visible(ConditionPage.objects.child_of(self)))
        return context


class TreatmentIndexPage(IndexPage):
    """“Treatments”: lists acupuncture, dry needling, cupping and the rest."""

    subpage_types = ["articles.TreatmentPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = with_card_images(visible(TreatmentPage.objects.child_of(self)))
        return context


class ArticleIndexPage(IndexPage):
    """“Resources”: article teasers, newest first, ten to a page."""

    per_page = 10
    subpage_types = ["articles.ArticlePage"]

    def get_context(self, request, *args, **kwargs):
        from articles.models.articles import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        articles = with_card_images(
            visible(ArticlePage.objects.child_of(self)).order_by("-first_published_at", "-pk")
        )
        paginator = Paginator(articles, self.per_page)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context["page_obj"] = page_obj
        context["articles"] = page_obj.object_list
        return context


class TreatmentPage(TeaserFields, MedicalReviewFields, ClinicPage):
    """A treatment the clinic offers, such as acupuncture, dry needling or cupping, with its last medical
    review: it tells patients what a treatment can and cannot do, so a clinician checks it."""

    route_select_related = ("image", "reviewer")
    schema_type = "MedicalWebPage"
    reading_fields = ("summary", "body")

    body = StreamField(ClinicStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MedicalReviewFields.review_panel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["articles.TreatmentIndexPage"]
    subpage_types = []

    def schema_details(self, facts):
        return self.with_review_details(facts, *seo.medical_entity_details(seo.therapy_node(self, facts.url)))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conditions"] = visible(self.conditions).order_by("path")
        context["practitioners"] = with_portraits(self.practitioners.all())
        context["book_url"] = book_url(source_page=self, treatment=self)
        return context


class ConditionPage(TeaserFields, MedicalReviewFields, ClinicPage):
    """A condition the clinic treats, with its articles, treatments, practitioners and a booking link, and
    its last medical review: symptoms and red flags are medical advice, so a clinician checks them."""

    route_select_related = ("image", "reviewer")
    schema_type = "MedicalWebPage"
    reading_fields = ("summary", "symptoms", "body")

    alternate_names = models.CharField(
        max_length=255, blank=True, help_text="Other names patients use, separated by commas."
    )
    symptoms = models.TextField(blank=True, help_text="Common signs and symptoms, one per line.")
    body = StreamField(ClinicStreamBlock(), blank=True)
    treatments = ParentalManyToManyField("articles.TreatmentPage", blank=True, related_name="conditions")
    show_red_flags = models.BooleanField(
        default=True,
        verbose_name="show the red-flag note",
        help_text="Shows the clinic's “when to see a doctor first” note, set in Settings › Clinic details.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("alternate_names"),
        FieldPanel("symptoms"),
        FieldPanel("body"),
        FieldPanel("treatments", widget=forms.CheckboxSelectMultiple),
        FieldPanel("show_red_flags"),
        MedicalReviewFields.review_panel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("alternate_names"),
        index.SearchField("symptoms"),
        index.SearchField("body"),
    ]
    parent_page_types = ["articles.ConditionIndexPage"]
    subpage_types = []

    @property
    def symptom_list(self):
        return [line.strip() for line in self.symptoms.splitlines() if line.strip()]

    @property
    def alternate_name_list(self):
        return [name.strip() for name in self.alternate_names.split(",") if name.strip()]

    def schema_details(self, facts):
        node = seo.condition_node(self, facts.url, facts.linked("treatments"))
        return self.with_review_details(facts, *seo.medical_entity_details(node))

    def consultation_url(self, source=None):
        """The booking form with this condition chosen and the page the patient came from."""
        params = {"condition": self.slug}
        if source is not None and source.pk:
            params["from"] = source.pk
        return f"{reverse('booking:request')}?{urlencode(params)}"

    def get_articles(self):
        from articles.models.articles import ArticlePage

        return with_card_images(
            visible(ArticlePage.objects).filter(condition_links__condition=self).distinct()
        ).order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.get_articles()
        # values_list keeps this one query, and also works on the unsaved copy a preview renders.
        treatment_ids = self.treatments.values_list("id", flat=True)
        context["treatments"] = visible(TreatmentPage.objects.filter(pk__in=treatment_ids)).order_by("path")
        context["practitioners"] = with_portraits(self.practitioners.all())
        context["booking_url"] = self.consultation_url(source=self)
        context["book_url"] = book_url(condition=self, source_page=self)
        return context


class StandardPage(TeaserFields, ClinicPage):
    """A plain page: about the clinic, privacy notice, terms."""

    route_select_related = ("image",)

    body = StreamField(ClinicStreamBlock(), blank=True)
    show_practitioners = models.BooleanField(
        default=False, help_text="List the clinic's practitioners below the text (for an “About us” page)."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("show_practitioners"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["articles.HomePage", "articles.StandardPage"]
    subpage_types = ["articles.StandardPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.show_practitioners:
            context["practitioners"] = with_portraits(Practitioner.objects.all())
        return context
