"""Go modules: which module a directory belongs to, the files a module holds, and where
the packages it imports live (go.mod `module` and local `replace` lines, go.work `use`)."""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

_MODULE_LINE = re.compile(r"^\s*module\s+\"?([^\s\"/][^\s\"]*)\"?", re.MULTILINE)
_LINE_COMMENT = re.compile(r"//[^\n]*")
# `replace old [v] => new [v]`, alone or inside a `replace ( ... )` block.
_REPLACE = re.compile(r"^\s*(?:replace\s+)?(\S+)(?:\s+\S+)?\s*=>\s*(\S+)(?:\s+\S+)?\s*$")
_BLOCK = re.compile(r"^\s*(\w+)\s*\(\s*$")


# Directories `go` leaves out of `./...`.
def skipped_dir(name: str) -> bool:
    return name in {"vendor", "testdata"} or name.startswith((".", "_"))


def names_below(directory: str, root: str) -> list[str] | None:
    """The names of the directories from `root` (excluded) down to `directory` (included):
    `[]` for `root` itself, None when `directory` is not below it."""
    if directory == root.rstrip(os.sep):
        return []
    inside = root.rstrip(os.sep) + os.sep
    return directory[len(inside):].split(os.sep) if directory.startswith(inside) else None


@lru_cache(maxsize=None)
def test_dir_matcher(test_dirs: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a directory's name is one of `test_dirs` (names, or globs such as `*-tests`)."""
    names = frozenset(d for d in test_dirs if not any(c in d for c in "*?["))
    globs = [fnmatch.translate(d) for d in test_dirs if d not in names]
    pattern = re.compile("|".join(globs)) if globs else None
    return lambda name: name in names or (pattern is not None and pattern.match(name) is not None)


@dataclass(frozen=True)
class Module:
    root: str  # absolute directory holding go.mod
    path: str  # module path from go.mod ("" when unreadable)


@lru_cache(maxsize=None)
def module_of_dir(directory: str) -> Module | None:
    """The module whose go.mod is nearest above `directory` (absolute), if any."""
    gomod = os.path.join(directory, "go.mod")
    if os.path.isfile(gomod):
        try:
            with open(gomod, encoding="utf-8", errors="replace") as handle:
                match = _MODULE_LINE.search(handle.read())
        except OSError:
            match = None
        return Module(directory, match.group(1) if match else "")
    parent = os.path.dirname(directory)
    if parent == directory:
        return None
    return module_of_dir(parent)


@lru_cache(maxsize=None)
def outermost_root(directory: str) -> str | None:
    """The root of the outermost module holding `directory` (absolute): a module nested in
    another's tree is below its root too."""
    module = module_of_dir(directory)
    if module is None:
        return None
    parent = os.path.dirname(module.root)
    return (outermost_root(parent) if parent != module.root else None) or module.root


def module_go_files(module: Module) -> list[str]:
    """Every .go file of the module, as `go list ./...` sees the tree (nested modules excluded)."""
    files = []
    for directory, dirnames, filenames in os.walk(module.root):
        dirnames[:] = sorted(
            d for d in dirnames
            if not skipped_dir(d) and not os.path.isfile(os.path.join(directory, d, "go.mod"))
        )
        files += [os.path.join(directory, f) for f in sorted(filenames) if f.endswith(".go")]
    return files


# --- go.mod and go.work directives ------------------------------------------


def read_directives(path: str) -> str:
    """A go.mod or go.work file with its comments removed (lines and columns kept); "" when unreadable."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return _LINE_COMMENT.sub("", handle.read())
    except OSError:
        return ""


def directives(text: str, verb: str) -> list[tuple[int, str, str]]:
    """(line number, line, arguments) of every `verb ...` line and of every line in a
    `verb ( ... )` block of `text` (as read_directives gives it)."""
    found, block = [], None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if block is not None:
            if stripped == ")":
                block = None
            elif stripped and block == verb:
                found.append((number, line, stripped))
            continue
        opening = _BLOCK.match(line)
        if opening:
            block = opening.group(1)
        elif stripped.startswith(verb + " ") or stripped.startswith(verb + "\t"):
            found.append((number, line, stripped[len(verb):].strip()))
    return found


def _is_local(target: str) -> bool:
    return target.startswith(("./", "../", "/")) or target in {".", ".."}


@lru_cache(maxsize=None)
def local_replacements(root: str) -> tuple[tuple[str, str], ...]:
    """(module path, absolute directory) for each go.mod `replace` that points at a directory."""
    found = []
    for _, _, args in directives(read_directives(os.path.join(root, "go.mod")), "replace"):
        match = _REPLACE.match(args)
        if match and _is_local(match.group(2).strip('"')):
            found.append((match.group(1).strip('"'), os.path.normpath(os.path.join(root, match.group(2).strip('"')))))
    return tuple(found)


def workspace_file(module: Module) -> str | None:
    """The go.work that governs `module` (GOWORK, else the nearest above it) if it `use`s the module."""
    setting = os.environ.get("GOWORK", "")
    if setting == "off":
        return None
    if setting:
        candidates = [setting]
    else:
        candidates, directory = [], module.root
        while True:
            candidate = os.path.join(directory, "go.work")
            if os.path.isfile(candidate):
                candidates = [candidate]
                break
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
    for candidate in candidates:
        if any(root == module.root for _, root in workspace_modules(candidate)):
            return candidate
    return None


@lru_cache(maxsize=None)
def workspace_modules(gowork: str) -> tuple[tuple[str, str], ...]:
    """(module path, root) for each module a go.work file `use`s."""
    base = os.path.dirname(os.path.abspath(gowork))
    found = []
    for _, _, args in directives(read_directives(gowork), "use"):
        root = os.path.normpath(os.path.join(base, args.strip('"')))
        module = module_of_dir(root)
        if module is not None and module.root == root and module.path:
            found.append((module.path, root))
    return tuple(found)


# --- import paths and package directories -----------------------------------


@lru_cache(maxsize=None)
def visible_modules(module: Module) -> tuple[tuple[str, str], ...]:
    """(module path, root) of every module whose source `module` builds against from disk:
    itself, its local `replace` targets, and the modules of its go.work. Longest path first."""
    found = {module.path: module.root} if module.path else {}
    gowork = workspace_file(module)
    if gowork is not None:
        for path, root in workspace_modules(gowork):
            found.setdefault(path, root)
    for path, root in local_replacements(module.root):
        found.setdefault(path, root)
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


def in_module(import_path: str, module_path: str) -> bool:
    """Whether an import path is a package of the module `module_path` (never of an empty one)."""
    return bool(module_path) and (import_path == module_path or import_path.startswith(module_path + "/"))


@lru_cache(maxsize=None)
def package_dir(import_path: str, module: Module) -> str | None:
    """The directory of an imported package when it lives in a module visible from `module`
    on disk (None for third-party and standard-library packages)."""
    for path, root in visible_modules(module):
        if import_path == path:
            return root
        if import_path.startswith(path + "/"):
            return os.path.join(root, *import_path[len(path) + 1:].split("/"))
    return None


def import_path_of_dir(directory: str, module: Module) -> str:
    """The import path of the package in `directory` (absolute, inside `module`)."""
    relative = os.path.relpath(directory, module.root)
    if relative == ".":
        return module.path
    return f"{module.path}/{relative.replace(os.sep, '/')}"
