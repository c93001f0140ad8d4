"""The game's writing: the seed story is all there, in order, on the main route,
and every ending is reachable by the route documented for it.

Runs the real text player: `python -m engine play-text --choose ...`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED_NAME = "000_b9c35c1209858703.txt"

# Answers to the menus, in order, for the seed's own story.
MAIN_ROUTE = "1,1,1"

# Each ending, the route that reaches it, and a line that only that ending shows.
ENDINGS = {
    "Someone to Want Me": ("1,1,1", "Get through this and be strong enough to find them both."),
    "Alone": ("1,1,2", "Alone, then. He had been alone before. He knew how to do it."),
    "Thank You": ("1,2", "One day, she would make him tell her to her face."),
    "Go Home and Sleep": ("2", "Then she went home, and she slept."),
}

# Plain typos in the seed that the game fixes (seed text -> game text).
TYPO_FIXES = [
    ("turning her face form his", "turning her face from his"),
    ("caught on on his words", "caught on his words"),
    ("And image of them together", "An image of them together"),
    ("Sasuke... and the Sakura.", "Sasuke... and Sakura."),
    # The proofreading pass (issue 15): two-dot ellipses, a tag left dangling, hyphens,
    # commas, and one sentence that did not parse.
    ('He admitted,', 'He admitted it.'),
    ('It makes sense..', 'It makes sense...'),
    ('But.. revenge', 'But... revenge'),
    ('To me..', 'To me...'),
    ('I..!', 'I...!'),
    ('Everyday will', 'Every day will'),
    ('But, she tried', 'But she tried'),
    ('three member team', 'three-member team'),
    ('Kakashi-sensei flashed', 'Kakashi-sensei, flashed'),
    ('for me we both know', 'for me, we both know'),
    ('say no to him, she never could have even', 'say no to him; she never could have, even'),
    ("but, he'd never", "but he'd never"),
    ('But, love apparently', 'But love apparently'),
    ('half naked', 'half-naked'),
    ('helpless weak fool', 'helpless, weak fool'),
    ('who is a man, which, deserves', 'what man deserves'),
    ('again, shocked look', 'again, a shocked look'),
    ('pain filled eyes', 'pain-filled eyes'),
    ('little shy Hinata to be', 'little shy Hinata, to be'),
    ('Will.. you..', 'Will... you...'),
    ('want me..', 'want me...'),
    ('his eyes closing and he turned', 'his eyes closing, and he turned'),
    ('just maybe he could', 'just maybe, he could'),
]

SPEAKERS = ("Sakura", "Sasuke", "Naruto", "Hinata")
QUOTES = re.compile('["\u201c\u201d]')
SPEAKER_PREFIX = re.compile(r"^(?:" + "|".join(SPEAKERS) + r"):\s*")
MENU_OPTION = re.compile(r"^\d+\.\s")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _seed_path() -> Path:
    candidates = [REPO / "tests" / "data" / "seed" / SEED_NAME]  # a copy of shared/seed
    for path in candidates:
        if path.is_file():
            return path
    pytest.skip(f"seed story {SEED_NAME} not found beside the repository")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", QUOTES.sub("", text)).strip()


def seed_sentences() -> list[str]:
    text = _seed_path().read_text(encoding="utf-8")
    for wrong, right in TYPO_FIXES:
        assert wrong in text, f"typo table is stale: {wrong!r} is not in the seed"
        text = text.replace(wrong, right)
    sentences = []
    for paragraph in text.splitlines():
        paragraph = _squash(paragraph)
        if paragraph:
            sentences.extend(s for s in SENTENCE_END.split(paragraph) if s)
    return sentences


def play(route: str) -> str:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    proc = subprocess.run(
        [sys.executable, "-m", "engine", "play-text", "--choose", route],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, (
        f"play-text --choose {route} exited {proc.returncode}\n{proc.stderr[-3000:]}"
    )
    return proc.stdout


def spoken_text(transcript: str) -> str:
    """The transcript as one string: speaker names, menu options and quotes removed."""
    lines = []
    for line in transcript.splitlines():
        line = line.strip()
        if not line or MENU_OPTION.match(line):
            continue
        lines.append(SPEAKER_PREFIX.sub("", line))
    return _squash(" ".join(lines))


def _pattern(sentence: str) -> re.Pattern[str]:
    # A sentence split out of a line (`"To me.." she took a step forward.`) may start
    # its own narration line with a capital: the first letter matches either case.
    first = sentence[0]
    head = f"[{first.lower()}{first.upper()}]" if first.isalpha() else re.escape(first)
    return re.compile(head + re.escape(sentence[1:]))


def test_every_seed_sentence_is_on_the_main_route_in_order():
    sentences = seed_sentences()
    assert len(sentences) > 150
    text = spoken_text(play(MAIN_ROUTE))
    pos = 0
    for number, sentence in enumerate(sentences, 1):
        match = _pattern(sentence).search(text, pos)
        if match is None:
            anywhere = _pattern(sentence).search(text)
            where = "appears only earlier, out of order" if anywhere else "is missing"
            pytest.fail(
                f"seed sentence {number} of {len(sentences)} {where}: {sentence!r}\n"
                f"transcript after the previous sentence: {text[pos : pos + 300]!r}"
            )
        pos = match.end()


@pytest.mark.parametrize("name", list(ENDINGS))
def test_each_ending_is_reached_by_its_route(name):
    route, line = ENDINGS[name]
    text = spoken_text(play(route))
    assert line in text, f"route {route} does not reach the ending {name!r}"
    for other, (_, other_line) in ENDINGS.items():
        if other != name:
            assert other_line not in text, f"route {route} also shows the ending {other!r}"


def test_the_scenes_lint_clean():
    proc = subprocess.run(
        [sys.executable, "-m", "engine", "lint"],
        cwd=REPO,
        env=dict(os.environ, SDL_VIDEODRIVER="dummy"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _luminance(hex_colour: str) -> float:
    channels = []
    for i in (1, 3, 5):
        c = int(hex_colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_character_colours_are_readable_on_the_dialogue_box():
    box = _luminance("#1a1626")
    defines = re.findall(
        r'Character\(\s*"([^"]+)"[^)]*color\s*=\s*"(#[0-9a-fA-F]{6})"',
        "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "scenes").rglob("*.scene")),
    )
    assert {name for name, _ in defines} >= set(SPEAKERS)
    for name, colour in defines:
        ratio = (_luminance(colour) + 0.05) / (box + 0.05)
        assert ratio >= 4.5, f"{name}'s colour {colour} has contrast {ratio:.2f} on #1a1626"


@pytest.mark.slow
@pytest.mark.parametrize("route", ["1,2"])
def test_each_route_plays_to_its_ending_in_the_real_loop(tmp_path, route):
    """Line by line through the real game loop on the harness's virtual clock: the dawn
    at the gate (route 1,2) has a long fade before its first line, which a real-time
    5-second limit used to fail on."""
    from tests.player.helpers import play as play_script

    answers = "\n".join(f"advance-to menu\nchoose {n}" for n in route.split(","))
    r = play_script(tmp_path, f"{answers}\nadvance-to ending\nexpect-screen ending\n",
                    game=REPO)
    assert r.returncode == 0, r.stderr
