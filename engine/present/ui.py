"""Drawing helpers shared by the screens: the palette, rounded translucent boxes, cached
text, and a focusable list of buttons (mouse, keys, number keys, gamepad)."""

from __future__ import annotations

import colorsys
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from engine.contrast import over as blend
from engine.contrast import ratio
from engine.textbox import Atom, Style
from engine.textbox import wrap as textwrap_lines

from .picture import Viewport
from .richtext import Fonts

TEXT = (238, 238, 246)
DIM_TEXT = (190, 190, 205)
CHOSEN_TEXT = (168, 166, 190)  # dimmer than TEXT, still over 6:1 on the darkest box


@dataclass(frozen=True)
class Palette:
    """Colours of the interface, taken from the scene behind it."""

    box: tuple[int, int, int] = (22, 20, 44)
    accent: tuple[int, int, int] = (170, 160, 230)
    box_alpha: int = 218

    @staticmethod
    def from_color(avg: tuple[int, int, int]) -> Palette:
        h, s, v = colorsys.rgb_to_hsv(*(c / 255 for c in avg[:3]))
        if v < 0.04 or s < 0.04:
            return Palette()  # black or grey has no hue to borrow: the night-blue default
        box = colorsys.hsv_to_rgb(h, min(0.55, s * 0.9 + 0.15), 0.16)
        accent = colorsys.hsv_to_rgb(h, min(0.45, s * 0.6 + 0.15), 0.92)
        return Palette(tuple(round(c * 255) for c in box),  # type: ignore[arg-type]
                       tuple(round(c * 255) for c in accent))  # type: ignore[arg-type]


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG contrast ratio of two colours (an alpha channel, if any, is ignored)."""
    return ratio(a[:3], b[:3])  # type: ignore[arg-type]


def over(top: tuple[int, int, int], alpha: int, under: tuple[int, int, int]
         ) -> tuple[int, int, int]:
    """`top` at opacity `alpha` (0..255, as pygame counts it) over `under`."""
    return blend(top[:3], alpha / 255, under[:3])  # type: ignore[arg-type]


class Painter:
    """Caches of rendered text and boxes, at the window's real resolution."""

    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self._text: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._boxes: OrderedDict[tuple, pygame.Surface] = OrderedDict()

    def clear(self) -> None:
        """Forget rendered text (the font changed)."""
        self._text.clear()

    def text(self, text: str, px: int, color: tuple[int, int, int], bold: bool = False,
             italic: bool = False) -> pygame.Surface:
        key = (text, px, color, bold, italic)
        surf = self._text.get(key)
        if surf is None:
            font = self.fonts.get(px, bold, italic)
            font.underline = font.strikethrough = False
            surf = font.render(text, True, color)
            self._text[key] = surf
            while len(self._text) > 256:
                self._text.popitem(last=False)
        return surf

    def box(self, size: tuple[int, int], color: tuple[int, int, int], alpha: int,
            radius: int, border: tuple[int, int, int] | None = None,
            border_w: int = 0) -> pygame.Surface:
        key = (size, color, alpha, radius, border, border_w)
        surf = self._boxes.get(key)
        if surf is None:
            surf = pygame.Surface(size, pygame.SRCALPHA)
            pygame.draw.rect(surf, (*color, alpha), surf.get_rect(), border_radius=radius)
            if border is not None and border_w > 0:
                pygame.draw.rect(surf, (*border, 255), surf.get_rect(), border_w,
                                 border_radius=radius)
            self._boxes[key] = surf
            while len(self._boxes) > 64:
                self._boxes.popitem(last=False)
        return surf

    def shadowed(self, target: pygame.Surface, text: str, px: int, pos: tuple[int, int],
                 color: tuple[int, int, int] = TEXT, bold: bool = False,
                 anchor: str = "topleft") -> pygame.Rect:
        surf = self.text(text, px, color, bold)
        shadow = self.text(text, px, (0, 0, 0), bold)
        rect = surf.get_rect(**{anchor: pos})
        off = max(1, px // 14)
        shadow.set_alpha(170)
        target.blit(shadow, rect.move(off, off))
        shadow.set_alpha(None)
        target.blit(surf, rect)
        return rect


@dataclass
class Button:
    label: str
    action: Callable[[], None]
    rect: tuple[float, float, float, float]  # canvas x, y, w, h
    enabled: bool = True
    chosen: bool = False  # a choice taken in an earlier playthrough (Ren'Py's "chosen")


@dataclass
class ButtonList:
    """Buttons that take the focus from the mouse, the arrow keys, the D-pad and 1–9."""

    buttons: list[Button] = field(default_factory=list)
    focus: int = -1
    numbers: bool = False  # number keys pick a button (choice menus)
    font_px: int = 26

    def at(self, vp: Viewport, pos: tuple[int, int]) -> int:
        for i, b in enumerate(self.buttons):
            if b.enabled and vp.crect(*b.rect).collidepoint(pos):
                return i
        return -1

    def hover(self, vp: Viewport, pos: tuple[int, int]) -> bool:
        i = self.at(vp, pos)
        if i >= 0 and i != self.focus:
            self.focus = i
            return True
        return False

    def click(self, vp: Viewport, pos: tuple[int, int]) -> bool:
        i = self.at(vp, pos)
        if i >= 0:
            self.focus = i
            self.buttons[i].action()
            return True
        return False

    def move(self, step: int) -> None:
        n = len(self.buttons)
        if not n:
            return
        i = self.focus if self.focus >= 0 else (-1 if step > 0 else n)
        for _ in range(n):
            i = (i + step) % n
            if self.buttons[i].enabled:
                self.focus = i
                return

    def activate(self) -> bool:
        if 0 <= self.focus < len(self.buttons) and self.buttons[self.focus].enabled:
            self.buttons[self.focus].action()
            return True
        return False

    def pick(self, n: int) -> bool:
        """Number key n (1-based)."""
        if self.numbers and 1 <= n <= len(self.buttons) and self.buttons[n - 1].enabled:
            self.focus = n - 1
            self.buttons[n - 1].action()
            return True
        return False

    def draw(self, target: pygame.Surface, vp: Viewport, painter: Painter, pal: Palette,
             align: str = "center") -> None:
        radius = vp.px(12)
        px = vp.px(self.font_px)
        for i, b in enumerate(self.buttons):
            r = vp.crect(*b.rect)
            focused = i == self.focus
            if focused:
                box = painter.box(r.size, _lift(pal.box, 0.16), 235, radius, pal.accent,
                                  max(2, vp.px(2)))
            else:
                box = painter.box(r.size, pal.box, 232, radius)
            target.blit(box, r)
            color = (255, 255, 255) if focused else (
                (130, 130, 140) if not b.enabled else CHOSEN_TEXT if b.chosen else TEXT)
            label = painter.text(b.label, px, color, bold=focused)
            if align == "left":
                dest = label.get_rect(midleft=(r.x + vp.px(22), r.centery))
            else:
                dest = label.get_rect(center=r.center)
            target.blit(label, dest)
            if b.chosen:
                _tick(target, vp, r, pal.accent if focused else CHOSEN_TEXT)


def _tick(target: pygame.Surface, vp: Viewport, r: pygame.Rect,
          color: tuple[int, int, int]) -> None:
    """A small tick at the right end of a button: chosen in an earlier playthrough."""
    s = vp.px(9)
    x, y = r.right - vp.px(30), r.centery
    pygame.draw.lines(target, color, False, [(x - s, y), (x - s // 3, y + s * 2 // 3),
                                             (x + s, y - s * 2 // 3)], max(2, vp.px(3)))


def _lift(c: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    return tuple(min(255, round(x + (255 - x) * amount)) for x in c)  # type: ignore[return-value]


def fit_text(font: pygame.font.Font, text: str, width: int) -> str:
    """Cut text to `width` pixels with an ellipsis."""
    if font.size(text)[0] <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid] + "…")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Plain text wrapped at `width` pixels in one font, by the dialogue's own word wrap
    (engine/textbox.py): at spaces, inside a word only when it is wider than a line."""
    plain = Style()
    atoms: list[Atom] = []
    for k, para in enumerate(text.split("\n")):
        atoms += (["\n"] if k else []) + ([(para, plain)] if para else [])
    lines = textwrap_lines(atoms, lambda word, _style: font.size(word)[0], width)
    return ["".join(word for word, _ in line).rstrip() for line in lines]
