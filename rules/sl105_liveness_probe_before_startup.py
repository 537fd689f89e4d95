"""SL105 liveness-probe-before-startup: a liveness probe that starts probing a Go service at once."""

from __future__ import annotations

from dataclasses import replace

from golint_startup.kube import go_code
from golint_startup.kube.manifests import RECOGNITION, ProjectManifests, copy_message
from golint_startup.rule import Finding, Option, Rule

def check_manifests(manifests: ProjectManifests, options):
    budget = options["min-restart-budget"]
    # Another owner's release vendored into the tree (zenith-operator ships knative eventing's
    # manifests) is fixed upstream; a project's own org's release data (knative operator's) is not.
    # Only a program held back before it serves (go_code.STARTUP_WAITS) can miss a short window:
    # one that opens its health port and reads its config answers within a second. A program
    # built elsewhere (its image names its Go package) may be either.
    candidates = [c for c in manifests.go_containers
                  if c.liveness_probe is not None and not c.startup_probe and c.liveness_restart_after < budget
                  and not c.built_by_another_owner]
    waits = {id(c): manifests.startup_wait(c) for c in candidates}
    early = [c for c in candidates if (waits[id(c)] or c.built_elsewhere) and not _standbys_answer(c, waits[id(c)])]
    # Copies of one container (a release's variants of one install, whatever their variables:
    # kube-router's daemonsets, one per feature set) are one finding.
    for container, *others in manifests.copies(early, lambda c: (c.liveness_initial_delay, c.liveness_restart_after),
                                               same_env=False):
        delay = container.liveness_initial_delay
        wait = waits[id(container)]
        yield Finding(RULE.id, f"liveness probe of {container.label} restarts it unless it answers within "
                               f"{container.liveness_restart_after}s of starting (initialDelaySeconds {delay}, "
                               f"then {container.liveness_restart_after - delay}s of failed probes; min-restart-budget "
                               f"{budget}s) and has no startupProbe"
                               f"{f', while its program runs {wait}' if wait else ''}: a slower start (a lease "
                               "held by a pod being replaced, CPU throttling, a larger cluster to list) is "
                               "killed and restarted in a loop; add a startupProbe",
                      container.liveness_probe,
                      related=tuple(replace(c.liveness_probe, message=copy_message(container, c)) for c in others))


# client-go's leader election leaves the program its order: a Deployment of several replicas
# whose standbys waited for the lease before their health endpoint answered would restart them
# in a loop from its first install, so one shipped so opens it first (agones' controller,
# replicas 2: "has to be started earlier because it contains the health check"; its finding was
# read as wrong). One replica waits only for a replaced pod's lease, during a rollout.
_LEADER_ELECTION_WAIT = go_code.STARTUP_WAITS[go_code.CLIENT_GO_LEADER_ELECTION]


def _standbys_answer(container, wait: str | None) -> bool:
    """Whether the container's program waits (`wait`) only for client-go's leader election, in
    a workload of several replicas (see above)."""
    return (container.replicas or 1) > 1 and wait == _LEADER_ELECTION_WAIT


RULE = Rule.from_docs(
    __file__,
    options=(Option("min-restart-budget", 30, "seconds from a container's start to its restart by a liveness probe "
                                              "that fails every time, below which a probe without a startup probe "
                                              "is reported"),),
    check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION},
)
