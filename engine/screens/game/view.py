"""Drawing the game: the picture (or a transition), the dialogue box with the speaker's
name plate and the typed text, choices, the quick menu, Skip/Auto and the ending card."""

from __future__ import annotations

from typing import Any

import pygame

from engine.playthrough import Playthrough, ending_name
from engine.present.quickmenu import Notice, QuickMenu, draw_indicator
from engine.present.richtext import Layout, Typewriter, layout, parse_color
from engine.present.screen import Host
from engine.present.sprite_times import SpriteTimes
from engine.present.transitions import Transition
from engine.present.ui import TEXT, ButtonList
from engine.textbox import (
    BOX,
    BOX_ROOM,
    NAME_PX,
    NVL_PAGE,
    TEXT_PX,
    TEXT_W,
    TEXT_X,
    TEXT_Y,
    box_grow,
)
from engine.theme import HIGH_CONTRAST_TEXT

from .. import cards
from . import staging


def grow_for(host: Host) -> int:
    """Canvas pixels the box grows upward at the player's text size."""
    size = host.data.settings["text_size"]
    return box_grow(host.fonts.get(round(TEXT_PX * size / 100)).get_linesize(), size)


class GameView:
    host: Host
    play: Playthrough
    shown_stage: dict[str, Any]
    transition: Transition | None
    sprite_times: SpriteTimes
    layout: Layout | None
    layout_key: tuple | None
    typer: Typewriter | None
    box_visible: bool
    page_visible: bool
    nvl_window: bool
    text_fade: staging.Fade | None
    ui_hidden: bool
    choices: ButtonList | None
    blink_on: bool
    mark_rect: pygame.Rect | None
    quick: QuickMenu
    notice: Notice

    def grow(self) -> int:
        return grow_for(self.host)

    def box_rect(self) -> tuple[int, int, int, int]:
        """The dialogue box in canvas pixels: taller, upward, at large text sizes."""
        g = self.grow()
        return (BOX[0], BOX[1] - g, BOX[2], BOX[3] + g)

    def quick_frame(self) -> tuple[int, int, int, int] | None:
        """Where the quick menu sits: inside the dialogue box or the NVL page, hidden with
        them (window hide, a centred line, between scenes, the UI hidden)."""
        if self.ui_hidden:
            return None
        if self.box_visible:
            return self.box_rect()
        if self.page_visible:
            return NVL_PAGE
        # At a choice the player may want Back or Save, as Ren'Py's always-shown quick menu
        # offers: the row keeps the box's place, on a strip of its own (see draw).
        return self.box_rect() if self.choices is not None else None

    def ensure_layout(self) -> None:
        """(Re)lay out the line for the current window size, shrinking it if it is too long
        for the box."""
        say = self.play.say
        if say is None:
            return
        vp = self.host.vp
        key = (vp.size, say, self.host.look)
        if self.layout_key == key:
            return
        if say.kind != "adv":  # the NVL page's or a centred line
            self.layout = staging.line_layout(self, say)  # type: ignore[arg-type]
            self.layout_key = key
            return
        settings = self.host.data.settings
        color = HIGH_CONTRAST_TEXT if settings["high_contrast"] \
            else parse_color(say.what_color, TEXT)
        px = round(TEXT_PX * settings["text_size"] / 100)
        room = BOX_ROOM + self.grow()
        while True:
            lay = layout(say.text, self.host.fonts, vp.px(px), vp.px(TEXT_W), color)
            if lay.height <= vp.px(room) or px <= 16:
                break
            px -= 2
        self.layout = lay
        self.layout_key = key

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp = self.host, self.host.vp
        if self.play.ending is not None:
            self.draw_ending(target)
            return
        host.stage_view.art.begin_frame()  # one sprite rescale a frame at most
        if self.transition is not None:
            self.transition.draw(target, vp.offset, now)
        else:
            t = round(now * 1000) if host.stage_animated else 0
            host.stage_view.draw_stage(target, vp.offset, self.shown_stage, vp, t, now,
                                       self.sprite_times)
        if self.ui_hidden:
            return
        pal = host.palette
        say = self.play.say
        if self.page_visible or staging.fading(self, "page"):
            staging.draw_page(self, target, now)  # type: ignore[arg-type]
        if self.box_visible or staging.fading(self, "box"):
            box = vp.crect(*self.box_rect())
            color, alpha = host.box_look(pal)
            fade = self.text_fade
            if fade is not None and fade.what == "box":
                alpha = round(alpha * fade.alpha(now))
            target.blit(host.painter.box(box.size, color, alpha, vp.px(18)), box)
            if say is not None and say.kind == "adv":
                self.draw_line(target)
        if say is not None and say.kind == "centered":
            staging.draw_centered(self, target)  # type: ignore[arg-type]
        if self.choices is not None and self.transition is None:
            self.choices.draw(target, vp, host.painter, pal)
        play = self.play
        on_top = host.top is self  # menus over the game hide the quick menu, as in Ren'Py
        active = {name for name, on in (("skip", play.skip_active()), ("auto", play.auto))
                  if on}
        self.quick.place(self.quick_frame() if on_top else None)
        bare = not (self.box_visible or self.page_visible)
        self.quick.draw(target, vp, host.painter, pal, active,
                        host.box_look(pal) if bare else None)
        if play.skip_active():
            draw_indicator(target, vp, host.painter, pal, "Skip")
        elif play.auto:
            draw_indicator(target, vp, host.painter, pal, "Auto")
        if on_top:  # a screen over the game shows its own notices in that place
            self.notice.draw(target, vp, host.painter, pal)

    def draw_line(self, target: pygame.Surface) -> None:
        host, vp, say = self.host, self.host.vp, self.play.say
        assert say is not None
        self.ensure_layout()
        pal = host.palette
        if say.who:
            color = parse_color(say.color, pal.accent)
            size = host.data.settings["text_size"]
            label = host.painter.text(say.who, vp.px(NAME_PX * (100 + size) / 200), color,
                                      bold=True)
            top = self.box_rect()[1]
            plate = vp.crect(BOX[0] + 26, top - 22, 0, 44)
            plate.width = label.get_width() + vp.px(36)
            plate.height = max(plate.height, label.get_height() + vp.px(8))
            plate.bottom = vp.to_window(0, top + 22)[1]
            box_color, _ = host.box_look(pal)
            target.blit(host.painter.box(plate.size, box_color, 240, vp.px(12), color,
                                         max(2, vp.px(2))), plate)
            target.blit(label, label.get_rect(center=plate.center))
        if self.layout is None or self.typer is None:
            return
        self.mark_rect = None
        origin = vp.to_window(TEXT_X, TEXT_Y - self.grow() + (6 if say.who else -4))
        self.layout.draw(target, origin, self.typer.count)
        if not self.typer.typing and self.choices is None:
            x, y = self.layout.end_xy
            size = vp.px(9)
            cx, cy = origin[0] + x + vp.px(14), origin[1] + y + vp.px(2)
            self.mark_rect = pygame.Rect(cx - size - 2, cy - size, 2 * size + 4, 2 * size + 4)
            if not self.blink_on:
                return
            pygame.draw.polygon(target, pal.accent, [(cx - size, cy - size // 2),
                                                     (cx + size, cy - size // 2),
                                                     (cx, cy + size)])

    def ending_title(self) -> str:
        """The card's words: "Ending — NAME" and, below, "Ending N of M"."""
        name = ending_name(self.play.ending)
        return "\n".join(filter(None, [cards.title_of(name), cards.number_text(self.host, name)]))

    def draw_ending(self, target: pygame.Surface) -> None:
        cards.draw_card(target, self.host, ending_name(self.play.ending),
                        "Click to return to the title")
