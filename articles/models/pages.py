"""The clinic's page types and where each may live in the page tree.

Home ─┬─ Conditions (index) ── condition pages
      ├─ Treatments (index) ── treatment pages
      ├─ Resources (index) ──── article pages
      └─ standard pages (about, privacy, terms), which may nest
"""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from articles.blocks import RICH_TEXT_FEATURES, ClinicStreamBlock, prefetch_page_links
from articles.models.practitioners import Practitioner, with_portraits


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


def visible(queryset):
    """Live pages not under a view restriction, in one query (``.live().public()`` takes two)."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.live().exclude(Exists(restricted))


def ancestors_of(page):
    """The page's ancestors from the home page down (the root left out), worked out once per page.

    The breadcrumbs and the structured data both show them. A page Wagtail routed to knows the
    parents it was routed through, so this usually costs no query; otherwise it is one.
    """
    if hasattr(page, "_clinic_ancestors"):
        return page._clinic_ancestors
    chain = []
    node = page
    while node.depth and node.depth > 2 and getattr(node, "_cached_parent_obj", None) is not None:
        node = node._cached_parent_obj
        chain.append(node)
    if node.depth and node.depth > 2:  # a parent not loaded yet (a preview, a page built in code)
        chain = list(page.get_ancestors().filter(depth__gte=2).reverse()) if page.path else []
    page._clinic_ancestors = list(reversed(chain))
    return page._clinic_ancestors


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

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # One query on the ancestors' paths instead of Wagtail's two (ancestors, then restrictions).
        if self.alias_of_id:
            return super().get_view_restrictions()
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        return PageViewRestriction.objects.filter(page__path__in=paths)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Every page link in the page's own rich text, resolved in one query before anything renders.
        stored = [getattr(self, "intro", "")]
        body = getattr(self, "body", None)
        if body is not None:
            stored.append(list(body.raw_data))
        prefetch_page_links(*stored)
        return context


class TeaserFields(models.Model):
    """A one- or two-sentence summary used on teasers and as the fallback meta description."""

    summary = models.TextField(
        max_length=300, help_text="One or two sentences for listings and search results (about 160 characters)."
    )
    image = image_field("Shown at the top of the page and on teasers.")

    class Meta:
        abstract = True


class HomePage(ClinicPage):
    """The front page: what the clinic treats and a way to ask for a consultation."""

    hero_title = models.CharField(max_length=120)
    hero_text = models.TextField(max_length=400, blank=True)
    hero_image = image_field()
    body = StreamField(ClinicStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], "Hero"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ConditionIndexPage",
        "articles.TreatmentIndexPage",
        "articles.ArticleIndexPage",
        "articles.StandardPage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
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
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["articles.HomePage"]
    max_count = 1
    child_related = ["image", "share_image"]

    class Meta:
        abstract = True

    @property
    def child_model(self):
        return self.__class__.allowed_subpage_models()[0]

    def route(self, request, path_components):
        """Find the child as its own page type in one query (Wagtail's default takes two)."""
        if not path_components:
            return super().route(request, path_components)
        model = self.child_model
        try:
            child = (
                model.objects.child_of(self)
                .select_related(*self.child_related)
                .get(slug=path_components[0])
            )
        except model.DoesNotExist:
            return super().route(request, path_components)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


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
    child_related = ["image", "share_image", "author", "reviewer"]

    def get_context(self, request, *args, **kwargs):
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


class TreatmentPage(TeaserFields, ClinicPage):
    """A treatment the clinic offers, such as acupuncture, dry needling or cupping."""

    body = StreamField(ClinicStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("image"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["articles.TreatmentIndexPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conditions"] = visible(self.conditions).order_by("path")
        context["practitioners"] = with_portraits(self.practitioners.all())
        return context


class ConditionPage(TeaserFields, ClinicPage):
    """A condition the clinic treats, with its articles, treatments, practitioners and a booking link."""

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

    def consultation_url(self, source=None):
        """The booking form with this condition chosen and the page the patient came from."""
        params = {"condition": self.slug}
        if source is not None and source.pk:
            params["from"] = source.pk
        return f"{reverse('booking:request')}?{urlencode(params)}"

    def get_articles(self):
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
        return context


# What a teaser card shows (title, link, date, summary, image): fewer columns to read and to compile.
TEASER_FIELDS = ("title", "url_path", "path", "depth", "first_published_at", "summary", "image")


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
        """Live conditions this article covers, main condition first."""
        links = self.condition_links.all().select_related("condition")
        return [link.condition for link in links if link.condition.live]

    @property
    def main_condition(self):
        conditions = self.get_conditions()
        return conditions[0] if conditions else None

    def get_next_article(self):
        """The next older article in the same section, or the newest one when this is the oldest.

        One query: older articles sort first (newest of them first), then the rest, newest first.
        """
        if not self.path:
            return None
        # Only what a link shows: its title and URL.
        siblings = visible(ArticlePage.objects.sibling_of(self, inclusive=False)).only(
            "title", "url_path", "path", "depth", "first_published_at"
        )
        if self.first_published_at is None:
            return siblings.order_by("-first_published_at", "-pk").first()
        older = Q(first_published_at__lt=self.first_published_at) | Q(
            first_published_at=self.first_published_at, pk__lt=self.pk
        )
        return siblings.order_by(
            Case(When(older, then=Value(0)), default=Value(1), output_field=IntegerField()),
            "-first_published_at",
            "-pk",
        ).first()

    def get_related_articles(self, conditions, limit=3):
        """Up to ``limit`` other articles that share a condition with this one, newest first."""
        condition_ids = [condition.pk for condition in conditions]
        if not condition_ids:
            return []
        sharing = ArticleCondition.objects.filter(condition_id__in=condition_ids).values("article_id")
        return list(
            with_card_images(visible(ArticlePage.objects).filter(pk__in=sharing).exclude(pk=self.pk))
            .only(*TEASER_FIELDS)
            .order_by("-first_published_at", "-pk")[:limit]
        )

    def get_related_and_next_articles(self, conditions, limit=3):
        """The related articles (sharing a condition, newest first) and the next article.

        Two plain queries whose row counts stay the same however many articles there are: cheaper
        for the database to plan and run than one query that works out both.
        """
        return self.get_related_articles(conditions, limit), self.get_next_article()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        conditions = self.get_conditions()
        condition = conditions[0] if conditions else None
        context["conditions"] = conditions
        context["main_condition"] = condition
        context["related_articles"], context["next_article"] = self.get_related_and_next_articles(conditions)
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


class StandardPage(TeaserFields, ClinicPage):
    """A plain page: about the clinic, privacy notice, terms."""

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
