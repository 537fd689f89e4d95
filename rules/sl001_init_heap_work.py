"""SL001 init-heap-work: decoding, I/O, compilation and big allocations during package initialization."""

from __future__ import annotations

import functools
import json
import os
import re
import stat
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Callable, NamedTuple

from golint_startup.go.configfiles import ConfigSource, config_file, config_source
from golint_startup.go.constants import Constants, trip_count
from golint_startup.go.embed import embedded_data_variables, embedded_files, embedded_variables, go_sources, \
    human_size, read_size
from golint_startup.go import modules
from golint_startup.go.gofile import GoFile
from golint_startup.go.imports import default_package_name
from golint_startup.go.inputs import input_origin, names_small_system_files
from golint_startup.go.library import BINARY_DECODE_FUNCTIONS, BURNTSUSHI_TOML, DECODE_FUNCTIONS, GO_TOML, HTTP, \
    INPUT_METHODS, INPUT_SOURCES, STREAM_DECODERS, TEMPLATES, VIPER
from golint_startup.go.scope import declared_names
from golint_startup.go.treefiles import directory_sizes_in_tree, file_sizes_in_tree, in_the_tree
from golint_startup.go.types import FileTypes
from golint_startup.go.syntax import STRING_LITERALS, ancestors, assigned_names, assigned_or_declared, exported, \
    identifier_uses, invocation, is_define, matches, names_of, root_identifier, text, unconverted, unparen, values_of, \
    written_roots
from golint_startup.engine.cache_format import register
from golint_startup.rule import MODULE_FILES, SERVING_PROGRAMS, STARTUP_MODEL, Finding, Location, Option, Rule, \
    location_of
from golint_startup.words import words

_VIPER_LOADS = frozenset({"ReadInConfig", "ReadConfig", "ReadRemoteConfig"})
_LOCAL_VIPER_LOADS = _VIPER_LOADS - {"ReadRemoteConfig"}  # those with a file (or data) to size
_TEMPLATE_PARSES = frozenset({"Parse", "ParseFiles", "ParseGlob", "ParseFS"})
_HTTP_CALLS = frozenset({"Get", "Post", "Do"})

# What a flagged call costs, by kind: (level, verb phrase).
_DECODE = ("warning", "decodes data")
_FILE = ("warning", "reads a file")
_OPEN = ("warning", "opens a file")
_DIRECTORY = ("warning", "reads a directory")
_NETWORK = ("warning", "makes a network request")
_DIAL = ("warning", "opens a network connection")
_SQL = ("warning", "creates a database connection pool and connects through it (a round trip to the database)")
_CONFIG = ("warning", "loads configuration")
_COMPILE_REGEXP = ("note", "compiles a regular expression")
_COMPILE_TEMPLATE = ("note", "parses a template")
_PARSE_TEMPLATE_FILES = ("note", "reads and parses template files")

# import path -> package-level function -> cost.
_PACKAGE_FUNCTIONS: dict[str, dict[str, tuple[str, str]]] = {
    path: {name: _DECODE for name in names} for path, names in DECODE_FUNCTIONS.items() if path != VIPER
}
_PACKAGE_FUNCTIONS.update({path: {name: _DECODE for name in names} for path, names in BINARY_DECODE_FUNCTIONS.items()})
_PACKAGE_FUNCTIONS[GO_TOML].update({name: _DECODE for name in ("Load", "LoadBytes", "LoadReader")})
_PACKAGE_FUNCTIONS[GO_TOML]["LoadFile"] = _FILE
_PACKAGE_FUNCTIONS[BURNTSUSHI_TOML]["DecodeFile"] = _FILE
# viper's loads; not its Unmarshal, which decodes the settings a load already holds: its cost
# is that of the load, which is sized (see _path_read_finding), so it is no finding of its own.
_PACKAGE_FUNCTIONS[VIPER] = {name: _CONFIG for name in _VIPER_LOADS}
_PACKAGE_FUNCTIONS.update({
    "os": {"ReadFile": _FILE, "Open": _OPEN, "ReadDir": _DIRECTORY},
    "io/ioutil": {"ReadFile": _FILE, "ReadDir": _DIRECTORY, "ReadAll": ("warning", "reads a whole stream into memory")},
    "io": {"ReadAll": ("warning", "reads a whole stream into memory")},
    HTTP: {"Get": _NETWORK, "Post": _NETWORK},
    "database/sql": {"Open": _SQL},
    "net": {"Dial": _DIAL},
    "regexp": {"MustCompile": _COMPILE_REGEXP, "Compile": _COMPILE_REGEXP, "MustCompilePOSIX": _COMPILE_REGEXP},
})
for _path in TEMPLATES:
    _PACKAGE_FUNCTIONS[_path] = {"Must": _COMPILE_TEMPLATE, "ParseFiles": _PARSE_TEMPLATE_FILES,
                                 "ParseGlob": _PARSE_TEMPLATE_FILES, "ParseFS": _COMPILE_TEMPLATE}

# Receivers the rule can recognize without type information: values built by these
# package functions (directly, in a method chain, or through a variable set from one).
_CONSTRUCTOR_KINDS = {
    **{(path, "NewDecoder"): "decoder" for path in STREAM_DECODERS},
    (VIPER, "New"): "viper",
    (VIPER, "GetViper"): "viper",
    **{(path, name): "template" for path in TEMPLATES
       for name in ("New", "Must", "ParseFiles", "ParseGlob", "ParseFS")},
}
# Template methods that return the template again (so a chain stays a template).
_TEMPLATE_CHAIN = frozenset({"New", "Funcs", "Delims", "Option", "Lookup", "Parse", "ParseFiles",
                             "ParseGlob", "ParseFS", "Clone"})

_CALLS = "(call_expression function: (_) @function arguments: (arguments) @args) @call"

_ASSIGNMENTS = """
(short_var_declaration left: (expression_list . (identifier) @name .) right: (expression_list . (_) @value .))
(assignment left: (expression_list . (identifier) @name .) right: (expression_list . (_) @value .))
(var_spec name: (identifier) @name . value: (expression_list . (_) @value .))
"""

_LOOPS = {"for_statement"}


def _runs_during_init(file: GoFile, node, context, never_set: Callable[[], frozenset] = frozenset) \
        -> tuple[bool, list]:
    """(runs while the package initializes, the loops around it from the inside out) for a
    node within `context`.

    A function literal runs only when it is called on the spot (`func(){...}()`, also
    deferred); one that is stored, passed on, or started with `go` does not. Nor does the
    body of an `if x != nil` (or `len(x) > 0`) on a variable of `never_set()`.
    """
    loops = []
    holders = ancestors(file, node)
    for index, parent in enumerate(holders):
        child = holders[index - 1] if index else node
        if child == context:
            break
        if child.type == "function_literal" and invocation(child, holders[index:index + 2]) in (None, "go"):
            return False, []
        if parent.type == "if_statement" and child == parent.child_by_field_name("body") and \
                (tested := _tested_variable(file, parent.child_by_field_name("condition"))) is not None and \
                tested in never_set():
            return False, []
        if parent.type in _LOOPS and child == parent.child_by_field_name("body"):
            loops.append(parent)
    return True, loops


# `x != nil`, `len(x) > 0`, `len(x) != 0`: whether x was given a value.
_SET_TESTS = re.compile(r"(\w+)!=nil|len\((\w+)\)(?:>|!=)0")


def _tested_variable(file: GoFile, condition) -> str | None:
    """The package-level variable a condition tests for a value (not a local of its name)."""
    found = _SET_TESTS.fullmatch("".join(text(condition).split())) if condition is not None else None
    if not found:
        return None
    name = found[found.lastindex]
    tested = next((u for u in identifier_uses(file, condition, name)), None)
    return name if tested is not None and not file.is_shadowed(tested) else None


def _never_set(file: GoFile, embedded: set[str]) -> frozenset:
    """The file's unexported package-level variables declared without a value or a
    `//go:embed` directive that the file never gives one (an assignment of `nil` frees, it
    does not set) nor takes the address of: nil for ever (kuma's generated policy packages
    that have no spec to embed hold `var rawOpenAPISpec []byte`). Writes in other files of
    the package are not seen."""
    candidates = set()
    for kind, node in file.declarations:
        if kind == "var_declaration":
            for spec in node.named_children:
                if spec.type == "var_spec" and spec.child_by_field_name("value") is None:
                    candidates.update(text(n) for n in spec.children_by_field_name("name")
                                      if not exported(text(n)) and text(n) not in embedded)
    return frozenset(name for name in candidates
                     if not any(_sets(use) for use in identifier_uses(file, file.root, name)))


def _assigned_to(use) -> bool:
    """Whether a use of a variable is a target of an assignment or short declaration (`x, err =
    f()`, `x := v`), not read."""
    targets = use.parent
    statement = targets.parent if targets is not None and targets.type == "expression_list" else None
    return statement is not None and statement.type in ("assignment", "short_var_declaration") and \
        statement.child_by_field_name("left") == targets


def _sets(use) -> bool:
    """Whether a use of a variable may give it a value: its address taken, or a target of an
    assignment of anything but `nil` (`x = nil`, `x, err = f()`, `x++`, `x[i] = v`...), of a
    range clause or of a receive (`case x = <-ch`)."""
    parent = use.parent
    if parent.type == "unary_expression" and text(parent.child_by_field_name("operator")) == "&":
        return True
    if parent.type in ("index_expression", "selector_expression", "inc_dec_statement"):
        return True  # an element or field may be written: taken as set
    if parent.type == "expression_list" and parent.parent.type in ("range_clause", "receive_statement") and \
            parent == parent.parent.child_by_field_name("left"):
        return True  # `for _, x = range xs`, `case x = <-ch`
    if not _assigned_to(use):
        return False
    targets, values = values_of(parent), values_of(parent.parent.child_by_field_name("right"))
    if len(targets) != len(values):
        return True
    return text(values[targets.index(use)]) != "nil" if use in targets else True


_FILE_VARS = """
(source_file (var_declaration
  (var_spec name: (identifier) @name . value: (expression_list . (_) @value .))))
"""


class _Receivers:
    """What kind of value a method is called on: a decoder, a viper, a template, an HTTP client.

    Variables are known by the value last assigned to them: package-level ones from their
    initializer, locals of the init context from `v := ...`, `v = ...` or `var v = ...`.
    """

    def __init__(self, file: GoFile):
        self.file = file
        self._package_vars: dict[str, str] | None = None
        self._context = None
        self._context_vars: dict[str, str] = {}

    def _assigned(self, pattern: str, scope) -> dict[str, str]:
        kinds = {}
        for found in matches(pattern, scope):
            kind = self.kind(found["value"][0], None)
            if kind is not None:
                kinds[text(found["name"][0])] = kind
        return kinds

    def kind(self, node, context, depth: int = 0) -> str | None:
        if node is None or depth > 30:
            return None
        while node.type in {"parenthesized_expression", "unary_expression"} and node.named_children:
            node = node.child_by_field_name("operand") or node.named_children[0]
        if node.type == "identifier":
            if context is None:
                return None
            if self._package_vars is None:
                self._package_vars = self._assigned(_FILE_VARS, self.file.root)
            if context is not self._context:
                self._context = context
                self._context_vars = self._assigned(_ASSIGNMENTS, context)
            name = text(node)
            return self._context_vars.get(name) or self._package_vars.get(name)
        if node.type == "selector_expression":  # http.DefaultClient
            operand = node.child_by_field_name("operand")
            if operand.type == "identifier" and self.file.package_of(operand) == HTTP \
                    and text(node.child_by_field_name("field")) == "DefaultClient":
                return "http"
            return None
        if node.type == "composite_literal":  # http.Client{...}, &http.Client{...}
            type_node = node.child_by_field_name("type")
            if type_node is not None and type_node.type == "qualified_identifier" and \
                    text(type_node.child_by_field_name("name")) == "Client" and \
                    self.file.imports.get(text(type_node.child_by_field_name("package"))) == HTTP:
                return "http"
            return None
        if node.type == "call_expression":
            callee = self.file.callee(node)
            if callee is not None and callee[0]:
                return _CONSTRUCTOR_KINDS.get(callee)
            function = node.child_by_field_name("function")
            if function is not None and function.type == "selector_expression" and \
                    text(function.child_by_field_name("field")) in _TEMPLATE_CHAIN and \
                    self.kind(function.child_by_field_name("operand"), context, depth + 1) == "template":
                return "template"
        return None


_METHODS_OF_INTEREST = frozenset({"Decode", *_VIPER_LOADS, *_TEMPLATE_PARSES, *_HTTP_CALLS})
_NAMES_OF_INTEREST = _METHODS_OF_INTEREST.union(*(functions.keys() for functions in _PACKAGE_FUNCTIONS.values()))


def _classify(file: GoFile, function, context, receivers: _Receivers) -> tuple[str, str, str] | None:
    """(level, what it costs, how to name it) for a flagged `x.F(...)` call, or None."""
    name = text(function.child_by_field_name("field"))
    if name not in _NAMES_OF_INTEREST:
        return None  # most calls: a cheap check before resolving the package
    operand = function.child_by_field_name("operand")
    if operand.type == "identifier":
        path = file.package_of(operand)
        if path is not None:
            cost = _PACKAGE_FUNCTIONS.get(path, {}).get(name)
            return (*cost, f"{default_package_name(path)}.{name}") if cost else None
    if name not in _METHODS_OF_INTEREST:
        return None
    kind = receivers.kind(operand, context)
    if kind == "decoder" and name == "Decode":
        return (*_DECODE, "NewDecoder(...).Decode")
    if kind == "viper" and name in _VIPER_LOADS:
        return (*_CONFIG, f"(*viper.Viper).{name}")
    if kind == "template" and name in _TEMPLATE_PARSES:
        cost = _PARSE_TEMPLATE_FILES if name in {"ParseFiles", "ParseGlob"} else _COMPILE_TEMPLATE
        return (*cost, f"(*template.Template).{name}")
    if kind == "http" and name in _HTTP_CALLS:
        return (*_NETWORK, f"(*http.Client).{name}")
    return None


def _preallocations(scope, pattern: str, constants: Constants) -> dict[str, int]:
    """Variables assigned `make(T, n, capacity)` in `scope`, with where that happens."""
    found = {}
    for match in matches(pattern, scope):
        value = match["value"][0]
        function = value.child_by_field_name("function") if value.type == "call_expression" else None
        args = value.child_by_field_name("arguments") if function is not None else None
        if function is None or text(function) != "make" or args is None or len(args.named_children) != 3:
            continue
        if constants.value(args.named_children[2]) != 0:
            found[text(match["name"][0])] = value.start_byte
    return found


def _appends_to_preallocated(file: GoFile, context, call, constants: Constants) -> bool:
    """Whether `v = append(v, ...)` grows a slice made earlier with an explicit capacity.

    Such a slice is not reallocated while it fits: the loop is not the problem.
    """
    args = call.child_by_field_name("arguments").named_children
    if not args or args[0].type != "identifier":
        return False
    name = text(args[0])
    local = _preallocations(context, _ASSIGNMENTS, constants).get(name)
    if local is not None:
        return local < call.start_byte
    return name in _preallocations(file.root, _FILE_VARS, constants)


def _is_builtin(file: GoFile, function, name: str) -> bool:
    return function.type == "identifier" and text(function) == name and not file.is_shadowed(function)


def _where(context) -> str:
    return "func init" if context.type == "block" else "a package-level var initializer"


def _init_contexts(file: GoFile):
    """Bodies of top-level `func init()` and top-level `var` declarations.

    A loop over the top-level declarations, not a query: a query anchored at the file
    still walks the whole tree.
    """
    inits = file.init_functions()
    for kind, node in file.declarations:
        if kind == "var_declaration":
            yield node
        elif node in inits:
            body = node.child_by_field_name("body")
            if body is not None:
                yield body


def _elements(literal) -> list | None:
    """The element values of a composite literal, or of an elided `{...}` inside one (for a
    map or keyed literal, the values, not the keys)."""
    body = literal.child_by_field_name("value") if literal.type == "composite_literal" else literal
    if body is None or body.type != "literal_value":
        return None
    return [e.child_by_field_name("element") if e.type == "keyed_element" else e for e in values_of(body)]


# Uses of a package-level literal that leave its entries alone: ranging over it, reading an
# element, taking its length.
_READ_ONLY_HOLDERS = frozenset({"range_clause", "index_expression"})


def _ranges_into_value(name: str, loop, clause) -> bool:
    """Whether the range clause of `loop` declares `name` as its value variable
    (`for _, name := range ...`), which the loop's body never writes."""
    names = names_of(clause.child_by_field_name("left"))
    return names.index(name) == 1 and is_define(clause) and name not in written_roots(loop)


class _LiteralSizes:
    """How many times a loop runs when the file spells it out: a range over a composite
    literal, over a variable whose value is one (package-level and never written in the
    file, or assigned once in the init context), over the value variable of an enclosing
    range over such a literal (the largest of its elements; with that range, their lengths
    summed: over_enclosing_elements), over an integer constant, or a
    counted loop between constants (see `trip_count`)."""

    def __init__(self, file: GoFile, constants: Constants):
        self.file, self.constants = file, constants
        self._package_values = None
        self._read_only_names: dict[str, bool] = {}

    def package_literal(self, name: str):
        """The composite literal the file gives package-level `name`, when it is its one value
        and the file only reads it (_read_only); None otherwise."""
        if self._package_values is None:
            self._package_values = {}
            for found in matches(_FILE_VARS, self.file.root):
                self._package_values.setdefault(text(found["name"][0]), []).append(found["value"][0])
        values = self._package_values.get(name, [])
        if len(values) != 1 or values[0].type != "composite_literal":
            return None
        if name not in self._read_only_names:  # one scan of the file per name, not per loop
            self._read_only_names[name] = self._read_only(name, values[0])
        return values[0] if self._read_only_names[name] else None

    def _read_only(self, name: str, value) -> bool:
        """Whether every use of the package-level `name` in the file leaves its length alone:
        ranged over, indexed outside an assignment's target, given to len or cap, or (a slice
        or an array) passed to a function, which gets a copy of the slice header and so may
        change elements, never the length (`slices.Contains(kinds, k)`). Anything else (an
        assignment to it or an element, `&`, a method call, a map passed or copied to another
        variable, which may then fill it) may change its length. Other files of the package
        are not seen."""
        literal_type = value.child_by_field_name("type")
        sequence = literal_type is not None and literal_type.type in {"slice_type", "array_type"}
        for use in identifier_uses(self.file, self.file.root, name):
            if value.start_byte <= use.start_byte < value.end_byte or self.file.is_shadowed(use) or \
                    (use.parent is not None and use.parent.type == "var_spec"):
                continue
            holder = use.parent
            if holder is None:
                return False
            if holder.type == "range_clause" and holder.child_by_field_name("right") == use:
                continue
            if holder.type == "index_expression" and holder.child_by_field_name("operand") == use:
                if not any(text(root) == name for root in map(root_identifier, self._targets(holder))):
                    continue
                return False
            call = holder.parent if holder.type == "arguments" else None
            function = call.child_by_field_name("function") if call is not None else None
            if sequence and function is not None and text(function) != "append":
                continue
            if function is not None and text(function) in {"len", "cap"} and \
                    not self.file.is_shadowed(function):
                continue
            return False
        return True

    def _targets(self, node) -> list:
        """The assignment targets `node` is part of (none when it is only read)."""
        holders = ancestors(self.file, node)
        index = next((i for i, holder in enumerate(holders)
                      if holder.type not in {"index_expression", "selector_expression", "parenthesized_expression"}),
                     len(holders))
        node, side = (holders[index - 1] if index else node), (holders[index] if index < len(holders) else None)
        if side is not None and side.type == "expression_list" and side.parent is not None and \
                side.parent.type == "assignment" and side.parent.child_by_field_name("left") == side:
            return [node]
        if side is not None and side.type == "inc_dec_statement":
            return [node]
        return []

    def _literals(self, expr, loop, context, depth: int = 0) -> list | None:
        """The composite literals `expr` may be, when the file spells them out."""
        expr = unparen(expr)
        if expr is None or depth > 8:
            return None
        if expr.type in {"composite_literal", "literal_value"}:
            return [expr]
        if expr.type != "identifier":
            return None
        name = text(expr)
        if not self.file.is_shadowed(expr):
            literal = self.package_literal(name)
            return [literal] if literal is not None else None
        declaring = self._declaring_range(name, loop, context)
        if declaring is not None:
            outer, clause = declaring
            if not _ranges_into_value(name, outer, clause):
                return None
            literals = self._literals(clause.child_by_field_name("right"), outer, context, depth + 1)
            elements = [e for literal in literals or () for e in (_elements(literal) or [None])]
            return elements if literals and all(e is not None and e.type in {"composite_literal", "literal_value"}
                                                for e in elements) else None
        values = [found["value"][0] for found in matches(_ASSIGNMENTS, context) if text(found["name"][0]) == name]
        return [values[0]] if len(values) == 1 and values[0].type == "composite_literal" else None

    def over_enclosing_elements(self, loop, context) -> tuple | None:
        """(the enclosing loop, the length of each of its elements) when `loop` ranges over the
        value variable of an enclosing range over one literal the file spells out, each of
        whose elements is a literal: together its runs are those lengths summed, not the
        enclosing count times the longest (zlint's init appends 82 networks from 23 lists of
        1 to 17, not 391)."""
        clause = next((c for c in loop.named_children if c.type == "range_clause"), None)
        ranged = unparen(clause.child_by_field_name("right")) if clause is not None else None
        if ranged is None or ranged.type != "identifier" or not self.file.is_shadowed(ranged):
            return None
        declaring = self._declaring_range(text(ranged), loop, context)
        if declaring is None or not _ranges_into_value(text(ranged), *declaring):
            return None
        outer, outer_clause = declaring
        literals = self._literals(outer_clause.child_by_field_name("right"), outer, context)
        elements = _elements(literals[0]) if literals is not None and len(literals) == 1 else None
        lengths = [len(_elements(element) or ()) if element is not None and
                   element.type in {"composite_literal", "literal_value"} else None for element in elements or ()]
        return (outer, lengths) if elements and None not in lengths else None

    def _declaring_range(self, name: str, loop, context) -> tuple | None:
        """(the `for` statement, its range clause) of the nearest range around `loop`, inside
        `context`, whose clause declares `name`; None when none does."""
        for outer in ancestors(self.file, loop):
            if outer == context:
                return None
            clause = next((c for c in outer.named_children if c.type == "range_clause"), None) \
                if outer.type == "for_statement" else None
            if clause is not None and name in names_of(clause.child_by_field_name("left")):
                return outer, clause
        return None

    def iterations(self, loop, context) -> int | None:
        clause = next((c for c in loop.named_children if c.type in {"range_clause", "for_clause"}), None)
        if clause is None:
            return None
        if clause.type == "for_clause":
            count = trip_count(clause, self.constants)
            counters = declared_names(clause.child_by_field_name("init_statement")) \
                if clause.child_by_field_name("init_statement") is not None else []
            body = loop.child_by_field_name("body")
            if count is None or (body is not None and set(counters) & written_roots(body)):
                return None  # the body moves the counter: the count is not the clause's
            return count
        right = clause.child_by_field_name("right")
        literals = self._literals(right, loop, context)
        if literals is not None:
            return max((len(_elements(literal) or ()) for literal in literals), default=0)
        ranged = unparen(right)
        if ranged is not None and ranged.type == "identifier" and self.file.is_shadowed(ranged):
            entries = _json_literal_entries(self.file, context, text(ranged))
            if entries is not None:
                return entries
        return self.constants.value(ranged)


def _scan(file: GoFile, options: dict, compilations: list | None = None, embedded: list | None = None,
          decoded: list | None = None, loops_over_data: list | None = None, path_reads: list | None = None,
          init_work: list | None = None, in_empty_loops: list | None = None):
    """Findings of the per-file checks. Compilations, embedded-file reads, decodes of
    embedded data, loops over what those decode, an init's reads of a file by a relative
    path (with the rest of that init's work, one finding with them) and work in a loop over an
    empty package-level literal (see _empty_range), which depend on the package's files or
    the tree's, are appended to the lists given instead (when given) and left out otherwise."""
    if file.package == "main":
        # Its initialization runs last, just before main, in this program alone: moving the
        # work into main changes neither what it costs nor when (Forecastle's and litmus's).
        return
    threshold = options["min-make-bytes"]
    constants = Constants(file)
    receivers = _Receivers(file)
    sizes = _LiteralSizes(file, constants)
    embedded_vars = embedded_variables(file)
    embedded_data = embedded_data_variables(file)
    never_set = functools.cache(lambda: _never_set(file, set(embedded_vars) | set(embedded_data)))
    for context in _init_contexts(file):
        reported_ranges: list[tuple[int, int]] = []
        # Locals given an embedded file's bytes (`b, err := fsys.ReadFile("x.json")`) -> the
        # read's entry (as in `embedded`): a decode of them has that file's size, and is the
        # one finding of both (the copy is garbage once decoded).
        read_locals: dict[str, tuple] = {}
        # Locals given an embedded file opened (`f, err := fsys.Open("big.json")`) -> its read
        # (as _embedded_read gives it) and the name assigned: `io.ReadAll(f)` reads that file, as
        # a ReadFile would, while `f` still holds it (_still_holds).
        opened_locals: dict[str, tuple] = {}
        where = _where(context)
        # The work of one init, or of one var declaration, moves out together: its findings
        # become one (see _one_finding). An init is known to the whole-run part by its position.
        in_init = context.type == "block"
        init_key = context.start_byte + 1 if in_init else 0
        work: dict[int, list[Finding]] = {}  # the init (0) or a var spec -> its findings
        reads_by_path: list[_PathRead] = []  # an init's reads of a file by a relative path, and its viper loads
        held_back = False  # whether an init's work in a loop over an empty literal went to check_project
        path_locals: dict[str, _PathRead] = {}  # locals given such a read's bytes -> the read
        # Locals given the bytes of a file the deployment provides (named by the environment or
        # by an absolute path: _deployed_file) -> the read's finding and call, reported unless
        # they are decoded into a struct (a configuration) or only parsed as a certificate (see
        # _parsed_as_certificate).
        deployed_reads: dict[str, tuple] = {}
        deployed_settled: list[Finding] = []  # reads whose local was given another read's bytes
        loops: dict[int, list] = {}  # innermost loop -> [loops from the inside out, appends]
        # Locals a package-level name is decoded into (`json.Unmarshal(gatesJSON, &gates)`) ->
        # that name and the import path of its package ("" for this one): a loop over them runs
        # as many times as the data holds entries.
        decoded_into: dict[str, tuple[str, str]] = {}
        # Every call has a "(": without one there is nothing to find, and a query over a
        # long literal costs tree-sitter more than linear time in its length.
        has_call = file.source.find(b"(", context.start_byte, context.end_byte) >= 0
        for found in matches(_CALLS, context) if has_call else ():
            call, function = found["call"][0], found["function"][0]
            if any(start <= call.start_byte and call.end_byte <= end for start, end in reported_ranges):
                continue  # the Parse inside a reported template.Must(...)
            if function.type == "identifier":
                if text(function) not in {"make", "append"}:
                    continue
                runs, enclosing = _runs_during_init(file, call, context, never_set)
                if not runs:
                    continue
                if _is_builtin(file, function, "append") and enclosing:
                    if not _appends_to_preallocated(file, context, call, constants):
                        loops.setdefault(enclosing[0].id, [enclosing, []])[1].append(call)
                elif _is_builtin(file, function, "make"):
                    args = found["args"][0].named_children
                    sizes_found = [v for v in (constants.value(a) for a in args[1:3]) if v is not None]
                    element_bytes = _element_bytes(args[0]) if args else None
                    if not sizes_found or \
                            max(sizes_found) * (_WORD_BYTES if element_bytes is None else element_bytes) < threshold:
                        continue
                    elements = max(sizes_found)
                    size = f" (at least {human_size(elements * element_bytes)})" if element_bytes is not None else ""
                    work.setdefault(_unit(file, call, in_init), []).append(RULE.finding(
                        file.path, call,
                        f"make with {elements} elements{size} in {where} allocates the whole backing store"
                        f"{_WHILE_INITIALIZING}, before main: it is on the heap for as long as "
                        "the variable holding it lives, whether or not this run uses it "
                        f"(min-make-bytes is {threshold}); allocate it where it is first needed"))
                continue
            if function.type != "selector_expression":
                continue
            asset = _bindata_read(file, function, found["args"][0])
            if asset is not None and _runs_during_init(file, call, context, never_set)[0]:
                # Not a finding of its own (the package may be anyone's): a decode of what it
                # returns is sized by the asset's recorded size (see _bindata_sizes).
                named = assigned_names(call)
                if named and named[0].type == "identifier":
                    read_locals[text(named[0])] = _Read(location_of(file.path, call), where, *asset, init_key)
                continue
            read = _embedded_read(file, function, found["args"][0], embedded_vars)
            if read is not None and read[0].endswith(".Open"):
                named = assigned_names(call)
                if named and named[0].type == "identifier" and _runs_during_init(file, call, context, never_set)[0]:
                    opened_locals[text(named[0])] = read, named[0]
                continue
            stream = _read_whole(file, function, found["args"][0])
            if stream is not None and text(stream) in opened_locals and \
                    _still_holds(file, opened_locals[text(stream)][1], stream):
                read = (text(function), *opened_locals[text(stream)][0][1:])
            if read is not None:
                if _runs_during_init(file, call, context, never_set)[0]:
                    entry = _Read(location_of(file.path, call), where, *read, init_key)
                    if embedded is not None:
                        embedded.append(entry)
                    named = assigned_names(call)
                    if named and named[0].type == "identifier":
                        read_locals[text(named[0])] = entry
                    continue
            flagged = _classify(file, function, context, receivers)
            if flagged is None:
                continue
            runs, enclosing = _runs_during_init(file, call, context, never_set)
            if not runs:
                continue
            arguments = values_of(found["args"][0])
            path = constants.string(arguments[0]) if arguments else None
            if flagged[:2] in (_FILE, _OPEN, _DIRECTORY) and names_small_system_files(path):
                continue  # `os.Open("/proc/net/tcp")`, the pod's namespace file: read in microseconds
            if flagged[2].endswith(".ReadFile") and (named := assigned_names(call)) and text(named[0]) == "_":
                continue  # only whether it reads: arvados' init checks that a CA bundle is there
            if flagged[:2] == _SQL and not _connects(file, context, call):
                continue  # sql.Open only checks its arguments: the pool dials when first used
            level, cost, name = flagged
            if in_init and flagged[:2] == _CONFIG and function.child_by_field_name("field") is not None and \
                    text(function.child_by_field_name("field")) in _LOCAL_VIPER_LOADS and _has_package_facts(file):
                # A config file of the tree, maybe: sized in check_project as SL004 sizes it
                # (hatchet-cli's init loads a config of a few hundred bytes).
                at = location_of(file.path, call)
                source = config_source(file, (at.line, at.col, at.end_line, at.end_col))
                if source is not None:
                    reads_by_path.append(_PathRead(at, name, where, "", cost, level, init_key, source))
                    continue
            deployed = _deployed_file(file, context, arguments[0], path) if in_init and flagged[:2] == _FILE and \
                arguments else None
            if deployed is not None:
                named = assigned_names(call)
                if named and named[0].type == "identifier":
                    earlier = deployed_reads.get(text(named[0]))
                    if earlier is not None and not _certificate_only(file, context, text(named[0]), earlier):
                        deployed_settled.append(earlier[0])  # its bytes, before it was given another file's
                    deployed_reads[text(named[0])] = \
                        RULE.finding(file.path, call, _work_message(name, where, cost)), named[0], deployed
                    continue
            joined = False  # a file of a directory, read by a path joined to it
            if in_init and flagged[:2] in (_FILE, _DIRECTORY) and arguments and path is None:
                # A directory of the tree, maybe, through a local variable (`dir := "./apps/loadgen"`),
                # read whole or one file at a time (`os.ReadFile(filepath.Join(dir, name))`).
                path, joined = _local_path(file, constants, context, arguments[0], flagged[:2] == _DIRECTORY)
                path = path or _joined_tail(file, constants, context, arguments[0])
            if in_init and flagged[:2] in (_FILE, _DIRECTORY) and path and in_the_tree(path) and _has_package_facts(file):
                # A file of the tree, maybe: sized in check_project (cnpg-broker's 3 KB catalog.yaml),
                # or a directory, sized by its files together (PlantD-operator's init reads its 8 KB
                # of load generator scripts).
                reads_by_path.append(_PathRead(location_of(file.path, call), name, where, path, cost, level, init_key,
                                               directory=joined or flagged[:2] == _DIRECTORY))
                named = assigned_names(call)
                if named and named[0].type == "identifier":
                    path_locals[text(named[0])] = reads_by_path[-1]
                continue
            data = _decoded_data(found["args"][0]) if cost == _DECODE[1] else None
            if data is not None and text(data) in path_locals and file.is_shadowed(data):
                # A decode of what such a read gave: as large as that file.
                reads_by_path.append(path_locals[text(data)]._replace(where=location_of(file.path, call),
                                                                      call_name=name, cost=cost, level=level))
                continue
            if data is not None and text(data) in deployed_reads and file.is_shadowed(data) and \
                    _struct_variable(file, _decode_target(found["args"][0]),
                                     named_for_settings=deployed_reads[text(data)][2] == _BY_PATH):
                del deployed_reads[text(data)]  # a configuration the deployment provides: see _deployed_file
                continue
            if cost == _DECODE[1]:
                size = _literal_data_size(file, context, found["args"][0])
                if size is not None and size < options["min-embedded-bytes"] or \
                        _environment_value(file, context, _decoded_argument(found["args"][0])):
                    continue  # kubevela's 3 KB JSON string, decoded in microseconds
                data = _decoded_data(found["args"][0])
                if data is not None and text(data) in read_locals and file.is_shadowed(data):
                    read = read_locals[text(data)]
                    if decoded is not None:
                        decoded.append(_Decode(location_of(file.path, call), where, name, read.variable,
                                               read.wanted, read.patterns, read.package_path, init_key,
                                               read.call_name == BINDATA_CALL))
                    if embedded is not None and read in embedded:
                        embedded.remove(read)
                    continue
                argument = _decoded_argument(found["args"][0])
                accessor = argument.child_by_field_name("function") \
                    if argument is not None and argument.type == "call_expression" else None
                asset = _bindata_read(file, accessor, argument.child_by_field_name("arguments")) \
                    if accessor is not None and accessor.type == "selector_expression" else None
                if asset is not None:
                    # `json.Unmarshal(assets.MustAsset(name), &v)`: sized as the asset
                    if decoded is not None:
                        decoded.append(_Decode(location_of(file.path, call), where, name, asset[1], asset[2], None,
                                               asset[4], init_key, asset=True))
                    continue
                imported = _imported_name(file, argument)
                variable = text(argument) if imported is not None else _decoded_variable(file, data)
                if variable is not None:
                    # A package-level name: a //go:embed variable of any file of the package or of
                    # an imported one, or a string constant, is sized in check_project.
                    if decoded is not None:
                        decoded.append(_Decode(location_of(file.path, call), where, name, variable, None, None,
                                               imported or "", init_key))
                    target = _decode_target(found["args"][0])
                    if target is not None:
                        decoded_into[target] = (variable, imported or "")
                    continue
            if name.endswith(".Must"):
                reported_ranges.append((call.start_byte, call.end_byte))
            if level == "note":
                if compilations is not None:
                    compilations.append((location_of(file.path, call), name, cost))
                continue
            finding = RULE.finding(file.path, call, _work_message(name, where, cost))
            empty = _empty_range(file, enclosing, context, sizes) if in_init and enclosing else None
            if empty is not None and _has_package_facts(file):
                if in_empty_loops is not None:
                    in_empty_loops.append((finding.location, finding.message, finding.level, init_key, empty))
                held_back = True
                continue
            work.setdefault(_unit(file, call, in_init), []).append(finding)
        kept = deployed_settled + [read[0] for local, read in deployed_reads.items()
                                   if not _certificate_only(file, context, local, read) and
                                   not _overrides_a_small_default(file, context, read[1], options["min-embedded-bytes"])]
        if kept:
            work[0] = sorted([*work.get(0, []), *kept], key=lambda f: (f.location.line, f.location.col))
        if reads_by_path or held_back:
            # The init's work is one finding with its reads, which check_project sizes, and with
            # the work check_project keeps of its loops over empty literals.
            deferred = work.pop(0, [])
            if path_reads is not None and init_work is not None:
                path_reads.extend(reads_by_path)
                init_work.extend((f.location, f.message, f.related, f.level, init_key) for f in deferred)
        for found in work.values():
            yield from _one_finding(found, "func init" if in_init else "declaration")
        for enclosing, data, finding in _loop_findings(file, loops, context, where, sizes,
                                                       options["min-literal-elements"]):
            data = data or next((decoded_into[name] for loop in enclosing if (name := _range_name(loop)) in decoded_into),
                                None)
            if data is None:
                yield finding
            elif loops_over_data is not None:  # as many iterations as the data, sized in check_project
                loops_over_data.append((finding.location, finding.message, finding.related, finding.level, *data))


def _empty_range(file: GoFile, loops: list, context, sizes: _LiteralSizes) -> str | None:
    """The package-level variable a loop around the work ranges over, when this file gives it
    an empty slice or map literal and only reads it: the work never runs, unless another file
    of the package fills the variable (check_project looks). statshouse's init decodes each
    entry of `builtinDashboardData = map[int32]builtinDashboard{}`, which nothing fills. Not an
    array's (`[4]entry{}` has four)."""
    for loop in loops:
        clause = next((c for c in loop.named_children if c.type == "range_clause"), None)
        ranged = unparen(clause.child_by_field_name("right")) if clause is not None else None
        if ranged is None or ranged.type != "identifier" or file.is_shadowed(ranged):
            continue
        literal = sizes.package_literal(text(ranged))
        kind = literal.child_by_field_name("type") if literal is not None else None
        if kind is not None and kind.type in {"slice_type", "map_type"} and not _elements(literal):
            return text(ranged)
    return None


def _filled_elsewhere(project, directory: str, display: str, name: str) -> bool:
    """Whether another Go file of the package's directory names `name` (and so may fill it)."""
    word = re.compile(rb"\b%s\b" % re.escape(name.encode()))
    for other, path in project.abspaths.items():
        if other != display and path.endswith(".go") and os.path.dirname(path) == directory:
            source = project.read(other)
            if source is None or word.search(source):
                return True
    return False


def _unit(file: GoFile, call, in_init: bool) -> int:
    """What a call's work moves out with: its init (0), or the var spec it initializes (a
    table literal's entries that each make a buffer: mochi-mqtt's test packets)."""
    if in_init:
        return 0
    return next((n for n in ancestors(file, call) if n.type == "var_spec"), call).start_byte


def _range_name(loop) -> str | None:
    """The identifier a `for range` loop ranges over, if that is what it ranges over."""
    clause = next((c for c in loop.named_children if c.type == "range_clause"), None)
    right = unparen(clause.child_by_field_name("right")) if clause is not None else None
    return text(right) if right is not None and right.type == "identifier" else None


def _decode_target(args) -> str | None:
    """The local a decode call fills: `v` of `json.Unmarshal(data, &v)`."""
    arguments = values_of(args)
    target = unparen(arguments[1]) if len(arguments) == 2 else None
    if target is None or target.type != "unary_expression" or text(target.child_by_field_name("operator")) != "&":
        return None
    operand = unparen(target.child_by_field_name("operand"))
    return text(operand) if operand is not None and operand.type == "identifier" else None


def _total_runs(growing: list, counts: list, sizes: _LiteralSizes, context) -> int | None:
    """How many times the innermost of the loops `growing` (from the inside out) runs, as the
    file spells them out: their `counts` multiplied, but for a loop over the elements of the loop
    around it, the two together running as many times as those elements are long summed
    (_LiteralSizes.over_enclosing_elements); None when a count is not known."""
    total, index = 1, 0
    while index < len(growing):
        nested = sizes.over_enclosing_elements(growing[index], context)
        if nested is not None and index + 1 < len(growing) and nested[0] == growing[index + 1]:
            total, index = total * sum(nested[1]), index + 2
            continue
        if counts[index] is None:
            return None
        total, index = total * counts[index], index + 1
    return total


def _loop_findings(file: GoFile, loops: dict, context, where: str, sizes: _LiteralSizes, minimum: int):
    """(the loops from the inside out, the embedded variable and its package's import path when
    the loops' count is that of the text of its files, finding) for each loop that appends, when
    the loops around it run at least `minimum` times as the file spells out, or range over input
    the initializer reads."""
    for enclosing, appends in loops.values():
        growing = enclosing[:_loops_growing_one_slice(enclosing, appends)]
        counts = [sizes.iterations(loop, context) for loop in growing]
        total = _total_runs(growing, counts, sizes, context)
        over = {loop.id: _input_ranged(file, loop) for loop in enclosing}
        inputs = [ranged for ranged in over.values() if ranged is not None and ranged != _EMBEDDED_LISTING]
        if total is None and not inputs:
            continue  # a table of unknown length: read by hand, a dozen entries, every time
        if total is not None and total < minimum:
            continue
        # Over the text of embedded files only (each loop of unknown count over their text or
        # their listing, and the initializer reading nothing else): as many iterations as
        # they hold lines at most, sized in check_project.
        embedded_data = inputs[0] if total is None and _RUN_TIME_INPUT not in inputs and \
            all(count is not None or over[loop.id] is not None for loop, count in zip(growing, counts)) and \
            _reads_only_embedded(file, context) else None
        targets = sorted({text(values_of(a.child_by_field_name("arguments"))[0]) for a in appends
                          if values_of(a.child_by_field_name("arguments"))})
        what = f"{len(appends)} appends" if len(appends) > 1 else "append"
        verb = "grow the slice" if len(appends) > 1 else "grows the slice"
        runs = f", {total} iterations" if total is not None else ""
        yield enclosing, embedded_data, RULE.finding(
            file.path, appends[0],
            f"{what} inside a loop in {where} ({', '.join(targets) or 'a slice'}{runs}) {verb} while "
            "the package initializes, before main: each time it outgrows its capacity it is reallocated and "
            "copied, and the old arrays are garbage before main can set a memory limit or tune GOGC; "
            "preallocate with make(T, 0, n) or build it in main",
            related=tuple(location_of(file.path, a, "another append in the same loop") for a in appends[1:]))


def _loops_growing_one_slice(enclosing: list, appends: list) -> int:
    """How many of the loops around appends (from the inside out) one slice grows over: a
    slice declared afresh in a loop's body, outside the loop inside it, starts empty on each of
    its iterations, so the loops from that one out only repeat the growth. huatuo's init builds
    a table of 256 flag names, each from a `var parts []string` appended to over 8 flags: a
    slice of at most 8, not 2,048 appends."""
    names = {text(values_of(a.child_by_field_name("arguments"))[0]) for a in appends
             if values_of(a.child_by_field_name("arguments"))}
    for outer in range(1, len(enclosing)):
        body = enclosing[outer].child_by_field_name("body")
        declared = {name for statement in (body.named_children if body is not None else ())
                    for name in declared_names(statement)}
        if names and names <= declared:
            return outer
    return len(enclosing)


# The *sql.DB methods that take a connection from the pool, dialing the database when it has none.
_CONNECTING = rb"\s*\.\s*(?:Ping|Exec|Query|QueryRow|Begin|BeginTx|Prepare|Conn)(?:Context)?\s*\("
# database/sql drivers of databases in the process (SQLite, DuckDB), by their registered names.
_LOCAL_DRIVER = re.compile(r"sqlite|duckdb", re.IGNORECASE)


def _connects(file: GoFile, context, call) -> bool:
    """Whether the pool a `sql.Open` in an init or var initializer (`context`) returns is used
    there to connect to a database server (not SQLite's or DuckDB's driver): a `Ping` or a
    query on what it is assigned to (`db`, `store.DB`). sql.Open itself parses nothing but its
    arguments and dials nothing; fider's init opens its pool so, and that finding was read as
    not worth a change (microseconds, a few hundred bytes)."""
    arguments = values_of(call.child_by_field_name("arguments"))
    driver = text(arguments[0]).strip('"`') if arguments else ""
    if _LOCAL_DRIVER.search(driver):
        # An embedded database in a file of the pod: no round trip (filestash's init opens its
        # SQLite metadata store and creates its table in a millisecond).
        return False
    named = assigned_names(call)
    if not named or named[0].type not in ("identifier", "selector_expression") or text(named[0]) == "_":
        return False
    spelled = rb"\s*\.\s*".join(re.escape(part.strip().encode()) for part in text(named[0]).split("."))
    return re.search(rb"(?<![\w.])" + spelled + _CONNECTING, file.source[call.end_byte:context.end_byte]) is not None


def _input_ranged(file: GoFile, loop) -> tuple[str, str] | None:
    """What input the initializer reads `loop` ranges over: _RUN_TIME_INPUT, or the embedded
    variable and its package's import path when that is the text of embedded files (golang/build's
    init appends each line of its 2 KB of embedded port lists, `fs.ReadFile(allPortsFS, name)`),
    or _EMBEDDED_LISTING for the listing of an embedded directory (`entries, _ :=
    examplesFS.ReadDir("examples")`: dagu's one bundled example, read as not worth a change),
    whose length is the files built into the binary, not input; None for none."""
    clause = next((c for c in loop.named_children if c.type == "range_clause"), None)
    source, read = input_origin(file, clause.child_by_field_name("right")) if clause is not None else (None, None)
    if source is None:
        return None
    variable, _, method = source.rpartition(".")
    if method in _LISTINGS and variable in embedded_variables(file):
        return _EMBEDDED_LISTING
    function = read.child_by_field_name("function") if read is not None else None
    embedded = _embedded_read(file, function, read.child_by_field_name("arguments"), embedded_variables(file)) \
        if function is not None and function.type == "selector_expression" else None
    return (embedded[1], embedded[4]) if embedded is not None else _RUN_TIME_INPUT


_LISTINGS = frozenset({"ReadDir", "Glob"})
_RUN_TIME_INPUT = ("", "")  # input whose size the tree does not hold
_EMBEDDED_LISTING = ("", "listing")


def _reads_only_embedded(file: GoFile, context) -> bool:
    """Whether every read of input in the initializer `context` (INPUT_SOURCES' reads,
    INPUT_METHODS) is of a file's embedded variable: what a loop's text was traced to is then
    all it can be (not `os.ReadFile` of a path the environment names, assigned beside it)."""
    embedded_vars = embedded_variables(file)
    for found in matches(_CALLS, context):
        function = found["function"][0]
        if function.type != "selector_expression":
            continue
        callee = file.callee(found["call"][0])
        reads = INPUT_SOURCES.get(callee) == "read" if callee is not None and callee[0] else \
            text(function.child_by_field_name("field")) in INPUT_METHODS
        if reads and _embedded_read(file, function, found["args"][0], embedded_vars) is None and \
                not (text(function.child_by_field_name("field")) in _LISTINGS and
                     text(function.child_by_field_name("operand")) in embedded_vars):
            return False
    return True


def _embedded_read(file: GoFile, function, args, embedded_vars: dict) -> tuple | None:
    """(call name, embed variable, file name or None, patterns, import path) for
    `fsys.ReadFile(name)`, `fs.ReadFile(fsys, name)` or `fsys.Open(name)` on a package-level `//go:embed`
    variable: one of this file (with its patterns), or `pkg.FS` of an imported package (no
    patterns: check_project finds them when that package is linted, as zora's CRDs and
    radius' defaults are read from an `embed.FS` declared beside the files)."""
    name = text(function.child_by_field_name("field"))
    operand = function.child_by_field_name("operand")
    if name not in ("ReadFile", "Open"):
        return None
    arguments = values_of(args)
    if name == "Open" and len(arguments) == 1 and operand.type == "identifier":
        # Only this file's variable: another package's may be any file system (`http.Dir`).
        variable, argument, call_name = operand, arguments[0], "(embed.FS).Open"
    elif name == "Open":
        return None
    elif operand.type == "identifier" and file.package_of(operand) == "io/fs" and len(arguments) == 2:
        variable, argument, call_name = arguments[0], arguments[1], "fs.ReadFile"
    elif len(arguments) == 1:
        variable, argument, call_name = operand, arguments[0], "(embed.FS).ReadFile"
    else:
        return None
    wanted = _file_name(argument)
    imported = _imported_name(file, variable)
    if imported is not None:
        return call_name, text(variable), wanted, None, imported
    if variable.type != "identifier" or text(variable) not in embedded_vars or file.is_shadowed(variable):
        return None
    return call_name, text(variable), wanted, embedded_vars[text(variable)], ""


def _read_whole(file: GoFile, function, args):
    """The stream `io.ReadAll(r)` (or ioutil's) reads whole, when it is a name; else None."""
    operand = function.child_by_field_name("operand")
    if text(function.child_by_field_name("field")) != "ReadAll" or operand is None or operand.type != "identifier" or \
            file.package_of(operand) not in ("io", "io/ioutil"):
        return None
    arguments = values_of(args)
    return arguments[0] if len(arguments) == 1 and arguments[0].type == "identifier" else None


def _still_holds(file: GoFile, assigned, used) -> bool:
    """Whether the local `used` is the one `assigned` declared or set earlier in its block (or
    its `if`/`for`/`switch` header) with nothing assigned to that name in between: `f` of `f, err
    := fsys.Open(name)` read by `io.ReadAll(f)`."""
    statement = assigned.parent.parent  # the name, its expression list, the assignment
    scope = statement.parent if statement is not None else None
    if scope is None or not scope.start_byte <= used.start_byte < scope.end_byte or \
            used.start_byte < statement.end_byte:
        return False
    between = file.source[statement.end_byte:used.start_byte]
    return assigned_or_declared(text(assigned).encode()).search(between) is None


# go-bindata's accessors of the assets it generates into a package (`bindata.Asset(name)`),
# which decompress a fresh copy of one.
_BINDATA_ACCESSORS = frozenset({"Asset", "MustAsset", "AssetString", "MustAssetString"})
BINDATA_CALL = "bindata"  # the call name of _Read and _Decode entries of such an asset


def _bindata_read(file: GoFile, function, args) -> tuple | None:
    """(call name, `pkg.Asset` as written, asset name or None, no patterns, import path) for
    `pkg.Asset(name)` of an imported package: check_project sizes it when that package holds
    go-bindata's generated code (_bindata_sizes)."""
    operand = function.child_by_field_name("operand")
    if text(function.child_by_field_name("field")) not in _BINDATA_ACCESSORS or operand is None or \
            operand.type != "identifier":
        return None
    imported = file.package_of(operand)
    arguments = values_of(args)
    if imported is None or len(arguments) != 1:
        return None
    return BINDATA_CALL, text(function), _file_name(arguments[0]), None, imported


def _file_name(argument) -> str | None:
    """The file name a string literal without escapes gives (`"parts/shapes.json"`), else None."""
    literal = argument.type in STRING_LITERALS and "\\" not in text(argument)
    return text(argument)[1:-1] if literal else None


# Each asset's entry in go-bindata's generated code: `bindataFileInfo{name: "assets/x.yaml",
# size: 37653, ...}`, its size before compression.
_BINDATA_INFO = re.compile(r'\bbindataFileInfo\{name:\s*"((?:[^"\\\n]|\\.)*)",\s*size:\s*(\d+)')


def _bindata_sizes(directory: str) -> dict[str, int]:
    """The assets go-bindata generated into the package in `directory`, by name, with their
    sizes (empty when it holds none): ob-operator's dashboard decodes a 37 KB and a 10 KB
    YAML asset in `init`s (reported as decoding data of unknown size; read by hand in
    December 2026 as not worth a change)."""
    return {m.group(1): int(m.group(2)) for name, source in go_sources(directory)
            if not name.endswith("_test.go") and "bindataFileInfo{" in source
            for m in _BINDATA_INFO.finditer(source)}


def _imported_name(file: GoFile, node) -> str | None:
    """The import path of `pkg` when `node` is `pkg.Name` of an imported package."""
    if node is None or node.type != "selector_expression":
        return None
    operand = node.child_by_field_name("operand")
    return file.package_of(operand) if operand is not None and operand.type == "identifier" else None


def _decoded_argument(args):
    """What a decode call reads: its first argument, as is or converted
    (`json.Unmarshal(raw, &v)`, `yaml.Unmarshal([]byte(text), &v)`)."""
    arguments = values_of(args)
    return unconverted(unparen(arguments[0])) if arguments else None


def _json_literal_entries(file: GoFile, context, name: str) -> int | None:
    """How many entries the local `name` holds when the initializer fills it only by
    `json.Unmarshal` of a JSON document its source writes out (a string literal, or a local
    given one: go-swagger's enum tables, `json.Unmarshal([]byte(`["get","create"]`), &res)`),
    which is no input (inputs.input_origin) but may be long: the elements of its array or the
    keys of its object. None when that is not so, or the text does not parse."""
    decodes = [found for found in matches(_CALLS, context)
               if file.callee(found["call"][0]) == ("encoding/json", "Unmarshal")
               and _decode_target(found["args"][0]) == name]
    if len(decodes) != 1 or not _filled_only_by(file, context, name, decodes[0]["args"][0]):
        return None
    data = _decoded_argument(decodes[0]["args"][0])
    if data is not None and data.type == "identifier":
        data = _local_value(file, context, data)
        data = unconverted(unparen(data)) if data is not None else None
    if data is None or data.type not in STRING_LITERALS:
        return None
    try:
        # A raw literal's text is its value; an interpreted one escapes as JSON strings do.
        value = text(data)[1:-1] if data.type == "raw_string_literal" else json.loads(text(data))
        document = json.loads(value)
    except ValueError:
        return None
    return len(document) if isinstance(document, (list, dict)) else None


def _filled_only_by(file: GoFile, context, name: str, args) -> bool:
    """Whether the local `name` is declared once in the initializer with no value and written
    only by the decode whose arguments are `args` (given as `&name` there and nowhere else, never
    assigned): what it holds is then that document's."""
    declarations, given = 0, 0
    for use in identifier_uses(file, context, name):
        holder = use.parent
        if holder is not None and holder.type == "var_spec":
            if holder.child_by_field_name("value") is not None:
                return False
            declarations += 1
        elif holder is not None and holder.type == "unary_expression" and text(holder.child_by_field_name("operator")) == "&":
            if holder.parent != args:
                return False  # handed to another decoder, or anything else that may fill it
            given += 1
        elif _sets(use) or holder is not None and holder.type == "expression_list" and holder.parent is not None \
                and holder.parent.type == "short_var_declaration":
            return False
    return declarations == 1 and given == 1


def _decoded_data(args):
    """The identifier a decode call reads (see _decoded_argument); None for anything else."""
    data = _decoded_argument(args)
    return data if data is not None and data.type == "identifier" else None


def _literal_data_size(file: GoFile, context, args) -> int | None:
    """The bytes a decode reads when they are a string literal written in the initializer:
    the argument itself (`json.Unmarshal([]byte(`{...}`), &v)`), or a local given one where
    it is declared and not written again before the decode (`raw := `{...}`;
    json.Unmarshal([]byte(raw), &v)`). None for anything else (a package-level constant is
    sized in check_project)."""
    data = _decoded_argument(args)
    if data is None:
        return None
    if data.type == "identifier" and text(data) == "nil" and not file.is_shadowed(data):
        return 0  # authgear's `json.Unmarshal(nil, &v)`, for the error empty input gives
    if data.type != "identifier":
        return _literal_length(data)
    value = _local_value(file, context, data)
    return _literal_length(value) if value is not None else None


def _deployed_file(file: GoFile, context, argument, path: str | None) -> str | None:
    """How a read's path names a file the deployment provides, which the tree cannot size:
    _BY_ENVIRONMENT, an environment variable's value (_environment_value), or _BY_PATH, an
    absolute path, which a volume or the image puts in place; None for neither. Decoded into a
    struct, the first is a configuration; the second when the struct's type is named for
    settings (hypercloud-api-server's init reads its mounted `/go/src/version/version.config`
    into a `versionModel.Config`, a short list of modules to probe: read by hand in December
    2026 as not worth a change), not an image's data file (`/usr/share/shop/catalog.json`
    into a `catalog` of products). Configurations are small (see the viper loads below)."""
    if _environment_value(file, context, argument):
        return _BY_ENVIRONMENT
    return _BY_PATH if path is not None and path.startswith("/") else None


_BY_ENVIRONMENT, _BY_PATH = "environment", "path"


def _certificate_only(file: GoFile, context, local: str, read: tuple) -> bool:
    """Whether a read of a file the environment names (a deployed read: finding, target, how
    named) is only parsed as a certificate (_parsed_as_certificate); not one at a fixed path,
    which may be the system's bundle of a few hundred KB."""
    return read[2] == _BY_ENVIRONMENT and _parsed_as_certificate(file, context, local, read[1])


def _overrides_a_small_default(file: GoFile, context, assigned, minimum: int) -> bool:
    """Whether the init `context` uses the bytes of a deployed read (the local `assigned`
    declares) only to replace a package-level variable of this file whose default is a
    non-empty string literal under `minimum` bytes (`tmpl = string(b)`, in the init's own
    blocks, `b` still holding the read): the file overrides that default, and is of its kind
    and size. pytorch-operator's init reads an optional mounted `/etc/config/initContainer.yaml`
    over its 400-byte init container template (read by hand in December 2026 as not worth a
    change)."""
    local = text(assigned)
    statement = assigned.parent.parent
    later = file.source[statement.end_byte:context.end_byte]
    if len(re.findall(rb"(?<![.\w])%s(?!\w)" % re.escape(local.encode()), later)) != 1:
        return False  # its bytes are used for something else too, or not at all
    for node in _assignments(context):
        left, right = values_of(node.child_by_field_name("left")), values_of(node.child_by_field_name("right"))
        if len(left) != 1 or len(right) != 1 or left[0].type != "identifier" or file.is_shadowed(left[0]):
            continue
        value = right[0]
        if value.type == "call_expression" and text(value.child_by_field_name("function")) == "string" and \
                len(values_of(value.child_by_field_name("arguments"))) == 1:
            value = values_of(value.child_by_field_name("arguments"))[0]
        if value.type == "identifier" and text(value) == local and _still_holds(file, assigned, value):
            default = _string_default(file, text(left[0]))
            return default is not None and 0 < default < minimum
    return False


def _assignments(context):
    """The plain assignments (`x = y`) in the blocks of the init `context`, not in the function
    literals it holds (which may never run)."""
    stack = list(context.named_children)
    while stack:
        node = stack.pop()
        if node.type == "assignment" and text(node.child_by_field_name("operator")) == "=":
            yield node
        elif node.type != "function_literal":
            stack.extend(node.named_children)


def _string_default(file: GoFile, name: str) -> int | None:
    """The length of the string a package-level `var name = "..."` of the file is given (the
    literal's contents), None when it is given none (or not only one)."""
    for declaration in file.root.named_children:
        if declaration.type != "var_declaration":
            continue
        for spec in declaration.named_children:
            names = spec.children_by_field_name("name") if spec.type == "var_spec" else []
            value = spec.child_by_field_name("value")
            if [text(n) for n in names] == [name] and value is not None and len(values_of(value)) == 1 and \
                    values_of(value)[0].type in ("interpreted_string_literal", "raw_string_literal"):
                return values_of(value)[0].end_byte - values_of(value)[0].start_byte - 2  # the quotes
    return None


def _environment_value(file: GoFile, context, node) -> bool:
    """Whether `node` is an environment variable's value: `os.Getenv(...)` itself, or a local
    given it where declared. What the pod's manifest writes: decoded, a few bytes and usually
    unset (`if state := os.Getenv("DEBUG_FORCE_STATE"); state != "" { json.Unmarshal([]byte(state),
    &m) }`: tensor-fusion's debug switch, read as wrong when reported); as a file's path, a file
    the deployment names, like a viper load's config file outside the tree, which decoded into
    a struct is a configuration (imposm3's init reads `IMPOSM_CACHE_CONFIG`, a few hundred bytes
    of cache settings, when set: read as not worth a change in December 2026)."""
    node = unparen(node) if node is not None else None
    if node is not None and node.type == "identifier":
        node = _local_value(file, context, node)
    return node is not None and node.type == "call_expression" and file.callee(node) == ("os", "Getenv")


# What parses a certificate or key from PEM or DER bytes, (import path, name); and the method
# of x509.CertPool that does.
_CERTIFICATE_PARSERS = frozenset({("encoding/pem", "Decode"), ("crypto/x509", "ParseCertificate"),
                                  ("crypto/x509", "ParseCertificates"), ("crypto/tls", "X509KeyPair")})
_POOL_PARSER = "AppendCertsFromPEM"


def _parsed_as_certificate(file: GoFile, context, local: str, target) -> bool:
    """Whether the bytes an init reads into `local` (the read's `target`, a local of the init,
    not a package-level variable, which keeps them) from a file the environment names are only
    parsed as a certificate after the read (`pem.Decode(cert)`, `pool.AppendCertsFromPEM(ca)`):
    a CA file of a few KB, whatever is kept of it. consul-api-gateway's init checks the CA file
    of its CONSUL_CACERT so, read as not worth a change. Where the name is written again (given
    another file's bytes), it is not read: what is read after may be either file's."""
    declaration = target.parent.parent if target.parent is not None else None
    declared = target.parent is not None and target.parent.type == "var_spec" or \
        declaration is not None and declaration.type == "short_var_declaration"
    if not declared and not file.is_shadowed(target):
        return False
    uses = [use for use in identifier_uses(file, context, local, target.end_byte) if not _assigned_to(use)]
    for use in uses:
        arguments = use.parent
        call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
        if call is None or call.type != "call_expression":
            return False
        function = call.child_by_field_name("function")
        method = text(function.child_by_field_name("field")) if function.type == "selector_expression" else ""
        if file.callee(call) not in _CERTIFICATE_PARSERS and method != _POOL_PARSER:
            return False
    return bool(uses)


def _struct_variable(file: GoFile, name: str | None, named_for_settings: bool = False) -> bool:
    """Whether `name` is a package-level variable of the file declared with a struct type (or
    a pointer to one): `var options struct{...}`, or a type the file declares as one (`var
    options cacheOptions`), or another package's type named for settings (`var conf
    versionModel.Config`: hypercloud-api-server's; _SETTINGS_WORDS), which such types are.
    With `named_for_settings`, only a type so named."""
    if name is None:
        return False
    types = FileTypes(file)
    for kind, declaration in file.declarations:
        if kind != "var_declaration":
            continue
        for spec in (s for s in declaration.named_children if s.type == "var_spec"):
            if name in (text(n) for n in spec.children_by_field_name("name")):
                written = spec.child_by_field_name("type")
                if written is not None and written.type == "pointer_type" and written.named_children:
                    written = written.named_children[0]
                if written is not None and written.type == "qualified_identifier":
                    written = written.child_by_field_name("name")
                    return written is not None and _named_for_settings(text(written))
                if written is None or written.type != "type_identifier":
                    return written is not None and written.type == "struct_type" and not named_for_settings
                if named_for_settings and not _named_for_settings(text(written)):
                    return False
                written = types.named.get(text(written))
                return written is not None and not isinstance(written, str) and written.type == "struct_type"
    return False


def _named_for_settings(type_name: str) -> bool:
    said = words(type_name)
    return bool(said) and said[-1] in _SETTINGS_WORDS


# The last words of a type's name that say it holds settings.
_SETTINGS_WORDS = frozenset({"config", "configuration", "conf", "cfg", "settings", "options"})


def _local_value(file: GoFile, context, data):
    """The value a local `data` (an identifier) is given where it is declared, when that is its
    one declaration in the initializer before `data` and nothing writes it in between (a
    parameter or range variable of its name, an assignment); None otherwise."""
    if not file.is_shadowed(data):
        return None
    uses = [use for use in identifier_uses(file, context, text(data)) if use.start_byte < data.start_byte]
    others = [use for use in uses if use.parent is not None and
              (use.parent.type == "parameter_declaration" or _sets(use) or use.parent.type == "expression_list"
               and use.parent.parent is not None and use.parent.parent.type == "range_clause")]
    declarations = [use for use in uses if use.parent is not None and
                    (use.parent.type == "var_spec" and use in use.parent.children_by_field_name("name") or
                     use.parent.type == "expression_list" and use.parent.parent is not None and
                     use.parent.parent.type == "short_var_declaration" and
                     use.parent == use.parent.parent.child_by_field_name("left"))]
    if len(declarations) != 1 or set(others) - set(declarations):
        return None
    declaration = declarations[0].parent if declarations[0].parent.type == "var_spec" else declarations[0].parent.parent
    names = values_of(declaration.child_by_field_name("left")) if declaration.type == "short_var_declaration" \
        else declaration.children_by_field_name("name")
    values = values_of(declaration.child_by_field_name("right" if declaration.type == "short_var_declaration"
                                                       else "value"))
    if len(names) != len(values):
        return None
    return next((unparen(value) for name, value in zip(names, values) if name == declarations[0]), None)


def _decoded_variable(file: GoFile, data) -> str | None:
    """The package-level name (a `//go:embed` variable, a string constant) that `data`, a
    decode's argument (see _decoded_data), names; None for anything else, a local included."""
    if data is None or text(data) in file.imports or file.is_shadowed(data) or text(data) in _NOT_DATA:
        return None
    return text(data)


_NOT_DATA = frozenset({"nil", "true", "false", "iota"})
# The packages whose decode calls _scan defers to check_project (what they decode may be a
# string constant of another file of the package).
_DECODERS = (*DECODE_FUNCTIONS, *BINARY_DECODE_FUNCTIONS, GO_TOML, *STREAM_DECODERS)


def _string_constants(file: GoFile) -> dict[str, int]:
    """The package-level constants and variables of the file given a string literal (or a
    sum of them), with the literal's length in bytes: what a decode of them reads. A `[]byte`
    variable given its bytes written out is in _byte_literals."""
    sizes = {}
    for spec, names, values in _package_specs(file):
        for name, value in zip(names, values) if len(names) == len(values) else ():
            size = _literal_length(value)
            if size is not None:
                sizes[text(name)] = size
        declared = spec.child_by_field_name("type")
        if spec.type == "var_spec" and not values and declared is not None and text(declared) == "string":
            # `var InjectDefaults string`, which the file never assigns: what the linker's
            # `-X` writes there, on a build's command line, a few hundred bytes at most
            # (llmos-operator's init decodes it as JSON only when a build sets it; read as
            # wrong when reported as data of unknown size).
            sizes.update((text(name), 0) for name in names if not _assigned_in(file, text(name)))
    return sizes


def _package_specs(file: GoFile):
    """(spec, its names, its values) of each package-level `const` and `var` spec of the file."""
    for kind, node in file.declarations:
        if kind in ("const_declaration", "var_declaration"):
            for spec in node.named_children:
                if spec.type in ("const_spec", "var_spec"):
                    yield spec, spec.children_by_field_name("name"), values_of(spec.child_by_field_name("value"))


def _byte_literals(file: GoFile) -> dict[str, int]:
    """The package-level variables of the file given a `[]byte{0x0a, 0x15, ...}` literal (as
    2goarray and similar generators write a file's bytes), with their count: gloo's init decodes
    three protobuf descriptors so, 59 KB together, in well under a millisecond (read by hand in
    December 2026 as not worth a change when reported unsized)."""
    sizes = {}
    for spec, names, values in _package_specs(file):
        for name, value in zip(names, values) if spec.type == "var_spec" and len(names) == len(values) else ():
            size = _byte_literal_length(value)
            if size is not None:
                sizes[text(name)] = size
    return sizes


_BYTE_TYPES = frozenset({"byte", "uint8"})


def _byte_literal_length(node) -> int | None:
    """The bytes of a `[]byte{...}` (or `[N]byte{...}`) literal; None for anything else."""
    node = unparen(node)
    if node is None or node.type != "composite_literal":
        return None
    written = node.child_by_field_name("type")
    element = written.child_by_field_name("element") if written is not None and \
        written.type in ("slice_type", "array_type") else None
    body = node.child_by_field_name("value")
    if element is None or text(element) not in _BYTE_TYPES or body is None:
        return None
    return body.named_child_count  # comments among them, if any: an estimate, counted in C


def _assigned_in(file: GoFile, name: str) -> bool:
    """Whether a file assigns a package-level name (`name =`, `name +=`, `&name` handed out)."""
    return re.search(rb"(?<![\w.])" + re.escape(name.encode()) + rb"\s*[-+*/|&^]?=(?!=)"
                     rb"|&" + re.escape(name.encode()) + rb"\b", file.source) is not None


def _literal_length(node) -> int | None:
    """The bytes of a string literal, or of `a + b` of string literals, converted or not
    (`[]byte(`{...}`)`; escapes counted as written: an estimate within a few percent). A
    loop, not recursion: a generated sum may be thousands of terms long."""
    total, pending = 0, [node]
    while pending:
        part = unconverted(unparen(pending.pop()))
        if part is None:
            return None
        if part.type in STRING_LITERALS:
            total += part.end_byte - part.start_byte - 2
        elif part.type == "binary_expression" and text(part.child_by_field_name("operator")) == "+":
            pending += [part.child_by_field_name("left"), part.child_by_field_name("right")]
        else:
            return None
    return total


def check(file: GoFile, options: dict):
    yield from _scan(file, options)


@register(name="SL001.Read")
class _Read(NamedTuple):
    """A ReadFile of an embedded file during initialization."""
    where: Location
    context: str  # "func init" or "a package-level var initializer"
    call_name: str
    variable: str  # the embed.FS variable as written: `assets`, `manifest.FS`
    wanted: str | None  # the file name read, when a literal gives it
    patterns: tuple | None  # the variable's //go:embed patterns; None when another package declares it
    package_path: str  # the import path of the package declaring the variable; "" for this one
    init_key: int  # the init's start byte + 1, or 0 in a var initializer


@register(name="SL001.PathRead")
class _PathRead(NamedTuple):
    """A read, during an init, of a file named by a relative path (`os.ReadFile("catalog.yaml")`),
    or a decode of what it read."""
    where: Location
    call_name: str  # os.ReadFile, yaml.Unmarshal
    context: str  # "func init"
    path: str
    cost: str  # what the call does: "reads a file", "decodes data"
    level: str
    init_key: int  # as _Read's
    config: ConfigSource | None = None  # for a viper load, what it is told to read (path "")
    directory: bool = False  # `path` is a directory whose files it reads, sized together


@register(name="SL001.Decode")
class _Decode(NamedTuple):
    """A decode, during initialization, of a package-level name or of an embedded file read
    (the fields as _Read's)."""
    where: Location
    context: str
    call_name: str
    variable: str  # the name decoded, or the embed.FS variable the decoded local was read from
    wanted: str | None  # the embedded file read into the local decoded; None for a whole variable
    # The //go:embed patterns of the embed.FS the decoded local was read from; None for a
    # package-level name, which check_project looks up among embedded data and constants.
    patterns: tuple | None
    package_path: str
    init_key: int
    asset: bool = False  # what go-bindata's `pkg.Asset(name)` returned (see _bindata_read)


@register(name="SL001.Facts")
@dataclass
class _Facts:
    package: str
    # (where, call name such as regexp.MustCompile, what it costs)
    compilations: list = field(default_factory=list)
    embedded: list[_Read] = field(default_factory=list)
    decoded: list[_Decode] = field(default_factory=list)
    # Package-level names given string literals -> their length (see _string_constants), and
    # those given their bytes written out -> how many (_byte_literals).
    constants: dict = field(default_factory=dict)
    byte_literals: dict = field(default_factory=dict)
    # Package-level //go:embed string, []byte and embed.FS variables -> their patterns: what a
    # decode or ReadFile in another file of the package, or in another package, reads.
    embedded_data: dict = field(default_factory=dict)
    # (where, message, related locations, level, the package-level name decoded into what the
    #  loop ranges over, its package's import path or ""): a loop finding that stands only if
    #  that data is not known to be small.
    loops_over_data: list = field(default_factory=list)
    path_reads: list[_PathRead] = field(default_factory=list)
    # (where, message, related locations, level, init key): the other work of an init that
    # reads a file by a relative path, one finding with those reads.
    init_work: list = field(default_factory=list)
    # (where, message, level, init key, variable): an init's work in a loop over a package-level
    # variable this file gives an empty literal (see _empty_range), reported with the init's
    # other work if another file may fill the variable.
    in_empty_loops: list = field(default_factory=list)


# `= map[K]V{}`, `= []T{}`: a literal maybe empty, whose loops check_project weighs (_empty_range).
_EMPTY_LITERAL = re.compile(rb"=[ \t]*(?:map\[|\[\])[^\n{]*\{[ \t]*\}")


def _has_package_facts(file: GoFile) -> bool:
    """Whether a file may hold what check_project weighs with the package's other files
    (compilations, embedded data, reads of embedded or tree files, by a `ReadFile` of another
    package's embed.FS or of a file of the tree; loops over literals maybe empty): only such
    files are scanned for facts, and check leaves that work to check_project only in them."""
    return file.imports_path("regexp", "embed", *TEMPLATES, *_DECODERS) or "embed" in file.blank_imports or \
        b"ReadFile" in file.source or _EMPTY_LITERAL.search(file.source) is not None


def collect(file: GoFile, options: dict) -> _Facts | None:
    facts = _Facts(file.package, constants=_string_constants(file), byte_literals=_byte_literals(file),
                   embedded_data={**embedded_data_variables(file), **embedded_variables(file)})
    if _has_package_facts(file):
        for _ in _scan(file, options, facts.compilations, facts.embedded, facts.decoded, facts.loops_over_data,
                       facts.path_reads, facts.init_work, facts.in_empty_loops):
            pass  # the per-file findings are check's
    return facts if facts.compilations or facts.embedded or facts.decoded or facts.constants or facts.byte_literals or \
        facts.embedded_data or facts.loops_over_data or facts.path_reads or facts.in_empty_loops else None


def check_project(project, options: dict):
    packages: dict[tuple[str, str], list[tuple[str, _Facts]]] = defaultdict(list)
    in_init: dict[tuple[str, int], list[Finding]] = {}  # (file, init key) -> findings there
    for path, facts in project.facts.items():
        if facts is not None:
            packages[(os.path.dirname(project.abspaths[path]), facts.package)].append((path, facts))
    declared = _Declared(packages)
    minimum = options["min-embedded-bytes"]
    for (directory, package), files in packages.items():
        compilations = sorted(c for _, facts in files for c in facts.compilations)
        finding = _compilation_finding(package, compilations, project.reported, options["min-compiles"])
        if finding is not None:
            yield finding
        for _, facts in files:
            for read in facts.embedded:
                source, patterns, _ = declared.of(directory, read)
                finding = _embedded_finding(source, read, patterns, minimum) if patterns is not None else None
                if finding is not None and read.init_key:
                    in_init.setdefault((read.where.path, read.init_key), []).append(finding)
                elif finding is not None:
                    yield finding
        for _, facts in files:
            for decode in facts.decoded:
                if decode.where.path in project.reported:
                    # A //go:embed variable of any file of the package (avalanchego's genesis decodes
                    # one its genesis_mainnet.go declares), or of an imported package.
                    source, patterns, constant = declared.of(directory, decode)
                    finding = _decoded_finding(source, decode, patterns, constant, minimum,
                                               declared.assets(source) if decode.asset else {})
                    if finding is not None and decode.init_key:
                        in_init.setdefault((decode.where.path, decode.init_key), []).append(finding)
                    elif finding is not None:
                        yield finding
        for _, facts in files:
            for where, message, related, level, variable, package_path in facts.loops_over_data:
                source, patterns, constant = declared.lookup(directory, package_path, variable)
                files_of = embedded_files(source, patterns) if patterns is not None else None
                size = sum(files_of.values()) if files_of else constant[0] if constant else None
                if where.path in project.reported and (size is None or size >= minimum):
                    yield Finding(RULE.id, message, where, related=tuple(related), level=level)
        for _, facts in files:
            for read in facts.path_reads:
                finding = _path_read_finding(directory, read, minimum) if read.where.path in project.reported else None
                if finding is not None:
                    in_init.setdefault((read.where.path, read.init_key), []).append(finding)
            for where, message, related, level, init_key in facts.init_work:
                if where.path in project.reported:
                    in_init.setdefault((where.path, init_key), []).append(
                        Finding(RULE.id, message, where, related=related, level=level))
            for where, message, level, init_key, variable in facts.in_empty_loops:
                if where.path in project.reported and _filled_elsewhere(project, directory, where.path, variable):
                    in_init.setdefault((where.path, init_key), []).append(Finding(RULE.id, message, where, level=level))
    for found in in_init.values():
        yield from _one_finding(sorted(found, key=lambda f: (f.location.line, f.location.col)), "func init")


def _path_read_finding(directory: str, read: _PathRead, minimum: int) -> Finding | None:
    """A read of a file by a relative path, unless the tree holds that file, beside the Go file
    or at its module's root (where `go run` and most images start), smaller than `minimum`:
    cnpg-broker's init reads its 3 KB catalog.yaml, read as not worth a change. The file's size
    is given when known."""
    if read.config is not None:
        found = config_file(read.config, directory, directory, directory)
        if found is None:
            # A config the tree does not hold (a flag's, /etc's): config files are small (on
            # 363 projects, those in their trees were 123 B to 2 KB), so, as in SL004, an
            # unknown size is left out (flowerss-bot's and ioi-service's inits, read as not
            # worth a change).
            return None
        named, sizes = found.name, [found.size]
    elif read.directory:
        named, sizes = read.path, directory_sizes_in_tree(read.path, directory)
    else:
        named, sizes = read.path, file_sizes_in_tree(read.path, directory)
    if sizes and max(sizes) < minimum:
        return None
    size = f" ({named}, {human_size(max(sizes))} in the tree)" if sizes else ""
    return Finding(RULE.id, _work_message(read.call_name, read.context, read.cost + size), read.where, level=read.level)


_PATH_JOINS = ("filepath.Join", "path.Join")
# The name of one of a directory's files: a listed entry's (`entry.Name()`), or written out.
_FILE_NAME = re.compile(rb'[A-Za-z_]\w*\.Name\(\)|"[^"/\\]+"')
_STRING = re.compile(rb'"([^"\\\n]*)"')
_STATEMENT_END = re.compile(rb"[ \t]*(?:\n|;|//|\Z)")


def _local_path(file: GoFile, constants, function, argument, whole_directory: bool) -> tuple[str | None, bool]:
    """(the relative path a read's argument names, whether it names a directory read a file at
    a time): a string literal given once to a local variable of `function` (_given_once:
    `dir := "./apps/loadgen"`), itself (read whole when `whole_directory`) or joined to the name
    of one of its files (_FILE_NAME, or a local variable given one: `filepath.Join(dir,
    entry.Name())`), or a constant so joined; (None, False) otherwise. A name of another source
    may go below the directory."""
    if function is None:
        return None, False
    body = text(function).encode()
    joined = False
    if argument.type == "call_expression" and text(argument.child_by_field_name("function")) in _PATH_JOINS:
        elements = values_of(argument.child_by_field_name("arguments"))
        if len(elements) != 2 or whole_directory:
            return None, False
        name = text(elements[1]).encode()
        if not _FILE_NAME.fullmatch(name) and (elements[1].type != "identifier" or
                                               _given_once(body, name, _FILE_NAME) is None):
            return None, False
        argument, joined = elements[0], True
        if (constant := constants.string(argument)) is not None:
            return constant, True
    if argument.type != "identifier":
        return None, False
    given = _given_once(body, text(argument).encode(), _STRING)
    return (None, False) if given is None else (given.group(1).decode(), joined)


def _joined_tail(file: GoFile, constants, function, argument) -> str | None:
    """The relative path that the string literals ending a path join name when what they are
    joined to is a directory the program finds at run time, its own (`filepath.Join(WorkDir,
    "conf", "app.yml")`, or a local given it once), not one written out, the environment's or
    the user's (_NOT_THE_PROGRAMS_DIRECTORIES): `conf/app.yml`, a file the project ships,
    looked for beside the package or at its module's root. eiblog's init reads its 2 KB conf/app.yml below its executable's
    directory so, in microseconds (read by hand in December 2026 as not worth a change)."""
    if function is not None and argument.type == "identifier":
        argument = _local_value(file, function, argument)
    if argument is None or argument.type != "call_expression" or \
            text(argument.child_by_field_name("function")) not in _PATH_JOINS:
        return None
    elements = values_of(argument.child_by_field_name("arguments"))
    if len(elements) < 2:
        return None
    base = unparen(elements[0])
    if function is not None and base is not None and base.type == "identifier" and file.is_shadowed(base):
        base = _local_value(file, function, base)
    if base is None or base.type in STRING_LITERALS or constants.string(base) is not None or \
            base.type == "call_expression" and file.callee(base) in _NOT_THE_PROGRAMS_DIRECTORIES:
        return None  # a directory written out (`/etc/app`), the environment's, the user's
    tail = [_STRING.fullmatch(text(element).encode()) for element in elements[1:]]
    return "/".join(found.group(1).decode() for found in tail) if all(tail) else None


# Directories that hold the user's or the deployment's files, not the program's own.
_NOT_THE_PROGRAMS_DIRECTORIES = frozenset(("os", name) for name in (
    "Getenv", "LookupEnv", "UserHomeDir", "UserConfigDir", "UserCacheDir", "TempDir"))


def _given_once(body: bytes, name: bytes, value: re.Pattern) -> re.Match | None:
    """The `value` a local variable `name` is given (`name := value`) in a function's text, when
    that is its one assignment (no `=`, `+=`, nor a second `:=`); None otherwise."""
    assignments = re.findall(rb"(?<![\w.])%s\s*(?:,[^=\n]*)?(?::=|[-+*/%%|&^]?=(?!=))" % re.escape(name), body)
    given = re.search(rb"(?<![\w.])%s\s*:=\s*" % re.escape(name), body)
    if len(assignments) != 1 or given is None:
        return None
    found = value.match(body, given.end())
    # The whole value, not the start of an expression (`"./scripts" + suffix`).
    return found if found is not None and _STATEMENT_END.match(body, found.end()) else None


def _work_message(call_name: str, where: str, cost: str) -> str:
    """What a finding of initialization work says: `os.ReadFile in func init reads a file ...`."""
    return f"{call_name} in {where} {cost}{_WHILE_INITIALIZING}, before main: {_WORK_ADVICE}"


class _Declared:
    """The package-level //go:embed variables and string constants of every linted package,
    by directory: what a decode or a ReadFile in another file, or another package, reads."""

    def __init__(self, packages: dict[tuple[str, str], list[tuple[str, _Facts]]]):
        self.embeds: dict[str, dict[str, tuple]] = defaultdict(dict)
        # directory -> name -> (the bytes of its literal, what it is: "string" or "bytes")
        self.constants: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
        for (directory, package), files in packages.items():
            if package.endswith("_test"):
                continue  # an external test package: not what an importer reads
            for _, facts in files:
                self.embeds[directory].update(facts.embedded_data)
                self.constants[directory].update((name, (size, "string")) for name, size in facts.constants.items())
                self.constants[directory].update((name, (size, "bytes")) for name, size in facts.byte_literals.items())
        self._assets: dict[str, dict[str, int]] = {}

    def assets(self, directory: str) -> dict[str, int]:
        """_bindata_sizes of a package, read once per run however many decodes ask (the
        generated file holds every asset's bytes)."""
        if directory not in self._assets:
            self._assets[directory] = _bindata_sizes(directory)
        return self._assets[directory]

    def of(self, directory: str, entry: _Read | _Decode) -> tuple[str, tuple | None, tuple[int, str] | None]:
        """What a read or decode in `directory` reads, as `lookup` gives it: the patterns its
        file gave, or those of the name it reads."""
        if entry.patterns is not None:  # an embed.FS of its own file
            return directory, entry.patterns, None
        return self.lookup(directory, entry.package_path, entry.variable)

    def lookup(self, directory: str, package_path: str, variable: str) -> tuple[str, tuple | None,
                                                                              tuple[int, str] | None]:
        """(the directory declaring `variable`, its //go:embed patterns, the length of its
        string or byte literal and which) for a name used in `directory`: `pkg.Name` of the package at
        `package_path`, or a name of the package itself when that is ""."""
        if package_path:
            module = modules.module_of_dir(directory)
            found = modules.package_dir(package_path, module) if module is not None else None
            if found is None:
                return directory, None, None
            directory, variable = found, variable.rpartition(".")[2]
        return directory, self.embeds.get(directory, {}).get(variable), self.constants.get(directory, {}).get(variable)


def _one_finding(findings: list[Finding], place: str) -> list[Finding]:
    """The findings of one `func init`, or of one var declaration, as one, at the first: the
    work moves out together (kratos decodes a 2 MB and a 97 KB embedded document in one
    init), so the others are its related locations, each named by what it does."""
    if len(findings) < 2:
        return findings
    first, *others = findings
    return [replace(first, message=f"{first.message} ({len(others)} more in this {place}: related locations)",
                    related=first.related + tuple(
                        replace(f.location, message=f.message.partition(_WHILE_INITIALIZING)[0]) for f in others))]


def _decoded_finding(directory: str, decode: _Decode, patterns: tuple | None, constant: tuple[int, str] | None,
                     minimum: int, assets: dict[str, int]) -> Finding | None:
    """A decode of a package-level name: a `//go:embed` string or []byte variable (with the
    embedded file's size when its pattern, relative to `directory`, resolves to files in the
    tree), the file read from an embed.FS variable, or a string constant (with its length), or
    a go-bindata asset (by `assets`, its package's, when the decode reads one); None when that
    size is known and under `minimum`. A file whose name is not known is sized by everything
    the variable embeds: it is no larger."""
    files = embedded_files(directory, patterns) if patterns is not None else None
    variable, wanted = decode.variable, decode.wanted
    if assets:
        # A name not known (a constant of another package), or not among the assets: it is no
        # larger than all of them together.
        size = assets[wanted] if wanted in assets else sum(assets.values())
        what = f"decodes {wanted!r} ({human_size(size)}) read from {variable}" if wanted in assets else \
            f"decodes an asset of {variable} (they total {human_size(size)})"
    elif patterns is not None and wanted is not None:
        size = _wanted_size(directory, files, wanted)
        if size is None:
            return None  # the build writes it (see _tree_size)
        what = f"decodes {wanted!r} ({human_size(size)}) read from {variable}"
    elif files:
        size = sum(files.values())
        names = ", ".join(sorted(os.path.basename(name) for name in files))
        what = f"decodes {human_size(size)} of embedded {names} (in {variable})"
    elif patterns is not None:
        size, what = None, f"decodes the embedded data in {variable}"
    elif constant is not None:
        size, noun = constant
        what = f"decodes {human_size(size)} of the {noun} {variable}"
    else:
        size, what = None, "decodes data"
    if size is not None and size < minimum:
        return None
    return Finding(RULE.id, f"{decode.call_name} in {decode.context} {what}{_WHILE_INITIALIZING}, before main: "
                            f"{_WORK_ADVICE}", decode.where, level=_DECODE[0])


def _compilation_finding(package: str, compilations: list, reported: set, minimum: int) -> Finding | None:
    """One finding for a package that compiles at least `minimum` patterns and templates while it
    initializes: at the first one in a reported file, with the others as related locations."""
    if len(compilations) < minimum:
        return None
    first = next((c for c in compilations if c[0].path in reported), None)
    if first is None:
        return None
    regexps = sum(1 for _, name, _ in compilations if name.startswith("regexp."))
    templates = len(compilations) - regexps
    counted = " and ".join(part for part in (
        f"{regexps} regular expression{'s' * (regexps != 1)}" if regexps else "",
        f"{templates} template{'s' * (templates != 1)}" if templates else "") if part)
    related = tuple(replace(where, message=f"{name}: {cost}") for where, name, cost in compilations
                    if where != first[0])
    return Finding(RULE.id, (
        f"package {package} compiles {counted} while it initializes, before main ({first[1]} here, the others "
        f"are related locations; min-compiles is {minimum}): a short pattern costs about 6 KB and 10-25 µs, a "
        "long one (URL, e-mail) several times that, so at least "
        f"{len(compilations) * 6} KB on every start of every program importing the package, whether or not "
        "this run uses them; compile the ones only some runs need on first use with sync.OnceValue"),
        first[0], level="note", related=related)


def _wanted_size(directory: str, files: dict[str, int] | None, wanted: str) -> int | None:
    """The size of the embedded file named `wanted`: among `files`, what the patterns embed in
    this tree (embedded_files), or when those could not be resolved (None), as the tree holds
    it (_tree_size). None when it is neither: not among what the patterns embed, or not in the
    tree at all."""
    return read_size(files, wanted) if files is not None else _tree_size(directory, wanted)


def _tree_size(directory: str, wanted: str) -> int | None:
    """The size of the embedded file a read names, as the tree holds it under `directory` (the
    package declaring the variable), when its patterns could not be sized. None when the tree
    does not hold it: the build writes it first (a `go generate` step, a download), at a size
    the tree does not tell, and it is not reported. Both such files read so far were small:
    decert's version.txt (`git describe` output) and autok3s' install script. None too for a
    name an embed.FS cannot open (io/fs' ValidPath: no leading `/`, no empty, `.` or `..` part)."""
    if any(part in ("", ".", "..") for part in wanted.split("/")):
        return None
    try:
        status = os.stat(os.path.join(directory, wanted))
    except OSError:
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _embedded_finding(directory: str, read: _Read, patterns: tuple, minimum: int) -> Finding | None:
    """A ReadFile of an embedded file, sized when `patterns` resolve to files under `directory`:
    None when the file read (or, its name not known, everything the variable embeds) is
    smaller than `minimum`."""
    files = embedded_files(directory, patterns)
    call_name, context, variable, wanted = read.call_name, read.context, read.variable, read.wanted
    if wanted is None:
        size = read_size(files, None) if files is not None else None
    else:
        size = _wanted_size(directory, files, wanted)
        if size is None:
            return None  # the build writes it (see _tree_size)
    if size is not None and size < minimum:
        return None
    if size is None:  # everything the variable embeds, not resolved
        what = f"copies an embedded file from {variable} onto the heap"
    elif wanted is not None:
        what = f"copies {wanted!r} ({human_size(size)}) from {variable} onto the heap"
    else:
        what = f"copies files of {variable} onto the heap (they total {human_size(size)})"
    return Finding(RULE.id, (
        f"{call_name} in {context} {what}{_WHILE_INITIALIZING}, before main: embedded data is "
        "in the binary's read-only memory, and reading it returns a fresh copy, which stays live as long as a "
        "package variable holds it, in every program that imports the "
        "package; read it where it is needed, or keep it as a string or []byte variable with //go:embed "
        "(no copy at all)"), read.where, level="warning")


# The size of one element of a made slice, map (key and value) or channel, by the element's
# type as written. Arrays and named types are not sized here: they count as a machine word.
_WORD_BYTES = 8
_BASIC_BYTES = {
    "bool": 1, "byte": 1, "uint8": 1, "int8": 1, "int16": 2, "uint16": 2, "int32": 4, "uint32": 4, "rune": 4,
    "float32": 4, "int": 8, "uint": 8, "int64": 8, "uint64": 8, "uintptr": 8, "float64": 8, "complex64": 8,
    "complex128": 16, "string": 16, "any": 16, "error": 16,
}
_SHAPE_BYTES = {"pointer_type": 8, "map_type": 8, "channel_type": 8, "function_type": 8, "slice_type": 24,
                "interface_type": 16}


def _element_bytes(made) -> int | None:
    """The bytes one element of `make(made, n)` takes, when its type as written tells; None
    when it does not (a named type, an array)."""
    if made.type == "map_type":
        key, value = (_type_bytes(made.child_by_field_name(f)) for f in ("key", "element"))
        return key + value if key is not None and value is not None else None
    if made.type in {"slice_type", "channel_type"}:
        return _type_bytes(made.child_by_field_name("element"))
    return None


def _type_bytes(node) -> int | None:
    if node is None:
        return None
    if node.type == "type_identifier":
        return _BASIC_BYTES.get(text(node))
    if node.type == "struct_type" and not any(child.named_children for child in node.named_children):
        return 0  # struct{}: a set's values take no room
    return _SHAPE_BYTES.get(node.type)


# Every finding's message says what the call does, then this: a folded finding's related
# locations keep what comes before it.
_WHILE_INITIALIZING = " while the package initializes"
_WORK_ADVICE = ("initialization runs on one goroutine and blocks every later package and main, its "
                "allocations reach the heap before main can set a memory limit, and a failure can only "
                "end the process or be ignored; do it in main or on first use")
RULE = Rule.from_docs(
    __file__,
    options=(
        Option("min-make-bytes", 1048576, "fewest bytes a make with a constant length or capacity allocates "
                                         "(elements times the element's size) that are flagged",
               replaces="min-make-elements"),
        Option("min-compiles", 200, "fewest regexp/template compilations during a package's initialization "
                                   "that are reported (once per package)"),
        Option("min-literal-elements", 256, "fewest iterations of a loop over a literal (or between constants) "
                                            "whose appends are reported"),
        Option("min-embedded-bytes", 262144, "smallest embedded file (or files) whose ReadFile during "
                                            "initialization is reported, when the size is known, and "
                                            "smallest embedded data or string literal whose decoding is"),
    ),
    check=check, collect=collect, check_project=check_project,
    # The initialization of packages that only command-line tools import delays no readiness
    # probe: kubevela's `vela` themes, read in an init of a package only the CLI links.
    requires=(MODULE_FILES, STARTUP_MODEL, SERVING_PROGRAMS),
)
