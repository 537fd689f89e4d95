"""On-demand completion: fill in the events of the files a path to a seed may run through.

A rule collects complete facts only for files that may hold a seed (for SL004, a config
load or a GC control call) and summaries (`facts.file_summary`) for the rest. `complete`
then searches the summarized files' source for the names of the functions that reach a
seed, and completes the files that spell one, until no new one turns up. Files are read
and completed only through the callables the caller passes (the run's hardened reader
and its cache of derived facts), never opened here.
"""

from __future__ import annotations

import os
import re
from collections import deque
from typing import Callable, Iterable

from golint_startup.go.callgraph.facts import FileFacts
from golint_startup.go.callgraph.graph import RUNNER_NAMES, Function, ModuleGraph
from golint_startup.go.syntax import exported

ANY_FILE = "*"  # see callable_spelling
_THROUGH_INTERFACE = "interface"  # a method's spelling in the packages importing an interface it implements


def callable_spelling(function: Function) -> tuple[str, bool, str, str | None] | None:
    """What a call or reference to `function` spells, and where: (identifier, right after a
    dot, its package's directory, which other files can spell it), or None.

    A package-level variable of one name holding a function value is spelled as a function
    is (a call through it). A
    method is only ever reached through a selector (`x.M`, `T.M`, `x.\n\tM`), so its
    callers spell `.M` (perhaps with space or comments after the dot), and an exported
    method can be called wherever a value of its type flows: ANY_FILE. A function is spelled
    bare in its own package and `pkg.F` elsewhere, which needs an import of its package: the
    import path (a dot import, spelling it bare, is not followed by the graph either). An
    unexported name is visible only inside its package (Go's rule for identifiers): None.
    """
    if function.kind == "func":
        if function.key.startswith("init#"):
            return None
        name, dotted = function.key, False
    elif function.kind == "method":
        name, dotted = function.key.split(".", 1)[1], True
    elif function.kind == "var" and "," not in function.key and any(e.kind == "init" for e in function.events):
        name, dotted = function.key[4:], False  # a call through the variable (graph._variable_values)
    else:
        return None
    package = function.package
    if not exported(name):
        return name, dotted, package.directory, None
    return name, dotted, package.directory, ANY_FILE if dotted or not package.import_path else package.import_path


def complete(facts: dict[str, FileFacts], abspaths: dict[str, str], is_seed: Callable[[ModuleGraph, Function], bool],
             read: Callable[[str], bytes | None],
             compute: Callable[[str], FileFacts | None],
             more_callees: Callable[[ModuleGraph, Function], Iterable[Function]] | None = None,
             runners: dict[str, set[str]] | None = None,
             callees: Callable[[ModuleGraph, Function], Iterable[Function]] | None = None,
             reaches_seed: set[tuple] | None = None, follow_values: bool = False,
             more_seeds: Callable[[ModuleGraph, set[tuple]], set[tuple]] | None = None, more_rounds: int = 0) \
        -> tuple[dict[str, FileFacts], ModuleGraph]:
    """Fill in the events of every function that reaches a seed, and return the facts and their graph.

    `facts` may hold summaries beside complete facts; seeds are found among the functions
    whose events are known. A function reaching a seed calls or references a function that
    does, so its declaration spells that function's name (see `callable_spelling`): the
    summaries whose source (`read(display)`, None when unreadable) contains such a spelling
    are completed with `compute(display)` until no new one turns up. Functions left without
    events reach no seed, so for every function that does, the graph's edges and callers
    are those of the complete graph.

    A function without events may be a seed too (the startup model's seeds are the functions
    findings lie in). `more_callees(graph, function)`: what else a function with events
    runs, beyond its resolved events (the startup model's runner calls); `runners`: for a
    method name, the names of the calls that run the methods of that name among
    `more_callees` (`Execute` <- `Parse`), which the files calling them spell instead.
    `callees(graph, function)`: the functions a function with events runs, in place of its
    resolved events and `more_callees` (the startup model's startup edges: what runs only
    later cannot lead a path to a seed). `reaches_seed`, when given, receives the ids of the
    functions that reach a seed in the returned graph.

    `more_seeds(graph, reaching)`: once no file is left to complete, further seeds that the
    functions reaching a seed call for (the startup model's creators of the types a call
    through an interface runs); asked at most `more_rounds` times, each round's answers kept.

    With `follow_values`, a function reaching a seed kept in a slot (graph.slot_values) is
    reached where the slot is called, which spells the slot's name; and the files of the
    module functions that functions reaching a seed hand a function value to are completed
    (a constructor or registry may keep the value in a slot).
    """
    facts = dict(facts)
    searched: set[tuple[str, bool, str, str | None]] = set()
    unreadable: set[str] = set()
    # (is a seed, ids of the functions it calls or references) of each function with events.
    # Resolution reads only the declarations, which summaries hold too: a function keeps its
    # answer from round to round unless a file declaring it was completed since.
    known: dict[tuple, tuple[bool, list]] = {}
    completed_ids: set[tuple] = set()
    added: set[tuple] = set()  # the seeds more_seeds gave
    commands = None
    graph = None
    while True:
        if graph is not None:
            graph.release()
        graph = ModuleGraph(facts, abspaths)
        # Which stored command functions the calls of the group run (see ModuleGraph.edges) may
        # change with any completed file: the answers of every function then.
        if commands != (graph.stored_commands(), graph.commands_run()):
            commands = (graph.stored_commands(), graph.commands_run())
            known.clear()
        callers: dict[tuple, list[tuple]] = {}
        reaching = deque()
        seen: set[tuple] = set()
        for fid, function in graph.functions.items():
            if fid not in known or fid in completed_ids:
                if not function.events:
                    known[fid] = (fid in added or is_seed(graph, function), [])
                else:
                    if callees is not None:
                        called = [callee.id for callee in callees(graph, function)]
                    else:
                        called = [r.function.id for _, r in graph.edges(function) if r.function is not None]
                    # What it returns or stores in a variable runs where that is called, which
                    # spells this function's (or the variable's) name.
                    called += [value.id for value in graph.stored(function)]
                    if more_callees is not None:
                        called += [callee.id for callee in more_callees(graph, function)]
                    known[fid] = (fid in added or is_seed(graph, function), called)
            seed, called = known[fid]
            if seed:
                seen.add(fid)
                reaching.append(fid)
            for callee in called:
                callers.setdefault(callee, []).append(fid)
        completed_ids.clear()
        while reaching:
            for caller in callers.get(reaching.popleft(), ()):
                if caller not in seen:
                    seen.add(caller)
                    reaching.append(caller)
        spellings = {callable_spelling(graph.functions[fid]) for fid in seen} - {None}
        receivers: set[str] = set()
        if follow_values:
            for fid in seen:
                function = graph.functions[fid]
                spellings.update(_slot_spelling(graph, slot) for slot in graph.slots_holding(function))
                if function.kind == "method":
                    # Called through an interface it implements: spelled where that interface's package is imported.
                    spellings.update((function.key.split(".", 1)[1], True, directory, _THROUGH_INTERFACE)
                                     for directory in graph.interfaces_implemented(function))
                receivers.update(_receivers(graph, function))
        if seen & commands[0]:
            # A stored command function reaches a seed: the calls that run it spell a runner's name.
            spellings |= {(name, True, "", ANY_FILE) for name in RUNNER_NAMES}
        if runners:
            spellings |= {(caller, True, "", ANY_FILE) for name, dotted, _, _ in spellings if dotted
                          for caller in runners.get(name, ())}
        spellings -= searched
        pending = [d for d, f in facts.items() if f and not f.complete and d not in unreadable]
        receivers = {d for d in receivers if d in facts and facts[d] and not facts[d].complete and d not in unreadable}
        if not (spellings or receivers) or not pending:
            found = more_seeds(graph, seen) - added - seen if more_seeds is not None and more_rounds and pending else ()
            if found:
                more_rounds -= 1
                added |= found
                for fid in found:
                    known[fid] = (True, known[fid][1])
                continue
            if reaches_seed is not None:
                reaches_seed.update(seen)
            return facts, graph
        searched |= spellings
        anywhere: set = set()
        in_package: dict[str, set] = {}
        by_importers: dict[str, set] = {}
        # A method of the group resolves only through types its caller's package reaches by
        # imports (graph.resolve follows each declaration's imports): the files of packages
        # importing its package, directly or not, spell it.
        methods: dict[str, set] = {}
        interfaces: dict[str, set] = {}  # an interface's package -> the names of its methods called
        for name, dotted, directory, others in spellings:
            in_package.setdefault(directory, set()).add((name, dotted))
            if others == _THROUGH_INTERFACE:
                interfaces.setdefault(directory, set()).add((name, dotted))
            elif others == ANY_FILE and dotted and directory in graph.packages:
                methods.setdefault(directory, set()).add((name, dotted))
            elif others == ANY_FILE:
                anywhere.add((name, dotted))
            elif others is not None:
                by_importers.setdefault(others, set()).add((name, dotted))
        patterns: dict[frozenset, object] = {}
        for display in pending:
            directory = os.path.dirname(abspaths[display])
            wanted = anywhere | in_package.get(directory, set())
            package = graph.packages.get(directory)
            for declarer, names in methods.items():
                # Called through an interface of a package the declarer imports, too.
                if package is None or declarer in graph.imported_closure(package):
                    wanted = wanted | names
            for interface_directory, names in interfaces.items():
                if package is not None and interface_directory in graph.imported_closure(package):
                    wanted = wanted | names
            for _, path in facts[display].imports:
                wanted |= by_importers.get(path, set())
            if not wanted and display not in receivers:
                continue  # nothing searched for can be spelled in this file
            key = frozenset(wanted)
            if key not in patterns:
                patterns[key] = _spelling_pattern(wanted) if wanted else None
            pattern = patterns[key]
            source = read(display)
            if source is None:
                unreadable.add(display)
                continue
            if display in receivers or pattern is _UNSEARCHABLE or pattern.search(source):
                completed = compute(display)
                if completed is None:
                    unreadable.add(display)
                else:
                    facts[display] = completed
                    directory = os.path.dirname(abspaths[display])
                    completed_ids.update((directory, function.key) for function in completed.functions)


def _slot_spelling(graph: ModuleGraph, slot: tuple) -> tuple[str, bool, str, str | None]:
    """What a call through a slot spells: a variable as a function is, a field after a dot."""
    name, directory = slot[-1], slot[1]
    if not exported(name):
        return name, slot[0] == "f", directory, None
    package = graph.packages.get(directory)
    if slot[0] == "f" or package is None or not package.import_path:
        return name, slot[0] == "f", directory, ANY_FILE
    return name, False, directory, package.import_path


def _receivers(graph: ModuleGraph, function: Function) -> Iterable[str]:
    """The files of the module functions, not yet completed, that `function` hands a value to."""
    if not function.complete:
        return
    for event in function.events:
        # A call's result handed on too (`WithRun(newRun(opts))`): the slot a parameter is kept
        # in is known only once the receiver's file is complete.
        if event.arg is None or event.arg.callee is None or event.kind not in ("ref", "parg", "rarg"):
            continue
        receiver = graph.resolve(event.arg.callee, function.package).function
        if receiver is not None and not receiver.complete:
            yield receiver.display


_UNSEARCHABLE = object()  # a spelling that cannot be searched for: every file may hold it


def _spelling_pattern(spellings: set[tuple[str, bool]]):
    """A bytes regex matching any of (name, right after a dot) `spellings` not inside a longer
    ASCII identifier; _UNSEARCHABLE when a name cannot be searched for as spelled (a
    replacement character from invalid UTF-8)."""
    if any("\ufffd" in name for name, _ in spellings):
        return _UNSEARCHABLE

    def alternatives(names: set[str]) -> bytes:
        return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)).encode("utf-8")

    bare = {name for name, dotted in spellings if not dotted}
    selected = {name for name, dotted in spellings if dotted} - bare  # a bare match finds `.name` too
    parts = []
    if bare:
        parts.append(rb"(?<![A-Za-z0-9_])(?:" + alternatives(bare) + rb")")
    if selected:
        # Space, a line break or even a comment may follow the dot: `x.\n\tM()`, `x. /* c */ M()`.
        # Possessive, with a block comment matched without backtracking: "./*" in a string must
        # not send the search over every later "*/" of the file.
        parts.append(rb"\.(?:\s|//[^\n]*|/\*[^*]*\*+(?:[^/*][^*]*\*+)*/)*+(?:" + alternatives(selected) + rb")")
    return re.compile(rb"(?:" + rb"|".join(parts) + rb")(?![A-Za-z0-9_])")
