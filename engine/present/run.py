"""Entry points of the player: main.py, `python -m engine shot`, and the bench's figures."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from engine.clock import Clock, RealClock, VirtualClock

from .app import App, Options


def test_clock() -> Clock:
    """A test script runs on the virtual clock, unless a figure needs real seconds
    (ROADOUT_REAL_CLOCK=1: the bench's idle CPU, the real-window test)."""
    return RealClock() if os.environ.get("ROADOUT_REAL_CLOCK") == "1" else VirtualClock()


def run_player(args: argparse.Namespace, started: float | None = None,
               first_frame_exit: bool = False) -> int:
    """Run main.py's arguments; returns the exit code."""
    options = Options(game=args.game.resolve(), warp=args.warp, data_dir=args.data_dir,
                      headless=args.headless, test=args.test, size=args.size,
                      first_frame_exit=first_frame_exit)
    app = App(options, test_clock() if args.test is not None else RealClock())
    if started is not None:
        app.t_start = started
    if args.test is not None:
        # Imported only for test runs: a player's start-up does not pay for it.
        from .harness import Harness, HarnessError, parse_script

        # Parsed once the display is up: key names are checked with pygame's key table.
        try:
            actions = parse_script(args.test)
        except (HarnessError, OSError) as exc:
            print(f"main.py: {exc}", file=sys.stderr)
            return 2
        app.harness = Harness(app, actions, str(args.test),
                              timing=os.environ.get("ROADOUT_TEST_TIMING") == "1")
    return app.run()


def shot(game: Path, out: Path, warp: str | None = None, steps: int = 0,
         size: tuple[int, int] = (1280, 720), data_dir: Path | None = None) -> int:
    """Render the frame after `steps` advances from `warp` (the title without a warp),
    with text shown at once and transitions skipped."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory() as tmp:
        options = Options(game=Path(game).resolve(), warp=warp,
                          data_dir=data_dir or Path(tmp), headless=True, size=size,
                          instant=True)
        app = App(options, VirtualClock())
        from .harness import Harness, parse_script

        script = ([f"advance {steps}"] if steps else []) + [f"shot {Path(out).resolve()}"]
        app.harness = Harness(app, parse_script(Path("<shot>"), "\n".join(script)), "shot")
        return app.run()
