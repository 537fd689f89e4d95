"""The cache's data format: JSON that decodes only into plain values and registered records.

Pickle would run code from whoever can write the cache directory. This format cannot:
decoding builds str, int, float, bool, None, bytes, list, tuple, dict (any hashable keys),
set and frozenset, and instances of the record types registered here (dataclasses and
NamedTuples), by calling their constructor with their own fields' values, which are type
checked against the fields' annotations where those name a plain class.

Every value round-trips with its type: a tuple comes back a tuple, a dict keyed by tuples
comes back so. A JSON list is a list; every other container is a one-key JSON object whose
key says what it is:

    {"(": [...]} tuple      {"d": [[k, v], ...]} dict      {"s": [...]} set
    {"f": [...]} frozenset  {"b": "base64"} bytes          {"@Name": [field values]} record
    {"~": "json"} a Deferred value: its own encoding, kept as text until asked for

A type neither plain nor registered fails loudly when stored (`UnencodableValue`), so a
rule that starts returning a new kind of fact is caught by its first test with a cache.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import importlib
import json
import types
import typing
import zlib
from typing import Any, Callable

# Registered record types, by the name written in the cache, and the reverse.
_BY_NAME: dict[str, type] = {}
_NAMES: dict[type, str] = {}
# name -> (constructor, field names, per-field type check or None), built on first use.
_DECODERS: dict[str, tuple[Callable[..., Any], tuple[str, ...], tuple]] = {}

# The engine's records, registered on first use (importing them here would be circular);
# a rule decorates the types of its facts with `@register`.
_BUILT_IN = (
    ("golint_startup.engine.analysis", "FileResult", "FileResult"),
    ("golint_startup.rule", "Finding", "Finding"),
    ("golint_startup.rule", "Location", "Location"),
    ("golint_startup.rule", "Notification", "Notification"),
    ("golint_startup.go.gofile", "Directive", "Directive"),
)
# Modules listing their cached records in a tuple: (module, attribute, name prefix).
_BUILT_IN_LISTS = (
    ("golint_startup.go.callgraph.facts", "RECORDS", "callgraph."),
    ("golint_startup.go.configfiles", "RECORDS", "configfiles."),
)
_built_in_loaded = False


class UnencodableValue(TypeError):
    """A value of a type the cache format does not know: register it, or return plain data."""


class UndecodableValue(ValueError):
    """Cache data that is not what this format writes (damaged, foreign or tampered with)."""


def register(cls: type | None = None, *, name: str | None = None):
    """Allow a dataclass or NamedTuple in cached values: `@register` or `register(cls, name=...)`.

    `name` (default: the class's qualified name) is what the cache stores; it must be unique.
    """

    def add(record: type) -> type:
        if not (dataclasses.is_dataclass(record) or _is_named_tuple(record)):
            raise TypeError(f"{record.__qualname__}: only dataclasses and NamedTuples can be registered")
        if dataclasses.is_dataclass(record) and any(not f.init for f in dataclasses.fields(record)):
            raise TypeError(f"{record.__qualname__}: every field must be an __init__ parameter")
        key = name or record.__qualname__
        if _BY_NAME.get(key, record) is not record or _NAMES.get(record, key) != key:
            raise TypeError(f"cache record name {key!r} is already taken")
        _BY_NAME[key], _NAMES[record] = record, key
        return record

    return add(cls) if cls is not None else add


def _is_named_tuple(cls: type) -> bool:
    return isinstance(cls, type) and issubclass(cls, tuple) and hasattr(cls, "_fields")


def _load_built_in() -> None:
    global _built_in_loaded
    if _built_in_loaded:
        return
    _built_in_loaded = True
    for module_name, attribute, name in _BUILT_IN:
        record = getattr(importlib.import_module(module_name), attribute, None)
        if record is not None and record not in _NAMES:
            register(record, name=name)
    for module_name, attribute, prefix in _BUILT_IN_LISTS:
        for record in getattr(importlib.import_module(module_name), attribute):
            if record not in _NAMES:
                register(record, name=prefix + record.__name__)


class Deferred:
    """A value stored in its encoding and decoded on first use (`value`): facts that a warm
    run usually never looks at cost a JSON string scan instead of building every record.
    With `fetch`, even the text is read only when asked for (the cache keeps facts in a pack
    of their own), and neither it nor the value is kept: the caller keeps what it needs, so a
    run that decodes every file's facts for one rule holds them only while that rule runs.
    `value` (and `text`, with `fetch`) raise UndecodableValue like `loads`."""

    __slots__ = ("_text", "_value", "_fetch")
    _UNSET = object()

    def __init__(self, value: Any = _UNSET, *, text: str | None = None, fetch: Callable[[], str] | None = None):
        self._value, self._fetch = value, fetch
        self._text = dumps(value) if text is None and fetch is None else text

    @property
    def text(self) -> str:
        return self._fetch() if self._text is None else self._text

    @property
    def value(self) -> Any:
        if self._fetch is not None:
            return loads(self._fetch())
        if self._value is Deferred._UNSET:
            self._value = loads(self.text)
        return self._value

    def __eq__(self, other) -> bool:
        return isinstance(other, Deferred) and self.text == other.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Deferred({'unread' if self._text is None else str(len(self._text)) + ' characters'})"


def pack(text: str) -> bytes:
    """An encoding compressed (about tenfold for facts) to be held until a whole-run rule asks."""
    return zlib.compress(text.encode("ascii"), 1)


def unpack(blob: bytes) -> str:
    try:
        return zlib.decompress(blob).decode("ascii")
    except (zlib.error, UnicodeDecodeError) as err:
        raise UndecodableValue(f"damaged packed value: {err}") from None


def packed(blob: bytes) -> Deferred:
    """The Deferred value of a `pack`ed encoding, decompressed and decoded at each use."""
    return Deferred(fetch=functools.partial(unpack, blob))


def resolved(value: Any) -> Any:
    """The value itself, of a Deferred or of anything else."""
    return value.value if type(value) is Deferred else value


# --- encoding ---------------------------------------------------------------------


def dumps(value: Any) -> str:
    """One line of JSON (no raw newline: strings escape theirs)."""
    _load_built_in()
    try:
        return json.dumps(_encode(value), ensure_ascii=True, separators=(",", ":"), allow_nan=True)
    except RecursionError:
        raise UnencodableValue("value nested too deeply to cache") from None


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None or kind is float:
        return value
    if kind is list:
        return [_encode(item) for item in value]
    if kind is tuple:
        return {"(": [_encode(item) for item in value]}
    if kind is dict:
        return {"d": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if kind is frozenset:
        return {"f": [_encode(item) for item in value]}
    if kind is set:
        return {"s": [_encode(item) for item in value]}
    if kind is bytes:
        return {"b": base64.b64encode(value).decode("ascii")}
    if kind is Deferred:
        return {"~": value.text}
    name = _NAMES.get(kind)
    if name is None:
        raise UnencodableValue(f"cannot cache a {kind.__module__}.{kind.__qualname__}: register it with "
                               "golint_startup.engine.cache.register, or return plain data")
    if dataclasses.is_dataclass(value):
        fields = [getattr(value, f.name) for f in dataclasses.fields(value)]
    else:
        fields = list(value)
    return {"@" + name: [_encode(item) for item in fields]}


# --- decoding ---------------------------------------------------------------------


def loads(text: str | bytes) -> Any:
    """The value `dumps` wrote; `UndecodableValue` for anything else."""
    _load_built_in()
    try:
        return json.loads(text, object_hook=_decode_object)
    except UndecodableValue:
        raise
    except (ValueError, TypeError, RecursionError) as err:  # JSONDecodeError is a ValueError
        raise UndecodableValue(str(err)) from None


def _decode_object(obj: dict) -> Any:
    body = obj.get("(")
    if type(body) is list and len(obj) == 1:  # tuples are most of what a pack holds
        return tuple(body)
    if len(obj) != 1:
        raise UndecodableValue("a container must have exactly one tag")
    ((tag, body),) = obj.items()
    if tag[0] == "@":
        return _decode_record(tag[1:], body)
    if tag == "~":
        if not isinstance(body, str):
            raise UndecodableValue("a deferred value must be text")
        return Deferred(text=body)
    if tag == "b":
        if not isinstance(body, str):
            raise UndecodableValue("bytes must be base64 text")
        return base64.b64decode(body, validate=True)
    if not isinstance(body, list):
        raise UndecodableValue(f"tag {tag!r} must hold a list")
    if tag == "(":
        return tuple(body)
    if tag == "d":
        if not all(type(pair) is list and len(pair) == 2 for pair in body):
            raise UndecodableValue("a dict must be a list of pairs")
        return {key: value for key, value in body}
    if tag == "f":
        return frozenset(body)
    if tag == "s":
        return set(body)
    raise UndecodableValue(f"unknown tag {tag!r}")


def _decode_record(name: str, values: Any) -> Any:
    make, names, checks = _DECODERS.get(name) or _decoder(name)
    if type(values) is not list or len(values) != len(names):
        raise UndecodableValue(f"record {name} must hold its {len(names)} fields")
    for index, check in checks:  # only the fields that have a check: most records are hot
        if not isinstance(values[index], check):
            raise UndecodableValue(f"record {name}: field {names[index]} is a {type(values[index]).__name__}")
    return make(*values)


def _decoder(name: str):
    record = _BY_NAME.get(name)
    if record is None:
        raise UndecodableValue(f"unknown record {name!r}")
    if dataclasses.is_dataclass(record):
        names = tuple(f.name for f in dataclasses.fields(record))
    else:
        names = tuple(record._fields)
    try:
        hints = typing.get_type_hints(record)
    except Exception:  # annotations naming what cannot be resolved here: no checks
        hints = {}
    checks = tuple((index, check) for index, check in enumerate(_runtime_check(hints.get(n)) for n in names)
                   if check is not None)
    _DECODERS[name] = (record, names, checks)
    return _DECODERS[name]


def _runtime_check(hint: Any) -> type | tuple[type, ...] | None:
    """What isinstance can check of an annotation: its class, or its origin's (list[str] -> list)."""
    if hint is None or hint is Any:
        return None
    if hint is float:
        return (int, float)
    if isinstance(hint, type):
        return hint
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        parts = [_runtime_check(arg) for arg in typing.get_args(hint)]
        if any(part is None for part in parts):
            return None
        return tuple(t for part in parts for t in (part if isinstance(part, tuple) else (part,)))
    if isinstance(origin, type):
        return origin
    return None
