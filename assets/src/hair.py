"""Hair (behind and in front of the face) and face marks of the four characters, drawn
facing the viewer's right in the 560x640 sprite space."""

from __future__ import annotations

from draw import Painter, spline
from faces import INK, Look, dark, mix


def sakura_back(p: Painter, lk: Look) -> None:
    back = spline([(190, 110), (255, 62), (340, 66), (398, 118), (414, 210), (412, 300),
                   (420, 372, 1), (390, 352), (372, 378, 1), (350, 330), (250, 330),
                   (222, 372, 1), (200, 350), (168, 376, 1), (176, 300), (170, 200)])
    p.part(back, lk.hair_shade, dark(lk.hair), 2.4,
           [(spline([(160, 300), (420, 300), (420, 400), (160, 400)]),
             mix(lk.hair_shade, INK, 0.2))])


def sakura_front(p: Painter, lk: Look) -> None:
    front = spline([
        (182, 340, 1), (168, 270), (170, 180), (196, 112), (255, 70), (330, 72), (384, 108),
        (404, 180), (402, 270), (392, 336, 1), (378, 290), (372, 230), (366, 190),
        (354, 192, 1), (342, 150), (318, 196, 1), (298, 146), (276, 198, 1), (256, 148),
        (232, 196, 1), (214, 160), (206, 198), (200, 250), (196, 300),
    ])
    shine = spline([(212, 110), (260, 92), (320, 92), (360, 112), (352, 122), (320, 106),
                    (262, 106), (220, 124)])
    under = spline([(352, 100), (410, 160), (410, 340), (380, 340), (384, 220), (372, 150)])
    side = spline([(170, 250), (190, 250), (196, 340), (180, 340)])
    p.part(front, lk.hair, dark(lk.hair), 2.4,
           [(under, lk.hair_shade), (side, lk.hair_shade), (shine, lk.hair_light)])
    # strand lines
    for a, b in (((258, 100), (240, 170)), ((300, 96), (300, 160)), ((338, 104), (346, 160))):
        p.stroke([a, b], dark(lk.hair, 0.3), 1.4)


def sasuke_back(p: Painter, lk: Look) -> None:
    # the canonical silhouette: a crown of spikes sweeping up and back from the head
    back = spline([
        (330, 84), (298, 62), (262, 46), (240, 8, 1), (222, 58), (174, 14, 1), (186, 76),
        (112, 40, 1), (160, 108), (70, 98, 1), (146, 148), (64, 170, 1), (150, 196),
        (88, 242, 1), (164, 238), (128, 296, 1), (192, 272), (212, 320, 1), (252, 304),
        (300, 300), (368, 262), (392, 182), (382, 120), (358, 94),
    ])
    p.part(back, lk.hair, dark(lk.hair, 0.5), 2.4,
           [(spline([(60, 150), (190, 150), (210, 330), (60, 330)]), lk.hair_shade),
            (spline([(120, 60), (200, 40), (240, 20), (236, 50), (190, 70), (140, 90)]),
             lk.hair_light)])
    for a, b in (((230, 70), (130, 60)), ((210, 110), (96, 116)), ((206, 170), (100, 200))):
        p.stroke([a, b], dark(lk.hair, 0.25), 1.4)


def sasuke_front(p: Painter, lk: Look) -> None:
    # bangs hanging down over the forehead, long locks framing both sides of the face
    front = spline([
        (196, 322, 1), (182, 250), (184, 168), (212, 110), (268, 80), (330, 80), (374, 104),
        (398, 162), (400, 236), (390, 312, 1), (376, 252), (368, 212), (354, 236, 1),
        (344, 168), (320, 216, 1), (302, 160), (282, 200, 1), (264, 154), (240, 206, 1),
        (228, 176), (216, 240), (208, 292),
    ])
    p.part(front, lk.hair, dark(lk.hair, 0.5), 2.4,
           [(spline([(352, 96), (412, 160), (412, 330), (378, 330), (382, 210), (370, 140)]),
             lk.hair_shade),
            (spline([(180, 240), (210, 240), (210, 330), (180, 330)]), lk.hair_shade),
            (spline([(222, 114), (290, 94), (350, 108), (340, 120), (290, 108), (228, 128)]),
             lk.hair_light)])
    for a, b in (((250, 110), (238, 190)), ((300, 98), (300, 150)), ((346, 112), (350, 160)),
                 ((196, 200), (200, 290)), ((388, 200), (386, 290))):
        p.stroke([a, b], dark(lk.hair, 0.25), 1.4)


def naruto_back(p: Painter, lk: Look) -> None:
    pass


def naruto_front(p: Painter, lk: Look) -> None:
    # spiky crown
    spikes = spline([
        (196, 240, 1), (184, 200), (150, 196, 1), (180, 168), (148, 132, 1), (194, 130),
        (186, 84, 1), (232, 102), (246, 46, 1), (282, 88), (320, 44, 1), (334, 92),
        (382, 68, 1), (378, 116), (420, 124, 1), (392, 156), (420, 192, 1), (390, 200),
        (380, 250, 1), (366, 214), (350, 206, 1), (332, 176), (316, 210, 1), (296, 172),
        (276, 212, 1), (256, 176), (234, 214, 1), (220, 186), (210, 230),
    ])
    p.part(spikes, lk.hair, dark(lk.hair, 0.5), 2.4,
           [(spline([(190, 200), (260, 160), (340, 160), (400, 200), (400, 260), (190, 260)]),
             lk.hair_shade),
            (spline([(206, 118), (270, 96), (340, 100), (330, 114), (270, 110), (214, 132)]),
             lk.hair_light)])
    # bandage round the head, crossing the forehead
    band = spline([(186, 152, 1), (272, 138), (378, 146, 1), (376, 172, 1), (274, 166),
                   (190, 182, 1)])
    white = (246, 244, 238)
    p.part(band, white, (150, 150, 160), 2.2,
           [(spline([(330, 130), (390, 130), (390, 190), (330, 190)]), (214, 216, 222))])
    p.stroke(spline([(220, 170), (260, 150), (300, 160)], closed=False), (200, 200, 210), 1.4)
    p.stroke(spline([(300, 145), (340, 158), (372, 150)], closed=False), (200, 200, 210), 1.4)
    # loose end trailing behind the near side
    tail = spline([(188, 160, 1), (160, 176), (146, 214, 1), (168, 196), (190, 178, 1)])
    p.part(tail, white, (150, 150, 160), 2.0)


def naruto_marks(p: Painter, lk: Look) -> None:
    col = mix(lk.skin, (120, 70, 60), 0.6)
    for i in range(3):
        y = 266 + i * 8
        p.stroke([(212, y - 2), (232, y)], col, 1.8)
        p.stroke([(350, y), (364, y - 2)], col, 1.6)


def hinata_back(p: Painter, lk: Look) -> None:
    back = spline([(196, 110), (260, 62), (340, 64), (396, 112), (414, 220), (420, 400),
                   (430, 640, 1), (150, 640, 1), (158, 400), (168, 220)])
    p.part(back, lk.hair_shade, dark(lk.hair, 0.5), 2.4,
           [(spline([(150, 380), (430, 380), (430, 660), (150, 660)]),
             mix(lk.hair_shade, INK, 0.25))])


def hinata_front(p: Painter, lk: Look) -> None:
    # straight hime bangs and long side locks falling over the shoulders
    front = spline([
        (176, 470, 1), (170, 330), (172, 200), (196, 116), (256, 74), (330, 74), (388, 112),
        (410, 200), (412, 330), (414, 460, 1), (392, 470, 1), (384, 330), (374, 222),
        (368, 196, 1), (330, 200), (300, 192, 1), (276, 200), (240, 198, 1), (214, 196),
        (206, 222, 1), (204, 330), (198, 460, 1),
    ])
    p.part(front, lk.hair, dark(lk.hair, 0.5), 2.4,
           [(spline([(356, 96), (420, 160), (420, 480), (392, 480), (388, 220), (376, 140)]),
             lk.hair_shade),
            (spline([(170, 300), (206, 300), (206, 480), (170, 480)]), lk.hair_shade),
            (spline([(214, 114), (280, 94), (350, 100), (380, 120), (366, 128), (300, 110),
                     (226, 126)]), lk.hair_light)])
    for a, b in (((240, 110), (228, 190)), ((300, 100), (300, 186)), ((350, 110), (362, 190)),
                 ((188, 330), (186, 450)), ((398, 330), (402, 450))):
        p.stroke([a, b], dark(lk.hair, 0.2), 1.4)
