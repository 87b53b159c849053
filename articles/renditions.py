"""One place for the image sizes the site uses, so templates, structured data and publishing agree.

Each role names the widths a ``<picture>`` offers; every width is made in WebP with a JPEG fallback.
Wagtail keeps the renditions it has made in the ``renditions`` cache (see settings), so a page view
finds them without a query once any view or publish has made them.
"""

import functools

ROLES = {
    # role: (resize operation, [(width, height)], sizes attribute)
    "hero": ("fill", [(640, 360), (1280, 720)], "(min-width: 72rem) 68rem, 100vw"),
    "card": ("fill", [(400, 225), (800, 450)], "(min-width: 48rem) 22rem, 100vw"),
    "body": ("width", [(480, None), (960, None)], "(min-width: 48rem) 44rem, 100vw"),
    "portrait": ("fill", [(160, 160), (320, 320)], "10rem"),
}
FORMATS = ("webp", "jpeg")
# Link previews show the large JPEG of the hero picture (1280 × 720): every page image has it already,
# made when the page is published, so a shared link never waits for a new size of the image.
SHARE_IMAGE_SPEC = "fill-1280x720-c100|format-jpeg"
LOGO_SPEC = "max-512x512|format-png"


def base_spec(operation, width, height):
    if operation == "fill":
        return f"fill-{width}x{height}-c100"
    return f"width-{width}"


def specs_for(role):
    """Every filter spec a role needs, e.g. ``fill-400x225-c100|format-webp``."""
    if role == "share":
        return [SHARE_IMAGE_SPEC]
    if role == "logo":
        return [LOGO_SPEC]
    operation, sizes, _ = ROLES[role]
    return [f"{base_spec(operation, w, h)}|format-{fmt}" for w, h in sizes for fmt in FORMATS]


def all_specs():
    return [spec for role in ROLES for spec in specs_for(role)]


@functools.cache
def image_filter(spec):
    """Wagtail's ``Filter`` for a spec, parsed once per process rather than on every picture shown."""
    from wagtail.images.models import Filter

    return Filter(spec=spec)


def renditions_of(image, specs):
    """``{spec: rendition}`` of ``image``, made together if any is missing. Raises ``OSError`` when the
    original file is gone (Wagtail's ``SourceImageIOError`` is one)."""
    return image.get_renditions(*(image_filter(spec) for spec in specs))
