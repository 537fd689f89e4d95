"""SL101 go-memory-limit-unset: a Go container with a memory limit the Go runtime is not told."""

from __future__ import annotations

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.rule import Finding, Rule

HELP = f"""\
## What it does
Reports the `resources.limits.memory` of a Go container in a Kubernetes manifest (Pod,
Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, PodTemplate; containers and
init containers) when the Go runtime is not told that limit:
- no `GOMEMLIMIT` reaches the container: not in `env` as a value or through `valueFrom`
  (a `resourceFieldRef` of `limits.memory`, a ConfigMap or Secret key), and not through an
  `envFrom` ConfigMap or Secret found among the linted files (`GOMEMLIMIT=off` counts as
  none); and
- the linted Go code does not set one itself.

{RECOGNITION}
## Why it matters at startup
The Go runtime does not read the container's memory limit (the cgroup limit). Without
`GOMEMLIMIT` or `debug.SetMemoryLimit`, the collector paces only on `GOGC`: the next
collection starts when the heap has grown by `GOGC`% (100 by default) over what was live
after the last one, so a service with 300 MiB live may reach 600 MiB before collecting,
whatever the limit. At startup the heap grows fast (configuration decoding, caches,
connection pools), and the kernel kills the container at its limit (OOMKilled, exit 137)
with garbage the collector would have freed had it known the limit.

A memory limit is soft: as the runtime's total memory (heap, goroutine stacks, runtime
metadata; not memory allocated by C code or mapped files) approaches it, the collector
runs more often and returns freed memory to the system sooner. It does not cap live data:
when live memory alone exceeds the limit, the runtime lets it, and it spends at most about
half of the CPU on collection rather than stall the program, so an OOM kill is still
possible, but no longer for garbage alone.

## Example
```yaml
containers:
  - name: api
    image: ghcr.io/acme/api:1.4   # built from ./cmd/api, a main package
    resources:
      limits:
        memory: 512Mi             # SL101: the Go runtime does not know this
```

## How to fix
Give the runtime the limit, with headroom for memory outside the Go heap (see SL102):
```yaml
    env:
      - name: GOMEMLIMIT
        value: 460MiB             # about 90% of 512Mi
```
or take it from the container's limit and let the code subtract the headroom
(`resourceFieldRef: {{resource: limits.memory}}` gives the whole limit), or set it in the
code: `debug.SetMemoryLimit(limit * 9 / 10)`, or a blank import of
`github.com/KimMachineGun/automemlimit`, which reads the cgroup limit and sets 90% of it.

## Options
None. Go images the recognition misses go in the top-level `go-images` list of
`.startup-lint.toml`.
"""


def check_manifests(manifests: ProjectManifests, options):
    for container in manifests.go_containers:
        limit = container.limits_memory
        if limit is None or manifests.memory_limit_source(container):
            continue
        variable = container.env.get("GOMEMLIMIT")
        told = "GOMEMLIMIT is off" if variable is not None else "no GOMEMLIMIT reaches it"
        unresolved = ""
        if container.unresolved_env_from:
            unresolved = f" (envFrom {', '.join(container.unresolved_env_from)} is not among the linted files)"
        yield Finding(RULE.id, f"{container.label} has a memory limit of {limit.text} that the Go runtime is not "
                               f"told: {told}{unresolved} and the code sets none; set GOMEMLIMIT to about 90% "
                               "of the limit", limit.location)


RULE = Rule(
    id="SL101",
    name="go-memory-limit-unset",
    level="warning",
    summary="Go container with a memory limit and no GOMEMLIMIT or memory limit in the code",
    description="A Kubernetes container that runs Go has a memory limit, but no GOMEMLIMIT reaches it and the Go "
                "code sets no memory limit: the collector does not know the limit and the heap can grow past it "
                "with garbage, so the container is OOMKilled.",
    help=HELP,
    tags=("kubernetes", "memory", "gc"),
    precision="high",
    check_manifests=check_manifests,
)
