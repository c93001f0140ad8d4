"""`python -m engine COMMAND`: the writer's and tester's tools. See README.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from engine.script import ScriptError

DEFAULT_GAME = Path(__file__).resolve().parent.parent


def _choices(text: str) -> list[int]:
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("--choose takes numbers like 1,2,1") from None


def cmd_lint(args: argparse.Namespace) -> int:
    from engine.lint import lint
    from engine.lint.cap import capped, counts
    from engine.lint.summary import unsupported_summary

    found = lint(args.game, strict=args.strict)
    problems = capped(found)
    for p in problems:
        print(p.format())
    for line in unsupported_summary(found):
        print(line)
    errors, warnings = counts(problems)
    print(f"lint: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    # --strict is for a writer's pre-commit check: there, a warning fails the run too.
    return 1 if errors or (args.strict and warnings) else 0


def cmd_routes(args: argparse.Namespace) -> int:
    from engine.routes import run

    return run(args.game, args.json, args.warp, args.exact, args.max_states, sys.stdout,
               sys.stderr)


def cmd_graph(args: argparse.Namespace) -> int:
    from engine.graph import run

    return run(args.game, args.output, sys.stdout, sys.stderr)


def cmd_play_text(args: argparse.Namespace) -> int:
    from engine.script import load_game
    from engine.textplay import play_text, terminal_ask

    try:
        program = load_game(args.game)
    except ScriptError as exc:
        print(exc.format(), file=sys.stderr)
        return 1
    return play_text(program, args.choose, sys.stdout, sys.stderr, terminal_ask(),
                     label=args.warp)


def cmd_bench(args: argparse.Namespace) -> int:
    from engine.bench import run_bench

    return run_bench(args)


def cmd_dist(args: argparse.Namespace) -> int:
    from engine.dist import cmd_dist as run

    return run(args.output, args.smoke)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("--size takes WIDTHxHEIGHT, e.g. 1920x1080") from None
    return (w, h)


def cmd_shot(args: argparse.Namespace) -> int:
    # Imported here so lint and play-text never load pygame.
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from engine.present.run import shot

    return shot(args.game, args.output, warp=args.warp, steps=args.steps, size=args.size)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m engine", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--game", type=Path, default=DEFAULT_GAME,
                       help="game folder (with scenes/ and assets/); default: this one")
        return p

    p = command("lint", "check every scene file; exit 1 on errors")
    p.add_argument("--strict", action="store_true",
                   help="also flag lines too long for the dialogue box, speakers without "
                   "a colour, images never shown and variables never read; with --strict "
                   "any finding, warnings included, makes the exit status 1")
    p.set_defaults(func=cmd_lint)
    p = command("routes", "walk every route through the menus: endings, dead ends, "
                "unreachable labels and options; exit 1 on a dead end or an unreachable "
                "option, 2 when --max-states stopped the walk")
    p.add_argument("--json", action="store_true", help="the report as JSON, for tools")
    p.add_argument("--warp", default="start", help="label to start at")
    p.add_argument("--exact", action="store_true",
                   help="compare every variable when merging states (default: only those "
                   "that can steer the story)")
    p.add_argument("--max-states", type=int, default=200_000,
                   help="stop after this many menu states (default 200000)")
    p.set_defaults(func=cmd_routes)
    p = command("graph", "draw the story's branch graph: .dot always, .svg/.png/.pdf "
                "through Graphviz's dot (exit 2 when it is not installed)")
    p.add_argument("-o", "--output", type=Path, required=True,
                   help="the file to write: story.dot, story.svg or story.png")
    p.set_defaults(func=cmd_graph)
    p = command("play-text", "play the story as text in the terminal")
    p.add_argument("--choose", type=_choices, default=[],
                   help="answers to the menus in order, 1-based: --choose 2,1")
    p.add_argument("--warp", default="start", help="label to start at")
    p.set_defaults(func=cmd_play_text)
    p = command("shot", "render one frame with no window (the title without --warp)")
    p.add_argument("--warp", default=None, help="label to start at")
    p.add_argument("--steps", type=int, default=0, help="advances before the shot")
    p.add_argument("--size", type=_size, default=(1280, 720), help="WxH, default 1280x720")
    p.add_argument("-o", "--output", type=Path, required=True, help="the PNG to write")
    p.set_defaults(func=cmd_shot)
    p = sub.add_parser("dist", help="build the standalone bundle and its archive under "
                       "dist/ (needs PyInstaller: pip install -e '.[dist]')")
    p.add_argument("-o", "--output", type=Path, default=DEFAULT_GAME / "dist",
                   help="where the bundle and archive go; default dist/")
    p.add_argument("--smoke", action="store_true",
                   help="then run the bundle's smoke test from a clean environment")
    p.set_defaults(func=cmd_dist)
    p = command("bench", "performance figures as JSON")
    p.add_argument("--quick", action="store_true", help="smaller workloads, for tests")
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ScriptError as exc:
        print(exc.format(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
