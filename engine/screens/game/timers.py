"""What happens on the game screen as time passes: typing, transitions, timed pauses,
skip and auto-forward, {nw} lines, notices and the continue mark's blink."""

from __future__ import annotations

from typing import Any

import pygame

from engine.playthrough import Playthrough
from engine.present.quickmenu import Notice
from engine.present.richtext import Layout, Typewriter
from engine.present.screen import Host
from engine.present.sprite_times import SpriteTimes, timed
from engine.present.transitions import Transition
from engine.present.ui import ButtonList

from . import staging

FRAME = 1 / 60
BLINK_ON, BLINK_PERIOD = 0.6, 1.0


class GameTimers:
    host: Host
    play: Playthrough
    transition: Transition | None
    shown_stage: dict[str, Any]
    last_look: tuple | None = None  # the moving stage as last drawn (stage_changed)
    sprite_times: SpriteTimes
    layout: Layout | None
    typer: Typewriter | None
    choices: ButtonList | None
    pausing: bool
    pause_until: float | None
    ready_at: float
    blink_on: bool
    box_visible: bool
    ui_hidden: bool
    mark_rect: pygame.Rect | None
    notice: Notice

    def pump(self, now: float) -> None: ...
    def end_pause(self, now: float) -> None: ...
    def cut_transitions(self) -> bool: ...

    def line_waiting(self) -> bool:
        """A fully shown line waits for a click (what skip and auto move past)."""
        return (self.typer is not None and not self.typer.typing and self.choices is None
                and self.transition is None and not self.pausing
                and self.play.ending is None and not self.ui_hidden)

    def next_move(self) -> float | None:
        """When skip or auto-forward moves past the line on screen, if they will."""
        if not self.line_waiting() or self.layout is None:
            return None
        return self.play.move_at(self.ready_at, self.layout.length)

    def update(self, now: float) -> bool:
        changed = self.notice.update(now)
        changed = staging.update(self, now) or changed  # type: ignore[arg-type]
        move = self.next_move()
        if move is not None and now >= move:
            self.pump(now)
            return True
        if self.transition is not None and self.cut_transitions():
            self.transition = None  # skip began during a transition: cut to its end
            self.pump(now)
            return True
        if self.transition is not None and self.transition.finished(now):
            self.transition = None
            self.pump(now)
            changed = True
        elif self.transition is not None or self.stage_changed(now):
            changed = True
        if self.pausing and self.pause_until is not None and now >= self.pause_until:
            self.end_pause(now)
            changed = True
        if self.typer is not None:
            changed = self._type(now) or changed
        return changed

    def _type(self, now: float) -> Any:
        typer = self.typer
        assert typer is not None
        changed = False
        was_typing = typer.typing
        if typer.update(now):
            changed = True
        if was_typing and not typer.typing:
            self.ready_at = now
        if not typer.typing:
            self.play.line_shown()
        if typer.done and self.layout is not None and self.layout.no_wait \
                and self.choices is None:
            self.pump(now)  # {nw}: move on by itself
            return True
        if not typer.typing:
            blink = (now - self.ready_at) % BLINK_PERIOD < BLINK_ON
            if blink != self.blink_on:
                self.blink_on = blink
                if self.mark_rect is not None:
                    # Only the mark changes: send just its pixels to the screen.
                    self.host.redraw(self.mark_rect)
                else:
                    changed = True
        return changed

    def sprites_moving(self, now: float) -> bool:
        """A sprite's (or a camera's, or the scene image's) transforms still change the
        picture: draw every frame (idle once every one has finished)."""
        return bool(timed(self.shown_stage)) and self.host.stage_view.moving(
            self.shown_stage, self.host.vp, now, self.sprite_times)

    def stage_changed(self, now: float) -> bool:
        """The moving stage looks different from the last frame drawn: draw it. (A frame
        animation holding one picture through a long pause wakes the loop every frame
        but is drawn once.)"""
        look = self.host.stage_view.look(self.shown_stage, now, self.sprite_times) \
            if timed(self.shown_stage) else None
        changed = look is not None and look != self.last_look
        self.last_look = look
        return changed

    def deadline(self, now: float) -> float | None:
        times: list[float] = [t for t in (self.next_move(), self.notice.deadline())
                              if t is not None]
        if (self.transition is not None or getattr(self, "text_fade", None) is not None
                or self.sprites_moving(now)):
            times.append(now + FRAME)
        if self.pausing and self.pause_until is not None:
            times.append(self.pause_until)
        if self.typer is not None:
            d = self.typer.next_deadline(now)
            if d is not None:
                times.append(max(d, now + FRAME) if d > now else now)
            elif not self.ui_hidden and self.box_visible:
                phase = (now - self.ready_at) % BLINK_PERIOD
                times.append(now + ((BLINK_ON - phase) if phase < BLINK_ON
                                    else (BLINK_PERIOD - phase)) + 0.001)
        if self.host.stage_animated:
            times.append(now + 1 / 30)
        return min(times) if times else None
