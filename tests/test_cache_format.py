"""The result cache stores data, never code: values round-trip with their types, and a
damaged or tampered-with pack gives the output of a run without cache."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import re
import shutil
from typing import NamedTuple

import pytest

from fixtures import TESTDATA
from golint_startup.engine import cache, cache_format
from golint_startup.go import gofile
from golint_startup.engine.analysis import analyze_file
from golint_startup.engine.config import build_settings
from golint_startup.rule import all_rules
from lintrun import ZAP_RULE, lint, whole_run_entries


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(directory))
    return directory


@cache_format.register(name="tests.Point")
class Point(NamedTuple):
    x: int
    y: int


@cache_format.register(name="tests.Box")
@dataclasses.dataclass(frozen=True)
class Box:
    label: str
    corners: tuple[Point, ...]
    extra: object = None


PLAIN = [
    "text", "surrogate \udcff escape", "", 0, -7, 2**70, 1.5, True, False, None, b"\x00\xffbytes",
    [], (), {}, set(), frozenset(),
    [1, (2, 3), [4]], (("nested",), ()), (1,),
    {"k": "v", 3: "int key", (1, "tuple key"): [None], None: False, frozenset({1}): "frozen key"},
    {1, 2, "three"}, frozenset({("a", 1)}),
    Point(1, 2), Box("b", (Point(0, 0), Point(3, 4)), {"x": (1,)}),
]


@pytest.mark.parametrize("value", PLAIN, ids=repr)
def test_values_round_trip_with_their_types(value):
    text = cache_format.dumps(value)
    assert "\n" not in text and text.isascii()
    back = cache_format.loads(text)
    assert back == value
    assert _types(back) == _types(value)


def _types(value):
    """The value's type tree: equality alone would take a list for a tuple, or 1 for True."""
    if isinstance(value, dict):
        return (dict, sorted((repr(_types(k)), repr(_types(v))) for k, v in value.items()))
    if isinstance(value, (set, frozenset)):
        return (type(value), sorted(repr(_types(v)) for v in value))
    if isinstance(value, (list, tuple)):
        return (type(value), [_types(v) for v in value])
    if dataclasses.is_dataclass(value):
        return (type(value), [_types(getattr(value, f.name)) for f in dataclasses.fields(value)])
    return type(value)


class Unregistered(NamedTuple):
    a: int


@pytest.mark.parametrize("value", [object(), Unregistered(1), [{"k": (Unregistered(1),)}], 1j],
                         ids=["object", "namedtuple", "nested", "complex"])
def test_unknown_types_fail_loudly_when_stored(value):
    with pytest.raises(cache_format.UnencodableValue, match="cannot cache"):
        cache_format.dumps(value)


def test_a_record_name_is_registered_once():
    @dataclasses.dataclass
    class Other:
        a: int

    with pytest.raises(TypeError, match="already taken"):
        cache_format.register(Other, name="tests.Point")
    with pytest.raises(TypeError, match="only dataclasses and NamedTuples"):
        cache_format.register(dict, name="tests.dict")


def _fixture_files() -> list[str]:
    return sorted(os.path.join(d, name) for d, _, names in os.walk(TESTDATA) for name in names
                  if name.endswith(".go"))


def test_sl004_facts_of_every_fixture_round_trip():
    rule = all_rules()["SL004"]
    options = rule.default_options()
    checked = 0
    for path in _fixture_files():
        with open(path, "rb") as handle:
            facts = rule.collect(gofile.parse(os.path.relpath(path, TESTDATA), handle.read()), options)
        if facts is None:
            continue
        assert cache_format.loads(cache_format.dumps(facts)) == facts, path
        assert _types(cache_format.loads(cache_format.dumps(facts))) == _types(facts), path
        checked += 1
    assert checked > 50


def test_every_file_result_of_the_fixtures_round_trips():
    """Every rule's facts and findings, SL006 included, with test files and test support."""
    settings = build_settings(config_path=None, extend_select=("SL002", "SL004"), tests=True, generated=True,
                              opt_in={"escape"}, cwd=TESTDATA)
    results = [analyze_file(path, os.path.relpath(path, TESTDATA), settings) for path in _fixture_files()]
    assert {rule_id for result in results for rule_id in result.facts} >= {"SL002", "SL004", "SL006"}
    for result in results:
        assert cache_format.loads(cache_format.dumps(result)) == result, result.path


@pytest.mark.parametrize("text", [
    "", "not json", "[1,", '{"(":[1],"s":[2]}', '{"?":[]}', '{"(":"abc"}', '{"d":[[1]]}', '{"b":5}',
    '{"@os.system":["echo owned"]}', '{"@FileResult":["a.go"]}', '{"@Location":["p",1,1,1,"x",""]}', '{"@Location":["p","1",1,1,2,""]}',
    '{"d":[[[1],2]]}', "[" * 100_000 + "]" * 100_000,
], ids=lambda t: t[:30])
def test_foreign_data_is_refused(text):
    with pytest.raises(cache_format.UndecodableValue):
        cache_format.loads(text)


def _reseal(payload: bytes) -> bytes:
    """A pack with a valid checksum around `payload`, as a tamperer would write it."""
    return cache._MAGIC + hashlib.sha256(payload).digest()[:cache._CHECKSUM_BYTES] + payload


class _Evil:
    def __reduce__(self):
        return (os.system, ("touch PWNED",))


def _tamperings(payload: bytes) -> dict[str, bytes]:
    lines = payload.split(b"\n")
    header, entries = lines[0], lines[1:]
    findings_at = next(i for i in range(1, len(entries), 2) if b"Finding" in entries[i])
    swapped = list(entries)
    swapped[findings_at] = b'{"@FileResult":["elsewhere.go",[],{"d":[]},[],[],""]}'
    wrong_type = list(entries)
    wrong_type[findings_at] = re.sub(rb'("@Location":\["[^"]*",)(\d+)', rb'\1"\2"', entries[findings_at], count=1)
    return {
        "pickle": _reseal(pickle.dumps(_Evil())),
        "pickled entry": _reseal(b"\n".join([header, entries[0], pickle.dumps(_Evil()).hex().encode()])),
        "other path": _reseal(b"\n".join([header, *swapped])),
        "wrong field type": _reseal(b"\n".join([header, *wrong_type])),
        "newer version": _reseal(b"\n".join([header.replace(b'"version":3', b'"version":99'), *entries])),
        "odd lines": _reseal(b"\n".join([header, *entries[:-1]])),
        # Without the startup model's and the whole-run rules' cached answers, the facts are
        # decoded from their packs (damaged there by test_damaged_facts_are_collected_again).
        "answers dropped": _reseal(b"\n".join([header, *[
            line for address, value in zip(entries[::2], entries[1::2])
            if b"model:startup" not in address and b"project:findings" not in address
            for line in (address, value)]])),
        "unknown record": _reseal(b"\n".join([header, *[line.replace(b'"@Finding"', b'"@subprocess.Popen"')
                                                        for line in entries]])),
    }


def test_a_tampered_pack_gives_the_output_of_a_run_without_cache(tmp_path, cache_dir):
    tree = tmp_path / "tree"
    for name in ("sl002", "sl005", "sl007", "sl900"):
        os.makedirs(tree / name)
        for entry in os.listdir(os.path.join(TESTDATA, name)):
            source = os.path.join(TESTDATA, name, entry)
            if entry.endswith(".go"):
                (tree / name / entry).write_bytes(open(source, "rb").read())
    (tree / "go.mod").write_text("module example.com/t\n\ngo 1.22\n")
    uncached = lint(["--no-cache", "-j", "1", "./..."], tree)
    assert uncached[0] == 1
    assert lint(["-j", "1", "./..."], tree) == uncached
    (pack,) = [p for p in cache_dir.glob("results-*/*.pack") if not p.name.endswith(".derived.pack") and ".facts-" not in p.name]
    original = pack.read_bytes()
    assert original[len(cache._MAGIC) + cache._CHECKSUM_BYTES:].split(b"\n")[0].startswith(b'{"format"')
    for name, data in _tamperings(original[len(cache._MAGIC) + cache._CHECKSUM_BYTES:]).items():
        assert data != original, name
        pack.write_bytes(data)
        assert lint(["-j", "1", "./..."], tree) == uncached, name
        assert not (tree / "PWNED").exists() and not (tmp_path / "PWNED").exists(), name


def test_damaged_facts_are_collected_again(tmp_path, cache_dir):
    """A fact that does not decode (its pack damaged, the answers built from it dropped) is
    computed again from the file: the output is that of a run without cache."""
    tree = tmp_path / "tree"
    shutil.copytree(os.path.join(TESTDATA, "sl002"), tree, ignore=shutil.ignore_patterns("*.md"))
    (tree / ".startup-lint.toml").write_text('extend-select = ["SL002"]\n')  # off by default
    uncached = lint(["--no-cache", "-j", "1", "./..."], tree)
    assert uncached[0] == 1 and lint(["-j", "1", "./..."], tree) == uncached
    fact_packs = [p for p in cache_dir.glob("results-*/*.pack") if ".facts-" in p.name]
    assert fact_packs
    for pack in fact_packs:
        payload = pack.read_bytes()[len(cache._MAGIC) + cache._CHECKSUM_BYTES:]
        header, *entries = payload.split(b"\n")
        damaged = [line if number % 2 == 0 else b'{"@Evil":[]}' for number, line in enumerate(entries)]
        pack.write_bytes(_reseal(b"\n".join([header, *damaged])))
    (main,) = [p for p in cache_dir.glob("results-*/*.pack") if ".facts-" not in p.name and "derived" not in p.name]
    payload = main.read_bytes()[len(cache._MAGIC) + cache._CHECKSUM_BYTES:]
    main.write_bytes(_tamperings(payload)["answers dropped"])
    assert lint(["-j", "1", "./..."], tree) == uncached


def test_a_pack_holds_no_pickle(tmp_path, cache_dir):
    (tmp_path / "a.go").write_text('package a\n\nimport "go.uber.org/zap"\n\nfunc F() { zap.NewDevelopment(); zap.L().DPanic("F") }\n')
    lint([*ZAP_RULE, "a.go"], tmp_path)
    for pack in cache_dir.glob("results-*/*.pack"):
        for line in pack.read_bytes()[len(cache._MAGIC) + cache._CHECKSUM_BYTES:].split(b"\n"):
            json.loads(line)


# --- where the cache lives, and what --clean-cache removes -------------------------


@pytest.mark.parametrize("home", ["", "relative/dir"])
def test_an_empty_or_relative_home_falls_back_to_the_account_home(home, monkeypatch):
    import pwd

    monkeypatch.delenv(cache.ENV_VAR)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", home)
    monkeypatch.setattr(cache.sys, "platform", "linux")
    account_home = pwd.getpwuid(os.getuid()).pw_dir
    if account_home in ("", "/"):
        with pytest.raises(cache.CacheUnavailable):
            cache.cache_dir()
    else:
        assert cache.cache_dir() == os.path.join(account_home, ".cache", "startup-lint")


def test_without_any_home_the_run_goes_on_without_cache(tmp_path, monkeypatch):
    import pwd

    monkeypatch.delenv(cache.ENV_VAR)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: pwd.struct_passwd(("u", "x", uid, 0, "", "/", "/bin/sh")))
    (tmp_path / "a.go").write_text('package a\n\nimport "go.uber.org/zap"\n\nfunc F() { zap.NewDevelopment(); zap.L().DPanic("F") }\n')
    code, out, err = lint([*ZAP_RULE, "a.go"], tmp_path, env={cache.ENV_VAR: None})
    assert code == 1 and "SL005" in out
    assert [line for line in err.splitlines() if "cache" in line] == [
        "startup-lint: result cache off: HOME is not set and the account has no home directory; "
        "set STARTUP_LINT_CACHE_DIR or XDG_CACHE_HOME to cache results"]
    code, _, err = lint(["--clean-cache"], tmp_path, env={cache.ENV_VAR: None})
    assert code == 2 and err.startswith("startup-lint: error: no result cache to clean: HOME is not set")
    assert not os.path.exists("/.cache/startup-lint")


def test_an_absolute_xdg_cache_home_needs_no_home(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.ENV_VAR)
    monkeypatch.setenv("HOME", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(cache.sys, "platform", "linux")
    assert cache.cache_dir() == str(tmp_path / "xdg" / "startup-lint")


def _populate(tmp_path) -> None:
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "a.go").write_text('package a\n\nimport "runtime/debug"\n\nfunc F() { debug.SetGCPercent(-1) }\n')
    assert lint(["a.go"], tmp_path / "tree")[0] == 1


def test_clean_cache_removes_what_it_created_and_then_the_directory(tmp_path, cache_dir):
    _populate(tmp_path)
    assert (cache_dir / "CACHEDIR.TAG").exists()
    code, _, err = lint(["--clean-cache"], tmp_path)
    assert (code, err) == (0, f"removed {1 + whole_run_entries()} cache entries\n")
    assert not cache_dir.exists()


def test_clean_cache_in_a_directory_the_cache_did_not_create_removes_nothing(tmp_path, monkeypatch):
    """STARTUP_LINT_CACHE_DIR set to a directory of the user's, with results-* folders of its own."""
    mistaken = tmp_path / "home"
    (mistaken / "results-2024").mkdir(parents=True)
    (mistaken / "results-2024" / "report.pack").write_text("my data")
    monkeypatch.setenv(cache.ENV_VAR, str(mistaken))
    assert lint(["--clean-cache"], tmp_path)[0] == 0
    assert (mistaken / "results-2024" / "report.pack").read_text() == "my data"


def test_clean_cache_keeps_foreign_files_beside_its_own(tmp_path, cache_dir):
    _populate(tmp_path)
    (results,) = cache_dir.glob("results-*")
    (results / "notes.pack").write_text("not a pack")
    (results / "keep.txt").write_text("mine")
    (cache_dir / "results-mine").mkdir()
    (cache_dir / "results-mine" / "x").write_text("mine")
    code, _, err = lint(["--clean-cache"], tmp_path)
    assert (code, err) == (0, f"removed {1 + whole_run_entries()} cache entries\n")
    assert sorted(p.name for p in results.iterdir()) == ["keep.txt", "notes.pack"]
    assert (cache_dir / "results-mine" / "x").read_text() == "mine"
    assert (cache_dir / "CACHEDIR.TAG").exists(), "the tag stays while the directory holds others' files"


def test_stale_results_of_other_versions_are_pruned_only_in_a_tagged_directory(tmp_path, monkeypatch):
    root = tmp_path / "untagged"
    (root / "results-old").mkdir(parents=True)
    pack = root / "results-old" / "x.pack"
    pack.write_bytes(cache._MAGIC + b"0" * 20)
    os.utime(root / "results-old", (0, 0))
    cache._prune_stale(str(root), keep=str(root / "results-new"))
    assert pack.exists()
    cache._tag(str(root))
    cache._prune_stale(str(root), keep=str(root / "results-new"))
    assert not (root / "results-old").exists()


def test_packed_values_decode_at_each_use_and_keep_nothing_decoded():
    """What the main process holds of a file's facts until a whole-run rule asks: bytes only."""
    value = Box("b", (Point(0, 0), Point(3, 4)), {"x": (1,)})
    blob = cache_format.pack(cache_format.dumps(value))
    deferred = cache_format.packed(blob)
    assert deferred.value == value and deferred.value is not deferred.value  # decoded again, not kept
    assert deferred.text == cache_format.dumps(value) and deferred == cache_format.Deferred(value)
    assert cache_format.loads(cache_format.dumps({"k": deferred}))["k"].value == value
    with pytest.raises(cache_format.UndecodableValue):
        cache_format.packed(blob[:-3]).value


def test_facts_stored_this_run_are_held_packed_and_written_as_text(tmp_path):
    """The cache keeps the packed facts the run holds (one copy) and writes the same text as
    it would have of the records."""
    settings = build_settings(config_path=None, tests=True, generated=True, cwd=TESTDATA)
    path = next(p for p in _fixture_files() if analyze_file(p, "x.go", settings).facts)
    expected = analyze_file(path, "x.go", settings)
    store = cache.ResultCache(str(tmp_path / "c"), "fp", str(tmp_path))
    stored = analyze_file(path, "x.go", settings, cache=store)
    assert stored.facts and all(type(v) is cache_format.Deferred for v in stored.facts.values())
    assert {k: v.value for k, v in stored.facts.items()} == expected.facts
    store.save()
    again = cache.ResultCache(str(tmp_path / "c"), "fp", str(tmp_path))
    hit = again.load(store.keys["x.go"], "x.go", True)
    assert {k: v.value for k, v in hit.facts.items()} == expected.facts
    assert {k: v.value for k, v in stored.facts.items()} == expected.facts  # still readable after the save
