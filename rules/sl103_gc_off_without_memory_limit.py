"""SL103 gc-off-without-memory-limit: GOGC=off in a Go container with no memory limit for the runtime."""

from __future__ import annotations

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.kube.quantity import go_gc_off
from golint_startup.rule import Finding, Rule

HELP = f"""\
## What it does
Reports the `GOGC` value of a Go container in a Kubernetes manifest when it turns the
collector off (`off`, or a negative number; exactly as the runtime reads it: `OFF` is not
`off`, and the runtime falls back to 100) and the runtime gets no memory limit: no
`GOMEMLIMIT` reaches the container (`GOMEMLIMIT=off` counts as none), and the linted Go
code sets none (see SL101). The value is read from `env` or from an `envFrom` ConfigMap or
Secret among the linted files.

{RECOGNITION}
## Why it matters at startup
With `GOGC=off` the collector never runs on its own: every allocation stays until the
heap reaches the memory limit, if there is one. `GOGC=off` with `GOMEMLIMIT` is a known
pattern (collect only near the limit); without a limit nothing is ever freed, and the
container is OOMKilled as soon as its allocations since start add up to its memory limit,
often during startup, where a service allocates most.

## Example
```yaml
env:
  - name: GOGC
    value: "off"          # SL103: no GOMEMLIMIT
```

## How to fix
Add a memory limit below the container's (`GOMEMLIMIT: 460MiB` for a `512Mi` limit), or
remove `GOGC=off`.

## Options
None.
"""


def check_manifests(manifests: ProjectManifests, options):
    for container in manifests.go_containers:
        variable = container.env.get("GOGC")
        if variable is None or variable.value is None or not go_gc_off(variable.value.text):
            continue
        if manifests.memory_limit_source(container):
            continue
        yield Finding(RULE.id, f"GOGC={variable.value.text} turns the collector off in {container.label} and no "
                               "memory limit is set (no GOMEMLIMIT, none in the code): nothing is freed until "
                               "the container is OOMKilled", variable.value.location)


RULE = Rule(
    id="SL103",
    name="gc-off-without-memory-limit",
    level="error",
    summary="GOGC=off in a Go container with no GOMEMLIMIT or memory limit in the code",
    description="GOGC=off (or negative) stops the garbage collector; without a memory limit for the runtime "
                "nothing is ever collected and the heap grows until the container is OOMKilled.",
    help=HELP,
    tags=("kubernetes", "memory", "gc"),
    precision="very-high",
    check_manifests=check_manifests,
)
