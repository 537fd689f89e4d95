"""The pre-commit hooks, run by the real `pre-commit try-repo` against this repository."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile

import pytest
import yaml

from lintrun import CLEAN_MAIN, PYPI, REPO, ZAP_MAIN, ZAP_RULE_CONFIG, copy_worktree, reachable, write

pre_commit = pytest.importorskip("pre_commit")

# The user's git configuration (signing, hooks, templates) stays out of the test repositories.
_fd, _EMPTY_GIT_CONFIG = tempfile.mkstemp(prefix="startup-lint-test-gitconfig-")
os.close(_fd)
atexit.register(os.unlink, _EMPTY_GIT_CONFIG)
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": _EMPTY_GIT_CONFIG, "GIT_CONFIG_NOSYSTEM": "1"}


def _git(*args: str, cwd: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def test_manifest_validates():
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest",
                           os.path.join(REPO, ".pre-commit-hooks.yaml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_hook_definitions():
    with open(os.path.join(REPO, ".pre-commit-hooks.yaml"), encoding="utf-8") as handle:
        hooks = {hook["id"]: hook for hook in yaml.safe_load(handle)}
    assert set(hooks) == {"startup-lint", "startup-lint-escape"}
    lint, escape = hooks["startup-lint"], hooks["startup-lint-escape"]
    assert (lint["entry"], lint["language"], lint["types"]) == ("startup-lint", "python", ["go"])
    assert lint.get("pass_filenames", True) is True
    assert (escape["entry"], escape["language"]) == ("startup-lint --escape", "python")
    assert escape["pass_filenames"] is False and escape["require_serial"] is True


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> str:
    """This working tree as a one-commit repository.

    try-repo on a path uses that repository's HEAD (plus tracked files' uncommitted
    changes), never untracked files; a snapshot of the working tree, committed, is what
    is under test whatever the state of the checkout.
    """
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not reachable(PYPI):
        pytest.skip("PyPI is not reachable: try-repo installs the hook's dependencies from it")
    snapshot = str(tmp_path_factory.mktemp("hook-repo"))
    copy_worktree(snapshot)
    _git("init", "-q", cwd=snapshot)
    _git("add", "-A", cwd=snapshot)
    _git("commit", "-q", "-m", "snapshot", cwd=snapshot)
    return snapshot


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> str:
    # One hook environment for the module's tests, and none left in the user's cache.
    return str(tmp_path_factory.mktemp("pre-commit-home"))


def _project(root, files: dict[str, str]) -> str:
    root = str(root)
    write(root, "go.mod", "module example.com/svc\n\ngo 1.22\n")
    write(root, "README.md", "# not Go: pre-commit must not pass this file to the hook\n")
    for relpath, content in files.items():
        write(root, relpath, content)
    _git("init", "-q", cwd=root)
    _git("add", "-A", cwd=root)
    return root


def _try_repo(hook_repo: str, hook: str, project: str, home: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": home, "PRE_COMMIT_COLOR": "never"}
    env.pop("STARTUP_LINT_CACHE_DIR", None)
    env["XDG_CACHE_HOME"] = os.path.join(home, "xdg-cache")
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", hook_repo, hook, "--all-files"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.needs_network
def test_try_repo_fails_on_a_finding_and_passes_without(hook_repo, pre_commit_home, tmp_path):
    project = _project(tmp_path / "with-finding", {"cmd/svc/main.go": ZAP_MAIN, "internal/ok.go": "package ok\n",
                                                   ".startup-lint.toml": ZAP_RULE_CONFIG})
    done = _try_repo(hook_repo, "startup-lint", project, pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Failed" in output
    assert "cmd/svc/main.go:6:15: warning: SL005 zap.NewDevelopment()" in output
    assert "Traceback" not in output

    project = _project(tmp_path / "clean", {"cmd/svc/main.go": CLEAN_MAIN})
    done = _try_repo(hook_repo, "startup-lint", project, pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output


@pytest.mark.needs_network
@pytest.mark.needs_go
def test_try_repo_escape_hook_lints_the_whole_module(hook_repo, pre_commit_home, tmp_path):
    if shutil.which("go") is None:
        pytest.skip("go is not on PATH")
    escaping = ("package main\n\ntype Config struct{ Port int }\n\nvar global *Config\n\n"
                "func main() {\n\tglobal = &Config{Port: 8080}\n}\n")
    project = _project(tmp_path / "escape", {"main.go": escaping})
    done = _try_repo(hook_repo, "startup-lint-escape", project, pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "main.go:8:11: note: SL006" in output


@pytest.mark.needs_network
def test_try_repo_honors_each_module_config(hook_repo, pre_commit_home, tmp_path):
    """pre-commit runs the hook from the repository root; the root's config turns SL005 on,
    services/api's turns it off there."""
    files = {".startup-lint.toml": ZAP_RULE_CONFIG,
             "services/api/go.mod": "module example.com/api\n\ngo 1.22\n", "services/api/main.go": ZAP_MAIN,
             "services/api/.startup-lint.toml": 'ignore = ["SL005"]\n'}
    done = _try_repo(hook_repo, "startup-lint", _project(tmp_path / "monorepo", files), pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output

    files["services/web/main.go"] = ZAP_MAIN
    done = _try_repo(hook_repo, "startup-lint", _project(tmp_path / "monorepo2", files), pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "services/web/main.go:6:15: warning: SL005" in output and "services/api/main.go" not in output
