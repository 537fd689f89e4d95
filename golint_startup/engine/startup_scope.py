"""The startup scope: a step of the pipeline between the rules and suppression.

When a selected rule requires the startup model (rule.STARTUP_MODEL), the run builds it
once (go.startup, from every file's ProgramFacts) and this step
- drops the findings of rules whose `scope` option is "startup" that lie outside startup
  code (in no function the model reaches from a root; unless `[startup] programs = "all"`,
  on no serving path: see go.startup), and those of rules that require
  AFTER_STARTUP that lie in startup code, and those of rules that require SERVING_PROGRAMS
  that only programs that never serve run;
- gives every finding in startup code, of any rule, its shortest startup path.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from golint_startup.engine import cache_format
from golint_startup.engine.cache import files_digest
from golint_startup.engine.config import Settings
from golint_startup.go import startup
from golint_startup.rule import AFTER_STARTUP, SCOPE, SERVING_PROGRAMS, STARTUP_MODEL, Finding, Location


def wanted(every_settings) -> bool:
    return any(rule.needs(STARTUP_MODEL) for each in every_settings for rule in each.rules.values())


# The cache entries of the run's answers: (location, its startup path or None), keyed by a
# digest of everything the model is built from (see Models._digest), one entry per asker (the
# findings of a settings group, a whole-run rule), so one asker's answers never evict another's.
_ANSWERS_TAG = "model:startup"


class Models:
    """The run's startup models: one per group of findings and set of model options, each
    built (go.startup.build_for) for the functions the findings lie in. Files are completed
    through `compute` (the run's hardened reader and its cache of derived values) once per run.

    With a `cache`, the answers (each finding location's path, or None) are cached too, keyed
    by the digest of every Go file's path and content, the modules' layout, the options and
    the locations: a warm run decodes no completed facts and builds no graph."""

    def __init__(self, facts: dict[str, Any], abspaths: dict[str, str], read: Callable[[str], bytes | None],
                 compute: Callable[[str], Any], cache=None, cwd: str = ""):
        # A cached file's facts arrive encoded (cache_format.Deferred): decoded only for a build.
        self.facts, self.abspaths, self.read, self._compute = dict(facts), abspaths, read, compute
        self.cache, self.cwd = cache, cwd
        self._completed: dict[str, Any] = {}
        self._files = None  # files_digest of the facts' files, once per run
        self._decoded = False

    def compute(self, display: str):
        if display not in self._completed:
            self._completed[display] = self._compute(display)
            if self._completed[display] is not None:
                self.facts[display] = self._completed[display]
        return self._completed[display]

    def _decode(self) -> None:
        """Every file's facts as records; a damaged entry is computed again, complete (the
        model is the same over complete facts as over a summary)."""
        if self._decoded:
            return
        self._decoded = True
        for display, value in self.facts.items():
            if type(value) is cache_format.Deferred:
                try:
                    self.facts[display] = value.value
                except cache_format.UndecodableValue:
                    self.facts[display] = self.compute(display)

    def paths(self, options: startup.Options, locations: list[tuple[str, int, int]], asker: str) \
            -> dict[tuple[str, int, int], tuple[tuple[Location, ...] | None, tuple[Location, ...] | None]]:
        """Each location's (startup path from the root, shortest serving path), each None when
        there is none (the serving path always None unless `options.services`)."""
        if not locations:
            return {}
        digest = self._digest(options, locations) if self.cache is not None else None
        if digest is not None:
            hit = self.cache.load_derived(f"<startup model: {asker}>", _ANSWERS_TAG, digest)
            if hit is not None and isinstance(hit[0], tuple):
                return dict(hit[0])
        self._decode()
        model = startup.build_for(self.facts, self.abspaths, locations, self.read, self.compute, options)
        answers, by_function = {}, {}
        for location in locations:
            fid = model.function_at(*location)
            if fid is None or fid not in model.reached:
                answers[location] = (None, None)
            else:
                if fid not in by_function:
                    by_function[fid] = (_locations(model, fid),
                                        _locations(model, fid, serving_only=True) if fid in model.serving else None)
                answers[location] = by_function[fid]
        if digest is not None:
            self.cache.store_derived(f"<startup model: {asker}>", _ANSWERS_TAG, digest, self.cwd,
                                     tuple(answers.items()))
        return answers

    def _digest(self, options: startup.Options, locations) -> bytes:
        """What the model's answers depend on."""
        if self._files is None:
            self._files = files_digest(self.facts, self.abspaths, getattr(self.cache, "keys", {}), self.read)
        digest = self._files.copy()
        digest.update(repr((options, sorted(set(locations)))).encode())
        return digest.hexdigest().encode()


class Query:
    """The model as a whole-run rule asks it (`project.startup`): which positions lie in code
    that runs at startup. One call with every position builds the model once."""

    def __init__(self, models: Models, options: startup.Options, asker: str):
        # Whole paths only: serving paths decide the findings of the rules scoped to startup.
        self.models, self.options, self.asker = models, replace(options, programs="all"), asker

    def at_startup(self, positions) -> set[tuple[str, int, int]]:
        """The (display, line, col) of `positions` in functions the model reaches."""
        answers = self.models.paths(self.options, sorted(positions), self.asker)
        return {position for position, (path, _) in answers.items() if path is not None}


def _position(location: Location) -> tuple[str, int, int]:
    return location.path, location.line, location.col


def _after_startup(finding: Finding, settings: Settings) -> bool:
    rule = settings.rules.get(finding.rule_id)
    return rule is not None and rule.needs(AFTER_STARTUP)


def apply(findings: list[Finding], models: Models, settings: Settings) -> list[Finding]:
    # A rule about work after startup names every place that would run it first (the other
    # Do calls of one sync.Once): one of them at startup runs it then.
    positions = {_position(f.location) for f in findings} | \
        {_position(r) for f in findings if _after_startup(f, settings) for r in f.related}
    answers = models.paths(settings.startup, sorted(positions), f"findings {settings.fingerprint()}")
    kept = []
    for finding in findings:
        loc = finding.location
        path, serving_path = answers[(loc.path, loc.line, loc.col)]
        scoped = settings.options.get(finding.rule_id, {}).get(SCOPE.name) == "startup"
        rule = settings.rules.get(finding.rule_id)
        if scoped and settings.startup.services and rule is not None and SCOPE in rule.options:
            path = serving_path  # a path of a program that never serves is no startup
        if path is not None and serving_path is None and settings.startup.services and \
                rule is not None and rule.needs(SERVING_PROGRAMS):
            continue  # only programs that never serve run it
        if path is None:
            if scoped or _after_startup(finding, settings) and \
                    any(answers[_position(r)][0] is not None for r in finding.related):
                continue
            kept.append(finding)
            continue
        if rule is not None and rule.needs(AFTER_STARTUP):
            continue
        kept.append(replace(finding, startup_path=path))
    return kept


def _locations(model: startup.Model, fid: tuple, serving_only: bool = False) -> tuple[Location, ...]:
    """Each step of the path to `fid`: the root at its name, every other function at its call site."""
    steps = []
    previous = None
    for function, site in model.path_to(fid, serving_only):
        name = startup.display_name(function)
        if site is None:
            where = function.name_loc or startup.Span(1, 1, 1, 1)
            steps.append(Location(function.display, *where, message=name))
        else:
            steps.append(Location(previous.display, *site, message=name))
        previous = function
    return tuple(steps)
