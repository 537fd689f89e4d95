"""One Go source file: read once, parsed once, with the facts every rule needs.

Rules never re-read or re-parse; they get a `GoFile` and query its tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import tree_sitter

from golint_startup.go.buildtags import Constraint, ConstraintError
from golint_startup.go.imports import TEST_SUPPORT_IMPORTS, TEST_SUPPORT_PREFIXES, default_package_name
from golint_startup.go.scope import Scopes
from golint_startup.go.syntax import GO, captures, matches, text, unparen
from golint_startup.words import words

# "Code generated ... DO NOT EDIT." on a line of its own before the package clause
# (https://go.dev/s/generatedcode).
_GENERATED = re.compile(rb"^// Code generated .* DO NOT EDIT\.\r?$", re.MULTILINE)
_PACKAGE_CLAUSE = re.compile(rb"^package\s", re.MULTILINE)
_BUILD_LINE = re.compile(rb"^//go:build\s+(.+?)\r?$", re.MULTILINE)
# With blanks after "//" it is not a directive (as with //go: and //nolint); matched so
# that SL900 can say so instead of the suppression silently not applying.
_DIRECTIVE = re.compile(rb"//([ \t]*)startup-lint:(ignore|file-ignore)\b([^\r\n]*)")
_RULE_ID = re.compile(r"^SL\d{3}$")
# Files of fakes that tests use in place of a server or client, by Go's usual names (mockgen's
# `mock_*.go`, a hand-written `mock.go` or `fake_store.go` beside the real one).
_FAKES_FILE = re.compile(r"(?:(?:mock|mocks|fake|fakes)(?:_\w+)?|\w+_(?:mock|mocks|fake|fakes))\.go")
# Packages of fakes by their names: `mocks`, `fakeclient`, outpost's `destinationmockserver`
# (a mock webhook destination that its tests and a dev harness start).
_FAKES_PACKAGE = re.compile(r"\w*mock\w*|fakes?\w*|\w*fakes?")
_TEST_DOUBLE_WORDS = frozenset({"mock", "mocks", "fake", "fakes", "stub", "stubs", "test", "tests", "testing"})


def names_a_test_double(function_name: str) -> bool:
    """Whether a function's name says it builds something for tests: mock, fake, stub or test
    as a word of it (`InitMock`, easegress's example logger for unit tests; `newFakeStore`,
    `LoggerForTests`, `initMocks`, `NewHTTPMock`; pac-quota-controller's `InitTest`, which
    only its tests call). Go's own `TestXxx` functions live in `_test.go` files."""
    return not _TEST_DOUBLE_WORDS.isdisjoint(words(function_name))

_parser: tree_sitter.Parser | None = None


def _get_parser() -> tree_sitter.Parser:
    global _parser
    if _parser is None:
        _parser = tree_sitter.Parser(GO)
    return _parser


@dataclass(frozen=True)
class Directive:
    """A `//startup-lint:ignore` or `file-ignore` comment."""

    kind: str  # "ignore" | "file-ignore"
    rule_ids: tuple[str, ...]
    reason: str
    line: int  # 1-based
    col: int  # 1-based byte column
    end_col: int
    alone_on_line: bool
    malformed_ids: tuple[str, ...] = ()
    spaced: bool = False  # written "// startup-lint:...": reported, never applied

    @property
    def covered_lines(self) -> tuple[int, ...]:
        return (self.line, self.line + 1) if self.alone_on_line else (self.line,)

    @classmethod
    def from_body(cls, kind: str, body: str, **where) -> "Directive":
        """The directive whose text after `startup-lint:KIND` is `body` ("IDS reason"), in Go
        comments and YAML alike; `where` gives its position (line, col, end_col, ...)."""
        ids_text, _, reason = body.strip().partition(" ")
        ids = tuple(i.strip() for i in ids_text.split(",") if i.strip())
        return cls(kind=kind, rule_ids=tuple(i for i in ids if _RULE_ID.match(i)), reason=reason.strip(),
                   malformed_ids=tuple(i for i in ids if not _RULE_ID.match(i)), **where)


@dataclass
class GoFile:
    path: str  # as displayed to the user (relative to the working directory)
    source: bytes
    tree: tree_sitter.Tree
    package: str
    imports: dict[str, str]  # local name -> import path ("." and "_" imports left out)
    blank_imports: tuple[str, ...]  # import paths of the "_" imports
    # (node type, node) of every top-level node, in source order: the rules' top-level walks
    # read this list instead of asking tree-sitter for the children again.
    declarations: list[tuple[str, tree_sitter.Node]]
    constraint: Constraint | None
    directives: list[Directive]
    error_ranges: list[tuple[int, int]] = field(default_factory=list)  # byte ranges
    _scopes: Scopes | None = field(default=None, repr=False, compare=False)
    # The call graph's top-level declarations and query captures (callgraph.facts._captured).
    _captured: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def root(self) -> tree_sitter.Node:
        return self.tree.root_node

    @property
    def is_test(self) -> bool:
        return self.path.endswith("_test.go")

    def init_functions(self) -> list[tree_sitter.Node]:
        """The package's `func init` declarations in this file (a method named init is a
        method, not one of them)."""
        return [node for kind, node in self.declarations
                if kind == "function_declaration" and text(node.child_by_field_name("name")) == "init"]

    @property
    def is_test_support(self) -> bool:
        """Code only tests link: a file or package of fakes by its name (see _FAKES_FILE and
        _FAKES_PACKAGE), most of its
        functions take `testing`'s types (T, B, TB, M, F), it imports a well-known test library, or it is the test-helper package of a
        package it imports (Go's naming: `zaptest` for zap; `httptest` only beside `testing`). Production
        code may call `testing.Testing()` (Go 1.21) or keep a few `...ForTest(tb
        testing.TB)` helpers beside the server it starts."""
        if self.package.endswith("test") and self.package[:-4] in self.imports:
            return True
        if _FAKES_FILE.fullmatch(self.path.rsplit("/", 1)[-1]) or _FAKES_PACKAGE.fullmatch(self.package):
            return True
        for name, path in self.imports.items():
            if path == "testing":
                if self._mostly_takes_testing(name):
                    return True
            elif path == "net/http/httptest":
                # Test servers, unless the file has no test in it: production code may serve
                # with it (kwok's self-signed TLS fallback).
                if "testing" in self.imports.values():
                    return True
            elif path in TEST_SUPPORT_IMPORTS or path.startswith(TEST_SUPPORT_PREFIXES):
                return True
        return False

    def _mostly_takes_testing(self, name: str) -> bool:
        """Whether at least half of the file's functions (or its package-level code, when it
        declares none) use `name.T` and the other testing types."""
        uses = re.compile(rb"(?<![\w.])" + re.escape(name.encode()) + rb"\.(?:TB|T|B|M|F)\b")
        functions = [node for kind, node in self.declarations
                     if kind in ("function_declaration", "method_declaration")]
        if not functions:
            return uses.search(self.source) is not None
        testing = sum(1 for node in functions if uses.search(self.source, node.start_byte, node.end_byte))
        return testing * 2 >= len(functions)

    def imports_path(self, *paths: str) -> bool:
        values = self.imports.values()
        return any(p in values for p in paths)

    def in_error_region_at(self, line: int, col: int) -> bool:
        """Whether a 1-based (line, byte column) falls where the parse failed."""
        if not self.error_ranges:
            return False
        offset = _line_start(self.source, line) + col - 1
        return any(start <= offset < end for start, end in self.error_ranges)

    # --- name resolution -------------------------------------------------

    def is_shadowed(self, ident: tree_sitter.Node) -> bool:
        """Whether a local declaration before `ident` hides the package-level name."""
        if self._scopes is None:
            self._scopes = Scopes(self.root)
        return self._scopes.hides(ident)

    def package_of(self, ident: tree_sitter.Node) -> str | None:
        """The import path `ident` names (as the operand of `pkg.X`), unless shadowed."""
        path = self.imports.get(text(ident))
        if path is None or self.is_shadowed(ident):
            return None
        return path

    def names_type(self, node: tree_sitter.Node | None, import_path: str, name: str) -> bool:
        """Whether `node` spells the type `name` of the package at `import_path`: `pkg.Name`,
        which the grammar parses as a qualified identifier in type position and as a selector
        where a type stands as an argument (`new(pkg.Name)`, `make(pkg.Name)`)."""
        node = unparen(node)
        if node is None:
            return False
        if node.type == "qualified_identifier":
            package, member = node.child_by_field_name("package"), node.child_by_field_name("name")
        elif node.type == "selector_expression":
            package, member = node.child_by_field_name("operand"), node.child_by_field_name("field")
            if package is None or package.type != "identifier" or self.package_of(package) is None:
                return False
        else:
            return False
        return text(member) == name and self.imports.get(text(package)) == import_path

    def callee(self, call: tree_sitter.Node) -> tuple[str, str] | None:
        """(import path, name) for `pkg.F(...)`, ("", name) for a plain `F(...)`."""
        function = call.child_by_field_name("function")
        if function is None:
            return None
        if function.type == "identifier":
            return ("", text(function))
        if function.type == "selector_expression":
            operand = function.child_by_field_name("operand")
            if operand is not None and operand.type == "identifier":
                path = self.package_of(operand)
                if path is not None:
                    return (path, text(function.child_by_field_name("field")))
        return None


def _line_start(source: bytes, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = source.find(b"\n", offset) + 1
        if offset == 0:
            return len(source)
    return offset


# --- reading and parsing ----------------------------------------------------

def header(source: bytes) -> bytes:
    """Everything before the package clause (where directives that matter live)."""
    match = _PACKAGE_CLAUSE.search(source)
    return source[: match.start()] if match else source


def is_generated(source: bytes) -> bool:
    return _GENERATED.search(header(source)) is not None


def build_constraint(source: bytes) -> Constraint | None:
    match = _BUILD_LINE.search(header(source))
    if not match:
        return None
    try:
        return Constraint.parse(match.group(1).decode("utf-8", "replace"))
    except ConstraintError:
        return None


_IMPORTS = """
(import_spec name: (_)? @name path: (_) @path) @spec
"""


def parse(path: str, source: bytes) -> GoFile:
    tree = _get_parser().parse(source)
    root = tree.root_node
    package = None
    # Only the top-level declarations are looked at: a query over the whole root would
    # walk every node of the tree (a third of the parse time on large trees).
    import_roots = [root] if root.has_error else []  # with errors, imports may sit in ERROR nodes
    declarations = []
    for child in root.named_children:
        kind = child.type
        declarations.append((kind, child))
        if kind == "package_clause" and package is None:
            package = text(child.named_children[0]) if child.named_children else ""
        elif kind == "import_declaration" and not root.has_error:
            import_roots.append(child)
    imports: dict[str, str] = {}
    blank_imports = []
    for found in (found for node in import_roots for found in matches(_IMPORTS, node)):
        import_path = text(found["path"][0]).strip('"`')
        alias = text(found["name"][0]) if "name" in found else None
        if alias == "_":
            blank_imports.append(import_path)
        elif alias != ".":
            imports[alias or default_package_name(import_path)] = import_path
    error_ranges = []
    if root.has_error:
        for node in captures("(ERROR) @e", root).get("e", []):
            error_ranges.append((node.start_byte, node.end_byte))
        if not error_ranges:  # only MISSING nodes: mark the whole statement around them
            for node in captures("(MISSING) @m", root).get("m", []):
                parent = node.parent or node
                error_ranges.append((parent.start_byte, parent.end_byte))
    return GoFile(
        path=path,
        source=source,
        tree=tree,
        package=package or "",
        imports=imports,
        blank_imports=tuple(blank_imports),
        declarations=declarations,
        constraint=build_constraint(source),
        directives=parse_directives(source, root),
        error_ranges=error_ranges,
    )


def parse_directives(source: bytes, root: tree_sitter.Node) -> list[Directive]:
    if b"startup-lint:" not in source:
        return []
    directives = []
    for match in _DIRECTIVE.finditer(source):
        node = root.descendant_for_byte_range(match.start(), match.start() + 2)
        if node is None or node.type != "comment":
            continue  # the text sits inside a string literal
        line_start = source.rfind(b"\n", 0, match.start()) + 1
        line = source.count(b"\n", 0, match.start()) + 1
        # A further "//" starts an ordinary comment after the directive (e.g. a `// want` mark).
        body = match.group(3).decode("utf-8", "replace").split("//", 1)[0]
        directives.append(Directive.from_body(
            match.group(2).decode(), body, line=line, col=match.start() - line_start + 1,
            end_col=match.end() - line_start + 1, alone_on_line=not source[line_start : match.start()].strip(),
            spaced=bool(match.group(1))))
    return directives
