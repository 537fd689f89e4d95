"""Paths as code scanning sees them: relative to the root of the git work tree.

GitHub resolves a SARIF location and a workflow annotation against the repository root,
not against the directory the tool ran in; a run in a module's subdirectory of a
monorepo must still name `services/api/main.go`, not `main.go`. Outside a git work tree
the root is the run's directory.
"""

from __future__ import annotations

import os


def root_of(directory: str) -> str:
    """The nearest enclosing directory holding `.git` (a directory, or a file in worktrees and
    submodules), else `directory` itself."""
    start = current = os.path.abspath(directory)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return start
        current = parent


def from_root(display: str, cwd: str, root: str) -> str:
    """A display path (relative to `cwd`) made relative to `root`, with forward slashes."""
    if os.path.abspath(cwd) == root:
        return display
    return os.path.relpath(os.path.join(cwd, display), root).replace(os.sep, "/")


def to_display(path: str, cwd: str, root: str) -> str:
    """The inverse of `from_root`: a path relative to `root` made relative to `cwd`."""
    if os.path.abspath(cwd) == root:
        return path
    return os.path.relpath(os.path.join(root, path), cwd).replace(os.sep, "/")
