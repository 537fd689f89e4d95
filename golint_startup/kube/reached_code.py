"""Which top-level declarations of a program's own packages the program can reach, read from
text as go_code reads the rest: a package imported for one helper does not bring in the
controllers, caches and informers its other functions build.

A declaration is a gofmt'ed top-level `func`, `type`, `var` or `const`, from its keyword at the
start of a line to the next one. Reached are: every declaration of the program's root files
(of those of a main package that switches on its first argument, `main` and the declarations
run whatever is used: the subcommand picks the rest);
every `init` function and package-level `var` and `const` of each package the program imports
(Go runs their initializers whether or not anything else of the package is used); and, from
each reached declaration, the declarations of its own package it names (`newCache`) and those
of the program's packages it names through an import (`cluster.NewCluster`), with every
method of a type reached, but for an unexported one until a reached declaration of its package
names it (`ctrl.init()`, or an interface's `init() error`): no other package can call it.
Names are matched as words, also a string holding one alone (`"run"`, not the `run` of
`"/var/run/secrets"`): what is in doubt is reached, so a finding can only be kept, not lost.
csi-hostpath's CSIDriver names its controller's type for a field, and its node agent never
calls the `init` that informs on every Pod and Node.

kubegems' API server imports its agent's cluster package for one type and never calls the
function building that package's cluster-wide cache (its finding named that cache and was read
as wrong); kosmos' agent imports a package for a node-name helper beside a Node reconciler it
never registers.
"""

from __future__ import annotations

import os
import re
from typing import Callable, Iterable, NamedTuple

from golint_startup.go.syntax import exported
from golint_startup.kube import go_code

_DECLARATION = re.compile(rb"^(?:func|type|var|const)\b", re.MULTILINE)
_FUNCTION = re.compile(rb"func[ \t]+(\w+)")
# `func (r *Reconciler) Reconcile(`, `func (c Cache[K, V]) Get(`
_METHOD = re.compile(rb"func[ \t]*\([ \t]*(?:\w+[ \t]+)?\*?[ \t]*(\w+)(?:\[[^\]]*\])?[ \t]*\)[ \t]*(\w+)")
_TYPE = re.compile(rb"type[ \t]+(\w+)")
_TYPE_BLOCK_NAME = re.compile(rb"^\t(\w+)\b", re.MULTILINE)
_PACKAGE_CLAUSE = re.compile(rb"^package[ \t]+(\w+)", re.MULTILINE)
_WORD = re.compile(rb"\b[A-Za-z_]\w*\b")
_MEMBER = re.compile(rb"(?<=[\w)\]}])[ \t]*\.[ \t]*[A-Za-z_]\w*")
_SELECTOR = re.compile(rb"\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)")
_UNEXPORTED_MEMBER = re.compile(rb"(?<=[\w)\]}])[ \t]*\.[ \t]*([a-z_]\w*)")
_VERSION = re.compile(rb"^v\d+$")
# `var _ client.Reader = &CacheReader{}`: a compile-time check that a type implements an
# interface, which runs nothing and reaches no method.
_INTERFACE_CHECK = re.compile(rb"^(?:var)?[ \t]*_[ \t]+[^=\s][^=\n]*=[^\n]*$", re.MULTILINE)


class Declaration(NamedTuple):
    names: tuple[bytes, ...]  # the names it declares; a method's is "Type.Method"
    receiver: bytes | None  # a method's type
    root: bool  # run whatever is used: `init`, package-level `var` and `const`
    text: bytes
    words: frozenset[bytes]  # the words of its code (not of its comments, nor of interface checks)
    selectors: frozenset[tuple[bytes, bytes]]  # its `x.Name`s
    # Those named only in what a `go` statement starts, which holds back nothing after it.
    in_goroutines: frozenset[tuple[bytes, bytes]] = frozenset()
    # The unexported names after a dot (`init` of `ctrl.init()`, of `d.cs.init()`): the methods of
    # its package's types it may call.
    members: frozenset[bytes] = frozenset()


def _declaration(names: tuple[bytes, ...], receiver: bytes | None, root: bool, text: bytes) -> Declaration:
    # A literal's words name what it is alone (`"run"`): runtime-agent's node agent named the
    # controller's `run` by its `"/var/run/secrets/..."`.
    code = go_code.literals_blanked(go_code.COMMENTS.sub(b"", text), keep=go_code.holds_one_name)
    if root:
        code = _INTERFACE_CHECK.sub(b"", code)
    selectors = frozenset(_SELECTOR.findall(code))
    started = selectors - frozenset(_SELECTOR.findall(_without_goroutines(code))) if _GO.search(code) else frozenset()
    # A name after a dot is a field, a method or another package's: never one of this
    # package's top-level names (vald's `errors.New` reached its own `New`, a manager's).
    return Declaration(names, receiver, root, text, frozenset(_WORD.findall(_MEMBER.sub(b".", code))),
                       selectors, started, frozenset(_UNEXPORTED_MEMBER.findall(code)))


# A `go` statement: of a function literal (its body then runs to the brace closing the one
# that opens it, after `func(...)`), or of a call (to the end of its line). Per declaration:
# `go run()` starts `run`, whose own declaration still names what it names outside goroutines.
_GO = re.compile(rb"(?:^|[;{}])[ \t]*go[ \t]+(func\b)?", re.MULTILINE)


def _without_goroutines(code: bytes) -> bytes:
    """The code without what its `go` statements run."""
    # Literals blanked, so that their braces and words start nothing.
    masked = go_code.literals_blanked(code)
    kept, end = [], 0
    for found in _GO.finditer(masked):
        if found.start() < end:
            continue
        kept.append(code[end:found.end()])
        if found.group(1):
            parameters = masked.find(b"(", found.end())
            closed = go_code.closing(masked, parameters, b"()") if parameters >= 0 else len(masked)
            opening = masked.find(b"{", closed)
            end = go_code.closing(masked, opening, b"{}") if opening >= 0 else len(masked)
        else:
            newline = masked.find(b"\n", found.end())
            end = newline if newline >= 0 else len(masked)
    kept.append(code[end:])
    return b"".join(kept)


def without_calls_of(declared: Declaration, method: bytes) -> Declaration:
    """The declaration as if its `x.method(...)` calls were not written: a parent command's
    `AddCommand(...)` names every command below it, and runs none."""
    called = re.compile(rb"\.\s*" + re.escape(method) + rb"\s*\(")
    kept, end = [], 0
    for found in called.finditer(declared.text):
        if found.start() >= end:
            kept.append(declared.text[end:found.start()])
            end = go_code.closing(declared.text, found.end() - 1, b"()")
    kept.append(declared.text[end:])
    return _declaration(declared.names, declared.receiver, declared.root, b"".join(kept))


class FileDeclarations(NamedTuple):
    header: bytes  # package clause and imports, with the comments above them
    declarations: tuple[Declaration, ...]
    imports: tuple[tuple[bytes, bytes], ...]  # (name given, import path)


def declarations_of(source: bytes) -> FileDeclarations:
    """A Go file's header and top-level declarations."""
    starts = [m.start() for m in _DECLARATION.finditer(source)]
    header = source[:starts[0]] if starts else source
    found = []
    for start, end in zip(starts, starts[1:] + [len(source)]):
        text = source[start:end]
        if text.startswith(b"func"):
            method = _METHOD.match(text)
            if method:
                found.append(_declaration((method.group(1) + b"." + method.group(2),), method.group(1), False, text))
                continue
            function = _FUNCTION.match(text)
            name = function.group(1) if function else b"_"
            found.append(_declaration((name,), None, name == b"init", text))
        elif text.startswith(b"type"):
            single = _TYPE.match(text)
            if single:
                found.append(_declaration((single.group(1),), None, False, text))
            else:
                found.extend(_type_block(text))
        else:
            found.append(_declaration((), None, True, text))
    return FileDeclarations(header, tuple(found), tuple(_header_imports(header)))


def _type_block(text: bytes) -> list[Declaration]:
    """The specs of a `type ( ... )` block, one declaration each: a program that names one of its
    types reaches that one only (vald's gateway names `k8s.Job` of a block aliasing
    controller-runtime's Manager and Client beside it, and keeps no cache of its own)."""
    specs = list(_TYPE_BLOCK_NAME.finditer(text))
    end = text.rfind(b"\n)")
    declared = []
    for spec, following in zip(specs, specs[1:] + [None]):
        body = text[spec.start():following.start() if following else (end if end > spec.start() else len(text))]
        declared.append(_declaration((spec.group(1),), None, False, b"type " + body.lstrip(b"\t")))
    return declared


def _header_imports(header: bytes) -> list[tuple[bytes, bytes]]:
    code = go_code.COMMENTS.sub(b"", header)
    clause = _PACKAGE_CLAUSE.search(code)
    return go_code.import_names(code[clause.end():] if clause else code)


def package_name(sources: Iterable[bytes]) -> bytes | None:
    """The name a package's files declare in their package clause."""
    for source in sources:
        clause = _PACKAGE_CLAUSE.search(go_code.COMMENTS.sub(b"", source[:4096]))
        if clause:
            return clause.group(1)
    return None


def _names_for(import_path: bytes) -> set[bytes]:
    """The names a package of a module not on disk may go by: its path's last element, the one
    before a major version (`yaml.v3`, `.../v2`), without a `go-` prefix or `-go` suffix."""
    parts = import_path.split(b"/")
    last = parts[-1]
    if _VERSION.match(last) and len(parts) > 1:
        last = parts[-2]
    last = last.split(b".")[0]
    return {last, last.removeprefix(b"go-"), last.removesuffix(b"-go"), last.replace(b"-", b"_"),
            last.replace(b"-", b"")}


class Reached(NamedTuple):
    # Per package directory, per file path: the indexes of its reached declarations.
    declarations: dict[str, dict[str, frozenset[int]]]
    imports: frozenset[str]  # the import paths reached code names, and every blank or dot import
    # Those it names outside what its `go` statements run (and the blank and dot imports): what
    # may hold the program back. Any name counts, a type's too: client-go's usual
    # `leaderelection.LeaderElectionConfig{...}` built before `go leaderelection.RunOrDie(...)`.
    awaited: frozenset[str] = frozenset()


def reach(root_files: list[str], packages: Iterable[str], files_of: Callable[[str], list[str]],
          declarations: Callable[[str], FileDeclarations], package_dir: Callable[[str], str | None],
          name_of: Callable[[str], bytes | None], root_declarations: dict[str, frozenset[int]] | None = None,
          whole_packages: bool = True) -> Reached:
    """The declarations of `packages` (directories, with `files_of` each) that the program whose
    own code is `root_files` reaches (of a file in `root_declarations`, those declarations
    only); `package_dir` gives the directory of an import path on disk (None for others),
    `name_of` a directory's package name. Unless `whole_packages`, what is read of a package
    may leave out the files calling its unexported methods: each method of a type reached is."""
    by_name: dict[str, dict[bytes, list[tuple[str, int]]]] = {}
    methods: dict[str, dict[bytes, list[tuple[str, int]]]] = {}
    reached: dict[str, dict[str, set[int]]] = {}
    used: set[str] = set()
    awaited: set[str] = set()
    pending: list[tuple[str, str, int]] = []
    by_file: dict[str, list[str]] = {}

    def index(directory: str, paths: list[str]) -> None:
        names, typed = by_name.setdefault(directory, {}), methods.setdefault(directory, {})
        by_file[directory] = paths
        for path in paths:
            for i, declared in enumerate(declarations(path).declarations):
                for name in declared.names:
                    names.setdefault(name, []).append((path, i))
                if declared.receiver is not None:
                    typed.setdefault(declared.receiver, []).append((path, i))
                if declared.root and (path not in (root_declarations or {}) or i in root_declarations[path]):
                    pending.append((directory, path, i))

    packages = set(packages)
    for directory in packages:
        index(directory, files_of(directory))
    # A subcommand's files, whose package the program does not import: those files only.
    outside: dict[str, list[str]] = {}
    for path in root_files:
        if os.path.dirname(path) not in packages:
            outside.setdefault(os.path.dirname(path), []).append(path)
    for directory, paths in outside.items():
        index(directory, paths)
    for path in root_files:
        roots = (root_declarations or {}).get(path)
        pending.extend((os.path.dirname(path), path, i) for i in range(len(declarations(path).declarations))
                       if roots is None or i in roots)

    # Per package, the unexported methods of its types reached, until a reached declaration
    # names them, by method name; and the names its reached declarations give after a dot or
    # as words (an interface's methods).
    held: dict[str, dict[bytes, list[tuple[str, int]]]] = {}
    named: dict[str, set[bytes]] = {}

    def reach_name(directory: str, name: bytes) -> None:
        for path, i in by_name.get(directory, {}).get(name, ()):
            pending.append((directory, path, i))
        for path, i in methods.get(directory, {}).get(name, ()):
            method = declarations(path).declarations[i].names[0].rpartition(b".")[2]
            if not whole_packages or exported(method) or method in named.get(directory, ()):
                pending.append((directory, path, i))
            else:
                held.setdefault(directory, {}).setdefault(method, []).append((path, i))

    aliases: dict[str, dict[bytes, tuple[str | None, bytes]]] = {}

    def aliases_of(path: str) -> dict[bytes, tuple[str | None, bytes]]:
        """The names a file gives its imports: (directory on disk or None, import path)."""
        if path not in aliases:
            given: dict[bytes, tuple[str | None, bytes]] = {}
            for name, imported in declarations(path).imports:
                target = package_dir(imported.decode("utf-8", "replace"))
                if name in (b"_", b"."):
                    # Imported for its `init` (reached like every package's) or into the file's scope.
                    used.add(imported.decode("utf-8", "replace"))
                    awaited.add(imported.decode("utf-8", "replace"))
                    if name == b"." and target is not None:
                        for everything in by_name.get(target, {}):
                            reach_name(target, everything)
                    continue
                explicit = name != imported.rsplit(b"/", 1)[-1]
                if target is not None:
                    given[name if explicit else (name_of(target) or name)] = (target, imported)
                else:
                    for each in ({name} if explicit else _names_for(imported)):
                        given[each] = (None, imported)
            aliases[path] = given
        return aliases[path]

    # Go imports what every file of a package imports: its blank and dot imports count even
    # in a file nothing of which is reached.
    for files in by_file.values():
        for path in files:
            aliases_of(path)
    while pending:
        directory, path, i = pending.pop()
        seen = reached.setdefault(directory, {}).setdefault(path, set())
        if i in seen:
            continue
        seen.add(i)
        declared = declarations(path).declarations[i]
        own = by_name.get(directory, {})
        spoken, waiting = named.setdefault(directory, set()), held.get(directory, {})
        for word in declared.words | declared.members:
            spoken.add(word)
            if word in waiting:
                pending.extend((directory, *place) for place in waiting.pop(word))
        for word in declared.words:
            if word in own:
                reach_name(directory, word)
        given = aliases_of(path)
        for qualifier, name in declared.selectors:
            target, imported = given.get(qualifier, (None, None))
            if imported is None:
                continue
            used.add(imported.decode("utf-8", "replace"))
            if (qualifier, name) not in declared.in_goroutines:
                awaited.add(imported.decode("utf-8", "replace"))
            if target is not None:
                reach_name(target, name)
    return Reached({directory: {path: frozenset(found) for path, found in files.items()}
                    for directory, files in reached.items()}, frozenset(used), frozenset(awaited))


def pruned(source_declarations: FileDeclarations, kept: frozenset[int]) -> bytes:
    """A file's text with only its header and the declarations `kept`."""
    return source_declarations.header + b"".join(
        declared.text for i, declared in enumerate(source_declarations.declarations) if i in kept)
