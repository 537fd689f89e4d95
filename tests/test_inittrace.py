"""The inittrace/gctrace parsers on lines copied from real runs, and memory quantities.

Go 1.26 lines come from runs of programs built with Go 1.26. Go 1.21 to 1.25 print the
same fields (runtime/mgc.go: stacks and globals since 1.19); 1.26 adds the goroutine-leak
marker. Lines without stacks and globals (Go 1.18) and the runtime documentation's
spelling `#MB globals` are accepted too.
"""

import re

import pytest

from golint_startup.kube.quantity import memory_bytes
from golint_startup.traces.parse import parse_gc, parse_init, read_trace

GO126_INIT = "init example.com/probe/heavy @0.50 ms, 0.021 ms clock, 1048576 bytes, 1 allocs"
GO126_GC = ("gc 4 @0.049s 24%: 2.5+8.1+0.015 ms clock, 5.1+0.21/0.002/0+0.031 ms cpu, 28->29->15 MB, "
            "29 MB goal, 0 MB stacks, 0 MB globals, 2 P")
GO126_FORCED = ("gc 10 @0.334s 6%: 0.047+4.8+0.014 ms clock, 0.094+0/0.024/0.11+0.028 ms cpu, 15->15->14 MB, "
                "30 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)")
GO126_LEAK_CHECK = ("gc 3 @1.250s 1% (checking for goroutine leaks): 0.020+1.1+0.003 ms clock, "
                    "0.16+0.10/0.9/2.0+0.024 ms cpu, 4->4->1 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 8 P")
GO121_GC = ("gc 1 @0.019s 3%: 0.015+1.9+0.022 ms clock, 0.12+0.36/1.5/0.31+0.18 ms cpu, 3->4->1 MB, "
            "4 MB goal, 0 MB stacks, 0 MB globals, 8 P")
DOC_SPELLING_GC = GO121_GC.replace("0 MB globals", "0MB globals")
GO118_GC = "gc 2 @0.103s 1%: 0.016+0.61+0.027 ms clock, 0.13+0.19/0.53/0.11+0.22 ms cpu, 4->4->0 MB, 5 MB goal, 8 P"


def test_init_line():
    record = parse_init(GO126_INIT)
    assert (record.package, record.start_ms, record.clock_ms, record.bytes, record.allocs) == \
        ("example.com/probe/heavy", 0.5, 0.021, 1048576, 1)


def test_init_line_whole_milliseconds_and_prefix():
    # kubectl logs --timestamps puts an RFC 3339 time first; times of 10 ms and more are whole.
    record = parse_init("2026-03-01T10:00:00.123456789Z init github.com/aws/aws-sdk-go/aws/endpoints @12 ms, "
                        "14 ms clock, 1990128 bytes, 24517 allocs\r\n")
    assert (record.package, record.start_ms, record.clock_ms, record.bytes, record.allocs) == \
        ("github.com/aws/aws-sdk-go/aws/endpoints", 12.0, 14.0, 1990128, 24517)


def test_gc_line_go126():
    cycle = parse_gc(GO126_GC)
    assert (cycle.number, cycle.at_s, cycle.cpu_percent) == (4, 0.049, 24)
    assert (cycle.sweep_termination_ms, cycle.mark_ms, cycle.mark_termination_ms) == (2.5, 8.1, 0.015)
    assert (cycle.heap_start_mib, cycle.heap_end_mib, cycle.heap_live_mib, cycle.goal_mib) == (28, 29, 15, 29)
    assert (cycle.stacks_mib, cycle.globals_mib, cycle.procs, cycle.forced) == (0, 0, 2, False)
    assert cycle.stop_the_world_ms == pytest.approx(2.515)


def test_gc_line_variants():
    assert parse_gc(GO126_FORCED).forced
    assert parse_gc(GO126_LEAK_CHECK).heap_start_mib == 4
    go121 = parse_gc(GO121_GC)
    assert (go121.heap_live_mib, go121.globals_mib, go121.procs) == (1, 0, 8)
    assert parse_gc(DOC_SPELLING_GC) == go121
    go118 = parse_gc(GO118_GC)
    assert (go118.goal_mib, go118.stacks_mib, go118.procs) == (5, None, 8)


@pytest.mark.parametrize("line", [
    "init: main package",  # an application's own output
    '{"level":"info","msg":"init example.com/x @1 ms"}',
    "gc 1 @0.004s 0%: garbled",
    "scvg: 0 MB released",
    "initialization done",
    "",
])
def test_other_lines_are_not_trace_lines(line):
    assert parse_init(line) is None and parse_gc(line) is None


def test_read_trace_stops_at_the_ready_line_and_keeps_last_other_lines():
    log = [GO126_INIT, "app: starting", GO126_GC, "app: ready to serve", GO126_FORCED]
    trace = read_trace(log, re.compile("ready to serve"))
    assert [r.package for r in trace.inits] == ["example.com/probe/heavy"]
    assert [c.number for c in trace.cycles] == [4]
    assert (trace.ready_line, trace.other_lines) == (4, ["app: starting"])
    whole = read_trace(log)
    assert [c.number for c in whole.cycles] == [4, 10] and whole.ready_line == 0


@pytest.mark.parametrize("cut", [len("init example.com/probe/heavy @"), len("init example.com/probe/heavy @0.50 ms, ")])
def test_an_init_line_broken_by_a_gc_line_is_joined(cut):
    """The runtime prints a GC line in the middle of an init line now and then (about one start
    in eighty of the measure tests' service): both records are kept."""
    log = [GO126_INIT[:cut] + GO121_GC, GO126_INIT[cut:], "app: ready"]
    trace = read_trace(log)
    assert [(r.package, r.bytes) for r in trace.inits] == [("example.com/probe/heavy", 1048576)]
    assert [c.number for c in trace.cycles] == [1] and trace.other_lines == ["app: ready"]


@pytest.mark.parametrize("text, expected", [
    ("512Mi", 512 * 2**20), ("1Gi", 2**30), ("1.5Gi", 3 * 2**29), ("500M", 500 * 10**6), ("1G", 10**9),
    ("128974848", 128974848), ("1e9", 10**9), ("129e6", 129 * 10**6), ("123Ki", 123 * 1024),
    ("512MiB", 512 * 2**20), ("2GiB", 2 * 2**30), ("1024B", 1024),
])
def test_memory_quantities(text, expected):
    assert memory_bytes(text) == expected


# Kubernetes rejects `64mi`; `500m` is half a byte (milli), not mega; GOMEMLIMIT has no fractions.
@pytest.mark.parametrize("text", ["", "12x", "Mi", "-1Gi", "0", "1.2.3Gi", "64mi", "500m", "1.5MiB", "off"])
def test_bad_memory_quantities(text):
    with pytest.raises(ValueError):
        memory_bytes(text)
