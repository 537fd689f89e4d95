"""The startup model on a warm run: its cached answers are used without decoding any file's
facts, reading any file twice, or loading the pack of completed facts (work counted, not timed)."""

from __future__ import annotations

import pytest

from golint_startup.engine import analysis, cache, cache_format, parallel, runner
from lintrun import lint


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(directory))
    monkeypatch.delenv("CI", raising=False)
    return directory


@pytest.fixture
def tree(tmp_path):
    """A finding reached through a file without findings (completed on demand), and one not reached."""
    root = tmp_path / "tree"
    root.mkdir()
    (root / "go.mod").write_text("module example.com/t\n\ngo 1.22\n")
    (root / "main.go").write_text("package main\n\nfunc main() {\n\tsetup()\n}\n")
    (root / "setup.go").write_text("package main\n\nfunc setup() {\n\tnewLogger()\n}\n")
    (root / "log.go").write_text('package main\n\nimport "go.uber.org/zap"\n\n'
                                 "func newLogger() {\n\tzap.NewDevelopment()\n}\n\n"
                                 "func unused() {\n\tzap.NewDevelopment()\n}\n")
    return root


def _count(monkeypatch, module, name) -> list:
    calls = []
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_warm_run_decodes_no_facts_and_reads_each_file_once(tree, cache_dir, monkeypatch):
    cold = lint(["-j", "1", "./..."], tree)
    assert cold[0] == 1 and "runs at startup" in cold[1]  # the model was built and its answers kept
    assert list(cache_dir.glob("results-*/*.derived.pack"))  # completed facts were stored

    decoded = []
    original = cache_format.Deferred.value.fget
    monkeypatch.setattr(cache_format.Deferred, "value", property(lambda self: decoded.append(self) or original(self)))
    reads = _count(monkeypatch, parallel, "read_source")
    reads_elsewhere = [_count(monkeypatch, module, "read_source") for module in (analysis, runner)]
    packs = _count(monkeypatch, cache, "_read_pack")

    assert lint(["-j", "1", "./..."], tree) == cold
    assert decoded == []
    go_files = [args[1] for args in reads + reads_elsewhere[0] + reads_elsewhere[1] if args[1].endswith(".go")]
    assert sorted(go_files) == sorted(set(go_files))  # the answers' digest reads nothing again
    assert not any(path.endswith(".derived.pack") for (path,) in packs)


def test_changed_file_builds_the_model_again_from_the_cached_facts(tree, cache_dir, monkeypatch):
    cold = lint(["-j", "1", "./..."], tree)
    victim = next(p for p in sorted(tree.rglob("*.go")))
    victim.write_text(victim.read_text() + "\n// changed\n")
    decoded = []
    original = cache_format.Deferred.value.fget
    monkeypatch.setattr(cache_format.Deferred, "value", property(lambda self: decoded.append(self) or original(self)))
    warm = lint(["-j", "1", "./..."], tree)
    assert decoded  # the digest changed: the model is built again, from the other files' cached facts
    assert warm == lint(["-j", "1", "--no-cache", "./..."], tree) and warm[0] == cold[0]
