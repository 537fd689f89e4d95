"""Run the Go compiler's escape analysis on a module and parse what it prints (SL006).

One call to `analyze_module` runs, from the module root:

1. `go list -e -json` on the linted packages: a cheap preflight that names what cannot
   load (missing or undownloadable modules, broken imports) without building anything;
2. `go build -json -o <devnull> -gcflags=<pkg>=-m=2 -json=0,file://<fresh dir>` on the
   packages that load. `-o devnull` keeps binaries out of the user's tree; the per-run
   `-json` directory changes the compiler's cache key so a cached build cannot replay
   `-m` text with paths frozen relative to another directory (the go command caches
   compiler output, diagnostics included, keyed by its inputs).

`GOTOOLCHAIN=local` always: a `go` line newer than the toolchain is a clear failure
instead of a download. `GOFLAGS`, `GOWORK` and `vendor/` are the go command's own
business and are left as the user set them.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from golint_startup.gocommand.invoke import GoCommand, GoFailed, compile_error, decode, environment, go_failure, \
    json_stream, run, workspace_modules

# Kinds of heap allocation SL006 cares about, as the compiler reports them.
MOVED = "moved"  # `moved to heap: v`, at v's declaration
LITERAL = "literal"  # `&T{...} escapes to heap`, at the `&`
NEW = "new"  # `new(T) escapes to heap`, at the `(`


# --- compiler output -----------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One `from EXPR (REASON) at POS` line of a -m=2 explanation."""

    expression: str
    reason: str  # address-of, interface-converted, call parameter, return, ...
    position: str  # path:line:col, the path made absolute


@dataclass(frozen=True)
class Flow:
    """A `flow: DST ← SRC:` edge and the steps that make it."""

    destination: str
    source: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Escape:
    path: str  # absolute
    line: int
    col: int  # 1-based, bytes
    kind: str  # MOVED | LITERAL | NEW
    subject: str  # the variable name, or the expression as printed (`&conf.T{...}`, `new(conf.T)`)
    function: str = ""  # the function the -m=2 explanation names ("" without one)
    flows: tuple[Flow, ...] = ()


_DIAGNOSTIC = re.compile(r"^(.+?):(\d+):(\d+): (.*)$")
_HEADER = re.compile(r"^(\S.*?) escapes to heap(?: in (.+))?:$")
_FLOW = re.compile(r"^\s+flow: (.*?) (?:←|=) (.*):$")
_STEP = re.compile(r"^\s+from (.*) \(([a-z][a-z -]*)\) at (\S+)$")
_MOVED = re.compile(r"^moved to heap: (\S+)$")
_LITERAL = re.compile(r"^(&\S.*\})(?: escapes to heap)$")
_NEW = re.compile(r"^(new\(.*\)) escapes to heap$")


def parse_diagnostics(text: str, cwd: str) -> list[Escape]:
    """Escapes of `moved to heap`, `&T{...}` and `new(T)` kinds, with their -m=2 reasons.

    Explanations precede their verdict line at the same position but may be interleaved
    with other explanations (inlining), so they are keyed by (position, subject).
    """
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
                escapes.append(Escape(position[0], line, col, kind, subject, function, tuple(flows)))
                break
    return escapes


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


_NO_GO_FILES = ("build constraints exclude all Go files", "no Go files in")
_MODULE_AT_VERSION = re.compile(r"^(\S+@v\S+?): (?:.*: )?([^:]+)$", re.DOTALL)
_MISSING_SUM = re.compile(r"missing go\.sum entry (?:for module providing|needed to verify) package (\S+)")
_NO_MODULE = re.compile(r"no required module provides package (\S+?);")

# Kinds of load failure, each reported as one line listing what it concerns.
_CAUSES = {
    "sum": "missing go.sum entries for the modules providing {} (run `go mod download`)",
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


def analyze_module(go: GoCommand, root: str, package_dirs: list[str], *, tags: tuple[str, ...] = (),
                   module_path: str = "") -> ModuleReport:
    """Escape analysis of the packages in `package_dirs` (absolute) of the module at `root`."""
    report = ModuleReport(root, module_path)
    label = module_path or root
    env = environment(go)
    try:
        workspace = workspace_modules(go, root, env)
        if workspace is not None and os.path.normpath(root) not in workspace:
            # Not part of the go.work above it: build it as the standalone module it is.
            env = environment(go, {"GOWORK": "off"})
        tag_args = [f"-tags={','.join(tags)}"] if tags else []
        patterns = sorted({"./" + os.path.relpath(d, root).replace(os.sep, "/") for d in package_dirs})
        patterns = ["." if p == "./." else p for p in patterns]

        listed = run(go, ["list", "-e", "-json=ImportPath,Dir,Error,DepsErrors", *tag_args, *patterns],
                      root, env)
        if listed.returncode != 0:
            raise GoFailed(go_failure(["list"], listed))
        buildable = []
        causes: dict[str, tuple[list[str], list[str]]] = {}  # kind -> (subjects, packages not analyzed)
        for package in json_stream(decode(listed.stdout)):
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
            subjects, packages = causes.setdefault(kind or subject, ([], []))
            if subject not in subjects:
                subjects.append(subject)
            packages.append(import_path)
        for key, (subjects, packages) in causes.items():
            kind = key if key in _CAUSES else ""
            report.problems.append(f"{label}: {_describe(kind, subjects)}; not analyzed: {_names(packages)}")
        if not buildable:
            return report

        with tempfile.TemporaryDirectory(prefix="startup-lint-escape-") as json_dir:
            # Per-run directory: changes the cache key (see module docstring).
            compiler_flags = f"-m=2 -json=0,{_flag_value(Path(json_dir).as_uri())}"
            import_paths = [p["ImportPath"] for p in buildable]
            gcflags = [f"-gcflags={path}={compiler_flags}" for path in import_paths]
            args = ["build", "-json", "-o", _devnull(), *tag_args, *gcflags, *import_paths]
            built = run(go, args, root, env)
        report.escapes, failed, outputs = _read_build(decode(built.stdout), root)
        for import_path in failed:
            report.problems.append(f"{label}: package {import_path} does not compile: "
                                   f"{compile_error(outputs.get(import_path, ''))}")
        if built.returncode != 0 and not failed:
            report.problems.append(f"{label}: {go_failure(args, built)}")
    except GoFailed as err:
        report.problems.append(f"{label}: {err}")
    return report


def _names(packages: list[str]) -> str:
    shown = ", ".join(packages[:3])
    return shown + (f" and {len(packages) - 3} more" if len(packages) > 3 else "")


def _read_build(stdout: str, cwd: str) -> tuple[list[Escape], set[str], dict[str, str]]:
    outputs: dict[str, str] = {}
    failed: set[str] = set()
    for event in json_stream(stdout):
        import_path = event.get("ImportPath", "")
        if event.get("Action") == "build-output":
            outputs[import_path] = outputs.get(import_path, "") + event.get("Output", "")
        elif event.get("Action") == "build-fail":
            failed.add(import_path)
    escapes = []
    for import_path, output in sorted(outputs.items()):
        if import_path not in failed:
            escapes += parse_diagnostics(output, cwd)
    return escapes, failed, outputs


