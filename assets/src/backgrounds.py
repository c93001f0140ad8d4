"""Backgrounds as Tiled maps: generated tilesets (tile layers) and picture layers (image layers).

Every picture is computed with numpy from fixed seeds. Maps are 32x18 tiles of 40 px.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable

import numpy as np
import pygame
from draw import rgba_surface, save_png

MW, MH, T = 32, 18, 40
PW, PH = MW * T, MH * T
STAGE = {"farleft": 170, "left": 330, "center": 640, "right": 950, "farright": 1110}

# ---------------------------------------------------------------------------------------
# numpy helpers
# ---------------------------------------------------------------------------------------
Img = tuple[np.ndarray, np.ndarray]  # rgb float (h, w, 3) 0..255, alpha float (h, w) 0..1


def grid(w: int = PW, h: int = PH) -> tuple[np.ndarray, np.ndarray]:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return xx, yy


def blank(w: int = PW, h: int = PH) -> Img:
    return np.zeros((h, w, 3), np.float32), np.zeros((h, w), np.float32)


def paint(img: Img, mask: np.ndarray, color: tuple[float, float, float] | np.ndarray,
          alpha: float | np.ndarray = 1.0) -> None:
    """Composite a colour over img where mask (0..1) says, 'over' operator."""
    rgb, a = img
    m = np.clip(mask * alpha, 0.0, 1.0)
    col = np.asarray(color, np.float32)
    out_a = m + a * (1 - m)
    safe = np.where(out_a > 1e-6, out_a, 1.0)
    rgb[:] = (col * m[..., None] + rgb * (a * (1 - m))[..., None]) / safe[..., None]
    a[:] = out_a


def to_surface(img: Img) -> pygame.Surface:
    rgb, a = img
    return rgba_surface(np.clip(rgb, 0, 255).astype(np.uint8),
                        np.clip(a * 255.0 + 0.5, 0, 255).astype(np.uint8))


def vgrad(h: int, stops: list[tuple[float, tuple[int, int, int]]], w: int = PW) -> np.ndarray:
    """Vertical gradient (h, w, 3) through colour stops at fractions of the height."""
    ys = np.linspace(0, 1, h)
    cols = np.zeros((h, 3), np.float32)
    pos = [s[0] for s in stops]
    for ch in range(3):
        cols[:, ch] = np.interp(ys, pos, [s[1][ch] for s in stops])
    return np.repeat(cols[:, None, :], w, axis=1)


def smooth_noise(rng: np.random.Generator, w: int, h: int, cell: int) -> np.ndarray:
    """Value noise in 0..1, bilinear from a coarse random grid (tileable by wrapping)."""
    gw, gh = w // cell + 2, h // cell + 2
    g = rng.random((gh, gw)).astype(np.float32)
    xx, yy = grid(w, h)
    fx, fy = xx / cell, yy / cell
    x0, y0 = fx.astype(int), fy.astype(int)
    tx, ty = fx - x0, fy - y0
    tx = tx * tx * (3 - 2 * tx)
    ty = ty * ty * (3 - 2 * ty)
    a = g[y0, x0] * (1 - tx) + g[y0, x0 + 1] * tx
    b = g[y0 + 1, x0] * (1 - tx) + g[y0 + 1, x0 + 1] * tx
    return a * (1 - ty) + b * ty


def tile_noise(rng: np.random.Generator, size: int, cell: int) -> np.ndarray:
    """Seamlessly tileable value noise for one square tile."""
    n = size // cell
    g = rng.random((n, n)).astype(np.float32)
    g = np.concatenate([g, g[:1]], axis=0)
    g = np.concatenate([g, g[:, :1]], axis=1)
    xx, yy = grid(size, size)
    fx, fy = xx / cell, yy / cell
    x0, y0 = fx.astype(int), fy.astype(int)
    tx, ty = fx - x0, fy - y0
    tx = tx * tx * (3 - 2 * tx)
    ty = ty * ty * (3 - 2 * ty)
    a = g[y0, x0] * (1 - tx) + g[y0, x0 + 1] * tx
    b = g[y0 + 1, x0] * (1 - tx) + g[y0 + 1, x0 + 1] * tx
    return a * (1 - ty) + b * ty


def ellipse_mask(cx: float, cy: float, rx: float, ry: float, soft: float = 1.5,
                 w: int = PW, h: int = PH) -> np.ndarray:
    xx, yy = grid(w, h)
    d = np.sqrt(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2)
    return np.clip((1 - d) * min(rx, ry) / soft, 0, 1)


def rect_mask(x0: float, y0: float, x1: float, y1: float, w: int = PW, h: int = PH) -> np.ndarray:
    xx, yy = grid(w, h)
    mx = np.clip(np.minimum(xx - x0 + 0.5, x1 - xx + 0.5), 0, 1)
    my = np.clip(np.minimum(yy - y0 + 0.5, y1 - yy + 0.5), 0, 1)
    return mx * my


def poly_mask(pts: list[tuple[float, float]], w: int = PW, h: int = PH) -> np.ndarray:
    """Antialiased polygon mask via pygame at 2x, downsampled."""
    s = pygame.Surface((w * 2, h * 2), pygame.SRCALPHA)
    s.fill((0, 0, 0, 0))
    pygame.draw.polygon(s, (255, 255, 255, 255), [(x * 2, y * 2) for x, y in pts])
    a = pygame.surfarray.array_alpha(s).T.astype(np.float32) / 255.0
    return a.reshape(h, 2, w, 2).mean(axis=(1, 3))


def glow(cx: float, cy: float, r: float, w: int = PW, h: int = PH) -> np.ndarray:
    xx, yy = grid(w, h)
    d2 = ((xx - cx) ** 2 + (yy - cy) ** 2) / (r * r)
    return np.exp(-d2)


def shift(m: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """Shift an array without wrapping: the edge rows/columns are repeated."""
    h, w = m.shape
    p = max(abs(dy), abs(dx))
    big = np.pad(m, p, mode="edge")
    return big[p - dy:p - dy + h, p - dx:p - dx + w]


def outline_of(mask: np.ndarray, r: int = 2) -> np.ndarray:
    """Pixels within r of the mask edge, outside the shape (a crude dilation ring)."""
    m = mask > 0.5
    d = m.copy()
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            if dx * dx + dy * dy <= r * r:
                d |= shift(m, dy, dx)
    return (d & ~m).astype(np.float32)


def rim(mask: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """Inner edge of a mask facing direction (dx, dy): a rim light band."""
    m = mask > 0.5
    shifted = shift(m, -dy, -dx)
    return (m & ~shifted).astype(np.float32)


def treeline(rng: np.random.Generator, base_y: float, xs: list[tuple[float, float]],
             height: tuple[float, float], w: int = PW, h: int = PH) -> np.ndarray:
    """Silhouette of conifers and round trees between x ranges, standing on base_y."""
    xx, yy = grid(w, h)
    m = np.zeros((h, w), np.float32)
    for x0, x1 in xs:
        x = x0
        while x < x1:
            th = rng.uniform(*height)
            tw = th * rng.uniform(0.32, 0.5)
            if rng.random() < 0.65:
                # conifer: stacked triangles with a slightly ragged edge
                top = base_y - th
                rel = np.clip((yy - top) / th, 0, 1)
                half = tw / 2 * (rel ** 0.85) * (0.85 + 0.15 * np.sin(rel * 40 + x))
                tri = (np.abs(xx - x) < half) & (yy >= top) & (yy <= base_y + 6)
                m = np.maximum(m, tri.astype(np.float32))
            else:
                r = tw * 0.75
                cy = base_y - th + r
                blob = ellipse_mask(x, cy, r, r * 1.05, 1.2, w, h)
                blob = np.maximum(blob, ellipse_mask(x - r * 0.6, cy + r * 0.5, r * 0.7, r * 0.7,
                                                     1.2, w, h))
                blob = np.maximum(blob, ellipse_mask(x + r * 0.6, cy + r * 0.45, r * 0.75,
                                                     r * 0.7, 1.2, w, h))
                blob = np.maximum(blob, rect_mask(x - r, cy, x + r, base_y + 6, w, h))
                m = np.maximum(m, blob)
            x += tw * rng.uniform(0.45, 0.8)
    return m


# ---------------------------------------------------------------------------------------
# tilesets
# ---------------------------------------------------------------------------------------

def make_tile(rng: np.random.Generator, base: tuple[int, int, int], var: float,
              cell: int = 8, speck: float = 0.0, speck_col: tuple[int, int, int] = (0, 0, 0),
              blades: tuple[int, int, int] | None = None) -> np.ndarray:
    n = tile_noise(rng, T, cell) * 0.6 + tile_noise(rng, T, 4) * 0.4
    rgb = np.asarray(base, np.float32)[None, None, :] * (1 - var / 2 + var * n[..., None])
    if speck:
        sp = rng.random((T, T)) < speck
        rgb[sp] = np.asarray(speck_col, np.float32)
    if blades is not None:
        for _ in range(9):
            x = int(rng.integers(1, T - 1))
            y = int(rng.integers(6, T))
            ln = int(rng.integers(3, 7))
            for i in range(ln):
                yy = y - i
                xx = (x + (i // 3)) % T
                rgb[yy % T, xx] = blades
    return rgb


def diag_tiles(a: np.ndarray, b: np.ndarray, edge: tuple[int, int, int] | None) -> tuple[
        np.ndarray, np.ndarray]:
    """Two 45-degree transition tiles: left edge (a upper-left, b lower-right) and mirror."""
    xx, yy = grid(T, T)
    # left road edge: road below the line from bottom-left to top-right
    d = (xx + yy) - (T - 1)  # >0 lower-right
    t_left = np.clip(d / 1.5 + 0.5, 0, 1)[..., None]
    left = a * (1 - t_left) + b * t_left
    d2 = (yy - xx)  # >0 lower-left
    t_right = np.clip(d2 / 1.5 + 0.5, 0, 1)[..., None]
    right = a * (1 - t_right) + b * t_right
    if edge is not None:
        e = np.asarray(edge, np.float32)
        band_l = (np.abs(d) < 2.0)[..., None]
        band_r = (np.abs(d2) < 2.0)[..., None]
        left = np.where(band_l, left * 0.5 + e * 0.5, left)
        right = np.where(band_r, right * 0.5 + e * 0.5, right)
    return left, right


class Tileset:
    """Collects 40x40 tiles (rgb + alpha) and writes a PNG + external TSX."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tiles: list[tuple[np.ndarray, np.ndarray]] = []
        self.ids: dict[str, int] = {}

    def add(self, key: str, rgb: np.ndarray, alpha: np.ndarray | None = None) -> int:
        if alpha is None:
            alpha = np.ones((T, T), np.float32)
        self.tiles.append((rgb, alpha))
        self.ids[key] = len(self.tiles)  # gid with firstgid 1
        return self.ids[key]

    def save(self, folder: str) -> str:
        cols = 8
        rows = (len(self.tiles) + cols - 1) // cols
        img = blank(cols * T, rows * T)
        for i, (rgb, a) in enumerate(self.tiles):
            x, y = (i % cols) * T, (i // cols) * T
            img[0][y:y + T, x:x + T] = rgb
            img[1][y:y + T, x:x + T] = a
        save_png(to_surface(img), os.path.join(folder, f"{self.name}.png"))
        tsx = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<tileset version="1.10" tiledversion="1.10.2" name="{self.name}" tilewidth="{T}" '
            f'tileheight="{T}" tilecount="{len(self.tiles)}" columns="{cols}">\n'
            f' <image source="{self.name}.png" width="{cols * T}" height="{rows * T}"/>\n'
            '</tileset>\n'
        )
        tsx_file = os.path.join(folder, f"{self.name}.tsx")
        with open(tsx_file, "w", encoding="utf-8", newline="\n") as f:
            f.write(tsx)
        return f"tiles/{self.name}.tsx"


# ---------------------------------------------------------------------------------------
# TMX writer
# ---------------------------------------------------------------------------------------

class MapWriter:
    """Builds a TMX document in order: tile layers, image layers, groups, the stage marks."""

    def __init__(self, tsx_path: str) -> None:
        self.tsx = tsx_path
        self.body: list[str] = []
        self.next_id = 1
        self.depth = 1

    def _ind(self) -> str:
        return " " * self.depth

    def tiles(self, name: str, data: list[list[int]], opacity: float = 1.0) -> None:
        lid = self.next_id
        self.next_id += 1
        rows = [",".join(str(v) for v in row) for row in data]
        csv = ",\n".join(rows)
        op = f' opacity="{opacity:g}"' if opacity != 1.0 else ""
        self.body.append(f'{self._ind()}<layer id="{lid}" name="{name}" width="{MW}" '
                         f'height="{MH}"{op}>\n{self._ind()} <data encoding="csv">\n{csv}\n'
                         f'{self._ind()}</data>\n{self._ind()}</layer>')

    def image(self, name: str, src: str, opacity: float = 1.0) -> None:
        lid = self.next_id
        self.next_id += 1
        op = f' opacity="{opacity:g}"' if opacity != 1.0 else ""
        self.body.append(f'{self._ind()}<imagelayer id="{lid}" name="{name}"{op}>\n'
                         f'{self._ind()} <image source="{src}" width="{PW}" height="{PH}"/>\n'
                         f'{self._ind()}</imagelayer>')

    def group(self, name: str, visible: bool, build: Callable[[], None]) -> None:
        lid = self.next_id
        self.next_id += 1
        vis = "" if visible else ' visible="0"'
        self.body.append(f'{self._ind()}<group id="{lid}" name="{name}"{vis}>')
        self.depth += 1
        build()
        self.depth -= 1
        self.body.append(f'{self._ind()}</group>')

    def write(self, path: str) -> None:
        lid = self.next_id
        self.next_id += 1
        objs = []
        for i, (nm, x) in enumerate(STAGE.items()):
            objs.append(f'  <object id="{i + 1}" name="{nm}" x="{x}" y="{PH}">\n   <point/>\n'
                        '  </object>')
        self.body.append(f' <objectgroup id="{lid}" name="stage">\n' + "\n".join(objs)
                         + "\n </objectgroup>")
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" '
            f'renderorder="right-down" width="{MW}" height="{MH}" tilewidth="{T}" '
            f'tileheight="{T}" infinite="0" nextlayerid="{self.next_id}" '
            f'nextobjectid="{len(STAGE) + 1}">\n'
            f' <tileset firstgid="1" source="{self.tsx}"/>\n'
        )
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(head + "\n".join(self.body) + "\n</map>\n")



def road_tileset(name: str, rng: np.random.Generator, grass: tuple, dirt: tuple,
                 edge: tuple[int, int, int]) -> Tileset:
    """Three grass tiles, three dirt tiles and the two diagonal road edges: the ground of
    both outdoor maps. `grass` is (colour, noise, blade colour); `dirt` is (colour, noise,
    speck colour)."""
    ts = Tileset(name)
    grass_tiles = [make_tile(rng, grass[0], grass[1], blades=grass[2]) for _ in range(3)]
    dirt_tiles = [make_tile(rng, dirt[0], dirt[1], speck=0.03, speck_col=dirt[2])
                  for _ in range(3)]
    for i, g in enumerate(grass_tiles):
        ts.add(f"grass{i}", g)
    for i, d in enumerate(dirt_tiles):
        ts.add(f"dirt{i}", d)
    left, right = diag_tiles(grass_tiles[0], dirt_tiles[0], edge)
    ts.add("edge_l", left)
    ts.add("edge_r", right)
    return ts

def save_layer(img: Img | pygame.Surface, folder: str, name: str) -> str:
    surf = img if isinstance(img, pygame.Surface) else to_surface(img)
    save_png(surf, os.path.join(folder, "images", f"{name}.png"))
    return f"images/{name}.png"


def empty_grid() -> list[list[int]]:
    return [[0] * MW for _ in range(MH)]


# ---------------------------------------------------------------------------------------
# night road
# ---------------------------------------------------------------------------------------
HORIZON = 400


def night_road(folder: str) -> None:
    rng = np.random.default_rng(1101)
    xx, yy = grid()
    # --- sky with stars and moon
    sky = blank()
    sky[0][:] = vgrad(PH, [(0, (8, 12, 40)), (0.3, (24, 26, 78)), (0.52, (62, 44, 118)),
                           (0.6, (92, 62, 138)), (1, (60, 40, 100))])
    sky[1][:] = 1
    moon_x, moon_y = 985, 130
    paint(sky, glow(moon_x, moon_y, 170), (120, 120, 200), 0.35)
    paint(sky, glow(moon_x, moon_y, 70), (190, 190, 240), 0.45)
    n = 420
    sx = rng.uniform(0, PW, n)
    sy = rng.uniform(0, HORIZON - 60, n) ** 1.0
    sy = (rng.random(n) ** 1.7) * (HORIZON - 40)
    sb = rng.uniform(0.25, 1.0, n)
    for x, y, b in zip(sx, sy, sb, strict=True):
        if (x - moon_x) ** 2 + (y - moon_y) ** 2 < 110 ** 2:
            continue
        r = 0.7 + 1.1 * b * b
        ix, iy = int(x), int(y)
        x0, x1, y0, y1 = max(0, ix - 4), min(PW, ix + 5), max(0, iy - 4), min(PH, iy + 5)
        d2 = (xx[y0:y1, x0:x1] - x) ** 2 + (yy[y0:y1, x0:x1] - y) ** 2
        s = np.exp(-d2 / (r * r)) * b
        sub = sky[0][y0:y1, x0:x1]
        sub[:] = sub + (np.asarray((230, 230, 255), np.float32) - sub) * s[..., None]
    moon = ellipse_mask(moon_x, moon_y, 44, 44, 1.2)
    paint(sky, moon, (246, 242, 222))
    for cx, cy, r in ((-12, -8, 11), (10, 14, 8), (16, -16, 6), (-8, 20, 5)):
        paint(sky, ellipse_mask(moon_x + cx, moon_y + cy, r, r, 3) * moon, (222, 216, 196), 0.7)
    # thin wisps of cloud catching moonlight
    for i in range(4):
        cy = 90 + i * 55
        wis = smooth_noise(rng, PW, PH, 60) * np.exp(-((yy - cy) / 10) ** 2)
        paint(sky, np.clip((wis - 0.45) * 2.5, 0, 1), (120, 110, 170), 0.25)
    # distant hills
    hill = np.clip((yy - (HORIZON - 40 - 28 * np.sin(xx / 170 + 1.3) - 16 * np.sin(xx / 63)))
                   / 1.5, 0, 1)
    paint(sky, hill, (44, 36, 88))
    paint(sky, hill * np.clip((yy - HORIZON + 50) / 60, 0, 1), (30, 26, 66))
    # --- tree line (own layer), rim-lit from the moon side (upper right)
    trees = blank()
    m = treeline(rng, HORIZON + 14, [(-20, 560), (720, 1310)], (90, 210))
    m = np.maximum(m, treeline(rng, HORIZON + 30, [(-30, 330), (960, 1320)], (160, 300)))
    m[HORIZON + 25:, :] = np.maximum(m[HORIZON + 25:, :],
                                     ((xx[HORIZON + 25:] < 520) | (xx[HORIZON + 25:] > 760))
                                     .astype(np.float32) * 0)
    paint(trees, m, (12, 16, 34))
    paint(trees, rim(m, 2, -2) + rim(m, 1, -1) * 0.6, (112, 126, 196), 0.9)
    # village gate far away at the vanishing point
    gx = 640
    for px in (gx - 34, gx + 30):
        paint(trees, rect_mask(px, HORIZON - 46, px + 5, HORIZON + 6), (26, 22, 40))
    paint(trees, rect_mask(gx - 44, HORIZON - 52, gx + 44, HORIZON - 45), (26, 22, 40))
    paint(trees, rect_mask(gx - 38, HORIZON - 40, gx + 38, HORIZON - 36), (26, 22, 40))
    for wx0, wx1 in ((gx - 120, gx - 36), (gx + 36, gx + 120)):
        paint(trees, rect_mask(wx0, HORIZON - 18, wx1, HORIZON + 6), (30, 24, 46))
        paint(trees, rect_mask(wx0, HORIZON - 20, wx1, HORIZON - 17), (60, 56, 100))
    for lx in (gx - 40, gx + 40):
        paint(trees, glow(lx, HORIZON - 30, 7), (255, 190, 110), 0.9)
        paint(trees, glow(lx, HORIZON - 30, 22), (255, 170, 90), 0.25)
    # --- tiles
    ts = road_tileset("night_tiles", rng,
                      grass=((30, 48, 60), 0.35, (46, 70, 84)),
                      dirt=((128, 120, 146), 0.22, (150, 144, 170)), edge=(60, 62, 86))
    tsx = ts.save(os.path.join(folder, "tiles"))
    ground = empty_grid()
    road = empty_grid()
    vr = np.random.default_rng(77)
    for r in range(10, MH):
        k = r - 9
        for c in range(MW):
            ground[r][c] = ts.ids[f"grass{int(vr.integers(0, 3))}"]
        road[r][16 - k] = ts.ids["edge_l"]
        road[r][16 + k - 1] = ts.ids["edge_r"]
        for c in range(16 - k + 1, 16 + k - 1):
            road[r][c] = ts.ids[f"dirt{int(vr.integers(0, 3))}"]
    # --- foreground brush in the corners (she steps out of it)
    brush = blank()
    bm = np.zeros((PH, PW), np.float32)
    brng = np.random.default_rng(808)
    for cx0, cx1, base in ((-40, 260, 560), (1060, 1330, 600)):
        for _ in range(16):
            cx = brng.uniform(cx0, cx1)
            r = brng.uniform(40, 80)
            cy = base + brng.uniform(0, 120)
            bm = np.maximum(bm, ellipse_mask(cx, cy, r * 1.2, r, 1.5))
        for x in np.arange(cx0, cx1 - 40, 50.0):
            bm = np.maximum(bm, ellipse_mask(x, PH, 70, 90, 1.5))
    paint(brush, bm, (14, 22, 34))
    inner = rim(bm, 0, -6) * bm
    paint(brush, np.clip(inner, 0, 1), (24, 36, 52))
    paint(brush, rim(bm, 2, -2) + rim(bm, 1, -1) * 0.6, (90, 104, 170), 0.85)
    # --- moonlight / vignette above the tiles
    light = blank()
    vig = np.clip(((xx - 640) / 760) ** 2 + ((yy - 330) / 520) ** 2, 0, 1)
    paint(light, vig ** 1.5, (6, 6, 22), 0.75)
    road_glow = glow(640, HORIZON + 40, 240) * (yy > HORIZON)
    paint(light, road_glow, (190, 190, 240), 0.12)
    # --- cloud group: a dark mass fanning out + a dimming veil
    cloud = blank()
    dens = np.zeros((PH, PW), np.float32)
    crng = np.random.default_rng(4242)
    for _ in range(90):
        # puffs fanning out from a point above the frame
        ang = crng.uniform(0.08, np.pi - 0.08)
        dist = crng.uniform(60, 420) ** 1.0
        cx = 560 + np.cos(ang) * dist * 1.9
        cy = -120 + np.sin(ang) * dist * 0.75
        r = crng.uniform(40, 95) * (1.1 - dist / 900)
        dens = np.maximum(dens, ellipse_mask(cx, cy, r * 1.35, r, 2.0))
    sky_only = (1 - m) * np.clip((HORIZON + 10 - yy) / 20, 0, 1)
    under = rim(dens, 0, 3) + rim(dens, 0, 2)
    paint(cloud, dens * sky_only, (22, 18, 40), 0.94)
    paint(cloud, np.clip(under, 0, 1) * sky_only, (96, 84, 150), 0.55)
    paint(cloud, np.clip(dens - shift(dens > 0.5, 14, -6), 0, 1) * sky_only, (34, 28, 60), 0.8)
    veil = blank()
    paint(veil, np.ones((PH, PW), np.float32), (8, 6, 24), 0.28)
    paint(veil, np.clip(1 - yy / 500, 0, 1), (8, 6, 24), 0.25)

    mw = MapWriter(tsx)
    mw.image("sky", save_layer(sky, folder, "night_road_sky"))
    mw.image("trees", save_layer(trees, folder, "night_road_trees"))
    mw.tiles("ground", ground)
    mw.tiles("road", road)
    mw.image("brush", save_layer(brush, folder, "night_road_brush"))
    mw.image("moonlight", save_layer(light, folder, "night_road_moonlight"))

    def cloud_layers() -> None:
        mw.image("cloud_mass", save_layer(cloud, folder, "night_road_cloud_mass"))
        mw.image("cloud_veil", save_layer(veil, folder, "night_road_cloud_veil"))

    mw.group("cloud", False, cloud_layers)
    mw.write(os.path.join(folder, "night_road.tmx"))


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
    floor = make_tile(rng, (214, 214, 204), 0.06, cell=10)
    floor[0, :] = floor[0, :] * 0.9
    floor[:, 0] = floor[:, 0] * 0.9
    ts.add("floor", floor)
    floor2 = make_tile(rng, (200, 210, 202), 0.06, cell=10)
    floor2[0, :] = floor2[0, :] * 0.9
    floor2[:, 0] = floor2[:, 0] * 0.9
    ts.add("floor2", floor2)
    tsx = ts.save(os.path.join(folder, "tiles"))
    walls = empty_grid()
    floors = empty_grid()
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
            else:
                floors[r][c] = ts.ids["floor" if (r + c) % 2 else "floor2"]
    # --- window with warm afternoon light
    win = blank()
    wx0, wy0, wx1, wy1 = 110, 70, 470, 350
    paint(win, rect_mask(wx0 - 14, wy0 - 14, wx1 + 14, wy1 + 22), (246, 246, 240))
    paint(win, rect_mask(wx0 - 14, wy1 + 10, wx1 + 14, wy1 + 22), (210, 214, 206))
    view = vgrad(PH, [(0, (150, 196, 232)), (0.25, (206, 224, 236)), (0.42, (252, 226, 180)),
                      (1, (252, 226, 180))])
    pane = rect_mask(wx0, wy0, wx1, wy1)
    paint(win, pane, view)
    roofs = np.clip((yy - (280 - 14 * np.sign(np.sin(xx / 22)) - 22 * np.sin(xx / 90))) / 1.5,
                    0, 1) * pane
    paint(win, roofs, (176, 170, 170))
    paint(win, np.clip((yy - (250 + 20 * np.sin(xx / 37) + 10 * np.sin(xx / 11))) / 2, 0, 1)
          * pane * (xx < 230), (140, 170, 150))
    paint(win, glow(390, 130, 110) * pane, (255, 244, 200), 0.8)
    for x in (wx0 + (wx1 - wx0) / 2 - 5,):
        paint(win, rect_mask(x, wy0, x + 10, wy1), (246, 246, 240))
    paint(win, rect_mask(wx0, wy0 + (wy1 - wy0) / 2 - 4, wx1, wy0 + (wy1 - wy0) / 2 + 4),
          (246, 246, 240))
    paint(win, outline_of(rect_mask(wx0 - 14, wy0 - 14, wx1 + 14, wy1 + 22), 2), (150, 160, 156))
    # window curtains (short, gathered at the sides)
    for side in (-1, 1):
        cx = wx0 - 30 if side < 0 else wx1 + 30
        pts = [(cx - 34, 50), (cx + 34, 50), (cx + 20 - side * 10, 200), (cx + 30, 390),
               (cx - 30, 390), (cx - 20 - side * 10, 200)]
        cm = poly_mask(pts)
        paint(win, cm, (236, 206, 170))
        folds = (np.sin((xx - cx) / 7) > 0.35).astype(np.float32) * cm
        paint(win, folds, (212, 176, 140), 0.6)
        paint(win, outline_of(cm, 2), (170, 130, 100))
    paint(win, rect_mask(wx0 - 80, 42, wx1 + 80, 50), (150, 150, 150))
    # --- warm light shafts on wall and floor
    sun = blank()
    beam = poly_mask([(wx0, wy0), (wx1, wy0), (wx1 + 560, 720), (wx0 + 400, 720)])
    beam *= np.clip((yy - 60) / 300, 0, 1)
    paint(sun, beam, (255, 214, 150), 0.22)
    paint(sun, poly_mask([(520, 560), (900, 560), (1060, 720), (600, 720)]), (255, 220, 160), 0.22)
    paint(sun, glow(300, 210, 320), (255, 230, 180), 0.18)
    # --- heart monitor and IV stand
    gear = blank()
    mx, my = 1000, 150
    paint(gear, rect_mask(mx - 70, my - 50, mx + 70, my + 50), (90, 100, 104))
    paint(gear, rect_mask(mx - 60, my - 40, mx + 60, my + 34), (20, 40, 40))
    lx = np.arange(PW, dtype=np.float32)
    trace = np.zeros(PW, np.float32)
    for k in range(3):
        c0 = mx - 40 + k * 40
        trace += np.exp(-((lx - c0) / 2.2) ** 2) * -22 + np.exp(-((lx - c0 - 4) / 2.2) ** 2) * 12
    line = (np.abs(yy - (my - 2 + trace[None, :])) < 1.6) & (np.abs(xx - mx) < 58)
    paint(gear, line.astype(np.float32), (120, 240, 170))
    paint(gear, outline_of(rect_mask(mx - 70, my - 50, mx + 70, my + 50), 2), (50, 56, 60))
    paint(gear, rect_mask(mx - 6, my + 50, mx + 6, my + 80), (120, 126, 130))
    ivx = 1130
    paint(gear, rect_mask(ivx - 4, 110, ivx + 4, 690), (176, 182, 188))
    paint(gear, rect_mask(ivx - 2, 110, ivx + 0, 690), (226, 230, 234))
    paint(gear, rect_mask(ivx - 46, 104, ivx + 46, 112), (160, 166, 172))
    bag = poly_mask([(ivx - 40, 116), (ivx - 10, 116), (ivx - 8, 200), (ivx - 25, 214),
                     (ivx - 42, 200)])
    paint(gear, bag, (214, 236, 244), 0.85)
    paint(gear, bag * (yy > 150), (186, 220, 236), 0.6)
    paint(gear, outline_of(bag, 1), (130, 150, 166))
    tube = np.abs(xx - (ivx - 25 + 40 * np.sin((yy - 214) / 240))) < 1.3
    paint(gear, (tube & (yy > 214) & (yy < 520)).astype(np.float32), (200, 210, 220))
    for dx in (-50, -20, 20, 50):
        paint(gear, rect_mask(ivx - 2 + dx * 0.0, 684, ivx + dx, 690), (150, 156, 160))
        paint(gear, ellipse_mask(ivx + dx, 696, 6, 6, 1), (60, 64, 70))
    # --- privacy curtain on the right
    cur = blank()
    paint(cur, rect_mask(1160, 20, 1280, 28), (150, 156, 160))
    cm = poly_mask([(1175, 28), (1280, 28), (1280, 640), (1190, 650), (1168, 640)])
    paint(cur, cm, (176, 222, 214))
    folds = (np.sin((xx - 1160) / 9) ** 2) * cm
    paint(cur, folds, (140, 190, 184), 0.7)
    paint(cur, outline_of(cm, 2), (100, 140, 136))
    # --- bed: headboard on the left, white sheets
    bed = blank()
    hb = rect_mask(150, 420, 200, 700)
    paint(bed, hb, (200, 206, 210))
    paint(bed, rect_mask(150, 412, 200, 424), (170, 176, 180))
    mat = poly_mask([(190, 540), (880, 540), (900, 560), (900, 700), (190, 700)])
    paint(bed, mat, (246, 248, 248))
    paint(bed, mat * (yy > 600), (222, 228, 234))
    blanket = poly_mask([(420, 548), (880, 548), (902, 566), (902, 700), (400, 700), (380, 620)])
    paint(bed, blanket, (196, 226, 222))
    paint(bed, blanket * (yy > 610), (170, 206, 202))
    paint(bed, outline_of(blanket, 2), (120, 156, 152))
    pillow = poly_mask([(200, 500), (330, 490), (360, 510), (350, 552), (210, 556), (196, 530)])
    paint(bed, pillow, (252, 252, 250))
    paint(bed, pillow * (xx > 300), (226, 230, 234))
    paint(bed, outline_of(pillow, 2), (160, 166, 176))
    paint(bed, outline_of(mat, 2), (150, 156, 166))
    paint(bed, rect_mask(190, 700, 900, 716), (140, 146, 150))
    for x in (210, 880):
        paint(bed, rect_mask(x, 700, x + 10, 720), (110, 114, 120))
    paint(bed, outline_of(hb, 2), (120, 126, 132))
    # side rail
    paint(bed, rect_mask(560, 590, 880, 598), (190, 196, 202))
    for x in (580, 700, 860):
        paint(bed, rect_mask(x, 598, x + 6, 650), (190, 196, 202))
    # --- dusk group
    dusk = blank()
    paint(dusk, np.ones((PH, PW), np.float32), (255, 130, 60), 0.22)
    paint(dusk, np.clip(yy / PH, 0, 1) ** 1.5, (80, 40, 90), 0.35)
    dusk_light = blank()
    paint(dusk_light, pane, vgrad(PH, [(0, (250, 150, 110)), (0.3, (255, 190, 120)),
                                       (0.5, (255, 150, 90)), (1, (180, 90, 90))]), 0.85)
    paint(dusk_light, roofs, (90, 60, 80), 0.9)
    paint(dusk_light, glow(380, 300, 70) * pane, (255, 210, 140), 0.9)
    paint(dusk_light, poly_mask([(560, 420), (900, 420), (1180, 720), (760, 720)]),
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

    mw.group("dusk", False, dusk_layers)
    mw.write(os.path.join(folder, "hospital.tmx"))


# ---------------------------------------------------------------------------------------
# village gate at dawn
# ---------------------------------------------------------------------------------------

def village_gate(folder: str) -> None:
    rng = np.random.default_rng(3303)
    xx, yy = grid()
    hz = 470
    sky = blank()
    sky[0][:] = vgrad(PH, [(0, (92, 104, 170)), (0.28, (190, 150, 196)), (0.48, (246, 170, 170)),
                           (0.62, (252, 210, 150)), (0.68, (255, 228, 170)), (1, (240, 190, 150))])
    sky[1][:] = 1
    paint(sky, glow(640, hz - 10, 260), (255, 236, 180), 0.55)
    paint(sky, ellipse_mask(640, hz - 6, 40, 40, 2), (255, 246, 214), 0.95)
    for i in range(6):
        cy = 90 + i * 50 + rng.uniform(-10, 10)
        band = smooth_noise(rng, PW, PH, 70) * np.exp(-((yy - cy) / 9) ** 2)
        m = np.clip((band - 0.3) * 2.5, 0, 1)
        paint(sky, m, (250, 190, 190) if i > 2 else (200, 160, 200), 0.55)
        paint(sky, m * np.clip((yy - cy) / 8, 0, 1), (255, 226, 170), 0.5)
    hills = np.clip((yy - (hz - 50 - 30 * np.sin(xx / 200 + 0.5) - 12 * np.sin(xx / 57))) / 1.5,
                    0, 1)
    paint(sky, hills, (176, 128, 160))
    hills2 = np.clip((yy - (hz - 18 - 18 * np.sin(xx / 120 + 2) - 8 * np.sin(xx / 31))) / 1.5,
                     0, 1)
    paint(sky, hills2, (140, 100, 140))
    trees = blank()
    m = treeline(rng, hz + 10, [(-20, 380), (900, 1310)], (80, 170))
    paint(trees, m, (92, 66, 104))
    paint(trees, rim(m, -2, -2) + rim(m, -1, -1) * 0.6, (255, 200, 150), 0.8)
    # --- the gate
    gate = blank()
    wood, wood_d, wood_l = (128, 70, 60), (92, 48, 48), (190, 110, 84)
    ink = (60, 34, 40)
    # walls either side with tiled roofs
    for x0, x1 in ((0, 470), (810, 1280)):
        wm = rect_mask(x0, 392, x1, 570)
        paint(gate, wm, (236, 214, 196))
        paint(gate, wm * (yy > 530), (204, 176, 164))
        paint(gate, wm * np.clip((yy - 392) / 40, 0, 1) * 0 + rect_mask(x0, 392, x1, 404),
              (190, 160, 150))
        roof = poly_mask([(x0 - 10, 392), (x0 + 4, 366), (x1 - 4, 366), (x1 + 10, 392)])
        paint(gate, roof, (84, 80, 110))
        paint(gate, roof * (yy < 376), (120, 116, 150))
        paint(gate, outline_of(roof, 2), ink)
        paint(gate, outline_of(wm, 2), ink)
    # doors open inward, seen as dark panels inside the pillars
    paint(gate, rect_mask(520, 260, 760, 570), (120, 84, 90))
    paint(gate, glow(640, 470, 120) * rect_mask(520, 260, 760, 570), (255, 226, 170), 0.8)
    for x0 in (520, 706):
        dm = rect_mask(x0, 250, x0 + 54, 576)
        paint(gate, dm, wood_d)
        for y in range(270, 570, 40):
            paint(gate, rect_mask(x0 + 4, y, x0 + 50, y + 3) * dm, wood, 0.8)
        paint(gate, outline_of(dm, 2), ink)
    for x0 in (470, 760):
        pm = rect_mask(x0, 150, x0 + 52, 590)
        paint(gate, pm, wood)
        paint(gate, rect_mask(x0, 150, x0 + 14, 590), wood_l)
        paint(gate, rect_mask(x0 + 38, 150, x0 + 52, 590), wood_d)
        paint(gate, outline_of(pm, 2), ink)
        base = rect_mask(x0 - 8, 570, x0 + 60, 596)
        paint(gate, base, (150, 144, 150))
        paint(gate, outline_of(base, 2), ink)
    # cross beams and roof
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
    # warm rim on pillars from the sun behind
    paint(gate, rect_mask(470, 150, 474, 590) + rect_mask(760, 150, 764, 590), (255, 214, 160),
          0.5)
    # --- tiles: dirt plaza and grass
    ts = road_tileset("gate_tiles", rng,
                      grass=((120, 150, 110), 0.25, (150, 180, 120)),
                      dirt=((214, 178, 146), 0.16, (190, 150, 126)), edge=(180, 150, 120))
    tsx = ts.save(os.path.join(folder, "tiles"))
    ground = empty_grid()
    road = empty_grid()
    vr = np.random.default_rng(99)
    for r in range(14, MH):
        k = r - 13
        for c in range(MW):
            ground[r][c] = ts.ids[f"grass{int(vr.integers(0, 3))}"]
        lo, hi = 13 - k, 18 + k
        road[r][lo] = ts.ids["edge_l"]
        road[r][hi] = ts.ids["edge_r"]
        for c in range(lo + 1, hi):
            road[r][c] = ts.ids[f"dirt{int(vr.integers(0, 3))}"]
    light = blank()
    rays = (np.sin(np.arctan2(yy - hz, xx - 640) * 14) * 0.5 + 0.5) * glow(640, hz, 700)
    paint(light, rays * (yy < hz + 120), (255, 230, 180), 0.18)
    paint(light, np.clip((yy - 560) / 160, 0, 1), (120, 70, 110), 0.3)
    vig = np.clip(((xx - 640) / 800) ** 2 + ((yy - 360) / 560) ** 2, 0, 1)
    paint(light, vig ** 1.6, (70, 40, 80), 0.5)

    mw = MapWriter(tsx)
    mw.image("sky", save_layer(sky, folder, "village_gate_sky"))
    mw.image("trees", save_layer(trees, folder, "village_gate_trees"))
    mw.tiles("ground", ground)
    mw.tiles("road", road)
    mw.image("gate", save_layer(gate, folder, "village_gate_gate"))
    mw.image("light", save_layer(light, folder, "village_gate_light"))
    mw.write(os.path.join(folder, "village_gate.tmx"))


def build_all(folder: str) -> None:
    """Write every map, tileset and layer picture under folder (assets/backgrounds)."""
    os.makedirs(os.path.join(folder, "tiles"), exist_ok=True)
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    night_road(folder)
    hospital(folder)
    village_gate(folder)
    _ = math.pi
