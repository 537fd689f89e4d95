"""The command line as users meet it: exit codes, formats, options, errors."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys

import pytest

from golint_startup import __version__
from golint_startup.rule import HELP_SECTIONS, all_rules
from lintrun import (CLEAN_MAIN, as_service, GC_OFF, ZAP_MAIN, ZAP_MAIN_LINE, ZAP_RULE, assert_no_traceback, cli, go_module, run_main,
                     write)

STALE_DIRECTIVE = """\
package main

func helper() {
	//startup-lint:ignore SL005 there used to be a development logger here
	_ = 1
}
"""


@pytest.fixture
def clean(tmp_path):
    return go_module(tmp_path, {"main.go": CLEAN_MAIN})


@pytest.fixture
def warning(tmp_path):
    return go_module(tmp_path, {"main.go": ZAP_MAIN})


# Exit codes.

def test_no_findings_exit_0(clean):
    done = cli(cwd=clean)
    assert (done.code, done.out) == (0, "")
    assert done.err_lines[-1] == "0 findings in 1 file"


def test_findings_exit_1(warning):
    done = cli(*ZAP_RULE, cwd=warning)
    assert done.code == 1
    assert done.out.startswith(f"main.go:{ZAP_MAIN_LINE}:15: warning: SL005 zap.NewDevelopment() ")
    assert done.err_lines[-1] == "1 finding (1 warning) in 1 file"


@pytest.mark.parametrize("files,fail_level,code", [
    ({"main.go": ZAP_MAIN}, "error", 0),
    ({"main.go": ZAP_MAIN}, "warning", 1),
    ({"main.go": ZAP_MAIN}, "note", 1),
    ({"gc.go": GC_OFF}, "error", 1),
    ({"stale.go": STALE_DIRECTIVE}, "warning", 0),
    ({"stale.go": STALE_DIRECTIVE}, "note", 1),
])
def test_fail_level(tmp_path, files, fail_level, code):
    go_module(tmp_path, files)
    done = cli(*ZAP_RULE, "--fail-level", fail_level, cwd=str(tmp_path))
    assert done.code == code, done.err
    assert done.out, "findings below the fail level are still reported"


@pytest.mark.parametrize("args,message", [
    (["--format", "xml"], "Invalid value for '--format'"),
    (["--bogus"], "No such option"),
    (["-j", "0"], "Invalid value for '-j' / '--jobs'"),
    (["--fail-level", "fatal"], "Invalid value for '--fail-level'"),
    (["nothere/..."], "startup-lint: error: pattern nothere/...: directory"),
    (["missing.go"], "startup-lint: error: pattern missing.go: no such file or directory"),
    (["go.mod"], "startup-lint: error: pattern go.mod: not a .go or YAML file or a directory"),
    (["--select", "SL999"], "startup-lint: error: --select: unknown rule 'SL999'"),
    (["--ignore", "no-such-rule"], "startup-lint: error: --ignore: unknown rule 'no-such-rule'"),
    (["--explain", "SL999"], "startup-lint: error: --explain: unknown rule 'SL999'"),
    (["--output", "/nonexistent-dir/report.txt"], "startup-lint: error: cannot write /nonexistent-dir/report.txt"),
    (["--config", "missing.toml"], "startup-lint: error: missing.toml: cannot read config"),
])
def test_usage_errors_exit_2_with_a_clear_message(clean, args, message):
    done = cli(*args, cwd=clean)
    assert done.code == 2
    assert_no_traceback(done)
    assert message in done.err
    assert done.out == ""


def test_internal_error_is_one_line_without_debug(clean, monkeypatch, capsys):
    from golint_startup import cli as cli_module

    def broken(*args, **kwargs):
        raise RuntimeError("the engine broke")

    monkeypatch.chdir(clean)
    monkeypatch.setattr(cli_module, "run", broken)
    code, out, err = run_main(monkeypatch, capsys)
    assert code == 2 and out == ""
    assert err == "startup-lint: internal error: RuntimeError: the engine broke (rerun with --debug for details)\n"
    code, out, err = run_main(monkeypatch, capsys, "--debug")
    assert code == 2
    assert "Traceback (most recent call last)" in err and "RuntimeError: the engine broke" in err


# Formats and output.

def _two_files(root) -> str:
    return go_module(root, {
        "b.go": ZAP_MAIN,
        "a.go": GC_OFF,
        "pkg/c.go": ZAP_MAIN.replace("package main", "package pkg").replace("func main", "func Start"),
        "a_more.go": ZAP_MAIN.replace("func main", "func other").replace(
            "\tdefer logger.Sync()", "\tdefer logger.Sync()\n\t_, _ = zap.NewDevelopment()"),
    })


def test_text_format_sorted_by_path_then_position(tmp_path):
    root = _two_files(tmp_path)
    done = cli(*ZAP_RULE, cwd=root)
    assert done.code == 1
    locations = [re.match(r"^([^:]+):(\d+):(\d+): (note|warning|error): (SL\d{3}) .* \(([a-z-]+)\)$", line).groups()
                 for line in done.out.splitlines() if not line.startswith("    runs at startup: ")]
    assert [(path, int(line), level, rule) for path, line, _, level, rule, _ in locations] == [
        ("a.go", 6, "error", "SL007"), ("a_more.go", 6, "warning", "SL005"), ("a_more.go", 8, "warning", "SL005"),
        ("b.go", 6, "warning", "SL005"), ("pkg/c.go", 6, "warning", "SL005")]
    assert {name for *_, name in locations} == {"gc-disabled-not-restored", "zap-development-mode"}
    assert done.err_lines[-1] == "5 findings (1 error, 4 warning) in 4 files"


def test_text_paths_are_relative_to_the_current_directory(tmp_path):
    root = _two_files(tmp_path)
    done = cli(*ZAP_RULE, "./pkg/...", cwd=root)
    assert done.out.startswith("pkg/c.go:6:")
    done = cli(*ZAP_RULE, "../...", cwd=os.path.join(root, "pkg"))
    assert "\n../b.go:6:" in done.out and "\nc.go:6:" in done.out


def test_json_format(tmp_path):
    root = _two_files(tmp_path)
    items = json.loads(cli(*ZAP_RULE, "--format", "json", cwd=root).out)
    assert len(items) == 5
    first = items[0]
    assert set(first) == {"rule", "name", "level", "message", "path", "line", "column", "end_line", "end_column",
                          "fingerprint", "related"}
    assert (first["rule"], first["name"], first["level"], first["path"], first["line"], first["column"]) == \
        ("SL007", "gc-disabled-not-restored", "error", "a.go", 6, 2)
    assert first["end_line"] == 6 and first["end_column"] == len("\tdebug.SetGCPercent(-1)") + 1
    assert re.fullmatch(r"[0-9a-f]+:1", first["fingerprint"])


def test_github_format(tmp_path):
    root = _two_files(tmp_path)
    lines = cli(*ZAP_RULE, "--format", "github", cwd=root).out.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("::error file=a.go,line=6,col=2,endLine=6,endColumn=24,title=SL007::")
    assert lines[1].startswith("::warning file=a_more.go,line=6,col=15,")


def test_github_format_leaves_columns_out_of_multi_line_annotations(tmp_path):
    go_module(tmp_path, {"lazy.go": (
        'package lazy\n\nimport (\n\t"os"\n\t"sync"\n)\n\nvar (\n\tonce sync.Once\n\tcfg  []byte\n)\n\n'
        'func Get() []byte {\n\tonce.Do(func() {\n\t\tcfg = load()\n\t})\n\treturn cfg\n}\n\n'
        'func load() []byte { b, _ := os.ReadFile("cfg"); return b }\n')})
    (tmp_path / "cfg").write_bytes(b"x" * (1 << 20))  # SL002's min-work-bytes
    (line,) = cli("--format", "github", "--select", "SL002", cwd=str(tmp_path)).out.splitlines()
    assert line.startswith("::warning file=lazy.go,line=14,endLine=16,title=SL002::")


def test_github_format_escapes_properties(tmp_path):
    go_module(tmp_path, {"odd,name:1.go": ZAP_MAIN})
    (line,) = cli(*ZAP_RULE, "--format", "github", cwd=str(tmp_path)).out.splitlines()
    assert line.startswith("::warning file=odd%2Cname%3A1.go,line=6,")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_output_writes_the_report_to_a_file(tmp_path, fmt):
    root = _two_files(tmp_path / "repo")
    to_stdout = cli("--format", fmt, cwd=root)
    to_file = cli("--format", fmt, "--output", "../report.out", cwd=root)
    assert to_file.code == to_stdout.code == 1
    assert to_file.out == ""
    assert (tmp_path / "report.out").read_text(encoding="utf-8") == to_stdout.out
    assert sorted(os.listdir(tmp_path)) == ["repo", "report.out"], "no temporary file left behind"
    assert to_file.err_lines[-1] == to_stdout.err_lines[-1]


def test_output_replaces_an_existing_report(clean):
    write(clean, "report.sarif", "old")
    os.chmod(os.path.join(clean, "report.sarif"), 0o640)
    cli("--format", "sarif", "-o", "report.sarif", cwd=clean)
    report = os.path.join(clean, "report.sarif")
    assert json.load(open(report))["version"] == "2.1.0"
    assert os.stat(report).st_mode & 0o777 == 0o640


def test_output_into_a_fifo_keeps_the_fifo(warning):
    """As with /dev/null or /dev/stdout: written into, never renamed over."""
    import threading

    fifo = os.path.join(warning, "report.pipe")
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, encoding="utf-8").read()), daemon=True)
    reader.start()
    done = cli(*ZAP_RULE, "--output", fifo, cwd=warning)
    reader.join(timeout=60)
    assert done.code == 1, done.err
    assert received and received[0].startswith("main.go:6:15: warning: SL005")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_through_a_symlink_keeps_the_link(warning):
    os.makedirs(os.path.join(warning, "reports"))
    write(warning, "reports/latest.txt", "old")
    os.symlink("reports/latest.txt", os.path.join(warning, "report.txt"))
    cli(*ZAP_RULE, "--output", "report.txt", cwd=warning)
    assert os.path.islink(os.path.join(warning, "report.txt"))
    assert open(os.path.join(warning, "reports/latest.txt")).read().startswith("main.go:6:15: warning: SL005")


# Rule selection.

@pytest.mark.parametrize("args,rules", [
    ([], {"SL007"}),  # SL005 is off by default
    (["--extend-select", "SL005"], {"SL005", "SL007"}),
    (["--select", "SL005"], {"SL005"}),
    (["--select", "zap-development-mode,SL007"], {"SL005", "SL007"}),
    (["--select", "sl007"], {"SL007"}),
    (["--ignore", "SL005"], {"SL007"}),
    (["--ignore", "SL005", "--ignore", "gc-disabled-not-restored"], set()),
    (["--select", "SL005,SL007", "--ignore", "SL007"], {"SL005"}),
])
def test_select_and_ignore(tmp_path, args, rules):
    root = _two_files(tmp_path)
    items = json.loads(cli("--format", "json", *args, cwd=root).out)
    assert {item["rule"] for item in items} == rules


def test_sarif_lists_only_the_rules_that_ran(tmp_path):
    root = _two_files(tmp_path)
    log = json.loads(cli("--format", "sarif", "--select", "SL007", cwd=root).out)
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == ["SL007"]


def test_tests_flag_includes_test_files(tmp_path):
    go_module(tmp_path, {"main.go": CLEAN_MAIN, "gc_test.go": GC_OFF})
    assert cli(cwd=str(tmp_path)).code == 0
    done = cli("--tests", cwd=str(tmp_path))
    assert done.code == 1 and done.out.startswith("gc_test.go:6:2: error: SL007")
    assert cli("gc_test.go", cwd=str(tmp_path)).code == 0, "a named _test.go file still needs --tests"


@pytest.mark.parametrize("header, generated", [
    ("// Code generated by mockgen. DO NOT EDIT.\n\n", True),
    ("// Generated by tools/policy-gen. DO NOT EDIT.\n// Run \"make generate\" to update this file.\n\n", True),  # kuma's
    ("// This file is autogenerated; do not edit.\n\n", True),
    ("// Package main generates reports. Do not edit its output by hand.\n\n", False),
    ("// Generated code lives in gen/.\n\n", False),
])
def test_generated_files_are_skipped_unless_asked(tmp_path, header, generated):
    go_module(tmp_path, {"main.go": CLEAN_MAIN, "gen.go": header + GC_OFF})
    assert cli(cwd=str(tmp_path)).code == (0 if generated else 1)
    assert cli("--generated", cwd=str(tmp_path)).code == 1


# Information commands.

def test_list_rules_lists_the_catalog(clean):
    done = cli("--list-rules", cwd=clean)
    assert done.code == 0
    lines = done.out.splitlines()
    assert [line.split()[:3] for line in lines] == [[r.id, r.name, r.level] for r in all_rules().values()]


@pytest.mark.parametrize("token", ["SL005", "sl005", "zap-development-mode"])
def test_explain_prints_the_rule_help(clean, token):
    done = cli("--explain", token, cwd=clean)
    assert done.code == 0
    assert done.out.startswith("# SL005 zap-development-mode\n\nDefault level: warning\n")
    for section in HELP_SECTIONS:
        assert f"## {section}\n" in done.out


def test_every_rule_explains_itself(clean):
    for rule_id in all_rules():
        done = cli("--explain", rule_id, cwd=clean)
        assert done.code == 0 and done.out.startswith(f"# {rule_id} ")


def test_version(clean):
    done = cli("--version", cwd=clean)
    assert (done.code, done.out) == (0, f"startup-lint, version {__version__}\n")


def test_installed_command_and_module_agree(warning):
    script = os.path.join(os.path.dirname(sys.executable), "startup-lint")
    if not os.path.exists(script):
        pytest.skip("the startup-lint script is not installed next to this interpreter")
    installed = subprocess.run([script, "--no-cache", *ZAP_RULE], cwd=warning, capture_output=True, text=True)
    module = subprocess.run([sys.executable, "-m", "golint_startup", "--no-cache", *ZAP_RULE], cwd=warning,
                            capture_output=True, text=True)
    assert installed.returncode == module.returncode == 1
    assert installed.stdout == module.stdout and installed.stdout


def test_a_directory_may_be_named_like_a_command(tmp_path):
    go_module(tmp_path, {"version/main.go": ZAP_MAIN, "explain/main.go": CLEAN_MAIN})
    done = cli(*ZAP_RULE, "version", "explain", cwd=str(tmp_path))
    assert done.code == 1 and done.out.startswith("version/main.go:6:15: warning: SL005")


def test_default_pattern_is_the_whole_tree(tmp_path):
    go_module(tmp_path, {"cmd/app/main.go": ZAP_MAIN, "vendor/x/x.go": ZAP_MAIN, "testdata/t.go": ZAP_MAIN,
                         ".hidden/h.go": ZAP_MAIN, "_old/o.go": ZAP_MAIN})
    done = cli(*ZAP_RULE, cwd=str(tmp_path))
    assert [line.split(":")[0] for line in done.out.splitlines() if not line.startswith(" ")] == ["cmd/app/main.go"]
    assert cli(*ZAP_RULE, "testdata/t.go", cwd=str(tmp_path)).code == 1, "files named explicitly are always linted"


# Suppression directives (SL900) and --include-suppressed, end to end.

DIRECTIVES = as_service("""\
package main

import "go.uber.org/zap"

func main() {
	//startup-lint:ignore SL005 the CLI tool runs on developer machines only
	dev, _ := zap.NewDevelopment()
	//startup-lint:ignore SL005
	debug, _ := zap.NewDevelopmentConfig().Build()
	//startup-lint:ignore SL042 a rule that does not exist
	_, _ = dev, debug
	prod, _ := zap.NewProduction() //startup-lint:ignore SL005 nothing to suppress here
	_ = prod
}
""")


def test_sl900_reports_bad_and_stale_directives(tmp_path):
    go_module(tmp_path, {"main.go": DIRECTIVES})
    items = json.loads(cli(*ZAP_RULE, "--format", "json", cwd=str(tmp_path)).out)
    reported = [(item["line"], item["rule"], item["level"]) for item in items]
    assert reported == [(8, "SL900", "note"), (10, "SL900", "note"), (12, "SL900", "note")]
    messages = [item["message"] for item in items]
    assert "has no reason" in messages[0]
    assert "unknown rule SL042" in messages[1]
    assert "suppresses nothing" in messages[2]


def test_a_directive_without_a_reason_still_suppresses(tmp_path):
    go_module(tmp_path, {"main.go": DIRECTIVES})
    items = json.loads(cli("--format", "json", "--select", "SL005", cwd=str(tmp_path)).out)
    assert items == [], "both loggers are suppressed; SL900 did not run"


def test_include_suppressed_marks_suppressed_findings(tmp_path):
    go_module(tmp_path, {"main.go": DIRECTIVES})
    done = cli("--include-suppressed", "--select", "SL005", cwd=str(tmp_path))
    assert done.code == 0, "suppressed findings do not fail the run"
    findings = "\n".join(line for line in done.out.splitlines() if not line.startswith("    runs at startup: "))
    assert findings.splitlines() == [
        "main.go:7:12: warning: SL005 " + _message(findings, 0) +
        " (zap-development-mode) [suppressed: the CLI tool runs on developer machines only]",
        "main.go:9:14: warning: SL005 " + _message(findings, 1) + " (zap-development-mode) [suppressed: (no reason)]",
    ]
    assert done.err.splitlines()[-1] == "0 findings in 1 file; 2 suppressed"
    items = json.loads(cli("--format", "json", "--include-suppressed", "--select", "SL005",
                           cwd=str(tmp_path)).out)
    assert [item.get("suppressed") for item in items] == ["the CLI tool runs on developer machines only",
                                                          "(no reason)"]


def _message(text_output: str, index: int) -> str:
    return re.match(r"^\S+ \w+: SL\d{3} (.*) \(zap-development-mode\)", text_output.splitlines()[index]).group(1)


def test_file_ignore_suppresses_the_whole_file(tmp_path):
    source = "//startup-lint:file-ignore SL005 a developer tool\n\n" + ZAP_MAIN + \
        "\nfunc more() {\n\t_, _ = zap.NewDevelopment()\n}\n"
    go_module(tmp_path, {"tool.go": source})
    assert cli(*ZAP_RULE, cwd=str(tmp_path)).out == ""
    findings = [line for line in cli(*ZAP_RULE, "--include-suppressed", cwd=str(tmp_path)).out.splitlines()
                if not line.startswith("    runs at startup: ")]
    assert len(findings) == 2


# Nothing is written into the user's tree unless asked (--output).

def _snapshot(root: str) -> dict[str, tuple]:
    """Every file and directory below root with its type, size and modification time.

    A directory's mtime changes when an entry is created or removed in it, so a temporary
    file made and deleted during the run shows up too.
    """
    found = {}
    for directory, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(directory, name)
            info = os.lstat(path)
            found[os.path.relpath(path, root)] = (info.st_mode, info.st_size, info.st_mtime_ns)
    info = os.lstat(root)
    found["."] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return found


@pytest.mark.parametrize("args", [
    [],
    ["--no-cache"],
    ["--format", "sarif"],
    ["--format", "json", "--include-suppressed"],
    ["--format", "sarif", "--output", "../outside/report.sarif"],
    ["--jobs", "4", "--tests"],
    ["--clean-cache"],
], ids=["cache", "no-cache", "sarif", "json", "output-elsewhere", "jobs", "clean-cache"])
def test_nothing_is_written_into_the_tree(tmp_path, args):
    tree = str(tmp_path / "repo")
    _two_files(tree)
    write(tree, ".startup-lint.toml", "[rules.SL005]\nlevel = \"error\"\n")
    write(tree, "internal/gc_test.go", GC_OFF)
    os.makedirs(tmp_path / "outside")
    home = tmp_path / "home"
    # The default cache location, as on a developer machine (no override).
    env = {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "STARTUP_LINT_CACHE_DIR": ""}
    before = _snapshot(tree)
    for _ in range(2):  # a cold and a warm cache
        done = cli(*args, cwd=tree, env=env)
        assert done.code in (0, 1), done.err
    assert _snapshot(tree) == before
    if not args or args[0] in ("--jobs", "--format"):
        assert os.listdir(home / ".cache" / "startup-lint"), "the cache was used, outside the tree"


@pytest.mark.needs_go
def test_escape_analysis_writes_nothing_into_the_tree(tmp_path):
    import shutil

    if shutil.which("go") is None:
        pytest.skip("go is not on PATH")
    tree = go_module(tmp_path / "repo", {
        "main.go": "package main\n\ntype Config struct{ Port int }\n\nvar global *Config\n\n"
                   "func main() {\n\tglobal = &Config{Port: 8080}\n}\n"})
    before = _snapshot(tree)
    done = cli("--escape", cwd=tree, env={"GOTOOLCHAIN": "local"})
    assert done.code == 1 and "SL006" in done.out, done.err  # the compiler ran
    assert _snapshot(tree) == before
