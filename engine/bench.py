"""`python -m engine bench`: the performance figures, as JSON on stdout.

Each figure is measured here, by the command, never in unit tests. Targets (and Ren'Py
8.5.3's figures on a machine like ours) sit beside them so a reader can compare.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from engine.script import Story
from engine.script.loader import compile_texts, load_game


def generate_script(says: int = 50_000, labels: int = 500, flags: bool = False) -> str:
    """A long synthetic story: `labels` labels of dialogue, each ending in a menu whose
    options jump onward, so the compile sees every kind of control flow. With `flags`, each
    menu also sets a flag that the next part reads (an if and a guarded option) and then
    clears, as a story's short-lived choices do: the route explorer's workload."""
    per_label = says // labels
    out = ['define e = Character("Eileen", color="#c8ffc8")', "default score = 0",
           "default kind = False", ""]
    for n in range(labels):
        out.append(f"label part{n}:" if n else "label start:")
        if flags and n:
            out += ["    if kind:", f'        e "You were kind at {n - 1}."', "    else:",
                    f'        "Nobody was kind at {n - 1}."']
        for k in range(per_label - 1):
            if k % 10 == 0:
                out.append(f'    "Narration {n}.{k}: the road goes on, and [score] points."')
            else:
                out.append(f'    e "Line {n}.{k} of the long test story, with {{i}}tags{{/i}}."')
        nxt = f"part{n + 1}" if n + 1 < labels else None
        out.append("    menu:")
        out.append(f'        e "Choice {n}?"')
        for opt in range(2):
            out.append(f'        "Option {opt}":')
            out.append(f"            $ score += {opt + 1}")
            if flags:
                out.append(f"            $ kind = {opt == 0}")
            out.append(f"            jump {nxt}" if nxt else "            return")
        if flags:
            out.append('        "Thank them." if kind:')
            out.append("            $ kind = False")
            out.append(f"            jump {nxt}" if nxt else "            return")
        out.append("")
    return "\n".join(out) + "\n"


@contextmanager
def _bench_game(text: str) -> Iterator[Path]:
    """A throwaway game folder holding `text` as its one scene, with its own program
    cache, so figures never come from (or leave) a cache of the user's."""
    with tempfile.TemporaryDirectory() as tmp:
        game = Path(tmp)
        (game / "scenes").mkdir()
        (game / "scenes" / "bench.scene").write_text(text, "utf-8")
        old = os.environ.get("ROADOUT_CACHE_DIR")
        os.environ["ROADOUT_CACHE_DIR"] = str(game / "cache")
        try:
            yield game
        finally:
            if old is None:
                del os.environ["ROADOUT_CACHE_DIR"]
            else:
                os.environ["ROADOUT_CACHE_DIR"] = old


def bench_compile(says: int) -> dict:
    text = generate_script(says, max(1, says // 100))
    t0 = time.perf_counter()
    program = compile_texts([("scenes/bench.scene", text)])
    cold = time.perf_counter() - t0
    statements = len(program.statements)
    with _bench_game(text) as game:
        load_game(game)  # fills the cache
        t0 = time.perf_counter()
        load_game(game)
        warm = time.perf_counter() - t0
    story = Story(program)
    story.start()
    t0 = time.perf_counter()
    steps = 0
    while steps < 20_000:
        event = story.next()
        steps += 1
        if type(event).__name__ == "Menu":
            story.choose(0)
        elif type(event).__name__ == "End":
            break
    run = time.perf_counter() - t0
    t0 = time.perf_counter()
    snap = story.snapshot()
    json.dumps(snap)
    snap_ms = (time.perf_counter() - t0) * 1000
    return {
        "say_statements": says,
        "statements": statements,
        "cold_compile_s": round(cold, 3),
        "statements_per_s": round(statements / cold),
        "cached_load_s": round(warm, 3),
        "runtime_events_per_s": round(steps / run),
        "snapshot_to_json_ms": round(snap_ms, 3),
        "target_cold_compile_s": 0.5,
    }


def bench_lint(says: int) -> dict:
    """Lint of a long script: cold (nothing cached: parse, compile, check) and warm (the
    compiled program read from the cache the game wrote when it last started)."""
    from engine.lint import lint

    text = generate_script(says, max(1, says // 100))
    with _bench_game(text) as game:
        t0 = time.perf_counter()
        problems = lint(game)
        cold = time.perf_counter() - t0
        load_game(game)  # as the game does at start-up: compiles and caches
        t0 = time.perf_counter()
        lint(game)
        warm = time.perf_counter() - t0
    return {"dialogue_lines": says, "lint_cold_s": round(cold, 3),
            "lint_warm_s": round(warm, 3), "problems": len(problems), "target_s": 1.0,
            "renpy_8_5_3_s": 10.9}


def bench_routes(says: int, menus: int) -> dict:
    from engine.routes import explore

    text = generate_script(says, menus, flags=True)
    with _bench_game(text) as game:
        program = compile_texts([("scenes/bench.scene", text)])
        t0 = time.perf_counter()
        rep = explore(game, program)
        elapsed = time.perf_counter() - t0
    return {"statements": len(program.statements), "menus": menus,
            "menu_states": rep.states, "distinct_routes_digits": len(str(rep.routes)),
            "endings": len(rep.endings), "dead_ends": len(rep.dead_ends),
            "routes_s": round(elapsed, 3), "target_s": 10.0}


def bench_player(args: argparse.Namespace) -> dict:
    """The save and player figures, measured by engine/present/perf.py in a process of
    their own: the tools never import the presentation (nor pay for pygame)."""
    game = Path(getattr(args, "game", Path(__file__).resolve().parent.parent)).resolve()
    cmd = [sys.executable, "-m", "engine.present.perf", "--game", str(game)]
    if args.quick:
        cmd.append("--quick")
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                         cwd=Path(__file__).resolve().parent.parent)
    try:
        return json.loads(out.stdout)
    except json.JSONDecodeError:
        return {"error": (out.stderr or out.stdout)[-800:]}


def run_bench(args: argparse.Namespace) -> int:
    # pygame prints a banner on stdout when imported, which would break the JSON.
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    says = 5_000 if args.quick else 50_000
    results = {
        "compile": bench_compile(says),
        "lint": bench_lint(5_000 if args.quick else 48_000),
        "routes": bench_routes(5_000 if args.quick else 46_800, 20 if args.quick else 200),
    }
    results.update(bench_player(args))  # "saves" and "player"
    print(json.dumps(results, indent=2))
    return 0
