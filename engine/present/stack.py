"""The screen stack: screens put on and taken off, drawn from the last opaque one up,
updated and asked when they next change by themselves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from .screen import Screen


class ScreenStack:
    """The App's stack of screens (the App is also the screens' Host)."""

    stack: list[Screen]
    registry: dict[str, Callable[..., Screen]]
    dirty: bool
    window: pygame.Surface
    voicer: Any

    def backdrop(self, target: pygame.Surface) -> None:
        """The overlays' background (the App draws its themed picture)."""
        target.fill((0, 0, 0))

    def starting(self, name: str) -> None:
        """Every screen has gone and `name` comes next (the App resets music, palette)."""

    @property
    def screens(self) -> tuple[Screen, ...]:
        return tuple(self.stack)

    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def push(self, screen: Screen) -> None:
        if self.stack:
            self.stack[-1].pause()
        self.stack.append(screen)
        self.dirty = True
        screen.enter()

    def pop(self, screen: Screen) -> None:
        if screen in self.stack:
            was_top = screen is self.stack[-1]
            self.stack.remove(screen)
            screen.leave()
            if was_top and self.stack:
                self.stack[-1].resume()
        self.dirty = True

    def open(self, name: str, **kw: Any) -> Screen:
        screen = self.registry[name](self, **kw)
        self.push(screen)
        return screen

    def replace(self, old: Screen, name: str, **kw: Any) -> Screen:
        """`name` takes `old`'s place (the game menu gives way to what it opens)."""
        self.pop(old)
        return self.open(name, **kw)

    def reset(self, name: str, **kw: Any) -> Screen:
        """Every screen goes; `name` is the only one."""
        for screen in reversed(self.stack):
            screen.leave()
        self.stack = []
        self.starting(name)
        return self.open(name, **kw)

    def draw(self, now: float) -> None:
        target = self.window
        target.fill((0, 0, 0))
        # Draw from the last opaque screen up, so overlays sit on what they pause.
        start = 0
        for i, screen in enumerate(self.stack):
            if screen.opaque:
                start = i
        for screen in self.stack[start:]:
            if screen.backdrop:
                self.backdrop(target)
            screen.draw(target, now)
        self.voicer.draw(target)

    def update(self, now: float) -> None:
        for screen in list(self.stack):
            if screen in self.stack and screen.update(now):
                self.dirty = True

    def next_wake(self, now: float) -> float | None:
        times = [t for s in self.stack if (t := s.deadline(now)) is not None]
        message = self.voicer.message.deadline()  # voicing's own notice goes away too
        if message is not None:
            times.append(message)
        return min(times) if times else None
