"""The composition root: builds the App, registers the screens, runs the loop.

The App is the screens' Host (engine/present/screen.py): it owns the window, the player's
data, audio and the screen stack, turns input into actions through the keymap, and handles
the actions of no screen (fullscreen, screenshots, voicing, reloading the scene files).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from engine.clock import Clock, RealClock
from engine.routemap_data import RouteProgress
from engine.screens import confirm
from engine.screens.registry import SCREENS
from engine.script import ScriptError, Story, load_game
from engine.theme import BOX_ALPHA, HIGH_CONTRAST_BOX

from . import loop
from .audio import Audio
from .gui import GuiPictures
from .input import Act, Bindings
from .persist import DEFAULT_BOX_OPACITY, DataStore
from .picture import StageView
from .progress import RouteRecorder
from .richtext import Fonts
from .screen import Screen
from .stack import ScreenStack
from .ui import Painter, Palette
from .voicing import Voicer
from .window import Window

log = logging.getLogger("roadout")


@dataclass
class Options:
    game: Path
    warp: str | None = None
    data_dir: Path | None = None
    headless: bool = False
    test: Path | None = None
    size: tuple[int, int] = (1280, 720)
    instant: bool = False  # shots: text at once, transitions skipped
    first_frame_exit: bool = False  # bench: report the first drawn frame and exit


class App(ScreenStack):
    def __init__(self, options: Options, clock: Clock | None = None) -> None:
        self.options = options
        self.clock: Clock = clock or RealClock()
        self.t_start = time.perf_counter()
        self.data = DataStore(options.data_dir)
        self.data.on_failure = self.data_failed
        self.win = Window(options.size, options.headless, "The Road Out")
        if self.data.settings["fullscreen"]:
            self.win.set_fullscreen(True)  # as the player left it
        fonts_dirs = [options.game / "assets" / "fonts",
                      Path(__file__).resolve().parents[2] / "assets" / "fonts"]
        self.fonts = Fonts(fonts_dirs)
        self.fonts.readable = bool(self.data.settings["readable_font"])
        self.painter = Painter(self.fonts)
        self.gui = GuiPictures(options.game, self.painter)
        self.stage_view = StageView(options.game, lambda px: self.fonts.get(px))
        self.palette = Palette()
        self.title_palette = Palette((18, 16, 40), (190, 180, 255))
        self.instant = options.instant
        self.stack: list[Screen] = []
        self.registry = SCREENS
        self.running = True
        self.dirty = True
        self.partial: list[pygame.Rect] = []  # window areas to refresh without a full flip
        self.stage_animated = False
        self.exit_code = 0
        self.program: Any = None
        self.game_name = "The Road Out"
        self.harness: Any = None
        self.load_error: ScriptError | None = None
        self.menu_music: str | None = None  # config.main_menu_music: the title's
        self.look = 0
        self.session: dict[str, Any] = {}  # what screens remember for this run
        self.bindings = Bindings()
        self.controllers: dict[int, Any] = {}
        self._audio: Audio | None = None
        self._palettes: dict[tuple, tuple[Palette, bool]] = {}
        self._progress: RouteRecorder | None = None
        self._load_program()
        self.win.set_icon(options.game / "assets" / "gui" / "icon.png")
        self.voicer = Voicer(self)

    # --- set-up -------------------------------------------------------------------------

    def _load_program(self) -> bool:
        try:
            cache = self.options.data_dir / "cache" if self.options.data_dir else None
            self.program = load_game(self.options.game, cache_dir=cache)
            story = Story(self.program, self.data.persistent["vars"])
        except ScriptError as exc:
            self.load_error = exc
            return False
        self.load_error = None
        name = story.constants.get("config.name")
        if isinstance(name, str) and name:
            self.game_name = name
            pygame.display.set_caption(name)
        music = story.constants.get("config.main_menu_music")
        self.menu_music = music if isinstance(music, str) and music else None
        self.stage_view.use_images(story.images, story.layered, self.fonts)
        return True

    def late_init(self) -> None:
        """What the first frame does not need: audio, controllers."""
        _ = self.audio
        if self.stack and self.top.name == "title":
            self.title_music()
        try:
            from pygame._sdl2 import controller

            controller.init()
            for i in range(controller.get_count()):
                self._add_controller(i)
        except (ImportError, pygame.error) as exc:
            log.info("no game controllers: %s", exc)

    def _add_controller(self, index: int) -> None:
        try:
            from pygame._sdl2 import controller

            if controller.is_controller(index):
                pad = controller.Controller(index)
                self.controllers[pad.id] = pad
        except (ImportError, pygame.error) as exc:
            log.info("controller %s not usable: %s", index, exc)

    # --- the host's services ------------------------------------------------------------

    @property
    def window(self) -> pygame.Surface:
        return self.win.surface

    @property
    def vp(self) -> Any:
        return self.win.vp

    @property
    def audio(self) -> Audio:
        if self._audio is None:
            s = self.data.settings
            self._audio = Audio(self.options.game, s["music_volume"], s["sound_volume"],
                                s["ambient_volume"])
            self._audio.on_track = self.data.hear_music
        return self._audio

    @property
    def audio_ready(self) -> bool:
        return self._audio is not None

    @property
    def data_dir(self) -> Path:
        return self.data.root

    @property
    def progress(self) -> RouteRecorder:
        if self._progress is None or self._progress.path.parent != self.data.root:
            self._progress = RouteRecorder(RouteProgress(self.data.root / "routes.json"))
        return self._progress

    def redraw(self, rect: pygame.Rect | None = None) -> None:
        if rect is None:
            self.dirty = True
        else:
            self.partial.append(rect)

    def gui_picture(self, name: str) -> pygame.Surface:
        return self.gui.picture(name, self.vp.size)

    def refresh_palette(self, stage: dict[str, Any]) -> None:
        """The dialogue box takes its colour from the scene it sits on."""
        # Remembered per scene: rollback steps through scenes often and must stay < 1 ms.
        key = (repr(stage.get("scene")), repr(stage.get("scene_conds")), self.vp.size)
        known = self._palettes.get(key)
        if known is not None:
            self.palette, self.stage_animated = known
            return
        try:
            scene = {"scene": stage.get("scene"), "scene_conds": stage.get("scene_conds")}
            picture = self.stage_view.compose({**scene, "sprites": []}, self.vp)
            avg = pygame.transform.average_color(picture)
            self.palette = Palette.from_color((avg[0], avg[1], avg[2]))
            self.stage_animated = self.stage_view.animated(stage, self.vp)
            self._palettes[key] = (self.palette, self.stage_animated)
        except pygame.error:
            self.palette = Palette()

    def backdrop(self, target: pygame.Surface) -> None:
        target.fill((0, 0, 0))  # the letterbox bars
        self.gui.paint_backdrop(target, pygame.Rect(self.vp.offset, self.vp.size))

    def box_look(self, pal: Palette) -> tuple[tuple[int, int, int], int]:
        """The dialogue box's colour and alpha under the player's settings."""
        s = self.data.settings
        if s["high_contrast"]:
            return HIGH_CONTRAST_BOX, 255
        alpha = round(BOX_ALPHA * float(s["box_opacity"]) / DEFAULT_BOX_OPACITY)
        return pal.box, max(0, min(255, alpha))

    def played(self, stage: dict[str, Any]) -> None:
        """The story's music and ambience as the audio now plays them."""
        self.audio.played(stage)

    def sync_music(self, stage: dict[str, Any]) -> None:
        """Play what the stage says should be playing (after a load or a rollback): the
        music and the ambience."""
        self.audio.sync(stage)

    def title_music(self) -> None:
        """The title's music (config.main_menu_music), unless it is playing already."""
        if self._audio is not None and self.menu_music is not None:
            self._audio.keep_playing(self.menu_music, fadein=1.0, fadeout=0.5)

    def apply_settings(self) -> None:
        """A setting changed: volumes, fonts and the look of text follow at once."""
        s = self.data.settings
        if self._audio is not None:
            self._audio.set_volumes(s["music_volume"], s["sound_volume"],
                                    s["ambient_volume"])
        if self.fonts.readable != bool(s["readable_font"]):
            self.fonts.readable = bool(s["readable_font"])
            self.fonts.clear()
            self.painter.clear()
        self.look += 1
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        s = self.data.settings
        s["fullscreen"] = not s["fullscreen"]
        self.data.save_settings()
        self.win.set_fullscreen(s["fullscreen"])
        self.resized()

    def quit(self) -> None:
        self.running = False

    def close_window(self) -> None:
        """The window's close button: asks first while a game has unsaved progress, as the
        game menu's Quit does; a second close while it asks quits."""
        top = self.top if self.stack else None
        game = self.game()
        if game is None or getattr(top, "question", None) == confirm.QUIT:
            self.quit()
        else:
            confirm.leave(self, game.play, confirm.QUIT, self.quit)

    def starting(self, name: str) -> None:
        if name == "title":
            self.data.save_persistent()
            if self._audio is not None:
                self._audio.ambient.stop(0.5)
                self._audio.stop_sound()
                self._audio.now = {"music": None, "ambient": None}
                self.title_music()
            self.palette = self.title_palette
            self.stage_animated = False
        elif name == "game" and self._audio is not None:
            self._audio.stop_all(0.5)  # the title's music; the story starts its own

    def game(self) -> Any:
        return next((s for s in self.stack if s.name == "game"), None)

    def show_error(self, exc: ScriptError, resume: dict | None) -> None:
        log.error("%s", exc.format())
        self.reset("error", error=exc, resume=resume)

    def reload(self, resume: dict | None) -> None:
        """Load the scenes again; carry on from `resume` (a story snapshot) if given."""
        _ = self.audio
        self.stage_view.clear()
        self._palettes.clear()
        if not self._load_program():
            assert self.load_error is not None
            self.show_error(self.load_error, resume)
        elif resume is not None:
            self.reset("game", resume=resume)
        elif self.options.warp:
            self.reset("game", label=self.options.warp)
        else:
            self.reset("title")

    def hot_reload(self) -> None:
        """Shift+R, as in Ren'Py: read the scene files again and stay on the same line if
        it still exists (found by its fingerprint), else go to the start of its label. An
        error in the edited files shows the error screen; Shift+R there tries again."""
        if self.top.name == "error":
            self.top.reload()  # type: ignore[attr-defined]
            return
        game = self.game()
        if game is None or not game.play.rollback.past:
            return
        resume = dict(game.play.rollback.past[-1]["state"], waiting=False)
        self.stage_view.clear()
        self._palettes.clear()
        if not self._load_program():
            assert self.load_error is not None
            self.show_error(self.load_error, resume)
            return
        # The player keeps their history and can still roll back past the reload.
        new = self.reset("game", resume=resume, adopt=game.play)
        if new is self.game():
            new.notify("Scenes reloaded")  # type: ignore[attr-defined]

    def begin(self) -> None:
        if self.load_error is not None:
            self.show_error(self.load_error, None)
        elif self.options.warp:
            _ = self.audio
            self.reset("game", label=self.options.warp)
        else:
            self.reset("title")

    # --- input --------------------------------------------------------------------------

    def dispatch(self, event: pygame.event.Event) -> None:
        t = event.type
        if t == pygame.QUIT:
            self.close_window()
        elif t in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.resized()
        elif t in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.dirty = True
        elif t in (pygame.WINDOWFOCUSLOST, pygame.WINDOWLEAVE):
            self.act(Act("skip-release"))  # the key-up goes to another window
        elif t == pygame.MOUSEMOTION:
            if self.stack and self.top.hover(event.pos):
                self.dirty = True
        elif t == pygame.CONTROLLERDEVICEADDED:
            self._add_controller(event.device_index)
        elif t == pygame.CONTROLLERDEVICEREMOVED:
            self.controllers.pop(event.instance_id, None)
        elif self._audio is not None and t == self._audio.end_event:
            self._audio.on_music_end()
        elif self._audio is not None and t == self._audio.ambient_end_event:
            self._audio.ambient.on_end()
        elif not (self.stack and self.top.typed(event)):
            for act in self.bindings.actions(event):
                self.act(act)
        if not self.stack:
            self.reset("title")

    def key(self, key: int, mod: int = 0) -> None:
        """A key press, as if typed (tests)."""
        act = self.bindings.key(key, mod)
        if act is not None:
            self.act(act)

    def act(self, act: Act) -> None:
        name = act.name
        if name == "voicing":
            self.voicer.toggle_self_voicing()
        elif name == "clipboard":
            self.voicer.toggle_clipboard()
        elif name == "fullscreen":
            self.toggle_fullscreen()
        elif name == "reload":
            self.hot_reload()
        elif name == "screenshot":
            try:
                log.info("screenshot saved to %s", self.screenshot())
            except (OSError, pygame.error) as exc:  # a read-only or vanished data folder
                self.data_failed(f"could not save the screenshot: {exc}")
        elif name == "skip-release":
            for screen in list(self.stack):  # whichever screen is on top now
                screen.action(name)
        elif self.stack:
            self.top.action(name, act.pos, act.n)
        self.dirty = True

    def resized(self) -> None:
        self.win.resized()
        self.gui.clear()
        g = self.game()
        if g is not None and g.transition is not None:
            g.transition = None  # its pictures are the old size: finish it
            g.pump(self.clock.now())
        self.dirty = True

    def data_failed(self, message: str) -> None:
        """A write to the data folder failed: a notice on the top screen, if it shows them."""
        log.warning("%s", message)
        notice = getattr(self.top, "notice", None) if self.stack else None
        if hasattr(notice, "show"):
            notice.show(message, self.clock.now(), 4.0)
        self.dirty = True

    def screenshot(self, path: Path | None = None) -> Path:
        return self.win.screenshot(self.data.screenshot_dir, path)

    def status(self) -> dict[str, Any]:
        """What a test sees: the top screen's name, the box's text, whether it is ready."""
        out: dict[str, Any] = {"screen": getattr(self.top, "name", "?")}
        g = self.game()
        if g is not None:
            out.update(g.status())
            if g.ending is not None and self.top is g:
                out["screen"] = "ending"
        if self.top is not g:
            for key in ("buttons_at", "notice"):
                out.pop(key, None)  # the game's, hidden under the top screen
            out.update(self.top.status())
            out["clickable"] = False
        out.update(self.voicer.status())
        return out

    def run(self) -> int:
        return loop.run(self)
