"""Run the Go compiler's escape analysis on a module and parse what it prints (SL006).

One call to `analyze_module` runs, from the module root:

1. `go list -e -deps -json` on the linted packages: a cheap preflight that names what
   cannot load (missing or undownloadable modules, broken imports) without building
   anything, and gives each package's files and dependencies;
2. with a cache (`EscapeCache`), each package's key (`package_keys`: its files, its
   dependencies' identity, the Go version, GOOS/GOARCH/GOFLAGS, tags) is looked up and
   the parsed escapes of an unchanged package are taken from there: a second run over an
   unchanged module compiles nothing, and a changed file recompiles its package and the
   packages that depend on it (their keys include its files), no more;
3. `go build -json -o <devnull> -gcflags=<pkg>=-m=2 -json=0,file://<fresh dir>` on the
   other packages that load. `-o devnull` keeps binaries out of the user's tree; the
   per-run `-json` directory changes the compiler's cache key so a cached build cannot
   replay `-m` text with paths frozen relative to another directory (the go command
   caches compiler output, diagnostics included, keyed by its inputs). The records
   written there give what the text leaves out: where a value reported at the call site
   of an inlined function is built (`inline_stacks`).

Why not the go command's own cache: it replays diagnostics only for an identical
command line, and the fresh -json directory (needed for the reason above) never is.
What is stored is the parsed escapes (data, see golint_startup.engine.cache_format),
never the compiler's text or anything executable.

`GOTOOLCHAIN=local` always: a `go` line newer than the toolchain is a clear failure
instead of a download. `GOFLAGS`, `GOWORK` and `vendor/` are the go command's own
business and are left as the user set them.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from golint_startup.engine.cache_format import register
from golint_startup.gocommand.invoke import GoCommand, GoFailed, compile_error, decode, environment, go_failure, \
    json_stream, run, workspace_modules

# Kinds of heap allocation SL006 cares about, as the compiler reports them.
MOVED = "moved"  # `moved to heap: v`, at v's declaration
LITERAL = "literal"  # `&T{...} escapes to heap`, at the `&`
NEW = "new"  # `new(T) escapes to heap`, at the `(`


# --- compiler output -----------------------------------------------------------------


@register(name="escape.Step")
@dataclass(frozen=True)
class Step:
    """One `from EXPR (REASON) at POS` line of a -m=2 explanation."""

    expression: str
    reason: str  # address-of, interface-converted, call parameter, return, ...
    position: str  # path:line:col, the path made absolute


@register(name="escape.Flow")
@dataclass(frozen=True)
class Flow:
    """A `flow: DST ← SRC:` edge and the steps that make it."""

    destination: str
    source: str
    steps: tuple[Step, ...]


@register(name="escape.Escape")
@dataclass(frozen=True)
class Escape:
    path: str  # absolute
    line: int
    col: int  # 1-based, bytes
    kind: str  # MOVED | LITERAL | NEW
    subject: str  # the variable name, or the expression as printed (`&conf.T{...}`, `new(conf.T)`)
    function: str = ""  # the function the -m=2 explanation names ("" without one)
    flows: tuple[Flow, ...] = ()
    # Where the value is built when the compiler reports it at the call site of an inlined
    # function: the inlined positions (path:line:col), outermost call first, the value last.
    inlined: tuple[str, ...] = ()

    @property
    def origin(self) -> tuple[str, int, int]:
        """(path, line, col) of the source that builds the value: inside the inlined callee."""
        if self.inlined:
            path, line, col = self.inlined[-1].rsplit(":", 2)
            return path, int(line), int(col)
        return self.path, self.line, self.col

    @property
    def local_subject(self) -> str:
        """The subject without the package qualifier an inlined variable gets (`conf.cloned`)."""
        return self.subject.rsplit(".", 1)[-1] if self.inlined and self.kind == MOVED else self.subject


_DIAGNOSTIC = re.compile(r"^(.+?):(\d+):(\d+): (.*)$")
_HEADER = re.compile(r"^(\S.*?) escapes to heap(?: in (.+))?:$")
_FLOW = re.compile(r"^\s+flow: (.*?) (?:←|=) (.*):$")
_STEP = re.compile(r"^\s+from (.*) \(([a-z][a-z -]*)\) at (\S+)$")
_MOVED = re.compile(r"^moved to heap: (\S+)$")
_LITERAL = re.compile(r"^(&\S.*\})(?: escapes to heap)$")
_NEW = re.compile(r"^(new\(.*\)) escapes to heap$")


def parse_diagnostics(text: str, cwd: str, inlined: dict | None = None) -> list[Escape]:
    """Escapes of `moved to heap`, `&T{...}` and `new(T)` kinds, with their -m=2 reasons.

    Explanations precede their verdict line at the same position but may be interleaved
    with other explanations (inlining), so they are keyed by (position, subject).
    `inlined` (from `inline_stacks`) gives the inlined positions of what the text reports
    at a call site.
    """
    inlined = inlined or {}
    explanations: dict[tuple, tuple[str, list[Flow]]] = {}
    current: tuple | None = None
    escapes: list[Escape] = []
    for raw in text.splitlines():
        match = _DIAGNOSTIC.match(raw)
        if not match:
            current = None
            continue
        path, line, col, message = match.group(1), int(match.group(2)), int(match.group(3)), match.group(4)
        position = (_absolute(path, cwd), line, col)
        if message.startswith(" "):
            if current is None:
                continue
            flows = explanations[current][1]
            if flow := _FLOW.match(message):
                flows.append(Flow(flow.group(1), flow.group(2), ()))
            elif (step := _STEP.match(message)) and flows:
                last = flows[-1]
                flows[-1] = Flow(last.destination, last.source,
                                 last.steps + (Step(step.group(1), step.group(2), _absolute_position(step.group(3), cwd)),))
            continue
        current = None
        if header := _HEADER.match(message):
            current = (*position, header.group(1))
            explanations[current] = (header.group(2) or "", [])
            continue
        for kind, pattern in ((MOVED, _MOVED), (LITERAL, _LITERAL), (NEW, _NEW)):
            verdict = pattern.match(message)
            if verdict:
                subject = verdict.group(1)
                function, flows = explanations.get((*position, subject), ("", []))
                escapes.append(Escape(position[0], line, col, kind, subject, function, tuple(flows),
                                      inlined.get((*position, subject), ())))
                break
    return escapes


def inline_stacks(json_dir: str) -> dict[tuple[str, int, int, str], tuple[str, ...]]:
    """(path, line, col, subject) -> inlined positions, from the compiler's -json output.

    The text output names only the outermost position of an inlined value (the call site);
    the LSP-style records in the -json directory carry, first among an escape's related
    locations, its "inlineLoc" stack from the outermost call to the value itself.
    """
    stacks: dict[tuple[str, int, int, str], tuple[str, ...]] = {}
    for directory, _, files in os.walk(json_dir):
        for name in files:
            try:
                with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as handle:
                    lines = handle.read().splitlines()
            except OSError:
                continue
            records = [record for record in json_stream("\n".join(lines))]
            if not records:
                continue
            path = os.path.normpath(str(records[0].get("file", "")))  # the first record describes the file
            for record in records[1:]:
                message = record.get("message", "")
                if record.get("code") != "escape" or not message.endswith(" escapes to heap"):
                    continue
                stack = []
                for related in record.get("relatedInformation") or []:
                    if related.get("message") != "inlineLoc":
                        break
                    stack.append(_lsp_position(related.get("location") or {}))
                start = (record.get("range") or {}).get("start") or {}
                if stack and all(stack):
                    stacks[(path, start.get("line", 0), start.get("character", 0),
                            message[: -len(" escapes to heap")])] = tuple(stack)
    return stacks


def _lsp_position(location: dict) -> str:
    start = (location.get("range") or {}).get("start") or {}
    path = _uri_path(location.get("uri", ""))
    return f"{path}:{start.get('line', 0)}:{start.get('character', 0)}" if path else ""


def _uri_path(uri: str) -> str:
    if not uri.startswith("file://"):
        return ""
    from urllib.parse import unquote, urlparse
    return os.path.normpath(unquote(urlparse(uri).path))


def _absolute_position(position: str, cwd: str) -> str:
    match = re.match(r"^(.+):(\d+):(\d+)$", position)
    return f"{_absolute(match.group(1), cwd)}:{match.group(2)}:{match.group(3)}" if match else position


def _absolute(path: str, cwd: str) -> str:
    return os.path.normpath(path if os.path.isabs(path) else os.path.join(cwd, path))


# --- running go ----------------------------------------------------------------------


@dataclass
class ModuleReport:
    root: str
    module_path: str = ""
    escapes: list[Escape] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each: what could not be analyzed and why
    compiled: list[str] = field(default_factory=list)  # import paths given to `go build`
    cached: list[str] = field(default_factory=list)  # import paths whose escapes came from the cache


_NO_GO_FILES = ("build constraints exclude all Go files", "no Go files in")
_MODULE_AT_VERSION = re.compile(r"^(\S+@v\S+?): (?:.*: )?([^:]+)$", re.DOTALL)
_MISSING_SUM = re.compile(r"missing go\.sum entry (?:for module providing|needed to verify) package (\S+)")
_NO_MODULE = re.compile(r"no required module provides package (\S+?);")

# Kinds of load failure, each reported as one line listing what it concerns.
_CAUSES = {
    # `go mod download` cannot add them (it fetches what go.sum already lists); tidy does.
    "sum": "missing go.sum entries for the modules providing {} (run `go mod tidy`)",
    "require": "no required module provides {} (run `go get`)",
    "download": "cannot download {}",
}


def _load_problem(err: str, position: str, cwd: str) -> tuple[str, str]:
    """(kind, what it concerns) for a `go list -e` error; kind "" for one of its own kind."""
    err = err.strip()
    if match := _MISSING_SUM.search(err):
        return "sum", match.group(1)
    if match := _NO_MODULE.search(err):
        return "require", f"package {match.group(1)}"
    first = err.splitlines()[0] if err else "unknown error"
    if match := _MODULE_AT_VERSION.match(first):
        return "download", f"module {match.group(1)} ({match.group(2).strip()})"
    imported = _import_at(position, cwd)
    if imported:
        return "download", f"the module providing {imported} ({first})"
    return "", first


def _describe(kind: str, subjects: list[str]) -> str:
    return _CAUSES[kind].format(_names(subjects)) if kind else subjects[0]


def _import_at(position: str, cwd: str) -> str:
    """The import path quoted at `file:line:col` (where go list places an import error)."""
    match = re.match(r"^(.+?):(\d+):(\d+)$", position or "")
    if not match:
        return ""
    try:
        with open(_absolute(match.group(1), cwd), "rb") as handle:
            lines = handle.read().decode("utf-8", "replace").splitlines()
        quoted = re.match(r'\s*"([^"]+)"', lines[int(match.group(2)) - 1][int(match.group(3)) - 1:])
    except (OSError, IndexError):
        return ""
    return quoted.group(1) if quoted else ""


def _devnull() -> str:
    # cmd/go discards the output when -o is exactly its os.DevNull ("NUL" on Windows).
    return "NUL" if os.name == "nt" else os.devnull


def _flag_value(value: str) -> str:
    # -gcflags values are split on spaces, honoring quotes.
    return f'"{value}"' if " " in value else value


class GoWorkBroken(GoFailed):
    """The go.work governing a module cannot be read: every module under it fails alike."""

    def __init__(self, gowork: str, message: str):
        super().__init__(f"{gowork} is broken: {message}")
        self.gowork = gowork


# The go command's settings that change what the compiler is given or prints.
_ENV_KEYS = ("GOVERSION", "GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "GOEXPERIMENT", "GOAMD64", "GOARM",
             "GOARM64", "GO386", "GOMIPS", "GOPPC64", "GORISCV64", "GOWASM", "GOMODCACHE", "GOROOT")
_LIST_FIELDS = "ImportPath,Dir,Error,DepsErrors,DepOnly,Standard,Module,Deps,GoFiles,CgoFiles,SFiles,HFiles,CFiles"
_FILE_FIELDS = ("GoFiles", "CgoFiles", "SFiles", "HFiles", "CFiles")
_CACHE_FORMAT = "1"  # bump when what is stored per package changes meaning


class EscapeCache:
    """Parsed escapes per package in the run's result cache (golint_startup.engine.cache).

    `results` is a ResultCache (or anything with its load_derived/store_derived); an entry
    is addressed by the package's import path and valid only for its exact key.
    """

    def __init__(self, results):
        self.results = results

    def load(self, import_path: str, key: str) -> list[Escape] | None:
        hit = self.results.load_derived(f"go-package:{import_path}", "escape", key.encode())
        if hit is None or not isinstance(hit[0], (list, tuple)) or \
                not all(isinstance(e, Escape) for e in hit[0]):
            return None
        return list(hit[0])

    def store(self, import_path: str, key: str, directory: str, escapes: list[Escape]) -> None:
        self.results.store_derived(f"go-package:{import_path}", "escape", key.encode(), directory,
                                   tuple(escapes))


def package_keys(packages: list[dict], settings: str) -> dict[str, str]:
    """Import path -> what determines the compiler's answer for that package, hashed.

    A package's key covers its directory (the paths in the output), the contents of its
    source files, and for each dependency (transitively, as `go list -deps` gives them)
    its identity: "std" for the standard library (the Go version is in `settings`),
    module@version for a package in the module cache (read-only, never edited in
    place), and for every other one (the module's own packages, `replace` directories,
    vendor/) the contents of its files. `settings` holds the Go version, GOOS/GOARCH,
    GOFLAGS, cgo, experiments and build tags. Export data of a dependency is a function
    of these, so two equal keys mean the compiler sees the same input.
    """
    by_path = {p.get("ImportPath", ""): p for p in packages}
    identities: dict[str, str] = {}
    modcache = ""
    for line in settings.splitlines():
        if line.startswith("GOMODCACHE="):
            modcache = line[len("GOMODCACHE="):]

    def identity(import_path: str) -> str:
        if import_path in identities:
            return identities[import_path]
        package = by_path.get(import_path) or {}
        module = package.get("Module") or {}
        replaced = module.get("Replace") or module
        directory = package.get("Dir", "")
        if package.get("Standard"):
            value = "std"
        elif modcache and replaced.get("Version") and directory.startswith(modcache + os.sep):
            value = f"{replaced.get('Path', '')}@{replaced['Version']}"
        else:
            value = f"files:{_files_digest(package)}"
        identities[import_path] = value
        return value

    keys = {}
    for package in packages:
        if package.get("DepOnly"):
            continue
        digest = hashlib.sha256(f"{_CACHE_FORMAT}\0{settings}\0{package.get('Dir', '')}\0".encode())
        digest.update(_files_digest(package).encode())
        for dep in sorted(package.get("Deps") or ()):
            digest.update(f"\0{dep}={identity(dep)}".encode())
        keys[package.get("ImportPath", "")] = digest.hexdigest()
    return keys


def _files_digest(package: dict) -> str:
    digest = hashlib.sha256()
    directory = package.get("Dir", "")
    for kind in _FILE_FIELDS:
        for name in sorted(package.get(kind) or ()):
            digest.update(f"{kind}/{name}\0".encode())
            try:
                with open(os.path.join(directory, name), "rb") as handle:
                    digest.update(handle.read())
            except OSError:
                digest.update(b"\0unreadable")
    return digest.hexdigest()


def _settings(go: GoCommand, root: str, env: dict[str, str], tags: tuple[str, ...]) -> str:
    result = run(go, ["env", *_ENV_KEYS], root, env)
    if result.returncode != 0:
        raise GoFailed(go_failure(["env"], result))
    values = decode(result.stdout).splitlines()
    lines = [f"{key}={value}" for key, value in zip(_ENV_KEYS, values)]
    return "\n".join([*lines, f"tags={','.join(tags)}"])


def _vendor_problem(root: str, env: dict[str, str]) -> str:
    """GOFLAGS asks for vendor/ that is not there: say so instead of the go command's riddle."""
    flags = env.get("GOFLAGS", "").split()
    if "-mod=vendor" in flags and not os.path.isdir(os.path.join(root, "vendor")):
        return (f"GOFLAGS=-mod=vendor is set but {os.path.join(root, 'vendor')} does not exist "
                "(run `go mod vendor`, or drop -mod=vendor from GOFLAGS)")
    return ""


def analyze_module(go: GoCommand, root: str, package_dirs: list[str], *, tags: tuple[str, ...] = (),
                   module_path: str = "", cache: EscapeCache | None = None,
                   progress: Callable[[str], None] | None = None) -> ModuleReport:
    """Escape analysis of the packages in `package_dirs` (absolute) of the module at `root`.

    With a `cache`, packages whose key (see `package_keys`) is stored are not compiled;
    `report.compiled` names those that were.
    """
    report = ModuleReport(root, module_path)
    label = module_path or root
    env = environment(go)
    try:
        vendor = _vendor_problem(root, env)
        if vendor:
            report.problems.append(f"{label}: {vendor}")
            return report
        workspace = _workspace(go, root, env)
        if workspace is not None and os.path.normpath(root) not in workspace:
            # Not part of the go.work above it: build it as the standalone module it is.
            env = environment(go, {"GOWORK": "off"})
        tag_args = [f"-tags={','.join(tags)}"] if tags else []
        patterns = sorted({"./" + os.path.relpath(d, root).replace(os.sep, "/") for d in package_dirs})
        patterns = ["." if p == "./." else p for p in patterns]

        listed = run(go, ["list", "-e", "-deps", f"-json={_LIST_FIELDS}", *tag_args, *patterns], root, env)
        if listed.returncode != 0:
            raise GoFailed(go_failure(["list"], listed))
        packages = json_stream(decode(listed.stdout))
        buildable = []
        causes: dict[str, tuple[list[str], list[str]]] = {}  # kind -> (subjects, packages not analyzed)
        for package in packages:
            if package.get("DepOnly"):
                continue
            import_path, error = package.get("ImportPath", ""), package.get("Error") or {}
            err_text = error.get("Err", "")
            if err_text and any(marker in err_text for marker in _NO_GO_FILES):
                continue  # nothing to compile with these tags (e.g. only other-OS files)
            if err_text:
                kind, subject = _load_problem(err_text, error.get("Pos", ""), root)
            elif package.get("DepsErrors"):
                first = package["DepsErrors"][0]
                kind, subject = _load_problem(first.get("Err", ""), first.get("Pos", ""), root)
            else:
                buildable.append(package)
                continue
            subjects, not_analyzed = causes.setdefault(kind or subject, ([], []))
            if subject not in subjects:
                subjects.append(subject)
            not_analyzed.append(import_path)
        for key, (subjects, not_analyzed) in causes.items():
            kind = key if key in _CAUSES else ""
            report.problems.append(f"{label}: {_describe(kind, subjects)}; not analyzed: {_names(not_analyzed)}")
        if not buildable:
            return report

        keys = package_keys(packages, _settings(go, root, env, tags)) if cache is not None else {}
        to_build = []
        for package in buildable:
            import_path = package["ImportPath"]
            cached = cache.load(import_path, keys[import_path]) if cache is not None else None
            if cached is None:
                to_build.append(package)
            else:
                report.escapes += cached
                report.cached.append(import_path)
        if not to_build:
            if progress is not None:
                progress(f"escape analysis: {label}: {len(buildable)} packages unchanged, nothing to compile")
            return report
        if progress is not None:
            progress(f"escape analysis: {label}: compiling {len(to_build)} of {len(buildable)} packages"
                     + (f" ({len(report.cached)} unchanged)" if report.cached else ""))

        import_paths = [p["ImportPath"] for p in to_build]
        with tempfile.TemporaryDirectory(prefix="startup-lint-escape-") as json_dir:
            # Per-run directory: changes the go command's cache key (see module docstring);
            # its records name the inlined positions the text leaves out.
            compiler_flags = f"-m=2 -json=0,{_flag_value(Path(json_dir).as_uri())}"
            gcflags = [f"-gcflags={path}={compiler_flags}" for path in import_paths]
            args = ["build", "-json", "-o", _devnull(), *tag_args, *gcflags, *import_paths]
            built = run(go, args, root, env)
            inlined = inline_stacks(json_dir)
        per_package, failed, outputs = _read_build(decode(built.stdout), root, inlined)
        report.compiled = import_paths
        for import_path in failed:
            report.problems.append(f"{label}: package {import_path} does not compile: "
                                   f"{compile_error(outputs.get(import_path, ''))}")
        blocked = _blocked_by(to_build, failed, per_package)
        for dependency, dependents in sorted(blocked.items()):
            report.problems.append(f"{label}: not analyzed because their dependency {dependency} does not "
                                   f"compile: {_names(dependents)}")
        skipped = {p for dependents in blocked.values() for p in dependents}
        for package in to_build:
            import_path = package["ImportPath"]
            if import_path in failed or import_path in skipped:
                continue
            escapes = per_package.get(import_path, [])
            report.escapes += escapes
            if cache is not None and (built.returncode == 0 or failed):  # complete output for this one
                cache.store(import_path, keys[import_path], package.get("Dir", root), escapes)
        if built.returncode != 0 and not failed:
            report.problems.append(f"{label}: {go_failure(args, built)}")
    except GoFailed as err:
        if isinstance(err, GoWorkBroken):
            raise
        report.problems.append(f"{label}: {err}")
    return report


def _blocked_by(built: list[dict], failed: set[str], outputs: dict) -> dict[str, list[str]]:
    """Failed dependency -> requested packages not compiled because of it."""
    blocked: dict[str, list[str]] = {}
    for package in built:
        import_path = package["ImportPath"]
        if import_path in failed:
            continue
        broken = sorted(set(package.get("Deps") or ()) & failed)
        if broken:
            blocked.setdefault(broken[0], []).append(import_path)
    return blocked


def _workspace(go: GoCommand, root: str, env: dict[str, str]) -> list[str] | None:
    try:
        return workspace_modules(go, root, env)
    except GoFailed as err:
        gowork = decode(run(go, ["env", "GOWORK"], root, env).stdout).strip()
        if gowork and gowork != "off":
            message = str(err).removeprefix("`go list` failed: ")
            message = message.removeprefix(gowork + ":").strip()
            raise GoWorkBroken(gowork, message) from err
        raise


def _names(packages: list[str]) -> str:
    shown = ", ".join(packages[:3])
    return shown + (f" and {len(packages) - 3} more" if len(packages) > 3 else "")


def _read_build(stdout: str, cwd: str, inlined: dict) -> tuple[dict[str, list[Escape]], set[str], dict[str, str]]:
    outputs: dict[str, str] = {}
    failed: set[str] = set()
    for event in json_stream(stdout):
        import_path = event.get("ImportPath", "")
        if event.get("Action") == "build-output":
            outputs[import_path] = outputs.get(import_path, "") + event.get("Output", "")
        elif event.get("Action") == "build-fail":
            failed.add(import_path)
    escapes = {}
    for import_path, output in sorted(outputs.items()):
        if import_path not in failed:
            escapes[import_path] = parse_diagnostics(output, cwd, inlined)
    return escapes, failed, outputs


