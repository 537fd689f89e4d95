"""Bad input never crashes a run, never hides a finding elsewhere, and is named once.

Each problem file sits next to a good file with a finding: the finding must survive, the
problem file must appear exactly once as a notification (stderr and SARIF
`invocations[0].toolExecutionNotifications`), and the SARIF must stay schema-valid.
"""

from __future__ import annotations

import json
import os
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from golint_startup.engine.config import build_settings
from golint_startup.reporters import sarif
from golint_startup.engine.runner import run
from lintrun import (GC_OFF_LINE, TESTDATA, ZAP_MAIN, ZAP_RULE, ZAP_RULE_CONFIG, assert_no_traceback, cli, gc_off,
                     github_problems, go_module, notification_paths, run_main, schema_errors, write)

GOOD_LINE = GC_OFF_LINE

# Its DPanic call, after the logger's line, makes SL005 report the logger.
ZAP_AFTER_PROBLEM = "\nfunc logger() {\n\t_, _ = zap.NewDevelopment()\n\tzap.L().DPanic(\"unreachable\")\n}\n"


def _huge(lines: int = 120_000) -> bytes:
    body = [f"\tv{i} := {i}\n\t_ = v{i}\n" for i in range((lines - 9) // 2)]
    text = "package huge\n\nimport \"go.uber.org/zap\"\n\nfunc big() {\n\tzap.L().DPanic(\"huge\")\n" + "".join(body) + "}\n"
    text += "\nfunc last() {\n\t_, _ = zap.NewDevelopment()\n}\n"
    return text.encode()


def _count_lines(data: bytes) -> int:
    return data.count(b"\n")


# name -> (the problem files of the package, whether each is expected in the notifications,
# findings expected in those files as (file, line, rule)).
# The broken files hold zap development loggers (SL005, off by default): turned on by
# ZAP_RULE_CONFIG, their findings show that the file was read despite its problem.


def _cases() -> dict[str, tuple[dict[str, bytes | str], set[str], set[tuple[str, int, str]]]]:
    huge = _huge()
    return {
        "binary": ({"bad.go": b"\x7fELF\x02\x01\x01\x00\x00\x00package main\x00\x00\xff\xfe\x01"}, {"bad.go"}, set()),
        "invalid_utf8": ({"bad.go": b'package invalid_utf8\n\nimport "go.uber.org/zap"\n\nvar s = "caf\xe9 \xff\xfe"\n'
                                    + ZAP_AFTER_PROBLEM.encode()},
                         {"bad.go"}, {("bad.go", 8, "SL005")}),
        "empty": ({"bad.go": b""}, {"bad.go"}, set()),
        "huge": ({"bad.go": huge}, set(), {("bad.go", _count_lines(huge) - 1, "SL005")}),
        "crlf": ({"bad.go": ('package crlf\n\nimport "go.uber.org/zap"\n' + ZAP_AFTER_PROBLEM)
                  .replace("\n", "\r\n").encode()}, set(), {("bad.go", 6, "SL005")}),
        "bom": ({"bad.go": b"\xef\xbb\xbf" + ('package bom\n\nimport "go.uber.org/zap"\n'
                                               + ZAP_AFTER_PROBLEM).encode()}, set(), {("bad.go", 6, "SL005")}),
        # Go 1.26 new(expr) is valid Go: parsed, no notification.
        "go126": ({"new.go": 'package go126\n\nimport "go.uber.org/zap"\n\nfunc ptr() *int {\n\tp := new(42)\n'
                             '\treturn p\n}\n' + ZAP_AFTER_PROBLEM}, set(), {("new.go", 11, "SL005")}),
        "syntax": ({"bad.go": 'package syntax\n\nimport "go.uber.org/zap"\n\nfunc broken( {\n\tif x := ; {\n}\n'
                              + ZAP_AFTER_PROBLEM}, {"bad.go"}, {("bad.go", 10, "SL005")}),
        "no_package": ({"bad.go": "// just a comment, no package clause\n"}, {"bad.go"}, set()),
    }


def _symlink_cases(root: str) -> set[str]:
    """Symbolic links that cannot be read, and a directory loop; the problem files they make."""
    os.makedirs(os.path.join(root, "links"))
    write(root, "links/good.go", gc_off("links"))
    os.symlink("self.go", os.path.join(root, "links/self.go"))
    os.symlink("pong.go", os.path.join(root, "links/ping.go"))
    os.symlink("ping.go", os.path.join(root, "links/pong.go"))
    os.symlink("missing.go", os.path.join(root, "links/dangling.go"))
    os.symlink("..", os.path.join(root, "links/up"))  # a directory loop: never followed
    os.mkfifo(os.path.join(root, "links/fifo.go"))  # not a regular file: reading it would block
    return {f"links/{name}" for name in ("self.go", "ping.go", "pong.go", "dangling.go", "fifo.go")}


@pytest.fixture(scope="module")
def hostile_tree(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("hostile"))
    go_module(root, {".startup-lint.toml": ZAP_RULE_CONFIG})
    problems, expected = set(), set()
    for name, (files, problem_files, findings) in _cases().items():
        write(root, f"{name}/good.go", gc_off(name))
        expected.add((f"{name}/good.go", GOOD_LINE, "SL007"))
        for file_name, content in files.items():
            write(root, f"{name}/{file_name}", content)
        problems |= {f"{name}/{f}" for f in problem_files}
        expected |= {(f"{name}/{f}", line, rule) for f, line, rule in findings}
    problems |= _symlink_cases(root)
    expected.add(("links/good.go", GOOD_LINE, "SL007"))
    # A directory named like a Go file is a package directory, not a problem.
    write(root, "pkg.go/inner.go", gc_off("inner"))
    expected.add(("pkg.go/inner.go", GOOD_LINE, "SL007"))
    return root, problems, expected


def _findings(log: dict) -> set[tuple[str, int, str]]:
    return {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"], r["ruleId"])
            for r in log["runs"][0]["results"]}


def _stderr_paths(err: str, candidates: set[str]) -> list[str]:
    return [path for line in err.splitlines() for path in candidates
            if line.startswith(f"startup-lint: {path}:")]


@pytest.mark.parametrize("cache", ["--no-cache", "--jobs=1"])
def test_hostile_tree(hostile_tree, tmp_path, cache):
    root, problems, expected = hostile_tree
    output = str(tmp_path / "out.sarif")
    for _ in range(1 if cache == "--no-cache" else 2):  # the second run reads what the first cached
        done = cli("--format", "sarif", "--output", output, cache, cwd=root)
        assert done.code == 1, done.err
        assert_no_traceback(done)
        log = json.load(open(output))
        assert _findings(log) == expected
        all_paths = problems | {path for path, _, _ in expected}
        assert sorted(_stderr_paths(done.err, all_paths)) == sorted(problems), done.err
        assert sorted(notification_paths(log)) == sorted(problems)
        assert schema_errors(log) == [] and github_problems(log) == []
        assert "internal error" not in done.err


def test_hostile_tree_in_parallel(hostile_tree, tmp_path, monkeypatch):
    """Worker processes must not lose findings or notifications either."""
    from golint_startup.engine import parallel

    root, problems, expected = hostile_tree
    monkeypatch.setattr(parallel, "_MIN_FILES_PER_WORKER", 1, raising=False)
    monkeypatch.chdir(root)
    settings_ = build_settings(config_path=None, cwd=root)
    analyze = parallel.analyzer(jobs=4, progress=False)
    result = run(["./..."], settings_, cwd=root, analyze=analyze)
    assert {(f.path, f.location.line, f.rule_id) for f in result.findings} == expected
    assert sorted(n.path for n in result.notifications) == sorted(problems)


@pytest.mark.parametrize("case", sorted(_cases()))
def test_problem_file_named_explicitly(tmp_path, case):
    files, problem_files, findings = _cases()[case]
    go_module(tmp_path, {".startup-lint.toml": ZAP_RULE_CONFIG, f"{case}/good.go": gc_off(case),
                         **{f"{case}/{f}": c for f, c in files.items()}})
    named = [f"{case}/{f}" for f in files] + [f"{case}/good.go"]
    done = cli("--format", "json", *named, cwd=str(tmp_path))
    assert done.code == 1
    assert_no_traceback(done)
    reported = {(item["path"], item["line"], item["rule"]) for item in json.loads(done.out)}
    assert reported == {(f"{case}/good.go", GOOD_LINE, "SL007")} | {(f"{case}/{f}", n, r) for f, n, r in findings}
    problems = {f"{case}/{f}" for f in problem_files}
    assert sorted(_stderr_paths(done.err, set(named))) == sorted(problems)


def test_directory_named_like_a_go_file_named_explicitly(tmp_path):
    go_module(tmp_path, {"pkg.go/inner.go": gc_off("inner")})
    done = cli("pkg.go", cwd=str(tmp_path))
    assert done.code == 1 and done.out.startswith("pkg.go/inner.go:6:2: error: SL007")


def test_unreadable_file_is_named_and_the_rest_goes_on(tmp_path, monkeypatch, capsys):
    """EACCES, as a non-root user meets it on a mode-000 file (root reads those, so it is simulated)."""
    from golint_startup.engine import analysis

    go_module(tmp_path, {"app/good.go": gc_off("app"), "app/secret.go": ZAP_MAIN})
    secret = str(tmp_path / "app" / "secret.go")
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):
        if os.fspath(path) == secret:
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(analysis.os, "open", guarded_open)
    monkeypatch.chdir(tmp_path)
    output = str(tmp_path / "out.sarif")
    code, _, err = run_main(monkeypatch, capsys, "--no-cache", "-j", "1", "--format", "sarif", "-o", output)
    assert code == 1
    assert "startup-lint: app/secret.go: cannot read file: Permission denied; skipped\n" in err
    log = json.load(open(output))
    assert _findings(log) == {("app/good.go", GOOD_LINE, "SL007")}
    assert notification_paths(log) == ["app/secret.go"]
    assert schema_errors(log) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads mode-000 files")
def test_mode_000_file(tmp_path):
    go_module(tmp_path, {"app/good.go": gc_off("app"), "app/secret.go": ZAP_MAIN})
    os.chmod(tmp_path / "app" / "secret.go", 0)
    try:
        done = cli(*ZAP_RULE, "--no-cache", cwd=str(tmp_path))
    finally:
        os.chmod(tmp_path / "app" / "secret.go", 0o644)
    assert done.code == 1 and done.out.startswith("app/good.go:6:2: error: SL007")
    assert "startup-lint: app/secret.go: cannot read file: Permission denied; skipped" in done.err


# Property: random damage to real fixture files never crashes a run, never costs another
# file its finding, and never breaks the SARIF.

SEEDS = sorted(os.path.join(d, f) for d, _, files in os.walk(TESTDATA) for f in files if f.endswith(".go"))
_INVALID_UTF8 = [b"\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf"]


@st.composite
def damaged(draw) -> bytes:
    with open(draw(st.sampled_from(SEEDS)), "rb") as handle:
        data = bytearray(handle.read())
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "truncate", "junk", "nul", "utf8", "delete", "brackets"]))
        if kind == "flip" and data:
            index = min(position, len(data) - 1)
            data[index] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[position:]
        elif kind == "junk":
            data[position:position] = draw(st.binary(min_size=1, max_size=40))
        elif kind == "nul":
            data[position:position] = b"\0" * draw(st.integers(1, 4))
        elif kind == "utf8":
            data[position:position] = draw(st.sampled_from(_INVALID_UTF8))
        elif kind == "delete":
            del data[position:position + draw(st.integers(1, 80))]
        elif kind == "brackets":
            data[position:position] = draw(st.sampled_from([b"{", b"}", b"(", b")", b'"', b"`", b"/*", b"\n"]))
    return bytes(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=damaged())
def test_damaged_sources_never_crash(source):
    with tempfile.TemporaryDirectory() as root:
        go_module(root, {"good/good.go": gc_off("good"), "bad/bad.go": source})
        result = run(["./..."], build_settings(config_path=None, cwd=root), cwd=root)
        internal = [str(n) for n in result.notifications if "internal error" in n.message]
        assert internal == []
        assert ("good/good.go", GOOD_LINE, "SL007") in {(f.path, f.location.line, f.rule_id) for f in result.findings}
        assert all(n.path in ("", "bad/bad.go") for n in result.notifications)
        log = sarif.build(result, cwd=root)
        assert schema_errors(log) == []
        assert github_problems(log) == []
