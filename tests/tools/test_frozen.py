"""engine/frozen.py: what a bundle changes, checked without building one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from engine import frozen


def test_child_env_is_untouched_when_not_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    env = {"LD_LIBRARY_PATH": "/opt/x", "HOME": "/h"}
    assert frozen.child_env(env) == env


def test_child_env_gives_back_the_players_library_path(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    env = {"LD_LIBRARY_PATH": "/bundle/_internal:/opt/x", "LD_LIBRARY_PATH_ORIG": "/opt/x",
           "DYLD_LIBRARY_PATH": "/bundle", "HOME": "/h"}
    # The player had no DYLD_LIBRARY_PATH (no _ORIG): the bundle's one is removed.
    assert frozen.child_env(env) == {"LD_LIBRARY_PATH": "/opt/x", "HOME": "/h"}


def test_game_command(monkeypatch: pytest.MonkeyPatch) -> None:
    main = Path("/game/main.py")
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert frozen.game_command(main) == [sys.executable, str(main)]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert frozen.game_command(main) == [sys.executable]


def test_espeak_gets_the_child_environment(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    from engine import voice

    seen: dict = {}

    class FakePopen:
        def __init__(self, args: list[str], **kw: object) -> None:
            seen.update(kw)
            self.stdin = open(tmp_path / "in", "wb")  # noqa: SIM115

        def poll(self) -> int:
            return 0

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", "/bundle/_internal")
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG", raising=False)
    monkeypatch.setattr(voice.subprocess, "Popen", FakePopen)
    voice.EspeakVoice("espeak-ng").say("hello")
    assert "LD_LIBRARY_PATH" not in seen["env"]
