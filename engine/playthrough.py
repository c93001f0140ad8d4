"""One playthrough, without pygame: the story plus everything a player's session keeps
around it — rollback, history, read marks, the skip and auto-forward rules, when to
auto-save, and what a save holds.

It plays the part Yarn Spinner's `Dialogue` plays over its virtual machine: the game
screen is a view and an input layer over it, so saves, rollback and the rules of skipping
can be tested without a window.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol

from engine import saves
from engine.rollback import Rollback
from engine.script import End, Menu, Nvl, Pause, Say, StageChange, Story, Window, With
from engine.script.program import Program
from engine.script.text import strip_tags
from engine.stage import describe

log = logging.getLogger("roadout")

HISTORY_KEEP = 1000  # lines kept in memory; the history screen and a save show the last 200
SAVED_HISTORY = 200
SKIP_DELAY = 0.05  # seconds a skipped line stays on screen (Ren'Py: 75 ms)
# Ren'Py's auto-forward: wait auto_delay * (characters + AUTO_BONUS) / AUTO_CHARS seconds.
AUTO_CHARS, AUTO_BONUS = 250, 25
CHOICE_KEY_MAX = 190  # persistent data keeps names under 200 characters


def auto_forward_delay(settings: dict[str, Any], characters: int) -> float:
    """Seconds a fully shown line of `characters` stays before auto-forward moves on."""
    return float(settings["auto_delay"]) * (characters + AUTO_BONUS) / AUTO_CHARS


class Memory(Protocol):
    """What the player's data remembers across playthroughs (engine/present/persist.py's
    DataStore, or a dict-backed stand-in in tests)."""

    settings: dict[str, Any]

    def is_read(self, fingerprint: str) -> bool: ...

    def mark_read(self, fingerprint: str) -> None: ...

    def record_ending(self, name: str) -> None: ...


class Progress(Protocol):
    """The route map's record of menus reached and choices taken."""

    def record_menu(self, fingerprint: str, story: Story) -> None: ...

    def record_choice(self, fingerprint: str, option: int) -> None: ...


def choice_key(program: Program, menu: Menu, text: str) -> str:
    """A choice's identity across playthroughs (Ren'Py's "chosen"): the scene file, the
    label of its menu and the option's words, so edits elsewhere in the scenes keep it."""
    i = program.by_fp.get(menu.fingerprint)
    label = program.statements[i].label if i is not None else None
    where = menu.loc.file.replace("\\", "/").rsplit("/", 1)[-1]
    return " ".join(f"{where}:{label or ''}:{strip_tags(text)}".split())[:CHOICE_KEY_MAX]


def ending_name(end: End | None) -> str:
    return end.ending if end is not None and end.ending else "The End"


@dataclass
class Loaded:
    """A playthrough made from a save, with what the screen must know to show it."""

    play: Playthrough
    notices: list[str]
    replay: bool  # the saved line is the rollback log's last entry: show it, not record it


class Playthrough:
    """Drives a Story for a screen and keeps the session's books."""

    def __init__(self, story: Story, memory: Memory, progress: Progress | None = None
                 ) -> None:
        self.story = story
        self.memory = memory
        self.progress = progress
        self.rollback = Rollback()
        self.history: list[dict[str, Any]] = []
        self.history_base = 0  # lines dropped from the front of `history`
        self.say: Say | None = None  # the line in the box (a menu's prompt included)
        self.menu: Menu | None = None
        self.ending: End | None = None
        self.replaying = False  # the next line re-shows a rollback entry: do not record it
        self.shown_again = False  # the line on screen re-shows a rollback entry
        self.at_entry = False  # what is on screen is rollback.past[-1]
        self.autosave_pending = False  # a scene began: auto-save with its first line
        self.autosave_due = False  # the screen should write the auto-save slot now
        self.skip_say: str | None = None  # a line already shown before a reload
        self.skipping = False
        self.skip_held = False  # Ctrl held (Ren'Py's keymap)
        self.auto = False
        self.line_read = False  # the line on screen had been read before it was shown
        # Steps the player has taken (lines shown, choices made, rollbacks) and how many of
        # them the last save holds: leaving with more asks first, as Ren'Py does.
        self.moves = 0
        self.saved_moves = 0

    # --- the story's events --------------------------------------------------------------

    def next(self) -> Any:
        """The story's next event, with the books kept; None for an event the screen must
        not show (a line already shown before a reload). Raises ScriptError."""
        self.at_entry = False
        event = self.story.next()
        if isinstance(event, Say) and event.fingerprint == self.skip_say:
            self.skip_say = None
            return None
        if isinstance(event, Say):
            self.menu = None
            self._line(event)
            self.remember(event)
        elif isinstance(event, Menu):
            self.menu = event
            self.skipping = False  # a choice is the player's to make: skipping stops here
            if event.prompt is not None:
                self._line(event.prompt)
            else:
                self.say = None
            self.memory.mark_read(event.fingerprint)
            self.remember(event)
            if self.progress is not None:
                self.progress.record_menu(event.fingerprint, self.story)
        elif isinstance(event, (StageChange, With, Pause, Window, Nvl)):
            self.say = None
            if isinstance(event, StageChange) and event.kind == "scene":
                self.autosave_pending = True  # written with the scene's first line
        elif isinstance(event, End):
            self.say = None
            self.ending = event
            self.memory.record_ending(ending_name(event))
        return event

    def _line(self, say: Say) -> None:
        self.say = say
        self.line_read = self.memory.is_read(say.fingerprint)
        if self.skip_active() and not self.can_skip():
            self.skipping = False  # Ren'Py's skip stops at the first unread line

    def choose(self, i: int) -> None:
        menu = self.menu
        if menu is not None and 0 <= i < len(menu.choices) and self.progress is not None:
            self.progress.record_choice(menu.fingerprint, menu.choices[i].index)
        self.menu = None
        self.story.choose(i)
        self.moves += 1

    def line_shown(self) -> None:
        """The line in the box has been shown in full: it counts as read (what skip goes
        by)."""
        if self.say is not None:
            self.memory.mark_read(self.say.fingerprint)

    # --- history, rollback and the auto-save ---------------------------------------------

    def remember(self, event: Say | Menu) -> None:
        """A line or menu is on screen: into the history, the rollback log and, at menus
        and the first line of a scene, the auto-save slot."""
        say = event if isinstance(event, Say) else event.prompt
        count = self.history_base + len(self.history)
        if say is not None:
            if say.prior and self.history:
                # An extend: the joined line takes the place of the one it continues
                # (the rollback entry's count keeps it, so a step back re-shows it joined).
                self.history.pop()
            self.history.append({"who": say.who, "text": strip_tags(say.text),
                                 "color": say.color})
            if len(self.history) > HISTORY_KEEP:
                drop = len(self.history) - HISTORY_KEEP
                del self.history[:drop]
                self.history_base += drop
        self.at_entry = True
        self.shown_again = self.replaying
        if self.replaying:
            self.replaying = False
            return
        self.rollback.record({"state": self.story.snapshot(), "history": count})
        self.moves += 1
        if isinstance(event, Menu) or self.autosave_pending:
            self.autosave_pending = False
            self.autosave_due = True

    def take_autosave(self) -> bool:
        """Whether the screen should write the auto-save now (asked once per event)."""
        due, self.autosave_due = self.autosave_due, False
        return due

    def roll(self, back: bool) -> list[str] | str | None:
        """One step of rollback (back) or roll-forward: the restore's notices, None when
        there is no step, or a message when the entry cannot be restored."""
        book = self.rollback
        if back and not self.at_entry and book.past:
            entry: dict[str, Any] | None = book.past[-1]  # a pause or the end: its line first
        else:
            entry = book.back() if back else book.forward()
        if entry is None:
            return None
        try:
            if "refused" in entry:  # a save's entry that savecheck would not restore
                raise ValueError(entry["refused"])
            notices = self.story.restore(entry["state"])
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            book.forward() if back else book.back()
            return f"Cannot roll back further: {exc}"
        count = entry.get("history", 0)
        keep = count - self.history_base if type(count) is int else len(self.history)
        if keep < len(self.history):
            del self.history[max(0, keep):]
        self.restored(notices)
        self.moves += 1
        return notices

    def restored(self, notices: list[str], replay: bool | None = None) -> None:
        """The story was restored: forget what was on screen. `replay`: the line about to
        show is the rollback log's last entry (by default, unless the restore moved it)."""
        self.say = self.menu = self.ending = None
        self.skipping = False
        self.skip_say = None
        self.replaying = not notices if replay is None else replay

    # --- skip and auto-forward -----------------------------------------------------------

    def skip_active(self) -> bool:
        return self.skipping or self.skip_held

    def can_skip(self) -> bool:
        return self.line_read or bool(self.memory.settings["skip_unread"])

    def move_at(self, ready_at: float, characters: int) -> float | None:
        """When skip or auto-forward moves past a fully shown line that became ready at
        `ready_at`, if they will."""
        if self.skip_active():
            return ready_at + SKIP_DELAY if self.can_skip() else None
        if self.auto:
            return ready_at + auto_forward_delay(self.memory.settings, characters)
        return None

    def begin_skip(self, line_done: bool) -> None:
        """Skip was turned on: a line the player has already seen in full counts as read."""
        if line_done:
            self.line_read = True
        self.auto = False

    def toggle_skip(self, line_done: bool) -> None:
        self.skipping = not self.skipping
        if self.skipping:
            self.begin_skip(line_done)

    def toggle_auto(self) -> None:
        self.auto = not self.auto
        if self.auto:
            self.skipping = False

    def stop_modes(self) -> None:
        """Ren'Py: a click ends skipping and (afm_after_click off) auto-forward."""
        self.skipping = self.auto = False

    # --- saves ---------------------------------------------------------------------------

    def unsaved(self) -> bool:
        """Whether leaving now loses anything: a step taken since the last save (auto-save
        and quick save included). Nothing is lost once the story has ended."""
        return self.ending is None and self.moves != self.saved_moves

    def mark_saved(self) -> None:
        """A save of the playthrough as it is now was written."""
        self.saved_moves = self.moves

    def save_data(self, thumbnail: bytes) -> saves.SaveData:
        """What a save holds: the story's snapshot, the rollback log and the last lines of
        history (so a player can still step back after loading), the line on screen, a
        scene summary and the thumbnail."""
        story = self.story
        state = story.snapshot()
        if self.say is not None:
            who, text = self.say.who, strip_tags(self.say.text)
        elif self.history:
            who, text = self.history[-1].get("who"), str(self.history[-1].get("text", ""))
        else:
            who, text = None, ""
        stmt = story.current()
        # Rollback entries count history lines from the start of the playthrough; the save
        # keeps the last 200 lines, so the counts are rebased onto those.
        kept = self.history[-SAVED_HISTORY:]
        offset = self.history_base + len(self.history) - len(kept)
        rollback = [{"state": e["state"], "history": max(0, int(e.get("history", 0)) - offset)}
                    for e in self.rollback.to_json()]
        name = story.state.variables.get("save_name")
        return saves.SaveData(
            state=state, label=state.get("label"), line_who=who, line_text=text,
            scene=describe(story.stage), thumbnail=thumbnail,
            rollback=rollback, history=kept, source=stmt.source if stmt else "",
            description=name if isinstance(name, str) else "")

    @staticmethod
    def from_save(program: Program, memory: Memory, data: saves.SaveData,
                  progress: Progress | None = None, persistent: dict | None = None
                  ) -> Loaded:
        """A playthrough restored from a save. Raises ValueError for a state that cannot
        be restored."""
        story = Story(program, persistent)
        notices = story.restore(data.state)
        play = Playthrough(story, memory, progress)
        play.rollback = Rollback.from_json([_restorable(e) for e in data.rollback])
        play.history = [h for h in data.history if isinstance(h, dict)][-HISTORY_KEEP:]
        past = play.rollback.past
        # Saved on a line: it is the log's last entry, shown again rather than recorded twice.
        replay = not notices and bool(past) and isinstance(past[-1].get("state"), dict) \
            and past[-1]["state"].get("fp") == data.state.get("fp") \
            and past[-1]["state"].get("label") == data.state.get("label")
        if replay:
            keep = past[-1].get("history")
            if isinstance(keep, int) and 0 <= keep < len(play.history):
                del play.history[keep:]
        play.restored(notices, replay)
        return Loaded(play, notices, replay)

    def adopt(self, old: Playthrough) -> None:
        """After a reload of the scenes: keep the player's history and rollback log."""
        self.history, self.history_base = old.history, old.history_base
        self.rollback = old.rollback
        self.moves, self.saved_moves = old.moves, old.saved_moves  # unsaved stays unsaved


def _restorable(entry: Any) -> Any:
    """A save's rollback entry as the playthrough keeps it: one without a state or with a
    history count that is not a count stops rollback there, with a reason."""
    if not isinstance(entry, dict):
        return entry  # Rollback.from_json leaves it out
    count = entry.get("history", 0)
    if "state" in entry and type(count) is int and count >= 0:
        return entry
    return {"state": None, "history": 0, "refused": "the save's rollback entry is damaged"}
