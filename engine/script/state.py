"""The story's state as a typed value, and its JSON form (what saves and rollback keep).

Everything in it except the variables is immutable or never changed in place once built:
the call stack is a tuple of frozen frames and each change to the stage builds a new stage
dict. So a snapshot can share those parts with the live story instead of deep-copying them,
and a screen can keep a stage it was handed without copying it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .migrations import STATE_VERSION
from .values import storable_problem

# {"scene", "scene_at", "sprites", "music", "ambient"} and, once a `camera` statement ran,
# "camera"; "scene_conds" while the scene is a ConditionSwitch (cond_pictures.py):
# Story.stage (see stage_ops.py)
Stage = dict[str, Any]
# How text is staged: {"window": auto|show|hide, "page": [NVL entries], "last": the last
# line said, for `extend` and the window's kind}; an entry or a last line is {who, text,
# color, what_color} (a last line also has tag and kind). Never changed in place.
Dialogue = dict[str, Any]
WINDOW_MODES = ("auto", "show", "hide")


class RunStatus(Enum):
    """Where the story stands between two calls of `Story.next()`."""

    READY = "ready"  # the statement at pc runs next
    WAITING = "waiting"  # the say or pause at pc is shown; next() goes on past it
    WAITING_CHOICE = "choice"  # the menu at pc is shown; answer it with choose()
    ENDED = "ended"  # returned from the top level (or never started)


@dataclass(frozen=True, slots=True)
class Frame:
    """Where a `call` returns to."""

    pc: int
    fp: str | None  # the fingerprint of the statement at pc, to find it after edits
    label: str | None
    # What the called label's parameters held before it bound them, put back on return
    # (Ren'Py's parameters are dynamic): {name: [value]}, [] for a name that had none.
    saved: dict[str, list] | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        out = {"pc": self.pc, "fp": self.fp, "label": self.label}
        if self.saved:
            out["saved"] = self.saved
        return out


def empty_stage() -> Stage:
    return {"scene": None, "scene_at": None, "sprites": [], "music": None, "ambient": None}


def empty_dialogue() -> Dialogue:
    return {"window": "auto", "page": [], "last": None}


@dataclass(slots=True)
class StoryState:
    """Position, call stack, variables and what is on stage: the whole of a playthrough."""

    pc: int
    fp: str | None
    label: str | None
    status: RunStatus
    stack: tuple[Frame, ...]
    variables: dict[str, Any]
    stage: Stage
    dialogue: Dialogue = field(default_factory=empty_dialogue)

    def to_json(self) -> dict[str, Any]:
        """The JSON form (version STATE_VERSION). It shares the variables' values and the
        stage with this state, which never changes them in place: treat it as read-only."""
        return {
            "version": STATE_VERSION, "pc": self.pc, "fp": self.fp, "label": self.label,
            "status": self.status.value,
            # Derived from status; kept for readers of version 1 (the screen checks
            # "waiting" to skip a line already shown). from_json ignores them.
            "waiting": self.status in (RunStatus.WAITING, RunStatus.WAITING_CHOICE),
            "ended": self.status is RunStatus.ENDED,
            "stack": [frame.to_json() for frame in self.stack],
            "vars": dict(self.variables), "stage": self.stage,
            "dialogue": self.dialogue,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> StoryState:
        """The state in a version-STATE_VERSION JSON form (see migrations.migrate for older
        ones). Positions are taken as written: Story.restore finds them again in the
        program. Raises ValueError for data of the wrong shape."""
        try:
            status = RunStatus(data["status"])
            stack = data["stack"]
            variables = data["vars"]
            if not isinstance(variables, dict) or not isinstance(stack, list):
                raise ValueError("'vars' or 'stack' has the wrong type")
            frames = tuple(Frame(f["pc"], f["fp"], f["label"], _saved(f.get("saved")))
                           for f in stack)
            check_stage(data["stage"])
            # Optional: a snapshot from before text staging has the default.
            dialogue = data.get("dialogue", empty_dialogue())
            check_dialogue(dialogue)
            return StoryState(data["pc"], data["fp"], data["label"], status, frames,
                              variables, data["stage"], dialogue)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"story state is incomplete: {exc}") from None

    # The state was a plain dict once; these let code written against it (the screen's
    # `state.get("label")`, a benchmark's `state["stage"] = ...`) run unchanged.
    # New code uses the attributes.
    _KEYS = {"pc": "pc", "fp": "fp", "label": "label", "vars": "variables",
             "stage": "stage"}

    def __getitem__(self, key: str) -> Any:
        if key not in self._KEYS:
            raise KeyError(key)
        return getattr(self, self._KEYS[key])

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, self._KEYS[key]) if key in self._KEYS else default

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._KEYS:
            raise KeyError(key)
        setattr(self, self._KEYS[key], value)


def _saved(saved: Any) -> dict[str, list] | None:
    if saved is None:
        return None
    if not isinstance(saved, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and len(v) <= 1
            and (not v or storable_problem(v[0]) is None) for k, v in saved.items()):
        raise ValueError("a call's saved parameters are damaged")
    return saved


def json_safe(value: Any) -> bool:
    """True when a value survives JSON unchanged, within the bounds on size and depth:
    what a variable may hold."""
    return storable_problem(value) is None


def _is_words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(w, str) for w in value)


def _is_motion(d: dict) -> bool:
    """A sprite's (or the scene's) transforms and ATL have the shape the evaluator runs."""
    refs = d.get("transforms", [])
    atl = d.get("atl")
    return (isinstance(refs, list) and all(
        isinstance(r, dict) and isinstance(r.get("name"), str)
        and isinstance(r.get("args", {}), dict) for r in refs)
        and (atl is None or (isinstance(atl, list)
                             and all(isinstance(s, dict) and "op" in s for s in atl)))
        and type(d.get("seed", 0)) is int)


def check_stage(stage: Any) -> None:
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
            and _is_motion(sp) and type(sp.get("zorder", 0)) is int
            and (sp.get("as") is None or isinstance(sp.get("as"), str))
            and (sp.get("text") is None or isinstance(sp.get("text"), str))
            and _is_words(sp.get("was", []))
            and (sp.get("layer") is None or isinstance(sp.get("layer"), str))
            for sp in sprites):
        raise ValueError("the stage's sprites are damaged")
    scene_at = stage.get("scene_at")
    if scene_at is not None and not (isinstance(scene_at, dict) and _is_motion(scene_at)):
        raise ValueError("the stage's scene transforms are damaged")
    camera = stage.get("camera")
    if camera is not None and not (isinstance(camera, dict) and all(
            isinstance(layer, str) and isinstance(m, dict) and _is_motion(m)
            for layer, m in camera.items())):
        raise ValueError("the stage's camera is damaged")
    for channel in ("music", "ambient"):
        playing = stage.get(channel)
        if playing is not None and not (isinstance(playing, dict)
                                        and _is_words(playing.get("files"))
                                        and isinstance(playing.get("loop"), bool)):
            raise ValueError(f"the stage's {channel} is damaged")


def _is_line(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("text"), str) and all(
        value.get(k) is None or isinstance(value.get(k), str)
        for k in ("who", "color", "what_color", "tag", "kind"))


def check_dialogue(dialogue: Any) -> None:
    """The text staging's shape (see Dialogue), checked as check_stage checks the stage."""
    if not isinstance(dialogue, dict) or dialogue.get("window") not in WINDOW_MODES:
        raise ValueError("the dialogue window's state is damaged")
    page = dialogue.get("page")
    if not isinstance(page, list) or not all(_is_line(e) for e in page):
        raise ValueError("the NVL page is damaged")
    last = dialogue.get("last")
    if last is not None and not _is_line(last):
        raise ValueError("the last line said is damaged")
