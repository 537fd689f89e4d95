"""The wheel built from a clean copy of the repository, installed into a fresh virtual
environment, carries every rule of the catalog."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from golint_startup.rule import all_rules
from lintrun import PYPI, REPO, TESTDATA, copy_worktree, reachable

pytestmark = pytest.mark.needs_network


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> str:
    pytest.importorskip("build")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not reachable(PYPI):
        pytest.skip("PyPI is not reachable: the build backend and the dependencies come from it")
    source = str(tmp_path_factory.mktemp("source"))
    copy_worktree(source)
    dist = str(tmp_path_factory.mktemp("dist"))
    done = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, source],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (name,) = [f for f in os.listdir(dist) if f.endswith(".whl")]
    return os.path.join(dist, name)


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> str:
    """The bin directory of a fresh virtual environment with only the wheel and its dependencies."""
    env_dir = str(tmp_path_factory.mktemp("venv"))
    subprocess.run([sys.executable, "-m", "venv", env_dir], check=True, timeout=300)
    bin_dir = os.path.join(env_dir, "Scripts" if os.name == "nt" else "bin")
    done = subprocess.run([os.path.join(bin_dir, "python"), "-m", "pip", "install", "--quiet", wheel],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return bin_dir


def _run(bin_dir: str, *args: str, cwd: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["STARTUP_LINT_CACHE_DIR"] = os.path.join(cwd, ".cache-for-test")
    return subprocess.run([os.path.join(bin_dir, "startup-lint"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_wheel_contains_every_rule_module_and_nothing_else_on_top(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    rule_modules = sorted(f for f in os.listdir(os.path.join(REPO, "rules")) if f.endswith(".py"))
    assert rule_modules, "rules/ holds the catalog"
    for module in rule_modules:
        assert f"golint_startup/rules/{module}" in names
        if module != "__init__.py":  # a rule's metadata and help, read beside its module
            assert f"golint_startup/rules/{module[:-3]}.md" in names
    top_level = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top_level == {"golint_startup"}, "no stray top-level package (rules, tests, testdata)"


def test_installed_command_lists_every_rule(installed, tmp_path):
    done = _run(installed, "--list-rules", cwd=str(tmp_path))
    assert done.returncode == 0, done.stderr
    listed = [line.split()[0] for line in done.stdout.splitlines()]
    assert listed == list(all_rules()), "every rule of the source tree is in the installed catalog"
    for rule_id in all_rules():
        explained = _run(installed, "--explain", rule_id, cwd=str(tmp_path))
        assert explained.returncode == 0 and explained.stdout.startswith(f"# {rule_id} ")


def test_installed_command_lints_a_fixture_like_the_source_tree(installed, tmp_path):
    fixture = str(tmp_path / "sl007")
    shutil.copytree(os.path.join(TESTDATA, "sl007"), fixture)
    installed_run = _run(installed, "--select", "SL007", "--no-cache", cwd=fixture)
    source_run = subprocess.run([sys.executable, "-m", "golint_startup", "--select", "SL007", "--no-cache"],
                                cwd=fixture, capture_output=True, text=True, timeout=300)
    assert installed_run.returncode == source_run.returncode == 1, installed_run.stderr
    assert installed_run.stdout == source_run.stdout
    assert "SL007" in installed_run.stdout
    version = _run(installed, "--version", cwd=fixture)
    from golint_startup import __version__

    assert version.stdout.strip() == f"startup-lint, version {__version__}"
