"""Files a scene names, and scene files themselves, must lie inside the game folder once
symlinks are resolved, and be regular files: lint says file:line, the tools report and
stop, the game draws a placeholder and warns. A run under strace proves the game opens
nothing outside its own folders (and the system's)."""

from __future__ import annotations

import os
import re
import resource
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from engine.script import ScriptError, load_game
from tests.hostile.data_helpers import (
    clean,
    demo_save,
    edited,
    hang_guard_fixture,  # noqa: F401 - autouse
)
from tests.hostile.test_data_saves import bomb_png, set_in, sprites
from tests.player.helpers import DEMO, ROOT, make_game, play

TOOL_TIMEOUT = 60  # seconds: a hang (a FIFO read plainly) fails the test instead of it

HOSTILE = '''
image bg evil = "../../secret.png"
label start:
    scene bg evil
    play music "{secret}"
    show eileen happy
    "Hi."
    "Bye."
    return
'''


def hostile_game(tmp: Path) -> tuple[Path, Path]:
    """A game whose scene names a picture and a sound outside it; and the secret."""
    secret = tmp / "secret.png"
    shutil.copy(DEMO / "assets" / "backgrounds" / "room.png", secret)
    return make_game(tmp, HOSTILE.format(secret=secret)), secret


def tool(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "engine", *argv], capture_output=True,
                          text=True, timeout=TOOL_TIMEOUT, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def test_lint_names_each_file_outside_the_game_at_its_line(tmp_path: Path) -> None:
    game, _ = hostile_game(tmp_path)
    r = tool("lint", "--game", str(game))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert re.search(r"scenes/game.scene:1:1: error: image 'bg evil': the file lies "
                     r"outside the game's own folders", r.stdout)
    assert "scenes/game.scene:3:5: error: background 'bg evil': assets/../../secret.png: " \
           "the file lies outside" in r.stdout
    assert f"scenes/game.scene:4:5: error: audio file '{tmp_path}/secret.png': the file " \
           "lies outside" in r.stdout


def test_the_tools_and_the_game_run_past_the_hostile_names(tmp_path: Path) -> None:
    game, _ = hostile_game(tmp_path)
    for argv in (["play-text"], ["routes"], ["graph", "--output", str(tmp_path / "g.dot")]):
        r = tool(*argv, "--game", str(game))
        assert "Traceback" not in r.stderr, (argv, r.stderr)
    r = play(tmp_path, """
        expect-text Hi.
        advance 1
        expect-text Bye.
    """, game=game)
    clean(r)
    assert "audio file" in r.stderr and "lies outside the game's own folders" in r.stderr


def test_a_sprite_named_by_a_path_is_a_parse_error_at_its_line(tmp_path: Path) -> None:
    game = make_game(tmp_path, 'label start:\n    show ../../secret\n    "Hi."\n')
    r = tool("lint", "--game", str(game))
    assert "scenes/game.scene:2:10: error: expected the image to show" in r.stdout


@pytest.mark.parametrize("kind", ["symlink out", "fifo", "dev zero"])
def test_a_hostile_scene_file_is_an_error_naming_it(tmp_path: Path, kind: str) -> None:
    game = make_game(tmp_path, 'label start:\n    "Hi."\n    return\n')
    bad = game / "scenes" / "extra.scene"
    if kind == "symlink out":
        outside = tmp_path / "outside.scene"
        outside.write_text('label elsewhere:\n    "secret"\n')
        os.symlink(outside, bad)
        reason = "the file lies outside the game's own folders"
    elif kind == "fifo":
        os.mkfifo(bad)
        reason = "not a regular file"
    else:
        os.symlink("/dev/zero", bad)
        reason = "the file lies outside the game's own folders"
    with pytest.raises(ScriptError) as err:
        load_game(game, use_cache=False)
    assert err.value.format().startswith(f"scenes/extra.scene:1:1: error: cannot read the "
                                         f"file: {reason}")
    r = tool("lint", "--game", str(game))  # within the timeout: no hang on the FIFO
    assert "scenes/extra.scene:1:1: error: cannot read the file" in r.stdout
    r = play(tmp_path, "expect-screen error\nquit\n", game=game)
    assert "Traceback" not in r.stderr


def test_a_fifo_map_among_the_backgrounds_cannot_hang_lint(tmp_path: Path) -> None:
    game = make_game(tmp_path, 'label start:\n    scene bg trap\n    "Hi."\n')
    os.mkfifo(game / "assets" / "backgrounds" / "trap.tmx")
    r = tool("lint", "--game", str(game))
    assert "scenes/game.scene:2:5: error: background 'bg trap'" in r.stdout


def test_a_scenes_folder_linked_out_of_the_game_is_not_walked(tmp_path: Path) -> None:
    game = tmp_path / "game"
    game.mkdir()
    os.symlink("/", game / "scenes")
    with pytest.raises(ScriptError, match="no scene files"):
        load_game(game, use_cache=False)


# --------------------------------------------------------------------------- strace

OPEN = re.compile(r'open(?:at)?\((?:[A-Z_]+|-?\d+), "([^"]+)"')


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_the_game_opens_nothing_outside_its_folders(tmp_path: Path) -> None:
    game, secret = hostile_game(tmp_path)
    data = tmp_path / "data"
    (data / "saves").mkdir(parents=True)
    (data / "settings.json").write_text('{"text_cps": 0}')
    secret_save = tmp_path / "secret-save.json"
    secret_save.write_bytes(demo_save(4))
    os.symlink(secret_save, data / "saves" / "1-1.json")
    (data / "saves" / "1-2.json").write_bytes(edited(demo_save(4), set_in(
        ("state", "stage", "sprites"), sprites(1, "../../../secret"))))
    (data / "saves" / "1-3.json").write_bytes(demo_save(4, thumbnail=bomb_png()))
    os.symlink("/dev/zero", data / "routes.json")
    os.mkfifo(data / "persistent.json")
    script = tmp_path / "run.test"
    script.write_text("expect-text Hi.\nkey s\nkey escape\npress Load\nkey 1\n"
                      "expect-slot 1-1 unreadable\nexpect-slot 1-2 unreadable\n"
                      "expect-slot 1-3 saved\nquit\n")
    trace = tmp_path / "trace.txt"
    env = {k: v for k, v in os.environ.items() if k != "ROADOUT_CACHE_DIR"}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    r = subprocess.run(["strace", "-f", "-qq", "-e", "trace=openat,open,creat", "-o",
                        str(trace), sys.executable, str(ROOT / "main.py"), "--headless",
                        "--game", str(game), "--data-dir", str(data), "--test", str(script),
                        "--warp", "start"], capture_output=True, text=True, timeout=120,
                       env=env, cwd=ROOT)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    # The largest child this process has waited for (KB on Linux): the game is ~150 MB;
    # /dev/zero read whole, or the thumbnail bomb decoded, would be gigabytes.
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 800 * 1024
    opened = [m.group(1) for line in trace.read_text().splitlines()
              if (m := OPEN.search(line))]
    assert opened
    hostile = {str(secret), str(secret_save), "/dev/zero"}
    assert not [p for p in opened if os.path.realpath(p) in hostile or p in hostile]
    allowed = [ROOT, game, data, tmp_path, Path(sys.prefix), Path(sys.base_prefix),
               *map(Path, site.getsitepackages()), Path("/usr"), Path("/lib"),
               Path("/lib64"), Path("/etc"), Path("/dev"), Path("/proc"), Path("/sys"),
               Path("/tmp"), Path("/var/cache/fontconfig")]
    outside = sorted({p for p in opened if p.startswith("/")
                      and not any(Path(p).is_relative_to(a) for a in allowed)})
    assert outside == []
    # --data-dir given: the compiled program's cache is in it, not the user's folder.
    assert list((data / "cache").glob("*.json"))
    assert not [p for p in opened if "/.cache/the-road-out" in p]
