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

MIN_BYTES = 262_144
MIN_MS = 5

HELP = f"""\
## What it does
Runs only with `--measure`. startup-lint builds a test binary of each main package
(`go test -c` with an `-overlay` that adds one `_test.go` file: nothing is written into
your tree), runs it five times under `GODEBUG=inittrace=1,gctrace=1` without running
`main`, and reports every package whose initialization allocates at least `min-bytes`
or takes at least `min-ms` (medians of the runs):

- a dependency at the `require` line of your go.mod for the module that provides it;
- a package of your module at its first `func init`, or else its first package-level
  `var` whose initializer calls or builds something.

The message gives the numbers; the related locations are the chain of imports from the
main package that brings the package in (the import lines in your module). The standard
library is measured and shown in the report's table but never reported.

## Why it matters at startup
Package initialization runs before `main`, on one goroutine, in import order, for every
package the binary links, whether or not the program ever uses it. What it allocates is
on the heap before `main` can set a memory limit or tune the GC, and the time it takes
delays readiness on every start. The costly inits are usually in dependencies (a cloud
SDK's endpoint tables, a big generated map, compiled regular expressions), which no rule
reading your own files can see: only running them does.

## Example
```
go.mod:11:2: SL009 package github.com/alecthomas/chroma/v2/lexers (module github.com/alecthomas/chroma/v2 v2.27.0)
    allocates 2.7 MiB in 32,613 allocations and takes 54 ms during init (...)
    cmd/task/task.go:12:2: github.com/go-task/task/v3/cmd/task imports github.com/go-task/task/v3, which imports
        github.com/go-task/task/v3/taskfile -> github.com/alecthomas/chroma/v2/quick -> github.com/alecthomas/chroma/v2/lexers
```

## How to fix
- A dependency: import a smaller package of it (a sub-package per service instead of
  the whole SDK), move to a version that initializes lazily, or drop the import chain
  that links it (the related locations show it).
- Your package: move the work from `init` and package-level `var`s to `main` or to first
  use (`sync.OnceValue`).
- Accept it: suppress the finding in your files with `//startup-lint:ignore SL009 reason`,
  or raise the thresholds.

## Options
- `min-bytes` (integer, default `{MIN_BYTES:_}`, 256 KiB): report a package whose init
  allocates at least this many bytes.
- `min-ms` (integer, default `{MIN_MS}`): report a package whose init takes at least this
  many milliseconds (wall clock).

The defaults come from measuring go-task/task (commit b250872d, the `task` command:
437 packages, Go 1.26, 2 CPUs, 5 runs). All of init allocates 7.8 MiB (your module's
packages 119 KiB, the standard library 131 KiB, dependencies the rest) and takes about
0.3 s. Two packages allocate far more than the others: chroma's `lexers` (2.7 MiB,
32,613 allocations) and `styles` (1.8 MiB); the next one allocates 195 KiB and only
eight allocate 100 KiB or more. 256 KiB reports the two and none of the long tail. By
time, three packages stand out: go-runewidth (160 ms: it fills a 2 MiB lookup table,
outside the heap) and the two chroma packages (about 55 ms each); the next took 2.4 ms
at most, the rest under 1 ms. Times vary with the machine and its load, so `min-ms`
sits at twice the largest of the ordinary ones.
"""


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


RULE = Rule(
    id="SL009",
    name="heavy-package-init",
    level="warning",
    summary="package whose initialization, measured, allocates or takes much",
    description="Builds and runs a test binary of each main package under GODEBUG=inittrace=1 (without running "
                "main) and reports the packages, dependencies included, whose init allocates at least min-bytes "
                "or takes at least min-ms: a dependency at its go.mod require line, a package of the module at "
                "its func init.",
    help=HELP,
    options=(Option("min-bytes", MIN_BYTES, "report a package whose init allocates at least this many bytes"),
             Option("min-ms", MIN_MS, "report a package whose init takes at least this many milliseconds")),
    tags=("measurement", "memory", "init"),
    precision="high",
    collect=collect,
    check_project=check_project,
    requires=(INIT_MEASUREMENT,),
)
