"""SL101 go-memory-limit-unset: a Go container with a memory limit the Go runtime is not told."""

from __future__ import annotations

import os
from dataclasses import replace

from golint_startup.kube.go_code import CONTROLLER_RUNTIME, Framework, bounded_heap_mib
from golint_startup.kube.manifests import RECOGNITION, Container, ProjectManifests, copy_message
from golint_startup.kube.quantity import QuantityError, kubernetes_bytes
from golint_startup.rule import Finding, Option, Rule
from golint_startup.words import listing, words

_WEBHOOK_WORDS = frozenset({"webhook", "webhooks"})
_OPERATOR_WORDS = frozenset({"operator", "operators", "controller", "controllers"})
_CNI_BIN = "/opt/cni/bin"


def _admission_webhook(manifests: ProjectManifests, container: Container) -> bool:
    """Whether the container is named for a webhook (_named_for_a_webhook), or its program
    handles admission reviews and keeps no cluster-wide cache (k8s-metadata-injection's)."""
    return _named_for_a_webhook(container) or (
        manifests.reviews_admissions(container) and not manifests.keeps_cluster_objects(container))


def _named_for_a_webhook(container: Container) -> bool:
    """Whether the nearest name that says webhook or controller says webhook (_names_a_webhook):
    the container's, then its workload's, then its program directory's. zen-lock's one program,
    cmd/webhook, runs as Deployment/zen-lock-controller's container `controller` with
    `--enable-webhook=false`: a controller caching the cluster's Secrets. A chart's name says
    webhook but not controller: an operator's chart holds its webhook too."""
    names = ((container.name, True), (container.workload_name, container.chart is None),
             (os.path.basename(container.go_dir or ""), True))
    for name, may_say_controller in names:
        if _names_a_webhook(name):
            return True
        if may_say_controller and _names_a_controller(name):
            return False
    return False


def _names_a_controller(name: str) -> bool:
    """Whether a name has an operator's or a controller's word and names no webhook
    (`zen-lock-controller`, `webhook-operator`; not `controller-webhook`)."""
    return not _OPERATOR_WORDS.isdisjoint(words(name)) and not _names_a_webhook(name)


def _names_a_webhook(name: str) -> bool:
    """Whether `webhook` is a word of a name (`webhook`, `webhook-server`, `operator-webhook`,
    `proxy_webhooks`, `sidecar-injector-webhook-deployment`), not followed by an operator's or a
    controller's: `k8s-webhook-operator` is an operator (its chart, named for it, was taken for
    a webhook's and left out, its scaffold's copy reported in its place)."""
    named = words(name)
    last = max((i for i, word in enumerate(named) if word in _WEBHOOK_WORDS), default=None)
    return last is not None and _OPERATOR_WORDS.isdisjoint(named[last + 1:])


def _limit_over_request(container: Container) -> float:
    """How many times its memory request the container's limit is (1 when no request is set:
    Kubernetes then asks for the limit; 0 when either is not a quantity; infinite for a request
    of 0, which asks for nothing: model-csi-driver's chart asks 0 of 1Gi, read as not worth a
    change when reported)."""
    if container.requests_memory is None:
        return 1.0
    try:
        request = kubernetes_bytes(container.requests_memory.text)
        limit = kubernetes_bytes(container.limits_memory.text)
    except QuantityError:
        return 0
    if request < 0:
        return 0
    return float(limit / request) if request else float("inf")


def _limit_bytes(container: Container) -> int | None:
    """The container's memory limit in bytes; None when it cannot be read."""
    try:
        return kubernetes_bytes(container.limits_memory.text)
    except QuantityError:
        return None


def _limit_too_small(container: Container, smallest_mib: int) -> bool:
    """Whether the container's limit is below the smallest one a soft limit can help: the Go
    runtime of a Kubernetes controller takes much of it before its program does any work."""
    limit = _limit_bytes(container)
    return limit is not None and limit < smallest_mib * 2**20


# A limit at or below which a cluster-wide cache may outgrow it on its own: 256 MiB holds about
# 17,000 Pods of 14.7 KiB each (bench/objectsize), a large cluster's.
_SMALL_FOR_A_CLUSTER_CACHE_MIB = 256


# What the Go runtime of a controller holds before it lists anything (bench/controller-baseline).
_RUNTIME_BASELINE_MIB = 17


def _bounded_cache_fits(manifests: ProjectManifests, container: Container) -> bool:
    """Whether the container's program keeps objects only in controller-runtime's cache of
    written kinds, or only in client-go informers of known kinds (node-feature-discovery's
    garbage collector: Nodes' metadata), whose heap is bounded at the scale Kubernetes is tested to
    (go_code.BOUNDED_KIND_HEAPS_MIB), and its limit is at least twice that heap and the
    runtime's baseline: the collector's default pacing (a heap up to twice what is live) keeps
    it within the limit on the largest cluster."""
    cache = manifests.cluster_cache(container)
    if cache is None or manifests.framework_cache(container):
        return False
    if cache == CONTROLLER_RUNTIME and manifests.caches_written_kinds_only(container):
        kinds = manifests.growing_kinds(container)
    elif cache != CONTROLLER_RUNTIME and (informed := manifests.informed_kinds(container)) is not None:
        kinds = tuple(informed)
    else:
        return False
    most = bounded_heap_mib(kinds) if kinds else None
    limit = _limit_bytes(container)
    return most is not None and limit is not None and limit >= 2 * (_RUNTIME_BASELINE_MIB + most) * 2**20


def _framework_kinds(framework: Framework | None, container: Container) -> tuple[str, ...]:
    """The kinds `framework`, which the container's program runs, caches, of those its account
    may list when that is known: a cache holds only what it may list."""
    listed = container.cluster_listed_kinds
    return tuple(k for k in framework.kinds if listed is None or k in listed) if framework else ()


def _far_below_limit(manifests: ProjectManifests, container: Container, ratio: float) -> bool:
    """Whether the container's program stays far below its limit: a controller whose cache
    holds only custom resources and small kinds, near the runtime's baseline whatever the
    cluster, or kinds of a bounded heap under a limit that fits it twice (_bounded_cache_fits);
    or one that keeps no cluster-wide cache of Kubernetes objects, asking for a small part of
    its limit: nothing in it grows with the cluster, and the collector's default pacing (a heap
    up to twice what is live) stays far below the limit."""
    return manifests.caches_only_small_kinds(container) or _bounded_cache_fits(manifests, container) or (
        0 < ratio <= _limit_over_request(container) and not manifests.keeps_cluster_objects(container))


def _small_as_its_sources(manifests: ProjectManifests, bundles: list[Container], sources: list[Container],
                          ratio: float) -> bool:
    """Whether every one of `bundles` is an OLM bundle's container whose program stays far below
    its limit (_far_below_limit) under the permissions of each copy it may be written from."""
    return all(bundle.bundle and _far_below_limit(manifests, replace(bundle, cluster_listed_kinds=source.cluster_listed_kinds),
                                                  ratio) for bundle in bundles for source in sources)


def _installs_a_cni_plugin(manifests: ProjectManifests, container: Container) -> bool:
    """Whether the container mounts the host's CNI plugin directory and runs a program that
    keeps no cluster-wide cache: it copies the plugin there and waits, and the plugin runs on
    the host, outside the container and its limit."""
    return any(mount.rstrip("/").endswith(_CNI_BIN) for mount in container.mounts) and \
        not manifests.keeps_cluster_objects(container)


def check_manifests(manifests: ProjectManifests, options):
    # A Job's one run has no startup before serving, and its limit is seldom near its heap;
    # an admission webhook's heap is one review at a time, far below its limit; so is a small
    # program's whose request is a small part of its limit, and a controller's that caches only
    # custom resources and small kinds; a kubebuilder scaffold whose project installs from a Helm repository's
    # chart is not what users run; no one changes a project its README calls retired; another project's program may
    # set a limit in code that is not here; a Go before 1.19 has none; a CNI plugin's installer
    # only copies the plugin to the host; under a tiny limit the fix is a larger limit.
    ratio = options["limit-over-request"]
    smallest = options["min-limit-mib"]
    small = [c for c in manifests.go_containers
             if c.limits_memory is not None and _far_below_limit(manifests, c, ratio)]
    left_out = {id(c) for c in small}
    unset = [c for c in manifests.go_containers
             if c.limits_memory is not None and id(c) not in left_out and not c.runs_once
             and not _admission_webhook(manifests, c) and c.built_elsewhere is None and c.installed_from is None
             and not c.unwritten_scaffold and c.retired_by is None
             and not manifests.runtime_predates_memory_limit(c) and not manifests.memory_limit_source(c)
             and not _installs_a_cni_plugin(manifests, c)]
    # Copies of one container (a kustomize base and a raw install file, a variant with another
    # limit, an overlay's output that adds a variable) are one finding, whatever their
    # limits: one change to how the image or the chart sets GOMEMLIMIT covers them all.
    # The copy reported is what users install (a chart sorts first): when it sets no memory
    # limit, one too small for a soft limit to help, or one far above what its program needs
    # (_far_below_limit), nothing is, whatever its copy under config/ sets for `make deploy` (ACK's
    # charts ask 64Mi of 128Mi, their config/controller less of 300Mi).
    limitless_charts = [c for c in manifests.go_containers if c.chart is not None and c.limits_memory is None]
    small_charts = [c for c in small if c.chart is not None]
    # An OLM bundle is written from config/ (`make bundle`), its permissions too: one whose
    # program keeps little under the permissions of the copy it is written from is left out
    # (soteria's stale bundle lets its operator list every Pod, which its config/ does not: a
    # finding there was read as wrong), its own arguments and environment still counting.
    bundle_sources = [c for c in small if c.chart is None and not c.bundle] if any(c.bundle for c in unset) else []
    source_ids = {id(c) for c in bundle_sources}
    for group in manifests.copies(unset + limitless_charts + small_charts + bundle_sources, lambda c: (),
                                  same_env=False):
        kept = [c for c in group if id(c) not in source_ids]
        sources = [c for c in group if id(c) in source_ids]
        if not kept or id(group[0]) in source_ids and _small_as_its_sources(manifests, kept, sources, ratio):
            continue
        container, *others = kept
        limit = container.limits_memory
        if limit is None or id(container) in left_out or _limit_too_small(container, smallest):
            continue
        variable = container.env.get("GOMEMLIMIT")
        told = "GOMEMLIMIT is off" if variable is not None else \
            "no template of the chart sets GOMEMLIMIT" if container.chart is not None else "no GOMEMLIMIT reaches it"
        unresolved = ""
        if container.unresolved_env_from:
            unresolved = f" (envFrom {', '.join(container.unresolved_env_from)} is not among the linted files)"
        cache = manifests.cluster_cache(container)
        # What it imports, builds and names is known, not what its cache holds: the message says so.
        kinds = manifests.growing_kinds(container) if cache == CONTROLLER_RUNTIME else ()
        informed = manifests.informer_kinds(container) if cache and cache != CONTROLLER_RUNTIME else ()
        named = f"; its code names {_kinds_named(kinds)}" if kinds else \
            f"; its code asks informers for {_kinds_named(informed)}" if informed else ""
        # A node's Pods scoped beside every Node: "no scoping was found" reads as a scoping missed
        # (a reader of k8s-hosting-platform's firewall reconciler said so).
        unscoped = "not every informer it builds is scoped whatever the flags" \
            if cache and cache != CONTROLLER_RUNTIME and manifests.informers_partly_scoped(container) else \
            "no scoping of these was found that applies whatever the flags (its cache options select other kinds)" \
            if kinds and manifests.manager_partly_scoped(container) else \
            "no scoping was found that applies whatever the flags"
        framework = manifests.framework_cache(container) if cache else None
        framework_kinds = _framework_kinds(framework, container)
        if framework_kinds:
            named += f"; it runs {framework.module}, which caches every {_kinds_named(framework_kinds, singular=True)}"
        grows = (f" (its program imports {cache}, whose cache of Kubernetes objects grows with the cluster unless "
                 f"scoped{named}, and {unscoped})") if cache else ""
        # A framework that sets its own soft limit from the container's limit is handed it
        # (karpenter-provider-cloudstack's reader asked for MEMORY_LIMIT, as upstream charts do).
        handed = f"hand the container's limit to {framework.limit_variable} (valueFrom: resourceFieldRef: " \
                 f"limits.memory), from which {framework.module} sets about 90% of it as the runtime's soft limit" \
            if framework is not None and framework.limit_variable else None
        related_more = []
        script = container.entrypoint_starting_several
        resizer = container.resized_by
        if script:
            fix = f"its image's {script} starts several programs: give each its share of about 90% of the limit " \
                  f"(GOMEMLIMIT set for each in {script})"
        elif resizer is not None:
            # A fixed GOMEMLIMIT would be wrong once the autoscaler changes the limit.
            fix = "a VerticalPodAutoscaler changes this limit: " + (handed or (
                "give the runtime about 90% of the limit the pod runs with (automemlimit, or debug.SetMemoryLimit "
                "from a resourceFieldRef of limits.memory)"))
        else:
            fix = handed or "set GOMEMLIMIT to about 90% of the limit"
            if container.generated_by is not None:
                # Set in the chart, it would be lost the next time helmify writes the chart
                # (readers of gitopssets-controller and dependencytrack-operator said so).
                fix = _fix_where_helmify_reads(manifests, container, others, fix)
                related_more.append(replace(container.generated_by.location, message="helmify writes the chart here"))
            if cache and (limit_bytes := _limit_bytes(container)) is not None and \
                    limit_bytes <= _SMALL_FOR_A_CLUSTER_CACHE_MIB * 2**20:
                # A cluster-wide cache of Pods or Secrets can outgrow such a limit in a large
                # cluster whatever the collector does; readers of k8s-governance-operator,
                # frp-operator and jupyter-kernel-controller (at 100-128Mi) asked for this advice
                # too. A framework's cache is not the program's to scope.
                scope = "raise the limit" if framework_kinds and not kinds else "scope the cache or raise the limit"
                fix += f", and {scope}: under a limit this small a cluster's objects can outgrow it, which no " \
                       "collector can help"
        related = [_copy_location(container, c) for c in others]
        related += related_more
        if resizer is not None:
            related.append(replace(resizer, message="the VerticalPodAutoscaler that changes the limit"))
        has = "each have" if container.several else "has"
        yield Finding(RULE.id, f"{container.label} {has} a memory limit of {limit.text} that the Go runtime is not "
                               f"told: {told}{unresolved} and the code sets none{grows}; {fix}", limit.location,
                      related=tuple(related))


def _fix_where_helmify_reads(manifests: ProjectManifests, container: Container, others: list[Container],
                             fix: str) -> str:
    """`fix` (setting GOMEMLIMIT) made in the manifests helmify writes the container's chart
    from, then the chart written again; or only written again, when they tell the limit."""
    generator = container.generated_by
    where = f"{generator.location.path}:{generator.location.line}"
    told = _told_copy_outside(manifests, container, generator)
    if told is not None and generator.holds(told.source.display):
        return f"write the chart again with helmify ({where}): the manifests it is generated from give GOMEMLIMIT " \
               f"to the container ({told.source.display})"
    if told is not None:
        return f"write the chart again with helmify ({where}) if it is written from {told.source.display}, which " \
               "gives the container GOMEMLIMIT"
    unknown = f"the manifests kustomize builds from {generator.built}" if generator.built else "the manifests"
    written_from = generator.reads or next(
        (c.source.display for c in others if c.chart is None and generator.holds(c.source.display) is not False),
        unknown)
    return f"{fix} in {written_from}, from which helmify generates the chart ({where}), then regenerate it"


def _told_copy_outside(manifests: ProjectManifests, container: Container, generator) -> Container | None:
    """A copy of a chart's container, among the manifests helmify writes the chart from (a
    HelmifyRun's, when known), that tells the runtime its limit."""
    told = [c for c in manifests.go_containers if c.chart is None and generator.holds(c.source.display) is not False
            and manifests.memory_limit_source(c)]
    if not told:
        return None
    group = next((g for g in manifests.copies([container, *told], lambda c: (), same_env=False)
                  if any(c is container for c in g)), [])
    return next((c for c in group if c is not container), None)


def _kinds_named(kinds: tuple[str, ...], most: int = 3, singular: bool = False) -> str:
    """`Pods, Secrets and ConfigMaps`, the first `most` of `kinds` (and how many more);
    `Pod, Node and DaemonSet` when `singular`."""
    names = ["objects' metadata" if kind == "PartialObjectMetadata" else
             kind if singular or kind.endswith("s") and not kind.endswith("ss") else
             kind + "es" if kind.endswith(("ss", "x")) else kind[:-1] + "ies" if kind.endswith("y") else kind + "s"
             for kind in kinds[:most]]
    if len(kinds) > most:
        names.append(f"{len(kinds) - most} more kind{'s' if len(kinds) - most > 1 else ''}")
    return listing(names)


def _copy_location(reported: Container, copy: Container):
    """Where a copy sets its limit (or its chart's `resources`, when they set none), saying so
    when its limit differs from the one reported."""
    if copy.limits_memory is None:
        return replace(copy.location, message=copy_message(reported, copy) + " (no memory limit)")
    differs = copy.limits_memory.text != reported.limits_memory.text
    return replace(copy.limits_memory.location, message=copy_message(reported, copy) + (
        f" (limit {copy.limits_memory.text})" if differs else ""))


RULE = Rule.from_docs(
    __file__,
    options=(Option("limit-over-request", 1.0,
                    "a program that keeps no cluster-wide cache of Kubernetes objects is not reported when its memory "
                    "limit is at least this many times its request (1: never reported; 0: always reported)"),
             Option("min-limit-mib", 100, "a memory limit below this many MiB is not reported: a Kubernetes "
                    "controller's process holds 28 MiB before it lists anything, the soft limit leaves its heap too "
                    "little room to pace, and the fix is a larger limit (0: always reported)")),
    check_manifests=check_manifests, snippets={"RECOGNITION": RECOGNITION})
