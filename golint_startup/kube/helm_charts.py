"""Helm charts as the tree holds them, read without rendering: the containers a chart's values.yaml
sets and what its templates say of them (names, commands, service accounts, namespaces,
resources), subcharts and umbrellas, deprecated charts, and the helmify run that writes one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import Any, NamedTuple

import yaml

from golint_startup.files import listdir
from golint_startup.kube import helm_template, image_builds, objects, yaml_nodes
from golint_startup.kube.objects import (
    WORKLOAD_KINDS,
    Container,
    EnvVar,
    Setting,
    image_repository,
)
from golint_startup.kube.yaml_nodes import Document, Source
from golint_startup.rule import Location, Notification


def includes_telling(chart: str, template: str, known: dict[str, frozenset[str]]) -> bool:
    """Whether a chart's template includes a named template that tells the limit
    (TELLS_THE_LIMIT): nudgebee-agent's `_helpers.tpl` writes its runner's GOMEMLIMIT, 80% of
    its limit, and its finding was read as wrong. Its defines are read once per chart (`known`),
    only for a template that includes one."""
    included = helm_template.includes(template)
    if not included:
        return False
    if chart not in known:
        known[chart] = helm_template.defines_saying(
            chart, objects.read, lambda body: bool(TELLS_THE_LIMIT.search(YAML_COMMENT.sub("", body))))
    return bool(included & known[chart])


def in_chart_templates(container: Container) -> bool:
    """Whether the container's file is a template of a Helm chart, read as it is written
    (chaosmeta-deploy's templates spell out each operator's Deployment)."""
    templates = os.path.dirname(container.source.abspath)
    return os.path.basename(templates) == "templates" and \
        os.path.isfile(os.path.join(os.path.dirname(templates), "Chart.yaml"))


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
    for entry in objects.kustomize_bases(directory, objects.kustomization_in(directory)):
        if os.path.isdir(entry):
            files |= _kustomized_files(entry, seen)
        else:
            files.add(entry)
    return files


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
        redirection = image_builds.REDIRECTION.match(word)
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


def helmify_run(chart: str, display: Callable[[str], str]) -> HelmifyRun | None:
    """The recipe line of a Makefile of the chart's directory or one above it (up to three)
    that runs helmify to write the chart, variables the Makefile sets resolved, a `cd` before
    it followed: gitopssets-controller's `kustomize build config/default | $(HELMIFY)
    -crd-dir charts/gitopssets-controller`; None when none does."""
    directory = os.path.dirname(chart)
    for _ in range(3):
        makefile = os.path.join(directory, "Makefile")
        text = objects.read(makefile)
        values = image_builds.makefile_values(text) if "helmify" in text.lower() else None
        for number, line in image_builds.logical_lines(text) if values is not None else ():
            recipe = _MAKE_RECIPE_PREFIX.sub("", line[1:].lstrip()) if line.startswith("\t") else "#"
            if recipe.startswith("#"):
                continue
            # `2>&1` and `&>` are no command separators
            resolved = re.sub(r"\d*>&\d+", " ", image_builds.make_resolved(recipe, values)).replace("&>", " >")
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


def kind_line(kinds: Iterable[str]) -> str:
    """A pattern for a YAML line that gives one of `kinds` as an object's `kind`."""
    return r"^[ \t-]*kind:[ \t]*[\"']?(?:" + "|".join(kinds) + r")[\"']?[ \t]*(?:#.*)?$"


# A chart that tells its Go program the limit (or hands it over to set itself), in a
# template or its values: GOMEMLIMIT, or a resourceFieldRef of limits.memory (as the value of
# its `resource`: a CRD's description that lists `limits.memory` tells nothing).
TELLS_THE_LIMIT = re.compile(r"GOMEMLIMIT|\bresource:[ \t]*[\"']?limits\.memory\b")
YAML_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#.*", re.MULTILINE)
_RESOURCES_KEY = re.compile(r"^([ \t]*)resources:(.*)$", re.MULTILINE)


def writes_literal_resources_only(template: str) -> bool:
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


def subcharts_in_tree(chart: str) -> dict[str, str]:
    """The charts of the tree that `chart` holds or depends on, by the key its values give them
    (their name): those in its `charts/` directory (cozystack's `packages/system/kamaji` over
    its vendored `charts/kamaji`), and the dependencies its Chart.yaml gives a `file://`
    repository (AKO's umbrella chart `helm/ako` over `../../ako-crd-operator/helm/.../chart`)."""
    found = {}
    held = os.path.join(chart, "charts")
    for name in listdir(held) if os.path.isdir(held) else ():
        if os.path.isfile(os.path.join(held, name, "Chart.yaml")):
            found[chart_name(os.path.join(held, name))] = os.path.join(held, name)
    if "file://" in (text := objects.read(os.path.join(chart, "Chart.yaml"))):
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
                    found[str(dependency.get("alias") or dependency.get("name") or chart_name(path))] = path
    return found


def included_templates(workload_templates: list[tuple[Source, str]],
                        defining: list[tuple[Source, str]]) -> list[tuple[Source, str]]:
    """Those of the `defining` templates that define a named template a workload template
    includes: kubauth's Deployment includes `container.audit`, defined with its command and
    subcommand in `templates/audit/container.yaml` (taken for the binary's root, the container
    was charged another subcommand's cache: read as wrong)."""
    included = set().union(*(helm_template.includes(text) for _, text in workload_templates))
    return [(source, text) for source, text in defining
            if included.intersection(helm_template.DEFINE.findall(text))]


def parent_values(chart: str, parent: str | None, chart_values: dict[str, tuple[Source, str]],
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
        documents = yaml_nodes.compose(text, source, lambda notification: None)
        roots[parent] = documents[0].root if documents else None
    block = yaml_nodes.value(roots[parent], chart_name(chart))
    return (source, block) if isinstance(block, yaml.MappingNode) else None


def chart_containers(chart: str, source: Source, text: str, notify, workload_templates: list[tuple[Source, str]],
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
    documents = yaml_nodes.compose(text, source, notify)
    if not documents:
        return []
    name = chart_name(chart)
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
        key, resources_value = resources or ((yaml_nodes.get(node, "image")[0], None) if unset
                                             else yaml_nodes.get(node, "resources"))
        written = source
        if overrides is not None and resources is None and not unset:
            # The umbrella's values for the same settings win (see parent_values).
            holder = yaml_nodes.value(overrides[1], *(read_as or (*path, "resources"))[:-1])
            if (overridden := yaml_nodes.get(holder, "resources")) is not None:
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
            pair = yaml_nodes.get(yaml_nodes.value(resources_value, field_name), "memory") or \
                yaml_nodes.get(yaml_nodes.value(resources_value, "memory"), field_name)
            if pair is not None and yaml_nodes.text(pair[1]):
                setattr(made, f"{field_name}_memory", Setting(yaml_nodes.text(pair[1]), written.location(*pair)))
        return made

    # Images by component, kept apart from the components' settings (hns' `image.manager`
    # beside its `manager.resources`).
    images = yaml_nodes.value(documents[0].root, "image")
    keyed_images = {} if _values_image(images) is not None else \
        {key.value: image for key, value in yaml_nodes.mapping_items(images)
         if (image := _values_image(value)) is not None}
    # And resources by component beside them (hibernator's `resources.controller` for its
    # `image.controller`): each pair is a container.
    resources = yaml_nodes.value(documents[0].root, "resources")
    if keyed_images and yaml_nodes.get(resources, "limits") is None and yaml_nodes.get(resources, "requests") is None:
        for key, value in yaml_nodes.mapping_items(resources):
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
            continue  # a subchart's settings, which its own templates run (see parent_values)
        # An image no template reads is not what the chart runs (nats-auth-operator's top-level
        # `image` and `resources`, beside the `controllerManager.manager` its Deployment writes).
        image = (_values_image(yaml_nodes.value(node, "image")) if defaults.reads(*path, "image") else None) or \
            (keyed_images.get(path[-1]) if len(path) == 1 and defaults.reads("image", path[-1]) else None) or \
            _registry_image(yaml_nodes.value(node, "image"), path, workload_templates) or \
            _flat_image(node, path, defaults) or \
            _defaulted_image(documents[0].root, node, path, workload_templates) or \
            (_included_image(path, workload_templates, defaults)
             if path and yaml_nodes.get(node, "resources") is not None else None)
        # A component the chart leaves off unless asked (`admission: {enable: false}`) is not
        # what `helm install` deploys.
        disabled = any(yaml_nodes.text(yaml_nodes.value(node, key)) in objects.FALSE
                       for key in ("enabled", "enable")) or \
            bool(image) and bool(path) and defaults.read_only_where_off((*path, "image"))
        has_resources = yaml_nodes.get(node, "resources") is not None and not (keyed_resources and not path)
        # Or under the image's own settings, as czertainly's charts keep them (`image.resources`).
        image_settings = yaml_nodes.value(node, "image")
        if not has_resources and image and isinstance(image_settings, yaml.MappingNode) and \
                yaml_nodes.get(image_settings, "resources") is not None and defaults.reads(*path, "image", "resources"):
            holder, has_resources, read_as = image_settings, True, (*path, "image", "resources")
        else:
            holder, read_as = node, None
        if not disabled:
            if has_resources and image:
                found.append(container(holder, path, image, read_as=read_as))
            elif image and not keyed_resources and yaml_nodes.get(node, "image") is not None and \
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
            pending += [(value, path + (key.value,)) for key, value in yaml_nodes.mapping_items(node)
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
                             else container(yaml_nodes.value(documents[0].root, *path), path, image, unset=True))
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
    """The flags and variables that name a namespace to watch (objects.namespace_settings) in what a
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
    return objects.namespace_settings(arguments, env)


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
    # The first argument; after the program's path for an image with no entrypoint (see objects.subcommand_named).
    firsts = {tuple(written[:2] if written and written[0] and written[0].startswith("/") else written[:1])
              for written in arguments}
    first = next(iter(firsts)) if len(firsts) == 1 else ()
    literal_args = next(iter(arguments)) if len(arguments) == 1 and None not in next(iter(arguments)) else ()
    return (command + literal_args if command else ()), \
        objects.subcommand_named(list(command), [argument for argument in first if argument])


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
    repository = objects.full_repository(rendered)
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
        return yaml_nodes.text(node) or None
    repository, name = yaml_nodes.text(yaml_nodes.value(node, "repository")), \
        yaml_nodes.text(yaml_nodes.value(node, "name"))
    if repository and name and "/" not in name and image_repository(repository) != name:
        repository += "/" + name
    # `image.image` (kafkaobjects-operator's, beside its `registry`).
    repository = repository or name or yaml_nodes.text(yaml_nodes.value(node, "image"))
    if not repository:
        return None
    registry, tag = yaml_nodes.text(yaml_nodes.value(node, "registry")), yaml_nodes.text(yaml_nodes.value(node, "tag"))
    return (f"{registry}/" if registry else "") + repository + (f":{tag}" if tag else "")


# An image in keys of its own beside the component's other settings (jaehanbyun's redis-operator:
# `redisOperator.imageName` and `imageTag`, whose chart, what its README installs, went unread and
# its scaffold was reported instead).
_FLAT_IMAGE_KEYS = ("imageName", "imageRepository")


def _flat_image(node: yaml.Node, path: tuple[str, ...], defaults: helm_template.ChartDefaults) -> str | None:
    """The image of values that name it in keys of their own (_FLAT_IMAGE_KEYS, with `imageTag`),
    when the templates read it."""
    for key in _FLAT_IMAGE_KEYS:
        repository = yaml_nodes.text(yaml_nodes.value(node, key))
        if repository and defaults.reads(*path, key):
            tag = yaml_nodes.text(yaml_nodes.value(node, "imageTag")) if defaults.reads(*path, "imageTag") else ""
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
    registry = yaml_nodes.text(yaml_nodes.value(settings, "registry")) if isinstance(settings, yaml.MappingNode) else ""
    if not registry or _values_image(settings) is not None:
        return None
    written = re.compile(_IMAGE_ACTION + r"\.Values\." +
                         re.escape(".".join((*path, "image", "registry"))) + r"\s*-?\}\}/([\w.-]+(?:/[\w.-]+)*)",
                         re.MULTILINE)
    repositories = {found.group(1) for _, text in templates for found in written.finditer(text)
                    if _in_pod_document(text, found.start())}
    if len(repositories) != 1:
        return None
    tag = yaml_nodes.text(yaml_nodes.value(settings, "tag"))
    return f"{registry}/{repositories.pop()}" + (f":{tag}" if tag else "")


def _defaulted_image(values: yaml.Node, node: yaml.Node, path: tuple[str, ...],
                     templates: list[tuple[Source, str]]) -> str | None:
    """The image of a component whose `image` is left empty (`null`, `""`) for the one other
    value every workload template writing it falls back to in an `image:` (`{{ default
    .Values.global.imageK8S .Values.connectInject.image }}`, or `{{ .Values.connectInject.image |
    default .Values.global.imageK8S }}`): consul-k8s' umbrella chart runs its connect injector
    so, under 200Mi, and the chart went unread."""
    if not path or yaml_nodes.get(node, "image") is None or yaml_nodes.text(yaml_nodes.value(node, "image")):
        return None
    own = re.escape(".".join((*path, "image")))
    written = re.compile(_IMAGE_ACTION + r"(?:default\s+\.Values\.([\w.]+)\s+\.Values\."
                         + own + r"|\.Values\." + own + r"\s*\|\s*default\s+\.Values\.([\w.]+))\s*-?\}\}",
                         re.MULTILINE)
    fallbacks = {found.group(1) or found.group(2) for _, text in templates for found in written.finditer(text)}
    if len(fallbacks) != 1:
        return None
    return _values_image(yaml_nodes.value(values, *fallbacks.pop().split(".")))


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


def chart_name(chart: str) -> str:
    try:
        with open(os.path.join(chart, "Chart.yaml"), encoding="utf-8", errors="replace") as handle:
            match = re.search(r"^name:[ \t]*[\"']?([\w.-]+)", handle.read(64 * 1024), re.MULTILINE)
    except OSError:
        match = None
    return match.group(1) if match else os.path.basename(chart)


# A template line that declares a workload, or a kind the values choose (`kind: {{ .Values.kind }}`).
_WORKLOAD_KIND = re.compile(kind_line(WORKLOAD_KINDS) + r"|^[ \t-]*kind:[ \t]*\{\{", re.MULTILINE)
_DEPENDENCIES = re.compile(r"^dependencies:", re.MULTILINE)
# The key a `kind:` sits under when it names a workload rather than declares one (an HPA's
# `scaleTargetRef:`, a VPA's `targetRef:`).
_REFERENCE_LINE = re.compile(r"Ref:[ \t]*$")


def declares_workload(text: str) -> bool:
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


def deprecated_chart(chart: str) -> bool:
    """Whether a chart's Chart.yaml marks it deprecated."""
    return _DEPRECATED_CHART.search(objects.read(os.path.join(chart, "Chart.yaml"))) is not None


def deploys_workloads(chart: str, charts_deploying: set[str]) -> bool:
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
    if _DEPENDENCIES.search(objects.read(os.path.join(chart, "Chart.yaml"))) or \
            os.path.isfile(os.path.join(chart, "requirements.yaml")):
        return True
    for directory, _, names in os.walk(chart):
        # Packaged subcharts, and named templates (`_deployment.tpl`) that templates include.
        if any(name.endswith(".tgz") or name.endswith(".tpl") and declares_workload(
                objects.read(os.path.join(directory, name))) for name in names):
            return True
    return False


def chart_root(path: str) -> str | None:
    """The Helm chart (the nearest directory above with a Chart.yaml) that `path` belongs to."""
    return next((str(d) for d in PurePath(path).parents if os.path.isfile(os.path.join(d, "Chart.yaml"))), None)


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


def chart_kinds_listed_by_account(rbac_templates: list[tuple[Source, str]]) -> dict[str, frozenset[str]] | None:
    """The kinds that grow with the cluster that each service account may list in every
    namespace, read from a chart's templates' ClusterRoles and ClusterRoleBindings with their
    actions set aside (helm_template.set_aside_actions: a rule under a condition counts as
    granted, a name the same action writes on both sides matches); an account bound to no
    ClusterRole or to one not known is not among them (see objects.kinds_listed_cluster_wide), such
    as one where an action writes anything outside its metadata (`toYaml .Values.rules`, an
    `include`, a `range`). None when a template offers alternatives the defaults do not decide
    (`{{- else }}`: a ClusterRole or a Role; the caller picks those they decide:
    ChartDefaults.with_alternatives_picked), or when one does not read as YAML.
    pocketbase-operator's chart binds its manager to a ClusterRole that lists no Deployments
    nor ConfigMaps; a finding calling them cached cluster-wide was read as wrong."""
    if any(helm_template.ALTERNATIVE.search(text) for _, text in rbac_templates):
        return None
    documents: list[Document] = []
    rules_unknown: set[str] = set()
    for source, text in rbac_templates:
        plain, writing = helm_template.set_aside_actions(text)
        unreadable: list[Notification] = []  # a template's notes are not the user's: set aside, not said
        composed = yaml_nodes.compose(plain, source, unreadable.append)
        if unreadable:
            return None
        lines = text.split("\n")
        documents += composed
        for document in composed:
            for obj in objects.in_document(document.root):
                if yaml_nodes.text(yaml_nodes.value(obj, "kind")) != "ClusterRole":
                    continue
                if any(obj.start_mark.line <= line <= obj.end_mark.line and not _names_the_object(obj, line, lines)
                       for line in writing):
                    rules_unknown.add(yaml_nodes.text(yaml_nodes.value(obj, "metadata", "name")) or "")
    return objects.kinds_listed_cluster_wide(documents, frozenset(rules_unknown))
