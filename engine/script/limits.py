"""Every size a scene file can set has a bound here, so hostile or mistaken input meets a
clear error naming file:line instead of Python's recursion limit, a hang or gigabytes of
memory. Each bound is far above what a real story needs (the figures say why) and low
enough that the work it permits stays small.
"""

from __future__ import annotations

import math

# --- files and lines ------------------------------------------------------------------
# A scene file: the 50,000-line bench story is ~3 MB. A game's scene files together, in
# bytes, lines and (per file) tokens: each line and token costs memory until the program is
# compiled, and these keep a hostile game's compile well under 1 GB.
MAX_SCENE_BYTES = 8 * 1024 * 1024
MAX_GAME_SCENE_BYTES = 16 * 1024 * 1024
MAX_GAME_LINES = 250_000
MAX_SCENE_TOKENS = 1_000_000
# One physical line: a long paragraph of dialogue is ~1,000 characters.
MAX_LINE_LENGTH = 20_000
# One statement over several lines (open brackets, a triple-quoted string). Also what keeps
# a bracket left open from making the lexer read the rest of the file as one line.
MAX_STATEMENT_LINES = 500
# Blocks inside blocks (if, while, menu, label): real scripts nest under 10 deep. The
# parser and compiler recurse once a level, so this also keeps them far from Python's limit.
MAX_BLOCK_DEPTH = 64

# --- expressions ----------------------------------------------------------------------
# Tokens in one expression: a long list literal of a few hundred items is plenty.
MAX_EXPR_TOKENS = 10_000
# Brackets, calls, subscripts, `not`, signs and `**` inside one another while parsing:
# each level costs the recursive-descent parser about twelve Python frames.
MAX_EXPR_NESTING = 32
# Depth of the parsed tree (a chain `a + b + c …` is one level an operator): every walker
# over expressions (evaluator, lint, routes) recurses once a level.
MAX_EXPR_DEPTH = 100

# --- values ---------------------------------------------------------------------------
# The longest text, and the most items in a list or dict. A loop that adds one item at a
# time copies the list each time, so the item bound is what keeps such a loop quick.
MAX_LEN = 100_000
MAX_ITEMS = 10_000
# A value's weight: every item and character in it, nested values counted each time they
# appear (so `[x, x]` weighs twice x): bounds what showing, comparing or saving it costs.
MAX_VALUE_WEIGHT = 1_000_000
# Work the evaluator may do between two things shown (a unit: about an item compared,
# searched or turned into text): the statement limit stops a loop's count, this its cost
# (`while True: $ s = str(big_list)` would otherwise run for minutes).
MAX_STEP_WORK = 20_000_000
# Lists and dicts inside one another in a variable (saved as JSON, which recurses).
MAX_VALUE_DEPTH = 32
# Integers: 1,000 decimal digits, well below Python's 4,300-digit limit on turning an int
# into text (which would fail when a line shows it or a save writes it).
MAX_INT_DIGITS = 1000
MAX_INT_BITS = int(MAX_INT_DIGITS * math.log2(10))
# Width and precision in `"%10.2f" % x` formatting, and round()'s digits.
MAX_FORMAT_WIDTH = 1000
MAX_ROUND_DIGITS = 1000

# --- names and text -------------------------------------------------------------------
# Names the engine shows or keeps as a name: an ending, a speaker, config.name.
MAX_NAME_LENGTH = 200
# An image's name and attributes (`show eileen happy`), which become a file name: words,
# and characters in all (a file name's own bound is 255 bytes).
MAX_IMAGE_WORDS = 16
MAX_IMAGE_NAME = 120
# Options in one menu: a screen shows a dozen.
MAX_MENU_OPTIONS = 100
# Text tags ({b}, {/b}, {w}, …) in one line of dialogue.
MAX_TEXT_TAGS = 500

# --- lint -----------------------------------------------------------------------------
# Findings lint prints per file, and per kind of finding in a file; the rest are counted.
MAX_FINDINGS_PER_FILE = 200
MAX_FINDINGS_PER_KIND = 10
# Problems lint reads past in one file before it stops reading it (a file of 250,000 bad
# lines would otherwise keep a quarter of a million findings in memory to count them).
MAX_PROBLEMS_READ_PAST = 10_000
