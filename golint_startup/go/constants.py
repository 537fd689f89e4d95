"""Values of Go constant expressions: integers, and strings written as literals."""

from __future__ import annotations

from golint_startup.go.syntax import STRING_LITERALS, binary_parts, text



def truncating_division(left: int, right: int) -> int:
    """Go's integer division, which truncates toward zero."""
    quotient = abs(left) // abs(right)
    return quotient if (left < 0) == (right < 0) else -quotient


class Constants:
    """Integer values of constant expressions, with the file's top-level constants."""

    def __init__(self, file):  # a GoFile
        self.file = file
        self._declared = None

    def declared(self) -> dict:
        """Top-level `const name = value` specs (one name each; iota lists are not evaluated)."""
        if self._declared is None:
            self._declared = {}
            for kind, node in self.file.declarations:
                if kind != "const_declaration":
                    continue
                for spec in node.named_children:
                    names = spec.children_by_field_name("name") if spec.type == "const_spec" else []
                    value = spec.child_by_field_name("value") if len(names) == 1 else None
                    if value is not None and len(value.named_children) == 1:
                        self._declared[text(names[0])] = value.named_children[0]
        return self._declared

    def string(self, node) -> str | None:
        """A string literal, or a constant of the file declared as one, unquoted (escapes
        are kept as written: the values read are file names)."""
        if node is not None and node.type == "identifier" and not self.file.is_shadowed(node):
            node = self.declared().get(text(node))
        if node is not None and node.type in STRING_LITERALS:
            return text(node)[1:-1]
        return None

    def value(self, node, depth: int = 0) -> int | None:
        if node is None or depth > 20:
            return None
        kind = node.type
        if kind == "parenthesized_expression":
            return self.value(node.named_children[0] if node.named_children else None, depth + 1)
        if kind == "int_literal":
            try:
                return int(text(node).replace("_", ""), 0)
            except ValueError:
                return int(text(node).replace("_", ""), 8) if text(node).isdigit() else None
        if kind == "float_literal":
            try:
                number = float(text(node).replace("_", ""))
            except ValueError:
                return None
            return int(number) if number.is_integer() else None
        if kind == "identifier":
            declared = self.declared().get(text(node))
            return self.value(declared, depth + 1) if declared is not None and not self.file.is_shadowed(node) else None
        if kind == "unary_expression":
            operand = self.value(node.child_by_field_name("operand"), depth + 1)
            operator = text(node.child_by_field_name("operator"))
            if operand is None:
                return None
            return {"-": -operand, "+": operand, "^": ~operand}.get(operator)
        if kind == "binary_expression":
            left = self.value(node.child_by_field_name("left"), depth + 1)
            right = self.value(node.child_by_field_name("right"), depth + 1)
            if left is None or right is None:
                return None
            operator = text(node.child_by_field_name("operator"))
            try:
                return {
                    "+": lambda: left + right, "-": lambda: left - right, "*": lambda: left * right,
                    "/": lambda: truncating_division(left, right), "%": lambda: left - right * truncating_division(left, right),
                    "<<": lambda: left << right if 0 <= right < 64 else None,
                    ">>": lambda: left >> right, "|": lambda: left | right, "&": lambda: left & right,
                    "^": lambda: left ^ right, "&^": lambda: left & ~right,
                }[operator]()
            except (KeyError, ZeroDivisionError, ValueError):
                return None
        if kind == "call_expression":  # a conversion such as int(1 << 20)
            function = node.child_by_field_name("function")
            args = node.child_by_field_name("arguments")
            if function is not None and function.type == "identifier" and args is not None \
                    and len(args.named_children) == 1 and text(function).startswith(("int", "uint")):
                return self.value(args.named_children[0], depth + 1)
        return None


# Steps of a counted loop: the operator of `i op= k` (`i++` is `+= 1`) -> the next value.
_STEPS = {
    "+=": lambda i, k: i + k, "-=": lambda i, k: i - k, "*=": lambda i, k: i * k,
    "/=": lambda i, k: truncating_division(i, k), "<<=": lambda i, k: i << k, ">>=": lambda i, k: i >> k,
}
_CONDITIONS = {
    "<": lambda i, b: i < b, "<=": lambda i, b: i <= b, ">": lambda i, b: i > b, ">=": lambda i, b: i >= b,
    "!=": lambda i, b: i != b,
}
_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "!=": "!="}
# A counter past 64 bits has overflowed in Go: the count the file spells is not the one run.
_INT_RANGE = 1 << 64


def _step_of(post, counter: str, constants: Constants) -> tuple[str, int] | None:
    """(operator, constant operand) of the post statement `i++`, `i--` or `i op= k`."""
    if post is None:
        return None
    if post.type == "inc_dec_statement":
        if text(post.child_by_field_name("operand")) != counter:
            return None
        return ("+=" if text(post.child_by_field_name("operator")) == "++" else "-="), 1
    if post.type != "assignment" or text(post.child_by_field_name("left")) != counter:
        return None
    operator = text(post.child_by_field_name("operator"))
    right = post.child_by_field_name("right")
    operand = constants.value(right.named_children[0]) if right is not None and len(right.named_children) == 1 \
        else None
    if operator not in _STEPS or operand is None or (operator in {"/=", "<<=", ">>="} and operand <= 0):
        return None
    return operator, operand


def trip_count(clause, constants: Constants, limit: int = 1 << 16) -> int | None:
    """How many times the three-clause loop `for i := a; i OP b; i STEP k` runs when a, b and
    k are constants: None when a part is not constant, the loop would not end (or overflow),
    or a multiplicative count passes `limit` (such loops end in at most 64 steps unless the
    step goes nowhere). Whether the body writes the counter is the caller's question."""
    initializer = clause.child_by_field_name("init_statement")
    condition = binary_parts(clause.child_by_field_name("condition"))
    if initializer is None or initializer.type != "short_var_declaration" or condition is None:
        return None
    names = initializer.child_by_field_name("left").named_children
    starts = initializer.child_by_field_name("right").named_children
    if len(names) != 1 or len(starts) != 1:
        return None
    counter, start = text(names[0]), constants.value(starts[0])
    operator, left, right = condition
    if text(right) == counter:  # `n > i`
        left, right, operator = right, left, _FLIPPED.get(operator)
    if text(left) != counter or operator not in _CONDITIONS:
        return None
    bound = constants.value(right)
    step = _step_of(clause.child_by_field_name("post_statement"), counter, constants)
    if start is None or bound is None or step is None:
        return None
    holds, (kind, k) = _CONDITIONS[operator], step
    if kind in {"+=", "-="}:
        delta = k if kind == "+=" else -k
        if not holds(start, bound):
            return 0
        if delta == 0:
            return None
        if operator == "!=":
            distance = bound - start
            return distance // delta if distance % delta == 0 and distance // delta > 0 else None
        # Moving away from the bound never ends (before overflow).
        if (delta > 0) != (operator in {"<", "<="}):
            return None
        distance = abs(bound - start) + (operator in {"<=", ">="})
        count = -(-distance // abs(delta))
        return count if abs(start) < _INT_RANGE and abs(bound) < _INT_RANGE else None
    value, count = start, 0
    while holds(value, bound):
        count += 1
        following = _STEPS[kind](value, k)
        if count > limit or following == value or abs(following) >= _INT_RANGE:
            return None
        value = following
    return count
