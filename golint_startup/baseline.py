"""`--baseline FILE`: report only findings that an earlier run did not report.

The earlier run is a SARIF log or the JSON list of `--format json`. A finding matches
an earlier one with the same rule, file and `primaryLocationLineHash` (the fingerprint
GitHub code scanning uses, computed from the text of the line and what follows it), so
edits elsewhere in the file that only move lines do not bring old findings back. Each
earlier finding absorbs at most one current finding: if a line's fingerprint was there
twice and now appears three times, one is new. The fingerprint covers the line and
the next 100 non-whitespace characters, so editing code right after a finding makes it
new again, exactly as GitHub code scanning would open a new alert for it.

Paths are compared as written: relative to the directory the run started in, so make
the baseline and the later runs from the same directory (the repository root, say).
Findings the earlier run marked as suppressed (`--include-suppressed`) are not part of
the baseline: removing the directive later brings them back.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from urllib.parse import unquote, urlparse

from golint_startup.config import ConfigError
from golint_startup.fingerprint import fingerprints
from golint_startup.rule import Finding


class BaselineError(ConfigError):
    """A baseline file that cannot be read or is neither startup-lint SARIF nor JSON (exit 2)."""


Key = tuple[str, str, str]  # rule id, display path, fingerprint (or "line:N" without one)


def _key(rule_id: str, path: str, fingerprint: str, line: int) -> Key:
    # Without a fingerprint (the file could not be reread) the line is the best we have.
    return rule_id, path, fingerprint or f"line:{line}"


def load(path: str, cwd: str | None = None) -> Counter[Key]:
    """How many times each (rule, file, fingerprint) occurs in the baseline file."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as err:
        raise BaselineError(f"{path}: cannot read baseline: {err.strerror or err}") from None
    except (ValueError, UnicodeDecodeError) as err:
        raise BaselineError(f"{path}: baseline is not JSON: {err}") from None
    try:
        if isinstance(data, dict) and isinstance(data.get("runs"), list):
            return Counter(_sarif_keys(data, cwd or os.getcwd()))
        if isinstance(data, list):
            return Counter(_json_keys(data))
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise BaselineError(f"{path}: baseline entry not understood ({type(err).__name__}: {err}); "
                            "expected SARIF or --format json output of startup-lint") from None
    raise BaselineError(f"{path}: not a baseline: expected SARIF or --format json output of startup-lint")


def _json_keys(items: list):
    for item in items:
        if item.get("suppressed"):
            continue
        yield _key(str(item["rule"]), str(item["path"]), str(item.get("fingerprint") or ""), int(item["line"]))


def _sarif_keys(log: dict, cwd: str):
    for run in log["runs"]:
        for result in run.get("results") or []:
            if result.get("suppressions"):
                continue
            physical = result["locations"][0]["physicalLocation"]
            fingerprint = (result.get("partialFingerprints") or {}).get("primaryLocationLineHash", "")
            line = int((physical.get("region") or {}).get("startLine", 0))
            yield _key(str(result["ruleId"]), _display_path(physical["artifactLocation"]["uri"], cwd),
                       str(fingerprint), line)


def _display_path(uri: str, cwd: str) -> str:
    parsed = urlparse(uri)
    if parsed.scheme == "file":  # an absolute URI from another tool or an older run
        return os.path.relpath(unquote(parsed.path), cwd).replace(os.sep, "/")
    return unquote(uri)


def filter_new(result, path: str) -> list[Finding]:
    """The findings of `result` not accounted for by the baseline at `path`."""
    remaining = load(path)
    hashes = fingerprints(result.findings, result.abspaths)
    kept = []
    for finding in result.findings:
        key = _key(finding.rule_id, finding.path, hashes.get((finding.path, finding.location.line), ""),
                   finding.location.line)
        if remaining[key] > 0 and not finding.suppressed_by:
            remaining[key] -= 1
        else:
            kept.append(finding)
    return kept
