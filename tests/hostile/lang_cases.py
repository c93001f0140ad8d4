"""Hostile scene files, generated: each a script and the clean error it must give (None:
it must run cleanly)."""

from __future__ import annotations


def _nested_ifs(depth: int) -> str:
    lines = ["label start:"]
    for d in range(depth):
        lines.append("    " * (d + 1) + "if True:")
    lines.append("    " * (depth + 1) + '"Deep."')
    return "\n".join(lines) + "\n"


def _nested_menus(depth: int) -> str:
    lines = ["label start:"]
    pad = "    "
    for d in range(depth):
        lines += [f"{pad}menu:", f'{pad}    "Go {d}":']
        pad += "        "
    lines.append(f'{pad}"Deep."')
    return "\n".join(lines) + "\n"


def _start(*body: str) -> str:
    return "label start:\n" + "".join(f"    {line}\n" for line in body) + '    "The end."\n'


def _multiline_chain(terms: int, per_line: int) -> str:
    rows = ["+".join(["1"] * per_line) for _ in range(terms // per_line)]
    return "label start:\n    $ x = (" + "\n        + ".join(rows) + ")\n    \"[x]\"\n"


# name: (script, the clean error it must give, or None when it must run cleanly). Errors
# in RUNTIME_CASES come from running the story: lint and graph, which only read it,
# must run cleanly on those; the others every tool reports.
CASES: dict[str, tuple[str, str | None]] = {
    # expression depth and length
    "parens_100": (_start("$ x = " + "(" * 100 + "1" + ")" * 100), "nested more than"),
    "chain_5000_terms_one_line": (_start("$ x = " + "+".join(["1"] * 5000)),
                                  "operations deep"),
    "chain_50000_terms_one_line": (_start("$ x = " + "+".join(["1"] * 50_000)),
                                   "a line longer than"),
    "chain_50000_terms_over_lines": (_multiline_chain(50_000, 200), "longer than"),
    "chain_90_terms": (_start("$ x = " + "+".join(["1"] * 90), '"[x]"'), None),
    "lists_10000_deep": ("define x = (\n" + "    [\n" * 10_000 + "    ]\n" * 10_000 + ")\n",
                         "more than 500 lines"),
    "lists_5000_deep": (_start("$ x = " + "[" * 5000 + "]" * 5000), "nested more than"),
    "dicts_2000_deep": (_start("$ x = " + '{"a": ' * 2000 + "1" + "}" * 2000),
                        "nested more than"),
    "minus_5000": (_start("$ x = " + "-" * 5000 + "1"), "operations deep"),
    "not_3000": (_start("$ x = " + "not " * 3000 + "True"), "operations deep"),
    "power_tower_1000": (_start("$ x = " + "2**" * 1000 + "2"), "nested more than"),
    "call_args_deep": (_start("$ x = " + "abs(" * 500 + "1" + ")" * 500), "nested more than"),
    "subscripts_deep": (_start("$ x = [1]" + "[0" * 600 + "]" * 600), "nested more than"),
    "conditional_chain": (_start("$ x = " + "1 if False else " * 1000 + "1"),
                          "nested more than"),
    "if_400_deep": (_nested_ifs(400), "nested more than 64 deep"),
    "menus_400_deep": (_nested_menus(400), "nested more than 64 deep"),
}

RUNTIME_CASES: dict[str, tuple[str, str | None]] = {
    # integer and size limits under every operator
    "times_equals_loop": (_start("$ x = 2", "while True:", "    $ x *= x"), "too large"),
    "plus_equals_list_loop": (_start("$ x = [1]", "while True:", "    $ x += x"), "too large"),
    "plus_equals_str_loop": (_start('$ x = "ab"', "while True:", "    $ x += x"), "too long"),
    "power_of_power": (_start("$ x = (10**1000)**1000"), "too large"),
    "percent_precision": (_start('$ x = "%.999999999f" % 1.0'), "formatting above"),
    "percent_star": (_start('$ x = "%*d" % (999999999, 1)'), "formatting above"),
    "round_huge_digits": (_start("$ x = round(10**300, -10**9)"), "round()'s digits"),
    "computed_5000_digits": (_start("$ x = 10**999", "$ x = x * x * x * x * x", '"[x]"'),
                             "too large"),
    "int_from_text": (_start('$ x = int("9" * 4000)', '"[x]"'), "too large"),
    "repeat_list_of_big": (_start("$ x = [[0] * 100000] * 100000"), "too large"),
    "str_repeat_big": (_start('$ x = ("a" * 100000) * 100000'), "too long"),
    "nest_in_loop": (_start("$ x = []", "while True:", "    $ x = [x]"), "nested more than"),
    "double_in_loop": (_start("$ x = [1]", "while True:", "    $ x = [x, x]"), "too large"),
    "default_deep": ("default x = " + "[" * 30 + "]" * 30 + "\n"
                     + _start("$ y = [x]", "$ y = [[[y]]]"), "nested more than"),
    # loops whose every step is costly: the work between two lines shown has a bound
    "grow_list_by_one": (_start("$ l = []", "while True:", "    $ l = l + [1]"), "too large"),
    "grow_list_front": (_start("$ l = []", "while True:", "    $ l = [1] + l * 1"),
                        "too large"),
    "str_of_big_list_loop": (_start("$ l = [1] * 10000", "while True:", "    $ s = str(l)"),
                             "units of work"),
    "search_big_list_loop": (_start("$ l = [1] * 10000", "while True:", "    $ b = 2 in l"),
                             "units of work"),
    # names the engine shows or keeps
    "ending_list": (_start("$ ending = [1, 2]", "return"), "ending"),
    "ending_long": (_start('$ ending = "x" * 100000', "return"), "ending"),
}

# Errors in a define or default: every tool that evaluates them reports them (graph only
# reads the story's shape).
INIT_CASES: dict[str, tuple[str, str | None]] = {
    "ending_default_long": ('default ending = "y" * 5000\n' + _start("return"), "ending"),
    "speaker_long": ('define e = Character("n" * 100000)\n' + _start('e "Hi."'),
                     "Character()'s name"),
    "game_name_long": ('define config.name = "n" * 1000\n' + _start(), "config.name"),
    "speaker_tag_too_long": ('define e = Character("' + "語" * 60 + '")\n'
                             + _start('e happy "Hi."'), "longer than 120 bytes"),
    "character_image_long": ('define e = Character("E", image="' + "i" * 300 + '")\n'
                             + _start('e "Hi."'), "Character()'s image"),
    "default_int_too_big": ("default x = 10**999 * 10**999\n" + _start(), "too large"),
}

CASES |= {
    "literal_5000_digits": (_start("$ x = " + "7" * 5000, '"[x]"'), "longer than 1000 digits"),
    # text tags and words
    "tags_5000_in_line": (_start('"' + "{b}" * 5000 + '"'), "text tags"),
    "tags_5000_in_option": ("label start:\n    menu:\n        \"" + "{i}" * 5000
                            + '":\n            "Hi."\n', "text tags"),
    "unclosed_b_each_line": (_start(*['"{b}open"'] * 3000), None),
    "word_4000": (_start('"' + "w" * 4000 + '"'), None),
    # names that become file names, and menus
    "show_3000_attributes": (_start("show eileen " + " ".join(f"a{i}" for i in range(3000))),
                             "more than 16 words"),
    "say_3000_attributes": ('define e = Character("E", image="eileen")\n'
                            + _start("e " + " ".join(f"a{i}" for i in range(3000)) + ' "Hi."'),
                            "more than 16 words"),
    "image_name_300": ('image ' + "b" * 300 + ' = "x.png"\n' + _start(), "longer than 120"),
    "show_name_300": (_start("show " + "e" * 300), "longer than 120"),
    "menu_5000_options": ("label start:\n    menu:\n" + "".join(
        f'        "Option {i}":\n            "x"\n' for i in range(5000)), "100 options"),
    "long_triple_quote_ok": (_start('"""' + "Words on a line.\n" * 400 + '"""'), None),
}

RUNTIME_CASES |= {
    "speaker_name_long": ('define e = "n" * 300\n' + _start('e "Hi."'), "speaker's name"),
    "speaker_name_interpolated": ('default x = "n" * 5000\n' + _start('"[x]" "Hi."'),
                                  "speaker's name"),
    "interpolation_flood": ('default x = "y" * 60000\n' + _start('"[x][x]"'),
                            "more than 100000 characters"),
}


def big_cases() -> dict[str, tuple[str, str | None]]:
    """The big lexer inputs (several MB), made on demand."""
    return {
        "triple_quote_100000_lines": (
            'label start:\n    """' + "A line of the string.\n" * 100_000 + '"""\n',
            "more than 500 lines"),
        "triple_quote_never_closed": (
            'label start:\n    "a"\n    $ x = """' + "more text\n" * 100_000,
            "never closed"),
        "bracket_open_30000_lines": (
            "label start:\n    $ x = [1,\n" + "        2,\n" * 30_000 + '    "Hi."\n',
            "more than 500 lines"),
        "ten_thousand_open_brackets_lines": (
            "label start:\n" + "    $ x = (1 +\n" * 10_000, "more than 500 lines"),
        "long_words_50_lines": ("label start:\n" + ('    "' + "w" * 19_000 + '"\n') * 50,
                                None),
        "file_too_big": ("label start:\n" + '    "A line of dialogue, plain."\n' * 320_000,
                         "the file is too large"),
    }
