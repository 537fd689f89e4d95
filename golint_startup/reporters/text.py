"""`path:line:col: level: SLnnn message (rule-name)`, one line per finding.

The gcc/clang shape, so editors' and CI's problem matchers read the level. With
`related=True` each finding's related locations follow it, indented; a finding in startup
code is followed by its startup path on one indented line; with `color=True`
the level is colored (the CLI asks for it on a terminal, unless NO_COLOR is set).
"""

from __future__ import annotations

import click

from golint_startup.rule import all_rules

_COLORS = {"error": "red", "warning": "yellow", "note": "cyan"}


def render(result, *, color: bool = False, related: bool = False, **_) -> str:
    catalog = all_rules()
    lines = []
    for finding in result.findings:
        loc = finding.location
        name = catalog[finding.rule_id].name if finding.rule_id in catalog else ""
        suffix = f" [suppressed: {finding.suppressed_by}]" if finding.suppressed_by else ""
        level = f"{finding.level}:"
        where = f"{loc.path}:{loc.line}:{loc.col}:"
        if color:
            level = click.style(level, fg=_COLORS.get(finding.level), bold=True)
            where = click.style(where, bold=True)
        lines.append(f"{where} {level} {finding.rule_id} {finding.message} ({name}){suffix}")
        if finding.startup_path:
            lines.append(f"    {finding.startup_line()}")
        if related:
            lines += [f"    {other.path}:{other.line}:{other.col}: {other.message}" for other in finding.related]
    report = "".join(line + "\n" for line in lines)
    if getattr(result, "measurement", None) is not None:  # --measure: the table after the findings
        from golint_startup.traces.report import measurement_text

        report += measurement_text(result.measurement)
    return report
