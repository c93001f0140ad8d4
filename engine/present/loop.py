"""The player's loop: sleep until something can change, handle input, update, draw.

It sleeps until the next thing that can change on screen (a typed character, a transition
frame, the continue mark's blink) or the next input, and redraws only when something did
change, so a waiting player costs almost no CPU. Time comes from the app's clock: on the
harness's virtual clock the sleeps are instant.
"""

from __future__ import annotations

from typing import Any

import pygame

IDLE_AFTER = 2.0  # seconds without input before the loop polls less often
# On the virtual clock time moves at least this much a turn: a fade is drawn at 20 frames
# a (virtual) second rather than 60, which no test can tell apart, at a third of the cost.
VIRTUAL_STEP = 0.05


def rest(app: Any, wait: float, still_for: float) -> None:
    """Sleep until something can change. The loop's only wait: a browser build (see
    docs/web.md) turns this one call into `await asyncio.sleep(...)`."""
    clock = app.clock
    if clock.virtual:
        clock.sleep(max(wait, VIRTUAL_STEP))  # only the harness sends input
    elif wait > 0.001:
        # pygame's event.wait polls inside (about 2.6% of a core under X11, a 1 ms loop on
        # the dummy driver), so sleep in short steps instead: a frame's worth with a window,
        # longer when nothing can send input, and twice as long once the player has been
        # still for a while (a click then waits at most 33 ms, below what a reader notices).
        step = app.win.poll_step * (2 if still_for > IDLE_AFTER else 1)
        clock.sleep(min(wait, step))


def run(app: Any) -> int:
    """Run until the app stops; returns its exit code."""
    clock = app.clock
    app.begin()
    first = True
    last_event = clock.now()
    while app.running:
        now = clock.now()
        wake = app.next_wake(now)
        if app.harness is not None:
            h = app.harness.deadline(now)
            wake = h if wake is None else min(wake, h)
        if not app.dirty and not app.partial:
            rest(app, 1.0 if wake is None else wake - now, now - last_event)
        events = pygame.event.get()
        if events:
            last_event = clock.now()
        for e in events:
            app.dispatch(e)
        now = clock.now()
        app.update(now)
        app.voicer.tick()
        if app.harness is not None:
            app.harness.step(now)
        if app.dirty and app.running:
            app.dirty = False
            app.draw(now)
            pygame.display.flip()
            if first:
                first = False
                if app.options.first_frame_exit:
                    print(f"first-frame {clock.now() - app.t_start:.4f}", flush=True)
                    return 0
                app.late_init()
        elif app.partial and app.running:
            app.draw(now)
            pygame.display.update(app.partial)
        app.partial = []
    app.data.save_persistent()
    if app.audio_ready:
        # Silenced, not shut: pygame shuts the mixer when the process ends, and shutting
        # it here costs a test run that goes on in the same process a tenth of a second.
        app.audio.stop_music()
        app.audio.stop_sound()
    return app.exit_code
