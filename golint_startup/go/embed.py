"""`//go:embed`: which package-level variables hold embedded files, and which files those are.

The go command resolves a directive's patterns relative to the directory of the Go file:
each pattern is a `path.Match` glob (optionally prefixed `all:`), a directory embeds the
tree below it (without names starting with `.` or `_` unless `all:`), and quoted
patterns may hold spaces.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shlex
from typing import Iterator

from golint_startup.go.syntax import text
from golint_startup.go.treefiles import file_size, note, scan

EMBED = "embed"
_DIRECTIVE = re.compile(r"^//go:embed\s+(.*?)\s*$")
# Walking the files a directive names is capped: a pattern such as `static` over a tree of
# assets must not turn one lint run into a scan of the disk.
MAX_ENTRIES = 2000


def _patterns(comment_text: str) -> list[str]:
    match = _DIRECTIVE.match(comment_text)
    if not match:
        return []
    try:
        return shlex.split(match.group(1).replace("`", '"'), posix=True)
    except ValueError:
        return match.group(1).split()


def _comments_above(node) -> list[str]:
    """Patterns of the `//go:embed` lines in the comments directly above `node`."""
    patterns: list[str] = []
    comment, line = node.prev_sibling, node.start_point[0]
    while comment is not None and comment.type == "comment" and comment.end_point[0] >= line - 1:
        patterns = _patterns(text(comment)) + patterns
        line = comment.start_point[0]
        comment = comment.prev_sibling
    return patterns


def directive_patterns(spec) -> tuple[str, ...]:
    """The patterns of the `//go:embed` comments right above a package-level var spec (or
    above its `var` keyword when the declaration holds only that spec)."""
    patterns = _comments_above(spec)
    declaration = spec.parent
    if not patterns and declaration is not None and declaration.type == "var_declaration" and \
            len([c for c in declaration.named_children if c.type == "var_spec"]) == 1:
        patterns = _comments_above(declaration)
    return tuple(patterns)


def embedded_variables(file) -> dict[str, tuple[str, ...]]:
    """Package-level variables of type `embed.FS` with a `//go:embed` directive: name -> patterns."""
    return _directed(file, lambda declared: file.names_type(declared, EMBED, "FS"))


def embedded_data_variables(file) -> dict[str, tuple[str, ...]]:
    """Package-level `string` or `[]byte` variables with a `//go:embed` directive (the data
    itself, in the binary's read-only memory): name -> patterns."""
    return _directed(file, lambda declared: declared is not None and
                     text(declared).replace(" ", "") in {"string", "[]byte", "[]uint8"})


def _directed(file, wanted_type) -> dict[str, tuple[str, ...]]:
    # A string or []byte variable needs only `import _ "embed"`.
    if not (file.imports_path(EMBED) or EMBED in file.blank_imports) or b"//go:embed" not in file.source:
        return {}
    found = {}
    for kind, node in file.declarations:
        if kind != "var_declaration":
            continue
        for spec in (c for c in node.named_children if c.type == "var_spec"):
            names = spec.children_by_field_name("name")
            if len(names) != 1 or not wanted_type(spec.child_by_field_name("type")):
                continue
            patterns = directive_patterns(spec)
            if patterns:
                found[text(names[0])] = patterns
    return found


def _hidden(name: str) -> bool:
    return name.startswith((".", "_"))


# `//go:generate cp ../../config/default/images.env embed/images.env`: a file the build
# embeds is copied in first, and kept out of git (secure-sign-operator's init reads its 2 KB
# list of images so, reported unsized and read as not worth a change).
_GENERATE_COPY = re.compile(r"^//go:generate\s+cp\s+(?:-\w+\s+)*([^\s-]\S*)\s+(\S+)\s*$", re.MULTILINE)


def go_sources(directory: str) -> Iterator[tuple[str, str]]:
    """(name, text) of each Go file of `directory`, each noted (treefiles.note): a whole-run
    answer drawn from them holds while they look the same."""
    try:
        names = sorted(entry.name for entry in scan(directory) if entry.name.endswith(".go"))
    except OSError:
        return
    for name in names:
        note(os.path.join(directory, name))
        try:
            with open(os.path.join(directory, name), "rb") as handle:
                yield name, handle.read().decode("utf-8", "replace")
        except OSError:
            continue


def generated_copies(directory: str) -> dict[str, int]:
    """Slash-separated path (relative to `directory`) -> size of each file that a
    `//go:generate cp SOURCE TARGET` of a Go file there copies in from a file of the tree."""
    copies: dict[str, int] = {}
    for _, source in go_sources(directory):
        if "//go:generate" not in source:
            continue
        for copied, target in _GENERATE_COPY.findall(source):
            size = file_size(os.path.join(directory, copied))
            if size is None:
                continue
            if target.endswith("/") or os.path.isdir(os.path.join(directory, target)):
                target = os.path.join(target, os.path.basename(copied))
            target = os.path.normpath(target).replace(os.sep, "/")
            if not target.startswith("../"):
                copies[target] = size
    return copies


def embedded_files(directory: str, patterns: tuple[str, ...], limit: int = MAX_ENTRIES) -> dict[str, int] | None:
    """Slash-separated path (relative to `directory`) -> size in bytes of each file the
    patterns embed, the tree's and those a `//go:generate cp` there copies in
    (generated_copies); None when more than `limit` directory entries would have to be read,
    or when a pattern names nothing there (the tree is not the one that gets built)."""
    copies = generated_copies(directory)
    files: dict[str, int] = {}
    budget = [limit]

    def add_tree(relative: str, everything: bool) -> bool:
        stack = [relative]
        while stack:
            current = stack.pop()
            try:
                entries = scan(os.path.join(directory, current))
            except OSError:
                return False
            budget[0] -= len(entries)
            if budget[0] < 0:
                return False
            for entry in entries:
                if not everything and _hidden(entry.name):
                    continue
                child = f"{current}/{entry.name}"
                try:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(child)
                    elif entry.is_file(follow_symlinks=False):
                        note(entry.path)
                        files[child] = entry.stat(follow_symlinks=False).st_size
                except OSError:
                    continue
        return True

    for pattern in patterns:
        everything = pattern.startswith("all:")
        pattern = pattern[4:] if everything else pattern
        if not pattern or pattern.startswith("/") or ".." in pattern.split("/"):
            return None
        parent, _, last = pattern.rpartition("/")
        # Only the last element may hold a glob here; deeper globs are rare and left unsized.
        if any(ch in parent for ch in "*?["):
            return None
        copied = {path: size for path, size in copies.items() if path == pattern or path.startswith(pattern + "/")
                  or path.rpartition("/")[0] == parent and fnmatch.fnmatchcase(path.rpartition("/")[2], last)}
        files.update(copied)
        try:
            entries = scan(os.path.join(directory, parent) if parent else directory)
        except OSError:
            if copied:
                continue
            return None
        budget[0] -= len(entries)
        if budget[0] < 0:
            return None
        matched = bool(copied)
        for entry in entries:
            if not fnmatch.fnmatchcase(entry.name, last):
                continue
            matched = True
            relative = f"{parent}/{entry.name}" if parent else entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not add_tree(relative, everything):
                        return None
                elif entry.is_file(follow_symlinks=False):
                    note(entry.path)
                    files[relative] = entry.stat(follow_symlinks=False).st_size
            except OSError:
                return None
        if not matched:
            return None
    return files


def read_size(files: dict[str, int], wanted: str | None) -> int | None:
    """The bytes a `ReadFile(wanted)` of an `embed.FS` holding `files` (see embedded_files)
    returns (`"./x.json"` is `x.json`); with the name not written out (None), every file's, the
    most it may read. None when that names no file there."""
    if wanted is None:
        return sum(files.values()) if files else None
    return files.get(wanted[2:] if wanted.startswith("./") else wanted)


def human_size(size: int) -> str:
    """A size as the inittrace reader thinks of it: bytes, KB or MB (powers of 1024)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
