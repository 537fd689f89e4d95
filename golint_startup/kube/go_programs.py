"""Which containers run Go and which program of the tree each runs (GoTree.recognize; see
manifests.RECOGNITION), and what that program's code keeps in memory: its packages' facts, its
caches and informers; kubebuilder scaffolds and development installs told apart.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from golint_startup.files import dockerfile_suffix, is_dockerfile, listdir
from golint_startup.go import gofile, modules
from golint_startup.go.library import TEST_DIRS
from golint_startup.kube import code_memory_limits, go_code, image_builds, objects, reached_code
from golint_startup.kube.image_builds import Dockerfile
from golint_startup.kube.objects import (
    GO_RUNTIME_VARIABLES,
    Container,
    ProgramRun,
    image_repository,
)
from golint_startup.kube.yaml_nodes import Document
from golint_startup.words import words

_PACKAGE_MAIN = re.compile(rb"^package[ \t]+main\b", re.MULTILINE)


def image_tag(image: str) -> str:
    """An image's tag (`v1.2` of `ghcr.io/acme/api:v1.2`), "" when it names none."""
    return image.split("@", 1)[0].rsplit("/", 1)[-1].partition(":")[2]


def runs_a_script(container: Container) -> bool:
    return bool(container.command) and container.command[0].endswith(".sh")


def recognize_by_image_name(containers: list[Container]) -> None:
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


# The first element of an image reference that names a registry, not an owner (`ghcr.io`,
# `localhost:5000`).
_REGISTRY_HOST = re.compile(r"[.:]|^localhost$")


# A kubebuilder PROJECT file's name for the project (`projectName: npu-operator`).
_PROJECT_NAME = re.compile(r"^projectName:[ \t]*[\"']?([\w.-]+)[\"']?[ \t]*$", re.MULTILINE)


class _CacheVerdict(NamedTuple):
    """What the main packages at or below a run's directory keep (see GoTree._cluster_cache_of)."""
    known: bool  # whether their code is known
    cache: str | None  # the package that makes one of them keep a cluster-wide cache
    custom: bool  # all of them cache only custom resources and small kinds
    written: bool  # all of them keep objects only in a controller-runtime cache of written kinds
    # The growing kinds they keep, when all of them keep objects only in informers of known kinds.
    informed_kinds: frozenset[str] | None


class _KubebuilderImages(NamedTuple):
    """The kubebuilder projects' directories by the images that run their managers (see
    GoTree._kubebuilder_images)."""
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


def _named_image(container: Container) -> str:
    """The image _image_name reads: the container's, or for kubebuilder's placeholder
    `controller` the one its kustomization renames it to (empty when none does)."""
    if image_repository(container.image) != KUBEBUILDER_IMAGE:
        return container.image
    return (objects.kustomize_image(container) if container.chart is None else container.image) or ""


def _image_name(container: Container) -> str:
    """The name by which recognize_by_image_name matches images: the repository name
    (`api` of `ghcr.io/acme/api:1`); for kubebuilder's placeholder `controller`, that of the
    image its kustomization renames it to (czertainly's `czertainly/czertainly-cert-manager-
    issuer-controller`, which its chart names too), or, when that is `controller` again, the
    whole repository (openchoreo's `ghcr.io/openchoreo/controller`), else nothing: `controller`
    alone names no one program."""
    image = _named_image(container)
    name = image_repository(image)
    if name != KUBEBUILDER_IMAGE:
        return name
    return objects.full_repository(image) if "/" in image else ""


SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh"})

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
    host, slash, _ = (objects.renamed_beside(container) or container.image).partition("/")
    name, colon, port = host.partition(":")
    return bool(slash and colon) and port.isdigit() and name != "localhost" and _ONE_LABEL.fullmatch(name) is not None


_ONE_LABEL = re.compile(r"[A-Za-z][\w-]*")


def _ko_import_path(image: str) -> str:
    """The import path a `ko://` image names, without a tag or digest."""
    return image.removeprefix("ko://").split("@", 1)[0].split(":", 1)[0]


# Containers of development installs, with what the run says of them (verb, plural, what):
# marked so by their own pull policy, or another container's for the same local image; or
# checking client-go's cache for tests; or pulling from a developer's registry; or left-over
# scaffolds and ko:// packages gone from the tree, which no one installs as written.
DEVELOPMENT = (
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
    (lambda c: c.names_missing_package,
     ("names", "name", "a ko:// package that its module does not hold, which ko cannot build as written")),
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
    if not command or command[0].rsplit("/", 1)[-1] not in SHELLS:
        return False
    if "-c" in command:
        script = " ".join(command[command.index("-c") + 1:])
        return not re.search(rf"(?<![\w-]){re.escape(program)}(?![\w-])", script) and \
            not any(not path.endswith(".sh") and not path.startswith(_SYSTEM_DIRS) for path in _COMMANDS.findall(script))
    script = next((word for word in command[1:] if not word.startswith("-")), "")
    return any(script.startswith(mount.rstrip("/") + "/") for mount in container.mounts)


# A Dockerfile's RUN line running make, and the targets it names (`RUN make build-gateway`).
_MAKE_RUN = re.compile(r"^\s*RUN\b[^\n]*?\bmake\s+([^\n&;|]+)", re.MULTILINE | re.IGNORECASE)

_DECLARES_MAIN = re.compile(rb"^func main\(\)", re.MULTILINE)


def _built_files(before: frozenset[str] | None, files: frozenset[str] | None) -> frozenset[str] | None:
    """The files of a main package that builds name, `files` added to `before`: None (the
    whole package) once any build names the package."""
    return None if before is None or files is None else before | files


# A script's line that starts a program in the background (`gobgpd --api-hosts ... &`, not
# `a && b`), and one that replaces the shell with a program (`exec manager`).
_BACKGROUNDED = re.compile(r"^[ \t]*((?:nohup[ \t]+)?[^\s&|;#=()]+(?:[ \t][^\n&]*?)?)[ \t]*&[ \t]*$", re.MULTILINE)
_EXECUTED = re.compile(r"^[ \t]*exec[ \t]+([^\s;&|]+)", re.MULTILINE)


# A Dockerfile line that downloads source to build, and what a COPY of Go source from the
# build context looks like (the context itself, a Go file, the module's files, a source tree).
_FETCHES_SOURCE = re.compile(r"\bgit\s+clone\b|\b(?:curl|wget)\b[^\n]*(?:\.tar|\.zip|archive/)|^\s*ADD\s+https?://",
                             re.MULTILINE | re.IGNORECASE)
_GO_SOURCE = re.compile(r"^\.?/?$|\.go$|^go\.(?:mod|sum)$|^(?:cmd|pkg|internal|api|controllers?)\b")

# The image kubebuilder's scaffold gives the manager in config/manager/manager.yaml.
KUBEBUILDER_IMAGE = "controller"
_MAX_CHART_DEPTH = 3  # how far below its project a scaffold's chart, or manifest, is looked for (`deploy/charts/name`)
_RUNS_BY_COMMAND = "its command runs "  # how a container known by its command is said to be Go


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


def config_manager_project(container: Container) -> str | None:
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
    return next((above for above in image_builds.directory_and_parents(directory, levels) if _kubebuilder_root(above) is not None),
                None)


def _chart_project(container: Container) -> str | None:
    """The root of the kubebuilder project a Helm chart is kept in (up to three directories
    above it), whose image its templates may run a program of that it does not hold
    (GoTree._runs_what_no_image_holds)."""
    return _kubebuilder_root_above(os.path.dirname(container.chart), _MAX_CHART_DEPTH) if container.chart else None


def scaffold_project(container: Container) -> str | None:
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
    placeholder = image_repository(container.image) == KUBEBUILDER_IMAGE
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
    if container.chart and objects.full_repository(container.image) == KUBEBUILDER_IMAGE and chart_manager:
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


def command_program(container: Container) -> str | None:
    """The name of the program a container's command runs (`/usr/bin/manager` is `manager`)."""
    return container.command[0].rsplit("/", 1)[-1] if container.command else None


def _dockerfile_program(container: Container) -> str | None:
    """The program a container's command runs (command_program) when a Dockerfile would put
    it in the image: None for a shell, whose script may run anything, or ko's `/ko-app/`,
    built with no Dockerfile."""
    program = command_program(container)
    return None if program is None or program in SHELLS or container.command[0].startswith(_KO_APP) else program


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


def owner(import_path: str) -> str:
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
    parts = objects.full_repository(image).split("/")
    return parts[-2] if len(parts) > 1 else ""


def _image_path(image: str) -> set[str]:
    """The path segments before an image's repository, its registry's host left out, in lower
    case (`acme`, `tools` of `ghcr.io/acme/tools/api:1`)."""
    parts = objects.full_repository(image).split("/")[:-1]
    if parts and any(mark in parts[0] for mark in ".:") or parts[:1] == ["localhost"]:
        parts = parts[1:]
    return {part.lower() for part in parts}


class _ProgramFacts(NamedTuple):
    """What ProjectManifests._program_facts learns of one program (or one subcommand of it)."""
    packages: list[_PackageCode]
    keeps: list[str]  # the imported packages that keep Kubernetes objects
    reached_imports: frozenset[str]
    awaited_imports: frozenset[str]  # those named outside goroutines (reached_code.Reached.awaited)
    # The stores of an API server's registry its packages write, those given their own
    # storage, and how many of its files name what makes or holds a store
    # (go_code.api_server_stores), of whole packages: a store's constructor is often reached
    # only through methods of the server's configuration, which reached_code does not follow.
    api_server_stores: tuple[int, int, int] = (0, 0, 0)


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
    # The stores of an API server's registry they write, those given their own storage, and
    # how many of them name what makes or holds a store (go_code.api_server_stores).
    api_server_stores: tuple[int, int, int] = (0, 0, 0)
    # The names they give the API reader (go_code.api_reader_names) or a client of their own
    # that caches nothing (go_code.own_client_fields).
    api_reader_names: frozenset[bytes] = frozenset()
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
    # The packages whose informers they build unscoped (go_code.Scopings.unscoped_informer_packages).
    unscoped_informer_packages: frozenset[str] = frozenset()
    # The calls giving older options their namespace (go_code.Scopings.options_namespace_calls),
    # and the functions and methods they declare, with the one string literal each returns,
    # if any (go_code.string_results).
    options_namespace_calls: tuple[tuple[bytes, bool], ...] = ()
    string_results: frozenset[tuple[bytes, str | None]] = frozenset()


def _go_files_in(directory: str) -> list[str]:
    """The paths of a directory's non-test Go files, sorted."""
    return [os.path.join(directory, name) for name in listdir(directory)
            if name.endswith(".go") and not name.endswith("_test.go")]


# cgo's export of a function (beside `import "C"`), which makes a main package a library that a
# C program loads (`-buildmode=c-shared`), or a program handing C a callback: see
# GoTree._c_library and _builds_for_c.
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
                text = objects.read(os.path.join(directory, name))
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
    `api_readers`, the names their program gives only the API reader (GoTree._api_readers);
    `own_client_parameters`, the parameters it gives only clients of its own
    (GoTree._own_client_parameters)."""
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
        tuple(map(sum, zip((0, 0, 0), *(go_code.api_server_stores(source, text) for source, text in zip(sources, code))))),
        frozenset().union(*map(go_code.api_reader_names, code),
                          *(go_code.own_client_fields(source, text) for source, text in zip(sources, code))),
        frozenset().union(*map(go_code.reader_methods, code)),
        sum(found.informers_keeping_nothing for found in scopings) + keeping_nothing,
        *map(any, zip((False, False), *(go_code.clients_used(source, text) for source, text in zip(sources, code)))),
        string_flags=frozenset().union(*map(go_code.string_flags, code)),
        switched_names=frozenset().union(*map(go_code.switched_names, code)),
        argument_names=frozenset().union(*map(go_code.argument_names, code)),
        string_constants=frozenset().union(*map(go_code.string_constants, code)),
        synced_watches=sum(len(go_code.SYNCED_WATCH.findall(text)) for text, mine in zip(code, written) if mine),
        unscoped_informer_packages=frozenset().union(*(found.unscoped_informer_packages for found in scopings)),
        options_namespace_calls=tuple(call for found in scopings for call in found.options_namespace_calls),
        string_results=frozenset().union(*map(go_code.string_results, code)))


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
    known (objects.kinds_listed_cluster_wide): its cache cannot hold the others cluster-wide."""
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


def _constant_namespace_calls(facts: list[_PackageCode]) -> list[bool]:
    """Of the calls giving a program's older manager options their namespace
    (_PackageCode.options_namespace_calls), those of a name whose every declaration in its
    packages returns a literal (_PackageCode.string_results), each with whether it was counted
    as a scoping when a namespace is named."""
    returned: dict[bytes, set[str | None]] = {}
    for f in facts:
        for name, literal in f.string_results:
            returned.setdefault(name, set()).add(literal)
    return [counted for f in facts for name, counted in f.options_namespace_calls
            if returned.get(name) and None not in returned[name]]


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
    keep objects (`keeps`, in the order met): not controller-runtime when the cache options of
    its one manager select every kind that grows with the cluster its code names and one of
    its informers is not scoped (kuberecord keeps its Secrets to its own namespace beside informers of
    what its users' rules name: a message naming its manager's cache and Secrets was read as
    wrong); else controller-runtime when it is one, its manager's
    cache being the one a controller fills (theatre's managers import client-go's tools/cache
    for a console's watch beside it), unless its code names no kind that grows with the
    cluster while it asks typed informers for one and one of its informers is not scoped
    (whether a manager is, the counts do not tell apart); then client-go's typed informers (k8s-deploy-monitor-operator
    informs on every Deployment of each cluster, beside a dynamic informer of its own resource,
    which its message named: read as misleading; rocket's scheduler informs on the Pods and
    Nodes of every member cluster beside a manager of its own resources, and its message named
    controller-runtime: read as a cache of custom resources); then the first of Kubernetes' own
    packages whose informers it builds unscoped (gke-prober scopes its apps/v1 informers to
    kube-system and builds core/v1's of every Node: its message named apps/v1, read as a
    caveat); else the first of Kubernetes' own packages met, before a project's generated
    informers, of custom resources that number what users create (postgres-operator's message
    named those of its Postgres resources, beside an informer of every Pod: read as naming the
    wrong cache); else the first met."""
    cached = _cached_growing_kinds(facts)
    informer_unscoped = sum(f.informer_scopings for f in facts) < _informer_constructions(facts)
    if len(keeps) > 1 and sum(f.managers for f in facts) <= 1 and cached and \
            cached <= frozenset().union(*(f.selected_kinds for f in facts)) and informer_unscoped:
        keeps = [path for path in keeps if path != go_code.CONTROLLER_RUNTIME]
    asks_growing = _TYPED_INFORMERS in keeps and any(f.typed_informers[1] for f in facts)
    if go_code.CONTROLLER_RUNTIME in keeps and (not asks_growing or cached or not informer_unscoped):
        return go_code.CONTROLLER_RUNTIME
    if asks_growing:
        return _TYPED_INFORMERS
    unscoped = frozenset().union(*(f.unscoped_informer_packages for f in facts))
    unscoped_own = [path for path in keeps if path in unscoped and path.startswith(_KUBERNETES_OWN)]
    if unscoped_own:
        return unscoped_own[0]
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


class GoTree:
    """What the linted tree says about Go: main packages, Go Dockerfiles, build configs."""

    def __init__(self, go_files: list[str], dockerfiles: list[str], documents: list[Document],
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
        self._built_images = image_builds.build_config_images(documents, self.builds_go, frozenset(dockerfiles))
        self._limit_cache: dict[str | None, bool] = {}  # by container directory (None: unknown)
        self._module_limits: dict[str, bool] = {}  # by module root
        self._module_predates: dict[str, bool] = {}  # by module root, see predates_memory_limit
        self._requires: dict[str, tuple[str, ...]] = {}  # by module root, see _required_modules
        self._built_with: dict[str, list[int]] = {}  # by module root, see image_builds.toolchain_or_ci_go_versions
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
        self._dockerfiles_parsed: list[Dockerfile] | None = None  # see _parsed_dockerfiles
        self._plain_dockerfiles: dict[str, tuple[str, list[str]]] = {}  # see _plain_dockerfile
        self._flags_spelled: dict[tuple[str, frozenset[str]], bool] = {}  # see _spells_any
        self._flags_required: dict[str, frozenset[str]] = {}  # by project root, see _required_flags
        self._kubebuilder_image_dirs: _KubebuilderImages | None = None  # see _kubebuilder_images
        self._workflow_images: dict[str, set[str]] | None = None  # see _built_by_workflow
        self._makefile_images: dict[str, set[str]] | None = None  # see _built_by_makefile
        self._unbuilt: dict[str, frozenset[str]] | None = None  # see _unbuilt_files
        self._targets: dict[str, dict[str, frozenset[str] | None]] = {}  # by Dockerfile, see _dockerfile_targets

    def recognize(self, container: Container, go_images: tuple[str, ...]) -> tuple[str, str | None]:
        if _runs_powershell(container) or any(development(container) for development, _ in DEVELOPMENT) or \
                _TEST_IMAGE_WORDS.intersection(words(image_repository(container.image))) or \
                (_TEST_IMAGE_WORDS | _LOCAL_BUILD_TAG_WORDS).intersection(words(image_tag(container.image))):
            return "", None
        if self._command_script_runs_another(container):
            container.runs_other_entrypoint = True
            return "", None
        image = container.image
        import_path = _image_import_path(image)
        scaffold = scaffold_project(container)
        chart_project = _chart_project(container) if scaffold is None and import_path is None else None
        if scaffold is not None and self._left_over_scaffold(scaffold, container):
            container.left_over_scaffold = True
            return _said_to_run_go(container, go_images), None  # what the tree says does not hold
        if chart_project is not None and self._runs_what_no_image_holds(chart_project, container):
            return _said_to_run_go(container, go_images), None
        if import_path is not None and not self._linted_module_holds(import_path):
            container.built_elsewhere = import_path
            owners = {owner(m.path) for m in self._linted_modules() if m.path}
            container.built_by_another_owner = bool(owners) and owner(import_path) not in owners
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
            named = command_program(container) or (
                container.written_arguments[0].rsplit("/", 1)[-1] if container.written_arguments else None)
            if directory is not None and not self._dockerfiles.get(directory) and named != os.path.basename(directory):
                directory = self._kubebuilder_images().by_makefile.get(objects.full_repository(image)) or directory
        if directory is None and scaffold is not None:
            # The kustomization beside it may rename the placeholder after the program's directory
            # (kaito's config/manager: `controller` -> `.../kaito/workspace`, built from cmd/workspace).
            # Or after an image the tree builds (kubelb's `config/deploy/kubelb`: `controller` ->
            # `quay.io/kubermatic/kubelb-manager`, which its Makefile builds from cmd/kubelb).
            renamed_image = objects.kustomize_image(container) or ""
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
            directory = self._kubebuilder_images().by_makefile.get(objects.full_repository(image))
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
            program = command_program(container)
            if binaries and program is not None and program not in SHELLS and program not in binaries and \
                    not image_builds.names_program(objects.read(dockerfile), program):
                # The image holds none of that name: the manifest is left over (controller-mesh's
                # `config/manager` runs `/manager`, its image `ctrlmesh-manager`).
                return _said_to_run_go(container, go_images), None
            directory = self._built_images.directories[repository]
            if directory is None:
                return "a GoReleaser config builds its image from Go", None
        if image.startswith("ko://"):
            if self._ko_dir(image) is None and self._module_lacks(_ko_import_path(image)):
                container.names_missing_package = True
                return _said_to_run_go(container, go_images), None  # what the tree says does not hold
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
            return f"{_RUNS_BY_COMMAND}{command_program(container)}, the program its module's Dockerfile " \
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
            container.built_elsewhere = objects.full_repository(container.image)
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
                image = image_builds.makefile_image(objects.read(os.path.join(directory, "Makefile")))
                if image is not None:
                    self._kubebuilder_image_dirs.by_makefile.setdefault(objects.full_repository(image), directory)
                name = _PROJECT_NAME.search(objects.read(project))
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
                objects.full_repository(image) in self._kubebuilder_images().by_makefile:
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
        if not body or image_builds.RUNS_ARGUMENTS.search(body):
            return False
        programs = {os.path.basename(main) for main in self._mains_at_or_below(directory)}
        return bool(programs) and not image_builds.names_any(body, programs)

    def _command_script_runs_another(self, container: Container) -> bool:
        """Whether the container's command is a script that the tree's Dockerfiles copy to that
        path of their image, which names none of the tree's Go programs and may start nothing it
        does not name (image_builds.may_start_unknown): unifabric's `lldpd` sidecar runs its agent's image
        with `/usr/bin/unifabric/entrypoint.sh`, which writes a config and starts lldpd, a C
        daemon (its finding was read as wrong). The programs are named by a main package's
        directory, what a copying Dockerfile's `go build -o` writes or copies from another stage,
        and the names its COPY and RUN lines give those (image_builds.renamed). Unknown (False) when no
        Dockerfile copies a script there, one of those scripts is not in the tree, or one of
        those Dockerfiles builds no Go by `go build -o` (`RUN make build`: its program's name is
        not known) or has a RUN line that cannot be read."""
        if not runs_a_script(container):
            return False
        copied = self._scripts_copied_to(container.command[0])
        if not copied or any(body is None or image_builds.may_start_unknown(body) for _, body in copied):
            return False
        mains = {os.path.basename(main) for main in self._main_dirs()}
        programs = set()
        for dockerfile, _ in copied:
            if not dockerfile.built or dockerfile.renames is None or dockerfile.from_stages is None or \
                    any("$" in name for name in dockerfile.built):
                return False  # names not known: a build argument's, a directory's, make's
            programs |= image_builds.renamed(mains | dockerfile.built | dockerfile.from_stages, dockerfile.renames)
        return not any(image_builds.names_any(body, programs) for _, body in copied)

    def _scripts_copied_to(self, path: str) -> list[tuple[Dockerfile, str | None]]:
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
                    script = image_builds.in_build_context(dockerfile.directory, source, os.path.isfile)
                    found.append((dockerfile,
                                  image_builds.COMMENT_LINES.sub("", objects.read(script)) if script else None))
        return found

    def _parsed_dockerfiles(self) -> list[Dockerfile]:
        """The tree's Dockerfiles, each read and parsed once."""
        if self._dockerfiles_parsed is None:
            self._dockerfiles_parsed = []
            for directory, paths in sorted(self._dockerfiles.items()):
                for path in paths:
                    self._dockerfiles_parsed.append(
                        Dockerfile.of(directory, image_builds.COMMENT_LINES.sub("", objects.read(path))))
        return self._dockerfiles_parsed

    def _entrypoint_starting_several(self, directory: str) -> str | None:
        """The name of the entrypoint script of the image built in `directory` when it starts
        several programs side by side: two or more in the background (`gobgpd ... &`, `manager
        ... &`: k8gobgp's), or one in the background beside one it `exec`s. Each process then
        needs its own share of the container's limit, not 90% of it."""
        script, body = self._entrypoint_script(directory)
        started = {image_builds.program_name(line) for line in _BACKGROUNDED.findall(body)}
        execs = {image_builds.program_name(line) for line in _EXECUTED.findall(body)} - {'"$@"', "$@"}
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
        for command in image_builds.GO_BUILD_COMMAND.findall(image_builds.CONTINUED_LINE.sub(" ", text)):
            if image_builds.output_name(command) != program:
                continue
            targets = image_builds.GO_BUILD_TARGET.findall(image_builds.OUTPUT_FLAG.sub(" ", command))
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
            text = image_builds.COMMENT_LINES.sub("", objects.read(dockerfile)) if dockerfile else ""
            self._plain_dockerfiles[directory] = \
                text, [found.group(1) or found.group(2) for found in image_builds.ENTRYPOINT.finditer(text)]
        return self._plain_dockerfiles[directory]

    def _read_entrypoint_script(self, directory: str) -> tuple[str, str]:
        text, entrypoints = self._plain_dockerfile(directory)
        script = entrypoints[-1].rsplit("/", 1)[-1] if entrypoints else ""
        if not script.endswith(".sh"):
            return "", ""
        source = next((found for found in image_builds.copied_sources(text) if found.rsplit("/", 1)[-1] == script),
                      None)
        body = image_builds.COMMENT_LINES.sub("", objects.read(os.path.join(directory, source))) if source else ""
        return (script, body) if body else ("", "")

    def _kubebuilder_root(self, root: str) -> str | None:
        """The root of the kubebuilder project a scaffold's manager belongs to (see
        scaffold_project), when it builds the manager from Go."""
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
        if not any(image_builds.names_program(objects.read(path), program) for path in dockerfiles):
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
        targets = [target.split("$", 1)[0] for path in dockerfiles
                   for target in image_builds.go_build_targets(objects.read(path))]
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
                   for source in image_builds.copied_sources(last_stage, stages=True)):
            return False
        return not any(image_builds.names_program(objects.read(path), program)
                       for paths in self._dockerfiles.values() for path in paths)

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
        program = command_program(container)
        if program is None or program in SHELLS:
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
        parts = objects.full_repository(image).split("/")
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
        said = {word for element in objects.full_repository(image).split("/")[-2:] for word in words(element)}
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

    def _module_lacks(self, import_path: str) -> bool:
        """Whether `import_path` names a package of a module on disk that a linted module sees
        (itself, a `replace`d one, a go.work one) and no such directory is there: `ko` cannot
        build it, so a manifest naming it is not what runs (aws-kinesis-channel's config names
        `cmd/controller`, its code being in `cmd/aws-kinesis-channel-controller`: a finding
        about it was read as wrong)."""
        directories = [d for m in self._linted_modules() if (d := modules.package_dir(import_path, m)) is not None]
        return bool(directories) and not any(os.path.isdir(d) for d in directories)

    def _program_dir(self, container: Container) -> str | None:
        """The main package a container's command runs by its directory's name, whatever the
        image is called (`command: ["/usr/src/multus-cni/bin/multus-daemon"]` runs
        cmd/multus-daemon, in multus-cni's image)."""
        program = command_program(container)
        if program is None or program in SHELLS:
            return None
        # In a monorepo of modules, a manifest inside one runs that module's program:
        # sealos' services run `/manager` like its controllers, built from their own modules.
        home = modules.module_of_dir(os.path.dirname(container.source.abspath))
        return next((d for d in sorted(self._dirs_by_name.get(program, ())) if self._holds_main(d)
                     and (home is None or modules.module_of_dir(d) == home)), None)

    def _ko_dir(self, image: str) -> str | None:
        """The directory of a `ko://` import path among the linted Go packages."""
        import_path = _ko_import_path(image)
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
            text = image_builds.COMMENT_LINES.sub("", objects.read(path))
            if image_builds.builds_go_program(text) and _FETCHES_SOURCE.search(text) and \
                    not any(_GO_SOURCE.search(copied) for copied in image_builds.copied_sources(text)):
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
        return any(image_builds.builds_go_program(objects.read(path)) for path in self._dockerfiles.get(directory, []))

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
        import_path = _ko_import_path(container.image)
        requiring = [module for module in self._linted_modules()
                     if any(modules.in_module(import_path, required) for required in self._required_modules(module))]
        return bool(requiring) and all(image_builds.predates(self._toolchain_or_ci_go_versions(module.root))
                                       for module in requiring)

    def _toolchain_or_ci_go_versions(self, module_root: str) -> list[int]:
        """image_builds.toolchain_or_ci_go_versions of a module, read once."""
        if module_root not in self._built_with:
            self._built_with[module_root] = image_builds.toolchain_or_ci_go_versions(module_root)
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
                        for path in paths for found in image_builds.golang_builders(objects.read(path))]
            self._module_predates[module.root] = image_builds.predates(
                versions or self._toolchain_or_ci_go_versions(module.root))
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
            # A namespace a function of the program returns, written out, applies whatever the flags.
            for counted in _constant_namespace_calls(facts):
                scopes += 1 - (named and counted)
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
            # stores given no storage of their own (_ProgramFacts.api_server_stores); the
            # generic registry's package, only in a program that names what makes or holds a store.
            stores, own_storage, storage_named = program.api_server_stores
            registry_caches = not stores or own_storage < stores
            # controller-runtime keeps objects only in a cache the program builds and fills;
            # client-go only in informers and watches it starts.
            keeps = [k for k in keeps if (k != go_code.CONTROLLER_RUNTIME or builds) and
                     (starts or not go_code.keeps_only_with_informers(k)) and
                     (k != go_code.WATCH_TOOLS or any(f.synced_watches for f in facts)) and
                     (registry_caches or not go_code.api_server_storage(k)) and
                     (storage_named or not modules.in_module(k, go_code.API_SERVER_STORAGE[0]))]
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
                tuple(map(sum, zip((0, 0, 0), *stores, *([facts[0].api_server_stores] if declaring else [])))))
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
        """The names a program's packages give the manager's API reader or a client of their
        own that caches nothing, and nothing else (go_code.api_reader_names,
        go_code.own_client_fields), and their methods returning one (go_code.reader_methods):
        what is read through them is not cached."""
        facts = [self._package_code(d, unused) for d in packages]
        given = frozenset().union(*(f.api_reader_names for f in facts))
        otherwise: set[bytes] = set()
        for path in (path for d in packages for path in _go_files_in(d) if path not in unused) if given else ():
            source = self._read_go(path) or b""
            if any(name in source for name in given):  # only a file naming one may give it
                code = go_code.COMMENTS.sub(b"", source)
                otherwise |= go_code.names_given_otherwise(code, given, uncached_at=frozenset().union(
                    *go_code.own_client_fields(source, code).values()))
        given -= otherwise
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
        text = objects.read(path)
        roots = [module.root] if module is not None else \
            [root for source in image_builds.copied_sources(text)
             if (root := image_builds.copied_module(directory, source)) is not None]
        found: dict[str, frozenset[str] | None] = {}
        # Or the recipes of the make targets it runs (vanus' `RUN make build-gateway`), in the
        # Makefile at the root of what it builds from.
        recipes = [image_builds.make_recipes(objects.read(os.path.join(root, "Makefile")), arguments)
                   for root in roots for arguments in _MAKE_RUN.findall(text)]
        for target in image_builds.go_build_targets("\n".join([text, *recipes])):
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
        to image_builds.BUILD_CONTEXT_DEPTH directories above one, within the linted tree), or at a linted
        module's root, builds an image named `repository` from (image_builds.makefile_image_builds;
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
                           for above in image_builds.directory_and_parents(directory, image_builds.BUILD_CONTEXT_DEPTH + 1)
                           if modules.names_below(above, top) is not None}
            for directory in sorted(directories | set(linted)):
                makefile = os.path.join(directory, "Makefile")
                for name, dockerfile in image_builds.makefile_image_builds(objects.read(makefile)) \
                        if os.path.isfile(makefile) else ():
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
            for root in sorted({image_builds.repository_root(m.root) for m in self._linted_modules()} - {None}):
                for name, dockerfile in image_builds.workflow_image_builds(root):
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
            self._module_limits[module.root] = code_memory_limits.module_sets_memory_limit(
                module, self._read_go, self._derive)
        return self._module_limits[module.root]
