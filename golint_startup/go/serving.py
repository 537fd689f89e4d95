"""Which functions serve: those that reach a serving call (library.SERVING_CALLS: a listener,
a server's Serve or Run, a controller framework's wait for the shutdown signal) through
calls of any kind.

The startup model (go.startup) counts a path for the rules scoped to startup only from a
program that serves: a batch tool's or a CLI subcommand's work is never waited on by a probe.
Reachability here over-approximates, so that a missed server never loses its findings:
every event of a function whose target is a module function is an edge (calls, method
calls, `go` statements, function values passed, stored or returned, handlers included, what
a returned value runs), and so are the commands a framework's runner call runs and the
methods a runner entry runs (`more`); a method call whose receiver type is unknown reaches
every module method of its name (graph.methods_named), and one through an interface those
whose type has the interface's methods.
"""

from __future__ import annotations

import fnmatch
import os
from typing import Callable, Iterable, Iterator

from golint_startup.go.callgraph.facts import LOOPBACK_SERVING, Event, FileFacts, MethodTarget, ParamTarget, TypeRef
from golint_startup.go.callgraph.graph import Function, ModuleGraph, Resolved, calls_a_runner, shortest_paths_to
from golint_startup.go.library import COMMAND_RUNNERS, SIGNAL_WAITS


class Calls:
    """Calls a table names (the serving calls; go.startup's handler registrations), as
    (import path, name pattern) pairs: `*` in a name matches any characters, the path `*`
    any package."""

    def __init__(self, entries: Iterable[tuple[str, str]]):
        self.entries = tuple(entries)
        self.names = {name for _, name in self.entries}

    def matches(self, path: str, name: str) -> bool:
        return any((entry_path == "*" or entry_path == path) and fnmatch.fnmatchcase(name, pattern)
                   for entry_path, pattern in self.entries)

    def named(self, name: str, imported: Iterable[str]) -> bool:
        """A method of unknown receiver type, or called through an interface of the module: one of
        the calls when a package the file imports (or any, for the path `*`) has one by that name."""
        imported = set(imported)
        return any(fnmatch.fnmatchcase(name, pattern) and (entry_path == "*" or entry_path in imported)
                   for entry_path, pattern in self.entries)


def serving_call(graph: ModuleGraph, function: Function, resolved: Resolved, calls: Calls) -> bool:
    if resolved.function is not None:
        return False
    if resolved.external is not None:
        return calls.matches(*resolved.external)
    if resolved.unresolved or resolved.through_interface:
        # A method of unknown receiver, or called through the module's interface, which a
        # library's server may implement (`srv.ListenAndServe()` on an `httpServer`).
        return calls.named(resolved.method_name, graph.file_imports.get(function.display, {}).values())
    return False


def serves_directly(graph: ModuleGraph, function: Function, calls: Calls) -> bool:
    """Whether `function` itself makes a serving call (or takes one as a value): one of its
    serving_events."""
    return next(serving_events(graph, function, calls), None) is not None


def serving_events(graph: ModuleGraph, function: Function, calls: Calls) -> Iterator[Event]:
    """The events by which `function` itself makes a serving call (or takes one as a value),
    found one at a time. A framework's wait for the shutdown signal is not one, when the same
    function runs a command framework's commands (`ctx := signals.SetupSignalHandler()` then
    `rootCmd.ExecuteContext(ctx)`), whose commands tell whether the program serves."""
    events = [event for event in function.events if event.kind in ("call", "ref", "run") and event.target is not None]
    resolved = [graph.resolve(event.target, function.package) for event in events]
    runs_commands = any(found.external is not None and found.method_name in COMMAND_RUNNERS.get(found.external[0], ())
                        for found in resolved)
    probes = _free_port_probes(events, resolved)
    # Nor a listen on a loopback address, nor a serve on its listener: the calls whose events
    # facts.LOOPBACK_SERVING follows.
    loopback = {id(event) for event, following in zip(function.events, function.events[1:])
                if following.kind == LOOPBACK_SERVING}
    return (event for event, found in zip(events, resolved)
            if serving_call(graph, function, found, calls) and not (runs_commands and _waits_for_signal(found)) and
            event.position not in probes and id(event) not in loopback)


_SIGNAL_WAITS = frozenset(tuple(entry.rsplit(".", 1)) for entry in SIGNAL_WAITS)


def _waits_for_signal(found: Resolved) -> bool:
    return found.external in _SIGNAL_WAITS


_LISTENS = frozenset({"Listen", "ListenTCP", "ListenUnix"})
# Packages whose calls only format a message: between a Listen and its Close, they serve nothing.
_FORMATTING = frozenset({"fmt", "errors", "strconv", "strings"})


def _free_port_probes(events: list, resolved: list[Resolved]) -> set[int]:
    """The positions of the `net.Listen*` calls whose listener the function closes before it
    calls any module function, having asked its address (a probe for a free port: `l, _ :=
    net.Listen("tcp", ":0"); port := l.Addr()...; l.Close()`, consul-k8s's CLI before a
    port-forward) or called nothing but formatting (a check that a port is free: fiso's
    `doctor` command, whose SL003 finding was read as wrong when it counted as serving).
    A deferred Close counts at the function's end."""
    probes = set()
    order = sorted(zip(events, resolved), key=lambda pair: pair[0].position)
    for index, (event, found) in enumerate(order):
        if found.external is None or found.external[0] != "net" or found.external[1] not in _LISTENS:
            continue
        asked, formatting_only = False, True
        for later, later_found in order[index + 1:]:
            target = later.target
            if type(target) is MethodTarget and target.receiver == TypeRef("r", "net", found.external[1]) \
                    and not target.fields:
                asked = asked or target.name == "Addr"
                if target.name == "Close":
                    if asked or formatting_only:
                        probes.add(event.position)
                    break
                if target.name != "Addr":
                    break
            elif later_found.function is not None or later.kind != "call":
                break
            # A builtin (`append`) resolves to nothing and serves nothing; a callback, a method
            # of a value of unknown type or of the module's interface, or another package's
            # call may serve.
            elif later_found.unresolved or later_found.through_interface or type(target) is ParamTarget or \
                    later_found.external is not None and \
                    later_found.external[0] not in _FORMATTING:
                formatting_only = False
    return probes


def successors(graph: ModuleGraph, function: Function,
               more: Callable[[Function], Iterable[Function]] = lambda function: ()) -> set[tuple]:
    """The ids of the module functions `function` may run, by any means (see the module's doc)."""
    found = {resolved.function.id for _, resolved in graph.edges(function)
             if resolved.function is not None}
    for event in function.events:
        if event.target is None or type(event.target) is ParamTarget:
            continue
        resolved = graph.resolve(event.target, function.package)
        if resolved.function is not None:
            found.add(resolved.function.id)
            if event.kind in ("rcall", "rarg"):
                found.update(value.id for value in graph.returned(resolved.function))
        elif resolved.external is None and resolved.method_name and event.kind == "call":
            # Only where it is called: `sizeOf(m.Start)` names a field as often as a method.
            # Through an interface, only a type with all its methods: an era file's `e.Start()`
            # runs no p2p server's Start (go-ethereum's keeper, a one-block verifier).
            found.update(method.id for method in _namesakes(graph, function, resolved.method_name)
                         if resolved.interface is None or graph.has_methods_of(method, resolved.interface))
    found.update(callee.id for callee in more(function))
    if any(map(calls_a_runner, function.events)):
        # A command framework's runner also runs the commands its package's `init` adds
        # (`rootCmd.AddCommand(start.NewCommand())`: jaeger-operator's serving `start`).
        found.update(other.id for key, other in function.package.functions.items() if key.startswith("init#"))
    return found


def _namesakes(graph: ModuleGraph, function: Function, name: str) -> list[Function]:
    """The module's methods `name` that a call on a value of unknown type in `function` may
    run: those of the packages it imports, directly or not, or that import it (a value of a
    type of an unrelated package rarely reaches it). A CLI command's `resp.Body.Close()` is no
    call of the API server's `Close`, which serves (testkube's kubectl plugin)."""
    related = graph.imported_closure(function.package) | graph.importers(function.package)
    return [method for method in graph.methods_named(name) if method.package.directory in related]


_START = ("", "")  # a node before every start, for shortest_paths_to's single target


def reach_back(starts: Iterable[tuple], callers: dict[tuple, list[tuple]]) -> dict[tuple, tuple | None]:
    """Breadth-first over reversed edges from several nodes: each node that reaches one, with
    its next step towards it (None for a start)."""
    toward = shortest_paths_to(_START, {**callers, _START: list(starts)})
    del toward[_START]
    return {node: None if step == _START else step for node, step in toward.items()}


def program_of(graph: ModuleGraph, fid: tuple) -> set[str] | None:
    """The directories of the packages a function's program imports, when the function is of a
    main package: only these can run in it, so a namesake or an interface's implementation
    elsewhere never does (go-ethereum's one-block verifier imports no p2p server). None for
    another package's function, whose program is not known."""
    function = graph.functions.get(fid)
    return graph.imported_closure(function.package) if function is not None and function.package.name == "main" \
        else None


class Servers:
    """The functions of a graph that serve, computed once: a search back from the functions
    that serve directly over `successors`; for a function of a main package, a search forward
    within its program (see program_of)."""

    def __init__(self, graph: ModuleGraph, calls: Calls,
                 more: Callable[[Function], Iterable[Function]] = lambda function: ()):
        self.graph = graph
        self.within_program: dict[tuple, bool] = {}  # the answers for main packages' functions
        self.callees: dict[tuple, set[tuple]] = {}
        self.direct = set()
        callers: dict[tuple, list[tuple]] = {}
        for function in graph.functions.values():
            if not function.events:
                continue
            if serves_directly(graph, function, calls):
                self.direct.add(function.id)
            self.callees[function.id] = successors(graph, function, more)
            for callee in self.callees[function.id]:
                callers.setdefault(callee, []).append(function.id)
        # Each serving function's next step towards a serving call (None: it makes one).
        self.toward = reach_back(self.direct, callers)

    def serves(self, fid: tuple) -> bool:
        program = program_of(self.graph, fid)
        if program is None or fid not in self.toward:
            return fid in self.toward
        if fid not in self.within_program:
            seen, frontier, found = {fid}, [fid], False
            while frontier and not found:
                found = any(current in self.direct for current in frontier)
                frontier = [callee for current in frontier for callee in self.callees.get(current, ())
                            if callee[0] in program and callee not in seen and not seen.add(callee)]
            self.within_program[fid] = found
        return self.within_program[fid]


# How far a search may go before the function is taken to serve: at most this many files
# completed, in at most this many rounds (each rebuilds the module's graph, 0.13 s on
# netbird's 2,000 files). Measured on temporal, netbird, headscale, navidrome, woodpecker and
# k6 (46 searches): 24 of the 30 that found a server did within 11 files; the others took
# 26 to 293 files and up to 14 rounds each. A search cut short keeps its program's findings,
# so the bound's cost is CLI commands kept: at 32 files and 6 rounds, rekor-cli's two and
# tempo-cli's seven; at 128 and 12 these go for +6% CPU on rekor and +5% on kyverno (whose
# eleven need no bound at all, at +77%). At 24 rounds, go-ethereum's one-block verifier
# (keeper, SL007) and nuts-node's `network list` command (SL008) are told apart from servers,
# each after 13 to 24 rounds; CPU on navidrome, netbird, headscale and nuts-node stayed within
# the noise of a busy machine (go-ethereum, 1,421 Go files: 40 and 52 CPU seconds at 12 rounds,
# 47 and 51 at 24, two runs each).
_SEARCH_FILES = 128
_SEARCH_ROUNDS = 24


class Forward:
    """Whether a function serves, answered on demand by a search forward from it that stops at
    the first serving call, completing (`compute`) the summarized files it runs into: only
    the functions the startup model asks about (a `main`, a command) are searched from, and a
    program that serves is told after a few files, where a search back from every serving
    call would complete each file that reaches one. `facts`: display -> FileFacts, updated
    as files are completed. A function whose file cannot be read may serve."""

    def __init__(self, facts: dict[str, FileFacts], abspaths: dict[str, str], calls: Calls,
                 compute: Callable[[str], FileFacts | None],
                 more: Callable[[ModuleGraph, Function], Iterable[Function]]):
        self.facts, self.abspaths, self.calls, self.compute, self.more = facts, abspaths, calls, compute, more
        self.answers: dict[tuple, bool] = {}
        self.graph: ModuleGraph | None = None
        self.tried: set[str] = set()
        self.commands_completed = False
        self._summaries: dict[str, dict] | None = None  # see _declaring

    def _rebuild(self) -> ModuleGraph:
        if self.graph is not None:
            self.graph.release()
        self.graph = ModuleGraph(self.facts, self.abspaths)
        return self.graph

    def _complete(self, displays: Iterable[str]) -> bool:
        """Complete these files; whether any was."""
        changed = False
        for display in sorted(set(displays) - self.tried):
            self.tried.add(display)
            completed = self.compute(display)
            if completed is not None:
                self.facts[display] = completed
                changed = True
        return changed

    def _complete_commands(self, graph: ModuleGraph) -> bool:
        """A runner call (`rootCmd.Execute()`) runs the commands of package-level literals, whose
        events a summary lacks: complete the files that import a command framework, once."""
        if self.commands_completed:
            return False
        self.commands_completed = True
        return self._complete(display for display, file in self.facts.items()
                              if file and not file.complete and not display.endswith("_test.go") and
                              any(path in COMMAND_RUNNERS for _, path in file.imports))

    def _declaring(self, function: Function) -> list[str]:
        """The summarized files not yet tried that declare `function`."""
        if self._summaries is None:
            # directory -> key -> its file, or its files (one per build-tag variant): nested, and
            # a list only for a variant, since this holds every function of the tree (a dict
            # keyed by (directory, key) pairs of lists cost 5.7 MiB on temporal, the run's peak).
            self._summaries = {}
            for display, file in self.facts.items():
                if file and not file.complete and not display.endswith("_test.go"):
                    keys = self._summaries.setdefault(os.path.dirname(self.abspaths[display]), {})
                    for declared in file.functions:
                        known = keys.get(declared.key)
                        keys[declared.key] = display if known is None else \
                            (known if isinstance(known, list) else [known]) + [display]
        found = self._summaries.get(function.id[0], {}).get(function.id[1], ())
        return [display for display in ([found] if isinstance(found, str) else found) if display not in self.tried]

    def serves(self, fid: tuple) -> bool:
        if fid in self.answers:
            return self.answers[fid]
        graph = self.graph or self._rebuild()
        budget, rounds = len(self.tried) + _SEARCH_FILES, 0
        # Within its program, for a main package's function: an answer of another search may
        # count what this program does not import.
        program = program_of(graph, fid)
        # Each function seen, with the one it was reached from: a serving function's callers on
        # the way serve too, which ends a later search that meets one of them.
        seen: dict[tuple, tuple | None] = {fid: None}
        frontier = [fid]
        while frontier:
            following, waiting, files = [], [], set()
            for current in frontier:
                function = graph.functions.get(current)
                if function is None or self.answers.get(current) is False:
                    continue
                if not function.complete:
                    # Its declarations (one per build-tag variant) in files not yet completed.
                    declaring = self._declaring(function)
                    if not declaring:
                        self.answers[fid] = True  # unreadable: it may serve
                        return True
                    files.update(declaring)
                    waiting.append(current)
                    continue
                if self.answers.get(current) and program is None or serves_directly(graph, function, self.calls):
                    while current is not None:
                        # Not a main package's function from a search not narrowed to its
                        # program: asked itself, it is searched within that program.
                        if program is not None or program_of(graph, current) is None or current == fid:
                            self.answers[current] = True
                        current = seen[current]
                    return True
                if any(map(calls_a_runner, function.events)) and self._complete_commands(graph):
                    graph = self._rebuild()
                    waiting.append(current)
                    continue
                for callee in successors(graph, function, lambda f: self.more(graph, f)):
                    if callee not in seen and (program is None or callee[0] in program):
                        seen[callee] = current
                        following.append(callee)
            rounds += bool(files)
            if files and (len(self.tried | files) > budget or rounds > _SEARCH_ROUNDS):
                self.answers[fid] = True  # too far to tell: it may serve, and keeps its findings
                return True
            if files and self._complete(files):
                graph = self._rebuild()
            frontier = following + waiting
        # Nothing it may run serves: neither does anything the search saw, unless the search was
        # narrowed to one program (another may run namesakes this one cannot).
        for current in seen if program is None else (fid,):
            self.answers[current] = False
        return False

    def release(self) -> None:
        if self.graph is not None:
            self.graph.release()
