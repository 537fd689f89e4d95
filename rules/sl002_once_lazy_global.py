"""SL002 once-lazy-global: a package-level sync.Once that lazily sets package state."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from golint_startup.go.gofile import GoFile
from golint_startup.go.constants import Constants
from golint_startup.go.library import CONSTANT_SIZE_CONSTRUCTORS, SMALL_VALUE_CALLS
from golint_startup.go.syntax import ancestors, invocation, matches, root_identifier, text
from golint_startup.engine.cache_format import register
from golint_startup.rule import AFTER_STARTUP, MODULE_FILES, STARTUP_MODEL, Finding, Location, Rule, location_of

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
    variables: set[str] = field(default_factory=set)  # every package-level variable
    errors: set[str] = field(default_factory=set)  # package-level variables declared `error`
    # package-level func name() -> names it assigns to that are not local to it
    writers: dict[str, list[str]] = field(default_factory=dict)
    # (where, once variable, names the literal writes | None, named function | None,
    #  an error variable of the calling function the literal writes | None)
    calls: list[tuple[Location, str, list[str] | None, str | None, str | None]] = field(default_factory=list)


def _nonlocal_writes(file: GoFile, body) -> list[str]:
    """Names assigned (or whose address is passed to a call) in `body` that no enclosing
    function or block declares."""
    names = []
    for found in matches(_WRITES, body):
        target = found["target"][0]
        root = root_identifier(target)
        if root is not None and text(root) != "_" and not file.is_shadowed(root) and \
                not _stores_cheap_value(file, target) and not _stores_compiled_pattern(file, target):
            names.append(text(root))
    return names


_COMPILERS = {"regexp": frozenset({"MustCompile", "Compile", "MustCompilePOSIX"}),
              "text/template": frozenset({"Must"}), "html/template": frozenset({"Must"})}


def _stores_compiled_pattern(file: GoFile, target) -> bool:
    """Whether `target` is assigned a regexp or template compiled on the spot
    (`re = regexp.MustCompile(p)`, `byCountry[c] = regexp.MustCompile(p)`): compiling on
    first use instead of during initialization is what SL001 recommends, not a problem."""
    left = target.parent
    statement = left.parent if left is not None and left.type == "expression_list" else None
    if statement is None or statement.type != "assignment":
        return False
    targets = [n for n in left.named_children if n.type != "comment"]
    values = [n for n in statement.child_by_field_name("right").named_children if n.type != "comment"]
    value = values[targets.index(target)] if len(values) == len(targets) else \
        values[0] if len(values) == 1 else None  # re, err = regexp.Compile(p)
    return value is not None and _is_compiled(file, value)


def _is_compiled(file: GoFile, value) -> bool:
    """A regexp or template compile call, or a literal (a map or slice) made only of them."""
    if value.type == "composite_literal":
        body = value.child_by_field_name("value")
        elements = [e for e in body.named_children if e.type != "comment"] if body is not None else []
        values = [e.child_by_field_name("element") if e.type == "keyed_element" else e for e in elements]
        values = [v.named_children[0] if v is not None and v.type == "literal_element" and v.named_children
                  else v for v in values]
        return bool(values) and all(v is not None and _is_compiled(file, v) for v in values)
    callee = file.callee(value) if value.type == "call_expression" else None
    return callee is not None and callee[1] in _COMPILERS.get(callee[0], ())


# Values that already exist: a package-level variable or function, a constant.
_EXISTING = frozenset({"identifier", "selector_expression", "int_literal", "float_literal", "rune_literal",
                       "interpreted_string_literal", "raw_string_literal"})


def _stores_cheap_value(file: GoFile, target) -> bool:
    """Whether `target` is assigned, with `=`, a value that already exists (`fn = useStatx`,
    `enabled = true`: a lazy choice among ready values) or one of constant, small size built
    from such values: `&server{}`, `T{name: n}`, `new(T)`, `make(map[K]V)`,
    `bufio.NewReader(os.Stdin)` (library.CONSTANT_SIZE_CONSTRUCTORS), `exec.LookPath("mpv")`
    (library.SMALL_VALUE_CALLS). Postponing it saves nothing worth acting on."""
    left = target.parent
    if left is not None and left.type == "unary_expression":
        # `&mu` passed to a constant-size constructor (`sync.NewCond(&mu)`) is kept, not filled.
        call = left.parent.parent if left.parent is not None else None
        return call is not None and call.type == "call_expression" and _is_cheap(file, call)
    statement = left.parent if left is not None and left.type == "expression_list" else None
    if statement is None or statement.type != "assignment" or \
            text(statement.child_by_field_name("operator")) != "=":
        return False
    targets = [n for n in left.named_children if n.type != "comment"]
    values = [n for n in statement.child_by_field_name("right").named_children if n.type != "comment"]
    if len(values) == 1 and len(targets) > 1:  # `path, err = exec.LookPath("mpv")`
        return _is_cheap(file, values[0])
    return len(targets) == len(values) and _is_cheap(file, values[targets.index(target)])


# The largest constant length or capacity of a `make` that counts as small (SL001 reports a
# make from 65,536 elements up; a thousand elements of a pointer's size are 8 KB).
_SMALL_MAKE = 1024


def _is_cheap(file: GoFile, value) -> bool:
    if value.type in _EXISTING:
        # A package-level (or predeclared) name, or a constant: a local was computed by the function.
        root = root_identifier(value) if value.type in {"identifier", "selector_expression"} else None
        return root is None or not file.is_shadowed(root)
    if value.type == "parenthesized_expression" and value.named_children:
        return _is_cheap(file, value.named_children[0])
    if value.type == "unary_expression" and text(value.child_by_field_name("operator")) == "&":
        operand = value.child_by_field_name("operand")
        return operand is not None and operand.type in {"composite_literal", "identifier", "selector_expression"} \
            and _is_cheap(file, operand)
    if value.type == "composite_literal":
        body = value.child_by_field_name("value")
        return body is None or all(_is_cheap(file, element) for element in body.named_children
                                   if element.type != "comment")
    if value.type == "keyed_element":
        element = value.child_by_field_name("element")
        return element is not None and _is_cheap(file, element)
    if value.type in {"literal_value", "literal_element"}:
        return all(_is_cheap(file, element) for element in value.named_children if element.type != "comment")
    if value.type == "call_expression":
        function = value.child_by_field_name("function")
        arguments = value.child_by_field_name("arguments")
        if function is not None and function.type == "identifier" and text(function) in ("new", "make") and \
                not file.is_shadowed(function):
            # new(T); make(T) or make(T, n) with a constant n of at most _SMALL_MAKE.
            sizes = [a for a in arguments.named_children if a.type != "comment"][1:] if arguments is not None else []
            values = [Constants(file).value(size) for size in sizes]
            return all(value is not None and value <= _SMALL_MAKE for value in values)
        callee = file.callee(value)
        return callee is not None and (callee[1] in CONSTANT_SIZE_CONSTRUCTORS.get(callee[0], ()) or
                                       callee[1] in SMALL_VALUE_CALLS.get(callee[0], ())) and \
            arguments is not None and all(_is_cheap(file, a) for a in arguments.named_children
                                          if a.type != "comment")
    return value.type in {"nil", "true", "false"}


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


def collect(file: GoFile, options: dict) -> _Facts:
    # Top-level declarations are read by a loop over the file's children, `.Do(` calls by
    # position: no query walks the whole tree.
    facts = _Facts(file.package)
    has_sync = file.imports_path(SYNC)
    for spec in _top_level_var_specs(file):
        names = [text(n) for n in spec.children_by_field_name("name")]
        facts.variables.update(names)
        type_node = spec.child_by_field_name("type")
        if type_node is not None and text(type_node) == "error":
            facts.errors.update(names)
        if has_sync and _is_sync_once(file, spec):
            facts.onces.update(names)
    for name, body in _niladic_functions(file):
        if name not in {"init", "main"}:
            writes = _nonlocal_writes(file, body)
            if writes:
                facts.writers[name] = writes
    for call, once, function in _do_calls(file):
        if file.is_shadowed(once) or _runs_at_startup(file, call):
            continue  # a local Once, or one that fires during startup
        where = location_of(file.path, call)
        if function.type == "function_literal":
            writes = _nonlocal_writes(file, function.child_by_field_name("body"))
            if writes:
                facts.calls.append((where, text(once), writes, None, _captured_error(file, function)))
        elif function.type == "identifier" and not file.is_shadowed(function):
            facts.calls.append((where, text(once), None, text(function), None))
    return facts


def check_project(project, options: dict):
    packages: dict[tuple[str, str], list[_Facts]] = defaultdict(list)
    for path, facts in project.facts.items():
        if facts is not None:
            packages[(os.path.dirname(project.abspaths[path]), facts.package)].append(facts)
    for files in packages.values():
        onces = set().union(*(f.onces for f in files))
        if not onces:
            continue
        variables = set().union(*(f.variables for f in files))
        errors = set().union(*(f.errors for f in files))
        writers = {name: writes for f in files for name, writes in f.writers.items()}
        for facts in files:
            for where, once, writes, function, lost in facts.calls:
                if once not in onces:
                    continue
                if function is not None:
                    writes = writers.get(function)
                written = [name for name in writes or () if name in variables]
                if not written:
                    continue
                error = next((name for name in written if _is_error(name, errors)), None)
                value = next((name for name in written if name != error), written[0])
                by = f"the function {function}" if function is not None else "its function"
                yield Finding(RULE.id, _message(once, value, by, error, lost), where)


_DECLARED_INSIDE = """
(short_var_declaration left: (expression_list (identifier) @name))
(var_spec name: (identifier) @name)
(range_clause left: (expression_list (identifier) @name))
(parameter_declaration name: (identifier) @name)
"""


def _captured_error(file: GoFile, literal) -> str | None:
    """An error variable of the calling function (`err`, `*Err`, or declared `error` there)
    that the function literal assigns: Do runs the literal once, so only the first caller
    ever sees that error."""
    inside = {text(n) for found in matches(_DECLARED_INSIDE, literal) for n in found["name"]}
    for found in matches(_WRITES, literal.child_by_field_name("body")):
        root = root_identifier(found["target"][0])
        if root is None or root != found["target"][0] or text(root) in inside or not file.is_shadowed(root):
            continue
        name = text(root)
        if name == "err" or name.endswith("Err"):
            return name
    return None


def _is_error(name: str, errors: set[str]) -> bool:
    """A package-level variable declared `error`, or named like one (`err`, `loadErr`)."""
    return name in errors or name == "err" or name.endswith("Err")


def _message(once: str, written: str, by: str, error: str | None, lost: str | None) -> str:
    lazy = (f"{once}.Do sets package-level {written} in {by} at its first use, not at startup: the work and its "
            "allocations happen at an unpredictable moment (often the first request, under load)")
    if lost is not None:
        return (f"{lazy}; it also sets {lost}, a variable of the calling function, so only the first call sees the "
                f"error: Do never runs the function again, and every later call gets {lost} == nil even when the "
                f"first one failed and left {written} unset; sync.OnceValues fixes both, returning the value and the error to every caller")
    if error is not None and error != written:
        return (f"{lazy}; the error goes to package-level {error}, apart from the value, and every caller must "
                f"remember to read it; sync.OnceValues fixes both, returning the value and the error to every "
                "caller")
    return (f"{once}.Do sets package-level {written} in {by} at its first use, not at startup: the work and its "
            "allocations happen at an unpredictable moment (often the first request, under load, or concurrently "
            "with readiness probes); sync.OnceValue or sync.OnceValues make the lazy value explicit and typed, "
            "or build it in main")


RULE = Rule.from_docs(__file__, collect=collect, check_project=check_project, requires=(MODULE_FILES, STARTUP_MODEL, AFTER_STARTUP))
