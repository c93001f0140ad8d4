"""Title picture, ending card and window icon."""

from __future__ import annotations

import os

import numpy as np
import pygame
from backgrounds import blank, ellipse_mask, glow, grid, paint, to_surface, vgrad
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


def icon() -> pygame.Surface:
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
    return pygame.transform.smoothscale(to_surface(img), (64, 64))


def build_all(folder: str, bg_dir: str) -> None:
    """Write title.png, ending_card.png and icon.png into folder."""
    save_png(title(bg_dir), os.path.join(folder, "title.png"))
    save_png(ending_card(), os.path.join(folder, "ending_card.png"))
    save_png(icon(), os.path.join(folder, "icon.png"))
