"""SL104 memory-request-below-limit: a Go container whose runtime is told to fill more memory than it requests."""

from __future__ import annotations

from fractions import Fraction

from golint_startup.kube.manifests import MEMORY_LIMIT_REF, RECOGNITION, Container, ProjectManifests
from golint_startup.kube.quantity import QuantityError, go_memory_limit, kubernetes_bytes
from golint_startup.rule import Finding, Option, Rule


def _heap_target(container: Container) -> tuple[int, str] | None:
    """(bytes, how the manifest says it) of the memory the runtime fills before collecting:
    GOMEMLIMIT when GOGC is off (the collector then runs only near the limit); None when the
    heap follows the live data (GOGC on) or the limit is not known here."""
    variable = container.env.get("GOMEMLIMIT")
    if container.gc_off is None or variable is None:
        return None
    if variable.source == MEMORY_LIMIT_REF and container.limits_memory is not None:
        return kubernetes_bytes(container.limits_memory.text), f"GOMEMLIMIT (limits.memory, {container.limits_memory.text})"
    if variable.value is None:
        return None
    limit = go_memory_limit(variable.value.text)
    return (limit, f"GOMEMLIMIT {variable.value.text}") if limit else None


def check_manifests(manifests: ProjectManifests, options):
    ratio = Fraction(str(options["min-request-ratio"]))
    for container in manifests.go_containers:
        request = container.requests_memory
        if request is None:
            continue
        try:
            request_bytes = kubernetes_bytes(request.text)
            target = _heap_target(container)
        except QuantityError as err:
            yield Finding(RULE.id, f"memory of {container.label}: {err}", request.location)
            continue
        if target is None or target[0] <= 0 or request_bytes >= ratio * target[0]:
            continue
        yield Finding(RULE.id, f"memory request {request.text} of {container.label} is "
                               f"{float(request_bytes / target[0]):.0%} of the heap its runtime is told to fill: "
                               f"with GOGC=off the collector waits for {target[1]}, so the pod runs above its "
                               "request from startup on and is the first evicted when the node runs short; "
                               "request at least the memory limit the runtime is given, or lower it",
                      request.location)


RULE = Rule.from_docs(
    __file__,
    options=(Option("min-request-ratio", 1.0, "smallest ratio of memory request to the heap the runtime is "
                                              "told to fill (GOMEMLIMIT with GOGC=off) not reported"),),
    check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION},
)
