"""SL104 memory-request-below-limit: a Go container requesting much less memory than its limit."""

from __future__ import annotations

from fractions import Fraction

from golint_startup.kube.manifests import RECOGNITION, ProjectManifests
from golint_startup.kube.quantity import QuantityError, kubernetes_bytes
from golint_startup.rule import Finding, Option, Rule

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


RULE = Rule.from_docs(
    __file__,
    options=(Option("min-request-ratio", 0.6, "smallest ratio of memory request to memory limit not reported"),),
    check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION},
)
