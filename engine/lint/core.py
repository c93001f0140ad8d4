"""Lint's checks of the story against itself and the game folder: labels, speakers,
variables, text tags, images, stage positions, audio files, name colours, reachability.

`Linter` also answers one statement at a time (the route explorer asks it about each
statement a route runs)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from engine.atl.frames import first_frame
from engine.contrast import AA, parse_hex, ratio
from engine.flow import reachable
from engine.lint import code
from engine.lint.atl import AtlLint
from engine.lint.code import CODE_KINDS
from engine.lint.flow import call_problems, flow_lint
from engine.lint.media import (
    channel_problem,
    composite_children,
    cond_branches,
    inline_images,
    layered_sprite,
    snow_picture,
)
from engine.lint.sound import sound_files
from engine.mapinfo import MapStructure
from engine.script import Story
from engine.script.audio_names import audio_value
from engine.script.errors import Loc, ScriptError, did_you_mean
from engine.script.expr import names_read
from engine.script.program import Init, Program, Stmt
from engine.script.story import PROVIDED_NAMES
from engine.script.text import interpolation_names, tag_problems
from engine.script.values import image_name_problem
from engine.stage import (
    audio_path,
    background_candidates,
    colour_of,
    image_path,
    is_colour,
    is_scene_image,
    sprite_candidates,
    unusable_reason,
    usable,
)
from engine.theme import lightest_box


@lru_cache(maxsize=64)
def map_names(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(layer and group names, stage mark names) of a Tiled map, as the game reads them."""
    try:
        structure = MapStructure(path)
    except (ET.ParseError, OSError):
        return frozenset(), frozenset()
    try:
        marks = frozenset(structure.stage_marks)
    except (ET.ParseError, OSError, ValueError):  # a template or tileset it cannot read
        marks = frozenset()
    return structure.layer_names, marks


class Linter:
    """The checks, over one compiled program; `run` checks it all into `problems`."""

    def __init__(self, game_dir: Path, program: Program, story: Story | None,
                 complete: bool = True) -> None:
        # `complete` is False when some file failed to parse: checks that need the whole
        # program (a start label, reachability) would only report that file's absence.
        self.complete = complete
        self.game = game_dir
        self.program = program
        self.story = story
        self.problems: list[ScriptError] = []
        self.check_sound = True  # decode played files, find clicks (the route explorer: no)
        self.images = story.images if story else {}
        self.constants = story.constants if story else {}
        self.defined = set(PROVIDED_NAMES) | {i.name for i in program.inits}
        self.defined |= {s.args["target"] for s in program.statements if s.kind == "assign"}
        self.defined |= {t for s in program.statements if s.kind in CODE_KINDS
                         for t in code.targets(s)}
        self.defined |= {p for s in program.statements if s.kind == "label"
                         for p in s.args.get("params") or ()}
        self.marks: set[str] = set()  # the maps' stage marks, found by run()
        self.atl = AtlLint(self)

    def shown(self, path: Path) -> Path:
        """`path` as a message names it: from the game's folder when it is inside it."""
        return path.relative_to(self.game) if path.is_relative_to(self.game) else path

    def error(self, stmt: Stmt | None, message: str, hint: str | None = None,
              severity: str = "error", loc: Loc | None = None, source: str | None = None
              ) -> None:
        where = loc or (stmt.loc if stmt else Loc("<game>", 1, 1))
        src = source if source is not None else (stmt.source if stmt else None)
        self.problems.append(ScriptError(where, message, src, hint=hint, severity=severity))

    def names(self, expr: list | None, stmt: Stmt) -> None:
        if expr is None:
            return
        if "(" in stmt.source:
            for problem in call_problems(expr):
                self.error(stmt, problem)
        for name in sorted(names_read(expr)):
            base = name.split(".")[0]
            if base in ("persistent", "config") or name in self.defined:
                continue
            self.error(stmt, f"'{name}' is not defined",
                       hint=did_you_mean(name, self.defined - PROVIDED_NAMES))

    def text(self, text: str, stmt: Stmt) -> None:
        for problem in tag_problems(text):
            self.error(stmt, problem)
        inline_images(self, text, stmt)
        if "[" not in text:
            return
        for name in interpolation_names(text):
            if name.split(".")[0] in ("persistent", "config") or name in self.defined:
                continue
            self.error(stmt, f"'[{name}]' interpolates a variable that is not defined",
                       hint=did_you_mean(name, self.defined - PROVIDED_NAMES))

    def speaker(self, spec: dict, stmt: Stmt) -> None:
        who = spec["who"]
        if who is None:
            return
        char = self.constants.get(who)
        if not (isinstance(char, dict) and char.get("__type__") == "character"):
            if who in self.defined:
                return  # a variable holding the speaker's name, as Ren'Py allows
            chars = [k for k, v in self.constants.items()
                     if isinstance(v, dict) and v.get("__type__") == "character"]
            self.error(stmt, f"'{who}' is not a defined character",
                       hint=did_you_mean(who, chars) or f'define {who} = Character("Name")')
            return
        if spec["attrs"] and char.get("kind") != "extend":  # extend's: the last speaker's
            tag = char.get("image") or (char["name"] or "").lower()
            if problem := image_name_problem([tag, *spec["attrs"]]):
                self.error(stmt, problem)
                return
            self.sprite_file(tag, spec["attrs"], stmt)

    def sprite_file(self, tag: str, attrs: list[str], stmt: Stmt) -> None:
        # `-happy` takes one away; `@` marks those for one line
        attrs = [a for a in attrs if a != "@" and not a.startswith("-")]
        if stmt.kind == "show" and first_frame(stmt.args.get("atl") or []) is not None:
            return  # its ATL block names the picture (checked there)
        if layered_sprite(self, tag, attrs, stmt):
            return
        name = " ".join([tag, *attrs])
        if colour_of(self.images, name) is not None or is_colour(self.images.get(name, "")):
            return  # a colour or a line of text: nothing to find
        candidates = sprite_candidates(self.game, tag, attrs, self.images)
        if not attrs and self.has_images_of(tag):
            return  # `show sakura at right`: the attributes she is shown with are kept
        if not any(usable(self.game, p) for p in candidates):
            shown = self.shown(candidates[0])
            why = unusable_reason(self.game, candidates[0])
            self.error(stmt, f"image '{' '.join([tag, *attrs])}' not found (looked for "
                       f"{shown})" if why == "not found" else
                       f"image '{' '.join([tag, *attrs])}': {shown}: {why}")

    def has_images_of(self, tag: str) -> bool:
        folder = self.game / "assets" / "characters" / tag
        return any(name.split()[0] == tag for name in self.images) or (
            folder.is_dir() and any(folder.glob("*.png")))

    def scene_file(self, words: list[str], stmt: Stmt) -> None:
        if words == ["black"] or is_colour(self.images.get(" ".join(words), "")):
            return
        if self.story is not None and " ".join(words) in self.story.layered:
            return  # a ConditionSwitch: its pictures are checked where it is defined
        candidates, attrs = background_candidates(self.game, words, self.images)
        path = next((p for p in candidates if usable(self.game, p)), None)
        if path is None:
            rel = [str(self.shown(p)) for p in candidates]
            why = unusable_reason(self.game, candidates[0])
            self.error(stmt, f"background '{' '.join(words)}' not found (looked for "
                       f"{', '.join(rel)})" if why == "not found" else
                       f"background '{' '.join(words)}': {rel[0]}: {why}")
            return
        if path.suffix == ".tmx":
            layers, _ = map_names(path)
            for attr in attrs:
                if attr not in layers:
                    self.error(stmt, f"map {path.name} has no layer or group named '{attr}'",
                               hint=did_you_mean(attr, layers))
        elif attrs:
            self.error(stmt, f"'{' '.join(attrs)}': only Tiled maps have layers to switch on")

    def audio(self, stmt: Stmt) -> None:
        expr = audio_value(self.constants, self.defined.__contains__, stmt.args["files"])
        if expr is stmt.args["files"]:
            self.names(expr, stmt)
        channel_problem(self, stmt)
        files = []
        if expr[0] == "lit" and isinstance(expr[1], str):
            files = [expr[1]]
        elif expr[0] == "list":
            files = [e[1] for e in expr[1] if e[0] == "lit" and isinstance(e[1], str)]
        for f in files:
            path = audio_path(self.game, f)
            why = unusable_reason(self.game, path)
            if why is not None:
                where = path.parent.relative_to(self.game).as_posix() \
                    if path.parent.is_relative_to(self.game) else path.parent
                self.error(stmt, f"audio file '{f}' not found in {where}" if why == "not found"
                           else f"audio file '{f}': {why}")
        if self.check_sound:
            loop = stmt.args["loop"]
            if loop is None:
                loop = stmt.args["channel"] in ("music", "ambient")
            sound_files(self, stmt, files, loop)

    def menu_music(self) -> None:
        """config.main_menu_music: the title's music, a looping file like any other."""
        for init in self.program.inits:
            if init.name == "config.main_menu_music" and init.expr[0] == "lit":
                stmt = Stmt("play", init.loc, init.source, None, 0, {
                    "files": init.expr, "loop": True, "channel": "music"})
                self.audio(stmt)

    def colours(self) -> None:
        """Every speaker's name colour against the lightest the dialogue box can be."""
        box = lightest_box()
        for init in self.program.inits:
            char = self.constants.get(init.name)
            if init.kind != "define" or not (isinstance(char, dict)
                                             and char.get("__type__") == "character"):
                continue
            for key in ("color", "what_color"):
                value = char.get(key)
                if value is None:
                    continue
                rgb = parse_hex(value) if isinstance(value, str) else None
                if rgb is None:
                    self.error(None, f"{key}={value!r} is not a colour like \"#f3a0c0\"",
                               loc=init.loc, source=init.source)
                elif (r := ratio(rgb, box)) < AA:
                    self.error(None, f"{key} {value} has contrast {r:.1f}:1 against the "
                               f"dialogue box; text needs {AA}:1", loc=init.loc,
                               source=init.source, hint="use a lighter colour")

    def run(self) -> None:
        p = self.program
        self.colours()
        for path in (self.game / "assets" / "backgrounds").glob("*.tmx"):
            if usable(self.game, path):  # a FIFO would hang the XML parser
                self.marks |= map_names(path)[1]
        if "start" not in p.labels and self.complete:
            self.error(None, "there is no 'start' label: the game begins there",
                       loc=Loc(p.files[0] if p.files else "scenes", 1, 1))
        for init in p.inits:
            if init.kind == "transform":
                self.atl.init(init)
                continue
            if init.kind == "layeredimage":
                cond_branches(self, init)  # its attributes are checked where shown
                continue
            if init.kind == "atlimage":
                self.atl.block(init.expr["atl"], init.loc.file, set())  # type: ignore[index]
                continue
            if init.kind == "image":
                self.image_file(init)
            for name in sorted(names_read(init.expr)):
                if name.split(".")[0] in ("persistent", "config") or name in self.defined:
                    continue
                self.error(None, f"'{name}' is not defined", loc=init.loc, source=init.source)
        self.menu_music()
        for stmt in p.statements:
            self.statement(stmt)
        self.reachability()

    def image_file(self, init: Init) -> None:
        """`image bg x = "../../secret.png"`: a file outside the game (or not a plain
        file) is an error where it is defined, shown or not ("not found" is reported where
        it is shown)."""
        composite_children(self, init.name, init.loc, init.source)
        snow_picture(self, init.name, init.loc, init.source)
        if init.expr[0] == "lit" and isinstance(init.expr[1], str) \
                and not is_colour(init.expr[1]):
            why = unusable_reason(self.game, image_path(self.game, init.expr[1]))
            if why not in (None, "not found"):
                self.error(None, f"image '{init.name}': {why}", loc=init.loc,
                           source=init.source)

    def statement(self, stmt: Stmt) -> None:
        a = stmt.args
        kind = stmt.kind
        if kind in ("jump", "call", "return", "label") and len(a) > (kind != "return"):
            flow_lint(self, stmt)
        elif kind in ("jump", "call") and a["target"] not in self.program.labels:
            self.error(stmt, f"no label named '{a['target']}'",
                       hint=did_you_mean(a["target"], self.program.labels))
        elif kind == "say":
            self.speaker(a, stmt)
            self.text(a["text"], stmt)
        elif kind == "menu":
            self.names(a.get("set"), stmt)
            if a["prompt"]:
                self.speaker(a["prompt"], stmt)
                self.text(a["prompt"]["text"], stmt)
            for opt in a["options"]:
                loc = Loc(stmt.loc.file, opt["line"], opt["col"])
                self.names(opt["cond"], stmt)
                for problem in tag_problems(opt["text"]):
                    self.error(None, problem, loc=loc, source=opt["source"])
        elif kind in ("branch", "assign"):
            self.names(a.get("cond") or a.get("expr"), stmt)
        elif kind in ("scene", "show", "hide", "with", "show_text"):
            if not self.atl.transition(stmt):
                self.names(a.get("with_"), stmt)
            self.atl.statement(stmt)
            if kind == "show_text":
                self.text(a["text"], stmt)
            elif kind == "scene" and a["image"]:
                self.scene_file(a["image"], stmt)
            elif kind == "show":
                if is_scene_image(a["image"]):
                    self.scene_file(a["image"], stmt)
                else:
                    self.sprite_file(a["image"][0], a["image"][1:], stmt)
        elif kind in ("play", "queue"):
            self.audio(stmt)
        elif kind == "pause":
            self.names(a["expr"], stmt)
        elif kind in ("window", "nvl"):
            self.names(a["with_"], stmt)
        elif kind in CODE_KINDS:
            for expr in code.exprs(stmt):
                self.names(expr, stmt)
        elif kind == "camera":
            self.atl.statement(stmt)
        elif kind == "stop":
            channel_problem(self, stmt)

    def reachability(self) -> None:
        p = self.program
        seen = reachable(p)
        if not seen or not self.complete:
            return
        for name, index in p.story_labels.items():
            if index not in seen:
                stmt = p.statements[index]
                self.error(stmt, f"label '{name}' is never reached from 'start'",
                           severity="warning")
