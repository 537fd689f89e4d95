"""The words of a name, however it is written: the one way rules and discovery read names
(a manifest's file name, a container's, a Go function's)."""

from __future__ import annotations

import re

# A run of capitals before a capitalized word or the end (`HTTP` of `HTTPServer`), a
# capitalized or lower-case word with any digits in it (`e2e`, `k3s`), or digits.
_SEPARATORS = re.compile(r"[^A-Za-z0-9]+")
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z][a-z0-9]*|[0-9]+")


def words(name: str) -> list[str]:
    """The lower-case words of `name`, split at `-`, `_`, `.`, spaces and camel-case humps:
    `newDevLogger` is new, dev, logger; `operator-webhook` is operator, webhook;
    `NewHTTPMock` is new, http, mock; `run-e2e` is run, e2e."""
    parts = (part if any(c.islower() for c in part) else part.lower()  # `E2E`, `API`: no humps
             for part in _SEPARATORS.split(name))
    return [word.lower() for part in parts for word in _WORD.findall(part)]


def listing(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`: items as a message names them."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
