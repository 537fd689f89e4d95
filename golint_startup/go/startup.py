"""The startup model: the functions that run before a program is ready, with the shortest
path from a root to each.

Roots are every `func init`, every package-level `var` initializer (function literals
called in place included) and `main` of each main package. Edges are the call graph's
(see callgraph.graph: direct calls, method calls whose receiver type the syntax tells,
function values), less what runs only later:

- function values passed to a handler registration (`library.HANDLER_REGISTRATIONS`:
  net/http, chi, gorilla/mux, gin, echo, fiber, macaron, gRPC), directly or through the wrappers
  around them (`mux.HandleFunc("/", auth(h))`);
- function values in a keyed field of a composite literal (`Handler: h`, `OnEvict: f`),
  unless a startup framework runs that field (`library.STARTUP_EDGES`: cobra's `RunE`,
  urfave/cli's `Action`, ...); in a package-level variable's literal such a field runs
  where the framework runs the command (`rootCmd.Execute()`: see callgraph.graph's edges);
- calls, function values and literals in a `go` statement, unless `follow_goroutines`;
- calls and function values in the body of a loop receiving from a channel (a `range` over
  a channel, the receive cases of a `select` in a `for` without condition), run once per
  message: see facts._receive_loop and graph.ModuleGraph.is_channel.
- calls and function values under an `if` that requires a parameter to be a non-empty
  string, or after an `if` that returns when it is empty, while every startup call of the
  function passes `""` there (facts.Context.guards; as more calls reach a function, fewer of
  its parameters are always `""` and guards open);
- what runs as the program ends or instead of serving (callgraph.facts._events_of): what
  `main` defers, a block that ends the process (`if err != nil { ...; os.Exit(1) }`), what
  follows a wait for a termination signal;
- function values only kept for later (callgraph.graph: passed to a module function that
  never calls that parameter, such as a project's own route helper; returned; the value of
  a package-level variable or a struct field, called where the variable or field is).

A function reached from a root is startup code, however else it is reached (a helper of
main and of a handler runs at startup at least once).

Serving paths (`Model.serving`, for the rules scoped to startup unless `programs` is
"all"): startup is what a program runs before it is ready, and only a program that serves
is ever waited on. So a serving path starts at a `main` that serves (go.serving: reaches a
serving call by any means) or at an `init` or package-level initializer of a package that
such a main imports, or that no main of the module imports (a library's), and every command a
framework runs on it (cobra's `Run`/`RunE`, urfave's `Action`, ff's `Exec`, the methods of a
runner entry, a command table's `Run` in the go command's own style, what a case of a switch
over the command kingpin parsed does, `case serveCmd.FullCommand():`, taken as one command:
_case_serves) serves too: `app list` of a binary whose `app serve` runs the daemon is no
program's startup. A command's preparation (cobra's pre-runs, urfave's `Before`) runs
before the serving command as well and decides nothing.
"""

from __future__ import annotations

import os
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable

from golint_startup.go.callgraph import completion, graph as callgraph
from golint_startup.go.callgraph.facts import Context, Event, FileFacts, FunctionTarget, LiteralTarget, MemberTarget, \
    MethodTarget, ProgramFacts, Span, Target
from golint_startup.go import serving
from golint_startup.go.syntax import exported
from golint_startup.go.library import COMMAND_FIELDS, COMMAND_PREPARE_FIELDS, COMMAND_RUNNERS, HANDLER_REGISTRATIONS, \
    NON_BLOCKING_SERVING_CALLS, SERVING_CALLS, STARTUP_EDGES, handles_requests

# A step of a path: (function id, the call site in the previous step's function, or None at the root).
Step = tuple
# Whether an edge is a command a framework runs: False, True, or the case of kingpin's parsed
# command it is in, (function id, Context.command), whose events run as one command.
Command = bool | tuple[tuple, int]
# The events of a case of kingpin's command, each with the module functions it may run and
# whether it is a serving call itself.
CaseEvents = list[tuple[Event, list[callgraph.Function], bool]]


@dataclass(frozen=True)
class Options:
    edges: tuple[str, ...] = STARTUP_EDGES
    handlers: tuple[str, ...] = HANDLER_REGISTRATIONS
    follow_goroutines: bool = False
    serving: tuple[str, ...] = SERVING_CALLS
    # "services": serving paths (see the module's doc) decide the rules scoped to startup;
    # "all": every path from a root, as for a program that never serves.
    programs: str = "services"

    @property
    def services(self) -> bool:
        return self.programs == "services"


def parse_entry(entry: str) -> tuple[str, tuple[str, ...], bool] | None:
    """("import/path", names after the path, whether it ends in "()") for an "import/path.A.B"
    entry; None when malformed. The last path element may not hold a dot but a version
    suffix (gopkg.in's `macaron.v1`). A called entry may name the methods it runs after "->"
    (`Parser.Parse()->Execute`), see `runs_of`."""
    entry, arrow, runs = entry.partition("->")
    if arrow and (not entry.endswith("()") or not runs.isidentifier()):
        return None
    called = entry.endswith("()")
    body = entry[:-2] if called else entry
    slash = body.rfind("/")
    parts = body[slash + 1:].split(".")
    if len(parts) > 2 and re.fullmatch(r"v[0-9]+", parts[1]):
        parts[:2] = [f"{parts[0]}.{parts[1]}"]
    if len(parts) < 2 or not all(parts) or len(parts) > 3:
        return None
    return body[:slash + 1] + parts[0], tuple(parts[1:]), called


def runs_of(entry: str) -> str:
    """The methods a called entry's call runs: those named after "->", else of its own name."""
    return entry.partition("->")[2]


def malformed(entries: Iterable[str]) -> list[str]:
    return [entry for entry in entries if parse_entry(entry) is None]


class _Tables:
    """The edge and handler tables, parsed for lookups."""

    def __init__(self, options: Options):
        self.fields: set[tuple[str, str, str]] = set()  # (path, type, field)
        self.field_names: set[str] = set()
        # (path, method or function) -> the name of the methods its call runs
        self.runners: dict[tuple[str, str], str] = {}
        for entry in options.edges:
            parsed = parse_entry(entry)
            if parsed is None:
                continue
            path, names, called = parsed
            if called:
                self.runners[(path, names[-1])] = runs_of(entry) or names[-1]
            elif len(names) == 2:
                self.fields.add((path, *names))
                self.field_names.add(names[1])
        self.handlers = serving.Calls((parsed[0], parsed[1][0]) for parsed in map(parse_entry, options.handlers)
                                      if parsed is not None and len(parsed[1]) == 1)
        self.serving = serving.Calls((parsed[0], parsed[1][-1]) for parsed in map(parse_entry, options.serving)
                                     if parsed is not None and not parsed[2])
        # The calls that block until the program is done serving: the built-in serving calls
        # that do (a config's own entries may not), and the command frameworks' runners.
        self.blocking = serving.Calls(
            [(parsed[0], parsed[1][-1]) for parsed in map(parse_entry, set(SERVING_CALLS) - NON_BLOCKING_SERVING_CALLS)
             if parsed is not None and not parsed[2]] +
            [(path, name) for path, names in COMMAND_RUNNERS.items() for name in names] + list(self.runners))


@dataclass
class Model:
    """The reached functions of every group of modules, with a shortest path to each."""

    # function id -> (previous function id, call site span in it) or None for a root
    reached: dict[tuple, tuple | None] = field(default_factory=dict)
    functions: dict[tuple, callgraph.Function] = field(default_factory=dict)
    # display path -> [(extent span, function id)], the innermost first among overlapping ones
    extents: dict[str, list[tuple[Span, tuple]]] = field(default_factory=dict)
    # The same over serving paths only (see the module's doc), when the options ask for them.
    serving: dict[tuple, tuple | None] = field(default_factory=dict)

    def function_at(self, display: str, line: int, col: int) -> tuple | None:
        """The id of the innermost function whose extent holds (line, col)."""
        best = None
        for extent, fid in self.extents.get(display, ()):
            if (extent.line, extent.col) <= (line, col) < (extent.end_line, extent.end_col) and \
                    (best is None or (extent.line, extent.col) >= (best[0].line, best[0].col)):
                best = (extent, fid)
        return best[1] if best is not None else None

    def path_to(self, fid: tuple, serving_only: bool = False) -> list[tuple[callgraph.Function, Span | None]] | None:
        """The shortest path from a root to `fid`: (function, call site in the previous one);
        `serving_only`: the shortest serving path."""
        reached = self.serving if serving_only else self.reached
        if fid not in reached:
            return None
        steps = [(self.functions[node], site) for node, site in _walk_back(reached, fid)]
        steps.reverse()
        return steps


def display_name(function: callgraph.Function) -> str:
    """How a path names a function: `main`, `config.Load`, `server.Server.Run` (a method),
    `config.init`, `var config.x`, `func literal (line n)`: the package's name before any but main's."""
    package = function.package
    if function.kind == "lit":
        return f"func literal (line {function.name_loc.line})" if function.name_loc else "func literal"
    qualified = "" if package.name == "main" else f"{package.name}."
    if function.kind == "var":
        return f"var {qualified}{function.key[4:]}"
    return qualified + ("init" if function.key.startswith("init#") else function.key)


def build(facts: dict[str, ProgramFacts], abspaths: dict[str, str], options: Options = Options(),
          serves: Callable[[tuple], bool] | None = None, wanted: set[tuple] | None = None) -> Model:
    """The startup model of every file in `facts` (display path -> ProgramFacts or None).
    `serves(function id)`: whether a function serves (go.serving.Forward, over facts it
    completes); by default, as the graph of `facts` tells (go.serving.Servers). `wanted`: the
    functions whose serving paths matter (the rest may lack theirs), None all."""
    tables = _Tables(options)
    model = Model()
    plain = {display: program.facts for display, program in facts.items() if program}
    for group in callgraph.module_groups(plain, abspaths):
        graph = callgraph.ModuleGraph(group, abspaths)
        _reach(graph, {d: facts[d] for d in group}, tables, options, model, serves, wanted)
        graph.release()  # the model keeps the functions it reached, not the graph
    _add_extents(model, facts, abspaths)
    return model


def build_for(facts: dict[str, ProgramFacts], abspaths: dict[str, str], locations: Iterable[tuple[str, int, int]],
              read: Callable[[str], bytes | None], compute: Callable[[str], ProgramFacts | None],
              options: Options = Options()) -> Model:
    """The model as `build` would make it from complete facts, for the functions at
    `locations` ((display, line, col), findings' places): whether each is reached, and its path.

    `facts` may hold summaries (see facts.program_facts); `compute(display)` completes one
    file (None when it cannot be read). The files of `locations` are completed, their
    functions are the seeds, and `completion.complete` fills in the events of every function
    that may reach a seed. The breadth-first search from the roots then finds each seed's
    path as over complete facts: a function on a shortest path to a seed reaches the seed,
    so its events are known, and the functions that reach a seed are found in the same
    order as in the whole search (each is found first from one that reaches the seed too).
    """
    facts = dict(facts)
    tables = _Tables(options)
    for display in sorted({location[0] for location in locations}):
        program = facts.get(display)
        if program and not program.facts.complete and not display.endswith("_test.go"):
            completed = compute(display)
            if completed is not None:
                facts[display] = completed
    located = Model()
    _add_extents(located, facts, abspaths)
    seeds = {located.function_at(*location) for location in locations} - {None}
    if not seeds:
        return located

    contexts: dict[str, dict[Span, Context]] = {}

    def complete_file(display: str) -> FileFacts | None:
        completed = compute(display)
        if completed is None:
            return None
        facts[display] = completed
        contexts.pop(display, None)
        return completed.facts

    def contexts_of(display: str) -> dict[Span, Context]:
        if display not in contexts:
            program = facts.get(display)
            contexts[display] = {context.span: context for context in program.contexts} if program else {}
        return contexts[display]

    # The startup edges of the graph completion builds this round: completion follows only
    # those, as _reach does. The graph is kept beside them so that its id is not reused while
    # they are; a round's graph replaces the last one (holding every round's graph cost
    # 75 MiB on temporal).
    edges: dict[int, tuple[callgraph.ModuleGraph, _Startup]] = {}

    def successors(graph: callgraph.ModuleGraph, function: callgraph.Function) -> list[callgraph.Function]:
        if id(graph) not in edges:
            edges.clear()
            edges[id(graph)] = (graph, _Startup(graph, contexts_of, tables, options))
        return [target for _, target in edges[id(graph)][1].successors(function)]

    runners: dict[str, set[str]] = {}
    for (_, caller), name in tables.runners.items():
        runners.setdefault(name, set()).add(caller)
    # A call through an interface runs the implementations of the types reached code creates
    # (see callgraph.LiveTypes): whether a type is live is as exact as a path once the
    # functions creating it are completed like seeds, for each implementation on the way to
    # one; each such round may reach further implementations.
    plain = {display: program.facts for display, program in facts.items() if program}
    reaching: set[tuple] = set()
    _, graph = completion.complete(plain, abspaths, lambda graph, function: function.id in seeds, read,
                                   complete_file, runners=runners, callees=successors, reaches_seed=reaching,
                                   follow_values=True, more_seeds=_creators_of_dispatched,
                                   more_rounds=_CREATOR_ROUNDS)
    _complete_value_receivers(facts, abspaths, complete_file, graph, [graph.functions[fid] for fid in reaching])
    # Completion's last graph and the contexts it read are done with: free them before the
    # serving search and `build` make theirs.
    edges.clear()
    contexts.clear()
    graph.release()
    del graph
    if not options.services:
        return build(facts, abspaths, options)
    forward = serving.Forward({display: program.facts for display, program in facts.items() if program}, abspaths,
                              tables.serving, complete_file,
                              lambda graph, function: _runner_callees(graph, function, tables, {}))
    try:
        return build(facts, abspaths, options, serves=forward.serves, wanted=seeds)
    finally:
        forward.release()


# A command table in the go command's own style, which projects copy (seaweedfs' `weed`): a
# struct with a usage line and a `Run` function field, the command the first argument names
# run through it (`cmd.Run(cmd, args)`). Each command must serve, as a framework's: `weed
# update` downloads a release and exits, and a finding on its path was read as wrong.
_GO_TOOL_RUN = "Run"
_GO_TOOL_COMMAND = frozenset({_GO_TOOL_RUN, "UsageLine"})
# The fields of a command that run it (a serving path's commands must serve), not prepare it.
_RUN_FIELDS = frozenset(name for _, _, name in COMMAND_FIELDS) - COMMAND_PREPARE_FIELDS

# How many times completion (in build_for) adds seeds: the creators of the types whose methods
# a call through an interface on the way to a seed runs (see _creators_of_dispatched).
_CREATOR_ROUNDS = 4


def _creators_of_dispatched(graph: callgraph.ModuleGraph, reaching: set[tuple]) -> set[tuple]:
    """The ids of the functions that create a value of a type whose method a call through an
    interface runs, in a function reaching a seed, on the way to one."""
    wanted = set()
    for fid in reaching:
        function = graph.functions.get(fid)
        if function is None or not function.complete:
            continue
        for _, resolved in graph.edges(function):
            if resolved.dispatched > 1 and resolved.function.id in reaching:
                wanted.add(callgraph.LiveTypes.type_of(resolved.function))
    if not wanted:
        return set()
    return {function.id for function in graph.functions.values() if callgraph.created_types(graph, function) & wanted}


# Rounds of _complete_value_receivers: each follows function values one call further.
_VALUE_ROUNDS = 4
# The most methods of one name whose files _complete_value_receivers completes for a call on
# a value of unknown type (more: a common name such as String, left as may-call).
_NAMESAKES = 4


def _complete_value_receivers(facts: dict[str, ProgramFacts], abspaths: dict[str, str],
                              complete_file: Callable[[str], FileFacts | None], graph: callgraph.ModuleGraph,
                              reaching: list[callgraph.Function]) -> None:
    """Complete the files of the module functions that the functions reaching a seed
    (`reaching`, of completion's `graph`) hand a function value to
    (`sched.Schedule("@hourly", func() {...})`): such a value is an edge only when the
    receiver calls it (graph.calls_parameter), and a receiver whose events were never
    computed is assumed to. Completion (see build_for) only follows calls towards a seed; an
    edge of a function that reaches none changes no path to one. Each later round looks at
    the functions of the files the round before completed, which may pass the value on."""
    tried: set[str] = set()
    functions = reaching
    looked: set[tuple] = {function.id for function in reaching}
    for _ in range(_VALUE_ROUNDS):
        wanted: set[str] = set()
        # A receiver completed already (by completion's follow_values) may pass the value on.
        passed_on: set[tuple] = set()
        for function in functions:
            if not function.complete:
                continue
            for event in function.events:
                if event.arg is None or event.arg.callee is None:
                    continue
                resolved = graph.resolve(event.arg.callee, function.package)
                # A method of unknown receiver type: the module's methods of its name (a few).
                namesakes = graph.methods_named(resolved.method_name) if resolved.unresolved else []
                receivers = [resolved.function] if resolved.function is not None else \
                    namesakes if len(namesakes) <= _NAMESAKES else []
                wanted.update(receiver.display for receiver in receivers
                              if not receiver.complete and receiver.display not in tried)
                passed_on.update(receiver.id for receiver in receivers if receiver.complete)
        passed_on -= looked
        looked |= passed_on
        if not wanted and not passed_on:
            break
        for display in sorted(wanted):
            tried.add(display)
            complete_file(display)
        if wanted:
            graph.release()
            graph = callgraph.ModuleGraph({display: program.facts for display, program in facts.items() if program},
                                          abspaths)
        functions = [function for function in graph.functions.values()
                     if function.display in wanted or function.id in passed_on]
    graph.release()


def _add_extents(model: Model, facts: dict[str, ProgramFacts], abspaths: dict[str, str]) -> None:
    for display, program in facts.items():
        if not program or display.endswith("_test.go") or not program.extents:
            continue
        directory = os.path.dirname(abspaths[display])
        model.extents[display] = [(extent.span, (directory, extent.key)) for extent in program.extents]


def _runner_callees(graph: callgraph.ModuleGraph, function: callgraph.Function, tables: _Tables,
                    by_name: dict) -> list[callgraph.Function]:
    """The methods the runner calls of `function` run."""
    return [target for event in function.events if event.kind == "call" and event.target is not None
            for target in _runner_targets(graph, function, graph.resolve(event.target, function.package), tables,
                                          by_name)]


def _runner_targets(graph: callgraph.ModuleGraph, function: callgraph.Function, resolved: callgraph.Resolved,
                    tables: _Tables, by_name: dict) -> list[callgraph.Function]:
    """The methods a runner call (`kong.Context.Run()`, go-flags' `Parser.Parse()` or
    `flags.Parse`) runs; [] for any other call."""
    if resolved.external is None:
        return []
    name = tables.runners.get((resolved.external[0], resolved.method_name or resolved.external[1]))
    if name is None:
        return []
    if name not in by_name:
        by_name[name] = [f for f in graph.functions.values()
                         if f.kind == "method" and f.key.split(".", 1)[1] == name]
    return _runs(function, by_name[name])


class _Startup:
    """The startup edges of one graph: its resolved events less those that run only later (see
    the module's doc), and the methods runner calls run. `contexts(display)`: the contexts of
    a file's events by span."""

    def __init__(self, graph: callgraph.ModuleGraph, contexts: Callable[[str], dict[Span, Context]],
                 tables: _Tables, options: Options, live: callgraph.LiveTypes | None = None):
        self.graph, self.contexts, self.tables, self.options = graph, contexts, tables, options
        # With `live`, an edge to an implementation of a type no reached code creates yet waits
        # in it (see _reach); without, every implementation is an edge (completion's superset).
        self.live = live
        self.runners_by_name: dict[str, list[callgraph.Function]] = {}
        self._prepares: dict[tuple, bool] | None = None
        # What _reach's search has found its functions given: an edge under an `if` requiring
        # a parameter every call so far passes `""` is left out (see _Given).
        self.given = _Given(self)
        # (caller id, call site, callee id) -> the arguments that call writes `""`.
        self.empty_arguments: dict[tuple, tuple[int, ...]] = {}
        self._guarded: dict[tuple, frozenset[int]] = {}  # see guarded_parameters
        self.callee_cache = _leave_out_what_runs_later(graph, tables, options)

    def successors(self, function: callgraph.Function) -> Iterable[tuple[Span, callgraph.Function]]:
        """(call site, function it runs at startup) of each startup edge of `function`."""
        for span, target, _ in self.marked_successors(function):
            yield span, target

    def marked_successors(self, function: callgraph.Function) -> Iterable[tuple[Span, callgraph.Function, Command]]:
        """`successors`, each with whether the edge is a command a framework runs (which a
        serving path must find serving): False, True, or for an edge in a case of kingpin's
        parsed command (function id, Context.command), the case's (its events run as one
        command: the serving case's `srv := newServer()` is startup with its `srv.run()`)."""
        graph, tables, options = self.graph, self.tables, self.options
        own = self.contexts(function.display)
        # What follows a call that serves until the program stops (`log.Fatal(srv.ListenAndServe())`,
        # `err := rootCmd.Execute(); report(err)`) runs as it shuts down, not at startup. Served
        # in a case of kingpin's command, the later cases are other commands: what starts after
        # that case's start waits, what sits in a later case does not (nor, left unread, a
        # switch nested after the serving call in the same case).
        served_at, served_end, served_case = None, None, 0
        for event, resolved in graph.edges(function):
            context = own.get(event.span)
            case = context.command if context is not None else 0
            if served_at is not None and event.position > served_at and \
                    (event.span.line, event.span.col) >= served_end and (served_case == 0 or case <= served_case):
                continue  # (an argument of the call, or a later literal's call site, starts inside it)
            if context is not None and not _follows(graph, function, event.kind, context, tables, options,
                                                    self.callee_cache):
                continue
            if self.given.guarded_out(function, context):
                continue  # helix's getClient(ctx, "", ...) at startup: its `if model != ""` check never runs
            if event.kind == "call" and resolved.external is not None and (context is None or not context.go) and \
                    tables.blocking.matches(resolved.external[0], resolved.method_name or resolved.external[1]):
                served_at, served_end, served_case = event.position, (event.span.end_line, event.span.end_col), case
            targets = [resolved.function] if resolved.function is not None else []
            runs = event.kind == "call" and tables.runners and \
                _runner_targets(graph, function, resolved, tables, self.runners_by_name)
            if runs:
                targets = runs
            for target in targets:
                if runs_per_request(event, target):
                    continue
                # Every edge of a case, a value passed in it too, is its command's.
                command = (function.id, case) if case else bool(runs) or \
                    self._command_edge(function, event, context, target)
                if event.kind == "call" and not runs and context is not None and context.empty:
                    self.empty_arguments[(function.id, event.span, target.id)] = context.empty
                if resolved.dispatched > 1 and self.live is not None and not self.live.admits(target):
                    self.live.defer(target, (function.id, event.span, target, command))
                    continue
                yield event.span, target, command

    def guarded_parameters(self, function: callgraph.Function) -> frozenset[int]:
        """The parameters the guards around `function`'s events name (see facts.Context.guards)."""
        if function.id not in self._guarded:
            own = self.contexts(function.display)
            self._guarded[function.id] = frozenset(index for event in function.events
                                                   if (context := own.get(event.span)) is not None
                                                   for index in context.guards)
        return self._guarded[function.id]

    def _command_edge(self, function: callgraph.Function, event, context: Context | None,
                      target: callgraph.Function) -> bool:
        """Whether the edge to `target` is a command's run field (not its preparation)."""
        if event.kind == "ref":
            # A value wrapped by a call (`Action: cliutil.Action(login)`) is the command's too.
            if context is None or not context.field or context.field not in _RUN_FIELDS:
                return False
            if context.type.kind == "t":
                resolved = self.graph.resolve_type(context.type, function.package)
                return resolved is not None and (resolved[1], resolved[2], context.field) in COMMAND_FIELDS
            return True
        if event.kind == "run":
            return context is None or context.field not in COMMAND_PREPARE_FIELDS
        if event.kind == "call" and target.id in self.graph.stored_commands() and \
                target is not self.graph.resolve(event.target, function.package).function:
            return not self.prepares(target)
        if event.kind == "call" and getattr(event.target, "name", None) == _GO_TOOL_RUN:
            return self._runs_a_go_tool_command(self.graph.resolve(event.target, function.package).slot)
        return False

    def _runs_a_go_tool_command(self, slot: tuple | None) -> bool:
        """Whether a call through a struct field runs a command of a table in the go command's
        own style (see _GO_TOOL_COMMAND)."""
        if slot is None or slot[0] != "f":
            return False
        package = self.graph.packages.get(slot[1])
        return package is not None and _GO_TOOL_COMMAND <= set(package.structs.get(slot[2], {}))

    def prepares(self, target: callgraph.Function) -> bool:
        """Whether a stored command function is only ever a command's preparation (`PersistentPreRunE: f`,
        or cobra's initializers, run before every command)."""
        if target.id in self.graph.initializer_ids:
            return True
        if self._prepares is None:
            self._prepares = {}
            for holder in self.graph.functions.values():
                if holder.kind != "var":
                    continue
                own = self.contexts(holder.display)
                for event in holder.events:
                    if event.kind == "run":
                        context = own.get(event.span)
                        preparing = context is not None and context.field in COMMAND_PREPARE_FIELDS
                        value = self.graph.resolve(event.target, holder.package).function
                        if value is not None:
                            self._prepares[value.id] = self._prepares.get(value.id, True) and preparing
        return self._prepares.get(target.id, False)


def _reach(graph: callgraph.ModuleGraph, facts: dict[str, ProgramFacts], tables: _Tables, options: Options,
           model: Model, serves: Callable[[tuple], bool] | None = None, wanted: set[tuple] | None = None) -> None:
    contexts: dict[str, dict[Span, Context]] = {
        display: {context.span: context for context in program.contexts} for display, program in facts.items()}
    roots = [f for f in graph.functions.values() if f.is_root]
    roots.sort(key=lambda f: (f.key != "main", f.kind == "var", f.display, f.name_loc or ()))
    queue = deque()
    for root in roots:
        if root.id not in model.reached:
            model.reached[root.id] = None
            model.functions[root.id] = root
            queue.append(root)
    live = callgraph.LiveTypes(graph)
    edges = _Startup(graph, lambda display: contexts.get(display, {}), tables, options, live)
    marked: dict[tuple, list] = {}  # each reached function's marked edges, for the serving search
    while queue:
        function = queue.popleft()
        # The types it creates first: its own calls through an interface may run their methods;
        # the edges waiting for them (see _Startup) join their callers' now.
        released = live.add(function)
        marked[function.id] = list(edges.marked_successors(function))
        found = [(function.id, span, target) for span, target, _ in marked[function.id]]
        for caller, span, target, command in released:
            marked[caller].append((span, target, command))
            found.append((caller, span, target))
        for caller, span, target in found:
            if target.id not in model.reached:
                model.reached[target.id] = (caller, span)
                model.functions[target.id] = target
                edges.given.first(caller, span, target)
                queue.append(target)
            elif edges.given.again(model.reached, caller, span, target):
                queue.append(target)
    if options.services:
        _reach_serving(graph, roots, marked, tables, model, serves, wanted, edges)


class _Given:
    """What a search has found its functions given: for each function reached, the parameters
    that every call of it found so far passes `""` (facts.Context.empty). Under an `if` that
    requires one of them to be a non-empty string (facts.Context.guards), nothing runs yet."""

    def __init__(self, edges: "_Startup"):
        self.edges = edges
        self.empty: dict[tuple, frozenset[int]] = {}
        self.moved: set[tuple] = set()  # the functions whose path `again` has moved

    def guarded_out(self, function: callgraph.Function, context: Context | None) -> bool:
        return context is not None and bool(context.guards) and \
            not self.empty.get(function.id, frozenset()).isdisjoint(context.guards)

    def _empty_passed(self, caller: tuple, span: Span, target: callgraph.Function) -> frozenset[int]:
        # An exported method may be called by a library through an interface, with any value
        # (flag.Parse calls a flag.Value's `Set` with the user's): nothing is known of it.
        if target.kind == "method" and exported(target.key.rpartition(".")[2]):
            return frozenset()
        return frozenset(self.edges.empty_arguments.get((caller, span, target.id), ()))

    def first(self, caller: tuple, span: Span, target: callgraph.Function) -> None:
        self.empty[target.id] = self._empty_passed(caller, span, target)

    def again(self, reached: dict[tuple, tuple | None], caller: tuple, span: Span,
              target: callgraph.Function) -> bool:
        """Another call of `target`, already reached: whether it gives a parameter a value that
        every call before passed `""`, so what that guards must be searched too. Its path then
        runs through this call, the first such call or one giving every guarded parameter a
        value (a path holds one call per function: of several calls that each open a guard,
        only one is shown), unless this call's own path runs through `target`."""
        passed = self._empty_passed(caller, span, target)
        opened = self.empty.get(target.id, frozenset()) - passed
        if not opened:
            return False
        self.empty[target.id] -= opened
        guarded = self.edges.guarded_parameters(target)
        if not guarded & opened:
            return False  # no guard names what opened: its edges are as they were
        if (target.id not in self.moved or guarded.isdisjoint(passed)) and \
                not _passes_through(reached, caller, target.id):
            reached[target.id] = (caller, span)
            self.moved.add(target.id)
        return True


def _walk_back(reached: dict[tuple, tuple | None], fid: tuple) -> Iterable[tuple[tuple, Span | None]]:
    """The recorded path to `fid`, from it back to its root: each step's function id with its
    call site in the step before (None at the root)."""
    node = fid
    while node is not None:
        previous = reached[node]
        yield node, previous[1] if previous else None
        node = previous[0] if previous else None


def _passes_through(reached: dict[tuple, tuple | None], start: tuple, fid: tuple) -> bool:
    """Whether the recorded path to `start` runs through `fid`."""
    return any(node == fid for node, _ in _walk_back(reached, start))


def _reach_serving(graph: callgraph.ModuleGraph, roots: list[callgraph.Function], marked: dict[tuple, list],
                   tables: _Tables, model: Model, serves: Callable[[tuple], bool] | None,
                   wanted: set[tuple] | None, edges: _Startup) -> None:
    """model.serving: the startup search again from the roots that serve (every init and
    initializer, a main that serves), through no command that does not (see the module's doc),
    with what its own calls give the functions (_Given: the model a `list` command names
    opens no guard for the daemon).
    With `wanted`, only mains and commands that lead to one of them are asked whether they
    serve (each answer may complete files): another changes no path to a wanted function; a
    case of kingpin's command is asked about its events (_case_serves) when one of them leads
    to one."""
    if serves is None:
        serves = serving.Servers(graph, tables.serving,
                                 lambda function: _runner_callees(graph, function, tables, {})).serves
    toward = None
    if wanted is not None:
        callers: dict[tuple, list[tuple]] = {}
        for caller, outgoing in marked.items():
            for _, target, _ in outgoing:
                callers.setdefault(target.id, []).append(caller)
        toward = serving.reach_back(set(wanted) & set(marked), callers)

    def asked(fid: tuple) -> bool:
        return (toward is None or fid in toward) and serves(fid)

    in_a_server: dict[str, bool] = {}  # per package: every var of a package is a root

    def initializes_a_server(root: callgraph.Function) -> bool:
        """An `init` or initializer runs in every program that imports its package: it serves
        unless every such program is a `main` of the module that never serves (a CLI's own
        flag tables). A package no main imports (a library's) may run in any program."""
        if toward is not None and root.id not in toward:
            return True  # leads to nothing asked about: no question worth a search
        package = root.package
        if package.directory not in in_a_server:
            mains = [main for main in (graph.functions.get((directory, "main")) for directory in
                                       sorted(graph.importers(package))
                                       if graph.packages[directory].name == "main") if main is not None]
            in_a_server[package.directory] = not mains or any(serves(main.id) for main in mains)
        return in_a_server[package.directory]

    cases_serving: dict[tuple, bool] = {}
    cases_of: dict[tuple, dict[int, CaseEvents]] = {}  # by function id: its events by case

    def command_serves(command: Command, target: callgraph.Function) -> bool:
        if command is True:
            return asked(target.id)
        if toward is not None and target.id not in toward:
            return False  # leads to no function asked about
        # A case of kingpin's command serves as a whole: a constructor beside its run is setup.
        if command not in cases_serving:
            function = graph.functions[command[0]]
            if function.id not in cases_of:
                cases_of[function.id] = _events_by_case(graph, function, tables, edges.contexts)
            cases_serving[command] = _case_serves(cases_of[function.id].get(command[1], []), serves)
        return cases_serving[command]

    queue = deque()
    for root in roots:
        if root.id not in model.serving and (asked(root.id) if root.key == "main" else initializes_a_server(root)):
            model.serving[root.id] = None
            queue.append(root)
    given = _Given(edges)
    while queue:
        function = queue.popleft()
        own = edges.contexts(function.display)
        for span, target, command in marked.get(function.id, ()):
            if given.guarded_out(function, own.get(span)):
                continue
            if command and not command_serves(command, target):
                continue
            if target.id not in model.serving:
                model.serving[target.id] = (function.id, span)
                given.first(function.id, span, target)
                queue.append(target)
            elif given.again(model.serving, function.id, span, target):
                queue.append(target)


def _events_by_case(graph: callgraph.ModuleGraph, function: callgraph.Function, tables: _Tables,
                    contexts: Callable[[str], dict[Span, Context]]) -> dict[int, CaseEvents]:
    """The events of `function` in each case of kingpin's parsed command, by Context.command,
    each with the module functions it may run: its edges (graph.edges), or for a value kept
    for later, which is none (`g.Go(func() error { return srv.serve() })`), what it names; and
    whether it is a serving call itself (serving.serving_events: `log.Fatal(http.ListenAndServe(
    ":8080", mux))`, not a listen on a loopback address nor a check that a port is free)."""
    own = contexts(function.display)
    runs: dict[int, list[callgraph.Function]] = {}
    for event, resolved in graph.edges(function):
        if resolved.function is not None:
            runs.setdefault(id(event), []).append(resolved.function)
    serving_calls = {id(event) for event in serving.serving_events(graph, function, tables.serving)}
    cases: dict[int, CaseEvents] = {}
    for event in function.events:
        context = own.get(event.span)
        if context is None or not context.command or event.target is None:
            continue
        if id(event) not in runs:
            named = graph.resolve(event.target, function.package).function
            runs[id(event)] = [named] if named is not None else []
        cases.setdefault(context.command, []).append((event, runs[id(event)], id(event) in serving_calls))
    return cases


def _case_serves(events: CaseEvents, serves: Callable[[tuple], bool]) -> bool:
    """Whether a case of kingpin's parsed command, whose events are `events` (_events_by_case),
    serves: it makes a serving call itself, or runs, in place, in a goroutine or as a value
    (`g.Go(func() error { return srv.serve() })`), a function that serves; not one of several
    a call may run (through an interface or a table: another command's may be the one that
    serves)."""
    return any(serving_call or len(runs) == 1 and serves(runs[0].id) for _, runs, serving_call in events)


def _runs(caller: callgraph.Function, methods: Iterable[callgraph.Function]) -> list[callgraph.Function]:
    """The methods (of a runner's name) of the caller's package and the packages it imports."""
    package = caller.package
    return [m for m in methods if m.package is package or m.package.import_path in package.imports]


def _follows(graph: callgraph.ModuleGraph, function: callgraph.Function, kind: str, context: Context,
             tables: _Tables, options: Options, cache: dict) -> bool:
    """Whether an event with this context is a startup edge."""
    if context.go and not options.follow_goroutines:
        return False
    if any(graph.is_channel(loop, function.package) for loop in context.receives):
        return False  # runs once per message received, for the life of the process
    if kind != "ref":  # a call runs where it is written, whatever it is an argument of
        return True
    if any(_registers_handler(graph, function, callee, tables, cache) for callee in context.callees):
        return False
    if context.field and not context.callees:
        if context.type.kind == "t":
            resolved = graph.resolve_type(context.type, function.package)
            if resolved is not None:
                return (resolved[1], resolved[2], context.field) in tables.fields
        return context.field in tables.field_names
    return True


def runs_per_request(event, target: callgraph.Function) -> bool:
    """Whether an edge is a request handler's value (`handles_requests`), which runs per
    request wherever it goes."""
    return event.kind == "ref" and handles_requests(target.signature)


def leave_out_what_runs_later(graph: callgraph.ModuleGraph, options: Options) -> None:
    """Make `graph.edges` leave out what the model leaves out of startup (for a rule that
    searches a graph of its own, SL004): the function values handed to a handler
    registration, and goroutines unless `follow-goroutines`. The edges `runs_per_request`
    tells are for the caller to leave out."""
    _leave_out_what_runs_later(graph, _Tables(options), options)


def _leave_out_what_runs_later(graph: callgraph.ModuleGraph, tables: _Tables, options: Options) -> dict:
    """(See leave_out_what_runs_later.) The cache of its answers, per callee."""
    cache: dict = {}
    # A function value handed to a handler registration, directly or through a module
    # function's parameter (`route(r, "/x", h)`), runs per request.
    graph.runs_later = lambda caller, callee: _registers_handler(graph, caller, callee, tables, cache)
    graph.follow_goroutines = options.follow_goroutines
    return cache


def _registers_handler(graph: callgraph.ModuleGraph, function: callgraph.Function, callee: Target | None,
                       tables: _Tables, cache: dict) -> bool:
    if callee is None or type(callee) is LiteralTarget or callee.name not in tables.handlers.names and \
            not any("*" in name for name in tables.handlers.names):
        return False
    key = (function.package.directory, function.display if type(callee) is MethodTarget else "", callee)
    if key in cache:
        return cache[key]
    answer = False
    if type(callee) is FunctionTarget:
        answer = tables.handlers.matches(function.package.import_path, callee.name)
    elif type(callee) is MemberTarget:
        answer = tables.handlers.matches(callee.path, callee.name)
    else:
        resolved = graph.resolve(callee, function.package)
        if resolved.function is not None:
            answer = tables.handlers.matches(resolved.function.package.import_path, callee.name)
        elif resolved.external is not None:
            answer = tables.handlers.matches(resolved.external[0], callee.name)
        else:
            imported = set(graph.file_imports.get(function.display, {}).values())
            library = graph.library_of(callee, function.package)
            answer = tables.handlers.named(callee.name, imported) or \
                library is not None and tables.handlers.matches(library, callee.name)
    cache[key] = answer
    return answer
