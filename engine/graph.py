"""`python -m engine graph -o FILE`: the story's branch structure as a Graphviz picture.

Labels are boxes with their first line, menus diamonds with the option texts on their
edges, endings double octagons named by the `$ ending = "..."` set before the final return.
Jumps and fall-throughs are solid arrows, calls dashed (the story comes back after them).
Conditions (`if`/`elif`/`else`) that choose between exits are written on the arrows.

The graph is read from the compiled program, not from a play-through, so it also shows
what no route reaches (greyed): `routes` says which paths are really taken.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from engine.flow import dynamic_targets, reachable
from engine.script import Program, ScriptError, Story, load_game
from engine.script.text import strip_tags

FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf"}
FONT = "Noto Sans"
# A calm palette: ink on paper, one hue per kind of node.
INK, MUTED = "#2f3a4a", "#8a94a6"
LABEL_FILL, LABEL_LINE = "#eef2f8", "#5b6b86"
MENU_FILL, MENU_LINE = "#fbf0d9", "#b5852e"
END_FILL, END_LINE = "#e2f0e4", "#4d8a5a"
BAD_FILL, BAD_LINE = "#f9dede", "#b34747"


@dataclass(frozen=True)
class Exit:
    """Where a walk through the statements leaves its node."""

    kind: str  # jump | fall | call | menu | ending | return | missing
    target: Any  # label name, menu index, ending name, or None


def quote(text: str) -> str:
    """A DOT string: quotes and backslashes escaped, newlines as centred line breaks."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r", "").replace("\n", "\\n") + '"'


def _wrap(text: str, width: int, lines: int) -> str:
    parts = textwrap.wrap(text, width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return "\n".join(parts)


def _condition(source: str) -> str:
    text = source.strip()
    for word in ("elif ", "if ", "while "):
        if text.startswith(word):
            text = text[len(word):]
            break
    return text.rstrip(":").strip()


class StoryGraph:
    """The story's control flow read from the compiled program: where each label, menu
    option and menu join leads (`walk`), and each label's first line. The writers' picture
    (`dot`) and the player's route map (engine.routemap_data) are both drawn from it."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self.names: dict[str, str] = {}
        try:
            story = Story(program)
            for key, value in story.constants.items():
                if isinstance(value, dict) and value.get("__type__") == "character":
                    self.names[key] = value.get("name") or key
        except ScriptError:
            pass  # the graph still draws; speakers show by their variable name
        for key in ("centered", "extend", "nvl_narrator"):  # built in, without a name
            self.names.setdefault(key, "")
        self.called = {s.args["target"] for s in program.statements if s.kind == "call"}
        # `call x from NAME` return points: a jump to one goes on from there, unlabelled.
        self.returns = set(program.labels) - set(program.story_labels)
        self.seen = reachable(program)
        # Where the story goes on after a menu whose options fall through: one join point,
        # so three options and an if after them draw as 3 + 2 arrows, not 3 × 2.
        stmts = program.statements
        self.joins = {s.args["end"] for s in stmts if s.kind == "menu"
                      and s.args["end"] < len(stmts) and stmts[s.args["end"]].kind != "label"}

    def walk(self, start: int, origin_label: str | None) -> dict[Exit, set[str | None]]:
        """Follow control flow from `start` to every exit; each exit gets the conditions
        that lead to it (None when some path reaches it unconditionally)."""
        stmts = self.program.statements
        exits: dict[Exit, set[str | None]] = {}
        todo: list[tuple[int, str | None, str | None]] = [(start, None, None)]
        done: set[tuple[int, str | None, str | None]] = set()

        def leave(ex: Exit, cond: str | None) -> None:
            exits.setdefault(ex, set()).add(cond)

        while todo:
            item = todo.pop()
            if item in done:
                continue
            done.add(item)
            i, cond, ending = item
            if i >= len(stmts):
                continue
            s = stmts[i]
            a = s.args
            kind = s.kind
            if i in self.joins and i != start:
                leave(Exit("join", i), cond)
            elif kind == "label" and i != start:
                leave(Exit("fall", a["name"]), cond)
            elif kind in ("jump", "call") and a["target"] is None:
                # jump/call expression: to each label the script names in a string.
                for t in dynamic_targets(self.program):
                    leave(Exit(kind, stmts[t].args["name"]), cond)
                if kind == "call":
                    todo.append((i + 1, cond, ending))
            elif kind == "jump" and a["target"] in self.returns:
                todo.append((self.program.labels[a["target"]], cond, ending))
            elif kind == "jump":
                known = a["target"] in self.program.labels
                leave(Exit("jump" if known else "missing", a["target"]), cond)
            elif kind == "call":
                known = a["target"] in self.program.labels
                leave(Exit("call" if known else "missing", a["target"]), cond)
                todo.append((i + 1, cond, ending))
            elif kind == "menu":
                leave(Exit("menu", i), cond)
            elif kind == "return":
                if origin_label not in self.called:
                    leave(Exit("ending" if ending else "return", ending), cond)
            elif kind == "goto":
                todo.append((a["target"], cond, ending))
            elif kind == "branch":
                text = _condition(s.source)
                todo.append((i + 1, text, ending))
                todo.append((a["target"], "else", ending))
            elif kind == "assign":
                expr = a["expr"]
                if a["target"] == "ending" and a["op"] == "=" and expr[0] == "lit":
                    ending = str(expr[1]) if expr[1] else None
                todo.append((i + 1, cond, ending))
            else:
                todo.append((i + 1, cond, ending))
        return exits

    def first_line(self, name: str) -> str | None:
        stmts = self.program.statements
        i = self.program.labels[name] + 1
        while i < len(stmts) and stmts[i].label == name and stmts[i].kind != "label":
            s = stmts[i]
            spec = s.args if s.kind == "say" else s.args.get("prompt") if s.kind == "menu" \
                else None
            if spec:
                who = spec.get("who_name") or (self.names.get(spec["who"], spec["who"])
                                               if spec.get("who") else None)
                text = strip_tags(spec["text"])
                return f"{strip_tags(who)}: {text}" if who else text
            if s.kind in ("jump", "return", "menu"):
                break
            i += 1
        return None

    def dot(self, title: str) -> str:
        p = self.program
        out = [
            f"digraph {quote(title)} {{",
            f'  graph [rankdir=TB, fontname={quote(FONT)}, fontsize=16, labelloc=t, '
            f'label={quote(title)}, fontcolor={quote(INK)}, bgcolor="#ffffff", '
            f'nodesep=0.35, ranksep=0.45, pad=0.3];',
            f"  node [fontname={quote(FONT)}, fontsize=11, color={quote(LABEL_LINE)}, "
            f"fontcolor={quote(INK)}, penwidth=1.2];",
            f"  edge [fontname={quote(FONT)}, fontsize=10, color={quote(INK)}, "
            f"fontcolor={quote('#4a5568')}, arrowsize=0.7];",
        ]
        endings: dict[str, str] = {}
        joined: dict[int, str] = {}  # join index → the label it lies in
        pending: list[int] = []
        extra: list[str] = []
        edges: list[str] = []

        def label_id(name: str) -> str:
            return quote(f"label:{name}")

        def target_id(ex: Exit, origin: str) -> tuple[str, dict[str, str]]:
            if ex.kind in ("jump", "fall", "call"):
                style = {"call": {"style": "dashed", "color": quote(LABEL_LINE)},
                         "fall": {"color": quote(MUTED)}}.get(ex.kind, {})
                return label_id(ex.target), dict(style)
            if ex.kind == "join":
                if ex.target not in joined:
                    joined[ex.target] = origin
                    pending.append(ex.target)
                return quote(f"join:{ex.target}"), {}
            if ex.kind == "menu":
                return quote(f"menu:{ex.target}"), {}
            if ex.kind == "missing":
                node = quote(f"missing:{ex.target}")
                extra.append(f"  {node} [label={quote('no label ' + ex.target)}, "
                             f"shape=box, style=\"filled,dashed\", fillcolor={quote(BAD_FILL)}, "
                             f"color={quote(BAD_LINE)}];")
                return node, {"color": quote(BAD_LINE)}
            if ex.kind == "ending":
                node = endings.setdefault(ex.target, quote(f"ending:{ex.target}"))
                return node, {"color": quote(END_LINE)}
            return quote("end"), {"color": quote(MUTED)}

        def add_edges(src: str, exits: dict[Exit, set[str | None]], origin: str,
                      text: str | None = None) -> None:
            for ex, conds in exits.items():
                dst, attrs = target_id(ex, origin)
                words = []
                if text:
                    words.append(_wrap(text, 26, 3))
                if None not in conds and len(conds) == 1:
                    (cond,) = conds
                    words.append(f"[{_wrap(cond or '', 26, 2)}]" if cond != "else" else
                                 "[else]")
                if ex.kind == "call":
                    words.append("call")
                if words:
                    attrs["label"] = quote("\n".join(words))
                if text and ex.kind not in ("missing", "ending"):
                    # A player's choice reads apart from the script's own jumps.
                    attrs.setdefault("color", quote(MENU_LINE))
                    attrs["fontcolor"] = quote("#7a5618")
                if ex.kind == "jump" and dst == src:
                    attrs["dir"] = "forward"
                body = ", ".join(f"{k}={v}" for k, v in attrs.items())
                edges.append(f"  {src} -> {dst}" + (f" [{body}];" if body else ";"))

        out.append(f"  start [label=\"\", shape=circle, width=0.18, style=filled, "
                   f"fillcolor={quote(INK)}, color={quote(INK)}];")
        if "start" in p.labels:
            edges.append(f"  start -> {label_id('start')} [color={quote(MUTED)}];")
        for name, index in p.story_labels.items():
            line = self.first_line(name)
            text = name if line is None else f"{name}\n{_wrap(line, 34, 2)}"
            loc = p.statements[index].loc
            attrs = (f"shape=box, style=\"rounded,filled\", fillcolor={quote(LABEL_FILL)}, "
                     f"tooltip={quote(f'{loc.file}:{loc.line}')}")
            if index not in self.seen:
                # No route from start reaches it: greyed, not hidden.
                attrs += (f", color={quote(MUTED)}, fontcolor={quote(MUTED)}, "
                          'style="rounded,dashed"')
            out.append(f"  {label_id(name)} [label={quote(text)}, {attrs}];")
            add_edges(label_id(name), self.walk(index, name), name)
        for i, s in enumerate(p.statements):
            if s.kind != "menu":
                continue
            node = quote(f"menu:{i}")
            prompt = s.args["prompt"]
            text = _wrap(strip_tags(prompt["text"]), 22, 2) if prompt else "choice"
            out.append(f"  {node} [label={quote(text)}, shape=diamond, style=filled, "
                       f"fillcolor={quote(MENU_FILL)}, color={quote(MENU_LINE)}, "
                       f"fontsize=10, margin=0.02, "
                       f"tooltip={quote(f'{s.loc.file}:{s.loc.line}')}];")
            for opt in s.args["options"]:
                text = strip_tags(opt["text"])
                if opt["cond"] is not None:
                    guard = opt["source"].strip().rstrip(":")
                    guard = guard[guard.rfind(" if ") + 4:] if " if " in guard else ""
                    text += f" (if {guard})" if guard else ""
                add_edges(node, self.walk(opt["target"], s.label), s.label or "", text)
        while pending:
            j = pending.pop()
            node = quote(f"join:{j}")
            loc = p.statements[j].loc
            out.append(f"  {node} [label=\"\", shape=circle, width=0.12, style=filled, "
                       f"fillcolor={quote(MENU_LINE)}, color={quote(MENU_LINE)}, "
                       f"tooltip={quote(f'after the menu: {loc.file}:{loc.line}')}];")
            add_edges(node, self.walk(j, p.statements[j].label), joined[j])
        for name, node in endings.items():
            card = quote("Ending\n" + name)
            out.append(f"  {node} [label={card}, shape=doubleoctagon, "
                       f"style=filled, fillcolor={quote(END_FILL)}, color={quote(END_LINE)}];")
        if endings:
            out.append("  { rank=sink; " + " ".join(endings.values()) + " }")
        if any(e.endswith('"end";') or ' -> "end"' in e for e in edges):
            out.append(f"  \"end\" [label=\"end\", shape=oval, style=filled, "
                       f"fillcolor=\"#f2f2f2\", color={quote(MUTED)}];")
        out.extend(dict.fromkeys(extra))
        out.extend(edges)
        out.append("}")
        return "\n".join(out) + "\n"


def build_dot(program: Program, title: str = "story") -> str:
    """The DOT text of a program's branch graph."""
    return StoryGraph(program).dot(title)


def run(game_dir: Path, output: Path, out: TextIO, err: TextIO) -> int:
    """The command: writes the .dot (always) and the picture; returns the exit status."""
    try:
        program = load_game(game_dir)
    except ScriptError as exc:
        print(exc.format(), file=err)
        return 1
    suffix = output.suffix.lower()
    if suffix not in (".dot", ".gv") and suffix not in FORMATS:
        print(f"graph: cannot write '{output.name}': use .dot, .gv, .svg, .png or .pdf",
              file=err)
        return 2
    title = story_title(program) or game_dir.resolve().name
    text = build_dot(program, title)
    dot_file = output if suffix in (".dot", ".gv") else output.with_suffix(".dot")
    output.parent.mkdir(parents=True, exist_ok=True)
    dot_file.write_text(text, "utf-8")
    if dot_file == output:
        print(f"graph: wrote {output}", file=out)
        return 0
    exe = shutil.which("dot")
    if exe is None:
        print(f"graph: wrote {dot_file}, but Graphviz's 'dot' program is not installed, so "
              f"no {suffix[1:]} was drawn: install Graphviz (e.g. apt install graphviz) or "
              f"open the .dot file in a Graphviz viewer", file=err)
        return 2
    done = subprocess.run([exe, f"-T{FORMATS[suffix]}", "-o", str(output), str(dot_file)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        print(f"graph: dot failed: {done.stderr.strip()}", file=err)
        return 1
    print(f"graph: wrote {dot_file} and {output}", file=out)
    return 0


def story_title(program: Program) -> str | None:
    """The game's name (`define config.name = "..."`), the graph's title."""
    for init in program.inits:
        if init.kind == "define" and init.name == "config.name" and init.expr[0] == "lit":
            return str(init.expr[1])
    return None
