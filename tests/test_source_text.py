"""The project's own text files hold no control characters but tabs and line ends: a `\\b`
once written into a pattern as a backspace character left go_code's `_WRITTEN_LINE` unable to
match any `SetControllerReference` line, and no test of the pattern's other half noticed."""

import re
import subprocess

import pytest

from lintrun import REPO

_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CHECKED = (".py", ".md", ".toml", ".yaml", ".yml", ".cfg", ".txt")


def _tracked_sources() -> list[str]:
    try:
        listed = subprocess.run(["git", "-C", REPO, "ls-files", "golint_startup", "rules", "tests", "README.md",
                                 "pyproject.toml"], capture_output=True, check=True, text=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [path for path in listed if path.endswith(_CHECKED)]


def test_sources_hold_no_control_characters():
    sources = _tracked_sources()
    assert sources
    found = []
    for path in sources:
        with open(f"{REPO}/{path}", "rb") as file:
            for number, line in enumerate(file, 1):
                if _CONTROL.search(line):
                    found.append(f"{path}:{number}")
    assert found == []
