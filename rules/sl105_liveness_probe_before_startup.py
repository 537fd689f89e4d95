"""SL105 liveness-probe-before-startup: a liveness probe that starts probing a Go service at once."""

from __future__ import annotations

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.rule import Finding, Option, Rule

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


RULE = Rule.from_docs(
    __file__,
    options=(Option("min-initial-delay", 5, "smallest initialDelaySeconds of a liveness probe without a "
                                            "startup probe, in seconds"),),
    check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION},
)
