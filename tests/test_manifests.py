"""Kubernetes manifests (SL101-SL105): quantities, loading problems, recognition, the pipeline."""

from __future__ import annotations

import functools
import json
import os
import re
from fractions import Fraction

import pytest

from golint_startup.engine.config import ConfigError, build_settings
from golint_startup.go.library import DEFAULT_LIMIT_IMPORTS, DEFAULT_LIMITS
from golint_startup.go import gccontrol, gofile
from golint_startup.kube import go_code, project_docs
from golint_startup.kube.manifests import image_repository
from golint_startup.kube.quantity import QuantityError, go_gc_off, go_memory_limit, kubernetes_bytes
from golint_startup.engine.runner import run
from lintrun import cli, go_module as module_of, write

# This file's fixture packages stand for code their program runs (see lintrun.go_module).
go_module = functools.partial(module_of, all_reached=True)

# A program that keeps a cluster-wide cache (an informer's), which SL101 reports whatever the
# container asks for; SMALL_MAIN keeps none.
MAIN = 'package main\n\nimport "k8s.io/client-go/informers"\n\nfunc main() { informers.NewSharedInformerFactory(nil, 0) }\n'
SMALL_MAIN = "package main\n\nfunc main() {}\n"
# A program held back by leader election before it serves: what SL105 looks at.
LEADING_MAIN = 'package main\n\nimport _ "k8s.io/client-go/tools/leaderelection"\n\nfunc main() {}\n'
POD = """\
apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1
      resources:
        limits:
          memory: 512Mi
"""
POD_LIMIT_LINE = 11


# --- quantities: k8s.io/apimachinery resource.Quantity and runtime.parseByteCount -----------


@pytest.mark.parametrize("text, size", [
    ("512Mi", 512 * 2**20), ("1Gi", 2**30), ("1.5Gi", 3 * 2**29), ("0.5Gi", 2**29), ("1Ki", 1024),
    ("2Ti", 2 * 2**40), ("1Pi", 2**50), ("1Ei", 2**60),
    ("1G", 10**9), ("500M", 5 * 10**8), ("1k", 1000), ("1T", 10**12), ("1P", 10**15), ("1E", 10**18),
    ("1e9", 10**9), ("1E9", 10**9), ("2.5e3", 2500), ("1e-3", Fraction(1, 1000)), ("128974848", 128974848),
    ("129e6", 129 * 10**6), ("123Mi", 123 * 2**20), ("100m", Fraction(1, 10)), (".5Gi", 2**29), ("1.", 1),
    ("+1Ki", 1024), ("0", 0),
])
def test_kubernetes_quantities(text, size):
    assert kubernetes_bytes(text) == size


@pytest.mark.parametrize("text", ["", "Mi", "512MB", "512 Mi", "1.5.0Gi", "1KiB", "1ki", "0x10", "1e", "--1", "one"])
def test_malformed_kubernetes_quantities(text):
    with pytest.raises(QuantityError, match="is not a Kubernetes quantity"):
        kubernetes_bytes(text)


@pytest.mark.parametrize("text, size", [
    ("0", 0), ("123", 123), ("123B", 123), ("1KiB", 1024), ("512MiB", 512 * 2**20), ("2GiB", 2 * 2**30),
    ("1TiB", 2**40), ("9223372036854775807", 2**63 - 1), ("8388607TiB", 8388607 * 2**40),
    ("off", None), ("", None),
])
def test_go_memory_limits(text, size):
    assert go_memory_limit(text) == size


@pytest.mark.parametrize("text, hint", [
    ("512Mi", "Go wants B, KiB"), ("1G", "Go wants"), ("1.5GiB", ""), ("512MB", ""), ("512mib", ""),
    ("1PiB", ""), ("-1", ""), ("+1", ""), ("1 GiB", ""), ("OFF", ""), ("1e9", "Go wants"),
    ("9223372036854775808", "overflows"), ("8388608TiB", "overflows"), ("KiB", ""), ("iB", ""),
])
def test_malformed_go_memory_limits(text, hint):
    with pytest.raises(QuantityError, match="malformed GOMEMLIMIT") as raised:
        go_memory_limit(text)
    assert hint in str(raised.value)


@pytest.mark.parametrize("text, off", [("off", True), ("-1", True), ("-100", True), ("OFF", False), ("0", False),
                                       ("100", False), ("-0", False), ("-2147483649", False), ("", False)])
def test_gogc_off_as_the_runtime_reads_it(text, off):
    assert go_gc_off(text) is off


@pytest.mark.parametrize("image, name", [
    ("ghcr.io/acme/api:1.4", "api"), ("api", "api"), ("localhost:5000/team/api", "api"),
    ("registry.example.com/tools/worker@sha256:0123", "worker"), ("api:1@sha256:0123", "api"),
])
def test_image_repository(image, name):
    assert image_repository(image) == name


# --- does Go code set a memory limit ----------------------------------------------------


@pytest.mark.parametrize("source, sets", [
    ('import "runtime/debug"\nfunc main() { debug.SetMemoryLimit(1 << 30) }', True),
    ('import d "runtime/debug"\nfunc main() { d.SetMemoryLimit(limit) }', True),
    ('import (\n\t"os"\n\t"runtime/debug"\n)\nfunc main() { debug.SetMemoryLimit(-1) }', False),
    ('import "runtime/debug"\n// debug.SetMemoryLimit(1)\nfunc main() {}', False),
    ('import "example.com/debug"\nfunc main() { debug.SetMemoryLimit(1) }', False),
    ('import _ "github.com/KimMachineGun/automemlimit"', True),
    ('import "github.com/KimMachineGun/automemlimit/memlimit"\nfunc main() { memlimit.SetGoMemLimitWithOpts() }',
     True),
    ('import "github.com/KimMachineGun/automemlimit/memlimit"\nfunc main() { memlimit.FromCgroup() }', False),
])
def test_go_source_sets_memory_limit(source, sets):
    file = gofile.parse("main.go", ("package main\n" + source).encode())
    assert gccontrol.sets_memory_limit(file, DEFAULT_LIMITS, DEFAULT_LIMIT_IMPORTS) is sets


# --- the run ---------------------------------------------------------------------------


def _run(root, *select: str, **overrides):
    settings = build_settings(config_path=None, select=select or ("SL101",), cwd=str(root), **overrides)
    return run(["./..."], settings, cwd=str(root), debug=True)


def test_unparseable_yaml_is_one_notification_and_the_rest_is_checked(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/broken.yaml", "apiVersion: v1\nkind: Pod\nspec: [unclosed\n")
    write(tmp_path, "deploy/pod.yaml", POD)
    result = _run(tmp_path)
    notes = [str(n) for n in result.notifications]
    assert len(notes) == 1 and notes[0].startswith("deploy/broken.yaml:") and "YAML does not parse" in notes[0]
    assert [(f.path, f.location.line) for f in result.findings] == [("deploy/pod.yaml", POD_LIMIT_LINE)]


def test_documents_before_a_parse_error_are_checked(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    # A broken document that cannot hold a workload is not composed, like a file that cannot.
    write(tmp_path, "deploy/pod.yaml", POD + "---\nkind: [\n---\nkind: Deployment\nspec: [\n")
    result = _run(tmp_path)
    assert [f.location.line for f in result.findings] == [POD_LIMIT_LINE]
    assert "the documents before it are checked" in str(result.notifications[0])


def test_helm_templates_are_skipped_with_one_notification_per_chart(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "charts/api/values.yaml", "memory: 512Mi\n")
    for name in ("deployment", "job"):
        write(tmp_path, f"charts/api/templates/{name}.yaml", POD.replace("512Mi", "{{ .Values.memory }}")
              .replace("name: api\n", "name: {{ include \"api.fullname\" . }}\n", 1))
    result = _run(tmp_path)
    assert [str(n) for n in result.notifications] == [
        "charts/api: Helm chart: 2 template files skipped (its values.yaml is read for containers' memory "
        "limits); lint the output of `helm template` for the rest"]
    assert result.findings == []


def test_non_kubernetes_yaml_is_skipped_silently(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, ".github/workflows/ci.yaml", "on: push\njobs: {}\n")
    write(tmp_path, "config/app.yml", "kind: settings\nmemory: 512Mi\n")
    write(tmp_path, "empty.yaml", "")
    write(tmp_path, "comment-only.yaml", "# nothing\n---\n")
    write(tmp_path, "scalar.yaml", "just text\n")
    write(tmp_path, "odd.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers: 3\n")
    write(tmp_path, "odder.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - 3\n"
                                  "    - image: api\n      env: 4\n"
                                  "      resources: {limits: [1]}\n      livenessProbe: 7\n")
    result = _run(tmp_path, "SL101", "SL102", "SL103", "SL104", "SL105")
    assert result.findings == [] and result.notifications == []


def test_no_go_container_is_one_notification_naming_the_option(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/db.yaml", POD.replace("ghcr.io/acme/api:1", "postgres:16"))
    result = _run(tmp_path)
    assert result.findings == []
    assert len(result.notifications) == 1
    assert "none recognized as running Go" in str(result.notifications[0])
    assert "go-images" in str(result.notifications[0])


NEVER_PULLED = POD.replace("ghcr.io/acme/api:1", "ghcr.io/acme/api:1\n      imagePullPolicy: Never")


@pytest.mark.parametrize("database, said", [
    (False, "none checked: each runs an image loaded onto the node by hand (imagePullPolicy: Never)"),
    (True, "none checked: 1 container runs an image loaded onto the node by hand (imagePullPolicy: Never), "
           "for development, 1 container not recognized as running Go; list Go images with go-images"),
])
def test_no_go_container_notification_tells_images_loaded_by_hand_apart(tmp_path, database, said):
    """go-images brings in no container that pulls no image: the run does not offer it for those."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/api.yaml", NEVER_PULLED)
    if database:
        write(tmp_path, "deploy/db.yaml", POD.replace("ghcr.io/acme/api:1", "postgres:16"))
    result = _run(tmp_path)
    assert result.findings == [] and len(result.notifications) == 1
    notice = str(result.notifications[0])
    assert said in notice and ("go-images" in notice) == database


@pytest.mark.parametrize("detector, reported", [
    ('"true"', False), ('"1"', False), ('"false"', True), ("", True),
    ('" true "', True),  # as strconv.ParseBool reads it: not true
])
def test_a_container_checking_cache_mutations_is_a_development_install(tmp_path, detector, reported):
    """kruise's `config/manager` turns on client-go's cache mutation detector, a check for tests,
    beside every feature gate; its users install a chart kept elsewhere: read as not worth a
    change."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    env = f"\n      env:\n        - name: KUBE_CACHE_MUTATION_DETECTOR\n          value: {detector}" if detector else ""
    write(tmp_path, "deploy/api.yaml", POD.replace("ghcr.io/acme/api:1", "ghcr.io/acme/api:1" + env))
    result = _run(tmp_path)
    assert [f.rule_id for f in result.findings] == (["SL101"] if reported else [])
    if not reported:
        assert "none checked: each turns on client-go's cache mutation detector" in str(result.notifications[0])


@pytest.mark.parametrize("image, renamed, reported", [
    ("kind-registry:5000/api:dev", None, False),  # one label and a port: a developer's network
    # a registry on the node: microk8s' (see test_an_image_named_for_tests_or_loaded_by_hand_is_no_service)
    ("localhost:32000/api:1", None, True),
    ("127.0.0.1:5001/acme/api", None, True),
    # mapserver-operator's `config/manager`, left by `make deploy IMG=local-registry:5000/...`
    ("controller:latest", "local-registry:5000/api", False),
    ("registry.acme.io:5000/api:1", None, True),  # a domain's registry: what users pull from
    ("controller:latest", "ghcr.io/acme/api", True),
    ("acme/api:1", None, True),  # Docker Hub's owner, no registry
    # renamed by its whole name, as kustomize matches it, to what users pull
    ("local-registry:5000/api:dev", "ghcr.io/acme/api", True),
])
def test_an_image_from_a_developers_registry_is_a_development_install(tmp_path, image, renamed, reported):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "config/manager/manager.yaml", POD.replace("ghcr.io/acme/api:1", image))
    if renamed:
        named = image.rsplit(":", 1)[0]
        write(tmp_path, "config/manager/kustomization.yaml", "resources:\n- manager.yaml\nimages:\n"
                                                             f"- name: {named}\n  newName: {renamed}\n  newTag: v1\n")
    result = _run(tmp_path)
    assert [f.rule_id for f in result.findings] == (["SL101"] if reported else [])
    if not reported:
        assert "none checked: each runs an image from a registry only a developer's network resolves" in \
            str(result.notifications[0])


def test_go_images_from_the_config(tmp_path):
    write(tmp_path, ".startup-lint.toml", 'go-images = ["docker.io/acme/*"]\n')
    write(tmp_path, "pod.yaml", POD.replace("ghcr.io/acme/api:1", "docker.io/acme/service:2"))
    result = _run(tmp_path)
    assert [f.rule_id for f in result.findings] == ["SL101"]


def test_go_images_must_be_a_list_of_strings(tmp_path):
    write(tmp_path, ".startup-lint.toml", 'go-images = "api"\n')
    with pytest.raises(ConfigError, match="'go-images' must be a list of strings"):
        build_settings(config_path=None, cwd=str(tmp_path))


def test_float_options_accept_integers_and_reject_strings(tmp_path):
    write(tmp_path, ".startup-lint.toml", "[rules.SL104]\nmin-request-ratio = 1\n")
    assert build_settings(config_path=None, cwd=str(tmp_path)).options["SL104"]["min-request-ratio"] == 1
    write(tmp_path, ".startup-lint.toml", '[rules.memory-request-below-limit]\nmin-request-ratio = "0.5"\n')
    with pytest.raises(ConfigError, match="min-request-ratio' must be a number"):
        build_settings(config_path=None, cwd=str(tmp_path))


def test_options_and_levels_from_the_config(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": LEADING_MAIN})
    write(tmp_path, "pod.yaml", POD.replace("      resources:", "      livenessProbe:\n        initialDelaySeconds: 8"
                                                              "\n        tcpSocket: {port: 80}\n      resources:"))
    assert _run(tmp_path, "SL105").findings == []
    write(tmp_path, ".startup-lint.toml", '[rules.liveness-probe-before-startup]\nmin-restart-budget = 40\n'
                                          'level = "warning"\n')
    findings = _run(tmp_path, "SL105").findings
    assert [(f.rule_id, f.level) for f in findings] == [("SL105", "warning")]


@pytest.mark.parametrize("main, replicas, reported", [
    (LEADING_MAIN, "", True),  # one pod: a rollout's new pod waits for the old one's lease
    (LEADING_MAIN, "  replicas: 1\n", True),
    # agones' controller: its standbys wait for the lease as long as the leader lives, so a
    # Deployment shipped with several answers the probe while it waits
    (LEADING_MAIN, "  replicas: 2\n", False),
    # operator-sdk's leader.Become holds everything back, standbys included
    (LEADING_MAIN.replace("k8s.io/client-go/tools/leaderelection", "github.com/operator-framework/operator-lib/leader"),
     "  replicas: 2\n", True),
])
def test_replicas_waiting_for_client_gos_leader_election_answer_their_probes(tmp_path, main, replicas, reported):
    go_module(tmp_path, {"cmd/api/main.go": main})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi").replace("spec:\n  template:", f"spec:\n{replicas}  template:")
          .replace("          resources:", "          livenessProbe:\n            periodSeconds: 2\n"
                                           "            tcpSocket: {port: 80}\n          resources:"))
    assert [f.rule_id for f in _run(tmp_path, "SL105").findings] == (["SL105"] if reported else [])


_BECOMING = """package main

import (
	"context"

	"github.com/operator-framework/operator-lib/leader"
)

func main() {
	%s
	serve()
}

func serve() {}
"""


@pytest.mark.parametrize("call, reported", [
    ('_ = leader.Become(context.Background(), "lock")', True),
    # vault-k8s becomes the leader in a goroutine, and serves meanwhile
    ('go func() {\n\t\t_ = leader.Become(context.Background(), "lock")\n\t}()', False),
    ('go leader.Become(context.Background(), "lock")', False),
    # a goroutine's literal before the call: the call still holds main back, whatever braces
    # its strings and parameters hold
    ('go func() { serve() }()\n\t_ = leader.Become(context.Background(), "lock")', True),
    ('go func() { _ = "{" }()\n\t_ = leader.Become(context.Background(), "lock")', True),
    ('go func(done chan struct{}) { <-done }(nil)\n\t_ = leader.Become(context.Background(), "lock")', True),
])
def test_operator_sdks_leader_election_in_a_goroutine_holds_nothing_back(tmp_path, call, reported):
    go_module(tmp_path, {"cmd/api/main.go": _BECOMING % call})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi").replace(
        "          resources:", "          livenessProbe:\n            periodSeconds: 2\n"
                                "            tcpSocket: {port: 80}\n          resources:"))
    assert [f.rule_id for f in _run(tmp_path, "SL105").findings] == (["SL105"] if reported else [])


def test_a_yaml_file_named_on_the_command_line(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yml", POD)
    done = cli("--no-cache", "--select", "SL101", "deploy/pod.yml", cwd=str(tmp_path))
    # Named alone, the file has no tree to map its image to, so the container is not known as Go.
    assert done.code == 0 and "none recognized as running Go" in done.err
    assert "skipped" not in done.err  # named, it is linted: no word of a file left out
    done = cli("--no-cache", "--select", "go-memory-limit-unset", "./...", cwd=str(tmp_path))
    assert done.code == 1 and done.out.startswith(f"deploy/pod.yml:{POD_LIMIT_LINE}:11: warning: SL101 ")


def test_exclude_applies_to_manifests(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    write(tmp_path, ".startup-lint.toml", 'exclude = ["deploy/*"]\n')
    assert _run(tmp_path).findings == []


def test_manifest_columns_count_bytes_on_lines_with_wide_characters(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    flow = "    - {name: api, env: [{name: GREETING, value: grüße}], image: api, resources: {limits: {memory: 512Mi}}}"
    write(tmp_path, "deploy/pod.yaml", POD.replace("  name: api", "  name: api # café").split("  containers:")[0]
          + "  containers:\n" + flow + "\n")
    (finding,) = _run(tmp_path).findings
    # From the `memory` key to the end of its value, in bytes: grüße adds two.
    assert (finding.location.line, finding.location.col) == (7, len(flow[: flow.index("memory")].encode()) + 1)
    assert finding.location.end_col == len(flow[: flow.index("512Mi") + 5].encode()) + 1


def test_json_sarif_and_baseline_carry_manifest_findings(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    report = cli("--no-cache", "--select", "SL101", "--format", "json", cwd=str(tmp_path))
    [finding] = json.loads(report.out)
    assert (finding["path"], finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == \
        ("deploy/pod.yaml", POD_LIMIT_LINE, 11, POD_LIMIT_LINE, 24)
    assert finding["fingerprint"]
    sarif = cli("--no-cache", "--select", "SL101", "--format", "sarif", "--output", "base.sarif", cwd=str(tmp_path))
    assert sarif.code == 1
    with open(tmp_path / "base.sarif", encoding="utf-8") as handle:
        [result] = json.load(handle)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "deploy/pod.yaml"
    assert location["region"]["startLine"] == POD_LIMIT_LINE
    again = cli("--no-cache", "--select", "SL101", "--baseline", "base.sarif", cwd=str(tmp_path))
    assert again.code == 0 and again.out == ""


def test_explain_states_the_recognition_rules_and_defaults():
    for rule_id in ("SL101", "SL102", "SL103", "SL104", "SL105"):
        done = cli("--explain", rule_id, cwd=".")
        assert done.code == 0
        assert "ko://" in done.out and "go-images" in done.out and "main` package" in done.out
    assert "min-headroom` (default `5`)" in cli("--explain", "SL102", cwd=".").out
    assert "min-request-ratio` (default `1.0`)" in cli("--explain", "SL104", cwd=".").out
    assert "min-restart-budget` (default `30`)" in cli("--explain", "SL105", cwd=".").out


def test_hostile_yaml_alias_bombs_and_deep_nesting(tmp_path):
    # Each level repeats the one before nine times: walked node by node, 9**30 nodes.
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 30)]
    write(tmp_path, "skaffold.yaml", "apiVersion: skaffold/v4beta11\nkind: Config\n" + "\n".join(levels) + "\n")
    write(tmp_path, "deep.yaml", "apiVersion: v1\nkind: Pod\nspec: " + "[" * 100000 + "\n")
    write(tmp_path, "binary.yaml", b"\x00\x01kind: Pod\n")
    write(tmp_path, "latin1.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: {a: caf\xe9}\n".encode("latin-1"))
    result = _run(tmp_path)
    assert result.findings == []
    assert [n.path for n in result.notifications] == ["deep.yaml"]


def test_yaml_nested_deeper_than_any_manifest_is_skipped_before_composing(tmp_path):
    # Well-formed and within what libyaml parses; composing it would recurse 300 levels (in C
    # with some libyaml builds, where that crashes the process).
    write(tmp_path, "deep.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  - " + "[" * 300 + "]" * 300 + "\n")
    write(tmp_path, "pod.yaml", POD)
    result = _run(tmp_path)
    deep, rest = [n for n in result.notifications if n.path], [n for n in result.notifications if not n.path]
    assert [(n.path, n.message) for n in deep] == [("deep.yaml", "YAML nested more than 256 levels deep; skipped")]
    assert [n.message.split(" in ")[0] for n in rest] == ["1 container"]  # pod.yaml was still read


def test_an_internal_error_in_the_manifest_engine_keeps_the_go_findings(tmp_path, monkeypatch):
    from golint_startup.kube import manifests
    from lintrun import GC_OFF

    go_module(tmp_path, {"main.go": GC_OFF})
    write(tmp_path, "pod.yaml", POD)

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(manifests, "load", broken)
    settings = build_settings(config_path=None, select=("SL007", "SL101"), cwd=str(tmp_path))
    result = run(["./..."], settings, cwd=str(tmp_path))
    assert [f.rule_id for f in result.findings] == ["SL007"]
    assert [str(n) for n in result.notifications] == [
        "internal error reading Kubernetes manifests: ValueError('boom'); please report it"]


def test_only_yaml_naming_a_workload_or_its_sources_is_composed(tmp_path, monkeypatch):
    from golint_startup.kube import yaml_nodes

    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    write(tmp_path, "deploy/env.yaml", "apiVersion: v1\nkind: 'ConfigMap'\nmetadata: {name: env}\n")
    write(tmp_path, "deploy/list.yaml", "apiVersion: v1\nkind: List  # of pods\nitems: []\n")
    # A policy that mentions containers and pods without being a workload, a CI file, and
    # a broken template: not composed, so no parse error is reported for the template.
    write(tmp_path, "policies/require.yaml", "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nspec:\n"
                                             "  rules:\n  - match: {kinds: [Pod]}\n    pattern:\n"
                                             "      spec:\n        containers: [{image: '*:*'}]\n")
    write(tmp_path, ".github/workflows/ci.yaml", "on: push\njobs: {}\n")
    write(tmp_path, "templates/role.yaml", "kind: Role\nrules: {{ .Rules }\n")
    composed = []
    compose = yaml_nodes.compose
    monkeypatch.setattr(yaml_nodes, "compose", lambda text, source, notify: (
        composed.append(source.display), compose(text, source, notify))[1])
    result = _run(tmp_path)
    assert sorted(composed) == ["deploy/env.yaml", "deploy/list.yaml", "deploy/pod.yaml"]
    assert [(f.path, f.location.line) for f in result.findings] == [("deploy/pod.yaml", POD_LIMIT_LINE)]
    assert result.notifications == []


@pytest.mark.parametrize("text, deep", [
    ("kind: Pod\n" + "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "v\n", True),
    ("kind: Pod\nspec:\n" + "- " * 300 + "x\n", True),
    ("kind: Pod\nspec: " + "[" * 300 + "]" * 300 + "\n", True),
    ("kind: Pod\n" + "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "v\n", False),
    ("kind: Pod\nspec:\n  containers:\n  - name: a\n    args: [--x, {y: 1}]\n", False),
])
def test_nesting_is_bounded_by_text_or_measured_by_parsing(text, deep):
    from golint_startup.kube import yaml_nodes

    assert yaml_nodes._nesting_exceeds(text, 256) is deep


def test_a_container_copied_into_several_manifests_is_one_finding_with_the_copies_related():
    fixture = os.path.join(os.path.dirname(__file__), "..", "testdata", "sl101")
    findings = [f for f in _run(fixture, "SL101").findings if f.path.startswith("copies/")]
    assert [(f.path, [r.path for r in f.related]) for f in findings] == \
        [("copies/base/deployment.yaml", ["copies/artifacts/daemonset.yaml", "copies/artifacts/deployment.yaml",
                                          "copies/artifacts/deployment.yaml", "copies/artifacts/install.yaml"])]
    assert "512Mi" in findings[0].message
    assert [r.message for r in findings[0].related if "limit" in r.message] == ["the same container (limit 2Gi)"]


@pytest.mark.parametrize("operator_image, command, reported", [
    # avapigw: the chart runs the image named for the project, config/manager the operator's
    ("ghcr.io/acme/suite-operator:1", "[/operator]", ["deploy/operator.yaml"]),
    # the same image runs the operator by its command: the project's image may run it too
    ("ghcr.io/acme/suite:1", "[/operator]", ["deploy/gateway.yaml", "deploy/operator.yaml"]),
    (None, None, ["deploy/gateway.yaml"]),  # which program it runs is not known
])
def test_an_image_named_for_a_project_of_several_programs_runs_the_one_no_other_image_runs(
        tmp_path, operator_image, command, reported):
    root = tmp_path / "suite"
    go_module(root, {"cmd/gateway/main.go": SMALL_MAIN, "cmd/operator/main.go": MAIN}, module="example.com/suite")
    # As avapigw's root does, it builds the project's images: `suite` is one of its programs.
    write(root, "Dockerfile.gateway", "FROM golang:1.23\nRUN go build -o /gateway ./cmd/gateway\n")
    write(root, "deploy/gateway.yaml", _SIZED.replace("ghcr.io/acme/api:1", "ghcr.io/acme/suite:1")
          .format(request="128Mi"))
    if operator_image is not None:
        write(root, "deploy/operator.yaml", _SIZED.replace("name: api\n", "name: operator\n")
              .replace("ghcr.io/acme/api:1", f"{operator_image}\n          command: {command}")
              .format(request="128Mi"))
    assert sorted(f.path for f in _run(root).findings) == reported


_RELEASED_PROGRAMS = """\
builds:
  - {id: pvr, main: ./cmd/pvr, binary: suite-pvr}
  - {id: indexers, main: ./cmd/indexers, binary: suite-indexers}
dockers:
  - {ids: [pvr], image_templates: ["ghcr.io/acme/suite-pvr:{{ .Version }}"]}
  - {ids: [indexers], image_templates: ["ghcr.io/acme/suite-indexers:{{ .Version }}"]}
"""


@pytest.mark.parametrize("charted, reported", [
    (["pvr", "indexers"], False),  # media-operator: a chart runs each program, the scaffold none of its own
    (["pvr"], True),  # the scaffold is the one install of cmd/indexers (a copy of the module's one chart)
])
def test_a_scaffold_of_a_module_whose_every_program_a_chart_runs_is_not_what_users_install(
        tmp_path, charted, reported):
    go_module(tmp_path, {"cmd/pvr/main.go": MAIN, "cmd/indexers/main.go": MAIN}, module="example.com/suite")
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\n")
    # GoReleaser builds the binaries the root Dockerfile copies: the placeholder image names the module.
    write(tmp_path, "Dockerfile", "FROM gcr.io/distroless/static\nARG BINARY=suite\nCOPY ${BINARY} /manager\n")
    write(tmp_path, ".goreleaser.yml", _RELEASED_PROGRAMS)
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    for program in charted:
        _write_chart(tmp_path, f"chart/suite-{program}", f"suite-{program}", image=f"ghcr.io/acme/suite-{program}",
                     template_more="spec:\n  template:\n    spec:\n      containers:\n        - name: manager\n"
                                   "          image: {{ .Values.image.repository }}\n"
                                   "          resources: {{ toYaml .Values.resources }}\n")
    findings = _run(tmp_path, "SL101").findings
    assert sorted(f.location.path for f in findings) == [f"chart/suite-{program}/values.yaml" for program in sorted(charted)]
    assert any(r.path == "config/manager/manager.yaml" for f in findings for r in f.related) is reported


def test_a_variant_renamed_by_a_suffix_is_a_copy_named_as_such():
    """kube-loxilb's zones: `edge-lb-north` runs edge-lb's image and command under its limit."""
    fixture = os.path.join(os.path.dirname(__file__), "..", "testdata", "sl101")
    (finding,) = [f for f in _run(fixture, "SL101").findings if f.path == "named-variants/edge-lb.yaml"]
    assert [(r.path, r.message) for r in finding.related] == [
        ("named-variants/edge-lb-dualstack.yaml", "the same container"),
        ("zones/edge-north.yaml", 'the same program, as container "edge-lb-north" of Deployment/edge-lb-north')]


_CHART_VALUES = """\
image:
  repository: ghcr.io/acme/api
  tag: v1
resources:
  requests:
    memory: 96Mi
  limits:
    memory: 128Mi
"""
_CHART_TEMPLATE = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n"


def _write_chart(root, directory: str, name: str, image: str = "ghcr.io/acme/api", template_more: str = "") -> None:
    """A chart named `name` in `directory` whose values run `image` under _CHART_VALUES' limits."""
    write(root, f"{directory}/Chart.yaml", f"apiVersion: v2\nname: {name}\nversion: 0.1.0\n")
    write(root, f"{directory}/values.yaml", _CHART_VALUES.replace("ghcr.io/acme/api", image))
    write(root, f"{directory}/templates/deployment.yaml", _CHART_TEMPLATE + template_more)


@pytest.mark.parametrize("included, held, reported, before, after", [
    ("/config.yaml", False, False, "", ""),  # provider-gitea's second chart: `helm template` fails
    ("/config.yaml", True, True, "", ""),
    ("/sub/config.yaml", True, True, "", ""),
    (None, False, True, "", ""),
    # where it may not render: under a condition, in a named template
    ("/config.yaml", False, True, "{{- if .Release.IsUpgrade }}\n", "{{- end }}\n"),
    ("/config.yaml", False, True, '{{- define "api.checksum" }}\n', "{{- end }}\n"),
])
def test_a_chart_including_a_template_file_it_lacks_installs_nothing(tmp_path, included, held, reported, before,
                                                                     after):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    more = f'\n  annotations:\n{before}    checksum: {{{{ include (print $.Template.BasePath "{included}") . | ' \
        f"sha256sum }}}}\n{after}" if included else ""
    _write_chart(tmp_path, "charts/api", "api", template_more=more)
    if held:
        write(tmp_path, f"charts/api/templates{included}", "apiVersion: v1\nkind: ConfigMap\n")
    result = _run(tmp_path, "SL101")
    assert [f.path for f in result.findings] == (["charts/api/values.yaml"] if reported else [])
    assert any("does not render: templates/deployment.yaml includes templates/config.yaml" in str(n)
               for n in result.notifications) != reported


_DEEP_VALUES = """\
operator:
  deployment:
    container:
      manager:
        image:
          name: ghcr.io/acme/api
          tag: 0.1.0
        resources:
          limits:
            memory: 512Mi
          requests:
            memory: 128Mi
"""


@pytest.mark.parametrize("read, reported", [(True, True), (False, False)])
def test_a_component_four_levels_down_counts_where_a_workload_template_reads_it(tmp_path, read, reported):
    """livekit-operator's chart keeps its manager under `livekitOperator.deployment.container.manager`:
    unread, its scaffold's 128Mi was reported instead of the 512Mi the chart installs."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "charts/api/values.yaml", _DEEP_VALUES)
    values = ".Values.operator.deployment.container.manager" if read else ".Values.other"
    write(tmp_path, "charts/api/templates/deployment.yaml", _DEPLOYMENT_API_HEAD +
          f'        - name: manager\n          image: "{{{{ {values}.image.name }}}}"\n'
          f"          resources: {{{{- toYaml {values}.resources | nindent 12 }}}}\n")
    assert [f.path for f in _run(tmp_path, "SL101").findings] == (["charts/api/values.yaml"] if reported else [])


@pytest.mark.parametrize("image, reported", [
    ("ghcr.io/acme/kubernetes-operator", True),  # the directory, named with an underscore
    ("ghcr.io/acme/kubernetes-gateway", False),  # no directory of that name
])
def test_an_image_named_with_hyphens_runs_the_directory_named_with_underscores(tmp_path, image, reported):
    """gaudi-reference-cloud's chart runs `kubernetes-operator`, which its Bazel build makes from
    go/pkg/kubernetes_operator; read as the install to fix, beside its scaffold."""
    go_module(tmp_path, {"pkg/kubernetes_operator/cmd/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _WATCHES,
                         "pkg/kubernetes_operator/Dockerfile": "FROM golang:1.22\nRUN go build -o manager ./cmd\n"})
    _write_chart(tmp_path, "deployment/charts/operator", "operator", image=image)
    assert [f.path for f in _run(tmp_path, "SL101").findings] == (["deployment/charts/operator/values.yaml"]
                                                                   if reported else [])


@pytest.mark.parametrize("where", ["pkg/collectors/node_exporter", "test/e2e/node_exporter", "hack/node_exporter",
                                   "examples/node_exporter"])
def test_another_projects_image_named_with_hyphens_runs_no_directory_named_with_underscores(tmp_path, where):
    """The chart runs Prometheus' node-exporter; the tree's `node_exporter` is a collector
    package, a test's or an example's program, building no image of its own."""
    go_module(tmp_path, {"cmd/api/main.go": SMALL_MAIN, f"{where}/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _WATCHES})
    _write_chart(tmp_path, "charts/monitoring", "monitoring", image="quay.io/prometheus/node-exporter")
    assert _run(tmp_path, "SL101").findings == []


def test_an_example_named_with_underscores_is_not_the_module_the_image_is_named_for(tmp_path):
    go_module(tmp_path, {"main.go": _MAIN_IMPORTING_WATCH.replace("example.com/app", "github.com/acme/kubernetes-operator"),
                         "internal/watch/watch.go": _WATCHES, "examples/kubernetes_operator/main.go": SMALL_MAIN},
              module="github.com/acme/kubernetes-operator")
    _write_chart(tmp_path, "charts/operator", "operator", image="ghcr.io/acme/kubernetes-operator")
    assert [f.path for f in _run(tmp_path, "SL101").findings] == ["charts/operator/values.yaml"]


@pytest.mark.parametrize("directory", ["kubernetes-operator", "kubernetes_operator"])
def test_a_scaffold_renamed_to_an_image_runs_its_directory_however_spelled(tmp_path, directory):
    go_module(tmp_path, {f"pkg/{directory}/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES,
                         f"pkg/{directory}/Dockerfile": "FROM golang:1.22\nRUN go build -o /manager .\n",
                         "cmd/main.go": SMALL_MAIN})
    write(tmp_path, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n- manager.yaml\nimages:\n- name: controller\n"
                                                         "  newName: ghcr.io/acme/kubernetes-operator\n  newTag: latest\n")
    assert [f.path for f in _run(tmp_path, "SL101").findings] == ["config/manager/manager.yaml"]


# A Deployment `api` (a chart template's, or a manifest's), up to its containers.
_DEPLOYMENT_API_HEAD = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
"""
_COMPONENTS_UNDER_ONE_REGISTRY = _DEPLOYMENT_API_HEAD + """\
        - name: manager
          image: {{ include "app.apiImage" . }}
          resources: {{ toYaml .Values.api.resources | nindent 12 }}
"""


@pytest.mark.parametrize("define, shown", [
    # Gameplane: each component's image printed after the one registry of the values
    ('printf "%s/api:%s" .Values.image.registry (include "app.tag" .)', 'container "manager" of Helm chart app'),
    ('printf "%s/api" .Values.image.registry', 'container "manager" of Helm chart app'),
    ('printf "%s/api:%s" .Values.image.mirror .Chart.AppVersion', None),  # a value the defaults leave out
    ('printf "%s:%s" .Values.image.registry .Chart.AppVersion', None),  # no repository printed
])
def test_a_components_image_printed_by_a_named_template_after_the_values_registry(tmp_path, define, shown):
    """Gameplane's chart gives one `image.registry` for all its components and each its own
    `resources`; its operator's template includes `gameplane.operatorImage`, which prints
    `<registry>/operator:<tag>`. The chart, what the README installs, went unread."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\nappVersion: 1.0.0\n")
    write(tmp_path, "charts/app/values.yaml", "image:\n  registry: ghcr.io/acme\n  tag: \"\"\n"
                                              "api:\n  resources:\n    limits:\n      memory: 256Mi\n")
    write(tmp_path, "charts/app/templates/_helpers.tpl",
          '{{- define "app.tag" -}}\n{{- .Values.image.tag | default .Chart.AppVersion -}}\n{{- end -}}\n\n'
          '{{- define "app.apiImage" -}}\n{{- ' + define + ' -}}\n{{- end -}}\n')
    write(tmp_path, "charts/app/templates/api.yaml", _COMPONENTS_UNDER_ONE_REGISTRY)
    findings = _run(tmp_path, "SL101").findings
    assert [(f.path, f.message.split(" has ")[0].split("SL101 ")[-1]) for f in findings] == \
        ([("charts/app/values.yaml", shown)] if shown else [])


@pytest.mark.parametrize("chart_mark, umbrella_mark, reported", [
    ("", None, True),
    ("deprecated: true\n", None, False),  # gardener's terminal-controller-manager charts
    ("deprecated: false\n", None, True),
    ("", "deprecated: true\n", False),  # the subchart of a deprecated umbrella
    ("", "", True),
])
def test_a_chart_marked_deprecated_is_not_reported(tmp_path, chart_mark, umbrella_mark, reported):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    directory = "charts/api" if umbrella_mark is None else "charts/suite/charts/api"
    _write_chart(tmp_path, directory, "api")
    write(tmp_path, f"{directory}/Chart.yaml", f"apiVersion: v2\nname: api\nversion: 0.1.0\n{chart_mark}")
    if umbrella_mark is not None:
        write(tmp_path, "charts/suite/Chart.yaml", f"apiVersion: v2\nname: suite\nversion: 0.1.0\n{umbrella_mark}")
        write(tmp_path, "charts/suite/values.yaml", "api: {}\n")
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("policies, reported", [
    (["Never"], False),  # Inplaceu: a development chart, its image loaded into kind by hand
    (['"Never"'], False),
    (["IfNotPresent"], True),
    (["{{ .Values.image.pullPolicy }}"], True),
    (["Never", "IfNotPresent"], True),  # a sidecar's policy beside: which is whose is not read
    ([], True),
])
def test_a_chart_whose_templates_never_pull_its_image_is_not_reported(tmp_path, policies, reported):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    written = "          image: {{ .Values.image.repository }}\n          resources: {{ toYaml .Values.resources }}\n"
    containers = "".join(f"        - name: c{i}\n{written}          imagePullPolicy: {policy}\n"
                         for i, policy in enumerate(policies))
    _write_chart(tmp_path, "charts/api", "api", template_more="spec:\n  template:\n    spec:\n      containers:\n" + (
        containers or f"        - name: api\n{written}"))
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


def test_a_development_charts_placeholder_image_leaves_the_scaffold_reported(tmp_path):
    """kubebuilder's placeholder `controller`, pulled Never by a development chart, is renamed by
    kustomize for `make deploy`: the scaffold's container is not loaded by hand."""
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    _write_chart(tmp_path, "dist/chart", "api", image="controller", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: manager\n"
        "          image: {{ .Values.image.repository }}\n          resources: {{ toYaml .Values.resources }}\n"
        "          imagePullPolicy: Never\n"))
    write(tmp_path, "dist/chart/values.yaml", _CHART_VALUES.replace("ghcr.io/acme/api", "controller").replace(
        "tag: v1", "tag: latest"))
    assert [f.location.path for f in _run(tmp_path, "SL101").findings] == ["config/manager/manager.yaml"]


@pytest.mark.parametrize("values_resources, reported", [
    ("  resources:\n    limits:\n      memory: 256Mi\n", ["charts/api/values.yaml"]),
    ("  resources: {}\n", []),
    # benthos-captain: the chart's resources commented out, so its template writes none: the
    # chart users install sets no limit, and its scaffold copy was read as not worth a change
    ("  # resources:\n  #   limits:\n  #     memory: 256Mi\n", []),
])
def test_a_chart_whose_values_leave_out_the_resources_its_template_writes_installs_no_limit(
        tmp_path, values_resources, reported):
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\nprojectName: api\n")
    write(tmp_path, "Dockerfile", "FROM golang:1.22\nRUN go build -o /manager ./cmd\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("64Mi"))
    _write_chart(tmp_path, "charts/api", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: manager\n"
        "          image: {{ .Values.manager.image.repository }}\n"
        "          resources: {{ toYaml .Values.manager.resources | nindent 12 }}\n"))
    write(tmp_path, "charts/api/values.yaml", "manager:\n  image:\n    repository: ghcr.io/acme/api\n"
          + values_resources)
    assert [f.location.path for f in _run(tmp_path, "SL101").findings] == reported


_HELM_PLUGIN_VALUES = """\
controllerManager:
  container:
    image:
      repository: acme/autoscaler
      tag: 0.1.0
    resources:
      limits:
        memory: 128Mi
      requests:
        memory: 96Mi
"""


# The layout of the helm plugin's v2-alpha: the manager's settings under `manager` (KubePress).
_HELM_PLUGIN_V2_VALUES = """\
manager:
  replicas: 1
  image:
    repository: ghcr.io/acme/autoscaler/controller
  resources:
    limits:
      memory: 128Mi
    requests:
      memory: 96Mi
"""


@pytest.mark.parametrize("project, directory, key, values, reported", [
    (True, "dist/chart", "controllerManager", _HELM_PLUGIN_VALUES, True),  # homelab-autoscaler
    (False, "dist/chart", "controllerManager", _HELM_PLUGIN_VALUES, False),  # not a kubebuilder project
    (True, "charts/api", "controllerManager", _HELM_PLUGIN_VALUES, False),  # not the plugin's chart
    (True, "dist/chart", "worker", _HELM_PLUGIN_VALUES, False),  # another component
    (True, "dist/chart", "manager", _HELM_PLUGIN_V2_VALUES, True),  # KubePress, pulse
    (True, "charts/api", "manager", _HELM_PLUGIN_V2_VALUES, False),
    (True, "dist/chart", "worker", _HELM_PLUGIN_V2_VALUES, False),
    # moved or generated elsewhere, still naming the placeholder image: forge-operator's, helmify's
    (True, "charts/chart", "manager", _HELM_PLUGIN_V2_VALUES.replace("ghcr.io/acme/autoscaler/controller", "controller"),
     True),
    (True, "deploy/charts/api", "controllerManager", _HELM_PLUGIN_VALUES.replace("acme/autoscaler", "controller"),
     True),
    (False, "charts/chart", "manager", _HELM_PLUGIN_V2_VALUES.replace("ghcr.io/acme/autoscaler/controller", "controller"),
     False),
    (True, "charts/chart", "worker", _HELM_PLUGIN_V2_VALUES.replace("ghcr.io/acme/autoscaler/controller", "controller"),
     False),
])
def test_the_kubebuilder_helm_plugins_chart_runs_the_manager(tmp_path, project, directory, key, values, reported):
    """kubebuilder's helm plugin writes the manager's chart to `dist/chart`, under its values'
    `controllerManager` (`manager` in its v2-alpha layout), whatever the image is renamed to."""
    go_module(tmp_path, {"cmd/main.go": MAIN})
    if project:
        write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\nplugins:\n  helm.kubebuilder.io/v1-alpha: {}\n")
    write(tmp_path, f"{directory}/Chart.yaml", "apiVersion: v2\nname: autoscaler\nversion: 0.1.0\n")
    write(tmp_path, f"{directory}/values.yaml", values.replace(values.split(":")[0], key, 1))
    write(tmp_path, f"{directory}/templates/manager.yaml", _CHART_TEMPLATE)
    assert [f.path for f in _run(tmp_path, "SL101").findings] == ([f"{directory}/values.yaml"] if reported else [])


@pytest.mark.parametrize("doc, text, chart, reported", [
    # tarantool-operator: its docs install its chart from its own Helm repository
    ("docs/installation.md", "helm repo add tarantool https://tarantool.github.io/helm-charts/\n", False, False),
    ("README.md", "```\nhelm repo add avesha https://tarantool.example/charts/\n```\n", False, False),
    # cf-service-operator: its chart from an OCI registry
    ("README.md", "helm upgrade -i op oci://ghcr.io/acme/tarantool-operator-helm/operator\n", False, False),
    ("README.md", "helm install cm oci://quay.io/jetstack/charts/cert-manager --version v1.19.1\n", False, True),
    # a prerequisite's repository says nothing of how the operator is installed
    ("README.md", "helm repo add jetstack https://charts.jetstack.io\n", False, True),
    ("README.md", "make deploy IMG=example.com/tarantool-operator:v1\n", False, True),
    # a chart in the tree is what users install: its copy is reported there
    ("README.md", "helm repo add tarantool https://tarantool.github.io/helm-charts/\n", True, True),
    # memgraph-operator: its README links the Git repository of its chart
    ("README.md", "See the [Helm chart repository](https://github.com/acme/tarantool-operator-helm).\n", False, False),
    ("README.md", "Install https://github.com/prometheus-community/helm-charts first.\n", False, True),
    # immich-operator: the charts of what the operator runs, another owner's, not the operator's
    ("README.md", "An alternative to the [chart](https://github.com/tarantool-app/tarantool-charts).\n", False, True),
    # aergia-controller: a link to its chart's directory in another owner's charts, to install it
    ("README.md", "Install via helm (https://github.com/acme/charts/tree/main/charts/tarantool)\n", False, False),
    ("README.md", "Install it: https://gitlab.com/acme/infra/-/tree/v2/deploy/charts/tarantool-operator\n", False, False),
    ("README.md", "The [chart](https://github.com/acme/charts/tree/main/charts/tarantool) it replaces.\n", False, True),
    ("README.md", "Install https://github.com/acme/charts/tree/main/charts/tarantool-dashboards\n", False, True),
    # cnmsql: a documentation site's page below docs/
    ("docs/src/guide/quickstart.md", "helm install op oci://ghcr.io/tarantool/charts/tarantool\n", False, False),
    # rollouts: its owner's repository, added under an alias, then its chart installed by name
    ("docs/getting_started/installation.md", "$ helm repo add acme https://acme.github.io/charts/\n"
     "$ helm install acme-tarantools acme/acme-tarantools --version 0.1.0\n", False, False),
    ("docs/contributing/debug.md", "$ helm repo add acme https://acme.github.io/charts/\n"
     "$ helm install kruise acme/kruise --version 1.3.0\n", False, True),  # a prerequisite's chart
    ("README.md", "helm install tarantool other/tarantool\n", False, True),  # a repository never added
])
def test_a_scaffold_of_a_project_installed_from_a_helm_repository_is_not_reported(tmp_path, doc, text, chart, reported):
    """Its `config/manager` is what `make deploy` uses, and its `dist/install.yaml` what
    `make build-installer` writes of it; users run the chart of the repository the docs add,
    which is not in the tree."""
    root = tmp_path / "tarantool-operator"
    go_module(root, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(root, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(root, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(root, "Dockerfile", "FROM golang:1.22\nRUN go build -o manager cmd/main.go\n")
    write(root, "dist/install.yaml", _SIZED.format(request="256Mi").replace(
        "ghcr.io/acme/api:1", 'ghcr.io/example/tarantool-operator:1\n          command: ["/manager"]')
        .replace("- name: api", "- name: manager"))
    write(root, doc, text)
    if chart:
        _write_chart(root, "charts/operator", "operator", image="ghcr.io/acme/tarantool-operator")
    assert bool(_run(root, "SL101").findings) == reported


@pytest.mark.parametrize("built, constraint, reported", [
    ("cmd/webhook.go", "", False),
    ("cmd/main.go", "", True),
    ("./cmd", "", True),  # the package, both files (which Go would refuse: two mains)
    ("cmd/webhook.go cmd/main.go", "", True),
    # Each main under a build tag: the package builds whole, so something the tree does not
    # show (ko, a Makefile's binary) may build the manager from it.
    ("cmd/webhook.go", "//go:build webhook\n\n", True),
])
def test_a_dockerfile_building_one_file_of_the_main_package_builds_only_that_file(tmp_path, built, constraint,
                                                                                   reported):
    """n8n-eks-operator's Dockerfile builds `cmd/main_simple.go`, a webhook; the `cmd/main.go`
    beside it runs the reconcilers, whose cache its finding named (read as wrong)."""
    root = tmp_path / "webhook-operator"
    manager = _MAIN_IMPORTING_WATCH if not constraint else "//go:build !webhook\n\n" + _MAIN_IMPORTING_WATCH
    go_module(root, {"cmd/main.go": manager, "cmd/webhook.go": constraint + "package main\n\nfunc main() {}\n",
                     "internal/watch/watch.go": _WATCHES})
    write(root, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(root, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(root, "Dockerfile", f"FROM golang:1.22\nRUN go build -o manager {built}\n")
    assert bool(_run(root, "SL101").findings) == reported


@pytest.mark.parametrize("readme, limit, found", [
    # kaalm: the chart its README installs from a registry gives the manager no limit
    ("helm install tarantool oci://ghcr.io/acme/charts/tarantool\n", False, []),
    ("", False, ["config/manager/manager.yaml"]),
    ("helm install cm oci://quay.io/jetstack/charts/cert-manager\n", False, ["config/manager/manager.yaml"]),
    # one that gives it a limit is reported, at the chart
    ("helm install tarantool oci://ghcr.io/acme/charts/tarantool\n", True, ["charts/tarantool/values.yaml"]),
])
def test_a_scaffold_beside_the_chart_its_docs_install_is_not_reported(tmp_path, readme, limit, found):
    root = tmp_path / "tarantool-operator"
    go_module(root, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(root, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(root, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(root, "Dockerfile", "FROM golang:1.22\nRUN go build -o manager cmd/main.go\n")
    if readme:
        write(root, "README.md", "# tarantool-operator\n\n" + readme)
    _write_chart(root, "charts/tarantool", "tarantool", image="ghcr.io/acme/tarantool-operator")
    if not limit:
        write(root, "charts/tarantool/values.yaml", "image:\n  repository: ghcr.io/acme/tarantool-operator\n")
        write(root, "charts/tarantool/templates/deployment.yaml", _CHART_TEMPLATE.split("          resources:")[0])
    findings = _run(root, "SL101").findings
    assert [f.path for f in findings] == found
    if limit:  # the scaffold its copy, where helmify or a reader looks for the manager
        assert [r.path for r in findings[0].related] == ["config/manager/manager.yaml"]


@pytest.mark.parametrize("module, reported", [
    ("github.com/acme/eidolon/k8s-operator", False),
    # the element above is the owner's: its charts may be of anything of acme's
    ("github.com/eidolon/k8s-operator", True),
])
def test_a_scaffold_in_a_generically_named_module_is_named_by_the_element_above(tmp_path, module, reported):
    """eidolon's operator is the module `github.com/eidolon-ai/eidolon/k8s-operator`, and its README
    installs `eidolon-operator/eidolon-operator-chart` from its Helm repository."""
    root = tmp_path / "k8s-operator"
    go_module(root, {"cmd/main.go": _MAIN_IMPORTING_WATCH.replace("example.com/app", module),
                     "internal/watch/watch.go": _WATCHES}, module=module)
    write(root, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(root, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(root, "Dockerfile", "FROM golang:1.22\nRUN go build -o manager cmd/main.go\n")
    write(root, "README.md", "helm repo add eidolon-operator https://charts.example.org\n"
                             "helm install eidolon-operator eidolon-operator/eidolon-operator-chart\n")
    assert bool(_run(root, "SL101").findings) == reported


@pytest.mark.parametrize("text, reported", [
    ("helm repo add acme https://charts.acme.io\nhelm install tarantool-operator acme/tarantool-operator\n", False),
    ("Deploy it with `kubectl apply -k config/default`.\n", True),
    ("# tarantool-operator\n", True),  # a title alone says nothing only of a kubebuilder scaffold
])
def test_a_config_manager_written_by_hand_of_a_project_installed_from_a_helm_repository_is_not_reported(
        tmp_path, text, reported):
    """db-query-operator keeps kubebuilder's layout without its `PROJECT` file, and names its image
    in `config/manager`; its README installs the operator from its Helm repository."""
    root = tmp_path / "tarantool-operator"
    go_module(root, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(root, "config/manager/manager.yaml", _SIZED.format(request="256Mi").replace(
        "ghcr.io/acme/api:1", 'ghcr.io/acme/tarantool-operator:latest\n          command: ["/manager"]')
        .replace("- name: api", "- name: manager"))
    write(root, "Dockerfile", "FROM golang:1.22\nRUN go build -o manager cmd/main.go\n")
    write(root, "README.md", text)
    assert bool(_run(root, "SL101").findings) == reported


@pytest.mark.parametrize("readme, installer, chart, reported", [
    # cronjob-operator (kubebuilder's tutorial), ziti-k8s-agent's operator: the template's README
    ("# op\n// TODO(user): Add simple overview of use/purpose\n", "dist/install.yaml", False, False),
    ("# op\n// TODO(user): Add simple overview of use/purpose\n", "dist/op-operator.yaml", False, False),
    ("# op\nAn operator for tarantool clusters.\n", "dist/op-operator.yaml", False, True),
    # llmaz's metrics aggregator: the overview deleted, the template's first section right under the title
    ("# op\n\n## Getting Started\n\n```sh\nIMG=<registry>/<image-name>:tag make deploy\n```\n", "dist/install.yaml",
     False, False),
    ("# op\nAn operator.\n\n## Getting Started\n\n```sh\nIMG=<registry>/<image-name>:tag make deploy\n```\n",
     "dist/install.yaml", False, True),
    # trace-shield-controller's: its title alone, nothing said of it
    ("# op\n", "dist/install.yaml", False, False),
    ("# op\n\nAn operator.\n", "dist/install.yaml", False, True),
    # a chart is what it publishes, whatever its README says
    ("# op\n// TODO(user): Add simple overview of use/purpose\n", "dist/install.yaml", True, True),
])
def test_a_scaffold_whose_readme_is_kubebuilders_template_is_not_reported(tmp_path, readme, installer, chart, reported):
    """A README that still asks for the project's overview: a tutorial's copy or an operator not
    released, whose `config/manager` and installer output no one deploys (read as not worth a
    change); `make build-installer`'s output renamed is the scaffold's too."""
    root = tmp_path / "tarantool-operator"
    go_module(root, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(root, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(root, "README.md", readme)
    write(root, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(root, "Dockerfile", "FROM golang:1.22\nRUN go build -o manager cmd/main.go\n")
    write(root, installer, _SIZED.format(request="256Mi").replace(
        "ghcr.io/acme/api:1", 'ghcr.io/example/tarantool-operator:1\n          command: ["/manager"]')
        .replace("- name: api", "- name: manager"))
    if chart:
        _write_chart(root, "charts/operator", "operator", image="ghcr.io/acme/tarantool-operator")
    assert bool(_run(root, "SL101").findings) == reported


@pytest.mark.parametrize("above, reported", [(None, False), ("# platform\n\nInstall the operator with make deploy.\n", True)])
def test_a_scaffold_whose_readme_is_its_title_alone_is_reported_when_a_readme_above_says_more(tmp_path, above, reported):
    """trace-shield-controller's README is its title: nothing tells anyone to deploy its scaffold.
    A project of a monorepo may leave its story to the repository's README."""
    root = tmp_path / "operator"
    go_module(root, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(root, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(root, "README.md", "# operator\n")
    write(root, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(root, "Dockerfile", "FROM golang:1.22\nRUN go build -o manager cmd/main.go\n")
    if above:
        write(tmp_path, "README.md", above)
    assert bool(_run(root, "SL101").findings) == reported


@pytest.mark.parametrize("readme, reported", [
    ("# api\n\n⚠ This project is no longer in use. ⚠\n", False),  # splunk-otel-collector-operator
    ("# api\n\n> [!WARNING]\n> This project is no longer actively maintained. The repository has been archived.\n",
     False),  # backstage-operator
    ("# api\n\nThis repository is deprecated; use the new operator.\n", False),  # coco-operator
    # navarchos
    ("# api\n\n> NOTE: this repository is currently **UNMAINTAINED** and is looking for new owner(s).\n", False),
    ("# api\n\nThis project is __deprecated__.\n", False),
    ("# api\n\nThis project is currently unmaintained on Windows nodes.\n", True),
    ("# api\n\nThis project is currently **unmaintained** on Windows nodes.\n", True),
    ("# api\n\nThis project is **no longer supported** on Kubernetes 1.24.\n", True),
    ("# api\n\nThis project is deprecated _for Helm 2_ users.\n", True),
    ("# api\n\nThis project is deprecated *for Helm 2* users.\n", True),
    ("# api\n\nThis project is **deprecated** *on Windows nodes*.\n", True),
    ("# api\n\n*This project is deprecated.*\n", False),
    ("# api\n\n***This project is unmaintained***\n", False),
    ("# api\n\nThis project is deprecated **in favor of [gizmo](https://example.com/gizmo)**.\n", False),
    ("# api\n\nThis project is **deprecated** *and no longer maintained*.\n", False),
    ("# api\n\nThis project is deprecated *(use widget-api)*.\n", False),
    # nix-remote-build-controller
    ("> [!WARNING]\n> This project is incomplete and not currently in working condition.\n\n# api\n", False),
    ("# api\n\nThis project is not yet in a working state.\n", False),
    ("# api\n\nThis project is incomplete without its webhook: install both.\n", True),
    ("# api\n\n> **Note**\n> The project documentation is incomplete. See the examples.\n", True),
    ("# api\n\nThis project is incomplete and under active development.\n", True),
    ("# api\n\nThis project is incomplete, contributions welcome!\n", True),
    ("# api\n\nNote: the project API is incomplete and may change.\n", True),
    ("# api\n\nThis project is currently not in working condition.\n", False),
    ("# api\n\nThis project is still incomplete and not in working condition!\n", False),
    ("# api\n\nThis project is not functional on Windows nodes; schedule it on Linux.\n", True),
    ("# api\n\nIf this project is not in working condition after an upgrade, please open an issue.\n", True),
    ("# api\n\nThis project is not in a working state with Kubernetes < 1.25.\n", True),
    ("# api\n\n**This project is not in working condition**\n", False),
    ("# api\n\n> **Note:** This project is currently not in a working state.\n", False),
    ("# api\n\nThis project is not in working condition yet.\n", False),
    ("# api\n\nNote that this project is not functional.\n", True),
    # wrapped onto a line that says when; a colon, a question: no notice
    ("# api\n\nThis project is not functional\non Windows nodes; schedule it on Linux.\n", True),
    ("# api\n\nThis project is not in a working state:\n\n- when the webhook is off\n", True),
    ("# api\n\n## Troubleshooting\n\n### This project is not functional?\n\nCheck the logs.\n", True),
    ("# api\n\n_This project is not in working condition._\n\n## Install\n", False),
    ("# api\n\nThis project is not in working condition.\nIt will be archived soon.\n", False),
    ("# api\n\n**This project is not in working condition**.\n", False),
    ("# api\n\nAn operator. Without cert-manager installed\nthis project is not functional.\nInstall it first.\n", True),
    ("# api\n## Status\nThis project is not in working condition.\n", False),
    ("# api\n\nThe project is in working condition since v2.\n", True),
    # knative's net-http01
    ("### :warning: Deprecation Notice :warning:\n\nThis integration is deprecated and this repo will be archived the "
     "coming months.\n\n## Knative `api`\n", False),
    ("# api\n\n## Deprecated\n\nUse widget-api instead.\n", False),
    ("# api\n\nThis repository will be archived in March.\n", False),
    ("# api\n\n## Deprecated flags\n\n`--legacy` goes in v2.\n", True),  # a section on something else
    ("# api\n\n## Deprecation notice for v1alpha1\n\nMove to v1.\n", True),
    ("# api\n\nIts old dashboard will be archived; the repository stays.\n", True),
    ("# api\n\nThis repository will be archived if no maintainer steps up by June.\n", True),
    ("# api\n\nLogs uploaded to the repo will be archived nightly.\n", True),
    ("# api\n\n## Install\n\n## Changes\n\n### Deprecated\n\n- `--legacy`\n", True),  # a changelog's section
    ("# api\n\n```sh\n# Deprecated\nwidget --old\n```\n", True),  # a comment in an example
    ("#\n\n:x:\n\nDeprecated\n", True),
    ("# api\n\n## :no_entry: _Deprecated_ :no_entry:\n\nUse widget-api.\n", False),
    # kode-operator's disclaimer
    ("# api\n\n**DISCLAIMER! THIS PROJECT IS UNDER HEAVY DEVELOPMENT AND NOT MEANT FOR PRODUCTION USE.**\n", False),
    ("# api\n\nThis project is not yet ready for production.\n", False),
    ("# api\n\nThis project is in alpha and not intended for production use.\n", False),
    ("# api\n\nThis project is used in production at Acme.\n", True),
    ("# api\n\nThis project is not only meant for production: try it on kind.\n", True),
    ("# api\n\nIts debug webhook is not meant for production use.\n", True),  # not the project
    ("# api\n\nDeploying the project is not meant for production without TLS.\n", True),
    ("# api\n\nThe bundled Redis in the repo is not meant for production.\n", True),
    ("# api\n\nThe project is designed so that it is not ready for production until you set a class.\n", True),
    ("# api\n\nAn operator for widgets. This project is not ready for production yet.\n", False),
    # flare's, saying what the project is, its sentence followed by another
    ("# api\n\n> _This is a research project and is not intended for production use. It explores pooling._\n",
     False),
    ("# api\n\nThis is an experimental prototype and not meant for production.\n", False),
    ("# api\n\nThis project is not ready for production. Use v2.\n", False),
    ("# api\n\nThis is a fast operator and is used in production.\n", True),
    ("# api\n\nThis is a demo and is not meant for production until you set a class.\n", True),
    ("# api\n\nInstall the chart. This is not meant for production.\n", True),  # what is not, unsaid
    ("# api\n\nThis is the sample config and is not meant for production.\n", True),  # not the project
    # async-component's warning, with no subject
    ("# api\n\n>Warning: Experimental and still under development. Not meant for production deployment.\n", False),
    ("# api\n\n> [!WARNING]\n> Not intended for production use.\n", False),
    ("# api\n\n**Warning**: not ready for production yet.\n", False),
    ("# api\n\n> Warning: the in-memory store is for tests. Not meant for production without Redis.\n", True),
    ("# api\n\nInstall the chart. Not meant for production.\n", True),  # no warning: what is not, unsaid
    # another sentence's subject, a quote going on, a later section's warning, sample output
    ("# api\n\n> **Warning**: The quick start below disables TLS. Not meant for production use.\n", True),
    ("# api\n\n> [!WARNING]\n> Not intended for production\n> clusters without the auth proxy.\n", True),
    ("# api\n\nAn operator.\n\n## Try it on kind\n\n> [!WARNING]\n> Not meant for production.\n", True),
    ("# api\n\n```\nWARNING: Experimental. Not meant for production use.\n```\n", True),
    ("# api\n\n> Warning: Alpha. Not meant for production.\n", False),
    ("## PROJECT NOT UNDER ACTIVE MANAGEMENT\n\nThis project will no longer be maintained by Acme.\n", False),  # Intel's
    ("# api\n\nThe project is not under active management of its old team.\n", True),  # a sentence, no notice
    ("# api\n\nProject not under active development by Acme: its community maintains it.\n", True),
    ("# api\n\nAn operator for widgets.\n\n## Flags\n\n`--legacy` is deprecated.\n", True),  # not the project
    ("# api\n\nAn operator for widgets.\n" + "\nIt caches.\n" * 200 + "\nThis project is no longer maintained.\n",
     True),  # far below its top
    # a flag's, an API version's, a platform's notice; google-cas-issuer's owner's
    ("# api\n\nThe operator's `--legacy-mode` flag is deprecated.\n", True),
    ("# api\n\nThe v1alpha1 API of this operator is deprecated.\n", True),
    ("# api\n\nThis project is no longer supported on Kubernetes 1.24.\n", True),
    ("# api\n\nThis project however is no longer maintained or owned by Acme, instead by its community.\n", True),
])
def test_a_program_whose_readme_says_its_project_is_retired_is_not_reported(tmp_path, readme, reported):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "README.md", readme)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi"))
    assert bool(_run(tmp_path, "SL101").findings) == reported


@pytest.mark.parametrize("readme, reported", [
    # aad-pod-identity's heading: the project named where the notice usually says "this"
    ("> # \u26a0\ufe0f [Widget Api repo has been archived and is no longer maintained.](#news)\n", False),
    ("# widget-api\n\nAs of May 2023, the widget-api project is deprecated in favor of gizmo.\n", False),
    ("# widget-api\n\nThe Widget API repository has been archived.\n", False),
    ("# widget-api\n\nAs of May 2023, Widget API repo has been archived.\n", False),
    # another project's notice: one it used, one whose name merely ends like it, the project a
    # fork or successor comes from
    ("# widget-api\n\nThe kube-rbac-proxy project has been archived; we serve metrics ourselves.\n", True),
    ("# widget-api\n\nA maintained fork: the original widget-api project is no longer maintained.\n", True),
    ("# widget-api\n\nThe old widget-api repo has been archived.\n", True),
    ("# widget-api\n\nIt replaces the Acme widget api project, which is deprecated.\n", True),
    ("# widget-api\n\nThe old api project is deprecated in favor of this one.\n", True),
    ("# widget-api\n\nWidget API repo has been moved to gizmo/widget-api.\n", True),  # not retired
    # node-readiness-gate-controller's move, pointing by a link to a repository of its name
    ("# widget-api\n\n### Update: This project is now migrated to a kubernetes-sig project: "
     "https://github.com/kubernetes-sigs/widget-controller\n", False),
    ("# widget-api\n\nThis repository has moved to [gizmo/widget-api](https://github.com/gizmo/widget-api).\n", False),
    ("# widget-api\n\nThe project has been moved to https://gitlab.com/gizmo/widget-api.git.\n", False),
    # a move to something else, a link to no repository, or to another project; where, unsaid;
    # not the project's; on a condition; the new home's own README, naming its own repository
    ("# widget-api\n\nThis project has moved to Go modules, see https://go.dev/ref/mod.\n", True),
    ("# widget-api\n\nThis project has moved to [Go modules](https://go.dev/ref/mod).\n", True),
    ("# widget-api\n\nThe project has been migrated to [Kubebuilder v4](https://book.kubebuilder.io/migration).\n",
     True),
    ("# widget-api\n\nThis project has moved to [GitHub Actions](https://github.com/features/actions) for CI.\n", True),
    ("# widget-api\n\nNote: this project is moved to use https://github.com/kubernetes-sigs/controller-runtime v0.16\n",
     True),
    ("# widget-api\n\nThis project has moved to a new home.\n", True),
    ("# widget-api\n\nIts chart has been moved to https://github.com/acme/widget-api-charts.\n", True),
    ("# widget-api\n\nIf this project is moved to https://github.com/gizmo/widget-api, update your links.\n", True),
    ("# widget-api\n\nThis project has moved to [acme](https://github.com/acme/widget-api)!\n", True),
])
def test_a_retired_notice_naming_the_project_counts(tmp_path, readme, reported):
    module = "example.com/acme/widget-api/v2"
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH.replace("example.com/app", module),
                         "internal/watch/watch.go": _WATCHES}, module=module)
    write(tmp_path, "README.md", readme)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi"))
    assert bool(_run(tmp_path, "SL101").findings) == reported


@pytest.mark.parametrize("module, readme, retired", [
    # a name of four words after "The": the notice's words start past it
    ("example.com/aws/aws-load-balancer-controller", "The AWS Load Balancer Controller repo has been archived.\n", True),
    ("example.com/acme/widget-api", "# widget-api\n\nThe\nWidget API repo has been archived.\n", True),
    # a wrapped sentence's line is no clause's start: a fork's notice of its origin
    ("example.com/acme/widget-api", "A maintained fork: the original\nwidget-api project is no longer maintained.\n", False),
])
def test_a_notice_names_the_project_by_the_words_opening_its_clause(tmp_path, module, readme, retired):
    write(tmp_path, "go.mod", f"module {module}\n\ngo 1.22\n")
    write(tmp_path, ".git/HEAD", "ref: refs/heads/main\n")
    write(tmp_path, "README.md", readme)
    assert (project_docs.retired_notice(str(tmp_path)) is not None) == retired


@pytest.mark.parametrize("readme, reported", [("# api\n\nThis repository is unmaintained.\n", False),
                                              ("# api\n\nAn operator for widgets.\n", True)])
def test_a_retired_notice_counts_for_a_program_of_no_module(tmp_path, readme, reported):
    """navarchos predates Go modules (dep's Gopkg.toml): its README says it is unmaintained,
    read from its program's directory up, as from a module's root."""
    write(tmp_path, "Gopkg.toml", "")
    write(tmp_path, "cmd/api/main.go", _MAIN_IMPORTING_WATCH)
    write(tmp_path, "README.md", readme)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi"))
    assert bool(_run(tmp_path, "SL101").findings) == reported


@pytest.mark.parametrize("repository_root, reported", [("", False), ("operator/", True)])
def test_a_retired_notice_counts_from_the_readme_above_a_module_within_its_repository(
        tmp_path, repository_root, reported):
    """The module in `operator/`, its project's README at the top; a repository of its own
    (`.git`) inside a directory whose README says so is not that project."""
    root = tmp_path / "operator"
    go_module(root, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path / repository_root, ".git/HEAD", "ref: refs/heads/main\n")
    write(tmp_path, "README.md", "# suite\n\nThis repository is deprecated.\n")
    write(root, "deploy/api.yaml", _SIZED.format(request="256Mi"))
    assert bool(_run(root, "SL101").findings) == reported


@pytest.mark.parametrize("chart_name, values, reported", [
    # AppConfiguration-KubernetesProvider: `deploy/` is its chart, whose values its packaging writes
    ("tarantool-provider", False, False),
    ("tarantool-provider", True, True),  # the chart's container is read: a copy, reported there
    ("cert-manager", False, True),  # another project's chart
])
def test_a_scaffold_of_a_project_keeping_an_unreadable_chart_is_not_reported(tmp_path, chart_name, values, reported):
    root = tmp_path / "tarantool-operator"
    go_module(root, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(root, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(root, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    _write_chart(root, "deploy", chart_name, image="ghcr.io/acme/tarantool-operator")
    if not values:
        os.remove(root / "deploy" / "values.yaml")
        write(root, "deploy/parameter/helm-values.yaml", _CHART_VALUES)
    assert bool(_run(root, "SL101").findings) == reported


@pytest.mark.parametrize("chart_image, renamed, reported", [
    ("ghcr.io/acme/controller", "ghcr.io/acme/controller", ["charts/api/values.yaml"]),  # openchoreo
    ("ghcr.io/other/controller", "ghcr.io/acme/controller", ["config/manager/manager.yaml"]),  # another's
    ("ghcr.io/acme/controller", None, ["config/manager/manager.yaml"]),  # `controller` alone names no program
    # czertainly-cert-manager-issuer: renamed to a repository its chart names, on another registry
    ("docker.io/acme/api-issuer-controller", "acme/api-issuer-controller", ["charts/api/values.yaml"]),
    ("docker.io/acme/other-controller", "acme/api-issuer-controller", ["config/manager/manager.yaml"]),
])
def test_a_chart_image_named_as_the_scaffold_renamed_runs_the_manager(tmp_path, chart_image, renamed, reported):
    """The chart names the repository kustomize gives kubebuilder's placeholder `controller`:
    it runs the manager, and is where the finding goes (the chart is what users install)."""
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    if renamed:
        write(tmp_path, "config/manager/kustomization.yaml",
              f"resources:\n- manager.yaml\nimages:\n- name: controller\n  newName: {renamed}\n  newTag: latest\n")
    _write_chart(tmp_path, "charts/api", "api", image=chart_image)
    assert [f.location.path for f in _run(tmp_path, "SL101").findings][:1] == reported


@pytest.mark.parametrize("resources, reported", [
    ("  resources: {}\n", []),  # czertainly-cert-manager-issuer: the chart installs no limit
    ("  resources:\n    limits:\n      memory: 128Mi\n", ["charts/api/values.yaml"]),
])
def test_a_charts_resources_kept_under_its_image_settings(tmp_path, resources, reported):
    """czertainly's charts keep each container's settings under its `image` (`image.resources`,
    which the Deployment template writes): the chart's container has those resources, and the
    scaffold it copies is reported, or not, as the chart is."""
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("64Mi"))
    write(tmp_path, "config/manager/kustomization.yaml",
          "resources:\n- manager.yaml\nimages:\n- name: controller\n  newName: acme/api-issuer\n  newTag: latest\n")
    write(tmp_path, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "charts/api/values.yaml", "image:\n  registry: docker.io\n  repository: acme\n"
          "  name: api-issuer\n  tag: v1\n" + resources)
    write(tmp_path, "charts/api/templates/deployment.yaml", _CHART_TEMPLATE + (
        "spec:\n  template:\n    spec:\n      containers:\n        - name: api-issuer\n"
        "          image: {{ .Values.image.repository }}/{{ .Values.image.name }}\n"
        "          {{- if .Values.image.resources }}\n"
        "          resources: {{- toYaml .Values.image.resources | nindent 12 }}\n          {{- end }}\n"))
    assert [f.location.path for f in _run(tmp_path, "SL101").findings][:1] == reported


def test_kubebuilder_projects_of_one_repository_are_programs_of_their_own(tmp_path):
    """chaosmeta: its flow and inject operators, two modules each with a kubebuilder scaffold
    named `controller-manager`, are two programs; the chart that spells out their Deployments
    runs the images their Makefiles' `IMG` names, and is where users install them."""
    for operator in ("flow", "inject"):
        go_module(tmp_path / operator, {"main.go": _MAIN_IMPORTING_WATCH.replace("example.com/app", f"example.com/{operator}"),
                                        "internal/watch/watch.go": _WATCHES}, module=f"example.com/{operator}")
        write(tmp_path, f"{operator}/PROJECT", "layout: go.kubebuilder.io/v4\n")
        write(tmp_path, f"{operator}/Dockerfile", "FROM golang:1.25 AS build\nRUN go build -o manager main.go\n")
        write(tmp_path, f"{operator}/Makefile", f"BASE ?= registry.example.com/acme\nIMG ?= $(BASE)/{operator}-controller:v0.6\n")
        write(tmp_path, f"{operator}/config/manager/manager.yaml", _SIZED.format(request="64Mi").replace(
            "ghcr.io/acme/api:1", 'controller:latest\n          command: ["/manager"]').replace(
            "  name: api\n", "  name: controller-manager\n").replace("- name: api", "- name: manager"))
        write(tmp_path, f"deploy/templates/{operator}.yaml", _SIZED.format(request="256Mi").replace(
            "ghcr.io/acme/api:1", f'registry.example.com/acme/{operator}-controller:v0.6\n          command: ["/manager"]'
        ).replace("  name: api\n", f"  name: {operator}-controller-manager\n").replace("- name: api", "- name: manager"))
    write(tmp_path, "deploy/Chart.yaml", "apiVersion: v2\nname: acme\nversion: 0.1.0\n")
    findings = _run(tmp_path, "SL101").findings
    assert sorted(f.location.path for f in findings) == ["deploy/templates/flow.yaml", "deploy/templates/inject.yaml"]
    assert all(len(f.related) == 1 for f in findings)


@pytest.mark.parametrize("project_name, chart_image, reported", [
    ("npu-operator", "registry.example.com/npu-operator", "charts/api/values.yaml"),  # kcloud-operator
    ("npu-operator", "npu-operator", "charts/api/values.yaml"),  # no registry: the installer's
    ("gpu-operator", "registry.example.com/npu-operator", "config/manager/manager.yaml"),  # another program
    (None, "registry.example.com/npu-operator", "config/manager/manager.yaml"),  # a PROJECT naming none
])
def test_a_chart_image_named_for_the_kubebuilder_project_runs_its_manager(tmp_path, project_name, chart_image, reported):
    """A chart whose image is named for the kubebuilder project (its PROJECT's `projectName`)
    runs the manager while the Makefile tags the scaffold's placeholder: the chart, what users
    install, is where the finding goes, its `config/manager` a copy."""
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "domain: ai\nlayout:\n- go.kubebuilder.io/v4\n" +
          (f"projectName: {project_name}\n" if project_name else ""))
    write(tmp_path, "Dockerfile", "FROM golang:1.24 AS builder\nCOPY . .\nRUN go build -o manager cmd/main.go\n")
    write(tmp_path, "Makefile", "IMAGE_TAG_BASE ?= ai/npu-operator\nIMG ?= controller:latest\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    _write_chart(tmp_path, "charts/api", "api", image=chart_image)
    findings = _run(tmp_path, "SL101").findings
    assert [f.location.path for f in findings] == [reported]


def test_a_projects_name_says_nothing_of_another_trees_image(tmp_path):
    """Only a manifest inside the kubebuilder project runs its manager by the project's name:
    a third party's chart beside it may run an image of the same name."""
    operator = tmp_path / "operator"
    go_module(operator, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(operator, "PROJECT", "layout:\n- go.kubebuilder.io/v4\nprojectName: npu-operator\n")
    write(operator, "Dockerfile", "FROM golang:1.24 AS builder\nCOPY . .\nRUN go build -o manager cmd/main.go\n")
    _write_chart(tmp_path, "charts/api", "api", image="registry.example.com/npu-operator")
    assert _run(tmp_path, "SL101").findings == []


@pytest.mark.parametrize("all_in_one_command, findings", [
    ("", 1),  # kubedl: the chart, config/manager and the all-in-one file are one finding, at the chart
    ('\n          command: ["/manager", "--leader-elect"]', 1),  # flags only: the same run
    ('\n          command: ["/manager", "webhook"]', 2),  # a subcommand: another run of the program
])
def test_a_chart_joins_every_install_of_its_program(tmp_path, all_in_one_command, findings):
    go_module(tmp_path, {"main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    _write_chart(tmp_path, "charts/app", "app", image="ghcr.io/acme/app")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(tmp_path, "config/manager/all_in_one.yaml", _SIZED.format(request="256Mi").replace(
        "ghcr.io/acme/api:1", "ghcr.io/acme/app:1" + all_in_one_command).replace("- name: api", "- name: app-manager"))
    result = _run(tmp_path).findings
    assert len(result) == findings
    assert result[0].location.path == "charts/app/values.yaml"


@pytest.mark.parametrize("build, reported", [
    ("go build -a -o manager cmd/main.go", False),  # kyverno-notation-verifier: no cmd/main.go in the tree
    ("go build -a -o manager internal/main.go", True),
    ("go build -o ./bin/manager .", True),  # the output is not a source
    ("go build -o manager ./cmd/", False),
    ("go build -o manager ./internal/${CMD}", True),  # kserve's: a build argument names which program
    ("go build -o manager ./cmd/${CMD}", False),  # of a directory the tree lacks
])
def test_a_scaffold_whose_dockerfile_builds_sources_the_tree_lacks_deploys_nothing(tmp_path, build, reported):
    """A library's left-over kubebuilder scaffold: its Dockerfile builds `cmd/main.go`, which the
    tree never had, so nothing deploys its `config/manager`."""
    go_module(tmp_path, {"internal/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "Dockerfile", f"FROM golang:1.24 AS builder\nCOPY . .\nRUN {build}\n"
                                  "FROM gcr.io/distroless/static\nCOPY --from=builder /workspace/manager .\n"
                                  'ENTRYPOINT ["/manager"]\n')
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


_APP_IMAGE = ("FROM golang:1.24 AS builder\nCOPY . .\nRUN go build -o app .\n"
              "FROM gcr.io/distroless/static\nCOPY --from=builder /workspace/app /app\n" 'ENTRYPOINT ["/app"]\n')


@pytest.mark.parametrize("command, project, reported, more", [
    ("/manager", True, False, {}),  # kraut's chart: the project's image holds only /app
    ("/app", True, True, {}),
    ("/ko-app/app", True, True, {}),  # kubecloudscaler's: ko builds it, with no Dockerfile
    ("/manager", False, True, {}),  # not a kubebuilder project's chart: not read as its scaffold
    # another Dockerfile of the tree builds it; the image copies a directory a Makefile fills
    ("/manager", True, True, {"agent/Dockerfile": _APP_IMAGE.replace("app", "manager")}),
    ("/manager", True, True, {"Dockerfile": _APP_IMAGE + "COPY bin/ /usr/local/bin/\n"}),
    ("/manager", True, True, {"Dockerfile": _APP_IMAGE + "COPY bin /usr/local/bin\n"}),
    ("/manager", True, False, {"Dockerfile": _APP_IMAGE + "COPY config.yaml /etc/app/\n"}),  # a file, no program
    # funccloud/fcp's one Dockerfile copies in the program a build argument names: any may be /manager
    ("/manager", True, True, {"Dockerfile": _APP_IMAGE.replace("/workspace/app /app", "/workspace/${APP} .")}),
    ("/manager", True, True, {"Dockerfile": _APP_IMAGE.replace("/workspace/app /app", "/out/$APP /usr/bin/")}),
    ("/manager", True, False, {"Dockerfile": _APP_IMAGE + "WORKDIR /${APP}\n"}),  # a directory, no program
    # numaserve's Python image copies a virtual environment its ENV names: no program
    ("scaffold /manager", True, False, {"Dockerfile": _APP_IMAGE + "ENV VENV=/app/.venv \\\n  PATH=/app/.venv/bin\n"
                                                                   "COPY --from=builder ${VENV} ${VENV}\n"}),
    ("scaffold /manager", True, False, {"Dockerfile": _APP_IMAGE + "ENV PATH /bin\nENV VENV /app/.venv\n"
                                                                   "COPY --from=builder ${VENV} ${VENV}\n"}),
    ("scaffold /manager", True, True, {"Dockerfile": _APP_IMAGE + "ENV VENV=/app/.venv\n"
                                                                  "COPY --from=builder /workspace/${APP} .\n"}),
    ("/manager", True, False, {"Dockerfile": _APP_IMAGE + 'CMD ["--config=/${CONFIG}"]\n'}),  # a flag's value
    ("/manager", True, False, {"Dockerfile": _APP_IMAGE + "COPY config.yaml /etc/${APP}\n"}),  # a destination
    # a COPY over two lines, and in exec form (`scaffold /manager`: checked by its Dockerfiles)
    ("scaffold /manager", True, True, {"Dockerfile": _APP_IMAGE + "COPY --from=builder \\\n    /workspace/${APP} /usr/bin/\n"}),
    ("scaffold /manager", True, True, {"Dockerfile": _APP_IMAGE + 'COPY --from=builder ["/workspace/${APP}", "/usr/bin/"]\n'}),
    # a builder stage's, not the image's
    ("/manager", True, False, {"Dockerfile": "FROM golang:1.24 AS tools\nCOPY --from=x /src/${TOOL} /go/bin/\n" + _APP_IMAGE}),
    ("scaffold /manager", True, False, {}),
    ("scaffold /ko-app/worker", True, True, {}),  # a program no Dockerfile names, ko's
])
def test_a_chart_of_a_kubebuilder_project_running_a_program_its_image_lacks_deploys_nothing(
        tmp_path, command, project, reported, more):
    go_module(tmp_path, {"main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    if project:
        write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "Dockerfile", _APP_IMAGE)
    for path, text in more.items():
        write(tmp_path, path, text)
    if command.startswith("scaffold "):
        write(tmp_path, "config/manager/manager.yaml", _SIZED.format(request="64Mi").replace(
            "ghcr.io/acme/api:1", f'controller:latest\n          command: ["{command.split()[1]}"]'))
    else:
        _write_chart(tmp_path, "charts/app", "app", image="ghcr.io/acme/app", template_more=(
            "spec:\n  template:\n    spec:\n      containers:\n        - name: manager\n"
            "          image: {{ .Values.image.repository }}\n"
            f"          command: [{command}]\n"
            "          resources: {{ toYaml .Values.resources }}\n"))
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("image, command, found_at", [
    # liqo-upgrade-operator's chart: its module is liqo-upgrade-controller
    ("ghcr.io/acme/upgrade-operator", "/manager", ["charts/upgrade/values.yaml"]),
    ("ghcr.io/acme/upgrade-operator", "/other", ["config/manager/manager.yaml"]),  # not the program it starts
    ("quay.io/prom/metrics-exporter", "/manager", ["config/manager/manager.yaml"]),  # another project's image
    ("ghcr.io/acme/dns-operator", "/manager", ["config/manager/manager.yaml"]),  # the owner's other project
    ("ghcr.io/acme/upgrade-agent", "/manager", ["config/manager/manager.yaml"]),  # the Makefile builds it otherwise
    ("ghcr.io/acme/upgrade-operator/reconciler", "/manager", ["charts/upgrade/values.yaml"]),  # a nested name
])
def test_a_chart_of_a_kubebuilder_project_runs_the_program_its_dockerfile_starts(tmp_path, image, command, found_at):
    main = _MAIN_IMPORTING_WATCH.replace("example.com/app", "example.com/acme/upgrade-controller")
    go_module(tmp_path, {"cmd/main.go": main, "internal/watch/watch.go": _WATCHES},
              module="example.com/acme/upgrade-controller")
    write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "Dockerfile", "FROM golang:1.24 AS builder\nCOPY . .\nRUN go build -o manager cmd/main.go\n"
                                  "FROM gcr.io/distroless/static\nCOPY --from=builder /workspace/manager .\n"
                                  'ENTRYPOINT ["/manager"]\n')
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("128Mi"))
    # The agent's image holds a `/manager` of its own, a program that keeps nothing.
    write(tmp_path, "cmd/agent/main.go", SMALL_MAIN)
    write(tmp_path, "Dockerfile.agent", "FROM golang:1.24 AS builder\nCOPY . .\nRUN go build -o manager ./cmd/agent\n"
                                        'FROM gcr.io/distroless/static\nCOPY --from=builder /workspace/manager .\n'
                                        'ENTRYPOINT ["/manager"]\n')
    write(tmp_path, "Makefile", "docker-build-agent:\n\tdocker build -f Dockerfile.agent -t ghcr.io/acme/upgrade-agent:latest .\n")
    _write_chart(tmp_path, "charts/upgrade", "upgrade", image=image, template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: manager\n"
        "          image: {{ .Values.image.repository }}\n"
        f"          command: [{command}]\n"
        "          resources: {{ toYaml .Values.resources }}\n"))
    assert [f.path for f in _run(tmp_path, "SL101").findings] == found_at


def test_two_workloads_of_one_file_are_two_runs_of_a_chart_program(tmp_path):
    """frr-k8s' install file runs its image as the controller DaemonSet and as the status
    cleaner Deployment: neither is a copy of the chart's one container, which sets no limit."""
    go_module(tmp_path, {"main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    _write_chart(tmp_path, "charts/app", "app", image="ghcr.io/acme/app")
    write(tmp_path, "charts/app/values.yaml", "image:\n  repository: ghcr.io/acme/app\nresources: {}\n")
    one = _SIZED.format(request="256Mi").replace("ghcr.io/acme/api:1", "ghcr.io/acme/app:1")
    write(tmp_path, "config/app/app.yaml", one.replace("name: api", "name: controller") + "---\n" +
          one.replace("name: api", "name: statuscleaner"))
    assert len(_run(tmp_path, "SL101").findings) == 2


def test_a_chart_component_runs_the_program_named_for_its_key(tmp_path):
    """egressd: both components' images name the module, which holds the collector (no cache,
    128Mi of 1Gi) and the exporter (which caches the cluster): each runs its own program."""
    go_module(tmp_path, {"cmd/collector/main.go": SMALL_MAIN, "cmd/exporter/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _WATCHES})
    _write_chart(tmp_path, "charts/app", "app", image="ghcr.io/acme/app")
    component = ("  image:\n    repository: ghcr.io/acme/app\n  resources:\n    requests:\n      memory: 128Mi\n"
                 "    limits:\n      memory: 1Gi\n")
    write(tmp_path, "charts/app/values.yaml", "collector:\n" + component + "exporter:\n" + component)
    assert [f.message.split('"')[1] for f in _run(tmp_path, "SL101").findings] == ["exporter"]


@pytest.mark.parametrize("condition, mode, reported", [
    ('eq .Values.mode "fast"', "kernel", []),  # openperouter's grout sidecar, off by default
    ('eq .Values.mode "fast"', "fast", ["exporter"]),
    ('ne "kernel" .Values.mode', "kernel", []),
    ('ne "kernel" .Values.mode', "fast", ["exporter"]),
    ('eq .Values.other "fast"', "kernel", ["exporter"]),  # a value the defaults leave unset: not known
    # zfs-csi's TLS signer: `and` of settings, one an `or` of two components off by default
    ("and .Values.mode (or .Values.node .Values.storage)", "kernel", []),
    ('or .Values.node (eq .Values.mode "fast")', "fast", ["exporter"]),
    ('or .Values.node (eq .Values.mode "fast")', "kernel", []),
    ('and .Values.mode (eq .Values.other "fast")', "kernel", ["exporter"]),  # an operand not known
    ('or .Values.node (eq .Values.other "fast")', "kernel", ["exporter"]),
])
def test_a_chart_component_written_only_under_a_condition_its_defaults_leave_out_is_not_installed(
        tmp_path, condition, mode, reported):
    go_module(tmp_path, {"cmd/exporter/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n")
    write(tmp_path, "charts/app/values.yaml", f"mode: {mode}\nexporter:\n  image:\n    repository: ghcr.io/acme/exporter\n"
                                              "  resources:\n    limits:\n      memory: 256Mi\n")
    write(tmp_path, "charts/app/templates/deployment.yaml",
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n"
          f"      containers:\n      {{{{- if {condition} }}}}\n        - name: exporter\n"
          "          image: {{ .Values.exporter.image.repository }}\n"
          "          resources: {{ toYaml .Values.exporter.resources | nindent 12 }}\n      {{- end }}\n")
    assert [f.message.split('"')[1] for f in _run(tmp_path, "SL101").findings] == reported
    # The same condition around the whole template: the same answer.
    write(tmp_path, "charts/app/templates/deployment.yaml",
          f"{{{{- if {condition} }}}}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n"
          "  template:\n    spec:\n      containers:\n        - name: exporter\n"
          "          image: {{ .Values.exporter.image.repository }}\n"
          "          resources: {{ toYaml .Values.exporter.resources | nindent 12 }}\n{{- end }}\n")
    assert [f.message.split('"')[1] for f in _run(tmp_path, "SL101").findings] == reported


@pytest.mark.parametrize("vpa, reported", [
    ("true", []),  # etcd-operator's chart: a VPA on by default, and no resources written then
    ("false", ["exporter"]),
])
def test_resources_a_chart_writes_only_where_its_defaults_do_not_go_set_no_limit(tmp_path, vpa, reported):
    go_module(tmp_path, {"cmd/exporter/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n")
    write(tmp_path, "charts/app/values.yaml", "exporter:\n  image:\n    repository: ghcr.io/acme/exporter\n"
                                              f"  vpa:\n    enabled: {vpa}\n"
                                              "  resources:\n    limits:\n      memory: 256Mi\n")
    write(tmp_path, "charts/app/templates/deployment.yaml",
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n"
          "      containers:\n        - name: exporter\n          image: {{ .Values.exporter.image.repository }}\n"
          "          {{- if not .Values.exporter.vpa.enabled }}\n          {{- with .Values.exporter.resources }}\n"
          "          resources:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n          {{- end }}\n")
    assert [f.message.split('"')[1] for f in _run(tmp_path, "SL101").findings] == reported


@pytest.mark.parametrize("command, reported", [
    ("/usr/local/bin/collector", []),  # no cache, 128Mi of 1Gi: a small program
    ("/usr/local/bin/exporter", ["collector"]),  # the program that caches the cluster
    ("/bin/bash", ["collector"]),  # a shell: which program is not known
])
def test_a_container_runs_the_program_its_command_names(tmp_path, command, reported):
    """theatre builds one image of its six programs; each manager's Deployment runs one by its
    path: what that program keeps, not its neighbours', decides."""
    root = tmp_path / "theatre"  # the image is named for the directory its Dockerfile is in
    go_module(root, {"cmd/collector/main.go": SMALL_MAIN, "cmd/exporter/main.go": _MAIN_IMPORTING_WATCH,
                     "internal/watch/watch.go": _WATCHES})
    write(root, "Dockerfile", "FROM golang:1.25 AS build\nRUN make build\n")
    write(root, "deploy/collector.yaml", _SIZED.format(request="128Mi").replace(
        "ghcr.io/acme/api:1", f"ghcr.io/acme/theatre:1\n          command: [{command}]").replace("name: api", "name: collector"))
    assert [f.message.split('"')[1] for f in _run(root, "SL101").findings] == reported


_TEMPLATE_WORKLOAD = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  template:
    spec:
      containers:
        - name: api
          image: %s
          resources:
%s"""


@pytest.mark.parametrize("values, image, resources, reported", [
    # azure-private-endpoint-operator: the image in the values, the resources in the template
    ("image:\n  name: acme/api\n", '"{{ .Values.image.name }}:{{ .Chart.AppVersion }}"',
     "            requests:\n              cpu: 100m\n              memory: 200Mi\n"
     "            limits:\n              memory: 256Mi\n", ("charts/api/templates/deployment.yaml", 16, "256Mi")),
    # stroom-k8s-operator: the resources in the values, the image a quoted string in the template
    ("resources:\n  limits:\n    memory: 1Gi\n", '{{ "ghcr.io/acme/api" }}:{{ .Values.image.tag | default "1" }}',
     "            {{- toYaml .Values.resources | nindent 12 }}\n", ("charts/api/values.yaml", 3, "1Gi")),
    ("image:\n  name: acme/api\n", "{{ .Values.image.name }}",  # the limit from the values, which set none
     "            {{- toYaml .Values.resources | nindent 12 }}\n", None),
])
def test_a_chart_may_write_half_its_container_in_its_template(tmp_path, values, image, resources, reported):
    """The half the values leave out, read as written in the chart's one workload template."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "charts/api/values.yaml", values)
    write(tmp_path, "charts/api/templates/deployment.yaml", _TEMPLATE_WORKLOAD % (image, resources))
    findings = _run(tmp_path).findings
    assert [(f.location.path, f.location.line, f.message.split("limit of ")[1].split()[0])
            for f in findings] == ([reported] if reported else [])


_FALLBACK_VALUES = """\
api:
  image: ghcr.io/acme/api:1
  resources:
    limits:
      memory: 256Mi
  scheduler:
    resources: %s
"""
_FALLBACK_RESOURCES = """\
            {{- with .Values.api.scheduler.resources }}
            {{- toYaml . | nindent 12 }}
            {{- else }}
            {{- toYaml .Values.api.resources | nindent 12 }}
            {{- end }}
"""


@pytest.mark.parametrize("own, also, reported", [
    ("{limits: {memory: 128Mi}}", False, False),  # service-fabrik's scheduler: its own, the fallback unread
    ("{}", False, True),  # none of its own: the fallback is what it gets
    ("{}", True, True),  # nor under `else with` a value the defaults leave empty
])
def test_resources_in_the_else_of_a_with_the_defaults_take_are_not_read(tmp_path, own, also, reported):
    """service-fabrik-broker's interoperator templates write `interoperator.resources` (256Mi)
    only in the `else` of `with .Values.interoperator.scheduler.resources`, which the defaults
    set: a finding naming the 256Mi was read as wrong."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "charts/api/values.yaml", _FALLBACK_VALUES % own)
    resources = _FALLBACK_RESOURCES.replace("            {{- else }}\n", "            {{- else with .Values.api.extra }}\n"
                                            "            {{- toYaml . | nindent 12 }}\n            {{- else }}\n") \
        if also else _FALLBACK_RESOURCES
    write(tmp_path, "charts/api/templates/deployment.yaml", _TEMPLATE_WORKLOAD % ("{{ .Values.api.image }}", resources))
    findings = _run(tmp_path, "SL101").findings
    assert [f.message.split("limit of ")[1].split()[0] for f in findings] == (["256Mi"] if reported else [])


_UMBRELLA_VALUES = """\
global:
  imageK8S: ghcr.io/acme/api:1
  imageOther: ghcr.io/acme/other:1
injector:
  image: %s
  resources:
    limits:
      memory: 200Mi
"""


@pytest.mark.parametrize("image, written, reported", [
    ("null", "{{ default .Values.global.imageK8S .Values.injector.image }}", True),  # consul-k8s' injector
    ('""', '"{{ .Values.injector.image | default .Values.global.imageK8S }}"', True),
    ("null", "{{ default .Values.global.imageOther .Values.injector.image }}", False),  # another program's
    ("null", "{{ .Values.injector.image }}", False),  # no image at all
])
def test_a_components_empty_image_falls_back_to_the_one_its_template_defaults_to(tmp_path, image, written,
                                                                                 reported):
    """consul-k8s' umbrella chart leaves `connectInject.image` null and its Deployment writes
    `{{ default .Values.global.imageK8S .Values.connectInject.image }}`: the injector, under a
    200Mi limit, went unread."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "charts/api/values.yaml", _UMBRELLA_VALUES % image)
    write(tmp_path, "charts/api/templates/deployment.yaml", _TEMPLATE_WORKLOAD % (
        written, "            {{- toYaml .Values.injector.resources | nindent 12 }}\n"))
    findings = _run(tmp_path, "SL101").findings
    assert [(f.location.line, f.message.split(" of ")[0]) for f in findings] == \
        ([(8, 'container "api"')] if reported else [])


_REQUESTS_ONLY = "            requests:\n              memory: 50Mi\n"
_LIMITED_TO_256 = _REQUESTS_ONLY + "            limits:\n              memory: 256Mi\n"


@pytest.mark.parametrize("controller_resources, rbac, reported", [
    # idle-scale: the chart users install sets no limit; its scaffold's 512Mi is not what runs
    (_REQUESTS_ONLY, False, []),
    (_LIMITED_TO_256, False, [("charts/suite/templates/controller.yaml", 16, "256Mi")]),
    # aip-k8s' gateway: its template's account may list no kind that grows with the cluster
    (_LIMITED_TO_256, True, []),
    (None, False, []),  # a template writing no resources at all: no limit either
])
def test_a_chart_writing_each_component_s_resources_in_its_own_template(tmp_path, controller_resources, rbac,
                                                                         reported):
    root = tmp_path / "suite"  # the chart's controller image is named for the project
    go_module(root, {"cmd/main.go": MAIN, "cmd/agent/main.go": SMALL_MAIN}, module="example.com/suite")
    write(root, "PROJECT", "layout:\n- go.kubebuilder.io/v4\n")
    write(root, "Dockerfile", "FROM golang:1.24\nRUN go build -o /manager ./cmd\n")
    write(root, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(root, "charts/suite/Chart.yaml", "apiVersion: v2\nname: suite\nversion: 0.1.0\n")
    write(root, "charts/suite/values.yaml", "controller:\n  image:\n    repository: ghcr.io/acme/suite\n"
                                             "agent:\n  image:\n    repository: ghcr.io/acme/agent\n")
    controller = _TEMPLATE_WORKLOAD % ("{{ .Values.controller.image.repository }}", controller_resources or "")
    if controller_resources is None:
        controller = controller.replace("          resources:\n", "")
    write(root, "charts/suite/templates/controller.yaml", controller.replace(
        "      containers:", "      serviceAccountName: suite-controller\n      containers:"))
    write(root, "charts/suite/templates/agent.yaml",
          _TEMPLATE_WORKLOAD % ("{{ .Values.agent.image.repository }}", _REQUESTS_ONLY))
    if rbac:  # its ClusterRole lists only the project's own kind
        write(root, "charts/suite/templates/rbac.yaml", _MANAGER_RBAC % (_ZONES_ONLY, "suite-controller", "zones"))
    findings = _run(root, "SL101").findings
    assert [(f.location.path, f.location.line, f.message.split("limit of ")[1].split()[0])
            for f in findings] == reported


_SUBCOMMAND = """\
package cmd

import (
	"github.com/spf13/cobra"
%s)

var %sCommand = &cobra.Command{%s}
"""


def _rules_of_subcommand_run(root, files: dict[str, str], args: str) -> list[str]:
    """The rules reported for cmd/api, a cobra program of `files` whose main runs
    `cmd.Execute()`, run by deploy/api.yaml (_SIZED, 40Mi asked) with `args`."""
    go_module(root, {"cmd/api/main.go": 'package main\n\nimport "example.com/app/cmd"\n\nfunc main() { cmd.Execute() }\n',
                     **files})
    write(root, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/api:1\n          args: {args}"))
    return [f.rule_id for f in _run(root).findings]


@pytest.mark.parametrize("args, declared, reported", [
    ('["apiserver", "--secure-port=9443"]', 'Use: "apiserver"', False),  # appcat: no cache of its own
    ('["apiserver"]', "", False),  # a builder names it: the file named for it
    ('["controller"]', 'Use: "apiserver"', True),  # the subcommand that caches the cluster
    ("[]", 'Use: "apiserver"', True),  # the whole program
    ('["--leader-elect"]', 'Use: "apiserver"', True),
    # an image with no entrypoint: the program, then its subcommand (ocm's registration-operator)
    ('["/api", "apiserver"]', 'Use: "apiserver"', False),
    ('["/api", "controller"]', 'Use: "apiserver"', True),
])
def test_a_container_running_one_subcommand_is_judged_by_what_it_reaches(tmp_path, args, declared, reported):
    """appcat's one binary runs its API server (uncached clients, 50Mi of 200Mi) and its
    controller (a cache of Secrets): each container by the subcommand its first argument names."""
    assert _rules_of_subcommand_run(tmp_path, {
        "cmd/apiserver.go": _SUBCOMMAND % ("", "apiServer", declared),
        "cmd/controller.go": _SUBCOMMAND % ('\t_ "example.com/app/internal/watch"\n', "controller", 'Use: "controller"'),
        "internal/watch/watch.go": _WATCHES}, args) == (["SL101"] if reported else [])


_COMMANDS_BUILT_BY_A_LIBRARY = """\
package cmd

import (
	"github.com/spf13/cobra"

	"example.com/app/internal/watch"
)

const controllerName = "controller"

func NewAPIServerCmd() *cobra.Command {
	cmd := newCommand(serve)
	cmd.Use = "apiserver"
	return cmd
}

func NewControllerCmd() *cobra.Command {
	cmd := newCommand(watch.Start)
	cmd.Use = %s
	return cmd
}
"""


@pytest.mark.parametrize("args, named, reported", [
    ('["apiserver"]', "controllerName", False),  # ocm's klusterlet operator beside its agent
    ('["apiserver"]', '"controller"', False),
    ('["controller"]', '"controller"', True),
    ("[]", "controllerName", True),  # the whole program
])
@pytest.mark.parametrize("written", ["as gofmt writes it", "a comment after a body's brace", "CRLF"])
def test_commands_named_after_they_are_built_are_subcommands(tmp_path, args, named, reported, written):
    """ocm's registration-operator builds each command with a library and names it after
    (`cmd.Use = "klusterlet"`, `cmd.Use = agentCmdName`), two in one file: the operator's
    container runs only its own command's code, not the agent's informers."""
    assert _rules_of_subcommand_run(tmp_path, {
        "cmd/commands.go": {
            "as gofmt writes it": lambda code: code,
            "a comment after a body's brace": lambda code: code.replace(" {\n\tcmd := newCommand(watch.Start)",
                                                                        " { // the controller\n\tcmd := newCommand(watch.Start)"),
            "CRLF": lambda code: code.replace("\n", "\r\n")}[written](_COMMANDS_BUILT_BY_A_LIBRARY % named),
        "cmd/library.go": "package cmd\n\nimport \"github.com/spf13/cobra\"\n\n"
                          "func newCommand(run func()) *cobra.Command { return &cobra.Command{Run: nil} }\n\n"
                          "func serve() {}\n\nfunc Execute() {}\n",
        "internal/watch/watch.go": _WATCHES.replace("func start(", "func Start(")}, args) == (["SL101"] if reported else [])


_COMMAND_HELPER = """\
package cmd

import (
	"github.com/spf13/cobra"

	"example.com/app/internal/watch"
)

// newCommand builds each subcommand, named by its caller.
func newCommand(use string, run func()) *cobra.Command {
	c := &cobra.Command{Run: func(*cobra.Command, []string) { run() }}
	c.Use = use
	return c
}

func startWatching() { watch.Start(nil, nil) }
"""


@pytest.mark.parametrize("helper", [
    _COMMAND_HELPER,
    _COMMAND_HELPER.replace("\tc.Use = use", "\t// the caller's run func names nothing here\n\tc.Use = use"),
    _COMMAND_HELPER.replace("func newCommand(use string,", "func newCommand(opts map[string]interface{}, use string,"),
])
def test_a_helper_naming_the_commands_it_builds_declares_none(tmp_path, helper):
    """`c.Use = use`, a parameter's name: the helper's file is code every command may run (the
    controller's informer is started through it), not another command's."""
    assert _rules_of_subcommand_run(tmp_path, {
        "cmd/root.go": 'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar root = &cobra.Command{Use: "api"}\n\n'
                       'func Execute() {\n\troot.AddCommand(newCommand("apiserver", serve), '
                       'newCommand("controller", runController))\n\t_ = root.Execute()\n}\n',
        "cmd/common.go": helper,
        "cmd/controller.go": 'package cmd\n\nimport "github.com/spf13/cobra"\n\n'
                             'var controllerCmd = &cobra.Command{Use: "controller"}\n\nfunc runController() { startWatching() }\n',
        "cmd/apiserver.go": "package cmd\n\nfunc serve() {}\n",
        "internal/watch/watch.go": _WATCHES.replace("func start(", "func Start(")}, '["controller"]') == ["SL101"]


@pytest.mark.parametrize("args, reported", [('["apiserver"]', False), ('["controller"]', True), ("[]", True),
                                            ('["/api", "apiserver"]', False)])  # an image with no entrypoint
def test_a_charts_subcommand_is_read_where_its_image_is_written(tmp_path, args, reported):
    """vanelin's k8s-controller chart pairs a top-level `image` with `deployment.resources`: the
    arguments are those of the container the templates write that image in."""
    go_module(tmp_path, _TWO_SUBCOMMANDS)
    write(tmp_path, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "charts/api/values.yaml", "image:\n  repository: ghcr.io/acme/api\n"
                                              "deployment:\n  resources:\n    limits:\n      memory: 512Mi\n")
    write(tmp_path, "charts/api/templates/deployment.yaml", _TEMPLATE_WORKLOAD.replace(
        "          resources:\n", f"          args: {args}\n          resources:\n") % (
        "{{ .Values.image.repository }}", "            {{- toYaml .Values.deployment.resources | nindent 12 }}\n"))
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_chart_written_with_windows_line_endings_is_read_alike(tmp_path, newline):
    """troke12's redis-operator chart ends its lines with CRLF: its Deployment template was taken
    for no workload, and its container `manager` was named for the chart."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n".replace("\n", newline))
    write(tmp_path, "charts/api/values.yaml", "image:\n  repository: ghcr.io/acme/api\n"
                                              "resources:\n  limits:\n    memory: 512Mi\n".replace("\n", newline))
    write(tmp_path, "charts/api/templates/deployment.yaml", (_TEMPLATE_WORKLOAD.replace("- name: api", "- name: manager") % (
        "{{ .Values.image.repository }}", "{{ toYaml .Values.resources | indent 12 }}\n")).replace("\n", newline))
    assert [f.message.split(" of ")[0] for f in _run(tmp_path, "SL101").findings] == ['container "manager"']


_COMMANDS_IN_ONE_FILE = """\
package cmd

import (
	"github.com/spf13/cobra"
	"k8s.io/client-go/kubernetes"

	"example.com/app/internal/watch"
)

var verbose bool

func newControllerCommand() *cobra.Command {
	return &cobra.Command{Use: "controller", Run: func(*cobra.Command, []string) {
		watch.Start(kubernetes.NewForConfigOrDie(nil), nil)
	}}
}

func newAPIServerCommand() *cobra.Command {
	return &cobra.Command{Use: "apiserver", Run: func(*cobra.Command, []string) { serve(verbose) }}
}

func serve(bool) {}

func Execute() {
	root := &cobra.Command{Use: "app"}
	root.AddCommand(newControllerCommand(), newAPIServerCommand())
	_ = root.Execute()
}
"""


# The same commands as package-level variables, cobra's usual layout.
_COMMAND_VARIABLES_IN_ONE_FILE = """\
package cmd

import (
	"github.com/spf13/cobra"
	"k8s.io/client-go/kubernetes"

	"example.com/app/internal/watch"
)

var rootCommand = &cobra.Command{Use: "app"%s}

var controllerCommand = &cobra.Command{Use: "controller", Run: func(*cobra.Command, []string) {
	watch.Start(kubernetes.NewForConfigOrDie(nil), nil)
}}

var apiServerCommand = &cobra.Command{Use: "apiserver", Run: func(*cobra.Command, []string) {}}

func Execute() {
	rootCommand.AddCommand(controllerCommand, apiServerCommand)
	_ = rootCommand.Execute()
}
"""


@pytest.mark.parametrize("commands, args, reported", [
    (_COMMANDS_IN_ONE_FILE, '["apiserver"]', False),
    (_COMMANDS_IN_ONE_FILE, '["controller"]', True),
    (_COMMANDS_IN_ONE_FILE, "[]", True),
    # gitops-promoter's root command: a persistent pre-run that sets up logging runs before
    # every command; the commands it adds are not what it runs
    (_COMMANDS_IN_ONE_FILE.replace('root := &cobra.Command{Use: "app"}', 'root := &cobra.Command{Use: "app", '
                                   'PersistentPreRun: func(*cobra.Command, []string) { serve(verbose) }}'),
     '["apiserver"]', False),
    (_COMMAND_VARIABLES_IN_ONE_FILE % "", '["apiserver"]', False),
    (_COMMAND_VARIABLES_IN_ONE_FILE % "", '["controller"]', True),
    # the root's persistent pre-run runs before every command
    (_COMMAND_VARIABLES_IN_ONE_FILE % ", PersistentPreRun: func(*cobra.Command, []string) {\n"
                                      "\twatch.Start(kubernetes.NewForConfigOrDie(nil), nil)\n}", '["apiserver"]', True),
])
def test_a_subcommand_declared_beside_others_in_one_file_is_judged_by_what_its_command_reaches(
        tmp_path, commands, args, reported):
    """gitops-promoter's `main.go` declares its controller's, dashboard's and API server's
    commands: the API server's container was charged the controller's cache."""
    go_module(tmp_path, {
        "cmd/api/main.go": 'package main\n\nimport "example.com/app/cmd"\n\nfunc main() { cmd.Execute() }\n',
        "cmd/commands.go": commands,
        "internal/watch/watch.go": _WATCHES.replace("func start(", "func Start(")})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/api:1\n          args: {args}"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


def test_an_unexported_method_a_subcommand_reaches_through_another_file_counts(tmp_path):
    """The API server's command, declared beside the controller's, runs a function of another
    file of its package that calls an unexported method of a type its file declares."""
    commands = _COMMANDS_IN_ONE_FILE.replace("serve(verbose) }}", "run(&server{}) }}") + \
        "\ntype server struct{}\n\nfunc (s *server) startCache() { watch.Start(nil, nil) }\n"
    go_module(tmp_path, {
        "cmd/api/main.go": 'package main\n\nimport "example.com/app/cmd"\n\nfunc main() { cmd.Execute() }\n',
        "cmd/commands.go": commands, "cmd/run.go": "package cmd\n\nfunc run(s *server) { s.startCache() }\n",
        "internal/watch/watch.go": _WATCHES.replace("func start(", "func Start(")})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "image: ghcr.io/acme/api:1", 'image: ghcr.io/acme/api:1\n          args: ["apiserver"]'))
    assert [f.rule_id for f in _run(tmp_path).findings] == ["SL101"]


_CHART_RUNNING_A_SUBCOMMAND = _DEPLOYMENT_API_HEAD + """\
        - name: api
          image: "{{ .Values.api.image.repository }}:{{ .Values.api.image.tag }}"
          {{- if .Values.api.args }}
          args: {{- toYaml .Values.api.args | nindent 12 }}
          {{- else }}
          args:
            %s
            - --port={{ .Values.api.port }}
          {{- end }}
          resources: {{- toYaml .Values.api.resources | nindent 12 }}
"""


@pytest.mark.parametrize("first, reported", [
    ("- apiserver", False),  # kubegems' `service`: the chart's default arguments
    ('- "apiserver"', False),
    ("- controller", True),
    ("- {{ .Values.api.mode }}", True),  # not known: the whole program
])
def test_a_charts_template_names_the_subcommand_its_container_runs(tmp_path, first, reported):
    """kubegems' chart runs its one binary, named for its module, as `service`, `msgbus` and
    `worker`, each written as the first of the arguments its template gives by default; the
    module's other program, its edge agent, keeps the cache their findings named."""
    go_module(tmp_path, {**_TWO_SUBCOMMANDS, "cmd/agent/main.go": _MAIN_IMPORTING_WATCH})
    write(tmp_path, "charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n")
    write(tmp_path, "charts/app/values.yaml", "api:\n  image:\n    repository: ghcr.io/acme/app\n    tag: v1\n"
                                              "  resources:\n    requests:\n      memory: 40Mi\n"
                                              "    limits:\n      memory: 512Mi\n")
    write(tmp_path, "charts/app/templates/api.yaml", _CHART_RUNNING_A_SUBCOMMAND % first)
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


_INCLUDING_A_CONTAINER = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        {{- include "container.api" . | nindent 8 }}
"""
_DEFINING_A_CONTAINER = """\
{{- define "%s" -}}
- name: api
  command:
    - /app
  args:
    - %s
    - --port={{ .Values.api.port }}
  image: "{{ .Values.api.image.repository }}:{{ .Values.api.image.tag }}"
  resources: {{- toYaml .Values.api.resources | nindent 4 }}
{{- end }}
"""


@pytest.mark.parametrize("defined, first, reported", [
    ("container.api", "apiserver", False),  # kubauth's `audit`, defined apart from its Deployment
    ("container.api", "controller", True),
    ("container.other", "apiserver", True),  # the Deployment includes no such template: unknown
])
def test_a_container_defined_in_a_template_its_workload_includes_runs_the_subcommand_written_there(
        tmp_path, defined, first, reported):
    """kubauth's Deployment includes each of its containers from a named template of its own
    file (`templates/audit/container.yaml`), with the subcommand it runs."""
    go_module(tmp_path, _TWO_SUBCOMMANDS)
    write(tmp_path, "charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n")
    write(tmp_path, "charts/app/values.yaml", "api:\n  image:\n    repository: ghcr.io/acme/app\n    tag: v1\n"
                                              "  resources:\n    limits:\n      memory: 512Mi\n")
    write(tmp_path, "charts/app/templates/deployment.yaml", _INCLUDING_A_CONTAINER)
    write(tmp_path, "charts/app/templates/api/container.yaml", _DEFINING_A_CONTAINER % (defined, first))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("command, reported", [
    ('["/tini", "--", "/api", "apiserver"]', False),  # kluctl's webui: `tini -- kluctl webui run`
    ('["dumb-init", "--single-child", "--", "/api", "apiserver"]', False),
    ('["/tini", "--", "/api", "controller"]', True),
    ('["/tini", "--", "/api"]', True),  # the whole program
])
def test_an_init_process_runs_the_command_after_it(tmp_path, command, reported):
    go_module(tmp_path, _TWO_SUBCOMMANDS)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/api:1\n          command: {command}"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


_KONG_ROOT = """\
package commands

type cli struct {
	Webui      webuiCmd      `cmd:"" help:"web UI"`
	HelmPull   helmPullCmd   `cmd:"" help:"pull charts"`
	Controller controllerCmd `cmd:"operate" help:"the controller"`
}
"""


@pytest.mark.parametrize("subcommand, reported", [
    ("webui", False),  # kluctl's `webui run`: its command's type, not the controller's
    ("helm-pull", False),  # a field's name in kebab case
    ("operate", True),  # the name its tag gives
    ("controller", True),  # no command of that name: the whole program
])
def test_a_kong_command_is_the_code_of_its_type(tmp_path, subcommand, reported):
    command = "package commands\n\n%stype %s struct{}\n\nfunc (%s) Run() error { %s; return nil }\n"
    go_module(tmp_path, {
        "cmd/api/main.go": 'package main\n\nimport "example.com/app/cmd/commands"\n\nfunc main() { commands.Execute() }\n',
        "cmd/commands/root.go": _KONG_ROOT + "\nfunc Execute() { parse(&cli{}) }\n\nfunc parse(any) {}\n",
        "cmd/commands/cmd_webui.go": command % ("", "webuiCmd", "webuiCmd", "println()"),
        "cmd/commands/cmd_helm_pull.go": command % ("", "helmPullCmd", "helmPullCmd", "println()"),
        "cmd/commands/cmd_controller.go": command % ('import "example.com/app/internal/watch"\n\n', "controllerCmd",
                                                     "controllerCmd", "watch.Start(nil, nil)"),
        "internal/watch/watch.go": _HELPER_BESIDE_A_CACHE % ""}, all_reached=False)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/api:1\n          args: [{subcommand}]"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


def test_a_subcommand_runs_the_files_of_its_package_that_declare_no_command(tmp_path):
    """spiderpool-agent's `daemon` is declared in `command_daemon.go`, which runs what
    `crd_manager.go` beside it builds: the controller-runtime cache of its agent."""
    go_module(tmp_path, {
        "cmd/api/main.go": 'package main\n\nimport "example.com/app/cmd"\n\nfunc main() { cmd.Execute() }\n',
        "cmd/apiserver.go": _SUBCOMMAND % ("", "apiServer", 'Use: "apiserver"'),
        "cmd/manager.go": "package cmd\n\nimport _ \"example.com/app/internal/watch\"\n",
        "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "image: ghcr.io/acme/api:1", "image: ghcr.io/acme/api:1\n          args: [apiserver]"))
    assert [f.rule_id for f in _run(tmp_path).findings] == ["SL101"]


@pytest.mark.parametrize("others, reported", [
    ("", []),  # vpsie-k8s-autoscaler: the chart runs cmd/controller, which keeps no cache here
    # backup-restore: another template runs the same image's /webui; this one its ENTRYPOINT
    ("webui", []),
])
def test_a_charts_command_names_the_program_its_image_builds_under_that_name(tmp_path, others, reported):
    go_module(tmp_path, {"cmd/controller/main.go": SMALL_MAIN, "cmd/webui/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _WATCHES, "stray.go": SMALL_MAIN})
    write(tmp_path, "Dockerfile", "FROM golang:1.25 AS build\nCOPY . .\nRUN go build -o autoscaler ./cmd/controller\n"
                                  "RUN go build -o webui ./cmd/webui\nFROM scratch\nCOPY --from=build /autoscaler /webui /\n"
                                  'ENTRYPOINT ["/autoscaler"]\n')
    command = "" if others else "          command: [/autoscaler]\n"
    _write_chart(tmp_path, "charts/api", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n"
        "          image: {{ .Values.image.repository }}\n" + command +
        "          resources: {{ toYaml .Values.resources }}\n"))
    if others:
        write(tmp_path, "charts/api/templates/webui.yaml", _CHART_TEMPLATE + (
            "spec:\n  template:\n    spec:\n      containers:\n        - name: webui\n"
            "          image: {{ .Values.image.repository }}\n          command: [/webui]\n"))
    assert [f.path for f in _run(tmp_path).findings] == reported


@pytest.mark.parametrize("command, reported", [
    ("/manager", ["charts/op/templates/deployment.yaml"]),
    # wandb-operator: the chart's one workload is a hook Job running the image's CRD installer
    ("/crd-installer", []),
])
def test_a_charts_one_template_writing_its_own_resources_runs_the_command_it_names(tmp_path, command, reported):
    go_module(tmp_path, {"cmd/manager/main.go": _MAIN_IMPORTING_WATCH, "cmd/crd-installer/main.go": SMALL_MAIN,
                         "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "Dockerfile", "FROM golang:1.25 AS build\nCOPY . .\nRUN go build -o manager ./cmd/manager\n"
                                  "RUN go build -o crd-installer ./cmd/crd-installer\nFROM scratch\n"
                                  'COPY --from=build /manager /crd-installer /\nENTRYPOINT ["/manager"]\n')
    write(tmp_path, "PROJECT", "domain: acme.io\nlayout:\n- go.kubebuilder.io/v4\nprojectName: op\n")
    write(tmp_path, "charts/op/Chart.yaml", "apiVersion: v2\nname: op\nversion: 0.1.0\n")
    write(tmp_path, "charts/op/values.yaml", "operator:\n  image:\n    repository: ghcr.io/acme/op\n    tag: v1\n")
    write(tmp_path, "charts/op/templates/deployment.yaml", _CHART_TEMPLATE + (
        "spec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n"
        "          image: {{ .Values.operator.image.repository }}\n"
        f"          command: [{command}]\n"
        "          resources:\n            limits:\n              memory: 256Mi\n"))
    findings = _run(tmp_path, "SL101").findings
    assert [f.path for f in findings] == reported
    # named for the chart, as its one template names its container, not for the values' `operator`
    assert all(f.message.startswith('container "op" of Helm chart op has') for f in findings)


@pytest.mark.parametrize("command, reported", [("/exporter", True), ("/manager", False)])
def test_a_command_names_a_program_below_the_one_its_image_builds(tmp_path, command, reported):
    """sidero's image builds its manager at its root and its siderolink manager in
    cmd/siderolink-manager; a container running `/siderolink-manager` runs the latter."""
    root = tmp_path / "theatre"
    go_module(root, {"main.go": SMALL_MAIN, "cmd/exporter/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(root, "Dockerfile", "FROM golang:1.25 AS build\nRUN go build ./...\n")
    write(root, "deploy/app.yaml", _SIZED.format(request="128Mi").replace(
        "ghcr.io/acme/api:1", f"ghcr.io/acme/theatre:1\n          command: [{command}]"))
    assert bool(_run(root, "SL101").findings) == reported


@pytest.mark.parametrize("operator_type, reported", [("non-standalone", False), ("standalone", True), (None, True),
                                                     ("# non-standalone", True)])
def test_a_scaffold_whose_bundle_another_operator_installs_is_not_what_users_run(tmp_path, operator_type, reported):
    """keystone-operator's CSV says `operator-type: non-standalone`: openstack-operator deploys
    it from a template of its own, at its own limit."""
    go_module(tmp_path, {"main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("128Mi"))
    annotation = f"    operators.operatorframework.io/operator-type: {operator_type}\n" if operator_type else ""
    if operator_type and operator_type.startswith("# "):  # commented out
        annotation = f"    # operators.operatorframework.io/operator-type: {operator_type[2:]}\n"
    write(tmp_path, "config/manifests/bases/app.clusterserviceversion.yaml",
          "apiVersion: operators.coreos.com/v1alpha1\nkind: ClusterServiceVersion\nmetadata:\n  annotations:\n"
          f"    capabilities: Basic Install\n{annotation}  name: app.v0.0.0\nspec: {{}}\n")
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


def test_two_kubebuilder_projects_of_one_module_are_two_programs(tmp_path):
    """sidero keeps two kubebuilder projects in one module, each scaffold naming its
    `controller-manager` and `manager`: two findings, neither the other's copy."""
    go_module(tmp_path, {"internal/watch/watch.go": _WATCHES})
    for project in ("app/caps", "app/metal"):
        write(tmp_path, f"{project}/main.go", _MAIN_IMPORTING_WATCH)
        write(tmp_path, f"{project}/PROJECT", "layout: go.kubebuilder.io/v4\n")
        write(tmp_path, f"{project}/config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    findings = _run(tmp_path, "SL101").findings
    assert sorted((f.location.path, f.related) for f in findings) == [
        ("app/caps/config/manager/manager.yaml", ()), ("app/metal/config/manager/manager.yaml", ())]


def test_a_charts_limit_may_be_given_by_resource_first(tmp_path):
    """cluster-api-provider-outscale's values say `resources.memory.limits`: a 128Mi limit."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    _write_chart(tmp_path, "charts/api", "api")
    write(tmp_path, "charts/api/values.yaml", "image:\n  repository: ghcr.io/acme/api\nresources:\n  memory:\n"
                                               "    requests: 128Mi\n    limits: 128Mi\n")
    assert [(f.location.path, f.location.line) for f in _run(tmp_path, "SL101").findings] == \
        [("charts/api/values.yaml", 6)]


@pytest.mark.parametrize("key, reported", [("repository", True), ("name", True), ("image", True),  # kafkaobjects
                                           ("pullPolicy", False)])
def test_a_charts_image_is_named_by_its_repository_or_its_name(tmp_path, key, reported):
    """kubechecks' chart names its image `deployment.image.name`, flanksource's `image.name`."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    _write_chart(tmp_path, "charts/api", "api")
    values = _CHART_VALUES.replace("  repository: ghcr.io/acme/api", f"  {key}: ghcr.io/acme/api")
    write(tmp_path, "charts/api/values.yaml", values.replace("64Mi", "100Mi"))
    assert [f.path for f in _run(tmp_path).findings] == (["charts/api/values.yaml"] if reported else [])


@pytest.mark.parametrize("key, reported", [("imageName", True), ("imageRepository", True),
                                           ("imagePullPolicy", False)])
def test_a_charts_image_may_sit_in_keys_of_its_own(tmp_path, key, reported):
    """jaehanbyun's redis-operator names its image `redisOperator.imageName` and `imageTag`."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    _write_chart(tmp_path, "charts/api", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n      - name: api\n"
        f'        image: "{{{{ .Values.api.{key} }}}}:{{{{ .Values.api.imageTag }}}}"\n'
        "        resources: {{ toYaml .Values.api.resources | nindent 10 }}\n"))
    write(tmp_path, "charts/api/values.yaml", f"api:\n  {key}: ghcr.io/acme/api\n  imageTag: v1\n"
                                               "  resources:\n    limits:\n      memory: 100Mi\n")
    assert [f.path for f in _run(tmp_path).findings] == (["charts/api/values.yaml"] if reported else [])


@pytest.mark.parametrize("name_value, shown", [("api-server", "api-server"), ("Not A Name", "api")])
def test_a_charts_container_named_from_its_values_is_shown_by_that_name(tmp_path, name_value, shown):
    """jaehanbyun's redis-operator writes `name: {{ .Values.redisOperator.name }}`: its message
    named the values' key, `redisOperator`, not the container `redis-operator`."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    _write_chart(tmp_path, "charts/api", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Values.api.name }}\n"
        "          image: {{ .Values.api.image }}\n"
        "          resources: {{ toYaml .Values.api.resources | nindent 12 }}\n"))
    write(tmp_path, "charts/api/values.yaml", f"api:\n  name: {name_value}\n  image: ghcr.io/acme/api:v1\n"
                                               "  resources:\n    limits:\n      memory: 100Mi\n")
    (finding,) = _run(tmp_path).findings
    assert finding.message.startswith(f'container "{shown}" of Helm chart api ')


@pytest.mark.parametrize("repository, name, reported", [
    ("ghcr.io/acme", "api", True),  # bifrost-gateway-controller: the image's name below a path
    ("ghcr.io/acme/api", "api", True),  # the name repeated
    ("ghcr.io/acme", "web", False),
])
def test_a_charts_image_may_be_a_repository_path_and_a_name(tmp_path, repository, name, reported):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    _write_chart(tmp_path, "charts/api", "api")
    values = _CHART_VALUES.replace("  repository: ghcr.io/acme/api", f"  repository: {repository}\n  name: {name}")
    write(tmp_path, "charts/api/values.yaml", values.replace("64Mi", "100Mi"))
    assert [f.path for f in _run(tmp_path).findings] == (["charts/api/values.yaml"] if reported else [])


def _findings_with_copies(root) -> list[tuple[str, list[str]]]:
    """SL101's findings as (path, the paths of its copies), sorted."""
    return sorted((f.path, [r.path for r in f.related]) for f in _run(root, "SL101").findings)


@pytest.mark.parametrize("template_env, reported", [
    ("", True),
    ("# GOMEMLIMIT: see the README\n", True),  # a comment tells the runtime nothing
    ("        - name: GOMEMLIMIT\n", False),
    ("            resourceFieldRef: {resource: limits.memory}\n", False),  # handed to the program
    ("            resourceFieldRef:\n              resource: 'limits.memory'\n", False),
    # atlas-operator: a CRD in the templates describes fields, telling the program nothing
    ("# ---\n        description: only limits.cpu and limits.memory are supported\n", True),
])
def test_a_helm_chart_is_the_install_its_manifest_copies(tmp_path, template_env, reported):
    """rds-controller: `helm/` installs what `config/controller` also deploys, at another limit.
    One finding, at the chart's values (what `helm install` deploys), the manifest related."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    _write_chart(tmp_path, "helm", "api-chart", template_more=template_env)
    findings = _run(tmp_path, "SL101").findings
    if not reported:
        assert [f.path for f in findings] == ["deploy/pod.yaml"]
        return
    assert [(f.path, f.location.line, [r.path for r in f.related]) for f in findings] == \
        [("helm/values.yaml", 8, ["deploy/pod.yaml"])]
    assert findings[0].message.startswith('container "api-chart" of Helm chart api-chart has a memory limit of 128Mi')
    assert "no template of the chart sets GOMEMLIMIT" in findings[0].message


@pytest.mark.parametrize("chart_request, reported", [("96Mi", ["helm/values.yaml"]), ("64Mi", [])])
def test_a_small_program_in_its_chart_is_not_reported_at_its_copies(tmp_path, chart_request, reported):
    """ACK's eks-controller: its chart asks 64Mi of 128Mi for a program that keeps no
    cluster-wide cache, a small program far below its limit; its config/controller (200Mi of
    300Mi), a copy for `make deploy`, is not what users install. (With `limit-over-request` at
    its former default, 2: at the default, no such program is reported.)"""
    go_module(tmp_path, {"cmd/api/main.go": SMALL_MAIN})
    write(tmp_path, ".startup-lint.toml", "[rules.SL101]\nlimit-over-request = 2.0\n")
    write(tmp_path, "deploy/pod.yaml", POD.replace("          memory: 512Mi\n", "          memory: 300Mi\n"
                                                   "        requests:\n          memory: 200Mi\n"))
    _write_chart(tmp_path, "helm", "api-chart")
    write(tmp_path, "helm/values.yaml", _CHART_VALUES.replace("96Mi", chart_request))
    assert [f.path for f in _run(tmp_path, "SL101").findings] == reported


def test_a_helm_chart_copies_the_manifest_of_its_own_program(tmp_path):
    """kubeedge: the module builds cloudcore and edgecore, each with a raw manifest; the chart
    installs cloudcore, a copy of that manifest's container, not of edgecore's."""
    go_module(tmp_path, {"cmd/cloudcore/main.go": MAIN, "cmd/edgecore/main.go": MAIN})
    for program in ("cloudcore", "edgecore"):
        write(tmp_path, f"build/{program}.yaml", POD.replace("name: api", f"name: {program}")
              .replace("acme/api", f"acme/{program}"))
    _write_chart(tmp_path, "charts/cloudcore", "cloudcore", "acme/cloudcore")
    assert _findings_with_copies(tmp_path) == [
        ("build/edgecore.yaml", []), ("charts/cloudcore/values.yaml", ["build/cloudcore.yaml"])]


def test_two_charts_of_two_programs_are_not_copies_of_one_manifest(tmp_path):
    """kaito: charts of cmd/ragengine and cmd/workspace beside one config/manager at the root;
    neither chart is known to install that manager, so nothing is merged."""
    go_module(tmp_path, {"cmd/ragengine/main.go": MAIN, "cmd/workspace/main.go": MAIN})
    write(tmp_path, "Dockerfile", "FROM golang:1.23\nRUN go build ./cmd/...\n")  # the image named for the module
    write(tmp_path, "deploy/pod.yaml", POD.replace("ghcr.io/acme/api", "acme/app"))
    for program in ("ragengine", "workspace"):
        _write_chart(tmp_path, f"charts/{program}", program, f"acme/{program}")
    assert _findings_with_copies(tmp_path) == [
        ("charts/ragengine/values.yaml", []), ("charts/workspace/values.yaml", []), ("deploy/pod.yaml", [])]


@pytest.mark.parametrize("resources, reported", [
    ("resources: {}\n", []),
    ("resources:\n  requests:\n    memory: 64Mi\n", []),
    ("resources:\n  limits:\n    memory: 30Mi\n", []),  # below min-limit-mib: the fix is a larger limit
    ("resources:\n  limits:\n    memory: 128Mi\n", ["charts/api/values.yaml"]),
    ("", ["deploy/pod.yaml"]),  # no `resources`: not known to be this program's container
])
def test_a_chart_that_sets_no_limit_is_what_users_install(tmp_path, resources, reported):
    """atlas-operator, redpanda-operator: the chart users install sets `resources: {}`, and
    config/manager's limit serves only `make deploy`: no limit to tell the runtime (and none
    worth telling under a tiny one)."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    _write_chart(tmp_path, "charts/api", "api")
    write(tmp_path, "charts/api/values.yaml", "image:\n  repository: ghcr.io/acme/api\n" + resources)
    assert [f.path for f in _run(tmp_path, "SL101").findings] == reported


@pytest.mark.parametrize("template", [
    "",  # open-feature-operator: the templates are generated at release, from config/
    '{{- include "render" (list "operator.render" .) -}}\n',  # redpanda: a program builds the Deployment
])
def test_a_chart_at_the_top_counts_whatever_its_templates_hold(tmp_path, template):
    """Only a subchart is known to run nothing when its templates declare no workload (see
    testdata/sl101/charts/suite): a chart users install may build its workloads out of sight."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    _write_chart(tmp_path, "charts/api", "api")
    write(tmp_path, "charts/api/templates/deployment.yaml", "apiVersion: v1\nkind: Namespace\n"
                    "metadata:\n  name: {{ .Release.Namespace }}\n" + template)
    assert _findings_with_copies(tmp_path) == [("charts/api/values.yaml", ["deploy/pod.yaml"])]


@pytest.mark.parametrize("chart_image, reported", [
    ("docker.example.com/acme/api-operator", []),  # the scaffold's image name: its program, no limit
    ("docker.example.com/acme/other", ["config/manager/manager.yaml"]),  # another image: not known as Go
])
def test_an_image_named_as_a_recognized_container_runs_its_program(tmp_path, chart_image, reported):
    """redpanda-operator: the chart's image is not named after a directory, but the kubebuilder
    scaffold runs an image of that name: the chart runs the manager, and sets no limit."""
    go_module(tmp_path, {"cmd/main.go": MAIN})
    write(tmp_path, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", POD.replace(
        "ghcr.io/acme/api:1", "vectorized/api-operator:v1\n      command: [/manager]").replace("name: api", "name: manager"))
    _write_chart(tmp_path, "charts/api", "api")
    write(tmp_path, "charts/api/values.yaml", f"image:\n  repository: {chart_image}\nresources: {{}}\n")
    assert [f.path for f in _run(tmp_path, "SL101").findings] == reported


@pytest.mark.parametrize("names, findings", [
    (("api", "$NAME"), 1),  # sveltos-agent: the template filled in by envsubst is the same install
    (("api", "${NAME}"), 1),
    (("api", "prod-api", "$NAME"), 1),  # a kustomize namePrefix's copy, and the template's
    (("api-aws", "api-gcp", "$NAME"), 3),  # which of two installs the template makes is not known
    (("api", "api-{{.SHARD}}"), 1),  # access-manager's shard, a Go template its Makefile fills in
    (("api", "api-{{ .Values.shard }}"), 1),
])
def test_a_workload_named_by_a_placeholder_is_a_copy_of_the_one_it_fills_in(tmp_path, names, findings):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    for number, name in enumerate(names):
        write(tmp_path, f"deploy/{number}.yaml", POD.replace("  name: api", f"  name: {name}", 1))
    assert len(_run(tmp_path, "SL101").findings) == findings


@pytest.mark.parametrize("commands, findings", [
    (("[/api, serve]", "[/api, serve]"), 1),  # a kustomize namePrefix's copy
    # network-services-operator's `manager` and `cell-controller-manager` run two subcommands
    (("[/api, serve]", "[/api, cell-serve]"), 2),
])
def test_a_workload_prefixed_like_another_is_a_copy_only_of_the_same_run(tmp_path, commands, findings):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    for number, (name, command) in enumerate(zip(("api", "cell-api"), commands)):
        write(tmp_path, f"deploy/{number}.yaml", POD.replace("  name: api", f"  name: {name}", 1).replace(
            "image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/api:1\n      command: {command}"))
    assert len(_run(tmp_path, "SL101").findings) == findings


@pytest.mark.parametrize("values, reported", [
    # cattage: the image at the top level, the resources under the component that runs it
    ("image:\n  repository: ghcr.io/acme/api\ncontroller:\n  resources: {}\n", []),
    ("image:\n  repository: ghcr.io/acme/api\ncontroller:\n  resources:\n    limits: {memory: 128Mi}\n",
     ["charts/api/values.yaml"]),
    # database-user-operator: and a sidecar that holds both, written out
    ("image:\n  repository: ghcr.io/acme/api\ncontrollerManager:\n  resources:\n    limits: {memory: 128Mi}\n"
     "kubeRbacProxy:\n  image:\n    repository: quay.io/brancz/kube-rbac-proxy\n  resources:\n"
     "    limits: {memory: 64Mi}\n", ["charts/api/values.yaml"]),
    # kepler-operator: the images of what the operator deploys beside its own: which one the
    # resources are for is not known
    ("operator:\n  image: ghcr.io/acme/api\nagent:\n  image: ghcr.io/acme/agent\nresources: {}\n",
     ["deploy/pod.yaml"]),
    # hns: the images by component, `image.manager` for the component `manager`
    ("image:\n  manager:\n    repository: ghcr.io/acme/api\nmanager:\n  resources:\n    limits: {memory: 128Mi}\n",
     ["charts/api/values.yaml"]),
    ("image:\n  manager:\n    repository: ghcr.io/acme/api\nworker:\n  resources:\n    limits: {memory: 128Mi}\n",
     ["deploy/pod.yaml"]),
    # hibernator: the resources by component too, `resources.controller` for `image.controller`
    ("image:\n  controller:\n    repository: ghcr.io/acme/api\n  runner:\n    repository: ghcr.io/acme/runner\n"
     "resources:\n  controller:\n    limits: {memory: 512Mi}\n  runner:\n    limits: {memory: 1Gi}\n",
     ["charts/api/values.yaml"]),
])
def test_a_chart_with_one_image_and_one_resources_apart_runs_one_container(tmp_path, values, reported):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    _write_chart(tmp_path, "charts/api", "api")
    write(tmp_path, "charts/api/values.yaml", values)
    assert [f.path for f in _run(tmp_path, "SL101").findings] == reported


@pytest.mark.parametrize("image, resources, reported", [
    # istio-ratelimit-operator: the chart's one workload writes `operator.image` and the top-level
    # `resources`, beside the images of what the operator deploys
    ("{{ .Values.operator.image }}", "resources: {{ toYaml .Values.resources | nindent 12 }}",
     ["charts/api/values.yaml"]),
    ("{{ .Values.operator.image }}", "resources:\n            {{- toYaml .Values.resources | nindent 12 }}",
     ["charts/api/values.yaml"]),
    ("{{ .Values.agent.image }}", "resources: {{ toYaml .Values.resources | nindent 12 }}", ["deploy/pod.yaml"]),
    # resources written from another key: which settings the chart's container has is not known
    ("{{ .Values.operator.image }}", "resources: {{ toYaml .Values.limits | nindent 12 }}", ["deploy/pod.yaml"]),
])
def test_a_charts_workload_template_pairs_an_image_with_resources_apart(tmp_path, image, resources, reported):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    _write_chart(tmp_path, "charts/api", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: manager\n"
        f"          image: {image}\n          {resources}\n"))
    # The images of what the operator deploys, handed to it in a ConfigMap.
    write(tmp_path, "charts/api/templates/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n"
          "data:\n  operator: {{ .Values.operator.image }}\n  agent: {{ .Values.agent.image }}\n")
    write(tmp_path, "charts/api/values.yaml", "operator:\n  image: ghcr.io/acme/api\nagent:\n  image: ghcr.io/acme/agent\n"
          "resources:\n  limits: {memory: 256Mi}\nlimits: {}\n")
    assert [f.path for f in _run(tmp_path, "SL101").findings] == reported


@pytest.mark.parametrize("reads, reported", [
    ("{{ .Values.operator.image.repository }} {{ toYaml .Values.operator.resources }}", ["charts/api/values.yaml:4"]),
    ("{{ with .Values.operator }}{{ .image.repository }}{{ .resources }}{{ end }}", ["charts/api/values.yaml:4"]),
    # a key read some other way, or the values read whole: each component may run
    ("{{ .Values.operator.image.repository }} {{ .Values.operator.resources }} {{ index .Values \"sample\" }}",
     ["charts/api/values.yaml:4", "charts/api/values.yaml:8"]),
    ("{{ .Values.operator.image.repository }} {{ .Values.operator.resources }} {{ $.Values.sample }}",
     ["charts/api/values.yaml:4", "charts/api/values.yaml:8"]),
    ("{{ toYaml .Values }}", ["charts/api/values.yaml:4", "charts/api/values.yaml:8"]),
    # a template's comment reads nothing (aboutcontroller's helpers: "the root context with .Values")
    ("{{ .Values.operator.image.repository }} {{ .Values.operator.resources }} {{/* with .Values, */}}",
     ["charts/api/values.yaml:4"]),
    ("{{ .Values.operator.image.repository }} {{ .Values.operator.resources }} {{- /* with\n.Values */ -}}",
     ["charts/api/values.yaml:4"]),
    # natz-operator's account-server chart: the image read, the resources never written
    ("{{ .Values.operator.image.repository }} {{ .Values.operator.securityContext }}", []),
    # nats-auth-operator's chart: a sample's image and resources, neither read
    ("{{ .Values.operator.image.repository }} {{ .Values.operator.resources }} {{ $.Values.sample.name }}",
     ["charts/api/values.yaml:4"]),
    # cloudnative-observability-operator: the values given a variable whole, read a field at a time
    ('{{- $vals := .Values -}} {{ $vals.operator.image.repository }} {{ (hasKey $vals "operator") }} '
     "{{ $vals.operator.resources }}", ["charts/api/values.yaml:4"]),
    ("{{- $vals := .Values -}} {{ $vals.operator.image.repository }} {{ $vals.operator.securityContext }}", []),
    ("{{- $vals := .Values -}} {{ $vals.operator.image.repository }} {{ toYaml $vals }}",  # whole
     ["charts/api/values.yaml:4", "charts/api/values.yaml:8"]),
])
def test_a_component_no_template_reads_runs_no_container(tmp_path, reads, reported):
    """autocache: the values hold a sample cluster's image and resources that no template
    reads (the chart's one workload is the operator), so the chart runs no such container.
    Resources no template reads are no limit the chart sets."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN, "cmd/sample/main.go": MAIN})
    _write_chart(tmp_path, "charts/api", "api", template_more=f"# {reads}\n")
    write(tmp_path, "charts/api/values.yaml", "operator:\n  image: {repository: ghcr.io/acme/api}\n"
          "  resources:\n    limits: {memory: 128Mi}\nsample:\n  image: {repository: ghcr.io/acme/sample}\n"
          "  resources:\n    limits: {memory: 1Gi}\n")
    assert [f"{f.path}:{f.location.line}" for f in _run(tmp_path, "SL101").findings] == reported


def test_a_copy_of_the_chart_without_a_limit_is_related_as_such(tmp_path):
    """Two charts of one name, the deeper one setting no limit: one finding, at the chart
    that sets one, the other related with what it sets."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    _write_chart(tmp_path, "chart/api", "api")
    _write_chart(tmp_path, "deploy/helm/api", "api")
    write(tmp_path, "deploy/helm/api/values.yaml", "image:\n  repository: ghcr.io/acme/api\nresources: {}\n")
    [finding] = _run(tmp_path, "SL101").findings
    assert (finding.path, [(r.path, r.message.endswith("(no memory limit)")) for r in finding.related]) == \
        ("chart/api/values.yaml", [("deploy/helm/api/values.yaml", True)])


_HELMIFY_INSTALL = "LOCALBIN ?= $(shell pwd)/bin\nHELMIFY ?= $(LOCALBIN)/helmify\n\n$(HELMIFY):\n" \
    "\ttest -s $(LOCALBIN)/helmify || GOBIN=$(LOCALBIN) go install github.com/arttor/helmify/cmd/helmify@latest\n"


@pytest.mark.parametrize("chart, makefile, written_by, fix", [
    # gitopssets-controller: kustomize's build piped into helmify, the chart's directory its argument
    ("charts/api", "HELMIFY ?= $(LOCALBIN)/helmify\nhelm:\n\t$(KUSTOMIZE) build config/default | $(HELMIFY) "
     "-crd-dir charts/api\n", 3, "in the manifests kustomize builds from config/default, from which"),
    # dependencytrack-operator: the directory in a variable, the manifests redirected in
    ("charts/api", "CHART_DIR ?= charts/api\n\nhelm-chart:\n\tmkdir -p $(CHART_DIR)\n\t./build.sh > \"$$tmp\" && "
     "helmify -crd-dir $(CHART_DIR) < \"$$tmp\" 2>/dev/null\n", 5, "in the manifests, from which"),
    # helmify's README: installed by one recipe, run with no argument (it writes ./chart) by another
    ("chart", _HELMIFY_INSTALL + "\nhelm:\n\t$(KUSTOMIZE) build config/default | $(HELMIFY)\n", 8, None),
    ("chart", _HELMIFY_INSTALL, None, None),  # only installed
    ("chart", "helm:\n\t@echo \"helmify writes chart\"\n", None, None),
    ("charts/api", "helm:\n\tkustomize build config/default | \\\n\t  helmify charts/api 2>&1 &\n", 2, None),
    ("charts/api", "HELMIFY ?= bin/helmify-v0.4.13\nhelm:\n\tkustomize build config/default | $(HELMIFY) charts/api\n",
     3, None),
    ("charts/api", "helm:\n\thelmify -f deploy/install.yaml charts/api\n", 2, "in deploy/install.yaml, from which"),
    # an earlier recipe builds with kustomize too (kubecloudscaler's `deploy`)
    ("charts/api", "deploy:\n\tkustomize build config/default --enable-helm | kubectl apply -f -\nhelm:\n"
     "\tkustomize build config/default | helmify charts/api\n", 4, "in the manifests kustomize builds from config/default"),
    ("charts/api", "helm:\n\tkustomize build config/default | helmify -f - charts/other\n", None, None),
    ("charts/api", "helm:\n\tkustomize build config/default | helmify\n", None, None),  # writes ./chart
    ("charts/api", "helm:\n\t$(KUSTOMIZE) build config/default | go run github.com/arttor/helmify/cmd/helmify@v0.4.13 "
     "charts/api  # regenerate\n", 2, "in the manifests kustomize builds from config/default, from which"),
    ("charts/api", "helm:\n\tcd config && (kustomize build default | env GOFLAGS=-mod=mod time helmify ../charts/api)\n",
     2, "in the manifests kustomize builds from config/default, from which"),
    ("charts/api", "helm:\n\t@# kustomize build config/default | helmify charts/api\n", None, None),  # commented out
    ("charts/api", "helm:\n\thelmify -f /dev/stdin charts/api < all.yaml\n", 2, "in the manifests, from which"),
    ("charts/api", "helm:\n\thelmify -f $(MANIFESTS) charts/api\n", 2, "in the manifests, from which"),
])
def test_a_chart_helmify_writes_is_fixed_where_it_is_written_from(tmp_path, chart, makefile, written_by, fix):
    """A chart a Makefile writes with helmify from the kustomize manifests loses what is
    changed in it the next time it is written: the fix goes to the manifests, named with
    the Makefile's line."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    _write_chart(tmp_path, chart, "api")
    write(tmp_path, "Makefile", makefile)
    [finding] = _run(tmp_path, "SL101").findings
    related = [(r.path, r.line) for r in finding.related if r.message == "helmify writes the chart here"]
    assert (finding.path, related, "helmify generates the chart (Makefile:" in finding.message) == \
        (f"{chart}/values.yaml", [("Makefile", written_by)] if written_by else [], written_by is not None)
    assert fix is None or fix in finding.message
    assert "is not told: no template of the chart sets GOMEMLIMIT and the code sets none" in finding.message


_TOLD = "          env:\n            - name: GOMEMLIMIT\n              value: 460MiB\n"


@pytest.mark.parametrize("recipe, copies, fix", [
    ("kustomize build config/default | helmify charts/api", {"config/manager/manager.yaml": ""},
     "set GOMEMLIMIT to about 90% of the limit in config/manager/manager.yaml, from which helmify generates the chart"),
    ("kustomize build config/default | helmify charts/api", {"config/manager/manager.yaml": _TOLD},
     "write the chart again with helmify (Makefile:2): the manifests it is generated from give GOMEMLIMIT to the "
     "container (config/manager/manager.yaml)"),
    # the copy that sets it is not what helmify reads
    ("helmify -f deploy/install.yaml charts/api", {"config/manager/manager.yaml": _TOLD, "deploy/install.yaml": ""},
     "in deploy/install.yaml, from which helmify generates the chart"),
    ("kustomize build config/default | helmify charts/api", {"config/manager/manager.yaml": "",
                                                             "deploy/dev/manager.yaml": _TOLD},
     "in config/manager/manager.yaml, from which helmify generates the chart"),
    ("kustomize build config/default --enable-helm | helmify charts/api",
     {"config/manager/manager.yaml": "", "config/overlays/dev/manager.yaml": _TOLD},
     "set GOMEMLIMIT to about 90% of the limit in config/manager/manager.yaml, from which helmify generates the chart"),
    # an overlay of the same tree; manifests written to a file first, helmify's input unknown
    ("kustomize build config/overlays/helm | helmify charts/api", {"config/manager/manager.yaml": _TOLD},
     "write the chart again with helmify (Makefile:2): the manifests it is generated from give GOMEMLIMIT to the "
     "container (config/manager/manager.yaml)"),
    ("helmify charts/api < /tmp/out.yaml", {"config/manager/manager.yaml": _TOLD},
     "write the chart again with helmify (Makefile:2) if it is written from config/manager/manager.yaml, which "
     "gives the container GOMEMLIMIT"),
    # a sibling overlay's copy is not what this build takes
    ("kustomize build config/overlays/helm | helmify charts/api", {"config/manager/manager.yaml": "",
                                                                   "config/overlays/dev/manager.yaml": _TOLD},
     "in config/manager/manager.yaml, from which helmify generates the chart"),
])
def test_a_chart_helmify_writes_from_a_told_copy_is_only_written_again(tmp_path, recipe, copies, fix):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    _write_chart(tmp_path, "charts/api", "api")
    write(tmp_path, "Makefile", f"helm:\n\t{recipe}\n")
    for path, env in copies.items():
        write(tmp_path, path, _SIZED.format(request="256Mi") + env)
    # kubebuilder's layout: config/default builds config/manager, an overlay builds config/default
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n  - manager.yaml\n")
    write(tmp_path, "config/default/kustomization.yaml", "resources:\n  - ../manager\n")
    write(tmp_path, "config/overlays/helm/kustomization.yaml", "bases:\n  - ../../default\n")
    write(tmp_path, "config/overlays/dev/kustomization.yaml", "resources:\n  - ../../default\n  - manager.yaml\n")
    [finding] = _run(tmp_path, "SL101").findings
    assert finding.path == "charts/api/values.yaml" and fix in finding.message, finding.message


_MANAGER_DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: controller-manager
spec:
  template:
    spec:
      containers:
        - name: manager
          image: ghcr.io/acme/api:1
%s"""
_LIMITED = "          resources:\n            limits:\n              memory: 512Mi\n"


@pytest.mark.parametrize("patches, container, variable, reported", [
    ("patches:\n  - path: env_patch.yaml\n", "manager", "GOMEMLIMIT", False),  # event-manager
    ("patchesStrategicMerge:\n  - env_patch.yaml\n", "manager", "GOMEMLIMIT", False),
    # any variable a patch gives the limit (resourceFieldRef) hands it over, as in the base itself
    ("patches:\n  - path: env_patch.yaml\n", "manager", "APP_MEMORY", False),
    ("patches:\n  - path: env_patch.yaml\n", "kube-rbac-proxy", "GOMEMLIMIT", True),  # another container's
    ("", "manager", "GOMEMLIMIT", True),  # a patch file no kustomization applies
])
def test_a_kustomize_patch_that_sets_gomemlimit_tells_its_base(tmp_path, patches, container, variable, reported):
    """kubebuilder's config/default patches config/manager's container; the build users install
    has the patch's GOMEMLIMIT."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "config/manager/manager.yaml", _MANAGER_DEPLOYMENT % _LIMITED)
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n  - manager.yaml\n")
    write(tmp_path, "config/default/kustomization.yaml", "namePrefix: api-\nresources:\n  - ../manager\n" + patches)
    env = (f"          env:\n            - name: {variable}\n              valueFrom:\n"
           "                resourceFieldRef: {resource: limits.memory}\n")
    write(tmp_path, "config/default/env_patch.yaml",
          (_MANAGER_DEPLOYMENT % env).replace("name: manager", f"name: {container}"))
    assert [f.path for f in _run(tmp_path, "SL101").findings] == (["config/manager/manager.yaml"] if reported else [])


@pytest.mark.parametrize("applied, listed", [(True, "resources"), (False, "resources"), (True, "bases")])
def test_a_kustomize_patch_that_sets_the_limit_is_the_limit_installed(tmp_path, applied, listed):
    """saas-operator: config/default patches config/manager's 128Mi limit to 2Gi; the finding
    names the limit `kustomize build` installs, where the patch sets it. cluster-api-provider-bke
    lists its base under `bases`, their older name."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "config/manager/manager.yaml", _MANAGER_DEPLOYMENT % _LIMITED)
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n  - manager.yaml\n")
    write(tmp_path, "config/default/kustomization.yaml",
          f"{listed}:\n  - ../manager\n" + ("patches:\n  - path: limit_patch.yaml\n" if applied else ""))
    write(tmp_path, "config/default/limit_patch.yaml", (_MANAGER_DEPLOYMENT % _LIMITED.replace("512Mi", "2Gi")).replace(
        "          image: ghcr.io/acme/api:1\n", ""))
    [finding] = _run(tmp_path, "SL101").findings
    if applied:
        assert (finding.path, finding.location.line) == ("config/default/limit_patch.yaml", 12)
        assert "a memory limit of 2Gi" in finding.message
    else:
        assert (finding.path, "a memory limit of 512Mi" in finding.message) == ("config/manager/manager.yaml", True)


_NEVER_PULLED_OPERATION = """\
- op: replace
  path: /spec/template/spec/containers/0/imagePullPolicy
  value: Never
"""


@pytest.mark.parametrize("layout", ["one patch", "split", "json 6902", "inline", "json", "inline merge",
                                    "targeted merge", "whole container"])
def test_a_development_overlays_limit_is_not_the_bases(tmp_path, layout):
    """datum-cloud's `overlays/dev` patches the manager down to 128Mi for an image loaded with
    `kind load` (imagePullPolicy: Never): the base still installs its own limit, also when the
    overlay sets the pull policy in a patch of its own, a JSON 6902 one or one written inline."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "config/manager/manager.yaml", _MANAGER_DEPLOYMENT % _LIMITED)
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n  - manager.yaml\n")
    never_patch = {
        "one patch": "", "split": "  - path: pull_policy_patch.yaml\n",
        "json 6902": "  - path: pull_policy_patch.yaml\n    target: {kind: Deployment, name: controller-manager}\n",
        "inline": "  - target: {kind: Deployment}\n    patch: |-\n" +
                  "".join("      " + line + "\n" for line in _NEVER_PULLED_OPERATION.splitlines()),
        "json": "  - target: {kind: Deployment, name: controller-manager}\n    patch: '[{\"op\": \"replace\", "
                "\"path\": \"/spec/template/spec/containers/0/imagePullPolicy\", \"value\": \"Never\"}]'\n",
        "inline merge": "  - patch: |-\n" + "".join(
            "      " + line + "\n" for line in (_MANAGER_DEPLOYMENT % "").replace(
                "          image: ghcr.io/acme/api:1\n", "          imagePullPolicy: Never\n").splitlines()),
        # kustomize's docs' style: a target, and a placeholder name in the patch
        "targeted merge": "  - target: {kind: Deployment}\n    patch: |-\n" + "".join(
            "      " + line + "\n" for line in (_MANAGER_DEPLOYMENT % "").replace("name: controller-manager",
                "name: not-important").replace("          image: ghcr.io/acme/api:1\n",
                                               "          imagePullPolicy: Never\n").splitlines()),
        "whole container": "  - target: {kind: Deployment, name: controller-manager}\n    patch: |-\n"
                           "      - op: replace\n        path: /spec/template/spec/containers/0\n"
                           "        value: {name: manager, image: api:dev, imagePullPolicy: Never}\n"}[layout]
    write(tmp_path, "config/overlays/dev/kustomization.yaml", "resources:\n  - ../../manager\npatches:\n"
          "  - path: limit_patch.yaml\n" + never_patch)
    limit = (_MANAGER_DEPLOYMENT % _LIMITED.replace("512Mi", "128Mi")).replace("          image: ghcr.io/acme/api:1\n", "")
    never = (_MANAGER_DEPLOYMENT % "").replace("          image: ghcr.io/acme/api:1\n", "          imagePullPolicy: Never\n")
    write(tmp_path, "config/overlays/dev/limit_patch.yaml", limit.replace(
        "          resources:", "          imagePullPolicy: Never\n          resources:") if layout == "one patch" else limit)
    if layout in ("split", "json 6902"):
        write(tmp_path, "config/overlays/dev/pull_policy_patch.yaml", never if layout == "split" else _NEVER_PULLED_OPERATION)
    [finding] = _run(tmp_path, "SL101").findings
    assert (finding.path, "a memory limit of 512Mi" in finding.message) == ("config/manager/manager.yaml", True)


@pytest.mark.parametrize("never", [
    "          # imagePullPolicy: Never  (uncomment to test with kind load)\n",  # a comment sets nothing
    None,  # a test Job of the overlay pulls nothing, not the manager
])
def test_a_production_overlays_limit_stays_its_own(tmp_path, never):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "config/manager/manager.yaml", _MANAGER_DEPLOYMENT % _LIMITED)
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n  - manager.yaml\n")
    job_patch = "" if never else ("  - target: {kind: Job, name: smoke-test}\n    patch: |-\n      - op: add\n"
                                  "        path: /spec/template/spec/containers/0/imagePullPolicy\n        value: Never\n")
    write(tmp_path, "config/default/kustomization.yaml",
          "resources:\n  - ../manager\npatches:\n  - path: limit_patch.yaml\n" + job_patch)
    limit = (_MANAGER_DEPLOYMENT % _LIMITED.replace("512Mi", "2Gi")).replace("          image: ghcr.io/acme/api:1\n", never or "")
    write(tmp_path, "config/default/limit_patch.yaml", limit)
    [finding] = _run(tmp_path, "SL101").findings
    assert finding.path == "config/default/limit_patch.yaml" and "a memory limit of 2Gi" in finding.message


_JSON_PATCHES = {
    "resources": "- op: add\n  path: /spec/template/spec/containers/0/resources\n  value:\n    requests:\n"
                 "      memory: 256Mi\n    limits:\n      memory: 2Gi\n",
    "memory": "- op: replace\n  path: /spec/template/spec/containers/0/resources/limits/memory\n  value: 2Gi\n",
    "env": "- op: add\n  path: /spec/template/spec/containers/0/env/-\n  value:\n    name: GOMEMLIMIT\n"
           "    value: 1800MiB\n",
    "second": "- op: add\n  path: /spec/template/spec/containers/1/resources\n  value:\n    limits:\n"
              "      memory: 2Gi\n",  # another container's
    # the whole list (Meridio-2's config/default), GOMEMLIMIT among other variables
    "env list": "- op: add\n  path: /spec/template/spec/containers/0/env\n  value:\n  - name: APP_MODE\n"
                "    value: fast\n  - name: GOMEMLIMIT\n    value: 1800MiB\n",
}


@pytest.mark.parametrize("patch, target, expected", [
    ("resources", "kind: Deployment", ("config/default/limit_patch.yaml", "2Gi")),  # altinn-platform
    ("memory", "kind: Deployment\n      name: controller-manager", ("config/default/limit_patch.yaml", "2Gi")),
    ("env", "kind: Deployment", None),
    ("env list", "kind: Deployment", None),
    ("second", "kind: Deployment", ("config/manager/manager.yaml", "512Mi")),
    ("resources", "kind: StatefulSet", ("config/manager/manager.yaml", "512Mi")),  # another workload's
    ("resources", "kind: Deployment\n      name: other", ("config/manager/manager.yaml", "512Mi")),
])
def test_a_json_patch_that_sets_memory_is_what_is_installed(tmp_path, patch, target, expected):
    """altinn-platform's config/default adds `resources` with 512Mi to `containers/0` of the
    Deployment its target selects, over its scaffold's 128Mi: a JSON 6902 patch."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "config/manager/manager.yaml", _MANAGER_DEPLOYMENT % _LIMITED)
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n  - manager.yaml\n")
    write(tmp_path, "config/default/kustomization.yaml",
          f"resources:\n  - ../manager\npatches:\n  - path: limit_patch.yaml\n    target:\n      {target}\n")
    write(tmp_path, "config/default/limit_patch.yaml", _JSON_PATCHES[patch])
    findings = _run(tmp_path, "SL101").findings
    assert [(f.path, f.message.split("memory limit of ")[1].split()[0]) for f in findings] == \
        ([expected] if expected else [])


@pytest.mark.parametrize("api_version, kind, reported", [
    ("apps/v1", "DaemonSet", True),
    ("apps/v1beta2", "DaemonSet", False),  # do-agent's: no cluster since Kubernetes 1.16 applies it
    ("extensions/v1beta1", "Deployment", False),
    ("batch/v1", "CronJob", True),
    ("batch/v1beta1", "CronJob", False),  # not served since 1.25
])
def test_a_workload_in_an_api_version_no_longer_served_is_not_read(tmp_path, api_version, kind, reported):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    spec = "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1\n" \
           "          resources:\n            limits:\n              memory: 512Mi\n"
    if kind == "CronJob":
        spec = "spec:\n  schedule: '@hourly'\n  jobTemplate:\n    " + spec.replace("\n", "\n    ").rstrip() + "\n"
    write(tmp_path, "deploy/api.yaml", f"apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: api\n{spec}")
    assert [f.path for f in _run(tmp_path, "SL101").findings] == (["deploy/api.yaml"] if reported else [])


def test_a_chart_is_reported_rather_than_its_variant_named_with_a_suffix(tmp_path):
    """kube-arangodb: `chart/kube-arangodb-arm64` repeats `chart/kube-arangodb` for another
    platform and sorts first by path; the finding goes to the base chart, the variant related."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    for name in ("api-arm64", "api"):
        _write_chart(tmp_path, f"chart/{name}", name)
    assert _findings_with_copies(tmp_path) == [("chart/api/values.yaml", ["chart/api-arm64/values.yaml"])]


_BUNDLE = """\
apiVersion: operators.coreos.com/v1alpha1
kind: ClusterServiceVersion
metadata:
  name: api-operator.v1.0.0
spec:
  install:
    spec:
      deployments:
        - name: api-operator
          spec:
            template:
              spec:
                containers:
                  - name: {name}
                    image: ghcr.io/acme/api:1
                    resources:
                      limits:
                        memory: 256Mi
"""


@pytest.mark.parametrize("name, copies", [("api", True), ("sidecar", False)])
def test_an_olm_bundle_copies_the_manifest_it_is_generated_from(tmp_path, name, copies):
    """k8s-nim-operator: the bundle's `k8s-nim-operator` Deployment is config/manager's
    `controller-manager` under another name: one finding, the bundle related."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    write(tmp_path, "bundle/manifests/api.clusterserviceversion.yaml", _BUNDLE.format(name=name))
    expected = [("bundle/manifests/api.clusterserviceversion.yaml", [])] if not copies else []
    assert _findings_with_copies(tmp_path) == sorted(
        expected + [("deploy/pod.yaml", ["bundle/manifests/api.clusterserviceversion.yaml"] if copies else [])])


def test_an_olm_bundle_does_not_lead_the_copies_of_its_container(tmp_path):
    """cloudflare-operator's bundle, generated long ago (its image a newer tag than the
    placeholder its kustomization gives), led the install its chart ships deeper in the tree:
    read as the wrong place for the fix."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "charts/api/files/manifests/install.yaml", POD.replace("api:1", "api:0.0.1"))
    write(tmp_path, "bundle/manifests/api.clusterserviceversion.yaml",
          _BUNDLE.format(name="api").replace("api:1", "api:1.4.0"))
    assert _findings_with_copies(tmp_path) == [
        ("charts/api/files/manifests/install.yaml", ["bundle/manifests/api.clusterserviceversion.yaml"])]


def _scaffold_manager(root, directory: str, container: str, command: str, limit: str = "256Mi") -> None:
    """A kubebuilder project's `config/manager` in `directory`, running the placeholder image."""
    write(root, f"{directory}/PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    write(root, f"{directory}/config/manager/manager.yaml", _SIZED.format(request="64Mi").replace(
        "ghcr.io/acme/api:1", f"controller:latest\n          command: [{command}]").replace(
        "name: api\n          image", f"name: {container}\n          image").replace("512Mi", limit).replace(
        "name: api\n", "name: controller-manager\n"))
    write(root, f"{directory}/config/manager/kustomization.yaml", "resources:\n- manager.yaml\n")


def test_scaffolds_of_one_image_running_different_programs_are_no_copies(tmp_path):
    """doca-platform: four `config/<program>/manager` scaffolds of one module, each a
    `controller-manager` whose `manager` runs its own command in one image; they were joined
    as copies of one program (the finding named three other programs as its own)."""
    go_module(tmp_path, {"cmd/provisioning/main.go": MAIN, "cmd/servicechainset/main.go": MAIN})
    for program in ("provisioning", "servicechainset"):
        write(tmp_path, f"config/{program}/manager/manager.yaml", _SIZED.format(request="64Mi").replace(
            "ghcr.io/acme/api:1", f"controller:latest\n          command: [/{program}]").replace(
            "name: api\n          image", "name: manager\n          image").replace("name: api\n", "name: controller-manager\n"))
        write(tmp_path, f"config/{program}/manager/kustomization.yaml", "resources:\n- manager.yaml\nimages:\n"
                                                                       "- name: controller\n  newName: ghcr.io/acme/system\n")
    assert _findings_with_copies(tmp_path) == [("config/provisioning/manager/manager.yaml", []),
                                               ("config/servicechainset/manager/manager.yaml", [])]


def test_copies_of_one_deployment_recognized_apart_are_still_copies(tmp_path):
    """A scaffold placed at the program its Dockerfile builds, and an install of the same
    Deployment, command and limit placed by its image's name: one finding."""
    go_module(tmp_path, {"cmd/main.go": MAIN, "cmd/api-operator/main.go": MAIN}, module="example.com/api-operator")
    write(tmp_path, "Dockerfile", "FROM golang:1.25 AS build\nCOPY . .\nRUN go build -o manager cmd/main.go\n")
    _scaffold_manager(tmp_path, ".", "manager", "/manager", limit="256Mi")
    installed = (tmp_path / "config/manager/manager.yaml").read_text().replace("controller:latest", "ghcr.io/acme/api-operator:v1.0.0")
    write(tmp_path, "deploy/install.yaml", installed)
    assert len(_findings_with_copies(tmp_path)) == 1


def test_a_bundle_whose_image_names_the_module_copies_its_one_manager(tmp_path):
    """AKO's ako-operator: its bundle runs `.../ako-operator@sha256:...`, named for the module,
    whose Dockerfile builds `cmd/main.go` for `config/manager`: one program, one finding."""
    go_module(tmp_path / "api-operator", {"cmd/main.go": MAIN}, module="example.com/api-operator")
    write(tmp_path, "api-operator/Dockerfile", "FROM golang:1.25 AS build\nCOPY . .\n"
                                               "RUN go build -o api-operator cmd/main.go\n")
    _scaffold_manager(tmp_path, "api-operator", "api-operator", "/api-operator", limit="256Mi")
    write(tmp_path, "api-operator/bundle/manifests/api.clusterserviceversion.yaml", _BUNDLE.format(
        name="api-operator").replace("ghcr.io/acme/api:1", "ghcr.io/acme/api-operator@sha256:" + "0" * 64))
    assert _findings_with_copies(tmp_path) == [
        ("api-operator/config/manager/manager.yaml", ["api-operator/bundle/manifests/api.clusterserviceversion.yaml"])]


def test_an_image_naming_a_module_of_one_program_runs_that_program(tmp_path):
    """gobackup-operator: its chart and a plain Deployment run the image named for the module,
    its kubebuilder scaffold the placeholder; the module's one program is cmd/: one finding, at
    the chart."""
    go_module(tmp_path, {"cmd/main.go": MAIN}, module="example.com/api")
    _scaffold_manager(tmp_path, ".", "manager", "/manager", limit="128Mi")
    write(tmp_path, "config/manager/deployment.yaml", _SIZED.format(request="100Mi").replace("512Mi", "100Mi"))
    _write_chart(tmp_path, "charts/api", "api")
    assert _findings_with_copies(tmp_path) == [
        ("charts/api/values.yaml", ["config/manager/deployment.yaml", "config/manager/manager.yaml"])]


# A main package of plugins that also runs them alone (`go run`), as loongcollector's does.
_C_SHARED_PLUGIN = """\
package main

import "C" //nolint:typecheck

import "k8s.io/client-go/informers"

//export InitPlugins
func InitPlugins() int {
	informers.NewSharedInformerFactory(nil, 0)
	return 0
}

func main() { InitPlugins() }
"""


@pytest.mark.parametrize("change, service, build, reported", [
    (("", ""), False, "Makefile", False),
    (("\n", "\r\n"), False, "scripts/plugin_build.sh", False),  # CRLF sources
    (("", ""), False, "docker/Dockerfile.production", False),  # wherever the build says so
    (("", ""), False, "core/CMakeLists.txt", False),
    (("//export", "// export"), False, "Makefile", True),  # no export: a program
    (('import "C" //nolint:typecheck\n', ""), False, "Makefile", True),  # no cgo: `//export` is a comment
    (("", ""), True, "Makefile", True),  # a service at the root beside the plugin: the image runs it
    (("", ""), False, None, True),  # built as any program: a callback handed to C
    (("", ""), False, "third_party/libfoo/build.sh", True),  # another library's build
])
def test_an_image_naming_a_module_of_a_c_shared_plugin_runs_another_program(tmp_path, change, service, build, reported):
    """loongcollector: its image, named for its module, runs its C++ agent, which loads the
    module's main package its Makefile builds with -buildmode=c-shared; the agent was charged
    the plugins' informers (read as wrong)."""
    plugin = _C_SHARED_PLUGIN.replace(*change) if change[0] else _C_SHARED_PLUGIN
    go_module(tmp_path, {"plugin/main.go": plugin, **({"main.go": MAIN} if service else {})}, module="example.com/agent")
    if build:
        write(tmp_path, build, "go build -buildmode=c-archive -o libfoo.a .\n" if build.startswith("third_party") else
              "plugins:\n\tgo build -buildmode=c-shared -o out/plugins.so ./plugin\n")
    write(tmp_path, "deploy/agent.yaml", _SIZED.format(request="64Mi").replace("ghcr.io/acme/api:1", "ghcr.io/acme/agent:1"))
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


def test_a_chart_naming_a_module_of_several_programs_copies_none_of_them(tmp_path):
    """carina: its scheduler chart runs the image named for the module that builds its
    controller and its node agent; only the controller is reported otherwise, and the chart
    was joined to it as its copy (read as wrong)."""
    go_module(tmp_path, {"cmd/controller/main.go": MAIN, "cmd/node/main.go": MAIN}, module="example.com/api")
    write(tmp_path, "Dockerfile", "FROM golang:1.25 AS build\nCOPY . .\nRUN go build -o /controller ./cmd/controller\n"
                                  "RUN go build -o /node ./cmd/node\n")
    write(tmp_path, "deploy/controller.yaml", _SIZED.format(request="64Mi").replace(
        "ghcr.io/acme/api:1", "ghcr.io/acme/api:1\n          command: [/controller]"))
    _write_chart(tmp_path, "charts/scheduler", "scheduler")
    assert _findings_with_copies(tmp_path) == [("charts/scheduler/values.yaml", []), ("deploy/controller.yaml", [])]


def test_a_kustomization_renaming_the_placeholder_names_the_program(tmp_path):
    """kaito: config/manager's kustomization renames `controller` to `.../workspace`, built from
    cmd/workspace: the manager is that program, a copy of the workspace chart's container."""
    go_module(tmp_path, {"cmd/ragengine/main.go": MAIN, "cmd/workspace/main.go": MAIN})
    write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", _SIZED.format(request="300Mi").replace(
        "ghcr.io/acme/api:1", "controller:latest").replace("name: api", "name: manager"))
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n- manager.yaml\nimages:\n"
                                                         "- name: controller\n  newName: ghcr.io/acme/workspace\n")
    for program in ("ragengine", "workspace"):
        _write_chart(tmp_path, f"charts/{program}", program, f"acme/{program}")
    assert _findings_with_copies(tmp_path) == [
        ("charts/ragengine/values.yaml", []), ("charts/workspace/values.yaml", ["config/manager/manager.yaml"])]


_RENAMED_TO_MANAGER = "images:\n- name: controller\n  newName: quay.io/acme/lb-manager\n  newTag: latest\n"
_RENAMED_TO_CCM = "images:\n- name: controller\n  newName: quay.io/acme/lb-ccm\n"


@pytest.mark.parametrize("overlays, copies", [
    ([_RENAMED_TO_MANAGER], [("charts/lb-manager/values.yaml", ["config/manager/manager.yaml"])]),
    ([""], [("charts/lb-manager/values.yaml", []), ("config/manager/manager.yaml", [])]),  # renamed by none
    # two overlays giving it two names: which one runs is not known
    ([_RENAMED_TO_MANAGER, _RENAMED_TO_CCM], [("charts/lb-manager/values.yaml", []), ("config/manager/manager.yaml", [])]),
])
def test_an_overlay_renaming_the_placeholder_to_a_built_image_names_the_program(tmp_path, overlays, copies):
    """kubelb: config/deploy/kubelb builds on config/kubelb and renames its `controller` to the
    image the project builds from cmd/kubelb, which its chart runs: one program, one finding
    (the scaffold was taken for the module's root and reported apart)."""
    go_module(tmp_path, {"cmd/ccm/main.go": MAIN, "cmd/manager/main.go": MAIN})
    write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", _SIZED.format(request="300Mi").replace(
        "ghcr.io/acme/api:1", "controller:latest").replace("name: api", "name: manager"))
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n- manager.yaml\n")
    for index, images in enumerate(overlays):
        write(tmp_path, f"config/deploy/overlay{index}/kustomization.yaml", "resources:\n- ../../manager\n" + images)
    write(tmp_path, "skaffold.yaml", "apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n"
          "  - image: quay.io/acme/lb-manager\n    context: cmd/manager\n    ko: {}\n"
          "  - image: quay.io/acme/lb-ccm\n    context: cmd/ccm\n    ko: {}\n")
    _write_chart(tmp_path, "charts/lb-manager", "lb-manager", "quay.io/acme/lb-manager")
    assert _findings_with_copies(tmp_path) == copies


def test_a_chart_of_one_program_is_no_copy_of_another_programs_manifest(tmp_path):
    """openyurt: the yurt-manager chart (cmd/yurt-manager) beside the yurthub manifest
    (cmd/yurthub), one module: two programs, two findings."""
    go_module(tmp_path, {"cmd/yurt-manager/main.go": MAIN, "cmd/yurthub/main.go": MAIN})
    write(tmp_path, "config/setup/yurthub.yaml", POD.replace("acme/api", "acme/yurthub"))
    _write_chart(tmp_path, "charts/yurt-manager", "yurt-manager", "acme/yurt-manager")
    assert _findings_with_copies(tmp_path) == [
        ("charts/yurt-manager/values.yaml", []), ("config/setup/yurthub.yaml", [])]


@pytest.mark.parametrize("secret_data, expected", [
    ("  GOMEMLIMIT: 460MiB\n", []),
    ("  TOKEN: abc\n", ["no GOMEMLIMIT reaches it and the code sets none"]),
])
def test_a_kustomization_name_prefix_names_the_secret_env_from_takes(tmp_path, secret_data, expected):
    """cluster-api-provider-linode: `manager-credentials`, beside a kustomization with
    `namePrefix: capl-`, is the `capl-manager-credentials` the manager takes variables from."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD.replace(
        "      resources:", "      envFrom:\n        - secretRef: {name: capl-manager-credentials}\n      resources:", 1))
    write(tmp_path, "config/default/kustomization.yaml", "namePrefix: capl-\nresources:\n- secret.yaml\n")
    write(tmp_path, "config/default/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n"
                                                  "  name: manager-credentials\nstringData:\n" + secret_data)
    findings = _run(tmp_path, "SL101").findings
    assert [f.message.split(": ", 1)[1].split(" (its program")[0] for f in findings] == expected


@pytest.mark.parametrize("listed, expected", [
    ("../manager", []),
    ("../other", ["no GOMEMLIMIT reaches it (envFrom ConfigMap capl-manager-envs is not among the linted files) "
                  "and the code sets none"]),
])
def test_a_kustomization_listing_the_directory_names_its_config_map(tmp_path, listed, expected):
    """cluster-api-provider-elemental: config/default (`namePrefix: elemental-`) lists
    `../manager`, whose ConfigMap `controller-manager-envs` its Deployment takes as
    `elemental-controller-manager-envs`."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "config/manager/pod.yaml", POD.replace(
        "      resources:", "      envFrom:\n        - configMapRef: {name: capl-manager-envs}\n      resources:", 1))
    write(tmp_path, "config/manager/envs.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: manager-envs\n"
                                                "data:\n  GOMEMLIMIT: 460MiB\n")
    write(tmp_path, "config/default/kustomization.yaml", f"namePrefix: capl-\nresources:\n- {listed}\n")
    findings = _run(tmp_path, "SL101").findings
    assert [f.message.split(": ", 1)[1].split(" (its program")[0] for f in findings] == expected


def test_documents_that_cannot_matter_are_not_composed_and_positions_hold(tmp_path, monkeypatch):
    """An install bundle is mostly CRDs: only the documents that may hold a workload, a
    ConfigMap or Secret are composed, and the findings keep their lines."""
    import yaml

    from golint_startup.kube import manifests

    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  names: {kind: Api}\n"
    write(tmp_path, "deploy/install.yaml", crd + "---\n" + POD + "--- # another CRD\n" + crd)
    composed = []
    real_compose = manifests.yaml.compose_all
    monkeypatch.setattr(manifests.yaml, "compose_all",
                        lambda text, Loader: (composed.append(text), real_compose(text, Loader=Loader))[1])
    result = _run(tmp_path)
    assert [(f.path, f.location.line) for f in result.findings] == \
        [("deploy/install.yaml", crd.count("\n") + 1 + POD_LIMIT_LINE)]
    (text,) = composed
    assert "CustomResourceDefinition" not in text and text.count("\n") == (crd * 2 + POD).count("\n") + 2


def test_release_snapshots_are_checked_only_when_the_project_keeps_no_other_go_container(tmp_path):
    """A frozen release copy is left out beside the current manifests, but a project whose
    manifests all sit in release directories is still checked."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/v1.2.0/pod.yaml", POD)
    # Other programs' pods (another limit): not copies of the first.
    write(tmp_path, "deploy/1.3/pod.yaml", POD.replace("name: api\n", "name: api-next\n").replace("512Mi", "256Mi"))
    assert sorted(f.path for f in _run(tmp_path, "SL101").findings) == ["deploy/1.3/pod.yaml", "deploy/v1.2.0/pod.yaml"]
    # an install file per API version (NetApp's gateway, another workload's name in the oldest):
    # the newest is current; alone, one is (katib's `manifests/v1beta1`)
    write(tmp_path, "config/deploy/v1alpha1/install.yaml",
          POD.replace("name: api\n", "name: api-old\n").replace("512Mi", "384Mi"))
    assert [f.path for f in _run(tmp_path, "SL101").findings] == ["config/deploy/v1alpha1/install.yaml"]
    write(tmp_path, "config/deploy/v1beta3/install.yaml",
          POD.replace("name: api\n", "name: api-new\n").replace("512Mi", "768Mi"))
    assert [f.path for f in _run(tmp_path, "SL101").findings] == ["config/deploy/v1beta3/install.yaml"]
    write(tmp_path, "config/deploy/v1/install.yaml", POD.replace("name: api\n", "name: api-v1\n").replace("512Mi", "640Mi"))
    assert [f.path for f in _run(tmp_path, "SL101").findings] == ["config/deploy/v1/install.yaml"]  # v1 comes after betas
    write(tmp_path, "deploy/current/pod.yaml",
          POD.replace("name: api\n", "name: api-current\n").replace("512Mi", "1Gi"))
    assert sorted(f.path for f in _run(tmp_path, "SL101").findings) == \
        ["config/deploy/v1/install.yaml", "deploy/current/pod.yaml"]


def test_short_liveness_windows_are_reported_only_when_sl105_is_turned_on(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": MAIN, "cmd/api/leader.go": LEADING_MAIN.replace("func main() {}\n", "")})
    write(tmp_path, "pod.yaml", POD.replace("      resources:", "      livenessProbe:\n        periodSeconds: 2"
                                                              "\n        tcpSocket: {port: 80}\n      resources:"))
    rules_run = lambda: sorted({f.rule_id for f in run(["./..."], build_settings(config_path=None, cwd=str(tmp_path)),
                                                       cwd=str(tmp_path)).findings})
    assert rules_run() == ["SL101"]
    write(tmp_path, ".startup-lint.toml", 'extend-select = ["SL105"]\n')
    assert rules_run() == ["SL101", "SL105"]


@pytest.mark.parametrize("subcommand, reported", [("controller", False), ("sensor", True)])
def test_a_subcommand_is_held_back_only_by_the_leader_election_it_reaches(tmp_path, subcommand, reported):
    """argo-events' one binary runs its `controller` (a health port answering at once) and its
    `sensor-service`, which waits to lead: the controller's short liveness window is not a risk."""
    command = 'package cmd\n\nimport (\n\t"github.com/spf13/cobra"\n\t"example.com/app/internal/%s"\n)\n\n' \
        'var %sCommand = &cobra.Command{Use: "%s", Run: func(*cobra.Command, []string) { %s }}\n'
    go_module(tmp_path, {
        "cmd/app/main.go": 'package main\n\nimport "example.com/app/cmd"\n\nfunc main() { cmd.Execute() }\n',
        "cmd/controller.go": command % ("reconcile", "controller", "controller", "reconcile.Start()"),
        "cmd/sensor.go": command % ("election", "sensor", "sensor", "election.Lead()"),
        # The controller names the sensor package's lease name, never its election.
        "internal/reconcile/reconcile.go": 'package reconcile\n\nimport "example.com/app/internal/election"\n\n'
                                           "func Start() { _ = election.LeaseName }\n",
        "internal/election/election.go": 'package election\n\nimport "k8s.io/client-go/tools/leaderelection"\n\n'
                                         'const LeaseName = "sensor"\n\n'
                                         "func Lead() { leaderelection.RunOrDie(nil, leaderelection.LeaderElectionConfig{}) }\n"},
        all_reached=False)
    write(tmp_path, "pod.yaml", POD.replace("ghcr.io/acme/api:1", f"ghcr.io/acme/app:1\n      args: [{subcommand}]")
          .replace("      resources:", "      livenessProbe:\n        periodSeconds: 2\n        tcpSocket: {port: 80}\n"
                                       "      resources:"))
    assert [f.rule_id for f in _run(tmp_path, "SL105").findings] == (["SL105"] if reported else [])


def test_the_go_a_module_is_built_with_comes_from_its_builders_or_toolchain_not_its_go_line(tmp_path):
    """The go.mod's `go` line is the oldest Go the module accepts; its `toolchain` line, or a
    Dockerfile's golang builder (an `ARG` default included), is the Go that builds it."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    gomod = tmp_path / "go.mod"
    gomod.write_text(gomod.read_text().replace("\ngo 1.22", "\ngo 1.17"))
    assert [f.path for f in _run(tmp_path).findings] == ["deploy/pod.yaml"]
    gomod.write_text(gomod.read_text() + "toolchain go1.18.10\n")
    assert _run(tmp_path).findings == []
    write(tmp_path, "cmd/api/Dockerfile", 'ARG BUILDERIMAGE="golang:1.19-bullseye"\nFROM $BUILDERIMAGE AS builder\n'
                                          "RUN go build -o /api .\n")
    assert [f.path for f in _run(tmp_path).findings] == ["deploy/pod.yaml"]


@pytest.mark.parametrize("builder, reported", [
    ("registry.ci.openshift.org/ocp/builder:rhel-8-golang-1.18-openshift-4.11", False),  # special-resource-operator
    ("registry.ci.openshift.org/ocp/builder:rhel-9-golang-1.22-openshift-4.17", True),
    ("registry.access.redhat.com/ubi8/go-toolset:1.18.10", False),
    ("registry.ci.openshift.org/openshift/release:golang-1.18", False),
    ("registry.svc.ci.openshift.org/openshift/release:golang-1.13", False),
    ("registry.ci.openshift.org/openshift/release:rhel-8-release-golang-1.18-openshift-4.11", False),
    ("brew.registry.redhat.io/rh-osbs/openshift-golang-builder:v1.18", False),
    ("brew.registry.redhat.io/rh-osbs/openshift-golang-builder:rhel_8_1.18", False),
    ("brew.registry.redhat.io/rh-osbs/openshift-golang-builder:rhel_8_golang_1.18", False),
    ("brew.registry.redhat.io/rh-osbs/openshift-golang-builder:rhel_9_golang_1.22", True),
    ("registry.access.redhat.com/ubi9/go-toolset:1.22", True),
    ("registry.ci.openshift.org/ocp/builder:rhel-8-base-openshift-4.11", True),  # names no Go
])
def test_the_go_a_red_hat_builder_image_names_builds_the_module(tmp_path, builder, reported):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    write(tmp_path, "Dockerfile", f"FROM {builder} AS builder\nRUN go build -o /api ./cmd/api\n")
    assert [f.path for f in _run(tmp_path).findings] == (["deploy/pod.yaml"] if reported else [])


@pytest.mark.parametrize("setup, reported", [
    ("go-version: 1.17.x", False),  # superedge: binaries built on the host by CI
    ("go-version: ['1.18', '1.21']", True),  # the newest of a matrix
    ("go-version-file: go.mod", True),  # the go.mod's go 1.22
    ("go-version-file: 'go.mod'  # optimize-controller's go 1.18", False),
    ("go-version-file: .go-version", False),  # 1.18.2
    ("go-version-file: missing.mod", True),  # names no version found
])
def test_the_go_a_module_is_built_with_comes_from_its_ci_last(tmp_path, setup, reported):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, ".go-version", "1.18.2\n")
    if "1.18" in setup:
        (tmp_path / "go.mod").write_text((tmp_path / "go.mod").read_text().replace("go 1.22", "go 1.18"))
    write(tmp_path, "deploy/pod.yaml", POD)
    write(tmp_path, ".github/workflows/build.yaml",
          f"jobs:\n  build:\n    steps:\n      - uses: actions/setup-go@v5\n        with:\n          {setup}\n")
    assert [f.path for f in _run(tmp_path).findings] == (["deploy/pod.yaml"] if reported else [])
    (tmp_path / "go.mod").write_text((tmp_path / "go.mod").read_text() + "toolchain go1.22.0\n")
    assert [f.path for f in _run(tmp_path).findings] == ["deploy/pod.yaml"]  # the toolchain line comes first


@pytest.mark.parametrize("image, setup, reported", [
    # mink: ko builds knative's autoscaler, a package of a module its go.mod requires, with CI's Go 1.17
    ("ko://knative.dev/serving/cmd/autoscaler", "1.17.x", False),
    ("ko://knative.dev/serving/cmd/autoscaler", "1.22.x", True),
    ("ko://knative.dev/eventing/cmd/broker", "1.17.x", True),  # a module not required: not known
    # ko uses no Dockerfile: a builder image of another program says nothing of its Go
    ("ko://knative.dev/serving/cmd/autoscaler", "1.22.x\n" + "#builder: golang:1.17", True),
    # a second module requiring it, built with a newer Go: not known which builds the image
    ("ko://knative.dev/serving/cmd/autoscaler", "1.17.x\n" + "#tools: toolchain go1.22.0", True),
])
def test_a_ko_image_of_a_required_module_is_built_with_the_go_of_the_module_requiring_it(tmp_path, image, setup,
                                                                                          reported):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    gomod = tmp_path / "go.mod"
    gomod.write_text(gomod.read_text().replace("go 1.22", "go 1.17") +
                     "\nrequire (\n\tgithub.com/google/uuid v1.6.0\n\tknative.dev/serving v0.30.0 // ko builds it\n)\n")
    setup, _, more = setup.partition("\n")
    write(tmp_path, ".github/workflows/release.yaml",
          f"jobs:\n  release:\n    steps:\n      - uses: actions/setup-go@v5\n        with:\n          go-version: {setup}\n")
    if more == "#builder: golang:1.17":
        write(tmp_path, "hack/builder/Dockerfile", "FROM golang:1.17\nRUN go build -o /api ./cmd/api\n")
    if more == "#tools: toolchain go1.22.0":
        write(tmp_path, "hack/tools/go.mod", "module example.com/tools\n\ngo 1.21\n\ntoolchain go1.22.0\n\n"
                                             "require knative.dev/serving v0.30.0\n")
        write(tmp_path, "hack/tools/tools.go", "package tools\n")
    write(tmp_path, "config/autoscaler.yaml", POD.replace("ghcr.io/acme/api:1", image))
    assert [f.path for f in _run(tmp_path).findings] == (["config/autoscaler.yaml"] if reported else [])


@pytest.mark.parametrize("file, text, reported", [
    (".drone.yml", "steps:\n  - name: build\n    image: golang:1.17\n    commands: [make build]\n", False),  # heimdall
    (".gitlab-ci.yml", "build:\n  image: docker.io/library/golang:1.16-alpine\n", False),
    (".tool-versions", "golang 1.17.13\nnodejs 18.0.0\n", False),
    (".tool-versions", "golang 1.22.1\n", True),
    (".drone.yml", "steps:\n  - name: lint\n    image: alpine:3\n", True),  # names no Go
    # td-redis-operator: its Makefile builds the binary the Dockerfile copies in
    ("Makefile", "build:\n\tdocker run --rm \\\n\t\t-v $(PWD):/src \\\n\t\tgolang:1.13.12-alpine3.12 \\\n"
                 "\t\tgo build -o _output/api ./cmd/api\n", False),
    ("Makefile", "lint:\n\tdocker run --rm golang:1.13 gofmt -l .\n", True),  # builds nothing
])
def test_the_go_other_ci_builds_with(tmp_path, file, text, reported):
    """heimdall's Dockerfile copies in a binary its Drone pipeline builds with Go 1.17, which
    has no memory limit."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/pod.yaml", POD)
    write(tmp_path, file, text)
    assert [f.path for f in _run(tmp_path).findings] == (["deploy/pod.yaml"] if reported else [])


@pytest.mark.parametrize("requires, call, reported", [
    (True, "system.AutoProcMemLimit(nil)", False),  # azure-k8s-autopilot: go-common wraps automemlimit
    (False, "system.AutoProcMemLimit(nil)", True),  # a function so named, no automemlimit below it
    (True, "system.Start(nil)", True),  # automemlimit required, its limit not asked for
])
def test_a_dependency_wrapping_automemlimit_sets_the_limit(tmp_path, requires, call, reported):
    main = MAIN.replace("func main() {", f'import "example.com/common/system"\n\nfunc main() {{ {call};')
    go_module(tmp_path, {"cmd/api/main.go": main})
    if requires:
        (tmp_path / "go.mod").write_text((tmp_path / "go.mod").read_text() +
                                         "\nrequire github.com/KimMachineGun/automemlimit v0.7.5 // indirect\n")
    write(tmp_path, "deploy/pod.yaml", POD)
    assert [f.path for f in _run(tmp_path).findings] == (["deploy/pod.yaml"] if reported else [])


_DYNAMIC_WATCH = """\
package watch

import (
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/dynamic/dynamicinformer"
	"k8s.io/client-go/tools/cache"

	metal "example.com/app/api/v1"
)

var _ = corev1.Pod{}
var _ = schema.GroupVersionResource{}
var _ = metal.GroupVersion

func watchBindings(dc dynamic.Interface, stop <-chan struct{}) {
	factory := dynamicinformer.NewFilteredDynamicSharedInformerFactory(dc, 10*time.Minute, "", nil)
	informer := factory.ForResource(%s).Informer()
	informer.AddEventHandler(cache.ResourceEventHandlerFuncs{})
	factory.Start(stop)
}
"""


_METADATA_WATCH = """\
package watch

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/metadata"
	"k8s.io/client-go/metadata/metadatainformer"
)

var watched = %s

func watchNodes(client metadata.Interface, stop <-chan struct{}) {
	factory := metadatainformer.NewSharedInformerFactory(client, 0)
	_ = factory.ForResource(watched).Informer()
	factory.Start(stop)
}
"""


@pytest.mark.parametrize("resource, reported", [
    # node-feature-discovery's garbage collector: Nodes' metadata, bounded at 5,000 Nodes, fit
    # twice under 512Mi
    ('corev1.SchemeGroupVersion.WithResource("nodes")', False),
    ('corev1.SchemeGroupVersion.WithResource("pods")', True),  # no bound
    ("someResource()", True),  # not known
    # a variable of that name in another function asks for Pods: each ask is its own function's
    ('corev1.SchemeGroupVersion.WithResource("nodes")\n\nfunc watchPods(client metadata.Interface) {\n'
     '\twatched := corev1.SchemeGroupVersion.WithResource("pods")\n'
     '\t_ = metadatainformer.NewSharedInformerFactory(client, 0).ForResource(watched).Informer()\n}', True),
])
def test_informers_of_kinds_of_bounded_heap_under_a_limit_that_fits_them(tmp_path, resource, reported):
    """node-feature-discovery's garbage collector informs on Nodes' metadata only, under 1Gi: a
    cache of a kind whose heap is bounded, within a limit that fits it twice."""
    findings = _findings_of_watching_program(tmp_path, _METADATA_WATCH % resource, request="64Mi", controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("resource, reported", [
    ('metal.GroupVersion.WithResource("serverbindings")', False),  # sidero's node-side managers
    ('schema.GroupVersionResource{Group: "metal.sidero.dev", Version: "v1", Resource: "servers"}', False),
    ('corev1.SchemeGroupVersion.WithResource("pods")', True),
    # Deployments, a kind of bounded heap (218 MiB at the tested scale), fit twice under 512Mi
    ('schema.GroupVersionResource{Group: "apps", Version: "v1", Resource: "deployments"}', False),
    ('schema.GroupVersionResource{Group: "apps", Version: "v1", Resource: "replicasets"}', True),
    ('schema.GroupVersionResource{Group: "networking.k8s.io", Version: "v1", Resource: "ingresses"}', True),
    ("resource", True),  # not known
    # keptn's metrics adapter: a variable of the file given its own resource
    ('metricsResource).Informer()\n\t_ = informer\n}\n\nvar metricsResource = schema.GroupVersionResource{'
     'Group: "metrics.keptn.sh", Version: "v1", Resource: "keptnmetrics"}\n\nfunc more(factory '
     'dynamicinformer.DynamicSharedInformerFactory, stop <-chan struct{}) {\n\tinformer := factory.ForResource('
     'metricsResource', False),
    ('podResource).Informer()\n\t_ = informer\n}\n\nvar podResource = schema.GroupVersionResource{'
     'Group: "", Version: "v1", Resource: "pods"}\n\nfunc more(factory '
     'dynamicinformer.DynamicSharedInformerFactory, stop <-chan struct{}) {\n\tinformer := factory.ForResource('
     'podResource', True),
])
def test_dynamic_informers_of_custom_resources_keep_no_cluster_cache(tmp_path, resource, reported):
    """sidero's siderolink, log and events managers watch only its ServerBindings through
    client-go's dynamic informers: nothing that grows with the cluster."""
    go_module(tmp_path, {"api/v1/types.go": "package v1\n\nvar GroupVersion = struct{}{}\n"})
    findings = _findings_of_watching_program(tmp_path, _DYNAMIC_WATCH % resource, request="512Mi", controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("given, asked, reported", [
    # Gameplane's API: its own resources, given a map and a variable in the package of its client
    ('var GVRs = map[string]schema.GroupVersionResource{\n\t"servers": {Group: "games.example.com", Version: '
     '"v1", Resource: "gameservers"},\n}\n', 'metal.GVRs["servers"]', False),
    ('var (\n\tClusters = schema.GroupVersionResource{Group: "games.example.com", Version: "v1", '
     'Resource: "clusters"}\n)\n', "metal.Clusters", False),
    # a core resource among them; Kubernetes' own group; a name no file gives
    ('var GVRs = map[string]schema.GroupVersionResource{\n\t"servers": {Group: "games.example.com", Version: '
     '"v1", Resource: "gameservers"},\n\t"pods": {Version: "v1", Resource: "pods"},\n}\n', 'metal.GVRs["servers"]', True),
    ('var Clusters = schema.GroupVersionResource{Group: "apps", Version: "v1", Resource: "replicasets"}\n',
     "metal.Clusters", True),
    ('var Clusters = schema.GroupVersionResource{Group: "games.example.com", Version: "v1", Resource: "clusters"}\n',
     "metal.Others", True),
    # a variable of a function elsewhere is not the one asked for, nor a field named alike; braces
    # in strings above the block change nothing
    ('func local() {\n\tgvr := schema.GroupVersionResource{Group: "games.example.com", Version: "v1", '
     'Resource: "clusters"}\n\t_ = gvr\n}\n', "gvr", True),
    ('var Clusters = schema.GroupVersionResource{Group: "games.example.com", Version: "v1", Resource: "clusters"}\n',
     "dc.Clusters", True),
    ('var open = "{"\n\nvar (\n\tClusters = schema.GroupVersionResource{Group: "games.example.com", Version: "v1", '
     'Resource: "clusters"}\n)\n', "metal.Clusters", False),
    # a variable of a function literal given in a `var (` block is no package-level one
    ('var (\n\tdefaults = func() schema.GroupVersionResource {\n\t\tClusters := schema.GroupVersionResource{'
     'Group: "games.example.com", Version: "v1", Resource: "clusters"}\n\t\treturn Clusters\n\t}()\n)\n',
     "metal.Clusters", True),
])
def test_dynamic_informers_of_custom_resources_given_in_another_package(tmp_path, given, asked, reported):
    """Gameplane's API asks its dynamic factory for `kube.GVRCluster` and `kube.GVRs["servers"]`,
    its own resources, which its client's package gives; its finding called them a cache that
    grows with the cluster."""
    go_module(tmp_path, {"api/v1/types.go": 'package v1\n\nimport "k8s.io/apimachinery/pkg/runtime/schema"\n\n'
                                            "var GroupVersion = struct{}{}\n\n" + given})
    findings = _findings_of_watching_program(tmp_path, _DYNAMIC_WATCH % asked, request="512Mi", controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_TWO_DYNAMIC_FACTORIES = """\
package watch

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/dynamic/dynamicinformer"

	metal "example.com/app/api/v1"
)

var clustersResource = metal.GroupVersion.WithResource("clusters")

func watch(dc dynamic.Interface, ns string, stop <-chan struct{}) {
	owned := registry.MustNewFilteredDynamicSharedInformerFactory(dc, 0, ns, nil)
	owned.ForResource(%s).Informer()
	dependents := registry.MustNewFilteredDynamicSharedInformerFactory(dc, 0, ns, func(options *metav1.ListOptions) {
		options.LabelSelector = "managed-by=operator"
	})
	dependents.ForResource(corev1.SchemeGroupVersion.WithResource("pods")).Informer()
	owned.Start(stop)
	dependents.Start(stop)
}

var _ = dynamicinformer.NewDynamicSharedInformerFactory
"""


@pytest.mark.parametrize("owned, reported", [
    ("clustersResource", False),  # spicedb-operator: its own resources unfiltered, what it makes by label
    ('metal.GroupVersion.WithResource("clusters")', False),
    ('corev1.SchemeGroupVersion.WithResource("secrets")', True),  # every Secret
])
def test_a_factory_asked_only_for_custom_resources_keeps_nothing_that_grows(tmp_path, owned, reported):
    go_module(tmp_path, {"api/v1/types.go": "package v1\n\nvar GroupVersion = struct{}{}\n"})
    findings = _findings_of_watching_program(tmp_path, _TWO_DYNAMIC_FACTORIES % owned, request="512Mi", controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_PLACEHOLDER_CONTROLLER = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: controller
spec:
  template:
    spec:
      containers:
        - name: controller
          image: controller:latest
          command: ["/controller"]
          resources:
            limits:
              memory: 300Mi
"""


_FRR_SIDECAR = "        - name: frr\n          image: quay.io/frrouting/frr:9\n"


@pytest.mark.parametrize("kubebuilder", [True, False])
@pytest.mark.parametrize("beside", ["", _FRR_SIDECAR])
# hadoop-operator keeps kubebuilder's `config/` as `manifests/`, with its PROJECT file at the root
@pytest.mark.parametrize("manifest", ["config/controller/controller.yaml", "manifests/manager/manager.yaml"])
def test_kubebuilder_manager_outside_config_manager(tmp_path, kubebuilder, beside, manifest):
    """aws-app-mesh-controller keeps its manager in config/controller, with the scaffold's
    placeholder image: in a kubebuilder project (PROJECT at the root) it is the manager, built
    from the root's main package, whatever runs beside it (frr-k8s' FRR containers);
    elsewhere `controller` names no program."""
    go_module(tmp_path, {"main.go": MAIN})
    if kubebuilder:
        write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v3\n")
    write(tmp_path, manifest, _PLACEHOLDER_CONTROLLER.replace("      containers:\n", "      containers:\n" + beside))
    result = _run(tmp_path)
    found = [(f.path, f.location.line) for f in result.findings]
    assert found == ([(manifest, 14 + beside.count("\n"))] if kubebuilder else [])


_SIZED = _DEPLOYMENT_API_HEAD + """\
        - name: api
          image: ghcr.io/acme/api:1
          resources:
            requests:
              memory: {request}
            limits:
              memory: 512Mi
"""


def _scaffold_manifest(request: str) -> str:
    """_SIZED as kubebuilder's scaffold writes its manager: the container `manager` runs
    `/manager` from the placeholder image `controller:latest`, asking `request` of 512Mi."""
    return _SIZED.format(request=request).replace(
        "ghcr.io/acme/api:1", 'controller:latest\n          command: ["/manager"]').replace("- name: api", "- name: manager")


_WATCHES = """\
package watch

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func start(client kubernetes.Interface, stop <-chan struct{}) {
	informers.NewSharedInformerFactory(client, 0).Start(stop)
}
"""
# A main package whose program is what internal/watch holds.
_MAIN_IMPORTING_WATCH = 'package main\n\nimport _ "example.com/app/internal/watch"\n\nfunc main() {}\n'
# A cobra program cmd/api of two subcommands: `apiserver`, and `controller`, which watches.
_TWO_SUBCOMMANDS = {
    "cmd/api/main.go": 'package main\n\nimport "example.com/app/cmd"\n\nfunc main() { cmd.Execute() }\n',
    "cmd/apiserver.go": _SUBCOMMAND % ("", "apiServer", 'Use: "apiserver"'),
    "cmd/controller.go": _SUBCOMMAND % ('\t_ "example.com/app/internal/watch"\n', "controller", 'Use: "controller"'),
    "internal/watch/watch.go": _WATCHES}


# A package of a helper beside a function starting an informer of the whole cluster, and a
# type whose method starts it; `%s` adds to it.
_HELPER_BESIDE_A_CACHE = """\
package watch

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

type Runner interface{ Run() }

type Watcher struct{}

func (Watcher) Run() { Start(nil, nil) }

func NodeName() string { return "node-a" }

func Start(client kubernetes.Interface, stop <-chan struct{}) {
	informers.NewSharedInformerFactory(client, 0).Start(stop)
}
%s"""


@pytest.mark.parametrize("imported, called, more, reported", [
    # kosmos' agent imports a package for its node-name helper, beside a Node reconciler it never registers
    ("", "_ = watch.NodeName()", "", False),
    ("", "watch.Start(nil, nil)", "", True),
    ("w ", "_ = w.NodeName()", "", False),  # under another name
    ("w ", "w.Start(nil, nil)", "", True),
    ("", "watch.Watcher{}.Run()", "", True),  # a method of a type the program names
    ("", "var r watch.Runner = watch.Watcher{}\n\tr.Run()", "", True),
    # kubegems' `var _ client.Reader = &CacheReader{}`: a check that runs nothing
    ("", "_ = watch.NodeName()", "\nvar _ Runner = Watcher{}\n", False),
    ("", "_ = watch.NodeName()", "\nvar started = Start\n", True),  # a package's variables are initialized
    ("_ ", "", "\nfunc init() { Start(nil, nil) }\n", True),  # imported for its init
    ("_ ", "", "", False),  # kubegems' API server imports its kube helpers for nothing they run
    # vald's gateway names one type of a block whose other aliases name what builds the cache
    ("", "var n watch.Name\n\t_ = n", "\ntype (\n\tName string\n\tStarter = Watcher\n)\n", False),
    ("", "var s watch.Starter\n\ts.Run()", "\ntype (\n\tName string\n\tStarter = Watcher\n)\n", True),
    # a name after a dot is another package's (vald's `errors.New`), not this package's `New`
    ("", "_ = watch.NodeName()", "\nfunc NewForConfig() { Start(nil, nil) }\n\nvar made = kubernetes.NewForConfig\n",
     False),
    ("", "_ = watch.NodeName()", "\nfunc NewForConfig() { Start(nil, nil) }\n\nvar made = NewForConfig\n", True),
    # csi-hostpath's node agent: an unexported method of a type it names runs only where its
    # package calls it (`ctrl.init()`, `d.c.init()`) or an interface of its package names it
    ("", "var i watch.Idle\n\t_ = i", "\ntype Idle struct{}\n\nfunc (Idle) init() { Start(nil, nil) }\n", False),
    ("", "var i watch.Idle\n\t_ = i", "\ntype Idle struct{}\n\nfunc (Idle) init() { Start(nil, nil) }\n\n"
     "func Use(i Idle) { i.init() }\n\nvar used = Use\n", True),
    ("", "var i watch.Idle\n\t_ = i", "\ntype Idle struct{}\n\nfunc (Idle) init() { Start(nil, nil) }\n\n"
     "type holder struct{ i Idle }\n\nfunc Use(h holder) { h.i.init() }\n\nvar used = Use\n", True),
    ("", "var i watch.Idle\n\t_ = i", "\ntype Idle struct{}\n\nfunc (Idle) init() { Start(nil, nil) }\n\n"
     "type starter interface{ init() }\n\nvar made starter = Idle{}\n", True),
])
def test_only_what_a_program_reaches_of_a_package_counts(tmp_path, imported, called, more, reported):
    main = f'package main\n\nimport {imported}"example.com/app/internal/watch"\n\nfunc main() {{\n\t{called}\n}}\n'
    go_module(tmp_path, {"cmd/api/main.go": main, "internal/watch/watch.go": _HELPER_BESIDE_A_CACHE % more},
              all_reached=False)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


_MODE_MAIN = """\
package main

import (
	"flag"

	"example.com/app/internal/driver"
)

func main() {
	var config driver.Config
	flag.StringVar(&config.PluginType, "driver-mode", "controller", "controller or agent")
	flag.Parse()
	driver.New(&config).Run()
}
"""
_MODE_DRIVER = """\
package driver

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

type Config struct{ PluginType string }

type Driver struct {
	config *Config
	server any
}

func New(config *Config) *Driver {
	d := &Driver{config: config}
	switch config.PluginType {
	case "controller", "all":
		d.server = newController()
	case "agent":
		d.server = struct{}{}
	}
	return d
}

func (d *Driver) Run() {}

func newController() any {
	var client kubernetes.Interface
	informers.NewSharedInformerFactory(client, 0).Start(nil)
	return nil
}
"""


@pytest.mark.parametrize("agent_mode, reported", [
    ("--driver-mode=agent", ["deploy/controller.yaml"]),  # csi-hostpath's node agent and controller
    ("--driver-mode agent", ["deploy/controller.yaml"]),
    ("--driver-mode=all", ["deploy/agent.yaml", "deploy/controller.yaml"]),  # a clause listing two values
    ("--driver-mode=$(MODE)", ["deploy/agent.yaml", "deploy/controller.yaml"]),  # not known
    ("--driver-mode=node", ["deploy/agent.yaml", "deploy/controller.yaml"]),  # no clause lists it
    ("--verbose", ["deploy/agent.yaml", "deploy/controller.yaml"]),  # the default, not read
    ("--driver-mode=controller --driver-mode=agent", ["deploy/controller.yaml"]),  # the last one, as Go keeps
    ("--driver-mode=agent --driver-mode=controller", ["deploy/agent.yaml", "deploy/controller.yaml"]),
    ("--driver-mode=agent --driver-mode=", ["deploy/agent.yaml", "deploy/controller.yaml"]),  # emptied last
    ("--driver-mode=agent -- --driver-mode=controller", ["deploy/controller.yaml"]),  # after `--`, no flag
])
def test_a_container_runs_only_the_clause_of_a_switch_on_the_mode_it_passes(tmp_path, agent_mode, reported):
    _write_modes(tmp_path, _MODE_DRIVER, agent_mode)
    assert sorted(f.location.path for f in _run(tmp_path).findings) == reported


def test_api_version_directories_of_two_majors_are_both_current(tmp_path):
    """mpi-operator's `deploy/v1` is older than its `deploy/v2beta1`, but a stable `v1` may be
    newer than a `v2alpha1`: of two majors, neither is taken for a snapshot."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/v1/install.yaml", POD)
    write(tmp_path, "deploy/v2beta1/install.yaml", POD.replace("name: api\n", "name: api-v2\n").replace("512Mi", "1Gi"))
    assert sorted(f.path for f in _run(tmp_path, "SL101").findings) == \
        ["deploy/v1/install.yaml", "deploy/v2beta1/install.yaml"]


@pytest.mark.parametrize("driver, reported", [
    # what a clause falls through to runs too
    (_MODE_DRIVER.replace('\tcase "agent":\n\t\td.server = struct{}{}', '\tcase "agent":\n\t\tfallthrough\n\tcase "x":\n'
                                                                       '\t\td.server = newController()'), True),
    # braces and `case`s in strings and comments are text: what follows the switch runs in every
    # mode, and a commented-out clause is none
    (_MODE_DRIVER.replace('\tcase "agent":\n\t\td.server = struct{}{}\n', '')
     .replace('\tcase "controller", "all":', '\tcase "agent":\n\t\td.server = struct{}{}\n\tcase "controller", "all":')
     .replace('d.server = newController()', 'd.server = nil // {\n\t\t_ = "}{"')
     .replace("\treturn d\n", "\tnewController()\n\treturn d\n"), True),
    (_MODE_DRIVER.replace('\tcase "controller", "all":', '\t/*\n\tcase "agent":\n\t*/\n\tcase "controller", "all":')
     .replace("d.server = struct{}{}", "d.server = newController()"), True),
    (_MODE_DRIVER.replace('case "agent":', 'case `agent`:'), False),  # a raw string
    # a label naming a constant of the package, typed or not, alone or in a block
    (_MODE_DRIVER.replace('case "agent":', 'case agentMode:') + 'const agentMode = "agent"\n', False),
    (_MODE_DRIVER.replace('case "agent":', 'case agentMode:') + 'const (\n\tagentMode Mode = "agent"\n)\n', False),
    (_MODE_DRIVER.replace('case "agent":', 'case agentMode:') + 'const agentMode = "node"\n', True),
    (_MODE_DRIVER.replace('case "agent":', 'case agentMode:'), True),  # a constant not found
    # a backtick in a comment opens no string: what follows the switch stays
    (_MODE_DRIVER.replace('\tcase "agent":\n\t\td.server = struct{}{}\n', '')
     .replace('\tcase "controller", "all":', '\tcase "agent":\n\t\td.server = struct{}{}\n\tcase "controller", "all":')
     .replace('d.server = newController()', 'd.server = nil // a ` here')
     .replace("\treturn d\n", "\t// and ` there\n\tnewController()\n\treturn d\n"), True),
])
def test_a_mode_runs_what_its_clause_reads_as_go_runs_it(tmp_path, driver, reported):
    _write_modes(tmp_path, driver, "--driver-mode=agent")
    assert sorted(f.location.path for f in _run(tmp_path).findings) == \
        (["deploy/agent.yaml", "deploy/controller.yaml"] if reported else ["deploy/controller.yaml"])


def _write_modes(tmp_path, driver: str, agent_mode: str) -> None:
    """_MODE_MAIN with `driver`, run by deploy/agent.yaml passing `agent_mode` and by
    deploy/controller.yaml passing `--driver-mode=controller`."""
    go_module(tmp_path, {"cmd/plugin/main.go": _MODE_MAIN, "internal/driver/driver.go": driver}, all_reached=False)
    for name, mode in (("agent", agent_mode), ("controller", "--driver-mode=controller")):
        arguments = ", ".join(f'"{word}"' for word in mode.split())
        write(tmp_path, f"deploy/{name}.yaml", _SIZED.format(request="40Mi").replace("name: api", f"name: {name}")
              .replace("image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/plugin:1\n          args: [{arguments}]"))


@pytest.mark.parametrize("code, constants", [
    (b'const roleNode = "node"\n', {b"roleNode": "node"}),
    (b'const (\n\troleNode Role = "node"\n\tcount = 3\n\tother = iota\n)\n', {b"roleNode": "node"}),
    # a function's own constants, assignments and variables are none of the package's
    (b'func f() {\n\tconst (\n\t\tlocal = "x"\n\t)\n\tmode = "node"\n}\n', {}),
    (b'var (\n\tmode = "node"\n)\n', {}),
    # declared twice (a file per platform), given two values: either may be meant
    (b'const roleNode = "node"\nconst roleNode = "worker"\n', {}),
])
def test_string_constants_a_switch_label_may_name(code, constants):
    assert go_code.unambiguous(go_code.string_constants(code)) == constants


@pytest.mark.parametrize("code, header", [
    (b"func f() map[string]struct{} {\n\treturn nil\n}\n", b"func f() map[string]struct{} "),
    (b"func (r *R) g[T any](x interface{}) (int, error) { // reads\n", b"func (r *R) g[T any](x interface{}) (int, error) "),
    (b"func h() int { return 1 }\n\nfunc next() {\n", b"func h() int "),  # one line: not the next body
    (b"func stub(x int)\n\nfunc next() {\n", b"func stub(x int)"),  # an assembly function's: no body
    (b"func wrapped(\n\ta int,\n) error {\n", b"func wrapped(\n\ta int,\n) error "),
    (b"func build() *configstruct {\n", b"func build() *configstruct "),  # a type named so
])
def test_a_function_header_ends_where_its_body_opens(code, header):
    assert go_code.function_header(code, 0, len(code)) == header


@pytest.mark.parametrize("text", [
    b'"{"', b"'{'", b"`{\n`", b"// {", b"/* { */", b'"\\"{"',
])
def test_a_brace_in_a_literal_or_comment_neither_opens_nor_closes_a_block(text):
    code = b"func f() {\n\tx := " + text + b"\n}\n\nfunc g() {\n}\n"
    assert code[:go_code.closing(code, code.index(b"{"), b"{}")].endswith(text + b"\n}")


def test_a_switch_on_a_field_named_like_the_first_argument_picks_no_subcommand():
    code = (b'package main\n\nfunc main() {\n\trole := os.Args[1] // the subcommand\n\tcfg := load(role)\n'
            b'\tswitch cfg.role {\n\tcase "node":\n\t\trunNode()\n\tdefault:\n\t\trun()\n\t}\n}\n')
    assert go_code.without_other_modes(code, {}, {}, "node") == code
    assert b"run()" not in go_code.without_other_modes(code.replace(b"switch cfg.role", b"switch role"), {}, {}, "node")


_ROLE_MAIN = """\
package main

import (
	"os"
	"strings"

	"example.com/app/internal/watch"
)

const (
	roleController = "controller"
	roleNode       = "node"
)

func main() {
	role, rest := parseRole(os.Args[1:])
	switch role {
	case roleController:
		run(rest)
	case roleNode:
		runNode(rest)
	}
}

func parseRole(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return roleController, args
}

func run(args []string) { watch.Start(nil, nil) }
"""
# The node agent's own file, named for its subcommand; a path in it holds the word `run`.
_ROLE_NODE = 'package main\n\nconst tokenPath = "/var/run/secrets/token"\n\nfunc runNode(args []string) { _ = tokenPath }\n'


@pytest.mark.parametrize("main, node_file, node, reported", [
    (_ROLE_MAIN, "node.go", _ROLE_NODE, ["deploy/controller.yaml"]),  # runtime-agent's node agent
    (_ROLE_MAIN, "agent.go", _ROLE_NODE, ["deploy/controller.yaml"]),  # a file named otherwise
    (_ROLE_MAIN.replace("switch role {", "switch os.Args[1] {").replace("case roleController:", 'case "controller":')
     .replace("case roleNode:", 'case "node":'), "node.go", _ROLE_NODE, ["deploy/controller.yaml"]),
    # what the switch tests is no argument: both run what it may
    (_ROLE_MAIN.replace("role, rest := parseRole(os.Args[1:])", 'role, rest := os.Getenv("ROLE"), []string{}'),
     "node.go", _ROLE_NODE, ["deploy/controller.yaml", "deploy/node.yaml"]),
    # the node names the controller's function, in code or as a string alone (a registry's key)
    (_ROLE_MAIN.replace("runNode(rest)", "runNode(rest)\n\t\trun(rest)"), "node.go", _ROLE_NODE,
     ["deploy/controller.yaml", "deploy/node.yaml"]),
    (_ROLE_MAIN, "node.go", _ROLE_NODE.replace('"/var/run/secrets/token"', '"run"'),
     ["deploy/controller.yaml", "deploy/node.yaml"]),
    # the argument as flag.Arg gives it
    (_ROLE_MAIN.replace("role, rest := parseRole(os.Args[1:])", "flag.Parse()\n\trest := flag.Args()")
     .replace("switch role {", "switch flag.Arg(0) {").replace('"os"', '"flag"\n\t"os"'), "node.go", _ROLE_NODE,
     ["deploy/controller.yaml"]),
    # the program's own name is no subcommand: the controller runs in both
    (_ROLE_MAIN.replace("role, rest := parseRole(os.Args[1:])", "role, rest := filepath.Base(os.Args[0]), os.Args[1:]")
     .replace('"os"', '"os"\n\t"path/filepath"').replace("\tcase roleController:\n", "\tdefault:\n"), "node.go", _ROLE_NODE,
     ["deploy/controller.yaml", "deploy/node.yaml"]),
    # nor is one on the first of the node's own arguments
    (_ROLE_MAIN, "node.go", _ROLE_NODE.replace("_ = tokenPath }", "_ = tokenPath\n"
                                              "\tswitch args[0] {\n\tcase \"node\":\n\tcase \"pods\":\n\t\trun(nil)\n\t}\n}"),
     ["deploy/controller.yaml", "deploy/node.yaml"]),
    # a switch of the node's own on another `role`, not the argument, runs what it may
    (_ROLE_MAIN, "node.go", _ROLE_NODE.replace("_ = tokenPath }", "_ = tokenPath\n\trole := args[len(args)-1]\n"
                                              "\tswitch role {\n\tcase \"node\":\n\tcase \"pods\":\n\t\trun(nil)\n\t}\n}"),
     ["deploy/controller.yaml", "deploy/node.yaml"]),
])
def test_a_subcommand_a_switch_of_main_runs_reaches_only_its_clause(tmp_path, main, node_file, node, reported):
    """runtime-agent's one binary runs its controller, which informs on Pods and Nodes, or, as
    `agent node`, its node agent, chosen by `switch role { case roleNode: ... }` on its first
    argument: the node agent's DaemonSet keeps no cache."""
    go_module(tmp_path, {"cmd/agent/main.go": main, f"cmd/agent/{node_file}": node,
                         "internal/watch/watch.go": _HELPER_BESIDE_A_CACHE % ""}, all_reached=False)
    for name in ("controller", "node"):
        write(tmp_path, f"deploy/{name}.yaml", _SIZED.format(request="40Mi").replace("name: api", f"name: {name}")
              .replace("image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/agent:1\n          args: [{name}, -v]"))
    assert sorted(f.location.path for f in _run(tmp_path).findings) == reported


def test_a_subcommand_reaches_only_what_its_own_files_name(tmp_path):
    """kubegems' one binary runs `service`, which imports its agent's package for a helper, and
    `agent`, which starts that package's cache: the service's container keeps none."""
    command = 'package cmd\n\nimport (\n\t"github.com/spf13/cobra"\n\t"example.com/app/internal/watch"\n)\n\n' \
        'var %sCommand = &cobra.Command{Use: "%s", Run: func(*cobra.Command, []string) { %s }}\n'
    go_module(tmp_path, {
        "cmd/app/main.go": 'package main\n\nimport "example.com/app/cmd"\n\nfunc main() { cmd.Execute() }\n',
        "cmd/service.go": command % ("service", "service", "_ = watch.NodeName()"),
        "cmd/agent.go": command % ("agent", "agent", "watch.Start(nil, nil)"),
        "internal/watch/watch.go": _HELPER_BESIDE_A_CACHE % ""}, all_reached=False)
    for name in ("service", "agent"):
        write(tmp_path, f"deploy/{name}.yaml", _SIZED.format(request="40Mi").replace("name: api", f"name: {name}")
              .replace("image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/app:1\n          args: [{name}]"))
    assert [f.location.path for f in _run(tmp_path).findings] == ["deploy/agent.yaml"]


# A controller registered with whatever manager internal/watch builds: what fills its cache.
_CONTROLLER = "package watch\n\ntype manager interface{ GetClient() any }\n\nfunc register(m manager) { _ = m.GetClient() }\n"


def _findings_of_watching_program(root, watch: str, request: str = "40Mi", controller: bool = True) -> list:
    """The findings for cmd/api, whose package imports internal/watch (`watch`, its source, and
    _CONTROLLER unless `controller` is false), run by deploy/api.yaml under _SIZED's 512Mi
    limit with `request` asked for."""
    go_module(root, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": watch,
                     **({"internal/watch/controller.go": _CONTROLLER} if controller else {})})
    write(root, "deploy/api.yaml", _SIZED.format(request=request))
    return _run(root).findings


@pytest.mark.parametrize("request_memory, watches, option, reported", [
    ("128Mi", False, None, False),  # 4x its request, nothing kept of the cluster: a small program
    ("40Mi", False, None, False),
    ("0", False, None, False),  # model-csi-driver's chart: a request of nothing
    ("256Mi", False, None, False),  # 2x: the default pacing fits the limit
    # under 2x, at its limit: exporters and node agents that list and drop, read as not worth a change
    ("320Mi", False, None, False),
    ("512Mi", False, None, False),
    (None, False, None, False),  # no request: Kubernetes asks for the limit
    ("320Mi", False, 2.0, True),  # the default until December 2026: near what it asks for
    ("256Mi", False, 2.0, False),
    ("40Mi", True, None, True),  # an informer's cache grows with the cluster, whatever it asks for
    ("40Mi", False, 0, True),  # the option turned off
    ("40Mi", False, 20, True),
])
def test_small_program_far_below_its_limit(tmp_path, request_memory, watches, option, reported):
    """A program that keeps no Kubernetes objects in memory (exoscale's CSI driver: 20Mi of
    500Mi) is not reported, but for the option: asking for at least its limit over
    `limit-over-request`. The informer is found through a package of the module that the main
    package imports."""
    main = SMALL_MAIN if not watches else _MAIN_IMPORTING_WATCH
    go_module(tmp_path, {"cmd/api/main.go": main, "internal/watch/watch.go": _WATCHES})
    if option is not None:
        write(tmp_path, ".startup-lint.toml", f"[rules.SL101]\nlimit-over-request = {option}\n")
    manifest = _SIZED.format(request=request_memory)
    if request_memory is None:
        manifest = manifest.replace("            requests:\n              memory: None\n", "")
    write(tmp_path, "deploy/api.yaml", manifest)
    result = _run(tmp_path)
    assert [f.rule_id for f in result.findings] == (["SL101"] if reported else [])
    # The message says what grows with the cluster, when the code says so.
    assert all(("(its program imports k8s.io/client-go/informers, whose cache of Kubernetes objects grows with "
                "the cluster unless scoped, and no scoping was found that applies whatever the flags)" in f.message) == watches
               for f in result.findings)


@pytest.mark.parametrize("server, copied, reported", [
    (SMALL_MAIN, "COPY web/console/server/*.go ./", False),  # openclaw-swarm: a small program
    (MAIN, "COPY web/console/server/*.go ./", True),
    (SMALL_MAIN, "COPY web/console/server/ ./", False),
    (SMALL_MAIN, "COPY server/ ./", False),  # built from its own directory
    (SMALL_MAIN, "COPY web/console/server/go.mod ./", True),  # the module's file only: not known
    # `server/` beside the Dockerfile, no module: the context is there, and what it builds is not known
    (SMALL_MAIN, "COPY server/ ./ #beside", True),
])
def test_a_dockerfile_built_from_the_repository_root_builds_the_module_it_copies_in(tmp_path, server, copied,
                                                                                    reported):
    """openclaw-swarm's console image is named for `web/console`, whose Dockerfile, built from
    the repository's root, copies in the Go files of the module in `server/` beside its web
    bundle's sources: what that program keeps decides, as for any image (a small program far
    below its limit is not reported), not a code taken as unknown."""
    copied, beside, _ = copied.partition(" #")
    go_module(tmp_path / ("server" if beside else "web/console/server"), {"main.go": server})
    if beside:
        write(tmp_path, "web/console/server/index.js", "\n")
    write(tmp_path, "web/console/package.json", "{}\n")
    write(tmp_path, "web/console/Dockerfile",
          f"FROM golang:1.25 AS build\nWORKDIR /src\n{copied}\nRUN go build -o /console .\n"
          "FROM scratch\nCOPY --from=build /console /console\nENTRYPOINT [\"/console\"]\n")
    write(tmp_path, "deploy/console.yaml", _SIZED.format(request="32Mi").replace("ghcr.io/acme/api:1", "ghcr.io/acme/console:1"))
    assert [f.path for f in _run(tmp_path, "SL101").findings] == (["deploy/console.yaml"] if reported else [])


_MANAGER = """\
package watch

import (
	"sigs.k8s.io/controller-runtime/pkg/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

func options(namespace string) ctrl.Options {
	return ctrl.Options{Cache: cache.Options{%s}}
}

func start(namespace string) (ctrl.Manager, error) {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), options(namespace))
	if err == nil {
		_ = mgr.GetClient()
	}
	return mgr, err
}
"""


@pytest.mark.parametrize("cache_options, request_memory, reported", [
    ("DefaultNamespaces: map[string]cache.Config{namespace: {}}", "40Mi", False),  # nvidia k8s-ipam's node agent
    ("DefaultLabelSelector: selector", "40Mi", False),  # opendatahub's cloud managers: 780Mi of 4Gi
    ("DefaultFieldSelector: nodeName", "40Mi", False),
    # nothing that grows with the cluster: not reported, whatever it asks for
    ("DefaultNamespaces: map[string]cache.Config{namespace: {}}", "320Mi", False),
    ("/* DefaultNamespaces: map[string]cache.Config{} */", "40Mi", True),  # a comment scopes nothing
    ("SyncPeriod: nil", "40Mi", True),  # the whole cluster's objects
    ("DefaultNamespaces: watched", "40Mi", True),  # nil, all namespaces, unless a flag names one
    ("DefaultNamespaces: map[string]cache.Config{cache.AllNamespaces: {}}", "40Mi", True),
    ("DefaultNamespaces: map[string]cache.Config{cache.AllNamespaces: {LabelSelector: owned}}", "40Mi", False),
    # opendatahub's operator: some kinds selected, the others (Services, ClusterRoles) cached whole
    ("ByObject: map[client.Object]cache.ByObject{&corev1.Secret{}: {Label: owned}}", "40Mi", True),
    # octarine-operator, on controller-runtime v0.15: its own namespace
    ("Namespaces: []string{namespace}", "40Mi", False),
    ("Namespaces: []string{}", "40Mi", True),
    ('Namespaces: []string{""}', "40Mi", True),
    # thanos-operator: a pod affinity term's namespaces, beside options that scope nothing
    ("SyncPeriod: nil}}\n}\n\nvar term = corev1.PodAffinityTerm{Namespaces: []string{namespace}", "40Mi", True),
])
def test_a_scoped_cache_keeps_no_cluster_objects(tmp_path, cache_options, request_memory, reported):
    """A controller whose cache keeps some namespaces', labels' or fields' objects does not grow
    with the cluster: far below its limit, it is left out like a program with no cache."""
    findings = _findings_of_watching_program(tmp_path, _MANAGER % cache_options, request_memory)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_NODE_AGENT = """\
package watch

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/fields"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func start(node, secret string) {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: cache.Options{
		ByObject: map[client.Object]cache.ByObject{
			&corev1.Node{}: {Field: fields.ParseSelectorOrDie("metadata.name=" + node)},
			&corev1.Secret{}: {
				Field: fields.ParseSelectorOrDie("metadata.name=" + secret),
			},
		},
	}})
	_ = ctrl.NewControllerManagedBy(mgr).
		For(&corev1.Node{}).
		Watches(&corev1.Secret{}, nil).%s
		Complete(nil)
}
"""


@pytest.mark.parametrize("more, reported", [
    ("", False),  # kvm-node-agent: its own node's Node and one Secret, all it watches
    ("\n\t\tOwns(&corev1.Pod{}).", True),  # a kind left out is cached whole
    ("\n\t\tWatches(watched, nil).", True),  # a kind not known
    # pocket-id-operator: its own resources need no selection, numbering what users create
    ("\n\t\tWatches(&dnsv1.Zone{}, nil).", False),
    # harbor-workload-identity-bridge: a kind kept to namespaces written out
    ("\n\t\tOwns(&corev1.ConfigMap{}).", True),
])
def test_per_kind_selections_of_every_watched_kind_scope_the_cache(tmp_path, more, reported):
    findings = _findings_of_watching_program(tmp_path, _NODE_AGENT % more)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("option, reported", [
    # carina's node agent, on controller-runtime before v0.15
    ("SelectorsByObject: cache.SelectorsByObject{", False),
    ("Other: cache.SelectorsByObject{", True),  # no cache option
])
def test_per_kind_selections_by_their_older_name_scope_the_cache(tmp_path, option, reported):
    source = (_NODE_AGENT % "").replace("ByObject: map[client.Object]cache.ByObject{", option)
    assert option in source
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


def test_a_message_names_no_kind_its_cache_selects(tmp_path):
    """agentic-controller keeps its sandbox Pods by label and every Secret and Job it owns: a
    message naming Pods first was read as misleading; nor does it say only that no scoping was
    found (opendatahub-operator's, read as inaccurate)."""
    (finding,) = _findings_of_watching_program(tmp_path, _NODE_AGENT % "\n\t\tOwns(&corev1.Pod{}).")
    assert "; its code names Pods, and no scoping of these was found that applies whatever the flags (its cache " \
           "options select other kinds))" in finding.message


def test_of_two_managers_a_message_names_the_kinds_either_selects(tmp_path):
    """wireflow's latticed selects ConfigMaps by label in one manager and watches them all in
    the other: which manager selects is not known, and a message leaving ConfigMaps out was read
    as undercounting."""
    second = "\tother, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})\n\t_ = other\n}\n"
    source = (_NODE_AGENT % "\n\t\tOwns(&corev1.Pod{}).").rsplit("}\n", 1)[0] + second
    (finding,) = _findings_of_watching_program(tmp_path, source)
    assert "; its code names Pods, Secrets and Nodes, and no scoping" in finding.message


@pytest.mark.parametrize("secret_selection, key, reported", [
    ("Namespaces: map[string]cache.Config{secret: {}}", "&corev1.Secret{}", False),  # cerberus' operator namespace
    ("Namespaces: map[string]cache.Config{}", "&corev1.Secret{}", True),  # none written: all of them
    # kueue: `objectKeySecret = new(corev1.Secret)` among the package's variables
    ("Namespaces: map[string]cache.Config{secret: {}}", "secretKey", False),
    ("Namespaces: map[string]cache.Config{}", "secretKey", True),
    ("Namespaces: map[string]cache.Config{secret: {}}", "otherKey", True),  # not known to be of Secrets
])
def test_per_kind_selections_assigned_one_by_one_scope_the_cache(tmp_path, secret_selection, key, reported):
    """cerberus' `NewCache` assigns its one selection, `opts.ByObject[&v1.Secret{}] =
    cache.ByObject{...}`: its cache was called cluster-wide, read as wrong."""
    literal = _NODE_AGENT[_NODE_AGENT.index("\t\tByObject:"):_NODE_AGENT.index("\t}})\n")]
    source = (_NODE_AGENT % "").replace(literal, "\t\tNewCache: func(config *rest.Config, opts cache.Options) (cache.Cache, error) {\n"
                                              "\t\t\topts.ByObject = map[client.Object]cache.ByObject{}\n"
                                              "\t\t\topts.ByObject[&corev1.Node{}] = cache.ByObject{Field: fields.Everything()}\n"
                                              f"\t\t\topts.ByObject[{key}] = cache.ByObject{{{secret_selection}}}\n"
                                              "\t\t\treturn cache.New(config, opts)\n\t\t},\n")
    source = source.replace('"k8s.io/apimachinery/pkg/fields"\n', '"k8s.io/apimachinery/pkg/fields"\n\t"k8s.io/client-go/rest"\n')
    source += "\nvar (\n\tsecretKey = new(corev1.Secret)\n\totherKey  = newKey()\n)\n"
    assert f"opts.ByObject[{key}]" in source
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


@pytest.mark.parametrize("selecting, reported", [
    ("if !watchAll {\n\t\tsecretEntry.Label = labels.Everything()\n\t}\n", False),  # perses-operator
    ("secretEntry.Label = labels.Everything()\n", False),
    ("if watchAll {\n\t\tsecretEntry.Label = labels.Everything()\n\t}\n", True),  # only when asked for
    ("", True),  # a transform selects nothing
])
def test_per_kind_selections_assigned_to_a_map_variable_scope_the_cache(tmp_path, selecting, reported):
    """perses-operator assigns its Secrets' selection to the options' map variable, as a variable
    whose label it sets unless `--watch-all-secrets` is given."""
    literal = _NODE_AGENT[_NODE_AGENT.index("\tmgr, _ :="):_NODE_AGENT.index("\t}})\n") + len("\t}})\n")]
    source = (_NODE_AGENT % "").replace(literal, (
        "\tbyObject := map[client.Object]cache.ByObject{\n"
        '\t\t&corev1.Node{}: {Field: fields.ParseSelectorOrDie("metadata.name=" + node)},\n\t}\n'
        "\tsecretEntry := cache.ByObject{Transform: nil}\n\t" + selecting +
        "\tbyObject[&corev1.Secret{}] = secretEntry\n"
        "\tmgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: cache.Options{ByObject: byObject}})\n"))
    source = source.replace('"k8s.io/apimachinery/pkg/fields"\n', '"flag"\n\n\t"k8s.io/apimachinery/pkg/fields"\n'
                            '\t"k8s.io/apimachinery/pkg/labels"\n') + \
        '\nvar watchAll bool\n\nfunc init() {\n\tflag.BoolVar(&watchAll, "watch-all-secrets", false, "")\n}\n'
    assert "byObject[&corev1.Secret{}] = secretEntry" in source
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


_SCOPED_KINDS = "\nfunc scopedKinds() []client.Object {\n\treturn []client.Object{\n\t\t%s\n\t}\n}\n"


@pytest.mark.parametrize("ranged, listed, reported", [
    # agent-office-operator: `for _, obj := range coreTypes() { byObject[obj] = ... }`
    ("scopedKinds()", "&corev1.Node{},\n\t\t&corev1.Secret{},", False),
    ("scopedKinds()", "&corev1.Node{},", True),  # Secrets left out
    ("scopedKinds()", "&corev1.Node{},\n\t\tnamed(\"Secret\"),", True),  # an element not written out
    ("kinds", "&corev1.Node{},\n\t\t&corev1.Secret{},", False),  # a variable assigned the call
    ("otherKinds()", "&corev1.Node{},\n\t\t&corev1.Secret{},", True),  # a function the file does not declare
    # a loop that ends before the entry: the entry's key is another variable's
    ("scopedKinds() {\n\t\t_ = obj\n\t}\n\tobj := &corev1.Node{}\n\t{", "&corev1.Node{},\n\t\t&corev1.Secret{},", True),
    # velkir: the map made with `make`, ranging over a package-level list
    ("ownedKinds", "&corev1.Node{},\n\t\t&corev1.Secret{},", False),
    ("ownedKinds", "&corev1.Node{},", True),
    # the list declared below the function, alone or in a group
    ("ownedKinds below", "&corev1.Node{},\n\t\t&corev1.Secret{},", False),
    ("ownedKinds grouped below", "&corev1.Node{},\n\t\t&corev1.Secret{},", False),
    ("ownedKinds grouped below", "&corev1.Node{},", True),
])
def test_per_kind_selections_keyed_by_a_loop_over_kinds_scope_the_cache(tmp_path, ranged, listed, reported):
    """agent-office-operator selects by namespace each kind of a list a function of its file
    returns, in a loop keying the options' map by the loop's variable; velkir by label each of
    a package-level list, into a map it makes."""
    literal = _NODE_AGENT[_NODE_AGENT.index("\tmgr, _ :="):_NODE_AGENT.index("\t}})\n") + len("\t}})\n")]
    package_level, below, grouped = ranged.startswith("ownedKinds"), "below" in ranged, "grouped" in ranged
    ranged = ranged.split()[0] if package_level else ranged
    made = "make(map[client.Object]cache.ByObject, len(ownedKinds))" if package_level else "map[client.Object]cache.ByObject{}"
    source = (_NODE_AGENT % "").replace(literal, (
        f"\tbyObject := {made}\n"
        "\tkinds := scopedKinds()\n\t_ = kinds\n"
        f"\tfor _, obj := range {ranged} {{\n"
        '\t\tbyObject[obj] = cache.ByObject{Field: fields.ParseSelectorOrDie("metadata.name=" + node)}\n\t}\n'
        "\tmgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: cache.Options{ByObject: byObject}})\n"))
    source += _SCOPED_KINDS % listed + "\nfunc named(kind string) client.Object { return nil }\n"
    if package_level:
        declared = f"\nvar (\n\townedKinds = []client.Object{{\n\t{listed}\n\t}}\n)\n" if grouped else \
            f"\nvar ownedKinds = []client.Object{{\n\t{listed}\n}}\n"
        source = source + declared if below else source.replace("\nfunc start(", declared + "\nfunc start(")
    assert f"range {ranged} {{" in source and (not package_level or "\townedKinds = " in source or "var ownedKinds" in source)
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


@pytest.mark.parametrize("kind_set, reported", [
    # agent-office-operator owns OpenShift Routes, an unstructured object given its kind
    ('route.SetGroupVersionKind(schema.GroupVersionKind{Group: "route.openshift.io", Version: "v1", Kind: "Route"})', False),
    ('route.SetKind("Route")', False),
    ('route.SetGroupVersionKind(schema.GroupVersionKind{Version: "v1", Kind: "Pod"})', True),  # Pods, not selected
    ("route.SetGroupVersionKind(routeKind)", True),  # a kind not written out: any
    ("", True),  # objects of any kind
    # shoot-controller: a variable given the literal, its kind a constant of the file
    ('gvk := schema.GroupVersionKind{Group: "route.openshift.io", Version: "v1", Kind: routeKindName}\n'
     "\troute.SetGroupVersionKind(gvk)", False),
    ('gvk := schema.GroupVersionKind{Version: "v1", Kind: podKindName}\n\troute.SetGroupVersionKind(gvk)', True),
    ('gvk := schema.GroupVersionKind{Version: "v1", Kind: kindName()}\n\troute.SetGroupVersionKind(gvk)', True),
    ('gvk := schema.GroupVersionKind{Version: "v1", Kind: "Route"}\n\tgvk = routeKind\n'
     "\troute.SetGroupVersionKind(gvk)", True),  # given another after the literal
    ('gvk := schema.GroupVersionKind{Group: "route.openshift.io", Version: "v1", Kind: "Route"}\n'
     '\tgvk.Group, gvk.Kind = "", "Pod"\n\troute.SetGroupVersionKind(gvk)', True),  # its fields written after
])
def test_a_watch_of_an_unstructured_object_given_its_kind_watches_that_kind(tmp_path, kind_set, reported):
    more = "\n\t\tOwns(route)."
    source = (_NODE_AGENT % more).replace("\tmgr, _ :=", f"\troute := &unstructured.Unstructured{{}}\n\t{kind_set}\n\tmgr, _ :=")
    source = source.replace('"k8s.io/apimachinery/pkg/fields"\n', '"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"\n'
                            '\t"k8s.io/apimachinery/pkg/fields"\n\t"k8s.io/apimachinery/pkg/runtime/schema"\n')
    source += "\nvar routeKind schema.GroupVersionKind\n\nfunc kindName() string { return \"\" }\n\n" \
              'const (\n\trouteKindName = "Route"\n\tpodKindName   = "Pod"\n)\n'
    assert "Owns(route)" in source and kind_set in source
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


@pytest.mark.parametrize("selection, reported", [
    ("Namespaces: map[string]cache.Config{namespace: {}}", False),
    ("Namespaces: map[string]cache.Config{}", True),  # none written: all of them
])
def test_per_kind_namespaces_scope_the_cache(tmp_path, selection, reported):
    """harbor-workload-identity-bridge keeps the Secrets of its own namespace."""
    source = (_NODE_AGENT % "").replace('Field: fields.ParseSelectorOrDie("metadata.name=" + secret),', selection + ",")
    assert selection in source
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


def test_per_kind_selections_in_a_variable_scope_the_cache(tmp_path):
    """pocket-id-operator: `byObject := map[client.Object]cache.ByObject{...}`, then `ByObject: byObject`."""
    source = (_NODE_AGENT % "").replace("\tmgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: cache.Options{\n"
                                         "\t\tByObject: map[client.Object]cache.ByObject{",
                                         "\tbyObject := map[client.Object]cache.ByObject{")
    source = source.replace("\t\t},\n\t}})\n", "\t}\n\tmgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), "
                                              "ctrl.Options{Cache: cache.Options{ByObject: byObject}})\n")
    assert "ByObject: byObject" in source
    assert _findings_of_watching_program(tmp_path, source) == []


_FILTERED_CACHE = """\
package watch

import (
	filteredcache "github.com/IBM/controller-filtered-cache/filteredcache"
	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

func start() {
	selected := map[schema.GroupVersionKind]filteredcache.Selector{
		corev1.SchemeGroupVersion.WithKind("Secret"): {LabelSelector: "managed-by-app"},
		corev1.SchemeGroupVersion.WithKind("ConfigMap"): {%s},
	}
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{NewCache: filteredcache.NewFilteredCacheBuilder(selected)})
	_ = ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Owns(&corev1.ConfigMap{}).Complete(nil)
}
"""


@pytest.mark.parametrize("selection, reported", [
    ('LabelSelector: "managed-by-app"', False),
    ('FieldSelector: "metadata.name=app"', False),
    ("", True),  # ConfigMaps selected by nothing: cached whole
])
def test_ibms_filtered_cache_builder_scopes_the_kinds_it_selects(tmp_path, selection, reported):
    """ibm-secretshare-operator hands its manager IBM's controller-filtered-cache, which keeps
    only the Secrets and ConfigMaps labelled for it: called cached whole, read as wrong."""
    findings = _findings_of_watching_program(tmp_path, _FILTERED_CACHE % selection)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("entry, builder, selected", [
    ('corev1.SchemeGroupVersion.WithKind("Secret"): {LabelSelector: "a"}', "NewFilteredCacheBuilder", {"Secret"}),
    # the enhanced builder's values are lists of selectors
    ('corev1.SchemeGroupVersion.WithKind("Secret"): {{LabelSelector: "a"}}', "NewEnhancedFilteredCacheBuilder", {"Secret"}),
    ('schema.GroupVersionKind{Version: "v1", Kind: "ConfigMap"}: {FieldSelector: "x"}', "NewFilteredCacheBuilder",
     {"ConfigMap"}),
    ('corev1.SchemeGroupVersion.WithKind("Secret"): {}', "NewFilteredCacheBuilder", set()),  # selects nothing
    ('corev1.SchemeGroupVersion.WithKind("Secret"): {LabelSelector: "a"}', "NewCache", set()),  # no such builder
])
def test_the_kinds_a_filtered_cache_builder_selects(entry, builder, selected):
    code = (f"m := map[schema.GroupVersionKind]filteredcache.Selector{{\n\t{entry},\n}}\n"
            f"_ = filteredcache.{builder}(m)\n").encode()
    assert go_code.selected_kinds(code) == selected


_SELECTION_BY_LABEL = "\nfunc byLabel(selector labels.Selector) cache.ByObject {\n\treturn cache.ByObject{Label: selector}\n}\n"


@pytest.mark.parametrize("selection, function, reported", [
    ("operatorSelection := cache.ByObject{Label: labels.SelectorFromSet(labels.Set{\"part-of\": \"app\"})}", "", False),
    ("operatorSelection := cache.ByObject{}", "", True),  # selects nothing
    ("var operatorSelection cache.ByObject", "", True),  # not written out here
    # nats-manager: what a function of the file returns
    ("operatorSelection := byLabel(labels.SelectorFromSet(labels.Set{\"part-of\": \"app\"}))", _SELECTION_BY_LABEL, False),
    ("operatorSelection := byLabel(nil)", _SELECTION_BY_LABEL.replace("{Label: selector}", "{}"), True),
    # a selection returned only under a condition, nothing otherwise
    ("operatorSelection := byLabel(nil)", _SELECTION_BY_LABEL.replace(
        "\treturn cache.ByObject{Label: selector}", "\tif selector == nil {\n\t\treturn cache.ByObject{}\n\t}\n"
        "\treturn cache.ByObject{Label: selector}"), True),
])
def test_per_kind_selections_by_a_variable_of_the_file_scope_the_cache(tmp_path, selection, function, reported):
    """secure-sign-operator selects every kind it owns by one `operatorCacheSelector :=
    cache.ByObject{Label: ...}`: its cache was called cluster-wide, read as wrong."""
    source = (_NODE_AGENT % "").replace(
        '&corev1.Secret{}: {\n\t\t\t\tField: fields.ParseSelectorOrDie("metadata.name=" + secret),\n\t\t\t},',
        "&corev1.Secret{}: operatorSelection,")
    source = source.replace("\tmgr, _ :=", f"\t{selection}\n\tmgr, _ :=").replace(
        '\t"k8s.io/apimachinery/pkg/fields"\n', '\t"k8s.io/apimachinery/pkg/fields"\n\t"k8s.io/apimachinery/pkg/labels"\n') + function
    assert "&corev1.Secret{}: operatorSelection," in source
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


_METADATA_READER = """\
package watch

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

%s

func exists(ctx context.Context, c client.Client, name string) bool {
	object := &metav1.PartialObjectMetadata{}
	object.SetGroupVersionKind(%s)
	return c.Get(ctx, client.ObjectKey{Name: name}, object) == nil
}
"""


@pytest.mark.parametrize("declared, given, reported", [
    # secure-sign-operator: metadata of Secrets, kept out of the cache by DisableFor
    ('var secretKind = schema.GroupVersionKind{Version: "v1", Kind: "Secret"}', "secretKind", False),
    ("", 'schema.GroupVersionKind{\n\t\tVersion: "v1",\n\t\tKind:    "Secret",\n\t}', False),
    ("", 'metav1.SchemeGroupVersion.WithKind("Secret")', False),
    ('var podKind = schema.GroupVersionKind{Version: "v1", Kind: "Pod"}', "podKind", True),  # Pods, cached
    ("", "kindOf(name)", True),  # any kind
])
def test_metadata_of_kinds_the_file_gives_counts_as_those_kinds(tmp_path, declared, given, reported):
    """A metadata object's kind, written out where it is set, is the kind read: metadata of
    Secrets through a client that does not cache Secrets leaves the cache scoped."""
    source = (_NODE_AGENT % "").replace("\tmgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{",
                                         "\tmgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Client: client.Options{"
                                         "Cache: &client.CacheOptions{DisableFor: []client.Object{&corev1.Secret{}}}},")
    reader = _METADATA_READER % (declared, given)
    if "kindOf" in given:
        reader += "\nfunc kindOf(name string) schema.GroupVersionKind { return schema.GroupVersionKind{} }\n"
    go_module(tmp_path, {"internal/watch/metadata.go": reader})
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


@pytest.mark.parametrize("read, reported", [
    ("c.Get(ctx, client.ObjectKey{Name: name}, object) == nil", True),
    # kubernetes-controller-sharding's sharder: through its API reader, or from a request's bytes
    ("apiReader.Get(ctx, client.ObjectKey{Name: name}, object) == nil", False),
    ("json.Unmarshal([]byte(name), object) == nil", False),
])
def test_metadata_objects_count_as_cached_only_when_read_through_a_cached_client(tmp_path, read, reported):
    source = (_NODE_AGENT % "")
    reader = (_METADATA_READER % ("var apiReader client.Reader", "kindOf(name)")).replace(
        "c.Get(ctx, client.ObjectKey{Name: name}, object) == nil", read).replace(
        '\t"context"\n', '\t"context"\n\t"encoding/json"\n')
    reader += "\nfunc kindOf(name string) schema.GroupVersionKind { return schema.GroupVersionKind{} }\n"
    assert read in reader
    go_module(tmp_path, {"internal/watch/metadata.go": reader})
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


_HELPER_WATCHING_ITS_PARAMETER = """\
package watch

import (
	corev1 "k8s.io/api/core/v1"
	dnsv1 "example.com/app/api/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/manager"
	"sigs.k8s.io/controller-runtime/pkg/source"
)

func start() error {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	zone := &dnsv1.Zone{}
	if err := addController(mgr, "zone", zone); err != nil {
		return err
	}
	return addController(mgr, "namespace", %s)
}

func addController(mgr manager.Manager, name string, kind client.Object) error {
	c, err := controller.New(name, mgr, controller.Options{})
	if err != nil {
		return err
	}
	return c.Watch(source.Kind(mgr.GetCache(), kind, &handler.EnqueueRequestForObject{}))
}
"""


@pytest.mark.parametrize("second, reported", [
    ("&corev1.Namespace{}", False),  # rbac-manager: its own resources and Namespaces
    ("&corev1.Pod{}", True),
    ("objectFor(name)", True),  # not known
])
def test_kinds_a_helper_is_given_to_watch_are_its_controllers_kinds(tmp_path, second, reported):
    """rbac-manager's `addController(mgr, r, name, cType)` watches the kind each call passes: a
    finding calling its cache one of any kind was read as wrong."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES})
    source = _HELPER_WATCHING_ITS_PARAMETER % second
    if "objectFor" in second:
        source += "\nfunc objectFor(name string) client.Object { return &corev1.Namespace{} }\n"
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == (["SL101"] if reported else [])


def test_a_methods_watch_of_its_parameter_is_not_the_function_before_it():
    """A method's parameter named like the parameter of the function above it: what that
    function's calls pass is not what the method watches."""
    method = ("\ntype reconciler struct{}\n\nfunc (r *reconciler) setup(mgr manager.Manager, kind client.Object) error {\n"
              "\tc, _ := controller.New(\"other\", mgr, controller.Options{})\n"
              "\treturn c.Watch(source.Kind(mgr.GetCache(), kind, &handler.EnqueueRequestForObject{}))\n}\n")
    source = (_HELPER_WATCHING_ITS_PARAMETER % "&corev1.Namespace{}").encode()
    assert go_code.watched_kinds(source) == go_code.Watches(frozenset({"Zone", "Namespace"}), True, frozenset())
    assert go_code.watched_kinds(source + method.encode()).known is False


def test_a_package_function_named_like_a_watch_is_none(tmp_path):
    """secure-sign-operator's `labels.For(component, name)` builds labels: taken for a watch of
    a kind not known, it left every selection of its cache unused."""
    source = (_NODE_AGENT % "").replace("func start(node, secret string) {",
                                         "func start(node, secret string) {\n\t_ = labels.For(node, secret)")
    source = source.replace("import (\n", 'import (\n\t"example.com/app/internal/labels"\n')
    go_module(tmp_path, {"internal/labels/labels.go": "package labels\n\nfunc For(component, name string) "
                                                       "map[string]string { return nil }\n"})
    assert _findings_of_watching_program(tmp_path, source) == []
    unknown = source.replace("_ = labels.For(node, secret)", "_ = builder.For(watched)")
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, unknown)] == ["SL101"]


def test_per_kind_selections_a_function_returns_scope_the_cache(tmp_path):
    """cozystack's securitygroup-controller: `ByObject: sgc.CacheByObject()`, a function of
    another package returning the selections."""
    block = _NODE_AGENT[_NODE_AGENT.index("\t\tByObject:"):_NODE_AGENT.index("\t}})\n")]
    source = (_NODE_AGENT % "").replace(block, "\t\tByObject: selections.ByObject(node, secret),\n") \
        .replace("import (\n", 'import (\n\t"example.com/app/internal/selections"\n') \
        .replace('\t"k8s.io/apimachinery/pkg/fields"\n', "").replace('\t"sigs.k8s.io/controller-runtime/pkg/client"\n', "")
    assert "map[" not in source
    selections = ('package selections\n\nimport (\n\tcorev1 "k8s.io/api/core/v1"\n'
                  '\t"k8s.io/apimachinery/pkg/fields"\n\t"sigs.k8s.io/controller-runtime/pkg/cache"\n'
                  '\t"sigs.k8s.io/controller-runtime/pkg/client"\n)\n\n'
                  'func ByObject(node, secret string) map[client.Object]cache.ByObject {\n'
                  '\treturn map[client.Object]cache.ByObject{\n'
                  '\t\t&corev1.Node{}:   {Field: fields.ParseSelectorOrDie("metadata.name=" + node)},\n'
                  '\t\t&corev1.Secret{}: {Field: fields.ParseSelectorOrDie("metadata.name=" + secret)},\n\t}\n}\n')
    go_module(tmp_path, {"internal/selections/selections.go": selections})
    assert _findings_of_watching_program(tmp_path, source) == []


_ZONE_CONTROLLER = """\
package watch

import (
	core "k8s.io/api/core/v1"
	dnsv1 "example.com/app/api/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

var _ core.ResourceRequirements

func start() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = ctrl.NewControllerManagedBy(mgr).
		For(&dnsv1.Zone{}).
		Owns(&dnsv1.Secret{}).%s
		Complete(nil)
}
"""
_ZONE_TYPES = "package v1\n\ntype Zone struct{}\n\n// Secret is the zone's own kind, not core's.\ntype Secret struct{}\n"
_SECRET_READER = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func credentials(ctx context.Context, c client.Client, key client.ObjectKey) error {
	var secret corev1.Secret
	return c.Get(ctx, key, &secret)
}
"""

def _reading(body: str) -> str:
    """_SECRET_READER with `body` for its function's."""
    return _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)", body)


# A helper of the file that computes with a Secret, reading nothing through a client.
_COMPUTING_HELPER = "\nfunc update(ctx context.Context, c client.Client, s *corev1.Secret) error {\n\ts.Labels = nil\n\treturn nil\n}\n"
# (the zone's controller owns a kind of its own named Secret)
_CONFIG_MAP_READER = _SECRET_READER.replace("corev1.Secret", "corev1.ConfigMap")
# A client of its own, built apart from the manager's, which caches nothing.
_OWN_CLIENT = ("\ntype reconciler struct{ Client client.Client }\n"
               "\nfunc own() (*reconciler, error) {\n\trc, err := client.NewWithWatch(nil, client.Options{})\n"
               "\treturn &reconciler{Client: rc}, err\n}\n"
               "\nvar other struct{ NewWithWatch func(any, client.Options) (client.WithWatch, error) }\n")

# A Secret read through the client `%s` in a call over several lines; a list read through it,
# the list's name also in the error's text.
_READ_OVER_LINES = ("secret := &corev1.Secret{}\n\tif err := %s.Get(context.Background(), client.ObjectKey{\n"
                    "\t\tNamespace: key.Namespace,\n\t\tName: key.Name,\n\t}, secret); err != nil {\n"
                    "\t\treturn err\n\t}\n\treturn nil")
_LIST_NAMED_IN_ITS_ERROR = ("list := &corev1.SecretList{}\n\tif err := %s.List(ctx, list); err != nil {\n"
                            "\t\treturn fmt.Errorf(\"list secrets: %%w\", err)\n\t}\n\treturn nil")

# kyma serverless' operator keeps Secrets and ConfigMaps out of its manager's cache.
_UNCACHED_SECRETS = """
var options = client.Options{Cache: &client.CacheOptions{DisableFor: []client.Object{
	&corev1.Secret{},
}}}
"""
_UNCACHED_CLIENT = """
var uncached = ctrl.Options{
	NewClient: func(config *rest.Config, options client.Options) (client.Client, error) {
		return client.New(config, client.Options{%s})
	},
}
"""
_CLIENTSET_READER = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

func routes(ctx context.Context, clients kubernetes.Interface) (*corev1.ConfigMap, error) {
	return clients.CoreV1().ConfigMaps("gateway").Get(ctx, "routes", metav1.GetOptions{})
}
"""

_POD_TYPES_ONLY = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func stale(ctx context.Context, clients kubernetes.Interface, c client.Client) ([]corev1.Pod, error) {
	pods, err := clients.CoreV1().Pods("").List(ctx, metav1.ListOptions{})
	if err != nil {
		return nil, err
	}
	var updatable []corev1.Pod
	for _, pod := range pods.Items {
		if needsUpdate(&pod) {
			updatable = append(updatable, pod)
		}
	}
	return updatable, nil
}

func needsUpdate(pod *corev1.Pod) bool { return pod.Annotations["zone"] == "" }
"""
_STRUCT_CLIENT_READER = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"

	"example.com/app/internal/state"
)

func credentials(ctx context.Context, s *state.Context) error {
	secret := &corev1.Secret{}
	return s.Client.Get(ctx, s.Key, secret)
}
"""
_CONFIG_ONLY_POD_MAKER = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	ctrlconfig "sigs.k8s.io/controller-runtime/pkg/client/config"
)

func startReader(ctx context.Context) error {
	clients := kubernetes.NewForConfigOrDie(ctrlconfig.GetConfigOrDie())
	_, err := clients.CoreV1().Pods("backups").Create(ctx, &corev1.Pod{}, metav1.CreateOptions{})
	return err
}
"""
_POD_WEBHOOK = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	ctrl "sigs.k8s.io/controller-runtime"
)

type defaulter struct{}

func setup(mgr ctrl.Manager) error {
	return ctrl.NewWebhookManagedBy(mgr).
		For(&corev1.Pod{}).
		WithDefaulter(&defaulter{}).
		Complete()
}

func (d *defaulter) Default(ctx context.Context, obj runtime.Object) error {
	pod, ok := obj.(*corev1.Pod)
	if ok {
		pod.Annotations = map[string]string{"zone": "a"}
	}
	return nil
}
"""


_JOB_BUILDER = """\
package %s

import (
	batchv1 "k8s.io/api/batch/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type Timed struct {
	metav1.TypeMeta `json:",inline"`
}

func built() client.Object {
	job := batchv1.Job{}
	return &job
}
"""


@pytest.mark.parametrize("package, kinds", [
    # k8s-timed-rolebinding: its API types build the Job a reconciler creates, importing the
    # client package for `client.Object` alone: no client, no read
    ("v1alpha1", set()),
    ("v1", set()),
    # elsewhere, a helper of another file may read into what it builds, as in a versioned
    # package of handlers, which declares no kind
    ("watch", {"Job"}),
    ("v1 no kind", {"Job"}),
])
def test_an_api_types_file_importing_the_client_package_for_its_types_caches_nothing(package, kinds):
    from golint_startup.kube import go_code

    source = (_JOB_BUILDER % package.split()[0]).encode()
    if "no kind" in package:
        source = source.replace(b"\tmetav1.TypeMeta", b"\tName string")
    assert go_code.growing_kinds(source, go_code.COMMENTS.sub(b"", source)) == kinds


# kube-claw: a handler's `Reader` field, given the manager's API reader in another function,
# fills a Pod whose phase it then checks.
_API_READER_FIELD = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type handler struct {
	Reader client.Reader
	Client client.Client
}

func newHandler(mgr ctrl.Manager) *handler {
	return &handler{Reader: mgr.GetAPIReader(), Client: mgr.GetClient()}
}

func (h *handler) Attest(ctx context.Context, key client.ObjectKey) error {
	var pod corev1.Pod
	if err := h.Reader.Get(ctx, key, &pod); err != nil {
		return err
	}
	return check(pod.Status.Phase)
}

func check(phase corev1.PodPhase) error { return nil }
"""


# example-httpbin-operator: a handler's `Local` field, given a client its function builds with
# no cache, fills a Pod whose phase it then checks.
_OWN_CLIENT_FIELD = _API_READER_FIELD.replace("Reader client.Reader", "Local  client.Client").replace(
    "func newHandler(mgr ctrl.Manager) *handler {\n\treturn &handler{Reader: mgr.GetAPIReader(), Client: mgr.GetClient()}",
    "func newHandler(mgr ctrl.Manager) *handler {\n\tlocal, err := client.New(mgr.GetConfig(), "
    "client.Options{Scheme: mgr.GetScheme()})\n\tif err != nil {\n\t\treturn nil\n\t}\n"
    "\treturn &handler{Local: local, Client: mgr.GetClient()}").replace("h.Reader.Get(", "h.Local.Get(")


@pytest.mark.parametrize("more, reader, reported", [
    ("", "", False),  # PowerDNS-Operator, tsproxy: its own resources only, a kind named Secret among them
    ("\n\t\tWatches(&core.Namespace{}, nil).", "", False),  # nimbus: Namespaces, a few hundred at most
    ("\n\t\tOwns(&core.ConfigMap{}).", "", True),  # the cluster's ConfigMaps, under another import name
    ("", _SECRET_READER, True),  # the client caches every Secret it reads
    ("", _SECRET_READER.replace("var secret corev1.Secret", "var secret corev1.SecretList")
        .replace("c.Get(ctx, key,", "c.List(ctx,"), True),
    ("", _CLIENTSET_READER, False),  # klaus-gateway: one ConfigMap read through the uncached clientset
    # aws-iamra-manager: Pods listed through the clientset in a file of the manager, and
    # defaulted by a webhook: named as types only, never a value its client fills in
    ("", _POD_TYPES_ONLY, False),
    ("", _POD_TYPES_ONLY.replace("\treturn updatable", "\tvar one corev1.Pod\n\t_ = one\n\treturn updatable"), True),
    ("", _POD_TYPES_ONLY.replace("var updatable []corev1.Pod", "updatable := []corev1.Pod{}"), False),
    ("", _POD_WEBHOOK, False),
    # cryostat-operator: a Pod defaulter built with admission.WithCustomDefaulter starts no informer
    ("", _POD_WEBHOOK.replace('"sigs.k8s.io/controller-runtime"', '"sigs.k8s.io/controller-runtime"\n'
                              '\t"sigs.k8s.io/controller-runtime/pkg/webhook/admission"')
        .replace("return ctrl.NewWebhookManagedBy(mgr).\n\t\tFor(&corev1.Pod{}).\n\t\tWithDefaulter(&defaulter{}).\n"
                 "\t\tComplete()",
                 "mgr.GetWebhookServer().Register(\"/mutate\", &webhook.Admission{Handler: admission.WithCustomDefaulter(\n"
                 "\t\tmgr.GetScheme(), &corev1.Pod{}, &defaulter{})})\n\treturn nil"), False),
    # kubecloudscaler: a Secret got through a controller-runtime client handed in a struct, in a
    # file importing only the struct's package
    ("", _STRUCT_CLIENT_READER, True),
    ("", _STRUCT_CLIENT_READER.replace("s.Client.Get(ctx, s.Key, secret)",
                                       "s.Clients.CoreV1().Secrets(\"a\").Create(ctx, secret, s.Options)"), False),
    ("", _POD_WEBHOOK.replace("Complete()\n", "Complete()\n\t_ = &corev1.Pod{}\n"), True),
    # snaplane: a reader Pod made for the clientset, in a file that imports of controller-runtime
    # only the package loading its rest.Config; and the same file with the manager's client,
    # where a Pod only created fills no cache either
    ("", _CONFIG_ONLY_POD_MAKER, False),
    ("", _CONFIG_ONLY_POD_MAKER.replace('ctrlconfig "sigs.k8s.io/controller-runtime/pkg/client/config"',
                                        'ctrlconfig "sigs.k8s.io/controller-runtime/pkg/client/config"\n'
                                        '\t_ "sigs.k8s.io/controller-runtime/pkg/client"'), False),
    # kubernetes-nmstate: a Secret only deleted, a ConfigMap only created, by the manager's
    # client; one created and then read, or handed to CreateOrUpdate, which gets it first
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "secret := &corev1.Secret{}\n\tsecret.Name = key.Name\n\treturn c.Delete(ctx, secret)"),
     False),
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "return c.Create(ctx, &corev1.ConfigMap{})"), False),
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "secret := &corev1.Secret{}\n\tif err := c.Create(ctx, secret); err != nil {\n"
                                "\t\treturn c.Get(ctx, key, secret)\n\t}\n\treturn nil"), True),
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "secret := &corev1.Secret{}\n\treturn update(ctx, c, secret)"), True),
    # openkruise's sandbox-manager: a Secret built with its content, handed to a helper of the
    # file that computes with it (one the file does not hold may read into it); one named by
    # its metadata alone may be read into
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\treturn update(ctx, c, secret)") +
     _COMPUTING_HELPER, False),
    ("", _reading("secret := &corev1.Secret{\n\t\tObjectMeta: metav1.ObjectMeta{Name: key.Name},\n"
                  "\t\tData:       map[string][]byte{\"a\": nil},\n\t}\n\treturn update(ctx, c, secret)") +
     _COMPUTING_HELPER, False),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\treturn update(ctx, c, secret)"), True),
    ("", _reading("secret := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: key.Name}}\n"
                  "\treturn c.Get(ctx, key, secret)"), True),
    # the desired object built, then looked up (created when not found), or through
    # CreateOrUpdate, which gets it first
    ("", _reading("secret := &corev1.Secret{\n\t\tObjectMeta: metav1.ObjectMeta{Name: key.Name},\n"
                  "\t\tType:       corev1.SecretTypeOpaque,\n\t}\n\tif err := c.Get(ctx, key, secret); err != nil {\n"
                  "\t\treturn c.Create(ctx, secret)\n\t}\n\treturn nil"), True),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n"
                  "\t_, err := controllerutil.CreateOrUpdate(ctx, c, secret, func() error { return nil })\n\treturn err"), True),
    # or handed to a helper of the file that gets it; not one whose key alone keys a read of
    # another object, nor a helper that reads nothing
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\treturn getOrCreate(ctx, c, secret)\n}\n\n"
                  "func getOrCreate(ctx context.Context, c client.Client, obj client.Object) error {\n"
                  "\treturn c.Get(ctx, client.ObjectKeyFromObject(obj), obj)"), True),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\tvar zone struct{}\n"
                  "\tif err := c.Get(ctx, client.ObjectKeyFromObject(secret), &zone); err != nil {\n\t\treturn err\n\t}\n"
                  "\treturn c.Create(ctx, secret)"), False),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\treturn label(secret)\n}\n\n"
                  "func label(s *corev1.Secret) error {\n\ts.Labels = nil\n\treturn nil"), False),
    # logged, a method or a generic function of the file that reads nothing, another variable
    # of its name after: left alone; a helper whose results hold braces, or given the
    # client's Get as a value: read
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\tlog.Info(\"creating\", \"secret\", secret)\n"
                  "\tfor _, secret := range []string{\"a\"} {\n\t\t_ = strings.TrimSpace(secret)\n\t}\n"
                  "\treturn c.Create(ctx, secret)"), False),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\tr := &R{}\n\tr.label(secret)\n"
                  "\tlabelAll(secret)\n\treturn c.Create(ctx, secret)\n}\n\ntype R struct{}\n\n"
                  "func (r *R) label(s *corev1.Secret) {\n\ts.Labels = nil\n}\n\n"
                  "func labelAll[T client.Object](obj T) {\n\tobj.SetLabels(nil)"), False),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\t_, err := getOrCreate(ctx, c, secret)\n"
                  "\treturn err\n}\n\nfunc getOrCreate(ctx context.Context, c client.Client, obj client.Object) "
                  "(map[string]struct{}, error) {\n\treturn nil, c.Get(ctx, client.ObjectKeyFromObject(obj), obj)"), True),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\treturn fetch(ctx, c.Get, key, secret)"), True),
    # a one-line helper that reads nothing, before a function that reads something else
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\treturn label(secret)\n}\n\n"
                  "func label(s *corev1.Secret) error { s.Labels = nil; return nil }\n\n"
                  "func other(ctx context.Context, c client.Client) error {\n\tvar zone struct{}\n"
                  "\treturn c.Get(ctx, client.ObjectKey{}, &zone)"), False),
    # a client's Get beside a method of the file named Get; another package's helper; a method
    # reading through another method; the object read after a loop declaring another of its name
    ("", _reading("var st store\n\t_ = st.Get(key.Name)\n\tsecret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n"
                  "\treturn c.Get(ctx, key, secret)\n}\n\ntype store struct{ m map[string]string }\n\n"
                  "func (s *store) Get(k string) string {\n\treturn s.m[k]"), True),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\treturn kube.Ensure(ctx, c, secret)\n}\n\n"
                  "type labeler struct{}\n\nfunc (labeler) Ensure(s *corev1.Secret) {\n\ts.Labels = nil")
     .replace('"context"\n', '"context"\n\n\t"example.com/app/internal/kube"\n'), True),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\tr := &R{c: c}\n\treturn r.ensure(ctx, secret)\n}\n\n"
                  "type R struct{ c client.Client }\n\nfunc (r *R) ensure(ctx context.Context, obj client.Object) error {\n"
                  "\treturn r.getOrCreate(ctx, obj)\n}\n\nfunc (r *R) getOrCreate(ctx context.Context, obj client.Object) error {\n"
                  "\treturn r.c.Get(ctx, client.ObjectKeyFromObject(obj), obj)"), True),
    ("", _reading("secret := &corev1.Secret{Type: corev1.SecretTypeOpaque}\n\tfor _, secret := range []string{\"a\"} {\n"
                  "\t\t_ = secret\n\t}\n\treturn c.Get(ctx, key, secret)"), True),
    ("", _reading("secret := &corev1.Secret{\n\t\tTypeMeta:   metav1.TypeMeta{Kind: \"Secret\"},\n"
                  "\t\tObjectMeta: metav1.ObjectMeta{Name: key.Name},\n\t}\n\treturn update(ctx, c, secret)"), True),
    # rathole-operator: a Deployment created, then updated when it exists, each time as a copy
    ("", _reading("cm := corev1.ConfigMap{}\n\tif err := c.Create(ctx, cm.DeepCopy()); err != nil {\n"
                  "\t\treturn c.Update(ctx, cm.DeepCopy())\n\t}\n\treturn nil"), False),
    ("", _reading("cm := corev1.ConfigMap{}\n\treturn c.Get(ctx, key, cm.DeepCopy())"), True),
    # and its Secret, declared in a `var (...)` group and read through the manager's client
    ("", _reading("var (\n\t\tsecret corev1.Secret\n\t\tok     = true\n\t)\n\t_ = ok\n"
                  "\treturn c.Get(ctx, key, &secret)"), True),
    ("", _reading("var (\n\t\tsecret corev1.Secret\n\t\tok     = true\n\t)\n\t_ = ok\n"
                  "\treturn c.Delete(ctx, &secret)"), False),
    # a `var (...)` group holding a predicate whose type switch names Pods: no variable of them
    ("", _reading("return nil\n}\n\nvar (\n\tisPod = func(o client.Object) bool {\n"
                  "\t\tswitch o.(type) {\n\t\tcase *corev1.Pod:\n\t\t\treturn true\n"
                  "\t\tcase *corev1.Node:\n\t\t\treturn true\n\t\t}\n\t\treturn false\n\t}\n)\n"
                  "\nfunc unused() error {\n\treturn nil"), False),
    # a Secret read through the manager's API reader, which caches nothing, and then updated
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "var secret corev1.Secret\n\tif err := mgr.GetAPIReader().Get(ctx, key, &secret); err != nil {\n"
                                "\t\treturn err\n\t}\n\treturn c.Update(ctx, &secret)"), False),
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "secret := &corev1.Secret{}\n\treturn r.APIReader.Get(ctx, key, secret)"), False),
    ("", _API_READER_FIELD, False),
    # example-httpbin-operator: Pods read through a field given only a client its main builds
    # with no cache; not one built with a cache, nor a field also given the manager's client
    ("", _OWN_CLIENT_FIELD, False),
    ("", _OWN_CLIENT_FIELD.replace("client.Options{Scheme: mgr.GetScheme()}",
                                   "client.Options{Cache: &client.CacheOptions{Reader: mgr.GetCache()}}"), True),
    ("", _OWN_CLIENT_FIELD + "\nfunc cached(mgr ctrl.Manager) *handler {\n\treturn &handler{Local: mgr.GetClient()}\n}\n", True),
    ("", _OWN_CLIENT_FIELD + "\nfunc cached(mgr ctrl.Manager, h *handler) {\n"
         "\th.Local, h.Client = mgr.GetClient(), mgr.GetClient()\n}\n", True),
    # options in a variable, which may give it a cache
    ("", _OWN_CLIENT_FIELD.replace("local, err := client.New(mgr.GetConfig(), client.Options{Scheme: mgr.GetScheme()})",
                                   "opts := client.Options{Scheme: mgr.GetScheme()}\n"
                                   "\tlocal, err := client.New(mgr.GetConfig(), opts)"), True),
    # then handed to a method of the file that reads nothing (compared), or to one that reads
    # through the manager's client
    ("", _OWN_CLIENT_FIELD.replace("return check(pod.Status.Phase)", "return h.stale(&pod)")
        + "\nfunc (h *handler) stale(pod *corev1.Pod) error {\n\treturn check(pod.Status.Phase)\n}\n", False),
    ("", _OWN_CLIENT_FIELD.replace("return check(pod.Status.Phase)", "return h.stale(pod)")
        .replace("var pod corev1.Pod\n\tif err := h.Local.Get(ctx, key, &pod)", "pod := &corev1.Pod{}\n\tif err := h.Local.Get(ctx, key, pod)")
        + "\nfunc (h *handler) stale(pod *corev1.Pod) error {\n\treturn check(pod.Status.Phase)\n}\n", False),
    # handed on by that method, to a call the file does not declare; to a function literal
    ("", _OWN_CLIENT_FIELD.replace("return check(pod.Status.Phase)", "return h.stale(pod)")
        .replace("var pod corev1.Pod\n\tif err := h.Local.Get(ctx, key, &pod)", "pod := &corev1.Pod{}\n\tif err := h.Local.Get(ctx, key, pod)")
        + "\nfunc (h *handler) stale(pod *corev1.Pod) error {\n\treturn h.keep(pod)\n}\n", True),
    ("", _OWN_CLIENT_FIELD.replace("return check(pod.Status.Phase)",
                                   "return func(p *corev1.Pod) error { return check(p.Status.Phase) }(&pod)"), True),
    ("", _OWN_CLIENT_FIELD.replace("return check(pod.Status.Phase)", "return h.refresh(ctx, pod)")
        .replace("var pod corev1.Pod\n\tif err := h.Local.Get(ctx, key, &pod)", "pod := &corev1.Pod{}\n\tif err := h.Local.Get(ctx, key, pod)")
        + "\nfunc (h *handler) refresh(ctx context.Context, pod *corev1.Pod) error {\n"
          "\treturn h.Client.Get(ctx, client.ObjectKeyFromObject(pod), pod)\n}\n", True),
    # benchhandoff: Pods read through a method returning the API reader first, the cached
    # client only when none was given; a method returning the cached client first
    ("", _API_READER_FIELD.replace("h.Reader.Get(", "h.live().Get(")
        + "\nfunc (h *handler) live() client.Reader {\n\tif h.Reader != nil {\n\t\treturn h.Reader\n\t}\n"
          "\treturn h.Client\n}\n", False),
    ("", _API_READER_FIELD.replace("h.Reader.Get(", "h.live().Get(")
        + "\nfunc (h *handler) live() client.Reader {\n\tif h.Reader == nil {\n\t\treturn h.Client\n\t}\n"
          "\treturn h.Reader\n}\n", True),
    ("", _API_READER_FIELD.replace("h.Reader.Get(", "h.live().Get(")
        + "\nfunc (h *handler) live() client.Reader {\n\tif h.debug {\n\t\treturn h.Reader\n\t}\n"
          "\treturn h.Client\n}\n", True),  # the API reader only when debugging
    # the name given the cached client too, somewhere in the program; the Pod read again through it
    ("", _API_READER_FIELD + "\nfunc cached(mgr ctrl.Manager) *handler {\n\treturn &handler{Reader: mgr.GetClient()}\n}\n",
     True),
    ("", _API_READER_FIELD.replace("\treturn check(pod.Status.Phase)", "\treturn h.Client.Get(ctx, key, &pod)"), True),
    ("", _API_READER_FIELD.replace("\treturn check(pod.Status.Phase)", "\treturn h.Client.Get(ctx,\n\t\tkey, &pod)"), True),
    # handed on whole, to what may read into it: a method of the file reading through the
    # manager's client, or one the file does not declare
    ("", _API_READER_FIELD.replace("\treturn check(pod.Status.Phase)", "\treturn h.refresh(ctx, &pod)")
        + "\nfunc (h *handler) refresh(ctx context.Context, pod *corev1.Pod) error {\n"
          "\treturn h.Client.Get(ctx, client.ObjectKeyFromObject(pod), pod)\n}\n", True),
    ("", _API_READER_FIELD.replace("\treturn check(pod.Status.Phase)", "\treturn h.refresh(ctx, &pod)"), True),
    # a field not named for a reader: another struct may be given the cached client by position
    ("", _API_READER_FIELD.replace("\tReader client", "\tSource client").replace("{Reader:", "{Source:")
        .replace("h.Reader.Get", "h.Source.Get"), True),
    # given the cached client beside it on one line; a variable given the API reader says
    # nothing of reads through its name elsewhere
    ("", _API_READER_FIELD + "\nfunc other(mgr ctrl.Manager) *handler {\n"
                             "\treturn &handler{Reader: mgr.GetClient(), Client: mgr.GetAPIReader()}\n}\n", True),
    ("", _API_READER_FIELD.replace("return &handler{Reader: mgr.GetAPIReader(), Client: mgr.GetClient()}",
                                   "h := mgr.GetAPIReader()\n\t_ = h\n\treturn &handler{Reader: mgr.GetClient()}"), True),
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "secret := &corev1.Secret{}\n\t_ = r.APIReader.Get(ctx, key, secret)\n"
                                "\treturn c.Get(ctx, key, secret)"), True),  # and through the cache
    # k8s-aws-operator: a Pod read through a client named for caching nothing (`client.New`), its
    # call over several lines; the same call through the manager's client fills its cache
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "secret := &corev1.Secret{}\n\treturn r.NonCachingClient.Get(ctx, key, secret)"), False),
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)", _READ_OVER_LINES % "r.uncachedClient"), False),
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)", _READ_OVER_LINES % "r.Client"), True),
    # a word on the line of a read through the manager's client names no reader
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "secret := &corev1.Secret{}\n\tif err := c.Get(ctx, key, secret); err != nil && !opts.Direct {\n"
                                "\t\treturn uncachedErr\n\t}\n\treturn nil"), True),
    # airunway: a list read through a client named `direct`, its name also in an error's text;
    # not one named `redirect`
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)", _LIST_NAMED_IN_ITS_ERROR % "direct"), False),
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)", _LIST_NAMED_IN_ITS_ERROR % "redirect"), True),
    # butane-operator: a Secret given its owner, then created: still only written
    ("", _SECRET_READER.replace("var secret corev1.Secret\n\treturn c.Get(ctx, key, &secret)",
                                "secret := &corev1.Secret{}\n"
                                "\tif err := controllerutil.SetControllerReference(owner, secret, scheme); err != nil {\n"
                                "\t\treturn err\n\t}\n\treturn c.Create(ctx, secret)"), False),
    # sidero: a webhook's builder, `For` a variable, starts no informer
    ("", "package watch\n\nfunc webhook(mgr ctrl.Manager, r *dnsv1.Zone) error {\n"
         "\treturn ctrl.NewWebhookManagedBy(mgr).\n\t\tFor(r).\n\t\tComplete()\n}\n", False),
    # kept out of the cache: read from the API server; unless a controller watches them
    ("", (_SECRET_READER + _UNCACHED_SECRETS).replace("Secret", "ConfigMap"), False),
    ("\n\t\tWatches(&core.ConfigMap{}, nil).", (_SECRET_READER + _UNCACHED_SECRETS).replace("Secret", "ConfigMap"), True),
    # kdoctor: controller-runtime's older option, in the manager's options
    ("", (_SECRET_READER + "\nvar options = ctrl.Options{\n\tClientDisableCacheFor: []client.Object{\n"
          "\t\t&corev1.Secret{},\n\t},\n}\n").replace("Secret", "ConfigMap"), False),
    # backplane-operator: the list assigned to the options' field after the literal
    ("", (_SECRET_READER + "\nfunc options() (o client.Options) {\n\to.Cache = &client.CacheOptions{}\n"
          "\to.Cache.DisableFor = []client.Object{\n\t\t&corev1.Secret{},\n\t}\n\treturn o\n}\n")
        .replace("Secret", "ConfigMap"), False),
    # image-controller: the list a function of the file returns
    ("", (_SECRET_READER + "\nvar options = client.Options{Cache: &client.CacheOptions{DisableFor: excluded()}}\n\n"
          "func excluded() []client.Object {\n\treturn []client.Object{\n\t\t&corev1.Secret{},\n\t}\n}\n")
        .replace("Secret", "ConfigMap"), False),
    ("", (_SECRET_READER + "\nvar options = client.Options{Cache: &client.CacheOptions{DisableFor: excluded()}}\n\n"
          "func excluded() []client.Object {\n\treturn []client.Object{\n\t\t&corev1.Pod{},\n\t}\n}\n")
        .replace("Secret", "ConfigMap"), True),
    # or appended to it
    ("", (_SECRET_READER + "\nvar options = client.Options{Cache: &client.CacheOptions{DisableFor: excluded()}}\n\n"
          "func excluded() []client.Object {\n\tvar objects []client.Object\n"
          "\tobjects = append(objects, &corev1.Secret{})\n\treturn objects\n}\n").replace("Secret", "ConfigMap"), False),
    # keptn's metrics-operator: the list a variable of the file is given
    ("", (_SECRET_READER + "\nvar excluded = []client.Object{&corev1.Secret{}}\n\n"
          "var options = client.Options{Cache: &client.CacheOptions{\n\tDisableFor: excluded,\n}}\n")
        .replace("Secret", "ConfigMap"), False),
    ("", (_SECRET_READER + "\nvar excluded = []client.Object{&corev1.Pod{}}\n\n"
          "var options = client.Options{Cache: &client.CacheOptions{\n\tDisableFor: excluded,\n}}\n")
        .replace("Secret", "ConfigMap"), True),
    # multicloud-operators-channel: the manager's client built without its cache reads from the API server
    ("", (_SECRET_READER + _UNCACHED_CLIENT % "").replace("Secret", "ConfigMap"), False),
    ("", (_SECRET_READER + _UNCACHED_CLIENT % "Cache: options.Cache").replace("Secret", "ConfigMap"), True),
    # multicloud-integrations: a function of the file builds it, named in the options
    ("", (_SECRET_READER + "\nvar uncached = ctrl.Options{\n\tNewClient: newUncached,\n}\n\n"
          "func newUncached(config *rest.Config, options client.Options) (client.Client, error) {\n"
          "\treturn client.New(config, client.Options{Scheme: options.Scheme})\n}\n").replace("Secret", "ConfigMap"), False),
    ("", (_SECRET_READER + "\nvar uncached = ctrl.Options{\n\tNewClient: newCached,\n}\n\n"
          "func newCached(config *rest.Config, options client.Options) (client.Client, error) {\n"
          "\treturn client.New(config, client.Options{Cache: options.Cache})\n}\n").replace("Secret", "ConfigMap"), True),
    ("\n\t\tWatches(&unstructured.Unstructured{}, nil).", "", True),  # objects of any kind
    ("", "package watch\n\nimport (\n\tmetav1 \"k8s.io/apimachinery/pkg/apis/meta/v1\"\n"
         "\t\"sigs.k8s.io/controller-runtime/pkg/client\"\n)\n\n"
         "var _ client.Object = &metav1.PartialObjectMetadata{}\n\nvar reader client.Reader\n", True),
    ("\n\t\tOwns(owned).", "", True),  # a kind not known
    # small kinds, numbered by apps and namespaces: infoblox-dns-controller's Ingresses,
    # synology-proxy-operator's Services, namespace-lister's RBAC
    ("\n\t\tOwns(&core.Service{}).\n\t\tWatches(&core.ServiceAccount{}, nil).", "", False),
    ("", _SECRET_READER.replace("Secret", "PersistentVolumeClaim"), False),
    ("\n\t\tOwns(&core.Service{}).", _SECRET_READER.replace("Secret", "Endpoints"), True),
    ("\n\t\tOwns(&core.Service{}).\n\t\tOwns(&core.Event{}).", "", True),
    # cloudflare-ddns-operator: CronJobs, one per scheduled task; not the Jobs they leave
    ("", _SECRET_READER.replace("Secret", "CronJob"), False),
    ("", _SECRET_READER.replace("Secret", "Job"), True),
])
def test_a_controller_caching_only_custom_resources_is_not_reported(tmp_path, more, reader, reported):
    """A controller-runtime cache holding only custom resources numbers what users create, not
    what runs in the cluster: the manager stays near its baseline whatever it asks for (read as
    not worth a change for PowerDNS-Operator, nimbus, tsproxy, kyverno-policy-operator at
    request = limit), nor does one holding small kinds besides (Services, Ingresses, RBAC, PVCs).
    One kind of the cluster that grows with it, watched or read, is cached whole."""
    files = {"api/v1/types.go": _ZONE_TYPES, **({"internal/watch/reader.go": reader} if reader else {})}
    go_module(tmp_path, files)
    findings = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % more, request="512Mi")
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("guard, reported", [("h.Reader != nil", False), ("h.debug", True)])
def test_a_method_returning_the_api_reader_given_in_another_file_reads_uncached(tmp_path, guard, reported):
    """The field given the API reader in one file, the method returning it in another: what is
    read through the method is read uncached."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES,
                         "internal/watch/reader.go": _API_READER_FIELD.replace("h.Reader.Get(", "h.live().Get("),
                         "internal/watch/live.go": "package watch\n\nimport \"sigs.k8s.io/controller-runtime/pkg/client\"\n\n"
                                                   "func (h *handler) live() client.Reader {\n"
                                                   f"\tif {guard} {{\n\t\treturn h.Reader\n\t}}\n\treturn h.Client\n}}\n"})
    findings = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % "", request="512Mi")
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("reader, takes_managers, reported", [
    # yaho: its reconcilers read through a client of its own, never the manager's
    (_CONFIG_MAP_READER + _OWN_CLIENT, False, False),
    (_CONFIG_MAP_READER + _OWN_CLIENT, True, True),
    (_CONFIG_MAP_READER + _OWN_CLIENT.replace("client.NewWithWatch", "other.NewWithWatch"), False, True),
    (_CONFIG_MAP_READER, False, True),  # given a client from elsewhere, maybe the manager's
    # a client of its own reading through a cache it builds
    (_CONFIG_MAP_READER + _OWN_CLIENT.replace("client.Options{}", "client.Options{Cache: &client.CacheOptions{}}"),
     False, True),
    # one built for a check, handed to nothing: the reconcilers' client may come from a library
    (_CONFIG_MAP_READER + _OWN_CLIENT.replace("&reconciler{Client: rc}", "&reconciler{}"), False, True),
])
def test_what_a_program_reads_through_a_client_of_its_own_alone_is_not_cached(tmp_path, reader, takes_managers, reported):
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/reader.go": reader})
    findings = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % "", request="512Mi", controller=takes_managers)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


# billing: a Secret read through a parameter its callers give only a client the program builds
# itself (`client.New`), handed on through another method's parameter. Methods, which the
# fixture's reaching file does not name as values.
_BOOTSTRAP = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type tlsConfig struct{}

func boot(ctx context.Context) error {
	bootstrap, err := client.New(nil, client.Options{})
	if err != nil {
		return err
	}
	return tlsConfig{}.options(ctx, bootstrap)
}

func (t tlsConfig) options(ctx context.Context, secrets client.Client) error {
	return t.credentials(ctx, secrets, client.ObjectKey{})
}

func (t tlsConfig) credentials(ctx context.Context, c client.Client, key client.ObjectKey) error {
	var secret corev1.Secret
	return c.Get(ctx, key, &secret)
}
"""
_MANAGERS_CLIENT = "\nfunc warm(ctx context.Context, m interface{ GetClient() client.Client }) error {\n%s\n}\n"


@pytest.mark.parametrize("more, reported", [
    ("", False),
    (None, False),  # the call over lines, a comma in a string
    # its options give it a cache; another call gives the parameter the manager's client
    ("client.Options{Cache: &client.CacheOptions{}}", True),
    (_MANAGERS_CLIENT % "\treturn tlsConfig{}.options(ctx, m.GetClient())", True),
    # review: the same name given a client of its own in another function, the manager's here
    (_MANAGERS_CLIENT % "\tc, _ := client.New(nil, client.Options{})\n\t_ = c\n\treturn nil" +
     _MANAGERS_CLIENT.replace("warm", "warmer") % "\tbootstrap := m.GetClient()\n"
                                                 "\treturn tlsConfig{}.options(ctx, bootstrap)", True),
    # given its own client, then the manager's
    (_MANAGERS_CLIENT % "\tbootstrap, _ := client.New(nil, client.Options{})\n\tbootstrap = m.GetClient()\n"
                        "\treturn tlsConfig{}.options(ctx, bootstrap)", True),
    # the method used as a value: its callers are not seen
    (_MANAGERS_CLIENT % "\tread := tlsConfig{}.options\n\treturn read(ctx, m.GetClient())", True),
    # the parameter's name given the manager's client as a variable, or declared by a function literal
    (_MANAGERS_CLIENT % "\tsecrets := m.GetClient()\n\tvar s corev1.Secret\n"
                        "\treturn secrets.Get(ctx, client.ObjectKey{}, &s)", True),
    (_MANAGERS_CLIENT % "\tread := func(secrets client.Client) error {\n\t\tvar s corev1.Secret\n"
                        "\t\treturn secrets.Get(ctx, client.ObjectKey{}, &s)\n\t}\n\treturn read(m.GetClient())", True),
])
def test_what_a_program_reads_through_a_parameter_given_only_its_own_client_is_not_cached(tmp_path, more, reported):
    caller = _BOOTSTRAP.replace("return t.credentials(ctx, secrets, client.ObjectKey{})",
                                "return t.credentials(ctx,\n\t\tsecrets, client.ObjectKey{Name: \"a,b\"})") \
        if more is None else _BOOTSTRAP.replace("client.Options{}", more) if more.startswith("client.") \
        else _BOOTSTRAP + more
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/boot.go": caller})
    findings = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % "", request="512Mi")
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


# A client of its own returned to the caller (openchoreo's API server); the manager's cache
# asked for informers of given kinds, or handed on whole.
_RETURNED_CLIENT = "\nfunc own() (client.Client, error) {\n\treturn client.New(nil, client.Options{})\n}\n"
_INFORMERS_ASKED = """\
package watch

import (
	"context"

	dnsv1 "example.com/app/api/v1"
	core "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

var _ core.ResourceRequirements

func informers(ctx context.Context, mgr ctrl.Manager) {
	_, _ = mgr.GetCache().GetInformer(ctx, &dnsv1.Zone{})
	_ = mgr.GetCache().WaitForCacheSync(ctx)
}
"""


@pytest.mark.parametrize("client_file, informers, reported", [
    (_RETURNED_CLIENT, None, False),
    (_RETURNED_CLIENT.replace("client.Options{}", "client.Options{Cache: &client.CacheOptions{}}"), None, True),
    (_RETURNED_CLIENT, _INFORMERS_ASKED, False),
    # an informer of Pods keeps every Pod, whatever client reads them
    (_RETURNED_CLIENT, _INFORMERS_ASKED.replace("&dnsv1.Zone{}", "&core.Pod{}"), True),
    # the cache handed on may be read through
    (_RETURNED_CLIENT, _INFORMERS_ASKED.replace("_ = mgr.GetCache().WaitForCacheSync(ctx)",
                                                "reader := mgr.GetCache()\n\t_ = reader"), True),
    # its context made by calls within calls
    (_RETURNED_CLIENT, _INFORMERS_ASKED.replace("GetInformer(ctx, &dnsv1.Zone{})",
                                                'GetInformer(ctrl.LoggerInto(ctx, ctrl.Log.WithName(name("x"))), &dnsv1.Zone{})')
     + "\nfunc name(s string) string { return s }\n", False),
    # an informer of Pods asked with a call for its context, or of a kind in a variable, or
    # by kind: kept, and the cache taken
    (_RETURNED_CLIENT, _INFORMERS_ASKED.replace("GetInformer(ctx, &dnsv1.Zone{})",
                                                "GetInformer(context.TODO(), &core.Pod{})"), True),
    (_RETURNED_CLIENT, _INFORMERS_ASKED.replace("_, _ = mgr.GetCache().GetInformer(ctx, &dnsv1.Zone{})",
                                                "for _, o := range kinds {\n\t\t_, _ = mgr.GetCache().GetInformer(ctx, o)\n\t}")
     + "\nvar kinds = []any{&core.Pod{}}\n", True),
    (_RETURNED_CLIENT, _INFORMERS_ASKED.replace("GetInformer(ctx, &dnsv1.Zone{})",
                                                'GetInformerForKind(ctx, core.SchemeGroupVersion.WithKind("Pod"))')
     + "\nvar _ = core.Pod{}\n", True),
    # options in a variable, which may give the client a cache
    ("\nfunc own() (client.Client, error) {\n\topts := client.Options{Cache: &client.CacheOptions{}}\n"
     "\treturn client.New(nil, opts)\n}\n", None, True),
])
def test_a_client_of_its_own_returned_and_informers_asked_of_the_cache(tmp_path, client_file, informers, reported):
    """openchoreo's API server reads Secrets through `client.New`'s client, which its
    constructor returns, and asks its manager's cache for informers of its own kinds only: no
    Secret is cached (a finding saying so was read as wrong)."""
    files = {"api/v1/types.go": _ZONE_TYPES, "internal/watch/reader.go": _CONFIG_MAP_READER + client_file,
             **({"internal/watch/informers.go": informers} if informers else {})}
    go_module(tmp_path, files)
    findings = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % "", request="512Mi", controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_FIELD_WATCHING_CONTROLLER = """\
package watch

import (
	core "k8s.io/api/core/v1"
	dnsv1 "example.com/app/api/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

var _ core.ResourceRequirements

type reconciler struct{ Type client.Object }

func (r *reconciler) setup(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(r.Type).Complete(nil)
}

func start() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = (&reconciler{Type: &dnsv1.Zone{}}).setup(mgr)
	_ = (&reconciler{%s}).setup(mgr)
}
"""


@pytest.mark.parametrize("second, reported", [
    # messaging-topology-operator: one reconciler type watching the kind each is built with
    ("Type: &dnsv1.Secret{}", False),
    ("Type: &core.Pod{}", True),
    ("Type: nil", False),  # given no kind elsewhere: the first one's
    ("", False),
])
def test_a_watch_of_a_reconcilers_field_watches_the_kinds_it_is_given(tmp_path, second, reported):
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES})
    findings = _findings_of_watching_program(tmp_path, _FIELD_WATCHING_CONTROLLER % second, request="512Mi")
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("watched, made, reported", [
    ("dnsv1.NewZone()", "", False),  # hawtio-operator's `source.Kind(cache, hawtiov2.NewHawtio(), ...)`
    ("dnsv1.NewZone(name)", "", True),  # a constructor given something: what it makes is not known
    ("zone", "", True),
    # kraan's `hr := &helmctlv2.HelmRelease{}` in the function, then `Owns(hr)`
    ("zone", "\tzone := &dnsv1.Zone{}\n", False),
    ("zone", "\tvar zone = &dnsv1.Zone{}\n", False),
    ("zone", "\tzone := &core.Pod{}\n", True),
    ("zone", "\tzone := &dnsv1.Zone{}\n\tzone = objectFor()\n", True),  # made otherwise last: not known
    ("zone", "\tif zone == nil {\n\t}\n", True),  # a comparison makes nothing
    ("r.zone", "\tzone := &dnsv1.Zone{}\n", True),  # a field, not the local of its name
])
def test_a_watch_of_what_a_kinds_constructor_makes_watches_that_kind(tmp_path, watched, made, reported):
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES + "\nfunc NewZone() *Zone { return &Zone{} }\n"})
    controller = (_ZONE_CONTROLLER % "").replace("For(&dnsv1.Zone{})", f"For({watched})").replace(
        "\tmgr, _ := ctrl.NewManager", made + "\tmgr, _ := ctrl.NewManager")
    if made:  # made in another function: not what this one watches
        assert [f.rule_id for f in _findings_of_watching_program(
            tmp_path, controller.replace(made, "") + "\nfunc other() {\n" + made + "}\n", request="512Mi")] == ["SL101"]
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, controller, request="512Mi")] == \
        (["SL101"] if reported else [])


def test_a_watch_of_a_field_given_no_kind_is_not_known(tmp_path):
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES})
    controller = _FIELD_WATCHING_CONTROLLER.replace("Type: &dnsv1.Zone{}", "Type: newObject()") % "" + \
        "\nfunc newObject() client.Object { return nil }\n"
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, controller, request="512Mi")] == ["SL101"]


def test_a_kind_kept_out_of_the_client_cache_but_watched_is_named_beside_a_watch_of_a_kind_not_known(tmp_path):
    """mkurator watches Secrets in one controller and a kind given as a variable in another,
    and keeps Secrets out of its client's cache: the watch keeps an informer of Secrets all
    the same, and its message named none (read as misleading)."""
    reader = (_SECRET_READER + _UNCACHED_SECRETS).replace("Secret", "ConfigMap")
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/reader.go": reader})
    (finding,) = _findings_of_watching_program(
        tmp_path, _ZONE_CONTROLLER % "\n\t\tOwns(owned).\n\t\tWatches(&core.ConfigMap{}, nil).", request="512Mi")
    assert "its code names ConfigMaps" in finding.message


_BOUNDED_CONTROLLER = """\
package watch

import (
	apps "k8s.io/api/apps/v1"
	batch "k8s.io/api/batch/v1"
	core "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	dnsv1 "example.com/app/api/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

func start() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = ctrl.NewControllerManagedBy(mgr).
		For(&dnsv1.Zone{}).%s
		Complete(nil)
}
"""
_POD_INFORMER = """\
package watch

import "k8s.io/client-go/informers"

func pods(factory informers.SharedInformerFactory) { _ = factory.Core().V1().Pods().Informer() }
"""
_NODES = "\n\t\tWatches(&core.Node{}, nil)."
_STATEFULSETS = "\n\t\tOwns(&apps.StatefulSet{})."


@pytest.mark.parametrize("watches, limit, more, reported", [
    # 5,000 Nodes: 133 MiB held and a 99 MiB first list, twice with the runtime's 17 MiB is 498 MiB
    (_NODES, "498Mi", {}, False),  # pod-snapshotter's agent, 2Gi
    (_NODES, "497Mi", {}, True),
    # 10,000 apps: 150 MiB held and 68 MiB listed (StatefulSets, the largest): 470 MiB
    ("\n\t\tOwns(&apps.Deployment{}).", "470Mi", {}, False),  # quartz-operator, 1Gi
    (_STATEFULSETS, "470Mi", {}, False),
    (_STATEFULSETS, "469Mi", {}, True),
    # 1,000 DaemonSets (a node runs at most 110 pods): 14 MiB held and 7 MiB listed: 76 MiB,
    # 512 MiB with the apps
    ("\n\t\tOwns(&apps.DaemonSet{}).", "128Mi", {}, False),  # hestia
    (_STATEFULSETS + "\n\t\tOwns(&apps.DaemonSet{}).", "512Mi", {}, False),
    (_STATEFULSETS + "\n\t\tOwns(&apps.DaemonSet{}).", "511Mi", {}, True),
    # both: 934 MiB; all three: 976 MiB
    (_NODES + _STATEFULSETS, "934Mi", {}, False),
    (_NODES + _STATEFULSETS, "933Mi", {}, True),
    (_NODES + _STATEFULSETS + "\n\t\tOwns(&apps.DaemonSet{}).", "975Mi", {}, True),
    (_NODES + _STATEFULSETS + "\n\t\tOwns(&apps.DaemonSet{}).", "976Mi", {}, False),
    ("\n\t\tOwns(&batch.Job{}).", "4Gi", {}, True),  # Jobs number with pods: no bound
    ("\n\t\tOwns(&core.Pod{}).", "4Gi", {}, True),
    # what the cache holds is not only what the code names
    (_NODES + "\n\t\tWatches(&unstructured.Unstructured{}, nil).", "1Gi", {}, True),
    (_NODES + "\n\t\tWatches(o, nil).", "1Gi", {}, True),
    (_NODES, "1Gi", {"internal/watch/informed.go": _POD_INFORMER}, True),
    # Karpenter's providers: its core operator caches every Pod whatever the provider's code names
    (_NODES, "1Gi", {"internal/watch/karpenter.go": 'package watch\n\nimport _ "sigs.k8s.io/karpenter/pkg/operator"\n'},
     True),
    (_NODES, "1Gi", {"internal/watch/karpenter.go": 'package watch\n\nimport _ "sigs.k8s.io/karpenter/pkg/apis/v1"\n'},
     False),  # its API types only
])
def test_a_cache_of_kinds_of_a_bounded_heap_under_a_limit_that_fits_it_is_not_reported(
        tmp_path, watches, limit, more, reported):
    """A controller-runtime cache of Nodes, Deployments, StatefulSets or DaemonSets holds at most
    what Kubernetes' largest tested cluster has of them (bench/objectsize; DaemonSets, what
    nodes running at most 110 pods each can run): under a limit of
    twice that, with the runtime's baseline, the default pacing fits. Read as not worth a
    change: pod-snapshotter's agent (Nodes, 2Gi) and quartz-operator (Deployments and
    StatefulSets, 1Gi)."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "api/v1/types.go": _ZONE_TYPES,
                         "internal/watch/watch.go": _BOUNDED_CONTROLLER % watches, **more})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="64Mi").replace("memory: 512Mi", f"memory: {limit}"))
    findings = _run(tmp_path, "SL101").findings
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])
    if "pkg/operator" in str(more):
        assert "; it runs sigs.k8s.io/karpenter, which caches every Pod, Node and DaemonSet," in findings[0].message


_HANDED_TO_KARPENTER = ("; hand the container's limit to MEMORY_LIMIT (valueFrom: resourceFieldRef: limits.memory), "
                        "from which sigs.k8s.io/karpenter sets about 90% of it as the runtime's soft limit")


@pytest.mark.parametrize("watches, listed, limit, env, named, fix", [
    (_NODES, "pods, nodes, daemonsets", "1Gi", "", "Pod, Node and DaemonSet", _HANDED_TO_KARPENTER),
    # karpenter-provider-cloudstack's ClusterRole lists no DaemonSets
    (_NODES, "pods, nodes", "1Gi", "", "Pod and Node", _HANDED_TO_KARPENTER),
    # none of its kinds may be listed: not named; its own Secrets are
    ("\n\t\tOwns(&core.Secret{}).", "secrets", "1Gi", "", None, _HANDED_TO_KARPENTER),
    # under a small limit, what its own code caches may be scoped, not the framework's cache
    (_NODES, "pods, nodes", "200Mi", "", "Pod and Node", _HANDED_TO_KARPENTER + ", and scope the cache or raise"),
    ("\n\t\tWatches(o, nil).", "pods, nodes", "200Mi", "", "Pod and Node",
     _HANDED_TO_KARPENTER + ", and raise the limit: under a limit"),
    (_NODES, "pods, nodes", "1Gi", '\n          env:\n            - {name: MEMORY_LIMIT, value: "1073741824"}', None,
     None),
])
def test_a_framework_setting_its_own_soft_limit_is_handed_the_containers_limit(tmp_path, watches, listed, limit, env,
                                                                              named, fix):
    """Karpenter's core operator sets the runtime's soft limit to 90% of its MEMORY_LIMIT: the
    fix is to hand it the container's limit (a limit written out there is one the runtime is
    told), and its cache holds what its account may list."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "api/v1/types.go": _ZONE_TYPES,
                         "internal/watch/watch.go": _BOUNDED_CONTROLLER % watches,
                         "internal/watch/karpenter.go": 'package watch\n\nimport _ "sigs.k8s.io/karpenter/pkg/operator"\n'})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="64Mi").replace("memory: 512Mi", f"memory: {limit}")
          .replace("image: ghcr.io/acme/api:1", "image: ghcr.io/acme/api:1" + env))
    write(tmp_path, "deploy/rbac.yaml", _MANAGER_RBAC % (
        _ZONES_ONLY + f'  - {{apiGroups: ["", apps], resources: [{listed}], verbs: [get, list, watch]}}\n',
        "default", "configmaps"))
    findings = _run(tmp_path, "SL101").findings
    if fix is None:
        assert findings == []
        return
    [finding] = findings
    assert (f"; it runs sigs.k8s.io/karpenter, which caches every {named}," in finding.message) if named else \
        "it runs sigs.k8s.io/karpenter" not in finding.message
    assert fix in finding.message
    assert finding.message.endswith("soft limit") == (fix == _HANDED_TO_KARPENTER)


_SECRETS_INFORMED = """\
package watch

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func secrets(client kubernetes.Interface, namespace string) {
	factory := informers.NewSharedInformerFactoryWithOptions(client, 0%s)
	_ = factory.Core().V1().Secrets().Informer()
	factory.Start(nil)
}
"""


@pytest.mark.parametrize("options, manager, reported", [
    (", informers.WithNamespace(namespace)", "ctrl.Options{}", False),
    ("", "ctrl.Options{}", True),
    ("", 'ctrl.Options{Namespace: "ops"}', True),  # the manager's scoping is not the informers'
])
def test_a_manager_of_custom_resources_beside_informers_counts_them_only(tmp_path, options, manager, reported):
    """keda-kaito-scaler's manager caches its custom resources, and its informer factory the
    Secrets of its own namespace: only the informers may grow with the cluster, and they are
    scoped (a finding calling its cache cluster-wide was read as not worth a change)."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/informed.go": _SECRETS_INFORMED % options})
    findings = _findings_of_watching_program(tmp_path, (_ZONE_CONTROLLER % "").replace("ctrl.Options{}", manager),
                                             request="512Mi")
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])
    assert all("(its program imports k8s.io/client-go/informers," in f.message for f in findings)


_MANAGER_RBAC = """\
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: manager-role
%s---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: manager-rolebinding
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: manager-role}
subjects:
  - {kind: ServiceAccount, name: %s, namespace: system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: settings-reader
  namespace: kube-system
rules:
  - {apiGroups: [""], resources: [%s], verbs: [get]}
"""
_ZONES_ONLY = "rules:\n  - {apiGroups: [dns.example.com], resources: [zones], verbs: [get, list, watch]}\n"
_ZONES_AND_CONFIGMAPS = _ZONES_ONLY + '  - {apiGroups: [""], resources: [configmaps], verbs: [get, list, watch]}\n'


@pytest.mark.parametrize("cluster_role, account, role_names, reported", [
    # cloud-ingress-operator: its ClusterRole lists only its own kinds, a Role reads one ConfigMap
    (_ZONES_ONLY, "api", "configmaps", False),
    (_ZONES_AND_CONFIGMAPS, "api", "configmaps", True),
    (_ZONES_ONLY.replace("[dns.example.com]", '[dns.example.com, ""]').replace("[zones]", "[zones, configmaps]"),
     "api", "configmaps", True),
    (_ZONES_ONLY.replace("[zones]", "[zones, configmaps]"), "api", "configmaps", False),  # its group's, not core's
    (_ZONES_ONLY.replace("[zones]", '["*"]'), "api", "configmaps", False),  # sloth: every resource of its group
    (_ZONES_ONLY.replace("[dns.example.com]", '["*"]').replace("[zones]", '["*"]'), "api", "configmaps", True),
    (_ZONES_ONLY.replace("[dns.example.com]", '[""]').replace("[zones]", '["*"]'), "api", "configmaps", True),
    (_ZONES_ONLY.replace("[dns.example.com]", "[apps]").replace("[zones]", '["*"]'), "api", "configmaps", False),
    # a rule for some ConfigMaps by name lists none
    (_ZONES_ONLY + "  - {apiGroups: [\"\"], resources: [configmaps], resourceNames: [settings], verbs: [get, list, watch]}\n",
     "api", "configmaps", False),
    # acl-manager: an informer fills by listing; watching alone keeps nothing
    (_ZONES_AND_CONFIGMAPS.replace("verbs: [get, list, watch]}\n", "verbs: [get, watch]}\n"), "api", "configmaps",
     False),
    # postgresql-controller: listing without watching fills it, and lists again
    (_ZONES_AND_CONFIGMAPS.replace("verbs: [get, list, watch]}\n", "verbs: [get, list]}\n"), "api", "configmaps", True),
    (_ZONES_ONLY, "other", "configmaps", True),  # no binding of its service account: not known
    ("aggregationRule: {clusterRoleSelectors: [{matchLabels: {aggregate: manager}}]}\n", "api", "configmaps", True),
    # RBAC that names no ConfigMaps at all (kubebuilder markers missed): the cache still cannot list them
    (_ZONES_ONLY, "api", "secrets", False),
])
def test_a_cache_holds_only_what_its_service_account_may_list(tmp_path, cluster_role, account, role_names, reported):
    """A cache cannot hold what its program may not list in every namespace: the ClusterRoles
    bound to the pod's service account say what it may."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES,
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    write(tmp_path, "deploy/rbac.yaml", _MANAGER_RBAC % (cluster_role, account, role_names))
    _SIZED_WITH_ACCOUNT = _SIZED.replace("      containers:", "      serviceAccountName: api\n      containers:")
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _ZONE_CONTROLLER % ""})
    write(tmp_path, "deploy/api.yaml", _SIZED_WITH_ACCOUNT.format(request="512Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


_NAMESPACED_RBAC = """\
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: manager-role
  namespace: system
rules:
  - {apiGroups: [""], resources: [configmaps], verbs: [get, list, watch]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: manager-rolebinding
  namespace: system
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: %s, name: manager-role}
subjects:
  - {kind: ServiceAccount, name: %s, namespace: system}
"""


@pytest.mark.parametrize("role_kind, account, cluster_binding, reported", [
    # garm-operator: its manager lists ConfigMaps through a Role of its namespace, and no
    # ClusterRoleBinding names it: its cache cannot hold them cluster-wide
    ("Role", "api", False, False),
    ("ClusterRole", "api", False, False),  # a ClusterRole bound in one namespace grants that namespace
    ("Role", "api", True, True),  # bound cluster-wide too, to a role that lists ConfigMaps
    ("Role", "default", False, True),  # the default account's cluster bindings are seldom in the tree
])
def test_an_account_bound_only_in_a_namespace_lists_nothing_cluster_wide(tmp_path, role_kind, account,
                                                                         cluster_binding, reported):
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % "",
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    write(tmp_path, "deploy/rbac.yaml", _NAMESPACED_RBAC % (role_kind, account))
    if cluster_binding:
        write(tmp_path, "deploy/cluster-rbac.yaml", _MANAGER_RBAC % (
            _ZONES_AND_CONFIGMAPS, account, "configmaps"))
    write(tmp_path, "deploy/api.yaml", _SIZED.replace("      containers:", f"      serviceAccountName: {account}\n"
                                                      "      containers:").format(request="512Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("cluster_resources, reported", [("[zones]", False), ("[zones, configmaps]", True)])
def test_an_olm_bundles_cluster_permissions_say_what_its_account_may_list(tmp_path, cluster_resources, reported):
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % "",
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    write(tmp_path, "bundle/api.clusterserviceversion.yaml", f"""\
apiVersion: operators.coreos.com/v1alpha1
kind: ClusterServiceVersion
metadata:
  name: api.v1.0.0
spec:
  install:
    spec:
      clusterPermissions:
        - serviceAccountName: api
          rules:
            - {{apiGroups: ["*"], resources: {cluster_resources}, verbs: [list, watch]}}
      permissions:
        - serviceAccountName: api
          rules:
            - {{apiGroups: [""], resources: [configmaps], verbs: [get, list, watch]}}
      deployments: []
""")
    write(tmp_path, "deploy/api.yaml", _SIZED.replace("      containers:", "      serviceAccountName: api\n"
                                                      "      containers:").format(request="512Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("config_rbac, expected", [
    # soteria: config/ lets its manager list only its own kinds, the stale bundle every ConfigMap
    (_ZONES_ONLY, []),
    (_ZONES_AND_CONFIGMAPS, [("deploy/api.yaml", ["bundle/api.clusterserviceversion.yaml"])]),
])
def test_an_olm_bundle_is_judged_by_the_copy_it_is_generated_from(tmp_path, config_rbac, expected):
    """`make bundle` writes an OLM bundle from config/: when config/'s copy of its container
    keeps only small kinds, so does the bundle's, whatever its older permissions say."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % "",
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    write(tmp_path, "deploy/rbac.yaml", _MANAGER_RBAC % (config_rbac, "api", "configmaps"))
    write(tmp_path, "deploy/api.yaml", _SIZED.replace("      containers:", "      serviceAccountName: api\n"
                                                      "      containers:").format(request="512Mi"))
    write(tmp_path, "deploy/kustomization.yaml", "resources:\n- api.yaml\n- rbac.yaml\n")
    write(tmp_path, "bundle/api.clusterserviceversion.yaml", _BUNDLE.format(name="api").replace(
        "      deployments:", "      clusterPermissions:\n        - serviceAccountName: api-operator\n          rules:\n"
        "            - {apiGroups: [\"\"], resources: [configmaps], verbs: [list, watch]}\n      deployments:").replace(
        "              spec:\n                containers:",
        "              spec:\n                serviceAccountName: api-operator\n                containers:"))
    assert _findings_with_copies(tmp_path) == expected


_ZONES_SCOPED_WHEN_NAMED = """\
package watch

import (
	"os"

	core "k8s.io/api/core/v1"
	dnsv1 "example.com/app/api/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

var _ core.ResourceRequirements

func start() {
	options := ctrl.Options{}
	if ns := os.Getenv("WATCH_NAMESPACE"); ns != "" {
		options.Cache = cache.Options{DefaultNamespaces: map[string]cache.Config{ns: {}}}
	}
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), options)
	_ = ctrl.NewControllerManagedBy(mgr).
		For(&dnsv1.Zone{}).
		Owns(&dnsv1.Secret{}).
		Complete(nil)
}
"""


@pytest.mark.parametrize("narrow, wide", [("a-narrow", "z-wide"), ("z-narrow", "a-wide")])
def test_an_olm_bundle_is_judged_by_every_copy_it_may_be_written_from(tmp_path, narrow, wide):
    """Of two small copies, one lists only its own kinds, the other every ConfigMap but names
    its namespace: under the second's permissions the bundle, naming none, caches every
    ConfigMap, whichever copy sorts first (a reviewer's case)."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONES_SCOPED_WHEN_NAMED,
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    account = "      serviceAccountName: %s\n      containers:"
    write(tmp_path, f"{narrow}/rbac.yaml", _MANAGER_RBAC % (_ZONES_ONLY, "api", "configmaps"))
    write(tmp_path, f"{narrow}/api.yaml", _SIZED.replace("      containers:", account % "api").format(request="512Mi"))
    write(tmp_path, f"{narrow}/kustomization.yaml", "resources:\n- api.yaml\n- rbac.yaml\n")
    write(tmp_path, f"{wide}/rbac.yaml", _MANAGER_RBAC.replace("manager-", "wide-") % (
        _ZONES_AND_CONFIGMAPS, "wide", "configmaps"))
    write(tmp_path, f"{wide}/api.yaml", _SIZED.replace("      containers:", account % "wide").format(
        request="512Mi").replace("          resources:\n", (
            "          env:\n            - name: WATCH_NAMESPACE\n"
            "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n          resources:\n")))
    write(tmp_path, f"{wide}/kustomization.yaml", "resources:\n- api.yaml\n- rbac.yaml\n")
    write(tmp_path, "bundle/api.clusterserviceversion.yaml", _BUNDLE.format(name="api").replace(
        "      deployments:", "      clusterPermissions:\n        - serviceAccountName: api-operator\n          rules:\n"
        "            - {apiGroups: [\"\"], resources: [configmaps], verbs: [list, watch]}\n      deployments:").replace(
        "              spec:\n                containers:",
        "              spec:\n                serviceAccountName: api-operator\n                containers:"))
    assert [path for path, _ in _findings_with_copies(tmp_path)] == ["bundle/api.clusterserviceversion.yaml"]


def test_an_olm_bundle_run_for_all_namespaces_is_judged_by_its_own_environment(tmp_path):
    """deploy/ keeps its cache to its own namespace (WATCH_NAMESPACE from metadata.namespace),
    the bundle's from OLM's target namespaces, every namespace when installed for all of them:
    the bundle is reported, whatever the copy it is written from keeps."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace("          resources:\n", (
        "          env:\n            - name: WATCH_NAMESPACE\n"
        "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n          resources:\n")))
    write(tmp_path, "bundle/api.clusterserviceversion.yaml", _BUNDLE.format(name="api").replace(
        "                    resources:\n", (
            "                    env:\n                      - name: WATCH_NAMESPACE\n"
            "                        valueFrom: {fieldRef: {fieldPath: \"metadata.annotations['olm.targetNamespaces']\"}}\n"
            "                    resources:\n")))
    assert [path for path, _ in _findings_with_copies(tmp_path)] == ["bundle/api.clusterserviceversion.yaml"]


_CHART_RBAC = """\
{{- if .Values.rbac.enable }}
---
apiVersion: {{ template "chart.rbacApiVersion" . }}
kind: ClusterRole
metadata:
  labels:
    {{- include "chart.labels" . | nindent 4 }}
  name: {{ include "chart.fullname" . }}-manager
%s{{- end }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: {{ include "chart.fullname" . }}-manager
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: {{ include "chart.fullname" . }}-%s
subjects:
  - kind: ServiceAccount
    name: {{ .Values.serviceAccountName }}
    namespace: {{ .Release.Namespace }}
"""


_CHART_CONTAINER = """\
spec:
  template:
    spec:
      serviceAccountName: {{ .Values.serviceAccountName }}
      containers:
        - name: api
          image: {{ .Values.image.repository }}:{{ .Values.image.tag }}
          resources: {{ toYaml .Values.resources | nindent 12 }}
"""


@pytest.mark.parametrize("cluster_role, bound, reported", [
    # pocketbase-operator: the chart binds its manager to a role that lists none of what it reads
    (_ZONES_ONLY, "manager", False),
    (_ZONES_AND_CONFIGMAPS, "manager", True),
    # a rule under a condition counts as granted
    (_ZONES_ONLY + '  {{- if .Values.settings }}\n  - {apiGroups: [""], resources: [configmaps], verbs: [list]}\n'
                   '  {{- end }}\n', "manager", True),
    # a condition among a rule's words writes nothing
    (_ZONES_ONLY + '  - apiGroups: [""]\n    resources:\n    - configmaps{{ if .Values.settings }}\n'
                   '    {{- end }}\n    verbs: [list]\n', "manager", True),
    # rules the values or a named template write, a role bound by a name written otherwise,
    # alternatives: not known
    (_ZONES_ONLY + "  {{- toYaml .Values.extraRules | nindent 2 }}\n", "manager", True),
    (_ZONES_ONLY + '  {{- include "chart.rules" . | nindent 2 }}\n', "manager", True),
    ('{{- include "chart.rules" . }}\n', "manager", True),
    # Helm 2's labels at the start of the line, a templated apiVersion: what names the role
    (_ZONES_ONLY.replace("rules:", '  annotations:\n{{ include "chart.annotations" . | indent 4 }}\nrules:'),
     "manager", False),
    (_ZONES_ONLY, "editor", True),
    (_ZONES_ONLY + "{{- else }}\n" + _ZONES_ONLY, "manager", True),
    # database-manager: extra rules from values the defaults leave empty render nothing
    (_ZONES_ONLY + "  {{- with .Values.extraRules }}\n  {{- toYaml . | nindent 2 }}\n  {{- end }}\n", "manager", False),
    (_ZONES_ONLY + "  {{- with .Values.image }}\n  {{- toYaml . | nindent 2 }}\n  {{- end }}\n",
     "manager", True),  # a value the defaults set: what it writes is not known
    # alternatives the defaults decide are read as they render: the image's tag is set, and
    # a value the values leave out is false
    ("{{- if .Values.image.tag }}\n" + _ZONES_ONLY + "{{- else }}\n" + _ZONES_AND_CONFIGMAPS + "{{- end }}\n",
     "manager", False),
    ("{{- if .Values.namespaced }}\n" + _ZONES_AND_CONFIGMAPS + "{{- else }}\n" + _ZONES_ONLY + "{{- end }}\n",
     "manager", False),
    ("{{- if .Values.namespaced }}\n" + _ZONES_ONLY + "{{- else }}\n" + _ZONES_AND_CONFIGMAPS + "{{- end }}\n",
     "manager", True),
    ("{{- if .Values.namespaced }}\n" + _ZONES_AND_CONFIGMAPS + "{{- else if .Values.image.tag }}\n" + _ZONES_ONLY +
     "{{- else }}\n" + _ZONES_AND_CONFIGMAPS + "{{- end }}\n", "manager", False),
    ("{{- if .Values.rbac.extra.rules }}\n" + _ZONES_ONLY + "{{- else }}\n" + _ZONES_ONLY + "{{- end }}\n",
     "manager", False),
    ("{{- if include \"chart.namespaced\" . }}\n" + _ZONES_ONLY + "{{- else }}\n" + _ZONES_ONLY + "{{- end }}\n",
     "manager", True),  # a condition the defaults do not decide: alternatives, not known
    # `else with` a value the defaults leave unset: the last branch is what renders
    ("{{- if .Values.namespaced }}\n" + _ZONES_ONLY + "{{- else with .Values.rbac.extra }}\n" + _ZONES_ONLY +
     "{{- else }}\n" + _ZONES_AND_CONFIGMAPS + "{{- end }}\n", "manager", True),
])
def test_a_charts_cluster_roles_say_what_its_containers_may_list(tmp_path, cluster_role, bound, reported):
    """A chart's ClusterRoles and bindings are read with their template actions set aside."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % "",
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    _write_chart(tmp_path, "charts/api", "api", template_more=_CHART_CONTAINER)
    write(tmp_path, "charts/api/templates/rbac.yaml", _CHART_RBAC % (cluster_role, bound))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("rules, namespaced, reported", [
    (_ZONES_ONLY, "", False),
    (_ZONES_AND_CONFIGMAPS, "", True),
    (_ZONES_AND_CONFIGMAPS, "namespaced: true\n", False),  # a Role: nothing listed in every namespace
])
def test_a_charts_role_kind_chosen_by_a_value_is_read_as_the_defaults_choose(tmp_path, rules, namespaced, reported):
    """opendepot's chart writes `kind: {{ if .Values.rbac.scopeToNamespace }}Role{{ else }}ClusterRole
    {{ end }}` for its roles and bindings, namespaced off by default: its ClusterRole, which lets its
    version controller get Secrets but not list them, says what its cache may hold."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % "",
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    _write_chart(tmp_path, "charts/api", "api", template_more=_CHART_CONTAINER)
    write(tmp_path, "charts/api/values.yaml", _CHART_VALUES + namespaced)
    choice = "{{ if .Values.namespaced }}%s{{ else }}Cluster%s{{ end }}"
    rbac = (_CHART_RBAC % (rules, "manager")).replace("kind: ClusterRoleBinding", "kind: " + choice % (
        "RoleBinding", "RoleBinding")).replace("kind: ClusterRole\n", "kind: " + choice % ("Role", "Role") + "\n")
    write(tmp_path, "charts/api/templates/rbac.yaml", rbac.replace("{{- if .Values.rbac.enable }}", "{{- if true }}"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("ui_account", ["ui", "manager", ""])
def test_a_charts_container_is_judged_by_the_accounts_of_the_templates_writing_its_image(tmp_path, ui_account):
    """opendepot's chart runs each of its programs under an account of its own: another
    workload's account, bound to no ClusterRole, says nothing of what the controller may list."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % "",
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    _write_chart(tmp_path, "charts/api", "api", template_more=_CHART_CONTAINER)
    write(tmp_path, "charts/api/values.yaml", _CHART_VALUES + "serviceAccountName: manager\n")
    write(tmp_path, "charts/api/templates/rbac.yaml", _CHART_RBAC.replace("{{- if .Values.rbac.enable }}", "{{- if true }}")
          % (_ZONES_ONLY, "manager"))
    account = f"      serviceAccountName: {ui_account}\n" if ui_account else ""
    write(tmp_path, "charts/api/templates/ui.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-ui\n"
          f"spec:\n  template:\n    spec:\n{account}      containers:\n        - name: ui\n"
          "          image: nginx:1.27\n")
    assert [f.rule_id for f in _run(tmp_path).findings] == []


@pytest.mark.parametrize("directory, rules, reported", [
    # cozystack's backup-controller: the ClusterRole written out without a template action
    ("charts/api/templates", _ZONES_ONLY, False),
    ("charts/api/templates", _ZONES_AND_CONFIGMAPS, True),
    ("charts/api/templates/rbac", _ZONES_ONLY, False),
    ("charts/api/files", _ZONES_ONLY, True),  # not a template: not what the chart installs
])
def test_a_charts_cluster_role_without_actions_is_its_template_too(tmp_path, directory, rules, reported):
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % "",
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    _write_chart(tmp_path, "charts/api", "api", template_more=_CHART_CONTAINER)
    write(tmp_path, "charts/api/templates/binding.yaml", "apiVersion: rbac.authorization.k8s.io/v1\n"
          "kind: ClusterRoleBinding\nmetadata:\n  name: api-manager\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n"
          "  kind: ClusterRole\n  name: api-manager\nsubjects:\n  - kind: ServiceAccount\n"
          "    name: {{ .Values.serviceAccountName }}\n    namespace: {{ .Release.Namespace }}\n")
    write(tmp_path, f"{directory}/role.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                                               "metadata:\n  name: api-manager\n" + rules)
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("hostile", [
    "rules: " + "[" * 300 + "]" * 300 + "\n",  # deeper than any manifest
    "rules: [" * 3 + "\n",  # not YAML
    "rules:\n{{- range .Values.rules\n",  # an action left open
])
def test_a_charts_rbac_that_cannot_be_read_leaves_what_it_lists_unknown(tmp_path, hostile):
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % "",
                         "internal/watch/reader.go": _SECRET_READER.replace("Secret", "ConfigMap")})
    _write_chart(tmp_path, "charts/api", "api", template_more=_CHART_CONTAINER)
    write(tmp_path, "charts/api/templates/rbac.yaml", _CHART_RBAC % (hostile, "manager"))
    assert [f.rule_id for f in _run(tmp_path).findings] == ["SL101"]


def test_a_watched_kind_its_rbac_does_not_let_it_list_is_not_cached(tmp_path):
    """depscaler-operator and k8s-scheduled-scaler-operator own Deployments that their
    ClusterRoles do not let them list: as installed, the watch never fills (findings calling
    the cache cluster-wide were read as wrong)."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES})
    write(tmp_path, "deploy/rbac.yaml", _MANAGER_RBAC % (_ZONES_ONLY, "api", "configmaps"))
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % "\n\t\tOwns(&core.ConfigMap{})."})
    write(tmp_path, "deploy/api.yaml", _SIZED.replace("      containers:", "      serviceAccountName: api\n"
                                                      "      containers:").format(request="512Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == []


_NAMESPACE_WEBHOOK = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func start() error {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	if err != nil {
		return err
	}
	return ctrl.NewWebhookManagedBy(mgr).For(&corev1.Pod{}).WithValidator(validator{mgr.GetClient()}).Complete()
}

type validator struct{ c client.Client }

func (v validator) Owner(ctx context.Context, name string) error {
	namespace := &corev1.Namespace{}
	return v.c.Get(ctx, client.ObjectKey{Name: name}, namespace)
}
"""


@pytest.mark.parametrize("more, reported", [
    ("", False),  # route-validator: its webhooks read Namespaces, and nothing else
    ("\nfunc (v validator) Pull(ctx context.Context) error {\n\tvar s corev1.Secret\n"
     "\treturn v.c.Get(ctx, client.ObjectKey{}, &s)\n}\n", True),
    # mutating-registry-webhook: the Pod under review, decoded from the request
    ("\nfunc (v validator) Handle(req []byte, d interface{ Decode([]byte, any) error }) error {\n"
     "\tpod := &corev1.Pod{}\n\treturn d.Decode(req, pod)\n}\n", False),
    ("\nfunc (v validator) Handle(req []byte) error {\n\tvar pod corev1.Pod\n"
     "\treturn json.Unmarshal(req, &pod)\n}\n", False),
    ("\nfunc (v validator) Handle(ctx context.Context, req []byte, d interface{ Decode([]byte, any) error }) error {\n"
     "\tpod := &corev1.Pod{}\n\t_ = d.Decode(req, pod)\n\treturn v.c.Get(ctx, client.ObjectKey{}, pod)\n}\n",
     True),  # then read through the cached client too
])
def test_a_manager_with_no_controller_reading_only_small_kinds_is_not_reported(tmp_path, more, reported):
    """With no controller, what the cache holds is what the client reads: Namespaces, a few
    hundred at most, are not a cache that grows with the cluster (a webhook's `For` starts no
    informer). A manager whose code names no kind at all is still reported: what it keeps is
    not known."""
    findings = _findings_of_watching_program(tmp_path, _NAMESPACE_WEBHOOK + more, request="512Mi", controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("package, reported", [
    ("example.net/mesh/pkg/k8s/apis/mesh.example/v2", False),  # another project's custom resource
    ("k8s.io/apimachinery/pkg/apis/meta/v1", True),  # object metadata: no kind read
    ("example.net/gateway/api/v1alpha1", False),  # kubebuilder's layout: netcon's gateway
    ("example.net/gateway/api/network/v1beta2", False),  # its multi-group layout
    ("example.net/gateway/api/client", True),  # an HTTP API's client: no resource's version
    ("k8s.io/api/core/v1", True),  # Kubernetes' own: an AddressPool of it is no custom resource
])
def test_a_manager_with_no_controller_reading_only_custom_resources_is_not_reported(tmp_path, package, reported):
    """kubernetes-webhooks' Service validator reads Cilium's IP pools, cluster-scoped custom
    resources, through the manager's client: what its cache holds numbers what users create
    (a finding calling it one that grows with the cluster was read as wrong)."""
    pools = _NAMESPACE_WEBHOOK.replace('\tcorev1 "k8s.io/api/core/v1"\n', f'\tcorev1 "k8s.io/api/core/v1"\n\tpools "{package}"\n')
    pools = pools.replace("namespace := &corev1.Namespace{}", "namespace := &pools.AddressPool{}")
    findings = _findings_of_watching_program(tmp_path, pools, request="512Mi", controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


def test_the_message_names_the_kinds_that_grow_with_the_cluster(tmp_path):
    """What a reader checks first: which of the cluster's objects the program names, the most
    memory first, and how many more; small kinds (Leases, Ingresses) are not among them."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/reader.go": _SECRET_READER})
    more = "".join(f"\n\t\tOwns(&core.{kind}{{}})." for kind in ("Lease", "ConfigMap", "Pod", "Event", "Ingress"))
    findings = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % more, request="512Mi")
    assert "; its code names Pods, Secrets, ConfigMaps and 1 more kind, and no scoping" in findings[0].message


def test_a_controller_beside_an_informer_is_named_for_its_cache(tmp_path):
    """theatre's managers import client-go's tools/cache for a console's watch beside their
    manager: the message names controller-runtime, whose cache the controllers fill, and the
    kinds its code names."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/informers.go": _WATCHES})
    findings = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % "\n\t\tOwns(&core.Pod{}).")
    assert "its program imports sigs.k8s.io/controller-runtime, whose cache of Kubernetes objects grows with the " \
           "cluster unless scoped; its code names Pods," in findings[0].message


@pytest.mark.parametrize("more, reported", [("", []), ("\n\t\tOwns(&core.Pod{}).", ["charts/api/values.yaml"])])
def test_a_chart_of_a_controller_caching_only_custom_resources_leaves_out_its_copies(tmp_path, more, reported):
    """The chart is what users install: its container left out, the `config/manager` copy of
    the same program under another limit is not reported either."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _ZONE_CONTROLLER % more})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="512Mi"))
    _write_chart(tmp_path, "charts/api", "api")
    assert [f.location.path for f in _run(tmp_path).findings] == reported


@pytest.mark.parametrize("mount, watches, reported", [
    ("/host/opt/cni/bin", False, False),  # sriov-cni: copies its plugin to the host, then sleeps
    ("/host/opt/cni/bin/", False, False),
    ("/host/opt/cni/bin", True, True),  # multus' thick daemon: a plugin server that caches Pods
    ("/host/etc/cni/net.d", True, True),
])
def test_a_cni_plugin_installer_is_not_reported(tmp_path, mount, watches, reported):
    """The plugin a CNI DaemonSet installs runs on the host, outside the container and its
    limit; the container's own program copies it there and waits (sriov-cni, ipoib-cni)."""
    main = SMALL_MAIN if not watches else _MAIN_IMPORTING_WATCH
    go_module(tmp_path, {"cmd/api/main.go": main, "internal/watch/watch.go": _WATCHES})
    pod = _SIZED.format(request="512Mi").replace(
        "          resources:", f"          volumeMounts:\n            - {{name: cnibin, mountPath: {mount}}}\n"
                                "          resources:")
    write(tmp_path, "deploy/api.yaml", pod)
    result = _run(tmp_path)
    assert [f.rule_id for f in result.findings] == (["SL101"] if reported else [])


_NODE_INFORMERS = """\
package watch

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func factory(client kubernetes.Interface, node string) informers.SharedInformerFactory {
	return informers.NewSharedInformerFactoryWithOptions(client, 0,
		informers.WithTweakListOptions(func(options *metav1.ListOptions) {
			options.%s = "spec.nodeName=" + node
		}))
}
"""


@pytest.mark.parametrize("option, reported", [("FieldSelector", False), ("LabelSelector", False),
                                              ("ResourceVersion", True)])
def test_an_informer_factory_listing_a_selection_is_scoped(tmp_path, option, reported):
    """device-metrics-exporter's informers list its own node's Pods: what they keep does not
    grow with the cluster."""
    findings = _findings_of_watching_program(tmp_path, _NODE_INFORMERS % option)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_LEASES_AND_SERVICES = """\
package watch

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func watch(client kubernetes.Interface, namespace string) {
	leases := informers.NewSharedInformerFactoryWithOptions(client, 0, informers.WithNamespace(namespace),
		informers.WithTweakListOptions(func(o *metav1.ListOptions) { o.LabelSelector = "app=lb" }))
	leases.Start(nil)
%s}
"""


@pytest.mark.parametrize("second, reported", [
    ("", False),
    ("\tservices := informers.NewSharedInformerFactory(client, 0)\n\tservices.Start(nil)\n", True),
    ("\t_, services := cache.NewIndexerInformer(nil, nil, 0, nil, cache.Indexers{})\n\t_ = services\n", True),
])
def test_an_informer_beside_a_scoped_one_caches_the_cluster(tmp_path, second, reported):
    """purelb's node agent scopes its election's Leases to its namespace and lists every
    Service and EndpointSlice of the cluster through informers of their own. A construction
    given a namespace and a selection is scoped once (cloudflare-gateway-controller's)."""
    findings = _findings_of_watching_program(tmp_path, _LEASES_AND_SERVICES % second, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])
    assert all("(its program imports k8s.io/client-go/" in f.message for f in findings)


_NODE_PODS_AND_CLAIMS = """\
package watch

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func watch(client kubernetes.Interface, node string) {
	pods := informers.NewSharedInformerFactoryWithOptions(client, 0,
		informers.WithTweakListOptions(func(o *metav1.ListOptions) { o.FieldSelector = "spec.nodeName=" + node }))
	_ = pods.Core().V1().Pods().Informer()
	claims := informers.NewSharedInformerFactory(client, 0)
	_ = claims.Core().V1().PersistentVolumeClaims().Informer()
%s	pods.Start(nil)
	claims.Start(nil)
}
"""


@pytest.mark.parametrize("more, reported", [
    ("", False),
    ("\t_ = claims.Core().V1().Pods().Informer()\n", True),  # the unscoped one asked for a growing kind too
    ("\tstartMore(claims)\n", True),  # handed on: what else it is asked for is not known
])
def test_an_unscoped_factory_asked_only_for_small_kinds_keeps_nothing_that_grows(tmp_path, more, reported):
    """kubevirt-storage-latency-exporter scopes its Pod factory to its node and asks a second,
    unscoped factory only for PersistentVolumeClaims: a finding calling its cache
    cluster-wide was read as wrong."""
    findings = _findings_of_watching_program(tmp_path, _NODE_PODS_AND_CLAIMS % more, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_SLICES_KEPT_IN_A_FIELD = """\
package watch

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func newSliceManager(client kubernetes.Interface) *sliceManager {
	factory := informers.NewSharedInformerFactory(client, 0)
	_ = factory.Resource().V1beta1().ResourceSlices().Informer()
	m := &sliceManager{
		factory: factory,
	}
%s	factory.Start(nil)
	return m
}

func (m *sliceManager) stop() {
	if m.factory != nil {
		m.factory.Shutdown()
	}
}
"""


@pytest.mark.parametrize("more, reported", [
    ("", False),
    ("\t_ = m.factory.Core().V1().Pods().Informer()\n", True),  # asked for a growing kind through the field
    ("\tm.other = m.factory\n", True),  # handed on: what else it is asked for is not known
    # a map's key is no field: handed on
    ("\tcluster := \"a\"\n\tstartAll(map[string]informers.SharedInformerFactory{cluster: factory})\n", True),
])
def test_a_factory_kept_in_a_field_and_asked_only_for_small_kinds_keeps_nothing_that_grows(tmp_path, more, reported):
    """dcgm-exporter scopes its Pod factory to its node; its DRA manager asks an unscoped
    factory only for ResourceSlices, keeps it in a field and only shuts it down through it: a
    finding calling its cache cluster-wide was read as wrong."""
    write(tmp_path, "internal/watch/pods.go", _NODE_PODS_AND_CLAIMS % "")
    # Its type declared in a file of its own, as dcgm-exporter's types.go does.
    write(tmp_path, "internal/watch/types.go", 'package watch\n\nimport "k8s.io/client-go/informers"\n\n'
                                               "type sliceManager struct {\n\tfactory informers.SharedInformerFactory\n"
                                               "\tother   informers.SharedInformerFactory\n}\n")
    findings = _findings_of_watching_program(tmp_path, _SLICES_KEPT_IN_A_FIELD % more, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_TYPED_INFORMERS = """\
package watch

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	other "example.com/acme/informers"
	dnsv1 "example.com/acme/api/v1"
)

func watch(client kubernetes.Interface) {
	factory := informers.NewSharedInformerFactory(client, 0)
	claims := factory.Resource().
		V1().
		ResourceClaims()
	_, _ = claims.Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{})
%s	factory.Start(nil)
}
"""


@pytest.mark.parametrize("more, reported", [
    ("", False),
    ("\t_ = factory.Networking().V1().Ingresses().Lister()\n", False),
    ("\t_ = factory.Core().V1().Pods().Lister()\n", True),  # a kind that grows with the cluster
    ("\t_, _ = factory.InformerFor(nil, nil), factory.Core()\n", True),  # a kind not written
    ("\t_ = cache.NewSharedIndexInformer(nil, nil, 0, nil)\n", True),  # an informer not asked of the factory
    # scheduledscale: informers on a ListWatch of the object handed, its own resources or small kinds
    ("\t_ = cache.NewSharedIndexInformer(&cache.ListWatch{ListFunc: list}, &dnsv1.Zone{}, 0, nil)\n", False),
    ("\t_, _ = cache.NewInformer(lw(func() {}), &networkingv1.Ingress{}, 0, nil)\n", False),
    ("\t_, _ = cache.NewInformer(lw(func() {}), &corev1.Secret{}, 0, nil)\n", True),
    # built only when a setting that names no namespace is empty: still of a small kind
    ("\tif mode == \"\" {\n\t\t_, _ = cache.NewInformer(lw(func() {}), &networkingv1.Ingress{}, 0, nil)\n\t}\n", False),
    ("\t_, _ = cache.NewInformer(lw, new(dnsv1.Zone), 0, nil)\n", True),  # a kind not written so
    ("\t_, _ = other.NewInformer(lw, &dnsv1.Zone{}, 0, nil)\n", True),  # not client-go's
    ("\t_ = cache.NewSharedIndexInformer(lw, &unstructured.Unstructured{}, 0, nil)\n", True),  # objects of any kind
    # scheduledscale: the program's own constructor builds only what its body builds
    ("\t_ = NewInformer(client)\n}\n\nfunc NewInformer(c any) any {\n"
     "\treturn cache.NewSharedIndexInformer(nil, &dnsv1.Zone{}, 0, nil)\n", False),
])
def test_informers_asked_of_a_factory_for_small_kinds_only_are_not_reported(tmp_path, more, reported):
    """cxl-dra-driver's controller informs only on ResourceClaims, one per pod that asks for
    CXL memory: read as not worth a change. Like a cache of custom resources, what it keeps
    stays small whatever the cluster."""
    findings = _findings_of_watching_program(tmp_path, _TYPED_INFORMERS % more, request="512Mi", controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_FILTERED_INFORMER = """\
package watch

import (
	"k8s.io/client-go/dynamic/dynamicinformer"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func watch(client any, node string) {
	options := dynamicinformer.TweakListOptionsFunc(func(o *metav1.ListOptions) {
		o.%s = "node=" + node
	})
	factory := dynamicinformer.NewFilteredDynamicSharedInformerFactory(client, 0, "", options)
	factory.Start(nil)
}
"""


_FILTERED_INLINE = """\
package watch

import (
	informerscorev1 "k8s.io/client-go/informers/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func watch(client any) {
	informer := informerscorev1.NewFilteredConfigMapInformer(client, metav1.NamespaceAll, 0, nil, func(o *metav1.ListOptions) {
		o.%s = "metadata.name=settings"
	})
	informer.Run(nil)
}
"""


# iter8: the options a dozen lines above the filtered factory that takes them.
_FILTERED_FAR = _FILTERED_INFORMER.replace("\tfactory := ", "".join(
    f"\tlabel{n} := \"app.kubernetes.io/part-of-iter8-{n}\"\n\t_ = label{n}\n" for n in range(12)) + "\tfactory := ")


@pytest.mark.parametrize("source", [_FILTERED_INFORMER, _FILTERED_INLINE, _FILTERED_FAR])
@pytest.mark.parametrize("option, reported", [("LabelSelector", False), ("FieldSelector", False),
                                              ("ResourceVersion", True)])
def test_a_filtered_informer_given_a_selection_is_scoped(tmp_path, source, option, reported):
    """thundernetes' node agent watches its own node's GameServers, its options written just
    before the filtered constructor; registry-proxy its one ConfigMap, the options in the call."""
    findings = _findings_of_watching_program(tmp_path, source % option)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("kind, package", [
    ("Node", ""), ("ResourceSlice", ""),
    ("CustomResourceDefinition", "k8s.io/apiextensions-apiserver/pkg/client/informers/externalversions/apiextensions/v1"),
])
def test_a_filtered_informer_of_a_kind_without_namespace_takes_none(tmp_path, kind, package):
    """`NewFilteredNodeInformer(client, 0, indexers, tweak)`: its second argument is the resync
    period, not a namespace."""
    source = _FILTERED_INLINE.replace("NewFilteredConfigMapInformer(client, metav1.NamespaceAll, 0, nil,",
                                      f"NewFiltered{kind}Informer(client, 0, nil,")
    if package:
        source = source.replace("k8s.io/client-go/informers/core/v1", package)
    assert go_code.scopings((source % "ResourceVersion").encode()).informers_always == 0


def test_a_generated_clients_filtered_informer_of_a_namespaced_kind_takes_its_namespace(tmp_path):
    """Cluster API's `IPAddress` is namespaced: its generated informer takes a namespace second,
    unlike client-go's cluster-scoped one of the same name."""
    source = _FILTERED_INLINE.replace("k8s.io/client-go/informers/core/v1", "example.com/ipam/informers/ipam/v1").replace(
        "NewFilteredConfigMapInformer(client, metav1.NamespaceAll,", 'NewFilteredIPAddressInformer(client, "acme-system",')
    assert _findings_of_watching_program(tmp_path, source % "ResourceVersion") == []


@pytest.mark.parametrize("namespace, reported", [
    ('"proxy"', False), ("ns", False), ("cfg.Namespace()", False),  # kubevpn's proxy mapper: one namespace's
    ('""', True), ("metav1.NamespaceAll", True),  # all of them
])
def test_a_typed_filtered_informer_given_a_namespace_is_scoped(tmp_path, namespace, reported):
    source = _FILTERED_INLINE.replace("metav1.NamespaceAll", namespace).replace(
        "func watch(client any) {", "func watch(client any, ns string, cfg interface{ Namespace() string }) {")
    findings = _findings_of_watching_program(tmp_path, source % "ResourceVersion")
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_ONE_KIND_INFORMER = """\
package watch

import (
	coreinformers "k8s.io/client-go/informers/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func watch(client any) {
	informer := coreinformers.New%sInformer(client, %s)
	informer.Run(nil)
	_ = metav1.NamespaceAll
}
"""


# client-go's typed informers of one kind, built without list options.
_KIND_INFORMERS = """\
package watch

import (
	appsinformers "k8s.io/client-go/informers/apps/v1"
	coreinformers "k8s.io/client-go/informers/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func watch(client any, ns string) {
	daemonSets := appsinformers.NewDaemonSetInformer(client, metav1.NamespaceSystem, 0, nil)
	go daemonSets.Run(nil)
	pods := coreinformers.NewPodInformer(client, %s, 0, nil)
	go pods.Run(nil)
	%s
}
"""


@pytest.mark.parametrize("namespace, reported", [
    ("metav1.NamespaceSystem", False), ("ns", False),  # gke-prober scopes its DaemonSets so, to kube-system
    ("metav1.NamespaceAll", True), ('""', True),
])
def test_a_typed_informer_of_one_kind_given_a_namespace_is_scoped(tmp_path, namespace, reported):
    findings = _findings_of_watching_program(tmp_path, _KIND_INFORMERS % (namespace, ""))
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("package, kind, arguments", [
    ("k8s.io/client-go/informers/core/v1", "Node", "resync, nil"),
    ("example.com/generated/informers/acme/v1", "Node", "resync, nil"),
    ("k8s.io/client-go/informers/resource/v1alpha3", "DeviceTaintRule", "0, nil"),  # its arguments tell, not a list
    ("k8s.io/client-go/informers/resource/v1alpha3", "FilteredDeviceTaintRule", "0, nil, nil"),
])
def test_a_typed_informer_of_a_kind_without_namespace_takes_none(tmp_path, package, kind, arguments):
    """`NewNodeInformer(client, resync, indexers)`: its second argument is the resync period,
    not a namespace; a generated client's informer of the same shape may be of a kind without
    one too."""
    source = (_ONE_KIND_INFORMER % (kind, arguments)).replace("k8s.io/client-go/informers/core/v1", package)
    assert go_code.scopings(source.replace("client any", "client any, resync int").encode()).informers_always == 0


def test_a_message_names_the_package_whose_informers_are_unscoped(tmp_path):
    """gke-prober scopes its apps/v1 informers to kube-system and informs on every Node with
    core/v1's: the message named the first package met, apps/v1."""
    source = _KIND_INFORMERS % ("metav1.NamespaceSystem", "nodes := coreinformers.NewNodeInformer(client, 0, nil)\n"
                                "\tnodes.Run(nil)")
    (finding,) = _findings_of_watching_program(tmp_path, source)
    assert "its program imports k8s.io/client-go/informers/core/v1," in finding.message


@pytest.mark.parametrize("kind, arguments, named", [
    ("Pod", "metav1.NamespaceAll, 0, nil", "Pods"), ("Namespace", "0, nil", None), ("PersistentVolume", "0, nil", None),
])
def test_a_typed_informer_of_one_kind_asks_for_its_kind(tmp_path, kind, arguments, named):
    """Its kind is in its name: a cache of every Pod grows with the cluster and the message
    names it; one of only Namespaces stays small, as a factory's does."""
    findings = _findings_of_watching_program(tmp_path, _ONE_KIND_INFORMER % (kind, arguments), controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if named else [])
    if named:
        assert f"its code asks informers for {named}" in findings[0].message


# kube-applier-gcp's reader: its ListWatch built by a method of the file.
_LIST_WATCH_BUILT_BY_A_METHOD = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/tools/cache"
)

type wrapped struct{ *cache.ListWatch }

type reader struct {
	resource dynamic.ResourceInterface
	rest     cache.Getter
	name     string
}

func run(resource dynamic.ResourceInterface) {
	(&reader{resource: resource, name: "settings"}).start()
}

func (r *reader) start() {
	%s
	informer.Run(nil)
}

func (r *reader) inNamespace(namespace string) *cache.ListWatch {
	return cache.NewListWatchFromClient(r.rest, "configmaps", namespace, fields.Everything())
}

func (r *reader) oneObject() *cache.ListWatch {
	selector := metav1.SingleObject(metav1.ObjectMeta{Name: r.name}).FieldSelector
	return &cache.ListWatch{
		ListWithContextFunc: func(ctx context.Context, options metav1.ListOptions) (runtime.Object, error) {
			options.FieldSelector = selector
			return r.resource.List(ctx, options)
		},
		WatchFuncWithContext: func(ctx context.Context, options metav1.ListOptions) (watch.Interface, error) {
			options.FieldSelector = selector
			return r.resource.Watch(ctx, options)
		},
	}
}

func (r *reader) everyObject() *cache.ListWatch {
	return &cache.ListWatch{
		ListWithContextFunc: func(ctx context.Context, options metav1.ListOptions) (runtime.Object, error) {
			return r.resource.List(ctx, options)
		},
		WatchFuncWithContext: func(ctx context.Context, options metav1.ListOptions) (watch.Interface, error) {
			return r.resource.Watch(ctx, options)
		},
	}
}
"""


_BUILT_INFORMER = "informer := cache.NewSharedIndexInformer(&wrapped{ListWatch: r.%s}, &corev1.ConfigMap{}, 0, cache.Indexers{})"


@pytest.mark.parametrize("construction, reported", [
    (_BUILT_INFORMER % "oneObject()", False),
    (_BUILT_INFORMER % "everyObject()", True),
    # given what to list: all namespaces, whatever its body selects
    (_BUILT_INFORMER % "inNamespace(metav1.NamespaceAll)", True),
    # an event handler's call builds no ListerWatcher
    ("_, informer := cache.NewInformerWithOptions(cache.InformerOptions{\n\t\tListerWatcher: r.everyObject(),\n"
     "\t\tObjectType: &corev1.ConfigMap{},\n"
     "\t\tHandler: cache.ResourceEventHandlerFuncs{AddFunc: func(obj interface{}) { r.oneObject() }},\n\t})", True),
])
def test_a_list_watch_built_by_a_method_of_the_file_that_selects_scopes_the_informer(tmp_path, construction, reported):
    findings = _findings_of_watching_program(tmp_path, _LIST_WATCH_BUILT_BY_A_METHOD % construction, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


# kube-applier-gcp informs on Firestore documents, hyperfleet's manager on Postgres rows.
_LIST_WATCH_OF_ANOTHER_STORE = """\
package watch

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/tools/cache"
)

type store interface {
	All(ctx context.Context) (runtime.Object, error)
	List(ctx context.Context, options metav1.ListOptions) (runtime.Object, error)
	Changes(ctx context.Context) watch.Interface
}

type wrapped struct{ cache.ListerWatcher }

func inform(rows store, example runtime.Object) cache.SharedIndexInformer {
	lw := &cache.ListWatch{
		ListWithContextFunc: func(ctx context.Context, %s metav1.ListOptions) (runtime.Object, error) {
			%s
		},
		WatchFuncWithContext: func(ctx context.Context, _ metav1.ListOptions) (watch.Interface, error) {
			return rows.Changes(ctx), nil
		},
	}
	return cache.NewSharedIndexInformer(&wrapped{lw}, example, 0, cache.Indexers{})
}
"""


@pytest.mark.parametrize("inline", [False, True])
@pytest.mark.parametrize("parameter, listing, reported", [
    ("_", "return rows.All(ctx)", False),
    ("opts", "return rows.All(ctx)", False),  # hyperfleet: named, not used
    ("opts", "return rows.List(ctx, opts)", True),  # what Kubernetes' API lists take
    ("_", "return rows.List(ctx, metav1.ListOptions{})", True),
    ("_", "return rows.All(ctx)\n\t\t\t_ = &corev1.Pod{}", True),  # handed a kind of Kubernetes' API, below
])
def test_an_informer_on_a_list_watch_of_another_store_keeps_nothing_that_grows(tmp_path, inline, parameter, listing,
                                                                               reported):
    source = _LIST_WATCH_OF_ANOTHER_STORE % (parameter, listing)
    if "corev1.Pod" in listing:
        source = source.replace("\n\t\t\t_ = &corev1.Pod{}", "").replace(", example, 0,", ", &corev1.Pod{}, 0,").replace(
            '\t"k8s.io/apimachinery/pkg/runtime"', '\tcorev1 "k8s.io/api/core/v1"\n\t"k8s.io/apimachinery/pkg/runtime"')
        assert "&corev1.Pod{}, 0," in source
    if inline:
        literal = source[source.index("&cache.ListWatch{"):source.index("\n\treturn cache.")]
        source = source.replace("\tlw := " + literal + "\n", "").replace("&wrapped{lw}", literal.replace("\n\t", "\n"))
        assert "lw" not in source.replace("ListWatch", "")
    findings = _findings_of_watching_program(tmp_path, source, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


# k8s-ces-setup waits on its own resources with client-go's watch helpers.
_WAITING_WITH_WATCH_TOOLS = """\
package watch

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	watchtools "k8s.io/client-go/tools/watch"
)

func wait(ctx context.Context, client any, lw any, rv string) {
	%s
}
"""


@pytest.mark.parametrize("call, reported", [
    # a stream of events, kept nowhere: Until's retry watcher over the client's Watch
    ("w, _ := client.Watch(ctx, metav1.ListOptions{})\n\t_ = w\n\t_, _ = watchtools.Until(ctx, rv, lw, nil)", False),
    ("_, _ = watchtools.NewRetryWatcher(rv, lw)", False),
    ("_, _ = watchtools.UntilWithSync(ctx, lw, nil, nil)", True),  # an informer of what it lists
    ("_, _, _, _ = watchtools.NewIndexerInformerWatcher(lw, nil)", True),
])
def test_client_gos_watch_helpers_keep_objects_only_in_informers(tmp_path, call, reported):
    findings = _findings_of_watching_program(tmp_path, _WAITING_WITH_WATCH_TOOLS % call, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


# A file of client-go ListWatches, up to its code.
_LIST_WATCH_FILE_HEAD = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
)
"""
# perf-tests' slo-monitor: a ListWatch of every Pod, run by client-go's bare controller on a
# queue of its own that stores nothing.
_CONTROLLER_ON_OWN_QUEUE = _LIST_WATCH_FILE_HEAD + """
func run(c kubernetes.Interface, stop chan struct{}) {
	lw := &cache.ListWatch{
		ListFunc: func(o metav1.ListOptions) (runtime.Object, error) {
			return c.CoreV1().Pods("").List(context.TODO(), metav1.ListOptions{Limit: 1})
		},
		WatchFunc: func(o metav1.ListOptions) (watch.Interface, error) {
			o.AllowWatchBookmarks = true
			return c.CoreV1().Pods("").Watch(context.TODO(), o)
		},
	}
	cache.New(&cache.Config{Queue: %s, ListerWatcher: lw, ObjectType: &corev1.Pod{}}).Run(stop)
}
"""


_WATCH_FUNC_LITERAL = """WatchFunc: func(o metav1.ListOptions) (watch.Interface, error) {
			o.AllowWatchBookmarks = true
			return c.CoreV1().Pods("").Watch(context.TODO(), o)
		},"""
_WATCHING_HELPER = """
func watchPods(c kubernetes.Interface) cache.WatchFunc {
	return func(o metav1.ListOptions) (watch.Interface, error) {
		return c.CoreV1().Pods("").Watch(context.TODO(), o)
	}
}
"""


@pytest.mark.parametrize("queue, more, watch_func, reported", [
    ("newDroppingQueue()", "", None, False),
    ("cache.NewDeltaFIFOWithOptions(cache.DeltaFIFOOptions{KnownObjects: cache.NewStore(nil)})", "", None, True),
    # a queue of the program's own named like client-go's
    ("NewFIFO()", "", None, False),
    # the ListWatch handed to an informer or a reflector, or a watch of its own beside it
    ("newDroppingQueue()", "\n\t_ = cache.NewSharedIndexInformer(lw, &corev1.Pod{}, 0, nil)", None, True),
    ("newDroppingQueue()", "\n\t_ = cache.NewReflectorWithOptions(lw, &corev1.Pod{}, cache.NewStore(nil), "
                           "cache.ReflectorOptions{})", None, True),
    ("newDroppingQueue()", "\n\t_ = cache.NewNamedReflector(\"pods\", lw, &corev1.Pod{}, cache.NewStore(nil), 0)",
     None, True),
    ("newDroppingQueue()", "\n\tw, _ := c.CoreV1().Pods(\"\").Watch(context.TODO(), metav1.ListOptions{})\n\t_ = w",
     None, True),
    # the watch given by client-go 0.33's field, or by a function of the file
    ("newDroppingQueue()", "", _WATCH_FUNC_LITERAL.replace("WatchFunc: func(o metav1",
                                                          "WatchFuncWithContext: func(ctx context.Context, o metav1"),
     False),
    ("newDroppingQueue()", "", "WatchFunc: watchPods(c),", False),
])
def test_a_list_watch_keeps_what_it_is_handed_to_keeps(tmp_path, queue, more, watch_func, reported):
    source = _CONTROLLER_ON_OWN_QUEUE % queue
    assert _WATCH_FUNC_LITERAL in source
    source = source.replace(_WATCH_FUNC_LITERAL, watch_func or _WATCH_FUNC_LITERAL)
    source += _WATCHING_HELPER if "watchPods" in source else ""
    source = source.replace(".Run(stop)\n}", ".Run(stop)" + more + "\n}") + \
        "\nfunc newDroppingQueue() cache.Queue { return nil }\n\nfunc NewFIFO() cache.Queue { return nil }\n"
    findings = _findings_of_watching_program(tmp_path, source, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


def test_a_bare_controller_keeps_objects_on_client_gos_queue_made_in_another_file(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _CONTROLLER_ON_OWN_QUEUE % "newQueue()",
                         "internal/watch/queue.go": 'package watch\n\nimport "k8s.io/client-go/tools/cache"\n\n'
                                                    "func newQueue() cache.Queue {\n\treturn cache.NewDeltaFIFOWithOptions("
                                                    "cache.DeltaFIFOOptions{KnownObjects: cache.NewStore(nil)})\n}\n"})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == ["SL101"]


# aad-pod-identity's NMI: the tweak that selects its node's Pods is made by a function below.
_FILTERED_BY_HELPER = """\
package watch

import (
	informerscorev1 "k8s.io/client-go/informers/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/tools/cache"
)

func watch(client any, node string) {
	informer := informerscorev1.NewFilteredPodInformer(client, metav1.NamespaceAll, 0, nil, %s)
	informer.AddEventHandler(cache.ResourceEventHandlerFuncs{})
	informer.Run(nil)
}

func onNode(node string) func(*metav1.ListOptions) {
	return func(o *metav1.ListOptions) {
		o.%s = "spec.nodeName=" + node
	}
}

func nodeOptions(o *metav1.ListOptions) {
	o.%s = "spec.nodeName=node-1"
}
"""


@pytest.mark.parametrize("tweak, option, reported", [
    ("onNode(node)", "FieldSelector", False),  # a helper's call makes the tweak
    ("nodeOptions", "FieldSelector", False),  # a helper passed by name
    ("\n\t\tonNode(node),\n\t", "FieldSelector", False),  # gofmt's layout, a trailing comma
    ("onNode(node)", "ResourceVersion", True),  # a helper that selects nothing
    ("nil", "FieldSelector", True),  # a helper the construction does not name
])
def test_a_filtered_informer_given_a_helpers_selection_is_scoped(tmp_path, tweak, option, reported):
    findings = _findings_of_watching_program(tmp_path, _FILTERED_BY_HELPER % (tweak, option, option))
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("change", [
    # named where no tweak goes: the client argument
    ("informerscorev1.NewFilteredPodInformer(client, metav1.NamespaceAll, 0, nil, nil)",
     "informerscorev1.NewFilteredPodInformer(onNode(node), metav1.NamespaceAll, 0, nil, nil)"),
    # a parameter, or a local, of the helper's name: not the file's function
    ("func watch(client any, node string) {", "func watch(client any, node string, nodeOptions func(*metav1.ListOptions)) {"),
    ("func watch(client any, node string) {", "func watch(client any, node string) {\n\tnodeOptions := func(*metav1.ListOptions) {}"),
    ("func watch(client any, node string) {",
     "func watch(client interface{}, node string, nodeOptions func(*metav1.ListOptions)) {"),
    ("func watch(client any, node string) {", "func watch(client any, node string) {\n\tvar a, nodeOptions func(*metav1.ListOptions)\n\t_ = a"),
])
def test_a_helper_named_where_no_tweak_goes_does_not_scope_the_informer(tmp_path, change):
    source = (_FILTERED_BY_HELPER % ("nodeOptions", "FieldSelector", "FieldSelector")).replace(
        "informerscorev1.NewFilteredPodInformer(client, metav1.NamespaceAll, 0, nil, nodeOptions)",
        "informerscorev1.NewFilteredPodInformer(client, metav1.NamespaceAll, 0, nil, nil)"
        if change[0].startswith("informerscorev1") else
        "informerscorev1.NewFilteredPodInformer(client, metav1.NamespaceAll, 0, nil, nodeOptions)")
    assert change[0] in source
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source.replace(*change))] == ["SL101"]


@pytest.mark.parametrize("opening, line_end", [
    ("{ // on its node\n\t_ = nodeOptions\n", "\n"),  # a comment after the body's brace
    ("{\n\t_ = nodeOptions\n", "\r\n"),  # a CRLF file naming the helper before the construction
])
def test_a_helpers_name_in_the_body_is_no_parameter(tmp_path, opening, line_end):
    """The header that holds a function's parameters ends at the brace opening its body: a
    helper named in the body before the construction is still the file's function."""
    source = (_FILTERED_BY_HELPER % ("nodeOptions", "FieldSelector", "FieldSelector")).replace(
        "func watch(client any, node string) {\n", "func watch(client any, node string) " + opening)
    assert opening in source
    assert _findings_of_watching_program(tmp_path, source.replace("\n", line_end)) == []


def test_a_helper_given_twice_scopes_both_informers(tmp_path):
    source = (_FILTERED_BY_HELPER % ("nodeOptions", "FieldSelector", "FieldSelector")).replace(
        "\tinformer.Run(nil)\n", "\tinformer.Run(nil)\n\tsecond := informerscorev1.NewFilteredPodInformer(client, "
        "metav1.NamespaceAll, 0, nil, nodeOptions)\n\tsecond.Run(nil)\n")
    assert "second" in source
    assert _findings_of_watching_program(tmp_path, source) == []


def test_an_unfiltered_factorys_last_argument_is_no_tweak(tmp_path):
    """`NewSharedInformerFactory(client, resync())`: its last argument is the resync period."""
    source = _FILTERED_BY_HELPER % ("nil", "FieldSelector", "FieldSelector")
    source = source.replace('informerscorev1 "k8s.io/client-go/informers/core/v1"', '"k8s.io/client-go/informers"').replace(
        "informer := informerscorev1.NewFilteredPodInformer(client, metav1.NamespaceAll, 0, nil, nil)",
        "informer := informers.NewSharedInformerFactory(client, resync()).Core().V1().Pods().Informer()") + (
        "\nfunc resync() int {\n\topts := metav1.ListOptions{}\n\topts.LabelSelector = \"app=x\"\n\treturn 0\n}\n")
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source)] == ["SL101"]


_HANDLER_CALLING_A_HELPER = """\
package watch

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/tools/cache"
)

func watch(client any) {
	_, controller := cache.NewInformer(&cache.ListWatch{}, &corev1.Pod{}, 0, cache.ResourceEventHandlerFuncs{
		AddFunc: func(any) { nodeOptions(nil) },
	})
	controller.Run(nil)
}

func nodeOptions(o *metav1.ListOptions) {
	o.FieldSelector = "spec.nodeName=node-1"
}
"""


def test_a_helper_an_event_handler_calls_does_not_scope_the_informer(tmp_path):
    """What the informer's own handlers call selects nothing the informer lists."""
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, _HANDLER_CALLING_A_HELPER)] == ["SL101"]


_DYNAMIC_INFORMER_OF_PODS = """\
package watch

import (
	"k8s.io/client-go/dynamic/dynamicinformer"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

var pods = schema.GroupVersionResource{Version: "v1", Resource: "pods"}

func watch(client any, obj interface{ GetNamespace() string }) {
	informer := dynamicinformer.NewFilteredDynamicInformer(client, pods, %s, 0, nil, nil)
	informer.Informer().Run(nil)
}
"""


@pytest.mark.parametrize("source", [_FILTERED_INFORMER.replace('0, "", options)', "0, %s, options)").replace(
    "o.%s", "o.ResourceVersion").replace("func watch(client any, node string)",
                                        "func watch(client any, node string, obj interface{ GetNamespace() string })"),
                                    _DYNAMIC_INFORMER_OF_PODS,
                                    _DYNAMIC_INFORMER_OF_PODS.replace("dynamic/dynamicinformer", "metadata/metadatainformer").replace(
                                        "dynamicinformer.NewFilteredDynamicInformer", "metadatainformer.NewFilteredMetadataInformer")])
@pytest.mark.parametrize("namespace, reported", [
    ("obj.GetNamespace()", False), ('"apps"', False),  # radius' waiter: the namespace of what it waits for
    ('""', True), ("metav1.NamespaceAll", True),  # all of them
    ("node", True),  # a variable may hold a flag's "" (spicedb-operator's)
    ("opts.Namespace", True),  # so may a field
    ("metav1.NamespaceSystem", False),  # written out
])
def test_a_filtered_factory_or_dynamic_informer_given_a_namespace_is_scoped(tmp_path, source, namespace, reported):
    """Their namespace is the third argument; a dynamic informer's second is its resource,
    which scopes nothing."""
    findings = _findings_of_watching_program(tmp_path, source % namespace)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_SCOPED_FACTORY_BESIDE_A_MANAGER = """\
package watch

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	%s
)

func watch(client kubernetes.Interface, ns string) {
	factory := informers.NewSharedInformerFactoryWithOptions(client, 0, informers.WithNamespace(ns))
	factory.Core().V1().Pods().Informer()
	factory.Start(nil)
	_, _ = manager.New(%s)
}
"""


@pytest.mark.parametrize("imported, args, reported", [
    ('"example.com/app/internal/manager"', "db, queue", False),  # radius' operation status manager
    ('"sigs.k8s.io/controller-runtime/pkg/manager"', "cfg, manager.Options{}", True),  # a cache of its own
])
def test_only_controller_runtimes_manager_counts_as_a_cache_beside_informers(tmp_path, imported, args, reported):
    findings = _findings_of_watching_program(tmp_path, _SCOPED_FACTORY_BESIDE_A_MANAGER % (imported, args),
                                             controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("kind, reported", [("Deployment", True), ("DaemonSet", False)])
def test_a_daemonset_beside_the_kubebuilder_manager_is_another_program(tmp_path, kind, reported):
    """thundernetes' `config/manager` adds its node agent's DaemonSet, its image named by a
    variable, beside the manager: it is not the manager whose cache the project's main keeps."""
    go_module(tmp_path, {"main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    manifest = _SIZED.format(request="256Mi").replace("kind: Deployment", f"kind: {kind}").replace(
        "ghcr.io/acme/api:1", "${IMAGE_NAME_NODE_AGENT}:${IMAGE_TAG}")
    write(tmp_path, "config/manager/manager.yaml", manifest)
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


def test_a_kubebuilder_manager_is_the_program_in_cmd(tmp_path):
    """oadp-operator: the scaffold's image builds cmd/main.go, whose cache is scoped; a tool
    elsewhere in the module (must-gather) caching the cluster is not the manager."""
    go_module(tmp_path, {
        "cmd/main.go": _MAIN_IMPORTING_WATCH,
        "internal/watch/watch.go": _MANAGER % "DefaultLabelSelector: selector",
        "must-gather/cmd/main.go": 'package main\n\nimport _ "example.com/app/internal/operator"\n\nfunc main() {}\n',
        "internal/operator/operator.go": _MANAGER.replace("package watch", "package operator") % "SyncPeriod: nil"})
    write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", _SIZED.format(request="40Mi").replace("ghcr.io/acme/api:1",
                                                                                         "controller:latest"))
    assert _run(tmp_path).findings == []


def test_a_scoped_cache_counts_for_its_own_program_only(tmp_path):
    """opendatahub: the image built at the root holds the operator and a cloud manager; the
    cloud manager's scoped cache says nothing of the operator's, which caches the cluster."""
    scoped = _MANAGER % "DefaultLabelSelector: selector"
    whole = _MANAGER.replace("package watch", "package operator") % "SyncPeriod: nil"
    go_module(tmp_path, {
        "cmd/cloudmanager/main.go": _MAIN_IMPORTING_WATCH,
        "internal/watch/watch.go": scoped,
        "cmd/operator/main.go": 'package main\n\nimport _ "example.com/app/internal/operator"\n\nfunc main() {}\n',
        "internal/operator/operator.go": whole})
    write(tmp_path, "Dockerfile", "FROM golang:1.24 AS build\nRUN go build ./cmd/...\n")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace("ghcr.io/acme/api:1", "app:1"))
    result = _run(tmp_path)
    assert [f.rule_id for f in result.findings] == ["SL101"]


_NAMESPACES_IN_A_VARIABLE = """\
package watch

import (
	"sigs.k8s.io/controller-runtime/pkg/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

func options(namespace string) ctrl.Options {
	watched := map[string]cache.Config{%s}
	return ctrl.Options{Cache: cache.Options{DefaultNamespaces: watched}}
}

func start(namespace string) (ctrl.Manager, error) {
	return ctrl.NewManager(ctrl.GetConfigOrDie(), options(namespace))
}
"""


@pytest.mark.parametrize("namespaces, reported", [
    ("namespace: {}, \"storage-client\": {}", False),  # ocs-operator: its own namespaces
    # cluster-api-provider-rke2: declared nil, given namespaces only when a flag names one
    ("}\n\tvar watched map[string]cache.Config\n\tif namespace != \"\" {\n"
     "\t\twatched = map[string]cache.Config{namespace: {}}\n\t}\n\t_ = map[string]cache.Config{", True),
    ("", True),  # filled in later, if at all: often nil, the whole cluster
    ("cache.AllNamespaces: {}", True),
    # gitea-operator: filled in from a list written out
    ("}\n\tfor _, ns := range []string{\"default\", \"cert-manager\"} {\n\t\twatched[ns] = cache.Config{}\n\t}\n"
     "\t_ = map[string]cache.Config{", False),
    ("}\n\tfixed := []string{\"default\", \"cert-manager\"}\n\tfor _, ns := range fixed {\n"
     "\t\twatched[ns] = cache.Config{}\n\t}\n\t_ = map[string]cache.Config{", False),
    ("}\n\tfor _, ns := range strings.Split(namespace, \",\") {\n\t\twatched[ns] = cache.Config{}\n\t}\n"
     "\t_ = map[string]cache.Config{", True),  # what a flag names, often nothing
    # kontroler: a field of each entry of a list of structs, its config file's workers
    ("}\n\tfor _, worker := range config.Workers {\n\t\twatched[strings.TrimSpace(worker.Namespace)] = cache.Config{}\n"
     "\t}\n\t_ = map[string]cache.Config{", False),
    ("}\n\tfor _, worker := range config.Workers {\n\t\twatched[namespace] = cache.Config{}\n"
     "\t}\n\t_ = map[string]cache.Config{", True),
    # keda-so-operator: what a file lists, blank entries skipped, and the program refuses none
    ("}\n\tfor _, ns := range strings.Split(namespace, \",\") {\n\t\tif ns != \"\" {\n\t\t\twatched[ns] = cache.Config{}\n"
     "\t\t}\n\t}\n\tif len(watched) == 0 {\n\t\tpanic(\"no namespace to watch\")\n\t}\n\t_ = map[string]cache.Config{",
     False),
    ("}\n\tfor _, ns := range strings.Split(namespace, \",\") {\n\t\tif ns != \"\" {\n\t\t\twatched[ns] = cache.Config{}\n"
     "\t\t}\n\t}\n\tif len(watched) == 0 {\n\t\tlog.Print(\"watching every namespace\")\n\t}\n"
     "\t_ = map[string]cache.Config{", True),
    ("}\n\tfor _, ns := range strings.Split(namespace, \",\") {\n\t\twatched[ns] = cache.Config{}\n\t}\n"
     "\tif len(watched) == 0 {\n\t\treturn ctrl.Options{}, fmt.Errorf(\"no namespace\")\n\t}\n"
     "\t_ = map[string]cache.Config{", False),
    # refused only on some paths, or in another function: not refused
    ("}\n\tfor _, ns := range strings.Split(namespace, \",\") {\n\t\twatched[ns] = cache.Config{}\n\t}\n"
     "\tif len(watched) == 0 {\n\t\tif strict {\n\t\t\tpanic(\"no namespace\")\n\t\t}\n\t}\n"
     "\t_ = map[string]cache.Config{", True),
    ("}\n\tfor _, ns := range strings.Split(namespace, \",\") {\n\t\twatched[ns] = cache.Config{}\n\t}\n"
     "\t_ = map[string]cache.Config{}\n\treturn ctrl.Options{}\n}\n\nfunc check(watched []string) error {\n"
     "\tif len(watched) == 0 {\n\t\treturn errors.New(\"none\")\n\t}\n\tvar _ = map[string]cache.Config{", True),
])
def test_namespaces_written_out_in_a_variable_scope_the_cache(tmp_path, namespaces, reported):
    findings = _findings_of_watching_program(tmp_path, _NAMESPACES_IN_A_VARIABLE % namespaces)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


def _rules_for_controller(root, watch: str, container: str) -> list[str]:
    """The rules found for cmd/api, a controller whose package internal/watch holds `watch`,
    run by deploy/api.yaml (_SIZED: 40Mi of 512Mi) with `container`'s lines before its resources."""
    go_module(root, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": watch,
                     "internal/watch/controller.go": _CONTROLLER})
    write(root, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "          resources:\n", container + "          resources:\n"))
    return [f.rule_id for f in _run(root).findings]


_SCOPED_WHEN_NAMED = """\
package watch

import (
	"flag"
	"os"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

var watchNS = flag.String("watch-namespace", "", "the one namespace to watch; all when empty")

func start() (ctrl.Manager, error) {
	options := ctrl.Options{}
	if env := os.Getenv("WATCH_NAMESPACE"); env != "" {
		*watchNS = env
	}
	if *watchNS != "" {
		options.Cache = cache.Options{DefaultNamespaces: map[string]cache.Config{*watchNS: {}}}
	}
	return ctrl.NewManager(ctrl.GetConfigOrDie(), options)
}
"""


@pytest.mark.parametrize("container, reported", [
    # llm-d's autoscaler: its manifest names the namespace the code scopes its cache to
    ("          args: [--watch-namespace=$(POD_NAMESPACE)]\n          env:\n            - name: POD_NAMESPACE\n"
     "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n", False),
    # ACK's controllers: a variable the installer may fill in, empty by default
    ("          args: [--watch-namespace, $(ACK_WATCH_NAMESPACE)]\n          env:\n"
     "            - name: ACK_WATCH_NAMESPACE\n              value: \"\"\n", True),
    ("          args: [--watch-namespace=$(POD_NAMESPACE)]\n", True),  # a variable it is not given
    ("          args: [--leader-elect, --watch-namespace, ops]\n", False),
    ("          env:\n            - name: WATCH_NAMESPACE\n"
     "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n", False),
    ("", True),  # none named: the whole cluster
    ("          args: [--watch-namespace=]\n", True),
    ("          args: [--watch-namespace, --leader-elect]\n", True),
    ("          args: [--leader-election-namespace=ops]\n", True),
    ("          args: [--namespace=ops]\n", True),  # not a flag the program reads
    # OLM's target namespaces: empty when the operator watches them all
    ("          env:\n            - name: WATCH_NAMESPACE\n"
     "              valueFrom: {fieldRef: {fieldPath: \"metadata.annotations['olm.targetNamespaces']\"}}\n", True),
    ("          env:\n            - name: POD_NAMESPACE\n"
     "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n", True),
])
def test_a_cache_scoped_when_the_manifest_names_a_namespace(tmp_path, container, reported):
    """A scoping that applies only when a flag or variable names a namespace applies to a
    container that names one through a flag or variable the program's code quotes."""
    assert _rules_for_controller(tmp_path, _SCOPED_WHEN_NAMED, container) == (["SL101"] if reported else [])


_SCOPED_TO_ITS_NODE = """\
package watch

import (
	"os"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func start(clientset kubernetes.Interface) {
	nodeName := os.Getenv("NODE_NAME")
	tweak := func(options *metav1.ListOptions) {
		if nodeName != "" {
			options.FieldSelector = "spec.nodeName=" + nodeName
		}
	}
	factory := informers.NewSharedInformerFactoryWithOptions(clientset, 0, informers.WithTweakListOptions(tweak))
	_ = factory.Core().V1().Pods().Informer()
	factory.Start(nil)
}
"""


@pytest.mark.parametrize("container, reported", [
    # gpusprint's agent: its DaemonSet hands it its node from the downward API
    ("          env:\n            - name: NODE_NAME\n"
     "              valueFrom: {fieldRef: {fieldPath: spec.nodeName}}\n", False),
    ("          env:\n            - name: NODE_NAME\n              value: worker-1\n", False),
    ("", True),  # not named: every Pod of the cluster
    ("          env:\n            - name: NODE_NAME\n              value: \"\"\n", True),
    ("          env:\n            - name: HOST_IP\n"
     "              valueFrom: {fieldRef: {fieldPath: status.hostIP}}\n", True),
])
def test_an_informer_scoped_when_the_manifest_names_its_node(tmp_path, container, reported):
    """A field selector on the program's own node, set only when a variable names the node,
    applies to a container that names it."""
    assert _rules_for_controller(tmp_path, _SCOPED_TO_ITS_NODE, container) == (["SL101"] if reported else [])


_FACTORY_OF_THE_NAMED_NAMESPACE_ELSE_ALL = """\
package watch

import (
	"github.com/spf13/viper"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func start(clientset kubernetes.Interface) {
	viper.SetEnvPrefix("relay")%s
	viper.SetDefault("namespace", "")
	namespace := viper.GetString("namespace")
	var factory informers.SharedInformerFactory
	if namespace %s "" {
		factory = informers.NewSharedInformerFactoryWithOptions(clientset, 0, informers.WithNamespace(namespace))
	} else {
		factory = informers.NewSharedInformerFactory(clientset, 0)
	}
	_ = factory.Core().V1().Pods().Informer()
	factory.Start(nil)
}
"""
_OWN_NAMESPACE = "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n"


@pytest.mark.parametrize("prefix, variable, reported", [
    ('"relay"', "RELAY_NAMESPACE", False),
    ('"relay"', "NAMESPACE", True),  # not what viper reads under its prefix
    ("envPrefix", "NAMESPACE", True),  # a prefix not written out: the variable is not known
    ('"relay-proxy")\n\tviper.SetEnvKeyReplacer(strings.NewReplacer("-", "_")', "RELAY_PROXY_NAMESPACE", False),
])
def test_the_variable_viper_reads_a_namespace_key_from(tmp_path, prefix, variable, reported):
    watch = (_FACTORY_OF_THE_NAMED_NAMESPACE_ELSE_ALL % ("\n\tviper.AutomaticEnv()", "!=")).replace('"relay"', prefix)
    container = f"          env:\n            - name: {variable}\n" + _OWN_NAMESPACE
    assert _rules_for_controller(tmp_path, watch, container) == (["SL101"] if reported else [])


@pytest.mark.parametrize("automatic, test, container, reported", [
    # termite's proxy: viper reads its `namespace` key from RELAY_NAMESPACE, which names one
    ("\n\tviper.AutomaticEnv()", "!=", "          env:\n            - name: RELAY_NAMESPACE\n" + _OWN_NAMESPACE, False),
    ("\n\tviper.AutomaticEnv()", "!=", "", True),  # none named: the whole cluster's factory
    ("", "!=", "          env:\n            - name: RELAY_NAMESPACE\n" + _OWN_NAMESPACE, True),  # not read from it
    ("\n\tviper.AutomaticEnv()", "!=", "          env:\n            - name: OTHER_NAMESPACE\n" + _OWN_NAMESPACE, True),
    # the whole cluster's factory when one is named: its block runs
    ("\n\tviper.AutomaticEnv()", "==", "          env:\n            - name: RELAY_NAMESPACE\n" + _OWN_NAMESPACE, True),
    # the whole cluster's also when another setting asks for it
    ("\n\tviper.AutomaticEnv()", "!= \"\" && !all ==", "          env:\n            - name: RELAY_NAMESPACE\n"
     + _OWN_NAMESPACE, True),
])
def test_an_informer_factory_of_the_whole_cluster_built_only_when_no_namespace_is_named(
        tmp_path, automatic, test, container, reported):
    """A program that builds a factory of the named namespace, and the whole cluster's only
    when none is named, keeps one namespace in a container that names it."""
    watch = _FACTORY_OF_THE_NAMED_NAMESPACE_ELSE_ALL % (automatic, test)
    assert _rules_for_controller(tmp_path, watch, container) == (["SL101"] if reported else [])


_NODE_AGENT_WITH_A_LIST_WATCH = _SCOPED_TO_ITS_NODE.replace(
    '\t"k8s.io/client-go/informers"\n', '\tcorev1 "k8s.io/api/core/v1"\n\t"k8s.io/client-go/informers"\n\t"k8s.io/client-go/tools/cache"\n'
).replace("\tfactory.Start(nil)\n}\n", "\tfactory.Start(nil)\n\tvar lw cache.ListerWatcher\n"
          "\t_ = cache.NewSharedIndexInformer(lw, &corev1.%s{}, 0, cache.Indexers{})\n}\n")


@pytest.mark.parametrize("kind, reported", [
    ("PersistentVolumeClaim", False),  # koordinator's koordlet: its node's objects, and PVCs
    ("Pod", True),  # every Pod of the cluster
])
def test_a_list_watch_informer_of_a_kind_that_stays_small_scopes_like_a_scoped_one(tmp_path, kind, reported):
    container = "          env:\n            - name: NODE_NAME\n              valueFrom: {fieldRef: {fieldPath: spec.nodeName}}\n"
    assert _rules_for_controller(tmp_path, _NODE_AGENT_WITH_A_LIST_WATCH % kind, container) == (["SL101"] if reported else [])


@pytest.mark.parametrize("kind, reported", [
    ("PersistentVolumeClaim", False),  # knative operator's ClusterProfiles, by the options' ObjectType
    ("Pod", True),
])
def test_an_informer_given_its_object_type_in_options_is_read_as_one_given_it_as_an_argument(tmp_path, kind, reported):
    container = "          env:\n            - name: NODE_NAME\n              valueFrom: {fieldRef: {fieldPath: spec.nodeName}}\n"
    code = _NODE_AGENT_WITH_A_LIST_WATCH.replace(
        "\t_ = cache.NewSharedIndexInformer(lw, &corev1.%s{}, 0, cache.Indexers{})\n",
        "\t_, _ = cache.NewInformerWithOptions(cache.InformerOptions{\n\t\tListerWatcher: lw,\n"
        "\t\tObjectType:    &corev1.%s{},\n\t\tResyncPeriod:  0,\n\t})\n")
    assert "InformerOptions" in code
    assert _rules_for_controller(tmp_path, code % kind, container) == (["SL101"] if reported else [])


_WATCH_NAMESPACE_HELPER = """\
{{- define "api.watchNamespace" -}}
{{- if .Values.watchAllNamespaces -}}
{{- "" -}}
{{- else if .Values.watchNamespace -}}
{{- .Values.watchNamespace -}}
{{- else -}}
{{- .Release.Namespace -}}
{{- end -}}
{{- end -}}
"""


@pytest.mark.parametrize("values, env, reported", [
    # percona-valkey-operator: the release's namespace unless told to watch them all
    ("", '{{ include "api.watchNamespace" . | quote }}', False),
    ("watchAllNamespaces: true\n", '{{ include "api.watchNamespace" . | quote }}', True),
    ("watchAllNamespaces: true\nwatchNamespace: ops\n", '{{ include "api.watchNamespace" . | quote }}', True),
    ("watchNamespace: ops\n", "{{ .Values.watchNamespace | quote }}", False),
    ('watchNamespace: ""\n', "{{ .Values.watchNamespace | quote }}", True),
    ("", "{{ .Release.Namespace }}", False),
    ("", "{{ .Values.watch | join \",\" }}", True),  # not known
    ("", '{{ include "api.unknown" . }}', True),
    # soperator: `'*'` is every namespace, the action wrapped onto the next line, `quote` first
    ("watchNamespace: '*'\n", "{{ quote .Values.watchNamespace\n                }}", True),
    ("watchNamespace: ops\n", "{{ quote .Values.watchNamespace\n                }}", False),
    ("watchNamespace: '*'\n", "{{ .Values.watchNamespace | quote }}", True),
    ("", "{{ quote .Values.watchNamespace", True),  # never closed: not known
    # backup-operator: the value, else the release's namespace
    ('watchNamespace: ""\n', "{{ .Values.watchNamespace | default .Release.Namespace | quote }}", False),
    ('watchNamespace: ""\n', "{{ default .Release.Namespace .Values.watchNamespace }}", False),
    ('watchNamespace: ""\n', '{{ .Values.watchNamespace | default "" }}', True),
])
def test_a_charts_template_may_name_the_namespace_to_watch(tmp_path, values, env, reported):
    """What the chart's one workload template gives the program to watch, rendered with the
    chart's defaults, outside its `if` blocks."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    _write_chart(tmp_path, "helm", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: {{ .Values.image.repository }}\n"
        "          resources: {{ toYaml .Values.resources }}\n"
        f"          env:\n            - name: WATCH_NAMESPACE\n              value: {env}\n"))
    write(tmp_path, "helm/values.yaml", _CHART_VALUES + values)
    write(tmp_path, "helm/templates/_helpers.tpl", _WATCH_NAMESPACE_HELPER)
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("env, reported", [
    ("          env:\n            - name: WATCH_NAMESPACE\n              value: {{ .Release.Namespace }}\n", False),
    ("", True),
])
def test_a_container_read_from_its_own_template_of_several_is_given_what_that_template_names(tmp_path, env,
                                                                                               reported):
    """The values hold only each component's image; each template writes its own resources and
    environment (idle-scale's layout): the controller's template names its namespace."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER, "cmd/agent/main.go": SMALL_MAIN})
    write(tmp_path, "helm/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "helm/values.yaml", "controller:\n  image:\n    repository: ghcr.io/acme/api\n"
                                         "agent:\n  image:\n    repository: ghcr.io/acme/agent\n")
    write(tmp_path, "helm/templates/controller.yaml", _TEMPLATE_WORKLOAD.replace(
        "          resources:\n", env + "          resources:\n") % ("{{ .Values.controller.image.repository }}",
                                                                        _LIMITED_TO_256))
    write(tmp_path, "helm/templates/agent.yaml",
          _TEMPLATE_WORKLOAD % ("{{ .Values.agent.image.repository }}", _REQUESTS_ONLY))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("values, reported", [
    ("", False),  # nifikop: the pod's own namespace unless some are listed
    ("namespaces: [ops, dev]\n", False),
])
def test_a_charts_template_may_choose_the_namespace_to_watch_in_branches(tmp_path, values, reported):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    _write_chart(tmp_path, "helm", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: {{ .Values.image.repository }}\n"
        "          resources: {{ toYaml .Values.resources }}\n"
        "          env:\n            - name: WATCH_NAMESPACE\n              {{- if .Values.namespaces }}\n"
        '              value: {{ join "," .Values.namespaces }}\n              {{- else }}\n'
        "              valueFrom:\n                fieldRef:\n                  fieldPath: metadata.namespace\n"
        "              {{- end }}\n            - name: POD_NAME\n              value: api\n"))
    write(tmp_path, "helm/values.yaml", _CHART_VALUES + values)
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("named_in, reported", [
    ("deployment.yaml", False),
    ("interceptor.yaml", True),  # another workload's template: not what this container is given
])
def test_a_charts_workload_of_several_reads_its_namespace_in_its_own_template(tmp_path, named_in, reported):
    """epam-edp-tekton's chart: the reporter's namespace is named in the reporter's Deployment,
    beside the interceptor's."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    _write_chart(tmp_path, "helm", "api")
    env = "          env:\n            - name: WATCH_NAMESPACE\n              value: {{ .Release.Namespace }}\n"
    templates = {
        "deployment.yaml": "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n"
                           "          image: {{ .Values.image.repository }}\n"
                           "          resources: {{ toYaml .Values.resources }}\n",
        "interceptor.yaml": "spec:\n  template:\n    spec:\n      containers:\n        - name: interceptor\n"
                            "          image: ghcr.io/acme/interceptor:v1\n",
    }
    for name, text in templates.items():
        write(tmp_path, f"helm/templates/{name}", _CHART_TEMPLATE + text + (env if name == named_in else ""))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


def test_a_charts_namespace_in_an_if_block_may_not_be_named(tmp_path):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    _write_chart(tmp_path, "helm", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: {{ .Values.image.repository }}\n"
        "          resources: {{ toYaml .Values.resources }}\n"
        "          env:\n            {{- if .Values.namespaced }}\n            - name: WATCH_NAMESPACE\n"
        "              value: {{ .Release.Namespace }}\n            {{- end }}\n"))
    assert [f.rule_id for f in _run(tmp_path).findings] == ["SL101"]


@pytest.mark.parametrize("condition, reported", [
    ('*namespace != ""', False),
    ('cfg.DNS != ""', True),  # a condition on something else than a namespace
])
def test_a_scoping_when_named_tests_a_namespace(tmp_path, condition, reported):
    source = _SCOPED_WHEN_NAMED.replace('var watchNS = flag.String("watch-namespace"',
                                        'var cfg struct{ DNS string }\n\nvar namespace = flag.String("namespace"')
    source = source.replace('if *watchNS != "" {', f"if {condition} {{").replace("*watchNS", "*namespace")
    assert _rules_for_controller(tmp_path, source, "          args: [--namespace=ops]\n") == \
        (["SL101"] if reported else [])


@pytest.mark.parametrize("declaration, reported", [
    ('var watchNS = flag.String("watch-namespace", "default", "the namespace to watch")', False),
    # openshift-upgrade-controller: its pod's namespace, else `default`
    ('var fallback = "default"\n\nvar watchNS = new(string)\n\nfunc init() {\n'
     '\tflag.StringVar(watchNS, "watch-namespace", fallback, "the namespace to watch")\n}', False),
    ('var fallback string\n\nvar watchNS = new(string)\n\nfunc init() {\n'
     '\tflag.StringVar(watchNS, "watch-namespace", fallback, "the namespace to watch")\n}', True),
    # mloperator: a string unless a variable says otherwise, then empty
    ('var fallback = "default"\n\nvar watchNS = new(string)\n\nfunc init() {\n\tif os.Getenv("ALL") != "" {\n'
     '\t\tfallback = ""\n\t}\n\tflag.StringVar(watchNS, "watch-namespace", fallback, "the namespace to watch")\n}', True),
    # pflag's shorthand before the default
    ('var watchNS = pflag.StringP("watch-namespace", "w", "default", "the namespace to watch")', False),
    ('var watchNS = pflag.StringP("watch-namespace", "w", "", "the namespace to watch; all when empty")', True),
    ('var watchNS = flag.String("leader-election-namespace", "default", "leases")', True),  # not one to watch
])
def test_a_namespace_flag_with_a_default_names_one_unless_emptied(tmp_path, declaration, reported):
    """A scoping that applies when a namespace is named applies when the flag that names one
    has a default that is not empty, whatever the container passes."""
    source = _SCOPED_WHEN_NAMED.replace(
        'var watchNS = flag.String("watch-namespace", "", "the one namespace to watch; all when empty")', declaration)
    source = source.replace('"flag"', '"flag"\n\t"github.com/spf13/pflag"')
    assert _rules_for_controller(tmp_path, source, "") == (["SL101"] if reported else [])


_OLD_OPTIONS_NAMESPACE = """\
package watch

import (
	"os"

	ctrl "sigs.k8s.io/controller-runtime"
)

var NAMESPACE = os.Getenv("FEC_NAMESPACE")

func start() (ctrl.Manager, error) {
	return ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		LeaderElectionNamespace: "ops",
		Namespace:               NAMESPACE,
	})
}
"""


# isv-managed-starburst-operator: older options' namespace, the one a method of the program returns.
_NAMESPACE_OF_A_METHOD = """\
package watch

import (
	ctrl "sigs.k8s.io/controller-runtime"

	"example.com/app/internal/isv"
)

func start() (ctrl.Manager, error) {
	return ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		Namespace: isv.Instance.GetAddonNamespace(),
	})
}
"""
_ADDON = """\
package isv

type Addon interface{ GetAddonNamespace() string }

type starburst struct{ namespace string }

var Instance Addon = &starburst{}

func (s *starburst) GetAddonNamespace() string {
	%s
}
"""


@pytest.mark.parametrize("body, more, reported", [
    ('return "redhat-starburst-op"', "", False),
    ('return "redhat-starburst-op"', '\ntype trino struct{}\n\nfunc (t *trino) GetAddonNamespace() string {\n'
                                     '\treturn "trino-op"\n}\n', False),  # one namespace, whichever runs
    ("return s.namespace", "", True),  # what it is given: maybe none, all of them
    ('return ""', "", True),  # all of them
    # another implementation the program makes, returning what it is given
    ('return "redhat-starburst-op"', "\ntype trino struct{ namespace string }\n\nvar Other Addon = &trino{}\n\n"
                                     "func (t *trino) GetAddonNamespace() (namespace string) {\n\treturn t.namespace\n}\n",
     True),
    ('return "redhat-starburst-op"', "\ntype trino struct{ namespace string }\n\nvar Other Addon = &trino{}\n\n"
                                     "func (t *trino) GetAddonNamespace() string {\n\treturn t.namespace\n}\n", True),
])
def test_a_managers_namespace_a_function_of_the_program_returns_written_out_scopes_its_cache(tmp_path, body, more,
                                                                                            reported):
    go_module(tmp_path, {"internal/isv/addon.go": _ADDON % body + more})
    assert _rules_for_controller(tmp_path, _NAMESPACE_OF_A_METHOD, "") == (["SL101"] if reported else [])


# konsumerator: the options' field set from a flag, under a condition on a variable made from it.
_OLD_OPTIONS_FIELD = """\
package watch

import (
	"flag"

	ctrl "sigs.k8s.io/controller-runtime"
)

func start() (ctrl.Manager, error) {
	var namespace string
	flag.StringVar(&namespace, "namespace", "", "run in one namespace")
	flag.Parse()
	guestMode := namespace != ""
	options := ctrl.Options{LeaderElection: true}
	if guestMode {
		options.Namespace = namespace
	}
	return ctrl.NewManager(ctrl.GetConfigOrDie(), options)
}
"""


@pytest.mark.parametrize("source, container, reported", [
    (_OLD_OPTIONS_FIELD, '          args: ["--namespace=ops"]\n', False),
    (_OLD_OPTIONS_FIELD, "", True),
    (_OLD_OPTIONS_FIELD.replace("options.Namespace = namespace", 'options.Namespace = ""'),
     '          args: ["--namespace=ops"]\n', True),
    (_OLD_OPTIONS_FIELD.replace("options.Namespace = namespace", "other.Namespace = namespace"),
     '          args: ["--namespace=ops"]\n', True),  # not the manager's options
    (_OLD_OPTIONS_FIELD.replace("if guestMode {\n\t\toptions.Namespace = namespace",
                                "if options.Namespace == namespace {\n\t\tprintln()"),
     '          args: ["--namespace=ops"]\n', True),  # a comparison sets nothing
    # set on two branches: one scoping, beside an unscoped manager
    (_OLD_OPTIONS_FIELD.replace("\t\toptions.Namespace = namespace\n\t}",
                                "\t\toptions.Namespace = namespace\n\t} else if namespace == \"x\" {\n"
                                "\t\toptions.Namespace = namespace\n\t}")
     .replace("\treturn ctrl.NewManager", "\t_, _ = ctrl.NewManager(nil, ctrl.Options{})\n\treturn ctrl.NewManager"),
     '          args: ["--namespace=ops"]\n', True),
    # another function's options of the same name, unscoped
    (_OLD_OPTIONS_FIELD + "\nfunc other() (ctrl.Manager, error) {\n\toptions := ctrl.Options{}\n"
                          "\treturn ctrl.NewManager(ctrl.GetConfigOrDie(), options)\n}\n",
     '          args: ["--namespace=ops"]\n', True),
    # one scoping per options, however many times it is written, beside an unscoped manager
    (_OLD_OPTIONS_FIELD.replace("ctrl.Options{LeaderElection: true}", "ctrl.Options{\n\t\tNamespace: namespace,\n\t}")
     .replace("\treturn ctrl.NewManager", "\t_, _ = ctrl.NewManager(nil, ctrl.Options{})\n\treturn ctrl.NewManager"),
     '          args: ["--namespace=ops"]\n', True),
    # sriov-fec-operator: controller-runtime before v0.15, its one namespace its pod's
    (_OLD_OPTIONS_NAMESPACE, "          env:\n            - name: FEC_NAMESPACE\n"
     "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n", False),
    (_OLD_OPTIONS_NAMESPACE, "", True),  # not named: all namespaces
    (_OLD_OPTIONS_NAMESPACE.replace("Namespace:               NAMESPACE", 'Namespace: "ops"'), "", False),
    (_OLD_OPTIONS_NAMESPACE.replace("Namespace:               NAMESPACE", 'Namespace: ""'), "", True),
    (_OLD_OPTIONS_NAMESPACE.replace("\t\tNamespace:               NAMESPACE,\n", ""), "", True),
    # written on one line
    (_OLD_OPTIONS_NAMESPACE.replace('ctrl.Options{\n\t\tLeaderElectionNamespace: "ops",\n\t\tNamespace:               NAMESPACE,\n\t}',
                                    'ctrl.Options{LeaderElectionNamespace: "ops", Namespace: "ops"}'), "", False),
    (_OLD_OPTIONS_NAMESPACE.replace('ctrl.Options{\n\t\tLeaderElectionNamespace: "ops",\n\t\tNamespace:               NAMESPACE,\n\t}',
                                    'ctrl.Options{LeaderElectionNamespace: "ops"}'), "", True),
])
def test_a_managers_one_namespace_of_older_options_scopes_its_cache(tmp_path, source, container, reported):
    assert _rules_for_controller(tmp_path, source, container) == (["SL101"] if reported else [])


# git-change-operator: `--watch-namespace`, else its pod's namespace, scopes the cache.
_POD_NAMESPACE_FALLBACK = """\
package watch

import (
	"flag"
	"os"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

func start() (ctrl.Manager, error) {
	var watchNamespace string
	flag.StringVar(&watchNamespace, "watch-namespace", "", "the namespace to watch; the pod's when empty")
	flag.Parse()
	if watchNamespace == "" {
		watchNamespace = os.Getenv("POD_NAMESPACE")
	}
	return ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		Cache: func() cache.Options {
			if watchNamespace != "" {
				return cache.Options{DefaultNamespaces: map[string]cache.Config{watchNamespace: {}}}
			}
			return cache.Options{}
		}(),
	})
}
"""
_CONFIG_FIELD_NAMESPACE = """\
package watch

import (
	"os"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

type Config struct {
	Namespace string
	Region    string
}

func start() (ctrl.Manager, error) {
	config := Config{
		Namespace: os.Getenv("SYSTEM_NAMESPACE"),
	}
	options := cache.Options{}
	if config.Namespace != "" {
		options.DefaultNamespaces = map[string]cache.Config{config.Namespace: {}}
	}
	return ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: options})
}
"""
_POD_NAMESPACE_ENV = "          env:\n            - name: POD_NAMESPACE\n" \
    "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n"


@pytest.mark.parametrize("source, container, reported", [
    (_POD_NAMESPACE_FALLBACK, _POD_NAMESPACE_ENV, False),
    (_POD_NAMESPACE_FALLBACK, "", True),  # neither named: all namespaces
    (_POD_NAMESPACE_FALLBACK, '          args: ["--watch-namespace=ops"]\n', False),
    # a variable tested beside the namespace, set by the manifest, names no namespace
    (_POD_NAMESPACE_FALLBACK.replace('watchNamespace = os.Getenv("POD_NAMESPACE")\n\t}',
                                     'watchNamespace = os.Getenv("POD_NAMESPACE")\n\t}\n\tregion := os.Getenv("AWS_REGION")')
     .replace('if watchNamespace != "" {', 'if watchNamespace != "" && region != "" {'),
     "          env:\n            - name: AWS_REGION\n              value: eu-west-1\n", True),
    # the pod's namespace read into another variable than the one the condition tests
    (_POD_NAMESPACE_FALLBACK.replace('watchNamespace = os.Getenv("POD_NAMESPACE")',
                                     'leaseNamespace := os.Getenv("POD_NAMESPACE")\n\t\t_ = leaseNamespace'),
     _POD_NAMESPACE_ENV, True),
    # epam-edp-tekton's reporter: the namespace a field of its configuration, read from the
    # environment in the struct's literal
    (_CONFIG_FIELD_NAMESPACE, _POD_NAMESPACE_ENV.replace("POD_NAMESPACE", "SYSTEM_NAMESPACE"), False),
    (_CONFIG_FIELD_NAMESPACE, "", True),
    (_CONFIG_FIELD_NAMESPACE, _POD_NAMESPACE_ENV, True),  # not the variable its field is read from
    (_CONFIG_FIELD_NAMESPACE.replace("Namespace: os.Getenv", "Region: os.Getenv"),
     _POD_NAMESPACE_ENV.replace("POD_NAMESPACE", "SYSTEM_NAMESPACE"), True),  # another field
    # kscribe: the field filled from the variable its tag names (caarlos0/env)
    (_CONFIG_FIELD_NAMESPACE.replace("Namespace string", 'Namespace string `env:"KSCRIBE_OPERATOR_NAMESPACE" envDefault:""`')
     .replace('Namespace: os.Getenv("SYSTEM_NAMESPACE"),', ""),
     _POD_NAMESPACE_ENV.replace("POD_NAMESPACE", "KSCRIBE_OPERATOR_NAMESPACE"), False),
    (_CONFIG_FIELD_NAMESPACE.replace("Namespace string", 'Namespace string `env:"KSCRIBE_OPERATOR_NAMESPACE"`')
     .replace('Namespace: os.Getenv("SYSTEM_NAMESPACE"),', ""), _POD_NAMESPACE_ENV, True),  # another variable
    (_CONFIG_FIELD_NAMESPACE.replace("Region    string", 'Region    string `env:"KSCRIBE_OPERATOR_NAMESPACE"`')
     .replace('Namespace: os.Getenv("SYSTEM_NAMESPACE"),', ""),
     _POD_NAMESPACE_ENV.replace("POD_NAMESPACE", "KSCRIBE_OPERATOR_NAMESPACE"), True),  # another field's
    # Meridio-2: a helper of the project's fills the field from the variable named before it
    (_CONFIG_FIELD_NAMESPACE.replace('Namespace: os.Getenv("SYSTEM_NAMESPACE"),',
                                     "").replace("options := cache.Options{}",
                                                 'bindString("namespace", "APP_NAMESPACE", &config.Namespace)\n'
                                                 "\toptions := cache.Options{}"),
     _POD_NAMESPACE_ENV.replace("POD_NAMESPACE", "APP_NAMESPACE"), False),
    (_CONFIG_FIELD_NAMESPACE.replace('Namespace: os.Getenv("SYSTEM_NAMESPACE"),',
                                     "").replace("options := cache.Options{}",
                                                 'bindString("region", "APP_NAMESPACE", &config.Region)\n'
                                                 "\toptions := cache.Options{}"),
     _POD_NAMESPACE_ENV.replace("POD_NAMESPACE", "APP_NAMESPACE"), True),  # another field's
    # jumpstarter's controller: scoped when named, and it exits otherwise
    (_CONFIG_FIELD_NAMESPACE.replace("{config.Namespace: {}}\n\t}", "{config.Namespace: {}}\n\t} else {\n\t\tos.Exit(1)\n\t}"),
     "", False),
    (_CONFIG_FIELD_NAMESPACE.replace("{config.Namespace: {}}\n\t}", "{config.Namespace: {}}\n\t} else {\n\t\tprintln()\n\t}"),
     "", True),  # an else that goes on
    (_CONFIG_FIELD_NAMESPACE.replace("{config.Namespace: {}}\n\t}", "{config.Namespace: {}}\n\t} else {\n\t\t"
                                     "if config.Region == \"\" {\n\t\t\tos.Exit(1)\n\t\t}\n\t}"),
     "", True),  # an else that exits only in a branch of its own
])
def test_a_cache_scoped_to_a_namespace_read_from_the_environment(tmp_path, source, container, reported):
    assert _rules_for_controller(tmp_path, source, container) == (["SL101"] if reported else [])


_SCOPED_BY_A_FUNCTION = """\
package watch

import (
	"os"
	"strings"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

// nil, the whole cluster, when raw names none
func watchNamespaces(raw string) map[string]cache.Config {
	namespaces := map[string]cache.Config{}
	for _, ns := range strings.Split(raw, ",") {
		if ns = strings.TrimSpace(ns); ns != "" {
			namespaces[ns] = cache.Config{}
		}
	}
	if len(namespaces) == 0 {
		return nil
	}
	return namespaces
}

func start() (ctrl.Manager, error) {
	return ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: cache.Options{
		DefaultNamespaces: watchNamespaces(os.Getenv("WATCH_NAMESPACE")),
	}})
}
"""


@pytest.mark.parametrize("container, reported", [
    ("          env:\n            - name: WATCH_NAMESPACE\n              value: ops,dev\n", False),
    ("", True),
])
def test_a_cache_scoped_by_a_function_making_its_namespaces(tmp_path, container, reported):
    """percona-valkey-operator: `DefaultNamespaces: watchNamespaces(...)`, a function of the
    file filling in the map, one namespace at a time, from what the manifest names."""
    assert _rules_for_controller(tmp_path, _SCOPED_BY_A_FUNCTION, container) == (["SL101"] if reported else [])


@pytest.mark.parametrize("container, reported", [
    ("          env:\n            - name: DD_AGENT_WATCH_NAMESPACE\n              valueFrom:\n"
     "                fieldRef: {fieldPath: metadata.namespace}\n", False),
    ("          env:\n            - name: DD_AGENT_POD_NAMESPACE\n              valueFrom:\n"
     "                fieldRef: {fieldPath: metadata.namespace}\n", True),  # its own, for leases
    ("", True),
])
def test_a_cache_scoped_by_a_variable_given_what_such_a_function_returns(tmp_path, container, reported):
    """datadog-operator: `agentNamespaces := GetWatchNamespacesFromEnv(...)`, then
    `DefaultNamespaces: agentNamespaces`, from a variable named after the program and a kind of
    its (`DD_AGENT_WATCH_NAMESPACE`): its cache was called cluster-wide, read as wrong."""
    source = _SCOPED_BY_A_FUNCTION.replace(
        'return ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: cache.Options{\n'
        '\t\tDefaultNamespaces: watchNamespaces(os.Getenv("WATCH_NAMESPACE")),',
        'agentNamespaces := watchNamespaces(os.Getenv("DD_AGENT_WATCH_NAMESPACE"))\n'
        '\treturn ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: cache.Options{\n'
        '\t\tDefaultNamespaces: agentNamespaces,')
    assert "DefaultNamespaces: agentNamespaces," in source
    assert _rules_for_controller(tmp_path, source, container) == (["SL101"] if reported else [])


_SCOPED_THROUGH_THE_FIELD = """\
package watch

import (
	"os"
	"strings"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

func start() (ctrl.Manager, error) {
	watchAll := os.Getenv("REAPER_WATCH_ALL_NAMESPACES") == "true"
	namespaces := strings.Split(os.Getenv("REAPER_WATCH_NAMESPACES"), ",")
	opts := ctrl.Options{}
	if !watchAll && len(namespaces) > 0 {
		opts.Cache = cache.Options{DefaultNamespaces: make(map[string]cache.Config)}
		for _, ns := range namespaces {
			opts.Cache.DefaultNamespaces[ns] = cache.Config{}
		}
	}
	return ctrl.NewManager(ctrl.GetConfigOrDie(), opts)
}
"""


@pytest.mark.parametrize("container, reported", [
    ("          env:\n            - name: REAPER_WATCH_NAMESPACES\n              value: default\n", False),
    ("          env:\n            - name: REAPER_LEASE_NAMESPACE\n              value: default\n", True),
    ("", True),
])
def test_a_cache_made_empty_and_filled_per_named_namespace(tmp_path, container, reported):
    """evicted-pod-reaper: the options' map is made empty and filled in through the field, one
    entry per namespace its variable (named after the program, `REAPER_WATCH_NAMESPACES`) lists."""
    assert _rules_for_controller(tmp_path, _SCOPED_THROUGH_THE_FIELD, container) == (["SL101"] if reported else [])


_ENV_HELPER = """\
{{- define "api.env" -}}
- name: REAPER_WATCH_ALL_NAMESPACES
  value: {{ .Values.watchAll | quote }}
{{- if not .Values.watchAll }}
- name: REAPER_WATCH_NAMESPACES
  value: {{ join "," .Values.watchNamespaces | quote }}
{{- end }}
{{- end }}
"""
_SCALED = ("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef:\n"
           "    apiVersion: apps/v1\n    kind: Deployment\n    name: {{ .Release.Name }}\n")


@pytest.mark.parametrize("values, reported", [
    ("watchNamespaces: [default]\n", False),
    ("watchNamespaces: [default, ops]\nwatchAll: false\n", False),
    ("watchNamespaces: []\n", True),  # none named
    ("watchNamespaces: [default]\nwatchAll: true\n", True),  # the `if` the defaults do not take
])
def test_a_charts_named_template_may_name_the_namespace_to_watch(tmp_path, values, reported):
    """evicted-pod-reaper: the workload template includes a named template that writes the
    variables, the namespaces under an `if` the chart's defaults take; its HPA template names
    the Deployment in `scaleTargetRef` and declares no other workload."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_THROUGH_THE_FIELD,
                         "internal/watch/controller.go": _CONTROLLER})
    _write_chart(tmp_path, "helm", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: {{ .Values.image.repository }}\n"
        "          resources: {{ toYaml .Values.resources }}\n"
        '          env:\n            {{- include "api.env" . | nindent 12 }}\n'))
    write(tmp_path, "helm/values.yaml", _CHART_VALUES + values)
    write(tmp_path, "helm/templates/_helpers.tpl", _ENV_HELPER)
    write(tmp_path, "helm/templates/hpa.yaml", _SCALED)
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("args, reported", [
    ("            - --watch-namespace=$(POD_NAMESPACE)\n", False),
    ("", True),
])
def test_a_chart_container_written_out_in_its_template_reads_its_namespace_there(tmp_path, args, reported):
    """llm-d's workload-variant-autoscaler: the chart's values hold the image, its one workload
    template the resources and `--watch-namespace=$(POD_NAMESPACE)` (the pod's namespace)."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    _write_chart(tmp_path, "helm", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n"
        "          image: {{ .Values.image.repository }}\n          args:\n" + args +
        "          env:\n            - name: POD_NAMESPACE\n              valueFrom:\n                fieldRef:\n"
        "                  fieldPath: metadata.namespace\n"
        "          resources:\n            limits:\n              memory: 512Mi\n"))
    write(tmp_path, "helm/values.yaml", "image:\n  repository: ghcr.io/acme/api\n")
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


_INFORMER_OPTIONS = """\
package watch

import (
	"flag"

	kubeinformers "k8s.io/client-go/informers"
	extinformers "example.com/app/pkg/client/informers"
)

var namespace = flag.String("namespace", "", "the namespace to watch; all when empty")

func start(kube, ext any) {
	var (
		kubeOpts []kubeinformers.SharedInformerOption
		extOpts  []extinformers.SharedInformerOption
	)
	if len(*namespace) != 0 {
		kubeOpts = append(kubeOpts, kubeinformers.WithNamespace(*namespace))
		extOpts = append(extOpts, extinformers.WithNamespace(*namespace))
	}
	kubeinformers.NewSharedInformerFactoryWithOptions(kube, 0, kubeOpts...)
	extinformers.NewSharedInformerFactoryWithOptions(ext, 0, extOpts...)
}
"""


@pytest.mark.parametrize("args, reported", [("[--namespace=redis]", False), ("[]", True)])
def test_informer_options_handed_in_a_variable_scope_each_factory(tmp_path, args, reported):
    """td-redis-operator: two option lists given a namespace when one is named, then a factory of each."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _INFORMER_OPTIONS})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "          resources:\n", f"          args: {args}\n          resources:\n"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("source, reported", [
    # ibm-spectrum-scale-csi: the namespaces set in a NewCache function
    ("func newCache(cfg *rest.Config, opts cache.Options) (cache.Cache, error) {\n"
     "\topts.DefaultNamespaces = map[string]cache.Config{namespace: {}}\n\treturn cache.New(cfg, opts)\n}\n", False),
    # kubean: the cache package under another name
    ("var _ = ctrl.Options{Cache: controllercache.Options{\n"
     "\tDefaultNamespaces: map[string]controllercache.Config{namespace: {}}}}\n", False),
    ("var _ = ctrl.Options{Cache: controllercache.Options{\n"
     "\tDefaultNamespaces: map[string]controllercache.Config{controllercache.AllNamespaces: {}}}}\n", True),
])
def test_a_cache_scoped_however_it_is_spelled(tmp_path, source, reported):
    watch = ('package watch\n\nimport (\n\t"sigs.k8s.io/controller-runtime/pkg/cache"\n'
             '\tcontrollercache "sigs.k8s.io/controller-runtime/pkg/cache"\n\tctrl "sigs.k8s.io/controller-runtime"\n)\n\n'
             'const namespace = "ops"\n\nvar _, _ = ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})\n\n' + source)
    findings = _findings_of_watching_program(tmp_path, watch)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("imported, reported", [
    ("k8s.io/apiserver/pkg/server", False),  # kubean's webhook: SetupSignalContext
    ("k8s.io/apimachinery/pkg/watch", False),  # bk-bcs' raw watch, each event sent on, nothing kept
    ("example.com/app/pkg/clientset/versioned/typed/v1", False),  # a generated clientset's Watch method
    ("k8s.io/apiserver/pkg/registry/generic/registry", True),  # an API server's storage
    # integration-operator's reconcilers compare errors with its message: no store
    ("k8s.io/apiserver/pkg/registry/generic/registry OptimisticLockErrorMsg", False),
    ("k8s.io/apiserver/pkg/storage", True),  # its storage, decorated with the watch cache by default
    ("k8s.io/apiserver/pkg/storage/cacher", True),  # its watch cache
    ("k8s.io/apiserver/pkg/registry/rest", False),  # appcat: REST handlers serving from other clients
    ("k8s.io/apiserver/pkg/server/options", False),  # virt-template: serving and delegated authentication
])
def test_what_keeps_kubernetes_objects_is_a_cache_not_a_helper(tmp_path, imported, reported):
    main = f'package main\n\nimport _ "{imported}"\n\nfunc main() {{}}\n'
    if imported.startswith("k8s.io/apiserver/pkg/registry/generic/registry"):
        imported, _, name = imported.partition(" ")
        main = f'package main\n\nimport "{imported}"\n\nvar _ = registry.{name or "Store{}"}\n\nfunc main() {{}}\n'
    typed = 'package v1\n\nimport "k8s.io/apimachinery/pkg/watch"\n\nvar _ watch.Interface\n'
    go_module(tmp_path, {"cmd/api/main.go": main, "pkg/clientset/versioned/typed/v1/client.go": typed})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


_API_SERVER_STORE = """\
package watch

import (
	"k8s.io/apiserver/pkg/registry/generic/registry"
	"k8s.io/apiserver/pkg/storage"
)

type rows struct{ storage.Interface }

func newStore() *registry.Store {
	return &registry.Store{
		DefaultQualifiedResource: resource,%s
	}
}
"""


@pytest.mark.parametrize("storage, more, reported", [
    # sbomscanner's storage server keeps its objects in Postgres: no watch cache
    ("\n\t\tStorage: registry.DryRunnableStorage{Storage: &rows{}},", "", False),
    ("\n\t\tStorage: registry.DryRunnableStorage{\n\t\t\tStorage: &rows{},\n\t\t},", "", False),
    ("\n\t\tStorage: registry.DryRunnableStorage{Codec: nil, Storage: rows{}},", "", False),
    # a getter's result type is no store
    ("\n\t\tStorage: registry.DryRunnableStorage{Storage: &rows{}},",
     "\ntype REST struct{ store *registry.Store }\n\nfunc (r *REST) Store() *registry.Store {\n\treturn r.store\n}\n", False),
    ("", "", True),  # the registry builds its storage, and the watch cache over it, from the options
    # a storage the options' decorator built, with its watch cache
    ("\n\t\tStorage: registry.DryRunnableStorage{Storage: cached},", "\nvar cached storage.Interface\n", True),
    # a program building the watch cache itself
    ("\n\t\tStorage: registry.DryRunnableStorage{Storage: &rows{}},",
     '\nfunc cache() { _, _ = cacher.NewCacherFromConfig(cacher.Config{}) }\n', True),
])
def test_an_api_servers_stores_given_their_own_storage_keep_no_watch_cache(tmp_path, storage, more, reported):
    source = _API_SERVER_STORE % storage + more
    if "cacher." in more:
        source = source.replace('\t"k8s.io/apiserver/pkg/storage"\n', '\t"k8s.io/apiserver/pkg/storage"\n'
                                '\t"k8s.io/apiserver/pkg/storage/cacher"\n') + "\nvar _ = newStore\n"
        assert "storage/cacher" in source
    findings = _findings_of_watching_program(tmp_path, source, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("args, reported", [
    ('["apiserver"]', False),  # its stores keep their own storage
    ('["etcdserver"]', True),  # its store is given none: the registry's watch cache
    ("[]", True),  # the whole program
])
def test_an_api_servers_stores_are_those_of_the_subcommand_it_runs(tmp_path, args, reported):
    own = _API_SERVER_STORE.replace("package watch", "package own") % \
        "\n\t\tStorage: registry.DryRunnableStorage{Storage: &rows{}},"
    go_module(tmp_path, {
        "cmd/api/main.go": 'package main\n\nimport "example.com/app/cmd"\n\nfunc main() { cmd.Execute() }\n',
        "cmd/apiserver.go": _SUBCOMMAND % ('\t_ "example.com/app/internal/own"\n', "apiServer", 'Use: "apiserver"'),
        "cmd/etcdserver.go": _SUBCOMMAND % ('\t_ "example.com/app/internal/etcd"\n', "etcdServer", 'Use: "etcdserver"'),
        "internal/own/store.go": own,
        "internal/etcd/store.go": _API_SERVER_STORE.replace("package watch", "package etcd") % ""})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/api:1\n          args: {args}"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


_GENERATED_INFORMERS = """\
// Code generated by informer-gen. DO NOT EDIT.

package externalversions

import "k8s.io/client-go/tools/cache"

func NewSharedInformerFactory(client any) any { return NewFilteredAppInformer(client) }

func NewFilteredAppInformer(client any) any { return cache.NewSharedIndexInformer(nil, nil, 0, nil) }
"""


_REFLECTOR = """\
package watch

import (
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/tools/cache"
)

func reflect(client dynamic.Interface, namespace string, lw func(dynamic.ResourceInterface) cache.ListerWatcher) {
	resource := client.Resource(backups)%s
	r := cache.NewReflector(lw(resource), &unstructured.Unstructured{}, cache.NewStore(cache.MetaNamespaceKeyFunc), 0)
	go r.Run(nil)
}
"""


@pytest.mark.parametrize("listed", [
    "lw(client.Resource(backups).Namespace(namespace))",
    # its list function a literal of the call, outside a ListWatch literal
    "lw(func() any { return client.Resource(backups).Namespace(namespace) }())",
    'lw(client.Resource(backups).Namespace(namespace), "func(x)")',  # a string naming a function
])
def test_a_reflector_of_a_dynamic_resource_written_in_its_call_is_scoped(tmp_path, listed):
    watch = (_REFLECTOR % "").replace("lw(resource)", listed)
    assert _findings_of_watching_program(tmp_path, watch, controller=False) == []


@pytest.mark.parametrize("namespaced, reported", [
    (".Namespace(namespace)", False),  # velero-dashboard: its namespace's Backups
    ("", True),
    (".Namespace(metav1.NamespaceAll)", True),
    (".Namespace(\n\t\tmetav1.NamespaceAll)", True),
    # another resource in one namespace, which the reflector does not list
    ("\n\tscoped := client.Resource(backups).Namespace(namespace)\n\t_ = scoped", True),
])
def test_a_reflector_of_a_dynamic_resource_in_one_namespace_is_scoped(tmp_path, namespaced, reported):
    findings = _findings_of_watching_program(tmp_path, _REFLECTOR % namespaced, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_LIST_WATCH_REFLECTOR = """\
package watch

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
)

func reflect(client kubernetes.Interface, namespace, node string, rest func(kubernetes.Interface) cache.Getter) {
	%s
	r := cache.NewReflector(lw, &corev1.Pod{}, cache.NewStore(cache.MetaNamespaceKeyFunc), 0)
	go r.Run(nil)
}
"""
_LIST_WATCH = 'cache.NewListWatchFromClient(client.CoreV1().RESTClient(), "pods", %s, fields.Everything())'


@pytest.mark.parametrize("list_watch, reported", [
    ("lw := " + _LIST_WATCH % "namespace", False),
    ("lw := " + _LIST_WATCH % "metav1.NamespaceAll", True),
    ("lw := " + _LIST_WATCH % '""', True),
    ("lw := " + (_LIST_WATCH % "namespace").replace("client.CoreV1().RESTClient()", "rest(client)"), False),
    # a DaemonSet's agent: its own node's Pods
    ('lw := cache.NewListWatchFromClient(rest(client), "pods", metav1.NamespaceAll, '
     'fields.OneTermEqualSelector("spec.nodeName", node))', False),
    # another ListWatch nearby of one namespace does not scope this one
    ("mine := " + _LIST_WATCH % "namespace" + "\n\t_ = mine\n\tlw := " + _LIST_WATCH % "metav1.NamespaceAll", True),
])
def test_a_list_watch_of_one_namespace_scopes_what_it_fills(tmp_path, list_watch, reported):
    findings = _findings_of_watching_program(tmp_path, _LIST_WATCH_REFLECTOR % list_watch, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_LIST_WATCH_FROM_CALLER = """\
package watch

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
)

func readConfig(client kubernetes.Interface, namespace string) {
	%s
	startConfigInformer(lw, 0)
}

func startConfigInformer(lw cache.ListerWatcher, resync int) {
	informer := cache.NewSharedIndexInformer(lw, &corev1.ConfigMap{}, 0, cache.Indexers{})
	go informer.Run(nil)
}
%s"""
_ONE_CONFIG_MAP = ('lw := cache.NewListWatchFromClient(client.CoreV1().RESTClient(), "configmaps", namespace, '
                   'fields.OneTermEqualSelector("metadata.name", "auth"))')
_EVERY_CONFIG_MAP = ('cache.NewListWatchFromClient(client.CoreV1().RESTClient(), "configmaps", metav1.NamespaceAll, '
                     'fields.Everything())')


@pytest.mark.parametrize("given, rest, reported", [
    # device-mounter's API server: one ConfigMap, its ListWatch built by the only caller
    (_ONE_CONFIG_MAP, "", False),
    ("lw := " + _EVERY_CONFIG_MAP, "", True),
    # another caller hands it every ConfigMap
    (_ONE_CONFIG_MAP, "\nfunc all(client kubernetes.Interface) {\n\tstartConfigInformer(%s, 0)\n}\n" % _EVERY_CONFIG_MAP,
     True),
    (_ONE_CONFIG_MAP, "\nfunc all(lw cache.ListerWatcher) {\n\tstartConfigInformer(lw, 0)\n}\n", True),
    # a caller hands it one namespace's, written in the call
    (_ONE_CONFIG_MAP, "\nfunc one(client kubernetes.Interface) {\n\tstartConfigInformer(%s, 0)\n}\n"
     % _EVERY_CONFIG_MAP.replace("metav1.NamespaceAll", '"kube-system"'), False),
    # used as a value: what else it is given is not seen
    (_ONE_CONFIG_MAP, "\nvar start = startConfigInformer\n", True),
    # given every ConfigMap after the scoped one, or on a condition
    (_ONE_CONFIG_MAP + "\n\tlw = " + _EVERY_CONFIG_MAP, "", True),
    (_ONE_CONFIG_MAP + "\n\tif namespace == \"\" {\n\t\tlw = " + _EVERY_CONFIG_MAP + "\n\t}", "", True),
])
def test_a_list_watch_of_one_namespace_given_by_every_caller_scopes_what_it_fills(tmp_path, given, rest, reported):
    """An informer built on a ListerWatcher parameter is scoped when every call of its
    function in the file hands it a ListWatch of one namespace."""
    findings = _findings_of_watching_program(tmp_path, _LIST_WATCH_FROM_CALLER % (given, rest), controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_TYPED_LIST_WATCH = _LIST_WATCH_FILE_HEAD + """
func start(client kubernetes.Interface, namespace string) {
	informer := cache.NewSharedIndexInformer(
		&cache.ListWatch{
			ListFunc: func(options metav1.ListOptions) (runtime.Object, error) {
				return client.CoreV1().Pods(%s).List(context.TODO(), options)
			},
			WatchFunc: func(options metav1.ListOptions) (watch.Interface, error) {
				return client.CoreV1().Pods(%s).Watch(context.TODO(), options)
			},
		},
		&corev1.Pod{}, 0, cache.Indexers{})
	go informer.Run(nil)
}
"""


@pytest.mark.parametrize("namespace, reported", [
    # madock8s (its Deployments): the namespace its environment names, "default" when it names none
    ("namespace", False),
    ("metav1.NamespaceAll", True),
    ('""', True),
])
def test_a_list_watch_of_a_typed_client_in_one_namespace_scopes_what_it_fills(tmp_path, namespace, reported):
    findings = _findings_of_watching_program(tmp_path, _TYPED_LIST_WATCH % (namespace, namespace), controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_HANDLER_LISTING = """\
package watch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
)

func start(client kubernetes.Interface, dc dynamic.Interface) {
	policies := dc.Resource(schema.GroupVersionResource{Group: "policy.example.com", Version: "v1", Resource: "policies"})
	lw := cache.NewListWatchFromClient(client.CoreV1().RESTClient(), "pods", metav1.NamespaceAll, fields.Everything())
	_, informer := cache.NewInformer(lw, &corev1.Pod{}, 0, cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) {
			pod := obj.(*corev1.Pod)
			_, _ = %s.List(context.TODO(), metav1.ListOptions{})
		},
	})
	go informer.Run(nil)
}
"""


@pytest.mark.parametrize("listed", [
    "client.CoreV1().Services(pod.Namespace)",  # one namespace's Services, read in a handler
    "policies",  # a custom resource, read in a handler
    "dc.Resource(schema.GroupVersionResource{}).Namespace(pod.Namespace)",  # one namespace's, in a handler
    # a label selector set in a handler selects nothing the informer keeps
    'func() any { o := metav1.ListOptions{}; o.LabelSelector = "app=" + pod.Name; _ = o; return policies }()',
])
def test_what_an_informers_handler_lists_does_not_scope_the_informer(tmp_path, listed):
    """The Pods of every namespace fill the informer, whatever its event handler lists."""
    findings = _findings_of_watching_program(tmp_path, _HANDLER_LISTING % listed, controller=False)
    assert [f.rule_id for f in findings] == ["SL101"]


_DYNAMIC_LIST_WATCH = """\
package watch

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/tools/cache"
)

func start(client dynamic.Interface) {
	resource := client.Resource(QuotaGVR)
	informer := cache.NewSharedIndexInformer(
		&cache.ListWatch{
			ListFunc: func(options metav1.ListOptions) (runtime.Object, error) {
				return resource.List(context.Background(), options)
			},
			WatchFunc: func(options metav1.ListOptions) (watch.Interface, error) {
				return resource.Watch(context.Background(), options)
			},
		},
		&unstructured.Unstructured{}, 0, cache.Indexers{})
	go informer.Run(nil)
}
"""
_RESOURCE_OF_GROUP = """\
package watch

import "k8s.io/apimachinery/pkg/runtime/schema"

var QuotaGVR = schema.GroupVersionResource{
	Group:    "%s",
	Version:  "v1",
	Resource: "%s",
}
"""


@pytest.mark.parametrize("group, resource, listing, reported", [
    # namespace-isolation's agent: its own cluster-scoped quotas, given by another file of the package
    ("quota.example.com", "namespacequotas", "", False),
    ("apps", "deployments", "", True),  # Kubernetes' own
    ("quota.example.com", "namespacequotas", "client.Resource(QuotaGVR).List", False),  # listed in the call
    # the variable given another resource in the function
    ("quota.example.com", "namespacequotas", "resource = client.Resource(schema.GroupVersionResource{})\n\t", True),
])
def test_an_informer_listing_a_dynamic_custom_resource_keeps_nothing_that_grows(tmp_path, group, resource,
                                                                                listing, reported):
    watch = _DYNAMIC_LIST_WATCH
    if listing.startswith("resource ="):
        watch = watch.replace("\tinformer := ", "\t" + listing + "informer := ")
    elif listing:
        watch = watch.replace("resource.List", listing).replace("resource := client.Resource(QuotaGVR)\n", "")
    write(tmp_path, "internal/watch/types.go", _RESOURCE_OF_GROUP % (group, resource))
    findings = _findings_of_watching_program(tmp_path, watch, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("module, client, reported", [
    # the module's own custom resources: what users create (varmor's policies, read as wrong)
    ("example.com/app", "example.com/app/pkg/client/informers/externalversions", False),
    # its owner's API module (ocm's klusterlet operator and open-cluster-management.io/api)
    ("example.com/app", "example.com/api/client/informers/externalversions", False),
    ("github.com/acme/app", "github.com/acme/api/client/informers/externalversions", False),
    ("example.com/app", "example.org/api/client/informers/externalversions", True),  # another project's
    # another project's kinds may grow with the cluster (OpenShift's Builds and ImageStreams)
    ("example.com/app", "github.com/openshift/client-go/build/informers/externalversions", True),
    # and do whoever runs them: OpenShift's API is its platform's, like Kubernetes' own
    ("github.com/openshift/app", "github.com/openshift/client-go/build/informers/externalversions", True),
    # a domain of many projects: Gateway API's routes, the API extensions server's CRDs
    ("sigs.k8s.io/app", "sigs.k8s.io/gateway-api/pkg/client/informers/externalversions", True),
    ("k8s.io/app", "k8s.io/apiextensions-apiserver/pkg/client/informers/externalversions", True),
    ("github.com/kubernetes-csi/app",
     "github.com/kubernetes-csi/external-snapshotter/client/informers/externalversions", True),
    ("gitlab.com/acme/app", "github.com/acme/api/client/informers/externalversions", True),  # another host's acme
])
def test_a_generated_clients_factory_is_a_cache_unless_of_the_projects_own_resources(tmp_path, module, client,
                                                                                     reported):
    """informer-gen's `NewSharedInformerFactory`, called unscoped beside a scoped factory of
    client-go: a construction of the program, but one of the project's own custom resources
    keeps only what users create."""
    watch = (f'package watch\n\nimport (\n\t"{client}"\n'
             '\t"k8s.io/client-go/informers"\n)\n\n'
             'func start(c any, ns string) {\n\t_ = externalversions.NewSharedInformerFactory(c)\n'
             '\t_ = informers.NewSharedInformerFactoryWithOptions(nil, 0, informers.WithNamespace(ns))\n}\n')
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH.replace("example.com/app", module),
                         "internal/watch/watch.go": watch,
                         "pkg/client/informers/externalversions/factory.go": _GENERATED_INFORMERS}, module)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("starts, reported", [
    ("", False),  # radix's API server: its listers handed in by whoever starts them, no one here
    ("func start(c any) { externalversions.NewSharedInformerFactory(c) }\n", True),
    # sbomscanner's storage: a broadcaster's watch of its own events starts no informer
    ("type store struct{ events interface{ Watch() any } }\n\nvar _ = store{}.events.Watch()\n", False),
    ("type store struct{ api interface{ Watch(any, any) any } }\n\nvar _ = store{}.api.Watch(nil, nil)\n",
     True),  # a watch asked of the API server
])
def test_informers_keep_objects_only_when_the_program_starts_them(tmp_path, starts, reported):
    """A generated informer package calls its own constructors: only the program's calls count."""
    watch = ('package watch\n\nimport "example.com/app/pkg/client/informers/externalversions"\n\n'
             'var _ = externalversions.NewFilteredAppInformer\n\n' + starts)
    write(tmp_path, "pkg/client/informers/externalversions/factory.go", _GENERATED_INFORMERS)
    findings = _findings_of_watching_program(tmp_path, watch, controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_INFORMER_GEN_FACTORY = """\
%spackage externalversions

import "k8s.io/client-go/tools/cache"

type Factory struct{ informers map[any]cache.SharedIndexInformer }

func NewSharedInformerFactory(client any, resync int) *Factory { return &Factory{} }

func (f *Factory) InformerFor(obj any, build func() cache.SharedIndexInformer) cache.SharedIndexInformer {
	informer := build()
	f.informers[obj] = informer
	return informer
}

func NewFilteredDatabaseInformer(client any) cache.SharedIndexInformer {
	return cache.NewSharedIndexInformer(nil, nil, 0, nil)
}

func (f *Factory) Databases() cache.SharedIndexInformer {
	return f.InformerFor(nil, func() cache.SharedIndexInformer { return NewFilteredDatabaseInformer(nil) })
}
"""

_ASKS_FOR_DATABASES = """\
package watch

import "example.com/app/%s"

func start(client any) {
	factory := externalversions.NewSharedInformerFactory(client, 0)
	_ = factory.Example().V1alpha1().Databases().Informer()
	factory.Start(nil)
}
"""


@pytest.mark.parametrize("header, directory, reported", [
    ("// Code generated by informer-gen. DO NOT EDIT.\n\n", "pkg/client/informers/externalversions", False),
    ("", "pkg/client/informers/externalversions", False),  # otc-rds-operator: the header taken out
    ("", "pkg/client/externalversions", True),  # not informer-gen's layout: its own informers
])
def test_a_generated_factory_builds_only_the_informers_asked_of_it(tmp_path, header, directory, reported):
    """informer-gen's output builds informers for the kinds whoever calls it asks for: a program
    asking only for its custom resource keeps no cache of the cluster, and far below its limit
    (64Mi of 512Mi) is not reported; its output is known by its directory when the "Code
    generated" header is gone."""
    write(tmp_path, f"{directory}/factory.go", _INFORMER_GEN_FACTORY % header)
    findings = _findings_of_watching_program(tmp_path, _ASKS_FOR_DATABASES % directory, request="64Mi",
                                             controller=False)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


def test_controller_runtime_is_named_by_its_module(tmp_path):
    """typesense-operator: the first of controller-runtime's packages met was `pkg/certwatcher`,
    which keeps nothing; the manager keeps the cache."""
    main = ('package main\n\nimport (\n\t_ "sigs.k8s.io/controller-runtime/pkg/certwatcher"\n'
            '\t"sigs.k8s.io/controller-runtime/pkg/manager"\n)\n\n'
            'func main() {\n\tm, _ := manager.New(nil, manager.Options{})\n\t_ = m.GetClient()\n}\n')
    go_module(tmp_path, {"cmd/api/main.go": main})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi"))
    [finding] = _run(tmp_path).findings
    assert "(its program imports sigs.k8s.io/controller-runtime, whose cache" in finding.message


@pytest.mark.parametrize("build, reported", [
    ("RUN go build -o /out/api ./cmd/api/main.go", False),  # kubean: the program is known, small
    ("RUN go build -o /out/api ./cmd/api", False),
    ("RUN go build -o /out/api cmd/api/main.go", False),  # Meridio-2: a main file without ./
    # Meridio-2's router: the command continued over lines
    ('RUN CGO_ENABLED=0 go build \\\n    -ldflags="-s \\\n      -X main.version=1" \\\n    -o /out/api ./cmd/api', False),
    ("RUN go build -o /out/api cmd/api", True),  # an import path: not this module's package
    ("COPY bin/api /api", True),  # not known: counts as keeping a cache
])
def test_a_dockerfile_away_from_its_program_names_it_to_go_build(tmp_path, build, reported):
    """kubean: the image's directory `build/images/api` holds only a Dockerfile, which builds
    `./cmd/api` from the module's root."""
    go_module(tmp_path, {"cmd/api/main.go": SMALL_MAIN})
    write(tmp_path, "build/images/api/Dockerfile", f"FROM golang:1.25 AS build\n{build}\n")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("copied, reported", [
    ("COPY backend/ ./", False),  # velero-manager: the program is known, small
    ("COPY backend/go.mod backend/go.sum ./", True),  # the module's files, not its packages: not known
    ('COPY ["backend/", "./"]', False),  # the JSON form
    ("COPY --chown=app:app \\\n    backend/ ./", False),  # over two lines
    ("COPY --from=sources backend/ ./", True),  # another stage's files
])
def test_a_dockerfile_outside_any_module_builds_the_module_it_copies_in(tmp_path, copied, reported):
    """velero-manager's Dockerfile, at the root of a tree whose module is `backend`, copies it in
    and builds `.`: its program is the module's main package, which keeps no cache."""
    write(tmp_path, "api/backend/go.mod", "module example.com/backend\n\ngo 1.22\n")
    write(tmp_path, "api/backend/main.go", SMALL_MAIN)
    write(tmp_path, "api/Dockerfile", f"FROM golang:1.25 AS build\nWORKDIR /app\n{copied}\n"
                                      "RUN CGO_ENABLED=0 go build -o api .\n")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("image, program, recognized", [
    ("ghcr.io/acme/widgets-agent:1", "cmd/agent", True),  # the project's name, then the program's
    ("ghcr.io/acme/widgets-csi-provisioner:1", "cmd/csi-provisioner", True),
    ("ghcr.io/acme/widgets-manager-index:1", "cmd/manager/index", True),  # vald: path elements joined
    ("ghcr.io/acme/acme-widg-agent:1", "cmd/agent", True),  # the owner, and the start of a word
    ("quay.io/other/fdb-kubernetes-operator:1", "cmd/operator", False),  # a third party's prefix
    ("ghcr.io/acme/w-agent:1", "cmd/agent", False),  # too short to stand for a word
    ("ghcr.io/acme/widgets-agent:1", "internal/agent", False),  # the directory holds no main package
])
def test_an_image_named_for_the_project_then_the_program_runs_it(tmp_path, image, program, recognized):
    """azure-container-networking's `azure-npm` runs `npm`, tetragon's `tetragon-operator` its
    `operator`: both were left unchecked."""
    source = MAIN if program.startswith("cmd/") else "package agent\n"
    go_module(tmp_path, {f"{program}/main.go": source, "cmd/other/main.go": MAIN},
              module="github.com/acme/widgets")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="300Mi").replace("ghcr.io/acme/api:1", image))
    findings = _run(tmp_path).findings
    assert [f.rule_id for f in findings] == (["SL101"] if recognized else [])


def test_an_image_named_by_a_programs_whole_path_runs_it(tmp_path):
    """vald's `vald-operator` is `cmd/operator/vald`, not `cmd/index/operator` (the project's
    name, then `operator`), which caches every Pod: the whole name is tried first."""
    go_module(tmp_path, {"cmd/operator/app/main.go": SMALL_MAIN, "cmd/index/operator/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace("ghcr.io/acme/api:1",
                                                                             "ghcr.io/acme/app-operator:1"))
    assert _run(tmp_path).findings == []


def test_an_image_named_for_the_project_runs_what_its_directory_builds_not_a_test(tmp_path):
    """azure-container-networking's `azure-npm`: `npm/linux.Dockerfile` builds `npm/cmd`, which
    starts informers; its `test/integration/npm` (here `e2e/npm`, first in path order), a main
    package of the same name, starts none."""
    go_module(tmp_path, {"npm/cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES,
                         "npm/npm.go": "package npm\n", "e2e/npm/main.go": MAIN})
    write(tmp_path, "npm/linux.Dockerfile", "FROM golang:1.25 AS build\nRUN go build -o /azure-npm npm/cmd/*.go\n")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace("ghcr.io/acme/api:1",
                                                                             "ghcr.io/acme/app-npm:1"))
    assert [f.rule_id for f in _run(tmp_path).findings] == ["SL101"]


@pytest.mark.parametrize("image, recognized", [
    ("docker.io/acmeio/widget-operator:1", True),  # gravitee's graviteeio/kubernetes-operator
    ("ghcr.io/acme/widget-operator:1", True),
    ("ghcr.io/other/widget-operator:1", False),  # another owner's image of that name
    ("ghcr.io/acmecorp/widget-operator:1", True),  # the owner begins with the word
])
def test_an_image_named_for_its_module_after_its_owner_runs_it(tmp_path, image, recognized):
    """The module `acme-widget-operator`, whose image's owner says `acme` once."""
    main = _MAIN_IMPORTING_WATCH.replace("example.com/app", "github.com/acme-io/acme-widget-operator")
    go_module(tmp_path, {"main.go": main, "internal/watch/watch.go": _WATCHES},
              module="github.com/acme-io/acme-widget-operator")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="300Mi").replace("ghcr.io/acme/api:1", image))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if recognized else [])


@pytest.mark.parametrize("target, reported", [
    ("./cmd/broker/", False),  # mcp-gateway: the broker, which keeps no cache, 40Mi of 512Mi
    ("./cmd/main.go", True),  # the manager, caching the cluster
])
def test_an_image_named_for_its_directory_runs_what_its_dockerfile_builds(tmp_path, target, reported):
    """The image named for the module is what the plain Dockerfile at its root builds, not the
    kubebuilder manager in cmd/ that Dockerfile.controller builds."""
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES,
                         "cmd/broker/main.go": SMALL_MAIN})
    write(tmp_path, "PROJECT", "domain: example.com\nlayout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "Dockerfile", f"FROM golang:1.25 AS build\nRUN go build -o server {target}\n")
    write(tmp_path, "Dockerfile.controller", "FROM golang:1.25 AS build\nRUN go build -o manager ./cmd/main.go\n")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace("ghcr.io/acme/api:1", "ghcr.io/acme/app:1"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("manifest, reported", [
    ("deploy/api.yaml", True),  # the root module's manifest runs its manager
    ("service/db/deploy/api.yaml", False),  # sealos: a service module's runs its own /manager
])
def test_a_command_runs_a_program_of_the_manifests_module(tmp_path, manifest, reported):
    go_module(tmp_path, {"cmd/manager/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    go_module(tmp_path / "service" / "db", {"main.go": MAIN}, module="example.com/app/service/db")
    deployment = _SIZED.format(request="256Mi").replace(
        "image: ghcr.io/acme/api:1", 'image: ghcr.io/acme/db-monitor:1\n          command: ["/manager"]')
    write(tmp_path, manifest, deployment)
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("image, reported", [
    ("ghcr.io/acme/api:1", True),
    ("quay.io/acme/qa-multi-arch:webhookserver-1.2", False),  # stackrox's CI webhook receiver
    ("ghcr.io/acme/api-e2e:1", False),
    ("ghcr.io/acme/api:e2e", False),  # benchhandoff's, built and loaded only by its end-to-end script
    ("ghcr.io/acme/api:v1.4.0-qa", False),
    ("api:local-up", False),  # KusionStack rollout's `config/kind`: its demo script's local build
    ("ghcr.io/acme/local-api:1", True),  # the repository's words are its program's
    ("ghcr.io/acme/api:v1.4.0", True),
    ("ghcr.io/acme/contest:1", True),  # a word that merely holds "test"
    ("ghcr.io/acme/api:contest", True),
    ("ghcr.io/acme/valet/provider-mock:1", False),  # valet's mock provider, for its tests
    ("ghcr.io/acme/mockingbird:1", True),
    ("ghcr.io/acme/api:1\n          imagePullPolicy: Never", False),  # db-operator's, loaded by `kind load`
    ("ghcr.io/acme/api:1\n          imagePullPolicy: IfNotPresent", True),
    # a registry on the node (microk8s'): a developer's build, or the one install users copy and
    # edit (aws-ecr-image-pull-secret-controller's `127.0.0.1:32123/`, read as worth a change)
    ("127.0.0.1:32123/api:latest", True),
])
def test_an_image_named_for_tests_or_loaded_by_hand_is_no_service(tmp_path, image, reported):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi").replace(
        "image: ghcr.io/acme/api:1", f"image: {image}\n          command: [\"/api\"]"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("namespace, reported", [
    ("", True),
    ("  namespace: acme-system\n", True),
    ("  namespace: serving-tests\n", False),  # serverless-operator's metadata webhook, for its e2e scripts
    ("  namespace: e2e\n", False),
    ("  namespace: examples\n", False),
    ("  namespace: contest\n", True),  # a word that merely holds "test"
])
def test_a_workload_in_a_namespace_of_tests_is_no_service(tmp_path, namespace, reported):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi").replace("  name: api\n", "  name: api\n" + namespace, 1))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("image, reported", [
    # gitea-act-runner-controller: its listener runs the image its manager loads by hand
    ("api:latest", False),
    ("ghcr.io/acme/api:1", True),  # a released image: pulled where it is not loaded by hand
])
def test_a_local_image_loaded_by_hand_is_so_wherever_it_runs(tmp_path, image, reported):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi").replace("ghcr.io/acme/api:1", image))
    write(tmp_path, "deploy/dev.yaml", _SIZED.format(request="256Mi").replace(
        "name: api\n", "name: dev\n").replace("image: ghcr.io/acme/api:1", f"image: {image}\n          imagePullPolicy: Never"))
    assert [f.path for f in _run(tmp_path).findings] == (["deploy/api.yaml"] if reported else [])


def test_a_container_loaded_by_hand_runs_no_program_named_by_its_image(tmp_path):
    """zk-daemonset's minikube DaemonSet runs `zk-daemonset:1.0`, loaded by hand; its image's
    name is that of the registry image a kustomize overlay patches in, which runs Go."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "deploy/minikube.yaml", _SIZED.format(request="256Mi").replace(
        "image: ghcr.io/acme/api:1", "image: api:1.0\n          imagePullPolicy: Never"))
    # ghcr.io/acme/api, recognized, without a limit of its own
    write(tmp_path, "deploy/gcp/patch.yaml", POD.split("      resources:")[0])
    assert [f.path for f in _run(tmp_path).findings] == []


@pytest.mark.parametrize("command, reported", [
    ('["/api"]', True),
    ('["pwsh.exe", "-NoLogo", "-File", "entrypoint.ps1"]', False),  # terway's Windows DaemonSets
    ('["C:\\\\Program Files\\\\PowerShell\\\\powershell.exe", "-File", "run.ps1"]', False),
])
def test_a_powershell_script_starts_its_program_elsewhere(tmp_path, command, reported):
    """A Windows container whose command is a PowerShell script copies the Go program to the
    host and starts it there (rancher-wins): outside the container's limit and environment."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    deployment = _SIZED.format(request="256Mi").replace(
        "image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/api:1\n          command: {command}")
    write(tmp_path, "deploy/api.yaml", deployment)
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("copy_line, script", [
    ("COPY --from=build /out/fabricd .", "exec /opt/agent/fabricd --lldp"),  # the source names it
    ("COPY --from=build /out/fabricd /usr/local/bin", "exec fabricd --lldp"),
    ("COPY --from=build /out/ /opt/agent/", "exec /opt/agent/fabricd --lldp"),  # a directory's files
    ("COPY --from=build /out/${NAME} /usr/bin/fabric/${NAME}", "exec /usr/bin/fabric/fabricd --lldp"),
    ("COPY --from=build /out/app /usr/bin/fabric/app", "exec crond -f"),  # its crontab may run the program
    ("COPY --from=build /out/app /usr/bin/fabric/app", "echo " + "QUJD" * 4000 + " | base64 -d > /tmp/x\nlldpd -d"),
])
def test_a_script_whose_program_is_not_known_keeps_its_container_go(tmp_path, copy_line, script):
    """What a stage builds by make is copied in under names the Dockerfile gives it, from a
    directory or a build argument; a cron daemon starts what its crontab names; a line too long
    to read may start anything: the reloader's container stays Go."""
    go_module(tmp_path, {"cmd/app/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "image/app/Dockerfile", "FROM golang:1.26 AS build\nCOPY . .\n"
                                            "RUN go build -o /out/app cmd/app/main.go && make fabricd\n"
                                            f"FROM ubuntu:24.04\n{copy_line}\n"
                                            "COPY image/app/entrypoint.sh /usr/bin/fabric/entrypoint.sh\n")
    write(tmp_path, "image/app/entrypoint.sh", "#!/bin/sh\n" + script + "\n")
    write(tmp_path, "deploy/agent.yaml", _SCRIPT_CONTAINER)
    assert sorted(f.message.split('"')[1] for f in _run(tmp_path, "SL101").findings) == ["fluentd", "reloader"]


def test_a_script_command_of_an_image_whose_program_make_builds_is_not_known_to_run_another(tmp_path):
    """A Dockerfile that builds by `make` names no program: what its script starts is not known."""
    go_module(tmp_path, {"cmd/app/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "image/app/Dockerfile", "FROM golang:1.26 AS build\nCOPY . .\nRUN make build\n"
                                            "FROM ubuntu:24.04\nCOPY --from=build /src/bin/ /usr/bin/fabric/\n"
                                            "COPY image/app/entrypoint.sh /usr/bin/fabric/entrypoint.sh\n")
    write(tmp_path, "image/app/entrypoint.sh", "#!/bin/bash\nexec /usr/bin/fabric/fabric-app --lldp\n")
    write(tmp_path, "deploy/agent.yaml", _SCRIPT_CONTAINER)
    assert sorted(f.message.split('"')[1] for f in _run(tmp_path, "SL101").findings) == ["fluentd", "reloader"]


_TWO_CONTAINERS = """\
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-router
spec:
  template:
    spec:
      containers:
        - name: fluentd
          image: ghcr.io/acme/app:1
          resources:
            limits:
              memory: 512Mi
        - name: reloader
          image: ghcr.io/acme/app:1
          command: ["/bin/reloader"]
          resources:
            limits:
              memory: 256Mi
"""


@pytest.mark.parametrize("script, reported", [
    ("#!/bin/sh\nexec fluentd -c /fluentd/etc/fluent.conf\n", ["reloader"]),  # kube-fluentd-operator
    ("#!/bin/sh\nexec /bin/reloader --watch\n", ["fluentd", "reloader"]),  # the script starts the program
    ('#!/bin/sh\nset -e\nexec "$@"\n', ["fluentd", "reloader"]),  # it runs whatever it is given
])
def test_a_container_keeping_an_entrypoint_script_that_starts_another_program_is_not_go(tmp_path, script, reported):
    """kube-fluentd-operator's image builds its Go config reloader and starts fluentd: the
    container that gives no command runs fluentd, a Ruby program."""
    go_module(tmp_path, {"cmd/reloader/main.go": MAIN})
    write(tmp_path, "Dockerfile", "FROM golang:1.25 AS build\nRUN go build -o /out/reloader ./cmd/reloader\n"
                                  "FROM ruby:3\nCOPY --from=build /out/reloader /bin/reloader\n"
                                  "COPY image/entrypoint.sh /fluentd/\nENTRYPOINT [\"/fluentd/entrypoint.sh\"]\n")
    write(tmp_path, "image/entrypoint.sh", script)
    write(tmp_path, "deploy/router.yaml", _TWO_CONTAINERS)
    findings = _run(tmp_path).findings
    assert sorted(f.message.split('"')[1] for f in findings) == reported


# The reloader's container runs its image's script instead (unifabric's lldpd sidecar).
_SCRIPT_CONTAINER = _TWO_CONTAINERS.replace('["/bin/reloader"]', '["/usr/bin/fabric/entrypoint.sh"]')


@pytest.mark.parametrize("script, copy, reported", [
    # unifabric's lldpd sidecar: its image's script writes a config and starts lldpd, a C daemon
    ("#!/bin/bash\nset -e\necho starting\nlldpd -d -O /etc/lldpd.conf\n", "/usr/bin/fabric/entrypoint.sh", False),
    ("#!/bin/bash\nlldpd -d\n", "/usr/bin/fabric/", False),  # copied into the directory
    ("#!/bin/bash\nwrite_config\nexec /usr/bin/fabric/app --lldp\n", "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\nexec "$@"\n', "/usr/bin/fabric/entrypoint.sh", True),  # it runs whatever it is given
    ('#!/bin/sh\nexec "$PROGRAM" --serve\n', "/usr/bin/fabric/entrypoint.sh", True),  # a program by variable
    ("#!/bin/bash\nlldpd -d\n", "/opt/other.sh", True),  # no Dockerfile copies a script to that path
    # the binary renamed as it is copied; named by a variable in its path; an assignment is none
    ("#!/bin/bash\nexec /usr/bin/fabric/fabricd --lldp\n", "/usr/bin/fabric/entrypoint.sh", True),
    ("#!/bin/bash\nexec /usr/bin/fabric/${COMPONENT} --lldp\n", "/usr/bin/fabric/entrypoint.sh", True),
    ("#!/bin/bash\nlinks=$(rdma link)\nlist+=($links)\nlldpd -d\n", "/usr/bin/fabric/entrypoint.sh", False),
    ('#!/bin/sh\nexec tini -- "$PROGRAM"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\n[ -n "$DEBUG" ] || exec "$PROGRAM"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\neval "$START"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ("#!/bin/sh\nexec /usr/bin/fabric/fd --lldp\n", "/usr/bin/fabric/entrypoint.sh", True),  # linked by a RUN
    ("#!/bin/sh\nexec /usr/bin/fabric/fd2 --lldp\n", "/usr/bin/fabric/entrypoint.sh", True),  # under `then`, after flags
    # programs that run their arguments, a redirection before the program, a case arm, a
    # function's argument, a command's output, a sourced file
    ('#!/bin/sh\nexec su-exec nobody "$PROGRAM"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\nexec sh -c "$START"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\nexec 2>&1 "$PROGRAM"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\ncase "$MODE" in\n  agent) exec "$PROGRAM" ;;\nesac\n', "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\nstart() { exec "$1"; }\nstart "$PROGRAM"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ("#!/bin/sh\nexec `cat /etc/program`\n", "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\n. "$START_SCRIPT"\n', "/usr/bin/fabric/entrypoint.sh", True),
    # a file put in place that is no program of the tree (lldpd's config) names none
    ("#!/bin/sh\nlldpd -d -O /etc/fabric/lldpd.conf >/dev/null 2>&1\n", "/usr/bin/fabric/entrypoint.sh", False),
    # `#` that opens no comment; an array assignment before a command; runners' flags; another
    # script, a pattern, a process manager; `${#list[@]}` and a test command are no programs
    ('#!/bin/sh\n[ $# -gt 0 ] && exec "$1"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\ncurl -s http://probe/#ready; exec "$PROGRAM"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/bash\nlist+=(a); "$PROGRAM"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/sh\nexec sudo -E "$PROGRAM"\n', "/usr/bin/fabric/entrypoint.sh", True),
    ("#!/bin/sh\nexec /usr/bin/fabric/run.sh\n", "/usr/bin/fabric/entrypoint.sh", True),
    ("#!/bin/sh\nexec /usr/bin/fabric/a*\n", "/usr/bin/fabric/entrypoint.sh", True),
    ("#!/bin/sh\nexec supervisord -c /etc/supervisord.conf\n", "/usr/bin/fabric/entrypoint.sh", True),
    ('#!/bin/bash\nlist=(eth0)\nif [ ${#list[@]} -gt 0 ]; then lldpd -d; fi  # "$X"\n', "/usr/bin/fabric/entrypoint.sh",
     False),
    # built by make in a stage and copied under a name of its own
    ("#!/bin/sh\nexec /usr/bin/fabric/fabric-probe\n", "/usr/bin/fabric/entrypoint.sh", True),
])
def test_a_container_whose_command_is_a_script_starting_another_program_is_not_go(tmp_path, script, copy, reported):
    """A container may run its image's script as its command; when the Dockerfile copies that
    script from the tree and it starts none of the tree's Go programs, the container runs
    something else."""
    go_module(tmp_path, {"cmd/app/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "image/app/Dockerfile", "FROM golang:1.26 AS build\nCOPY . .\n"
                                            "RUN go build -o /out/app cmd/app/main.go\n"
                                            "FROM ubuntu:24.04\nRUN apt-get install -y lldpd\n"
                                            "COPY --from=build /out/app /usr/bin/fabric/app\n"
                                            "COPY --from=build /out/app /usr/bin/fabric/fabricd\n"
                                            "RUN ln -s /usr/bin/fabric/app /usr/bin/fabric/fd\n"
                                            "RUN --mount=type=cache,target=/x if true; then cp /usr/bin/fabric/app "
                                            "/usr/bin/fabric/fd2 2>/dev/null; fi\n"
                                            "RUN cp /usr/share/lldpd/lldpd.conf /etc/fabric/lldpd.conf\n"
                                            "COPY --from=build /src/bin/probe /usr/bin/fabric/fabric-probe\n"
                                            f"COPY --chmod=755 image/app/entrypoint.sh {copy}\n")
    write(tmp_path, "image/app/entrypoint.sh", script)
    write(tmp_path, "deploy/agent.yaml", _SCRIPT_CONTAINER)
    findings = _run(tmp_path, "SL101").findings
    assert sorted(f.message.split('"')[1] for f in findings) == (["fluentd", "reloader"] if reported else ["fluentd"])


@pytest.mark.parametrize("last_stage, reported", [
    ('FROM python:3.11-slim\nCOPY server.py .\nCMD ["python", "server.py"]\n', False),  # krkn-operator's data provider
    ("FROM python:3.11-slim\nCOPY server.py .\nCMD python3.11 server.py\n", False),
    ("FROM docker.io/library/node:22\nCOPY app.js .\n", False),  # the base image's command: node
    ('FROM python:3.11-slim\nCOPY --from=build /out/provider /bin/\nENTRYPOINT ["/bin/provider"]\n', True),
    ("FROM gcr.io/distroless/static\nCOPY --from=build /out/provider /provider\n", True),
])
def test_an_image_running_another_language_after_a_go_stage_is_not_go(tmp_path, last_stage, reported):
    """A Go stage may build a tool the image's program calls (OpenShift's `oc` for a Python
    gRPC server): what the image runs is its last stage's command."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "data-provider/Dockerfile", "FROM golang:1.26 AS build\nCOPY . .\n"
                                                "RUN git clone https://example.com/oc.git && cd oc && go build -o /out/oc .\n"
                                                + last_stage)
    write(tmp_path, "deploy/provider.yaml", POD.replace("ghcr.io/acme/api:1", "ghcr.io/acme/data-provider:1"))
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


_VPA = """\
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: api
spec:
  targetRef: {apiVersion: apps/v1, kind: Deployment, name: %s}
  updatePolicy: {updateMode: %s}
  resourcePolicy:
    containerPolicies:
%s"""
_RESIZED = "a VerticalPodAutoscaler changes this limit: give the runtime about 90% of the limit the pod runs with"


@pytest.mark.parametrize("target, mode, policies, resized", [
    ("api", "Auto", "      - containerName: api\n", True),  # git-cert-shim: requests and limits, by default
    ("api", "Auto", "      - {containerName: '*', controlledResources: [cpu, memory]}\n", True),
    ("api", "Recreate", "      - {containerName: sidecar, mode: 'Off'}\n", True),  # another container's policy
    ("api", "'Off'", "      - containerName: api\n", False),  # it only recommends
    ("api", "Auto", "      - {containerName: api, controlledValues: RequestsOnly}\n", False),
    ("api", "Auto", "      - {containerName: api, controlledResources: [cpu]}\n", False),
    ("api", "Auto", "      - {containerName: '*', mode: 'Off'}\n", False),
    ("web", "Auto", "      - containerName: api\n", False),  # another workload's
])
def test_a_limit_a_vertical_pod_autoscaler_changes_asks_for_the_one_the_pod_runs_with(
        tmp_path, target, mode, policies, resized):
    """The limit written is where the pod starts: a fixed GOMEMLIMIT would be wrong once the
    autoscaler scales the limit with the request it measures."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="512Mi"))
    write(tmp_path, "deploy/vpa.yaml", _VPA % (target, mode, policies))
    [finding] = _run(tmp_path).findings
    assert finding.message.endswith(_RESIZED + " (automemlimit, or debug.SetMemoryLimit from a resourceFieldRef of "
                                    "limits.memory)") == resized
    assert [(r.path, r.line) for r in finding.related] == ([("deploy/vpa.yaml", 2)] if resized else [])


@pytest.mark.parametrize("template, enabled, resized", [
    ("{{- if .Capabilities.APIVersions.Has \"autoscaling.k8s.io/v1/VerticalPodAutoscaler\" }}\n", None, True),
    ("{{- if .Values.vpa.enabled }}\n", "true", True),
    ("{{- if .Values.vpa.enabled }}\n", "false", False),  # installed only when turned on
    ("", None, True),
])
def test_a_charts_vertical_pod_autoscaler_changes_its_limit(tmp_path, template, enabled, resized):
    """teleport-operator's chart installs a VPA over its operator (templates are not rendered:
    it is taken to target the chart's workload)."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    _write_chart(tmp_path, "charts/api", "api", template_more="# {{ .Values.image }} {{ .Values.resources }}\n")
    if enabled is not None:
        write(tmp_path, "charts/api/values.yaml", _CHART_VALUES + f"vpa:\n  enabled: {enabled}\n")
    write(tmp_path, "charts/api/templates/vpa.yaml", template + _VPA % (
        "{{ .Release.Name }}", "Auto", "      - containerName: {{ .Chart.Name }}\n") + "{{- end }}\n" * bool(template))
    [finding] = _run(tmp_path).findings
    assert (_RESIZED in finding.message) == resized


@pytest.mark.parametrize("controlled, resized", [
    ("RequestsOnly", False),  # oidc-apps-controller's chart: its autoscaler leaves the limit alone
    ("RequestsAndLimits", True),
    (None, True),  # not set: the template writes none, the autoscaler's default
])
def test_a_charts_vertical_pod_autoscaler_controlling_what_its_values_say(tmp_path, controlled, resized):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    _write_chart(tmp_path, "charts/api", "api", template_more="# {{ .Values.image }} {{ .Values.resources }}\n")
    if controlled is not None:
        write(tmp_path, "charts/api/values.yaml", _CHART_VALUES + f"vpa:\n  controlledValues: {controlled}\n")
    write(tmp_path, "charts/api/templates/vpa.yaml", _VPA % (
        "{{ .Release.Name }}", "Auto", "      - containerName: {{ .Chart.Name }}\n"
        "        {{- if .Values.vpa.controlledValues }}\n"
        "        controlledValues: {{ .Values.vpa.controlledValues }}\n        {{- end }}\n"))
    [finding] = _run(tmp_path).findings
    assert (_RESIZED in finding.message) == resized


@pytest.mark.parametrize("script, several", [
    # k8gobgp: the BGP daemon and the manager side by side, the shell waiting on both
    ("#!/bin/bash\n/usr/local/bin/gobgpd --api-hosts unix:///run/gobgp.sock &\nGOBGPD_PID=$!\n"
     "/usr/local/bin/manager --endpoint=unix:///run/gobgp.sock &\nwait -n\n", True),
    ("#!/bin/sh\nnohup /bin/helper --quiet &\nexec /bin/manager\n", True),
    ("#!/bin/sh\n/bin/manager &\nwait\n", False),  # one program, its shell waiting
    ('#!/bin/sh\n[ -f /etc/ready ] && echo ready\nexec /bin/manager "$@"\n', False),
    ("#!/bin/sh\n# /bin/helper &\nexec /bin/manager\n", False),  # a comment starts nothing
])
def test_an_entrypoint_starting_several_programs_shares_the_limit(tmp_path, script, several):
    """Each Go process of a container reads GOMEMLIMIT as its own: with two, 90% of the limit
    each is twice too much, so the fix is a share for each."""
    go_module(tmp_path, {"cmd/manager/main.go": MAIN})
    write(tmp_path, "Dockerfile", "FROM golang:1.25 AS build\nRUN go build -o /out/manager ./cmd/manager\n"
                                  "FROM debian:12\nCOPY --from=build /out/manager /bin/manager\n"
                                  "COPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n")
    write(tmp_path, "entrypoint.sh", script)
    write(tmp_path, "deploy/app.yaml", POD.replace("ghcr.io/acme/api:1", "ghcr.io/acme/app:1"))
    [finding] = _run(tmp_path, "SL101").findings
    assert ("its image's entrypoint.sh starts several programs: give each its share" in finding.message) == several
    assert finding.message.endswith("set GOMEMLIMIT to about 90% of the limit") != several


_MANAGERS = """\
package watch

import (
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

func start(hub, local *rest.Config, namespace string) {
	hubManager, _ := ctrl.NewManager(hub, ctrl.Options{Cache: cache.Options{
		DefaultNamespaces: map[string]cache.Config{namespace: {}}}})
	_ = hubManager
%s}
"""


_SCOPED_WHEN = """\
package watch

import (
	"sigs.k8s.io/controller-runtime/pkg/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

func start(namespace string, namespaces []string) (ctrl.Manager, error) {
	options := ctrl.Options{}
	if err := check(); err != nil {
		return nil, err
	}
%s
	return ctrl.NewManager(ctrl.GetConfigOrDie(), options)
}
"""


@pytest.mark.parametrize("scoping, reported", [
    # cluster-api-provider-metal-stack: only when --namespace names one, and its manifest names none
    ("\tif namespace != \"\" {\n\t\toptions.Cache = cache.Options{\n"
     "\t\t\tDefaultNamespaces: map[string]cache.Config{namespace: {}},\n\t\t}\n\t}", True),
    ("\tif len(namespaces) > 0 {\n\t\toptions.Cache.DefaultLabelSelector = selector\n\t}", True),
    ("\toptions.Cache = cache.Options{DefaultNamespaces: map[string]cache.Config{namespace: {}}}", False),
    # ceph-csi-operator: an empty map given the operator's namespace, whatever the flags
    ("\twatched := map[string]cache.Config{}\n\twatched[namespace] = cache.Config{}\n"
     "\toptions.Cache = cache.Options{DefaultNamespaces: watched}", False),
    # given only the namespaces a flag lists, it stays empty when the flag lists none
    ("\twatched := map[string]cache.Config{}\n\tfor _, name := range namespaces {\n"
     "\t\twatched[name] = cache.Config{}\n\t}\n\toptions.Cache = cache.Options{DefaultNamespaces: watched}", True),
    ("\twatched := map[string]cache.Config{}\n\tif namespace != \"\" {\n\t\twatched[namespace] = cache.Config{}\n"
     "\t}\n\toptions.Cache = cache.Options{DefaultNamespaces: watched}", True),
    # vault-operator: the else of a check that the name is empty
    ("\twatched := map[string]cache.Config{}\n\tif namespace == \"\" {\n\t\tlog()\n\t} else {\n"
     "\t\twatched[namespace] = cache.Config{}\n\t}\n\toptions.Cache = cache.Options{DefaultNamespaces: watched}", True),
    ("\tif len(namespaces) == 0 {\n\t\tlog()\n\t} else {\n\t\toptions.Cache.DefaultLabelSelector = selector\n\t}", True),
    ("\tif err != nil {\n\t\tlog()\n\t} else {\n\t\toptions.Cache.DefaultLabelSelector = selector\n\t}", False),
    # a block that runs whatever is named
    ("\tif options.Cache.SyncPeriod == nil {\n\t\toptions.Cache = cache.Options{\n"
     "\t\t\tDefaultNamespaces: map[string]cache.Config{namespace: {}},\n\t\t}\n\t}", False),
])
def test_a_cache_scoped_only_when_a_flag_names_a_namespace_caches_the_cluster(tmp_path, scoping, reported):
    findings = _findings_of_watching_program(tmp_path, _SCOPED_WHEN % scoping)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])
    assert all("no scoping was found that applies whatever the flags)" in f.message for f in findings)


_CLIENT_ONLY = """\
package watch

import (
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/client"
	ctrlrt "sigs.k8s.io/controller-runtime"
)

func start(config *rest.Config) {
	reader, _ := client.New(config, client.Options{})
	_ = reader
%s}
"""


@pytest.mark.parametrize("builds, reported", [
    ("", False),  # ironcore's CSI driver: an uncached client, one request at a time
    ("\tmanager, _ := ctrlrt.NewManager(config, ctrlrt.Options{})\n\t_ = manager\n", True),  # ACK's alias
    ("\tfleet, _ := mcmanager.New(config, nil)\n\t_ = fleet\n", True),  # multicluster-runtime's
    ("\tobjects, _ := cache.New(config, cache.Options{})\n\t_ = objects\n", True),
    ("\t// manager, _ := ctrlrt.NewManager(config, ctrlrt.Options{})\n", False),  # a comment builds nothing
])
def test_controller_runtime_keeps_objects_only_in_a_cache_the_program_builds(tmp_path, builds, reported):
    """A program that imports controller-runtime for its client (`client.New` reads the API
    server on every call) or its types keeps nothing of the cluster: 40Mi of a 512Mi limit is
    a small program's. It keeps a cache when it builds a manager or a cache, whatever the
    package is called."""
    findings = _findings_of_watching_program(tmp_path, _CLIENT_ONLY % builds)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])
    assert all("(its program imports sigs.k8s.io/controller-runtime, whose cache" in f.message for f in findings)


@pytest.mark.parametrize("imported, call, reported", [
    # hypersdk's operator: govmomi's session manager and its own job queue's, and no cache
    ('"github.com/vmware/govmomi/session"', "session.NewManager(config)", False),
    ('"example.com/app/internal/jobmanager"', "jobmanager.NewManager(config)", False),  # read: builds none
    # a framework named for what it builds, whose code is not read
    ('"github.com/acme/platform/pkg/manager"', "manager.New(config)", True),
    ('ackrt "github.com/acme/controllers/pkg/runtime"', "ackrt.NewManager(config)", True),
])
def test_a_look_alike_of_a_manager_builds_no_cache(tmp_path, imported, call, reported):
    source = _CLIENT_ONLY.replace('import (\n', f"import (\n\t{imported}\n") % f"\t_ = {call}\n"
    findings = _findings_of_watching_program(tmp_path, source)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("controller, reported", [(True, True), (False, False)])
def test_a_manager_with_nothing_registered_starts_no_cache(tmp_path, controller, reported):
    """sealos' app controller and bpfman's metrics proxy build a manager for its health and
    metrics endpoints and register no controller, read no object: no informer starts."""
    findings = _findings_of_watching_program(tmp_path, _CLIENT_ONLY % (
        "\tmanager, _ := ctrlrt.NewManager(config, ctrlrt.Options{})\n\t_ = manager.Start\n"), controller=controller)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("second, reported", [
    ("", False),
    ("\tlocalManager, _ := ctrl.NewManager(local, ctrl.Options{})\n\t_ = localManager\n", True),
    # openperouter's host mode: a manager of no API server, fed over a channel
    ("\tlocalManager, _ := ctrl.NewManager(&rest.Config{}, ctrl.Options{})\n\t_ = localManager\n", False),
    ("\tlocalManager, _ := ctrl.NewManager(&rest.Config{Host: \"https://edge\"}, ctrl.Options{})\n\t_ = localManager\n", True),
])
def test_a_second_manager_beside_a_scoped_one_caches_the_cluster(tmp_path, second, reported):
    """kubeslice's worker operator scopes its hub cluster's manager to a namespace, and caches
    its own cluster's Pods and Nodes through a second manager that scopes nothing."""
    findings = _findings_of_watching_program(tmp_path, _MANAGERS % second)
    assert [f.rule_id for f in findings] == (["SL101"] if reported else [])


_ADMITS = """\
package server

import (
	admissionv1 "k8s.io/api/admission/v1"
%s)

var _ admissionv1.AdmissionReview
"""


@pytest.mark.parametrize("more_imports, reported", [
    ("", False),
    ('\t"k8s.io/client-go/informers"\n', True),  # a webhook that caches the cluster too
])
def test_a_program_that_reviews_admissions_is_a_webhook_whatever_its_name(tmp_path, more_imports, reported):
    """k8s-metadata-injection: a stateless admission webhook (30M of 80M), named for what it
    injects: its program imports the admission API and keeps nothing of the cluster."""
    main = 'package main\n\nimport _ "example.com/app/internal/server"\n\nfunc main() {}\n'
    starts = "\nvar _ = informers.NewSharedInformerFactory(nil, 0)\n" if more_imports else ""
    go_module(tmp_path, {"cmd/api/main.go": main, "internal/server/server.go": _ADMITS % more_imports + starts})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("workload, container, reported", [
    ("app-webhook", "webhook", False),
    ("app-controller", "controller", True),  # zen-lock's: the webhook program run as its controller
    ("app", "manager", False),  # nothing but the program's directory names it
    ("controller-webhook", "server", False),
    ("app-controller-manager", "webhook", False),  # the container's own name first
])
def test_a_program_named_for_a_webhook_run_as_a_controller_is_a_controller(tmp_path, workload, container, reported):
    """zen-lock builds one program, cmd/webhook, and runs it twice: as Deployment/zen-lock-webhook,
    and with `--enable-webhook=false` as Deployment/zen-lock-controller's container `controller`,
    which caches the cluster's Secrets under 512Mi."""
    go_module(tmp_path, {"cmd/webhook/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    manifest = _SIZED.format(request="128Mi").replace("ghcr.io/acme/api:1", "ghcr.io/acme/webhook:1")
    write(tmp_path, "deploy/app.yaml", manifest.replace("name: api\n", f"name: {workload}\n", 1)
          .replace("- name: api", f"- name: {container}"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("watches", [False, True])
def test_goreleaser_names_the_program_it_builds(tmp_path, watches):
    """exoscale's CSI driver: GoReleaser builds `exoscale/csi-driver` from ./cmd/exoscale-csi-driver,
    so what that program keeps in memory is known, as for an image named after its directory."""
    main = SMALL_MAIN if not watches else _MAIN_IMPORTING_WATCH
    go_module(tmp_path, {"cmd/exoscale-csi-driver/main.go": main, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, ".goreleaser.yml", "builds:\n  - main: ./cmd/exoscale-csi-driver\n"
                                       "dockers:\n  - image_templates: ['exoscale/csi-driver:{{ .Tag }}']\n")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="20Mi").replace("ghcr.io/acme/api:1",
                                                                              "exoscale/csi-driver:1"))
    result = _run(tmp_path)
    assert [f.rule_id for f in result.findings] == (["SL101"] if watches else [])


@pytest.mark.parametrize("command, dockerfile, reported", [
    ("/usr/bin/ctrl-manager", "COPY ctrl-manager /usr/bin/\n", True),  # the program its build names
    ("/manager", "COPY ctrl-manager /manager\n", True),  # renamed by the image's Dockerfile
    ("/manager", "COPY ctrl-manager /\n", False),  # the image holds no /manager: left over
    ("/bin/sh", "COPY ctrl-manager /\n", True),  # a shell's script may run anything
])
def test_a_goreleaser_image_runs_only_the_programs_its_builds_put_in_it(tmp_path, command, dockerfile, reported):
    """controller-mesh: GoReleaser's `manager` image holds the build `ctrlmesh-manager` (of three,
    chosen by `ids`), while a stale manifest runs `/manager`: it deploys nothing that is built."""
    go_module(tmp_path, {"cmd/manager/main.go": _MAIN_IMPORTING_WATCH, "cmd/proxy/main.go": SMALL_MAIN,
                         "internal/watch/watch.go": _WATCHES})
    write(tmp_path, ".goreleaser.yml", "builds:\n  - {id: manager, main: ./cmd/manager, binary: ctrl-manager}\n"
                                       "  - {id: proxy, main: ./cmd/proxy, binary: ctrl-proxy}\n"
                                       "dockers:\n  - ids: [manager]\n    dockerfile: build/manager.Dockerfile\n"
                                       "    image_templates: ['acme/ctrl-manager:{{ .Tag }}']\n")
    write(tmp_path, "build/manager.Dockerfile", "FROM alpine\n" + dockerfile)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="20Mi").replace(
        "ghcr.io/acme/api:1", f"acme/ctrl-manager:1\n          command: [{command}]"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("dockerfile, reported", [
    ("FROM alpine\nRUN apk add clamav\nENTRYPOINT [\"freshclam\"]\n", False),  # none of its builds
    ("FROM alpine\nCOPY ctrl-manager /usr/bin/\nENTRYPOINT [\"/usr/bin/ctrl-manager\"]\n", True),
])
def test_a_goreleaser_image_whose_dockerfile_copies_nothing_runs_no_go(tmp_path, dockerfile, reported):
    """kube-av's GoReleaser config (under build/ci, naming its Dockerfiles from the repository's
    root) also publishes a ClamAV updater, an alpine image running freshclam: its chart's
    256Mi for it was reported as a Go program's."""
    go_module(tmp_path, {"cmd/manager/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "build/ci/.goreleaser.yml", "builds:\n  - {id: manager, main: ./cmd/manager, binary: ctrl-manager}\n"
                                                "dockers:\n  - dockerfile: build/docker/updater.Dockerfile\n"
                                                "    image_templates: ['acme/app-updater:{{ .Tag }}']\n")
    write(tmp_path, "build/docker/updater.Dockerfile", dockerfile)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi").replace("ghcr.io/acme/api:1", "acme/app-updater:1"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("watches", [False, True])
def test_a_goreleaser_config_below_the_root_names_its_programs_from_the_root(tmp_path, watches):
    """kube-av's `build/ci/.goreleaser.yml` builds `main: ./main.go`, which GoReleaser, run at
    the repository's root, finds there: the program is known, whether it caches or not."""
    go_module(tmp_path, {"cmd/exoscale-csi-driver/main.go": _MAIN_IMPORTING_WATCH if watches else SMALL_MAIN,
                         "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "build/ci/.goreleaser.yml", "builds:\n  - main: ./cmd/exoscale-csi-driver\n"
                                                "dockers:\n  - image_templates: ['exoscale/csi-driver:{{ .Tag }}']\n")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="20Mi").replace("ghcr.io/acme/api:1", "exoscale/csi-driver:1"))
    findings = _run(tmp_path).findings
    assert [f.rule_id for f in findings] == (["SL101"] if watches else [])
    assert all("its program imports" in f.message for f in findings)


def test_a_goreleaser_dockerfile_outside_the_linted_tree_is_not_read(tmp_path):
    """Only the linted tree's Dockerfiles are looked for above the config: a directory above
    the repository may hold anything."""
    root = tmp_path / "project"
    go_module(root / "operator", {"cmd/manager/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(root, ".goreleaser.yml", "builds:\n  - {main: ./operator/cmd/manager, binary: widget}\n"
                                   "dockers:\n  - image_templates: ['acme/widget:{{ .Tag }}']\n")
    write(tmp_path, "Dockerfile", "FROM nginx\n")  # not the project's
    write(root, "operator/deploy/api.yaml", _SIZED.format(request="20Mi").replace("ghcr.io/acme/api:1", "acme/widget:1"))
    assert [f.rule_id for f in _run(root).findings] == ["SL101"]


@pytest.mark.parametrize("program, reported", [("source", True), ("sink", False)])
def test_a_ko_reference_runs_the_package_it_names(tmp_path, program, reported):
    """eventing-redis' `ko://.../cmd/source/controller` informs on StatefulSets; its
    `cmd/sink/controller`, named alike, keeps nothing of the cluster: the import path decides."""
    go_module(tmp_path, {"cmd/sink/controller/main.go": SMALL_MAIN, "cmd/source/controller/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "ghcr.io/acme/api:1", f"ko://example.com/app/cmd/{program}/controller"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("image, reported", [
    ("ko://example.com/app/cmd/source/controller", True),
    # aws-kinesis-channel's config names cmd/controller, its code is in another directory: ko
    # cannot build the manifest as written
    ("ko://example.com/app/cmd/controller", False),
    ("ko://example.com/app/cmd/source/controller:v1", True),
    # another module's package: built from that module, whatever this tree holds
    ("ko://example.org/other/cmd/controller", True),
])
def test_a_ko_reference_to_a_package_its_module_does_not_hold_is_not_checked(tmp_path, image, reported):
    go_module(tmp_path, {"cmd/source/controller/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace("ghcr.io/acme/api:1", image))
    done = _run(tmp_path)
    assert [f.rule_id for f in done.findings] == (["SL101"] if reported else [])
    if not reported:
        assert any("a ko:// package that its module does not hold" in str(n) for n in done.notifications)


def test_a_ko_reference_to_a_replaced_module_is_found_where_the_replacement_is(tmp_path):
    """ko follows `replace`: the package is in ./staging/api, whose files are not linted."""
    write(tmp_path, "go.mod", "module example.com/app\n\ngo 1.22\n\nrequire example.com/app/api v0.0.0\n\n"
                              "replace example.com/app/api => ./staging/api\n")
    write(tmp_path, "main.go", SMALL_MAIN)
    write(tmp_path, "staging/api/go.mod", "module example.com/app/api\n\ngo 1.22\n")
    write(tmp_path, "staging/api/cmd/source/controller/main.go", _MAIN_IMPORTING_WATCH)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
        "ghcr.io/acme/api:1", "ko://example.com/app/api/cmd/source/controller"))
    settings = build_settings(config_path=None, select=("SL101",), cwd=str(tmp_path))
    done = run(["main.go", "deploy/api.yaml"], settings, cwd=str(tmp_path), debug=True)
    assert not any("does not hold" in str(n) for n in done.notifications)


_KUSTOMIZATION = """\
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: metrics
resources:
  - deployment.yaml
configMapGenerator:
  - name: cluster-config
    literals:
      - CLUSTER_NAME=local
{more}"""
_ENV_FROM = POD.replace("      resources:", "      envFrom:\n        - configMapRef: {name: cluster-config}\n"
                        "      resources:", 1)


@pytest.mark.parametrize("more, env_file, expected", [
    ("      - GOMEMLIMIT=460MiB\n", None, []),
    ("    envs:\n      - runtime.env\n", "# the Go runtime\nGOMEMLIMIT=460MiB\n", []),
    ("    env: runtime.env\n", "GOMEMLIMIT=460MiB\n", []),
    ("", None, ["no GOMEMLIMIT reaches it and the code sets none"]),
])
def test_kustomize_generated_config_maps_feed_env_from(tmp_path, more, env_file, expected):
    """usage-metrics-collector's workloads take variables from a ConfigMap its kustomization's
    configMapGenerator makes: its keys reach the container, and it is found, not 'not among the
    linted files'."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/kustomization.yaml", _KUSTOMIZATION.format(more=more))
    write(tmp_path, "deploy/deployment.yaml", _ENV_FROM)
    if env_file is not None:
        write(tmp_path, "deploy/runtime.env", env_file)
    result = _run(tmp_path)
    messages = [f.message for f in result.findings]
    assert len(messages) == len(expected) and all(e in m for e, m in zip(expected, messages)), messages
    assert not any("not among the linted files" in m for m in messages)


@pytest.mark.parametrize("kind", ["Kustomization", "Component"])
def test_generated_config_map_reaches_a_workload_that_names_its_own_namespace(tmp_path, kind):
    """kustomize gives its `namespace` to the generated ConfigMap and to the workloads alike;
    a workload file that still says kubebuilder's `system` takes its variables all the same."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "deploy/kustomization.yaml", _KUSTOMIZATION.format(more="      - GOMEMLIMIT=460MiB\n")
          .replace("kind: Kustomization", f"kind: {kind}"))
    write(tmp_path, "deploy/deployment.yaml", _ENV_FROM.replace("  name: api\n", "  name: api\n  namespace: system\n", 1))
    assert _run(tmp_path).findings == []


# A kubebuilder helm plugin's chart (k8s-glb-operator's): the template is switched on as a
# whole, the container's `env` written out from the values' list.
_WHOLE_TEMPLATE = """\
{{- if or (not (hasKey .Values.manager "enabled")) (.Values.manager.enabled) }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  template:
    spec:
      containers:
      - args:
        - --leader-elect
        image: {{ .Values.manager.image.repository }}
        name: NAME
        env:
        {{- if or .Values.manager.env (not (empty .Values.manager.extraEnv)) }}
        {{- toYaml .Values.manager.env | nindent 10 }}
        {{- end }}
        - name: KUBERNETES_CLUSTER_DOMAIN
          value: cluster.local
        resources:
          {{- toYaml .Values.manager.resources | nindent 10 }}
{{- end }}
"""
_MANAGER_VALUES = """\
manager:
  image:
    repository: ghcr.io/acme/api
  ENV
  resources:
    limits:
      memory: 128Mi
"""


@pytest.mark.parametrize("env, reported", [
    ("env:\n    - name: WATCH_NAMESPACE\n      valueFrom:\n        fieldRef:\n          fieldPath: metadata.namespace", False),
    ("env:\n    - name: WATCH_NAMESPACE\n      value: ops", False),
    ("env: []", True),
    ("env:\n    - name: LOG_LEVEL\n      value: debug", True),
])
def test_a_charts_values_may_list_the_env_its_template_writes_out(tmp_path, env, reported):
    """k8s-glb-operator: `toYaml .Values.manager.env` writes the values' list of variables
    into the container, in a template switched on as a whole and under an `or` whose first
    operand the defaults set."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    write(tmp_path, "chart/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "chart/values.yaml", _MANAGER_VALUES.replace("ENV", env))
    write(tmp_path, "chart/templates/manager.yaml", _WHOLE_TEMPLATE.replace("NAME", "manager"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("written, shown, with_block", [
    ("manager", "manager", False),
    ("{{ .Release.Name }}", "controllerManager", False),  # the values' key: the name is not known
    ("manager", "manager", True),  # vault-access-operator: `{{- with .Values.resources }}` above the key
])
def test_a_chart_container_is_named_as_its_template_names_it(tmp_path, written, shown, with_block):
    """hsm-secrets-operator: the settings under `controllerManager` are those of the container
    its template names `manager`, past `args` and `env` items at the keys' indentation."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    write(tmp_path, "chart/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "chart/values.yaml", _MANAGER_VALUES.replace("ENV", "").replace("manager:", "controllerManager:"))
    template = _WHOLE_TEMPLATE.replace("NAME", written)
    if with_block:
        template = template.replace("        resources:\n          {{- toYaml .Values.manager.resources | nindent 10 }}",
                                    "        {{- with .Values.manager.resources }}\n        resources:\n"
                                    "          {{- toYaml . | nindent 10 }}\n        {{- end }}")
        assert "with .Values.manager.resources" in template
    write(tmp_path, "chart/templates/manager.yaml", template.replace(".Values.manager.", ".Values.controllerManager."))
    [finding] = _run(tmp_path).findings
    assert finding.message.startswith(f'container "{shown}" of Helm chart api')


@pytest.mark.parametrize("score, score_image, shown", [
    ("score", "manager", 'containers "score" and "status" of Helm chart api each have a memory limit'),
    ("{{ .Chart.Name }}-score", "manager", 'container "manager" of Helm chart api has a memory limit'),  # one not known
    # age-secret-operator: the GUI's nginx runs its own image under the controller's resources
    ("score", "gui", 'container "status" of Helm chart api has a memory limit'),
    ("{{ .Chart.Name }}-score", "gui", 'container "status" of Helm chart api has a memory limit'),
])
def test_chart_settings_several_templates_write_name_each_container(tmp_path, score, score_image, shown):
    """rcs-ocm-addons: two Deployments write `.Values.manager.resources` into their containers
    `score` and `status`; a message calling them "manager" was read as misnaming them. When a
    name is not written out, the values' key stands for them. A container that runs another
    setting's image is not one of them."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    write(tmp_path, "chart/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "chart/values.yaml", _MANAGER_VALUES.replace("ENV", ""))
    for file, name, image in (("status", "status", "manager"), ("score", score, score_image)):
        write(tmp_path, f"chart/templates/{file}.yaml", _WHOLE_TEMPLATE.replace("NAME", name).replace(
            ".Values.manager.image.", f".Values.{image}.image."))
    [finding] = _run(tmp_path).findings
    assert finding.message.startswith(shown)


@pytest.mark.parametrize("sidecar_image, shown", [
    # cosmo: kube-rbac-proxy, in the manager's template, has its own image and the manager's resources
    (".Values.manager.metrics.proxy.image.repository", 'container "manager" of Helm chart api has a memory limit'),
    (".Values.manager.image.repository", 'containers "manager" and "proxy" of Helm chart api each have a memory limit'),
])
def test_a_sidecar_given_the_settings_resources_is_named_only_when_it_runs_their_image(tmp_path, sidecar_image,
                                                                                       shown):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    write(tmp_path, "chart/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "chart/values.yaml", _MANAGER_VALUES.replace("ENV", ""))
    sidecar = (f"      - image: {{{{ {sidecar_image} }}}}\n        name: proxy\n        resources:\n"
               "          {{- toYaml .Values.manager.resources | nindent 10 }}\n")
    write(tmp_path, "chart/templates/manager.yaml",
          _WHOLE_TEMPLATE.replace("NAME", "manager").replace("      - args:", sidecar + "      - args:"))
    [finding] = _run(tmp_path).findings
    assert finding.message.startswith(shown)


@pytest.mark.parametrize("first, restart, manager_image, shown", [
    # velkir: `cert-bootstrap` runs the manager's image and resources once, exiting before its cache
    ("name: bootstrap", "", "manager", 'container "manager" of Helm chart api has a memory limit'),
    # a sidecar (an init container that restarts) runs beside the manager
    ("name: bootstrap", "restartPolicy: Always", "manager",
     'containers "bootstrap" and "manager" of Helm chart api each have a memory limit'),
    ("restartPolicy: Always", "name: bootstrap", "manager",
     'containers "bootstrap" and "manager" of Helm chart api each have a memory limit'),
    # the main container runs another image under the same resources: the init container is the Go one
    ("name: bootstrap", "", "proxy", 'container "bootstrap" of Helm chart api has a memory limit'),
])
def test_an_init_container_given_the_settings_image_and_resources_is_named_only_as_a_sidecar(
        tmp_path, first, restart, manager_image, shown):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    write(tmp_path, "chart/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "chart/values.yaml", _MANAGER_VALUES.replace("ENV", ""))
    init = (f"      initContainers:\n      - {first}\n        image: {{{{ .Values.manager.image.repository }}}}\n"
            "        args:\n        - --bootstrap-only\n" + (f"        {restart}\n" if restart else "") +
            "        resources:\n          {{- toYaml .Values.manager.resources | nindent 10 }}\n")
    template = _WHOLE_TEMPLATE.replace("NAME", "manager").replace("      containers:\n", init + "      containers:\n")
    template = template.replace("        image: {{ .Values.manager.image.repository }}\n        name: manager",
                                f"        image: {{{{ .Values.{manager_image}.image.repository }}}}\n        name: manager")
    assert f"{{{{ .Values.{manager_image}.image.repository }}}}\n        name: manager" in template
    write(tmp_path, "chart/templates/manager.yaml", template)
    [finding] = _run(tmp_path).findings
    assert finding.message.startswith(shown)


def test_a_chart_container_written_whole_in_its_template_is_named_by_it(tmp_path):
    """multicluster-mesh-addon: the values hold the image, the one template the container
    `controller` and its limit; a message naming it for the chart was read as misnaming it."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _SCOPED_WHEN_NAMED,
                         "internal/watch/controller.go": _CONTROLLER})
    write(tmp_path, "chart/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "chart/values.yaml", "image:\n  repository: ghcr.io/acme/api\n  tag: v1\n")
    write(tmp_path, "chart/templates/deployment.yaml", _CHART_TEMPLATE + """\
spec:
  template:
    spec:
      containers:
        - name: controller
          image: {{ .Values.image.repository }}:{{ .Values.image.tag }}
          resources:
            limits:
              memory: 512Mi
""")
    [finding] = _run(tmp_path).findings
    assert finding.message.startswith('container "controller" of Helm chart api has a memory limit of 512Mi')


_PER_KIND_NAMESPACES_WHEN_NAMED = """\
package watch

import (
	"os"
	"strings"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func watchedNamespaces() (map[string]cache.Config, error) {
	value := strings.TrimSpace(os.Getenv("WATCH_NAMESPACE"))
	if value == "" {
		return nil, nil
	}
	namespaces := make(map[string]cache.Config)
	for _, ns := range strings.Split(value, ",") {
		FILL
	}
	return namespaces, nil
}

func start() {
	namespaces, _ := watchedNamespaces()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: cache.Options{
		ByObject: map[client.Object]cache.ByObject{
			&corev1.Service{}: {Namespaces: namespaces},
			&corev1.Secret{}: {
				Namespaces: namespaces,
			},
		},
	}})
	_ = ctrl.NewControllerManagedBy(mgr).
		For(&corev1.Service{}).
		Owns(&corev1.Secret{}).
		Complete(nil)
}
"""
_NAMESPACE_GIVEN = "          env:\n            - name: WATCH_NAMESPACE\n              value: ops\n"


@pytest.mark.parametrize("fill, container, reported", [
    ("namespaces[ns] = cache.Config{}", _NAMESPACE_GIVEN, False),
    ("namespaces[ns] = cache.Config{}", "", True),  # none named: nil, the whole cluster
    ("_ = ns", _NAMESPACE_GIVEN, True),  # the map is left empty
])
def test_per_kind_namespaces_filled_in_from_what_names_them(tmp_path, fill, container, reported):
    """cloud-ingress-operator: each kind's `Namespaces: namespaces`, a map a function fills in
    from WATCH_NAMESPACE (nil when it is empty), scopes the cache when the manifest names one."""
    source = _PER_KIND_NAMESPACES_WHEN_NAMED.replace("FILL", fill)
    assert _rules_for_controller(tmp_path, source, container) == (["SL101"] if reported else [])


_OLM_TARGETED = ("          env:\n            - name: WATCH_NAMESPACE\n"
                 "              valueFrom: {fieldRef: {fieldPath: \"metadata.annotations['olm.targetNamespaces']\"}}\n")
_CSV_MODES = """\
apiVersion: operators.coreos.com/v1alpha1
kind: ClusterServiceVersion
metadata:
  name: api.v{version}
spec:
  version: {version}
  installModes:
  - supported: true
    type: OwnNamespace
  - supported: {all}
    type: AllNamespaces
"""


@pytest.mark.parametrize("bundles, reported", [
    ([("1.2.0", "false")], False),
    ([("1.10.0", "false"), ("1.9.0", "true")], False),  # the newest bundle decides
    ([("1.10.0", "true"), ("1.9.0", "false")], True),
    ([("1.2.0", "true")], True),  # OLM may install it for all namespaces: the annotation empty
    ([], True),
])
def test_olm_target_namespaces_name_one_when_the_bundle_cannot_watch_all(tmp_path, bundles, reported):
    """ibm-monitoring-grafana-operator: OLM's `olm.targetNamespaces` is empty only when the
    operator is installed for all namespaces, which its newest bundle does not support."""
    for version, all_namespaces in bundles:
        write(tmp_path, f"bundle/{version}/api.clusterserviceversion.yaml",
              _CSV_MODES.format(version=version, all=all_namespaces))
    assert _rules_for_controller(tmp_path, _SCOPED_WHEN_NAMED, _OLM_TARGETED) == (["SL101"] if reported else [])


_OPERATOR_SDK_NAMESPACE = """\
package watch

import (
	"github.com/operator-framework/operator-sdk/pkg/k8sutil"
	"sigs.k8s.io/controller-runtime/pkg/client/config"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func start() (manager.Manager, error) {
	namespace, err := k8sutil.GetWatchNamespace()
	if err != nil {
		return nil, err
	}
	return manager.New(config.GetConfigOrDie(), manager.Options{
		Namespace: namespace,
	})
}
"""


@pytest.mark.parametrize("container, reported", [
    ("          env:\n            - name: WATCH_NAMESPACE\n              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n",
     False),
    ("          env:\n            - name: OPERATOR_NAMESPACE\n              value: ops\n", True),
    ("", True),
])
def test_operator_sdk_reads_the_namespace_to_watch_from_watch_namespace(tmp_path, container, reported):
    """ibm-monitoring-grafana-operator: operator-sdk's `k8sutil.GetWatchNamespace()` reads
    WATCH_NAMESPACE, the one namespace of its manager's older options."""
    assert _rules_for_controller(tmp_path, _OPERATOR_SDK_NAMESPACE, container) == (["SL101"] if reported else [])


_OPERATOR_SDK_NAMESPACES_SPLIT = """\
package watch

import (
	"strings"

	"github.com/operator-framework/operator-sdk/pkg/k8sutil"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

func start() (ctrl.Manager, error) {
	%s, err := k8sutil.GetWatchNamespace()
	if err != nil {
		return nil, err
	}
	options := ctrl.Options{}
	if %s != "" {
		namespaces := map[string]cache.Config{}
		for _, ns := range strings.Split(%s, ",") {
			namespaces[ns] = cache.Config{}
		}
		options.Cache.DefaultNamespaces = namespaces
	}
	return ctrl.NewManager(ctrl.GetConfigOrDie(), options)
}
"""


@pytest.mark.parametrize("variable, container, reported", [
    # vitess-operator: WATCH_NAMESPACE, split into the options' namespaces
    ("namespace", "          env:\n            - name: WATCH_NAMESPACE\n"
                  "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n", False),
    ("watchNs", "          env:\n            - name: WATCH_NAMESPACE\n              value: ops\n", False),  # backup-operator's name
    ("namespace", "          env:\n            - name: OPERATOR_NAMESPACE\n              value: ops\n", True),
    ("namespace", "", True),
])
def test_operator_sdk_namespaces_split_into_the_cache_options_scope_it(tmp_path, variable, container, reported):
    source = _OPERATOR_SDK_NAMESPACES_SPLIT % (variable, variable, variable)
    assert _rules_for_controller(tmp_path, source, container) == (["SL101"] if reported else [])


def test_a_kubebuilder_image_named_for_the_managers_role_runs_another_program_when_its_command_says_so():
    """testdata/sl101/backupop: the chart's `.../operator` runs the manager, and so does the
    scaffold's `controller` placeholder; a Deployment of that placeholder whose command is
    `/mover` runs the mover (snaplane's restore populator was taken for its manager)."""
    from fixtures import TESTDATA

    (finding,) = _run(os.path.join(TESTDATA, "sl101", "backupop")).findings
    assert (finding.path, [r.path for r in finding.related]) == \
        ("charts/backupop/values.yaml", ["config/manager/manager.yaml"])


# Informers of Deployments and of ReplicaSets, which number with pods: a cache that grows with the cluster.
_WORKLOAD_INFORMERS = """\
package main

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func main() {
	factory := informers.NewSharedInformerFactory(kubernetes.NewForConfigOrDie(nil), 0)
	_ = factory.Apps().V1().Deployments().Informer()
	_ = factory.Apps().V1().ReplicaSets().Informer()
	factory.Start(nil)
}
"""
_KNATIVE_MAIN = """\
package main

import (
	_ "knative.dev/pkg/client/injection/kube/informers/apps/v1/deployment/filtered"
	%s
	kubefilteredfactory "knative.dev/pkg/client/injection/kube/informers/factory/filtered"
	"knative.dev/pkg/injection/sharedmain"
	"knative.dev/pkg/signals"
)

func main() {
	ctx := signals.NewContext()
	%s
	sharedmain.MainWithContext(ctx, "app-operator")
}
"""


@pytest.mark.parametrize("informer, selecting, reported", [
    ("", 'ctx = kubefilteredfactory.WithSelectors(ctx, "app.kubernetes.io/name=app")', False),  # knative's operator
    ("", "", True),  # filtered by no selector: every Deployment
    ('_ "knative.dev/pkg/client/injection/kube/informers/core/v1/pod"',
     'ctx = kubefilteredfactory.WithSelectors(ctx, "app.kubernetes.io/name=app")', True),  # every Pod beside
    ('_ "knative.dev/pkg/client/injection/kube/informers/core/v1/pod/filtered"',
     'ctx = kubefilteredfactory.WithSelectors(ctx, "app.kubernetes.io/name=app")', False),
])
def test_knative_informers_filtered_by_label_selectors_are_scoped(tmp_path, informer, selecting, reported):
    """knative operator's main gives knative's filtered informer factory its label selectors,
    and sharedmain starts only the filtered Deployment and ConfigMap informers it imports."""
    go_module(tmp_path, {"cmd/api/main.go": _KNATIVE_MAIN % (informer, selecting)})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="256Mi"))
    assert bool(_run(tmp_path).findings) == reported


_CONFIG_DYNAMIC_INFORMER = """\
package main

import (
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/dynamic/dynamicinformer"
)

func main() { watch(schema.GroupVersionResource{Group: "acme.io", Version: "v1", Resource: "monitors"}) }

func watch(resource schema.GroupVersionResource) {
	factory := dynamicinformer.NewDynamicSharedInformerFactory(dynamic.NewForConfigOrDie(nil), 0)
	_ = factory.ForResource(resource)
	factory.Start(nil)
}
"""


@pytest.mark.parametrize("entrypoint, named", [
    ('ENTRYPOINT ["rollout-monitor"]\n', "k8s.io/client-go/informers"),
    # two stages, two entrypoints: which the image is built from is not known, both programs
    # count, and the first met names its cache (the dispatcher's informer of a resource not known)
    ('ENTRYPOINT ["rollout-monitor"]\nFROM scratch AS dispatcher\nENTRYPOINT ["rollout-dispatcher"]\n',
     "k8s.io/client-go/dynamic/dynamicinformer"),
])
def test_a_charts_program_is_the_one_its_images_entrypoint_starts(tmp_path, entrypoint, named):
    """k8s-deploy-monitor-operator's image builds two programs and starts `rollout-monitor`,
    whose Deployment informers its chart's finding is about; the message named the other
    program's dynamic informer of the project's own resource (read as misleading)."""
    go_module(tmp_path, {"cmd/monitor/main.go": _WORKLOAD_INFORMERS, "cmd/dispatcher/main.go": _CONFIG_DYNAMIC_INFORMER})
    write(tmp_path, "Dockerfile", "FROM golang:1.22 AS build\nCOPY . .\n"
          "RUN go build -o /rollout-monitor ./cmd/monitor\nRUN go build -o /rollout-dispatcher ./cmd/dispatcher\n"
          "FROM scratch\nCOPY --from=build /rollout-monitor /rollout-dispatcher /\n" + entrypoint)
    _write_chart(tmp_path, "chart", "deploy-monitor", image="ghcr.io/acme/app")
    write(tmp_path, "chart/values.yaml", _CHART_VALUES.replace("ghcr.io/acme/api", "ghcr.io/acme/app")
          .replace("96Mi", "64Mi"))
    (finding,) = _run(tmp_path).findings
    assert f"its program imports {named}," in finding.message


_POD_INFORMER_BESIDE_OWN = """\
package main

import (
	acmeinformers "example.com/app/pkg/generated/informers/externalversions/acme/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
)

func main() {
	clusters := acmeinformers.NewClusterInformer(nil, "", 0, cache.Indexers{})
	client := kubernetes.NewForConfigOrDie(nil)
	pods := cache.NewSharedIndexInformer(cache.NewListWatchFromClient(client.CoreV1().RESTClient(), "pods", "", nil),
		&corev1.Pod{}, 0, cache.Indexers{})
	go clusters.Run(nil)
	pods.Run(nil)
}
"""


def test_a_message_names_kubernetes_own_informers_before_a_projects_generated_ones(tmp_path):
    """postgres-operator's generated informer holds its own Postgres resources; beside it, an
    informer of every Pod grows with the cluster: the message named the generated one (read as
    naming the wrong cache)."""
    generated = "package v1\n\nimport \"k8s.io/client-go/tools/cache\"\n\n" \
                "func NewClusterInformer(c any, ns string, d int, i cache.Indexers) cache.SharedIndexInformer " \
                "{ return nil }\n"
    go_module(tmp_path, {"cmd/app/main.go": _POD_INFORMER_BESIDE_OWN,
                         "pkg/generated/informers/externalversions/acme/v1/cluster.go": generated},
              module="example.com/app")
    write(tmp_path, "deploy/app.yaml", _SIZED.format(request="64Mi").replace(
        "image: ghcr.io/acme/api:1", "image: ghcr.io/acme/app:1\n          command: [/app]"))
    (finding,) = _run(tmp_path).findings
    assert "its program imports k8s.io/client-go/tools/cache," in finding.message


_SECRETS_SELECTED_BESIDE_RULE_INFORMERS = """\
package main

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	crcache "sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func listWatchFor(dyn dynamic.Interface, gvr schema.GroupVersionResource, ns string) *cache.ListWatch {
	resource := dyn.Resource(gvr).Namespace(ns)
	return &cache.ListWatch{ListFunc: resource.List, WatchFunc: resource.Watch}
}

func informerFor(dyn dynamic.Interface, gvr schema.GroupVersionResource, ns string) cache.SharedIndexInformer {
	return cache.NewSharedIndexInformer(listWatchFor(dyn, gvr, ns), &unstructured.Unstructured{}, 0, cache.Indexers{})
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: crcache.Options{
		ByObject: map[client.Object]crcache.ByObject{
			&corev1.Secret{}: {Namespaces: map[string]crcache.Config{operatorNamespace: {}}},
		}}})
	_ = ctrl.NewControllerManagedBy(mgr).For(rule.newObject()).Watches(&corev1.Secret{}, nil).Complete(nil)
	go informerFor(nil, ruleResource, ruleNamespace).Run(nil)
	_ = mgr.Start(nil)
}
"""


@pytest.mark.parametrize("change, named, kinds", [
    (("", ""), "k8s.io/client-go/tools/cache", "scoped, and no scoping"),
    # Pods too, not selected: the manager's cache may grow
    ((".Complete(nil)", ".Watches(&corev1.Pod{}, nil).Complete(nil)"), "sigs.k8s.io/controller-runtime",
     "its code names Pods"),
    # its informers scoped to a namespace: the manager's, of kinds not known, may grow
    (("return cache.NewSharedIndexInformer(listWatchFor(dyn, gvr, ns),",
      "return cache.NewSharedIndexInformer(&cache.ListWatch{ListFunc: dyn.Resource(gvr).Namespace(\"rules\").List},"),
     "sigs.k8s.io/controller-runtime", ""),
])
def test_a_message_names_the_informers_beside_a_manager_selecting_what_its_code_names(tmp_path, change, named, kinds):
    """kuberecord's manager keeps Secrets to its own namespace (`ByObject`), its rules' kinds not
    known, beside informers of whatever resources its users' rules name: its message named the
    manager's cache and Secrets, read as wrong. The informers are what may grow."""
    source = _SECRETS_SELECTED_BESIDE_RULE_INFORMERS.replace(*change) if change[0] else \
        _SECRETS_SELECTED_BESIDE_RULE_INFORMERS
    go_module(tmp_path, {"cmd/app/main.go": source}, module="example.com/app")
    write(tmp_path, "deploy/app.yaml", _SIZED.format(request="512Mi").replace(
        "image: ghcr.io/acme/api:1", "image: ghcr.io/acme/app:1\n          command: [/app]"))
    (finding,) = _run(tmp_path).findings
    assert f"its program imports {named}," in finding.message
    assert kinds in finding.message


@pytest.mark.parametrize("command, named", [
    ("/controller", "k8s.io/client-go/informers"),
    ("/usr/local/bin/dispatcher", "k8s.io/client-go/dynamic/dynamicinformer"),
])
def test_a_command_runs_the_program_its_image_builds_under_that_name(tmp_path, command, named):
    """openperouter's image builds `go build -o controller ./cmd/hostcontroller` beside other
    programs, and its DaemonSet runs `/controller`: no main package is named `controller`, and
    the finding was charged every program's caches (read as wrong)."""
    go_module(tmp_path, {"cmd/hostcontroller/main.go": _WORKLOAD_INFORMERS, "cmd/dispatcher/main.go": _CONFIG_DYNAMIC_INFORMER},
              module="example.com/app")
    write(tmp_path, "Dockerfile", "FROM golang:1.22 AS build\nCOPY . .\n"
          "RUN go build -o controller ./cmd/hostcontroller && go build -o dispatcher ./cmd/dispatcher\n"
          "FROM scratch\nCOPY --from=build /controller /dispatcher /\nENTRYPOINT [\"/controller\"]\n")
    write(tmp_path, "deploy/app.yaml", _SIZED.format(request="64Mi").replace(
        "image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/app:1\n          command: [{command}]"))
    (finding,) = _run(tmp_path).findings
    assert f"its program imports {named}," in finding.message


@pytest.mark.parametrize("built, named", [
    ("cmd/main.go", "k8s.io/client-go/informers"),  # jupyter-k8s: not its cmd/manager
    ("./cmd/manager", "k8s.io/client-go/dynamic/dynamicinformer"),
    ("./...", "k8s.io/client-go/dynamic/dynamicinformer"),  # no one package: the name decides
])
def test_a_command_runs_what_the_image_builds_under_its_name_before_a_directory_so_named(tmp_path, built, named):
    """jupyter-k8s' Dockerfile builds `go build -o manager cmd/main.go`, and its project keeps
    a cmd/manager of another main package beside it: `/manager` runs what the image holds, and
    its install file, charged cmd/manager's code, went unjoined to the chart charged cmd's."""
    go_module(tmp_path, {"cmd/main.go": _WORKLOAD_INFORMERS, "cmd/manager/main.go": _CONFIG_DYNAMIC_INFORMER},
              module="example.com/app")
    write(tmp_path, "Dockerfile", f"FROM golang:1.22 AS build\nCOPY . .\nRUN go build -a -o manager {built}\n"
          "FROM scratch\nCOPY --from=build /manager /\nENTRYPOINT [\"/manager\"]\n")
    write(tmp_path, "deploy/app.yaml", _SIZED.format(request="64Mi").replace(
        "image: ghcr.io/acme/api:1", "image: ghcr.io/acme/app:1\n          command: [/manager]"))
    (finding,) = _run(tmp_path).findings
    assert f"its program imports {named}," in finding.message


@pytest.mark.parametrize("dockerfiles, recognized", [
    (("Dockerfile.operator",), True),  # contextforge's chart of `contextforge-operator`
    (("operator.Dockerfile",), True),
    (("Containerfile.operator",), True),  # Podman's name: cli-mcp-operator's `Containerfile.operator`
    (("Dockerfile.operator.md",), False),  # notes on it build nothing
    (("Dockerfile.proxy",), False),  # none of that name
    (("Dockerfile.operator", "deploy/Dockerfile.operator"), False),  # two programs: which one is not known
])
def test_an_image_named_for_the_project_and_a_dockerfiles_suffix_runs_what_it_builds(tmp_path, dockerfiles, recognized):
    go_module(tmp_path, {"cmd/main.go": _WORKLOAD_INFORMERS, "tools/main.go": _WORKLOAD_INFORMERS})
    for number, path in enumerate(dockerfiles):
        package = ("cmd/main.go", "tools/main.go")[number]
        write(tmp_path, path, f"FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /manager {package}\n"
              "FROM scratch\nCOPY --from=build /manager /\nENTRYPOINT [\"/manager\"]\n")
    _write_chart(tmp_path, "charts/app", "app", image="ghcr.io/acme/app-operator")
    assert [f.path for f in _run(tmp_path, "SL101").findings] == (["charts/app/values.yaml"] if recognized else [])


@pytest.mark.parametrize("name", ["dockerfile.go", "Dockerfile.go", "containerfile.go"])
def test_a_go_file_named_for_a_dockerfile_is_go(tmp_path, name):
    """A package that parses Dockerfiles keeps its code in `dockerfile.go`: linted as Go, never
    read as a Dockerfile."""
    go_module(tmp_path, {"cmd/api/main.go": MAIN,
                         f"pkg/build/{name}": 'package build\n\nimport "os"\n\nfunc init() {\n\tos.ReadFile("x")\n}\n'})
    assert [f.rule_id for f in _run(tmp_path, "SL001").findings] == ["SL001"]


_TAGGING_MAKEFILE = """\
IMAGE_REPO ?= ghcr.io/acme
IMAGE_NAME ?= app-server

.PHONY: docker-build
docker-build:
\tdocker buildx build --load \\
\t\t--tag $(IMAGE_REPO)/$(IMAGE_NAME):$(TAG) %s "$(ROOT)"
"""


_MACRO_MAKEFILE = """\
REPO ?= ghcr.io/acme
DOCKERFILE_PATH ?= dockerfiles
CONTAINER_TOOL ?= docker

define build_and_tag
\t$(CONTAINER_TOOL) build -t ${REPO}/$(1):${VERSION} -f ${DOCKERFILE_PATH}/$(2) .
endef

docker-build-server:
\t$(call %s,app-server,Dockerfile.server)
"""


@pytest.mark.parametrize("makefile, dockerfile, image, recognized", [
    # porch's build/Makefile tags `porch-server`
    (("build/Makefile", _TAGGING_MAKEFILE % "-f ./Dockerfile"), "build/Dockerfile", "app-server", True),
    (("build/Makefile", _TAGGING_MAKEFILE % ""), "build/Dockerfile", "app-server", True),  # the directory's Dockerfile
    # another image: the function runner named for its last word
    (("build/Makefile", _TAGGING_MAKEFILE % "-f ./Dockerfile"), "build/Dockerfile", "app-agent", False),
    # which Dockerfile is not known
    (("build/Makefile", _TAGGING_MAKEFILE % "-f $(DOCKERFILE)"), "build/Dockerfile", "app-server", False),
    # roks-vpc-network-operator: its console plugin's image built from another directory's
    # Dockerfile (nginx serving a web bundle), not the Go one beside the Makefile
    (("build/Makefile", _TAGGING_MAKEFILE.replace('"$(ROOT)"', "../console/") % ""), "build/Dockerfile",
     "app-server", False),
    (("build/Makefile", _TAGGING_MAKEFILE.replace('"$(ROOT)"', "../build/") % ""), "build/Dockerfile",
     "app-server", True),
    (("build/Makefile", _TAGGING_MAKEFILE.replace('"$(ROOT)"', ".") % ""), "build/Dockerfile", "app-server", True),
    (("build/Makefile", _TAGGING_MAKEFILE.replace('"$(ROOT)"', ". 2>&1 | tee build.log") % ""), "build/Dockerfile",
     "app-server", True),  # what the shell does with its output is no context
    (("build/Makefile", _TAGGING_MAKEFILE.replace("\tdocker buildx", "\tgo build -o bin/app ./cmd/app && docker buildx")
      .replace('"$(ROOT)"', ".") % ""), "build/Dockerfile", "app-server", True),
    # arks: its root Makefile tags each image through a macro, the Dockerfiles kept in dockerfiles/
    (("Makefile", _MACRO_MAKEFILE % "build_and_tag"), "dockerfiles/Dockerfile.server", "app-server", True),
    (("Makefile", _MACRO_MAKEFILE % "build_and_tag"), "dockerfiles/Dockerfile.server", "app-agent", False),
    # a macro the Makefile does not define
    (("Makefile", _MACRO_MAKEFILE % "tag_elsewhere"), "dockerfiles/Dockerfile.server", "app-server", False),
    # the build command held in a variable of several words, a comment after it
    (("Makefile", _MACRO_MAKEFILE.replace("CONTAINER_TOOL ?= docker", "CONTAINER_TOOL ?= sudo docker  # rootless")
      % "build_and_tag"), "dockerfiles/Dockerfile.server", "app-server", True),
])
def test_an_image_a_makefile_tags_runs_what_its_dockerfile_builds(tmp_path, makefile, dockerfile, image, recognized):
    """porch's server image is named for the project and `server`, like its function runner's
    `func/server`, which scopes its cache; its Makefile tags it built from a Dockerfile that
    builds `./cmd/porch`, which does not."""
    go_module(tmp_path, {"cmd/app/main.go": _WORKLOAD_INFORMERS, "func/server/main.go": SMALL_MAIN})
    write(tmp_path, *makefile)
    write(tmp_path, dockerfile, "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app ./cmd/app\n"
          "FROM scratch\nCOPY --from=build /app /\nENTRYPOINT [\"/app\"]\n")
    write(tmp_path, "deploy/app.yaml", _SIZED.format(request="64Mi").replace("ghcr.io/acme/api:1", f"ghcr.io/acme/{image}:1"))
    assert [f.path for f in _run(tmp_path).findings] == (["deploy/app.yaml"] if recognized else [])


@pytest.mark.parametrize("makefile", ["Makefile", "deploy/Makefile"])
def test_a_makefile_above_the_dockerfile_and_beside_no_module_tags_the_image(tmp_path, makefile):
    """k8s-dashboard's root Makefile, beside no module (its Go is in `backend/`), runs `docker
    build -f deploy/docker/Dockerfile .`."""
    go_module(tmp_path / "backend", {"cmd/server/main.go": _WORKLOAD_INFORMERS})
    prefix = "../" * makefile.count("/")
    write(tmp_path, makefile, "IMAGE ?= dashboard\n\ndocker:\n"
          f"\tdocker build -t $(IMAGE):latest -f {prefix}deploy/docker/Dockerfile {prefix or '.'}\n")
    write(tmp_path, "deploy/docker/Dockerfile", "FROM golang:1.22 AS build\nWORKDIR /app\nCOPY backend/ .\n"
          "RUN go build -o /server ./cmd/server\nFROM scratch\nCOPY --from=build /server /\n")
    write(tmp_path, "deploy/app.yaml", _SIZED.format(request="64Mi").replace("ghcr.io/acme/api:1", "dashboard:latest"))
    assert [f.path for f in _run(tmp_path).findings] == ["deploy/app.yaml"]


def test_a_makefile_at_the_root_tags_the_image_of_a_module_and_dockerfile_below_it(tmp_path):
    """mTLS's root Makefile runs `docker build -t .../smesh-controller ./controller`, the
    module and its Dockerfile in `controller/`, the manifests in `manifests/`."""
    go_module(tmp_path / "controller", {"cmd/main.go": _WORKLOAD_INFORMERS})
    write(tmp_path, "Makefile", "IMAGE = acme/smesh-controller:v1\n\nbuild:\n\tdocker build -t ${IMAGE} ./controller\n")
    write(tmp_path, "controller/Dockerfile", "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /ctl ./cmd\n"
          "FROM scratch\nCOPY --from=build /ctl /\n")
    write(tmp_path, "manifests/controller.yaml",
          _SIZED.format(request="64Mi").replace("ghcr.io/acme/api:1", "acme/smesh-controller:v1"))
    assert [f.path for f in _run(tmp_path).findings] == ["manifests/controller.yaml"]


@pytest.mark.parametrize("container, reported", [
    ("manager", True),  # what `make build-installer` writes
    ("main", False),  # arks' dist/gateway.yaml, written by hand: its gateway, another program
])
def test_a_manifest_in_dist_runs_the_manager_only_in_a_container_named_as_kubebuilder_names_it(tmp_path, container,
                                                                                           reported):
    root = tmp_path / "app"
    go_module(root, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(root, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(root, "README.md", "# app\nAn operator for apps.\n")
    write(root, "dist/gateway.yaml", _SIZED.format(request="256Mi").replace(
        "ghcr.io/acme/api:1", "ghcr.io/example/app-gateway:1").replace("- name: api", f"- name: {container}"))
    assert [f.path for f in _run(root, "SL101").findings] == (["dist/gateway.yaml"] if reported else [])


@pytest.mark.parametrize("image, reported", [
    ("app-handler", True),  # kubernetes-nmstate: two Dockerfiles build a `manager` each
    ("app-operator", False),
    ("app-operator-bundle", False),  # not its program's image
])
def test_a_command_built_by_several_dockerfiles_is_the_one_the_image_name_says(tmp_path, image, reported):
    """kubernetes-nmstate's OLM bundle runs `manager` of `kubernetes-nmstate-operator`, an image
    named for the project's directory, which `build/Dockerfile.operator` builds from
    `cmd/operator`, named by its kubebuilder project; `build/Dockerfile.handler` builds the
    handler, which caches Deployments, as `manager` too."""
    root = tmp_path / "app"
    go_module(root, {"cmd/handler/main.go": _WORKLOAD_INFORMERS, "cmd/operator/main.go": SMALL_MAIN})
    write(root, "PROJECT", "layout:\n- go.kubebuilder.io/v3\nprojectName: app-operator\nrepo: example.com/app\n")
    write(root, "bundle.Dockerfile", "FROM scratch\nCOPY bundle/manifests /manifests/\n")
    for suffix in ("handler", "operator"):
        write(root, f"build/Dockerfile.{suffix}", "FROM golang:1.22 AS build\nCOPY . .\n"
              f"RUN go build -o manager ./cmd/{suffix}\nFROM scratch\nCOPY --from=build /manager /\n")
    write(root, "deploy/app.yaml", _SIZED.format(request="64Mi").replace(
        "image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/{image}:1\n          command: [manager]"))
    assert [f.path for f in _run(root).findings] == (["deploy/app.yaml"] if reported else [])


_BUILD_WORKFLOW = """\
name: build
on: push
%sjobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v5
        with:
          context: %s
          push: true
          tags: %s
"""


_IMAGE_ENV = "env:\n  REGISTRY: ghcr.io/acme/suite\n  IMAGE: widget-runner\n"


@pytest.mark.parametrize("context, tags, env, reported", [
    # kagenti-operator's published chart of `llama-operator`, built from the `llama` context
    ("engine", "ghcr.io/acme/suite/widget-runner:latest", "", True),
    ("engine", "ghcr.io/acme/suite/widget-runner:latest,ghcr.io/acme/suite/widget-runner:v1", "", True),
    ("engine", "ghcr.io/acme/suite/other:latest", "", False),
    ("engine", "${{ env.REGISTRY }}/${{ env.IMAGE }}:latest", "", False),  # not known
    # doltdb-operator's publish workflow names its image in the workflow's env
    ("engine", "${{ env.REGISTRY }}/${{ env.IMAGE }}:${{ steps.version.outputs.version }}", _IMAGE_ENV, True),
    ("engine", "${{ env.REGISTRY }}/${{ env.IMAGE }}:latest", _IMAGE_ENV.replace("widget-runner", "other"), False),
    ("${{ matrix.dir }}", "ghcr.io/acme/suite/widget-runner:latest", "", False),
])
def test_an_image_a_workflow_builds_runs_what_its_dockerfile_builds(tmp_path, context, tags, env, reported):
    go_module(tmp_path / "engine", {"cmd/main.go": _WORKLOAD_INFORMERS})
    write(tmp_path, "engine/Dockerfile", "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /runner ./cmd\n"
          "FROM scratch\nCOPY --from=build /runner /\nENTRYPOINT [\"/runner\"]\n")
    write(tmp_path, ".github/workflows/build.yml", _BUILD_WORKFLOW % (env, context, tags))
    write(tmp_path, "deploy/app.yaml", _SIZED.format(request="64Mi").replace(
        "image: ghcr.io/acme/api:1", "image: ghcr.io/acme/suite/widget-runner:latest"))
    assert [f.path for f in _run(tmp_path).findings] == (["deploy/app.yaml"] if reported else [])


_DIGEST_WORKFLOW = """\
name: release
on: push
env:
  IMAGE_NAME: ghcr.io/acme/suite/%s
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: |
            name=${{ env.IMAGE_NAME }},enable=true
            name=docker.io/acme/mirror,enable=${{ github.event_name != 'pull_request' }}
      - uses: docker/build-push-action@v6
        with:
          context: engine
          labels: ${{ steps.meta.outputs.labels }}
          %s
"""


@pytest.mark.parametrize("image, pushed, reported", [
    # aks-operator's release workflow pushes by digest the image its env names
    ("widget-runner", "outputs: type=image,name=${{ env.IMAGE_NAME }},push-by-digest=true,push=true", True),
    ("widget-runner", "tags: ${{ steps.meta.outputs.tags }}", True),  # what the metadata step names
    ("widget-runner", "tags: ${{ steps.other.outputs.tags }}", False),  # not that step's
    ("other", "outputs: type=image,name=${{ env.IMAGE_NAME }},push=true", False),
    # Buildx's CSV quoting of a list of names; a build loaded locally pushes nothing
    ("widget-runner", 'outputs: type=image,"name=${{ env.IMAGE_NAME }},docker.io/acme/x",push=true', True),
    ("widget-runner", "outputs: type=docker,name=${{ env.IMAGE_NAME }}", False),
    ("widget-runner", "outputs: |\n            type=image,name=${{ env.IMAGE_NAME }},push=true", True),
])
def test_an_image_a_workflow_pushes_by_digest_or_through_its_metadata_step_runs_what_it_builds(
        tmp_path, image, pushed, reported):
    go_module(tmp_path / "engine", {"cmd/main.go": _WORKLOAD_INFORMERS})
    write(tmp_path, "engine/Dockerfile", "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /runner ./cmd\n"
          "FROM scratch\nCOPY --from=build /runner /\nENTRYPOINT [\"/runner\"]\n")
    write(tmp_path, ".github/workflows/release.yml", _DIGEST_WORKFLOW % (image, pushed))
    write(tmp_path, "deploy/app.yaml", _SIZED.format(request="64Mi").replace(
        "image: ghcr.io/acme/api:1", "image: ghcr.io/acme/suite/widget-runner:latest"))
    assert [f.path for f in _run(tmp_path).findings] == (["deploy/app.yaml"] if reported else [])


def test_a_program_with_typed_informers_of_growing_kinds_is_named_for_them(tmp_path):
    """One program with a dynamic informer of a resource not known and client-go's typed
    informers of Deployments: the message names the typed informers, which hold the cluster."""
    both = _CONFIG_DYNAMIC_INFORMER.replace("func main() {", "func dynamicMain() {").replace(
        '"k8s.io/client-go/dynamic/dynamicinformer"\n',
        '"k8s.io/client-go/dynamic/dynamicinformer"\n\t"k8s.io/client-go/informers"\n\t"k8s.io/client-go/kubernetes"\n')
    both += _WORKLOAD_INFORMERS.split("func main() {", 1)[1].join(["\nfunc main() {\n\tdynamicMain()", ""])
    go_module(tmp_path, {"cmd/monitor/main.go": both})
    write(tmp_path, "deploy/monitor.yaml", _SIZED.format(request="64Mi").replace("ghcr.io/acme/api:1", "ghcr.io/acme/monitor:1"))
    (finding,) = _run(tmp_path).findings
    assert "its program imports k8s.io/client-go/informers," in finding.message
    assert "; its code asks informers for Deployments and ReplicaSets," in finding.message


_POD_INFORMERS_OF_A_MEMBER = """\
package watch

import (
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func addCluster(member kubernetes.Interface) {
	factory := informers.NewSharedInformerFactory(member, 0)
	_ = factory.Core().V1().Pods().Informer()
	factory.Start(nil)
}
"""


_NODE_PODS_BESIDE_EVERY_DEPLOYMENT = """\
package watch

import (
	"k8s.io/apimachinery/pkg/fields"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func start(client kubernetes.Interface, node string) {
	local := informers.NewSharedInformerFactoryWithOptions(client, 0, informers.WithTweakListOptions(func(o *metav1.ListOptions) {
		o.FieldSelector = fields.OneTermEqualSelector("spec.nodeName", node).String()
	}))
	_ = local.Core().V1().Pods().Informer()
	local.Start(nil)
}

func watchDeployments(client kubernetes.Interface) {
	all := informers.NewSharedInformerFactory(client, 0)
	_ = all.Apps().V1().Deployments().Informer()
	all.Start(nil)
}
"""


def test_a_message_names_no_informer_kinds_when_one_informer_is_scoped(tmp_path):
    """Which factory keeps which kind is not known: a node's Pods are not named beside every
    Deployment."""
    (finding,) = _findings_of_watching_program(tmp_path, _NODE_PODS_BESIDE_EVERY_DEPLOYMENT, controller=False)
    assert "its program imports k8s.io/client-go/informers, " in finding.message
    assert "asks informers for" not in finding.message
    # nor is it said that no scoping was found: one is, not for every informer
    assert "unless scoped, and not every informer it builds is scoped whatever the flags)" in finding.message


_SCOPED_SECRETS_UNDER_A_FLAG = """\
package watch

import (
	"flag"

	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

%(declared)s

func start(client kubernetes.Interface, ns string, stop <-chan struct{}) {
	flag.Parse()
	every := informers.NewSharedInformerFactory(client, 0)
	_ = every.Core().V1().Pods().Informer()
	every.Start(stop)
	if %(condition)s {
		own := informers.NewSharedInformerFactoryWithOptions(client, 0, informers.WithNamespace(ns))
		_ = own.Core().V1().Secrets().Informer()
		own.Start(stop)
	}
}
"""


@pytest.mark.parametrize("gated", [True, False])
def test_a_message_says_not_every_informer_is_scoped_when_a_scoped_one_is_built(tmp_path, gated):
    """A scoped factory beside an unscoped one: not every informer is scoped; but one built only
    under a flag the manifest does not pass scopes nothing."""
    source = _SCOPED_SECRETS_UNDER_A_FLAG % ({"declared": _ENABLE_PODS, "condition": "enablePods"} if gated else
                                             {"declared": "", "condition": "true"})
    (finding,) = _findings_of_watching_program(tmp_path, source, request="64Mi", controller=False)
    assert ("not every informer it builds is scoped" in finding.message) == (not gated)
    assert ("no scoping was found that applies whatever the flags" in finding.message) == gated


def test_a_message_says_not_every_informer_is_scoped_only_of_one_built(tmp_path):
    """A factory of Pods built only under a flag the manifest does not pass is no unscoped
    informer beside the scoped one of Secrets: the unscoped cache is the manager's."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES,
                         "internal/watch/member.go": _FLAG_GATED % {"declared": _ENABLE_PODS, "condition": "enablePods"}})
    (finding,) = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % "\n\t\tWatches(obj, nil).", request="64Mi")
    assert "not every informer" not in finding.message


def test_a_manager_beside_scoped_informers_is_the_cache_named(tmp_path):
    """The manager's watch of a kind not known keeps the cluster; the member's Pods are scoped."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/member.go": _POD_INFORMERS_OF_A_MEMBER.replace(
        "informers.NewSharedInformerFactory(member, 0)",
        'informers.NewSharedInformerFactoryWithOptions(member, 0, informers.WithNamespace("rocket-system"))')})
    (finding,) = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % "\n\t\tWatches(obj, nil).", request="64Mi")
    assert "its program imports sigs.k8s.io/controller-runtime, " in finding.message


_CONDITIONALLY_SCOPED_PODS = """\
package watch

import (
	"os"

	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func start(client kubernetes.Interface) {
	var options []informers.SharedInformerOption
	if ns := os.Getenv("WATCH_NAMESPACE"); ns != "" {
		options = append(options, informers.WithNamespace(ns))
	}
	factory := informers.NewSharedInformerFactoryWithOptions(client, 0, options...)
	_ = factory.Core().V1().Pods().Informer()
	factory.Start(nil)
}
"""
# A factory of Namespaces only: a kind that does not grow with the cluster.
_NAMESPACES_FACTORY = _POD_INFORMERS_OF_A_MEMBER.replace("addCluster", "watchSettings").replace("Pods()", "Namespaces()")


@pytest.mark.parametrize("watch, more, env, named", [
    # a factory of Namespaces only, counted as scoped: which factory keeps the Pods is known
    (_POD_INFORMERS_OF_A_MEMBER, {"internal/watch/settings.go": _NAMESPACES_FACTORY}, "", True),
    # a scoping when WATCH_NAMESPACE names one: kubebolt's chart names none
    (_CONDITIONALLY_SCOPED_PODS, {}, "", True),
    # the manifest names one: which factory keeps which kind is not known
    (_CONDITIONALLY_SCOPED_PODS + _POD_INFORMERS_OF_A_MEMBER.split("\n)\n", 1)[1].replace("Pods()", "Deployments()"),
     {}, "WATCH_NAMESPACE", False),
])
def test_informer_kinds_are_named_unless_a_scoping_of_them_applies(tmp_path, watch, more, env, named):
    go_module(tmp_path, more)
    _findings_of_watching_program(tmp_path, watch, controller=False)
    if env:
        write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace(
            "          resources:", f"          env:\n            - name: {env}\n              value: apps\n"
                                     "          resources:"))
    (finding,) = _run(tmp_path).findings
    assert ("; its code asks informers for Pods" in finding.message) == named


def test_a_manager_naming_a_growing_kind_is_the_cache_named_beside_unscoped_informers(tmp_path):
    """Its scopings are not told apart from other managers' or caches' (two options of one
    manager count twice): a manager whose code names Pods is named."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/member.go": _POD_INFORMERS_OF_A_MEMBER.replace(
        "Pods()", "Deployments()")})
    controller = (_ZONE_CONTROLLER % "\n\t\tOwns(&core.Pod{}).").replace(
        "ctrl.Options{}", 'ctrl.Options{Cache: cache.Options{DefaultLabelSelector: sel, DefaultFieldSelector: f}}')
    controller += "\nfunc other() {\n\t_, _ = ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})\n}\n"
    (finding,) = _findings_of_watching_program(tmp_path, controller, request="64Mi")
    assert "its program imports sigs.k8s.io/controller-runtime, " in finding.message
    assert "; its code names Pods" in finding.message


def test_informers_are_the_cache_named_beside_a_scoped_manager(tmp_path):
    """The manager keeps one namespace; a factory of every Deployment beside one namespace's Pods
    keeps the cluster."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/member.go": _POD_INFORMERS_OF_A_MEMBER.replace(
        "informers.NewSharedInformerFactory(member, 0)",
        'informers.NewSharedInformerFactoryWithOptions(member, 0, informers.WithNamespace("acme-system"))').replace(
        "\tfactory.Start(nil)\n", "\tfactory.Start(nil)\n\tall := informers.NewSharedInformerFactory(member, 0)\n"
        "\t_ = all.Apps().V1().Deployments().Informer()\n\tall.Start(nil)\n")})
    controller = (_ZONE_CONTROLLER % "\n\t\tWatches(obj, nil).").replace(
        "ctrl.Options{}", 'ctrl.Options{Cache: cache.Options{DefaultNamespaces: map[string]cache.Config{"acme-system": {}}}}')
    (finding,) = _findings_of_watching_program(tmp_path, controller, request="64Mi")
    assert "its program imports k8s.io/client-go/informers, " in finding.message


def test_a_string_line_does_not_hide_controller_runtimes_manager_import(tmp_path):
    source = _SCOPED_FACTORY_BESIDE_A_MANAGER % ('"sigs.k8s.io/controller-runtime/pkg/manager"', "cfg, manager.Options{}")
    source = source.replace("\tfactory.Start(nil)\n", '\tfactory.Start(nil)\n\tprintln("starting the controller",\n\t\t"manager")\n')
    assert [f.rule_id for f in _findings_of_watching_program(tmp_path, source, controller=False)] == ["SL101"]


def test_informers_of_growing_kinds_beside_a_manager_of_custom_resources_are_named(tmp_path):
    """rocket's scheduler: a manager of its own resources, and informers of every Pod of each
    member cluster, which its message did not name (read as a cache of custom resources)."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES, "internal/watch/member.go": _POD_INFORMERS_OF_A_MEMBER})
    (finding,) = _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % "", request="64Mi")
    assert "its program imports k8s.io/client-go/informers, " in finding.message
    assert "; its code asks informers for Pods," in finding.message


@pytest.mark.parametrize("watch, named", [
    ("Watches(source.NewKindWithCache(&dnsv1.Zone{}, mgr.GetCache()), nil).", None),  # rocket's scheduler
    ("Watches(source.NewKindWithCache(&core.Pod{}, mgr.GetCache()), nil).", "Pods"),
    ("Watches(&source.Kind{Type: &dnsv1.Zone{}}, nil).", None),
    ("Watches(&source.Kind{Type: &core.ConfigMap{}}, nil).", "ConfigMaps"),
    ("Watches(&source.Kind{Cache: c, Type: &core.ConfigMap{}}, nil).", "ConfigMaps"),
    ("Watches(&source.Kind{Type: obj}, nil).", ""),  # a kind not known: reported, none named
    ("Watches(&dnsv1.Kind{}, nil).", None),  # a custom resource named Kind
])
def test_the_sources_of_older_controller_runtime_watch_the_kind_they_are_given(tmp_path, watch, named):
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES})
    controller = (_ZONE_CONTROLLER % f"\n\t\t{watch}").replace(
        'ctrl "sigs.k8s.io/controller-runtime"', 'ctrl "sigs.k8s.io/controller-runtime"\n\t"sigs.k8s.io/controller-runtime/pkg/source"')
    findings = _findings_of_watching_program(tmp_path, controller, request="64Mi")
    assert [f.message.split("; its code names ")[1].split(",")[0] if "; its code names " in f.message else ""
            for f in findings] == ([named] if named is not None else [])


@pytest.mark.parametrize("limit, scope_too", [("512Mi", False), ("256Mi", True), ("128Mi", True)])
def test_under_a_small_limit_a_cluster_cache_is_to_be_scoped_too(tmp_path, limit, scope_too):
    """k8s-governance-operator caches every Pod under 128Mi: its readers asked for scoping or a
    larger limit besides GOMEMLIMIT, which cannot make a cache smaller."""
    go_module(tmp_path, {"api/v1/types.go": _ZONE_TYPES})
    _findings_of_watching_program(tmp_path, _ZONE_CONTROLLER % "\n\t\tOwns(&core.ConfigMap{}).", request="64Mi")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="64Mi").replace("512Mi", limit))
    (finding,) = _run(tmp_path).findings
    assert finding.message.endswith("set GOMEMLIMIT to about 90% of the limit, and scope the cache or raise the "
                                    "limit: under a limit this small a cluster's objects can outgrow it, which no "
                                    "collector can help" if scope_too else "set GOMEMLIMIT to about 90% of the limit")


_REQUIRES_IMAGE = """\
package main

import (
	"flag"
	"os"
)

var image string

func init() {
	flag.StringVar(&image, "game-image", "", "the image of the servers it runs")
	flag.Parse()
	if %s {
		println("no --game-image")
		os.Exit(1)
	}
}
"""


@pytest.mark.parametrize("test, args, reported, before_exit", [
    ('image == ""', "", False, ""),  # f11r-operator, read as a scaffold that cannot be what runs
    ("len(image) == 0", "", False, ""),
    ('image == ""', '"--game-image=ghcr.io/acme/game:1"', True, ""),
    ('image == "" && false', "", True, ""),  # not its emptiness alone
    # given one where it is empty: infisical-issuer's namespace, from its pod's
    ('image == ""', "", True, "\n\t\timage, _ = os.Hostname()\n\t}\n\tif image == \"\" {"),
])
def test_a_scaffold_not_passing_a_flag_its_manager_exits_without_runs_nothing(tmp_path, test, args, reported,
                                                                             before_exit):
    flags = (_REQUIRES_IMAGE % test).replace("{\n\t\tprintln", "{" + before_exit + "\n\t\tprintln")
    assert [f.rule_id for f in _scaffold_passing(tmp_path, flags, args).findings] == (["SL101"] if reported else [])


def _scaffold_passing(tmp_path, flags: str, args: str):
    """The run over a kubebuilder scaffold running `/manager` with `args`, built from cmd/ with
    `flags` (a Go file of its main package)."""
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "cmd/flags.go": flags,
                         "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "Dockerfile", "FROM golang:1.22\nRUN go build -o /manager ./cmd\n")
    write(tmp_path, "config/manager/manager.yaml", _SIZED.format(request="64Mi").replace(
        "ghcr.io/acme/api:1", 'controller:latest\n          command: ["/manager"]\n'
        f'          args: [{args}]').replace("- name: api", "- name: manager"))
    return _run(tmp_path)


_REQUIRED_IN_A_MAP = """\
package main

import (
	"flag"
	"os"
)

var image, zone string

func init() {
	flag.StringVar(&image, "game-image", "", "the image of the servers it runs")
	flag.StringVar(&zone, "zone", "", "")
	flag.Parse()
	required := make(map[string]string)
	required["game-image"] = image
	required["zone"] = zone
	for name, value := range required {
		if value == "" {
			println("missing", name)
			os.Exit(1)
		}
	}
}
"""


@pytest.mark.parametrize("flags, args, reported", [
    # atom-operator gathers its required flags in a map, then exits on the first empty one
    (_REQUIRED_IN_A_MAP, "", False),
    (_REQUIRED_IN_A_MAP, '"--game-image=ghcr.io/acme/game:1", "--zone=a"', True),
    (_REQUIRED_IN_A_MAP, '"--game-image=ghcr.io/acme/game:1"', False),
    (_REQUIRED_IN_A_MAP.replace("os.Exit(1)", "continue"), "", True),  # only a warning
    (_REQUIRED_IN_A_MAP.replace("\tfor name, value", "\tif len(os.Args) > 9 {\n\tfor name, value")
     .replace("\t\t}\n\t}\n}\n", "\t\t}\n\t}\n\t}\n}\n"), "", True),  # under a condition
])
def test_a_scaffold_not_passing_a_flag_its_manager_checks_in_a_map_runs_nothing(tmp_path, flags, args, reported):
    result = _scaffold_passing(tmp_path, flags, args)
    assert [f.rule_id for f in result.findings] == (["SL101"] if reported else [])
    # Not "none recognized as running Go ... list Go images with go-images": that would not help.
    assert any("none checked: each is a left-over kubebuilder scaffold that cannot start as written" in str(n)
               for n in result.notifications) != reported


def _scaffold_running(tmp_path, flags: str) -> list:
    """The findings of a kubebuilder scaffold running `/manager`, built from cmd/ with `flags`
    (a Go file of its main package) passing none."""
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "cmd/flags.go": flags,
                         "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "Dockerfile", "FROM golang:1.22\nRUN go build -o /manager ./cmd\n")
    write(tmp_path, "config/manager/manager.yaml", _SIZED.format(request="64Mi").replace(
        "ghcr.io/acme/api:1", 'controller:latest\n          command: ["/manager"]').replace("- name: api", "- name: manager"))
    return _run(tmp_path).findings


@pytest.mark.parametrize("opening", [
    "func init() {\n" + "\t_ = len(os.Args) // a long main\n" * 400,
    'func init() {\n\tif len(os.Args) > 9 {\n\t\tprintln("}")\n\t}\n',  # a brace in a string
    "var command = &cobra.Command{\n\tRun: func(cmd *cobra.Command, args []string) {\n",  # cobra's closure
    "func setup(\n\tname string,\n) {\n",  # a signature wrapped over lines
])
def test_a_flag_its_manager_exits_without_is_required_however_the_function_is_written(tmp_path, opening):
    closing = "\t},\n}\n" if "cobra" in opening else "}\n"
    flags = ('package main\n\nimport (\n\t"flag"\n\t"os"\n\n\t"github.com/spf13/cobra"\n)\n\nvar image string\n\n'
             + opening + '\tflag.StringVar(&image, "game-image", "", "")\n\tflag.Parse()\n'
             '\tif image == "" {\n\t\tos.Exit(1)\n\t}\n' + closing)
    assert _scaffold_running(tmp_path, flags) == []


@pytest.mark.parametrize("mode_test", [
    'switch mode {\n\tcase "remote":',
    'if mode == "remote" ||\n\t\tmode == "hybrid" {',  # a condition wrapped over lines
])
def test_a_flag_required_only_in_one_mode_is_not_required(tmp_path, mode_test):
    """kube-assist's manager exits without `--console-url` only when `--datasource=console`:
    its default mode runs without it, and its chart, which passes neither, was reported."""
    flags = ('package main\n\nimport (\n\t"flag"\n\t"os"\n)\n\nvar image, mode string\n\n'
             'func init() {\n\tflag.StringVar(&image, "game-image", "", "")\n'
             '\tflag.StringVar(&mode, "mode", "local", "")\n\tflag.Parse()\n\t' + mode_test + '\n'
             '\t\tif image == "" {\n\t\t\tos.Exit(1)\n\t\t}\n\t}\n}\n')
    assert [f.rule_id for f in _scaffold_running(tmp_path, flags)] == ["SL101"]


@pytest.mark.parametrize("declared, reported", [
    ('flag.BoolVar(&leader, "leader-elect", false, "")', True),
    ('flag.StringVar(&metrics, "metrics-addr", ":8080", "")', False),  # secret-rotator: rewritten without them
    # declared by k8s.io/component-base for the program
    ('flag.StringVar(&metrics, "metrics-addr", ":8080", "")\n\toptions.BindLeaderElectionFlags(nil, nil)', True),
])
def test_a_scaffold_passing_flags_its_program_never_declares_deploys_nothing_that_runs(tmp_path, declared, reported):
    """secret-rotator's `config/manager` passes kubebuilder's `--leader-elect` and
    `--health-probe-bind-address`, which its rewritten main does not declare: the program
    exits at its first flag, and the finding was read as about a manifest that runs nothing."""
    flags = ("package main\n\nimport \"flag\"\n\nvar leader bool\nvar metrics string\n\n"
             f"func init() {{\n\t{declared}\n\tflag.Parse()\n}}\n")
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "cmd/flags.go": flags, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\n")
    write(tmp_path, "Dockerfile", "FROM golang:1.22\nRUN go build -o /manager ./cmd\n")
    write(tmp_path, "config/manager/manager.yaml", _SIZED.format(request="64Mi").replace(
        "ghcr.io/acme/api:1", 'controller:latest\n          command: ["/manager"]\n'
        '          args: ["--leader-elect", "--health-probe-bind-address=:8081"]').replace("- name: api", "- name: manager"))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


_TELLING_CONTAINER = ("spec:\n  template:\n    spec:\n      containers:\n        - name: {name}\n"
                      "          image: {image}\n          env:\n            - name: GOMEMLIMIT\n"
                      "              value: 300MiB\n          resources:\n{resources}")


@pytest.mark.parametrize("resources, other_workload, reported", [
    # the chart's container told, its resources from the values however they are written
    ("            {{- toYaml .Values.resources | nindent 12 }}\n", False, False),
    ('            {{- include "api.resources" . | nindent 12 }}\n', False, False),
    # one workload, its limit written in the template beside GOMEMLIMIT (the values set none)
    ("            limits:\n              memory: 384Mi\n", False, False),
    # crystalbackup: a soak test's own container, literal limit and GOMEMLIMIT, beside the
    # Deployment writing the values' resources, which no template tells
    ("            limits:\n              memory: 384Mi\n", True, True),
])
def test_a_chart_template_naming_gomemlimit_tells_the_containers_it_writes(tmp_path, resources, other_workload, reported):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    _write_chart(tmp_path, "charts/api", "api", template_more=_TELLING_CONTAINER.format(
        name="soak" if other_workload else "api", image="{{ .Values.image.repository }}", resources=resources))
    if other_workload:
        write(tmp_path, "charts/api/templates/manager.yaml", _CHART_TEMPLATE + (
            "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n"
            "          image: {{ .Values.image.repository }}\n"
            "          resources: {{ toYaml .Values.resources | nindent 12 }}\n"))
    literal = "memory: 384Mi" in resources
    write(tmp_path, "charts/api/values.yaml", _CHART_VALUES.replace("96Mi", "100Mi") if other_workload or not literal
          else "image:\n  repository: ghcr.io/acme/api\n  tag: v1\n")
    assert [f.path for f in _run(tmp_path).findings] == (["charts/api/values.yaml"] if reported else [])


@pytest.mark.parametrize("helper, reported", [
    ('{{- define "api.env" -}}\n- name: GOMEMLIMIT\n  value: "100MiB"\n{{- end -}}\n', False),  # nudgebee-agent
    ('{{/* GOMEMLIMIT is not set here */}}\n{{- define "api.env" -}}\n- name: MODE\n  value: x\n{{- end -}}\n', True),
    # through another define it includes
    ('{{- define "api.limit" -}}\n- name: GOMEMLIMIT\n  value: "100MiB"\n{{- end -}}\n'
     '{{- define "api.env" -}}\n{{ include "api.limit" . }}\n{{- end -}}\n', False),
    # a define no template includes
    ('{{- define "common.goEnv" -}}\n- name: GOMEMLIMIT\n  value: "100MiB"\n{{- end -}}\n'
     '{{- define "api.env" -}}\n- name: MODE\n  value: x\n{{- end -}}\n', True),
    # included with another argument, or by `template` with none
    ('{{- define "api.limit" -}}\n- name: GOMEMLIMIT\n  value: "100MiB"\n{{- end -}}\n'
     '{{- define "api.env" -}}\n{{ include "api.limit" (dict "root" .) }}\n{{- end -}}\n', False),
    ('{{- define "api.limit" -}}\n- name: GOMEMLIMIT\n  value: "100MiB"\n{{- end -}}\n'
     '{{- define "api.env" -}}\n{{ template "api.limit" }}\n{{- end -}}\n', False),
    # commented out: as YAML, or the include as Helm's comment
    ('{{- define "api.env" -}}\n# - name: GOMEMLIMIT\n#   value: "100MiB"\n- name: MODE\n  value: x\n{{- end -}}\n',
     True),
    ('{{- define "api.limit" -}}\n- name: GOMEMLIMIT\n  value: "100MiB"\n{{- end -}}\n'
     '{{- define "api.env" -}}\n{{- /* include "api.limit" . */}}\n- name: MODE\n  value: x\n{{- end -}}\n', True),
])
@pytest.mark.parametrize("helpers", ["_helpers.tpl", "api/_env.tpl"])  # Helm loads templates/ whole
def test_a_named_template_naming_gomemlimit_tells_the_chart(tmp_path, helper, reported, helpers):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    _write_chart(tmp_path, "charts/api", "api", template_more=(
        "spec:\n  template:\n    spec:\n      containers:\n        - name: api\n"
        "          image: {{ .Values.image.repository }}\n"
        '          env:\n            {{- include "api.env" . | nindent 12 }}\n'
        "          resources: {{ toYaml .Values.resources | nindent 12 }}\n"))
    write(tmp_path, f"charts/api/templates/{helpers}", helper)
    assert [f.path for f in _run(tmp_path, "SL101").findings] == (["charts/api/values.yaml"] if reported else [])


def test_a_manifests_program_is_the_one_its_images_entrypoint_starts(tmp_path):
    """As for a chart (k8s-deploy-monitor-operator): a plain Deployment giving no command runs
    what its image's ENTRYPOINT starts."""
    go_module(tmp_path, {"cmd/monitor/main.go": _WORKLOAD_INFORMERS, "cmd/dispatcher/main.go": _CONFIG_DYNAMIC_INFORMER})
    write(tmp_path, "Dockerfile", "FROM golang:1.22 AS build\nCOPY . .\n"
          "RUN go build -o /rollout-monitor ./cmd/monitor\nRUN go build -o /rollout-dispatcher ./cmd/dispatcher\n"
          'FROM scratch\nCOPY --from=build /rollout-monitor /rollout-dispatcher /\nENTRYPOINT ["rollout-monitor"]\n')
    write(tmp_path, "deploy/app.yaml", _SIZED.format(request="64Mi").replace("ghcr.io/acme/api:1", "ghcr.io/acme/app:1"))
    (finding,) = _run(tmp_path).findings
    assert "its program imports k8s.io/client-go/informers," in finding.message


# --- umbrella charts, images built from fetched source, resources a template turns into flags ---

@pytest.mark.parametrize("umbrella_values, reported", [
    # cozystack's kamaji: the umbrella's values for its vendored subchart win (512Mi over 128Mi)
    ("api:\n  resources:\n    limits:\n      memory: 512Mi\n", [("deploy/values.yaml", "512Mi")]),
    ("api:\n  replicaCount: 2\n", [("deploy/charts/api/values.yaml", "128Mi")]),  # no resources given
    ("other:\n  resources:\n    limits:\n      memory: 512Mi\n", [("deploy/charts/api/values.yaml", "128Mi")]),
    ("api:\n  env:\n    - {name: GOMEMLIMIT, value: 450MiB}\n", []),  # the umbrella tells the limit
])
def test_an_umbrella_charts_values_override_its_subchart(tmp_path, umbrella_values, reported):
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "deploy/Chart.yaml", "apiVersion: v2\nname: platform-api\nversion: 0.1.0\n")
    write(tmp_path, "deploy/values.yaml", umbrella_values)
    _write_chart(tmp_path, "deploy/charts/api", "api")
    findings = _run(tmp_path).findings
    assert [(f.location.path, re.search(r"limit of (\w+)", f.message).group(1)) for f in findings] == reported


@pytest.mark.parametrize("subchart", ["deploy/charts/api", "operator/chart"])
def test_an_umbrella_charts_settings_of_its_subchart_are_the_subcharts_container(tmp_path, subchart):
    """AKO: `helm/ako` depends on its operator's chart elsewhere in the tree (a `file://`
    repository) and sets that chart's image and resources under its name, which a template of
    the umbrella reads too (`index .Values "api" "enabled"`): one container, the subchart's,
    under the umbrella's limit; not the umbrella's own nor the subchart installed alone."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    dependency = "" if subchart.startswith("deploy/") else \
        "dependencies:\n  - name: api\n    version: 0.1.0\n    repository: file://../operator/chart\n"
    write(tmp_path, "deploy/Chart.yaml", f"apiVersion: v2\nname: platform\nversion: 0.1.0\n{dependency}")
    write(tmp_path, "deploy/values.yaml", "api:\n  enabled: true\n  image:\n    repository: ghcr.io/acme/api\n"
                                          "    tag: v1\n  resources:\n    limits:\n      memory: 512Mi\n")
    write(tmp_path, "deploy/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n"
                                                       'data:\n  api: {{ index .Values "api" "enabled" | quote }}\n')
    _write_chart(tmp_path, subchart, "api")
    findings = _run(tmp_path).findings
    assert [(f.location.path, re.search(r"limit of (\w+)", f.message).group(1), f.message.split(" has ")[0])
            for f in findings] == [("deploy/values.yaml", "512Mi", 'container "api" of Helm chart api')]


@pytest.mark.parametrize("dockerfile, reported", [
    # cozystack builds clastix's kamaji from its release archive: another project's code
    ("FROM golang:1.26 AS build\nRUN curl -sSL https://github.com/clastix/kamaji/archive/v1.tar.gz | tar -xz\n"
     "COPY patches /patches\nRUN go build -o /kamaji .\nFROM scratch\nCOPY --from=build /kamaji /kamaji\n", False),
    ("FROM golang:1.26 AS build\nRUN git clone https://github.com/clastix/kamaji /src\nWORKDIR /src\n"
     "RUN go build -o /kamaji .\n", False),
    # built from the tree's own source
    ("FROM golang:1.26 AS build\nCOPY . .\nRUN go build -o /kamaji ./cmd/api\n", True),
])
def test_an_image_built_from_fetched_source_is_another_projects_program(tmp_path, dockerfile, reported):
    go_module(tmp_path, {"cmd/api/main.go": MAIN})
    write(tmp_path, "images/kamaji/Dockerfile", dockerfile)
    write(tmp_path, "deploy/kamaji.yaml", _SIZED.format(request="512Mi").replace("ghcr.io/acme/api:1",
                                                                                  "ghcr.io/acme/kamaji:1"))
    assert bool(_run(tmp_path).findings) == reported


_FLAG_RESOURCES_VALUES = """\
operator:
  image: ghcr.io/acme/api:v1
  shard:
    resources:
      limits:
        memory: 1Gi
"""
_FLAG_RESOURCES_TEMPLATE = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: operator
spec:
  template:
    spec:
      containers:
        - name: operator
          image: "{{ .Values.operator.image }}"
          args:
            {{- with .Values.operator.shard.resources }}
            {{- with .limits }}
            - --shard-memory-limit={{ .memory }}
            {{- end }}
            {{- end }}
          resources:
            limits:
              memory: 256Mi
"""


def test_values_resources_a_template_turns_into_flags_are_not_its_containers(tmp_path):
    """flux-shard-operator: its values' `shard.resources` become flags for the controllers it
    starts; its own container's limit is the 256Mi its template writes."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "charts/operator/Chart.yaml", "apiVersion: v2\nname: operator\nversion: 0.1.0\n")
    write(tmp_path, "charts/operator/values.yaml", _FLAG_RESOURCES_VALUES)
    write(tmp_path, "charts/operator/templates/workload.yaml", _FLAG_RESOURCES_TEMPLATE)
    findings = _run(tmp_path).findings
    assert [(f.location.path, re.search(r"limit of (\w+)", f.message).group(1)) for f in findings] == \
        [("charts/operator/templates/workload.yaml", "256Mi")]


@pytest.mark.parametrize("header, directory_generated, scoped", [
    ("", False, True),  # the program's own call: one namespace's Pods
    ("// Code generated by informer-gen. DO NOT EDIT.\n\n", False, False),
    ("", True, False),  # informer-gen's layout, its header taken out
])
def test_a_generated_clients_namespace_argument_scopes_nothing_itself(header, directory_generated, scoped):
    """cozyplane's generated informers pass their factory's namespace on (`NewFilteredPodInformer(client,
    f.namespace, ...)`): what they scope is what their caller asks for, counted where it asks."""
    from golint_startup.kube.go_programs import _code_facts

    source = (header + "package v1\n\nimport informers \"k8s.io/client-go/informers/core/v1\"\n\n"
              "func (f *factory) pods() any {\n\treturn informers.NewFilteredPodInformer(f.client, f.namespace, 0, nil, nil)\n}\n")
    facts = _code_facts([source.encode()], generated_client=directory_generated)
    assert bool(facts.informer_scopings) == scoped


_FLAG_GATED = """\
package watch

import (
	"flag"

	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

%(declared)s

func start(client kubernetes.Interface, ns string, egress bool, stop <-chan struct{}) {
	flag.Parse()
	scoped := informers.NewSharedInformerFactoryWithOptions(client, 0, informers.WithNamespace(ns))
	_ = scoped.Core().V1().Secrets().Informer()
	scoped.Start(stop)
	if %(condition)s {
		pods := informers.NewSharedInformerFactory(client, 0)
		_ = pods.Core().V1().Pods().Informer()
		pods.Start(stop)
	}
}
"""
_ENABLE_PODS = 'var enablePods bool\n\nfunc init() { flag.BoolVar(&enablePods, "enable-pods", false, "watch Pods") }'
_PODS_NAMESPACE = ('var podsNamespace string\n\n'
                   'func init() { flag.StringVar(&podsNamespace, "pods-namespace", "", "watch Pods there") }')


@pytest.mark.parametrize("declared, condition, passed, reported", [
    (_ENABLE_PODS, "egress && enablePods", "", False),  # varmor's `--enableBpfEnforcer`, read as wrong
    (_ENABLE_PODS, "(egress || ns == \"\") && enablePods", "", False),
    (_ENABLE_PODS, "egress && enablePods", "\n          args: [--enable-pods]", True),
    (_ENABLE_PODS, "enablePods", "\n          args: [\"--enable-pods=false\"]", False),
    (_ENABLE_PODS, "enablePods", "\n          args: [\"-enable-pods=true\"]", True),
    # a flag library may read it from the environment
    (_ENABLE_PODS, "enablePods", "\n          env:\n            - name: ENABLE_PODS\n              value: \"1\"", True),
    (_ENABLE_PODS, "egress || enablePods", "", True),  # not required
    (_ENABLE_PODS.replace("false", "true"), "enablePods", "", True),  # on by default
    ('var enablePods = flag.Bool("enable-pods", false, "watch Pods")', "*enablePods", "", False),
    ('var enablePods = flag.Bool("enable-pods", false, "watch Pods")', "*enablePods",
     "\n          command: [/api, --enable-pods]", True),
    # a string flag empty by default: cluster-api-provider-agent's second manager, read as wrong
    (_PODS_NAMESPACE, 'podsNamespace != ""', "", False),
    (_PODS_NAMESPACE, "len(podsNamespace) > 0", "", False),
    (_PODS_NAMESPACE, 'podsNamespace != ""', "\n          args: [--pods-namespace=team-a]", True),
    (_PODS_NAMESPACE, 'podsNamespace == ""', "", True),  # built when it is empty
    (_PODS_NAMESPACE.replace('"", "watch', '"team-a", "watch'), 'podsNamespace != ""', "", True),  # a default
    # given a value elsewhere, from a source no manifest shows
    (_PODS_NAMESPACE + '\n\nfunc fromEnv() { podsNamespace = lookup("PODS_NS") }\n\nfunc lookup(string) string',
     'podsNamespace != ""', "", True),
    # infisical-issuer: `ns, err = inClusterNamespace()` when the flag is empty
    (_PODS_NAMESPACE + '\n\nfunc fromEnv() { podsNamespace, _ = lookup("PODS_NS") }\n\nfunc lookup(string) (string, error)',
     'podsNamespace != ""', "", True),
    (_PODS_NAMESPACE + '\n\nfunc fromEnv() { fill(&podsNamespace) }\n\nfunc fill(*string)',
     'podsNamespace != ""', "", True),
])
def test_a_cache_built_only_under_a_flag_off_by_default_counts_when_a_manifest_passes_it(
        tmp_path, declared, condition, passed, reported):
    """An informer factory built only under an `if` that requires a boolean flag off by default
    is not built unless a manifest passes the flag (or the container's environment may set it)."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _FLAG_GATED % {"declared": declared, "condition": condition}})
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace("image: ghcr.io/acme/api:1",
                                                                             "image: ghcr.io/acme/api:1" + passed))
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


_GATED_CHART_VALUES = """\
image:
  repository: ghcr.io/acme/api
podEgress:
  enabled: %s
manager:
  podEgress:
    args:
      - --enable-pods
resources:
  limits:
    memory: 512Mi
  requests:
    memory: 40Mi
"""
_GATED_CHART_DEPLOYMENT = _TEMPLATE_WORKLOAD % ("""{{ .Values.image.repository }}
          args:
          {{- if .Values.podEgress.enabled }}
            {{- with .Values.manager.podEgress.args }}
              {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- end }}""", "            {{- toYaml .Values.resources | nindent 12 }}\n")


@pytest.mark.parametrize("enabled, reported", [("false", False), ("true", True)])
def test_a_charts_flags_count_where_its_defaults_render_them(tmp_path, enabled, reported):
    """varmor's chart passes `--enableBpfEnforcer` from its values only under `if
    .Values.bpfLsmEnforcer.enabled`, false by default: the cache that flag turns on is not built."""
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH,
                         "internal/watch/watch.go": _FLAG_GATED % {"declared": _ENABLE_PODS, "condition": "enablePods"},
                         "Dockerfile": "FROM golang AS build\nRUN go build -o /api ./cmd/api\nFROM scratch\n"
                                       "COPY --from=build /api /api\nENTRYPOINT [\"/api\"]\n"})
    write(tmp_path, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n")
    write(tmp_path, "charts/api/values.yaml", _GATED_CHART_VALUES % enabled)
    write(tmp_path, "charts/api/templates/deployment.yaml", _GATED_CHART_DEPLOYMENT)
    assert [f.rule_id for f in _run(tmp_path).findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("run_line, targets", [
    ("RUN go build -o /m ./cmd/api", ["cmd/api"]),
    ("RUN go build -o /m cmd/api/main.go", ["cmd/api/main.go"]),
    ("RUN go build -o /m .", ["."]),
    ("RUN go build -o /m ./cmd/...", ["cmd"]),
    # a shell glob of a directory's files builds that directory (whizard's agent proxy)
    ('RUN CGO_ENABLED=0 go build -a -ldflags="${FLAGS}" -o gateway cmd/gateway/*', ["cmd/gateway"]),
    ("RUN go build -o /m ./cmd/api/*.go", ["cmd/api"]),
])
def test_what_a_dockerfile_builds(run_line, targets):
    from golint_startup.kube import image_builds

    assert image_builds.go_build_targets(f"FROM golang:1.25\n{run_line}\n") == targets


_MAKE_BUILDS = ("ROOT = $(shell pwd)\nCMD_DIR = ${ROOT}/cmd\n"
                "GO_BUILD = GO111MODULE=on CGO_ENABLED=0 go build -trimpath\n\n"
                "build-gateway:\n\t$(GO_BUILD) -ldflags \"-s\" -o bin/gateway ${CMD_DIR}/%s/\n")


@pytest.mark.parametrize("makefile, run, reported", [
    # vanus: each image's Dockerfile runs `make build-<name>`, whose recipe builds its program
    (_MAKE_BUILDS % "vs-gateway", "RUN make build-gateway", False),  # a gateway that keeps no cache
    (_MAKE_BUILDS % "vs-watcher", "RUN make build-gateway", True),  # one that does
    (_MAKE_BUILDS % "vs-gateway", "RUN make build-other", True),  # a target not there: code not known
    ("", "RUN make build-gateway", True),
    (_MAKE_BUILDS % "vs-gateway", "RUN make -j4 build-gateway && rm -rf /root/.cache", False),
    # another Makefile, directory or variable than this reads: code not known
    (_MAKE_BUILDS % "vs-gateway", "RUN make -C hack build-gateway", True),
    # a variable set on make's command line wins over the Makefile's
    (_MAKE_BUILDS.replace("CMD_DIR = ${ROOT}/cmd", "CMD_DIR = ${ROOT}/cmd\nCOMPONENT ?= vs-gateway")
     .replace("${CMD_DIR}/%s/", "${CMD_DIR}/$(COMPONENT)/"), "RUN make build-gateway COMPONENT=vs-watcher", True),
    (_MAKE_BUILDS.replace("CMD_DIR = ${ROOT}/cmd", "CMD_DIR = ${ROOT}/cmd\nCOMPONENT ?= vs-watcher")
     .replace("${CMD_DIR}/%s/", "${CMD_DIR}/$(COMPONENT)/"), "RUN make build-gateway COMPONENT=vs-gateway", False),
    (_MAKE_BUILDS % "vs-gateway", "RUN make build-gateway GOOS=${TARGETOS} GOARCH=${TARGETARCH}", False),
    # one set from the Dockerfile's own: which program is not known
    (_MAKE_BUILDS.replace("CMD_DIR = ${ROOT}/cmd", "CMD_DIR = ${ROOT}/cmd\nAPP ?= vs-gateway\nCOMPONENT ?= vs-gateway")
     .replace("${CMD_DIR}/%s/", "${CMD_DIR}/$(COMPONENT)/"), "ARG APP=vs-watcher\nRUN make build-gateway COMPONENT=${APP}",
     True),
])
def test_a_program_a_dockerfile_builds_with_make_is_known(tmp_path, makefile, run, reported):
    go_module(tmp_path, {"cmd/vs-gateway/main.go": SMALL_MAIN, "cmd/vs-watcher/main.go": MAIN})
    if makefile:
        write(tmp_path, "Makefile", makefile)
    write(tmp_path, "build/images/gateway/Dockerfile", f"FROM golang:1.25 AS build\nCOPY . .\n{run}\n"
                                                       "FROM scratch\nCOPY --from=build /workspace/bin/gateway bin/gateway\n"
                                                       'CMD ["bin/gateway"]\n')
    write(tmp_path, "deploy/gateway.yaml", _SIZED.format(request="512Mi").replace("ghcr.io/acme/api:1", "ghcr.io/acme/gateway:1"))
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


@pytest.mark.parametrize("image, command, reported", [
    # tfsync: its image, named like its CLI's directory, is the kubebuilder manager's `IMG`
    ("ghcr.io/acme/api", "", True),
    ("ghcr.io/other/api", "", False),  # another image of that name: the CLI, keeping nothing
    ("localhost:5000/e2e-mocks/api", "", False),
    ("ghcr.io/acme/api", '\n          command: ["/api"]', False),  # the CLI, by its command
    ("ghcr.io/acme/api", '\n          command: ["/manager"]', True),  # kubebuilder's command
    ("ghcr.io/acme/api", '\n          args: ["/api"]', False),  # replacing the image's CMD
])
def test_the_image_a_kubebuilder_makefile_builds_runs_its_manager_over_a_directory_so_named(tmp_path, image, command,
                                                                                            reported):
    go_module(tmp_path, {"cmd/api/main.go": SMALL_MAIN, "cmd/manager/main.go": MAIN,
                         "Dockerfile": "FROM golang:1.22 AS build\nRUN go build -o /out/manager ./cmd/manager\n"
                                       'FROM scratch\nCOPY --from=build /out/manager /manager\nENTRYPOINT ["/manager"]\n'})
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\nprojectName: tool\n")
    write(tmp_path, "Makefile", f"IMG ?= {image}:latest\n\ndocker-build:\n\tdocker build -t $(IMG) .\n")
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="64Mi").replace(
        "ghcr.io/acme/api:1", "ghcr.io/acme/api:1" + command))
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])


def test_a_program_built_from_a_glob_of_its_files_is_known(tmp_path):
    """whizard's agent proxy image is built by `go build -o gateway cmd/gateway/*`: a proxy that
    keeps nothing of the cluster, asking 64Mi of its 4Gi limit, far below it (read as not worth
    a change when its code was not known)."""
    go_module(tmp_path, {"cmd/gateway/main.go": SMALL_MAIN})
    write(tmp_path, "build/agent-proxy/Dockerfile", "FROM golang:1.25 AS build\nCOPY cmd/ cmd/\n"
                                                    "RUN go build -o gateway cmd/gateway/*\nFROM scratch\n"
                                                    "COPY --from=build /gateway /gateway\n"
                                                    'ENTRYPOINT ["/gateway", "agent-proxy"]\n')
    write(tmp_path, "deploy/proxy.yaml", _SIZED.format(request="64Mi").replace("ghcr.io/acme/api:1", "acme/agent-proxy:1")
          .replace("memory: 512Mi", "memory: 4Gi"))
    assert _run(tmp_path, "SL101").findings == []


@pytest.mark.parametrize("deploy_container, beside, findings", [
    # stateful-migration-operator: the scaffold's `controller-manager` and the hand-written
    # install's `migration-backup-controller` run one program: one finding, the other related
    ("manager", "", 1),
    # vitastor-operator: its README's install runs the scaffold's program as its pod's one
    # container, named otherwise
    ("vitastor-operator", "", 1),
    # a container named otherwise beside another of its pod: not known to be the manager
    ("vitastor-operator", "        - name: proxy\n          image: ghcr.io/acme/proxy:1\n", 2),
    ("manager", "        - name: proxy\n          image: ghcr.io/acme/proxy:1\n", 1),
])
def test_a_scaffold_and_the_one_other_install_of_its_program_are_copies(tmp_path, deploy_container, beside, findings):
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\nprojectName: api\n")
    write(tmp_path, "Dockerfile", "FROM golang:1.22\nRUN go build -o /manager ./cmd\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("64Mi"))
    write(tmp_path, "deploy/all-in-one.yaml", _SIZED.format(request="64Mi").replace(
        "ghcr.io/acme/api:1", 'ghcr.io/acme/api:1\n          command: ["/manager"]').replace(
        "- name: api", f"- name: {deploy_container}").replace("name: api", "name: migration-backup-controller")
        .replace("memory: 512Mi", "memory: 256Mi").replace("      containers:\n", "      containers:\n" + beside))
    found = _run(tmp_path, "SL101").findings
    assert len(found) == findings
    if findings == 1:  # at the install that names the project's image, the placeholder's related
        assert [found[0].location.path] + [r.path for r in found[0].related] == \
            ["deploy/all-in-one.yaml", "config/manager/manager.yaml"]


@pytest.mark.parametrize("readme, lead", [
    ("", "deploy/all-in-one.yaml"),
    # neon-operator: its README deploys the scaffold, naming no hand-written install
    ("## Install\n\n```sh\nmake install\nmake deploy IMG=ghcr.io/acme/api:1\n```\n", "config/manager/manager.yaml"),
    ("make deploy, or kubectl apply -f deploy/all-in-one.yaml\n", "deploy/all-in-one.yaml"),
    ("Install: `kubectl apply -f deploy/`.\n\n## Development\n\nmake deploy\n", "deploy/all-in-one.yaml"),
    ("kubectl apply -f deploy/all-in-one.yaml\n\nmake deploy-kind\n", "deploy/all-in-one.yaml"),
    ("kubectl apply -k 'https://github.com/acme/api/deploy?ref=v1'\n\nmake deploy\n", "deploy/all-in-one.yaml"),
])
def test_a_scaffold_that_its_readme_deploys_leads_its_hand_written_copy(tmp_path, readme, lead):
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\nprojectName: api\n")
    write(tmp_path, "Dockerfile", "FROM golang:1.22\nRUN go build -o /manager ./cmd\n")
    if readme:
        write(tmp_path, "README.md", "# api\n\nAn operator.\n\n" + readme)
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("64Mi"))
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n- manager.yaml\n")
    write(tmp_path, "deploy/all-in-one.yaml", _SIZED.format(request="64Mi").replace(
        "ghcr.io/acme/api:1", 'ghcr.io/acme/api:1\n          command: ["/manager"]').replace("- name: api", "- name: manager")
        .replace("memory: 512Mi", "memory: 256Mi"))
    assert [f.location.path for f in _run(tmp_path, "SL101").findings] == [lead]


@pytest.mark.parametrize("renamed, lead", [
    # TaoNode-Guardian: its config/manager kustomization pins the released image, which Argo CD
    # installs with `kustomize build`; a copy of that build at the root led
    ("ghcr.io/acme/api", "config/manager/manager.yaml"),
    # what `make deploy` leaves behind installs nothing users pull
    ("controller", "deploy/all-in-one.yaml"),
    ("example.com/api", "deploy/all-in-one.yaml"),
    ("localhost:5000/api", "deploy/all-in-one.yaml"),
    ("kind-registry:5000/api", "deploy/all-in-one.yaml"),
    ("${REGISTRY}/api", "deploy/all-in-one.yaml"),
    ("ko://example.com/app/cmd", "deploy/all-in-one.yaml"),
    ("acme/api", "config/manager/manager.yaml"),  # Docker Hub's
])
def test_a_scaffold_pinning_a_registry_image_leads_its_hand_written_copy(tmp_path, renamed, lead):
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout:\n- go.kubebuilder.io/v4\nprojectName: api\n")
    write(tmp_path, "Dockerfile", "FROM golang:1.22\nRUN go build -o /manager ./cmd\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("64Mi"))
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n- manager.yaml\nimages:\n- name: controller\n"
                                                         f"  newName: {renamed}\n  newTag: v0.1.0\n")
    write(tmp_path, "deploy/all-in-one.yaml", _SIZED.format(request="64Mi").replace(
        "ghcr.io/acme/api:1", 'ghcr.io/acme/api:1\n          command: ["/manager"]').replace("- name: api", "- name: manager")
        .replace("memory: 512Mi", "memory: 256Mi"))
    assert [f.location.path for f in _run(tmp_path, "SL101").findings] == [lead]


_NAMESPACES_BY_INDEX = """\
package watch

import (
	"os"
	"strings"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

func start() (ctrl.Manager, error) {
	options := ctrl.Options{}
	if watchNamespace := os.Getenv("WATCH_NAMESPACE"); watchNamespace != "" {
		namespaceList := strings.Split(watchNamespace, ",")
		configMap := map[string]cache.Config{}
		for i := range namespaceList {
			configMap[%s] = cache.Config{}
		}
		options.Cache = cache.Options{DefaultNamespaces: configMap}
	}
	return ctrl.NewManager(ctrl.GetConfigOrDie(), options)
}
"""


@pytest.mark.parametrize("key, container, reported", [
    # nifikop fills its map from the split list by index
    ("namespaceList[i]", "          env:\n            - name: WATCH_NAMESPACE\n"
                         "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n", False),
    ("namespaceList[i]", "", True),
    ("strings.TrimSpace(namespaceList[i])", "          env:\n            - name: WATCH_NAMESPACE\n"
                                            "              value: ops\n", False),
])
def test_a_namespace_map_keyed_by_a_lists_element_scopes_the_cache(tmp_path, key, container, reported):
    assert _rules_for_controller(tmp_path, _NAMESPACES_BY_INDEX % key, container) == (["SL101"] if reported else [])


_NAMESPACES_GIVEN_WHEN_SET = """\
package watch

import (
	"os"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

func start() (ctrl.Manager, error) {
	var namespaces map[string]cache.Config
	if %s := os.Getenv("DRIVER_NAMESPACE"); %s != "" {
		namespaces = map[string]cache.Config{
			%s: {},
		}
	}
	return ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Cache: cache.Options{DefaultNamespaces: namespaces}})
}
"""


@pytest.mark.parametrize("variable, container, reported", [
    # beegfs-csi-driver's operator: the map given its namespace when the variable names one
    ("driverNamespace", "          env:\n            - name: DRIVER_NAMESPACE\n"
                        "              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n", False),
    ("driverNamespace", "          env:\n            - name: OTHER_NAMESPACE\n              value: ops\n", True),
    ("driverNamespace", "", True),
    ("driver", "          env:\n            - name: DRIVER_NAMESPACE\n              value: ops\n", True),  # not named for one
])
def test_a_namespace_map_given_when_a_variable_names_one_scopes_the_cache(tmp_path, variable, container, reported):
    source = _NAMESPACES_GIVEN_WHEN_SET % (variable, variable, variable)
    assert _rules_for_controller(tmp_path, source, container) == (["SL101"] if reported else [])


@pytest.mark.parametrize("image, reported", [
    ("quay.io/acmeio/operator:v2.0.0", True),  # the module's owner `acme`, spelled longer
    ("quay.io/vendor/operator:v2.0.0", False),  # another owner's operator
])
def test_an_image_named_for_a_role_runs_the_program_of_that_name_only_under_the_projects_path(tmp_path, image,
                                                                                              reported):
    """testdata/sl101/monitorop without its Makefile, its operator's image renamed."""
    import shutil

    from fixtures import TESTDATA

    root = tmp_path / "monitorop"
    shutil.copytree(os.path.join(TESTDATA, "sl101", "monitorop"), root)
    os.remove(root / "Makefile")
    manifest = root / "deploy" / "operator.yaml"
    manifest.write_text(manifest.read_text().replace("ghcr.io/acme/operator:v2.0.0", image))
    assert [f.path for f in _run(root, "SL101").findings] == (["deploy/operator.yaml"] if reported else [])


def test_a_scaffold_renamed_to_an_image_named_for_a_role_is_the_charts_program(tmp_path):
    """A kubebuilder scaffold whose kustomization renames the placeholder to
    `ghcr.io/acme/operator`, beside a chart of that image: one program, reported at the chart
    users install, the scaffold its related location."""
    go_module(tmp_path, {"cmd/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": _WATCHES})
    write(tmp_path, "PROJECT", "layout: go.kubebuilder.io/v4\n")
    write(tmp_path, "config/manager/manager.yaml", _scaffold_manifest("256Mi"))
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n- manager.yaml\nimages:\n- name: controller\n"
                                                        "  newName: ghcr.io/acme/operator\n  newTag: latest\n")
    _write_chart(tmp_path, "charts/api", "api", image="ghcr.io/acme/operator")
    (finding,) = _run(tmp_path, "SL101").findings
    assert (finding.path, [r.path for r in finding.related]) == ("charts/api/values.yaml", ["config/manager/manager.yaml"])


_GATED_RECONCILER_MAIN = """\
package main

import (
	"flag"

	ctrl "sigs.k8s.io/controller-runtime"

	"example.com/app/internal/controller"
)

func main() {
	var syncSecrets bool
	flag.BoolVar(&syncSecrets, "sync-secrets", false, "")
	flag.Parse()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = (&controller.RuleReconciler{}).SetupWithManager(mgr)
	if syncSecrets {
		_ = (&controller.SecretReconciler{}).SetupWithManager(mgr)
	}
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
"""
_RECONCILER = """\
package controller

import (
	%(package)s
	ctrl "sigs.k8s.io/controller-runtime"
)

type %(name)sReconciler struct{}

func (r *%(name)sReconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&%(kind)s{}).Complete(nil)
}
"""
_SECRET_RECONCILER = _RECONCILER % {"package": 'corev1 "k8s.io/api/core/v1"', "name": "Secret", "kind": "corev1.Secret"}
# A reconciler of the project's own resource: custom resources number what users create.
_RULE_RECONCILER = _RECONCILER % {"package": 'acmev1 "example.com/app/api/v1"', "name": "Rule", "kind": "acmev1.Rule"}


@pytest.mark.parametrize("patch_args, other_args, reported", [
    (None, None, False),  # registered only under a flag off by default, which nothing passes
    ('["--sync-secrets"]', None, True),  # kustomize's patch passes it, whatever workload it names
    (None, '["--sync-secrets"]', False),  # another workload of the program passes it, not this one
])
@pytest.mark.parametrize("declared_in_main", [True, False])
def test_a_reconciler_registered_under_a_flag_counts_where_the_flag_is_passed(tmp_path, patch_args, other_args,
                                                                              reported, declared_in_main):
    """stateful-migration-operator's all-in-one Deployment does not pass the flag its
    checkpoint DaemonSet passes: the Deployment's cache holds no Pods (read as wrong). The
    flag and its `if` may be in another package than main's (a cobra command's)."""
    files = {"internal/controller/secret.go": _SECRET_RECONCILER, "internal/controller/rule.go": _RULE_RECONCILER,
             "api/v1/rule.go": "package v1\n\ntype Rule struct{}\n"}
    if declared_in_main:
        files["cmd/main.go"] = _GATED_RECONCILER_MAIN
    else:
        files["internal/app/app.go"] = _GATED_RECONCILER_MAIN.replace("package main", "package app").replace(
            "func main() {", "func Run() {")
        files["cmd/main.go"] = 'package main\n\nimport "example.com/app/internal/app"\n\nfunc main() { app.Run() }\n'
    go_module(tmp_path, files)
    write(tmp_path, "deploy/api.yaml", _SIZED.format(request="40Mi").replace("image: ghcr.io/acme/api:1", "image: ghcr.io/acme/app:1"))
    if patch_args:
        write(tmp_path, "deploy/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: not-used\n"
              f"spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          args: {patch_args}\n")
    if other_args:
        write(tmp_path, "deploy/other.yaml", _SIZED.format(request="40Mi").replace("name: api", "name: other", 1)
              .replace("image: ghcr.io/acme/api:1", f"image: ghcr.io/acme/app:1\n          args: {other_args}"))
    assert [f.path for f in _run(tmp_path).findings if f.path == "deploy/api.yaml"] == (["deploy/api.yaml"] if reported else [])


@pytest.mark.parametrize("patch, reported", [
    # Meridio-2's config/default: a JSON 6902 patch adds the variable naming its namespace
    ("- op: add\n  path: /spec/template/spec/containers/0/env\n  value:\n  - name: APP_NAMESPACE\n"
     "    valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n", False),
    ("- op: add\n  path: /spec/template/spec/containers/0/env/-\n  value:\n    name: APP_NAMESPACE\n"
     "    valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n", False),
    ("- op: add\n  path: /spec/template/spec/containers/0/env\n  value:\n  - name: APP_REGION\n"
     "    value: eu\n", True),  # another variable
    ("- op: add\n  path: /spec/template/spec/containers/0/env\n  value:\n  - name: APP_NAMESPACE\n"
     "    value: ''\n", True),  # empty: every namespace
])
def test_a_namespace_a_kustomize_patch_names_scopes_the_base(tmp_path, patch, reported):
    source = _CONFIG_FIELD_NAMESPACE.replace('os.Getenv("SYSTEM_NAMESPACE")', 'os.Getenv("APP_NAMESPACE")')
    go_module(tmp_path, {"cmd/api/main.go": _MAIN_IMPORTING_WATCH, "internal/watch/watch.go": source,
                         "internal/watch/controller.go": _CONTROLLER})
    write(tmp_path, "config/manager/manager.yaml", _MANAGER_DEPLOYMENT % _LIMITED)
    write(tmp_path, "config/manager/kustomization.yaml", "resources:\n  - manager.yaml\n")
    write(tmp_path, "config/default/kustomization.yaml",
          "resources:\n  - ../manager\npatches:\n  - path: env_patch.yaml\n    target:\n      kind: Deployment\n")
    write(tmp_path, "config/default/env_patch.yaml", patch)
    assert [f.rule_id for f in _run(tmp_path, "SL101").findings] == (["SL101"] if reported else [])
