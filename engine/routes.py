"""`python -m engine routes`: walk every path through the story's menus.

The explorer runs the real `Story` (so guards, variables, call/return and errors behave
exactly as in play) and branches at every menu: for each choice shown it restores the menu's
snapshot, chooses, and runs on to the next menu, ending or error. Two arrivals at a menu with
the same position, call stack and variables are one *state*, explored once: loops end, and
200 menus in a row cost 200 visits instead of 2**200.

Variables are compared only where they can steer the story: names read by a condition, a
menu guard, a transition, a pause or a play statement, the `ending` name, and whatever flows
into those through assignments. A counter that is only shown in `[score]` text does not split
states (which variables exist still does, so a `[name]` set on one branch only is caught).
`--exact` compares every variable. The price of the default: an error that depends on the
value of such a display-only variable (say a division by zero in its arithmetic) is found on
one merged path only if that path has the bad value; lint and play-text see the rest.

Distinct routes are paths from the start to an ending through the graph of merged states,
counted exactly (they can exceed 2**64). When a loop of states can still reach an ending, a
player can go round it any number of times: the count is reported as "infinite" with the
menus that loop, never as a guess.
"""

from __future__ import annotations

import json
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine import flow
from engine.flow import steering_variables
from engine.script import Loc, Program, ScriptError, Story, load_game
from engine.script.events import Audio, End, Menu, Say, StageChange
from engine.stage import is_scene_image

__all__ = ["DeadEnd", "Ending", "Report", "explore", "format_report", "run",
           "steering_variables"]

MAX_STATES = 200_000
# Events one run between two menus may show before we call it a loop that never ends:
# generous, since a while loop of dialogue is legitimate.
MAX_SEGMENT_EVENTS = 1_000_000


@dataclass
class Ending:
    name: str | None
    label: str | None
    loc: str
    choices: list[int]  # 1-based, as `play-text --choose` takes them

    def to_json(self) -> dict[str, Any]:
        return {"ending": self.name, "label": self.label, "loc": self.loc,
                "choose": _choose(self.choices)}


@dataclass
class DeadEnd:
    kind: str  # error | missing-asset | no-option | endless-loop
    loc: str
    message: str
    choices: list[int]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "loc": self.loc, "message": self.message,
                "choose": _choose(self.choices)}


@dataclass
class Report:
    game: str
    start: str
    endings: list[Ending] = field(default_factory=list)
    dead_ends: list[DeadEnd] = field(default_factory=list)
    unreachable_labels: list[tuple[str, str]] = field(default_factory=list)  # (name, loc)
    # (loc, option text, why)
    unreachable_options: list[tuple[str, str, str]] = field(default_factory=list)
    routes: int | None = 0  # None: infinitely many (a loop can be taken again and again)
    loops: list[str] = field(default_factory=list)  # locs of menus on a loop
    states: int = 0
    statements_run: int = 0
    exact: bool = False
    capped: bool = False
    seconds: float = 0.0

    @property
    def status(self) -> int:
        """0: clean; 1: a dead end or an unreachable option; 2: stopped at the state cap."""
        if self.capped:
            return 2
        return 1 if self.dead_ends or self.unreachable_options else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "game": self.game, "start": self.start,
            "endings": [e.to_json() for e in self.endings],
            "dead_ends": [d.to_json() for d in self.dead_ends],
            "unreachable_labels": [{"label": n, "loc": loc}
                                   for n, loc in self.unreachable_labels],
            "unreachable_options": [{"loc": loc, "text": t, "why": why}
                                    for loc, t, why in self.unreachable_options],
            "routes": "infinite" if self.routes is None else self.routes,
            "loops": self.loops,
            "states": self.states, "statements_run": self.statements_run,
            "exact": self.exact, "complete": not self.capped,
            "seconds": round(self.seconds, 3), "status": self.status,
        }


def _choose(choices: list[int]) -> str:
    return ",".join(str(c) for c in choices)


def _where(loc: Loc) -> str:
    return f"{loc.file}:{loc.line}"


class _Explorer:
    def __init__(self, game_dir: Path, program: Program, start: str, exact: bool,
                 max_states: int) -> None:
        from engine.lint import Linter

        self.game = game_dir
        self.program = program
        self.start = start
        self.exact = exact
        self.max_states = max_states
        self.steering = None if exact else steering_variables(program)
        self.story = Story(program, {})
        self.visited: set[int] = set()  # statements run, on any route
        self.story.observe(on_step=self.visited.add)
        # Lint's own asset checks, asked one statement at a time.
        self.linter = Linter(game_dir, program, self.story)
        self.linter.check_sound = False  # a file that will not decode plays as silence
        self.checked: set[int] = set()
        self.report = Report(str(game_dir), start, exact=exact)
        self.endings: dict[tuple, int] = {}  # (name, label, loc) → index in report.endings
        self.dead: dict[tuple, int] = {}
        # Menu states: key → node id; per node its snapshot, how it was reached, its edges.
        self.index: dict[str, int] = {}
        self.snapshots: list[tuple[dict, dict]] = []
        self.parents: list[tuple[int, int] | None] = []
        self.menu_pc: list[int] = []
        self.edges: list[list[tuple[str, int]]] = []
        self.offered: set[tuple[int, int]] = set()

    # --- states ------------------------------------------------------------------------

    def key(self) -> str:
        st = self.story.state
        vars_ = st.variables
        if self.steering is None:
            kept: Any = vars_
        else:
            # Values of steering variables, and which others exist at all.
            kept = [{k: v for k, v in vars_.items() if k in self.steering},
                    sorted(k for k in vars_ if k not in self.steering)]
        frames = [(f.pc, f.label, f.saved) for f in st.stack]
        return json.dumps([st.pc, st.label, frames, kept, self.story.persistent],
                          sort_keys=True, separators=(",", ":"))

    def path(self, node: int | None, choice: int | None = None) -> list[int]:
        out = [] if choice is None else [choice]
        while node is not None:
            parent = self.parents[node]
            if parent is None:
                break
            node, n = parent
            out.append(n)
        out.reverse()
        return out

    # --- findings ----------------------------------------------------------------------

    def dead_end(self, kind: str, loc: Loc, message: str, origin: tuple) -> tuple[str, int]:
        key = (kind, _where(loc), message)
        if key not in self.dead:
            self.dead[key] = len(self.report.dead_ends)
            self.report.dead_ends.append(DeadEnd(kind, _where(loc), message,
                                                 self.path(*origin)))
        return ("dead", self.dead[key])

    def ending(self, event: End, origin: tuple) -> tuple[str, int]:
        key = (event.ending, event.label, _where(event.loc))
        if key not in self.endings:
            self.endings[key] = len(self.report.endings)
            self.report.endings.append(Ending(event.ending, event.label, _where(event.loc),
                                              self.path(*origin)))
        return ("end", self.endings[key])

    def check_assets(self, index: int, origin: tuple, tag: str | None = None) -> None:
        if index in self.checked or index < 0:
            return
        stmt = self.program.statements[index]
        a = stmt.args
        lint = self.linter
        lint.problems = []
        if stmt.kind == "scene" and a["image"]:
            lint.scene_file(a["image"], stmt)
        elif stmt.kind == "show":
            if is_scene_image(a["image"]):
                lint.scene_file(a["image"], stmt)
            else:
                lint.sprite_file(a["image"][0], a["image"][1:], stmt)
        elif stmt.kind in ("play", "queue"):
            lint.audio(stmt)
        elif stmt.kind == "say":
            # A say's attributes change the speaker's sprite only while it is on stage.
            if not any(s["tag"] == tag for s in self.story.stage["sprites"]):
                return
            lint.sprite_file(tag, a["attrs"], stmt)
        self.checked.add(index)
        for problem in lint.problems:
            self.dead_end("missing-asset", problem.loc, problem.message, origin)

    # --- running -----------------------------------------------------------------------

    def run_segment(self, origin: tuple) -> tuple[str, int]:
        """Run from the current state to the next menu, ending or error; returns the edge
        target: ('node', id), ('end', i) or ('dead', i)."""
        story = self.story
        st = story.state
        stmts = self.program.statements
        repeats: dict[int, int] = {}
        loop_keys: set[str] = set()
        for _ in range(MAX_SEGMENT_EVENTS):
            try:
                event = story.next()
            except ScriptError as exc:
                if "no option of this menu" in exc.message:
                    kind = "no-option"
                elif "without showing anything" in exc.message:
                    kind = "endless-loop"
                else:
                    kind = "error"
                return self.dead_end(kind, exc.loc, exc.message, origin)
            t = type(event)
            if t is Menu:
                return self.arrive(event, origin)
            if t is End:
                return self.ending(event, origin)
            pc = st.pc
            if t is Say:
                if stmts[pc].kind == "say" and stmts[pc].args["attrs"] and event.tag:
                    self.check_assets(pc, origin, event.tag)
            elif t is StageChange or t is Audio:
                self.check_assets(pc - 1, origin)
            # An event seen twice in one run may be a loop with no way out: compare whole
            # states only then, so straight dialogue costs nothing.
            if pc in repeats:
                k = self.key()
                if k in loop_keys:
                    return self.dead_end("endless-loop", event.loc,
                                         "the story repeats itself here forever: no menu "
                                         "or ending can be reached", origin)
                loop_keys.add(k)
            repeats[pc] = 1
        return self.dead_end("endless-loop", story.current().loc if story.current() else
                             Loc("<story>", 1, 1), f"more than {MAX_SEGMENT_EVENTS} events "
                             "without a menu or an ending", origin)

    def arrive(self, event: Menu, origin: tuple) -> tuple[str, int]:
        pc = self.story.state.pc
        for choice in event.choices:
            self.offered.add((pc, choice.index))
        k = self.key()
        node = self.index.get(k)
        if node is None:
            node = len(self.snapshots)
            self.index[k] = node
            self.snapshots.append((self.story.snapshot(), dict(self.story.persistent)))
            self.parents.append(origin if origin[0] is not None else None)
            self.menu_pc.append(pc)
            self.edges.append([])
            self.queue.append((node, len(event.choices)))
        return ("node", node)

    def explore(self) -> Report:
        t0 = time.perf_counter()
        story = self.story
        self.queue: deque[tuple[int, int]] = deque()
        story.start(self.start)
        root = self.run_segment((None, None))
        while self.queue:
            if len(self.snapshots) > self.max_states:
                self.report.capped = True
                break
            node, count = self.queue.popleft()
            snap, persistent = self.snapshots[node]
            for n in range(count):
                story.restore(snap)
                story.persistent = dict(persistent)
                story.next()  # the restored menu shows itself again
                story.choose(n)
                self.edges[node].append(self.run_segment((node, n + 1)))
            # The snapshot is only needed to branch from; let big explorations stay small.
            self.snapshots[node] = ({}, {})
        self.report.states = len(self.snapshots)
        self.report.statements_run = len(self.visited)
        self.finish(root)
        self.report.seconds = time.perf_counter() - t0
        return self.report

    # --- summary -----------------------------------------------------------------------

    def finish(self, root: tuple[str, int]) -> None:
        p = self.program
        visited = self.visited
        rep = self.report
        if rep.capped:
            return  # an incomplete walk cannot say what is unreachable
        for name, index in p.story_labels.items():
            if index not in visited:
                rep.unreachable_labels.append((name, _where(p.statements[index].loc)))
        for i, stmt in enumerate(p.statements):
            if stmt.kind != "menu":
                continue
            label_index = p.labels.get(stmt.label) if stmt.label else None
            if i not in visited and label_index is not None and label_index not in visited:
                continue  # its label is reported as unreachable already
            for n, opt in enumerate(stmt.args["options"]):
                if (i, n) in self.offered:
                    continue
                why = ("its guard is false every time the menu is reached" if i in visited
                       else "its menu is never reached")
                rep.unreachable_options.append((f"{stmt.loc.file}:{opt['line']}",
                                                opt["text"], why))
        self.count_routes(root)

    def count_routes(self, root: tuple[str, int]) -> None:
        """Paths from the start to an ending through the state graph (exact big ints)."""
        can_end = flow.reaching(self.edges, "end")
        looping = [self.program.statements[self.menu_pc[v]].loc
                   for v in flow.cyclic_nodes(self.edges) if can_end[v]]
        if looping:
            self.report.routes = None
            self.report.loops = sorted({_where(loc) for loc in looping})
            return
        kind, target = root
        self.report.routes = (1 if kind == "end" else 0 if kind != "node"
                              else flow.count_paths(self.edges, target, "end"))


def explore(game_dir: Path, program: Program | None = None, start: str = "start",
            exact: bool = False, max_states: int = MAX_STATES) -> Report:
    """Walk every route of a game; raises ScriptError when the story cannot start."""
    if program is None:
        program = load_game(game_dir)
    return _Explorer(game_dir, program, start, exact, max_states).explore()


def format_report(rep: Report) -> str:
    """The human-readable report."""
    out: list[str] = []
    routes = ("infinite (a loop of menus can be taken again and again)"
              if rep.routes is None else f"{rep.routes:,}")
    out.append(f"routes from '{rep.start}': {len(rep.endings)} ending(s), "
               f"{len(rep.dead_ends)} dead end(s), {routes} distinct route(s); "
               f"{rep.states:,} menu state(s) in {rep.seconds:.2f} s")
    if rep.capped:
        out.append(f"stopped after {rep.states - 1:,} menu states: the results below are "
                   "partial (raise --max-states, or see which variables split the states)")
    width = max((len(_ending_name(e)) for e in rep.endings), default=0)
    sections = [
        ("endings:", [f"  {_ending_name(e):<{width}}  {e.loc}  {_how(e.choices)}"
                      for e in rep.endings]),
        ("dead ends:", [f"  {d.loc}: {d.kind}: {d.message}  [{_how(d.choices)}]"
                        for d in rep.dead_ends]),
        ("menu options no route offers:", [f'  {loc}: "{text}": {why}'
                                           for loc, text, why in rep.unreachable_options]),
        ("labels no route reaches:", [f"  {loc}: {name}"
                                      for name, loc in rep.unreachable_labels]),
        ("menus on a loop a player can go round again and again:",
         [f"  {loc}" for loc in rep.loops]),
    ]
    for title, lines in sections:
        if lines:
            out += ["", title, *lines]
    return "\n".join(out)


def _ending_name(e: Ending) -> str:
    return f'"{e.name}"' if e.name else f"(no ending name; label {e.label})"


def _how(choices: list[int]) -> str:
    return f"--choose {_choose(choices)}" if choices else "(no menu)"


def run(game_dir: Path, as_json: bool, start: str, exact: bool, max_states: int,
        out: Any, err: Any) -> int:
    """The command: prints the report, returns the exit status."""
    try:
        rep = explore(game_dir, start=start, exact=exact, max_states=max_states)
    except ScriptError as exc:
        print(exc.format(), file=err)
        return 1
    if as_json:
        print(json.dumps(rep.to_json(), indent=2), file=out)
    else:
        print(format_report(rep), file=out)
    return rep.status
