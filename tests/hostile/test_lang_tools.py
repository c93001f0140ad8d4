"""Hostile scene files through lint, play-text, routes and graph: each gives a clean error
naming file:line (or runs cleanly), never a traceback, a hang or a flood of output. The
inputs are made by tests/hostile/lang_cases.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.lang_cases import CASES, INIT_CASES, RUNTIME_CASES, big_cases
from tests.hostile.lang_tools import TOOLS, assert_clean, game_with, run_here, run_tool

# The tools that run the story; lint and graph only read it.
RUNNERS = ("play-text", "routes")


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_scene_error_or_clean_run(tmp_path: Path, name: str, tool: str) -> None:
    script, expect = CASES[name]
    assert_clean(run_here(game_with(tmp_path, script), tool), expect)


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("name", sorted(INIT_CASES))
def test_define_error(tmp_path: Path, name: str, tool: str) -> None:
    script, expect = INIT_CASES[name]
    run = run_here(game_with(tmp_path, script), tool)
    assert_clean(run, expect if tool != "graph" else None)


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("name", sorted(RUNTIME_CASES))
def test_runtime_error_or_clean_run(tmp_path: Path, name: str, tool: str) -> None:
    script, expect = RUNTIME_CASES[name]
    run = run_here(game_with(tmp_path, script), tool)
    assert_clean(run, expect if tool in RUNNERS else None)


BIG = big_cases()
# Runtime inputs whose failure mode was memory: checked under the 1 GB bound too.
MEMORY = ("repeat_list_of_big", "str_repeat_big", "double_in_loop", "plus_equals_list_loop",
          "times_equals_loop", "power_of_power", "percent_precision", "round_huge_digits")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BIG) + list(MEMORY))
def test_in_a_child_within_time_and_memory(tmp_path: Path, name: str) -> None:
    script, expect = BIG.get(name) or RUNTIME_CASES[name]
    game = game_with(tmp_path, script)
    for tool in TOOLS:
        run = run_tool(game, tool)
        runtime_only = name in RUNTIME_CASES and tool not in RUNNERS
        assert_clean(run, None if runtime_only else expect, script)
