"""Strings and files as Ren'Py has them: escapes, quotes, triple quotes, _(), BOM."""

from __future__ import annotations

from engine.script import Story, compile_texts
from engine.script.text import interpolate, parse, strip_tags, tag_problems


def first_line(text: str) -> str:
    story = Story(compile_texts([("scenes/t.scene", text)]))
    story.start()
    return story.next().text


def test_escapes() -> None:
    assert first_line('label start:\n    "a \\"quoted\\" \\\\ back\\nslash"\n') == \
        'a "quoted" \\ back\nslash'


def test_single_quotes_and_mixed() -> None:
    assert first_line("label start:\n    'It\\'s \"fine\"'\n") == 'It\'s "fine"'


def test_whitespace_runs_fold_to_one_space() -> None:
    assert first_line('label start:\n    "a    b"\n') == "a b"


def test_triple_quoted_text_spans_lines() -> None:
    text = 'label start:\n    """First line\n    continues here."""\n    "next"\n'
    story = Story(compile_texts([("scenes/t.scene", text)]))
    story.start()
    assert story.next().text == "First line continues here."
    nxt = story.next()
    assert nxt.text == "next" and nxt.loc.line == 4


def test_translation_marker_is_a_no_op() -> None:
    text = ('define e = Character(_("Eileen"))\nlabel start:\n    e _("Hello")\n'
            '    menu:\n        _("Pick"):\n            pass\n')
    story = Story(compile_texts([("scenes/t.scene", text)]))
    story.start()
    say = story.next()
    assert (say.who, say.text) == ("Eileen", "Hello")
    assert story.next().choices[0].text == "Pick"


def test_byte_order_mark_is_skipped() -> None:
    assert first_line('\ufefflabel start:\n    "x"\n') == "x"


def test_windows_line_ends() -> None:
    assert first_line('label start:\r\n    "x"\r\n') == "x"


def test_comments_are_ignored_but_not_inside_strings() -> None:
    assert first_line('# top\nlabel start:  # trailing\n    "not # a comment"  # real\n') \
        == "not # a comment"


def test_double_brace_is_a_literal_brace() -> None:
    assert strip_tags("{{not a tag} {b}bold{/b}") == "{not a tag} bold"


def test_tag_parser_pieces() -> None:
    pieces = parse("a{color=#f00}red{/color}{w=0.5}b")
    assert [(p.text, p.name, p.value, p.closing) for p in pieces] == [
        ("a", None, None, False), ("", "color", "#f00", False), ("red", None, None, False),
        ("", "color", None, True), ("", "w", "0.5", False), ("b", None, None, False),
    ]


def test_tag_problems() -> None:
    assert tag_problems("{b}x") == []  # closed at the end of the line, as in Ren'Py
    assert tag_problems("x{/i}") == ["'{/i}' closes a tag that is not open"]
    assert tag_problems("{shake}x") == ["unknown text tag '{shake}'"]
    assert tag_problems("{b}ok{/b}{w}{p=1}") == []


def test_interpolation_conversions() -> None:
    values = {"n": "naruto"}
    assert interpolate("[n!u] [n!c] [[n]", values.__getitem__) == "NARUTO Naruto [n]"


def test_paragraph_tag_is_a_line_break_when_tags_are_stripped() -> None:
    assert strip_tags("There it was.{p}And a new paragraph.") == \
        "There it was.\nAnd a new paragraph."


def test_play_text_keeps_one_line_per_say() -> None:
    from engine.script import Say
    from engine.script.errors import Loc
    from engine.textplay import say_line

    say = Say("Sakura", "There it was.{p=1.0}And more.\nEnd.", None, None, None,
              Loc("f", 1), "fp")
    assert say_line(say) == "Sakura: There it was. And more. End."
