"""GitHub code scanning's `primaryLocationLineHash`, as github/codeql-action computes it.

A rolling hash (base 37, 64-bit wrap-around) over the 100 non-whitespace UTF-16 code
units that start each line; identical hashes in one file get `:1`, `:2`, ... suffixes.
Spaces and tabs are skipped, CR and CRLF count as LF.
"""

from __future__ import annotations

_BLOCK_SIZE = 100
_MOD = 37
_MASK = (1 << 64) - 1
_FIRST_MOD = pow(_MOD, _BLOCK_SIZE, 1 << 64)
_SPACE, _TAB, _LF, _CR, _EOF = 0x20, 0x09, 0x0A, 0x0D, 0xFFFF


def _utf16_units(text: str):
    for char in text:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            yield 0xD800 + (code >> 10)
            yield 0xDC00 + (code & 0x3FF)
        else:
            yield code


def line_hashes(text: str) -> dict[int, str]:
    """1-based line number -> `hash:n` for every line of `text`."""
    window = [0] * _BLOCK_SIZE
    line_numbers = [-1] * _BLOCK_SIZE
    hashes: dict[int, str] = {}
    counts: dict[str, int] = {}
    state = {"hash": 0, "index": 0}

    def output() -> None:
        index = state["index"]
        value = format(state["hash"], "x")
        counts[value] = counts.get(value, 0) + 1
        hashes[line_numbers[index]] = f"{value}:{counts[value]}"
        line_numbers[index] = -1

    def update(current: int) -> None:
        index = state["index"]
        begin = window[index]
        window[index] = current
        state["hash"] = (_MOD * state["hash"] + current - _FIRST_MOD * begin) & _MASK
        state["index"] = (index + 1) % _BLOCK_SIZE

    line_number = 0
    line_start = True
    prev_cr = False
    for current in [*_utf16_units(text), _EOF]:
        if current in (_SPACE, _TAB) or (prev_cr and current == _LF):
            prev_cr = False
            continue
        if current == _CR:
            current = _LF
            prev_cr = True
        else:
            prev_cr = False
        if line_numbers[state["index"]] != -1:
            output()
        if line_start:
            line_start = False
            line_number += 1
            line_numbers[state["index"]] = line_number
        if current == _LF:
            line_start = True
        update(current)
    for _ in range(_BLOCK_SIZE):
        if line_numbers[state["index"]] != -1:
            output()
        update(0)
    return hashes


def file_line_hashes(path: str) -> dict[int, str]:
    """Hashes for a file on disk, decoded as Node reads it (UTF-8, bad bytes replaced)."""
    with open(path, "rb") as handle:
        return line_hashes(handle.read().decode("utf-8", "replace"))


def fingerprints(findings, abspaths: dict[str, str]) -> dict[tuple[str, int], str]:
    """(display path, line) -> hash for every line that carries a finding."""
    by_path: dict[str, set[int]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, set()).add(finding.location.line)
    result = {}
    for path, lines in by_path.items():
        try:
            hashes = file_line_hashes(abspaths.get(path, path))
        except OSError:
            continue
        for line in lines:
            if line in hashes:
                result[(path, line)] = hashes[line]
    return result
