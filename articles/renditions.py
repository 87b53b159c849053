"""One place for the image sizes the site uses, so templates, prefetching and the demo loader agree.

Each role names the widths a ``<picture>`` offers; every width is made in WebP with a JPEG fallback.
"""

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
