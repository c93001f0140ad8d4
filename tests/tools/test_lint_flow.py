"""Lint on Ren'Py's control flow and on whole files: every error of a file at once, the
closing summary of unsupported constructs, call arguments checked as the runtime checks
them, and jumps, calls and returns with expressions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.lint import lint
from engine.lint.summary import unsupported_summary
from tests.conftest import ROOT
from tests.tools.helpers import make_game


def messages(game: Path) -> list[str]:
    return [f"{p.loc.line}: {p.severity}: {p.message}" for p in lint(game)]


BROKEN = '''
    init python:
        def helper():
            return 1
    define e = Character("Eileen")
    label start:
        e "One {b}tag left open."
        python:
            x = 1
        voice "line.ogg"
        $ renpy.notify("hi")
        menu:
            "Go" if unknown_flag:
                e "went"
            "Stay":
                nvl clean
        e "Still checked: [nobody]."
        return
'''


def test_lint_reports_every_error_of_a_file_at_once(tmp_path: Path) -> None:
    found = messages(make_game(tmp_path, BROKEN))
    # Plain data now, so no error: the python block of assignments (8), renpy.notify (11),
    # the {b} a line leaves open (7, closed at its end, as Ren'Py does) and `voice` (10,
    # whose file is what is missing).
    assert found == [
        "3: error: 'def' in a python block: scene files cannot run Python code",
        "10: error: audio file 'line.ogg' not found in assets/audio",
        "12: error: 'unknown_flag' is not defined",
        "16: error: 'nvl' takes clear, show or hide, not 'clean'",
        "17: error: '[nobody]' interpolates a variable that is not defined",
    ]


def test_the_summary_counts_the_statements_each_unsupported_construct_touches(
        tmp_path: Path) -> None:
    game = make_game(tmp_path, BROKEN)
    assert unsupported_summary(lint(game)) == [
        "unsupported: 3 statement(s) use constructs this engine does not run:",
        "       3  'def' in a python block (1 place)",
    ]
    done = subprocess.run([sys.executable, "-m", "engine", "lint", "--game", str(game)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1
    assert "unsupported: 3 statement(s) use constructs this engine does not run:" in (
        done.stdout.splitlines())


def test_a_clean_game_has_no_summary(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            "Fine."
    ''')
    assert unsupported_summary(lint(game)) == []


def test_call_arguments_written_out_are_checked_as_the_runtime_checks_them(
        tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            with Dissolve(1.0, alpha=True)
            with Dissolve(1.0, time_warp=True)
            with Fade(1, 2, 3, 4)
            $ n = len(1, 2)
            "Done."
    ''')
    assert messages(game) == [
        "4: error: Dissolve() takes the time in seconds (and alpha=)",
        "5: error: Fade() takes out, hold and in times in seconds",
        "6: error: TypeError: len() takes exactly one argument (2 given)",
    ]


def test_jumps_calls_and_returns_with_expressions_and_arguments(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default where = "greet"
        label start:
            jump expression "nowhere"
            call expression where pass (1)
            call greet(1, 2, 3)
            call greet(whom=1)
            call plain(1)
            call greet(missing_name)
            jump .local
        label .local:
            return undefined_value
        label greet(who, mood=calm_default):
            "[who] [mood]"
            return
        label plain:
            return
    ''')
    found = [m for m in messages(game) if "never reached" not in m]
    assert found == [
        "4: error: no label named 'nowhere'",
        "6: error: greet() takes 2 arguments, not 3",
        "7: error: greet() has no parameter 'whom'",
        "8: error: label 'plain' takes no arguments",
        "9: error: 'missing_name' is not defined",
        "12: error: 'undefined_value' is not defined",
        "13: error: 'calm_default' is not defined",
    ]


def test_set_menus_and_menu_arguments_lint_clean(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default chosen = []
        init:
            define e = Character("Eileen")
        label start:
            menu ask (screen="choice"):
                set chosen
                "Tea" (kind="warm"):
                    e "Tea."
                    jump ask
                "Done":
                    e "Done."
            return
    ''')
    assert messages(game) == []


def test_python_the_lexer_cannot_read_is_the_python_blocks_problem_only(
        tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        init python:
            def helper():
                return 1
            total = a @ b

        label start:
            "A line ? of text."
            "Fine."
    ''')
    assert messages(game) == [
        "3: error: 'def' in a python block: scene files cannot run Python code",
    ]


def test_lint_stops_reading_a_file_after_its_bound_of_problems(
        tmp_path: Path, monkeypatch) -> None:
    from engine.script import lexer, parser

    monkeypatch.setattr(lexer, "MAX_PROBLEMS_READ_PAST", 5)
    monkeypatch.setattr(parser, "MAX_PROBLEMS_READ_PAST", 5)
    game = make_game(tmp_path, "label start:\n" + "    nvl clean\n" * 20)
    # Five read past, then the sixth stops the file (and the checks of the whole game).
    assert messages(game) == [f"{n}: error: 'nvl' takes clear, show or hide, not 'clean'"
                              for n in range(2, 8)]
