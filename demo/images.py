"""Flat demo illustrations drawn with Pillow, so the demo site needs no downloads and no stock photos.

``render_image(kind, hue)`` returns PNG bytes. The same arguments always give the same bytes, which lets
the loader tell whether a stored demo image is still the one it would draw. The drawings themselves are
in ``demo.drawings``, a module per subject; this module picks one and renders it.

Some kinds have two views (a neck from behind or from the side, several needles on a tray or one needle
beside a knotted muscle). The loader picks the view from the image's alt text with ``view_for_alt`` so
that the picture matches its description.
"""

import io
import random

from demo.drawings.anatomy import (
    draw_head_front,
    draw_head_side,
    draw_neck_back,
    draw_neck_side,
    draw_portrait,
)
from demo.drawings.canvas import Canvas, Palette, soft_backdrop
from demo.drawings.scenes import draw_abstract_path, draw_abstract_shapes, draw_clinic
from demo.drawings.treatment import draw_cupping, draw_needle_single, draw_needles_tray

LANDSCAPE = (1600, 900)
SQUARE = (800, 800)

KINDS = ("neck", "head", "needles", "cupping", "portrait", "clinic", "abstract")
VIEWS = {
    "neck": ("back", "side"),
    "head": ("front", "side"),
    "needles": ("tray", "single"),
    "abstract": ("shapes", "path"),
}

DRAWINGS = {
    ("neck", "back"): draw_neck_back,
    ("neck", "side"): draw_neck_side,
    ("head", "front"): draw_head_front,
    ("head", "side"): draw_head_side,
    ("needles", "tray"): draw_needles_tray,
    ("needles", "single"): draw_needle_single,
    ("cupping", None): draw_cupping,
    ("portrait", None): draw_portrait,
    ("clinic", None): draw_clinic,
    ("abstract", "shapes"): draw_abstract_shapes,
    ("abstract", "path"): draw_abstract_path,
}

_VIEW_HINTS = {
    "neck": [("side", ("from the side", "profile"))],
    "head": [("side", ("profile", "from the side", "one side"))],
    "needles": [("single", ("single", "one needle", "a needle"))],
    "abstract": [("path", ("leg", "nerve", "line running"))],
}


def view_for_alt(kind, alt):
    """The view of ``kind`` that best matches an image's alt text, or the kind's default view."""
    text = (alt or "").lower()
    for view, phrases in _VIEW_HINTS.get(kind, []):
        if any(phrase in text for phrase in phrases):
            return view
    views = VIEWS.get(kind)
    return views[0] if views else None


def render_image(kind, hue, view=None):
    """Draw one demo illustration and return it as PNG bytes (deterministic for the same arguments)."""
    if kind not in KINDS:
        raise ValueError(f"Unknown demo image kind {kind!r}; expected one of {', '.join(KINDS)}.")
    if view is None and kind in VIEWS:
        view = VIEWS[kind][0]
    drawing = DRAWINGS.get((kind, view))
    if drawing is None:
        raise ValueError(f"Unknown view {view!r} for demo image kind {kind!r}.")

    palette = Palette(hue)
    rng = random.Random(f"{kind}-{view}-{hue}")
    size = SQUARE if kind == "portrait" else LANDSCAPE
    canvas = Canvas(size, palette.sky, palette.ground)
    soft_backdrop(canvas, palette, rng)
    drawing(canvas, palette, rng)

    buffer = io.BytesIO()
    canvas.finish().save(buffer, format="PNG")
    return buffer.getvalue()
