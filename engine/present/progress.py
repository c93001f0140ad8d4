"""Recording what the route map shows: menus reached (with a snapshot to start again from)
and choices taken. The playthrough calls it; the route map screen reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from engine.routemap_data import RouteProgress


class RouteRecorder:
    """The playthrough's Progress (engine/playthrough.py) over the route map's file."""

    def __init__(self, progress: RouteProgress) -> None:
        self.routes = progress

    @property
    def path(self) -> Path:
        return self.routes.path

    def record_menu(self, fingerprint: str, story: Any) -> None:
        """A menu is on screen: remember it was reached, with the story as it stands."""
        self.routes.passed(story.state.label)
        self.routes.reached_menu(fingerprint, story.snapshot())
        self.routes.save()

    def record_choice(self, fingerprint: str, option: int) -> None:
        self.routes.chose(fingerprint, option)
        self.routes.save()
