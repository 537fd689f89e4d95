"""Parsers for the Go runtime's `GODEBUG=inittrace=1` and `gctrace=1` lines, and for whole logs.

Formats, as the runtime prints them (Go 1.21 to 1.26; `runtime/proc.go` doInit1 and
`runtime/mgc.go` gcMarkTermination):

    init <package> @<start> ms, <clock> ms clock, <bytes> bytes, <allocs> allocs
    gc <n> @<seconds>s <util>%[ (checking for goroutine leaks)]: <sweep-term>+<mark>+<mark-term> ms clock,
       <cpu times> ms cpu, <start>-><end>-><live> MB, <goal> MB goal, <stacks> MB stacks,
       <globals> MB globals, <procs> P[ (forced)]

Times below 10 ms carry up to three decimals, larger ones are whole milliseconds. The
stacks and globals fields appeared in Go 1.19 and are optional here; the goroutine-leak
marker is Go 1.26's. A line may carry a prefix (kubectl's `--timestamps`, a log
collector's) and anything else in a log is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

_NUMBER = r"\d+(?:\.\d+)?"
_INIT = re.compile(rf"(?:^|\s)init (\S+) @({_NUMBER}) ms, ({_NUMBER}) ms clock, (\d+) bytes, (\d+) allocs\s*$")
_GC = re.compile(
    rf"(?:^|\s)gc (\d+) @({_NUMBER})s (\d+)%(?: \([^)]*\))?: "
    rf"({_NUMBER})\+({_NUMBER})\+({_NUMBER}) ms clock, "
    rf"[\d.+/]+ ms cpu, "
    rf"(\d+)->(\d+)->(\d+) MB, (\d+) MB goal, "
    rf"(?:(\d+) MB stacks, (\d+) ?MB globals, )?"
    rf"(\d+) P( \(forced\))?\s*$")

# An init line the runtime broke to print a GC line in its middle (both go to stderr
# unbuffered): `init pkg @` + the GC line, the init line's rest on the next line.
_BROKEN_INIT = re.compile(r"(?:^|\s)(init \S+ @.*?)(gc \d+ @.*)$")

MIB = 1 << 20


@dataclass(frozen=True)
class InitRecord:
    """One package's initialization."""

    package: str
    start_ms: float  # since the program started
    clock_ms: float
    bytes: int
    allocs: int


@dataclass(frozen=True)
class GCCycle:
    """One garbage collection. Heap sizes are whole MiB, as the runtime prints them."""

    number: int
    at_s: float  # since the program started
    cpu_percent: int  # of the CPU time spent in GC since the start
    sweep_termination_ms: float  # stop-the-world
    mark_ms: float  # concurrent
    mark_termination_ms: float  # stop-the-world
    heap_start_mib: int
    heap_end_mib: int
    heap_live_mib: int
    goal_mib: int
    procs: int
    forced: bool
    stacks_mib: int | None = None
    globals_mib: int | None = None

    @property
    def stop_the_world_ms(self) -> float:
        return self.sweep_termination_ms + self.mark_termination_ms


def parse_init(line: str) -> InitRecord | None:
    match = _INIT.search(line.rstrip("\r\n"))
    if not match:
        return None
    package, start, clock, size, allocs = match.groups()
    return InitRecord(package, float(start), float(clock), int(size), int(allocs))


def parse_gc(line: str) -> GCCycle | None:
    match = _GC.search(line.rstrip("\r\n"))
    if not match:
        return None
    (number, at, util, sweep, mark, mark_term, start, end, live, goal, stacks, globals_, procs,
     forced) = match.groups()
    return GCCycle(int(number), float(at), int(util), float(sweep), float(mark), float(mark_term), int(start),
                   int(end), int(live), int(goal), int(procs), bool(forced),
                   int(stacks) if stacks is not None else None, int(globals_) if globals_ is not None else None)


@dataclass
class Trace:
    """What a log says about a start: inits in order, GC cycles in order."""

    inits: list[InitRecord] = field(default_factory=list)
    cycles: list[GCCycle] = field(default_factory=list)
    lines: int = 0  # lines read (up to the ready line, when there is one)
    ready_line: int = 0  # 1-based line that matched the ready pattern, 0 if none did
    other_lines: list[str] = field(default_factory=list)  # the last lines that were neither


_KEPT_OTHER_LINES = 5


def read_trace(lines: Iterable[str], ready: re.Pattern | None = None) -> Trace:
    """The init and GC lines of a log, up to the first line matching `ready` (if given).

    Lines that are neither are skipped; the last few are kept (a crash's last words).
    """
    trace = Trace()
    broken = ""  # the start of an init line a GC line broke, to join with the next line
    for number, line in enumerate(lines, 1):
        trace.lines = number
        if ready is not None and ready.search(line):
            trace.ready_line = number
            break
        line, broken = broken + line, ""
        split = _BROKEN_INIT.search(line.rstrip("\r\n"))
        cycle = parse_gc(split.group(2)) if split else None
        if cycle is not None:
            trace.cycles.append(cycle)
            broken = split.group(1)
            continue
        record = parse_init(line)
        if record is not None:
            trace.inits.append(record)
            continue
        cycle = parse_gc(line)
        if cycle is not None:
            trace.cycles.append(cycle)
            continue
        if line.strip():
            trace.other_lines = (trace.other_lines + [line.rstrip("\r\n")])[-_KEPT_OTHER_LINES:]
    return trace
