"""`//startup-lint:ignore` and `file-ignore`: applied after every rule ran (rules never see them)."""

from __future__ import annotations

from dataclasses import replace

from golint_startup.go.gofile import Directive
from golint_startup.rule import Finding

SUPPRESSION_RULE = "SL900"


def _suppressing(finding: Finding, directives: list[Directive]) -> int | None:
    """Index of the directive that suppresses `finding`, if any."""
    for index, directive in enumerate(directives):
        if directive.spaced or finding.rule_id not in directive.rule_ids:
            continue
        if directive.kind == "file-ignore" or finding.location.line in directive.covered_lines:
            return index
    return None


def apply(findings: list[Finding], directives: dict[str, list[Directive]], *, rules: dict,
          reported_paths: set[str], include_suppressed: bool) -> list[Finding]:
    """Drop (or mark) suppressed findings, then add SL900 findings about the directives."""
    used: dict[str, set[int]] = {}
    kept = []

    def sift(batch: list[Finding]) -> None:
        for finding in batch:
            file_directives = directives.get(finding.path, [])
            index = _suppressing(finding, file_directives)
            if index is None:
                kept.append(finding)
                continue
            used.setdefault(finding.path, set()).add(index)
            if include_suppressed:
                kept.append(replace(finding, suppressed_by=file_directives[index].reason or "(no reason)"))

    sift(findings)
    review = rules.get(SUPPRESSION_RULE)
    if review is not None and review.check_directives is not None:
        extra = []
        for path in sorted(directives):
            if path in reported_paths:
                extra += review.check_directives(path, directives[path], used.get(path, set()), set(rules))
        sift(extra)
    return kept
