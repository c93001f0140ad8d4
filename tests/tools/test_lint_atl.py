"""Lint on transforms, ATL and transitions: each mistake with its file, line, column,
source line, caret and a did-you-mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.lint import lint
from tests.tools.helpers import make_game

CLEAN = '''
    define speed = 1.0
    transform slide(x=1.0, d=speed):
        xalign 0.0
        linear d xalign x
    transform bob:
        parallel:
            ease 0.5 yoffset -10
            ease 0.5 yoffset 0
            repeat
        parallel:
            linear 1.0 matrixcolor TintMatrix("#ffe0c0") * BrightnessMatrix(0.1)
    label start:
        scene bg park at truecenter:
            zoom 1.1
        show eileen happy at left, slide(0.5), bob behind lucy zorder 1
        show lucy at Transform(xalign=0.8) as friend:
            on show:
                alpha 0.0
                linear 0.5 alpha 1.0
            on hide:
                linear 0.5 alpha 0.0
        with moveinleft
        $ renpy.pause(1.0, hard=True)
        hide friend with moveoutright
        with Pause(0.5)
        return
'''


def test_a_script_with_transforms_lints_clean(tmp_path: Path) -> None:
    assert [p.format() for p in lint(make_game(tmp_path, CLEAN))] == []


ERRORS = [
    ("show eileen happy at lefft",
     "scenes/main.scene:5:26: error: unknown transform or position 'lefft'\n"
     "        show eileen happy at lefft\n                             ^\n"
     "    hint: did you mean 'left'?"),
    ("show eileen happy at slide(dd=2)",
     "scenes/main.scene:5:26: error: slide() has no parameter 'dd'\n"
     "        show eileen happy at slide(dd=2)\n                             ^\n"
     "    hint: did you mean 'd'?"),
    ("show eileen happy at slide(1, 2, 3)",
     "scenes/main.scene:5:26: error: slide() takes 2 arguments, not 3\n"
     "        show eileen happy at slide(1, 2, 3)\n                             ^"),
    ("show eileen happy at Transform(xalgn=0.5)",
     "scenes/main.scene:5:26: error: unknown ATL property 'xalgn'\n"
     "        show eileen happy at Transform(xalgn=0.5)\n                             ^\n"
     "    hint: did you mean 'xalign'?"),
    ("with moveinleftt",
     "scenes/main.scene:5:5: error: unknown transition 'moveinleftt'\n"
     "        with moveinleftt\n        ^\n    hint: did you mean 'moveinleft'?"),
    ("hide eileen with dissolv",
     "scenes/main.scene:5:5: error: unknown transition 'dissolv'\n"
     "        hide eileen with dissolv\n        ^\n    hint: did you mean 'dissolve'?"),
    ("show eileen happy:\n        xalign \"left\"",
     "scenes/main.scene:6:9: error: xalign takes a number, not 'left'\n"
     "            xalign \"left\"\n            ^"),
    ("show eileen happy:\n        linear 1.0 xalign wher",
     "scenes/main.scene:6:20: error: 'wher' is not defined\n"
     "            linear 1.0 xalign wher\n                       ^\n"
     "    hint: did you mean 'where'?"),
    ("show eileen happy:\n        slid",
     "scenes/main.scene:6:9: error: unknown transform or position 'slid'\n"
     "            slid\n            ^\n    hint: did you mean 'slide'?"),
    ("scene bg park at slidee",
     "scenes/main.scene:5:22: error: unknown transform or position 'slidee'\n"
     "        scene bg park at slidee\n                         ^\n"
     "    hint: did you mean 'slide'?"),
    ("scene bg park:\n        zoom 1.2\n        slid",
     "scenes/main.scene:7:9: error: unknown transform or position 'slid'\n"
     "            slid\n            ^\n    hint: did you mean 'slide'?"),
    ("show eileen happy:\n        on shwo:\n            alpha 0.5",
     "scenes/main.scene:6:9: error: unknown ATL event 'shwo'\n"
     "            on shwo:\n            ^\n    hint: did you mean 'show'?"),
]

# Refused by the parser, which lint reports the same way.
PARSE_ERRORS = [
    ("show eileen happy:\n        xlaign 0.5",
     "scenes/main.scene:6:9: error: unknown ATL property 'xlaign'\n"
     "            xlaign 0.5\n            ^\n    hint: did you mean 'xalign'?"),
    ("show eileen happy:\n        lineer 1.0 xalign 1.0",
     "scenes/main.scene:6:9: error: unknown warper 'lineer'\n"
     "            lineer 1.0 xalign 1.0\n            ^\n    hint: did you mean 'linear'?"),
    ("show eileen happy:\n        function wobble",
     "scenes/main.scene:6:9: error: 'function' statements in ATL are not supported: scene "
     "files cannot run Python; use properties, warpers and transforms\n"
     "            function wobble\n            ^"),
]


@pytest.mark.parametrize(("line", "expected"), ERRORS + PARSE_ERRORS,
                         ids=[e[0].split("\n")[-1].strip() for e in ERRORS + PARSE_ERRORS])
def test_each_mistake_is_reported_exactly(line: str, expected: str, tmp_path: Path) -> None:
    script = ("transform slide(x=1.0, d=1.0):\n    linear d xalign x\n"
              f"default where = 0.5\nlabel start:\n    {line}\n    return\n")
    found = [p.format() for p in lint(make_game(tmp_path, script)) if p.severity == "error"]
    assert found == [expected]


def test_a_transform_body_is_checked_with_its_parameters(tmp_path: Path) -> None:
    script = ("transform slide(x=1.0):\n    linear 1.0 xalign x + shift\n"
              "label start:\n    show eileen happy at slide\n    return\n")
    found = [p.format() for p in lint(make_game(tmp_path, script))]
    assert found == ["scenes/main.scene:2:16: error: 'shift' is not defined\n"
                     "        linear 1.0 xalign x + shift\n                   ^"]
