"""Listing the linted tree without failing on it: a directory that vanished, or that cannot
be read, lists as empty, as a missing file reads as nothing."""

from __future__ import annotations

import os


def listdir(directory: str) -> list[str]:
    """The names in a directory, sorted; [] when it cannot be listed."""
    try:
        return sorted(os.listdir(directory))
    except OSError:
        return []
