"""`renpy.input`'s question over the game: the prompt, the line being typed and a caret.
Return enters it; Backspace takes a character back. While it is open, a key that types a
character types it (the keymap's letters, S for a screenshot or F for fullscreen, wait
until it closes); the window's other keys still work: F11 and Alt+Enter (fullscreen),
Alt+S (screenshot), as Ren'Py's input allows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from engine.present.screen import Host, Screen
from engine.screens.confirm import framed_question
from engine.script.code_steps import filter_text

PANEL = (240, 230, 800, 260)
PROMPT_PX, TEXT_PX, LINE_STEP = 24, 30, 34


class TextEntryScreen(Screen):
    name = "text-entry"

    def __init__(self, host: Host, prompt: str, default: str, length: int,
                 allow: str | None, exclude: str, on_done: Callable[[str], Any]) -> None:
        super().__init__(host)
        self.prompt = prompt
        self.text = filter_text(default, allow, exclude, length)
        self.length, self.allow, self.exclude = length, allow, exclude
        self.on_done = on_done
        self.blink = 0

    def enter(self) -> None:
        pygame.key.start_text_input()

    def leave(self) -> None:
        pygame.key.stop_text_input()

    def type(self, text: str) -> None:
        """Characters typed (a TEXTINPUT event, or a test)."""
        self.text = filter_text(self.text + text, self.allow, self.exclude, self.length)
        self.host.redraw()

    def typed(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            self.type(event.text)
            return True
        if event.type != pygame.KEYDOWN:
            return False
        command = bool(event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META))
        if event.key == pygame.K_BACKSPACE:
            self.text = self.text[:-1]
            self.host.redraw()
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and not command:
            self.done()
        else:
            # A key that types a character is typing (its TEXTINPUT brings the text);
            # any other goes to the keymap, whose window actions (fullscreen, screenshot,
            # …) the app runs and whose others this screen's `action` passes over.
            char = getattr(event, "unicode", "") or pygame.key.name(event.key)
            return not command and len(char) == 1 and char.isprintable()
        return True

    def action(self, name: str, pos: Any = None, n: int = 0) -> None:
        if name == "activate":  # a pad's A button, or a test's key press
            self.done()

    def done(self) -> None:
        self.host.pop(self)
        self.on_done(self.text)

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        framed_question(host, target, PANEL, self.prompt, PROMPT_PX, LINE_STEP,
                        lambda n: PANEL[1] + 50)
        caret = "_" if int(now * 2) % 2 == 0 else " "
        p.shadowed(target, self.text + caret, vp.px(TEXT_PX),
                   vp.to_window(640, PANEL[1] + PANEL[3] - 60), host.palette.accent,
                   anchor="center")

    def deadline(self, now: float) -> float | None:
        return (int(now * 2) + 1) / 2  # the caret blinks

    def update(self, now: float) -> bool:
        blink = int(now * 2) % 2
        changed, self.blink = blink != self.blink, blink
        return changed

    def status(self) -> dict[str, Any]:
        return {"text": f"{self.prompt}\n{self.text}", "prompt": self.prompt,
                "typed": self.text, "ready": True}
