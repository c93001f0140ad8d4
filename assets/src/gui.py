"""Title picture, ending cards (a generic one and one per ending) and window icon.

An ending's card is assets/gui/ending_<slug>.png, the slug its name in lower case with
"_" for anything not a letter or digit (engine/gallery.py's ending_slug); the game draws
the ending's number and name over the dark band across its middle.
"""

from __future__ import annotations

import os

import numpy as np
import pygame
from bgkit import (
    blank,
    ellipse_mask,
    glow,
    grid,
    paint,
    poly_mask,
    rect_mask,
    smooth_noise,
    to_surface,
    vgrad,
)
from draw import save_png
from tmxrender import render_tmx


def title(bg_dir: str) -> pygame.Surface:
    """The night road, a little darker at the top and bottom so the engine's text reads well."""
    pic = render_tmx(os.path.join(bg_dir, "night_road.tmx")).convert_alpha() \
        if pygame.display.get_surface() else render_tmx(os.path.join(bg_dir, "night_road.tmx"))
    xx, yy = grid()
    shade = blank()
    paint(shade, np.clip(1 - yy / 260, 0, 1) ** 1.4, (6, 6, 24), 0.55)
    paint(shade, np.clip((yy - 480) / 240, 0, 1) ** 1.2, (6, 6, 24), 0.6)
    pic.blit(to_surface(shade), (0, 0))
    return pic


def ending_card() -> pygame.Surface:
    xx, yy = grid()
    img = blank()
    img[0][:] = vgrad(720, [(0, (10, 10, 26)), (0.55, (22, 18, 44)), (1, (14, 10, 28))])
    img[1][:] = 1
    paint(img, glow(640, 360, 420), (60, 44, 96), 0.35)
    rng = np.random.default_rng(4404)
    for _ in range(140):
        x, y = rng.uniform(0, 1280), rng.uniform(0, 720)
        if abs(y - 360) < 150 and abs(x - 640) < 460:
            continue
        b = rng.uniform(0.2, 0.8)
        paint(img, ellipse_mask(x, y, 1.6, 1.6, 1.0), (220, 220, 255), b)
    # a faint road fading into the distance at the bottom
    road = np.clip(1 - np.abs(xx - 640) / (8 + (yy - 560).clip(0) * 1.4), 0, 1) * (yy > 560)
    paint(img, road, (120, 110, 150), 0.25)
    # thin ornamental rules above and below the text area
    for y0 in (220, 500):
        band = np.exp(-((yy - y0) / 0.9) ** 2) * np.exp(-((xx - 640) / 260) ** 2)
        paint(img, band, (214, 190, 240), 0.8)
    return to_surface(img)


def _text_band(img: tuple, xx: np.ndarray, yy: np.ndarray) -> None:
    """The dark band the number and name sit on, with the generic card's thin rules."""
    band = np.exp(-((yy - 345) / 118) ** 2) * np.exp(-((xx - 640) / 560) ** 4)
    paint(img, band, (8, 6, 22), 0.62)
    for y0 in (236, 454):
        rule = np.exp(-((yy - y0) / 0.9) ** 2) * np.exp(-((xx - 640) / 240) ** 2)
        paint(img, rule, (226, 204, 240), 0.75)


def _stars(img: tuple, seed: int, n: int, below: float, keep_out: float = 0) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(n):
        x, y = rng.uniform(0, 1280), rng.uniform(0, below)
        if keep_out and abs(y - 345) < keep_out and abs(x - 640) < 420:
            continue
        paint(img, ellipse_mask(x, y, 1.5, 1.5, 1.0), (226, 226, 255), rng.uniform(0.25, 0.85))


def card_someone_to_want_me() -> pygame.Surface:
    """A hospital window at dusk, seen from the dim room: warm light on the floor."""
    xx, yy = grid()
    img = blank()
    img[0][:] = vgrad(720, [(0, (30, 22, 40)), (0.7, (44, 30, 46)), (1, (26, 18, 30))])
    img[1][:] = 1
    x0, x1, y0, y1 = 350, 930, 64, 560
    sky = vgrad(720, [(0, (70, 56, 120)), (0.28, (150, 92, 140)), (0.52, (236, 142, 118)),
                      (0.66, (255, 200, 150)), (1, (255, 214, 170))])
    inside = rect_mask(x0, y0, x1, y1)
    paint(img, inside, sky)
    paint(img, glow(760, 470, 150) * inside, (255, 236, 196), 0.85)  # the low sun
    hills = np.clip((yy - (470 - 22 * np.sin(xx / 95) - 12 * np.sin(xx / 37 + 1))) / 1.5, 0, 1)
    paint(img, hills * inside, (70, 44, 76))
    roofs = np.clip((yy - (505 - 30 * (np.sin(xx / 23) > 0.6))) / 1.2, 0, 1)
    paint(img, roofs * inside, (46, 30, 54))
    frame = np.clip(rect_mask(x0 - 18, y0 - 18, x1 + 18, y1 + 26) - inside, 0, 1)
    paint(img, frame, (58, 40, 56))
    for bar in (rect_mask(634, y0, 646, y1), rect_mask(x0, 300, x1, 311)):
        paint(img, bar, (52, 36, 52))
    paint(img, rect_mask(x0 - 40, y1 + 10, x1 + 40, y1 + 30), (74, 52, 64))  # the sill
    # a thin curtain drawn to the left, lit through
    curtain = rect_mask(x0 - 4, y0 - 10, x0 + 70, y1 + 8) * (0.75 + 0.25 * np.sin(xx / 7))
    paint(img, curtain, (236, 206, 200), 0.38)
    spill = poly_mask([(x0 + 40, 590), (x1 - 40, 590), (x1 + 220, 720), (x0 - 220, 720)])
    paint(img, spill * np.clip((yy - 590) / 130, 0, 1), (255, 196, 150), 0.22)
    paint(img, glow(640, 330, 520), (255, 170, 120), 0.10)
    _text_band(img, xx, yy)
    return to_surface(img)


def card_alone() -> pygame.Surface:
    """A heart monitor's line in a dark room: a few beats, then flat."""
    xx, yy = grid()
    img = blank()
    img[0][:] = vgrad(720, [(0, (6, 12, 18)), (0.5, (10, 22, 28)), (1, (4, 8, 12))])
    img[1][:] = 1
    gridlines = (np.abs(((xx + 20) % 80) - 40) > 39.2) | (np.abs(((yy + 20) % 80) - 40) > 39.2)
    paint(img, gridlines.astype(np.float32), (40, 96, 96), 0.16)
    base = 578
    pts = [(0.0, base)]
    for bx in (150, 420, 700):
        pts += [(bx - 40, base), (bx - 26, base - 12), (bx - 14, base), (bx - 4, base + 14),
                (bx + 8, base - 96), (bx + 20, base + 34), (bx + 30, base), (bx + 62, base),
                (bx + 80, base - 18), (bx + 100, base)]
    pts.append((1280.0, base))
    trace = pygame.Surface((1280, 720), pygame.SRCALPHA)
    pygame.draw.lines(trace, (255, 255, 255, 255), False, pts, 4)
    line = pygame.surfarray.array_alpha(trace).T.astype(np.float32) / 255
    halo = pygame.transform.smoothscale(pygame.transform.smoothscale(trace, (160, 90)),
                                        (1280, 720))
    soft = pygame.surfarray.array_alpha(halo).T.astype(np.float32) / 255
    fade = np.clip(1.15 - xx / 1280, 0.35, 1)  # the line dims where it goes flat
    paint(img, np.clip(soft * 3.0, 0, 1) * fade, (60, 220, 190), 0.45)
    paint(img, line * fade, (150, 255, 226))
    paint(img, glow(1210, base, 26), (190, 255, 236), 0.9)  # the trace's bright head
    paint(img, glow(640, 0, 300), (40, 90, 110), 0.25)
    _text_band(img, xx, yy)
    return to_surface(img)


def card_thank_you() -> pygame.Surface:
    """The village gate at dawn, the road running out through it into the light."""
    xx, yy = grid()
    img = blank()
    img[0][:] = vgrad(720, [(0, (52, 60, 112)), (0.35, (150, 130, 176)), (0.62, (246, 180, 168)),
                            (0.74, (255, 222, 190)), (1, (255, 228, 200))])
    img[1][:] = 1
    paint(img, glow(640, 520, 210), (255, 244, 214), 0.9)
    rng = np.random.default_rng(77)
    for y0, x0, length in ((92, 180, 420), (128, 760, 520), (214, 80, 300), (236, 980, 360)):
        streak = np.exp(-((yy - y0) / 7) ** 2) * np.clip(1 - np.abs(xx - x0 - length / 2)
                                                         / (length / 2), 0, 1) ** 0.6
        paint(img, streak * (0.7 + 0.3 * smooth_noise(rng, 1280, 720, 60)), (252, 206, 204),
              0.6)
    hills = np.clip((yy - (520 - 26 * np.sin(xx / 140 + 0.5) - 10 * np.sin(xx / 47))) / 1.5,
                    0, 1)
    paint(img, hills, (92, 70, 108))
    ground = np.clip((yy - 560) / 1.5, 0, 1)
    paint(img, ground, (46, 36, 62))
    road = poly_mask([(610, 540), (670, 540), (1010, 720), (270, 720)])
    paint(img, road, vgrad(720, [(0, (250, 210, 190)), (0.75, (236, 190, 176)),
                                 (1, (120, 92, 116))]), 0.9)
    gate = (30, 22, 40)
    for px0 in (292, 916):
        paint(img, rect_mask(px0, 128, px0 + 72, 720), gate)
    paint(img, poly_mask([(210, 118), (1070, 118), (1030, 150), (250, 150)]), gate)  # the roof
    paint(img, rect_mask(262, 176, 1018, 196), gate)  # the tie beam
    paint(img, rect_mask(0, 690, 1280, 720), (22, 16, 30))
    _text_band(img, xx, yy)
    return to_surface(img)


def card_go_home_and_sleep() -> pygame.Surface:
    """The moonlit road home, empty, under the stars."""
    xx, yy = grid()
    img = blank()
    img[0][:] = vgrad(720, [(0, (6, 8, 26)), (0.6, (24, 28, 66)), (1, (12, 12, 30))])
    img[1][:] = 1
    _stars(img, 5150, 170, 500, keep_out=130)
    paint(img, glow(1000, 130, 190), (120, 130, 210), 0.35)
    paint(img, ellipse_mask(1000, 130, 54, 54, 1.5), (246, 242, 222))
    paint(img, ellipse_mask(1022, 116, 50, 50, 1.5) * ellipse_mask(1000, 130, 54, 54, 1.5),
          (210, 206, 196), 0.35)  # the moon's shaded side
    hills = np.clip((yy - (510 - 34 * np.sin(xx / 170 + 1.3) - 12 * np.sin(xx / 53))) / 1.5,
                    0, 1)
    paint(img, hills, (18, 20, 44))
    road = poly_mask([(628, 512), (652, 512), (1060, 720), (220, 720)])
    paint(img, road, vgrad(720, [(0, (150, 150, 196)), (0.8, (110, 110, 156)),
                                 (1, (66, 64, 104))]), 0.85)
    sheen = np.clip(1 - np.abs(xx - 640) / (6 + (yy - 512).clip(0) * 0.5), 0, 1) * (yy > 512)
    paint(img, sheen, (210, 212, 250), 0.35)
    for side in (-1, 1):  # two posts by the road, small against the sky
        x = 640 + side * 330
        paint(img, rect_mask(x - 4, 560, x + 4, 660), (20, 18, 40))
    _text_band(img, xx, yy)
    return to_surface(img)


ENDING_CARDS = {
    "someone_to_want_me": card_someone_to_want_me,
    "alone": card_alone,
    "thank_you": card_thank_you,
    "go_home_and_sleep": card_go_home_and_sleep,
}


def icon(size: int = 64) -> pygame.Surface:
    """The window icon; packaging/make_icons.py asks for the larger sizes of the bundles."""
    s = 256
    xx, yy = grid(s, s)
    img = blank(s, s)
    disc = ellipse_mask(128, 128, 124, 124, 2, s, s)
    paint(img, disc, vgrad(s, [(0, (20, 22, 70)), (0.6, (80, 56, 140)), (1, (40, 30, 80))], s))
    paint(img, ellipse_mask(170, 80, 30, 30, 2, s, s) * disc, (246, 242, 222))
    road = np.clip((yy - 150) / 2, 0, 1) * np.clip(
        1 - np.abs(xx - 128) / (4 + (yy - 150).clip(0) * 0.9), 0, 1) * 4
    paint(img, np.clip(road, 0, 1) * disc, (200, 190, 220))
    hill = np.clip((yy - (160 - 10 * np.sin(xx / 30))) / 1.5, 0, 1) * disc
    paint(img, hill * (1 - np.clip(road, 0, 1)), (16, 20, 40))
    ring = np.clip(disc * 4, 0, 1) - np.clip(ellipse_mask(128, 128, 116, 116, 2, s, s) * 4, 0, 1)
    paint(img, np.clip(ring, 0, 1), (244, 166, 194))
    full = to_surface(img)
    return full if size == s else pygame.transform.smoothscale(full, (size, size))


def build_all(folder: str, bg_dir: str) -> None:
    """Write title.png, ending_card.png, ending_<slug>.png and icon.png into folder."""
    save_png(title(bg_dir), os.path.join(folder, "title.png"))
    save_png(ending_card(), os.path.join(folder, "ending_card.png"))
    for slug, make in ENDING_CARDS.items():
        save_png(make(), os.path.join(folder, f"ending_{slug}.png"))
    save_png(icon(), os.path.join(folder, "icon.png"))
