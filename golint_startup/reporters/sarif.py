"""SARIF 2.1.0 for GitHub code scanning, built with sarif-om.

sarif-om's usual serializer drops properties equal to their schema default, which
removes `level: "warning"` (GitHub then reads every finding as a warning of unknown
origin). We serialize from the attrs field metadata ourselves and always keep `level`
and `results`.
"""

from __future__ import annotations

import json
import os
import pathlib
import sys
from urllib.parse import quote

import attr
import sarif_om as om

from golint_startup import INFORMATION_URI, __version__
from golint_startup.engine import worktree
from golint_startup.docs import rule_anchor
from golint_startup.rule import Notification, level_rank

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
# GitHub code scanning rejects runs with more results than this.
MAX_RESULTS = 25_000
_ALWAYS_EMITTED = {"level", "results"}
_BOM = b"\xef\xbb\xbf"


def to_json(value):
    """sarif-om objects to plain JSON data, by each field's `schema_property_name`."""
    if attr.has(type(value)):
        out = {}
        for field in attr.fields(type(value)):
            item = getattr(value, field.name)
            if item is None:
                continue
            name = field.metadata.get("schema_property_name", field.name)
            default = field.default
            if isinstance(default, attr.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if name not in _ALWAYS_EMITTED and default is not attr.NOTHING and item == default:
                continue
            out[name] = to_json(item)
        return out
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    return value


class _Columns:
    """Byte columns (the Go convention) to UTF-16 code units (SARIF's default column kind)."""

    def __init__(self, abspaths: dict[str, str]):
        self.abspaths = abspaths
        self.lines: dict[str, list[bytes]] = {}

    def utf16(self, path: str, line: int, byte_col: int) -> int:
        if path not in self.lines:
            try:
                self.lines[path] = pathlib.Path(self.abspaths.get(path, path)).read_bytes().split(b"\n")
            except OSError:
                self.lines[path] = []
        lines = self.lines[path]
        if not 0 < line <= len(lines):
            return byte_col
        prefix = lines[line - 1][: byte_col - 1]
        if line == 1 and prefix.startswith(_BOM):  # Go counts the BOM's bytes; editors do not show it
            prefix = prefix[len(_BOM):]
        prefix = prefix.decode("utf-8", "replace")
        return len(prefix.encode("utf-16-le")) // 2 + 1


class _Uris:
    """A display path's URI, relative to the work tree's root (`%SRCROOT%`)."""

    def __init__(self, cwd: str):
        self.cwd, self.root = cwd, worktree.root_of(cwd)

    def __call__(self, path: str) -> str:
        return quote(worktree.from_root(path.replace(os.sep, "/"), self.cwd, self.root))


def _physical(loc, columns: _Columns, uris: _Uris) -> om.PhysicalLocation:
    return om.PhysicalLocation(
        artifact_location=om.ArtifactLocation(uri=uris(loc.path), uri_base_id=SRCROOT),
        region=om.Region(
            start_line=loc.line,
            start_column=columns.utf16(loc.path, loc.line, loc.col),
            end_line=loc.end_line,
            end_column=columns.utf16(loc.path, loc.end_line, loc.end_col),
        ),
    )


def _descriptor(rule) -> om.ReportingDescriptor:
    return om.ReportingDescriptor(
        id=rule.id,
        name=rule.name,
        short_description=om.MultiformatMessageString(text=rule.summary),
        full_description=om.MultiformatMessageString(text=rule.description),
        help=om.MultiformatMessageString(text=rule.help, markdown=rule.help),
        help_uri=f"{INFORMATION_URI}/blob/main/README.md#{rule_anchor(rule)}",
        default_configuration=om.ReportingConfiguration(level=rule.level),
        # SARIF requires unique tags; a rule's own tags may repeat the generic ones.
        properties={"tags": list(dict.fromkeys(["go", "startup", *rule.tags])), "precision": rule.precision},
    )


def build(result, *, cwd: str | None = None) -> dict:
    cwd = cwd or os.getcwd()
    rules = list(result.settings.rules.values())
    index = {rule.id: i for i, rule in enumerate(rules)}
    columns = _Columns(result.abspaths)
    uris = _Uris(cwd)
    hashes = result.fingerprints()
    notifications = list(result.notifications)
    findings = result.findings
    if len(findings) > MAX_RESULTS:
        notifications.append(_truncation_notice(len(findings)))
        findings = _most_severe(findings, MAX_RESULTS)

    results = []
    for finding in findings:
        sarif_result = om.Result(
            rule_id=finding.rule_id,
            rule_index=index[finding.rule_id],
            level=finding.level,
            message=om.Message(text=finding.message),
            locations=[om.Location(physical_location=_physical(finding.location, columns, uris))],
        )
        line_hash = hashes.get((finding.path, finding.location.line))
        if line_hash:
            sarif_result.partial_fingerprints = {"primaryLocationLineHash": line_hash}
        if finding.related:
            sarif_result.related_locations = [
                om.Location(id=i + 1, physical_location=_physical(r, columns, uris), message=om.Message(text=r.message))
                for i, r in enumerate(finding.related)
            ]
        if finding.startup_path:
            sarif_result.code_flows = [_code_flow(finding, columns, uris)]
        if finding.suppressed_by:
            sarif_result.suppressions = [om.Suppression(kind="inSource", justification=finding.suppressed_by)]
        results.append(sarif_result)

    run = om.Run(
        tool=om.Tool(driver=om.ToolComponent(
            name="startup-lint",
            version=__version__,
            semantic_version=__version__,
            information_uri=INFORMATION_URI,
            rules=[_descriptor(rule) for rule in rules],
        )),
        original_uri_base_ids={SRCROOT: om.ArtifactLocation(uri=pathlib.Path(uris.root).as_uri().rstrip("/") + "/")},
        column_kind="utf16CodeUnits",
        invocations=[om.Invocation(
            # A file the run could not read is named and the run goes on; a fatal problem
            # (e.g. --escape without a usable go) means the run did not do what was asked.
            execution_successful=not any(n.fatal or (n.level == "error" and not n.path) for n in notifications),
            tool_execution_notifications=[_notification(n, uris) for n in notifications],
        )],
        results=results,
    )
    if getattr(result, "measurement", None) is not None:  # --measure: the whole table
        from golint_startup.traces.report import measurement_json

        run.properties = {"startup-lint/measurement": measurement_json(result.measurement)}
    log = om.SarifLog(schema_uri=SCHEMA_URI, version="2.1.0", runs=[run])
    return to_json(log)


def _code_flow(finding, columns: _Columns, uris: _Uris) -> om.CodeFlow:
    """The startup path as one thread flow, from the root to the finding (GitHub code
    scanning shows it as the path): each function at its call site, then the finding."""
    steps = [om.ThreadFlowLocation(location=om.Location(physical_location=_physical(step, columns, uris),
                                                        message=om.Message(text=step.message)),
                                   nesting_level=0, execution_order=i + 1)
             for i, step in enumerate(finding.startup_path)]
    steps.append(om.ThreadFlowLocation(
        location=om.Location(physical_location=_physical(finding.location, columns, uris),
                             message=om.Message(text=finding.message)),
        nesting_level=0, execution_order=len(steps) + 1))
    return om.CodeFlow(message=om.Message(text=finding.startup_line()),
                       thread_flows=[om.ThreadFlow(locations=steps)])


def _most_severe(findings: list, limit: int) -> list:
    """The `limit` most severe findings (errors, then warnings, then notes), in their original order."""
    ranked = sorted(range(len(findings)), key=lambda i: -level_rank(findings[i].level))  # stable
    return [findings[i] for i in sorted(ranked[:limit])]


def _truncation_notice(count: int) -> Notification:
    return Notification(f"{count} results, more than GitHub code scanning accepts in one run; only the "
                        f"{MAX_RESULTS} most severe are written (lint fewer paths, or use --baseline)")


def _notification(note, uris: _Uris) -> om.Notification:
    notification = om.Notification(message=om.Message(text=note.message), level=note.level)
    if note.path:
        region = om.Region(start_line=note.line) if note.line else None
        notification.locations = [om.Location(physical_location=om.PhysicalLocation(
            artifact_location=om.ArtifactLocation(uri=uris(note.path), uri_base_id=SRCROOT), region=region))]
    return notification


def render(result, **kwargs) -> str:
    if len(result.findings) > MAX_RESULTS:  # the SARIF says so too, but few read it
        print(f"startup-lint: {_truncation_notice(len(result.findings))}", file=sys.stderr)
    return json.dumps(build(result, **kwargs), indent=2) + "\n"
