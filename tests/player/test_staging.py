"""Text staging through the real game loop: centred lines, extend, the window's mode, the
NVL page (paging, rollback, saves, skip) and self-voicing of NVL and extended lines."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from engine.present.app import App, Options
from tests.player.helpers import make_game, play, run_main, script_args
from tests.player.test_saves_ui import fresh_data

CAST = '''
    define e = Character("Eileen", color="#c8ffc8")
    define n = Character("Nora", kind=nvl, color="#ffd0a0")
'''


def with_cast(*parts: str) -> str:
    return "".join(textwrap.dedent(p) for p in (CAST, *parts))


def start(tmp: Path, scene: str, **settings: Any) -> tuple[App, Any]:
    game = make_game(tmp, with_cast(scene))
    app = App(Options(game=game, warp="start", headless=True,
                      data_dir=fresh_data(tmp, **settings)))
    app.begin()
    g = app.game()
    assert g is not None
    return app, g


def test_a_centred_line_shows_without_the_box_and_is_narration_in_history(
        tmp_path: Path) -> None:
    app, g = start(tmp_path, '''
        label start:
            scene bg room
            centered "Chapter One"
            e "Then a line in the box."
            return
    ''')
    st = app.status()
    assert (st["text"], st["kind"], st["box"], st["page"]) == ("Chapter One", "centered",
                                                                False, None)
    assert st["line_ready"] and st["clickable"]
    g.action("advance")
    st = app.status()
    assert (st["kind"], st["box"], st["who"]) == ("adv", True, "Eileen")
    assert g.history[0] == {"who": None, "text": "Chapter One", "color": None}


def test_an_extend_types_on_from_where_the_line_was(tmp_path: Path) -> None:
    app, g = start(tmp_path, '''
        label start:
            e "Hello,"
            extend " and welcome."
            "Next."
            return
    ''', text_cps=20)
    g.action("advance")  # show the rest of "Hello," at once
    assert app.status()["text"] == "Hello," and not app.status()["typing"]
    g.action("advance")  # on to the extend: the first part stays, the rest types
    st = app.status()
    assert st["typing"] and st["text"] == "Hello," and st["who"] == "Eileen"
    assert g.typer.count == len("Hello,")
    g.action("advance")
    assert app.status()["text"] == "Hello, and welcome."
    assert [h["text"] for h in g.history] == ["Hello, and welcome."]
    g.action("advance")
    assert g.say.text == "Next." and app.status()["typing"]
    g.command("rollback")  # back over the extend: joined, at once, once in history
    st = app.status()
    assert st["text"] == "Hello, and welcome." and not st["typing"]
    assert [h["text"] for h in g.history] == ["Hello, and welcome."]
    g.command("rollback")
    assert app.status()["text"] == "Hello,"


def test_window_show_keeps_the_box_and_window_hide_drops_it(tmp_path: Path) -> None:
    app, g = start(tmp_path, '''
        label start:
            scene bg room
            window show
            "One."
            pause
            window hide
            "Two."
            show eileen happy
            pause
            return
    ''')
    assert app.status()["box"]
    g.action("advance")
    st = app.status()
    assert st["pause"] and st["box"] and st["window"] == "show"  # an empty box stays
    g.action("advance")
    assert app.status()["text"] == "Two." and app.status()["box"]  # a line shows its box
    g.action("advance")
    st = app.status()
    assert st["pause"] and not st["box"] and st["window"] == "hide"
    g.command("rollback")
    g.command("rollback")
    assert app.status()["text"] == "One." and app.status()["window"] == "show"
    g.action("advance")
    assert app.status()["pause"] and app.status()["box"]  # the mode came back with it


def test_window_auto_is_the_box_as_before(tmp_path: Path) -> None:
    app, g = start(tmp_path, '''
        label start:
            scene bg room
            "One."
            show eileen happy
            pause
            return
    ''')
    assert app.status()["box"]
    g.action("advance")
    assert app.status()["pause"] and not app.status()["box"]


LONG_LINES = "".join(f'    n "Line {i} of a long page that fills it up, and then some more '
                     f'words to make it wrap onto a second line."\n' for i in range(12))
NVL_PAGE = (
    "label start:\n"
    "    scene bg room\n"
    '    n "First line of the page."\n'
    '    n "Second line of the page, long enough to take two lines on the page when it is '
    'laid out at this size."\n'
    "    nvl clear\n"
    '    n "A fresh page."\n' + LONG_LINES)


def test_nvl_lines_gather_on_the_page_and_a_full_page_starts_another(tmp_path: Path
                                                                      ) -> None:
    app, g = start(tmp_path, NVL_PAGE + "    return\n")
    st = app.status()
    assert (st["kind"], st["box"], st["page"]) == ("nvl", False,
                                                   ["Nora: First line of the page."])
    g.action("advance")
    assert len(app.status()["page"]) == 2
    g.action("advance")  # nvl clear
    assert app.status()["page"] == ["Nora: A fresh page."]
    pages = []
    for _ in range(12):
        g.action("advance")
        pages.append(app.status()["page"])
    # The page filled up; the line that did not fit began a new page.
    full = max(range(12), key=lambda i: len(pages[i]))
    assert pages[full][0] == "Nora: A fresh page." and len(pages[full]) >= 4
    assert pages[full + 1] == [pages[full + 1][-1]]
    assert pages[full + 1][0].startswith(f"Nora: Line {full + 1} ")
    assert len(g.story.dialogue["page"]) == 12  # the story keeps the lines; the screen pages


def test_rollback_and_a_quick_save_bring_the_nvl_page_back(tmp_path: Path) -> None:
    app, g = start(tmp_path, NVL_PAGE + "    return\n")
    g.action("advance")
    two = app.status()["page"]
    assert len(two) == 2
    g.command("quicksave")
    g.action("advance")
    assert app.status()["page"] == ["Nora: A fresh page."]
    g.command("rollback")
    assert app.status()["page"] == two and not app.status()["typing"]
    g.command("rollforward")
    assert app.status()["page"] == ["Nora: A fresh page."]
    g.command("quickload")
    g = app.game()
    assert app.status()["page"] == two and app.status()["kind"] == "nvl"
    g.command("rollback")
    assert app.status()["page"] == ["Nora: First line of the page."]


def test_a_menu_over_the_nvl_page(tmp_path: Path) -> None:
    app, g = start(tmp_path, '''
        label start:
            n "One."
            menu:
                n "Which?"
                "Left":
                    n "Went left."
            return
    ''')
    g.action("advance")
    st = app.status()
    assert st["menu"] == ["Left"] and st["page"] == ["Nora: One.", "Nora: Which?"]
    top = st["menu_rects"][0][1]
    assert 100 < top < 400  # under the page's lines, not at the foot of the screen
    g.action("number", n=1)
    assert app.status()["page"][-1] == "Nora: Went left."


def test_skip_runs_through_nvl_lines(tmp_path: Path) -> None:
    game = make_game(tmp_path, with_cast(NVL_PAGE, '    menu:\n        "Stop here.":\n'
                                         '            return\n'))
    data = fresh_data(tmp_path, skip_unread=True)
    result = run_main(script_args(tmp_path, '''
        expect-text First line
        key tab
        choose 1
        expect-screen ending
    ''', game, data, "start"))
    assert result.returncode == 0, result.stderr


def test_self_voicing_reads_each_nvl_line_and_an_extends_words(tmp_path: Path) -> None:
    game = make_game(tmp_path, with_cast('''
        label start:
            n "One on the page."
            n "Two on the page,"
            extend " and more."
            centered "In the middle."
            return
    '''))
    spoken = tmp_path / "spoken.json"
    result = play(tmp_path, '''
        expect-text One on the page
        key v
        expect-spoken Self-voicing on
        advance
        expect-spoken Nora: Two on the page,
        advance
        expect-spoken and more.
        advance
        expect-spoken In the middle.
    ''', game=game, env={"ROADOUT_FAKE_VOICE": str(spoken)})
    assert result.returncode == 0, result.stderr
    said = json.loads(spoken.read_text())
    assert said[1:] == ["Nora: Two on the page,", " and more.", "In the middle."]


def test_window_and_nvl_show_hide_fade_unless_motion_is_reduced(tmp_path: Path) -> None:
    scene = '''
        label start:
            scene bg room
            window show dissolve
            pause
            nvl show dissolve
            pause
            nvl hide
            pause
            return
    '''
    app, g = start(tmp_path / "a", scene)
    fade = g.text_fade
    assert fade is not None and (fade.what, fade.showing, fade.seconds) == ("box", True, 0.5)
    assert app.status()["box"] and app.status()["pause"]
    g.action("advance")
    st = app.status()
    assert g.text_fade is not None and g.text_fade.what == "page"
    assert (st["box"], st["page"]) == (False, [])  # an empty page, over the picture
    g.action("advance")
    assert app.status()["page"] is None and g.text_fade is None  # no transition: a cut
    app2, g2 = start(tmp_path / "b", scene, reduce_motion=True)
    assert g2.text_fade is None and app2.status()["box"]


def test_a_with_statement_plays_from_what_the_player_last_saw(tmp_path: Path) -> None:
    """Ren'Py's `scene …` / `show …` / `with dissolve`: the statements before the `with`
    change the stage unseen, and the dissolve runs from the last picture shown (the
    park) to the new one (the room with Eileen); `with None` shows the change at once."""
    import pygame

    game = make_game(tmp_path, """
        label start:
            scene bg park
            "In the park."
            scene bg room
            show eileen happy
            with Dissolve(1.0)
            "In the room."
            scene bg park
            with None
            show eileen happy
            with Dissolve(1.0)
            "Back in the park."
            return
    """)
    s = {n: tmp_path / f"{n}.png" for n in ("park", "mid", "room", "mid2", "park2")}
    r = play(tmp_path, f"""
        expect-text In the park.
        shot {s['park']}
        advance
        wait 0.5
        shot {s['mid']}
        expect-text In the room.
        shot {s['room']}
        advance
        wait 0.5
        shot {s['mid2']}
        expect-text Back in the park.
        shot {s['park2']}
    """, game=game)
    assert r.returncode == 0, r.stderr
    pic = {n: pygame.image.load(str(p)) for n, p in s.items()}

    def sky(name: str) -> tuple[int, ...]:  # above the box and clear of Eileen
        return tuple(pic[name].get_at((60, 60))[:3])

    park, room, mid = sky("park"), sky("room"), sky("mid")
    assert park != room
    # Half-way: a blend of the park and the room, not already the room.
    for a, b, m in zip(park, room, mid, strict=True):
        assert min(a, b) - 2 <= m <= max(a, b) + 2
    assert abs(mid[0] - room[0]) + abs(mid[1] - room[1]) + abs(mid[2] - room[2]) > 20
    # After `with None` the park is shown: the second dissolve only brings Eileen in.
    assert sky("mid2") == sky("park2")
