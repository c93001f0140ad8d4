"""Running `main.py --headless --test` scripts in this process, on the harness's virtual
clock, each run with its own data folder. `play_subprocess` runs the real command line in
a child process, for the few tests that need one."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "tests" / "games" / "demo"


@dataclass
class Result:
    """What a run of main.py gave: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def data_dir(tmp: Path, cps: int = 0) -> Path:
    """A data folder whose settings show text at `cps` (0: at once, to keep tests quick)."""
    d = tmp / "data"
    d.mkdir(exist_ok=True)
    (d / "settings.json").write_text(json.dumps({"text_cps": cps}))
    return d


def run_main(argv: list[str], env: dict | None = None) -> Result:
    """main.py with these arguments, in this process: stdout, stderr and the log captured,
    `env` set for the run only."""
    from main import main

    out, err = io.StringIO(), io.StringIO()
    handler = logging.StreamHandler(err)
    handler.setFormatter(logging.Formatter("%(name)s: %(levelname)s: %(message)s"))
    root = logging.getLogger()
    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    root.addHandler(handler)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        root.removeHandler(handler)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return Result(code, out.getvalue(), err.getvalue())


def script_args(tmp: Path, script: str, game: Path, data: Path, warp: str | None,
                extra: list[str] = (), name: str = "script") -> list[str]:
    path = tmp / f"{name}.test"
    path.write_text(textwrap.dedent(script).strip() + "\n")
    argv = ["--headless", "--game", str(game), "--data-dir", str(data), "--test", str(path),
            *extra]
    return argv + (["--warp", warp] if warp else [])


def play(tmp: Path, script: str, game: Path = DEMO, cps: int = 0, extra: list[str] = (),
         env: dict | None = None, warp: str | None = "start") -> Result:
    """Run a test script; `warp=None` starts at the title screen."""
    return run_main(script_args(tmp, script, game, data_dir(tmp, cps), warp, extra), env)


def play_subprocess(tmp: Path, script: str, game: Path = DEMO, cps: int = 0,
                    env: dict | None = None, warp: str | None = "start",
                    timeout: float = 60) -> subprocess.CompletedProcess:
    """The same, through the real command line in a child process."""
    argv = script_args(tmp, script, game, data_dir(tmp, cps), warp)
    full_env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True,
                          text=True, timeout=timeout, env=full_env, cwd=ROOT)


def make_game(tmp: Path, scene: str, name: str = "game") -> Path:
    """A tiny game folder with one scene file (and the demo's pictures to point at)."""
    game = tmp / name
    (game / "scenes").mkdir(parents=True)
    (game / "scenes" / "game.scene").write_text(textwrap.dedent(scene).lstrip())
    (game / "assets").mkdir()
    # Copied, not linked: a file a scene names must lie inside its game folder.
    shutil.copytree(DEMO / "assets" / "backgrounds", game / "assets" / "backgrounds")
    shutil.copytree(DEMO / "assets" / "characters", game / "assets" / "characters")
    return game


def small_display() -> None:
    """pygame's display and fonts for a test that draws: a 64x64 window, which converting
    surfaces needs."""
    import pygame

    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((64, 64))


def started_app(tmp: Path, game: Path, clock: Any = None) -> Any:
    """The game at its start label, headless, begun, on `clock` (a new VirtualClock when
    none is given: the app's own, as app.clock)."""
    from engine.clock import VirtualClock
    from engine.present.app import App, Options

    app = App(Options(game=game, data_dir=data_dir(tmp), headless=True, warp="start"),
              clock or VirtualClock())
    app.begin()
    return app


def loop_at_start(tmp: Path, game: Path) -> tuple[Any, Any]:
    """The game's own loop on a virtual clock, begun at `start`: its game screen and the
    clock, for tests that step it by hand."""
    from engine.clock import VirtualClock

    clock = VirtualClock()
    return started_app(tmp, game, clock).game(), clock
