"""Recording what the route map shows: menus reached (with a snapshot to start again from)
and choices taken. Called from the game screen; kept apart from the route map screen so the
game screen does not import it."""

from __future__ import annotations

from typing import Any

from engine.routemap_data import RouteProgress


def progress_for(app: Any) -> RouteProgress:
    """The app's route progress, made on first use (one file beside the persistent data)."""
    prog = getattr(app, "route_progress", None)
    if prog is None or prog.path.parent != app.data.root:
        prog = RouteProgress(app.data.root / "routes.json")
        app.route_progress = prog
    return prog


def record_menu(app: Any, fp: str, story: Any) -> None:
    """A menu is on screen: remember it was reached, with the story as it stands."""
    prog = progress_for(app)
    prog.passed(story.state.get("label"))
    prog.reached_menu(fp, story.snapshot())
    prog.save()


def record_choice(app: Any, fp: str, option: int) -> None:
    prog = progress_for(app)
    prog.chose(fp, option)
    prog.save()
