"""The Extras screen's Music page, Ren'Py's music room: the score's tracks (assets/music/
*.ogg), the ones the player has heard in the story by name, "???" for the rest.

Keys and the D-pad: Up/Down move through the tracks and, below them, the Play, Stop and
Next buttons (Left/Right along those); Enter or pad A plays the focused track (stops it
when it is the one playing) or presses the button. The mouse clicks a track or a button.
The track playing is marked. Leaving the page gives the title its own music back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from engine.present.screen import Host, Pos
from engine.present.ui import DIM_TEXT, TEXT, _lift

# Titles for the score's file names; any other file's name is made readable.
TITLES = {
    "title": "Title Theme", "night_road": "The Road Out", "confession": "I Love You So Much",
    "leaving": "The Road, Together", "dawn": "Dawn at the Gate", "hospital": "The Room",
    "ending_together": "Someone to Want Me", "ending_alone": "Alone",
    "ending_thank_you": "Thank You", "ending_go_home": "Go Home and Sleep",
}
ORDER = tuple(TITLES)  # the score's order; other files follow by name
LOCKED = "???"
LIST_X, LIST_Y, ROW_W, ROW_H, ROW_GAP = 200, 178, 880, 38, 4
BUTTONS = ("Play", "Stop", "Next")
BUTTON_Y, BUTTON_W, BUTTON_H, BUTTON_STEP = 628, 150, 40, 170


@dataclass(frozen=True)
class Track:
    file: str  # below assets/: "music/title.ogg"
    title: str
    heard: bool


def readable(stem: str) -> str:
    return TITLES.get(stem) or " ".join(w.capitalize() for w in stem.split("_") if w)


def scan_tracks(game_dir: Path, heard: Any) -> list[Track]:
    """Every assets/music/*.ogg in the score's order, with whether `heard(name)`."""
    folder = game_dir / "assets" / "music"
    stems = sorted((p.stem for p in folder.glob("*.ogg") if p.is_file()),
                   key=lambda s: (ORDER.index(s) if s in ORDER else len(ORDER), s))
    return [Track(f"music/{s}.ogg", readable(s), bool(heard(f"music/{s}.ogg")))
            for s in stems]


class MusicRoom:
    """The page's state and drawing; the Extras screen hands it input while it shows."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.tracks = scan_tracks(host.stage_view.game_dir, host.data.heard_music)
        self.focus = 0  # a track, or len(tracks) + k for button k
        self.played = False  # the title's music must come back when the page is left
        self.chosen = 0  # the track played last: what Play plays again

    @property
    def items(self) -> int:
        return len(self.tracks) + len(BUTTONS)

    def playing(self) -> str | None:
        return self.host.audio.current_music() if self.host.audio_ready else None

    # --- doing -----------------------------------------------------------------------------

    def play(self, i: int) -> str:
        track = self.tracks[i]
        if not track.heard:
            return "Not heard yet: it stays locked until the story plays it."
        if self.playing() == track.file:
            self.stop()
            return ""
        # The tracks heard, from this one on, round and round.
        heard = [t.file for t in self.tracks if t.heard]
        k = heard.index(track.file)
        self.host.audio.play_music(heard[k:] + heard[:k], loop=True)
        self.played, self.chosen = True, i
        return ""

    def stop(self) -> None:
        self.host.audio.stop_music(0.4)
        self.played = True

    def next(self) -> str:
        heard = [i for i, t in enumerate(self.tracks) if t.heard]
        if not heard:
            return "No music heard yet."
        now = self.playing()
        at = next((i for i, t in enumerate(self.tracks) if t.file == now), -1)
        return self.play(next((i for i in heard if i > at), heard[0]))

    def press(self, item: int) -> str:
        if item < len(self.tracks):
            return self.play(item)
        button = BUTTONS[item - len(self.tracks)]
        if button == "Stop":
            self.stop()
            return ""
        if button == "Play":
            if self.playing() is not None or not self.tracks:
                return ""
            return self.play(self.chosen)
        return self.next()

    def leave(self) -> None:
        if self.played:
            self.played = False
            self.host.title_music()

    # --- input -----------------------------------------------------------------------------

    def move(self, name: str) -> bool:
        """Up/Down/Left/Right; False when Up leaves the list for the tabs."""
        n = len(self.tracks)
        if name == "up":
            if self.focus == 0 or (self.focus >= n and n == 0):
                return False
            self.focus = n - 1 if self.focus >= n else self.focus - 1
        elif name == "down":
            self.focus = min(self.focus + 1, self.items - 1) if self.focus < n else self.focus
        elif self.focus >= n:
            k = (self.focus - n + (1 if name == "right" else -1)) % len(BUTTONS)
            self.focus = n + k
        return True

    def row_rect(self, i: int) -> tuple[float, float, float, float]:
        # More tracks than fit above the buttons: the rows grow thinner to keep them all.
        step = min(ROW_H + ROW_GAP, (BUTTON_Y - 14 - LIST_Y) / max(1, len(self.tracks)))
        return (LIST_X, LIST_Y + i * step, ROW_W, step - ROW_GAP)

    def button_rect(self, k: int) -> tuple[float, float, float, float]:
        x0 = 640 - (len(BUTTONS) * BUTTON_STEP - (BUTTON_STEP - BUTTON_W)) / 2
        return (x0 + k * BUTTON_STEP, BUTTON_Y, BUTTON_W, BUTTON_H)

    def rect(self, item: int) -> tuple[float, float, float, float]:
        n = len(self.tracks)
        return self.row_rect(item) if item < n else self.button_rect(item - n)

    def at(self, pos: Pos) -> int | None:
        vp = self.host.vp
        return next((i for i in range(self.items) if vp.crect(*self.rect(i)).collidepoint(pos)),
                    None)

    # --- drawing ---------------------------------------------------------------------------

    def draw(self, target: pygame.Surface, focused: bool) -> None:
        vp, p, pal = self.host.vp, self.host.painter, self.host.title_palette
        now = self.playing()
        n = len(self.tracks)
        for i in range(self.items):
            r = vp.crect(*self.rect(i))
            on = focused and i == self.focus
            if i < n:
                track = self.tracks[i]
                playing = track.file == now
                # The focus has the frame; the track playing, the accent colour and a mark.
                fill = _lift(pal.box, 0.24 if on else 0.05)
                border = pal.accent if on else None
                target.blit(p.box(r.size, fill, 235, vp.px(9), border, max(2, vp.px(2))), r)
                color = (pal.accent if playing else (255, 255, 255) if on
                         else TEXT if track.heard else DIM_TEXT)
                if playing:  # a drawn "play" triangle: the fonts have no such glyph
                    x, y, s = r.x + vp.px(18), r.centery, vp.px(8)
                    pygame.draw.polygon(target, pal.accent, [(x, y - s), (x, y + s),
                                                             (x + round(s * 1.6), y)])
                else:
                    num = p.text(f"{i + 1}.", vp.px(18), DIM_TEXT, bold=True)
                    target.blit(num, num.get_rect(midleft=(r.x + vp.px(16), r.centery)))
                title = p.text(track.title if track.heard else LOCKED, vp.px(20), color,
                               bold=on or playing)
                target.blit(title, title.get_rect(midleft=(r.x + vp.px(58), r.centery)))
                if playing:
                    tag = p.text("playing", vp.px(16), pal.accent)
                    target.blit(tag, tag.get_rect(midright=(r.right - vp.px(16), r.centery)))
            else:
                fill = _lift(pal.box, 0.22 if on else 0.08)
                target.blit(p.box(r.size, fill, 240, vp.px(10), pal.accent if on else None,
                                  max(2, vp.px(2))), r)
                label = p.text(BUTTONS[i - n], vp.px(20), (255, 255, 255) if on else TEXT,
                               bold=on)
                target.blit(label, label.get_rect(center=r.center))

    def words(self, item: int) -> str:
        n = len(self.tracks)
        if item >= n:
            return BUTTONS[item - n]
        t = self.tracks[item]
        name = t.title if t.heard else f"{LOCKED}, not heard yet"
        return f"{name}, playing" if t.file == self.playing() else name
