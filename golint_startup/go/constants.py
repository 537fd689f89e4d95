"""Integer values of Go constant expressions."""

from __future__ import annotations

from golint_startup.go.syntax import text



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
