"""The pipeline: patterns -> files -> per-file results -> project rules -> suppression.

Reporters and the baseline run after this, in the CLI.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from golint_startup.engine import cache_format, discovery, fingerprint, startup_scope, suppression
from golint_startup.engine.cache import files_digest
from golint_startup.engine.analysis import STARTUP_FACTS, FileResult, analyze_file, read_source, without_bom
from golint_startup.engine.config import Settings
from golint_startup.engine.configtree import ConfigTree
from golint_startup.go import buildtags, gofile, modules, treefiles
from golint_startup.go.callgraph.facts import complete_program_facts
from golint_startup.kube import manifests
from golint_startup.gocommand import measure as measuring
from golint_startup.rule import MODULE_FILES, STARTUP_MODEL, Finding, Notification


@dataclass
class FileJob:
    abspath: str
    display: str
    report: bool  # False: read only for module context (facts), never reported on
    named: bool = False  # named on the command line: a skip is worth a word
    group: int = 0  # index of the file's settings in the run's tuple of settings
    test_dir: bool = False  # under a test-dirs directory: test support (see discovery.in_test_dir)


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
    measurement: Any = None  # what --measure measured (golint_startup.gocommand.measure.Measurement), if asked
    startup: Any = None  # the startup model (startup_scope.Query), for a rule that requires it

    def module_of(self, display: str) -> modules.Module | None:
        return modules.module_of_dir(os.path.dirname(self.abspaths[display]))

    def read(self, display: str) -> bytes | None:
        """A file's source through the engine's hardened reader; None when it cannot be read."""
        source, problem = read_source(self.abspaths[display], display)
        return None if problem else source

    def facts_on_demand(self, display: str, compute: Callable[[gofile.GoFile], Any], kind: str = "") -> Any:
        """`compute(file)` for a file the whole-run check needs more of than `collect` gave.

        SL004 collects cheap summaries everywhere and completes only the files on a path to a
        config load. The value is cached with the file's other results, so a warm run over an
        unchanged tree still parses nothing. `kind` tells apart the values one rule derives
        from one file (SL004: completed facts, and the config files its loads read). None when
        the file cannot be read.
        """
        source = self.read(display)
        if source is None:
            return None
        tag = f"derived:{self.rule_id}" + (f":{kind}" if kind else "")
        if self.cache is not None:
            hit = self.cache.load_derived(display, tag, source)
            if hit is not None:
                return hit[0]
        value = compute(gofile.parse(display, without_bom(source)))
        if self.cache is not None:
            self.cache.store_derived(display, tag, source, self.abspaths[display], value)
        return value


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    files_analyzed: int = 0
    files_read: int = 0  # analyzed, plus skipped ones and those read only for context (SL004)
    settings: Settings | None = None
    # display path -> absolute path, for reporters that reread files (SARIF fingerprints)
    abspaths: dict[str, str] = field(default_factory=dict)
    measurement: Any = None  # golint_startup.gocommand.measure.Measurement, with --measure
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


def discover(patterns: list[str], settings: Settings, cwd: str, configs: ConfigTree | None = None) -> \
        discovery.Discovered:
    """The Go files, manifests and Dockerfiles the patterns name, as each one's config filters them."""
    configs = configs or ConfigTree.single(settings)
    if not configs.per_file:
        return discovery.expand(patterns, tests=settings.tests, exclude=list(settings.exclude), cwd=cwd)
    found = discovery.expand(patterns, tests=True, cwd=cwd)  # each file's own config decides on tests and excludes
    file_settings = {p: configs.settings_for(p) for p in found.files}
    found.files = [p for p in found.files
                   if discovery.kept(p, tests=file_settings[p].tests, exclude=file_settings[p].exclude)]
    found.manifests = [p for p in found.manifests if not discovery.excluded(p, configs.settings_for(p).exclude)]
    return found


def plan_jobs(patterns: list[str], settings: Settings, cwd: str, configs: ConfigTree | None = None,
              notes: list[Notification] | None = None, found: discovery.Discovered | None = None) -> list[FileJob]:
    """The files to analyze; `notes` gets a word about each named file left out."""
    configs = configs or ConfigTree.single(settings)
    found = found or discover(patterns, settings, cwd, configs)
    jobs = [FileJob(p, display_path(p, cwd), not discovery.in_third_party(p, cwd), p in found.named)
            for p in found.files]
    if notes is not None:
        for job in jobs:
            if job.named and not job.report:
                notes.append(Notification(_SKIP_HINTS["third party"], job.display, level="note"))
        kept = set(found.files) | set(found.manifests)  # a named manifest is linted too
        for path in sorted(found.named - kept):  # left out as a test file, or by an exclude glob
            if not discovery.excluded(path, configs.settings_for(path).exclude):
                notes.append(Notification(_SKIP_HINTS["test file"], display_path(path, cwd), level="note"))
    every_settings = configs.all_settings()
    if any(rule.needs(MODULE_FILES) or rule.needs(STARTUP_MODEL) for each in every_settings
           for rule in each.rules.values()):
        targets = set(found.files)
        linted_modules = {modules.module_of_dir(os.path.dirname(p)) for p in found.files} - {None}
        excluding = any(each.exclude for each in every_settings)
        for module in sorted(linted_modules, key=lambda m: m.root):
            if found.walked_whole(module.root) and not excluding:
                continue  # `./...` already found every file of it
            for path in modules.module_go_files(module):
                if path not in targets and not path.endswith("_test.go"):
                    targets.add(path)
                    jobs.append(FileJob(path, display_path(path, cwd), False))
    ambiguous = []
    for job in jobs:
        job_settings = configs.settings_for(job.abspath)
        components = set() if job_settings.tests else \
            discovery.test_dir_components(job.abspath, job_settings.test_dirs, cwd)
        job.test_dir = bool(components)
        # A directory a glob matches (`*-test`: an `ab-test` package?) is as ambiguous.
        if job.test_dir and all(c in _AMBIGUOUS_TEST_DIRS or c not in job_settings.test_dirs for c in components):
            ambiguous.append(job)
    if ambiguous:
        _imported_by_production(jobs, ambiguous)
    return jobs


# The test-dirs components that also name production packages: kubernetes/dashboard's
# `pkg/integration` (its integrations with metric providers, which main imports), swag's
# generated `docs` package (the API description main registers by importing it), a web app's
# demo mode, a `design` package of the service's own, a `tools` package of helpers (or a
# `devtools` one: a browser's DevTools protocol client), a `scripts` package that embeds the
# scripts a service runs.
_AMBIGUOUS_TEST_DIRS = frozenset({"integration", "docs", "benchmark", "benchmarks", "demo", "demos", "design",
                                  "tools", "dev-tools", "devtools", "scripts"})


def _imported_by_production(jobs: list[FileJob], ambiguous: list[FileJob]) -> None:
    """A package in a test directory named only by an ambiguous component (`ambiguous`: its
    files) that production code imports is production code: its files are no longer test
    support. Only those packages are looked for, in the production files' source."""
    suspects: dict[str, str] = {}  # directory -> import path
    for job in ambiguous:
        directory = os.path.dirname(job.abspath)
        if directory not in suspects:
            module = modules.module_of_dir(directory)
            suspects[directory] = modules.import_path_of_dir(directory, module) if module is not None else ""
    paths = {path for path in suspects.values() if path}
    if not paths:
        return
    quoted = re.compile(rb'"(' + b"|".join(re.escape(path.encode()) for path in sorted(paths)) + rb')"')
    imported: set[str] = set()
    for job in jobs:
        if job.test_dir or job.abspath.endswith("_test.go"):
            continue
        source, _ = read_source(job.abspath, job.display)
        if source:
            imported.update(found.group(1).decode() for found in quoted.finditer(source))
    for job in jobs:
        if job.test_dir and suspects.get(os.path.dirname(job.abspath)) in imported:
            job.test_dir = False


def _tags_builds_set(found: discovery.Discovered, cwd: str) -> tuple[str, ...]:
    """The tags the project's builds may set: named in its build files (those the walk found,
    and those at the root of every linted module, for a run on named files) or in GOFLAGS."""
    paths = set(found.build_files)
    for root in {cwd} | {module.root for module in map(modules.module_of_dir, {os.path.dirname(p) for p in found.files})
                         if module is not None}:
        try:
            paths.update(entry.path for entry in os.scandir(root) if discovery.is_build_file(entry.name))
        except OSError:
            pass
    from_goflags = buildtags.GOFLAGS_TAGS.findall(os.environ.get("GOFLAGS", ""))
    return tuple(sorted(buildtags.tags_set_by(sorted(paths)).union(*(t.split(",") for t in from_goflags))))


# Why a file named on the command line was not linted, and how to lint it.
_SKIP_HINTS = {
    "test file": "a test file; skipped (lint it with --tests)",
    "test support": "test support; skipped (lint it with --tests)",
    "generated": "a generated file; skipped (lint it with --generated)",
    "third party": "under third_party/, other projects' code: read for context, not reported",
}


def analyze_serially(jobs: list[FileJob], settings: tuple[Settings, ...], debug: bool,
                     caches: tuple | None = None) -> Iterable[FileResult]:
    """The analysis of every job, in order; `settings` and `caches` are indexed by `job.group`."""
    for job in jobs:
        yield analyze_file(job.abspath, job.display, settings[job.group], report=job.report, debug=debug,
                           cache=caches[job.group] if caches is not None else None, test_dir=job.test_dir)


def run(patterns: list[str], settings: Settings, *, cwd: str | None = None, include_suppressed: bool = False,
        debug: bool = False, analyze: Callable[..., Iterable[FileResult]] = analyze_serially,
        cache=None, configs: ConfigTree | None = None, measure=None) -> RunResult:
    """One whole run. With a `cache` (a ResultCache), unchanged files are not analyzed again,
    and the cache is written once the run is complete (an interrupted run writes nothing).

    `configs` gives each file its settings (a config file per directory); without it every
    file gets `settings`. Files are analyzed, checked by whole-run rules and suppressed in
    groups of the same settings; every group's facts are visible to every group.

    With `measure` (golint_startup.gocommand.measure.Options), or a rule that needs it
    selected, the main packages among the files are measured (--measure).
    """
    cwd = cwd or os.getcwd()
    configs = configs or ConfigTree.single(settings)
    notes: list[Notification] = []
    found = discover(patterns, settings, cwd, configs)
    configs = configs.with_build_tags(_tags_builds_set(found, cwd))
    jobs = plan_jobs(patterns, settings, cwd, configs, notes, found)
    groups: dict[int, tuple[int, Settings, list[FileJob]]] = {}  # id(settings) -> (group, settings, jobs)
    for job in jobs:
        job_settings = configs.settings_for(job.abspath)
        job.group, _, group_jobs = groups.setdefault(id(job_settings), (len(groups), job_settings, []))
        group_jobs.append(job)
    if len(groups) == 1:
        ((_, settings, _),) = groups.values()
    elif groups:  # reporters (SARIF's rule list) see every rule that ran somewhere
        settings = replace(settings, rules=dict(sorted({rid: rule for _, each, _ in groups.values()
                                                        for rid, rule in each.rules.items()}.items())))
    result = RunResult(settings=settings, abspaths={j.display: j.abspath for j in jobs}, notifications=notes,
                       files_read=len(jobs))
    named = {j.display for j in jobs if j.named}
    reported = {j.display for j in jobs if j.report}
    facts: dict[str, dict[str, Any]] = {}
    directives = {}
    findings: list[Finding] = []
    every_settings = tuple(group_settings for _, group_settings, _ in groups.values())
    caches = tuple(_cache_for(cache, each) for each in every_settings) if cache is not None else None
    for file_result in analyze(jobs, every_settings, debug, caches):
        if file_result.path in reported:
            result.notifications += file_result.notifications
            if file_result.skipped:  # generated, test support, unreadable: nothing to report there
                reported.discard(file_result.path)
                if file_result.path in named and file_result.skipped in _SKIP_HINTS:
                    result.notifications.append(Notification(_SKIP_HINTS[file_result.skipped], file_result.path,
                                                             level="note"))
            else:
                findings += file_result.findings
                if file_result.directives:
                    directives[file_result.path] = file_result.directives
                result.files_analyzed += 1
        for rule_id, rule_facts in file_result.facts.items():
            facts.setdefault(rule_id, {})[file_result.path] = rule_facts

    measured_files: set[str] = set()  # go.mod files findings on dependencies are reported at
    if measure is not None or any(measuring.requested_by(each.rules.values()) for each in every_settings):
        measured_files = _measure(result, reported, measure, cwd)
    run_files = _RunFiles(result.abspaths, cache.keys if cache is not None else {}, cwd, result.notifications.append)
    kept: list[Finding] = []
    # Each manifest follows its nearest config, as a Go file does; they are composed together
    # (a kustomization reaches across directories), each config's rules run on the whole.
    # They come first: what composing them holds is freed before the startup model is built,
    # so the two peaks do not add up (argo-cd's: 153 MiB with -j 1 the other way round).
    manifest_findings = _check_manifests(found, configs, settings, cwd, result, reported, directives, debug,
                                         _cache_for(cache, settings) if cache is not None else None, run_files)
    manifest_paths = set(result.abspaths) - {j.display for j in jobs} - measured_files
    manifest_groups: dict[int, tuple[Settings, list[Finding], set[str]]] = {}

    def manifest_group(display: str) -> tuple[Settings, list[Finding], set[str]]:
        each = _governing(configs, result.abspaths, cwd, display)
        return manifest_groups.setdefault(id(each), (each, [], set()))

    for path in sorted(manifest_paths):
        manifest_group(path)[2].add(path)
    for finding in manifest_findings:
        manifest_group(finding.path)[1].append(finding)
    for group_settings, group_findings, group_paths in manifest_groups.values():
        # SL900's findings about the directives come out of apply without a level.
        kept += [_with_level(f, group_settings) for f in suppression.apply(
            group_findings, {p: d for p, d in directives.items() if p in group_paths}, rules=group_settings.rules,
            reported_paths=group_paths, include_suppressed=include_suppressed)]
    if any(rid not in result.settings.rules for each, _, _ in manifest_groups.values() for rid in each.rules):
        # Reporters (SARIF's rule list) see the rules that ran on manifests too.
        result.settings = replace(result.settings, rules=dict(sorted({
            **result.settings.rules, **{rid: rule for each, _, _ in manifest_groups.values()
                                        for rid, rule in each.rules.items()}}.items())))
    models = None
    if startup_scope.wanted(every_settings):
        # The model completes the files a path to a finding may run through, cached like SL004's.
        completer = Project({}, result.abspaths, set(), settings, cwd, result.notifications.append,
                            rule_id=STARTUP_FACTS, cache=caches[0] if caches else None)
        models = startup_scope.Models(facts.get(STARTUP_FACTS, {}), result.abspaths, completer.read,
                                      lambda display: completer.facts_on_demand(display, complete_program_facts),
                                      cache=completer.cache, cwd=cwd)
    for _, group_settings, group_jobs in groups.values():
        group_reported = ({j.display for j in group_jobs if j.report} & reported) | measured_files
        group_findings = [f for f in findings if f.path in group_reported]
        for rule in group_settings.rules.values():
            if rule.check_project is None:
                continue
            project = Project(facts.get(rule.id, {}), result.abspaths, group_reported, group_settings, cwd,
                              result.notifications.append, rule_id=rule.id,
                              cache=_cache_for(cache, group_settings), measurement=result.measurement,
                              startup=startup_scope.Query(models, group_settings.startup,
                                                          f"{rule.id} {group_settings.fingerprint()}")
                              if models is not None and rule.needs(STARTUP_MODEL) else None)
            group_findings += [f for f in _check_project(rule, project, run_files) if f.path in group_reported]
        if result.measurement is not None:
            group_findings = measuring.annotate(group_findings, result.measurement, result.abspaths)
        if models is not None:
            group_findings = startup_scope.apply(group_findings, models, group_settings)
        group_findings = [_with_level(f, group_settings) for f in group_findings]
        group_findings = suppression.apply(group_findings, {p: d for p, d in directives.items() if p in group_reported},
                                           rules=group_settings.rules, reported_paths=group_reported,
                                           include_suppressed=include_suppressed)
        kept += [_with_level(f, group_settings) for f in group_findings]  # SL900's own findings
    facts = models = project = None  # done with: freed before the cache is saved

    if cache is not None:
        cache.save()
    findings = kept
    result.findings = sorted(set(findings), key=Finding.sort_key)
    result.notifications = _dedupe(result.notifications)
    return result


def _measure(result: RunResult, reported: set[str], options, cwd: str) -> set[str]:
    """Measure the main packages among the reported files; the go.mod files where findings on
    dependencies go (their require lines)."""
    files = sorted(result.abspaths[display] for display in reported)
    result.measurement = measuring.measure_files(files, result.settings.tags, options or measuring.Options())
    result.notifications += result.measurement.notifications()
    gomods = set()
    for program in result.measurement.programs:
        gomod = display_path(program.gomod, cwd)
        gomods.add(gomod)
        result.abspaths[gomod] = program.gomod
    return gomods


_PROJECT_TAG = "project:findings"


class _RunFiles:
    """cache.files_digest of every file the run read, computed once for all whole-run rules
    of all settings groups (the files do not change between them)."""

    def __init__(self, abspaths: dict[str, str], keys: dict[str, str], cwd: str, notify):
        self._reader = Project({}, abspaths, set(), None, cwd, notify)
        self._keys, self._digest = keys, None

    def digest(self):
        """A copy of the running digest, to be extended by the caller."""
        if self._digest is None:
            self._digest = files_digest(self._reader.abspaths, self._reader.abspaths, self._keys, self._reader.read)
        return self._digest.copy()


def _check_project(rule, project: Project, run_files: _RunFiles) -> list[Finding]:
    """`rule.check_project`, its findings and notifications cached under a digest of every
    file the run read, the rule's options and the reported files: a warm run over an
    unchanged tree neither decodes the rule's facts nor builds its graphs. A rule that reads
    other files (SL001 and SL004: embedded files, config files) reads them through
    go.treefiles, which records them: its answer holds while they look the same. Opt-in
    rules are not cached (their flag runs the Go toolchain)."""
    options = project.settings.options[rule.id]
    digest = None
    if project.cache is not None and not rule.opt_in_flag:
        files = run_files.digest()
        files.update(repr((rule.id, options, project.settings.fingerprint(), sorted(project.reported))).encode())
        digest = files.hexdigest().encode()
    asker = f"<{rule.id}: {project.settings.fingerprint()}>"
    if digest is not None:
        hit = project.cache.load_derived(asker, _PROJECT_TAG, digest)
        if hit is not None and isinstance(hit[0], tuple) and len(hit[0]) == 3 and treefiles.unchanged(hit[0][2]):
            findings, notifications, _ = hit[0]
            for notification in notifications:
                project.notify(notification)
            return list(findings)
    project.facts = _decoded_facts(rule, project, options)
    notify, notifications = project.notify, []
    project.notify = lambda notification: (notifications.append(notification), notify(notification))
    try:
        with treefiles.recording() as looked_at:
            findings = list(rule.check_project(project, options))
    finally:
        project.notify = notify
        project.facts = {}  # the decoded records: the next rule decodes its own
    if digest is not None:
        project.cache.store_derived(asker, _PROJECT_TAG, digest, project.cwd,
                                    (tuple(findings), tuple(notifications), treefiles.signatures(looked_at)))
    return findings


def _decoded_facts(rule, project: Project, options) -> dict[str, Any]:
    """The rule's facts as records (a worker's or the cache's arrive encoded); a damaged
    entry is collected again from the file."""
    decoded = {}
    for display, value in project.facts.items():
        if type(value) is cache_format.Deferred:
            try:
                value = value.value
            except cache_format.UndecodableValue:
                source = project.read(display)
                value = None if source is None else rule.collect(gofile.parse(display, without_bom(source)), options)
        decoded[display] = value
    return decoded


def _check_manifests(found: discovery.Discovered, configs: ConfigTree, settings: Settings, cwd: str,
                     result: RunResult, reported: set[str], directives: dict, debug: bool, cache,
                     run_files: _RunFiles) -> list[Finding]:
    """The manifest rules, on the YAML files found; their files join the reported ones.

    The manifests are composed once; each config file that governs some of them runs its
    rules, with its options, on the whole, and keeps the findings in the files it governs.
    What they find, read and notify is cached under a digest of every file they may read (the
    YAML files, the Dockerfiles, the run's Go files) and the settings: on a tree of thousands
    of manifests, composing the YAML was most of a warm run."""
    governing = {p: configs.settings_for(p) for p in found.manifests}
    # Manifests of tests (an end-to-end suite's expected objects) deploy nothing, and examples
    # are for users to adapt, by their directory or file name; those under third_party/ are
    # other projects' releases, copied in for the tests to install (knative's net-gateway-api
    # and cert-manager): their settings are not this project's to fix.
    found.manifests = [p for p in found.manifests if not discovery.in_third_party(p, cwd) and (
        governing[p].tests or not (discovery.in_test_dir(p, governing[p].test_dirs, cwd) or
                                   discovery.names_an_example_or_test(p)))]
    configs_used = list({id(governing[p]): governing[p] for p in found.manifests}.values())
    # SL900 alone still reviews the YAML files' directives.
    if not any(rule.check_manifests is not None or rule.id == suppression.SUPPRESSION_RULE
               for each in configs_used for rule in each.rules.values()):
        return []
    go_images = tuple(sorted({image for each in configs_used for image in each.go_images}))
    digest = _manifests_digest(found, configs_used, go_images, run_files) if cache is not None else None
    if digest is not None:
        hit = cache.load_derived(_MANIFESTS_ASKER, _PROJECT_TAG, digest)
        if hit is not None and isinstance(hit[0], tuple) and len(hit[0]) == 4:
            findings, notifications, abspaths, file_directives = hit[0]
            result.notifications += notifications
            _add_manifest_files(result, reported, directives, dict(abspaths), dict(file_directives))
            return list(findings)
    notifications = []
    notify = lambda notification: (notifications.append(notification), result.notifications.append(notification))
    # What the manifests ask of Go files is derived like a whole-run rule's facts: cached, so a
    # warm run parses nothing.
    deriver = Project({}, {}, set(), settings, cwd, notify, rule_id="manifests", cache=cache)

    def derive(abspath: str, compute: Callable[[gofile.GoFile], Any]) -> Any:
        display = display_path(abspath, cwd)
        deriver.abspaths[display] = abspath
        return deriver.facts_on_demand(display, compute)

    try:
        project = manifests.load(found.manifests, go_files=found.files, dockerfiles=found.dockerfiles,
                                 go_images=go_images, display=lambda path: display_path(path, cwd),
                                 notify=notify,
                                 read_go=lambda path: read_source(path, display_path(path, cwd))[0], derive=derive)
    except Exception as err:  # the Go findings are still reported
        if debug:
            raise
        result.notifications.append(Notification(f"internal error reading Kubernetes manifests: {err!r}; "
                                                 "please report it", level="error"))
        return []
    _add_manifest_files(result, reported, directives, project.abspaths, project.directives)
    findings, failed = [], False
    for each in configs_used:
        for rule in each.rules.values():
            if rule.check_manifests is None:
                continue
            try:
                findings += [f for f in rule.check_manifests(project, each.options[rule.id])
                             if _governing(configs, project.abspaths, cwd, f.path) is each]
            except Exception as err:  # a rule bug must not lose the other rules' findings
                if debug:
                    raise
                failed = True
                result.notifications.append(Notification(f"internal error in {rule.id}: {err!r}; please report it",
                                                         level="error"))
    if digest is not None and not failed:
        cache.store_derived(_MANIFESTS_ASKER, _PROJECT_TAG, digest, cwd, (
            tuple(findings), tuple(notifications), tuple(sorted(project.abspaths.items())),
            tuple(sorted((path, tuple(found)) for path, found in project.directives.items()))))
    return findings


_MANIFESTS_ASKER = "<manifests>"


def _governing(configs: ConfigTree, abspaths: dict[str, str], cwd: str, display: str) -> Settings:
    """The settings of the config file nearest a manifest finding's file."""
    return configs.settings_for(abspaths.get(display) or os.path.join(cwd, display))


def _add_manifest_files(result: RunResult, reported: set[str], directives: dict, abspaths: dict[str, str],
                        file_directives: dict) -> None:
    result.abspaths.update(abspaths)
    result.files_analyzed += len(abspaths)
    reported.update(abspaths)
    directives.update(file_directives)


def _manifests_digest(found: discovery.Discovered, configs_used: list[Settings], go_images: tuple[str, ...],
                      run_files: _RunFiles) -> bytes:
    """What the manifest rules' results depend on: the settings of every config governing a
    manifest (Go images included), the run's Go files (recognition reads them), and the path
    and content of every YAML file and Dockerfile (as much as is read of them: the digest
    stands for them)."""
    digest = run_files.digest()
    digest.update(repr(("manifests", sorted(each.fingerprint() for each in configs_used), go_images)).encode())
    for path in sorted(found.manifests) + sorted(found.dockerfiles):
        try:
            content = hashlib.sha256(manifests.read_bytes(path)).digest()
        except OSError:
            content = b"unreadable"
        digest.update(f"\0{path}\0".encode() + content)
    return digest.hexdigest().encode()


def _cache_for(cache, settings: Settings):
    """The run's cache for files with these settings: each settings' entries are their own."""
    return cache.for_settings(settings.fingerprint()) if cache is not None else None


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
