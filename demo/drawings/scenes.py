"""Scenes: the treatment room and the abstract backgrounds."""

import math

from demo.drawings.canvas import bezier, hsl, with_alpha


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
