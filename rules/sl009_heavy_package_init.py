"""SL009 heavy-package-init: packages whose initialization, measured by running it, is costly.

`collect` (per file) records where a package's initialization is written: its `func init`
declarations and its first package-level initializer that does work. `check_project`
turns the measurement the engine took with `--measure` (golint_startup.gocommand.measure) into
findings: at the dependency's `require` line in go.mod, or at the package's init.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from golint_startup.gocommand import measure
from golint_startup.go.gofile import GoFile
from golint_startup.engine.cache_format import register
from golint_startup.rule import INIT_MEASUREMENT, Finding, Location, Option, Rule
from golint_startup.engine.runner import display_path

# From the readings in the rule's help: what a service's engineers would act on.
MIN_BYTES = 4 << 20
MIN_MS = 20


@register(name="SL009.Facts")
@dataclass(frozen=True)
class Facts:
    init_at: tuple[int, int, int, int] | None  # first `func init` (line, col, end line, end col)
    work_at: tuple[int, int, int, int] | None  # first package-level var initializer that does work


_WORK_NODES = frozenset({"call_expression", "composite_literal"})


def _span(start, end) -> tuple[int, int, int, int]:
    return start[0] + 1, start[1] + 1, end[0] + 1, end[1] + 1


def _does_work(node) -> bool:
    pending = [node]  # a stack, not recursion: nesting depth is the input's to choose
    while pending:
        node = pending.pop()
        if node.type in _WORK_NODES:
            return True
        pending.extend(node.named_children)
    return False


def _first_working_var(file: GoFile):
    for kind, node in file.declarations:
        if kind != "var_declaration":
            continue
        for spec in (n for n in node.named_children if n.type == "var_spec"):
            value = spec.child_by_field_name("value")
            if value is not None and _does_work(value):
                return spec
    return None


def collect(file: GoFile, options: dict) -> Facts:
    init_at = work_at = None
    for kind, node in file.declarations:
        name = node.child_by_field_name("name") if kind == "function_declaration" else None
        if name is not None and name.text == b"init":
            parameters = node.child_by_field_name("parameters") or name
            init_at = _span(node.start_point, parameters.end_point)
            break
    spec = _first_working_var(file)
    if spec is not None:
        work_at = _span(spec.start_point, spec.end_point)
    return Facts(init_at, work_at)


def _heavy(cost: measure.PackageCost, options: dict) -> bool:
    return cost.bytes >= options["min-bytes"] or cost.ms >= options["min-ms"]


def _init_site(project, directory: str) -> Location | None:
    """Where the package in `directory` initializes, among the linted files: its first `func init`
    (files in name order, as the compiler runs them), else its first working initializer."""
    real = os.path.realpath(directory)
    files = sorted((project.abspaths[d], d) for d in project.reported
                   if isinstance(project.facts.get(d), Facts) and
                   os.path.realpath(os.path.dirname(project.abspaths[d])) == real)
    for attribute in ("init_at", "work_at"):
        for _, display in files:
            span = getattr(project.facts[display], attribute)
            if span is not None:
                return Location(display, *span)
    return None


def _chain(project, program: measure.Program, target: str) -> tuple[Location, ...]:
    """The import lines, in the module's own files, of the chain main -> ... -> target."""
    chain = program.chain(target)
    related = []
    for index, (importer, imported) in enumerate(zip(chain, chain[1:])):
        position = measure.import_position(program.dirs.get(importer, ""), program.go_files.get(importer, ()),
                                           imported)
        if position is None or not _inside(position[0], project.cwd):
            continue
        path, line, col, end_col = position
        rest = chain[index + 2:]
        then = f", which imports {' -> '.join(rest)}" if rest else ""
        related.append(Location(display_path(path, project.cwd), line, col, line, end_col,
                                f"{importer} imports {imported}{then}"))
    return tuple(related)


def _inside(path: str, cwd: str) -> bool:
    """Whether a file is in the linted tree (not the module cache): related locations must resolve."""
    relative = os.path.relpath(os.path.realpath(path), os.path.realpath(cwd))
    return not relative.startswith("..") and "/pkg/mod/" not in path.replace(os.sep, "/")


def check_project(project, options: dict):
    measurement = project.measurement
    if measurement is None:
        return
    seen = set()
    for program in measurement.programs:
        for cost in program.packages:
            if cost.kind == measure.STDLIB or not _heavy(cost, options) or cost.package in seen:
                continue
            location = _location(project, program, cost)
            if location is None:
                continue
            seen.add(cost.package)
            if cost.kind == measure.DEPENDENCY:
                version = f" {cost.version}" if cost.version else ""
                subject = f"package {cost.package} (module {cost.module}{version})"
            else:
                subject = f"package {cost.package}"
            allocations = "allocation" if cost.allocs == 1 else "allocations"
            message = (f"{subject} allocates {measure.format_bytes(cost.bytes)} in {cost.allocs:,} {allocations} "
                       f"and takes {measure.format_ms(cost.ms)} ms during init (thresholds: {measure.format_bytes(options['min-bytes'])}, {options['min-ms']:g} ms; "
                       f"{measure.median_of(program.runs)} of {program.main})")
            yield Finding(RULE.id, message, location, related=_chain(project, program, cost.package))


def _location(project, program: measure.Program, cost: measure.PackageCost) -> Location | None:
    if cost.kind == measure.MODULE:
        return _init_site(project, program.dirs.get(cost.package, ""))
    display = display_path(program.gomod, project.cwd)
    position = measure.require_position(program.gomod, cost.module)
    if position is None:
        return None
    line, col, end_col = position
    return Location(display, line, col, line, end_col)


RULE = Rule.from_docs(
    __file__,
    options=(Option("min-bytes", MIN_BYTES, "report a package whose init allocates at least this many bytes"),
             Option("min-ms", MIN_MS, "report a package whose init takes at least this many milliseconds")),
    collect=collect, check_project=check_project, requires=(INIT_MEASUREMENT,),
    snippets={"MIN_BYTES": f"{MIN_BYTES:_}", "MIN_MS": str(MIN_MS)},
)
