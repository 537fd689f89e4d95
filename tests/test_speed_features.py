"""Parallel runs, the result cache and the progress bar (issue 6)."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import sys
import threading

import pytest
from click.testing import CliRunner

from fixtures import TESTDATA
from lintrun import ZAP_RULE_CONFIG, whole_run_entries
from golint_startup.engine import analysis, cache, cache_format, parallel, runner
from golint_startup.go import gofile
from golint_startup.engine.analysis import FileResult, analyze_file
from golint_startup.cli import command
from golint_startup.engine.config import build_settings
from golint_startup.engine.runner import run


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(directory))
    monkeypatch.delenv("CI", raising=False)
    return directory


@pytest.fixture
def counted_parses(monkeypatch):
    """How many files gofile.parse parsed (in this process)."""
    parsed: list[str] = []
    real_parse = gofile.parse

    def parse(path, source):
        parsed.append(path)
        return real_parse(path, source)

    monkeypatch.setattr(gofile, "parse", parse)
    return parsed


def lint(args: list[str], cwd) -> tuple[int, bytes, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(command, args, catch_exceptions=False, standalone_mode=False)
    finally:
        os.chdir(old)
    return result.return_value, result.stdout_bytes, result.stderr


def write_go_files(directory, count: int) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (directory / f"f{index:03d}.go").write_text(
            f'package p\n\nimport "runtime/debug"\n\nfunc F{index}() {{\n\tdebug.SetGCPercent(-1)\n}}\n')


# --- parallel -------------------------------------------------------------------


@pytest.fixture(scope="module")
def tree_with_bad_input(tmp_path_factory):
    """testdata/ plus files that produce notifications, whose order shows in the output."""
    tree = tmp_path_factory.mktemp("parallel") / "tree"
    shutil.copytree(TESTDATA, tree)
    for index, directory in enumerate(["sl001", "sl003", "sl005", "sl900"]):
        (tree / directory / f"zz_broken{index}.go").write_text(f"package p\n\nfunc F{index}( {{\n")
        (tree / directory / f"aa_binary{index}.go").write_bytes(b"\0\1\2")
        (tree / directory / f"mm_latin1_{index}.go").write_bytes(b"package p\n\n// caf\xe9\nvar X = 1\n")
    return tree


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_parallel_output_is_byte_identical_to_one_job(output_format, tree_with_bad_input, monkeypatch):
    started = []

    class CountingPool(parallel.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            started.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    # testdata/ is small: make every file its own batch so workers finish out of order.
    monkeypatch.setattr(parallel, "_MIN_FILES_PER_WORKER", 1)
    monkeypatch.setattr(parallel, "_MAX_BATCH", 1)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountingPool)
    args = ["--tests", "--no-cache", "--format", output_format, "./..."]
    serial = lint(["-j", "1", *args], tree_with_bad_input)
    assert not started
    in_parallel = lint(["-j", "3", *args], tree_with_bad_input)
    assert started == [3], "the parallel run did not use worker processes"
    assert serial[1] and "binary data" in serial[2], "nothing to compare"
    assert in_parallel == serial


def test_worker_batches_carry_jobs_not_settings(monkeypatch):
    """Settings go to each worker once (initializer), not pickled with every batch."""
    sent = []
    real_submit = parallel.ProcessPoolExecutor.submit

    def submit(self, fn, *args):
        sent.append(pickle.dumps(args))
        return real_submit(self, fn, *args)

    monkeypatch.setattr(parallel, "_MIN_FILES_PER_WORKER", 1)
    monkeypatch.setattr(parallel.ProcessPoolExecutor, "submit", submit)
    settings = build_settings(config_path=None, tests=True, cwd=TESTDATA)
    serial = run(["./..."], settings, cwd=TESTDATA)
    result = run(["./..."], settings, cwd=TESTDATA,
                 analyze=parallel.analyzer(jobs=2, progress=False))
    assert sent and all(b"golint_startup.engine.config" not in batch for batch in sent)
    assert result.findings == serial.findings


def _batch_that_kills_its_worker(batch):
    if any("crash" in display for _, display, *_ in batch):
        os._exit(3)  # as if the OOM killer, or a crash in C, took the worker
    return _real_analyze_batch(batch)


_real_analyze_batch = parallel._analyze_batch


def test_a_dead_worker_loses_nothing(tmp_path, monkeypatch):
    tree = tmp_path / "tree"
    write_go_files(tree / "a", 40)
    write_go_files(tree / "crash", 1)
    write_go_files(tree / "z", 40)
    monkeypatch.setattr(parallel, "_MAX_BATCH", 4)
    serial = _run(tree, use_cache=False)
    monkeypatch.setattr(parallel, "_analyze_batch", _batch_that_kills_its_worker)
    assert _run(tree, use_cache=False, jobs=2).findings == serial.findings
    assert len(serial.findings) == 81


# --- cache ----------------------------------------------------------------------


def _run(cwd, *, use_cache=True, jobs=1, select=(), patterns=("./...",)):
    settings = build_settings(config_path=None, tests=True, select=select, cwd=str(cwd))
    result_cache = cache.ResultCache.open(settings.fingerprint(), str(cwd)) if use_cache else None
    return run(list(patterns), settings, cwd=str(cwd),
               analyze=parallel.analyzer(jobs=jobs, progress=False), cache=result_cache)


def _packs(cache_dir) -> list:
    """The packs of files' results (not the packs of their facts or of derived values)."""
    return sorted(p for p in cache_dir.glob("results-*/*.pack") if not p.name.endswith(".derived.pack") and ".facts-" not in p.name)


def _entries(cache_dir) -> int:
    """Stored results and derived values (a file's facts are part of its result's entry)."""
    return sum(len(cache._read_pack(str(pack))) for pack in cache_dir.glob("results-*/*.pack")
               if ".facts-" not in pack.name)


@pytest.mark.parametrize("jobs", [1, 2])
def test_warm_run_parses_nothing_and_reports_the_same(jobs, cache_dir, counted_parses, monkeypatch):
    monkeypatch.setattr(parallel, "_MIN_FILES_PER_WORKER", 1)
    cold = _run(TESTDATA, jobs=1)
    assert counted_parses, "the cold run parsed nothing"
    assert _entries(cache_dir) >= len(counted_parses)  # generated files are stored unparsed
    counted_parses.clear()
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # a warm run must not need workers
    warm = _run(TESTDATA, jobs=jobs)
    assert counted_parses == []
    assert warm.findings == cold.findings and warm.findings
    assert warm.notifications == cold.notifications
    assert warm.files_analyzed == cold.files_analyzed


def test_only_changed_files_are_parsed_again(tmp_path, counted_parses):
    tree = tmp_path / "tree"
    write_go_files(tree, 3)
    assert len(_run(tree).findings) == 3
    (tree / "f001.go").write_text('package p\n\nfunc F() {}\n')
    counted_parses.clear()
    result = _run(tree)
    assert counted_parses == ["f001.go"]
    assert sorted(f.path for f in result.findings) == ["f000.go", "f002.go"]


def test_configuration_and_display_path_are_part_of_the_key(tmp_path, counted_parses):
    tree = tmp_path / "tree"
    write_go_files(tree / "pkg", 2)
    assert len(_run(tree, select=("SL007",)).findings) == 2
    counted_parses.clear()
    assert _run(tree, select=("SL005",)).findings == []
    assert len(counted_parses) == 2
    counted_parses.clear()
    # From another directory the same file has another display path, which findings carry.
    result = _run(tree / "pkg", select=("SL007",))
    assert len(counted_parses) == 2
    assert sorted(f.path for f in result.findings) == ["f000.go", "f001.go"]


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_corrupt_packs_are_ignored_and_rewritten(damage, tmp_path, cache_dir, counted_parses):
    tree = tmp_path / "tree"
    write_go_files(tree, 2)
    cold = _run(tree)
    (pack,) = _packs(cache_dir)
    data = pack.read_bytes()
    pack.write_bytes({"truncate": data[: len(data) // 2], "flip": data[:-5] + bytes([data[-5] ^ 0x40]) + data[-4:],
                      "empty": b"", "garbage": b"SLC2" + os.urandom(64)}[damage])
    counted_parses.clear()
    assert _run(tree).findings == cold.findings
    assert len(counted_parses) == 2
    counted_parses.clear()
    assert _run(tree).findings == cold.findings
    assert counted_parses == [], "the damaged pack was not rewritten"


def test_a_run_over_part_of_the_tree_keeps_the_other_entries(tmp_path, cache_dir, counted_parses):
    tree = tmp_path / "tree"
    write_go_files(tree / "a", 2)
    write_go_files(tree / "b", 2)
    _run(tree)
    (tree / "a" / "f000.go").write_text("package p\n")
    _run(tree, patterns=("./a/...",))
    counted_parses.clear()
    _run(tree)
    assert counted_parses == []
    (tree / "b" / "f001.go").unlink()
    (tree / "a" / "f001.go").write_text("package p\n")
    _run(tree)
    # the three files' entries, the startup model's answers and the whole-run rules' findings
    # (one entry each, replaced run after run)
    assert _entries(cache_dir) == 3 + whole_run_entries(), "the deleted file's entry was kept"


def test_no_cache_neither_reads_nor_writes(tmp_path, cache_dir, counted_parses):
    tree = tmp_path / "tree"
    write_go_files(tree, 2)
    _run(tree, use_cache=False)
    assert list(cache_dir.glob("results-*/*.pack")) == []
    _run(tree)
    counted_parses.clear()
    _run(tree, use_cache=False)
    assert len(counted_parses) == 2


def test_internal_errors_are_not_cached(tmp_path, cache_dir, monkeypatch):
    tree = tmp_path / "tree"
    write_go_files(tree, 1)
    from golint_startup.rule import all_rules

    rule = all_rules()["SL007"]

    def broken(file, options):
        raise RuntimeError("boom")

    monkeypatch.setitem(all_rules(), "SL007", type(rule)(**{**rule.__dict__, "check": broken}))
    result = _run(tree, select=("SL007",))
    assert any("internal error in SL007" in n.message for n in result.notifications)
    assert _entries(cache_dir) == 0


def test_clean_cache_empties_only_what_the_cache_wrote(tmp_path, cache_dir):
    tree = tmp_path / "tree"
    write_go_files(tree, 3)
    _run(tree)
    unrelated = cache_dir / "notes.txt"
    unrelated.write_text("mine")
    code, _, stderr = lint(["--clean-cache"], tree)
    assert code == 0 and f"removed {3 + whole_run_entries()} cache entries" in stderr
    assert list(cache_dir.glob("results-*/*.pack")) == []
    assert unrelated.read_text() == "mine"
    assert cache.clean() == 0


def test_concurrent_runs_leave_a_valid_pack(tmp_path):
    errors = []

    def run_and_save(n):
        for round_ in range(20):
            result_cache = cache.ResultCache(str(tmp_path / "c"), "settings", str(tmp_path), code="code")
            if result_cache.load(result_cache.key("a.go", True, b"x"), "a.go", True) is None and round_:
                errors.append("lost")  # every writer stores a.go: a valid pack always has it
            result_cache.store(result_cache.key("a.go", True, b"x"), str(tmp_path / "a.go"), "a.go", True,
                               FileResult("a.go", facts={"pad": "x" * 200_000}))
            result_cache.store(result_cache.key(f"{n}.go", True, b"x"), str(tmp_path / f"{n}.go"), f"{n}.go", True,
                               FileResult(f"{n}.go"))
            result_cache.save()

    (tmp_path / "a.go").write_text("")
    threads = [threading.Thread(target=run_and_save, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert list((tmp_path / "c").rglob(".tmp-*")) == []


def test_unwritable_cache_is_skipped_silently(tmp_path, monkeypatch, counted_parses):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    tree = tmp_path / "tree"
    write_go_files(tree, 2)
    assert len(_run(tree).findings) == 2
    assert len(counted_parses) == 2


def test_code_fingerprint_follows_rule_sources(tmp_path, monkeypatch):
    import golint_startup.rules as catalog

    copy = tmp_path / "rules"
    shutil.copytree(catalog.__path__[0], copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(catalog, "__path__", [str(copy)])
    before = cache.code_fingerprint.__wrapped__()
    assert cache.code_fingerprint.__wrapped__() == before
    module = copy / "sl005_zap_development_mode.py"
    module.write_text(module.read_text() + "\n# edited\n")
    assert cache.code_fingerprint.__wrapped__() != before


@pytest.mark.parametrize("platform, env, expected", [
    ("linux", {"XDG_CACHE_HOME": "/xdg"}, ["/xdg", "startup-lint"]),
    ("linux", {"XDG_CACHE_HOME": "relative"}, ["~", ".cache", "startup-lint"]),
    ("linux", {}, ["~", ".cache", "startup-lint"]),
    ("darwin", {}, ["~", "Library", "Caches", "startup-lint"]),
    ("win32", {"LOCALAPPDATA": "/appdata"}, ["/appdata", "startup-lint", "Cache"]),
])
def test_platform_cache_directory(platform, env, expected, monkeypatch):
    monkeypatch.delenv(cache.ENV_VAR)
    for name in ("XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    assert cache.cache_dir() == os.path.join(os.path.expanduser(expected[0]), *expected[1:])


def test_cache_directory_override(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "mine"))
    assert cache.cache_dir() == str(tmp_path / "mine")


def test_results_hold_no_parse_tree():
    """Results are picklable, so no tree-sitter Tree or Node (never picklable) survives a file."""
    settings = build_settings(config_path=None, tests=True, cwd=TESTDATA)
    count = 0
    for directory, _, names in os.walk(TESTDATA):
        for name in names:
            if name.endswith(".go"):
                path = os.path.join(directory, name)
                pickle.dumps(analyze_file(path, os.path.relpath(path, TESTDATA), settings))
                count += 1
    assert count > 50


# --- progress -------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def _progress_output(monkeypatch, stream, files: int, tmp_path) -> str:
    monkeypatch.setattr(parallel, "PROGRESS_DELAY_SECONDS", 0)
    monkeypatch.setattr(sys, "stderr", stream)
    tree = tmp_path / "tree"
    write_go_files(tree, files)
    settings = build_settings(config_path=None, select=("SL007",), cwd=str(tree))
    run(["./..."], settings, cwd=str(tree), analyze=parallel.analyzer(jobs=1, progress=True))
    return stream.getvalue()


def test_progress_bar_on_a_terminal_for_a_long_run(monkeypatch, tmp_path):
    assert "Reading" in _progress_output(monkeypatch, FakeTerminal(), parallel.PROGRESS_MIN_FILES, tmp_path)


def test_progress_bar_ends_at_the_files_read_the_summary_names(monkeypatch, tmp_path):
    """Generated files are read but not linted: the summary says how many were read."""
    from golint_startup.cli import _summary

    monkeypatch.setattr(parallel, "PROGRESS_DELAY_SECONDS", 0)
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    tree = tmp_path / "tree"
    write_go_files(tree, parallel.PROGRESS_MIN_FILES)
    (tree / "gen.go").write_text("// Code generated by hand. DO NOT EDIT.\n\npackage p\n")
    settings = build_settings(config_path=None, select=("SL007",), cwd=str(tree))
    result = run(["./..."], settings, cwd=str(tree), analyze=parallel.analyzer(jobs=1, progress=True))
    total = parallel.PROGRESS_MIN_FILES + 1
    assert f"{total}/{total}" in terminal.getvalue()
    assert _summary(result).endswith(f"in {total - 1} files ({total} read)")


def test_no_progress_bar_in_a_pipe(monkeypatch, tmp_path):
    assert _progress_output(monkeypatch, io.StringIO(), parallel.PROGRESS_MIN_FILES, tmp_path) == ""


def test_no_progress_bar_in_ci_or_for_a_short_run(monkeypatch, tmp_path):
    assert _progress_output(monkeypatch, FakeTerminal(), parallel.PROGRESS_MIN_FILES - 1, tmp_path / "short") == ""
    monkeypatch.setenv("CI", "true")
    assert _progress_output(monkeypatch, FakeTerminal(), parallel.PROGRESS_MIN_FILES, tmp_path / "ci") == ""


def test_command_line_in_a_pipe_writes_no_progress_bar(monkeypatch, tmp_path):
    monkeypatch.setattr(parallel, "PROGRESS_DELAY_SECONDS", 0)
    tree = tmp_path / "tree"
    count = parallel.PROGRESS_MIN_FILES + 10
    write_go_files(tree, count)
    old = os.getcwd()
    os.chdir(tree)
    try:
        result = CliRunner().invoke(command, ["-j", "1", "./..."], catch_exceptions=False, standalone_mode=False)
    finally:
        os.chdir(old)
    assert result.return_value == 1
    assert "Reading" not in result.stderr and "\r" not in result.stderr
    assert result.stderr.splitlines()[-1] == f"{count} findings ({count} error) in {count} files"


# --- SARIF/JSON fingerprints ------------------------------------------------------

# codeql-action's algorithm, one character at a time, as the engine first had it: the
# reference the fast version must reproduce.
_BLOCK, _BASE, _MASK64 = 100, 37, (1 << 64) - 1


def reference_line_hashes(text: str) -> dict[int, str]:
    units = []
    for char in text:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            units += [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]
        else:
            units.append(code)
    window, line_numbers = [0] * _BLOCK, [-1] * _BLOCK
    hashes, counts = {}, {}
    value, index, line_number, line_start, prev_cr = 0, 0, 0, True, False

    def output():
        key = format(value, "x")
        counts[key] = counts.get(key, 0) + 1
        hashes[line_numbers[index]] = f"{key}:{counts[key]}"
        line_numbers[index] = -1

    def update(current):
        nonlocal value, index
        begin, window[index] = window[index], current
        value = (_BASE * value + current - pow(_BASE, _BLOCK, 1 << 64) * begin) & _MASK64
        index = (index + 1) % _BLOCK

    for current in [*units, 0xFFFF]:
        if current in (0x20, 0x09) or (prev_cr and current == 0x0A):
            prev_cr = False
            continue
        prev_cr = current == 0x0D
        current = 0x0A if prev_cr else current
        if line_numbers[index] != -1:
            output()
        if line_start:
            line_start, line_number = False, line_number + 1
            line_numbers[index] = line_number
        line_start = current == 0x0A
        update(current)
    for _ in range(_BLOCK):
        if line_numbers[index] != -1:
            output()
        update(0)
    return hashes


from hypothesis import given, settings as hypothesis_settings, strategies as st  # noqa: E402

from golint_startup.engine.fingerprint import line_hashes  # noqa: E402

_PIECES = st.sampled_from(["\n", "\r", "\r\n", " ", "\t", "x", "}", "é", "世", "😀", "\ud800", "\uffff",
                           "func f() {", "\treturn nil", "a" * 120])


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80))
def test_fast_fingerprints_equal_codeql_algorithm(pieces):
    text = "".join(pieces)
    expected = reference_line_hashes(text)
    assert line_hashes(text) == expected
    some = set(list(expected)[::3])
    assert line_hashes(text, some) == {line: expected[line] for line in some}


def test_fast_fingerprints_on_real_files():
    for directory, _, names in os.walk(TESTDATA):
        for name in names:
            if name.endswith(".go"):
                with open(os.path.join(directory, name), "rb") as handle:
                    text = handle.read().decode("utf-8", "replace")
                assert line_hashes(text) == reference_line_hashes(text), name


# --- the startup model on a warm run: cached answers used without decoding facts, reading
# files twice or loading the pack of completed facts (work counted, not timed) ---------------


@pytest.fixture
def model_tree(tmp_path):
    """A finding reached through a file without findings (completed on demand), and one not
    reached; the module calls DPanic (SL005 reports its development loggers)."""
    root = tmp_path / "tree"
    root.mkdir()
    (root / "go.mod").write_text("module example.com/t\n\ngo 1.22\n")
    (root / ".startup-lint.toml").write_text(ZAP_RULE_CONFIG)  # its findings show the path
    (root / "main.go").write_text('package main\n\nimport "net/http"\n\n'
                                 'func main() {\n\tsetup()\n\t_ = http.ListenAndServe(":8080", nil)\n}\n')
    (root / "setup.go").write_text("package main\n\nfunc setup() {\n\tnewLogger()\n}\n")
    (root / "log.go").write_text('package main\n\nimport "go.uber.org/zap"\n\n'
                                 "func newLogger() {\n\tzap.NewDevelopment()\n}\n\n"
                                 "func unused() {\n\tzap.NewDevelopment()\n\tzap.L().DPanic(\"unused\")\n}\n")
    return root


def _counted(monkeypatch, module, name) -> list:
    calls = []
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_warm_run_decodes_no_facts_and_reads_each_file_once(model_tree, cache_dir, monkeypatch):
    # SL001's whole-run check reads embedded files, so it runs (and decodes its facts) every time.
    args = ["-j", "1", "--ignore", "SL001", "./..."]
    cold = lint(args, model_tree)
    assert cold[0] == 1 and b"runs at startup" in cold[1]  # the model was built and its answers kept
    assert list(cache_dir.glob("results-*/*.derived.pack"))  # completed facts were stored

    decoded = []
    original = cache_format.Deferred.value.fget
    monkeypatch.setattr(cache_format.Deferred, "value", property(lambda self: decoded.append(self) or original(self)))
    reads = _counted(monkeypatch, parallel, "read_source")
    reads_elsewhere = [_counted(monkeypatch, module, "read_source") for module in (analysis, runner)]
    packs = _counted(monkeypatch, cache, "_read_pack")

    assert lint(args, model_tree) == cold
    assert decoded == []
    go_files = [args[1] for args in reads + reads_elsewhere[0] + reads_elsewhere[1] if args[1].endswith(".go")]
    assert sorted(go_files) == sorted(set(go_files))  # the answers' digest reads nothing again
    assert not any(path.endswith(".derived.pack") for (path,) in packs)


def test_changed_file_builds_the_model_again_from_the_cached_facts(model_tree, cache_dir, monkeypatch):
    cold = lint(["-j", "1", "./..."], model_tree)
    victim = next(p for p in sorted(model_tree.rglob("*.go")))
    victim.write_text(victim.read_text() + "\n// changed\n")
    decoded = []
    original = cache_format.Deferred.value.fget
    monkeypatch.setattr(cache_format.Deferred, "value", property(lambda self: decoded.append(self) or original(self)))
    warm = lint(["-j", "1", "./..."], model_tree)
    assert decoded  # the digest changed: the model is built again, from the other files' cached facts
    assert warm == lint(["-j", "1", "--no-cache", "./..."], model_tree) and warm[0] == cold[0]


def test_whole_run_rules_are_not_run_again_over_an_unchanged_tree(tmp_path, cache_dir):
    """Their findings and notifications come from the cache; a changed file runs them again."""
    import dataclasses

    tree = tmp_path / "tree"
    shutil.copytree(os.path.join(TESTDATA, "sl004", "memlimit"), tree)
    (tree / ".startup-lint.toml").write_text('[rules.SL004]\nload-functions = ["nodot"]\n')  # a notification
    calls = []

    def lint_counting():
        settings = build_settings(config_path=None, select=("SL004",), cwd=str(tree))
        rule = settings.rules["SL004"]
        settings.rules["SL004"] = dataclasses.replace(
            rule, check_project=lambda project, options: calls.append(1) or rule.check_project(project, options))
        return run(["./..."], settings, cwd=str(tree), analyze=parallel.analyzer(jobs=1, progress=False),
                   cache=cache.ResultCache.open(settings.fingerprint(), str(tree)))

    cold = lint_counting()
    assert calls == [1] and any("nodot" in n.message for n in cold.notifications)
    warm = lint_counting()
    assert calls == [1]
    assert (warm.findings, warm.notifications) == (cold.findings, cold.notifications)
    (tree / "main.go").write_text((tree / "main.go").read_text() + "\nfunc later() {}\n")
    lint_counting()
    assert calls == [1, 1]


def test_a_whole_run_check_that_reads_other_files_sees_them_change(tmp_path, cache_dir):
    """SL001 gives an embedded file's size: a warm run over unchanged Go files must not
    answer from the cache when the embedded file grew."""
    tree = tmp_path / "tree"
    shutil.copytree(os.path.join(TESTDATA, "sl001", "decoded"), tree)
    (tree / "go.mod").write_text("module example.com/decoded\n\ngo 1.22\n")
    # The fixture's embedded files are a few KB: they stand for big ones, as in its own config.
    (tree / ".startup-lint.toml").write_text("[rules.SL001]\nmin-embedded-bytes = 4096\n")
    messages = lambda: [f.message for f in _run(tree, select=("SL001",)).findings]
    assert any("4 KB of embedded authenticators.json" in m for m in messages())
    with open(tree / "data" / "authenticators.json", "a") as handle:
        handle.write(" " * 40_000)
    assert any("43 KB of embedded authenticators.json" in m for m in messages())


def test_a_whole_run_check_sees_a_package_outside_the_patterns_change(tmp_path, cache_dir):
    """SL001 sizes a go-bindata asset by the generated code of the package it imports: linting
    only the importer, a warm run must not answer from the cache once that code changed."""
    tree = tmp_path / "tree"
    shutil.copytree(os.path.join(TESTDATA, "sl001", "crosspackage"), tree)
    (tree / ".startup-lint.toml").write_text("[rules.SL001]\nmin-embedded-bytes = 4096\n")
    messages = lambda: [f.message for f in _run(tree, select=("SL001",), patterns=("./catalog",)).findings]
    assert any("'assets/large.json' (9 KB)" in m for m in messages())
    generated = tree / "assets" / "bindata.go"
    generated.write_text(generated.read_text().replace("size: 9000,", "size: 90000,"))
    assert any("'assets/large.json' (88 KB)" in m for m in messages())


def test_warm_run_composes_no_yaml_until_a_manifest_changes(tmp_path, monkeypatch):
    from golint_startup.kube import yaml_nodes

    tree = tmp_path / "tree"
    shutil.copytree(os.path.join(TESTDATA, "sl101"), tree)
    composed: list[str] = []
    compose = yaml_nodes.compose
    monkeypatch.setattr(yaml_nodes, "compose", lambda text, source, notify: (
        composed.append(source.display), compose(text, source, notify))[1])
    cold = _run(tree, select=("SL101",))
    assert composed and cold.findings
    composed.clear()
    warm = _run(tree, select=("SL101",))
    assert composed == []
    assert (warm.findings, warm.notifications, warm.files_analyzed) == \
        (cold.findings, cold.notifications, cold.files_analyzed)
    manifest = sorted(tree.glob("deploy/*.yaml"))[0]
    manifest.write_text(manifest.read_text() + "\n# edited\n")
    _run(tree, select=("SL101",))
    assert composed, "an edited manifest was not read again"
