"""JSON: a list of findings, one object each, with stable keys (documented in README)."""

from __future__ import annotations

import json

from golint_startup.rule import all_rules


def _location(loc) -> dict:
    return {"path": loc.path, "line": loc.line, "column": loc.col,
            "end_line": loc.end_line, "end_column": loc.end_col}


def render(result, **_) -> str:
    catalog = all_rules()
    hashes = result.fingerprints()
    items = []
    for finding in result.findings:
        item = {
            "rule": finding.rule_id,
            "name": catalog[finding.rule_id].name if finding.rule_id in catalog else "",
            "level": finding.level,
            "message": finding.message,
            **_location(finding.location),
            "fingerprint": hashes.get((finding.path, finding.location.line), ""),
            "related": [{**_location(r), "message": r.message} for r in finding.related],
        }
        if finding.startup_path:
            item["startup"] = finding.startup_line()
            item["startup_path"] = [{**_location(step), "function": step.message} for step in finding.startup_path]
        if finding.suppressed_by:
            item["suppressed"] = finding.suppressed_by
        items.append(item)
    if getattr(result, "measurement", None) is not None:  # --measure: findings and the whole table
        from golint_startup.traces.report import measurement_json

        return json.dumps({"findings": items, "measurement": measurement_json(result.measurement)}, indent=2) + "\n"
    # One finding per line: as easy to read and grep as an indented list, and written by the C
    # encoder (an indented dump runs the pure-Python one, a second for a few thousand findings).
    return "[\n" + ",\n".join("  " + json.dumps(item) for item in items) + "\n]\n" if items else "[]\n"
