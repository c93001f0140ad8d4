"""The route map: the story's branches, what this player has seen of them, and a way to
start again from any choice already reached.

Opened from the title and the game menu. Arrow keys / D-pad move between nodes (up and down
go to the nearest node of the layer above or below, so the order follows the story), Enter
/ A on a reached choice point starts the story again from it, Escape / B backs out. The
view scrolls to keep the focused node in sight; the mouse wheel scrolls too.
"""

from __future__ import annotations

import logging
from typing import Any

import pygame

from engine.present.quickmenu import Notice
from engine.present.screen import Host, MenuScreen, Pos
from engine.present.ui import Button, ButtonList
from engine.routemap_data import Node, RouteGraph, build_route_graph, read_labels

from .routemap_view import LAYER_DY, NODE_H, NODE_W, UNSEEN, VIEW, RouteMapView

log = logging.getLogger("roadout")

class RouteMapScreen(RouteMapView, MenuScreen):
    name = "route-map"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        app = host
        self.graph: RouteGraph | None = None
        self.error = ""
        try:
            assert app.program is not None
            self.graph = build_route_graph(app.program)
        except Exception as exc:  # noqa: BLE001 - a map that cannot be built must not crash
            log.exception("route map")
            self.error = f"The route map could not be drawn: {exc}"
        self.progress = host.progress.routes
        self.read = read_labels(app.program, app.data.persistent["read"]) \
            if app.program is not None else set()
        self.focus: str | None = None
        self.scroll = [0.0, 0.0]
        self.notice = Notice()
        # The one button outside the map: for the mouse (keys and pads back out with
        # Escape / B).
        self.buttons = ButtonList([Button("Back", self.back, (1090, 30, 150, 50))])
        if self.graph and self.graph.layers:
            self.focus = self._initial_focus()
            self._follow()

    # --- what is where -----------------------------------------------------------------

    def seen(self, node: Node) -> bool:
        return self.progress.seen(node, self.host.data.endings, self.read)

    def _initial_focus(self) -> str:
        """The deepest choice point reached: where a returning player most likely wants to
        branch off again."""
        assert self.graph is not None
        best = self.graph.layers[0][0]
        for layer in self.graph.layers:
            for nid in layer:
                n = self.graph.nodes[nid]
                if n.kind == "menu" and self.seen(n):
                    best = nid
        return best

    def node_rect(self, node: Node) -> pygame.Rect:
        """Canvas rectangle of a node in map coordinates (before scrolling)."""
        assert self.graph is not None
        n = len(self.graph.layers[node.layer])
        step = max(NODE_W + 24, min(300, (VIEW.width - 40) // max(1, n)))
        total = step * (n - 1)
        cx = VIEW.centerx + (node.order * step - total / 2) if n > 1 else VIEW.centerx
        cy = VIEW.y + 20 + NODE_H // 2 + node.layer * LAYER_DY
        return pygame.Rect(round(cx - NODE_W / 2), round(cy - NODE_H / 2), NODE_W, NODE_H)

    def _shown(self, r: pygame.Rect) -> pygame.Rect:
        return r.move(-round(self.scroll[0]), -round(self.scroll[1]))

    def _follow(self) -> None:
        """Scroll just enough to keep the focused node (and a margin) in the view."""
        if self.graph is None or self.focus is None:
            return
        r = self.node_rect(self.graph.nodes[self.focus]).inflate(40, 40)
        sx, sy = self.scroll
        if r.top - sy < VIEW.top:
            sy = r.top - VIEW.top
        elif r.bottom - sy > VIEW.bottom:
            sy = r.bottom - VIEW.bottom
        if r.left - sx < VIEW.left:
            sx = r.left - VIEW.left
        elif r.right - sx > VIEW.right:
            sx = r.right - VIEW.right
        self.scroll = [sx, max(0.0, sy)]

    def _scroll_limit(self) -> float:
        assert self.graph is not None
        height = 40 + NODE_H + (len(self.graph.layers) - 1) * LAYER_DY
        return max(0.0, height - VIEW.height)

    # --- input -------------------------------------------------------------------------

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        app = self.host
        app.redraw()
        if name == "back":
            self.back()
            return
        if self.graph is None or self.focus is None:
            if name == "click" and pos is not None:
                self.buttons.click(app.vp, pos)
            return
        if name == "click" and pos is not None:
            if self.buttons.click(app.vp, pos):
                return
            hit = self.node_at(pos)
            if hit is not None:
                self.focus = hit
                self.activate()
            return
        if name in ("rollback", "rollforward"):  # the mouse wheel: scroll
            step = -60 if name == "rollback" else 60
            self.scroll[1] = min(self._scroll_limit(), max(0.0, self.scroll[1] + step))
            return
        if name in ("up", "down"):
            self.move_layer(-1 if name == "up" else 1)
        elif name in ("left", "right"):
            self.move_within(-1 if name == "left" else 1)
        elif name in ("activate", "advance"):
            self.activate()
        else:
            return
        self._follow()

    def node_at(self, pos: Pos) -> str | None:
        assert self.graph is not None
        cx, cy = self.host.vp.to_canvas(*pos)
        if not VIEW.collidepoint(cx, cy):
            return None
        for nid, node in self.graph.nodes.items():
            if self._shown(self.node_rect(node)).collidepoint(cx, cy):
                return nid
        return None

    def move_layer(self, step: int) -> None:
        assert self.graph is not None and self.focus is not None
        cur = self.graph.nodes[self.focus]
        li = cur.layer + step
        if not 0 <= li < len(self.graph.layers):
            return
        # Along the story's own arrows first (to a child, back to a parent), so the order
        # follows the story; the nearest node of that layer when no arrow leads there.
        if step > 0:
            linked = [c for c in cur.children if self.graph.nodes[c].layer == li]
        else:
            linked = [n.id for n in self.graph.nodes.values()
                      if n.layer == li and cur.id in n.children]
        if linked:
            self.focus = min(linked, key=lambda nid: self.graph.nodes[nid].order)
            return
        x = self.node_rect(cur).centerx
        self.focus = min(self.graph.layers[li],
                         key=lambda nid: abs(self.node_rect(self.graph.nodes[nid]).centerx - x))

    def move_within(self, step: int) -> None:
        assert self.graph is not None and self.focus is not None
        cur = self.graph.nodes[self.focus]
        layer = self.graph.layers[cur.layer]
        self.focus = layer[(cur.order + step) % len(layer)]

    def snapshot_for(self, node: Node) -> dict[str, Any] | None:
        if node.kind in ("menu", "choice") and node.fp:
            return self.progress.snapshots.get(node.fp)
        return None

    def activate(self) -> None:
        assert self.graph is not None and self.focus is not None
        node = self.graph.nodes[self.focus]
        snap = self.snapshot_for(node)
        if snap is not None:
            self.host.audio.ui_sound("choice", 0.5)

            def go(snap: dict[str, Any] = snap) -> None:
                self.host.reload(snap)
                if not any(s.name == "game" for s in self.host.screens):
                    self.say_toast("That choice point could not be restored")

            if any(s.name == "game" for s in self.host.screens):
                # A game is under the map: leaving it loses what was not saved, so ask.
                self.host.open("confirm", question="Start again from this choice?", on_yes=go)
            else:
                go()
            return
        if not self.seen(node) or node.kind in ("menu", "choice"):
            self.say_toast("Not reached yet")
        else:
            self.say_toast("Choose a choice point (a gold box) to start again from it")

    def say_toast(self, text: str) -> None:
        self.notice.show(text, self.host.clock.now())
        self.host.redraw()

    def back(self) -> None:
        self.host.pop(self)

    def hover(self, pos: Pos) -> bool:
        if self.buttons.hover(self.host.vp, pos):
            return True
        hit = self.node_at(pos) if self.graph is not None else None
        if hit is not None and hit != self.focus:
            self.focus = hit  # the mouse moves the focus too, so it is read aloud
            return True
        return False

    @property
    def toast(self) -> str:
        """A short message in the footer ("Not reached yet"), read aloud too."""
        return self.notice.text

    def update(self, now: float) -> bool:
        return self.notice.update(now)

    def deadline(self, now: float) -> float | None:
        return self.notice.deadline()

    # --- reading aloud and tests -------------------------------------------------------

    def describe(self, nid: str | None) -> str:
        if self.graph is None or nid is None:
            return self.error
        node = self.graph.nodes[nid]
        if not self.seen(node):
            kind = {"menu": "choice point", "choice": "choice", "ending": "ending",
                    "end": "ending"}.get(node.kind, "scene")
            article = "an" if kind[0] in "aeiou" else "a"
            return f"{UNSEEN} ({article} {kind} not seen yet)"
        words = node.full or node.title
        if node.kind == "menu":
            words = f"Choice point: {words}"
            if self.snapshot_for(node) is not None:
                words = words.rstrip(".…!? ") + ". Press Enter to start again from here"
        elif node.kind == "choice":
            words = f"Choice taken: {words}"
        elif node.kind == "label" and node.full:
            words = f"{node.title}: {node.full}"
        elif node.kind == "ending":
            words = node.title
        return words

    def focus_text(self) -> str:
        """What self-voicing reads when the focus moves."""
        return self.describe(self.focus)

    def status(self) -> dict[str, Any]:
        if self.graph is None:
            return {"text": self.error, "ready": True, "buttons": ["Back"]}
        seen = [n.title for n in self.graph.nodes.values() if self.seen(n)]
        hidden = sum(1 for n in self.graph.nodes.values() if not self.seen(n))
        return {"text": "\n".join([*seen, self.focus_text(), self.toast]), "ready": True,
                "focus": self.focus, "seen": seen, "hidden": hidden, "toast": self.toast,
                "buttons": ["Back"]}
