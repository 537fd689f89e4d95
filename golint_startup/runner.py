"""The pipeline: patterns -> files -> per-file results -> project rules -> suppression.

Reporters and the baseline run after this, in the CLI.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from golint_startup import discovery, fingerprint, gomodule, gosource, manifests, suppression
from golint_startup.analysis import FileResult, analyze_file, read_source, without_bom
from golint_startup.config import Settings
from golint_startup.rule import Finding, Notification


@dataclass
class FileJob:
    abspath: str
    display: str
    report: bool  # False: read only for module context (facts), never reported on


@dataclass
class Project:
    """What a whole-run rule sees: every file's facts for that rule, and where files live."""

    facts: dict[str, Any]  # display path -> the rule's facts for that file
    abspaths: dict[str, str]  # display path -> absolute path
    reported: set[str]  # display paths findings may be reported on
    settings: Settings
    cwd: str
    notify: Callable[[Notification], None]
    rule_id: str = ""
    cache: Any = None  # the run's ResultCache, if any

    def module_of(self, display: str) -> gomodule.Module | None:
        return gomodule.module_of_dir(os.path.dirname(self.abspaths[display]))

    def facts_on_demand(self, display: str, compute: Callable[[gosource.GoFile], Any]) -> Any:
        """`compute(file)` for a file the whole-run check needs more of than `collect` gave.

        SL004 collects cheap summaries everywhere and completes only the files on a path to a
        config load. The value is cached with the file's other results, so a warm run over an
        unchanged tree still parses nothing. None when the file cannot be read.
        """
        source, problem = read_source(self.abspaths[display], display)
        if problem:
            return None
        tag = f"derived:{self.rule_id}"
        if self.cache is not None:
            hit = self.cache.load_derived(display, tag, source)
            if hit is not None:
                return hit[0]
        value = compute(gosource.parse(display, without_bom(source)))
        if self.cache is not None:
            self.cache.store_derived(display, tag, source, self.abspaths[display], value)
        return value


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    files_analyzed: int = 0
    settings: Settings | None = None
    # display path -> absolute path, for reporters that reread files (SARIF fingerprints)
    abspaths: dict[str, str] = field(default_factory=dict)
    _line_hashes: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)

    def fingerprints(self) -> dict[tuple[str, int], str]:
        """(path, line) -> GitHub's line hash for each finding's line; each file is read and
        hashed once per run, though the baseline and a reporter both ask."""
        missing = [f for f in self.findings if (f.path, f.location.line) not in self._line_hashes]
        if missing:
            self._line_hashes.update(fingerprint.fingerprints(missing, self.abspaths))
        return self._line_hashes


def display_path(abspath: str, cwd: str) -> str:
    inside = cwd.rstrip(os.sep) + os.sep
    if abspath.startswith(inside):  # the usual case, without relpath's normalizing (costly per file)
        relative = abspath[len(inside):]
    else:
        relative = os.path.relpath(abspath, cwd)
    return relative.replace(os.sep, "/")


def plan_jobs(patterns: list[str], settings: Settings, cwd: str,
              found: discovery.Discovered | None = None) -> list[FileJob]:
    found = found or discovery.expand(patterns, tests=settings.tests, exclude=list(settings.exclude), cwd=cwd)
    jobs = [FileJob(p, display_path(p, cwd), True) for p in found.files]
    if any(rule.needs_module for rule in settings.rules.values()):
        targets = set(found.files)
        modules = {gomodule.module_of_dir(os.path.dirname(p)) for p in found.files} - {None}
        for module in sorted(modules, key=lambda m: m.root):
            if found.walked_whole(module.root) and not settings.exclude:
                continue  # `./...` already found every file of it
            for path in gomodule.module_go_files(module):
                if path not in targets and not path.endswith("_test.go"):
                    targets.add(path)
                    jobs.append(FileJob(path, display_path(path, cwd), False))
    return jobs


def analyze_serially(jobs: list[FileJob], settings: Settings, debug: bool,
                     result_cache=None) -> Iterable[FileResult]:
    for job in jobs:
        yield analyze_file(job.abspath, job.display, settings, report=job.report, debug=debug, cache=result_cache)


def run(patterns: list[str], settings: Settings, *, cwd: str | None = None, include_suppressed: bool = False,
        debug: bool = False, analyze: Callable[..., Iterable[FileResult]] = analyze_serially,
        cache=None) -> RunResult:
    """One whole run. With a `cache` (a ResultCache), unchanged files are not analyzed again,
    and the cache is written once the run is complete (an interrupted run writes nothing)."""
    cwd = cwd or os.getcwd()
    found = discovery.expand(patterns, tests=settings.tests, exclude=list(settings.exclude), cwd=cwd)
    jobs = plan_jobs(patterns, settings, cwd, found)
    result = RunResult(settings=settings, abspaths={j.display: j.abspath for j in jobs})
    reported = {j.display for j in jobs if j.report}
    facts: dict[str, dict[str, Any]] = {}
    directives = {}
    findings: list[Finding] = []
    for file_result in analyze(jobs, settings, debug, cache):
        if file_result.path in reported:
            result.notifications += file_result.notifications
            if file_result.skipped:  # generated, test support, unreadable: nothing to report there
                reported.discard(file_result.path)
            else:
                findings += file_result.findings
                if file_result.directives:
                    directives[file_result.path] = file_result.directives
                result.files_analyzed += 1
        for rule_id, rule_facts in file_result.facts.items():
            facts.setdefault(rule_id, {})[file_result.path] = rule_facts

    for rule in settings.rules.values():
        if rule.check_project is None:
            continue
        project = Project(facts.get(rule.id, {}), result.abspaths, reported, settings, cwd,
                          result.notifications.append, rule_id=rule.id, cache=cache)
        findings += [f for f in rule.check_project(project, settings.options[rule.id]) if f.path in reported]

    findings += _check_manifests(found, settings, cwd, result, reported, directives, debug)

    if cache is not None:
        cache.save()
    findings = [_with_level(f, settings) for f in findings]
    findings = suppression.apply(findings, directives, rules=settings.rules, reported_paths=reported,
                                 include_suppressed=include_suppressed)
    findings = [_with_level(f, settings) for f in findings]  # SL900's own findings
    result.findings = sorted(set(findings), key=Finding.sort_key)
    result.notifications = _dedupe(result.notifications)
    return result


def _check_manifests(found: discovery.Discovered, settings: Settings, cwd: str, result: RunResult,
                     reported: set[str], directives: dict, debug: bool) -> list[Finding]:
    """The manifest rules, on the YAML files found; their files join the reported ones."""
    rules = [rule for rule in settings.rules.values() if rule.check_manifests is not None]
    # SL900 alone still reviews the YAML files' directives.
    if not found.manifests or not (rules or suppression.SUPPRESSION_RULE in settings.rules):
        return []
    try:
        project = manifests.load(found.manifests, go_files=found.files, dockerfiles=found.dockerfiles,
                                 go_images=settings.go_images, display=lambda path: display_path(path, cwd),
                                 notify=result.notifications.append)
    except Exception as err:  # the Go findings are still reported
        if debug:
            raise
        result.notifications.append(Notification(f"internal error reading Kubernetes manifests: {err!r}; "
                                                 "please report it", level="error"))
        return []
    result.abspaths.update(project.abspaths)
    result.files_analyzed += len(project.abspaths)
    reported.update(project.abspaths)
    directives.update(project.directives)
    findings = []
    for rule in rules:
        try:
            findings += rule.check_manifests(project, settings.options[rule.id])
        except Exception as err:  # a rule bug must not lose the other rules' findings
            if debug:
                raise
            result.notifications.append(Notification(f"internal error in {rule.id}: {err!r}; please report it",
                                                     level="error"))
    return findings


def _with_level(finding: Finding, settings: Settings) -> Finding:
    rule = settings.rules.get(finding.rule_id)
    configured = settings.levels.get(finding.rule_id)
    level = configured or finding.level or (rule.level if rule else "warning")
    return finding if level == finding.level else finding.with_level(level)


def _dedupe(notifications: list[Notification]) -> list[Notification]:
    seen, unique = set(), []
    for note in notifications:
        if note not in seen:
            seen.add(note)
            unique.append(note)
    return unique
