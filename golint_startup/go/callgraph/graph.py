"""The call graph of a group of modules, joined from per-file facts in the main process.

`ModuleGraph` gathers the facts (see `facts`) of every file of a module, and of the modules
its go.work or local `replace` lines point at, into packages keyed by directory, and
resolves event targets: a function of the package, a function of another package of the
group (import path -> directory through the module path prefix), a method of a type
declared in the group (through struct fields, with one level of embedding), the group's
implementations of a method of an interface declared in the group, the function values kept
in a struct field or package-level variable called (see slot_values), or a member outside
the group (`Resolved.external`).
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable

from golint_startup.go import modules
from golint_startup.go.library import COBRA, COMMAND_RUNNERS
from golint_startup.go.callgraph.facts import CHANNEL, ELEMENT, UNKNOWN, Arg, Event, FileFacts, FunctionTarget, LiteralTarget, \
    MemberTarget, MethodTarget, ResultRef, ReturnedTarget, Span, Target, TypeRef


@dataclass(slots=True)
class Function:
    id: tuple[str, str]  # (package directory, key)
    kind: str  # func | method | lit | var
    display: str  # file the function lives in (display path)
    name_loc: Span | None
    result: TypeRef
    events: tuple[Event, ...]
    package: "Package" = None  # type: ignore[assignment]
    complete: bool = True  # False: a summary's function, its events not computed
    variadic: int = -1  # the index of a final `...` parameter, -1 none
    signature: str = ""  # its parameter and result types (see facts.signature)
    later_results: tuple[TypeRef, ...] = ()  # the types of its other results (see facts.FunctionFacts)
    creates: tuple[str, ...] = ()  # the types whose values it creates (see facts.creates)

    @property
    def key(self) -> str:
        return self.id[1]

    @property
    def is_root(self) -> bool:
        """Whether the program runs it by itself: a package-level var initializer, an `init`,
        or `main` of a main package."""
        return self.kind == "var" or self.key.startswith("init#") or \
            (self.package.name == "main" and self.kind == "func" and self.key == "main")


@dataclass(slots=True)
class Package:
    directory: str
    name: str = ""
    import_path: str = ""
    module: modules.Module | None = None
    functions: dict[str, Function] = field(default_factory=dict)
    structs: dict[str, dict[str, TypeRef]] = field(default_factory=dict)
    variables: dict[str, TypeRef] = field(default_factory=dict)
    # name -> {method name: signature} of the interfaces it declares
    interfaces: dict[str, dict[str, str]] = field(default_factory=dict)
    imports: set = field(default_factory=set)  # import paths of its files, blank imports included


@dataclass(frozen=True, slots=True)
class Resolved:
    function: Function | None
    external: tuple[str, str] | None = None  # (import path, member) outside the module
    method_name: str = ""
    unresolved: bool = False  # a method call on a value of unknown type
    # A method of an interface of the group: the group's methods that may implement it
    # (see implementations); a call of a struct field: its slot (see slot_values).
    implementations: tuple = ()
    # A method call through an interface of the module: the interface (a library's type may
    # implement it too: loki-vl-proxy's `httpServer` interface, given an *http.Server).
    interface: tuple | None = None
    slot: tuple | None = None
    # One of the implementations a call through an interface may run: how many there are (0:
    # no such call). With one, the call runs it (see LiveTypes).
    dispatched: int = 0

    @property
    def through_interface(self) -> bool:
        return self.interface is not None


RUNNER_NAMES = frozenset().union(*COMMAND_RUNNERS.values())


def _names_initializer_registration(event: Event) -> bool:
    """Whether the event is a function value passed to a call named like cobra's
    `OnInitialize` (see ModuleGraph._cobra_initializers)."""
    return event.arg is not None and getattr(event.arg.callee, "name", None) == "OnInitialize"


def calls_a_runner(event: Event) -> bool:
    """Whether the event is a call named like a command framework's runner (`rootCmd.Execute()`)."""
    return event.kind == "call" and getattr(event.target, "name", None) in RUNNER_NAMES

# A resolved type: (Package or None when outside the group, import path, type name).
_Type = tuple


class ModuleGraph:
    """Packages and functions of every file in `facts`, keyed by directory."""

    def __init__(self, facts: dict[str, FileFacts], abspaths: dict[str, str]):
        self.packages: dict[str, Package] = {}
        self.functions: dict[tuple[str, str], Function] = {}
        self.file_imports: dict[str, dict[str, str]] = {}
        # Command frameworks' stored functions, those some call runs (see edges), and the
        # packages each package imports, computed on first use.
        self._stored: list | None = None
        self._run: set[tuple] = set()
        self._stored_ids: set[tuple] = set()
        self.initializer_ids: set[tuple] = set()  # of those, cobra's initializers (_cobra_initializers)
        self._closures: dict[str, set[str]] = {}
        # Whether a call of an external function or of a method of unknown receiver type with
        # a function value as an argument runs that value later, not during the call (handler
        # registrations: the startup model sets it from its tables; by default, none does).
        self.runs_later: Callable[[Function, Target], bool] = lambda function, callee: False
        # Whether a parameter a function starts in a goroutine (`go f()`) counts as called.
        self.follow_goroutines = True
        # (function id, parameter index) -> whether the function may call that parameter
        # (see calls_parameter); the keys being computed; whether one of them was asked for.
        self._parameter_calls: dict[tuple, bool] = {}
        self._pending: set[tuple] = set()
        self._tentative: dict[tuple, bool] = {}  # see calls_parameter
        self._asked_pending: set[tuple] = set()
        self._pending_asked = False
        # (package directory, variable name) -> the function values a package-level variable holds.
        # A slot (see _slot) -> the function values kept in it, with the package that names them.
        self._variables: dict[tuple, list[tuple[Target, Package]]] | None = None
        self._open_slots: set[tuple] = set()  # slots given values the graph cannot name ("ustore")
        self._resolved: dict[tuple, Resolved] = {}
        self._holding: dict[tuple, list[tuple]] | None = None  # see slots_holding
        self._importers: dict[str, list[Package]] | None = None  # see importers
        self._importer_closures: dict[str, set[str]] = {}
        self._interfaces_by_method: dict[str, list[tuple[Package, str]]] | None = None
        self._implementations: dict[tuple, tuple[Function, ...]] = {}
        self._methods: dict[str, list[Function]] | None = None  # see methods_named
        for display, file in sorted(facts.items()):
            if not file or display.endswith("_test.go"):
                continue
            directory = os.path.dirname(abspaths[display])
            package = self.packages.get(directory)
            if package is None:
                module = modules.module_of_dir(directory)
                package = self.packages[directory] = Package(
                    directory, file.package, modules.import_path_of_dir(directory, module) if module else "",
                    module)
            if package.name == "main" and file.package != "main":
                continue  # a stray file of another package in a main directory
            self.file_imports[display] = {name: path for name, path in file.imports}
            package.imports.update(path for _, path in file.imports)
            package.imports.update(file.blank_imports)
            for struct in file.structs:
                package.structs[struct.name] = {f.name: f.type for f in struct.fields}
            for variable in file.variables:
                package.variables.setdefault(variable.name, variable.type)
            for interface in file.interfaces:
                package.interfaces[interface.name] = dict(zip(interface.methods, interface.signatures))
            for facts_of in file.functions:
                events = facts_of.events or ()  # None: not computed (see completion.complete)
                function = Function((directory, facts_of.key), facts_of.kind, display, facts_of.name_span,
                                    facts_of.result, events, package, facts_of.events is not None,
                                    facts_of.variadic, facts_of.signature, facts_of.later_results,
                                    facts_of.creates)
                existing = package.functions.get(facts_of.key)
                if existing is not None:  # the same name under different build tags: merge
                    # into the first file's, whose events come first: a path through the
                    # merged function names the file its call lines are in (as a rule).
                    function.display, function.name_loc = existing.display, existing.name_loc
                    function.events = existing.events + events
                    function.complete = function.complete and existing.complete
                    function.creates = tuple(sorted(set(existing.creates) | set(function.creates)))
                package.functions[facts_of.key] = function
                self.functions[function.id] = function

    def release(self) -> None:
        """Break the graph's reference cycles (a package holds its functions, each function
        its package) so that a graph no longer needed is freed at once, not at the next full
        collection: completion builds one per round. Functions kept elsewhere (a model's
        path) keep their package's name and path, not its other functions."""
        for package in self.packages.values():
            package.functions = {}
        self.functions, self.packages, self._resolved, self._methods = {}, {}, {}, None
        self._variables, self._holding, self._importers, self._importer_closures = None, None, None, {}
        self._open_slots = set()
        self._interfaces_by_method, self._implementations = None, {}
        self._stored, self.runs_later = [], lambda function, callee: False

    # --- resolution -----------------------------------------------------

    def package_for(self, import_path: str, context: Package) -> Package | None:
        if not import_path:
            return context
        if context.module is None:
            return None
        directory = modules.package_dir(import_path, context.module)
        return self.packages.get(directory) if directory else None

    def resolve_type(self, ref: TypeRef | None, context: Package) -> _Type | None:
        """(Package or None, import path, type name) for a TypeRef; None when unknown.

        A loop, not recursion: `x := NewT()` may lead through a function's result and a
        variable's type, at most 8 steps (a method's result resolves its receiver first:
        `op.WithControllers(...).Start()`)."""
        for _ in range(9):
            if not ref or ref.kind == "?" or ref.kind == "c":
                return None
            package = self.package_for(ref.path, context)
            if package is None:
                # Outside the module: a type of that package, or what its function or variable holds
                # (assumed to be of that package too: viper.New() is a *viper.Viper; but not a
                # later result, often of another package: `ctx, cancel := context.WithCancel()`).
                if not ref.path or type(ref) is ResultRef:
                    return None
                return (None, ref.path, ref.name if ref.kind == "t" else "")
            if ref.kind == "t":
                return (package, package.import_path, ref.name)
            ref, context = self._through(ref, package)
        return None

    def _through(self, ref: TypeRef | ResultRef, package: Package) -> tuple[TypeRef | ResultRef | None, Package]:
        """The type a function's result ("r"), a method's result ("m") or a variable ("v") of
        `package` has, with the package that declares it."""
        if ref.kind == "v":
            return package.variables.get(ref.name), package
        if ref.kind == "r":
            function = package.functions.get(ref.name)
        elif ref.kind == "m":
            function = self.resolve(MethodTarget(*ref.via, ref.name), package).function
        else:
            return None, package
        index = ref.index if type(ref) is ResultRef else 0
        if function is None or index > len(function.later_results):
            return None, package
        return (function.later_results[index - 1] if index else function.result), function.package

    def is_channel(self, target: Target, package: Package) -> bool:
        """Whether what facts._receive_loop recorded of a ranged expression is a channel of the
        group: a call's first result, or the value of type `receiver` through `fields`."""
        if type(target) is not MethodTarget or target.name:
            resolved = self.resolve(target, package)
            return resolved.function is not None and resolved.function.result == CHANNEL
        ref, context = target.receiver, package
        if target.fields:
            owner = self.resolve_type(ref, package)
            for field_name in target.fields[:-1]:
                owner = self.field_type(owner, field_name) if owner is not None else None
            found = self._field_ref(owner, target.fields[-1]) if owner is not None else None
            if found is None:
                return False
            ref, context = found
        for _ in range(9):  # as resolve_type's loop
            if ref is None or ref.kind not in ("r", "m", "v"):
                return ref == CHANNEL
            context = self.package_for(ref.path, context)
            if context is None:
                return False
            ref, context = self._through(ref, context)
        return False

    def _embedded(self, package: Package, type_name: str) -> Iterable[_Type]:
        """The types embedded in struct `type_name` of `package`, resolved, within the group."""
        for embedded_name, ref in package.structs.get(type_name, {}).items():
            if ref != UNKNOWN and ref.name == embedded_name:
                inner = self.resolve_type(ref, package)
                if inner is not None and inner[0] is not None:
                    yield inner

    def field_type(self, resolved: _Type, field_name: str) -> _Type | None:
        found = self._field_ref(resolved, field_name)
        return self.resolve_type(*found) if found is not None else None

    def _field_ref(self, resolved: _Type, field_name: str) -> tuple[TypeRef, Package] | None:
        """The declared type of a field of a struct of the group, with the package declaring it."""
        package, _, type_name = resolved
        if package is None:
            return None
        struct = package.structs.get(type_name, {})
        if field_name in struct:
            return struct[field_name], package
        for inner in self._embedded(package, type_name):  # promoted through one embedded struct
            if field_name in inner[0].structs.get(inner[2], {}):
                return inner[0].structs[inner[2]][field_name], inner[0]
        return None

    def method(self, resolved: _Type, name: str) -> Function | None:
        package, _, type_name = resolved
        if package is None:
            return None
        found = package.functions.get(f"{type_name}.{name}")
        if found is not None:
            return found
        for inner in self._embedded(package, type_name):
            found = inner[0].functions.get(f"{inner[2]}.{name}")
            if found is not None:
                return found
        return None

    def edges(self, function: Function) -> Iterable[tuple[Event, Resolved]]:
        """Each call/ref event of `function` with what it resolves to.

        A command framework's function value in a package-level literal ("run" event) is an
        edge of each call that runs the framework's commands (library.COMMAND_RUNNERS:
        `rootCmd.Execute()` reaches `run` of `var rootCmd = &cobra.Command{RunE: run}`) in a
        package that is, or imports (directly or not), the variable's package; of the
        variable's initializer only when no such call reaches it.

        A function value kept for later is no edge where it is kept: passed to a call that
        does not call it (see _passes), returned (an edge where the result is called: "rcall",
        or passed to a call that calls it: "rarg"), or the value of a package-level variable
        (an edge where the variable is called)."""
        package = function.package
        if self._stored is None:
            self._commands()
        for event in function.events:
            kind = event.kind
            if kind == "call":
                resolved = self.resolve(event.target, package)
                yield event, resolved
                if resolved.function is None and resolved.method_name in RUNNER_NAMES:
                    for command in self._commands_run_by(function, resolved):
                        yield event, Resolved(command)
                if resolved.function is None and resolved.external is None and not resolved.unresolved:
                    for value in self._variable_values(event.target, package):
                        yield event, value
                    for implementation in resolved.implementations:
                        yield event, Resolved(implementation, dispatched=len(resolved.implementations))
                    for value in self.slot_values(resolved.slot) if resolved.slot is not None else ():
                        yield event, value
            elif kind == "ref":
                # A function value passed to a call runs only if the callee may call it; one
                # given to cobra's OnInitialize, where a command runs, when one does.
                registers = _names_initializer_registration(event)
                if event.arg is None or self._passes(function, event.arg):
                    for resolved in self._values(event.target, package):
                        if not registers or resolved.function is None or \
                                resolved.function.id not in self.initializer_ids or resolved.function.id not in self._run:
                            yield event, resolved
            elif kind == "rarg":
                # A call's result passed on (`NewServer(WithLogger(l))`): what it returns runs if
                # the callee may call it.
                resolved = self.resolve(event.target, package).function
                values = self.returned(resolved) if resolved is not None else ()
                if values and self._passes(function, event.arg):
                    for value in values:
                        yield event, Resolved(value)
            elif kind == "rcall":
                resolved = self.resolve(event.target, package).function
                for value in self.returned(resolved) if resolved is not None else ():
                    yield event, Resolved(value)
            elif kind == "run":
                for resolved in self._values(event.target, package):
                    if resolved.function is None or resolved.function.id not in self._commands()[1]:
                        yield event, resolved
            elif kind == "ret" and function.id in self._stored_ids:
                # A wrapper's result is what the framework runs (`RunE: withStore(run)`).
                yield event, self.resolve(event.target, package)

    @staticmethod
    def returned_values(function: Function) -> list[tuple[Target, Package]]:
        """What `function` returns as function values, each with the package it is named in."""
        return [(event.target, function.package) for event in function.events if event.kind == "ret"]

    def returned(self, function: Function) -> list[Function]:
        """The module functions `function` returns as values (`return func() {...}`, `return f`):
        they run where the result is called, not in `function`."""
        values = (self.resolve(target, package).function for target, package in self.returned_values(function))
        return [value for value in values if value is not None]

    def stored(self, function: Function) -> list[Function]:
        """The module functions `function` returns or stores in package-level variables: not
        called there, but where the result or the variable is (see completion.complete)."""
        return self.returned(function) + [
            value for event in function.events if event.kind in ("init", "set")
            for value in [self.resolve(event.target, function.package).function] if value is not None]

    def _values(self, target: Target, package: Package) -> list[Resolved]:
        """What a function value names: a function, or the function values a package-level
        variable holds (`var serve = func(...) {...}` used as `RunE: serve`)."""
        resolved = self.resolve(target, package)
        if resolved.function is None and resolved.external is None and not resolved.unresolved:
            return self._variable_values(target, package) or [resolved]
        return [resolved]

    def _variable_values(self, target: Target, package: Package) -> list[Resolved]:
        """What a call of a package-level variable (`purgeFunc(ids)`, `hooks[name]()`) calls:
        the function values it is initialized with, assigned or given in the group's non-test
        code (see slot_values)."""
        package = self.declaring(target, package)
        if package is None or target.name not in package.variables:
            return []
        return self.slot_values(("v", package.directory, target.name))

    def slot_values(self, slot: tuple) -> list[Resolved]:
        """The function values kept in a slot: ("v", directory, name) a package-level variable,
        ("f", directory, struct, field) a struct field. A value is kept by a variable's
        initializer, an assignment ("set"), a store ("store": `m[k] = f`, `x.f = f`, a composite
        literal of the struct), or, for a parameter stored ("pstore": a constructor's
        `&migration{v, f}`, a registry's `Register(fn)`), by each argument its function's
        calls pass for it. A call through the slot calls them all."""
        if self._variables is None:
            self._variables = self._slot_index()
        return [self.resolve(value, home) for value, home in self._variables.get(slot, ())]

    def _slot_index(self) -> dict[tuple, list[tuple[Target, Package]]]:
        slots: dict[tuple, list] = {}
        parameters: dict[tuple, list[tuple]] = {}  # (function id, parameter index) -> slots
        for holder in self.functions.values():
            for event in holder.events:
                kind = event.kind
                if kind == "init" and holder.kind == "var":
                    names = holder.key[4:].split(",")
                    if event.arg.index < len(names):
                        slots.setdefault(("v", holder.package.directory, names[event.arg.index]), []).append(
                            (event.target, holder.package))
                elif kind in ("set", "store", "pstore", "ustore"):
                    slot = self._slot(event.arg, holder.package)
                    if slot is None:
                        continue
                    if kind in ("ustore", "pstore"):
                        # Not every value a parameter stored is given is known (a caller's
                        # local, its own parameter, a call's result): such a slot is open too.
                        self._open_slots.add(slot)
                    if kind == "pstore":
                        parameters.setdefault((holder.id, event.target.index), []).append(slot)
                    elif kind != "ustore":
                        slots.setdefault(slot, []).append((event.target, holder.package))
        if parameters:
            names = {fid[1].rsplit(".", 1)[-1] for fid, _ in parameters}
            for holder in self.functions.values():
                for event in holder.events:
                    if event.kind not in ("ref", "rarg") or event.arg is None or event.arg.callee is None or \
                            getattr(event.arg.callee, "name", None) not in names:
                        continue
                    if event.arg.through is not None and not self.passes_through(event.arg.through, holder.package):
                        continue
                    callee = self.resolve(event.arg.callee, holder.package).function
                    if callee is None:
                        continue
                    index = event.arg.index
                    if 0 <= callee.variadic < index:
                        index = callee.variadic
                    held = parameters.get((callee.id, index), ())
                    if not held:
                        continue
                    if event.kind == "ref":
                        values = [(event.target, holder.package)]
                    else:
                        # What a call returns, given (`WithRunFunc(run(opts))`): the functions it returns.
                        returner = self.resolve(event.target, holder.package).function
                        values = self.returned_values(returner) if returner is not None else []
                    for slot in held:
                        slots.setdefault(slot, []).extend(values)
        return slots

    def _slot(self, arg: Arg, package: Package) -> tuple | None:
        """The slot an event's `arg` names (see facts._stored_values)."""
        target = arg.callee
        if type(target) in (FunctionTarget, MemberTarget):
            owner = self.declaring(target, package)
            return ("v", owner.directory, target.name) if owner is not None and target.name in owner.variables \
                else None
        if type(target) is not MethodTarget:
            return None
        owner = self.resolve_type(target.receiver, package)
        for field_name in target.fields:
            owner = self.field_type(owner, field_name) if owner is not None else None
        if owner is None or owner[0] is None:
            return None
        name = target.name
        if not name:  # a positional element of a struct literal
            fields = [field for field in owner[0].structs.get(owner[2], {}) if field != ELEMENT]  # a struct's
            if arg.index >= len(fields):
                return None
            name = fields[arg.index]
        return self._field_slot(owner, name)

    def slots_holding(self, function: Function) -> list[tuple]:
        """The slots that may hold `function` (see completion: their calls spell the slot's name)."""
        if self._variables is None:
            self._variables = self._slot_index()
        if self._holding is None:
            self._holding = {}
            for slot, values in self._variables.items():
                for value, home in values:
                    found = self.resolve(value, home).function
                    if found is not None:
                        self._holding.setdefault(found.id, []).append(slot)
        return self._holding.get(function.id, [])

    def calls_parameter(self, function: Function, index: int) -> bool:
        """Whether `function` may call its parameter `index` (a function value) while it runs:
        it calls it, or passes it on to a call that may (a module function with this property,
        an external one that does not run it later, see runs_later), from its own body or a
        function literal that body runs. Storing or returning it is not calling it.

        A least fixpoint over (function, parameter), computed on demand: a pair asked for while
        it is being computed (recursion) counts as False, and an answer that relied on that is
        kept only when True or when its computation was the outermost one; until then it is
        reused within that outermost computation, under the same assumption, and kept after it
        when every pair assumed False ended False (recomputing it each time it was asked was
        exponential where interface calls fan out: tempo asked 3.7 million pairs of 7,800
        outermost questions)."""
        if 0 <= function.variadic < index:
            index = function.variadic  # a later argument goes to the `...` parameter
        key = (function.id, index)
        known = self._parameter_calls.get(key)
        if known is not None:
            return known
        if key in self._pending:
            self._pending_asked = True
            self._asked_pending.add(key)
            return False
        if key in self._tentative:
            self._pending_asked = True  # it relied on a pair still being computed
            return self._tentative[key]
        outer, asked_before = not self._pending, self._pending_asked
        self._pending.add(key)
        self._pending_asked = False
        answer = self._calls_parameter(function, index)
        self._pending.discard(key)
        if answer or outer or not self._pending_asked:
            self._parameter_calls[key] = answer
        else:
            self._tentative[key] = answer
        if outer:
            # Every pair assumed False while pending ended False: the assumption held, and
            # the answers that relied on it are final.
            if not any(self._parameter_calls.get(asked) or self._tentative.get(asked)
                       for asked in self._asked_pending):
                self._parameter_calls.update(self._tentative)
            self._tentative.clear()
            self._asked_pending.clear()
        self._pending_asked = (self._pending_asked or asked_before) and not outer
        return answer

    def _calls_parameter(self, function: Function, index: int) -> bool:
        if not function.complete:
            return True  # its events are not computed: it may
        seen, queue = {function.id}, [function]
        while queue:
            current = queue.pop()
            for event in current.events:
                kind, target = event.kind, event.target
                if kind in ("lpcall", "lpgo") and current is function and target.index == index and \
                        (kind == "lpcall" or self.follow_goroutines):
                    return True  # a literal's own parameter (its other parameter events are its function's)
                if kind in ("pcall", "parg", "pgo") and target.index == index and \
                        (kind == "pcall" or kind == "pgo" and self.follow_goroutines or
                         kind == "parg" and self._passes(current, event.arg)):
                    return True
                if type(target) is LiteralTarget and kind in ("call", "ref", "run") and \
                        (event.arg is None or self._passes(current, event.arg)):
                    literal = self.functions.get((current.package.directory, target.key))
                    if literal is not None and literal.id not in seen:
                        seen.add(literal.id)
                        queue.append(literal)
        return False

    def _passes(self, function: Function, arg: Arg) -> bool:
        """Whether the call `arg.callee` in `function` may call the function value passed as its
        argument `arg.index`: unknown callees may; `append` stores it."""
        callee = arg.callee
        if callee is None:
            return True
        if type(callee) is ReturnedTarget:
            # What a call returns, called: a middleware's wrapper (qubership-opensearch's
            # `authorizer(provider.CollectBackupHandler())` wraps the handler it is given in
            # another, which runs it per request). It calls the value if one it returns may.
            returner = self.resolve(callee.target, function.package).function
            values = self.returned(returner) if returner is not None else []
            return not values or any(self.calls_parameter(value, arg.index) for value in values)
        if arg.through is not None and not self.passes_through(arg.through, function.package):
            return False
        resolved = self.resolve(callee, function.package)
        if resolved.function is not None:
            return self.calls_parameter(resolved.function, arg.index)
        if resolved.slot is not None:
            # A struct field's function (omneval's harness keeps `StartBackground: func(fn) { go
            # ... fn(ctx) }`): it calls the value if one it holds may; none found, or one it may
            # hold not known (an option's `h.start = s`), it may.
            values = self.slot_values(resolved.slot)
            return not values or resolved.slot in self._open_slots or \
                any(value.function is None or self.calls_parameter(value.function, arg.index) for value in values)
        if type(callee) is FunctionTarget and callee.name == "append":
            return False
        if type(callee) in (FunctionTarget, MemberTarget) and resolved.external is None:
            # A name of the group that is no function: a conversion to one of its types
            # (`webhooks.HandlerFunc(h.Validate)`) or a builtin, which keep the value; a
            # package-level variable of function type may call it.
            package = self.declaring(callee, function.package)
            return package is not None and callee.name in package.variables
        if self.runs_later(function, callee):
            return False
        if type(callee) is MemberTarget and resolved.external is not None and arg.index == 0 and \
                callee.name.endswith("Func"):
            # A library's function type, by Go's naming (`health.CheckFunc(func() error {...})`):
            # a conversion, which keeps the value. A library function so named, which calls it,
            # takes it after its other arguments (`strings.FieldsFunc(s, f)`): not matched.
            return False
        # A method of unknown receiver type (`NewBuilder().WithHook(f)`) named like the module's
        # own methods calls the value if one of those may; another name is a library's, which may.
        methods = self.methods_named(callee.name) if resolved.unresolved else resolved.implementations
        return not methods or any(self.calls_parameter(method, arg.index) for method in methods)

    def passes_through(self, callee: Target, package: Package) -> bool:
        """Whether a call of `callee` in `package` gives back its argument: a conversion to a
        type of the group (`auth.InitFunc(newController)`), told by a name (`F`, `pkg.F`) of a
        package of the group that is neither a function nor a variable of it."""
        owner = self.declaring(callee, package)
        return owner is not None and callee.name not in owner.functions and callee.name not in owner.variables

    def declaring(self, target: Target, package: Package) -> Package | None:
        """The package of the group that a name used in `package` belongs to: its own for `F`,
        the imported one for `pkg.F`; None for another target or a package outside the group."""
        if type(target) is FunctionTarget:
            return package
        if type(target) is MemberTarget:
            return self.package_for(target.path, package)
        return None

    def methods_named(self, name: str) -> list[Function]:
        """The group's methods called `name`, of whatever type."""
        if self._methods is None:
            self._methods = {}
            for candidate in self.functions.values():
                if candidate.kind == "method":
                    self._methods.setdefault(candidate.key.split(".", 1)[1], []).append(candidate)
        return self._methods.get(name, [])

    def _commands(self) -> tuple[list[tuple[Function, str, frozenset[str]]], set[tuple]]:
        """(each function stored in a command framework's run field of a package-level literal,
        with its package's directory and the frameworks its file imports; the ids of those
        some call runs), computed once per graph."""
        if self._stored is None:
            self._stored, self._run = [], set()
            self._stored_ids, self.initializer_ids = set(), set()
            for function in self.functions.values():
                if function.kind != "var" or not any(e.kind == "run" for e in function.events):
                    continue
                frameworks = frozenset(p for p in self.file_imports.get(function.display, {}).values()
                                       if p in COMMAND_RUNNERS)
                for event in function.events:
                    if event.kind == "run":
                        for resolved in self._values(event.target, function.package):
                            if resolved.function is not None:
                                self._stored.append((resolved.function, function.package.directory, frameworks))
                                self._stored_ids.add(resolved.function.id)
            for function, initializer in self._cobra_initializers():
                self._stored.append((initializer, function.package.directory, frozenset({COBRA})))
                self._stored_ids.add(initializer.id)
                self.initializer_ids.add(initializer.id)
            if self._stored:
                for function in self.functions.values():
                    for event in function.events:
                        if calls_a_runner(event):
                            self._run.update(f.id for f in self._commands_run_by(
                                function, self.resolve(event.target, function.package)))
        return self._stored, self._run

    def _cobra_initializers(self) -> list[tuple[Function, Function]]:
        """(the function, each module function it passes to `cobra.OnInitialize`): cobra keeps
        them and runs them when a command runs, before its own run functions, so they are
        reached from `Execute`, not from the `init` that registers them (k8s-image-swapper's
        `initConfig`: a finding naming `init` as where its config loads was read as wrong)."""
        found = []
        for function in self.functions.values():
            for event in function.events:
                if event.kind == "ref" and _names_initializer_registration(event) and \
                        self.resolve(event.arg.callee, function.package).external == (COBRA, "OnInitialize"):
                    found += [(function, resolved.function) for resolved in self._values(event.target, function.package)
                              if resolved.function is not None]
        return found

    def commands_run(self) -> set[tuple]:
        """The ids of the stored command functions some call runs."""
        return set(self._commands()[1])

    def stored_commands(self) -> set[tuple]:
        """The ids of the functions stored in command frameworks' run fields (see edges)."""
        return {target.id for target, _, _ in self._commands()[0]}

    def _commands_run_by(self, function: Function, resolved: Resolved) -> list[Function]:
        """The stored command functions a call runs: a runner method of a framework's type (or
        of a value of unknown type in a file that imports the framework) runs those of that
        framework in the caller's package and the packages it imports, directly or not."""
        if resolved.external is not None:
            frameworks = {resolved.external[0]} if resolved.method_name in COMMAND_RUNNERS.get(
                resolved.external[0], ()) else set()
        elif resolved.unresolved:
            frameworks = {path for path in self.file_imports.get(function.display, {}).values()
                          if resolved.method_name in COMMAND_RUNNERS.get(path, ())}
        else:
            return []
        stored = self._commands()[0] if frameworks else ()
        if not stored:
            return []
        visible = self.imported_closure(function.package)
        return [target for target, directory, imported in stored if directory in visible and frameworks & imported]

    def importers(self, package: Package) -> set[str]:
        """The directories of `package` and of the group's packages importing it, directly or not
        (one walk over reversed imports: asking each package's imported_closure cost seconds)."""
        if self._importers is None:
            self._importers = {}
            for importer in self.packages.values():
                for path in importer.imports:
                    other = self.package_for(path, importer)
                    if other is not None:
                        self._importers.setdefault(other.directory, []).append(importer)
        seen = self._importer_closures.get(package.directory)
        if seen is None:
            seen, queue = {package.directory}, deque([package.directory])
            while queue:
                for importer in self._importers.get(queue.popleft(), ()):
                    if importer.directory not in seen:
                        seen.add(importer.directory)
                        queue.append(importer.directory)
            self._importer_closures[package.directory] = seen
        return seen

    def imported_closure(self, package: Package) -> set[str]:
        """The directories of `package` and of the group's packages it imports, directly or not."""
        if package.directory not in self._closures:
            seen, queue = {package.directory}, deque([package])
            while queue:
                importer = queue.popleft()
                for path in importer.imports:
                    other = self.package_for(path, importer)
                    if other is not None and other.directory not in seen:
                        seen.add(other.directory)
                        queue.append(other)
            self._closures[package.directory] = seen
        return self._closures[package.directory]

    def resolve(self, target: Target, package: Package) -> Resolved:
        # Asked again for each function value's callee (see _passes): resolved once per graph.
        key = (package.directory, target)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self._resolve(target, package)
        return found

    def _resolve(self, target: Target, package: Package) -> Resolved:
        kind = type(target)
        if kind is ReturnedTarget:
            return Resolved(None)  # not known here (see _passes)
        if kind is LiteralTarget:
            return Resolved(self.functions.get((package.directory, target.key)))
        if kind is FunctionTarget:
            return Resolved(package.functions.get(target.name))
        if kind is MemberTarget:
            other = self.package_for(target.path, package)
            if other is None:
                return Resolved(None, external=(target.path, target.name))
            return Resolved(other.functions.get(target.name))
        resolved = self.resolve_type(target.receiver, package)
        for field_name in target.fields:
            if resolved is None:
                break
            resolved = self.field_type(resolved, field_name)
        if resolved is None:
            return Resolved(None, method_name=target.name, unresolved=True)
        if resolved[0] is None:
            return Resolved(None, external=(resolved[1], target.name), method_name=target.name)
        method = self.method(resolved, target.name)
        if method is None and not target.fields:
            # An element of a named container taken into a local (`ds, ok := m[k]; ds.IDs()`)
            # is typed as the container: the method is its element's.
            element = self.field_type(resolved, ELEMENT)
            if element is not None and element[0] is not None:
                resolved, method = element, self.method(element, target.name)
        if method is None and resolved[2] in resolved[0].interfaces:
            return Resolved(None, method_name=target.name, implementations=self.implementations(resolved, target.name),
                            interface=resolved)
        if method is None:
            return Resolved(None, method_name=target.name, slot=self._field_slot(resolved, target.name))
        return Resolved(method, method_name=target.name)

    def library_of(self, target: Target, package: Package) -> str | None:
        """The import path of the library whose method a call of unknown receiver type calls,
        when the receiver is what a library method returns (`root.Group("/v1").Post(...)`:
        fiber's, as a library function's result is taken for a type of its package); None
        otherwise. For the handler tables, not for edges (typing every such result cost 25 MiB
        on temporal)."""
        receiver = target.receiver if type(target) is MethodTarget and not target.fields else None
        if type(receiver) is not ResultRef or receiver.kind != "m" or receiver.index:
            return None
        resolved = self.resolve(MethodTarget(*receiver.via, receiver.name), package)
        if resolved.external is not None:
            return resolved.external[0]
        return self.library_of(MethodTarget(*receiver.via, receiver.name), package) if resolved.unresolved else None

    def implementations(self, interface: _Type, name: str) -> tuple[Function, ...]:
        """The group's methods `name` that a call through `interface` may run: of the types of
        the interface's package, the packages importing it (directly or not) and those it
        imports directly, that have
        every method the interface declares, the one called with the same signature; not
        those of a package no other package imports (test files are not in the graph: a fake
        that only tests use), unless it is a main package."""
        key = (interface[0].directory, interface[2], name)
        if key not in self._implementations:
            self._implementations[key] = self._implementations_of(interface, name)
        return self._implementations[key]

    def _implementations_of(self, interface: _Type, name: str) -> tuple[Function, ...]:
        package = interface[0]
        wanted = package.interfaces[interface[2]]
        if name not in wanted:
            return ()  # an embedded interface's method: not followed
        found = []
        importers = None
        for method in self.methods_named(name):
            if method.signature != wanted[name]:
                continue
            if importers is None:
                importers = self.importers(package)
            # A type of a package importing the interface's, or of one it imports itself (an
            # interface declared where it is used: tracing's Backend, set up by types' OTelTracing).
            if method.package.directory not in importers and method.package.import_path not in package.imports:
                continue
            owner = method.package
            if owner.name != "main" and len(self.importers(owner)) == 1:
                continue  # a package only tests import (a fake): never the value at run time
            if self.has_methods_of(method, interface):
                found.append(method)
        return tuple(found)

    def has_methods_of(self, method: Function, interface: _Type) -> bool:
        """Whether the type of `method` has every method `interface` declares (those it embeds
        are not known). Only the type declaring `method`: a type embedding it, whose other
        methods complete the interface, is not looked for (a call through the interface then
        misses it, as `implementations` does)."""
        owner = method.package
        type_ = (owner, owner.import_path, method.key.split(".", 1)[0])
        return all(self.method(type_, other) is not None for other in interface[0].interfaces[interface[2]])

    def interfaces_implemented(self, method: Function) -> list[str]:
        """The directories of the packages declaring an interface of the group whose calls of
        `method`'s name may run it (see implementations)."""
        if self._interfaces_by_method is None:
            self._interfaces_by_method = {}
            for package in self.packages.values():
                for interface, methods in package.interfaces.items():
                    for name in methods:
                        self._interfaces_by_method.setdefault(name, []).append((package, interface))
        name = method.key.split(".", 1)[1]
        return [package.directory for package, interface in self._interfaces_by_method.get(name, ())
                if package.interfaces[interface][name] == method.signature and
                any(found is method for found in self.implementations((package, package.import_path, interface), name))]

    def _field_slot(self, owner: _Type, name: str) -> tuple | None:
        """The slot of field `name` of struct `owner`: ("f", directory, struct, field) of the
        struct declaring it (one level of embedding); None when there is no such field."""
        package, _, type_name = owner
        if name in package.structs.get(type_name, {}):
            return ("f", package.directory, type_name, name)
        for inner in self._embedded(package, type_name):
            if name in inner[0].structs.get(inner[2], {}):
                return ("f", inner[0].directory, inner[2], name)
        return None


class LiveTypes:
    """The module types whose values the code reached so far creates (rapid type analysis),
    for calls through an interface: such a call runs the implementations of live types only
    (harbor's HTTP client ranges over its request modifiers, an interface of forty
    implementations, of which the job service's startup creates one). A type is created by a
    composite literal, `new(T)` or a variable declared of it (see facts.creates), by a
    package-level variable of it, or as a struct that embeds it; a type that no function of the
    group creates (one a library makes, or a conversion `HandlerFunc(f)`) is always live, and so
    is the one implementation of an interface that has one (see Resolved.dispatched).
    `add(function)` as each function is reached; `defer` an edge to an implementation not
    live yet, which `add` hands back once its type is."""

    def __init__(self, graph: ModuleGraph):
        self.graph = graph
        self.live: set[tuple[str, str]] = set()
        self.pending: dict[tuple[str, str], list] = {}
        self._anywhere: set[tuple[str, str]] | None = None
        for package in graph.packages.values():
            for ref in package.variables.values():
                if type(ref) is TypeRef and ref.kind == "t":
                    resolved = graph.resolve_type(ref, package)
                    if resolved is not None and resolved[0] is not None:
                        _with_embedded(graph, resolved, self.live)

    @staticmethod
    def type_of(method: Function) -> tuple[str, str]:
        return method.package.directory, method.key.split(".", 1)[0]

    def admits(self, method: Function) -> bool:
        key = self.type_of(method)
        return key in self.live or key not in self.created_anywhere()

    def defer(self, method: Function, edge) -> None:
        self.pending.setdefault(self.type_of(method), []).append(edge)

    def add(self, function: Function) -> list:
        """Make the types `function` creates live; the deferred edges that this releases."""
        released = []
        for key in created_types(self.graph, function) - self.live:
            self.live.add(key)
            released.extend(self.pending.pop(key, ()))
        return released

    def created_anywhere(self) -> set[tuple[str, str]]:
        if self._anywhere is None:
            self._anywhere = set()
            for function in self.graph.functions.values():
                self._anywhere |= created_types(self.graph, function)
        return self._anywhere


def created_types(graph: ModuleGraph, function: Function) -> set[tuple[str, str]]:
    """(directory, type name) of each module type whose values `function` creates (see
    facts.creates), with the structs they embed."""
    found: set[tuple[str, str]] = set()
    for name in function.creates:
        qualifier, _, type_name = name.rpartition(".")
        package = function.package
        if qualifier:
            path = graph.file_imports.get(function.display, {}).get(qualifier)
            package = graph.package_for(path, function.package) if path else None
        if package is not None:
            _with_embedded(graph, (package, package.import_path, type_name), found)
    return found


def _with_embedded(graph: ModuleGraph, resolved: _Type, into: set[tuple[str, str]]) -> None:
    """`resolved` and the structs it embeds, directly or not (their methods are its own)."""
    stack = [resolved]
    while stack:
        package, _, type_name = stack.pop()
        key = (package.directory, type_name)
        if key not in into:
            into.add(key)
            stack.extend(graph._embedded(package, type_name))


def shortest_paths_to(target: tuple, predecessors: dict[tuple, list[tuple]]) -> dict[tuple, tuple | None]:
    """Breadth-first over reversed edges: for each node that reaches `target`, its next hop."""
    next_hop: dict = {target: None}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        for caller in predecessors.get(node, ()):
            if caller not in next_hop:
                next_hop[caller] = node
                queue.append(caller)
    return next_hop


def target_name(target: Target | None) -> str | None:
    """The function or method name an event target spells (None for a function literal)."""
    if target is None or type(target) is LiteralTarget:
        return None
    return target.name


def module_groups(facts: dict[str, FileFacts], abspaths: dict[str, str]) -> list[dict[str, FileFacts]]:
    """`facts` split into groups of modules whose code can call one another: a module joins the
    modules it builds against from disk (its go.work and local `replace` targets), and the
    modules nested in their directories under the import path that leads there
    (`example.com/app/settings` in app's `settings/`: modules.package_dir resolves such
    an import into it). Files outside any module form one group. Groups come in the order
    of their first file."""
    parent: dict = {}

    def find(root):
        while parent.setdefault(root, root) != root:
            parent[root] = parent[parent[root]]
            root = parent[root]
        return root

    roots, by_root = {}, {}
    for display in facts:
        module = modules.module_of_dir(os.path.dirname(abspaths[display]))
        roots[display] = module.root if module is not None else None
        if module is not None:
            by_root[module.root] = module
    for module in by_root.values():
        for path, visible in modules.visible_modules(module):
            parent[find(visible)] = find(module.root)
            inside = visible.rstrip(os.sep) + os.sep
            for nested_root, nested in by_root.items():
                if nested_root.startswith(inside) and \
                        nested.path == f"{path}/{nested_root[len(inside):].replace(os.sep, '/')}":
                    parent[find(nested_root)] = find(module.root)
    groups: dict = {}
    for display, file_facts in facts.items():
        root = roots[display]
        groups.setdefault(find(root) if root is not None else None, {})[display] = file_facts
    return list(groups.values())
