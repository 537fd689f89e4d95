"""The measured start as a report: the per-package init table (`--measure`, `--trace`) and the
GC timeline (`--trace`), as text and as JSON data."""

from __future__ import annotations

import os
import re
import sys

from golint_startup.go import modules
from golint_startup.traces.parse import MIB, GCCycle, InitRecord, Trace, read_trace
from golint_startup.gocommand.measure import DEPENDENCY, MODULE, STDLIB, Measurement, PackageCost, format_bytes, format_ms, median_of

TOP_PACKAGES = 15  # rows of the text table; JSON and SARIF carry every package


class TraceError(Exception):
    """A log that cannot be read or holds no trace lines (exit 2)."""


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
                             for i, cell in enumerate(row)).rstrip() for row in rows]


def init_table(costs: list[PackageCost], top: int = TOP_PACKAGES) -> list[str]:
    ranked = sorted(costs, key=lambda c: (-c.bytes, -c.ms, c.package))[:top]
    rows = [["package", "kind", "bytes", "allocs", "ms"]]
    rows += [[c.package, c.kind, f"{c.bytes:,}", f"{c.allocs:,}", format_ms(c.ms)] for c in ranked]
    return _table(rows, right={2, 3, 4})


def _cost_json(cost: PackageCost) -> dict:
    return {"package": cost.package, "kind": cost.kind, "module": cost.module, "version": cost.version,
            "bytes": cost.bytes, "allocs": cost.allocs, "ms": cost.ms}


def _cycle_json(cycle: GCCycle) -> dict:
    return {"cycle": cycle.number, "at_s": cycle.at_s, "heap_start_mib": cycle.heap_start_mib,
            "heap_end_mib": cycle.heap_end_mib, "heap_live_mib": cycle.heap_live_mib, "goal_mib": cycle.goal_mib,
            "stop_the_world_ms": round(cycle.stop_the_world_ms, 3),
            "sweep_termination_ms": cycle.sweep_termination_ms, "mark_ms": cycle.mark_ms,
            "mark_termination_ms": cycle.mark_termination_ms, "forced": cycle.forced}


# --- --measure -----------------------------------------------------------------------


def measurement_text(measurement: Measurement) -> str:
    out = []
    for program in measurement.programs:
        out.append("")
        out.append(f"init of {program.main} ({median_of(program.runs)}): {len(program.packages)} packages, "
                   f"{format_bytes(program.total_bytes)}, {program.total_ms:.1f} ms; "
                   f"{program.gc_cycles} GC cycles during init; heap at the end of init "
                   f"{format_bytes(program.heap_bytes)}")
        out += init_table(program.packages)
        if len(program.packages) > TOP_PACKAGES:
            out.append(f"  ... {len(program.packages) - TOP_PACKAGES} more packages (--format json lists them all)")
    return "".join(line + "\n" for line in out)


def measurement_json(measurement: Measurement) -> list[dict]:
    return [{
        "main": program.main,
        "runs": program.runs,
        "total_bytes": program.total_bytes,
        "total_ms": round(program.total_ms, 3),
        "gc_cycles": program.gc_cycles,
        "heap_bytes": program.heap_bytes,
        "packages": [_cost_json(cost) for cost in program.packages],
        "gc": [_cycle_json(cycle) for cycle in program.cycles],
    } for program in measurement.programs]


# --- --trace -------------------------------------------------------------------------


def _module_path(cwd: str) -> str:
    module = modules.module_of_dir(os.path.abspath(cwd))
    return module.path if module else ""


def kind_of(package: str, module_path: str) -> str:
    """A package's kind as far as its path tells: the module of the current directory, the
    standard library (no dot in the first path element), or a dependency."""
    if package == "main" or modules.in_module(package, module_path):
        return MODULE  # a binary's main package initializes under the name "main"
    first = package.split("/", 1)[0]
    return STDLIB if "." not in first else DEPENDENCY


def read_log(path: str, ready_pattern: str | None) -> Trace:
    try:
        ready = re.compile(ready_pattern) if ready_pattern else None
    except re.error as err:
        raise TraceError(f"--ready-pattern {ready_pattern!r} is not a regular expression: {err}") from None
    try:
        if path == "-":
            trace = read_trace(sys.stdin, ready)
        else:
            with open(path, encoding="utf-8", errors="replace") as handle:
                trace = read_trace(handle, ready)
    except OSError as err:
        raise TraceError(f"cannot read {path}: {err.strerror or err}") from None
    if not trace.inits and not trace.cycles:
        raise TraceError(f"{'stdin' if path == '-' else path}: no inittrace or gctrace lines"
                         f"{' before the ready line' if trace.ready_line else ''} (capture the log of a start with "
                         "GODEBUG=inittrace=1,gctrace=1)")
    return trace


def _costs(inits: list[InitRecord], module_path: str) -> list[PackageCost]:
    return [PackageCost(r.package, kind_of(r.package, module_path), "", "", r.clock_ms, r.bytes, r.allocs)
            for r in inits]


def _init_end_s(trace: Trace) -> float:
    """When the last package finished initializing, in seconds since the start (-1: no inits)."""
    return max((r.start_ms + r.clock_ms for r in trace.inits), default=-1000) / 1000


def _peak_mib(trace: Trace) -> int:
    return max((max(c.heap_start_mib, c.heap_end_mib) for c in trace.cycles), default=0)


def trace_json(trace: Trace, path: str, memory_limit: int | None, cwd: str) -> dict:
    costs = _costs(trace.inits, _module_path(cwd))
    data = {
        "log": path,
        "lines": trace.lines,
        "ready_line": trace.ready_line or None,
        "init": {"packages": len(costs), "total_bytes": sum(c.bytes for c in costs),
                 "total_ms": round(sum(c.ms for c in costs), 3),
                 "table": [{k: v for k, v in _cost_json(c).items() if k not in ("module", "version")}
                           for c in costs]},
        "gc": [{**_cycle_json(cycle), "during_init": cycle.at_s <= _init_end_s(trace)} for cycle in trace.cycles],
        "peak_heap_mib": _peak_mib(trace),
    }
    if memory_limit:
        data["memory_limit_bytes"] = memory_limit
        data["peak_heap_fraction_of_limit"] = round(_peak_mib(trace) * MIB / memory_limit, 4)
    return data


def trace_text(trace: Trace, path: str, memory_limit: int | None, cwd: str) -> str:
    costs = _costs(trace.inits, _module_path(cwd))
    where = "stdin" if path == "-" else path
    scope = f"lines 1-{trace.ready_line - 1}, before the ready line {trace.ready_line}" if trace.ready_line \
        else f"{trace.lines} lines"
    out = [f"{where}: {scope}"]
    if costs:
        out.append(f"init: {len(costs)} packages, {format_bytes(sum(c.bytes for c in costs))}, "
                   f"{sum(c.ms for c in costs):.1f} ms")
        out += init_table(costs)
        if len(costs) > TOP_PACKAGES:
            out.append(f"  ... {len(costs) - TOP_PACKAGES} more packages (--format json lists them all)")
    else:
        out.append("init: no inittrace lines")
    if trace.cycles:
        init_end_s = _init_end_s(trace)
        during = sum(1 for c in trace.cycles if c.at_s <= init_end_s)
        out.append(f"gc: {len(trace.cycles)} cycles, {during} during init")
        rows = [["cycle", "at", "heap MiB start->end->live", "goal MiB", "stop-the-world ms", ""]]
        rows += [[str(c.number), f"{c.at_s:.3f}s", f"{c.heap_start_mib}->{c.heap_end_mib}->{c.heap_live_mib}",
                  str(c.goal_mib), f"{c.sweep_termination_ms:g}+{c.mark_termination_ms:g}",
                  " ".join(filter(None, ["init" if c.at_s <= init_end_s else "", "forced" if c.forced else ""]))]
                 for c in trace.cycles]
        out += _table(rows, right={0, 1, 3})
    else:
        out.append("gc: no gctrace lines")
    peak = _peak_mib(trace)
    if memory_limit:
        share = peak * MIB / memory_limit
        out.append(f"peak heap {peak} MiB of the memory limit {format_bytes(memory_limit)} ({share:.0%}); "
                   "gctrace counts the heap only, not stacks, globals or the runtime's own memory")
    elif trace.cycles:
        out.append(f"peak heap {peak} MiB")
    return "".join(line + "\n" for line in out)
