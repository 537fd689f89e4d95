"""SL102 go-memory-limit-above-container-limit: GOMEMLIMIT that leaves no room under the container limit."""

from __future__ import annotations

from fractions import Fraction

from golint_startup.kube.manifests import MEMORY_LIMIT_REF, RECOGNITION, ProjectManifests
from golint_startup.kube.quantity import QuantityError, go_memory_limit, go_memory_limit_text, kubernetes_bytes
from golint_startup.rule import Finding, Option, Rule

def check_manifests(manifests: ProjectManifests, options):
    min_headroom = Fraction(options["min-headroom"], 100)
    for container in manifests.go_containers:
        variable = container.env.get("GOMEMLIMIT")
        if variable is None:
            continue
        if variable.source == MEMORY_LIMIT_REF and variable.divisor not in ("", "1", "0"):  # "0": unset
            yield Finding(RULE.id, f"GOMEMLIMIT of {container.label} is limits.memory divided by "
                                   f"{variable.divisor}: a bare number, which Go reads as bytes; drop the divisor",
                          variable.location, level="error")
            continue
        if variable.value is None:
            continue
        try:
            go_limit = go_memory_limit(variable.value.text)
        except QuantityError as err:
            yield Finding(RULE.id, f"GOMEMLIMIT of {container.label}: {err}", variable.value.location, level="error")
            continue
        if go_limit is None or container.limits_memory is None:
            continue
        try:
            limit = kubernetes_bytes(container.limits_memory.text)
        except QuantityError as err:
            yield Finding(RULE.id, f"GOMEMLIMIT of {container.label} cannot be compared with limits.memory: {err}",
                          variable.value.location, level="warning")
            continue
        if limit <= 0:
            continue
        if go_limit >= limit:
            yield Finding(RULE.id, f"GOMEMLIMIT {variable.value.text} of {container.label} is at or above its memory "
                                   f"limit {container.limits_memory.text}: the kernel kills the container before "
                                   f"the collector reacts; set about {go_memory_limit_text(limit * 9 / 10)}",
                          variable.value.location, level="error")
        elif (limit - go_limit) / limit < min_headroom:
            yield Finding(RULE.id, f"GOMEMLIMIT {variable.value.text} of {container.label} leaves "
                                   f"{float((limit - go_limit) / limit):.1%} of its memory limit "
                                   f"{container.limits_memory.text} for memory outside the Go heap "
                                   f"(min-headroom {options['min-headroom']}%); set at most "
                                   f"{go_memory_limit_text(limit * (1 - min_headroom))}",
                          variable.value.location, level="warning")


RULE = Rule.from_docs(
    __file__,
    options=(Option("min-headroom", 5, "smallest headroom under the container's memory limit, in percent"),),
    check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION},
)
