"""Screen names to classes. Only the composition root (engine/present/app.py) reads this;
screens open each other by name through their host."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from engine.present.screen import Screen

from .about import AboutScreen
from .confirm import ConfirmScreen
from .error import ErrorScreen
from .extras import ExtrasScreen
from .game import GameScreen
from .game_menu import GameMenu
from .help import HelpScreen
from .history import HistoryScreen
from .picture_view import PictureView
from .routemap import RouteMapScreen
from .settings import SettingsScreen
from .slots import SlotScreen
from .text_entry import TextEntryScreen
from .title import TitleScreen

# A new screen: its module, and one line here.
SCREENS: dict[str, Callable[..., Screen]] = {
    "title": TitleScreen,
    "game": GameScreen,
    "game-menu": GameMenu,
    "error": ErrorScreen,
    "confirm": ConfirmScreen,
    "history": HistoryScreen,
    "settings": SettingsScreen,
    "save": partial(SlotScreen, mode="save"),
    "load": partial(SlotScreen, mode="load"),
    "route-map": RouteMapScreen,
    "help": HelpScreen,
    "about": AboutScreen,
    "extras": ExtrasScreen,
    "picture-view": PictureView,
    "text-entry": TextEntryScreen,
}
