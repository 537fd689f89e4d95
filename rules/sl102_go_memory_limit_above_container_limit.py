"""SL102 go-memory-limit-above-container-limit: GOMEMLIMIT that leaves no room under the container limit."""

from __future__ import annotations

from fractions import Fraction

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.kube.quantity import QuantityError, go_memory_limit, go_memory_limit_text, kubernetes_bytes
from golint_startup.rule import Finding, Option, Rule

HELP = f"""\
## What it does
Compares a Go container's literal `GOMEMLIMIT` (in `env`, or in a ConfigMap or Secret it
reads through `envFrom`, `configMapKeyRef` or `secretKeyRef`, found among the linted
files) with its `resources.limits.memory`, and reports the `GOMEMLIMIT` value:
- as an **error** when it is at or above the container's limit;
- as a **warning** when the headroom it leaves is below `min-headroom` percent of the
  limit (default 10: a 512Mi limit wants `GOMEMLIMIT` at or below 460MiB);
- as an **error** when the value is not Go's syntax: Go reads only a whole number with
  `B`, `KiB`, `MiB`, `GiB`, `TiB` or no unit (bytes), or `off`; Kubernetes' `512Mi`,
  `1G`, `1.5GiB` or `512MB` make the runtime stop at startup with
  `malformed GOMEMLIMIT`, in every replica;
- as an **error** when it comes from a `resourceFieldRef` of `limits.memory` with a
  `divisor` other than 1: Kubernetes then writes a bare number of MiB (or GiB...), which
  Go reads as bytes, so the limit is a few hundred bytes and the collector runs without
  pause.

A `resourceFieldRef` without a divisor gives exactly the container's limit; it is not
reported (SL101 counts it as told), though it leaves no headroom.

{RECOGNITION}
## Why it matters at startup
`GOMEMLIMIT` limits the memory the Go runtime manages (heap, goroutine stacks, runtime
metadata). The container's limit counts what the process uses besides: memory allocated
by C code (cgo), memory the program maps itself, the threads' system stacks. With `GOMEMLIMIT` at or above the
container's limit, the kernel kills the process before the collector ever works harder, so
the setting does nothing. The Go GC guide advises a limit with 5-10% of headroom; 10% is the
default here because a service's startup (TLS, connection pools, decoders' buffers) is
when memory outside the heap is largest.

## Example
```yaml
env:
  - name: GOMEMLIMIT
    value: 512MiB         # SL102 error: at the limit
resources:
  limits:
    memory: 512Mi
```

## How to fix
Set `GOMEMLIMIT` below the limit, with headroom: `460MiB` for `512Mi`, or compute it in
the code from the cgroup limit (automemlimit sets 90% of it).

## Options
- `min-headroom` (default `10`): the smallest headroom, in percent of the container's
  memory limit, that `GOMEMLIMIT` must leave before a warning. None of the 238
  containers in the manifests of microservices-demo, argo-cd, kube-thanos, metrics-server
  and descheduler sets `GOMEMLIMIT`, so there is no practice to measure; 10 is
  automemlimit's default ratio (0.9 of the cgroup limit) and the upper end of the Go GC
  guide's advice.
"""


def check_manifests(manifests: ProjectManifests, options):
    min_headroom = Fraction(options["min-headroom"], 100)
    for container in manifests.go_containers:
        variable = container.env.get("GOMEMLIMIT")
        if variable is None:
            continue
        if variable.source == "resourceFieldRef:limits.memory" and variable.divisor not in ("", "1"):
            yield Finding(RULE.id, f"GOMEMLIMIT of {container.label} is limits.memory divided by "
                                   f"{variable.divisor}: a bare number, which Go reads as bytes; drop the divisor",
                          variable.location, level="error")
            continue
        if variable.value is None:
            continue
        try:
            go_limit = go_memory_limit(variable.value.text)
        except QuantityError as err:
            yield Finding(RULE.id, f"GOMEMLIMIT of {container.label}: {err}", variable.value.location, level="error")
            continue
        if go_limit is None or container.limits_memory is None:
            continue
        try:
            limit = kubernetes_bytes(container.limits_memory.text)
        except QuantityError as err:
            yield Finding(RULE.id, f"GOMEMLIMIT of {container.label} cannot be compared with limits.memory: {err}",
                          variable.value.location, level="warning")
            continue
        if limit <= 0:
            continue
        if go_limit >= limit:
            yield Finding(RULE.id, f"GOMEMLIMIT {variable.value.text} of {container.label} is at or above its memory "
                                   f"limit {container.limits_memory.text}: the kernel kills the container before "
                                   f"the collector reacts; set about {go_memory_limit_text(limit * 9 / 10)}",
                          variable.value.location, level="error")
        elif (limit - go_limit) / limit < min_headroom:
            yield Finding(RULE.id, f"GOMEMLIMIT {variable.value.text} of {container.label} leaves "
                                   f"{float((limit - go_limit) / limit):.1%} of its memory limit "
                                   f"{container.limits_memory.text} for memory outside the Go heap "
                                   f"(min-headroom {options['min-headroom']}%); set at most "
                                   f"{go_memory_limit_text(limit * (1 - min_headroom))}",
                          variable.value.location, level="warning")


RULE = Rule(
    id="SL102",
    name="go-memory-limit-above-container-limit",
    level="error",
    summary="GOMEMLIMIT at or above the container's memory limit, without headroom, or malformed",
    description="A Go container's GOMEMLIMIT is at or above its Kubernetes memory limit (error), leaves less than "
                "min-headroom of it for memory outside the Go heap (warning), or is not Go's syntax, which stops "
                "the runtime at startup (error).",
    help=HELP,
    options=(Option("min-headroom", 10, "smallest headroom under the container's memory limit, in percent"),),
    tags=("kubernetes", "memory", "gc"),
    precision="very-high",
    check_manifests=check_manifests,
)
