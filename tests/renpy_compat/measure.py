"""How much of real Ren'Py games the engine reads: the corpus measure of issue 17.

`python -m tests.renpy_compat.measure [--json FILE] [--game NAME ...]` prints, for each game
under tests/renpy_compat/corpus/, its lines, story statements, the statements lint accepts,
the share, whether `play-text` (first option at every menu) plays it to an end, and the most
common reasons statements were rejected.

A *story statement* is one logical line (a line plus the lines an open bracket or string
carries on to, as Ren'Py joins them) that is not blank or a comment, and that is either
inside a `label` block, or a `define`, `default`, `image`, `transform`, `layeredimage` or
`init python` line anywhere outside one. The bodies of `python:` blocks, ATL blocks and
`image`/`transform` blocks are part of their header's statement, not statements of their
own; screens, styles and translations are not story and are not counted.

Lint stops at a file's first parse error, so acceptance is measured statement by statement:
parse the file; on an error at line N, count that statement rejected (with the message as
its reason), take it out (a block header whose body is script is replaced by a neutral
header, so its body is still judged; any other block goes with its header) and parse again,
until the file parses. Then run lint on the whole game so made and count every statement
it flags with an error as rejected, take those out too and lint again, until lint is clean.
Everything left is accepted.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.lint import lint  # noqa: E402
from engine.script.errors import ScriptError  # noqa: E402
from engine.script.parser import parse_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"
DEFINING = ("define", "default", "image", "transform", "layeredimage")
# Blocks whose body is not Ren'Py script: they stand or fall with their header.
OPAQUE = ("python", "init python", "python early", "screen", "style", "transform", "image",
          "layeredimage", "translate", "testcase", "atl", "init python early")
# The corpus keeps scripts, not pictures or sounds; a missing file, a check of the art (a
# colour's contrast, a line too long for our dialogue box) and a missing `start` (a partial
# copy) say nothing about the language, so they do not reject a statement.
IGNORED = re.compile(r"not found|no such file|contrast|wraps to \d+ lines|the game begins there")
PLAY_TIMEOUT_S = 30
MENU_ANSWERS = 500
REPAIR_ROUNDS = 400


@dataclass
class Stmt:
    """One logical line of a file: where it is and what the measure makes of it."""

    first: int  # 1-based first and last physical line
    last: int
    indent: int
    text: str
    header: bool  # ends with ':' and opens a block
    counted: bool = False
    opaque_body: bool = False
    rejected: str | None = None


@dataclass
class GameResult:
    name: str
    lines: int = 0
    statements: int = 0
    accepted: int = 0
    plays_to_end: bool = False
    play_note: str = ""
    reasons: Counter = field(default_factory=Counter)
    rejected: list[tuple[str, int, str, str]] = field(default_factory=list)  # file, line, why, text

    @property
    def share(self) -> float:
        return self.accepted / self.statements if self.statements else 0.0

    def to_json(self) -> dict:
        return {"game": self.name, "lines": self.lines, "statements": self.statements,
                "accepted": self.accepted, "share": round(self.share, 4),
                "plays_to_end": self.plays_to_end, "play_note": self.play_note,
                "reasons": dict(self.reasons.most_common())}


def _scan(line: str, state: tuple[int, str]) -> tuple[tuple[int, str], str]:
    """Carry bracket depth and an open string across one physical line; return the new
    state and the line's code without its comment."""
    depth, quote = state
    code = []
    i = 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\":
                code.append(line[i:i + 2])
                i += 2
                continue
            if line.startswith(quote, i):
                code.append(quote)
                i += len(quote)
                quote = ""
                continue
        elif ch == "#":
            break
        elif line.startswith(('"""', "'''"), i):
            quote = line[i:i + 3]
            code.append(quote)
            i += 3
            continue
        elif ch in "\"'`":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        code.append(ch)
        i += 1
    return (depth, quote), "".join(code)


def logical_lines(text: str) -> list[Stmt]:
    """The file's logical lines, as Ren'Py joins them, blank and comment lines left out."""
    physical = text.splitlines()
    out: list[Stmt] = []
    i = 0
    while i < len(physical):
        start = i
        state, code = _scan(physical[i], (0, ""))
        parts = [code]
        while (state[0] or state[1] or code.rstrip().endswith("\\")) and i + 1 < len(physical):
            i += 1
            state, code = _scan(physical[i], state)
            parts.append(code)
        i += 1
        joined = " ".join(p.strip() for p in parts).strip()
        if not joined:
            continue
        first = physical[start]
        indent = len(first) - len(first.lstrip(" \t"))
        out.append(Stmt(start + 1, i, indent, joined, joined.endswith(":")))
    return out


def _kind(text: str) -> str:
    words = re.findall(r"[A-Za-z_$][\w.]*|\"|'", text)
    if not words:
        return ""
    if words[0] == "init":
        rest = [w for w in words[1:] if not w.lstrip("-").isdigit()]
        return "init " + rest[0] if rest and rest[0] == "python" else "init"
    if words[0] == "python" and len(words) > 1 and words[1] == "early":
        return "python early"
    return words[0]


def classify(stmts: list[Stmt]) -> None:
    """Mark which logical lines are story statements (see the module's docstring)."""
    stack: list[tuple[int, str]] = []  # (indent, kind) of the open block headers
    for st in stmts:
        while stack and stack[-1][0] >= st.indent:
            stack.pop()
        kinds = [k for _, k in stack]
        inside_opaque = any(k in OPAQUE for k in kinds)
        kind = _kind(st.text)
        if not inside_opaque:
            if "label" in kinds or kind == "label":
                st.counted = True
            elif kind in DEFINING or kind in ("init python", "python early"):
                st.counted = True
        if st.header:
            opaque = kind in OPAQUE or inside_opaque
            # `show x:` and `scene x:` open ATL blocks too.
            if kind in ("show", "scene", "camera"):
                opaque = True
            st.opaque_body = opaque
            stack.append((st.indent, "atl" if opaque and kind not in OPAQUE else kind))


def _body(stmts: list[Stmt], idx: int) -> list[Stmt]:
    head = stmts[idx]
    body = []
    for st in stmts[idx + 1:]:
        if st.indent <= head.indent:
            break
        body.append(st)
    return body


def _neutral_header(st: Stmt, n: int) -> str:
    kind = _kind(st.text)
    pad = " " * st.indent
    if st.indent == 0 and kind != "init":
        return f"{pad}label _measure_{n}:"
    if kind == "menu":
        return f"{pad}menu:"
    if kind in ('"', "'"):
        return f'{pad}"_measure_{n}":'
    if kind == "init":
        return f"{pad}init:"
    return f"{pad}if True:"


def _statement_at(stmts: list[Stmt], line: int) -> int | None:
    for i, st in enumerate(stmts):
        if st.first <= line <= st.last:
            return i
    # An error past the last line (a block never closed): blame the last statement.
    return len(stmts) - 1 if stmts and line > stmts[-1].last else None


def _take_out(lines: list[str], stmts: list[Stmt], idx: int, reason: str, n: int,
              neutralised: set[int]) -> None:
    """Reject statement `idx` and remove it from `lines` so parsing can go on."""
    st = stmts[idx]
    first_time = st.rejected is None
    if first_time:
        st.rejected = reason
    for ln in range(st.first, st.last + 1):
        lines[ln - 1] = ""
    if first_time and not st.header and st.indent > 0:
        # `pass` keeps the block it stood in from becoming empty (a new, false error).
        lines[st.first - 1] = " " * st.indent + "pass"
    if st.header:
        body = _body(stmts, idx)
        if st.opaque_body or idx in neutralised:
            for child in body:
                if child.rejected is None:
                    child.rejected = f"inside a rejected block: {reason}"
                for ln in range(child.first, child.last + 1):
                    lines[ln - 1] = ""
        elif body:
            lines[st.first - 1] = _neutral_header(st, n)
            neutralised.add(idx)


# Messages whose quoted word names the construct (kept), not the writer's own names (folded).
CONSTRUCT = re.compile(r"not supported|not available|not a function|unknown statement|"
                       r"does not support|unknown channel")


def reason_key(message: str) -> str:
    """A message with the writer's names and numbers folded, so like errors count together;
    the name of an unsupported construct is kept, since that is what to build."""
    msg = message.split("\n")[0]
    if not CONSTRUCT.search(msg):
        msg = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "'…'", msg)
    msg = re.sub(r"\b\d+(\.\d+)?\b", "N", msg)
    return msg[:90]


def parse_until_clean(name: str, stmts: list[Stmt], lines: list[str]) -> None:
    """Parse, take out the statement at each parse error, and parse again until clean."""
    neutralised: set[int] = set()
    for n in range(REPAIR_ROUNDS):
        try:
            parse_file("\n".join(lines) + "\n", name)
            return
        except ScriptError as exc:
            idx = _statement_at(stmts, exc.loc.line)
            if idx is None or (stmts[idx].rejected and idx not in neutralised
                               and not any(lines[ln - 1] for ln in
                                           range(stmts[idx].first, stmts[idx].last + 1))):
                # Nothing left to take out there: blank the physical line itself.
                lines[exc.loc.line - 1 if exc.loc.line <= len(lines) else -1] = ""
                continue
            if idx in neutralised:  # the neutral header failed too: drop the block
                stmts[idx].opaque_body = True
                neutralised.discard(idx)
            _take_out(lines, stmts, idx, reason_key(exc.message), n, neutralised)
    raise RuntimeError(f"{name}: still does not parse after {REPAIR_ROUNDS} repairs")


def measure_game(game: Path, play: bool = True) -> GameResult:
    """Measure one corpus game (its folder holds game/scenes/*.rpy)."""
    game_dir = game / "game" if (game / "game").is_dir() else game
    result = GameResult(game.name)
    files = sorted((game_dir / "scenes").rglob("*.rpy"))
    per_file: dict[str, tuple[list[Stmt], list[str]]] = {}
    for path in files:
        name = path.relative_to(game_dir).as_posix()
        text = path.read_text("utf-8-sig")
        lines = text.splitlines()
        result.lines += len(lines)
        stmts = logical_lines(text)
        classify(stmts)
        parse_until_clean(name, stmts, lines)
        per_file[name] = (stmts, lines)
    _lint_until_clean(per_file)
    for name, (stmts, _) in per_file.items():
        for st in stmts:
            if not st.counted:
                continue
            result.statements += 1
            if st.rejected is None:
                result.accepted += 1
            else:
                result.reasons[st.rejected] += 1
                result.rejected.append((name, st.first, st.rejected, st.text))
    if play:
        result.plays_to_end, result.play_note = plays_to_end(game_dir)
    return result


def _lint_until_clean(per_file: dict[str, tuple[list[Stmt], list[str]]]) -> None:
    neutralised: dict[str, set[int]] = {name: set() for name in per_file}
    with tempfile.TemporaryDirectory(prefix="renpy-measure-") as tmp:
        root = Path(tmp)
        (root / "assets").mkdir()
        for n in range(REPAIR_ROUNDS):
            for name, (_, lines) in per_file.items():
                out = root / name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text("\n".join(lines) + "\n", "utf-8")
            flagged = [p for p in lint(root)
                       if p.severity == "error" and not IGNORED.search(p.message)]
            changed = False
            for problem in flagged:
                entry = per_file.get(problem.loc.file)
                if entry is None:
                    continue
                stmts, lines = entry
                idx = _statement_at(stmts, problem.loc.line)
                if idx is None:
                    continue
                if not any(lines[ln - 1] for ln in range(stmts[idx].first, stmts[idx].last + 1)):
                    continue
                idx = _blame_child(stmts, idx, lines)
                if idx in neutralised[problem.loc.file]:
                    stmts[idx].opaque_body = True
                _take_out(lines, stmts, idx, reason_key(problem.message), 10_000 + n,
                          neutralised[problem.loc.file])
                changed = True
            if not changed:
                return
            for name, (stmts, lines) in per_file.items():
                parse_until_clean(name, stmts, lines)  # a neutral header may not parse


def _blame_child(stmts: list[Stmt], idx: int, lines: list[str]) -> int:
    """Lint puts a menu's caption problems on the `menu:` line, whose neutral header is
    itself: blame the caption (the first line of its body that opens no block)."""
    st = stmts[idx]
    if not st.header or (_kind(st.text) != "menu"
                         and _neutral_header(st, 0).strip() != st.text.strip()):
        return idx
    for j, child in enumerate(_body(stmts, idx), start=idx + 1):
        if not child.header and child.rejected is None and lines[child.first - 1].strip():
            return j
    return idx


def plays_to_end(game_dir: Path) -> tuple[bool, str]:
    """Play the unchanged game with `play-text`, the first option at every menu."""
    answers = ",".join(["1"] * MENU_ANSWERS)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "engine", "play-text", "--game", str(game_dir),
             "--choose", answers],
            capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL,
            timeout=PLAY_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return False, f"no end within {PLAY_TIMEOUT_S} s"
    err = done.stderr.strip().splitlines()
    if done.returncode == 0 and not any("error" in e for e in err):
        return True, ""
    first = next((e for e in err if "error" in e), err[0] if err else f"exit {done.returncode}")
    return False, first[:120]


def games(names: list[str] | None = None) -> list[Path]:
    found = sorted(p for p in CORPUS.iterdir() if (p / "SOURCE.md").is_file())
    return [g for g in found if not names or g.name in names]


def table(results: list[GameResult], top: int = 3) -> str:
    rows = [f"{'game':<22} {'lines':>6} {'stmts':>6} {'accepted':>8} {'share':>6}  plays  "
            "top reasons rejected"]
    for r in results:
        reasons = "; ".join(f"{k} ({v})" for k, v in r.reasons.most_common(top))
        rows.append(f"{r.name:<22} {r.lines:>6} {r.statements:>6} {r.accepted:>8} "
                    f"{r.share:>6.1%}  {'yes' if r.plays_to_end else 'no ':<5}  {reasons}")
    total = GameResult("TOTAL")
    for r in results:
        total.lines += r.lines
        total.statements += r.statements
        total.accepted += r.accepted
        total.reasons.update(r.reasons)
    ends = sum(r.plays_to_end for r in results)
    rows.append(f"{'TOTAL':<22} {total.lines:>6} {total.statements:>6} {total.accepted:>8} "
                f"{total.share:>6.1%}  {ends}/{len(results)}")
    rows.append("")
    rows.append("Reasons rejected across the corpus, by statements:")
    for reason, count in total.reasons.most_common(25):
        in_games = sum(1 for r in results if reason in r.reasons)
        rows.append(f"{count:>6}  ({in_games} games)  {reason}")
    rows.append("")
    notes = [f"  {r.name}: {r.play_note}" for r in results if r.play_note]
    rows += ["play-text, first option at every menu, where it stops:", *notes] if notes else []
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    ap.add_argument("--game", action="append", help="measure only this game (repeatable)")
    ap.add_argument("--no-play", action="store_true", help="skip the play-text runs")
    ap.add_argument("--explain", action="store_true",
                    help="also list every rejected statement: file:line, reason, text")
    args = ap.parse_args(argv)
    results = [measure_game(g, play=not args.no_play) for g in games(args.game)]
    print(table(results))
    for r in results if args.explain else []:
        print(f"\n{r.name}:")
        for file, line, why, text in r.rejected:
            print(f"  {file}:{line}: {why}\n      {text[:100]}")
    if args.json:
        args.json.write_text(json.dumps([r.to_json() for r in results], indent=2,
                                        ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
