"""What a rule is, what it reports, and the catalog of built-in rules.

A rule is one module in `rules/` that defines `RULE = Rule(...)`: its metadata, its
Markdown help, and up to three hooks:

- `check(file, options)`: findings for one parsed file (runs in worker processes);
- `collect(file, options)`: compact, picklable per-file facts for a whole-run check;
- `check_project(project, options)`: findings from every file's facts (main process);
- `check_manifests(manifests, options)`: findings in Kubernetes manifests, from the
  containers `golint_startup.manifests` recognized as running Go (main process).

The engine does everything else: discovery, parsing, suppression, output.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Callable, Iterable

LEVELS = ("note", "warning", "error")
HELP_SECTIONS = ("What it does", "Why it matters at startup", "Example", "How to fix", "Options")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int  # 1-based
    col: int  # 1-based, in bytes (as the Go toolchain counts)
    end_line: int
    end_col: int  # exclusive
    message: str = ""


@dataclass(frozen=True)
class Finding:
    rule_id: str
    message: str
    location: Location
    level: str = ""  # "" until the engine applies the rule's (configured) level
    related: tuple[Location, ...] = ()
    suppressed_by: str = ""  # the directive's reason, when --include-suppressed

    @property
    def path(self) -> str:
        return self.location.path

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.col, self.rule_id, self.message)

    def with_level(self, level: str) -> "Finding":
        return replace(self, level=level)


def location_of(path: str, node: Any, message: str = "") -> Location:
    """The Location spanning a tree-sitter node."""
    (row, col), (end_row, end_col) = node.start_point, node.end_point
    return Location(path, row + 1, col + 1, end_row + 1, end_col + 1, message)


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    help: str


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    level: str
    summary: str  # one line: SARIF shortDescription, --list-rules
    description: str  # a paragraph: SARIF fullDescription
    help: str  # Markdown with HELP_SECTIONS: --explain, SARIF help
    options: tuple[Option, ...] = ()
    tags: tuple[str, ...] = ()
    precision: str = "high"  # SARIF/CodeQL: very-high | high | medium | low
    check: Callable[..., Iterable[Finding]] | None = None
    collect: Callable[..., Any] | None = None
    check_project: Callable[..., Iterable[Finding]] | None = None
    check_manifests: Callable[..., Iterable[Finding]] | None = None
    # Reviews suppression directives after suppression ran (SL900 only).
    check_directives: Callable[..., Iterable[Finding]] | None = None
    # Needs files of the whole module even when only some are linted (SL004).
    needs_module: bool = False
    # Generated files are never reported on; those this predicate accepts (given the
    # file's bytes) still feed the rule's `collect` (SL004: Wire's wire_gen.go).
    reads_generated: Callable[[bytes], bool] | None = None
    # Test support (see GoFile.is_test_support) is reported on only with --tests; with this
    # set it still feeds the rule's `collect` (SL004: production code may call a helper package).
    reads_test_support: bool = False
    # Runs only on request (SL006 runs the Go compiler: --escape).
    opt_in_flag: str = ""

    def default_options(self) -> dict[str, Any]:
        return {opt.name: opt.default for opt in self.options}

    def finding(self, path: str, node: Any, message: str, *, level: str = "",
                related: tuple[Location, ...] = ()) -> Finding:
        return Finding(self.id, message, location_of(path, node), level, related)


@cache
def all_rules() -> dict[str, Rule]:
    """Every built-in rule by id, found by importing each module of the catalog."""
    from golint_startup import rules as catalog

    found: dict[str, Rule] = {}
    for module_info in sorted(pkgutil.iter_modules(catalog.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{catalog.__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            if rule.id in found:
                raise RuntimeError(f"rule id {rule.id} defined twice")
            found[rule.id] = rule
    return dict(sorted(found.items()))


@dataclass(frozen=True)
class Notification:
    """Something the run could not fully do (a file it could not read, a parse error).

    Shown once on stderr and in SARIF `invocations[0].toolExecutionNotifications`.
    """

    message: str
    path: str = ""
    line: int = 0
    level: str = "warning"  # SARIF notification level: error | warning | note
    # The run could not do what was asked (e.g. --escape without a usable go): exit 2,
    # after the other rules' findings are written.
    fatal: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path and self.line else f"{self.path}: " if self.path else ""
        return f"{where}{self.message}"
