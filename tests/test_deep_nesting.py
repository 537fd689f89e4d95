"""Every default rule (and SL003) costs work linear in the nesting depth of its input.

Hostile inputs nest closures, blocks, parentheses, binary expressions and `if` statements
thousands deep, with something for the rules to look at innermost. Work is counted as
Python lines run in the toolkit and the rules (a count that, unlike wall time, does not
depend on the machine) at two depths: linear work doubles, quadratic work quadruples.
Node.parent costs the depth in C, unseen by the count, so walks up the tree with it are
checked separately.
"""

from __future__ import annotations

import ast
import glob
import os
import tracemalloc

import pytest
import tree_sitter

from lintrun import REPO, go_module, lines_run
from golint_startup.engine.config import build_settings
from golint_startup.engine.runner import run
from golint_startup.go.syntax import GO

# main opens a listener: a long-running program, whose startup SL003 reports.
_HEADER = ('package main\n\nimport (\n\t"encoding/json"\n\t"io"\n\t"os"\n\t"net"\n\t"regexp"\n'
           '\t"runtime/debug"\n\t"go.uber.org/zap"\n)\n\nvar _ = json.Unmarshal\nvar _ = io.ReadAll\nvar _ = os.ReadFile\n'
           'var _ = regexp.MustCompile\nvar _ = debug.SetGCPercent\nvar _ = zap.NewNop\n\nfunc main() {\n'
           'net.Listen("tcp", "")\n')
_INNERMOST = ("debug.SetGCPercent(-1); data, _ := os.ReadFile(\"f\"); x := []int{}; "
              "for _, b := range data { x = append(x, int(b)) }; _ = x\n")

# shape -> (main's body at a depth, findings expected)
SHAPES = {
    "closures": (lambda depth: "f := func() {\n" * depth + _INNERMOST + "}\n_ = f\n" * depth + "}\n", 2),
    "blocks": (lambda depth: "{\n" * depth + _INNERMOST + "}\n" * depth + "}\n", 2),
    "ifs": (lambda depth: "x := 1\n" + "if x > 0 {\n" * depth + _INNERMOST + "}\n" * depth + "}\n", 2),
    "parens": (lambda depth: "x := " + "(" * depth + "1" + ")" * depth + "\n_ = x\n}\n", 0),
    "binary": (lambda depth: "x := 1" + " + x" * depth + "\n_ = x\n}\n", 0),
}

_WATCHED = (os.path.join(REPO, "golint_startup"), os.path.join(REPO, "rules"))


def _work(directory: str) -> tuple[int, int]:
    """(lines run in the toolkit and the rules, findings) for a lint of `directory` with
    every default rule and SL003 (off by default), whose loop the input holds."""
    count, findings = lines_run(directory, _WATCHED, extend_select=("SL003",))
    return count, len(findings)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_grows_linearly_with_nesting(tmp_path, shape):
    body, expected = SHAPES[shape]
    counts = {}
    for depth in (1000, 2000):
        directory = go_module(tmp_path / str(depth), {"main.go": _HEADER + body(depth)})
        counts[depth], found = _work(directory)
        assert found == expected, (depth, found)
    # Linear work doubles (plus a constant); quadratic work would quadruple.
    assert counts[2000] < 2.5 * counts[1000], counts


def _parent_walks(path: str) -> list[int]:
    """Lines in loops that step a variable up the tree: `node = node.parent`."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    lines = set()
    for loop in ast.walk(tree):
        if not isinstance(loop, (ast.While, ast.For)):
            continue
        for assign in ast.walk(loop):
            if not isinstance(assign, ast.Assign):
                continue
            targets = {n.id for target in assign.targets for n in ast.walk(target) if isinstance(n, ast.Name)}
            if any(isinstance(n, ast.Attribute) and n.attr == "parent" and isinstance(n.value, ast.Name)
                   and n.value.id in targets for n in ast.walk(assign.value)):
                lines.add(assign.lineno)
    return sorted(lines)


def test_no_walks_up_with_parent():
    """Node.parent searches down from the root, so a loop of them is quadratic in the depth:
    ancestors come from `syntax.ancestors` (one descent) instead."""
    toolkit = os.path.join(REPO, "golint_startup", "go")
    paths = [os.path.join(toolkit, f"{name}.py") for name in ("scope", "gofile", "syntax", "types", "constants")]
    paths += sorted(glob.glob(os.path.join(REPO, "rules", "sl00[1-8]_*.py")))
    walks = {os.path.relpath(path, REPO): _parent_walks(path) for path in paths}
    # syntax.ancestors' fallback for a node its descent cannot reach (zero-width).
    assert {path: lines for path, lines in walks.items() if lines} == \
        {os.path.join("golint_startup", "go", "syntax.py"): _parent_walks(os.path.join(toolkit, "syntax.py"))}
    assert len(walks[os.path.join("golint_startup", "go", "syntax.py")]) == 1


def _peak(action) -> int:
    """Peak bytes Python and tree-sitter allocate while `action` runs."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_of_a_one_line_file(tmp_path):
    """A long one-line file (scaled down from 5 MB) costs little more than its parse."""
    source = "package main\n\nvar big = []int{" + "1," * 20_000 + "1}\nfunc main() {}\n"
    directory = go_module(tmp_path, {"main.go": source})
    bare = _peak(lambda: tree_sitter.Parser(GO).parse(source.encode()))
    settings = build_settings(config_path=None, cwd=directory)
    linted = _peak(lambda: run(["./..."], settings, cwd=directory))
    assert linted < 5 * bare, (linted, bare)


def test_a_long_sum_of_string_literals_is_sized(tmp_path):
    """A generated constant written as thousands of `"..." + "..."` terms, decoded in init:
    SL001 sizes it (a recursion as deep as the sum would fail) and reports it."""
    term = '"' + "x" * 18 + '"'
    source = ('package schema\n\nimport "encoding/json"\n\nconst schema = ' + " + ".join([term] * 16000) +
              '\n\nvar v any\n\nfunc init() { _ = json.Unmarshal([]byte(schema), &v) }\n')
    directory = go_module(tmp_path, {"main.go": source})
    settings = build_settings(config_path=None, select=("SL001",), cwd=directory)
    messages = [f.message for f in run(["./..."], settings, cwd=directory).findings]
    assert len(messages) == 1 and "decodes 281 KB of the string schema" in messages[0], messages


def test_a_long_chain_of_calls_in_a_once_function(tmp_path):
    """Thousands of chained reads in the function given to sync.Once.Do: SL002 labels each
    call without recursing down the chain, and reports the once."""
    source = ('package main\n\nimport "sync"\n\nvar once sync.Once\n\nvar data []byte\n\n'
              'func get() { once.Do(func() { data, _ = fsys' + ".ReadFile()" * 3000 + ' }) }\n\nfunc main() {}\n')
    directory = go_module(tmp_path, {"main.go": source,
                                     ".startup-lint.toml": "[rules.SL002]\nmin-work-bytes = 0\n"})  # reads unsized
    settings = build_settings(config_path=None, select=("SL002",), cwd=directory)
    result = run(["./..."], settings, cwd=directory)
    assert not result.notifications, result.notifications
    assert [f.rule_id for f in result.findings] == ["SL002"] and "reads input" in result.findings[0].message
