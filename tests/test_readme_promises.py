"""The README promises only what exists: install commands, pre-commit revisions, the test
command CI runs."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib

import pytest

from lintrun import REPO


def _read(relpath: str) -> str:
    with open(os.path.join(REPO, relpath), encoding="utf-8") as handle:
        return handle.read()


def _pip_installs(text: str) -> list[str]:
    return [match.group(1).strip() for match in re.finditer(r"pip install ([^\n`]+)", text)]


def test_every_install_command_installs_from_a_checkout_or_a_git_url():
    installs = _pip_installs(_read("README.md"))
    assert installs, "the README shows how to install"
    for command in installs:
        target = command.split("&&")[0].replace("-e ", "").strip().strip("'\"")
        assert target.startswith((".", "/")) or "git+" in target, \
            f"`pip install {command}`: startup-lint is not on PyPI"


def _revisions(text: str) -> list[str]:
    return re.findall(r"^\s*#?\s*rev:\s*(\S.*?)\s*(?:#.*)?$", text, flags=re.M)


@pytest.mark.parametrize("relpath", ["README.md", ".pre-commit-hooks.yaml"])
def test_pre_commit_revisions_are_placeholders_or_exist(relpath):
    revisions = _revisions(_read(relpath))
    assert revisions
    tags = set(subprocess.run(["git", "tag"], cwd=REPO, capture_output=True, text=True).stdout.split())
    for revision in revisions:
        if revision == "<commit sha>":
            continue
        known = re.fullmatch(r"[0-9a-f]{40}", revision) and subprocess.run(
            ["git", "cat-file", "-e", revision + "^{commit}"], cwd=REPO, capture_output=True).returncode == 0
        assert known or revision in tags, f"{relpath}: rev {revision} is neither a commit nor a tag here"


def test_the_readme_test_command_is_what_ci_runs_first_then_the_marked_tests():
    readme = _read("README.md")
    assert "pip install -e '.[test]' && python -m pytest -q\n" in readme
    steps = [line for line in _read(".ci/run").splitlines() if "pytest" in line and not line.startswith("#")]
    assert steps == ["python -m pytest -q", "python -m pytest -q -m 'needs_go or needs_network' || [ $? -eq 5 ]"]


def test_the_default_run_leaves_out_the_network_and_go_tests():
    with open(os.path.join(REPO, "pyproject.toml"), "rb") as handle:
        options = tomllib.load(handle)["tool"]["pytest"]["ini_options"]
    assert options["addopts"] == "-m 'not needs_go and not needs_network'"
    assert {marker.split(":")[0] for marker in options["markers"]} == {"needs_go", "needs_network"}
