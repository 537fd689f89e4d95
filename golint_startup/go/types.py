"""One file's view of Go types, shared by rules and the call graph.

No type checker runs: types come from the declarations a file makes (its own types,
functions, methods, variables and parameters) and from a few library tables. Every
answer is either right or None ("unknown"); callers treat unknown as "do not report".

- `named_type`: the (import path, name) a type expression denotes;
- `result_types`: the result types of a function declaration or literal;
- `type_parameters_in_scope`: the type parameters visible at a node;
- `FileTypes`: the type of an expression, its underlying type, range element types.
"""

from __future__ import annotations

from functools import cached_property

from golint_startup.go.library import LIBRARY_SLICES
from golint_startup.go.syntax import FUNCTION_NODES, STATEMENT_LISTS, STRING_LITERALS, ancestors, is_define, is_variadic, matches, names_of, text, \
    unparen, values_of

INTEGER_TYPES = frozenset({"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
                            "uint64", "uintptr", "byte", "rune"})
# Marker "types" for values whose exact type does not matter, only its kind.
SLICE = "[]"  # some slice (a variadic parameter, a slice expression, a known library result)
FUNC = "func"  # a method value
PREDECLARED = frozenset("""bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64
rune string uint uint8 uint16 uint32 uint64 uintptr any comparable""".split())


def named_type(file, node, type_parameters=frozenset(), through_pointer: bool = True) -> tuple[str, str] | None:
    """(import path, name) of the named type `node` denotes, "" for the file's own package:
    `T`, `pkg.T`, `T[int]`, `(T)`, and `*T` unless `through_pointer` is off. A type written
    where an expression may stand (`new(T)`, `new(pkg.T)`) counts too. None for predeclared
    types, type parameters, and types that are not named (slices, maps, literals)."""
    while node is not None:
        kind = node.type
        if kind in {"type_identifier", "identifier"}:
            name = text(node)
            return None if name in PREDECLARED or name in type_parameters else ("", name)
        if kind == "qualified_identifier":
            path = file.imports.get(text(node.child_by_field_name("package")))
            return (path, text(node.child_by_field_name("name"))) if path else None
        if kind == "selector_expression":
            operand = node.child_by_field_name("operand")
            path = file.package_of(operand) if operand is not None and operand.type == "identifier" else None
            return (path, text(node.child_by_field_name("field"))) if path else None
        if kind == "generic_type":
            node = node.child_by_field_name("type")
        elif kind == "parenthesized_type" or (kind == "pointer_type" and through_pointer):
            node = node.named_children[0] if node.named_children else None
        else:
            return None
    return None


def result_types(function) -> list:
    """The type nodes of a function's results, one per result (`(a, b int)` gives two)."""
    result = function.child_by_field_name("result")
    if result is None:
        return []
    if result.type != "parameters":
        return [result]
    types = []
    for param in result.named_children:
        if param.type == "parameter_declaration":
            types += [param.child_by_field_name("type")] * max(1, len(param.children_by_field_name("name")))
    return types


def type_parameters_in_scope(file, node) -> frozenset[str]:
    """Type parameters visible at `node`: those of the enclosing function declaration, or
    the names a generic receiver binds (`func (s *Set[T]) Add(v T)`)."""
    scope = next((holder for holder in ancestors(file, node)
                  if holder.type in {"function_declaration", "method_declaration"}), None)
    if scope is None:
        return frozenset()
    names = set()
    params = scope.child_by_field_name("type_parameters")
    if params is not None:
        for declaration in params.named_children:
            names.update(text(n) for n in declaration.children_by_field_name("name"))
    receiver = scope.child_by_field_name("receiver")
    if receiver is not None:
        for found in matches("(generic_type type_arguments: (type_arguments (type_identifier) @t))",
                             receiver):
            names.update(text(n) for n in found["t"])
    return frozenset(names)


class FileTypes:
    """Just enough of Go's type system, from one file's declarations, to tell whether a
    range expression has a length known before the loop. Types are tree-sitter type
    nodes, builtin type names, or the markers SLICE / FUNC; None means unknown."""

    # Package-level declarations only (from the file's top-level nodes): types declared inside
    # functions stay unknown. Each table is built when first asked for; most files need few.

    def __init__(self, file):  # a GoFile
        self.file = file

    @cached_property
    def named(self) -> dict[str, object]:
        return {text(spec.child_by_field_name("name")): spec.child_by_field_name("type")
                for kind, declaration in self.file.declarations if kind == "type_declaration"
                for spec in declaration.named_children if spec.type in {"type_definition", "alias_declaration"}}

    @cached_property
    def funcs(self) -> dict[str, object]:
        return {text(declaration.child_by_field_name("name")): declaration
                for kind, declaration in self.file.declarations if kind == "function_declaration"}

    @cached_property
    def methods(self) -> dict[tuple[str, str], object]:
        methods = {}
        for kind, declaration in self.file.declarations:
            if kind != "method_declaration":
                continue
            receiver = declaration.child_by_field_name("receiver")
            params = [p for p in receiver.named_children if p.type == "parameter_declaration"] \
                if receiver is not None else []
            name = self._type_name(params[0].child_by_field_name("type")) if params else None
            if name:
                methods[(name, text(declaration.child_by_field_name("name")))] = declaration
        return methods

    def method_of(self, operand, name: str):
        """The declaration of the method `name` that `operand.name(...)` calls, when the operand's
        type is one this file declares methods of; None otherwise (`sync.Map`'s `Load` is not
        the file's `(*Config).Load`)."""
        receiver = self._type_name(self.of(operand))
        return self.methods.get((receiver, name)) if receiver else None

    # --- types --------------------------------------------------------------

    def _type_name(self, node) -> str | None:
        """`T` for `T`, `*T`, `T[int]`, `*T[K, V]` declared in this package."""
        named = named_type(self.file, node) if node is not None and not isinstance(node, str) else None
        return named[1] if named is not None and not named[0] else None

    def underlying(self, t, depth: int = 0):
        while depth < 10:
            depth += 1
            if isinstance(t, str) or t is None:
                return t
            t = unparen(t)
            if t is None:
                return None
            if t.type == "generic_type":
                t = t.child_by_field_name("type")
                continue
            if t.type == "type_identifier":
                name = text(t)
                if name in self.named:
                    t = self.named[name]
                    continue
                if name in INTEGER_TYPES or name == "string":
                    return name
                return None  # a type parameter or a type from elsewhere
            return t
        return None

    def deref(self, t):
        t = self.underlying(t)
        if t is not None and not isinstance(t, str) and t.type == "pointer_type" and t.named_children:
            return self.underlying(t.named_children[0])
        return t

    def length_known(self, t) -> bool:
        t = self.underlying(t)
        if isinstance(t, str):
            return t == SLICE or t == "string" or t in INTEGER_TYPES
        if t is None:
            return False
        if t.type == "pointer_type":  # ranging over *[N]T
            inner = self.deref(t)
            return inner is not None and not isinstance(inner, str) and inner.type == "array_type"
        return t.type in {"slice_type", "array_type", "implicit_length_array_type", "map_type"}

    def is_integer(self, t) -> bool:
        return self.underlying(t) in INTEGER_TYPES

    def element(self, t, index: int):
        """The type of the key (index 0) or value (index 1) variable of `range` over t."""
        t = self.deref(t)
        if isinstance(t, str):
            if t == "string":
                return "int" if index == 0 else "rune"
            if t in INTEGER_TYPES:
                return t if index == 0 else None
            return "int" if t == SLICE and index == 0 else None
        if t is None:
            return None
        if t.type in {"slice_type", "array_type", "implicit_length_array_type"}:
            return "int" if index == 0 else t.child_by_field_name("element")
        if t.type == "map_type":
            return t.child_by_field_name("key" if index == 0 else "element")
        return None

    # --- expressions --------------------------------------------------------

    def of(self, expr, index: int = 0, depth: int = 0):
        """The type of `expr` (result `index` of a multi-value call)."""
        expr = unparen(expr)
        if expr is None or depth > 12:
            return None
        kind = expr.type
        if kind == "identifier":
            return self._identifier(expr, depth)
        if kind == "int_literal":
            return "int"
        if kind in STRING_LITERALS:
            return "string"
        if kind == "rune_literal":
            return "rune"
        if kind == "composite_literal":
            return expr.child_by_field_name("type")
        if kind == "type_assertion_expression":
            return expr.child_by_field_name("type") if index == 0 else None  # `v, ok := x.(T)`
        if kind == "slice_expression":
            return SLICE  # of a slice, array or string: a length either way
        if kind == "call_expression":
            return self._call(expr, index, depth)
        if kind == "selector_expression":
            return self._selector(expr, depth)
        if kind == "index_expression":
            return self.element(self.of(expr.child_by_field_name("operand"), 0, depth + 1), 1)
        if kind == "unary_expression":
            operator = expr.child(0)
            if operator is not None and operator.type == "*":
                return self.deref(self.of(expr.child_by_field_name("operand"), 0, depth + 1))
            if operator is not None and operator.type in {"-", "+", "^"}:
                return self.of(expr.child_by_field_name("operand"), 0, depth + 1)
            return None
        if kind == "binary_expression":
            operator = expr.child_by_field_name("operator")
            if operator is not None and text(operator) in {"+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&^"}:
                left = self.of(expr.child_by_field_name("left"), 0, depth + 1)
                return left if left is not None else self.of(expr.child_by_field_name("right"), 0, depth + 1)
        return None

    def _call(self, call, index: int, depth: int):
        function = unparen(call.child_by_field_name("function"))
        arguments = values_of(call.child_by_field_name("arguments"))
        if function is None:
            return None
        if function.type == "identifier":
            name = text(function)
            declared, _ = self._lookup(function, depth)
            if not declared:
                if name in {"len", "cap", "copy"}:
                    return "int"
                if name in {"make", "append"} and arguments:
                    return arguments[0] if name == "make" else self.of(arguments[0], 0, depth + 1)
                if name in INTEGER_TYPES or name == "string":
                    return name
                if name in self.named:
                    return function  # a conversion T(x)
                if name in self.funcs:
                    results = result_types(self.funcs[name])
                    return results[index] if index < len(results) else None
            return None
        if function.type == "selector_expression":
            operand = function.child_by_field_name("operand")
            name = text(function.child_by_field_name("field"))
            if operand is not None and operand.type == "identifier":
                package = self.file.package_of(operand)
                if package is not None:
                    return SLICE if index in LIBRARY_SLICES.get((package, name), ()) else None
            receiver = self._type_name(self.of(operand, 0, depth + 1))
            method = self.methods.get((receiver, name)) if receiver else None
            if method is not None:
                results = result_types(method)
                return results[index] if index < len(results) else None
            return None
        if function.type in {"slice_type", "array_type", "map_type", "generic_type", "qualified_identifier"}:
            return function  # a conversion
        return None

    def _selector(self, selector, depth: int):
        operand = selector.child_by_field_name("operand")
        name = text(selector.child_by_field_name("field"))
        if operand is not None and operand.type == "identifier":
            package = self.file.package_of(operand)
            if package is not None:
                return SLICE if (package, name) in LIBRARY_SLICES else None
        owner = self.of(operand, 0, depth + 1)
        receiver = self._type_name(owner)
        if receiver and (receiver, name) in self.methods:
            return FUNC  # a method value: a function, maybe an iterator
        struct = self.deref(owner)
        if struct is None or isinstance(struct, str) or struct.type != "struct_type":
            return None
        for declaration in struct.named_children:
            if declaration.type == "field_declaration" and \
                    name in [text(n) for n in declaration.children_by_field_name("name")]:
                return declaration.child_by_field_name("type")
        return None  # promoted from an embedded field, or not there

    # --- scopes -------------------------------------------------------------

    def _identifier(self, ident, depth: int):
        declared, t = self._lookup(ident, depth)
        if declared:
            return t
        return FUNC if text(ident) in self.funcs else None

    def _lookup(self, ident, depth: int) -> tuple[bool, object]:
        """(found, type) for the declaration of `ident` visible where it is used."""
        name = text(ident)
        holders = ancestors(self.file, ident)
        for index, node in enumerate(holders):
            child = holders[index - 1] if index else ident
            kind = node.type
            if kind in STATEMENT_LISTS:
                for statement in reversed(node.named_children):
                    if statement.start_byte >= child.start_byte:
                        continue
                    found = self._declared_by(statement, name, depth)
                    if found[0]:
                        return found
                if kind == "communication_clause":
                    found = self._received(node.child_by_field_name("communication"), child, name, depth)
                    if found[0]:
                        return found
            elif kind == "for_statement":
                body = node.child_by_field_name("body")
                for clause in node.named_children:
                    if clause.type == "range_clause" and child == body:
                        names = names_of(clause.child_by_field_name("left"))
                        if name in names and is_define(clause):
                            right = self.of(clause.child_by_field_name("right"), 0, depth + 1)
                            return True, self.element(right, names.index(name))
                    if clause.type == "for_clause" and child != clause:
                        initializer = clause.child_by_field_name("init_statement")
                        if initializer is not None and initializer != child:
                            found = self._declared_by(initializer, name, depth)
                            if found[0]:
                                return found
            elif kind in {"if_statement", "expression_switch_statement", "type_switch_statement"}:
                initializer = node.child_by_field_name("init_statement")
                if initializer is not None and initializer != child:
                    found = self._declared_by(initializer, name, depth)
                    if found[0]:
                        return found
                if kind == "type_switch_statement" and child.type == "type_case_clause" and \
                        text(node.child_by_field_name("name")) == name:
                    # In a clause that lists one type the alias has that type; with several
                    # (or `nil`) it keeps the switched value's interface type.
                    listed = child.children_by_field_name("type")
                    return True, listed[0] if len(listed) == 1 and text(listed[0]) != "nil" else None
            elif kind in FUNCTION_NODES:
                for part in ("receiver", "parameters", "result"):
                    params = node.child_by_field_name(part)
                    if params is None or params.type != "parameters":
                        continue
                    for param in params.named_children:
                        if name in [text(n) for n in param.children_by_field_name("name")]:
                            if is_variadic(param):
                                return True, SLICE
                            return True, param.child_by_field_name("type")
            elif kind == "source_file":
                for statement in node.named_children:
                    if statement.type in {"var_declaration", "const_declaration"}:
                        found = self._declared_by(statement, name, depth)
                        if found[0]:
                            return found
                return False, None
        return False, None

    def _received(self, communication, child, name: str, depth: int) -> tuple[bool, object]:
        """(found, type) for `name` declared by a case's `v := <-c` (the element of c's
        channel type; `ok` of `v, ok := <-c` is a bool, which no rule asks about)."""
        if communication is None or communication == child or communication.type != "receive_statement" or \
                not any(c.type == ":=" for c in communication.children):
            return False, None  # `case v = <-c:` assigns a variable declared elsewhere
        names = names_of(communication.child_by_field_name("left"))
        if name not in names:
            return False, None
        receive = unparen(communication.child_by_field_name("right"))
        if names.index(name) != 0 or receive is None or receive.type != "unary_expression" or receive.child(0).type != "<-":
            return True, None
        channel = self.underlying(self.of(receive.child_by_field_name("operand"), 0, depth + 1))
        if channel is None or isinstance(channel, str) or channel.type != "channel_type":
            return True, None
        return True, channel.child_by_field_name("element")

    def _declared_by(self, statement, name: str, depth: int) -> tuple[bool, object]:
        kind = statement.type
        if kind == "short_var_declaration":
            names = names_of(statement.child_by_field_name("left"))
            if name not in names:
                return False, None
            return True, self._value_type(names.index(name), len(names),
                                          values_of(statement.child_by_field_name("right")), None, depth)
        if kind in {"var_declaration", "const_declaration"}:
            for spec in statement.named_children:
                names = [text(n) for n in spec.children_by_field_name("name")]
                if name in names:
                    return True, self._value_type(names.index(name), len(names),
                                                  values_of(spec.child_by_field_name("value")),
                                                  spec.child_by_field_name("type"), depth)
        return False, None

    def _value_type(self, position: int, count: int, values: list, declared_type, depth: int):
        if declared_type is not None:
            return declared_type
        if len(values) == count:
            return self.of(values[position], 0, depth + 1)
        if len(values) == 1:
            return self.of(values[0], position, depth + 1)
        return None


