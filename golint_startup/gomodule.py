"""Go modules: which module a directory belongs to, and the files a module holds."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

_MODULE_LINE = re.compile(r"^\s*module\s+\"?([^\s\"/][^\s\"]*)\"?", re.MULTILINE)

# Directories `go` leaves out of `./...`.
def skipped_dir(name: str) -> bool:
    return name in {"vendor", "testdata"} or name.startswith((".", "_"))


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
