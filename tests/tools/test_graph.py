"""`python -m engine graph`: the DOT text of small games, and the command's outputs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from engine.graph import build_dot, quote
from engine.script import compile_texts
from tests.conftest import ROOT

GAME = '''
    define e = Character("Eileen", color="#c8ffc8")
    label start:
        e "Hello, \\"friend\\". A back\\\\slash too."
        call intro
        menu:
            "Where now?"
            "To the park.":
                jump park
            "Home." if True:
                $ ending = "Home"
                return
            "Nowhere.":
                jump nowhere
    label intro:
        "The intro."
        return
    label park:
        if True:
            "Sunny."
            $ ending = "Sunny park"
        else:
            $ ending = "Rainy park"
        return
    label after_park:
        "Nobody gets here."
'''


def dot_of(script: str) -> str:
    return build_dot(compile_texts([("scenes/g.scene", textwrap.dedent(script))]), "t")


def edges(dot: str) -> list[str]:
    return [line.strip() for line in dot.splitlines() if " -> " in line]


def test_quote_escapes_quotes_backslashes_and_newlines() -> None:
    assert quote('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'


def test_structure_of_a_small_game() -> None:
    dot = dot_of(GAME)
    found = edges(dot)
    assert '"label:start" -> "label:intro" [style=dashed, color="#5b6b86", label="call"];' \
        in found
    assert any(e.startswith('"label:start" -> "menu:') for e in found)
    menu = re.search(r'"(menu:\d+)" \[label="Where now\?", shape=diamond', dot)
    assert menu, dot
    m = menu.group(1)
    assert any(e.startswith(f'"{m}" -> "label:park" [label="To the park.", color="#b5852e"')
               for e in found)
    assert f'"{m}" -> "ending:Home" [color="#4d8a5a", label="Home. (if True)"];' in found
    assert any(e.startswith(f'"{m}" -> "missing:nowhere"') for e in found)
    assert '[label="no label nowhere"' in dot
    # The if in park chooses between two endings: each arrow names its condition.
    assert '"label:park" -> "ending:Sunny park" [color="#4d8a5a", label="[True]"];' in found
    assert '"label:park" -> "ending:Rainy park" [color="#4d8a5a", label="[else]"];' in found
    assert 'shape=doubleoctagon' in dot and '"Ending\\nSunny park"' in dot
    # A called label returns to its caller: no ending, no arrow to an end node.
    assert not any(e.startswith('"label:intro" ->') for e in found)
    # Falls through from park? No: park returns. after_park is unreachable, so greyed.
    assert re.search(r'"label:after_park" \[label="after_park\\nNobody gets here\.".*dashed',
                     dot)
    # Escaping held: the line with quotes and a backslash is in the label intact.
    assert 'Eileen: Hello, \\"friend\\". A\\nback\\\\slash too.' in dot


def test_fall_through_and_self_loop() -> None:
    dot = dot_of('''
        label start:
            "One."
        label two:
            menu:
                "Again.":
                    jump two
                "Stop.":
                    return
    ''')
    found = edges(dot)
    assert '"label:start" -> "label:two" [color="#8a94a6"];' in found
    assert any(e.startswith('"menu:') and '-> "label:two" [label="Again.", color="#b5852e"'
               in e for e in found)
    assert '"end" [label="end"' in dot


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_command_writes_dot_and_svg_that_graphviz_accepts(tmp_path: Path) -> None:
    game = tmp_path / "game"
    (game / "scenes").mkdir(parents=True)
    (game / "scenes" / "g.scene").write_text(textwrap.dedent(GAME), "utf-8")
    out = subprocess.run([sys.executable, "-m", "engine", "graph", "--game", str(game),
                          "-o", str(tmp_path / "pic.svg")], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "pic.dot").is_file()
    svg = (tmp_path / "pic.svg").read_text("utf-8")
    assert svg.lstrip().startswith("<?xml") and "Sunny park" in svg


def test_command_without_graphviz_still_writes_dot(tmp_path: Path) -> None:
    game = tmp_path / "game"
    (game / "scenes").mkdir(parents=True)
    (game / "scenes" / "g.scene").write_text(textwrap.dedent(GAME), "utf-8")
    # An empty PATH hides Graphviz; the interpreter is named by its full path.
    env = {"PATH": str(tmp_path / "empty"), "ROADOUT_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-m", "engine", "graph", "--game", str(game),
                          "-o", str(tmp_path / "pic.png")], capture_output=True, text=True,
                         cwd=ROOT, env=env)
    assert out.returncode == 2
    assert "Graphviz's 'dot' program is not installed" in out.stderr
    assert (tmp_path / "pic.dot").read_text("utf-8").startswith('digraph "game"')
    plain = subprocess.run([sys.executable, "-m", "engine", "graph", "--game", str(game),
                            "-o", str(tmp_path / "only.dot")], capture_output=True, text=True,
                           cwd=ROOT, env=env)
    assert plain.returncode == 0 and (tmp_path / "only.dot").is_file()
    bad = subprocess.run([sys.executable, "-m", "engine", "graph", "--game", str(game),
                          "-o", str(tmp_path / "pic.jpg")], capture_output=True, text=True,
                         cwd=ROOT, env=env)
    assert bad.returncode == 2 and "use .dot" in bad.stderr



def test_options_that_fall_through_meet_at_one_join() -> None:
    dot = dot_of('''
        default a = False
        label start:
            menu:
                "One.":
                    $ a = True
                "Two.":
                    pass
                "Three.":
                    "Three."
            if a:
                jump yes
            jump no
        label yes:
            return
        label no:
            return
    ''')
    found = edges(dot)
    joins = [e for e in found if '-> "join:' in e]
    assert len(joins) == 3  # one arrow per option, all to the same point
    assert len({e.split(" -> ")[1].split(" ")[0] for e in joins}) == 1
    out = [e for e in found if e.startswith('"join:')]
    assert sorted(e.split(" -> ")[1].split(" ")[0] for e in out) == ['"label:no"',
                                                                      '"label:yes"']
