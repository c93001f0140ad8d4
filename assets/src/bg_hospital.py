"""The hospital room: one-point perspective (eye 1.6 m, horizon y=300, the back wall 6.55 m
away), the bed along the back wall with its head on the left, the IV stand at its head, the
heart monitor on a ceiling arm above it (above every head at every stage mark) and the window in
the right-hand corner of the back wall."""

from __future__ import annotations

import os

import numpy as np
from bgkit import (
    MH,
    MW,
    PH,
    PW,
    Ground,
    MapWriter,
    Tileset,
    bake_tiles,
    blank,
    ellipse_mask,
    glow,
    grid,
    make_tile,
    outline_of,
    paint,
    poly_mask,
    rect_mask,
    save_layer,
    vgrad,
)

HORIZON = 300
WALL_Z = 6.55
# The monitor's box (x0, y0, x1, y1): above the bed's head, above the heads of the stage.
MONITOR_BOX = (150, 30, 318, 122)
WINDOW = (1096, 70, 1250, 350)


# ---------------------------------------------------------------------------------------
# hospital room
# ---------------------------------------------------------------------------------------

def hospital(folder: str) -> None:
    rng = np.random.default_rng(2202)
    xx, yy = grid()
    ts = Tileset("hospital_tiles")
    wall = make_tile(rng, (238, 238, 228), 0.04, cell=10)
    ts.add("wall", wall)
    low = make_tile(rng, (168, 212, 204), 0.05, cell=10)
    ts.add("wall_low", low)
    rail = low.copy()
    rail[0:8] = np.asarray((120, 170, 166), np.float32)
    rail[8:10] = np.asarray((92, 140, 138), np.float32)
    ts.add("rail", rail)
    base = low.copy()
    base[24:] = np.asarray((96, 132, 130), np.float32)
    base[24:26] = np.asarray((70, 100, 100), np.float32)
    ts.add("base", base)
    walls = [[0] * MW for _ in range(MH)]
    for r in range(MH):
        for c in range(MW):
            if r < 9:
                walls[r][c] = ts.ids["wall"]
            elif r == 9:
                walls[r][c] = ts.ids["rail"]
            elif r < 12:
                walls[r][c] = ts.ids["wall_low"]
            elif r == 12:
                walls[r][c] = ts.ids["base"]
    g = Ground(640, HORIZON)
    # --- the floor: 50 cm vinyl squares in perspective, a sheen from the window
    floor = blank()
    fx, fz = g.X / 0.5, g.Z / 0.5
    check = ((np.floor(fx) + np.floor(fz)) % 2).astype(np.float32)
    col_a, col_b = np.asarray((214, 214, 204), np.float32), np.asarray((198, 208, 200),
                                                                     np.float32)
    rgb = col_a + (col_b - col_a) * check[..., None]
    lat = np.random.default_rng(2203).random((64, 64)).astype(np.float32)
    speck = lat[(g.Z * 40).astype(np.int64) % 64, (g.X * 40).astype(np.int64) % 64]
    rgb = rgb * (0.97 + 0.05 * speck * np.clip(1.5 - g.foot * 60, 0, 1))[..., None]
    gx = np.abs(fx - np.round(fx)) * 0.5 * g.focal / g.Z  # px to the nearest seam, across
    gz = np.abs(fz - np.round(fz)) * 0.5 / g.foot  # and up the picture
    seam = np.clip(1.2 - np.minimum(gx, gz), 0, 1)
    rgb = rgb * (1 - 0.16 * seam)[..., None]
    floor[0][:] = rgb
    floor[1][:] = (g.Z <= WALL_Z + 0.01) * g.below
    sheen = glow(900, 560, 260) * np.clip((yy - 520) / 30, 0, 1)
    paint(floor, sheen * floor[1], (255, 246, 226), 0.25)
    paint(floor, np.clip((yy - 520) / 200, 0, 1) * floor[1], (150, 156, 150), 0.25)
    floors = bake_tiles(ts, floor, "floor")
    tsx = ts.save(os.path.join(folder, "tiles"))
    # --- the window in the right-hand corner of the back wall, afternoon light
    win = blank()
    wx0, wy0, wx1, wy1 = WINDOW
    frame = rect_mask(wx0 - 12, wy0 - 12, wx1 + 12, wy1 + 20)
    paint(win, frame, (246, 246, 240))
    paint(win, rect_mask(wx0 - 16, wy1 + 8, wx1 + 16, wy1 + 20), (210, 214, 206))
    view = vgrad(PH, [(0, (150, 196, 232)), (0.25, (206, 224, 236)), (0.42, (252, 226, 180)),
                      (1, (252, 226, 180))])
    pane = rect_mask(wx0, wy0, wx1, wy1)
    paint(win, pane, view)
    roofs = np.clip((yy - (280 - 14 * np.sign(np.sin(xx / 22)) - 22 * np.sin(xx / 90))) / 1.5,
                    0, 1) * pane
    paint(win, roofs, (176, 170, 170))
    paint(win, np.clip((yy - (250 + 20 * np.sin(xx / 37) + 10 * np.sin(xx / 11))) / 2, 0, 1)
          * pane * (xx > 1190), (140, 170, 150))
    paint(win, glow(1140, 130, 90) * pane, (255, 244, 200), 0.8)
    mid = (wx0 + wx1) / 2
    paint(win, rect_mask(mid - 4, wy0, mid + 4, wy1), (246, 246, 240))
    paint(win, rect_mask(wx0, (wy0 + wy1) / 2 - 4, wx1, (wy0 + wy1) / 2 + 4), (246, 246, 240))
    paint(win, outline_of(frame, 2), (150, 160, 156))
    for cx in (wx0 - 26, wx1 + 22):  # curtains gathered at the sides
        pts = [(cx - 22, 48), (cx + 22, 48), (cx + 14, 200), (cx + 22, 390), (cx - 22, 390),
               (cx - 14, 200)]
        cm = poly_mask(pts)
        paint(win, cm, (236, 206, 170))
        paint(win, (np.sin((xx - cx) / 5) > 0.35).astype(np.float32) * cm, (212, 176, 140), 0.6)
        paint(win, outline_of(cm, 2), (170, 130, 100))
    paint(win, rect_mask(wx0 - 60, 40, PW, 48), (150, 150, 150))
    # --- the light from it: a beam to the lower left, a patch on the floor and the bed
    sun = blank()
    beam = poly_mask([(wx0, wy0), (wx1, wy0), (wx1 - 300, 720), (wx0 - 640, 720)])
    beam *= np.clip((yy - 60) / 300, 0, 1)
    paint(sun, beam, (255, 214, 150), 0.16)
    paint(sun, poly_mask([(820, 560), (1130, 560), (980, 720), (560, 720)]), (255, 226, 170),
          0.25)
    paint(sun, glow(1160, 210, 300), (255, 230, 180), 0.16)
    # --- heart monitor on a wall arm above the bed's head; IV stand beside the bed's head
    gear = blank()
    mx0, my0, mx1, my1 = MONITOR_BOX
    mxc, myc = (mx0 + mx1) / 2, (my0 + my1) / 2
    paint(gear, rect_mask(mxc - 8, 0, mxc + 8, my0 + 2), (150, 156, 160))  # ceiling arm
    paint(gear, rect_mask(mxc - 3, 0, mxc + 1, my0), (196, 200, 204))
    paint(gear, rect_mask(mxc - 22, my0 - 8, mxc + 22, my0 + 1), (120, 126, 130))  # its joint
    box = rect_mask(mx0, my0, mx1, my1)
    paint(gear, box, (84, 94, 100))
    paint(gear, rect_mask(mx0, my0, mx1, my0 + 6), (120, 130, 136))
    screen = rect_mask(mx0 + 10, my0 + 10, mx1 - 34, my1 - 10)
    paint(gear, screen, (16, 36, 38))
    lx = np.arange(PW, dtype=np.float32)
    trace = np.zeros(PW, np.float32)
    for k in range(3):
        c0 = mx0 + 30 + k * 38
        trace += np.exp(-((lx - c0) / 2.0) ** 2) * -18 + np.exp(-((lx - c0 - 4) / 2.0) ** 2) * 9
    line = (np.abs(yy - (myc - 4 + trace[None, :])) < 1.5) & (xx > mx0 + 14) & (xx < mx1 - 38)
    paint(gear, line.astype(np.float32), (120, 240, 170))
    paint(gear, rect_mask(mx0 + 16, my1 - 24, mx0 + 60, my1 - 18), (240, 200, 90), 0.9)
    for i, c in enumerate(((120, 240, 170), (240, 200, 90), (240, 120, 120))):
        paint(gear, ellipse_mask(mx1 - 18, my0 + 22 + i * 22, 5, 5, 1), c)
    paint(gear, outline_of(box, 2), (46, 52, 56))
    # IV stand, 6.3 m away: five-wheeled base, pole, hook, bag, tube down to the bed
    ivz = 6.3
    s = g.scale(ivz)
    ivx, iy_floor = g.px(-3.8, ivz)
    pole_top = g.px(-3.8, ivz, 2.0)[1]
    metal, metal_d, metal_l = (176, 182, 188), (110, 116, 124), (232, 236, 240)
    for ang in np.linspace(0, 2 * np.pi, 5, endpoint=False) + 0.3:
        ex, ez = -3.8 + 0.3 * np.cos(ang), ivz + 0.3 * np.sin(ang)
        px, py = g.px(ex, ez)
        leg = poly_mask([(ivx - 2, iy_floor - 6), (ivx + 2, iy_floor - 6), (px + 2, py - 3),
                         (px - 2, py - 3)])
        paint(gear, leg, metal_d)
        paint(gear, ellipse_mask(px, py - 2, 4.5, 3.5, 1), (50, 54, 60))
    paint(gear, rect_mask(ivx - 3, pole_top, ivx + 3, iy_floor - 4), metal)
    paint(gear, rect_mask(ivx - 1, pole_top, ivx + 1, iy_floor - 4), metal_l)
    paint(gear, rect_mask(ivx - 6, iy_floor - 12, ivx + 6, iy_floor - 4), metal_d)
    hook_y = pole_top
    for side in (-1, 1):
        arm = poly_mask([(ivx, hook_y + 2), (ivx + side * 30, hook_y - 4),
                         (ivx + side * 30, hook_y - 1), (ivx, hook_y + 5)])
        paint(gear, arm, metal_d)
        hook = ellipse_mask(ivx + side * 30, hook_y + 2, 4, 5, 0.8) \
            - ellipse_mask(ivx + side * 30, hook_y + 2, 2.2, 3.2, 0.8)
        paint(gear, np.clip(hook, 0, 1) * (yy > hook_y + 1), metal_d)
    bx = ivx + 30
    bag = poly_mask([(bx - 17, hook_y + 8), (bx + 17, hook_y + 8), (bx + 19, hook_y + 62),
                     (bx + 6, hook_y + 76), (bx - 6, hook_y + 76), (bx - 19, hook_y + 62)])
    paint(gear, bag, (220, 238, 246), 0.85)
    paint(gear, bag * (yy > hook_y + 30), (188, 222, 238), 0.7)
    paint(gear, rect_mask(bx - 10, hook_y + 18, bx + 10, hook_y + 30) * bag, (250, 250, 250))
    paint(gear, outline_of(bag, 1), (120, 140, 156))
    paint(gear, rect_mask(bx - 3, hook_y + 76, bx + 3, hook_y + 96), (200, 214, 224))  # chamber
    paint(gear, outline_of(rect_mask(bx - 3, hook_y + 76, bx + 3, hook_y + 96), 1),
          (120, 140, 156))
    t0 = hook_y + 96
    bed_head = g.px(-2.6, 5.8, 0.7)
    tt = np.clip((yy - t0) / max(1.0, bed_head[1] - t0), 0, 1)
    tube_x = bx + (bed_head[0] - bx) * tt + 26 * np.sin(tt * np.pi)
    tube = (np.abs(xx - tube_x) < 1.1) & (yy > t0) & (yy < bed_head[1])
    paint(gear, tube.astype(np.float32), (170, 184, 196))
    _ = s
    # --- the privacy curtain, drawn back to the left edge
    cur = blank()
    paint(cur, rect_mask(0, 20, 80, 28), (150, 156, 160))
    cm = poly_mask([(0, 28), (40, 28), (48, 300), (38, 640), (0, 650)])
    paint(cur, cm, (176, 222, 214))
    paint(cur, (np.sin(xx / 8) ** 2) * cm, (140, 190, 184), 0.7)
    paint(cur, outline_of(cm, 2), (100, 140, 136))
    # --- the bed along the back wall, its head on the left, seen in the floor's perspective
    bed = blank()
    xl, xr, zn, zf = -2.9, -0.35, 5.0, 6.0
    top_h = 0.62

    def face(xa: float, xb: float, z: float, h0: float, h1: float) -> np.ndarray:
        return poly_mask([g.px(xa, z, h0), g.px(xb, z, h0), g.px(xb, z, h1), g.px(xa, z, h1)])

    def side(x: float, za: float, zb: float, h0: float, h1: float) -> np.ndarray:
        return poly_mask([g.px(x, za, h0), g.px(x, zb, h0), g.px(x, zb, h1), g.px(x, za, h1)])

    def top(xa: float, xb: float, za: float, zb: float, h: float) -> np.ndarray:
        return poly_mask([g.px(xa, za, h), g.px(xb, za, h), g.px(xb, zb, h), g.px(xa, zb, h)])

    ink = (120, 126, 136)
    frame_c, frame_d = (206, 212, 216), (150, 156, 164)
    paint(bed, top(xl - 0.05, xr + 0.05, zn - 0.08, zf + 0.05, 0.0), (60, 66, 70), 0.25)
    for lxx in (xl + 0.1, xr - 0.1):  # legs and casters
        for lz in (zn + 0.08, zf - 0.08):
            paint(bed, face(lxx - 0.03, lxx + 0.03, lz, 0.05, 0.4), frame_d)
            cx, cy = g.px(lxx, lz, 0.04)
            paint(bed, ellipse_mask(cx, cy, 0.05 * g.scale(lz), 0.045 * g.scale(lz), 1),
                  (60, 64, 70))
    head = side(xl, zn - 0.02, zf + 0.02, 0.0, 1.12)  # the headboard's inner face
    paint(bed, head, frame_c)
    paint(bed, side(xl, zn + 0.1, zf - 0.1, 0.72, 1.02), (226, 230, 232))
    paint(bed, outline_of(head, 1), ink)
    paint(bed, face(xl, xr, zn, 0.38, 0.5), frame_d)  # frame, near side
    mat = top(xl, xr, zn, zf, top_h)
    paint(bed, mat, (246, 248, 248))
    paint(bed, face(xl, xr, zn, 0.5, top_h), (232, 236, 238))
    pcx, pcy = g.px(xl + 0.34, (zn + zf) / 2, top_h + 0.08)
    ps = g.scale((zn + zf) / 2)
    pillow = np.maximum(ellipse_mask(pcx, pcy, 0.3 * ps, 0.09 * ps, 1.2),
                        ellipse_mask(pcx - 0.04 * ps, pcy - 0.03 * ps, 0.26 * ps, 0.1 * ps, 1.2))
    paint(bed, pillow, (252, 252, 250))
    paint(bed, pillow * (xx > g.px(xl + 0.4, zn, 0)[0]), (230, 234, 238))
    paint(bed, outline_of(pillow, 1), (168, 174, 182))
    bx0 = xl + 0.75
    blanket = np.maximum(top(bx0, xr, zn - 0.03, zf, top_h + 0.03),
                         face(bx0, xr, zn - 0.03, 0.36, top_h + 0.03))
    paint(bed, blanket, (196, 226, 222))
    paint(bed, face(bx0, xr, zn - 0.03, 0.36, top_h + 0.03), (172, 208, 204))
    fold = top(bx0, bx0 + 0.22, zn - 0.03, zf, top_h + 0.04)
    paint(bed, fold, (236, 244, 242))
    paint(bed, outline_of(blanket, 1), (120, 156, 152))
    paint(bed, outline_of(mat, 1), (160, 166, 176))
    foot = side(xr, zn - 0.02, zf + 0.02, 0.0, 0.86)  # the footboard, seen from outside
    paint(bed, foot, frame_c)
    paint(bed, side(xr, zn + 0.1, zf - 0.1, 0.5, 0.76), (226, 230, 232))
    paint(bed, outline_of(foot, 1), ink)
    rail_m = face(xl + 0.9, xr - 0.45, zn - 0.04, 0.7, 0.76)  # side rail, let down halfway
    paint(bed, rail_m, (190, 196, 202))
    for rx in (xl + 1.0, xr - 0.55):
        paint(bed, face(rx, rx + 0.03, zn - 0.04, 0.5, 0.72), (176, 182, 188))
    paint(bed, outline_of(rail_m, 1), ink)
    # --- dusk group
    dusk = blank()
    paint(dusk, np.ones((PH, PW), np.float32), (255, 130, 60), 0.22)
    paint(dusk, np.clip(yy / PH, 0, 1) ** 1.5, (80, 40, 90), 0.35)
    dusk_light = blank()
    paint(dusk_light, pane, vgrad(PH, [(0, (250, 150, 110)), (0.3, (255, 190, 120)),
                                       (0.5, (255, 150, 90)), (1, (180, 90, 90))]), 0.85)
    paint(dusk_light, roofs, (90, 60, 80), 0.9)
    paint(dusk_light, glow(1150, 300, 60) * pane, (255, 210, 140), 0.9)
    paint(dusk_light, poly_mask([(820, 540), (1130, 540), (980, 720), (560, 720)]),
          (255, 150, 80), 0.18)

    mw = MapWriter(tsx)
    mw.tiles("walls", walls)
    mw.tiles("floor", floors)
    mw.image("window", save_layer(win, folder, "hospital_window"))
    mw.image("equipment", save_layer(gear, folder, "hospital_equipment"))
    mw.image("curtain", save_layer(cur, folder, "hospital_curtain"))
    mw.image("sunlight", save_layer(sun, folder, "hospital_sunlight"))
    mw.image("bed", save_layer(bed, folder, "hospital_bed"))

    def dusk_layers() -> None:
        mw.image("dusk_tint", save_layer(dusk, folder, "hospital_dusk_tint"))
        mw.image("dusk_light", save_layer(dusk_light, folder, "hospital_dusk_light"))

    mw.group("dusk", False, dusk_layers, {"sprite_tint": "#ffe2c8"})
    mw.write(os.path.join(folder, "hospital.tmx"))
