"""The site's image model: Wagtail's image with alt text made compulsory."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class ClinicImage(AbstractImage):
    """An uploaded image. Every image carries alt text, so no page can show one without it."""

    description = models.CharField(
        "alt text",
        max_length=255,
        help_text="Describe the image for someone who cannot see it (for example “Illustration of the "
        "muscles at the back of the neck”).",
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]


class ClinicRendition(AbstractRendition):
    image = models.ForeignKey(ClinicImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
