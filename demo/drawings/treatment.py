"""Treatments: acupuncture needles (on a tray, or one beside a knotted muscle) and cupping."""

import math

from demo.drawings.canvas import hsl, with_alpha

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
