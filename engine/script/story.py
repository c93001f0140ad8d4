"""The story runtime: a pure state machine over the compiled program.

The screen asks `next()` for the next event and answers a Menu with `choose(n)`; nothing
here knows about pygame. The whole state — position, call stack, variables and what is on
stage — is a StoryState (state.py) whose JSON form (`snapshot()`) restores exactly
(`restore()`), also from older versions (migrations.py). Saves, rollback, the text player
and the route explorer rest on that. What each statement does is in steps.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import code_steps, cond_pictures, dialogue, flow_steps, media_steps, steps
from . import events as ev
from .atl_runtime import transform_table
from .errors import Loc, ScriptError, did_you_mean
from .expr import BUILTIN_VALUES, CALLABLE, ExprError, evaluate, expr_error
from .expr_calls import RANDOM
from .migrations import STATE_VERSION, migrate
from .program import Program, Stmt
from .state import Dialogue, Frame, RunStatus, Stage, StoryState, empty_stage
from .titles import label_titles, pretty
from .values import WORK, name_problem

__all__ = ["PROVIDED_NAMES", "STATE_VERSION", "STEP_LIMIT", "RunStatus", "Story"]

# Statements run without showing anything before we call it an endless loop.
STEP_LIMIT = 200_000
RESERVED = frozenset({"config", "persistent", "True", "False", "None"})
# Names the scene language provides (lint treats them as defined).
PROVIDED_NAMES = frozenset(RESERVED | set(BUILTIN_VALUES) | CALLABLE
                           | {"ending", "save_name", "_return"})

StepHook = Callable[[int], None]  # the index of the statement about to run
LabelHook = Callable[[str], None]  # the name of the label entered
HANDLERS = {**steps.HANDLERS, **dialogue.HANDLERS, **code_steps.HANDLERS,
            **media_steps.HANDLERS}
ChoiceHook = Callable[[int, int], None]  # the menu's index, the option's index as written


class Story:
    """One playthrough of a program. `persistent` is the player's cross-playthrough data
    (read and written by `persistent.NAME`); the caller stores it."""

    def __init__(self, program: Program, persistent: dict[str, Any] | None = None) -> None:
        self.program = program
        self.persistent: dict[str, Any] = persistent if persistent is not None else {}
        self.constants: dict[str, Any] = {}
        self.images: dict[str, str] = {}
        self.image_atl: dict[str, list] = {}  # an `image x:` block's motion, by image name
        # The program's `transform` definitions, pure data for engine.atl.evaluate.
        self.transforms: dict[str, dict[str, Any]] = {}
        self._on_step: list[StepHook] = []
        self._on_label: list[LabelHook] = []
        self._on_choice: list[ChoiceHook] = []
        self._undo: list[steps.Write] = []  # variable writes of the running next() call
        # The line on screen, until the story moves past it (see dialogue.commit).
        self._pending: ev.Say | None = None
        self._bound: int | None = None  # the label a call just gave its arguments to
        self._run_inits()
        self.state: StoryState = self._fresh_state(None)

    # --- set-up ------------------------------------------------------------------------

    def _run_inits(self) -> None:
        for init in self.program.inits:
            if init.kind in ("default", "transform", "layeredimage"):
                continue
            if init.kind == "atlimage":  # `image x:` + ATL: its first picture, its motion
                spec: dict = init.expr  # type: ignore[assignment]
                self.images[init.name] = self.images.get(spec["file"], spec["file"])
                self.image_atl[init.name] = spec["atl"]
                continue
            try:
                value = evaluate(init.expr, self.lookup)
            except ExprError as exc:
                raise expr_error(exc, init.loc, init.source) from None
            if init.kind == "image":
                if not isinstance(value, str):
                    raise ScriptError(init.loc, "an image must be a file name in quotes",
                                      init.source)
                # `image a = "b c"`: another image by its name, as in Ren'Py
                self.images[init.name] = self.images.get(value, value)
            else:
                if init.name == "config.name" and (
                        problem := name_problem(value, "config.name (the game's name)")):
                    raise ScriptError(init.loc, problem, init.source)
                self.constants[init.name] = value
        self.transforms = transform_table(self.program, self.lookup)
        # `layeredimage` specs by tag, plain data (see engine/layered.py)
        self.layered: dict[str, dict] = {i.name: i.expr for i in self.program.inits  # type: ignore[misc]
                                         if i.kind == "layeredimage"}
        # Those whose pictures the variables choose; empty (the usual case): no cost
        self.cond_images = cond_pictures.table(self.program)

    def _fresh_state(self, label: str | None) -> StoryState:
        """A new playthrough's state, variables at their defaults; not started (ENDED)
        without a label. Lint calls this to have every default evaluated."""
        status = RunStatus.ENDED if label is None else RunStatus.READY
        state = StoryState(len(self.program.statements), None, label, status, (), {},
                           empty_stage())
        # Set first: a default may read the defaults before it.
        self.state = state
        self._pending = None
        for init in self.program.inits:
            if init.kind == "default":
                try:
                    value = evaluate(init.expr, self.lookup)
                except ExprError as exc:
                    raise expr_error(exc, init.loc, init.source) from None
                steps.check_storable(init.name, value, init.loc, init.source)
                if init.name.startswith("persistent."):
                    # Ren'Py's `default persistent.x`: set when the player's data has none.
                    key = init.name.split(".", 1)[1]
                    if self.persistent.get(key) is None:
                        self.persistent[key] = value
                    continue
                state.variables[init.name] = value
        return state

    def start(self, label: str = "start") -> None:
        """Begin a new playthrough at `label` (variables reset to their defaults)."""
        if label not in self.program.labels:
            hint = did_you_mean(label, self.program.labels)
            raise ScriptError(Loc("<start>", 1, 1), f"no label named '{label}'", hint=hint)
        self._fresh_state(label)
        steps.goto(self, self.program.labels[label])

    def observe(self, on_step: StepHook | None = None, on_label: LabelHook | None = None,
                on_choice: ChoiceHook | None = None) -> Callable[[], None]:
        """Call `on_step(index)` as each statement starts to run, `on_label(name)` as a
        label is entered and `on_choice(menu_index, option_index)` when a menu is answered
        (option_index as written, what Choice.index holds). Returns a function that
        stops these calls. A hook must not change the story."""
        added = [(hooks, fn) for hooks, fn in ((self._on_step, on_step),
                                               (self._on_label, on_label),
                                               (self._on_choice, on_choice))
                 if fn is not None]
        for hooks, fn in added:
            hooks.append(fn)  # type: ignore[arg-type]

        def stop() -> None:
            for hooks, fn in added:
                if fn in hooks:
                    hooks.remove(fn)  # type: ignore[arg-type]

        return stop

    # --- state -------------------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        """What is on screen: {'scene': [words] | None, 'scene_at': {transforms, atl,
        seed} | None, 'sprites': [{tag, attrs, at, transforms, atl, zorder, as, seed}],
        'music' and 'ambient': {files, loop} | None} (see engine/atl/placement.py): what the
        two looping channels play. Never changed in
        place: each change makes a new one, so a reference kept stays the picture it was."""
        return self.state.stage

    @property
    def dialogue(self) -> Dialogue:
        """How text is staged: {'window': auto|show|hide, 'page': [NVL entries before the
        line on screen], 'last': the last line moved past}. See nvl_page()."""
        return self.state.dialogue

    def nvl_page(self) -> list[dict[str, Any]]:
        """The NVL page as it shows now, the line on screen included when it is NVL."""
        return dialogue.page(self)

    @property
    def variables(self) -> dict[str, Any]:
        return self.state.variables

    @property
    def status(self) -> RunStatus:
        return self.state.status

    @property
    def ended(self) -> bool:
        return self.state.status is RunStatus.ENDED

    def current(self) -> Stmt | None:
        pc = self.state.pc
        stmts = self.program.statements
        return stmts[pc] if 0 <= pc < len(stmts) else None

    def snapshot(self) -> dict[str, Any]:
        """The whole state as JSON-able data. Cheap: it shares the stage and the variables'
        values with the story (neither is ever changed in place), so treat it as read-only.
        Valid at any time, also right after next() raised ScriptError (see next())."""
        return self.state.to_json()

    def restore(self, state: dict[str, Any]) -> list[str]:
        """Restore a snapshot, of this or an older version, even one taken before the scene
        files were edited: each position is found again by its fingerprint. Returns notices
        for positions that had to move to the start of their label. Raises ValueError for
        unusable data (a version newer than this engine's among them)."""
        try:
            data = json.loads(json.dumps(state))  # a private copy; also proves it is JSON
        except TypeError as exc:
            raise ValueError(f"story state is not plain data: {exc}") from None
        new = StoryState.from_json(migrate(data))
        notices: list[str] = []
        ended = new.status is RunStatus.ENDED
        new.pc = self._locate(new.pc, new.fp, new.label, notices, ended)
        new.fp = self._fp_at(new.pc)
        frames = []
        for frame in new.stack:
            pc = self._locate(frame.pc, frame.fp, frame.label, notices, False)
            frames.append(Frame(pc, self._fp_at(pc), frame.label, frame.saved))
        new.stack = tuple(frames)
        if not ended:
            new.status = RunStatus.READY  # a say, pause or menu shows itself again
        self.state = new
        self._pending = None
        return notices

    def _fp_at(self, pc: int) -> str | None:
        stmts = self.program.statements
        return stmts[pc].fp if pc < len(stmts) else None

    def _locate(self, pc: Any, fp: Any, label: Any, notices: list[str], ended: bool) -> int:
        stmts = self.program.statements
        if ended:
            return len(stmts)
        if isinstance(pc, int) and 0 <= pc < len(stmts) and stmts[pc].fp == fp:
            return pc
        if isinstance(fp, str) and fp in self.program.by_fp:
            return self.program.by_fp[fp]
        if isinstance(label, str) and label in self.program.labels:
            # The player reads the label's title ("The night road"), not its name.
            title = label_titles(self.program).get(label) or pretty(label)
            notices.append(f"the line was changed; going back to the start of “{title}”")
            return self.program.labels[label]
        raise ValueError(f"the saved position (label {label!r}) no longer exists")

    # --- running -----------------------------------------------------------------------

    def next(self) -> ev.Event:
        """Run until the next event and return it. After a Menu, call choose() first.

        All or nothing: when a statement raises ScriptError, the story is put back as it
        was before this call (position, status, stack, stage, variables and persistent
        values), so `snapshot()` after the error is a state to resume from, as good as one
        taken before the call. Hooks (observe) have seen the statements that ran."""
        st = self.state
        if st.status is RunStatus.ENDED:
            return steps.end_event(self, None)
        if st.status is RunStatus.WAITING_CHOICE:
            raise RuntimeError("answer the menu with choose() before asking for more")
        # Everything but the variable tables is replaced, never changed in place, so
        # keeping the references is enough; writes to the tables are logged in _undo.
        before = (st.pc, st.fp, st.label, st.status, st.stack, st.stage, st.dialogue)
        pending = self._pending
        self._undo.clear()
        WORK[0] = 0  # the evaluator's work is counted afresh for each event
        try:
            return self._run(st)
        except Exception:
            st.pc, st.fp, st.label, st.status, st.stack, st.stage, st.dialogue = before
            self._pending = pending
            steps.undo_writes(self._undo)
            raise
        finally:
            self._undo.clear()

    def _run(self, st: StoryState) -> ev.Event:
        if st.status is RunStatus.WAITING:
            dialogue.commit(self)
            st.status = RunStatus.READY
            steps.goto(self, st.pc + 1)
        stmts = self.program.statements
        handlers = HANDLERS
        on_step = self._on_step
        for _ in range(STEP_LIMIT):
            pc = st.pc
            if pc >= len(stmts):
                event = steps.return_(self, None)
            else:
                stmt = stmts[pc]
                for hook in on_step:
                    hook(pc)
                event = handlers[stmt.kind](self, stmt)
            if event is not None:
                if self.cond_images:  # Ren'Py chooses such pictures at each interaction
                    event = cond_pictures.at_interaction(self, event)
                return event
        stmt = stmts[st.pc] if st.pc < len(stmts) else stmts[-1]
        raise ScriptError(stmt.loc, f"the story ran {STEP_LIMIT} statements without showing "
                          "anything: an endless loop?", stmt.source)

    def choose(self, n: int) -> None:
        """Answer the current menu with its n-th shown choice (0-based)."""
        stmt = self.current()
        if stmt is None or stmt.kind != "menu" \
                or self.state.status is not RunStatus.WAITING_CHOICE:
            raise RuntimeError("there is no menu to answer")
        shown = steps.shown_options(self, stmt)
        if not 0 <= n < len(shown):
            raise IndexError(f"choice {n} out of range (0..{len(shown) - 1})")
        option = shown[n]
        index = self.state.pc
        dialogue.commit(self)
        self.state.status = RunStatus.READY
        if "set" in stmt.args:
            flow_steps.remember_choice(self, stmt, option)
        steps.goto(self, stmt.args["options"][option]["target"])
        for hook in self._on_choice:
            hook(index, option)

    def enter(self, text: str) -> None:
        """Answer the renpy.input on screen with the text the player typed."""
        code_steps.enter(self, text)

    # --- names -------------------------------------------------------------------------

    def lookup(self, name: str) -> Any:
        """The value of a name as the scene sees it: a variable, a define, a built-in,
        persistent.NAME or config.NAME. Raises ExprError for an unknown name."""
        st = getattr(self, "state", None)  # None while the defines run
        if st is not None and name in st.variables:
            return st.variables[name]
        if name in self.constants:
            return self.constants[name]
        if name in BUILTIN_VALUES:
            return BUILTIN_VALUES[name]
        if name.startswith("persistent."):
            return self.persistent.get(name.split(".", 1)[1])
        if name.startswith("config.") or name in ("ending", "_return"):
            return None
        if name == RANDOM and st is not None:
            return code_steps.random_draw(self)
        known = list(self.constants) + (list(st.variables) if st else [])
        raise ExprError(f"'{name}' is not defined", hint=did_you_mean(name, known))
