"""What the Extras screen lists, without pygame: the images a player has seen, the game's
CG illustrations grouped with their variants, and the game's endings in order.

Seen images are Ren'Py's `renpy.seen_image`: every image the game screen shows (the
scene's and each sprite's, by the name the script wrote: "bg night_road cloud",
"sakura sad", "cg gate dawn") is kept in persistent.json's `seen_images`.

CGs are the files `assets/cg/*.png` of the game folder. `NAME.png` is a CG, and
`NAME_VARIANT.png` one of its variants (`scene cg NAME VARIANT`): a file is a variant of
the longest other file name it starts with (followed by "_"); otherwise it is a CG of its
own. CGs are listed in the order the scenes first show them, then by name.

Endings are those the route map shows (a route from `start` reaches them), numbered in
the order the scene files write them (`$ ending = "..."`, files in load order): for The
Road Out, endings.scene's order, the writers' table in script.scene.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.routemap_data import build_route_graph
from engine.script.program import Program

CG_DIR = ("assets", "cg")


def shown_images(stage: dict[str, Any]) -> list[str]:
    """The names of the images a stage shows: its scene's, then each sprite's."""
    names = []
    scene = stage.get("scene")
    if scene:
        names.append(" ".join(str(w) for w in scene))
    for sprite in stage.get("sprites", []):
        names.append(" ".join([str(sprite.get("tag", "")), *map(str, sprite.get("attrs", []))]))
    return [n for n in names if n.strip()]


def cg_stem(image: str) -> str | None:
    """The file stem an image name shows from assets/cg ("cg gate dawn" → "gate_dawn")."""
    words = image.split()
    if len(words) < 2 or words[0] != "cg":
        return None
    return "_".join(words[1:])


@dataclass
class Variant:
    stem: str  # the file's name without .png
    path: Path
    label: str  # "" for the CG's own picture, else the variant's words


@dataclass
class CG:
    name: str
    variants: list[Variant] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.name.replace("_", " ").capitalize()

    def seen(self, seen: set[str] | frozenset[str]) -> list[Variant]:
        """The variants the player has seen."""
        stems = {cg_stem(name) for name in seen}
        return [v for v in self.variants if v.stem in stems]


def scan_cgs(game_dir: Path, program: Program | None = None) -> list[CG]:
    """The game's CGs and their variants (empty when there is no assets/cg folder)."""
    folder = game_dir.joinpath(*CG_DIR)
    try:
        files = sorted(p for p in folder.glob("*.png") if p.is_file())
    except OSError:
        return []
    stems = {p.stem: p for p in files}
    groups: dict[str, CG] = {}
    for stem in sorted(stems):
        base = _base(stem, stems)
        if base is None:
            groups.setdefault(stem, CG(stem)).variants.insert(0, Variant(stem, stems[stem], ""))
        else:
            label = stem[len(base) + 1:].replace("_", " ")
            groups.setdefault(base, CG(base)).variants.append(Variant(stem, stems[stem], label))
    order = _story_order(program) if program is not None else {}
    return sorted(groups.values(), key=lambda g: (order.get(g.name, len(order)), g.name))


def _base(stem: str, stems: dict[str, Path]) -> str | None:
    """The longest other stem this one starts with, followed by '_'."""
    parts = stem.split("_")
    for n in range(len(parts) - 1, 0, -1):
        prefix = "_".join(parts[:n])
        if prefix in stems:
            return prefix
    return None


def _story_order(program: Program) -> dict[str, int]:
    """Each CG stem prefix in the order the scenes first show it."""
    order: dict[str, int] = {}
    for stmt in program.statements:
        if stmt.kind not in ("scene", "show"):
            continue
        words = stmt.args.get("image") or []
        if len(words) >= 2 and words[0] == "cg":
            for n in range(2, len(words) + 1):
                order.setdefault("_".join(map(str, words[1:n])), len(order))
    return order


def ending_order(program: Program) -> list[str]:
    """The game's named endings a route can reach (the route map's), numbered in the order
    the scenes write them (`$ ending = "..."`): the writers' own list."""
    reachable = {n.name for n in build_route_graph(program).nodes.values()
                 if n.kind == "ending" and n.name}
    order: list[str] = []
    for stmt in program.statements:
        a = stmt.args
        if stmt.kind == "assign" and a.get("target") == "ending":
            expr = a.get("expr")
            if isinstance(expr, list) and len(expr) == 2 and expr[0] == "lit" \
                    and str(expr[1]) in reachable and str(expr[1]) not in order:
                order.append(str(expr[1]))
    return order + sorted(reachable - set(order))


def ending_slug(name: str) -> str:
    """An ending's card file name part: "Go Home and Sleep" → "go_home_and_sleep"."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "ending"
