"""The startup model: its fixtures (testdata/startup), the path findings carry in every
format, the scope option and the config keys that extend the model."""

from __future__ import annotations

import json
import os

import pytest

from fixtures import check_fixture
from golint_startup.engine.config import ConfigError, build_settings
from golint_startup.engine.runner import run
from golint_startup.go import gofile, startup
from golint_startup.go.callgraph import facts as callfacts
from golint_startup.go.callgraph.facts import complete_program_facts, program_facts
from lintrun import TESTDATA, cli, github_problems, go_module, schema_errors, write

STARTUP = os.path.join(TESTDATA, "startup")
CASES = sorted(os.listdir(STARTUP))


@pytest.mark.parametrize("name", CASES)
def test_fixture(name):
    problems = check_fixture(os.path.join(STARTUP, name))
    assert not problems, "\n".join(problems)


def _findings(directory: str):
    settings = build_settings(config_path=os.path.join(directory, ".startup-lint.toml"), cwd=directory)
    return run(["./..."], settings, cwd=directory).findings


def _path_of(findings, path: str, line: int) -> list[str]:
    (finding,) = [f for f in findings if (f.path, f.location.line) == (path, line)]
    return [step.message for step in finding.startup_path]


def test_paths_are_shortest_from_a_root():
    findings = _findings(os.path.join(STARTUP, "frameworks"))
    assert _path_of(findings, "cmd/cobra/main.go", 35) == ["main", "run", "running"]
    # cobra runs its initializers where it runs the commands, not in the init that registers them
    assert _path_of(findings, "cmd/cobra/main.go", 43) == ["main", "initConfig", "configuring"]
    assert _path_of(findings, "cmd/cli/main.go", 44) == ["main", "syncCommand", "syncHelper"]
    assert _path_of(findings, "cmd/clivar/main.go", 27) == ["main", "serve", "serving"]
    assert _path_of(findings, "cmd/clivar/main.go", 35) == ["main", "syncAll", "syncing"]
    assert _path_of(findings, "cmd/wire/main.go", 16) == ["main", "initializeApp", "NewApp", "routes"]
    assert _path_of(findings, "cmd/kong/main.go", 25) == ["main", "ServeCmd.Run", "serving"]
    roots = _findings(os.path.join(STARTUP, "roots"))
    assert _path_of(roots, "main.go", 47) == ["var table", "func literal (line 9)", "fromLiteral"]
    assert _path_of(roots, "lib/lib.go", 36) == ["main", "lib.Used", "lib.usedByMain"]


def test_a_path_past_a_guard_runs_through_the_call_that_gives_the_parameter_a_value():
    findings = _findings(os.path.join(STARTUP, "guards"))
    # `twice("")` comes first; `twice(os.Args[0])` is the call after which its check runs.
    assert _path_of(findings, "main.go", 67) == ["main", "twice", "checkTwice"]
    (finding,) = [f for f in findings if f.location.line == 67]
    assert [step.line for step in finding.startup_path] == [282, 287, 62]


_GUARDED_COMMANDS = """\
package main

import (
	"net/http"
	"os"

	"github.com/spf13/cobra"
)

var root = &cobra.Command{Use: "app"}

var listCmd = &cobra.Command{Use: "list", RunE: list}

var serveCmd = &cobra.Command{Use: "serve", RunE: serve}

func init() { root.AddCommand(listCmd, serveCmd) }

func main() { _ = root.Execute() }

func getClient(model string) {
	if model != "" {
		checkModel(os.Args)
	}
}

func list(cmd *cobra.Command, args []string) error {
	getClient(%s)
	return nil
}

func serve(cmd *cobra.Command, args []string) error {
	getClient(%s)
	return http.ListenAndServe(":8080", nil)
}

func checkModel(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
"""


@pytest.mark.parametrize("listed, served, reported", [
    ("args[0]", '""', False),
    ('""', 'os.Getenv("MODEL")', True),
])
def test_what_a_command_that_does_not_serve_passes_opens_no_guard_of_the_one_that_does(tmp_path, listed, served,
                                                                                        reported):
    """`list` names a model and exits; the daemon, `serve`, asks for the default client."""
    go_module(tmp_path, {"main.go": _GUARDED_COMMANDS % (listed, served)})
    write(tmp_path, ".startup-lint.toml", 'select = ["SL003"]\n\n[rules.SL003]\nsources = "any"\n')
    assert bool(_findings(str(tmp_path))) == reported


_GUARDED_CASES = """\
package main

import (
	"net/http"
	"os"

	"gopkg.in/alecthomas/kingpin.v2"
)

var (
	app      = kingpin.New("tool", "")
	serveCmd = app.Command("serve", "")
	listCmd  = app.Command("list", "")
)

func getClient(model string) {
	if model != "" {
		checkModel(os.Args)
	}
}

func checkModel(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func main() {
	switch kingpin.MustParse(app.Parse(os.Args[1:])) {
	%s
	}
}
"""
_SERVE_CASE = """case serveCmd.FullCommand():
		getClient("")
		_ = http.ListenAndServe(":8080", nil)"""
_LIST_CASE = """case listCmd.FullCommand():
		getClient(os.Args[1])"""


@pytest.mark.parametrize("cases", [(_SERVE_CASE, _LIST_CASE), (_LIST_CASE, _SERVE_CASE)])
def test_a_case_of_a_command_that_does_not_serve_opens_no_guard_whatever_its_order(tmp_path, cases):
    go_module(tmp_path, {"main.go": _GUARDED_CASES % "\n\t".join(cases)})
    write(tmp_path, ".startup-lint.toml", 'select = ["SL003"]\n\n[rules.SL003]\nsources = "any"\n')
    assert _findings(str(tmp_path)) == []


def test_programs_all_counts_the_startup_of_programs_that_never_serve(tmp_path):
    directory = os.path.join(STARTUP, "serving")
    served = _findings(directory)
    assert _path_of(served, "cmd/daemon/main.go", 67) == ["main", "serve", "shared"]
    assert _path_of(served, "cmd/daemon/main.go", 51) == ["main", "prepare", "preparing"]
    config = tmp_path / "all.toml"
    config.write_text('select = ["SL003"]\n[startup]\nprograms = "all"\n[rules.SL003]\nsources = "any"\n')
    every = run(["./..."], build_settings(config_path=str(config), cwd=directory), cwd=directory).findings
    # The list command's and the batch tool's work too; the whole model reaches `shared`
    # through `list` first, the serving path goes through serve.
    assert _path_of(every, "cmd/daemon/main.go", 59) == ["main", "list", "listing"]
    assert _path_of(every, "cmd/batch/main.go", 27) == ["main", "converted"]
    assert _path_of(every, "cmd/daemon/main.go", 67) == ["main", "list", "shared"]
    assert _path_of(every, "batchflags/flags.go", 12) == ["batchflags.init", "batchflags.describe"]
    assert _path_of(every, "cmd/subcommands/main.go", 59) == ["main", "commands", "login", "tokens"]
    assert _path_of(every, "cmd/interrupt/main.go", 33) == ["main", "run", "download"]
    assert _path_of(every, "cmd/fetch/main.go", 22) == ["main", "listed"]
    assert _path_of(every, "cmd/portprobe/main.go", 40) == ["main", "forwarded"]
    assert _path_of(every, "cmd/portcheck/main.go", 30) == ["main", "collected"]
    assert _path_of(every, "cmd/crsignals/main.go", 24) == ["main", "described"]
    assert _path_of(every, "cmd/worker/main.go", 20) == ["main", "queues"]
    assert _path_of(every, "cmd/gotool/main.go", 61) == ["main", "runUpdate", "releases"]
    # kingpin's commands in the cases of a switch over the one parsed: only `serve` serves,
    # and the constructor called beside its run in that case is its setup
    assert _path_of(every, "cmd/kingpin/main.go", 79) == ["main", "newCatter", "cat"]
    assert _path_of(served, "cmd/kingpin/main.go", 71) == ["main", "newServer", "routes"]
    # a case's command runs through an interface of two implementations: neither case decides
    assert _path_of(every, "cmd/kingpincases/main.go", 144) == ["main", "newTask", "steps"]
    assert _path_of(every, "cmd/kingpincases/main.go", 159) == ["main", "newDump", "lines"]
    # a login waiting for its callback on the loopback address; a value passed by a command
    assert _path_of(every, "cmd/kingpincases/main.go", 73) == ["main", "scopes"]
    assert _path_of(every, "cmd/kingpincases/main.go", 82) == ["main", "listed"]
    # what follows a serving call is shutdown: in the enclosing case, and the cases of a
    # switch after a serving call outside any case
    assert not [f for f in every if (f.path, f.location.line) == ("cmd/kingpincases/main.go", 182)]
    assert not [f for f in every if f.path == "cmd/kingpinafter/main.go"]
    # a call through an interface of its own named like no serving call serves nothing
    assert _path_of(every, "cmd/libiface-none/main.go", 27) == ["main", "configured"]
    # a call through an interface runs no namesake whose type lacks the interface's methods
    assert _path_of(every, "cmd/verifier/main.go", 20) == ["main", "configured"]
    # nor any of a package the program does not import
    assert _path_of(every, "cmd/replay/main.go", 25) == ["main", "archive.Run", "replay.Start", "configured"]
    # a server on the loopback address, which no probe reaches (an OAuth callback)
    assert _path_of(every, "cmd/loopback/main.go", 29) == ["main", "collected"]
    assert len(every) == len(served) + 22


def test_serving_calls_come_from_the_config(tmp_path):
    grow = "func grown(in []string) []string {\n\tvar out []string\n\tfor _, x := range in {\n" \
           "\t\tout = append(out, x)\n\t}\n\treturn out\n}\n"
    go_module(tmp_path, {"main.go": "package main\n\nimport \"example.com/loop\"\n\n"
                                    "func main() {\n\tgrown(nil)\n\tloop.Forever()\n}\n\n" + grow})
    config = 'select = ["SL003"]\n[rules.SL003]\nsources = "any"\n'
    write(tmp_path, ".startup-lint.toml", config)
    settings = build_settings(config_path=str(tmp_path / ".startup-lint.toml"), cwd=str(tmp_path))
    assert run(["./..."], settings, cwd=str(tmp_path)).findings == []
    write(tmp_path, ".startup-lint.toml", config + '[startup]\nserving = ["example.com/loop.Forever"]\n')
    settings = build_settings(config_path=str(tmp_path / ".startup-lint.toml"), cwd=str(tmp_path))
    assert [f.location.line for f in run(["./..."], settings, cwd=str(tmp_path)).findings] == [11]


def test_function_values_run_where_they_are_called():
    stored = _findings(os.path.join(STARTUP, "stored-values"))
    assert _path_of(stored, "main.go", 119) == ["main", "validateAtStartup"]
    assert _path_of(stored, "main.go", 125) == ["main", "func literal (line 68)", "validateLiteral"]
    routes = _findings(os.path.join(STARTUP, "route-helpers"))
    assert _path_of(routes, "main.go", 75) == ["main", "api.Warm", "decodeWarm"]
    closures = _findings(os.path.join(STARTUP, "returned-closures"))
    assert _path_of(closures, "main.go", 48) == ["main", "func literal (line 19)", "lookup"]
    assert _path_of(closures, "main.go", 55) == ["main", "func literal (line 23)", "scan"]
    options = _findings(os.path.join(STARTUP, "options"))
    assert _path_of(options, "main.go", 98) == ["main", "func literal (line 19)", "parse"]
    # a function an option keeps runs where the field holding it is called
    assert _path_of(options, "main.go", 79) == ["main", "app.start", "func literal (line 76)"]
    assert _path_of(options, "main.go", 86) == ["main", "app.start", "runDirectly"]
    assert _path_of(options, "runner/runner.go", 14) == ["main", "server.Server.Start", "func literal (line 11)"]
    seams = _findings(os.path.join(STARTUP, "var-values"))
    assert _path_of(seams, "main.go", 33) == ["main", "purge"]
    assert _path_of(seams, "main.go", 45) == ["main", "notifyByHook"]
    assert _path_of(seams, "lists.go", 50) == ["main", "runSteps", "migrate"]
    slots = _findings(os.path.join(STARTUP, "slots"))
    assert _path_of(slots, "migrate/migrate.go", 70) == [
        "main", "migrate.Run", "migrate.migration.Migrate", "migrate.updateCount", "migrate.updateTagCount"]
    assert _path_of(slots, "migrate/migrate.go", 76) == ["main", "migrate.Run", "migrate.addIndex"]
    assert _path_of(slots, "plugins/plugins.go", 25) == ["main", "hooks.RunAll", "plugins.decodeRegistered"]
    assert _path_of(slots, "plugins/plugins.go", 55) == ["main", "hooks.Build", "plugins.decodeConverted"]
    assert _path_of(slots, "store/store.go", 35) == ["main", "store.Store.CopyAll", "store.Account.Copy"]


def test_a_main_per_platform_is_shown_in_the_file_of_its_call():
    (finding,) = _findings(os.path.join(STARTUP, "variants"))
    root, call = finding.startup_path
    assert (root.path, root.line, call.path, call.line) == ("main.go", 6, "main.go", 7)


def test_each_step_is_a_call_site_and_the_root_its_name():
    findings = _findings(os.path.join(STARTUP, "roots"))
    (finding,) = [f for f in findings if f.location.line == 23 and f.path == "main.go"]
    root, call = finding.startup_path
    assert (root.path, root.line, root.col, root.message) == ("main.go", 17, 6, "main")
    assert (call.path, call.line, call.col, call.message) == ("main.go", 18, 2, "fromMain")


def test_text_and_json_show_the_path_in_one_line():
    done = cli("--no-cache", "./...", cwd=os.path.join(STARTUP, "frameworks"))
    assert "main.go:35:2: note: SL003" in done.out
    assert "\n    runs at startup: main → run → running\n" in done.out
    done = cli("--no-cache", "--format", "json", "./...", cwd=os.path.join(STARTUP, "frameworks"))
    (item,) = [i for i in json.loads(done.out) if i["path"] == "cmd/cobra/main.go" and i["line"] == 35]
    assert item["startup"] == "runs at startup: main → run → running"
    assert [step["function"] for step in item["startup_path"]] == ["main", "run", "running"]


def _any_loop_config(tmp_path) -> str:
    """SL003 on loops over any values (its default is input only), to probe the startup model
    of programs that never serve (every path from a root)."""
    path = tmp_path / "sl003-any.toml"
    path.write_text('[startup]\nprograms = "all"\n\n[rules.SL003]\nsources = "any"\n')
    return str(path)


def test_long_paths_are_cut_in_the_middle(tmp_path):
    chain = "".join(f"func f{i}(in []string) []string {{ return f{i + 1}(in) }}\n\n" for i in range(9))
    go_module(tmp_path, {"main.go": "package main\n\nfunc main() { f0(nil) }\n\n" + chain +
                         "func f9(in []string) []string {\n\tvar out []string\n\tfor _, x := range in {\n"
                         "\t\tout = append(out, x)\n\t}\n\treturn out\n}\n"})
    settings = build_settings(config_path=_any_loop_config(tmp_path), select=("SL003",), cwd=str(tmp_path), search=False)
    (finding,) = run(["./..."], settings, cwd=str(tmp_path)).findings
    assert len(finding.startup_path) == 11
    assert finding.startup_line() == "runs at startup: main → f0 → f1 → … → f7 → f8 → f9"


def test_sarif_carries_the_path_as_a_code_flow():
    done = cli("--no-cache", "--format", "sarif", "./...", cwd=os.path.join(STARTUP, "frameworks"))
    log = json.loads(done.out)
    assert schema_errors(log) == [] and github_problems(log) == []
    results = log["runs"][0]["results"]
    (result,) = [r for r in results
                 if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("cmd/cobra/main.go")
                 and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 35]
    (flow,) = result["codeFlows"]
    (thread,) = flow["threadFlows"]
    steps = [(step["location"]["message"]["text"], step["location"]["physicalLocation"]["region"]["startLine"])
             for step in thread["locations"]]
    # From the root (main at its name) through each call site to the finding itself: cobra
    # runs `RunE: run` where main executes the command.
    assert [name for name, _ in steps[:-1]] == ["main", "run", "running"]
    assert [line for _, line in steps] == [16, 17, 22, 35]
    assert steps[-1][0] == result["message"]["text"]
    assert all(r.get("codeFlows") for r in results)


def test_scope_all_restores_every_function(tmp_path):
    source = ("package lib\n\nfunc Grow(in []string) []string {\n\tvar out []string\n\tfor _, x := range in {\n"
              "\t\tout = append(out, x)\n\t}\n\treturn out\n}\n")
    go_module(tmp_path, {"lib/lib.go": source})
    settings = build_settings(config_path=None, select=("SL003",), cwd=str(tmp_path), search=False)
    assert run(["./..."], settings, cwd=str(tmp_path)).findings == []
    write(tmp_path, ".startup-lint.toml", 'select = ["SL003"]\n[rules.SL003]\nscope = "all"\nsources = "any"\n')
    settings = build_settings(config_path=str(tmp_path / ".startup-lint.toml"), cwd=str(tmp_path))
    (finding,) = run(["./..."], settings, cwd=str(tmp_path)).findings
    assert finding.startup_path == ()


@pytest.mark.parametrize("config, message", [
    ('[rules.SL003]\nscope = "some"\n', "'rules.SL003.scope' must be one of 'startup', 'all'"),
    ('[startup]\nedges = ["cobra"]\n', "'startup.edges': 'cobra' is not"),
    ('[startup]\nedges = ["example.com/cli.Parse->Execute"]\n', "'startup.edges': 'example.com/cli.Parse->Execute' is not"),
    ('[startup]\nedges = ["example.com/cli.Parse()->"]\n', "'startup.edges': 'example.com/cli.Parse\\(\\)->' is not"),
    ('[startup]\nfollow-goroutines = "yes"\n', "'startup.follow-goroutines' must be true or false"),
    ('[startup]\nprograms = "cli"\n', "'startup.programs' must be \"services\" or \"all\""),
    ('[startup]\nserving = ["Listen"]\n', "'startup.serving': 'Listen' is not"),
    ('[startup]\nroots = []\n', "unknown key 'startup.roots'"),
    ('test-dirs = "test"\n', "'test-dirs' must be a list of strings"),
])
def test_bad_startup_config_is_an_error(tmp_path, config, message):
    path = write(tmp_path, ".startup-lint.toml", config)
    with pytest.raises(ConfigError, match=message):
        build_settings(config_path=path, cwd=str(tmp_path))


def test_config_extends_the_tables_and_changes_the_cache_key(tmp_path):
    path = write(tmp_path, ".startup-lint.toml",
                 '[startup]\nedges = ["example.com/app/jobs.Spec.Run"]\nhandlers = ["example.com/app/web.Route"]\n')
    settings = build_settings(config_path=path, cwd=str(tmp_path))
    assert "example.com/app/jobs.Spec.Run" in settings.startup.edges
    assert set(startup.STARTUP_EDGES) <= set(settings.startup.edges)
    assert "example.com/app/web.Route" in settings.startup.handlers
    assert settings.fingerprint() != build_settings(config_path=None, cwd=str(tmp_path), search=False).fingerprint()


def test_configured_handler_and_edge(tmp_path):
    grow = ("func {name}(in []string) []string {{\n\tvar out []string\n\tfor _, x := range in {{\n"
            "\t\tout = append(out, x)\n\t}}\n\treturn out\n}}\n\n")
    go_module(tmp_path, {"main.go": "package main\n\nimport \"example.com/app/web\"\n\n"
                         "type Job struct{ Run func() }\n\n"
                         "func main() {\n\tweb.Route(\"/\", page)\n\t_ = Job{Run: job}\n}\n\n"
                         "func page() { paged(nil) }\n\nfunc job() { jobbed(nil) }\n\n" +
                         grow.format(name="paged") + grow.format(name="jobbed"),
                         # Route calls h (as a router's test hook might): by default an edge.
                         "web/web.go": "package web\n\nfunc Route(pattern string, h func()) { h() }\n"})
    settings = build_settings(config_path=_any_loop_config(tmp_path), select=("SL003",), cwd=str(tmp_path), search=False)
    assert [f.startup_path[-1].message for f in run(["./..."], settings, cwd=str(tmp_path)).findings] == ["paged"]
    write(tmp_path, ".startup-lint.toml", 'select = ["SL003"]\n[startup]\nprograms = "all"\n'
                                          'edges = ["example.com/app.Job.Run"]\n'
                                          'handlers = ["example.com/app/web.Route"]\n[rules.SL003]\nsources = "any"\n')
    settings = build_settings(config_path=str(tmp_path / ".startup-lint.toml"), cwd=str(tmp_path))
    assert [f.startup_path[-1].message for f in run(["./..."], settings, cwd=str(tmp_path)).findings] == ["jobbed"]


def test_contexts_of_function_values():
    source = (b"package main\n\nimport \"github.com/spf13/cobra\"\n\nfunc main() {\n\tgo serve()\n"
              b"\tc := &cobra.Command{RunE: run}\n\tmux.HandleFunc(\"/\", auth(h))\n\t_ = c\n}\n")
    facts = complete_program_facts(gofile.parse("main.go", source))
    by_line = {(c.span.line, c.span.col): c for c in facts.contexts}
    assert by_line[(6, 5)].go
    assert by_line[(7, 28)].field == "RunE" and by_line[(7, 28)].type.name == "Command"
    assert [getattr(t, "name", None) for t in by_line[(8, 27)].callees] == ["auth", "HandleFunc"]
    assert {e.key for e in facts.extents} == {"main"}


def test_the_bodies_of_receive_loops_are_not_startup_code():
    _, complete, abspaths = _program(os.path.join(STARTUP, "receives"))
    reached = {fid[1] for fid in startup.build(complete, abspaths).reached}
    # each loop's body calls its own function: one left in would be reached
    assert not {name for name in reached if name.startswith("on")}
    assert {"perItem", "unknownSource", "boundedWait", "drain"} <= reached


def test_contexts_of_receive_loops():
    source = (b"package main\n\nfunc main() {\n\tch := make(chan int)\n\tfor v := range ch {\n\t\ta(v)\n\t}\n"
              b"\tfor v := range s.C {\n\t\tb(v)\n\t}\n\tfor {\n\t\tselect {\n\t\tcase <-d:\n\t\t\tc()\n\t\t}\n\t}\n}\n")
    facts = complete_program_facts(gofile.parse("main.go", source))
    by_line = {c.span.line: c.receives for c in facts.contexts}
    assert by_line == {6: (callfacts.RECEIVES,), 9: (callfacts.MethodTarget(callfacts.TypeRef("v", "", "s"), ("C",), ""),),
                       14: (callfacts.RECEIVES,)}


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _program(directory: str):
    """(summaries, complete facts, abspaths) of the non-test Go files under `directory`."""
    summaries, complete, abspaths = {}, {}, {}
    for root, _, names in os.walk(directory):
        for name in sorted(names):
            if name.endswith(".go") and not name.endswith("_test.go"):
                abspath = os.path.join(root, name)
                display = os.path.relpath(abspath, directory).replace(os.sep, "/")
                parsed = gofile.parse(display, _read(abspath))
                summaries[display], complete[display] = program_facts(parsed), complete_program_facts(parsed)
                abspaths[display] = abspath
    return summaries, complete, abspaths


@pytest.mark.parametrize("name", CASES)
def test_the_model_from_summaries_finds_the_paths_of_the_whole_model(name):
    summaries, complete, abspaths = _program(os.path.join(STARTUP, name))
    whole = startup.build(complete, abspaths)
    locations = [(display, extent.span.line, extent.span.col) for display, program in complete.items()
                 for extent in program.extents]
    computed = []

    def compute(display):
        computed.append(display)
        return complete[display]

    lazy = startup.build_for(summaries, abspaths, locations, lambda display: _read(abspaths[display]), compute)
    for location in locations:
        fid = whole.function_at(*location)
        assert lazy.function_at(*location) == fid
        assert (fid in lazy.reached) == (fid in whole.reached), location
        if fid in whole.reached:
            assert [(f.id, site) for f, site in lazy.path_to(fid)] == [(f.id, site) for f, site in whole.path_to(fid)]
        # Serving paths: the search forward from the functions asked about (go.serving.Forward)
        # answers as the search back from every serving call over complete facts does.
        assert (fid in lazy.serving) == (fid in whole.serving), location
        if fid in whole.serving:
            assert [(f.id, site) for f, site in lazy.path_to(fid, serving_only=True)] == \
                [(f.id, site) for f, site in whole.path_to(fid, serving_only=True)]


def test_whether_a_main_serves_is_searched_forward_from_it():
    # iface's main serves through server/: the files of the other programs are never completed.
    summaries, complete, abspaths = _program(os.path.join(STARTUP, "serving"))
    computed = []
    compute = lambda display: computed.append(display) or complete[display]  # noqa: E731
    (configured,) = [extent for extent in complete["cmd/iface/main.go"].extents if extent.key == "configured"]
    model = startup.build_for(summaries, abspaths, [("cmd/iface/main.go", configured.span.line, configured.span.col)],
                              lambda display: _read(abspaths[display]), compute)
    assert model.function_at("cmd/iface/main.go", configured.span.line, configured.span.col) in model.serving
    assert sorted(computed) == ["cmd/iface/main.go", "server/server.go"]


def test_the_model_completes_only_files_a_path_to_a_finding_may_run_through():
    summaries, complete, abspaths = _program(os.path.join(STARTUP, "roots"))
    computed = []

    def compute(display):
        computed.append(display)
        return complete[display]

    (first,) = [extent for extent in complete["main.go"].extents if extent.key == "main"]
    # Every path from a root: whether main serves is asked (and searched) otherwise.
    startup.build_for(summaries, abspaths, [("main.go", first.span.line, first.span.col)],
                      lambda display: _read(abspaths[display]), compute, startup.Options(programs="all"))
    assert computed == ["main.go"]  # main has no callers: nothing else is searched


def test_a_runner_entry_names_the_methods_its_call_runs():
    assert startup.parse_entry("example.com/cli.App.Start()->Serve") == ("example.com/cli", ("App", "Start"), True)
    tables = startup._Tables(startup.Options(edges=("example.com/cli.App.Start()->Serve", "example.com/cli.Parse()",
                                                    "example.com/kit.Ctx.Run()")))
    assert tables.runners == {("example.com/cli", "Start"): "Serve", ("example.com/cli", "Parse"): "Parse",
                              ("example.com/kit", "Run"): "Run"}


@pytest.mark.parametrize("entry, parsed", [
    ("gopkg.in/macaron.v1.Get", ("gopkg.in/macaron.v1", ("Get",), False)),
    ("gopkg.in/yaml.v3.Decoder.Decode()", ("gopkg.in/yaml.v3", ("Decoder", "Decode"), True)),
    ("example.com/app.v1", ("example.com/app", ("v1",), False)),
])
def test_a_version_suffix_belongs_to_the_path(entry, parsed):
    assert startup.parse_entry(entry) == parsed


def test_completion_follows_only_startup_edges_and_imports(tmp_path):
    # setup only registers the handler that reaches the finding: main.go, which calls setup,
    # need not be completed. other/ does not import lib, so its `.Check` call cannot be lib's.
    files = {
        "go.mod": "module example.com/app\n",
        "main.go": "package main\n\nfunc main() { setup() }\n",
        "setup.go": 'package main\n\nimport "net/http"\n\nfunc setup() { http.HandleFunc("/", handle) }\n',
        "handlers.go": 'package main\n\nimport (\n\t"net/http"\n\t"example.com/app/lib"\n)\n\n'
                       "func handle(w http.ResponseWriter, r *http.Request) { lib.T{}.Check() }\n",
        "lib/lib.go": "package lib\n\ntype T struct{}\n\nfunc (T) Check() {}\n",
        "other/other.go": "package other\n\ntype U struct{}\n\nfunc (U) Check() {}\n\nfunc Use() { U{}.Check() }\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    summaries, complete, abspaths = _program(str(tmp_path))
    computed = []

    def compute(display):
        computed.append(display)
        return complete[display]

    (check,) = [extent for extent in complete["lib/lib.go"].extents if extent.key == "T.Check"]
    model = startup.build_for(summaries, abspaths, [("lib/lib.go", check.span.line, check.span.col)],
                              lambda display: _read(abspaths[display]), compute, startup.Options(programs="all"))
    assert sorted(computed) == ["handlers.go", "lib/lib.go", "setup.go"]
    assert model.function_at("lib/lib.go", check.span.line, check.span.col) not in model.reached


def test_one_once_guarded_by_copies_of_a_literal_is_one_finding_dropped_when_a_copy_runs_at_startup(tmp_path):
    """SL002 reports the copies of one literal before each use of a lazy global once, the
    others related; when one of them runs at startup the Once fires then, and nothing is lazy."""
    body = ('package main\n\nimport (\n\t"net/http"\n\t"os"\n\t"sync"\n)\n\nvar (\n\tonce sync.Once\n\tdata []byte\n)\n\n'
            'func main() {\n\tMAIN\n\thttp.HandleFunc("/a", a)\n\thttp.HandleFunc("/b", b)\n}\n\n'
            'func a(w http.ResponseWriter, r *http.Request) {\n\tonce.Do(func() { data, _ = os.ReadFile("d") })\n}\n\n'
            'func b(w http.ResponseWriter, r *http.Request) {\n\tonce.Do(func() { data, _ = os.ReadFile("d") })\n}\n\n'
            'func warm() {\n\tonce.Do(func() { data, _ = os.ReadFile("d") })\n}\n')
    (tmp_path / "go.mod").write_text("module example.com/svc\n")
    (tmp_path / "d").write_bytes(b"x" * (1 << 20))  # SL002's min-work-bytes
    settings = build_settings(config_path=None, select=("SL002",), cwd=str(tmp_path), search=False)
    (tmp_path / "main.go").write_text(body.replace("MAIN", "_ = 0"))
    (finding,) = run(["./..."], settings, cwd=str(tmp_path)).findings
    assert finding.location.line == 21
    assert [(r.line, r.message) for r in finding.related] == [(25, "also calls once.Do"), (29, "also calls once.Do")]
    (tmp_path / "main.go").write_text(body.replace("MAIN", "warm()"))
    assert run(["./..."], settings, cwd=str(tmp_path)).findings == []


@pytest.mark.parametrize("padding, reported", [(0, True), (callfacts.OPAQUE_GENERATED_BYTES, False)])
def test_a_large_generated_file_calls_no_module_code(tmp_path, padding, reported):
    """A generated file over OPAQUE_GENERATED_BYTES (protobuf messages) is taken to call
    nothing: the model neither reads its calls nor parses it again; a small one (Wire's
    injectors) is followed like any other."""
    go_module(tmp_path, {
        "main.go": 'package main\n\nimport (\n\t"net/http"\n\t"example.com/app/gen"\n)\n\n'
                   'func main() {\n\tgen.Register()\n\t_ = http.ListenAndServe(":8080", nil)\n}\n',
        "gen/gen.go": "// Code generated by protoc-gen-go. DO NOT EDIT.\n\npackage gen\n\n"
                      'import "example.com/app/lib"\n\nfunc Register() { lib.Grow(nil) }\n\n'
                      + "// padding\n" * (padding // 11 + 1),
        "lib/lib.go": "package lib\n\nfunc Grow(in []string) []string {\n\tvar out []string\n"
                      "\tfor _, x := range in {\n\t\tout = append(out, x)\n\t}\n\treturn out\n}\n",
    })
    write(tmp_path, ".startup-lint.toml", 'select = ["SL003"]\n[rules.SL003]\nsources = "any"\n')
    findings = _findings(str(tmp_path))
    assert [(f.path, f.location.line) for f in findings] == ([("lib/lib.go", 4)] if reported else [])


def test_the_built_in_tables_hold_no_malformed_entry():
    """An entry the parser cannot read (a dotted last path element, a stray space) would be
    left out in silence: the tables are checked as a config file's entries are."""
    from golint_startup.go import library

    for table in ("HANDLER_REGISTRATIONS", "SERVING_CALLS", "STARTUP_EDGES", "SIGNAL_WAITS"):
        assert startup.malformed(getattr(library, table)) == [], table


def test_programs_all_reports_the_initialization_that_only_tools_run(tmp_path):
    """SL001 leaves out the packages only a command-line tool imports (testdata/sl001/programs);
    `[startup] programs = "all"` brings them back."""
    directory = os.path.join(TESTDATA, "sl001", "programs")
    config = write(tmp_path, "all.toml", 'select = ["SL001"]\n\n[startup]\nprograms = "all"\n')

    def paths(config_path):
        settings = build_settings(config_path=config_path, cwd=directory, search=config_path is None)
        return {f.path for f in run(["./..."], settings, cwd=directory).findings}

    assert "themes/themes.go" not in paths(None)
    assert "themes/themes.go" in paths(config)


def test_a_tool_whose_calls_go_eighteen_files_deep_is_told_apart_from_a_server(tmp_path):
    """The search forward from a main completes one file a round here, each calling the next:
    18 rounds prove it never serves (go-ethereum's keeper and nuts-node's `network list`
    needed 13 to 24), where a search cut short would take it to serve."""
    depth = 18
    files = {"go.mod": "module example.com/tool\n",
             "main.go": 'package main\n\nimport "example.com/tool/p0"\n\nfunc main() {\n\twork()\n\tp0.F()\n}\n\n'
                        "func work() {}\n"}
    for level in range(depth):
        call = (f'import "example.com/tool/p{level + 1}"\n\nfunc F() {{ p{level + 1}.F() }}\n' if level + 1 < depth
                else "func F() {}\n")
        files[f"p{level}/f.go"] = f"package p{level}\n\n{call}"
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    summaries, complete, abspaths = _program(str(tmp_path))
    (work,) = [extent for extent in complete["main.go"].extents if extent.key == "work"]
    model = startup.build_for(summaries, abspaths, [("main.go", work.span.line, work.span.col)],
                              lambda display: _read(abspaths[display]), lambda display: complete[display])
    fid = model.function_at("main.go", work.span.line, work.span.col)
    assert fid in model.reached and fid not in model.serving
