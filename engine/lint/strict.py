"""`lint --strict`: style checks a writer asks for. The story plays without them, so they
are warnings; the command's exit status is what makes them strict (see `lint --help`)."""

from __future__ import annotations

from pathlib import Path

from engine.flow import reachable
from engine.lint import code
from engine.lint.atl import names_in
from engine.lint.code import CODE_KINDS
from engine.lint.fit import BoxMeasure, line_kind, sampler, spoken
from engine.lint.media import media_notes
from engine.script import Story
from engine.script.errors import Loc, ScriptError
from engine.script.expr import names_read
from engine.script.program import Program
from engine.script.text import inline_names, interpolation_names
from engine.script.titles import SAVE_NAME, label_titles


def strict_problems(game_dir: Path, program: Program, story: Story | None
                    ) -> list[ScriptError]:
    """The --strict checks: lines too long for the dialogue box, speakers without a colour,
    images defined but never shown, variables set but never read, labels a route reaches
    with no title for the player (engine/script/titles.py)."""
    out: list[ScriptError] = []
    constants = story.constants if story else {}
    images = story.images if story else {}

    def warn(loc: Loc, message: str, source: str | None, hint: str | None = None) -> None:
        out.append(ScriptError(loc, message, source, hint=hint, severity="warning"))

    # Lines too long for the box.
    said = spoken(program)
    text_of = sampler(program, story)
    measure = BoxMeasure(game_dir) if said else None
    for _stmt, spec, loc, source in said:
        assert measure is not None
        if line_kind(spec, constants) != "adv":
            continue  # the NVL page and centred lines are never shrunk
        lines, fits = measure.lines_and_fits(text_of(spec))
        if not fits:
            warn(loc, f"this line takes {lines} lines in the dialogue box at the default "
                 f"text size: too long for the box, so the game shrinks its text", source,
                 hint="split it into two say statements")

    # Speakers without a colour.
    seen_speakers: set[str] = set()
    for _stmt, spec, loc, source in said:
        who, who_name = spec.get("who"), spec.get("who_name")
        if who is not None and who not in seen_speakers:
            seen_speakers.add(who)
            char = constants.get(who)
            # A Character with no name (a narrator) has no name plate to colour.
            if isinstance(char, dict) and char.get("__type__") == "character" \
                    and char.get("name") and not char.get("color"):
                init = next((i for i in program.inits if i.name == who), None)
                where, src = (init.loc, init.source) if init else (loc, source)
                warn(where, f"speaker '{who}' ({char.get('name')}) has no colour",
                     src, hint=f'Character("{char.get("name")}", color="#rrggbb")')
        elif who is None and who_name and who_name not in seen_speakers:
            seen_speakers.add(who_name)
            warn(loc, f"speaker \"{who_name}\" has no colour", source,
                 hint=f'define a Character("{who_name}", color="#rrggbb") and speak as it')

    # Images defined but never shown.
    shown: set[str] = set()
    for stmt in program.statements:
        words: list[str] = []
        if stmt.kind in ("scene", "show") and stmt.args["image"]:
            words = list(stmt.args["image"])
        elif stmt.kind == "say" and stmt.args["attrs"] and stmt.args["who"]:
            char = constants.get(stmt.args["who"])
            if isinstance(char, dict):
                tag = char.get("image") or (char.get("name") or "").lower()
                words = [tag, *stmt.args["attrs"]]
        for n in range(1, len(words) + 1):
            shown.add(" ".join(words[:n]))
        if stmt.kind == "say" and "{image" in stmt.args["text"]:  # a picture in the text
            shown.update(inline_names(stmt.args["text"]))
    for init in program.inits:
        if init.kind == "image" and init.name not in shown and init.name in images:
            warn(init.loc, f"image '{init.name}' is defined but never shown", init.source)

    # Variables set but never read ('ending' is read by the engine's ending card).
    reads: set[str] = set()
    for init in program.inits:
        if init.kind == "transform":
            names_in(init.expr, reads)
        elif init.kind == "atlimage":
            names_in(init.expr["atl"], reads)  # type: ignore[index]
        elif init.kind == "layeredimage":
            names_in(init.expr.get("conds"), reads)  # type: ignore[union-attr]
        else:
            names_read(init.expr, reads)
    for stmt in program.statements:
        a = stmt.args
        if stmt.kind in ("scene", "show"):
            names_in([a.get("transforms"), a.get("atl"), a.get("zorder")], reads)
        if stmt.kind == "assign":
            # `$ n += 1` alone does not make n read: it only feeds itself.
            reads |= names_read(a["expr"]) - {a["target"]}
        elif stmt.kind == "branch":
            names_read(a["cond"], reads)
        elif stmt.kind in CODE_KINDS:
            for expr in code.exprs(stmt):
                names_read(expr, reads)
        elif stmt.kind in ("play", "queue"):
            names_read(a["files"], reads)
        elif stmt.kind == "pause" and a["expr"] is not None:
            names_read(a["expr"], reads)
        elif stmt.kind in ("scene", "show", "hide", "with", "window", "nvl") \
                and a.get("with_") is not None:
            names_read(a["with_"], reads)
        elif stmt.kind in ("jump", "call", "return", "label"):
            # What jump/call expression, call arguments, return values and parameter
            # defaults read (see parse_flow.py).
            names_in([a.get("expr"), a.get("args"), a.get("kwargs"), a.get("defaults")], reads)
        elif stmt.kind == "menu":
            names_in(a.get("set"), reads)
            for opt in a["options"]:
                if opt["cond"] is not None:
                    names_read(opt["cond"], reads)
                reads.update(interpolation_names(opt["text"]))
    for _stmt, spec, _loc, _source in said:
        reads.update(interpolation_names(spec["text"]))
        if spec.get("who"):
            reads.add(spec["who"])
        if spec.get("who_name"):
            reads.update(interpolation_names(spec["who_name"]))
    first_set: dict[str, tuple[Loc, str]] = {}
    for init in program.inits:
        if init.kind == "default":
            first_set.setdefault(init.name, (init.loc, init.source))
    for stmt in program.statements:
        if stmt.kind == "assign":
            first_set.setdefault(stmt.args["target"], (stmt.loc, stmt.source))
    for name, (loc, source) in first_set.items():
        if name in ("ending", SAVE_NAME) or name.split(".")[0] in ("persistent", "config"):
            continue
        if name not in reads:
            warn(loc, f"variable '{name}' is set but never read", source,
                 hint="read it in a condition or [interpolation], or remove it")

    # Labels a route reaches with no title: the route map and the save cards would show
    # the internal name.
    titles, reached = label_titles(program), reachable(program)
    for name, index in program.story_labels.items():
        if index in reached and name not in titles:
            stmt = program.statements[index]
            warn(stmt.loc, f"label '{name}' has no title for the player (save cards and the "
                 "route map show its name)", stmt.source,
                 hint='begin it with  $ save_name = "A title a player reads"')
    out.extend(media_notes(program))
    return out + code.ignored_notes(program)
