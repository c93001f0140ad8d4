"""Text staging at run time: `extend`, `window show|hide|auto`, the NVL page and
`nvl clear|show|hide` (Ren'Py's rules; parsed in parse_text.py).

The state they keep is `StoryState.dialogue` (see state.py): the window's mode, the NVL
page's entries and the last line said. A line changes it only when the story moves past
it (`commit`), so a snapshot taken while a line is shown holds the state from before the
line, and restoring it says the line again exactly once: rollback, saves and a reload
re-show an extended line or an NVL page as it was, never doubled.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from . import events as ev
from . import stage_ops, steps
from .errors import ScriptError
from .values import image_name_problem

if TYPE_CHECKING:
    from .program import Stmt
    from .story import Story

# Entries an NVL page keeps (the screen pages them by what fits); older ones are dropped.
NVL_KEEP = 40


def _extended(story: Story, stmt: Stmt, say: ev.Say) -> ev.Say:
    """An `extend`: the last line said, with these words added, by the same speaker."""
    last = story.state.dialogue["last"]
    if last is None:
        raise ScriptError(stmt.loc, "'extend' has no line to continue: nothing was said "
                          "before it", stmt.source,
                          hint='say the line first, then add to it: e "Hello," then '
                          'extend " world."')
    prior = last["text"]
    return replace(say, who=last["who"], text=f"{prior}{ev.FAST}{say.text}",
                   color=last["color"], what_color=last["what_color"], tag=last["tag"],
                   kind=last["kind"] or "adv", prior=prior)


_STEP_SAY = steps.HANDLERS["say"]


def _say(story: Story, stmt: Stmt) -> ev.Event:
    event: ev.Say = _STEP_SAY(story, stmt)  # type: ignore[assignment]
    if event.kind == "extend":
        event = _extended(story, stmt, event)
        if stmt.args["attrs"] and event.tag:
            _extend_attrs(story, stmt, event.tag)
    story._pending = event
    return event


def _extend_attrs(story: Story, stmt: Stmt, tag: str) -> None:
    """`extend happy "…"`: the attributes change the last speaker's image, as on the say
    line it continues (Ren'Py's say attributes)."""
    attrs = stmt.args["attrs"]
    if problem := image_name_problem([tag, *attrs]):
        raise ScriptError(stmt.loc, problem, stmt.source)
    stage = stage_ops.speaker_attrs(story.state.stage, tag, attrs)
    if stage is not None:
        story.state.stage = stage


def speaker_tag(story: Story, name: str | None, char: dict) -> str | None:
    """The image tag a speaker's say attributes change: `extend`'s is the last speaker's."""
    if char.get("kind") == "extend":
        return (story.state.dialogue["last"] or {}).get("tag")
    return char.get("image") or (name.lower() if char and name else None)


def _menu(story: Story, stmt: Stmt) -> ev.Event | None:
    event = steps.HANDLERS["menu"](story, stmt)
    if event is None:  # a set menu whose every option was chosen: it is passed over
        return None
    assert isinstance(event, ev.Menu)
    if event.prompt is not None:
        if event.prompt.kind == "extend":
            event = replace(event, prompt=_extended(story, stmt, event.prompt))
        story._pending = event.prompt
    return event


def commit(story: Story) -> None:
    """The story moves past the line on screen: it becomes the last line said and, in NVL
    mode, an entry of the page (an extend's joined line replaces the one it continues)."""
    say = story._pending
    if say is None:
        return
    story._pending = None
    d = story.state.dialogue
    last = {"who": say.who, "text": say.text, "color": say.color,
            "what_color": say.what_color, "tag": say.tag, "kind": say.kind}
    page = d["page"]
    if say.kind == "nvl":
        entry = {"who": say.who, "text": say.text, "color": say.color,
                 "what_color": say.what_color}
        page = [*page[:-1], entry] if say.prior and page else [*page, entry][-NVL_KEEP:]
    # Built whole, not copied with **: this runs once a line, on every route lint walks.
    story.state.dialogue = {"window": d["window"], "page": page, "last": last}


def page(story: Story) -> list[dict]:
    """The NVL page as it shows now: its entries, and the line on screen when it is an
    NVL line."""
    entries = list(story.state.dialogue["page"])
    say = story._pending
    if say is not None and say.kind == "nvl":
        entry = {"who": say.who, "text": say.text, "color": say.color,
                 "what_color": say.what_color}
        if say.prior and entries:
            entries[-1] = entry
        else:
            entries.append(entry)
    return entries


def _window(story: Story, stmt: Stmt) -> ev.Event:
    trans = steps.transition_of(story, stmt.args["with_"], stmt)
    d = story.state.dialogue
    if d["window"] != stmt.args["mode"]:
        story.state.dialogue = {**d, "window": stmt.args["mode"]}
    steps.goto(story, story.state.pc + 1)
    return ev.Window(stmt.args["action"], trans, stmt.loc)


def _nvl(story: Story, stmt: Stmt) -> ev.Event:
    trans = steps.transition_of(story, stmt.args["with_"], stmt)
    d = story.state.dialogue
    if stmt.args["action"] == "clear" and d["page"]:
        story.state.dialogue = {**d, "page": []}
    steps.goto(story, story.state.pc + 1)
    return ev.Nvl(stmt.args["action"], trans, stmt.loc)


HANDLERS = {"say": _say, "menu": _menu, "window": _window, "nvl": _nvl}
