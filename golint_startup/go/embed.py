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

from golint_startup.go.syntax import text
from golint_startup.go.treefiles import note, scan

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


def embedded_files(directory: str, patterns: tuple[str, ...], limit: int = MAX_ENTRIES) -> dict[str, int] | None:
    """Slash-separated path (relative to `directory`) -> size in bytes of each file the
    patterns embed; None when more than `limit` directory entries would have to be read,
    or when a pattern names nothing there (the tree is not the one that gets built)."""
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
        try:
            entries = scan(os.path.join(directory, parent) if parent else directory)
        except OSError:
            return None
        budget[0] -= len(entries)
        if budget[0] < 0:
            return None
        matched = False
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
