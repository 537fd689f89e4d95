"""The result cache: unchanged files are read and hashed, never parsed again.

Every file's entry maps a key to that file's `FileResult` (findings, facts, directives,
notifications). The key hashes everything the result depends on:

- the file's bytes, as read for the analysis (so what is stored is what was analyzed);
- its display path (findings carry it) and whether it is reported on or only read for
  module context;
- the effective configuration (`Settings.fingerprint()`);
- the code: the contents of every engine and rule source file, the version, the Python
  version, and the tree-sitter grammar. Hashing the sources (about 0.3 MB, under a
  millisecond, once per run) rather than trusting the version number means that editing
  a rule during development never serves results of the old rule.

The entries of one configuration and working directory live together in one *pack*
file in the platform cache directory (`STARTUP_LINT_CACHE_DIR` overrides), loaded once
and written once per run: creating one file per entry cost about 0.3 ms per file on
ext4, more than analyzing it with the cheap rules. A pack is written to a temporary file
and renamed into place, so concurrent runs never see half of one (the last writer wins;
the other's new entries are computed again next time). A checksum guards against
corrupt or truncated packs; they count as empty and are rewritten.

A pack is data, never code (see `cache_format`): a header line, then two lines per entry,
its JSON address `[display path, role, key, absolute path]` and its JSON value, decoded
only when looked up. An entry that does not decode, or decodes to something else than
what was asked for, is a miss, so a damaged or tampered-with pack gives the output of a
run without cache. (Whoever can write the cache can still forge a well-formed result, as
they could edit the sources; they cannot run code.)
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
import sys
import tempfile
import time
import zlib
from functools import cache
from typing import Callable, Iterator

from golint_startup.engine import cache_format
from golint_startup.files import listdir
from golint_startup.engine.cache_format import register  # noqa: F401  (a rule registers its fact types here)

ENV_VAR = "STARTUP_LINT_CACHE_DIR"
_MAGIC = b"SLC3"
_PACK_SUFFIX = ".pack"
_CHECKSUM_BYTES = 16
_RESULTS_PREFIX = "results-"
# Tags of values derived from one file's content (runner.Project.facts_on_demand): see _pack_of.
_DERIVED = "derived:"
_FACTS_PART = ".facts-"  # packs of the files' facts, one per kind (see encode_result)
# Results of other code versions, unused this long, are removed when a run opens the cache.
_STALE_SECONDS = 7 * 24 * 3600


class CacheUnavailable(Exception):
    """No sane place for the cache: the run goes on without it, saying so in one line."""


def cache_dir() -> str:
    """The platform cache directory, without the standard library's help (no platformdirs)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return os.path.abspath(os.path.expanduser(override))
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(_home(), "AppData", "Local")
        return os.path.join(base, "startup-lint", "Cache")
    if sys.platform == "darwin":
        return os.path.join(_home(), "Library", "Caches", "startup-lint")
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec says to ignore relative paths
        base = os.path.join(_home(), ".cache")
    return os.path.join(base, "startup-lint")


def _home() -> str:
    """The user's home: $HOME if it is an absolute path, else the account's home directory.

    An empty or relative HOME (as some CI runners and containers set) would put the cache
    at /.cache or below the working directory.
    """
    if sys.platform == "win32":
        return os.path.expanduser("~")
    home = os.environ.get("HOME", "")
    if os.path.isabs(home):
        return home
    try:
        import pwd

        home = pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError, OSError):
        home = ""
    if not os.path.isabs(home) or home == "/":
        raise CacheUnavailable("HOME is not set and the account has no home directory; "
                               f"set {ENV_VAR} or XDG_CACHE_HOME to cache results")
    return home


def _source_files(package_dir: str) -> list[str]:
    found = []
    for directory, dirnames, filenames in os.walk(package_dir):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        found += [os.path.join(directory, f) for f in sorted(filenames) if f.endswith(".py")]
    return found


@cache
def code_fingerprint() -> str:
    """A hash of the code that produces a FileResult (computed once per process)."""
    import tree_sitter

    import golint_startup
    from golint_startup.go import syntax
    from golint_startup import rules as catalog

    digest = hashlib.sha256()
    grammar = syntax.GO
    binding = getattr(getattr(tree_sitter, "_binding", None), "__file__", "") or ""
    try:
        binding_stat = os.stat(binding)
        binding_id = f"{binding_stat.st_size}:{binding_stat.st_mtime_ns}"
    except OSError:
        binding_id = ""
    digest.update(repr((golint_startup.__version__, sys.version_info[:2], grammar.semantic_version,
                        grammar.abi_version, grammar.parse_state_count, binding_id)).encode())
    for package_dir in [*golint_startup.__path__, *catalog.__path__]:
        for path in _source_files(package_dir):
            digest.update(os.path.relpath(path, package_dir).encode("utf-8", "surrogatepass") + b"\0")
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:24]


def entry_key(salt: bytes, display: str, report: bool | str, source: bytes) -> str:
    """`report` is the file's role (reported on, or read for context), or a derived value's tag."""
    digest = hashlib.sha256(salt)
    digest.update(display.encode("utf-8", "surrogatepass"))
    role = report if isinstance(report, str) else ("report" if report else "context")
    digest.update(b"\0" + role.encode() + b"\0")
    digest.update(source)
    return digest.hexdigest()


def encode_result(result) -> tuple[str, dict[str, bytes]]:
    """A FileResult's entry, and its facts apart, encoded and packed (cache_format.pack), by
    kind (a rule's id, the startup model's). The entry names each fact by an empty Deferred;
    ResultCache.load makes it fetch its text from that kind's facts pack, read only when a
    whole-run rule or the startup model needs that kind: a warm run whose whole-run answers
    are cached reads none (they are most of what the cache holds), and one rule that is not
    cached reads only its own. The run holds the packed facts, not the records, until then."""
    if not result.facts:
        return cache_format.dumps(result), {}
    stubs = {key: cache_format.Deferred(text="") for key in result.facts}
    return cache_format.dumps(dataclasses.replace(result, facts=stubs)), encode_facts(result.facts)


def encode_facts(facts: dict) -> dict[str, bytes]:
    """Each kind's facts, encoded and packed."""
    return {key: cache_format.pack(value.text if type(value) is cache_format.Deferred else cache_format.dumps(value))
            for key, value in facts.items()}


def _text(value: str | bytes) -> str:
    """An entry's value as written: read from a pack (text) or stored this run (packed)."""
    return value if type(value) is str else cache_format.unpack(value)


def files_digest(displays, abspaths: dict[str, str], keys: dict[str, str],
                 read: Callable[[str], bytes | None]):
    """A running sha256 of what the files are (path and content) and of the modules they lie
    in, for a value derived from all of them. A file's content counts through its result's
    cache key (which hashes it), as the run looked it up or stored it; a file without one (not
    cached: an internal error, a file refused) is read again, and one that cannot be read
    counts as such."""
    from golint_startup.go import modules

    digest, layout = hashlib.sha256(), set()
    for display in sorted(displays):
        if display in keys:
            content = b"key:" + keys[display].encode()
        else:
            source = read(display)
            content = b"unreadable" if source is None else b"sha256:" + hashlib.sha256(source).digest()
        digest.update(f"\0{display}\0{abspaths[display]}\0".encode() + content)
        layout.add(modules.module_of_dir(os.path.dirname(abspaths[display])))
    for module in sorted(layout - {None}, key=lambda m: m.root):
        digest.update(repr((module, modules.visible_modules(module))).encode())
    return digest


class KeyOnly:
    """The cache as a worker sees it: keys for what it analyzes, kept for the main process."""

    def __init__(self, salt: bytes):
        self.salt = salt
        self.stored: dict[tuple[str, bool], tuple[str, tuple[str, dict[str, bytes]]]] = {}

    def key(self, display: str, report: bool | str, source: bytes) -> str:
        return entry_key(self.salt, display, report, source)

    def load(self, key: str, display: str, report: bool):
        return None  # the main process looked it up already

    def store(self, key: str, abspath: str, display: str, report: bool, result) -> None:
        self.stored[(display, report)] = (key, encode_result(result))


class ResultCache:
    """The entries of one code version, configuration and working directory."""

    def __init__(self, root: str, settings_fingerprint: str, cwd: str, code: str | None = None, part: str = ""):
        """`part`: "" for the FileResults, or the name of a pack of derived values (see _DERIVED)."""
        code = code or code_fingerprint()
        self._place = (root, settings_fingerprint, cwd, code)
        self._siblings: dict[str, ResultCache] = {}
        self.directory = os.path.join(root, _RESULTS_PREFIX + code)
        self.salt = f"{code}\0{settings_fingerprint}\0".encode()
        name = hashlib.sha256(self.salt + os.path.abspath(cwd).encode("utf-8", "surrogatepass")).hexdigest()
        self.path = os.path.join(self.directory, name[:32] + part + _PACK_SUFFIX)
        self._parts: dict[str, ResultCache] = {}  # the packs kept beside this one, by part name
        self._part = part
        # (display path, report) -> (key, encoded FileResult, absolute path); what this run
        # stores is packed (cache_format.pack) until written, see _text
        self._entries: dict[tuple[str, bool | str], tuple[str, str | bytes, str]] = _read_pack(self.path)
        self._new: dict[tuple[str, bool | str], tuple[str, str | bytes, str]] = {}
        # display path -> the key of the FileResult this run loaded or stored for it, shared
        # by the siblings: what the run's files hash to, without reading them again.
        self.keys: dict[str, str] = {}

    @classmethod
    def open(cls, settings_fingerprint: str, cwd: str | None = None) -> "ResultCache":
        root = cache_dir()
        result_cache = cls(root, settings_fingerprint, cwd or os.getcwd())
        _prune_stale(root, keep=result_cache.directory)
        return result_cache

    def for_settings(self, settings_fingerprint: str) -> "ResultCache":
        """The entries of files with other settings (their own config file), saved with these."""
        root, own, cwd, code = self._place
        if settings_fingerprint == own:
            return self
        if settings_fingerprint not in self._siblings:
            self._siblings[settings_fingerprint] = ResultCache(root, settings_fingerprint, cwd, code)
            self._siblings[settings_fingerprint].keys = self.keys
        return self._siblings[settings_fingerprint]

    @property
    def empty(self) -> bool:
        """Nothing stored: every lookup would miss, so callers skip them."""
        return not self._entries

    def key(self, display: str, report: bool | str, source: bytes) -> str:
        return entry_key(self.salt, display, report, source)

    def load(self, key: str, display: str, report: bool):
        """The stored FileResult for this key, or None."""
        from golint_startup.engine.analysis import FileResult

        entry = self._entries.get((display, report))
        if entry is None or entry[0] != key:
            return None
        try:
            result = cache_format.loads(entry[1])
        except cache_format.UndecodableValue:  # damaged or tampered with: a miss like any other
            return None
        if not isinstance(result, FileResult) or result.path != display:
            return None
        if result.facts:
            result.facts = {fact: cache_format.Deferred(fetch=functools.partial(self._fact_text, display, report, key,
                                                                                fact))
                            for fact in result.facts}
        self.keys[display] = key
        return result

    def _fact_text(self, display: str, report: bool, key: str, fact: str) -> str:
        """One fact's encoding, from its kind's pack (read on the first call)."""
        entry = self._facts_pack(fact)._entries.get((display, report))
        if entry is None or entry[0] != key or not entry[1]:
            raise cache_format.UndecodableValue(f"the {fact} facts of {display} are missing")
        return _text(entry[1])

    def _facts_pack(self, fact: str) -> "ResultCache":
        return self._part_pack(_FACTS_PART + re.sub(r"[^\w-]", "_", fact))

    def _part_pack(self, part: str) -> "ResultCache":
        """A pack beside this one (same code, settings and directory), read when first asked for."""
        if part not in self._parts:
            root, own, cwd, code = self._place
            self._parts[part] = ResultCache(root, own, cwd, code, part=part)
        return self._parts[part]

    def store(self, key: str, abspath: str, display: str, report: bool, result) -> None:
        """Keep `result` for `save`; its facts become the packed ones kept (one copy of them)."""
        encoded = encode_result(result)
        self.store_encoded(key, abspath, display, report, encoded)
        result.facts = {fact: cache_format.packed(blob) for fact, blob in encoded[1].items()}

    def _pack_of(self, tag: str) -> "ResultCache":
        """Where a derived value lives: the values derived from one file (SL004's and the startup
        model's completed facts, the bulk of the cache) in their own pack, read only when one is
        asked for, so a warm run that needs none holds none in memory."""
        if self._part or not tag.startswith(_DERIVED):
            return self
        return self._part_pack(".derived")

    def load_derived(self, display: str, tag: str, source: bytes) -> tuple | None:
        """A value a rule derived from this exact file content, as `(value,)`; None if not stored."""
        pack = self._pack_of(tag)
        if pack is not self:
            return pack.load_derived(display, tag, source)
        entry = self._entries.get((display, tag))
        if entry is None or entry[0] != self.key(display, tag, source):
            return None
        try:
            value = cache_format.loads(_text(entry[1]))
        except cache_format.UndecodableValue:  # a damaged entry is a miss
            return None
        return value if isinstance(value, tuple) and len(value) == 1 else None

    def store_derived(self, display: str, tag: str, source: bytes, abspath: str, value) -> None:
        pack = self._pack_of(tag)
        if pack is not self:
            return pack.store_derived(display, tag, source, abspath, value)
        self._new[(display, tag)] = (self.key(display, tag, source),
                                     cache_format.pack(cache_format.dumps((value,))), abspath)

    def store_encoded(self, key: str, abspath: str, display: str, report: bool,
                      encoded: tuple[str, dict[str, bytes]]) -> None:
        """Keep an encoded FileResult and its facts (encode_result, as a worker sent them) for `save`."""
        entry, facts = encoded
        self._new[(display, report)] = (key, entry, abspath)
        for fact, text in facts.items():
            self._facts_pack(fact)._new[(display, report)] = (key, text, abspath)
        self.keys[display] = key

    def save(self) -> None:
        """Write the pack if anything changed; a cache that cannot be written is skipped."""
        for sibling in [*self._siblings.values(), *self._parts.values()]:
            sibling.save()
        if not self._new:
            return
        # Entries of files this run did not visit stay (a run over ./pkg/... keeps the rest),
        # unless the file is gone.
        kept = {where: entry for where, entry in self._entries.items()
                if where not in self._new and os.path.exists(entry[2])}
        tmp = None
        try:
            _tag(os.path.dirname(self.directory))
            os.makedirs(self.directory, mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                # Written piece by piece, the checksum last, in its place after the magic: a
                # whole payload in memory (and its copy with the header) tripled a large
                # pack's size at the end of a run that filled the cache.
                handle.write(_MAGIC + bytes(_CHECKSUM_BYTES))
                checksum = hashlib.sha256()
                for piece in _pack_pieces({**kept, **self._new}):
                    checksum.update(piece)
                    handle.write(piece)
                handle.seek(len(_MAGIC))
                handle.write(checksum.digest()[:_CHECKSUM_BYTES])
            os.replace(tmp, self.path)
            tmp = None
        except OSError:
            pass
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
        self._entries, self._new = {**kept, **self._new}, {}


def _read_pack(path: str) -> dict:
    """A pack's entries; missing, truncated, corrupt or foreign packs read as empty."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return {}
    header = len(_MAGIC) + _CHECKSUM_BYTES
    if len(data) <= header or not data.startswith(_MAGIC):
        return {}
    if hashlib.sha256(memoryview(data)[header:]).digest()[:_CHECKSUM_BYTES] != data[len(_MAGIC):header]:
        return {}
    lines = data[header:].split(b"\n")
    del data
    if lines[0] != _PACK_HEADER or len(lines) % 2 != 1:
        return {}
    entries = {}
    try:
        for address, value in zip(lines[1::2], lines[2::2]):
            display, role, key, abspath = json.loads(address)
            if not (isinstance(display, str) and isinstance(role, (bool, str)) and isinstance(key, str)
                    and isinstance(abspath, str)):
                return {}
            entries[(display, role)] = (key, value.decode("ascii"), abspath)
    except (ValueError, TypeError, RecursionError):  # not JSON, not four fields, not ASCII
        return {}
    return entries


# The first line of a pack: what it is and the format's version.
_PACK_HEADER = json.dumps({"format": "startup-lint result cache", "version": 3}, separators=(",", ":")).encode()


def _pack_pieces(entries: dict[tuple[str, bool | str], tuple[str, str | bytes, str]]) -> Iterator[bytes]:
    """A pack's payload: the header line, then an address line and a value line per entry."""
    yield _PACK_HEADER
    for (display, role), (key, value, abspath) in entries.items():
        yield b"\n" + json.dumps([display, role, key, abspath], ensure_ascii=True, separators=(",", ":")).encode()
        yield b"\n" + (value.encode("ascii") if type(value) is str else zlib.decompress(value))


_TAG = b"""Signature: 8a477f597d28d172789f06886806bc55
# This file is a cache directory tag created by startup-lint.
# For information about cache directory tags see https://bford.info/cachedir/
"""


def _tag(root: str) -> None:
    """Create the directory with a CACHEDIR.TAG, so backup tools skip it."""
    tag = os.path.join(root, "CACHEDIR.TAG")
    if os.path.exists(tag):
        return
    try:
        os.makedirs(root, mode=0o700, exist_ok=True)
        with open(tag, "wb") as handle:
            handle.write(_TAG)
    except OSError:
        pass


def _prune_stale(root: str, keep: str) -> None:
    """Mark this code version's packs as in use; remove other versions' unused ones."""
    try:
        if os.path.isdir(keep):
            os.utime(keep)
        names = os.listdir(root)
    except OSError:
        return
    if not _is_own_tag(os.path.join(root, "CACHEDIR.TAG")):
        return
    now = time.time()
    for name in names:
        path = os.path.join(root, name)
        if path == keep:
            continue
        try:
            if now - os.stat(path).st_mtime > _STALE_SECONDS:
                _empty_results_dir(root, name)
        except OSError:
            pass


def clean() -> int:
    """Remove every stored result; the number of entries removed.

    Only what the cache itself created goes: packs (recognized by their first bytes) and
    unfinished temporary files in `results-*` directories of a directory holding this
    tool's CACHEDIR.TAG, then those directories and the tag if nothing else is left. A
    mistaken STARTUP_LINT_CACHE_DIR (say, a home directory) loses nothing else.
    """
    root = cache_dir()
    tag = os.path.join(root, "CACHEDIR.TAG")
    if not _is_own_tag(tag):
        return 0
    removed = sum(_empty_results_dir(root, name) for name in listdir(root))
    if not [name for name in listdir(root) if name != "CACHEDIR.TAG"]:
        _remove(os.unlink, tag)
        _remove(os.rmdir, root)
    return removed


def _empty_results_dir(root: str, name: str) -> int:
    """Remove a results directory's packs and temporary files, then the directory if that
    emptied it; the number of entries removed."""
    results = os.path.join(root, name)
    if not name.startswith(_RESULTS_PREFIX) or os.path.islink(results) or not os.path.isdir(results):
        return 0
    removed = 0
    for entry in listdir(results):
        path = os.path.join(results, entry)
        if os.path.islink(path) or not os.path.isfile(path):
            continue
        if entry.endswith(_PACK_SUFFIX) and _is_pack(path):
            # A file's facts are part of its entry, kept apart: not counted again.
            removed += 0 if _FACTS_PART in entry else len(_read_pack(path))
        elif not entry.startswith(".tmp-"):
            continue
        _remove(os.unlink, path)
    _remove(os.rmdir, results)  # only when empty: what else is there is not ours
    return removed


def _is_own_tag(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(_TAG) + 1) == _TAG
    except OSError:
        return False


def _is_pack(path: str) -> bool:
    """A pack of this or an earlier version: b"SLC" and a version digit."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return False
    return head[:3] == _MAGIC[:3] and head[3:4].isdigit()


def _remove(remove: Callable[[str], None], path: str) -> None:
    try:
        remove(path)
    except OSError:
        pass
