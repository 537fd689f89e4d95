"""Scopes: which names a statement declares, and whether a local declaration hides a name."""

from __future__ import annotations

import tree_sitter

from golint_startup.go.syntax import FUNCTION_NODES, STATEMENT_LISTS, text


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


def is_shadowed(ident: tree_sitter.Node) -> bool:
    """Whether a local declaration before `ident` hides the package-level name."""
    name = text(ident)
    child, node = ident, ident.parent
    while node is not None and node.type != "source_file":
        if node.type in STATEMENT_LISTS:
            for stmt in node.named_children:
                if stmt.start_byte >= child.start_byte:
                    break
                if name in declared_names(stmt):
                    return True
        elif node.type in {"if_statement", "for_statement", "expression_switch_statement",
                           "type_switch_statement"}:
            clause = node.child_by_field_name("init_statement")
            if clause is not None and clause.end_byte <= child.start_byte and name in declared_names(clause):
                return True
            if node.type == "type_switch_statement" and name in declared_names(node):
                return True
            for clause in node.named_children:
                if clause.type in {"range_clause", "for_clause"} and clause.end_byte <= child.start_byte:
                    inner = clause.child_by_field_name("init_statement") if clause.type == "for_clause" else clause
                    if inner is not None and name in declared_names(inner):
                        return True
        elif node.type in FUNCTION_NODES:
            for field_name in ("receiver", "parameters", "result"):
                part = node.child_by_field_name(field_name)
                if part is not None and part.type == "parameters" and name in declared_names(part):
                    return True
        child, node = node, node.parent
    return False
