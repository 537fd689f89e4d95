"""The Kubernetes objects of the manifests and what the rules see of them: each workload's
containers (Container, its settings with where they are written), the ConfigMaps and Secrets
they take variables from, the kinds their service accounts may list in every namespace, the
kustomizations beside them and the image names they give (image_repository).
"""

from __future__ import annotations

import base64
import binascii
import functools
import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import yaml

from golint_startup.files import listdir
from golint_startup.go.library import NOT_DEPLOYED_WORDS
from golint_startup.kube import go_code, helm_template, yaml_nodes
from golint_startup.kube.quantity import go_gc_off
from golint_startup.kube.yaml_nodes import Document, Source
from golint_startup.rule import Location
from golint_startup.words import listing, words

if TYPE_CHECKING:
    from golint_startup.kube.helm_charts import HelmifyRun

WORKLOAD_KINDS = ("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
                  "Job", "CronJob", "PodTemplate")
# OLM's bundle of an operator: it installs the Deployments it lists (see _pod_specs).
CSV = "ClusterServiceVersion"
GO_RUNTIME_VARIABLES = ("GOMEMLIMIT", "GOGC", "GODEBUG", "GOMAXPROCS", "GOTRACEBACK")


def known_size(node: yaml.Node | None) -> str | None:
    """A size's text, unless a deploy-time tool fills in some of it (`memory: ${MEMORY_LIMIT}`
    in frontend-operator's OpenShift Template, `value: ${SIZE}MiB` for envsubst): not known
    here, so neither checked nor malformed."""
    text = yaml_nodes.text(node)
    return None if text is not None and PLACEHOLDER_NAME.search(text) else text


def _placeholder_name(node: yaml.Node | None) -> str | None:
    """A name a template fills in, its actions written as envsubst's placeholders
    (`access-manager-{{.SHARD}}` as `access-manager-$SHARD`, see PLACEHOLDER_NAME)."""
    if not isinstance(node, yaml.ScalarNode) or yaml_nodes.TEMPLATE not in node.value:
        return None
    return helm_template.ACTION.sub(lambda action: "$" + ("".join(re.findall(r"\w+", action.group(1))) or "X"),
                                    node.value)


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
    # A kubebuilder scaffold that cannot be what runs (go_programs.GoTree._left_over_scaffold): its command
    # names no program its project builds, or it passes none of a flag its manager exits without.
    left_over_scaffold: bool = False
    # Its `ko://` image names a package its module does not hold (go_programs.GoTree._module_lacks).
    names_missing_package: bool = False
    # It keeps its image's entrypoint, a script that starts several programs (its name).
    entrypoint_starting_several: str | None = None
    chart: str | None = None  # the Helm chart whose values.yaml sets it (its `resources` and `image`)
    bundle: bool = False  # a Deployment of an OLM ClusterServiceVersion
    replicas: int | None = None  # its workload's `spec.replicas` when written as a number
    # `imagePullPolicy: Never`: its image is one loaded onto the node by hand (`kind load`).
    loaded_by_hand: bool = False
    resized_by: Location | None = None  # a VerticalPodAutoscaler that changes its memory limit
    # For a chart's container, the Makefile line that writes the chart with helmify from other
    # manifests (helm_charts.helmify_run): a change made in the chart is lost when it is written again.
    generated_by: HelmifyRun | None = None
    # For a kubebuilder scaffold, what its project is installed from instead (manifests._installed_from):
    # what users run is that chart, not this manifest.
    installed_from: str | None = None
    # For a kubebuilder scaffold's own manifests (not a chart), whether its project's README is
    # still kubebuilder's template (project_docs.unwritten_scaffold): a project no one deploys yet.
    unwritten_scaffold: bool = False
    # The README that says its program's project is retired (project_docs.retired_notice): no one will change it.
    retired_by: str | None = None
    # The image a kustomization listing its file's directory among its `resources` renames its
    # own to (`images:`), when the kustomization beside it renames none (manifests._apply_overlay_images).
    renamed_by_overlay: str | None = None
    # Its first argument when a bare word (`apiserver`): the subcommand of a program that has several.
    subcommand: str | None = None
    # The flags and variables that name it a namespace to watch (namespace_settings).
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
    # None when not known (kinds_listed_cluster_wide).
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


KUSTOMIZATION_FILES = ("kustomization.yaml", "kustomization.yml", "Kustomization")


def list_of(mapping: dict, key: str) -> list:
    value = mapping.get(key)
    return value if isinstance(value, list) else []


def _kustomize_resources(kustomization: dict) -> list:
    """What a kustomization builds on: its `resources`, and its `bases`, their older name
    (cluster-api-provider-bke's `config/default` raises its manager's 128Mi to 1Gi over
    `bases: [../manager]`; a finding naming the 128Mi was read as wrong)."""
    return list_of(kustomization, "resources") + list_of(kustomization, "bases")


def kustomize_bases(directory: str, kustomization: dict) -> set[str]:
    """The paths (normalized) of what the kustomization in `directory` builds on: files and
    directories (_kustomize_resources)."""
    return {os.path.normpath(os.path.join(directory, entry))
            for entry in _kustomize_resources(kustomization) if isinstance(entry, str)}


def kustomization_in(directory: str) -> dict:
    """The kustomization in `directory`, parsed ({} when there is none). Several questions
    ask about the same one (its images, its name affixes, its patches): it is parsed once
    while the file is unchanged. Callers only read it."""
    for name in KUSTOMIZATION_FILES:
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


def kustomize_image(container: Container) -> str | None:
    """The image a kustomization beside the container's file gives it, else one building on its
    directory (Container.renamed_by_overlay), if one does."""
    return renamed_beside(container) or container.renamed_by_overlay


def renamed_beside(container: Container) -> str | None:
    """The image the kustomization beside the container's file gives it, if it does."""
    return image_renamed_by(kustomization_in(os.path.dirname(container.source.abspath)), container)


def image_renamed_by(kustomization: dict, container: Container) -> str | None:
    """The image a kustomization's `images:` give the container (an entry whose `name` is its
    image's repository, by its last element or whole, registry and owner included, as
    kustomize matches it: `local-registry:5000/api`), with a `newName`, if they do."""
    images = kustomization.get("images")
    names = {image_repository(container.image), full_repository(container.image)}
    for entry in images if isinstance(images, list) else ():
        if isinstance(entry, dict) and entry.get("name") in names and isinstance(entry.get("newName"), str):
            return entry["newName"]
    return None


# A name left for a template tool to fill in: envsubst's `$NAME` or `${NAME}`, an OpenShift
# Template's `${{NAME}}`.
PLACEHOLDER_NAME = re.compile(r"\$(?:\{\{?\w+\}\}?|\w+)")


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


def full_repository(image: str) -> str:
    """An image reference without its tag or digest (`ghcr.io/acme/api` of `ghcr.io/acme/api:1`)."""
    head, slash, last = image.split("@", 1)[0].rpartition("/")
    return head + slash + last.split(":", 1)[0]


FALSE = frozenset({"false", "False", "FALSE"})


# --- objects and containers --------------------------------------------------------------


def in_document(root: yaml.Node) -> list[yaml.Node]:
    """Kubernetes objects in a document: the document itself, or a List's items; not objects
    read back from a cluster (`kubectl get -o yaml`: a `resourceVersion` or `uid` in their
    metadata), which no one applies: ai-sovereign-finops-operator keeps its experiments' Jobs
    and Pods so, twelve findings of one reading."""
    kind = yaml_nodes.text(yaml_nodes.value(root, "kind"))
    if kind == "List" or (kind or "").endswith("List"):
        found = [item for item in yaml_nodes.items(yaml_nodes.value(root, "items"))
                 if yaml_nodes.text(yaml_nodes.value(item, "kind"))]
    else:
        found = [root] if kind and yaml_nodes.text(yaml_nodes.value(root, "apiVersion")) else []
    return [obj for obj in found if yaml_nodes.value(obj, "metadata", "resourceVersion") is None and
            yaml_nodes.value(obj, "metadata", "uid") is None]


def _pod_spec(obj: yaml.Node, kind: str) -> yaml.Node | None:
    if kind == "Pod":
        return yaml_nodes.value(obj, "spec")
    if kind == "PodTemplate":
        return yaml_nodes.value(obj, "template", "spec")
    if kind == "CronJob":
        return yaml_nodes.value(obj, "spec", "jobTemplate", "spec", "template", "spec")
    return yaml_nodes.value(obj, "spec", "template", "spec")


def _namespace(obj: yaml.Node) -> str | None:
    return yaml_nodes.text(yaml_nodes.value(obj, "metadata", "namespace"))


@dataclass
class _EnvSource:
    """A ConfigMap's or Secret's keys, for envFrom and configMapKeyRef/secretKeyRef."""

    namespace: str | None
    values: dict[str, Setting]


def env_sources(documents: list[Document]) -> dict[tuple[str, str], list[_EnvSource]]:
    found: dict[tuple[str, str], list[_EnvSource]] = {}
    affixes = functools.cache(_name_affixes)  # a directory's kustomization, read once
    for doc in documents:
        for kind, source in _generated_env_sources(doc):
            found.setdefault(kind, []).append(source)
        for obj in in_document(doc.root):
            kind = yaml_nodes.text(yaml_nodes.value(obj, "kind"))
            name = yaml_nodes.text(yaml_nodes.value(obj, "metadata", "name"))
            if kind not in ("ConfigMap", "Secret") or not name:
                continue
            values = {}
            for section, encoded in (("data", kind == "Secret"), ("stringData", False)):
                data = yaml_nodes.value(obj, section)
                if not isinstance(data, yaml.MappingNode):
                    continue
                for key_node, value_node in data.value:
                    key, value = yaml_nodes.text(key_node), yaml_nodes.text(value_node)
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
    found = {_affixes_of(kustomization_in(directory))}
    parent = os.path.dirname(directory)
    for sibling in [parent] + [os.path.join(parent, name) for name in listdir(parent)]:
        if sibling == directory or not os.path.isdir(sibling):
            continue
        kustomization = kustomization_in(sibling)
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


def _generated_env_sources(doc: Document) -> list[tuple[tuple[str, str], _EnvSource]]:
    """The keys of the ConfigMaps and Secrets a kustomization's generators make: `literals`
    (`KEY=value`) and `envs` files beside it (lines `KEY=value`)."""
    if not isinstance(doc.root, yaml.MappingNode) or yaml_nodes.value(doc.root, "kind") is not None and \
            yaml_nodes.text(yaml_nodes.value(doc.root, "kind")) not in ("Kustomization", "Component"):
        return []
    generated = []
    base = os.path.dirname(doc.source.abspath)
    for section, kind in _GENERATORS:
        for entry in yaml_nodes.items(yaml_nodes.value(doc.root, section)):
            name = yaml_nodes.text(yaml_nodes.value(entry, "name"))
            if not name:
                continue
            values = {}
            for literal in yaml_nodes.items(yaml_nodes.value(entry, "literals")):
                key, equals, value = (yaml_nodes.text(literal) or "").partition("=")
                if equals and key.strip():
                    values[key.strip()] = Setting(value.strip(), doc.source.location(literal))
            single = yaml_nodes.value(entry, "env")  # the older, single-file spelling
            for env_file in yaml_nodes.items(yaml_nodes.value(entry, "envs")) + \
                    ([single] if isinstance(single, yaml.ScalarNode) else []):
                text = read(os.path.join(base, yaml_nodes.text(env_file) or ""))
                for match in _ENV_LINE.finditer(text):
                    values.setdefault(match.group(1), Setting(match.group(2).strip("\"'"),
                                                              doc.source.location(env_file)))
            # Not the kustomization's `namespace`: kustomize gives it to the workloads too, whose
            # files still say their own (kubebuilder's `system`).
            generated.append(((kind, name), _EnvSource(yaml_nodes.text(yaml_nodes.value(entry, "namespace")), values)))
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
    kind = yaml_nodes.text(yaml_nodes.value(obj, "kind"))
    if kind in WORKLOAD_KINDS and yaml_nodes.text(yaml_nodes.value(obj, "apiVersion")) in _REMOVED_WORKLOAD_APIS:
        return []
    if kind in WORKLOAD_KINDS:
        name = yaml_nodes.text(yaml_nodes.value(obj, "metadata", "name")) or \
            yaml_nodes.text(yaml_nodes.value(obj, "metadata", "generateName")) or \
            _placeholder_name(yaml_nodes.value(obj, "metadata", "name")) or "?"
        return [(f"{kind}/{name}", _pod_spec(obj, kind))]
    if kind == CSV:
        return [(f"Deployment/{yaml_nodes.text(yaml_nodes.value(item, 'name')) or '?'}",
                 yaml_nodes.value(item, "spec", "template", "spec"))
                for item in yaml_nodes.items(yaml_nodes.value(obj, "spec", "install", "spec", "deployments"))]
    return []


def containers(doc: Document, env_sources) -> list[Container]:
    found = []
    for obj in in_document(doc.root):
        namespace = _namespace(obj)
        if not NOT_DEPLOYED_WORDS.isdisjoint(words(namespace or "")):
            continue  # put in a namespace of tests or examples (`serving-tests`): not what users run
        bundle = yaml_nodes.text(yaml_nodes.value(obj, "kind")) == CSV
        replicas = yaml_nodes.text(yaml_nodes.value(obj, "spec", "replicas"))
        for workload, spec in _pod_specs(obj):
            for container in _pod_containers(doc, spec, workload, namespace, env_sources):
                container.bundle = bundle
                container.replicas = int(replicas) if replicas and replicas.isdigit() and not bundle else None
                found.append(container)
    return found


def _pod_containers(doc: Document, spec: yaml.Node | None, workload: str, namespace: str | None,
                    env_sources) -> list[Container]:
    found = []
    for key, init in (("initContainers", True), ("containers", False)):
        for node in yaml_nodes.items(yaml_nodes.value(spec, key)):
            if isinstance(node, yaml.MappingNode):
                found.append(_container(doc.source, node, workload, init, namespace, env_sources))
    account = yaml_nodes.text(yaml_nodes.value(spec, "serviceAccountName")) or \
        yaml_nodes.text(yaml_nodes.value(spec, "serviceAccount")) or "default"
    for container in found:
        container.pod_containers = sum(not c.init for c in found)
        container.service_account = account
    return found


def _container(source: Source, node: yaml.Node, workload: str, init: bool, namespace: str | None,
               env_sources) -> Container:
    name_pair = yaml_nodes.get(node, "name")
    container = Container(
        source, workload, yaml_nodes.text(yaml_nodes.value(node, "name")) or "?",
        yaml_nodes.text(yaml_nodes.value(node, "image")) or "", init,
        source.location(*name_pair) if name_pair else source.location(node),
        restarts=yaml_nodes.text(yaml_nodes.value(node, "restartPolicy")) == "Always",
        loaded_by_hand=yaml_nodes.text(yaml_nodes.value(node, "imagePullPolicy")) == "Never")
    for ref in yaml_nodes.items(yaml_nodes.value(node, "envFrom")):
        prefix = yaml_nodes.text(yaml_nodes.value(ref, "prefix")) or ""
        for key, kind in (("configMapRef", "ConfigMap"), ("secretRef", "Secret")):
            name = yaml_nodes.text(yaml_nodes.value(ref, key, "name"))
            if name is None:
                continue
            resolved = _lookup(env_sources, kind, name, namespace)
            if resolved is None:
                container.unresolved_env_from.append(f"{kind} {name}")
                continue
            for var, setting in resolved.values.items():
                container.env[prefix + var] = EnvVar(prefix + var, setting, setting.location)
    for entry in yaml_nodes.items(yaml_nodes.value(node, "env")):
        name = yaml_nodes.text(yaml_nodes.value(entry, "name"))
        if name:
            container.env[name] = env_var(source, entry, name, namespace, env_sources)
    for field_name in ("limits", "requests"):
        pair = yaml_nodes.get(yaml_nodes.value(node, "resources", field_name), "memory")
        if pair is not None and (memory := known_size(pair[1])) is not None:
            setattr(container, f"{field_name}_memory", Setting(memory, source.location(*pair)))
    liveness = yaml_nodes.get(node, "livenessProbe")
    if liveness is not None and isinstance(liveness[1], yaml.MappingNode):
        container.liveness_probe = source.location(liveness[0])
        container.liveness_initial_delay = _seconds(liveness[1], "initialDelaySeconds", 0)
        # The kubelet's defaults: a probe every 10 s, a restart after 3 failures in a row.
        container.liveness_restart_after = container.liveness_initial_delay + \
            _seconds(liveness[1], "periodSeconds", 10) * _seconds(liveness[1], "failureThreshold", 3)
    container.startup_probe = isinstance(yaml_nodes.value(node, "startupProbe"), yaml.MappingNode)
    command = _without_init_wrapper([yaml_nodes.text(item) or ""
                                     for item in yaml_nodes.items(yaml_nodes.value(node, "command"))])
    args = [yaml_nodes.text(item) or "" for item in yaml_nodes.items(yaml_nodes.value(node, "args"))]
    container.written_arguments = tuple(command + args)
    if command:
        container.command = tuple(command + args)
    container.subcommand = subcommand_named(command, args)
    container.namespace_settings = namespace_settings(args if not command else command + args, container.env)
    container.mounts = tuple(path for path in (
        yaml_nodes.text(yaml_nodes.value(mount, "mountPath"))
        for mount in yaml_nodes.items(yaml_nodes.value(node, "volumeMounts"))) if path)
    return container


# `--watch-namespace=ns`, `-namespace ns`: a flag and, when written in the same item, its value.
_FLAG = re.compile(r"--?([A-Za-z][\w-]*)(?:=(.*))?", re.DOTALL)


def namespace_settings(arguments: list[str], env: dict[str, EnvVar]) -> frozenset[str]:
    """The flags (without dashes) and environment variables that give the program a namespace
    to watch (go_code.NAMESPACE_SETTING) or its node (go_code.NODE_SETTING), each with a value
    that is not empty (_names_something)."""
    named = {name for name, value in _flag_arguments(arguments)
             if (go_code.NAMESPACE_SETTING.fullmatch(name) or go_code.NODE_SETTING.fullmatch(name))
             and not value.startswith("-") and _names_something(value, env)}
    # Any variable named for a namespace: those the code reads one from (go_code.namespace_settings).
    named.update(variable.name for variable in env.values()
                 if (NAMED_FOR_A_NAMESPACE.search(variable.name) or go_code.NODE_SETTING.fullmatch(variable.name))
                 and _names_something(variable, env))
    return frozenset(named)


NAMED_FOR_A_NAMESPACE = re.compile("namespace", re.IGNORECASE)


def olm_targets_some_namespaces(documents: list[Document]) -> bool:
    """Whether the newest ClusterServiceVersion of the manifests (by `spec.version`) does not
    support installing in AllNamespaces mode: OLM's `olm.targetNamespaces` annotation, empty
    only in that mode, then names a namespace (ibm-monitoring-grafana-operator's newest bundles
    support OwnNamespace and SingleNamespace; a finding calling its cache cluster-wide was read
    as wrong)."""
    newest: tuple[tuple[int, ...], yaml.Node] | None = None
    for document in documents:
        if yaml_nodes.text(yaml_nodes.value(document.root, "kind")) != CSV:
            continue
        spec = yaml_nodes.value(document.root, "spec")
        version = tuple(int(part)
                        for part in re.findall(r"\d+", yaml_nodes.text(yaml_nodes.value(spec, "version")) or ""))
        if newest is None or version > newest[0]:
            newest = version, spec
    if newest is None:
        return False
    return any(yaml_nodes.text(yaml_nodes.value(mode, "type")) == "AllNamespaces"
               and yaml_nodes.text(yaml_nodes.value(mode, "supported")) in FALSE
               for mode in yaml_nodes.items(yaml_nodes.value(newest[1], "installModes")))


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
    for rule in yaml_nodes.items(rules):
        verbs = {yaml_nodes.text(verb) for verb in yaml_nodes.items(yaml_nodes.value(rule, "verbs"))}
        if verbs.isdisjoint(_LISTING_VERBS) or yaml_nodes.items(yaml_nodes.value(rule, "resourceNames")):
            continue
        resources = {yaml_nodes.text(resource) for resource in yaml_nodes.items(yaml_nodes.value(rule, "resources"))}
        # Of the rule's API groups: every group when they are not written (sloth's `*` of its
        # own `sloth.slok.dev` lists none of the cluster's kinds; read as wrong when it did).
        groups = {yaml_nodes.text(group) or ""
                  for group in yaml_nodes.items(yaml_nodes.value(rule, "apiGroups"))} or {"*"}
        kinds = go_code.GROWING_KINDS if "*" in resources else \
            [_GROWING_RESOURCES[r] for r in resources if r in _GROWING_RESOURCES]
        found.update(kind for kind in kinds if "*" in groups or not groups.isdisjoint(_GROWING_GROUPS.get(kind, {""})))
    return found


def kinds_listed_cluster_wide(documents: list[Document], rules_unknown: frozenset[str] = frozenset()
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
        for obj in in_document(document.root):
            kind = yaml_nodes.text(yaml_nodes.value(obj, "kind"))
            if kind == "ClusterRole" and (name := yaml_nodes.text(yaml_nodes.value(obj, "metadata", "name"))):
                if yaml_nodes.value(obj, "aggregationRule") is not None or name in rules_unknown:
                    roles[name] = None
                elif (listed := roles.setdefault(name, set())) is not None:
                    listed |= _kinds_listed(yaml_nodes.value(obj, "rules"))
            elif kind == "ClusterRoleBinding" and \
                    yaml_nodes.text(yaml_nodes.value(obj, "roleRef", "kind")) == "ClusterRole":
                role = yaml_nodes.text(yaml_nodes.value(obj, "roleRef", "name")) or ""
                for name in _bound_service_accounts(obj):
                    bound.setdefault(name, set()).add(role)
            elif kind == "RoleBinding":
                bound_in_a_namespace.update(_bound_service_accounts(obj))
            elif kind == CSV:
                for permission in yaml_nodes.items(
                        yaml_nodes.value(obj, "spec", "install", "spec", "clusterPermissions")):
                    if name := yaml_nodes.text(yaml_nodes.value(permission, "serviceAccountName")):
                        granted.setdefault(name, set()).update(_kinds_listed(yaml_nodes.value(permission, "rules")))
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
    return [name for subject in yaml_nodes.items(yaml_nodes.value(binding, "subjects"))
            if yaml_nodes.text(yaml_nodes.value(subject, "kind")) == "ServiceAccount"
            and (name := yaml_nodes.text(yaml_nodes.value(subject, "name")))]


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


def _seconds(probe: yaml.Node, key: str, default: int) -> int:
    text = yaml_nodes.text(yaml_nodes.value(probe, key))
    return int(text) if text and re.fullmatch(r"[0-9]+", text) else default


def env_var(source: Source, entry: yaml.Node, name: str, namespace, env_sources) -> EnvVar:
    where = source.location(entry)
    value_pair = yaml_nodes.get(entry, "value")
    if value_pair is not None:
        # `value:` left empty (null) gives the process an empty string, which Go reads as unset.
        null = isinstance(value_pair[1], yaml.ScalarNode) and value_pair[1].tag == "tag:yaml.org,2002:null"
        # A Go runtime variable is a size or a switch that the rules read.
        text = "" if null else known_size(value_pair[1]) if name in GO_RUNTIME_VARIABLES else \
            yaml_nodes.text(value_pair[1])
        # An unquoted number or `off` is still the string the process gets.
        return EnvVar(name, Setting(text, source.location(value_pair[1])) if text is not None else None, where)
    value_from = yaml_nodes.value(entry, "valueFrom")
    resource = yaml_nodes.value(value_from, "resourceFieldRef")
    if resource is not None:
        return EnvVar(name, None, where,
                      f"resourceFieldRef:{yaml_nodes.text(yaml_nodes.value(resource, 'resource')) or ''}",
                      yaml_nodes.text(yaml_nodes.value(resource, "divisor")) or "")
    for key, kind in (("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret")):
        ref = yaml_nodes.value(value_from, key)
        if ref is None:
            continue
        resolved = _lookup(env_sources, kind, yaml_nodes.text(yaml_nodes.value(ref, "name")) or "", namespace)
        setting = resolved.values.get(yaml_nodes.text(yaml_nodes.value(ref, "key")) or "") if resolved else None
        return EnvVar(name, setting, where, key)
    field_path = yaml_nodes.text(yaml_nodes.value(value_from, "fieldRef", "fieldPath"))
    if field_path is not None:
        return EnvVar(name, None, where, f"fieldRef:{field_path}")
    return EnvVar(name, None, where, "valueFrom" if value_from is not None else "")


_SUBCOMMAND = re.compile(r"[a-z][a-z0-9-]*")


def subcommand_named(command: list[str], args: list[str]) -> str | None:
    """The first argument of what a container runs (after its `command`'s program), when it is
    a bare word (`apiserver`): the subcommand of a program that has several. Arguments given
    with no command that start with an absolute path name the program first, for an image with
    no entrypoint (ocm's `args: ["/registration-operator", "klusterlet"]`)."""
    if not command and args and args[0].startswith("/"):
        command, args = args[:1], args[1:]
    first = (command[1:] + args)[:1]
    return first[0] if first and _SUBCOMMAND.fullmatch(first[0]) else None


def image_repository(image: str) -> str:
    """The last path segment of an image reference, without tag or digest."""
    return full_repository(image).rsplit("/", 1)[-1]


def read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(1024 * 1024)
    except OSError:
        return ""
