"""The two outdoor maps, night_road and village_gate: one road in one-point perspective.

The road is 3.2 m wide, rutted gravel with a grass strip; it runs straight to the village
gate (pillars 1.6..2.3 m either side of its middle, 5.9 m tall) and a bench stands on its
left, in front of the gate's left wall. night_road sees it from 50 m away, village_gate from
12 m, both with the eye 1.6 m above the ground.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from bgkit import (
    PH,
    PW,
    Ground,
    Img,
    MapWriter,
    Tileset,
    bake_tiles,
    blank,
    ellipse_mask,
    fbm,
    glow,
    grid,
    lattice,
    outline_of,
    paint,
    poly_mask,
    rect_mask,
    rim,
    save_layer,
    shift,
    smooth_noise,
    treeline,
    vgrad,
    vnoise,
)

ROAD_HALF = 1.6  # m
RUT_X, RUT_W = 0.78, 0.2  # m: the wheel ruts' distance from the middle, their half width
NIGHT_HORIZON = 392
NIGHT_GATE_Z = 50.0
GATE_HORIZON = 470
GATE_Z = 12.0
# The moon: high in the top-left corner, above every head at every stage mark.
MOON = (112, 76, 36)  # centre x, centre y, radius
MOON_BOX = (MOON[0] - MOON[2], MOON[1] - MOON[2], MOON[0] + MOON[2], MOON[1] + MOON[2])


@dataclass(frozen=True)
class Palette:
    grass: tuple[int, int, int]
    grass_dark: tuple[int, int, int]
    grass_light: tuple[int, int, int]
    road: tuple[int, int, int]
    rut: tuple[int, int, int]
    stone: tuple[int, int, int]
    lit: tuple[int, int, int]  # the lit side of stones and rut lips
    shade: tuple[int, int, int]
    haze: tuple[int, int, int]
    haze_m: float  # metres over which the haze takes over


NIGHT = Palette(grass=(26, 42, 56), grass_dark=(12, 22, 34), grass_light=(58, 82, 112),
                road=(92, 88, 122), rut=(74, 72, 102), stone=(122, 120, 152),
                lit=(190, 194, 236), shade=(40, 38, 64), haze=(52, 42, 92), haze_m=70.0)
DAWN = Palette(grass=(104, 134, 96), grass_dark=(70, 92, 74), grass_light=(170, 186, 120),
               road=(204, 170, 138), rut=(170, 134, 112), stone=(214, 186, 156),
               lit=(255, 232, 190), shade=(126, 96, 100), haze=(236, 196, 176), haze_m=40.0)


def road_mask(g: Ground, lat: np.ndarray) -> np.ndarray:
    wob = 0.16 * (vnoise(lat, g.Z * 0.9, g.Z * 0.0 + 3.5) - 0.5) \
        + 0.08 * (vnoise(lat, g.Z * 4.0 + 40, np.sign(g.X) * 9) - 0.5)
    lateral = g.focal / g.Z  # px per metre across
    return np.clip((ROAD_HALF + wob - np.abs(g.X)) * lateral + 0.5, 0, 1) * g.below


def paint_ground(g: Ground, pal: Palette, seed: int) -> Img:
    """Grass to the horizon: patches in the ground's own coordinates, blade streaks near."""
    lat = lattice(seed)
    xx, yy = g.xx, g.yy
    img = blank()
    patches = fbm(lat, g.X * 0.35, g.Z * 0.25, g.foot, 4)
    fine = fbm(lat, g.X * 3.0 + 50, g.Z * 3.0, g.foot, 3)
    col = np.asarray(pal.grass, np.float32)
    dark = np.asarray(pal.grass_dark, np.float32)
    light = np.asarray(pal.grass_light, np.float32)
    t = np.clip((patches - 0.5) * 2.2 + (fine - 0.5) * 1.2, -1, 1)[..., None]
    rgb = np.where(t < 0, col + (dark - col) * -t, col + (light - col) * t * 0.5)
    near = np.clip((yy - g.vy) / 240, 0, 1)
    blades = vnoise(lat, xx / 1.7 + 300, yy / (3 + 9 * near)) - 0.5
    blades2 = vnoise(lat, xx / 3.1 + 90, yy / (2 + 6 * near)) - 0.5
    streak = (blades * 1.4 + blades2) * near
    rgb = rgb + (light - dark)[None, None, :] * streak[..., None] * 0.55
    # the verge: darker, taller grass along the road
    verge = np.exp(-((np.abs(g.X) - ROAD_HALF - 0.35) / 0.45) ** 2)
    rgb = rgb + (dark - rgb) * (verge * 0.45)[..., None]
    haze = 1 - np.exp(-g.Z / pal.haze_m)
    rgb = rgb + (np.asarray(pal.haze, np.float32) - rgb) * haze[..., None]
    img[0][:] = rgb
    img[1][:] = g.below
    return img


def paint_road(g: Ground, pal: Palette, seed: int, shadow: np.ndarray,
               light_dx: float) -> Img:
    """The road: gravel, two ruts, a grass strip in the middle, stones lit from the side
    light_dx says (-1 left, +1 right, 0 ahead), shadows laid on by the map."""
    lat = lattice(seed)
    rng = np.random.default_rng(seed)
    img = blank()
    ax = np.abs(g.X)
    patches = fbm(lat, g.X * 0.6 + 11, g.Z * 0.3, g.foot, 4)
    gravel = fbm(lat, g.X * 22 + 7, g.Z * 22, g.foot, 3)
    base = np.asarray(pal.road, np.float32)
    rgb = base * (0.86 + 0.28 * patches)[..., None]
    rgb = rgb * (0.9 + 0.2 * gravel)[..., None]
    rut = np.exp(-((ax - RUT_X) / RUT_W) ** 2) * (0.75 + 0.5 * (fbm(lat, g.X, g.Z * 0.5 + 5,
                                                                       g.foot, 3) - 0.5))
    rgb = rgb + (np.asarray(pal.rut, np.float32) - rgb) * np.clip(rut, 0, 1)[..., None]
    # a lit lip on the rut's side facing the light, a dark one on the other
    lip = np.exp(-((ax - RUT_X - RUT_W * 1.15) / (RUT_W * 0.35)) ** 2)
    lip_in = np.exp(-((ax - RUT_X + RUT_W * 1.15) / (RUT_W * 0.35)) ** 2)
    side = np.sign(g.X) * (light_dx if light_dx else 0.0)
    lit_lip = np.where(side < 0, lip, lip_in) if light_dx else lip * 0.5
    rgb = rgb + (np.asarray(pal.lit, np.float32) - rgb) * (lit_lip * 0.28)[..., None]
    # grass tufts in the middle strip and nibbling at the edges
    tuft = fbm(lat, g.X * 9 + 70, g.Z * 2.5, g.foot, 3)
    strip = np.clip((0.3 - ax) / 0.12, 0, 1) * np.clip((tuft - 0.5) * 5, 0, 1)
    grass = np.asarray(pal.grass, np.float32)
    rgb = rgb + (grass - rgb) * (strip * 0.85)[..., None]
    mask = road_mask(g, lat)
    edge = np.clip((ax - ROAD_HALF + 0.45) / 0.45, 0, 1) * np.clip((tuft - 0.45) * 4, 0, 1)
    rgb = rgb + (grass - rgb) * (edge * 0.7)[..., None]
    img[0][:] = rgb
    img[1][:] = mask
    # stones near enough to see, each lit on one side and shading the other
    n = 3400
    zs = 4.0 + (rng.random(n) ** 1.6) * 20.0
    xs = rng.uniform(-ROAD_HALF + 0.05, ROAD_HALF - 0.05, n)
    sizes = rng.uniform(0.006, 0.026, n) * (1 + 0.6 * rng.random(n) ** 6)
    tones = rng.uniform(0.82, 1.1, n)
    stone = np.asarray(pal.stone, np.float32)
    lit = np.asarray(pal.lit, np.float32)
    shade = np.asarray(pal.shade, np.float32)
    for x, z, sz, tone in zip(xs, zs, sizes, tones, strict=True):
        if abs(abs(x) - RUT_X) < RUT_W * 0.8 and rng.random() < 0.7:
            continue  # the wheels have pushed the stones out of the ruts
        cx, cy = g.px(x, z)
        r = sz * g.scale(z)
        if r < 0.9 or cy >= PH or cx < -4 or cx > PW + 4:
            continue
        ry = r * max(0.45, min(0.8, g.eye / z * 3))
        x0, x1 = int(max(0, cx - r - 3)), int(min(PW, cx + r + 4))
        y0, y1 = int(max(0, cy - ry - 3)), int(min(PH, cy + ry + 4))
        sx, sy = g.xx[y0:y1, x0:x1], g.yy[y0:y1, x0:x1]
        d = np.sqrt(((sx - cx) / r) ** 2 + ((sy - cy) / ry) ** 2)
        body = np.clip((1 - d) * r * 1.2, 0, 1)
        sh = np.sqrt(((sx - cx + light_dx * r * 0.5) / r) ** 2 + ((sy - cy - ry * 0.5) / ry) ** 2)
        drop = np.clip((1 - sh) * r, 0, 1) * (1 - body)
        hl = np.sqrt(((sx - cx + light_dx * r * 0.45 + 0.0) / r) ** 2
                     + ((sy - cy + ry * 0.45) / ry) ** 2)
        high = np.clip((0.55 - hl) * r, 0, 1) * body
        sub = img[0][y0:y1, x0:x1]
        sub[:] = sub + (shade * 0.8 - sub) * (drop * 0.45)[..., None]
        sub[:] = sub + (stone * tone - sub) * (body * 0.85)[..., None]
        sub[:] = sub + (lit - sub) * (high * 0.45)[..., None]
    haze = 1 - np.exp(-g.Z / pal.haze_m)
    rgb = img[0]
    rgb[:] = rgb + (np.asarray(pal.shade, np.float32) - rgb) * (shadow * 0.55)[..., None]
    rgb[:] = rgb + (np.asarray(pal.haze, np.float32) - rgb) * haze[..., None]
    return img


def paint_bench(img: Img, g: Ground, x0: float, x1: float, z: float,
                wood: tuple[int, int, int], dark: tuple[int, int, int],
                lit: tuple[int, int, int], ink: tuple[int, int, int]) -> None:
    """A plank bench along the road (x0..x1 m across, front at depth z): legs, a seat seen
    from above, a backrest of two planks at its far edge."""
    d = 0.42

    def quad(xa: float, xb: float, za: float, zb: float, ha: float, hb: float) -> np.ndarray:
        pts = [g.px(xa, za, ha), g.px(xb, za, ha), g.px(xb, zb, hb), g.px(xa, zb, hb)]
        return poly_mask(pts)

    def face(xa: float, xb: float, zz: float, h0: float, h1: float) -> np.ndarray:
        return poly_mask([g.px(xa, zz, h0), g.px(xb, zz, h0), g.px(xb, zz, h1),
                          g.px(xa, zz, h1)])

    parts = []
    for lx in (x0 + 0.12, x1 - 0.18):
        for lz in (z + 0.05, z + d - 0.05):
            parts.append((face(lx, lx + 0.07, lz, 0.0, 0.45), dark))
    for lx in (x0 + 0.12, x1 - 0.18):  # the backrest's posts
        parts.append((face(lx, lx + 0.07, z + d, 0.4, 0.92), dark))
    parts.append((face(x0, x1, z + d, 0.62, 0.74), wood))
    parts.append((face(x0, x1, z + d, 0.8, 0.92), wood))
    parts.append((face(x0, x1, z, 0.38, 0.45), dark))  # the seat's front edge
    parts.append((quad(x0, x1, z, z + d, 0.45, 0.45), wood))  # the seat, seen from above
    shadow = quad(x0 - 0.05, x1 + 0.1, z - 0.15, z + d + 0.05, 0.0, 0.0)
    paint(img, shadow, ink, 0.35)
    union = np.zeros((PH, PW), np.float32)
    for m, col in parts:
        paint(img, m, col)
        union = np.maximum(union, m)
    top = quad(x0, x1, z, z + d, 0.45, 0.45)
    paint(img, rim(top, 0, -1) * top, lit, 0.8)
    if g.scale(z) > 30:
        paint(img, outline_of(union, 1) * (1 - union), ink, 0.8)


def treeline_with_gap(rng: np.random.Generator, hz: int) -> np.ndarray:
    m = treeline(rng, hz + 2, [(-20, 470), (820, 1310)], (90, 200))
    return np.maximum(m, treeline(rng, hz + 8, [(-30, 300), (1000, 1320)], (170, 300)))


def night_road(folder: str) -> None:
    rng = np.random.default_rng(1101)
    xx, yy = grid()
    hz = NIGHT_HORIZON
    g = Ground(640, hz)
    mx, my, mr = MOON
    # --- sky with stars and moon
    sky = blank()
    sky[0][:] = vgrad(PH, [(0, (8, 12, 40)), (0.3, (24, 26, 78)), (0.5, (62, 44, 118)),
                           (0.56, (92, 62, 138)), (1, (60, 40, 100))])
    sky[1][:] = 1
    paint(sky, glow(mx, my, 190), (120, 120, 200), 0.32)
    paint(sky, glow(mx, my, 70), (190, 190, 240), 0.45)
    n = 420
    sx = rng.uniform(0, PW, n)
    sy = (rng.random(n) ** 1.7) * (hz - 40)
    sb = rng.uniform(0.25, 1.0, n)
    for x, y, b in zip(sx, sy, sb, strict=True):
        if (x - mx) ** 2 + (y - my) ** 2 < 100 ** 2:
            continue
        r = 0.7 + 1.1 * b * b
        ix, iy = int(x), int(y)
        x0, x1, y0, y1 = max(0, ix - 4), min(PW, ix + 5), max(0, iy - 4), min(PH, iy + 5)
        d2 = (xx[y0:y1, x0:x1] - x) ** 2 + (yy[y0:y1, x0:x1] - y) ** 2
        s = np.exp(-d2 / (r * r)) * b
        sub = sky[0][y0:y1, x0:x1]
        sub[:] = sub + (np.asarray((230, 230, 255), np.float32) - sub) * s[..., None]
    moon = ellipse_mask(mx, my, mr, mr, 1.2)
    paint(sky, moon, (246, 242, 222))
    for cx, cy, r in ((-10, -7, 9), (9, 12, 7), (14, -14, 5), (-7, 17, 4)):
        paint(sky, ellipse_mask(mx + cx, my + cy, r, r, 3) * moon, (222, 216, 196), 0.7)
    paint(sky, (rim(moon, -2, 2) + rim(moon, -1, 1)) * 0.6, (208, 204, 196), 0.6)
    for i in range(4):
        cy = 110 + i * 55
        wis = smooth_noise(rng, PW, PH, 60) * np.exp(-((yy - cy) / 10) ** 2)
        paint(sky, np.clip((wis - 0.45) * 2.5, 0, 1), (120, 110, 170), 0.25)
    hill = np.clip((yy - (hz - 34 - 26 * np.sin(xx / 170 + 1.3) - 14 * np.sin(xx / 63)))
                   / 1.5, 0, 1)
    paint(sky, hill, (44, 36, 88))
    paint(sky, hill * np.clip((yy - hz + 40) / 50, 0, 1), (34, 28, 72))
    # --- the tree line and the village gate far down the road, rim-lit from the moon (left)
    trees = blank()
    m = treeline_with_gap(rng, hz)
    paint(trees, m, (12, 16, 34))
    paint(trees, rim(m, -2, -2) + rim(m, -1, -1) * 0.6, (112, 126, 196), 0.9)
    gate = np.zeros((PH, PW), np.float32)
    z = NIGHT_GATE_Z
    for side in (-1, 1):
        gate = np.maximum(gate, poly_mask([g.px(side * 2.3, z + 2, 0), g.px(side * 10, z + 2, 0),
                                           g.px(side * 10, z + 2, 2.85),
                                           g.px(side * 2.3, z + 2, 2.85)]))
        xa, xb = sorted((side * 1.6, side * 2.3))
        gate = np.maximum(gate, poly_mask([g.px(xa, z, 0), g.px(xb, z, 0), g.px(xb, z, 5.9),
                                           g.px(xa, z, 5.9)]))
    gate = np.maximum(gate, poly_mask([g.px(-2.6, z, 5.0), g.px(2.6, z, 5.0),
                                       g.px(2.6, z, 5.3), g.px(-2.6, z, 5.3)]))
    gate = np.maximum(gate, poly_mask([g.px(-3.4, z, 5.65), g.px(3.4, z, 5.65),
                                       g.px(2.7, z, 6.3), g.px(-2.7, z, 6.3)]))
    paint(trees, gate, (26, 22, 40))
    paint(trees, rim(gate, -1, -1), (90, 96, 150), 0.8)
    for side in (-1, 1):
        lx, ly = g.px(side * 2.0, z - 0.3, 3.2)
        paint(trees, glow(lx, ly, 3.5), (255, 200, 120), 0.95)
        paint(trees, glow(lx, ly, 16), (255, 170, 90), 0.3)
    trees_m = np.maximum(m, gate)
    # --- ground and road in perspective, cut around what stands on them
    pal = NIGHT
    ground = paint_ground(g, pal, 5101)
    # tree shadows from the left verge, thrown toward us and to the right by the low moon
    lat = lattice(5103)
    shadow = np.zeros((PH, PW), np.float32)
    srng = np.random.default_rng(5104)
    for _ in range(9):
        tz = srng.uniform(6, 46)
        tx = -srng.uniform(2.4, 5.0)
        w = srng.uniform(0.8, 2.2)
        t = tz - g.Z
        p = (g.X - tx) - 0.55 * t
        edge = w / 2 * (0.75 + 0.5 * vnoise(lat, g.Z * 1.3 + tz, p * 0.7 + tx * 3))
        band = np.clip((edge - np.abs(p)) * g.focal / g.Z / 2 + 0.5, 0, 1)
        shadow = np.maximum(shadow, band * (t > 0) * np.clip((18 - t) / 6, 0, 1))
    paint(ground, shadow * g.below, pal.shade, 0.45)
    road = paint_road(g, pal, 5102, shadow, light_dx=-1.0)
    ground[1][:] = ground[1] * (1 - trees_m)
    road[1][:] = road[1] * (1 - trees_m)
    paint_bench(road, g, -4.4, -2.9, z - 6.0, (62, 56, 80), (30, 28, 46), (160, 166, 220),
                (14, 12, 26))
    # moonlight on the far road, toward the moon
    sheen = glow(600, hz + 40, 150) * (yy > hz)
    paint(road, sheen * road[1], (200, 204, 250), 0.22)
    ts = Tileset("night_tiles")
    ground_grid = bake_tiles(ts, ground, "ground")
    road_grid = bake_tiles(ts, road, "road")
    tsx = ts.save(os.path.join(folder, "tiles"))
    # --- foreground brush in the corners (she steps out of it)
    brush = blank()
    bm = np.zeros((PH, PW), np.float32)
    brng = np.random.default_rng(808)
    for cx0, cx1, base in ((-40, 220, 560), (1100, 1330, 600)):
        for _ in range(16):
            cx = brng.uniform(cx0, cx1)
            r = brng.uniform(40, 80)
            cy = base + brng.uniform(0, 120)
            bm = np.maximum(bm, ellipse_mask(cx, cy, r * 1.2, r, 1.5))
        for x in np.arange(cx0, cx1 - 40, 50.0):
            bm = np.maximum(bm, ellipse_mask(x, PH, 70, 90, 1.5))
    leaf = np.clip((smooth_noise(brng, PW, PH, 9) - 0.5) * 3, 0, 1)
    paint(brush, bm, (14, 22, 34))
    paint(brush, bm * leaf, (22, 34, 50), 0.8)
    paint(brush, rim(bm, -2, -2) + rim(bm, -1, -1) * 0.6, (90, 104, 170), 0.85)
    # --- moonlight / vignette above the tiles
    light = blank()
    vig = np.clip(((xx - 640) / 760) ** 2 + ((yy - 330) / 520) ** 2, 0, 1)
    paint(light, vig ** 1.5, (6, 6, 22), 0.7)
    paint(light, glow(mx, my, 420) * (yy < hz), (160, 160, 230), 0.08)
    # --- cloud group: a dark mass fanning out + a dimming veil
    cloud = blank()
    dens = np.zeros((PH, PW), np.float32)
    crng = np.random.default_rng(4242)
    for _ in range(90):
        ang = crng.uniform(0.08, np.pi - 0.08)
        dist = crng.uniform(60, 420)
        cx = 560 + np.cos(ang) * dist * 1.9
        cy = -120 + np.sin(ang) * dist * 0.75
        r = crng.uniform(40, 95) * (1.1 - dist / 900)
        dens = np.maximum(dens, ellipse_mask(cx, cy, r * 1.35, r, 2.0))
    sky_only = (1 - trees_m) * np.clip((hz + 10 - yy) / 20, 0, 1)
    under = rim(dens, 0, 3) + rim(dens, 0, 2)
    paint(cloud, dens * sky_only, (22, 18, 40), 0.94)
    paint(cloud, np.clip(under, 0, 1) * sky_only, (96, 84, 150), 0.55)
    paint(cloud, np.clip(dens - shift(dens > 0.5, 14, -6), 0, 1) * sky_only, (34, 28, 60), 0.8)
    veil = blank()
    paint(veil, np.ones((PH, PW), np.float32), (8, 6, 24), 0.28)
    paint(veil, np.clip(1 - yy / 500, 0, 1), (8, 6, 24), 0.25)

    mw = MapWriter(tsx, {"sprite_tint": "#b9c3ec"})
    mw.image("sky", save_layer(sky, folder, "night_road_sky"))
    mw.image("trees", save_layer(trees, folder, "night_road_trees"))
    mw.tiles("ground", ground_grid)
    mw.tiles("road", road_grid)
    mw.image("brush", save_layer(brush, folder, "night_road_brush"))
    mw.image("moonlight", save_layer(light, folder, "night_road_moonlight"))

    def cloud_layers() -> None:
        mw.image("cloud_mass", save_layer(cloud, folder, "night_road_cloud_mass"))
        mw.image("cloud_veil", save_layer(veil, folder, "night_road_cloud_veil"))

    mw.group("cloud", False, cloud_layers, {"sprite_tint": "#8f98c4"})
    mw.write(os.path.join(folder, "night_road.tmx"))


def village_gate(folder: str) -> None:
    rng = np.random.default_rng(3303)
    xx, yy = grid()
    hz = GATE_HORIZON
    g = Ground(640, hz)
    sky = blank()
    sky[0][:] = vgrad(PH, [(0, (92, 104, 170)), (0.28, (190, 150, 196)), (0.48, (246, 170, 170)),
                           (0.62, (252, 210, 150)), (0.66, (255, 228, 170)), (1, (240, 190, 150))])
    sky[1][:] = 1
    paint(sky, glow(640, hz - 10, 260), (255, 236, 180), 0.55)
    for i in range(6):
        cy = 90 + i * 50 + rng.uniform(-10, 10)
        band = smooth_noise(rng, PW, PH, 70) * np.exp(-((yy - cy) / 9) ** 2)
        m = np.clip((band - 0.3) * 2.5, 0, 1)
        paint(sky, m, (250, 190, 190) if i > 2 else (200, 160, 200), 0.55)
        paint(sky, m * np.clip((yy - cy) / 8, 0, 1), (255, 226, 170), 0.5)
    # the sun just up, seen through the open gate
    paint(sky, glow(640, hz - 24, 90), (255, 240, 200), 0.6)
    paint(sky, ellipse_mask(640, hz - 24, 26, 26, 2), (255, 248, 224), 0.97)
    hills = np.clip((yy - (hz - 50 - 30 * np.sin(xx / 200 + 0.5) - 12 * np.sin(xx / 57))) / 1.5,
                    0, 1)
    paint(sky, hills, (176, 128, 160))
    hills2 = np.clip((yy - (hz - 18 - 18 * np.sin(xx / 120 + 2) - 8 * np.sin(xx / 31))) / 1.5,
                     0, 1)
    paint(sky, hills2, (140, 100, 140))
    trees = blank()
    m = treeline(rng, hz + 10, [(-20, 380), (900, 1310)], (80, 170))
    # roofs of the village beyond the gate
    roofs = np.zeros((PH, PW), np.float32)
    for rx, rw, rh in ((560, 44, 22), (600, 52, 30), (676, 48, 26), (716, 40, 18)):
        roofs = np.maximum(roofs, poly_mask([(rx - rw / 2, hz + 4), (rx - rw / 2, hz - rh * 0.5),
                                             (rx, hz - rh), (rx + rw / 2, hz - rh * 0.5),
                                             (rx + rw / 2, hz + 4)]))
    paint(trees, m, (92, 66, 104))
    paint(trees, roofs, (150, 104, 120), 0.9)
    paint(trees, rim(m, -2, -2) + rim(m, -1, -1) * 0.6 + rim(roofs, 0, -1) * 0.8,
          (255, 200, 150), 0.8)
    # --- the gate
    gate = blank()
    wood, wood_d, wood_l = (128, 70, 60), (92, 48, 48), (190, 110, 84)
    ink = (60, 34, 40)
    for x0, x1 in ((0, 470), (810, 1280)):
        wm = rect_mask(x0, 392, x1, 570)
        paint(gate, wm, (236, 214, 196))
        paint(gate, wm * (yy > 530), (204, 176, 164))
        paint(gate, rect_mask(x0, 392, x1, 404), (190, 160, 150))
        plaster = smooth_noise(rng, PW, PH, 18)
        paint(gate, wm * np.clip((plaster - 0.5) * 2, 0, 1), (222, 196, 182), 0.35)
        roof = poly_mask([(x0 - 10, 392), (x0 + 4, 366), (x1 - 4, 366), (x1 + 10, 392)])
        paint(gate, roof, (84, 80, 110))
        paint(gate, roof * (yy < 376), (120, 116, 150))
        for x in range(x0 + 8, x1, 16):
            paint(gate, rect_mask(x, 378, x + 2, 392) * roof, (70, 66, 94))
        paint(gate, outline_of(roof, 2), ink)
        paint(gate, outline_of(wm, 2), ink)
    # the doors stand open inward: two panels seen almost edge-on inside the pillars
    for pts in (((522, 236), (556, 252), (556, 560), (522, 576)),
                ((760, 236), (726, 252), (726, 560), (760, 576))):
        dm = poly_mask(list(pts))
        paint(gate, dm, wood_d)
        for y in range(262, 560, 36):
            paint(gate, rect_mask(0, y, PW, y + 3) * dm, wood, 0.8)
        paint(gate, outline_of(dm, 1), ink)
    for x0 in (470, 760):
        pm = rect_mask(x0, 150, x0 + 52, 590)
        paint(gate, pm, wood)
        paint(gate, rect_mask(x0 + 38, 150, x0 + 52, 590), wood_d)
        paint(gate, rect_mask(x0, 150, x0 + 10, 590), wood_l)
        grain = smooth_noise(rng, PW, PH, 3)
        paint(gate, pm * np.clip((grain - 0.6) * 3, 0, 1) * (np.sin(xx * 1.3) > 0.6), wood_d,
              0.5)
        paint(gate, outline_of(pm, 2), ink)
        base = rect_mask(x0 - 8, 570, x0 + 60, 596)
        paint(gate, base, (150, 144, 150))
        paint(gate, rect_mask(x0 - 8, 570, x0 + 60, 576), (200, 190, 186))
        paint(gate, outline_of(base, 2), ink)
    # the sun behind: a warm rim on the pillars' inner edges
    paint(gate, rect_mask(518, 216, 522, 590) + rect_mask(760, 216, 764, 590), (255, 214, 160),
          0.6)
    beam = rect_mask(430, 190, 850, 216)
    paint(gate, beam, wood)
    paint(gate, beam * (yy > 208), wood_d)
    paint(gate, outline_of(beam, 2), ink)
    roof = poly_mask([(390, 160), (440, 120), (840, 120), (890, 160), (860, 166), (420, 166)])
    paint(gate, roof, (86, 74, 104))
    paint(gate, roof * (yy < 134), (132, 116, 150))
    paint(gate, outline_of(roof, 2), ink)
    sign = rect_mask(590, 222, 690, 262)
    paint(gate, sign, (224, 196, 150))
    paint(gate, outline_of(sign, 2), ink)
    paint(gate, ellipse_mask(640, 242, 12, 12, 1.5) - ellipse_mask(640, 242, 8, 8, 1.5),
          (150, 60, 50))
    # --- ground and road: the sun is straight ahead, so the light comes through the gate
    # down the road and the walls' long shadows lie on either side of it
    pal = DAWN
    ground = paint_ground(g, pal, 6101)
    wall_z = GATE_Z
    ahead = np.clip((wall_z - g.Z) / 1.0 + 0.5, 0, 1)
    lat = lattice(6103)
    open_half = 1.57 + 0.05 * (vnoise(lat, g.Z * 3, 1.0) - 0.5)
    soft = g.focal / g.Z / 4 + 0.5
    shade = np.clip((np.abs(g.X) - open_half) * soft + 0.5, 0, 1) * ahead
    shade = np.maximum(shade, np.clip((0.22 - np.abs(np.abs(g.X) - 1.0)) * soft + 0.5, 0, 1)
                       * ahead * 0.5)  # the open doors' shadows
    shade *= np.clip(g.Z / 3.0, 0, 1)
    paint(ground, shade * g.below, pal.shade, 0.42)
    road = paint_road(g, pal, 6102, shade, light_dx=0.0)
    warm = np.clip(1 - np.abs(g.X) / 1.6, 0, 1) * ahead * (1 - shade)
    paint(road, warm * road[1], (255, 224, 170), 0.18)
    bench_img = blank()
    paint_bench(bench_img, g, -4.6, -3.0, 13.0, (150, 100, 84), (96, 62, 64), (255, 214, 170),
                (70, 40, 50))
    ground[1][:] = ground[1] * (1 - np.clip(gate[1] * (yy > hz), 0, 1))
    ts = Tileset("gate_tiles")
    ground_grid = bake_tiles(ts, ground, "ground")
    road_grid = bake_tiles(ts, road, "road")
    tsx = ts.save(os.path.join(folder, "tiles"))
    light = blank()
    rays = (np.sin(np.arctan2(yy - hz, xx - 640) * 14) * 0.5 + 0.5) * glow(640, hz, 700)
    paint(light, rays * (yy < hz + 120), (255, 230, 180), 0.16)
    paint(light, np.clip((yy - 560) / 160, 0, 1), (120, 70, 110), 0.25)
    vig = np.clip(((xx - 640) / 800) ** 2 + ((yy - 360) / 560) ** 2, 0, 1)
    paint(light, vig ** 1.6, (70, 40, 80), 0.5)

    mw = MapWriter(tsx, {"sprite_tint": "#ffe8dc"})
    mw.image("sky", save_layer(sky, folder, "village_gate_sky"))
    mw.image("trees", save_layer(trees, folder, "village_gate_trees"))
    mw.tiles("ground", ground_grid)
    mw.tiles("road", road_grid)
    # the bench stands in front of the wall, so it is drawn after the gate
    paint(gate, bench_img[1], bench_img[0])
    mw.image("gate", save_layer(gate, folder, "village_gate_gate"))
    mw.image("light", save_layer(light, folder, "village_gate_light"))
    mw.write(os.path.join(folder, "village_gate.tmx"))
