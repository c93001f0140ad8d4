"""Play The Road Out (or any game folder laid out the same way): `python main.py --help`."""

from __future__ import annotations

import time

_T0 = time.perf_counter()  # start-up is measured from here (see engine bench)

import argparse  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

GAME_DIR = Path(__file__).resolve().parent


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("--size takes WIDTHxHEIGHT, e.g. 1920x1080") from None
    if w < 160 or h < 90:
        raise argparse.ArgumentTypeError("--size must be at least 160x90")
    return (w, h)


def _prog() -> str:
    # The bundle's program is the game itself, not main.py run by Python.
    return "the-road-out" if getattr(sys, "frozen", False) else "main.py"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=_prog(), description="Play the game in a window.")
    p.add_argument("--game", type=Path, default=GAME_DIR,
                   help="game folder (with scenes/ and assets/); default: this one")
    p.add_argument("--warp", metavar="LABEL", help="start at a label, skipping the title")
    p.add_argument("--data-dir", type=Path, metavar="DIR",
                   help="keep settings and persistent data here instead of the user folder")
    p.add_argument("--headless", action="store_true",
                   help="no window (SDL's dummy video and audio drivers)")
    p.add_argument("--test", type=Path, metavar="FILE",
                   help="drive the game from a test script (see DESIGN.md, the test harness)")
    p.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH",
                   help="window size; default 1280x720")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return p


def _version() -> str:
    from engine import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(levelname)s: %(message)s")
    if args.headless:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from engine.present.run import run_player

    return run_player(args, started=_T0,
                      first_frame_exit=os.environ.get("ROADOUT_FIRST_FRAME_EXIT") == "1")


if __name__ == "__main__":
    sys.exit(main())
