"""A syntactic call graph of a Go module, built from compact per-file facts.

`file_facts` runs per file (in worker processes; the result is cached, so it holds only
tuples and strings, never tree nodes). `ModuleGraph` joins the facts of every file of a
module (and of the modules its go.work or local `replace` lines point at) in the main
process and resolves call targets:

- `F()` / `F` (a function value) to the package's function `F`;
- `pkg.F()` / `pkg.F` to function `F` of the imported package, when that package lives in
  a module on disk (import path -> directory through the module path prefix);
- `x.M()` / `x.M` to method `M` of `x`'s type when that type is evident from the syntax:
  receivers, parameters, `x := T{}` / `&T{}` / `new(T)` / `NewT()` (a function of the
  module whose first result is `T` or `*T`), `var x T`, package-level variables, and
  struct fields declared in the module (`s.cfg.M()`), with one level of embedding;
- function literals are nodes of their own, reached from the enclosing function at the
  literal's position.

Each function keeps its events in source order (calls, references, and whatever the rule
asks `file_facts` to classify), so a rule can reason about what happens before or after a
call site. A deferred call is placed at the end of its function.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable

import tree_sitter

from golint_startup.go import modules
from golint_startup.go.gofile import GoFile
from golint_startup.go.syntax import matches, text, unparen

# A type reference, resolved later against the module:
#   ("t", path, "T")  the named type T of package `path` ("" = the file's own package)
#   ("r", path, "F")  the type of F's first result
#   ("v", path, "V")  the type of package-level variable V
#   ("?",)            unknown
UNKNOWN = ("?",)

# An event: (position, kind, target, (line, col, end_line, end_col)).
# kinds: "call", "ref" (a function value), or a label from the classifier.
# targets: ("f", name) | ("p", path, name) | ("m", recv_typeref, fields, name, base_is_param) | ("l", key)

_FUNC_NODES = {"function_declaration", "method_declaration", "function_literal"}
_NOT_FUNCTIONS = {"nil", "true", "false", "iota", "_"}

# Everything a declaration contributes, found in one pass over the file.
_FACTS = """
(call_expression function: (_) @fn) @call
(function_literal) @lit
(arguments [(identifier) (selector_expression)] @ref)
(keyed_element element: [(identifier) (selector_expression)] @ref)
(literal_value [(identifier) (selector_expression)] @ref)
(expression_list [(identifier) (selector_expression)] @ref)
(parameter_declaration) @binding
(short_var_declaration) @binding
(var_spec) @binding
"""


class _Found:
    """The captures of one top-level declaration (a function, a method or a var spec)."""

    __slots__ = ("calls", "literals", "refs", "bindings")

    def __init__(self):
        self.calls, self.literals, self.refs, self.bindings = [], [], [], []


def _bucket(root, tops: list) -> list[_Found]:
    """_Found for each of `tops` (sorted, non-overlapping nodes), from one query over `root`."""
    starts = [t.start_byte for t in tops]
    found = [_Found() for _ in tops]
    for captures in matches(_FACTS, root):
        node = next(iter(captures.values()))[0]
        if "call" in captures:
            node = captures["call"][0]
        index = bisect.bisect_right(starts, node.start_byte) - 1
        if index < 0 or node.end_byte > tops[index].end_byte:
            continue
        bucket = found[index]
        if "call" in captures:
            bucket.calls.append((node, captures["fn"][0]))
        elif "lit" in captures:
            bucket.literals.append(node)
        elif "ref" in captures:
            bucket.refs.append(captures["ref"][0])
        else:
            bucket.bindings.append(captures["binding"][0])
    return found


def loc(node: tree_sitter.Node) -> tuple[int, int, int, int]:
    (row, col), (end_row, end_col) = node.start_point, node.end_point
    return (row + 1, col + 1, end_row + 1, end_col + 1)


# --- per file ---------------------------------------------------------------


def type_ref(file: GoFile, node: tree_sitter.Node | None) -> tuple:
    """The named type a type expression denotes (pointers and type arguments dropped)."""
    while node is not None:
        kind = node.type
        if kind in {"type_identifier", "identifier"}:  # `T`, or `T` where an expression may stand: new(T)
            return ("t", "", text(node))
        if kind == "qualified_identifier":
            path = file.imports.get(text(node.child_by_field_name("package")))
            return ("t", path, text(node.child_by_field_name("name"))) if path else UNKNOWN
        if kind == "selector_expression":  # `pkg.T` where an expression may stand: new(pkg.T)
            operand = node.child_by_field_name("operand")
            path = file.imports.get(text(operand)) if operand is not None and operand.type == "identifier" else None
            return ("t", path, text(node.child_by_field_name("field"))) if path else UNKNOWN
        if kind not in {"pointer_type", "generic_type", "parenthesized_type"}:
            return UNKNOWN
        node = node.child_by_field_name("type") or (node.named_children[-1] if node.named_children else None)
    return UNKNOWN


def value_ref(file: GoFile, node, env: dict) -> tuple:
    """The type of an expression when evident from its syntax."""
    node = unparen(node)
    if node is None:
        return UNKNOWN
    kind = node.type
    if kind == "unary_expression" and node.child(0) is not None and node.child(0).type == "&":
        return value_ref(file, node.child_by_field_name("operand"), env)
    if kind == "composite_literal":
        return type_ref(file, node.child_by_field_name("type"))
    if kind == "identifier":
        name = text(node)
        return env.get(name) or ("v", "", name)
    if kind == "selector_expression":
        member = _imported_member(file, node, env)
        return ("v", *member) if member else UNKNOWN
    if kind == "call_expression":
        function = unparen(node.child_by_field_name("function"))
        if function is not None and function.type == "index_expression":  # F[T]()
            function = function.child_by_field_name("operand")
        if function is None:
            return UNKNOWN
        if function.type == "identifier":
            name = text(function)
            if name == "new":
                arguments = node.child_by_field_name("arguments")
                return type_ref(file, arguments.named_children[0]) if arguments and arguments.named_children else UNKNOWN
            if name in env:
                return UNKNOWN
            return ("r", "", name)
        if function.type == "selector_expression":
            member = _imported_member(file, function, env)
            if member:
                return ("r", *member)
    return UNKNOWN


def _imported_member(file: GoFile, selector, env: dict) -> tuple[str, str] | None:
    """(import path, name) for `pkg.Name` where `pkg` is an import no local variable hides."""
    operand = selector.child_by_field_name("operand")
    if operand is None or operand.type != "identifier" or text(operand) in env:
        return None
    path = file.imports.get(text(operand))
    return (path, text(selector.child_by_field_name("field"))) if path else None


class Env(dict):
    """Local names of a function and their types, each computed only when asked for.

    Holds name -> typeref, or name -> a thunk (node, value index) until `get` resolves it.
    `name in env` (is it a local?) never computes a type.
    """

    def __init__(self, file: GoFile):
        super().__init__()
        self.file = file

    def get(self, name, default=None):
        value = dict.get(self, name, default)
        if isinstance(value, _Pending):
            dict.__setitem__(self, name, UNKNOWN)  # a self-reference resolves to unknown
            value = value.resolve(self.file, self)
            dict.__setitem__(self, name, value)
        return value


class _Pending:
    __slots__ = ("kind", "node", "index", "name")

    def __init__(self, kind, node, index, name):
        self.kind, self.node, self.index, self.name = kind, node, index, name

    def resolve(self, file: GoFile, env) -> tuple:
        if self.kind == "type":
            return type_ref(file, self.node)
        ref = value_ref(file, self.node, env)
        return UNKNOWN if ref == ("v", "", self.name) else ref


def _bind(file: GoFile, node, env: dict) -> None:
    """Record the names `node` declares in `env` (first declaration wins)."""
    if node.type == "parameter_declaration":
        type_node = node.child_by_field_name("type")
        for name in node.children_by_field_name("name"):
            env.setdefault(text(name), _Pending("type", type_node, 0, ""))
    elif node.type == "short_var_declaration":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        names = left.named_children if left is not None else []
        values = right.named_children if right is not None else []
        for i, name in enumerate(names):
            if name.type == "identifier":
                key = text(name)
                env.setdefault(key, _Pending("value", values[i], 0, key) if len(values) == len(names) else UNKNOWN)
    elif node.type == "var_spec":
        declared = node.child_by_field_name("type")
        value = node.child_by_field_name("value")
        values = value.named_children if value is not None else []
        names = node.children_by_field_name("name")
        for i, name in enumerate(names):
            key = text(name)
            if declared is not None:
                env.setdefault(key, _Pending("type", declared, 0, key))
            elif len(values) == len(names):
                env.setdefault(key, _Pending("value", values[i], 0, key))
            else:
                env.setdefault(key, UNKNOWN)


def _receiver(file: GoFile, operand, env: dict, params: set) -> tuple | None:
    """(type of the base, field chain, base is a parameter) for the operand of `operand.M`."""
    fields = []
    node = unparen(operand)
    while node is not None and node.type == "selector_expression":
        inner = unparen(node.child_by_field_name("operand"))
        if inner is not None and inner.type == "identifier" and text(inner) not in env and \
                file.imports.get(text(inner)):
            break  # pkg.Var: a package-level variable of another package
        fields.append(text(node.child_by_field_name("field")))
        node = inner
    if node is None:
        return None
    fields.reverse()
    base_is_param = node.type == "identifier" and text(node) in params
    return value_ref(file, node, env), tuple(fields), base_is_param


def _target(file: GoFile, node, env: dict, params: set) -> tuple | None:
    """What a callee or function-value expression names."""
    node = unparen(node)
    if node is not None and node.type == "index_expression":
        node = node.child_by_field_name("operand")
    if node is None:
        return None
    if node.type == "identifier":
        name = text(node)
        if name in env or name in _NOT_FUNCTIONS:
            return None
        return ("f", name)
    if node.type == "selector_expression":
        operand = unparen(node.child_by_field_name("operand"))
        name = text(node.child_by_field_name("field"))
        if operand is None:
            return None
        if operand.type == "identifier" and text(operand) not in env:
            path = file.imports.get(text(operand))
            if path:
                return ("p", path, name)
        receiver = _receiver(file, operand, env, params)
        if receiver is None:
            return None
        return ("m", receiver[0], receiver[1], name, receiver[2])
    return None


def _owner(node, top, literals):
    """The innermost function literal around `node` (from `literals`, in source order), else `top`."""
    owner = top
    for literal in literals:
        if literal.start_byte > node.start_byte:
            break
        if node.end_byte <= literal.end_byte and literal != node:
            owner = literal
    return owner


def _is_invoked(literal) -> tuple[bool, bool]:
    """(called right where it is written, deferred) for a function literal."""
    parent = literal.parent
    if parent is not None and parent.type == "call_expression" and parent.child_by_field_name("function") == literal:
        return True, parent.parent is not None and parent.parent.type == "defer_statement"
    return False, False


def _function_type_ref(file: GoFile, node) -> tuple:
    result = node.child_by_field_name("result")
    if result is None:
        return UNKNOWN
    if result.type == "parameters":
        first = result.named_children[0] if result.named_children else None
        return type_ref(file, first.child_by_field_name("type")) if first is not None else UNKNOWN
    return type_ref(file, result)


Classifier = Callable[[GoFile, tree_sitter.Node], "str | None"]


def _events_of(file: GoFile, top, found: _Found, key: str, classify: Classifier | None, env: dict, params: set,
               literal_key: Callable, out: dict, literal_locs: dict, keep_untyped_call: Callable) -> None:
    """Fill out[owner key] with the events of `top` (a declaration or a var spec) and its literals."""
    end = top.end_byte
    owners: dict = {top: key}
    ends: dict = {key: end}
    literal_nodes = found.literals
    for literal in literal_nodes:
        owners[literal] = literal_key(literal)
        literal_locs[owners[literal]] = loc(literal)
        ends[owners[literal]] = literal.end_byte
    events: dict[str, list] = {k: [] for k in ends}

    def place(node, owner) -> int:
        """Where an event counts in its owner: deferred calls run at the end."""
        parent = node.parent
        if node.type == "call_expression" and parent is not None and parent.type == "defer_statement":
            return ends[owners[owner]]
        return node.start_byte

    for literal in literal_nodes:
        owner = _owner(literal, top, literal_nodes)
        invoked, _ = _is_invoked(literal)
        call = literal.parent if invoked else literal
        events[owners[owner]].append((place(call, owner), "call" if invoked else "ref", ("l", owners[literal]),
                                      loc(literal)))
    for call, function in found.calls:
        owner = _owner(call, top, literal_nodes)
        label = classify(file, call) if classify is not None else None
        if label:
            # A literal that runs where it is written (or deferred) acts for its enclosing function too.
            node, holder = call, owner
            while True:
                events[owners[holder]].append((place(node, holder), label, None, loc(call)))
                if holder.type != "function_literal" or holder == top:
                    break
                invoked, _ = _is_invoked(holder)
                if not invoked:
                    break
                node, holder = holder.parent, _owner(holder.parent, top, literal_nodes)
            continue
        target = _target(file, function, env, params)
        if target is not None and (target[0] != "m" or target[1] != UNKNOWN or keep_untyped_call(target[3])):
            events[owners[owner]].append((place(call, owner), "call", target, loc(call)))
    for ref in found.refs:
        parent = ref.parent
        if parent is not None and parent.type == "expression_list" and parent.parent is not None and \
                parent.parent.child_by_field_name("left") == parent:
            continue  # assigned to, not a value
        target = _target(file, ref, env, params)
        if target is not None and (target[0] != "m" or target[1] != UNKNOWN):
            owner = _owner(ref, top, literal_nodes)
            events[owners[owner]].append((ref.start_byte, "ref", target, loc(ref)))
    for owner_key, owner_events in events.items():
        out[owner_key] = tuple(sorted(owner_events, key=lambda e: e[0]))


def _var_specs(declaration) -> list:
    return [child for child in declaration.named_children if child.type == "var_spec"]


def _struct_fields(file: GoFile, struct) -> tuple:
    fields = []
    for decl in struct.named_children:
        if decl.type != "field_declaration":
            continue
        ref = type_ref(file, decl.child_by_field_name("type"))
        names = decl.children_by_field_name("name")
        if names:
            fields += [(text(n), ref) for n in names]
        elif ref != UNKNOWN:  # embedded: the field is named after its type
            fields.append((ref[2], ref))
    return tuple(fields)


def _declarations(file: GoFile) -> tuple[list, list, list]:
    """(tops, structs, variables) from a walk over the top level only (no query, cheap).

    tops: functions, methods and package-level var specs with a value, in source order.
    """
    structs = []  # (type name, ((field name, typeref), ...))
    variables = []  # (name, typeref)
    tops = []
    for kind, node in file.declarations:
        if kind == "method_declaration" or kind == "function_declaration":  # most of them, in this order
            if node.child_by_field_name("body") is not None:
                tops.append(node)
        elif kind == "type_declaration":
            for spec in node.named_children:
                body = spec.child_by_field_name("type")
                if spec.type == "type_definition" and body is not None and body.type == "struct_type":
                    structs.append((text(spec.child_by_field_name("name")), _struct_fields(file, body)))
        elif kind == "var_declaration":
            for spec in _var_specs(node):
                bound = Env(file)
                _bind(file, spec, bound)
                for name in spec.children_by_field_name("name"):
                    variables.append((text(name), bound.get(text(name), UNKNOWN)))
                if spec.child_by_field_name("value") is not None:
                    tops.append(spec)
    return tops, structs, variables


def _top_header(file: GoFile, node) -> tuple | None:
    """(key, kind, name location, result typeref, receiver (names, typeref) or None) of a top;
    None for a method of a type the file cannot name (another package's, or unparsed)."""
    kind = node.type
    if kind == "var_spec":
        names = node.children_by_field_name("name")
        return "var:" + ",".join(text(n) for n in names), "var", loc(names[0]), UNKNOWN, None
    name_node = node.child_by_field_name("name")
    name = text(name_node)
    if kind == "method_declaration":
        receiver = node.child_by_field_name("receiver")
        decl = receiver.named_child(0) if receiver is not None else None
        recv_type = type_ref(file, decl.child_by_field_name("type")) if decl is not None else UNKNOWN
        if recv_type == UNKNOWN or recv_type[1]:
            return None
        # A method's result type stays unknown: only `F()` and `pkg.F()` are typed by their
        # function's result (see value_ref), and most top-level declarations are methods.
        return (f"{recv_type[2]}.{name}", "method", loc(name_node), UNKNOWN,
                (tuple(decl.children_by_field_name("name")), recv_type))
    if name == "init":
        name = f"init#{file.path}:{node.start_point[0] + 1}"  # a package may have many
    return name, "func", loc(name_node), _function_type_ref(file, node), None


def file_summary(file: GoFile) -> dict:
    """The facts of `file_facts` without the events (`complete` False): every top-level
    function, the types and variables. A walk over the top level only; `file_facts` of the
    same file can fill the events in later, where they are needed."""
    tops, structs, variables = _declarations(file)
    functions = []
    for node in tops:
        header = _top_header(file, node)
        if header is not None:
            key, kind, name_loc, result, _ = header
            functions.append((key, kind, name_loc, result, None))
    return _facts(file, functions, structs, variables, complete=False)


def _facts(file: GoFile, functions, structs, variables, complete: bool) -> dict:
    return {
        "package": file.package,
        "blank_imports": file.blank_imports,
        "imports": tuple(sorted(file.imports.items())),
        "functions": tuple(functions),
        "structs": tuple(structs),
        "variables": tuple(variables),
        "complete": complete,
    }


def file_facts(file: GoFile, classify: Classifier | None = None,
               keep_untyped_call: Callable[[str], bool] = lambda name: False) -> dict:
    """Compact facts of one file for `ModuleGraph`: functions with their events, types, variables.

    Each function is (key, kind, name location, result typeref (of functions only), events).
    `classify(file, call)` labels calls the rule cares about (e.g. "memlimit"); a labeled
    call is recorded as that label rather than as an edge. Method calls on values of
    unknown type are left out (they resolve to nothing) unless `keep_untyped_call(name)`.
    """
    functions = []
    literal_locs: dict = {}  # literal key -> location of the literal

    def literal_key(literal) -> str:
        return f"{file.path}@{literal.start_byte}"

    tops, structs, variables = _declarations(file)
    for node, found in zip(tops, _bucket(file.root, tops)):
        header = _top_header(file, node)
        if header is None:
            continue
        key, kind, name_loc, result, receiver = header
        env = Env(file)
        params: set = set()
        if receiver is not None:
            for recv_name in receiver[0]:
                env[text(recv_name)] = receiver[1]
        if kind != "var":
            for binding in found.bindings:
                if binding.type == "parameter_declaration":
                    holder = binding.parent.parent if binding.parent is not None else None
                    if holder is None or holder.child_by_field_name("result") != binding.parent:
                        params.update(text(n) for n in binding.children_by_field_name("name"))
                _bind(file, binding, env)
        out: dict = {}
        _events_of(file, node, found, key, classify, env, params, literal_key, out, literal_locs, keep_untyped_call)
        for owner_key, events in out.items():
            if owner_key == key:
                functions.append((key, kind, name_loc, result, events))
            elif events:
                functions.append((owner_key, "lit", literal_locs[owner_key], UNKNOWN, events))
    return _facts(file, functions, structs, variables, complete=True)


# --- per module -------------------------------------------------------------


@dataclass
class Function:
    id: tuple[str, str]  # (package directory, key)
    kind: str  # func | method | lit | var
    display: str  # file the function lives in (display path)
    name_loc: tuple | None
    result: tuple
    events: tuple
    package: "Package" = None  # type: ignore[assignment]

    @property
    def key(self) -> str:
        return self.id[1]


@dataclass
class Package:
    directory: str
    name: str = ""
    import_path: str = ""
    module: modules.Module | None = None
    functions: dict[str, Function] = field(default_factory=dict)
    structs: dict[str, dict] = field(default_factory=dict)
    variables: dict[str, tuple] = field(default_factory=dict)
    imports: set = field(default_factory=set)  # import paths of its files, blank imports included


class ModuleGraph:
    """Packages and functions of every file in `facts`, keyed by directory."""

    def __init__(self, facts: dict[str, dict], abspaths: dict[str, str]):
        self.packages: dict[str, Package] = {}
        self.functions: dict[tuple[str, str], Function] = {}
        self.file_imports: dict[str, dict[str, str]] = {}
        for display, file in sorted(facts.items()):
            if not file or display.endswith("_test.go"):
                continue
            directory = os.path.dirname(abspaths[display])
            package = self.packages.get(directory)
            if package is None:
                module = modules.module_of_dir(directory)
                package = self.packages[directory] = Package(
                    directory, file["package"], modules.import_path_of_dir(directory, module) if module else "",
                    module)
            if package.name == "main" and file["package"] != "main":
                continue  # a stray file of another package in a main directory
            self.file_imports[display] = dict(file["imports"])
            package.imports.update(path for _, path in file["imports"])
            package.imports.update(file["blank_imports"])
            for name, fields in file["structs"]:
                package.structs[name] = dict(fields)
            for name, ref in file["variables"]:
                package.variables.setdefault(name, ref)
            for key, kind, name_loc, result, events in file["functions"]:
                events = events or ()  # None: not computed (see `complete`)
                function = Function((directory, key), kind, display, name_loc, result, events, package)
                existing = package.functions.get(key)
                if existing is not None:  # the same name under different build tags: merge
                    function.events = existing.events + events
                package.functions[key] = function
                self.functions[function.id] = function

    # --- resolution -----------------------------------------------------

    def package_for(self, import_path: str, context: Package) -> Package | None:
        if not import_path:
            return context
        if context.module is None:
            return None
        directory = modules.package_dir(import_path, context.module)
        return self.packages.get(directory) if directory else None

    def resolve_type(self, ref: tuple, context: Package, depth: int = 0) -> tuple | None:
        """(Package or None, import path, type name) for a typeref; None when unknown."""
        if depth > 8 or not ref or ref[0] == "?":
            return None
        kind, path, name = ref
        package = self.package_for(path, context)
        if package is None:
            # Outside the module: a type of that package, or what its function or variable holds
            # (assumed to be of that package too: viper.New() is a *viper.Viper).
            return (None, path, name if kind == "t" else "") if path else None
        if kind == "t":
            return (package, package.import_path, name)
        if kind == "r":
            function = package.functions.get(name)
            return self.resolve_type(function.result, package, depth + 1) if function else None
        if kind == "v":
            variable = package.variables.get(name)
            return self.resolve_type(variable, package, depth + 1) if variable else None
        return None

    def field_type(self, resolved: tuple, field_name: str) -> tuple | None:
        package, _, type_name = resolved
        if package is None:
            return None
        struct = package.structs.get(type_name, {})
        if field_name in struct:
            return self.resolve_type(struct[field_name], package)
        for embedded_name, ref in struct.items():  # promoted through one embedded struct
            if ref != UNKNOWN and ref[2] == embedded_name:
                inner = self.resolve_type(ref, package)
                if inner is not None and inner[0] is not None and field_name in inner[0].structs.get(inner[2], {}):
                    return self.resolve_type(inner[0].structs[inner[2]][field_name], inner[0])
        return None

    def method(self, resolved: tuple, name: str) -> Function | None:
        package, _, type_name = resolved
        if package is None:
            return None
        found = package.functions.get(f"{type_name}.{name}")
        if found is not None:
            return found
        for embedded_name, ref in package.structs.get(type_name, {}).items():
            if ref != UNKNOWN and ref[2] == embedded_name:
                inner = self.resolve_type(ref, package)
                if inner is not None and inner[0] is not None:
                    found = inner[0].functions.get(f"{inner[2]}.{name}")
                    if found is not None:
                        return found
        return None

    def edges(self, function: Function) -> Iterable[tuple[tuple, "Resolved"]]:
        """Each call/ref event of `function` with what it resolves to."""
        package = function.package
        for event in function.events:
            position, kind, target, where = event
            if kind not in {"call", "ref"}:
                continue
            yield event, self.resolve(target, package, function.display)

    def resolve(self, target: tuple, package: Package, display: str) -> "Resolved":
        tag = target[0]
        if tag == "l":
            return Resolved(self.functions.get((package.directory, target[1])))
        if tag == "f":
            return Resolved(package.functions.get(target[1]))
        if tag == "p":
            _, path, name = target
            other = self.package_for(path, package)
            if other is None:
                return Resolved(None, external=(path, name))
            return Resolved(other.functions.get(name))
        _, recv, fields, name, _base_is_param = target
        resolved = self.resolve_type(recv, package)
        for field_name in fields:
            if resolved is None:
                break
            resolved = self.field_type(resolved, field_name)
        if resolved is None:
            return Resolved(None, method_name=name, unresolved=True)
        if resolved[0] is None:
            return Resolved(None, external=(resolved[1], name), method_name=name)
        return Resolved(self.method(resolved, name), method_name=name)


@dataclass(frozen=True)
class Resolved:
    function: Function | None
    external: tuple[str, str] | None = None  # (import path, member) outside the module
    method_name: str = ""
    unresolved: bool = False  # a method call on a value of unknown type


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


def target_name(target: tuple | None) -> str | None:
    """The function or method name an event target spells (None for a function literal)."""
    if target is None:
        return None
    tag = target[0]
    return target[1] if tag == "f" else target[2] if tag == "p" else target[3] if tag == "m" else None


def module_groups(facts: dict[str, dict], abspaths: dict[str, str]) -> list[dict[str, dict]]:
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


ANY_FILE = "*"  # see callable_spelling


def callable_spelling(function: Function) -> tuple[str, bool, str, str | None] | None:
    """What a call or reference to `function` spells, and where: (identifier, right after a
    dot, its package's directory, which other files can spell it), or None.

    A method is only ever reached through a selector (`x.M`, `T.M`, `x.\n\tM`), so its
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
    else:
        return None
    package = function.package
    if not name[:1].isupper():
        return name, dotted, package.directory, None
    return name, dotted, package.directory, ANY_FILE if dotted or not package.import_path else package.import_path


def complete(facts: dict[str, dict], abspaths: dict[str, str], is_seed: Callable[[ModuleGraph, Function], bool],
             compute: Callable[[str], dict | None]) -> tuple[dict[str, dict], ModuleGraph]:
    """Fill in the events of every function that reaches a seed, and return the facts and their graph.

    `facts` may hold summaries (`file_summary`, events not computed) beside complete facts;
    seeds are found among the functions whose events are known. A function reaching a seed
    calls or references a function that does, so its declaration spells that function's name
    (see `callable_spelling`): summaries whose file contains such a spelling are completed
    with `compute(display)` until no new one turns up. Functions left without events reach
    no seed, so for every function that does, the graph's edges and callers are those of the
    complete graph.
    """
    facts = dict(facts)
    searched: set[tuple[str, bool, str, str | None]] = set()
    unreadable: set[str] = set()
    # (is a seed, ids of the functions it calls or references) of each function with events.
    # Resolution reads only the declarations, which summaries hold too: a function keeps its
    # answer from round to round unless a file declaring it was completed since.
    known: dict[tuple, tuple[bool, list]] = {}
    completed_ids: set[tuple] = set()
    while True:
        graph = ModuleGraph(facts, abspaths)
        callers: dict[tuple, list[tuple]] = {}
        reaching = deque()
        seen: set[tuple] = set()
        for fid, function in graph.functions.items():
            if not function.events:
                continue
            if fid not in known or fid in completed_ids:
                known[fid] = (is_seed(graph, function),
                              [r.function.id for _, r in graph.edges(function) if r.function is not None])
            seed, callees = known[fid]
            if seed:
                seen.add(fid)
                reaching.append(fid)
            for callee in callees:
                callers.setdefault(callee, []).append(fid)
        completed_ids.clear()
        while reaching:
            for caller in callers.get(reaching.popleft(), ()):
                if caller not in seen:
                    seen.add(caller)
                    reaching.append(caller)
        spellings = {callable_spelling(graph.functions[fid]) for fid in seen} - {None} - searched
        if not spellings:
            return facts, graph
        searched |= spellings
        pending = [d for d, f in facts.items() if f and not f.get("complete", True) and d not in unreadable]
        if not pending:
            return facts, graph
        anywhere: set = set()
        in_package: dict[str, set] = {}
        by_importers: dict[str, set] = {}
        for name, dotted, directory, others in spellings:
            in_package.setdefault(directory, set()).add((name, dotted))
            if others == ANY_FILE:
                anywhere.add((name, dotted))
            elif others is not None:
                by_importers.setdefault(others, set()).add((name, dotted))
        patterns: dict[frozenset, object] = {}
        for display in pending:
            wanted = anywhere | in_package.get(os.path.dirname(abspaths[display]), set())
            for _, path in facts[display]["imports"]:
                wanted |= by_importers.get(path, set())
            if not wanted:
                continue  # nothing searched for can be spelled in this file
            key = frozenset(wanted)
            if key not in patterns:
                patterns[key] = _spelling_pattern(wanted)
            pattern = patterns[key]
            try:
                with open(abspaths[display], "rb") as handle:
                    source = handle.read()
            except OSError:
                unreadable.add(display)
                continue
            if pattern is _UNSEARCHABLE or pattern.search(source):
                completed = compute(display)
                if completed is None:
                    unreadable.add(display)
                else:
                    facts[display] = completed
                    directory = os.path.dirname(abspaths[display])
                    completed_ids.update((directory, function[0]) for function in completed["functions"])


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
