"""Files of the linted tree beside the Go sources: those a program reads at run time by a
relative path, and those `//go:embed` builds in.

A relative path is resolved against the program's working directory, which the tree does
not give. The places tried are where programs are run from in practice: the directory of
the Go file (or of its main package) and its module's root, where `go run` and most
container images start.

A whole-run check looks at such files through `file_size` and `scan`, which note every
path looked at (found or not) while the engine is `recording`: the check's cached answer
holds as long as each of those paths still looks the same (`signatures`).
"""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from typing import Iterator

from golint_startup.go import modules

_recorders: list[set[str]] = []


@contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the paths looked at through this module until the block ends."""
    paths: set[str] = set()
    _recorders.append(paths)
    try:
        yield paths
    finally:
        _recorders.pop()


def note(path: str) -> None:
    """Record that an answer depends on `path` as it is now (its size, or its listing)."""
    if _recorders:
        _recorders[-1].add(path)


def file_size(path: str) -> int | None:
    """The size of a regular file; None when there is none at `path`."""
    note(path)
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def scan(directory: str) -> list[os.DirEntry]:
    """The entries of a directory (OSError when it cannot be listed)."""
    note(directory)
    return list(os.scandir(directory))


def signature(path: str) -> tuple | None:
    """What a recorded path looked like: its kind, size and modification time, or None."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return stat.S_IFMT(status.st_mode), status.st_size, status.st_mtime_ns


def signatures(paths: set[str]) -> tuple[tuple[str, tuple | None], ...]:
    return tuple((path, signature(path)) for path in sorted(paths))


def unchanged(recorded: tuple[tuple[str, tuple | None], ...]) -> bool:
    return all(signature(path) == seen for path, seen in recorded)


def in_the_tree(path: str) -> bool:
    """Whether a relative path may name a file of the tree: not absolute, not above where it
    is read from (`../../shared/x.json` is outside what is linted)."""
    normalized = os.path.normpath(path)
    return bool(path) and not os.path.isabs(path) and normalized != ".." and not normalized.startswith(".." + os.sep)


def run_directories(*directories: str) -> list[str]:
    """Each directory, then its module's root: where a relative path may be resolved, in order."""
    found: list[str] = []
    for directory in directories:
        module = modules.module_of_dir(directory)
        for base in (directory, module.root if module is not None else None):
            if base is not None and base not in found:
                found.append(base)
    return found


def file_sizes_in_tree(path: str, *directories: str) -> list[int]:
    """The sizes of the files of the tree that `path` names from the run directories of
    `directories`."""
    if not in_the_tree(path):
        return []
    return [size for base in run_directories(*directories)
            if (size := file_size(os.path.join(base, path))) is not None]


def directory_sizes_in_tree(path: str, *directories: str) -> list[int]:
    """For each directory of the tree that `path` names from the run directories of
    `directories`, the sizes of its files together (not those of its subdirectories): what
    listing it and reading each file reads."""
    if not in_the_tree(path):
        return []
    sizes = []
    for base in run_directories(*directories):
        try:
            entries = scan(os.path.join(base, path))
        except (OSError, ValueError):
            continue
        sizes.append(sum(size for entry in entries if (size := file_size(entry.path)) is not None))
    return sizes
