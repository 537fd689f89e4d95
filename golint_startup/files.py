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


_IMAGE_FILE_KINDS = ("Dockerfile", "Containerfile")
# Files named for a Dockerfile that build nothing: its notes, its own ignore file, a program's
# source or data (a Go package's `dockerfile.go` parses them).
_NOT_IMAGE_FILES = (".md", ".txt", ".rst", ".dockerignore", ".containerignore", ".go", ".py", ".json", ".yaml",
                    ".yml", ".toml")


def dockerfile_suffix(path: str) -> str | None:
    """What a Dockerfile's name says it builds: `operator` for `Dockerfile.operator`,
    `operator.Dockerfile` and Podman's `Containerfile.operator`, "" for a `Dockerfile` or
    `Containerfile` alone; None when the file is no Dockerfile."""
    name = os.path.basename(path)
    if name.lower().endswith(_NOT_IMAGE_FILES):
        return None
    for kind in _IMAGE_FILE_KINDS:
        if name == kind:
            return ""
        if name.startswith(kind + "."):
            return name[len(kind) + 1:]
        if name.endswith("." + kind):
            return name[:-len(kind) - 1]
    return None


def is_dockerfile(path: str) -> bool:
    """Whether the file is a Dockerfile or a Containerfile (see dockerfile_suffix)."""
    return dockerfile_suffix(path) is not None
