"""`python -m engine lint`: every check a writer wants before a player finds the problem.

Parses and compiles every scene file, then checks labels, speakers, variables, text tags,
images, stage positions and audio files against the game folder (engine.lint.core), that
every line fits the dialogue box at the largest text size (engine.lint.fit) and, with
--strict, the style checks of engine.lint.strict. Output is GCC-style:
`file:line:col: error: message`, the source line and a caret.

Lint imports nothing from engine/present: the dialogue box's rules come from engine.textbox
and a map's structure from engine.mapinfo, which the game screen reads too.
"""

from __future__ import annotations

from pathlib import Path

from engine.lint.core import Linter, map_names
from engine.lint.fit import BoxMeasure, largest_text_px, wrap_problems
from engine.lint.strict import strict_problems
from engine.script import Story, load_game, scene_files
from engine.script.errors import ScriptError

__all__ = ["BoxMeasure", "Linter", "largest_text_px", "lint", "map_names", "strict_problems",
           "wrap_problems"]



def lint(game_dir: Path, strict: bool = False) -> list[ScriptError]:
    """Every problem found in the game, errors and warnings, in file order; with `strict`,
    also the warnings of `strict_problems`."""
    errors: list[ScriptError] = []
    program = load_game(game_dir, errors=errors, write_cache=False)
    story = None
    try:
        story = Story(program)
        story._fresh_state(None)  # evaluates every default, so their errors show here
    except ScriptError as exc:
        errors.append(exc)
    # A file read past its errors is in the program, but not all of it.
    complete = len(program.files) == len(scene_files(game_dir)) and not any(
        getattr(e, "read_past", False) for e in errors)
    linter = Linter(game_dir, program, story, complete=complete)
    linter.run()
    found = errors + linter.problems
    found += wrap_problems(game_dir, program, story)
    if strict:
        found += strict_problems(game_dir, program, story)
    return sorted(found, key=lambda e: (e.loc.file, e.loc.line, e.loc.col))
