"""The player's data on disk: settings and persistent data (endings seen, lines read,
images seen, music heard, choices taken).

Both are small JSON files in the data folder (platformdirs, or --data-dir). They are
written to a temporary file and renamed, so a crash mid-write never leaves half a file;
a file that does not parse is reported, set aside and replaced by defaults.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import safefs
from engine.atomic import write_json_atomic
from engine.textbox import TEXT_SIZES  # with the box's rules, which lint checks lines against
from engine.untrusted import check_shape, clean_name, clean_strings

log = logging.getLogger("roadout.data")

APP_NAME = "the-road-out"
PERSISTENT_VERSION = 1

# Characters per second; 0 means the whole line at once (Ren'Py's "instant").
TEXT_SPEEDS = (20, 40, 70, 120, 0)

AUTO_RANGE = (1.0, 30.0)
DEFAULT_BOX_OPACITY = 0.85  # shows the box at theme.BOX_ALPHA, the one lint proves

DEFAULT_SETTINGS: dict[str, Any] = {
    "text_cps": 40,
    "auto_delay": 15.0,
    "music_volume": 0.7,
    "ambient_volume": 0.7,
    "sound_volume": 0.8,
    "fullscreen": False,
    "skip_unread": False,
    "box_opacity": DEFAULT_BOX_OPACITY,
    "text_size": 100,
    "reduce_motion": False,
    "high_contrast": False,
    "readable_font": False,
    "self_voicing": False,
}

# Allowed values: a tuple of choices or a (low, high) range for numbers.
_CHOICES: dict[str, tuple] = {"text_cps": TEXT_SPEEDS, "text_size": TEXT_SIZES}
_RANGES: dict[str, tuple[float, float]] = {
    "auto_delay": AUTO_RANGE, "music_volume": (0.0, 1.0), "ambient_volume": (0.0, 1.0),
    "sound_volume": (0.0, 1.0), "box_opacity": (0.0, 1.0)}


def valid_setting(key: str, value: Any) -> bool:
    """Whether a value read from settings.json may be used for `key` (hand edits included)."""
    default = DEFAULT_SETTINGS.get(key)
    if default is None:
        return False
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if key in _CHOICES:
        return value in _CHOICES[key]
    low, high = _RANGES[key]
    return low <= value <= high


# The persistent lists of names a playthrough adds to (lines read, images seen, tracks
# heard, choices taken), each asked about often.
MARKS = ("read", "seen_images", "heard_music", "chosen")


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _read_json(path: Path, problems: list[str]) -> dict[str, Any] | None:
    """The file's JSON object; None when there is no file, or when it cannot be read --
    then it is reported and kept aside (see set_aside) so the next write cannot lose it."""
    try:
        raw = safefs.read_bytes(path, safefs.MAX_DATA_BYTES, roots=[path.parent])
    except FileNotFoundError:
        return None
    except NotADirectoryError as exc:  # --data-dir names a plain file: nothing to set aside
        problems.append(f"{path.name} could not be read ({exc.strerror}); using defaults")
        log.warning("%s", problems[-1])
        return None
    except OSError as exc:  # a FIFO, a device, a link out of the folder, unreadable
        return _unreadable(path, exc.strerror or str(exc), problems)
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data
    except RecursionError:
        reason = "nested too deeply"
    except (ValueError, UnicodeDecodeError) as exc:
        reason = str(exc)
    return _unreadable(path, reason, problems)


def _unreadable(path: Path, reason: str, problems: list[str]) -> None:
    kept = safefs.set_aside(path)
    where = f"; the old file is kept as {kept.name}" if kept else ""
    message = f"{path.name} could not be read ({reason}); starting from defaults{where}"
    log.warning("%s", message)
    problems.append(message)
    return None


class DataStore:
    """Settings and persistent data of one data folder."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_data_dir()
        self.problems: list[str] = []  # shown to the player once, on the title screen
        self.on_failure: Callable[[str], None] | None = None  # the app shows a notice
        self.settings: dict[str, Any] = dict(DEFAULT_SETTINGS)
        self.persistent: dict[str, Any] = self._fresh_persistent()
        self._load()

    @staticmethod
    def _fresh_persistent() -> dict[str, Any]:
        return {"version": PERSISTENT_VERSION, "endings": [], "read": [], "vars": {},
                "seen_images": [], "heard_music": [], "chosen": []}

    @property
    def settings_path(self) -> Path:
        return self.root / "settings.json"

    @property
    def persistent_path(self) -> Path:
        return self.root / "persistent.json"

    @property
    def screenshot_dir(self) -> Path:
        return self.root / "screenshots"

    def _load(self) -> None:
        data = _read_json(self.settings_path, self.problems)
        if data:
            bad = []
            for key in DEFAULT_SETTINGS:
                if key not in data:
                    continue
                # A hand-edited file with a wrong type or value falls back per key.
                if valid_setting(key, data[key]):
                    self.settings[key] = data[key]
                else:
                    bad.append(key)
            if bad:
                log.warning("settings.json: bad value for %s; using the defaults",
                            ", ".join(bad))
        data = _read_json(self.persistent_path, self.problems)
        if data:
            fresh = self._fresh_persistent()
            fresh["endings"] = self._names(data, "endings", "the endings seen", False)
            fresh["read"] = self._names(data, "read", "the lines read", False)
            fresh["vars"] = self._vars(data.get("vars"))
            fresh["seen_images"] = self._names(data, "seen_images", "the gallery")
            fresh["heard_music"] = self._names(data, "heard_music", "the music room")
            fresh["chosen"] = self._names(data, "chosen", "the choices' marks")
            self.persistent = fresh
        # Each list of names the player's playthroughs add to, with a set beside it so
        # asking "seen before?" (every line, every image) is not a walk of the list.
        self._known = {key: set(self.persistent[key]) for key in MARKS}

    def _names(self, data: dict[str, Any], key: str, where: str, words: bool = True
               ) -> list[str]:
        """endings, read, seen_images or heard_music as read: a list of names (an ending's
        name, a line's fingerprint, an image's words, a music file's path below assets/).
        A damaged entry is dropped alone, and reported: the rest are kept."""
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self._problem(f"persistent.json: {key} is not a list; {where} starts empty")
            return []
        good = [name for v in value if (name := clean_name(v)) is not None]
        if len(good) < len(value):
            self._problem(f"persistent.json: {len(value) - len(good)} damaged {key} "
                          f"entries skipped")
        return list(dict.fromkeys(" ".join(v.split()) if words else v for v in good))

    def _vars(self, value: Any) -> dict[str, Any]:
        """persistent.* variables as read: each one nested too deeply or too big is
        dropped alone; NULs and lone surrogates in text are replaced."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._problem("persistent.json: vars is not an object; persistent values reset")
            return {}
        out = {}
        for key, v in value.items():
            if clean_name(key) is None or check_shape(v) is not None:
                self._problem(f"persistent.json: the value of {key[:40]!r} is damaged; "
                              "dropped")
                continue
            out[key] = clean_strings(v)
        return out

    def _problem(self, message: str) -> None:
        self.problems.append(message)
        log.warning("%s", message)

    # --- persistent --------------------------------------------------------------------

    @property
    def endings(self) -> list[str]:
        return list(self.persistent["endings"])

    def record_ending(self, name: str) -> None:
        name = clean_name(name) or clean_name(" ".join(str(name).split())[:200]) or "The End"
        if name not in self.persistent["endings"]:
            self.persistent["endings"].append(name)
        self.save_persistent()

    def _mark(self, key: str, name: str) -> bool:
        """Add `name` to the persistent list `key`; True when it is new."""
        known = self._known[key]
        if name in known:
            return False
        known.add(name)
        self.persistent[key].append(name)
        return True

    def mark_read(self, fingerprint: str) -> None:
        self._mark("read", fingerprint)

    def is_read(self, fingerprint: str) -> bool:
        return fingerprint in self._known["read"]

    def see_image(self, name: str) -> bool:
        """An image was shown (Ren'Py's renpy.seen_image); True when it is new."""
        return self._mark("seen_images", name)

    def seen_image(self, name: str) -> bool:
        return name in self._known["seen_images"]

    def hear_music(self, name: str) -> bool:
        """A music track started playing ("music/title.ogg"); True when it is new."""
        return self._mark("heard_music", name)

    def heard_music(self, name: str) -> bool:
        return name in self._known["heard_music"]

    def choose(self, key: str) -> None:
        """A choice was taken (playthrough.choice_key): later menus mark it, as Ren'Py's
        "chosen" style does."""
        self._mark("chosen", key)

    def was_chosen(self, key: str) -> bool:
        return key in self._known["chosen"]

    def save_persistent(self) -> None:
        self._write(self.persistent_path, self.persistent)

    def save_settings(self) -> None:
        self._write(self.settings_path, self.settings)

    def _write(self, path: Path, data: dict[str, Any]) -> None:
        """Write a file of the data folder; a failure (read-only, full, a file where the
        folder should be, gone) is told to the player through `on_failure`, and the game
        goes on with what it has in memory."""
        try:
            write_json_atomic(path, data)
        except (OSError, ValueError, TypeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            log.warning("could not write %s: %s", path, reason)
            if self.on_failure is not None:
                self.on_failure(f"could not save: {reason}")
