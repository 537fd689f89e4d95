"""Scopes: which names a statement declares, and whether a local declaration hides a name."""

from __future__ import annotations

import bisect

import tree_sitter

from golint_startup.go.syntax import FUNCTION_NODES, STATEMENT_LISTS, captures, text


def declared_names(node: tree_sitter.Node) -> list[str]:
    """Names a statement or clause declares into its scope."""
    kind = node.type
    if kind in {"short_var_declaration", "range_clause"}:
        left = node.child_by_field_name("left")
        return [text(n) for n in left.named_children if n.type == "identifier"] if left else []
    if kind in {"var_declaration", "const_declaration"}:
        return [text(n) for spec in node.named_children if spec.type in {"var_spec", "const_spec"}
                for n in spec.children_by_field_name("name")]
    if kind == "type_switch_statement":
        alias = node.child_by_field_name("name")
        return [text(alias)] if alias else []
    if kind == "parameters":
        return [text(n) for param in node.named_children for n in param.children_by_field_name("name")]
    return []


_SCOPE_NODES = "[" + " ".join(f"({kind})" for kind in sorted(
    STATEMENT_LISTS | FUNCTION_NODES | {"if_statement", "for_statement", "expression_switch_statement",
                                        "type_switch_statement"})) + "] @scope"


class Scopes:
    """Where each local declaration of a file is visible, computed in one pass, so that
    "does a local declaration hide this name here" costs a binary search instead of a walk
    up the tree (Node.parent searches down from the root: a walk up is quadratic in depth).

    A declaration is visible from the end of its statement (or clause) to the end of the
    block, statement or function that holds it; parameters, results, receivers and a type
    switch's alias in the whole function or statement. Scopes nest, so the ranges of one
    name merge into disjoint ones."""

    def __init__(self, root: tree_sitter.Node):
        ranges: dict[str, list[tuple[int, int]]] = {}

        def declare(names, start: int, end: int) -> None:
            for name in names:
                ranges.setdefault(name, []).append((start, end))

        for node in captures(_SCOPE_NODES, root).get("scope", ()):
            kind, end = node.type, node.end_byte
            if kind in STATEMENT_LISTS:
                for statement in node.named_children:
                    declare(declared_names(statement), statement.end_byte, end)
            elif kind in FUNCTION_NODES:
                for field_name in ("receiver", "parameters", "result"):
                    part = node.child_by_field_name(field_name)
                    if part is not None and part.type == "parameters":
                        declare(declared_names(part), node.start_byte, end)
            else:
                clause = node.child_by_field_name("init_statement")
                if clause is not None:
                    declare(declared_names(clause), clause.end_byte, end)
                if kind == "type_switch_statement":
                    declare(declared_names(node), node.start_byte, end)
                for clause in node.named_children:
                    if clause.type == "range_clause":
                        declare(declared_names(clause), clause.end_byte, end)
                    elif clause.type == "for_clause":
                        inner = clause.child_by_field_name("init_statement")
                        if inner is not None:
                            declare(declared_names(inner), clause.end_byte, end)
        self._starts: dict[str, list[int]] = {}
        self._ends: dict[str, list[int]] = {}
        for name, spans in ranges.items():
            starts, ends = self._starts[name], self._ends[name] = [], []
            for start, end in sorted(spans):
                if starts and start <= ends[-1]:
                    ends[-1] = max(ends[-1], end)
                elif start < end:
                    starts.append(start)
                    ends.append(end)

    def hides(self, ident: tree_sitter.Node) -> bool:
        """Whether a local declaration before `ident` hides the package-level name."""
        name = text(ident)
        starts = self._starts.get(name)
        if not starts:
            return False
        index = bisect.bisect_right(starts, ident.start_byte) - 1
        return index >= 0 and ident.start_byte < self._ends[name][index]
