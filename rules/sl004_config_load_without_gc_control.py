"""SL004 config-load-without-gc-control: a config load reached from program start with no GC control."""

from __future__ import annotations

import os
from collections import deque
from dataclasses import replace
from functools import lru_cache

from golint_startup.go import gccontrol, startup
from golint_startup.go.callgraph import completion, facts as callfacts, graph as callgraph
from golint_startup.go.configfiles import ConfigFile, config_file, config_source
from golint_startup.go.library import DEFAULT_LIMIT_IMPORTS, DEFAULT_LIMITS, DEFAULT_LOADS, VIPER
from golint_startup.go.gofile import GoFile, header
from golint_startup.rule import MODULE_FILES, SERVING_PROGRAMS, STARTUP_MODEL, Finding, GeneratedFacts, Location, \
    Notification, Option, Rule


def _classifier(file: GoFile, options: dict) -> gccontrol.Classifier | None:
    return gccontrol.classifier(file, options["memory-limit-functions"])


def _complete_facts(file: GoFile, options: dict) -> dict:
    load_names = {name for _, name in gccontrol.qualified(options["load-functions"])[0]}
    return callfacts.file_facts(file, _classifier(file, options), keep_untyped_call=load_names.__contains__)


@lru_cache(maxsize=None)
def _spelled_names(loads: tuple[str, ...], limits: tuple[str, ...]) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
    """The names, as source bytes, that a load call and a GC-control call spell."""
    return (tuple(sorted({name.encode("utf-8") for _, name in gccontrol.qualified(loads)[0]})),
            tuple(sorted({name.encode("utf-8") for _, name in gccontrol.qualified(limits)[0]} | {b"GC"})))


def _may_hold_seed(file: GoFile, options: dict) -> bool:
    """Whether the file's text could hold a load or a call that controls the GC.

    Every such call spells the function's name, so a file without any of the names holds
    none; its events are computed later only if a path to a load may run through it.
    """
    load_names, control_names = _spelled_names(tuple(options["load-functions"]),
                                                tuple(options["memory-limit-functions"]))
    if any(name in file.source for name in load_names):
        return True
    return _classifier(file, options) is not None and any(name in file.source for name in control_names)


def collect(file: GoFile, options: dict):
    """Complete facts for files that may hold a load or GC control; a top-level summary for
    the rest, completed by check_project only for files on a path to a load (most trees
    have none), through the run's cache, so a warm run still parses nothing."""
    if file.is_test:
        return None
    if _may_hold_seed(file, options):
        return _complete_facts(file, options)
    return callfacts.file_summary(file)


class _Control:
    """Where, inside one function, GC control is in effect."""

    def __init__(self, limits=(), offs=(), ons=(), collections=()):
        self.limits, self.offs, self.ons, self.collections = limits, offs, ons, collections

    def covers(self, position: int) -> bool:
        return any(p < position for p in self.limits) or \
            (any(p < position for p in self.offs) and any(p > position for p in self.ons)) or \
            any(p > position for p in self.collections)


def _display_name(function: callgraph.Function, home: callgraph.Package | None = None) -> str:
    package = function.package
    prefix = f"{package.name}." if home is None or package is not home else ""
    if function.kind == "lit":
        return f"func literal at line {function.name_loc.line}"
    if function.kind == "var":
        return f"the initializer of var {function.key[4:]}"
    if function.key.startswith("init#"):
        return f"{prefix}init"
    return prefix + function.key


def _entry_name(function: callgraph.Function) -> str:
    if function.kind == "var":
        return f"the initializer of package-level var {function.key[4:]} (package {function.package.name})"
    if function.key.startswith("init#"):
        return f"func init of package {function.package.name}"
    return f"{function.package.name}.main"


def check_project(project, options: dict):
    loads, bad_loads = gccontrol.qualified(options["load-functions"])
    _, bad_limits = gccontrol.qualified(options["memory-limit-functions"])
    for bad in bad_loads + bad_limits:
        project.notify(Notification(f"SL004: ignoring option entry {bad!r}: expected \"import/path.Name\"",
                                    level="warning"))
    if not loads:
        return
    facts = {d: f for d, f in project.facts.items() if f}
    # No call crosses from one group of modules to another: each is analyzed on its own, so a
    # tree of many modules costs the sum of its modules, not their product.
    for group in callgraph.module_groups(facts, project.abspaths):
        yield from _check_modules(project, group, options, loads)


def _check_modules(project, facts: dict, options: dict, loads):
    """SL004's findings in one group of modules (see callgraph.module_groups)."""
    load_names = {name for _, name in loads}
    load_packages = {path for path, _ in loads}
    limit_imports = set(options["memory-limit-imports"])

    def is_load(function: callgraph.Function, resolved: callgraph.Resolved) -> bool:
        if resolved.function is not None:
            target = resolved.function
            name = target.key.rsplit(".", 1)[-1]
            return (target.package.import_path, name) in loads
        if resolved.external is not None:
            return resolved.external in loads
        if resolved.unresolved and resolved.method_name in load_names:
            imported = set(graph.file_imports.get(function.display, {}).values())
            return bool(imported & load_packages)
        return False

    def loads_in(graph: callgraph.ModuleGraph, function: callgraph.Function) -> bool:
        return any(event.kind == "call" and is_load(function, resolved) for event, resolved in graph.edges(function))

    def controls(function: callgraph.Function) -> bool:
        return any(event.kind == "memlimit" for event in function.events)

    # Without a load there is nothing to report; otherwise the events of every function on a
    # path to a load, or to a call that sets a memory limit, are filled in. Every load is a
    # call that spells a load function's name: most trees have none, and building the graph
    # is not needed to see that.
    if not any(event.kind == "call" and callgraph.target_name(event.target) in load_names
               for file_facts in facts.values() for function in file_facts.functions
               for event in function.events or ()):
        return
    graph = callgraph.ModuleGraph(facts, project.abspaths)
    if not any(loads_in(graph, function) for function in graph.functions.values() if function.events):
        return
    _, graph = completion.complete(
        facts, project.abspaths, lambda graph, function: controls(function) or loads_in(graph, function),
        project.read,
        lambda display: project.facts_on_demand(
            display, lambda file: None if file.is_test else _complete_facts(file, options)))
    # Loads that run per request are no startup's: a handler registration's function values
    # are no edges (gin-vue-admin's reload handler, open-im's reset_config route), as in the
    # startup model, and neither is a value of a request handler's type.
    startup.leave_out_what_runs_later(graph, project.settings.startup)
    edges = {fid: [(event, resolved) for event, resolved in graph.edges(f)
                   if resolved.function is None or not startup.runs_per_request(event, resolved.function)]
             for fid, f in graph.functions.items()}

    # A limit, once set, holds for the rest of the run: a call to any function that sets one,
    # however deep, sets it. A collection only helps right after the load: a function counts
    # when it calls runtime.GC() itself (a wrapper), not when a collection lies deeper (such as
    # one before writing a heap profile at exit).
    sets_limit = {fid for fid, f in graph.functions.items() if any(e.kind == "memlimit" for e in f.events)}
    forces_gc = {fid for fid, f in graph.functions.items() if any(e.kind == "gc" for e in f.events)}
    # Breadth-first over reversed call edges (a fixed-point loop over all functions was
    # quadratic in the length of a call chain).
    limit_callers: dict[tuple, list[tuple]] = {}
    for fid, function_edges in edges.items():
        for event, resolved in function_edges:
            if event.kind == "call" and resolved.function is not None:
                limit_callers.setdefault(resolved.function.id, []).append(fid)
    reached = deque(sets_limit)
    while reached:
        for caller in limit_callers.get(reached.popleft(), ()):
            if caller not in sets_limit:
                sets_limit.add(caller)
                reached.append(caller)

    control = {}
    for fid, function in graph.functions.items():
        limits = [e.position for e in function.events if e.kind == "memlimit"]
        collections = [e.position for e in function.events if e.kind == "gc"]
        for event, resolved in edges[fid]:
            if event.kind == "call" and resolved.function is not None:
                if resolved.function.id in sets_limit:
                    limits.append(event.position)
                if resolved.function.id in forces_gc:
                    collections.append(event.position)
        control[fid] = _Control(tuple(limits), tuple(e.position for e in function.events if e.kind == "gcoff"),
                                tuple(e.position for e in function.events if e.kind == "gcon"), tuple(collections))

    predecessors: dict[tuple, list[tuple]] = {}
    load_sites = []
    for fid, function_edges in edges.items():
        function = graph.functions[fid]
        for event, resolved in function_edges:
            if control[fid].covers(event.position):
                continue
            if event.kind == "call" and is_load(function, resolved):
                load_sites.append((function, event, resolved))
            elif resolved.function is not None and resolved.function.id != fid:
                predecessors.setdefault(resolved.function.id, []).append(fid)

    entries = []
    for function in graph.functions.values():
        package = function.package
        if package.imports & limit_imports:
            continue  # the limit is set before this package initializes
        if function.is_root:
            entries.append(function)
    entry_rank = {fid: i for i, fid in enumerate(
        f.id for f in sorted(entries, key=lambda f: (f.kind == "var", f.key != "main", f.display, f.name_loc or ())))}

    # One finding per function and entry point: loads in one function (in the branches of an
    # `if` choosing the file, as lakeFS, gorush and 1Panel do) need the one memory limit, so
    # the others are related locations.
    findings: dict[tuple, Finding] = {}
    sites: dict[tuple, list[tuple[str, tuple]]] = {}  # the loads of each finding: (path, span)
    said: dict[tuple, tuple[str, str]] = {}  # each finding's message, around where the file it reads goes
    searched: dict[tuple, tuple] = {}
    for function, event, resolved in sorted(load_sites, key=lambda site: (site[0].display, site[1].span)):
        if function.display not in project.reported:
            continue
        if function.id not in searched:  # the loads of one function share their paths
            next_hop = callgraph.shortest_paths_to(function.id, predecessors)
            searched[function.id] = next_hop, sorted((fid for fid in next_hop if fid in entry_rank),
                                                      key=entry_rank.get)
        next_hop, reaching = searched[function.id]
        if not reaching:
            continue
        entry = graph.functions[reaching[0]]
        hops, node = [], entry.id
        while node is not None:
            hops.append(graph.functions[node])
            node = next_hop[node]
        path = " -> ".join(_display_name(f, entry.package) for f in hops)
        if resolved.function is not None:
            load = f"{resolved.function.package.name}.{resolved.function.key}"
        elif resolved.external is not None and resolved.external[0] == VIPER and resolved.method_name:
            load = f"(*viper.Viper).{resolved.method_name}"
        elif resolved.external is not None:
            load = f"{resolved.external[0].rsplit('/', 1)[-1]}.{resolved.external[1]}"
        else:
            load = resolved.method_name
        key = (entry.id, function.id)
        sites.setdefault(key, []).append((function.display, tuple(event.span)))
        if key in findings:
            earlier = findings[key]
            findings[key] = replace(earlier, related=earlier.related + (Location(
                function.display, *event.span, message=f"{load} loads configuration in the same function too"),))
            continue
        named = [graph.functions[fid] for fid in reaching[:_NAMED_ENTRIES]]
        related = tuple(Location(f.display, *(f.name_loc or (1, 1, 1, 1)), message=f"entry point: {_entry_name(f)}")
                        for f in named)
        said[key] = (f"{load} loads configuration",
                     f" while the Go runtime does not know the container's memory limit: no memory limit or other GC "
                     f"control on the path from {_entry_name(entry)}: {path}; "
                     f"{_also(named[1:], len(reaching) - len(named))}{_FIX}")
        findings[key] = Finding(RULE.id, "".join(said[key]), Location(function.display, *event.span), related=related)
    # A load the startup model reaches from no root runs later: a function value kept where
    # this search cannot see it kept (gin-vue-admin's reload handlers, appended to a slice a
    # request handler runs).
    startup_model = getattr(project, "startup", None)
    at_startup = startup_model.at_startup({_position(f.location) for f in findings.values()}) \
        if startup_model is not None and findings else None
    minimum = options["min-load-bytes"]
    for key, finding in findings.items():
        if at_startup is not None and _position(finding.location) not in at_startup:
            continue
        entry_dir = os.path.dirname(project.abspaths[graph.functions[key[0]].display])
        read = _largest_read(project, sites[key], entry_dir)
        # The file decides: a load of a few KB (most configs) is too small to matter, and
        # one whose file is not in the tree (given by a flag, in $HOME) cannot be sized.
        if minimum and (read is None or read.allocated < minimum):
            continue
        loads, rest = said[key]
        yield replace(finding, message=loads + (f" ({read.describe()})" if read else "") + rest)


def _largest_read(project, sites: list[tuple[str, tuple]], entry_dir: str) -> ConfigFile | None:
    """The largest file of the tree that the loads at `sites` read."""
    reads = []
    for display, span in sites:
        source = project.facts_on_demand(display, lambda file: config_source(file, span),
                                         kind="config@" + ":".join(map(str, span)))
        read = config_file(source, os.path.dirname(project.abspaths[display]), entry_dir, project.cwd) \
            if source is not None else None
        if read is not None:
            reads.append(read)
    return max(reads, key=lambda read: read.allocated, default=None)


def _position(location: Location) -> tuple[str, int, int]:
    return location.path, location.line, location.col


# Entry points a message names (each also a related location); the rest are counted.
_NAMED_ENTRIES = 3
_FIX = ("fix: set GOMEMLIMIT (e.g. from the container's limit), call debug.SetMemoryLimit before the load, "
        "or blank-import github.com/KimMachineGun/automemlimit")


def _also(others: list[callgraph.Function], more: int) -> str:
    """"also unguarded from A, B and 2 more entry points; " ("" without other entry points)."""
    if not others:
        return ""
    names = [_entry_name(f) for f in others]
    if more:
        names.append(f"{more} more entry point{'s' if more > 1 else ''}")
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"also unguarded from {listed}; "


def wired_by_wire(source: bytes) -> bool:
    """Wire's output (wire_gen.go) connects main to the loaders: the graph must see it."""
    return b"// Code generated by Wire. DO NOT EDIT." in header(source)


RULE = Rule.from_docs(
    __file__,
    options=(
        Option("load-functions", list(DEFAULT_LOADS), "functions and methods that load configuration"),
        Option("memory-limit-functions", list(DEFAULT_LIMITS), "functions that set a memory limit"),
        Option("memory-limit-imports", list(DEFAULT_LIMIT_IMPORTS), "packages whose import sets a memory limit"),
        Option("min-load-bytes", 8 << 20, "smallest estimated allocation of a load (its file's size times what viper "
                                          "allocates per byte of that format) that is reported; 0 reports every "
                                          "load, also of a file not found in the tree"),
    ),
    collect=collect, check_project=check_project,
    requires=(MODULE_FILES, STARTUP_MODEL, SERVING_PROGRAMS, GeneratedFacts("wire-generated", "Wire's generated injectors",
                                                               accepts=wired_by_wire)),
)
