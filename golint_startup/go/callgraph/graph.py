"""The call graph of a group of modules, joined from per-file facts in the main process.

`ModuleGraph` gathers the facts (see `facts`) of every file of a module, and of the modules
its go.work or local `replace` lines point at, into packages keyed by directory, and
resolves event targets: a function of the package, a function of another package of the
group (import path -> directory through the module path prefix), a method of a type
declared in the group (through struct fields, with one level of embedding), or a member
outside the group (`Resolved.external`).
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from typing import Iterable

from golint_startup.go import modules
from golint_startup.go.library import COMMAND_RUNNERS
from golint_startup.go.callgraph.facts import CHANNEL, UNKNOWN, Event, FileFacts, FunctionTarget, LiteralTarget, \
    MemberTarget, MethodTarget, Span, Target, TypeRef


@dataclass
class Function:
    id: tuple[str, str]  # (package directory, key)
    kind: str  # func | method | lit | var
    display: str  # file the function lives in (display path)
    name_loc: Span | None
    result: TypeRef
    events: tuple[Event, ...]
    package: "Package" = None  # type: ignore[assignment]

    @property
    def key(self) -> str:
        return self.id[1]

    @property
    def is_root(self) -> bool:
        """Whether the program runs it by itself: a package-level var initializer, an `init`,
        or `main` of a main package."""
        return self.kind == "var" or self.key.startswith("init#") or \
            (self.package.name == "main" and self.kind == "func" and self.key == "main")


@dataclass
class Package:
    directory: str
    name: str = ""
    import_path: str = ""
    module: modules.Module | None = None
    functions: dict[str, Function] = field(default_factory=dict)
    structs: dict[str, dict[str, TypeRef]] = field(default_factory=dict)
    variables: dict[str, TypeRef] = field(default_factory=dict)
    imports: set = field(default_factory=set)  # import paths of its files, blank imports included


@dataclass(frozen=True)
class Resolved:
    function: Function | None
    external: tuple[str, str] | None = None  # (import path, member) outside the module
    method_name: str = ""
    unresolved: bool = False  # a method call on a value of unknown type


RUNNER_NAMES = frozenset().union(*COMMAND_RUNNERS.values())

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
        self._closures: dict[str, set[str]] = {}
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
            for facts_of in file.functions:
                events = facts_of.events or ()  # None: not computed (see completion.complete)
                function = Function((directory, facts_of.key), facts_of.kind, display, facts_of.name_span,
                                    facts_of.result, events, package)
                existing = package.functions.get(facts_of.key)
                if existing is not None:  # the same name under different build tags: merge
                    function.events = existing.events + events
                package.functions[facts_of.key] = function
                self.functions[function.id] = function

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
        variable's type, at most 8 steps."""
        for _ in range(9):
            if not ref or ref.kind == "?" or ref.kind == "c":
                return None
            package = self.package_for(ref.path, context)
            if package is None:
                # Outside the module: a type of that package, or what its function or variable holds
                # (assumed to be of that package too: viper.New() is a *viper.Viper).
                return (None, ref.path, ref.name if ref.kind == "t" else "") if ref.path else None
            if ref.kind == "t":
                return (package, package.import_path, ref.name)
            ref = self._through(ref, package)
            context = package
        return None

    def _through(self, ref: TypeRef, package: Package) -> TypeRef | None:
        """The type a function's result ("r") or a variable ("v") of `package` has."""
        if ref.kind == "r":
            function = package.functions.get(ref.name)
            return function.result if function else None
        return package.variables.get(ref.name) if ref.kind == "v" else None

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
            if ref is None or ref.kind not in ("r", "v"):
                return ref == CHANNEL
            context = self.package_for(ref.path, context)
            if context is None:
                return False
            ref = self._through(ref, context)
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
        variable's initializer only when no such call reaches it."""
        package = function.package
        for event in function.events:
            kind = event.kind
            if kind == "call":
                resolved = self.resolve(event.target, package)
                yield event, resolved
                if resolved.function is None and resolved.method_name in RUNNER_NAMES:
                    for command in self._commands_run_by(function, resolved):
                        yield event, Resolved(command)
            elif kind == "ref":
                yield event, self.resolve(event.target, package)
            elif kind == "run":
                resolved = self.resolve(event.target, package)
                if resolved.function is None or resolved.function.id not in self._commands()[1]:
                    yield event, resolved

    def _commands(self) -> tuple[list[tuple[Function, str, frozenset[str]]], set[tuple]]:
        """(each function stored in a command framework's run field of a package-level literal,
        with its package's directory and the frameworks its file imports; the ids of those
        some call runs), computed once per graph."""
        if self._stored is None:
            self._stored, self._run = [], set()
            for function in self.functions.values():
                if function.kind != "var" or not any(e.kind == "run" for e in function.events):
                    continue
                frameworks = frozenset(p for p in self.file_imports.get(function.display, {}).values()
                                       if p in COMMAND_RUNNERS)
                for event in function.events:
                    if event.kind == "run":
                        target = self.resolve(event.target, function.package).function
                        if target is not None:
                            self._stored.append((target, function.package.directory, frameworks))
            if self._stored:
                for function in self.functions.values():
                    for event in function.events:
                        if event.kind == "call" and getattr(event.target, "name", None) in RUNNER_NAMES:
                            self._run.update(f.id for f in self._commands_run_by(
                                function, self.resolve(event.target, function.package)))
        return self._stored, self._run

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
        visible = self._imported_closure(function.package)
        return [target for target, directory, imported in stored if directory in visible and frameworks & imported]

    def _imported_closure(self, package: Package) -> set[str]:
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
        kind = type(target)
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
        return Resolved(self.method(resolved, target.name), method_name=target.name)


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
