"""The story layer: scene language → program → a pure, JSON-serialisable runtime.

Imports nothing but the standard library (never pygame), so the text player, the route
explorer, lint and the tests can run it without a screen.
"""

from .errors import Loc, ScriptError
from .events import (
    Audio,
    Choice,
    End,
    Event,
    Input,
    Menu,
    Notify,
    Nvl,
    Pause,
    Say,
    StageChange,
    Window,
    With,
)
from .loader import compile_texts, load_game, scene_files
from .program import Program, Stmt
from .state import RunStatus, StoryState
from .story import Story

__all__ = [
    "Audio", "Choice", "End", "Event", "Input", "Loc", "Menu", "Notify", "Nvl", "Pause",
    "Program", "RunStatus",
    "Say", "ScriptError", "StageChange", "Stmt", "Story", "StoryState", "Window", "With",
    "compile_texts",
    "load_game", "scene_files",
]
