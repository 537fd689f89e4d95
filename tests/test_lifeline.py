"""Worker processes never outlive the main process, whatever signal ends it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from lintrun import REPO, default_signals

# The main process: lints 80 files with 2 workers whose batches never finish, so the
# workers are busy when the signal arrives. Each worker writes its pid into `pids`.
_MAIN = textwrap.dedent("""
    import os, sys, time
    from golint_startup.engine import lifeline, parallel
    from golint_startup.engine.config import build_settings
    from golint_startup.engine.runner import run

    tree, pids, mechanism = sys.argv[1:4]
    if mechanism == "poll":
        lifeline._set_parent_death_signal = lambda: False
        lifeline.POLL_SECONDS = 0.1

    def stuck_batch(batch):
        with open(os.path.join(pids, str(os.getpid())), "w"):
            pass
        time.sleep(3600)

    parallel._analyze_batch = stuck_batch
    settings = build_settings(config_path=None, cwd=tree)
    run(["./..."], settings, cwd=tree, analyze=parallel.analyzer(jobs=2, progress=False))
""")


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie nobody reaped yet (PID 1 in a container may not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            state = handle.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _wait_for(condition, limit: float = 30.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads process states from /proc")
@pytest.mark.parametrize("signum, mechanism", [
    (signal.SIGTERM, "pdeathsig"), (signal.SIGHUP, "pdeathsig"), (signal.SIGKILL, "pdeathsig"),
    (signal.SIGKILL, "poll"),  # the fallback where there is no PR_SET_PDEATHSIG (macOS, BSD)
], ids=["SIGTERM", "SIGHUP", "SIGKILL", "SIGKILL-poll"])
def test_workers_die_with_the_main_process(tmp_path, signum, mechanism):
    tree, pids = tmp_path / "tree", tmp_path / "pids"
    pids.mkdir()
    (tree / "pkg").mkdir(parents=True)
    for number in range(80):
        (tree / "pkg" / f"f{number}.go").write_text(f"package pkg\n\nfunc F{number}() {{}}\n")
    main = subprocess.Popen([sys.executable, "-c", _MAIN, str(tree), str(pids), mechanism], cwd=REPO,
                            env={**os.environ, "PYTHONPATH": REPO}, stderr=subprocess.PIPE,
                            preexec_fn=default_signals)
    try:
        assert _wait_for(lambda: len(os.listdir(pids)) == 2), "the workers never started"
        workers = [int(name) for name in os.listdir(pids)]
        assert all(_alive(pid) for pid in workers)
        main.send_signal(signum)
        main.wait(timeout=60)
        assert _wait_for(lambda: not any(_alive(pid) for pid in workers)), \
            f"workers outlived the main process: {[pid for pid in workers if _alive(pid)]}"
    finally:
        main.kill()
        main.wait()
        for name in os.listdir(pids):
            try:
                os.kill(int(name), signal.SIGKILL)
            except OSError:
                pass
