"""SL101 go-memory-limit-unset: a Go container with a memory limit the Go runtime is not told."""

from __future__ import annotations

import os
from dataclasses import replace

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.rule import Finding, Rule

def check_manifests(manifests: ProjectManifests, options):
    # A container copied into several manifests (a kustomize base and a raw install file of
    # the same Deployment, whatever its image, which kustomize's `images:` may rename, or the
    # DaemonSet offered instead) is one finding, at the copy a kustomization sits beside, else
    # one that runs no script, else the first by path; the others related.
    copies: dict[tuple, list] = {}
    for container in manifests.go_containers:
        limit = container.limits_memory
        if limit is None or manifests.memory_limit_source(container):
            continue
        name = container.workload.split("/", 1)[-1]  # Deployment or DaemonSet: two ways to install one thing
        key = (name, container.name, container.init, limit.text,
               tuple(sorted((name, v.value.text if v.value is not None else None) for name, v in container.env.items())))
        copies.setdefault(key, []).append(container)
    for found in copies.values():
        # Shown at a copy that runs the program itself rather than a script of the image
        # (multus-cni's legacy /entrypoint.sh variant).
        found.sort(key=lambda c: (not _beside_kustomization(manifests, c), _runs_a_script(c),
                                  c.limits_memory.location.path))
        container, others = found[0], found[1:]
        limit = container.limits_memory
        variable = container.env.get("GOMEMLIMIT")
        told = "GOMEMLIMIT is off" if variable is not None else "no GOMEMLIMIT reaches it"
        unresolved = ""
        if container.unresolved_env_from:
            unresolved = f" (envFrom {', '.join(container.unresolved_env_from)} is not among the linted files)"
        yield Finding(RULE.id, f"{container.label} has a memory limit of {limit.text} that the Go runtime is not "
                               f"told: {told}{unresolved} and the code sets none; set GOMEMLIMIT to about 90% "
                               "of the limit", limit.location,
                      related=tuple(replace(c.limits_memory.location, message="the same container") for c in others))


def _runs_a_script(container) -> bool:
    return bool(container.command) and container.command[0].endswith(".sh")


def _beside_kustomization(manifests: ProjectManifests, container) -> bool:
    directory = os.path.dirname(manifests.abspaths.get(container.limits_memory.location.path, ""))
    return bool(directory) and any(os.path.exists(os.path.join(directory, name))
                                   for name in ("kustomization.yaml", "kustomization.yml", "Kustomization"))


RULE = Rule.from_docs(__file__, check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION})
