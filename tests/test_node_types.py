"""Every node type the code compares a node's `.type` with, and every field it asks a node
for, is one the Go grammar has.

A name from another grammar (tree-sitter-go's `qualified_type`, `variadic_parameter_declaration`,
its `consequence` and `alternative` fields) is no error anywhere: the comparison is just never
true, the field always None, and the code behind it dead. Queries are checked by tree-sitter
when compiled; names in Python are checked here.
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


_FIELD_METHODS = ("child_by_field_name", "children_by_field_name")


def _fields_asked(tree: ast.AST):
    """(line, name) of each string given to `child_by_field_name` or `children_by_field_name`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _FIELD_METHODS \
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            yield node.lineno, node.args[0].value


def _code():
    """(path relative to the repository, parsed module) of the engine's and the rules' code."""
    for path in sorted(glob.glob(os.path.join(REPO, "golint_startup", "**", "*.py"), recursive=True)
                       + glob.glob(os.path.join(REPO, "rules", "*.py"))):
        with open(path, encoding="utf-8") as source:
            yield os.path.relpath(path, REPO), ast.parse(source.read())


def test_every_node_type_compared_is_the_grammars():
    kinds = {GO.node_kind_for_id(i) for i in range(GO.node_kind_count)}
    unknown = [f"{path}:{line}: {name}" for path, tree in _code() for line, name in _compared_types(tree)
               if name not in kinds]
    assert not unknown, "\n".join(unknown)


def test_every_field_asked_for_is_the_grammars():
    unknown = [f"{path}:{line}: {name}" for path, tree in _code() for line, name in _fields_asked(tree)
               if GO.field_id_for_name(name) is None]
    assert not unknown, "\n".join(unknown)
    assert sum(1 for _, tree in _code() for _ in _fields_asked(tree)) > 100  # the walk finds them
