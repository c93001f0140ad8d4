"""Self-voicing (V) and clipboard voicing (Shift+C), as Ren'Py has them.

The Voicer watches the screens once per loop turn instead of being called from each one:
a new line in the dialogue box, or a new focused button or menu option, is spoken (or put
on the clipboard). Screens therefore need no voicing code, and a screen added later (the
save screen, say) is read aloud as soon as it uses a ButtonList or offers `focus_text()`.

Test hooks, through the environment so the real game loop runs unchanged:
ROADOUT_FAKE_VOICE=FILE speaks into a RecordingVoice and keeps FILE a JSON list of what was
said; ROADOUT_FAKE_CLIPBOARD=FILE does the same for the clipboard; ROADOUT_NO_VOICE=1
behaves as a machine with no speech engine; ROADOUT_VOICE_TO_FILE=FILE.wav speaks through
espeak-ng into a WAV file instead of the sound card.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import pygame

from engine.voice import (
    NO_ENGINE,
    EspeakVoice,
    RecordingVoice,
    Voice,
    find_engine,
    line_to_speech,
    make_voice,
)

from .quickmenu import Notice
from .ui import TEXT

log = logging.getLogger("roadout")

TOAST_SECONDS = 4.0


class FileRecordingVoice(RecordingVoice):
    """A RecordingVoice that also keeps its list in a JSON file, for tests that run the
    game in another process."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._dump()

    def say(self, text: str) -> None:
        super().say(text)
        self._dump()

    def _dump(self) -> None:
        self.path.write_text(json.dumps(self.spoken, ensure_ascii=False), "utf-8")


class Clipboard:
    """The system clipboard through pygame-ce (SDL), or a JSON file for tests."""

    def __init__(self) -> None:
        fake = os.environ.get("ROADOUT_FAKE_CLIPBOARD")
        self.fake = FileRecordingVoice(Path(fake)) if fake else None

    def put(self, text: str) -> bool:
        if self.fake is not None:
            self.fake.say(text)
            return True
        try:
            import pygame.scrap

            if not pygame.scrap.get_init():
                pygame.scrap.init()
            pygame.scrap.put_text(text)
            return True
        except (pygame.error, ImportError, AttributeError) as exc:
            log.warning("clipboard not available: %s", exc)
            return False


def make_player_voice() -> tuple[Voice | None, str]:
    fake = os.environ.get("ROADOUT_FAKE_VOICE")
    if fake:
        return FileRecordingVoice(Path(fake)), "self-voicing on (recording)"
    if os.environ.get("ROADOUT_NO_VOICE") == "1":
        return None, NO_ENGINE
    wav = os.environ.get("ROADOUT_VOICE_TO_FILE")
    if wav:
        # The real engine, writing a WAV: tests on machines with no sound card.
        program = find_engine()
        if program is None:
            return None, NO_ENGINE
        return EspeakVoice(program, to_file=Path(wav)), "self-voicing on (to a file)"
    return make_voice()


class Voicer:
    """Reads the screen to the player. Call `tick()` once per loop turn."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.voice: Voice | None = None
        self.clipboard_on = False
        self.clipboard: Clipboard | None = None
        self.message = Notice()  # "Self-voicing on", drawn over every screen
        self._last_say: Any = None
        self._last_focus: tuple[int, str] | None = None
        self._last_ending: Any = None
        self._last_toast = ""
        self._last_notice = ""
        if app.data.settings.get("self_voicing"):
            self._ensure_voice(announce=False)

    @property
    def on(self) -> bool:
        return bool(self.app.data.settings.get("self_voicing")) and self.voice is not None

    # --- toggles -----------------------------------------------------------------------

    def _ensure_voice(self, announce: bool) -> bool:
        if self.voice is None:
            self.voice, message = make_player_voice()
            if self.voice is None:
                self.show(message)
                log.warning("%s", message)
                self.app.data.settings["self_voicing"] = False
                return False
            if announce:
                self.show(message)
        return True

    def toggle_self_voicing(self) -> None:
        s = self.app.data.settings
        if s.get("self_voicing"):
            self.speak("Self-voicing off")
            s["self_voicing"] = False
            self.show("Self-voicing off")
        else:
            s["self_voicing"] = True
            if not self._ensure_voice(announce=True):
                self.app.data.save_settings()
                return
            self.show("Self-voicing on")
            self._last_focus = None  # read what has the focus now
            self.speak("Self-voicing on. " + self.current_text(), force=True)
            self._last_say = self._current_say()
        self.app.data.save_settings()

    def set_self_voicing(self, value: bool) -> None:
        """For a settings row: the same as pressing V when the value differs."""
        if bool(self.app.data.settings.get("self_voicing")) != value or (
                value and self.voice is None):
            self.app.data.settings["self_voicing"] = not value
            self.toggle_self_voicing()

    def toggle_clipboard(self) -> None:
        self.clipboard_on = not self.clipboard_on
        if self.clipboard_on:
            self.clipboard = self.clipboard or Clipboard()
            self.show("Clipboard voicing on: each line is copied to the clipboard")
            say = self._current_say()
            if say is not None:
                self.clipboard.put(line_to_speech(say.who, say.text))
            self._last_say = say  # copied now: not again on the next turn
        else:
            self.show("Clipboard voicing off")

    # --- speaking ----------------------------------------------------------------------

    def speak(self, text: str, force: bool = False) -> None:
        if text and (force or self.on) and self.voice is not None:
            self.voice.say(text)

    def show(self, text: str) -> None:
        self.message.show(text, self.app.clock.now(), TOAST_SECONDS)
        self.app.redraw()

    def _current_say(self) -> Any:
        g = self.app.game()
        return g.say if g is not None and self.app.top is g else None

    def _focus(self) -> tuple[int, str] | None:
        """The top screen and what has its focus, as words."""
        top = self.app.top if self.app.screens else None
        if top is None:
            return None
        text = ""
        if hasattr(top, "focus_text"):
            text = top.focus_text()
        else:
            buttons = getattr(top, "choices", None) or getattr(top, "buttons", None)
            if buttons is not None and 0 <= buttons.focus < len(buttons.buttons):
                b = buttons.buttons[buttons.focus]
                text = b.label if b.enabled else f"{b.label} (not available)"
                if b.chosen:
                    text += " (chosen before)"
        return (id(top), text)

    def _notice(self) -> str:
        """A short on-screen notice of the top screen or the game ("Saved")."""
        top = self.app.top if self.app.screens else None
        notice = getattr(top, "notice", None)
        text = getattr(notice, "text", "")
        return text if isinstance(text, str) else ""

    def current_text(self) -> str:
        say = self._current_say()
        parts = [line_to_speech(say.who, say.text)] if say is not None else []
        focus = self._focus()
        if focus and focus[1]:
            parts.append(focus[1])
        return ". ".join(parts)

    def tick(self) -> None:
        now = self.app.clock.now()
        if self.message.update(now):
            self.app.redraw()
        if self.app.data.settings.get("self_voicing") and self.voice is None:
            # Turned on from the settings screen rather than with V.
            if not self._ensure_voice(announce=False):
                self.app.data.save_settings()
                return
            self.show("Self-voicing on")
            self._last_focus = None  # read what has the focus now
        if not (self.on or self.clipboard_on):
            return
        parts: list[str] = []
        say = self._current_say()
        if say is not None and say is not self._last_say:
            # An extend says only its added words: the start of the line was read.
            words = line_to_speech(None, say.added) if say.prior \
                else line_to_speech(say.who, say.text)
            parts.append(words)
            if self.clipboard_on and self.clipboard is not None:
                self.clipboard.put(words)
        self._last_say = say
        g = self.app.game()
        ending = g.ending if g is not None and self.app.top is g else None
        if ending is not None and ending is not self._last_ending:
            name = g.ending_name()  # type: ignore[union-attr]
            number = g.ending_title().partition("\n")[2]  # type: ignore[union-attr]
            parts.append("The End" if name == "The End" else
                         f"Ending: {name}" + (f", {number}" if number else ""))
        self._last_ending = ending
        focus = self._focus()
        if focus != self._last_focus:
            new_screen = focus is not None and (self._last_focus is None
                                                or focus[0] != self._last_focus[0])
            question = getattr(self.app.top, "question", "") if new_screen else ""
            if isinstance(question, str) and question:
                parts.append(question)  # a confirm screen: what is being asked
            if focus and focus[1]:
                parts.append(focus[1])
            self._last_focus = focus
        notice = self._notice()
        if notice and notice != self._last_notice:
            parts.append(notice)
        self._last_notice = notice
        # A screen's own short message ("Not reached yet", "No saves yet").
        toast = getattr(self.app.top, "toast", "") if self.app.screens else ""
        if toast and toast != self._last_toast:
            parts.append(toast)
        self._last_toast = toast
        if parts:
            self.speak(". ".join(parts))

    # --- drawing -----------------------------------------------------------------------

    def draw(self, target: pygame.Surface) -> None:
        if not self.message.text:
            return
        vp, p = self.app.vp, self.app.painter
        font = p.fonts.get(vp.px(20), False, False)
        w = min(vp.px(1160), font.size(self.message.text)[0] + vp.px(40))
        r = pygame.Rect(0, 0, w, vp.px(46))
        r.midtop = vp.to_window(640, 18)
        target.blit(p.box(r.size, (8, 8, 16), 240, vp.px(12), (255, 220, 140),
                          max(2, vp.px(2))), r)
        surf = p.text(self.message.text, vp.px(20), TEXT)
        target.blit(surf, surf.get_rect(center=r.center))

    def status(self) -> dict[str, Any]:
        return {"voicing_toast": self.message.text}
