"""The route map: the story's branches, what this player has seen of them, and a way to
start again from any choice already reached.

Opened from the title and the game menu. Arrow keys / D-pad move between nodes (up and down
go to the nearest node of the layer above or below, so the order follows the story), Enter
/ A on a reached choice point starts the story again from it, Escape / B backs out. The
view scrolls to keep the focused node in sight; the mouse wheel scrolls too.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import pygame

from engine.routemap_data import Node, RouteGraph, build_route_graph, read_labels

from .app import DIM_TEXT, TEXT, App, Button, ButtonList, MenuScreen, Palette
from .progress import progress_for
from .ui import _lift

log = logging.getLogger("roadout")

NODE_W, NODE_H = 250, 58
LAYER_DY = 88
VIEW = pygame.Rect(30, 104, 1220, 520)  # canvas area the map scrolls in
UNSEEN = "???"
# One hue per kind of node, dark enough for white text at 7:1 or more.
KIND_FILL = {
    "label": (30, 36, 72),
    "menu": (78, 52, 16),
    "choice": (46, 34, 70),
    "ending": (20, 64, 44),
    "end": (20, 64, 44),
}
KIND_LINE = {
    "label": (150, 170, 240),
    "menu": (240, 190, 100),
    "choice": (200, 170, 250),
    "ending": (130, 220, 160),
    "end": (130, 220, 160),
}
UNSEEN_FILL, UNSEEN_LINE = (34, 34, 42), (96, 96, 112)


def start_from(app: App, snapshot: dict[str, Any]) -> bool:
    """Start the story again from a menu's snapshot; False if it cannot be restored."""
    app.reload(snapshot)
    g = app.game()
    if g is None:
        return False
    app.refresh_palette(g.story.stage)
    app.dirty = True
    return True


class RouteMapScreen(MenuScreen):
    name = "route-map"

    def __init__(self, app: App) -> None:
        self.app = app
        self.graph: RouteGraph | None = None
        self.error = ""
        try:
            assert app.program is not None
            self.graph = build_route_graph(app.program)
        except Exception as exc:  # noqa: BLE001 - a map that cannot be built must not crash
            log.exception("route map")
            self.error = f"The route map could not be drawn: {exc}"
        self.progress = progress_for(app)
        self.read = read_labels(app.program, app.data.persistent["read"]) \
            if app.program is not None else set()
        self.focus: str | None = None
        self.scroll = [0.0, 0.0]
        self.toast = ""
        self.toast_until = 0.0
        # The one button outside the map: for the mouse (keys and pads back out with
        # Escape / B).
        self.buttons = ButtonList([Button("Back", self.back, (1090, 30, 150, 50))])
        if self.graph and self.graph.layers:
            self.focus = self._initial_focus()
            self._follow()

    # --- what is where -----------------------------------------------------------------

    def seen(self, node: Node) -> bool:
        return self.progress.seen(node, self.app.data.endings, self.read)

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

    def action(self, name: str, pos: tuple[int, int] | None = None, n: int = 0) -> None:
        app = self.app
        app.dirty = True
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

    def node_at(self, pos: tuple[int, int]) -> str | None:
        assert self.graph is not None
        cx, cy = _to_canvas(self.app, pos)
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
            if self.app.audio:
                self.app.audio.ui_sound("choice", 0.5)

            def go(snap: dict[str, Any] = snap) -> None:
                if not start_from(self.app, snap):
                    self.say_toast("That choice point could not be restored")

            if self.app.game() is not None:
                # A game is under the map: leaving it loses what was not saved, so ask.
                from .saveload import ConfirmScreen

                self.app.push(ConfirmScreen(self.app, "Start again from this choice?", go))
            else:
                go()
            return
        if not self.seen(node) or node.kind in ("menu", "choice"):
            self.say_toast("Not reached yet")
        else:
            self.say_toast("Choose a choice point (a gold box) to start again from it")

    def say_toast(self, text: str) -> None:
        self.toast = text
        self.toast_until = time.perf_counter() + 2.5

    def back(self) -> None:
        self.app.pop(self)

    def hover(self, pos: tuple[int, int]) -> bool:
        if self.buttons.hover(self.app.vp, pos):
            return True
        hit = self.node_at(pos) if self.graph is not None else None
        if hit is not None and hit != self.focus:
            self.focus = hit  # the mouse moves the focus too, so it is read aloud
            return True
        return False

    def update(self, now: float) -> bool:
        if self.toast and now >= self.toast_until:
            self.toast = ""
            return True
        return False

    def deadline(self, now: float) -> float | None:
        return self.toast_until if self.toast else None

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

    # --- drawing -----------------------------------------------------------------------

    def draw(self, target: pygame.Surface, now: float) -> None:
        app, vp, p = self.app, self.app.vp, self.app.painter
        target.blit(app.gui_picture("title.png"), vp.offset)
        app.dim(target, 205)
        p.shadowed(target, "Route map", vp.px(36), vp.to_window(40, 34), TEXT, bold=True)
        pal = app.title_palette
        self.buttons.draw(target, vp, p, pal)
        if self.graph is None:
            p.shadowed(target, self.error[:110], vp.px(20), vp.to_window(40, 140),
                       (255, 200, 150))
            return
        nodes = self.graph.nodes
        total = len(nodes)
        seen_n = sum(1 for n in nodes.values() if self.seen(n))
        endings = [n for n in nodes.values() if n.kind in ("ending", "end")]
        got = sum(1 for n in endings if self.seen(n))
        summary = f"{seen_n} of {total} seen · endings {got} of {len(endings)}"
        p.shadowed(target, summary, vp.px(19), vp.to_window(300, 46), DIM_TEXT)

        clip = vp.crect(*VIEW)
        old_clip = target.get_clip()
        target.set_clip(clip)
        for a, b in self.graph.edges:
            self._draw_edge(target, nodes[a], nodes[b])
        for node in nodes.values():
            r = self._shown(self.node_rect(node))
            if r.bottom < VIEW.top - 10 or r.top > VIEW.bottom + 10:
                continue
            self._draw_node(target, node, r)
        target.set_clip(old_clip)
        self._draw_scrollbar(target)
        self._draw_footer(target, pal)

    def _draw_edge(self, target: pygame.Surface, a: Node, b: Node) -> None:
        vp = self.app.vp
        ra, rb = self._shown(self.node_rect(a)), self._shown(self.node_rect(b))
        lit = self.seen(a) and self.seen(b)
        color = (200, 200, 225) if lit else (84, 84, 100)
        width = max(1, vp.px(3 if lit else 2))
        gap = (LAYER_DY - NODE_H) / 2
        if b.layer == a.layer + 1:
            start, end = (ra.centerx, ra.bottom), (rb.centerx, rb.top)
            mid_y = (start[1] + end[1]) / 2
            pts = [start, (start[0], mid_y), (end[0], mid_y), end]
        elif b.layer > a.layer:
            # Over several layers: down a free lane beside the nodes in between, so the
            # arrow never runs behind a node it does not touch.
            lane = self._lane(a, b)
            pts = [(ra.centerx, ra.bottom), (ra.centerx, ra.bottom + gap),
                   (lane, ra.bottom + gap), (lane, rb.top - gap), (rb.centerx, rb.top - gap),
                   (rb.centerx, rb.top)]
        else:
            # A way back up (a loop): round the right-hand side, clear of the nodes.
            side = max(ra.right, rb.right) + 24
            pts = [(ra.right, ra.centery), (side, ra.centery), (side, rb.centery),
                   (rb.right, rb.centery)]
        win = [vp.to_window(x, y) for x, y in pts]
        pygame.draw.lines(target, color, False, win, width)
        tip = win[-1]
        s = vp.px(7)
        if b.layer > a.layer:
            pygame.draw.polygon(target, color, [(tip[0] - s, tip[1] - s),
                                                (tip[0] + s, tip[1] - s), tip])
        else:
            pygame.draw.polygon(target, color, [(tip[0] + s, tip[1] - s),
                                                (tip[0] + s, tip[1] + s), tip])

    def _lane(self, a: Node, b: Node) -> float:
        """An x (in scrolled canvas pixels) clear of every node in the layers between a
        and b: just right or just left of them, whichever is nearer to the arrow."""
        assert self.graph is not None
        between = [self._shown(self.node_rect(self.graph.nodes[nid]))
                   for li in range(a.layer + 1, b.layer)
                   for nid in self.graph.layers[li]]
        x = self._shown(self.node_rect(a)).centerx
        if not between or not any(r.left - 12 <= x <= r.right + 12 for r in between):
            return x
        right = max(r.right for r in between) + 18
        left = min(r.left for r in between) - 18
        return right if right - x <= x - left else left

    def _draw_node(self, target: pygame.Surface, node: Node, r: pygame.Rect) -> None:
        vp, p = self.app.vp, self.app.painter
        seen = self.seen(node)
        focused = node.id == self.focus
        fill = KIND_FILL[node.kind] if seen else UNSEEN_FILL
        line = KIND_LINE[node.kind] if seen else UNSEEN_LINE
        wr = vp.crect(*r)
        radius = vp.px(30 if node.kind == "choice" else 6 if node.kind == "menu" else 14)
        if focused:
            # The focus ring: a bright outer band that reads on every fill.
            ring = wr.inflate(vp.px(12), vp.px(12))
            target.blit(p.box(ring.size, (255, 255, 255), 255, radius + vp.px(6)), ring)
            fill = _lift(fill, 0.12)
        target.blit(p.box(wr.size, fill, 250, radius, line, max(2, vp.px(2))), wr)
        if not seen:
            label = p.text(UNSEEN, vp.px(22), (170, 170, 185), bold=True)
            target.blit(label, label.get_rect(center=wr.center))
            return
        title, detail = node.title, node.detail
        if node.kind == "menu":
            title, detail = "Choice point", node.title
        color = (255, 255, 255)
        t = p.text(_fit(p, title, vp.px(19), wr.width - vp.px(20), True), vp.px(19), color,
                   bold=True)
        if detail:
            d = p.text(_fit(p, detail, vp.px(15), wr.width - vp.px(20), False), vp.px(15),
                       (215, 215, 228))
            target.blit(t, t.get_rect(midtop=(wr.centerx, wr.y + vp.px(8))))
            target.blit(d, d.get_rect(midbottom=(wr.centerx, wr.bottom - vp.px(8))))
        else:
            target.blit(t, t.get_rect(center=wr.center))
        if node.kind == "menu" and self.snapshot_for(node) is not None:
            # A small "play from here" triangle marks the places one can start again.
            s = vp.px(8)
            x, y = wr.right - vp.px(16), wr.y + vp.px(14)
            pygame.draw.polygon(target, line, [(x - s // 2, y - s), (x - s // 2, y + s),
                                               (x + s, y)])

    def _draw_scrollbar(self, target: pygame.Surface) -> None:
        limit = self._scroll_limit()
        if limit <= 0:
            return
        vp = self.app.vp
        track = pygame.Rect(VIEW.right + 6, VIEW.top, 6, VIEW.height)
        h = max(30, VIEW.height * VIEW.height / (VIEW.height + limit))
        y = track.top + (track.height - h) * (self.scroll[1] / limit)
        target.blit(self.app.painter.box(vp.crect(*track).size, (80, 80, 100), 200, vp.px(3)),
                    vp.crect(*track))
        thumb = vp.crect(track.x, y, track.width, h)
        target.blit(self.app.painter.box(thumb.size, (210, 210, 230), 255, vp.px(3)), thumb)

    def _draw_footer(self, target: pygame.Surface, pal: Palette) -> None:
        vp, p = self.app.vp, self.app.painter
        panel = vp.crect(30, 636, 1220, 70)
        target.blit(p.box(panel.size, pal.box, 235, vp.px(14), pal.accent, max(1, vp.px(1))),
                    panel)
        about = self.toast or self.describe(self.focus)
        p.shadowed(target, _fit(p, about, vp.px(20), vp.px(1180), False), vp.px(20),
                   vp.to_window(50, 646), TEXT)
        hint = "Arrows / D-pad: move    Enter / A: start again from a choice point    " \
               "Esc / B: back"
        p.shadowed(target, hint, vp.px(16), vp.to_window(50, 678), DIM_TEXT)


def _fit(p: Any, text: str, px: int, width: int, bold: bool) -> str:
    """Shorten text with an ellipsis until it fits `width` window pixels."""
    font = p.fonts.get(px, bold, False)
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _to_canvas(app: App, pos: tuple[int, int]) -> tuple[float, float]:
    vp = app.vp
    ox, oy = vp.offset
    scale = vp.scale
    return (pos[0] - ox) / scale, (pos[1] - oy) / scale
