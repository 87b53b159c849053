"""What every demo drawing is made with: colours, the palette, the canvas and shared shapes.

Shapes are drawn at twice the final size and scaled down, which gives smooth edges without any
anti-aliasing support in ``ImageDraw``.
"""

import colorsys
import math
from contextlib import contextmanager

from PIL import Image, ImageChops, ImageDraw

SUPERSAMPLE = 2

SKIN_TONES = [(241, 204, 177), (224, 172, 135), (198, 140, 102), (160, 106, 74), (118, 78, 56)]
WHITE = (255, 255, 255, 255)


def hsl(hue, saturation, lightness, alpha=255):
    red, green, blue = colorsys.hls_to_rgb((hue % 360) / 360, lightness, saturation)
    return (round(red * 255), round(green * 255), round(blue * 255), alpha)


def with_alpha(colour, alpha):
    return (*colour[:3], alpha)


def shade(colour, factor):
    """The colour made darker (factor below 1) or lighter (above 1)."""
    return (*(max(0, min(255, round(channel * factor))) for channel in colour[:3]), 255)


class Palette:
    """Colours for one picture, all derived from its hue so a set of images looks related."""

    def __init__(self, hue):
        self.hue = hue
        self.sky = hsl(hue, 0.45, 0.95)
        self.ground = hsl(hue, 0.35, 0.86)
        self.soft = hsl(hue, 0.35, 0.78)
        self.main = hsl(hue, 0.38, 0.56)
        self.deep = hsl(hue, 0.42, 0.34)
        self.ink = hsl(hue, 0.30, 0.20)
        self.accent = hsl(hue + 160, 0.55, 0.58)
        self.accent_soft = hsl(hue + 160, 0.55, 0.80)
        self.muscle = hsl(8, 0.55, 0.58)
        self.muscle_deep = hsl(4, 0.55, 0.44)
        self.pain = hsl(354, 0.72, 0.56)
        self.skin = SKIN_TONES[int(hue) // 72 % len(SKIN_TONES)] + (255,)
        self.white = WHITE


class Canvas:
    """An ``ImageDraw`` that takes coordinates in final pixels and draws at the supersampled size."""

    def __init__(self, size, background_top, background_bottom):
        self.size = size
        self.scale = SUPERSAMPLE
        width, height = (value * self.scale for value in size)
        gradient = Image.linear_gradient("L").resize((1, height), Image.Resampling.BILINEAR)
        gradient = gradient.resize((width, height), Image.Resampling.NEAREST)
        top = Image.new("RGB", (width, height), background_top[:3])
        bottom = Image.new("RGB", (width, height), background_bottom[:3])
        self.image = Image.composite(bottom, top, gradient)
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    @contextmanager
    def layer(self, opacity=1.0, clip=None):
        """Draw opaque shapes on a separate layer, then lay it over the picture at ``opacity``.

        Overlapping strokes inside one layer do not darken each other, and ``clip`` (a box, or a list of
        points for a polygon) limits the layer to that area.
        """
        overlay = Canvas.__new__(Canvas)
        overlay.size, overlay.scale = self.size, self.scale
        overlay.image = Image.new("RGBA", self.image.size, (0, 0, 0, 0))
        overlay.draw = ImageDraw.Draw(overlay.image, "RGBA")
        yield overlay
        box = overlay.image.getbbox()
        if box is None:
            return
        alpha = overlay.image.getchannel("A")
        if clip is not None:
            mask = Image.new("L", self.image.size, 0)
            if isinstance(clip[0], tuple):
                ImageDraw.Draw(mask).polygon(self._xy(clip), fill=255)
            else:
                ImageDraw.Draw(mask).rectangle(self._box(clip), fill=255)
            alpha = ImageChops.multiply(alpha, mask)
        alpha = alpha.crop(box)
        if opacity < 1:
            alpha = alpha.point(lambda value: round(value * opacity))
        self.image.paste(overlay.image.crop(box).convert("RGB"), box[:2], mask=alpha)

    def _xy(self, points):
        return [(x * self.scale, y * self.scale) for x, y in points]

    def _box(self, box):
        x0, y0, x1, y1 = box
        return [x0 * self.scale, y0 * self.scale, x1 * self.scale, y1 * self.scale]

    def _width(self, width):
        return max(1, round(width * self.scale))

    def ellipse(self, box, fill=None, outline=None, width=1):
        self.draw.ellipse(self._box(box), fill=fill, outline=outline, width=self._width(width))

    def circle(self, centre, radius, **kwargs):
        x, y = centre
        self.ellipse((x - radius, y - radius, x + radius, y + radius), **kwargs)

    def rectangle(self, box, fill=None, outline=None, width=1, radius=0):
        self.draw.rounded_rectangle(
            self._box(box), radius=radius * self.scale, fill=fill, outline=outline, width=self._width(width)
        )

    def polygon(self, points, fill=None, outline=None, width=1):
        self.draw.polygon(self._xy(points), fill=fill, outline=outline, width=self._width(width))

    def line(self, points, fill, width=1, joint="curve"):
        self.draw.line(self._xy(points), fill=fill, width=self._width(width), joint=joint)

    def arc(self, box, start, end, fill, width=1):
        self.draw.arc(self._box(box), start, end, fill=fill, width=self._width(width))

    def chord(self, box, start, end, fill=None, outline=None, width=1):
        self.draw.chord(self._box(box), start, end, fill=fill, outline=outline, width=self._width(width))

    def rounded_line(self, points, fill, width):
        """A thick line with round caps, like a pen stroke."""
        self.line(points, fill, width)
        for point in (points[0], points[-1]):
            self.circle(point, width / 2, fill=fill)

    def dotted(self, points, fill, radius=4, spacing=18):
        """Dots spaced evenly along a polyline: the 'referred pain' paths."""
        carry = 0.0
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            length = math.hypot(x1 - x0, y1 - y0)
            position = carry
            while position <= length:
                t = position / length if length else 0
                self.circle((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t), radius, fill=fill)
                position += spacing
            carry = position - length

    def arrowhead(self, tip, previous, fill, size=18):
        angle = math.atan2(tip[1] - previous[1], tip[0] - previous[0])
        left = (tip[0] - size * math.cos(angle - 0.5), tip[1] - size * math.sin(angle - 0.5))
        right = (tip[0] - size * math.cos(angle + 0.5), tip[1] - size * math.sin(angle + 0.5))
        self.polygon([tip, left, right], fill=fill)

    def finish(self):
        return self.image.reduce(self.scale)


def bezier(start, control, end, steps=40):
    """Points along a quadratic Bézier curve."""
    points = []
    for index in range(steps + 1):
        t = index / steps
        x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0]
        y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1]
        points.append((x, y))
    return points


def soft_backdrop(canvas, palette, rng):
    """A few large, pale circles behind the subject."""
    width, height = canvas.size
    for _ in range(5):
        radius = rng.uniform(0.12, 0.28) * width
        centre = (rng.uniform(0, width), rng.uniform(0, height))
        colour = rng.choice([palette.soft, palette.accent_soft, palette.sky])
        canvas.circle(centre, radius, fill=with_alpha(colour, 70))


def referral_path(canvas, start, control, end, colour):
    points = bezier(start, control, end)
    canvas.dotted(points[:-3], colour, radius=4.5, spacing=20)
    canvas.arrowhead(points[-1], points[-4], colour, size=22)


def ellipse_points(box, start, end, steps=48):
    """Points on an ellipse between two angles (degrees, clockwise from three o'clock, like Pillow)."""
    x0, y0, x1, y1 = box
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    return [
        (
            cx + rx * math.cos(math.radians(start + (end - start) * i / steps)),
            cy + ry * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]


def tender_point(canvas, centre):
    """A white ring marking a tender spot (a trigger point)."""
    canvas.circle(centre, 16, outline=WHITE, width=5)
    canvas.circle(centre, 6, fill=WHITE)
