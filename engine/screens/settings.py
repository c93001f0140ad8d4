"""The settings screen: one row a setting, each a set of choices or a bar, like Ren'Py's
preferences. Every change is written to settings.json and applied at once.

Keys: Up/Down pick a row, Left/Right change it, Enter steps a choice (or presses Back),
Escape closes. Mouse: click a choice or a point on a bar; the wheel moves between rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from engine.playthrough import auto_forward_delay
from engine.present.persist import TEXT_SIZES, TEXT_SPEEDS
from engine.present.screen import Host, Pos, Screen
from engine.present.ui import DIM_TEXT, TEXT, _lift

PANEL = (140, 84, 1000, 604)
ROW_Y, ROW_H, ROW_GAP = 94, 38, 4
LABEL_X, CONTROL_X, CONTROL_W = 170, 540, 570
BAR_W = 380
OFF_ON = ((False, "Off"), (True, "On"))
SPEED_NAMES = {20: "Slow", 40: "Normal", 70: "Fast", 120: "Very fast", 0: "Instant"}


@dataclass(frozen=True)
class Row:
    key: str  # the settings.json key; "" for the Back button
    label: str
    choices: tuple[tuple[Any, str], ...] = ()  # empty: a bar
    low: float = 0.0
    high: float = 1.0
    step: float = 0.1


ROWS = (
    Row("text_cps", "Text speed", tuple((v, SPEED_NAMES[v]) for v in TEXT_SPEEDS)),
    Row("auto_delay", "Auto-forward time", low=1.0, high=30.0, step=1.0),
    Row("music_volume", "Music volume"),
    Row("ambient_volume", "Ambience volume"),
    Row("sound_volume", "Sound volume"),
    Row("fullscreen", "Display", ((False, "Window"), (True, "Fullscreen"))),
    Row("skip_unread", "Skip", ((False, "Read text only"), (True, "All text"))),
    Row("box_opacity", "Dialogue box opacity", step=0.05),
    Row("text_size", "Text size", tuple(zip(TEXT_SIZES, ("Small", "Normal", "Large",
                                                          "Larger"), strict=True))),
    Row("reduce_motion", "Reduce motion", OFF_ON),
    Row("high_contrast", "High-contrast text box", OFF_ON),
    Row("readable_font", "Readable font", OFF_ON),
    Row("self_voicing", "Self-voicing", OFF_ON),
    Row("", "Back"),
)


def row_rect(i: int) -> tuple[float, float, float, float]:
    return (PANEL[0] + 14, ROW_Y + i * (ROW_H + ROW_GAP), PANEL[2] - 28, ROW_H)


def value_text(row: Row, settings: dict[str, Any]) -> str:
    value = settings.get(row.key)
    for v, label in row.choices:
        if v == value:
            return label
    if row.key == "auto_delay":
        return f"{auto_forward_delay(settings, 60):.1f} s a line"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{round(value * 100)}%"
    return str(value)


class SettingsScreen(Screen):
    name = "settings"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.focus = 0

    # --- changing values -------------------------------------------------------------

    def set(self, row: Row, value: Any) -> None:
        host, s = self.host, self.host.data.settings
        if row.key == "fullscreen":
            if bool(value) != bool(s["fullscreen"]):
                host.toggle_fullscreen()  # flips the setting and saves it
        else:
            if not row.choices:
                value = round(min(row.high, max(row.low, value)) / row.step) * row.step
                value = round(value, 2)
            s[row.key] = value
            host.data.save_settings()
        host.apply_settings()

    def step(self, row: Row, direction: int) -> None:
        s = self.host.data.settings
        if row.choices:
            values = [v for v, _ in row.choices]
            cur = values.index(s[row.key]) if s[row.key] in values else 0
            self.set(row, values[(cur + direction) % len(values)])
        elif row.key:
            self.set(row, float(s[row.key]) + direction * row.step)

    def back(self) -> None:
        self.host.data.save_settings()
        self.host.pop(self)

    # --- input -----------------------------------------------------------------------

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        row = ROWS[self.focus]
        if name in ("up", "rollback"):
            self.focus = (self.focus - 1) % len(ROWS)
        elif name in ("down", "rollforward"):
            self.focus = (self.focus + 1) % len(ROWS)
        elif name in ("left", "right") and row.key:
            self.step(row, 1 if name == "right" else -1)
        elif name in ("activate", "advance") and pos is None:
            if row.key:
                self.step(row, 1)
            else:
                self.back()
        elif name == "click" and pos is not None:
            self.click(pos)
        elif name in ("back", "hide"):
            self.back()
        self.host.redraw()

    def click(self, pos: Pos) -> None:
        vp = self.host.vp
        for i, row in enumerate(ROWS):
            if not vp.crect(*row_rect(i)).collidepoint(pos):
                continue
            self.focus = i
            if not row.key:
                self.back()
                return
            x, _ = vp.to_canvas(*pos)
            if row.choices:
                for (value, _), seg in zip(row.choices, self.segments(row), strict=True):
                    if seg[0] <= x < seg[0] + seg[2]:
                        self.set(row, value)
            elif CONTROL_X - 10 <= x <= CONTROL_X + BAR_W + 10:
                frac = min(1.0, max(0.0, (x - CONTROL_X) / BAR_W))
                self.set(row, row.low + frac * (row.high - row.low))
            return

    def hover(self, pos: Pos) -> bool:
        for i in range(len(ROWS)):
            if self.host.vp.crect(*row_rect(i)).collidepoint(pos):
                changed = i != self.focus
                self.focus = i
                return changed
        return False

    # --- drawing ---------------------------------------------------------------------

    @staticmethod
    def segments(row: Row) -> list[tuple[float, float, float, float]]:
        n = len(row.choices)
        w = min(CONTROL_W / n, 170)
        return [(CONTROL_X + k * w, 0, w - 8, ROW_H - 8) for k in range(n)]

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        pal = host.palette
        s = host.data.settings
        panel = vp.crect(*PANEL)
        target.blit(p.box(panel.size, pal.box, 236, vp.px(18)), panel)
        p.shadowed(target, "Settings", vp.px(32), vp.to_window(PANEL[0] + 4, 40), TEXT,
                   bold=True)
        small = vp.px(17)
        for i, row in enumerate(ROWS):
            x, y, w, h = row_rect(i)
            r = vp.crect(x, y, w, h)
            focused = i == self.focus
            if focused:
                target.blit(p.box(r.size, _lift(pal.box, 0.14), 240, vp.px(10), pal.accent,
                                  max(1, vp.px(2))), r)
            if not row.key:
                label = p.text(row.label, vp.px(20), TEXT, bold=focused)
                target.blit(label, label.get_rect(center=r.center))
                continue
            label = p.text(row.label, vp.px(19), TEXT if focused else DIM_TEXT, bold=focused)
            target.blit(label, label.get_rect(midleft=(vp.to_window(LABEL_X, 0)[0],
                                                      r.centery)))
            if row.choices:
                for (value, name), seg in zip(row.choices, self.segments(row), strict=True):
                    sr = vp.crect(seg[0], y + 4, seg[2], seg[3])
                    on = s.get(row.key) == value
                    if on:
                        target.blit(p.box(sr.size, _lift(pal.box, 0.3), 255, vp.px(8),
                                          pal.accent, max(1, vp.px(2))), sr)
                    else:
                        target.blit(p.box(sr.size, _lift(pal.box, 0.08), 200, vp.px(8)), sr)
                    text = p.text(name, small, (255, 255, 255) if on else DIM_TEXT, bold=on)
                    target.blit(text, text.get_rect(center=sr.center))
            else:
                frac = (float(s[row.key]) - row.low) / (row.high - row.low)
                track = vp.crect(CONTROL_X, y + h / 2 - 4, BAR_W, 8)
                target.blit(p.box(track.size, (8, 8, 16), 200, vp.px(4)), track)
                fill = track.copy()
                fill.width = max(1, round(track.width * frac))
                target.blit(p.box(fill.size, pal.accent, 255, vp.px(4)), fill)
                knob = vp.crect(CONTROL_X + BAR_W * frac - 7, y + h / 2 - 11, 14, 22)
                target.blit(p.box(knob.size, (255, 255, 255), 255, vp.px(5)), knob)
                text = p.text(value_text(row, s), small, TEXT)
                target.blit(text, text.get_rect(midleft=(vp.to_window(
                    CONTROL_X + BAR_W + 24, 0)[0], r.centery)))
        hint = "Arrow keys or mouse: change · Enter: next · Esc: back"
        p.shadowed(target, hint, vp.px(15), vp.to_window(640, 700), DIM_TEXT,
                   anchor="center")

    def focus_text(self) -> str:
        """What self-voicing reads: the focused row and its value."""
        row = ROWS[self.focus]
        return f"{row.label}: {value_text(row, self.host.data.settings)}" if row.key \
            else row.label

    def status(self) -> dict[str, Any]:
        s = self.host.data.settings
        lines = [f"{row.label}: {value_text(row, s)}" if row.key else row.label
                 for row in ROWS]
        return {"text": "\n".join(lines), "ready": True, "focus": ROWS[self.focus].label,
                "buttons_at": {row.label: row_rect(i) for i, row in enumerate(ROWS)}}
