"""Kubernetes manifests for the manifest rules (SL101-SL105): containers that run Go.

`load` reads the YAML files discovery found, keeps every workload's containers with
the positions of the settings the Go runtime depends on (memory limit and request,
`GOMEMLIMIT`, `GOGC`, probes), resolves `envFrom` against the ConfigMaps and Secrets
among the linted files (kustomize's generated ones included), and tells which containers run Go (see RECOGNITION). Rules get
a `ProjectManifests` through `Rule.check_manifests` and only look at its `go_containers`.

YAML is read with PyYAML's composer (`yaml.compose_all`): it gives every node, key and
value alike, its start and end position, keeps each scalar's text as written (so
`GOGC: off` stays "off" instead of YAML 1.1's false), and its libyaml loader is fast;
ruamel.yaml keeps positions only per mapping key, through a separate accessor.
"""

from __future__ import annotations

import base64
import binascii
import csv
import fnmatch
import functools
from collections import Counter
import json
import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Callable, Iterable, NamedTuple

import yaml

from golint_startup.go import gofile, modules
from golint_startup.go.gofile import Directive
from golint_startup.go.library import NOT_DEPLOYED_WORDS, TEST_DIRS
from golint_startup.kube import go_code, helm_template, reached_code
from golint_startup.kube.quantity import go_gc_off
from golint_startup.files import dockerfile_suffix, is_dockerfile, listdir
from golint_startup.rule import Location, Notification
from golint_startup.words import listing, words

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

WORKLOAD_KINDS = ("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
                  "Job", "CronJob", "PodTemplate")
# OLM's bundle of an operator: it installs the Deployments it lists (see _pod_specs).
_CSV = "ClusterServiceVersion"
GO_RUNTIME_VARIABLES = ("GOMEMLIMIT", "GOGC", "GODEBUG", "GOMAXPROCS", "GOTRACEBACK")

RECOGNITION = """\
The manifest rules check only containers that run Go. A container counts as Go when
- its environment sets a Go runtime variable (`GOMEMLIMIT`, `GOGC`, `GODEBUG`,
  `GOMAXPROCS`, `GOTRACEBACK`), in `env` or through an `envFrom` ConfigMap or Secret
  found among the linted files;
- its image is a `ko://` reference to a package of the linted tree (that package is its
  program, whatever other directory shares its name), or any `ko://` image;
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

_TEMPLATE = "{{"
_DIRECTIVE = re.compile(r"(?:^|[ \t])#[ \t]*startup-lint:(ignore|file-ignore)\b([^\r\n]*)")
_PACKAGE_MAIN = re.compile(rb"^package[ \t]+main\b", re.MULTILINE)
_GO_DOCKERFILE = re.compile(r"^\s*FROM\s+(?:--platform=\S+\s+)?(?:\S+/)?golang(?:[:@\s]|$)"
                            r"|^\s*RUN\b.*\bgo\s+(?:build|install)\b", re.IGNORECASE | re.MULTILINE)
# The last stage of a Dockerfile: what the image is; its base image's repository name, and the
# first word of what it runs (its last ENTRYPOINT, else its last CMD; exec or shell form).
_LAST_FROM = re.compile(r"^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)", re.IGNORECASE | re.MULTILINE)
_RUNS = re.compile(r"^\s*(ENTRYPOINT|CMD)\s+(?:\[\s*\"([^\"]+)\"|([^\s\[]\S*))", re.IGNORECASE | re.MULTILINE)
# What runs another language's program: an image whose last stage starts one, or keeps the
# command of such a base image, runs that program; a Go stage before it built a tool it calls
# (krkn-operator's data provider builds OpenShift's `oc` and runs `python server.py`: taken
# for a Go program, a reader judged its finding wrong).
_INTERPRETERS = re.compile(r"(?:python[\d.]*|node(?:js)?|ruby|java|php[\d.]*|perl|dotnet|deno|bun|npm|yarn"
                           r"|uvicorn|gunicorn|bundle|openjdk|eclipse-temurin|amazoncorretto)")


def _last_stage(dockerfile: str) -> re.Match | None:
    """The last FROM line of a Dockerfile (_LAST_FROM): the image's own stage starts there."""
    stages = list(_LAST_FROM.finditer(dockerfile))
    return stages[-1] if stages else None


def _builds_go_program(dockerfile: str) -> bool:
    """Whether a Dockerfile builds Go (_GO_DOCKERFILE) into an image that runs it: not one
    whose last stage runs another language's interpreter (_INTERPRETERS)."""
    if not _GO_DOCKERFILE.search(dockerfile):
        return False
    last = _last_stage(dockerfile)
    if last is None:
        return True
    runs = {kind.upper(): exec_form or shell_form for kind, exec_form, shell_form in
            (m.groups() for m in _RUNS.finditer(dockerfile, last.end()))}
    program = runs.get("ENTRYPOINT") or runs.get("CMD")
    named = os.path.basename(program) if program else image_repository(last.group(1))
    return not _INTERPRETERS.fullmatch(named)


# --- positions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One YAML file: where it is, and what turns its character columns into byte columns."""

    display: str
    abspath: str
    # Its lines that hold a character outside ASCII, by index: only on those does a byte
    # column differ from a character column. Keeping every line cost kserve's run 175 MB
    # (sixty 1.5 MB release bundles).
    wide_lines: dict[int, str] = field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, display: str, abspath: str, text: str) -> Source:
        if text.isascii():
            return cls(display, abspath)
        return cls(display, abspath, {i: line for i, line in enumerate(text.splitlines()) if not line.isascii()})

    def location(self, start: yaml.Node, end: yaml.Node | None = None, message: str = "") -> Location:
        end = end or start
        return Location(self.display, start.start_mark.line + 1, self._byte_col(start.start_mark) + 1,
                        end.end_mark.line + 1, self._byte_col(end.end_mark) + 1, message)

    def _byte_col(self, mark) -> int:
        line = self.wide_lines.get(mark.line)
        return mark.column if line is None else len(line[: mark.column].encode("utf-8"))


def _get(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key node, value node) of `key` in a mapping node; the last one if repeated."""
    if not isinstance(node, yaml.MappingNode):
        return None
    found = None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            found = (key_node, value_node)
    return found


def _value(node: yaml.Node | None, *path: str) -> yaml.Node | None:
    for key in path:
        pair = _get(node, key)
        if pair is None:
            return None
        node = pair[1]
    return node


def _text(node: yaml.Node | None) -> str | None:
    """A scalar's text as written; None for anything else, and for template placeholders."""
    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null" and _TEMPLATE not in node.value:
        return node.value
    return None


def _known_size(node: yaml.Node | None) -> str | None:
    """A size's text, unless a deploy-time tool fills in some of it (`memory: ${MEMORY_LIMIT}`
    in frontend-operator's OpenShift Template, `value: ${SIZE}MiB` for envsubst): not known
    here, so neither checked nor malformed."""
    text = _text(node)
    return None if text is not None and _PLACEHOLDER_NAME.search(text) else text


def _placeholder_name(node: yaml.Node | None) -> str | None:
    """A name a template fills in, its actions written as envsubst's placeholders
    (`access-manager-{{.SHARD}}` as `access-manager-$SHARD`, see _PLACEHOLDER_NAME)."""
    if not isinstance(node, yaml.ScalarNode) or _TEMPLATE not in node.value:
        return None
    return helm_template.ACTION.sub(lambda action: "$" + ("".join(re.findall(r"\w+", action.group(1))) or "X"),
                                    node.value)


def _mapping_items(node: yaml.Node | None) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """A mapping's entries keyed by a scalar ([] for anything else)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


# --- what the rules see --------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    """A value as written in a manifest, with where to report it."""

    text: str
    location: Location


@dataclass(frozen=True)
class EnvVar:
    name: str
    value: Setting | None  # a literal value (in `env` or in an envFrom ConfigMap/Secret)
    location: Location  # the `name:` entry, or the ConfigMap key
    # `valueFrom`: "resourceFieldRef:limits.memory", "configMapKeyRef", ... ("" for a literal)
    source: str = ""
    divisor: str = ""  # resourceFieldRef divisor, as written


class ProgramRun(NamedTuple):
    """How a container runs its Go program: what its cache keeps depends on it."""
    directory: str | None  # of its main package or Dockerfile (Container.go_dir)
    subcommand: str | None  # Container.subcommand
    namespace_settings: frozenset[str] = frozenset()  # Container.namespace_settings
    cluster_listed_kinds: frozenset[str] | None = None  # Container.cluster_listed_kinds
    passed_flags: frozenset[str] | None = None  # Container.passed_flags
    # (flag_name_key, value) of each flag its own arguments pass a value (see _flag_values).
    flag_values: frozenset[tuple[str, str]] = frozenset()


@dataclass
class Container:
    source: Source
    workload: str  # "Deployment/api"
    name: str
    image: str
    init: bool
    location: Location  # the container's `name`
    restarts: bool = False  # `restartPolicy: Always`: an init container kept running beside the others
    env: dict[str, EnvVar] = field(default_factory=dict)  # what the process sees, after envFrom
    unresolved_env_from: list[str] = field(default_factory=list)  # "configMap x", "secret y"
    limits_memory: Setting | None = None
    requests_memory: Setting | None = None
    liveness_probe: Location | None = None
    liveness_initial_delay: int = 0
    liveness_restart_after: int = 0  # seconds from start to a restart if every probe fails
    startup_probe: bool = False
    go_reason: str = ""  # why it counts as Go ("" when it does not)
    go_dir: str | None = None  # the directory of its main package or Dockerfile, when known
    command: tuple[str, ...] = ()  # `command` then `args`, when the manifest sets a command
    written_arguments: tuple[str, ...] = ()  # its `command` (an init wrapper left out) and `args`, either or both
    mounts: tuple[str, ...] = ()  # the paths its volumes are mounted at
    pod_containers: int = 1  # how many (not init) containers its pod runs
    built_elsewhere: str | None = None  # the Go package its image is built from, in a module not linted
    # ... and that module is not of the linted modules' owner: another project's release, vendored.
    built_by_another_owner: bool = False
    # It keeps its image's entrypoint, a script that starts none of the image's Go programs.
    runs_other_entrypoint: bool = False
    # A kubebuilder scaffold that cannot be what runs (_GoTree._left_over_scaffold): its command
    # names no program its project builds, or it passes none of a flag its manager exits without.
    left_over_scaffold: bool = False
    # It keeps its image's entrypoint, a script that starts several programs (its name).
    entrypoint_starting_several: str | None = None
    chart: str | None = None  # the Helm chart whose values.yaml sets it (its `resources` and `image`)
    bundle: bool = False  # a Deployment of an OLM ClusterServiceVersion
    replicas: int | None = None  # its workload's `spec.replicas` when written as a number
    # `imagePullPolicy: Never`: its image is one loaded onto the node by hand (`kind load`).
    loaded_by_hand: bool = False
    resized_by: Location | None = None  # a VerticalPodAutoscaler that changes its memory limit
    # For a chart's container, the Makefile line that writes the chart with helmify from other
    # manifests (_helmify_run): a change made in the chart is lost when it is written again.
    generated_by: HelmifyRun | None = None
    # For a kubebuilder scaffold, what its project is installed from instead (_installed_from):
    # what users run is that chart, not this manifest.
    installed_from: str | None = None
    # For a kubebuilder scaffold's own manifests (not a chart), whether its project's README is
    # still kubebuilder's template (_unwritten_scaffold): a project no one deploys yet.
    unwritten_scaffold: bool = False
    # The README that says its program's project is retired (_retired_notice): no one will change it.
    retired_by: str | None = None
    # The image a kustomization listing its file's directory among its `resources` renames its
    # own to (`images:`), when the kustomization beside it renames none (_apply_overlay_images).
    renamed_by_overlay: str | None = None
    # Its first argument when a bare word (`apiserver`): the subcommand of a program that has several.
    subcommand: str | None = None
    # The flags and variables that name it a namespace to watch (_namespace_settings).
    namespace_settings: frozenset[str] = frozenset()
    # A chart's container as its templates name it (`manager`), where `name` is the values'
    # key that holds its settings (`controllerManager`): what users see in the cluster. Several
    # when several templates write the same settings (rcs-ocm-addons' `manager`, its score and
    # status add-ons' containers).
    shown_names: tuple[str, ...] = ()
    service_account: str = "default"  # its pod's `serviceAccountName`
    # For a chart's container, the accounts of the workload templates that write its image
    # (all the chart's workload templates when none does): its `serviceAccountName` is not read.
    chart_accounts: frozenset[str] = frozenset()
    # The kinds that grow with the cluster its service account may list in every namespace;
    # None when not known (_kinds_listed_cluster_wide).
    cluster_listed_kinds: frozenset[str] | None = None
    # The flags (go_code.flag_name_key) that may be passed to its program: every flag the
    # manifests pass any container, where the chart's defaults render it, and its environment's
    # names (a flag library may read one from the environment); None when not known.
    passed_flags: frozenset[str] | None = None

    @property
    def several(self) -> bool:
        """Whether it stands for several containers that one chart setting configures."""
        return len(self.shown_names) > 1

    @property
    def label(self) -> str:
        kind = "init container" if self.init else "container"
        if self.several:
            quoted = [f'"{name}"' for name in self.shown_names]
            return f"containers {listing(quoted)} of {self.workload}"
        return f'{kind} "{self.shown_names[0] if self.shown_names else self.name}" of {self.workload}'

    @property
    def workload_name(self) -> str:
        """The workload's name without its kind: a Deployment and the DaemonSet offered instead
        are two ways to install one thing."""
        return self.workload.split("/", 1)[-1]

    @property
    def run(self) -> ProgramRun:
        return ProgramRun(self.go_dir, self.subcommand, self.namespace_settings, self.cluster_listed_kinds,
                          self.passed_flags, _flag_values(self.written_arguments))

    @property
    def runs_once(self) -> bool:
        """A Job's container, or an init container that is not a sidecar (`restartPolicy:
        Always`): it runs to completion once (a migration, an install hook, a one-shot
        subcommand before the pod's containers start)."""
        return self.workload.startswith("Job/") or (self.init and not self.restarts)

    @property
    def gc_off(self) -> Setting | None:
        """The `GOGC` value that turns the collector off (`off`, or negative), or None."""
        variable = self.env.get("GOGC")
        if variable is None or variable.value is None or not go_gc_off(variable.value.text):
            return None
        return variable.value


@dataclass
class ProjectManifests:
    containers: list[Container]
    directives: dict[str, list[Directive]]
    abspaths: dict[str, str]  # display path -> absolute path, of every YAML file read
    _sets_limit: Callable[[str | None], bool]
    _predates_limit: Callable[[Container], bool] = lambda container: False
    # Of how a container runs its program (see _GoTree.keeps_cluster_objects and the rest).
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
            self._image_limits[root] = go_code.image_sets_gomemlimit(root)
        return "the image" if self._image_limits[root] else ""

    def runtime_predates_memory_limit(self, container: Container) -> bool:
        """Whether the container's program is built with a Go older than 1.19, whose runtime
        has no memory limit to tell (see _GoTree.program_predates_memory_limit)."""
        return self._predates_limit(container)

    def keeps_cluster_objects(self, container: Container) -> bool:
        """Whether the container's program may hold Kubernetes objects in memory (see
        _GoTree.keeps_cluster_objects); True when its code is not known."""
        return self._keeps_cluster_objects(container.run)

    def reviews_admissions(self, container: Container) -> bool:
        """Whether the container's program handles admission reviews (see
        _GoTree.reviews_admissions); False when its code is not known."""
        return self._reviews_admissions(container.go_dir)

    def cluster_cache(self, container: Container) -> str | None:
        """The package that makes the container's program keep a cluster-wide cache (None when
        it keeps none, or its code is not known)."""
        return self._cluster_cache(container.run)

    def growing_kinds(self, container: Container) -> tuple[str, ...]:
        """The kinds that grow with the cluster its program names (see _GoTree.growing_kinds)."""
        return self._growing_kinds(container.run)

    def caches_written_kinds_only(self, container: Container) -> bool:
        """Whether the container's program keeps objects only in controller-runtime's cache of
        the kinds its code names (see _GoTree.caches_written_kinds_only); False when its code
        is not known."""
        return self._caches_written_kinds_only(container.run)

    def informed_kinds(self, container: Container) -> frozenset[str] | None:
        """The kinds that grow with the cluster the container's program keeps, when it keeps
        objects only in client-go informers of known kinds (see _GoTree.informed_kinds); None
        otherwise, or when its code is not known."""
        return self._informed_kinds(container.run)

    def informer_kinds(self, container: Container) -> tuple[str, ...]:
        """The kinds that grow with the cluster its program asks client-go's informers for (see
        _GoTree.informer_kinds)."""
        return self._informer_kinds(container.run)

    def informers_partly_scoped(self, container: Container) -> bool:
        """Whether some of the informers its program builds are scoped, not all (see
        _GoTree.informers_partly_scoped)."""
        return self._informers_partly_scoped(container.run)

    def manager_partly_scoped(self, container: Container) -> bool:
        """Whether its program's controller-runtime cache options scope some of the kinds that
        grow with the cluster it may cache, not all (see _GoTree.manager_partly_scoped)."""
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
        cache of custom resources and small kinds (see _GoTree.caches_only_small_kinds); False
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
        else one that is not a scaffold behind a hand-written install (_behind_an_install),
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
            if _PLACEHOLDER_NAME.search(name):
                # A template's workload (`name: $NAME`, filled in by envsubst) is the one other
                # workload of its program and container, when there is one.
                named = {other for other in known if not _PLACEHOLDER_NAME.search(other)}
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
            found.sort(key=lambda c: (c.chart is None and not _in_chart_templates(c), _behind_an_install(c, members),
                                      not self._beside_kustomization(c), _runs_a_script(c), c.bundle,
                                      _image_release(c) not in (None, newest.get(image_repository(c.image))),
                                      c.location.path.count("/"), not _named_as_base(c, members),
                                      not _file_named_for(c), c.location.path))
        return merged

    def _beside_kustomization(self, container: Container) -> bool:
        directory = os.path.dirname(self.abspaths.get(container.location.path, ""))
        return bool(directory) and any(os.path.exists(os.path.join(directory, name))
                                       for name in _KUSTOMIZATION_FILES)


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
    match = _RELEASE_TAG.match(_image_tag(container.image))
    return tuple(int(part or 0) for part in match.groups()) if match else None


def _image_tag(image: str) -> str:
    """An image's tag (`v1.2` of `ghcr.io/acme/api:v1.2`), "" when it names none."""
    return image.split("@", 1)[0].rsplit("/", 1)[-1].partition(":")[2]


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
    return _split_by(_split_by(_split_by(groups, _module_root), _scaffold_project), _program_started)


def _program_started(container: Container) -> tuple[str, str | None] | None:
    program = _command_program(container)
    return (program, container.subcommand) if program is not None and program not in _SHELLS else None


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
    """The groups, with a kubebuilder scaffold's manager (_scaffold_project) made a copy of the
    one other manifests' container (not a chart's, not an OLM bundle's) of the same program and
    name, whatever each names its workload: stateful-migration-operator's `config/manager`
    runs `controller-manager`, its `deploy/all-in-one.yaml` the same `/manager` as
    `migration-backup-controller`, and the two findings were read as one; else of those that
    run the program as their pod's one container, whatever its name: vitastor-operator's
    README installs `deploy/004-vitastor-operator-deployment.yaml`, whose `vitastor-operator`
    runs the scaffold's `/manager` (its `config/manager` finding was read as a dev scaffold's)."""
    scaffold = lambda c: c.chart is None and _scaffold_project(c) is not None

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


def _behind_an_install(container: Container, copies: Iterable[Container]) -> bool:
    """Whether a copy names kubebuilder's placeholder image, which installs nothing until `make
    deploy IMG=...` renames it, beside a copy written by hand that names the project's image:
    what users run (vitastor-operator's README installs `deploy/004-...yaml`). Not beside an
    OLM bundle nor a kustomize build of it (its workload's name given a `namePrefix`: the
    release bundle `operator-controller-manager` of `controller-manager`), which are made from
    the scaffold, where a fix goes. Nor when the project's README deploys the scaffold (`make
    deploy`) and names neither such a copy's file nor its first directory: neon-operator's hand-written
    `yaml/operator/operator.yaml`, which nothing installs, was reported in its place. Nor when
    the kustomization beside the scaffold renames the placeholder to an image of a registry:
    `kustomize build` installs it as it is (TaoNode-Guardian's `config/manager`, which its Argo
    CD application installs, pins `ghcr.io/...:v0.1.0`; a copy of its build at the root led)."""
    written = [other for other in copies if not other.bundle and image_repository(other.image) != _KUBEBUILDER_IMAGE
               and not other.workload_name.endswith("-" + container.workload_name)]
    if image_repository(container.image) != _KUBEBUILDER_IMAGE or not written or _pinned_image(container):
        return False
    project = _scaffold_project(container)
    readme = "".join(_read(path) for path in _readmes(project)) if project is not None else ""
    return not _MAKE_DEPLOY.search(readme) or any(_names_install(readme, other, project) for other in written)


def _pinned_image(container: Container) -> bool:
    """Whether the kustomization beside a scaffold renames its placeholder to an image of a
    public registry: not to a local name (`controller`, `manager:dev`), a registry on the
    developer's machine (`localhost:5000/api`, `kind-registry:5000/api`: a host with a port),
    a variable (`${REGISTRY}/api`), a `ko://` build, or operator-sdk's `example.com/...`, which
    `make deploy IMG=...` leaves behind."""
    renamed = _renamed_beside(container) or ""
    host = renamed.split("/", 1)[0]
    return "/" in renamed and "$" not in renamed and "://" not in renamed and ":" not in host and \
        host not in ("localhost", "example.com")


# kubebuilder's target deploying the scaffold (not `make deploy-kind`).
_MAKE_DEPLOY = re.compile(r"\bmake\s+deploy(?![\w-])")


def _names_install(readme: str, container: Container, project: str) -> bool:
    """Whether a README names the manifest of a container: its file's name, or the first
    directory of its path under the project as a path (`deploy/overlays/prod`, a URL's
    `.../deploy?ref=v1`) or applied (`kubectl apply -k deploy`)."""
    path = os.path.relpath(container.source.abspath, project).replace(os.sep, "/")
    top = re.escape(path.split("/", 1)[0]) if "/" in path else None
    return os.path.basename(path) in readme or top is not None and re.search(
        rf"(?<![\w/.-]){top}/|(?:/|(?:-f|-k|--filename|--kustomize)[= ]+(?:\./)?){top}(?![\w.-])", readme) is not None


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
    # controller's, wrongly); a module of one program runs it (_GoTree._only_program).
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


_KUSTOMIZATION_FILES = ("kustomization.yaml", "kustomization.yml", "Kustomization")


def _apply_memory_limit_patches(containers: list[Container], kustomizations: list[str],
                                display: Callable[[str], str]) -> None:
    """Give a kustomize base's container what a kustomization listing the base among its
    `resources` sets in one of its patches (`patches` paths, `patchesStrategicMerge`) for the
    same workload and container, as `kustomize build` installs it: its `GOMEMLIMIT`
    (kubebuilder's `config/default` patches `config/manager`: event-manager's does) and its
    memory limit and request (saas-operator's `config/default` raises 128Mi to 2Gi; the
    finding then names that limit, where the patch sets it). A JSON 6902 patch (a list of
    `op`s, for the workloads its `target` selects) counts too, by the container's index:
    altinn-platform's `config/default` adds 512Mi `resources` to `containers/0` over its
    scaffold's 128Mi, and a finding naming the 128Mi was read as wrong."""
    by_file: dict[str, list[Container]] = {}
    for container in containers:
        by_file.setdefault(container.source.abspath, []).append(container)
    for path in kustomizations:
        directory = os.path.dirname(path)
        kustomization = _kustomization_in(directory)
        patches = [entry.get("path") if isinstance(entry, dict) else None for entry in _list(kustomization, "patches")]
        patches += [entry for entry in _list(kustomization, "patchesStrategicMerge") if isinstance(entry, str)]
        patching = [c for patch in patches if isinstance(patch, str)
                    for c in by_file.get(os.path.normpath(os.path.join(directory, patch)), [])]
        # The workloads a development overlay runs (a patch of it pulls no image for them, or
        # is otherwise marked so: _DEVELOPMENT; None for every workload): it sets nothing of what
        # the base installs for them. datum-cloud's `overlays/dev` lowers the manager's limit to
        # 128Mi for images loaded with `kind load`, and the base was reported under that limit.
        developed = {c.workload_name for c in patching if any(development(c) for development, _ in _DEVELOPMENT)}
        developed |= _workloads_pulling_nothing(directory, kustomization)
        installed = lambda workload: workload not in developed and None not in developed
        patched = {(c.workload_name, c.name): c for c in patching if installed(c.workload_name)
                   and ("GOMEMLIMIT" in c.env or c.limits_memory is not None)}
        operations = [(entry.get("target"), settings) for entry in _list(kustomization, "patches")
                      if isinstance(entry, dict) and isinstance(entry.get("path"), str)
                      and isinstance(entry.get("target"), dict)
                      and (settings := _json_patch_settings(os.path.normpath(os.path.join(directory, entry["path"])),
                                                            display))]
        if not patched and not operations:
            continue
        bases = _kustomize_bases(directory, kustomization)
        for file, found in by_file.items():
            if file in bases or os.path.dirname(file) in bases:
                for container in found:
                    patch = patched.get((container.workload_name, container.name))
                    if patch is not None and patch is not container:
                        _take_memory_settings(container, patch.env.get("GOMEMLIMIT"), patch.limits_memory,
                                              patch.requests_memory)
                for target, settings in operations:
                    selected = [c for c in found if not c.init and c.workload.split("/", 1)[0] == target.get("kind")
                                and target.get("name") in (None, c.workload_name) and installed(c.workload_name)]
                    by_workload: dict[str, list[Container]] = {}
                    for container in selected:
                        by_workload.setdefault(container.workload, []).append(container)
                    for pod in by_workload.values():
                        for index, (gomemlimit, limit, request) in settings.items():
                            if index < len(pod):
                                _take_memory_settings(pod[index], gomemlimit, limit, request)


def _workloads_pulling_nothing(directory: str, kustomization: dict) -> set[str | None]:
    """The workloads (by name; None for every one its target selects unnamed) to whose
    containers a kustomization's JSON 6902 operations (files, inline, or listed under
    `patchesJson6902`; YAML or JSON) or inline strategic-merge patches give `imagePullPolicy:
    Never`: a development overlay's, as a patch file's container pulling no image."""
    found: set[str | None] = set()
    for entry in _list(kustomization, "patches") + _list(kustomization, "patchesJson6902") + \
            _list(kustomization, "patchesStrategicMerge"):
        if isinstance(entry, str):
            text = entry if "\n" in entry else ""  # a strategic-merge patch written inline, not a file's path
            target = None
        elif isinstance(entry, dict):
            # (a patch given a `target` applies to what the target selects, whatever it names)
            text = entry.get("patch") if isinstance(entry.get("patch"), str) else \
                _read(os.path.normpath(os.path.join(directory, entry["path"]))) \
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


def _take_memory_settings(container: Container, gomemlimit: EnvVar | None, limit: Setting | None,
                          request: Setting | None) -> None:
    """What a patch sets of a container's memory: its GOMEMLIMIT, unless the container sets
    one, and its memory limit and request."""
    if gomemlimit is not None and "GOMEMLIMIT" not in container.env:
        container.env["GOMEMLIMIT"] = gomemlimit
    if limit is not None:
        container.limits_memory = limit
        container.requests_memory = request or container.requests_memory


# The paths of a JSON 6902 patch that set a pod template's container's memory or add to its env.
_JSON_PATCH_PATH = re.compile(r"/spec/template/spec/containers/(\d+)/(resources(?:/limits(?:/memory)?)?|env/-)")


def _json_patch_settings(abspath: str, display: Callable[[str], str]
                         ) -> dict[int, tuple[EnvVar | None, Setting | None, Setting | None]]:
    """By container index, the GOMEMLIMIT, memory limit and request a JSON 6902 patch file
    (`- op: add` entries) adds or replaces ({} for any other file)."""
    text = _read(abspath)
    if not text or "op:" not in text:
        return {}
    source = Source.of(display(abspath), abspath, text)
    # What does not parse is said where the file is read as a manifest, if it is one.
    documents = _compose(text, source, lambda notification: None)
    found: dict[int, tuple[EnvVar | None, Setting | None, Setting | None]] = {}
    for operation in _items(documents[0].root if documents else None):
        path = _JSON_PATCH_PATH.fullmatch(_text(_value(operation, "path")) or "")
        value = _get(operation, "value")
        if path is None or value is None or _text(_value(operation, "op")) not in ("add", "replace"):
            continue
        index, field_path = int(path.group(1)), path.group(2)
        gomemlimit, limit, request = found.get(index, (None, None, None))
        if field_path == "env/-":
            if _text(_value(value[1], "name")) == "GOMEMLIMIT":
                gomemlimit = _env_var(source, value[1], "GOMEMLIMIT", None, {})
        else:
            limits = value if field_path.endswith("/memory") else \
                _get(value[1] if field_path.endswith("/limits") else _value(value[1], "limits"), "memory")
            requests = _get(_value(value[1], "requests"), "memory") if field_path == "resources" else None
            if limits is not None and (memory := _known_size(limits[1])) is not None:
                limit = Setting(memory, source.location(*limits))
            if requests is not None and (memory := _known_size(requests[1])) is not None:
                request = Setting(memory, source.location(*requests))
        found[index] = (gomemlimit, limit, request)
    return found


def _list(mapping: dict, key: str) -> list:
    value = mapping.get(key)
    return value if isinstance(value, list) else []


def _kustomize_resources(kustomization: dict) -> list:
    """What a kustomization builds on: its `resources`, and its `bases`, their older name
    (cluster-api-provider-bke's `config/default` raises its manager's 128Mi to 1Gi over
    `bases: [../manager]`; a finding naming the 128Mi was read as wrong)."""
    return _list(kustomization, "resources") + _list(kustomization, "bases")


def _kustomize_bases(directory: str, kustomization: dict) -> set[str]:
    """The paths (normalized) of what the kustomization in `directory` builds on: files and
    directories (_kustomize_resources)."""
    return {os.path.normpath(os.path.join(directory, entry))
            for entry in _kustomize_resources(kustomization) if isinstance(entry, str)}


def _kustomization_in(directory: str) -> dict:
    """The kustomization in `directory`, parsed ({} when there is none). Several questions
    ask about the same one (its images, its name affixes, its patches): it is parsed once
    while the file is unchanged. Callers only read it."""
    for name in _KUSTOMIZATION_FILES:
        path = os.path.join(directory, name)
        try:
            status = os.stat(path)
        except OSError:
            continue
        document = _parsed_kustomization(path, status.st_mtime_ns, status.st_size)
        if document is not None:
            return document
    return {}


@functools.lru_cache(maxsize=4096)
def _parsed_kustomization(path: str, modified: int, size: int) -> dict | None:
    """A kustomization file's mapping ({} for another document), None when unreadable;
    `modified` and `size` key the cache to the file's content."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            document = yaml.safe_load(handle.read(1024 * 1024))
    except (OSError, yaml.YAMLError):
        return None
    return document if isinstance(document, dict) else {}


def _kustomize_image(container: Container) -> str | None:
    """The image a kustomization beside the container's file gives it, else one building on its
    directory (Container.renamed_by_overlay), if one does."""
    return _renamed_beside(container) or container.renamed_by_overlay


def _renamed_beside(container: Container) -> str | None:
    """The image the kustomization beside the container's file gives it, if it does."""
    return _image_renamed_by(_kustomization_in(os.path.dirname(container.source.abspath)), container)


def _image_renamed_by(kustomization: dict, container: Container) -> str | None:
    """The image a kustomization's `images:` give the container (an entry whose `name` is its
    image's repository, by its last element or whole, registry and owner included, as
    kustomize matches it: `local-registry:5000/api`), with a `newName`, if they do."""
    images = kustomization.get("images")
    names = {image_repository(container.image), _full_repository(container.image)}
    for entry in images if isinstance(images, list) else ():
        if isinstance(entry, dict) and entry.get("name") in names and isinstance(entry.get("newName"), str):
            return entry["newName"]
    return None


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
        kustomization = _kustomization_in(directory)
        if not kustomization.get("images"):
            continue
        for base in _kustomize_bases(directory, kustomization) - {directory}:
            for container in by_directory.get(base, ()):
                if (renamed := _image_renamed_by(kustomization, container)) is not None:
                    given.setdefault(id(container), set()).add(renamed)
    for container in containers:
        if len(names := given.get(id(container), ())) == 1:
            container.renamed_by_overlay = next(iter(names))


# A name left for a template tool to fill in: envsubst's `$NAME` or `${NAME}`, an OpenShift
# Template's `${{NAME}}`.
_PLACEHOLDER_NAME = re.compile(r"\$(?:\{\{?\w+\}\}?|\w+)")


def _named_as_base(container: Container, copies: list[Container]) -> bool:
    """Whether another copy's workload adds a suffix to this one's name: this is the base, the
    other a variant (kube-arangodb's chart `kube-arangodb` and its `kube-arangodb-arm64`)."""
    return any(other.workload_name.startswith(container.workload_name + "-") for other in copies)


def _file_named_for(container: Container) -> bool:
    """Whether the container's file is named after its workload or itself (`kube-lb.yaml`
    beside the variants `kube-lb-ipv6.yaml` and `kube-lb-nobgp.yaml`)."""
    stem = os.path.splitext(container.location.path.rsplit("/", 1)[-1])[0]
    return stem in (container.workload_name, container.name)


def _program_name(command: str) -> str:
    """The program a script's command line starts, by its file name (`nohup` left out)."""
    words = command.split()
    words = words[1:] if words and words[0] == "nohup" and len(words) > 1 else words
    return words[0].rsplit("/", 1)[-1] if words else ""


def _shell_commands(text: str) -> list[list[str]] | None:
    """The words of each simple command of shell text, line by line (comments, quotes,
    redirections and array values left out, assignment words kept), split where a command ends
    or a keyword starts one (`;`, `&&`, `|`, `(`, `{`, `!`, `then`, a `case` arm's `)`); None
    when a line cannot be read (an unbalanced quote) or holds a here-document, whose lines are
    not commands."""
    commands: list[list[str]] = []
    for line in text.splitlines():
        if len(line) > _MAX_SHELL_LINE:
            return None  # a blob (`echo <base64> | base64 -d`), which shlex reads in quadratic time
        lexer = shlex.shlex(_without_comment(line), posix=True, punctuation_chars=True)
        lexer.whitespace_split, lexer.commenters = True, ""
        try:
            tokens = list(lexer)
        except ValueError:
            return None
        words: list[str] = []
        skip = False
        in_array = False  # the values of an array assigned (`list+=($item)`), no command
        for token in tokens + [";"]:
            if in_array:
                in_array = not token.startswith(")")
                if not in_array and len(token) > 1 and words:  # `);`: the command ends there too
                    commands.append(words)
                    words = []
            elif skip:
                skip = False
            elif token == "(" and words and words[-1].endswith("="):
                in_array = True
            elif token.startswith("<<"):
                return None
            elif _SHELL_REDIRECTION.fullmatch(token):
                skip = True  # its target follows (a file, or a descriptor after `>&`)
                if words and words[-1].isdigit():
                    words.pop()  # the descriptor redirected (`2>`)
            elif token in _SHELL_BREAKS or set(token) <= _SHELL_PUNCTUATION:
                if words:
                    commands.append(words)
                words = []
            else:
                words.append(token)
    return commands


def _without_comment(line: str) -> str:
    """A shell line without its comment: from a `#` that starts a word outside quotes (not
    `$#`, `${#list[@]}` or a URL's `#fragment`)."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote and (quote == "'" or line[index - 1] != "\\") else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t;|&("):
            return line[:index]
    return line


def _may_start_unknown(script: str) -> bool:
    """Whether a script may start a program it does not name: one named by a variable or by a
    command's output (`exec "$BINARY"`, `${APP} serve`, `exec tini -- "$P"`, `[ -n "$D" ] ||
    exec "$P"`, `` `cat /etc/program` ``), by `eval` or a sourced file, a command run by a
    program that runs its arguments (`su-exec nobody "$P"`, `sh -c "$CMD"`, `timeout 60 "$P"`),
    or whatever it is given (`"$@"`); or one it cannot read. Not a variable assigned
    (`list=$(rdma link)`) nor handed to a program as an argument (`lldpd -O $conf`)."""
    if "`" in script or _RUNS_ARGUMENTS.search(script):
        return True
    commands = _shell_commands(script)
    if commands is None:
        return True
    for words in commands:
        while words and _ASSIGNMENT_WORD.match(words[0]):
            words = words[1:]
        if words and words[0] == "exec":
            words = words[1:]
            while words and words[0].startswith("-"):
                words = words[2:] if words[0] == "-a" else words[1:]
        if not words:
            continue
        program = words[0]
        name = program.rsplit("/", 1)[-1]
        # Named by a variable, a pattern, or read from elsewhere: another script, a process
        # manager's configuration, a file sourced; or a variable handed to a runner of commands.
        if "$" in program or program not in ("[", "[[") and any(char in program for char in "*?[") or \
                program in _SOURCING or \
                name.endswith(".sh") or name in _PROCESS_MANAGERS or \
                name in _COMMAND_RUNNERS and any("$" in word for word in words[1:]):
            return True
    return False


def _names_any(script: str, programs: Iterable[str]) -> bool:
    """Whether a script names one of the programs as a word of its own (`/bin/reloader`)."""
    pattern = _naming_any(frozenset(name for name in programs if name))
    return pattern is not None and pattern.search(script) is not None


@functools.lru_cache(maxsize=64)
def _naming_any(programs: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern for the names of `programs` as words of their own; built once per set."""
    if not programs:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(programs, key=len, reverse=True))) + r")(?![\w-])")


# Shell: what ends a command or starts one, a redirection operator, an assignment word; the
# commands that run a file in the shell itself, and programs that run their arguments as a
# command (`su-exec nobody "$P"`, `timeout 60 "$P"`).
_SHELL_BREAKS = frozenset({"then", "do", "else", "elif", "if", "while", "until", "fi", "done", "esac", "{", "}", "!"})
_SHELL_PUNCTUATION = frozenset(";&|()")
_SHELL_REDIRECTION = re.compile(r"[0-9]*(?:[<>]+&?|&>+)")
_ASSIGNMENT_WORD = re.compile(r"[A-Za-z_]\w*\+?=")
_SOURCING = frozenset({"eval", ".", "source"})
_COMMAND_RUNNERS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh", "su-exec", "gosu", "setsid", "stdbuf",
                              "timeout", "nice", "ionice", "env", "xargs", "nohup", "tini", "dumb-init", "catatonit",
                              "chroot", "chpst", "runuser", "su", "s6-setuidgid", "setpriv", "taskset", "numactl",
                              "command", "builtin", "watch", "flock", "unbuffer", "strace", "dlv", "sudo", "time",
                              "chrt"})
# Programs that start what their configuration names, not their arguments.
_PROCESS_MANAGERS = frozenset({"supervisord", "runsvdir", "runsv", "runit", "s6-svscan", "s6-rc", "init",
                               "start-stop-daemon", "daemonize", "systemctl", "service", "pm2", "pm2-runtime",
                               "honcho", "foreman", "goreman", "overmind", "cron", "crond", "supercronic",
                               "run-parts"})
_MAX_SHELL_LINE = 10_000  # characters of a shell line read
# A Dockerfile's RUN lines (their flags, `--mount=...`, left out), and the commands that put a
# file in place under a name (`RUN ln -s /usr/bin/app/agent /usr/bin/app/fabricd`).
_RUN_LINE = re.compile(r"^\s*RUN\s+(?:--\S+\s+)*(.*)$", re.MULTILINE | re.IGNORECASE)
_RENAMING_COMMANDS = frozenset({"mv", "cp", "ln", "install"})


class _Dockerfile(NamedTuple):
    """A Dockerfile of the tree, read once (its comment lines left out): its directory, its
    COPY and ADD lines of every stage (_copies), the names its `go build -o` commands give what
    they write (_go_build_outputs), (the name of a file, the name it is put in place as) for
    each of its COPY and ADD lines and its RUN lines' mv, cp, ln and install (None when a RUN
    line cannot be read: what it renames is not known), and the names it gives what it copies
    from another stage, a build's output whatever built it (`make`)."""
    directory: str
    copies: list[_Copy]
    built: set[str]
    renames: frozenset[tuple[str, str]] | None
    from_stages: frozenset[str] | None

    @classmethod
    def of(cls, directory: str, text: str) -> _Dockerfile:
        copies = _copies(text, stages=True)
        return cls(directory, copies, _go_build_outputs(text), _renames(text, copies), _from_stages(copies))


def _file_name(path: str) -> str:
    """The last part of a path, a directory's too (`agent` of `/usr/bin/agent`, `bin` of `/usr/bin/`)."""
    return path.rstrip("/").rsplit("/", 1)[-1]


def _from_stages(copies: list[_Copy]) -> frozenset[str] | None:
    """_Dockerfile.from_stages of a Dockerfile's copies: the last part of each source and of its
    destination (`COPY --from=build /out/agent /usr/local/bin` puts `agent` in `bin`); None when
    a source is a directory or a pattern, or a name is a build argument's (`${NAME}`)."""
    names = set()
    for sources, destination, _ in (copy for copy in copies if copy.from_stage):
        for source in sources:
            if "$" in source + destination or "*" in source or source.endswith(("/", "/.")) or source == ".":
                return None
            names |= {source.rsplit("/", 1)[-1], _file_name(destination)}
    return frozenset(names - {"", "."})


def _renames(text: str, copies: list[_Copy]) -> frozenset[tuple[str, str]] | None:
    """_Dockerfile.renames of a Dockerfile's text and its copies."""
    moves = [(copy.sources, copy.destination) for copy in copies]
    for run in _RUN_LINE.findall(_CONTINUED_LINE.sub(" ", text)):
        commands = _shell_commands(run) if not run.lstrip().startswith("[") else None  # exec form: not read
        if commands is None:
            return None
        moves += [(operands[:-1], operands[-1]) for words in commands if words[0] in _RENAMING_COMMANDS
                  and len(operands := [word for word in words[1:] if not word.startswith("-")]) > 1]
    if any("$" in destination or any("$" in source for source in sources) for sources, destination in moves):
        return None  # a build argument's name (`/usr/bin/${NAME}`)
    return frozenset((_file_name(source), _file_name(source) if destination.endswith("/") else _file_name(destination))
                     for sources, destination in moves for source in sources)


def _renamed(programs: set[str], renames: frozenset[tuple[str, str]]) -> set[str]:
    """`programs` and the names renames give them, and those names' renames in turn."""
    found = set(programs)
    while more := {renamed for name, renamed in renames if name in found and renamed not in found}:
        found |= more
    return found


def _go_build_outputs(dockerfile: str) -> set[str]:
    """The names a Dockerfile gives what its `go build -o` commands write (`manager`)."""
    return {name for command in _GO_BUILD_COMMAND.findall(_CONTINUED_LINE.sub(" ", dockerfile))
            if (name := _output_name(command)) is not None}


def _output_name(command: str) -> str | None:
    """The file name a `go build` command writes with `-o` (`manager` of `-o ./bin/manager`)."""
    output = _OUTPUT_FLAG.search(command)
    return output.group(0).split()[-1].split("=")[-1].rsplit("/", 1)[-1] if output is not None else None


def _runs_a_script(container: Container) -> bool:
    return bool(container.command) and container.command[0].endswith(".sh")


# --- loading -----------------------------------------------------------------------------


@dataclass
class _Document:
    source: Source
    root: yaml.Node


def load(manifest_paths: list[str], *, go_files: list[str], dockerfiles: list[str], go_images: tuple[str, ...],
         display: Callable[[str], str], notify: Callable[[Notification], None],
         read_go: Callable[[str], bytes | None], derive: Callable[[str, Callable], Any]) -> ProjectManifests:
    """The containers of the manifests, recognized as Go or not. `read_go` reads a Go file
    (the run's hardened reader: None for what it refuses); `derive(path, compute)` is
    `compute(parsed file)`, cached with the run's results."""
    documents: list[_Document] = []
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
    chart_resizers: dict[str, tuple[Location, str | None]] = {}
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
        chart = os.path.dirname(abspath) if values else _chart_root(abspath) if _TEMPLATE in text else None
        if chart is not None:
            chart_flags.setdefault(chart, set()).update(_flags_named(text))
        else:
            flag_mentions.update(_flag_mentions(text))
        if chart is not None and (_TELLS_THE_LIMIT.search(_YAML_COMMENT.sub("", text)) or
                                  not values and _includes_telling(chart, text, telling_defines)):
            if not values and _declares_workload(text) and _writes_literal_resources_only(text):
                literal_telling[chart] = literal_telling.get(chart, 0) + 1
            else:
                charts_telling.add(chart)
        if not values and _declares_workload(text) and (root := chart or _chart_root(abspath)) is not None:
            charts_deploying.add(root)
        source = Source.of(shown, abspath, text)
        if values:
            chart_values[chart] = (source, text)
        elif chart is not None:
            charts[chart] = charts.get(chart, 0) + 1
            if chart not in chart_resizers and (resizer := _chart_resizer(source, text)) is not None:
                chart_resizers[chart] = resizer
            if _declares_workload(text):
                chart_workload_templates.setdefault(chart, []).append((source, text))
            elif helm_template.DEFINE.search(text):
                chart_defining_templates.setdefault(chart, []).append((source, text))
            if _CLUSTER_RBAC.search(text):
                chart_rbac_templates.setdefault(chart, []).append((source, text))
            continue
        if _CLUSTER_RBAC.search(text) and (root := _chart_root(abspath)) is not None and \
                "templates" in PurePath(os.path.relpath(abspath, root)).parts[:-1]:
            # A template without actions is still the chart's: cozystack's backup-controller
            # binds its account, in a template naming the release's namespace, to a ClusterRole
            # written out in another.
            chart_rbac_templates.setdefault(root, []).append((source, text))
        abspaths[shown] = abspath
        directives[shown] = parse_directives(text)
        if _MAY_MATTER.search(text):
            documents += _compose(_blank_documents_that_cannot_matter(text), source, notify)
    # A workload template that names GOMEMLIMIT beside literal resources tells its own
    # container, not those the values set, when the chart has other workloads (crystalbackup's
    # soak test, beside its manager's Deployment); when it is the chart's one workload, it
    # tells the chart's container.
    charts_telling |= {chart for chart in literal_telling if len(chart_workload_templates.get(chart, ())) <= 1}
    for chart in sorted(chart_values):
        broken = helm_template.unrendered_include(chart, _read)
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

    env_sources = _env_sources(documents)
    containers = [c for doc in documents for c in _containers(doc, env_sources)]
    kustomizations = [p for p in manifest_paths if os.path.basename(p) in _KUSTOMIZATION_FILES]
    _apply_memory_limit_patches(containers, kustomizations, display)
    _apply_overlay_images(containers, kustomizations)
    if _olm_targets_some_namespaces(documents):
        for container in containers:
            container.namespace_settings |= {v.name for v in container.env.values() if _OLM_TARGET_NAMESPACES.search(
                v.source) and _NAMED_FOR_A_NAMESPACE.search(v.name)}
    _mark_resized(containers, documents)
    listed = _kinds_listed_cluster_wide(documents)
    for container in containers:
        container.cluster_listed_kinds = listed.get(container.service_account)
    umbrella_roots: dict[str, yaml.Node | None] = {}  # see _parent_values
    subcharts = {chart: _subcharts_in_tree(chart) for chart in set(chart_values) | set(charts) | charts_telling}
    umbrellas = {subchart: chart for chart, held in subcharts.items() for subchart in held.values()}
    for chart in sorted(set(charts) & set(chart_values) - charts_telling):
        parent = umbrellas.get(chart)
        if parent in charts_telling:
            continue  # the umbrella's values (or templates) tell its subcharts' programs too
        if _deprecated_chart(chart) or parent is not None and _deprecated_chart(parent):
            continue  # Helm's own mark: users are told not to install it
        if _deploys_workloads(chart, charts_deploying):
            defaults = helm_template.ChartDefaults(chart, chart_values[chart][1], _read)
            chart_flags[chart] = _chart_flags_rendered(defaults)
            overrides = _parent_values(chart, parent, chart_values, umbrella_roots)
            workload_templates = chart_workload_templates.get(chart, [])
            chart_containers = _chart_containers(chart, *chart_values[chart], notify, workload_templates, defaults,
                                                 overrides, frozenset(subcharts[chart]),
                                                 _included_templates(workload_templates,
                                                                     chart_defining_templates.get(chart, [])))
            rbac = [(source, defaults.with_alternatives_picked(defaults.without_empty_withs(text)))
                    for source, text in chart_rbac_templates.get(chart, [])]
            by_account = _chart_kinds_listed_by_account(rbac) if chart_containers else None
            for container in chart_containers:
                listed = [by_account.get(account) for account in container.chart_accounts] \
                    if by_account is not None and container.chart_accounts else [None]
                container.cluster_listed_kinds = None if None in listed else frozenset().union(*listed)
            generated_by = _helmify_run(chart, display) if chart_containers else None
            for container in chart_containers:
                container.generated_by = generated_by
            resizer, condition = chart_resizers.get(chart, (None, None))
            if condition is None or defaults.value(condition):
                for container in chart_containers:
                    container.resized_by = resizer
            containers += chart_containers
    _pass_flags(containers, flag_mentions, set().union(*chart_flags.values()))
    _mark_loaded_by_hand(containers)
    tree = _GoTree(go_files, dockerfiles, documents, read_go, derive)
    for container in containers:
        container.go_reason, container.go_dir = tree.recognize(container, go_images)
    run_by_others = tree.pin_programs_of_shared_directories(containers)
    _recognize_by_image_name(containers)
    chart_roots = sorted(set(charts) | set(chart_values))
    # By project: _installed_from, _unwritten_scaffold.
    installs: dict[str, tuple[str | None, bool]] = {}
    for container in containers:
        project = _scaffold_project(container) or _config_manager_project(container)
        if project is not None and container.go_reason:
            if project not in installs:
                installs[project] = (_installed_from(project, chart_roots, chart_values, charts_deploying, display),
                                     _unwritten_scaffold(project))
            container.installed_from, unwritten = installs[project]
            container.unwritten_scaffold = container.chart is None and unwritten
            if container.installed_from is None and container.chart is None:
                container.installed_from = _charts_running_all(container, run_by_others.get(id(container), []), display)
    retired: dict[str, str | None] = {}  # by module root, _retired_notice
    for container in containers:
        module = modules.module_of_dir(container.go_dir) if container.go_dir else None
        # A program of no module (navarchos' dep project) from its own directory up.
        root = module.root if module is not None else container.go_dir
        if root is not None:
            if root not in retired:
                retired[root] = _retired_notice(root)
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
    tell, development installs and left-over scaffolds told apart (_DEVELOPMENT): `go-images`
    would not bring them in (akoe32/config-reloader's two managers both load theirs with `kind
    load`; atom-operator's scaffold passes none of the flags its manager requires)."""
    count = lambda n: f"{n} container{'s' if n != 1 else ''}"
    advice = "list Go images with go-images in .startup-lint.toml (see startup-lint --explain SL101)"
    development = [next((said for test, said in _DEVELOPMENT if test(c)), None) for c in containers]
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


def _flag_arguments(arguments: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """(name without dashes, value) of each flag in `arguments`, up to a `--`: written with it
    (`--driver-mode=agent`), else the argument after it ("" for none)."""
    found = []
    for index, argument in enumerate(arguments):
        if argument == "--":
            break  # what follows is no flag
        flag = _FLAG.fullmatch(argument)
        if flag is not None:
            found.append((flag.group(1), flag.group(2) if flag.group(2) is not None else
                          arguments[index + 1] if index + 1 < len(arguments) else ""))
    return found


def _flag_values(arguments: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """(flag_name_key, value) of each flag `arguments` pass a value (`--driver-mode=agent`,
    `--mode agent`), the last one when passed twice, as Go's flag package keeps; not one a
    variable gives (`$(MODE)`)."""
    found = {go_code.flag_name_key(name): value for name, value in _flag_arguments(arguments)}
    return frozenset((name, value) for name, value in found.items()
                     if value and not value.startswith("-") and "$" not in value)


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
    memory limit, the Helm repository its docs add (_helm_repository_installing); a project that
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
        return _helm_repository_installing(project)
    names = _project_words(project)
    named = [chart for chart in kept if chart in charts_deploying and not names.isdisjoint(words(_chart_name(chart)))]
    unread = [chart for chart in named if chart not in chart_values]
    if unread:
        return display(unread[0])
    # Such a chart that the docs install as published, whose values give no container a memory
    # limit: kaalm's README runs `helm install kaalm oci://ghcr.io/win07xp/charts/kaalm`, whose
    # controller template writes no `resources`; its scaffold's finding was read as about a
    # manifest users do not install. (A chart that gives one is reported, the scaffold its copy.)
    unlimited = [chart for chart in named if not _MEMORY_KEY.search(chart_values[chart][1])]
    published = _helm_repository_installing(project) if unlimited else None
    return published if published is not None and any(
        set(words(_chart_name(chart))) <= set(words(published)) for chart in unlimited) else None


_MEMORY_KEY = re.compile(r"^[ \t]*memory:", re.MULTILINE)


def _includes_telling(chart: str, template: str, known: dict[str, frozenset[str]]) -> bool:
    """Whether a chart's template includes a named template that tells the limit
    (_TELLS_THE_LIMIT): nudgebee-agent's `_helpers.tpl` writes its runner's GOMEMLIMIT, 80% of
    its limit, and its finding was read as wrong. Its defines are read once per chart (`known`),
    only for a template that includes one."""
    included = helm_template.includes(template)
    if not included:
        return False
    if chart not in known:
        known[chart] = helm_template.defines_saying(
            chart, _read, lambda body: bool(_TELLS_THE_LIMIT.search(_YAML_COMMENT.sub("", body))))
    return bool(included & known[chart])


# The annotation of an OLM bundle installed only by another operator, as a dependency.
_NON_STANDALONE = re.compile(r"operators\.operatorframework\.io/operator-type\W+non-standalone\b")


def _non_standalone_bundle(project: str) -> str | None:
    """The ClusterServiceVersion base of a kubebuilder project (`config/manifests/bases/`)
    annotated `operators.operatorframework.io/operator-type: non-standalone`: another operator
    installs its program, from a template of its own with its own limit (keystone-operator's
    scaffold, which openstack-operator deploys at 512Mi: read as not worth a change)."""
    bases = os.path.join(project, "config", "manifests", "bases")
    return next((path for name in listdir(bases) if name.endswith(".clusterserviceversion.yaml")
                 and _NON_STANDALONE.search(_YAML_COMMENT.sub("", _read(path := os.path.join(bases, name))))), None)


def _charts_running_all(scaffold: Container, runners: list[Container], display: Callable[[str], str]) -> str | None:
    """The charts a kubebuilder scaffold's project installs its programs from, when its
    placeholder image names a directory of several programs and charts' images run every one
    (`runners`, from _GoTree.pin_programs_of_shared_directories): media-operator's nine charts
    each run one program of its module, and its scaffold's image, whose Dockerfile copies a
    binary that no build names, was read as a leftover users do not install."""
    if image_repository(scaffold.image) != _KUBEBUILDER_IMAGE or not runners or \
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
               and image_repository(c.image) != _KUBEBUILDER_IMAGE}
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
    resources = [_text(item) for item in _items(_value(policy, "controlledResources"))]
    return (_text(_value(policy, "mode")) != "Off" and _text(_value(policy, "controlledValues")) != "RequestsOnly"
            and (_value(policy, "controlledResources") is None or "memory" in resources))


def _mark_resized(containers: list[Container], documents: list[_Document]) -> None:
    """Each container whose memory limit a VerticalPodAutoscaler among the documents changes
    (`targetRef` its workload, `updateMode` not `Off`, and its container's policy, else the
    `*` one, else the defaults, controlling memory and limits) gets `resized_by`."""
    for doc in documents:
        for obj in _objects(doc.root):
            if _text(_value(obj, "kind")) != _VPA or _text(_value(obj, "spec", "updatePolicy", "updateMode")) == "Off":
                continue
            target_ref = _value(obj, "spec", "targetRef")
            target = f'{_text(_value(target_ref, "kind"))}/{_text(_value(target_ref, "name"))}'
            policies = {_text(_value(p, "containerName")): p
                        for p in _items(_value(obj, "spec", "resourcePolicy", "containerPolicies"))}
            kind_pair = _get(obj, "kind")
            for container in containers:
                if container.workload == target and _limits_changed(policies.get(container.name, policies.get("*"))):
                    container.resized_by = doc.source.location(*kind_pair)


# A template's `{{- if .Values.vpa.enabled }}`: what it declares is installed only when the
# values turn it on.
_VALUES_CONDITION = re.compile(r"\{\{-?\s*if\s+\.Values\.([\w.]+)\s*-?\}\}")


def _chart_resizer(source: Source, text: str) -> tuple[Location, str | None] | None:
    """Where a chart template declares a VerticalPodAutoscaler that changes limits, and the
    values path of the `if` around it (None when there is none). Templates are not rendered:
    it is taken to target the chart's workload."""
    found = _VPA_KIND.search(text)
    if found is None or _VPA_KEEPS_LIMITS.search(text):
        return None
    line = text.count("\n", 0, found.start()) + 1
    conditions = list(_VALUES_CONDITION.finditer(text, 0, found.start()))
    return Location(source.display, line, 1, line, len(found.group(0)) + 1), \
        conditions[-1].group(1) if conditions else None


def _recognize_by_image_name(containers: list[Container]) -> None:
    """A container runs the program of a recognized container whose image has the same name
    (kubebuilder's placeholder aside), when only one program has that name and both run the
    image's program the same way (the same `command`, or none) and the other was not known by
    its command: redpanda's chart names `redpandadata/redpanda-operator`, its `config/manager`
    (known by the scaffold) `vectorized/redpanda-operator`. A name for a role (`operator`)
    only under the same path: qubership-monitoring-operator's `victoriametrics/operator` is
    not its own `netcracker/operator`."""
    def key(container: Container) -> tuple[str, frozenset[str]]:
        name = _image_name(container)
        return name, frozenset(_image_path(_named_image(container)) if name in _MANAGER_REPOSITORIES else ())

    keyed = [(container, key(container)) for container in containers]
    programs: dict[tuple, set[str]] = {}
    commands: dict[tuple, set[tuple[str, ...]]] = {}
    for container, name in keyed:
        if container.go_dir is not None and name[0] and not container.go_reason.startswith(_RUNS_BY_COMMAND):
            programs.setdefault(name, set()).add(container.go_dir)
            commands.setdefault(name, set()).add(container.command)
    for container, name in keyed:
        if not container.go_reason and len(programs.get(name, ())) == 1 and not container.runs_other_entrypoint and \
                not container.loaded_by_hand and (not container.command or container.command in commands[name]):
            container.go_dir = next(iter(programs[name]))
            container.go_reason = f"its image {name[0]} runs the main package in {container.go_dir} elsewhere"


def _in_chart_templates(container: Container) -> bool:
    """Whether the container's file is a template of a Helm chart, read as it is written
    (chaosmeta-deploy's templates spell out each operator's Deployment)."""
    templates = os.path.dirname(container.source.abspath)
    return os.path.basename(templates) == "templates" and \
        os.path.isfile(os.path.join(os.path.dirname(templates), "Chart.yaml"))


# The first element of an image reference that names a registry, not an owner (`ghcr.io`,
# `localhost:5000`).
_REGISTRY_HOST = re.compile(r"[.:]|^localhost$")


def _full_repository(image: str) -> str:
    """An image reference without its tag or digest (`ghcr.io/acme/api` of `ghcr.io/acme/api:1`)."""
    head, slash, last = image.split("@", 1)[0].rpartition("/")
    return head + slash + last.split(":", 1)[0]


# A Makefile's assignments (`IMG ?= x`, `BASE := y`, `GO_BUILD = CGO_ENABLED=0 go build`), not
# `+=`, a comment after the value left out; and its references to variables.
_MAKE_ASSIGNMENT = re.compile(r"^([A-Za-z_]\w*)[ \t]*[?:]{0,2}=([^\n]*)", re.MULTILINE)
_MAKE_REFERENCE = re.compile(r"\$[({](\w+)[)}]")


# A Makefile recipe's `docker build` (or `docker buildx build`, `podman build`), over
# continued lines, and its tag and Dockerfile options.
_IMAGE_BUILD_WORDS = re.compile(r"\b(?:docker|podman)(?:[ \t]+buildx)?[ \t]+build\b")
_MAKE_IMAGE_BUILD = re.compile(r"^\t[^\n]*" + _IMAGE_BUILD_WORDS.pattern + r"[^\n]*$", re.MULTILINE)
_TAG_OPTION = re.compile(r"(?<!\S)(?:-t|--tag)(?:[ \t]+|=)(\S+)")
_FILE_OPTION = re.compile(r"(?<!\S)(?:-f|--file)(?:[ \t]+|=)(\S+)")
# The options of `docker build` that take a value, written apart from it: what is left of the
# command but for options is its build context.
_VALUED_BUILD_OPTIONS = frozenset({"-t", "--tag", "-f", "--file", "--build-arg", "--platform", "--target", "--label",
                                   "--cache-from", "--cache-to", "-o", "--output", "--secret", "--ssh", "--network",
                                   "--progress", "--iidfile", "--metadata-file", "--builder", "--build-context",
                                   "--annotation", "--attest", "--add-host", "--shm-size", "--ulimit", "-m", "--memory"})
_REDIRECTION = re.compile(r"\d*[<>]")


def _build_context(command: str) -> str | None:
    """The build context of a recipe's `docker build` (its last argument that is neither an
    option's nor a redirection, before the shell's next command), None when there is none."""
    words = re.split(r"&&|\|\||;|\|", command[_IMAGE_BUILD_WORDS.search(command).end():], maxsplit=1)[0].split()
    arguments = [word for index, word in enumerate(words) if not word.startswith("-") and not _REDIRECTION.match(word)
                 and (index == 0 or words[index - 1] not in _VALUED_BUILD_OPTIONS and
                      not _REDIRECTION.fullmatch(words[index - 1]))]
    return arguments[-1].strip("\"'") if arguments else None


# helmify (github.com/arttor/helmify) writes a chart from the manifests it reads (kubebuilder
# projects pipe `kustomize build config/default` into it); of its arguments, the one that is no
# option names the chart's directory (`chart` when none does), `-f` the manifests' path.
_HELMIFY_PROGRAM = re.compile(r"(?:\S*/)?helmify(?:[-@]\S*)?")
_SHELL_SEPARATOR = re.compile(r"&&|\|\||[;|&]")
_MAKE_RECIPE_PREFIX = re.compile(r"^[@+-]+")  # a recipe line's `@`: not echoed
_ENV_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*=")
_COMMAND_PREFIXES = frozenset({"env", "time", "exec", "command"})
_STANDARD_INPUT = frozenset({"-", "/dev/stdin"})


class HelmifyRun(NamedTuple):
    location: Location  # the Makefile's recipe line
    reads: str | None  # the file or directory its `-f` names, as shown
    built: str | None  # else the directory a `kustomize build` of the line builds, as shown
    # ... and the files that build takes, as shown (_kustomized_files)
    built_files: frozenset[str] = frozenset()

    def holds(self, path: str) -> bool | None:
        """Whether the manifests it is written from include the file `path` (shown): those
        `-f` names, or those the kustomize build takes (kubebuilder's `config/default` takes
        `config/manager/manager.yaml` through `../manager`); None when they are not known."""
        if self.reads is not None:
            return path == self.reads or path.startswith(self.reads.rstrip("/") + "/")
        if self.built_files:
            return path in self.built_files
        return None  # nothing read, or a build whose kustomizations could not be followed


def _kustomized_files(directory: str, seen: set[str] | None = None) -> set[str]:
    """The files a `kustomize build` of `directory` takes: its kustomization's resources and
    bases, those of the directories among them followed (a directory without a kustomization
    gives nothing)."""
    seen = set() if seen is None else seen
    if directory in seen or len(seen) > 64:
        return set()
    seen.add(directory)
    files = set()
    for entry in _kustomize_bases(directory, _kustomization_in(directory)):
        if os.path.isdir(entry):
            files |= _kustomized_files(entry, seen)
        else:
            files.add(entry)
    return files


def _logical_lines(text: str):
    """A Makefile's lines, those continued with a backslash joined, each with its first line's number."""
    joined, first = [], 0
    for number, line in enumerate(text.split("\n"), 1):
        first = first or number
        joined.append(line[:-1] if line.endswith("\\") else line)
        if not line.endswith("\\"):
            yield first, " ".join(joined)
            joined, first = [], 0


def _command_words(command: str) -> list[str]:
    """A shell command's words up to a comment, without a subshell's parentheses, the
    variables and wrappers before the program (`env X=1`, `time`, `go run`) left out."""
    words = []
    for word in command.split():
        if word.startswith("#"):
            break
        word = word.strip("()")
        if word:
            words.append(word)
    while words and (_ENV_ASSIGNMENT.match(words[0]) or words[0] in _COMMAND_PREFIXES):
        words.pop(0)  # `GOFLAGS=-mod=mod helmify ...`
    if words[:2] == ["go", "run"]:
        words = words[2:]  # `go run github.com/arttor/helmify/cmd/helmify@v0.4.13 ...`
    return words


def _helmify_arguments(words: list[str]) -> tuple[str, str | None]:
    """Of helmify's words: the chart's directory it writes and the manifests its `-f` names
    (None: its standard input, or not one path)."""
    written, given, skip = "chart", [], False
    for index, word in enumerate(words[1:], 1):
        if skip:
            skip = False
            continue
        redirection = _REDIRECTION.match(word)
        if redirection:
            skip = not word[redirection.end():].lstrip(">&")  # `< file`: the file is the next word
        elif word in ("-f", "--f"):
            skip = True
            given.append(words[index + 1] if index + 1 < len(words) else "-")
        elif word.startswith(("-f=", "--f=")):
            given.append(word.split("=", 1)[1])
        elif not word.startswith("-"):
            written = word.strip("\"'")
    reads = given[0].strip("\"'") if len(given) == 1 else None
    return written, None if reads is None or reads in _STANDARD_INPUT or "$" in reads else reads


def _helmify_run(chart: str, display: Callable[[str], str]) -> HelmifyRun | None:
    """The recipe line of a Makefile of the chart's directory or one above it (up to three)
    that runs helmify to write the chart, variables the Makefile sets resolved, a `cd` before
    it followed: gitopssets-controller's `kustomize build config/default | $(HELMIFY)
    -crd-dir charts/gitopssets-controller`; None when none does."""
    directory = os.path.dirname(chart)
    for _ in range(3):
        makefile = os.path.join(directory, "Makefile")
        text = _read(makefile)
        values = _makefile_values(text) if "helmify" in text.lower() else None
        for number, line in _logical_lines(text) if values is not None else ():
            recipe = _MAKE_RECIPE_PREFIX.sub("", line[1:].lstrip()) if line.startswith("\t") else "#"
            if recipe.startswith("#"):
                continue
            # `2>&1` and `&>` are no command separators
            resolved = re.sub(r"\d*>&\d+", " ", _make_resolved(recipe, values)).replace("&>", " >")
            here, built = directory, None
            for command in _SHELL_SEPARATOR.split(resolved):
                words = _command_words(command)
                if len(words) == 2 and words[0] == "cd":
                    here = os.path.join(here, words[1])
                elif len(words) >= 2 and "kustomize" in os.path.basename(words[0]).lower() and words[1] == "build":
                    # `kustomize build config/default --load-restrictor LoadRestrictionsNone`
                    kustomized = next((w for w in words[2:] if not w.startswith("-")), ".")
                    built = os.path.normpath(os.path.join(here, kustomized))
                elif words and _HELMIFY_PROGRAM.fullmatch(words[0].strip("\"'")):
                    written, reads = _helmify_arguments(words)
                    if os.path.normpath(os.path.join(here, written)) != os.path.normpath(chart):
                        continue
                    built = built if not reads else None
                    return HelmifyRun(Location(display(makefile), number, 2, number, len(line.encode()) + 1),
                                      display(os.path.normpath(os.path.join(here, reads))) if reads else None,
                                      display(built) if built else None,
                                      frozenset(map(display, _kustomized_files(built))) if built else frozenset())
        if os.path.dirname(directory) == directory:
            break
        directory = os.path.dirname(directory)
    return None


def _makefile_values(makefile: str) -> dict[str, str]:
    """A Makefile's assignments, the first of each name, a one-word value's quotes taken off,
    the directory make runs in written `.`; a value another command prints is not known."""
    values: dict[str, str] = {}
    for name, value in _MAKE_ASSIGNMENT.findall(_MAKE_WORKING_DIRECTORY.sub(".", makefile)):
        value = value.split("#", 1)[0].strip()
        if "$(shell" not in value and "${shell" not in value:
            values.setdefault(name, value if re.search(r"\s", value) else value.strip("\"'"))
    return values


def _make_resolved(text: str, values: dict[str, str]) -> str:
    """`text` with the Makefile variables it names replaced, also those named in their values."""
    for _ in range(3):  # a variable named in a variable's value (`IMG ?= $(IMAGE_TAG_BASE):$(VERSION)`)
        text = _MAKE_REFERENCE.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    return text


# A Makefile's macro (`define build_and_tag` ... `endef`) and a recipe line calling one with
# its arguments (`\t$(call build_and_tag,api-gateway,Dockerfile.gateway)`).
_MAKE_DEFINE = re.compile(r"^define[ \t]+(\w+)[ \t]*=?[ \t]*\n(.*?)^endef\b", re.MULTILINE | re.DOTALL)
_MAKE_CALL_LINE = re.compile(r"^\t[ \t]*\$[({]call[ \t]+(\w+)[ \t]*,?([^()\n{}]*)[)}][ \t]*$", re.MULTILINE)
_MAKE_PARAMETER = re.compile(r"\$(?:\((\d)\)|\{(\d)\}|(\d))")


def _make_calls_expanded(makefile: str) -> str:
    """A Makefile with each recipe line that only calls a macro of its own replaced by the
    macro's lines, its parameters (`$(1)`) given the call's arguments: arks' Makefile tags each
    image through `$(call build_and_tag,arks-gateway-plugins,Dockerfile.gateway)`."""
    macros = {m.group(1): m.group(2) for m in _MAKE_DEFINE.finditer(makefile)}
    if not macros:
        return makefile

    def expanded(call: re.Match) -> str:
        body = macros.get(call.group(1))
        if body is None:
            return call.group(0)
        arguments = [a.strip() for a in call.group(2).split(",")]
        return _MAKE_PARAMETER.sub(lambda p: (arguments + [""] * 9)[int(next(filter(None, p.groups()))) - 1],
                                   body.rstrip("\n"))
    return _MAKE_CALL_LINE.sub(expanded, makefile)


def _makefile_image_builds(makefile: str) -> list[tuple[str, str | None]]:
    """(the image repository's name, the Dockerfile as written, else its build context's, or
    None when neither is written) of each image a Makefile's recipes build and tag, variables
    the Makefile sets resolved, also the container tool's (`$(CONTAINER_TOOL) build`), and
    macros it calls expanded: porch's `build/Makefile` tags `$(IMAGE_REPO)/$(IMAGE_NAME)`
    (`porch-server`) built with `-f ./Dockerfile`."""
    values = _makefile_values(makefile)
    found = []
    lines = _make_resolved(_make_calls_expanded(_CONTINUED_LINE.sub(" ", makefile)), values)
    for command in _MAKE_IMAGE_BUILD.findall(lines):
        option = _FILE_OPTION.search(command)
        # Without `-f`, the context's Dockerfile: roks-vpc-network-operator's Makefile builds its
        # console plugin's image from `../console-plugin/`, nginx serving a web bundle, not from
        # the Dockerfile beside it (a finding charged the plugin its operator's cache).
        context = _build_context(command) if option is None else None
        dockerfile = option.group(1).strip("\"'") if option else \
            os.path.join(context, "Dockerfile") if context is not None and "$" not in context else None
        for tag in _TAG_OPTION.findall(command):
            name = image_repository(tag.strip("\"'"))
            if name and "$" not in name and (dockerfile is None or "$" not in dockerfile):
                found.append((name, dockerfile))
    return found


# A kubebuilder PROJECT file's name for the project (`projectName: npu-operator`).
_PROJECT_NAME = re.compile(r"^projectName:[ \t]*[\"']?([\w.-]+)[\"']?[ \t]*$", re.MULTILINE)


class _CacheVerdict(NamedTuple):
    """What the main packages at or below a run's directory keep (see _GoTree._cluster_cache_of)."""
    known: bool  # whether their code is known
    cache: str | None  # the package that makes one of them keep a cluster-wide cache
    custom: bool  # all of them cache only custom resources and small kinds
    written: bool  # all of them keep objects only in a controller-runtime cache of written kinds
    # The growing kinds they keep, when all of them keep objects only in informers of known kinds.
    informed_kinds: frozenset[str] | None


class _KubebuilderImages(NamedTuple):
    """The kubebuilder projects' directories by the images that run their managers (see
    _GoTree._kubebuilder_images)."""
    by_makefile: dict[str, str]  # by whole repository, the Makefile's `IMG`
    by_project_name: dict[str, str]  # by repository name, the `PROJECT` file's `projectName`
    # directory -> the names the project goes by: its `projectName`, its module's owner and name
    names: dict[str, frozenset[str]]


# The flags kubebuilder's scaffold passes its manager, which its `cmd/main.go` declares, and
# what declares such flags for a program from a library.
_KUBEBUILDER_FLAGS = frozenset({"leader-elect", "health-probe-bind-address", "metrics-bind-address"})
_FLAG_BINDERS = r'"k8s\.io/component-base/config/options"|\bBindLeaderElectionFlags\b'

# Image repositories that name a kubebuilder project's manager by its role, under a path
# that names the project (`ghcr.io/crystalbackup/operator`, `ghcr.io/sielicki/slingshot-operator/manager`).
_MANAGER_REPOSITORIES = frozenset({"manager", "operator", "controller", "controller-manager"})


def _makefile_image(makefile: str) -> str | None:
    """The image a kubebuilder Makefile's `IMG` names, with the variables it uses that the
    Makefile sets resolved; None when it names none with a registry path (`controller:latest`
    is the scaffold's placeholder) or leaves something unresolved."""
    values = _makefile_values(makefile)
    image = _make_resolved(values.get("IMG", ""), values)
    return image if "/" in image and "$" not in image else None


def _named_image(container: Container) -> str:
    """The image _image_name reads: the container's, or for kubebuilder's placeholder
    `controller` the one its kustomization renames it to (empty when none does)."""
    if image_repository(container.image) != _KUBEBUILDER_IMAGE:
        return container.image
    return (_kustomize_image(container) if container.chart is None else container.image) or ""


def _image_name(container: Container) -> str:
    """The name by which _recognize_by_image_name matches images: the repository name
    (`api` of `ghcr.io/acme/api:1`); for kubebuilder's placeholder `controller`, that of the
    image its kustomization renames it to (czertainly's `czertainly/czertainly-cert-manager-
    issuer-controller`, which its chart names too), or, when that is `controller` again, the
    whole repository (openchoreo's `ghcr.io/openchoreo/controller`), else nothing: `controller`
    alone names no one program."""
    image = _named_image(container)
    name = image_repository(image)
    if name != _KUBEBUILDER_IMAGE:
        return name
    return _full_repository(image) if "/" in image else ""


# What a file must spell out for the manifest rules to use it: a workload, a ConfigMap or
# Secret its containers take variables from, a List of them, a skaffold Config, or
# GoReleaser's top-level `builds`. Composing YAML is the expensive part of the manifest
# rules, and trees hold many other YAML files: kyverno's 396 (policies, CRDs, CI) took
# 2.5 of its 2.9 CPU seconds warm; the others are not composed at all (nor their parse
# errors reported).
def _kind_line(kinds: Iterable[str]) -> str:
    """A pattern for a YAML line that gives one of `kinds` as an object's `kind`."""
    return r"^[ \t-]*kind:[ \t]*[\"']?(?:" + "|".join(kinds) + r")[\"']?[ \t]*(?:#.*)?$"


_MAY_MATTER = re.compile(_kind_line(WORKLOAD_KINDS + (_CSV, "ConfigMap", "Secret", "Config", _VPA, r"\w*List",
                                                      "ClusterRole", "ClusterRoleBinding", "RoleBinding")) +
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


# A chart that tells its Go program the limit (or hands it over to set itself), in a
# template or its values: GOMEMLIMIT, or a resourceFieldRef of limits.memory (as the value of
# its `resource`: a CRD's description that lists `limits.memory` tells nothing).
_TELLS_THE_LIMIT = re.compile(r"GOMEMLIMIT|\bresource:[ \t]*[\"']?limits\.memory\b")
_YAML_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#.*", re.MULTILINE)
_RESOURCES_KEY = re.compile(r"^([ \t]*)resources:(.*)$", re.MULTILINE)


def _writes_literal_resources_only(template: str) -> bool:
    """Whether a template writes `resources` blocks, and none of them takes its memory settings
    from the values: no template action on a key's line or in a `{{- with ...resources }}`
    just above it, and none in its block that writes resources or memory (`toYaml`, `include`,
    `.resources`, `memory:`). A PVC's `storage: {{ .Values.size }}` and RBAC rules'
    `resources: [pods]` leave it literal."""
    lines = template.split("\n")
    found = False
    for key in _RESOURCES_KEY.finditer(template):
        found = True
        index = template.count("\n", 0, key.start())
        indent = len(key.group(1))
        above = lines[index - 1] if index > 0 else ""
        if "{{" in key.group(2) or "{{" in above and "with" in above and "resources" in above:
            return False
        for line in lines[index + 1:]:
            if line.strip() and _indent(line) <= indent and not line.strip().startswith("{{"):
                break
            if "{{" in line and _WRITES_RESOURCES.search(line):
                return False
    return found


_WRITES_RESOURCES = re.compile(r"toYaml|include|\.resources|\bmemory:")
# How deep in a chart's values a component's `resources` and `image` sit
# (`controller.resources`, `webhook.manager.resources`).
_MAX_VALUES_DEPTH = 3
_MAX_READ_VALUES_DEPTH = 6
_MAX_INCLUDES = 3  # how deep named templates including others are read
_FALSE = frozenset({"false", "False", "FALSE"})


def _subcharts_in_tree(chart: str) -> dict[str, str]:
    """The charts of the tree that `chart` holds or depends on, by the key its values give them
    (their name): those in its `charts/` directory (cozystack's `packages/system/kamaji` over
    its vendored `charts/kamaji`), and the dependencies its Chart.yaml gives a `file://`
    repository (AKO's umbrella chart `helm/ako` over `../../ako-crd-operator/helm/.../chart`)."""
    found = {}
    held = os.path.join(chart, "charts")
    for name in listdir(held) if os.path.isdir(held) else ():
        if os.path.isfile(os.path.join(held, name, "Chart.yaml")):
            found[_chart_name(os.path.join(held, name))] = os.path.join(held, name)
    if "file://" in (text := _read(os.path.join(chart, "Chart.yaml"))):
        try:
            metadata = yaml.safe_load(text)
        except yaml.YAMLError:
            metadata = None
        dependencies = metadata.get("dependencies") if isinstance(metadata, dict) else None
        for dependency in dependencies if isinstance(dependencies, list) else ():
            repository = dependency.get("repository") if isinstance(dependency, dict) else None
            if isinstance(repository, str) and repository.startswith("file://"):
                path = os.path.normpath(os.path.join(chart, repository.removeprefix("file://")))
                if os.path.isfile(os.path.join(path, "Chart.yaml")):
                    found[str(dependency.get("alias") or dependency.get("name") or _chart_name(path))] = path
    return found


def _included_templates(workload_templates: list[tuple[Source, str]],
                        defining: list[tuple[Source, str]]) -> list[tuple[Source, str]]:
    """Those of the `defining` templates that define a named template a workload template
    includes: kubauth's Deployment includes `container.audit`, defined with its command and
    subcommand in `templates/audit/container.yaml` (taken for the binary's root, the container
    was charged another subcommand's cache: read as wrong)."""
    included = set().union(*(helm_template.includes(text) for _, text in workload_templates))
    return [(source, text) for source, text in defining
            if included.intersection(helm_template.DEFINE.findall(text))]


def _parent_values(chart: str, parent: str | None, chart_values: dict[str, tuple[Source, str]],
                   roots: dict[str, yaml.Node | None]) -> tuple[Source, yaml.Node] | None:
    """The values an umbrella chart gives its subchart `chart`, under the subchart's name (Helm
    merges them over the subchart's own: cozystack's kamaji runs under the 512Mi its umbrella
    sets, not the 100Mi its vendored chart's values say; read as a wrong finding). Each
    umbrella's values are composed once for all its subcharts (`roots`), without notifications:
    what is wrong with them is the umbrella's to report, where its own containers are read."""
    if parent is None or parent not in chart_values:
        return None
    source, text = chart_values[parent]
    if parent not in roots:
        documents = _compose(text, source, lambda notification: None)
        roots[parent] = documents[0].root if documents else None
    block = _value(roots[parent], _chart_name(chart))
    return (source, block) if isinstance(block, yaml.MappingNode) else None


def _chart_containers(chart: str, source: Source, text: str, notify, workload_templates: list[tuple[Source, str]],
                      defaults: helm_template.ChartDefaults,
                      overrides: tuple[Source, yaml.Node] | None = None,
                      subcharts: frozenset[str] = frozenset(),
                      included_templates: list[tuple[Source, str]] | None = None) -> list[Container]:
    """The containers of a Helm chart's values.yaml: each mapping (the top level, or a
    component's: `controller`, `webhookController`) holding `resources` (with `limits.memory`
    or without) and an `image` (a string, or `repository` or `name` with `registry` and `tag`);
    and the one `resources` and the one `image` of the values that no mapping holds together
    (cattage's `image` at the top level, its `controller.resources`; database-user-operator's
    the same beside a kube-rbac-proxy's mapping that holds both). `included_templates`: those
    defining a container that a workload template includes, whose command is read with theirs.
    The templates are not rendered: the chart's defaults are what is read."""
    documents = _compose(text, source, notify)
    if not documents:
        return []
    name = _chart_name(chart)
    found: list[Container] = []
    lone_images: list[tuple[str, tuple[str, ...]]] = []  # (image, the path of the mapping holding it)
    lone_resources: list[tuple[yaml.Node, tuple[str, ...]]] = []
    resources_read: dict[int, tuple[str, ...]] = {}  # by container, where the templates read its resources
    written_by: dict[int, int] = {}  # by container, the one workload template that writes it (its index)

    def run_as_written(made: Container, path: tuple[str, ...]) -> Container:
        """`made`, run as the templates writing the image at `path` of the values run it: its
        service account, pull policy, command and subcommand."""
        made.chart_accounts = _chart_accounts(path, workload_templates)
        made.loaded_by_hand = _never_pulled_by_templates(path, workload_templates)
        made.command, made.subcommand = _template_run(path, workload_templates + (included_templates or []))
        return made

    def container(node: yaml.Node, path: tuple[str, ...], image: str,
                  resources: tuple[yaml.Node, yaml.Node] | None = None, unset: bool = False,
                  read_as: tuple[str, ...] | None = None, image_path: tuple[str, ...] | None = None) -> Container:
        """The container of `image` with the `resources` (key, value) of `node`, or those given
        (at the top level's `resources`, under the key of the path's one component); `unset`:
        with none, shown at its `image` key; `read_as`: where the templates read the resources
        of `node`, when not at `path`; `image_path`: where the values hold the image, when not
        at `path` (a top-level `image` paired with `deployment.resources`)."""
        key, resources_value = resources or ((_get(node, "image")[0], None) if unset else _get(node, "resources"))
        written = source
        if overrides is not None and resources is None and not unset:
            # The umbrella's values for the same settings win (see _parent_values).
            holder = _value(overrides[1], *(read_as or (*path, "resources"))[:-1])
            if (overridden := _get(holder, "resources")) is not None:
                (key, resources_value), written = overridden, overrides[0]
        made = run_as_written(Container(source, f"Helm chart {name}", ".".join(path) or name, image, False,
                                        written.location(key), chart=chart,
                                        shown_names=_template_container_names(path, workload_templates,
                                                                              defaults.values)),
                             path if image_path is None else image_path)
        # `resources` without a memory limit (`resources: {}`) is kept too: what the chart
        # installs then has no limit, whatever a copy in the manifests sets. So are those no
        # template reads: the chart writes none (natz-operator's account-server chart keeps
        # a 128Mi limit under `controller.resources` that its Deployment never writes).
        read = ("resources", key.value) if resources else read_as or (*path, "resources")
        resources_read[id(made)] = read
        # Nor those read only where the defaults do not go: etcd-operator's chart writes its
        # 128Mi limit `if not .Values.etcdOperator.vpa.enabled`, and the VPA is on by default.
        if unset or not defaults.reads(*read) or defaults.read_only_where_off(read):
            return made
        for field_name in ("limits", "requests"):
            # Or by resource first, as some charts' templates map them (cluster-api-provider-
            # outscale's `resources.memory.limits`).
            pair = _get(_value(resources_value, field_name), "memory") or \
                _get(_value(resources_value, "memory"), field_name)
            if pair is not None and _text(pair[1]):
                setattr(made, f"{field_name}_memory", Setting(_text(pair[1]), written.location(*pair)))
        return made

    # Images by component, kept apart from the components' settings (hns' `image.manager`
    # beside its `manager.resources`).
    images = _value(documents[0].root, "image")
    keyed_images = {} if _values_image(images) is not None else \
        {key.value: image for key, value in _mapping_items(images) if (image := _values_image(value)) is not None}
    # And resources by component beside them (hibernator's `resources.controller` for its
    # `image.controller`): each pair is a container.
    resources = _value(documents[0].root, "resources")
    if keyed_images and _get(resources, "limits") is None and _get(resources, "requests") is None:
        for key, value in _mapping_items(resources):
            if key.value in keyed_images and isinstance(value, yaml.MappingNode):
                found.append(container(documents[0].root, (key.value,), keyed_images.pop(key.value), (key, value)))
    keyed_resources = bool(found)  # the top level's `resources` are then its components'
    pending: list[tuple[yaml.Node, tuple[str, ...]]] = [(documents[0].root, ())]
    while pending:
        node, path = pending.pop(0)
        if not isinstance(node, yaml.MappingNode):
            continue
        if len(path) == 1 and not defaults.reads(*path):
            continue  # no template reads it: settings for something else (autocache's sample cluster)
        if len(path) == 1 and path[0] in subcharts:
            continue  # a subchart's settings, which its own templates run (see _parent_values)
        # An image no template reads is not what the chart runs (nats-auth-operator's top-level
        # `image` and `resources`, beside the `controllerManager.manager` its Deployment writes).
        image = (_values_image(_value(node, "image")) if defaults.reads(*path, "image") else None) or \
            (keyed_images.get(path[-1]) if len(path) == 1 and defaults.reads("image", path[-1]) else None) or \
            _registry_image(_value(node, "image"), path, workload_templates) or _flat_image(node, path, defaults) or \
            _defaulted_image(documents[0].root, node, path, workload_templates) or \
            (_included_image(path, workload_templates, defaults) if path and _get(node, "resources") is not None
             else None)
        # A component the chart leaves off unless asked (`admission: {enable: false}`) is not
        # what `helm install` deploys.
        disabled = any(_text(_value(node, key)) in _FALSE for key in ("enabled", "enable")) or \
            bool(image) and bool(path) and defaults.read_only_where_off((*path, "image"))
        has_resources = _get(node, "resources") is not None and not (keyed_resources and not path)
        # Or under the image's own settings, as czertainly's charts keep them (`image.resources`).
        image_settings = _value(node, "image")
        if not has_resources and image and isinstance(image_settings, yaml.MappingNode) and \
                _get(image_settings, "resources") is not None and defaults.reads(*path, "image", "resources"):
            holder, has_resources, read_as = image_settings, True, (*path, "image", "resources")
        else:
            holder, read_as = node, None
        if not disabled:
            if has_resources and image:
                found.append(container(holder, path, image, read_as=read_as))
            elif image and not keyed_resources and _get(node, "image") is not None and \
                    any(_values_reference(path, "resources").search(t) for _, t in workload_templates):
                # Its templates write the `resources` its values leave out (benthos-captain's
                # are commented out): what the chart installs has no limit.
                found.append(container(node, path, image, unset=True))
            elif image:
                lone_images.append((image, path))
            elif has_resources:
                lone_resources.append((node, path))
        # Deeper only where a template reads the values (livekit-operator's
        # `livekitOperator.deployment.container.manager`).
        if len(path) < _MAX_VALUES_DEPTH or len(path) < _MAX_READ_VALUES_DEPTH and \
                defaults.paths_read is not None and defaults.reads(*path):
            pending += [(value, path + (key.value,)) for key, value in _mapping_items(node)
                        if key.value not in ("resources", "image")]

    def from_template(image: str, path: tuple[str, ...], written: _WrittenInTemplate,
                      template: int = 0) -> Container:
        """The container of `image` with the resources the workload template at index
        `template` writes, run as the templates writing the image at `path` of the values run it
        (run_as_written); named for the chart when that template is the chart's one (its
        container is often `{{ .Chart.Name }}`), else for its values."""
        template_lines = workload_templates[template][1].split("\n")
        made = Container(source, f"Helm chart {name}", ".".join(path) if len(workload_templates) > 1 else name,
                         image, False,
                         written.resources, chart=chart, limits_memory=written.limit, requests_memory=written.request,
                         shown_names=tuple(filter(None, [_enclosing_container_name(
                             template_lines, written.resources.line - 1)])))
        return run_as_written(made, path)

    # The chart's one workload template may write resources of its own and turn the values'
    # into something else: flux-shard-operator's `shard.resources` become flags for the
    # controllers it starts, its own container's 256Mi is written out (read as a wrong finding
    # when the values' 1Gi was taken for its limit).
    template_resources = _written_in_template(*workload_templates[0]) if len(workload_templates) == 1 and \
        len(lone_images) == 1 and len(lone_resources) == 1 and \
        _values_paths_written(workload_templates[0][1])[1] is None else None
    if template_resources is not None and template_resources.resources is not None:
        found.append(from_template(*lone_images[0], template_resources))
    elif len(lone_images) == 1 and len(lone_resources) == 1:
        found.append(container(*lone_resources[0], lone_images[0][0], image_path=lone_images[0][1]))
    elif not found and lone_images and lone_resources and len(workload_templates) == 1:
        # The chart's one workload template pairs them (istio-ratelimit-operator's
        # `operator.image` and top-level `resources`, beside the images of what it deploys).
        image_path, resources_path = _values_paths_written(workload_templates[0][1])
        image = next((image for image, path in lone_images if path == image_path), None)
        resources = next((pair for pair in lone_resources if pair[1] == resources_path), None)
        if image is not None and resources is not None:
            found.append(container(*resources, image, image_path=image_path))
    if not found and len(lone_images) + len(lone_resources) == 1 and len(workload_templates) == 1:
        # The other half written in the chart's one workload template, of one container.
        written = _written_in_template(*workload_templates[0])
        if written is not None and lone_resources and written.image:
            found.append(container(*lone_resources[0], written.image))
        elif written is not None and lone_images and written.resources is not None:
            found.append(from_template(*lone_images[0], written))
    if not found and lone_images and not lone_resources and len(workload_templates) > 1:
        # Each image the values give a component whose one template writes it with resources of
        # its own, or none: idle-scale's controller and agent templates ask 50Mi and set no limit.
        for image, path in lone_images:
            writing = [index for index, (_, text) in enumerate(workload_templates)
                       if _values_reference(path, "image").search(text)]
            written = _written_in_template(*workload_templates[writing[0]]) if len(writing) == 1 and path else None
            if written is not None:
                found.append(from_template(image, path, written, writing[0]) if written.resources is not None
                             else container(_value(documents[0].root, *path), path, image, unset=True))
                written_by[id(found[-1])] = writing[0]
    # What the workload template writing a container's resources (the chart's one, or the one of
    # several that reads them: epam-edp-tekton's reporter beside its interceptor) gives its
    # program to watch, with the chart's defaults.
    settings_of: dict[int, frozenset[str]] = {}
    for made in found:
        read = resources_read.get(id(made))
        writing = range(len(workload_templates)) if len(workload_templates) == 1 else \
            [written_by[id(made)]] if id(made) in written_by else [
            index for index, (_, text) in enumerate(workload_templates)
            if read is not None and _values_reference(read[:-1], read[-1]).search(text)]
        if len(writing) == 1:
            if writing[0] not in settings_of:
                settings_of[writing[0]] = _template_namespace_settings(*workload_templates[writing[0]], defaults)
            made.namespace_settings = settings_of[writing[0]]
    return found


# An environment variable a template writes (`- name: WATCH_NAMESPACE` then its `value:`, or
# its `valueFrom:` a `fieldRef`), and a flag it passes (`- --watch-namespace={{ ... }}`, or
# the flag alone, its value the next item).
_TEMPLATE_FLAG = re.compile(r"^[ \t]*-[ \t]*[\"']?(--?[A-Za-z][\w-]*)(?:=(.*?))?[\"']?[ \t]*\n"
                            r"(?:[ \t]*-[ \t]*(?![\"']?-)(.*))?", re.MULTILINE)


_TEMPLATE_ENV_NAME = re.compile(r"^([ \t]*)-[ \t]*name:[ \t]*[\"']?(\w+)[\"']?[ \t]*$", re.MULTILINE)
_TEMPLATE_ENV_VALUE = re.compile(r"^[ \t]*(?:value:[ \t]*(.*)|valueFrom:[ \t]*\n(?:[ \t]*\{\{[^\n]*\}\}[ \t]*\n)*"
                                 r"[ \t]*fieldRef:[ \t]*\n(?:[ \t]*apiVersion:.*\n)?[ \t]*fieldPath:[ \t]*[\"']?([\w.]+))",
                                 re.MULTILINE)


def _template_env_entries(written: str) -> list[tuple[str, str | None, str | None, int, int]]:
    """(name, value written, fieldRef path, where the value starts, where it ends) of each `env`
    entry a template writes, where the value is checked for rendering; an entry whose value an
    `if` on lines of their own chooses gives each branch's (nifikop's `WATCH_NAMESPACE`: the
    namespaces listed `{{- if .Values.namespaces }}`, `{{- else }}` its pod's namespace, which
    the chart's defaults take)."""
    found = []
    for name in _TEMPLATE_ENV_NAME.finditer(written):
        # The entry's lines: more indented than its `-`, or template actions, up to the next.
        end = position = name.end() + 1
        while position < len(written):
            line_end = written.find("\n", position)
            line = written[position:line_end if line_end >= 0 else len(written)]
            if line.strip() and not line.strip().startswith("{{") and _indent(line) <= len(name.group(1)):
                break
            end = position = line_end + 1 if line_end >= 0 else len(written)
        for value in _TEMPLATE_ENV_VALUE.finditer(written, name.end() + 1, end):
            found.append((name.group(2), value.group(1), value.group(2), value.start(), value.end()))
    return found


_TO_YAML_VALUES = re.compile(r"toYaml\s+\$?\.Values((?:\.\w+)+)\s*(?:\||$)")
_MAX_ACTION_LINES = 4


def _action_continued(written: str, value: str, end: int) -> str:
    """A template's value whose action a wrapped line continues (helmify folds long lines)
    (soperator's `value: {{ quote .Values...slurmOperatorWatchNamespaces` then `}}`): the
    whole action, when it closes within a few lines."""
    if value.count("{{") <= value.count("}}"):
        return value
    closing = written.find("}}", end)
    if closing < 0 or written.count("\n", end, closing) > _MAX_ACTION_LINES:
        return value
    return value + " " + " ".join(written[end:closing + 2].split())


def _template_namespace_settings(source: Source, text: str, defaults: helm_template.ChartDefaults) -> frozenset[str]:
    """The flags and variables that name a namespace to watch (_namespace_settings) in what a
    chart's workload template writes with the chart's defaults (helm_template): outside its
    blocks or in the `if` branches the defaults take, and in the named templates it so
    includes. percona-valkey-operator's chart passes `WATCH_NAMESPACE` as `{{ include
    "valkey-operator.watchNamespace" . }}`, the release's namespace unless
    `watchAllNamespaces` is set; evicted-pod-reaper's writes its variables in a named template,
    `REAPER_WATCH_NAMESPACES` under `if not .Values.reaper.watchAllNamespaces`."""
    env: dict[str, EnvVar] = {}
    arguments: list[str] = []

    def read(written: str, line_of: Callable[[int], int], depth: int) -> None:
        for name, value, field_path, at, end in _template_env_entries(written):
            if name in env or not defaults.rendered_at(written, at):
                continue
            line = line_of(at)
            where = Location(source.display, line, 1, line, 1)
            if field_path is not None:
                env[name] = EnvVar(name, None, where, f"fieldRef:{field_path}")
            elif (rendered := defaults.render(_action_continued(written, value, end))) is not None:
                env[name] = EnvVar(name, Setting(rendered, where), where)
        for flag in _TEMPLATE_FLAG.finditer(written):
            value = flag.group(2) if flag.group(2) is not None else flag.group(3)
            rendered = defaults.render(value) if value is not None else None
            if rendered is not None and defaults.rendered_at(written, flag.start()):
                arguments.append(f"{flag.group(1)}={rendered}")
        includes: list[tuple[str, int]] = []  # read after what this template writes itself
        for action in helm_template.ACTION.finditer(written):
            listed = _TO_YAML_VALUES.match(action.group(1))
            body = defaults.included(action.group(1)) if depth < _MAX_INCLUDES else None
            if (listed is None and body is None) or not defaults.rendered_at(written, action.start()):
                continue
            line = line_of(action.start())
            if body is not None:
                includes.append((body, line))
                continue
            # A list the values hold, written out whole: `env` entries, `args` flags.
            where = Location(source.display, line, 1, line, 1)
            for item in defaults.value(listed.group(1)) or ():
                if isinstance(item, str) and item.startswith("-"):
                    arguments.append(item)
                elif not isinstance(item, dict) or not isinstance(item.get("name"), str):
                    continue
                elif isinstance(item.get("value"), str):
                    env[item["name"]] = EnvVar(item["name"], Setting(item["value"], where), where)
                elif isinstance(field_path := helm_template.dig(item, "valueFrom", "fieldRef", "fieldPath"), str):
                    env[item["name"]] = EnvVar(item["name"], None, where, f"fieldRef:{field_path}")
        for body, line in includes:
            read(body, lambda _, line=line: line, depth + 1)  # what it writes is reported at the include

    read(text, lambda position: text.count("\n", 0, position) + 1, 0)
    return _namespace_settings(arguments, env)


_ITEM = re.compile(r"^([ \t]*)-[ \t]+")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))
_LITERAL_NAME = re.compile(r"^(?:-[ \t]+)?name:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)[\"']?[ \t]*$")
# Or a value of the chart's defaults (jaehanbyun's redis-operator: `name: {{ .Values.redisOperator.name }}`).
_VALUES_NAME = re.compile(r"^(?:-[ \t]+)?name:[ \t]*[\"']?\{\{-?[ \t]*\.Values\.([\w.]+)[ \t]*-?\}\}[\"']?[ \t]*$")


def _template_container_names(path: tuple[str, ...], templates: list[tuple[Source, str]],
                              values: Any = None) -> tuple[str, ...]:
    """The literal `name`s of the containers whose `resources` a chart's workload templates
    write from `.Values.<path>.resources` (hsm-secrets-operator's `controllerManager`, written
    into its container `manager`), none when one of them is not a literal; a reference below
    the block's first lines (`.Values.manager.resources.limits.memory`) names none. When some
    of those templates write the setting's image too, only their containers: age-secret-operator's
    GUI template gives its nginx container the controller's `resources`, and a message naming
    it among the Go containers was read as wrong. Of one template, only the containers that
    write it: cosmo's kube-rbac-proxy sidecar has the manager's `resources` and an image of its
    own (read as lumped in with the manager when named). Init containers only when no other
    container is named: velkir's `cert-bootstrap` runs the manager's image and `resources`
    once, with a flag that exits before any cache is built (read as wrong when named beside
    the manager). A name the templates take from the chart's `values` (its defaults, parsed) is
    that value."""
    reference, image = _values_reference(path, "resources"), _values_reference(path, "image")
    # By whether the container (else its template) writes the image: 2, 1, 0; at each rank, init
    # containers only when no other container is named.
    names: dict[int, set[str | None]] = {2: set(), 1: set(), 0: set()}
    init_names: dict[int, set[str | None]] = {2: set(), 1: set(), 0: set()}
    for _, text in templates:
        lines = text.split("\n")
        for match in reference.finditer(text):
            name, item = _enclosing_container(lines, text.count("\n", 0, match.start()), values)
            held = init_names if item and _runs_before_the_containers(lines, item) else names
            held[2 if any(image.search(lines[i]) for i in item) else 1 if image.search(text) else 0].add(name)
    for found in (*names.values(), *init_names.values()):
        found.discard(_NOT_A_RESOURCES_BLOCK)
    shown = names[2] or init_names[2] or names[1] or init_names[1] or names[0] or init_names[0]
    return () if None in shown else tuple(sorted(shown))


def _writes_no_yaml(line: str) -> bool:
    """Whether a template's line is blank, a comment, or starts with a template action (read
    as on a line of its own)."""
    return not line.strip() or line.strip().startswith(("{{", "#"))


_INIT_CONTAINERS_KEY = re.compile(r"^[ \t]*initContainers:")
_RESTARTS_ALWAYS = re.compile(r"^[ \t]*(?:-[ \t]+)?restartPolicy:[ \t]*[\"']?Always\b")


def _runs_before_the_containers(lines: list[str], item: range) -> bool:
    """Whether the list item (a container) at `item` of a template's lines is an init
    container that is not a sidecar (`restartPolicy: Always`): the key holding its list, the
    nearest line above it written less indented, or as indented and no item, is
    `initContainers:`."""
    dash = _indent(lines[item.start])
    for i in range(item.start - 1, -1, -1):
        if _writes_no_yaml(lines[i]) or _indent(lines[i]) > dash or \
                _indent(lines[i]) == dash and lines[i].lstrip().startswith("-"):
            continue
        return bool(_INIT_CONTAINERS_KEY.match(lines[i])) and \
            not any(_RESTARTS_ALWAYS.match(lines[j]) for j in item)
    return False


_NOT_A_RESOURCES_BLOCK = ""  # what _enclosing_container_name finds below a block's first lines


def _values_reference(path: tuple[str, ...], key: str) -> re.Pattern:
    """A template's reference to the values' `<path>.<key>` (`.Values.manager.image`, and below it)."""
    return re.compile(r"\.Values\." + re.escape(".".join(path + (key,))) + r"\b")


_LIST_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?(command|args):[ \t]*(.*?)[ \t]*$")
_ACTION_LINE = re.compile(r"^[ \t]*\{\{.*\}\}[ \t]*$")


def _template_lists(path: tuple[str, ...], templates: list[tuple[Source, str]]) -> dict[str, set]:
    """The `command` and `args` lists the chart's workload templates write in the container
    whose image is `.Values.<path>.image`: for each key, each list written, an item holding a
    template action as None (a list written by an action alone is left out)."""
    image = _values_reference(path, "image")
    found: dict[str, set] = {"command": set(), "args": set()}
    for _, text in templates:
        lines = text.split("\n")
        for match in image.finditer(text):
            index = text.count("\n", 0, match.start())
            item = _ITEM.match(lines[index])
            keys_at = len(item.group(0)) if item else _indent(lines[index])

            def item_at(line: str) -> bool:
                return (m := _ITEM.match(line)) is not None and len(m.group(0)) == keys_at

            start = next((i for i in range(index, -1, -1) if item_at(lines[i]) or
                          lines[i].strip() and not _ACTION_LINE.match(lines[i]) and _indent(lines[i]) < keys_at), index)
            written_here = {"command": set(), "args": set()}
            for i in range(start, len(lines)):
                line = lines[i]
                if i > start and line.strip() and not _ACTION_LINE.match(line) and \
                        (_indent(line) < keys_at or item_at(line)):
                    break  # the next container, or the end of the list
                key = _LIST_KEY.match(line)
                if key is None or i > start and _indent(line) != keys_at:
                    continue
                if key.group(2).startswith("["):
                    written = [part.strip().strip("\"'") for part in key.group(2).strip("[]").split(",") if part.strip()]
                elif key.group(2):
                    continue  # an action writes the list (`args: {{- include ... }}`)
                else:
                    written = []
                    for following in lines[i + 1:]:
                        if _ACTION_LINE.match(following):
                            continue
                        listed = _ITEM.match(following)
                        if listed is None or len(listed.group(1)) < keys_at - 2:
                            break
                        written.append(following[listed.end():].strip().strip("\"'"))
                written_here[key.group(1)].add(tuple(None if "{{" in part else part for part in written))
            for key, lists in written_here.items():
                # A container writing none runs the image's own (backup-restore's manager,
                # beside its web UI's `command: ["/webui"]` of the same image).
                found[key] |= lists or {()}
    return found


def _template_run(path: tuple[str, ...], templates: list[tuple[Source, str]]) -> tuple[tuple[str, ...], str | None]:
    """The container's `command` then `args` when the templates write one literal command, and
    its subcommand when they write one list of arguments whose first is a bare word: carina's
    scheduler chart runs `carina-scheduler`; kubegems' chart runs its one binary as `service`,
    `msgbus` and `worker` (`args:` written under `{{- else }}`, the chart's default), each a
    program of its own (their findings named the agent subcommand's cache, read as wrong)."""
    lists = _template_lists(path, templates)
    commands, arguments = lists["command"], lists["args"]
    command = next(iter(commands)) if len(commands) == 1 and None not in next(iter(commands)) else ()
    # The first argument; after the program's path for an image with no entrypoint (see _subcommand_named).
    firsts = {tuple(written[:2] if written and written[0] and written[0].startswith("/") else written[:1])
              for written in arguments}
    first = next(iter(firsts)) if len(firsts) == 1 else ()
    literal_args = next(iter(arguments)) if len(arguments) == 1 and None not in next(iter(arguments)) else ()
    return (command + literal_args if command else ()), \
        _subcommand_named(list(command), [argument for argument in first if argument])


_PULL_POLICY = re.compile(r"^[ \t-]*imagePullPolicy:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def _never_pulled_by_templates(path: tuple[str, ...], templates: list[tuple[Source, str]]) -> bool:
    """Whether the chart's workload templates that write `.Values.<path>.image` all write
    `imagePullPolicy: Never` as the one pull policy they write: the image is loaded into the
    nodes by hand (`kind load docker-image`), a development chart. Inplaceu's chart runs
    `controller:latest` so, and its finding was read as not worth a change."""
    image = _values_reference(path, "image")
    policies = [_PULL_POLICY.findall(text) for _, text in templates if image.search(text)]
    return bool(policies) and all(found and all(p.strip("\"'") == "Never" for p in found) for found in policies)


_WITH_ACTION = re.compile(r"[ \t]*\{\{-?\s*with\b")


def _enclosing_container_name(lines: list[str], index: int) -> str | None:
    """The literal `name` of the list item (a container) whose `resources` key is on or just
    above line `index`, read by indentation; template actions on lines of their own are
    skipped. None when the name is not a literal; _NOT_A_RESOURCES_BLOCK when no `resources`
    key is that near (`.Values.manager.resources.limits.memory`, deeper in the block)."""
    return _enclosing_container(lines, index)[0]


def _enclosing_container(lines: list[str], index: int, values: Any = None) -> tuple[str | None, range]:
    """_enclosing_container_name, and the lines of that list item (empty when none is found);
    with `values` (a chart's defaults, parsed), a name taken from them is that value."""
    key = next((i for i in range(index, max(index - 3, -1), -1) if _RESOURCES_KEY.match(lines[i])), None)
    if key is None and _WITH_ACTION.match(lines[index]) and index + 1 < len(lines) and \
            _RESOURCES_KEY.match(lines[index + 1]):
        key = index + 1  # `{{- with .Values.resources }}` above the key it writes (vault-access-operator's)
    if key is None:
        return _NOT_A_RESOURCES_BLOCK, range(0)
    keys_at = _indent(lines[key])
    start = None
    for i in range(key - 1, -1, -1):
        if _writes_no_yaml(lines[i]) or _indent(lines[i]) > keys_at:
            continue
        item = _ITEM.match(lines[i])
        if item and len(item.group(1)) >= keys_at:
            continue  # an item of a list under one of its keys (`args:` then `- --flag` below it)
        if item and len(item.group(0)) == keys_at:
            start = i
            break
        if _indent(lines[i]) < keys_at or item:
            return None, range(0)
    if start is None:
        return None, range(0)
    names, end = [], len(lines)
    for i in range(start, len(lines)):
        if i > start and not _writes_no_yaml(lines[i]) and _indent(lines[i]) < keys_at:
            end = i
            break
        if i == start or _indent(lines[i]) == keys_at and not _ITEM.match(lines[i]):
            if (name := _LITERAL_NAME.match(lines[i].strip())) is not None:
                names.append(name.group(1))
            elif values is not None and (read := _VALUES_NAME.match(lines[i].strip())) is not None:
                value = helm_template.dig(values, *read.group(1).split("."))
                names.append(value if isinstance(value, str) and _LITERAL_NAME.match(f"name: {value}") else None)
    return (names[0] if len(names) == 1 else None), range(start, end)


class _WrittenInTemplate(NamedTuple):
    """What a chart template writes of its one container, as text: its image's repository
    (tag left out) and its `resources`' memory limit and request, when literal."""
    image: str | None
    resources: Location | None
    limit: Setting | None
    request: Setting | None


_TEMPLATE_IMAGE = re.compile(r"^[ \t]*-?[ \t]*image:[ \t]*(.*)$", re.MULTILINE)
_QUOTED_ACTION = re.compile(r"\{\{-?\s*\"([^\"{}]*)\"\s*-?\}\}")
_RESOURCES_LINE = re.compile(r"^([ \t]*)resources:[ \t]*$", re.MULTILINE)
_MEMORY_LINE = re.compile(r"^[ \t]*memory:[ \t]*[\"']?([0-9][0-9.]*[A-Za-z]*)[\"']?[ \t]*$")


def _values_paths_written(text: str) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """(the path of the values mapping whose `image` a workload template of one `image:` line
    writes, that of the mapping whose `resources` it writes): `image: "{{ .Values.operator.image
    }}:{{ .Values.operator.tag }}"` is ("operator",), `resources: {{ toYaml .Values.resources }}`
    (or the action on the lines below it) is (); None for what it does not write so."""
    images = _TEMPLATE_IMAGE.findall(text)
    image_path = None
    if len(images) == 1 and (parts := helm_template.values_path_in(images[0])) and "image" in parts:
        image_path = parts[:parts.index("image")]
    resources_path = None
    block = _RESOURCES_LINE.search(text) or re.search(r"^[ \t]*resources:.*$", text, re.MULTILINE)
    if block is not None:
        parts = helm_template.values_path_in("\n".join(text[block.start():].split("\n", 3)[:3]))
        resources_path = parts[:-1] if parts and parts[-1] == "resources" else None
    return image_path, resources_path


def _written_in_template(source: Source, text: str) -> _WrittenInTemplate | None:
    """What the chart's workload template writes of its container (None unless it has one
    `image:`): the image with its actions removed, but for quoted strings, which render as
    themselves (stroom-k8s-operator's `{{ "gradata/stroom-k8s-operator" }}:{{ .Values.image.tag
    }}`), and the memory written in its `resources` block (azure-private-endpoint-operator's
    256Mi, its values holding only the image)."""
    images = _TEMPLATE_IMAGE.findall(text)
    if len(images) != 1:
        return None
    rendered = helm_template.ACTION.sub("", _QUOTED_ACTION.sub(r"\1", images[0])).strip().strip("\"'")
    repository = _full_repository(rendered)
    image = repository if repository and not re.search(r"\s", repository) else None
    block = _RESOURCES_LINE.search(text)
    if block is None:
        return _WrittenInTemplate(image, None, None, None)
    lines = text[block.end() + 1:].split("\n")
    first_line = text.count("\n", 0, block.start()) + 1
    found: dict[str, Setting] = {}
    section = None
    for offset, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if _indent(line) <= len(block.group(1)):
            break
        key = line.strip().split(":", 1)[0]
        if key in ("limits", "requests"):
            section = key
        elif (memory := _MEMORY_LINE.match(line)) and section and section not in found:
            number = first_line + offset
            found[section] = Setting(memory.group(1), Location(source.display, number, memory.start(1) + 1,
                                                               number, memory.end(1) + 1))
    resources = Location(source.display, first_line, len(block.group(1)) + 1, first_line, len(block.group(0)) + 1)
    return _WrittenInTemplate(image, resources, found.get("limits"), found.get("requests"))


def _values_image(node: yaml.Node | None) -> str | None:
    """The image a chart's values name: `image: repo:tag`, or `image: {registry, repository, tag}`
    (or `name` or `image` for `repository`: kubechecks', flanksource's and kafkaobjects-operator's
    charts; with both, `name` below the `repository` path: bifrost-gateway-controller's
    `ghcr.io/tv2-oss` and its controller's name)."""
    if isinstance(node, yaml.ScalarNode):
        return _text(node) or None
    repository, name = _text(_value(node, "repository")), _text(_value(node, "name"))
    if repository and name and "/" not in name and image_repository(repository) != name:
        repository += "/" + name
    # `image.image` (kafkaobjects-operator's, beside its `registry`).
    repository = repository or name or _text(_value(node, "image"))
    if not repository:
        return None
    registry, tag = _text(_value(node, "registry")), _text(_value(node, "tag"))
    return (f"{registry}/" if registry else "") + repository + (f":{tag}" if tag else "")


# An image in keys of its own beside the component's other settings (jaehanbyun's redis-operator:
# `redisOperator.imageName` and `imageTag`, whose chart, what its README installs, went unread and
# its scaffold was reported instead).
_FLAT_IMAGE_KEYS = ("imageName", "imageRepository")


def _flat_image(node: yaml.Node, path: tuple[str, ...], defaults: helm_template.ChartDefaults) -> str | None:
    """The image of values that name it in keys of their own (_FLAT_IMAGE_KEYS, with `imageTag`),
    when the templates read it."""
    for key in _FLAT_IMAGE_KEYS:
        repository = _text(_value(node, key))
        if repository and defaults.reads(*path, key):
            tag = _text(_value(node, "imageTag")) if defaults.reads(*path, "imageTag") else ""
            return repository + (f":{tag}" if tag else "")
    return None


# A template's `image:` opening with an action (`image: "{{ .Values.x.image.registry }}/...`).
_IMAGE_ACTION = r"^[ \t]*(?:-[ \t]+)?image:[ \t]*[\"']?\{\{-?\s*"


def _registry_image(settings: yaml.Node | None, path: tuple[str, ...],
                    templates: list[tuple[Source, str]]) -> str | None:
    """The image of values that give only its `registry` (and `tag`), the one repository the
    workload templates write after it in an `image:` (kubeswift's
    `image: {{ .Values.controllerManager.image.registry }}/controller-manager:...`: its chart,
    what the README installs, went unread and its scaffold was reported instead)."""
    registry = _text(_value(settings, "registry")) if isinstance(settings, yaml.MappingNode) else ""
    if not registry or _values_image(settings) is not None:
        return None
    written = re.compile(_IMAGE_ACTION + r"\.Values\." +
                         re.escape(".".join((*path, "image", "registry"))) + r"\s*-?\}\}/([\w.-]+(?:/[\w.-]+)*)",
                         re.MULTILINE)
    repositories = {found.group(1) for _, text in templates for found in written.finditer(text)
                    if _in_pod_document(text, found.start())}
    if len(repositories) != 1:
        return None
    tag = _text(_value(settings, "tag"))
    return f"{registry}/{repositories.pop()}" + (f":{tag}" if tag else "")


def _defaulted_image(values: yaml.Node, node: yaml.Node, path: tuple[str, ...],
                     templates: list[tuple[Source, str]]) -> str | None:
    """The image of a component whose `image` is left empty (`null`, `""`) for the one other
    value every workload template writing it falls back to in an `image:` (`{{ default
    .Values.global.imageK8S .Values.connectInject.image }}`, or `{{ .Values.connectInject.image |
    default .Values.global.imageK8S }}`): consul-k8s' umbrella chart runs its connect injector
    so, under 200Mi, and the chart went unread."""
    if not path or _get(node, "image") is None or _text(_value(node, "image")):
        return None
    own = re.escape(".".join((*path, "image")))
    written = re.compile(_IMAGE_ACTION + r"(?:default\s+\.Values\.([\w.]+)\s+\.Values\."
                         + own + r"|\.Values\." + own + r"\s*\|\s*default\s+\.Values\.([\w.]+))\s*-?\}\}",
                         re.MULTILINE)
    fallbacks = {found.group(1) or found.group(2) for _, text in templates for found in written.finditer(text)}
    if len(fallbacks) != 1:
        return None
    return _values_image(_value(values, *fallbacks.pop().split(".")))


def _included_image(path: tuple[str, ...], templates: list[tuple[Source, str]],
                    defaults: helm_template.ChartDefaults) -> str | None:
    """The image of a component whose values hold its `resources` and no image, as every
    container writing those resources includes it from a named template printing a repository
    after a value (ChartDefaults.included_image): Gameplane's operator runs `{{ include
    "gameplane.operatorImage" . }}`, `<image.registry>/operator` (its chart, what the README
    installs, went unread, and a scaffold nobody installs was reported instead)."""
    reference = _values_reference(path, "resources")
    images = set()
    for _, text in templates:
        lines = text.split("\n")
        for match in reference.finditer(text):
            _, item = _enclosing_container(lines, text.count("\n", 0, match.start()))
            written = [found.group(1) for i in item if (found := _TEMPLATE_IMAGE.match(lines[i]))]
            images.add(defaults.included_image(written[0]) if len(written) == 1 else None)
    return images.pop() if len(images) == 1 else None


_CONFIGURATION_KIND = re.compile(r"^kind:[ \t]*[\"']?(?:ConfigMap|Secret)\b", re.MULTILINE)


def _in_pod_document(template: str, at: int) -> bool:
    """Whether the line at `at` of a template is in a document that is no ConfigMap or Secret,
    whose text may name an image that no container of the chart runs."""
    start, end = template.rfind("\n---", 0, at), template.find("\n---", at)
    return not _CONFIGURATION_KIND.search(template, start + 1, end if end >= 0 else len(template))


def _chart_name(chart: str) -> str:
    try:
        with open(os.path.join(chart, "Chart.yaml"), encoding="utf-8", errors="replace") as handle:
            match = re.search(r"^name:[ \t]*[\"']?([\w.-]+)", handle.read(64 * 1024), re.MULTILINE)
    except OSError:
        match = None
    return match.group(1) if match else os.path.basename(chart)


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


# A template line that declares a workload, or a kind the values choose (`kind: {{ .Values.kind }}`).
_WORKLOAD_KIND = re.compile(_kind_line(WORKLOAD_KINDS) + r"|^[ \t-]*kind:[ \t]*\{\{", re.MULTILINE)
_DEPENDENCIES = re.compile(r"^dependencies:", re.MULTILINE)
# The key a `kind:` sits under when it names a workload rather than declares one (an HPA's
# `scaleTargetRef:`, a VPA's `targetRef:`).
_REFERENCE_LINE = re.compile(r"Ref:[ \t]*$")


def _declares_workload(text: str) -> bool:
    """Whether a template declares a workload: a `kind` of one that is not a reference to one
    (evicted-pod-reaper's hpa.yaml names its Deployment in `scaleTargetRef`)."""
    for kind in _WORKLOAD_KIND.finditer(text):
        line = kind.group(0)
        indent = len(line) - len(line.lstrip(" \t-"))
        if not indent or not _REFERENCE_LINE.search(_holder_line(text, kind.start(), indent)):
            return True
    return False


def _holder_line(text: str, line_start: int, indent: int) -> str:
    """The key a line starting at `line_start` sits under: the nearest line above it indented
    less than `indent` ("" when none is), read back line by line (splitting all the text above
    each workload of a large install file cost a fifth of a second on argo-cd's)."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        above = text[start:end]
        if above.strip() and len(above) - len(above.lstrip(" \t-")) < indent:
            return above
        end = start - 1
    return ""


# Helm's own mark, `deprecated: true` in a chart's Chart.yaml: its users are told not to install
# it (gardener's terminal-controller-manager charts, whose README points to gardener-operator:
# an SL101 finding on them was read as about a chart no one should install).
_DEPRECATED_CHART = re.compile(r"^deprecated:[ \t]*true[ \t]*(?:#.*)?$", re.MULTILINE)


def _deprecated_chart(chart: str) -> bool:
    """Whether a chart's Chart.yaml marks it deprecated."""
    return _DEPRECATED_CHART.search(_read(os.path.join(chart, "Chart.yaml"))) is not None


def _deploys_workloads(chart: str, charts_deploying: set[str]) -> bool:
    """Whether a subchart's values may run containers: a template of it or of a chart inside
    it declares a workload, or it depends on charts that are not in the tree (`dependencies`,
    requirements.yaml, packaged charts), whose templates may. Gardener's terminal chart has
    an `application` subchart with the manager's image and resources in its values and only
    RBAC and webhook configurations in its templates: its sibling `runtime` runs the manager.
    A chart at the top is what users install: its templates may be generated at release
    (open-feature-operator's, from its kustomize files) or written by a program (redpanda's
    gotohelm templates build their Deployment as a dict), so it counts whatever they hold."""
    parent = os.path.dirname(chart)
    if os.path.basename(parent) != "charts" or not os.path.isfile(os.path.join(parent, os.pardir, "Chart.yaml")):
        return True
    inside = chart + os.sep
    if any(root == chart or root.startswith(inside) for root in charts_deploying):
        return True
    if _DEPENDENCIES.search(_read(os.path.join(chart, "Chart.yaml"))) or \
            os.path.isfile(os.path.join(chart, "requirements.yaml")):
        return True
    for directory, _, names in os.walk(chart):
        # Packaged subcharts, and named templates (`_deployment.tpl`) that templates include.
        if any(name.endswith(".tgz") or name.endswith(".tpl") and _declares_workload(
                _read(os.path.join(directory, name))) for name in names):
            return True
    return False


def _chart_root(path: str) -> str | None:
    """The Helm chart (the nearest directory above with a Chart.yaml) that `path` belongs to."""
    return next((str(d) for d in PurePath(path).parents if os.path.isfile(os.path.join(d, "Chart.yaml"))), None)


# Deeper than any manifest; composing recurses once per level, and some libyaml builds
# recurse in C, where running out of stack is a crash rather than a RecursionError.
_MAX_NESTING = 256
_TOO_DEEP = f"YAML nested more than {_MAX_NESTING} levels deep; skipped"


# What may open a block collection at the start of a line: indentation, `- ` and `? `.
_LINE_PREFIX = re.compile(r"^[ \t?-]*", re.MULTILINE)


def _nesting_exceeds(text: str, limit: int) -> bool:
    """Whether collections nest deeper than `limit`, from the parser's event stream (which
    does not recurse); a parse error is left for the composer to report.

    Parsing is skipped when the text cannot nest that deep: a flow collection opens at a
    `[` or `{`, and a block collection one level below another either starts further right
    or is a sequence under a mapping key at the same column, so block nesting is at most
    twice the longest line prefix of blanks, `-` and `?`, plus one. (Parsing was a third of
    a warm run on a tree of 2,600 manifests.)"""
    flows = text.count("[") + text.count("{")
    if flows < limit and flows + 2 * max(map(len, _LINE_PREFIX.findall(text)), default=0) + 2 <= limit:
        return False
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limit:
                    return True
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return False
    return False


def _compose(text: str, source: Source, notify) -> list[_Document]:
    documents = []
    if _nesting_exceeds(text, _MAX_NESTING):
        notify(Notification(_TOO_DEEP, source.display))
        return []
    try:
        for root in yaml.compose_all(text, Loader=_Loader):
            if root is not None:
                documents.append(_Document(source, root))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        hint = "; template placeholders ({{ }}): lint the rendered output" if _TEMPLATE in text else ""
        notify(Notification(f"YAML does not parse: {problem}{hint}; "
                            f"{'the documents before it are checked' if documents else 'skipped'}",
                            source.display, mark.line + 1 if mark else 0))
    except RecursionError:  # the pure-Python composer, with a small recursion limit
        notify(Notification(_TOO_DEEP, source.display))
        return []
    return documents


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


# --- objects and containers --------------------------------------------------------------


def _objects(root: yaml.Node) -> list[yaml.Node]:
    """Kubernetes objects in a document: the document itself, or a List's items; not objects
    read back from a cluster (`kubectl get -o yaml`: a `resourceVersion` or `uid` in their
    metadata), which no one applies: ai-sovereign-finops-operator keeps its experiments' Jobs
    and Pods so, twelve findings of one reading."""
    kind = _text(_value(root, "kind"))
    if kind == "List" or (kind or "").endswith("List"):
        found = [item for item in _items(_value(root, "items")) if _text(_value(item, "kind"))]
    else:
        found = [root] if kind and _text(_value(root, "apiVersion")) else []
    return [obj for obj in found if _value(obj, "metadata", "resourceVersion") is None and
            _value(obj, "metadata", "uid") is None]


def _pod_spec(obj: yaml.Node, kind: str) -> yaml.Node | None:
    if kind == "Pod":
        return _value(obj, "spec")
    if kind == "PodTemplate":
        return _value(obj, "template", "spec")
    if kind == "CronJob":
        return _value(obj, "spec", "jobTemplate", "spec", "template", "spec")
    return _value(obj, "spec", "template", "spec")


def _namespace(obj: yaml.Node) -> str | None:
    return _text(_value(obj, "metadata", "namespace"))


@dataclass
class _EnvSource:
    """A ConfigMap's or Secret's keys, for envFrom and configMapKeyRef/secretKeyRef."""

    namespace: str | None
    values: dict[str, Setting]


def _env_sources(documents: list[_Document]) -> dict[tuple[str, str], list[_EnvSource]]:
    found: dict[tuple[str, str], list[_EnvSource]] = {}
    affixes = functools.cache(_name_affixes)  # a directory's kustomization, read once
    for doc in documents:
        for kind, source in _generated_env_sources(doc):
            found.setdefault(kind, []).append(source)
        for obj in _objects(doc.root):
            kind = _text(_value(obj, "kind"))
            name = _text(_value(obj, "metadata", "name"))
            if kind not in ("ConfigMap", "Secret") or not name:
                continue
            values = {}
            for section, encoded in (("data", kind == "Secret"), ("stringData", False)):
                data = _value(obj, section)
                if not isinstance(data, yaml.MappingNode):
                    continue
                for key_node, value_node in data.value:
                    key, value = _text(key_node), _text(value_node)
                    if key is None or value is None:
                        continue
                    if encoded:
                        try:
                            value = base64.b64decode(value, validate=True).decode("utf-8")
                        except (binascii.Error, UnicodeDecodeError):
                            continue
                    values[key] = Setting(value, doc.source.location(key_node, value_node))
            source = _EnvSource(_namespace(obj), values)
            renamed = {prefix + name + suffix for prefix, suffix in affixes(os.path.dirname(doc.source.abspath))}
            for known_as in {name} | renamed:
                found.setdefault((kind, known_as), []).append(source)
    return found


def _name_affixes(directory: str) -> set[tuple[str, str]]:
    """The `namePrefix` and `nameSuffix` pairs a kustomization gives the objects of
    `directory`: the one in it (cluster-api-provider-linode's `manager-credentials` Secret is
    deployed and referred to as `capl-manager-credentials`), and one beside it that lists it
    among its resources (cluster-api-provider-elemental's `config/default`, `namePrefix:
    elemental-`, over `../manager`, whose Deployment takes `elemental-controller-manager-envs`)."""
    found = {_affixes_of(_kustomization_in(directory))}
    parent = os.path.dirname(directory)
    for sibling in [parent] + [os.path.join(parent, name) for name in listdir(parent)]:
        if sibling == directory or not os.path.isdir(sibling):
            continue
        kustomization = _kustomization_in(sibling)
        listed = _kustomize_resources(kustomization)
        if any(isinstance(entry, str) and os.path.normpath(os.path.join(sibling, entry)) == directory
               for entry in listed):
            found.add(_affixes_of(kustomization))
    return found


def _affixes_of(kustomization: dict) -> tuple[str, str]:
    prefix, suffix = kustomization.get("namePrefix"), kustomization.get("nameSuffix")
    return prefix if isinstance(prefix, str) else "", suffix if isinstance(suffix, str) else ""


# kustomize's generators: the ConfigMaps and Secrets a kustomization makes from literals and
# env files (usage-metrics-collector's `metrics-cluster-config`, which its workloads take
# variables from); kustomize renames them with a hash and rewrites the references to match.
_GENERATORS = (("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret"))
_ENV_LINE = re.compile(r"^[ \t]*([A-Za-z_][\w.-]*)=(.*?)[ \t\r]*$", re.MULTILINE)


def _generated_env_sources(doc: _Document) -> list[tuple[tuple[str, str], _EnvSource]]:
    """The keys of the ConfigMaps and Secrets a kustomization's generators make: `literals`
    (`KEY=value`) and `envs` files beside it (lines `KEY=value`)."""
    if not isinstance(doc.root, yaml.MappingNode) or _value(doc.root, "kind") is not None and \
            _text(_value(doc.root, "kind")) not in ("Kustomization", "Component"):
        return []
    generated = []
    base = os.path.dirname(doc.source.abspath)
    for section, kind in _GENERATORS:
        for entry in _items(_value(doc.root, section)):
            name = _text(_value(entry, "name"))
            if not name:
                continue
            values = {}
            for literal in _items(_value(entry, "literals")):
                key, equals, value = (_text(literal) or "").partition("=")
                if equals and key.strip():
                    values[key.strip()] = Setting(value.strip(), doc.source.location(literal))
            single = _value(entry, "env")  # the older, single-file spelling
            for env_file in _items(_value(entry, "envs")) + ([single] if isinstance(single, yaml.ScalarNode) else []):
                text = _read(os.path.join(base, _text(env_file) or ""))
                for match in _ENV_LINE.finditer(text):
                    values.setdefault(match.group(1), Setting(match.group(2).strip("\"'"),
                                                              doc.source.location(env_file)))
            # Not the kustomization's `namespace`: kustomize gives it to the workloads too, whose
            # files still say their own (kubebuilder's `system`).
            generated.append(((kind, name), _EnvSource(_text(_value(entry, "namespace")), values)))
    return generated


def _lookup(env_sources, kind: str, name: str, namespace: str | None) -> _EnvSource | None:
    """The ConfigMap/Secret of that name; in the workload's namespace when both say one."""
    for candidate in env_sources.get((kind, name), []):
        if namespace is None or candidate.namespace is None or candidate.namespace == namespace:
            return candidate
    return None


# Workload API versions Kubernetes no longer serves (1.16 for the beta Deployments, DaemonSets
# and ReplicaSets, 1.25 for beta CronJobs): a manifest written in one cannot be applied, and
# is what a project left behind (do-agent's `apps/v1beta2` DaemonSet, read as not worth a
# change: its README installs the agent another way).
_REMOVED_WORKLOAD_APIS = frozenset({"extensions/v1beta1", "apps/v1beta1", "apps/v1beta2",
                                    "batch/v1beta1", "batch/v2alpha1"})


def _pod_specs(obj: yaml.Node) -> list[tuple[str, yaml.Node | None]]:
    """(workload, pod spec) of an object: a workload's own, or each of the Deployments an OLM
    ClusterServiceVersion installs (`spec.install.spec.deployments`: an operator's bundle).
    None of a workload in an API version no longer served (_REMOVED_WORKLOAD_APIS)."""
    kind = _text(_value(obj, "kind"))
    if kind in WORKLOAD_KINDS and _text(_value(obj, "apiVersion")) in _REMOVED_WORKLOAD_APIS:
        return []
    if kind in WORKLOAD_KINDS:
        name = _text(_value(obj, "metadata", "name")) or _text(_value(obj, "metadata", "generateName")) or \
            _placeholder_name(_value(obj, "metadata", "name")) or "?"
        return [(f"{kind}/{name}", _pod_spec(obj, kind))]
    if kind == _CSV:
        return [(f"Deployment/{_text(_value(item, 'name')) or '?'}", _value(item, "spec", "template", "spec"))
                for item in _items(_value(obj, "spec", "install", "spec", "deployments"))]
    return []


def _containers(doc: _Document, env_sources) -> list[Container]:
    found = []
    for obj in _objects(doc.root):
        namespace = _namespace(obj)
        if not NOT_DEPLOYED_WORDS.isdisjoint(words(namespace or "")):
            continue  # put in a namespace of tests or examples (`serving-tests`): not what users run
        bundle = _text(_value(obj, "kind")) == _CSV
        replicas = _text(_value(obj, "spec", "replicas"))
        for workload, spec in _pod_specs(obj):
            for container in _pod_containers(doc, spec, workload, namespace, env_sources):
                container.bundle = bundle
                container.replicas = int(replicas) if replicas and replicas.isdigit() and not bundle else None
                found.append(container)
    return found


def _pod_containers(doc: _Document, spec: yaml.Node | None, workload: str, namespace: str | None,
                    env_sources) -> list[Container]:
    found = []
    for key, init in (("initContainers", True), ("containers", False)):
        for node in _items(_value(spec, key)):
            if isinstance(node, yaml.MappingNode):
                found.append(_container(doc.source, node, workload, init, namespace, env_sources))
    account = _text(_value(spec, "serviceAccountName")) or _text(_value(spec, "serviceAccount")) or "default"
    for container in found:
        container.pod_containers = sum(not c.init for c in found)
        container.service_account = account
    return found


def _container(source: Source, node: yaml.Node, workload: str, init: bool, namespace: str | None,
               env_sources) -> Container:
    name_pair = _get(node, "name")
    container = Container(
        source, workload, _text(_value(node, "name")) or "?", _text(_value(node, "image")) or "", init,
        source.location(*name_pair) if name_pair else source.location(node),
        restarts=_text(_value(node, "restartPolicy")) == "Always",
        loaded_by_hand=_text(_value(node, "imagePullPolicy")) == "Never")
    for ref in _items(_value(node, "envFrom")):
        prefix = _text(_value(ref, "prefix")) or ""
        for key, kind in (("configMapRef", "ConfigMap"), ("secretRef", "Secret")):
            name = _text(_value(ref, key, "name"))
            if name is None:
                continue
            resolved = _lookup(env_sources, kind, name, namespace)
            if resolved is None:
                container.unresolved_env_from.append(f"{kind} {name}")
                continue
            for var, setting in resolved.values.items():
                container.env[prefix + var] = EnvVar(prefix + var, setting, setting.location)
    for entry in _items(_value(node, "env")):
        name = _text(_value(entry, "name"))
        if name:
            container.env[name] = _env_var(source, entry, name, namespace, env_sources)
    for field_name in ("limits", "requests"):
        pair = _get(_value(node, "resources", field_name), "memory")
        if pair is not None and (memory := _known_size(pair[1])) is not None:
            setattr(container, f"{field_name}_memory", Setting(memory, source.location(*pair)))
    liveness = _get(node, "livenessProbe")
    if liveness is not None and isinstance(liveness[1], yaml.MappingNode):
        container.liveness_probe = source.location(liveness[0])
        container.liveness_initial_delay = _seconds(liveness[1], "initialDelaySeconds", 0)
        # The kubelet's defaults: a probe every 10 s, a restart after 3 failures in a row.
        container.liveness_restart_after = container.liveness_initial_delay + \
            _seconds(liveness[1], "periodSeconds", 10) * _seconds(liveness[1], "failureThreshold", 3)
    container.startup_probe = isinstance(_value(node, "startupProbe"), yaml.MappingNode)
    command = _without_init_wrapper([_text(item) or "" for item in _items(_value(node, "command"))])
    args = [_text(item) or "" for item in _items(_value(node, "args"))]
    container.written_arguments = tuple(command + args)
    if command:
        container.command = tuple(command + args)
    container.subcommand = _subcommand_named(command, args)
    container.namespace_settings = _namespace_settings(args if not command else command + args, container.env)
    container.mounts = tuple(path for path in (_text(_value(mount, "mountPath"))
                                               for mount in _items(_value(node, "volumeMounts"))) if path)
    return container


# `--watch-namespace=ns`, `-namespace ns`: a flag and, when written in the same item, its value.
_FLAG = re.compile(r"--?([A-Za-z][\w-]*)(?:=(.*))?", re.DOTALL)


def _namespace_settings(arguments: list[str], env: dict[str, EnvVar]) -> frozenset[str]:
    """The flags (without dashes) and environment variables that give the program a namespace
    to watch (go_code.NAMESPACE_SETTING) or its node (go_code.NODE_SETTING), each with a value
    that is not empty (_names_something)."""
    named = {name for name, value in _flag_arguments(arguments)
             if (go_code.NAMESPACE_SETTING.fullmatch(name) or go_code.NODE_SETTING.fullmatch(name))
             and not value.startswith("-") and _names_something(value, env)}
    # Any variable named for a namespace: those the code reads one from (go_code.namespace_settings).
    named.update(variable.name for variable in env.values()
                 if (_NAMED_FOR_A_NAMESPACE.search(variable.name) or go_code.NODE_SETTING.fullmatch(variable.name))
                 and _names_something(variable, env))
    return frozenset(named)


_NAMED_FOR_A_NAMESPACE = re.compile("namespace", re.IGNORECASE)
_OLM_TARGET_NAMESPACES = re.compile(r"^fieldRef:metadata\.annotations\[.olm\.targetNamespaces.\]$")


def _olm_targets_some_namespaces(documents: list[_Document]) -> bool:
    """Whether the newest ClusterServiceVersion of the manifests (by `spec.version`) does not
    support installing in AllNamespaces mode: OLM's `olm.targetNamespaces` annotation, empty
    only in that mode, then names a namespace (ibm-monitoring-grafana-operator's newest bundles
    support OwnNamespace and SingleNamespace; a finding calling its cache cluster-wide was read
    as wrong)."""
    newest: tuple[tuple[int, ...], yaml.Node] | None = None
    for document in documents:
        if _text(_value(document.root, "kind")) != _CSV:
            continue
        spec = _value(document.root, "spec")
        version = tuple(int(part) for part in re.findall(r"\d+", _text(_value(spec, "version")) or ""))
        if newest is None or version > newest[0]:
            newest = version, spec
    if newest is None:
        return False
    return any(_text(_value(mode, "type")) == "AllNamespaces" and _text(_value(mode, "supported")) in _FALSE
               for mode in _items(_value(newest[1], "installModes")))


# The resources of the kinds that grow with the cluster, as RBAC rules name them (`secrets`).
_GROWING_RESOURCES = {go_code.plural(kind).lower(): kind for kind in go_code.GROWING_KINDS}
# An informer fills its store by listing and only then watches: a role that may watch a kind
# but not list it keeps none of it (acl-manager's get and watch of Secrets; its finding, which
# counted them, was read as wrong), one that may list it without watching lists it again.
_LISTING_VERBS = frozenset({"list", "*"})
# The API groups of those kinds, as RBAC rules name them ("" is the core group).
_GROWING_GROUPS = {"Deployment": {"apps", "extensions"}, "ReplicaSet": {"apps", "extensions"},
                   "StatefulSet": {"apps"}, "DaemonSet": {"apps", "extensions"}, "ControllerRevision": {"apps"},
                   "Job": {"batch"}, "EndpointSlice": {"discovery.k8s.io"},
                   "CustomResourceDefinition": {"apiextensions.k8s.io"}, "Event": {"", "events.k8s.io"}}


def _kinds_listed(rules: yaml.Node | None) -> set[str]:
    """The kinds that grow with the cluster that RBAC `rules` let list (_LISTING_VERBS; every
    object of the kind: not a rule restricted to `resourceNames`)."""
    found: set[str] = set()
    for rule in _items(rules):
        verbs = {_text(verb) for verb in _items(_value(rule, "verbs"))}
        if verbs.isdisjoint(_LISTING_VERBS) or _items(_value(rule, "resourceNames")):
            continue
        resources = {_text(resource) for resource in _items(_value(rule, "resources"))}
        # Of the rule's API groups: every group when they are not written (sloth's `*` of its
        # own `sloth.slok.dev` lists none of the cluster's kinds; read as wrong when it did).
        groups = {_text(group) or "" for group in _items(_value(rule, "apiGroups"))} or {"*"}
        kinds = go_code.GROWING_KINDS if "*" in resources else \
            [_GROWING_RESOURCES[r] for r in resources if r in _GROWING_RESOURCES]
        found.update(kind for kind in kinds if "*" in groups or not groups.isdisjoint(_GROWING_GROUPS.get(kind, {""})))
    return found


def _kinds_listed_cluster_wide(documents: list[_Document], rules_unknown: frozenset[str] = frozenset()
                               ) -> dict[str, frozenset[str] | None]:
    """By service account name, the kinds that grow with the cluster it may list in every
    namespace: through the ClusterRoles that ClusterRoleBindings of the manifests bind it
    to (by name: kustomize's prefixes rename both alike), or an OLM bundle's
    `clusterPermissions`; None when one of those ClusterRoles is not among the manifests,
    aggregates others or is named in `rules_unknown`. An account that RoleBindings bind and no
    ClusterRoleBinding or `clusterPermissions` does may list nothing in every namespace: empty
    (garm-operator's manager lists its Secrets through a Role of its own namespace; a finding
    calling its cache cluster-wide was read as wrong), unless it is the namespace's `default`
    account, whose cluster bindings are seldom in the project's tree. An account no binding
    names is absent: what it may list is not known.
    A cache cannot hold what its program may not list: cloud-ingress-operator reads one
    ConfigMap through its cached client, and its ClusterRole grants no ConfigMaps (a finding
    calling its cache cluster-wide was read as wrong)."""
    roles: dict[str, set[str] | None] = {}
    bound: dict[str, set[str]] = {}
    granted: dict[str, set[str]] = {}
    bound_in_a_namespace: set[str] = set()
    for document in documents:
        for obj in _objects(document.root):
            kind = _text(_value(obj, "kind"))
            if kind == "ClusterRole" and (name := _text(_value(obj, "metadata", "name"))):
                if _value(obj, "aggregationRule") is not None or name in rules_unknown:
                    roles[name] = None
                elif (listed := roles.setdefault(name, set())) is not None:
                    listed |= _kinds_listed(_value(obj, "rules"))
            elif kind == "ClusterRoleBinding" and _text(_value(obj, "roleRef", "kind")) == "ClusterRole":
                role = _text(_value(obj, "roleRef", "name")) or ""
                for name in _bound_service_accounts(obj):
                    bound.setdefault(name, set()).add(role)
            elif kind == "RoleBinding":
                bound_in_a_namespace.update(_bound_service_accounts(obj))
            elif kind == _CSV:
                for permission in _items(_value(obj, "spec", "install", "spec", "clusterPermissions")):
                    if name := _text(_value(permission, "serviceAccountName")):
                        granted.setdefault(name, set()).update(_kinds_listed(_value(permission, "rules")))
    found: dict[str, frozenset[str] | None] = {}
    for account in bound.keys() | granted.keys():
        kinds: set[str] | None = set(granted.get(account, ()))
        for role in bound.get(account, ()):
            listed = roles.get(role)
            if listed is None:
                kinds = None
                break
            kinds |= listed
        found[account] = None if kinds is None else frozenset(kinds)
    for account in bound_in_a_namespace - found.keys() - {"default"}:
        found[account] = frozenset()
    return found


def _bound_service_accounts(binding: yaml.Node) -> list[str]:
    """The service accounts a RoleBinding or ClusterRoleBinding names among its subjects."""
    return [name for subject in _items(_value(binding, "subjects"))
            if _text(_value(subject, "kind")) == "ServiceAccount" and (name := _text(_value(subject, "name")))]


# A ClusterRole or its binding, its kind written out or among a template's alternatives
# (`kind: {{ if .Values.namespaced }}Role{{ else }}ClusterRole{{ end }}`).
_CLUSTER_RBAC = re.compile(_kind_line(("ClusterRole", "ClusterRoleBinding")) +
                           r"|^[ \t-]*kind:[^\n]*\{\{[^\n]*\bClusterRole(?:Binding)?\b", re.MULTILINE)


def _names_the_object(obj: yaml.Node, line: int, lines: list[str]) -> bool:
    """Whether a template's line (from 0) writes only what names an object, not its rules:
    its `apiVersion` (`{{ template "rbac.apiVersion" . }}`), or its `metadata`, below that key
    and before the object's next one (`{{- include "chart.labels" . | nindent 4 }}` under
    `labels:`, or Helm 2's `{{ include ... | indent 4 }}` at the start of the line); after
    `metadata` as the object's last key, only what is indented under it (an `include` of the
    rules at the object's own indentation is not)."""
    keys = [key for key, _ in obj.value] if isinstance(obj, yaml.MappingNode) else []
    names = [key.value if isinstance(key, yaml.ScalarNode) else None for key in keys]
    if "apiVersion" in names and keys[names.index("apiVersion")].start_mark.line == line:
        return True
    if "metadata" not in names:
        return False
    at = names.index("metadata")
    start = keys[at].start_mark
    if at + 1 < len(keys):
        return start.line < line < keys[at + 1].start_mark.line
    return start.line < line <= obj.end_mark.line and _indent(lines[line]) > start.column


_SERVICE_ACCOUNT_NAME = re.compile(r"^[ \t]*serviceAccountName:[ \t]*(\S.*?)[ \t]*$", re.MULTILINE)


def _chart_accounts(path: tuple[str, ...], templates: list[tuple[Source, str]]) -> frozenset[str]:
    """The service accounts a chart's container at `.Values.<path>` runs as: those of the
    workload templates that write its image (all of them when none does), each its
    `serviceAccountName` with its actions made words (helm_template.as_word), else `default`.
    opendepot's chart runs five controllers, a server and a UI, each under an account of its
    own; its version controller's cache was judged by all seven accounts' roles, one of them
    bound to none, so not known."""
    image = _values_reference(path, "image")
    templates = [written for written in templates if image.search(written[1])] or templates
    accounts = {helm_template.as_word(written.group(1)).strip("\"'") for _, text in templates
                for written in _SERVICE_ACCOUNT_NAME.finditer(text)}
    if any(not _SERVICE_ACCOUNT_NAME.search(text) for _, text in templates):
        accounts.add("default")
    return frozenset(accounts)


def _chart_kinds_listed_by_account(rbac_templates: list[tuple[Source, str]]) -> dict[str, frozenset[str]] | None:
    """The kinds that grow with the cluster that each service account may list in every
    namespace, read from a chart's templates' ClusterRoles and ClusterRoleBindings with their
    actions set aside (helm_template.set_aside_actions: a rule under a condition counts as
    granted, a name the same action writes on both sides matches); an account bound to no
    ClusterRole or to one not known is not among them (see _kinds_listed_cluster_wide), such
    as one where an action writes anything outside its metadata (`toYaml .Values.rules`, an
    `include`, a `range`). None when a template offers alternatives the defaults do not decide
    (`{{- else }}`: a ClusterRole or a Role; the caller picks those they decide:
    ChartDefaults.with_alternatives_picked), or when one does not read as YAML.
    pocketbase-operator's chart binds its manager to a ClusterRole that lists no Deployments
    nor ConfigMaps; a finding calling them cached cluster-wide was read as wrong."""
    if any(helm_template.ALTERNATIVE.search(text) for _, text in rbac_templates):
        return None
    documents: list[_Document] = []
    rules_unknown: set[str] = set()
    for source, text in rbac_templates:
        plain, writing = helm_template.set_aside_actions(text)
        unreadable: list[Notification] = []  # a template's notes are not the user's: set aside, not said
        composed = _compose(plain, source, unreadable.append)
        if unreadable:
            return None
        lines = text.split("\n")
        documents += composed
        for document in composed:
            for obj in _objects(document.root):
                if _text(_value(obj, "kind")) != "ClusterRole":
                    continue
                if any(obj.start_mark.line <= line <= obj.end_mark.line and not _names_the_object(obj, line, lines)
                       for line in writing):
                    rules_unknown.add(_text(_value(obj, "metadata", "name")) or "")
    return _kinds_listed_cluster_wide(documents, frozenset(rules_unknown))


_VARIABLE_REFERENCE = re.compile(r"\$\((\w+)\)")
# What programs take for every namespace: soperator's chart passes `SLURM_OPERATOR_WATCH_NAMESPACES:
# '*'`, and its code scopes the cache only to a namespace that is neither empty nor `*`.
_EVERY_NAMESPACE = frozenset({"*"})


def _names_something(value: str | EnvVar, env: dict[str, EnvVar]) -> bool:
    """Whether an argument's value or a variable is not empty: written (not `*`, every
    namespace: _EVERY_NAMESPACE), the pod's own namespace
    or node (`fieldRef: metadata.namespace`, `spec.nodeName`), or a `$(VARIABLE)` of the
    container that is. Not OLM's `olm.targetNamespaces` annotation, empty when the operator
    watches all of them, nor a variable read from elsewhere."""
    if isinstance(value, EnvVar):
        if value.source in ("fieldRef:metadata.namespace", "fieldRef:spec.nodeName"):
            return True
        if value.value is None:
            return False
        value = value.value.text
    value = value.strip("\"' ")
    reference = _VARIABLE_REFERENCE.fullmatch(value)
    if reference is None:
        return bool(value) and value not in _EVERY_NAMESPACE
    variable = env.get(reference.group(1))
    return variable is not None and not _VARIABLE_REFERENCE.search(variable.value.text if variable.value else "") \
        and _names_something(variable, env)


_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh"})
# Init processes that reap zombies and exec the command after them (`tini -- kluctl webui run`).
_INIT_WRAPPERS = frozenset({"tini", "dumb-init", "catatonit"})


def _without_init_wrapper(command: list[str]) -> list[str]:
    """The command an init process runs (kluctl's webui: `tini -- kluctl webui run`, the
    `webui` subcommand of its one binary), else the command as written."""
    if not command or os.path.basename(command[0]) not in _INIT_WRAPPERS:
        return command
    rest = command[1:]
    while rest and rest[0].startswith("-") and rest[0] != "--":
        rest = rest[1:]  # the wrapper's own flags (`tini -g`, `dumb-init --single-child`)
    return rest[1:] if rest[:1] == ["--"] else rest
# The programs an inline script runs by path, at the start of a command (`/ip-control-loop
# -log-level debug` after `source /install-cni.sh`: whereabouts' Go binary, named apart from its
# directory); system tools' directories and scripts are not the image's program.
_COMMANDS = re.compile(r"(?:^|[\n;&|(]|&&|\|\|)\s*(?:exec\s+)?(\.{0,2}/[\w./-]+)")
_SYSTEM_DIRS = ("/bin/", "/sbin/", "/usr/", "/dev/", "/tmp/", "/proc/", "/etc/")


# Words that name an image as a test's: stackrox's `qa-multi-arch`, which its CI deploys as
# a webhook receiver for notifier tests, is no service anyone runs; nor is valet's
# `provider-mock`, the mock provider its tests run beside the real ones. Nor is one tagged so:
# benchhandoff's `config/manager` runs `benchhandoff-agentrun-controller:e2e`, which only its
# end-to-end script builds and loads into a kind cluster (read as a manifest nobody installs).
_TEST_IMAGE_WORDS = frozenset({"test", "tests", "e2e", "qa", "mock", "mocks"})
# And a tag naming a local build (KusionStack rollout's `config/kind` runs `rollout:local-up`,
# which its demo script builds and loads into kind: read as a demo's manifest). Not the
# repository's words: `local-path-provisioner` is a program anyone runs.
_LOCAL_BUILD_TAG_WORDS = frozenset({"local"})
# Windows' shells: a DaemonSet of Windows nodes whose command is a PowerShell script
# (terway's `pwsh.exe -File entrypoint.ps1`) copies its Go program to the host and starts it
# there through rancher-wins, outside the container, its limit and its environment.
_POWERSHELLS = frozenset({"pwsh", "pwsh.exe", "powershell", "powershell.exe"})


def _checks_cache_mutations(container: Container) -> bool:
    """Whether the container turns on client-go's cache mutation detector, a check for tests
    that keeps a copy of every cached object: a development install (kruise's `config/manager`,
    with every feature gate on; its users install a chart kept elsewhere: read as not worth a
    change)."""
    detector = container.env.get("KUBE_CACHE_MUTATION_DETECTOR")
    return detector is not None and detector.value is not None and detector.value.text in _PARSED_TRUE


# What Go's strconv.ParseBool, which client-go reads the detector's variable with, takes for true.
_PARSED_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})


def _pulled_from_a_developers_registry(container: Container) -> bool:
    """Whether the container's image, as the kustomization beside it renames it, comes from a
    registry that only a developer's or CI's network resolves: a host of one label and a port
    (`make deploy IMG=local-registry:5000/...` left mapserver-operator's `config/manager` so,
    beside a test storage class: read as not worth a change). Not a registry on the node
    (`localhost:32000`, `127.0.0.1:32123`: microk8s', which the one install users copy and
    edit may name: aws-ecr-image-pull-secret-controller's, read as worth a change), nor a
    domain's, ports or not."""
    # Not as an overlay renames it: a base that a local overlay alone renames is what `make
    # deploy IMG=...` installs.
    host, slash, _ = (_renamed_beside(container) or container.image).partition("/")
    name, colon, port = host.partition(":")
    return bool(slash and colon) and port.isdigit() and name != "localhost" and _ONE_LABEL.fullmatch(name) is not None


_ONE_LABEL = re.compile(r"[A-Za-z][\w-]*")


# Containers of development installs, with what the run says of them (verb, plural, what):
# marked so by their own pull policy, or another container's for the same local image; or
# checking client-go's cache for tests; or pulling from a developer's registry; or left-over
# scaffolds, which no one installs as written.
_DEVELOPMENT = (
    (lambda c: c.loaded_by_hand,
     ("runs", "run", "an image loaded onto the node by hand (imagePullPolicy: Never), for development")),
    (_checks_cache_mutations,
     ("turns", "turn", "on client-go's cache mutation detector (KUBE_CACHE_MUTATION_DETECTOR=true), "
                       "a check for tests")),
    (_pulled_from_a_developers_registry,
     ("runs", "run", "an image from a registry only a developer's network resolves (a host name of no "
                   "domain, with a port), for development")),
    (lambda c: c.left_over_scaffold,
     ("is", "are", "a left-over kubebuilder scaffold that cannot start as written (its command names no "
                   "program its project's Dockerfiles build, or it passes no value for a flag its manager "
                   "requires)")),
)


def _runs_powershell(container: Container) -> bool:
    program = container.command[0].replace("\\", "/").rsplit("/", 1)[-1] if container.command else ""
    return program.lower() in _POWERSHELLS


def runs_a_script_instead(container: Container, program: str) -> bool:
    """Whether the container's command replaces its image's program with a shell script that
    does not start it: a script from a mounted volume (podinfo's cron jobs run `/bin/sh
    /scripts/warm-cache.sh`, which calls curl, in the podinfo image), or an inline `-c` script
    that never names `program` nor runs another program by its path. A script baked into the
    image may start the program: kept."""
    command = container.command
    if not command or command[0].rsplit("/", 1)[-1] not in _SHELLS:
        return False
    if "-c" in command:
        script = " ".join(command[command.index("-c") + 1:])
        return not re.search(rf"(?<![\w-]){re.escape(program)}(?![\w-])", script) and \
            not any(not path.endswith(".sh") and not path.startswith(_SYSTEM_DIRS) for path in _COMMANDS.findall(script))
    script = next((word for word in command[1:] if not word.startswith("-")), "")
    return any(script.startswith(mount.rstrip("/") + "/") for mount in container.mounts)


def _seconds(probe: yaml.Node, key: str, default: int) -> int:
    text = _text(_value(probe, key))
    return int(text) if text and re.fullmatch(r"[0-9]+", text) else default


def _env_var(source: Source, entry: yaml.Node, name: str, namespace, env_sources) -> EnvVar:
    where = source.location(entry)
    value_pair = _get(entry, "value")
    if value_pair is not None:
        # `value:` left empty (null) gives the process an empty string, which Go reads as unset.
        null = isinstance(value_pair[1], yaml.ScalarNode) and value_pair[1].tag == "tag:yaml.org,2002:null"
        # A Go runtime variable is a size or a switch that the rules read.
        text = "" if null else _known_size(value_pair[1]) if name in GO_RUNTIME_VARIABLES else _text(value_pair[1])
        # An unquoted number or `off` is still the string the process gets.
        return EnvVar(name, Setting(text, source.location(value_pair[1])) if text is not None else None, where)
    value_from = _value(entry, "valueFrom")
    resource = _value(value_from, "resourceFieldRef")
    if resource is not None:
        return EnvVar(name, None, where, f"resourceFieldRef:{_text(_value(resource, 'resource')) or ''}",
                      _text(_value(resource, "divisor")) or "")
    for key, kind in (("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret")):
        ref = _value(value_from, key)
        if ref is None:
            continue
        resolved = _lookup(env_sources, kind, _text(_value(ref, "name")) or "", namespace)
        setting = resolved.values.get(_text(_value(ref, "key")) or "") if resolved else None
        return EnvVar(name, setting, where, key)
    field_path = _text(_value(value_from, "fieldRef", "fieldPath"))
    if field_path is not None:
        return EnvVar(name, None, where, f"fieldRef:{field_path}")
    return EnvVar(name, None, where, "valueFrom" if value_from is not None else "")


# --- which containers run Go -------------------------------------------------------------


# An environment variable's source when it is given the container's memory limit.
MEMORY_LIMIT_REF = "resourceFieldRef:limits.memory"

# A `go build` or `go install` in a Dockerfile's RUN, up to the end of its shell command.
_GO_BUILD_COMMAND = re.compile(r"\bgo\s+(?:build|install)\b([^\n&;|]*)")
_CONTINUED_LINE = re.compile(r"\\\r?\n")
# A package by its path from the module's root (`./cmd/api`, `.`), a main file by its path,
# with or without `./` (Meridio-2's `cmd/stateless-load-balancer/main.go`), or a directory's
# files by a shell glob (whizard's `cmd/monitoring-gateway/*`, `cmd/api/*.go`): the directory.
_GO_BUILD_TARGET = re.compile(r"(?<!\S)(?:\./([^\s*]*)(?:/\*(?:\.go)?)?(?!\S)|(\.)(?!\S)|([\w.-]+(?:/[\w.-]+)*\.go)(?!\S)"
                              r"|([\w.-]+(?:/[\w.-]+)*)/\*(?:\.go)?(?!\S))")
_OUTPUT_FLAG = re.compile(r"(?<!\S)-o(?:\s+|=)\S+")  # `-o ./bin/manager`: what it writes


# A Dockerfile's RUN line running make, and the targets it names (`RUN make build-gateway`).
_MAKE_RUN = re.compile(r"^\s*RUN\b[^\n]*?\bmake\s+([^\n&;|]+)", re.MULTILINE | re.IGNORECASE)
# What `make` is told of the platform to build for (`GOOS=${TARGETOS}`): not which program.
_BUILD_PLATFORM_VARIABLES = frozenset({"GOOS", "GOARCH", "GOARM", "GOAMD64", "CGO_ENABLED", "TARGETOS",
                                       "TARGETARCH", "TARGETPLATFORM", "VERSION", "LDFLAGS", "GOFLAGS"})
# What names the directory make runs in, the module's root where a Dockerfile runs it.
_MAKE_WORKING_DIRECTORY = re.compile(r"\$[({](?:shell[ \t]+pwd|CURDIR|PWD)[)}]")


def _make_recipes(makefile: str, arguments: str) -> str:
    """The recipe lines of the targets make is run with (its `arguments`) in a Makefile,
    continued lines joined and its variables resolved (those the arguments set first), the
    directory make runs in written `.`; empty when it has none, or when the arguments name
    another Makefile or directory (`-f`, `-C`), which this does not follow."""
    words = arguments.split()
    if any(word.startswith(("-C", "-f", "--directory", "--file", "--makefile")) for word in words):
        return ""
    # A variable set on the command line wins over the Makefile's (`make build COMPONENT=relay`);
    # one set from the Dockerfile's (`COMPONENT=${APP}`) is not known.
    values = dict(word.split("=", 1) for word in words if "=" in word and not word.startswith("-"))
    if any("$" in value for name, value in values.items() if name not in _BUILD_PLATFORM_VARIABLES):
        return ""
    targets = " ".join(word for word in words if not word.startswith("-") and "=" not in word)
    makefile = _MAKE_WORKING_DIRECTORY.sub(".", makefile)
    values = _makefile_values(makefile) | values
    lines = list(_logical_lines(makefile))
    recipes = []
    for target in targets.split():
        rule = re.compile(r"^(?:[\w.-]+[ \t]+)*" + re.escape(target) + r"(?:[ \t]+[\w.-]+)*[ \t]*:(?!=)")
        for index, (_, line) in enumerate(lines):
            if rule.match(line):
                for _, recipe in lines[index + 1:]:
                    if not recipe.startswith("\t"):
                        break
                    recipes.append(_make_resolved(recipe, values))
                break
    return "\n".join(recipes)


def _go_build_targets(dockerfile: str) -> list[str]:
    r"""The packages and main files a Dockerfile names to `go build` (or install), as written
    from the build's directory (`./...` is "", the directory itself "."); a RUN continued over
    lines (`go build \` then `-ldflags=...` then the package: Meridio-2's router) is one
    command. Not its output (`-o ./bin/manager`)."""
    return [(relative or here or main_file or globbed).replace("...", "").rstrip("/")
            for command in _GO_BUILD_COMMAND.findall(_CONTINUED_LINE.sub(" ", dockerfile))
            for relative, here, main_file, globbed in _GO_BUILD_TARGET.findall(_OUTPUT_FLAG.sub(" ", command))]


# A Dockerfile's ENTRYPOINT, its first word (exec form or shell form); its COPY and ADD lines;
# a script's line that runs its arguments.
_ENTRYPOINT = re.compile(r"^\s*ENTRYPOINT\s+(?:\[\s*\"([^\"]+)\"|([^\s\[]\S*))", re.MULTILINE | re.IGNORECASE)
_COPY_LINE = re.compile(r"^\s*(?:COPY|ADD)\s+(.+)$", re.MULTILINE | re.IGNORECASE)
_RUNS_ARGUMENTS = re.compile(r"\$\{?@|\$\{?\*")
# How far above a Dockerfile its build context may be (`image/agent/Dockerfile` built from the root).
_BUILD_CONTEXT_DEPTH = 3
_DECLARES_MAIN = re.compile(rb"^func main\(\)", re.MULTILINE)


def _built_files(before: frozenset[str] | None, files: frozenset[str] | None) -> frozenset[str] | None:
    """The files of a main package that builds name, `files` added to `before`: None (the
    whole package) once any build names the package."""
    return None if before is None or files is None else before | files


# A script's line that starts a program in the background (`gobgpd --api-hosts ... &`, not
# `a && b`), and one that replaces the shell with a program (`exec manager`).
_BACKGROUNDED = re.compile(r"^[ \t]*((?:nohup[ \t]+)?[^\s&|;#=()]+(?:[ \t][^\n&]*?)?)[ \t]*&[ \t]*$", re.MULTILINE)
_EXECUTED = re.compile(r"^[ \t]*exec[ \t]+([^\s;&|]+)", re.MULTILINE)


def _copied_module(directory: str, source: str) -> str | None:
    """The root of the module a COPY source of a Dockerfile in `directory` takes in whole (a
    directory holding a go.mod) or the Go files of (`server/*.go`), in its build context
    (_in_build_context): openclaw-swarm's console Dockerfiles, built from the repository's
    root, copy in `web/admin-console/server/*.go`."""
    if os.path.basename(source) == "*.go":
        source = os.path.dirname(source)
    copied = _in_build_context(directory, source, os.path.exists)
    return copied if copied is not None and os.path.isfile(os.path.join(copied, "go.mod")) else None


def _in_build_context(directory: str, source: str, holds: Callable[[str], bool]) -> str | None:
    """Where a COPY source of a Dockerfile in `directory` is: in the Dockerfile's directory as
    the build context, else in the first of the few above it where `holds` finds it (that one
    is the build's context); None when none does."""
    return next((path for context in _and_above(directory, _BUILD_CONTEXT_DEPTH + 1)
                 if holds(path := os.path.normpath(os.path.join(context, source)))), None)


def _copied_sources(dockerfile: str, stages: bool = False) -> list[str]:
    """What a Dockerfile's COPY and ADD lines take from the build context (not from another
    stage, `--from`, unless `stages`), in shell or JSON form (`COPY ["backend/", "./"]`), as
    written."""
    return [source for copy in _copies(dockerfile, stages) for source in copy.sources]


class _Copy(NamedTuple):
    """A COPY or ADD line of a Dockerfile: what it takes (see _copied_sources), where it puts
    it, as written, and whether it takes it from another stage (`--from`)."""
    sources: list[str]
    destination: str
    from_stage: bool


def _copies(dockerfile: str, stages: bool = False) -> list[_Copy]:
    """Each COPY and ADD line of a Dockerfile (_Copy); those from another stage with `stages`."""
    found = []
    for line in _COPY_LINE.findall(_CONTINUED_LINE.sub(" ", dockerfile)):
        from_stage = "--from" in line
        if from_stage and not stages:
            continue
        words = [word for word in line.split() if not word.startswith("--")]
        if words and words[0].startswith("["):
            try:
                words = json.loads(" ".join(words))
            except ValueError:
                continue
        if len(words) > 1 and isinstance(words[-1], str):
            found.append(_Copy([word for word in words[:-1] if isinstance(word, str) and (stages or not word.startswith("/"))],
                               words[-1], from_stage))
    return found


# A Dockerfile line that downloads source to build, and what a COPY of Go source from the
# build context looks like (the context itself, a Go file, the module's files, a source tree).
_FETCHES_SOURCE = re.compile(r"\bgit\s+clone\b|\b(?:curl|wget)\b[^\n]*(?:\.tar|\.zip|archive/)|^\s*ADD\s+https?://",
                             re.MULTILINE | re.IGNORECASE)
_GO_SOURCE = re.compile(r"^\.?/?$|\.go$|^go\.(?:mod|sum)$|^(?:cmd|pkg|internal|api|controllers?)\b")

# The image kubebuilder's scaffold gives the manager in config/manager/manager.yaml.
_KUBEBUILDER_IMAGE = "controller"
_MAX_CHART_DEPTH = 3  # how far below its project a scaffold's chart, or manifest, is looked for (`deploy/charts/name`)
_RUNS_BY_COMMAND = "its command runs "  # how a container known by its command is said to be Go
# A Dockerfile's comment lines: kubebuilder's say "Build the manager binary" whatever the binary.
_COMMENT_LINES = re.compile(r"^\s*#.*$", re.MULTILINE)


# `helm repo add tarantool https://tarantool.github.io/helm-charts/` in a project's docs, or
# a chart installed from an OCI registry (`helm upgrade -i cf-service-operator
# oci://ghcr.io/sap/cf-service-operator-helm/cf-service-operator`).
_HELM_REPO_ADD = re.compile(r"\bhelm\s+(?:repo\s+add\s+[\w.-]+\s+(?:[\"']?)((?:https?|oci)://[^\s\"'`)]+)"
                            r"|(?:install|upgrade)\b[^\n`]*?[\"']?(oci://[^\s\"'`)]+))")
# A link to a Git host's repository whose name says it holds Helm charts (`memgraph-operator-helm`,
# `helm-charts`): group 1 is its owner, group 2 the repository's name.
_CHART_REPOSITORY_LINK = re.compile(r"https?://(?:github\.com|gitlab\.com)/([\w.-]+)/([\w.-]*(?:helm|charts?)[\w.-]*)",
                                    re.IGNORECASE)
# A link to a chart's directory in a Git repository (`github.com/amazeeio/charts/tree/main/charts/aergia`),
# on a line that says to install it: group 1 is the link, group 2 the chart's directory name.
_CHART_DIRECTORY_INSTALLED = re.compile(r"^(?=[^\n]*\binstall)[^\n]*?(https?://(?:github\.com|gitlab\.com)/[\w.-]+/"
                                        r"[\w.-]+/(?:-/)?(?:tree|blob)/[\w.-]+/(?:[\w.-]+/)*?charts?/([\w.-]+))",
                                        re.IGNORECASE | re.MULTILINE)
# Words of a repository's address that say nothing of whose charts it holds.
_ADDRESS_WORDS = frozenset({"https", "http", "oci", "www", "github", "gitlab", "io", "com", "org", "net", "dev",
                            "charts", "chart", "helm", "helm-charts", "operator", "operators", "controller", "k8s",
                            "kubernetes", "kube", "stable", "releases", "pages"})
_MAX_DOC_BYTES = 256 * 1024


def _helm_repository_installing(project: str) -> str | None:
    """The Helm repository that a kubebuilder project's docs (its README, or a Markdown file
    in or below its `docs`) add to install it: a repository whose address names the project (a word of
    its directory's or its module's name, not a generic one). tarantool-operator's docs install
    `tarantool/tarantool-operator` from `tarantool.github.io/helm-charts`, kubeslice-controller's
    README from `kubeslice.github.io/charts`: their `config/manager` findings were read as not
    worth a change, for a manifest only `make deploy` uses. A repository of another project (a
    prerequisite: jetstack's cert-manager) does not count. So does a link to a Git repository
    of charts that names the project (memgraph-operator's README sends users to
    `github.com/base-14/memgraph-operator-helm`), a chart named for the project installed from
    a repository the document adds (_chart_installed_from_a_repository), and a link to a chart's directory named for
    the project, in any Git repository, on a line that says to install it (aergia-controller's
    README: "Install via helm (github.com/amazeeio/charts/tree/main/charts/aergia)")."""
    names = _project_words(project)
    docs = _readmes(project) + _markdown_below(os.path.join(project, "docs"))
    for path in docs:
        text = _read(path)[:_MAX_DOC_BYTES]
        for found in _HELM_REPO_ADD.finditer(text):
            address = found.group(1) or found.group(2)
            if names & set(words(address)):
                return address
        installed = _chart_installed_from_a_repository(text, names)
        if installed is not None:
            return installed
        for found in _CHART_REPOSITORY_LINK.finditer(text):
            owner, repository = found.group(1).lower(), found.group(2)
            # The project's owner's, or named for the whole project: not the charts of what it
            # runs (immich-operator's README links immich-app's immich-charts, Immich's own).
            if names & set(words(repository)) and (owner == _module_owner(project) or frozenset(
                    words(repository)) - _CHART_WORDS in _full_names(project)):
                return found.group(0)
        for found in _CHART_DIRECTORY_INSTALLED.finditer(text):
            named = frozenset(words(found.group(2))) - _ADDRESS_WORDS
            if named and named in {name - _ADDRESS_WORDS for name in _full_names(project)}:
                return found.group(1)
    return None


_MAX_DOC_FILES = 200
# `helm repo add openkruise https://openkruise.github.io/charts/` (the alias, the address), then
# `helm install kruise-rollout openkruise/kruise-rollout` (the alias, the chart).
_HELM_REPO_ALIAS = re.compile(r"\bhelm\s+repo\s+add\s+([\w.-]+)\s+[\"']?((?:https?|oci)://[^\s\"'`)]+)")
_HELM_INSTALL_CHART = re.compile(r"\bhelm\s+(?:install|upgrade)\b[^\n`]*?\s([\w.-]+)/([\w.-]+)(?=[\s`'\"]|$)",
                                 re.MULTILINE)


def _chart_installed_from_a_repository(text: str, names: set[str]) -> str | None:
    """A chart that a document installs from a repository it adds, named for the project
    (rollouts' installation guide adds openkruise's repository, then installs
    `openkruise/kruise-rollout`; its `config/manager` was read as what no user runs). Words
    compare without a plural `s`, and not other charts of the repository (a prerequisite:
    `openkruise/kruise`)."""
    aliases = {m.group(1): m.group(2) for m in _HELM_REPO_ALIAS.finditer(text)}
    if not aliases:
        return None
    singular = lambda found: {word[:-1] if len(word) > 3 and word.endswith("s") else word for word in found}
    project = singular(names)
    for found in _HELM_INSTALL_CHART.finditer(text):
        alias, chart = found.group(1), found.group(2)
        if alias in aliases and project & singular(words(chart)):
            return f"{aliases[alias].rstrip('/')}/{chart}"
    return None


def _readmes(project: str) -> list[str]:
    """The paths of a project's README (`README.md`, however cased)."""
    return [os.path.join(project, n) for n in listdir(project) if n.lower() == "readme.md"]


# The first line kubebuilder's README template asks its author to replace; and its first
# section, with the placeholder image it builds, right under the title when the overview and
# description were only deleted.
_README_TEMPLATE = "// TODO(user): Add simple overview of use/purpose"
_README_TITLE_ONLY = re.compile(r"\s*#[^\n]*\s*")
_README_TEMPLATE_START = re.compile(r"\A\s*#[^\n]*\n\s*## Getting Started\b(?=.*<registry>/<image-name>)", re.DOTALL)


# A README's notice, near its top, that its project is retired ("This project is no longer in
# use", "The repository has been archived", "This repository is deprecated."), the clause
# ending there or pointing elsewhere: not a flag's, an API version's or a platform's notice.
# The state, emphasized or not: navarchos' "this repository is currently **UNMAINTAINED** and
# is looking for new owner(s)" (its finding read as not worth a change).
_RETIRED_STATE = (r"(?:is|has\s+been)\s+(?:now\s+|currently\s+)?(?:\*\*?|__?)?(?:deprecated|archived|unmaintained|"
                  r"no\s+longer\s+(?:actively\s+)?(?:in\s+use|maintained|supported|developed))"
                  # the emphasis closed (possessively: "**unmaintained** on Windows" is no notice)
                  # then its sentence ends, a closing emphasis ends it, or "in favor", "and", "use"... follow,
                  # emphasized or not ("deprecated *for Helm 2* users" is no notice)
                  r"(?:\*\*?|__?)?+(?=\s*(?:[.,;:!)\u26a0]|\*+\s*(?:[.,;:!)]|$)|$|"
                  r"(?:[*_]+\s*|(?<=\s))(?:in\s+favou?r|and|please|use|see)\b|[*_]+\s*\())")
_RETIRED = re.compile(r"(?i)\b(?:this|the)\s+(?:project|repository|repo)\s+(?:\w+\s+)?" + _RETIRED_STATE +
                      # Intel's notice on the projects it stopped: "## PROJECT NOT UNDER ACTIVE MANAGEMENT"
                      # (trusted-certificate-issuer's, read as not worth a change).
                      r"|^\W*project\s+not\s+under\s+active\s+management\W*$"
                      # nix-remote-build-controller's "This project is incomplete and not currently in
                      # working condition" (its finding read as not worth a change: nobody runs it),
                      # starting a paragraph or following a heading or a `> [!WARNING]` label, and
                      # ending its sentence with its line ("... not functional on Windows nodes" is
                      # no such notice, nor a wrapped sentence's "...\nthis project is not functional.")
                      r"|(?:\A|\n[ \t>]*\n|\n[ \t>]*(?:#+[^\n]*|\[![A-Za-z]+\][ \t]*)\n)"
                      r"[ \t>]*[\W_]*(?:(?:note|warning|important|caution)\W+)?this\s+(?:project|repository|repo)\s+is\s+"
                      r"(?:(?:currently|still)\s+)?(?:incomplete\s+and\s+)?(?:(?:currently|still|yet)\s+)?not\s+"
                      r"(?:(?:yet|currently)\s+)?(?:in\s+(?:a\s+)?working\s+(?:condition|state)|functional)"
                      # (a sentence's end and its line's, or with no stop the paragraph's)
                      r"(?:\s+yet)?(?:[*_]*[.!][*_]*[ \t]*(?:\n|\Z)|[*_]*[ \t]*(?:\n[ \t>]*\n|\n?\Z))"
                      # kode-operator's "THIS PROJECT IS UNDER HEAVY DEVELOPMENT AND NOT MEANT FOR
                      # PRODUCTION USE" (its finding read as not worth a change): no production to
                      # run out of memory in. Opening a clause ("Deploying the project is not meant
                      # for production without TLS" is no notice) and ending its sentence or line
                      # ("... not ready for production until you set a storage class" neither).
                      r"|(?:^|[.!?:]\s+|[*_>]\s*)(?:this|the)\s+(?:project|repository|repo)\s+is\s+"
                      r"(?:[\w-]+\s+){0,5}?not\s+(?:yet\s+)?(?:meant|intended|ready|suitable)\s+for\s+production"
                      r"(?:\s+(?:use|environments?|deployments?))?(?:\s+yet)?[*_]*(?:[.!][*_]*[ \t]*)?$",
                      re.MULTILINE)
# The same notice naming the project where the first says "this" (aad-pod-identity's "AAD Pod
# Identity repo has been archived and is no longer maintained", its finding read as not worth a
# change): the words before "repo" name the module (see _names_project), not another project
# ("the kube-rbac-proxy project has been archived" in a README of a project that used it).
_NAMED_RETIRED = re.compile(r"(?i)((?:[\w.-]+[ \t]+){1,4}?)(?:project|repository|repo)\s+" + _RETIRED_STATE,
                            re.MULTILINE)
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_RETIRED_NOTICE_BYTES = 1500
_RETIRED_README_LEVELS = 2  # the module's root and the directories above it where its README may be


def _retired_notice(module_root: str) -> str | None:
    """The README (of a Go module's root, else of the first directory above it that holds one)
    that says in its first lines that its project is retired: splunk-otel-collector-operator's
    "no longer in use", backstage-operator's "has been archived", coco-operator's "deprecated"
    (all three findings were read as not worth a change: no one will act on them)."""
    module = modules.module_of_dir(module_root)
    names = {_NOT_ALPHANUMERIC.sub("", name).lower() for name in (
        os.path.basename(module_root), _MAJOR_VERSION.sub("", module.path if module else "").rpartition("/")[2])} - {""}
    directory = module_root
    for _ in range(_RETIRED_README_LEVELS + 1):
        readmes = _readmes(directory)
        if readmes:
            top = _read(readmes[0])[:_RETIRED_NOTICE_BYTES]
            return readmes[0] if _RETIRED.search(top) or any(
                _names_project(top, found, names) for found in _NAMED_RETIRED.finditer(top)) else None
        parent = os.path.dirname(directory)
        if parent == directory or os.path.exists(os.path.join(directory, ".git")):
            break  # not above the repository's root
        directory = parent
    return None


_MAJOR_VERSION = re.compile(r"(?:/v\d+|\.v\d+)$")  # example.com/widget/v2, gopkg.in/widget.v1
# Only markup or spaces since a clause began: the text's start, a stop, a comma or a colon, or
# a line starting a paragraph, a heading, a quote or a list item (not a wrapped sentence's line).
_CLAUSE_START = re.compile(r"(?:\A|[.!?:;,]|\n[ \t]*(?:\n|[#>*+-]|\d+[.)]))[\W_]*\Z")
_CLAUSE_OPENERS = frozenset({"the", "this", "our"})
_LAST_WORD = re.compile(r"([\w.-]+)\s+\Z")


def _names_project(top: str, found: re.Match, names: set[str]) -> bool:
    """Whether the words before "repo" of a notice (_NAMED_RETIRED, found in `top`) name this
    project: the last of them spell one of `names` (lower-case letters and digits only) and open
    their clause, at its start or after "the", "this" or "our". "As of May, AAD Pod Identity
    repo" names aad-pod-identity; "the original foo-exporter project" (a fork's README), "the
    CoreOS etcd operator project", "the kube-rbac-proxy project" (in a README of a project that
    used it) name another."""
    words = found.group(1).split()
    for first in range(len(words)):
        if _NOT_ALPHANUMERIC.sub("", "".join(words[first:])).lower() not in names:
            continue
        # The word before them, in the notice or the text before it ("The AWS Load Balancer
        # Controller repo": four words, then "repo").
        before = words[first - 1] if first else _LAST_WORD.search(top, 0, found.start(1))
        before = before.group(1) if isinstance(before, re.Match) else before
        if before is None and _CLAUSE_START.search(top, 0, found.start(1)) or \
                before is not None and (before.lower() in _CLAUSE_OPENERS or before[-1] in ".!?:;,"):
            return True
    return False


def _unwritten_scaffold(project: str) -> bool:
    """Whether a kubebuilder project's README still asks for its overview (_README_TEMPLATE),
    or says nothing of it before the template's first section: a tutorial's copy or a side
    project not released, whose `config/manager` no one deploys (cronjob-operator,
    kubebuilder's CronJob tutorial; ziti-k8s-agent's unreleased operator; llmaz's metrics
    aggregator in `components/router`: their findings were read as not worth a change). Or,
    of a kubebuilder project (its `PROJECT` file) with no README above it to say more, holds
    its title alone (trace-shield-controller's, whose untouched scaffold was read so too)."""
    untold = os.path.isfile(os.path.join(project, "PROJECT")) and not _readmes(os.path.dirname(project))
    return any(_README_TEMPLATE in (text := _read(path)[:_MAX_DOC_BYTES]) or _README_TEMPLATE_START.match(text)
               or untold and _README_TITLE_ONLY.fullmatch(text) for path in _readmes(project))


def _markdown_below(directory: str) -> list[str]:
    """The Markdown files of a docs directory and its subdirectories (a documentation site's
    `docs/src/`: cnmsql's quick start adds its chart repository there; read as not worth a
    change when its `config/manager` was reported), the first _MAX_DOC_FILES in path order."""
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        found += [os.path.join(root, n) for n in sorted(files) if n.endswith(".md")]
        if len(found) >= _MAX_DOC_FILES:
            break
    return found[:_MAX_DOC_FILES]


_CHART_WORDS = frozenset({"helm", "chart", "charts"})


def _module_owner(project: str) -> str:
    """Who publishes a project's module (`rm3l` of `github.com/rm3l/immich-operator`)."""
    module = modules.module_of_dir(project)
    return _owner(module.path) if module is not None and module.path else ""


def _full_names(project: str) -> set[frozenset[str]]:
    """The words of a project's directory name and of its module's last element, each whole;
    when those are all generic words, of the module's element above too (eidolon's operator
    is the module `github.com/eidolon-ai/eidolon/k8s-operator`, its chart `eidolon-operator-chart`)."""
    module = modules.module_of_dir(project)
    elements = module.path.split("/") if module else []
    names = [os.path.basename(project)] + elements[-1:]
    # Not the owner's name (`github.com/acme/operator`): its charts may be anything of acme's.
    if len(elements) > 2 and not set().union(*map(words, names)) - _ADDRESS_WORDS and \
            elements[-2].lower() != _owner(module.path):
        names.append(elements[-2])
    return {frozenset(words(name)) for name in names}


def _project_words(project: str) -> set[str]:
    """The words of a project's directory and module names that may name it (not generic ones
    such as `operator` or `kubernetes`)."""
    return set().union(*_full_names(project)) - _ADDRESS_WORDS


_SUBCOMMAND = re.compile(r"[a-z][a-z0-9-]*")


def _subcommand_named(command: list[str], args: list[str]) -> str | None:
    """The first argument of what a container runs (after its `command`'s program), when it is
    a bare word (`apiserver`): the subcommand of a program that has several. Arguments given
    with no command that start with an absolute path name the program first, for an image with
    no entrypoint (ocm's `args: ["/registration-operator", "klusterlet"]`)."""
    if not command and args and args[0].startswith("/"):
        command, args = args[:1], args[1:]
    first = (command[1:] + args)[:1]
    return first[0] if first and _SUBCOMMAND.fullmatch(first[0]) else None


def _pods_manager(container: Container) -> bool:
    """Whether a container is its pod's manager as kubebuilder writes it: its only container, or
    the one named `manager`; not a DaemonSet's (kubebuilder writes a Deployment, and a DaemonSet
    added beside it runs another program: thundernetes' node agent, its image named by a
    variable)."""
    return not container.init and not container.workload.startswith("DaemonSet/") and \
        (container.pod_containers == 1 or container.name == "manager")


def _config_manager_root(container: Container) -> str | None:
    """The directory whose `config/manager` holds a container's manifest, if one does."""
    root, found, _ = container.source.abspath.replace(os.sep, "/").rpartition("/config/manager/")
    return root.replace("/", os.sep) if found and root else None


def _config_manager_project(container: Container) -> str | None:
    """The root of the project whose `config/manager` holds the manifest of its pod's manager:
    kubebuilder's layout, written by hand or not (db-query-operator keeps no `PROJECT` and names
    its image, and its README installs the operator from its Helm repository)."""
    return _config_manager_root(container) if _pods_manager(container) else None


def _kubebuilder_root(root: str) -> str | None:
    """`root` (written with `/`) when it holds kubebuilder's `PROJECT` file."""
    root = root.replace("/", os.sep)
    return root if os.path.isfile(os.path.join(root, "PROJECT")) else None


def _kubebuilder_root_above(directory: str, levels: int) -> str | None:
    """The first of `directory` and the `levels - 1` directories above it that holds
    kubebuilder's `PROJECT` file."""
    return next((above for above in _and_above(directory, levels) if _kubebuilder_root(above) is not None), None)


def _and_above(directory: str, levels: int) -> list[str]:
    """`directory` and the `levels - 1` directories above it, nearest first."""
    found = [directory]
    while len(found) < levels and os.path.dirname(found[-1]) != found[-1]:
        found.append(os.path.dirname(found[-1]))
    return found


def _chart_project(container: Container) -> str | None:
    """The root of the kubebuilder project a Helm chart is kept in (up to three directories
    above it), whose image its templates may run a program of that it does not hold
    (_GoTree._runs_what_no_image_holds)."""
    return _kubebuilder_root_above(os.path.dirname(container.chart), _MAX_CHART_DEPTH) if container.chart else None


def _scaffold_project(container: Container) -> str | None:
    """The root of the kubebuilder project whose scaffold a manifest is: one in its
    `config/manager` that names the placeholder image `controller` (kustomize's `images`
    renames it) or lies in a project with kubebuilder's `PROJECT` file (kuberay's
    ray-operator, image `kuberay/operator`) and is its pod's manager, not a DaemonSet's: its
    only container, or the one kubebuilder names `manager` (secrets-store-sync-controller's
    pod runs a provider from another project beside it). Elsewhere under `config/` of a project with `PROJECT`,
    the container with the placeholder image is the manager too, whatever runs beside it
    (aws-app-mesh-controller keeps it in `config/controller`; frr-k8s' `config/frr-k8s` runs
    its `controller` beside FRR's own containers), as it is up to three directories below the
    root of a project with `PROJECT` (hadoop-operator's `manifests/manager`, its `config/`
    renamed). The `controllerManager` of the chart that
    kubebuilder's helm plugin writes to a project's `dist/chart` is its manager too, and so
    is the manager of the `dist/install.yaml` that its `make build-installer` writes."""
    manifest = container.source.abspath.replace(os.sep, "/")
    placeholder = image_repository(container.image) == _KUBEBUILDER_IMAGE
    the_manager = _pods_manager(container)
    root = _config_manager_root(container)
    if root is not None:
        return root if placeholder or the_manager and _kubebuilder_root(root) is not None else None
    # What `make build-installer` writes of it (cnmsql's, whose users install a chart from its
    # Helm repository instead: read as not worth a change).
    root, found, rest = manifest.rpartition("/dist/")
    if found and root and "/" not in rest and rest.endswith((".yaml", ".yml")) and the_manager and \
            container.name == "manager":
        # `install.yaml` by default, or renamed (ziti-k8s-agent's `dist/ziti-operator.yaml`); its
        # container named as kubebuilder names it: arks' `dist/gateway.yaml`, written by hand
        # beside its installer, runs its gateway (`main`) and Redis (`master`), one container
        # each, and the gateway was charged the manager's cache.
        return _kubebuilder_root(root)
    # The chart kubebuilder's helm plugin writes to `dist/chart`, its manager under the values'
    # `controllerManager` (homelab-autoscaler's, the image renamed `homeclusterdev/autoscaler`),
    # or `manager` in its v2-alpha layout (KubePress', `ghcr.io/hostzero-gmbh/kubepress/controller`).
    chart_manager = container.name.split(".", 1)[0] in ("controllerManager", "manager")
    root, found, rest = (container.chart or "").replace(os.sep, "/").rpartition("/dist/chart")
    if found and root and not rest and chart_manager:
        return _kubebuilder_root(root)
    # Such a chart moved or generated elsewhere still names the bare placeholder image: forge-operator's
    # `charts/chart`, dependencytrack-operator's helmify chart in `deploy/charts` (both what their
    # READMEs install; findings at `config/manager` were read as pointing at the wrong file).
    if container.chart and _full_repository(container.image) == _KUBEBUILDER_IMAGE and chart_manager:
        return _kubebuilder_root_above(os.path.dirname(container.chart), _MAX_CHART_DEPTH)
    if not placeholder:
        return None
    root, found, _ = manifest.rpartition("/config/")
    if found and root:
        return _kubebuilder_root(root)
    if container.chart or container.bundle:
        return None
    # The scaffold's `config/` renamed: hadoop-operator keeps it in `manifests/` (its manager in
    # `manifests/manager/manager.yaml`, its PROJECT file at the root): its own directory, and up
    # to three above it.
    return _kubebuilder_root_above(os.path.dirname(container.source.abspath), _MAX_CHART_DEPTH + 1)


# A file an image's stage copies that is no program's directory: a name with an extension
# (`config.yaml`, `ca.crt`), no wildcard.
_FILE_NAME = re.compile(r"[\w-]+\.[\w.]+")


# Where ko puts the program it builds from an import path (`/ko-app/cmd`), with no Dockerfile:
# kubecloudscaler's chart runs it, its Dockerfile copies GoReleaser's `/kubecloudscaler`.
_KO_APP = "/ko-app/"


def _command_program(container: Container) -> str | None:
    """The name of the program a container's command runs (`/usr/bin/manager` is `manager`)."""
    return container.command[0].rsplit("/", 1)[-1] if container.command else None


def _dockerfile_program(container: Container) -> str | None:
    """The program a container's command runs (_command_program) when a Dockerfile would put
    it in the image: None for a shell, whose script may run anything, or ko's `/ko-app/`,
    built with no Dockerfile."""
    program = _command_program(container)
    return None if program is None or program in _SHELLS or container.command[0].startswith(_KO_APP) else program


def _names_program(dockerfile: str, program: str) -> bool:
    """Whether a Dockerfile names a program outside its comments (`COPY manager /manager`), or
    its last stage copies in whichever one a build argument names: a source of a COPY or ADD
    that is one (`COPY --from=builder /workspace/${APP} .`). funccloud/fcp's one Dockerfile
    builds its manager or its UI so, and its `config/manager` running `/manager` was taken for
    a leftover the image does not hold. (An exec-form ENTRYPOINT `["/${APP}"]` substitutes
    nothing, so only what is copied tells.)"""
    text = _COMMENT_LINES.sub("", dockerfile)
    if re.search(rf"(?<![\w.-]){re.escape(program)}(?![\w.-])", text) is not None:
        return True
    last = _last_stage(text)
    last_stage = text[last.end():] if last is not None else text
    return any(_ARGUMENT_NAMED_FILE.search(source) for copied in _copies(last_stage, stages=True)
               for source in copied.sources)


# A path whose last element a build argument names.
_ARGUMENT_NAMED_FILE = re.compile(r"(?:^|/)\$\{?\w+\}?$")


_SAID_BY_ITS_ENVIRONMENT = "its environment sets "
# Words that name what a program is or a domain's kind, not whose it is: shared by an image and
# a module, they say nothing.
_GENERIC_WORDS = frozenset({"operator", "controller", "manager", "server", "agent", "webhook", "service", "api",
                            "kube", "k8s", "kubernetes", "go", "golang", "io", "com", "net", "org", "dev", "cloud"})


def _said_to_run_go(container: Container, go_images: tuple[str, ...]) -> str:
    """Why the container counts as Go by what it says itself, whatever the tree builds: a Go
    runtime variable in its environment, or its image in `go-images` ("" when neither)."""
    set_vars = [v for v in GO_RUNTIME_VARIABLES if v in container.env]
    if set_vars:
        return f"{_SAID_BY_ITS_ENVIRONMENT}{set_vars[0]}"
    repository = image_repository(container.image)
    for glob in go_images:
        if fnmatch.fnmatchcase(container.image, glob) or fnmatch.fnmatchcase(repository, glob):
            return f"its image matches go-images {glob!r}"
    return ""


# A path element that is a domain name: where an import path starts inside an image name.
_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")
# Registries a mirror's image name may hold after its own host (`harbor.corp/docker.io/library/nginx`).
_REGISTRIES = re.compile(r"^(?:docker\.io|registry-1\.docker\.io|quay\.io|ghcr\.io|gcr\.io|[a-z0-9-]+\.gcr\.io"
                         r"|registry\.k8s\.io|k8s\.gcr\.io|public\.ecr\.aws|mcr\.microsoft\.com|[a-z0-9.-]+\.pkg\.dev"
                         r"|[a-z0-9-]+\.azurecr\.io|registry\.gitlab\.com|[0-9]+\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com)$")


def _image_import_path(image: str) -> str | None:
    """The Go import path an image's name holds after its registry, from the first element
    that is a domain on (`gcr.io/knative-releases/knative.dev/serving/cmd/activator:v1` holds
    `knative.dev/serving/cmd/activator`), or None. `ko://` references are read apart."""
    if image.startswith("ko://"):
        return None
    elements = image.split("@", 1)[0].split("/")
    elements[-1] = elements[-1].split(":", 1)[0]
    start = next((i for i in range(1, len(elements) - 1)
                  if _DOMAIN.match(elements[i]) and not _REGISTRIES.match(elements[i])), None)
    return None if start is None else "/".join(elements[start:])


# Hosts whose import paths name an owner, then a repository (elsewhere the domain is the owner).
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org")


def _unversioned(module_path: str) -> str:
    """A module path without its major version (`github.com/acme/api` of `.../api/v2`)."""
    return re.sub(r"/v\d+$", "", module_path)


def _owner(import_path: str) -> str:
    """Who publishes the modules of an import path: `acme` of `github.com/acme/api/cmd`,
    `knative.dev` of `knative.dev/eventing/cmd/webhook`."""
    return next(iter(_owner_and_name(import_path.lower())), "")


def _owner_and_name(import_path: str) -> list[str]:
    """The elements of a module path that say whose it is and what: `acme`, `api` of
    `github.com/acme/api`; `knative.dev`, `operator` of `knative.dev/operator`."""
    elements = import_path.split("/")
    return elements[1:3] if elements[0].lower() in _CODE_HOSTS else elements[:2]


def _in_test_dir(names: Iterable[str]) -> bool:
    """Whether one of the directory names of a path is a test or tooling directory (TEST_DIRS)."""
    return any(map(modules.test_dir_matcher(TEST_DIRS), names))


def _names_module(prefix: list[str], module: modules.Module | None) -> bool:
    """Whether an image name's `prefix` names a module by the words of its path (_said_by)."""
    return module is not None and bool(module.path) and _said_by(prefix, re.split(r"[/._-]", module.path.lower()))


def _said_by(prefix: list[str], named: list[str]) -> bool:
    """Whether each word of an image name's `prefix` is one of the words `named` or, four
    letters or more, begins one (`acme` of `acmeio`; `w` stands for no word)."""
    return all(any(word == p or len(p) >= 4 and word.startswith(p) for word in named) for p in prefix)


def _image_owner(image: str) -> str:
    """The path segment before an image's repository (`graviteeio` of
    `docker.io/graviteeio/kubernetes-operator:4.1`), empty when there is none."""
    parts = _full_repository(image).split("/")
    return parts[-2] if len(parts) > 1 else ""


def _image_path(image: str) -> set[str]:
    """The path segments before an image's repository, its registry's host left out, in lower
    case (`acme`, `tools` of `ghcr.io/acme/tools/api:1`)."""
    parts = _full_repository(image).split("/")[:-1]
    if parts and any(mark in parts[0] for mark in ".:") or parts[:1] == ["localhost"]:
        parts = parts[1:]
    return {part.lower() for part in parts}


def image_repository(image: str) -> str:
    """The last path segment of an image reference, without tag or digest."""
    return _full_repository(image).rsplit("/", 1)[-1]


class _ProgramFacts(NamedTuple):
    """What ProjectManifests._program_facts learns of one program (or one subcommand of it)."""
    packages: list[_PackageCode]
    keeps: list[str]  # the imported packages that keep Kubernetes objects
    reached_imports: frozenset[str]
    awaited_imports: frozenset[str]  # those named outside goroutines (reached_code.Reached.awaited)
    # The stores of an API server's registry its packages write, and those given their own
    # storage (go_code.api_server_stores), of whole packages: a store's constructor is often
    # reached only through methods of the server's configuration, which reached_code does not follow.
    api_server_stores: tuple[int, int] = (0, 0)


class _PackageCode(NamedTuple):
    """What a Go package's non-test files tell about Kubernetes objects kept in memory."""
    imports: list[str]  # their import paths
    scopings: int  # how many times they scope what a cache keeps (go_code.scopings)
    # Of those, the scopings of client-go informers, whatever the flags and only when a
    # namespace is named (go_code.Scopings.informers_always, informers_when_namespace_named).
    informer_scopings: int
    informer_scopings_when_namespace_named: int
    # How many times they do so only when a namespace is named (go_code.scopings), and the
    # flags and variables they may read one from (go_code.namespace_settings).
    scopings_when_namespace_named: int
    namespace_settings: frozenset[str]
    # The flags among them declared with a default that is not empty (go_code.defaulted_namespace_flags).
    defaulted_namespace_flags: frozenset[str]
    # The variables they read from the environment, and those giving a manager its namespace
    # (go_code.variables_from_env, go_code.scopings).
    variables_from_env: frozenset[tuple[str, str]]
    options_namespace_variables: frozenset[str]
    managers: int  # how many controller-runtime managers they build (go_code.new_managers)
    # The functions they call that build client-go informers and factories, one per call
    # (go_code.informer_calls: `NewSharedInformerFactory` of client-go's informers package),
    # and the functions they declare under such names.
    informers: tuple[tuple[str, str], ...]
    informer_constructors: frozenset[str]
    # The packages of the calls that may build its cache (go_code.cache_builder_packages).
    cache_builders: tuple[str, ...]
    cache_users: int  # how many calls may fill one (go_code.CACHE_USER)
    informer_starts: int  # how many calls may start an informer or watch (go_code.informer_starts)
    selected_kinds: frozenset[str]  # the kinds their cache options select (go_code.selected_kinds)
    # Those they select only when a namespace is named (go_code.kinds_selected_when_namespace_named).
    kinds_selected_when_namespace_named: frozenset[str]
    watched_kinds: frozenset[str] | None  # the kinds their controllers watch (go_code.watched_kinds)
    # Those written `&pkg.Kind{}`, also when some other watch is not known: kinds a controller keeps.
    watched_kinds_seen: frozenset[str]
    # The struct fields their controllers watch, and the kinds they give fields (go_code.Watches,
    # go_code.field_kinds): see _watched_kinds.
    watched_fields: frozenset[str]
    field_kinds: dict[str, frozenset[str]]
    growing_kinds: frozenset[str]  # the kinds that grow with the cluster they name (go_code.growing_kinds)
    small_kinds: frozenset[str]  # the small kinds and custom resources they name (go_code.small_kinds)
    uncached_kinds: frozenset[str]  # the kinds their client options keep out of the cache (go_code.uncached_kinds)
    uncached_client: bool  # whether they build the manager's client without its cache (go_code.uncached_client)
    # (dynamic informers asked for, those of custom resources, dynamic factories built): go_code.dynamic_informers
    dynamic_informers: tuple[int, int, int]
    # The variable of an imported package naming each dynamic informer's resource not known to
    # be custom, and the package-level variables they give custom resources
    # (go_code.dynamic_resources_named, go_code.custom_resource_names).
    dynamic_resources_named: tuple[bytes, ...]
    custom_resource_names: frozenset[bytes]
    # (typed informers asked for, those of growing kinds, typed factories built, other asks): go_code.typed_informers
    typed_informers: tuple[int, int, int, int]
    # The growing kinds their informers are asked for, and how many asks are of a kind not known
    # (go_code.informed_kinds).
    informed_kinds: frozenset[str]
    informed_unknown: int
    off_flags: frozenset[str]  # the flags they declare off by default (go_code.off_flags)
    # The managers and informers they build only when an off-by-default flag is passed, and the
    # generated clients' factories they build unscoped, by import path (go_code.conditional_caches).
    flag_gated: tuple[go_code.GatedCache, ...] = ()
    generated_factories: tuple[str, ...] = ()
    # The stores of an API server's registry they write, and those given their own storage
    # (go_code.api_server_stores).
    api_server_stores: tuple[int, int] = (0, 0)
    api_reader_names: frozenset[bytes] = frozenset()  # the names they give the API reader (go_code.api_reader_names)
    # Their methods returning a reader field, and the field (go_code.reader_methods).
    reader_methods: frozenset[tuple[bytes, bytes]] = frozenset()
    # Of informer_scopings, the informers counted as scoped because they keep nothing that grows.
    informers_keeping_nothing: int = 0
    # Whether they take the manager's client or cache, and whether they build a client of their
    # own (go_code.clients_used).
    takes_manager_client: bool = False
    builds_own_client: bool = False
    # The string flags they declare, by the name their value is held in (go_code.string_flags),
    # and the names their `switch`es test (go_code.switched_names).
    string_flags: frozenset[tuple[bytes, str]] = frozenset()
    switched_names: frozenset[bytes] = frozenset()
    # The names they give the program's first argument (go_code.argument_names), and their
    # string constants (go_code.string_constants), which a `switch`'s labels may name.
    argument_names: frozenset[bytes] = frozenset()
    string_constants: frozenset[tuple[bytes, str]] = frozenset()
    synced_watches: int = 0  # how many watches they start that keep what they list (go_code.SYNCED_WATCH)


def _go_files_in(directory: str) -> list[str]:
    """The paths of a directory's non-test Go files, sorted."""
    return [os.path.join(directory, name) for name in listdir(directory)
            if name.endswith(".go") and not name.endswith("_test.go")]


# cgo's export of a function (beside `import "C"`), which makes a main package a library that a
# C program loads (`-buildmode=c-shared`), or a program handing C a callback: see
# _GoTree._c_library and _builds_for_c.
_EXPORTED_TO_C = re.compile(rb"(?m)^//export [A-Za-z_]")
# The files that say how a module is built, wherever in it they are: Makefiles, make
# includes, scripts, CMake lists (a C++ host's build); and Dockerfiles (files.is_dockerfile).
_BUILD_FILE = re.compile(r"(?i)^(?:g?nu)?makefile$|\.mk$|\.sh$|^cmakelists\.txt$")
_C_LIBRARY_BUILD = re.compile(r"\bc-(?:shared|archive)\b")
_NOT_BUILT_HERE = frozenset({".git", "vendor", "node_modules", "testdata"})


def _builds_for_c(root: str, mains: list[str]) -> bool:
    """Whether a module's build makes a library for C of one of its main packages (`mains`):
    a build file anywhere in it (_BUILD_FILE) names `-buildmode=c-shared` or `c-archive` and
    the package's directory (loongcollector's plugin_build.sh builds `plugin_main` so); a
    program giving C a callback (`//export onSignal` beside `import "C"`) is built as any
    program is, whatever library another script of the tree builds."""
    named = [re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(os.path.basename(main))) for main in mains]
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = [d for d in subdirectories if d not in _NOT_BUILT_HERE]
        for name in names:
            if _BUILD_FILE.search(name) or is_dockerfile(name):
                text = _read(os.path.join(directory, name))
                if _C_LIBRARY_BUILD.search(text) and any(program.search(text) for program in named):
                    return True
    return False


# The packages client-gen and informer-gen write, by the directories they write them to: their
# output, even with its "Code generated" header taken out (otc-rds-operator's), builds
# informers only for whoever asks their factory.
_GENERATED_CLIENT_DIR = re.compile(r"(?:^|[/\\])(?:informers[/\\]externalversions|clientset[/\\]versioned)(?:[/\\]|$)")


def _code_facts(sources: list[bytes], generated_client: bool = False,
                api_readers: frozenset[bytes] = frozenset(),
                own_client_parameters: frozenset[bytes] = frozenset()) -> _PackageCode:
    """What Go files (a package's, or one file's) say of Kubernetes objects kept in memory;
    `generated_client` when the package is a generated client's (_GENERATED_CLIENT_DIR);
    `api_readers`, the names their program gives only the API reader (_GoTree._api_readers);
    `own_client_parameters`, the parameters it gives only clients of its own
    (_GoTree._own_client_parameters)."""
    code = [go_code.COMMENTS.sub(b"", source) for source in sources]
    written = [not generated_client and not gofile.is_generated(source) for source in sources]
    makes_queue = any(go_code.makes_client_go_queue(source, text) for source, text in zip(sources, code))
    # Counted where informer constructions are (informer_calls): a generated client's
    # `NewFilteredPodInformer(client, f.namespace, ...)` scopes what its caller asks for, or not.
    scopings = [go_code.scopings(text) if mine else go_code.NO_SCOPINGS for text, mine in zip(code, written)]
    watches = [go_code.watched_kinds(text) for text in code]
    conditional = [go_code.conditional_caches(source, text) for text, source, mine in zip(code, sources, written) if mine]
    informed = [go_code.informed_kinds(source, text) for text, source, mine in zip(code, sources, written) if mine]
    # Dynamic informers of a variable another file of the package gives custom resources are of
    # custom resources; those of another package's variable are resolved with the program's.
    custom_here = frozenset().union(*map(go_code.custom_resource_names, code))
    asks = [ask for source, text in zip(sources, code) for ask in go_code.dynamic_resources_named(source, text)]
    asked, custom, dynamic_factories = map(sum, zip((0, 0, 0), *(go_code.dynamic_informers(source, text)
                                                                for source, text in zip(sources, code))))
    custom += sum(not imported and name in custom_here for imported, name in asks)
    # Informers listing a resource another file of the package gives a custom one keep nothing that grows.
    keeping_nothing = sum(name in custom_here for found in scopings for name in found.listed_resources_named)
    return _PackageCode(
        [imported for source in sources for imported in go_code.file_imports(source)],
        sum(found.always for found in scopings) + keeping_nothing,
        sum(found.informers_always for found in scopings) + keeping_nothing,
        sum(found.informers_when_namespace_named for found in scopings),
        sum(found.when_namespace_named for found in scopings),
        frozenset().union(*(go_code.namespace_settings(text) for text in code)),
        frozenset().union(*(go_code.defaulted_namespace_flags(text) for text in code)),
        frozenset().union(*(go_code.variables_from_env(text) for text in code)),
        frozenset().union(*(found.options_namespace_variables for found in scopings)),
        sum(len(go_code.new_managers(source, text)) for text, source in zip(code, sources)),
        tuple(called for text, source, mine in zip(code, sources, written) if mine
              for called in go_code.informer_calls(source, text)),
        # Not a generated client's (informer-gen's `NewSharedInformerFactory`): its calls are
        # counted, and its bodies are not.
        frozenset().union(*(go_code.informer_constructors(text) for text, mine in zip(code, written) if mine)),
        tuple(path for text, source in zip(code, sources) for path in go_code.cache_builder_packages(source, text)),
        sum(len(go_code.CACHE_USER.findall(text)) for text in code),
        sum(go_code.informer_starts(source, text, makes_queue) for text, source, mine in zip(code, sources, written)
            if mine),
        frozenset().union(*(go_code.selected_kinds(text) for text in code)),
        frozenset().union(*(go_code.kinds_selected_when_namespace_named(text) for text in code)),
        _all_known(found.kinds if found.known else None for found in watches),
        frozenset().union(*(found.kinds for found in watches)),
        frozenset().union(*(found.fields for found in watches)),
        _merged_field_kinds(go_code.field_kinds(text) for text in code),
        frozenset().union(*(go_code.growing_kinds(source, text, api_readers, own_client_parameters)
                            for source, text in zip(sources, code))),
        frozenset().union(*(go_code.small_kinds(source, text, api_readers, own_client_parameters)
                            for source, text in zip(sources, code))),
        frozenset().union(*(go_code.uncached_kinds(text) for text in code)),
        any(go_code.uncached_client(text) for text in code),
        (asked, custom, dynamic_factories),
        tuple(name for imported, name in asks if imported),
        custom_here,
        tuple(map(sum, zip((0, 0, 0, 0), *(go_code.typed_informers(source, text)
                                            for text, source, mine in zip(code, sources, written) if mine)))),
        frozenset().union(*(kinds for kinds, _ in informed)),
        sum(unknown for _, unknown in informed),
        frozenset().union(*map(go_code.off_flags, code)),
        tuple(gated for found in conditional for gated in found.flag_gated),
        tuple(path for found in conditional for path in found.generated_factories),
        tuple(map(sum, zip((0, 0), *(go_code.api_server_stores(source, text) for source, text in zip(sources, code))))),
        frozenset().union(*map(go_code.api_reader_names, code)),
        frozenset().union(*map(go_code.reader_methods, code)),
        sum(found.informers_keeping_nothing for found in scopings) + keeping_nothing,
        *map(any, zip((False, False), *(go_code.clients_used(source, text) for source, text in zip(sources, code)))),
        string_flags=frozenset().union(*map(go_code.string_flags, code)),
        switched_names=frozenset().union(*map(go_code.switched_names, code)),
        argument_names=frozenset().union(*map(go_code.argument_names, code)),
        string_constants=frozenset().union(*map(go_code.string_constants, code)),
        synced_watches=sum(len(go_code.SYNCED_WATCH.findall(text)) for text, mine in zip(code, written) if mine))


def _merged_field_kinds(given: Iterable[dict[str, frozenset[str]]]) -> dict[str, frozenset[str]]:
    """The kinds each field is given in any of `given` (go_code.field_kinds of several files)."""
    merged: dict[str, frozenset[str]] = {}
    for each in given:
        for field, kinds in each.items():
            merged[field] = merged.get(field, frozenset()) | kinds
    return merged


def _watched_kinds(facts: list[_PackageCode]) -> frozenset[str] | None:
    """The kinds a program's controllers watch (_PackageCode.watched_kinds), with those its
    code gives each struct field a controller watches (messaging-topology-operator's one
    reconciler type, `For(r.Type)`, built with `Type: &topology.Queue{}` and ten more of its
    own kinds); None when one is not known."""
    watched = _all_known(f.watched_kinds for f in facts)
    fields = frozenset().union(*(f.watched_fields for f in facts))
    if watched is None or not fields:
        return watched
    given = _merged_field_kinds(f.field_kinds for f in facts)
    if not all(given.get(field) for field in fields):
        return None
    return watched.union(*(given[field] for field in fields))


def _all_known(kind_sets) -> frozenset[str] | None:
    """The union of sets of kinds, None when one of them is not known."""
    union: set[str] = set()
    for kinds in kind_sets:
        if kinds is None:
            return None
        union |= kinds
    return frozenset(union)


def _caches_only_small_kinds(facts: list[_PackageCode], listed: frozenset[str] | None = None) -> bool:
    """Whether what a program's controller-runtime cache may hold is only custom resources and
    small kinds: its controllers watch kinds, each written as a literal (or it has none, and
    its code names small kinds: route-validator's webhooks read Namespaces), and none of its
    packages names a kind that grows with the cluster (go_code.GROWING_KINDS), which its
    client would cache when it reads one, or watches objects of any kind. A custom resource's
    objects number what users create, and a small kind's (Services, Ingresses) stay a few tens
    of MB at the cluster sizes Kubernetes is tested at. Only the kinds `listed` count, when
    known (_kinds_listed_cluster_wide): its cache cannot hold the others cluster-wide."""
    watched = _watched_kinds(facts)
    known = bool(watched) or watched is not None and any(f.small_kinds for f in facts)
    return known and watched.isdisjoint(go_code.ANY_KIND) and not _cached_growing_kinds(facts, listed)


def _informs_only_on_small_kinds(facts: list[_PackageCode]) -> bool:
    """Whether every informer a program builds is asked of a factory for a custom resource
    (go_code.dynamic_informers, or named by a variable given one: custom_resource_names) or a
    kind that does not grow with the cluster (go_code.typed_informers): at least one, none asked for otherwise, and no other
    construction (NEW_INFORMER) than their factories."""
    asked, custom, dynamic_factories = map(sum, zip((0, 0, 0), *(f.dynamic_informers for f in facts)))
    # Or of a resource another of its packages gives a variable (Gameplane's `kube.GVRCluster`).
    given = frozenset().union(*(f.custom_resource_names for f in facts))
    custom += sum(name in given for f in facts for name in f.dynamic_resources_named)
    typed, growing, typed_factories, untyped = map(sum, zip((0, 0, 0, 0), *(f.typed_informers for f in facts)))
    return asked + typed > 0 and custom == asked and growing == untyped == 0 and \
        _informer_constructions(facts) == dynamic_factories + typed_factories


def _informed_kinds(facts: list[_PackageCode], keeps: list[str]) -> frozenset[str] | None:
    """The kinds that grow with the cluster a program keeps, when it keeps objects only in
    client-go informers, each asked of a factory (_informs_only_on_small_kinds' count) for a
    kind known (_PackageCode.informed_kinds); None otherwise."""
    if not keeps or not all(go_code.keeps_only_with_informers(k) for k in keeps) or \
            any(f.informed_unknown for f in facts):
        return None
    factories = sum(f.dynamic_informers[2] + f.typed_informers[2] for f in facts)
    return frozenset().union(*(f.informed_kinds for f in facts)) if _informer_constructions(facts) == factories else None


def _informer_constructions(facts: list[_PackageCode]) -> int:
    """How many times a program's packages build a client-go informer or factory: calls of such
    constructors (go_code.informer_calls), but for those of its own, whose constructions are
    counted in their bodies: scheduledscale's `informer.NewInformer(clientSet, ...)` builds
    nothing but the struct that holds its clients, and its `cache.NewInformer` calls build
    the informers."""
    return sum(_counted_informer(called, facts) for f in facts for called in f.informers)


def _counted_informer(called: tuple[str, str], facts: list[_PackageCode]) -> bool:
    """Whether a call of an informer constructor, (import path, name), counts as a construction
    (_informer_constructions): client-go's, or a function the program does not declare."""
    path, name = called
    return path.startswith("k8s.io/") or not any(name in f.informer_constructors for f in facts)


def _manager_selected_kinds(facts: list[_PackageCode]) -> frozenset[str]:
    """The kinds the `ByObject` options of a program's one manager select: agentic-controller
    keeps its sandbox Pods by label, and a message naming Pods first was read as misleading. Of
    two managers (or one beside informers of its own), which one selects is not known
    (wireflow's latticed selects ConfigMaps in one, and watches them all in the other): none."""
    alone = not _informer_constructions(facts) and sum(f.managers for f in facts) <= 1
    return frozenset().union(*(f.selected_kinds for f in facts)) if alone else frozenset()


def _cached_growing_kinds(facts: list[_PackageCode], listed: frozenset[str] | None = None) -> frozenset[str]:
    """The kinds that grow with the cluster a program's packages name, but for those its
    client options keep out of the cache, or all when its client is built without one (or it
    reads through clients of its own alone), that no controller watches (a watch keeps an
    informer whatever the client does); of those, the kinds `listed` when known: what its
    service account may list in every namespace."""
    named = frozenset().union(*(f.growing_kinds for f in facts))
    # A watch of a kind not known (`For(obj)`) leaves the others known: mkurator watches
    # Secrets beside such a watch, keeps them out of its client's cache, and its message
    # named no Secrets (read as misleading).
    watched = frozenset().union(*(f.watched_kinds_seen for f in facts))
    # Nor what a program reads through a client of its own, never taking the manager's: yaho's
    # reconcilers are given `client.NewWithWatch(...)`, and its findings naming ConfigMaps were
    # read as wrong.
    own_client_only = any(f.builds_own_client for f in facts) and not any(f.takes_manager_client for f in facts)
    if own_client_only or any(f.uncached_client for f in facts):
        cached = named & watched
    else:
        cached = named - (frozenset().union(*(f.uncached_kinds for f in facts)) - watched)
    return cached if listed is None else cached & listed


def _selects_every_watched_kind(facts: list[_PackageCode], namespace_named: bool,
                                listed: frozenset[str] | None = None) -> bool:
    """Whether a program's `ByObject` cache options select every kind of the cluster that
    grows with it (go_code.GROWING_KINDS) that its controllers watch or its code names (see
    go_code.selected_kinds), its controllers' kinds all known: one scoping of its manager's
    cache. Its own custom resources need none, numbering what users create: pocket-id-operator
    selects by label the Deployments, StatefulSets, Services, PVCs and Secrets it owns, and a
    finding calling its cache cluster-wide was read as wrong. With `namespace_named`, the
    kinds selected by the namespaces named count too. Kinds not `listed`, when known, need
    none: the cache cannot hold them cluster-wide."""
    selected = frozenset().union(*(f.selected_kinds for f in facts))
    if namespace_named:
        selected |= frozenset().union(*(f.kinds_selected_when_namespace_named for f in facts))
    watched = _watched_kinds(facts)
    if not (selected and watched) or not watched.isdisjoint(go_code.ANY_KIND):
        return False
    needed = (watched & frozenset(go_code.GROWING_KINDS)) | _cached_growing_kinds(facts)
    return (needed if listed is None else needed & listed) <= selected


_TYPED_INFORMERS = "k8s.io/client-go/informers"


def _namespace_named(run: ProgramRun, facts: list[_PackageCode]) -> bool:
    """Whether the run names a namespace its program's scopings wait for: the container names
    one, or a flag names one unless emptied (a manifest that empties it is not told apart)."""
    settings = frozenset().union(*(f.namespace_settings for f in facts))
    giving = frozenset().union(*(f.options_namespace_variables for f in facts))
    settings |= {env for f in facts for variable, env in f.variables_from_env if variable in giving}
    return bool(run.namespace_settings & settings) or any(f.defaulted_namespace_flags for f in facts)


def _gated_off(facts: list[_PackageCode], run: ProgramRun) -> list[go_code.GatedCache]:
    """The caches a program builds only under a flag the run does not pass: not built (a
    manager, or an informer counted as a construction)."""
    return [g for f in facts for g in f.flag_gated if run.passed_flags is not None and
            g.flag not in run.passed_flags and (g.informer is None or _counted_informer(g.informer, facts))]


def _own_factories(facts: list[_PackageCode], module: modules.Module) -> int:
    """How many informer factories of the project's own generated clients a program builds
    unscoped: of its own custom resources, they keep what users create (varmor's factory of
    its policies beside its scoped factories of core kinds was read as wrongly cluster-wide
    when it counted as a cache of the cluster). Its own: of its module, or of another module
    of its owner (ocm's klusterlet operator asks `open-cluster-management.io/api`'s factory for
    its Klusterlets alone; read as wrong when called cluster-wide). Not another project's, nor
    OpenShift's API, whose Builds and ImageStreams grow with the cluster like its core kinds."""
    publisher = _publisher(module.path)
    return sum(modules.in_module(path, module.path) or
               publisher not in _PLATFORM_PUBLISHERS and _publisher(path) == publisher
               for f in facts for path in f.generated_factories)


def _publisher(import_path: str) -> str:
    """Who publishes the modules of an import path, with where: `github.com/acme` of
    `github.com/acme/api`, `knative.dev` of `knative.dev/eventing`."""
    elements = import_path.lower().split("/")
    return "/".join(elements[:2] if elements[0] in _CODE_HOSTS else elements[:1])


# Whose generated clients are a platform's API (OpenShift's), or of many projects under one
# publisher (Kubernetes': the API extensions server's CustomResourceDefinitions, Gateway API's
# routes, the CSI snapshotter's VolumeSnapshots), not a project's own custom resources.
_PLATFORM_PUBLISHERS = frozenset({"", "github.com/openshift", "k8s.io", "sigs.k8s.io", "github.com/kubernetes",
                                  "github.com/kubernetes-sigs", "github.com/kubernetes-csi"})


def _informer_counts(facts: list[_PackageCode], run: ProgramRun, named: bool, own: int) -> tuple[int, int]:
    """(how many informers a program builds that are scoped, how many it builds that may keep
    the cluster's objects), under the flags the run passes (_gated_off) and the namespace it
    names, less the `own` factories of its own custom resources."""
    off = [g for g in _gated_off(facts, run) if g.informer is not None]
    scoped = sum(f.informer_scopings + (f.informer_scopings_when_namespace_named if named else 0) for f in facts) - \
        sum(g.scoped for g in off)
    return scoped, _informer_constructions(facts) - len(off) - own


def _named_keeper(keeps: list[str], facts: list[_PackageCode]) -> str:
    """The package a message names for a program's cluster-wide cache, of those it imports that
    keep objects (`keeps`, in the order met): controller-runtime when it is one, its manager's
    cache being the one a controller fills (theatre's managers import client-go's tools/cache
    for a console's watch beside it), unless its code names no kind that grows with the
    cluster while it asks typed informers for one and one of its informers is not scoped
    (whether a manager is, the counts do not tell apart); then client-go's typed informers (k8s-deploy-monitor-operator
    informs on every Deployment of each cluster, beside a dynamic informer of its own resource,
    which its message named: read as misleading; rocket's scheduler informs on the Pods and
    Nodes of every member cluster beside a manager of its own resources, and its message named
    controller-runtime: read as a cache of custom resources); else the first of Kubernetes' own
    packages met, before a project's generated informers, of custom resources that number what
    users create (postgres-operator's message named those of its Postgres resources, beside an
    informer of every Pod: read as naming the wrong cache); else the first met."""
    asks_growing = _TYPED_INFORMERS in keeps and any(f.typed_informers[1] for f in facts)
    if go_code.CONTROLLER_RUNTIME in keeps and (
            not asks_growing or _cached_growing_kinds(facts) or
            sum(f.informer_scopings for f in facts) >= _informer_constructions(facts)):
        return go_code.CONTROLLER_RUNTIME
    if asks_growing:
        return _TYPED_INFORMERS
    generated = [path for path in keeps if not path.startswith(_KUBERNETES_OWN) and _GENERATED_CACHE.search(path)]
    if generated and generated[0] == keeps[0]:
        return next((path for path in keeps if path.startswith(_KUBERNETES_OWN)), keeps[0])
    return keeps[0]


_KUBERNETES_OWN = "k8s.io/"
_GENERATED_CACHE = re.compile(r"/(?:informers|listers)(?:/|$)")


# A cobra command's name, in its literal or set after (ocm's `cmd.Use = "klusterlet"` on the
# command a library builds).
_COMMAND_NAME = rb'(?:\bUse:|\.Use\s*=)\s*"'
_NAMED_COMMAND = re.compile(_COMMAND_NAME)
# Or set to a name (ocm's `cmd.Use = agentCmdName` beside its klusterlet command).
_COMMAND_NAMED_BY = re.compile(rb"\.Use\s*=\s*([A-Za-z_]\w*)\b(?!\s*[.(\[])")


def _declares_a_command(code: bytes) -> bool:
    """Whether Go code names a cobra command: in a literal, or set after (see _declares_command),
    or by a name that is not a parameter of its function (a helper's `c.Use = use` names every
    command it builds, and declares none)."""
    if _NAMED_COMMAND.search(code):
        return True
    for named in _COMMAND_NAMED_BY.finditer(code):
        header_start = max((found.start() for found in _FUNCTION_START.finditer(code, 0, named.start())), default=-1)
        header = go_code.function_header(code, header_start, named.start()) if header_start >= 0 else b""
        if not re.search(rb"\b%s\b" % re.escape(named.group(1)), header):
            return True
    return False


_FUNCTION_START = re.compile(rb"(?m)^func\b")
_PERSISTENT_PRE_RUN = re.compile(rb"\bPersistentPreRunE?\s*:")


def _declares_command(subcommand: str) -> re.Pattern:
    """A cobra command named `subcommand` (`Use: "sliprober"`, `Use: "sliprober [flags]"`,
    `cmd.Use = "sliprober"`)."""
    return re.compile(_COMMAND_NAME + re.escape(subcommand.encode()) + rb'[\s"]')
# A command of kong's: a struct field tagged `cmd:""`, named by its `name` or `cmd` tag, else
# by its field name in kebab case (`HelmPull helmPullCmd `cmd:""`` is `helm-pull`); its code
# is its type's (kluctl's `Webui webuiCmd`, whose `run` is its web UI server).
_KONG_COMMAND = re.compile(rb'^[ \t]*(\w+)[ \t]+\*?(\w+)[ \t]+`([^`\n]*\bcmd:"([\w-]*)"[^`\n]*)`', re.MULTILINE)
_KONG_NAME = re.compile(rb'\bname:"([\w-]+)"')
_CAMEL_WORD = re.compile(rb"(?<=[a-z0-9])(?=[A-Z])")


def _kong_commands(code: bytes) -> dict[bytes, bytes]:
    """The commands kong's struct tags declare in a Go file: their names and types."""
    found = {}
    for field, type_name, tag, command in _KONG_COMMAND.findall(code):
        named = _KONG_NAME.search(tag)
        name = named.group(1) if named else command or _CAMEL_WORD.sub(b"-", field.rstrip(b"_")).lower()
        found[name] = type_name
    return found


def _declares_type(code: bytes, names: Iterable[bytes]) -> bool:
    return any(re.search(rb"^(?:type[ \t]+|\t)" + re.escape(name) + rb"[ \t]+struct\b", code, re.MULTILINE)
               for name in names)


class _GoTree:
    """What the linted tree says about Go: main packages, Go Dockerfiles, build configs."""

    def __init__(self, go_files: list[str], dockerfiles: list[str], documents: list[_Document],
                 read_go: Callable[[str], bytes | None], derive: Callable[[str, Callable], Any]):
        self._go_files, self._read_go, self._derive = go_files, read_go, derive
        self._dirs_by_name: dict[str, set[str]] = {}
        for path in [*go_files, *dockerfiles]:
            directory = os.path.dirname(path)
            self._dirs_by_name.setdefault(os.path.basename(directory), set()).add(directory)
        self._dockerfiles: dict[str, list[str]] = {}
        for path in dockerfiles:
            self._dockerfiles.setdefault(os.path.dirname(path), []).append(path)
        self._manifest_dirs = sorted({os.path.dirname(document.source.abspath) for document in documents})
        self._go_dir_cache: dict[str, bool] = {}
        self._modules_by_name: dict[str, str] | None = None  # see _module_named
        self._modules: list[modules.Module] | None = None  # see _linted_modules
        self._main_dir_set: frozenset[str] | None = None  # see _main_dirs
        self._built_images = _build_config_images(documents, self.builds_go, frozenset(dockerfiles))
        self._limit_cache: dict[str | None, bool] = {}  # by container directory (None: unknown)
        self._module_limits: dict[str, bool] = {}  # by module root
        self._module_predates: dict[str, bool] = {}  # by module root, see predates_memory_limit
        self._requires: dict[str, tuple[str, ...]] = {}  # by module root, see _required_modules
        self._built_with: dict[str, list[int]] = {}  # by module root, see _toolchain_or_ci_go_versions
        self._cache_verdicts: dict[ProgramRun, _CacheVerdict] = {}
        # By (directory, files left out, declarations kept per file or None for all): see _package_code.
        self._package_facts: dict[tuple[str, frozenset[str], frozenset | None], _PackageCode] = {}
        self._declarations: dict[str, reached_code.FileDeclarations] = {}  # by path, see _declarations_of
        # By (packages, files left out): see _own_client_parameters.
        self._own_client_parameter_names: dict[tuple[frozenset[str], frozenset[str]], frozenset[bytes]] = {}
        # By path and the values of string flags: see _declarations_in_mode.
        self._mode_declarations: dict[tuple[str, frozenset, str | None], reached_code.FileDeclarations] = {}
        self._package_names: dict[str, bytes | None] = {}  # by directory, see _package_name
        # By (main, subcommand, namespace settings, kinds listed cluster-wide, flags passed, the
        # modes its switches run in): see _cluster_cache_of.
        self._program_keeps: dict[tuple[str, str | None, frozenset[str], frozenset[str] | None,
                                        frozenset[str] | None, frozenset[tuple[bytes, str]]],
                                  tuple[str | None, bool, bool, frozenset[str] | None]] = {}
        self._program_off_flags: dict[str, frozenset[str]] = {}  # by main: see _off_flags_of
        self._program_mode_flags: dict[str, dict[bytes, str]] = {}  # by main: see _mode_flags_of
        # By (main, subcommand, the flags passed that it declares off by default, its modes, the
        # subcommand its main package's switch reads): see _program_facts.
        self._program_facts_of: dict[tuple[str, str | None, frozenset[str] | None, frozenset, str | None],
                                     _ProgramFacts] = {}
        self._declaring_files: dict[tuple[str, str], str | None] = {}  # see _declaring_file
        self._program_packages: dict[str, tuple[set[str], list[str]]] = {}  # by main, see _program_closure
        # By directory: its programs (see _main_dirs_at_or_below, which reads its Dockerfiles)
        # and its image's entrypoint script (see _entrypoint_script).
        self._mains_below: dict[str, list[str]] = {}
        self._entrypoint_scripts: dict[str, tuple[str, str]] = {}
        self._dockerfiles_parsed: list[_Dockerfile] | None = None  # see _parsed_dockerfiles
        self._plain_dockerfiles: dict[str, tuple[str, list[str]]] = {}  # see _plain_dockerfile
        self._flags_spelled: dict[tuple[str, frozenset[str]], bool] = {}  # see _spells_any
        self._flags_required: dict[str, frozenset[str]] = {}  # by project root, see _required_flags
        self._kubebuilder_image_dirs: _KubebuilderImages | None = None  # see _kubebuilder_images
        self._workflow_images: dict[str, set[str]] | None = None  # see _built_by_workflow
        self._makefile_images: dict[str, set[str]] | None = None  # see _built_by_makefile
        self._unbuilt: dict[str, frozenset[str]] | None = None  # see _unbuilt_files
        self._targets: dict[str, dict[str, frozenset[str] | None]] = {}  # by Dockerfile, see _dockerfile_targets

    def recognize(self, container: Container, go_images: tuple[str, ...]) -> tuple[str, str | None]:
        if _runs_powershell(container) or any(development(container) for development, _ in _DEVELOPMENT) or \
                _TEST_IMAGE_WORDS.intersection(words(image_repository(container.image))) or \
                (_TEST_IMAGE_WORDS | _LOCAL_BUILD_TAG_WORDS).intersection(words(_image_tag(container.image))):
            return "", None
        if self._command_script_runs_another(container):
            container.runs_other_entrypoint = True
            return "", None
        image = container.image
        import_path = _image_import_path(image)
        scaffold = _scaffold_project(container)
        chart_project = _chart_project(container) if scaffold is None and import_path is None else None
        if scaffold is not None and self._left_over_scaffold(scaffold, container):
            container.left_over_scaffold = True
            return _said_to_run_go(container, go_images), None  # what the tree says does not hold
        if chart_project is not None and self._runs_what_no_image_holds(chart_project, container):
            return _said_to_run_go(container, go_images), None
        if import_path is not None and not self._linted_module_holds(import_path):
            container.built_elsewhere = import_path
            owners = {_owner(m.path) for m in self._linted_modules() if m.path}
            container.built_by_another_owner = bool(owners) and _owner(import_path) not in owners
            return f"its image is built from {import_path}, a Go package of a module not linted", None
        repository = image_repository(image)
        directory = None
        # A scaffold's image is kubebuilder's placeholder (`controller`), not a directory's name:
        # scheduler-plugins' build/controller is its controller's image, not the manager's.
        if repository in _MANAGER_REPOSITORIES and scaffold is None:
            # Before any directory of that name: the project around the manifest is the one meant.
            directory = self._manager_named_by_role(image, container.source.abspath)
        another = self._role_image_of_another(image)
        named_dirs = self._dirs_named(repository, image)
        if directory is None and named_dirs and scaffold is None:
            candidates = [d for d in sorted(named_dirs) if self.builds_go(d)]
            # The project around the manifest first (a tree of several projects may have two so
            # named), and only it for an image of another owner.
            around = [d for d in candidates
                      if modules.names_below(os.path.dirname(container.source.abspath), d) is not None]
            directory = next(iter(around if around or another else candidates), None)
            # Unless it holds no Dockerfile and is not what the container names to run, while
            # the image, whole, is the `IMG` a kubebuilder project's Makefile builds its manager
            # as: tfsync's chart runs `ghcr.io/tfsync/tfsync`, the manager `make docker-build`
            # builds from cmd/manager, not its CLI in cmd/tfsync (the chart, taken for the CLI's,
            # went unreported beside its scaffold's finding). Arguments without a command may
            # replace the image's CMD, and name the program then.
            named = _command_program(container) or (
                container.written_arguments[0].rsplit("/", 1)[-1] if container.written_arguments else None)
            if directory is not None and not self._dockerfiles.get(directory) and named != os.path.basename(directory):
                directory = self._kubebuilder_images().by_makefile.get(_full_repository(image)) or directory
        if directory is None and scaffold is not None:
            # The kustomization beside it may rename the placeholder after the program's directory
            # (kaito's config/manager: `controller` -> `.../kaito/workspace`, built from cmd/workspace).
            # Or after an image the tree builds (kubelb's `config/deploy/kubelb`: `controller` ->
            # `quay.io/kubermatic/kubelb-manager`, which its Makefile builds from cmd/kubelb).
            renamed_image = _kustomize_image(container) or ""
            renamed = image_repository(renamed_image)
            directory = next((d for d in sorted(self._dirs_named(renamed, renamed_image)) if self._holds_main(d)),
                             None) or (renamed and self._built_images.directories.get(renamed)) or \
                self._kubebuilder_root(scaffold)
        if directory is None and repository:
            directory = self._module_named(repository, _image_owner(image))
            if directory is not None and not self.builds_go(directory) and \
                    len(self._mains_at_or_below(directory)) > 1 and self._chosen_program(container, directory) == directory:
                # Which of the module's programs it runs, none of them built at its root, is not
                # known (kubernaut's 26 have an image each; a stale `kubernaut/kubernaut`
                # Deployment was charged all their caches).
                directory = None
        if directory is None:
            directory = self._kubebuilder_images().by_makefile.get(_full_repository(image))
        if directory is None:
            # Only for a manifest of that project: another's image may share the name.
            named = self._kubebuilder_images().by_project_name.get(repository)
            directory = named if named is not None and \
                modules.names_below(container.source.abspath, named) is not None else None
        # An image of another owner is not what goes by its name here (a Makefile's tag, a
        # workflow's, the project's).
        named_here = repository if not another else ""
        if directory is None and named_here and named_here in self._built_images.directories:
            binaries, dockerfile = self._built_images.programs.get(repository, (frozenset(), ""))
            program = _command_program(container)
            if binaries and program is not None and program not in _SHELLS and program not in binaries and \
                    not _names_program(_read(dockerfile), program):
                # The image holds none of that name: the manifest is left over (controller-mesh's
                # `config/manager` runs `/manager`, its image `ctrlmesh-manager`).
                return _said_to_run_go(container, go_images), None
            directory = self._built_images.directories[repository]
            if directory is None:
                return "a GoReleaser config builds its image from Go", None
        if image.startswith("ko://"):
            # The import path it names, before a directory that merely shares its last name
            # (eventing-redis's `cmd/source/controller` beside `cmd/sink/controller`).
            return "its image is a ko:// reference", self._ko_dir(image) or directory
        if directory is not None and runs_a_script_instead(container, os.path.basename(directory) or repository):
            return "", None
        if directory is not None and not container.command and self._entrypoint_runs_another(directory):
            container.runs_other_entrypoint = True
            return "", None
        if directory is not None and not container.command:
            container.entrypoint_starting_several = self._entrypoint_starting_several(directory)
        if directory is not None and not self._holds_main(directory) and \
                (fetched := self._fetches_its_source(directory)) is not None:
            container.built_elsewhere = fetched
            return f"its image's {fetched} builds Go from source it fetches", None
        if directory is not None:
            return f"its image names {directory}, which builds Go", self._chosen_program(container, directory)
        program_dir = self._program_dir(container)
        if program_dir is not None:
            return f"{_RUNS_BY_COMMAND}{os.path.basename(program_dir)}, the main package in {program_dir}", program_dir
        started = self._started_as_the_project_image(container, repository) if named_here else None
        if started is not None:
            return f"{_RUNS_BY_COMMAND}{_command_program(container)}, the program its module's Dockerfile " \
                   f"starts, {started}", started
        built = self._built_by_makefile(repository) if named_here else None
        if built is not None:
            return f"a Makefile tags its image {repository}, built from the Dockerfile that builds {built}", built
        # The weakest sign, when no other names the program.
        named = self._named_after_project(repository) if named_here else None
        if named is not None and not runs_a_script_instead(container, os.path.basename(named)):
            return f"its image is named for its project and {named}, which builds Go", named
        built = self._built_by_dockerfile_named(repository) if named_here else None
        if built is not None:
            return f"its image is named for its project and the Dockerfile that builds {built}", built
        built = self._built_by_workflow(repository) if named_here else None
        if built is not None:
            return f"a GitHub workflow builds its image {repository} from the Dockerfile that builds {built}", built
        # A chart kept in a kubebuilder project, its image named for the project in other words
        # than its module's, running the program the project's Dockerfile starts (liqo-upgrade-
        # operator's chart runs `/manager` of `kazem26/liqo-upgrade-operator`, its module
        # `liqo-upgrade-controller`; unread, its scaffold was reported instead of what the README
        # installs). After what builds the image by its name: another Dockerfile may build
        # another `/manager`.
        program = _dockerfile_program(container)
        if chart_project and program and named_here and self._named_for_a_module(image) and \
                self._starts(chart_project, program):
            started = self._entrypoint_program(chart_project)
            if started is not None:
                return f"{_RUNS_BY_COMMAND}{program}, the program its project's Dockerfile starts, {started}", started
        return self._not_recognized(container, go_images)

    def _not_recognized(self, container: Container, go_images: tuple[str, ...]) -> tuple[str, None]:
        """What `recognize` answers for a container whose program nothing in the tree names."""
        said = _said_to_run_go(container, go_images)
        if said.startswith(_SAID_BY_ITS_ENVIRONMENT) and not self._may_be_the_projects(container.image):
            # A Go program the tree does not build, under another name than the project's
            # (vjailbreak's copy of kube-prometheus runs prometheus-operator with GOGC=30):
            # whether its code sets a limit is not known here, and its manifests are upstream's.
            container.built_elsewhere = _full_repository(container.image)
            container.built_by_another_owner = True
        return said, None

    def _chosen_program(self, container: Container, directory: str) -> str:
        """The program a container runs of an image whose directory holds several main
        packages: the one named like its chart component's key (egressd's `collector`, whose
        image `egressd` names the module that also holds its exporter, which caches the
        cluster), or the one its Dockerfile builds under the name its `command` starts, else
        the one so named, among all below the directory (theatre's one image of six programs,
        each manager's Deployment running `/usr/local/bin/rbac-manager` or another), else the
        directory; or, a directory outside
        any module, the one main package its Dockerfile builds from a module it copies in
        (_dockerfile_builds); or, with no `command`, the one its image's ENTRYPOINT starts
        (_entrypoint_program)."""
        if modules.module_of_dir(directory) is None and len(built := self._dockerfile_builds(directory, plain=True)) == 1:
            return built[0]
        if container.chart is not None:
            # The program its template's command starts, else its component's key.
            name = os.path.basename(container.command[0]) if container.command else container.name.rsplit(".", 1)[-1]
            mains = self._mains_at_or_below(directory)
        elif container.command:
            # Any main package below: sidero's `/manager` is its root's, and the same image's
            # `/siderolink-manager` its `cmd/siderolink-manager`.
            name = os.path.basename(container.command[0])
            mains = [d for d in self._main_dirs() if modules.names_below(d, directory) is not None]
        else:
            started = self._entrypoint_program(directory)
            return started if started is not None and started in self._mains_at_or_below(directory) else \
                self._only_program(directory)
        # The one its image builds under that name first (openperouter's `/controller`, built
        # `go build -o controller ./cmd/hostcontroller`; jupyter-k8s' `/manager`, built from
        # cmd/main.go beside a cmd/manager of another main package), or starts; else the one so named.
        started = self._built_as(directory, name) if container.command else None
        if started is not None and started in mains:
            return started
        named = [main for main in mains if os.path.basename(main) == name]
        if len(mains) > 1 and len(named) == 1:
            return named[0]
        started = None if container.command else self._entrypoint_program(directory)
        if started is not None and started in mains:
            return started
        # The one its image's name says a Dockerfile builds (kubernetes-nmstate's
        # `kubernetes-nmstate-operator`, of `build/Dockerfile.operator`, whose binary is called
        # `manager` as the handler's is: the operator's finding named the handler's kinds).
        built = self._built_by_dockerfile_named(image_repository(container.image))
        if built is not None and built in mains:
            return built
        manager = os.path.join(directory, "cmd")
        if {name, image_repository(container.image)} & _MANAGER_REPOSITORIES and \
                os.path.isfile(os.path.join(directory, "PROJECT")) and self._holds_main(manager):
            # kubebuilder's manager, built from `cmd/main.go` beside the project's other programs
            # (slingshot-operator's image `.../manager` holds its driver agent too, whose Nodes
            # the manager's message named), unless its command names another.
            return manager
        return self._only_program(directory)

    def _only_program(self, directory: str) -> str:
        """The one main package at or below `directory`, else `directory`: gobackup-operator's
        image names its module, whose one program is cmd/, as its kubebuilder scaffold's is (one
        program, not two). Not across modules: a directory outside any module builds only what
        its Dockerfile copies in."""
        below = self._mains_at_or_below(directory)
        module = modules.module_of_dir(directory)
        return below[0] if len(below) == 1 and module is not None and modules.module_of_dir(below[0]) == module \
            else directory

    def _kubebuilder_images(self) -> _KubebuilderImages:
        """The images kubebuilder projects (a `PROJECT` file beside a Dockerfile or a go.mod) build, and
        the project each runs the manager of:
        - by whole repository, the `IMG` of the Makefile (`IMG ?= registry.example/acme/flow-controller:v1`,
          variables the Makefile sets resolved), which `make docker-build` tags the manager's
          image with: chaosmeta's chart runs `chaosmeta-flow-controller`, its flow operator;
        - by repository name, the `projectName` of the `PROJECT` file, which kubebuilder names
          the manager's images after (`IMAGE_TAG_BASE`, the chart its helm plugin writes):
          kcloud-operator's chart runs `npu-operator`, its project's name, while its Makefile
          tags the scaffold's placeholder; its `config/manager` copy, which only the e2e tests
          deploy, was reported instead of the chart (read as not worth a change);
        - by the names each project goes by (see _manager_named_by_role)."""
        if self._kubebuilder_image_dirs is None:
            self._kubebuilder_image_dirs = _KubebuilderImages({}, {}, {})
            # A project's Dockerfile may sit elsewhere (tensor-fusion's `dockerfile/operator.Dockerfile`):
            # its module's root counts too.
            # Then its manager must be where kubebuilder puts it (`cmd/main.go`, or at the root):
            # kubernaut's project builds 26 programs from `cmd/<name>/`, each its own image.
            roots = set(self._dockerfiles) | {m.root for m in self._linted_modules()
                                              if self._holds_main(m.root) or self._holds_main(os.path.join(m.root, "cmd"))}
            for directory in sorted(roots):
                project = os.path.join(directory, "PROJECT")
                if not os.path.isfile(project):
                    continue
                image = _makefile_image(_read(os.path.join(directory, "Makefile")))
                if image is not None:
                    self._kubebuilder_image_dirs.by_makefile.setdefault(_full_repository(image), directory)
                name = _PROJECT_NAME.search(_read(project))
                if name:
                    self._kubebuilder_image_dirs.by_project_name.setdefault(name.group(1), directory)
                module = modules.module_of_dir(directory)
                path = _unversioned(module.path) if module is not None else ""
                module_names = path.split("/")[-2:] if path.count("/") >= 2 else []
                self._kubebuilder_image_dirs.names[directory] = frozenset(
                    n.lower() for n in [*module_names, *(name.groups() if name else ())])
        return self._kubebuilder_image_dirs

    def _manager_named_by_role(self, image: str, manifest: str) -> str | None:
        """The kubebuilder project around the manifest whose manager an image named for the role
        runs (`operator`, `manager`) under a path naming the project: its module's owner or
        name, or its `projectName`. crystalbackup's chart runs `ghcr.io/crystalbackup/operator`,
        slingshot-operator's `ghcr.io/sielicki/slingshot-operator/manager`, while their
        Makefiles tag kubebuilder's placeholder; their `config/manager` copies were reported
        instead of the charts users install."""
        path = _image_path(image)
        return next((directory for directory, names in sorted(self._kubebuilder_images().names.items())
                     if names & path and modules.names_below(os.path.dirname(manifest), directory) is not None), None)

    def _role_image_of_another(self, image: str) -> bool:
        """Whether an image named for a role (`operator`, `manager`) is published under a path
        no word of which names one of the linted projects (a word of a module's path, or of a
        kubebuilder `projectName`; one beginning the other counts, `acme` and `acmeio`), and that
        no Makefile of the tree tags: another project's program, not a directory of that name
        elsewhere. qubership-monitoring-operator deploys VictoriaMetrics'
        `victoriametrics/operator` beside its own `cmd/operator`, whose cache that container was
        charged (read as wrong)."""
        path = _image_path(image)
        if image_repository(image) not in _MANAGER_REPOSITORIES or not path or \
                _full_repository(image) in self._kubebuilder_images().by_makefile:
            return False
        named = [word for m in self._linted_modules() for word in re.split(r"[/._-]", m.path.lower())]
        named += [word for names in self._kubebuilder_images().names.values() for name in names
                  for word in re.split(r"[._-]", name)]
        said = [word for part in path for word in re.split(r"[._-]", part) if word]
        return not any(_said_by([word], named) or any(_said_by([name], [word]) for name in named if name)
                       for word in said)

    def _entrypoint_runs_another(self, directory: str) -> bool:
        """Whether the image built in `directory` starts, when no `command` overrides it, an
        entrypoint script of the tree that names none of its Go programs: kube-fluentd-operator's
        image builds its config reloader but starts fluentd (`ENTRYPOINT
        ["/fluentd/entrypoint.sh"]`, copied from `image/entrypoint.sh`, which runs `exec fluentd`),
        the container beside the reloader's that gives no command. A script that runs its
        arguments (`exec "$@"`), or one not in the tree, may start the program: unknown, no."""
        _, body = self._entrypoint_script(directory)
        if not body or _RUNS_ARGUMENTS.search(body):
            return False
        programs = {os.path.basename(main) for main in self._mains_at_or_below(directory)}
        return bool(programs) and not _names_any(body, programs)

    def _command_script_runs_another(self, container: Container) -> bool:
        """Whether the container's command is a script that the tree's Dockerfiles copy to that
        path of their image, which names none of the tree's Go programs and may start nothing it
        does not name (_may_start_unknown): unifabric's `lldpd` sidecar runs its agent's image
        with `/usr/bin/unifabric/entrypoint.sh`, which writes a config and starts lldpd, a C
        daemon (its finding was read as wrong). The programs are named by a main package's
        directory, what a copying Dockerfile's `go build -o` writes or copies from another stage,
        and the names its COPY and RUN lines give those (_renames). Unknown (False) when no
        Dockerfile copies a script there, one of those scripts is not in the tree, or one of
        those Dockerfiles builds no Go by `go build -o` (`RUN make build`: its program's name is
        not known) or has a RUN line that cannot be read."""
        if not _runs_a_script(container):
            return False
        copied = self._scripts_copied_to(container.command[0])
        if not copied or any(body is None or _may_start_unknown(body) for _, body in copied):
            return False
        mains = {os.path.basename(main) for main in self._main_dirs()}
        programs = set()
        for dockerfile, _ in copied:
            if not dockerfile.built or dockerfile.renames is None or dockerfile.from_stages is None or \
                    any("$" in name for name in dockerfile.built):
                return False  # names not known: a build argument's, a directory's, make's
            programs |= _renamed(mains | dockerfile.built | dockerfile.from_stages, dockerfile.renames)
        return not any(_names_any(body, programs) for _, body in copied)

    def _scripts_copied_to(self, path: str) -> list[tuple[_Dockerfile, str | None]]:
        """Each Dockerfile of the tree that copies a script from its build context to `path` (to
        that path, or into its directory), with the script's text, comment lines left out (None
        when it is not found); the build context is taken to be the Dockerfile's directory or
        the nearest one above it holding the source."""
        name = path.rsplit("/", 1)[-1]
        found = []
        for dockerfile in self._parsed_dockerfiles():
            for sources, destination, from_stage in dockerfile.copies:
                if from_stage or destination not in (path, path.rsplit("/", 1)[0] + "/"):
                    continue
                for source in sources:
                    # A source written as an absolute path is not read as the build context's.
                    if source.startswith("/") or source.rsplit("/", 1)[-1] != name:
                        continue
                    script = _in_build_context(dockerfile.directory, source, os.path.isfile)
                    found.append((dockerfile, _COMMENT_LINES.sub("", _read(script)) if script else None))
        return found

    def _parsed_dockerfiles(self) -> list[_Dockerfile]:
        """The tree's Dockerfiles, each read and parsed once."""
        if self._dockerfiles_parsed is None:
            self._dockerfiles_parsed = []
            for directory, paths in sorted(self._dockerfiles.items()):
                for path in paths:
                    self._dockerfiles_parsed.append(_Dockerfile.of(directory, _COMMENT_LINES.sub("", _read(path))))
        return self._dockerfiles_parsed

    def _entrypoint_starting_several(self, directory: str) -> str | None:
        """The name of the entrypoint script of the image built in `directory` when it starts
        several programs side by side: two or more in the background (`gobgpd ... &`, `manager
        ... &`: k8gobgp's), or one in the background beside one it `exec`s. Each process then
        needs its own share of the container's limit, not 90% of it."""
        script, body = self._entrypoint_script(directory)
        started = {_program_name(line) for line in _BACKGROUNDED.findall(body)}
        execs = {_program_name(line) for line in _EXECUTED.findall(body)} - {'"$@"', "$@"}
        return script if len(started) > 1 or started and execs - started else None

    def _entrypoint_program(self, directory: str) -> str | None:
        """The main package whose binary the plain Dockerfile in `directory` starts as its one
        ENTRYPOINT, built there by `go build -o <that name> <package>`: k8s-deploy-monitor-operator's
        image builds `rollout-monitor` and `rollout-dispatcher` and starts the first, whose
        Deployment informers its chart's finding is about. None with several ENTRYPOINTs (the
        stages of a multi-target Dockerfile: which one the image is built from is not known)."""
        entrypoints = self._plain_dockerfile(directory)[1]
        return self._built_as(directory, entrypoints[0].rsplit("/", 1)[-1]) if len(entrypoints) == 1 else None

    def _built_as(self, directory: str, program: str) -> str | None:
        """The main package the plain Dockerfile in `directory` builds as `program`, by `go build
        -o <program> <package>`."""
        text = self._plain_dockerfile(directory)[0]
        for command in _GO_BUILD_COMMAND.findall(_CONTINUED_LINE.sub(" ", text)):
            if _output_name(command) != program:
                continue
            targets = _GO_BUILD_TARGET.findall(_OUTPUT_FLAG.sub(" ", command))
            if len(targets) == 1:
                relative, here, main_file, globbed = targets[0]
                target = os.path.normpath(os.path.join(directory, relative or here or globbed
                                                       or os.path.dirname(main_file)))
                return target if self._holds_main(target) else None
        return None

    def _entrypoint_script(self, directory: str) -> tuple[str, str]:
        """The name and text of the `.sh` script that the plain Dockerfile in `directory` makes
        its ENTRYPOINT, copied from the build context (not another stage's, `--from`), with its
        comment lines left out ("", "" when there is none); read once per directory."""
        if directory not in self._entrypoint_scripts:
            self._entrypoint_scripts[directory] = self._read_entrypoint_script(directory)
        return self._entrypoint_scripts[directory]

    def _plain_dockerfile(self, directory: str) -> tuple[str, list[str]]:
        """The text of the plain Dockerfile in `directory` without its comment lines ("" when
        there is none), and the first word of each of its ENTRYPOINTs; read once per directory."""
        if directory not in self._plain_dockerfiles:
            dockerfile = next((path for path in self._dockerfiles.get(directory, [])
                               if dockerfile_suffix(path) == ""), None)
            text = _COMMENT_LINES.sub("", _read(dockerfile)) if dockerfile else ""
            self._plain_dockerfiles[directory] = \
                text, [found.group(1) or found.group(2) for found in _ENTRYPOINT.finditer(text)]
        return self._plain_dockerfiles[directory]

    def _read_entrypoint_script(self, directory: str) -> tuple[str, str]:
        text, entrypoints = self._plain_dockerfile(directory)
        script = entrypoints[-1].rsplit("/", 1)[-1] if entrypoints else ""
        if not script.endswith(".sh"):
            return "", ""
        source = next((found for found in _copied_sources(text) if found.rsplit("/", 1)[-1] == script), None)
        body = _COMMENT_LINES.sub("", _read(os.path.join(directory, source))) if source else ""
        return (script, body) if body else ("", "")

    def _kubebuilder_root(self, root: str) -> str | None:
        """The root of the kubebuilder project a scaffold's manager belongs to (see
        _scaffold_project), when it builds the manager from Go."""
        # A kubebuilder project's manager is Go wherever its main is (mongodb's cmd/manager).
        project = os.path.isfile(os.path.join(root, "PROJECT"))
        return root if self.builds_go(root) or project and os.path.isfile(os.path.join(root, "go.mod")) else None

    def _left_over_scaffold(self, root: str, container: Container) -> bool:
        """Whether a kubebuilder scaffold's command runs a program its project's Dockerfiles
        never name: left over, it deploys nothing (cyclops' `config/manager` runs `/manager`,
        its image `/app/bin/ctrl`; spire-controller-manager's has `/spire-controller-manager`;
        scheduler-plugins' `build/controller/Dockerfile` has `/bin/controller`). The
        Dockerfiles are those at or below the project's root, outside test and tooling
        directories; unknown (False) without one."""
        program = _dockerfile_program(container)
        if program is None:
            return False
        dockerfiles = self._project_dockerfiles(root)
        if not dockerfiles:
            return False
        if not any(_names_program(_read(path), program) for path in dockerfiles):
            return True
        # It passes kubebuilder's manager flags that no Go file of the project declares: a main
        # rewritten without them exits at its first flag (secret-rotator's defines only
        # `-metrics-addr`; its scaffold was read as deploying nothing that runs).
        passed = frozenset({argument.lstrip("-").split("=", 1)[0] for argument in container.command[1:]
                            if argument.startswith("-")} & _KUBEBUILDER_FLAGS)
        if passed and not self._spells_any(root, passed):
            return True
        # Or its manager exits without a flag that no manifest passes (f11r-operator's
        # `--game-server-image`, read as a scaffold that cannot be what runs).
        if container.passed_flags is not None and not self._required_flags(root) <= container.passed_flags:
            return True
        # Its Dockerfiles build Go sources the tree does not hold: kyverno-notation-verifier's
        # scaffold builds `cmd/main.go`, which its library's tree never had (read as deploying
        # nothing).
        # A target named by a build argument (kserve's `./cmd/${CMD}`) may be any program of the
        # directory before it, when the tree holds that.
        targets = [target.split("$", 1)[0] for path in dockerfiles for target in _go_build_targets(_read(path))]
        module = modules.module_of_dir(root)
        bases = {root} | ({module.root} if module is not None else set())
        return bool(targets) and not any(os.path.exists(os.path.join(base, target)) for base in bases
                                         for target in targets)

    def _runs_what_no_image_holds(self, root: str, container: Container) -> bool:
        """Whether a chart kept in the kubebuilder project at `root` (_chart_project) runs a
        program that the image its project builds does not hold, nor any Dockerfile of the tree
        names: the project's Dockerfile starts another program (its one ENTRYPOINT) and its
        image's stage copies in that program and files alone (`*.yaml`), no directory where a
        program built elsewhere may be (kraut's chart runs `/manager`, its image holds only
        `/app`: read as a chart that cannot start)."""
        program = _dockerfile_program(container)
        if program is None:
            return False
        text, entrypoints = self._plain_dockerfile(root)
        if len(entrypoints) != 1 or self._starts(root, program):
            return False
        started = entrypoints[0].rsplit("/", 1)[-1]
        last_stage = text[max(0, text.lower().rfind("\nfrom ")):]
        if not all(os.path.basename(source.rstrip("/")) == started or _FILE_NAME.fullmatch(os.path.basename(source))
                   for source in _copied_sources(last_stage, stages=True)):
            return False
        return not any(_names_program(_read(path), program) for paths in self._dockerfiles.values() for path in paths)

    def _required_flags(self, root: str) -> frozenset[str]:
        """The flags the manager of the kubebuilder project at `root` (its main package, at the
        root or in `cmd`) exits without (go_code.required_flags); read once per project (its
        scaffold's copies ask the same)."""
        if root not in self._flags_required:
            main = next((d for d in (root, os.path.join(root, "cmd")) if self._holds_main(d)), None)
            self._flags_required[root] = frozenset().union(*(
                go_code.required_flags(go_code.COMMENTS.sub(b"", self._read_go(path) or b""))
                for path in _go_files_in(main))) if main is not None else frozenset()
        return self._flags_required[root]

    def _spells_any(self, root: str, flags: frozenset[str]) -> bool:
        """Whether a non-test Go file at or below `root` quotes one of the flag names, or binds
        them through a library that declares them (k8s.io/component-base's
        `BindLeaderElectionFlags` declares `--leader-elect`); read once per project and flags
        (its scaffold's copies pass the same)."""
        if (root, flags) not in self._flags_spelled:
            quoted = re.compile("|".join([rf'"{re.escape(flag)}"' for flag in sorted(flags)] + [_FLAG_BINDERS]).encode())
            self._flags_spelled[root, flags] = any(
                quoted.search(self._read_go(path) or b"") for path in self._go_files
                if not path.endswith("_test.go") and modules.names_below(os.path.dirname(path), root) is not None)
        return self._flags_spelled[root, flags]

    def _project_dockerfiles(self, root: str) -> list[str]:
        return [path for directory, paths in self._dockerfiles.items()
                if (below := modules.names_below(directory, root)) is not None and not _in_test_dir(below)
                for path in paths]

    def _module_named(self, repository: str, owner: str = "") -> str | None:
        """The root of a linted module named like the image (its path's last element, without
        a major version: `github.com/percona/percona-xtradb-cluster-operator` for the image
        `perconalab/percona-xtradb-cluster-operator`) that holds a main package; or named
        like the image after words its owner begins with (`gravitee-kubernetes-operator` for
        `graviteeio/kubernetes-operator`: the owner's name said once, in the registry). Not a
        module whose programs are all libraries for C (_c_library), built with
        `-buildmode=c-shared` as plugins of another language's program: loongcollector's
        image, named for its module `ilogtail`, runs its C++ agent, which loads the Go
        plugins, and was charged their informers."""
        if self._modules_by_name is None:
            self._modules_by_name = {}
            for path in self._go_files:
                directory = os.path.dirname(path)
                module = modules.module_of_dir(directory)
                if module is None or not module.path or not self._holds_main(directory):
                    continue
                name = re.sub(r"(/v[0-9]+|\.v[0-9]+)$", "", module.path).rsplit("/", 1)[-1]
                self._modules_by_name.setdefault(name, module.root)
            for name, root in list(self._modules_by_name.items()):
                mains = self._mains_at_or_below(root)
                if mains and all(self._c_library(main) for main in mains) and _builds_for_c(root, mains):
                    del self._modules_by_name[name]
        found = self._modules_by_name.get(repository)
        if found is None and owner:
            owner_words = re.split(r"[._-]", owner.lower())
            found = next((root for name, root in sorted(self._modules_by_name.items())
                          if name.endswith("-" + repository) and
                          _said_by(name[:-len(repository) - 1].lower().split("-"), owner_words)), None)
        return found

    def _c_library(self, directory: str) -> bool:
        """Whether the main package in `directory` may be built as a library for C: a file of it
        imports "C" and exports a function (`//export Name`), as a `-buildmode=c-shared`
        plugin does; so does a program that gives C a callback, which _builds_for_c tells apart."""
        return any(_EXPORTED_TO_C.search(source) and "C" in go_code.file_imports(source)
                   for path in _go_files_in(directory) if (source := self._read_go(path) or b""))

    def _started_as_the_project_image(self, container: Container, repository: str) -> str | None:
        """The main package a container runs when its image is named `P-D` for a linted module
        `P` and its command starts the program that the Dockerfile at the module's root makes
        its one ENTRYPOINT, by that program's name: network-services-operator's cell manager
        (image `network-services-operator-cell`, a placeholder its tasks rename, command
        `/network-services cell-manager`) runs the operator's `cmd/main.go` and went unchecked."""
        program = _command_program(container)
        if program is None or program in _SHELLS:
            return None
        for module in self._linted_modules():
            name = _unversioned(module.path).rsplit("/", 1)[-1].lower()
            if name and repository.startswith(name + "-") and self._starts(module.root, program):
                return self._entrypoint_program(module.root)
        return None

    def _starts(self, directory: str, program: str) -> bool:
        """Whether the plain Dockerfile in `directory` starts `program` (by name) as its one
        ENTRYPOINT."""
        entrypoints = self._plain_dockerfile(directory)[1]
        return len(entrypoints) == 1 and entrypoints[0].rsplit("/", 1)[-1] == program

    def _named_for_a_module(self, image: str) -> bool:
        """Whether an image's name (its path below its registry and owner: `upgrade-operator`
        and `reconciler` of `ghcr.io/acme/upgrade-operator/reconciler`) shares a word with a
        linted module's name, beyond words for a role (`operator`, `controller`)."""
        names = {word for m in self._linted_modules() if m.path
                 for word in words(_unversioned(m.path).rsplit("/", 1)[-1])}
        parts = _full_repository(image).split("/")
        if len(parts) > 1 and _REGISTRY_HOST.search(parts[0]):
            parts = parts[1:]
        said = {word for part in (parts[1:] if len(parts) > 1 else parts) for word in words(part)}
        return bool((said & names) - _GENERIC_WORDS)

    def _may_be_the_projects(self, image: str) -> bool:
        """Whether an image's owner or name shares a word with a linted module's owner or name
        (beyond words for a role: `operator`, `controller`), or no module is linted: the
        project's own image under another name than its directories'."""
        names = {word for m in self._linted_modules() if m.path
                 for element in _owner_and_name(_unversioned(m.path)) for word in words(element)}
        if not names:
            return True
        said = {word for element in _full_repository(image).split("/")[-2:] for word in words(element)}
        return bool((said & names) - _GENERIC_WORDS)

    def _named_after_project(self, repository: str) -> str | None:
        """The program an image names after its project's name: `P-D`, where `D` is the name
        of a directory outside tests that builds Go (see builds_go), or its last path elements
        joined by dashes (in either order), and each word of `P` is a word of that directory's
        module path or, four letters or more, begins one (azure-container-networking's `azure-npm` runs `npm`,
        tetragon's `tetragon-operator` runs `operator`, vald's `vald-manager-index` runs
        `cmd/manager/index`; all three were left unchecked). A third party's image beside them
        keeps its own prefix (`fdb-kubernetes-operator` in doris-operator, `perses-operator` in
        observability-operator)."""
        parts = repository.split("-")
        # First the whole name as path elements (vald's `vald-operator` is `cmd/operator/vald`,
        # not `cmd/index/operator`, which `vald-` then `operator` would find).
        for cut in range(0 if len(parts) > 1 else 1, len(parts)):
            prefix, program = parts[:cut], parts[cut:]
            # Its path's last elements, in either order (sealos' `service/database` is
            # `sealos-database-service`).
            named = self._dirs_by_name.get("-".join(program), set()) | {
                d for last in {program[-1], program[0]} for d in self._dirs_by_name.get(last, ())
                if d.split(os.sep)[-len(program):] in (program, program[::-1])}
            for directory in sorted(named):
                module = modules.module_of_dir(directory)
                # A directory whose Dockerfile builds the program below it counts (azure-npm's
                # `npm` builds `npm/cmd`); a test's program of that name does not (its
                # `test/integration/npm`).
                if not self.builds_go(directory) or module is None or \
                        _in_test_dir(modules.names_below(directory, module.root) or ()):
                    continue
                if _names_module(prefix, module):
                    return directory
        return None

    def _linted_modules(self) -> list[modules.Module]:
        """The modules of the linted Go files, by root."""
        if self._modules is None:
            self._modules = sorted({m for m in (modules.module_of_dir(os.path.dirname(p)) for p in self._go_files)
                                    if m is not None}, key=lambda m: m.root)
        return self._modules

    def _linted_module_holds(self, import_path: str) -> bool:
        return any(modules.in_module(import_path, m.path) for m in self._linted_modules())

    def _program_dir(self, container: Container) -> str | None:
        """The main package a container's command runs by its directory's name, whatever the
        image is called (`command: ["/usr/src/multus-cni/bin/multus-daemon"]` runs
        cmd/multus-daemon, in multus-cni's image)."""
        program = _command_program(container)
        if program is None or program in _SHELLS:
            return None
        # In a monorepo of modules, a manifest inside one runs that module's program:
        # sealos' services run `/manager` like its controllers, built from their own modules.
        home = modules.module_of_dir(os.path.dirname(container.source.abspath))
        return next((d for d in sorted(self._dirs_by_name.get(program, ())) if self._holds_main(d)
                     and (home is None or modules.module_of_dir(d) == home)), None)

    def _ko_dir(self, image: str) -> str | None:
        """The directory of a `ko://` import path among the linted Go packages."""
        import_path = image.removeprefix("ko://").split("@", 1)[0].split(":", 1)[0]
        for directory in {os.path.dirname(p) for p in self._go_files}:
            module = modules.module_of_dir(directory)
            if module and modules.import_path_of_dir(directory, module) == import_path:
                return directory
        return None

    def _fetches_its_source(self, directory: str) -> str | None:
        """The name of the Dockerfile of `directory` that builds Go from source it downloads
        (`git clone`, `curl`/`wget` or `ADD` of an address) and takes no Go from the build
        context: another project's program, as cozystack builds clastix's kamaji from its
        release archive, with patches of its own."""
        for path in self._dockerfiles.get(directory, []):
            text = _COMMENT_LINES.sub("", _read(path))
            if _builds_go_program(text) and _FETCHES_SOURCE.search(text) and \
                    not any(_GO_SOURCE.search(copied) for copied in _copied_sources(text)):
                return os.path.basename(path)
        return None

    def _dirs_named(self, repository: str, image: str) -> set[str]:
        """The directories named as an image's repository; when none of those builds Go, those
        named with underscores for its hyphens (which image names avoid and Go directories do
        not), outside tests and examples, that build Go, and that build an image of their own or
        run an image that may be the project's (_may_be_the_projects: not another project's
        `node-exporter` beside a collector package `node_exporter`). gaudi-reference-cloud's
        chart runs `kubernetes-operator`, built from go/pkg/kubernetes_operator's Dockerfile
        (its chart went unreported beside its scaffold's finding)."""
        exact = self._dirs_by_name.get(repository, set())
        if "-" not in repository or any(self.builds_go(d) for d in exact):
            return exact
        spelled = set()
        for directory in self._dirs_by_name.get(repository.replace("-", "_"), set()):
            module = modules.module_of_dir(directory)
            if module is None or _in_test_dir(modules.names_below(directory, module.root) or ()) or \
                    not self.builds_go(directory):
                continue
            if self._builds_go_image(directory) or self._may_be_the_projects(image):
                spelled.add(directory)
        return spelled or exact

    def builds_go(self, directory: str) -> bool:
        """Whether the directory holds a main package or a Dockerfile that builds Go."""
        if directory not in self._go_dir_cache:
            self._go_dir_cache[directory] = self._holds_main(directory) or self._builds_go_image(directory)
        return self._go_dir_cache[directory]

    def _builds_go_image(self, directory: str) -> bool:
        """Whether a Dockerfile of the directory builds Go."""
        return any(_builds_go_program(_read(path)) for path in self._dockerfiles.get(directory, []))

    def _holds_main(self, directory: str) -> bool:
        return directory in self._main_dirs()

    def pin_programs_of_shared_directories(self, containers: list[Container]) -> dict[int, list[Container]]:
        """Give a container whose directory holds several programs below it, and which names
        none by its command, the one of them no container of another image runs: avapigw's
        chart runs the image named for the project, whose module builds cmd/gateway and
        cmd/operator, and `config/manager` runs the operator's image, `/operator` (the chart's
        gateway was read as wrongly charged the operator's cache). Returns, by id, each such
        container of whose programs every one is run by containers of other images, with
        those containers."""
        elsewhere: dict[str, set[str]] = {}  # a program -> the image repositories that run it
        runners: dict[str, list[Container]] = {}  # a program -> the containers that run it
        for container in containers:
            if container.go_dir is not None and self._holds_main(container.go_dir):
                elsewhere.setdefault(container.go_dir, set()).add(image_repository(container.image))
                runners.setdefault(container.go_dir, []).append(container)
        covered: dict[int, list[Container]] = {}
        for container in containers:
            if container.go_dir is None or self._holds_main(container.go_dir):
                continue
            mains = self._mains_at_or_below(container.go_dir)
            repository = image_repository(container.image)
            left = [main for main in mains if not elsewhere.get(main, set()) - {repository}]
            if len(mains) > 1 and len(left) == 1 and not container.command:
                container.go_dir = left[0]
            elif len(mains) > 1 and not left and not (container.command and {
                    os.path.basename(container.command[0])} & {os.path.basename(main) for main in mains}):
                # kubebuilder's `/manager` names none of them.
                covered[id(container)] = [c for main in mains for c in runners[main]]
        return covered

    def _main_dirs(self) -> frozenset[str]:
        """The directories holding a main package, found in one pass over the Go files: each
        question about one would otherwise walk them all (a monorepo has thousands)."""
        if self._main_dir_set is None:
            self._main_dir_set = frozenset(os.path.dirname(path) for path in self._go_files
                                           if not path.endswith("_test.go")
                                           and _PACKAGE_MAIN.search(self._read_go(path) or b""))
        return self._main_dir_set

    def sets_memory_limit(self, directory: str | None) -> bool:
        if directory not in self._limit_cache:
            if directory is not None:
                module = modules.module_of_dir(directory)
                candidates = [module] if module else []
            else:
                candidates = self._linted_modules()
            # A container whose code is not known is told only when every linted module sets a limit.
            self._limit_cache[directory] = bool(candidates) and all(self._module_sets_limit(m) for m in candidates)
        return self._limit_cache[directory]

    def program_predates_memory_limit(self, container: Container) -> bool:
        """Whether the container's program is built with a Go older than 1.19
        (predates_memory_limit): that of its directory, or for a `ko://` image of another
        module's package, that of each module of the tree requiring it, where ko builds it with
        the host's Go, its toolchain line's or its CI's (mink's
        `ko://knative.dev/serving/cmd/autoscaler`, built by its CI's Go 1.17)."""
        if container.go_dir is not None:
            return self.predates_memory_limit(container.go_dir)
        if not container.image.startswith("ko://"):
            return False
        # ko builds with the Go of the host, never a Dockerfile's: each module requiring it must predate.
        import_path = container.image.removeprefix("ko://").split("@", 1)[0].split(":", 1)[0]
        requiring = [module for module in self._linted_modules()
                     if any(modules.in_module(import_path, required) for required in self._required_modules(module))]
        return bool(requiring) and all(_predates(self._toolchain_or_ci_go_versions(module.root)) for module in requiring)

    def _toolchain_or_ci_go_versions(self, module_root: str) -> list[int]:
        """_toolchain_or_ci_go_versions of a module, read once."""
        if module_root not in self._built_with:
            self._built_with[module_root] = _toolchain_or_ci_go_versions(module_root)
        return self._built_with[module_root]

    def _required_modules(self, module: modules.Module) -> tuple[str, ...]:
        """The module paths a module's go.mod requires, read once."""
        if module.root not in self._requires:
            self._requires[module.root] = tuple(
                arguments.split()[0] for _, _, arguments in
                modules.directives(modules.read_directives(os.path.join(module.root, "go.mod")), "require")
                if arguments.split())
        return self._requires[module.root]

    def predates_memory_limit(self, directory: str) -> bool:
        """Whether the module holding `directory` is built with a Go older than 1.19, which
        has no GOMEMLIMIT: its Dockerfiles' `golang` builder images when they name versions
        (eraser's `golang:1.18-bullseye`, or an `ARG` default a `FROM` names), else its
        go.mod's `toolchain` line, else the `go-version` its GitHub workflows set up
        (superedge builds its binaries on the host with 1.17.x). The `go` line is only the
        oldest Go the module accepts (aad-pod-identity says go 1.17 and builds with
        golang:1.19): not a version."""
        module = modules.module_of_dir(directory)
        if module is None:
            return False
        if module.root not in self._module_predates:
            versions = [int(found) for dockerfile_dir, paths in self._dockerfiles.items()
                        if modules.module_of_dir(dockerfile_dir) == module
                        for path in paths for found in _golang_builders(_read(path))]
            self._module_predates[module.root] = _predates(versions or self._toolchain_or_ci_go_versions(module.root))
        return self._module_predates[module.root]

    def keeps_cluster_objects(self, run: ProgramRun) -> bool:
        """Whether a package that the main packages at or below the run's directory import,
        directly or through packages of their module (or of modules beside it on disk), is one
        that keeps Kubernetes objects in memory (see go_code), with none of those packages
        scoping what a cache keeps (go_code.scopings; those that apply only when a namespace is
        named, when the run names one as the code reads it): what it keeps then grows with the
        cluster. True when that is not known: no directory, no module, no main package. With a
        subcommand, what it reaches (_program_facts)."""
        verdict = self._cache_verdict(run)
        return not verdict.known or verdict.cache is not None

    def cluster_cache(self, run: ProgramRun) -> str | None:
        """The package that makes a main package at or below the run's directory keep a
        cluster-wide cache (see keeps_cluster_objects); None when none does, or the code is not known."""
        return self._cache_verdict(run).cache

    def growing_kinds(self, run: ProgramRun) -> tuple[str, ...]:
        """The kinds that grow with the cluster that the main packages at or below the run's
        directory name through packages of their module and may cache (_cached_growing_kinds),
        the most memory first."""
        module, mains = self._run_programs(run)
        named: set[str] = set()
        for main in mains:
            facts = self._program_facts(main, module, run).packages
            named |= _cached_growing_kinds(facts, run.cluster_listed_kinds) - _manager_selected_kinds(facts)
        return tuple(kind for kind in (*go_code.GROWING_KINDS, "PartialObjectMetadata") if kind in named)

    def manager_partly_scoped(self, run: ProgramRun) -> bool:
        """Whether the `ByObject` options of a main package's one manager, at or below the run's
        directory, select some of the kinds that grow with the cluster it may cache, not all
        (opendatahub-operator selects its trust bundles' ConfigMaps by label and keeps its
        Nodes whole: a message saying only that no scoping was found was read as inaccurate)."""
        module, mains = self._run_programs(run)
        for main in mains:
            facts = self._program_facts(main, module, run).packages
            cached, selected = _cached_growing_kinds(facts, run.cluster_listed_kinds), _manager_selected_kinds(facts)
            if cached & selected and cached - selected:
                return True
        return False

    def informer_kinds(self, run: ProgramRun) -> tuple[str, ...]:
        """The kinds that grow with the cluster that the main packages at or below the run's
        directory ask client-go's informer factories for (go_code.informed_kinds), the most
        memory first; none when one of their informers is scoped, whatever the flags or by the
        namespace the run names (a node's Pods beside every Deployment: which factory keeps
        which kind is not known). One that keeps nothing that grows, counted as scoped, asks for
        none of those kinds."""
        module, mains = self._run_programs(run)
        facts = [f for main in mains for f in self._program_facts(main, module, run).packages]
        named = _namespace_named(run, facts)
        if any(f.informer_scopings > f.informers_keeping_nothing or named and f.informer_scopings_when_namespace_named
               for f in facts):
            return ()  # which of its informers keep which kinds is not known
        return tuple(kind for kind in go_code.GROWING_KINDS if kind in frozenset().union(*(f.informed_kinds for f in facts)))

    def informers_partly_scoped(self, run: ProgramRun) -> bool:
        """Whether, of the informers that the main packages at or below the run's directory
        build under the flags it passes, some are scoped (whatever the flags, or by the
        namespace it names; not one counted so for keeping nothing that grows) and not all
        (_informer_counts)."""
        module, mains = self._run_programs(run)
        facts = [f for main in mains for f in self._program_facts(main, module, run).packages]
        scoped, built = _informer_counts(facts, run, _namespace_named(run, facts), _own_factories(facts, module))
        return sum(f.informers_keeping_nothing for f in facts) < scoped < built

    def framework_cache(self, run: ProgramRun) -> go_code.Framework | None:
        """The framework that a main package at or below the run's directory runs, through
        packages of its module, and that keeps a cache of its own (go_code.framework_cache)."""
        return self._first_of_imports(run, go_code.framework_cache)

    def startup_wait(self, run: ProgramRun) -> str | None:
        """What holds a main package at or below the run's directory back before it serves,
        through packages of its module (go_code.startup_wait), named outside a goroutine
        (vault-k8s becomes the leader in one, and serves meanwhile: its SL105 finding was read as
        wrong); None when nothing does, or its code is not known."""
        return self._first_of_imports(run, go_code.startup_wait, awaited=True)

    def _first_of_imports(self, run: ProgramRun, answer: Callable[[Iterable[str]], Any], awaited: bool = False) -> Any:
        """The first answer (not None) that `answer` gives of the import paths of a main package
        at or below the run's directory, through packages of its module, that the code it runs
        names (reached_code; `awaited`: outside goroutines): argo-events' `controller`
        subcommand reaches none of the leader election its `sensor-service` runs (its SL105
        finding was read as wrong)."""
        module, mains = self._run_programs(run)
        for main in mains:
            program = self._program_facts(main, module, run)
            reached = program.awaited_imports if awaited else program.reached_imports
            found = answer(path for f in program.packages for path in f.imports if path in reached)
            if found is not None:
                return found
        return None

    def caches_only_small_kinds(self, run: ProgramRun) -> bool:
        """Whether every main package at or below the run's directory (at least one) keeps
        Kubernetes objects only in a controller-runtime cache of custom resources and small
        kinds (_caches_only_small_kinds)."""
        return self._cache_verdict(run).custom

    def _cache_verdict(self, run: ProgramRun) -> _CacheVerdict:
        """What the main packages at or below the run's directory keep (_CacheVerdict), once per run."""
        if run not in self._cache_verdicts:
            module, mains = self._run_programs(run)
            programs = [self._cluster_cache_of(main, module, run) for main in mains]
            informed = [kinds for _, _, _, kinds in programs]
            self._cache_verdicts[run] = _CacheVerdict(
                bool(mains), next((cache for cache, _, _, _ in programs if cache), None),
                bool(programs) and all(custom for _, custom, _, _ in programs),
                bool(programs) and all(written for _, _, written, _ in programs),
                _all_known(informed) if informed else None)
        return self._cache_verdicts[run]

    def informed_kinds(self, run: ProgramRun) -> frozenset[str] | None:
        """The kinds that grow with the cluster the main packages at or below the run's
        directory keep, when each keeps objects only in client-go informers of known kinds
        (_informed_kinds); None otherwise."""
        return self._cache_verdict(run).informed_kinds

    def caches_written_kinds_only(self, run: ProgramRun) -> bool:
        """Whether every main package at or below the run's directory (at least one) keeps
        Kubernetes objects only in controller-runtime's cache, whose controllers watch kinds
        each written `&pkg.Kind{}` and no objects of any kind: what its cache holds is what
        its code names (growing_kinds), no informer of its own beside it."""
        return self._cache_verdict(run).written

    def _cluster_cache_of(self, main: str, module: modules.Module,
                          run: ProgramRun) -> tuple[str | None, bool, bool, frozenset[str] | None]:
        """The package that makes the main package in `main` keep a cluster-wide cache: one of
        its packages imports it, and none scopes what its cache keeps (None otherwise); and
        whether what it keeps is only controller-runtime's cache of custom resources and small
        kinds, which does not grow with the cluster enough to matter; whether it keeps objects
        only in controller-runtime's cache of written kinds; the kinds it keeps only in informers
        of known kinds (_informed_kinds). Each program on its own: a project's cloud manager
        scoping its cache says nothing of the operator beside it."""
        key = main, run.subcommand, run.namespace_settings, run.cluster_listed_kinds, run.passed_flags, \
            self._modes(main, module, run)
        if key not in self._program_keeps:
            program = self._program_facts(main, module, run)
            facts, keeps = program.packages, program.keeps
            named = _namespace_named(run, facts)
            listed = run.cluster_listed_kinds
            scopes = sum(f.scopings for f in facts) + _selects_every_watched_kind(facts, named, listed)
            if named:
                scopes += sum(f.scopings_when_namespace_named for f in facts)
            caches = sum(f.managers for f in facts) + _informer_constructions(facts) + \
                go_code.knative_informers(path for f in facts for path in f.imports)
            off = _gated_off(facts, run)
            own = _own_factories(facts, module)
            caches -= len(off) + own
            scopes -= sum(g.scoped for g in off)
            builds = any(not modules.in_module(path, module.path) for f in facts for path in f.cache_builders) and \
                any(f.cache_users for f in facts)
            starts = any(f.informer_starts for f in facts)
            # An API server's registry keeps objects only in the watch caches it builds for
            # stores given no storage of their own (_ProgramFacts.api_server_stores).
            stores, own_storage = program.api_server_stores
            registry_caches = not stores or own_storage < stores
            # controller-runtime keeps objects only in a cache the program builds and fills;
            # client-go only in informers and watches it starts.
            keeps = [k for k in keeps if (k != go_code.CONTROLLER_RUNTIME or builds) and
                     (starts or not go_code.keeps_only_with_informers(k)) and
                     (k != go_code.WATCH_TOOLS or any(f.synced_watches for f in facts)) and
                     (registry_caches or not go_code.api_server_storage(k))]
            # Only custom resources and small kinds: in controller-runtime's cache, or in
            # informers asked of factories (client-go's, typed or dynamic, or a generated
            # client's, with `tools/cache` for their handlers), or both.
            small_manager = go_code.CONTROLLER_RUNTIME in keeps and _caches_only_small_kinds(facts, listed)
            others = [k for k in keeps if k != go_code.CONTROLLER_RUNTIME]
            watched = _watched_kinds(facts)
            written = keeps == [go_code.CONTROLLER_RUNTIME] and watched is not None and \
                watched.isdisjoint(go_code.ANY_KIND)
            # A program building no informer of its own names client-go's `tools/cache` only for
            # the handlers it hangs on its manager's informers (gitops-promoter's API server;
            # charged a cluster's cache, read as wrong).
            informed = _informs_only_on_small_kinds(facts) or small_manager and _informer_constructions(facts) == 0
            custom = bool(keeps) and (go_code.CONTROLLER_RUNTIME not in keeps or small_manager) and \
                all(informed and go_code.keeps_only_with_informers(k) for k in others)
            # Its service account may list no kind that grows with the cluster in every namespace.
            custom = custom or bool(keeps) and listed == frozenset()
            if small_manager and others:
                # Only its informers may grow: keda-kaito-scaler's manager caches its custom
                # resources, its informer factory the Secrets of its own namespace (a finding
                # calling that cluster-wide was read as not worth a change).
                keeps = others
                off = [g for g in off if g.informer is not None]
                scopes, caches = _informer_counts(facts, run, named, own)
            # Every manager and informer it builds scoped (or one scoping, for a cache built
            # elsewhere): a second manager beside a scoped one caches the cluster (kubeslice's
            # worker scopes its hub cluster's manager to a namespace, not its own).
            # (When every cache it builds is left off, it keeps nothing.)
            cluster_wide = keeps and not custom and not (off and caches <= 0) and scopes < max(1, caches)
            keeper = _named_keeper(keeps, facts) if cluster_wide else None
            self._program_keeps[key] = (keeper, custom, written, _informed_kinds(facts, keeps))
        return self._program_keeps[key]

    def _program_facts(self, main: str, module: modules.Module, run: ProgramRun) -> _ProgramFacts:
        """What the packages of the program in `main` say (_PackageCode), those they import
        that keep Kubernetes objects (_program_closure), and the import paths the code it runs
        names (reached_code). For a container that runs one
        subcommand of a program with several (its first argument), what the one file
        declaring it (`Use: "apiserver"`) says and reaches: appcat's one binary runs its
        API server, which reads through uncached clients, and its controller, which caches
        Secrets; the API server's finding named the controller's cache and was read as wrong.
        With the flags the run may pass (None: any), a reconciler the program names only under
        an `if` requiring a flag off by default that is not passed is not registered
        (_unregistered_files); with the values its own arguments give string flags, only the
        clause of a `switch` on one that lists its value runs (go_code.without_other_modes)."""
        subcommand = run.subcommand
        # Only the flags declared off by default in the program tell its runs apart.
        passed = None if run.passed_flags is None else run.passed_flags & self._off_flags_of(main, module)
        modes, argument = self._modes(main, module, run)
        key = main, subcommand, passed, modes, argument
        if key not in self._program_facts_of:
            packages, keeps = self._program_closure(main, module)
            declaring = self._declaring_file(main, module, subcommand) if subcommand else None
            # With the files of its package that declare no command (spiderpool-agent's
            # `command_daemon.go` runs what `daemon.go` and `crd_manager.go` beside it hold;
            # appcat's `controller.go` beside its `apiserver.go` declares another command).
            sources = [self._read_go(path) or b"" for path in self._command_files(declaring)] if declaring else []
            roots, first_imports = ([], [i for each in sources for i in go_code.file_imports(each)]) if declaring \
                else ([main], [])
            # A file declaring other commands beside it: of that file, what its command reaches.
            in_file, narrowed = self._own_command_declarations(declaring, subcommand) if declaring else (None, None)
            # The subcommand's switch is read only in the main package, which parses the arguments.
            in_mode = (lambda path: self._declarations_in_mode(
                path, modes, argument if os.path.dirname(path) == main else None)) \
                if modes or argument else self._declarations_of
            declarations_of = in_mode if narrowed is None else \
                (lambda path: narrowed if path == declaring else in_mode(path))
            if in_file is not None:
                alone = reached_code.reach([declaring], (), lambda d: [], declarations_of,
                                           lambda imported: modules.package_dir(imported, module),
                                           self._package_name, {declaring: in_file}, whole_packages=False)
                kept = alone.declarations.get(os.path.dirname(declaring), {}).get(declaring, frozenset())
                sources[0] = reached_code.pruned(narrowed, kept)
                first_imports = [*alone.imports, *(i for each in sources[1:] for i in go_code.file_imports(each))]
            unused = self._unbuilt_files(main)

            def reached() -> tuple[set[str], list[str]]:
                return go_code.local_closure(roots, module, lambda d: self._package_code(d, unused).imports,
                                             first_imports=first_imports)
            if declaring or unused:
                packages, keeps = reached()
            # Files left out leave their imports out, whose packages name fewer reconcilers:
            # until no more are left out (galactic's gateway reaches the package its router's
            # BGP reconciler imports only through that reconciler's file).
            while more := self._unregistered_files(packages, declaring, passed) - unused:
                unused |= more
                packages, keeps = reached()
            # Of what they import, only what the program reaches (reached_code).
            roots = self._command_files(declaring) if declaring else \
                [path for path in _go_files_in(main) if path not in unused]
            root_declarations = {declaring: in_file} if in_file is not None else {}
            if argument:
                # The main package's switch runs the subcommand's own function (`runNode`, in
                # the `node.go` named for it), not the others': main's other files reach from
                # `main` and what runs whatever is used, not from every declaration.
                root_declarations.update(
                    (path, frozenset(i for i, declared in enumerate(declarations_of(path).declarations)
                                     if declared.root or declared.names == (b"main",)))
                    for path in roots if os.path.dirname(path) == main and path != declaring)
            reached = reached_code.reach(
                roots, packages, lambda d: [path for path in _go_files_in(d) if path not in unused],
                declarations_of, lambda imported: modules.package_dir(imported, module), self._package_name,
                root_declarations or None)
            readers = self._api_readers(packages, unused)
            parameters = self._own_client_parameters(packages, unused)
            facts = [self._package_code(d, unused, reached.declarations.get(d, {}), readers, parameters)
                     for d in packages]
            keeps = [k for k in keeps if any(modules.in_module(u, k) for u in reached.imports)]
            if declaring:
                facts.insert(0, _code_facts(sources, api_readers=readers, own_client_parameters=parameters))
            stores = [self._package_code(d, unused).api_server_stores for d in packages]
            self._program_facts_of[key] = _ProgramFacts(
                facts, keeps, reached.imports, reached.awaited,
                tuple(map(sum, zip((0, 0), *stores, *([facts[0].api_server_stores] if declaring else [])))))
        return self._program_facts_of[key]

    def _modes(self, main: str, module: modules.Module,
               run: ProgramRun) -> tuple[frozenset[tuple[bytes, str]], str | None]:
        """What go_code.without_other_modes reads: (name, value) for each name a `switch` of the
        program in `main` tests that one string flag's value is held in, whose value the run's
        own arguments give (_mode_flags_of); and the run's subcommand, when the main package
        switches on the first argument: runtime-agent's `switch role { case roleNode: ...}` (its
        `role, rest := parseRole(os.Args[1:])`) runs only its node agent for `args: [node,
        ...]`, whose finding named the informers of its controller and was read as wrong."""
        values = dict(run.flag_values)
        flags = frozenset((held, values[flag]) for held, flag in self._mode_flags_of(main, module).items()
                          if flag in values) if values else frozenset()
        code = self._package_code(main)
        return flags, run.subcommand if run.subcommand and code.argument_names & code.switched_names else None

    def _mode_flags_of(self, main: str, module: modules.Module) -> dict[bytes, str]:
        """The names a `switch` of the program in `main` tests that hold one string flag's value
        (go_code.string_flags, go_code.switched_names), each with its flag; not a name two flags
        are held in (`driver.Mode`, `metrics.Mode`). Once per program."""
        if main not in self._program_mode_flags:
            facts = [self._package_code(directory) for directory in self._program_closure(main, module)[0]]
            held: dict[bytes, set[str]] = {}
            for name, flag in frozenset().union(*(f.string_flags for f in facts)):
                held.setdefault(name, set()).add(flag)
            switched = frozenset().union(*(f.switched_names for f in facts))
            self._program_mode_flags[main] = {name: next(iter(flags)) for name, flags in held.items()
                                              if len(flags) == 1 and name in switched}
        return self._program_mode_flags[main]

    def _declarations_in_mode(self, path: str, modes: frozenset[tuple[bytes, str]],
                              argument: str | None) -> reached_code.FileDeclarations:
        """A Go file's declarations with what its `switch`es on the flags' values, or on the
        first `argument`, leave out blanked (go_code.without_other_modes), once per file and
        modes; comments kept, so that they are those of _declarations_of."""
        key = path, modes, argument
        if key not in self._mode_declarations:
            source = self._read_go(path) or b""
            blanked = go_code.without_other_modes(
                source, dict(modes), go_code.unambiguous(self._package_code(os.path.dirname(path)).string_constants),
                argument) if b"switch" in source else source
            self._mode_declarations[key] = self._declarations_of(path) if blanked is source else \
                reached_code.declarations_of(blanked)
        return self._mode_declarations[key]

    def _off_flags_of(self, main: str, module: modules.Module) -> frozenset[str]:
        """The flags the packages of the program in `main` declare off by default (go_code.off_flags), once per program."""
        if main not in self._program_off_flags:
            self._program_off_flags[main] = frozenset().union(
                *(self._package_code(directory).off_flags for directory in self._program_closure(main, module)[0]))
        return self._program_off_flags[main]

    def _api_readers(self, packages: Iterable[str], unused: frozenset[str]) -> frozenset[bytes]:
        """The names a program's packages give the manager's API reader and nothing else
        (go_code.api_reader_names), and their methods returning one (go_code.reader_methods):
        what is read through them is not cached."""
        facts = [self._package_code(d, unused) for d in packages]
        given = frozenset().union(*(f.api_reader_names for f in facts))
        if given:
            given -= frozenset().union(*(
                go_code.names_given_otherwise(go_code.COMMENTS.sub(b"", self._read_go(path) or b""), given)
                for d in packages for path in _go_files_in(d) if path not in unused))
        # And the methods returning such a field, or one named for reading uncached (benchhandoff's
        # `r.liveReader()`, returning `r.APIReader`).
        return given | {method for f in facts for method, field in f.reader_methods
                        if field in given or go_code.names_uncached_reader(field)}

    def _own_client_parameters(self, packages: Iterable[str], unused: frozenset[str]) -> frozenset[bytes]:
        """The names of the parameters of a controller-runtime client type (go_code.client_parameters)
        of a program's functions that every call gives, in the calling function, a client that
        function builds without a cache or such a parameter of its own (go_code.client_arguments),
        the function never used as a value (whose callers are not seen), the name no other
        parameter's, variable's or field's: what is read through them is not cached. billing's
        TLS options read a Secret through `secretsClient`, given only its main's
        `bootstrapClient := client.New(...)`: a message naming Secrets among what the manager's
        cache holds was read as wrong. Once per set of packages."""
        key = frozenset(packages), unused
        if key not in self._own_client_parameter_names:
            self._own_client_parameter_names[key] = self._client_parameters_given_own_clients(*key)
        return self._own_client_parameter_names[key]

    def _client_parameters_given_own_clients(self, packages: frozenset[str], unused: frozenset[str]) -> frozenset[bytes]:
        """_own_client_parameters, computed."""
        sources = [source for d in sorted(packages) for path in _go_files_in(d)
                   if path not in unused and (source := self._read_go(path))]
        # The files declaring a client parameter import the client package: only those are read
        # first, the rest only when one does.
        codes = [go_code.COMMENTS.sub(b"", source) if go_code.CLIENT_PACKAGE in source else None
                 for source in sources]
        declared = [found for source, code in zip(sources, codes) if code is not None
                    for found in go_code.client_parameters(source, code)]
        if not declared:
            return frozenset()
        files = [(source, go_code.COMMENTS.sub(b"", source) if code is None else code)
                 for source, code in zip(sources, codes)]
        callees = frozenset(function for function, _, _ in declared)
        given: dict[tuple[bytes, int], list[go_code.ClientArgument]] = {}
        for source, code in files:
            for argument in go_code.client_arguments(source, code, callees):
                given.setdefault((argument.callee, argument.position), []).append(argument)
        values = re.compile(rb"(?:[(,=]|:=|\breturn)\s*(?:\S*\.)?(%s)\s*(?=[,)\n;}])" %
                            b"|".join(sorted(map(re.escape, callees))))
        as_values = {found for _, code in files for found in values.findall(code)}
        # A parameter handed on (`c.TLS.Options(ctx, secretsClient)`) is given what its own
        # callers give: keep those whose every call gives either, until none is left out.
        kept = {(function, position) for function, position, _ in declared if function not in as_values}
        while True:
            still = {key for key in kept if given.get(key) and all(
                argument.kind == "own" or argument.kind == "parameter" and argument.handed in kept
                for argument in given[key])}
            if still == kept:
                break
            kept = still
        names = Counter(name for function, position, name in declared if (function, position) in kept)
        if not names:
            return frozenset()
        # Read by name (see go_code.growing_kinds): not a name declared for another parameter,
        # of a function literal too, or given to a variable or field.
        declarations = re.compile(rb"[(,]\s*(%s)\s+(?:\*|\[\])?[A-Za-z_][\w.]*" % b"|".join(sorted(map(re.escape, names))))
        everywhere = Counter(found for _, code in files for found in declarations.findall(code))
        found = frozenset(name for name, count in names.items() if everywhere[name] <= count)
        return found - frozenset().union(*(go_code.names_given_otherwise(code, found, parameters=False)
                                           for _, code in files)) if found else found

    def _declarations_of(self, path: str) -> reached_code.FileDeclarations:
        """A Go file's top-level declarations (reached_code.declarations_of), read once."""
        if path not in self._declarations:
            self._declarations[path] = reached_code.declarations_of(self._read_go(path) or b"")
        return self._declarations[path]

    def _package_name(self, directory: str) -> bytes | None:
        """The name a package's files declare, read once."""
        if directory not in self._package_names:
            self._package_names[directory] = reached_code.package_name(
                self._declarations_of(path).header for path in _go_files_in(directory))
        return self._package_names[directory]

    def _unregistered_files(self, packages: set[str], first: str | None, passed: frozenset[str] | None) -> frozenset[str]:
        """The files of reconcilers that a program, its `packages` (and the file `first` when
        only it and what it imports are run), never names outside them (go_code.reconciler_names),
        or names only where a flag off by default, not `passed`, is required (None: any)."""
        files = {path for d in packages for path in _go_files_in(d)} | ({first} if first else set())
        reached = {}
        for path in files:
            source = self._read_go(path) or b""
            if b"SetupWithManager" in source and path != first:
                names = go_code.reconciler_names(go_code.COMMENTS.sub(b"", source))
                if names:
                    reached[path] = names
        if not reached:
            return frozenset()
        # One pass over the program for every name: where each is written.
        any_name = re.compile(rb"\b(?:" + b"|".join(map(re.escape, set().union(*reached.values()))) + rb")\b")
        written_in: dict[bytes, set[str]] = {}
        for path in files:
            code = go_code.COMMENTS.sub(b"", self._read_go(path) or b"")
            if passed is not None:
                code = go_code.without_gated_blocks(code, passed)
            for name in set(any_name.findall(code)):
                written_in.setdefault(name, set()).add(path)
        return frozenset(path for path, names in reached.items()
                         if all(written_in.get(name, set()) <= {path} for name in names))

    def _own_command_declarations(self, declaring: str, subcommand: str) \
            -> tuple[frozenset[int] | None, reached_code.FileDeclarations | None]:
        """Of a file declaring a subcommand's command beside others, the declarations its program
        runs whatever else it reaches: the command's (`Use: "apiserver"`), those of the commands
        whose persistent pre-run runs before every command (their `AddCommand(...)` calls left
        out: a parent names every command, and runs none), and the package-level `var`s,
        `const`s and `init`s that declare no other command; with the file's declarations so
        read. (None, None) for a file declaring only that command. gitops-promoter's `main.go`
        declares its controller, dashboard and API server commands: its API server caches only
        the project's resources, and its finding named the Secrets of the controller's."""
        declarations = self._declarations_of(declaring)
        declared = declarations.declarations
        own = _declares_command(subcommand)
        commands = {i for i, found in enumerate(declared) if _declares_a_command(found.text)}
        mine = {i for i in commands if own.search(declared[i].text)}
        if not mine or mine == commands:
            return None, None
        parents = {i for i in commands - mine if _PERSISTENT_PRE_RUN.search(declared[i].text)}
        narrowed = declarations._replace(declarations=tuple(
            reached_code.without_calls_of(found, b"AddCommand") if i in parents else found
            for i, found in enumerate(declared)))
        return frozenset(mine | parents | {i for i, found in enumerate(declared) if found.root and i not in commands}), \
            narrowed

    def _command_files(self, declaring: str) -> list[str]:
        """The file declaring a subcommand and those of its package that declare no command
        (cobra's, or the type of kong's)."""
        others = [path for path in _go_files_in(os.path.dirname(declaring)) if path != declaring]
        kong_types = {type_name for path in others for type_name in _kong_commands(self._read_go(path) or b"").values()}
        return [declaring] + [path for path in others if not _declares_a_command(code := self._read_go(path) or b"")
                              and not _declares_type(code, kong_types)]

    def _declaring_file(self, main: str, module: modules.Module, subcommand: str) -> str | None:
        """The one non-test file of the packages of the program in `main` that declares a cobra
        command named `subcommand` (`Use: "sliprober"`, `Use: "sliprober [flags]"`), else the
        one named for it, as cobra-cli writes them (appcat's `cmd/apiserver.go`, whose command a
        builder names); None unless exactly one does. Once per program and subcommand."""
        if (main, subcommand) not in self._declaring_files:
            packages = self._program_closure(main, module)[0]
            files = [path for directory in sorted(packages) for path in _go_files_in(directory)]
            declares = _declares_command(subcommand)
            found = [path for path in files if declares.search(self._read_go(path) or b"")] or \
                self._kong_declaring(files, subcommand.encode()) or \
                [path for path in files if os.path.basename(path) == subcommand.replace("-", "_") + ".go"]
            self._declaring_files[main, subcommand] = found[0] if len(found) == 1 else None
        return self._declaring_files[main, subcommand]

    def _kong_declaring(self, files: list[str], subcommand: bytes) -> list[str]:
        """The files declaring the type of kong's command named `subcommand`, in the package of
        the struct naming it."""
        for path in files:
            type_name = _kong_commands(self._read_go(path) or b"").get(subcommand)
            if type_name is not None:
                return [other for other in _go_files_in(os.path.dirname(path))
                        if _declares_type(self._read_go(other) or b"", [type_name])]
        return []

    def reviews_admissions(self, directory: str | None) -> bool:
        """Whether every main package at or below `directory` (at least one) imports, through
        packages of its module, the Kubernetes admission API (`k8s.io/api/admission/...`): it
        serves an admission webhook, whatever the workload is called."""
        module, mains = self._programs(directory)
        return bool(mains) and all(
            any(imported.startswith(go_code.ADMISSION_API) for package in self._program_closure(main, module)[0]
                for imported in self._package_code(package).imports) for main in mains)

    def _run_programs(self, run: ProgramRun) -> tuple[modules.Module | None, list[str]]:
        """_programs of the run's directory; of several, with a subcommand, those declaring it
        when any does (kubegems' image, named for its module, runs cmd/'s `service`, `msgbus`
        and `worker`, not its edge agent, whose cache their findings named: read as wrong)."""
        module, mains = self._programs(run.directory)
        if run.subcommand and len(mains) > 1 and module is not None:
            declaring = [main for main in mains
                         if self._declaring_file(main, module, run.subcommand)]
            mains = declaring or mains
        return module, mains

    def _programs(self, directory: str | None) -> tuple[modules.Module | None, list[str]]:
        """The module of `directory` and the main packages at or below it that a container
        whose program is there runs (none when either is not known)."""
        module = modules.module_of_dir(directory) if directory is not None else None
        return module, self._mains_at_or_below(directory) if module is not None else []

    def _mains_at_or_below(self, directory: str) -> list[str]:
        """_main_dirs_at_or_below, once per directory."""
        if directory not in self._mains_below:
            self._mains_below[directory] = self._main_dirs_at_or_below(directory)
        return self._mains_below[directory]

    def _program_closure(self, main: str, module: modules.Module) -> tuple[set[str], list[str]]:
        """go_code.local_closure of the main package in `main`, once per program."""
        if main not in self._program_packages:
            self._program_packages[main] = go_code.local_closure([main], module, lambda d: self._package_code(d).imports)
        return self._program_packages[main]

    def _package_code(self, directory: str, unused: frozenset[str] = frozenset(),
                      kept: dict[str, frozenset[int]] | None = None,
                      api_readers: frozenset[bytes] = frozenset(),
                      own_client_parameters: frozenset[bytes] = frozenset()) -> _PackageCode:
        """What the package's non-test files say (_PackageCode), those `unused` left out, and of
        each file only the declarations `kept` (all when None), the names `api_readers` reading
        through the API reader and `own_client_parameters` through clients of the program's
        own; read once for all containers."""
        unused = frozenset(path for path in unused if os.path.dirname(path) == directory)
        paths = [path for path in _go_files_in(directory) if path not in unused]
        if kept is not None and all(len(kept.get(path, ())) == len(self._declarations_of(path).declarations)
                                    for path in paths):
            kept = None  # every declaration: the package's own facts, shared by every program
        key = directory, unused, None if kept is None else frozenset(kept.items()), api_readers, own_client_parameters
        if key not in self._package_facts:
            self._package_facts[key] = _code_facts(
                [self._read_go(path) or b"" if kept is None else
                 reached_code.pruned(self._declarations_of(path), kept.get(path, frozenset())) for path in paths],
                generated_client=bool(_GENERATED_CLIENT_DIR.search(directory)), api_readers=api_readers,
                own_client_parameters=own_client_parameters)
        return self._package_facts[key]

    def _main_dirs_at_or_below(self, directory: str) -> list[str]:
        """Those its own `Dockerfile` names to `go build`; `directory` when it holds a main
        package; in a kubebuilder project (a `PROJECT` file), its `cmd`, where the scaffold's
        Dockerfile builds the manager from (oadp's must-gather tool beside it is another
        program); else the main packages below it outside test and tooling directories (a
        Dockerfile's tree), else those its other Dockerfiles build."""
        # The image named for the directory is what its plain Dockerfile builds (mcp-gateway's
        # builds its broker, `./cmd/mcp-broker-router`; its Dockerfile.controller, the manager),
        # even beside a main package of its own (vpsie-k8s-autoscaler's stray `test_auth.go`
        # at the root, whose Dockerfile builds `./cmd/controller`).
        built = self._dockerfile_builds(directory, plain=True)
        if built:
            return built
        if self._holds_main(directory):
            return [directory]
        manager = os.path.join(directory, "cmd")
        if os.path.isfile(os.path.join(directory, "PROJECT")) and self._holds_main(manager):
            return [manager]
        below = sorted(d for d in self._main_dirs() if (names := modules.names_below(d, directory)) is not None
                       and names and not _in_test_dir(names))
        return below or self._dockerfile_builds(directory)

    def _dockerfile_builds(self, directory: str, plain: bool = False) -> list[str]:
        """The main packages that the Dockerfiles in `directory` (only `Dockerfile` or
        `Containerfile` itself when `plain`) name to `go build` (or install), from the root of
        their module, the usual build context: kubean's
        `build/images/kubean-operator/Dockerfile` runs `go build ./cmd/kubean-operator/main.go`.
        A Dockerfile outside any module builds from the modules it copies in whole (`COPY
        backend/ ./`: velero-manager's, at the root of a tree whose module is `backend`, was
        taken for a program of unknown code and read as not worth a change)."""
        return sorted({built for path in self._dockerfiles.get(directory, [])
                       if not plain or dockerfile_suffix(path) == ""
                       for built in self._dockerfile_file_builds(path)})

    def _dockerfile_file_builds(self, path: str) -> set[str]:
        """The main packages one Dockerfile names to `go build` (see _dockerfile_builds)."""
        return set(self._dockerfile_targets(path))

    def _dockerfile_targets(self, path: str) -> dict[str, frozenset[str] | None]:
        """The main packages one Dockerfile names to `go build`, each with the files of it that
        the build names (`go build cmd/main_simple.go`), None when it builds the package. Once
        per Dockerfile: recognizing images asks again, and _unbuilt_files reads them all."""
        if path not in self._targets:
            self._targets[path] = self._read_dockerfile_targets(path)
        return self._targets[path]

    def _read_dockerfile_targets(self, path: str) -> dict[str, frozenset[str] | None]:
        directory = os.path.dirname(path)
        module = modules.module_of_dir(directory)
        text = _read(path)
        roots = [module.root] if module is not None else \
            [root for source in _copied_sources(text) if (root := _copied_module(directory, source)) is not None]
        found: dict[str, frozenset[str] | None] = {}
        # Or the recipes of the make targets it runs (vanus' `RUN make build-gateway`), in the
        # Makefile at the root of what it builds from.
        recipes = [_make_recipes(_read(os.path.join(root, "Makefile")), arguments)
                   for root in roots for arguments in _MAKE_RUN.findall(text)]
        for target in _go_build_targets("\n".join([text, *recipes])):
            if target == "." and module is not None:
                continue  # the directory a WORKDIR set, not known to be the module's root
            package = os.path.dirname(target) if target.endswith(".go") else target
            for root in roots:
                candidate = os.path.normpath(os.path.join(root, package))
                if self._holds_main(candidate):
                    files = frozenset({os.path.normpath(os.path.join(root, target))}) if target.endswith(".go") else None
                    found[candidate] = _built_files(found.get(candidate, frozenset()), files)
        return found

    def _unbuilt_files(self, main: str) -> frozenset[str]:
        """The files of the main package in `main` that no Dockerfile builds, when the package
        cannot be built whole (two of its files declare `main` under no build constraint) and
        every Dockerfile that builds it names its files: n8n-eks-operator's builds
        `cmd/main_simple.go`, a webhook, not the `cmd/main.go` beside it that runs its
        reconcilers (a finding charged the webhook their cache, read as wrong). A package that
        builds whole may be built so by what the tree does not show (ko, a Makefile's binary)."""
        if self._unbuilt is None:
            named: dict[str, frozenset[str] | None] = {}
            for path in sorted(p for paths in self._dockerfiles.values() for p in paths):
                for package, files in self._dockerfile_targets(path).items():
                    named[package] = _built_files(named.get(package, frozenset()), files)
            self._unbuilt = {package: frozenset(p for p in _go_files_in(package) if p not in files)
                             for package, files in named.items() if files is not None and self._mains_clash(package)}
        return self._unbuilt.get(main, frozenset())

    def _mains_clash(self, package: str) -> bool:
        """Whether two files of a main package declare `func main` under no build constraint."""
        declaring = [source for source in (self._read_go(path) or b"" for path in _go_files_in(package))
                     if _DECLARES_MAIN.search(source) and gofile.build_constraint(source) is None]
        return len(declaring) > 1

    def _built_by_makefile(self, repository: str) -> str | None:
        """The main package that the Dockerfile builds that a Makefile beside a Dockerfile (or up
        to _BUILD_CONTEXT_DEPTH directories above one, within the linted tree), or at a linted
        module's root, builds an image named `repository` from (_makefile_image_builds;
        the directory's `Dockerfile` when the recipe names neither a file nor a context), when
        one only: porch's `build/Makefile` tags `porch-server`, which its `Dockerfile` builds
        from `./cmd/porch` (its finding had gone to the function runner's `func/server`, named
        for the project and the image's last word); arks' root Makefile tags its gateway's image built by
        `dockerfiles/Dockerfile.gateway` (the gateway had been charged its operator's cache)."""
        if self._makefile_images is None:
            # Read once: every container whose image nothing else names asks. A Makefile may
            # build from a directory above the Dockerfile's (k8s-dashboard's root Makefile runs
            # `docker build -f deploy/docker/Dockerfile .`), as far up as a build context goes.
            self._makefile_images = {}
            # Not above what is linted (its modules, Dockerfiles and manifests): a Makefile
            # there builds some other checkout.
            linted = [m.root for m in self._linted_modules()]
            top = os.path.commonpath(linted + list(self._dockerfiles) + self._manifest_dirs) \
                if self._dockerfiles else None
            directories = {above for directory in self._dockerfiles
                           for above in _and_above(directory, _BUILD_CONTEXT_DEPTH + 1)
                           if modules.names_below(above, top) is not None}
            for directory in sorted(directories | set(linted)):
                makefile = os.path.join(directory, "Makefile")
                for name, dockerfile in _makefile_image_builds(_read(makefile)) if os.path.isfile(makefile) else ():
                    self._makefile_images.setdefault(name, set()).update(self._dockerfile_file_builds(
                        os.path.normpath(os.path.join(directory, dockerfile or "Dockerfile"))))
        found = self._makefile_images.get(repository, set())
        return next(iter(found)) if len(found) == 1 else None

    def _built_by_workflow(self, repository: str) -> str | None:
        """The main package that the Dockerfile builds that a GitHub workflow's
        `docker/build-push-action` step tags `repository` from (its `file`, else its `context`'s
        `Dockerfile`), when one only: kagenti-operator's published chart runs `llama-operator`,
        built from the `llama` context, whose program nothing else named (its finding went to a
        development chart's copy)."""
        if self._workflow_images is None:
            self._workflow_images = {}
            for root in sorted({_repository_root(m.root) for m in self._linted_modules()} - {None}):
                for name, dockerfile in _workflow_image_builds(root):
                    self._workflow_images.setdefault(name, set()).update(self._dockerfile_file_builds(dockerfile))
        found = self._workflow_images.get(repository, set())
        return next(iter(found)) if len(found) == 1 else None

    def _built_by_dockerfile_named(self, repository: str) -> str | None:
        """The main package that the one `Dockerfile.<S>` (`<S>.Dockerfile`, `Containerfile.<S>`) of
        a module named by `P` builds, for an image `<P>-<S>`: contextforge's chart runs `contextforge-operator`,
        which its root's `Dockerfile.operator` builds from `cmd/main.go` (its finding went to
        the kubebuilder scaffold instead, read as the wrong copy)."""
        prefix, _, suffix = repository.rpartition("-")
        if not prefix:
            return None
        found = set()
        for directory, paths in self._dockerfiles.items():
            for path in paths:
                if (dockerfile_suffix(path) or "").lower() == suffix.lower() and \
                        _names_module(prefix.split("-"), modules.module_of_dir(directory)):
                    found |= self._dockerfile_file_builds(path)
        return found.pop() if len(found) == 1 else None

    def _module_sets_limit(self, module: modules.Module) -> bool:
        if module.root not in self._module_limits:
            self._module_limits[module.root] = go_code.module_sets_memory_limit(module, self._read_go, self._derive)
        return self._module_limits[module.root]


# Go 1.19 brought the memory limit (GOMEMLIMIT, debug.SetMemoryLimit).
_FIRST_MEMORY_LIMIT_MINOR = 19
_FROM = re.compile(r"^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)", re.IGNORECASE | re.MULTILINE)
_ARG = re.compile(r"^\s*ARG\s+(\w+)=[\"']?([^\s\"']+)", re.IGNORECASE | re.MULTILINE)
# `golang:1.18`, and the Go builders of Red Hat's images: OpenShift CI's
# `ocp/builder:rhel-8-golang-1.18-openshift-4.11` (special-resource-operator's manager is so
# built, and a finding asking for a GOMEMLIMIT its Go ignores was read as wrong) and
# `openshift/release:golang-1.18`, OSBS' `openshift-golang-builder:v1.18` (or `rhel_8_1.18`,
# `rhel_8_golang_1.18`) and UBI's `go-toolset:1.18`.
_GOLANG_IMAGE = re.compile(r"^(?:\S+/)?(?:golang:|(?:builder|release):[\w.-]*?\bgolang-|go-toolset:"
                           r"|openshift-golang-builder:(?:v|rhel_\d+_(?:golang_)?))1\.(\d+)")
_TOOLCHAIN = re.compile(r"^toolchain\s+go1\.(\d+)", re.MULTILINE)


def _golang_builders(dockerfile: str) -> list[str]:
    """The minor versions of the `golang` images a Dockerfile builds from, `ARG` defaults
    (`FROM $BUILDERIMAGE`) resolved."""
    defaults = dict(_ARG.findall(dockerfile))
    images = [re.sub(r"\$\{?(\w+)\}?", lambda m: defaults.get(m.group(1), m.group(0)), image)
              for image in _FROM.findall(dockerfile)]
    return [found.group(1) for found in map(_GOLANG_IMAGE.match, images) if found]


# `go-version: 1.17.x`, `go-version: ['1.21', '1.22']` of actions/setup-go.
_SETUP_GO = re.compile(r"^\s*go-version:[ \t]*(.+)$", re.MULTILINE)
# `go-version-file: go.mod`: the Go that file names (its `toolchain` line, else its `go` line,
# as setup-go reads it; optimize-controller's CI builds with its go.mod's 1.18).
_SETUP_GO_FILE = re.compile(r"^\s*go-version-file:[ \t]*[\"']?([^\s\"'#]+)", re.MULTILINE)
_GO_LINE = re.compile(r"^go[ \t]+1\.(\d+)", re.MULTILINE)
_GO_MINOR = re.compile(r"(?<![\w.])1\.(\d+)")
# How far above a module's root its repository's `.github` may sit.
_MAX_WORKFLOW_DEPTH = 3


# Go named by CI other than GitHub's and by asdf: `image: golang:1.17` in `.drone.yml` (heimdall
# copies in a binary its Drone pipeline builds with 1.17, and a finding asking for a
# GOMEMLIMIT it ignores was read as wrong), `golang 1.17.13` in `.tool-versions`.
_OTHER_CI_FILES = (".drone.yml", ".gitlab-ci.yml", ".circleci/config.yml", "cloudbuild.yaml", ".tool-versions")
_CI_GO = re.compile(r"^\s*-?\s*image:\s*[\"']?(?:\S+/)?golang:1\.(\d+)|^golang\s+1\.(\d+)", re.MULTILINE)
# A Makefile's `docker run ... golang:1.13 ... go build` over continued lines (td-redis-operator
# builds its binary so, and its Dockerfile only copies it in).
_MAKEFILE_GO = re.compile(r"\bdocker\s+run\b(?:[^\n]|\\\n)*?\bgolang:1\.(\d+)(?:[^\n]|\\\n)*?\bgo\s+(?:build|install)\b")


def _predates(versions: list[int]) -> bool:
    """Whether the newest of the Go minor versions a module is built with (some) has no memory limit."""
    return bool(versions) and max(versions) < _FIRST_MEMORY_LIMIT_MINOR


def _toolchain_or_ci_go_versions(module_root: str) -> list[int]:
    """The Go a module is built with when no Dockerfile says: its go.mod's `toolchain` line,
    else its CI's (_ci_go_versions)."""
    found = _TOOLCHAIN.search(_read(os.path.join(module_root, "go.mod")))
    return [int(found.group(1))] if found else _ci_go_versions(module_root)


def _ci_go_versions(module_root: str) -> list[int]:
    """The minor versions of Go that the CI of the module's repository (the nearest
    `.github/workflows` or other CI file at or a few levels above its root) builds with: the
    workflows' `setup-go`, the golang images of other CI files and of a Makefile's `docker run`
    that builds, asdf's `.tool-versions`."""
    directory = module_root
    for _ in range(_MAX_WORKFLOW_DEPTH + 1):
        workflows = os.path.join(directory, ".github", "workflows")
        others = [_read(os.path.join(directory, name)) for name in _OTHER_CI_FILES]
        found = [int(minor) for text in others for match in _CI_GO.finditer(text) for minor in match.groups() if minor]
        found += [int(match.group(1)) for match in _MAKEFILE_GO.finditer(_read(os.path.join(directory, "Makefile")))]
        if os.path.isdir(workflows):
            texts = [_read(os.path.join(workflows, name)) for name in listdir(workflows)
                     if name.endswith((".yml", ".yaml"))]
            return found + [int(minor) for text in texts for line in _SETUP_GO.findall(text)
                            for minor in _GO_MINOR.findall(line)] + \
                [minor for text in texts for file in _SETUP_GO_FILE.findall(text)
                 for minor in _version_file_minor(os.path.join(directory, file))]
        if found:
            return found
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return []


def _repository_root(module_root: str) -> str | None:
    """The directory at or a few levels above a module's root that holds `.github/workflows`."""
    directory = module_root
    for _ in range(_MAX_WORKFLOW_DEPTH + 1):
        if os.path.isdir(os.path.join(directory, ".github", "workflows")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return None


_BUILD_PUSH_ACTION = "docker/build-push-action@"


_WORKFLOW_ENV = re.compile(r"\$\{\{\s*env\.(\w+)\s*\}\}")
_METADATA_ACTION = "docker/metadata-action@"


def _images_named(lines: str, pushed: bool = False) -> list[str]:
    """The images a workflow input names, one entry a line: an image alone, or Buildx's CSV
    attributes (`type=image,"name=ghcr.io/o/x,docker.io/o/x",push-by-digest=true`: its `name`,
    a list; with `pushed`, only for a `type` that pushes, `image` or `registry`; metadata-action's
    `name=ghcr.io/o/x,enable=true`), not one turned off (`enable=false`)."""
    found = []
    for line in filter(None, map(str.strip, lines.split("\n"))):
        if "=" not in line:
            found.append(line)
            continue
        try:
            fields = dict(field.split("=", 1) for field in next(csv.reader([line], skipinitialspace=True)) if "=" in field)
        except (csv.Error, StopIteration):
            continue
        if pushed and fields.get("type") not in ("image", "registry") or fields.get("enable", "true").strip() == "false":
            continue
        found += [name.strip() for name in fields.get("name", "").split(",") if name.strip()]
    return found


def _lines(value) -> str:
    """A workflow input given as a list or a (multi-line) string, one item a line."""
    return "\n".join(map(str, value)) if isinstance(value, list) else str(value or "")


def _workflow_image_builds(root: str) -> list[tuple[str, str]]:
    """(image repository name, Dockerfile path) of each tag a `docker/build-push-action` step
    of the workflows under `root` pushes (its `tags`, the image its `outputs` names, or the
    `images` of the metadata-action step its tags come from), written out (not an expression)
    in its last path segment, or given by the workflow's, job's or step's `env` (`${{
    env.IMAGE_NAME }}`: doltdb-operator's); its Dockerfile is its `file`, else its `context`'s,
    relative to `root`."""
    workflows = os.path.join(root, ".github", "workflows")
    found = []
    for name in sorted(listdir(workflows)):
        if not name.endswith((".yml", ".yaml")) or _BUILD_PUSH_ACTION not in (text := _read(os.path.join(workflows, name))):
            continue
        try:
            workflow = yaml.safe_load(text)
        except yaml.YAMLError:
            continue
        jobs = workflow.get("jobs") if isinstance(workflow, dict) else None
        for job in jobs.values() if isinstance(jobs, dict) else ():
            for step in job.get("steps") or () if isinstance(job, dict) else ():
                if not isinstance(step, dict) or not str(step.get("uses", "")).startswith(_BUILD_PUSH_ACTION):
                    continue
                env = {str(k): str(v) for holder in (workflow, job, step)
                       if isinstance(given_env := holder.get("env"), dict) for k, v in given_env.items()}
                given = step.get("with") if isinstance(step.get("with"), dict) else {}
                context, file = str(given.get("context") or "."), given.get("file")
                if "${{" in context or (file is not None and "${{" in str(file)):
                    continue
                dockerfile = os.path.normpath(os.path.join(root, str(file) if file else os.path.join(context, "Dockerfile")))
                def written(value) -> str:
                    return _WORKFLOW_ENV.sub(lambda m: env.get(m.group(1), m.group(0)), _lines(value))
                tags = written(given.get("tags"))
                # Pushed by digest, the image named in `outputs` (`type=image,name=...`); tagged
                # by a metadata-action step (`${{ steps.meta.outputs.tags }}`), its `images`:
                # aks-operator's release workflow does both.
                named = _images_named(written(given.get("outputs")), pushed=True)
                named += [image for other in job.get("steps") or ()
                          if isinstance(other, dict) and str(other.get("uses", "")).startswith(_METADATA_ACTION) and
                          isinstance(other.get("with"), dict) and other.get("id") and
                          f"steps.{other['id']}.outputs.tags" in tags.replace(" ", "")
                          for image in _images_named(written(other["with"].get("images")))]
                tags = "\n".join([tags, *named])
                for tag in re.split(r"[\s,]+", tags):
                    repository = image_repository(str(tag).strip())
                    if repository and "$" not in repository and "}" not in repository:
                        found.append((repository, dockerfile))
    return found


def _version_file_minor(path: str) -> list[int]:
    """The minor version of Go a `go-version-file` names: a go.mod's `toolchain`, else its
    `go` line; a `.go-version`'s number ([] when none is found)."""
    text = _read(path)
    found = _TOOLCHAIN.search(text) or _GO_LINE.search(text) or \
        (re.match(r"\s*(?:go)?1\.(\d+)", text) if not path.endswith(".mod") else None)
    return [int(found.group(1))] if found else []


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(1024 * 1024)
    except OSError:
        return ""


class _BuiltImages(NamedTuple):
    directories: dict[str, str | None]  # image repository -> the directory of its program, when known
    # image repository -> the programs a GoReleaser config puts in it (its builds' `binary`,
    # when all are named) and the Dockerfile that may rename them
    programs: dict[str, tuple[frozenset[str], str]]


def _build_config_images(documents: list[_Document], builds_go: Callable[[str], bool],
                         dockerfiles: frozenset[str]) -> _BuiltImages:
    """Image repository names that skaffold or GoReleaser configs build from Go (`dockerfiles`:
    those of the linted tree)."""
    images: dict[str, str | None] = {}
    programs: dict[str, tuple[frozenset[str], str]] = {}
    for doc in documents:
        base = os.path.dirname(doc.source.abspath)
        kind = _text(_value(doc.root, "kind"))
        if kind == "Config" and (_text(_value(doc.root, "apiVersion")) or "").startswith("skaffold/"):
            for artifact in _find_lists(doc.root, "artifacts"):
                image = _text(_value(artifact, "image"))
                if not image:
                    continue
                context = os.path.abspath(os.path.join(base, _text(_value(artifact, "context")) or "."))
                if _value(artifact, "ko") is not None or builds_go(context):
                    images[image_repository(image)] = context
        elif _value(doc.root, "builds") is not None and (
                _value(doc.root, "dockers") is not None or _value(doc.root, "kos") is not None):
            # GoReleaser: its builds are Go unless a builder says otherwise.
            builds = _items(_value(doc.root, "builds"))
            if all((_text(_value(b, "builder")) or "go") == "go" for b in builds):
                for section, key in (("dockers", "image_templates"), ("kos", "repository")):
                    for entry in _items(_value(doc.root, section)):
                        # The builds an image holds: those its `ids` name, else all of them
                        # (controller-mesh's manager image holds its `ctrlmesh-manager` build).
                        ids = {_text(i) for i in _items(_value(entry, "ids"))}
                        held = [b for b in builds if _text(_value(b, "id")) in ids] or builds
                        dockerfile = _goreleaser_path(base, _text(_value(entry, "dockerfile")) or "Dockerfile",
                                                      dockerfiles.__contains__)
                        if section == "dockers" and _holds_no_build(_read(dockerfile)):
                            continue  # kube-av's ClamAV updater: alpine's freshclam, none of its Go builds
                        program = _goreleaser_program(base, held, builds_go)
                        binaries = {_text(_value(b, "binary")) for b in held}
                        known = section == "dockers" and all(binaries)  # every program named
                        templates = _items(_value(entry, key)) or [_value(entry, key)]
                        for template in templates:
                            text = template.value if isinstance(template, yaml.ScalarNode) else ""
                            name = image_repository(text.split("{{", 1)[0].rstrip(":"))
                            if name:
                                images.setdefault(name, program)
                                if known:
                                    programs.setdefault(name, (frozenset(binaries), dockerfile))
    return _BuiltImages(images, programs)


def _goreleaser_path(base: str, path: str, found: Callable[[str], bool]) -> str:
    """Where a path a GoReleaser config at `base` names is: GoReleaser runs at the repository's
    root, which may be above the config (kube-av's `build/ci/.goreleaser.yml` names
    `build/package/docker/*.Dockerfile` and `./main.go`), so the nearest directory at or above
    `base` where the linted tree holds it (`found`); else relative to `base`."""
    directory = base
    while True:
        candidate = os.path.normpath(os.path.join(directory, path))
        if found(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return os.path.normpath(os.path.join(base, path))
        directory = parent


def _holds_no_build(dockerfile: str) -> bool:
    """Whether a GoReleaser image's Dockerfile (its text; "" when unread) copies nothing into
    the image and builds no Go: it holds none of the config's builds."""
    return bool(dockerfile) and not _COPY_LINE.search(dockerfile) and not _GO_DOCKERFILE.search(dockerfile)


def _goreleaser_program(base: str, builds: list[yaml.Node], builds_go: Callable[[str], bool]) -> str | None:
    """The directory of the main package a GoReleaser config builds, when its builds name one
    (`main: ./cmd/exoscale-csi-driver`, or a file in it; `.` by default), found as GoReleaser
    runs, from the repository's root (_goreleaser_path)."""
    mains = {_package_dir(_goreleaser_path(base, _text(_value(build, "main")) or ".",
                                           lambda main: builds_go(_package_dir(main))))
             for build in builds}
    directory = mains.pop() if len(mains) == 1 else None
    return directory if directory is not None and builds_go(directory) else None


def _package_dir(main: str) -> str:
    """The directory of a GoReleaser build's `main`: itself, or the one holding a `.go` file."""
    return os.path.dirname(main) if main.endswith(".go") else main


def _find_lists(root: yaml.Node, key: str) -> list[yaml.Node]:
    """Every item of every `key:` list anywhere below root (skaffold profiles repeat them).

    Each node is visited once: YAML aliases share nodes, and a few lines of them (the
    "billion laughs") would otherwise make the walk exponential.
    """
    found, seen, pending = [], set(), [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                    found += _items(value)
                else:
                    pending.append(value)
        elif isinstance(node, yaml.SequenceNode):
            pending += node.value
    return found
