"""`--baseline FILE`: only findings absent from an earlier SARIF or JSON result are reported."""

from __future__ import annotations

import json

import pytest

from lintrun import ZAP_MAIN, ZAP_RULE, as_service, assert_no_traceback, cli, go_module, run_main, write

TWO_LOGGERS = as_service("""\
package main

import "go.uber.org/zap"

func main() {
	dev, _ := zap.NewDevelopment()
	debug := zap.Must(zap.NewDevelopment())
	_, _ = dev, debug
}
""")


def _baseline(root, fmt: str) -> str:
    done = cli(*ZAP_RULE, "--format", fmt, "--output", f"../baseline.{fmt}", cwd=str(root))
    assert done.code == 1, done.err
    return str(root.parent / f"baseline.{fmt}")


def _reported(root, baseline: str, *args: str) -> tuple[int, list[tuple[str, int, str]]]:
    done = cli(*ZAP_RULE, "--format", "json", "--baseline", baseline, *args, cwd=str(root))
    assert_no_traceback(done)
    return done.code, [(f["path"], f["line"], f["rule"]) for f in json.loads(done.out)]


@pytest.fixture(params=["json", "sarif"])
def fmt(request) -> str:
    return request.param


@pytest.fixture
def module(tmp_path):
    root = tmp_path / "repo"
    go_module(root, {"main.go": TWO_LOGGERS, "cmd/tool/tool.go": ZAP_MAIN})
    return root


def test_unchanged_code_reports_nothing(module, fmt):
    baseline = _baseline(module, fmt)
    assert _reported(module, baseline) == (0, [])


def test_shifted_lines_do_not_bring_findings_back(module, fmt):
    baseline = _baseline(module, fmt)
    source = TWO_LOGGERS.replace("package main\n", "// Package main runs the service.\n//\n// It logs.\npackage main\n")
    write(module, "main.go", source)
    assert _reported(module, baseline) == (0, [])


def test_editing_the_code_after_a_finding_does_not_bring_it_back(module, fmt):
    baseline = _baseline(module, fmt)
    # The fingerprints of lines 6 and 7 cover the next 100 non-blank characters: they change.
    write(module, "main.go", TWO_LOGGERS.replace("\t_, _ = dev, debug\n", "\tdev.Info(\"started\")\n"
                                                                           "\t_ = debug\n"))
    assert _reported(module, baseline) == (0, [])


def test_new_finding_is_reported_and_old_ones_are_not(module, fmt):
    baseline = _baseline(module, fmt)
    source = TWO_LOGGERS.replace("func main() {", "func setup() {\n\tzap.NewDevelopment()\n}\n\nfunc main() {")
    write(module, "main.go", source)
    assert _reported(module, baseline) == (1, [("main.go", 6, "SL005")])
    # Appended after the old findings, so their fingerprints change too.
    write(module, "main.go", TWO_LOGGERS + "\nfunc extra() {\n\tzap.NewDevelopment()\n}\n")
    assert _reported(module, baseline) == (1, [("main.go", 13, "SL005")])


def test_same_code_in_another_file_is_new(module, fmt):
    baseline = _baseline(module, fmt)
    write(module, "cmd/other/other.go", ZAP_MAIN)  # identical lines, identical fingerprints
    assert _reported(module, baseline) == (1, [("cmd/other/other.go", 6, "SL005")])


def test_a_fingerprint_matches_at_most_as_often_as_it_is_in_the_baseline(module):
    one_line = TWO_LOGGERS.replace("\tdev, _ := zap.NewDevelopment()\n\tdebug := zap.Must(zap.NewDevelopment())\n",
                                   "\tdev, _ := zap.NewDevelopment(); debug := zap.Must(zap.NewDevelopment())\n")
    write(module, "main.go", one_line)  # two SL005 findings on one line: one fingerprint, twice
    baseline = _baseline(module, "json")
    entries = json.load(open(baseline))
    on_line = [e for e in entries if e["path"] == "main.go"]
    assert len(on_line) == 2 and on_line[0]["fingerprint"] == on_line[1]["fingerprint"]
    entries.remove(on_line[1])  # an older run that saw that line's finding once
    with open(baseline, "w") as handle:
        json.dump(entries, handle)
    code, reported = _reported(module, baseline)
    assert (code, reported) == (1, [("main.go", 6, "SL005")])


def test_matching_needs_the_same_rule(module):
    baseline = _baseline(module, "json")
    entries = json.load(open(baseline))
    for entry in entries:
        if entry["path"] == "cmd/tool/tool.go":
            entry["rule"] = "SL007"
    with open(baseline, "w") as handle:
        json.dump(entries, handle)
    assert _reported(module, baseline) == (1, [("cmd/tool/tool.go", 6, "SL005")])


def test_sarif_baseline_with_an_escaped_path(tmp_path):
    root = tmp_path / "repo"
    go_module(root, {"my service/main.go": ZAP_MAIN})
    baseline = _baseline(root, "sarif")
    assert "my%20service/main.go" in open(baseline).read()
    assert _reported(root, baseline) == (0, [])


def test_suppressed_entries_are_not_part_of_the_baseline(tmp_path, fmt):
    root = tmp_path / "repo"
    suppressed = ZAP_MAIN.replace("\tlogger, _ := zap.NewDevelopment()",
                                  "\tlogger, _ := zap.NewDevelopment() //startup-lint:ignore SL005 a demo")
    go_module(root, {"main.go": suppressed})
    done = cli(*ZAP_RULE, "--format", fmt, "--include-suppressed", "--output", f"../baseline.{fmt}", cwd=str(root))
    assert done.code == 0
    write(root, "main.go", suppressed.replace(" //startup-lint:ignore SL005 a demo", ""))
    assert _reported(root, str(tmp_path / f"baseline.{fmt}")) == (1, [("main.go", 6, "SL005")])


def test_baseline_written_by_the_json_format_round_trips_with_select(module):
    baseline = _baseline(module, "json")
    assert _reported(module, baseline, "--select", "SL005") == (0, [])


@pytest.mark.parametrize("content,message", [
    (None, "cannot read baseline"),
    ("not json at all", "baseline is not JSON"),
    ('{"version": "2.1.0"}', "not a baseline"),
    ('[{"rule": "SL005"}]', "baseline entry not understood"),
    ('{"runs": [{"results": [{"ruleId": "SL005"}]}]}', "baseline entry not understood"),
    ('{"runs": [{"results": [{"ruleId": "SL005", "locations": []}]}]}', "baseline entry not understood"),
    ("42", "not a baseline"),
], ids=["missing", "not-json", "object", "json-entry", "sarif-entry", "sarif-no-location", "number"])
def test_bad_baseline_is_a_one_line_error(module, content, message):
    path = module.parent / "bad-baseline.json"
    if content is not None:
        path.write_text(content)
    done = cli("--baseline", str(path), cwd=str(module))
    assert done.code == 2
    assert_no_traceback(done)
    assert len(done.err_lines) == 1, done.err
    assert done.err_lines[0].startswith(f"startup-lint: error: {path}: {message}")
    assert done.out == ""


def test_bad_baseline_is_reported_before_the_run(module, monkeypatch, capsys):
    from golint_startup import cli as cli_module

    def must_not_run(*args, **kwargs):
        raise AssertionError("the run started before the baseline was read")

    monkeypatch.chdir(module)
    monkeypatch.setattr(cli_module, "run", must_not_run)
    code, out, err = run_main(monkeypatch, capsys, "--baseline", "missing.sarif")
    assert (code, out) == (2, "")
    assert err == "startup-lint: error: missing.sarif: cannot read baseline: No such file or directory\n"
