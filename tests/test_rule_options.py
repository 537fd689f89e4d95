"""Rule options that a fixture directory's single config cannot show both ways."""

import os
import textwrap

from golint_startup.engine.config import build_settings
from golint_startup.engine.runner import run

COUNTING_LOOP = textwrap.dedent("""\
    package p

    func squares(n int) []int {
    	var out []int
    	for i := 0; i < n; i++ {
    		out = append(out, i*i)
    	}
    	return out
    }

    // A root, so that squares runs at startup (SL003 reports startup code by default).
    var table = squares(8)
    """)


def _sl003_findings(tmp_path, config: str):
    (tmp_path / "p.go").write_text(COUNTING_LOOP)
    # The loop runs over a parameter: SL003 reports it with sources = "any" only.
    (tmp_path / ".startup-lint.toml").write_text('[rules.SL003]\nsources = "any"\n' + config)
    settings = build_settings(config_path=None, select=("SL003",), cwd=str(tmp_path))
    return run(["./..."], settings, cwd=str(tmp_path)).findings


def test_sl003_counts_three_clause_loops_by_default(tmp_path):
    findings = _sl003_findings(tmp_path, "")
    assert [(f.rule_id, f.location.line) for f in findings] == [("SL003", 4)]
    assert "make([]int, 0, n)" in findings[0].message


def test_sl003_reports_loops_over_parameters_only_with_sources_any(tmp_path):
    (tmp_path / "p.go").write_text(COUNTING_LOOP)
    settings = build_settings(config_path=None, select=("SL003",), cwd=str(tmp_path))
    assert run(["./..."], settings, cwd=str(tmp_path)).findings == []


def test_sl003_for_loops_option_turns_them_off(tmp_path):
    assert _sl003_findings(tmp_path, "for-loops = false\n") == []


def test_sl002_sees_the_rest_of_the_package_when_one_file_is_named(tmp_path):
    """pre-commit names only the changed file; the Once's function lives in another file."""
    (tmp_path / "go.mod").write_text("module example.com/lazy\n")
    (tmp_path / "a.go").write_text(textwrap.dedent("""\
        package lazy

        import "sync"

        var once sync.Once

        func Get() []byte {
        	once.Do(setup)
        	return cfg
        }
        """))
    (tmp_path / "b.go").write_text('package lazy\n\nimport "os"\n\nvar cfg []byte\n\nfunc setup() { cfg = load() }\n\n'
                                   'func load() []byte { b, _ := os.ReadFile("cfg"); return b }\n')
    (tmp_path / "cfg").write_bytes(b"x" * (1 << 20))  # the default min-work-bytes: reported
    settings = build_settings(config_path=None, select=("SL002",), cwd=str(tmp_path))
    findings = run(["a.go"], settings, cwd=str(tmp_path)).findings
    assert [(f.rule_id, f.path, f.location.line) for f in findings] == [("SL002", "a.go", 8)]


def test_sl005_never_reports_in_test_files_even_with_tests(tmp_path):
    (tmp_path / "go.mod").write_text("module example.com/svc\n")
    (tmp_path / "log_test.go").write_text(
        'package svc\n\nimport "go.uber.org/zap"\n\nfunc logger() { zap.NewDevelopment() }\n')
    (tmp_path / "util_test.go").write_text(
        'package svc\n\nimport "runtime/debug"\n\nfunc off() { debug.SetGCPercent(-1) }\n')
    settings = build_settings(config_path=None, select=("SL005", "SL007"), tests=True, cwd=str(tmp_path))
    findings = run(["./..."], settings, cwd=str(tmp_path)).findings
    assert [(f.rule_id, f.path) for f in findings] == [("SL007", "util_test.go")], "--tests reached the files"


def _compiling_package(count: int) -> str:
    patterns = "\n".join(f"\tpattern{i} = regexp.MustCompile(`^item{i}-[a-z]+$`)" for i in range(count))
    return f'package p\n\nimport "regexp"\n\nvar (\n{patterns}\n)\n'


def test_sl001_min_compiles_defaults_to_two_hundred(tmp_path):
    # immudb's 99 patterns (1.5 ms and 1.1 MB, measured by hand) were not worth a change.
    settings = build_settings(config_path=None, select=("SL001",), cwd=str(tmp_path))
    (tmp_path / "p.go").write_text(_compiling_package(199))
    assert run(["./..."], settings, cwd=str(tmp_path)).findings == []
    (tmp_path / "p.go").write_text(_compiling_package(200))
    (finding,) = run(["./..."], settings, cwd=str(tmp_path)).findings
    assert "compiles 200 regular expressions" in finding.message and "min-compiles is 200" in finding.message


def test_sl001_min_embedded_bytes_defaults_to_256_kb(tmp_path):
    # avalanchego's 69 KB validators.json (2.1 ms and 0.86 MB, measured by hand) was not worth a change.
    settings = build_settings(config_path=None, select=("SL001",), cwd=str(tmp_path))
    (tmp_path / "p.go").write_text('package p\n\nimport (\n\t_ "embed"\n\t"encoding/json"\n)\n\n'
                                   '//go:embed data.json\nvar data []byte\n\nvar decoded any\n\n'
                                   'func init() { _ = json.Unmarshal(data, &decoded) }\n')
    (tmp_path / "data.json").write_text('"' + "x" * (256 * 1024 - 3) + '"')
    assert run(["./..."], settings, cwd=str(tmp_path)).findings == []
    (tmp_path / "data.json").write_text('"' + "x" * (256 * 1024 - 2) + '"')
    (finding,) = run(["./..."], settings, cwd=str(tmp_path)).findings
    assert "decodes 256 KB of embedded data.json" in finding.message


def test_sl002_reports_what_the_tree_sizes_at_or_above_min_work_bytes():
    from fixtures import TESTDATA, check_fixture

    problems = check_fixture(os.path.join(TESTDATA, "sl002-sized"))
    assert not problems, "\n".join(problems)
