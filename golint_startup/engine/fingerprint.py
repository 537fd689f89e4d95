"""GitHub code scanning's `primaryLocationLineHash`, as github/codeql-action computes it.

A rolling hash (base 37, 64-bit wrap-around) over the 100 non-whitespace UTF-16 code
units that start each line; identical hashes in one file get `:1`, `:2`, ... suffixes.
Spaces and tabs are skipped, CR and CRLF count as LF.
"""

from __future__ import annotations

import operator
import sys
from array import array
from itertools import accumulate
from typing import Iterable

_BLOCK_SIZE = 100
_MOD = 37
_MASK = (1 << 64) - 1
_EOF = 0xFFFF


_POWERS = [pow(_MOD, _BLOCK_SIZE - 1 - i, 1 << 64) for i in range(_BLOCK_SIZE)]
_UNIT = 2  # bytes per UTF-16 code unit


def line_hashes(text: str, lines: Iterable[int] | None = None) -> dict[int, str]:
    """1-based line number -> `hash:n` for every line of `text` (or only for `lines`).

    Equivalent to codeql-action's rolling hash, computed without a Python-level loop per
    character (that loop cost seconds on a large tree): the hash of a line is the base-37
    polynomial of the 100 code units starting there, in the stream with spaces and tabs
    removed, CRLF and CR read as LF, then an end-of-file unit and zeros. Lines whose
    100-unit windows are equal have equal hashes and count towards `:n` in line order.
    (Two different windows with the same 64-bit hash would count as one there; that
    collision is not reproduced.)
    """
    return _hashes(text.replace("\r\n", "\n").replace("\r", "\n").replace(" ", "").replace("\t", ""), lines)


def _hashes(stream: str, lines: Iterable[int] | None) -> dict[int, str]:
    """line_hashes of a text already without spaces and tabs, and with LF line ends."""
    encoded = stream.encode("utf-16-le", "surrogatepass")
    padded = encoded + _EOF.to_bytes(_UNIT, "little") + bytes(_UNIT * _BLOCK_SIZE)
    pieces = stream.split("\n")
    if len(encoded) == _UNIT * len(stream):  # no surrogate pairs: characters are code units
        lengths = map(len, pieces)
    else:
        lengths = (len(piece.encode("utf-16-le", "surrogatepass")) // _UNIT for piece in pieces)
    # Byte offset of each line's first unit (each line but the last is followed by its LF).
    starts = accumulate((_UNIT * (length + 1) for length in lengths), initial=0)
    numbers = range(1, len(pieces) + 1) if lines is None else sorted(n for n in set(lines) if 0 < n <= len(pieces))
    # Windows up to the last line asked for: a line's count looks only at the lines before it.
    needed = pieces if lines is None else pieces[:numbers[-1] if numbers else 0]
    windows = [padded[start:start + _UNIT * _BLOCK_SIZE] for start, _ in zip(starts, needed)]
    counts: dict[bytes, int] = {}
    values: dict[bytes, str] = {}
    hashes: dict[int, str] = {}
    for number in numbers:
        window = windows[number - 1]
        if lines is None:
            counts[window] = count = counts.get(window, 0) + 1
        else:
            count = windows[:number].count(window)
        value = values.get(window)
        if value is None:
            units = array("H", window)
            if sys.byteorder == "big":
                units.byteswap()
            value = values[window] = format(sum(map(operator.mul, units, _POWERS)) & _MASK, "x")
        hashes[number] = f"{value}:{count}"
    return hashes


def file_line_hashes(path: str, lines: Iterable[int] | None = None) -> dict[int, str]:
    """Hashes for a file on disk, decoded as Node reads it (UTF-8, bad bytes replaced)."""
    with open(path, "rb") as handle:
        data = handle.read()
    # Removing ASCII bytes from valid UTF-8 keeps it valid, and is much faster on bytes
    # than on a str with non-ASCII characters. Invalid UTF-8 takes the slow way: there,
    # removing a space could join two bad bytes into one replacement character.
    try:
        stream = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").replace(b" ", b"").replace(b"\t", b"")
        return _hashes(stream.decode("utf-8"), lines)
    except UnicodeDecodeError:
        return line_hashes(data.decode("utf-8", "replace"), lines)


def fingerprints(findings, abspaths: dict[str, str]) -> dict[tuple[str, int], str]:
    """(display path, line) -> hash for every line that carries a finding."""
    by_path: dict[str, set[int]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, set()).add(finding.location.line)
    result = {}
    for path, lines in by_path.items():
        try:
            hashes = file_line_hashes(abspaths.get(path, path), lines)
        except OSError:
            continue
        for line in lines:
            if line in hashes:
                result[(path, line)] = hashes[line]
    return result
