"""SL010 memory-limit-below-runtime: `debug.SetMemoryLimit(0)`, a limit the runtime alone exceeds."""

from __future__ import annotations

from golint_startup.go.constants import Constants
from golint_startup.go.embed import human_size
from golint_startup.go.gccontrol import RUNTIME_FLOOR_BYTES, memory_limit_calls
from golint_startup.go.gofile import GoFile
from golint_startup.go.library import DEBUG
from golint_startup.rule import Rule


def check(file: GoFile, options: dict):
    if not file.imports_path(DEBUG):
        return
    constants = Constants(file)
    for call, limit in memory_limit_calls(file):
        value = constants.value(limit)
        if value is None or not 0 <= value < RUNTIME_FLOOR_BYTES:
            continue
        meant = ("; 0 neither reads the limit (-1 does) nor removes it (math.MaxInt64 does)" if value == 0 else
                 "; give it the container's memory limit less some headroom")
        yield RULE.finding(
            file.path, call,
            f"debug.SetMemoryLimit({value}) sets the soft memory limit to {human_size(value)}, below the 8 MB or so the "
            "runtime holds before main runs: from here on the garbage collector runs nearly all the time (up to "
            f"half the CPU), and any limit set before (GOMEMLIMIT, automemlimit) is gone{meant}")


RULE = Rule.from_docs(__file__, check=check)
