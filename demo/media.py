"""The demo images: drawn, stored (replaced only when the drawing changed) and resized ahead of time."""

import hashlib
import io

from django.core.files.images import ImageFile

from articles.models import ClinicImage
from articles.renditions import all_specs
from demo import content
from demo.images import render_image, view_for_alt


def ensure_images(demo):
    """Draw every demo image and store it, replacing the file only when the drawing changed."""
    for spec in content.IMAGES:
        data = render_image(spec["kind"], spec["hue"], view_for_alt(spec["kind"], spec["alt"]))
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - the same content hash Wagtail stores
        image = ClinicImage.objects.filter(title=spec["title"]).order_by("pk").first()
        if image is None:
            image = ClinicImage(title=spec["title"], description=spec["alt"])
            _set_image_file(image, spec["key"], data, digest)
            image.save()
            demo.report.changed(f"Created image “{image.title}”")
        else:
            changed = []
            if image.description != spec["alt"]:
                image.description = spec["alt"]
                changed.append("alt text")
            old_file = image.file.name
            new_picture = image.file_hash != digest or not image.file.storage.exists(old_file)
            if new_picture:
                _set_image_file(image, spec["key"], data, digest)
                changed.append("picture")
            if changed:
                image.save()
                if new_picture:
                    # As Wagtail's own image form does: drop the old file and every old size of it.
                    if old_file != image.file.name and image.file.storage.exists(old_file):
                        image.file.storage.delete(old_file)
                    image.renditions.all().delete()
                demo.report.changed(f"Updated image “{image.title}” ({', '.join(changed)})")
        demo.images[spec["key"]] = image


def _set_image_file(image, key, data, digest):
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{key}.png")
    image.file_size = len(data)
    image.file_hash = digest


def pregenerate_renditions(demo):
    """Make every size the templates use now, so no page view has to resize an image."""
    specs = all_specs()
    created = 0
    for image in demo.images.values():
        have = {}
        for rendition in image.renditions.filter(filter_spec__in=specs):
            if rendition.file.storage.exists(rendition.file.name):
                have[rendition.filter_spec] = rendition
            else:
                rendition.delete()  # the row outlived its file (media folder wiped): make it again
        missing = [spec for spec in specs if spec not in have]
        if missing:
            image.get_renditions(*missing)
            created += len(missing)
    if created:
        demo.report.changed(f"Made {created} image renditions")
