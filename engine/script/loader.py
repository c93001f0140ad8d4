"""Finds a game's scene files, parses and compiles them, and caches the compiled program.

The cache is JSON (never pickle) keyed by the hash of every scene file and of the compiler's
own source, so start-up reads one file instead of re-parsing a long script, and a stale
cache can never be used.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from engine import safefs

from .errors import Loc, ScriptError
from .limits import MAX_GAME_LINES, MAX_GAME_SCENE_BYTES, MAX_SCENE_BYTES
from .program import Program

T = TypeVar("T")

SCENE_PATTERNS = ("*.scene", "*.rpy")


def scene_files(game_dir: Path) -> list[Path]:
    """Every scene file of a game, in a stable order (by path, as Ren'Py loads them)."""
    root = game_dir / "scenes"
    if not safefs.inside(root, [game_dir]):
        return []  # scenes/ linked out of the game (to "/": a walk of the whole disk)
    found: set[Path] = set()
    for pattern in SCENE_PATTERNS:
        found.update(root.rglob(pattern))
    return sorted(found, key=lambda p: p.relative_to(game_dir).as_posix())


def display_name(path: Path, game_dir: Path) -> str:
    try:
        return path.relative_to(game_dir).as_posix()
    except ValueError:
        return str(path)


def read_text(path: Path, name: str, game_dir: Path | None = None) -> str:
    """A scene file's text. With `game_dir`, the file must resolve inside it (a symlink
    out of the game is refused); a FIFO, a device or a huge file is refused too."""
    try:
        roots = [game_dir] if game_dir is not None else None
        return safefs.read_bytes(path, MAX_SCENE_BYTES, roots).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScriptError(Loc(name, 1, 1), f"file is not UTF-8 text ({exc.reason} at byte "
                          f"{exc.start})") from None
    except OSError as exc:
        raise ScriptError(Loc(name, 1, 1), f"cannot read the file: {exc.strerror}") from None


def _engine_hash() -> str:
    h = hashlib.blake2b(digest_size=8)
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.read_bytes())
    return h.hexdigest()


KEEP_CACHED = 4  # compiled programs kept: the newest few (edits make a new one each)


def _cache_dir(preferred: Path | None = None) -> Path | None:
    """Where compiled programs are cached: ROADOUT_CACHE_DIR (tests, the bench), else
    `preferred` (the player's data folder's, when --data-dir is given), else the user's
    cache folder."""
    override = os.environ.get("ROADOUT_CACHE_DIR")
    if override:
        return Path(override)
    if preferred is not None:
        return preferred
    try:
        import platformdirs
    except ImportError:
        return None
    return Path(platformdirs.user_cache_dir("the-road-out", appauthor=False)) / "programs"


def compile_texts(texts: list[tuple[str, str]], errors: list[ScriptError] | None = None
                  ) -> Program:
    """Compile (name, text) pairs. With `errors`, a file that fails to parse is reported
    there and left out, so every file's first problem is seen in one run; without it, the
    first problem raises."""
    with _no_cyclic_gc():
        return _compile_texts(texts, errors)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """A script makes hundreds of thousands of small objects and no cycles: the cyclic
    collector only slows compiling and cache loading down (by a third on 50,000 lines)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _compile_texts(texts: list[tuple[str, str]], errors: list[ScriptError] | None) -> Program:
    # Imported here: a game whose program is cached never needs the parser (~25 ms of
    # start-up, mostly the syntax tree's classes).
    from .compiler import compile_files
    from .parser import parse_all, parse_file

    parsed = []
    lines = size = 0
    for name, text in texts:
        lines += text.count("\n") + 1
        size += len(text)
        if lines > MAX_GAME_LINES or size > MAX_GAME_SCENE_BYTES:
            _or_note(errors, _too_much, name, lines > MAX_GAME_LINES)
            continue
        if errors is None:
            nodes = parse_file(text, name)
        else:  # every problem of the file, and what it could read of it (see parse_all)
            nodes = _or_note(errors, parse_all, text, name, errors)
        if nodes is not None:
            parsed.append((name, nodes))
    return compile_files(parsed, errors)


def _too_much(name: str, by_lines: bool) -> None:
    what = f"{MAX_GAME_LINES} lines" if by_lines else \
        f"{MAX_GAME_SCENE_BYTES // (1024 * 1024)} MB"
    raise ScriptError(Loc(name, 1, 1), f"the game's scene files come to more than {what} "
                      "with this one; it is left out")


def _or_note(errors: list[ScriptError] | None, fn: Callable[..., T], *args: Any) -> T | None:
    """fn(*args), or None with its ScriptError noted in `errors` (raised without a list)."""
    try:
        return fn(*args)
    except ScriptError as exc:
        if errors is None:
            raise
        errors.append(exc)
        return None


def load_game(game_dir: Path, errors: list[ScriptError] | None = None,
              use_cache: bool = True, write_cache: bool = True,
              cache_dir: Path | None = None) -> Program:
    """The compiled program of the game in `game_dir` (see compile_texts for `errors`).
    `write_cache=False` reads a cached program but never writes one: for one-off tools
    like lint, where writing would cost more than it saves. `cache_dir`: see _cache_dir."""
    game_dir = Path(game_dir)
    texts = []
    for path in scene_files(game_dir):
        name = display_name(path, game_dir)
        text = _or_note(errors, read_text, path, name, game_dir)
        if text is not None:
            texts.append((name, text))
    if not texts and errors is None:
        raise ScriptError(Loc(display_name(game_dir / "scenes", game_dir), 1, 1),
                          "no scene files (*.scene or *.rpy) found")
    key = hashlib.blake2b(digest_size=16)
    key.update(_engine_hash().encode())
    for name, text in texts:
        key.update(name.encode() + b"\0" + text.encode() + b"\0")
    cache = _cache_dir(cache_dir) if use_cache else None
    cache_file = cache / f"{key.hexdigest()}.json" if cache else None
    if cache_file is not None and cache_file.exists():
        program = _read_cache(cache_file)
        if program is not None:
            return program
    before = len(errors) if errors is not None else 0
    program = compile_texts(texts, errors)
    clean = errors is None or len(errors) == before
    if cache_file is not None and clean and write_cache:
        _write_cache(cache_file, program)
    return program


def _read_cache(path: Path) -> Program | None:
    try:
        raw = safefs.read_bytes(path, safefs.MAX_CACHE_BYTES)
        with _no_cyclic_gc():
            return Program.from_json(json.loads(raw))
    except (ValueError, KeyError, TypeError, OSError, RecursionError):
        return None  # a damaged cache is just a miss


def _write_cache(path: Path, program: Program) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            data = json.dumps(program.to_json(), separators=(",", ":")).encode("utf-8")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        prune_cache(path.parent)
    except (OSError, ValueError):
        pass  # caching is an optimisation; a read-only or full disk must not stop the game


def prune_cache(folder: Path, keep: int = KEEP_CACHED) -> None:
    """Delete all but the `keep` newest compiled programs in `folder` (each edit of the
    scenes makes a new one; without this the folder only grows)."""
    entries = []
    for p in folder.glob("*.json"):
        try:
            entries.append((p.stat().st_mtime, p))
        except OSError:
            continue
    for _, p in sorted(entries, reverse=True)[keep:]:
        p.unlink(missing_ok=True)
