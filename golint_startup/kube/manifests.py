"""Kubernetes manifests for the manifest rules (SL101-SL105): containers that run Go.

It builds on, lowest first: yaml_nodes, objects, image_builds, go_programs, project_docs and helm_charts.

`load` reads the YAML files discovery found, keeps every workload's containers with
the positions of the settings the Go runtime depends on (memory limit and request,
`GOMEMLIMIT`, `GOGC`, probes), resolves `envFrom` against the ConfigMaps and Secrets
among the linted files (kustomize's generated ones included), and tells which containers run Go (see RECOGNITION). Rules get
a `ProjectManifests` through `Rule.check_manifests` and only look at its `go_containers`.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Callable, Iterable

import yaml

from golint_startup.files import listdir
from golint_startup.go import modules
from golint_startup.go.gofile import Directive
from golint_startup.kube import (
    code_memory_limits,
    go_code,
    go_programs,
    helm_charts,
    helm_template,
    objects,
    project_docs,
    yaml_nodes,
)
from golint_startup.kube.go_programs import GoTree
from golint_startup.kube.objects import (
    WORKLOAD_KINDS,
    Container,
    EnvVar,
    ProgramRun,
    Setting,
    image_repository,
)
from golint_startup.kube.yaml_nodes import Document, Source
from golint_startup.rule import Location, Notification
from golint_startup.words import words

RECOGNITION = """\
The manifest rules check only containers that run Go. A container counts as Go when
- its environment sets a Go runtime variable (`GOMEMLIMIT`, `GOGC`, `GODEBUG`,
  `GOMAXPROCS`, `GOTRACEBACK`), in `env` or through an `envFrom` ConfigMap or Secret
  found among the linted files;
- its image is a `ko://` reference to a package of the linted tree (that package is its
  program, whatever other directory shares its name), or any `ko://` image but one naming a
  package of the tree's own module that the tree does not hold (ko cannot build it: a stale
  manifest, aws-kinesis-channel's, whose finding was read as wrong; the run says so);
- its image's repository name (the last path segment, without tag or digest:
  `ghcr.io/acme/api:1.2` is `api`; or, when no directory so named builds Go, that name with
  underscores for its hyphens, for a directory outside tests and examples that builds an
  image of its own or when the image may be the project's: gaudi-reference-cloud's
  `kubernetes-operator` is built from go/pkg/kubernetes_operator's Dockerfile, while
  Prometheus' `node-exporter` is not a collector package `node_exporter`) names a
  directory of the linted tree that holds a
  `main` package, or a Dockerfile that builds Go (a `FROM golang` stage, or `go build` /
  `go install` in a `RUN`) into an image that runs it, not one whose last stage runs another
  language (its `ENTRYPOINT`, else its `CMD`, else its base image's command is `python`,
  `node`, `java`, `ruby`...: krkn-operator's data provider builds OpenShift's `oc` and runs
  `python server.py`, taken for Go and read as wrong), unless its `command` runs a shell script instead of the
  image's program: a script from a mounted volume (`["/bin/sh", "/scripts/warm.sh"]`,
  a cron job that calls curl), or an inline `sh -c` script that never names the program
  (the directory's name) nor runs one by its path (`/ip-control-loop`: whereabouts' binary),
  or, giving no `command`, it keeps the entrypoint of the image the directory's
  `Dockerfile` builds and that is a script of the tree, copied in by the Dockerfile, that
  names none of its Go programs and does not run its arguments (`exec "$@"`):
  kube-fluentd-operator's image builds its Go config reloader and starts fluentd, a Ruby
  program, in the container beside the reloader's that gives no command;
  whatever names the image, a container is not Go when its `command` is a `.sh` script
  that the tree's Dockerfiles copy to that path, Dockerfiles that build Go by `go build -o`,
  and the script names none of the tree's Go programs (a main package's directory, what a
  `go build -o` writes, what a COPY from another stage puts in place, and the names COPY
  lines and RUN lines' mv, cp, ln and install give those), and may start nothing it does not
  name (its arguments, a program named by a variable, a pattern or a command's output, `eval`,
  a sourced file, another script, a process manager, `su-exec nobody "$P"`; a script that
  cannot be read may): unifabric's `lldpd` sidecar runs its agent's image with a script that
  starts lldpd, a C daemon;
- its image's repository name is the last element of a linted Go module's path (without
  a major version: `perconalab/percona-xtradb-cluster-operator` and the module
  `github.com/percona/percona-xtradb-cluster-operator`) that holds one `main` package outside
  test directories, or whose root builds one (kubernaut's module holds 26, each built into an
  image of its own: which one `kubernaut/kubernaut` runs is not known), or
  that element without words the image's owner (the path segment before its name) says or
  begins with: `graviteeio/kubernetes-operator` and `gravitee-kubernetes-operator`; not a
  module whose programs are all libraries for C (a main package importing "C" and exporting
  functions, `//export`, in a module a build file of which, a Makefile, a script, a
  Dockerfile or a CMake list, builds with `-buildmode=c-shared` or `c-archive`): plugins that
  another language's program loads, as loongcollector's C++ agent does;
- its image's repository name is the project's name, then a program's: `P-D`, where `D`
  names a directory outside test directories that holds a `main` package or a Dockerfile
  that builds Go (or is its last path elements joined by dashes) and each word of `P` is a
  word of that directory's module path or, four letters or more, begins one (the whole
  name as path elements is tried first: vald's `vald-operator` is `cmd/operator/vald`, not
  `cmd/index/operator`): azure-container-networking's `azure-npm` runs `npm` (what
  `npm/linux.Dockerfile` builds, not its `test/integration/npm`), tetragon's
  `tetragon-operator` its `operator`, vald's `vald-manager-index` its `cmd/manager/index`,
  sealos' `sealos-database-service` its `service/database` (such containers went
  unchecked in 12 of 330 projects read in December 2026; a reader found each of their 22
  findings attributed to the right program); a third party's image beside them keeps a
  prefix of its own (doris-operator's `fdb-kubernetes-operator`); or its name is `P-D` for
  a linted module named `P` and its `command` starts, by name, the program that the
  Dockerfile at that module's root makes its one `ENTRYPOINT` (network-services-operator's
  `network-services-operator-cell`, a placeholder its tasks rename, runs
  `/network-services cell-manager`, the operator's own binary); or it is a Helm chart's, kept
  in a kubebuilder project (up to three directories below its `PROJECT`), whose image's name
  (below its registry and owner) shares a word with a linted module's name (not a role's:
  `operator`) and whose `command`
  starts, by name, the program that the project's Dockerfile makes its one `ENTRYPOINT`, when
  nothing else here names the image (liqo-upgrade-operator's chart runs `/manager` of
  `liqo-upgrade-operator`, its module `liqo-upgrade-controller`);
- it is the manager of a kubebuilder scaffold: in a manifest under `config/manager/`
  whose project root (above `config/`) holds a main package or a Dockerfile that builds Go,
  with the placeholder image `controller` (fluent-operator, apisix-ingress-controller), or
  in a project with kubebuilder's `PROJECT` file (kuberay's ray-operator; with a `go.mod`
  there, wherever its main is: mongodb-kubernetes-operator's `cmd/manager`), as its pod's
  only container or the one named `manager`, in a workload other than a DaemonSet
  (thundernetes' node agent beside its manager); or, with the placeholder image, elsewhere
  under `config/` of a project with `PROJECT` (aws-app-mesh-controller's
  `config/controller`), or up to three directories below such a project's root
  (hadoop-operator keeps kubebuilder's `config/` as `manifests/`); or the `controllerManager` (`manager` in its v2-alpha layout) of the
  chart kubebuilder's helm plugin writes to `dist/chart` of a project with `PROJECT`,
  whatever its image is renamed to (homelab-autoscaler's `homeclusterdev/autoscaler`), or of
  such a chart elsewhere in the project that still names the bare placeholder image
  (forge-operator's `charts/chart`). Its program is the main package of a
  directory named as the kustomization beside it renames the placeholder (kaito's
  `controller` becomes `.../workspace`, built from `cmd/workspace`), or as one listing its
  directory among its `resources` does, or the program the tree builds that image from
  (kubelb's `config/deploy/kubelb` renames it `quay.io/kubermatic/kubelb-manager`, which
  GoReleaser builds from `cmd/kubelb`), else the project's (its `cmd/` in a project with
  `PROJECT`);
- its `command` runs a program named after a directory of the linted tree that holds a
  `main` package, whatever the image is called (`command: ["/usr/src/app/bin/app-daemon"]`
  runs `cmd/app-daemon`: multus-cni's daemons, in an image named after the project), of
  the manifest's own module when the manifest sits in one (sealos' services run
  `/manager`, built from their modules, not its license controller's `cmd/manager`);
- its image's repository is the `IMG` of a kubebuilder project's Makefile (beside its
  `PROJECT` file; variables the Makefile sets resolved): it runs that project's manager
  (chaosmeta's chart runs `.../chaosmeta-flow-controller`, its flow operator's `IMG`;
  tensor-fusion's its operator, whose Dockerfile is in `dockerfile/`, not beside `PROJECT`:
  such a project counts when its manager is where kubebuilder puts it, `cmd/` or the root), or
  its repository name is the `projectName` of that `PROJECT` file, which kubebuilder names
  the manager's images after (kcloud-operator's chart runs `npu-operator`);
- a skaffold artifact (`image` with a `context` directory as above, or a `ko` builder)
  or a GoReleaser `dockers`/`kos` image template names that image (its program is the
  `main` package of the builds its `ids` choose, when they name one; a command running a
  program that none of those builds names as its `binary` and that the image's Dockerfile
  does not name is left over and deploys nothing: controller-mesh's `config/manager` runs
  `/manager`, its image holds `ctrlmesh-manager`; an image whose Dockerfile copies nothing in
  and builds no Go holds none of the builds: kube-av's ClamAV updater runs alpine's
  `freshclam`; its Dockerfile is found as GoReleaser finds it, from the repository's root
  when the config sits below it);
- its image matches a glob of `go-images` in `.startup-lint.toml`
  (`go-images = ["ghcr.io/acme/*", "api"]`, matched against the whole reference and
  against the repository name);
- its image's repository name is that of a container recognized above (not by its command)
  and of no other program's, and it runs no other command than that one (redpanda's chart names
  `redpandadata/redpanda-operator`, the `config/manager` known as its kubebuilder scaffold
  `vectorized/redpanda-operator`): it runs that program. For the scaffold's placeholder
  `controller`, the repository name the kustomization beside it renames it to counts
  (czertainly-cert-manager-issuer's chart names `czertainly-cert-manager-issuer-controller`,
  as its `config/manager` does), or, when that is `controller` again, the whole repository
  (openchoreo's chart names `ghcr.io/openchoreo/controller`, as its `config/manager` does).

A chart's component whose image names a directory of several main packages runs the one
named like its key: egressd's `collector`, whose image is named for the module that also
holds its exporter. A container elsewhere runs the one its `command` starts by name, among
all below the directory: theatre's one image holds six programs, and each manager's
Deployment runs `/usr/local/bin/rbac-manager` or another; sidero's image builds its manager at
its root and runs `/siderolink-manager`, its `cmd/siderolink-manager`, beside it. One that
names none by its command runs the one of them that no container of another image runs:
avapigw's chart runs the image named for the project, whose module holds its gateway and
its operator, and `config/manager` runs the operator's own image.

An image whose name holds the import path of the package it is built from (ko's
`--preserve-import-paths`: `gcr.io/knative-releases/knative.dev/serving/cmd/activator`)
runs Go, and counts only by that path: built from a module that is not linted (knative
operator's `kodata` ships knative serving's release), it is another project's program,
whatever the linted tree's directories are called, and whether its code sets a memory
limit is not known, so SL101 leaves it out. So is an image whose directory holds no main
package and a Dockerfile that builds Go from source it downloads (`git clone`, `curl` of a
release archive), copying no Go from the tree: cozystack builds clastix's kamaji and epam's
keycloak-operator so, and their findings claimed of code not in the tree that it sets no limit.
So is a container known as Go only by its environment whose image the tree does not build
and whose owner and name share no word with a linted module's owner and name (words such as
`operator` or `controller` aside): vjailbreak's copy of kube-prometheus runs
prometheus-operator with `GOGC=30`, upstream's program, whose limit is upstream's to set.

A manifest below a directory named by a release (`install/v0.6.0/`, `deploy/1.20/`), or by
an API version older than a sibling directory's of the same major (`config/deploy/v1alpha1/` beside
`config/deploy/v1beta3/`), is a frozen copy of what that release installed:
its containers are checked only when the project keeps no Go container outside such
directories, since the fix goes into the manifests the next release is built from (kserve's
`install/0.1.0` still holds kfserving's controller, renamed since; NetApp's gateway keeps an
install file per API version, `v1alpha1` to `v1beta3`, each generated from its
`config/manager`, and its `v1alpha1` Deployment, named otherwise, was read as a stale
duplicate).

Other containers (a database, a Java service beside the Go ones) are not checked, nor
one whose `command` is PowerShell (`pwsh.exe -File entrypoint.ps1`: terway's Windows
DaemonSets copy their Go program to the host and start it there, outside the container's
limit and environment), nor one whose image's name has `test`, `tests`, `e2e` or `qa` as a
word, or `mock` (stackrox's `qa-multi-arch`, a webhook receiver its CI deploys for notifier
tests; valet's `provider-mock`, the provider its tests run), or its tag (benchhandoff's
`benchhandoff-agentrun-controller:e2e`, which only its end-to-end script builds; or a tag
with `local` as a word, a local build: KusionStack rollout's `config/kind` runs
`rollout:local-up`, which its demo script loads into kind), nor
one with `imagePullPolicy: Never`, whose image is loaded onto a developer's node by hand
(db-operator's `config/manager`, for `kind load`; its users install a chart from elsewhere;
a chart's container when every workload template writing its image writes that policy and no
other: Inplaceu's development chart), nor one turning on client-go's cache mutation detector
(`KUBE_CACHE_MUTATION_DETECTOR=true`, a check for tests: kruise's `config/manager`),
nor one whose image (as the kustomization beside it renames it) comes from a registry only
a developer's or CI's network resolves, a host of one label and a port
(`local-registry:5000/...`, which `make deploy IMG=...` left in mapserver-operator's
`config/manager` beside a test storage class; a registry on the node, `localhost:32000`, or a
domain's, `registry.acme.io:5000`, is one users pull from), nor one running a local image (a bare name, `gitea-runner-controller:latest`) that another
container so loads (gitea-act-runner-controller's listener, beside its dev manager),
and neither is a kubebuilder scaffold left over: one whose `command` runs a program (not a
shell, whose script may run anything, nor ko's `/ko-app/`, built with no Dockerfile:
kubecloudscaler's) that no Dockerfile at or below its project's root
(outside test and tooling directories) names outside comments (cyclops' `config/manager`
runs `/manager`, its image `/app/bin/ctrl`; spire-controller-manager's manager runs in the
SPIRE server's pod, its image has `/spire-controller-manager`; scheduler-plugins'
`build/controller` image has `/bin/controller`), or whose project's Dockerfiles build only Go
sources the tree does not hold (kyverno-notation-verifier's scaffold builds `cmd/main.go`, which
its library never had; read as deploying nothing in December 2026; a source named by a build
argument, kserve's `./cmd/${CMD}`, may be any program of the directory before it), nor a
container of a Helm chart kept in a kubebuilder project (up to three directories below its
`PROJECT` file) whose command runs a program the project's image does not hold (its Dockerfile
starts another program and copies in only that and files) and no Dockerfile of the tree names
(kraut's chart runs `/manager`, its image only `/app`: read as a chart that cannot start): it
deploys nothing, unless its
environment sets a Go runtime variable or its image matches `go-images`. A scaffold's
placeholder image `controller` never names a directory (scheduler-plugins'
`build/controller` is another image's). When
manifests hold containers but none is recognized, the run says so once, telling apart those
with `imagePullPolicy: Never`, which `go-images` does not bring in.

"The code sets a memory limit" means: a non-test Go file of the module that holds the
container's main package or Dockerfile (when the image maps to a directory; otherwise of
every Go module linted) imports `github.com/KimMachineGun/automemlimit` (whose init sets
the limit), or calls `debug.SetMemoryLimit` or one of automemlimit's `memlimit.Set...`
functions with anything but a negative literal (which only reads the limit), or, in a module
that requires automemlimit (directly or not), calls a function named for a memory limit
(`system.AutoProcMemLimit`: webdevops' go-common wraps automemlimit, and
azure-k8s-autopilot's finding saying the code set none was read as wrong). The call is
not required to be reachable from `main`. The image tells the runtime too when a shell
script (`*.sh`, or a `#!` file without a suffix) or a Dockerfile of that module sets
`GOMEMLIMIT` (`export GOMEMLIMIT="${limit}MiB"` in a process supervisor's run script,
`ENV GOMEMLIMIT=900MiB`): haproxy's ingress controller gives itself a third of the
cgroup's limit so, the proxy beside it the rest. Test and tooling directories and nested
modules are not read.
"""

_DIRECTIVE = re.compile(r"(?:^|[ \t])#[ \t]*startup-lint:(ignore|file-ignore)\b([^\r\n]*)")


# --- what the rules see --------------------------------------------------------------------


@dataclass
class ProjectManifests:
    containers: list[Container]
    directives: dict[str, list[Directive]]
    abspaths: dict[str, str]  # display path -> absolute path, of every YAML file read
    _sets_limit: Callable[[str | None], bool]
    _predates_limit: Callable[[Container], bool] = lambda container: False
    # Of how a container runs its program (see go_programs.GoTree.keeps_cluster_objects and the rest).
    _keeps_cluster_objects: Callable[[ProgramRun], bool] = lambda run: True
    _cluster_cache: Callable[[ProgramRun], str | None] = lambda run: None
    _caches_only_small_kinds: Callable[[ProgramRun], bool] = lambda run: False
    _growing_kinds: Callable[[ProgramRun], tuple[str, ...]] = lambda run: ()
    _framework_cache: Callable[[ProgramRun], go_code.Framework | None] = lambda run: None
    _startup_wait: Callable[[ProgramRun], str | None] = lambda run: None
    _caches_written_kinds_only: Callable[[ProgramRun], bool] = lambda run: False
    _informed_kinds: Callable[[ProgramRun], frozenset[str] | None] = lambda run: None
    _reviews_admissions: Callable[[str | None], bool] = lambda directory: False
    _informer_kinds: Callable[[ProgramRun], tuple[str, ...]] = lambda run: ()
    _informers_partly_scoped: Callable[[ProgramRun], bool] = lambda run: False
    _manager_partly_scoped: Callable[[ProgramRun], bool] = lambda run: False
    _image_limits: dict[str, bool] = field(default_factory=dict)  # module root -> its scripts set GOMEMLIMIT

    @property
    def go_containers(self) -> list[Container]:
        """The containers that run Go, but for those of release snapshots when the project
        keeps others (see RECOGNITION)."""
        go = [c for c in self.containers if c.go_reason]
        snapshots = _release_snapshots(go)
        current = [c for c in go if id(c) not in snapshots]
        return current or go

    def memory_limit_source(self, container: Container) -> str:
        """How the Go runtime in the container learns a memory limit ("" when it does not):
        a `GOMEMLIMIT` other than `off` in its environment, another variable given the
        container's memory limit (`resourceFieldRef: limits.memory`), the code (see RECOGNITION), or a
        script or Dockerfile of the module of its main package or Dockerfile that sets
        `GOMEMLIMIT` (the image)."""
        variable = container.env.get("GOMEMLIMIT")
        if variable is not None and (variable.value is None or variable.value.text not in ("", "off")):
            return "GOMEMLIMIT"
        # The limit handed over under another name: the program sets its own from it
        # (sveltos' drift-detection-manager takes TOTAL_MEMORY_LIMIT).
        handed = next((v.name for v in container.env.values() if v.source == MEMORY_LIMIT_REF), None)
        if handed is not None:
            return f"{handed}, the container's limit handed to the program"
        # Or a limit written out for a framework that sets its soft limit from it (Karpenter's
        # MEMORY_LIMIT: go_code.Framework).
        framework = self.framework_cache(container)
        if framework is not None and framework.limit_variable in container.env:
            return f"{framework.limit_variable}, which {framework.module} sets its soft limit from"
        if self._sets_limit(container.go_dir):
            return "the code"
        if container.go_dir is None:
            return ""
        module = modules.module_of_dir(container.go_dir)  # the image's scripts sit anywhere in its module
        root = module.root if module else container.go_dir
        if root not in self._image_limits:
            self._image_limits[root] = code_memory_limits.image_sets_gomemlimit(root)
        return "the image" if self._image_limits[root] else ""

    def runtime_predates_memory_limit(self, container: Container) -> bool:
        """Whether the container's program is built with a Go older than 1.19, whose runtime
        has no memory limit to tell (see go_programs.GoTree.program_predates_memory_limit)."""
        return self._predates_limit(container)

    def keeps_cluster_objects(self, container: Container) -> bool:
        """Whether the container's program may hold Kubernetes objects in memory (see
        go_programs.GoTree.keeps_cluster_objects); True when its code is not known."""
        return self._keeps_cluster_objects(container.run)

    def reviews_admissions(self, container: Container) -> bool:
        """Whether the container's program handles admission reviews (see
        go_programs.GoTree.reviews_admissions); False when its code is not known."""
        return self._reviews_admissions(container.go_dir)

    def cluster_cache(self, container: Container) -> str | None:
        """The package that makes the container's program keep a cluster-wide cache (None when
        it keeps none, or its code is not known)."""
        return self._cluster_cache(container.run)

    def growing_kinds(self, container: Container) -> tuple[str, ...]:
        """The kinds that grow with the cluster its program names (see go_programs.GoTree.growing_kinds)."""
        return self._growing_kinds(container.run)

    def caches_written_kinds_only(self, container: Container) -> bool:
        """Whether the container's program keeps objects only in controller-runtime's cache of
        the kinds its code names (see go_programs.GoTree.caches_written_kinds_only); False when its code
        is not known."""
        return self._caches_written_kinds_only(container.run)

    def informed_kinds(self, container: Container) -> frozenset[str] | None:
        """The kinds that grow with the cluster the container's program keeps, when it keeps
        objects only in client-go informers of known kinds (see go_programs.GoTree.informed_kinds); None
        otherwise, or when its code is not known."""
        return self._informed_kinds(container.run)

    def informer_kinds(self, container: Container) -> tuple[str, ...]:
        """The kinds that grow with the cluster its program asks client-go's informers for (see
        go_programs.GoTree.informer_kinds)."""
        return self._informer_kinds(container.run)

    def informers_partly_scoped(self, container: Container) -> bool:
        """Whether some of the informers its program builds are scoped, not all (see
        go_programs.GoTree.informers_partly_scoped)."""
        return self._informers_partly_scoped(container.run)

    def manager_partly_scoped(self, container: Container) -> bool:
        """Whether its program's controller-runtime cache options scope some of the kinds that
        grow with the cluster it may cache, not all (see go_programs.GoTree.manager_partly_scoped)."""
        return self._manager_partly_scoped(container.run)

    def framework_cache(self, container: Container) -> go_code.Framework | None:
        """The framework its program runs that keeps a cache of its own, and the kinds it holds
        (see go_code.FRAMEWORK_CACHES); None when it runs none, or its code is not known."""
        return self._framework_cache(container.run)

    def startup_wait(self, container: Container) -> str | None:
        """What holds its program back before it serves (see go_code.STARTUP_WAITS); None when
        nothing does, or its code is not known."""
        return self._startup_wait(container.run)

    def caches_only_small_kinds(self, container: Container) -> bool:
        """Whether the container's program keeps Kubernetes objects only in a controller-runtime
        cache of custom resources and small kinds (see go_programs.GoTree.caches_only_small_kinds); False
        when its code is not known."""
        return self._caches_only_small_kinds(container.run)

    def copies(self, containers: Iterable[Container], setting: Callable[[Container], tuple],
               same_env: bool = True) -> list[list[Container]]:
        """The containers grouped into copies of one container: a kustomize base and a raw
        install file of the same Deployment, whatever its image (kustomize's `images:` renames
        it), or the DaemonSet offered instead, with the same container name, `setting` (what
        the rule reports) and, unless `same_env` is false, environment; the same program's
        container in a workload whose name adds a prefix (kustomize's `namePrefix`: the
        release bundle's `k6-operator-controller-manager` of `config/manager`'s
        `controller-manager`) is a copy too. Each group is one finding, at its first
        container: a chart's (its values, or a template written out: what users install),
        else one that is not a scaffold behind a hand-written install (project_docs.behind_an_install),
        else the copy a kustomization sits beside, else one that runs no script of the
        image, else one not in an OLM bundle (generated: cloudflare-operator's stale bundle
        led its chart's copy, read as the wrong place for the fix), else one whose image is
        not an older release than another copy's (a preview
        file beside the source left at `v0.4.0` while `deploy/production` installs
        `v0.16.9`), else the shallowest path (a release directory's variants sit below it),
        else one whose workload's name another's adds a suffix to (a chart `api` rather than
        its variant `api-arm64`), else one in a file named after its workload or itself (the
        variants beside it add to the name), then the first."""
        containers = list(containers)
        names: dict[tuple, set[str]] = {}  # _program_and_name -> its workloads' names
        for container in containers:
            for key in _program_and_name(container):
                names.setdefault(key, set()).add(container.workload_name)
        groups: dict[tuple, list[Container]] = {}
        for container in containers:
            name = container.workload_name
            known = set().union(*(names[key] for key in _program_and_name(container)))
            if objects.PLACEHOLDER_NAME.search(name):
                # A template's workload (`name: $NAME`, filled in by envsubst) is the one other
                # workload of its program and container, when there is one.
                named = {other for other in known if not objects.PLACEHOLDER_NAME.search(other)}
                base = min(named, key=len, default=name)
                if named and all(other == base or other.endswith("-" + base) for other in named):
                    name = base
            name = min((other for other in known if name.endswith("-" + other)), key=len, default=name)
            env = tuple(sorted((key, v.value.text if v.value is not None else None)
                               for key, v in container.env.items())) if same_env else ()
            groups.setdefault((name, container.name, container.init, setting(container), env), []).append(container)
        merged = _merge_chart_copies(_merge_scaffold_copies(_merge_bundle_copies(_merge_renamed_copies(
            _by_module(groups)))))
        for found in merged:
            newest: dict[str, tuple[int, int, int]] = {}  # by image repository: releases of one image
            for c in found:
                release = _image_release(c)
                if release is not None:
                    repository = image_repository(c.image)
                    newest[repository] = max(release, newest.get(repository, release))
            members = tuple(found)  # a list being sorted reads as empty
            found.sort(key=lambda c: (c.chart is None and not helm_charts.in_chart_templates(c),
                                      project_docs.behind_an_install(c, members),
                                      not self._beside_kustomization(c), go_programs.runs_a_script(c), c.bundle,
                                      _image_release(c) not in (None, newest.get(image_repository(c.image))),
                                      c.location.path.count("/"), not _named_as_base(c, members),
                                      not _file_named_for(c), c.location.path))
        return merged

    def _beside_kustomization(self, container: Container) -> bool:
        directory = os.path.dirname(self.abspaths.get(container.location.path, ""))
        return bool(directory) and any(os.path.exists(os.path.join(directory, name))
                                       for name in objects.KUSTOMIZATION_FILES)


# A directory named by a release: `v0.6.0`, `1.20`, `v1.4.0-rc1`.
_RELEASE_DIR = re.compile(r"^v?[0-9]+\.[0-9]+(?:\.[0-9]+)?(?:-[0-9A-Za-z.]+)?$")
# One named by an API version, `v1`, `v1alpha2`, `v2beta1`: its major, its stage and number.
_API_VERSION_DIR = re.compile(r"^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")
_STAGES = {"alpha": 0, "beta": 1, None: 2}


def _release_snapshots(containers: list[Container]) -> set[int]:
    """The ids of the containers below a directory named by a release, or by an API version
    older than a sibling directory's of the same major holding containers too
    (`config/deploy/v1alpha1` beside `v1beta3`); of two majors, which is current is not known
    (mpi-operator's `deploy/v1` is older than its `deploy/v2beta1`, a stable `v1` may be newer
    than a `v2alpha1`)."""
    # parent directory -> the API versions of its containers' directories
    versions: dict[str, set[tuple[int, int, int]]] = {}
    for container in containers:
        parts = container.location.path.split("/")[:-1]
        for index, name in enumerate(parts):
            if (version := _api_version(name)) is not None:
                versions.setdefault("/".join(parts[:index]), set()).add(version)
    snapshots = set()
    for container in containers:
        parts = container.location.path.split("/")[:-1]
        if any(_RELEASE_DIR.match(name) or (version := _api_version(name)) is not None and
               any(other[0] == version[0] and other > version for other in versions["/".join(parts[:index])])
               for index, name in enumerate(parts)):
            snapshots.add(id(container))
    return snapshots


def _api_version(name: str) -> tuple[int, int, int] | None:
    """An API version's order within its major (`v1alpha1` < `v1beta1` < `v1`), None for another name."""
    found = _API_VERSION_DIR.match(name)
    return (int(found.group(1)), _STAGES[found.group(2)], int(found.group(3) or 0)) if found else None


# An image tag that names a release: `v0.16.9-gke.0`, `1.4`, `v2`.
_RELEASE_TAG = re.compile(r"^v?([0-9]{1,4})(?:\.([0-9]+))?(?:\.([0-9]+))?(?=$|[-+_])")


def _image_release(container: Container) -> tuple[int, int, int] | None:
    """The release the image's tag names, None for `latest`, a digest, a branch, a commit
    (`4f2c1e0d`) or a date (`20240101`)."""
    match = _RELEASE_TAG.match(go_programs.image_tag(container.image))
    return tuple(int(part or 0) for part in match.groups()) if match else None


def copy_message(container: Container, copy: Container) -> str:
    """How a finding's related location names a copy of its container."""
    if (copy.workload_name, copy.name) == (container.workload_name, container.name):
        return "the same container"
    return f"the same program, as {copy.label}"


def _by_module(groups: dict[tuple, list[Container]]) -> dict[tuple, list[Container]]:
    """The groups, each split by the Go module of its containers' programs when they name more
    than one: chaosmeta's flow, inject and measure operators, three modules each with its
    kubebuilder `controller-manager`, are three programs; then by the kubebuilder project whose
    scaffold each is: sidero's caps and sidero controller managers, two projects of one module,
    each with its `controller-manager` and `manager` (read as a finding naming the other as its
    copy); then by the program each command starts (its name, and subcommand): doca-platform's
    four scaffolds of one module, each a `controller-manager` whose `manager` runs its own
    command in one image (`/servicechainset`, `/provisioning`...), were called the same
    program. A container whose program or project is not known, or whose command names none,
    stays with the first."""
    return _split_by(_split_by(_split_by(groups, _module_root), go_programs.scaffold_project), _program_started)


def _program_started(container: Container) -> tuple[str, str | None] | None:
    program = go_programs.command_program(container)
    return (program, container.subcommand) if program is not None and program not in go_programs.SHELLS else None


def _split_by(groups: dict[tuple, list[Container]], home: Callable[[Container], str | None]) -> dict[tuple, list[Container]]:
    """Each group split by its containers' `home` when they name more than one; a container
    whose home is None stays with the first."""
    split: dict[tuple, list[Container]] = {}
    for key, found in groups.items():
        rooted = [(container, home(container)) for container in found]
        roots = list(dict.fromkeys(root for _, root in rooted if root is not None))
        if len(roots) < 2:
            split[key] = found
            continue
        for container, root in rooted:
            split.setdefault((*key, root if root is not None else roots[0]), []).append(container)
    return split


def _merge_renamed_copies(groups: dict[tuple, list[Container]]) -> list[list[Container]]:
    """The groups of copies (keyed by workload, container name, init, setting, environment),
    with a variant that renames the workload and its container by a suffix made a copy of the
    install it varies: kube-loxilb's `zones/kube-loxilb-north.yml` beside `kube-loxilb.yaml`
    runs the same image and command, with the same limit, as `kube-loxilb-north`. So is an
    older release's file of the same workload whose container had another name, its name
    given kustomize's `namePrefix` or not (cluster-api-control-plane-provider-steward's v0.1.0
    bundle left at the root calls its `/manager` container `controller` in
    `capi-steward-controller-manager`, config/manager calls it `manager`)."""
    merged: list[list[Container]] = []
    homes: dict[tuple, list[tuple[str, str, list[Container]]]] = {}  # program -> (workload, name, group)

    def varies(workload: str, name: str, found: list[Container], home: str, home_name: str,
               group: list[Container]) -> bool:
        if workload == home or workload.endswith("-" + home):  # or renamed by kustomize's `namePrefix`
            # Containers of one pod are not copies of each other: only another file's.
            return {c.source.abspath for c in found}.isdisjoint(c.source.abspath for c in group)
        return workload.startswith(home + "-") and (name == home_name or name.startswith(home_name + "-"))

    for (workload, name, *rest), found in sorted(groups.items(), key=lambda item: len(item[0][0])):
        keys = {(identity, *rest) for c in found if (identity := _program_identity(c)) is not None}
        target = next((group for key in sorted(keys, key=repr) for home, home_name, group in homes.get(key, ())
                       if varies(workload, name, found, home, home_name, group)), None)
        if target is None:
            target = list(found)
            merged.append(target)
        else:
            target += found
        for key in keys:
            homes.setdefault(key, []).append((workload, name, target))
    return merged


def _merge_bundle_copies(groups: list[list[Container]]) -> list[list[Container]]:
    """The groups, with an OLM bundle's container made a copy of the one manifests' container
    of the same program and name: the bundle's Deployment is generated from the project's
    manifests under another name (k8s-nim-operator's `k8s-nim-operator` of `config/manager`'s
    `controller-manager`), or of the module's one such container when the bundle's image names
    the module rather than a program of it."""
    def bundle_keys(group: list[Container]) -> list[tuple]:
        # A bundle whose image is named for the module (its program not pinned to a directory)
        # runs the module's program in a container of that name: AKO's `ako-operator` bundle
        # of the `config/manager` whose Dockerfile builds `cmd/main.go`.
        container = group[0]
        return _program_and_name(container) + (
            [module_and_name(container)] if container.go_dir is not None and container.go_dir == _module_root(container)
            else [])

    def install_keys(container: Container) -> list[tuple]:
        if container.chart is not None:
            return []
        return _program_and_name(container) + ([module_and_name(container)] if container.go_dir is not None else [])

    def module_and_name(container: Container) -> tuple:
        return "module", _module_root(container), container.subcommand, container.name, container.init

    return _join_installs(groups, lambda c: c.bundle, bundle_keys, install_keys)


def _merge_scaffold_copies(groups: list[list[Container]]) -> list[list[Container]]:
    """The groups, with a kubebuilder scaffold's manager (go_programs.scaffold_project) made a copy of the
    one other manifests' container (not a chart's, not an OLM bundle's) of the same program and
    name, whatever each names its workload: stateful-migration-operator's `config/manager`
    runs `controller-manager`, its `deploy/all-in-one.yaml` the same `/manager` as
    `migration-backup-controller`, and the two findings were read as one; else of those that
    run the program as their pod's one container, whatever its name: vitastor-operator's
    README installs `deploy/004-vitastor-operator-deployment.yaml`, whose `vitastor-operator`
    runs the scaffold's `/manager` (its `config/manager` finding was read as a dev scaffold's)."""
    scaffold = lambda c: c.chart is None and go_programs.scaffold_project(c) is not None

    def install_keys(container: Container) -> list[tuple]:
        if container.chart is not None or container.bundle or scaffold(container):
            return []
        return _program_and_name(container) + (_program_alone(container) if container.pod_containers == 1 else [])

    return _join_installs(groups, scaffold, lambda group: _program_and_name(group[0]) + _program_alone(group[0]),
                          install_keys)


def _program_and_name(container: Container) -> list[tuple]:
    """The key of an install of a container's program under its container name (none when the
    program is not known), that _join_installs joins copies by. A subcommand is another run:
    network-services-operator's one binary runs `manager` and `cell-manager`, each in a
    container named `manager`, with caches of their own."""
    return [(container.go_dir, container.subcommand, container.name, container.init)] \
        if container.go_dir is not None else []


def _program_alone(container: Container) -> list[tuple]:
    """The key of an install of a container's program whatever its container's name (none when
    the program is not known), that _join_installs joins copies by."""
    return [("alone", container.go_dir, container.subcommand, container.init)] if container.go_dir is not None else []


def _merge_chart_copies(groups: list[list[Container]]) -> list[list[Container]]:
    """The groups, with a Helm chart's container made a copy of the manifests' container of the
    same program: the one group (of containers, not init containers) of its directory
    (kubeedge's chart and `build/cloud` both run cloudcore), else the one group of its Go
    module when the module has no other chart (a kubebuilder project's `config/manager`
    beside its chart; ACK's `config/controller`, whose image names `cmd/controller`, beside
    `helm/`, whose image names the module, its one program), whatever each calls it and whatever limit each
    sets. By module only one to one: kaito's two charts, of cmd/ragengine and cmd/workspace,
    are not both copies of one config/manager."""
    charts_by_module: dict[str | None, int] = {}
    for group in groups:
        if all(c.chart is not None for c in group):
            charts_by_module[_module_root(group[0])] = charts_by_module.get(_module_root(group[0]), 0) + 1

    # By module, the install's program must be the module's root (a program not pinned to a
    # directory): openyurt's yurt-manager chart (cmd/yurt-manager) is no copy of its yurthub
    # manifest (cmd/yurthub). A chart whose image names a module of several programs is no copy
    # of whichever one program is installed otherwise: carina's scheduler chart, named for the
    # module of its controller and node agent, is neither (read as one finding with the
    # controller's, wrongly); a module of one program runs it (go_programs.GoTree._only_program).
    def chart_keys(group: list[Container]) -> list[tuple]:
        module = _module_root(group[0])
        return [("dir", group[0].go_dir)] + (
            [("the root of", module)] if charts_by_module[module] == 1 and group[0].go_dir != module else [])

    def install_keys(container: Container) -> list[tuple]:
        if container.go_dir is None or container.init:
            return []
        module = _module_root(container)
        return [("dir", container.go_dir)] + ([("the root of", module)] if container.go_dir == module else [])

    return _join_installs(groups, lambda c: c.chart is not None, chart_keys, install_keys)


def _join_installs(groups: list[list[Container]], is_copy: Callable[[Container], bool],
                   copy_keys: Callable[[list[Container]], list[tuple]],
                   install_keys: Callable[[Container], list[tuple]]) -> list[list[Container]]:
    """The groups, with each group of copies (all its containers `is_copy`, of one program)
    joined to the one other group that holds its first key (of `copy_keys`, in order) that
    any holds, or to all of those, in files apart, that run its program with no subcommand
    (kubedl's chart, its `config/manager/manager.yaml` and its `all_in_one.yaml`, whose
    container is named otherwise); other groups hold the keys their containers'
    `install_keys` give."""
    installs: dict[tuple, list[list[Container]]] = {}
    for group in groups:
        for container in group:
            if not is_copy(container):
                for key in install_keys(container):
                    holders = installs.setdefault(key, [])
                    if not any(holder is group for holder in holders):
                        holders.append(group)
    home: dict[int, list[Container]] = {}  # a group joined to another -> that one

    def joined(group: list[Container]) -> list[Container]:
        while id(group) in home:
            group = home[id(group)]
        return group

    kept = []
    for group in groups:
        if all(is_copy(c) for c in group) and len({c.go_dir for c in group}) == 1 and group[0].go_dir is not None:
            found = next((installs[key] for key in copy_keys(group) if installs.get(key)), [])
            targets = list({id(joined(t)): joined(t) for t in found}.values())
            if len(targets) > 1:
                targets = [t for t in targets if all(c.go_dir == group[0].go_dir and not _subcommand(c) for c in t)]
                files = [{c.location.path for c in t} for t in targets]
                if sum(map(len, files)) != len(set().union(*files)):
                    # Two workloads of one file are two runs of the program, not copies of one
                    # (frr-k8s' controller DaemonSet and status cleaner Deployment).
                    targets = []
            if targets:
                for other in targets[1:]:
                    targets[0] += other
                    home[id(other)] = targets[0]
                targets[0] += group
                home[id(group)] = targets[0]
                continue
        kept.append(group)
    return [group for group in kept if id(group) not in home]


def _subcommand(container: Container) -> bool:
    """Whether the container's command gives its program a word other than a flag (`serve
    webhook`): one program's subcommands are different runs."""
    return any(not word.startswith("-") for word in container.command[1:])


def _module_root(container: Container) -> str | None:
    if container.go_dir is None:
        return None
    module = modules.module_of_dir(container.go_dir)
    return module.root if module is not None else container.go_dir


def _program_identity(container: Container) -> tuple | None:
    """What makes two containers one program under one limit, whatever they are called: its
    directory, image repository, command, subcommand and memory limit (None when the program is
    unknown)."""
    repository = image_repository(container.image)
    if container.go_dir is None or not repository:
        return None
    limit = container.limits_memory.text if container.limits_memory is not None else None
    return container.go_dir, repository, container.command[:1], container.subcommand, limit


def _apply_patches(containers: list[Container], kustomizations: list[str], display: Callable[[str], str]) -> None:
    """Give a kustomize base's container what a kustomization listing the base among its
    `resources` sets in one of its patches (`patches` paths, `patchesStrategicMerge`) for the
    same workload and container, as `kustomize build` installs it: its environment, where the
    container does not set a variable itself (kubebuilder's `config/default` patches
    `config/manager`: event-manager's GOMEMLIMIT; Meridio-2's MERIDIO_NAMESPACE, the pod's
    namespace, which scopes its cache, and a finding calling it cluster-wide was read as wrong),
    and its memory limit and request (saas-operator's `config/default` raises 128Mi to 2Gi; the
    finding then names that limit, where the patch sets it). A JSON 6902 patch (a list of
    `op`s, for the workloads its `target` selects) counts too, by the container's index:
    altinn-platform's `config/default` adds 512Mi `resources` to `containers/0` over its
    scaffold's 128Mi, and a finding naming the 128Mi was read as wrong."""
    by_file: dict[str, list[Container]] = {}
    for container in containers:
        by_file.setdefault(container.source.abspath, []).append(container)
    for path in kustomizations:
        directory = os.path.dirname(path)
        kustomization = objects.kustomization_in(directory)
        patches = [entry.get("path") if isinstance(entry, dict) else None
                   for entry in objects.list_of(kustomization, "patches")]
        patches += [entry for entry in objects.list_of(kustomization, "patchesStrategicMerge")
                    if isinstance(entry, str)]
        patching = [c for patch in patches if isinstance(patch, str)
                    for c in by_file.get(os.path.normpath(os.path.join(directory, patch)), [])]
        # The workloads a development overlay runs (a patch of it pulls no image for them, or
        # is otherwise marked so: go_programs.DEVELOPMENT; None for every workload): it sets nothing of what
        # the base installs for them. datum-cloud's `overlays/dev` lowers the manager's limit to
        # 128Mi for images loaded with `kind load`, and the base was reported under that limit.
        developed = {c.workload_name for c in patching
                     if any(development(c) for development, _ in go_programs.DEVELOPMENT)}
        developed |= _workloads_pulling_nothing(directory, kustomization)
        installed = lambda workload: workload not in developed and None not in developed
        patched = {(c.workload_name, c.name): c for c in patching if installed(c.workload_name)
                   and (c.env or c.limits_memory is not None)}
        operations = [(entry.get("target"), settings) for entry in objects.list_of(kustomization, "patches")
                      if isinstance(entry, dict) and isinstance(entry.get("path"), str)
                      and isinstance(entry.get("target"), dict)
                      and (settings := _json_patch_settings(os.path.normpath(os.path.join(directory, entry["path"])),
                                                            display))]
        if not patched and not operations:
            continue
        bases = objects.kustomize_bases(directory, kustomization)
        for file, found in by_file.items():
            if file in bases or os.path.dirname(file) in bases:
                for container in found:
                    patch = patched.get((container.workload_name, container.name))
                    if patch is not None and patch is not container:
                        _take_patched_settings(container, patch.env, patch.limits_memory, patch.requests_memory)
                for target, settings in operations:
                    selected = [c for c in found if not c.init and c.workload.split("/", 1)[0] == target.get("kind")
                                and target.get("name") in (None, c.workload_name) and installed(c.workload_name)]
                    by_workload: dict[str, list[Container]] = {}
                    for container in selected:
                        by_workload.setdefault(container.workload, []).append(container)
                    for pod in by_workload.values():
                        for index, (env, limit, request) in settings.items():
                            if index < len(pod):
                                _take_patched_settings(pod[index], env, limit, request)


def _workloads_pulling_nothing(directory: str, kustomization: dict) -> set[str | None]:
    """The workloads (by name; None for every one its target selects unnamed) to whose
    containers a kustomization's JSON 6902 operations (files, inline, or listed under
    `patchesJson6902`; YAML or JSON) or inline strategic-merge patches give `imagePullPolicy:
    Never`: a development overlay's, as a patch file's container pulling no image."""
    found: set[str | None] = set()
    for entry in objects.list_of(kustomization, "patches") + objects.list_of(kustomization, "patchesJson6902") + \
            objects.list_of(kustomization, "patchesStrategicMerge"):
        if isinstance(entry, str):
            text = entry if "\n" in entry else ""  # a strategic-merge patch written inline, not a file's path
            target = None
        elif isinstance(entry, dict):
            # (a patch given a `target` applies to what the target selects, whatever it names)
            text = entry.get("patch") if isinstance(entry.get("patch"), str) else \
                objects.read(os.path.normpath(os.path.join(directory, entry["path"]))) \
                if isinstance(entry.get("path"), str) and isinstance(entry.get("target"), dict) else ""
            target = entry.get("target") if isinstance(entry.get("target"), dict) else None
        else:
            continue
        if "Never" not in text:
            continue
        try:
            documents = list(yaml.safe_load_all(text))
        except yaml.YAMLError:
            continue
        for document in documents:
            if isinstance(document, list):  # JSON 6902 operations
                pulls_nothing = any(isinstance(op, dict) and op.get("op") in ("add", "replace") and (
                    op.get("value") == "Never" and str(op.get("path", "")).endswith("/imagePullPolicy") or
                    _pulls_nothing(op.get("value"))) for op in document)
            else:
                pulls_nothing = _pulls_nothing(document)
            if pulls_nothing:
                named = target if target is not None else \
                    document.get("metadata") if isinstance(document, dict) else None
                name = named.get("name") if isinstance(named, dict) else None
                found.add(name if isinstance(name, str) else None)
    return found


def _pulls_nothing(node: Any) -> bool:
    """Whether a patch's content gives a container, anywhere in it (a pod template's, a
    CronJob's, an init container's, a container an operation puts whole), `imagePullPolicy:
    Never`."""
    pending = [node]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if node.get("imagePullPolicy") == "Never":
                return True
            pending += node.values()
        elif isinstance(node, list):
            pending += node
    return False


def _take_patched_settings(container: Container, env: dict[str, EnvVar], limit: Setting | None,
                           request: Setting | None) -> None:
    """What a patch sets of a container: the variables of its environment the container does
    not set, and its memory limit and request."""
    added = {name: variable for name, variable in env.items() if name not in container.env}
    container.env.update(added)
    container.namespace_settings |= objects.namespace_settings([], container.env) & set(added)
    if limit is not None:
        container.limits_memory = limit
        container.requests_memory = request or container.requests_memory


# The paths of a JSON 6902 patch that set a pod template's container's memory or its env.
_JSON_PATCH_PATH = re.compile(r"/spec/template/spec/containers/(\d+)/(resources(?:/limits(?:/memory)?)?|env(?:/-)?)")


def _json_patch_settings(abspath: str, display: Callable[[str], str]
                         ) -> dict[int, tuple[dict[str, EnvVar], Setting | None, Setting | None]]:
    """By container index, the environment variables, memory limit and request a JSON 6902
    patch file (`- op: add` entries) adds or replaces ({} for any other file)."""
    text = objects.read(abspath)
    if not text or "op:" not in text:
        return {}
    source = Source.of(display(abspath), abspath, text)
    # What does not parse is said where the file is read as a manifest, if it is one.
    documents = yaml_nodes.compose(text, source, lambda notification: None)
    found: dict[int, tuple[dict[str, EnvVar], Setting | None, Setting | None]] = {}
    for operation in yaml_nodes.items(documents[0].root if documents else None):
        path = _JSON_PATCH_PATH.fullmatch(yaml_nodes.text(yaml_nodes.value(operation, "path")) or "")
        value = yaml_nodes.get(operation, "value")
        if path is None or value is None or \
                yaml_nodes.text(yaml_nodes.value(operation, "op")) not in ("add", "replace"):
            continue
        index, field_path = int(path.group(1)), path.group(2)
        env, limit, request = found.get(index, ({}, None, None))
        if field_path.startswith("env"):
            # One variable (`env/-`), or the whole list (`env`).
            for entry in [value[1]] if field_path == "env/-" else yaml_nodes.items(value[1]):
                if (name := yaml_nodes.text(yaml_nodes.value(entry, "name"))):
                    env[name] = objects.env_var(source, entry, name, None, {})
        else:
            limits = value if field_path.endswith("/memory") else \
                yaml_nodes.get(value[1] if field_path.endswith("/limits") else yaml_nodes.value(value[1], "limits"),
                               "memory")
            requests = yaml_nodes.get(yaml_nodes.value(value[1], "requests"), "memory") \
                if field_path == "resources" else None
            if limits is not None and (memory := objects.known_size(limits[1])) is not None:
                limit = Setting(memory, source.location(*limits))
            if requests is not None and (memory := objects.known_size(requests[1])) is not None:
                request = Setting(memory, source.location(*requests))
        found[index] = (env, limit, request)
    return found


def _apply_overlay_images(containers: list[Container], kustomizations: list[str]) -> None:
    """Give each container of a kustomize base the image a kustomization listing the base's
    directory among its `resources` renames its image to (Container.renamed_by_overlay), when
    exactly one name is so given: kubelb's `config/deploy/kubelb` names the `controller` of
    `config/kubelb` `quay.io/kubermatic/kubelb-manager`, the image its chart runs (the two were
    reported apart, the base's taken for the module's root)."""
    by_directory: dict[str, list[Container]] = {}
    for container in containers:
        by_directory.setdefault(os.path.dirname(container.source.abspath), []).append(container)
    given: dict[int, set[str]] = {}
    for path in kustomizations:
        directory = os.path.dirname(path)
        kustomization = objects.kustomization_in(directory)
        if not kustomization.get("images"):
            continue
        for base in objects.kustomize_bases(directory, kustomization) - {directory}:
            for container in by_directory.get(base, ()):
                if (renamed := objects.image_renamed_by(kustomization, container)) is not None:
                    given.setdefault(id(container), set()).add(renamed)
    for container in containers:
        if len(names := given.get(id(container), ())) == 1:
            container.renamed_by_overlay = next(iter(names))


def _named_as_base(container: Container, copies: list[Container]) -> bool:
    """Whether another copy's workload adds a suffix to this one's name: this is the base, the
    other a variant (kube-arangodb's chart `kube-arangodb` and its `kube-arangodb-arm64`)."""
    return any(other.workload_name.startswith(container.workload_name + "-") for other in copies)


def _file_named_for(container: Container) -> bool:
    """Whether the container's file is named after its workload or itself (`kube-lb.yaml`
    beside the variants `kube-lb-ipv6.yaml` and `kube-lb-nobgp.yaml`)."""
    stem = os.path.splitext(container.location.path.rsplit("/", 1)[-1])[0]
    return stem in (container.workload_name, container.name)


# --- loading -----------------------------------------------------------------------------


def load(manifest_paths: list[str], *, go_files: list[str], dockerfiles: list[str], go_images: tuple[str, ...],
         display: Callable[[str], str], notify: Callable[[Notification], None],
         read_go: Callable[[str], bytes | None], derive: Callable[[str, Callable], Any]) -> ProjectManifests:
    """The containers of the manifests, recognized as Go or not. `read_go` reads a Go file
    (the run's hardened reader: None for what it refuses); `derive(path, compute)` is
    `compute(parsed file)`, cached with the run's results."""
    documents: list[Document] = []
    directives: dict[str, list[Directive]] = {}
    abspaths: dict[str, str] = {}
    charts: dict[str, int] = {}
    chart_values: dict[str, tuple[Source, str]] = {}  # chart root -> its values.yaml
    charts_telling: set[str] = set()  # charts whose values or helpers name GOMEMLIMIT or limits.memory
    # chart root -> its workload templates that name them beside literal resources only (see below)
    literal_telling: dict[str, int] = {}
    charts_deploying: set[str] = set()  # charts a template of which declares a workload
    chart_workload_templates: dict[str, list[tuple[Source, str]]] = {}  # chart root -> templates declaring a workload
    chart_rbac_templates: dict[str, list[tuple[Source, str]]] = {}  # chart root -> templates of ClusterRoles or bindings
    # chart root -> templates declaring no workload that define named templates (a container's)
    chart_defining_templates: dict[str, list[tuple[Source, str]]] = {}
    # chart root -> a template's VerticalPodAutoscaler and the values path that turns it on (_chart_resizer)
    chart_resizers: dict[str, tuple[Location, str | None, str | None]] = {}
    telling_defines: dict[str, frozenset[str]] = {}  # chart root -> its named templates naming GOMEMLIMIT
    flag_mentions: Counter[str] = Counter()  # how many times the manifests outside charts name each
    chart_flags: dict[str, set[str]] = {}  # chart root -> the flags its files name, rendered or not
    for abspath in manifest_paths:
        shown = display(abspath)
        text = _read_text(abspath, shown, notify)
        if text is None:
            continue
        values = os.path.basename(abspath) == "values.yaml" and \
            os.path.isfile(os.path.join(os.path.dirname(abspath), "Chart.yaml"))
        chart = os.path.dirname(abspath) if values else \
            helm_charts.chart_root(abspath) if yaml_nodes.TEMPLATE in text else None
        if chart is not None:
            chart_flags.setdefault(chart, set()).update(_flags_named(text))
        else:
            flag_mentions.update(_flag_mentions(text))
        if chart is not None and (helm_charts.TELLS_THE_LIMIT.search(helm_charts.YAML_COMMENT.sub("", text)) or
                                  not values and helm_charts.includes_telling(chart, text, telling_defines)):
            if not values and helm_charts.declares_workload(text) and helm_charts.writes_literal_resources_only(text):
                literal_telling[chart] = literal_telling.get(chart, 0) + 1
            else:
                charts_telling.add(chart)
        if not values and helm_charts.declares_workload(text) and \
                (root := chart or helm_charts.chart_root(abspath)) is not None:
            charts_deploying.add(root)
        source = Source.of(shown, abspath, text)
        if values:
            chart_values[chart] = (source, text)
        elif chart is not None:
            charts[chart] = charts.get(chart, 0) + 1
            if chart not in chart_resizers and (resizer := _chart_resizer(source, text)) is not None:
                chart_resizers[chart] = resizer
            if helm_charts.declares_workload(text):
                chart_workload_templates.setdefault(chart, []).append((source, text))
            elif helm_template.DEFINE.search(text):
                chart_defining_templates.setdefault(chart, []).append((source, text))
            if _CLUSTER_RBAC.search(text):
                chart_rbac_templates.setdefault(chart, []).append((source, text))
            continue
        if _CLUSTER_RBAC.search(text) and (root := helm_charts.chart_root(abspath)) is not None and \
                "templates" in PurePath(os.path.relpath(abspath, root)).parts[:-1]:
            # A template without actions is still the chart's: cozystack's backup-controller
            # binds its account, in a template naming the release's namespace, to a ClusterRole
            # written out in another.
            chart_rbac_templates.setdefault(root, []).append((source, text))
        abspaths[shown] = abspath
        directives[shown] = parse_directives(text)
        if _MAY_MATTER.search(text):
            documents += yaml_nodes.compose(_blank_documents_that_cannot_matter(text), source, notify)
    # A workload template that names GOMEMLIMIT beside literal resources tells its own
    # container, not those the values set, when the chart has other workloads (crystalbackup's
    # soak test, beside its manager's Deployment); when it is the chart's one workload, it
    # tells the chart's container.
    charts_telling |= {chart for chart in literal_telling if len(chart_workload_templates.get(chart, ())) <= 1}
    for chart in sorted(chart_values):
        broken = helm_template.unrendered_include(chart, objects.read)
        if broken is not None:
            # What Helm cannot render installs nothing: its values say nothing of a container.
            notify(Notification(f"Helm chart does not render: {os.path.relpath(broken[0], chart)} includes "
                                f"{broken[1]}, which the chart does not hold; its containers are not checked",
                                display(chart)))
            del chart_values[chart]
            chart_workload_templates.pop(chart, None)
            charts.pop(chart, None)
    for chart, count in sorted(charts.items()):
        notify(Notification(f"Helm chart: {count} template file{'s' if count != 1 else ''} skipped (its "
                            "values.yaml is read for containers' memory limits); lint the output of "
                            "`helm template` for the rest", display(chart), level="note"))

    env_sources = objects.env_sources(documents)
    containers = [c for doc in documents for c in objects.containers(doc, env_sources)]
    kustomizations = [p for p in manifest_paths if os.path.basename(p) in objects.KUSTOMIZATION_FILES]
    _apply_patches(containers, kustomizations, display)
    _apply_overlay_images(containers, kustomizations)
    if objects.olm_targets_some_namespaces(documents):
        for container in containers:
            container.namespace_settings |= {v.name for v in container.env.values() if _OLM_TARGET_NAMESPACES.search(
                v.source) and objects.NAMED_FOR_A_NAMESPACE.search(v.name)}
    _mark_resized(containers, documents)
    listed = objects.kinds_listed_cluster_wide(documents)
    for container in containers:
        container.cluster_listed_kinds = listed.get(container.service_account)
    umbrella_roots: dict[str, yaml.Node | None] = {}  # see helm_charts.parent_values
    subcharts = {chart: helm_charts.subcharts_in_tree(chart)
                 for chart in set(chart_values) | set(charts) | charts_telling}
    umbrellas = {subchart: chart for chart, held in subcharts.items() for subchart in held.values()}
    for chart in sorted(set(charts) & set(chart_values) - charts_telling):
        parent = umbrellas.get(chart)
        if parent in charts_telling:
            continue  # the umbrella's values (or templates) tell its subcharts' programs too
        if helm_charts.deprecated_chart(chart) or parent is not None and helm_charts.deprecated_chart(parent):
            continue  # Helm's own mark: users are told not to install it
        if helm_charts.deploys_workloads(chart, charts_deploying):
            defaults = helm_template.ChartDefaults(chart, chart_values[chart][1], objects.read)
            chart_flags[chart] = _chart_flags_rendered(defaults)
            overrides = helm_charts.parent_values(chart, parent, chart_values, umbrella_roots)
            workload_templates = chart_workload_templates.get(chart, [])
            chart_containers = helm_charts.chart_containers(
                chart, *chart_values[chart], notify, workload_templates, defaults, overrides,
                frozenset(subcharts[chart]),
                helm_charts.included_templates(workload_templates, chart_defining_templates.get(chart, [])))
            rbac = [(source, defaults.with_alternatives_picked(defaults.without_empty_withs(text)))
                    for source, text in chart_rbac_templates.get(chart, [])]
            by_account = helm_charts.chart_kinds_listed_by_account(rbac) if chart_containers else None
            for container in chart_containers:
                listed = [by_account.get(account) for account in container.chart_accounts] \
                    if by_account is not None and container.chart_accounts else [None]
                container.cluster_listed_kinds = None if None in listed else frozenset().union(*listed)
            generated_by = helm_charts.helmify_run(chart, display) if chart_containers else None
            for container in chart_containers:
                container.generated_by = generated_by
            resizer, condition, controlled = chart_resizers.get(chart, (None, None, None))
            if (condition is None or defaults.value(condition)) and \
                    (controlled is None or defaults.value(controlled) != "RequestsOnly"):
                for container in chart_containers:
                    container.resized_by = resizer
            containers += chart_containers
    _pass_flags(containers, flag_mentions, set().union(*chart_flags.values()))
    _mark_loaded_by_hand(containers)
    tree = GoTree(go_files, dockerfiles, documents, read_go, derive)
    for container in containers:
        container.go_reason, container.go_dir = tree.recognize(container, go_images)
    run_by_others = tree.pin_programs_of_shared_directories(containers)
    go_programs.recognize_by_image_name(containers)
    chart_roots = sorted(set(charts) | set(chart_values))
    # By project: _installed_from, project_docs.unwritten_scaffold.
    installs: dict[str, tuple[str | None, bool]] = {}
    for container in containers:
        project = go_programs.scaffold_project(container) or go_programs.config_manager_project(container)
        if project is not None and container.go_reason:
            if project not in installs:
                installs[project] = (_installed_from(project, chart_roots, chart_values, charts_deploying, display),
                                     project_docs.unwritten_scaffold(project))
            container.installed_from, unwritten = installs[project]
            container.unwritten_scaffold = container.chart is None and unwritten
            if container.installed_from is None and container.chart is None:
                container.installed_from = _charts_running_all(container, run_by_others.get(id(container), []), display)
    retired: dict[str, str | None] = {}  # by module root, project_docs.retired_notice
    for container in containers:
        module = modules.module_of_dir(container.go_dir) if container.go_dir else None
        # A program of no module (navarchos' dep project) from its own directory up.
        root = module.root if module is not None else container.go_dir
        if root is not None:
            if root not in retired:
                retired[root] = project_docs.retired_notice(root)
            container.retired_by = retired[root] and display(retired[root])
    if containers and not any(c.go_reason for c in containers):
        notify(Notification(_none_checked(containers), level="note"))
    return ProjectManifests(containers, {p: d for p, d in directives.items() if d}, abspaths,
                            tree.sets_memory_limit, tree.program_predates_memory_limit, tree.keeps_cluster_objects,
                            tree.cluster_cache, tree.caches_only_small_kinds, tree.growing_kinds,
                            tree.framework_cache, tree.startup_wait, tree.caches_written_kinds_only,
                            tree.informed_kinds, tree.reviews_admissions, _informer_kinds=tree.informer_kinds,
                            _informers_partly_scoped=tree.informers_partly_scoped,
                            _manager_partly_scoped=tree.manager_partly_scoped)


def _none_checked(containers: list[Container]) -> str:
    """What the run says when the manifests hold containers and none runs Go as far as it can
    tell, development installs and left-over scaffolds told apart (go_programs.DEVELOPMENT): `go-images`
    would not bring them in (akoe32/config-reloader's two managers both load theirs with `kind
    load`; atom-operator's scaffold passes none of the flags its manager requires)."""
    count = lambda n: f"{n} container{'s' if n != 1 else ''}"
    advice = "list Go images with go-images in .startup-lint.toml (see startup-lint --explain SL101)"
    development = [next((said for test, said in go_programs.DEVELOPMENT if test(c)), None) for c in containers]
    kinds = {said: development.count(said) for said in dict.fromkeys(filter(None, development))}
    if not kinds:
        return (f"{count(len(containers))} in Kubernetes manifests, none recognized as running Go, "
                f"so none was checked; {advice}")
    said = f"{count(len(containers))} in Kubernetes manifests, none checked: "
    rest = development.count(None)
    if not rest and len(kinds) == 1:
        (singular, _, what), = kinds
        return said + f"each {singular} {what}"
    parts = [f"{count(n)} {singular if n == 1 else plural} {what}" for (singular, plural, what), n in kinds.items()]
    if rest:
        parts.append(f"{count(rest)} not recognized as running Go; {advice}")
    return said + ", ".join(parts)


# A flag a manifest passes (`- --enable-x`, `"--enable-x=true"`, `-v`: a dash after no word
# character nor dash), and its value when written with it: one written `=false` turns nothing
# on. The dash comes first, so that the engine looks for it as a literal (a lookbehind first
# cost 0.35 s of argo-cd's 16 MB of YAML; this 0.013 s).
_FLAG_NAMED = re.compile(r"-(?<![\w-]-)-?([A-Za-z][\w.-]*)(?:=([^\s\"',\]}]*))?")


def _flags_named(text: str) -> set[str]:
    """The flags (go_code.flag_name_key) a manifest's text names, but for those written `=false`."""
    return set(_flag_mentions(text))


def _flag_mentions(text: str) -> list[str]:
    """Each mention of a flag (go_code.flag_name_key) in a manifest's text, but of those
    written `=false`."""
    return [go_code.flag_name_key(name) for name, value in _FLAG_NAMED.findall(text) if value.lower() != "false"]


def _pass_flags(containers: list[Container], mentions: Counter[str], chart_flags: set[str]) -> None:
    """Give each container the flags that may be passed to its program (Container.passed_flags):
    those the manifests name anywhere, but for a flag named only in the `command` and `args`
    of containers of other workloads: stateful-migration-operator's checkpoint DaemonSet passes
    `--enable-checkpoint-backup-controller`, which its all-in-one Deployment of the same
    program does not (that Deployment was charged the controller's cache of every Pod: read as
    wrong). A workload's copies share its name, and what each passes; a patch's container
    (no image: kustomize may aim it at any workload, whatever name it gives) passes to all."""
    by_workload: dict[str, set[str]] = {}
    outside = Counter(mentions)
    for container in containers:
        if container.chart is None and container.image:
            named = _flag_mentions(" ".join(container.written_arguments))
            by_workload.setdefault(container.workload_name, set()).update(named)
            outside.subtract(named)
    everywhere = {flag for flag, count in outside.items() if count > 0} | chart_flags
    for container in containers:
        own = by_workload.get(container.workload_name, set())
        container.passed_flags = frozenset(everywhere | own | {go_code.flag_name_key(name) for name in container.env})


def _chart_flags_rendered(defaults: helm_template.ChartDefaults) -> set[str]:
    """The flags a chart passes with its defaults: those its templates name outside the `if`
    branches the defaults leave out, and the strings of its values naming one where a
    template renders them (varmor's `manager.bpfLsmEnforcer.args` holds `--enableBpfEnforcer`,
    rendered only `if .Values.bpfLsmEnforcer.enabled`, false by default)."""
    found = {go_code.flag_name_key(m.group(1)) for m in defaults.matches_not_left_out(_FLAG_NAMED)
             if (m.group(2) or "").lower() != "false"}

    def walk(value: Any, path: tuple[str, ...]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, str(key)))
        elif isinstance(value, list):
            for item in value:
                walk(item, path)
        elif isinstance(value, str) and path and (named := _flags_named(f" {value}")) and \
                not defaults.value_left_out(path):
            found.update(named)

    walk(defaults.values, ())
    return found


def _installed_from(project: str, chart_roots: list[str], chart_values: dict[str, tuple[Source, str]],
                    charts_deploying: set[str], display: Callable[[str], str]) -> str | None:
    """What users install a kubebuilder project from instead of its scaffold: when it keeps no
    chart, or keeps the chart named for it that its docs install so and whose values set no
    memory limit, the Helm repository its docs add (project_docs.helm_repository_installing); a project that
    keeps one installs from it (see the copies of a chart's container), and when that chart,
    named for the project, has its values written by its packaging (no values.yaml in the tree:
    AppConfiguration-KubernetesProvider's `deploy`, from `parameter/helm-values.yaml`), that
    chart, though its container cannot be read; or another operator, when the project's OLM
    bundle says it is installed by one (_non_standalone_bundle)."""
    bundle = _non_standalone_bundle(project)
    if bundle is not None:
        return display(bundle)
    kept = [chart for chart in chart_roots if modules.names_below(chart, project) is not None]
    if not kept:
        return project_docs.helm_repository_installing(project)
    names = project_docs.project_words(project)
    named = [chart for chart in kept
             if chart in charts_deploying and not names.isdisjoint(words(helm_charts.chart_name(chart)))]
    unread = [chart for chart in named if chart not in chart_values]
    if unread:
        return display(unread[0])
    # Such a chart that the docs install as published, whose values give no container a memory
    # limit: kaalm's README runs `helm install kaalm oci://ghcr.io/win07xp/charts/kaalm`, whose
    # controller template writes no `resources`; its scaffold's finding was read as about a
    # manifest users do not install. (A chart that gives one is reported, the scaffold its copy.)
    unlimited = [chart for chart in named if not _MEMORY_KEY.search(chart_values[chart][1])]
    published = project_docs.helm_repository_installing(project) if unlimited else None
    return published if published is not None and any(
        set(words(helm_charts.chart_name(chart))) <= set(words(published)) for chart in unlimited) else None


_MEMORY_KEY = re.compile(r"^[ \t]*memory:", re.MULTILINE)


# The annotation of an OLM bundle installed only by another operator, as a dependency.
_NON_STANDALONE = re.compile(r"operators\.operatorframework\.io/operator-type\W+non-standalone\b")


def _non_standalone_bundle(project: str) -> str | None:
    """The ClusterServiceVersion base of a kubebuilder project (`config/manifests/bases/`)
    annotated `operators.operatorframework.io/operator-type: non-standalone`: another operator
    installs its program, from a template of its own with its own limit (keystone-operator's
    scaffold, which openstack-operator deploys at 512Mi: read as not worth a change)."""
    bases = os.path.join(project, "config", "manifests", "bases")
    return next((path for name in listdir(bases) if name.endswith(".clusterserviceversion.yaml")
                 and _NON_STANDALONE.search(helm_charts.YAML_COMMENT.sub(
                     "", objects.read(path := os.path.join(bases, name))))), None)


def _charts_running_all(scaffold: Container, runners: list[Container], display: Callable[[str], str]) -> str | None:
    """The charts a kubebuilder scaffold's project installs its programs from, when its
    placeholder image names a directory of several programs and charts' images run every one
    (`runners`, from go_programs.GoTree.pin_programs_of_shared_directories): media-operator's nine charts
    each run one program of its module, and its scaffold's image, whose Dockerfile copies a
    binary that no build names, was read as a leftover users do not install."""
    if image_repository(scaffold.image) != go_programs.KUBEBUILDER_IMAGE or not runners or \
            any(runner.chart is None for runner in runners):
        return None
    return ", ".join(sorted({display(runner.chart) for runner in runners}))


def _mark_loaded_by_hand(containers: list[Container]) -> None:
    """A local image (a bare name, no registry nor owner) that one container loads by hand
    (`imagePullPolicy: Never`, after `kind load docker-image`) is loaded so wherever it runs:
    gitea-act-runner-controller's listener runs its dev manager's `gitea-runner-controller:latest`
    with the default pull policy, and its finding was read as a dev-only manifest's."""
    # Not kubebuilder's placeholder, which kustomize renames for `make deploy`.
    by_hand = {c.image for c in containers if c.loaded_by_hand and "/" not in c.image
               and image_repository(c.image) != go_programs.KUBEBUILDER_IMAGE}
    for container in containers:
        container.loaded_by_hand = container.loaded_by_hand or container.image in by_hand


# A VerticalPodAutoscaler (autoscaling.k8s.io) sets its target's requests from what it
# measures and, unless told `RequestsOnly`, scales the limits with them: the limit the
# manifest writes is where the pod starts, not what it runs with. A fixed GOMEMLIMIT is then
# wrong (git-cert-shim's VPA keeps its manager's 1:10 request-to-limit ratio; teleport-operator's
# chart installs one: both readers asked for the limit the pod runs with, not a fixed value).
_VPA = "VerticalPodAutoscaler"
_VPA_KIND = re.compile(r"^kind:[ \t]*[\"']?VerticalPodAutoscaler\b", re.MULTILINE)
# What leaves limits alone in a template, which is not parsed: requests only, or no updates.
_VPA_KEEPS_LIMITS = re.compile(r"\bcontrolledValues:[ \t]*[\"']?RequestsOnly\b|\bupdateMode:[ \t]*[\"']?Off\b")


def _limits_changed(policy: yaml.Node | None) -> bool:
    """Whether a VPA's container policy (None: no policy, its defaults) changes the memory limit."""
    resources = [yaml_nodes.text(item) for item in yaml_nodes.items(yaml_nodes.value(policy, "controlledResources"))]
    return (yaml_nodes.text(yaml_nodes.value(policy, "mode")) != "Off"
            and yaml_nodes.text(yaml_nodes.value(policy, "controlledValues")) != "RequestsOnly"
            and (yaml_nodes.value(policy, "controlledResources") is None or "memory" in resources))


def _mark_resized(containers: list[Container], documents: list[Document]) -> None:
    """Each container whose memory limit a VerticalPodAutoscaler among the documents changes
    (`targetRef` its workload, `updateMode` not `Off`, and its container's policy, else the
    `*` one, else the defaults, controlling memory and limits) gets `resized_by`."""
    for doc in documents:
        for obj in objects.in_document(doc.root):
            if yaml_nodes.text(yaml_nodes.value(obj, "kind")) != _VPA or \
                    yaml_nodes.text(yaml_nodes.value(obj, "spec", "updatePolicy", "updateMode")) == "Off":
                continue
            target_ref = yaml_nodes.value(obj, "spec", "targetRef")
            target = f'{yaml_nodes.text(yaml_nodes.value(target_ref, "kind"))}/' \
                f'{yaml_nodes.text(yaml_nodes.value(target_ref, "name"))}'
            policies = {yaml_nodes.text(yaml_nodes.value(p, "containerName")): p
                        for p in yaml_nodes.items(yaml_nodes.value(obj, "spec", "resourcePolicy", "containerPolicies"))}
            kind_pair = yaml_nodes.get(obj, "kind")
            for container in containers:
                if container.workload == target and _limits_changed(policies.get(container.name, policies.get("*"))):
                    container.resized_by = doc.source.location(*kind_pair)


# A template's `{{- if .Values.vpa.enabled }}`: what it declares is installed only when the
# values turn it on.
_VALUES_CONDITION = re.compile(r"\{\{-?\s*if\s+\.Values\.([\w.]+)\s*-?\}\}")


def _chart_resizer(source: Source, text: str) -> tuple[Location, str | None, str | None] | None:
    """Where a chart template declares a VerticalPodAutoscaler that changes limits, the values
    path of the `if` around it (None when there is none), and the values path its
    `controlledValues` is written from (None when not so written). Templates are not rendered:
    it is taken to target the chart's workload."""
    found = _VPA_KIND.search(text)
    if found is None or _VPA_KEEPS_LIMITS.search(text):
        return None
    line = text.count("\n", 0, found.start()) + 1
    conditions = list(_VALUES_CONDITION.finditer(text, 0, found.start()))
    controlled = _VPA_CONTROLLED_BY_VALUES.search(text, found.end())
    return Location(source.display, line, 1, line, len(found.group(0)) + 1), \
        conditions[-1].group(1) if conditions else None, controlled.group(1) if controlled else None


# oidc-apps-controller's `controlledValues: {{ .Values.vpa.controlledValues }}`, RequestsOnly by
# default: its autoscaler never changes the limit (a message saying it does was read as wrong).
_VPA_CONTROLLED_BY_VALUES = re.compile(r"\bcontrolledValues:[ \t]*[\"']?\{\{-?\s*\.Values\.([\w.]+)\s*-?\}\}")


# What a file must spell out for the manifest rules to use it: a workload, a ConfigMap or
# Secret its containers take variables from, a List of them, a skaffold Config, or
# GoReleaser's top-level `builds`. Composing YAML is the expensive part of the manifest
# rules, and trees hold many other YAML files: kyverno's 396 (policies, CRDs, CI) took
# 2.5 of its 2.9 CPU seconds warm; the others are not composed at all (nor their parse
# errors reported).
_MAY_MATTER = re.compile(helm_charts.kind_line(WORKLOAD_KINDS + (objects.CSV, "ConfigMap", "Secret", "Config", _VPA,
                                                                  r"\w*List", "ClusterRole", "ClusterRoleBinding",
                                                                  "RoleBinding")) +
                         r"|^builds:|^(?:configMap|secret)Generator:", re.MULTILINE)


# A line that starts a YAML document ("---", possibly followed by content), at column 0: it
# cannot occur inside another document's content.
_DOCUMENT_START = re.compile(r"^---(?=[ \t\r]|$)", re.MULTILINE)


def _blank_documents_that_cannot_matter(text: str) -> str:
    """`text` with each document that _MAY_MATTER does not match emptied, its lines kept so
    that positions hold. An install bundle is mostly CRDs: argo-cd's seven 1.4-2 MB bundles
    composed into 200 MiB of nodes, when only their few Deployments matter."""
    starts = [0] + [match.start() for match in _DOCUMENT_START.finditer(text)] + [len(text)]
    if len(starts) == 2:
        return text
    parts = []
    for start, end in zip(starts, starts[1:]):
        if start == end:
            continue
        if _MAY_MATTER.search(text, start, end):
            parts.append(text[start:end])
        else:
            # Keep the separator line: an emptied document stays a (null) document of its own.
            parts.append(("---" if text.startswith("---", start) else "") + "\n" * text.count("\n", start, end))
    return "".join(parts)


# The most of a file read, as for Go files: a larger one is no manifest anyone writes by hand.
_MAX_BYTES = 16 * 1024 * 1024


def read_bytes(abspath: str) -> bytes:
    """What is read of a file (one byte past the limit, to tell a larger one); OSError if it
    cannot be."""
    with open(abspath, "rb") as handle:
        return handle.read(_MAX_BYTES + 1)


def _read_text(abspath: str, shown: str, notify) -> str | None:
    try:
        data = read_bytes(abspath)
    except OSError as err:
        notify(Notification(f"cannot read file: {err.strerror or err}; skipped", shown, level="error"))
        return None
    if len(data) > _MAX_BYTES or b"\0" in data:
        return None  # not a manifest anyone writes by hand; skipped silently like other non-objects
    # Read as Windows writes it too (troke12's redis-operator chart): the patterns read lines
    # ending in "\n" (its Deployment template was taken for none, its container misnamed).
    return data.decode("utf-8", "replace").removeprefix("\ufeff").replace("\r\n", "\n")


def parse_directives(text: str) -> list[Directive]:
    """`# startup-lint:ignore IDS reason` and `# startup-lint:file-ignore IDS reason` comments.

    A blank after `#` is usual in YAML, so unlike Go's `//startup-lint:` it is allowed.
    A further ` #` starts an ordinary comment.
    """
    if "startup-lint:" not in text:
        return []
    directives = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _DIRECTIVE.search(line)
        if not match:
            continue
        body = re.split(r"[ \t]#", match.group(2), maxsplit=1)[0]
        start = match.start() + (1 if line[match.start()] in " \t" else 0)
        directives.append(Directive.from_body(
            match.group(1), body, line=number, col=len(line[:start].encode("utf-8")) + 1,
            end_col=len(line[: match.end()].encode("utf-8")) + 1, alone_on_line=not line[:start].strip()))
    return directives


_OLM_TARGET_NAMESPACES = re.compile(r"^fieldRef:metadata\.annotations\[.olm\.targetNamespaces.\]$")


# A ClusterRole or its binding, its kind written out or among a template's alternatives
# (`kind: {{ if .Values.namespaced }}Role{{ else }}ClusterRole{{ end }}`).
_CLUSTER_RBAC = re.compile(helm_charts.kind_line(("ClusterRole", "ClusterRoleBinding")) +
                           r"|^[ \t-]*kind:[^\n]*\{\{[^\n]*\bClusterRole(?:Binding)?\b", re.MULTILINE)


# An environment variable's source when it is given the container's memory limit.
MEMORY_LIMIT_REF = "resourceFieldRef:limits.memory"
