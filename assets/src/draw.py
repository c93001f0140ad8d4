"""Small vector-drawing toolkit on top of pygame: smooth closed/open paths, cel-shaded parts.

Everything is drawn at 2x and smooth-scaled down by the callers for antialiasing.
Coordinates are given in *design units* and multiplied by ``Painter.k``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import numpy as np  # noqa: E402
import pygame  # noqa: E402

Color = tuple[int, int, int] | tuple[int, int, int, int]
Pt = tuple[float, float]
# a control point: (x, y) is smooth, (x, y, 1) is a sharp corner
CPt = tuple[float, float] | tuple[float, float, int]


def hexc(s: str, a: int | None = None) -> Color:
    """'#rrggbb' -> (r, g, b) or (r, g, b, a)."""
    s = s.lstrip("#")
    r, g, b = int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16)
    return (r, g, b) if a is None else (r, g, b, a)


def mix(c1: Sequence[int], c2: Sequence[int], t: float) -> tuple[int, int, int]:
    """Linear mix of two RGB colours."""
    return tuple(int(round(c1[i] + (c2[i] - c1[i]) * t)) for i in range(3))  # type: ignore[return-value]


def spline(ctrl: Sequence[CPt], closed: bool = True, steps: int = 14) -> list[Pt]:
    """Catmull-Rom spline through control points; points with a third item are corners."""
    n = len(ctrl)
    pts: list[Pt] = []
    segs = n if closed else n - 1

    def get(i: int) -> CPt:
        if closed:
            return ctrl[i % n]
        return ctrl[max(0, min(n - 1, i))]

    for i in range(segs):
        p1, p2 = get(i), get(i + 1)
        p0, p3 = get(i - 1), get(i + 2)
        if len(p1) > 2:
            p0 = p1
        if len(p2) > 2:
            p3 = p2
        # tangents (Catmull-Rom, tension 0.5)
        t1 = ((p2[0] - p0[0]) * 0.5, (p2[1] - p0[1]) * 0.5)
        t2 = ((p3[0] - p1[0]) * 0.5, (p3[1] - p1[1]) * 0.5)
        if len(p1) > 2:
            t1 = (0.0, 0.0)
        if len(p2) > 2:
            t2 = (0.0, 0.0)
        for s in range(steps):
            t = s / steps
            h00 = 2 * t**3 - 3 * t**2 + 1
            h10 = t**3 - 2 * t**2 + t
            h01 = -2 * t**3 + 3 * t**2
            h11 = t**3 - t**2
            pts.append(
                (
                    h00 * p1[0] + h10 * t1[0] + h01 * p2[0] + h11 * t2[0],
                    h00 * p1[1] + h10 * t1[1] + h01 * p2[1] + h11 * t2[1],
                )
            )
    if not closed:
        last = ctrl[-1]
        pts.append((last[0], last[1]))
    return pts


def ellipse_pts(cx: float, cy: float, rx: float, ry: float, n: int = 48,
                rot: float = 0.0) -> list[Pt]:
    """Points of an ellipse, optionally rotated (radians)."""
    out = []
    cr, sr = math.cos(rot), math.sin(rot)
    for i in range(n):
        a = 2 * math.pi * i / n
        x, y = rx * math.cos(a), ry * math.sin(a)
        out.append((cx + x * cr - y * sr, cy + x * sr + y * cr))
    return out


def flip_pts(pts: Iterable[CPt], cx: float) -> list[CPt]:
    """Mirror control points around the vertical line x = cx."""
    out: list[CPt] = []
    for p in pts:
        out.append((2 * cx - p[0], *p[1:]))  # type: ignore[arg-type]
    return out


class Painter:
    """Draws filled, cel-shaded, outlined parts onto one RGBA surface."""

    def __init__(self, w: int, h: int, k: float = 2.0) -> None:
        self.k = k
        self.surf = pygame.Surface((int(w * k), int(h * k)), pygame.SRCALPHA)
        self.surf.fill((0, 0, 0, 0))

    # -- helpers -----------------------------------------------------------------------
    def sc(self, pts: Iterable[Pt]) -> list[tuple[float, float]]:
        k = self.k
        return [(p[0] * k, p[1] * k) for p in pts]

    def _stroke(self, surf: pygame.Surface, pts: Sequence[Pt], color: Color, width: float,
                closed: bool, off: Pt = (0.0, 0.0)) -> None:
        if width <= 0 or len(pts) < 2:
            return
        ox, oy = off
        q = [(x - ox, y - oy) for x, y in pts]
        w = max(1, int(round(width)))
        r = w / 2.0
        seq = q + [q[0]] if closed else q
        for a, b in zip(seq, seq[1:], strict=False):
            pygame.draw.line(surf, color, a, b, w)
        if w > 2:
            for p in seq:
                pygame.draw.circle(surf, color, p, r)

    def stroke(self, pts: Sequence[Pt], color: Color, width: float = 3.0, closed: bool = False,
               taper: bool = False) -> None:
        """Draw a line through design-unit points; width in design units."""
        s = self.sc(pts)
        if not taper:
            self._stroke(self.surf, s, color, width * self.k, closed)
            return
        n = len(s)
        for i in range(n - 1):
            t = i / max(1, n - 2)
            w = width * self.k * (0.35 + 0.65 * math.sin(math.pi * t))
            self._stroke(self.surf, [s[i], s[i + 1]], color, max(1.0, w), False)

    def part(self, pts: Sequence[Pt], fill: Color, line: Color | None = None, width: float = 2.2,
             shades: Sequence[tuple[Sequence[Pt], Color]] = ()) -> None:
        """A filled polygon with shading shapes clipped to it and an outline on top."""
        s = self.sc(pts)
        k = self.k
        margin = int(width * k) + 4
        xs = [p[0] for p in s]
        ys = [p[1] for p in s]
        x0, y0 = int(min(xs)) - margin, int(min(ys)) - margin
        x1, y1 = int(max(xs)) + margin, int(max(ys)) + margin
        w, h = max(1, x1 - x0), max(1, y1 - y0)
        tmp = pygame.Surface((w, h), pygame.SRCALPHA)
        tmp.fill((0, 0, 0, 0))
        local = [(x - x0, y - y0) for x, y in s]
        pygame.draw.polygon(tmp, fill, local)
        if shades:
            base_a = pygame.surfarray.array_alpha(tmp)
            for spts, scol in shades:
                sh = pygame.Surface((w, h), pygame.SRCALPHA)
                sh.fill((0, 0, 0, 0))
                pygame.draw.polygon(sh, scol, [(p[0] * k - x0, p[1] * k - y0) for p in spts])
                a = pygame.surfarray.pixels_alpha(sh)
                np.minimum(a, base_a, out=a)
                del a
                tmp.blit(sh, (0, 0))
        if line is not None:
            self._stroke(tmp, local, line, width * k, True)
        self.surf.blit(tmp, (x0, y0))

    def poly(self, pts: Sequence[Pt], color: Color) -> None:
        """Plain filled polygon, no outline."""
        pygame.draw.polygon(self.surf, color, self.sc(pts))

    def circle(self, c: Pt, r: float, color: Color) -> None:
        pygame.draw.circle(self.surf, color, (c[0] * self.k, c[1] * self.k), r * self.k)

    def overlay(self, pts: Sequence[Pt], color: Color) -> None:
        """Alpha-blended polygon (for blush, glints)."""
        layer = pygame.Surface(self.surf.get_size(), pygame.SRCALPHA)
        layer.fill((0, 0, 0, 0))
        pygame.draw.polygon(layer, color, self.sc(pts))
        self.surf.blit(layer, (0, 0))

    def result(self) -> pygame.Surface:
        """Downscale to design size (antialiasing)."""
        w, h = self.surf.get_size()
        return pygame.transform.smoothscale(self.surf, (int(w / self.k), int(h / self.k)))


def soft_blob(size: tuple[int, int], cx: float, cy: float, rx: float, ry: float,
              color: Color, alpha: float = 1.0) -> pygame.Surface:
    """A radial soft-edged ellipse (gaussian falloff) as an RGBA surface."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = ((xx - cx) / max(rx, 1e-3)) ** 2 + ((yy - cy) / max(ry, 1e-3)) ** 2
    a = np.exp(-d * 2.0) * 255.0 * alpha
    return rgba_surface(np.full((h, w, 3), color[:3], np.uint8), a.astype(np.uint8))


def rgba_surface(rgb: np.ndarray, alpha: np.ndarray | None = None) -> pygame.Surface:
    """(h, w, 3) uint8 + optional (h, w) alpha -> pygame RGBA surface."""
    h, w = rgb.shape[:2]
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.surfarray.blit_array(surf, np.ascontiguousarray(rgb.transpose(1, 0, 2)))
    if alpha is None:
        alpha = np.full((h, w), 255, np.uint8)
    a = pygame.surfarray.pixels_alpha(surf)
    a[:] = alpha.T
    del a
    return surf


def save_png(surf: pygame.Surface, path: str) -> None:
    """Save a PNG, creating folders."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pygame.image.save(surf, path)


# -- additions for limbs and hands (issue 13) -------------------------------------------

def place(pts: Iterable[CPt], at: Pt, angle: float = 0.0, scale: float = 1.0,
          mirror: bool = False) -> list[CPt]:
    """Move local points (x along the part, y across it) to `at`, rotated by `angle`
    (degrees, clockwise on screen), scaled, and mirrored across the part's axis first."""
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    out: list[CPt] = []
    for p in pts:
        x, y = p[0] * scale, (-p[1] if mirror else p[1]) * scale
        out.append((at[0] + x * ca - y * sa, at[1] + x * sa + y * ca, *p[2:]))  # type: ignore[arg-type]
    return out


def tube(chain: Sequence[Pt], widths: Sequence[float]) -> list[CPt]:
    """Control points of a closed outline around a polyline (an arm, a sleeve): `widths`
    gives the thickness at each joint; the two ends are cut square (corner points)."""
    n = len(chain)
    left: list[CPt] = []
    right: list[CPt] = []
    for i, (x, y) in enumerate(chain):
        ax, ay = chain[max(0, i - 1)]
        bx, by = chain[min(n - 1, i + 1)]
        dx, dy = bx - ax, by - ay
        d = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / d, dx / d
        h = widths[i] / 2
        end = (1,) if i in (0, n - 1) else ()
        left.append((x + nx * h, y + ny * h, *end))  # type: ignore[arg-type]
        right.append((x - nx * h, y - ny * h, *end))  # type: ignore[arg-type]
    return left + right[::-1]


# An open hand in local units: wrist at (0, 0), fingers along +x, the thumb towards -y.
# (base x, base y, length, width) from the little finger to the index.
FINGERS = ((29.0, 11.5, 19.0, 7.6), (31.0, 3.8, 25.0, 8.2), (31.0, -4.4, 27.0, 8.4),
           (29.0, -12.6, 24.0, 8.2))


def open_hand_pts(spread: float = 1.0, curl: float = 0.0) -> list[CPt]:
    """Outline of an open hand (back or palm, the same silhouette). `spread` fans the
    fingers, `curl` (0..1) shortens them as if bending towards the palm."""
    pts: list[CPt] = [(0.0, 13.0, 1), (16.0, 16.5)]
    for i, (bx, by, ln, w) in enumerate(FINGERS):
        fan = (1.5 - i) * 4.0 * spread  # degrees, little finger out
        a = math.radians(fan)
        ln = ln * (1.0 - 0.45 * curl)
        ux, uy = math.cos(a), math.sin(a)
        vx, vy = -uy, ux
        hw = w / 2

        def at(s: float, t: float, bx: float = bx, by: float = by, ux: float = ux,
               uy: float = uy, vx: float = vx, vy: float = vy) -> Pt:
            return (bx + ux * s + vx * t, by + uy * s + vy * t)

        if i == 0:
            pts.append((*at(-4, hw + 1),))
        pts += [at(ln - hw, hw), at(ln, 0), at(ln - hw, -hw)]
        if i < len(FINGERS) - 1:
            nb = FINGERS[i + 1]
            pts.append(((bx + nb[0]) / 2 + 1.5, (by - hw + nb[1] + nb[3] / 2) / 2, 1))
        else:
            pts.append((*at(-3, -hw - 0.5), 1))
    # the thumb, out and forward from the side of the palm
    ta = math.radians(-40.0 - 12.0 * spread)
    ux, uy = math.cos(ta), math.sin(ta)
    vx, vy = -uy, ux
    bx, by = 12.0, -15.0
    tl, tw = 23.0 * (1.0 - 0.3 * curl), 10.0
    pts += [(bx + ux * 4 + vx * tw / 2, by + uy * 4 + vy * tw / 2, 1),
            (bx + ux * (tl - tw / 2) + vx * tw / 2, by + uy * (tl - tw / 2) + vy * tw / 2),
            (bx + ux * tl, by + uy * tl),
            (bx + ux * (tl - tw / 2) - vx * tw / 2, by + uy * (tl - tw / 2) - vy * tw / 2),
            (bx - vx * tw / 2, by - vy * tw / 2)]
    pts.append((0.0, -12.0, 1))
    return pts


def draw_open_hand(p: Painter, at: Pt, angle: float, scale: float, skin: Color, shade: Color,
                   line: Color, mirror: bool = False, spread: float = 1.0,
                   curl: float = 0.0) -> None:
    """An open hand with its wrist at `at`, fingers pointing along `angle` (degrees)."""
    outline = spline(place(open_hand_pts(spread, curl), at, angle, scale, mirror), steps=8)
    palm_shade = spline(place([(-2, 4), (26, 8), (30, 18), (-2, 18)], at, angle, scale, mirror))
    p.part(outline, skin, line, 2.0, [(palm_shade, shade)])
    # knuckle creases where each finger leaves the palm
    for i, (bx, by, _ln, w) in enumerate(FINGERS[:-1]):
        nb = FINGERS[i + 1]
        gx, gy = (bx + nb[0]) / 2 + 1.5, (by - w / 2 + nb[1] + nb[3] / 2) / 2
        seg = place([(gx, gy), (gx - 7, gy)], at, angle, scale, mirror)
        p.stroke(seg, mix(line, skin, 0.35), 1.3)


def draw_fist(p: Painter, at: Pt, angle: float, scale: float, skin: Color, shade: Color,
              line: Color, mirror: bool = False) -> None:
    """A clenched fist seen from the front (curled fingers and the thumb across them),
    wrist at `at`, knuckles pointing along `angle` (degrees)."""
    body = [(0, -12, 1), (10, -17), (26, -19), (38, -16), (43, -6), (43, 6), (39, 15),
            (26, 19), (10, 17), (0, 12, 1)]
    p.part(spline(place(body, at, angle, scale, mirror)), skin, line, 2.0,
           [(spline(place([(-4, 6), (44, 8), (44, 24), (-4, 24)], at, angle, scale, mirror)),
             shade)])
    # the four curled fingers: rounded rolls stacked across the front
    for i in range(4):
        y0 = -15.0 + i * 8.4
        roll = [(22, y0 + 0.5, 1), (38, y0 - 0.5), (45, y0 + 4.2), (38, y0 + 8.9),
                (22, y0 + 8.4, 1)]
        p.part(spline(place(roll, at, angle, scale, mirror)), skin, line, 1.5,
               [(spline(place([(20, y0 + 5.5), (48, y0 + 5.5), (48, y0 + 10), (20, y0 + 10)],
                              at, angle, scale, mirror)), shade)])
    # the thumb, folded across the first two fingers
    thumb = [(10, -19, 1), (22, -21), (30, -16), (31, -4), (29, 5), (24, 7), (21, -2),
             (14, -12, 1)]
    p.part(spline(place(thumb, at, angle, scale, mirror)), skin, line, 1.7,
           [(spline(place([(18, 0), (34, 0), (34, 8), (18, 8)], at, angle, scale, mirror)),
             shade)])
    p.stroke(place([(27, 1), (24, 2)], at, angle, scale, mirror), mix(line, skin, 0.4), 1.2)
