"""Which functions serve: those that reach a serving call (library.SERVING_CALLS: a listener,
a server's Serve or Run, a wait for the shutdown signal) through calls of any kind.

The startup model (go.startup) counts a path for the rules scoped to startup only from a
program that serves: a batch tool's or a CLI subcommand's work is never waited on by a probe.
Reachability here over-approximates, so that a missed server never loses its findings:
every event of a function whose target is a module function is an edge (calls, method
calls, `go` statements, function values passed, stored or returned, handlers included, what
a returned value runs), and so are the commands a framework's runner call runs and the
methods a runner entry runs (`more`); a method call whose receiver type is unknown, or an
interface's, reaches every module method of its name (graph.methods_named).
"""

from __future__ import annotations

import fnmatch
import re
from collections import deque
from typing import Callable, Iterable

from golint_startup.go.callgraph import completion
from golint_startup.go.callgraph.facts import FileFacts, ParamTarget
from golint_startup.go.callgraph.graph import Function, ModuleGraph, Resolved


class Calls:
    """The serving calls, as (import path, name pattern) pairs."""

    def __init__(self, entries: Iterable[tuple[str, str]]):
        self.entries = tuple(entries)
        self.paths = {path for path, _ in self.entries}
        names = sorted({name for _, name in self.entries}, key=len, reverse=True)
        # A file that spells none of the names holds no serving call (see complete).
        self.spelled = re.compile(rb"(?<![A-Za-z0-9_])(?:" + b"|".join(
            fnmatch.translate(name).removeprefix("(?s:").removesuffix(")\\Z").encode() for name in names) +
            rb")(?![A-Za-z0-9_])") if names else None

    def matches(self, path: str, name: str) -> bool:
        return any(path == entry_path and fnmatch.fnmatchcase(name, pattern) for entry_path, pattern in self.entries)

    def named(self, name: str, imported: Iterable[str]) -> bool:
        """A method of unknown receiver type: a serving call when a package the file imports
        serves by that name."""
        return any(self.matches(path, name) for path in imported if path in self.paths)


def serving_call(graph: ModuleGraph, function: Function, resolved: Resolved, calls: Calls) -> bool:
    if resolved.function is not None:
        return False
    if resolved.external is not None:
        return calls.matches(*resolved.external)
    if resolved.unresolved:
        return calls.named(resolved.method_name, graph.file_imports.get(function.display, {}).values())
    return False


def serves_directly(graph: ModuleGraph, function: Function, calls: Calls) -> bool:
    """Whether `function` itself makes a serving call (or takes one as a value)."""
    for event in function.events:
        if event.kind in ("call", "ref", "run") and event.target is not None:
            if serving_call(graph, function, graph.resolve(event.target, function.package), calls):
                return True
    return False


def successors(graph: ModuleGraph, function: Function,
               more: Callable[[Function], Iterable[Function]] = lambda function: ()) -> set[tuple]:
    """The ids of the module functions `function` may run, by any means (see the module's doc)."""
    found = {resolved.function.id for _, resolved in graph.edges(function) if resolved.function is not None}
    for event in function.events:
        if event.target is None or type(event.target) is ParamTarget:
            continue
        resolved = graph.resolve(event.target, function.package)
        if resolved.function is not None:
            found.add(resolved.function.id)
            if event.kind in ("rcall", "rarg"):
                found.update(value.id for value in graph.returned(resolved.function))
        elif resolved.external is None and resolved.method_name:
            found.update(method.id for method in graph.methods_named(resolved.method_name))
    found.update(callee.id for callee in more(function))
    return found


class Servers:
    """The functions of a graph that serve, computed once: a search back from the functions
    that serve directly over `successors`."""

    def __init__(self, graph: ModuleGraph, calls: Calls,
                 more: Callable[[Function], Iterable[Function]] = lambda function: ()):
        callers: dict[tuple, list[tuple]] = {}
        queue = deque()
        self.ids: set[tuple] = set()
        # Each serving function's next step towards a serving call (None: it makes one).
        self.toward: dict[tuple, tuple | None] = {}
        for function in graph.functions.values():
            if not function.events:
                continue
            if serves_directly(graph, function, calls):
                self.ids.add(function.id)
                self.toward[function.id] = None
                queue.append(function.id)
            for callee in successors(graph, function, more):
                callers.setdefault(callee, []).append(function.id)
        while queue:
            callee = queue.popleft()
            for caller in callers.get(callee, ()):
                if caller not in self.ids:
                    self.ids.add(caller)
                    self.toward[caller] = callee
                    queue.append(caller)

    def serves(self, function: Function) -> bool:
        return function.id in self.ids


def complete(facts: dict[str, FileFacts], abspaths: dict[str, str], calls: Calls,
             read: Callable[[str], bytes | None], compute: Callable[[str], FileFacts | None],
             runners: dict[str, set[str]],
             more: Callable[[ModuleGraph, Function], Iterable[Function]]) -> None:
    """Complete (`compute`) the summarized files of every function that serves: first those
    that import a serving package and spell a serving name, then (completion.complete) those
    that reach one of their serving functions."""
    for display, file in list(facts.items()):
        if not file or file.complete or not calls.spelled or display.endswith("_test.go") or \
                not any(path in calls.paths for _, path in file.imports):
            continue
        source = read(display)
        if source is not None and calls.spelled.search(source):
            completed = compute(display)
            if completed is not None:
                facts[display] = completed
    _, graph = completion.complete(
        facts, abspaths, lambda graph, function: serves_directly(graph, function, calls), read, compute,
        runners=runners,
        callees=lambda graph, function: [graph.functions[fid] for fid in
                                         successors(graph, function, lambda f: more(graph, f))
                                         if fid in graph.functions])
    graph.release()
