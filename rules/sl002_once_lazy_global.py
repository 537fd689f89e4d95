"""SL002 once-lazy-global: a package-level sync.Once that lazily sets package state."""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from golint_startup.go.gofile import GoFile
from golint_startup.go.constants import Constants, trip_count
from golint_startup.go.embed import embedded_data_variables, embedded_files, embedded_variables, human_size, \
    read_size
from golint_startup.go.imports import default_package_name
from golint_startup.go.scope import Scopes, declared_names
from golint_startup.go.inputs import reads_small_system_file
from golint_startup.go.library import COMPILE_CALLS, DECODE_CALLS, DECODE_METHOD, INPUT_LOOP_METHODS, \
    PROCESS_CONSTRUCTORS, PROCESS_METHODS, READ_CALLS, READ_METHODS, STREAM_DECODERS, TEMPLATE_PARSE_METHODS, TEMPLATES
from golint_startup.go.treefiles import file_sizes_in_tree
from golint_startup.go.types import PREDECLARED
from golint_startup.go.syntax import FUNCTION_NODES, ancestors, binary_parts, enclosing_function, ends_by_leaving, \
    ends_process, identifier_uses, invocation, matches, next_statement, root_identifier, text, unconverted, unparen, \
    values_of
from golint_startup.engine.cache_format import register
from golint_startup.rule import AFTER_STARTUP, MODULE_FILES, STARTUP_MODEL, Finding, Location, Option, Rule, location_of

SYNC = "sync"

# `x.Do(` in the source: each is looked up in the tree by position, which is far cheaper
# than a query over every call of the file.
_DO_TEXT = re.compile(rb"\.Do\(")


def _do_calls(file: GoFile):
    """(call, once identifier, argument) for each `once.Do(f)` call in the file."""
    for match in _DO_TEXT.finditer(file.source):
        field_node = file.root.descendant_for_byte_range(match.start() + 1, match.start() + 3)
        if field_node is None or field_node.type != "field_identifier":
            continue  # in a comment or a string
        selector = field_node.parent
        call = selector.parent
        if selector.type != "selector_expression" or call is None or call.type != "call_expression" \
                or call.child_by_field_name("function") != selector:
            continue
        once = selector.child_by_field_name("operand")
        args = call.child_by_field_name("arguments")
        if once is not None and once.type == "identifier" and args is not None and len(args.named_children) == 1:
            yield call, once, args.named_children[0]


_WRITES = """
(assignment left: (expression_list (_) @target))
(inc_dec_statement operand: (_) @target)
(arguments (unary_expression "&" operand: (_) @target))
"""


@register(name="SL002.Facts")
@dataclass
class _Facts:
    package: str
    onces: set[str] = field(default_factory=set)  # package-level sync.Once variables
    fired: set[str] = field(default_factory=set)  # those a Do in init, main or an initializer fires
    variables: set[str] = field(default_factory=set)  # every package-level variable
    errors: set[str] = field(default_factory=set)  # package-level variables declared `error`
    # package-level func name() -> names it assigns to that are not local to it
    writers: dict[str, list[str]] = field(default_factory=dict)
    # package-level variables set to a composite literal of at most _SHORT elements
    short_literals: set[str] = field(default_factory=set)
    # package-level function name -> the (kind, label, subject: see _work_at) work in its body, and
    # the plain calls it makes (of what may be functions of the package)
    work: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    calls_of: dict[str, list[str]] = field(default_factory=dict)
    # package-level functions, and Do literals by their Do's _site, that enter a loop nothing
    # leaves, and the plain calls each makes as statements of its own (_starts_worker)
    endless: set[str | tuple[str, int, int]] = field(default_factory=set)
    statement_calls: dict[str | tuple[str, int, int], list[str]] = field(default_factory=dict)
    spread_into: set[str] = field(default_factory=set)  # functions called with a slice spread (_spread_into)
    # package-level //go:embed variables (embed.FS, string, []byte) -> their patterns
    embedded: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # (where, once variable, names the literal writes | None, named function | None,
    #  an error variable of the calling function the literal writes | None,
    #  the literal's own work, the literal's plain calls,
    #  the explicit initializer whose body calls Do | None: see _initializer,
    #  the literal's spelling: see _spelling, the caller's parameters it uses: see _parameters_used)
    calls: list[tuple[Location, str, list[str] | None, str | None, str | None, list[tuple[str, str, str]],
                      list[str], str | None, str, tuple[str, ...]]] = \
        field(default_factory=list)


def _nonlocal_writes(file: GoFile, body) -> list[str]:
    """Names assigned (or whose address is passed to a call) in `body` that no enclosing
    function or block declares."""
    names = []
    for found in matches(_WRITES, body):
        root = root_identifier(found["target"][0])
        if root is not None and text(root) != "_" and not file.is_shadowed(root):
            names.append(text(root))
    return names


# --- measurable work ---------------------------------------------------------
#
# What the function passed to Do does that costs in proportion to its input: the kinds, in
# the order the message names them. Anything else (literals, `new`, a small `make`, a
# network call, a call of another package's function whose cost is unknown) is not
# reported: read on real services, such findings were right and never worth acting on.
_READS, _DECODES, _COMPILES, _RUNS, _LOOPS, _ALLOCATES = "reads", "decodes", "compiles", "runs", "loops", "allocates"
_VERBS = {_READS: "reads input", _DECODES: "decodes data", _COMPILES: "compiles a pattern or template",
          _RUNS: "runs a process", _LOOPS: "loops over data", _ALLOCATES: "allocates a sized buffer"}
_PACKAGE_WORK: dict[str, dict[str, str]] = defaultdict(dict)
for _kind, _table in ((_READS, READ_CALLS), (_DECODES, DECODE_CALLS), (_COMPILES, COMPILE_CALLS)):
    for _path, _names in _table.items():
        _PACKAGE_WORK[_path].update(dict.fromkeys(_names, _kind))
_METHOD_NAMES = READ_METHODS | TEMPLATE_PARSE_METHODS | PROCESS_METHODS | {DECODE_METHOD}
# Where a call of interest may be: `.Name(` for the tables' names, `for`, `make`, and plain
# calls `f(` (same-package functions); the others are looked up in the tree by position.
# Names are not checked for shadowing (`make`, `load := ...; load()`, `os := ...`):
# resolving every file's scopes cost more than the rest of the scan, and such locals are rare.
_WORK_TEXT = re.compile(rb"\.(" + b"|".join(sorted({n.encode() for names in _PACKAGE_WORK.values() for n in names} |
                                                  {n.encode() for n in _METHOD_NAMES})) +
                        rb")\(|\b(for|make)\b|\b([A-Za-z_]\w*)\(")
# Loops, literals and sizes up to this many elements are short: measured, deduplicating and
# sorting 1,024 strings costs 0.4 ms and 168 KB, once (the rule's help); SL001 reports a make
# from 65,536 elements up.
_SHORT = 1024
# Words before `(` that are no call of a package function: keywords, builtins, predeclared types.
_NOT_CALLED = frozenset({"append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max",
                         "min", "new", "panic", "print", "println", "real", "recover", "func", "if", "for", "switch",
                         "return", "range", "go", "defer", "select", "chan", "map", "interface", "struct"} | PREDECLARED)


def _label(file: GoFile, function) -> str:
    """How the message names a call: `json.Unmarshal`, `assets.ReadFile`, `exec.Command(...).Output`.
    A loop down a chain of calls, not recursion, and only its last _LABEL_CALLS calls: a chain
    may be thousands of calls long, and each of its calls is labeled."""
    calls = []  # `(...).Name` of each call in the chain, the outermost first
    while function.type == "selector_expression":
        if len(calls) == _LABEL_CALLS:
            head = "..."
            break
        operand, name = function.child_by_field_name("operand"), text(function.child_by_field_name("field"))
        if operand.type == "identifier":
            path = file.imports.get(text(operand))
            head = f"{default_package_name(path) if path else text(operand)}.{name}"
            break
        if operand.type != "call_expression":
            head = name
            break
        calls.append(f"(...).{name}")
        function = operand.child_by_field_name("function")
    else:
        head = text(function)
    return head + "".join(reversed(calls))


_LABEL_CALLS = 3


def _made_by(file: GoFile, operand, constructors: dict[str, frozenset[str]]) -> bool:
    """Whether `operand` is a call of one of `constructors` (`exec.Command(...)`), or a local
    the enclosing function sets from one (`cmd := exec.Command(...)`)."""
    if operand.type == "call_expression":
        callee = file.callee(operand)
        return callee is not None and callee[1] in constructors.get(callee[0], ())
    if operand.type != "identifier":
        return False
    function = enclosing_function(file, operand)
    name = text(operand)
    return function is not None and any(
        _made_by(file, value, constructors)
        for found in matches(_SET_LOCALS, function) if text(found["name"][0]) == name
        for value in found["value"] if value.type == "call_expression")


_SET_LOCALS = """
(short_var_declaration left: (expression_list . (identifier) @name) right: (expression_list . (_) @value))
(assignment left: (expression_list . (identifier) @name) right: (expression_list . (_) @value))
(var_spec name: (identifier) @name value: (expression_list . (_) @value))
"""


def _method_work(file: GoFile, function, name: str) -> str | None:
    operand = function.child_by_field_name("operand")
    if name in READ_METHODS:
        return _READS
    if name in TEMPLATE_PARSE_METHODS and file.imports_path(*TEMPLATES):
        return _COMPILES
    if name == DECODE_METHOD and file.imports_path(*STREAM_DECODERS):
        return _DECODES
    if name in PROCESS_METHODS and file.imports_path(*PROCESS_CONSTRUCTORS) and \
            _made_by(file, operand, PROCESS_CONSTRUCTORS):
        return _RUNS
    return None


def _is_short(constants: Constants, value, limit: int) -> bool:
    """A constant of at most `limit`, or a composite literal of at most _SHORT elements."""
    value = unparen(value)
    if value.type == "composite_literal":
        body = value.child_by_field_name("value")
        return body is None or sum(1 for e in body.named_children if e.type != "comment") <= _SHORT
    constant = constants.value(value)
    return constant is not None and constant <= limit


def _loop_work(file: GoFile, constants: Constants, loop) -> tuple[str, str, str] | None:
    """(kind, label, the name ranged over or "") if the loop runs over something that is not
    short, else None. A name may be a package-level variable set to a short literal, which
    only the whole package tells (see check_project)."""
    clause = next((c for c in loop.named_children if c.type in {"range_clause", "for_clause"}), None)
    if clause is not None and clause.type == "range_clause":
        ranged = clause.child_by_field_name("right")
        if ranged is None or _is_short(constants, ranged, _SHORT) or _local_short_literal(file, constants, ranged):
            return None
        variadic = _variadic_parameter(file, ranged)
        if (variadic is not None and variadic.options) or (variadic is None and _names_a_parameter(file, ranged)):
            return None
        # A variadic of values is short unless a call of its function spreads a slice into it
        # (which only the whole package tells, see check_project).
        over = f"{_SPREAD_MARK}{variadic.function}" if variadic is not None and variadic.function else \
            text(ranged) if ranged.type == "identifier" else ""
        return _LOOPS, f"range {_shorten(ranged)}", over
    if clause is None:
        # `for {` or `for cond {`: a retry or a trim (lakeFS's caller name), unless it steps
        # through input (`for sc.Scan()`, `for rows.Next()`).
        condition = loop.child_by_field_name("condition")
        function = condition.child_by_field_name("function") if condition is not None and \
            condition.type == "call_expression" else None
        if function is not None and function.type == "selector_expression" and \
                text(function.child_by_field_name("field")) in INPUT_LOOP_METHODS:
            return _LOOPS, f"for {_shorten(condition)}", ""
        return None
    if trip_count(clause, constants, limit=_SHORT) is not None:
        return None
    return _LOOPS, "for loop", ""


_LEAVING = """
(return_statement) @leave
(goto_statement) @leave
(break_statement) @leave
"""
# What a `break` without a label leaves: the innermost of these around it.
_BREAKABLE = frozenset({"for_statement", "expression_switch_statement", "type_switch_statement", "select_statement"})


def _note_worker(facts: _Facts, key: str | tuple[str, int, int], file: GoFile, body) -> None:
    """Notes in `facts`, under `key`, what _starts_worker finds in `body`."""
    endless, calls = _starts_worker(file, body)
    if endless:
        facts.endless.add(key)
    if calls:
        facts.statement_calls[key] = calls


def _site(where: Location) -> tuple[str, int, int]:
    """A Do call's place, as a key of the facts."""
    return where.path, where.line, where.col


def _starts_worker(file: GoFile, body) -> tuple[bool, list[str]]:
    """(whether a statement of `body` itself, not one nested in an `if`, a `go` or a function
    literal, is a `for {` that nothing leaves; the plain calls such statements make, `work()`):
    a function that enters such a loop runs for the process's life. A Do whose function does,
    or calls one of the package's functions that does, starts a worker, a latch rather than a
    lazy value (multi-cluster-manager's cluster monitor, read as wrong when reported)."""
    endless, calls = False, []
    for statement in body.named_children if body is not None else ():
        if statement.type == "for_statement" and statement.child_by_field_name("condition") is None and \
                not any(c.type in {"range_clause", "for_clause"} for c in statement.named_children):
            endless = endless or _never_left(file, statement)
        elif statement.type == "expression_statement" and statement.named_children and \
                statement.named_children[0].type == "call_expression":
            called = statement.named_children[0].child_by_field_name("function")
            if called is not None and called.type == "identifier":
                calls.append(text(called))
    return endless, calls


def _never_left(file: GoFile, loop) -> bool:
    """Whether nothing in `loop` (a `for {`) leaves it: no return or goto, no labeled break, no
    break whose innermost loop, switch or select is `loop`. A call that exits or panics is not
    looked for."""
    for found in matches(_LEAVING, loop):
        leave = found["leave"][0]
        unlabeled_break = leave.type == "break_statement" and not leave.named_child_count
        # The innermost of: `loop`, a function literal (whose own return or break it is), and
        # for a break without a label, the loop, switch or select it leaves.
        inner = next((above for above in ancestors(file, leave) if above.id == loop.id or
                      above.type == "function_literal" or unlabeled_break and above.type in _BREAKABLE), None)
        if inner is None or inner.type == "function_literal":
            continue
        if not unlabeled_break or inner.id == loop.id:
            return False
    return True


# The element type of functional options: a function type, or one named for options
# (`Option`, `OptionFn`, `ServerOpt`, `grpc.DialOption`).
_OPTION_NAME = re.compile(r"Opt(?:ion)?s?(?:Fn|Func)?$")


def _option_type(spelled: str) -> bool:
    """Whether a variadic's element type is that of functional options (`Option`, `Option[T]`,
    `grpc.DialOption`, a function type)."""
    named = re.sub(r"\[.*\]$", "", spelled)
    return spelled.startswith("func") or _OPTION_NAME.search(named.rsplit(".", 1)[-1]) is not None


_SPREAD_MARK = "..."  # a work's name ranged over, for a variadic: `...` and its function's name
_CALLS = "(call_expression function: (_) @function arguments: (arguments) @arguments)"


def _spread_into(file: GoFile) -> set[str]:
    """The package functions a file calls with a slice spread into their variadic
    (`buildIndex(words...)`, `build[T](xs...)`), but for a function forwarding its own variadic
    (`registerAll(cs ...Collector)` calling `safeRegister(cs...)`: what its callers wrote)."""
    if b"..." not in file.source:
        return set()
    found = set()
    for call in matches(_CALLS, file.root):
        arguments = call["arguments"][0]
        children = arguments.children
        spread = next((i for i, child in enumerate(children) if child.type == "..."), None)
        if spread is None:
            continue
        function = unparen(call["function"][0])
        if function.type == "index_expression":  # `build[T](xs...)`
            function = function.named_children[0] if function.named_children else function
        if function.type != "identifier":
            continue  # a method or another package's function
        spread_value = next((c for c in reversed(children[:spread]) if c.is_named), None)
        if spread_value is not None and spread_value.type == "identifier" and \
                _variadic_parameter(file, spread_value) is not None:
            continue
        found.add(text(function))
    return found


class _Variadic(NamedTuple):
    """The variadic parameter a name refers to (see _variadic_parameter)."""
    function: str  # the name of the function declaring it ("" for a function literal)
    options: bool  # of functional options (_option_type)


class _Parameter(NamedTuple):
    """The parameter a name refers to (see _parameter)."""
    function: object  # the function declaring it
    declaration: object  # its parameter declaration
    outer: bool  # declared by a function around the innermost one, not by that one
    variadic: bool  # `opts ...Option`: the grammar writes a `...` token in the declaration


def _parameter(file: GoFile, name) -> _Parameter | None:
    """The parameter the identifier `name` refers to, of the innermost function around it that
    declares one of that name; None when none does."""
    if name.type != "identifier":
        return None
    outer = False
    for holder in ancestors(file, name):
        if holder.type not in FUNCTION_NODES:
            continue
        parameters = holder.child_by_field_name("parameters")
        for declaration in parameters.named_children if parameters is not None else ():
            if text(name) in (text(n) for n in declaration.children_by_field_name("name")):
                return _Parameter(holder, declaration, outer, any(c.type == "..." for c in declaration.children))
        outer = True
    return None


def _variadic_parameter(file: GoFile, ranged) -> _Variadic | None:
    """The variadic parameter of the function around it that `ranged` names, None when it names
    none. One of functional options (`func New(opts ...Option)`) holds what its callers write in
    their calls, a handful (dynamic-localpv-provisioner's `range opts`, read as wrong when called
    data); one of values (`func safeRegister(cs ...Collector)`) as well, unless a call spreads a
    slice into it (`buildIndex(words...)`)."""
    found = _parameter(file, ranged)
    if found is None or found.outer or not found.variadic:
        return None
    name = found.function.child_by_field_name("name")
    return _Variadic(text(name) if name is not None else "",
                     _option_type(text(found.declaration.child_by_field_name("type"))))


def _names_a_parameter(file: GoFile, ranged) -> bool:
    """Whether `ranged`, in a function literal (the one given to Do), names a parameter (not
    variadic) of a function around that literal: what the caller hands over, already built.
    katalyst's `AppendSupportedMetricObject(m)` merges the map it is given once; a finding
    calling that a lazy global's work was read as wrong. A function called from the literal
    that ranges over its own parameter builds from what the literal gives it (see NewFromList
    in the fixtures): not this."""
    found = _parameter(file, ranged)
    return found is not None and found.outer and not found.variadic


_LOCAL_VALUES = """
(short_var_declaration left: (expression_list . (identifier) @name .) right: (expression_list . (_) @value .))
(var_spec name: (identifier) @name value: (expression_list . (_) @value .))
(assignment left: (expression_list (identifier) @name))
"""


def _local_short_literal(file: GoFile, constants: Constants, ranged) -> bool:
    """Whether `ranged` names a local of the function around the loop, declared once from a
    short composite literal and never assigned again (`names := []string{...}; for _, n := range
    names`: operator's 31 controller names)."""
    if ranged.type != "identifier":
        return False
    holder = enclosing_function(file, ranged)
    body = holder.child_by_field_name("body") if holder is not None else None
    if body is None:
        return False
    name = text(ranged)
    values = [found.get("value", [None])[0] for found in matches(_LOCAL_VALUES, body)
              if text(found["name"][0]) == name]
    return len(values) == 1 and values[0] is not None and values[0].type == "composite_literal" and \
        _is_short(constants, values[0], _SHORT)


def _len_argument(size):
    """`names` of a size written `len(names)`; None for any other size."""
    size = unparen(size)
    if size.type != "call_expression" or text(size.child_by_field_name("function")) != "len":
        return None
    arguments = [a for a in size.child_by_field_name("arguments").named_children if a.type != "comment"]
    return arguments[0] if len(arguments) == 1 else None


def _len_of_short_local(file: GoFile, constants: Constants, size) -> bool:
    """`len(names)` of a local set to a short literal (see _local_short_literal)."""
    measured = _len_argument(size)
    return measured is not None and _local_short_literal(file, constants, measured)


def _shorten(node) -> str:
    spelled = text(node) if node is not None else ""
    return spelled if len(spelled) <= 30 and "\n" not in spelled else spelled.split("\n")[0][:27] + "..."


def _work_at(file: GoFile, constants: Constants, match) -> tuple[str, str, str] | str | None:
    """What the source at `match` does: (kind, label, subject) for work, a name for a plain call of
    what may be a same-package function, None for anything else. The subject is the name a loop
    ranges over or a make's len measures, or the data a read or decode takes in (_data_read)."""
    group = match.lastindex
    start, end = match.span(group)
    if group == 3:
        # A plain call `f(`, read from the text alone: descending the tree for each call cost
        # more than the rest of the scan. A name that is no function of the package (a type
        # conversion, a local function value, a word in a comment) resolves to nothing later.
        name = match.group(3).decode()
        before = file.source[max(0, start - 5):start]
        return None if before.endswith(b".") or before == b"func " or name in _NOT_CALLED else name
    node = file.root.descendant_for_byte_range(start, end)
    if node is None:
        return None
    if group == 2:  # for, make
        if node.type == "for" and node.parent is not None and node.parent.type == "for_statement":
            return _loop_work(file, constants, node.parent)
        call = node.parent
        if node.type != "identifier" or call is None or call.type != "call_expression" or \
                call.child_by_field_name("function") != node:
            return None
        arguments = call.child_by_field_name("arguments")
        made = [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []
        if made and _ZERO_SIZE.fullmatch("".join(text(made[0]).split())):
            return None  # `make(chan struct{}, n)`: its elements take no memory, whatever n
        sizes = made[1:]
        big = [size for size in sizes if not _is_short(constants, size, _SHORT) and not _len_of_short_local(file, constants, size)]
        if not big:
            return None
        # `len(weights)` of a package-level name: short when the package sets it to a short
        # literal, in any of its files (katalyst's 5-entry map, read as wrongly reported).
        measured = _len_argument(big[0])
        over = text(measured) if measured is not None and measured.type == "identifier" else ""
        return _ALLOCATES, f"make(..., {_shorten(big[0])})", over
    selector = node.parent
    call = selector.parent if selector is not None else None
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != selector \
            or node.type != "field_identifier" or selector.type != "selector_expression":
        return None
    name = text(node)
    operand = selector.child_by_field_name("operand")
    # An import's name is taken for the package without checking that no local hides it
    # (`os := ...` is rare): resolving every file's scopes cost more than the rest of the scan.
    imported = file.imports.get(text(operand)) if operand.type == "identifier" else None
    kind = _PACKAGE_WORK.get(imported, {}).get(name) if imported is not None else _method_work(file, selector, name)
    if kind == _READS and reads_small_system_file(file, call):
        return None  # a few bytes of /proc or /sys, read in microseconds (katalyst's smt/active)
    return (kind, _label(file, selector), _data_read(constants, call, imported, name, operand)) if kind else None


def _data_read(constants: Constants, call, imported: str | None, name: str, operand) -> str:
    """The data a read or decode takes in, when the tree may tell its size: `@assets/path` for
    the file `path` of the //go:embed variable `assets` (`assets.ReadFile(path)`,
    `fs.ReadFile(assets, path)`), `@assets` for all of it (a path not written out, or a decode
    of an embedded string or []byte), `=path` for a file read by a written-out relative path;
    "" for anything else (a listing, a path known at run time, a local's bytes)."""
    arguments = [a for a in call.child_by_field_name("arguments").named_children if a.type != "comment"]
    path = constants.string(arguments[-1]) if arguments else None
    within = f"/{path}" if path else ""
    if imported is None and name == "ReadFile" and operand.type == "identifier" and arguments:
        return f"@{text(operand)}{within}"
    if imported == "io/fs" and name == "ReadFile" and len(arguments) == 2 and arguments[0].type == "identifier":
        return f"@{text(arguments[0])}{within}"
    if imported in ("os", "io/ioutil") and name in ("ReadFile", "Open") and path:
        return f"={path}"
    if imported is not None and name in _PACKAGE_WORK.get(imported, {}) and \
            _PACKAGE_WORK[imported][name] == _DECODES and arguments:
        data = unconverted(unparen(arguments[0]))
        if data is not None and data.type == "identifier":
            return f"@{text(data)}"
    return ""


# Types whose values take no memory: a channel or slice of them allocates no buffer.
_ZERO_SIZE = re.compile(r"(?:chan|<-chan|chan<-|\[\])(?:struct\{\}|\[0\]\w+)")


def _work_by_range(file: GoFile, constants: Constants) -> list[tuple[int, tuple[str, str] | str]]:
    """(position, work or called name) for each call of interest, loop and make of the file."""
    found = []
    for match in _WORK_TEXT.finditer(file.source):
        work = _work_at(file, constants, match)
        if work is not None:
            found.append((match.start(), work))
    return found


def _within(found: list, node) -> tuple[list[tuple[str, str]], list[str]]:
    """The work and the plain calls found inside `node`."""
    low = bisect.bisect_left(found, node.start_byte, key=lambda item: item[0])
    high = bisect.bisect_left(found, node.end_byte, key=lambda item: item[0])
    inside = [work for _, work in found[low:high]]
    work = [item for item in inside if isinstance(item, tuple)]
    calls = list(dict.fromkeys(item for item in inside if isinstance(item, str)))
    return work, calls


def _runs_at_startup(file: GoFile, call) -> bool:
    """Whether `call` runs in `func init`, a package-level var initializer or `main.main`.

    There the Once fires during startup, before anything else can call it: nothing is lazy.
    Function literals invoked on the spot are looked through; any other literal may run later.
    """
    holders = ancestors(file, call)
    for index, node in enumerate(holders):
        child = holders[index - 1] if index else call
        if child.type == "function_literal" and invocation(child, holders[index:index + 2]) is None:
            return False
        if node.type == "method_declaration":
            return False
        if node.type == "function_declaration":
            name = text(node.child_by_field_name("name"))
            return name == "init" or (name == "main" and file.package == "main")
        if node.type == "source_file":
            return True
    return False


def _is_sync_once(file: GoFile, spec) -> bool:
    """Whether a package-level var spec declares a sync.Once (or pointer to one)."""
    type_node = spec.child_by_field_name("type")
    if type_node is None:
        value = spec.child_by_field_name("value")
        expression = value.named_children[0] if value is not None and value.named_children else None
        if expression is None:
            return False
        if expression.type == "unary_expression":  # &sync.Once{}
            expression = expression.child_by_field_name("operand")
        if expression.type == "composite_literal":
            type_node = expression.child_by_field_name("type")
        elif expression.type == "call_expression" and text(expression.child_by_field_name("function")) == "new":
            args = expression.child_by_field_name("arguments").named_children
            type_node = args[0] if len(args) == 1 else None
    if type_node is not None and type_node.type == "pointer_type" and type_node.named_children:
        type_node = type_node.named_children[0]
    return file.names_type(type_node, SYNC, "Once")


def _top_level_var_specs(file: GoFile):
    for kind, node in file.declarations:
        if kind == "var_declaration":
            for spec in node.named_children:
                if spec.type == "var_spec":
                    yield spec


def _niladic_functions(file: GoFile):
    """(name, body) of top-level `func name()`: the functions `Do` accepts."""
    for kind, node in file.declarations:
        if kind != "function_declaration" or node.child_by_field_name("result") is not None:
            continue
        params, body = node.child_by_field_name("parameters"), node.child_by_field_name("body")
        if body is not None and params is not None and not params.named_children \
                and node.child_by_field_name("type_parameters") is None:
            yield text(node.child_by_field_name("name")), body


def _functions(file: GoFile):
    """(name, declaration) of the file's top-level functions (not methods)."""
    for kind, node in file.declarations:
        if kind == "function_declaration" and node.child_by_field_name("body") is not None:
            yield text(node.child_by_field_name("name")), node


def collect(file: GoFile, options: dict) -> _Facts:
    # Top-level declarations are read by a loop over the file's children, calls of interest
    # by position: no query walks the whole tree.
    facts = _Facts(file.package)
    constants = Constants(file)  # one table of the file's constants for every loop, make and literal
    has_sync = file.imports_path(SYNC)
    for spec in _top_level_var_specs(file):
        names = [text(n) for n in spec.children_by_field_name("name")]
        facts.variables.update(names)
        type_node = spec.child_by_field_name("type")
        if type_node is not None and text(type_node) == "error":
            facts.errors.update(names)
        if has_sync and _is_sync_once(file, spec):
            facts.onces.update(names)
        values = spec.child_by_field_name("value")
        if values is not None and len(names) == len(values.named_children) == 1 and \
                values.named_children[0].type == "composite_literal" and \
                _is_short(constants, values.named_children[0], 0):
            facts.short_literals.update(names)
    for name, body in _niladic_functions(file):
        if name not in {"init", "main"}:
            writes = _nonlocal_writes(file, body)
            if writes:
                facts.writers[name] = writes
    found = _work_by_range(file, constants)
    facts.spread_into.update(_spread_into(file))
    facts.embedded = {**embedded_data_variables(file), **embedded_variables(file)}
    for name, declaration in _functions(file):
        work, calls = _within(found, declaration.child_by_field_name("body"))
        if work:
            facts.work[name] = work
        if calls:
            facts.calls_of[name] = calls
        _note_worker(facts, name, file, declaration.child_by_field_name("body"))
    for call, once, function in _do_calls(file):
        if file.is_shadowed(once):
            continue  # a local Once
        if _runs_at_startup(file, call):
            facts.fired.add(text(once))
            continue
        where = location_of(file.path, call)
        caller = enclosing_function(file, call)
        if function.type == "function_literal":
            writes = _nonlocal_writes(file, function.child_by_field_name("body"))
            _note_worker(facts, _site(where), file, function.child_by_field_name("body"))
            if writes:
                lost = None
                if not _reset_after(file, call, caller, once):
                    written = _writes(function)
                    lost = next((error for error in _captured_errors(file, caller, function, written)
                                 if not _checked_after(file, call, caller, written, writes, error)), None)
                facts.calls.append((where, text(once), writes, None, lost,
                                    *_within(found, function), _initializer(caller), _spelling(function),
                                    _parameters_used(file, caller, function)))
        elif function.type == "identifier" and not file.is_shadowed(function):
            facts.calls.append((where, text(once), None, text(function), None, [], [], _initializer(caller), "",
                                ()))
    return facts


def _spelling(literal) -> str:
    """A function literal's text, blanks collapsed: the same literal copied before each use of
    a lazy global (operator's `initCollector.Do(func() { collector = newCollector() })`) spells
    the same."""
    return hashlib.blake2b(b" ".join(literal.text.split()), digest_size=8).hexdigest()


# An exported function or method that its callers call to set the package up, once, at their
# own startup (go-feature-flag's `ffclient.Init(config)`): what its Do does is not postponed.
_INITIALIZER = re.compile(r"(Init|Initialize|Setup|MustInit)([A-Z0-9_]\w*)?")


def _initializer(holder) -> str | None:
    """The name of `holder`, the function whose own body calls Do, when it is an explicit
    initializer (see _INITIALIZER); None otherwise, or when Do is in a function literal."""
    if holder is None or holder.type == "function_literal":
        return None
    name = text(holder.child_by_field_name("name"))
    return name if _INITIALIZER.fullmatch(name) else None


def _parameters_used(file: GoFile, holder, literal) -> tuple[str, ...]:
    """The parameters of `holder`, the function calling Do, that the literal given to Do uses
    (go-feature-flag's `Init(config Config)` builds its value from `config`): what
    `sync.OnceValues`, whose function takes no arguments, cannot be given."""
    parameters = holder.child_by_field_name("parameters") if holder is not None else None
    if parameters is None:
        return ()
    names = [text(name) for declaration in parameters.named_children
             for name in declaration.children_by_field_name("name")]
    return tuple(name for name in names if name != "_" and identifier_uses(file, literal, name))


# How deep calls to same-package functions are followed from the function given to Do.
_CALL_DEPTH = 4


def _work_through_calls(work: list, calls: list, package_work: dict, calls_of: dict,
                        function: str | None, short_literals: set[str]) -> list[tuple[str, str, str]]:
    """`work` (that of `function`, the one given to Do, or of a literal), then the work of the
    same-package functions `calls` names, followed up to _CALL_DEPTH calls deep; labels of
    work in a called function say which one. Loops over a package-level variable set to a
    short literal (`for _, f := range formats`) are left out."""
    found = [(kind, label, subject) for kind, label, subject in work if subject not in short_literals]
    seen, layer = {function}, list(calls)
    for _ in range(_CALL_DEPTH):
        following = []
        for name in layer:
            if name in seen:
                continue
            seen.add(name)
            found.extend((kind, f"{label} in {name}", subject) for kind, label, subject in package_work.get(name, ())
                         if subject not in short_literals)
            following.extend(calls_of.get(name, ()))
        layer = following
    return found


def check_project(project, options: dict):
    packages: dict[tuple[str, str], list[_Facts]] = defaultdict(list)
    for path, facts in project.facts.items():
        if facts is not None:
            packages[(os.path.dirname(project.abspaths[path]), facts.package)].append(facts)
    for (directory, _), files in packages.items():
        # A Once fired during startup (`once.Do(...)` in main) postpones nothing, wherever else it is used.
        onces = set().union(*(f.onces for f in files)) - set().union(*(f.fired for f in files))
        if not onces:
            continue
        variables = set().union(*(f.variables for f in files))
        errors = set().union(*(f.errors for f in files))
        writers = {name: writes for f in files for name, writes in f.writers.items()}
        package_work = {name: work for f in files for name, work in f.work.items()}
        calls_of = {name: calls for f in files for name, calls in f.calls_of.items()}
        short_literals = set().union(*(f.short_literals for f in files)) - {""}
        # Variadics of values no call of the package spreads a slice into are short too.
        spread_into = set().union(*(f.spread_into for f in files))
        short_literals |= {subject for f in files for work in (*f.work.values(), *(c[5] for c in f.calls))
                           for _, _, subject in work
                           if subject.startswith(_SPREAD_MARK) and subject[len(_SPREAD_MARK):] not in spread_into}
        data = _DataSizes(directory, {name: patterns for f in files for name, patterns in f.embedded.items()})
        # What starts a worker: a function or Do literal that enters a loop nothing leaves, or
        # calls, as a statement of its own, a function of the package that does.
        workers = set().union(*(f.endless for f in files))
        statement_calls = {key: calls for f in files for key, calls in f.statement_calls.items()}
        for _ in range(_CALL_DEPTH):  # through calls of calls, as deep as work is followed
            workers |= {key for key, calls in statement_calls.items() if workers.intersection(calls)}
        # One finding per once and named function: `once.Do(load)` written before each use
        # of the value is one lazy global, however many calls guard it (the others are
        # related locations).
        sites: dict[tuple, list] = {}
        for facts in files:
            for call in facts.calls:
                if call[1] in onces:
                    sites.setdefault(_guarding(call), []).append(call)
        for guarded in sites.values():
            guarded.sort(key=lambda call: (call[0].path, call[0].line, call[0].col))
            reported = next((found for found in (_finding(call, variables, errors, writers, package_work, calls_of,
                                                          short_literals, workers, data, options["min-work-bytes"])
                                                 for call in guarded) if found), None)
            if reported is not None:
                also = tuple(replace(other[0], message=f"also calls {other[1]}.Do"
                                     f"{f'({other[3]})' if other[3] else ''}")
                             for other in guarded if other[0] != reported.location)
                yield replace(reported, related=also)


def _guarding(call: tuple) -> tuple:
    """Which Do calls make one finding: those of a once given the same function (`once.Do(load)`
    before each use of the value) or the same literal (see _spelling), unless the literal loses
    its caller's error: each such caller has a bug of its own."""
    where, once, _, function, lost = call[:5]
    if function is not None:
        return once, function, lost
    return (once, call[8]) if lost is None else (where,)


class _DataSizes:
    """What the data a once-function reads weighs, as the tree tells it (see _data_read): the
    package's //go:embed variables, resolved in its directory, and files read by relative path."""

    def __init__(self, directory: str, embedded: dict[str, tuple[str, ...]]):
        self.directory, self.embedded = directory, embedded
        self._files: dict[str, dict[str, int] | None] = {}

    def _embedded(self, variable: str) -> dict[str, int] | None:
        if variable not in self._files:
            patterns = self.embedded.get(variable)
            self._files[variable] = embedded_files(self.directory, patterns) if patterns else None
        return self._files[variable]

    def size(self, subject: str) -> tuple[int, str] | None:
        """(bytes, what they are) of one subject, None when the tree does not tell."""
        if subject.startswith("="):
            sizes = file_sizes_in_tree(subject[1:], self.directory)
            return (max(sizes), subject[1:]) if sizes else None
        if not subject.startswith("@"):
            return None
        variable, _, wanted = subject[1:].partition("/")
        files = self._embedded(variable)
        size = read_size(files, wanted or None) if files else None
        if size is None:
            return None
        named = wanted or (next(iter(files)) if len(files) == 1 else f"{len(files)} files embedded")
        return size, f"{named} in {variable}"

    def total(self, work: list[tuple[str, str, str]]) -> tuple[int, list[str]]:
        """The bytes the work takes in, each subject counted once (a file read then decoded is
        read once), and what they are."""
        sized = [found for subject in dict.fromkeys(subject for _, _, subject in work)
                 if (found := self.size(subject)) is not None]
        return sum(size for size, _ in sized), [named for _, named in sized]


def _finding(call: tuple, variables: set[str], errors: set[str], writers: dict, package_work: dict,
             calls_of: dict, short_literals: set[str], workers: set, data: _DataSizes,
             minimum: int) -> Finding | None:
    """The finding of one Do call, None when it postpones less than `minimum` bytes of data the
    tree can size and loses no error, or starts a worker (`workers`: the functions, and Do
    literals by where they are, that enter a loop nothing leaves, themselves or through a call
    of their own statements)."""
    where, once, writes, function, lost, work, calls, initializer, _, arguments = call
    if (function if function is not None else _site(where)) in workers:
        return None
    if function is not None:
        writes = writers.get(function)
        work, calls = package_work.get(function, []), calls_of.get(function, [])
    written = [name for name in writes or () if name in variables]
    if not written:
        return None
    work = _work_through_calls(work, calls, package_work, calls_of, function, short_literals)
    if initializer is not None:
        work = []  # its callers run it at their startup: nothing is postponed
    if not work and lost is None:
        return None  # nothing measurable postponed, and no error lost
    size, named = data.total(work)
    if size < minimum:
        # Work on data the tree cannot size (a loop over configured values, a file named at run
        # time) was, read by hand, too small to matter nearly every time: left out unless an
        # error is lost, as SL001 and SL004 leave out what they cannot size.
        if lost is None:
            return None
        work = []
    error = next((name for name in written if _is_error(name, errors)), None)
    value = next((name for name in written if name != error), written[0])
    by = f"the function {function}" if function is not None else "its function"
    weighed = f"; {human_size(size)}: {', '.join(named)}" if work and named else ""
    return Finding(RULE.id, _message(once, value, by, error, lost, work, initializer, weighed, arguments), where)


def _reset_after(file: GoFile, call, caller, once) -> bool:
    """Whether `caller`, the function calling Do, assigns its Once again after the call
    (`initOnce = sync.Once{}` when the first run failed: semantic-router's binding): Do then
    runs the function again, and no caller misses its error."""
    body = caller.child_by_field_name("body") if caller is not None else None
    return body is not None and any(
        target.start_byte > call.end_byte and text(target) == text(once)
        for found in matches(_WRITES, body) for target in found["target"])


class _Write(NamedTuple):
    """A write in a Do literal's body: the variable's name, its node there, the statement
    (the assignment; for `&x` and `x++` the written node), whether it writes the whole
    variable (not a field or an element of it), and whether by name (not by its address)."""
    name: str
    node: object
    statement: object
    whole: bool
    by_name: bool


def _writes(literal) -> list[_Write]:
    """The writes in a function literal's body (_WRITES), in source order."""
    found = []
    for match in matches(_WRITES, literal.child_by_field_name("body")):
        target = match["target"][0]
        root = root_identifier(target)
        if root is None:
            continue
        parent = target.parent
        statement = parent.parent if parent is not None and parent.type == "expression_list" else target
        whole = root == target
        found.append(_Write(text(root), root, statement, whole,
                            whole and not (parent is not None and parent.type == "unary_expression")))
    return found


def _checked_after(file: GoFile, call, caller, written: list[_Write], values: list[str], error: str) -> bool:
    """Whether `caller`, right in its body after the Do `call`, returns another error or ends
    the process whenever a package-level variable of `values` that the literal sets (its
    `written`) is still nil (`if clientInstance == nil && err == nil { return errors.New(...)
    }`), that variable set only once `error` is known to be nil (_set_after_error:
    shadow-sso's InitMongoDB, iam's GetEtcdFactoryOr): a later call fails too, whatever
    became of the first error. Nothing between may leave the function but on the error (`if
    err != nil { return err }`)."""
    body = caller.child_by_field_name("body") if caller is not None else None
    chain = ancestors(file, call)
    site = chain[chain.index(body) - 1] if body is not None and body in chain[1:] else None
    if site is None or site.type in ("defer_statement", "go_statement"):
        return False
    checked = _set_after_error(file, written, set(values), error)
    statement = next_statement(site)
    while checked and statement is not None:
        parts = _plain_if(statement)
        if parts is not None and any(_nil_condition(file, parts[0], name, error)[1] for name in checked) and \
                _fails(file, parts[1], error):
            return True
        if parts is not None and _compares(parts[0], error, "!="):
            # Left on the error, which later calls never see: only its else may leave on success.
            alternative = statement.child_by_field_name("else")
            if alternative is not None and _may_leave(alternative):
                return False
        elif _may_leave(statement):
            return False
        statement = next_statement(statement)
    return False


def _set_after_error(file: GoFile, written: list[_Write], names: set[str], error: str) -> set[str]:
    """Those of the package-level `names` the literal sets by name (not `&cfg` given to a
    decoder, nor through a field, which a failure may leave set), never before an assignment
    of `error` but in the same statement, and after each earlier one only where it leaves on
    the error (_left_on_error): `cfg, err = load(); conn = newConn(cfg)` leaves conn set."""
    errors = [write.statement for write in written if write.name == error]
    checked = set()
    for name in names:
        mine = [write for write in written if write.name == name and not file.is_shadowed(write.node)]
        if not mine or not all(write.by_name for write in mine):
            continue
        first = min(write.statement.start_byte for write in mine)
        if all(e.start_byte == first or e.start_byte < first and _left_on_error(file, e, error) for e in errors):
            checked.add(name)
    return checked


def _left_on_error(file: GoFile, statement, error: str) -> bool:
    """Whether the literal leaves when `statement` sets `error`: an `if error != nil` right
    after it that ends by leaving, or an `if`'s block around it that does."""
    branch = _error_branch(next_statement(statement), error)
    if branch is not None and ends_by_leaving(file, branch):
        return True
    block = statement.parent
    return block is not None and block.type == "block" and block.parent is not None and \
        block.parent.type == "if_statement" and ends_by_leaving(file, block)


def _plain_if(statement) -> tuple | None:
    """(condition, block) of an `if` without an init statement (which may declare a name again)."""
    if statement is None or statement.type != "if_statement" or \
            statement.child_by_field_name("init_statement") is not None:
        return None
    return statement.child_by_field_name("condition"), statement.child_by_field_name("body")


def _error_branch(statement, error: str):
    """The block of `if error != nil { ... }`, its init statement, if any, not declaring
    `error` again (the assignment of `error` itself, `if conn, err = dial(); err != nil {`)."""
    if statement is None or statement.type != "if_statement":
        return None
    init = statement.child_by_field_name("init_statement")
    if init is not None and error in declared_names(init):
        return None
    block = statement.child_by_field_name("body")
    return block if _compares(statement.child_by_field_name("condition"), error, "!=") else None


def _nil_condition(file: GoFile, condition, name: str, error: str) -> tuple[bool, bool]:
    """(whether `condition` holds whenever `name` and `error` are nil; whether it does so by
    naming `name`: `name == nil`, an `||` with it, or an `&&` of it with terms that then hold,
    `clientInstance == nil && err == nil`)."""
    parts = binary_parts(condition)
    if parts is None:
        return False, False
    operator, left, right = parts
    if operator in ("||", "&&"):
        (left_holds, left_names), (right_holds, right_names) = \
            _nil_condition(file, left, name, error), _nil_condition(file, right, name, error)
        if operator == "||":
            return left_holds or right_holds, left_names or right_names
        both = left_holds and right_holds
        return both, both and (left_names or right_names)
    if _compares(condition, name, "==", package_level_in=file):
        return True, True
    return _compares(condition, error, "=="), False


def _compares(comparison, name: str, operator: str, package_level_in: GoFile | None = None) -> bool:
    """Whether `comparison` is `name <operator> nil` (or `nil <operator> name`); with
    `package_level_in`, of the package-level variable `name` of that file, not a local so named."""
    parts = binary_parts(comparison)
    if parts is None or parts[0] != operator:
        return False
    _, left, right = parts
    named = right if text(left) == "nil" else left
    return {text(left), text(right)} == {name, "nil"} and \
        (package_level_in is None or not package_level_in.is_shadowed(named))


def _fails(file: GoFile, block, error: str) -> bool:
    """Whether a block ends by returning an error made without the lost `error` (not it, not
    nil, not one wrapping it, `errors.Wrap(nil, ...)` being nil; `fmt.Errorf` always makes
    one) or by ending the process, leaving nowhere before."""
    statements = values_of(block)
    last = statements[-1] if statements else None
    if last is None or _may_leave(block, last):
        return False
    if last.type != "return_statement":
        return ends_process(file, last)
    results = last.named_children[0] if last.named_children else None
    values = values_of(results) if results is not None and results.type == "expression_list" else [results]
    result = unparen(values[-1]) if results is not None else None
    return result is not None and text(result) != "nil" and (
        not identifier_uses(file, result, error) or
        result.type == "call_expression" and file.callee(result) == ("fmt", "Errorf"))


def _exits_on_error(file: GoFile, statement, name: str) -> bool:
    """Whether `statement` ends the process (`log.Fatal(err)`, not a panic, which a server's
    middleware may recover from), or does when the error `name` is set (`if err != nil {
    log.Fatal(err) }`, leaving nowhere before: _error_branch)."""
    if statement is None:
        return False
    if ends_process(file, statement, panics=False):
        return True
    branch = _error_branch(statement, name)
    statements = values_of(branch)
    return bool(statements) and not _may_leave(branch, statements[-1]) and \
        ends_process(file, statements[-1], panics=False)


# What may leave a statement or block: a return, goto or labeled jump, or a break or continue
# whose loop, switch or select (_BREAKABLE) is not within it; function literals leave nothing.
_LEAVES_BLOCK = """
[(return_statement) (break_statement) (continue_statement) (goto_statement)] @leaves
(function_literal) @literal
[%s] @breakable
""" % " ".join(f"({kind})" for kind in sorted(_BREAKABLE))


def _may_leave(node, last=None) -> bool:
    """Whether something in `node` other than a final return `last` may leave it (_LEAVES_BLOCK)."""
    found = matches(_LEAVES_BLOCK, node)
    literals = [(f["literal"][0].start_byte, f["literal"][0].end_byte) for f in found if "literal" in f]
    breakable = [f["breakable"][0] for f in found if "breakable" in f]
    for leaving in (f["leaves"][0] for f in found if "leaves" in f):
        if leaving == last and last.type == "return_statement":
            continue
        if any(start <= leaving.start_byte and leaving.end_byte <= end for start, end in literals):
            continue
        if leaving.type in ("break_statement", "continue_statement") and leaving.named_child_count == 0 and any(
                b.start_byte <= leaving.start_byte and leaving.end_byte <= b.end_byte and
                (leaving.type == "break_statement" or b.type == "for_statement") for b in breakable):
            continue  # its own loop, switch or select is within
        return True
    return False


_ERRORS_DECLARED = """
(var_spec name: (identifier) @name type: (type_identifier) @type)
(parameter_declaration name: (identifier) @name type: (type_identifier) @type)
"""


def _captured_errors(file: GoFile, caller, literal, written: list[_Write]) -> list[str]:
    """The error variables of `caller`, the function calling Do (`err`, `*Err`, or declared
    `error` there), that the function literal assigns (`written`), not just before it ends
    the process (`err = e; log.Fatal(e)`): Do runs the literal once, so only the first caller
    ever sees those errors."""
    declared = {text(found["name"][0]) for found in matches(_ERRORS_DECLARED, caller)
                if text(found["type"][0]) == "error"} if caller is not None else set()
    own = None  # where the literal's own declarations hide the caller's names, once needed
    lost: dict[str, bool] = {}
    for write in written:
        if not write.whole or not _is_error(write.name, declared) or not file.is_shadowed(write.node):
            continue
        own = own or Scopes(literal)
        if own.hides(write.node):
            continue
        statement, exits = write.statement, False
        if statement.type == "assignment":
            # `if conn, err = dial(); err != nil { log.Fatal(err) }`: the assignment heads the if.
            holder = statement.parent
            following = holder if holder is not None and holder.type == "if_statement" else next_statement(statement)
            exits = _exits_on_error(file, following, write.name)
        lost[write.name] = lost.get(write.name, False) or not exits
    return [name for name, is_lost in lost.items() if is_lost]


def _is_error(name: str, errors: set[str]) -> bool:
    """A package-level variable declared `error`, or named like one (`err`, `loadErr`)."""
    return name in errors or name == "err" or name.endswith("Err")


def _describe(work: list[tuple[str, str, str]]) -> tuple[str, str]:
    """`reads input and decodes data (os.ReadFile, json.Unmarshal in load)`."""
    kinds = [kind for kind in _VERBS if any(k == kind for k, _, _ in work)]
    verbs = [_VERBS[kind] for kind in kinds]
    labels = list(dict.fromkeys(label for _, label, _ in work))
    shown = ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
    return f"{', '.join(verbs[:-1])} and {verbs[-1]}" if len(verbs) > 1 else verbs[0], shown


def _message(once: str, written: str, by: str, error: str | None, lost: str | None,
             work: list[tuple[str, str, str]], initializer: str | None = None, weighed: str = "",
             arguments: tuple[str, ...] = ()) -> str:
    sets = f"{once}.Do sets package-level {written} in {by}"
    if initializer is not None:
        # sync.OnceValues' function takes no arguments: go-feature-flag's Init builds from its config.
        fix = "sync.OnceValues returns the value and the error to every caller" if not arguments else (
            f"keep the error in a package-level variable that the function sets, and return it ({initializer}'s "
            f"{', '.join(arguments)} reach{'es' if len(arguments) == 1 else ''} the function, which sync.OnceValues "
            "cannot pass)")
        return (f"{sets} the first time {initializer} is called; it also sets {lost}, a variable of {initializer}, so "
                f"only the first call sees the error: Do never runs the function again, and a second {initializer} "
                f"returns {lost} == nil even when the first one failed, which may have left {written} unset; {fix}")
    if work:
        verbs, shown = _describe(work)
        lazy = (f"{sets} at its first use, not at startup, and {verbs} then ({shown}{weighed}): the work and its "
                "allocations happen at an unpredictable moment (often the first request, under load")
    else:
        lazy = f"{sets} at its first use, not at startup"
    if lost is not None:
        return (f"{lazy}{')' if work else ''}; it also sets {lost}, a variable of the calling function, so only the "
                f"first call sees the error: Do never runs the function again, and every later call gets {lost} == "
                f"nil even when the first one failed, which may have left {written} unset; sync.OnceValues fixes "
                f"{'both' if work else 'this'}, returning the value and the error to every caller")
    if error is not None and error != written:
        return (f"{lazy}); the error goes to package-level {error}, apart from the value, and every caller must "
                f"remember to read it; sync.OnceValues fixes both, returning the value and the error to every "
                "caller")
    return (f"{lazy}, or concurrently with readiness probes); sync.OnceValue or sync.OnceValues make the lazy "
            "value explicit and typed, or build it in main")


RULE = Rule.from_docs(
    __file__, collect=collect, check_project=check_project, requires=(MODULE_FILES, STARTUP_MODEL, AFTER_STARTUP),
    options=(Option("min-work-bytes", 1 << 20, "smallest size of the data (embedded files, files of the tree) a "
                    "once-function reads or decodes for it to be reported when it loses no error"),))
