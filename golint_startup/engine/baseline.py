"""`--baseline FILE`: report only findings that an earlier run did not report.

The earlier run is a SARIF log or the JSON list of `--format json`. A finding matches
an earlier one with the same rule and file and, most specific first:

1. the same `primaryLocationLineHash` and message;
2. the same `primaryLocationLineHash` (the fingerprint GitHub code scanning uses,
   computed from the line and the next 100 non-whitespace characters), so edits
   elsewhere that only move lines do not bring old findings back;
3. the same message, for earlier findings still unmatched: editing the code right
   after a finding changes its fingerprint, not the finding.

Each earlier finding absorbs at most one current finding: if a fingerprint was there
twice and now appears three times, one is new. The one way to hide a new finding is to
fix an old one with the same rule and message in the same file in the same change.

Paths are compared as written: relative to the directory the run started in, so make
the baseline and the later runs from the same directory (the repository root, say).
Findings the earlier run marked as suppressed (`--include-suppressed`) are not part of
the baseline: removing the directive later brings them back.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable
from urllib.parse import unquote, urlparse

from golint_startup.engine import worktree
from golint_startup.engine.config import ConfigError
from golint_startup.rule import Finding


class BaselineError(ConfigError):
    """A baseline file that cannot be read or is neither startup-lint SARIF nor JSON (exit 2)."""


@dataclass(frozen=True)
class Entry:
    rule_id: str
    path: str  # display path
    fingerprint: str  # "line:N" when there is none (the file could not be reread)
    message: str


def _entry(rule_id: str, path: str, fingerprint: str, line: int, message: str) -> Entry:
    return Entry(rule_id, path, fingerprint or f"line:{line}", message)


# How a current finding may match an earlier one, tried in this order.
_TIERS: tuple[Callable[[Entry], tuple], ...] = (
    lambda e: (e.rule_id, e.path, e.fingerprint, e.message),
    lambda e: (e.rule_id, e.path, e.fingerprint),
    lambda e: (e.rule_id, e.path, e.message),
)


def load(path: str, cwd: str | None = None) -> Counter[Entry]:
    """How many times each finding occurs in the baseline file."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as err:
        raise BaselineError(f"{path}: cannot read baseline: {err.strerror or err}") from None
    except (ValueError, UnicodeDecodeError) as err:
        raise BaselineError(f"{path}: baseline is not JSON: {err}") from None
    try:
        if isinstance(data, dict) and isinstance(data.get("runs"), list):
            return Counter(_sarif_entries(data, cwd or os.getcwd()))
        if isinstance(data, list):
            return Counter(_json_entries(data))
        if isinstance(data, dict) and isinstance(data.get("findings"), list):  # --measure's JSON
            return Counter(_json_entries(data["findings"]))
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as err:
        raise BaselineError(f"{path}: baseline entry not understood ({type(err).__name__}: {err}); "
                            "expected SARIF or --format json output of startup-lint") from None
    raise BaselineError(f"{path}: not a baseline: expected SARIF or --format json output of startup-lint")


def _json_entries(items: list):
    for item in items:
        if item.get("suppressed"):
            continue
        yield _entry(str(item["rule"]), str(item["path"]), str(item.get("fingerprint") or ""), int(item["line"]),
                     str(item.get("message", "")))


def _sarif_entries(log: dict, cwd: str):
    root = worktree.root_of(cwd)  # relative URIs are relative to the work tree (see reporters.sarif)
    for run in log["runs"]:
        # Earlier versions wrote URIs relative to the directory they ran in, recorded as the
        # run's %SRCROOT%: such a run made here reads as it was written.
        srcroot = ((run.get("originalUriBaseIds") or {}).get("%SRCROOT%") or {}).get("uri", "")
        base = cwd if srcroot.startswith("file:") and \
            os.path.normpath(unquote(urlparse(srcroot).path)) == os.path.abspath(cwd) else root
        for result in run.get("results") or []:
            if result.get("suppressions"):
                continue
            physical = result["locations"][0]["physicalLocation"]
            fingerprint = (result.get("partialFingerprints") or {}).get("primaryLocationLineHash", "")
            line = int((physical.get("region") or {}).get("startLine", 0))
            yield _entry(str(result["ruleId"]), _display_path(physical["artifactLocation"]["uri"], cwd, base),
                         str(fingerprint), line, str((result.get("message") or {}).get("text", "")))


def _display_path(uri: str, cwd: str, root: str) -> str:
    parsed = urlparse(uri)
    if parsed.scheme == "file":  # an absolute URI from another tool or an older run
        return os.path.relpath(unquote(parsed.path), cwd).replace(os.sep, "/")
    return worktree.to_display(unquote(uri), cwd, root)


def filter_new(result, earlier: Counter[Entry]) -> list[Finding]:
    """The findings of `result` not accounted for by the baseline `earlier` (see `load`)."""
    remaining = Counter(earlier)
    hashes = result.fingerprints()
    current = [_entry(f.rule_id, f.path, hashes.get((f.path, f.location.line), ""), f.location.line, f.message)
               for f in result.findings]
    # Suppressed findings (--include-suppressed) are shown as such, never matched away.
    unmatched = [i for i, finding in enumerate(result.findings) if not finding.suppressed_by]
    for tier in _TIERS:
        pool: dict[tuple, list[Entry]] = defaultdict(list)
        for entry, count in remaining.items():
            pool[tier(entry)] += [entry] * count
        still = []
        for i in unmatched:
            candidates = pool.get(tier(current[i]))
            if candidates:
                remaining[candidates.pop()] -= 1
            else:
                still.append(i)
        unmatched = still
        remaining = +remaining  # drop entries used up
    new = set(unmatched)
    return [f for i, f in enumerate(result.findings) if i in new or f.suppressed_by]
