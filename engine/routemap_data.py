"""The route map's data: the story's branches as nodes in layers, and what a player has seen.

The nodes come from the same walk as `engine graph` (engine/graph.py's `StoryGraph.walk`), so the
map in the game and the picture for writers never disagree: labels, menus, each menu's
choices, and endings. Unlike the writers' graph, only what a route from `start` can reach is
drawn (a player can never see the rest), and a menu's fall-through join points are folded
into the arrows (they mean nothing to a player).

Layout is plain layering, no Graphviz at runtime: a node's layer is its shortest distance
from the start, and within a layer nodes are ordered by the mean position of their parents
(one barycentre pass), which keeps arrows from crossing in stories shaped like ours.

`RouteProgress` is what this player has seen, as plain JSON in its own file beside the
persistent data: labels passed, choices taken (menu fingerprint + option index as written),
and one story snapshot per menu, taken when the menu was first reached, so the player can
start again from there.
"""

from __future__ import annotations

import logging
import textwrap
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.atomic import write_json_atomic
from engine.graph import Exit, StoryGraph
from engine.script import Program
from engine.script.text import strip_tags
from engine.script.titles import label_titles, pretty

log = logging.getLogger("roadout.routes")

PROGRESS_VERSION = 1


@dataclass
class Node:
    id: str
    kind: str  # label | menu | choice | ending | end
    title: str  # what a player who has seen it reads
    detail: str = ""  # a second, dimmer line (the label's first words)
    full: str = ""  # the whole of title or detail, for the footer and self-voicing
    fp: str | None = None  # menus and choices: the menu's fingerprint
    option: int | None = None  # choices: the option's index as written
    name: str | None = None  # labels: the label; endings: the ending's name
    layer: int = 0
    order: int = 0  # position within the layer
    children: list[str] = field(default_factory=list)


@dataclass
class RouteGraph:
    nodes: dict[str, Node]
    layers: list[list[str]]  # node ids, top (start) to bottom
    edges: list[tuple[str, str]]

    def node_at(self, layer: int, order: int) -> Node:
        return self.nodes[self.layers[layer][order]]


def _short(text: str, width: int) -> str:
    text = " ".join(strip_tags(text).split())
    return textwrap.shorten(text, width, placeholder="…") if len(text) > width else text


def build_route_graph(program: Program) -> RouteGraph:
    """The nodes and arrows a route map draws, laid out in layers from `start`."""
    g = StoryGraph(program)
    stmts = program.statements
    nodes: dict[str, Node] = {}
    out: dict[str, list[str]] = {}

    def resolve(exits: dict[Exit, set[str | None]], seen_joins: frozenset[int] = frozenset()
                ) -> list[str]:
        targets: list[str] = []
        for ex in exits:
            if ex.kind in ("jump", "fall", "call"):
                targets.append(f"label:{ex.target}")
            elif ex.kind == "menu":
                targets.append(f"menu:{ex.target}")
            elif ex.kind == "ending":
                targets.append(f"ending:{ex.target}")
            elif ex.kind == "return":
                targets.append("end")
            elif ex.kind == "join" and ex.target not in seen_joins:
                j = ex.target
                targets += resolve(g.walk(j, stmts[j].label), seen_joins | {j})
        return list(dict.fromkeys(targets))

    titles = label_titles(program)
    for name, index in program.story_labels.items():
        line = g.first_line(name)
        nodes[f"label:{name}"] = Node(f"label:{name}", "label", titles.get(name) or pretty(name),
                                      _short(line, 60) if line else "", name=name,
                                      full=_short(line, 200) if line else "")
        out[f"label:{name}"] = resolve(g.walk(index, name))
    for i, s in enumerate(stmts):
        if s.kind != "menu":
            continue
        prompt = s.args["prompt"]
        full = _short(prompt["text"], 200) if prompt else _line_before(g, i) or "A choice"
        mid = f"menu:{i}"
        nodes[mid] = Node(mid, "menu", _short(full, 60), fp=s.fp, full=full)
        out[mid] = []
        for k, opt in enumerate(s.args["options"]):
            cid = f"choice:{i}:{k}"
            nodes[cid] = Node(cid, "choice", _short(opt["text"], 60), fp=s.fp, option=k,
                              full=_short(opt["text"], 200))
            out[mid].append(cid)
            out[cid] = resolve(g.walk(opt["target"], s.label))
    for targets in out.values():
        for t in targets:
            if t.startswith("ending:") and t not in nodes:
                name = t.split(":", 1)[1]
                nodes[t] = Node(t, "ending", f"Ending: {name}", name=name)
            elif t == "end" and t not in nodes:
                nodes[t] = Node(t, "end", "The End", name="The End")
    for nid, targets in out.items():
        nodes[nid].children = [t for t in targets if t in nodes]

    # A label whose only way on is an ending (`label ending_alone: ... return`) is that
    # ending to a player: fold it in, so the map does not show each ending twice.
    for nid in [n for n in nodes if n.startswith("label:")]:
        kids = nodes[nid].children
        if len(kids) == 1 and kids[0].startswith("ending:") and nid != "label:start":
            end = nodes[kids[0]]
            end.detail = end.detail or nodes[nid].detail
            end.full = end.full or nodes[nid].full
            for other in nodes.values():
                other.children = [kids[0] if c == nid else c for c in other.children]
            del nodes[nid]
    for n in nodes.values():
        n.children = list(dict.fromkeys(n.children))

    root = "label:start" if "label:start" in nodes else next(iter(nodes), None)
    kept = _reachable(nodes, root)
    layer_of = _longest_layers(kept, root)
    layers: list[list[str]] = [[] for _ in range(max(layer_of.values(), default=-1) + 1)]
    for n in kept:  # discovery order: the first parent's order decides ties
        layers[layer_of[n]].append(n)
    parents: dict[str, list[str]] = {n: [] for n in kept}
    for n in kept.values():
        for c in n.children:
            if c in parents:
                parents[c].append(n.id)
    for li, layer in enumerate(layers):
        if li:
            def centre(nid: str, li: int = li) -> float:
                ps = [kept[p].order for p in parents[nid] if kept[p].layer < li]
                return sum(ps) / len(ps) if ps else 1e9
            layer.sort(key=centre)
        for k, nid in enumerate(layer):
            kept[nid].layer, kept[nid].order = li, k
    edges = [(n.id, c) for n in kept.values() for c in n.children if c in kept]
    return RouteGraph(kept, layers, edges)


def _line_before(g: StoryGraph, index: int) -> str | None:
    """A menu with no prompt is remembered by the line said just before it."""
    stmts = g.program.statements
    j = index - 1
    while j >= 0 and stmts[j].label == stmts[index].label:
        s = stmts[j]
        if s.kind == "say":
            who = s.args.get("who_name") or (g.names.get(s.args["who"], s.args["who"])
                                             if s.args.get("who") else None)
            text = _short(s.args["text"], 200)
            return f"{strip_tags(who)}: {text}" if who else text
        if s.kind in ("jump", "return", "menu", "label"):
            break
        j -= 1
    return None


def _reachable(nodes: dict[str, Node], root: str | None) -> dict[str, Node]:
    if root is None:
        return {}
    order = [root]
    seen = {root}
    todo = deque([root])
    while todo:
        for c in nodes[todo.popleft()].children:
            if c not in seen:
                seen.add(c)
                order.append(c)
                todo.append(c)
    return {n: nodes[n] for n in order}


def _longest_layers(nodes: dict[str, Node], root: str | None) -> dict[str, int]:
    """Each node one layer below its deepest parent, arrows that loop back ignored: scenes
    that several branches rejoin sit below all of them, as a reader expects."""
    if root is None:
        return {}
    back: set[tuple[str, str]] = set()
    state: dict[str, int] = {}  # 1 on the DFS stack, 2 done
    topo: list[str] = []
    stack: list[tuple[str, int]] = [(root, 0)]
    state[root] = 1
    while stack:
        n, i = stack.pop()
        kids = nodes[n].children
        if i < len(kids):
            stack.append((n, i + 1))
            c = kids[i]
            if state.get(c) == 1:
                back.add((n, c))
            elif c not in state:
                state[c] = 1
                stack.append((c, 0))
        else:
            state[n] = 2
            topo.append(n)
    layer = {n: 0 for n in nodes}
    for n in reversed(topo):
        for c in nodes[n].children:
            if (n, c) not in back:
                layer[c] = max(layer[c], layer[n] + 1)
    return layer


class RouteProgress:
    """What one player has seen of the story's branches, stored as JSON at `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.labels: set[str] = set()
        self.choices: dict[str, set[int]] = {}
        self.snapshots: dict[str, dict[str, Any]] = {}
        self.dirty = False
        self._load()

    def _load(self) -> None:
        import json

        from engine import safefs
        from engine.savecheck import check_state
        from engine.savepack import SaveError
        from engine.untrusted import check_shape

        try:
            raw = safefs.read_bytes(self.path, safefs.MAX_DATA_BYTES, [self.path.parent])
            data = json.loads(raw.decode("utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError, RecursionError) as exc:
            kept = safefs.set_aside(self.path)  # so the next write loses nothing
            log.warning("%s could not be read (%s): the route map starts empty%s",
                        self.path.name, exc or "nested too deeply",
                        f" (the old file is kept as {kept.name})" if kept else "")
            return
        if not isinstance(data, dict) or data.get("version") != PROGRESS_VERSION:
            return
        labels = data.get("labels")
        if isinstance(labels, list):
            self.labels = {x for x in labels if isinstance(x, str)}
        choices = data.get("choices")
        if isinstance(choices, dict):
            for fp, taken in choices.items():
                if isinstance(taken, list):
                    self.choices[fp] = {x for x in taken if isinstance(x, int)}
        snaps = data.get("snapshots")
        if isinstance(snaps, dict):
            for k, v in snaps.items():
                try:  # a snapshot is restored as a save's state is: checked the same way
                    check_state(v)
                    if check_shape(v) is None:
                        self.snapshots[k] = v
                except SaveError as exc:
                    log.warning("routes.json: a snapshot was dropped: %s", exc)

    def to_json(self) -> dict[str, Any]:
        return {"version": PROGRESS_VERSION, "labels": sorted(self.labels),
                "choices": {fp: sorted(v) for fp, v in sorted(self.choices.items())},
                "snapshots": self.snapshots}

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            write_json_atomic(self.path, self.to_json())
            self.dirty = False
        except OSError as exc:
            log.warning("could not write %s: %s", self.path, exc)

    # --- recording ---------------------------------------------------------------------

    def passed(self, label: str | None) -> None:
        if label and label not in self.labels:
            self.labels.add(label)
            self.dirty = True

    def reached_menu(self, fp: str, snapshot: dict[str, Any]) -> None:
        """The first arrival at a menu keeps its snapshot: the earliest way in is the one
        a player remembers, and later arrivals must not overwrite a route they chose."""
        if fp not in self.snapshots:
            self.snapshots[fp] = snapshot
            self.dirty = True

    def chose(self, fp: str, option: int) -> None:
        taken = self.choices.setdefault(fp, set())
        if option not in taken:
            taken.add(option)
            self.dirty = True

    # --- reading -----------------------------------------------------------------------

    def seen(self, node: Node, endings: list[str], read_labels: set[str]) -> bool:
        if node.kind == "label":
            return node.name in self.labels or node.name in read_labels \
                or node.name == "start"
        if node.kind == "menu":
            return node.fp in self.snapshots
        if node.kind == "choice":
            return node.option in self.choices.get(node.fp or "", set())
        return node.name in endings


def read_labels(program: Program, read: list[str]) -> set[str]:
    """Labels that hold a line this player has read (saves from before the route map
    existed still light up the scenes they went through)."""
    by_fp = program.by_fp
    out = set()
    for fp in read:
        i = by_fp.get(fp)
        if i is not None and (label := program.statements[i].label):
            out.add(label)
    return out
