"""Image renditions made when content is published, so no patient's page view waits for one.

What each image needs, by where it is shown:

- a page's own image: the hero sizes (its page), the card sizes (listings and related articles) and
  the link-preview size when the page has no share image of its own; the home page's hero image: the
  hero and link-preview sizes;
- a page's share image: the link-preview size;
- each image block in a page's body: the body sizes;
- a practitioner's photo: the portrait sizes (when the practitioner is saved);
- the clinic's logo and default share image: their sizes (when Clinic details are saved).

They are made after the change commits, so a slow or broken image never holds the database or fails
the publish: a failure is logged and that page makes the rendition on its first view instead.
"""

import logging
from collections import defaultdict

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.signals import page_published

from articles.renditions import specs_for

logger = logging.getLogger(__name__)

# (page attribute, roles the image is shown in)
PAGE_IMAGE_FIELDS = [("image", ("hero", "card")), ("hero_image", ("hero",))]
BODY_IMAGE_ROLE = "body"


def by_image(roles):
    """{image id: [filter specs]} from {image id: {roles}}."""
    return {
        image_id: [spec for role in sorted(image_roles) for spec in specs_for(role)]
        for image_id, image_roles in roles.items()
    }


def rendition_specs_for_page(page):
    """{image id: [filter specs]} for every image the page shows."""
    roles = defaultdict(set)
    own_image_id = None
    for field, field_roles in PAGE_IMAGE_FIELDS:
        image_id = getattr(page, f"{field}_id", None)
        if image_id:
            roles[image_id].update(field_roles)
            own_image_id = own_image_id or image_id
    share_image_id = getattr(page, "share_image_id", None) or own_image_id
    if share_image_id:
        roles[share_image_id].add("share")
    for block in getattr(page, "body", None) or []:
        if block.block_type == "image" and block.value.get("image") is not None:
            roles[block.value["image"].pk].add(BODY_IMAGE_ROLE)
    return by_image(roles)


def make_renditions(specs_by_image):
    images = get_image_model().objects.in_bulk(list(specs_by_image))
    for image_id, specs in specs_by_image.items():
        image = images.get(image_id)
        if image is None:
            continue
        try:
            image.get_renditions(*specs)
        except (OSError, ValueError):  # a missing or unreadable original (SourceImageIOError is an OSError)
            logger.warning("Could not make renditions of image %s; it will be made on first view", image_id)


def after_commit(specs_by_image):
    if specs_by_image:
        transaction.on_commit(lambda: make_renditions(specs_by_image), robust=True)


def make_page_renditions(sender, instance, **kwargs):
    after_commit(rendition_specs_for_page(instance))


def make_portrait_renditions(sender, instance, **kwargs):
    if instance.photo_id:
        after_commit(by_image({instance.photo_id: {"portrait"}}))


def make_clinic_renditions(sender, instance, **kwargs):
    roles = defaultdict(set)
    for field, role in (("logo", "logo"), ("default_share_image", "share")):
        image_id = getattr(instance, f"{field}_id", None)
        if image_id:
            roles[image_id].add(role)
    after_commit(by_image(roles))


def connect_signals():
    """Called from ``ArticlesConfig.ready()``."""
    from articles.models import Practitioner

    page_published.connect(make_page_renditions, dispatch_uid="articles-renditions-on-publish")
    post_save.connect(
        make_portrait_renditions, sender=Practitioner, dispatch_uid="articles-portrait-renditions"
    )
    post_save.connect(
        make_clinic_renditions, sender="clinic_site.ClinicSettings", dispatch_uid="articles-clinic-renditions"
    )
