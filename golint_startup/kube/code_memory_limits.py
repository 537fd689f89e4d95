"""Whether a Go module's code, or its image's scripts and Dockerfiles, set a memory limit the
manifests do not show: a call that sets one (go.gccontrol, with SL004's default tables), a
dependency wrapping automemlimit, or GOMEMLIMIT set by a script the image starts.
"""

from __future__ import annotations

import os
import re
from typing import Any, Callable

from golint_startup.files import is_dockerfile
from golint_startup.go import gccontrol, gofile, modules
from golint_startup.go.library import DEFAULT_LIMIT_IMPORTS, DEFAULT_LIMITS, TEST_DIRS
from golint_startup.kube.go_code import COMMENTS


def module_sets_memory_limit(module: modules.Module, read_go: Callable[[str], bytes | None],
                              derive: Callable[[str, Callable], Any]) -> bool:
    """Whether a non-test file of the module sets a memory limit (go.gccontrol, with SL004's
    default tables); only files that spell one of the names are parsed."""
    needles = [path.encode() for path in DEFAULT_LIMIT_IMPORTS] + [f.rsplit(".", 1)[1].encode()
                                                                   for f in DEFAULT_LIMITS]
    # A dependency that wraps automemlimit (webdevops/go-common's `system.AutoProcMemLimit`,
    # which sets 90% of the cgroup's limit: azure-k8s-autopilot's finding saying the code set
    # none was read as wrong): automemlimit among the module's requirements, and a call of a
    # function named for a memory limit.
    requirements = modules.read_directives(os.path.join(module.root, "go.mod"))
    wraps = any(path in requirements for path in DEFAULT_LIMIT_IMPORTS)
    for path in modules.module_go_files(module):
        if path.endswith("_test.go"):
            continue
        source = read_go(path)
        if source and any(needle in source for needle in needles) and derive(path, _sets_memory_limit):
            return True
        if source and wraps and b"Limit" in source and _MEMORY_LIMIT_CALL.search(COMMENTS.sub(b"", source)):
            return True
    return False


_MEMORY_LIMIT_CALL = re.compile(rb"\.\w*Mem(?:ory)?Limit\w*\(")


# A line of a shell script or Dockerfile that gives GOMEMLIMIT a value (`export
# GOMEMLIMIT="${limit}MiB"` in an s6 run script, `ENV GOMEMLIMIT=900MiB`).
_GOMEMLIMIT_SET = re.compile(rb"^[ \t]*(?:export[ \t]+|ENV[ \t]+(?:\S+[ \t]+)*)?GOMEMLIMIT[ \t]*[= ]", re.MULTILINE)
_SCRIPT_SUFFIXES = (".sh", ".bash")
_MAX_SCRIPT_BYTES = 64 * 1024
_MAX_IMAGE_FILES = 20_000


def image_sets_gomemlimit(directory: str) -> bool:
    """Whether a shell script (`*.sh`, or a file without a suffix that starts with `#!`) or a
    Dockerfile below the container's module sets GOMEMLIMIT: an image that computes it
    at start from the cgroup's limit, for a process supervisor's run script (haproxy's
    ingress controller gives itself a third), tells the runtime in a way manifests do not
    show. Test and tooling directories and nested modules are left out; a tree too large to
    read says no."""
    seen = 0
    is_test_dir = modules.test_dir_matcher(TEST_DIRS)
    for root, dirnames, filenames in os.walk(directory):
        # A nested module (its own go.mod) builds images of its own.
        dirnames[:] = [d for d in dirnames if not modules.skipped_dir(d) and not is_test_dir(d)
                       and d != "node_modules" and not os.path.exists(os.path.join(root, d, "go.mod"))]
        for name in filenames:
            seen += 1
            if seen > _MAX_IMAGE_FILES:
                return False
            named_so = is_dockerfile(name) or name.endswith(_SCRIPT_SUFFIXES)
            if not named_so and "." in name:
                continue
            try:
                with open(os.path.join(root, name), "rb") as handle:
                    head = handle.read(_MAX_SCRIPT_BYTES)
            except OSError:
                continue
            if (named_so or head.startswith(b"#!")) and b"GOMEMLIMIT" in head and _GOMEMLIMIT_SET.search(head):
                return True
    return False


def _sets_memory_limit(file: gofile.GoFile) -> bool:
    return gccontrol.sets_memory_limit(file, DEFAULT_LIMITS, DEFAULT_LIMIT_IMPORTS)
