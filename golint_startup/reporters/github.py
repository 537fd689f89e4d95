"""GitHub Actions workflow commands: one annotation per finding.

Suppressed findings (--include-suppressed) are plain log lines, not annotations.
"""

from __future__ import annotations

import os

from golint_startup.engine import worktree

_COMMAND = {"note": "notice", "warning": "warning", "error": "error"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(result, *, cwd: str | None = None) -> str:
    cwd = cwd or os.getcwd()
    root = worktree.root_of(cwd)  # GitHub resolves `file=` against the repository root
    out = []
    for finding in result.findings:
        loc = finding.location
        if finding.suppressed_by:  # a log line, never an annotation: nothing is wrong there
            out.append(f"suppressed: {loc.path}:{loc.line}:{loc.col}: {finding.rule_id} "
                       f"{_escape_data(finding.message)} [{_escape_data(finding.suppressed_by)}]\n")
            continue
        # GitHub takes columns only for an annotation on a single line.
        columns = [f"col={loc.col}", f"endColumn={loc.end_col}"] if loc.line == loc.end_line else []
        properties = ",".join([
            f"file={_escape_property(worktree.from_root(loc.path, cwd, root))}",
            f"line={loc.line}",
            *columns[:1],
            f"endLine={loc.end_line}",
            *columns[1:],
            f"title={_escape_property(finding.rule_id)}",
        ])
        out.append(f"::{_COMMAND[finding.level]} {properties}::{_escape_data(finding.message)}\n")
    return "".join(out)
