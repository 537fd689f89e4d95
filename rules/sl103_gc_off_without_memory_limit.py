"""SL103 gc-off-without-memory-limit: GOGC=off in a Go container with no memory limit for the runtime."""

from __future__ import annotations

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.rule import Finding, Rule

def check_manifests(manifests: ProjectManifests, options):
    for container in manifests.go_containers:
        gogc = container.gc_off
        if gogc is None:
            continue
        if manifests.memory_limit_source(container):
            continue
        yield Finding(RULE.id, f"GOGC={gogc.text} turns the collector off in {container.label} and no "
                               "memory limit is set (no GOMEMLIMIT, none in the code): nothing is freed until "
                               "the container is OOMKilled", gogc.location)


RULE = Rule.from_docs(__file__, check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION})
