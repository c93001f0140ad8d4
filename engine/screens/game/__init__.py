"""The game screen: a view and an input layer over a Playthrough (engine/playthrough.py).

screen.py drives the story and keeps what is on screen; input.py turns actions into
moves; timers.py is what happens as time passes; view.py draws.
"""

from .screen import GameScreen

__all__ = ["GameScreen"]
