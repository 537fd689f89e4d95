"""YAML read with positions for the manifest rules: a file's Source (where a node is, in byte
columns), the documents PyYAML's composer gives (`compose`, its nesting bounded), and the
accessors of their nodes (`get`, `value`, `text`, `items`, `mapping_items`).

PyYAML's composer (`yaml.compose_all`) gives every node, key and value alike, its start and
end position, keeps each scalar's text as written (so `GOGC: off` stays "off" instead of YAML
1.1's false), and its libyaml loader is fast; ruamel.yaml keeps positions only per mapping
key, through a separate accessor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from golint_startup.rule import Location, Notification

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

TEMPLATE = "{{"


@dataclass(frozen=True)
class Source:
    """One YAML file: where it is, and what turns its character columns into byte columns."""

    display: str
    abspath: str
    # Its lines that hold a character outside ASCII, by index: only on those does a byte
    # column differ from a character column. Keeping every line cost kserve's run 175 MB
    # (sixty 1.5 MB release bundles).
    wide_lines: dict[int, str] = field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, display: str, abspath: str, text: str) -> Source:
        if text.isascii():
            return cls(display, abspath)
        return cls(display, abspath, {i: line for i, line in enumerate(text.splitlines()) if not line.isascii()})

    def location(self, start: yaml.Node, end: yaml.Node | None = None, message: str = "") -> Location:
        end = end or start
        return Location(self.display, start.start_mark.line + 1, self._byte_col(start.start_mark) + 1,
                        end.end_mark.line + 1, self._byte_col(end.end_mark) + 1, message)

    def _byte_col(self, mark) -> int:
        line = self.wide_lines.get(mark.line)
        return mark.column if line is None else len(line[: mark.column].encode("utf-8"))


def get(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key node, value node) of `key` in a mapping node; the last one if repeated."""
    if not isinstance(node, yaml.MappingNode):
        return None
    found = None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            found = (key_node, value_node)
    return found


def value(node: yaml.Node | None, *path: str) -> yaml.Node | None:
    for key in path:
        pair = get(node, key)
        if pair is None:
            return None
        node = pair[1]
    return node


def text(node: yaml.Node | None) -> str | None:
    """A scalar's text as written; None for anything else, and for template placeholders."""
    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null" and TEMPLATE not in node.value:
        return node.value
    return None


def mapping_items(node: yaml.Node | None) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """A mapping's entries keyed by a scalar ([] for anything else)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]


def items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


@dataclass
class Document:
    source: Source
    root: yaml.Node


# Deeper than any manifest; composing recurses once per level, and some libyaml builds
# recurse in C, where running out of stack is a crash rather than a RecursionError.
_MAX_NESTING = 256
_TOO_DEEP = f"YAML nested more than {_MAX_NESTING} levels deep; skipped"


# What may open a block collection at the start of a line: indentation, `- ` and `? `.
_LINE_PREFIX = re.compile(r"^[ \t?-]*", re.MULTILINE)


def _nesting_exceeds(text: str, limit: int) -> bool:
    """Whether collections nest deeper than `limit`, from the parser's event stream (which
    does not recurse); a parse error is left for the composer to report.

    Parsing is skipped when the text cannot nest that deep: a flow collection opens at a
    `[` or `{`, and a block collection one level below another either starts further right
    or is a sequence under a mapping key at the same column, so block nesting is at most
    twice the longest line prefix of blanks, `-` and `?`, plus one. (Parsing was a third of
    a warm run on a tree of 2,600 manifests.)"""
    flows = text.count("[") + text.count("{")
    if flows < limit and flows + 2 * max(map(len, _LINE_PREFIX.findall(text)), default=0) + 2 <= limit:
        return False
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limit:
                    return True
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return False
    return False


def compose(text: str, source: Source, notify) -> list[Document]:
    documents = []
    if _nesting_exceeds(text, _MAX_NESTING):
        notify(Notification(_TOO_DEEP, source.display))
        return []
    try:
        for root in yaml.compose_all(text, Loader=_Loader):
            if root is not None:
                documents.append(Document(source, root))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        hint = "; template placeholders ({{ }}): lint the rendered output" if TEMPLATE in text else ""
        notify(Notification(f"YAML does not parse: {problem}{hint}; "
                            f"{'the documents before it are checked' if documents else 'skipped'}",
                            source.display, mark.line + 1 if mark else 0))
    except RecursionError:  # the pure-Python composer, with a small recursion limit
        notify(Notification(_TOO_DEEP, source.display))
        return []
    return documents
