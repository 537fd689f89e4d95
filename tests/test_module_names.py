"""A module-level name bound twice in the engine or a rule: the later binding silently replaces
the earlier for every use, above it too (manifests.py once held two `_REDIRECTION` patterns,
and the shell reading used the other's)."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = sorted(path for directory in ("golint_startup", "rules") for path in (ROOT / directory).rglob("*.py"))


def _top_level_names(tree: ast.Module) -> list[str]:
    """The names a module's own statements bind: assignments, functions and classes."""
    names = []
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(statement.name)
        elif isinstance(statement, ast.Assign):
            names += [target.id for target in statement.targets if isinstance(target, ast.Name)]
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None and \
                isinstance(statement.target, ast.Name):
            names.append(statement.target.id)
    return names


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_level_name_is_bound_twice(path):
    names = _top_level_names(ast.parse(path.read_text(encoding="utf-8")))
    assert sorted({name for name in names if names.count(name) > 1}) == []


def test_a_name_bound_twice_is_found():
    assert _top_level_names(ast.parse("A = 1\ndef f(): pass\nA = 2\nclass C: pass\n")) == ["A", "f", "A", "C"]
