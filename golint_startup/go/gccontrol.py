"""Calls that control the garbage collector: a memory limit, a forced collection, the
collector turned off or on.

SL004 labels them on the paths to a configuration load; the manifest rules ask whether a
module's code sets a memory limit at all. Functions are named `import/path.Name`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from golint_startup.go.constants import Constants
from golint_startup.go.gofile import GoFile
from golint_startup.go.library import DEBUG, RUNTIME
from golint_startup.go.syntax import captures, matches, text

# The runtime's own memory before main runs: 7.2-7.9 MB with Go 1.26.8 on amd64
# (bench/memlimit). A constant limit below it (`debug.SetMemoryLimit(0)`, often meant to read
# the limit) bounds nothing: the collector runs nearly all the time instead (SL010).
RUNTIME_FLOOR_BYTES = 8 << 20

# A classifier labels a call "memlimit", "gc", "gcoff" or "gcon", or returns None.
Classifier = Callable[[GoFile, object], "str | None"]


def qualified(names) -> tuple[frozenset[tuple[str, str]], tuple[str, ...]]:
    """("import/path", "Name") pairs from "import/path.Name" strings, and the malformed ones."""
    return _parse_qualified(tuple(names))


@lru_cache(maxsize=None)  # options are the same for every file of a run
def _parse_qualified(names: tuple[str, ...]) -> tuple[frozenset[tuple[str, str]], tuple[str, ...]]:
    pairs, bad = set(), []
    for entry in names:
        slash = entry.rfind("/")
        dot = entry.rfind(".")
        if dot <= slash + 1 or dot == len(entry) - 1 or (slash < 0 and dot <= 0):
            bad.append(entry)
            continue
        pairs.add((entry[:dot], entry[dot + 1:]))
    return frozenset(pairs), tuple(bad)


# Every name a local declaration can give (a superset of what go.scope.declared_names finds).
_DECLARED = """
(short_var_declaration left: (expression_list (identifier) @name))
(range_clause left: (expression_list (identifier) @name))
(var_spec name: (identifier) @name)
(const_spec name: (identifier) @name)
(parameter_declaration name: (identifier) @name)
(type_switch_statement name: (identifier) @name)
"""


def classifier(file: GoFile, limit_functions) -> Classifier | None:
    """Labels the calls that control the GC, or None when the file imports nothing that does.

    A memory-limit call with a negative constant argument (`debug.SetMemoryLimit(-1)`) only
    reads the limit and is not labeled, nor is one below RUNTIME_FLOOR_BYTES."""
    limits, _ = qualified(limit_functions)
    control_paths = {path for path, _ in limits} | {RUNTIME, DEBUG}
    local_names = {name for name, path in file.imports.items() if path in control_paths}
    if not local_names:
        return None

    declared = {text(node) for node in captures(_DECLARED, file.root).get("name", ())} & local_names

    def first_argument_value(call) -> int | None:
        arguments = call.child_by_field_name("arguments")
        argument = arguments.named_children[0] if arguments is not None and arguments.named_children else None
        return Constants(file).value(argument) if argument is not None else None

    def classify(file: GoFile, call) -> str | None:
        function = call.child_by_field_name("function")
        operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
        if operand is None or operand.type != "identifier" or text(operand) not in local_names:
            return None
        if text(operand) in declared:  # perhaps hidden by a local: ask the scope
            callee = file.callee(call)
            if callee is None or not callee[0]:
                return None
        else:
            # No local anywhere in the file has the import's name: nothing can hide it, and the
            # file's scope index (go.scope.Scopes) need not be built.
            callee = (file.imports[text(operand)], text(function.child_by_field_name("field")))
        if callee in limits:
            value = first_argument_value(call)
            return None if value is not None and value < RUNTIME_FLOOR_BYTES else "memlimit"
        if callee == (RUNTIME, "GC"):
            return "gc"
        if callee == (DEBUG, "SetGCPercent"):
            value = first_argument_value(call)
            return "gcoff" if value is not None and value < 0 else "gcon"
        return None

    return classify


_CALLS = "(call_expression function: (selector_expression)) @call"
_SET_MEMORY_LIMIT = """
(call_expression
  function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @name (#eq? @name "SetMemoryLimit"))
  arguments: (arguments . (_) @limit .)
) @call
"""


def memory_limit_calls(file: GoFile) -> list[tuple[object, object]]:
    """(call, its argument) of each `debug.SetMemoryLimit(limit)` of runtime/debug in the file."""
    return [(found["call"][0], found["limit"][0]) for found in matches(_SET_MEMORY_LIMIT, file.root)
            if file.package_of(found["pkg"][0]) == DEBUG]


def sets_memory_limit(file: GoFile, limit_functions, limit_imports) -> bool:
    """Whether the file imports a package whose import sets a limit, or calls a function
    that sets one (anywhere in the file: conditions are not evaluated)."""
    if any(path in limit_imports for path in (*file.imports.values(), *file.blank_imports)):
        return True
    classify = classifier(file, limit_functions)
    return classify is not None and any(
        classify(file, call) == "memlimit" for call in captures(_CALLS, file.root).get("call", ()))
