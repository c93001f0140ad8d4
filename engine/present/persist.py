"""The player's data on disk: settings and persistent data (endings seen, lines read).

Both are small JSON files in the data folder (platformdirs, or --data-dir). They are
written to a temporary file and renamed, so a crash mid-write never leaves half a file;
a file that does not parse is reported, set aside and replaced by defaults.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger("roadout.data")

APP_NAME = "the-road-out"
PERSISTENT_VERSION = 1

# Characters per second; 0 means the whole line at once (Ren'Py's "instant").
TEXT_SPEEDS = (20, 40, 70, 120, 0)

DEFAULT_SETTINGS: dict[str, Any] = {
    "text_cps": 40,
    "music_volume": 0.7,
    "sound_volume": 0.8,
    "fullscreen": False,
}


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that either the old or the new file exists whole, never a torn one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_json(path: Path, problems: list[str]) -> dict[str, Any] | None:
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        message = f"{path.name} could not be read ({exc}); starting from defaults"
        log.warning("%s", message)
        problems.append(message)
        # Keep the bad file for the curious instead of overwriting it silently.
        try:
            os.replace(path, path.with_suffix(path.suffix + ".corrupt"))
        except OSError:
            pass
        return None


class DataStore:
    """Settings and persistent data of one data folder."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_data_dir()
        self.problems: list[str] = []  # shown to the player once, on the title screen
        self.settings: dict[str, Any] = dict(DEFAULT_SETTINGS)
        self.persistent: dict[str, Any] = self._fresh_persistent()
        self._load()

    @staticmethod
    def _fresh_persistent() -> dict[str, Any]:
        return {"version": PERSISTENT_VERSION, "endings": [], "read": [], "vars": {}}

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
            for key, default in DEFAULT_SETTINGS.items():
                value = data.get(key, default)
                # A hand-edited file with the wrong types falls back per key.
                if isinstance(value, type(default)) or (
                    isinstance(default, float) and isinstance(value, int)
                ):
                    self.settings[key] = value
        data = _read_json(self.persistent_path, self.problems)
        if data:
            fresh = self._fresh_persistent()
            for key in ("endings", "read"):
                value = data.get(key)
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    fresh[key] = value
            if isinstance(data.get("vars"), dict):
                fresh["vars"] = data["vars"]
            self.persistent = fresh
        self._read_set = set(self.persistent["read"])

    # --- persistent --------------------------------------------------------------------

    @property
    def endings(self) -> list[str]:
        return list(self.persistent["endings"])

    def record_ending(self, name: str) -> None:
        if name not in self.persistent["endings"]:
            self.persistent["endings"].append(name)
        self.save_persistent()

    def mark_read(self, fingerprint: str) -> None:
        if fingerprint not in self._read_set:
            self._read_set.add(fingerprint)
            self.persistent["read"].append(fingerprint)

    def is_read(self, fingerprint: str) -> bool:
        return fingerprint in self._read_set

    def save_persistent(self) -> None:
        try:
            write_json_atomic(self.persistent_path, self.persistent)
        except OSError as exc:
            log.warning("could not write %s: %s", self.persistent_path, exc)

    def save_settings(self) -> None:
        try:
            write_json_atomic(self.settings_path, self.settings)
        except OSError as exc:
            log.warning("could not write %s: %s", self.settings_path, exc)
