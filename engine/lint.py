"""`python -m engine lint`: every check a writer wants before a player finds the problem.

Parses and compiles every scene file, then checks labels, speakers, variables, text tags,
images, stage positions and audio files against the game folder. Output is GCC-style:
`file:line:col: error: message`, the source line and a caret.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from engine.contrast import AA, parse_hex, ratio
from engine.flow import reachable
from engine.script import Story, load_game, scene_files
from engine.script.errors import Loc, ScriptError, did_you_mean
from engine.script.expr import names_read
from engine.script.program import Program, Stmt
from engine.script.story import PROVIDED_NAMES
from engine.script.text import interpolation_names, tag_problems
from engine.stage import (
    POSITIONS,
    audio_path,
    background_candidates,
    sprite_candidates,
)
from engine.theme import lightest_box


@lru_cache(maxsize=64)
def map_names(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(layer and group names, stage mark names) of a Tiled map, read from its XML."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return frozenset(), frozenset()
    layers = {el.get("name", "") for el in root.iter()
              if el.tag in ("layer", "group", "imagelayer", "objectgroup")}
    marks = {obj.get("name", "") for og in root.iter("objectgroup")
             if og.get("name") == "stage" for obj in og.iter("object")}
    return frozenset(layers), frozenset(marks)


class _Linter:
    def __init__(self, game_dir: Path, program: Program, story: Story | None,
                 complete: bool = True) -> None:
        # `complete` is False when some file failed to parse: checks that need the whole
        # program (a start label, reachability) would only report that file's absence.
        self.complete = complete
        self.game = game_dir
        self.program = program
        self.story = story
        self.problems: list[ScriptError] = []
        self.images = story.images if story else {}
        self.constants = story.constants if story else {}
        self.defined = set(PROVIDED_NAMES) | {i.name for i in program.inits}
        self.defined |= {s.args["target"] for s in program.statements if s.kind == "assign"}
        self.marks: set[str] = set(POSITIONS)

    def error(self, stmt: Stmt | None, message: str, hint: str | None = None,
              severity: str = "error", loc: Loc | None = None, source: str | None = None
              ) -> None:
        where = loc or (stmt.loc if stmt else Loc("<game>", 1, 1))
        src = source if source is not None else (stmt.source if stmt else None)
        self.problems.append(ScriptError(where, message, src, hint=hint, severity=severity))

    def names(self, expr: list | None, stmt: Stmt) -> None:
        if expr is None:
            return
        for name in sorted(names_read(expr)):
            base = name.split(".")[0]
            if base in ("persistent", "config") or name in self.defined:
                continue
            self.error(stmt, f"'{name}' is not defined",
                       hint=did_you_mean(name, self.defined - PROVIDED_NAMES))

    def text(self, text: str, stmt: Stmt) -> None:
        for problem in tag_problems(text):
            self.error(stmt, problem)
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
        if spec["attrs"]:
            tag = char.get("image") or (char["name"] or "").lower()
            self.sprite_file(tag, spec["attrs"], stmt)

    def sprite_file(self, tag: str, attrs: list[str], stmt: Stmt) -> None:
        candidates = sprite_candidates(self.game, tag, attrs, self.images)
        if not any(p.is_file() for p in candidates):
            shown = candidates[0].relative_to(self.game) if candidates[0].is_relative_to(
                self.game) else candidates[0]
            self.error(stmt, f"image '{' '.join([tag, *attrs])}' not found (looked for "
                       f"{shown})")

    def scene_file(self, words: list[str], stmt: Stmt) -> None:
        if words == ["black"]:
            return
        candidates, attrs = background_candidates(self.game, words, self.images)
        path = next((p for p in candidates if p.is_file()), None)
        if path is None:
            rel = [str(p.relative_to(self.game)) if p.is_relative_to(self.game) else str(p)
                   for p in candidates]
            self.error(stmt, f"background '{' '.join(words)}' not found (looked for "
                       f"{', '.join(rel)})")
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
        expr = stmt.args["files"]
        files = []
        if expr[0] == "lit" and isinstance(expr[1], str):
            files = [expr[1]]
        elif expr[0] == "list":
            files = [e[1] for e in expr[1] if e[0] == "lit" and isinstance(e[1], str)]
        for f in files:
            if not audio_path(self.game, f).is_file():
                self.error(stmt, f"audio file '{f}' not found in assets/audio")

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
            self.marks |= map_names(path)[1]
        if "start" not in p.labels and self.complete:
            self.error(None, "there is no 'start' label: the game begins there",
                       loc=Loc(p.files[0] if p.files else "scenes", 1, 1))
        for init in p.inits:
            for name in sorted(names_read(init.expr)):
                if name.split(".")[0] in ("persistent", "config") or name in self.defined:
                    continue
                self.error(None, f"'{name}' is not defined", loc=init.loc, source=init.source)
        for stmt in p.statements:
            self.statement(stmt)
        self.reachability()

    def statement(self, stmt: Stmt) -> None:
        a = stmt.args
        kind = stmt.kind
        if kind in ("jump", "call") and a["target"] not in self.program.labels:
            self.error(stmt, f"no label named '{a['target']}'",
                       hint=did_you_mean(a["target"], self.program.labels))
        elif kind == "say":
            self.speaker(a, stmt)
            self.text(a["text"], stmt)
        elif kind == "menu":
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
        elif kind in ("scene", "show", "hide", "with"):
            self.names(a.get("with_"), stmt)
            if kind == "scene" and a["image"]:
                self.scene_file(a["image"], stmt)
            elif kind == "show":
                if a["image"][0] == "bg":
                    self.scene_file(a["image"], stmt)
                else:
                    self.sprite_file(a["image"][0], a["image"][1:], stmt)
            if a.get("at") and a["at"] not in self.marks:
                self.error(stmt, f"unknown position '{a['at']}'",
                           hint=did_you_mean(a["at"], self.marks) or
                           "use left, center, right, truecenter or a stage mark of a map")
        elif kind in ("play", "queue"):
            self.names(a["files"], stmt)
            self.audio(stmt)
        elif kind == "pause":
            self.names(a["expr"], stmt)

    def reachability(self) -> None:
        p = self.program
        seen = reachable(p)
        if not seen or not self.complete:
            return
        for name, index in p.labels.items():
            if index not in seen:
                stmt = p.statements[index]
                self.error(stmt, f"label '{name}' is never reached from 'start'",
                           severity="warning")


def lint(game_dir: Path, strict: bool = False) -> list[ScriptError]:
    """Every problem found in the game, errors and warnings, in file order; with `strict`,
    also the warnings of `strict_problems`."""
    errors: list[ScriptError] = []
    program = load_game(game_dir, errors=errors, write_cache=False)
    story = None
    try:
        story = Story(program)
        story._fresh_state(None)  # evaluates every default, so their errors show here
    except ScriptError as exc:
        errors.append(exc)
    complete = len(program.files) == len(scene_files(game_dir))
    linter = _Linter(game_dir, program, story, complete=complete)
    linter.run()
    found = errors + linter.problems
    found += wrap_problems(game_dir, program, story)
    if strict:
        found += strict_problems(game_dir, program, story)
    return sorted(found, key=lambda e: (e.loc.file, e.loc.line, e.loc.col))


# --- lint --strict -------------------------------------------------------------------------
# Style checks a writer asks for with --strict: the story plays without them, so they are
# warnings; the command's exit status is what makes them strict (see `lint --help`).

# The dialogue box at the default text size, as the game screen draws it (engine/present/
# app.py): used when the presentation layer cannot be imported.
BOX_TEXT_W, BOX_TEXT_PX, BOX_ROOM_H = 1120, 26, 124


def _box_metrics() -> tuple[int, int, int]:
    try:
        from engine.present import app
    except Exception:  # noqa: BLE001 - a half-built presentation must not break lint
        return BOX_TEXT_W, BOX_TEXT_PX, BOX_ROOM_H
    try:
        return app.TEXT_W, app.TEXT_PX, app.BOX[1] + app.BOX[3] - app.TEXT_Y - 14
    except (AttributeError, IndexError, TypeError):
        return BOX_TEXT_W, BOX_TEXT_PX, BOX_ROOM_H


def largest_text_px() -> int:
    """The dialogue's pixel size at the player's largest text size setting."""
    _, px, _ = _box_metrics()
    try:
        from engine.present.persist import TEXT_SIZES  # percent steps of the base size
    except Exception:  # noqa: BLE001 - before the settings have sizes: the base size
        return px
    return round(px * max(TEXT_SIZES) / 100)


class _Measure:
    """How many pixels tall a line of dialogue is in the box, laid out the way the game
    screen lays it out (its own layout function when available, else a greedy word wrap
    with the same font). `px` overrides the text size (default: the base size)."""

    def __init__(self, game_dir: Path, px: int | None = None) -> None:
        import os

        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        pygame.font.init()
        self.width, self.px, self.room = _box_metrics()
        if px is not None:
            self.px = px
        dirs = [game_dir / "assets" / "fonts",
                Path(__file__).resolve().parent.parent / "assets" / "fonts"]
        self.layout = None
        try:
            from engine.present.richtext import Fonts, layout

            self.fonts = Fonts(dirs)
            self.layout = layout
        except Exception:  # noqa: BLE001 - fall back to the plain wrap below
            font_file = next((d / "NotoSans-Regular.ttf" for d in dirs
                              if (d / "NotoSans-Regular.ttf").is_file()), None)
            self.font = pygame.font.Font(str(font_file) if font_file else None, self.px)

    def lines_and_fits(self, text: str) -> tuple[int, bool]:
        if self.layout is not None:
            lay = self.layout(text, self.fonts, self.px, self.width, (255, 255, 255))
            return len(lay.lines), lay.height <= self.room
        from engine.script.text import strip_tags

        font = self.font
        lines = 0
        for para in strip_tags(text).split("\n"):
            line = ""
            lines += 1
            for word in para.split(" "):
                trial = f"{line} {word}" if line else word
                if line and font.size(trial)[0] > self.width:
                    lines += 1
                    line = word
                else:
                    line = trial
        h = font.get_linesize()
        return lines, h + round(h * 1.25) * (lines - 1) <= self.room


    def lines_held(self) -> int:
        """How many lines the box holds at this size."""
        if self.layout is None:
            h = self.font.get_linesize()
            return 1 + max(0, (self.room - h) // round(h * 1.25))
        lay = self.layout("word " * 600, self.fonts, self.px, self.width, (255, 255, 255))
        return max(1, sum(1 for line in lay.lines if line.y + line.height <= self.room))


def _spoken(program: Program) -> list[tuple[Stmt, dict, Loc, str]]:
    """Every text said in the dialogue box: (statement, say spec, loc, source)."""
    spoken = []
    for stmt in program.statements:
        if stmt.kind == "say":
            spoken.append((stmt, stmt.args, stmt.loc, stmt.source))
        elif stmt.kind == "menu" and stmt.args["prompt"]:
            pr = stmt.args["prompt"]
            spoken.append((stmt, pr, Loc(stmt.loc.file, pr["line"], pr["col"]), pr["source"]))
    return spoken


def _sampler(program: Program, story: Story | None):  # noqa: ANN202 - a local helper
    """A stand-in for each [name] as wide as a typical value, for measuring lines."""
    from engine.script.text import interpolate

    constants = story.constants if story else {}
    defaults = {init.name: init.expr[1] for init in program.inits
                if init.kind == "default" and init.expr[0] == "lit"}

    def sample(name: str) -> str:
        value = defaults.get(name, constants.get(name))
        return str(value) if isinstance(value, (str, int, float)) else name

    def text_of(spec: dict) -> str:
        try:
            return interpolate(spec["text"], sample)
        except (ValueError, KeyError):
            return spec["text"]
    return text_of


def _surely_fits(measure: _Measure, held: int):  # noqa: ANN202 - a local helper
    """A cheap test that a line cannot need more than `held` lines, so the real layout
    (slow: it renders) runs only for long lines. Measured in bold, the widest style, and
    allowing each line to waste up to one word's width at its end, as word wrap can."""
    from engine.script.text import strip_tags

    fonts = getattr(measure, "fonts", None)
    font = fonts.get(measure.px, bold=True) if fonts is not None else measure.font

    widest_char = max(font.size(c)[0] for c in "WMm@%—")
    space = font.size(" ")[0]

    def quick(text: str) -> bool:
        plain = strip_tags(text)
        if "\n" in plain:
            return False
        longest = max(map(len, plain.split(" "))) * widest_char  # an upper bound
        room = held * measure.width - held * (longest + space)
        # Counting characters at the widest glyph's width needs no font call at all.
        return len(plain) * widest_char <= room or font.size(plain)[0] <= room
    return quick


def wrap_problems(game_dir: Path, program: Program, story: Story | None
                  ) -> list[ScriptError]:
    """Lines that wrap to more lines than the dialogue box holds at the largest text size:
    the game would have to shrink them, undoing the setting for the players who need it."""
    spoken = _spoken(program)
    if not spoken:
        return []
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    px = largest_text_px()
    measure = _Measure(game_dir, px)
    try:
        from engine.present import app
        from engine.present.persist import TEXT_SIZES

        # The box grows at large sizes (engine/present/app.py): measure against that.
        measure.room = app.BOX_ROOM + app.box_grow(measure.fonts, max(TEXT_SIZES))
    except Exception:  # noqa: BLE001 - without the player's box rules, the base box
        pass
    text_of = _sampler(program, story)
    held = measure.lines_held()
    quick = _surely_fits(measure, held)
    out = []
    for _stmt, spec, loc, source in spoken:
        text = text_of(spec)
        if quick(text):
            continue
        lines, fits = measure.lines_and_fits(text)
        if not fits:
            out.append(ScriptError(
                loc, f"this line wraps to {lines} lines at the largest text size ({px} px); "
                f"the dialogue box holds {held}", source,
                hint="split it into two say statements"))
    return out


def strict_problems(game_dir: Path, program: Program, story: Story | None
                    ) -> list[ScriptError]:
    """The --strict checks: lines too long for the dialogue box, speakers without a colour,
    images defined but never shown, variables set but never read."""
    out: list[ScriptError] = []
    constants = story.constants if story else {}
    images = story.images if story else {}

    def warn(loc: Loc, message: str, source: str | None, hint: str | None = None) -> None:
        out.append(ScriptError(loc, message, source, hint=hint, severity="warning"))

    # Lines too long for the box.
    spoken = _spoken(program)
    text_of = _sampler(program, story)
    measure = _Measure(game_dir) if spoken else None
    for _stmt, spec, loc, source in spoken:
        assert measure is not None
        lines, fits = measure.lines_and_fits(text_of(spec))
        if not fits:
            warn(loc, f"this line takes {lines} lines in the dialogue box at the default "
                 f"text size: too long for the box, so the game shrinks its text", source,
                 hint="split it into two say statements")

    # Speakers without a colour.
    seen_speakers: set[str] = set()
    for _stmt, spec, loc, source in spoken:
        who, who_name = spec.get("who"), spec.get("who_name")
        if who is not None and who not in seen_speakers:
            seen_speakers.add(who)
            char = constants.get(who)
            # A Character with no name (a narrator) has no name plate to colour.
            if isinstance(char, dict) and char.get("__type__") == "character" \
                    and char.get("name") and not char.get("color"):
                init = next((i for i in program.inits if i.name == who), None)
                where, src = (init.loc, init.source) if init else (loc, source)
                warn(where, f"speaker '{who}' ({char.get('name')}) has no colour",
                     src, hint=f'Character("{char.get("name")}", color="#rrggbb")')
        elif who is None and who_name and who_name not in seen_speakers:
            seen_speakers.add(who_name)
            warn(loc, f"speaker \"{who_name}\" has no colour", source,
                 hint=f'define a Character("{who_name}", color="#rrggbb") and speak as it')

    # Images defined but never shown.
    shown: set[str] = set()
    for stmt in program.statements:
        words: list[str] = []
        if stmt.kind in ("scene", "show") and stmt.args["image"]:
            words = list(stmt.args["image"])
        elif stmt.kind == "say" and stmt.args["attrs"] and stmt.args["who"]:
            char = constants.get(stmt.args["who"])
            if isinstance(char, dict):
                tag = char.get("image") or (char.get("name") or "").lower()
                words = [tag, *stmt.args["attrs"]]
        for n in range(1, len(words) + 1):
            shown.add(" ".join(words[:n]))
    for init in program.inits:
        if init.kind == "image" and init.name not in shown and init.name in images:
            warn(init.loc, f"image '{init.name}' is defined but never shown", init.source)

    # Variables set but never read ('ending' is read by the engine's ending card).
    reads: set[str] = set()
    for init in program.inits:
        names_read(init.expr, reads)
    for stmt in program.statements:
        a = stmt.args
        if stmt.kind == "assign":
            # `$ n += 1` alone does not make n read: it only feeds itself.
            reads |= names_read(a["expr"]) - {a["target"]}
        elif stmt.kind == "branch":
            names_read(a["cond"], reads)
        elif stmt.kind in ("play", "queue"):
            names_read(a["files"], reads)
        elif stmt.kind == "pause" and a["expr"] is not None:
            names_read(a["expr"], reads)
        elif stmt.kind in ("scene", "show", "hide", "with") and a.get("with_") is not None:
            names_read(a["with_"], reads)
        elif stmt.kind == "menu":
            for opt in a["options"]:
                if opt["cond"] is not None:
                    names_read(opt["cond"], reads)
                reads.update(interpolation_names(opt["text"]))
    for _stmt, spec, _loc, _source in spoken:
        reads.update(interpolation_names(spec["text"]))
        if spec.get("who"):
            reads.add(spec["who"])
        if spec.get("who_name"):
            reads.update(interpolation_names(spec["who_name"]))
    first_set: dict[str, tuple[Loc, str]] = {}
    for init in program.inits:
        if init.kind == "default":
            first_set.setdefault(init.name, (init.loc, init.source))
    for stmt in program.statements:
        if stmt.kind == "assign":
            first_set.setdefault(stmt.args["target"], (stmt.loc, stmt.source))
    for name, (loc, source) in first_set.items():
        if name == "ending" or name.split(".")[0] in ("persistent", "config"):
            continue
        if name not in reads:
            warn(loc, f"variable '{name}' is set but never read", source,
                 hint="read it in a condition or [interpolation], or remove it")
    return out
