"""The backgrounds' toolkit: numpy picture helpers, perspective ground, tilesets and the TMX
writer. Every picture is computed with numpy from fixed seeds. Maps are 32x18 tiles of 40 px.
"""

from __future__ import annotations

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

    def __init__(self, tsx_path: str, properties: dict[str, str] | None = None) -> None:
        self.tsx = tsx_path
        self.properties = properties or {}
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

    def _props(self, props: dict[str, str]) -> str:
        ind = self._ind()
        rows = "".join(f'{ind} <property name="{k}" value="{v}"/>\n' for k, v in props.items())
        return f"{ind}<properties>\n{rows}{ind}</properties>"

    def group(self, name: str, visible: bool, build: Callable[[], None],
              properties: dict[str, str] | None = None) -> None:
        lid = self.next_id
        self.next_id += 1
        vis = "" if visible else ' visible="0"'
        self.body.append(f'{self._ind()}<group id="{lid}" name="{name}"{vis}>')
        self.depth += 1
        if properties:
            self.body.append(self._props(properties))
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
            + (self._props(self.properties) + "\n" if self.properties else "")
            + f' <tileset firstgid="1" source="{self.tsx}"/>\n'
        )
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(head + "\n".join(self.body) + "\n</map>\n")



def save_layer(img: Img | pygame.Surface, folder: str, name: str) -> str:
    surf = img if isinstance(img, pygame.Surface) else to_surface(img)
    save_png(surf, os.path.join(folder, "images", f"{name}.png"))
    return f"images/{name}.png"


def empty_grid() -> list[list[int]]:
    return [[0] * MW for _ in range(MH)]


def bake_tiles(ts: Tileset, img: Img, key: str) -> list[list[int]]:
    """Cut a full-frame picture into the tileset's 40x40 tiles (fully transparent cells stay
    empty, identical cells share a tile) and return the layer's grid of gids."""
    rgb, a = img
    q_rgb = np.clip(rgb, 0, 255).astype(np.uint8)
    q_a = np.clip(a * 255.0 + 0.5, 0, 255).astype(np.uint8)
    seen: dict[bytes, int] = {}
    out = empty_grid()
    for r in range(MH):
        for c in range(MW):
            sl = (slice(r * T, (r + 1) * T), slice(c * T, (c + 1) * T))
            if not q_a[sl].any():
                continue
            sig = q_rgb[sl].tobytes() + q_a[sl].tobytes()
            if sig not in seen:
                seen[sig] = ts.add(f"{key}{r}_{c}", q_rgb[sl].astype(np.float32),
                                   q_a[sl].astype(np.float32) / 255.0)
            out[r][c] = seen[sig]
    return out


# ---------------------------------------------------------------------------------------
# noise at any coordinates, and a ground plane in one-point perspective
# ---------------------------------------------------------------------------------------

def lattice(seed: int, n: int = 256) -> np.ndarray:
    return np.random.default_rng(seed).random((n, n)).astype(np.float32)


def vnoise(lat: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Value noise 0..1 at float coordinates (one lattice cell per unit), wrapping."""
    n = lat.shape[0]
    x0, y0 = np.floor(x), np.floor(y)
    tx, ty = x - x0, y - y0
    tx = tx * tx * (3 - 2 * tx)
    ty = ty * ty * (3 - 2 * ty)
    ix, iy = x0.astype(np.int64) % n, y0.astype(np.int64) % n
    ix1, iy1 = (ix + 1) % n, (iy + 1) % n
    a = lat[iy, ix] * (1 - tx) + lat[iy, ix1] * tx
    b = lat[iy1, ix] * (1 - tx) + lat[iy1, ix1] * tx
    return a * (1 - ty) + b * ty


def fbm(lat: np.ndarray, x: np.ndarray, y: np.ndarray, foot: np.ndarray | float,
        octaves: int = 5, base: float = 1.0) -> np.ndarray:
    """Fractal noise around 0.5 whose octaves fade out where a pixel covers more than a
    third of their wavelength (`foot` = world units per pixel): no shimmer near the horizon."""
    total = np.zeros(np.broadcast(x, y).shape, np.float32)
    amp, freq, norm = 0.5, 1.0 / base, 0.0
    for k in range(octaves):
        wave = 1.0 / freq
        fade = np.clip((wave / np.maximum(foot, 1e-6) - 1.5) / 2.0, 0, 1)
        off = 17.3 * k
        total += amp * fade * (vnoise(lat, x * freq + off, y * freq - off) - 0.5)
        norm += amp
        amp *= 0.55
        freq *= 2.1
    return 0.5 + total / norm


class Ground:
    """A flat ground seen in one-point perspective: the vanishing point (vx, vy) on the
    horizon, the eye `eye` m above the ground, a focal length `focal` px. Gives the world
    coordinates (X across, Z ahead, in metres) of every pixel below the horizon."""

    def __init__(self, vx: float, vy: float, eye: float = 1.6, focal: float = 900.0) -> None:
        self.vx, self.vy, self.eye, self.focal = vx, vy, eye, focal
        xx, yy = grid()
        self.xx, self.yy = xx, yy
        dz = np.maximum(yy - vy, 0.35)
        self.below = np.clip(yy - vy, 0, 1)
        self.Z = focal * eye / dz
        self.X = (xx - vx) * eye / dz
        self.foot = self.Z / dz  # metres of ground per pixel, up the picture

    def px(self, X: float, Z: float, height: float = 0.0) -> tuple[float, float]:
        """Screen point of a world point `height` m above the ground."""
        s = self.focal / Z
        return self.vx + X * s, self.vy + (self.eye - height) * s

    def scale(self, Z: float) -> float:
        """Pixels per metre at depth Z."""
        return self.focal / Z
