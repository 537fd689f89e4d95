"""SL007 gc-disabled-not-restored: `debug.SetGCPercent(-1)` with no restore on every path."""

from __future__ import annotations

from golint_startup.go.constants import Constants
from golint_startup.go.gccontrol import memory_limit_calls
from golint_startup.go.gofile import GoFile
from golint_startup.go.library import DEBUG
from golint_startup.go.syntax import STATEMENT_LISTS, ancestors, assigned_names, binary_parts, enclosing_function, \
    invocation, matches, text
from golint_startup.rule import SERVING_PROGRAMS, STARTUP_MODEL, Rule

_SET_GC = """
(call_expression
  function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @name (#eq? @name "SetGCPercent"))
  arguments: (arguments) @args) @call
"""


def _sets_a_limit(file: GoFile, limit, constants: Constants) -> bool:
    """Whether `debug.SetMemoryLimit(limit)` bounds the heap: a negative value only reads
    the current limit, and math.MaxInt64 is the default, no limit at all."""
    value = constants.value(limit)
    if value is not None:
        return 0 <= value < 2**63 - 1
    if limit.type == "selector_expression":
        operand = limit.child_by_field_name("operand")
        if operand is not None and operand.type == "identifier" and file.package_of(operand) == "math":
            return text(limit.child_by_field_name("field")) != "MaxInt64"
    return True

_RETURNS = "(return_statement) @ret"


def _saved_name(call) -> str | None:
    """`old` in `old := debug.SetGCPercent(-1)`, `old = ...` or `var old = ...`."""
    names = assigned_names(call)
    if len(names) == 1 and names[0].type == "identifier" and text(names[0]) != "_":
        return text(names[0])
    return None


def _statement(node, holders, stop):
    """The statement directly inside a statement list that contains `node` (`holders`: its
    ancestors, innermost first)."""
    for parent in holders:
        if parent == stop or parent.type in STATEMENT_LISTS:
            break
        node = parent
    return node


def _restore_statement(file: GoFile, call, function):
    """For a call inside `function` (or a deferred literal in it): the statement that will run it.

    None when the call sits in a nested function that is not deferred (a goroutine, a
    stored closure), which cannot be relied on to restore the GC.
    """
    holders = ancestors(file, call)
    deferred = None
    for index, node in enumerate([call] + holders):
        if node == function:
            break
        if node.type == "function_literal":
            if invocation(node, holders[index:index + 2]) != "defer":
                return None
            deferred = holders[index + 1]
        if node.type == "defer_statement" and deferred is None:
            deferred = node
    else:
        return None
    return deferred if deferred is not None else _statement(call, holders, function)


# A test that the saved setting had the collector on: `if old >= 0 { debug.SetGCPercent(old) }`.
# When it fails the collector was already off, and leaving it so restores it (aegis' memory
# monitor reads GOGC with SetGCPercent(-1) and writes it back so: reported, and read as wrong).
_MIRRORED = {">=": "<=", ">": "<", "!=": "!=", "<=": ">=", "<": ">", "==": "=="}  # `0 <= old` is `old >= 0`


def _guarded_by_saved(file: GoFile, statement, saved: str | None, constants: Constants):
    """The `if` around `statement` (in its body, with no else) whose condition
    holds whenever the saved setting `saved` had the collector on (a value >= 0): restoring
    only then restores every time; else `statement`."""
    block = statement.parent
    guard = block.parent if block is not None else None
    if saved is None or guard is None or guard.type != "if_statement" or guard.child_by_field_name("else") or \
            guard.child_by_field_name("body") != block:
        return statement
    condition = binary_parts(guard.child_by_field_name("condition"))
    if condition is None:
        return statement
    operator, left, right = condition
    if right.type == "identifier" and text(right) == saved:
        left, right, operator = right, left, _MIRRORED.get(operator)
    elif not (left.type == "identifier" and text(left) == saved) or operator not in (">=", ">", "!="):
        return statement
    bound = constants.value(right)
    holds = bound is not None and (operator == ">=" and bound <= 0 or operator == ">" and bound < 0
                                   or operator == "!=" and bound == -1)
    return guard if holds else statement


def _contains(outer, inner) -> bool:
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def _restores(file: GoFile, disable, function, calls, constants: Constants) -> tuple[bool, object]:
    """Whether the GC is restored on every path after `disable`; else the return that skips it."""
    wrapper = disable.parent.parent if disable.parent is not None else None
    if wrapper is not None and wrapper in calls:
        return True, None  # debug.SetGCPercent(debug.SetGCPercent(-1))
    saved = _saved_name(disable)
    body = function.child_by_field_name("body")
    returns = [r for r in matches(_RETURNS, body) for r in r["ret"]
               if enclosing_function(file, r) == function and r.start_byte > disable.end_byte]
    skipping_return = None
    for call, argument in calls.items():
        if call.start_byte <= disable.end_byte:
            continue
        value = constants.value(argument)
        if not ((saved and argument is not None and argument.type == "identifier" and text(argument) == saved)
                or (value is not None and value >= 0)):
            continue
        statement = _restore_statement(file, call, function)
        if statement is not None:
            statement = _guarded_by_saved(file, statement, saved, constants)
        if statement is None or statement.parent is None or not _contains(statement.parent, disable):
            continue
        between = [r for r in returns if r.start_byte < statement.start_byte]
        if not between:
            return True, None
        skipping_return = skipping_return or between[0]
    return False, skipping_return


def check(file: GoFile, options: dict):
    if not file.imports_path(DEBUG):
        return
    calls = {}
    constants = Constants(file)
    for found in matches(_SET_GC, file.root):
        if file.package_of(found["pkg"][0]) != DEBUG:
            continue
        args = found["args"][0].named_children
        calls[found["call"][0]] = args[0] if len(args) == 1 else None
    # GOGC=off with a memory limit is the runtime's documented configuration: the GC
    # still runs as the heap nears the limit, so the heap is bounded.
    limits = [call for call, limit in memory_limit_calls(file) if _sets_a_limit(file, limit, constants)]
    limited_functions = {enclosing_function(file, call) for call in limits}
    for call, argument in calls.items():
        value = constants.value(argument)
        if value is None or value >= 0:
            continue
        function = enclosing_function(file, call)
        if function is not None and function in limited_functions:
            continue
        restored, skipping_return = (False, None) if function is None else \
            _restores(file, call, function, calls, constants)
        if restored:
            continue
        why = (f"the return on line {skipping_return.start_point[0] + 1} skips the restore"
               if skipping_return is not None else "nothing restores it afterwards on every path")
        # A limit set elsewhere in the file bounds the heap only once that code has run
        # (longbow's tuner turns the collector off in its constructor, sets the limit in Start).
        bound = (f"the memory limit set on line {limits[0].start_point[0] + 1}, once that has run, "
                 "else until the container is OOMKilled") if limits else "the container is OOMKilled"
        yield RULE.finding(file.path, call, f"debug.SetGCPercent({value}) turns the garbage collector off and {why}; "
                                            f"the heap then grows until {bound} "
                                            "(use defer debug.SetGCPercent(debug.SetGCPercent(-1)))")


RULE = Rule.from_docs(__file__, check=check, requires=(STARTUP_MODEL, SERVING_PROGRAMS))
