"""What each statement does when it runs: one function a statement kind, over a Story.

Every function first works out everything that can fail (expressions, names, targets) and
only then changes the state. The stage is never changed in place; each change builds a new
stage dict (sharing the unchanged sprites), so whoever holds the old one keeps a true
picture. Variables and persistent values are written through `store`, which logs the old
value, so `Story.next()` can undo a call that ends in an error.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from engine.atl.transitions import is_transition
from engine.stage import is_scene_image

from . import events as ev
from . import flow_steps, stage_ops
from .atl_runtime import bind_atl, bind_refs
from .errors import Loc, ScriptError, did_you_mean
from .expr import ExprError, apply_operator, evaluate, expr_error
from .limits import MAX_NAME_LENGTH
from .program import Stmt
from .state import Frame, RunStatus, Stage
from .text import interpolate
from .values import image_name_problem, name_problem, variable_problem
from .writes import Write, store, undo_writes  # noqa: F401 (Story uses them from here)

if TYPE_CHECKING:
    from .story import Story

MAX_CALL_DEPTH = 1000


# --- moving ---------------------------------------------------------------------------

def goto(story: Story, pc: int) -> None:
    st = story.state
    stmts = story.program.statements
    st.pc = pc
    st.fp = stmts[pc].fp if pc < len(stmts) else None


def end_loc(story: Story) -> Loc:
    stmts = story.program.statements
    return stmts[-1].loc if stmts else Loc("<story>", 1, 1)


def end_event(story: Story, stmt: Stmt | None) -> ev.End:
    st = story.state
    loc = stmt.loc if stmt is not None else end_loc(story)
    return ev.End(st.variables.get("ending"), st.label, loc)


def return_(story: Story, stmt: Stmt | None) -> ev.Event | None:
    """Back to the caller, or the end of the story when there is none."""
    st = story.state
    if st.stack:
        frame = st.stack[-1]
        if frame.saved:
            flow_steps.put_back(story, frame.saved)
        st.stack = st.stack[:-1]
        st.label = frame.label
        goto(story, frame.pc)
        return None
    st.status = RunStatus.ENDED
    goto(story, len(story.program.statements))
    return end_event(story, stmt)


def _label_index(story: Story, stmt: Stmt) -> int:
    target = stmt.args["target"]
    labels = story.program.labels
    if target is None:
        return labels[flow_steps.dynamic_target(story, stmt)]
    if target not in labels:
        raise ScriptError(stmt.loc, f"no label named '{target}'", stmt.source,
                          hint=did_you_mean(target, labels))
    return labels[target]


# --- evaluating -----------------------------------------------------------------------

def value_of(story: Story, expr: list, stmt: Stmt) -> Any:
    try:
        return evaluate(expr, story.lookup)
    except ExprError as exc:
        raise expr_error(exc, stmt.loc, stmt.source) from None


def _interp(story: Story, text: str, stmt: Stmt) -> str:
    try:
        return interpolate(text, story.lookup)
    except (ExprError, ValueError) as exc:
        raise ScriptError(stmt.loc, f"in [interpolation]: {exc}", stmt.source) from None


SAVE_NAME = "save_name"
SAVE_NAME_MAX = 80  # characters: a save card's title line, a route-map node's


def check_storable(name: str, value: Any, loc: Loc, source: str) -> None:
    problem = variable_problem(name, value)
    if problem is not None:
        raise ScriptError(loc, problem, source)
    if name == SAVE_NAME:
        # Ren'Py's save_name names the saves made after it: one line of a card's width.
        if not isinstance(value, str):
            raise ScriptError(loc, f"save_name must be text in quotes, not {value!r}", source)
        if len(value) > SAVE_NAME_MAX or "\n" in value:
            raise ScriptError(loc, f"save_name must be one line of at most {SAVE_NAME_MAX} "
                              f"characters (this one has {len(value)})", source)


def _transition(story: Story, expr: list | None, stmt: Stmt) -> dict | None:
    if expr is None:
        return None
    value = value_of(story, expr, stmt)
    if value is None:
        return None
    if not is_transition(value):
        raise ScriptError(stmt.loc, f"{value!r} is not a transition (use a transition's "
                          "name such as dissolve or moveinleft, Dissolve(s), Fade(out, hold, "
                          "in), MoveTransition(s), Pause(s) or None)", stmt.source)
    return value


transition_of = _transition


def _seconds(story: Story, expr: list, stmt: Stmt, what: str) -> float:
    value = value_of(story, expr, stmt)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 \
            or not math.isfinite(value):
        raise ScriptError(stmt.loc, f"{what} takes a number of seconds, not {value!r}",
                          stmt.source)
    return float(value)


def _speaker(story: Story, who: str | None, who_name: str | None, stmt: Stmt,
             ) -> tuple[str | None, dict]:
    if who is None:
        narrator = story.constants.get("narrator") if who_name is None else None
        if isinstance(narrator, dict) and narrator.get("__type__") == "character":
            return narrator["name"], narrator  # `define narrator = nvl_narrator`
        return who_name, {}
    try:
        char = story.lookup(who)
    except ExprError:
        hint = did_you_mean(who, [k for k, v in story.constants.items()
                                  if isinstance(v, dict) and v.get("__type__") == "character"])
        raise ScriptError(stmt.loc, f"'{who}' is not a defined character", stmt.source,
                          hint=hint or f'define {who} = Character("Name")') from None
    if isinstance(char, str):
        return char, {}
    if not isinstance(char, dict) or char.get("__type__") != "character":
        raise ScriptError(stmt.loc, f"'{who}' is not a character", stmt.source)
    return char["name"], char


# --- events ---------------------------------------------------------------------------

def say_event(story: Story, stmt: Stmt, spec: dict) -> tuple[ev.Say, Stage | None]:
    """The Say, and the stage after it (None when the line does not change it)."""
    name, char = _speaker(story, spec["who"], spec["who_name"], stmt)
    tag = char.get("image") or (name.lower() if char and name else None)
    text = _interp(story, spec["text"], stmt)
    if char:
        text = f"{char.get('what_prefix') or ''}{text}{char.get('what_suffix') or ''}"
    if name is not None:
        name = _interp(story, name, stmt)
        if len(name) > MAX_NAME_LENGTH:
            raise ScriptError(stmt.loc, name_problem(name, "the speaker's name") or "",
                              stmt.source)
    stage = None
    if spec["attrs"] and tag:
        if problem := image_name_problem([tag, *spec["attrs"]]):
            raise ScriptError(stmt.loc, problem, stmt.source)
        stage = stage_ops.speaker_attrs(story.state.stage, tag, spec["attrs"])
    say = ev.Say(name, text, char.get("color"), char.get("what_color"), tag, stmt.loc,
                 stmt.fp, char.get("kind") or "adv")
    return say, stage


def shown_options(story: Story, stmt: Stmt) -> list[int]:
    """The menu's options whose guard is true, by their index as written."""
    shown = [i for i, opt in enumerate(stmt.args["options"])
             if opt["cond"] is None or value_of(story, opt["cond"], stmt)]
    return flow_steps.without_chosen(story, stmt, shown) if "set" in stmt.args else shown


def _menu_event(story: Story, stmt: Stmt) -> tuple[ev.Menu, Stage | None]:
    prompt, stage = None, None
    if stmt.args["prompt"] is not None:
        prompt, stage = say_event(story, stmt, stmt.args["prompt"])
    opts = stmt.args["options"]
    choices = tuple(ev.Choice(_interp(story, opts[i]["text"], stmt), i)
                    for i in shown_options(story, stmt))
    return ev.Menu(prompt, choices, stmt.loc, stmt.fp), stage


# --- statements -------------------------------------------------------------------------

def _label(story: Story, stmt: Stmt) -> None:
    name = stmt.args["name"]
    if "params" in stmt.args:
        flow_steps.bind_defaults(story, stmt)
    story.state.label = name
    goto(story, story.state.pc + 1)
    for hook in story._on_label:
        hook(name)


def _say(story: Story, stmt: Stmt) -> ev.Event:
    event, stage = say_event(story, stmt, stmt.args)
    if stage is not None:
        story.state.stage = stage
    story.state.status = RunStatus.WAITING
    return event


def _menu(story: Story, stmt: Stmt) -> ev.Event | None:
    event, stage = _menu_event(story, stmt)
    if not event.choices and "set" in stmt.args:  # every option chosen: Ren'Py goes on
        return goto(story, stmt.args["end"])
    if not event.choices:
        raise ScriptError(stmt.loc, "no option of this menu is available (every guard is "
                          "false)", stmt.source)
    if stage is not None:
        story.state.stage = stage
    story.state.status = RunStatus.WAITING_CHOICE
    return event


def _jump(story: Story, stmt: Stmt) -> None:
    goto(story, target := _label_index(story, stmt))
    if (point := story.program.statements[target]).args.get("returns"):
        story.state.label = point.label  # `call … from NAME`'s point: it is in its label


def _call(story: Story, stmt: Stmt) -> None:
    st = story.state
    if len(st.stack) >= MAX_CALL_DEPTH:
        raise ScriptError(stmt.loc, f"calls nested more than {MAX_CALL_DEPTH} deep: a call "
                          "without a return?", stmt.source)
    target = _label_index(story, stmt)
    nxt = st.pc + 1
    stmts = story.program.statements
    st.stack = (*st.stack, Frame(nxt, stmts[nxt].fp if nxt < len(stmts) else None, st.label))
    if "args" in stmt.args:
        flow_steps.bind_call(story, stmt, target)
    goto(story, target)


def _return(story: Story, stmt: Stmt) -> ev.Event | None:
    flow_steps.set_return(story, stmt)
    return return_(story, stmt)


def _goto(story: Story, stmt: Stmt) -> None:
    goto(story, stmt.args["target"])


def _branch(story: Story, stmt: Stmt) -> None:
    if value_of(story, stmt.args["cond"], stmt):
        goto(story, story.state.pc + 1)
    else:
        goto(story, stmt.args["target"])


def _assign(story: Story, stmt: Stmt) -> None:
    target, op = stmt.args["target"], stmt.args["op"]
    value = value_of(story, stmt.args["expr"], stmt)
    if target.startswith("config."):
        raise ScriptError(stmt.loc, "config values are set with 'define config.NAME = …'",
                          stmt.source)
    if op != "=":
        # `x op= y` is `x = x op y`, under the evaluator's checks of `op`.
        try:
            value = apply_operator(op[:-1], story.lookup(target), value, stmt.args["expr"])
        except ExprError as exc:
            raise expr_error(exc, stmt.loc, stmt.source) from None
    check_storable(target, value, stmt.loc, stmt.source)
    if target.startswith("persistent."):
        store(story, story.persistent, target.split(".", 1)[1], value)
    else:
        store(story, story.state.variables, target, value)
    goto(story, story.state.pc + 1)


def _change_stage(story: Story, stmt: Stmt, stage: Stage, trans: dict | None,
                  ) -> ev.Event:
    story.state.stage = stage
    goto(story, story.state.pc + 1)
    return ev.StageChange(stmt.kind, trans, stmt.loc, stage)


def _motion(story: Story, stmt: Stmt) -> tuple[list[dict], list | None, int]:
    """The statement's `at` list and inline ATL as the stage keeps them, and the seed
    of its choices (from the statement, so a replay chooses the same)."""
    a = stmt.args
    refs = bind_refs(a.get("transforms") or [], story.transforms, story.lookup, stmt.loc,
                     stmt.source)
    atl = bind_atl(a.get("atl"), story.lookup, stmt.loc, stmt.source)
    return refs, atl, int(stmt.fp[:8], 16)


def _scene_at(refs: list[dict], atl: list | None, seed: int) -> dict | None:
    return {"transforms": refs, "atl": atl, "seed": seed} if refs or atl else None


def _scene(story: Story, stmt: Stmt) -> ev.Event:
    trans = _transition(story, stmt.args["with_"], stmt)
    image = stmt.args["image"]
    refs, atl, seed = _motion(story, stmt)
    layer = stmt.args.get("layer") or stage_ops.MASTER
    old = story.state.stage
    if layer != stage_ops.MASTER:  # `scene onlayer L [IMAGE]`: only L is cleared
        stage = {**old, "sprites": stage_ops.clear_layer(old, layer)}
        if image:
            stage = stage_ops.show(stage, image[0], list(image[1:]), None, refs, atl,
                                   None, None, seed, layer)
        return _change_stage(story, stmt, stage, trans)
    stage = {**old, "scene": list(image) if image else None,
             "sprites": stage_ops.clear_layer(old, layer),
             "scene_at": _scene_at(refs, atl, seed)}
    return _change_stage(story, stmt, stage, trans)


def _show(story: Story, stmt: Stmt) -> ev.Event:
    a = stmt.args
    trans = _transition(story, a["with_"], stmt)
    words = a["image"]
    old = story.state.stage
    refs, atl, seed = _motion(story, stmt)
    layer = a.get("layer") or stage_ops.MASTER
    if is_scene_image(words) and layer == stage_ops.MASTER:
        scene_at = _scene_at(refs, atl, seed) or old.get("scene_at")
        stage = {**old, "scene": list(words), "scene_at": scene_at}
        if words[0] == "cg":  # a full-screen illustration covers the sprites, as in Ren'Py
            stage["sprites"] = stage_ops.clear_layer(old, layer)
    else:
        zorder = None
        if a.get("zorder") is not None:
            zorder = value_of(story, a["zorder"], stmt)
            if isinstance(zorder, bool) or not isinstance(zorder, int):
                raise ScriptError(stmt.loc, f"zorder takes a whole number, not {zorder!r}",
                                  stmt.source)
        stage = stage_ops.show(old, words[0], list(words[1:]), a.get("as_"), refs, atl,
                               zorder, a.get("behind"), seed, layer)
    return _change_stage(story, stmt, stage, trans)


def _hide(story: Story, stmt: Stmt) -> ev.Event:
    trans = _transition(story, stmt.args["with_"], stmt)
    stage = stage_ops.hide(story.state.stage, stmt.args["tag"],
                           stmt.args.get("layer") or stage_ops.MASTER)
    return _change_stage(story, stmt, stage, trans)


def _with(story: Story, stmt: Stmt) -> ev.Event:
    trans = _transition(story, stmt.args["with_"], stmt)
    goto(story, story.state.pc + 1)
    return ev.With(trans, stmt.loc)


def _pause(story: Story, stmt: Stmt) -> ev.Event:
    expr = stmt.args["expr"]
    seconds = None if expr is None else _seconds(story, expr, stmt, "pause")
    story.state.status = RunStatus.WAITING
    return ev.Pause(seconds, stmt.loc, bool(stmt.args.get("hard")))


def _play(story: Story, stmt: Stmt) -> ev.Event:
    a = stmt.args
    value = value_of(story, a["files"], stmt)
    files = [value] if isinstance(value, str) else value
    if not isinstance(files, list) or not files or not all(isinstance(f, str) for f in files):
        raise ScriptError(stmt.loc, "play takes a file name or a list of file names",
                          stmt.source)
    fadein = 0.0 if a["fadein"] is None else _seconds(story, a["fadein"], stmt, "fadein")
    fadeout = 0.0 if a["fadeout"] is None else _seconds(story, a["fadeout"], stmt, "fadeout")
    channel = a["channel"]
    loop = a["loop"] if a["loop"] is not None else channel in ev.LOOPING
    st = story.state
    if channel in ev.LOOPING:
        playing = st.stage.get(channel)
        if stmt.kind == "queue" and playing is not None:
            playing = {**playing, "files": playing["files"] + files, "loop": loop}
        else:
            playing = {"files": list(files), "loop": loop}
        st.stage = {**st.stage, channel: playing}
    goto(story, st.pc + 1)
    return ev.Audio(stmt.kind, channel, tuple(files), fadein, fadeout, loop, stmt.loc,
                    st.stage["music"], st.stage.get("ambient"))


def _stop(story: Story, stmt: Stmt) -> ev.Event:
    expr = stmt.args["fadeout"]
    fadeout = 0.0 if expr is None else _seconds(story, expr, stmt, "fadeout")
    st = story.state
    channel = stmt.args["channel"]
    if channel in ev.LOOPING and st.stage.get(channel) is not None:
        st.stage = {**st.stage, channel: None}
    goto(story, st.pc + 1)
    return ev.Audio("stop", channel, (), 0.0, fadeout, False, stmt.loc,
                    st.stage["music"], st.stage.get("ambient"))


def _pass(story: Story, stmt: Stmt) -> None:
    goto(story, story.state.pc + 1)


HANDLERS = {
    "label": _label, "say": _say, "menu": _menu, "jump": _jump, "call": _call,
    "return": _return, "goto": _goto, "branch": _branch, "assign": _assign,
    "scene": _scene, "show": _show, "hide": _hide, "with": _with, "pause": _pause,
    "play": _play, "queue": _play, "stop": _stop, "pass": _pass,
}
