"""SL104 memory-request-below-limit: a Go container requesting much less memory than its limit."""

from __future__ import annotations

from fractions import Fraction

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.kube.quantity import QuantityError, kubernetes_bytes
from golint_startup.rule import Finding, Option, Rule

HELP = f"""\
## What it does
Reports the `resources.requests.memory` of a Go container in a Kubernetes manifest when
it is below `min-request-ratio` (default 0.6) of its `resources.limits.memory`. A
container with a limit and no request is not reported: Kubernetes then sets the request to
the limit. A quantity Kubernetes would reject is reported with the reason.

{RECOGNITION}
## Why it matters at startup
The scheduler places a pod by its requests, not its limits: it puts the pod on a node
whose allocatable memory minus the other pods' requests covers the request, so the
memory between request and limit is promised to nobody and may be in use by neighbors.
A Go service reaches its peak during startup (decoding configuration, filling caches,
with `GOMEMLIMIT` near the limit the heap may grow close to it before collecting hard). On a
packed node that memory may not be there: the kubelet, under memory pressure, evicts pods
whose usage exceeds their request first, and the kernel's OOM killer prefers containers of
Burstable pods (request below limit) over Guaranteed ones. A request close to the limit
makes the scheduler reserve what startup needs.

## Example
```yaml
resources:
  requests:
    memory: 64Mi          # SL104: 12% of the limit
  limits:
    memory: 512Mi
```

## How to fix
Request what the service uses at its startup peak (measure it: `container_memory_working_set_bytes`
during a rollout), at least `min-request-ratio` of the limit, or request the limit
itself (Guaranteed QoS when CPU matches too).

## Options
- `min-request-ratio` (default `0.6`): the smallest ratio of memory request to memory
  limit that is not reported. Measured on the manifests of microservices-demo, argo-cd,
  kube-thanos, metrics-server and descheduler: of 53 containers with both a memory
  request and a memory limit, 15 request 0.29 of the limit, 31 about half (0.49-0.5), 3
  request 0.6, 3 0.78 and 1 the whole limit. 0.6 reports the requests of half the limit
  or less, the usual copy-pasted template, and spares the rest.
"""


def check_manifests(manifests: ProjectManifests, options):
    ratio = Fraction(str(options["min-request-ratio"]))
    for container in manifests.go_containers:
        request, limit = container.requests_memory, container.limits_memory
        if request is None or limit is None:
            continue
        try:
            request_bytes, limit_bytes = kubernetes_bytes(request.text), kubernetes_bytes(limit.text)
        except QuantityError as err:
            yield Finding(RULE.id, f"memory of {container.label}: {err}", request.location)
            continue
        if limit_bytes > 0 and request_bytes < ratio * limit_bytes:
            yield Finding(RULE.id, f"memory request {request.text} of {container.label} is "
                                   f"{float(request_bytes / limit_bytes):.0%} of its limit {limit.text} "
                                   f"(min-request-ratio {options['min-request-ratio']}): the scheduler reserves "
                                   "only the request, and startup may need up to the limit", request.location)


RULE = Rule(
    id="SL104",
    name="memory-request-below-limit",
    level="note",
    summary="Go container whose memory request is far below its memory limit",
    description="A Go container requests much less memory than its limit: the scheduler reserves only the "
                "request, so the memory the service needs to start may not be there on a packed node.",
    help=HELP,
    options=(Option("min-request-ratio", 0.6, "smallest ratio of memory request to memory limit not reported"),),
    tags=("kubernetes", "memory", "scheduling"),
    precision="medium",
    check_manifests=check_manifests,
)
