"""Bodies: a neck from behind or the side, a head from the front or the side, and portraits."""

from demo.drawings.canvas import (
    bezier,
    ellipse_points,
    referral_path,
    shade,
    tender_point,
    with_alpha,
)

HAIR_COLOURS = [(58, 42, 34), (24, 22, 24), (112, 72, 42), (196, 152, 96), (92, 88, 96)]


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
    """A head and neck in profile, shaded at the back of the head and the crown."""
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
