"""Every node type the code compares a node's `.type` with is one the Go grammar produces.

A name from another grammar (tree-sitter-go's `qualified_type`, `variadic_parameter_declaration`)
is no error anywhere: the comparison is just never true, and the code behind it dead. Queries
are checked by tree-sitter when compiled; comparisons in Python are checked here.
"""

from __future__ import annotations

import ast
import glob
import os

from lintrun import REPO
from golint_startup.go.syntax import GO


def _compared_types(tree: ast.AST):
    """(line, name) of each string a `.type` is compared with (`==`, `!=`, `in`, `not in`)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "type":
            for comparator in node.comparators:
                elements = comparator.elts if isinstance(comparator, (ast.Tuple, ast.List, ast.Set)) else [comparator]
                for element in elements:
                    if isinstance(element, ast.Constant) and isinstance(element.value, str):
                        yield node.lineno, element.value


def test_every_node_type_compared_is_the_grammars():
    kinds = {GO.node_kind_for_id(i) for i in range(GO.node_kind_count)}
    unknown = []
    for path in sorted(glob.glob(os.path.join(REPO, "golint_startup", "**", "*.py"), recursive=True)
                       + glob.glob(os.path.join(REPO, "rules", "*.py"))):
        with open(path, encoding="utf-8") as source:
            tree = ast.parse(source.read())
        unknown += [f"{os.path.relpath(path, REPO)}:{line}: {name}" for line, name in _compared_types(tree)
                    if name not in kinds]
    assert not unknown, "\n".join(unknown)
