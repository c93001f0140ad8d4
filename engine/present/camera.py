"""Layers and the camera: which of Ren'Py's layers a sprite draws on, and a layer's
camera transform applied to the whole composed layer.

Ren'Py draws its layers bottom to top: master (the background and the sprites), then any
layer a game adds (drawn here just above master, in name order, as `renpy.add_layer(...,
above="master")` puts them), then transient, screens and overlay. The dialogue box and the
menus are drawn by the screen over all of them, so a camera never moves the text.

A camera is a layer's motion on the stage (stage["camera"][layer], see stage_ops.py),
timed like a sprite's through a stand-in sprite (camera_sprites) so SpriteTimes starts it
when the camera statement runs and moves a replacing one on from where the last stood.
The layer is a canvas-sized picture placed by the camera's Placement from Ren'Py's layer
placement (its top-left at the screen's, so `zoom 2.0` alone zooms about the top-left
corner, and `xalign 0.5 yalign 0.5 zoom 1.2` about the middle).

Only the part of the layer that lands on the screen is rescaled: a zoomed camera costs one
screen-sized smoothscale a frame while it moves, and none once it is still (the composed
picture is cached then, as a still stage is).
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from engine.atl.placement import Placement, canvas_xy

from .placing import stage_placement, stand_in
from .sprites import light, lighting

MASTER = "master"
# Ren'Py's own layers above master, bottom to top (config.layers' default).
UPPER_LAYERS = ("transient", "screens", "overlay")
CAMERA_KEY = "\0camera "  # a stand-in sprite's key: no tag can start with NUL
CAMERA_ORIGIN = Placement(xpos=0.0, ypos=0.0, xanchor=0.0, yanchor=0.0)
CANVAS = (1280, 720)


def layer_of(sprite: dict[str, Any]) -> str:
    return sprite.get("layer") or MASTER


def camera_sprites(stage: dict[str, Any]) -> list[dict[str, Any]]:
    """Each layer's camera as a stand-in sprite (its motion, a key of its own)."""
    cameras = stage.get("camera") or {}
    return [{**stand_in("camera", CAMERA_KEY + layer, m), "camera": layer}
            for layer, m in sorted(cameras.items())]


def is_camera(sprite: dict[str, Any]) -> bool:
    return sprite.get("camera") is not None


def layered(stage: dict[str, Any]) -> bool:
    """The stage needs more than the one flat master layer: a camera, or a sprite on
    another layer."""
    return bool(stage.get("camera")) or any(
        sp.get("layer") for sp in stage.get("sprites", []))


def layer_order(stage: dict[str, Any]) -> list[str]:
    """The layers to draw, bottom to top: master always, the others that have sprites."""
    used = {layer_of(sp) for sp in stage.get("sprites", [])} - {MASTER}
    added = sorted(used - set(UPPER_LAYERS))
    return [MASTER, *added, *(name for name in UPPER_LAYERS if name in used)]


def camera_placement(sprite: dict[str, Any], transforms: Any, t: float,
                     event: str | None = None, start: Placement | None = None
                     ) -> tuple[Placement, bool]:
    """Where a camera puts its layer `t` seconds in, and whether it has stopped."""
    return stage_placement(sprite, transforms, t, {}, event, start or CAMERA_ORIGIN)


def is_identity(p: Placement) -> bool:
    """The camera leaves the layer as it is: draw it straight, no copy."""
    return p == CAMERA_ORIGIN or p.but(extra={}) == CAMERA_ORIGIN


def _box(p: Placement, scale: float) -> tuple[float, float, float, float]:
    """The layer's zoomed box on the scaled canvas: x, y, width, height (unrotated)."""
    w, h = CANVAS[0] * abs(p.zoom * p.xzoom), CANVAS[1] * abs(p.zoom * p.yzoom)
    x, y = canvas_xy(p, (w, h), CANVAS)
    return x * scale, y * scale, w * scale, h * scale


def _finish(piece: pygame.Surface, p: Placement, copied: bool) -> pygame.Surface:
    """The camera's tint, brightness and alpha on a piece of the layer (a copy first
    when the piece is the layer's own pixels)."""
    tint, bright = lighting(p)
    if (tint != (255, 255, 255) or bright) and not copied:
        piece = piece.copy()
    light(piece, tint, bright)
    return piece


def draw_layer(target: pygame.Surface, layer: pygame.Surface, p: Placement, scale: float,
               origin: tuple[int, int] = (0, 0), opaque: bool = True) -> None:
    """Draw a composed layer (the scaled canvas's size) through its camera onto `target`,
    the canvas at `origin`. An opaque layer (master) leaves black where it does not
    reach, as Ren'Py's empty screen is."""
    size = layer.get_size()
    screen = pygame.Rect(origin, size)
    alpha = max(0.0, min(1.0, p.alpha))
    if opaque:
        target.fill((0, 0, 0), screen.clip(target.get_clip()))
    zx, zy = p.zoom * p.xzoom, p.zoom * p.yzoom
    if alpha <= 0.0 or not (math.isfinite(zx) and math.isfinite(zy)) or not zx or not zy:
        return
    if zx < 0 or zy < 0:
        layer = pygame.transform.flip(layer, zx < 0, zy < 0)
    if p.rotate % 360.0:
        piece, pos = _turned(layer, p, scale)
        copied = True
    else:
        found = _visible(layer, p, scale)
        if found is None:
            return
        piece, pos, copied = found
    piece = _finish(piece, p, copied)
    clip = target.get_clip()
    target.set_clip(screen.clip(clip))
    try:
        if alpha < 1.0:
            piece.set_alpha(round(255 * alpha))
        target.blit(piece, (origin[0] + pos[0], origin[1] + pos[1]))
        if alpha < 1.0:
            piece.set_alpha(None)
    finally:
        target.set_clip(clip)


def _visible(layer: pygame.Surface, p: Placement, scale: float
             ) -> tuple[pygame.Surface, tuple[int, int], bool] | None:
    """The part of the layer that lands on the screen, rescaled, where it goes, and
    whether it is a copy: rescaling the whole of a zoomed layer would cost its area."""
    w, h = layer.get_size()
    x, y, zw, zh = _box(p, scale)
    kx, ky = zw / w, zh / h
    if abs(kx - 1.0) < 1e-6 and abs(ky - 1.0) < 1e-6:
        return layer, (round(x), round(y)), False
    left, top = max(0.0, -x / kx), max(0.0, -y / ky)
    right, bottom = min(float(w), (w - x) / kx), min(float(h), (h - y) / ky)
    # Whole source pixels covering the visible part; the screen's clip trims the rest.
    sx0, sy0 = math.floor(left), math.floor(top)
    sx1, sy1 = min(w, math.ceil(right)), min(h, math.ceil(bottom))
    if sx1 <= sx0 or sy1 <= sy0:
        return None
    part = layer.subsurface(pygame.Rect(sx0, sy0, sx1 - sx0, sy1 - sy0))
    dx0, dy0 = round(x + sx0 * kx), round(y + sy0 * ky)
    dx1, dy1 = round(x + sx1 * kx), round(y + sy1 * ky)
    out = (max(1, dx1 - dx0), max(1, dy1 - dy0))
    return pygame.transform.smoothscale(part, out), (dx0, dy0), True


def _turned(layer: pygame.Surface, p: Placement, scale: float
            ) -> tuple[pygame.Surface, tuple[int, int]]:
    """A rotated camera: the layer zoomed, turned clockwise about its middle, and placed
    by the turned box, as Ren'Py places a rotated displayable."""
    x, y, zw, zh = _box(p, scale)
    zoomed = pygame.transform.smoothscale(layer, (max(1, round(zw)), max(1, round(zh))))
    turned = pygame.transform.rotozoom(zoomed, -p.rotate, 1.0)
    tw, th = turned.get_size()
    px, py = canvas_xy(p, (tw / scale, th / scale), CANVAS)
    return turned, (round(px * scale), round(py * scale))
