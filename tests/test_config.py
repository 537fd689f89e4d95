"""`.startup-lint.toml`: where it is found, what it may say, and the errors that name the culprit."""

from __future__ import annotations

import json
import os

import pytest

from lintrun import CLEAN_MAIN, GC_OFF, ZAP_MAIN, ZAP_RULE, assert_no_traceback, cli, go_module, write

DEV_ONLY = "//go:build local\n\n" + ZAP_MAIN
DEBUG_ONLY = "//go:build debug\n\n" + ZAP_MAIN.replace("func main", "func debugMain")


def _findings(root, *args: str, cwd: str | None = None) -> list[tuple[str, str, str]]:
    done = cli("--format", "json", *args, cwd=cwd or str(root))
    assert done.code in (0, 1), done.err
    return [(item["path"], item["rule"], item["level"]) for item in json.loads(done.out)]


@pytest.mark.parametrize("toml,message", [
    ('colour = "blue"\n', "unknown key 'colour'"),
    ("[rules.SL999]\nlevel = \"error\"\n", "unknown rule 'rules.SL999'"),
    ("[rules.SL005]\ndev-tag = [\"x\"]\n", "unknown key 'rules.SL005.dev-tag'"),
    ("[rules.SL005]\ndev-tags = \"dev\"\n", "'rules.SL005.dev-tags' must be a list of strings"),
    ("[rules.SL005]\nlevel = \"fatal\"\n", "'rules.SL005.level' must be one of note, warning, error"),
    ('select = ["SL005", "SL999"]\n', "'select': unknown rule 'SL999'"),
    ('extend-select = ["SL999"]\n', "'extend-select': unknown rule 'SL999'"),
    ('ignore = "SL005"\n', "'ignore' must be a list of strings"),
    ('tests = "yes"\n', "'tests' must be true or false"),
    ('exclude = [1]\n', "'exclude' must be a list of strings"),
    ("rules = 1\n", "'rules' must be a table of rule tables"),
    ("[rules]\nSL005 = 1\n", "'rules.SL005' must be a table"),
    ("select = [\n", "invalid TOML"),
    ("[rules.SL001]\nmin-make-elements = 65536\n", "'rules.SL001.min-make-elements' is now 'min-make-bytes': fewest bytes"),
])
def test_config_errors_name_the_key_and_the_file(tmp_path, toml, message):
    root = go_module(tmp_path, {"main.go": ZAP_MAIN, ".startup-lint.toml": toml})
    config = os.path.join(root, ".startup-lint.toml")
    done = cli(*ZAP_RULE, cwd=root)
    assert done.code == 2
    assert_no_traceback(done)
    assert len(done.err_lines) == 1, done.err
    assert done.err_lines[0].startswith(f"startup-lint: error: {config}: {message}")
    assert done.out == ""


def test_config_is_found_upward_from_the_current_directory(tmp_path):
    root = go_module(tmp_path, {"cmd/app/main.go": ZAP_MAIN, ".startup-lint.toml": 'extend-select = ["SL005"]\n'})
    assert _findings(root, cwd=os.path.join(root, "cmd", "app")) == [("main.go", "SL005", "warning")]
    assert _findings(root, cwd=os.path.join(root, "cmd")) == [("app/main.go", "SL005", "warning")]


def test_explicit_config_wins_over_the_found_one(tmp_path):
    root = go_module(tmp_path, {"main.go": ZAP_MAIN,
                                ".startup-lint.toml": 'extend-select = ["SL005"]\nignore = ["SL005"]\n'})
    other = write(tmp_path, "ci/strict.toml", 'extend-select = ["SL005"]\n[rules.SL005]\nlevel = "error"\n')
    assert _findings(root) == []
    assert _findings(root, "--config", other) == [("main.go", "SL005", "error")]


def test_level_override(tmp_path):
    root = go_module(tmp_path, {"main.go": ZAP_MAIN,
                                ".startup-lint.toml": 'extend-select = ["SL005"]\n[rules.SL005]\nlevel = "error"\n'})
    assert _findings(root) == [("main.go", "SL005", "error")]
    sarif = json.loads(cli("--format", "sarif", cwd=root).out)
    (result,) = sarif["runs"][0]["results"]
    assert result["level"] == "error"
    assert cli("--fail-level", "error", cwd=root).code == 1


def test_rule_tables_by_name(tmp_path):
    root = go_module(tmp_path, {"main.go": ZAP_MAIN,
                                ".startup-lint.toml": 'extend-select = ["zap-development-mode"]\n'
                                                      '[rules.zap-development-mode]\nlevel = "error"\n'})
    assert _findings(root) == [("main.go", "SL005", "error")]


def test_per_rule_options(tmp_path):
    root = go_module(tmp_path, {"main.go": CLEAN_MAIN, "local.go": DEV_ONLY, "debug.go": DEBUG_ONLY,
                                "Makefile": "debug:\n\tgo build -tags local,debug ./...\n"})
    # Default dev-tags are dev, debug, development: the `local` file is checked, the debug one is not.
    assert _findings(root, *ZAP_RULE) == [("local.go", "SL005", "warning")]
    write(root, ".startup-lint.toml", '[rules.SL005]\ndev-tags = ["local"]\n')
    assert _findings(root, *ZAP_RULE) == [("debug.go", "SL005", "warning")]


def test_a_file_no_build_sets_the_tags_of_is_not_linted(tmp_path, monkeypatch):
    monkeypatch.delenv("GOFLAGS", raising=False)
    root = go_module(tmp_path, {"main.go": CLEAN_MAIN, "local.go": DEV_ONLY})
    assert _findings(root, *ZAP_RULE) == [], "go build leaves local.go out: it is in no program"
    assert _findings(root, *ZAP_RULE, "--tags", "local") == [("local.go", "SL005", "warning")]
    monkeypatch.setenv("GOFLAGS", "-mod=mod -tags=netgo,local")
    assert _findings(root, *ZAP_RULE) == [("local.go", "SL005", "warning")]
    monkeypatch.delenv("GOFLAGS")
    for build_file, line in [("Makefile", "GO_TAGS ?= local"), ("build/Dockerfile", "RUN go build -tags=local ."),
                             ("scripts/build.sh", "go build -tags 'netgo local' ./cmd/app"),
                             (".goreleaser.yaml", "    tags: [local]")]:
        write(root, build_file, line + "\n")
        assert _findings(root, *ZAP_RULE) == [("local.go", "SL005", "warning")], build_file
        os.remove(os.path.join(root, build_file))
    write(root, "Makefile", "build:\n\tgo build -o bin/app ./...\n")
    assert _findings(root, *ZAP_RULE) == [], "a Makefile that sets no tags"
    write(root, "linux_only.go", "//go:build linux && !purego\n\n" + ZAP_MAIN.replace("func main", "func linuxMain"))
    assert _findings(root, *ZAP_RULE) == [("linux_only.go", "SL005", "warning")], "platform tags are any build's"


def test_select_ignore_and_tests_from_config(tmp_path):
    root = go_module(tmp_path, {"main.go": ZAP_MAIN, "gc.go": GC_OFF, "gc_test.go": GC_OFF})
    write(root, ".startup-lint.toml", 'select = ["gc-disabled-not-restored"]\ntests = true\n')
    assert _findings(root) == [("gc.go", "SL007", "error"), ("gc_test.go", "SL007", "error")]
    assert _findings(root, "--select", "SL005") == [("main.go", "SL005", "warning")], "the command line wins"
    assert _findings(root, "--no-tests") == [("gc.go", "SL007", "error")]
    write(root, ".startup-lint.toml", 'extend-select = ["SL005"]\nignore = ["SL007"]\n')
    assert _findings(root) == [("main.go", "SL005", "warning")]


LAZY = ('package lazy\n\nimport (\n\t"os"\n\t"sync"\n)\n\nvar (\n\tonce sync.Once\n\tcfg  []byte\n)\n\n'
        'func Get() []byte {\n\tonce.Do(func() {\n\t\tcfg = load()\n\t})\n\treturn cfg\n}\n\n'
        'func load() []byte { b, _ := os.ReadFile("cfg"); return b }\n')


def test_a_rule_off_by_default_runs_when_extend_select_names_it(tmp_path):
    root = go_module(tmp_path, {"main.go": ZAP_MAIN, "lazy/lazy.go": LAZY})
    write(root, "cfg", "x" * (1 << 20))  # what LAZY reads, at SL002's min-work-bytes
    assert _findings(root) == [], "SL002 and SL005 are off by default"
    lazy = [("lazy/lazy.go", "SL002", "warning")]
    assert _findings(root, "--extend-select", "once-lazy-global") == lazy
    assert _findings(root, "--extend-select", "once-lazy-global,SL005") == lazy + [("main.go", "SL005", "warning")]
    write(root, ".startup-lint.toml", 'extend-select = ["SL002"]\n')
    assert _findings(root) == lazy
    assert _findings(root, "--select", "SL005") == [("main.go", "SL005", "warning")], \
        "--select on the command line runs those rules only"
    write(root, ".startup-lint.toml", 'select = ["SL007"]\nextend-select = ["SL002"]\n')
    assert _findings(root) == [("lazy/lazy.go", "SL002", "warning")], "extend-select adds to select"
    write(root, ".startup-lint.toml", 'extend-select = ["SL005", "SL006"]\n')
    assert _findings(root) == [("main.go", "SL005", "warning")], "a rule behind --escape still needs it"


def test_extend_select_of_an_opt_in_rule_without_its_flag_is_a_usage_error(tmp_path):
    root = go_module(tmp_path, {"main.go": ZAP_MAIN})
    done = cli(*ZAP_RULE, "--extend-select", "SL006", cwd=root)
    assert (done.code, done.err_lines) == (2, ["startup-lint: error: --extend-select SL006: SL006 runs only with --escape"])


def test_exclude_globs(tmp_path):
    root = go_module(tmp_path, {
        "main.go": ZAP_MAIN,
        "internal/legacy/old.go": ZAP_MAIN,
        "internal/legacy/deeper/older.go": ZAP_MAIN,
        "internal/api/api_gen.go": ZAP_MAIN,
        "internal/api/api.go": ZAP_MAIN,
        ".startup-lint.toml": 'extend-select = ["SL005"]\nexclude = ["internal/legacy", "*_gen.go"]\n',
    })
    expected = [("internal/api/api.go", "SL005", "warning"), ("main.go", "SL005", "warning")]
    assert _findings(root) == expected
    # Globs are relative to the config file, wherever the run starts.
    assert _findings(root, "./...", cwd=os.path.join(root, "internal")) == [("api/api.go", "SL005", "warning")]
    # exclude holds for files named on the command line too (the pre-commit hook names them).
    assert _findings(root, "internal/legacy/old.go", "main.go") == [("main.go", "SL005", "warning")]
