"""Flat demo illustrations drawn with Pillow, so the demo site needs no downloads and no stock photos.

``render_image(kind, hue)`` returns PNG bytes. The same arguments always give the same bytes, which lets
the loader tell whether a stored demo image is still the one it would draw. Shapes are drawn at twice
the final size and scaled down, which gives smooth edges without any anti-aliasing support in
``ImageDraw``.

Some kinds have two views (a neck from behind or from the side, several needles on a tray or one needle
beside a knotted muscle). The loader picks the view from the image's alt text with ``view_for_alt`` so
that the picture matches its description.
"""

import colorsys
import io
import math
import random
from contextlib import contextmanager

from PIL import Image, ImageChops, ImageDraw

LANDSCAPE = (1600, 900)
SQUARE = (800, 800)
SUPERSAMPLE = 2

KINDS = ("neck", "head", "needles", "cupping", "portrait", "clinic", "abstract")
VIEWS = {
    "neck": ("back", "side"),
    "head": ("front", "side"),
    "needles": ("tray", "single"),
    "abstract": ("shapes", "path"),
}

SKIN_TONES = [(241, 204, 177), (224, 172, 135), (198, 140, 102), (160, 106, 74), (118, 78, 56)]
WHITE = (255, 255, 255, 255)
HAIR_COLOURS = [(58, 42, 34), (24, 22, 24), (112, 72, 42), (196, 152, 96), (92, 88, 96)]


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


# --- Kinds ---------------------------------------------------------------------------------------


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


def draw_neck_back(canvas, palette, rng):
    """Head, neck and shoulders from behind, with the neck muscles and their referral paths."""
    skin, hair = palette.skin, palette.ink
    head = (660, 120, 940, 470)
    canvas.ellipse((300, 610, 1300, 1300), fill=skin)  # shoulders and upper back
    canvas.rectangle((718, 380, 882, 680), fill=skin, radius=60)  # neck
    canvas.ellipse((648, 290, 692, 380), fill=skin)  # ears
    canvas.ellipse((908, 290, 952, 380), fill=skin)
    canvas.ellipse(head, fill=hair)
    nape = ellipse_points(head, 25, 155) + bezier((676, 365), (800, 300), (924, 365))
    canvas.polygon(nape, fill=skin)

    # Upper trapezius: a kite from the base of the skull to both shoulders and down the spine.
    trapezius = [
        (800, 450),
        (868, 520),
        (1170, 690),
        (1180, 760),
        (800, 900),
        (420, 760),
        (430, 690),
        (732, 520),
    ]
    with canvas.layer(0.62) as muscles:
        muscles.polygon(trapezius, fill=palette.muscle)
    with canvas.layer(0.45) as fibres:
        for offset in range(-5, 6):
            if offset:
                fibres.line(
                    [(800 + offset * 10, 470 + abs(offset) * 10), (800 + offset * 72, 720 + abs(offset) * 8)],
                    fill=palette.muscle_deep,
                    width=3,
                )
        fibres.line([(800, 450), (800, 900)], fill=palette.muscle_deep, width=4)

    # Suboccipital muscles at the base of the skull, and the shaded tight area.
    with canvas.layer(0.85) as deep:
        deep.ellipse((720, 428, 800, 470), fill=palette.muscle_deep)
        deep.ellipse((800, 428, 880, 470), fill=palette.muscle_deep)
    with canvas.layer(0.22) as tight:
        tight.ellipse((520, 560, 1080, 800), fill=palette.pain)

    # Tender points and where they send pain: temples, forehead, behind the eyes.
    with canvas.layer(0.35) as halos:
        for centre in [(640, 235), (960, 235), (800, 140)]:
            halos.circle(centre, 46, fill=palette.pain)
    referral_path(canvas, (585, 660), (470, 420), (640, 240), palette.deep)
    referral_path(canvas, (1015, 660), (1130, 420), (960, 240), palette.deep)
    referral_path(canvas, (800, 430), (720, 300), (800, 150), palette.deep)
    for point in [(600, 680), (1000, 680), (752, 449), (848, 449)]:
        tender_point(canvas, point)


def profile_outline():
    """A face and neck in profile, facing right, in 1600x900 coordinates."""
    return (
        bezier((880, 170), (978, 215), (985, 315), 12)
        + bezier((985, 315), (992, 350), (1030, 405), 10)[1:]
        + bezier((1030, 405), (1032, 424), (998, 420), 6)[1:]
        + bezier((998, 420), (993, 436), (1004, 450), 6)[1:]
        + [(988, 462), (1000, 478)]
        + bezier((1000, 478), (992, 492), (986, 502), 4)[1:]
        + bezier((986, 502), (1000, 545), (948, 548), 10)[1:]
        + bezier((948, 548), (900, 556), (866, 560), 8)[1:]
        + bezier((866, 560), (860, 640), (884, 710), 8)[1:]
        + [(640, 710)]
        + bezier((640, 710), (650, 570), (630, 430), 8)[1:]
    )


def draw_profile(canvas, palette):
    skull = (600, 140, 960, 520)
    canvas.ellipse((200, 650, 1300, 1400), fill=palette.skin)  # shoulder
    canvas.polygon(profile_outline(), fill=palette.skin)
    canvas.ellipse(skull, fill=palette.skin)
    crown = ellipse_points((592, 128, 968, 516), 132, 296)
    canvas.polygon(crown + bezier(crown[-1], (790, 330), crown[0]), fill=palette.ink)
    canvas.ellipse((724, 326, 782, 420), fill=shade(palette.skin, 0.9))  # ear
    canvas.arc((736, 344, 772, 404), 270, 90, fill=with_alpha(palette.ink, 90), width=4)
    canvas.ellipse((938, 330, 956, 342), fill=palette.ink)  # eye
    canvas.arc((928, 300, 972, 330), 200, 320, fill=palette.ink, width=5)  # brow
    canvas.arc((955, 440, 995, 470), 80, 150, fill=with_alpha(palette.ink, 120), width=3)  # mouth corner


def draw_neck_side(canvas, palette, rng):
    """A head and neck in profile, with shading from the base of the skull over the top of the head."""
    draw_profile(canvas, palette)
    with canvas.layer(0.7) as muscles:
        for index in range(5):
            x = 662 + index * 26
            muscles.rounded_line([(x - 12, 470 + index * 8), (x + 8, 700)], fill=palette.muscle, width=16)
        muscles.ellipse((620, 430, 770, 500), fill=palette.muscle_deep)
    # Pain spreading from the base of the skull up and over the crown.
    for step in range(6):
        with canvas.layer(0.55 - step * 0.07) as band:
            spread = step * 30
            band.arc(
                (640 - spread, 170 - spread // 2, 900 + spread, 520 + spread // 3),
                190,
                295,
                fill=palette.pain,
                width=20 - step * 2,
            )
    referral_path(canvas, (690, 460), (560, 250), (860, 150), palette.deep)
    tender_point(canvas, (690, 465))


def draw_front_head(canvas, palette):
    canvas.ellipse((340, 660, 1260, 1300), fill=palette.skin)
    canvas.rectangle((730, 460, 870, 700), fill=palette.skin, radius=50)
    canvas.ellipse((640, 96, 960, 500), fill=palette.ink)  # hair, framing the face
    canvas.ellipse((628, 260, 680, 350), fill=palette.skin)  # ears
    canvas.ellipse((920, 260, 972, 350), fill=palette.skin)
    canvas.ellipse((652, 170, 948, 520), fill=palette.skin)


def draw_head_front(canvas, palette, rng):
    """A head from the front with soft rings and a band around the forehead and temples."""
    with canvas.layer(0.16) as rings:
        for step in range(7, 0, -1):
            rings.circle((800, 330), 150 + step * 55, outline=palette.main, width=22)
    draw_front_head(canvas, palette)
    with canvas.layer(0.55) as band:
        band.rectangle((646, 236, 954, 296), fill=palette.pain, radius=28)
        for x in (668, 932):
            band.circle((x, 300), 46, fill=palette.pain)
    with canvas.layer(0.25) as glow:
        glow.rectangle((610, 210, 990, 322), fill=palette.pain, radius=56)
    # A calm face with closed eyes.
    canvas.arc((715, 330, 775, 360), 20, 160, fill=palette.ink, width=5)
    canvas.arc((825, 330, 885, 360), 20, 160, fill=palette.ink, width=5)
    canvas.arc((760, 410, 840, 450), 30, 150, fill=with_alpha(palette.ink, 180), width=5)


def draw_head_side(canvas, palette, rng):
    """A head in profile with rings spreading from the temple and behind the eye, on one side."""
    with canvas.layer(0.14) as rings:
        for step in range(8, 0, -1):
            rings.circle((900, 320), 60 + step * 62, outline=palette.main, width=24)
    draw_profile(canvas, palette)
    with canvas.layer(0.3) as glow:
        glow.circle((905, 318), 110, fill=palette.pain)
    for step in range(3):
        with canvas.layer(0.8 - step * 0.22) as ring:
            ring.circle((905, 318), 36 + step * 28, outline=palette.pain, width=8)
    canvas.circle((905, 318), 22, fill=palette.pain)


STEEL = (150, 160, 172, 255)
COPPER = hsl(38, 0.55, 0.55)
COPPER_DEEP = hsl(32, 0.55, 0.36)


def needle(canvas, tip, angle, length, handle=130):
    """A fine needle with a coiled handle; ``angle`` in degrees, the tip at ``tip``."""
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    base = (tip[0] - dx * length, tip[1] - dy * length)
    end = (base[0] - dx * handle, base[1] - dy * handle)
    canvas.line([tip, base], fill=STEEL, width=3)
    canvas.rounded_line([base, end], fill=COPPER, width=22)
    for coil in range(1, 8):
        t = coil / 8
        x, y = base[0] - dx * handle * t, base[1] - dy * handle * t
        canvas.line(
            [(x - dy * 10 + dx * 4, y + dx * 10 + dy * 4), (x + dy * 10 - dx * 4, y - dx * 10 - dy * 4)],
            fill=COPPER_DEEP,
            width=2,
        )
    canvas.circle((end[0] - dx * 10, end[1] - dy * 10), 11, fill=COPPER_DEEP)


def draw_needles_tray(canvas, palette, rng):
    """Several fine needles and a guide tube lying on a tray."""
    with canvas.layer(0.14) as shadow:
        shadow.rectangle((270, 300, 1390, 770), fill=palette.ink, radius=70)
    canvas.rectangle((240, 250, 1360, 720), fill=palette.white, radius=64)
    canvas.rectangle((282, 292, 1318, 678), fill=palette.ground, radius=44)
    for index in range(6):
        y = 350 + index * 44 + rng.uniform(-4, 4)
        needle(
            canvas,
            (1120 + rng.uniform(-40, 30), y + rng.uniform(-10, 10)),
            rng.uniform(-1.5, 1.5),
            length=560 + rng.uniform(-40, 30),
        )
    # The guide tube.
    canvas.rounded_line([(420, 628), (1180, 628)], fill=palette.main, width=28)
    canvas.line([(430, 620), (1170, 620)], fill=with_alpha(palette.white, 140), width=4)


def draw_needle_single(canvas, palette, rng):
    """One fine needle next to a band of muscle fibres with a knot in it."""
    with canvas.layer(0.85) as fibres:
        for index in range(9):
            y = 470 + index * 30
            points = []
            for step in range(61):
                x = 200 + step * 20
                bulge = 70 * math.exp(-(((x - 900) / 150) ** 2)) * (index - 4) / 4
                points.append((x, y + bulge + math.sin(step * 0.4 + index) * 3))
            fibres.rounded_line(points, fill=palette.muscle, width=20)
    with canvas.layer(0.7) as knot:
        knot.ellipse((780, 520, 1020, 700), fill=palette.muscle_deep)
    with canvas.layer(0.5) as core:
        core.ellipse((830, 565, 970, 655), fill=palette.muscle_deep)
    needle(canvas, (905, 600), 73, length=470, handle=120)
    with canvas.layer(0.7) as rings:
        for radius in (40, 70):
            rings.circle((905, 600), radius, outline=palette.white, width=4)


def draw_cupping(canvas, palette, rng):
    """Round glass cups on the upper back and the tops of the shoulders."""
    skin, hair = palette.skin, palette.ink
    canvas.rectangle((735, 120, 865, 330), fill=skin, radius=50)  # neck
    canvas.ellipse((680, -80, 920, 210), fill=hair)  # back of the head
    canvas.ellipse((180, 260, 1420, 1400), fill=skin)
    with canvas.layer(0.18) as spine:
        spine.line([(800, 330), (800, 900)], fill=palette.ink, width=6)
    cups = [(520, 460, 92), (1080, 460, 92), (640, 640, 104), (960, 640, 104), (700, 820, 84), (900, 820, 84)]
    with canvas.layer(0.35) as marks:
        for x, y, radius in cups:
            marks.circle((x, y), radius + 18, fill=palette.muscle)
    with canvas.layer(0.55) as glass:
        for x, y, radius in cups:
            glass.circle((x, y), radius, fill=palette.sky)
    for x, y, radius in cups:
        canvas.circle((x, y), radius, outline=with_alpha(palette.deep, 220), width=7)
        canvas.circle((x, y), radius * 0.62, outline=with_alpha(palette.white, 120), width=5)
        canvas.arc(
            (x - radius * 0.8, y - radius * 0.8, x + radius * 0.8, y + radius * 0.8),
            200,
            260,
            fill=with_alpha(palette.white, 230),
            width=10,
        )


def draw_portrait(canvas, palette, rng):
    """A friendly placeholder avatar: face, hair and shoulders."""
    hair = HAIR_COLOURS[int(palette.hue) // 45 % len(HAIR_COLOURS)] + (255,)
    style = int(palette.hue) // 40 % 3
    with canvas.layer(0.6) as disc:
        disc.circle((400, 400), 330, fill=palette.soft)
    if style == 1:  # long hair, down to the shoulders
        canvas.rectangle((250, 220, 550, 640), fill=hair, radius=130)
    canvas.ellipse((110, 560, 690, 1060), fill=palette.deep)  # shoulders
    canvas.polygon([(330, 575), (470, 575), (400, 680)], fill=palette.sky)  # collar
    canvas.rectangle((350, 430, 450, 600), fill=palette.skin, radius=40)
    canvas.polygon([(350, 560), (450, 560), (400, 640)], fill=palette.skin)
    if style == 2:  # bun
        canvas.circle((400, 150), 58, fill=hair)
    canvas.ellipse((266, 150, 534, 440), fill=hair)
    canvas.ellipse((260, 300, 302, 380), fill=palette.skin)  # ears
    canvas.ellipse((498, 300, 540, 380), fill=palette.skin)
    canvas.ellipse((282, 210, 518, 482), fill=palette.skin)
    canvas.ellipse((338, 318, 358, 342), fill=palette.ink)
    canvas.ellipse((442, 318, 462, 342), fill=palette.ink)
    canvas.arc((355, 380, 445, 430), 25, 155, fill=palette.ink, width=5)
    with canvas.layer(0.25) as cheeks:
        cheeks.circle((325, 390), 18, fill=palette.muscle)
        cheeks.circle((475, 390), 18, fill=palette.muscle)


def draw_clinic(canvas, palette, rng):
    """A bright treatment room: a window, a padded table, a heat lamp and a plant."""
    canvas.rectangle((0, 660, 1600, 900), fill=palette.soft)  # floor
    canvas.line([(0, 660), (1600, 660)], fill=with_alpha(palette.deep, 80), width=4)
    # Window with a view of hills.
    pane = (165, 145, 615, 535)
    canvas.rectangle((140, 120, 640, 560), fill=palette.white, radius=10)
    canvas.rectangle(pane, fill=hsl(palette.hue + 30, 0.6, 0.86))
    with canvas.layer(1.0, clip=pane) as view:
        view.circle((520, 240), 48, fill=hsl(45, 0.9, 0.72))
        view.ellipse((60, 400, 560, 760), fill=hsl(palette.hue - 40, 0.35, 0.62))
        view.ellipse((330, 430, 800, 720), fill=hsl(palette.hue - 30, 0.35, 0.52))
    canvas.line([(390, 145), (390, 535)], fill=palette.white, width=14)
    canvas.line([(165, 340), (615, 340)], fill=palette.white, width=14)
    canvas.rectangle((120, 555, 660, 580), fill=palette.white, radius=6)
    # Light falling through the window.
    with canvas.layer(0.3) as light:
        light.polygon([(165, 662), (615, 662), (900, 880), (300, 880)], fill=palette.white)
    # Treatment table with a folded towel and a pillow.
    canvas.rectangle((720, 520, 1380, 580), fill=palette.deep, radius=24)
    canvas.rectangle((740, 504, 1360, 530), fill=palette.main, radius=12)
    for x in (770, 1310):
        canvas.rectangle((x, 575, x + 26, 760), fill=palette.ink, radius=8)
    canvas.rectangle((1220, 470, 1340, 510), fill=palette.white, radius=18)
    canvas.rectangle((900, 486, 1080, 508), fill=palette.accent_soft, radius=8)
    # Infrared heat lamp arching over the table.
    canvas.rectangle((1440, 250, 1456, 760), fill=palette.ink, radius=6)
    canvas.line([(1448, 260), (1300, 220), (1180, 300)], fill=palette.ink, width=12)
    with canvas.layer(0.25) as warmth:
        warmth.polygon([(1140, 330), (1220, 330), (1280, 500), (1080, 500)], fill=hsl(20, 0.9, 0.62))
    canvas.chord((1110, 270, 1250, 390), 180, 360, fill=palette.ink)
    canvas.rectangle((1400, 750, 1500, 772), fill=palette.ink, radius=8)
    # Plant.
    canvas.rectangle((190, 700, 300, 820), fill=palette.accent, radius=14)
    for angle in range(-70, 80, 28):
        radians = math.radians(angle - 90)
        tip = (245 + 130 * math.cos(radians), 700 + 150 * math.sin(radians))
        canvas.line([(245, 705), tip], fill=hsl(130, 0.35, 0.38), width=7)
        canvas.ellipse((tip[0] - 24, tip[1] - 40, tip[0] + 24, tip[1] + 40), fill=hsl(130, 0.35, 0.45))
    # A framed picture.
    canvas.rectangle((860, 150, 1160, 380), fill=palette.white, radius=8)
    canvas.rectangle((884, 174, 1136, 356), fill=palette.sky)
    canvas.circle((960, 250), 40, fill=palette.accent_soft)
    canvas.circle((1050, 290), 55, fill=with_alpha(palette.main, 160))


def draw_abstract_shapes(canvas, palette, rng):
    """Soft overlapping circles and waves."""
    for _ in range(9):
        radius = rng.uniform(80, 260)
        centre = (rng.uniform(150, 1450), rng.uniform(120, 780))
        colour = rng.choice([palette.main, palette.accent, palette.deep, palette.soft])
        canvas.circle(centre, radius, fill=with_alpha(colour, 80))
    for band in range(4):
        with canvas.layer(0.6 - band * 0.1) as wave:
            points = [(x, 560 + band * 70 + 40 * math.sin(x / 160 + band)) for x in range(-20, 1640, 20)]
            wave.line(points, fill=palette.white, width=10)


def draw_abstract_path(canvas, palette, rng):
    """A simple figure from behind with a curving line from the lower back down one leg."""
    for _ in range(6):
        radius = rng.uniform(60, 160)
        centre = rng.choice(
            [(rng.uniform(100, 500), rng.uniform(100, 800)), (rng.uniform(1100, 1500), rng.uniform(100, 800))]
        )
        canvas.circle(centre, radius, fill=with_alpha(rng.choice([palette.main, palette.accent]), 60))
    figure = palette.soft
    canvas.circle((800, 130), 70, fill=figure)
    canvas.rectangle((690, 200, 910, 520), fill=figure, radius=90)
    canvas.rectangle((700, 470, 792, 860), fill=figure, radius=40)
    canvas.rectangle((808, 470, 900, 860), fill=figure, radius=40)
    canvas.rectangle((620, 220, 680, 500), fill=figure, radius=30)
    canvas.rectangle((920, 220, 980, 500), fill=figure, radius=30)
    path = bezier((800, 440), (700, 520), (750, 620)) + bezier((750, 620), (785, 720), (745, 840))[1:]
    with canvas.layer(0.3) as glow:
        glow.rounded_line(path, fill=palette.pain, width=44)
    with canvas.layer(0.5) as halo:
        halo.rounded_line(path, fill=palette.pain, width=22)
    canvas.rounded_line(path, fill=palette.deep, width=8)
    canvas.circle((800, 440), 20, fill=palette.deep)


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
