"""The screen protocol: what a screen is, and the narrow Host it may use.

Screens live on one stack (Tuxemon's state manager, without its globals). A screen knows
only this module and the layers below it (pictures, text, audio, the player's data, the
story runtime): never the app that hosts it, nor another screen's class. It opens other
screens by name through the host, which looks them up in the registry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import pygame

from engine.clock import Clock
from engine.script import Program, ScriptError

from .audio import Audio
from .persist import DataStore
from .picture import StageView, Viewport
from .progress import RouteRecorder
from .richtext import Fonts
from .ui import Button, ButtonList, Painter, Palette

Pos = tuple[int, int]


class Host(Protocol):
    """All a screen may ask of the app."""

    vp: Viewport
    painter: Painter
    fonts: Fonts
    clock: Clock
    data: DataStore
    stage_view: StageView
    program: Program | None
    game_name: str
    palette: Palette
    title_palette: Palette
    stage_animated: bool  # the scene moves by itself: draw it every frame
    look: int  # bumped when a setting changes how text looks: layouts are redone
    instant: bool  # text at once and no transitions (shots)

    # the stack
    @property
    def top(self) -> Screen: ...
    @property
    def screens(self) -> tuple[Screen, ...]: ...
    def push(self, screen: Screen) -> None: ...
    def pop(self, screen: Screen) -> None: ...
    def open(self, name: str, **kw: Any) -> Screen: ...
    def replace(self, old: Screen, name: str, **kw: Any) -> Screen: ...
    def reset(self, name: str, **kw: Any) -> Screen: ...

    # services
    @property
    def audio(self) -> Audio: ...
    @property
    def audio_ready(self) -> bool: ...
    @property
    def data_dir(self) -> Path: ...
    session: dict[str, Any]
    @property
    def progress(self) -> RouteRecorder: ...
    def redraw(self, rect: pygame.Rect | None = None) -> None: ...
    def gui_picture(self, name: str) -> pygame.Surface: ...
    def backdrop(self, target: pygame.Surface) -> None: ...
    def box_look(self, pal: Palette) -> tuple[tuple[int, int, int], int]: ...
    def refresh_palette(self, stage: dict[str, Any]) -> None: ...
    def sync_music(self, stage: dict[str, Any]) -> None: ...
    def played(self, stage: dict[str, Any]) -> None: ...
    def title_music(self) -> None: ...
    def apply_settings(self) -> None: ...
    def toggle_fullscreen(self) -> None: ...
    def show_error(self, exc: ScriptError, resume: dict | None) -> None: ...
    def reload(self, resume: dict | None) -> None: ...
    def quit(self) -> None: ...


class Screen:
    """Something on the screen stack. Input arrives as actions (see engine/present/
    keymap.py): advance | activate | back | hide | up | down | left | right | number |
    click | rollback | rollforward | skip | auto | quicksave | quickload | delete | home |
    end."""

    name = "?"
    # The stack draws from the last opaque screen up; nothing beneath an opaque screen can
    # read through it. Every screen is opaque unless it says otherwise.
    opaque = True
    # The stack paints the host's backdrop (one themed picture for every overlay: game
    # menu, save/load, settings, ...) before this screen draws. A screen that covers the
    # window with its own picture (title, game) turns it off.
    backdrop = True

    def __init__(self, host: Host) -> None:
        self.host = host

    def enter(self) -> None:
        """Put on the stack."""

    def leave(self) -> None:
        """Taken off the stack."""

    def pause(self) -> None:
        """Another screen was put over this one."""

    def resume(self) -> None:
        """The screen over this one was taken away."""

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        """A player's action (a key, button or click through the keymap)."""

    def hover(self, pos: Pos) -> bool:
        """The mouse moved; True when that changes the picture."""
        return False

    def typed(self, event: pygame.event.Event) -> bool:
        """A key or text event, before the keymap sees it: True when this screen took it
        as typing (a text entry), so it is no command."""
        return False

    def update(self, now: float) -> bool:
        """Time passed; True when that changes the picture."""
        return False

    def deadline(self, now: float) -> float | None:
        """The next moment this screen changes by itself, if any."""
        return None

    def draw(self, target: pygame.Surface, now: float) -> None:
        pass

    def status(self) -> dict[str, Any]:
        """What a test sees of this screen."""
        return {}


class MenuScreen(Screen):
    """A screen made of one button list (title, game menu, error, confirm)."""

    buttons: ButtonList

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        b = self.buttons
        if name == "click" and pos is not None:
            b.click(self.host.vp, pos)
        elif name in ("up", "left"):
            b.move(-1)
        elif name in ("down", "right"):
            b.move(1)
        elif name in ("activate", "advance") and pos is None:
            b.activate()
        elif name == "number":
            b.pick(n)
        elif name in ("back", "hide") and self.backs_on_hide or name == "back":
            self.back()
        self.host.redraw()

    backs_on_hide = False

    def back(self) -> None:
        pass

    def hover(self, pos: Pos) -> bool:
        return self.buttons.hover(self.host.vp, pos)

    def status(self) -> dict[str, Any]:
        labels = [b.label for b in self.buttons.buttons]
        return {"buttons": labels, "text": "\n".join(labels), "ready": True,
                "buttons_at": {b.label: b.rect for b in self.buttons.buttons}}


def column(items: list[tuple[str, Any]], x: float, y: float, w: float, h: float,
           step: float, **kw: Any) -> ButtonList:
    """Buttons stacked down from (x, y), `step` apart."""
    return ButtonList([Button(label, act, (x, y + i * step, w, h))
                       for i, (label, act) in enumerate(items)], **kw)
