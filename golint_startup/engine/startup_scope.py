"""The startup scope: a step of the pipeline between the rules and suppression.

When a selected rule requires the startup model (rule.STARTUP_MODEL), the run builds it
once (go.startup, from every file's ProgramFacts) and this step
- drops the findings of rules whose `scope` option is "startup" that lie outside startup
  code (in no function the model reaches from a root);
- gives every finding in startup code, of any rule, its shortest startup path.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from golint_startup.engine.config import Settings
from golint_startup.go import startup
from golint_startup.rule import SCOPE, STARTUP_MODEL, Finding, Location


def wanted(every_settings) -> bool:
    return any(rule.needs(STARTUP_MODEL) for each in every_settings for rule in each.rules.values())


class Models:
    """The run's startup models: one per group of findings and set of model options, each
    built (go.startup.build_for) for the functions the findings lie in. Files are completed
    through `compute` (the run's hardened reader and its cache of derived values) once per run."""

    def __init__(self, facts: dict[str, Any], abspaths: dict[str, str], read: Callable[[str], bytes | None],
                 compute: Callable[[str], Any]):
        self.facts, self.abspaths, self.read, self._compute = dict(facts), abspaths, read, compute
        self._completed: dict[str, Any] = {}

    def compute(self, display: str):
        if display not in self._completed:
            self._completed[display] = self._compute(display)
            if self._completed[display] is not None:
                self.facts[display] = self._completed[display]
        return self._completed[display]

    def model(self, options: startup.Options, locations: list[tuple[str, int, int]]) -> startup.Model:
        return startup.build_for(self.facts, self.abspaths, locations, self.read, self.compute, options)


def apply(findings: list[Finding], models: Models, settings: Settings) -> list[Finding]:
    model = models.model(settings.startup, [(f.location.path, f.location.line, f.location.col) for f in findings])
    kept = []
    paths: dict[tuple, tuple[Location, ...]] = {}
    for finding in findings:
        loc = finding.location
        fid = model.function_at(loc.path, loc.line, loc.col)
        reached = fid is not None and fid in model.reached
        if not reached:
            if settings.options.get(finding.rule_id, {}).get(SCOPE.name) == "startup":
                continue
            kept.append(finding)
            continue
        if fid not in paths:
            paths[fid] = _locations(model, fid)
        kept.append(replace(finding, startup_path=paths[fid]))
    return kept


def _locations(model: startup.Model, fid: tuple) -> tuple[Location, ...]:
    """Each step of the path to `fid`: the root at its name, every other function at its call site."""
    steps = []
    previous = None
    for function, site in model.path_to(fid):
        name = startup.display_name(function)
        if site is None:
            where = function.name_loc or startup.Span(1, 1, 1, 1)
            steps.append(Location(function.display, *where, message=name))
        else:
            steps.append(Location(previous.display, *site, message=name))
        previous = function
    return tuple(steps)
