"""The story runtime: a pure state machine over the compiled program.

The screen asks `next()` for the next event and answers a Menu with `choose(n)`; nothing
here knows about pygame. The whole state — position, call stack, variables and what is on
stage — is plain data (`snapshot()`), which round-trips through JSON and restores exactly
(`restore()`). Saves, rollback, the text player and the route explorer rest on that.
"""

from __future__ import annotations

import copy
import json
import math
from typing import Any

from . import events as ev
from .errors import Loc, ScriptError, did_you_mean
from .expr import BUILTIN_VALUES, CALLABLE, ExprError, evaluate, expr_error
from .program import Program, Stmt
from .text import interpolate

STATE_VERSION = 1
# Statements run without showing anything before we call it an endless loop.
STEP_LIMIT = 200_000
RESERVED = frozenset({"config", "persistent", "True", "False", "None"})


def json_safe(value: Any) -> bool:
    """True when a value survives JSON unchanged: what a variable may hold."""
    if value is None or isinstance(value, (bool, int, str)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(json_safe(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and json_safe(v) for k, v in value.items())
    return False


def _is_words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(w, str) for w in value)


def _check_stage(stage: Any) -> None:
    """A restored stage must have the shape the screen draws from; a hand-edited save
    must fail here, with a reason, not later in the middle of drawing."""
    if not isinstance(stage, dict):
        raise ValueError("'stage' has the wrong type")
    if stage.get("scene") is not None and not _is_words(stage["scene"]):
        raise ValueError("the stage's scene is not an image name")
    sprites = stage.get("sprites")
    if not isinstance(sprites, list) or not all(
            isinstance(sp, dict) and isinstance(sp.get("tag"), str)
            and _is_words(sp.get("attrs")) and (sp.get("at") is None
                                                or isinstance(sp.get("at"), str))
            for sp in sprites):
        raise ValueError("the stage's sprites are damaged")
    music = stage.get("music")
    if music is not None and not (isinstance(music, dict) and _is_words(music.get("files"))
                                  and isinstance(music.get("loop"), bool)):
        raise ValueError("the stage's music is damaged")


class Story:
    """One playthrough of a program. `persistent` is the player's cross-playthrough data
    (read and written by `persistent.NAME`); the caller stores it."""

    def __init__(self, program: Program, persistent: dict[str, Any] | None = None) -> None:
        self.program = program
        self.persistent: dict[str, Any] = persistent if persistent is not None else {}
        self.constants: dict[str, Any] = {}
        self.images: dict[str, str] = {}
        self._run_inits()
        self.state: dict[str, Any] = self._fresh_state(None)

    # --- set-up ------------------------------------------------------------------------

    def _run_inits(self) -> None:
        for init in self.program.inits:
            if init.kind == "default":
                continue
            try:
                value = evaluate(init.expr, self._lookup)
            except ExprError as exc:
                raise expr_error(exc, init.loc, init.source) from None
            if init.kind == "image":
                if not isinstance(value, str):
                    raise ScriptError(init.loc, "an image must be a file name in quotes",
                                      init.source)
                self.images[init.name] = value
            else:
                self.constants[init.name] = value

    def _fresh_state(self, label: str | None) -> dict[str, Any]:
        state: dict[str, Any] = {
            "version": STATE_VERSION,
            "pc": len(self.program.statements), "fp": None, "label": label,
            "waiting": False, "ended": label is None,
            "stack": [], "vars": {},
            "stage": {"scene": None, "sprites": [], "music": None},
        }
        self.state = state
        for init in self.program.inits:
            if init.kind == "default":
                try:
                    value = evaluate(init.expr, self._lookup)
                except ExprError as exc:
                    raise expr_error(exc, init.loc, init.source) from None
                self._check_storable(init.name, value, init.loc, init.source)
                state["vars"][init.name] = value
        return state

    def start(self, label: str = "start") -> None:
        """Begin a new playthrough at `label` (variables reset to their defaults)."""
        if label not in self.program.labels:
            hint = did_you_mean(label, self.program.labels)
            raise ScriptError(Loc("<start>", 1, 1), f"no label named '{label}'", hint=hint)
        self._fresh_state(label)
        self.state["ended"] = False
        self._goto(self.program.labels[label])

    # --- state -------------------------------------------------------------------------

    @property
    def stage(self) -> dict[str, Any]:
        """What is on screen: {'scene': [words] | None, 'sprites': [{tag, attrs, at}],
        'music': {files, loop} | None}."""
        return self.state["stage"]

    @property
    def variables(self) -> dict[str, Any]:
        return self.state["vars"]

    @property
    def ended(self) -> bool:
        return bool(self.state["ended"])

    def current(self) -> Stmt | None:
        pc = self.state["pc"]
        stmts = self.program.statements
        return stmts[pc] if 0 <= pc < len(stmts) else None

    def snapshot(self) -> dict[str, Any]:
        """The whole state as JSON-able data (a deep copy)."""
        return copy.deepcopy(self.state)

    def restore(self, state: dict[str, Any]) -> list[str]:
        """Restore a snapshot, even one taken before the scene files were edited: each
        position is found again by its fingerprint. Returns notices for positions that had
        to move to the start of their label. Raises ValueError for unusable data."""
        if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
            raise ValueError("story state has an unknown version")
        try:
            new = json.loads(json.dumps(state))  # a private copy; also proves it is JSON
            notices: list[str] = []
            pc = self._locate(new["pc"], new["fp"], new["label"], notices, new["ended"])
            if pc != new["pc"] and notices:
                new["waiting"] = False
            new["pc"] = pc
            for frame in new["stack"]:
                frame["pc"] = self._locate(frame["pc"], frame["fp"], frame["label"], notices,
                                           False)
            if not isinstance(new["vars"], dict) or not isinstance(new["stack"], list):
                raise ValueError("'vars' or 'stack' has the wrong type")
            _check_stage(new["stage"])
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"story state is incomplete: {exc}") from None
        # A menu or pause re-shows itself after a restore; a say too (waiting cleared).
        new["waiting"] = False
        self.state = new
        return notices

    def _locate(self, pc: Any, fp: Any, label: Any, notices: list[str], ended: bool) -> int:
        stmts = self.program.statements
        if ended:
            return len(stmts)
        if isinstance(pc, int) and 0 <= pc < len(stmts) and stmts[pc].fp == fp:
            return pc
        if isinstance(fp, str) and fp in self.program.by_fp:
            return self.program.by_fp[fp]
        if isinstance(label, str) and label in self.program.labels:
            notices.append(f"the line was changed; going back to the start of '{label}'")
            return self.program.labels[label]
        raise ValueError(f"the saved position (label {label!r}) no longer exists")

    # --- running -----------------------------------------------------------------------

    def next(self) -> ev.Event:
        """Run until the next event and return it. After a Menu, call choose() first."""
        st = self.state
        stmts = self.program.statements
        if st["ended"]:
            return ev.End(st["vars"].get("ending"), st["label"], self._end_loc())
        if st["waiting"]:
            cur = stmts[st["pc"]]
            if cur.kind == "menu":
                raise RuntimeError("answer the menu with choose() before asking for more")
            st["waiting"] = False
            self._goto(st["pc"] + 1)
        for _ in range(STEP_LIMIT):
            pc = st["pc"]
            if pc >= len(stmts):
                return self._return(None)
            stmt = stmts[pc]
            event = _HANDLERS[stmt.kind](self, stmt)
            if event is not None:
                return event
        stmt = stmts[st["pc"]] if st["pc"] < len(stmts) else stmts[-1]
        raise ScriptError(stmt.loc, f"the story ran {STEP_LIMIT} statements without showing "
                          "anything: an endless loop?", stmt.source)

    def choose(self, n: int) -> None:
        """Answer the current menu with its n-th shown choice (0-based)."""
        st = self.state
        stmt = self.current()
        if stmt is None or stmt.kind != "menu" or not st["waiting"]:
            raise RuntimeError("there is no menu to answer")
        shown = self._shown_options(stmt)
        if not 0 <= n < len(shown):
            raise IndexError(f"choice {n} out of range (0..{len(shown) - 1})")
        st["waiting"] = False
        self._goto(stmt.args["options"][shown[n]]["target"])

    def menu_event(self) -> ev.Menu | None:
        """The menu waiting for an answer, if any (used after a restore or rollback)."""
        stmt = self.current()
        if stmt is None or stmt.kind != "menu" or not self.state["waiting"]:
            return None
        return self._menu_event(stmt)

    # --- helpers -----------------------------------------------------------------------

    def _goto(self, pc: int) -> None:
        st = self.state
        st["pc"] = pc
        stmts = self.program.statements
        st["fp"] = stmts[pc].fp if pc < len(stmts) else None

    def _end_loc(self) -> Loc:
        stmts = self.program.statements
        return stmts[-1].loc if stmts else Loc("<story>", 1, 1)

    def _lookup(self, name: str) -> Any:
        st = getattr(self, "state", None)
        if st is not None and name in st["vars"]:
            return st["vars"][name]
        if name in self.constants:
            return self.constants[name]
        if name in BUILTIN_VALUES:
            return BUILTIN_VALUES[name]
        if name.startswith("persistent."):
            return self.persistent.get(name.split(".", 1)[1])
        if name.startswith("config."):
            return None
        if name == "ending":
            return None
        known = list(self.constants) + (list(st["vars"]) if st else [])
        raise ExprError(f"'{name}' is not defined", hint=did_you_mean(name, known))

    def _eval(self, expr: list, stmt: Stmt) -> Any:
        try:
            return evaluate(expr, self._lookup)
        except ExprError as exc:
            raise expr_error(exc, stmt.loc, stmt.source) from None

    def _interp(self, text: str, stmt: Stmt) -> str:
        def lookup(name: str) -> Any:
            return self._lookup(name)

        try:
            return interpolate(text, lookup)
        except (ExprError, ValueError) as exc:
            raise ScriptError(stmt.loc, f"in [interpolation]: {exc}", stmt.source) from None

    def _check_storable(self, name: str, value: Any, loc: Loc, source: str) -> None:
        if not json_safe(value):
            raise ScriptError(loc, f"'{name}' cannot hold {value!r}: variables hold numbers, "
                              "text, True/False/None, lists and dicts", source)

    def _transition(self, expr: list | None, stmt: Stmt) -> dict | None:
        if expr is None:
            return None
        value = self._eval(expr, stmt)
        if value is None:
            return None
        if not isinstance(value, dict) or value.get("kind") not in ("fade", "dissolve"):
            raise ScriptError(stmt.loc, f"{value!r} is not a transition (use fade, dissolve, "
                              "Dissolve(s), Fade(out, hold, in) or None)", stmt.source)
        return value

    def _speaker(self, who: str | None, who_name: str | None, stmt: Stmt,
                 ) -> tuple[str | None, dict]:
        if who is None:
            return who_name, {}
        try:
            char = self._lookup(who)
        except ExprError:
            hint = did_you_mean(who, [k for k, v in self.constants.items()
                                      if isinstance(v, dict) and v.get("__type__") == "character"])
            raise ScriptError(stmt.loc, f"'{who}' is not a defined character", stmt.source,
                              hint=hint or f'define {who} = Character("Name")') from None
        if isinstance(char, str):
            return char, {}
        if not isinstance(char, dict) or char.get("__type__") != "character":
            raise ScriptError(stmt.loc, f"'{who}' is not a character", stmt.source)
        return char["name"], char

    def _say_event(self, stmt: Stmt, spec: dict) -> ev.Say:
        name, char = self._speaker(spec["who"], spec["who_name"], stmt)
        tag = char.get("image") or (name.lower() if char and name else None)
        if spec["attrs"] and tag:
            for sprite in self.state["stage"]["sprites"]:
                if sprite["tag"] == tag:
                    sprite["attrs"] = list(spec["attrs"])
        text = self._interp(spec["text"], stmt)
        if char:
            text = f"{char.get('what_prefix') or ''}{text}{char.get('what_suffix') or ''}"
        if name is not None:
            name = self._interp(name, stmt)
        return ev.Say(name, text, char.get("color"), char.get("what_color"), tag,
                      stmt.loc, stmt.fp)

    def _shown_options(self, stmt: Stmt) -> list[int]:
        shown = []
        for i, opt in enumerate(stmt.args["options"]):
            if opt["cond"] is None or self._eval(opt["cond"], stmt):
                shown.append(i)
        return shown

    def _menu_event(self, stmt: Stmt) -> ev.Menu:
        prompt = None
        if stmt.args["prompt"] is not None:
            prompt = self._say_event(stmt, stmt.args["prompt"])
        opts = stmt.args["options"]
        choices = tuple(ev.Choice(self._interp(opts[i]["text"], stmt), i)
                        for i in self._shown_options(stmt))
        return ev.Menu(prompt, choices, stmt.loc, stmt.fp)

    def _return(self, stmt: Stmt | None) -> ev.Event | None:
        st = self.state
        if st["stack"]:
            frame = st["stack"].pop()
            st["label"] = frame["label"]
            self._goto(frame["pc"])
            return None
        st["ended"] = True
        self._goto(len(self.program.statements))
        loc = stmt.loc if stmt is not None else self._end_loc()
        return ev.End(st["vars"].get("ending"), st["label"], loc)

    # --- statements --------------------------------------------------------------------

    def _x_label(self, stmt: Stmt) -> None:
        self.state["label"] = stmt.args["name"]
        self._goto(self.state["pc"] + 1)

    def _x_say(self, stmt: Stmt) -> ev.Event:
        event = self._say_event(stmt, stmt.args)
        self.state["waiting"] = True
        return event

    def _x_menu(self, stmt: Stmt) -> ev.Event:
        event = self._menu_event(stmt)
        if not event.choices:
            raise ScriptError(stmt.loc, "no option of this menu is available (every guard is "
                              "false)", stmt.source)
        self.state["waiting"] = True
        return event

    def _x_jump(self, stmt: Stmt) -> None:
        target = stmt.args["target"]
        if target not in self.program.labels:
            raise ScriptError(stmt.loc, f"no label named '{target}'", stmt.source,
                              hint=did_you_mean(target, self.program.labels))
        self._goto(self.program.labels[target])

    def _x_call(self, stmt: Stmt) -> None:
        st = self.state
        if len(st["stack"]) >= 1000:
            raise ScriptError(stmt.loc, "calls nested more than 1000 deep: a call without "
                              "a return?", stmt.source)
        nxt = st["pc"] + 1
        stmts = self.program.statements
        st["stack"].append({"pc": nxt, "fp": stmts[nxt].fp if nxt < len(stmts) else None,
                            "label": st["label"]})
        self._x_jump(stmt)

    def _x_return(self, stmt: Stmt) -> ev.Event | None:
        return self._return(stmt)

    def _x_goto(self, stmt: Stmt) -> None:
        self._goto(stmt.args["target"])

    def _x_branch(self, stmt: Stmt) -> None:
        if self._eval(stmt.args["cond"], stmt):
            self._goto(self.state["pc"] + 1)
        else:
            self._goto(stmt.args["target"])

    def _x_assign(self, stmt: Stmt) -> None:
        target, op = stmt.args["target"], stmt.args["op"]
        value = self._eval(stmt.args["expr"], stmt)
        if target.startswith("config."):
            raise ScriptError(stmt.loc, "config values are set with 'define config.NAME = …'",
                              stmt.source)
        if op != "=":
            try:
                old = self._lookup(target)
            except ExprError as exc:
                raise expr_error(exc, stmt.loc, stmt.source) from None
            try:
                value = {"+=": lambda: old + value, "-=": lambda: old - value,
                         "*=": lambda: old * value, "/=": lambda: old / value}[op]()
            except (TypeError, ZeroDivisionError, OverflowError) as exc:
                raise ScriptError(stmt.loc, f"{type(exc).__name__}: {exc}", stmt.source) \
                    from None
        self._check_storable(target, value, stmt.loc, stmt.source)
        if target.startswith("persistent."):
            self.persistent[target.split(".", 1)[1]] = value
        else:
            self.state["vars"][target] = value
        self._goto(self.state["pc"] + 1)

    def _x_scene(self, stmt: Stmt) -> ev.Event:
        stage = self.state["stage"]
        stage["scene"] = list(stmt.args["image"]) if stmt.args["image"] else None
        stage["sprites"] = []
        trans = self._transition(stmt.args["with_"], stmt)
        self._goto(self.state["pc"] + 1)
        return ev.StageChange("scene", trans, stmt.loc)

    def _x_show(self, stmt: Stmt) -> ev.Event:
        stage = self.state["stage"]
        words = stmt.args["image"]
        trans = self._transition(stmt.args["with_"], stmt)
        if words[0] == "bg":
            stage["scene"] = list(words)
        else:
            tag, attrs = words[0], list(words[1:])
            for sprite in stage["sprites"]:
                if sprite["tag"] == tag:
                    if attrs:
                        sprite["attrs"] = attrs
                    if stmt.args["at"]:
                        sprite["at"] = stmt.args["at"]
                    break
            else:
                stage["sprites"].append({"tag": tag, "attrs": attrs, "at": stmt.args["at"]})
        self._goto(self.state["pc"] + 1)
        return ev.StageChange("show", trans, stmt.loc)

    def _x_hide(self, stmt: Stmt) -> ev.Event:
        stage = self.state["stage"]
        stage["sprites"] = [s for s in stage["sprites"] if s["tag"] != stmt.args["tag"]]
        trans = self._transition(stmt.args["with_"], stmt)
        self._goto(self.state["pc"] + 1)
        return ev.StageChange("hide", trans, stmt.loc)

    def _x_with(self, stmt: Stmt) -> ev.Event:
        trans = self._transition(stmt.args["with_"], stmt)
        self._goto(self.state["pc"] + 1)
        return ev.With(trans, stmt.loc)

    def _x_pause(self, stmt: Stmt) -> ev.Event:
        seconds = None
        if stmt.args["expr"] is not None:
            value = self._eval(stmt.args["expr"], stmt)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 \
                    or not math.isfinite(value):
                raise ScriptError(stmt.loc, f"pause takes a number of seconds, not {value!r}",
                                  stmt.source)
            seconds = float(value)
        self.state["waiting"] = True
        return ev.Pause(seconds, stmt.loc)

    def _seconds(self, expr: list | None, stmt: Stmt, what: str) -> float:
        if expr is None:
            return 0.0
        value = self._eval(expr, stmt)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 \
                or not math.isfinite(value):
            raise ScriptError(stmt.loc, f"{what} takes a number of seconds, not {value!r}",
                              stmt.source)
        return float(value)

    def _x_play(self, stmt: Stmt) -> ev.Event:
        a = stmt.args
        value = self._eval(a["files"], stmt)
        files = [value] if isinstance(value, str) else value
        if not isinstance(files, list) or not files or not all(isinstance(f, str) for f in files):
            raise ScriptError(stmt.loc, "play takes a file name or a list of file names",
                              stmt.source)
        fadein = self._seconds(a["fadein"], stmt, "fadein")
        fadeout = self._seconds(a["fadeout"], stmt, "fadeout")
        loop = a["loop"] if a["loop"] is not None else a["channel"] == "music"
        if a["channel"] == "music":
            music = self.state["stage"]["music"]
            if stmt.kind == "queue" and music is not None:
                music["files"] = music["files"] + files
                music["loop"] = loop
            else:
                self.state["stage"]["music"] = {"files": list(files), "loop": loop}
        self._goto(self.state["pc"] + 1)
        return ev.Audio(stmt.kind, a["channel"], tuple(files), fadein, fadeout, loop, stmt.loc)

    _x_queue = _x_play

    def _x_stop(self, stmt: Stmt) -> ev.Event:
        fadeout = self._seconds(stmt.args["fadeout"], stmt, "fadeout")
        if stmt.args["channel"] == "music":
            self.state["stage"]["music"] = None
        self._goto(self.state["pc"] + 1)
        return ev.Audio("stop", stmt.args["channel"], (), 0.0, fadeout, False, stmt.loc)

    def _x_pass(self, stmt: Stmt) -> None:
        self._goto(self.state["pc"] + 1)


_HANDLERS = {name[3:]: fn for name, fn in vars(Story).items() if name.startswith("_x_")}
# Names the scene language provides (lint treats them as defined).
PROVIDED_NAMES = frozenset(RESERVED | set(BUILTIN_VALUES) | CALLABLE | {"ending"})
