"""One place for the image sizes the site uses, so templates, prefetching and the demo loader agree.

Each role names the widths a ``<picture>`` offers; every width is made in WebP with a JPEG fallback.
"""

import functools

from clinic_site.shared import shared_value

ROLES = {
    # role: (resize operation, [(width, height)], sizes attribute)
    "hero": ("fill", [(640, 360), (1280, 720)], "(min-width: 72rem) 68rem, 100vw"),
    "card": ("fill", [(400, 225), (800, 450)], "(min-width: 48rem) 22rem, 100vw"),
    "body": ("width", [(480, None), (960, None)], "(min-width: 48rem) 44rem, 100vw"),
    "portrait": ("fill", [(160, 160), (320, 320)], "10rem"),
}
FORMATS = ("webp", "jpeg")


def base_spec(operation, width, height):
    if operation == "fill":
        return f"fill-{width}x{height}-c100"
    return f"width-{width}"


def specs_for(role):
    """Every filter spec a role needs, e.g. ``fill-400x225-c100|format-webp``."""
    operation, sizes, _ = ROLES[role]
    return [f"{base_spec(operation, w, h)}|format-{fmt}" for w, h in sizes for fmt in FORMATS]


def all_specs():
    return [spec for role in ROLES for spec in specs_for(role)]


@functools.cache
def image_filter(spec):
    """Wagtail's ``Filter`` for a rendition spec, parsed once per process instead of on every call.

    ``get_rendition()`` and ``get_renditions()`` take a spec string and parse it each time (argument
    checks by introspection included); a shared ``Filter`` keeps its parsed operations.
    """
    from wagtail.images.models import Filter

    return Filter(spec=spec)


def rendition_facts(image, specs):
    """``{spec: (url, width, height)}`` of ``image``'s renditions, made together if any is missing.

    The same picture appears on many pages (a card on the home page, its condition and the related
    articles, the hero of its own page), so the answer is kept with the cached pages' generation:
    saving or deleting an image replaces the generation. Raises ``OSError`` when the original file
    is gone.
    """

    def work_out():
        renditions = image.get_renditions(*(image_filter(spec) for spec in specs))
        return {spec: (found.url, found.width, found.height) for spec, found in renditions.items()}

    return shared_value(f"renditions:{image.pk}:{'+'.join(specs)}", work_out)
