"""Running main.py --headless --test in a subprocess, each run with its own data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "tests" / "games" / "demo"


def data_dir(tmp: Path, cps: int = 0) -> Path:
    """A data folder whose settings show text at `cps` (0: at once, to keep tests quick)."""
    d = tmp / "data"
    d.mkdir(exist_ok=True)
    (d / "settings.json").write_text(json.dumps({"text_cps": cps}))
    return d


def play(tmp: Path, script: str, game: Path = DEMO, cps: int = 0, extra: list[str] = (),
         timeout: float = 60, env: dict | None = None, warp: str | None = "start"
         ) -> subprocess.CompletedProcess:
    """Run a test script; `warp=None` starts at the title screen."""
    path = tmp / "script.test"
    path.write_text(textwrap.dedent(script).strip() + "\n")
    cmd = [sys.executable, str(ROOT / "main.py"), "--headless", "--game", str(game),
           "--data-dir", str(data_dir(tmp, cps)), "--test", str(path), *extra]
    if warp:
        cmd += ["--warp", warp]
    full_env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=full_env,
                          cwd=ROOT)


def make_game(tmp: Path, scene: str, name: str = "game") -> Path:
    """A tiny game folder with one scene file (and the demo's pictures to point at)."""
    game = tmp / name
    (game / "scenes").mkdir(parents=True)
    (game / "scenes" / "game.scene").write_text(textwrap.dedent(scene).lstrip())
    (game / "assets").mkdir()
    os.symlink(DEMO / "assets" / "backgrounds", game / "assets" / "backgrounds")
    os.symlink(DEMO / "assets" / "characters", game / "assets" / "characters")
    return game
