"""`//go:build` constraints: parse once, then ask whether an expression requires a tag, or
tags no build of the project sets."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s*(&&|\|\||!|\(|\)|[\w.]+)")

# Brute-force evaluation is exact and cheap for real constraints; past this many
# distinct tags we stop guessing and say "not required".
_MAX_TAGS = 12


class ConstraintError(ValueError):
    pass


@dataclass(frozen=True)
class Constraint:
    """A parsed build constraint, kept as source text plus its tag names."""

    expr: str
    tags: frozenset[str]

    @classmethod
    def parse(cls, expr: str) -> "Constraint":
        tokens = _tokenize(expr)
        _Evaluator(tokens, {}).parse()  # validate once, raising on bad syntax
        return cls(expr, frozenset(t for t in tokens if t not in {"&&", "||", "!", "(", ")"}))

    def requires_any(self, required: set[str] | frozenset[str]) -> bool:
        """True when no assignment without every tag in `required` satisfies it.

        `//go:build dev` and `//go:build dev && linux` require dev;
        `//go:build dev || prod` and `//go:build !dev` do not.
        """
        relevant = self.tags & set(required)
        if not relevant:
            return False
        others = sorted(self.tags - relevant)
        if len(others) > _MAX_TAGS:
            return False
        tokens = _tokenize(self.expr)
        for combo in itertools.product((False, True), repeat=len(others)):
            values = dict(zip(others, combo))
            values.update({tag: False for tag in relevant})
            if _Evaluator(tokens, values).parse():
                return False
        return True

    def left_out_by_builds(self, set_tags: set[str] | frozenset[str]) -> bool:
        """True when no build that sets only `set_tags` (whatever its GOOS, GOARCH, cgo and Go
        version) compiles the file: `go build` without those tags leaves it out.

        `//go:build streamfs` is left out unless a build sets streamfs; `//go:build linux`,
        `//go:build !purego` and `//go:build e2e || linux` never are.
        """
        free = sorted(t for t in self.tags if _platform_tag(t))
        if len(free) > _MAX_TAGS:
            return False
        tokens = _tokenize(self.expr)
        for combo in itertools.product((False, True), repeat=len(free)):
            values = {tag: tag in set_tags for tag in self.tags}
            values.update(zip(free, combo))
            if _Evaluator(tokens, values).parse():
                return False
        return True


# The tags the go command sets from the target and toolchain, not from -tags
# (go/build's knownOS and knownArch, and the release tags).
_PLATFORM_TAGS = frozenset("""
    aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1
    windows zos unix cgo gc gccgo 386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le
    mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm
""".split())
_RELEASE_TAG = re.compile(r"go1\.\d+$")


def _platform_tag(tag: str) -> bool:
    return tag in _PLATFORM_TAGS or bool(_RELEASE_TAG.match(tag)) or tag.startswith("goexperiment.")


# Where a build names its tags: `go build -tags netgo,osusergo`, `GO_TAGS ?= kqueue`,
# goreleaser's `tags: [...]`. Every word of such a line counts: guessing a tag set is harmless,
# missing one leaves a built file unread.
_TAGS_LINE = re.compile(rb"^.*tags.*$", re.IGNORECASE | re.MULTILINE)
_WORD = re.compile(rb"[A-Za-z0-9_.]+")


# `-tags=a,b` or `-tags a,b` in GOFLAGS, which every go command of the user's applies.
GOFLAGS_TAGS = re.compile(r"-?-tags[= ](\S+)")


def tags_set_by(build_files) -> frozenset[str]:
    """The words of every line that mentions tags in these build files (Makefiles,
    Dockerfiles, build scripts, goreleaser configs): the tags the project's builds may set."""
    tags: set[str] = set()
    for path in build_files:
        try:
            with open(path, "rb") as file:
                content = file.read(1 << 20)
        except OSError:
            continue
        for line in _TAGS_LINE.findall(content):
            tags.update(word.decode() for word in _WORD.findall(line))
    return frozenset(tags)


def _tokenize(expr: str) -> list[str]:
    tokens, pos = [], 0
    expr = expr.strip()
    while pos < len(expr):
        match = _TOKEN.match(expr, pos)
        if not match:
            raise ConstraintError(f"bad build constraint: {expr!r}")
        tokens.append(match.group(1))
        pos = match.end()
    return tokens


# Parentheses deeper than this are refused (Go's parser refuses deep nesting too); it
# bounds the recursion, whatever the input.
_MAX_NESTING = 100


class _Evaluator:
    """Recursive descent over `||`, `&&`, `!` and parentheses, as go/build/constraint."""

    def __init__(self, tokens: list[str], values: dict[str, bool]):
        self.tokens, self.values, self.pos, self.depth = tokens, values, 0, 0

    def parse(self) -> bool:
        result = self._or()
        if self.pos != len(self.tokens):
            raise ConstraintError("unexpected token in build constraint")
        return result

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _or(self) -> bool:
        return self._chain("||", self._and, any)

    def _and(self) -> bool:
        return self._chain("&&", self._not, all)

    def _chain(self, operator: str, operand, combine) -> bool:
        """`a op b op c`: every operand is parsed (and checked) before the values combine."""
        values = [operand()]
        while self._peek() == operator:
            self.pos += 1
            values.append(operand())
        return combine(values)

    def _not(self) -> bool:
        negations = 0
        while self._peek() == "!":  # a loop, not recursion: `!!!...` is the input's to choose
            self.pos += 1
            negations += 1
        token = self._peek()
        if token == "(":
            self.depth += 1
            if self.depth > _MAX_NESTING:
                raise ConstraintError("build constraint nested too deeply")
            self.pos += 1
            result = self._or()
            if self._peek() != ")":
                raise ConstraintError("missing ) in build constraint")
            self.pos += 1
            self.depth -= 1
            return result != bool(negations % 2)
        if token is None or token in {"&&", "||", ")"}:
            raise ConstraintError("missing operand in build constraint")
        self.pos += 1
        return self.values.get(token, False) != bool(negations % 2)
