"""SL004 config-load-without-gc-control: a config load reached from program start with no GC control."""

from __future__ import annotations

from collections import deque
from functools import lru_cache

from golint_startup.go.callgraph import completion, facts as callfacts, graph as callgraph
from golint_startup.go.constants import Constants
from golint_startup.go.library import DEBUG, DEFAULT_LIMIT_IMPORTS, DEFAULT_LIMITS, DEFAULT_LOADS, RUNTIME, VIPER
from golint_startup.go.gofile import GoFile, header
from golint_startup.go.syntax import captures, text
from golint_startup.rule import MODULE_FILES, TEST_SUPPORT_FACTS, Finding, GeneratedFacts, Location, Notification, Option, Rule

HELP = """\
## What it does
Flags a configuration load that a program reaches from its start while the Go runtime
does not know the container's memory limit: no `GOMEMLIMIT` the code can see, no
`debug.SetMemoryLimit`, no other GC control in effect. The load itself is rarely large:
measured with a heap profile (and `GODEBUG=inittrace=1`) of a program that calls
`viper.ReadInConfig` on a YAML file, it allocates about 22 KB for a 315-byte file and
64 KB for a 10 KB file. The finding is that the rest of startup allocates, from this
point on, with a collector paced by `GOGC` alone. A load is a call of one of `load-functions`: by default viper's
`ReadInConfig`, `ReadConfig`, `MergeInConfig`, `ReadRemoteConfig` and
`WatchRemoteConfig`, as package functions (`viper.ReadInConfig()`) or as methods of a
`*viper.Viper` (`v := viper.New(); v.ReadInConfig()`).

Programs start at `main` in package `main` and at every package-level `func init()`;
package-level `var` initializers run during initialization too and count as starts. From
there the rule follows calls and function values (`cobra.OnInitialize(initConfig)`,
`http.HandleFunc("/", h)`, function literals) through the files and packages of the Go
module; a function value counts as called where it is referenced, with one exception: a
command framework's function (cobra's `Run*`, `PreRun*` and `PersistentPreRun*` fields,
urfave/cli's `Action` and `Before`) stored in the literal of a package-level variable
(`var rootCmd = &cobra.Command{RunE: run}`, or a wrapper call such as
`RunE: withStore(f)`, whose result is what runs) runs when the framework runs the command,
so it is reached from every call of `Execute`, `ExecuteC`, `ExecuteContext`,
`ExecuteContextC` (cobra) or `Run`, `RunContext` (urfave/cli) in its package or a package
that imports it, directly or not (`main -> cmd.Execute -> run`), and from the variable's
initializer only when no such call exists. Packages of
other modules count when they are on disk for the same build: listed in the `go.work`
that uses the module, or the target of a local `replace` in `go.mod` (and linted in the
same run). A load is reported when **some** path from a start reaches it without one of
these, earlier on the path (in the function itself or in a caller before the call that
leads on):
- a memory limit: `debug.SetMemoryLimit` (or a function of `memory-limit-functions`,
  such as automemlimit's `memlimit.SetGoMemLimitWithOpts`) called earlier, directly or
  through a function of the module that calls it; a package that imports
  `github.com/KimMachineGun/automemlimit` has the limit set before it initializes;
- `debug.SetGCPercent(-1)` called earlier and restored later (`defer
  debug.SetGCPercent(debug.SetGCPercent(-1))` qualifies);
- `runtime.GC()` called after it, directly or through a function of the module that
  calls it directly.

The finding names the start (entry point) of an unguarded path, with the path, and the
other starts with an unguarded path to the same load (up to three in all, then how many
more); each named start is a related location. Loads no start reaches (library code
whose callers are outside the module) are not reported.

Method calls are resolved without type checking, where the receiver's type is evident
from the syntax: the method's receiver, parameters, `x := T{}`, `&T{}`, `new(T)`,
`x := NewT()` (a function of the module whose first result is `T` or `*T`), `var x T`,
package-level variables, and struct fields declared in the module (`s.cfg.Load()`),
including fields and methods promoted from one embedded struct. A call through an
interface or a function-typed field is not followed. A method call whose receiver type
cannot be told counts as a load when its name is a load function's and its file
imports that function's package. Conditions are not evaluated: a limit set inside an
`if` counts.

## Why it matters at startup
Without a memory limit the garbage collector's only pacing signal is `GOGC`: the next
collection starts when the heap has grown by roughly `GOGC`% (100 by default) over what
was live after the previous one. The Go runtime does not read the container's memory limit
(the cgroup limit) by itself; it knows one only when `GOMEMLIMIT` is set in the
environment or the program calls `debug.SetMemoryLimit`. At startup the heap is small
and growing fast, and decoding a configuration allocates a lot of short-lived memory:
viper reads the whole file into memory, parses it into nested `map[string]any` values,
and decoding into structs copies it again. That garbage, added to the startup heap,
can push the process past the container limit before the collector runs, and the
kernel kills it (OOMKilled, exit 137) before it ever serves. With a memory limit the
collector works harder as the heap nears the limit and frees the decoding garbage in
time. The limit is soft: the runtime lets the heap exceed it rather than spend more than
about half of the CPU on collection, and it cannot help when live data alone exceeds it.
Collecting right after the load
(`runtime.GC()`, which blocks the caller for a full collection) also frees that garbage
before the rest of startup builds on it. A `debug.SetGCPercent(-1)` that is restored
after the load is accepted as a deliberate decision about the GC around the load, not as
a protection: while the GC is off nothing is freed (see SL007).

## Example
```go
func init() {
    cobra.OnInitialize(initConfig)
}

func initConfig() {
    viper.SetConfigFile(cfgFile)
    if err := viper.ReadInConfig(); err == nil { // SL004: reached from init with no GC control
        fmt.Println("Using config file:", viper.ConfigFileUsed())
    }
}
```

## How to fix
In one line: set `GOMEMLIMIT` (for example from the container's limit), call
`debug.SetMemoryLimit` before the load, or blank-import
`github.com/KimMachineGun/automemlimit` in the main package.

Set the memory limit before the load, on every path that reaches it. The simplest is
the environment: `GOMEMLIMIT` set from the container's limit (for example through the
Kubernetes downward API, `resourceFieldRef: {resource: limits.memory}`; a value somewhat
below the limit leaves room for memory the Go runtime does not manage) needs no code,
but this rule cannot see it: disable the rule
(`ignore = ["SL004"]`) if your deployment sets it. In code, set the limit as early as
possible, in `main` before anything else runs, or in the function that loads:
```go
func initConfig() {
    debug.SetMemoryLimit(limitFromCgroup()) // or: import _ "github.com/KimMachineGun/automemlimit"
    viper.SetConfigFile(cfgFile)
    if err := viper.ReadInConfig(); err == nil { // not flagged
        fmt.Println("Using config file:", viper.ConfigFileUsed())
    }
}
```
A callback registered in `init` (such as `cobra.OnInitialize(initConfig)`) is treated
as called where it is registered, so a limit set later in `main` does not cover it: set it
in the callback (or in a function the callback calls before loading), or import
automemlimit in the package that registers the callback. A cobra command's `RunE` is
covered by a limit set in `main` before `Execute`.

## Options
- `load-functions` (list of strings, default the five viper functions above): each entry
  is `import/path.Name`. It matches the package-level function `Name` of that package
  and a method `Name` of any type declared in it, so `github.com/spf13/viper.ReadInConfig`
  covers both `viper.ReadInConfig()` and `(*viper.Viper).ReadInConfig`. Functions of your
  own module can be listed the same way (`example.com/app/internal/config.Load`).
- `memory-limit-functions` (list of strings, same format, default
  `runtime/debug.SetMemoryLimit` and automemlimit's `memlimit.Set*`): calls that set a
  memory limit.
- `memory-limit-imports` (list of strings, default
  `["github.com/KimMachineGun/automemlimit"]`): packages whose import (usually blank)
  sets a memory limit while the program initializes.
"""


def _qualified(names) -> tuple[frozenset[tuple[str, str]], tuple[str, ...]]:
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


def _classifier(file: GoFile, options: dict):
    """Labels the calls that control the GC, or None when the file imports nothing that does."""
    limits, _ = _qualified(options["memory-limit-functions"])
    control_paths = {path for path, _ in limits} | {RUNTIME, DEBUG}
    local_names = {name for name, path in file.imports.items() if path in control_paths}
    if not local_names:
        return None

    declared = {text(node) for node in captures(_DECLARED, file.root).get("name", ())} & local_names

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
            return "memlimit"
        if callee == (RUNTIME, "GC"):
            return "gc"
        if callee == (DEBUG, "SetGCPercent"):
            arguments = call.child_by_field_name("arguments")
            argument = arguments.named_children[0] if arguments is not None and arguments.named_children else None
            value = Constants(file).value(argument) if argument is not None else None
            return "gcoff" if value is not None and value < 0 else "gcon"
        return None

    return classify


def _complete_facts(file: GoFile, options: dict) -> dict:
    load_names = {name for _, name in _qualified(options["load-functions"])[0]}
    return callfacts.file_facts(file, _classifier(file, options), keep_untyped_call=load_names.__contains__)


@lru_cache(maxsize=None)
def _spelled_names(loads: tuple[str, ...], limits: tuple[str, ...]) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
    """The names, as source bytes, that a load call and a GC-control call spell."""
    return (tuple(sorted({name.encode("utf-8") for _, name in _qualified(loads)[0]})),
            tuple(sorted({name.encode("utf-8") for _, name in _qualified(limits)[0]} | {b"GC"})))


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
    loads, bad_loads = _qualified(options["load-functions"])
    _, bad_limits = _qualified(options["memory-limit-functions"])
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
    edges = {fid: list(graph.edges(f)) for fid, f in graph.functions.items()}

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

    for function, event, resolved in load_sites:
        if function.display not in project.reported:
            continue
        next_hop = callgraph.shortest_paths_to(function.id, predecessors)
        reaching = sorted((fid for fid in next_hop if fid in entry_rank), key=entry_rank.get)
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
        named = [graph.functions[fid] for fid in reaching[:_NAMED_ENTRIES]]
        related = tuple(Location(f.display, *(f.name_loc or (1, 1, 1, 1)), message=f"entry point: {_entry_name(f)}")
                        for f in named)
        yield Finding(RULE.id, f"{load} loads configuration while the Go runtime does not know the container's "
                               f"memory limit: no memory limit or other GC control on the path from "
                               f"{_entry_name(entry)}: {path}; {_also(named[1:], len(reaching) - len(named))}{_FIX}",
                      Location(function.display, *event.span), related=related)


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


RULE = Rule(
    id="SL004",
    name="config-load-without-gc-control",
    level="warning",
    summary="config loaded at startup with no memory limit or other GC control in effect",
    description="A configuration load (viper ReadInConfig and friends) is reachable from main or an init "
                "function with no GC control on the way: no memory limit set before it, no collection "
                "after it. Decoding allocates while the heap is small and the runtime does not know the "
                "container's memory limit, so startup garbage can push the process into an OOM kill.",
    help=HELP,
    options=(
        Option("load-functions", list(DEFAULT_LOADS), "functions and methods that load configuration"),
        Option("memory-limit-functions", list(DEFAULT_LIMITS), "functions that set a memory limit"),
        Option("memory-limit-imports", list(DEFAULT_LIMIT_IMPORTS), "packages whose import sets a memory limit"),
    ),
    tags=("gc", "memory", "config"),
    precision="medium",
    collect=collect,
    check_project=check_project,
    requires=(MODULE_FILES, TEST_SUPPORT_FACTS, GeneratedFacts("wire-generated", "Wire's generated injectors",
                                                               accepts=wired_by_wire)),
)
