"""What the control-flow statements Ren'Py adds do when they run (see parse_flow.py):
`jump`/`call expression`, a call's arguments bound to the label's parameters, `return`
with a value (`_return`) and a menu's `set`. steps.py calls in here only where a statement
uses one of them, so a plain jump, call, return or menu costs what it did.

Nothing here keeps state outside the story's variables: `_return`, the parameters and a
menu set are variables, so they save, load and roll back with the rest.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .atl_runtime import match_args
from .errors import ScriptError, did_you_mean
from .expr import ExprError, evaluate, expr_error
from .program import Stmt
from .values import variable_problem
from .writes import forget, store

if TYPE_CHECKING:
    from .story import Story

RETURN = "_return"


def dynamic_target(story: Story, stmt: Stmt) -> str:
    """The label a `jump expression`/`call expression` goes to."""
    target = value_of(story, stmt.args["expr"], stmt)
    if not isinstance(target, str):
        raise ScriptError(stmt.loc, f"a label's name must be text, not {target!r}",
                          stmt.source)
    if target.startswith(".") and stmt.args.get("base"):
        target = stmt.args["base"] + target
    if target not in story.program.labels:
        raise ScriptError(stmt.loc, f"no label named '{target}'", stmt.source,
                          hint=did_you_mean(target, story.program.labels))
    return target


def bind_call(story: Story, stmt: Stmt, index: int) -> None:
    """`call name(args)`: the label's parameters get the arguments (and their defaults)."""
    label = story.program.statements[index]
    params = label.args.get("params")
    name = label.args["name"]
    if params is None:
        raise ScriptError(stmt.loc, f"label '{name}' takes no arguments", stmt.source)
    args = [value_of(story, a, stmt) for a in stmt.args["args"]]
    kwargs = [[k, value_of(story, v, stmt)] for k, v in stmt.args["kwargs"]]
    values, problem, hint = match_args(name, params, label.args["defaults"], args, kwargs)
    if problem is not None:
        raise ScriptError(stmt.loc, problem, stmt.source, hint=hint)
    _bind(story, {param: values[param] if param in values else
                  value_of(story, label.args["defaults"][param], label) for param in params},
          stmt)
    story._bound = index  # the label itself then leaves them be


def bind_defaults(story: Story, stmt: Stmt) -> None:
    """A label with parameters reached by a jump, a plain call or falling into it: each
    parameter takes its default; one without a default is an error, as in Ren'Py."""
    if story._bound == story.state.pc:
        story._bound = None
        return
    defaults = stmt.args["defaults"]
    for param in stmt.args["params"]:
        if param not in defaults:
            raise ScriptError(stmt.loc, f"label '{stmt.args['name']}' needs a value for "
                              f"'{param}': call it with arguments", stmt.source)
    _bind(story, {p: value_of(story, defaults[p], stmt) for p in stmt.args["params"]}, stmt)


def _bind(story: Story, values: dict[str, Any], stmt: Stmt) -> None:
    """Set the parameters; the call they belong to (the innermost) keeps what they held
    before, to put back when it returns, as Ren'Py's dynamic variables."""
    st = story.state
    if st.stack:
        top = st.stack[-1]
        saved = dict(top.saved or {})
        for name in values:
            if name not in saved:
                saved[name] = [st.variables[name]] if name in st.variables else []
        st.stack = (*st.stack[:-1], replace(top, saved=saved))
    for name, value in values.items():
        _set(story, name, value, stmt)


def put_back(story: Story, saved: dict[str, list]) -> None:
    """On return: the parameters the call bound get back what they held before it."""
    variables = story.state.variables
    for name, old in saved.items():
        if old:
            store(story, variables, name, old[0])
        else:
            forget(story, variables, name)


def set_return(story: Story, stmt: Stmt) -> None:
    """`return value` sets _return for the caller; a plain return clears it once set."""
    expr = stmt.args.get("expr") if stmt.args else None
    if expr is not None:
        _set(story, RETURN, value_of(story, expr, stmt), stmt)
    elif RETURN in story.state.variables:
        _set(story, RETURN, None, stmt)


def value_of(story: Story, expr: list, stmt: Stmt) -> Any:
    try:
        return evaluate(expr, story.lookup)
    except ExprError as exc:
        raise expr_error(exc, stmt.loc, stmt.source) from None


def _set(story: Story, name: str, value: Any, stmt: Stmt) -> None:
    problem = variable_problem(name, value)
    if problem is None and name == "save_name":  # its own rules: set it with '$'
        problem = "save_name is set with '$ save_name = \"…\"'"
    if problem is not None:
        raise ScriptError(stmt.loc, problem, stmt.source)
    store(story, story.state.variables, name, value)


# --- menu sets ----------------------------------------------------------------------------

def _chosen(story: Story, stmt: Stmt) -> list:
    chosen = value_of(story, stmt.args["set"], stmt)
    if not isinstance(chosen, list):
        raise ScriptError(stmt.loc, f"a menu's set must be a list, not {chosen!r}",
                          stmt.source, hint="default chosen = []")
    return chosen


def without_chosen(story: Story, stmt: Stmt, shown: list[int]) -> list[int]:
    """The shown options less those whose text is already in the menu's set."""
    chosen = _chosen(story, stmt)
    options = stmt.args["options"]
    return [i for i in shown if options[i]["text"] not in chosen]


def remember_choice(story: Story, stmt: Stmt, option: int) -> None:
    """Add the chosen option's text to the menu's set (a new list: never in place)."""
    chosen = _chosen(story, stmt)
    target = stmt.args["set"][1]
    _set(story, target, [*chosen, stmt.args["options"][option]["text"]], stmt)
