"""SL101 go-memory-limit-unset: a Go container with a memory limit the Go runtime is not told."""

from __future__ import annotations

import os
from dataclasses import replace

from golint_startup.kube.manifests import RECOGNITION, Container, ProjectManifests
from golint_startup.rule import Finding, Rule
from golint_startup.words import words

_WEBHOOK_WORDS = frozenset({"webhook", "webhooks"})


def _admission_webhook(container: Container) -> bool:
    """Whether the container, its workload or its program has `webhook` as a word of its name
    (`webhook`, `webhook-server`, `operator-webhook`, `proxy_webhooks`)."""
    names = (container.name, container.workload_name, os.path.basename(container.go_dir or ""))
    return any(not _WEBHOOK_WORDS.isdisjoint(words(name)) for name in names)


def check_manifests(manifests: ProjectManifests, options):
    # A Job's one run has no startup before serving, and its limit is seldom near its heap;
    # an admission webhook's heap is one review at a time, far below its limit; another
    # project's program may set a limit in code that is not here; a Go before 1.19 has none.
    unset = [c for c in manifests.go_containers
             if c.limits_memory is not None and not c.runs_once and not _admission_webhook(c)
             and c.built_elsewhere is None and not manifests.runtime_predates_memory_limit(c)
             and not manifests.memory_limit_source(c)]
    # Copies of one container (a kustomize base and a raw install file, a variant with another
    # limit, an overlay's output that adds a variable) are one finding, whatever their
    # limits: one change to how the image or the chart sets GOMEMLIMIT covers them all.
    for container, *others in manifests.copies(unset, lambda c: (), same_env=False):
        limit = container.limits_memory
        variable = container.env.get("GOMEMLIMIT")
        told = "GOMEMLIMIT is off" if variable is not None else "no GOMEMLIMIT reaches it"
        unresolved = ""
        if container.unresolved_env_from:
            unresolved = f" (envFrom {', '.join(container.unresolved_env_from)} is not among the linted files)"
        yield Finding(RULE.id, f"{container.label} has a memory limit of {limit.text} that the Go runtime is not "
                               f"told: {told}{unresolved} and the code sets none; set GOMEMLIMIT to about 90% "
                               "of the limit", limit.location,
                      related=tuple(replace(c.limits_memory.location, message="the same container" + (
                          f" (limit {c.limits_memory.text})" if c.limits_memory.text != limit.text else ""))
                          for c in others))


RULE = Rule.from_docs(__file__, check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION})
