"""`path:line:col: SLnnn message (rule-name)`, one line per finding."""

from __future__ import annotations

from golint_startup.rule import all_rules


def render(result, **_) -> str:
    catalog = all_rules()
    lines = []
    for finding in result.findings:
        loc = finding.location
        name = catalog[finding.rule_id].name if finding.rule_id in catalog else ""
        suffix = f" [suppressed: {finding.suppressed_by}]" if finding.suppressed_by else ""
        lines.append(f"{loc.path}:{loc.line}:{loc.col}: {finding.rule_id} {finding.message} ({name}){suffix}")
        for related in finding.related:
            lines.append(f"    {related.path}:{related.line}:{related.col}: {related.message}")
    report = "".join(line + "\n" for line in lines)
    if getattr(result, "measurement", None) is not None:  # --measure: the table after the findings
        from golint_startup.traces.report import measurement_text

        report += measurement_text(result.measurement)
    return report
