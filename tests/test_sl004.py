"""SL004 behavior the `// want` fixtures cannot express: named files, related locations,
options, workspaces, and the module model."""

import os
import pickle
from dataclasses import replace

import pytest

from fixtures import TESTDATA
from lintrun import go_module
from golint_startup.go import gofile, modules
from golint_startup.engine.config import build_settings
from golint_startup.rule import all_rules
from golint_startup.engine.runner import run

SL004 = os.path.join(TESTDATA, "sl004")
RULE_MODULE = all_rules()["SL004"].check_project.__module__


def _run(directory, patterns, config=None, min_load_bytes=0):
    """SL004 over every program, serving or not (these trees' mains do not serve), reporting
    every load whatever its file unless `min_load_bytes` is given (these trees hold no config
    files to size)."""
    settings = build_settings(config_path=config, select=("SL004",), cwd=directory)
    options = {**settings.options, "SL004": {**settings.options["SL004"], "min-load-bytes": min_load_bytes}}
    settings = replace(settings, startup=replace(settings.startup, programs="all"), options=options)
    return run(patterns, settings, cwd=directory, debug=True)


def _clear_module_caches():
    for cached in (modules.module_of_dir, modules.local_replacements, modules.workspace_modules,
                   modules.visible_modules, modules.package_dir):
        cached.cache_clear()


def test_named_file_uses_the_rest_of_its_module():
    """Pre-commit names only the loader; main.main lives in a file that is not named."""
    directory = os.path.join(SL004, "cmdconfig")
    result = _run(directory, ["internal/config/config.go"])
    assert [(f.path, f.location.line) for f in result.findings] == [("internal/config/config.go", 11)]
    assert "from main.main" in result.findings[0].message
    assert result.files_analyzed == 1


def test_named_entry_file_does_not_report_on_other_files():
    directory = os.path.join(SL004, "cmdconfig")
    result = _run(directory, ["cmd/server/main.go"])
    assert result.findings == []


def test_related_location_is_the_unguarded_entry_point():
    directory = os.path.join(SL004, "shared")
    result = _run(directory, ["./..."])
    (finding,) = result.findings
    (related,) = finding.related
    assert (related.path, related.line) == ("cmd/plain/main.go", 5)
    assert related.message == "entry point: main.main"


def test_one_finding_per_load_naming_the_other_entries(tmp_path):
    (tmp_path / "go.mod").write_text("module example.com/two\n")
    (tmp_path / "main.go").write_text(
        "package main\n\nimport \"github.com/spf13/viper\"\n\n"
        "func init() { load() }\n\nfunc main() { load() }\n\n"
        "func load() { _ = viper.ReadInConfig() }\n")
    _clear_module_caches()
    (finding,) = _run(str(tmp_path), ["./..."]).findings
    assert finding.location.line == 9
    assert "from main.main: main -> load; also unguarded from func init of package main; fix:" in finding.message
    assert [(r.line, r.message) for r in finding.related] == [
        (7, "entry point: main.main"), (5, "entry point: func init of package main")]


def test_facts_are_compact_and_picklable():
    path = os.path.join(SL004, "callbacks", "cmd", "serve.go")
    with open(path, "rb") as handle:
        file = gofile.parse("cmd/serve.go", handle.read())
    rule = all_rules()["SL004"]
    facts = rule.collect(file, rule.default_options())

    def plain(value):
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, tuple):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, (str, int))

    assert plain(facts)
    assert pickle.loads(pickle.dumps(facts)) == facts
    assert any(key == "runServe" for key, *_ in facts.functions)


def test_test_files_give_no_facts():
    file = gofile.parse("x_test.go", b"package x\nfunc init() {}\n")
    rule = all_rules()["SL004"]
    assert rule.collect(file, rule.default_options()) is None


def test_load_functions_option_lists_a_module_function(tmp_path):
    config = tmp_path / "startup-lint.toml"
    config.write_text('[rules.SL004]\nload-functions = ["example.com/svc/internal/config.Load"]\n')
    directory = os.path.join(SL004, "cmdconfig")
    result = _run(directory, ["./..."], config=str(config))
    assert [(f.path, f.location.line) for f in result.findings] == [("cmd/server/main.go", 10)]
    assert result.findings[0].message.startswith("config.Load loads configuration")


def test_malformed_load_function_is_reported(tmp_path):
    config = tmp_path / "startup-lint.toml"
    config.write_text('[rules.SL004]\nload-functions = ["ReadInConfig", "github.com/spf13/viper.ReadInConfig"]\n')
    directory = os.path.join(SL004, "cmdconfig")
    result = _run(directory, ["./..."], config=str(config))
    assert len(result.findings) == 1
    assert any("'ReadInConfig'" in n.message for n in result.notifications)


def test_workspace_off_keeps_modules_apart(monkeypatch):
    directory = os.path.join(SL004, "workspace")
    _clear_module_caches()
    assert len(_run(directory, ["./..."]).findings) == 1
    monkeypatch.setenv("GOWORK", "off")
    _clear_module_caches()
    try:
        assert _run(directory, ["./..."]).findings == []
    finally:
        monkeypatch.delenv("GOWORK")
        _clear_module_caches()


# --- module model -----------------------------------------------------------


@pytest.fixture
def tree(tmp_path):
    def write(relative, content):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)

    write("go.work", "go 1.22\n\nuse ./app // the service\nuse (\n\t./lib\n\t\"./missing\"\n)\n")
    write("app/go.mod", "module example.com/app\n\nreplace example.com/vendored v1.0.0 => ./third_party/vendored\n"
                        "replace (\n\texample.com/remote => example.com/fork v1.2.3\n)\n")
    write("app/third_party/vendored/go.mod", "module example.com/vendored\n")
    write("app/nested/go.mod", "module example.com/app/nested\n")
    write("lib/go.mod", "module \"example.com/lib\"\n")
    _clear_module_caches()
    yield tmp_path
    _clear_module_caches()


def test_module_resolution(tree, monkeypatch):
    monkeypatch.delenv("GOWORK", raising=False)
    app = modules.module_of_dir(str(tree / "app" / "cmd"))
    assert app == modules.Module(str(tree / "app"), "example.com/app")
    assert modules.workspace_file(app) == str(tree / "go.work")
    assert modules.package_dir("example.com/app/internal/config", app) == str(tree / "app" / "internal" / "config")
    assert modules.package_dir("example.com/lib/config", app) == str(tree / "lib" / "config")
    assert modules.package_dir("example.com/vendored/x", app) == str(tree / "app" / "third_party" / "vendored" / "x")
    assert modules.package_dir("example.com/remote", app) is None  # replaced by another module version
    assert modules.package_dir("github.com/spf13/viper", app) is None
    assert modules.package_dir("fmt", app) is None
    assert modules.import_path_of_dir(str(tree / "app" / "cmd" / "server"), app) == "example.com/app/cmd/server"
    assert modules.import_path_of_dir(str(tree / "app"), app) == "example.com/app"
    assert {path: modules.package_dir(path, app) for path in ["fmt", "example.com/lib/x", "example.com/app/y"]} == {
        "fmt": None, "example.com/lib/x": str(tree / "lib" / "x"), "example.com/app/y": str(tree / "app" / "y")}


def test_nested_module_is_its_own_module(tree):
    nested = modules.module_of_dir(str(tree / "app" / "nested" / "pkg"))
    assert nested.path == "example.com/app/nested"
    assert modules.workspace_file(nested) is None  # not in the go.work use list
    app_files = modules.module_go_files(modules.module_of_dir(str(tree / "app")))
    assert not any("nested" in f for f in app_files)


# --- events computed on demand ------------------------------------------------

SL004_MODULE = "golint_startup.rules.sl004_config_load_without_gc_control"


def _fixture_modules():
    return sorted(d for d in os.listdir(SL004) if os.path.isdir(os.path.join(SL004, d)))


def _events_everywhere(monkeypatch):
    """Complete facts for every file, as if each might hold a seed: the reference answer."""
    monkeypatch.setattr(f"{SL004_MODULE}._may_hold_seed", lambda file, options: True)


@pytest.mark.parametrize("name", _fixture_modules())
def test_events_filled_in_on_demand_match_events_computed_everywhere(name, monkeypatch):
    directory = os.path.join(SL004, name)
    _clear_module_caches()
    on_demand = _run(directory, ["./..."])
    _events_everywhere(monkeypatch)
    everywhere = _run(directory, ["./..."])
    assert on_demand.findings == everywhere.findings
    assert on_demand.notifications == everywhere.notifications


@pytest.fixture
def computed(monkeypatch):
    """The files whose SL004 facts are computed on demand during a run, in order (not those
    the startup model computes for itself, nor the config files a finding's loads read)."""
    from golint_startup.engine.runner import Project

    displays = []
    compute = Project.facts_on_demand

    def counting(self, display, derive, kind=""):
        if derive.__module__ == RULE_MODULE and not kind:
            displays.append(display)
        return compute(self, display, derive, kind)

    monkeypatch.setattr(Project, "facts_on_demand", counting)
    return displays


def test_only_files_on_a_path_to_a_seed_are_completed(computed):
    directory = os.path.join(SL004, "layered")
    _clear_module_caches()
    assert len(_run(directory, ["./..."]).findings) == 1
    # settings.go (a load) and limits.go (a memory limit) had their events from the start;
    # metrics.go names nothing on a path to them.
    assert sorted(computed) == ["cmd/api/main.go", "cmd/worker/main.go", "internal/boot/boot.go"]


def test_callers_of_a_method_are_searched_for_as_selectors(computed):
    _clear_module_caches()
    assert len(_run(os.path.join(SL004, "methodcalls"), ["./..."]).findings) == 1
    # main.go calls `srv. // comment\n\t\tStart()`; jobs.go spells Start only in a declaration and a comment.
    assert computed == ["main.go"]


VIPER_LOAD = 'import "github.com/spf13/viper"\n\nfunc {name}() {{ _ = viper.ReadInConfig() }}\n'


def test_modules_that_cannot_call_one_another_are_analyzed_apart(computed, tmp_path):
    for module, load in (("loads", VIPER_LOAD.format(name="load")), ("quiet", "func load() {}\n")):
        go_module(tmp_path / module, {"main.go": "package main\n\nfunc main() { load() }\n",
                                      "load.go": f"package main\n\n{load}"}, module=f"example.com/{module}")
    _clear_module_caches()
    assert [f.path for f in _run(str(tmp_path), ["./..."]).findings] == ["loads/load.go"]
    # quiet/ also spells load(), but no code of the loads module can be called from it.
    assert computed == ["loads/main.go"]


def test_callers_of_an_unexported_function_are_searched_for_in_its_package_only(computed, tmp_path):
    go_module(tmp_path, {
        "main.go": 'package main\n\nimport "example.com/scoped/config"\n\nfunc main() { config.Start() }\n',
        "config/start.go": "package config\n\nfunc Start() { load() }\n",
        "config/load.go": "package config\n\n" + VIPER_LOAD.format(name="load"),
        "jobs/jobs.go": "package jobs\n\nfunc Run() { load() }\n\nfunc load() {}\n",
    }, module="example.com/scoped")
    _clear_module_caches()
    assert [f.path for f in _run(str(tmp_path), ["./..."]).findings] == ["config/load.go"]
    # jobs.go calls a load() too, but config's load is unexported: only config/ can call it.
    assert sorted(computed) == ["config/start.go", "main.go"]


def test_callers_of_an_exported_function_are_searched_for_among_its_importers(computed, tmp_path):
    go_module(tmp_path, {
        "main.go": 'package main\n\nimport "example.com/app/config"\n\nfunc main() { config.Load() }\n',
        "config/load.go": "package config\n\n" + VIPER_LOAD.format(name="Load"),
        "cache/cache.go": "package cache\n\nfunc Warm() { Load() }\n\nfunc Load() {}\n",
    })
    _clear_module_caches()
    assert [f.path for f in _run(str(tmp_path), ["./..."]).findings] == ["config/load.go"]
    # cache.go spells Load too, but without importing config it cannot call config.Load.
    assert computed == ["main.go"]


def test_a_nested_module_is_reached_through_the_path_of_the_module_around_it(tmp_path):
    # No replace, no go.work: `example.com/app/settings` still names the nested module's
    # directory for the resolver (see modules.package_dir), so the two are analyzed together.
    go_module(tmp_path, {
        "main.go": 'package main\n\nimport "example.com/app/settings"\n\nfunc main() { settings.Load() }\n'})
    go_module(tmp_path / "settings", {"load.go": "package settings\n\n" + VIPER_LOAD.format(name="Load")},
              module="example.com/app/settings")
    _clear_module_caches()
    assert [f.path for f in _run(str(tmp_path), ["./...", "./settings/..."]).findings] == ["settings/load.go"]


@pytest.mark.parametrize("helper, reported", [("apptest", False), ("boot", True)])
def test_a_load_reached_only_through_test_support_is_not_reported(tmp_path, helper, reported):
    # apptest is test support (named after the app package it imports): SL004's own search
    # finds the path from main through it, but the startup model, which no test support
    # enters, does not reach the load, and SL004 reports only what the model reaches. The
    # same path through a package of production code (boot) is reported.
    go_module(tmp_path, {
        "main.go": f'package main\n\nimport "example.com/svc/app/{helper}"\n\nfunc main() {{ {helper}.Boot() }}\n',
        "app/app.go": "package app\n\n" + VIPER_LOAD.format(name="Configure"),
        f"app/{helper}/boot.go": f'package {helper}\n\nimport "example.com/svc/app"\n\nfunc Boot() {{ app.Configure() }}\n',
    }, module="example.com/svc")
    _clear_module_caches()
    findings = _run(str(tmp_path), ["./..."]).findings
    assert [f.path for f in findings] == (["app/app.go"] if reported else [])
    if reported:
        assert f"main -> {helper}.Boot -> app.Configure" in findings[0].message


def test_a_nested_module_of_another_path_is_a_group_of_its_own(tmp_path):
    from golint_startup.go.callgraph import graph as callgraph

    go_module(tmp_path, {"main.go": "package main\n"})
    go_module(tmp_path / "settings", {"load.go": "package settings\n"}, module="example.com/app/settings")
    go_module(tmp_path / "vendored", {"lib.go": "package lib\n"}, module="github.com/other/lib")
    files = ["main.go", "settings/load.go", "vendored/lib.go"]
    _clear_module_caches()
    groups = callgraph.module_groups({f: {} for f in files}, {f: str(tmp_path / f) for f in files})
    assert [sorted(group) for group in groups] == [["main.go", "settings/load.go"], ["vendored/lib.go"]]


def test_a_workspace_is_one_group_of_modules():
    from golint_startup.go.callgraph import graph as callgraph

    _clear_module_caches()
    root = os.path.join(SL004, "workspace")
    files = ["app/main.go", "lib/config/config.go", "methodcalls/main.go"]
    abspaths = {f: os.path.join(root, f) if not f.startswith("methodcalls") else os.path.join(SL004, f)
                for f in files}
    groups = callgraph.module_groups({f: {} for f in files}, abspaths)
    assert [sorted(group) for group in groups] == [["app/main.go", "lib/config/config.go"], ["methodcalls/main.go"]]


def test_summary_facts_leave_the_events_out():
    file = gofile.parse("boot.go", b"package boot\n\nfunc Start() { Prepare() }\n\nfunc Prepare() {}\n")
    rule = all_rules()["SL004"]
    facts = rule.collect(file, rule.default_options())
    assert facts.complete is False
    assert [(f.key, f.events) for f in facts.functions] == [("Start", None), ("Prepare", None)]


@pytest.mark.parametrize("everywhere", [False, True])
def test_no_load_in_the_module_builds_no_graph(monkeypatch, tmp_path, everywhere):
    (tmp_path / "go.mod").write_text("module example.com/quiet\n")
    (tmp_path / "main.go").write_text("package main\n\nfunc main() { run() }\n\nfunc run() {}\n")
    if everywhere:
        _events_everywhere(monkeypatch)
    monkeypatch.setattr("golint_startup.go.callgraph.graph.ModuleGraph", lambda *args: pytest.fail("built the graph"))
    _clear_module_caches()
    assert _run(str(tmp_path), ["./..."]).findings == []


@pytest.mark.parametrize("name", ["cobra", "cobrasplit"])
def test_startup_path_agrees_with_the_entry_point(name):
    """A cobra command's RunE is reached from main through Execute, in SL004's message and in
    the startup model's path alike (SL003 asks for the model)."""
    directory = os.path.join(SL004, name)
    settings = build_settings(config_path=None, select=("SL004", "SL003"), cwd=directory)
    findings = [f for f in run(["./..."], settings, cwd=directory).findings if "from main.main" in f.message]
    assert findings
    for finding in findings:
        names = [step.message for step in finding.startup_path]
        assert names[:2] == ["main", "cmd.Execute"]
        # SL004 spells a literal "func literal at line n", the model "func literal (line n)".
        spelled = " -> ".join(names).replace("func literal (line ", "func literal at line ").replace(")", "")
        assert f"from main.main: {spelled}; " in finding.message


# --- the file a load reads decides whether it is reported ---------------------------

def test_which_file_a_load_reads_is_found_and_sized():
    from fixtures import check_fixture

    problems = check_fixture(os.path.join(TESTDATA, "sl004-sized"))
    assert not problems, "\n".join(problems)


def _viper_program(root, main_body: str, more: str = "") -> None:
    """A module whose main.go imports viper, runs `main_body` in main, and declares `more`."""
    go_module(root, {"main.go": f'package main\n\nimport "github.com/spf13/viper"\n\nfunc main() {{\n{main_body}}}\n{more}'})


def _yaml_config(path, size):
    """A YAML config of `size` bytes, as bench/configload shapes it: many small settings."""
    entry = "route00000: {upstream: backend.internal, timeout: 30s}\n"
    path.write_text(entry * (size // len(entry)))


@pytest.mark.parametrize("kib, reported", [(200, False), (300, True)])
def test_a_load_is_reported_from_8_MiB_allocated_by_default(tmp_path, kib, reported):
    """About 30 bytes per byte of YAML: 270 KB of it is the default threshold's."""
    _viper_program(tmp_path, '\tviper.SetConfigFile("config.yaml")\n\t_ = viper.ReadInConfig()\n')
    _yaml_config(tmp_path / "config.yaml", kib * 1024)
    _clear_module_caches()
    default = all_rules()["SL004"].default_options()["min-load-bytes"]
    findings = _run(str(tmp_path), ["./..."], min_load_bytes=default).findings
    assert [f"config.yaml: {kib} KB of YAML" in f.message for f in findings] == ([True] if reported else [])


def test_every_load_with_min_load_bytes_0_says_the_size_it_knows(tmp_path):
    _viper_program(tmp_path, '\tviper.SetConfigFile("small.json")\n\t_ = viper.ReadInConfig()\n',
                   '\nfunc init() {\n\t_ = viper.New().ReadInConfig()\n}\n')
    (tmp_path / "small.json").write_text('{"addr": ":8080"}\n')
    _clear_module_caches()
    messages = sorted(f.message for f in _run(str(tmp_path), ["./..."]).findings)
    assert messages[0].startswith("(*viper.Viper).ReadInConfig loads configuration while the Go runtime")
    assert messages[1].startswith("viper.ReadInConfig loads configuration (small.json: 18 bytes of JSON, "
                                  "about 144 bytes allocated while loading) while")


def test_a_warm_run_sizes_the_file_again_without_parsing(tmp_path, monkeypatch):
    """Where a load's file is named is cached with the Go file; the file's size is read on
    every run, so a config that grew past the threshold is reported on a warm run."""
    from golint_startup.engine import cache

    tree = tmp_path / "tree"
    _viper_program(tree, '\tviper.SetConfigName("routes")\n\tviper.AddConfigPath(".")\n\t_ = viper.ReadInConfig()\n')
    _yaml_config(tree / "routes.yaml", 100 * 1024)
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    monkeypatch.delenv("CI", raising=False)

    def lint():
        settings = build_settings(config_path=None, select=("SL004",), cwd=str(tree))
        options = {**settings.options, "SL004": {**settings.options["SL004"], "min-load-bytes": 4 << 20}}
        settings = replace(settings, startup=replace(settings.startup, programs="all"), options=options)
        result_cache = cache.ResultCache.open(settings.fingerprint(), str(tree))
        return run(["./..."], settings, cwd=str(tree), cache=result_cache).findings

    _clear_module_caches()
    assert lint() == []  # 100 KB of YAML: about 3 MB
    parsed = []
    real_parse = gofile.parse
    monkeypatch.setattr(gofile, "parse", lambda path, source: parsed.append(path) or real_parse(path, source))
    _yaml_config(tree / "routes.yaml", 200 * 1024)
    (finding,) = lint()
    assert "routes.yaml: 200 KB of YAML, about 5.9 MB allocated" in finding.message
    assert lint() == [finding] and parsed == []
