"""What a Go program's own code tells the manifest rules about its memory: whether it keeps
Kubernetes objects in a cache that grows with the cluster (and whether it scopes that cache),
and whether it serves admission reviews (whether its code sets a memory limit:
code_memory_limits).

Read from import declarations and a few regular expressions over comment-free source, not
from parse trees: a program's closure spans hundreds of packages, and these facts are
spelled the same way in all of them.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable, Iterable, Iterator, NamedTuple

from golint_startup.go import modules, syntax

# --- what the Go code holds ---------------------------------------------------------------

# Packages that keep Kubernetes objects in a program's memory, listed from the API server as
# it starts and growing with the cluster: controller-runtime (its manager caches what its
# client reads), client-go's informers and their caches. Not a raw watch
# (`k8s.io/apimachinery/pkg/watch`), which streams events and keeps nothing itself: the two
# programs it alone named a cache of, caretta's and bk-bcs' cluster-resources (which sends each
# event on to a subscriber), were read as wrong.
CONTROLLER_RUNTIME = "sigs.k8s.io/controller-runtime"
# client-go's watch helpers keep what they list only in the informer that UntilWithSync and
# NewIndexerInformerWatcher start (SYNCED_WATCH); its retry watcher and Until stream events
# and keep nothing: k8s-ces-setup waits on its own resources with Until, and its 105Mi
# setup job was charged a cluster's cache (read as wrong).
WATCH_TOOLS = "k8s.io/client-go/tools/watch"
SYNCED_WATCH = re.compile(rb"(?<!func )\b(?:UntilWithSync|NewIndexerInformerWatcher\w*)\(")  # calls, not declarations
_CLUSTER_OBJECT_IMPORTS = (CONTROLLER_RUNTIME, "k8s.io/client-go/informers",
                           "k8s.io/client-go/tools/cache", "k8s.io/client-go/metadata/metadatainformer",
                           "k8s.io/client-go/dynamic/dynamicinformer",
                           WATCH_TOOLS,
                           # (not custom-metrics-apiserver, whose adapter serves what its provider
                           # keeps: keptn's metrics adapter holds its own KeptnMetrics, read as
                           # wrong when charged a cluster's cache)
                           # an API server's storage and its watch cache; not `k8s.io/apiserver/pkg/server`
                           # alone, which kubean's admission webhook imports for its signal handler,
                           # nor its feature gates; nor the REST interfaces and options' types
                           # (`pkg/registry/rest`, `pkg/registry/generic`) that handlers serving
                           # from other clients implement: appcat's API server, read as wrong; nor
                           # `pkg/server/options`, whose serving and delegated authentication
                           # kubevirt's virt-template API server takes, keeping nothing (read as
                           # wrong): a server storing objects imports the storage packages
                           # (API_SERVER_STORAGE: its stores may each bring their own storage,
                           # api_server_stores)
                           "k8s.io/apiserver/pkg/registry/generic/registry", "k8s.io/apiserver/pkg/storage",
                           "knative.dev/pkg/injection", "knative.dev/pkg/controller")
# Generated clients' informers and listers, any project's (istio's, apiextensions', a
# module's own `pkg/client/informers`), and knative-style injection packages.
_INFORMER_ELEMENTS = frozenset({"informers", "listers", "injection"})
# What scopes a controller-runtime cache to some namespaces, labels or fields rather than the
# whole cluster: its cache options (opendatahub's cloud managers select by label, nvidia
# k8s-ipam's node agent keeps its pools' namespace and its node's Pods) or its older
# multi-namespace builder. Not its per-kind `ByObject` selections, unless they select every
# kind watched (_BY_OBJECT): the kinds they leave out are cached whole (opendatahub's operator
# selects some kinds by label and caches the others it watches cluster-wide).
# Whatever the cache package is called (kubean's `controllercache.Config`). Set in the
# options or assigned in a `NewCache` function (ibm-spectrum-scale-csi's operator:
# `opts.DefaultNamespaces = map[string]cache.Config{...}`).
# `DefaultNamespaces` only as a literal map, other than all namespaces with no selector: a
# variable is often nil unless a flag names a namespace (cluster-api-provider-cloudstack's
# watchingNamespaces), which caches the whole cluster.
_SCOPED_CACHE = re.compile(rb"\bDefaultNamespaces\s*[:=]\s*map\[string\]\w+\.Config\{"
                           rb"(?!\s*\w+\.AllNamespaces\s*:\s*\{\s*\}\s*,?\s*\})"
                           rb"|\b(?:DefaultLabelSelector|DefaultFieldSelector)\s*[:=]"
                           rb"|\bMultiNamespacedCacheBuilder\("
                           # controller-runtime v0.15's `cache.Options{Namespaces: []string{ns}}`
                           # (octarine-operator's own namespace: read as wrong when called cluster-wide);
                           # not a pod affinity term's `Namespaces` (thanos-operator's)
                           rb"|\bcache\.Options\s*\{[^{}]*?\bNamespaces\s*:\s*\[\]string\s*\{"
                           rb"(?!\s*(?:\}|\"\"|\w+\.NamespaceAll\b))")
# Per-kind selections (`ByObject: map[client.Object]cache.ByObject{&corev1.Node{}: {Field:
# ...}}`) scope the cache when they select every kind the program's controllers watch
# (`For`, `Owns`, `Watches`, `source.Kind`), each written as a literal: kvm-node-agent selects
# its own node's Node and Hypervisor and one Secret, all it watches, and a finding calling its
# cache cluster-wide was read as wrong. A kind read only through the client is not seen.
# Written in the options, in a variable of the file they name (pocket-id-operator's `byObject`),
# or returned by a function of any package of the program (cozystack's securitygroup-controller
# takes `ByObject: sgc.CacheByObject()`, selecting its Pods by label: read as wrong when called
# cluster-wide). Before controller-runtime v0.15 the option was `SelectorsByObject` (carina's
# node agent selects its own Node and its node's Pods: read as wrong when called cluster-wide).
_BY_OBJECT = re.compile(rb"\b(?:(?:Selectors)?ByObject\s*:|[A-Za-z_]\w*\s*:?=|return)\s*"
                        rb"(?:map\[\w+\.Object\]\w+\.ByObject|\w+\.SelectorsByObject)\s*\{")
_BY_OBJECT_ENTRY = re.compile(rb"&(?:\w+\.)?(\w+)\{\}\s*:\s*\{")
# By label, field, or namespaces written out (harbor-workload-identity-bridge keeps the Secrets
# of its own namespace: `Namespaces: map[string]cache.Config{cfg.Namespace: {}}`).
_SELECTS = re.compile(rb"\b(?:Label|Field)\s*:|\bNamespaces\s*:\s*map\[string\]\w+\.Config\{(?!\s*\})"
                      rb"|\.(?:Label|Field)\s*=(?!=)")
# A call's first argument and its comma: `ctx, `, `context.TODO(), `, calls within calls three deep.
_LEADING_ARGUMENT = rb"(?:[^,()]|\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))*,\s*"
# A controller's watch of a kind (`For`, `Owns`, `Watches`, `source.Kind`), or an informer
# asked of the manager's cache for one (`mgr.GetCache().GetInformer(ctx, &v1.Pod{})`), which
# keeps that kind as a watch does.
_WATCHED = re.compile(rb"\.\s*(?:(?:For|Owns|Watches)\(\s*|GetInformer\(\s*" + _LEADING_ARGUMENT +
                      rb")(&?)(?:\w+\.)?(\w+)(\{?)"
                      rb"|\bsource\.Kind(?:\[[^\]]*\])?\([^,()]*(?:\(\))?\s*,\s*(&?)(?:\w+\.)?(\w+)(\{?)")
# What scopes a client-go informer or factory, in its construction's call or just before it:
# a namespace given to a factory, or list options that select (device-metrics-exporter's
# factory lists its own node's Pods; thundernetes' node agent its node's GameServers through
# `NewFilteredDynamicSharedInformerFactory`; kyverno-notation-aws' and registry-proxy's one
# Secret or ConfigMap through `NewFilteredSecretInformer`, `NewFilteredConfigMapInformer`), whatever
# the informers package is called (`kubeinformers`, a generated client's `extinformers`).
_INFORMER_SCOPING = re.compile(rb"\b\w*[iI]nformers\.WithNamespace\(|\b(?:FieldSelector|LabelSelector)\s*=")
# What lists one namespace or one node's objects: a dynamic client's resource in a namespace
# (`client.Resource(gvr).Namespace(ns)`: velero-dashboard's reflector), a ListWatch from a
# client of one namespace (`cache.NewListWatchFromClient(c, "pods", ns, ...)`), or a field
# selector of one value (`fields.OneTermEqualSelector("spec.nodeName", node)`). It scopes the
# construction it is written in, or whose call uses the name it is given (`resource :=
# client.Resource(gvr).Namespace(ns)`), not another one nearby.
_NAMED_NAMESPACE = rb"(?!\s*(?:\)|\"\"|\w+\.NamespaceAll\b))"  # not empty, not all of them
# A typed informer of one kind built with its namespace and list options, and a namespace
# argument that names one.
_TYPED_FILTERED_INFORMER = re.compile(rb"NewFiltered[A-Z]\w*Informer")
# client-go's typed informer of one kind (`coreinformers.NewPodInformer(client, namespace,
# resync, indexers)`, or `NewFilteredPodInformer(..., tweak)`), its kind in its name. Without
# list options it takes its namespace second too (gke-prober's
# `appsv1.NewDaemonSetInformer(cs, metav1.NamespaceSystem, 0, indexers)`), in four arguments
# (five with list options); of a kind without namespaces, one fewer. A generated client's of
# the same name is read as _TYPED_FILTERED_INFORMER says.
_KIND_INFORMER = rb"New(?:Filtered)?([A-Z]\w*)Informer"
_KIND_INFORMER_CALL = re.compile(rb"\b(\w+)\." + _KIND_INFORMER + rb"\(")
_CLIENT_GO_KIND_INFORMERS = re.compile(rb"k8s\.io/client-go/informers/\w+/v\w+")
# Those of Kubernetes' kinds without a namespace (client-go's, apiextensions', the
# aggregator's informers, or a dot import's), whose second argument is the resync period
# (`NewFilteredNodeInformer(client, 0, indexers, tweak)`); another project's generated
# `IPAddress` may be namespaced.
_KUBERNETES_OWN_OR_DOT = re.compile(rb"k8s\.io/|$")
_CLUSTER_SCOPED_INFORMER = re.compile(
    rb"NewFiltered(?:Node|Namespace|PersistentVolume|ClusterRole|ClusterRoleBinding|StorageClass|CSINode|CSIDriver"
    rb"|VolumeAttachment|CertificateSigningRequest|ValidatingWebhookConfiguration|MutatingWebhookConfiguration"
    rb"|PriorityClass|CustomResourceDefinition|RuntimeClass|IngressClass|APIService|ComponentStatus|ResourceSlice"
    rb"|DeviceClass|FlowSchema|PriorityLevelConfiguration|ValidatingAdmissionPolicy(?:Binding)?"
    rb"|MutatingAdmissionPolicy(?:Binding)?|VolumeAttributesClass|IPAddress|ServiceCIDR|ClusterTrustBundle"
    rb"|StorageVersion(?:Migration)?|PodSecurityPolicy)Informer")
# Filtered factories and dynamic or metadata informers, given the namespace as their third
# argument, and one that names a namespace whatever the flags: written out (a string, or
# apimachinery's `metav1.NamespaceSystem`), or an object's own (`obj.GetNamespace()`; a getter
# of a flag's namespace would pass too, which no program read so far has). A variable or a
# field may hold a flag's "", all of them (spicedb-operator's `ns`).
_FACTORY_GIVEN_NAMESPACE = re.compile(rb"(?:Must)?NewFiltered(?:Dynamic)?SharedInformerFactory"
                                      rb"|NewFiltered(?:Dynamic|Metadata)Informer")
_OBJECTS_NAMESPACE_ARGUMENT = re.compile(rb"\s*(?:\"[^\"\n]+\"|\w+\.Namespace(?:System|Default|Public|NodeLease)"
                                         rb"|(?:\w+\.)+GetNamespace\(\))\s*,")
_NAMED_NAMESPACE_ARGUMENT = re.compile(rb"\s*" + _NAMED_NAMESPACE + rb"(?:\"[^\"\n]+\"|(?:\w+\.)*\w+(?:\(\))?)\s*,")
_ONE_NAMESPACE = re.compile(rb"\.Resource\([^()]*\)\s*\.\s*Namespace\(" + _NAMED_NAMESPACE +
                            rb"|\bNew(?:Filtered)?ListWatchFromClient\((?:[^,()]|\([^()]*\))*,[^,]*," + _NAMED_NAMESPACE +
                            rb"|\bfields\.OneTermEqualSelector\(")
# In a ListWatch literal's functions, a typed client's list or watch of one namespace's objects
# (madock8s' `ListFunc` returns `Deployments(namespace).List(options)`); not an event handler's
# list beside it in the informer's call.
_TYPED_ONE_NAMESPACE = re.compile(rb"\.\s*(?!Resource\()[A-Z]\w*s\(" + _NAMED_NAMESPACE +
                                  rb"(?:[^()\n]|\([^()\n]*\))*\)\s*\.\s*(?:List|Watch)\(")
_LIST_WATCH_LITERAL = re.compile(rb"\bListWatch\s*\{")


# client-go's event handlers written as a literal (`cache.ResourceEventHandlerFuncs{AddFunc: ...}`,
# `cache.FilteringResourceEventHandler{...}`).
_EVENT_HANDLER_LITERAL = re.compile(rb"\b\w*ResourceEventHandler\w*\s*\{")


def _event_handlers(code: bytes, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the event handler literals written between `start` and `end`, read with
    their strings blanked."""
    text = literals_blanked(code[start:end])
    return [(start + found.start(), start + closing(text, found.end() - 1, b"{}"))
            for found in _EVENT_HANDLER_LITERAL.finditer(text)]


def _in_list_watch_literals(code: bytes, pattern: re.Pattern[bytes], start: int, end: int) -> list[re.Match]:
    """The matches of `pattern` in the `ListWatch{...}` literals written between `start` and `end`."""
    return [found for literal in _LIST_WATCH_LITERAL.finditer(code, start, end)
            for found in pattern.finditer(code, literal.end(), closing(code, literal.end() - 1, b"{}"))]


# The name a line gives what it writes (`resource := `, `lw, err = `).
_ASSIGNED_NAME = re.compile(rb"[ \t]*([A-Za-z_]\w*)(?:\s*,\s*\w+)*\s*:?=(?!=)")
_MAX_CALL_BYTES = 2048
# `DefaultNamespaces: watched`, where the same file declares `watched` with a map written out
# with namespaces in it (ocs-operator's operator and storage-client namespaces); a variable
# declared without one, and given one only when a flag names a namespace, is often nil
# (cluster-api-provider-rke2's `watchNamespaces`; see _SCOPED_CACHE).
_NAMESPACES_VARIABLE = re.compile(rb"\bDefaultNamespaces\s*[:=]\s*([A-Za-z_]\w*)\s*[,}\n;]")
_NAMESPACES_MAP = rb"(?:\b%(name)s\s*:?=|\bvar\s+%(name)s\s*=)\s*map\[string\]\w+\.Config\{(?!\s*\}|\s*\w+\.AllNamespaces\b)"
# Or one the file gives a namespace outside a loop and a flag's `if` (ceph-csi-operator's
# operator namespace: `defaultNamespaces[operatorNamespace] = cache.Config{}`). In a loop over
# a flag's list, the map stays empty, the whole cluster, when the flag names none.
# The key may index a list itself (nifikop's `configMap[namespaceList[i]] = cache.Config{}`).
_NAMESPACE_ENTRY = rb"\b%(name)s\[(?:[^\[\]\n]|\[[^\]\n]*\])+\]\s*=\s*\w+\.Config\{"
# `DefaultNamespaces: watchNamespaces(raw)`, a function of the file that makes the map
# (_MAP_MADE) and fills it in like a variable (percona-valkey-operator's, one entry per
# namespace of its WATCH_NAMESPACE, nil when that is empty).
_NAMESPACES_MADE_EMPTY = re.compile(rb"\bDefaultNamespaces\s*[:=]\s*(?:make\(map\[string\]\w+\.Config\b|"
                                    rb"map\[string\]\w+\.Config\{\s*\})")
_NAMESPACES_CALL = re.compile(rb"\bDefaultNamespaces\s*[:=]\s*([A-Za-z_]\w*)\(")
_MAP_MADE = re.compile(rb"\b([A-Za-z_]\w*)\s*:=\s*(?:map\[string\]\w+\.Config\{|make\(map\[string\]\w+\.Config\b)")


# knative's filtered informer factory given label selectors (knative operator's main:
# `kubefilteredfactory.WithSelectors(ctx, servingSelector, eventingSelector)`): the Kubernetes
# informers of its `.../filtered` packages list only the objects so labelled, one scoping for
# them all; each of knative's unfiltered ones is a cache of its own (see knative_informers).
# The operator's finding called its cache cluster-wide: read as wrong.
KNATIVE_KUBE_INFORMERS = "knative.dev/pkg/client/injection/kube/informers/"
KNATIVE_FILTERED_FACTORY = (KNATIVE_KUBE_INFORMERS + "factory/filtered").encode()
_KNATIVE_SELECTORS = re.compile(rb"\b(\w+)\.WithSelectors\(")


def knative_informers(import_paths: Iterable[str]) -> int:
    """How many caches the knative informers of Kubernetes kinds among `import_paths` are,
    each started by sharedmain once imported (`_` too): one per unfiltered kind
    (`.../kube/informers/core/v1/pod`), and one for all the filtered ones
    (`.../core/v1/pod/filtered`), which its factory's selectors scope together."""
    kinds = {path.removeprefix(KNATIVE_KUBE_INFORMERS) for path in import_paths
             if path.startswith(KNATIVE_KUBE_INFORMERS) and not path.startswith(KNATIVE_KUBE_INFORMERS + "factory/")}
    unfiltered = {kind for kind in kinds if kind.count("/") == 2}
    return len(unfiltered) + any(kind.count("/") == 3 and kind.endswith("/filtered") for kind in kinds)


class Scopings(NamedTuple):
    """How many times a Go file scopes what a cache keeps (see scopings)."""
    always: int  # whatever the flags
    # Only when a namespace is named (NAMESPACE_SETTING), or the node it runs on (NODE_SETTING).
    when_namespace_named: int
    # The variables that give a manager its one namespace in older options (`Namespace:
    # controllers.NAMESPACE`, _MANAGER_OPTIONS), or that a condition on its cache's namespaces
    # tests (`if ns != "" {`): the environment variable one is read from (variables_from_env)
    # names a namespace to watch.
    options_namespace_variables: frozenset[str]
    # Of `always` and `when_namespace_named`, those of informer constructions.
    informers_always: int
    informers_when_namespace_named: int
    # Of `informers_always`, the constructions counted as scoped because they keep nothing
    # that grows (_keeps_nothing_that_grows), or list a dynamic resource the file gives a custom one.
    informers_keeping_nothing: int = 0
    # The names, not given in the file, of what gives the dynamic resource an unscoped
    # informer's ListWatch lists (_dynamic_resource_listed): when the package gives one a custom
    # resource, the informer keeps nothing that grows.
    listed_resources_named: tuple[bytes, ...] = ()
    # The import paths of the packages whose informer constructions no option scopes.
    unscoped_informer_packages: frozenset[str] = frozenset()
    # The functions or methods called with nothing that give older options their namespace
    # (`Namespace: isv.CommonISVInstance.GetAddonCRNamespace()`), each with whether it was
    # counted as a variable naming one (`when_namespace_named`): where the program's only
    # declarations of that name return a literal (string_results), the scoping applies
    # whatever the flags (isv-managed-starburst-operator's cache was called cluster-wide).
    options_namespace_calls: tuple[tuple[bytes, bool], ...] = ()


NO_SCOPINGS = Scopings(0, 0, frozenset(), 0, 0)


def scopings(code: bytes) -> Scopings:
    """How many times a Go file (without comments) scopes what a cache keeps: controller-runtime's
    cache options, and each informer construction (NEW_INFORMER) scoped, however many options
    say so; apart, those that apply only when a flag or variable names something
    (_naming_condition), and of those, the ones whose condition tests a variable named for a
    namespace (`if watchNS != "" {`, `for _, ns := range namespaces {`): the container that
    names one (NAMESPACE_SETTING) runs the program scoped. llm-d's autoscaler caches one
    namespace when its manifest passes `--watch-namespace=$(POD_NAMESPACE)`, and a finding
    calling its cache cluster-wide was read as wrong. So does one whose condition tests a
    variable named for its node (`if m.nodeName != "" {`), in a container that names it
    (NODE_SETTING): gpusprint's agent selects its own node's Pods when `NODE_NAME` is set, as
    its DaemonSet sets it (read as wrong when called cluster-wide)."""
    return Scopings(*_scopings(code))


def _scopings(code: bytes) -> tuple[int, int, frozenset[str], int, int, int, tuple[bytes, ...], frozenset[str],
                                   tuple[tuple[bytes, bool], ...]]:
    """(scopings that always apply, scopings only when a namespace is named, the variables
    giving older options their namespace, of the first two those of informers, and of those
    always applying, the informers keeping nothing that grows, the variables of other files
    naming what unscoped informers list, the packages of unscoped informer constructions, the
    calls giving older options their namespace): see scopings."""
    always = when_named = 0
    variables = set()
    namespace_calls = []

    def count(condition: bytes | None) -> None:
        nonlocal always, when_named
        if condition is None:
            always += 1
        elif _NAMESPACE_CONDITION.search(condition) or _NODE_CONDITION.search(condition):
            when_named += 1

    for m in _SCOPED_CACHE.finditer(code):
        condition = _naming_condition(code, m.start())
        count(condition)
        # The variable the condition tests (`if watchNamespace != "" {`): where it is read from
        # the environment, that variable names the namespace (git-change-operator falls back
        # to its pod's POD_NAMESPACE, which its chart sets; read as wrongly cluster-wide).
        if condition is not None and _NAMESPACE_CONDITION.search(condition):
            variables.update(name.decode() for t in _TESTED_NOT_EMPTY.finditer(condition)
                             if _NAMESPACE_CONDITION.search(name := t.group(1) or t.group(2)))
    def note_naming_variables(condition: bytes) -> None:
        """The variables named for a namespace that `condition` splits in its loop or tests."""
        variables.update(name.decode() for found in _LISTED_OR_TESTED.finditer(condition)
                         if _NAMESPACE_CONDITION.search(name := found.group(1) or found.group(2)))

    maps = [(name, 0, len(code)) for name in {m.group(1) for m in _NAMESPACES_VARIABLE.finditer(code)}]
    if _NAMESPACES_MADE_EMPTY.search(code):
        # Made empty in the options, then filled in through the field (evicted-pod-reaper's
        # `opts.Cache.DefaultNamespaces[ns] = cache.Config{}`, per namespace of its variable).
        maps.append((b"DefaultNamespaces", 0, len(code)))
    functions = {m.group(1) for m in _NAMESPACES_CALL.finditer(code)}
    for name, _, _ in list(maps):
        # Or a variable given what such a function returns (datadog-operator's `agentNamespaces
        # := GetWatchNamespacesFromEnv(logger, ...)`, one entry per namespace of its WATCH_NAMESPACE).
        call = re.compile(_ASSIGNED_FROM_CALL % {b"name": re.escape(name)}).search(code)
        if call is not None:
            functions.add(call.group(1))
    for function in functions:
        maps += _maps_made_in(code, function)
    for name, start, end in maps:
        escaped = {b"name": re.escape(name)}
        made = re.compile(_NAMESPACES_MAP % escaped).search(code, start, end)
        if made is not None:
            # Given under a condition on what names the namespace (beegfs-csi-driver's `if ns :=
            # os.Getenv("BEEGFS_CSI_DRIVER_NAMESPACE"); ns != "" { m = map[...]{ns: {}} }`,
            # which its manifests set from the pod's namespace: read as wrongly cluster-wide).
            condition = _naming_condition(code, made.start())
            count(condition)
            if condition is not None:
                note_naming_variables(condition)
            continue
        entries = list(re.compile(_NAMESPACE_ENTRY % escaped).finditer(code, start, end))
        conditions = [_naming_condition(code, m.start(), or_in_loop=True) for m in entries]
        if conditions:
            refused = _refused_when_empty(code, name, entries[-1].end())
            count(None if refused or None in conditions else conditions[0])
            # The variable its loop splits or its `if` tests names the namespaces: where it is
            # read from the environment, so do the container's (vitess-operator's `namespace`
            # from operator-sdk's GetWatchNamespace, split in `for _, ns := range`; its cache
            # was called cluster-wide under its own namespace, read as wrong).
            for condition in filter(None, conditions):
                note_naming_variables(condition)

    def older_namespace(written: bytes, at: int) -> None:
        if written == b'""':
            return  # all of them
        if written.startswith(b'"'):
            count(_naming_condition(code, at))
        else:
            # A variable: the scoping applies when it names one, as under `if ns != "" {`.
            count(written)
            if variable := re.search(rb"\w+$", written):
                variables.add(variable.group(0).decode())
            # A call of nothing, which may return a constant (see Scopings.options_namespace_calls).
            if called := _CALL_OF_NOTHING.fullmatch(written):
                namespace_calls.append((called.group(1), bool(_NAMESPACE_CONDITION.search(written) or
                                                              _NODE_CONDITION.search(written))))

    for options in _MANAGER_OPTIONS.finditer(code):
        namespace = _OPTIONS_NAMESPACE.search(code, options.end(), _call_end(code, options.end() - 1, b"{}"))
        older_namespace(namespace.group(1).strip() if namespace is not None else b'""', options.start())
    # Or set through the field of the options' variable (konsumerator's `options.Namespace =
    # namespace` under `if guestMode {`, its `--namespace` flag named in its manifest), when
    # its literal names none: one scoping per options.
    for made in _OPTIONS_VARIABLE.finditer(code):
        literal_end = _call_end(code, made.end() - 1, b"{}")
        if _OPTIONS_NAMESPACE.search(code, made.end(), literal_end):
            continue
        # The first such assignment after the literal, in its function (up to the next one).
        function_end = code.find(b"\nfunc ", literal_end)
        field = re.compile(rb"\b%s\.Namespace\s*=(?!=)\s*([^\n;]+)" % re.escape(made.group(1))).search(
            code, literal_end, function_end if function_end >= 0 else len(code))
        if field is not None:
            older_namespace(field.group(1).strip(), field.start())
    imports = dict(import_names(code))
    always += sum(imports.get(m.group(1)) == KNATIVE_FILTERED_FACTORY for m in _KNATIVE_SELECTORS.finditer(code))
    options = always, when_named
    keeping_nothing = 0
    resources_named = []
    unscoped_packages = set()
    for construction, conditions in _informer_scopings(code, imports):
        if conditions:
            count(None if None in conditions else conditions[0])
        elif (unless_named := _unless_named_condition(code, construction.start())) is not None and \
                (_NAMESPACE_CONDITION.search(unless_named) or _NODE_CONDITION.search(unless_named)):
            count(unless_named)  # with a namespace named, its scoped alternative runs instead
        elif _keeps_nothing_that_grows(code, imports, construction) or \
                (listed := _dynamic_resource_listed(code, imports, construction)) is not None and \
                _custom_resource_at(code, listed, imports):
            count(None)  # as if scoped
            keeping_nothing += 1
        else:
            unscoped_packages.add(_called_package(code, imports, construction.start()).decode())
            if listed is not None and (named := _resource_variable(code, listed, imports)) is not None and \
                    not named[0]:
                resources_named.append(named[1])  # a package-level variable of another file, maybe
    return always, when_named, frozenset(variables), always - options[0], when_named - options[1], keeping_nothing, \
        tuple(resources_named), frozenset(unscoped_packages - {""}), tuple(namespace_calls)


# `isv.CommonISVInstance.GetAddonCRNamespace()`: a function or method called with nothing.
_CALL_OF_NOTHING = re.compile(rb"(?:[A-Za-z_]\w*\s*\.\s*)*([A-Za-z_]\w*)\(\s*\)")
# A function or method declared, and the one string it returns when it takes nothing, returns
# a string and only returns a literal (`func (s *Starburst) GetAddonCRNamespace() string
# {\n\treturn "redhat-starburst-op"\n}`).
_DECLARED_FUNCTION = re.compile(rb"^func[ \t]+(?:\([^()\n]*\)[ \t]*)?([A-Za-z_]\w*)[ \t]*[\[(]", re.MULTILINE)
_RETURNS_ONE_STRING = re.compile(rb'\)[ \t]*string[ \t]*\{\s*return\s+"([^"\\\n]+)"\s*\}')


def string_results(code: bytes) -> frozenset[tuple[bytes, str | None]]:
    """(name, the literal other than "" it returns, else None) of each function or method a Go
    file (without comments) declares: a literal only for one taking nothing, returning a
    string, whose body only returns that literal (_RETURNS_ONE_STRING)."""
    return frozenset((m.group(1), returned.group(1).decode(errors="replace")
                      if code[m.end() - 1:m.end() + 1] == b"()" and
                      (returned := _RETURNS_ONE_STRING.match(code, m.end())) else None)
                     for m in _DECLARED_FUNCTION.finditer(code))


# What a ListWatch's functions list: a dynamic client's resource (`.Resource(gvr).List(`), or
# a variable given one in the function (`resource := dc.Resource(gvr)`, then `resource.List(`).
_DYNAMIC_LIST = re.compile(rb"\.Resource\(\s*(?=[^()]*\)\s*\.\s*(?:Namespace\([^()]*\)\s*\.\s*)?List\()"
                           rb"|\b([A-Za-z_]\w*)\s*\.\s*List\(")


def _dynamic_resource_listed(code: bytes, imports: dict[bytes, bytes], construction: re.Match) -> int | None:
    """Where the resource is written that the ListWatch literal of client-go's informer built at
    `construction` lists with a dynamic client, in the literal or in a variable its function
    gives before it: namespace-isolation's agent informs on its `NamespaceQuotaGVR` so."""
    if _called_package(code, imports, construction.start()) != TOOLS_CACHE:
        return None
    listed = next(iter(_in_list_watch_literals(code, _DYNAMIC_LIST, construction.end(),
                                               _call_end(code, construction.end() - 1))), None)
    if listed is None or listed.group(1) is None:
        return listed.end() if listed is not None else None
    given = _last_match(re.compile(rb"\b%s\s*:?=[^\n]*?\.Resource\(\s*" % re.escape(listed.group(1))), code,
                        _function_start(code, construction.start()), construction.start())
    return given.end() if given is not None else None


# A manager's one namespace in the options of controller-runtime before v0.15 (`ctrl.Options{
# Namespace: controllers.NAMESPACE}`): all of them when empty, so the scoping applies when
# what names it is not (sriov-fec-operator's, from its pod's namespace; a finding calling its
# cache cluster-wide was read as wrong).
_OPTIONS_LITERAL = rb"(?:ctrl|manager)\.Options\s*\{"
_MANAGER_OPTIONS = re.compile(rb"\b" + _OPTIONS_LITERAL)
# The field at the start of a line or right after the literal's `{` or a `,` (a one-line
# `ctrl.Options{Scheme: s, Namespace: ns}`); not `LeaderElectionNamespace`.
_OPTIONS_NAMESPACE = re.compile(rb"(?:^|(?<=[{,]))[ \t]*Namespace\s*:\s*([^,\n}]+)", re.MULTILINE)
_OPTIONS_VARIABLE = re.compile(rb"\b([A-Za-z_]\w*)\s*:?=\s*" + _OPTIONS_LITERAL)


# Options handed over in a variable (`kubeOpts...`), and what appends to it.
_SPREAD = re.compile(rb"\b([A-Za-z_]\w*)\.\.\.")
_APPENDED = rb"\b%(name)s\s*=\s*append\(\s*%(name)s\s*,[^\n]*"


def _informer_scopings(code: bytes, imports: dict[bytes, bytes]) -> Iterator[tuple[re.Match, list[bytes | None]]]:
    """For each informer construction (NEW_INFORMER), the conditions of the options that scope
    it (_INFORMER_SCOPING, see _naming_condition): in the call, or written before it in its
    function, after the previous construction (iter8's label selector, a dozen lines above the
    filtered factory that takes it). `imports`: the file's, by the name each is given."""
    previous_end = 0
    functions: frozenset[bytes] | None = None  # the file's functions, read at the first tweak named
    for construction in NEW_INFORMER.finditer(code):
        end = _call_end(code, construction.end() - 1)
        start = max(0, construction.start() - _MAX_BLOCK_BYTES)
        function = code.rfind(b"\nfunc ", start, construction.start())
        function = function + 1 if function >= 0 else start
        start = max(previous_end, function)
        previous_end = max(previous_end, end)
        # Not what the event handlers written in the call list or select.
        handlers = _event_handlers(code, construction.end(), end)
        scopings = [m.start() for pattern in (_INFORMER_SCOPING, _ONE_NAMESPACE)
                    for m in pattern.finditer(code, start if pattern is _INFORMER_SCOPING else construction.end(), end)
                    if not any(first <= m.start() < last for first, last in handlers)]
        scopings += [m.start() for m in _in_list_watch_literals(code, _TYPED_ONE_NAMESPACE, construction.end(), end)]
        if _FACTORY_GIVEN_NAMESPACE.fullmatch(construction.group(1)):
            # A filtered factory's namespace is its third argument (radius' deployment waiter
            # watches one namespace's HTTPProxies: `NewFilteredDynamicSharedInformerFactory(c, 0,
            # obj.GetNamespace(), nil)`; read as wrongly cluster-wide).
            second = _first_argument_end(code, construction.end() - 1)
            namespace = _first_argument_end(code, second - 1) if code[second - 1:second] == b"," else second
            if code[namespace - 1:namespace] == b"," and _OBJECTS_NAMESPACE_ARGUMENT.match(code, namespace):
                scopings.append(namespace)
        elif re.fullmatch(_KIND_INFORMER, construction.group(1)) and \
                _CLIENT_GO_KIND_INFORMERS.fullmatch(_called_package(code, imports, construction.start())):
            # Of a kind with namespaces, one more argument than of one without: the namespace.
            namespace = _first_argument_end(code, construction.end() - 1)
            taken = 5 if construction.group(1).startswith(b"NewFiltered") else 4
            if len([a for a in _top_level_parts(code[construction.end():end - 1]) if a]) == taken and \
                    _NAMED_NAMESPACE_ARGUMENT.match(code, namespace):
                scopings.append(namespace)
        elif _TYPED_FILTERED_INFORMER.fullmatch(construction.group(1)) and not (
                _CLUSTER_SCOPED_INFORMER.fullmatch(construction.group(1)) and
                _KUBERNETES_OWN_OR_DOT.match(_called_package(code, imports, construction.start()))):
            # client-go's `NewFilteredPodInformer(client, namespace, ...)`: the namespace is its
            # second argument (kubevpn's proxy mapper, one namespace's Pods).
            namespace = _first_argument_end(code, construction.end() - 1)
            if _NAMED_NAMESPACE_ARGUMENT.match(code, namespace):
                scopings.append(namespace)
        if not scopings:
            scopings = _scoping_by_every_caller(code, construction, end, function) or \
                _scopings_in_list_watch_builders(code, imports, construction, end)
        tweaks = _tweaks_named(code, construction, end, function)
        if tweaks:
            functions = frozenset(_FUNCTION_NAME.findall(code)) if functions is None else functions
            scopings += _scopings_in_helpers(code, [(name, False) for name in tweaks & functions])
        call = code[construction.end():end]
        for one in _ONE_NAMESPACE.finditer(code, start, construction.start()):
            named = _ASSIGNED_NAME.match(code, code.rfind(b"\n", 0, one.start()) + 1, one.start())
            if named is not None and re.search(rb"\b" + re.escape(named.group(1)) + rb"\b", call):
                scopings.append(one.start())
        # Options it is handed in a variable (`extInformerOpts...`), scoped anywhere before it
        # in its function: td-redis-operator appends a namespace to two option lists, then
        # builds a factory of each.
        for spread in _SPREAD.finditer(code, construction.end(), end):
            appended = re.compile(_APPENDED % {b"name": re.escape(spread.group(1))})
            scopings += [m.start() for m in appended.finditer(code, function, construction.start())
                         if _INFORMER_SCOPING.search(code, m.start(), code.find(b"\n", m.start()))]
        yield construction, [_naming_condition(code, at) for at in scopings]


def _scoping_by_every_caller(code: bytes, construction: re.Match, end: int, function: int) -> list[int]:
    """Where an informer built on a ListerWatcher parameter of its function is scoped by what
    every call of that function in the file hands it: a ListWatch of one namespace or object
    (_ONE_NAMESPACE), written in the call or assigned in the caller to the name it passes
    (device-mounter's API server informs on the one ConfigMap its only caller's ListWatch
    selects; its finding named ConfigMaps as growing). One of them, with its condition if any
    has one; none when a call hands it anything else, or when the function is exported or used
    as a value (it may be handed what the file does not show). Calls in the package's other
    files are not seen: the facts are a file's."""
    arguments = _top_level_parts(code[construction.end():end - 1])
    named = _FUNCTION_NAME.match(code, function)
    if not arguments or not re.fullmatch(rb"[A-Za-z_]\w*", arguments[0]) or named is None or \
            named.group(1)[:1].isupper():
        return []
    parameters = [name for name, _ in _parameters(code, named.end() - 1)]
    if arguments[0] not in parameters or \
            syntax.assigned_or_declared(arguments[0]).search(code[function:construction.start()]):
        return []
    position = parameters.index(arguments[0])
    name = re.escape(named.group(1))
    calls = list(re.finditer(rb"(?<![.\w])%s\(" % name, code))
    if len(calls) != len(re.findall(rb"(?<![.\w])%s\b" % name, code)):
        return []  # used as a value
    scopings = []
    for call in calls:
        if code.endswith(b"func ", 0, call.start()):
            continue  # the declaration
        call_end = _call_end(code, call.end() - 1)
        given = _top_level_parts(code[call.end():call_end - 1])
        if len(given) <= position:
            return []
        argument_start = code.find(given[position], call.end(), call_end)
        written = _ONE_NAMESPACE.search(code, argument_start, argument_start + len(given[position]))
        if written is not None:
            scopings.append(written.start())
            continue
        if not re.fullmatch(rb"[A-Za-z_]\w*", given[position]):
            return []
        # The last assignment to the name before the call must be the scoped ListWatch.
        caller = _function_start(code, call.start())
        last = _last_assignment(code, given[position], caller, call.start())
        opening = code.find(b"(", last.end(), call.start()) if last is not None else -1
        scoped = _ONE_NAMESPACE.search(code, last.end(), _call_end(code, opening)) if opening >= 0 else None
        if scoped is None:
            return []
        scopings.append(scoped.start())
    conditional = [at for at in scopings if _naming_condition(code, at) is not None]
    return (conditional or scopings)[:1]


def _scopings_in_list_watch_builders(code: bytes, imports: dict[bytes, bytes], construction: re.Match,
                                     end: int) -> list[int]:
    """Where the functions or methods of the file that the first argument of client-go's
    informer or reflector on a ListerWatcher (`tools/cache`'s) calls with nothing, building it
    (`&lw{ListWatch: c.singleObjectListWatch()}`), select what it lists (_INFORMER_SCOPING,
    _ONE_NAMESPACE): kube-applier-gcp's reader watches one object so, through a field selector
    of its name (a finding calling its cache cluster-wide was read as wrong). Not one given
    arguments, whose selection may depend on them (`podListWatch(metav1.NamespaceAll)`), nor
    one called in an event handler; not a typed informer's first argument, a client."""
    if _called_package(code, imports, construction.start()) != TOOLS_CACHE:
        return []
    first_end = _first_argument_end(code, construction.end() - 1)
    handlers = _event_handlers(code, construction.end(), first_end)
    builders = [(called.group(2), called.group(1) is not None)
                for called in _CALLED.finditer(code, construction.end(), first_end)
                if code[called.end():called.end() + 1] == b")"
                and not any(start <= called.start() < stop for start, stop in handlers)]
    return _scopings_in_helpers(code, builders, (_INFORMER_SCOPING, _ONE_NAMESPACE))


# A name given as an informer's list options tweak, called or passed (`NodeNameFilter(node)`,
# `selectOwn`): a filtered construction's last argument (`NewFilteredPodInformer`'s,
# `NewFilteredDynamicSharedInformerFactory`'s), or `WithTweakListOptions`' argument in any.
_TWEAK_NAME = re.compile(rb"\s*([A-Za-z_]\w*)\s*(?:\(|$)")
_WITH_TWEAK = re.compile(rb"\bWithTweakListOptions\(\s*([A-Za-z_]\w*)\s*[(),]")
_FUNCTION_NAME = re.compile(rb"^func\s+(\w+)\s*\(", re.MULTILINE)


def _tweaks_named(code: bytes, construction: re.Match, end: int, function: int) -> set[bytes]:
    """The names a construction (its call ending at `end`, in the function starting at
    `function`) gives as its list options tweak (_TWEAK_NAME), but its function's parameters and
    the locals it declares or assigns before it: those are not the file's functions."""
    arguments = _top_level_parts(code[construction.end():end - 1]) if b"Filtered" in construction.group(1) else []
    arguments = [argument for argument in arguments if argument]  # gofmt's trailing comma
    last = _TWEAK_NAME.match(arguments[-1]) if arguments else None
    names = {found.group(1) for found in _WITH_TWEAK.finditer(code, construction.end(), end)}
    names |= {last.group(1)} if last is not None else set()
    header = function_header(code, function, construction.start())
    return {name for name in names if not re.search(rb"\b%s\b" % re.escape(name), header)
            and not syntax.assigned_or_declared(name).search(code[function:construction.start()])}


def function_header(code: bytes, start: int, limit: int) -> bytes:
    """The header of the function starting at `start` (its receiver, name, type parameters,
    parameters and results): up to the `{` that opens its body, never past `limit`. That is the
    first `{` outside brackets that no `struct` or `interface` opens (a result
    `map[string]struct{}` holds one, a parameter `interface{}` too); a line break outside
    brackets ends a header with no body (an assembly function's)."""
    depth = 0
    for index in range(start, min(limit, len(code))):
        byte = code[index]
        if byte in b"([":
            depth += 1
        elif byte in b")]}":
            depth -= 1
        elif byte == 0x7B:  # {
            if not depth and not _OPENS_A_TYPE.search(code[start:index].rstrip()):
                return code[start:index]
            depth += 1
        elif byte == 0x0A and not depth:  # a line break
            return code[start:index]
    return code[start:limit]


_OPENS_A_TYPE = re.compile(rb"(?<![\w.])(?:struct|interface)\Z")



def _scopings_in_helpers(code: bytes, helpers: Iterable[tuple[bytes, bool]],
                         patterns: tuple[re.Pattern[bytes], ...] = (_INFORMER_SCOPING,)) -> list[int]:
    """Where the file's functions (or, when marked so, methods) `helpers`, (name, method),
    select what a construction lists (`patterns`): given as its tweak (_tweaks_named), setting
    its list options' selector (aad-pod-identity's NMI lists its own node's Pods with the tweak
    `NodeNameFilter(nodeName)`, declared below it: a finding calling its cache cluster-wide was
    read as wrong), or building its ListerWatcher (_scopings_in_list_watch_builders)."""
    found = []
    for name, method in helpers:
        body = _declared_here(code, name, method=method)
        if body is not None:
            found += [m.start() for pattern in patterns for m in pattern.finditer(code, *body)]
    return found


_CLIENT_GO_INFORMERS = b"k8s.io/client-go/informers"
# A factory kept in an unexported field: `field: name,` in a literal, or `x.field = name`.
_STORED_IN_FIELD = rb"\b([a-z_]\w*)\s*:\s*%(name)s\s*(?=[,}\n])|\.\s*([a-z_]\w*)\s*=\s*%(name)s\b(?!\s*[.(\[])"
# A name used other than as a literal's key or a selected field: a variable.
_NAME_NOT_KEY = rb"(?<![.\w])%(name)s\b(?!\s*:(?!=))"
# What a typed factory's variable is used for, when used only in its own function: asked
# for a kind's informer, started, waited on, shut down.
_FACTORY_USE = rb"\b%(name)s\s*\.\s*(?:[A-Z]\w*\(\)\s*\.\s*V\d\w*\(\)\s*\.\s*([A-Z]\w*)\(\)|(?:Start|WaitForCacheSync|Shutdown)\()"


def _keeps_nothing_that_grows(code: bytes, imports: dict[bytes, bytes], construction: re.Match) -> bool:
    """Whether an unscoped informer construction keeps nothing that grows with the cluster: a
    typed factory asked only for small kinds, a factory asked only for custom resources, or an
    informer on a ListWatch for an object of a small kind or a custom resource."""
    return _asks_only_small_kinds(code, imports, construction) or \
        _asks_only_custom_resources(code, imports, construction) or \
        _list_watch_keeps_nothing_that_grows(code, imports, construction)


# A ListWatch's list function (`ListFunc: func(options metav1.ListOptions) ...`).
_LIST_FUNCTION = re.compile(rb"\bList(?:WithContext)?Func\s*:\s*(func)\s*(?=\()")


def _list_watch_keeps_nothing_that_grows(code: bytes, imports: dict[bytes, bytes], construction: re.Match) -> bool:
    """Whether a construction is client-go's informer on a ListWatch (`cache.NewSharedIndexInformer
    (lw, &corev1.PersistentVolumeClaim{}, ...)`) for an object of a kind that does not grow with
    the cluster, or of a custom resource (koordinator's koordlet scopes its Node informers to its
    node and keeps PersistentVolumeClaims unscoped: read as wrong when called cluster-wide); or,
    for an object of a kind not written out, on one that lists from elsewhere than Kubernetes'
    API (_lists_from_elsewhere)."""
    if _called_package(code, imports, construction.start()) != TOOLS_CACHE:
        return False
    handed = _list_watch_object(code, imports, construction.end() - 1)
    return not _grows(*handed) if handed is not None else _lists_from_elsewhere(code, construction)


def _lists_from_elsewhere(code: bytes, construction: re.Match) -> bool:
    """Whether the informer built at `construction` is on a ListWatch (_list_watch_literal)
    whose list function neither uses the ListOptions it is handed nor writes any: what it lists
    is not Kubernetes' API, whose lists take them (kube-applier-gcp informs on Firestore
    documents, hyperfleet's manager on Postgres rows, each handed an example object in a
    variable; both were charged a cluster's cache, read as wrong)."""
    literal = _list_watch_literal(code, construction)
    listing = _LIST_FUNCTION.search(code, *literal) if literal is not None else None
    if listing is None:
        return False
    opening = listing.end()
    options = [name for name, written in _parameters(code, opening)
               if written is not None and written.endswith(b"ListOptions")]
    if len(options) != 1:
        return False
    body = code[_call_end(code, opening):_function_extent(code, listing.start(1))[1]]
    return (options[0] == b"_" or re.search(rb"(?<![.\w])%s\b" % re.escape(options[0]), body) is None) and \
        b"ListOptions" not in body


def _list_watch_literal(code: bytes, construction: re.Match) -> tuple[int, int] | None:
    """Where the `ListWatch{...}` literal an informer construction is built on is: written in
    its first argument, or in the last assignment in its function, before it, to a name that
    argument uses (`lw := &cache.ListWatch{...}`, then `NewSharedIndexInformer(&wrapped{lw}, ...)`)."""
    end = _call_end(code, construction.end() - 1)
    arguments = _top_level_parts(code[construction.end():end - 1])
    first = arguments[0] if arguments else b""
    written = _LIST_WATCH_LITERAL.search(first)
    if written is None:
        function = _function_start(code, construction.start())
        for name in re.findall(rb"(?<![.\w])([A-Za-z_]\w*)\b(?!\s*[.({])", first):
            last = _last_assignment(code, name, function, construction.start())
            line_end = code.find(b"\n", last.end()) if last is not None else -1
            found = _LIST_WATCH_LITERAL.search(code, last.end(), line_end) if line_end >= 0 else None
            if found is not None:
                return found.end(), closing(code, found.end() - 1, b"{}")
        return None
    start = code.find(first, construction.end(), end) + written.end()
    return start, closing(code, start - 1, b"{}")


def _asks_only_small_kinds(code: bytes, imports: dict[bytes, bytes], construction: re.Match) -> bool:
    """Whether a typed factory built unscoped (`pvcs := informers.NewSharedInformerFactory(cs,
    0)`) is asked, in its function, only for kinds that do not grow with the cluster, at
    least one, and used for nothing else: kubevirt-storage-latency-exporter scopes its Pod
    factory to its node and asks another, unscoped, only for PersistentVolumeClaims; a
    finding calling its cache cluster-wide was read as wrong."""
    if not _TYPED_FACTORY.match(code, construction.start()) or \
            _called_package(code, imports, construction.start()) != _CLIENT_GO_INFORMERS:
        return False  # only client-go's: another factory builds what its own code says, counted apart
    line_start = code.rfind(b"\n", 0, construction.start()) + 1
    named = _ASSIGNED_NAME.match(code, line_start, construction.start())
    if named is None:
        return False
    name = re.escape(named.group(1))
    function_end = code.find(b"\nfunc ", construction.end())
    body = code[_call_end(code, construction.end() - 1):function_end if function_end >= 0 else len(code)]
    # Kept in an unexported field (dcgm-exporter's `factory: factory` in the manager it
    # returns, read as wrong when called cluster-wide): the field's uses in the file count as
    # its own. Not a map's key (`{cluster: factory}`, a name the function uses otherwise, but
    # for the factory's own); a method of another file of the package asking the field for a
    # kind is not seen.
    header = code[code.rfind(b"\nfunc ", 0, construction.start()) + 1:construction.start()]
    stored = [m for m in re.finditer(_STORED_IN_FIELD % {b"name": name}, body)
              if m.group(2) or m.group(1) == named.group(1) or
              not re.search(_NAME_NOT_KEY % {b"name": re.escape(m.group(1))}, header + body)]
    fields = {m.group(1) or m.group(2) for m in stored}
    for m in reversed(stored):
        body = body[:m.start()] + body[m.end():]
    uses = len(re.findall(rb"\b%s\b" % name, body))
    kinds = [m.group(1) for m in re.finditer(_FACTORY_USE % {b"name": name}, body)]
    for field in fields:
        in_field = rb"(?<=\.)%s" % re.escape(field)
        uses += len(re.findall(rb"\.%s\b(?!\s*=[^=])" % re.escape(field), code))
        uses -= len(re.findall(rb"\.%s\s*[!=]=\s*nil\b" % re.escape(field), code))
        kinds += [m.group(1) for m in re.finditer(_FACTORY_USE % {b"name": in_field}, code)]
    asked = [kind for kind in kinds if kind]
    return bool(asked) and uses == len(kinds) and not any(kind in _GROWING_PLURALS for kind in asked)


def _call_end(code: bytes, opening: int, pair: bytes = b"()") -> int:
    """Just past the `)` (or the closing half of `pair`) that closes what opens at `opening`,
    within _MAX_CALL_BYTES."""
    return closing(code, opening, pair, _MAX_CALL_BYTES)


def closing(code: bytes, opening: int, pair: bytes, within: int | None = None) -> int:
    """Just past the closing half of `pair` that closes what opens at `opening` (within
    `within` bytes, if given); where the search ends when nothing closes it. A bracket in a
    string, rune or comment is text (`"{"` does not open a block)."""
    stop = len(code) if within is None else min(len(code), opening + within)
    tokens = _BRACKET_OR_TEXT[pair]
    depth = 0
    for found in tokens.finditer(code, opening, stop):
        if found.group() == pair[:1]:
            depth += 1
        elif found.group() == pair[1:]:
            depth -= 1
            if not depth:
                return found.end()
    return stop


_RETURNS_AN_ERROR = re.compile(rb"\breturn\b[^\n]*\b(?:Errorf|errors\.New)\(")


def _refused_when_empty(code: bytes, name: bytes, at: int) -> bool:
    """Whether the function holding `at`, where the map `name` is given its last entry, then
    refuses it empty: `if len(name) == 0 {` whose block returns an error or ends the program
    (_EXITS) in its own statements. keda-so-operator fills its cache's namespaces from its
    rules file, skipping blank entries, and fails when none is left (its cache was called
    cluster-wide, read as wrong)."""
    following = code.find(b"\nfunc ", at)
    test = code.find(_EMPTY_TESTS[1] % name, at, len(code) if following < 0 else following)
    if test < 0:
        return False
    return _in_own_statements(code, code.index(b"{", test) + 1, _RETURNS_AN_ERROR, _EXITS)


def _maps_made_in(code: bytes, function: bytes) -> list[tuple[bytes, int, int]]:
    """(name, start, end of the function) for each map of namespaces (_MAP_MADE) the file's
    function `function` makes; none when the file declares no such function."""
    body = _declared_here(code, function)
    return [] if body is None else [(m.group(1), *body) for m in _MAP_MADE.finditer(code, *body)]


# Or one entry assigned on its own (cerberus' `NewCache`: `opts.ByObject[&v1.Secret{}] =
# cache.ByObject{Namespaces: ...}`; its cache was called cluster-wide, read as wrong).
_BY_OBJECT_ASSIGNED = re.compile(rb"\.ByObject\[\s*&(?:\w+\.)?(\w+)\{\}\s*\]\s*=\s*\w+\.ByObject\s*\{")
# Or an entry keyed by a variable that the file makes an object of a kind (_kind_made_into):
# kueue's `objectKeySecret = new(corev1.Secret)`, then `o.Cache.ByObject[objectKeySecret] =
# ctrlcache.ByObject{...}` (its Secrets kept in its own namespace), or `objectKeySecret: {...}`.
_BY_OBJECT_ASSIGNED_TO_VARIABLE = re.compile(rb"\.ByObject\[\s*([A-Za-z_]\w*)\s*\]\s*=\s*\w+\.ByObject\s*\{")
_BY_OBJECT_ENTRY_OF_VARIABLE = re.compile(rb"(?<![\w.])([A-Za-z_]\w*)\s*:\s*\{")


# Or an entry whose selection is a variable of the file (secure-sign-operator selects eight
# kinds by one `operatorCacheSelector := cache.ByObject{Label: ...}`; its cache was called
# cluster-wide, read as wrong).
_BY_OBJECT_ENTRY_NAMED = re.compile(rb"&(?:\w+\.)?(\w+)\{\}\s*:\s*([A-Za-z_]\w*)\s*[,}\n]")
_SELECTION_DECLARED = rb"\b%(name)s\s*:?=\s*\w+\.ByObject\s*\{"
# Or given what a function of the file returns (nats-manager's `managedByNATS :=
# fromLabelSelector(...)`, which returns `cache.ByObject{Label: selector}`; its Pods and Secrets,
# so selected, were named first as cached whole).
_SELECTION_CALLED = rb"\b%(name)s\s*:?=\s*([A-Za-z_]\w*)\("
_SELECTION_RETURN = re.compile(rb"\breturn\s+\w+\.ByObject\s*\{")

# Or entries assigned one by one to a variable holding the options' map, written out or made
# (perses-operator's `byObject[&corev1.Secret{}] = secretEntry`; velkir's `make(map[...]...)`,
# filled ranging over its owned types): a literal, or a variable of the file.
_BY_OBJECT_VARIABLE = re.compile(rb"\b([A-Za-z_]\w*)\s*:?=\s*(?:make\(\s*)?map\[\w+\.Object\]\w+\.ByObject\s*[{,)]")
_BY_OBJECT_INDEXED = rb"(?m)\b%(name)s\[\s*&(?:\w+\.)?(\w+)\{\}\s*\]\s*=\s*(?:\w+\.ByObject\s*\{|([A-Za-z_]\w*)\s*$)"
# Or keyed by a variable: one made of a kind, or ranging over a list of kinds (_kinds_ranged_into).
_BY_OBJECT_KEYED = rb"\b%(name)s\[\s*([A-Za-z_]\w*)\s*\]\s*=\s*\w+\.ByObject\s*\{"


def _selection_returned(code: bytes, name: bytes) -> list[tuple[int, int]]:
    """Where the `ByObject` literal is that the function giving the variable `name` its
    selection returns (_SELECTION_CALLED), when it has one `return` and that is one; none
    otherwise (a selection returned only under a flag, another return selecting nothing)."""
    called = re.search(_SELECTION_CALLED % {b"name": re.escape(name)}, code)
    function = _declared_here(code, called.group(1)) if called is not None else None
    if function is None or len(re.findall(rb"\breturn\b", code[function[0]:function[1]])) != 1:
        return []
    found = _SELECTION_RETURN.search(code, *function)
    return [(found.end() - 1, _call_end(code, found.end() - 1, b"{}"))] if found is not None else []


def _by_object_entries(code: bytes) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end of a selection) for each entry of a file's `ByObject` cache options; an
    entry whose selection is a variable, for its literal and for each field of it assigned a
    selection that no off-by-default flag gates (perses-operator's `secretEntry.Label =
    selector` under `if !watchAllSecrets {`)."""
    options = [(found.end(), _call_end(code, found.end() - 1, b"{}")) for found in _BY_OBJECT.finditer(code)]
    entries = [entry for start, end in options for entry in _BY_OBJECT_ENTRY.finditer(code, start, end)]
    if b".ByObject[" in code:
        entries += _BY_OBJECT_ASSIGNED.finditer(code)
    maps = {m.group(1) for m in _BY_OBJECT_VARIABLE.finditer(code)}
    named = [(entry.group(1), entry.group(2)) for start, end in options
             for entry in _BY_OBJECT_ENTRY_NAMED.finditer(code, start, end)]
    keyed = [entry for start, end in options for entry in _BY_OBJECT_ENTRY_OF_VARIABLE.finditer(code, start, end)]
    for name in maps:
        for entry in re.finditer(_BY_OBJECT_INDEXED % {b"name": re.escape(name)}, code):
            if entry.group(2) is not None:
                named.append((entry.group(1), entry.group(2)))
            else:
                entries.append(entry)
        keyed += re.finditer(_BY_OBJECT_KEYED % {b"name": re.escape(name)}, code)
    for entry in entries:
        yield entry.group(1).decode(), entry.end() - 1, _call_end(code, entry.end() - 1, b"{}")
    if b".ByObject[" in code:
        keyed += _BY_OBJECT_ASSIGNED_TO_VARIABLE.finditer(code)
    for entry in keyed:
        selection = entry.end() - 1, _call_end(code, entry.end() - 1, b"{}")
        # The loop around the entry first: the key's name may be made elsewhere in the file.
        if (ranged := _kinds_ranged_into(code, entry.group(1), entry.start())) is not None:
            yield from ((kind, *selection) for kind in ranged)
        elif (kind := _kind_made_into(code, entry.group(1), 0, len(code))) is not None:
            yield kind.decode(), *selection
    declared: dict[bytes, list[tuple[int, int]]] = {}
    off = None
    for kind, name in named:
        if name not in declared:
            found = re.search(_SELECTION_DECLARED % {b"name": re.escape(name)}, code)
            if found is None:
                declared[name] = _selection_returned(code, name)
            else:
                declared[name] = [(found.end() - 1, _call_end(code, found.end() - 1, b"{}"))]
                off = _off_flags(code) if off is None else off
                declared[name] += [(field.start(), field.end()) for field in re.finditer(
                    rb"\b%s\.(?:Label|Field)\s*=(?!=)" % re.escape(name), code) if _gating_flag(code, field.start(), off) is None]
        for selection in declared[name]:
            yield (kind.decode(), *selection)


def selected_kinds(code: bytes) -> frozenset[str]:
    """The kinds (type names) a file's `ByObject` cache options select by label, field or namespace,
    or its filtered cache builder does (_FILTERED_CACHE_ENTRY)."""
    found = {kind for kind, start, end in _by_object_entries(code) if _SELECTS.search(code, start, end)}
    if b"FilteredCacheBuilder(" in code:
        found |= {(entry.group(1) or entry.group(2)).decode() for entry in _FILTERED_CACHE_ENTRY.finditer(code)}
    return frozenset(found)


# IBM's controller-filtered-cache, given as the manager's `NewCache`
# (`filteredcache.NewFilteredCacheBuilder(gvkLabelMap)`), keeps the kinds its map selects by
# label or field (`corev1.SchemeGroupVersion.WithKind("Secret"): {LabelSelector: "..."}`, or
# `schema.GroupVersionKind{..., Kind: "Secret"}`; its enhanced builder's `[]Selector` values
# `{{LabelSelector: ...}}`): ibm-secretshare-operator's Secrets and ConfigMaps, called cached
# whole (read as wrong).
_FILTERED_CACHE_ENTRY = re.compile(rb'(?:\.WithKind\(\s*"(\w+)"\s*\)|GroupVersionKind\{[^{}]*?\bKind\s*:\s*"(\w+)"[^{}]*\})'
                                   rb'\s*:\s*(?:\[\]\w+\.Selector|\w+\.Selector)?\s*\{\s*(?:\w+\.Selector\s*)?\{?'
                                   rb'[^{}]*?\b(?:Label|Field)Selector\s*:')


# `Namespaces: namespaces` in a `ByObject` entry, the variable a map the file makes and fills
# in, one entry per namespace, or a function of the file returns so made (cloud-ingress-
# operator's `getWatchNamespaces()`, from its WATCH_NAMESPACE, nil when that is empty): it
# selects when a namespace is named (see scopings).
_NAMESPACES_OF_ENTRY = re.compile(rb"\bNamespaces\s*:\s*([A-Za-z_]\w*)\s*[,}\n]")
_ASSIGNED_FROM_CALL = rb"\b%(name)s\s*(?:,\s*\w+\s*)?:?=\s*([A-Za-z_]\w*)\("


def kinds_selected_when_namespace_named(code: bytes) -> frozenset[str]:
    """The kinds a file's `ByObject` cache options select by namespaces filled in from what
    names them (_NAMESPACES_OF_ENTRY): scoped only when a namespace is named."""
    found = set()
    for kind, start, end in _by_object_entries(code):
        variable = _NAMESPACES_OF_ENTRY.search(code, start, end)
        if variable is not None and _filled_namespace_map(code, variable.group(1)):
            found.add(kind)
    return frozenset(found)


def _filled_namespace_map(code: bytes, name: bytes) -> bool:
    """Whether the variable `name` is a map of namespaces the file makes and fills in, itself
    or in the function it is assigned the result of."""
    places = [(name, 0, len(code))]
    call = re.compile(_ASSIGNED_FROM_CALL % {b"name": re.escape(name)}).search(code)
    if call is not None:
        places += _maps_made_in(code, call.group(1))
    return any(any(m.group(1) == made for m in _MAP_MADE.finditer(code, start, end)) and
               re.compile(_NAMESPACE_ENTRY % {b"name": re.escape(made)}).search(code, start, end)
               for made, start, end in places)


_OPERAND_BEFORE = re.compile(rb"(?<![\w.])([A-Za-z_]\w*)\s*\Z")


class Watches(NamedTuple):
    kinds: frozenset[str]  # the kinds (type names) watched written `&pkg.Kind{}`
    known: bool  # whether every other watch is of a field (below)
    # The fields of a struct whose value a watch takes (`For(r.Type)`), whose kinds are those
    # the program gives that field (field_kinds).
    fields: frozenset[str]


# A keyed element giving a field an object of a kind: `Type: &topology.Queue{}`.
_FIELD_GIVEN_A_KIND = re.compile(rb"(?<![\w.])([A-Z]\w*)\s*:\s*&(?:\w+\.)?(\w+)\{")
_CLOSING = re.compile(rb"\s*\)")
_NO_ARGUMENTS = re.compile(rb"\(\s*\)")


def field_kinds(code: bytes) -> dict[str, frozenset[str]]:
    """The kinds a file gives fields of struct literals (`Type: &topology.Queue{}` in each of
    messaging-topology-operator's reconcilers), by field."""
    found: dict[str, set[str]] = {}
    for field, kind in _FIELD_GIVEN_A_KIND.findall(code):
        found.setdefault(field.decode(), set()).add(kind.decode())
    return {field: frozenset(kinds) for field, kinds in found.items()}


# The sources of controller-runtime's `source` package before v0.15, given the kind they
# watch: `Watches(&source.Kind{Type: &corev1.Pod{}}, ...)`, `Watches(source.NewKindWithCache(
# &v1.Cluster{}, cache), ...)` (rocket's scheduler watches its own Clusters so; read as a kind
# not known, its cache was reported as cluster-wide). Not a custom resource named `Kind`.
_OLDER_SOURCE = {b"Kind": re.compile(rb"[^{}]*?\bType\s*:\s*&(?:\w+\.)?(\w+)\{"),
                 b"NewKindWithCache": re.compile(rb"\(\s*&(?:\w+\.)?(\w+)\{")}


def _imports_source(code: bytes, name: bytes) -> bool:
    """Whether a file imports controller-runtime's `source` package as `name`."""
    return any(alias == name and path.endswith(b"controller-runtime/pkg/source") for alias, path in import_names(code))


def watched_kinds(code: bytes) -> Watches:
    """What a file's controllers watch, and the informers it asks the manager's cache for
    (Watches): a kind written `&pkg.Kind{}`, or passed so to a helper of the file, or a
    struct's field; another (a variable) watches a kind not known, but for an informer's."""
    found, known, fields = set(), True, set()
    packages: set[bytes] | None = None
    for watch in _WATCHED.finditer(code):
        if _of_webhook_builder(code, watch.start()):
            continue
        informer = watch.group(0).lstrip(b". \t\n").startswith(b"GetInformer")
        if informer and not (watch.group(1) and watch.group(3)):
            continue  # an informer of a kind the file does not write there (a loop's variable): none known
        operand = _OPERAND_BEFORE.search(code[max(0, watch.start() - 80):watch.start()])
        if operand is not None and watch.group(2):
            # A package's function of that name (secure-sign-operator's `labels.For(component,
            # ...)`) is no builder's watch: its kind is not one left unknown.
            packages = packages if packages is not None else {name for name, _ in import_names(code)}
            if operand.group(1) in packages:
                continue
        named = 2 if watch.group(2) else 5  # the group of the name watched: `For(...)`'s, else source.Kind's
        address, kind, literal = watch.group(named - 1, named, named + 1)
        qualified = code[watch.end(named - 1):watch.start(named)].endswith(b".")  # `r.pod`, `dnsv1.Zone`
        older = _OLDER_SOURCE.get(kind) if named == 2 and qualified else None
        if older is not None:
            qualifier = _QUALIFIER.search(code, max(0, watch.start(named) - 64), watch.start(named))
            older = older if qualifier is not None and _imports_source(code, qualifier.group(1)) else None
        if older is not None:
            inner = older.match(code, watch.end(named + 1))
            if inner is not None:
                found.add(inner.group(1).decode())
            else:
                known = False  # `&source.Kind{Type: obj}`: a kind not known
        elif address and literal:
            found.add(kind.decode())
        elif not address and not literal and (passed := _kinds_passed_for(code, kind, watch.start())) is not None:
            found |= passed
        elif not address and not literal and not qualified and \
                (made := _kind_made_into(code, kind, _function_start(code, watch.start()), watch.start())) is not None:
            # kraan's `hr := &helmctlv2.HelmRelease{}` then `Owns(hr)`; an unstructured object
            # whose kind the function then sets is of that kind (agent-office-operator's Route).
            found.add((_kind_set_on(code, kind, _function_start(code, watch.start()), watch.start())
                       if made.decode() in ANY_KIND else None) or made.decode())
        elif not address and not literal and kind.startswith(b"New") and len(kind) > 3 and \
                _NO_ARGUMENTS.match(code, watch.end(named)):
            found.add(kind[3:].decode())  # `hawtiov2.NewHawtio()`: a constructor of its kind's object
        elif not address and not literal and named == 2 and syntax.exported(kind) and qualified and \
                _CLOSING.match(code, watch.end(2)):
            fields.add(kind.decode())  # `For(r.Type)`: a field of the reconciler, not a package's kind
        else:
            known = False
    return Watches(frozenset(found), known, frozenset(fields))


# A package-level function of the file and its parameter list (rbac-manager's `func
# addController(mgr manager.Manager, r reconcile.Reconciler, name string, cType client.Object)`).
_FUNCTION_NAME_AND_PARAMETERS = re.compile(rb"^func[ \t]+(\w+)\(", re.MULTILINE)


def _kinds_passed_for(code: bytes, parameter: bytes, at: int) -> frozenset[str] | None:
    """The kinds a package-level function of the file, watching its parameter `parameter` at
    `at`, is given by every call of it in the file: each argument for that parameter written
    `&pkg.Kind{}`, or a variable the file so makes (rbac-manager's `addController(mgr, r,
    "namespace", namespace)` after `namespace := &corev1.Namespace{}`: the kinds of its
    controllers, not ones left unknown). None when a call passes anything else, or none calls it."""
    header = _enclosing_function_name(code, at)
    if header is None:
        return None
    parameters = _top_level_parts(code[header.end():_call_end(code, header.end() - 1) - 1])
    names = [part.split()[0] if part.split() else b"" for part in parameters]
    if parameter not in names:
        return None
    index = names.index(parameter)
    kinds: set[str] = set()
    calls = [m for m in re.finditer(rb"(?<![\w.])%s\(" % re.escape(header.group(1)), code) if m.start() != header.start(1)]
    for call in calls:
        arguments = _top_level_parts(code[call.end():_call_end(code, call.end() - 1) - 1])
        if index >= len(arguments):
            return None
        argument = arguments[index]
        made = _LISTED_KIND.fullmatch(argument)  # parts come stripped
        kind = made.group(1) if made is not None else _kind_made_into(code, argument.strip(), 0, call.start()) \
            if re.fullmatch(rb"\s*[A-Za-z_]\w*\s*", argument) else None
        if kind is None:
            return None
        kinds.add(kind.decode())
    return frozenset(kinds) if kinds else None


def _enclosing_function_name(code: bytes, at: int) -> re.Match | None:
    """The package-level function `at` is in, matched from `func` to the `(` of its parameters
    (group 1: its name); None inside a method."""
    return _FUNCTION_NAME_AND_PARAMETERS.match(code, _function_start(code, at))


def _function_start(code: bytes, at: int) -> int:
    """Where the function or method `at` is in starts (gofmt'ed: the last `func` at a line's
    start before it), else the file's start."""
    return code.rfind(b"\nfunc ", 0, at) + 1


def _kind_made_into(code: bytes, variable: bytes, start: int, end: int) -> bytes | None:
    """The kind of the object the last assignment to `variable` between `start` and `end`
    makes (`zone := &dnsv1.Zone{}`, `var zone = &dnsv1.Zone{}`, `zone = new(dnsv1.Zone)`),
    None when it makes none or there is none."""
    made = _last_match(re.compile(rb"(?<![\w.])%s\s*:?=(?!=)\s*(?:&(?:\w+\.)?(\w+)\{\}|new\((?:\w+\.)?(\w+)\))?"
                                  % re.escape(variable)), code, start, end)
    return made.group(1) or made.group(2) if made is not None else None


def _last_assignment(code: bytes, name: bytes, start: int, end: int) -> re.Match | None:
    """The last place between `start` and `end` that gives the local `name` a value or declares
    it (syntax.assigned_or_declared), None when there is none."""
    return _last_match(syntax.assigned_or_declared(name), code, start, end)


def _last_match(pattern: re.Pattern[bytes], code: bytes, start: int, end: int) -> re.Match | None:
    """The last match of `pattern` between `start` and `end`, None when there is none."""
    found = None
    for found in pattern.finditer(code, start, end):
        pass
    return found


def _kind_set_on(code: bytes, variable: bytes, start: int, end: int) -> str | None:
    """The kind an object of any kind held in `variable` is given between `start` and `end`
    (`route.SetGroupVersionKind(schema.GroupVersionKind{..., Kind: "Route"})`, _KIND_GIVEN, or
    `route.SetKind("Route")`; or a variable given such a literal before, in that stretch, its
    kind a string constant of the file: shoot-controller watches Cluster API's Clusters so),
    None when none is written out."""
    given = None
    for call in re.compile(rb"(?<![\w.])%s\.Set(GroupVersionKind|Kind)\(" % re.escape(variable)).finditer(code, start, end):
        arguments = code[call.end():_call_end(code, call.end() - 1)]
        if call.group(1) == b"Kind":
            written = re.match(rb'\s*"(\w+)"\s*\)', arguments)
            given = written.group(1).decode() if written is not None else None
            continue
        written = _KIND_GIVEN.search(arguments)
        named = re.match(rb"\s*([A-Za-z_]\w*)\s*\)", arguments) if written is None else None
        given = next(kind for kind in written.groups() if kind).decode() if written is not None else \
            _kind_of_literal_given(code, named.group(1), start, call.start()) if named is not None else None
    return given


_GVK_LITERAL = re.compile(rb"\s*:?=\s*(?:\w+\.)?GroupVersionKind\s*\{")
_KIND_FIELD = re.compile(rb'\bKind\s*:\s*(?:"(\w+)"|([A-Za-z_]\w*)\s*[,}\n])')


def _kind_of_literal_given(code: bytes, variable: bytes, start: int, end: int) -> str | None:
    """The kind of the `GroupVersionKind{...}` literal that the last assignment to `variable`
    between `start` and `end` gives it, written out or a string constant of the file; None
    otherwise, or when a field of it is written after, or its address taken (`gvk.Kind = ...`)."""
    last = _last_assignment(code, variable, start, end)
    literal = _GVK_LITERAL.match(code, last.start() + len(variable)) \
        if last is not None and code.startswith(variable, last.start()) else None
    literal_end = _call_end(code, literal.end() - 1, b"{}") if literal is not None else end
    if literal is None or re.compile(rb"(?<![\w.])%(name)s\s*\.\s*\w+\s*(?:,[^\n=]*)?=(?!=)|&\s*%(name)s\b"
                                     % {b"name": re.escape(variable)}).search(code, literal_end, end):
        return None
    field = _KIND_FIELD.search(code, literal.end(), literal_end)
    if field is None or field.group(1):
        return field.group(1).decode() if field is not None else None
    return unambiguous(string_constants(code)).get(field.group(2))


# A loop over a list of objects: `for _, obj := range coreTypes() {` or `range objects {`.
_RANGED = rb"\bfor\s+\w+\s*,\s*%(name)s\s*:=\s*range\s+([A-Za-z_]\w*)(\(\))?\s*\{"


def _kinds_ranged_into(code: bytes, variable: bytes, at: int) -> frozenset[str] | None:
    """The kinds of the objects the innermost loop around `at` gives `variable`, ranging over
    the lists of objects (_kinds_listed) a function of the file returns, or a variable of the
    function or of the package is given, or a variable is assigned from such a function
    (agent-office-operator keys its `ByObject` entries by `obj`, ranging over its
    `coreTypes()`; velkir ranges over its package-level `cacheOwnedTypes`). None when no loop
    around `at` ranges so, or no such list is found."""
    start = _function_start(code, at)
    loop = None
    for candidate in re.compile(_RANGED % {b"name": re.escape(variable)}).finditer(code, start, at):
        if _call_end(code, candidate.end() - 1, b"{}") > at:
            loop = candidate
    if loop is None:
        return None
    ranged = loop.group(1)
    if not loop.group(2):
        assigned = _last_match(re.compile(rb"(?<![\w.])%s\s*:?=\s*([A-Za-z_]\w*)\(\)" % re.escape(ranged)),
                               code, start, loop.start())
        if assigned is None:
            lists = list(re.finditer(_OBJECT_LIST_GIVEN % {b"name": re.escape(ranged)}, code[:loop.start()])) or \
                _package_object_lists(code, ranged)
            return _kinds_listed(code, lists) if lists else None
        ranged = assigned.group(1)
    lists = _lists_returned_by(code, ranged)
    return _kinds_listed(code, lists) if lists else None


def _package_object_lists(code: bytes, name: bytes) -> list[re.Match]:
    """The lists of objects (_PACKAGE_OBJECT_LIST) the file declares at package level under
    `name`: `var name = ...`, or `name = ...` inside a `var (...)` group."""
    pattern = re.compile(_PACKAGE_OBJECT_LIST % {b"name": re.escape(name)})
    groups = [(group.start(), group.end()) for group in _VAR_GROUP.finditer(code)]
    return [found for found in pattern.finditer(code)
            if found.group(0).startswith(b"var") or any(start < found.start() < end for start, end in groups)]


def _top_level_parts(listed: bytes, separator: bytes = b",") -> list[bytes]:
    """A list's parts, split at `separator` outside brackets and strings, each stripped: a
    parameter or argument list's at commas, a condition's operands at `&&`."""
    parts, depth, start, quoted, index = [], 0, 0, None, 0
    while index < len(listed):
        byte = listed[index]
        if quoted is not None:
            if byte == quoted and listed[index - 1:index] != b"\\":
                quoted = None
        elif byte in b"\"'`":
            quoted = byte
        elif byte in b"([{":
            depth += 1
        elif byte in b")]}":
            depth -= 1
        elif depth == 0 and listed.startswith(separator, index):
            parts.append(listed[start:index])
            start = index + len(separator)
            index = start
            continue
        index += 1
    parts.append(listed[start:])
    return [part.strip() for part in parts]


_SETUP_WITH_MANAGER = re.compile(rb"^func[ \t]*\([ \t]*\w*[ \t]*\*?[ \t]*(\w+)[^)]*\)[ \t]*SetupWithManager[ \t]*\(", re.MULTILINE)
# A package-level function: its name, and the rest of it to the closing brace gofmt puts at the
# start of a line (or at the end of its one line).
_TOP_LEVEL_FUNCTION = re.compile(rb"^func[ \t]+(\w+)([^\n]*\}[ \t]*$|.*?^\})", re.MULTILINE | re.DOTALL)
# What runs when the package is initialized, and may register a reconciler with no other file
# naming it: an `init` function, a blank variable's initializer.
_RUNS_AT_INIT = re.compile(rb"^(?:func[ \t]+init[ \t]*\(|var[ \t]+_[ \t]*=)", re.MULTILINE)


def reconciler_names(code: bytes) -> frozenset[bytes]:
    """The names through which a Go file's (comments removed) controller-runtime reconcilers
    are reached: the types of its `SetupWithManager` methods and its package-level functions
    that name one (`NewNodeReconciler() *NodeReconciler`, acm-sync's `SetupReconciler`, which
    builds one; not a helper others call); empty when it has no
    such method, or runs code when its package is initialized. A program that names none of
    them outside the file never registers them, and their watches fill no cache of its
    (galactic's gateway imports the controller package of its router, whose Secret and Node
    reconcilers it never builds)."""
    types = frozenset(_SETUP_WITH_MANAGER.findall(code))
    if not types or _RUNS_AT_INIT.search(code):
        return frozenset()
    named = re.compile(rb"\b(?:" + b"|".join(types) + rb")\b")
    return types | frozenset(name for name, function in _TOP_LEVEL_FUNCTION.findall(code) if named.search(function))


# A value made to decode an admission request into (`pod := &corev1.Pod{}` then
# `m.decoder.Decode(req, pod)`, `json.Unmarshal(req.Object.Raw, &pod)`): the object under
# review, read from no cache (mutating-registry-webhook's Pod mutator; its cache, holding only
# its own resources, was called one of Pods: read as wrong). Unless a client reads into it too.
_MADE_INTO = re.compile(rb"(?<![\w.])([A-Za-z_]\w*)\s*:?=\s*&?(?:\w+\.)?\Z")
_VAR_MADE = re.compile(rb"(?:\bvar\s+|^[ \t]+)([A-Za-z_]\w*)\s", re.MULTILINE)  # alone, or a line of a group
_DECODED_INTO = rb"\.(?:Decode|DecodeRaw)\([^()\n]*\b%(name)s\s*\)|\bUnmarshal\([^()\n]*&?%(name)s\s*\)"
_READ_INTO = rb"\.(?:Get|List)\([^\n]*\b%(name)s\b"


def _made_into(code: bytes, made: re.Match) -> bytes | None:
    """The variable a value made at `made` is given (`secret := &corev1.Secret{}`, `var list
    corev1.PodList`), or None: none, or the blank identifier."""
    named = _VAR_MADE.match(code, made.start()) or _MADE_INTO.search(code[max(0, made.start() - 80):made.start()])
    return named.group(1) if named is not None and named.group(1) != b"_" else None


# Go's string, rune and raw string literals.
_LITERAL_TEXT = re.compile(rb'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`[^`]*`')


def literals_blanked(code: bytes, keep: Callable[[bytes], bool] = lambda literal: False) -> bytes:
    """The code with the text of its string and rune literals blanked (the same length, quotes
    kept), but for those `keep` accepts (given a literal with its quotes): their braces and
    words are text, not code."""
    return _LITERAL_TEXT.sub(lambda m: m.group(0) if keep(m.group(0)) else
                             m.group(0)[:1] + b" " * (len(m.group(0)) - 2) + m.group(0)[-1:], code)


def holds_one_name(literal: bytes) -> bool:
    """Whether a literal (with its quotes) holds one name alone (`"run"`, a registry's key)."""
    return _NAME.fullmatch(literal, 1, len(literal) - 1) is not None


_NAME = re.compile(rb"[A-Za-z_]\w*")


def _rest_of_function(code: bytes, at: int) -> bytes:
    """The code from `at` to the next top-level function (gofmt'ed: `func` at a line's start)."""
    end = code.find(b"\nfunc ", at)
    return code[at:end if end >= 0 else len(code)]


def _decoded_from_a_request(code: bytes, made: re.Match) -> bool:
    """Whether the value `made` is where a function decodes an admission request (see above)."""
    named = _made_into(code, made)
    if named is None:
        return False
    rest = _rest_of_function(code, made.end())
    name = {b"name": re.escape(named)}
    return re.search(_DECODED_INTO % name, rest) is not None and re.search(_READ_INTO % name, rest) is None


def _of_webhook_builder(code: bytes, at: int) -> bool:
    """Whether what is at `at` is given to a webhook's builder (`ctrl.NewWebhookManagedBy(mgr)
    .For(&corev1.Pod{})`, or `admission.WithCustomDefaulter(scheme, &corev1.Pod{}, ...)` and
    `WithCustomValidator`: cryostat-operator's Pod defaulter), which starts no informer: in the
    builder's call or chain of calls, whose lines all end in `.`, `(` or `,`."""
    start = max(0, at - _MAX_CALL_BYTES)
    builder = code.rfind(b"ManagedBy(", start, at)
    if builder < 0 or not code.endswith(b"Webhook", 0, builder):
        builder = max(code.rfind(b"WithCustomDefaulter(", start, at), code.rfind(b"WithCustomValidator(", start, at))
    return builder >= 0 and \
        all(line.rstrip().endswith((b".", b"(", b",")) for line in code[builder:at].split(b"\n")[:-1])


# Kinds of the Kubernetes API whose objects grow with what runs in the cluster, in number and
# in size: a cache that holds one of them grows with the cluster. They carry pod templates (Pods,
# the workloads, their ReplicaSets and ControllerRevisions, Jobs), data of any size (Secrets,
# ConfigMaps: a Helm release's Secret can be hundreds of KB; CustomResourceDefinitions and their
# schemas), or number with pods and nodes (Events, Endpoints, EndpointSlices, Nodes).
# Not small objects numbered by apps, namespaces or nodes (Services, Ingresses, RBAC,
# ServiceAccounts, PVCs and PVs, policies, quotas, Leases, classes, DRA claims): caches of only
# those were read as not worth a change (December 2026: infoblox-dns-controller's Ingresses,
# synology-proxy-operator's Services and Ingresses, namespace-lister's RBAC), at 10,000
# Services, the largest count Kubernetes' scalability tests run, 27 MiB (bench/objectsize:
# 2.8 KiB a Service, 14.7 KiB a Pod, 27.3 KiB a Node). Nor
# Namespaces (a few hundred at most), nor a project's own custom resources or another
# project's, which number what users create: the managers of PowerDNS-Operator, nimbus,
# tsproxy, irsa-manager and kyverno-policy-operator, caching only those, were read as not worth
# a change (December 2026); those caching Secrets, ConfigMaps, Pods or Deployments
# cluster-wide as worth one, whatever the ratio.
GROWING_KINDS = (  # the most memory first: what a message names
    "Pod", "Secret", "ConfigMap", "Event", "Node", "Deployment", "ReplicaSet", "StatefulSet",
    "DaemonSet", "Job", "Endpoints", "EndpointSlice", "CustomResourceDefinition",
    "ControllerRevision", "ReplicationController", "PodTemplate")
# The small kinds: a cache of only these (and custom resources) stays small.
SMALL_KINDS = (
    "Namespace", "Service", "Ingress", "IngressClass", "ServiceAccount", "Role", "RoleBinding",
    "ClusterRole", "ClusterRoleBinding", "PersistentVolumeClaim", "PersistentVolume", "NetworkPolicy",
    "HorizontalPodAutoscaler", "PodDisruptionBudget", "Lease", "LimitRange", "ResourceQuota",
    "StorageClass", "VolumeAttachment", "CSINode", "CSIDriver", "CSIStorageCapacity",
    "CertificateSigningRequest", "ResourceClaim", "ResourceSlice", "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration", "PriorityClass", "CronJob")


# The most a cache of some kinds that grow with the cluster can hold, in MiB: the decoded
# objects and the body of the first list, which the API server may send as one response (from
# its watch cache), held while they are decoded (bench/objectsize, KiB each held + KiB of JSON).
# At the scale Kubernetes is tested to, 5,000 Nodes reporting the kubelet's 50 images
# (27.3 + 20.3): 133 + 99 MiB. Apps are not a tested limit: taken as many as the 10,000
# Services of its scalability tests, each a Deployment or StatefulSet (15.3 + 6.9, the
# largest), sharing that one count: 150 + 68 MiB. A DaemonSet runs a pod on every node it
# selects, and a node runs at most 110 (the kubelet's default maxPods, Kubernetes' tested
# limit): 1,000 DaemonSets, ten node pools each full of its own, are far more than clusters
# run (14.1 + 6.7): 14 + 7 MiB. Kinds that number with pods (Pods, Jobs, ReplicaSets,
# EndpointSlices) or hold data of any size (Secrets, ConfigMaps) have no such bound.
BOUNDED_KIND_HEAPS_MIB = {"Node": ("nodes", 232), "Deployment": ("apps", 218), "StatefulSet": ("apps", 218),
                          "DaemonSet": ("daemonsets", 21)}


def bounded_heap_mib(kinds: Iterable[str]) -> int | None:
    """The most a cache of `kinds` can hold (BOUNDED_KIND_HEAPS_MIB); None when one of them
    has no bound."""
    if any(kind not in BOUNDED_KIND_HEAPS_MIB for kind in kinds):
        return None
    return sum(dict(BOUNDED_KIND_HEAPS_MIB[kind] for kind in kinds).values())


class Framework(NamedTuple):
    """A framework a program runs that keeps a cache of its own (FRAMEWORK_CACHES)."""
    module: str
    kinds: tuple[str, ...]  # what its cache holds
    # The variable it reads the container's memory limit from, to give the runtime a soft limit
    # of its own; None when it reads none.
    limit_variable: str | None


# Frameworks a program runs that keep caches of their own beside what its code names, by the
# package they import: Karpenter's core operator, which its cloud providers' main packages
# start, tracks every Pod, Node and DaemonSet of the cluster in its cluster state (a tool
# importing only Karpenter's API types runs none of it); it sets the runtime's soft limit to
# 90% of what `MEMORY_LIMIT` (its `--memory-limit`) gives it (pkg/operator/operator.go,
# v1.6.0), which a chart fills from the container's limit.
FRAMEWORK_CACHES = {"sigs.k8s.io/karpenter/pkg/operator": (("Pod", "Node", "DaemonSet"), "MEMORY_LIMIT")}


def framework_cache(imports: Iterable[str]) -> Framework | None:
    """The first of FRAMEWORK_CACHES that `imports` (import paths) reach; None when none does."""
    prefix = _first_reached(imports, FRAMEWORK_CACHES)
    return Framework(prefix.split("/pkg/", 1)[0], *FRAMEWORK_CACHES[prefix]) if prefix is not None else None


def _first_reached(imports: Iterable[str], packages: Iterable[str]) -> str | None:
    """The first of `packages` (import paths) that `imports` reach, it or a package below it,
    in the order of `imports`; None when none does."""
    packages = tuple(packages)
    return next((package for path in imports for package in packages if modules.in_module(path, package)), None)


# What holds a program back before it serves, by the package it imports: knative's sharedmain
# starts a webhook's server only once its informers have synced and its certificate is in
# place, under leader election (knative eventing's webhooks, eventing-kafka-broker's: a
# liveness window under that wait was read as worth a change); operator-sdk's `leader.Become`
# waits for the leader lock before anything else runs (kubernetes-secret-generator); client-go's
# leader election runs its callbacks only once it leads. A program that only opens its health
# port and reads its config starts in milliseconds: seven findings on such programs (CSI drivers,
# a DNS webhook, database-backed services) were read as not worth a change.
CLIENT_GO_LEADER_ELECTION = "k8s.io/client-go/tools/leaderelection"
STARTUP_WAITS = {
    "knative.dev/pkg/injection/sharedmain": "knative's sharedmain, which serves only once its informers have "
                                            "synced, under leader election",
    "github.com/operator-framework/operator-lib/leader": "operator-sdk's leader.Become, which waits for the leader "
                                                         "lock before anything else runs",
    "github.com/operator-framework/operator-sdk/pkg/leader": "operator-sdk's leader.Become, which waits for the "
                                                             "leader lock before anything else runs",
    CLIENT_GO_LEADER_ELECTION: "client-go's leader election, which runs its work only once it leads",
}


def startup_wait(imports: Iterable[str]) -> str | None:
    """What of STARTUP_WAITS `imports` (import paths) reach first, described; None when none."""
    return STARTUP_WAITS.get(_first_reached(imports, STARTUP_WAITS))


def plural(kind: str) -> str:
    """A kind's plural as its API names it (`Secrets`, `Endpoints`): the resource of RBAC rules
    (lowercased) and of typed informer factories' accessors."""
    return kind if kind.endswith("s") else kind + "s"


# The packages of the Kubernetes API (and of CustomResourceDefinitions) that declare its kinds.
_API_PACKAGES = (b"k8s.io/api/", b"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/")
# A kind made as a value, which a client fills in or a cache is asked for: a literal
# (`&corev1.Secret{}`, not a slice's or map's `[]corev1.Pod{}`), a variable declared of it
# (`var pods corev1.PodList`), `new(corev1.Pod)`. Not a kind named only as a type (a
# parameter, a type assertion, a slice of what client-go's clientset listed):
# aws-iamra-manager lists Pods through the clientset into `[]corev1.Pod`, and a finding
# naming Pods as cached was read as wrong.
_GROWING_KIND = (rb"(?<!\])\b(?:%(aliases)s)\.(%(kinds)s)(?:List)?\s*\{"
                 rb"|\bvar\s+\w+(?:\s*,\s*\w+)*\s+\*?(?:%(aliases)s)\.(%(kinds)s)(?:List)?\b"
                 rb"|\bnew\(\s*(?:%(aliases)s)\.(%(kinds)s)(?:List)?\s*\)")
# A variable of a kind declared in a `var (...)` group, a line of its own (rathole-operator's
# `var (` `secret corev1.Secret` `ok = true` `)`, read through the manager's client).
_VAR_GROUP_LINES = re.compile(rb"\bvar[ \t]*\([ \t]*\n(.*?)\n[ \t]*\)", re.DOTALL)
_GROUPED_KIND = rb"(?m)^%(indent)s(?!(?:case|return|go|defer|if|for|switch|select|else|default|func|var)\b)" \
                rb"\w+(?:[ \t]*,[ \t]*\w+)*[ \t]+\*?(?:%(aliases)s)\.(%(kinds)s)(?:List)?\b"


def _grouped_kinds_made(code: bytes, names: dict[bytes, bytes]) -> Iterator[re.Match]:
    """The variables of a kind declared in `var (...)` groups: their specs' lines, at the
    group's first line's indentation (not a `case *corev1.Pod:` of a function a spec holds)."""
    for group in _VAR_GROUP_LINES.finditer(code):
        indent = re.match(rb"[ \t]*", group.group(1)).group(0)
        if indent:
            spec = re.compile(_GROUPED_KIND % {**names, b"indent": re.escape(indent)})
            yield from spec.finditer(code, group.start(1), group.end(1))


# A call of a client's own Get or List (`ctx.Client.Get(ctx, key, &secret)`): controller-runtime's
# client; client-go's clientset reads through a resource's interface (`CoreV1().Secrets(ns).Get`).
_CLIENT_READ = re.compile(rb"\b\w*[cC]lient\s*\.\s*(?:Get|List)\(")
_KINDS = b"|".join(k.encode() for k in GROWING_KINDS)
_SMALL_KINDS = b"|".join(k.encode() for k in SMALL_KINDS)
# Objects of any kind: metadata (cached by controller-runtime's client whenever read) and,
# when a controller watches them, unstructured ones (read through the client, they are not
# cached unless its options say so: irsa-manager's reads). What they hold is not known.
ANY_KIND = frozenset({"Unstructured", "PartialObjectMetadata"})
_ANY_METADATA = re.compile(rb"\bPartialObjectMetadata(?:List)?\{")
# The kinds a file gives its metadata objects (`obj.SetGroupVersionKind(gvk)`, `gvk` written
# out as `schema.GroupVersionKind{Version: "v1", Kind: "Secret"}` or `corev1.SchemeGroupVersion
# .WithKind("ConfigMap")`): metadata of those kinds only (secure-sign-operator checks that
# Secrets and ConfigMaps exist so, through a client that does not cache either; a finding
# calling its cache one of any kind was read as wrong). A kind set otherwise is not known.
_KIND_GIVEN = re.compile(rb'\bWithKind\(\s*"(\w+)"\s*\)|\b(?:GroupVersionKind|TypeMeta)\s*\{[^{}]*\bKind\s*:\s*"(\w+)"')
_KIND_SET = re.compile(rb"\.SetGroupVersionKind\(")


# An import spec on a line of its own: `corev1 "k8s.io/api/core/v1"`, `import "k8s.io/api/core/v1"`.
_IMPORT_SPEC = re.compile(rb'^[ \t]*(?:import[ \t]+)?(?:([A-Za-z_]\w*)[ \t]+)?"([^"\n]+)"', re.MULTILINE)


def import_names(source: bytes) -> list[tuple[bytes, bytes]]:
    """(the name a Go file gives an imported package, its import path), for each import spec:
    its alias, else the last element of its path."""
    return [(m.group(1) or m.group(2).rsplit(b"/", 1)[-1], m.group(2)) for m in _IMPORT_SPEC.finditer(source)]


API_SERVER_STORAGE = ("k8s.io/apiserver/pkg/registry/generic/registry", "k8s.io/apiserver/pkg/storage")
_GENERIC_REGISTRY = API_SERVER_STORAGE[0].encode()
# The watch cache itself, which a program importing it builds whatever its stores are given.
_WATCH_CACHE = "k8s.io/apiserver/pkg/storage/cacher"
# A store's own storage, given in its literal as a struct the program writes there:
# `Storage: registry.DryRunnableStorage{Storage: &store{...}}` (a variable may hold one the
# options' decorator built with its watch cache: `registry.StorageWithCacher()`).
_OWN_STORAGE = re.compile(rb"\bStorage\s*:\s*\w+\.DryRunnableStorage\s*\{[^{}]*?\bStorage\s*:\s*&?\w+(?:\.\w+)?\s*\{")


def api_server_storage(import_path: str) -> bool:
    """Whether `import_path` is (or is below) a package of an API server's storage
    (API_SERVER_STORAGE) other than its watch cache (_WATCH_CACHE)."""
    return not modules.in_module(import_path, _WATCH_CACHE) and \
        any(modules.in_module(import_path, path) for path in API_SERVER_STORAGE)


# What of the generic registry makes or holds a store: not its error message, which
# integration-operator's reconcilers compare errors with (its finding charged the registry).
_REGISTRY_STORAGE_NAMES = rb"(?:Store|StorageWithCacher|DryRunnableStorage|GenericStore)\b"


def api_server_stores(source: bytes, code: bytes) -> tuple[int, int, int]:
    """(how many stores of an API server's generic registry a Go file writes, `registry.Store{`
    under the name it imports the package by; how many of them are given a storage of their
    own; 1 when it names what makes or holds a store at all, _REGISTRY_STORAGE_NAMES, else 0).
    The registry builds a store's storage, and the watch cache that keeps every object of its
    resource, only when none is given: sbomscanner's storage server gives each of its three
    stores one over Postgres, and a finding calling its cache one that grows with the cluster
    was read as wrong."""
    # Read for every file of every program: most never name the registry.
    names = [name for name, path in import_names(source) if path == _GENERIC_REGISTRY] \
        if _GENERIC_REGISTRY in source else []
    if not names:
        return 0, 0, 0
    stores = own = 0
    qualifiers = b"|".join(map(re.escape, names))
    # A literal (`&registry.Store{`, `= registry.Store{`), not a result type (`*registry.Store {`).
    literal = rb"(?:&|[=:(,]\s*|\breturn\s+)(?:%s)\.Store\s*\{" % qualifiers
    for store in re.finditer(literal, code):
        stores += 1
        own += _OWN_STORAGE.search(code, store.end(), _call_end(code, store.end() - 1, b"{}")) is not None
    named = re.search(rb"\b(?:%s)\.%s" % (qualifiers, _REGISTRY_STORAGE_NAMES), code) is not None
    return stores, own, int(named)


def growing_kinds(source: bytes, code: bytes, api_readers: frozenset[bytes] = frozenset(),
                  own_client_parameters: frozenset[bytes] = frozenset()) -> frozenset[str]:
    """The kinds of the Kubernetes API that grow with the cluster (GROWING_KINDS) a Go file
    (`code`: its `source` without comments) names, by the name it imports the API package
    under, and `PartialObjectMetadata` when it writes metadata of any kind (ANY_KIND), in a
    file that imports controller-runtime: what a cache of the program may hold, whether it
    watches them or reads them through the manager's client, not through its API reader (or
    the fields `api_readers` the program gives it: api_reader_names), nor through the
    parameters `own_client_parameters` that are given only clients the program builds itself
    (see client_arguments). Objects of any kind that a controller watches are among its
    watched kinds (watched_kinds)."""
    reads = _reads(api_readers, own_client_parameters)
    found = _kinds_made(source, code, _KINDS, reads=reads)
    if found is None:
        return frozenset()
    return found | _metadata_kinds(code) if any(_may_read_into(code, made, reads) for made in _ANY_METADATA.finditer(code)) \
        else found


# A client's read into what it is given (`r.Get(ctx, key, obj)`, `c.List(ctx, list)`), not
# through a reader that caches nothing: the manager's API reader (`mgr.GetAPIReader().Get(...)`,
# a variable or field named for it), or a client named for caching nothing, by its name alone
# (k8s-aws-operator's `NonCachingClient` and airunway's `direct`, built by `client.New`, read
# the Pods and Deployments they need: messages saying their caches held every one were read as
# wrong); the name just before the call, so that a word on the line (`opts.Direct`,
# `uncachedErr`) says nothing.
_UNCACHED_READER = (rb"\w*[aA][pP][iI]Reader|\w*(?:[nN]on[cC]aching|[uU]n[cC]ached)(?:Client|Reader)?"
                    rb"|(?:\w*D|d)irect(?:Client|Reader)|direct")
_UNCACHED_READ = rb"(?:%s)(?:\(\))?\s*\.\s*(?:Get|List)\("


class _Reads(NamedTuple):
    """The patterns telling reads through the cache from reads through readers that cache
    nothing (_UNCACHED_READ), those a program names as it gives them (api_reader_names) included."""
    cached: re.Pattern  # a line calling a Get or List, through no such reader
    into: bytes  # a read into `%(name)s` through such a reader, on one line (`r.APIReader.Get(ctx, key, secret)`)
    opened: re.Pattern  # a line opening a read through such a reader that goes on over the next lines


@lru_cache(maxsize=64)
def _reads(api_readers: frozenset[bytes] = frozenset(), parameters: frozenset[bytes] = frozenset()) -> _Reads:
    """The patterns for the readers _UNCACHED_READER names, the fields `api_readers` (read
    as fields: `s.Reader.Get(`) and the `parameters` (read as names: `secretsClient.Get(`),
    built once per set."""
    fields = rb"|\.\s*(?:%s)\b" % b"|".join(sorted(map(re.escape, api_readers))) if api_readers else b""
    fields += rb"|(?<![\w.])(?:%s)\b" % b"|".join(sorted(map(re.escape, parameters))) if parameters else b""
    uncached = _UNCACHED_READ % (rb"\b(?:" + _UNCACHED_READER + rb")" + fields)
    return _Reads(re.compile(rb"^(?![^\n]*" + uncached + rb")[^\n]*\.\s*(?:Get|List)\(", re.MULTILINE),
                  rb"^[^\n]*" + uncached + rb"[^\n]*\b%(name)s\b",
                  re.compile(rb"^[^\n]*" + uncached + rb"\Z"))


# A field named for a reader given the manager's API reader, in a struct literal (`Reader:
# mgr.GetAPIReader()`) or assigned (`h.reader = mgr.GetAPIReader()`): kube-claw's main gives its
# HTTP handlers' `Reader` the API reader, through which they read Pods, and a message naming
# Pods as cached was read as overstated. Not a variable, whose name says nothing outside its
# scope, nor a field of another name (a `Client` given it here may be given the cached client
# elsewhere, by position). And a field or variable given anything (_NAME_GIVEN).
_API_READER_VALUE = rb"(?:[A-Za-z_]\w*(?:\(\))?\.)*GetAPIReader\(\)"
_API_READER_GIVEN = re.compile(rb"(?:(?<![\w.\"])((?=[A-Za-z_])\w*[rR]eader\w*)\s*:(?!=)|"
                               rb"(?<=\.)((?=[A-Za-z_])\w*[rR]eader\w*)\s*=(?!=))\s*" + _API_READER_VALUE)
_NAME_GIVEN = rb"(?<![\w\"])(%s)\s*(?::(?!=)|:?=(?!=))\s*"


def api_reader_names(code: bytes) -> frozenset[bytes]:
    """The fields a Go file (without comments) gives the manager's API reader (_API_READER_GIVEN)."""
    return frozenset(m.group(1) or m.group(2) for m in _API_READER_GIVEN.finditer(code)) \
        if b"GetAPIReader()" in code else frozenset()


def reader_methods(code: bytes) -> frozenset[tuple[bytes, bytes]]:
    """(method, field) for each method of a Go file (without comments) that returns a reader
    field first (_READER_METHOD, _RETURNED_FIELD): whatever happens, or under a test that the
    field is set (`if r.APIReader != nil {`), not under another condition (`if r.debug {`).
    Reads through the method are the field's (see names_uncached_reader, api_reader_names)."""
    found = set()
    for method in _READER_METHOD.finditer(code):
        first = _RETURN.search(code, method.end(), _call_end(code, method.end() - 1, b"{}"))
        returned = _RETURNED_FIELD.match(code, first.start()) if first is not None else None
        if returned is None:
            continue
        opening = next(_enclosing_openings(code, first.start(), method.end()), None)
        guard = code[code.rfind(b"\n", 0, opening) + 1:opening + 1] if opening is not None else b""
        if opening is None or re.fullmatch(rb"\s*if\s+\w+\.%s\s*!=\s*nil\s*\{" % re.escape(returned.group(1)), guard):
            found.add((method.group(1), returned.group(1)))
    return frozenset(found)


def names_uncached_reader(name: bytes) -> bool:
    """Whether a field's or variable's name says it reads without a cache (_UNCACHED_READER)."""
    return re.fullmatch(_UNCACHED_READER, name) is not None


# A method without parameters returning a reader (`func (r *R) liveReader() client.Reader {`),
# and the field its first `return` gives (`return r.APIReader`, under `if r.APIReader != nil {`):
# benchhandoff's controller lists Pods through `r.liveReader()`, the manager's API reader, and a
# message naming Pods as cached was read as overstated.
_READER_METHOD = re.compile(rb"^func\s*\([^)]*\)\s*([A-Za-z_]\w*)\(\)\s*(?:client\.)?Reader\s*\{", re.MULTILINE)
_RETURN = re.compile(rb"\breturn\b")
_RETURNED_FIELD = re.compile(rb"return\s+[A-Za-z_]\w*\.([A-Za-z_]\w*)[ \t]*$", re.MULTILINE)


def names_given_otherwise(code: bytes, names: frozenset[bytes], parameters: bool = True,
                          uncached_at: frozenset[int] = frozenset()) -> frozenset[bytes]:
    """Those of `names` a Go file gives anything but the API reader, as a field or a variable,
    or (with `parameters`) as a parameter, which its callers give: a program's reads through
    such a name may be cached. Not where the name starts at one of `uncached_at`, given a
    client that caches nothing there (own_client_fields)."""
    if not names or not any(name in code for name in names):
        return frozenset()
    alternatives = b"|".join(sorted(map(re.escape, names)))
    pattern = re.compile(_NAME_GIVEN % alternatives)
    value = re.compile(_API_READER_VALUE)
    given = {m.group(1) for m in pattern.finditer(code)
             if not value.match(code, m.end()) and m.start(1) not in uncached_at}
    # Or one of several assigned at once (`h.Local, h.Client = a, b`), whatever each is given.
    several = re.compile(rb"(?m)^[ \t]*(?:[A-Za-z_][\w.]*\s*,\s*)+(?:[A-Za-z_]\w*\.)*(%s)\s*(?:,\s*[\w.]+\s*)*:?=(?!=)"
                         rb"|^[ \t]*(?:[A-Za-z_]\w*\.)*(%s)\s*(?:,\s*[\w.]+\s*)+:?=(?!=)" % (alternatives, alternatives))
    given |= {m.group(1) or m.group(2) for m in several.finditer(code)}
    if not parameters:
        return frozenset(given)
    # A parameter of that name (`func f(reader client.Reader)`) holds what its callers give it.
    parameter = rb"[(,]\s*(%s)\s+(?:\*|\[\])?[A-Za-z_][\w.]*\s*[,)]" % b"|".join(sorted(map(re.escape, names)))
    return frozenset(given | {m.group(1) for m in re.finditer(parameter, code)})


def _may_read_into(code: bytes, made: re.Match, reads: _Reads) -> bool:
    """Whether a metadata object made at `made` may be read through the manager's cache: not
    when the variable it is given is never handed to a client's Get or List in its function
    (_Reads.cached), as kubernetes-controller-sharding's sharder lists its objects' metadata
    page by page through its API reader and decodes an admission request's into another (read
    as wrong when called cached); a literal given no name is."""
    named = _made_into(code, made)
    if named is None:
        return True
    body = _rest_of_function(code, made.end())
    name = re.compile(rb"\b%s\b" % re.escape(named))
    for read in reads.cached.finditer(body):
        if name.search(body, read.end(), _call_end(body, read.end() - 1)):
            return True
    return False


def _metadata_kinds(code: bytes) -> frozenset[str]:
    """What a file that makes metadata objects reads metadata of: the kinds that grow with the
    cluster among those it gives them (_KIND_GIVEN), in each `SetGroupVersionKind` call or the
    variable it passes; any kind (PartialObjectMetadata) when one is set otherwise or none is set."""
    def kinds_given(written: bytes) -> set[str]:
        return {next(filter(None, m.groups())).decode() for m in _KIND_GIVEN.finditer(written)}

    given: set[str] = set()
    for setting in _KIND_SET.finditer(code):
        argument = code[setting.end():_call_end(code, setting.end() - 1) - 1]
        kinds = kinds_given(argument)
        name = re.fullmatch(rb"\s*([A-Za-z_]\w*)\s*", argument)
        declared = re.search(rb"\b%s\s*:?=\s*" % re.escape(name.group(1)), code) if not kinds and name else None
        if declared is not None:
            line_end = code.find(b"\n", declared.end())
            brace = code.find(b"{", declared.end(), line_end)
            kinds = kinds_given(code[declared.end():_call_end(code, brace, b"{}") if brace >= 0 else line_end])
        if not kinds:
            return frozenset({"PartialObjectMetadata"})
        given |= kinds
    return frozenset(given & set(GROWING_KINDS)) if given else frozenset({"PartialObjectMetadata"})


def small_kinds(source: bytes, code: bytes, api_readers: frozenset[bytes] = frozenset(),
                own_client_parameters: frozenset[bytes] = frozenset()) -> frozenset[str]:
    """The small kinds of the Kubernetes API (SMALL_KINDS) and the kinds of custom resources
    (_custom_resource_package) a Go file names as growing_kinds does: route-validator's
    webhooks read Namespaces through the manager's client and nothing else, kubernetes-webhooks'
    Service validator reads Cilium's CiliumLoadBalancerIPPools; findings calling their caches
    ones that grow with the cluster were read as not worth a change and as wrong."""
    reads = _reads(api_readers, own_client_parameters)
    return (_kinds_made(source, code, _SMALL_KINDS, reads=reads) or frozenset()) | \
        (_kinds_made(source, code, rb"[A-Z]\w*", _custom_resource_package, reads) or frozenset())


# kubebuilder's layout of a project's own API versions: `api/v1alpha1`, or `api/<group>/v1`
# with several groups (netcon's gateway reads its own Gateways: its finding was read as wrong).
_KUBEBUILDER_API_VERSION = re.compile(rb"/api/(?:[\w.-]+/)?v\d+(?:(?:alpha|beta)\d+)?$")


def _custom_resource_package(import_path: bytes) -> bool:
    """Whether a package holds custom resources' types, in code-generator's layout (an `apis`
    directory: `github.com/cilium/cilium/pkg/k8s/apis/cilium.io/v2alpha1`) or kubebuilder's
    (_KUBEBUILDER_API_VERSION), outside Kubernetes' own modules, whose `apis` packages hold
    options and object metadata."""
    return not import_path.startswith(b"k8s.io/") and (
        b"/apis/" in import_path or _KUBEBUILDER_API_VERSION.search(import_path) is not None)


# controller-runtime packages that never touch objects: a file importing only these reads
# none through a cache (snaplane's reader-pod builder loads its rest.Config with
# `client/config` and creates the Pod through client-go's clientset; a finding naming Pods as
# cached was read as wrong).
_NO_OBJECT_ACCESS = frozenset(f"{CONTROLLER_RUNTIME}/pkg/{name}".encode() for name in (
    "client/config", "log", "log/zap", "metrics", "metrics/server", "metrics/filters", "healthz", "scheme"))
# Nor its client package, imported for the objects' types alone (`client.Object`) by a file of
# an API version's package (`package v1alpha1`) declaring a kind (its struct embeds `TypeMeta`)
# that holds no client and calls no Get or List:
# k8s-timed-rolebinding's API types build the Job a reconciler creates, and a finding naming
# Jobs among what its cache holds was read as wrong.
CLIENT_PACKAGE = f"{CONTROLLER_RUNTIME}/pkg/client".encode()
_API_VERSION_PACKAGE = re.compile(rb"^package\s+v\d+(?:(?:alpha|beta)\d+)?\s*$", re.MULTILINE)
_DECLARES_API_TYPE = re.compile(rb"^\s+\w+\.TypeMeta\b", re.MULTILINE)  # a kind's struct, `metav1.TypeMeta` embedded
_ANY_READ = re.compile(rb"\.\s*(?:Get|List)\(")
_CLIENT_TYPE = rb"\b(?:%s)\.(?:Client|Reader|WithWatch)\b"


def _imports_object_access(source: bytes, code: bytes) -> bool:
    """Whether a Go file imports a package of controller-runtime that may read objects."""
    imported = [(name, path) for name, path in import_names(source)
                if path.startswith(CONTROLLER_RUNTIME.encode()) and path not in _NO_OBJECT_ACCESS]
    if any(path != CLIENT_PACKAGE for _, path in imported) or not _API_VERSION_PACKAGE.search(code) or \
            not _DECLARES_API_TYPE.search(code):
        return bool(imported)
    names = [re.escape(name) for name, _ in imported if name != b"_"]
    return bool(names) and (_ANY_READ.search(code) is not None or
                            re.search(_CLIENT_TYPE % b"|".join(names), code) is not None)


def _kinds_made(source: bytes, code: bytes, kinds: bytes,
                api: Callable[[bytes], bool] = lambda path: path.startswith(_API_PACKAGES),
                reads: _Reads = _reads()) -> frozenset[str] | None:
    """The kinds of `kinds` (a pattern's alternatives) that a Go file makes as values of an
    API package (`api`, by import path: Kubernetes' own) (_GROWING_KIND), outside webhook
    builders; None when the file neither imports controller-runtime nor calls a client's Get
    or List."""
    if not _imports_object_access(source, code) and not _CLIENT_READ.search(code):
        # Made where controller-runtime is not imported, nor a client's Get or List called, a
        # kind is read through client-go's uncached clientset (klaus-gateway's route store
        # keeps one ConfigMap that way, beside a manager caching only its own resources: its
        # finding was read as wrong). kubecloudscaler's handlers get a Secret through a
        # controller-runtime client passed in a struct, importing only the struct's package.
        return None
    found: set[str] = set()
    aliases = {name for name, path in import_names(source) if api(path)}
    aliases.discard(b"_")
    if aliases:
        names = {b"aliases": b"|".join(map(re.escape, aliases)), b"kinds": kinds}
        made_all = [*re.finditer(_GROWING_KIND % names, code), *_grouped_kinds_made(code, names)]
        found.update(next(filter(None, made.groups())).decode() for made in made_all
                     if not _of_webhook_builder(code, made.start()) and not _decoded_from_a_request(code, made)
                     and not _only_written(code, made, reads) and not _built(code, made))
    return frozenset(found)


def _built(code: bytes, made: re.Match) -> bool:
    """Whether the value made at `made` is a literal that sets what a read would overwrite:
    a field beside its `ObjectMeta` and `TypeMeta` (`&corev1.Pod{Spec: tmpl.Spec}`), an object
    built to be written or computed with, not a cache's read target (openkruise's
    sandbox-manager builds a Pod only to resize its template's resources: its cache, said to
    hold Pods, holds none, read as wrong); unless its function hands it whole to what may read
    into it (_handed_to_a_read): the desired object built, looked up, created when not found."""
    if not code[made.end() - 1:made.end()] == b"{":
        return False
    end = _call_end(code, made.end() - 1, b"{}")
    keys = [_LITERAL_KEY.match(field) for field in _top_level_parts(code[made.end():end - 1]) if field]
    if all(key is not None and key.group(1) in _METADATA_FIELDS for key in keys):
        return False
    named = _made_into(code, made)
    return named is None or not _handed_to_a_read(code, named, _rest_of_function(code, end))


def _handed_to_a_read(code: bytes, name: bytes, rest: bytes) -> bool:
    """Whether `rest` (of a function of `code`) passes `name` whole to a call that may read
    into it: a client's Get or List, CreateOrUpdate or CreateOrPatch (which get it first), a
    call handed a client's Get or List as a value, a function or method of the file that reads
    through a client (_reads_through_a_client), or any other call not known to leave it alone
    (_LEAVES_ALONE: a write through a client, an owner given, its key taken, a log line or an
    event). Not inside a block that declares another variable of its name (`for _, secret :=
    range names {...}`)."""
    rest = _shadows_blanked(rest, name)
    packages = {imported for imported, _ in import_names(code)}
    for use in re.finditer(rb"(?<![\w.])&?%s\b(?!\s*[.(\[])" % re.escape(name), rest):
        call = _argument_call(rest, use)
        if call is not None and _call_may_read_into(code, rest, use, call, packages):
            return True
    return False


class _ArgumentCall(NamedTuple):
    """A call that a variable is an argument of, on its own (_argument_call)."""
    opening: int  # where its `(` is
    operand: bytes  # what is before the callee's name and its dot (`r` of `r.ensure(`), or b""
    name: bytes  # the callee's name; b"" when it has none (a generic's instance, a function literal)


def _argument_call(rest: bytes, use: re.Match) -> _ArgumentCall | None:
    """The call that the variable used at `use` (in `rest`) is an argument of, on its own; None
    when it is not one (`pod.Spec`, `x := pod`)."""
    opening = _opening_before(rest, use.start())
    before = rest[:use.start()].rstrip()
    after = rest[use.end():].lstrip()
    if opening is None or not before.endswith((b"(", b",")) or not after.startswith((b",", b")")):
        return None
    callee = _CALLEE.search(rest, rest.rfind(b"\n", 0, opening) + 1, opening + 1)
    operand, _, name = callee.group(1).rpartition(b".") if callee is not None else (b"", b"", b"")
    return _ArgumentCall(opening, operand, name)


def _call_may_read_into(code: bytes, rest: bytes, use: re.Match, call: _ArgumentCall, packages: set[bytes]) -> bool:
    """Whether `call`, which the variable used at `use` (in `rest`, of a function of `code`) is
    an argument of, may read into it (see _handed_to_a_read; `packages`: the names the file
    imports packages under)."""
    operand, last = call.operand, call.name
    if not last:
        return True  # (a generic's instance, a function literal, a conversion: not followed)
    line_end = rest.find(b"\n", use.end())
    line = rest[rest.rfind(b"\n", 0, use.start()) + 1:line_end if line_end >= 0 else len(rest)]
    if last in _READS or _READ_METHOD_VALUE.search(line):
        return True  # (a client's Get handed as a value: `fetch(ctx, c.Get, key, secret)`)
    if last in _LEAVES_ALONE or operand.split(b".", 1)[0] in _LOGGING_PACKAGES:
        return False
    # Another package's function may read; so may a function or method of the file that
    # reads through a client, or one the file does not declare.
    return operand in packages or _reads_through_a_client(code, last, method=bool(operand)) is not False


def _shadows_blanked(rest: bytes, name: bytes) -> bytes:
    """`rest` with the blocks of `for`, `if` and `switch` statements that declare another
    variable named `name` in their header blanked (the same length)."""
    header = re.compile(rb"(?m)^[ \t]*(?:\}\s*else\s+)?(?:for|if|switch)\b[^\n{]*(?<![\w.])%s\b[^\n{]*:=[^\n]*\{[ \t]*$"
                        % re.escape(name))
    blanked = bytearray(rest)
    for found in header.finditer(rest):
        block_end = closing(rest, found.end() - 1, b"{}")
        blanked[found.start():block_end] = re.sub(rb"[^\n]", b" ", rest[found.start():block_end])
    return bytes(blanked)


def _reads_through_a_client(code: bytes, name: bytes, method: bool, depth: int = 3,
                            known: dict[tuple[bytes, bool, int], bool | None] | None = None) -> bool | None:
    """Whether the function (or, with `method`, the method) of the file named `name` reads
    through a client, itself or through the functions and methods of the file it calls (up to
    `depth` deep); None when the file declares none of that name. `known`: the answers found
    so far, a body's calls being asked about again."""
    known = {} if known is None else known
    key = (name, method, depth)
    if key in known:
        return known[key]
    known[key] = False  # (a call of itself, met again, adds nothing)
    declared = _declared_here(code, name, method)
    if declared is None:
        known[key] = None
        return None
    body = code[declared[0]:declared[1]]
    if _READS_SOMETHING.search(body) or _READ_METHOD_VALUE.search(body) or depth == 0:
        known[key] = True  # (too deep to follow: it may)
        return True
    known[key] = any(_reads_through_a_client(code, call.group(2), bool(call.group(1)), depth - 1, known)
                     for call in _CALLED.finditer(body) if call.group(2) != name)  # (its own header too)
    return known[key]


def _declared_here(code: bytes, name: bytes, method: bool = False) -> tuple[int, int] | None:
    """Where a function (or, with `method`, a method) of the file named `name` is, generic or
    not, from its declaration to its closing brace (to its header's end when it has no body);
    None when the file declares none."""
    receiver = rb"\([^)]*\)\s*" if method else b""
    declared = re.search(rb"^func\s+" + receiver + re.escape(name) + rb"\s*[\[(]", code, re.MULTILINE)
    return _function_extent(code, declared.start()) if declared is not None else None


def _function_extent(code: bytes, start: int) -> tuple[int, int]:
    """Where the function (declared or a literal) whose header starts at `start` ends: past its
    body's closing brace, or at its header's end when it has no body."""
    opening = start + len(function_header(code, start, len(code)))
    return start, closing(code, opening, b"{}") if code[opening:opening + 1] == b"{" else opening


# A call in a body: a function's (`ensure(`) or a method's on a name (`r.getOrCreate(`).
_CALLED = re.compile(rb"(?<![\w.])(?:([A-Za-z_]\w*)\s*\.\s*)?([A-Za-z_]\w*)\s*\(")
_READS = frozenset({b"Get", b"List", b"CreateOrUpdate", b"CreateOrPatch"})
_LOGGING_PACKAGES = frozenset({b"fmt", b"log", b"klog", b"slog", b"errors"})
_CALLEE = re.compile(rb"([A-Za-z_][\w.]*(?:\(\))?[\w.]*)\s*\($")
# A client's writes (what _WRITE_CALL calls).
_WRITES = (b"Create", b"Delete", b"Update", b"Patch", b"DeleteAllOf")
# Calls that leave an object alone: writes through a client, an owner given, its key taken,
# a log line or an event recorded about it.
_LEAVES_ALONE = frozenset({*_WRITES, b"SetControllerReference",
                           b"SetOwnerReference", b"ObjectKeyFromObject", b"DeepCopy", b"DeepCopyObject",
                           b"Info", b"Infof", b"Infow", b"Error", b"Errorf", b"Errorw", b"Warn", b"Warnf", b"Warning",
                           b"Debug", b"Debugf", b"Event", b"Eventf", b"AnnotatedEventf", b"KObj", b"KRef"})
_READS_SOMETHING = re.compile(rb"\.\s*(?:Get|List)\(|\bCreateOr(?:Update|Patch)\(")
# A client's Get or List handed on as a value.
_READ_METHOD_VALUE = re.compile(rb"\.\s*(?:Get|List)\b(?!\s*\()")
_LITERAL_KEY = re.compile(rb"([A-Za-z_]\w*)\s*:")
_METADATA_FIELDS = frozenset({b"ObjectMeta", b"TypeMeta"})


# What a client creates, deletes, updates or patches (`r.Delete(ctx, secret)`, `c.Create(ctx,
# &corev1.ConfigMap{...})`, `r.Status().Update(ctx, pod)`, a copy: rathole-operator's
# `r.Create(ctx, deploy.DeepCopy())`) it reads into no cache; nor does giving it an owner.
# kubernetes-nmstate's operator only deletes a Secret, and its message named Secrets among what
# its cache holds (read as an overstatement).
_WRITE_CALL = rb"\.(?:%s)\(\s*\w+\s*,\s*&?" % b"|".join(_WRITES)
_WRITTEN_INLINE = re.compile(_WRITE_CALL + rb"\Z")
_WRITTEN_LINE = _WRITE_CALL + rb"%(name)s(?:\.DeepCopy(?:Object)?\(\))?\s*[,)]" \
                              rb"|\bSet(?:Controller|Owner)Reference\([^\n]*\b%(name)s\b"


def _only_written(code: bytes, made: re.Match, reads: _Reads) -> bool:
    """Whether the value `made` is only written through a client (_WRITTEN_LINE), read into
    through the manager's API reader, which caches nothing (_Reads.into), decoded into
    or read through its fields: made in a write's call, or given a name that every other line
    of its function naming it, but for its fields and methods (`secret.Name`), only so uses,
    or hands to a call that leaves it alone (_left_alone_by_call: example-httpbin-operator
    gets its Deployment through a client of its own, then compares its fields in a method of
    the file; a message naming Deployments as cached was read as wrong)."""
    line_start = code.rfind(b"\n", 0, made.start()) + 1
    if _WRITTEN_INLINE.search(code, line_start, made.start()):
        return True
    named = _made_into(code, made)
    if named is None:
        return False
    name = re.escape(named)
    allowed = re.compile(_WRITTEN_LINE % {b"name": name} + rb"|" + _DECODED_INTO % {b"name": name} +
                         rb"|" + reads.into % {b"name": name} + rb"|^\s*" + name + rb"\s*=(?!=)")
    # Its name in a message (`fmt.Errorf("list deployments: %w", err)`: airunway's) is no use.
    body = literals_blanked(_rest_of_function(code, made.end()))
    packages = {imported for imported, _ in import_names(code)}
    for use in re.finditer(rb"&?\b%s\b(?!\s*\.\s*(?!DeepCopy)\w)" % name, body):
        line = body[body.rfind(b"\n", 0, use.start()) + 1:body.find(b"\n", use.end()) % (len(body) + 1)]
        if not allowed.search(line) and not reads.opened.search(_call_opened_before(body, use.start())) and \
                not _left_alone_by_call(code, body, use, packages):
            return False
    return True


def _left_alone_by_call(code: bytes, rest: bytes, use: re.Match, packages: set[bytes]) -> bool:
    """Whether the variable used at `use` (in `rest`, of a function of `code`) is an argument,
    on its own, of a call that leaves it alone: one _call_may_read_into says reads nothing
    and, when a function or method of the file, one using the parameter given it only through
    its fields (not handing it on, returning or keeping it, which another file may read into)."""
    call = _argument_call(rest, use)
    if call is None or _call_may_read_into(code, rest, use, call, packages):
        return False
    declared = _declared_here(code, call.name, method=bool(call.operand))
    if declared is None:
        return True  # a write, an owner given, a log line (_LEAVES_ALONE)
    header = _FUNCTION_PARAMETERS.match(code, declared[0])
    parameters = _parameters(code, header.end() - 1) if header is not None else []
    position = len(_top_level_parts(rest[call.opening + 1:use.start()] + b"x")) - 1
    if position >= len(parameters) or not re.fullmatch(rb"[A-Za-z_]\w*", name := parameters[position][0]):
        return False
    body = code[_call_end(code, header.end() - 1):declared[1]]
    return name == b"_" or all(re.match(rb"\s*\.\s*[A-Za-z_]", body[found.end():])
                               for found in re.finditer(rb"(?<![\w.])%s\b" % re.escape(name), body))


def _call_opened_before(code: bytes, at: int) -> bytes:
    """The line of the call whose argument list holds `at`, up to its `(`, when the call is
    open at `at` (within _MAX_CALL_BYTES before it); empty when `at` is not in one."""
    index = _opening_before(code, at)
    return code[code.rfind(b"\n", 0, index) + 1:index + 1] if index is not None else b""


def _opening_before(code: bytes, at: int) -> int | None:
    """Where the `(` of the call whose argument list holds `at` is (see _call_opened_before)."""
    depth = 0
    for index in range(at - 1, max(-1, at - _MAX_CALL_BYTES), -1):
        byte = code[index:index + 1]
        if byte in b")}]":
            depth += 1
        elif byte in b"({[" and depth:
            depth -= 1
        elif byte == b"(":
            return index
        elif byte in b"{[":
            break  # in a block or a literal, not a call's arguments
    return None


# Kinds the manager's client reads from the API server, not its cache (`Client:
# client.Options{Cache: &client.CacheOptions{DisableFor: []client.Object{&corev1.Secret{}}}}`):
# kyma's serverless operator keeps Secrets and ConfigMaps out of its cache, and a message
# naming them first was read as misleading. Or assigned to the options' field
# (backplane-operator's `mgrOptions.Client.Cache.DisableFor = []client.Object{...}`). Before
# controller-runtime v0.15, the manager's option `ClientDisableCacheFor` (kdoctor's agent keeps
# Pods, Nodes and workloads out: a message naming Pods first was read as misleading).
_DISABLE_FOR_FIELD = rb"\b(?:DisableFor|ClientDisableCacheFor)\s*(?::|=)\s*"
_DISABLE_FOR = re.compile(_DISABLE_FOR_FIELD + rb"\[\]\w+\.Object\s*\{")
_DISABLE_FOR_CALL = re.compile(_DISABLE_FOR_FIELD + rb"([A-Za-z_]\w*)\(\)")
_DISABLE_FOR_VARIABLE = re.compile(_DISABLE_FOR_FIELD + rb"([A-Za-z_]\w*)\s*[,}\n]")
_OBJECT_LIST_GIVEN = rb"\b%(name)s\s*:?=\s*\[\]\w+\.Object\s*\{"
# A package-level list, wherever the file declares it (velkir's `var cacheOwnedTypes = ...`),
# alone or in a `var (...)` group, its type written or not.
_PACKAGE_OBJECT_LIST = rb"(?m)^(?:var[ \t]+|\t)%(name)s(?:[ \t]+\[\]\w+\.Object)?[ \t]*=[ \t]*\[\]\w+\.Object[ \t]*\{"
_VAR_GROUP = re.compile(rb"(?ms)^var[ \t]*\(.*?^\)")
# From the result type on (`func f() []client.Object {`): every kind its body writes, in a
# literal or appended (`objs = append(objs, &corev1.ConfigMap{})`).
_OBJECT_LIST = re.compile(rb"\[\]\w+\.Object\s*\{")
_LISTED_KIND = re.compile(rb"&(?:\w+\.)?(\w+)\{\}")


# A manager whose client is built without its cache: `NewClient: func(config *rest.Config,
# options client.Options) (client.Client, error) { return client.New(config, client.Options{}) }`
# (multicloud-operators-channel's "non cache client"): what the client reads is not cached, and
# a finding naming the Secrets it reads was read as wrong. Options with a `Cache` keep one.
# Or a function of the file so written, named there (multicloud-integrations' `NewClient:
# NewNonCachingClient`, read as wrong when its cache was said to hold Secrets).
_RETURNS_UNCACHED_CLIENT = rb"return\s+\w+\.New\(\s*\w+\s*,\s*\w+\.Options\{(?![^}]*\bCache\b)[^}]*\}\s*\)"
_UNCACHED_CLIENT_LITERAL = re.compile(rb"\bNewClient\s*:\s*func\s*\([^)]*\)\s*\([^)]*\)\s*\{\s*" +
                                      _RETURNS_UNCACHED_CLIENT)
_CLIENT_FUNCTION_NAMED = re.compile(rb"\bNewClient\s*:\s*([A-Za-z_]\w*)\s*[,}\n]")
_BODY_RETURNING_UNCACHED_CLIENT = re.compile(rb"\{\s*" + _RETURNS_UNCACHED_CLIENT)


# The manager's client or cache taken (`mgr.GetClient()`, `mgr.GetCache()`), or injected into a
# reconciler by controller-runtime before v0.15 (`InjectClient`); not the cache asked only for its
# sync or an informer of a kind written there, a watch (openchoreo's API server keeps its
# authorization kinds so, and reads Secrets through a client of its own: a finding calling them
# cached was read as wrong).
_MANAGER_CLIENT = re.compile(rb"\.\s*GetClient\(\s*\)|\.\s*GetCache\(\s*\)(?!\s*\.\s*(?:WaitForCacheSync\(|GetInformer\(\s*"
                             + _LEADING_ARGUMENT + rb"&(?:\w+\.)?\w+\{))|\bInject(?:Client|Cache)\b")


def _own_clients(source: bytes, code: bytes) -> Iterator[tuple[bytes | None, bytes]]:
    """(the variable given it, or None when returned; its options) of each controller-runtime
    client a Go file builds itself (`rc, err := client.NewWithWatch(config, client.Options{...})`,
    `return client.New(...)`)."""
    names = _client_package_names(source)
    if not names:
        return
    built = re.compile(rb"(?:\b([A-Za-z_]\w*)\s*(?:,\s*\w+\s*)?:?=|\breturn)\s*(?:%s)\.New(?:WithWatch)?\(" %
                       b"|".join(map(re.escape, names)))
    for found in built.finditer(code):
        yield found.group(1), code[found.end():_call_end(code, found.end() - 1)]


_CACHE_OPTION = re.compile(rb"\bCache\s*:")


def _caches_nothing(options: bytes) -> bool:
    """Whether the arguments of a client's construction (_own_clients) write its options there,
    giving it no `Cache`: options in a variable may give it one (`opts.Cache = ...`)."""
    return re.search(rb"\bOptions\s*\{", options) is not None and not _CACHE_OPTION.search(options)


def _client_package_names(source: bytes) -> list[bytes]:
    """The names a Go file imports controller-runtime's client package under."""
    return [name for name, path in import_names(source) if path == CLIENT_PACKAGE]


def _client_type(source: bytes) -> re.Pattern | None:
    """A parameter type of controller-runtime's client package as a Go file names it
    (`client.Client`, `*client.Reader`, `client.WithWatch`); None when it imports none."""
    names = _client_package_names(source)
    return re.compile(rb"\*?(?:%s)\.(?:Client|Reader|WithWatch)" % b"|".join(map(re.escape, names))) if names else None


def clients_used(source: bytes, code: bytes) -> tuple[bool, bool]:
    """Whether a Go file (`code`: its `source` without comments) takes the manager's client or
    cache (_MANAGER_CLIENT), and whether it hands a controller-runtime client of its own, which
    caches nothing, to what it builds: `rc, err := client.NewWithWatch(config, client.Options{...})`,
    its options giving it no `Cache`, then `Client: rc` in a literal (yaho's reconcilers), or
    returns one to its caller, its options written there (openchoreo's API server). A client
    built for a check once (`client.New` to see a CRD installed) is not handed on."""
    own = False
    for variable, options in _own_clients(source, code):
        handed_on = variable is None or re.search(rb"[{,]\s*\w+\s*:\s*%s\s*[,}]" % re.escape(variable), code)
        if handed_on and _caches_nothing(options):
            own = True
    return _MANAGER_CLIENT.search(code) is not None, own


# A function's or method's header up to its parameters' opening parenthesis.
_FUNCTION_PARAMETERS = re.compile(rb"^func[ \t]*(?:\([^()\n]*\)[ \t]*)?([A-Za-z_]\w*)(?:\[[^\]\n]*\])?\(",
                                  re.MULTILINE)


class ClientArgument(NamedTuple):
    """An argument a call gives a parameter of a client type (see client_parameters)."""
    callee: bytes
    position: int
    # "own": a variable its function gives a controller-runtime client it builds with no
    # `Cache` (and nothing else); "parameter": a client parameter of its function, `handed`;
    # "other": anything else.
    kind: str
    handed: tuple[bytes, int] | None = None  # (its function, the parameter's position)


def client_parameters(source: bytes, code: bytes) -> list[tuple[bytes, int, bytes]]:
    """(function or method name, position, name) of each parameter of a controller-runtime
    client type (`secretsClient client.Client`, a Reader or WithWatch) that a Go file's
    top-level functions declare, once per declaration."""
    client_type = _client_type(source)
    if client_type is None:
        return []
    return [(header.group(1), position, name) for header in _FUNCTION_PARAMETERS.finditer(code)
            for position, name in _typed_parameters(code, header.end() - 1, client_type)]


def _typed_parameters(code: bytes, opening: int, wanted: re.Pattern) -> list[tuple[int, bytes]]:
    """(position, name) of the parameters of the list opening at `opening` whose type is
    `wanted`; in `a, b client.Client` a name without a type has the next one's."""
    typed = _parameters(code, opening)
    found, given = [], None
    for position in range(len(typed) - 1, -1, -1):
        name, kind = typed[position]
        given = kind if kind is not None else given
        if given is not None and wanted.fullmatch(given) and re.fullmatch(rb"[A-Za-z_]\w*", name):
            found.append((position, name))
    return found


def _parameters(code: bytes, opening: int) -> list[tuple[bytes, bytes | None]]:
    """(name, type as written or None) of each parameter of the list opening at `opening`, in
    order: `(a, b client.Client)` gives (a, None), (b, client.Client)."""
    typed: list[tuple[bytes, bytes | None]] = []
    for parameter in _top_level_parts(code[opening + 1:_call_end(code, opening) - 1]):
        words = parameter.split(None, 1)
        typed.append((words[0], words[1].strip()) if len(words) == 2 else (words[0] if words else b"", None))
    return typed


def client_arguments(source: bytes, code: bytes, callees: frozenset[bytes]) -> list[ClientArgument]:
    """What each call a Go file makes of a function or method named one of `callees` gives
    each parameter (ClientArgument), the argument read in the top-level function making the
    call: a variable it gives only a client built there (`bootstrap, err := client.New(cfg,
    client.Options{...})`), or one of its own client parameters."""
    if not callees:
        return []
    headers = list(_FUNCTION_PARAMETERS.finditer(code))
    starts = [header.start() for header in headers]
    client_type = _client_type(source)
    calls = re.compile(rb"(?<![\w])(%s)\s*\(" % b"|".join(sorted(map(re.escape, callees))))
    found: list[ClientArgument] = []
    scopes: dict[int, tuple[frozenset[bytes], dict[bytes, int]]] = {}
    for call in calls.finditer(code):
        index = bisect.bisect_right(starts, call.start()) - 1
        if index >= 0 and headers[index].end() == call.end():
            continue  # its declaration
        if index not in scopes:
            scopes[index] = _client_scope(source, code, headers, index, client_type)
        own, parameters = scopes[index]
        opening = call.end() - 1
        for position, argument in enumerate(_top_level_parts(code[opening + 1:_call_end(code, opening) - 1])):
            if argument in own:
                found.append(ClientArgument(call.group(1), position, "own"))
            elif argument in parameters:
                found.append(ClientArgument(call.group(1), position, "parameter",
                                            (headers[index].group(1), parameters[argument])))
            else:
                found.append(ClientArgument(call.group(1), position, "other"))
    return found


def _client_scope(source: bytes, code: bytes, headers: list[re.Match], index: int,
                  client_type: re.Pattern | None) -> tuple[frozenset[bytes], dict[bytes, int]]:
    """(the variables the top-level function at `headers[index]` gives only a client it builds
    with no `Cache`, its client parameters by name with their positions); nothing outside
    functions."""
    if index < 0:
        return frozenset(), {}
    start = headers[index].start()
    body = code[start:headers[index + 1].start() if index + 1 < len(headers) else len(code)]
    own = set()
    for variable, options in _own_clients(source, body):
        if variable is None or variable == b"_" or not _caches_nothing(options):
            continue
        assignments = re.findall(rb"(?<![\w.])%s\s*(?:,[^=\n]*)?(?::=|[-+*/%%|&^]?=(?!=))" % re.escape(variable), body)
        others = re.findall(rb",\s*%s\s*(?:,[^=\n]*)?(?::=|=(?!=))" % re.escape(variable), body)
        if len(assignments) == 1 and not others:
            own.add(variable)
    parameters = {name: position for position, name in
                  _typed_parameters(code, headers[index].end() - 1, client_type)} if client_type is not None else {}
    return frozenset(own), parameters


# A field given a variable, keyed in a struct literal (`LocalClient: localClient,`) or assigned
# (`r.LocalClient = localClient`).
_FIELD_GIVEN_VARIABLE = re.compile(rb"(?:(?<![\w.\"])([A-Za-z_]\w*)\s*:(?!=)|(?<=\.)([A-Za-z_]\w*)\s*=(?!=))"
                                   rb"\s*([A-Za-z_]\w*)\s*(?=[,}\n;])")


def own_client_fields(source: bytes, code: bytes) -> dict[bytes, frozenset[int]]:
    """The fields a Go file (`code`: its `source` without comments) gives a variable that its
    top-level function gives only a controller-runtime client it builds with no `Cache`
    (_client_scope), each with where the field's name starts at each such place:
    example-httpbin-operator's main gives its reconciler's `LocalClient` the `client.New` it
    builds, and reads Deployments through it (a message naming them cached was read as wrong)."""
    if not _client_package_names(source):
        return {}
    headers = list(_FUNCTION_PARAMETERS.finditer(code))
    starts = [header.start() for header in headers]
    client_type = _client_type(source)
    scopes: dict[int, frozenset[bytes]] = {}
    found: dict[bytes, set[int]] = {}
    for given in _FIELD_GIVEN_VARIABLE.finditer(code):
        index = bisect.bisect_right(starts, given.start()) - 1
        if index not in scopes:
            scopes[index] = _client_scope(source, code, headers, index, client_type)[0]
        if given.group(3) in scopes[index]:
            field = 1 if given.group(1) else 2
            found.setdefault(given.group(field), set()).add(given.start(field))
    return {field: frozenset(places) for field, places in found.items()}


def uncached_client(code: bytes) -> bool:
    """Whether a file builds the manager's client without its cache (see above)."""
    if _UNCACHED_CLIENT_LITERAL.search(code):
        return True
    for named in _CLIENT_FUNCTION_NAMED.finditer(code):
        body = _declared_here(code, named.group(1))
        if body is not None and _BODY_RETURNING_UNCACHED_CLIENT.search(code, *body):
            return True
    return False


# client-go's dynamic informers, each asked of a factory for one resource (`ForResource(gvr)`,
# `NewFilteredDynamicInformer(client, gvr, ...)`), and the factories themselves.
DYNAMIC_INFORMER = "k8s.io/client-go/dynamic/dynamicinformer"
_DYNAMIC_RESOURCE = re.compile(rb"\.ForResource\(\s*|\bNew(?:Filtered)?DynamicInformer\(\s*\w+\s*,\s*")
_DYNAMIC_FACTORY = re.compile(rb"\b(?:Must)?New(?:Filtered)?Dynamic(?:SharedInformerFactory|Informer)\(")
# A resource of a custom group: of an API package's group version (`sidero.GroupVersion
# .WithResource("serverbindings")`), the package not Kubernetes' own, or written out with a
# group of a domain that is not Kubernetes' (`schema.GroupVersionResource{Group: "metal.sidero.dev"`).
_PACKAGE_RESOURCE = re.compile(rb"\s*(\w+)\.\w*GroupVersion\.WithResource\(")
_WRITTEN_RESOURCE = re.compile(rb"\s*\w+\.GroupVersionResource\{\s*Group:\s*\"([^\"]*)\"")
_RESOURCE_VARIABLE = re.compile(rb"([A-Za-z_]\w*)\s*\)")
_RESOURCE_GIVEN = rb"\b%(name)s\s*:?=(?=\s*\w+\.(?:\w*GroupVersion\.WithResource\(|GroupVersionResource\{))"


def dynamic_informers(source: bytes, code: bytes) -> tuple[int, int, int]:
    """(how many dynamic informers a Go file asks for, how many of those are of custom
    resources, how many dynamic factories and informers it builds): sidero's siderolink, log and events
    managers each watch only its ServerBindings so, and their findings were read as wrong."""
    imports = dict(import_names(source))
    asked = [found.end() for found in _DYNAMIC_RESOURCE.finditer(code)]
    return len(asked), sum(_custom_resource_at(code, at, imports) for at in asked), len(_DYNAMIC_FACTORY.findall(code))


def dynamic_resources_named(source: bytes, code: bytes) -> tuple[tuple[bool, bytes], ...]:
    """For each dynamic informer a Go file asks for that is not known to be of a custom
    resource (_custom_resource_at), (whether an imported package's, the name) of the
    package-level variable that gives its resource (`GVRCluster` of `ForResource(GVRCluster)`,
    of its own package's other file; `GVRs` of `ForResource(kube.GVRs["servers"])`), or (False,
    b"") when none does: a field (`w.Clusters`), a variable the file gives itself, a call."""
    imports = dict(import_names(source))
    return tuple(_resource_variable(code, at, imports) or (False, b"")
                 for at in (m.end() for m in _DYNAMIC_RESOURCE.finditer(code)) if not _custom_resource_at(code, at, imports))


def _resource_variable(code: bytes, at: int, imports: dict[bytes, bytes]) -> tuple[bool, bytes] | None:
    """(whether an imported package's, the name) of the package-level variable that gives the
    resource written at `at` (`GVRCluster`, `kube.GVRs["servers"]`); None for a field, a
    variable the file gives itself (a local, maybe), a call."""
    named = _RESOURCE_NAME.match(code, at)
    qualifier = named.group(1) if named is not None else None
    if named is None or qualifier is not None and qualifier not in imports or \
            qualifier is None and re.search(rb"\b%s\s*(?::=|=(?!=))" % re.escape(named.group(2)), code):
        return None
    return qualifier is not None, named.group(2)


def custom_resource_names(code: bytes) -> frozenset[bytes]:
    """The package-level variables a Go file (without comments) gives custom resources: a
    GroupVersionResource written with a group of a domain that is not Kubernetes'
    (_kubernetes_group), or a map of such resources only. Gameplane's API watches
    `kube.GVRCluster` and `kube.GVRs["servers"]`, its own resources, given so in another
    package (called a cache growing with the cluster)."""
    names = set()
    top_lines: list[int] | None = None
    balances: dict[int, tuple[int, int]] = {}
    for given in _GIVEN_RESOURCE.finditer(code):
        if top_lines is None:
            top_lines = [line.start() for line in _TOP_LINE.finditer(code)]
        if not _at_package_level(code, given.start(), top_lines, balances):
            continue
        body = code[given.end():_call_end(code, given.end() - 1, b"{}")]
        groups = _RESOURCE_GROUP.findall(body)
        if groups and len(groups) == body.count(b"Resource:") and not any(map(_kubernetes_group, groups)):
            names.add(given.group(1))
    return frozenset(names)


def _at_package_level(code: bytes, at: int, top_lines: list[int], balances: dict[int, tuple[int, int]]) -> bool:
    """Whether the line at `at` declares at package level: `var x = ...` at the line's start, or
    a line of a `var (` block, the nearest line above it starting at column 0 (`top_lines`, the
    file's, in order: not `func`, `}` or the `)` that closes a block), with as many `{` as `}`
    between them (not in a function literal given to one of the block's variables). Asked in
    the order of the file: `balances` keeps, per block, where its braces were last counted and
    their balance there."""
    line_start = code.rfind(b"\n", 0, at) + 1
    if code.startswith(b"var", line_start):
        return True
    index = bisect.bisect_left(top_lines, line_start) - 1
    if index < 0:
        return False
    block = top_lines[index]
    if re.match(rb"var[ \t]*\(", code[block:block + 16]) is None:
        return False
    counted, balance = balances.get(block, (block, 0))
    balance += code.count(b"{", counted, line_start) - code.count(b"}", counted, line_start)
    balances[block] = (line_start, balance)
    return balance == 0


# A line starting at column 0 that is no comment (see _at_package_level).
_TOP_LINE = re.compile(rb"^(?![ \t\r\n]|//)", re.MULTILINE)


# What names a dynamic informer's resource (`kube.GVRs["servers"]`, `GVRCluster`), and a
# variable given a resource, or a map of them (`var GVRs = map[string]schema.GroupVersionResource{`),
# and the groups of what it is given.
_RESOURCE_NAME = re.compile(rb"(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)\s*(?:\[[^\]\n]*\]\s*)?[),]")
_GIVEN_RESOURCE = re.compile(rb"^[ \t]*(?:var[ \t]+)?([A-Za-z_]\w*)[ \t]*:?=[ \t]*"
                             rb"(?:map\[[^\]\n]+\])?(?:\w+\.)?GroupVersionResource\{", re.MULTILINE)
_RESOURCE_GROUP = re.compile(rb"\bGroup:\s*\"([^\"]*)\"")


def _resource_written_at(code: bytes, at: int) -> int:
    """Where the resource a dynamic informer is asked for at `at` is written: there, or where a
    variable named there is given it, last before it in its function, else first in the file
    (keptn's package-level `keptnMetricGroupVersionResource`)."""
    named = _RESOURCE_VARIABLE.match(code, at)
    if named is None:
        return at
    given = re.compile(_RESOURCE_GIVEN % {b"name": re.escape(named.group(1))})
    found = _last_match(given, code, _function_start(code, at), at) or given.search(code)
    return at if found is None else found.end()


def _custom_resource_at(code: bytes, at: int, imports: dict[bytes, bytes]) -> bool:
    """Whether the resource a dynamic informer is asked for at `at` is a custom resource: of an
    API package's group version (_PACKAGE_RESOURCE) not Kubernetes' own, or written with another
    domain's group (_WRITTEN_RESOURCE), there or in a variable of the file given either (keptn's
    `keptnMetricGroupVersionResource`, spicedb-operator's `v1alpha1ClusterGVR`)."""
    at = _resource_written_at(code, at)
    package = _PACKAGE_RESOURCE.match(code, at)
    written = _WRITTEN_RESOURCE.match(code, at)
    if package is not None:
        return package.group(1) in imports and not imports[package.group(1)].startswith((b"k8s.io/", b"sigs.k8s.io/"))
    return written is not None and not _kubernetes_group(written.group(1))


def _kubernetes_group(group: bytes) -> bool:
    """Whether an API group is Kubernetes' own: the core group (""), `apps`, `*.k8s.io`."""
    return b"." not in group or group.endswith(b"k8s.io")


def _asks_only_custom_resources(code: bytes, imports: dict[bytes, bytes], construction: re.Match) -> bool:
    """Whether the factory a construction gives a name is asked, in the file, only for custom
    resources (`ForResource`, _custom_resource_at): spicedb-operator's unfiltered dynamic
    factory of its own SpiceDBClusters beside the label-filtered one of what it creates, and its
    file informer's (controller-idioms' `fileinformer.FileGroupVersion`)."""
    line = code.rfind(b"\n", 0, construction.start()) + 1
    assigned = _ASSIGNED_NAME.match(code, line, construction.start())
    if assigned is None:
        return False
    asked = [m.end() for m in re.finditer(rb"\b%s\s*\.\s*ForResource\(\s*" % re.escape(assigned.group(1)), code)]
    return bool(asked) and all(_custom_resource_at(code, at, imports) for at in asked)


# The informers asked of client-go's typed factories, by the plural of their kind
# (`factory.Resource().V1().ResourceClaims()`; a generated client's `Scaling().V1alpha1().Plans()`),
# the factories themselves, and what asks for an informer or a watch of a kind not written so
# (`InformerFor`, a reflector, `UntilWithSync`; `ForResource` is read as a dynamic factory's).
_TYPED_INFORMER = re.compile(rb"\.\s*[A-Z]\w*\(\)\s*\.\s*V\d\w*\(\)\s*\.\s*([A-Z]\w*)\(\)")
_TYPED_FACTORY = re.compile(rb"(?<!func )\bNew(?:Filtered)?SharedInformerFactory(?:WithOptions)?\(")
_UNTYPED_INFORMER = re.compile(rb"\.InformerFor\(|\bNew\w*Reflector\w*\(|\bUntilWithSync\(")
_GROWING_BY_PLURAL = {plural(kind).encode(): kind for kind in GROWING_KINDS}
_GROWING_PLURALS = frozenset(_GROWING_BY_PLURAL)


# client-go's informer built on a ListWatch for the kind of the object it is handed:
# `cache.NewSharedIndexInformer(lw, &v1alpha1.Plan{}, resync, indexers)`.
TOOLS_CACHE = b"k8s.io/client-go/tools/cache"
_LIST_WATCH_INFORMER = re.compile(rb"\b(\w+)\.New(?:Shared)?(?:Index(?:er)?)?Informer\(")
_OBJECT_OF_KIND = re.compile(rb"\s*&(\w+)\.(\w+)\{\}\s*,")
# client-go's `cache.NewInformerWithOptions(cache.InformerOptions{ListerWatcher: lw, ObjectType:
# &v1alpha1.ClusterProfile{}, ...})` (knative operator's ClusterProfiles, one per cluster of a fleet).
_INFORMER_OPTIONS = re.compile(rb"\s*(?:\w+\.)?InformerOptions\s*\{")
_OBJECT_TYPE_FIELD = re.compile(rb"\bObjectType\s*:")


def typed_informers(source: bytes, code: bytes) -> tuple[int, int, int, int]:
    """(how many informers a Go file asks for a kind written out, how many of those are of kinds
    that grow with the cluster, how many typed factories and informers of a written kind it
    builds, how many informers or watches it asks for otherwise). Asked of typed factories:
    cxl-dra-driver's controller informs only on ResourceClaims, one per pod asking for CXL
    memory, and its finding was read as not worth a change; or built on a ListWatch for the
    object handed (client-go's `cache.NewInformer(lw, &v1alpha1.DeploymentScaling{}, ...)`):
    scheduledscale's informers watch only its own resources (read as not worth a change); or
    client-go's typed informer of one kind (_kind_informers), its kind in its name."""
    kinds = _TYPED_INFORMER.findall(code)
    asked, growing = len(kinds), sum(kind in _GROWING_PLURALS for kind in kinds)
    imports = dict(import_names(source))
    for handed in _list_watch_objects(code, imports):
        if handed is not None:
            asked += 1
            growing += _grows(*handed)
    built = _kind_informers(code, imports)
    asked += len(built)
    growing += sum(kind in GROWING_KINDS for kind in built)
    return asked, growing, len(_TYPED_FACTORY.findall(code)) + asked - len(kinds), len(_UNTYPED_INFORMER.findall(code))


def _kind_informers(code: bytes, imports: dict[bytes, bytes]) -> list[str]:
    """The kinds of client-go's typed informers of one kind a Go file builds (_KIND_INFORMER_CALL):
    gke-prober informs on every Node so."""
    return [called.group(2).decode() for called in _KIND_INFORMER_CALL.finditer(code)
            if _CLIENT_GO_KIND_INFORMERS.fullmatch(imports.get(called.group(1), b""))]


# Kubernetes' own resources, written out: of its API package's group version
# (`corev1.SchemeGroupVersion.WithResource("nodes")`) or with no group or one of Kubernetes'
# (`schema.GroupVersionResource{Version: "v1", Resource: "nodes"}`).
_OWN_PACKAGE_RESOURCE = re.compile(_PACKAGE_RESOURCE.pattern + rb'\s*"(\w+)"\s*\)')
_WRITTEN_RESOURCE_NAME = re.compile(rb'\s*\w+\.GroupVersionResource\{[^{}]*?\bResource\s*:\s*"(\w+)"')
_WRITTEN_GROUP = re.compile(rb'\bGroup\s*:\s*"([^"]*)"')
_GROWING_BY_RESOURCE = {plural(kind).lower().encode(): kind for kind in GROWING_KINDS}


def informed_kinds(source: bytes, code: bytes) -> tuple[frozenset[str], int]:
    """(the kinds that grow with the cluster (GROWING_KINDS) a Go file's informers are asked
    for, how many informers or watches it asks for of a kind not known): of typed factories,
    typed informers of one kind and on a ListWatch (typed_informers), or of dynamic and
    metadata factories, for a custom resource (known, and not growing) or Kubernetes' own
    resource written out (node-feature-discovery's garbage collector informs on Nodes'
    metadata only, asking its metadata factory for `corev1.SchemeGroupVersion.WithResource("nodes")`)."""
    imports = dict(import_names(source))
    kinds = {_GROWING_BY_PLURAL[name] for name in _TYPED_INFORMER.findall(code) if name in _GROWING_BY_PLURAL}
    kinds.update(kind for kind in _kind_informers(code, imports) if kind in GROWING_KINDS)
    unknown = len(_UNTYPED_INFORMER.findall(code))
    for handed in _list_watch_objects(code, imports):
        if handed is None:
            unknown += 1
        elif _grows(*handed):
            kinds.add(handed[1])
    for asked in _DYNAMIC_RESOURCE.finditer(code):
        if _custom_resource_at(code, asked.end(), imports):
            continue
        resource = _own_resource_at(code, asked.end(), imports)
        if resource is None:
            unknown += 1
        elif resource in _GROWING_BY_RESOURCE:
            kinds.add(_GROWING_BY_RESOURCE[resource])
    return frozenset(kinds), unknown


def _own_resource_at(code: bytes, at: int, imports: dict[bytes, bytes]) -> bytes | None:
    """The resource (`nodes`) of Kubernetes' own a dynamic informer is asked for at `at`
    (_OWN_PACKAGE_RESOURCE, _WRITTEN_RESOURCE_NAME), None when it is not written so."""
    at = _resource_written_at(code, at)
    package = _OWN_PACKAGE_RESOURCE.match(code, at)
    if package is not None:
        return package.group(2) if imports.get(package.group(1), b"").startswith(b"k8s.io/api/") else None
    written = _WRITTEN_RESOURCE_NAME.match(code, at)
    if written is None:
        return None
    group = _WRITTEN_GROUP.search(code, at, _call_end(code, code.index(b"{", at), b"{}"))
    return written.group(1) if group is None or _kubernetes_group(group.group(1)) else None


def _list_watch_objects(code: bytes, imports: dict[bytes, bytes]) -> list[tuple[bytes, str] | None]:
    """_list_watch_object of each informer a Go file builds on a ListWatch with client-go's
    `tools/cache`."""
    return [_list_watch_object(code, imports, built.end() - 1) for built in _LIST_WATCH_INFORMER.finditer(code)
            if imports.get(built.group(1)) == TOOLS_CACHE]


def _list_watch_object(code: bytes, imports: dict[bytes, bytes], opening: int) -> tuple[bytes, str] | None:
    """(import path, kind) of the object handed to client-go's informer on a ListWatch whose call
    opens at `opening` (`cache.NewInformer(lw, &v1alpha1.DeploymentScaling{}, ...)`): a kind of
    the Kubernetes API or a custom resource; None for objects of any kind (apimachinery's
    `unstructured.Unstructured`, `PartialObjectMetadata`) or one not written so."""
    options = _INFORMER_OPTIONS.match(code, opening + 1)
    if options is not None:
        field = _OBJECT_TYPE_FIELD.search(code, options.end(), _call_end(code, options.end() - 1, b"{}"))
        handed = _OBJECT_OF_KIND.match(code, field.end()) if field is not None else None
    else:
        handed = _OBJECT_OF_KIND.match(code, _first_argument_end(code, opening))
    if handed is None or handed.group(1) not in imports or imports[handed.group(1)].startswith(b"k8s.io/apimachinery/"):
        return None
    return imports[handed.group(1)], handed.group(2).decode()


def _grows(package: bytes, kind: str) -> bool:
    """Whether objects of `kind` of the package `package` grow with the cluster (GROWING_KINDS
    of the Kubernetes API; not custom resources)."""
    return package.startswith(b"k8s.io/api/") and kind in GROWING_KINDS


def _first_argument_end(code: bytes, opening: int) -> int:
    """Just past the comma that ends the first argument of the call opening at `opening`, or
    where its closing parenthesis is."""
    depth = 0
    for index in range(opening + 1, min(len(code), opening + _MAX_CALL_BYTES)):
        if code[index] in b"([{":
            depth += 1
        elif code[index] in b")]}":
            if not depth:
                return index
            depth -= 1
        elif code[index] == ord(",") and not depth:
            return index + 1
    return opening


def uncached_kinds(code: bytes) -> frozenset[str]:
    """The kinds (type names) a file's client options keep out of the cache (`DisableFor`): a
    list written there, the one a function of the file returns (image-controller's
    `DisableFor: getCacheExcludedObjectsTypes()`), or a variable of the file is given (keptn's
    metrics-operator: `disableCacheFor := []ctrlclient.Object{&corev1.Secret{}}`)."""
    lists = list(_DISABLE_FOR.finditer(code))
    for variable in _DISABLE_FOR_VARIABLE.finditer(code):
        lists += re.finditer(_OBJECT_LIST_GIVEN % {b"name": re.escape(variable.group(1))}, code)
    for call in _DISABLE_FOR_CALL.finditer(code):
        lists += _lists_returned_by(code, call.group(1))
    return _kinds_listed(code, lists)


def _lists_returned_by(code: bytes, function: bytes) -> list[re.Match]:
    """The lists of objects (_OBJECT_LIST) of the file's function `function`, from its result
    type on; none when the file declares no such function."""
    body = _declared_here(code, function)
    return [] if body is None else list(_OBJECT_LIST.finditer(code, *body))


def _kinds_listed(code: bytes, lists: Iterable[re.Match]) -> frozenset[str]:
    """The kinds (type names) written `&pkg.Kind{}` in lists of objects, each matched up to its
    opening brace."""
    return frozenset(m.group(1).decode() for listed in lists for m in
                     _LISTED_KIND.finditer(code, listed.end(), _call_end(code, listed.end() - 1, b"{}")))


def _if_line(test: bytes) -> re.Pattern[bytes]:
    """An `if` line (or `} else if`) whose condition makes the `test` and opens its block."""
    return re.compile(rb"\s*(?:\}\s*else\s+)?if\b[^\n{]*(?:" + test + rb")[^\n{]*\{\s*$")


# An `if` that runs its block only when a string is set: `if namespace != "" {`,
# `if len(watchNamespaces) > 0 {`.
_WHEN_NAMED = _if_line(rb"!=\s*\"\"|\blen\([^)]*\)\s*(?:>\s*0|!=\s*0)")
# The `else` of an `if` that runs its block when the string is empty (vault-operator's
# `if namespace == "" { log... } else { namespaces[namespace] = cache.Config{} }`).
_WHEN_EMPTY = _if_line(rb"==\s*\"\"|\blen\([^)]*\)\s*(?:==\s*0|<\s*1)")
_ELSE = re.compile(rb"\s*\}\s*else\s*\{\s*$")
_LOOP = re.compile(rb"\s*for\b")
_MAX_BLOCK_BYTES = 4096


def _naming_condition(code: bytes, at: int, or_in_loop: bool = False) -> bytes | None:
    """The condition of the block the code at `at` sits in when it runs only when a flag or
    variable names a namespace or selector (its opening line); None when it runs whatever is
    named. With none named, which is how the manifests usually run it, the cache holds the
    whole cluster (cluster-api-provider-metal-stack and etcdadm-controller scope theirs only
    when `--namespace` is given, and their manifests give none). Braces are counted back from
    `at`, within a few KB: the enclosing blocks' opening lines (for an `else`, its `if`'s).
    With `or_in_loop`, a loop's block counts too (an entry added per namespace a flag lists)."""
    start = max(0, at - _MAX_BLOCK_BYTES)
    for opening in _enclosing_openings(code, at, start):
        line_start = code.rfind(b"\n", 0, opening) + 1
        if _WHEN_NAMED.match(code, line_start, opening + 1) and _else_exits(code, opening):
            continue  # named whenever the program runs on
        if _WHEN_NAMED.match(code, line_start, opening + 1) or \
                or_in_loop and _LOOP.match(code, line_start, opening + 1) and \
                not _over_fixed_strings(code, code[line_start:opening]) and \
                not _keyed_by_element_field(code[line_start:opening], code[at:code.find(b"\n", at) % (len(code) + 1)]):
            return code[line_start:opening]
        tested = _if_of_else(code, line_start, opening, start)
        if tested is not None and _WHEN_EMPTY.match(code, tested.start, tested.stop):
            return code[tested.start:tested.stop - 1]
        if code.startswith(b"func", line_start):
            return None
    return None


def _unless_named_condition(code: bytes, at: int) -> bytes | None:
    """The condition of the innermost block the code at `at` sits in when that block runs only
    when nothing is named (the block of `if ns == "" {`, or the `else` of `if ns != "" {`), as
    its `if` line; None otherwise. Termite's proxy builds a namespace's informer factory under
    `if w.namespace != "" {` and the whole cluster's in its `else`, which does not run when its
    manifest names the namespace (called cluster-wide, read as wrong)."""
    start = max(0, at - _MAX_BLOCK_BYTES)
    opening = next(_enclosing_openings(code, at, start), None)
    if opening is None:
        return None
    line_start = code.rfind(b"\n", 0, opening) + 1
    # One test alone: with `||` the block may run with a namespace named, and with `&&` so may
    # the `else` (`if ns != "" && !all {`).
    if _WHEN_EMPTY.match(code, line_start, opening + 1):
        return code[line_start:opening] if b"||" not in code[line_start:opening] else None
    tested = _if_of_else(code, line_start, opening, start)
    return code[tested.start:tested.stop - 1] if tested is not None and \
        _WHEN_NAMED.match(code, tested.start, tested.stop) and b"&&" not in code[tested.start:tested.stop] else None


def _if_of_else(code: bytes, line_start: int, opening: int, start: int) -> range | None:
    """When the block opening at `opening` (its line starting at `line_start`) is an `else`'s,
    the line of the `if` whose block the `}` of `} else {` closes, up to and with its `{`;
    searched back to `start`."""
    if not _ELSE.match(code, line_start, opening + 1):
        return None
    tested = next(_enclosing_openings(code, code.index(b"}", line_start), start), None)
    return range(code.rfind(b"\n", 0, tested) + 1, tested + 1) if tested is not None else None


# What follows an `if` block's closing brace when it has an `else` block.
_ELSE_AFTER_BLOCK = re.compile(rb"\s*else\s*\{")


def _else_exits(code: bytes, opening: int) -> bool:
    """Whether the `if` block opening at `opening` has an `else` that ends the program
    (_EXITS) in its own statements, not in a block of its own that may not run: jumpstarter's
    controller scopes its cache under `if watchNamespace != "" {` and exits otherwise (its
    cache was called cluster-wide, read as wrong)."""
    other = _ELSE_AFTER_BLOCK.match(code, _call_end(code, opening, b"{}"))
    return other is not None and _in_own_statements(code, other.end(), _EXITS)


def _in_own_statements(code: bytes, start: int, *patterns: re.Pattern[bytes]) -> bool:
    """Whether the block whose statements start at `start` (past its `{`) has a match of one of
    `patterns` in its own statements, not in a block of its own that may not run."""
    end = _call_end(code, start - 1, b"{}")
    return any(code.count(b"{", start, found.start()) == code.count(b"}", start, found.start())
               for pattern in patterns for found in pattern.finditer(code, start, end))


# A condition on a variable named for a namespace (`watchNamespace`, `cfg.Namespaces`, `watchNS`, `ns`,
# backup-operator's `watchNs`; not `cfg.DNS`).
_NAMESPACE_CONDITION = re.compile(rb"(?i:namespace)|(?<![A-Z])NS\b|\bns\b|(?<=[a-z])Ns\b")
# A variable a loop splits into namespaces (`range strings.Split(namespace, ",")`) or an `if` tests.
_LISTED_OR_TESTED = re.compile(rb"\bSplit\(\s*\*?([A-Za-z_]\w*)\s*,|\b([A-Za-z_]\w*)\s*!=\s*\"\"")
_TESTED_NOT_EMPTY = re.compile(rb"\b([A-Za-z_]\w*)\s*!=\s*\"\"|\blen\(\s*([A-Za-z_]\w*)\s*\)\s*>\s*0")
# A condition on a variable named for the node the program runs on (`nodeName`, `cfg.NodeName`).
_NODE_CONDITION = re.compile(rb"(?i:node_?name)")
# The flags and environment variables a manifest names that node with (`--node-name`,
# `NODE_NAME`, `MY_NODE_NAME`), from the downward API's `spec.nodeName` as a rule.
NODE_SETTING = re.compile(r"(?:[a-z]+[-_])?node[-_]?name", re.IGNORECASE)
# The flags and environment variables a manifest names a namespace to watch with, as the
# program's code spells them: `--watch-namespace`, `--namespaces`, `WATCH_NAMESPACE`, `TARGET_NAMESPACE`,
# also after the program's name and a kind of its (`REAPER_WATCH_NAMESPACES`, datadog-operator's
# `DD_AGENT_WATCH_NAMESPACE`). Not the pod's own namespace (`POD_NAMESPACE`), which programs take for leases and the
# objects they create, nor a leader election's.
NAMESPACE_SETTING = re.compile(r"(?:(?:[a-z]+[-_]){0,3}(?:watch(?:ed)?[-_]|target[-_]))?namespaces?", re.IGNORECASE)
_QUOTED_NAME = re.compile(rb'"([A-Za-z][\w-]*)"')


def namespace_settings(code: bytes) -> frozenset[str]:
    """The flag and variable names a Go file (without comments) quotes that name a namespace to
    watch (NAMESPACE_SETTING) or its node (NODE_SETTING), as written; and, where the file has
    viper read every key from the environment (`AutomaticEnv()`), each such key's variable, as
    viper spells it: upper case after the file's `SetEnvPrefix` (termite's proxy reads its
    `namespace` key from TERMITE_PROXY_NAMESPACE, which its manifest sets)."""
    names = {name for name in (m.group(1).decode() for m in _QUOTED_NAME.finditer(code))
             if NAMESPACE_SETTING.fullmatch(name) or NODE_SETTING.fullmatch(name)}
    if _VIPER_AUTOMATIC_ENV.search(code):
        # A prefix not written out (`SetEnvPrefix(envPrefix)`) leaves the variables unknown.
        calls = code.count(b"SetEnvPrefix(")
        prefixes = [f"{m.group(1).decode().upper()}_" for m in _VIPER_ENV_PREFIX.finditer(code)]
        replaced = [_QUOTED_STRING.findall(found.group(1)) for found in _VIPER_KEY_REPLACER.finditer(code)]
        replacements = [(old.decode(), new.decode()) for pairs in replaced for old, new in zip(pairs[::2], pairs[1::2])]
        if len(prefixes) == calls:
            # As viper spells it: the prefix and the key upper-cased, then the replacer applied.
            for name in set(names):
                for prefix in prefixes or [""]:
                    variable = (prefix + name).upper()
                    for old, new in replacements:
                        variable = variable.replace(old, new)
                    names.add(variable)
    return frozenset(names)


# viper's reading of keys from the environment: every key, under a prefix written out, with
# what a replacer replaces in the key (`SetEnvKeyReplacer(strings.NewReplacer("-", "_"))`).
_VIPER_AUTOMATIC_ENV = re.compile(rb"\bAutomaticEnv\(\s*\)")
_VIPER_ENV_PREFIX = re.compile(rb'\bSetEnvPrefix\(\s*"([^"\\\n]+)"\s*\)')
_VIPER_KEY_REPLACER = re.compile(rb"\bSetEnvKeyReplacer\(\s*strings\.NewReplacer\(([^)]*)\)")
_QUOTED_STRING = re.compile(rb'"([^"\\\n]*)"')


# An environment variable read into a variable (`var NAMESPACE = os.Getenv("SRIOV_FEC_NAMESPACE")`),
# or into a field in a struct's literal (epam-edp-tekton's `Namespace: os.Getenv("SYSTEM_NAMESPACE")`,
# which its `if config.Namespace != "" {` tests).
_FROM_ENV = re.compile(rb"\b(\w+)\s*(?::=|=|:)\s*os\.(?:Getenv|LookupEnv)\(\s*\"([A-Za-z_]\w*)\"")


# Or through operator-sdk's `k8sutil.GetWatchNamespace()`, which reads WATCH_NAMESPACE
# (ibm-monitoring-grafana-operator's `namespace, err := k8sutil.GetWatchNamespace()`).
_FROM_WATCH_NAMESPACE = re.compile(rb"\b(\w+)\s*(?:,\s*\w+\s*)?(?::=|=)\s*k8sutil\.GetWatchNamespace\(\)")


# Or a struct field a library fills from the variable its tag names (caarlos0/env's and
# sethvargo/go-envconfig's `env:"KSCRIBE_OPERATOR_NAMESPACE"`, kelseyhightower/envconfig's
# `envconfig:"..."`): kscribe's `if cfg.OperatorNamespace != "" {` scopes its cache so.
_FROM_ENV_TAG = re.compile(rb"^[ \t]*([A-Za-z_]\w*)[ \t][^`\n]*`[^`\n]*\benv(?:config)?:\"([A-Za-z_]\w*)", re.MULTILINE)


# Or a variable a helper of the project's fills from the variable named just before it
# (Meridio-2's `bindString(fs, "namespace", "MERIDIO_NAMESPACE", &c.Namespace)`, which its
# `if cfg.Namespace != "" {` tests: a finding calling its cache cluster-wide was read as wrong).
_FROM_ENV_BINDING = re.compile(rb'"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"\s*,\s*&\s*(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\s*\)')


def variables_from_env(code: bytes) -> frozenset[tuple[str, str]]:
    """(variable, environment variable) for each variable a Go file reads from the environment."""
    return frozenset([(m.group(1).decode(), m.group(2).decode())
                      for pattern in (_FROM_ENV, _FROM_ENV_TAG) for m in pattern.finditer(code)] +
                     [(m.group(2).decode(), m.group(1).decode()) for m in _FROM_ENV_BINDING.finditer(code)] +
                     [(m.group(1).decode(), "WATCH_NAMESPACE") for m in _FROM_WATCH_NAMESPACE.finditer(code)])


# A flag named for a namespace declared with a default (`flag.StringVar(&namespace, "namespace",
# defaultNamespace, ...)`, pflag's `StringVarP` with its shorthand): the default a string
# written out or a variable of the file given one.
_FLAG_DEFAULT = re.compile(rb'\.String(?:Var)?(P)?\(\s*(?:&?[\w.]+\s*,\s*)?"([A-Za-z][\w-]*)"\s*,\s*'
                           rb'(?(1)"\w*"\s*,\s*)(?:"([^"\n]*)"|([A-Za-z_]\w*)\s*,)')
_GIVEN_STRING = rb'\b%(name)s\s*(?::=|=)\s*"[^"\n]+"'
_GIVEN_EMPTY = rb'\b%(name)s\s*(?::=|=)\s*""'


def defaulted_namespace_flags(code: bytes) -> frozenset[str]:
    """The flags named for a namespace to watch (NAMESPACE_SETTING) a Go file (without
    comments) declares with a default that is not empty: a scoping that applies when one is
    named applies unless a manifest passes it empty. openshift-upgrade-controller's
    `--namespace` defaults to its pod's namespace, else `default`, and a finding calling its
    cache cluster-wide was read as wrong."""
    found = set()
    for flag in _FLAG_DEFAULT.finditer(code):
        name, written, variable = flag.group(2, 3, 4)
        if not NAMESPACE_SETTING.fullmatch(name.decode()):
            continue
        given = {b"name": re.escape(variable or b"")}
        # Given a string, and never an empty one (mloperator's is empty unless a variable
        # asks for a single namespace).
        if written or variable is not None and re.search(_GIVEN_STRING % given, code) and \
                not re.search(_GIVEN_EMPTY % given, code):
            found.add(name.decode())
    return frozenset(found)


_RANGE_OVER = re.compile(rb"\brange\s+(?:(\[\]string\{)|([A-Za-z_]\w*)\s*$)")
_STRINGS_LITERAL = rb"\b%(name)s\s*(?::=|=)\s*\[\]string\{\s*(?:\"[^\"\n]*\"\s*,?\s*)+\}"


def _over_fixed_strings(code: bytes, loop: bytes) -> bool:
    """Whether a loop ranges over strings written out (`range []string{"default", "cert-manager"}`,
    or a variable the file so declares: gitea-operator's namespaces), which name the same
    namespaces whatever the flags."""
    found = _RANGE_OVER.search(loop.rstrip())
    if found is None:
        return False
    return bool(found.group(1)) or bool(re.search(_STRINGS_LITERAL % {b"name": re.escape(found.group(2))}, code))


# A loop over a list of structs (`for _, worker := range cfg.Workers {`), the element's variable.
_RANGE_ELEMENT = re.compile(rb"\bfor\s+\w+\s*,\s*([A-Za-z_]\w*)\s*:?=\s*range\b")


def _keyed_by_element_field(loop: bytes, line: bytes) -> bool:
    """Whether `line`, in the block of `loop`, keys its entry by a field of the loop's element
    (`namespaces[worker.Namespace] = cache.Config{}`): the list is of structs, a configuration's,
    which names each namespace as a map written out does (kontroler's worker configs, read from
    its config file; its cache was called cluster-wide, read as wrong). A flag lists strings."""
    element = _RANGE_ELEMENT.search(loop)
    key = line[line.find(b"[") + 1:line.rfind(b"]")] if b"[" in line else b""
    return element is not None and re.search(rb"\b%s\.\w+" % re.escape(element.group(1)), key) is not None


def _enclosing_openings(code: bytes, at: int, start: int) -> Iterator[int]:
    """The `{` of each block that encloses `at`, innermost first, searching back to `start`."""
    depth = 0
    for index in range(at - 1, start - 1, -1):
        if code[index] == 0x7D:  # }
            depth += 1
        elif code[index] == 0x7B:  # {
            if depth:
                depth -= 1
            else:
                yield index


# A boolean flag declared off by default (`flag.BoolVar(&enableX, "enable-x", false, ...)`,
# pflag's `BoolVarP` with its shorthand, a field `&opts.EnableX`, or `enableX := flag.Bool(
# "enable-x", false, ...)`, tested as `*enableX`): what only it turns on does not run unless the
# container passes the flag.
_BOOL_FLAG_VAR = re.compile(rb'\.BoolVar(P)?\(\s*&([A-Za-z_][\w.]*)\s*,\s*"([A-Za-z][\w.-]*)"\s*,\s*'
                            rb'(?(1)"\w*"\s*,\s*)false\s*[,)]')
_BOOL_FLAG = re.compile(rb'\b([A-Za-z_]\w*)\s*:?=\s*(?:\w+\.)*Bool(P)?\(\s*"([A-Za-z][\w.-]*)"\s*,\s*'
                        rb'(?(2)"\w*"\s*,\s*)false\s*[,)]')
_IF_CONDITION = re.compile(rb"[ \t]*(?:\}\s*else\s+)?if\s+([^\n{]*?)\s*\{\s*$")


# A string flag's variable or field (`flag.StringVar(&config.PluginType, "driver-mode", ...)`,
# pflag's `StringVarP`), or the pointer `flag.String` returns (`mode := flag.String("mode", ...)`).
_STRING_FLAG_VAR = re.compile(rb'\.StringVarP?\(\s*&(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\s*,\s*"([A-Za-z][\w.-]*)"')
_STRING_FLAG = re.compile(rb'\bStringP?\(\s*"([A-Za-z][\w.-]*)"')
# What ends right before it: `mode := flag.` (searched in the few bytes before the call).
_GIVEN_BEFORE = re.compile(rb'\b([A-Za-z_]\w*)\s*:?=\s*(?:\w+\.)?\Z')
_LOOK_BACK = 256


def string_flags(code: bytes) -> frozenset[tuple[bytes, str]]:
    """(the name a string flag's value is held in, its last part: `PluginType` of
    `&config.PluginType`; the flag, flag_name_key) for each string flag a Go file (without
    comments) declares."""
    if b"String" not in code:
        return frozenset()
    # The calls first, then the name the line gives what they return: a search starting at
    # every word of the file would cost more than the rest of the package's facts.
    given = ((_GIVEN_BEFORE.search(code[max(0, m.start() - _LOOK_BACK):m.start()]), m)
             for m in _STRING_FLAG.finditer(code))
    return frozenset([(m.group(1), flag_name_key(m.group(2).decode())) for m in _STRING_FLAG_VAR.finditer(code)] +
                     [(name.group(1), flag_name_key(m.group(1).decode())) for name, m in given if name is not None])


# The program's first argument as written, and a call given the arguments, whose first result
# a name may be given (`role, rest := parseRole(os.Args[1:])`).
_FIRST_ARGUMENT = rb"os\.Args\[1\]|flag\.Arg\(0\)|flag\.Args\(\)\[0\]"
_ARGUMENTS_PASSED = rb"[\w.]+\(\s*(?:os\.Args\[1:\]|flag\.Args\(\))\s*\)"
# A `switch` on a name (`switch config.PluginType {`, `switch *mode {`: what comes before the
# name is its first group, empty for a bare name) or on the program's first argument as written
# (`switch os.Args[1] {`: ARGUMENT stands for it), a clause of one, the values its label lists (strings, or constants:
# _label_values), and a clause ending by falling into the next.
_SWITCH_ON_NAME = re.compile(rb"\bswitch\s+(?:(\*?(?:[A-Za-z_]\w*\.)*)([A-Za-z_]\w*)|(" + _FIRST_ARGUMENT + rb"))\s*\{")
ARGUMENT = b"os.Args[1]"
_CLAUSE = re.compile(rb"^[ \t]*(?:case\b([^:\n]*)|default\s*):", re.MULTILINE)
_LABEL_VALUE = re.compile(rb'"([^"\\\n]*)"|`([^`]*)`|(?<![\w.])([A-Za-z_]\w*)(?![\w.(])')
_FALLS_THROUGH = re.compile(rb"\bfallthrough\s*$")


def _switched(switch: re.Match) -> bytes:
    """What a `switch` (_SWITCH_ON_NAME) tests: the last part of its name, or ARGUMENT."""
    return switch.group(2) or ARGUMENT


def _label_values(label: bytes, constants: dict[bytes, str]) -> Iterator[str]:
    """The strings a `case` label lists: written out, or as a constant of `constants`
    (`case roleNode:`)."""
    for double, raw, name in _LABEL_VALUE.findall(label):
        if name:
            if name in constants:
                yield constants[name]
        else:
            yield (double or raw).decode(errors="replace")


# A package's string constant: `const roleNode = "node"`, or `roleNode = "node"` in a `const (`
# block, typed or not; top-level (gofmt'ed: at a line's start), not a function's own.
_STRING_CONSTANT = rb'([A-Za-z_]\w*)[ \t]*(?:[A-Za-z_][\w.]*[ \t]*)?=[ \t]*"([^"\\\n]*)"[ \t]*(?:$|;)'
_ONE_STRING_CONSTANT = re.compile(rb"^const[ \t]+" + _STRING_CONSTANT, re.MULTILINE)
_BLOCK_STRING_CONSTANT = re.compile(rb"^[ \t]+" + _STRING_CONSTANT, re.MULTILINE)
_CONST_BLOCK = re.compile(rb"^const[ \t]*\(", re.MULTILINE)


def string_constants(code: bytes) -> frozenset[tuple[bytes, str]]:
    """(name, value) of each package-level string constant a Go file (without comments)
    declares, alone or in a `const (` block: what a `switch`'s labels may name."""
    if b"const" not in code:
        return frozenset()
    found = list(_ONE_STRING_CONSTANT.finditer(code))
    for block in _CONST_BLOCK.finditer(code):
        end = code.find(b"\n)", block.end())  # gofmt's closing line
        found += _BLOCK_STRING_CONSTANT.finditer(code, block.end(), end if end >= 0 else len(code))
    return frozenset((m.group(1), m.group(2).decode(errors="replace")) for m in found)


def unambiguous(constants: Iterable[tuple[bytes, str]]) -> dict[bytes, str]:
    """The constants of `constants` (string_constants of a package's files) given one value:
    a name declared twice (a file per platform) may be either."""
    values: dict[bytes, set[str]] = {}
    for name, value in constants:
        values.setdefault(name, set()).add(value)
    return {name: next(iter(given)) for name, given in values.items() if len(given) == 1}


# `name := ...` or `name, rest = ...` at the start of a line, given the first argument (a
# comment may follow): not `os.Args[0]`, the program's own name, nor a test of the arguments
# (`len(os.Args) > 2`).
_GIVEN_FIRST_ARGUMENT = re.compile(rb"^[ \t]*([A-Za-z_]\w*)[ \t]*(?:,[ \t]*\w+[ \t]*)*:?=(?!=)[ \t]*(?:" +
                                   _FIRST_ARGUMENT + rb"|" + _ARGUMENTS_PASSED + rb")[ \t]*(?://[^\n]*)?$",
                                   re.MULTILINE)


def argument_names(code: bytes) -> frozenset[bytes]:
    """The names a Go file (or a function's code) gives the program's first argument
    (_GIVEN_FIRST_ARGUMENT), and ARGUMENT when it switches on it as written: what may hold the
    subcommand a container runs (`args: [node, ...]`)."""
    if b"Arg" not in code:
        return frozenset()
    return frozenset(_GIVEN_FIRST_ARGUMENT.findall(code)) | \
        ({ARGUMENT} if ARGUMENT in switched_names(code) else frozenset())


# A comment or a literal, read left to right (a quote in a comment opens nothing, nor `//` in a string).
_COMMENT_OR_LITERAL = re.compile(rb'//[^\n]*|/\*.*?\*/|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`[^`]*`', re.DOTALL)


def _blank_text(found: re.Match) -> bytes:
    """A comment as blanks, a literal as its quotes around blanks (_blanked)."""
    text = found.group(0)
    if text[:1] == b"/":
        return _blanked(text)
    return text[:1] + _blanked(text[1:-1]) + text[-1:]


def _blanked(text: bytes) -> bytes:
    """`text` as spaces, its line breaks kept: offsets and line numbers stay."""
    return _NOT_LINE_BREAK.sub(b" ", text)


_NOT_LINE_BREAK = re.compile(rb"[^\n]")


def switched_names(code: bytes) -> frozenset[bytes]:
    """What the `switch`es of a Go file (without comments) test (_switched)."""
    return frozenset(map(_switched, _SWITCH_ON_NAME.finditer(code))) if b"switch" in code else frozenset()


def without_other_modes(code: bytes, modes: dict[bytes, str], constants: dict[bytes, str] | None = None,
                        argument: str | None = None) -> bytes:
    """A Go file with the clauses of each `switch` on a name a string flag's value is held in
    (`modes`: that name's last part -> the value the container passes), or on the program's
    first argument (`argument`, the subcommand it passes: as written, or a name the switch's
    own function gives it), that do not run for that value blanked, when a clause lists it (as
    a string, or a constant of `constants`): what runs in that mode (the clause, and those it
    falls through to). csi-hostpath's one binary builds its controller, which informs on every
    Pod and Node, only `case "controller":`, and its node agent's DaemonSet passes
    `--driver-mode=agent` (read as wrong when charged the controller's cache). Braces, `case`s
    and names are read with literals and comments blanked, the labels' values from the code."""
    if argument is None and not any(name in code for name in modes):
        return code
    structure = _COMMENT_OR_LITERAL.sub(_blank_text, code)
    blanked = None
    given: dict[int, frozenset[bytes]] = {}  # _argument_names_around
    for switch in _SWITCH_ON_NAME.finditer(structure):
        switched = _switched(switch)
        value = modes.get(switched)
        if value is None and argument is not None and (switched == ARGUMENT or switch.group(1) == b"" and
                                                       switched in _argument_names_around(code, switch.start(), given)):
            value = argument  # a name, not a field of the same name (`switch cfg.role`)
        if value is None:
            continue
        opening = switch.end() - 1
        end = closing(structure, opening, b"{}")
        if structure[end - 1:end] != b"}":
            continue  # not closed: not read
        clauses, depth, previous = [], 1, opening + 1
        for clause in _CLAUSE.finditer(structure, opening + 1, end - 1):
            depth += structure.count(b"{", previous, clause.start()) - structure.count(b"}", previous, clause.start())
            previous = clause.start()
            if depth == 1:
                label = code[clause.start(1):clause.end(1)] if clause.group(1) is not None else None
                clauses.append((clause.start(), clause.end(), label))
        chosen = next((index for index, (_, _, label) in enumerate(clauses) if label is not None and
                       value in _label_values(label, constants or {})), None)
        if chosen is None:
            continue  # another value: its default clause, or nothing, runs
        bounds = [(body, clauses[index + 1][0] if index + 1 < len(clauses) else end - 1)
                  for index, (_, body, _) in enumerate(clauses)]
        last = chosen  # the last clause running: the chosen one, or one it falls through to
        while last + 1 < len(clauses) and _FALLS_THROUGH.search(structure[slice(*bounds[last])].rstrip()):
            last += 1
        blanked = bytearray(code) if blanked is None else blanked
        for index, (body_start, body_end) in enumerate(bounds):
            if not chosen <= index <= last:
                blanked[body_start:body_end] = _blanked(code[body_start:body_end])
    return bytes(blanked) if blanked is not None else code


def _argument_names_around(code: bytes, at: int, found: dict[int, frozenset[bytes]]) -> frozenset[bytes]:
    """The names the top-level function holding `at` gives the first argument (argument_names),
    read once per function into `found`: a `switch cmd` elsewhere tests another `cmd`."""
    start = _function_start(code, at)
    if start not in found:
        found[start] = argument_names(_rest_of_function(code, start))
    return found[start]


def flag_name_key(name: str) -> str:
    """A flag or environment variable's name as compared (`enable-bpf`, `enableBpf` and
    `ENABLE_BPF` alike)."""
    return re.sub(r"[-_.]", "", name).lower()


# A string flag empty by default (`flag.StringVar(&agentsNamespace, "agent-namespace", "", ...)`)
# that nothing else in its file assigns is off the same way where a condition requires it set
# (`if agentsNamespace != "" {`): cluster-api-provider-agent builds its second manager only
# then, and no manifest passes the flag (a finding counting that manager was read as wrong).
_EMPTY_STRING_FLAG_VAR = re.compile(rb'\.StringVar(P)?\(\s*&([A-Za-z_][\w.]*)\s*,\s*"([A-Za-z][\w.-]*)"\s*,\s*'
                                    rb'(?(1)"\w*"\s*,\s*)""\s*[,)]')
_SET_TESTS = (b'%s != ""', b'"" != %s', b"len(%s) > 0", b"len(%s) != 0")
# Assigned, alone or among others (`ns, err = inClusterNamespace()`), or handed on by address.
_ASSIGNED = rb"(?<![\w.])%s\s*(?:,\s*[\w.]+\s*)*(?:=(?!=)|:=)|&%s\b(?!\s*,\s*\")"


def _empty_string_flags(code: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(variable, flag name) of each string flag a Go file declares empty by default and
    assigns nowhere else (_EMPTY_STRING_FLAG_VAR, _ASSIGNED)."""
    if b'"",' not in code and b'"")' not in code:
        return
    for flag in _EMPTY_STRING_FLAG_VAR.finditer(code):
        variable = re.escape(flag.group(2))
        if not re.search(_ASSIGNED % (variable, variable), code):
            yield flag.group(2), flag.group(3)


def _off_flags(code: bytes) -> dict[bytes, str]:
    """The tests a condition makes of the flags a Go file declares off by default (a boolean
    flag's variable, `x != ""` of a string flag's), each with its flag's name (flag_name_key)."""
    found = {m.group(2): m.group(3) for m in _BOOL_FLAG_VAR.finditer(code)}
    if b"Bool(" in code or b"BoolP(" in code:  # the pattern starts at every word: look only where it may match
        found.update((b"*" + m.group(1), m.group(3)) for m in _BOOL_FLAG.finditer(code))
    for variable, name in _empty_string_flags(code):
        found.update((test % variable, name) for test in _SET_TESTS)
    return {variable: flag_name_key(name.decode()) for variable, name in found.items()}


# What ends a program where its flags are checked: `os.Exit(1)`, a logger's `Fatal`, a panic.
_EXITS = re.compile(rb"\bos\.Exit\(\s*[1-9]|\.Fatal(?:f|ln)?\(|\bpanic\(")
_EMPTY_TESTS = (b'if %s == "" {', b"if len(%s) == 0 {")


def required_flags(code: bytes) -> frozenset[str]:
    """The string flags (flag_name_key) empty by default, assigned nowhere else, whose emptiness
    ends the program (`if image == "" { setupLog.Error(...); os.Exit(1) }`) in a Go file
    (without comments): f11r-operator's manager exits without `--game-server-image`, which its
    kubebuilder scaffold does not pass (read as a manifest that cannot be what runs). Tested in
    the function's own body: kube-assist's manager asks for `--console-url` only in its
    `case "console":` of the data source flag, and runs without it otherwise."""
    found = set()
    flags = dict(_empty_string_flags(code))
    for variable, name in flags.items():
        for test in (test % variable for test in _EMPTY_TESTS):
            at = code.find(test)
            if at >= 0 and _EXITS.search(code, at, _call_end(code, at + len(test) - 1, b"{}")) and \
                    _in_function_body(code, at):
                found.add(flag_name_key(name.decode()))
    # Or gathered in a map whose every value is so tested in a loop over it: atom-operator's
    # `reqFlags["lighttpd-image"] = lighttpdImage`, then `for reqFlag, val := range reqFlags {
    # if val == "" { ...; os.Exit(1) } }` (its scaffold passes none of them: read as not what runs).
    for loop in _RANGE_OVER_MAP.finditer(code):
        value, ranged = loop.group(1), loop.group(2)
        body_end = _call_end(code, loop.end() - 1, b"{}")
        test = code.find(b'if %s == "" {' % value, loop.end(), body_end)
        if test < 0 or not _EXITS.search(code, test, _call_end(code, code.index(b"{", test), b"{}")) or \
                not _in_function_body(code, loop.start()):
            continue
        entries = re.finditer(rb"\b%s\[[^\]\n]+\]\s*=\s*(\w+)\s*$" % re.escape(ranged), code, re.MULTILINE)
        found.update(flag_name_key(flags[entry.group(1)].decode()) for entry in entries if entry.group(1) in flags)
    return frozenset(found)


# `for key, value := range values {` (group 1 the value, group 2 the map), at a line's start.
_RANGE_OVER_MAP = re.compile(rb"^[ \t]*for[ \t]+\w+[ \t]*,[ \t]*(\w+)[ \t]*:=[ \t]*range[ \t]+(\w+)[ \t]*\{",
                             re.MULTILINE)


def _in_function_body(code: bytes, at: int) -> bool:
    """Whether `at` lies in a function's body itself (a function literal's: cobra's `Run:
    func(...) {`), not in a block of a statement in it: the brace that encloses it most
    closely opens no `if`, `else`, `for`, `switch` or `select` (whatever the function's length
    or how its signature is wrapped)."""
    blanked = literals_blanked(code[:at])
    opening = next(_enclosing_openings(blanked, at, 0), None)
    if opening is None:
        return False
    line_start = blanked.rfind(b"\n", 0, opening) + 1
    # A condition wrapped over lines (`if a ||\n\t\tb {`): the statement starts above.
    while line_start and _CONTINUED.search(blanked, 0, line_start - 1):
        line_start = blanked.rfind(b"\n", 0, line_start - 1) + 1
    return not _BLOCK_STATEMENT.match(blanked, line_start)


_BLOCK_STATEMENT = re.compile(rb"[ \t]*(?:\}[ \t]*)?(?:if|else|for|switch|select)\b")
_CONTINUED = re.compile(rb"(?:\|\||&&|[,(+\-*/=<>!])[ \t]*\Z")


def _gating_flag(code: bytes, at: int, off: dict[bytes, str]) -> str | None:
    """The off-by-default flag (_off_flags) that an `if` enclosing `at` in its function requires
    (`if (a || b) && enableBpfEnforcer {`), None when none does."""
    start = max(0, at - _MAX_BLOCK_BYTES)
    for opening in _enclosing_openings(code, at, start):
        line_start = code.rfind(b"\n", 0, opening) + 1
        if code.startswith(b"func", line_start):
            return None
        tested = _IF_CONDITION.match(code, line_start, opening + 1)
        if tested is not None and (flag := _required_flag(tested.group(1), off)) is not None:
            return flag
    return None


def _required_flag(condition: bytes, off: dict[bytes, str]) -> str | None:
    """The off-by-default flag (_off_flags) an `if`'s condition requires: one of its top-level
    `&&` operands tests it (`if (a || b) && enableX {`; not `if a || enableX {`)."""
    return next((off[conjunct] for conjunct in _top_level_parts(condition, b"&&") if conjunct in off), None)


class GatedCache(NamedTuple):
    """A cache built only when a flag that is off by default is passed (conditional_caches)."""
    flag: str  # flag_name_key
    informer: tuple[str, str] | None  # (import path, name) as informer_calls, None for a manager
    scoped: bool  # whether what it keeps is scoped whatever the flags (see scopings)


class ConditionalCaches(NamedTuple):
    """What a Go file builds that may keep less than it seems (conditional_caches)."""
    flag_gated: tuple[GatedCache, ...]
    # The import paths of the generated clients' informer factories it builds unscoped, one
    # per construction: for a program's own custom resources, they keep what users create.
    generated_factories: tuple[str, ...]


# Where informer-gen writes a generated client's informer factory.
_GENERATED_INFORMERS = re.compile(r"/informers/externalversions$")


_IF_LINE = re.compile(rb"^" + _IF_CONDITION.pattern, re.MULTILINE)  # _IF_CONDITION, found anywhere


def off_flags(code: bytes) -> frozenset[str]:
    """The flags (flag_name_key) a Go file (without comments) declares off by default."""
    return frozenset(_off_flags(code).values())


def without_gated_blocks(code: bytes, passed: frozenset[str]) -> bytes:
    """A Go file (without comments) with the blocks of the `if`s that require a flag it
    declares off by default, one not `passed`, blanked: what runs unless such a flag is given
    (stateful-migration-operator's `if enableCheckpointBackupController {` registers the
    reconciler that caches every Pod)."""
    off = {test: flag for test, flag in _off_flags(code).items() if flag not in passed}
    if not off:
        return code
    blanked = bytearray(code)
    for line in _IF_LINE.finditer(code):
        if _required_flag(line.group(1), off) is not None:
            opening = line.end() - 1
            while code[opening] != 0x7B:  # the match may end past the blanks after the block's `{`
                opening -= 1
            end = _call_end(code, opening, b"{}")
            blanked[opening + 1:end - 1] = _blanked(code[opening + 1:end - 1])
    return bytes(blanked)


def conditional_caches(source: bytes, code: bytes) -> ConditionalCaches:
    """The managers (NEW_MANAGER) and informer constructions (NEW_INFORMER) a Go file (without
    comments) builds only under an `if` that requires a boolean flag off by default, and the
    generated clients' factories it builds unscoped otherwise (whatever the flags), in one
    pass over its constructions. varmor's manager builds its factory of Pods, Services and
    EndpointSlices only with `--enableBpfEnforcer`, which its chart passes only when a value
    the defaults leave off is set, beside a factory of its own policies; a finding calling its
    cache cluster-wide was read as wrong."""
    off = _off_flags(code)
    generated = b"externalversions" in source
    if not off and not generated:
        return ConditionalCaches((), ())
    gated, factories = [], []
    for manager in new_managers(source, code) if off else ():
        if (flag := _gating_flag(code, manager.start(), off)) is not None:
            end = _call_end(code, manager.end() - 1)
            gated.append(GatedCache(flag, None, bool(_SCOPED_CACHE.search(code, manager.end(), end))))
    imports = dict(import_names(source))
    for construction, conditions in _informer_scopings(code, imports):
        flag = _gating_flag(code, construction.start(), off) if off else None
        path = _called_package(code, imports, construction.start()).decode()
        if flag is not None:
            scoped = None in conditions if conditions else _asks_only_small_kinds(code, imports, construction)
            gated.append(GatedCache(flag, (path, construction.group(1).decode()), scoped))
        elif generated and not conditions and _GENERATED_INFORMERS.search(path) and \
                not _asks_only_small_kinds(code, imports, construction):
            factories.append(path)
    return ConditionalCaches(tuple(gated), tuple(factories))


ADMISSION_API = "k8s.io/api/admission/"
# What may build a controller-runtime cache, under any package name (ACK's
# `ctrlrt.NewManager`, multicluster-runtime's `mcmanager.New`, a cache or cluster of its
# own): a program that imports controller-runtime and builds none uses its uncached client
# (`client.New`: ironcore's CSI driver) or its types. Counting a look-alike (a cloud SDK's
# `NewManager`) only keeps the finding as it was; but not a package of the program's own
# module, whose code is read (see cache_builder_packages), nor another module's package named
# for something else: hypersdk's operator calls its job queue's `jobs.NewManager` and
# govmomi's `session.NewManager`, and builds no manager (read as wrong when its cache was
# counted).
CACHE_BUILDER = re.compile(rb"\b(\w+)\.NewManager\(|\b(\w*(?:[mM]anager|[cC]ache|[cC]luster))\.New\(")
# The packages that may build one: controller-runtime's, multicluster-runtime's, or a
# framework's named for what it builds (ACK's runtime, an operator library's manager).
_CACHE_BUILDING_PACKAGE = re.compile(r"sigs\.k8s\.io/(?:controller|multicluster)-runtime\b"
                                     r"|/[^/]*(?:manager|cache|cluster|runtime|controller|operator)[^/]*$", re.I)


def cache_builder_packages(source: bytes, code: bytes) -> tuple[str, ...]:
    """The import path of the package of each call in a Go file (`code`: its `source` without
    comments) that may build a controller-runtime cache (CACHE_BUILDER), "" when the name
    called on is not an imported package's; not a package named for something else
    (_CACHE_BUILDING_PACKAGE). The caller leaves out the program's own packages."""
    if b".New" not in code:
        return ()
    imports = dict(import_names(source))
    return tuple(path for m in CACHE_BUILDER.finditer(code)
                 if not (path := imports.get(m.group(1) or m.group(2), b"").decode()) or
                 _CACHE_BUILDING_PACKAGE.search(path))
# What fills a controller-runtime cache once it is built: a controller (for the kinds it
# watches; `builder.ControllerManagedBy`, `ctrl.NewControllerManagedBy`), the manager's client (each kind it reads), its cache or field indexer, an
# informer asked for. A manager built only for health and metrics endpoints, with nothing
# registered (sealos' app controller, bpfman's metrics proxy: read as not worth a change),
# starts no informer. Any method of these names counts: a look-alike only keeps a finding.
CACHE_USER = re.compile(rb"\b(?:New)?ControllerManagedBy\(|\.(?:GetClient|GetCache|GetFieldIndexer)\(\)"
                        rb"|\bsource\.Kind\(|\.GetInformer(?:ForKind)?\(|\bSetupWithManager\(")
# What starts a client-go informer or watch, whatever the package is called: a factory
# (`kubeinformers.NewSharedInformerFactoryWithOptions`, a generated one's), an informer of
# one kind (`NewFilteredPodInformer`, `cache.NewSharedIndexInformer`), one asked of a factory,
# a reflector, a watch. A program that imports informers or listers and starts none keeps
# nothing: radix's API server reaches its project's listers through a package whose
# constructors take them, filled only by the operator (read as not worth a change). Counted in
# files that are not generated: a generated informer package calls its own constructors. A
# watch is asked of the API server with what to watch (`Watch(ctx, options)`): a broadcaster's
# `Watch()` (apimachinery's watch.Broadcaster, sbomscanner's storage serving its own events)
# starts none.
_WATCH_CALL = rb"\.Watch\((?!\s*\))"
INFORMER_BUILDER = re.compile(rb"\b(?:New\w*Informer\w*|New\w*Reflector\w*|InformerFor|NewRetryWatcher\w*"
                              rb"|UntilWithSync)\(|\.Informer\(|" + _WATCH_CALL)
# A ListWatch's WatchFunc (or WatchFuncWithContext) opens the watch of what the ListWatch is
# handed to (an informer, a reflector: counted themselves); alone, it keeps nothing. It is a
# function literal, or a function or method of the file (`WatchFunc: watchPods(c)`,
# `WatchFunc: r.watch`). client-go's bare controller (`cache.New(&cache.Config{Queue: ...})`)
# keeps what its queue keeps: tools/cache's FIFOs hold objects (a DeltaFIFO its known
# objects' store too), a queue of the program's own may drop them: perf-tests' slo-monitor
# handles each Pod and Event on a queue that stores none, and its 100Mi was charged a
# cluster's Pods (read as wrong).
_WATCH_FUNC = re.compile(rb"\bWatchFunc(?:WithContext)?\s*:\s*(?:(?=func\b)|(?:([A-Za-z_]\w*)\s*\.\s*)?([A-Za-z_]\w*)\b(?!\s*\.))")
_WATCH = re.compile(_WATCH_CALL)
_CONTROLLER = re.compile(rb"(?<![\w.])(\w+)\.New\(")
_CLIENT_GO_QUEUE = re.compile(rb"(?<![\w.])(\w+)\.New(?:DeltaFIFO\w*|FIFO|RealFIFO\w*)\(")


def makes_client_go_queue(source: bytes, code: bytes) -> bool:
    """Whether a Go file (`code`, without comments) makes one of client-go's FIFO queues."""
    if not _CLIENT_GO_QUEUE.search(code):
        return False
    imports = dict(import_names(source))
    return any(imports.get(made.group(1)) == TOOLS_CACHE for made in _CLIENT_GO_QUEUE.finditer(code))


def informer_starts(source: bytes, code: bytes, package_makes_queue: bool) -> int:
    """How many calls of a Go file (`code`, without comments) may start an informer or a watch
    that keeps objects: INFORMER_BUILDER's, but the watches a ListWatch opens for them; and
    client-go's bare controllers, when the file's package makes one of client-go's queues
    (makes_client_go_queue of any of its files)."""
    starts = len(INFORMER_BUILDER.findall(code))
    for given in _WATCH_FUNC.finditer(code):
        watching = _function_extent(code, given.end()) if given.group(2) is None else \
            _declared_here(code, given.group(2), method=given.group(1) is not None)
        if watching is not None:
            starts -= len(_WATCH.findall(code, *watching))
    if package_makes_queue:
        imports = dict(import_names(source))
        starts += sum(imports.get(called.group(1)) == TOOLS_CACHE for called in _CONTROLLER.finditer(code))
    return max(0, starts)


# The managers a program builds, spelled as controller-runtime's docs do, to weigh against
# the caches it scopes: counting every look-alike would call a scoped program unscoped
# (opendatahub's cloud managers came back, read as not worth a change, when it did).
# Not one given an empty rest.Config, which reaches no API server: openperouter's host mode
# runs its reconciler over a channel that way (a finding counting it was read as wrong).
NEW_MANAGER = re.compile(rb"\b(ctrl\.NewManager|manager\.New)\((?!\s*&(?:\w+\.)?Config\{\s*\})")


def new_managers(source: bytes, code: bytes) -> list[re.Match]:
    """The managers (NEW_MANAGER) a Go file (`code`, without comments) builds with the package
    its imports name so: controller-runtime's. radius' API servers call their own operation
    status `manager.New(db, queue, location)`, which counted as an unscoped cache beside their
    two informer factories, scoped to a namespace each (read as wrongly cluster-wide)."""
    found = list(NEW_MANAGER.finditer(code))
    if not found:
        return found
    imports: dict[bytes, bytes] = {}
    for name, path in import_names(source):  # the import block comes first; a string line may look like one
        imports.setdefault(name, path)
    return [m for m in found
            if imports.get(m.group(1).split(b".")[0], b"").startswith(CONTROLLER_RUNTIME.encode())]
# The client-go informers and factories a program builds, weighed against the scopings like
# managers: one factory scoped to a namespace says nothing of another that lists the whole
# cluster (purelb's node agent scopes its election's Leases and lists every Service and
# EndpointSlice; cloudflare-gateway-controller's command scopes a ConfigMap watch beside an
# unscoped manager), and the reflectors that fill a store. Counted in files that are not
# generated, as INFORMER_BUILDER.
# Or a helper's that panics on error (controller-idioms' `registry.MustNewFilteredDynamicSharedInformerFactory`).
NEW_INFORMER = re.compile(rb"(?<!func )(?<!\) )\b((?:Must)?New\w*(?:Informer|Reflector)\w*)\(")
_INFORMER_CONSTRUCTOR = re.compile(rb"^func[ \t]+(New\w*(?:Informer|Reflector)\w*)[ \t]*[(\[]", re.MULTILINE)


_QUALIFIER = re.compile(rb"(\w+)\.$")


def informer_constructors(code: bytes) -> frozenset[str]:
    """The functions (not methods) a Go file declares under an informer constructor's name
    (NEW_INFORMER)."""
    return frozenset(name.decode() for name in _INFORMER_CONSTRUCTOR.findall(code))


def informer_calls(source: bytes, code: bytes) -> list[tuple[str, str]]:
    """(the import path of its package, empty for the file's own or a method, its name) of
    each informer constructor a Go file calls (NEW_INFORMER)."""
    imports = dict(import_names(source))
    return [(_called_package(code, imports, called.start()).decode(), called.group(1).decode())
            for called in NEW_INFORMER.finditer(code)]


def _called_package(code: bytes, imports: dict[bytes, bytes], at: int) -> bytes:
    """The import path of the package whose function is called at `at` (`informers.` before
    it), empty for the file's own or a method."""
    qualifier = _QUALIFIER.search(code, max(0, at - 64), at)
    return imports.get(qualifier.group(1), b"") if qualifier else b""


_IMPORT_BLOCK = re.compile(rb"^import[ \t]*\((.*?)^\)", re.MULTILINE | re.DOTALL)
_IMPORT_LINE = re.compile(rb'^import[ \t]+(?:[\w.]+[ \t]+)?"([^"]+)"', re.MULTILINE)
_QUOTED = re.compile(rb'"([^"\n]+)"')
_LINE_COMMENT = re.compile(rb"//[^\n]*")
COMMENTS = re.compile(rb"//[^\n]*|/\*.*?\*/", re.DOTALL)

# One bracket of a pair, or a whole literal or comment that `closing` passes over.
_BRACKET_OR_TEXT = {pair: re.compile(b"[%s]|%s|%s" % (re.escape(pair), _LITERAL_TEXT.pattern, COMMENTS.pattern),
                                     re.DOTALL)
                    for pair in (b"()", b"{}", b"[]")}


def file_imports(source: bytes) -> list[str]:
    """The import paths of a Go file, read from its import declarations without parsing it."""
    found = [m.group(1) for m in _IMPORT_LINE.finditer(source)]
    for block in _IMPORT_BLOCK.finditer(source):
        found += _QUOTED.findall(_LINE_COMMENT.sub(b"", block.group(1)))
    return [path.decode("utf-8", "replace") for path in found]


def _keeps_objects_import(import_path: str) -> bool:
    """Whether `import_path` keeps Kubernetes objects in memory."""
    return (any(modules.in_module(import_path, w) for w in _CLUSTER_OBJECT_IMPORTS)
            or not _INFORMER_ELEMENTS.isdisjoint(import_path.split("/")))


def keeps_only_with_informers(keeping: str) -> bool:
    """Whether `keeping` (see _keeps_objects_import) keeps objects only in informers or
    watches that the program itself starts (INFORMER_BUILDER): client-go's, a generated
    client's; not controller-runtime's manager, an API server's storage or knative's
    injection, which start their own."""
    parts = keeping.split("/")
    if keeping.startswith("knative.dev/") or "injection" in parts:
        return False
    return keeping.startswith("k8s.io/client-go/") or not {"informers", "listers"}.isdisjoint(parts)


def local_closure(directories: list[str], module: modules.Module, imports_of: Callable[[str], list[str]],
                  first_imports: list[str] = ()) -> tuple[set[str], list[str]]:
    """The packages in `directories` and those of modules visible from `module` (on disk: its
    own, local replacements, go.work) that they (or `first_imports`, a file's) import,
    directly or not; and the packages they import that keep Kubernetes objects in memory, each
    once, in the order met."""
    seen: set[str] = set()
    keeps: list[str] = []
    pending = list(directories)

    def met(imports: list[str]) -> None:
        for imported in imports:
            if _keeps_objects_import(imported):
                # controller-runtime by its module: its manager keeps the cache, whichever of
                # its packages is met first (`pkg/client`, `pkg/certwatcher`).
                keeping = CONTROLLER_RUNTIME if imported.startswith(CONTROLLER_RUNTIME + "/") else imported
                if keeping not in keeps:
                    keeps.append(keeping)
            target = modules.package_dir(imported, module)
            if target is not None:
                pending.append(target)

    met(list(first_imports))
    while pending:
        directory = pending.pop()
        if directory in seen:
            continue
        seen.add(directory)
        met(imports_of(directory))
    return seen, keeps
