"""Practitioners: the clinic's acupuncturists and physical therapists, kept as snippets."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from articles.blocks import RICH_TEXT_FEATURES


class Practitioner(index.Indexed, ClusterableModel):
    """A clinician who treats patients, writes articles and medically reviews the clinic's medical pages."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="The end of their page’s address on the Team page (/team/<slug>/). Left empty, it is made "
        "from the name.",
    )
    credentials = models.CharField(
        max_length=80, blank=True, help_text="Post-nominal letters, for example “DACM, L.Ac.” or “PT, DPT”."
    )
    job_title = models.CharField(max_length=120, help_text="For example “Licensed acupuncturist”.")
    photo = models.ForeignKey(
        "articles.ClinicImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    languages = models.CharField(
        max_length=200,
        blank=True,
        help_text="Languages they can see patients in, separated by commas, for example “English, Spanish”.",
    )
    bio = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    conditions = ParentalManyToManyField(
        "articles.ConditionPage", blank=True, related_name="practitioners", verbose_name="conditions treated"
    )
    treatments = ParentalManyToManyField(
        "articles.TreatmentPage", blank=True, related_name="practitioners", verbose_name="treatments offered"
    )
    is_clinical_reviewer = models.BooleanField(
        default=True,
        help_text="Their approval in Clinical review is recorded on medical pages as the medical review.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practitioner",
        verbose_name="staff account",
        help_text="The admin login of this practitioner. When they approve a page in Clinical review, "
        "the page shows them as its medical reviewer. Only staff who manage accounts can change this.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("credentials"), FieldPanel("job_title"), FieldPanel("photo")]
            + [FieldPanel("languages"), FieldPanel("slug")],
            heading="Who they are",
        ),
        FieldPanel("bio"),
        FieldPanel("conditions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("treatments", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("is_clinical_reviewer"), FieldPanel("user", permission="auth.change_user")],
            heading="Medical review",
        ),
        FieldPanel("sort_order"),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def language_list(self):
        return [name.strip() for name in self.languages.split(",") if name.strip()]

    @property
    def initials(self):
        """Up to two letters for the placeholder shown where there is no photo: “Maya Chen” → “MC”."""
        words = [word for word in self.name.replace("-", " ").split() if word[:1].isalpha()]
        return "".join(word[0].upper() for word in words[:1] + words[1:][-1:])

    @property
    def display_name(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


def unique_slug(name, exclude_pk=None, model=None):
    """A slug from ``name`` that no other practitioner has: “maya-chen”, else “maya-chen-2” and so on."""
    model = model or Practitioner
    base = slugify(name)[:110] or "practitioner"
    taken = set(
        model.objects.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def with_portraits(queryset):
    """Practitioners with their photos in one query; renditions come from Wagtail's cache."""
    return queryset.select_related("photo")
