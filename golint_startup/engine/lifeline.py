"""Worker processes end when the main process ends, however it ends.

A worker blocked on its task queue does not notice its parent's death: SIGTERM, SIGHUP or
SIGKILL to the main process would leave it running under PID 1. Each worker therefore
binds its life to its parent's as soon as it starts:

- Linux: the kernel sends the worker SIGKILL when its parent dies (`PR_SET_PDEATHSIG`).
  The parent may already be gone before that is set, so the worker then checks that its
  parent is still the process that started it.
- Elsewhere (macOS, BSD): a daemon thread polls the parent pid, which changes when the
  parent dies and the worker is reparented.

Workers hold no state worth saving (the main process writes the cache), so SIGKILL, the
one signal that cannot be blocked, is the right way to go.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
POLL_SECONDS = 1.0


def bind_to_parent(parent_pid: int) -> None:
    """Called first thing in a worker; `parent_pid` is the main process's pid."""
    if sys.platform.startswith("linux") and _set_parent_death_signal():
        if os.getppid() != parent_pid:  # the parent died before the kernel was told
            os._exit(1)
        return
    if hasattr(os, "getppid") and sys.platform != "win32":
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="startup-lint-lifeline",
                         daemon=True).start()


def _set_parent_death_signal() -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # no libc symbol: fall back to polling
        return False


def _watch_parent(parent_pid: int) -> None:
    stop = threading.Event()
    while not stop.wait(POLL_SECONDS):
        if os.getppid() != parent_pid:
            os._exit(1)
