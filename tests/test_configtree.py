"""Each file uses the nearest .startup-lint.toml at or above its directory, up to the
repository root; --config overrides them all."""

from __future__ import annotations

import json
import os

import pytest

from golint_startup.engine import cache
from golint_startup.engine.configtree import ConfigTree
from lintrun import GC_OFF, ZAP_MAIN, ZAP_RULE, ZAP_RULE_CONFIG, lint, write

API_CONFIG = 'ignore = ["SL005"]\nexclude = ["generated/*"]\n'


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def monorepo(tmp_path):
    """Two modules; the root turns SL005 on, services/api keeps it off and excludes its generated/ directory."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root, ".startup-lint.toml", 'tests = false\nextend-select = ["SL005"]\n')
    for service in ("api", "web"):
        write(root, f"services/{service}/go.mod", f"module example.com/{service}\n\ngo 1.22\n")
        write(root, f"services/{service}/main.go", ZAP_MAIN)
        write(root, f"services/{service}/gc.go", GC_OFF)
    write(root, "services/api/generated/zap.go", ZAP_MAIN.replace("package main", "package generated"))
    write(root, "services/api/.startup-lint.toml", API_CONFIG)
    return root


def _found(stdout: str) -> set[tuple[str, str]]:
    return {(f["path"], f["rule"]) for f in json.loads(stdout)}


PRE_COMMIT_FILES = ["services/api/main.go", "services/api/gc.go", "services/api/generated/zap.go",
                    "services/web/main.go", "services/web/gc.go"]


def test_files_named_from_the_root_use_their_own_directory_config(monorepo):
    """As pre-commit runs the hook: from the repository root, with the staged files."""
    code, out, err = lint(["--format", "json", *PRE_COMMIT_FILES], monorepo)
    assert code == 1, err
    assert _found(out) == {("services/api/gc.go", "SL007"), ("services/web/main.go", "SL005"),
                           ("services/web/gc.go", "SL007")}


def test_a_walk_from_the_root_uses_each_directory_config(monorepo):
    code, out, err = lint(["--format", "json", "./..."], monorepo)
    assert _found(out) == {("services/api/gc.go", "SL007"), ("services/web/main.go", "SL005"),
                           ("services/web/gc.go", "SL007")}


def test_explicit_config_overrides_every_directory_config(monorepo):
    code, out, _ = lint(["--format", "json", "--config", ".startup-lint.toml", *PRE_COMMIT_FILES], monorepo)
    assert ("services/api/main.go", "SL005") in _found(out)
    assert ("services/api/generated/zap.go", "SL005") in _found(out)


def test_command_line_options_win_over_directory_configs(monorepo):
    code, out, _ = lint(["--format", "json", "--select", "SL005", *PRE_COMMIT_FILES], monorepo)
    assert _found(out) == {("services/web/main.go", "SL005")}, "SL005 is still ignored by the api config"


def test_sarif_lists_every_rule_that_ran_in_some_directory(monorepo):
    write(monorepo, "services/web/.startup-lint.toml", 'select = ["SL005"]\n')
    write(monorepo, "services/api/.startup-lint.toml", 'select = ["SL007"]\n')
    code, out, _ = lint(["--format", "sarif", *PRE_COMMIT_FILES], monorepo)
    rules = [rule["id"] for rule in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]]
    assert rules == ["SL005", "SL007"]


@pytest.mark.parametrize("above", ['ignore = ["SL005"]\n', "this is not TOML\n"], ids=["valid", "broken"])
@pytest.mark.parametrize("pattern", ["main.go", "./..."])
def test_a_config_above_the_repository_root_is_not_read(tmp_path, above, pattern):
    write(tmp_path, ".startup-lint.toml", above)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo, "main.go", ZAP_MAIN)
    code, out, err = lint([*ZAP_RULE, "--format", "json", pattern], repo)
    assert code == 1 and _found(out) == {("main.go", "SL005")}, err


def test_outside_a_repository_the_walk_goes_up(tmp_path):
    write(tmp_path, ".startup-lint.toml", ZAP_RULE_CONFIG)
    write(tmp_path, "a/b/main.go", ZAP_MAIN)
    code, out, _ = lint(["--format", "json", "a/b/main.go"], tmp_path)
    assert code == 1 and _found(out) == {("a/b/main.go", "SL005")}


def test_a_directory_config_turns_tests_on_there_only(monorepo):
    write(monorepo, "services/web/gc_test.go", GC_OFF)
    write(monorepo, "services/api/gc_test.go", GC_OFF)
    write(monorepo, "services/web/.startup-lint.toml", "tests = true\n")
    code, out, _ = lint(["--format", "json", "./..."], monorepo)
    assert ("services/web/gc_test.go", "SL007") in _found(out)
    assert ("services/api/gc_test.go", "SL007") not in _found(out)


def test_a_bad_directory_config_names_its_file(monorepo):
    write(monorepo, "services/web/.startup-lint.toml", "selct = []\n")
    code, _, err = lint(PRE_COMMIT_FILES, monorepo)
    assert code == 2
    assert err.strip().splitlines()[-1] == \
        f"startup-lint: error: {monorepo}/services/web/.startup-lint.toml: unknown key 'selct'"


def test_the_cache_keeps_each_directory_settings_apart(monorepo, cache_dir):
    first = lint(["--format", "json", *PRE_COMMIT_FILES], monorepo)
    assert lint(["--format", "json", *PRE_COMMIT_FILES], monorepo) == first
    results = [p for p in cache_dir.glob("results-*/*.pack") if not p.name.endswith(".derived.pack") and ".facts-" not in p.name]
    assert len(results) == 2, "one pack of results per settings"
    write(monorepo, "services/api/.startup-lint.toml", 'extend-select = ["SL005"]\n')  # SL005 on in api
    code, out, _ = lint(["--format", "json", *PRE_COMMIT_FILES], monorepo)
    assert ("services/api/main.go", "SL005") in _found(out)


def test_nearest_config_lookup_stops_at_the_work_tree_root(tmp_path):
    write(tmp_path, ".startup-lint.toml", "")
    write(tmp_path, "repo/sub/.startup-lint.toml", "")
    (tmp_path / "repo" / ".git").mkdir()
    os.makedirs(tmp_path / "repo" / "sub" / "deep" / "er")
    tree = ConfigTree(build=lambda path: path)
    assert tree.config_for_dir(str(tmp_path / "repo" / "sub" / "deep" / "er")) == \
        str(tmp_path / "repo" / "sub" / ".startup-lint.toml")
    assert tree.config_for_dir(str(tmp_path / "repo")) is None
    assert tree.config_for_dir(str(tmp_path)) == str(tmp_path / ".startup-lint.toml")



GO_DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
spec:
  template:
    spec:
      containers:
        - name: {name}
          image: golang-built/{name}:1
          command: ["/{name}"]
          env:
            - name: GOGC
              value: "100"
          livenessProbe:
            httpGet: {{path: /healthz, port: 8080}}
            periodSeconds: 5
          resources:
            requests:
              memory: 512Mi
            limits:
              memory: 512Mi
"""


def test_each_manifest_follows_its_own_directory_config(monorepo):
    """A walk from the root: api's config turns SL105 on and SL101 off for api's manifests
    only; web's manifests keep the defaults. Each config's rules run with its own options."""
    write(monorepo, "services/api/.startup-lint.toml", 'extend-select = ["SL105"]\nignore = ["SL101"]\n')
    for service in ("api", "web"):
        write(monorepo, f"services/{service}/deploy/{service}.yaml", GO_DEPLOYMENT.format(name=service))
        # An informer's cache, which grows with the cluster: SL101 reports its limit; leader
        # election holds the program back before it serves: SL105 reports its short window.
        write(monorepo, f"services/{service}/watch.go", 'package main\n\nimport (\n\t"k8s.io/client-go/informers"\n'
                                                         '\t_ "k8s.io/client-go/tools/leaderelection"\n)\n\n'
                                                         'var _ = informers.NewSharedInformerFactory(nil, 0)\n')
    code, out, err = lint(["--format", "json", "./..."], monorepo)
    assert "internal error" not in err, err
    found = {(path, rule) for path, rule in _found(out) if path.endswith(".yaml")}
    assert found == {("services/api/deploy/api.yaml", "SL105"), ("services/web/deploy/web.yaml", "SL101")}
    code, out, err = lint(["--format", "sarif", "./..."], monorepo)
    rules = [rule["id"] for rule in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]]
    assert "SL105" in rules
