"""The game screen: it asks the playthrough for the story's events and shows them —
lines, choices, pictures with their transitions, pauses and the ending card."""

from __future__ import annotations

import logging
from typing import Any

import pygame

from engine.gallery import shown_images
from engine.playthrough import Loaded, Playthrough, choice_key, ending_name
from engine.present.placing import transforms_of
from engine.present.quickmenu import Notice, QuickMenu
from engine.present.richtext import Layout, Typewriter
from engine.present.screen import Host, Screen
from engine.present.sprite_times import SpriteTimes
from engine.present.transitions import Transition, duration_of
from engine.present.ui import Button, ButtonList
from engine.script import (
    Audio,
    End,
    Input,
    Menu,
    Notify,
    Nvl,
    Pause,
    Say,
    ScriptError,
    StageChange,
    Story,
    Window,
    With,
)
from engine.script.text import strip_tags

from .. import saving
from . import staging
from .input import GameInput
from .timers import GameTimers
from .view import GameView

log = logging.getLogger("roadout")


class GameScreen(GameInput, GameTimers, GameView, Screen):
    name = "game"
    backdrop = False  # it covers the window with its own picture

    def __init__(self, host: Host, label: str | None = None, resume: dict | None = None,
                 loaded: Loaded | None = None, adopt: Playthrough | None = None) -> None:
        """Start at `label`, or carry on from a story snapshot (`resume`, after a reload)
        or a loaded save; `adopt`: the playthrough whose history and rollback carry on."""
        Screen.__init__(self, host)
        self.shown_stage: dict[str, Any] = {"scene": None, "sprites": []}
        self.transition: Transition | None = None
        self.sprite_times = SpriteTimes()  # when each sprite on shown_stage was shown
        # What the player last saw (stage, times): a `with` on a line of its own plays
        # from it, over every scene/show/hide since, as Ren'Py's does.
        self.seen: tuple[dict[str, Any], SpriteTimes] | None = None
        self.layout: Layout | None = None
        self.layout_key: tuple | None = None
        self.typer: Typewriter | None = None
        self.box_visible = False
        self.page_visible = False  # the NVL page (see staging.py)
        self.nvl_window = False  # the window between lines is the NVL page
        self.nvl = staging.NvlPage()
        self.text_fade: staging.Fade | None = None
        self.outline: Layout | None = None  # a centred line's outline
        self.ui_hidden = False
        self.choices: ButtonList | None = None
        self.pause_until: float | None = None
        self.pausing = False
        self.ready_at = 0.0  # when the line finished: the continue mark blinks from here
        self.blink_on = True
        self.waiting = False  # blocked on the player or on time
        self.mark_rect: pygame.Rect | None = None
        self.quick = QuickMenu()
        self.notice = Notice()
        self.start_label = label
        self.resume_state = resume
        self.loaded = loaded
        if loaded is not None:
            self.play = loaded.play
        else:
            self.play = Playthrough(self.new_story(), host.data, host.progress)
        if adopt is not None:
            self.play.adopt(adopt)
        host.stage_view.transforms = transforms_of(self.story)

    def new_story(self) -> Story:
        assert self.host.program is not None
        return Story(self.host.program, self.host.data.persistent["vars"])

    @property
    def story(self) -> Story:
        return self.play.story

    @property
    def history(self) -> list[dict[str, Any]]:
        return self.play.history

    @property
    def say(self) -> Say | None:
        """The line in the box (what self-voicing reads)."""
        return self.play.say

    @property
    def ending(self) -> End | None:
        return self.play.ending

    def ending_name(self) -> str:
        return ending_name(self.play.ending)

    def enter(self) -> None:
        """Begin: start the story, or show the restored state."""
        host = self.host
        if self.loaded is not None:
            self.show_restored(self.loaded.notices, self.loaded.replay)
            return
        try:
            if self.resume_state is not None:
                notices = self.story.restore(self.resume_state)
                for notice in notices:
                    log.warning("%s", notice)
                if self.resume_state.get("waiting"):
                    self.play.skip_say = self.resume_state.get("fp")
                host.sync_music(self.story.stage)
            else:
                self.story.start(self.start_label or "start")
        except ScriptError as exc:
            host.show_error(exc, None)
            return
        except ValueError as exc:
            log.warning("cannot resume (%s): starting over", exc)
            host.reset("title")
            return
        self.pump(host.clock.now())

    # --- driving the story --------------------------------------------------------------

    def pump(self, now: float) -> None:
        """Ask the story for events until one needs the player or the clock."""
        self.waiting = False
        self.seen = (self.shown_stage, self.sprite_times.copy())
        while not self.waiting:
            try:
                event = self.play.next()
            except ScriptError as exc:
                # next() is all or nothing: the story is as it was before the statement.
                self.host.show_error(exc, self.story.snapshot())
                return
            if event is not None:
                self.handle_event(event, now)
            if self.transition is None:
                # A line's speaker attributes change the stage without a StageChange. The
                # runtime never changes a stage it has handed out: no copy is needed.
                self.show_stage(self.story.stage, now)
            if self.play.take_autosave():
                problem = saving.save_slot(self.host, self.play, "auto")
                if problem:  # a failing data folder: the player must know
                    self.notify(f"Auto-save: {problem}", 4.0)
        self.host.redraw()

    def handle_event(self, event: Any, now: float) -> None:
        host = self.host
        if isinstance(event, Say):
            self.show_line(now)
            self.waiting = True
        elif isinstance(event, Menu):
            self.show_menu(event, now)
            self.waiting = True
        elif isinstance(event, (StageChange, With)):
            self.layout = self.typer = None
            if isinstance(event, StageChange) and event.kind == "scene":
                self.box_visible = False
            staging.on_event(self, event, now)
            self.start_transition(event.transition, now, since_seen=isinstance(event, With))
        elif isinstance(event, (Window, Nvl)):
            staging.on_event(self, event, now)
        elif isinstance(event, Pause):
            self.layout = self.typer = None
            self.box_visible = False
            staging.on_event(self, event, now)
            if self.play.skip_active():
                return  # skipping runs through pauses, as Ren'Py's does
            self.pausing = True
            self.pause_until = None if event.seconds is None else now + event.seconds
            self.waiting = True
        elif isinstance(event, Audio):
            host.audio.handle(event.action, event.channel, event.files, event.fadein,
                              event.fadeout, event.loop)
            host.played(self.story.stage)
        elif isinstance(event, End):
            self.layout = self.typer = None  # the ending's music plays on until the title
            self.waiting = True
        elif isinstance(event, Input):
            self.waiting = True
            host.open("text-entry", prompt=event.prompt, default=event.default,
                      length=event.length, allow=event.allow, exclude=event.exclude,
                      on_done=self.entered)
        elif isinstance(event, Notify):
            self.notify(event.message)

    def entered(self, text: str) -> None:
        """renpy.input's answer: into the story, which goes on."""
        self.story.enter(text)
        self.pump(self.host.clock.now())

    def cut_transitions(self) -> bool:
        return (self.host.instant or bool(self.host.data.settings["reduce_motion"])
                or self.play.skip_active())

    def show_stage(self, stage: dict[str, Any], now: float) -> None:
        """The picture now shows `stage`: sprites new on it start their transforms."""
        if stage is not self.shown_stage:
            old = self.shown_stage
            self.shown_stage = stage
            self.sprite_times.sync(stage, now, self.host.stage_view.placer(old, self.host.vp))
            self.see(stage)

    def see(self, stage: dict[str, Any]) -> None:
        """Remember the images shown (the gallery's renpy.seen_image); a new CG is written
        to persistent.json at once."""
        data = self.host.data
        new = [name for name in shown_images(stage) if data.see_image(name)]
        if any(name.startswith("cg ") for name in new):
            data.save_persistent()

    def start_transition(self, spec: dict | None, now: float, since_seen: bool = False
                         ) -> None:
        """Show the story's stage, through `spec` when it is a transition. The transition
        starts from the picture before this statement (`show x with dissolve`), or, for a
        `with` statement (`since_seen`), from the picture the player last saw: the
        statements before it changed the stage without showing it."""
        host, vp = self.host, self.host.vp
        new_stage = self.story.stage  # never changed in place: kept without a copy
        if since_seen and self.seen is not None:
            old_stage, old_times = self.seen
        else:
            old_stage, old_times = self.shown_stage, self.sprite_times.copy()
        self.show_stage(new_stage, now)
        if since_seen:
            self.seen = (new_stage, self.sprite_times.copy())  # `with None` too
        if spec and not self.cut_transitions() and duration_of(spec) > 0:
            # Both stages, not two flat pictures: a move redraws the sprites themselves.
            self.transition = Transition(spec, old_stage, new_stage, host.stage_view, vp,
                                         now, old_times, self.sprite_times)
            self.waiting = True
        host.refresh_palette(new_stage)

    def show_line(self, now: float) -> None:
        play = self.play
        assert play.say is not None
        staging.on_line(self, play.say)
        self.layout_key = None
        self.ensure_layout()
        assert self.layout is not None
        settings = self.host.data.settings
        # A line shown again (rollback, a loaded save) shows at once, as in Ren'Py.
        at_once = (self.host.instant or settings["reduce_motion"] or play.shown_again
                   or play.skip_active() and play.can_skip())
        cps = 0 if at_once else settings["text_cps"]
        self.typer = Typewriter(self.layout.length, self.layout.stops, cps, now,
                                self.layout.fast_until, self.layout.speeds)
        self.text_fade = None  # a line shows its window at once
        self.ready_at = now
        self.blink_on = True
        if not self.typer.typing:
            play.line_shown()

    def show_menu(self, menu: Menu, now: float) -> None:
        if menu.prompt is not None:
            self.show_line(now)
        else:
            self.layout = self.typer = None
            self.box_visible = False
        n = len(menu.choices)
        h, gap = 58, 14
        # Low on the screen, clear of the faces, and above the box when a prompt shows;
        # over the NVL page, at its foot.
        bottom = staging.choices_bottom(self, n * (h + gap) - gap) or (
            self.box_rect()[1] - 20 if menu.prompt is not None else 560)
        top = max(40, bottom - (n * (h + gap) - gap))
        program, data = self.story.program, self.host.data
        self.choices = ButtonList(
            [Button(strip_tags(c.text), (lambda i=i: self.choose(i)),
                    (320, top + i * (h + gap), 640, h),
                    chosen=data.was_chosen(choice_key(program, menu, c.text)))
             for i, c in enumerate(menu.choices)],
            numbers=True, font_px=25)
        pos = pygame.mouse.get_pos() if pygame.mouse.get_focused() else None
        if pos is not None:
            self.choices.hover(self.host.vp, pos)

    def choose(self, i: int) -> None:
        self.host.audio.ui_sound("choice", 0.5)
        menu = self.play.menu
        if menu is not None and 0 <= i < len(menu.choices):
            self.host.data.choose(choice_key(self.story.program, menu, menu.choices[i].text))
            self.host.data.save_persistent()
        self.choices = None
        self.play.choose(i)
        self.pump(self.host.clock.now())

    # --- rollback and restoring ---------------------------------------------------------

    def roll(self, back: bool) -> bool:
        """One step of rollback (back) or roll-forward; False when there is none."""
        result = self.play.roll(back)
        if result is None:
            return False
        if isinstance(result, str):
            self.notify(result)
            return False
        self.show_restored(result, self.play.replaying)
        return True

    def show_restored(self, notices: list[str], replay: bool) -> None:
        """Show the story's state afresh after a restore: the same picture and music,
        the same line (at once) or menu."""
        host = self.host
        self.layout = self.typer = None
        self.choices = None
        self.transition = None
        self.pausing = False
        self.pause_until = None
        self.shown_stage = self.story.stage
        self.see(self.shown_stage)
        staging.restored(self)
        now = host.clock.now()
        # A restored stage shows where each finite motion ends, not the motion again.
        self.sprite_times = saving.settled(self.host, self.shown_stage)
        self.sprite_times.shift(now)
        host.refresh_palette(self.shown_stage)
        host.sync_music(self.story.stage)
        self.play.replaying = replay
        for notice in notices:
            self.notify(notice, 5.0)
        self.pump(host.clock.now())
        self.play.replaying = False

    def notify(self, text: str, seconds: float = 2.5) -> None:
        log.info("%s", text)
        self.notice.show(text, self.host.clock.now(), seconds)
        self.host.redraw()

    # --- tests --------------------------------------------------------------------------

    def shown_text(self) -> str:
        if self.layout is None or self.typer is None:
            return ""
        return self.layout.plain[: self.typer.count] if self.typer.count < self.layout.length \
            else self.layout.plain

    def status(self) -> dict[str, Any]:
        play = self.play
        ending = play.ending
        line_ready = (self.typer is not None and not self.typer.typing
                      and self.transition is None) or ending is not None
        text = self.ending_title() if ending is not None else self.shown_text()
        choices = self.choices.buttons if self.choices else None
        self.quick.place(self.quick_frame())
        return {
            "text": text,
            "who": play.say.who if play.say else None,
            "line_ready": line_ready,
            "typing": bool(self.typer and self.typer.typing),
            "transition": self.transition is not None,
            "menu": [b.label for b in choices] if choices else None,
            "menu_rects": [b.rect for b in choices] if choices else None,
            "menu_chosen": [b.chosen for b in choices] if choices else None,
            "pause": self.pausing,
            "timed": self.transition is not None or bool(self.typer and self.typer.typing)
            or self.pausing and self.pause_until is not None,
            "ending": ending_name(ending) if ending else None,
            "clickable": self.transition is None and (
                line_ready and self.choices is None or self.pausing or ending is not None),
            "missing": list(self.host.stage_view.missing),
            "skip": play.skip_active(),
            "auto": play.auto,
            "notice": self.notice.text,
            "history": len(play.history),
            "rollback": len(play.rollback.past),
            "buttons_at": {**dict(self.quick.buttons(self.host.painter)),
                           **{b.label: b.rect for b in (choices or [])}},
            **staging.status(self),
        }
