"""Every key, mouse button and gamepad button the player uses, as one table (Ren'Py's
config.keymap). The input layer, the help screen, the README's key table and the test
harness all read it, so they cannot disagree.

A key is written the way pygame names it (`pygame.key.key_code`), with modifiers before
it: `shift+r`, `alt+return`. `plain+v` means V with neither Ctrl, Alt nor Meta held (Shift
may be); a key with no modifier matches whatever is held. The first binding that matches
wins among those asking for the most modifiers (Alt+Enter is fullscreen, Enter alone is
not).
"""

from __future__ import annotations

from dataclasses import dataclass

# Actions the app handles itself, whatever screen is on top.
APP_ACTIONS = ("voicing", "clipboard", "fullscreen", "reload", "screenshot")


@dataclass(frozen=True)
class Binding:
    action: str
    keys: tuple[str, ...] = ()
    mouse: tuple[str, ...] = ()  # left, middle, right, wheelup, wheeldown
    pad: tuple[str, ...] = ()  # names of PAD_BUTTONS
    does: str = ""  # for the help screen and the README


KEYMAP: tuple[Binding, ...] = (
    Binding("advance", ("space",), does="finish the line, or go on to the next"),
    Binding("click", mouse=("left",), does="press a button, or go on"),
    Binding("activate", ("return", "enter"), pad=("a",),
            does="press the focused button, or go on"),
    Binding("number", tuple(str(n) for n in range(1, 10))
            + tuple(f"[{n}]" for n in range(1, 10)), does="pick a choice by its number"),
    Binding("up", ("up",), pad=("up",), does="move the focus up"),
    Binding("down", ("down",), pad=("down",), does="move the focus down"),
    Binding("left", ("left",), pad=("left",), does="move the focus left"),
    Binding("right", ("right",), pad=("right",), does="move the focus right"),
    Binding("back", ("escape",), ("right",), ("b", "start"),
            does="the game menu (History, Save, Load, Settings…); back out of a screen"),
    Binding("rollback", ("page up",), ("wheelup",),
            does="roll back one line (choose again after rolling back)"),
    Binding("rollforward", ("page down",), ("wheeldown",), does="roll forward one line"),
    Binding("skip", ("tab",), does="skip lines already read (a setting allows unread ones "
                                   "too); Ctrl held skips too"),
    Binding("auto", ("plain+a",), does="auto-forward"),
    Binding("quicksave", ("f5",), does="quick save"),
    Binding("quickload", ("f9",), does="quick load"),
    Binding("delete", ("delete",), does="remove the selected save slot (asks first)"),
    Binding("home", ("home",), does="history: to the oldest line"),
    Binding("end", ("end",), does="history: to the newest line"),
    Binding("hide", ("h",), ("middle",), ("y",), does="hide the text box"),
    Binding("fullscreen", ("f11", "alt+return", "alt+enter", "plain+f"), does="fullscreen"),
    Binding("screenshot", ("plain+s", "alt+s"), does="screenshot (into the data folder)"),
    Binding("reload", ("shift+r",), does="reload the scene files and stay on the same line "
                                         "(for writers)"),
    Binding("voicing", ("plain+v",), does="self-voicing: each line, choice and button is "
                                          "read aloud (needs espeak-ng)"),
    Binding("clipboard", ("shift+c",), does="clipboard voicing: each line is copied to the "
                                            "clipboard, for screen readers"),
)

# Gamepad buttons by the names scripts and the table use (SDL's game controller layout).
PAD_BUTTONS = {
    "a": "CONTROLLER_BUTTON_A", "b": "CONTROLLER_BUTTON_B", "x": "CONTROLLER_BUTTON_X",
    "y": "CONTROLLER_BUTTON_Y", "start": "CONTROLLER_BUTTON_START",
    "back": "CONTROLLER_BUTTON_BACK", "up": "CONTROLLER_BUTTON_DPAD_UP",
    "down": "CONTROLLER_BUTTON_DPAD_DOWN", "left": "CONTROLLER_BUTTON_DPAD_LEFT",
    "right": "CONTROLLER_BUTTON_DPAD_RIGHT",
}
MOUSE_BUTTONS = {1: "left", 2: "middle", 3: "right"}
MODIFIERS = ("shift", "ctrl", "alt", "plain")
# Keys held rather than pressed: Ctrl skips while it is down (Ren'Py's keymap).
HOLD_TO_SKIP = ("left ctrl", "right ctrl")


def split_key(spec: str) -> tuple[frozenset[str], str]:
    """'shift+r' → ({'shift'}, 'r'); '+' alone is the plus key."""
    if spec == "+" or "+" not in spec:
        return frozenset(), spec
    *mods, key = spec.split("+")
    bad = [m for m in mods if m not in MODIFIERS]
    if bad:
        raise ValueError(f"unknown modifier {bad[0]!r} in {spec!r} (known: "
                         f"{', '.join(MODIFIERS)})")
    return frozenset(mods), key


def mods_match(wanted: frozenset[str], held: frozenset[str]) -> bool:
    """Whether the modifiers `held` (shift, ctrl, alt, meta) satisfy a binding's."""
    if "plain" in wanted and held & {"ctrl", "alt", "meta"}:
        return False
    return wanted - {"plain"} <= held


def key_label(spec: str) -> str:
    """How the help screen and README write a key: 'shift+r' → 'Shift+R'."""
    mods, key = split_key(spec)
    names = {"page up": "Page Up", "page down": "Page Down", "return": "Enter",
             "enter": "Keypad Enter", "escape": "Escape", "space": "Space", "tab": "Tab",
             "delete": "Delete", "home": "Home", "end": "End"}
    shown = names.get(key, key.upper() if len(key) == 1 or key[0] == "f" and key[1:].isdigit()
                      else key.title())
    prefix = "".join(m.title() + "+" for m in ("shift", "ctrl", "alt") if m in mods)
    return prefix + shown


def describe(binding: Binding) -> str:
    """All the ways to do an action, for people: 'Page Up, mouse wheel up'."""
    parts = [key_label(k) for k in binding.keys if not k.startswith("[")]
    parts += [f"{m} click" if m in MOUSE_BUTTONS.values() else "mouse " + m.replace(
        "wheel", "wheel ") for m in binding.mouse]
    parts += [f"pad {p.upper() if len(p) == 1 else p.title()}" for p in binding.pad]
    if binding.action == "number":
        parts = ["1–9"]
    return ", ".join(parts)


def table() -> list[str]:
    """The README's key table, one Markdown row a binding."""
    return ["| key | does |", "|---|---|",
            *(f"| {describe(b)} | {b.does} |" for b in KEYMAP)]
