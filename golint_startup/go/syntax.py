"""Questions about tree-sitter-golang syntax that every rule asks, answered once.

Trees follow go/ast: a `block` or a case clause holds its statements directly, `true`,
`false`, `nil` and `iota` are identifiers, and a type written where an expression may
stand (`new(pkg.T)`, `[]byte(s)`) parses as an expression.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import tree_sitter
import tree_sitter_golang

GO = tree_sitter.Language(tree_sitter_golang.language())

FUNCTION_NODES = frozenset({"function_declaration", "method_declaration", "function_literal"})
# Nodes whose named children are statements in order (a block, the body of a case).
STATEMENT_LISTS = frozenset({"block", "expression_case_clause", "type_case_clause", "communication_clause"})
STRING_LITERALS = frozenset({"interpreted_string_literal", "raw_string_literal"})


def previous_statement(node: tree_sitter.Node) -> tree_sitter.Node | None:
    """The statement (or comment) before `node` in its block or case clause; None at the
    first one. A case clause's values, types or communication (`case v := <-c:`) sit
    before its statements as siblings, with no block around the statements: they are not
    statements of the list."""
    sibling, holder = node.prev_named_sibling, node.parent
    if sibling is None or holder is None or holder.type == "block":
        return sibling
    colon = next((child for child in holder.children if child.type == ":"), None)
    return sibling if colon is None or sibling.start_byte > colon.start_byte else None


@cache
def query(source: str) -> tree_sitter.Query:
    """Compile a tree-sitter query once per process."""
    return tree_sitter.Query(GO, source)


def matches(pattern: str, node: tree_sitter.Node) -> list[dict[str, list[tree_sitter.Node]]]:
    return [captures for _, captures in tree_sitter.QueryCursor(query(pattern)).matches(node)]


def captures(pattern: str, node: tree_sitter.Node) -> dict[str, list[tree_sitter.Node]]:
    return tree_sitter.QueryCursor(query(pattern)).captures(node)


@cache
def word_pattern(name: str) -> re.Pattern:
    """`name` as a whole identifier in source bytes (not a field `.name`, not inside a longer word)."""
    return re.compile(rb"(?<![\w.])" + re.escape(name.encode()) + rb"(?!\w)")


def unparen(node: tree_sitter.Node | None) -> tree_sitter.Node | None:
    """The expression or type inside any parentheses."""
    while node is not None and node.type in {"parenthesized_expression", "parenthesized_type"}:
        node = node.named_children[0] if node.named_children else None
    return node


def exported(name: str | bytes) -> bool:
    """Whether a Go name is exported (starts with an upper-case letter): what another package,
    or a library through an interface, may call. Of a name in bytes only an ASCII letter is
    seen (`É` is two bytes, neither a letter): the source's exported names are nearly all ASCII."""
    return name[:1].isupper()


def text(node: tree_sitter.Node | None) -> str:
    if node is None:
        return ""
    return node.text.decode("utf-8", "replace")


def is_variadic(node: tree_sitter.Node | None) -> bool:
    """Whether a parameter declaration (`xs ...T`) or a call's arguments (`f(xs...)`) spread."""
    return node is not None and any(child.type == "..." for child in node.children)


def ancestors(file, node: tree_sitter.Node) -> list[tree_sitter.Node]:
    """The nodes that hold `node`, innermost first, up to the root.

    Found in one descent from the root, linear in the depth: Node.parent itself searches
    down from the root, so walking up with it costs the square of the depth."""
    chain, current = [], file.root
    while current is not None and current != node:
        chain.append(current)
        current = current.child_with_descendant(node)
    if current is None:  # not reached by the descent (a zero-width node): walk up instead
        chain, current = [], node.parent
        while current is not None:
            chain.append(current)
            current = current.parent
        return chain
    chain.reverse()
    return chain


def enclosing_function(file, node: tree_sitter.Node) -> tree_sitter.Node | None:
    return next((holder for holder in ancestors(file, node) if holder.type in FUNCTION_NODES), None)


def mentions(file, node, name: str) -> bool:
    """Whether `node` refers to the variable `name` (an identifier, not a field, string or comment)."""
    return bool(identifier_uses(file, node, name))


def names_of(node) -> list[str]:
    return [text(n) for n in node.named_children if n.type == "identifier"] if node is not None else []


def binary_parts(node) -> tuple[str, tree_sitter.Node, tree_sitter.Node] | None:
    """(operator, left, right) of a binary expression, parentheses aside; None for another node."""
    node = unparen(node)
    operator = node.child_by_field_name("operator") if node is not None and node.type == "binary_expression" else None
    if operator is None:
        return None
    return operator.type, node.child_by_field_name("left"), node.child_by_field_name("right")


def next_statement(node: tree_sitter.Node | None) -> tree_sitter.Node | None:
    """The statement after `node` in its block, comments skipped; None at the last one."""
    following = node.next_named_sibling if node is not None else None
    while following is not None and following.type == "comment":
        following = following.next_named_sibling
    return following


def values_of(node) -> list:
    return [n for n in node.named_children if n.type != "comment"] if node is not None else []


def unconverted(node):
    """`node` without a conversion to bytes or a string (`[]byte(text)` is `text`); None when
    the conversion takes other than one value."""
    if node is not None and node.type == "call_expression" and \
            text(node.child_by_field_name("function")).replace(" ", "") in {"[]byte", "string"}:
        converted = values_of(node.child_by_field_name("arguments"))
        return unparen(converted[0]) if len(converted) == 1 else None
    return node


def is_define(range_clause) -> bool:
    return any(child.type == ":=" for child in range_clause.children)


def identifier_uses(file, scope, name: str, after: int = 0) -> list:
    """Identifier nodes spelling `name` inside `scope` from byte offset `after` on (not a
    field `.name`, a string or a comment). Found in the source text first: far cheaper
    than walking the subtree."""
    found = []
    for match in word_pattern(name).finditer(file.source, max(after, scope.start_byte), scope.end_byte):
        node = file.root.descendant_for_byte_range(match.start(), match.end())
        if node is not None and node.type == "identifier":
            found.append(node)
    return found


def invocation(literal, holders: list | None = None) -> str | None:
    """How a function literal runs where it is written: "call" (`func(){...}()`), "defer"
    or "go"; None when it is only a value (stored, passed on, returned). `holders`: the
    literal's ancestors, innermost first, when the caller has them (see `ancestors`)."""
    call = literal.parent if holders is None else (holders[0] if holders else None)
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != literal:
        return None
    statement = call.parent if holders is None else (holders[1] if len(holders) > 1 else None)
    if statement is not None and statement.type in {"defer_statement", "go_statement"}:
        return statement.type.split("_")[0]
    return "call"


def assigned_names(value) -> list:
    """The names a declaration or plain assignment gives `value`, when it is the only value on
    the right: `a, err := f()`, `a, err = f()`, `var a, err = f()`. [] otherwise."""
    values = value.parent
    holder = values.parent if values is not None and values.type == "expression_list" else None
    if holder is None or len(values_of(values)) != 1:
        return []
    if holder.type == "short_var_declaration" or \
            (holder.type == "assignment" and text(holder.child_by_field_name("operator")) == "="):
        return values_of(holder.child_by_field_name("left"))
    if holder.type == "var_spec":
        return holder.children_by_field_name("name")
    return []


def root_identifier(target, through_dereference: bool = False):
    """The variable an assignment target writes: `x` for `x`, `x.f`, `x[i]`, `x.f[i].g`, `(x)`,
    and for `*x` when `through_dereference`; None otherwise."""
    while target is not None:
        kind = target.type
        if kind == "identifier":
            return target
        if kind in {"selector_expression", "index_expression", "slice_expression"}:
            target = target.child_by_field_name("operand")
        elif kind == "parenthesized_expression" or (kind == "unary_expression" and through_dereference):
            target = target.named_children[0] if target.named_children else None
        else:
            return None  # *p = v writes through a pointer, not to a variable
    return None


# Statements that write variables: the targets of assignments and `++`/`--` (@lhs), and the
# names of short variable declarations (@decl).
WRITES = """
[(assignment left: (expression_list) @lhs)
 (inc_dec_statement operand: (_) @lhs)
 (short_var_declaration left: (expression_list) @decl)]
"""


def written_roots(node) -> set[str]:
    """The variables that assignments and `++`/`--` in `node` write, by their root name
    (`m` for `m[k] = v`, `s.n++`)."""
    roots = set()
    for found in matches(WRITES, node):
        for side in found.get("lhs", []):
            for target in (side.named_children if side.type == "expression_list" else [side]):
                root = root_identifier(target)
                if root is not None:
                    roots.add(text(root))
    return roots


# Methods that never return, whatever the receiver: the Fatal and Panic families of the
# standard library's log.Logger and of logrus, zap's SugaredLogger and most loggers modeled
# on them. The receiver's type is not in the tree, so the name alone decides.
_KLOG = frozenset({"k8s.io/klog", "k8s.io/klog/v2"})
_FATAL_METHODS = frozenset({"Fatal", "Fatalf", "Fatalln", "Fatalw"})
_NEVER_RETURNING_METHODS = _FATAL_METHODS | {"Panic", "Panicf", "Panicln", "Panicw"}
# zerolog's chains: `log.Fatal().Err(err).Msg("...")` exits in the method that sends the event.
_SENDING_METHODS = frozenset({"Msg", "Msgf", "MsgFunc", "Send"})


def _sends_fatal_event(function, panics: bool) -> bool:
    """Whether a call of `function` sends an event a chain started with `X.Fatal()` or, with
    `panics`, `X.Panic()` (no arguments: zerolog's levels, not a logger's Fatal(args...))."""
    if text(function.child_by_field_name("field")) not in _SENDING_METHODS:
        return False
    operand = unparen(function.child_by_field_name("operand"))
    while operand is not None and operand.type == "call_expression":
        inner = operand.child_by_field_name("function")
        if inner is None or inner.type != "selector_expression":
            return False
        arguments = operand.child_by_field_name("arguments")
        if text(inner.child_by_field_name("field")) in (("Fatal", "Panic") if panics else ("Fatal",)):
            return arguments is not None and arguments.named_child_count == 0
        operand = unparen(inner.child_by_field_name("operand"))
    return False


def ends_by_leaving(file, block) -> bool:
    """Whether a block's last statement leaves the function: a return or a call that ends the process."""
    statements = values_of(block)
    return bool(statements) and (statements[-1].type == "return_statement" or ends_process(file, statements[-1]))


def ends_process(file, statement, panics: bool = True) -> bool:
    """Whether `statement` is a call that does not return to its caller: `panic(...)`,
    `os.Exit(...)`, `log.Fatalf(...)`, `logger.Fatal(...)`, `log.Fatal().Err(err).Msg(...)`;
    without `panics`, not a panic (which a deferred recover may stop)."""
    if statement is None or statement.type != "expression_statement" or not statement.named_children:
        return False
    call = unparen(statement.named_children[0])
    if call is None or call.type != "call_expression":
        return False
    function = call.child_by_field_name("function")
    if function is None:
        return False
    if function.type == "identifier":
        return panics and text(function) == "panic" and not file.is_shadowed(function)
    if function.type != "selector_expression":
        return False
    callee = file.callee(call)
    if callee is not None and (callee == ("os", "Exit") or
                               (callee[0] in _KLOG and callee[1] in {"Exit", "Exitf", "Exitln", "ExitDepth"})):
        return True
    method = text(function.child_by_field_name("field"))
    return method in (_NEVER_RETURNING_METHODS if panics else _FATAL_METHODS) or _sends_fatal_event(function, panics)


@lru_cache(maxsize=256)
def assigned_or_declared(name: bytes) -> re.Pattern[bytes]:
    """Go source text that gives the local `name` a value or declares it (`name = `, `name,
    err := `, `a, name = `, `var name`), the name as written (not a pattern)."""
    escaped = re.escape(name)
    return re.compile(rb"(?<![.\w])%(name)s(?:\s*,\s*\w+)*\s*:?=(?!=)|,\s*%(name)s\b[\w\s,]*:?=(?!=)"
                      rb"|\bvar\s+(?:\w+\s*,\s*)*%(name)s\b" % {b"name": escaped})
