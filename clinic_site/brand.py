"""The clinic's brand colours: their contrast checks and the small stylesheet that applies them.

The contrast maths is written here because it is a few lines of the WCAG formula and the packages that
offer it (colour libraries) would bring far more than these lines. Definitions, from WCAG 2.2:

- *relative luminance* (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance): each sRGB channel c in
  0..1 becomes c / 12.92 if c <= 0.04045, else ((c + 0.055) / 1.055) ** 2.4; L = 0.2126 R + 0.7152 G +
  0.0722 B.
- *contrast ratio* (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio): (L1 + 0.05) / (L2 + 0.05), L1 the
  lighter colour. Success criterion 1.4.3 asks for at least 4.5:1 for normal text.

The public site's Content-Security-Policy forbids inline styles, so the colours reach the page as a
stylesheet of CSS custom properties at a URL versioned by the colours themselves (see ``views.brand_css``):
it is cached for a year and a change of colours is a new URL.
"""

import hashlib

from django.urls import reverse

AA_NORMAL_TEXT = 4.5

#: The colours site.css is written with; a clinic that keeps them needs no brand stylesheet.
DEFAULT_PRIMARY = "#0b5563"
DEFAULT_ACCENT = "#083f4a"

#: The light colours of site.css that the brand colours meet (keep in step with its :root).
PAGE_BACKGROUND = "#faf7f2"
WHITE = "#ffffff"
FOOTER_TEXT = "#f3efe8"

#: How much of the primary colour its light tint (highlights, table heads, the home hero) holds.
TINT_SHARE = 0.1


def channels(hex_colour):
    """The red, green and blue of "#rrggbb" as integers 0..255."""
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def relative_luminance(hex_colour):
    """WCAG 2.2 relative luminance of an sRGB colour (see the module docstring)."""

    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in channels(hex_colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    """WCAG 2.2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def tint(hex_colour):
    """The light tint of a colour: TINT_SHARE of it over white."""
    mixed = (round(c * TINT_SHARE + 255 * (1 - TINT_SHARE)) for c in channels(hex_colour))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def text_pairs(primary, accent):
    """What each brand colour carries on the site: (field, foreground, background, where it is seen)."""
    return [
        ("primary_colour", WHITE, primary, "white button text on the primary colour"),
        (
            "primary_colour",
            primary,
            PAGE_BACKGROUND,
            f"the primary colour as link text on the page background {PAGE_BACKGROUND}",
        ),
        (
            "primary_colour",
            primary,
            tint(primary),
            f"links on the primary colour's light tint {tint(primary)}",
        ),
        ("accent_colour", WHITE, accent, "white text on the accent colour (footer and booking box)"),
        ("accent_colour", FOOTER_TEXT, accent, f"the footer text {FOOTER_TEXT} on the accent colour"),
        (
            "accent_colour",
            accent,
            tint(primary),
            f"headings and highlights in the accent colour on the tint {tint(primary)}",
        ),
    ]


def contrast_errors(primary, accent):
    """One message per brand field whose colour fails AA for normal text somewhere it carries text."""
    errors = {}
    for field, foreground, background, where in text_pairs(primary, accent):
        ratio = contrast_ratio(foreground, background)
        if ratio < AA_NORMAL_TEXT and field not in errors:
            errors[field] = (
                f"Contrast {ratio:.2f}:1 for {where}; text needs at least {AA_NORMAL_TEXT}:1 (WCAG AA). "
                "Choose a darker colour."
            )
    return errors


def stylesheet(primary, accent):
    """The CSS custom properties that override site.css's colours."""
    return f":root{{--brand:{primary};--brand-dark:{accent};--brand-tint:{tint(primary)}}}\n"


def version(primary, accent):
    """A short hash of the stylesheet, so that new colours are a new URL."""
    return hashlib.sha256(stylesheet(primary, accent).encode()).hexdigest()[:12]


def stylesheet_url(primary, accent):
    """The brand stylesheet's URL, versioned by its content; None when the colours are site.css's own."""
    if (primary.lower(), accent.lower()) == (DEFAULT_PRIMARY, DEFAULT_ACCENT):
        return None
    return f"{reverse('brand_css')}?v={version(primary, accent)}"
