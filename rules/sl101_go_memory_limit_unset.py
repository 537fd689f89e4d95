"""SL101 go-memory-limit-unset: a Go container with a memory limit the Go runtime is not told."""

from __future__ import annotations

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.rule import Finding, Rule

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


RULE = Rule.from_docs(__file__, check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION})
