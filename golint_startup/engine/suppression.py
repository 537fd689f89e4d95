"""`//startup-lint:ignore` and `file-ignore`: applied after every rule ran (rules never see them).

Reviewing the directives themselves (SL900: malformed, without a reason, or suppressing
nothing) happens here too, where it is known which directive suppressed what.
"""

from __future__ import annotations

from dataclasses import replace

from golint_startup.go.gofile import Directive
from golint_startup.rule import Finding, Location, all_rules

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
    if SUPPRESSION_RULE in rules:
        extra = []
        for path in sorted(directives):
            if path in reported_paths:
                extra += review(path, directives[path], used.get(path, set()), set(rules))
        sift(extra)
    return kept


def review(path: str, directives: list[Directive], used: set[int], ran: set[str]):
    """SL900 findings about one file's directives; `used` holds the indexes of those that suppressed something."""
    known = all_rules()
    for index, directive in enumerate(directives):
        where = Location(path, directive.line, directive.col, directive.line, directive.end_col)
        unknown = [i for i in directive.rule_ids if i not in known] + list(directive.malformed_ids)
        kind = f"startup-lint:{directive.kind}"
        if directive.spaced:
            yield Finding(SUPPRESSION_RULE, f"// {kind} is not a directive: write //{kind} with no space after //, "
                                   "as Go directives are written; as it stands it suppresses nothing", where)
        elif not directive.rule_ids and not directive.malformed_ids:
            yield Finding(SUPPRESSION_RULE, f"{kind} names no rule; write the rule ids, then the reason", where)
        elif unknown:
            yield Finding(SUPPRESSION_RULE, f"{kind} names unknown rule {', '.join(unknown)}", where)
        elif not directive.reason:
            yield Finding(SUPPRESSION_RULE, f"{kind} {','.join(directive.rule_ids)} has no reason; "
                                   "say why after the rule ids", where)
        elif index not in used and set(directive.rule_ids) <= ran:
            scope = "in this file" if directive.kind == "file-ignore" else "on the line it covers"
            yield Finding(SUPPRESSION_RULE, f"{kind} {','.join(directive.rule_ids)} suppresses nothing: "
                                   f"no such finding {scope}", where)

