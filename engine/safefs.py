"""Reading files the game did not write itself (scenes, saves, the player's data, assets)
without trusting them: one rule for paths and one way to read.

The rule: a file a scene, save, settings or persistent file names must resolve, after
symlinks, inside one of the folders the game owns (the game folder, the data folder), and
be a regular file of a sane size. A FIFO would block a plain `open` forever and
/dev/zero would fill memory, so files are opened with O_NONBLOCK, checked with fstat on
the open descriptor (no window between the check and the read) and read with a cap.

A refusal is a `Refused`, an OSError, so every caller that already copes with a missing
or unreadable file copes with a hostile one the same way.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path

# Caps, each far above what the game itself writes, far below what would hurt.
MAX_DATA_BYTES = 16 * 1024 * 1024  # settings/persistent/routes: read marks of a long game ~1 MB
MAX_CACHE_BYTES = 256 * 1024 * 1024  # the 48,000-line program compiles to ~11 MB of JSON
MAX_ASSET_BYTES = 512 * 1024 * 1024  # pictures, maps and sounds pygame opens itself

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
    | getattr(os, "O_BINARY", 0)


class Refused(OSError):
    """A file the game will not read, with the reason (as `strerror`, like any OSError)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(errno.EPERM, reason, str(path))


def real(path: Path | str) -> Path:
    """The path with every symlink resolved (as far as it exists)."""
    return Path(os.path.realpath(path))


def inside(path: Path | str, roots: Iterable[Path | str]) -> bool:
    """Whether `path`, symlinks resolved, lies inside one of `roots` (also resolved)."""
    target = real(path)
    return any(target.is_relative_to(real(root)) for root in roots)


def check_inside(path: Path | str, roots: Iterable[Path | str] | None) -> None:
    roots = list(roots) if roots is not None else None
    if roots is not None and not inside(path, roots):
        raise Refused(path, "the file lies outside the game's own folders")


def regular_size(path: Path | str, max_bytes: int) -> int:
    """The size of a regular file no bigger than `max_bytes`; Refused for anything else
    (FileNotFoundError when there is nothing)."""
    st = os.stat(path)
    _check_stat(path, st, max_bytes)
    return st.st_size


def _check_stat(path: Path | str, st: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise Refused(path, "not a regular file")
    if st.st_size > max_bytes:
        raise Refused(path, f"the file is too large ({st.st_size // 1024} KB; at most "
                            f"{max_bytes // 1024} KB)")


def read_bytes(path: Path | str, max_bytes: int,
               roots: Iterable[Path | str] | None = None) -> bytes:
    """A regular file's bytes, at most `max_bytes`; inside `roots` when they are given.
    Raises FileNotFoundError, Refused or another OSError."""
    check_inside(path, roots)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        _check_stat(path, os.fstat(fd), max_bytes)
        chunks, got = [], 0
        while True:
            # A file that grows while it is read stops at the cap all the same.
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            if got > max_bytes:
                raise Refused(path, f"the file is too large (over {max_bytes // 1024} KB)")
        return b"".join(chunks)
    finally:
        os.close(fd)


def usable(path: Path | str, roots: Iterable[Path | str],
           max_bytes: int = MAX_ASSET_BYTES) -> bool:
    """Whether a named asset may be handed to a loader: inside `roots`, a regular file,
    not too large. Never raises."""
    return why_unusable(path, roots, max_bytes) is None


def check_named(path: Path | str, roots: Iterable[Path | str],
                max_bytes: int = MAX_ASSET_BYTES) -> Path:
    """`path` when a loader may open it (see usable); else Refused or FileNotFoundError."""
    check_inside(path, roots)
    regular_size(path, max_bytes)
    return Path(path)


def assets_root(path: Path | str) -> Path:
    """The game's assets/ folder a file below it belongs to (its nearest ancestor named
    `assets`), else the file's own folder: what a map's tilesets and templates must stay
    inside."""
    path = Path(path)
    return next((p for p in path.parents if p.name == "assets"), path.parent)


def why_unusable(path: Path | str, roots: Iterable[Path | str],
                 max_bytes: int = MAX_ASSET_BYTES) -> str | None:
    """None for a usable asset, else why not ("not found", "not a regular file"...)."""
    try:
        check_named(path, roots, max_bytes)
    except FileNotFoundError:
        return "not found"
    except Refused as exc:
        return exc.strerror
    except (OSError, ValueError) as exc:
        return str(getattr(exc, "strerror", None) or exc)
    return None


def set_aside(path: Path) -> Path | None:
    """Rename a file that cannot be read to NAME.corrupt-TIMESTAMP (never over an earlier
    one), so a new file written in its place loses nothing. None when it cannot be moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        aside = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{n}" if n else ""))
        if aside.exists() or aside.is_symlink():
            continue
        try:
            os.replace(path, aside)
        except OSError:
            return None
        return aside
    return None
