"""Per-file facts for the call graph: what each function of one file calls, in order.

`file_facts` runs per file, in worker processes, and its result is cached with the file's
other results; so it holds only the plain records below (str, int, bool, None, tuples and
other records), never tree nodes. `file_summary` is the same without the events, for files
whose events may never be needed (see `completion.complete`).

Targets are resolved later, against the whole module (see `graph.ModuleGraph`):

- `F()` / `F` (a function value): `FunctionTarget`;
- `pkg.F()` / `pkg.F`: `MemberTarget` of the imported package;
- `x.M()` / `x.M`: `MethodTarget`, with the type of `x` when the syntax makes it evident
  (receivers, parameters, `x := T{}` / `&T{}` / `new(T)` / `NewT()`, each of `ctx, op := NewOp()`,
  a method's result through its receiver (`op.With(c).Start()`), a type assertion or a type
  switch's case of one type, `var x T`, package-level
  variables, the element of a `range` over a slice or map or taken into a local (`f, ok :=
  m[k]`), typed as the container: see type_ref) and the chain of fields after it (`s.cfg.M()`);
- function literals are functions of their own (`LiteralTarget`), reached from the
  enclosing function at the literal's position.

A function's events are in source order, except that a deferred call is placed at the
end of its function, where it runs.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Callable, NamedTuple, Union

import tree_sitter

from golint_startup.go.gofile import GoFile, is_generated
from golint_startup.go.library import COMMAND_FIELDS, COMMAND_RUNNERS
from golint_startup.go.syntax import STRING_LITERALS, binary_parts, captures, ends_process, is_variadic, matches, text, unparen, \
    values_of
from golint_startup.go.types import PREDECLARED, named_type, result_types


# --- records ----------------------------------------------------------------


class TypeRef(NamedTuple):
    """A type, resolved later against the module. kind: "t" the named type `name` of
    package `path` ("" = the file's own package), "r" the type of the first result of
    function `name`, "v" the type of package-level variable `name`, "c" a channel type
    (go.startup's receive loops), "?" unknown. Other results are ResultRefs."""

    kind: str
    path: str
    name: str


class ResultRef(NamedTuple):
    """The type of result number `index` of function `name` of package `path` (kind "r":
    `ctx, op := NewOperator()`), or of method `name` of the value `via` names (kind "m": its
    receiver's TypeRef and field chain, as in MethodTarget). Apart from TypeRef, most of
    whose many instances need no index."""

    kind: str
    path: str
    name: str
    index: int = 0
    via: tuple = ()


UNKNOWN = TypeRef("?", "", "")
CHANNEL = TypeRef("c", "", "")


class Span(NamedTuple):
    """Where a node lies: 1-based lines and columns, the end exclusive."""

    line: int
    col: int
    end_line: int
    end_col: int


class FunctionTarget(NamedTuple):
    """`F` of the file's own package."""

    name: str


class MemberTarget(NamedTuple):
    """`pkg.F`: member `name` of the package imported as `path`."""

    path: str
    name: str


class MethodTarget(NamedTuple):
    """`x.f1.f2.M`: method `name` of the type reached from `receiver` (the type of `x`)
    through `fields`."""

    receiver: TypeRef | ResultRef
    fields: tuple[str, ...]
    name: str


class LiteralTarget(NamedTuple):
    """A function literal of the file, by its function key."""

    key: str


class ParamTarget(NamedTuple):
    """Parameter number `index` (counting names) of the top-level function around the event."""

    index: int


Target = Union[FunctionTarget, MemberTarget, MethodTarget, LiteralTarget]


class ReturnedTarget(NamedTuple):
    """As the callee of an Arg: what a call of `target` (a function) returns, called in its
    turn, through a local given that call's result (`auth := BasicAuthorizer(u, p)` then
    `auth(handler)`) or as the call itself (`BasicAuthorizer(u, p)(handler)`)."""

    target: Target


class Arg(NamedTuple):
    """Where a function value goes: argument `index` of a call of `callee` ("ref", "parg"),
    or the value of name `index` of a package-level var spec ("init", callee None), or the
    value assigned to package-level variable `callee` ("set", index 0). `through`: the value
    reaches that argument through a one-argument call of `through`, which counts only when it
    is a conversion (`Register("token", auth.InitFunc(newController))`: see graph.passes_through)."""

    callee: Target | None
    index: int
    through: Target | None = None


class Event(NamedTuple):
    """Something a function does at `position` (a byte offset; a deferred call counts at the
    function's end): kind "call", "ref" (a function value), "run" (see `_command_values`), or
    a classifier's label (target None); and what the graph needs to tell a function value
    stored for later from one called at startup (see graph.ModuleGraph.calls_parameter):
    "ret" (a value returned), "rcall" (a call of what `target` returns: `f(a)(b)`), "rarg"
    (what a call of `target` returns, passed on as `arg`: `New(WithX())`), "init"
    and "set" (the value of a package-level variable), "pcall", "pgo" and "parg" (a parameter
    called, called in a `go` statement, or passed on as `arg`), "lpcall" and "lpgo" (a function
    literal's own parameter called in its body, or in a `go` statement), "store" and "pstore" (a function
    value, or a parameter, kept in the slot `arg` names: see `_stores`), "ustore" (a value the
    graph cannot name kept there)."""

    position: int
    kind: str
    target: Target | ParamTarget | None
    span: Span
    arg: Arg | None = None


class FunctionFacts(NamedTuple):
    """A function, method, function literal ("lit") or package-level var initializer ("var").

    key: `F`, `T.M`, `init#path:line`, `var:a,b`, or `path@offset` for a literal. result:
    the type of a function's first result; later_results: those of its other results, when
    one is a named type (`ctx, op := NewOperator()`), else empty. events: None in a summary
    (not computed). variadic: the index of a final `...` parameter, which takes every later
    argument; -1 none. signature: see `signature`; an interface's method call compares
    a method's, and a request handler is known by its own (library.handles_requests).
    creates: the types whose values its text creates (see `creates`)."""

    key: str
    kind: str
    name_span: Span | None
    result: TypeRef
    events: tuple[Event, ...] | None
    variadic: int = -1
    signature: str = ""
    later_results: tuple[TypeRef, ...] = ()
    creates: tuple[str, ...] = ()


class Field(NamedTuple):
    """A struct field; an embedded field is named after its type."""

    name: str
    type: TypeRef


class StructFacts(NamedTuple):
    """A struct type; or a named slice, array or map type of a named element (`type DeviceMap
    map[string]Devices`), with the one field ELEMENT."""

    name: str
    fields: tuple[Field, ...]


# The field of a named container type that holds its element type.
ELEMENT = "[]"


class Variable(NamedTuple):
    """A package-level variable and its type."""

    name: str
    type: TypeRef | ResultRef


class Interface(NamedTuple):
    """An interface type, the names of the methods it declares (not those it embeds) and
    their signatures (see `signature`)."""

    name: str
    methods: tuple[str, ...]
    signatures: tuple[str, ...]


class Import(NamedTuple):
    name: str  # the name the file uses for the package
    path: str


class FileFacts(NamedTuple):
    package: str
    blank_imports: tuple[str, ...]
    imports: tuple[Import, ...]
    functions: tuple[FunctionFacts, ...]
    structs: tuple[StructFacts, ...]
    variables: tuple[Variable, ...]
    complete: bool  # False for a summary: events not computed
    interfaces: tuple[Interface, ...] = ()


class Extent(NamedTuple):
    """A function's whole span (declaration, literal or var spec), by its function key: a
    finding's location maps to the innermost function around it."""

    key: str
    span: Span


class Context(NamedTuple):
    """Where the call, function value or literal of the event at `span` sits, when that
    matters to the startup model (see go.startup): `go` True inside a `go` statement;
    `callees` the calls it is an argument of, innermost first (up to the keyed element or
    function literal around it; at most 3); `field` and `type` the keyed field it is the value
    of and the composite literal's type (`RunE: run` in `cobra.Command{...}`; also the field
    assigned, `cmd.RunE = run`, type unknown; "[]" for a map value, an element or a
    positional field); `receives`
    the receive loops around it (see _receive_loop), innermost first; `command`, in a case of
    a switch over the command kingpin parsed (`case serveCmd.FullCommand():`), which runs that
    command, names the innermost such case (1 + its start byte; 0 outside one); `guards`,
    the parameters of the declaration (numbered as its callers' arguments are) that an `if`
    around it requires to be a non-empty string (`if model != "" {`; or an earlier `if model == ""
    { return }` in its block), none assigned in its body;
    `empty`, for a call, the arguments written `""` (see go.startup: a call the program's startup
    makes only with `model` empty does not reach what such an `if` guards)."""

    span: Span
    go: bool
    callees: tuple[Target | None, ...]
    field: str
    type: TypeRef
    receives: tuple[Target, ...] = ()
    command: int = 0
    guards: tuple[int, ...] = ()
    empty: tuple[int, ...] = ()


class ProgramFacts(NamedTuple):
    """`file_facts` of a whole file with what the startup model needs besides: every
    function's extent and the contexts of its events."""

    facts: FileFacts
    extents: tuple[Extent, ...]
    contexts: tuple[Context, ...]


# Every record class, for caches that store records by class name.
RECORDS = (TypeRef, ResultRef, Span, FunctionTarget, MemberTarget, MethodTarget, LiteralTarget, ParamTarget,
           ReturnedTarget, Arg, Event,
           FunctionFacts, Field,
           StructFacts, Variable, Interface, Import, FileFacts, Extent, Context, ProgramFacts)


# --- finding the nodes ------------------------------------------------------

_NOT_FUNCTIONS = {"nil", "true", "false", "iota", "_"}

# A slice or array type, as the query spells it.
_SLICES = "[(slice_type) (array_type) (implicit_length_array_type)]"

# Everything a declaration contributes, found in one pass over the file. The elements of a
# slice literal passed to a call (`newRunner([]func(){h.enable})`, "eref") go where the
# argument goes: run if the callee calls its parameter's elements, kept if it keeps the slice
# (see graph.ModuleGraph._passes); those of a slice literal given to a variable (`var checks =
# []check{removing}`, `checks = []check{removing}`: "vref", "aref") or of a map literal
# initializing one (`var upgrades = map[string]upgrade{"1.17": upgrade117}`) are kept in it,
# as the variable's own value would be (fleet's summarizers, jaeger-operator's upgrades).
_FACTS = f"""
(call_expression function: (_) @fn) @call
(defer_statement (call_expression) @deferred)
(function_literal) @lit
(literal_value [(identifier) (selector_expression)] @ref)
(expression_list [(identifier) (selector_expression)] @ref)
(_ left: (expression_list [(identifier) (selector_expression)] @assigned))
(parameter_declaration) @binding
(short_var_declaration) @binding
(var_spec) @binding
(type_switch_statement name: (identifier)) @binding
(call_expression function: (_) @callee arguments: (arguments [(identifier) (selector_expression) (function_literal) (call_expression)] @arg) @arglist)
(return_statement (expression_list [(identifier) (selector_expression) (function_literal)] @returned))
(var_spec value: (expression_list [(identifier) (selector_expression) (function_literal)] @init) @values)
(assignment left: (expression_list . (identifier) @setvar .) right: (expression_list . [(identifier) (selector_expression) (function_literal)] @setval .))
(keyed_element key: (_) @key element: [(identifier) (selector_expression)] @keyed)
(short_var_declaration left: (expression_list . (identifier) @local .) right: (expression_list . [(function_literal) (call_expression)] @bound .))
(assignment left: (expression_list . (identifier) @local .) right: (expression_list . [(function_literal) (call_expression)] @bound .))
(var_spec name: (identifier) @local value: (expression_list . [(function_literal) (call_expression)] @bound .))
(range_clause left: (expression_list (_) . (identifier) @element .) right: (identifier) @ranged)
(go_statement (call_expression) @started)
(if_statement body: (block (expression_statement) @exitlast .) @exitblock)
(unary_expression operator: "<-" operand: [(identifier) (call_expression)]) @receive
(short_var_declaration left: (expression_list . (identifier) @ctxname) right: (expression_list . (call_expression function: (selector_expression field: (field_identifier) @ctxfn (#eq? @ctxfn "NotifyContext"))) @ctxcall))
(if_statement else: (block (expression_statement) @exitlast .) @exitblock)
(assignment left: (expression_list . (_) @sdest .) right: (expression_list . (_) @sval .))
(composite_literal type: (_) @stype value: (literal_value) @sbody)
(range_clause left: (expression_list . (_) . (identifier) @relem .) right: (_) @rsrc)
(short_var_declaration left: (expression_list . (identifier) @taken) right: (expression_list . [(index_expression) (selector_expression)] @tsrc .))
(keyed_element key: (identifier) @ckey element: (call_expression) @wrapped)
(call_expression function: (_) @ecallee arguments: (arguments (composite_literal type: {_SLICES} value: (literal_value [(identifier) (selector_expression)] @eref)) @elit) @earglist)
(var_spec value: (expression_list (composite_literal type: {_SLICES} value: (literal_value [(identifier) (selector_expression)] @vref)) @vlit) @vvalues)
(var_spec value: (expression_list (composite_literal type: (map_type) value: (literal_value (keyed_element element: [(identifier) (selector_expression)] @vref))) @vlit) @vvalues)
(assignment left: (expression_list . (identifier) @avar .) right: (expression_list . (composite_literal type: {_SLICES} value: (literal_value [(identifier) (selector_expression)] @aref)) .))
"""


class _Found:
    """The captures of one top-level declaration (a function, a method or a var spec).

    What a node's parent is comes from the query too (deferred calls, names assigned to):
    Node.parent searches down from the root, so asking it of every node is quadratic in
    nesting depth.
    """

    __slots__ = ("calls", "deferred", "literals", "refs", "assigned", "bindings", "args", "returned", "inits", "sets",
                 "keyed", "bound", "ranged", "started", "stores", "literal_types", "elements", "taken",
                 "wrapped", "exits", "receives", "signal_contexts")

    def __init__(self):
        self.calls, self.literals, self.refs, self.bindings = [], [], [], []
        self.deferred, self.assigned, self.returned = set(), set(), set()
        # Function values by where they go: node -> (callee node, argument index); (index in a
        # var spec's values); (package-level variable name node); (field name).
        self.args, self.inits, self.sets, self.keyed = {}, {}, {}, {}
        # Function literals and calls whose value a name holds: node -> name (`h := func...`).
        self.bound = {}
        # Range loops over a name: element name node -> the name ranged over (`for _, o := range opts`).
        self.ranged = {}
        self.started = set()  # the calls of `go` statements
        # Assignments (value node -> destination node), composite literals of a named type
        # (body -> type node), range loops' element names (name node -> the ranged expression).
        self.stores, self.literal_types, self.elements = {}, {}, {}
        # Names declared from an element (`f, ok := registry[name]`) or a field (`root := s.Routes`):
        # name node -> the index or selector expression.
        self.taken = {}
        # Calls that are the value of a command framework's field (`RunE: wrap(func...)`).
        self.wrapped = []
        # The blocks of `if` statements that end in an expression statement, with that statement
        # (those ending the process are the failure paths: see _events_of).
        self.exits = []
        # Receives from a channel (`<-ch`, `<-ctx.Done()`), and the name given the first result
        # of each call of a function named NotifyContext: call node -> name (see _signal_wait).
        self.receives, self.signal_contexts = [], {}


def _bucket(root, tops: list) -> list[_Found]:
    """_Found for each of `tops` (sorted, non-overlapping nodes), from one query over `root`."""
    starts = [t.start_byte for t in tops]
    found = [_Found() for _ in tops]
    positions: dict = {}  # list node -> {element's start byte: its index}: one pass per list, not per element

    def position(elements, node) -> int:
        key = (elements.start_byte, elements.end_byte)
        if key not in positions:
            positions[key] = {child.start_byte: i for i, child in
                              enumerate(c for c in elements.named_children if c.type != "comment")}
        return positions[key][node.start_byte]

    for captures in matches(_FACTS, root):
        for name in ("call", "arg", "init", "setval", "keyed", "returned", "bound", "element", "sval", "sbody",
                     "relem", "taken", "wrapped", "eref", "vref", "aref", "exitlast", "ctxcall"):
            if name in captures:
                node = captures[name][0]
                break
        else:
            node = next(iter(captures.values()))[0]
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
        elif "arg" in captures:
            if node.type in ("identifier", "selector_expression"):
                bucket.refs.append(node)
            bucket.args[node] = (captures["callee"][0], position(captures["arglist"][0], node))
        elif "returned" in captures:
            bucket.returned.add(node)
        elif "init" in captures:
            bucket.inits[node] = position(captures["values"][0], node)
        elif "setval" in captures:
            bucket.sets[node] = captures["setvar"][0]
        elif "keyed" in captures:
            bucket.refs.append(node)
            key = captures["key"][0]
            if key.type == "identifier":
                bucket.keyed[node] = text(key)
        elif "bound" in captures:
            bucket.bound[node] = text(captures["local"][0])
        elif "element" in captures:
            bucket.ranged[node] = text(captures["ranged"][0])
        elif "sval" in captures:
            bucket.stores[node] = captures["sdest"][0]
        elif "sbody" in captures:
            type_node = captures["stype"][0]
            if type_node.type in ("type_identifier", "qualified_identifier", "generic_type"):
                bucket.literal_types[node] = type_node
            elif type_node.type in _CONTAINERS:
                # Elements of elided type (`[]*step{{Run: f}}`): type_ref of a container is its element's.
                for child in node.named_children:
                    if child.type == "keyed_element":
                        child = child.child_by_field_name("element")
                    if child is not None and child.type == "literal_value":
                        bucket.literal_types[child] = type_node
        elif "relem" in captures:
            if text(node) != "_":
                bucket.elements[node] = captures["rsrc"][0]
        elif "taken" in captures:
            if text(node) != "_":
                bucket.taken[node] = captures["tsrc"][0]
        elif "vref" in captures:
            bucket.inits[node] = position(captures["vvalues"][0], captures["vlit"][0])
        elif "aref" in captures:
            bucket.sets[node] = captures["avar"][0]
        elif "eref" in captures:
            bucket.args[node] = (captures["ecallee"][0], position(captures["earglist"][0], captures["elit"][0]))
        elif "wrapped" in captures:
            if text(captures["ckey"][0]) in _COMMAND_FIELD_NAMES:
                bucket.wrapped.append(node)
        elif "started" in captures:
            bucket.started.add(node)
        elif "receive" in captures:
            bucket.receives.append(node)
        elif "ctxcall" in captures:
            bucket.signal_contexts[captures["ctxcall"][0]] = text(captures["ctxname"][0])
        elif "exitlast" in captures:
            bucket.exits.append((captures["exitblock"][0], node))
        elif "deferred" in captures:
            bucket.deferred.add(node)
        elif "assigned" in captures:
            bucket.assigned.add(node)
        else:
            bucket.bindings.append(captures["binding"][0])
    return found


def span(node: tree_sitter.Node) -> Span:
    (row, col), (end_row, end_col) = node.start_point, node.end_point
    return Span(row + 1, col + 1, end_row + 1, end_col + 1)


def _owners(top, literals: list, nodes: list) -> dict:
    """The innermost function literal around each of `literals` and `nodes` (else `top`).

    One sweep in source order with a stack of the literals still open: syntax nodes nest
    or are disjoint, so the innermost open literal holds the node. (Scanning every literal
    for every node was quadratic in the nesting of closures.) Of nodes starting at the same
    byte the outer comes first, so a literal called in place is not its own call's owner.
    """
    owner = {}
    stack: list = []
    for node in sorted(literals + nodes, key=lambda n: (n.start_byte, -n.end_byte)):
        while stack and stack[-1].end_byte <= node.start_byte:
            stack.pop()
        owner[node] = stack[-1] if stack else top
        if node.type == "function_literal":
            stack.append(node)
    return owner


# --- types of names ---------------------------------------------------------


class _Imports:
    """A file as `named_type` sees it, with `pkg` in `pkg.T` read from the imports alone.

    GoFile.package_of also asks whether a local hides `pkg`, walking up to the file's top:
    per type expression, that is quadratic in nesting depth, and the call graph always
    read `pkg.T` as the import."""

    __slots__ = ("imports",)

    def __init__(self, file: GoFile):
        self.imports = file.imports

    def package_of(self, ident) -> str | None:
        return self.imports.get(text(ident))


def type_ref(file: GoFile, node: tree_sitter.Node | None) -> TypeRef:
    """The named type a type expression denotes (pointers and type arguments dropped), or CHANNEL."""
    if node is not None and node.type == "channel_type":
        return CHANNEL
    if node is not None and node.type in _CONTAINERS:
        # A slice, array or map of a named type stands for its element: such a type has no
        # methods of its own, and `range s.Accounts` or `s.Accounts[k]` gives an element.
        element = node.child_by_field_name("element")
        if element is None or element.type in _CONTAINERS or element.type == "channel_type":
            return UNKNOWN
        node = element
    named = named_type(_Imports(file), node)
    return TypeRef("t", *named) if named is not None else UNKNOWN


_CONTAINERS = frozenset({"slice_type", "array_type", "map_type"})


def _local(env: dict, operand) -> bool:
    """Whether the identifier `operand` names a local there (see Env.declared_at)."""
    name = text(operand)
    return name in env and operand.start_byte >= getattr(env, "declared_at", {}).get(name, 0)


def _imported_member(file: GoFile, selector, env: dict) -> tuple[str, str] | None:
    """(import path, name) for `pkg.Name` where `pkg` is an import no local variable hides."""
    operand = selector.child_by_field_name("operand")
    if operand is None or operand.type != "identifier" or _local(env, operand):
        return None
    path = file.imports.get(text(operand))
    return (path, text(selector.child_by_field_name("field"))) if path else None


def _without_address(node):
    """`x` for `&x` (a loop, not recursion: `&` may repeat inside parentheses)."""
    while node is not None and node.type == "unary_expression" and node.child(0) is not None and \
            node.child(0).type == "&":
        node = unparen(node.child_by_field_name("operand"))
    return node


def value_ref(file: GoFile, node, env: dict) -> TypeRef:
    """The type of an expression when evident from its syntax."""
    node = _without_address(unparen(node))  # &x: the type of x
    if node is None:
        return UNKNOWN
    kind = node.type
    if kind == "composite_literal" or kind == "type_assertion_expression":  # T{...}, x.(*T)
        return type_ref(file, node.child_by_field_name("type"))
    if kind == "identifier":
        name = text(node)
        found = env.type_at(name, node.start_byte) if isinstance(env, Env) else env.get(name)
        return found or TypeRef("v", "", name)
    if kind == "selector_expression":
        member = _imported_member(file, node, env)
        return TypeRef("v", *member) if member else UNKNOWN
    if kind == "call_expression":
        function = unparen(node.child_by_field_name("function"))
        if function is not None and function.type == "index_expression":  # F[T]()
            function = function.child_by_field_name("operand")
        if function is None:
            return UNKNOWN
        if function.type == "identifier":
            name = text(function)
            arguments = node.child_by_field_name("arguments")
            first = arguments.named_children[0] if arguments and arguments.named_children else None
            if name == "new":
                return type_ref(file, first) if first is not None else UNKNOWN
            if name == "make" and first is not None and first.type == "channel_type" and name not in env:
                return CHANNEL
            if name in env:
                return UNKNOWN
            return TypeRef("r", "", name)
        if function.type == "selector_expression":
            member = _imported_member(file, function, env)
            if member:
                return TypeRef("r", *member)
            operand = function.child_by_field_name("operand")
            receiver = _receiver(file, operand, env) if _calls_below(operand) < _TYPED_CHAIN else None
            if receiver is not None and receiver[0] != UNKNOWN:  # x.M(): M's result
                return ResultRef("m", "", text(function.child_by_field_name("field")), 0, receiver)
    return UNKNOWN


# How many calls a chain may hold below a method call for its result to be typed
# (`a.B().C().D()`): typing recurses down the chain, which may be thousands long.
_TYPED_CHAIN = 8


def _calls_below(node) -> int:
    """How many calls the selector chain `node` holds (stops counting at _TYPED_CHAIN)."""
    count = 0
    node = unparen(node)
    while node is not None and count < _TYPED_CHAIN:
        if node.type == "call_expression":
            count += 1
            node = node.child_by_field_name("function")
        elif node.type in ("selector_expression", "index_expression"):
            node = node.child_by_field_name("operand")
        else:
            break
        node = unparen(node)
    return count


class Env(dict):
    """Local names of a function and their types, each computed only when asked for.

    Holds name -> TypeRef, or name -> _Pending until `get` resolves it, so that
    `name in env` (is it a local?) never computes a type.
    """

    def __init__(self, file: GoFile):
        super().__init__()
        self.file = file
        # A range loop's element name -> the expression ranged over, which it stands for as a
        # receiver (`for _, a := range s.Accounts { a.Copy() }`) or a callee (`fn()`).
        self.aliases: dict = {}
        # A name declared again in an inner scope (`srv := register()`, then in a case
        # `srv, err := NewServer()`) -> [start, end of its scope, its type or _Pending], in
        # source order: a use inside that range means the inner one.
        self.shadowing: dict[str, list[list]] = {}
        self.top = None  # the declaration whose locals these are: where scopes are looked up
        self._scopes: list[tuple[int, int]] | None = None
        # name -> where its first declaration ends, from which on it is the local's: in
        # `cmd := cmd.NewCommand(ctx)` the right side's `cmd` is still the imported package.
        self.declared_at: dict[str, int] = {}

    def get(self, name, default=None):
        value = dict.get(self, name, default)
        if isinstance(value, _Pending):
            dict.__setitem__(self, name, UNKNOWN)  # a self-reference resolves to unknown
            value = value.resolve(self.file, self)
            dict.__setitem__(self, name, value)
        return value

    def type_at(self, name: str, position: int):
        """The type of the local `name` as seen at byte `position`."""
        for declared in reversed(self.shadowing.get(name, ())):
            if declared[0] <= position < declared[1]:
                if isinstance(declared[2], _Pending):
                    pending, declared[2] = declared[2], UNKNOWN
                    declared[2] = pending.resolve(self.file, self)
                return declared[2]
        return self.get(name)

    def declare(self, name: str, value, node) -> None:
        """Bind `name`, declared by `node`; a later declaration of a bound name shadows it in
        the rest of its scope."""
        if name not in self:
            self[name] = value
            self.declared_at[name] = node.end_byte
            return
        if self.top is None:
            return
        if self._scopes is None:  # once per function, and only one that declares a name twice
            self._scopes = sorted((n.start_byte, n.end_byte) for n in captures(_SCOPES, self.top).get("scope", ()))
        # Scopes nest: the innermost around the declaration is the last one opened before it
        # that is still open (siblings closed before it are stepped over).
        index = bisect.bisect_right(self._scopes, (node.start_byte, float("inf"))) - 1
        while index >= 0 and self._scopes[index][1] <= node.start_byte:
            index -= 1
        if index >= 0:
            self.shadowing.setdefault(name, []).append([node.end_byte, self._scopes[index][1], value])


# What ends a local's scope: blocks, case clauses, and statements that declare in their header.
_SCOPES = """
[(block) (expression_case_clause) (type_case_clause) (communication_clause)
 (if_statement) (for_statement) (expression_switch_statement) (type_switch_statement)] @scope
"""


class _Pending:
    """A local's type, from its declared type ("type") or its value ("value")."""

    __slots__ = ("kind", "node", "name", "result")

    def __init__(self, kind, node, name="", result=0):
        self.kind, self.node, self.name, self.result = kind, node, name, result

    def resolve(self, file: GoFile, env) -> TypeRef:
        if self.kind == "type":
            return type_ref(file, self.node)
        ref = value_ref(file, self.node, env)
        if self.result:  # a later result of a call: only a function's or method's result says its type
            if ref.kind == "r":
                return ResultRef("r", ref.path, ref.name, self.result)
            return ref._replace(index=self.result) if ref.kind == "m" else UNKNOWN
        return UNKNOWN if ref == TypeRef("v", "", self.name) else ref


def _value_at(values: list, count: int, index: int) -> tuple[object, int] | None:
    """(the expression whose type the `index`th of `count` names declared from `values` takes,
    which of its results): its own value, or for `ctx, op := NewOperator()` the call and the
    name's position among the results, typed by value_ref's "r"; None when unknown
    (`v, ok := m[k]`)."""
    if len(values) == count:
        return values[index], 0
    if index == 0 and len(values) == 1 and unparen(values[0]) is not None and \
            unparen(values[0]).type == "type_assertion_expression":  # n, ok := x.(*T)
        return values[0], 0
    if len(values) == 1 and unparen(values[0]) is not None and unparen(values[0]).type == "call_expression":
        return values[0], index
    return None


def _bind(node, env: dict) -> None:
    """Record the names `node` declares in `env`: the first declaration of a name, and in an
    Env the later ones too, each for the rest of its scope (see Env.declare)."""
    declare = env.declare if isinstance(env, Env) else \
        lambda name, value, _: env.setdefault(name, value)
    if node.type == "parameter_declaration":
        type_node = node.child_by_field_name("type")
        for name in node.children_by_field_name("name"):
            declare(text(name), _Pending("type", type_node), node)
    elif node.type == "short_var_declaration":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        names = left.named_children if left is not None else []
        values = right.named_children if right is not None else []
        for i, name in enumerate(names):
            if name.type == "identifier":
                key = text(name)
                value = _value_at(values, len(names), i)
                declare(key, _Pending("value", value[0], key, value[1]) if value is not None else UNKNOWN, node)
    elif node.type == "type_switch_statement":
        # `switch n := x.(type)`: in a case of one type, n has that type.
        name = text(node.child_by_field_name("name"))
        declare(name, UNKNOWN, node)
        for clause in node.named_children:
            types = clause.children_by_field_name("type") if clause.type == "type_case_clause" else []
            if len(types) == 1:
                declare(name, _Pending("type", types[0], name), types[0])
    elif node.type == "var_spec":
        declared = node.child_by_field_name("type")
        value = node.child_by_field_name("value")
        values = value.named_children if value is not None else []
        names = node.children_by_field_name("name")
        for i, name in enumerate(names):
            key = text(name)
            value = _value_at(values, len(names), i)
            if declared is not None:
                declare(key, _Pending("type", declared, key), node)
            elif value is not None:
                declare(key, _Pending("value", value[0], key, value[1]), node)
            else:
                declare(key, UNKNOWN, node)


# --- targets ----------------------------------------------------------------


def _mentions(node, name: str) -> bool:
    """Whether the expression `node` names `name`: an identifier of it, not a field (`x.name`,
    whose field is a field_identifier) nor a string's text. Range expressions are short."""
    pending = [node]
    while pending:
        node = pending.pop()
        if node.type == "identifier" and text(node) == name:
            return True
        pending += node.named_children
    return False


def _receiver(file: GoFile, operand, env: dict) -> tuple[TypeRef, tuple[str, ...]] | None:
    """(type of the base, field chain) for the operand of `operand.M`."""
    fields = []
    node = unparen(operand)
    aliases = getattr(env, "aliases", {})
    hops = 0
    while node is not None and node.type in ("selector_expression", "index_expression", "identifier"):
        if node.type == "identifier":
            if text(node) not in aliases or hops > 2:
                break
            hops += 1  # a loop element: the container it ranges over
            node = unparen(aliases[text(node)])
            continue
        if node.type == "index_expression":  # an element (`s.Accounts[k].Copy()`): typed as its container
            node = unparen(node.child_by_field_name("operand"))
            continue
        inner = unparen(node.child_by_field_name("operand"))
        if inner is not None and inner.type == "identifier" and text(inner) not in env and \
                file.imports.get(text(inner)):
            break  # pkg.Var: a package-level variable of another package
        fields.append(text(node.child_by_field_name("field")))
        node = inner
    if node is None:
        return None
    fields.reverse()
    return value_ref(file, node, env), tuple(fields)


def _target(file: GoFile, node, env: dict) -> Target | None:
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
        return FunctionTarget(name)
    if node.type == "selector_expression":
        operand = unparen(node.child_by_field_name("operand"))
        name = text(node.child_by_field_name("field"))
        if operand is None:
            return None
        if operand.type == "identifier" and not _local(env, operand):
            path = file.imports.get(text(operand))
            if path:
                return MemberTarget(path, name)
        receiver = _receiver(file, operand, env)
        if receiver is None:
            return None
        return MethodTarget(receiver[0], receiver[1], name)
    return None


def _returned_target(file: GoFile, node, env: dict) -> ReturnedTarget | None:
    """The function whose result a callee is (see ReturnedTarget): a local given a call of a
    function, or a call of one; None otherwise."""
    node = unparen(node)
    if node is None:
        return None
    if node.type == "identifier":
        name = text(node)
        ref = env.type_at(name, node.start_byte) if isinstance(env, Env) else env.get(name)
        if type(ref) is TypeRef and ref.kind == "r":
            return ReturnedTarget(MemberTarget(ref.path, ref.name) if ref.path else FunctionTarget(ref.name))
        return None
    if node.type == "call_expression":
        called = _target(file, node.child_by_field_name("function"), env)
        return ReturnedTarget(called) if type(called) in (FunctionTarget, MemberTarget) else None
    return None


# --- events -----------------------------------------------------------------

Classifier = Callable[[GoFile, tree_sitter.Node], "str | None"]


# A listen on a loopback address written out (`net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d",
# port))`, `http.ListenAndServe("localhost:6060", nil)`), or a serve on a listener so made in the
# same function: the kubelet's probes come to the pod's address, so none waits on it (armyknife's
# OAuth callback in a CLI command made it a server): an event of this kind right after the
# call's own tells go.serving that call serves no probe.
LOOPBACK_SERVING = "loopback-serving"
_ADDRESS_ARGUMENT = {("net", "Listen"): 1, ("net/http", "ListenAndServe"): 0, ("net/http", "ListenAndServeTLS"): 0}
_LISTENER_SERVES = frozenset({"Serve", "ServeTLS"})
_LOOPBACK_HOST = re.compile(r"(?:127\.0\.0\.1|localhost|\[::1\])(?::|$)")
_ASSIGNED_FIRST = re.compile(rb"[ \t]*([A-Za-z_]\w*)(?:[ \t]*,[ \t]*\w+)*[ \t]*:?=[ \t]*")


def _serves_on_loopback(file: GoFile, call, listeners: set[str]) -> bool:
    """Whether `call` listens on a loopback address written out (then the name it gives the
    listener joins `listeners`), or serves on one of `listeners`."""
    callee = file.callee(call)
    arguments = [a for a in (call.child_by_field_name("arguments").named_children
                             if call.child_by_field_name("arguments") is not None else ()) if a.type != "comment"]
    position = _ADDRESS_ARGUMENT.get(callee) if callee is not None else None
    # `listener, err := net.Listen(...)`: the name the line gives, read without parent lookups
    given = _ASSIGNED_FIRST.fullmatch(file.source, file.source.rfind(b"\n", 0, call.start_byte) + 1, call.start_byte) \
        if position is not None or listeners else None
    name = given.group(1).decode() if given is not None else None
    leading = _leading_literal(file, arguments[position]) if position is not None and len(arguments) > position \
        else None
    if leading is None or not _LOOPBACK_HOST.match(leading):
        listeners.discard(name)  # given another listener, or anything else
        if position is not None:
            return False
    else:
        if name is not None:
            listeners.add(name)
        return True
    function = call.child_by_field_name("function")
    return bool(listeners) and function is not None and function.type == "selector_expression" and \
        text(function.child_by_field_name("field")) in _LISTENER_SERVES and bool(arguments) and \
        arguments[0].type == "identifier" and text(arguments[0]) in listeners


def _leading_literal(file: GoFile, node) -> str | None:
    """The text an address starts with, when written out: a string literal, the first part of a
    `+`, or the format of `fmt.Sprintf`."""
    node = unparen(node)
    if node is None:
        return None
    if node.type in STRING_LITERALS:
        return text(node)[1:-1]
    if node.type == "binary_expression":
        return _leading_literal(file, node.child_by_field_name("left"))
    if node.type == "call_expression" and file.callee(node) == ("fmt", "Sprintf"):
        arguments = node.child_by_field_name("arguments")
        first = next((a for a in arguments.named_children if a.type != "comment"), None) if arguments is not None else None
        return _leading_literal(file, first) if first is not None else None
    return None


def _events_of(file: GoFile, top, found: _Found, key: str, classify: Classifier | None, env: dict,
               literal_keys: dict, keep_untyped_call: Callable[[str], bool]) -> dict[str, tuple[Event, ...]]:
    """The events of `top` (a declaration or a var spec) and of each of its literals, by key."""
    literals = found.literals
    ends = {top: top.end_byte}
    for literal in literals:
        ends[literal] = literal.end_byte
    stored = _stored_values(file, found, env)
    owner_of = _owners(top, literals, [call for call, _ in found.calls] + found.refs +
                       [v for v, _ in stored if v.type != "function_literal"])  # literals: owned as literals
    keys = {top: key, **{literal: literal_keys[literal] for literal in literals}}
    events: dict = {holder: [] for holder in keys}
    # The call of each literal called right where it is written: `func() {...}()`.
    invoked_by = {function: call for call, function in found.calls if function.type == "function_literal"}
    deferred = found.deferred
    # What runs as the program ends, or instead of serving, is no startup work: no call edge
    # (labels stay). That is what main defers; a block that ends the process (`if err != nil {
    # cleanup(); os.Exit(1) }`, `if *version { show(); os.Exit(0) }`: siglens' shutdown, called
    # when its start fails); and what a function does once it has waited for a termination
    # signal (_signal_wait).
    name = top.child_by_field_name("name") if top.type == "function_declaration" else None
    ending = [(block.start_byte, block.end_byte) for block, last in found.exits if ends_process(file, last)]
    if name is not None and text(name) == "main" and file.package == "main":
        ending += [(call.start_byte, call.end_byte) for call in deferred if owner_of[call] is top]
    shutdown_from = _signal_wait(file, top, found)
    if shutdown_from is not None:
        ending.append((shutdown_from, top.end_byte))

    def place(node, owner) -> int:
        """Where an event counts in its owner: deferred calls run at the end."""
        return ends[owner] if node in deferred else node.start_byte

    # What a command framework's field holds in a package-level literal (`RunE: run`, or a
    # wrapper `RunE: withStore(func...)`, whose result is what runs) runs where the framework
    # runs the command (see graph.ModuleGraph.edges): "run" events, not references or calls.
    commands = _command_values(file, top) if top.type == "var_spec" else ()

    def in_command(node, owner) -> bool:
        return owner is top and _inside(node, commands)

    # In a function, a command built there (`return &cobra.Command{RunE: wrap(func...)}`) runs
    # what its field holds where it is built, as `RunE: run` there does (no "run" events: only
    # package-level commands are found by the runners): a value wrapped by a call counts too.
    wrapped = [(call.start_byte, call.end_byte) for call in found.wrapped] \
        if top.type != "var_spec" and any(path in COMMAND_RUNNERS for path in file.imports.values()) else ()

    params = _parameters(top)[0]
    literal_parameters = functools.cache(lambda literal: _parameters(literal)[0])
    # An element of a parameter ranged over stands for it (`for _, o := range opts { o(s) }`);
    # not a lone key or index (`for v := range upgrades`: jaeger-operator parses the versions).
    for element, ranged in found.ranged.items():
        if ranged in params and text(element) != "_":
            params.setdefault(text(element), params[ranged])

    callees: dict = {}  # callee node -> its target: a call's arguments share one

    def argument(node) -> Arg:
        callee, index = found.args[node]
        if callee not in callees:
            callees[callee] = _target(file, callee, env) or _returned_target(file, callee, env)
        return Arg(callees[callee], index)

    call_of = {function: call for call, function in found.calls}

    def converted(node) -> Arg | None:
        """For a function value that is the only argument of a call itself passed to a call
        (`Register(name, Factory(f))`): where it goes if that inner call is a conversion."""
        inner = call_of.get(found.args[node][0]) if node in found.args else None
        if inner is None or inner not in found.args:
            return None
        arguments = inner.child_by_field_name("arguments")
        if arguments is None or arguments.named_child_count != 1:
            return None
        through = argument(node).callee
        return argument(inner)._replace(through=through) if through is not None else None

    def value_kind(node, owner) -> tuple[str, Arg | None]:
        """How a function value (not called in place) is used: see Event."""
        if in_command(node, owner):
            return "run", None
        if node in found.returned:
            return "ret", None
        if node in found.inits and owner is top:
            return "init", Arg(None, found.inits[node])
        if node in found.sets and text(found.sets[node]) not in env and text(found.sets[node]) != "_":
            return "set", Arg(FunctionTarget(text(found.sets[node])), 0)
        if node in found.args and not _inside(node, wrapped):
            return "ref", argument(node)
        return "ref", None

    # A literal held by a local runs where the local is called or passed on, not where it is
    # written; a local holding a call's result calls what that call returns where it is called.
    # Only for a name given a value once in the declaration: the names are not scoped here, and
    # every use of a name bound n times would stand for all n values (quadratic in nesting).
    held: dict[str, list] = {}
    for node, name in found.bound.items():
        if name in env and name not in params:
            held.setdefault(name, []).append(node)
    held = {name: nodes for name, nodes in held.items() if len(nodes) == 1}

    def started_literal(holder) -> bool:
        """Whether `holder` is a literal run by a `go` statement, itself or inside one."""
        while holder is not top and holder in invoked_by:
            if invoked_by[holder] in found.started:
                return True
            holder = owner_of[holder]
        return False

    literal_parameter_names = {name for literal in literals for name in literal_parameters(literal)}

    def enclosing_parameter(holder, name: str):
        """The literal, `holder` or one enclosing it, that declares the parameter `name`."""
        if name not in literal_parameter_names:
            return None  # the usual case, without a walk out through every enclosing literal
        while holder is not top:
            if name in literal_parameters(holder):
                return holder
            holder = owner_of[holder]
        return None

    def parameter_literal(holder, name: str, call) -> tuple | None:
        """(the literal whose own parameter `name` is, whether a goroutine runs the call) for a
        call of `name` in `holder`: the literal itself, or one enclosing it through literals run
        where they are written, in place or by a `go` statement (`func(fn F) { go func() {
        fn() }() }` starts it); None through one kept, passed or returned (a middleware's
        `return func() { next() }` runs `next` later, not where its maker runs)."""
        declaring = enclosing_parameter(holder, name)
        if declaring is None:
            return None
        started = call in found.started
        while holder is not declaring:
            invoking = invoked_by.get(holder)
            if invoking is None:
                return None
            started = started or invoking in found.started
            holder = owner_of[holder]
        return declaring, started

    for literal in literals:
        owner = owner_of[literal]
        call = invoked_by.get(literal)
        if call is None and found.bound.get(literal) in held:
            continue
        if call is not None and _inside(call, ending):
            continue
        kind, arg = ("call", None) if call is not None else value_kind(literal, owner)
        events[owner].append(Event(place(call if call is not None else literal, owner),
                                   kind, LiteralTarget(keys[literal]), span(literal), arg))
        through = converted(literal) if kind == "ref" and arg is not None else None
        if through is not None:
            events[owner].append(Event(literal.start_byte, "ref", LiteralTarget(keys[literal]), span(literal), through))
    loopback_listeners: dict = {}  # by owner: the names it gives listeners on a loopback address
    for call, function in found.calls:
        owner = owner_of[call]
        loopback = _serves_on_loopback(file, call, loopback_listeners.setdefault(owner, set()))
        label = classify(file, call) if classify is not None else None
        if label:
            # A literal that runs where it is written (or deferred) acts for its enclosing function too.
            where = span(call)
            node, holder = call, owner
            while True:
                events[holder].append(Event(place(node, holder), label, None, where))
                if holder is top or holder not in invoked_by:
                    break
                node, holder = invoked_by[holder], owner_of[holder]
            continue
        if _inside(call, ending):
            continue
        function = unparen(function)
        if function is not None and function.type == "index_expression":  # opts[i](s)
            function = unparen(function.child_by_field_name("operand"))
        calling = parameter_literal(owner, text(function), call) \
            if function is not None and function.type == "identifier" and owner is not top else None
        if calling is not None:
            # A literal calling its own parameter (`func(f func() T) T { return f() }`, returned
            # by a middleware maker or run on the spot), or starting it (`go f()`, "lpgo"): see
            # graph.ModuleGraph.calls_parameter.
            literal, started = calling
            events[literal].append(Event(place(call, literal), "lpgo" if started else "lpcall",
                                         ParamTarget(literal_parameters(literal)[text(function)]), span(call)))
            continue
        if function is not None and function.type == "identifier" and text(function) in params:
            # `go f()`, or `go func() { defer recover(); f() }()`: see graph.follow_goroutines
            kind = "pgo" if call in found.started or started_literal(owner) else "pcall"
            events[owner].append(Event(place(call, owner), kind, ParamTarget(params[text(function)]), span(call)))
            continue
        kind = "run" if in_command(call, owner) else "call"
        if function is not None and function.type == "identifier" and text(function) in env.aliases and \
                text(function) not in held:
            # `for _, fn := range hooks { fn() }`: a call of what the container holds.
            target = _target(file, env.aliases[text(function)], env)
            if target is not None:
                events[owner].append(Event(place(call, owner), kind, target, span(call)))
            continue
        if function is not None and function.type == "identifier" and text(function) in held:
            for value in held[text(function)]:
                if value.type == "function_literal":
                    events[owner].append(Event(place(call, owner), kind, LiteralTarget(keys[value]), span(call)))
                else:
                    target = _target(file, value.child_by_field_name("function"), env)
                    if target is not None:
                        events[owner].append(Event(place(call, owner), "rcall", target, span(call)))
            continue
        if function is not None and function.type == "call_expression" and kind == "call":
            kind, function = "rcall", function.child_by_field_name("function")  # f(a)(b): what f returns
        target = _target(file, function, env)
        if target is not None and (type(target) is not MethodTarget or target.receiver != UNKNOWN or
                                   keep_untyped_call(target.name)):
            events[owner].append(Event(place(call, owner), kind, target, span(call)))
            if loopback:
                # Right after the call's own event, which it marks: a module's `Serve` still runs,
                # a blocking one still blocks.
                events[owner].append(Event(place(call, owner), LOOPBACK_SERVING, None, span(call)))
            if call in found.args and kind == "call":
                # What the call returns is passed on (`NewServer(WithLogger(l))`): see graph.edges.
                events[owner].append(Event(place(call, owner), "rarg", target, span(call), argument(call)))
            shown = _flag_value(file, call, target, env) if kind == "call" else None
            if shown is not None:
                events[owner].append(Event(place(call, owner), "call", shown, span(call)))
    for ref in found.refs:
        if ref in found.assigned:
            continue  # assigned to, not a value
        owner = owner_of[ref]
        if ref.type == "identifier" and text(ref) in params:
            # A parameter passed on may be called by the callee; one stored in a field that a
            # command framework runs counts as called; one stored otherwise or returned is not.
            if ref in found.args:
                events[owner].append(Event(ref.start_byte, "parg", ParamTarget(params[text(ref)]), span(ref),
                                           argument(ref)))
            elif found.keyed.get(ref) in _COMMAND_FIELD_NAMES:
                events[owner].append(Event(ref.start_byte, "pcall", ParamTarget(params[text(ref)]), span(ref)))
            continue
        if ref.type == "identifier" and text(ref) in held:
            kind, arg = value_kind(ref, owner)
            events[owner].extend(Event(ref.start_byte, kind, LiteralTarget(keys[value]), span(ref), arg)
                                 for value in held[text(ref)] if value.type == "function_literal")
            continue
        target = _target(file, ref, env)
        if target is not None and (type(target) is not MethodTarget or target.receiver != UNKNOWN):
            kind, arg = value_kind(ref, owner)
            events[owner].append(Event(ref.start_byte, kind, target, span(ref), arg))
            through = converted(ref) if kind == "ref" and arg is not None else None
            if through is not None:
                events[owner].append(Event(ref.start_byte, "ref", target, span(ref), through))
    function_params = _function_parameters(top)
    rebound: set[str] | None = None
    for value, slot in stored:
        owner = owner_of[value]
        target = None
        if value.type == "identifier" and text(value) in params:
            if text(value) not in function_params:
                continue  # no function value
            if rebound is None:
                rebound = _rebound_names(top)
            # (`owner is top`: no literal between to declare it again, the usual case.)
            if (owner is top or enclosing_parameter(owner, text(value)) is None) and text(value) not in rebound:
                # Its function's parameter, stored there or by a literal it returns (an option's
                # `func(a *App) { a.run = run }`): the slot holds what its callers give it. Not
                # a name the function declares again or assigns (`run = logged(run)`): the slot
                # may then hold anything ("ustore").
                events[top].append(Event(value.start_byte, "pstore", ParamTarget(params[text(value)]), span(value),
                                         slot))
                continue
        elif value.type == "function_literal":
            target = LiteralTarget(keys[value])
        elif value.type == "identifier" and text(value) in held and \
                all(node.type == "function_literal" for node in held[text(value)]):
            events[owner].extend(Event(value.start_byte, "store", LiteralTarget(keys[node]), span(value), slot)
                                 for node in held[text(value)])
            continue
        elif value.type == "identifier" and (declaring := enclosing_parameter(owner, text(value))) is not None:
            if text(value) not in _function_parameters(declaring):
                continue  # no function value
        elif value.type in _VALUE_NODES and not (value.type == "identifier" and text(value) in held):
            target = _target(file, value, env)
        if target is not None and (type(target) is not MethodTarget or target.receiver != UNKNOWN):
            events[owner].append(Event(value.start_byte, "store", target, span(value), slot))
        else:
            # A value the graph cannot name (a literal's parameter, a local, an option's
            # `h.start = s` in the literal it returns): the slot may hold anything ("ustore").
            events[owner].append(Event(value.start_byte, "ustore", None, span(value), slot))
    return {keys[holder]: tuple(sorted(held, key=lambda e: e.position)) for holder, held in events.items()}


_FLAG_PACKAGES = frozenset({"flag", "github.com/spf13/pflag"})


def _flag_value(file: GoFile, call, target: Target, env: dict) -> MethodTarget | None:
    """The `String` method that `flag.Var(v, name, usage)` (or a FlagSet's `Var`, `VarP`,
    `VarPF`) calls on the value it is given, for the default shown in the usage: at startup,
    where the flags are declared. None for another call."""
    if type(target) is MemberTarget:
        of_flags = target.path in _FLAG_PACKAGES
    elif type(target) is MethodTarget:  # a FlagSet's, unless its receiver's type is known to be another's
        receiver = target.receiver
        of_flags = not (type(receiver) is TypeRef and receiver.kind == "t" and receiver.path not in _FLAG_PACKAGES)
    else:
        of_flags = False
    if not of_flags or target.name not in ("Var", "VarP", "VarPF"):
        return None
    arguments = call.child_by_field_name("arguments")
    value = _without_address(unparen(arguments.named_children[0])) \
        if arguments is not None and arguments.named_children else None
    receiver = _receiver(file, value, env) if value is not None else None
    if receiver is None or receiver[0] == UNKNOWN:
        return None
    return MethodTarget(receiver[0], receiver[1], "String")


def _signal_wait(file: GoFile, top, found: _Found) -> int | None:
    """Where `top` itself (not a literal in it) first waits for a termination signal: a receive
    from the channel it gives `signal.Notify`, or from the `Done()` of the context
    `signal.NotifyContext` gives it (`<-sig`, `switch <-sig {`, `<-ctx.Done()`); None if it does not."""
    channels, contexts = set(), set()
    for call, _ in found.calls:
        callee = file.callee(call)
        if callee is None or callee[0] != "os/signal":
            continue
        if callee[1] == "Notify":
            arguments = call.child_by_field_name("arguments")
            first = unparen(arguments.named_children[0]) if arguments is not None and arguments.named_children else None
            if first is not None and first.type == "identifier":
                channels.add(text(first))
        elif callee[1] == "NotifyContext" and call in found.signal_contexts:
            contexts.add(found.signal_contexts[call])
    if not channels and not contexts:
        return None
    literals = [(literal.start_byte, literal.end_byte) for literal in found.literals]
    done = {name + ".Done" for name in contexts}
    for receive in found.receives:
        operand = receive.child_by_field_name("operand")
        if operand.type == "identifier":
            waits = text(operand) in channels
        else:
            function = operand.child_by_field_name("function")
            waits = function is not None and function.type == "selector_expression" and text(function) in done
        if waits and not _inside(receive, literals):
            return receive.start_byte
    return None


def _inside(node, spans) -> bool:
    """Whether `node` lies within one of the (start, end) byte ranges `spans`."""
    return any(start <= node.start_byte and node.end_byte <= end for start, end in spans)


def _stored_values(file: GoFile, found: _Found, env: dict) -> list[tuple]:
    """(value node, Arg naming its slot) for each function value, or parameter, kept where a later
    call through the slot runs it (graph.ModuleGraph.slot_values): a struct field, by a composite
    literal of the struct (keyed or positional: Arg(MethodTarget(type, (), ""), position)) or by
    `x.f = v`, `x.f[k] = v`, `x.f = append(x.f, v)` (Arg(MethodTarget(type of x, fields, "f"), 0));
    a package-level variable by `m[k] = v` or `list = append(list, v)` (Arg(FunctionTarget or
    MemberTarget, 0); `x = v` is a "set" event already)."""
    stored = []
    for value, destination in found.stores.items():
        slot = _slot(file, destination, env)
        if slot is None:
            continue
        value = unparen(value)
        if value is None:
            continue
        if value.type == "call_expression":
            function, arguments = value.child_by_field_name("function"), value.child_by_field_name("arguments")
            if function is None or text(function) != "append" or "append" in env or arguments is None:
                values = [value]  # what the call returns: not known
            else:
                values = [unparen(a) for a in arguments.named_children[1:] if a.type != "comment"]
        elif type(slot.callee) is not MethodTarget and unparen(destination).type == "identifier":
            continue  # `x = v`: a "set" event
        else:
            values = [value]
        stored += [(v, slot) for v in values if v is not None and v.type in _STORED_NODES]
    for body, type_node in found.literal_types.items():
        ref = type_ref(file, type_node)
        if ref.kind != "t":
            continue
        elements = [c for c in body.named_children if c.type != "comment"]
        for position, element in enumerate(elements):
            if element.type == "keyed_element":
                key, value = element.child_by_field_name("key"), element.child_by_field_name("element")
                if key is None or key.type != "identifier":
                    break  # a map's or slice's keys
                slot = Arg(MethodTarget(ref, (), text(key)), 0)
            else:
                value, slot = element, Arg(MethodTarget(ref, (), ""), position)
            value = unparen(value)
            if value is not None and value.type in _STORED_NODES:
                stored.append((value, slot))
    return stored


_VALUE_NODES = frozenset({"identifier", "selector_expression", "function_literal"})
# What a slot may be given a function value by: a value, or what a call or an index gives
# (`x.run = pick(true)`, `x.run = table[k]`), which the graph cannot name ("ustore").
_STORED_NODES = _VALUE_NODES | {"call_expression", "index_expression"}


def _slot(file: GoFile, destination, env: dict) -> Arg | None:
    """The slot an assignment's destination names (see _stored_values), or None: a local."""
    node = unparen(destination)
    while node is not None and node.type == "index_expression":
        node = unparen(node.child_by_field_name("operand"))
    if node is None:
        return None
    if node.type == "identifier":
        name = text(node)
        return None if name in env or name == "_" else Arg(FunctionTarget(name), 0)
    if node.type != "selector_expression":
        return None
    member = _imported_member(file, node, env)
    if member:
        return Arg(MemberTarget(*member), 0)
    receiver = _receiver(file, node.child_by_field_name("operand"), env)
    if receiver is None or receiver[0] == UNKNOWN:
        return None
    return Arg(MethodTarget(receiver[0], receiver[1], text(node.child_by_field_name("field"))), 0)


_REBINDINGS = """
(short_var_declaration left: (expression_list (identifier) @name))
(var_spec name: (identifier) @name)
(const_spec name: (identifier) @name)
(range_clause left: (expression_list (identifier) @name))
(assignment left: (expression_list (identifier) @name))
(receive_statement left: (expression_list (identifier) @name))
(unary_expression operator: "&" operand: (identifier) @name)
(type_switch_statement name: (identifier) @name)
"""
# A method called on a name: one with a pointer receiver takes its address (`model.Default()`).
_METHOD_OPERANDS = "(call_expression function: (selector_expression operand: (identifier) @name))"


def _rebound_names(top, pattern: str = _REBINDINGS) -> set[str]:
    """The names a function's body (its literals included) declares (a type switch's alias
    too), assigns, receives into or takes the address of (`silence(&run)` may set it); those
    `pattern` finds in it, when given another."""
    body = top.child_by_field_name("body") if top.type != "var_spec" else None
    return {text(node) for found in matches(pattern, body) for node in found["name"]} if body is not None else set()


def _function_parameters(top) -> set[str]:
    """The parameters that may hold a function value: of a function type, or of a named type
    other than a pointer (`f func() error`, `fn HookFunc`)."""
    names = set()
    declared = top.child_by_field_name("parameters") if top.type != "var_spec" else None
    for declaration in declared.named_children if declared is not None else ():
        type_node = declaration.child_by_field_name("type")
        if type_node is not None and (type_node.type == "function_type" or type_node.type in (
                "type_identifier", "qualified_identifier") and text(type_node) not in PREDECLARED):
            names.update(text(name) for name in declaration.children_by_field_name("name"))
    return names


def _parameters(top) -> tuple[dict[str, int], int]:
    """(a function declaration's parameters by name, numbered as its callers' arguments are;
    the index of its `...` parameter or -1); ({}, -1) for a var spec."""
    params: dict[str, int] = {}
    variadic, position = -1, 0
    declared = top.child_by_field_name("parameters") if top.type != "var_spec" else None
    for declaration in declared.named_children if declared is not None else ():
        if declaration.type != "parameter_declaration":
            continue  # a comment
        if is_variadic(declaration):
            variadic = position
        # Each `_` and each unnamed parameter takes a position too (`func(_, _ string, model string)`).
        names = declaration.children_by_field_name("name")
        for name in names:
            params.setdefault(text(name), position)
            position += 1
        position += not names
    return params, variadic


def _command_values(file: GoFile, top) -> list[tuple[int, int]]:
    """The byte ranges of the values stored in fields a command framework runs
    (library.COMMAND_FIELDS) in a package-level var spec: `RunE: run` in `cobra.Command{...}`,
    or `{Action: act}` in a literal of elided type of a file that imports the framework.
    A walk down from the spec (no parent lookups), skipping function bodies."""
    if not any(path in COMMAND_RUNNERS for path in file.imports.values()):
        return []
    found, stack = [], [(top, None)]
    while stack:
        node, literal_type = stack.pop()
        if node.type == "function_literal":
            continue
        if node.type == "composite_literal":
            ref = type_ref(file, node.child_by_field_name("type"))
            literal_type = (ref.path, ref.name)
        elif node.type != "literal_value":
            literal_type = None
        for child in node.named_children:
            if node.type == "literal_value" and child.type == "keyed_element":
                key, value = child.child_by_field_name("key"), child.child_by_field_name("element")
                if key is not None and value is not None and key.type == "identifier" and \
                        text(key) in _COMMAND_FIELD_NAMES and \
                        (literal_type is None or (*literal_type, text(key)) in COMMAND_FIELDS):
                    found.append((value.start_byte, value.end_byte))
            # A literal_value directly inside another is a literal of elided type.
            stack.append((child, literal_type if node.type == "composite_literal" else None))
    return found


_COMMAND_FIELD_NAMES = frozenset(field for _, _, field in COMMAND_FIELDS)


# --- declarations -----------------------------------------------------------


def _struct_fields(file: GoFile, struct) -> tuple[Field, ...]:
    fields = []
    for decl in struct.named_children:
        if decl.type != "field_declaration":
            continue
        ref = type_ref(file, decl.child_by_field_name("type"))
        names = decl.children_by_field_name("name")
        if names:
            fields += [Field(text(n), ref) for n in names]
        elif ref != UNKNOWN:  # embedded: the field is named after its type
            fields.append(Field(ref.name, ref))
    return tuple(fields)


def _declarations(file: GoFile) -> tuple[list, list[StructFacts], list[Variable], list[Interface]]:
    """(tops, structs, variables, interfaces) from a walk over the top level only (no query, cheap).

    tops: functions, methods and package-level var specs with a value, in source order.
    """
    structs, variables, tops, interfaces = [], [], [], []
    for kind, node in file.declarations:
        if kind == "method_declaration" or kind == "function_declaration":  # most of them, in this order
            if node.child_by_field_name("body") is not None:
                tops.append(node)
        elif kind == "type_declaration":
            for spec in node.named_children:
                body = spec.child_by_field_name("type")
                if spec.type == "type_definition" and body is not None and body.type == "struct_type":
                    structs.append(StructFacts(text(spec.child_by_field_name("name")), _struct_fields(file, body)))
                elif spec.type == "type_definition" and body is not None and body.type in _CONTAINERS:
                    element = type_ref(file, body)
                    if element != UNKNOWN:
                        structs.append(StructFacts(text(spec.child_by_field_name("name")), (Field(ELEMENT, element),)))
                elif spec.type == "type_definition" and body is not None and body.type == "interface_type":
                    methods = [m for m in body.named_children
                               if m.type == "method_elem" and m.child_by_field_name("name") is not None]
                    interfaces.append(Interface(text(spec.child_by_field_name("name")),
                                                tuple(text(m.child_by_field_name("name")) for m in methods),
                                                tuple(signature(m) for m in methods)))
        elif kind == "var_declaration":
            for spec in node.named_children:
                if spec.type != "var_spec":
                    continue
                bound = Env(file)
                _bind(spec, bound)
                for name in spec.children_by_field_name("name"):
                    variables.append(Variable(text(name), bound.get(text(name), UNKNOWN)))
                if spec.child_by_field_name("value") is not None:
                    tops.append(spec)
    return tops, structs, variables, interfaces


def _top_header(file: GoFile, node) -> tuple[FunctionFacts, tuple | None] | None:
    """(the top's FunctionFacts without events, receiver (name nodes, TypeRef) or None);
    None for a method of a type the file cannot name (another package's, or unparsed)."""
    kind = node.type
    if kind == "var_spec":
        names = node.children_by_field_name("name")
        # `var _ Iface = &T{}` only checks at compile time that T implements Iface.
        made = creates(file, node) if any(text(n) != "_" for n in names) else ()
        return FunctionFacts("var:" + ",".join(text(n) for n in names), "var", span(names[0]), UNKNOWN, None,
                             creates=made), None
    name_node = node.child_by_field_name("name")
    name = text(name_node)
    if kind == "method_declaration":
        receiver = node.child_by_field_name("receiver")
        decl = receiver.named_child(0) if receiver is not None else None
        recv_type = type_ref(file, decl.child_by_field_name("type")) if decl is not None else UNKNOWN
        if recv_type == UNKNOWN or recv_type.path:
            return None
        result, later = _results(file, node)
        return (FunctionFacts(f"{recv_type.name}.{name}", "method", span(name_node), result, None,
                              signature=signature(node), later_results=later, creates=creates(file, node)),
                (tuple(decl.children_by_field_name("name")), recv_type))
    if name == "init":
        name = f"init#{file.path}:{node.start_point[0] + 1}"  # a package may have many
    result, later = _results(file, node)
    return FunctionFacts(name, "func", span(name_node), result, None, signature=signature(node),
                         later_results=later, creates=creates(file, node)), None


# Where source text creates a value of a named type: a composite literal (`T{`, `&pkg.T{`,
# `T[int]{`, gofmt writes no space before its brace and one before a block's), `new(T)`, or a
# variable declared of that type (`var s T`). Read from the text, which is cheap enough for
# summaries too; a word in a string or comment only makes a type live (see graph.LiveTypes).
# A literal is found from its brace, the name read back from there: a pattern starting at every
# name of the text cost a sixth of a run (argo-cd: 1.4 s of 7.3 s); `new(` and `var` are found
# by their words, which the regex engine looks for as literals, the word boundary checked after.
_LITERAL_BRACE = re.compile(rb"[\w\]]\{")
_TYPE_NAME = re.compile(rb"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?")
_TYPE_ARGUMENTS = re.compile(rb"\[[^\]\n{}]*\]")
_NEW = re.compile(rb"new\(\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)")
_VAR = re.compile(rb"var\s+\w+(?:\s*,\s*\w+)*\s+\*?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)[ \t]*(?:=|$|//)", re.MULTILINE)
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_NAME_BYTES = _WORD_BYTES | {ord(".")}
_NOT_TYPES = frozenset({b"struct", b"interface", b"map", b"func", b"chan", b"else", b"return", b"go", b"defer"})


def _literal_type(source: bytes, brace: int) -> bytes | None:
    """The name written right before the composite literal's brace at `brace` (`T`, `pkg.T`,
    and `T` of `T[int]`), None when none is."""
    end = brace
    if source[end - 1:end] == b"]":
        opening = source.rfind(b"[", max(0, end - 512), end - 1)
        if opening < 0 or not _TYPE_ARGUMENTS.fullmatch(source, opening, end):
            return None
        end = opening
    start = end
    while start > 0 and source[start - 1] in _NAME_BYTES:
        start -= 1
    return source[start:end] if start < end and _TYPE_NAME.fullmatch(source, start, end) else None


def _after_word_boundary(source: bytes, at: int) -> bool:
    """Whether a word starts at `at`: no ASCII letter, digit or underscore before it (`\\b`)."""
    return at == 0 or source[at - 1] not in _WORD_BYTES


def creates(file: GoFile, node) -> tuple[str, ...]:
    """The named types (`T`, `pkg.T`) whose values the text of `node` creates (see _LITERAL_BRACE)."""
    source, found = file.source, set()
    for brace in _LITERAL_BRACE.finditer(source, node.start_byte, node.end_byte):
        name = _literal_type(source, brace.end() - 1)
        if name is not None:
            found.add(name)
    for pattern in (_NEW, _VAR):
        found.update(match.group(1) for match in pattern.finditer(source, node.start_byte, node.end_byte)
                     if _after_word_boundary(source, match.start()))
    return tuple(sorted(name.decode() for name in found
                        if name not in _NOT_TYPES and name.decode() not in PREDECLARED))


def _results(file: GoFile, node) -> tuple[TypeRef, tuple[TypeRef, ...]]:
    """The type of a function's first result, and those of the others when one is named."""
    results = [type_ref(file, r) for r in result_types(node)]
    later = tuple(results[1:]) if any(r.kind == "t" for r in results[1:]) else ()
    return (results[0] if results else UNKNOWN), later


_QUALIFIER = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*\.")


def signature(node) -> str:
    """The types of a function's, method's, literal's or interface method's parameters and
    results, without names, spaces or package qualifiers (an interface's package and an
    implementing type's name the same types differently): `(ctx context.Context, n int) error`
    gives "Context,int/error"."""
    parts = []
    for field in ("parameters", "result"):
        declared = node.child_by_field_name(field)
        types = []
        if declared is not None and declared.type == "parameters":
            for declaration in declared.named_children:
                type_node = declaration.child_by_field_name("type")
                if type_node is None:
                    continue
                shown = ("..." if is_variadic(declaration) else "") + text(type_node)
                types += [shown] * max(1, len(declaration.children_by_field_name("name")))
        elif declared is not None:
            types.append(text(declared))
        parts.append(",".join(_QUALIFIER.sub("", "".join(t.split())) for t in types))
    return "/".join(parts)


def _file_facts(file: GoFile, functions, structs, variables, interfaces, complete: bool) -> FileFacts:
    return FileFacts(file.package, tuple(file.blank_imports),
                     tuple(Import(name, path) for name, path in sorted(file.imports.items())),
                     tuple(functions), tuple(structs), tuple(variables), complete, tuple(interfaces))


def file_summary(file: GoFile) -> FileFacts:
    """The facts of `file_facts` without the events (`complete` False): every top-level
    function, the types and variables. A walk over the top level only; `file_facts` of the
    same file can fill the events in later, where they are needed."""
    tops, structs, variables, interfaces = _declarations(file)
    functions = [header[0] for header in map(lambda node: _top_header(file, node), tops) if header is not None]
    return _file_facts(file, functions, structs, variables, interfaces, complete=False)


def file_facts(file: GoFile, classify: Classifier | None = None,
               keep_untyped_call: Callable[[str], bool] = lambda name: False,
               program: tuple[list, list] | None = None) -> FileFacts:
    """Facts of one file for `graph.ModuleGraph`: functions with their events, types, variables.

    `classify(file, call)` labels calls the rule cares about (e.g. "memlimit"); a labeled
    call is recorded as that label rather than as an edge. Method calls on values of
    unknown type are left out (they resolve to nothing) unless `keep_untyped_call(name)`.
    `program`: (extents, contexts) lists to fill for `program_facts`.
    """
    functions = []
    (tops, structs, variables, interfaces), buckets = _captured(file)
    surroundings = _bucket_surroundings(file.root, tops) if program is not None else None
    for index, (node, found) in enumerate(zip(tops, buckets)):
        header = _top_header(file, node)
        if header is None:
            continue
        function, receiver = header
        env = Env(file)
        env.top = node
        if receiver is not None:
            for recv_name in receiver[0]:
                env[text(recv_name)] = receiver[1]
        for binding in found.bindings:
            # A var spec's own names are package-level, not locals; the names its function
            # literals declare are (`RunE: func(...) error { app := &App{}; return app.Serve() }`).
            if binding != node:
                _bind(binding, env)
        for element, ranged in found.elements.items():
            if text(element) in env:  # a name bound elsewhere too is left untyped
                continue
            env.declared_at[text(element)] = ranged.end_byte  # before: an import's or the package's
            if _mentions(ranged, text(element)):
                # `for _, stat := range stat.Collect()` ranges over what `stat` names outside the
                # loop (here a package), which the one type a name has here cannot also say
                env[text(element)] = UNKNOWN
                continue
            env[text(element)] = _Pending("value", ranged, text(element))
            env.aliases[text(element)] = ranged
        for element, indexed in found.taken.items():
            # An element or field taken into a local stands for it too (`if f, ok := registry[name]; ok
            # { f() }`, `root := s.Routes; root.Group("/v1")`),
            # when the name is declared once.
            if text(element) not in env.shadowing and text(element) not in env.aliases:
                env.aliases[text(element)] = indexed
        literal_keys = {literal: f"{file.path}@{literal.start_byte}" for literal in found.literals}
        events = _events_of(file, node, found, function.key, classify, env, literal_keys, keep_untyped_call)
        functions.append(function._replace(events=events[function.key], variadic=_parameters(node)[1]))
        for literal in found.literals:
            if events[literal_keys[literal]]:
                functions.append(FunctionFacts(literal_keys[literal], "lit", span(literal), UNKNOWN,
                                               events[literal_keys[literal]], signature=signature(literal),
                                               creates=creates(file, literal)))
        if program is not None:
            program[0].append(Extent(function.key, span(node)))
            program[0].extend(Extent(literal_keys[literal], span(literal)) for literal in found.literals)
            program[1].extend(_contexts(file, found, surroundings[index], env, node))
    return _file_facts(file, functions, structs, variables, interfaces, complete=True)


def _captured(file: GoFile) -> tuple[tuple[list, list[StructFacts], list[Variable]], list[_Found]]:
    """`_declarations` and `_bucket` of a file, computed once per parse: a worker may ask for
    several rules' facts of one file (SL004's and the startup model's), and the query over the
    whole tree is most of their cost. Both are only read."""
    if file._captured is None:
        declarations = _declarations(file)
        file._captured = (declarations, _bucket(file.root, declarations[0]))
    return file._captured


# A generated file larger than this (protobuf messages, deepcopy and clientsets of many types)
# is taken to call no module code: the startup model gets its functions complete, calling
# nothing, from the first parse. Such code never leads to startup work, and completing it
# was the run's peak: argo-cd's 1.5 MB generated.pb.go took 150 MiB and 23 s (parsing it
# again alone 80 MiB), its 360-460 KB *.pb.go 31-39 MiB each; the generated code a path does
# run through is small (Wire's wire_gen.go, go-swagger's server.go: 5-30 KB).
OPAQUE_GENERATED_BYTES = 128 * 1024


def _opaque(file: GoFile) -> bool:
    """Whether `file` is a large generated file (see OPAQUE_GENERATED_BYTES)."""
    return len(file.source) > OPAQUE_GENERATED_BYTES and is_generated(file.source)


def program_facts(file: GoFile, complete: bool = False) -> ProgramFacts:
    """What a file gives the startup model up front: unless `complete` (a file holding a
    finding), a summary (`file_summary`), no extents, no contexts. The model completes
    (`complete_program_facts`) only the files a path to a finding may run through (see
    go.startup.build_for): computing every file's events and contexts cost several times
    the parse."""
    return complete_program_facts(file) if complete or _opaque(file) else ProgramFacts(file_summary(file), (), ())


def complete_program_facts(file: GoFile) -> ProgramFacts:
    """Complete facts of a file, with extents and contexts, for the startup model; a large
    generated file's functions call nothing."""
    if _opaque(file):
        summary = file_summary(file)
        return ProgramFacts(summary._replace(complete=True, functions=tuple(
            function._replace(events=()) for function in summary.functions)), (), ())
    extents, contexts = [], []
    facts = file_facts(file, program=(extents, contexts))
    return ProgramFacts(facts, tuple(extents), tuple(contexts))


# --- contexts (the startup model) -------------------------------------------

# What surrounds a call, a function value or a literal: go statements, argument lists (with
# their call's function), keyed elements (with the composite literal's type when it is
# written), a struct literal's positional elements, the value assigned to a field or an
# element, and function literals, which end every surrounding.
_SURROUNDINGS = """
(go_statement call: (call_expression) @go)
(call_expression function: (_) @callee arguments: (arguments) @args)
(composite_literal type: (_) @ctype value: (literal_value (keyed_element key: (_) @tkey element: (_) @tvalue)))
(keyed_element key: (_) @key element: (_) @value)
(composite_literal type: [(type_identifier) (qualified_identifier) (generic_type) (struct_type)] @ptype
  value: (literal_value [(identifier) (selector_expression)] @pvalue))
(assignment left: (expression_list . [(selector_expression field: (field_identifier) @afield) (index_expression)] .)
  right: (expression_list . (_) @avalue .))
(function_literal) @boundary
(for_statement (range_clause right: (_) @ranged) body: (block) @rbody)
(for_statement body: (block (select_statement (communication_clause communication: (receive_statement)) @rcase))) @rfor
(expression_case_clause value: (expression_list (call_expression
  function: (selector_expression field: (field_identifier) @command)))) @ccase
(if_statement condition: (binary_expression operator: ["!=" "&&"]) @gcondition body: (block) @gbody)
(block (if_statement condition: (binary_expression operator: ["==" "||"]) @econdition body: (block) @ebody !else) @eif) @eblock
(goto_statement) @goto
"""

_GO, _ARGS, _KEYED, _BOUNDARY, _RECEIVE, _COMMAND, _GUARD, _GOTO = 0, 1, 2, 3, 4, 5, 6, 7
# What a case of kingpin's parsed command compares it with: `case lsCmd.FullCommand():`.
_KINGPIN_COMMAND = "FullCommand"


def _bucket_surroundings(root, tops: list) -> list[list]:
    """For each of `tops`, its surroundings: (node, kind, payload) from one query over `root`."""
    starts = [t.start_byte for t in tops]
    found: list[list] = [[] for _ in tops]
    keyed: dict = {}
    for captures in matches(_SURROUNDINGS, root):
        if "go" in captures:
            entry = (captures["go"][0], _GO, None)
        elif "args" in captures:
            entry = (captures["args"][0], _ARGS, captures["callee"][0])
        elif "tvalue" in captures:
            value = captures["tvalue"][0]
            keyed[(value.start_byte, value.end_byte)] = (value, _KEYED, (captures["tkey"][0], captures["ctype"][0]))
            continue
        elif "value" in captures:
            value = captures["value"][0]
            keyed.setdefault((value.start_byte, value.end_byte), (value, _KEYED, (captures["key"][0], None)))
            continue
        elif "pvalue" in captures:
            # A positional element of a struct literal (`runner{"p", p.Run}`): a field's value too.
            value = captures["pvalue"][0]
            keyed[(value.start_byte, value.end_byte)] = (value, _KEYED, (None, captures["ptype"][0]))
            continue
        elif "avalue" in captures:
            # A value assigned to a field or an element (`t.Generator = func...`, `hooks[k] = f`):
            # the field's value, as in a literal of elided type (`cmd.RunE = run` runs at startup).
            value, field = captures["avalue"][0], captures.get("afield")
            keyed.setdefault((value.start_byte, value.end_byte), (value, _KEYED, (field[0] if field else None, None)))
            continue
        elif "rbody" in captures:
            entry = (captures["rbody"][0], _RECEIVE, captures["ranged"][0])
        elif "rcase" in captures:
            if captures["rfor"][0].named_child_count != 1:
                continue  # a select in a loop with a condition or clause: it may end at startup
            entry = (captures["rcase"][0], _RECEIVE, None)
        elif "ccase" in captures:
            if text(captures["command"][0]) != _KINGPIN_COMMAND:
                continue
            entry = (captures["ccase"][0], _COMMAND, None)
        elif "gbody" in captures:
            names = _required_non_empty(captures["gcondition"][0])
            if not names:
                continue
            entry = (captures["gbody"][0], _GUARD, names)
        elif "eif" in captures:
            names = _returns_when_empty(captures["econdition"][0], captures["ebody"][0])
            if not names:
                continue
            # `if model == "" { return }`: what follows it in the block runs with `model` non-empty.
            branch, block = captures["eif"][0], captures["eblock"][0]
            labels = frozenset(text(statement.child_by_field_name("label")) for statement in block.named_children
                               if statement.type == "labeled_statement" and statement.start_byte > branch.start_byte)
            entry = (_Rest(branch.end_byte, block.end_byte, labels), _GUARD, names)
        elif "goto" in captures:
            entry = (captures["goto"][0], _GOTO, text(captures["goto"][0].child_by_field_name("label")))
        else:
            entry = (captures["boundary"][0], _BOUNDARY, None)
        _bucket_one(entry, starts, tops, found)
    for entry in keyed.values():
        _bucket_one(entry, starts, tops, found)
    # A goto before an early return to a label after it jumps past it: no such guard (a goto
    # cannot jump into a block, so the labels of the guard's own block are those it may reach;
    # one after the `if` runs only once past it).
    for index, entries in enumerate(found):
        gotos = [(entry[0].start_byte, entry[2]) for entry in entries if entry[1] == _GOTO]
        if gotos:
            found[index] = [entry for entry in entries if entry[1] != _GOTO and not (isinstance(entry[0], _Rest) and any(
                at < entry[0].start_byte and label in entry[0].labels for at, label in gotos))]
    return found


def _bucket_one(entry, starts: list, tops: list, found: list) -> None:
    node = entry[0]
    index = bisect.bisect_right(starts, node.start_byte) - 1
    if index >= 0 and node.end_byte <= tops[index].end_byte:
        found[index].append(entry)


def _required_non_empty(condition) -> frozenset[str]:
    """The names a condition holds only when they are non-empty strings: `name != ""`, either
    way round, alone or joined by `&&` (`defaulted && model != ""`)."""
    return _compared_with_empty(condition, "&&", "!=")


def _compared_with_empty(condition, joiner: str, comparison: str) -> frozenset[str]:
    """The identifiers `condition` compares (`comparison`, "==" or "!=") with the empty
    string, either way round, alone or joined by `joiner`."""
    parts = binary_parts(condition)
    if parts is None:
        return frozenset()
    operator, left, right = parts[0], unparen(parts[1]), unparen(parts[2])
    if operator == joiner:
        return _compared_with_empty(left, joiner, comparison) | _compared_with_empty(right, joiner, comparison)
    if operator == comparison and left is not None and right is not None:
        for name, other in ((left, right), (right, left)):
            if name.type == "identifier" and _empty_string(other):
                return frozenset({text(name)})
    return frozenset()


class _Rest:
    """The statements of a block after an early return, spanned as a surrounding node is, with
    the labels among them (not a record: never stored)."""

    __slots__ = ("start_byte", "end_byte", "labels")

    def __init__(self, start_byte: int, end_byte: int, labels: frozenset[str]):
        self.start_byte, self.end_byte, self.labels = start_byte, end_byte, labels


def _returns_when_empty(condition, body) -> frozenset[str]:
    """The names an `if` whose body ends in a return (so what follows holds them non-empty)
    tests for the empty string: `name == ""`, either way round, alone or joined by `||`."""
    statements = [child for child in body.named_children if child.type != "comment"]
    if not statements or statements[-1].type != "return_statement":
        return frozenset()
    return _compared_with_empty(condition, "||", "==")


def _empty_string(node) -> bool:
    return node is not None and node.type in STRING_LITERALS and \
        text(node) in ('""', "``")


def _empty_arguments(source: bytes, call) -> tuple[int, ...]:
    """The positions of a call's arguments written `""`."""
    arguments = call.child_by_field_name("arguments")
    if arguments is None or (source.find(b'""', arguments.start_byte, arguments.end_byte) < 0 and
                             source.find(b"``", arguments.start_byte, arguments.end_byte) < 0):
        return ()  # most calls: no child nodes made
    return tuple(index for index, argument in enumerate(values_of(arguments)) if _empty_string(argument))


def _guardable_parameters(top) -> dict[str, int]:
    """The parameters of `top` by name, but those its body assigns, declares again or calls a
    method on (`if model == "" { model = fallback }` before the guard; a pointer method takes
    the address: `model.Default()`)."""
    rebound = _rebound_names(top, _REBINDINGS + _METHOD_OPERANDS)
    return {name: index for name, index in _parameters(top)[0].items() if name not in rebound}


def _contexts(file: GoFile, found: _Found, surroundings: list, env: dict, top) -> list[Context]:
    """The Context of each call, reference and literal of one top-level declaration `top` that
    has one (most have none). One sweep in source order with a stack of open surroundings:
    syntax nodes nest or are disjoint; a surrounding comes before the event node it spans
    exactly (`go f()`, `RunE: run`), and a literal is an event before it is a boundary."""
    items = [(node.start_byte, -node.end_byte, 0, kind, node, payload) for node, kind, payload in surroundings
             if kind != _BOUNDARY]
    # A call's context matters only for `go` (see go.startup._follows): what it is an argument
    # of, or the value of, is resolved for references and literals alone.
    items += [(node.start_byte, -node.end_byte, 1, None, node, True) for node, _ in found.calls]
    items += [(node.start_byte, -node.end_byte, 1, None, node, False) for node in found.refs + found.literals]
    items += [(node.start_byte, -node.end_byte, 2, _BOUNDARY, node, None) for node, kind, _ in surroundings
              if kind == _BOUNDARY]
    items.sort(key=lambda item: item[:3])
    contexts, stack = [], []
    guardable: dict[str, int] | None = None  # the top's parameters a guard may name, read at the first guard
    for _, _, _, kind, node, payload in items:
        while stack and stack[-1][0].end_byte <= node.start_byte:
            stack.pop()
        if kind is not None:
            stack.append((node, kind, payload))
            continue
        go, callees, field, type_, receives, command, guarded = False, [], "", UNKNOWN, [], 0, frozenset()
        closed = payload  # past a keyed element (or a call): outer calls do not take this value as an argument
        for open_node, open_kind, open_payload in reversed(stack):
            if open_kind == _BOUNDARY:
                # Inside a function literal: a guard names the top's parameter, not one of the
                # literal's, whose callers give its arguments.
                guarded = frozenset()
                break
            if open_kind == _GO:
                go = True
            elif open_kind == _GUARD:
                guarded |= open_payload
            elif open_kind == _COMMAND:
                command = command or open_node.start_byte + 1
            elif open_kind == _RECEIVE:
                loop = _receive_loop(file, open_payload, env)
                if loop is not None and len(receives) < 3:
                    receives.append(loop)
            elif closed:
                continue
            elif open_kind == _ARGS and len(callees) < 3:
                callees.append(_target(file, open_payload, env))
            elif open_kind == _KEYED:
                key, literal_type = open_payload
                # A value under a map key (`"http": probeHTTP`) or in a positional field is stored
                # for later, like one under a field that no framework runs: "[]" names no startup field.
                field = text(key) if key is not None and key.type in ("identifier", "field_identifier") else "[]"
                type_ = type_ref(file, literal_type) if literal_type is not None else UNKNOWN
                closed = True
        guards = ()
        if guarded:
            guardable = _guardable_parameters(top) if guardable is None else guardable
            guards = tuple(sorted(guardable[name] for name in guarded if name in guardable))
        empty = _empty_arguments(file.source, node) if payload is True else ()
        if go or callees or field or receives or command or guards or empty:
            contexts.append(Context(span(node), go, tuple(callees), field, type_, tuple(receives), command,
                                    guards, empty))
    return contexts


# A receive loop whose channel is evident where it is written: a select case's `<-ch`, or a
# range over a local made by `make(chan ...)` or declared of a channel type.
RECEIVES = MethodTarget(CHANNEL, (), "")


def _receive_loop(file: GoFile, ranged, env: dict) -> Target | None:
    """What tells whether a loop receives from a channel (its body then runs once per message,
    not at startup): RECEIVES for a select case in a loop without a condition (`ranged`
    None) or a range over a channel evident here; for one over another expression, what the
    module resolves (graph.ModuleGraph.is_channel): the call's target (`range sub.Messages()`),
    or MethodTarget(type of the base, fields, "") for a value (`range cl.Messages`,
    `range pkg.Events`); None when it cannot tell."""
    if ranged is None:
        return RECEIVES
    node = unparen(ranged)
    if node is not None and node.type == "call_expression":
        return _target(file, node.child_by_field_name("function"), env)
    receiver = _receiver(file, node, env)
    if receiver is None or receiver[0] == UNKNOWN:
        return None
    return RECEIVES if receiver == (CHANNEL, ()) else MethodTarget(receiver[0], receiver[1], "")
