"""What the story runtime hands the screen (or the text player): one event at a time.

All plain frozen data, no pygame: the presentation draws a Say, offers a Menu's choices
and tells the story which was taken, plays a transition for a StageChange, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import Loc


@dataclass(frozen=True, slots=True)
class Say:
    who: str | None  # the speaker's display name; None for narration
    text: str  # interpolated, text tags kept
    color: str | None  # the name plate colour
    what_color: str | None
    tag: str | None  # the speaker's sprite tag, if it has one
    loc: Loc
    fingerprint: str
    kind: str = "adv"  # adv (the dialogue box), nvl (the NVL page) or centered
    # An `extend`: the line it continues, already shown. `text` is then that line,
    # {fast}, and the added words, so the typewriter carries on where it was.
    prior: str = ""

    @property
    def added(self) -> str:
        """The words this statement says: all of `text`, or an extend's addition."""
        return self.text[len(self.prior) + len(FAST):] if self.prior else self.text


FAST = "{fast}"


@dataclass(frozen=True, slots=True)
class Window:
    """`window show|hide|auto`: the dialogue window's mode changed (Story.dialogue holds
    it). `action` is what to do now: show, hide, or auto (nothing at once)."""

    action: str
    transition: dict | None
    loc: Loc


@dataclass(frozen=True, slots=True)
class Nvl:
    """`nvl clear|show|hide`: the NVL page was cleared, or is to be shown or hidden."""

    action: str
    transition: dict | None
    loc: Loc


@dataclass(frozen=True, slots=True)
class Choice:
    text: str  # interpolated, tags kept
    index: int  # position in the menu as written (options hidden by guards skipped)


@dataclass(frozen=True, slots=True)
class Menu:
    prompt: Say | None  # said together with the choices, no click between them
    choices: tuple[Choice, ...]  # only those whose guard is true; answer with choose(n)
    loc: Loc
    fingerprint: str


@dataclass(frozen=True, slots=True)
class StageChange:
    """The picture changed (a scene, show or hide statement). `transition` is None for a
    cut. `stage` is the stage after the change, the same shape as `Story.stage`; the story
    never changes it afterwards, so the screen may keep it without copying."""

    kind: str  # scene | show | hide | show_text | camera
    transition: dict | None
    loc: Loc
    # Not compared: two events are equal when they say the same thing, and the stage is
    # what the story holds, which `Story.stage` answers too.
    stage: dict[str, Any] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class With:
    transition: dict | None
    loc: Loc


@dataclass(frozen=True, slots=True)
class Pause:
    seconds: float | None  # None: until the player clicks
    loc: Loc
    hard: bool = False  # renpy.pause(N, hard=True): a click does not end it


# The channels that loop unless told `noloop`, and whose playing the stage keeps.
LOOPING = ("music", "ambient")


@dataclass(frozen=True, slots=True)
class Audio:
    action: str  # play | queue | stop
    channel: str  # music | ambient | sound
    files: tuple[str, ...]
    fadein: float
    fadeout: float
    loop: bool
    loc: Loc
    # The music playing after this statement ({files, loop} or None), the stage's "music";
    # never changed afterwards. Not compared, as StageChange.stage.
    music: dict[str, Any] | None = field(default=None, compare=False)
    ambient: dict[str, Any] | None = field(default=None, compare=False)  # the same, ambience


@dataclass(frozen=True, slots=True)
class End:
    """The story returned from its top level. `ending` is the value of the variable
    `ending` when it did (the name an ending card shows), or None."""

    ending: str | None
    label: str | None
    loc: Loc


@dataclass(frozen=True, slots=True)
class Input:
    """`renpy.input`: the player types a line; answer with Story.enter(text) before the
    next next() (without an answer, `default` stands)."""

    prompt: str
    default: str
    length: int  # at most this many characters
    allow: str | None  # only these characters, when given
    exclude: str  # never these
    loc: Loc
    fingerprint: str


@dataclass(frozen=True, slots=True)
class Notify:
    """`renpy.notify`: a short message shown for a moment over the game."""

    message: str
    loc: Loc


Event = Say | Menu | StageChange | With | Pause | Audio | End | Window | Nvl | Input | Notify
