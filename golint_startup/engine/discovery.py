"""Patterns to files, with the go command's conventions."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field

from golint_startup.files import is_dockerfile
from golint_startup.go.library import NOT_DEPLOYED_WORDS
from golint_startup.go.modules import names_below, outermost_root, skipped_dir, test_dir_matcher
from golint_startup.words import words


class PatternError(Exception):
    """A pattern that names nothing: a usage error (exit 2)."""


@dataclass
class Discovered:
    files: list[str] = field(default_factory=list)  # absolute, normalized, in order
    walked: list[str] = field(default_factory=list)  # roots of the `...` walks
    named: set[str] = field(default_factory=set)  # files named as such, kept or not
    # Kubernetes manifests (*.yaml, *.yml) and Dockerfiles found the same way, for the
    # manifest rules (SL101-SL105); Dockerfiles only from `...` walks.
    manifests: list[str] = field(default_factory=list)
    dockerfiles: list[str] = field(default_factory=list)
    # Makefiles, build scripts and goreleaser configs from `...` walks (Dockerfiles too): where
    # the project's builds name their build tags.
    build_files: list[str] = field(default_factory=list)

    def walked_whole(self, directory: str) -> bool:
        """Whether a `...` walk covered `directory` and everything below it."""
        return any(directory == root or directory.startswith(root.rstrip(os.sep) + os.sep) for root in self.walked)


def expand(patterns: list[str], *, tests: bool, exclude: list[str] = (), cwd: str | None = None) -> Discovered:
    cwd = cwd or os.getcwd()
    result = Discovered()
    seen: set[str] = set()

    def add(path: str) -> None:
        # `exclude` holds for named files too: pre-commit names every changed file.
        if path in seen or not kept(path, tests=tests, exclude=exclude):
            return
        seen.add(path)
        if is_build_file(path):
            result.build_files.append(path)
        if is_manifest(path):
            result.manifests.append(path)
        elif is_dockerfile(path):
            result.dockerfiles.append(path)
        elif path.endswith(".go"):
            result.files.append(path)

    for pattern in patterns or ["./..."]:
        recursive = pattern == "..." or pattern.endswith("/...")
        base = pattern[: -len("...")] if recursive else pattern
        base = os.path.normpath(os.path.join(cwd, base.rstrip("/") or base or "."))
        if recursive and os.path.dirname(base) == base:  # "/...": the whole file system
            raise PatternError(f"pattern {pattern}: walks the whole file system; name a directory")
        if recursive:
            if not os.path.isdir(base):
                raise PatternError(f"pattern {pattern}: directory {base} does not exist")
            result.walked.append(base)
            for path in walk_go_files(base, also=lambda p: is_manifest(p) or is_build_file(p)):
                add(path)
        elif os.path.isdir(base):
            for name in sorted(os.listdir(base)):
                path = os.path.join(base, name)
                if (name.endswith(".go") or is_manifest(name)) and not os.path.isdir(path):
                    add(path)
        elif os.path.lexists(base):
            if not base.endswith(".go") and not is_manifest(base):
                raise PatternError(f"pattern {pattern}: not a .go or YAML file or a directory")
            result.named.add(base)
            add(base)
        else:
            raise PatternError(f"pattern {pattern}: no such file or directory")
    return result


def is_manifest(path: str) -> bool:
    return path.endswith((".yaml", ".yml"))


_BUILD_FILE_NAMES = frozenset({"Makefile", "GNUmakefile", "makefile", "justfile", "Justfile", "Earthfile"})


def is_build_file(path: str) -> bool:
    """A file that may name the tags a build sets: a Makefile (or `*.mk`), a Dockerfile, a shell
    script, a goreleaser or Taskfile config."""
    name = os.path.basename(path)
    return name in _BUILD_FILE_NAMES or name.endswith((".mk", ".sh")) or is_dockerfile(path) or \
        (name.startswith((".goreleaser", "goreleaser", "Taskfile")) and is_manifest(name))


def walk_go_files(root: str, also=None) -> list[str]:
    """.go files below root (and those `also` accepts), skipping what `./...` skips; nested
    modules included.

    Symbolic links to directories are not followed (as with the go command), so a
    link loop cannot trap the walk.
    """
    files = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not skipped_dir(d))
        files += [os.path.join(directory, f) for f in sorted(filenames)
                  if f.endswith(".go") or (also is not None and also(f))]
    return files


def kept(path: str, *, tests: bool, exclude) -> bool:
    """Whether a found file is linted under these options (test files, exclude globs)."""
    return (tests or not path.endswith("_test.go")) and not excluded(path, exclude)


def excluded(path: str, globs) -> bool:
    """Whether a glob (absolute, see Settings.exclude) matches the file or a directory above it.

    As in fnmatch, `*` also matches `/`: `gen/*` excludes everything below gen/.
    """
    if not globs:
        return False
    path = path.replace(os.sep, "/")
    return any(fnmatch.fnmatchcase(path, g) or fnmatch.fnmatchcase(path, g.rstrip("/") + "/*") for g in globs)


def in_test_dir(path: str, test_dirs, cwd: str) -> bool:
    """Whether a file lies under a directory named like test or tooling code (`test-dirs`):
    a path component between the root of its outermost module (else `cwd`) and the file. So
    an end-to-end app that imports no testing package, or a module nested under `test/`, is
    test code."""
    return bool(test_dir_components(path, test_dirs, cwd))


def names_an_example_or_test(path: str) -> bool:
    """Whether a manifest's file name has `example`, `sample`, `test` or `conformance` as a word
    (NOT_DEPLOYED_WORDS)."""
    return not NOT_DEPLOYED_WORDS.isdisjoint(words(os.path.basename(path).rsplit(".", 1)[0]))


# Other projects' code and releases copied into the tree (knative's VENDOR-LICENSE sources,
# copied install manifests): read for context, never reported, as golangci-lint's default
# exclusions do; their findings are not this project's to fix.
THIRD_PARTY = "third_party"


def in_third_party(path: str, cwd: str) -> bool:
    """Under a `third_party` directory below the run's directory or the file's outermost
    module (a fork with a go.mod of its own in a tree without one is still third party)."""
    return THIRD_PARTY in (names_below(os.path.dirname(path), cwd) or ()) or in_test_dir(path, (THIRD_PARTY,), cwd)


def test_dir_components(path: str, test_dirs, cwd: str) -> set[str]:
    """The components of `test_dirs` that make the file test code (see in_test_dir)."""
    if not test_dirs:
        return set()
    directory = os.path.dirname(path)
    is_test_dir = test_dir_matcher(tuple(test_dirs))
    return {name for name in names_below(directory, outermost_root(directory) or cwd) or () if is_test_dir(name)}
